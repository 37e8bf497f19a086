//! Finds every occurrence of every anchor in a text, ASCII case ignored, overlapping
//! ones included, in the order the `aho-corasick` crate's overlapping search reports
//! them (by end, and at one end the longer first).
//!
//! The automaton is the crate's DFA; only the search loop is ours, over the crate's
//! [`Automaton`] trait (as its docs show for custom searches). The crate's overlapping
//! iterator keeps its position in a state struct it updates every byte; here the
//! position and state stay in registers, so a byte costs a class lookup, a table load
//! and one comparison (the DFA numbers its match and dead states first).

use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, PatternID};

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
}

impl AnchorSearch {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> AnchorSearch {
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // Our loop never asks a prefilter: keep the start state plain.
            .prefilter(false)
            .build(patterns)
            .expect("anchor patterns build");
        let start = dfa.start_state(Anchored::No).expect("an unanchored DFA");
        assert!(!dfa.is_match(start), "an empty anchor");
        AnchorSearch { dfa, start }
    }

    /// Every anchor in `hay`, in report order (see the module's doc), ranges relative
    /// to `hay`.
    pub fn find<'a>(&'a self, hay: &'a [u8]) -> Hits<'a> {
        Hits {
            dfa: &self.dfa,
            hay,
            state: self.start,
            at: 0,
            next_match: 0,
        }
    }
}

/// The anchors of one text, in report order (see [`AnchorSearch::find`]).
pub(crate) struct Hits<'a> {
    dfa: &'a DFA,
    hay: &'a [u8],
    state: StateID,
    /// Where the automaton stopped: after a match state's byte, or 0 at first.
    at: usize,
    /// The next of `state`'s matches to give (none left when `at` is 0).
    next_match: usize,
}

impl Iterator for Hits<'_> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        let dfa = self.dfa;
        if self.at > 0 && self.next_match < dfa.match_len(self.state) {
            let pid = dfa.match_pattern(self.state, self.next_match);
            self.next_match += 1;
            return Some(self.hit(pid));
        }
        let (hay, mut sid, mut at) = (self.hay, self.state, self.at);
        // Four bytes, then one test whether any of the four states is special: when
        // one is, those four bytes are read again one by one below.
        let step = |sid: StateID, b: u8| dfa.next_state(Anchored::No, sid, b);
        for four in hay[at.min(hay.len())..].chunks_exact(4) {
            let s1 = step(sid, four[0]);
            let s2 = step(s1, four[1]);
            let s3 = step(s2, four[2]);
            let s4 = step(s3, four[3]);
            if dfa.is_special(s1.min(s2).min(s3).min(s4)) {
                break;
            }
            sid = s4;
            at += 4;
        }
        for (i, &b) in hay.iter().enumerate().skip(at) {
            sid = step(sid, b);
            if dfa.is_special(sid) {
                if dfa.is_dead(sid) {
                    break; // never in an unanchored standard search
                }
                // A special state not dead is a match state (no prefilter).
                self.state = sid;
                self.at = i + 1;
                self.next_match = 1;
                return Some(self.hit(dfa.match_pattern(sid, 0)));
            }
        }
        self.at = hay.len();
        self.state = sid;
        self.next_match = usize::MAX;
        None
    }
}

impl Hits<'_> {
    fn hit(&self, pid: PatternID) -> Hit {
        Hit {
            start: self.at - self.dfa.pattern_len(pid),
            end: self.at,
            pattern: pid.as_usize(),
        }
    }
}
