//! Masking: the one place that knows how secrets are kept out of what azsr shows.
//!
//! What is hidden: the secrets the scan found and what [`possible_secrets`] flags (a
//! credential the detectors missed) on the lines findings point at, as byte spans of
//! the document. Where azsr shows document text it masks, one `*` per character:
//!
//! - a piece of the document (a quoted line, a heading or key in the outline) by span:
//!   every character inside a hidden span, and what [`possible_secrets`] flags in it;
//! - any text at all (a message, a fix title, a hover) by content, since it may quote a
//!   shortened, decoded or moved copy: every run of 8 characters or more that a hidden
//!   text also holds, a whole hidden text of 4 to 7 characters, a head or tail of 4 to 7
//!   characters standing alone (a quote cut short: `` `…&sig=AbC1` ``), and what
//!   [`possible_secrets`] flags in the text itself.
//!
//! So no 8-character piece of a hidden text survives. Each hidden text's 8-character
//! windows are hashed once ([`Redactor::new`]); masking a string then costs a hash
//! lookup per character, whatever the number of secrets, and the many findings that
//! share one message ([`Redactor::mask_findings`]) mask it once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::messages::Msg;
use crate::secrets::{possible_secrets, possible_secrets_in};
use crate::Diagnostic;

/// The length of the pieces matched anywhere: no run this long of a secret is shown.
const PIECE: usize = 8;
/// The shortest head, tail or whole secret matched.
const MIN_PIECE: usize = 4;

/// What to hide in one document's text, and how to mask what quotes it.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    /// Byte ranges of the text to hide, sorted and disjoint.
    spans: Vec<Range<usize>>,
    /// Hashes of every [`PIECE`]-character window of the hidden texts.
    pieces: HashSet<u64, Identity>,
    /// Hashes of the hidden texts of 4 to 7 characters, matched anywhere.
    short: HashSet<u64, Identity>,
    /// Hashes of the heads and tails of 4 to 7 characters of longer hidden texts,
    /// matched where they stand alone.
    ends: HashSet<u64, Identity>,
    /// `false`: masks nothing (`sensitive-data` is off).
    active: bool,
}

impl Redactor {
    /// Hides `reported` (the scan's secrets) and what [`possible_secrets`] flags on the
    /// lines of `shown` (what findings point at: the places their messages quote). Not
    /// on every line: on a 10 MB log that pass would cost more than the analysis.
    pub fn new(
        text: &str,
        reported: impl IntoIterator<Item = Range<usize>>,
        shown: impl IntoIterator<Item = Range<usize>>,
    ) -> Redactor {
        let clamp = |r: Range<usize>| r.start.min(text.len())..r.end.min(text.len());
        let reported: Vec<Range<usize>> = reported
            .into_iter()
            .map(clamp)
            .filter(|r| !r.is_empty())
            .collect();
        let mut possible = Vec::new();
        for lines in whole_lines(text, shown.into_iter().map(clamp)) {
            possible.extend(possible_secrets_in(text, lines));
        }
        let merged = merged(reported.iter().chain(&possible).cloned().collect());
        let mut redactor = Redactor {
            spans: Vec::new(),
            pieces: HashSet::default(),
            short: HashSet::default(),
            ends: HashSet::default(),
            active: true,
        };
        let texts = reported.iter().map(|r| (r, true));
        for (r, certain) in texts.chain(possible.iter().map(|r| (r, false))) {
            let Some(hidden) = text.get(r.clone()) else {
                continue;
            };
            redactor.learn(hidden, certain);
            // The forms a message may quote it in: percent- or backslash-decoded.
            if hidden.contains('%') {
                redactor.learn(&percent_decoded(hidden), certain);
            }
            if hidden.contains('\\') {
                redactor.learn(&backslash_decoded(hidden), certain);
            }
        }
        redactor.spans = merged;
        redactor
    }

    /// Hides the secrets `source`'s scan found, and what may be secret in its front
    /// matter and on the lines `findings` point at (but a secret's own finding: it never
    /// quotes its text).
    pub fn of(source: &crate::Source, findings: &[Diagnostic]) -> Redactor {
        let shown = findings
            .iter()
            .filter(|d| !d.secret)
            .flat_map(|d| std::iter::once(&d.range).chain(d.related.iter().map(|r| &r.range)))
            .cloned()
            .chain(source.frontmatter.as_ref().map(|fm| fm.block.clone()));
        Redactor::new(
            &source.text,
            source.secrets.found.iter().map(|f| f.range.clone()),
            shown,
        )
    }

