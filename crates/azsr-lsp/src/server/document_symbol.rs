//! `textDocument/documentSymbol`: the front matter's fields and the sections as an outline,
//! named as written with secrets masked.

use std::ops::Range;

use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind,
};

use super::requests::Ctx;
use super::to_proto;

/// Where each heading's region ends: at the next heading of the same or a higher level.
pub fn heading_regions(source: &azsr_core::Source) -> Vec<Range<usize>> {
    let hs = &source.body.headings;
    hs.iter()
        .enumerate()
        .map(|(i, h)| {
            let end = hs[i + 1..]
                .iter()
                .find(|n| n.level <= h.level)
                .map_or(source.text.len(), |n| n.range.start);
            h.range.start..end.max(h.range.end)
        })
        .collect()
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written
fn symbol(
    source: &azsr_core::Source,
    enc: azsr_core::Encoding,
    name: String,
    kind: SymbolKind,
    range: Range<usize>,
    selection: Range<usize>,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "(empty)".into()
        } else {
            name
        },
        detail: None,
        kind,
        tags: None,
        deprecated: None,
        range: to_proto::range(source, range, enc),
        selection_range: to_proto::range(source, selection, enc),
        children: (!children.is_empty()).then_some(children),
    }
}

pub fn handle(ctx: &Ctx, _: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>, Error> {
    let source = ctx.source();
    let enc = ctx.enc;
    // A key or heading holding a secret is named masked.
    let redactor = &ctx.analysis.redactor;
    let mut out = Vec::new();
    if let Some(fm) = &source.frontmatter {
        let fields = fm
            .entries()
            .iter()
            .map(|e| {
                let range = e.key.span.start..e.value.span.end.max(e.key.span.end);
                let name = redactor.mask_quote(
                    &source.text,
                    e.key.span.clone(),
                    e.key_str().unwrap_or("?"),
                );
                symbol(
                    source,
                    enc,
                    name,
                    SymbolKind::FIELD,
                    range,
                    e.key.span.clone(),
                    Vec::new(),
                )
            })
            .collect();
        out.push(symbol(
            source,
            enc,
            "front matter".into(),
            SymbolKind::NAMESPACE,
            fm.block.clone(),
            fm.block.start..fm.block.start,
            fields,
        ));
    }
    // Nest headings by level with a stack of (level, symbol).
    let regions = heading_regions(source);
    let mut stack: Vec<(u8, DocumentSymbol)> = Vec::new();
    let mut top: Vec<DocumentSymbol> = Vec::new();
    fn pop_into(stack: &mut Vec<(u8, DocumentSymbol)>, top: &mut Vec<DocumentSymbol>) {
        if let Some((_, sym)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.get_or_insert_with(Vec::new).push(sym),
                None => top.push(sym),
            }
        }
    }
    for (h, region) in source.body.headings.iter().zip(regions) {
        while stack.last().is_some_and(|(l, _)| *l >= h.level) {
            pop_into(&mut stack, &mut top);
        }
        let heading = source.text[h.text_range.clone()].trim();
        let name = redactor.mask_quote(&source.text, h.text_range.clone(), heading);
        let kind = if h.section.is_some() {
            SymbolKind::MODULE
        } else {
            SymbolKind::STRING
        };
        stack.push((
            h.level,
            symbol(
                source,
                enc,
                name,
                kind,
                region,
                h.text_range.clone(),
                Vec::new(),
            ),
        ));
    }
    while !stack.is_empty() {
        pop_into(&mut stack, &mut top);
    }
    out.extend(top);
    Ok(Some(DocumentSymbolResponse::Nested(out)))
}
