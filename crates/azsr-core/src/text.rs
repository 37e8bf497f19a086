//! Text helpers for the rules that read prose: phrase search over masked prose,
//! whole-word matching for Latin terms, sentences.

use std::ops::Range;

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
}