    /// Masks every finding's message, fix titles and related notes; a text many findings
    /// share is masked once.
    pub fn mask_findings(&self, findings: &mut [Diagnostic]) {
        if !self.active {
            return;
        }
        let mut done: HashMap<String, String> = HashMap::new();
        let mut mask = |m: &mut Msg| {
            for s in [&mut m.en, &mut m.ja] {
                if let Some(masked) = done.get(s.as_str()) {
                    s.clone_from(masked);
                    continue;
                }
                let masked = self.mask(s);
                done.insert(std::mem::replace(s, masked.clone()), masked);
            }
        };
        for d in findings {
            mask(&mut d.message);
            d.fixes.iter_mut().for_each(|f| mask(&mut f.title));
            d.related.iter_mut().for_each(|r| mask(&mut r.message));
        }
    }

    /// Masks nothing (`sensitive-data` is off: nothing is reported as a secret).
    pub fn inactive() -> Redactor {
        Redactor::default()
    }

    /// Learns the pieces of a hidden text. Of a text that is only possibly secret (which
    /// may be readable: `DefaultEndpointsProtocol=https`), pieces shaped like a word
    /// (`Endpoint`) are left out: they would mask the same word anywhere.
    fn learn(&mut self, hidden: &str, certain: bool) {
        let ends: Vec<usize> = char_ends(hidden);
        let n = ends.len() - 1;
        if n < MIN_PIECE {
            return;
        }
        let b = hidden.as_bytes();
        let add = |set: &mut HashSet<u64, Identity>, piece: &[u8]| {
            if certain || !word_shaped(piece) {
                set.insert(hash(piece));
            }
        };
        if n < PIECE {
            add(&mut self.short, b);
        } else {
            for i in 0..=n - PIECE {
                add(&mut self.pieces, &b[ends[i]..ends[i + PIECE]]);
            }
        }
        for len in MIN_PIECE..PIECE.min(n) {
            add(&mut self.ends, &b[..ends[len]]);
            add(&mut self.ends, &b[ends[n - len]..]);
        }
    }

    /// The hidden byte ranges of the document text, sorted and disjoint.
    pub fn spans(&self) -> &[Range<usize>] {
        if self.active {
            &self.spans
        } else {
            &[]
        }
    }

    /// `s` with every piece of a hidden text masked (see the module documentation):
    /// for text that may quote the document in any form.
    pub fn mask(&self, s: &str) -> String {
        let mut hidden = vec![false; s.len()];
        self.mark_content(s, &mut hidden);
        starred(s, &hidden)
    }

    /// The byte ranges of `text[range]` to hide: the hidden spans inside it and every
    /// piece of a hidden text it holds elsewhere (a copy the scan did not flag).
    pub fn hidden_in(&self, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        if !self.active {
            return Vec::new();
        }
        let piece = &text[range.clone()];
        let mut hidden = vec![false; piece.len()];
        let first = self.spans.partition_point(|r| r.end <= range.start);
        for r in self.spans[first..]
            .iter()
            .take_while(|r| r.start < range.end)
        {
            let from = r.start.max(range.start) - range.start;
            let to = r.end.min(range.end) - range.start;
            hidden[from..to].iter_mut().for_each(|h| *h = true);
        }
        self.mark_content(piece, &mut hidden);
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, _) in piece.char_indices().filter(|&(i, _)| hidden[i]) {
            let at = range.start + i;
            let end = at + piece[i..].chars().next().map_or(1, char::len_utf8);
            match out.last_mut() {
                Some(last) if last.end == at => last.end = end,
                _ => out.push(at..end),
            }
        }
        out
    }

    /// `shown`, the document's text at `span` as a front end shows it (decoded when the
    /// span is a quoted YAML scalar), masked by span and by content. When `shown` is not
    /// the span's text verbatim and the span holds something hidden, all of it is masked.
    pub fn mask_quote(&self, text: &str, span: Range<usize>, shown: &str) -> String {
        if !self.active {
            return shown.to_string();
        }
        let span = span.start.min(text.len())..span.end.min(text.len());
        let raw = text.get(span.clone()).unwrap_or("");
        if let Some(at) = raw.find(shown).filter(|_| !shown.is_empty()) {
            let start = span.start + at;
            let mut hidden = vec![false; shown.len()];
            for r in self.hidden_in(text, start..start + shown.len()) {
                hidden[r.start - start..r.end - start]
                    .iter_mut()
                    .for_each(|h| *h = true);
            }
            return starred(shown, &hidden);
        }
        let overlaps = self
            .spans
            .iter()
            .skip(self.spans.partition_point(|r| r.end <= span.start))
            .take_while(|r| r.start < span.end)
            .next()
            .is_some();
        if overlaps {
            return starred(shown, &vec![true; shown.len()]);
        }
        self.mask(shown)
    }

    /// Marks in `hidden` (one flag per byte of `s`) the characters of every piece of a
    /// hidden text in `s`, and what [`possible_secrets`] flags in `s`.
    fn mark_content(&self, s: &str, hidden: &mut [bool]) {
        if !self.active {
            return;
        }
        let b = s.as_bytes();
        let ends = char_ends(s);
        let n = ends.len() - 1;
        let mut mark = |from: usize, to: usize| {
            hidden[ends[from]..ends[to]]
                .iter_mut()
                .for_each(|h| *h = true)
        };
        if !self.pieces.is_empty() {
            for i in 0..n.saturating_sub(PIECE - 1) {
                if self.pieces.contains(&hash(&b[ends[i]..ends[i + PIECE]])) {
                    mark(i, i + PIECE);
                }
            }
        }
        if !self.short.is_empty() || !self.ends.is_empty() {
            let word = |i: usize| {
                s[ends[i]..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            };
            for i in 0..n {
                let starts_alone = i == 0 || !word(i - 1);
                if self.short.is_empty() && !starts_alone {
                    continue;
                }
                for len in MIN_PIECE..PIECE.min(n - i + 1) {
                    let h = hash(&b[ends[i]..ends[i + len]]);
                    let alone = starts_alone && (i + len == n || !word(i + len));
                    if self.short.contains(&h) || alone && self.ends.contains(&h) {
                        mark(i, i + len);
                    }
                }
            }
        }
        for r in possible_secrets(s) {
            hidden[r].iter_mut().for_each(|h| *h = true);
        }
    }
}

