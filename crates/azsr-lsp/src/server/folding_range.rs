//! `textDocument/foldingRange`: the front matter block and each heading's section.

use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{FoldingRange, FoldingRangeKind, FoldingRangeParams};

use super::document_symbol::{heading_regions, MAX_SYMBOLS};
use super::requests::Ctx;

pub fn handle(ctx: &Ctx, _: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>, Error> {
    let source = ctx.source();
    let line = |offset: usize| source.line_index.line_of(offset) as u32;
    // The last line a region covers: the line of its last character, not the next line's.
    let last_line = |end: usize, start: usize| {
        let text = source.text[start..end].trim_end();
        line(start + text.len())
    };
    let mut out = Vec::new();
    if let Some(fm) = &source.frontmatter {
        out.push(FoldingRange {
            start_line: line(fm.block.start),
            end_line: last_line(fm.block.end, fm.block.start),
            kind: Some(FoldingRangeKind::Region),
            ..Default::default()
        });
    }
    // Bounded like the outline: an editor needs no more than this to fold a request.
    for region in heading_regions(source).into_iter().take(MAX_SYMBOLS) {
        let (s, e) = (line(region.start), last_line(region.end, region.start));
        if e > s {
            out.push(FoldingRange {
                start_line: s,
                end_line: e,
                kind: Some(FoldingRangeKind::Region),
                ..Default::default()
            });
        }
    }
    Ok(Some(out))
}
