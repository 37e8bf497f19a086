//! `--format human`: each finding as a titled snippet of its source line(s) with the
//! span underlined (rendered by `annotate-snippets`, which measures wide characters),
//! then a summary line. Failures go to standard error. Secrets are masked in every
//! quoted line ([`azsr_core::redact`]) and control characters escaped in every path,
//! message and quoted line ([`super::escape`]): nothing printed can act as a command.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level as Title, Origin, Renderer, Snippet};
use azsr_core::redact::Redactor;
use azsr_core::{Lang, Level, LineIndex};

use super::escape::{self, visible};
use super::{Checked, Finding, Report};

/// A quoted line longer than this (in characters) is cut to a window around the span.
const MAX_LINE_CHARS: usize = 2000;
/// Context kept on each side of the span when a line is cut.
const WINDOW_CONTEXT: usize = 60;
/// A span over more lines than this is shown by its first line only.
const MAX_SNIPPET_LINES: usize = 12;

/// Whether standard output and standard error get colour.
#[derive(Debug, Clone, Copy)]
pub struct Colors {
    pub out: bool,
    pub err: bool,
}

fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

pub fn write(
    out: &mut impl Write,
    err: &mut impl Write,
    report: &Report,
    colors: Colors,
) -> io::Result<()> {
    let renderer = renderer(colors.out);
    for file in &report.files {
        if file.findings.is_empty() {
            continue;
        }
        let index = LineIndex::new(&file.text);
        let redactor = redactor(file);
        for f in &file.findings {
            writeln!(out, "{}\n", render(&renderer, file, &index, &redactor, f))?;
        }
    }
    for failure in &report.failures {
        let title = Title::ERROR.primary_title(format!(
            "{}: {}",
            visible(&failure.path),
            visible(&failure.message)
        ));
        writeln!(
            err,
            "{}",
            self::renderer(colors.err).render(&[Group::with_title(title)])
        )?;
    }
    writeln!(out, "{}", summary_line(report))
}

pub fn summary_line(report: &Report) -> String {
    let s = report.summary();
    if report.lang == Lang::Ja {
        let mut line = format!(
            "{} 件のファイルを確認しました。エラー {} 件、警告 {} 件、情報 {} 件、ヒント {} 件です。",
            s.files, s.errors, s.warnings, s.information, s.hints
        );
        if s.failed > 0 {
            line.push_str(&format!(
                "確認できなかったファイルが {} 件あります。",
                s.failed
            ));
        }
        return line;
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "{} checked: {}, {}, {} information, {}",
        plural(s.files, "file", "files"),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        s.information,
        plural(s.hints, "hint", "hints"),
    );
    if s.failed > 0 {
        line.push_str(&format!(
            "; {} could not be checked",
            plural(s.failed, "file", "files")
        ));
    }
    line
}

/// What to mask on a file's quoted lines: every secret reported in the file (also where
/// another finding quotes its line), and whatever may be a secret though no detector
/// reported it (defence in depth: a masked ID costs little, a printed key costs a
/// rotation), whatever `sensitive-data`'s level.
fn redactor(file: &Checked) -> Redactor {
    let reported = file.findings.iter().filter(|f| f.secret);
    let quoted = file.findings.iter().filter(|f| !f.secret);
    let quoted = quoted.map(|f| f.range.clone());
    Redactor::new(&file.text, reported.map(|f| f.range.clone()), quoted)
}

/// The text to quote for a finding: the byte range of its lines in the file, the span
/// inside that text, and the 1-based number of its first line.
struct Quote {
    text: String,
    span: Range<usize>,
    line: usize,
    /// The line was cut to a window around the span.
    cut: bool,
    /// A character before the span on its line was escaped: the quoted columns are not
    /// the file's.
    shifted: bool,
}

