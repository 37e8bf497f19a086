//! The front matter block and its YAML, with the byte span of every key and value.
//!
//! tree-sitter-md recognises front matter only when the closing `---` line ends in a
//! newline; a request whose file ends right after `---` is just as much front matter,
//! so the block is found here by scanning lines. The YAML is read with `saphyr-parser`'s
//! event stream into a small spanned tree of our own: aliases are kept as aliases (never
//! expanded, so an alias bomb costs nothing) and nesting deeper than [`MAX_DEPTH`] is
//! reported instead of followed. Past [`MAX_ANCHORS`] anchors and aliases the parse
//! stops with an error (one `frontmatter-syntax` finding): a hostile front matter of
//! 100,000 of them is not read to its end.

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle};

pub mod edit;
pub mod slip;
mod span;

/// Deeper YAML than this is refused: no request needs more than three levels.
pub const MAX_DEPTH: usize = 32;

/// More anchors (`&name`) and aliases (`*name`) than this, counted together, are
/// refused: a request needs none, and each costs a node and the parser's bookkeeping.
pub const MAX_ANCHORS: usize = 1_000;

/// Where the block sits and what it holds.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    /// From the opening `---` to the end of the closing line (including its break).
    pub block: Range<usize>,
    /// The YAML text between the delimiter lines.
    pub yaml: Range<usize>,
    /// The closing `---` line was found.
    pub closed: bool,
    /// The parsed mapping, when the YAML parsed.
    pub root: Option<YamlNode>,
    /// A YAML error: where and what.
    pub error: Option<YamlError>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub span: Range<usize>,
    /// The parser's own words (English), or ours for what it accepts but a form cannot.
    pub message: String,
    /// The typing slip behind it, when it is a usual one: then `span` is the slip.
    pub slip: Option<slip::SlipKind>,
}

/// A YAML node with its byte span in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlNode {
    pub span: Range<usize>,
    pub value: YamlValue,
}

#[derive(Debug, Clone, PartialEq)]
pub enum YamlValue {
    Scalar { text: String, quoted: bool },
    Seq(Vec<YamlNode>),
    Map(Vec<YamlEntry>),
    Alias,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YamlEntry {
    pub key: YamlNode,
    pub value: YamlNode,
}

impl YamlEntry {
    /// The key's text when it is a scalar.
    pub fn key_str(&self) -> Option<&str> {
        self.key.as_str()
    }
}

impl YamlNode {
    /// The scalar's text, for any scalar (quoted or plain).
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            YamlValue::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The scalar's text when it holds a value: not null, not blank (how the form reads
    /// a field; [`YamlNode::as_str`] also gives a null's or a blank's text).
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            YamlValue::Scalar { text, .. } if !self.is_empty() => Some(text),
            _ => None,
        }
    }

    /// True for a plain scalar that YAML reads as null (`~`, `null`, nothing).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, YamlValue::Scalar { text, quoted: false }
            if text.is_empty() || text == "~" || text.eq_ignore_ascii_case("null"))
    }

    /// Null, an empty string, or an empty sequence or mapping.
    pub fn is_empty(&self) -> bool {
        match &self.value {
            YamlValue::Scalar { text, .. } => self.is_null() || text.trim().is_empty(),
            YamlValue::Seq(items) => items.is_empty(),
            YamlValue::Map(entries) => entries.is_empty(),
            YamlValue::Alias => false,
        }
    }

    pub fn entries(&self) -> &[YamlEntry] {
        match &self.value {
            YamlValue::Map(entries) => entries,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[YamlNode] {
        match &self.value {
            YamlValue::Seq(items) => items,
            _ => &[],
        }
    }

    /// The first entry whose key is `key`.
    pub fn get(&self, key: &str) -> Option<&YamlEntry> {
        self.entries().iter().find(|e| e.key_str() == Some(key))
    }
}

impl FrontMatter {
    /// The top-level entry for `key`.
    pub fn get(&self, key: &str) -> Option<&YamlEntry> {
        self.root.as_ref()?.get(key)
    }

    /// Top-level entries (empty when the YAML did not parse to a mapping).
    pub fn entries(&self) -> &[YamlEntry] {
        self.root.as_ref().map(YamlNode::entries).unwrap_or(&[])
    }
}

/// Finds and parses the front matter; `None` when the text does not start with `---`.
/// `start` is where the text begins after a byte order mark.
pub fn parse(text: &str) -> Option<FrontMatter> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_end = line_end(rest, 0);
    if rest[..first_end.0].trim_end() != "---" {
        return None;
    }
    let yaml_start = start + first_end.1;
    let mut pos = yaml_start;
    let mut closing: Option<(usize, usize)> = None;
    while pos < text.len() {
        let (end, next) = line_end(text, pos);
        let line = &text[pos..end];
        if line.trim_end() == "---" {
            closing = Some((pos, next));
            break;
        }
        pos = next;
    }
    let (yaml_end, block_end, closed) = match closing {
        Some((line_start, next)) => (line_start, next, true),
        None => (text.len(), text.len(), false),
    };
    let yaml = yaml_start..yaml_end;
    let (root, error) = if closed {
        let (root, error) = parse_yaml(text, yaml.clone());
        let error_line = error
            .as_ref()
            .map(|e| text[..e.span.start].matches('\n').count());
        match slip::find(text, yaml.clone(), error_line) {
            // A slip the parser accepted still breaks the form (a key `　email`).
            Some(found) => (
                None,
                Some(YamlError {
                    span: found.span,
                    message: error.map(|e| e.message).unwrap_or_default(),
                    slip: Some(found.kind),
                }),
            ),
            None => (root, error),
        }
    } else {
        (None, None)
    };
    Some(FrontMatter {
        block: start..block_end,
        yaml,
        closed,
        root,
        error,
    })
}

