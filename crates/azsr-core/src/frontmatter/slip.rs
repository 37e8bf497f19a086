//! The usual typing slips that break a front matter, found line by line before the
//! parser's own error is believed: a Japanese input method leaves a full-width colon
//! `：` or a full-width space (U+3000) where YAML needs ASCII, an editor indents with a
//! tab, a key is left half-typed without its `:`. The parser reports these late (on the
//! next line, or at the end of the previous one) and in its own terms; here each is
//! found on its own line and named.

use std::ops::Range;

/// A slip, at the character that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub kind: SlipKind,
    /// The wrong character (for `KeyWithoutColon`, the key).
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlipKind {
    /// `key：value`; `replace` is the colon with the spaces after it (to become `: `).
    FullWidthColon { key: String, replace: Range<usize> },
    /// `key:　value`: a full-width space after the colon.
    FullWidthSpaceAfterColon { key: String },
    /// A full-width space in the indentation of a `key:` line.
    FullWidthSpaceIndent,
    /// A tab in the indentation.
    TabIndent,
    /// A line that is only a key, without `:`.
    KeyWithoutColon { key: String },
    /// A value that starts with `[` or `{` (YAML reads a list or a mapping) that is not
    /// closed before the parser gives up: usually a title such as `[VM] 起動しない`.
    UnclosedBracket { key: String, open: char },
}

/// The first slip in the YAML text at `yaml` of `doc`. `parse_error_line` is the
/// 0-based line of the parser's error, if it found one: a tab and a key without `:` are
/// believed only up to the line after it (elsewhere they may be the text of a block
/// value); the full-width characters before a key's colon are slips wherever they are.
pub fn find(doc: &str, yaml: Range<usize>, parse_error_line: Option<usize>) -> Option<Slip> {
    let mut lines = Vec::new();
    let mut pos = yaml.start;
    for line in doc[yaml.clone()].split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        lines.push((pos, text));
        pos += line.len();
    }
    let first_line = doc[..yaml.start].matches('\n').count();
    let indent_of = |t: &str| t.len() - t.trim_start_matches(' ').len();
    let is_key_line = |t: &str| {
        key_then(t.trim_start_matches(' ')).is_some_and(|(_, rest)| rest.starts_with(':'))
    };
    // The indentation of the key whose block value (`|`, `>`) the lines are in: its
    // text is the user's, never a slip.
    let mut block_of: Option<usize> = None;
    for (i, &(start, text)) in lines.iter().enumerate() {
        let line_no = first_line + i;
        let believed = parse_error_line.is_some_and(|e| line_no <= e + 1);
        let indent_len = text.len() - text.trim_start_matches([' ', '\u{3000}', '\t']).len();
        let indent = &text[..indent_len];
        let rest = &text[indent_len..];
        match block_of {
            Some(key_indent) if rest.is_empty() || indent_len > key_indent => continue,
            _ => block_of = None,
        }
        if let Some((key, after)) = key_then(rest) {
            let value = after.strip_prefix(':').map(str::trim_start);
            if value.is_some_and(|v| v.starts_with(['|', '>'])) {
                block_of = Some(indent_len);
            }
            if let (Some(v), Some(e)) = (value, parse_error_line) {
                let open = v.chars().next().filter(|c| matches!(c, '[' | '{'));
                let at = start + text.len() - v.len();
                // Up to the end of the line the parser stopped on.
                let upto = lines
                    .get(e.saturating_sub(first_line))
                    .map_or(yaml.end, |&(s, t)| s + t.len())
                    .max(start + text.len());
                if let Some(open) = open.filter(|_| line_no <= e + 1) {
                    let close = if open == '[' { ']' } else { '}' };
                    let span = &doc[at..upto.min(yaml.end)];
                    if span.matches(open).count() > span.matches(close).count() {
                        return Some(Slip {
                            kind: SlipKind::UnclosedBracket {
                                key: key.to_string(),
                                open,
                            },
                            span: at..at + 1,
                        });
                    }
                }
            }
            let key_end = start + indent_len + key.len();
            let gap = after.len() - after.trim_start_matches([' ', '\u{3000}']).len();
            let after_gap = &after[gap..];
            if after_gap.starts_with('：') {
                let colon = key_end + gap;
                let colon_end = colon + '：'.len_utf8();
                let tail = &after_gap['：'.len_utf8()..];
                let spaces = tail.len() - tail.trim_start_matches([' ', '\u{3000}']).len();
                return Some(Slip {
                    kind: SlipKind::FullWidthColon {
                        key: key.to_string(),
                        replace: key_end..colon_end + spaces,
                    },
                    span: colon..colon_end,
                });
            }
            if let Some(tail) = after.strip_prefix(':') {
                if tail.starts_with('\u{3000}') {
                    let at = key_end + 1;
                    return Some(Slip {
                        kind: SlipKind::FullWidthSpaceAfterColon {
                            key: key.to_string(),
                        },
                        span: at..at + '\u{3000}'.len_utf8(),
                    });
                }
                if let Some(i) = indent.find('\u{3000}') {
                    let at = start + i;
                    return Some(Slip {
                        kind: SlipKind::FullWidthSpaceIndent,
                        span: at..at + '\u{3000}'.len_utf8(),
                    });
                }
            }
        }
        if !believed {
            continue;
        }
        if let Some(i) = indent.find('\t') {
            return Some(Slip {
                kind: SlipKind::TabIndent,
                span: start + i..start + i + 1,
            });
        }
        // A bare word at the indentation of a neighbouring `key:` line.
        if key_then(rest)
            .is_some_and(|(key, after)| after.trim().is_empty() && key == rest.trim_end())
            && !indent.contains(['\u{3000}', '\t'])
        {
            let neighbour = |j: Option<usize>| {
                j.and_then(|j| lines.get(j))
                    .is_some_and(|&(_, t)| is_key_line(t) && indent_of(t) == indent_len)
            };
            if neighbour(i.checked_sub(1)) || neighbour(Some(i + 1)) {
                let key = rest.trim_end();
                let at = start + indent_len;
                return Some(Slip {
                    kind: SlipKind::KeyWithoutColon {
                        key: key.to_string(),
                    },
                    span: at..at + key.len(),
                });
            }
        }
    }
    None
}

