//! `textDocument/documentSymbol`: the front matter's fields and the sections as an outline,
//! named as written with secrets masked.

use std::ops::Range;

use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind,
};

use super::requests::Ctx;
use super::to_proto;

/// The most headings (and front matter fields) the outline lists: 100,000 headings
/// made a 25 MB answer. A last entry says how many more there are.
pub const MAX_SYMBOLS: usize = 2_000;

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
            .take(MAX_SYMBOLS)
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
    let headings = &source.body.headings;
    for (h, region) in headings.iter().zip(regions).take(MAX_SYMBOLS) {
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
    if let Some(first_left_out) = headings.get(MAX_SYMBOLS) {
        let more = headings.len() - MAX_SYMBOLS;
        let name = azsr_core::msg!(
            "{more} more headings not shown (at most {MAX_SYMBOLS})",
            "ほかに {more} 個の見出しがあります (表示は {MAX_SYMBOLS} 個まで)。"
        );
        let at = first_left_out.range.start..first_left_out.range.start;
        let name = name.get(ctx.analysis.lang).to_string();
        out.push(symbol(
            source,
            enc,
            name,
            SymbolKind::NULL,
            at.clone(),
            at,
            Vec::new(),
        ));
    }
    Ok(Some(DocumentSymbolResponse::Nested(out)))
}