fn quote(file: &Checked, index: &LineIndex, redactor: &Redactor, f: &Finding) -> Quote {
    let text = &file.text;
    let first = f.start.line as usize - 1;
    let mut last = (f.end.line as usize - 1).max(first);
    let mut range = f.range.start.min(text.len())
        ..f.range
            .end
            .min(text.len())
            .max(f.range.start.min(text.len()));
    if last - first >= MAX_SNIPPET_LINES {
        last = first;
    }
    let mut lines = index.line_range(text, first).start..index.line_range(text, last).end;
    if first == 0 && text.starts_with('\u{feff}') {
        lines.start = lines.start.max(3);
    }
    range.start = range.start.clamp(lines.start, lines.end);
    range.end = range.end.clamp(range.start, lines.end);
    let mut start = lines.start;
    let mut end = lines.end;
    let mut cut = false;
    // Cut a very long single line to a window around the span, on char boundaries.
    if first == last && text[start..end].chars().count() > MAX_LINE_CHARS {
        let before = &text[start..range.start];
        let keep_before = before
            .char_indices()
            .rev()
            .nth(WINDOW_CONTEXT - 1)
            .map_or(0, |(i, _)| i);
        start += keep_before;
        let span_end = range.end.min(range.start + 4 * MAX_LINE_CHARS);
        let mut span_end = span_end;
        while !text.is_char_boundary(span_end) {
            span_end -= 1;
        }
        range.end = span_end;
        let after = &text[span_end..end];
        let keep_after = after
            .char_indices()
            .nth(WINDOW_CONTEXT)
            .map_or(after.len(), |(i, _)| i);
        end = span_end + keep_after;
        cut = true;
    }
    let hidden = redactor.hidden_in(text, start..end);
    let mut hidden = hidden.iter().peekable();
    let mut quoted = String::with_capacity(end - start + 6);
    if cut && start > lines.start {
        quoted.push_str("...");
    }
    let mut span = 0..0;
    let mut shifted = false;
    for (i, ch) in text[start..end].char_indices() {
        let at = start + i;
        if at == range.start {
            span.start = quoted.len();
        }
        if at == range.end {
            span.end = quoted.len();
        }
        while hidden.next_if(|r| r.end <= at).is_some() {}
        let is_hidden = hidden.peek().is_some_and(|r| r.contains(&at));
        let line_break = ch == '\n' || ch == '\r';
        if is_hidden && !line_break {
            quoted.push('*');
        } else if ch == '\r' && text.as_bytes().get(at + 1) != Some(&b'\n') {
            // A lone CR ends a line (as LSP and the line index say); the renderer
            // only knows LF.
            quoted.push('\n');
        } else if line_break || ch == '\t' || !escape::is_unsafe(ch) {
            quoted.push(ch);
        } else {
            escape::push_escaped(&mut quoted, ch);
            // The span starts on the quote's first line.
            shifted |= at < range.start;
        }
    }
    if range.start >= end {
        span.start = quoted.len();
    }
    if range.end >= end {
        span.end = quoted.len();
    }
    if cut && end < lines.end {
        quoted.push_str("...");
    }
    Quote {
        text: quoted,
        span,
        line: first + 1,
        cut,
        shifted,
    }
}

fn title_level(level: Level) -> Title<'static> {
    match level {
        Level::Error => Title::ERROR,
        Level::Warning => Title::WARNING,
        Level::Information => Title::INFO.with_name(Some("information")),
        Level::Hint => Title::HELP.with_name(Some("hint")),
    }
}

