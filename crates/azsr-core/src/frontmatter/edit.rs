//! Edits of the front matter for quick fixes: replacing a value, adding or removing
//! `key: value` lines, and writing a string as a YAML scalar, without breaking the YAML.

use std::ops::Range;

use super::{FrontMatter, YamlEntry, YamlNode, YamlValue};
use crate::diagnostic::TextEdit;
use crate::text::{line_break, line_start, next_line_start};

/// `s` as a YAML scalar the front matter reads back as the same text: plain unless that
/// would end the value early or break the line, else double-quoted. `true` and `1` stay
/// plain: the form reads every value as text.
pub fn yaml_scalar(s: &str) -> String {
    let plain_ok = !s.is_empty()
        && s.trim() == s
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.contains(['\n', '\r', '\t']);
    if plain_ok {
        s.to_string()
    } else {
        format!(
            "\"{}\"",
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n")
        )
    }
}

/// `s`, trimmed, as a YAML scalar any YAML reader reads back as the same string: plain
/// when it is safe, double-quoted otherwise (catalog names hold `'`, `"`, `:` and `#`;
/// `true`, `1` and `null` are quoted, so they stay strings).
pub fn yaml_string(s: &str) -> String {
    let s = s.trim();
    let plain_ok = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control())
        && crate::fields::parse_bool(s).is_none()
        && !matches!(s.to_ascii_lowercase().as_str(), "null" | "~")
        && s.parse::<f64>().is_err();
    if plain_ok {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Replaces a scalar's text (inside its quotes, if any) with `new`, quoting `new` when a
/// plain scalar could not hold it.
pub fn replace_scalar(doc: &str, node: &YamlNode, new: &str) -> TextEdit {
    let content = node.content_span(doc);
    let quoted = matches!(node.value, YamlValue::Scalar { quoted: true, .. })
        && content != node.span
        && !doc[node.span.clone()].trim_start().starts_with(['|', '>']);
    let single = content.start > 0 && doc.as_bytes()[content.start - 1] == b'\'';
    let new_text = if quoted && single {
        new.replace('\'', "''")
    } else if quoted {
        new.replace('\\', "\\\\").replace('"', "\\\"")
    } else {
        yaml_scalar(new)
    };
    TextEdit {
        range: content,
        new_text,
    }
}

/// Where an entry ends: the end of its value, or of its key for a null value.
fn entry_end(entry: &YamlEntry) -> usize {
    if entry.value.is_null() {
        entry.key.span.end
    } else {
        entry.value.span.end.max(entry.key.span.end)
    }
}

/// The line break to put before text inserted at `at`: none at the start of a line,
/// else the document's (a YAML text may end without one: `---\n---` has none to end).
fn break_before(doc: &str, at: usize) -> &'static str {
    if at > 0 && !doc[..at].ends_with('\n') {
        line_break(doc)
    } else {
        ""
    }
}

/// Inserts the top-level `line` (without its line break): after the entry `after` when
/// there is one, else at the end of the YAML.
pub fn insert_top_level(
    doc: &str,
    fm: &FrontMatter,
    after: Option<&YamlEntry>,
    line: &str,
) -> TextEdit {
    let at = match after {
        Some(e) => next_line_start(doc, entry_end(e)).min(fm.yaml.end),
        None => fm.yaml.end,
    };
    let nl = line_break(doc);
    TextEdit {
        range: at..at,
        new_text: format!("{}{}{nl}", break_before(doc, at), line.replace('\n', nl)),
    }
}

