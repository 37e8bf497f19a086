//! Shared plumbing for the text rules: which texts they read and phrase search over them.

use std::ops::Range;

use crate::body::ProseBlock;
use crate::text::{PhraseMatch, PhraseSet};
use crate::Context;

/// A piece of text a text rule reads, with where it starts in the document.
pub(crate) struct Piece<'a> {
    /// Document offset of `masked[0]` / `raw[0]`.
    pub start: usize,
    /// Prose with code spans, URLs and resource IDs blanked (same length as `raw`).
    pub masked: &'a str,
    /// The document text of the same range.
    pub raw: &'a str,
    /// The prose block, `None` for the summary.
    pub block: Option<&'a ProseBlock>,
}

/// Prose blocks outside the `errors` section, in document order.
pub(crate) fn prose<'a>(ctx: &'a Context) -> Vec<Piece<'a>> {
    ctx.body
        .prose_outside_errors()
        .filter_map(|b| {
            let raw = ctx.text.get(b.range.clone())?;
            Some(Piece {
                start: b.range.start,
                masked: &b.masked,
                raw,
                block: Some(b),
            })
        })
        .collect()
}

/// The `summary` value as written (its span in the document), when it is a scalar.
pub(crate) fn summary<'a>(ctx: &'a Context) -> Option<Piece<'a>> {
    let e = ctx.field("summary")?;
    e.value.as_str()?;
    let raw = ctx.text.get(e.value.span.clone())?;
    Some(Piece {
        start: e.value.span.start,
        masked: raw,
        raw,
        block: None,
    })
}

/// The summary (when `with_summary`) followed by the prose blocks.
pub(crate) fn pieces<'a>(ctx: &'a Context, with_summary: bool) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    if with_summary {
        out.extend(summary(ctx));
    }
    out.extend(prose(ctx));
    out
}

/// Every match of `set` in the masked text of `pieces`, as document ranges.
pub(crate) fn find_all(pieces: &[Piece], set: &PhraseSet) -> Vec<PhraseMatch> {
    let mut out = Vec::new();
    for p in pieces {
        for m in set.find(p.masked) {
            out.push(PhraseMatch {
                phrase: m.phrase,
                range: shift(m.range, p.start),
            });
        }
    }
    out
}

pub(crate) fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

/// The sentence (document range) of `piece` holding the piece-relative offset `at`.
pub(crate) fn sentence_at(piece: &Piece, at: usize) -> Range<usize> {
    crate::text::sentences(piece.masked)
        .into_iter()
        .find(|s| s.start <= at && at < s.end)
        .map_or(0..piece.masked.len(), |s| s)
}
