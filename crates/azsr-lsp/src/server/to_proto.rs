//! The core's byte offsets and findings to protocol types, at the edge.

use std::collections::HashMap;
use std::ops::Range;
use std::str::FromStr;

use azsr_core::{Encoding, Lang, Level, Source};
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Uri,
};

pub fn position(source: &Source, offset: usize, enc: Encoding) -> Position {
    let lc = source.line_index.to_line_col(&source.text, offset, enc);
    Position {
        line: lc.line,
        character: lc.col,
    }
}

pub fn range(source: &Source, r: Range<usize>, enc: Encoding) -> lsp::Range {
    lsp::Range {
        start: position(source, r.start, enc),
        end: position(source, r.end, enc),
    }
}

pub fn severity(level: Level) -> DiagnosticSeverity {
    match level {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
        Level::Information => DiagnosticSeverity::INFORMATION,
        Level::Hint => DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(
    uri: &Uri,
    source: &Source,
    d: &azsr_core::Diagnostic,
    lang: Lang,
    enc: Encoding,
) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: range(source, r.range.clone(), enc),
            },
            message: r.message.get(lang).to_string(),
        })
        .collect();
    lsp::Diagnostic {
        range: range(source, d.range.clone(), enc),
        severity: Some(severity(d.level)),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: Uri::from_str(&azsr_core::rules::doc_url(d.code))
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("azsr".to_string()),
        message: d.message.get(lang).to_string(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

pub fn text_edit(source: &Source, e: &azsr_core::TextEdit, enc: Encoding) -> lsp::TextEdit {
    lsp::TextEdit {
        range: range(source, e.range.clone(), enc),
        new_text: e.new_text.clone(),
    }
}

pub fn workspace_edit(uri: &Uri, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), edits);
    lsp::WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }
}

pub fn encoding_kind(enc: Encoding) -> lsp::PositionEncodingKind {
    match enc {
        Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        Encoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_carry_code_link_language_and_related_places() {
        let text = "a: 日本😀\r\nb: x\rc\n";
        let source = Source::new(text);
        let uri = Uri::from_str("file:///t/a.azsr.md").unwrap();
        let d = azsr_core::Diagnostic {
            code: "cross-subscription-resource",
            level: Level::Error,
            range: 3..13,
            message: azsr_core::Msg::new("differs", "異なります"),
            fixes: Vec::new(),
            related: Vec::new(),
            secret: false,
        }
        .with_related(20..21, azsr_core::Msg::new("here", "ここ"));
        let out = diagnostic(&uri, &source, &d, Lang::Ja, Encoding::Utf16);
        assert_eq!(out.message, "異なります");
        assert_eq!(out.source.as_deref(), Some("azsr"));
        assert_eq!(out.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(
            out.code,
            Some(NumberOrString::String("cross-subscription-resource".into()))
        );
        assert_eq!(
            out.code_description.unwrap().href.as_str(),
            "https://github.com/azsr/azsr/blob/main/docs/rules.md#cross-subscription-resource"
        );
        assert_eq!(
            out.range,
            lsp::Range::new(Position::new(0, 3), Position::new(0, 7))
        );
        let related = out.related_information.unwrap();
        assert_eq!(related[0].message, "ここ");
        assert_eq!(related[0].location.uri, uri);
        // After a CRLF and a lone CR: line 2, column 0.
        assert_eq!(
            related[0].location.range,
            lsp::Range::new(Position::new(2, 0), Position::new(2, 1))
        );
    }
}