/// End of the line starting at `pos` (before its break) and the start of the next line.
fn line_end(text: &str, pos: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
        Some(i) => {
            let at = pos + i;
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                (at, at + 2)
            } else {
                (at, at + 1)
            }
        }
        None => (text.len(), text.len()),
    }
}

/// Maps saphyr's character indices (relative to the YAML text) to document bytes.
struct CharToByte {
    base: usize,
    /// Byte offset of each char of the YAML text, plus its end; empty for ASCII text.
    offsets: Vec<usize>,
    ascii_len: Option<usize>,
}

impl CharToByte {
    fn new(yaml: &str, base: usize) -> Self {
        if yaml.is_ascii() {
            return CharToByte {
                base,
                offsets: Vec::new(),
                ascii_len: Some(yaml.len()),
            };
        }
        let mut offsets: Vec<usize> = yaml.char_indices().map(|(i, _)| i).collect();
        offsets.push(yaml.len());
        CharToByte {
            base,
            offsets,
            ascii_len: None,
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        let rel = match self.ascii_len {
            Some(len) => char_index.min(len),
            None => self.offsets[char_index.min(self.offsets.len() - 1)],
        };
        self.base + rel
    }
}

enum Frame {
    Seq(usize, Vec<YamlNode>),
    Map(usize, Vec<YamlEntry>, Option<YamlNode>),
}

fn parse_yaml(text: &str, yaml: Range<usize>) -> (Option<YamlNode>, Option<YamlError>) {
    let src = &text[yaml.clone()];
    let map = CharToByte::new(src, yaml.start);
    if src.trim().is_empty() {
        return (
            Some(YamlNode {
                span: yaml.start..yaml.start,
                value: YamlValue::Map(Vec::new()),
            }),
            None,
        );
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<YamlNode> = None;
    let mut documents = 0usize;
    let mut anchors = 0usize;
    let parser = Parser::new_from_str(src);
    for event in parser {
        let (event, span) = match event {
            Ok(ev) => ev,
            Err(err) => {
                let at = map.byte(err.marker().index());
                let at = at.min(yaml.end);
                let end = next_char_end(text, at, yaml.end);
                return (
                    None,
                    Some(YamlError {
                        span: at..end,
                        message: err.info().to_string(),
                        slip: None,
                    }),
                );
            }
        };
        let span_bytes = map.byte(span.start.index())..map.byte(span.end.index());
        anchors += usize::from(anchor_or_alias(&event));
        // A limit of ours: reported on the character where it is reached.
        let (at, yaml_end) = (span_bytes.start, yaml.end);
        let refused = move |message: String| {
            let span = at..next_char_end(text, at, yaml_end);
            (
                None,
                Some(YamlError {
                    span,
                    message,
                    slip: None,
                }),
            )
        };
        if anchors > MAX_ANCHORS {
            return refused(format!("more than {MAX_ANCHORS} anchors and aliases"));
        }
        let node = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return (
                        None,
                        Some(YamlError {
                            span: span_bytes,
                            message: "more than one YAML document".into(),
                            slip: None,
                        }),
                    );
                }
                continue;
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return refused(format!("nesting deeper than {MAX_DEPTH} levels"));
                }
                if matches!(event, Event::SequenceStart(..)) {
                    stack.push(Frame::Seq(span_bytes.start, Vec::new()));
                } else {
                    stack.push(Frame::Map(span_bytes.start, Vec::new(), None));
                }
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq(start, items)) => {
                    let end = items
                        .last()
                        .map_or(span_bytes.end, |n| n.span.end)
                        .max(start);
                    YamlNode {
                        span: start..end.max(span_bytes.start.min(end)),
                        value: YamlValue::Seq(items),
                    }
                }
                _ => continue,
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map(start, entries, _)) => {
                    let end = entries
                        .last()
                        .map_or(start, |e| e.value.span.end.max(e.key.span.end));
                    YamlNode {
                        span: start..end,
                        value: YamlValue::Map(entries),
                    }
                }
                _ => continue,
            },
            Event::Scalar(value, style, _, _) => {
                let quoted = !matches!(style, ScalarStyle::Plain);
                let mut span = span_bytes;
                // saphyr's span of an empty plain scalar may point past the key's colon
                if span.end < span.start {
                    span.end = span.start;
                }
                YamlNode {
                    span,
                    value: YamlValue::Scalar {
                        text: value.into_owned(),
                        quoted,
                    },
                }
            }
            Event::Alias(_) => YamlNode {
                span: span_bytes,
                value: YamlValue::Alias,
            },
            _ => continue,
        };
        match stack.last_mut() {
            Some(Frame::Seq(_, items)) => items.push(node),
            Some(Frame::Map(_, entries, pending)) => match pending.take() {
                Some(key) => entries.push(YamlEntry { key, value: node }),
                None => *pending = Some(node),
            },
            None => root = Some(node),
        }
    }
    match root {
        Some(
            node @ YamlNode {
                value: YamlValue::Map(_),
                ..
            },
        ) => (Some(node), None),
        Some(node) => (
            None,
            Some(YamlError {
                span: node.span.clone(),
                message: "the front matter must be a mapping of `key: value` lines".into(),
                slip: None,
            }),
        ),
        None => (
            Some(YamlNode {
                span: yaml.start..yaml.start,
                value: YamlValue::Map(Vec::new()),
            }),
            None,
        ),
    }
}

