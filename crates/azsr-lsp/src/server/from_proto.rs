//! Protocol positions to the core's byte offsets, at the edge (rust-analyzer style).
//!
//! Every conversion clamps instead of failing, as LSP 3.17 asks: a line past the end is
//! the end of the text, a column past a line's end is the line's end (before its break,
//! so never between `\r` and `\n`), a column inside a character (half a surrogate pair,
//! inside a UTF-8 sequence) is the character's start, and a reversed range is swapped.
//! Each clamp is logged to stderr (the first few in full, then counts: see
//! `log_limit`); none panics.

use std::ops::Range;

use azsr_core::{Encoding, LineCol, LineIndex};
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range as LspRange};

use super::log_limit::Limited;

/// Clamped positions and swapped ranges, over the session.
static CLAMPED: Limited = Limited::new("positions clamped or ranges swapped");

fn log_clamp(what: &str, pos: Position, to: usize) {
    CLAMPED.log(|| {
        format!(
            "azsr-lsp: clamped {what} {}:{} to byte {to}",
            pos.line, pos.character
        )
    });
}

/// A position in `text` (with its line index) to a byte offset.
pub fn offset(text: &str, index: &LineIndex, pos: Position, enc: Encoding) -> usize {
    let (off, clamped) = index.to_offset(
        text,
        LineCol {
            line: pos.line,
            col: pos.character,
        },
        enc,
    );
    if clamped {
        log_clamp("position", pos, off);
    }
    off
}

/// A range in `text` to a byte range (reversed ranges are swapped).
pub fn range(text: &str, index: &LineIndex, r: LspRange, enc: Encoding) -> Range<usize> {
    let a = offset(text, index, r.start, enc);
    let b = offset(text, index, r.end, enc);
    ordered(a, b, r)
}

fn ordered(a: usize, b: usize, r: LspRange) -> Range<usize> {
    if a <= b {
        a..b
    } else {
        CLAMPED.log(|| {
            format!(
                "azsr-lsp: reversed range {}:{}-{}:{}, swapped",
                r.start.line, r.start.character, r.end.line, r.end.character
            )
        });
        b..a
    }
}

/// A position to a byte offset directly on the rope, for incremental changes: no line
/// index of the whole text is built per keystroke. Lines break at `\n`, `\r\n` and a lone
/// `\r` (the rope is built with `cr_lines`, which matches LSP).
pub fn rope_offset(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        let end = rope.len_bytes();
        log_clamp("position", pos, end);
        return end;
    }
    let start = rope.line_to_byte(line);
    let slice = rope.line(line);
    // The line's content without its break.
    let mut content_chars = slice.len_chars();
    if content_chars > 0 && slice.char(content_chars - 1) == '\n' {
        content_chars -= 1;
    }
    if content_chars > 0 && slice.char(content_chars - 1) == '\r' {
        content_chars -= 1;
    }
    let want = pos.character as usize;
    let mut units = 0usize;
    let mut bytes = 0usize;
    for ch in slice.chars().take(content_chars) {
        if units == want {
            return start + bytes;
        }
        let w = match enc {
            Encoding::Utf8 => ch.len_utf8(),
            Encoding::Utf16 => ch.len_utf16(),
            Encoding::Utf32 => 1,
        };
        if units + w > want {
            log_clamp("position inside a character", pos, start + bytes);
            return start + bytes;
        }
        units += w;
        bytes += ch.len_utf8();
    }
    if units != want {
        log_clamp("position past the line's end", pos, start + bytes);
    }
    start + bytes
}

/// A range on the rope to a byte range (reversed ranges are swapped).
pub fn rope_range(rope: &Rope, r: LspRange, enc: Encoding) -> Range<usize> {
    let a = rope_offset(rope, r.start, enc);
    let b = rope_offset(rope, r.end, enc);
    ordered(a, b, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn rope_and_line_index_agree_everywhere() {
        let text = "日本😀a\r\nb\rc👨‍👩‍👧\n\nz";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for line in 0..7 {
                for col in 0..40 {
                    assert_eq!(
                        rope_offset(&rope, p(line, col), enc),
                        offset(text, &index, p(line, col), enc),
                        "{enc:?} {line}:{col}"
                    );
                }
            }
        }
    }

    #[test]
    fn clamps_mid_surrogate_between_crlf_and_reversed() {
        let text = "😀a\r\nb";
        let rope = Rope::from_str(text);
        assert_eq!(rope_offset(&rope, p(0, 1), Encoding::Utf16), 0);
        assert_eq!(rope_offset(&rope, p(0, 3), Encoding::Utf16), 5);
        assert_eq!(rope_offset(&rope, p(0, 99), Encoding::Utf16), 5);
        assert_eq!(rope_offset(&rope, p(9, 0), Encoding::Utf16), text.len());
        let r = LspRange {
            start: p(1, 1),
            end: p(0, 0),
        };
        assert_eq!(rope_range(&rope, r, Encoding::Utf8), 0..8);
    }
}