/// Inserts `key: value` lines into the block mapping of `parent` (e.g. `contact`), with
/// the mapping's indentation. `None` for flow mappings (`{…}`) and non-mappings.
pub fn insert_in_mapping(doc: &str, parent: &YamlEntry, lines: &[String]) -> Option<TextEdit> {
    let indent = match &parent.value.value {
        YamlValue::Map(entries) if !entries.is_empty() => {
            if doc[parent.value.span.clone()].starts_with('{') {
                return None;
            }
            let first = &entries[0].key.span;
            let ind = &doc[line_start(doc, first.start)..first.start];
            if !ind.chars().all(|c| c == ' ') {
                return None;
            }
            ind.to_string()
        }
        _ if parent.value.is_null() => {
            let ls = line_start(doc, parent.key.span.start);
            let base = doc[ls..parent.key.span.start].len();
            " ".repeat(base + 2)
        }
        _ => return None,
    };
    let at = next_line_start(doc, entry_end(parent));
    let nl = line_break(doc);
    let body: String = lines.iter().map(|l| format!("{indent}{l}{nl}")).collect();
    Some(TextEdit {
        range: at..at,
        new_text: format!("{}{body}", break_before(doc, at)),
    })
}

/// The whole lines of an entry (from its key's line to the line break after its value,
/// a trailing comment included), when nothing else shares them: what removing the
/// entry removes.
pub fn entry_lines(doc: &str, entry: &YamlEntry) -> Option<Range<usize>> {
    let (start, end) = (entry.key.span.start, entry_end(entry));
    let first = line_start(doc, start);
    if !doc[first..start].trim().is_empty() {
        return None;
    }
    let line_end = next_line_start(doc, end);
    let rest = doc[end..line_end].trim();
    // a null value ends at its key: its colon follows
    let rest = match entry.value.is_null() {
        true => rest.strip_prefix(':').unwrap_or(rest).trim(),
        false => rest,
    };
    (rest.is_empty() || rest.starts_with('#')).then_some(first..line_end)
}

/// Replaces an entry that starts its line, from its key to the end of that line, with
/// `line`. `None` when something comes before the key on its line.
pub fn replace_entry_line(doc: &str, entry: &YamlEntry, line: &str) -> Option<TextEdit> {
    let start = entry.key.span.start;
    if !doc[line_start(doc, start)..start].trim().is_empty() {
        return None;
    }
    let end = doc[start..]
        .find(['\n', '\r'])
        .map_or(doc.len(), |i| start + i);
    Some(TextEdit {
        range: start..end,
        new_text: line.to_string(),
    })
}