/// The lines around `ranges`, merged, in order.
fn whole_lines(text: &str, ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let lines = ranges.map(|r| {
        let start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[r.end..].find('\n').map_or(text.len(), |i| r.end + i);
        start..end
    });
    merged(lines.collect())
}

/// `ranges` sorted, the overlapping and touching ones merged.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Letters only, in one case or capitalised (`endpoint`, `Endpoint`, `HTTPS`).
fn word_shaped(piece: &[u8]) -> bool {
    let rest = piece.get(1..).unwrap_or_default();
    piece.iter().all(u8::is_ascii_alphabetic)
        && (rest.iter().all(u8::is_ascii_lowercase) || piece.iter().all(u8::is_ascii_uppercase))
}

/// The byte offset of each character of `s`, then `s.len()`.
fn char_ends(s: &str) -> Vec<usize> {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect()
}

/// `s` with each character whose first byte is flagged in `hidden` replaced by `*`.
/// Line breaks stay, so a masked quote keeps its lines.
fn starred(s: &str, hidden: &[bool]) -> String {
    s.char_indices()
        .map(|(i, c)| {
            if hidden[i] && c != '\n' && c != '\r' {
                '*'
            } else {
                c
            }
        })
        .collect()
}

fn percent_decoded(s: &str) -> String {
    String::from_utf8_lossy(&crate::text::percent_decoded_bytes(s)).into_owned()
}

/// The common backslash escapes of JSON and YAML (`\n`, `\"`, `\/`, `\u0026`, `\x41`).
fn backslash_decoded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push(c);
            break;
        };
        let hex = |chars: &mut std::str::Chars, n: usize| {
            let h: String = chars.clone().take(n).collect();
            let v = u32::from_str_radix(&h, 16).ok().and_then(char::from_u32);
            if v.is_some() {
                chars.nth(n - 1);
            }
            v
        };
        let decoded = match e {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'u' => hex(&mut chars, 4),
            'x' => hex(&mut chars, 2),
            '"' | '\\' | '/' | '\'' => Some(e),
            _ => None,
        };
        match decoded {
            Some(d) => out.push(d),
            None => {
                out.push(c);
                out.push(e);
            }
        }
    }
    out
}

