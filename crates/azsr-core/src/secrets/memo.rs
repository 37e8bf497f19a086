//! Scanning again after an edit without scanning everything again: the language
//! server rescans a window around the edited bytes and keeps the rest of the previous
//! version's findings. The result is exactly a fresh [`super::scan_with`].
//!
//! Why that holds. A scan is the union of what each *origin* contributes (an anchor,
//! a DevOps PAT match, a digit run), merged at the end. Every detector reads the text
//! around its origin only, at most [`REACH_LINES`] lines or [`REACH_BYTES`] bytes away,
//! whichever is further, either way (a table column: 200 rows below its header; a PEM
//! body: 64 KiB on; card context: a few lines up; everything else: its own line, capped
//! at 4 KiB, or a few KiB). Origins never span a line break, and a line break ends every
//! digit run and resets the key de-duplication, so the origins in whole lines are the
//! same whether those lines are scanned alone or within the whole text. Hence, with the
//! edited bytes at `start..new_end`: origins before the line lying [`REACH_LINES`] lines
//! and [`REACH_BYTES`] bytes before `start` read nothing that changed, nor do origins
//! from the line as far after `new_end` (they only moved); the lines in between are
//! scanned again, and everything is merged as a fresh scan merges it.

use std::ops::Range;
use std::sync::Arc;

use super::{merge, scan_lines, Finding, Options, Raw};

/// How many lines away from its origin any detector reads (a table column's rows).
pub const REACH_LINES: usize = 256;
/// How many bytes away from its origin any detector reads (a PEM body's END line).
pub const REACH_BYTES: usize = 128 * 1024;

/// One version's scan, kept for the next version.
#[derive(Debug)]
pub struct Memo {
    len: usize,
    exempt: Vec<String>,
    raw: Vec<Raw>,
}

/// How the text changed since a memo's version: the bytes `start..new_end` of the new
/// text replaced the bytes `start..old_end` of the memo's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dirty {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl Dirty {
    /// Records one more edit of the current text (`range` replaced by `new_len` bytes)
    /// into `dirty` (`None`: no edit yet).
    pub fn add(dirty: &mut Option<Dirty>, range: Range<usize>, new_len: usize) {
        let d = match *dirty {
            None => Dirty {
                start: range.start,
                old_end: range.end,
                new_end: range.start + new_len,
            },
            Some(d) => {
                // The union of both, in the current text; beyond it the current text
                // is the memo's, shifted.
                let end = d.new_end.max(range.end);
                Dirty {
                    start: d.start.min(range.start),
                    old_end: d.old_end + (end - d.new_end),
                    new_end: end - range.len() + new_len,
                }
            }
        };
        *dirty = Some(d);
    }

    /// The whole text replaced (a full-sync change): `old_len` bytes by `new_len`.
    pub fn all(old_len: usize, new_len: usize) -> Dirty {
        Dirty {
            start: 0,
            old_end: old_len,
            new_end: new_len,
        }
    }
}

/// A previous version's scan and how the text changed since.
#[derive(Debug, Clone)]
pub struct Prior {
    pub memo: Arc<Memo>,
    /// `None`: the text did not change.
    pub dirty: Option<Dirty>,
}

/// One version's secret scan, made with the body model before any rule runs (see
/// [`crate::Source`]): what it found, which `sensitive-data` reports and redaction masks,
/// and the memo the next version's scan builds on.
#[derive(Debug)]
pub struct Scanned {
    /// Every secret, sorted by position (a fresh [`super::scan_with`]'s findings).
    pub found: Vec<Finding>,
    pub memo: Arc<Memo>,
}

impl Scanned {
    /// Scans `text`, building on `prior` when there is one.
    pub fn new(text: &str, opts: &Options, prior: Option<&Prior>) -> Scanned {
        let (found, memo) = scan(text, opts, prior);
        Scanned {
            found,
            memo: Arc::new(memo),
        }
    }
}