/// `text` split after a leading key (`[A-Za-z_][A-Za-z0-9_-]*`), if it starts with one.
fn key_then(text: &str) -> Option<(&str, &str)> {
    let first = text.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '_') {
        return None;
    }
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    Some((&text[..end], &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slip in a front matter, as (kind, the text at its span, 1-based line and
    /// character column).
    fn slip(text: &str, error_line: Option<usize>) -> Option<(SlipKind, String, usize, usize)> {
        let yaml = 4..text.rfind("---").unwrap();
        let s = find(text, yaml, error_line)?;
        let line = text[..s.span.start].matches('\n').count() + 1;
        let line_start = text[..s.span.start].rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..s.span.start].chars().count() + 1;
        Some((s.kind, text[s.span].to_string(), line, column))
    }

    #[test]
    fn a_full_width_colon_is_found_on_its_line_even_after_japanese_and_emoji() {
        let text = "---\nsummary: 🚀 再起動後に接続できない\nproblem_type：　接続\n---\n";
        let (kind, at, line, column) = slip(text, Some(3)).unwrap();
        assert_eq!((at.as_str(), line, column), ("：", 3, 13));
        let SlipKind::FullWidthColon { key, replace } = kind else {
            panic!("{kind:?}")
        };
        assert_eq!(key, "problem_type");
        assert_eq!(&text[replace], "：　");
        // with no parser error too (the line would continue the value above)
        assert!(slip(text, None).is_some());
    }

    #[test]
    fn full_width_spaces_after_the_colon_and_in_the_indentation() {
        let (kind, at, line, column) =
            slip("---\nsummary:　VM が起動しない 😀\n---\n", None).unwrap();
        assert_eq!(
            (kind, at.as_str(), line, column),
            (
                SlipKind::FullWidthSpaceAfterColon {
                    key: "summary".into()
                },
                "\u{3000}",
                2,
                9
            )
        );
        let (kind, _, line, column) = slip("---\ncontact:\n 　email: a@b.c\n---\n", None).unwrap();
        assert_eq!((kind, line, column), (SlipKind::FullWidthSpaceIndent, 3, 2));
        // a block value's text may start with a full-width space
        assert_eq!(
            slip(
                "---\nnotes: |\n  　お世話になっております。\n  Note：x\n---\n",
                None
            ),
            None
        );
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_it_opens() {
        let text = "---\nsummary: [VM 😀] が起動しない [緊急\nseverity: B\n---\n";
        let (kind, at, line, column) = slip(text, Some(2)).unwrap();
        assert_eq!(
            (kind, at.as_str(), line, column),
            (
                SlipKind::UnclosedBracket {
                    key: "summary".into(),
                    open: '['
                },
                "[",
                2,
                10
            )
        );
        // a list over several lines is closed
        assert_eq!(slip("---\ntags: [a,\n  b]\nx: ]\n---\n", Some(3)), None);
    }

    #[test]
    fn a_tab_is_reported_on_its_own_line() {
        let (kind, at, line, column) =
            slip("---\nsummary: 接続できない\n\tseverity: B\n---\n", Some(1)).unwrap();
        assert_eq!(
            (kind, at.as_str(), line, column),
            (SlipKind::TabIndent, "\t", 3, 1)
        );
    }

    #[test]
    fn a_half_typed_key_is_reported_on_its_own_line() {
        let text = "---\nseverity: B\nproblem_s\nsummary: 接続できない\n---\n";
        let (kind, at, line, column) = slip(text, Some(3)).unwrap();
        assert_eq!(
            (kind, at.as_str(), line, column),
            (
                SlipKind::KeyWithoutColon {
                    key: "problem_s".into()
                },
                "problem_s",
                3,
                1
            )
        );
        // without a parser error, a bare word is a value's continuation, not a slip
        assert_eq!(slip("---\nsummary: VM\n  stops\n---\n", None), None);
        assert_eq!(slip("---\nsummary: VM\nstops\n---\n", None), None);
    }
}
