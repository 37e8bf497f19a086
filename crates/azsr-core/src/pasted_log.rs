//! Logs pasted into prose without a code fence.
//!
//! Users paste logs as plain lines. Markdown reads them as one paragraph, so without help
//! every text rule would read thousands of log lines as sentences, and the inline parse
//! would build a node per word. A run of lines that look like log lines is therefore
//! taken out of the prose (see `body::Body::pasted`), like a code block.
//!
//! A log line starts (after an optional `[` or `(`) with a date, a time of day, a syslog
//! stamp (`Nov 20 05:12:44`) or an upper-case level (`INFO`, `ERROR:`), or is a stack
//! frame (`at Namespace.Type.Method(…)`, `File "x.py", line 3`). A run needs
//! [`MIN_LOG_LINES`] of them, with at most [`MAX_GAP`] other lines in a row between two
//! (a message continued on the next line, an exception text). A timeline written by hand
//! has a few dated lines, not a run of ten.

use std::ops::Range;

/// Log lines a run needs before it is taken for a pasted log.
pub const MIN_LOG_LINES: usize = 10;

/// Other lines a run may hold in a row between two log lines.
pub const MAX_GAP: usize = 2;

/// A prose block longer than this (in bytes) is not prose anyone wrote: it is left out of
/// the prose like a log (no inline parse, no text rule), which bounds the work per block.
/// A whole request is a few kilobytes; the portal's description field holds far less.
pub const PROSE_MAX: usize = 256 * 1024;

const LEVELS: &[&str] = &[
    "TRACE",
    "DEBUG",
    "INFO",
    "INFORMATION",
    "NOTICE",
    "WARN",
    "WARNING",
    "ERROR",
    "ERR",
    "FATAL",
    "CRITICAL",
    "CRIT",
    "VERBOSE",
];

