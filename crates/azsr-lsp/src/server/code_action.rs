//! `textDocument/codeAction`: each quick fix of a finding under the range, with the
//! finding attached, and `source.fixAll.azsr` for the whole file.

use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
};

use super::requests::Ctx;
use super::{from_proto, to_proto};

pub const FIX_ALL_KIND: &str = "source.fixAll.azsr";

/// A requested kind covers an action's kind when equal or a dot-separated prefix.
fn covers(requested: &str, kind: &str) -> bool {
    kind == requested
        || (kind.starts_with(requested) && kind.as_bytes().get(requested.len()) == Some(&b'.'))
}

fn wanted(only: Option<&Vec<CodeActionKind>>, kind: &str) -> bool {
    only.is_none_or(|only| only.iter().any(|k| covers(k.as_str(), kind)))
}

/// Every finding's first fix, skipping edits that overlap one already taken.
pub fn fix_all_edits(diags: &[azsr_core::Diagnostic]) -> Vec<azsr_core::TextEdit> {
    let mut taken: Vec<azsr_core::TextEdit> = Vec::new();
    for fix in diags.iter().filter_map(|d| d.fixes.first()) {
        let overlaps = fix.edits.iter().any(|e| {
            taken.iter().any(|t| {
                (e.range.start < t.range.end && t.range.start < e.range.end)
                    || (e.range.is_empty() && t.range.is_empty() && e.range.start == t.range.start)
            })
        });
        if !overlaps {
            taken.extend(fix.edits.iter().cloned());
        }
    }
    taken
}

pub fn handle(ctx: &Ctx, p: CodeActionParams) -> Result<Option<CodeActionResponse>, Error> {
    let source = ctx.source();
    let lang = ctx.analysis.lang;
    let wanted_range = from_proto::range(&source.text, &source.line_index, p.range, ctx.enc);
    let only = p.context.only.as_ref();
    let mut actions = Vec::new();
    if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
        for d in &ctx.analysis.diagnostics {
            let touches = d.range.start <= wanted_range.end && wanted_range.start <= d.range.end;
            if !touches {
                continue;
            }
            for fix in &d.fixes {
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| to_proto::text_edit(source, e, ctx.enc))
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.get(lang).to_string(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![to_proto::diagnostic(
                        ctx.uri, source, d, lang, ctx.enc,
                    )]),
                    edit: Some(to_proto::workspace_edit(ctx.uri, edits)),
                    is_preferred: Some(d.fixes.len() == 1),
                    ..Default::default()
                }));
            }
        }
    }
    if wanted(only, FIX_ALL_KIND) {
        let edits = fix_all_edits(&ctx.analysis.diagnostics);
        if !edits.is_empty() {
            let title = match lang {
                azsr_core::Lang::En => "Fix all azsr findings",
                azsr_core::Lang::Ja => "azsr の指摘をすべて修正",
            };
            let edits = edits
                .iter()
                .map(|e| to_proto::text_edit(source, e, ctx.enc))
                .collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: title.to_string(),
                kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
                edit: Some(to_proto::workspace_edit(ctx.uri, edits)),
                ..Default::default()
            }));
        }
    }
    Ok(Some(actions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_cover_by_dotted_prefix() {
        assert!(covers("source", FIX_ALL_KIND));
        assert!(covers("source.fixAll", FIX_ALL_KIND));
        assert!(covers(FIX_ALL_KIND, FIX_ALL_KIND));
        assert!(!covers("source.fix", FIX_ALL_KIND));
        assert!(!covers("quickfix", FIX_ALL_KIND));
        assert!(covers("quickfix", "quickfix"));
    }

    #[test]
    fn fix_all_takes_each_first_fix_and_skips_overlaps() {
        use azsr_core::{Diagnostic, Fix, Level, Msg, TextEdit};
        let d = |range: std::ops::Range<usize>, text: &str| Diagnostic {
            code: "x",
            level: Level::Warning,
            range: range.clone(),
            message: Msg::new("m", "m"),
            fixes: vec![
                Fix {
                    title: Msg::new("t", "t"),
                    edits: vec![TextEdit {
                        range: range.clone(),
                        new_text: text.into(),
                    }],
                },
                Fix {
                    title: Msg::new("second", "second"),
                    edits: vec![TextEdit {
                        range,
                        new_text: "never".into(),
                    }],
                },
            ],
            related: Vec::new(),
            secret: false,
        };
        let diags = [
            d(0..3, "a"),
            d(2..5, "overlaps"),
            d(5..6, "b"),
            d(9..9, "c"),
            d(9..9, "same spot"),
        ];
        let edits = fix_all_edits(&diags);
        let texts: Vec<&str> = edits.iter().map(|e| e.new_text.as_str()).collect();
        assert_eq!(texts, ["a", "b", "c"]);
    }
}
