use crate::text::{line_break, next_line_start};
use crate::{msg, Context, Diagnostic};
use crate::rules::fix;

declare_rule! {
    /// ## What it checks
    ///
    /// That the file starts with a front matter block: a line `---`, the form's fields as
    /// YAML, and a closing line `---`. A file without the block, or whose block is never
    /// closed, gets this finding (at 1:1, or on the unclosed `---`).
    ///
    /// The quick fix inserts a template block with every field of the form (in the
    /// language of the messages), or closes an unclosed block before the first blank line
    /// or heading.
    ///
    /// ## Why
    ///
    /// The portal's form asks for more than the description: the issue type, the
    /// subscription, the service, a summary, the problem type, when it started, the
    /// severity, the contact method and the contact details. Without them support cannot
    /// route the request to the right team or reach you; the front matter is where the
    /// draft keeps them.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ## Problem
    /// The VM does not start.
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// summary: vm-web-01 does not start after resizing
    /// ---
    ///
    /// ## Problem
    /// The VM does not start.
    /// ```
    "frontmatter-missing", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let text = ctx.text;
    match ctx.fm {
        None => {
            let at = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let nl = line_break(text);
            // A Japanese text gets the Japanese template (`support_language: ja`), else
            // the English one would make its text english-body's errors.
            let lang = if text.chars().any(crate::text::is_japanese_char) {
                crate::Lang::Ja
            } else {
                ctx.lang
            };
            let mut block = crate::template::frontmatter_template(lang).replace('\n', nl);
            if !text[at..].trim().is_empty() {
                block.push_str(nl);
            }
            out.push(
                RULE.diag(
                    0..0,
                    msg!(
                        "The file has no front matter: start it with a `---` line, the form's fields (issue_type, summary, severity, contact, …) and a closing `---` line.",
                        "フロント マターがありません。先頭に `---` 行、フォームの項目（issue_type、summary、severity、contact など）、終わりの `---` 行を記述してください。"
                    ),
                )
                .with_fix(fix::edit(
                    msg!("Insert a front matter template", "フロント マターのテンプレートを挿入する"),
                    at..at,
                    block,
                )),
            );
        }
        Some(fm) if !fm.closed => {
            let at = closing_point(text, fm.yaml.start);
            let nl = line_break(text);
            let prefix = if at > 0 && !text[..at].ends_with('\n') {
                nl
            } else {
                ""
            };
            out.push(
                RULE.diag(
                    fm.opening(),
                    msg!(
                        "The front matter is not closed: add a `---` line after the last field.",
                        "フロント マターが閉じられていません。最後の項目の後に `---` 行を追加してください。"
                    ),
                )
                .with_fix(fix::edit(
                    msg!("Close the front matter", "フロント マターを閉じる"),
                    at..at,
                    format!("{prefix}---{nl}"),
                )),
            );
        }
        Some(_) => {}
    }
}

/// Where an unclosed block most likely ends: before the first blank line or Markdown
/// heading after the opening line, else at the end of the file.
fn closing_point(text: &str, from: usize) -> usize {
    let mut pos = from;
    while pos < text.len() {
        let end = next_line_start(text, pos);
        let line = text[pos..end].trim_end();
        if line.trim().is_empty() || line.starts_with("# ") || line.starts_with("##") {
            return pos;
        }
        pos = end;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::messages::Lang;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_without_front_matter() {
        assert_spans(&RULE, "«»## 問題\nVM が起動しません。\n");
        assert_spans(&RULE, "«»## Problem\nThe VM does not start.\n");
        assert_spans(&RULE, "«»");
        // a delimiter later in the file does not open a block
        assert_spans(&RULE, "«»# Title\n---\nseverity: B\n---\n");
    }

    #[test]
    fn fires_on_an_unclosed_block() {
        assert_spans(&RULE, "«---»\nseverity: B\n\n## 問題\n接続できない\n");
        assert_spans(&RULE, "«---»\nseverity: B\nsummary: x");
    }

    #[test]
    fn passes_with_a_block() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        assert!(check(&RULE, "---\nseverity: B\n---").is_empty());
        assert!(check(&RULE, "\u{feff}---\nseverity: B\n---\n").is_empty());
    }

    #[test]
    fn fix_inserts_a_template_that_parses() {
        let text = "## Problem\nThe VM does not start.\n";
        let d = check(&RULE, text);
        let fixed = apply_edits(text, &d[0].fixes[0].edits);
        let source = crate::Source::new(fixed.clone());
        let fm = source.frontmatter.as_ref().unwrap();
        assert!(fm.closed && fm.error.is_none(), "{fixed}");
        assert!(fixed.ends_with("---\n\n## Problem\nThe VM does not start.\n"));
        assert!(fixed.contains("support_language: en-us"));
        let ja = crate::template::frontmatter_template(Lang::Ja);
        assert!(ja.contains("support_language: ja"));
    }

    #[test]
    fn fix_closes_an_unclosed_block() {
        let text = "---\nseverity: B\nsummary: x\n\n## Problem\nfails\n";
        let d = check(&RULE, text);
        let fixed = apply_edits(text, &d[0].fixes[0].edits);
        assert_eq!(
            fixed,
            "---\nseverity: B\nsummary: x\n---\n\n## Problem\nfails\n"
        );
        let text = "---\nseverity: B";
        let d = check(&RULE, text);
        let fixed = apply_edits(text, &d[0].fixes[0].edits);
        assert_eq!(fixed, "---\nseverity: B\n---\n");
        let text = "---\r\nseverity: B\r\n\r\n## Problem\r\n";
        let d = check(&RULE, text);
        let fixed = apply_edits(text, &d[0].fixes[0].edits);
        assert_eq!(fixed, "---\r\nseverity: B\r\n---\r\n\r\n## Problem\r\n");
        let fm = crate::frontmatter::parse(&fixed).unwrap();
        assert!(fm.closed && fm.error.is_none());
    }
}