/// [`super::scan_with`], building on `prior` when there is one; also returns this
/// version's memo.
pub fn scan(text: &str, opts: &Options, prior: Option<&Prior>) -> (Vec<Finding>, Memo) {
    let raw = match prior.and_then(|p| reuse(text, opts, p)) {
        Some(raw) => raw,
        None => {
            let mut raw = Vec::new();
            scan_lines(text, 0..text.len(), opts, &mut raw);
            raw
        }
    };
    let found = merge(raw.iter().map(|r| r.finding.clone()).collect());
    #[cfg(debug_assertions)]
    if prior.is_some() && text.len() <= 1 << 20 {
        debug_assert_eq!(
            found,
            super::scan_with(text, opts),
            "incremental scan differs"
        );
    }
    let memo = Memo {
        len: text.len(),
        exempt: opts.exempt_numbers.clone(),
        raw,
    };
    (found, memo)
}

/// The raw findings of `text` from the prior's, or `None` when they cannot be used.
fn reuse(text: &str, opts: &Options, prior: &Prior) -> Option<Vec<Raw>> {
    let memo = &prior.memo;
    if memo.exempt != opts.exempt_numbers {
        return None;
    }
    let Some(d) = prior.dirty else {
        return (memo.len == text.len()).then(|| memo.raw.clone());
    };
    let consistent = d.start <= d.old_end
        && d.start <= d.new_end
        && d.old_end <= memo.len
        && d.new_end <= text.len()
        && memo.len - d.old_end == text.len() - d.new_end
        && text.is_char_boundary(d.start)
        && text.is_char_boundary(d.new_end);
    if !consistent {
        return None;
    }
    let from = window_start(text, d.start);
    let to = window_end(text, d.new_end);
    let old_to = to - d.new_end + d.old_end;
    let mut raw: Vec<Raw> = memo
        .raw
        .iter()
        .filter(|r| r.origin < from)
        .cloned()
        .collect();
    scan_lines(text, from..to, opts, &mut raw);
    raw.extend(memo.raw.iter().filter(|r| r.origin >= old_to).map(|r| {
        let shift = |x: usize| x - old_to + to;
        Raw {
            origin: shift(r.origin),
            finding: Finding {
                range: shift(r.finding.range.start)..shift(r.finding.range.end),
                kind: r.finding.kind,
            },
        }
    }));
    Some(raw)
}

/// The start of the line at least [`REACH_LINES`] lines and [`REACH_BYTES`] bytes
/// before `at`'s line.
fn window_start(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let mut by_lines = 0;
    let mut pos = at;
    for _ in 0..=REACH_LINES {
        match memchr::memrchr(b'\n', &b[..pos]) {
            Some(i) => {
                by_lines = i + 1;
                pos = i;
            }
            None => {
                by_lines = 0;
                break;
            }
        }
    }
    let p = by_lines.min(at.saturating_sub(REACH_BYTES));
    memchr::memrchr(b'\n', &b[..p]).map_or(0, |i| i + 1)
}

