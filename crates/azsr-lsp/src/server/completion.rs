//! `textDocument/completion`: the core's completions ([`azsr_core::completion`]) at the
//! cursor, as LSP items that replace the core's range (the whole value, what the editor
//! auto-closed after the cursor included). The core's order is the ranking: `sortText`
//! keeps it. `filterText` is the label; where the core has already matched the items
//! against the typed text, it starts with that text, so that the editor's own fuzzy
//! score (which ranks before `sortText` in VS Code) ties and the core's order stands.

use azsr_core::completion::{Completions, Item, ItemKind};
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{
    self as lsp, CompletionItem, CompletionItemKind, CompletionList, CompletionParams,
    CompletionResponse, CompletionTextEdit, Documentation, InsertTextFormat, MarkupContent,
    MarkupKind, TextEdit,
};

use super::requests::Ctx;
use super::{from_proto, to_proto};

pub fn handle(ctx: &Ctx, p: CompletionParams) -> Result<Option<CompletionResponse>, Error> {
    let offset = offset(ctx, &p);
    let completions = azsr_core::completion::completions(
        ctx.source(),
        ctx.catalog,
        ctx.analysis.lang,
        offset,
        ctx.snippets,
    );
    Ok(Some(CompletionResponse::List(to_lsp(
        ctx,
        completions,
        offset,
    ))))
}

fn offset(ctx: &Ctx, p: &CompletionParams) -> usize {
    let source = ctx.source();
    let position = p.text_document_position.position;
    from_proto::offset(&source.text, &source.line_index, position, ctx.enc)
}

fn to_lsp(ctx: &Ctx, c: Completions, offset: usize) -> CompletionList {
    // what the editor matches `filterText` against: the range's text before the cursor
    let typed = (c.ranked && c.replace.start <= offset)
        .then(|| ctx.source().text.get(c.replace.start..offset))
        .flatten();
    let range = to_proto::range(ctx.source(), c.replace, ctx.enc);
    let items = c
        .items
        .into_iter()
        .enumerate()
        .map(|(rank, it)| item(it, rank, range, typed))
        .collect();
    CompletionList {
        is_incomplete: true,
        items,
    }
}

fn item(it: Item, rank: usize, range: lsp::Range, typed: Option<&str>) -> CompletionItem {
    let filter_text = match typed {
        Some(typed) => format!("{typed} {}", it.label),
        None => it.label.clone(),
    };
    CompletionItem {
        label: it.label.clone(),
        kind: Some(kind(it.kind)),
        detail: it.detail,
        documentation: it.documentation.map(|d| {
            Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value: d,
            })
        }),
        sort_text: Some(format!("{rank:05}")),
        filter_text: Some(filter_text),
        insert_text_format: Some(if it.snippet {
            InsertTextFormat::SNIPPET
        } else {
            InsertTextFormat::PLAIN_TEXT
        }),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit {
            range,
            new_text: it.insert,
        })),
        ..Default::default()
    }
}

fn kind(k: ItemKind) -> CompletionItemKind {
    match k {
        ItemKind::Key => CompletionItemKind::FIELD,
        ItemKind::EnumValue | ItemKind::ProblemType => CompletionItemKind::ENUM_MEMBER,
        ItemKind::Boolean => CompletionItemKind::VALUE,
        ItemKind::Service => CompletionItemKind::MODULE,
        ItemKind::Heading => CompletionItemKind::KEYWORD,
        ItemKind::Template => CompletionItemKind::SNIPPET,
    }
}
