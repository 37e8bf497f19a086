//! A small statistical model of the phrasing rules' sentences: one linear score per
//! "head" (a kind of sentence a rule looks for) over the sentence's character n-grams.
//!
//! What it learned from: the labelled sentences in `rules/judgment_dev/sentences.tsv`
//! (sentences of the development drafts and snippets, each marked as carrying a rule's
//! signal or not). What it looks at: the sentence folded (full-width to ASCII, Latin
//! lowercased, every digit `0`, whitespace runs one space), cut into overlapping pieces
//! of one to three characters where Japanese is written and three to five where only
//! Latin letters are; each piece it knows adds its weight, the sum is the sentence's
//! score. It is deterministic: the weights are a file in the repository
//! (`model_weights.tsv`: per head, its n-grams and their weights, readable), built by a fixed
//! training run (`UPDATE_MODEL=1 cargo test -p azsr-core --lib rules::text_rule::model`;
//! the same test fails when the file no longer matches the sentences), compiled into the
//! binary. A rule consults it only where [`threshold`] says the model beat the cues when
//! measured on batches it had not seen (leave one batch out), and always together with
//! the structure the rule checks anyway (severity A, no request number…).

use std::collections::HashMap;
use std::sync::LazyLock;

/// The kinds of sentence the model scores, in the order of its scores.
pub(crate) const HEADS: [&str; 9] = [
    // severity-a-criteria, one head per family (the order of its FAMILIES).
    "severity-a-criteria/recovered",
    "severity-a-criteria/root-cause",
    "severity-a-criteria/undo",
    "severity-a-criteria/not-live",
    "severity-a-criteria/haste",
    "multiple-problems",
    "reopen-without-number",
    "feature-request",
    "cross-subscription-mention",
];

/// The number of heads.
pub(crate) const N: usize = HEADS.len();

/// Where a rule uses the model, and the score a sentence needs (a logit: 0 is even
/// odds). Chosen from the leave-one-batch-out figures (`judgment_dev/model_eval.rs`,
/// batches I to O each unseen in turn, against what main did at first sight): a rule is
/// listed only where the model added hits there, flagged no clean draft, and added at
/// most one false finding on other drafts for every two hits. Session 9 figures (batches
/// D–O and the writer-s sentences in the set; 138 clean drafts):
/// - severity-a-criteria: 54/95 at first sight, 88/95 with the model at 2 (no clean
///   draft flagged beyond the one the cues flagged; one reopen draft about a real outage
///   read as recovered). At 3, 82/95 with the same false findings; at 4, 77/95.
/// - multiple-problems: 67/91, 72/91 at 4 (no clean draft flagged beyond the cues' two,
///   nothing else newly flagged); at 3 and 2 the same hits but two other drafts (a
///   cross-subscription and a reopen draft) read as two matters.
/// - cross-subscription-mention: 23/26, 25/26 at every threshold measured (0 to 5: no
///   clean draft flagged beyond the cues' one), but the shipped weights at 5 flag three
///   hard-negative snippets (an ask limited to the request's own resource, the other
///   workspace said to be unrelated): not used.
/// - reopen-without-number and feature-request (more false findings than hits) do not
///   use it.
const USE: &[(&str, f32)] = &[("severity-a-criteria", 2.0), ("multiple-problems", 4.0)];

/// The score a sentence needs for `head` to count, when the rule uses the model.
pub(crate) fn threshold(head: &str) -> Option<f32> {
    USE.iter().find(|(h, _)| *h == head).map(|(_, t)| *t)
}

/// A linear model: per n-gram, the weights it adds to some heads; per head, a bias.
#[derive(Debug, Default, Clone)]
pub(crate) struct Model {
    grams: HashMap<String, Vec<(u8, f32)>>,
    bias: [f32; N],
}

/// The model built into the binary.
pub(crate) static SHIPPED: LazyLock<Model> =
    LazyLock::new(|| Model::parse(include_str!("model_weights.tsv")));

/// A space in an n-gram as the weights file writes it (a visible character, so that no
/// editor trims it).
const SPACE: char = '␣';

