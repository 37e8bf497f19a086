//! Finds every occurrence of every anchor in a text, ASCII case ignored, overlapping
//! ones included, in the order the `aho-corasick` crate's overlapping search reports
//! them (by end, and at one end the longer first).
//!
//! The automaton is the crate's DFA; only the search loop is ours, over the crate's
//! [`Automaton`] trait (as its docs show for custom searches). A DFA step waits for the
//! previous one (the next state is a table load indexed by the current one), so one
//! stream of bytes runs at the table's load latency. The loop therefore walks two halves
//! of a chunk side by side: two independent chains of loads keep the core busy. The
//! halves overlap by the longest anchor less one byte, and the second half keeps only
//! the anchors that end past the first's end, so every anchor is found once, whatever
//! straddles the cut.
//!
//! The text goes by chunks of [`CHUNK`] bytes: the anchors of one chunk are found
//! together, then handed out while the caller's detectors read that same, still cached,
//! part of the text.

use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// Bytes searched at a time: small enough that the chunk stays in the core's cache
/// while the detectors read around its anchors.
const CHUNK: usize = 32 * 1024;

/// One anchor found: its range and its index in the list given to [`AnchorSearch::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

impl Hit {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

pub(crate) struct AnchorSearch {
    dfa: DFA,
    start: StateID,
    /// The longest anchor's length less one: how far back a cut must look.
    reach: usize,
}

impl AnchorSearch {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> AnchorSearch {
        let patterns: Vec<&str> = patterns.into_iter().collect();
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // Our loop never asks a prefilter: keep the start state plain.
            .prefilter(false)
            .build(&patterns)
            .expect("anchor patterns build");
        let start = dfa.start_state(Anchored::No).expect("an unanchored DFA");
        assert!(!dfa.is_match(start), "an empty anchor");
        let reach = patterns.iter().map(|p| p.len()).max().unwrap_or(1) - 1;
        AnchorSearch { dfa, start, reach }
    }

    /// Every anchor in `hay`, in report order (see the module's doc), ranges relative
    /// to `hay`.
    pub fn find<'a>(&'a self, hay: &'a [u8]) -> Hits<'a> {
        Hits {
            search: self,
            hay,
            searched: 0,
            buf: Vec::new(),
            spare: Vec::new(),
            next: 0,
        }
    }

    /// The anchors that end in `from..to` of `hay`, appended to `out` in report order.
    fn chunk(&self, hay: &[u8], from: usize, to: usize, out: &mut Vec<Hit>, spare: &mut Vec<Hit>) {
        let mid = from + (to - from) / 2;
        if mid - from <= 2 * self.reach {
            self.walk(self.start, hay, from, to, out);
        } else {
            spare.clear();
            self.walk_two(hay, (from, mid), (mid - self.reach, to), out, spare);
            // Anchors wholly inside the overlap were the first half's.
            let dup = spare.iter().take_while(|h| h.end <= mid).count();
            out.extend_from_slice(&spare[dup..]);
        }
    }

    /// Every anchor in `hay[from..to]` from state `sid` on, ends relative to `hay`.
    fn walk(&self, mut sid: StateID, hay: &[u8], from: usize, to: usize, out: &mut Vec<Hit>) {
        for (i, &b) in hay[from..to].iter().enumerate() {
            sid = self.dfa.next_state(Anchored::No, sid, b);
            if self.dfa.is_special(sid) {
                self.matches(sid, from + i + 1, out);
            }
        }
    }

    /// [`Self::walk`] over two parts at once, side by side.
    fn walk_two(
        &self,
        hay: &[u8],
        a: (usize, usize),
        b: (usize, usize),
        out_a: &mut Vec<Hit>,
        out_b: &mut Vec<Hit>,
    ) {
        let dfa = &self.dfa;
        let (mut sa, mut sb) = (self.start, self.start);
        let n = (a.1 - a.0).min(b.1 - b.0);
        let (pa, pb) = (&hay[a.0..a.0 + n], &hay[b.0..b.0 + n]);
        for i in 0..n {
            sa = dfa.next_state(Anchored::No, sa, pa[i]);
            sb = dfa.next_state(Anchored::No, sb, pb[i]);
            if dfa.is_special(sa.min(sb)) {
                if dfa.is_special(sa) {
                    self.matches(sa, a.0 + i + 1, out_a);
                }
                if dfa.is_special(sb) {
                    self.matches(sb, b.0 + i + 1, out_b);
                }
            }
        }
        // The longer part's tail, alone.
        self.walk(sa, hay, a.0 + n, a.1, out_a);
        self.walk(sb, hay, b.0 + n, b.1, out_b);
    }

