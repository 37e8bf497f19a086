use crate::frontmatter::{YamlNode, YamlValue};
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That the front matter between the `---` lines is valid YAML and a mapping of
    /// `key: value` lines. The finding points at the spot where the YAML stops making
    /// sense (an unclosed bracket or quote, a bad indentation, a tab, a second document),
    /// or at a key given twice in the same mapping (YAML forbids it, and only one of the
    /// two values would be used).
    ///
    /// ## Why
    ///
    /// The front matter holds the form's fields: if it does not parse, none of them can be
    /// read, checked or filed, and every other check of the form stays silent until it is
    /// fixed.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// summary: [VM が起動しない
    /// severity: B
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// summary: "[vm-web-01] VM が起動しない"
    /// severity: B
    /// ---
    /// ```
    "frontmatter-syntax", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(fm) = ctx.fm else { return };
    if !fm.closed {
        return; // frontmatter-missing
    }
    if let Some(err) = &fm.error {
        let detail = &err.message;
        let hint = hint(detail);
        let (hen, hja) = (&hint.en, &hint.ja);
        out.push(RULE.diag(
            err.span.clone(),
            msg!(
                "The front matter is not valid YAML: {detail}{hen}",
                "フロント マターの YAML を解析できません: {detail}{hja}"
            ),
        ));
        return;
    }
    if let Some(root) = &fm.root {
        duplicates(root, ctx.text, out, 0);
    }
}

/// What usually causes a parser error, in plain words.
fn hint(detail: &str) -> crate::Msg {
    let d = detail.to_ascii_lowercase();
    if d.contains("mapping values are not allowed") || d.contains("placement of ':'") {
        msg!(
            " (a value holding `: ` must be quoted, or a line is indented wrongly)",
            " (`: ` を含む値は引用符で囲むか、行のインデントを確認してください)"
        )
    } else if d.contains("tab") {
        msg!(
            " (indent with spaces, not tabs)",
            " (インデントにはタブではなくスペースを使ってください)"
        )
    } else if d.contains("unexpected character") {
        msg!(
            " (a value starting with `@` or a backquote must be quoted)",
            " (`@` やバッククォートで始まる値は引用符で囲んでください)"
        )
    } else if d.contains("quoted scalar") {
        msg!(" (a quote is not closed)", " (引用符が閉じられていません)")
    } else if d.contains("anchor") {
        msg!(
            " (an alias `*name` needs an anchor `&name` before it)",
            " (エイリアス `*名前` の前にアンカー `&名前` が必要です)"
        )
    } else if d.contains("flow") {
        msg!(
            " (a bracket `[` or `{{` is not closed)",
            " (括弧 `[` または `{{` が閉じられていません)"
        )
    } else {
        msg!("", "")
    }
}

/// Reports keys that occur twice in one mapping, at every level.
fn duplicates(node: &YamlNode, doc: &str, out: &mut Vec<Diagnostic>, depth: usize) {
    if depth > crate::frontmatter::MAX_DEPTH {
        return;
    }
    match &node.value {
        YamlValue::Map(entries) => {
            for (i, e) in entries.iter().enumerate() {
                if let Some(key) = e.key_str() {
                    if let Some(first) = entries[..i].iter().find(|p| p.key_str() == Some(key)) {
                        let line = doc[..first.key.span.start].matches('\n').count() + 1;
                        out.push(
                            RULE.diag(
                                e.key.span.clone(),
                                msg!(
                                    "`{key}` is given twice (first on line {line}): keep one",
                                    "`{key}` が 2 回指定されています (最初は {line} 行目)。1 つにまとめてください"
                                ),
                            )
                            .with_related(
                                first.key.span.clone(),
                                msg!("first `{key}`", "最初の `{key}`"),
                            ),
                        );
                    }
                }
                duplicates(&e.value, doc, out, depth + 1);
            }
        }
        YamlValue::Seq(items) => {
            for item in items {
                duplicates(item, doc, out, depth + 1);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_at_the_yaml_error() {
        let d = check(&RULE, "---\nsummary: [VM が起動しない\nseverity: B\n---\n");
        assert_eq!(d.len(), 1);
        let text = "---\nsummary: [VM が起動しない\nseverity: B\n---\n";
        let r = d[0].range.clone();
        assert!(r.start > 4 && r.end <= text.len() - 4, "{r:?}");
        assert!(d[0].message.ja.contains("YAML"));
        assert!(d[0].message.en.contains("not valid YAML"));
        assert!(d[0].message.ja.contains("引用符で囲む"));
        let d = check(&RULE, "---\nsummary: x\n\tseverity: B\n---\n");
        assert!(d[0].message.ja.contains("タブ") && d[0].message.en.contains("tabs"));
    }

    #[test]
    fn fires_on_bad_indentation_and_unclosed_quotes() {
        assert_eq!(
            check(
                &RULE,
                "---\nsummary: \"unclosed\nseverity: B\n---\n## Problem\n"
            )
            .len(),
            1
        );
        assert_eq!(
            check(&RULE, "---\ncontact:\n  email: a@b.c\n   phone: 1\n---\n").len(),
            1
        );
        assert_eq!(check(&RULE, "---\n- a list\n- of items\n---\n").len(), 1);
    }

    #[test]
    fn fires_on_duplicate_keys() {
        assert_spans(&RULE, "---\nseverity: B\nsummary: x\n«severity»: C\n---\n");
        assert_spans(
            &RULE,
            "---\ncontact:\n  email: a@example.com\n  «email»: b@example.com\n---\n",
        );
    }

    #[test]
    fn passes_on_valid_yaml() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        assert!(check(
            &RULE,
            "---\nsummary: \"[vm-web-01] VM が起動しない\"\nseverity: B\n---\n"
        )
        .is_empty());
        assert!(check(&RULE, "---\n---\n").is_empty());
        // unclosed and absent blocks belong to frontmatter-missing
        assert!(check(&RULE, "---\nsummary: [x\n").is_empty());
        assert!(check(&RULE, "# no front matter\n").is_empty());
    }
}