pub fn render(
    renderer: &Renderer,
    file: &Checked,
    index: &LineIndex,
    redactor: &Redactor,
    f: &Finding,
) -> String {
    let q = quote(file, index, redactor, f);
    let message = visible(&f.message);
    let path = visible(&file.path);
    let title = title_level(f.level)
        .primary_title(message.as_ref())
        .id(f.code);
    let snippet = Snippet::source(q.text.as_str())
        .line_start(q.line)
        .annotation(AnnotationKind::Primary.span(q.span.clone()));
    if !q.cut && !q.shifted {
        // annotate-snippets computes the same line:column from the quoted lines.
        let report = [Group::with_title(title).element(snippet.path(path.as_ref()))];
        return renderer.render(&report);
    }
    // A cut or escaped line: its columns are not the file's, so name the place apart.
    let origin = Origin::path(path.as_ref())
        .line(f.start.line as usize)
        .char_column(f.start.column as usize);
    let report = [
        Group::with_title(title).element(origin),
        Group::with_level(title_level(f.level)).element(snippet),
    ];
    renderer.render(&report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::position;
    use azsr_core::Source;

    fn finding(text: &str, range: Range<usize>, level: Level, secret: bool) -> (Checked, Finding) {
        let source = Source::new(text);
        let f = Finding {
            code: "test-rule",
            level,
            message: "a message".into(),
            start: position(&source, range.start),
            end: position(&source, range.end),
            range,
            secret,
        };
        let file = Checked {
            path: "dir/a.azsr.md".into(),
            text: text.into(),
            findings: vec![f.clone()],
        };
        (file, f)
    }

    fn show(text: &str, range: Range<usize>, level: Level, secret: bool) -> String {
        let (file, f) = finding(text, range, level, secret);
        let index = LineIndex::new(&file.text);
        render(&Renderer::plain(), &file, &index, &redactor(&file), &f)
    }

    #[test]
    fn wide_characters_line_up() {
        let t = "---\nsummary: 再起動後に接続できない\n---\n";
        let s = t.find("接続").unwrap();
        let out = show(t, s..s + "接続".len(), Level::Warning, false);
        assert_eq!(
            out,
            "warning[test-rule]: a message\n --> dir/a.azsr.md:2:15\n  |\n2 | summary: 再起動後に接続できない\n  |                    ^^^^"
        );
    }

    #[test]
    fn bom_is_not_quoted_and_emoji_count_once() {
        let t = "\u{feff}日本😀x\n";
        let s = t.find('x').unwrap();
        let out = show(t, s..s + 1, Level::Hint, false);
        assert!(
            out.starts_with("hint[test-rule]: a message\n --> dir/a.azsr.md:1:4\n"),
            "{out}"
        );
        assert!(out.contains("1 | 日本😀x\n  |       ^"), "{out}");
        assert!(!out.contains('\u{feff}'));
    }

    #[test]
    fn empty_file_and_file_level_findings_sit_at_1_1() {
        let out = show("", 0..0, Level::Error, false);
        assert!(
            out.starts_with("error[test-rule]: a message\n --> dir/a.azsr.md:1:1\n"),
            "{out}"
        );
        let out = show("# x\n", 0..0, Level::Information, false);
        assert!(
            out.starts_with("information[test-rule]: a message\n --> dir/a.azsr.md:1:1\n"),
            "{out}"
        );
    }

    #[test]
    fn secrets_are_masked_one_star_per_character() {
        let t = "Server=db;Password=Sup3r$ecretValue!;\n";
        let s = t.find("Sup3r").unwrap();
        let out = show(t, s..s + "Sup3r$ecretValue!".len(), Level::Error, true);
        assert!(!out.contains("Sup3r"), "{out}");
        assert!(out.contains("Password=*****************;"), "{out}");
        let t = "パスワード: 秘密の値です\n";
        let s = t.find("秘密").unwrap();
        let out = show(t, s..t.len() - 1, Level::Error, true);
        assert!(out.contains("パスワード: ******\n"), "{out}");
        assert!(!out.contains("秘密"), "{out}");
    }

    #[test]
    fn secrets_are_masked_in_other_findings_too() {
        let t = "Password=hunter2hunter2 and more\n";
        let (mut file, secret) = finding(t, 9..23, Level::Error, true);
        let (_, other) = finding(t, 0..0, Level::Warning, false);
        file.findings.push(other.clone());
        let index = LineIndex::new(&file.text);
        let redactor = redactor(&file);
        let out = render(&Renderer::plain(), &file, &index, &redactor, &other);
        assert!(out.contains("Password=************** and more"), "{out}");
        assert!(!out.contains("hunter2"), "{out}");
        let out = render(&Renderer::plain(), &file, &index, &redactor, &secret);
        assert!(!out.contains("hunter2"), "{out}");
    }

    #[test]
    fn what_may_be_a_secret_is_masked_on_a_quoted_line_though_no_detector_reported_it() {
        let t = "dr_site_ref: Zq8Rt4Lx2Wn9PbK7sJd3FhVm\n";
        let out = show(t, 0..11, Level::Warning, false);
        assert!(!out.contains("Zq8Rt4Lx2Wn9PbK7sJd3FhVm"), "{out}");
        assert!(out.contains("dr_site_ref: "), "{out}");
    }

    #[test]
    fn a_copy_of_a_secret_elsewhere_is_masked_on_a_quoted_line() {
        // The secret is reported on line 1; line 2 quotes 12 characters of it where no
        // detector looked.
        let t = "Password=Xq7rTz2LmN9pWv4K\n## notes Xq7rTz2LmN9p\n";
        let (mut file, _) = finding(t, 9..25, Level::Error, true);
        let (_, other) = finding(t, 26..34, Level::Warning, false);
        file.findings.push(other.clone());
        let index = LineIndex::new(&file.text);
        let out = render(&Renderer::plain(), &file, &index, &redactor(&file), &other);
        assert!(out.contains("## notes ************\n"), "{out}");
        assert!(!out.contains("Xq7rTz2L"), "{out}");
    }

    #[test]
    fn no_path_message_or_quoted_line_prints_a_control_character() {
        let t = "a\u{1b}[2J\u{2028}b ERR\n";
        let (mut file, mut f) =
            finding(t, t.find("ERR").unwrap()..t.len() - 1, Level::Error, false);
        file.path = "x\n::error file=evil.azsr.md,line=1::injected.azsr.md".into();
        f.message = "quoted `a\r\n::warning::b`".into();
        let index = LineIndex::new(&file.text);
        let out = render(&Renderer::plain(), &file, &index, &redactor(&file), &f);
        assert!(
            !out.lines().any(|l| l.trim_start().starts_with("::")),
            "{out}"
        );
        assert!(!out.contains(['\u{1b}', '\u{2028}', '\r']), "{out}");
        assert!(
            out.contains("x\\n::error file=evil.azsr.md,line=1::injected.azsr.md"),
            "{out}"
        );
        assert!(out.contains("quoted `a\\r\\n::warning::b`"), "{out}");
        assert!(out.contains("a\\u{1b}[2J\\u{2028}b ERR"), "{out}");
        // The escapes widen the line: the place is named with the file's column.
        assert!(out.contains(":1:9\n"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_around_the_span_with_the_true_column() {
        let t = format!("{}ERR{}\n", "a".repeat(5000), "b".repeat(5000));
        let out = show(&t, 5000..5003, Level::Information, false);
        assert!(out.contains("--> dir/a.azsr.md:1:5001\n"), "{out}");
        assert!(out.contains("...aaaa"), "{out}");
        assert!(out.contains("ERRbbb"), "{out}");
        assert!(out.lines().all(|l| l.chars().count() < 200), "{out}");
    }

    #[test]
    fn multi_line_spans() {
        let t = "a\nbb\nccc\n";
        let out = show(t, 0..t.len() - 1, Level::Information, false);
        assert!(out.contains("1 | / a\n2 | | bb\n3 | | ccc\n"), "{out}");
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let t = "a\rbb\rccc";
        let out = show(t, 2..t.len(), Level::Information, false);
        assert!(out.contains(" --> dir/a.azsr.md:2:1\n"), "{out}");
        assert!(out.contains("2 | / bb\n3 | | ccc\n"), "{out}");
    }

    #[test]
    fn summary() {
        let (file, _) = finding("x", 0..1, Level::Error, false);
        let mut report = Report::default();
        report.files.push(file);
        assert_eq!(
            summary_line(&report),
            "1 file checked: 1 error, 0 warnings, 0 information, 0 hints"
        );
        report.failures.push(crate::check::Failure {
            path: "b".into(),
            message: "m".into(),
        });
        assert!(summary_line(&report).ends_with("; 1 file could not be checked"));
        report.lang = Lang::Ja;
        assert_eq!(
            summary_line(&report),
            "1 件のファイルを確認しました。エラー 1 件、警告 0 件、情報 0 件、ヒント 0 件です。確認できなかったファイルが 1 件あります。"
        );
    }
}
