//! The create body's `description`: the Markdown body as plain text support reads in the
//! portal, with the form's related requests and attachments appended.
//!
//! Decision: the Markdown stays as written. Headings (`## 問題`), lists and fenced logs
//! already read as plain text, and rewriting them would change what the author reviewed.
//! Only what a reader of plain text should not see goes: HTML comments (the template's
//! hints), Windows line breaks and runs of blank lines.

use super::Attachment;
use crate::form::list_items;
use crate::{Form, Lang, Source};

pub(super) fn of(source: &Source, form: Form, attachments: &[Attachment], lang: Lang) -> String {
    let body = &source.text[source.body.start.min(source.text.len())..];
    let in_code = |at: usize| {
        source
            .body
            .code_blocks
            .iter()
            .any(|c| c.range.contains(&(source.body.start + at)))
    };
    let mut text = without_comments(body, in_code).replace("\r\n", "\n");
    text = squeeze_blank_lines(text.trim_matches('\n'));

    let related: Vec<String> = related_requests(form)
        .into_iter()
        .map(|(number, engineer)| match (engineer, lang) {
            (Some(e), Lang::En) => format!("{number} (engineer: {e})"),
            (Some(e), Lang::Ja) => format!("{number} (担当エンジニア: {e})"),
            (None, _) => number,
        })
        .collect();
    let heading = match lang {
        Lang::En => "Related requests",
        Lang::Ja => "関連するお問い合わせ",
    };
    append_list(&mut text, heading, &related);
    let attachments: Vec<String> = attachments.iter().map(|a| a.file_name.clone()).collect();
    let heading = match lang {
        Lang::En => "Attachments (uploaded separately)",
        Lang::Ja => "添付ファイル (別途アップロード)",
    };
    append_list(&mut text, heading, &attachments);
    text.trim_end().to_string()
}

/// A `## heading` and a bullet list after the text, when there are items.
fn append_list(text: &mut String, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str("## ");
    text.push_str(heading);
    for item in items {
        text.push_str("\n- ");
        text.push_str(item);
    }
}

/// `related_requests` items: a number, or `{number, engineer}`.
fn related_requests(form: Form) -> Vec<(String, Option<String>)> {
    form.get("related_requests")
        .map(|e| list_items(&e.value))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|item| match item.text() {
            Some(n) => Some((n.trim().to_string(), None)),
            None => {
                let number = item.get("number")?.value.text()?.trim().to_string();
                let engineer = item
                    .get("engineer")
                    .and_then(|e| e.value.text())
                    .map(|e| e.trim().to_string());
                Some((number, engineer))
            }
        })
        .collect()
}

/// `text` without its HTML comments, but for those inside code (`in_code` of a byte
/// offset into `text`), which are part of a pasted log or snippet.
fn without_comments(text: &str, in_code: impl Fn(usize) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut from = 0;
    while let Some(found) = text[from..].find("<!--") {
        let start = from + found;
        let Some(len) = text[start..].find("-->") else {
            break;
        };
        let end = start + len + 3;
        if in_code(start) {
            from = end;
            continue;
        }
        out.push_str(&text[rest..start]);
        rest = end;
        from = end;
    }
    out.push_str(&text[rest..]);
    out
}

/// At most one blank line in a row, and no white space left at line ends by a removed
/// comment.
fn squeeze_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
            out.push('\n');
            continue;
        }
        blank_run = 0;
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_but_not_inside_code() {
        let text = "a <!-- hint --> b\n```\n<!-- kept -->\n```\n";
        let code = text.find("```").unwrap()..text.len();
        let out = without_comments(text, |at| code.contains(&at));
        assert_eq!(out, "a  b\n```\n<!-- kept -->\n```\n");
    }

    #[test]
    fn blank_runs_become_one_blank_line() {
        assert_eq!(squeeze_blank_lines("a\n\n\n\nb\n  \nc"), "a\n\nb\n\nc");
    }
}
