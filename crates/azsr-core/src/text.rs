//! Text helpers for the rules that read prose: phrase search over masked prose,
//! whole-word matching for Latin terms, sentences, width folding and questions.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Finds `needle` in `haystack` as a whole word when it is Latin (no letter or digit
/// right before or after), or anywhere when it is Japanese. Case-insensitive for ASCII.
pub fn find_term(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let latin = needle.chars().next().is_some_and(|c| c.is_ascii());
    let hay_lower = haystack.to_ascii_lowercase();
    let needle_lower = needle.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = hay_lower[from..].find(&needle_lower) {
        let start = from + i;
        let end = start + needle_lower.len();
        from = start + needle_lower.len().max(1);
        if latin {
            let before = haystack[..start].chars().next_back();
            let after = haystack[end..].chars().next();
            let word =
                |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-');
            if word(before) || word(after) {
                continue;
            }
        }
        out.push(start..end);
    }
    out
}

/// Splits prose into sentences (byte ranges), at `。！？!?` and at `. ` / line ends.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end_here = match c {
            '。' | '！' | '？' | '!' | '?' | '\n' => true,
            '.' => chars.peek().is_none_or(|(_, n)| n.is_whitespace()),
            _ => false,
        };
        if end_here {
            let end = i + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push(start..end);
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Folds one character for matching: full-width ASCII (`Ｒｏｏｔ`, `？`) to ASCII and the
/// ideographic space to a space. Everything else is kept.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A width-folded copy of a text with every run of whitespace collapsed to one space,
/// and the way back to the original offsets.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text`, the offset of the original byte it comes from.
    map: Vec<usize>,
    orig_len: usize,
}

impl Folded {
    pub fn new(orig: &str) -> Folded {
        let mut text = String::with_capacity(orig.len());
        let mut map = Vec::with_capacity(orig.len());
        let mut in_space = false;
        for (i, c) in orig.char_indices() {
            let f = fold_char(c);
            if f.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    map.push(i);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let before = text.len();
            text.push(f);
            map.extend(std::iter::repeat_n(i, text.len() - before));
        }
        Folded {
            text,
            map,
            orig_len: orig.len(),
        }
    }

    /// The original offset of a folded offset (`text.len()` maps to the original's end).
    pub fn orig(&self, folded: usize) -> usize {
        self.map.get(folded).copied().unwrap_or(self.orig_len)
    }

    /// The original range of a folded range.
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        self.orig(r.start)..self.orig(r.end)
    }
}

/// A match of a [`PhraseSet`]: which phrase, and where in the searched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the phrase in the list the set was built from.
    pub phrase: usize,
    pub range: Range<usize>,
}

/// A list of phrases searched at once (aho-corasick): ASCII case-insensitive, after
/// width folding and whitespace collapsing, Latin edges as whole words (`RCA` does not
/// match in `SOURCE`), Japanese anywhere. A space in a phrase next to a Japanese
/// character also matches no space (`重大度 A` finds `重大度A`). Overlapping matches
/// resolve leftmost, then longest.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    ac: AhoCorasick,
    /// Pattern (variant) index to phrase index.
    ids: Vec<usize>,
}

fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

impl PhraseSet {
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> PhraseSet {
        let mut patterns: Vec<String> = Vec::new();
        let mut ids = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            let folded = Folded::new(p.as_ref().trim()).text;
            if folded.is_empty() {
                continue;
            }
            // Drop spaces that touch a non-ASCII character, for a second variant.
            let chars: Vec<char> = folded.chars().collect();
            let mut tight = String::new();
            for (k, &c) in chars.iter().enumerate() {
                if c == ' ' {
                    let prev = k.checked_sub(1).map(|j| chars[j]);
                    let next = chars.get(k + 1).copied();
                    if prev.is_some_and(|p| !p.is_ascii()) || next.is_some_and(|n| !n.is_ascii()) {
                        continue;
                    }
                }
                tight.push(c);
            }
            if tight != folded {
                patterns.push(tight);
                ids.push(i);
            }
            patterns.push(folded);
            ids.push(i);
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("phrase lists are small");
        PhraseSet { ac, ids }
    }