/// Inserts `line` after the line an entry ends on, with the entry's indentation and
/// that line's break. `None` when something comes before the key on its line, or when
/// no line break ends the entry's line.
pub fn insert_after_entry(doc: &str, entry: &YamlEntry, line: &str) -> Option<TextEdit> {
    let start = entry.key.span.start;
    let indent = &doc[line_start(doc, start)..start];
    if !indent.trim().is_empty() {
        return None;
    }
    let end = entry.value.span.end.max(entry.key.span.end);
    let newline = end + doc[end..].find('\n')?;
    let eol = if doc[..newline].ends_with('\r') {
        "\r\n"
    } else {
        "\n"
    };
    Some(TextEdit {
        range: newline + 1..newline + 1,
        new_text: format!("{indent}{line}{eol}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::frontmatter::parse;

    fn fm(text: &str) -> FrontMatter {
        parse(text).unwrap()
    }

    #[test]
    fn replacing_keeps_the_quotes() {
        let text = "---\na: \"quoted 値\"\nb: 'x'\nc: plain\n---\n";
        let f = fm(text);
        let e = replace_scalar(text, &f.get("a").unwrap().value, "new \"v\"");
        assert_eq!(e.new_text, "new \\\"v\\\"");
        let e = replace_scalar(text, &f.get("b").unwrap().value, "it's");
        assert_eq!(e.new_text, "it''s");
        let e = replace_scalar(text, &f.get("c").unwrap().value, "a: b");
        assert_eq!(e.new_text, "\"a: b\"");
    }

    #[test]
    fn insertions_keep_yaml_valid() {
        let text = "---\nservice: X\ncontact:\n    email: a@b.c\nsummary: s\n---\n";
        let f = fm(text);
        let e = insert_top_level(text, &f, f.get("service"), "resource: ");
        let out = apply_edits(text, &[e]);
        assert_eq!(
            out,
            "---\nservice: X\nresource: \ncontact:\n    email: a@b.c\nsummary: s\n---\n"
        );
        let e = insert_in_mapping(text, f.get("contact").unwrap(), &["phone: ".into()]).unwrap();
        let out = apply_edits(text, &[e]);
        assert!(
            out.contains("    email: a@b.c\n    phone: \nsummary"),
            "{out}"
        );
        let f2 = fm(&out);
        assert!(f2.error.is_none());
        let text = "---\ncontact:\nsummary: s\n---\n";
        let f = fm(text);
        let e = insert_in_mapping(text, f.get("contact").unwrap(), &["email: ".into()]).unwrap();
        assert_eq!(
            apply_edits(text, &[e]),
            "---\ncontact:\n  email: \nsummary: s\n---\n"
        );
        let text = "---\r\nsummary: s\r\n---\r\n";
        let e = insert_top_level(text, &fm(text), None, "contact:\n  email: ");
        assert_eq!(
            apply_edits(text, &[e]),
            "---\r\nsummary: s\r\ncontact:\r\n  email: \r\n---\r\n"
        );
        let text = "---\n---\n";
        let e = insert_top_level(text, &fm(text), None, "summary: ");
        assert_eq!(apply_edits(text, &[e]), "---\nsummary: \n---\n");
    }

    #[test]
    fn entry_lines_are_replaced_removed_and_followed() {
        let text = "---\r\na: 1 # note\r\nb: {x: 1}\r\n---\r\n";
        let f = fm(text);
        let a = f.get("a").unwrap();
        let removed = entry_lines(text, a).unwrap();
        assert_eq!(&text[removed], "a: 1 # note\r\n");
        let e = replace_entry_line(text, a, "a: 2").unwrap();
        assert_eq!(
            apply_edits(text, &[e]),
            "---\r\na: 2\r\nb: {x: 1}\r\n---\r\n"
        );
        let e = insert_after_entry(text, a, "c: 3").unwrap();
        assert_eq!(
            apply_edits(text, &[e]),
            "---\r\na: 1 # note\r\nc: 3\r\nb: {x: 1}\r\n---\r\n"
        );
        let nested = "---\nb: {x: 1}\n---\n";
        let x = fm(nested).get("b").unwrap().value.get("x").unwrap().clone();
        assert_eq!(entry_lines(nested, &x), None);
        assert_eq!(replace_entry_line(nested, &x, "y"), None);
    }

    #[test]
    fn scalars_are_quoted_when_needed() {
        assert_eq!(yaml_scalar("Tokyo Standard Time"), "Tokyo Standard Time");
        assert_eq!(yaml_scalar("a: b"), "\"a: b\"");
        assert_eq!(yaml_scalar("-x"), "\"-x\"");
        assert_eq!(yaml_scalar("true"), "true");
    }

    #[test]
    fn strings_read_back_unchanged() {
        for name in [
            "Virtual Machine running Windows",
            "Kubernetes Service (AKS)",
            "I can't view Activity Log in Log Analytics",
            "I see unexpected costs in \"Cost Analysis\" or in \"PowerBI\"",
            "Savings plan for compute: questions",
            "- dash first",
            "true",
            "1",
            "null",
            "a #b",
            "back\\slash: x",
        ] {
            let yaml = yaml_string(name);
            let text = format!("---\nk: {yaml}\n---\n");
            let fm = parse(&text).unwrap();
            assert!(fm.error.is_none(), "{yaml}");
            let node = &fm.get("k").unwrap().value;
            assert_eq!(node.as_str(), Some(name), "{yaml}");
            assert!(!node.is_null(), "{yaml}");
        }
        assert_eq!(yaml_string("Azure DNS"), "Azure DNS");
        assert_eq!(yaml_string("yes"), "\"yes\"");
    }
}
