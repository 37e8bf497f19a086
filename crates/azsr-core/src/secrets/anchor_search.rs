//! Finds every occurrence of every anchor in a text, ASCII case ignored, overlapping
//! ones included, in the order an overlapping Aho–Corasick search reports them: by end,
//! and at one end the longer first (then the earlier in the list).
//!
//! It is an Aho–Corasick automaton of our own, for one reason: the inner loop. The
//! `aho-corasick` crate's overlapping search spends about 21 instructions a byte on
//! ~300 anchors (a third of a log's scan); here a byte costs a class lookup, one
//! table load and one comparison, since the states that report are numbered last.

use std::collections::VecDeque;
use std::ops::Range;

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
    /// Each byte's class: the bytes of the anchors, ASCII lowercased, and 0 for the rest.
    class: [u8; 256],
    /// Classes per state: the stride of `next`.
    stride: usize,
    /// `next[s + class]`: the state after state `s` (premultiplied by `stride`) reads a
    /// byte of that class.
    next: Vec<u32>,
    /// States from here on (premultiplied, a power of two) end at least one anchor.
    first_reporting: usize,
    /// Per reporting state, the anchors it ends, the longer first.
    reports: Vec<Vec<u32>>,
    /// Each anchor's length.
    lens: Vec<usize>,
}

impl AnchorSearch {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> AnchorSearch {
        let patterns: Vec<Vec<u8>> = patterns
            .into_iter()
            .map(|p| p.as_bytes().to_ascii_lowercase())
            .collect();
        let mut class = [0u8; 256];
        let mut classes = 1usize;
        for p in &patterns {
            assert!(!p.is_empty(), "an empty anchor");
            for &b in p {
                if class[usize::from(b)] == 0 {
                    class[usize::from(b)] = u8::try_from(classes).expect("fewer than 256 classes");
                    classes += 1;
                }
            }
        }
        for b in b'A'..=b'Z' {
            class[usize::from(b)] = class[usize::from(b.to_ascii_lowercase())];
        }
        let stride = classes;

        // The trie: state 0 is the root; `goto[s * stride + c]` (0: none, but for the
        // root, which stays at itself).
        let mut goto = vec![0u32; stride];
        let mut own: Vec<Vec<u32>> = vec![Vec::new()];
        for (id, p) in patterns.iter().enumerate() {
            let mut s = 0usize;
            for &b in p {
                let c = usize::from(class[usize::from(b)]);
                let t = goto[s * stride + c] as usize;
                s = if t == 0 {
                    let t = own.len();
                    own.push(Vec::new());
                    goto.extend(std::iter::repeat_n(0, stride));
                    goto[s * stride + c] = t as u32;
                    t
                } else {
                    t
                };
            }
            own[s].push(id as u32);
        }
        let states = own.len();

        // Failure links in breadth-first order make the transitions total, and each
        // state's reports its own anchors then its failure state's (shorter) ones.
        let mut fail = vec![0usize; states];
        let mut reports: Vec<Vec<u32>> = vec![Vec::new(); states];
        let mut order = Vec::with_capacity(states);
        let mut queue = VecDeque::from([0usize]);
        while let Some(s) = queue.pop_front() {
            order.push(s);
            let mut r = own[s].clone();
            if s != 0 {
                r.extend_from_slice(&reports[fail[s]]);
            }
            reports[s] = r;
            for c in 0..stride {
                let t = goto[s * stride + c] as usize;
                if t != 0 {
                    fail[t] = if s == 0 {
                        0
                    } else {
                        goto[fail[s] * stride + c] as usize
                    };
                    queue.push_back(t);
                } else if s != 0 {
                    goto[s * stride + c] = goto[fail[s] * stride + c];
                }
            }
        }

        // Renumber: the states that report last, so that one comparison tells.
        // Those start at a power of two: a few states OR-ed together tell whether one
        // of them reports.
        let (quiet, reporting): (Vec<usize>, Vec<usize>) =
            order.iter().partition(|&&s| reports[s].is_empty());
        let first_reporting = (quiet.len() * stride).next_power_of_two();
        let mut renumber = vec![0usize; states];
        for (new, &old) in quiet.iter().enumerate() {
            renumber[old] = new * stride;
        }
        for (new, &old) in reporting.iter().enumerate() {
            renumber[old] = first_reporting + new * stride;
        }
        let mut next = vec![0u32; first_reporting + reporting.len() * stride];
        for old in 0..states {
            for c in 0..stride {
                let to = renumber[goto[old * stride + c] as usize];
                next[renumber[old] + c] = u32::try_from(to).expect("a small automaton");
            }
        }
        AnchorSearch {
            class,
            stride,
            next,
            first_reporting,
            reports: reporting
                .iter()
                .map(|&s| std::mem::take(&mut reports[s]))
                .collect(),
            lens: patterns.iter().map(Vec::len).collect(),
        }
    }

    /// Every anchor in `hay`, in report order (see the module's doc), ranges relative
    /// to `hay`.
    pub fn find<'a>(&'a self, hay: &'a [u8]) -> Hits<'a> {
        Hits {
            search: self,
            hay,
            state: 0, // the root, quiet, numbered first
            at: 0,
            reports: [].iter(),
        }
    }

    /// Reads `hay` from `at` on in state `s` up to the next byte after which `s`
    /// reports: the offset after that byte.
    fn run_to_report(&self, hay: &[u8], s: &mut usize, at: usize) -> Option<usize> {
        // Each byte costs a class and a load, and four bytes one test: keep it so.
        let (next, class, first) = (&self.next[..], &self.class, self.first_reporting);
        let step = |state: usize, b: u8| next[state + usize::from(class[usize::from(b)])] as usize;
        let mut state = *s;
        let mut at = at;
        for four in hay[at.min(hay.len())..].chunks_exact(4) {
            let s1 = step(state, four[0]);
            let s2 = step(s1, four[1]);
            let s3 = step(s2, four[2]);
            let s4 = step(s3, four[3]);
            if s1 | s2 | s3 | s4 >= first {
                break; // one of them reports: read them again one by one
            }
            state = s4;
            at += 4;
        }
        for (i, &b) in hay.iter().enumerate().skip(at) {
            state = next[state + usize::from(class[usize::from(b)])] as usize;
            if state >= first {
                *s = state;
                return Some(i + 1);
            }
        }
        None
    }
}

/// The anchors of one text, in report order (see [`AnchorSearch::find`]).
pub(crate) struct Hits<'a> {
    search: &'a AnchorSearch,
    hay: &'a [u8],
    state: usize,
    /// Where the automaton stopped: the end of the anchors in `reports`.
    at: usize,
    /// The anchors of `state` not yet given.
    reports: std::slice::Iter<'a, u32>,
}

impl Iterator for Hits<'_> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        loop {
            if let Some(&id) = self.reports.next() {
                let pattern = id as usize;
                return Some(Hit {
                    start: self.at - self.search.lens[pattern],
                    end: self.at,
                    pattern,
                });
            }
            let search = self.search;
            self.at = search.run_to_report(self.hay, &mut self.state, self.at)?;
            self.reports =
                search.reports[(self.state - search.first_reporting) / search.stride].iter();
        }
    }
}
