//! Byte offsets to lines and columns, and back, in the three encodings LSP knows.
//!
//! Lines break at `\n`, `\r\n` and a lone `\r`, as LSP defines them. Conversions never
//! panic: a position past a line's end clamps to the end of that line (before its
//! break), a line past the end clamps to the end of the text, and a column that falls
//! inside a character (a UTF-16 surrogate pair, a UTF-8 sequence) clamps to the
//! character's start.

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (LSP's default).
    Utf16,
    /// Unicode scalar values (the CLI's columns, SARIF's `unicodeCodePoints`).
    Utf32,
}

/// A zero-based line and column in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue; // the `\n` of this `\r\n` ends the line
            }
            starts.push(i + 1);
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of line `line` without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let line = line.min(self.starts.len() - 1);
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The line holding `offset` (an offset on a line break belongs to the line it ends).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Converts a byte offset (clamped to the text, and back to a char boundary).
    pub fn to_line_col(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line];
        // An offset inside a line break (between `\r` and `\n`) is the line's end.
        let offset = offset.min(self.line_range(text, line).end);
        let prefix = &text[start..offset];
        let col = match enc {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.chars().map(char::len_utf16).sum(),
            Encoding::Utf32 => prefix.chars().count(),
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Converts a line/column to a byte offset, clamping as the module doc says.
    /// Returns the offset and whether clamping was needed.
    pub fn to_offset(&self, text: &str, pos: LineCol, enc: Encoding) -> (usize, bool) {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return (self.len, true);
        }
        let range = self.line_range(text, line);
        let line_text = &text[range.clone()];
        let want = pos.col as usize;
        let mut units = 0usize;
        for (i, ch) in line_text.char_indices() {
            if units == want {
                return (range.start + i, false);
            }
            let w = match enc {
                Encoding::Utf8 => ch.len_utf8(),
                Encoding::Utf16 => ch.len_utf16(),
                Encoding::Utf32 => 1,
            };
            if units + w > want {
                // Inside a character: clamp to its start.
                return (range.start + i, true);
            }
            units += w;
        }
        (range.end, units != want)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_lf_crlf_and_lone_cr() {
        let text = "a\nb\r\nc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(&text[idx.line_range(text, 1)], "b");
        assert_eq!(&text[idx.line_range(text, 2)], "c");
        assert_eq!(
            idx.to_line_col(text, 7, Encoding::Utf8),
            LineCol { line: 3, col: 0 }
        );
    }

    #[test]
    fn columns_in_each_encoding() {
        let text = "x\n日本😀z";
        let idx = LineIndex::new(text);
        let z = text.find('z').unwrap();
        assert_eq!(idx.to_line_col(text, z, Encoding::Utf8).col, 10);
        assert_eq!(idx.to_line_col(text, z, Encoding::Utf16).col, 4);
        assert_eq!(idx.to_line_col(text, z, Encoding::Utf32).col, 3);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let lc = idx.to_line_col(text, z, enc);
            assert_eq!(idx.to_offset(text, lc, enc), (z, false));
        }
    }

    #[test]
    fn clamps_inside_surrogate_pair_and_past_end() {
        let text = "😀a\r\nb";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.to_offset(text, LineCol { line: 0, col: 1 }, Encoding::Utf16),
            (0, true)
        );
        assert_eq!(
            idx.to_offset(text, LineCol { line: 0, col: 99 }, Encoding::Utf16),
            (5, true)
        );
        assert_eq!(
            idx.to_offset(text, LineCol { line: 9, col: 0 }, Encoding::Utf16),
            (text.len(), true)
        );
        // between \r and \n belongs to line 0's end
        assert_eq!(
            idx.to_line_col(text, 6, Encoding::Utf8),
            LineCol { line: 0, col: 5 }
        );
    }
}