    /// The anchors that end at `end` in match state `sid`, longer first.
    fn matches(&self, sid: StateID, end: usize, out: &mut Vec<Hit>) {
        // A special state is a match state here: an unanchored standard search has no
        // dead state, and there is no prefilter.
        for k in 0..self.dfa.match_len(sid) {
            let pid = self.dfa.match_pattern(sid, k);
            out.push(Hit {
                start: end - self.dfa.pattern_len(pid),
                end,
                pattern: pid.as_usize(),
            });
        }
    }
}

/// The anchors of one text, in report order (see [`AnchorSearch::find`]).
pub(crate) struct Hits<'a> {
    search: &'a AnchorSearch,
    hay: &'a [u8],
    /// Where the chunks searched so far end.
    searched: usize,
    /// The anchors of the last chunk, and the next of them to give.
    buf: Vec<Hit>,
    spare: Vec<Hit>,
    next: usize,
}

impl Iterator for Hits<'_> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        while self.next == self.buf.len() {
            if self.searched == self.hay.len() {
                return None;
            }
            let from = self.searched;
            let to = self.hay.len().min(from + CHUNK);
            self.buf.clear();
            // Start early by the longest anchor, less one byte, to find those that
            // straddle the cut; those that end before it were the last chunk's.
            let early = from.saturating_sub(self.search.reach);
            self.search
                .chunk(self.hay, early, to, &mut self.buf, &mut self.spare);
            self.next = self.buf.iter().take_while(|h| h.end <= from).count();
            self.searched = to;
        }
        let hit = self.buf[self.next];
        self.next += 1;
        Some(hit)
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    use super::*;

    /// What the crate's own overlapping search reports.
    fn reference(patterns: &[&str], hay: &[u8]) -> Vec<Hit> {
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(patterns)
            .unwrap();
        ac.find_overlapping_iter(hay)
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_usize(),
            })
            .collect()
    }

    const PATTERNS: &[&str] = &[
        "pass",
        "password",
        "key",
        "@",
        "://",
        "パスワード",
        "sig",
        "secret",
    ];

    proptest! {
        /// Anchors anywhere, across the halves' cut and the chunks' edges, in any case:
        /// the same hits, in the same order, as the crate's overlapping search.
        #[test]
        fn same_hits_as_the_crates_overlapping_search(
            pieces in prop::collection::vec(
                prop_oneof![
                    prop::sample::select(PATTERNS).prop_map(str::to_string),
                    "[a-zA-Z :/@\n]{0,40}",
                    "PassWORD|KEY|SeCrEt|パスワ",
                ],
                0..60,
            ),
            filler in 0usize..3 * CHUNK,
        ) {
            let search = AnchorSearch::new(PATTERNS.iter().copied());
            // Long runs put the pieces at every offset of the chunks and halves.
            let mut hay = "x".repeat(filler);
            for p in &pieces {
                hay.push_str(p);
                hay.push_str(&"y".repeat(CHUNK / 7));
                hay.push_str(p);
            }
            let found: Vec<Hit> = search.find(hay.as_bytes()).collect();
            prop_assert_eq!(found, reference(PATTERNS, hay.as_bytes()));
        }
    }

    #[test]
    fn an_anchor_on_every_cut_is_found_once() {
        let search = AnchorSearch::new(PATTERNS.iter().copied());
        for len in [0, 1, 7, 64, CHUNK - 3, CHUNK, CHUNK + 5, 2 * CHUNK + 1] {
            for at in [0, len / 2, len.saturating_sub(3)] {
                let mut hay = "z".repeat(len);
                hay.insert_str(at.min(hay.len()), "password");
                let found: Vec<Hit> = search.find(hay.as_bytes()).collect();
                assert_eq!(
                    found,
                    reference(PATTERNS, hay.as_bytes()),
                    "len {len} at {at}"
                );
            }
        }
    }
}
