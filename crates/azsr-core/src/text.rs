//! Text helpers: lines and line breaks, Japanese script, whole-word matching for Latin
//! words, phrase search over masked prose, sentences, width folding and questions.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

/// The start of the line holding `at`.
pub fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// The start of the line after the one holding `at`, or the end of the text.
pub fn next_line_start(text: &str, at: usize) -> usize {
    match text[at.min(text.len())..].find('\n') {
        Some(i) => at + i + 1,
        None => text.len(),
    }
}

/// The line break a text uses: CRLF when it holds one, else LF.
pub fn line_break(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// Hiragana, Katakana (also half-width and the phonetic extensions) or a CJK ideograph
/// (with the iteration mark 々). Punctuation and full-width Latin are not Japanese.
pub fn is_japanese_char(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{309F}'     // Hiragana
        | '\u{30A0}'..='\u{30FF}'   // Katakana
        | '\u{31F0}'..='\u{31FF}'   // Katakana phonetic extensions
        | '\u{FF66}'..='\u{FF9D}'   // half-width Katakana
        | '\u{3005}' | '\u{3007}'   // 々 〇
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{20000}'..='\u{2FA1F}' // CJK extensions B.. and compatibility supplement
    )
}

/// `text` with backtick code spans blanked, same length (a summary is not parsed as
/// Markdown, but a `command` in it is still code).
pub fn blank_code_spans(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for c in text.chars() {
        if c == '`' {
            in_code = !in_code;
            out.push(' ');
        } else if in_code {
            for _ in 0..c.len_utf8() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A letter, digit or `_` of ASCII: what Latin words are made of.
pub fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether the match `r` in `text` stands as a whole Latin word: where it starts (ends)
/// with an ASCII letter or digit, none comes right before (after) it. Japanese text
/// around it is no word boundary to respect (`Errorが` holds `Error`).
pub fn has_latin_edges(text: &str, r: Range<usize>) -> bool {
    let word = &text[r.clone()];
    let touches = |edge: Option<char>, beside: Option<char>| {
        edge.is_some_and(is_ascii_word) && beside.is_some_and(is_ascii_word)
    };
    !touches(word.chars().next(), text[..r.start].chars().next_back())
        && !touches(word.chars().next_back(), text[r.end..].chars().next())
}

/// The matches of `re` in `text` that stand as whole Latin words ([`has_latin_edges`]):
/// `fail` does not match in `failover`. A match that does not stand is retried from its
/// next character.
pub fn find_latin_words(re: &Regex, text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at <= text.len() {
        let Some(m) = re.find_at(text, at) else { break };
        let r = m.range();
        if !r.is_empty() && has_latin_edges(text, r.clone()) {
            out.push(r.clone());
            at = r.end;
        } else {
            at = r.start + text[r.start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

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
            if !has_latin_edges(ft, r.clone()) {
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
/// The bytes `s` stands for with every `%XX` decoded (URLs, SAS query strings, file
/// names); anything else, a lone `%` included, is kept as it is.
pub(crate) fn percent_decoded_bytes(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match hex.map(|h| u8::from_str_radix(h, 16)) {
            Some(Ok(v)) if b[i] == b'%' => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    out
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
    fn latin_words_respect_ascii_boundaries_only() {
        let re = Regex::new("(?i)fail").unwrap();
        assert!(find_latin_words(&re, "failover").is_empty());
        assert_eq!(find_latin_words(&re, "失敗fail。"), vec![6..10]);
        assert_eq!(find_latin_words(&re, "xfail fail"), vec![6..10]);
    }

    #[test]
    fn japanese_script() {
        assert!("ひらがな".chars().all(is_japanese_char));
        assert!("カタカナｶﾀｶﾅ".chars().all(is_japanese_char));
        assert!("漢字々".chars().all(is_japanese_char));
        assert!(!"、。「」（）ＡＢＣ１".chars().any(is_japanese_char));
        assert!(!"Ünïcödé – ok".chars().any(is_japanese_char));
    }

    #[test]
    fn lines_and_line_breaks() {
        let t = "a\r\nbc\nd";
        assert_eq!(line_start(t, 4), 3);
        assert_eq!(line_start(t, 99), 6);
        assert_eq!(next_line_start(t, 4), 6);
        assert_eq!(next_line_start(t, 6), t.len());
        assert_eq!(line_break(t), "\r\n");
        assert_eq!(line_break("a\nb"), "\n");
    }

    #[test]
    fn code_spans_are_blanked_in_place() {
        assert_eq!(
            blank_code_spans("run `az 再起動` now"),
            format!("run {} now", " ".repeat(14))
        );
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
