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
    let hay_lower = haystack.to_ascii_lowercase();
    let needle_lower = needle.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = hay_lower[from..].find(&needle_lower) {
        let start = from + i;
        let end = start + needle_lower.len();
        from = start + needle_lower.len().max(1);
        if term_is_whole(haystack, needle, start..end) {
            out.push(start..end);
        }
    }
    out
}

/// Whether `needle` found at `at` in `haystack` stands as [`find_term`] wants it: a Latin
/// needle with no letter, digit, `_` or `-` right before or after; a Japanese one always.
pub fn term_is_whole(haystack: &str, needle: &str, at: Range<usize>) -> bool {
    if !needle.chars().next().is_some_and(|c| c.is_ascii()) {
        return true;
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-');
    !word(haystack[..at.start].chars().next_back()) && !word(haystack[at.end..].chars().next())
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

/// The length of the UTF-8 sequence a lead byte opens.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Appends `run` (original text from offset `at`, unchanged by folding) to the folded
/// text.
fn push_run(
    text: &mut String,
    anchors: &mut Vec<(usize, usize)>,
    in_space: &mut bool,
    run: &str,
    at: usize,
) {
    if run.is_empty() {
        return;
    }
    end_spaces(text, anchors, in_space, at);
    text.push_str(run);
}

/// Closes a run of spaces before the character at original offset `at`: an anchor
/// when the offsets went out of step in the run.
fn end_spaces(text: &str, anchors: &mut Vec<(usize, usize)>, in_space: &mut bool, at: usize) {
    if !*in_space {
        return;
    }
    *in_space = false;
    let here = text.len();
    if anchors.last().map_or(here, |&(f, o)| o + (here - f)) != at {
        anchors.push((here, at));
    }
}

/// A width-folded copy of a text with every run of whitespace collapsed to one space,
/// and the way back to the original offsets.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// `(folded offset, original offset)` wherever the two stop moving in step (after a
    /// full-width character or a collapsed run of spaces), ascending. Between anchors the
    /// offsets advance together, so most prose needs none: a per-byte table cost more
    /// than the phrase search it served.
    anchors: Vec<(usize, usize)>,
    orig_len: usize,
}

impl Folded {
    pub fn new(orig: &str) -> Folded {
        let bytes = orig.as_bytes();
        let mut text = String::with_capacity(orig.len());
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        let mut in_space = false;
        // Characters that stay as they are go over in runs; only whitespace and
        // full-width forms are looked at one by one.
        let mut run = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let len = match b {
                0x21..=0x7E => {
                    i += 1;
                    continue;
                }
                // Lead bytes of no whitespace and no full-width form.
                0xC3..=0xE0 | 0xE4..=0xEE | 0xF0..=0xF7 => {
                    i += utf8_len(b);
                    continue;
                }
                _ => utf8_len(b),
            };
            let c = orig[i..].chars().next().unwrap_or(' ');
            let f = fold_char(c);
            if f == c && !f.is_whitespace() {
                i += len;
                continue;
            }
            push_run(&mut text, &mut anchors, &mut in_space, &orig[run..i], run);
            if f.is_whitespace() {
                if !in_space {
                    in_space = true;
                    text.push(' ');
                    if len != 1 {
                        anchors.push((text.len(), i + len));
                    }
                }
            } else {
                end_spaces(&text, &mut anchors, &mut in_space, i);
                text.push(f);
                if f.len_utf8() != len {
                    anchors.push((text.len(), i + len));
                }
            }
            i += len;
            run = i;
        }
        push_run(&mut text, &mut anchors, &mut in_space, &orig[run..], run);
        Folded {
            text,
            anchors,
            orig_len: orig.len(),
        }
    }

    /// The original offset of a folded offset at a character boundary (`text.len()`
    /// maps to the original's end).
    pub fn orig(&self, folded: usize) -> usize {
        if folded >= self.text.len() {
            return self.orig_len;
        }
        let k = self.anchors.partition_point(|&(f, _)| f <= folded);
        let (f, o) = if k == 0 { (0, 0) } else { self.anchors[k - 1] };
        o + (folded - f)
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
    /// The first character of every pattern, ASCII lower-cased.
    first_chars: Vec<char>,
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
        let mut first_chars: Vec<char> = patterns
            .iter()
            .filter_map(|p| p.chars().next())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        first_chars.sort_unstable();
        first_chars.dedup();
        PhraseSet {
            ac,
            ids,
            first_chars,
        }
    }

    /// Every match in `text` (offsets into `text`), leftmost-longest, not overlapping.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        self.find_folded(&Folded::new(text))
    }

    /// [`PhraseSet::find`] over a text folded beforehand (offsets into the original).
    pub fn find_folded(&self, folded: &Folded) -> Vec<PhraseMatch> {
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

    /// The match that starts `text` (after folding), if any.
    pub fn at_start(&self, text: &str) -> Option<PhraseMatch> {
        // Most sentences start with no phrase's first character: skip the fold and the scan.
        let first = fold_char(text.chars().next()?).to_ascii_lowercase();
        if self.first_chars.binary_search(&first).is_err() {
            return None;
        }
        self.first(text).filter(|m| m.range.start == 0)
    }
}

/// True when a sentence or list item reads as a question: it ends in `?` or `？`, or in
/// Japanese `か。`, `でしょうか`, `ますか`, `ですか` (closing brackets and quotes aside).
pub fn is_question(sentence: &str) -> bool {
    let s = sentence.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ')' | '）' | '」' | '』' | '"' | '\'' | '*' | '_')
    });
    let s = s.trim_end_matches(['。', '.']);
    // Read from the end, folded (`？` is `?`), without building a folded copy.
    let mut last = s.chars().rev().map(fold_char);
    match last.next() {
        Some('?') => true,
        // `〜か` ends a question after a polite or plain predicate (ますか, ですか,
        // でしょうか, ませんか, のか, たか), not after a noun (`しか`).
        Some('か') => {
            sentence.trim_end().ends_with("か。")
                || last
                    .next()
                    .is_some_and(|c| matches!(c, 'す' | 'う' | 'の' | 'ん' | 'た' | 'る' | 'い'))
        }
        _ => false,
    }
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

    /// The per-byte table `Folded` used to keep: each folded byte's original char start.
    fn reference_map(orig: &str) -> (String, Vec<usize>) {
        let (mut text, mut map, mut in_space) = (String::new(), Vec::new(), false);
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
        (text, map)
    }

    proptest::proptest! {
        #[test]
        fn folded_offsets_match_a_per_byte_table(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Ｒ", "？", "　", " ", "  ", "\n", "\t", "\u{a0}", "本番", "😀", "\r\n", "x y",
                "\u{2003}", "\u{1680}", "\u{85}", "é", "\u{ff5e}", "\u{ff5f}", "\u{1}",
            ]), 0..40)
        ) {
            let orig: String = pieces.concat();
            let folded = Folded::new(&orig);
            let (text, map) = reference_map(&orig);
            proptest::prop_assert_eq!(&folded.text, &text);
            for (k, _) in text.char_indices() {
                proptest::prop_assert_eq!(folded.orig(k), map[k], "at {}", k);
            }
            proptest::prop_assert_eq!(folded.orig(text.len()), orig.len());
        }
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