/// The start of the line at least [`REACH_LINES`] lines and [`REACH_BYTES`] bytes
/// after `at`'s line (or the end).
fn window_end(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let mut by_lines = at;
    for _ in 0..=REACH_LINES {
        match memchr::memchr(b'\n', &b[by_lines..]) {
            Some(i) => by_lines += i + 1,
            None => {
                by_lines = b.len();
                break;
            }
        }
    }
    let p = by_lines.max((at + REACH_BYTES).min(b.len()));
    if p == 0 || b[p - 1] == b'\n' {
        return p;
    }
    memchr::memchr(b'\n', &b[p..]).map_or(b.len(), |i| p + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::scan_with;
    use proptest::prelude::*;

    /// Lines that make detectors fire or nearly fire, including the far-reaching ones.
    const PIECES: &[&str] = &[
        "password=Tr0ub4dor&3x;",
        "Password: Ab1!xyz9",
        "パスワード：Qw3rty!Zx98",
        "| user | パスワード |",
        "|---|---|",
        "| admin | S3cr3t!pass |",
        "-----BEGIN RSA PRIVATE KEY-----",
        "MIIEowIBAAKCAQEA7bq1x2kQn0Zc3h9v8mR4Tq2wX5yLp6sUe1dGf3aHj7kB9cN0",
        "-----END RSA PRIVATE KEY-----",
        "$ az storage account keys list -g rg -n st",
        "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXU=",
        "card: 4111 1111 1111 1111",
        "4111111111111111",
        "お問い合わせ番号",
        "- 4012888888881881",
        "visa",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl",
        "AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy==",
        "https://user:Passw0rd!@example.com/",
        "Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345",
        "mysql -u root -pS3cret!",
        "key",
        "=",
        " ",
        "\n",
        "\n",
        "\n\n",
        "日本語",
    ];

    const LOG: &str = "2026-11-20T05:12:44.123Z INFO  [worker-3] request_id=7d1c2f3a path=/api/orders status=200 duration_ms=41\n";

    fn pieces() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.join("\n"))
    }

    /// Blocks of pieces between logs long enough that most of the text is reused.
    fn document() -> impl Strategy<Value = String> {
        prop::collection::vec((pieces(), 0usize..1800), 1..4).prop_map(|blocks| {
            let mut text = String::new();
            for (p, log_lines) in blocks {
                text.push_str(&p);
                text.push('\n');
                text.push_str(&LOG.repeat(log_lines));
            }
            text
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]
        #[test]
        fn rescanning_around_edits_equals_a_fresh_scan(
            initial in document(),
            rounds in prop::collection::vec(
                prop::collection::vec(
                    (any::<prop::sample::Index>(), 0usize..40, pieces(), any::<bool>()),
                    1..3,
                ),
                1..4,
            ),
            exempt in any::<bool>(),
        ) {
            let opts = Options {
                exempt_numbers: if exempt { vec!["4012888888881881".into()] } else { Vec::new() },
            };
            let mut text = initial;
            let (found, memo) = scan(&text, &opts, None);
            prop_assert_eq!(&found, &scan_with(&text, &opts));
            let mut prior = Prior { memo: Arc::new(memo), dirty: None };
            for edits in rounds {
                for (at, del, insert, near_piece) in edits {
                    // Edit at a random character, or at a random line holding a piece.
                    let bounds: Vec<usize> = if near_piece {
                        text.match_indices('\n')
                            .map(|(i, _)| i + 1)
                            .filter(|&i| !text[i..].starts_with(LOG))
                            .chain([0])
                            .collect()
                    } else {
                        text.char_indices().map(|(i, _)| i).chain([text.len()]).collect()
                    };
                    let start = bounds[at.index(bounds.len())];
                    let mut end = (start + del).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(start..end, &insert);
                    Dirty::add(&mut prior.dirty, start..end, insert.len());
                }
                let (found, memo) = scan(&text, &opts, Some(&prior));
                prop_assert_eq!(&found, &scan_with(&text, &opts));
                prior = Prior { memo: Arc::new(memo), dirty: None };
            }
            // Unchanged text: the memo alone.
            let (found, _) = scan(&text, &opts, Some(&prior));
            prop_assert_eq!(&found, &scan_with(&text, &opts));
        }
    }

    #[test]
    fn a_finding_far_from_the_edit_is_kept_and_shifted() {
        let log = LOG.repeat(4000);
        let text = format!("password=Tr0ub4dor&3x;\n{log}Password: Ab1!xyz9\n");
        let opts = Options::default();
        let (found, memo) = scan(&text, &opts, None);
        assert_eq!(found.len(), 2);
        let mut edited = text.clone();
        edited.insert_str(0, "xx");
        let mut dirty = None;
        Dirty::add(&mut dirty, 0..0, 2);
        let prior = Prior {
            memo: Arc::new(memo),
            dirty,
        };
        let (again, _) = scan(&edited, &opts, Some(&prior));
        assert_eq!(again, scan_with(&edited, &opts));
        assert_eq!(
            again[1].range,
            found[1].range.start + 2..found[1].range.end + 2
        );
    }

    #[test]
    fn dirty_ranges_compose() {
        let mut d = None;
        Dirty::add(&mut d, 10..12, 5); // 0..10 same, 10..15 new, 15.. = old 12..
        Dirty::add(&mut d, 3..4, 0); // before: 3..14 new covers old 3..12
        assert_eq!(
            d,
            Some(Dirty {
                start: 3,
                old_end: 12,
                new_end: 14
            })
        );
        Dirty::add(&mut d, 20..21, 3); // after: new 3..23, old 3..12 + (21 - 14)
        assert_eq!(
            d,
            Some(Dirty {
                start: 3,
                old_end: 19,
                new_end: 23
            })
        );
    }
}
