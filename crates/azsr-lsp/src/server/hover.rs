//! `textDocument/hover`: the core's hover ([`azsr_core::hover`]) at the cursor, as
//! Markdown over its range.

use azsr_core::hover::Hover as CoreHover;
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::requests::Ctx;
use super::{from_proto, to_proto};

pub fn handle(ctx: &Ctx, p: HoverParams) -> Result<Option<Hover>, Error> {
    let offset = offset(ctx, &p);
    let hover = azsr_core::hover::hover(ctx.source(), ctx.analysis, ctx.catalog, offset);
    Ok(hover.map(|h| to_lsp(ctx, h)))
}

fn offset(ctx: &Ctx, p: &HoverParams) -> usize {
    let source = ctx.source();
    let position = p.text_document_position_params.position;
    from_proto::offset(&source.text, &source.line_index, position, ctx.enc)
}

fn to_lsp(ctx: &Ctx, h: CoreHover) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(to_proto::range(ctx.source(), h.range, ctx.enc)),
    }
}