    /// Every match in `text` (offsets into `text`), leftmost-longest, not overlapping.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let folded = Folded::new(text);
        let ft = folded.text.as_str();
        let mut cands: Vec<(usize, Range<usize>)> = Vec::new();
        for m in self.ac.find_overlapping_iter(ft) {
            let r = m.range();
            let first = ft[r.clone()].chars().next();
            let last = ft[r.clone()].chars().next_back();
            let before = ft[..r.start].chars().next_back();
            let after = ft[r.end..].chars().next();
            if first.is_some_and(is_ascii_word) && before.is_some_and(is_ascii_word) {
                continue;
            }
            if last.is_some_and(is_ascii_word) && after.is_some_and(is_ascii_word) {
                continue;
            }
            cands.push((self.ids[m.pattern().as_usize()], r));
        }
        cands.sort_by_key(|(_, r)| (r.start, std::cmp::Reverse(r.end)));
        let mut out: Vec<PhraseMatch> = Vec::new();
        let mut reach = 0;
        for (phrase, r) in cands {
            if r.start < reach {
                continue;
            }
            reach = r.end;
            out.push(PhraseMatch {
                phrase,
                range: folded.orig_range(r),
            });
        }
        out
    }

    /// The first match, if any.
    pub fn first(&self, text: &str) -> Option<PhraseMatch> {
        self.find(text).into_iter().next()
    }
}

/// True when a sentence or list item reads as a question: it ends in `?` or `？`, or in
/// Japanese `か。`, `でしょうか`, `ますか`, `ですか` (closing brackets and quotes aside).
pub fn is_question(sentence: &str) -> bool {
    let s = sentence.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ')' | '）' | '」' | '』' | '"' | '\'' | '*' | '_')
    });
    let s = s.trim_end_matches(['。', '.']);
    let folded: String = s.chars().map(fold_char).collect();
    if folded.ends_with('?') {
        return true;
    }
    let Some(rest) = folded.strip_suffix('か') else {
        return false;
    };
    // `〜か` ends a question after a polite or plain predicate (ますか, ですか, でしょうか,
    // ませんか, のか, たか), not after a noun (`しか`).
    sentence.trim_end().ends_with("か。")
        || rest.ends_with(['す', 'う', 'の', 'ん', 'た', 'る', 'い'])
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_terms_match_whole_words_only() {
        assert_eq!(find_term("the prod env", "prod"), vec![4..8]);
        assert!(find_term("vm-prod-01", "prod").is_empty());
        assert!(find_term("production", "prod").is_empty());
        assert_eq!(find_term("本番稼働中", "本番").len(), 1);
    }

    #[test]
    fn sentences_split_in_both_languages() {
        assert_eq!(sentences("接続できない。再起動した？ Yes. ok").len(), 4);
    }

    #[test]
    fn folding_maps_back_to_original_offsets() {
        let orig = "Ｒｏｏｔ　cause\n  here";
        let f = Folded::new(orig);
        assert_eq!(f.text, "Root cause here");
        let r = f.orig_range(0..4);
        assert_eq!(&orig[r], "Ｒｏｏｔ");
        let i = f.text.find("here").unwrap();
        assert_eq!(&orig[f.orig_range(i..i + 4)], "here");
    }

    #[test]
    fn phrase_set_matches_whole_latin_words_and_japanese_anywhere() {
        let set = PhraseSet::new(&["RCA", "root cause", "原因調査", "重大度 A", "re"]);
        let t = "SOURCE の原因調査と rca、Root  Cause、重大度Aで";
        let found: Vec<&str> = set.find(t).iter().map(|m| &t[m.range.clone()]).collect();
        assert_eq!(found, vec!["原因調査", "rca", "Root  Cause", "重大度A"]);
        assert!(set.find("ＲＣＡ をください").len() == 1);
        assert!(set.find("RCAs").is_empty());
    }

    #[test]
    fn phrase_set_prefers_the_longest_at_one_start() {
        let set = PhraseSet::new(&["本番", "本番環境"]);
        let m = set.find("本番環境と本番");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].phrase, 1);
        assert_eq!(m[1].phrase, 0);
    }

    #[test]
    fn questions_in_both_languages() {
        for q in [
            "Why does it fail?",
            "なぜですか？",
            "原因を教えていただけますでしょうか。",
            "回避策はありますか",
            "設定は正しいでしょうか",
            "どうすればよいですか。",
            "Is this expected? ",
        ] {
            assert!(is_question(q), "{q}");
        }
        for s in [
            "接続できません。",
            "The VM restarts.",
            "これしか",
            "確認してください。",
        ] {
            assert!(!is_question(s), "{s}");
        }
    }
}
