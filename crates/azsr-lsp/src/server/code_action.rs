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

/// The fix-all edits: the core's end state of every fix (`azsr_core::fix_all`), with
/// the messages in the language of the findings shown.
fn fix_all_edits(ctx: &Ctx) -> Vec<azsr_core::TextEdit> {
    let config = azsr_core::Config {
        messages: azsr_core::config::MessagesSetting::Fixed(ctx.analysis.lang),
        ..ctx.config.clone()
    };
    azsr_core::fix_all::fix_all(ctx.source(), &config, ctx.catalog, &azsr_core::Env::now())
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
                    is_preferred: Some(fix.resolves && d.fixes.len() == 1),
                    ..Default::default()
                }));
            }
        }
    }
    if wanted(only, FIX_ALL_KIND) {
        let edits = fix_all_edits(ctx);
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
}
