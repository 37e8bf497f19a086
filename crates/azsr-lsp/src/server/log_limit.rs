//! Bounded logging of what a client can make happen without limit (clamped positions,
//! changes to documents that are not open): 50,000 changes with hostile ranges logged
//! 5.2 MB to stderr. The first few are logged in full, then only a count at each power
//! of ten, so a session's stderr grows with the logarithm of such events.

use std::sync::atomic::{AtomicU64, Ordering};

/// How many events of one kind are logged in full.
pub const IN_FULL: u64 = 20;

/// One kind of event, counted over the whole session.
pub struct Limited {
    count: AtomicU64,
    /// What is counted, in the plural ("positions clamped").
    what: &'static str,
}

impl Limited {
    pub const fn new(what: &'static str) -> Limited {
        Limited {
            count: AtomicU64::new(0),
            what,
        }
    }

    /// Logs the event's `line` while few have been, else at most a count.
    pub fn log(&self, line: impl FnOnce() -> String) {
        let n = self.count.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(text) = self.line_for(n, line) {
            eprintln!("{text}");
        }
    }

    /// What to log for the `n`th event (1-based), if anything.
    fn line_for(&self, n: u64, line: impl FnOnce() -> String) -> Option<String> {
        let what = self.what;
        if n < IN_FULL {
            Some(line())
        } else if n == IN_FULL {
            Some(format!(
                "{}\nazsr-lsp: {n} {what}: further ones are counted, not logged",
                line()
            ))
        } else if n >= 100 && power_of_ten(n) {
            Some(format!("azsr-lsp: {n} {what} so far"))
        } else {
            None
        }
    }
}

fn power_of_ten(mut n: u64) -> bool {
    while n >= 10 && n.is_multiple_of(10) {
        n /= 10;
    }
    n == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_the_first_ones_then_counts_at_powers_of_ten() {
        let l = Limited::new("positions clamped");
        let logged: Vec<(u64, String)> = (1..=1_000_000)
            .filter_map(|n| l.line_for(n, || format!("event {n}")).map(|s| (n, s)))
            .collect();
        let ns: Vec<u64> = logged.iter().map(|(n, _)| *n).collect();
        let mut expected: Vec<u64> = (1..=IN_FULL).collect();
        expected.extend([100, 1000, 10_000, 100_000, 1_000_000]);
        assert_eq!(ns, expected);
        assert_eq!(logged[0].1, "event 1");
        assert!(logged[IN_FULL as usize - 1]
            .1
            .ends_with("counted, not logged"));
        assert_eq!(
            logged.last().unwrap().1,
            "azsr-lsp: 1000000 positions clamped so far"
        );
    }
}