const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Counts the ASCII digits at the start of `s`.
fn digits(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// `s` starts with `HH:MM:SS` (one or two digits for the hour).
fn time_of_day(s: &[u8]) -> bool {
    let h = digits(s);
    (1..=2).contains(&h)
        && s.get(h) == Some(&b':')
        && digits(&s[h + 1..]) == 2
        && s.get(h + 3) == Some(&b':')
        && digits(&s[h + 4..]) >= 2
}

/// The length of a `YYYY-MM-DD` (or `/`, `.` as separators; months and days of one or
/// two digits) at the start of `s`.
fn date(s: &[u8]) -> Option<usize> {
    if digits(s) != 4 || !matches!(s.get(4), Some(b'-' | b'/' | b'.')) {
        return None;
    }
    let sep = s[4];
    let m = digits(&s[5..]);
    if !(1..=2).contains(&m) || s.get(5 + m) != Some(&sep) {
        return None;
    }
    let d = digits(&s[6 + m..]);
    (1..=2).contains(&d).then_some(6 + m + d)
}

/// Whether one line (without its break) looks like a line of a log.
pub fn is_log_line(line: &str) -> bool {
    let t = line.trim_start().as_bytes();
    let s = t
        .strip_prefix(b"[")
        .or_else(|| t.strip_prefix(b"("))
        .unwrap_or(t);
    if time_of_day(s) {
        return true;
    }
    if let Some(n) = date(s) {
        // A log stamps the time to the second; a timeline written by hand
        // (`2026-11-20 10:00 に再起動`) does not.
        let rest = &s[n..];
        let rest = rest.strip_prefix(b"T").unwrap_or(rest).trim_ascii_start();
        return time_of_day(rest);
    }
    if let Some(rest) = MONTHS.iter().find_map(|m| s.strip_prefix(m.as_bytes())) {
        let rest = rest.strip_prefix(b" ").unwrap_or(rest);
        let rest = rest.strip_prefix(b" ").unwrap_or(rest);
        let d = digits(rest);
        if (1..=2).contains(&d) && rest.get(d) == Some(&b' ') && time_of_day(&rest[d + 1..]) {
            return true;
        }
    }
    if let Some(rest) = LEVELS.iter().find_map(|l| s.strip_prefix(l.as_bytes())) {
        if matches!(
            rest.first(),
            None | Some(b' ' | b'\t' | b':' | b']' | b'|' | b'-')
        ) {
            return true;
        }
    }
    if let Some(rest) = s.strip_prefix(b"at ") {
        let word = rest.split(|&b| b == b' ').next().unwrap_or_default();
        if word.contains(&b'.') && word.contains(&b'(') {
            return true;
        }
    }
    s.starts_with(b"File \"") && line.contains("\", line ")
}

/// The runs of log lines in `range` of `text`, each from the start of its first log line
/// (after any continuation marker in `holes`, sorted) to the end of its last.
pub fn log_runs(text: &str, range: Range<usize>, holes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The open run: its start, its end, how many log lines, other lines since the last.
    let mut run: Option<(usize, usize, usize, usize)> = None;
    let close = |run: Option<(usize, usize, usize, usize)>, out: &mut Vec<Range<usize>>| {
        if let Some((start, end, n, _)) = run {
            if n >= MIN_LOG_LINES {
                out.push(start..end);
            }
        }
    };
    let bytes = text.as_bytes();
    let mut pos = range.start;
    while pos < range.end {
        let brk =
            memchr::memchr2(b'\n', b'\r', &bytes[pos..range.end]).map_or(range.end, |i| pos + i);
        let mut start = pos;
        let h = holes.partition_point(|h| h.end <= start);
        if let Some(h) = holes.get(h).filter(|h| h.start <= start) {
            start = h.end.min(brk);
        }
        let line = &text[start..brk];
        if is_log_line(line) {
            run = Some(match run {
                Some((s, _, n, _)) => (s, brk, n + 1, 0),
                None => (start, brk, 1, 0),
            });
        } else if let Some((s, e, n, gap)) = run {
            if gap + 1 > MAX_GAP || line.trim().is_empty() {
                close(run, &mut out);
                run = None;
            } else {
                run = Some((s, e, n, gap + 1));
            }
        }
        pos = brk + 1;
        if bytes.get(brk) == Some(&b'\r') && bytes.get(pos) == Some(&b'\n') {
            pos += 1;
        }
    }
    close(run, &mut out);
    out
}

/// How many log lines `range` holds when it is all log: it starts with a log line and
/// never has more than [`MAX_GAP`] other lines in a row (a log pasted with blank lines
/// between its entries is many such paragraphs).
pub fn all_log(text: &str, range: Range<usize>) -> Option<usize> {
    let mut n = 0;
    let mut gap = 0;
    for line in text[range].lines() {
        if is_log_line(line) {
            n += 1;
            gap = 0;
        } else {
            gap += 1;
            if n == 0 || gap > MAX_GAP {
                return None;
            }
        }
    }
    (n > 0).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_lines_and_not() {
        for line in [
            "2026-11-20T05:12:44.123Z INFO  [worker-3] request_id=7d1c path=/api/orders status=200",
            "2026/11/20 05:12:44 エラー: 接続がタイムアウトしました",
            "2026/1/2 5:12:44 情報",
            "[2026-11-20 05:12:44] ERROR db connection lost",
            "05:12:44.120 warn retrying",
            "Nov 20 05:12:44 vm-web-01 sshd[811]: Accepted publickey",
            "ERROR: The subscription could not be found.",
            "[INFO] starting",
            "   at System.Net.Http.HttpClient.SendAsync(HttpRequestMessage request)",
            "  File \"/app/main.py\", line 12, in <module>",
        ] {
            assert!(is_log_line(line), "{line}");
        }
        for line in [
            "2026年11月20日に発生しました。",
            "2026-11-20 10:00 に再起動しました。",
            "2026/11/20 に発生",
            "2026-11-20",
            "RDP で接続できません。",
            "Error handling is fine here.",
            "INFORMATIONAL text",
            "at least once a day (twice on Mondays)",
            "12:30 頃から",
            "20261120",
            "",
        ] {
            assert!(!is_log_line(line), "{line}");
        }
    }

    fn runs(text: &str) -> Vec<&str> {
        log_runs(text, 0..text.len(), &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn a_run_needs_ten_log_lines_and_may_hold_short_gaps() {
        let line = "2026-11-20T05:12:44Z INFO ok\n";
        let nine = line.repeat(9);
        assert!(runs(&format!("前文です。\n{nine}後文です。")).is_empty());
        let text =
            format!("前文です。\n{nine}Exception: boom\n  details\n{line}後文\nその2\nその3\n");
        assert_eq!(runs(&text), [&text[16..text.find("後文").unwrap() - 1]]);
        // Three other lines in a row end the run.
        let text = format!("{}a\nb\nc\n{}", line.repeat(5), line.repeat(5));
        assert!(runs(&text).is_empty());
        // CRLF, and a block quote's markers given as holes.
        let text = "> 2026-11-20 05:00:00 x\r\n".repeat(10);
        let holes: Vec<Range<usize>> = (0..10).map(|i| i * 25..i * 25 + 2).collect();
        let found = log_runs(&text, 0..text.len() - 2, &holes);
        assert_eq!(found, vec![2..text.len() - 2]);
    }
}

/// What users see: an unfenced log gets no prose-rule findings from its lines, while the
/// prose around it is still checked.
#[cfg(test)]
mod rules_on_pasted_logs {
    use crate::rules::{multiple_problems, placeholder, sensitive_data};
    use crate::testing::{assert_spans, check, CLEAN_JA};

    #[test]
    fn prose_rules_skip_the_log_and_read_the_rest() {
        let log: String = (0..40)
            .map(|i| format!("2026-11-20T05:12:{i:02}Z WARN [w] TODO: retry? id=<id> ok?\n"))
            .collect();
        let (head, tail) = CLEAN_JA.split_at(CLEAN_JA.find("## 頻度").unwrap());
        let text = format!("{head}## 補足\n{log}以下 «TODO» です。\n\n{tail}");
        assert_spans(&placeholder::RULE, &text);
        assert_spans(&multiple_problems::RULE, &text.replace(['«', '»'], ""));
    }

    #[test]
    fn secrets_in_a_pasted_log_are_still_found() {
        let mut log: String = (0..20)
            .map(|i| format!("2026-11-20T05:12:{i:02}Z INFO [w] request ok\n"))
            .collect();
        log.push_str(
            "2026-11-20T05:13:00Z DEBUG conn Server=tcp:db.example.net;Password=Xk8#vQ2!mZr7pL;\n",
        );
        let (head, tail) = CLEAN_JA.split_at(CLEAN_JA.find("## 頻度").unwrap());
        let text = format!("{head}## 補足\n{log}\n{tail}");
        let found = check(&sensitive_data::RULE, &text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(text[found[0].range.clone()].contains("Xk8#vQ2!mZr7pL"));
    }
}
