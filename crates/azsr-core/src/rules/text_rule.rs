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
use crate::catalog::Catalog;
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
        self.sentences_of(|_| true)
    }

    /// The sentences outside headings: what the writer wrote, not a section's name.
    pub fn written_sentences(&self) -> impl Iterator<Item = Sentence<'_>> + '_ {
        self.sentences_of(|p| {
            p.block
                .is_none_or(|b| b.kind != crate::body::BlockKind::Heading)
        })
    }

    /// The sentences of the pieces that `keep` keeps, in document order.
    fn sentences_of(&self, keep: fn(&Piece) -> bool) -> impl Iterator<Item = Sentence<'_>> + '_ {
        self.pieces.iter().filter(move |p| keep(p)).flat_map(|p| {
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

/// The Azure services a text names, each mention as the catalog IDs it may stand for:
/// a catalog name (`Azure Files`, `Bastion`) or an alias (`App Service`, `VM`,
/// `ストレージ アカウント`), the longest first. A Latin name counts only when written with
/// a capital (`Backup`, not "the backup job"), a Japanese one only as a name of two words
/// or with a kanji (`仮想マシン`, not `バックアップ`): common nouns are no subject.
pub(crate) fn services_named(catalog: &Catalog, text: &str) -> Vec<Vec<String>> {
    #[derive(PartialEq, Clone, Copy)]
    enum Kind {
        Latin,
        Cjk,
        Break,
    }
    let kind = |c: char| match crate::text::fold_char(c) {
        c if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') => Kind::Latin,
        '\u{30A0}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '々' => Kind::Cjk,
        _ => Kind::Break,
    };
    // Runs of name-like tokens: a space joins tokens, any other character breaks the run.
    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
    let mut token = String::new();
    let mut last = Kind::Break;
    for c in text.chars().chain(std::iter::once('\n')) {
        let k = kind(c);
        if k != last && !token.is_empty() {
            let t = std::mem::take(&mut token);
            let t = t.trim_matches(['.', '-', '_']);
            if let (Some(r), false) = (runs.last_mut(), t.is_empty()) {
                r.push(t.to_string());
            }
        }
        match k {
            Kind::Break if c == ' ' || c == '\u{3000}' => {}
            Kind::Break => runs.push(Vec::new()),
            _ => token.push(c),
        }
        last = k;
    }
    let mut out = Vec::new();
    for run in runs.iter().filter(|r| !r.is_empty()) {
        let mut i = 0;
        while i < run.len() {
            let found = (1..=(run.len() - i).min(5)).rev().find_map(|n| {
                let words = &run[i..i + n];
                let name = words.join(" ");
                let first = name.chars().next()?;
                let latin = first.is_ascii_alphanumeric();
                // A lower-case word (storage, functions) is prose; two or more lower-case
                // words that spell a catalog name (our container registry, the key vault)
                // name the service.
                let lower = latin && !first.is_ascii_uppercase();
                if lower && n < 2 {
                    return None;
                }
                let kanji = name.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
                if !latin && n == 1 && !(kanji && name.chars().count() >= 4) {
                    return None;
                }
                let mut ids: Vec<String> = match catalog
                    .find_service(&name)
                    .or_else(|| catalog.find_service(&format!("Azure {name}")))
                {
                    Some(m) => vec![m.service().id.clone()],
                    // An alias in two or more lower-case words (our storage account)
                    // names the service as its catalog name would.
                    None if lower => catalog
                        .alias(&name)
                        .into_iter()
                        .map(|s| s.id.clone())
                        .collect(),
                    None => catalog
                        .alias(&name)
                        .into_iter()
                        .map(|s| s.id.clone())
                        .collect(),
                };
                // `Azure DevOps`, `Microsoft Sentinel`: a product name the catalog
                // spells otherwise is still one subject.
                let branded = n >= 2
                    && matches!(words[0].as_str(), "Azure" | "Microsoft")
                    && words[1..]
                        .iter()
                        .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
                if ids.is_empty() && branded {
                    ids.push(name.to_lowercase());
                }
                (!ids.is_empty()).then_some((n, ids))
            });
            match found {
                Some((n, ids)) => {
                    out.push(ids);
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "judgment_dev/mod.rs"]
mod judgment_dev;

pub(crate) mod model;
pub(crate) mod speech;
pub(crate) mod topic;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_named_finds_names_not_common_nouns() {
        let c = Catalog::bundled();
        let n = |t: &str| services_named(&c, t).len();
        assert_eq!(n("How is Blob egress billed across regions?"), 1);
        assert_eq!(n("Azure Files の料金体系と Entra ID のライセンス"), 2);
        assert_eq!(n("ストレージ アカウントと仮想マシン"), 2);
        assert_eq!(n("the backup job and the storage"), 0);
        assert_eq!(n("バックアップとストレージ"), 0);
        assert_eq!(n("Azure DevOps のパイプライン"), 1);
    }
}
