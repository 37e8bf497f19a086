//! The text-rule framework: what the rules that read the request's wording look at, and
//! how they search it.
//!
//! A text rule reads [`Prose`]: the summary (for most rules) and the body's prose
//! outside the errors section, as [`Piece`]s in document order, each masked (code spans,
//! URLs and resource IDs blanked, offsets kept) and tied to where it starts. A rule
//! brings its phrase lists as [`PhraseSet`]s; the framework finds them in every piece,
//! folding each prose block once for all rules, and answers in document ranges. Sentence
//! splitting and questions live in [`crate::text`].

use std::ops::Range;

use crate::body::ProseBlock;
use crate::text::{sentences, PhraseMatch, PhraseSet};
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

impl Piece<'_> {
    /// Every match of `set` in `masked` (piece offsets), folding a prose block's text once
    /// for all the rules.
    pub fn find(&self, set: &PhraseSet) -> Vec<PhraseMatch> {
        match self.block {
            Some(b) if std::ptr::eq(b.masked.as_str(), self.masked) => set.find_folded(b.folded()),
            _ => set.find(self.masked),
        }
    }

    /// The document range of a range within the piece.
    pub fn doc_range(&self, r: Range<usize>) -> Range<usize> {
        r.start + self.start..r.end + self.start
    }

    /// The sentence (piece range) holding the piece offset `at`; the whole piece when
    /// `at` is in no sentence.
    pub fn sentence_at(&self, at: usize) -> Range<usize> {
        sentences(self.masked)
            .into_iter()
            .find(|s| s.start <= at && at < s.end)
            .map_or(0..self.masked.len(), |s| s)
    }
}

/// The prose a text rule reads, in document order.
pub(crate) struct Prose<'a> {
    pub pieces: Vec<Piece<'a>>,
}

impl<'a> Prose<'a> {
    /// The body's prose blocks outside the `errors` section.
    pub fn body(ctx: &'a Context) -> Prose<'a> {
        let pieces = ctx
            .body
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
            .collect();
        Prose { pieces }
    }

    /// The `summary` value as written, when it is a scalar, then the body's prose.
    pub fn with_summary(ctx: &'a Context) -> Prose<'a> {
        let mut prose = Prose::body(ctx);
        if let Some(summary) = summary(ctx) {
            prose.pieces.insert(0, summary);
        }
        prose
    }

    /// Every match of `set`, as document ranges, in document order. Lazy: a rule that
    /// needs only the first match reads only up to it.
    pub fn find<'s>(&'s self, set: &'s PhraseSet) -> impl Iterator<Item = PhraseMatch> + 's {
        self.pieces.iter().flat_map(move |p| {
            p.find(set).into_iter().map(move |m| PhraseMatch {
                phrase: m.phrase,
                range: p.doc_range(m.range),
            })
        })
    }

    /// The first match of `set`.
    pub fn first(&self, set: &PhraseSet) -> Option<PhraseMatch> {
        self.find(set).next()
    }

    /// Whether any phrase of `set` is written.
    pub fn mentions(&self, set: &PhraseSet) -> bool {
        self.first(set).is_some()
    }

    /// Every sentence of every piece, in document order (a list item or table cell is
    /// a piece of its own, so an item never runs into the next one).
    pub fn sentences(&self) -> impl Iterator<Item = Sentence<'_>> + '_ {
        self.pieces.iter().flat_map(|p| {
            sentences(p.masked).into_iter().map(move |r| Sentence {
                start: p.start + r.start,
                text: &p.masked[r],
            })
        })
    }
}

/// A sentence of [`Prose`]: its masked text and where it starts in the document.
pub(crate) struct Sentence<'a> {
    /// Document offset of `text[0]`.
    pub start: usize,
    pub text: &'a str,
}

impl Sentence<'_> {
    /// The document range of a range within the sentence.
    pub fn doc_range(&self, r: Range<usize>) -> Range<usize> {
        r.start + self.start..r.end + self.start
    }
}

/// The `summary` value as written (its span in the document), when it is a scalar: any
/// scalar, a null or blank one too (the form rules read those as absent).
fn summary<'a>(ctx: &'a Context) -> Option<Piece<'a>> {
    let e = ctx.form()?.get("summary")?;
    e.value.as_str()?;
    let raw = ctx.text.get(e.value.span.clone())?;
    Some(Piece {
        start: e.value.span.start,
        masked: raw,
        raw,
        block: None,
    })
}

#[cfg(test)]
#[path = "judgment_dev/mod.rs"]
mod judgment_dev;

pub(crate) mod speech;
