//! Where a node's text sits in the document: findings point at a value's text, not at
//! its quotes or anchor, and at a flow collection including its closing bracket.

use std::ops::Range;

use super::{FrontMatter, YamlNode, YamlValue};

impl FrontMatter {
    /// The opening `---` of the block: where findings about a missing key sit (1:1 of
    /// the block).
    pub fn opening(&self) -> Range<usize> {
        self.block.start..self.block.start + 3
    }
}

impl YamlNode {
    /// The byte range of a scalar's text in `doc`: inside quotes, without an anchor.
    /// Falls back to the node's whole span when the text was folded or escaped.
    pub fn content_span(&self, doc: &str) -> Range<usize> {
        let span = self.span.clone();
        let Some(raw) = doc.get(span.clone()) else {
            return span;
        };
        let YamlValue::Scalar { text, .. } = &self.value else {
            return span;
        };
        if raw == text {
            return span;
        }
        if text.is_empty() {
            return span;
        }
        // the text ends the span (before a closing quote); an anchor may precede it
        match raw.rfind(text.as_str()) {
            Some(i) => span.start + i..span.start + i + text.len(),
            // folded or indented text: the span without its trailing line breaks
            None => span.start..span.start + raw.trim_end().len(),
        }
    }

    /// Maps a byte range within a scalar's text to `doc`, when the text sits there
    /// verbatim; otherwise the scalar's whole [`YamlNode::content_span`].
    pub fn sub_span(&self, doc: &str, within: Range<usize>) -> Range<usize> {
        let content = self.content_span(doc);
        let verbatim = self
            .as_str()
            .is_some_and(|t| doc.get(content.clone()) == Some(t));
        if verbatim && within.end <= content.len() {
            content.start + within.start..content.start + within.end
        } else {
            content
        }
    }

    /// The span of any node: a scalar's text, or a collection including a flow
    /// collection's closing bracket (the parser's span stops before it).
    pub fn full_span(&self, doc: &str) -> Range<usize> {
        let span = self.span.clone();
        let closer = match (&self.value, doc.as_bytes().get(span.start)) {
            (YamlValue::Scalar { .. }, _) => return self.content_span(doc),
            (YamlValue::Seq(_), Some(b'[')) => ']',
            (YamlValue::Map(_), Some(b'{')) => '}',
            _ => return span,
        };
        let rest = &doc[span.end.min(doc.len())..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if rest[skipped..].starts_with(closer) {
            span.start..span.end + skipped + 1
        } else {
            span
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::frontmatter::parse;

    #[test]
    fn content_spans_skip_quotes_and_anchors() {
        let text = "---\na: \"quoted 値\"\nb: &x plain\nc: |\n  folded\n---\n";
        let f = parse(text).unwrap();
        let a = &f.get("a").unwrap().value;
        assert_eq!(&text[a.content_span(text)], "quoted 値");
        let b = &f.get("b").unwrap().value;
        assert_eq!(&text[b.content_span(text)], "plain");
        let text2 = "---\nx: &x x\n---\n";
        let f2 = parse(text2).unwrap();
        assert_eq!(f2.get("x").unwrap().value.content_span(text2), 10..11);
    }

    #[test]
    fn full_spans_take_the_closing_bracket() {
        let text = "---\na: [x, y]\nb: {k: v} \n---\n";
        let f = parse(text).unwrap();
        assert_eq!(&text[f.get("a").unwrap().value.full_span(text)], "[x, y]");
        assert_eq!(&text[f.get("b").unwrap().value.full_span(text)], "{k: v}");
        assert_eq!(f.opening(), 0..3);
    }
}
