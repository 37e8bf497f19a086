//! Fuzzy matching for "did you mean" suggestions and completion ranking, on
//! `nucleo-matcher` (the matcher behind helix's pickers).

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// Scores `candidates` against `query`, best first; candidates that do not match are left out.
pub fn rank<'a>(query: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<(&'a str, u32)> {
    if query.len() > 200 {
        return Vec::new();
    }
    // A matcher holds a large scratch slab: make it once per thread, not per lookup
    // (every unknown key of every checked file asks for a suggestion).
    thread_local! {
        static MATCHER: std::cell::RefCell<Matcher> =
            std::cell::RefCell::new(Matcher::new(Config::DEFAULT));
    }
    MATCHER.with(|m| match m.try_borrow_mut() {
        Ok(mut matcher) => rank_with(&mut matcher, query, candidates),
        Err(_) => rank_with(&mut Matcher::new(Config::DEFAULT), query, candidates),
    })
}

fn rank_with<'a>(
    matcher: &mut Matcher,
    query: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Vec<(&'a str, u32)> {
    let pattern = Pattern::new(
        query,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    );
    let mut buf = Vec::new();
    let mut scored: Vec<(&str, u32)> = candidates
        .filter_map(|c| {
            pattern
                .score(Utf32Str::new(c, &mut buf), matcher)
                .map(|s| (c, s))
        })
        .collect();
    scored.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.len().cmp(&b.0.len()))
            .then(a.0.cmp(b.0))
    });
    scored
}

/// Levenshtein distance on characters, for typo suggestions where fuzzy subsequence
/// matching does not apply (a transposed or missing letter).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate to a mistyped `word`: the best fuzzy match, else the nearest by
/// edit distance when it is within a third of the word's length.
pub fn closest<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    // A pasted paragraph is no typo of a key or a name: bound the work on huge input.
    if word.trim().is_empty() || word.len() > 200 {
        return None;
    }
    if let Some((best, _)) = rank(word, candidates.clone()).first() {
        return Some(best);
    }
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, c.len()))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_for_typos() {
        let keys = ["severity", "summary", "support_plan", "service"];
        assert_eq!(closest("severty", keys.iter().copied()), Some("severity"));
        assert_eq!(
            closest("suport_plan", keys.iter().copied()),
            Some("support_plan")
        );
        assert_eq!(closest("sumary", keys.iter().copied()), Some("summary"));
        assert_eq!(closest("zzzz", keys.iter().copied()), None);
    }
}
