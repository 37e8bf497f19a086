//! `textDocument/completion`: the core's completions ([`azsr_core::completion`]) at the
//! cursor, as LSP items that replace the core's range. The core's order is the ranking:
//! `sortText` keeps it, and `filterText` is the label.

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
    Ok(Some(CompletionResponse::List(to_lsp(ctx, completions))))
}

fn offset(ctx: &Ctx, p: &CompletionParams) -> usize {
    let source = ctx.source();
    let position = p.text_document_position.position;
    from_proto::offset(&source.text, &source.line_index, position, ctx.enc)
}

fn to_lsp(ctx: &Ctx, c: Completions) -> CompletionList {
    let range = to_proto::range(ctx.source(), c.replace, ctx.enc);
    let items = c
        .items
        .into_iter()
        .enumerate()
        .map(|(rank, it)| item(it, rank, range))
        .collect();
    CompletionList {
        is_incomplete: true,
        items,
    }
}

fn item(it: Item, rank: usize, range: lsp::Range) -> CompletionItem {
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
        filter_text: Some(it.label),
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
