//! The document model: the text in a rope and the Markdown block tree, kept in step
//! under incremental edits.
//!
//! Everything inside the core speaks byte offsets. tree-sitter `Point`s count rows only
//! at `\n`, so they are never used for positions; `line_index` converts bytes to the
//! line/column forms that the CLI and the protocol edge need.

use std::ops::Range;

use ropey::Rope;
use tree_sitter::{InputEdit, Parser, Point, Tree};

/// An open document: the rope and its incrementally maintained block tree.
pub struct Document {
    rope: Rope,
    parser: Parser,
    tree: Tree,
}

/// An edit that could not be applied as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The range lies (partly) beyond the end of the text or is reversed.
    OutOfRange,
    /// A range bound falls inside a UTF-8 sequence.
    NotCharBoundary,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::OutOfRange => f.write_str("edit range is outside the document"),
            EditError::NotCharBoundary => f.write_str("edit range splits a character"),
        }
    }
}

impl std::error::Error for EditError {}

pub(crate) fn block_parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_md::LANGUAGE.into())
        .expect("tree-sitter-md block grammar matches the tree-sitter ABI");
    parser
}

fn parse_rope(parser: &mut Parser, rope: &Rope, old: Option<&Tree>) -> Tree {
    let len = rope.len_bytes();
    let mut read = |byte: usize, _: Point| -> &[u8] {
        if byte >= len {
            return &[];
        }
        let (chunk, chunk_start, _, _) = rope.chunk_at_byte(byte);
        &chunk.as_bytes()[byte - chunk_start..]
    };
    parser
        .parse_with_options(&mut read, old, None)
        .expect("parsing without a timeout or cancellation flag always yields a tree")
}

/// The tree-sitter point of a byte offset: rows counted at `\n` only, columns in bytes.
/// Needed only to tell tree-sitter about edits; never used as a position.
fn ts_point(rope: &Rope, byte: usize) -> Point {
    let mut row = 0usize;
    let mut line_start = 0usize;
    // ropey counts `\r` breaks too; walk chunks to count `\n` exactly as tree-sitter does.
    let mut seen = 0usize;
    for chunk in rope.byte_slice(..byte).chunks() {
        for i in memchr::memchr_iter(b'\n', chunk.as_bytes()) {
            row += 1;
            line_start = seen + i + 1;
        }
        seen += chunk.len();
    }
    Point::new(row, byte - line_start)
}

impl Document {
    pub fn new(text: &str) -> Self {
        let rope = Rope::from_str(text);
        let mut parser = block_parser();
        let tree = parse_rope(&mut parser, &rope, None);
        Document { rope, parser, tree }
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    pub fn len_bytes(&self) -> usize {
        self.rope.len_bytes()
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// Replaces `range` (bytes) by `new_text` and re-parses the block tree incrementally.
    pub fn edit(&mut self, range: Range<usize>, new_text: &str) -> Result<(), EditError> {
        let len = self.rope.len_bytes();
        if range.start > range.end || range.end > len {
            return Err(EditError::OutOfRange);
        }
        let start_char = self
            .rope
            .try_byte_to_char(range.start)
            .map_err(|_| EditError::OutOfRange)?;
        let end_char = self
            .rope
            .try_byte_to_char(range.end)
            .map_err(|_| EditError::OutOfRange)?;
        if self.rope.char_to_byte(start_char) != range.start
            || self.rope.char_to_byte(end_char) != range.end
        {
            return Err(EditError::NotCharBoundary);
        }
        let start_position = ts_point(&self.rope, range.start);
        let old_end_position = ts_point(&self.rope, range.end);
        self.rope.remove(start_char..end_char);
        self.rope.insert(start_char, new_text);
        let new_end_byte = range.start + new_text.len();
        let new_end_position = ts_point(&self.rope, new_end_byte);
        self.tree.edit(&InputEdit {
            start_byte: range.start,
            old_end_byte: range.end,
            new_end_byte,
            start_position,
            old_end_position,
            new_end_position,
        });
        self.tree = parse_rope(&mut self.parser, &self.rope, Some(&self.tree));
        Ok(())
    }

    /// Replaces the whole text (a full-sync change) with a fresh parse.
    pub fn replace_all(&mut self, text: &str) {
        self.rope = Rope::from_str(text);
        self.tree = parse_rope(&mut self.parser, &self.rope, None);
    }

    /// An immutable view for analysis: the text as one string and a copy of the tree
    /// (tree-sitter trees are reference counted, so the copy is cheap).
    pub fn snapshot(&self) -> crate::Source {
        crate::Source::with_tree(self.text(), self.tree.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sexp_with_bytes(tree: &Tree) -> String {
        let mut out = String::new();
        let mut cursor = tree.walk();
        let mut depth = 0;
        loop {
            let node = cursor.node();
            out.push_str(&format!(
                "{}{} {:?}\n",
                "  ".repeat(depth),
                node.kind(),
                node.byte_range()
            ));
            if cursor.goto_first_child() {
                depth += 1;
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    break;
                }
                if !cursor.goto_parent() {
                    return out;
                }
                depth -= 1;
            }
        }
    }

    #[test]
    fn edit_keeps_tree_equal_to_fresh_parse() {
        let mut doc = Document::new("---\na: 1\n---\n\n## 問題\n本文\n");
        doc.edit(16..16, "ゴール\n\n## ").unwrap();
        let fresh = Document::new(&doc.text());
        assert_eq!(sexp_with_bytes(doc.tree()), sexp_with_bytes(fresh.tree()));
    }

    #[test]
    fn rejects_out_of_range_and_split_chars() {
        let mut doc = Document::new("日本");
        assert_eq!(doc.edit(0..99, ""), Err(EditError::OutOfRange));
        let (start, end) = (4, 2);
        assert_eq!(doc.edit(start..end, ""), Err(EditError::OutOfRange));
        assert_eq!(doc.edit(1..3, ""), Err(EditError::NotCharBoundary));
        assert_eq!(doc.text(), "日本");
    }

    mod incremental_prop {
        use super::*;
        use proptest::prelude::*;

        const PIECES: &[&str] = &[
            "a",
            " ",
            "\n",
            "\r\n",
            "\r",
            "---",
            "```",
            "`",
            "#",
            "## ",
            "- ",
            "1. ",
            "> ",
            "日本語",
            "エラー",
            "😀",
            "👨‍👩‍👧",
            "    ",
            "|",
            "*",
            "~~~",
            "<br>",
            "[x](y)",
            "\t",
        ];

        fn piece_text() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]
            #[test]
            fn incremental_parse_equals_fresh_parse(
                initial in piece_text(),
                edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), piece_text()), 1..8),
            ) {
                let mut doc = Document::new(&initial);
                for (a, b, insert) in edits {
                    let text = doc.text();
                    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
                    let x = bounds[a.index(bounds.len())];
                    let y = bounds[b.index(bounds.len())];
                    let range = x.min(y)..x.max(y);
                    doc.edit(range.clone(), &insert).unwrap();
                    let mut expected = text.clone();
                    expected.replace_range(range, &insert);
                    prop_assert_eq!(doc.text(), expected.clone());
                    let fresh = Document::new(&expected);
                    prop_assert_eq!(sexp_with_bytes(doc.tree()), sexp_with_bytes(fresh.tree()));
                }
            }
        }
    }
}
