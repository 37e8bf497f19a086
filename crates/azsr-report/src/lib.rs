//! The findings of one checked file as cli.md reports them: 1-based positions counting
//! characters, ordered by line, column, then code, and the JSON shape of one entry of
//! `files` (cli.md, "JSON output").
//!
//! Shared by `azsr-lsp --check` and the browser playground (`azsr-wasm`), so that the
//! page's `check` and `--check --format json` cannot drift apart. No I/O and nothing
//! platform-specific: it builds for `wasm32-unknown-unknown`.

use std::ops::Range;

use azsr_core::{Analysis, Diagnostic, Encoding, Level, Source};
use serde::Serialize;

/// A 1-based line and column (columns count Unicode scalar values, BOM excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// One diagnostic, ready for every output format.
#[derive(Debug, Clone)]
pub struct Finding {
    pub code: &'static str,
    pub level: Level,
    pub message: String,
    pub start: Pos,
    pub end: Pos,
    /// Byte range in the file's text.
    pub range: Range<usize>,
    /// The range holds a secret: never print its text.
    pub secret: bool,
}

/// Converts diagnostics to findings with 1-based positions, ordered by line, column,
/// then code.
pub fn findings(source: &Source, analysis: Analysis) -> Vec<Finding> {
    ordered(source, &analysis)
        .into_iter()
        .map(|(f, _)| f)
        .collect()
}

/// [`findings`], each with the diagnostic it comes from (for its fixes).
pub fn ordered<'a>(source: &Source, analysis: &'a Analysis) -> Vec<(Finding, &'a Diagnostic)> {
    let lang = analysis.lang;
    let mut out: Vec<(Finding, &Diagnostic)> = analysis
        .diagnostics
        .iter()
        .map(|d| {
            let start = position(source, d.range.start);
            let end = position(source, d.range.end.max(d.range.start));
            let finding = Finding {
                code: d.code,
                level: d.level,
                message: d.message.get(lang).to_string(),
                start,
                end,
                range: d.range.clone(),
                secret: d.secret,
            };
            (finding, d)
        })
        .collect();
    out.sort_by(|(a, _), (b, _)| {
        (a.start, a.code, a.end, a.range.start).cmp(&(b.start, b.code, b.end, b.range.start))
    });
    out
}

/// The 1-based line and column of byte `offset`; a UTF-8 byte order mark at the start
/// of the text is not counted.
pub fn position(source: &Source, offset: usize) -> Pos {
    let text = &source.text;
    let lc = source.line_index.to_line_col(text, offset, Encoding::Utf32);
    let mut col = lc.col;
    if lc.line == 0 && text.starts_with('\u{feff}') && col > 0 {
        col -= 1;
    }
    Pos {
        line: lc.line + 1,
        column: col + 1,
    }
}

/// One entry of `files` in cli.md's JSON output (keys in the documented order).
#[derive(Serialize)]
pub struct JsonFile<'a> {
    pub path: &'a str,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    range: JsonRange,
}

#[derive(Serialize)]
struct JsonRange {
    start: JsonPosition,
    end: JsonPosition,
}

#[derive(Serialize)]
struct JsonPosition {
    line: u32,
    column: u32,
}

impl<'a> JsonFile<'a> {
    pub fn new(path: &'a str, findings: &'a [Finding]) -> JsonFile<'a> {
        JsonFile {
            path,
            diagnostics: findings.iter().map(JsonDiagnostic::new).collect(),
        }
    }
}

impl<'a> JsonDiagnostic<'a> {
    fn new(f: &'a Finding) -> JsonDiagnostic<'a> {
        let at = |p: Pos| JsonPosition {
            line: p.line,
            column: p.column,
        };
        JsonDiagnostic {
            code: f.code,
            severity: f.level.as_str(),
            message: &f.message,
            range: JsonRange {
                start: at(f.start),
                end: at(f.end),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_skip_the_bom() {
        let s = Source::new("\u{feff}日本😀x\nab");
        let x = s.text.find('x').unwrap();
        assert_eq!(position(&s, x), Pos { line: 1, column: 4 });
        assert_eq!(position(&s, 0), Pos { line: 1, column: 1 });
        assert_eq!(position(&s, 3), Pos { line: 1, column: 1 });
        let b = s.text.rfind('b').unwrap();
        assert_eq!(position(&s, b), Pos { line: 2, column: 2 });
        assert_eq!(position(&s, s.text.len()), Pos { line: 2, column: 3 });
    }
}
