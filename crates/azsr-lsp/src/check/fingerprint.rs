//! A finding's identity across runs, for the formats whose consumers track findings
//! (SARIF's `partialFingerprints`, GitLab's `fingerprint`; cli.md).
//!
//! The identity is the file's path, the rule and the finding's text (whitespace runs
//! folded, so re-indenting or `\r\n` endings change nothing), never its line: adding a
//! line above a finding keeps its fingerprint. A finding with an empty span (a file-level
//! one) takes its line's text; a secret's text is left out (a hash of a short password
//! could be reversed by guessing), the rest of its line stands for it. The same text found
//! twice by one rule is told apart by its occurrence index, in document order.

use std::collections::HashMap;
use std::fmt;

use super::{Checked, Finding};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// FNV-1a (64 bits) of path, rule and the finding's normalised text: a hash that is
    /// defined by its few lines here, so it stays the same across Rust versions and
    /// platforms (std's `DefaultHasher` promises neither).
    pub hash: u64,
    /// 1 for the first finding with this hash in the file, 2 for the second, …
    pub occurrence: u32,
}

/// `HASH:OCCURRENCE`, the shape of GitHub's own `primaryLocationLineHash`.
impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}:{}", self.hash, self.occurrence)
    }
}

/// The fingerprint of each of `file`'s findings, in order.
pub fn of_file(file: &Checked) -> Vec<Fingerprint> {
    let mut seen: HashMap<u64, u32> = HashMap::new();
    file.findings
        .iter()
        .map(|f| {
            let hash = fnv1a(&[
                file.path.as_bytes(),
                f.code.as_bytes(),
                normalised_text(&file.text, f).as_bytes(),
            ]);
            let occurrence = seen.entry(hash).or_default();
            *occurrence += 1;
            Fingerprint {
                hash,
                occurrence: *occurrence,
            }
        })
        .collect()
}

/// The text that identifies `f`: its span, or its line when the span is empty or a
/// secret (then without the secret), with whitespace runs folded to one space.
fn normalised_text(text: &str, f: &Finding) -> String {
    let range = f.range.start.min(text.len())..f.range.end.min(text.len());
    let (Some(span), true) = (text.get(range.clone()), !f.secret && !range.is_empty()) else {
        let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[range.end..]
            .find('\n')
            .map_or(text.len(), |i| range.end + i);
        let before = text.get(line_start..range.start).unwrap_or("");
        let after = text.get(range.end..line_end).unwrap_or("");
        return fold_whitespace(&format!("{before} {after}"));
    };
    fold_whitespace(span)
}

fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a over the parts, each followed by a 0 byte (so `("ab", "c")` ≠ `("a", "bc")`).
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter().chain(&[0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Finding, Pos};
    use azsr_core::Level;

    fn file(text: &str, spans: &[(&'static str, &str, bool)]) -> Checked {
        let findings = spans
            .iter()
            .map(|&(code, needle, secret)| {
                let at = text.find(needle).expect("the needle is in the text");
                Finding {
                    code,
                    level: Level::Warning,
                    message: String::new(),
                    start: Pos { line: 1, column: 1 },
                    end: Pos { line: 1, column: 1 },
                    range: at..at + needle.len(),
                    secret,
                }
            })
            .collect();
        Checked {
            path: "a.azsr.md".into(),
            text: text.into(),
            findings,
        }
    }

    #[test]
    fn known_value_of_the_hash() {
        // FNV-1a's published test vector for the empty input, and "a" (+ our separator).
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for b in [b'a', 0] {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        assert_eq!(fnv1a(&[b"a"]), h);
        assert_ne!(fnv1a(&[b"ab", b"c"]), fnv1a(&[b"a", b"bc"]));
    }

    #[test]
    fn stable_when_lines_move_or_endings_change() {
        let before = of_file(&file("x\nuse PoC here\n", &[("r", "PoC", false)]));
        let moved = of_file(&file(
            "new line\r\n\r\nx\r\nuse PoC here\r\n",
            &[("r", "PoC", false)],
        ));
        assert_eq!(before, moved);
        assert_eq!(before[0].to_string(), format!("{:016x}:1", before[0].hash));
    }

    #[test]
    fn rule_text_and_occurrence_tell_findings_apart() {
        let fps = of_file(&file(
            "PoC and PoC, prod",
            &[
                ("r", "PoC", false),
                ("r", "PoC", false),
                ("r", "prod", false),
                ("s", "PoC", false),
            ],
        ));
        assert_eq!(fps[0].hash, fps[1].hash);
        assert_eq!((fps[0].occurrence, fps[1].occurrence), (1, 2));
        assert_ne!(fps[0].hash, fps[2].hash);
        assert_ne!(fps[0].hash, fps[3].hash);
    }

    #[test]
    fn empty_spans_take_their_line_and_secrets_are_left_out() {
        let empty = |text: &str| {
            let mut f = file(text, &[("r", "", false)]);
            f.findings[0].range = 4..4;
            of_file(&f)[0].hash
        };
        assert_eq!(empty("abc\ndef"), empty("abc\ndef\n\nmore"));
        assert_ne!(empty("abc\ndef"), empty("abc\nxyz"));
        // Two different secrets on the same line: the same fingerprint.
        let secret = |s: &str| {
            let text = format!("key: {s} end");
            of_file(&file(&text, &[("sensitive-data", s, true)]))[0].hash
        };
        assert_eq!(secret("hunter2"), secret("correcthorse"));
        let f = file("key: hunter2 end", &[("sensitive-data", "hunter2", true)]);
        assert!(!normalised_text(&f.text, &f.findings[0]).contains("hunter2"));
    }
}