/// True for an alias and for a node that carries an anchor (saphyr numbers anchors
/// from 1; 0 is none).
fn anchor_or_alias(event: &Event) -> bool {
    match event {
        Event::Alias(_) => true,
        Event::Scalar(_, _, id, _) | Event::SequenceStart(id, _) | Event::MappingStart(id, _) => {
            *id > 0
        }
        _ => false,
    }
}

fn next_char_end(text: &str, at: usize, limit: usize) -> usize {
    let mut end = at;
    if let Some(ch) = text[at..].chars().next() {
        if !matches!(ch, '\n' | '\r') {
            end = at + ch.len_utf8();
        }
    }
    end.min(limit.max(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_keys_and_values_are_exact_with_japanese() {
        let text = "---\nsummary: 再起動後に 接続できない\ncontact:\n  first_name: 太郎\n---\nbody";
        let fm = parse(text).unwrap();
        assert!(fm.closed && fm.error.is_none());
        let summary = fm.get("summary").unwrap();
        assert_eq!(&text[summary.key.span.clone()], "summary");
        assert_eq!(&text[summary.value.span.clone()], "再起動後に 接続できない");
        let first = fm.get("contact").unwrap().value.get("first_name").unwrap();
        assert_eq!(&text[first.value.span.clone()], "太郎");
        assert_eq!(&text[fm.block.end..], "body");
    }

    #[test]
    fn closing_at_eof_without_newline_counts() {
        let fm = parse("---\r\nseverity: B\r\n---").unwrap();
        assert!(fm.closed);
        assert_eq!(fm.get("severity").unwrap().value.as_str(), Some("B"));
    }

    #[test]
    fn unclosed_and_absent() {
        assert!(parse("# title\n---\n").is_none());
        let fm = parse("---\nseverity: B\n").unwrap();
        assert!(!fm.closed && fm.root.is_none());
    }

    #[test]
    fn syntax_error_points_into_the_yaml() {
        let text = "---\nsummary: [unclosed\nseverity: B\n---\n";
        let fm = parse(text).unwrap();
        let err = fm.error.unwrap();
        assert!(
            err.span.start >= 4 && err.span.start <= text.len() - 4,
            "{err:?}"
        );
    }

    #[test]
    fn deep_nesting_and_alias_bombs_are_cheap() {
        let deep = format!(
            "---\nx: {}{}\n---\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        let fm = parse(&deep).unwrap();
        let err = fm.error.unwrap();
        assert!(
            err.message.contains("nest") || err.message.contains("recursion"),
            "{err:?}"
        );
        let mut bomb = String::from("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for i in 0..30 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            bomb.push_str(&format!("b{i}: &b{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }
        bomb.push_str("---\n");
        let fm = parse(&bomb).unwrap();
        assert!(fm.error.is_none());
        assert_eq!(fm.entries().len(), 31);
    }

    /// Up to [`MAX_ANCHORS`] anchors and aliases are read; one more stops the parse,
    /// with the error on the first one past the limit.
    #[test]
    fn anchors_and_aliases_are_counted_and_capped() {
        let front = |pairs: usize, extra: &str| {
            let mut yaml = String::from("---\n");
            for i in 0..pairs {
                yaml.push_str(&format!("a{i}: &x{i} v\nb{i}: *x{i}\n"));
            }
            yaml.push_str(extra);
            yaml.push_str("---\n");
            yaml
        };
        let at_cap = front(MAX_ANCHORS / 2, "");
        let fm = parse(&at_cap).unwrap();
        assert!(fm.error.is_none(), "{:?}", fm.error);
        assert_eq!(fm.entries().len(), MAX_ANCHORS);
        let past = front(MAX_ANCHORS / 2, "last: &over [1]\n");
        let fm = parse(&past).unwrap();
        assert!(fm.root.is_none());
        let err = fm.error.unwrap();
        assert_eq!(
            err.message,
            format!("more than {MAX_ANCHORS} anchors and aliases")
        );
        // on the line of `last` (the opening `---` is line 0)
        assert_eq!(
            past[..err.span.start].matches('\n').count(),
            MAX_ANCHORS + 1
        );
    }
}