/// FNV-1a, finished by a multiply-xorshift so that every bit of the hash is mixed (the
/// sets use it as is). A collision can only mask more.
fn hash(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h = (h ^ x as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// The sets hold hashes already: hashing them again is wasted work.
type Identity = BuildHasherDefault<IdentityHasher>;

#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor(annotated: &str) -> (String, Redactor) {
        let (text, marks) = crate::testing::parse_marks(annotated);
        let r = Redactor::new(&text, marks, std::iter::once(0..text.len()));
        (text, r)
    }

    #[test]
    fn shortened_copies_are_masked_in_any_text() {
        let pw = "Xq7rTz2LmN9pWv4K";
        let (_, r) = redactor(&format!("Password=«{pw}»\n"));
        // A copy cut at 60 characters, 10 of the secret left, as unknown-field quotes it.
        let msg = format!("`Password={}` is not a field", &pw[..10]);
        assert_eq!(r.mask(&msg), "`Password=**********` is not a field");
        // A head of 5 characters, cut just after: standing alone, masked.
        assert_eq!(r.mask("`…&sig=Xq7rT`"), "`…&sig=*****`");
        // The same five characters inside a word are not a cut copy.
        assert_eq!(r.mask("Xq7rTs"), "Xq7rTs");
        // A tail after a cut at the front.
        assert_eq!(r.mask("…Wv4K"), "…****");
        // Runs of 8 or more anywhere, even in the middle of other text (here a word
        // of words, which the possible-secret pass leaves).
        assert_eq!(
            r.mask("see abc-7rTz2LmN9p-def here"),
            "see abc-**********-def here"
        );
    }

    #[test]
    fn short_secrets_are_masked_whole_and_decoded_copies_too() {
        let (_, r) = redactor("pin=«Ab1!x» key=«Zk3u%2BLq9Xw%2FA7pQ2» json=«Tk\\u0026Yy77pQzz»\n");
        assert_eq!(r.mask("x Ab1!x y"), "x ***** y");
        assert_eq!(r.mask("`Zk3u+Lq9Xw/A7pQ2`"), "`****************`");
        assert_eq!(r.mask("Tk&Yy77pQzz"), "***********");
    }

    #[test]
    fn what_may_be_secret_is_masked_though_not_reported() {
        let (text, r) =
            redactor("dr_site_ref: Zq8Rt4Lx2Wn9PbK7sJd3FhVm\n## Zq8Rt4Lx2Wn9PbK7 notes\n");
        assert_eq!(r.mask("ref `Zq8Rt4Lx2W`"), "ref `**********`");
        let heading = text.find("## ").unwrap() + 3..text.len() - 1;
        assert_eq!(
            r.mask_quote(&text, heading.clone(), &text[heading]),
            "**************** notes"
        );
    }

    #[test]
    fn a_quote_is_masked_by_span_and_a_decoded_one_whole() {
        let (text, r) = redactor("\"p=«Tr0ub4dor&3x»\": 1\n");
        let key = 0..text.find(':').unwrap();
        assert_eq!(
            r.mask_quote(&text, key.clone(), "p=Tr0ub4dor&3x"),
            "p=************"
        );
        // Decoded differently from the text: the whole name.
        assert_eq!(r.mask_quote(&text, key, "p=Tr0ub\tx"), "*********");
        let hidden = r.hidden_in(&text, 0..text.len());
        assert_eq!(hidden, vec![3..15_usize]);
    }

    #[test]
    fn a_quoted_table_row_is_masked_under_its_header() {
        // Only the row is quoted (a finding points at it); the header above says what
        // its third cell is.
        let text = "| 用途 | ID | PW |\n|---|---|---|\n| SFTP | sftpuser | Harbor_xmh8326 |\n";
        let row = text.find("| SFTP").unwrap()..text.len() - 1;
        let r = Redactor::new(text, [], std::iter::once(row.clone()));
        let cell = text.find("Harbor").unwrap();
        assert_eq!(r.spans().len(), 1);
        assert_eq!(r.spans()[0], cell..cell + "Harbor_xmh8326".len());
        assert_eq!(
            r.mask_quote(text, row.clone(), &text[row]),
            "| SFTP | sftpuser | ************** |"
        );
    }

    #[test]
    fn words_in_a_possible_secret_mask_no_word_elsewhere() {
        let text = "Conn=DefaultEndpointsProtocol=https;EndpointSuffix=core.windows.net\n";
        let r = Redactor::new(text, [], std::iter::once(0..text.len()));
        let suffix = text.find("EndpointSuffix").unwrap();
        assert!(r.hidden_in(text, suffix..text.len()).is_empty());
        assert_eq!(r.mask("Default Endpoint"), "Default Endpoint");
    }

    #[test]
    fn readable_text_and_inactive_redactors_mask_nothing() {
        let (text, r) = redactor("password=«Tr0ub4dor&3x»\n");
        let msg = "`service` is not in the catalog: `Virtual Machines`";
        assert_eq!(r.mask(msg), msg);
        let off = Redactor::inactive();
        assert_eq!(off.mask_quote(&text, 9..21, "Tr0ub4dor&3x"), "Tr0ub4dor&3x");
        assert!(off.hidden_in(&text, 0..text.len()).is_empty());
    }
}