impl Model {
    /// Reads a weights file: a `[head]` line, then `weight<TAB>n-gram` lines for it (a
    /// weight alone is the head's bias); `#` comments.
    pub fn parse(tsv: &str) -> Model {
        let mut m = Model::default();
        let mut h = None;
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                h = Some(head(name));
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(h), Some(Ok(w))) = (h, cols.next().map(str::parse::<f32>)) else {
                panic!("model weights: bad line {line:?}");
            };
            match cols.next() {
                None => m.bias[h] = w,
                Some(g) => m
                    .grams
                    .entry(g.replace(SPACE, " "))
                    .or_default()
                    .push((h as u8, w)),
            }
        }
        m
    }

    /// The sentence's score for every head (a logit each).
    pub fn scores(&self, sentence: &str) -> [f32; N] {
        let mut s = self.bias;
        let norm = normalize(sentence);
        for_each_gram(&norm, |g| {
            if let Some(ws) = self.grams.get(g) {
                for &(h, w) in ws {
                    s[usize::from(h)] += w;
                }
            }
        });
        s
    }

    /// The score of one head.
    pub fn score(&self, head: usize, sentence: &str) -> f32 {
        self.scores(sentence)[head]
    }
}

/// The range of a sentence without its surrounding whitespace (offsets into it): what a
/// finding on a sentence the model picked points at.
pub(crate) fn trimmed(sentence: &str) -> std::ops::Range<usize> {
    let start = sentence.len() - sentence.trim_start().len();
    start..sentence.trim_end().len().max(start)
}

/// The document range of the first sentence of `prose` that scores `threshold` or more
/// for `head`.
pub(crate) fn first_sentence(
    prose: &super::Prose,
    m: &Model,
    head_name: &str,
    threshold: f32,
) -> Option<std::ops::Range<usize>> {
    let h = head(head_name);
    prose
        .sentences()
        .find(|s| m.score(h, s.text) >= threshold)
        .map(|s| s.doc_range(trimmed(s.text)))
}

/// The index of a head by name.
pub(crate) fn head(name: &str) -> usize {
    HEADS
        .iter()
        .position(|h| *h == name)
        .unwrap_or_else(|| panic!("no model head {name}"))
}

/// The sentence as the model reads it: width folded, Latin lowercased, digits `0`,
/// whitespace runs one space, a space at each end.
pub(crate) fn normalize(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len() + 2);
    out.push(' ');
    for c in sentence.chars() {
        let c = crate::text::fold_char(c);
        let c = if c.is_ascii_digit() {
            '0'
        } else if c.is_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Calls `f` with every n-gram of a normalized sentence: one to three characters when
/// the piece holds a non-ASCII character, three to five when it is ASCII only; never a
/// piece of spaces only. Linear in the text; no allocation.
pub(crate) fn for_each_gram<'a>(norm: &'a str, mut f: impl FnMut(&'a str)) {
    // Starts of the last five characters, the newest last.
    let mut ring = [0usize; 5];
    let mut filled = 0usize;
    for (i, c) in norm.char_indices() {
        ring.rotate_left(1);
        ring[4] = i;
        filled = (filled + 1).min(5);
        let end = i + c.len_utf8();
        for n in 1..=filled {
            let g = &norm[ring[5 - n]..end];
            let ascii = g.is_ascii();
            if ((ascii && n >= 3) || (!ascii && n <= 3)) && !g.bytes().all(|b| b == b' ') {
                f(g);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod train;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_by_script() {
        let mut g = Vec::new();
        for_each_gram(&normalize("ＡB 12戻す"), |x| g.push(x.to_string()));
        assert!(g.contains(&" ab".to_string()));
        assert!(g.contains(&"00戻".to_string()) || g.contains(&"0戻".to_string()));
        assert!(g.contains(&"戻".to_string()));
        assert!(!g.contains(&"ab".to_string()));
        assert!(!g.iter().any(|x| x.trim().is_empty()));
    }

    #[test]
    fn weights_parse_and_score() {
        let m = Model::parse("# c\n[feature-request]\n-1\n0.5\t␣ab\n2\t戻\n");
        let h = head("feature-request");
        assert_eq!(m.score(h, "x"), -1.0);
        assert_eq!(m.score(h, "AB 戻 戻"), -1.0 + 0.5 + 4.0);
    }

    /// The shipped weights are what the training run makes of the sentence set:
    /// `UPDATE_MODEL=1` rewrites them.
    #[test]
    fn weights_are_current() {
        let built = train::render(&train::train(&train::sentences(None)));
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/rules/text_rule/model_weights.tsv"
        );
        if std::env::var("UPDATE_MODEL").is_ok() {
            std::fs::write(path, &built).expect("write model weights");
            return;
        }
        let shipped = include_str!("model_weights.tsv");
        assert!(
            shipped == built,
            "model_weights.tsv is stale: UPDATE_MODEL=1 cargo test -p azsr-core --lib rules::text_rule::model"
        );
    }
}
