use std::collections::HashMap;

use crate::frontmatter::slip::SlipKind;
use crate::frontmatter::{YamlEntry, YamlError, YamlNode, YamlValue};
use crate::rules::fix;
use crate::{msg, Context, Diagnostic, LineIndex, Msg};

declare_rule! {
    /// ## What it checks
    ///
    /// That the front matter between the `---` lines is valid YAML and a mapping of
    /// `key: value` lines. The finding points at the spot where the YAML stops making
    /// sense (an unclosed bracket or quote, a bad indentation, a second document), or at
    /// a key given twice in the same mapping (YAML forbids it, and only one of the two
    /// values would be used).
    ///
    /// The usual typing slips are found on their own line and named: a full-width colon
    /// `：` after a key (`summary：…`, which the quick fix turns into `summary: …`), a
    /// full-width space (U+3000) after the colon (also fixed) or in the indentation, a tab
    /// in the indentation, a key left without its `:`, and a value that opens a `[` or `{`
    /// it never closes (`summary: [VM] …` must be quoted).
    ///
    /// Two limits keep a hostile front matter cheap, each reported here once, where it is
    /// reached, and the YAML is read no further: nesting deeper than 32 levels, and more
    /// than 1,000 anchors (`&name`) and aliases (`*name`) together.
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
    /// ```markdown
    /// ---
    /// summary：VM が起動しない
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
        let d = RULE.diag(err.span.clone(), message(err));
        out.push(match slip_fix(err) {
            Some(f) => d.with_fix(f),
            None => d,
        });
        return;
    }
    if let Some(root) = &fm.root {
        duplicates(root, &ctx.source.line_index, out, 0);
    }
}

/// The finding's message: the slip named, else the parser's error (its English words in
/// the English message only) with what usually causes it.
fn message(err: &YamlError) -> Msg {
    match &err.slip {
        Some(SlipKind::FullWidthColon { key, .. }) => msg!(
            "The colon after `{key}` is a full-width `：`: YAML needs a half-width colon and a space (`{key}: …`).",
            "`{key}` の後ろのコロンが全角の `：` です。半角のコロンと半角スペースで `{key}: …` と書いてください。"
        ),
        Some(SlipKind::FullWidthSpaceAfterColon { key }) => msg!(
            "The space after `{key}:` is a full-width space (U+3000): YAML needs a half-width space.",
            "`{key}:` の後ろのスペースが全角です。半角スペースにしてください。"
        ),
        Some(SlipKind::FullWidthSpaceIndent) => msg!(
            "The indentation holds a full-width space (U+3000): indent with half-width spaces.",
            "インデントに全角スペースが入っています。半角スペースでインデントしてください。"
        ),
        Some(SlipKind::TabIndent) => msg!(
            "This line is indented with a tab: YAML indents with spaces only.",
            "この行はタブでインデントされています。YAML のインデントには半角スペースだけを使ってください。"
        ),
        Some(SlipKind::UnclosedBracket { key, open }) => msg!(
            "The value of `{key}` starts with `{open}`, so YAML reads a list or a mapping, and it is not closed: put the value in quotes (`{key}: \"{open}…\"`).",
            "`{key}` の値が `{open}` で始まるため、YAML はリストかマッピングとして読みますが、閉じられていません。値を引用符で囲んでください。例は `{key}: \"{open}…\"` です。"
        ),
        Some(SlipKind::KeyWithoutColon { key }) => msg!(
            "\"{key}\" has no `:` after it: write `{key}: value`, or delete the line.",
            "「{key}」の後ろに `:` がありません。`{key}: 値` の形で書くか、不要なら行を削除してください。"
        ),
        None => {
            let detail = &err.message;
            let hint = hint(detail);
            let (hen, hja) = (&hint.en, &hint.ja);
            msg!(
                "The front matter is not valid YAML: {detail}{hen}.",
                "フロント マターを YAML として読み取れません。{hja}"
            )
        }
    }
}

/// The quick fix for a slip whose repair is certain.
fn slip_fix(err: &YamlError) -> Option<crate::Fix> {
    match &err.slip {
        Some(SlipKind::FullWidthColon { replace, .. }) => Some(fix::edit(
            msg!("Replace `：` with `: `", "`：` を半角の `: ` に置き換える"),
            replace.clone(),
            ": ",
        )),
        Some(SlipKind::FullWidthSpaceAfterColon { .. }) => Some(fix::edit(
            msg!(
                "Replace the full-width space with a half-width one",
                "全角スペースを半角スペースに置き換える"
            ),
            err.span.clone(),
            " ",
        )),
        _ => None,
    }
}

/// What usually causes a parser error, in plain words.
fn hint(detail: &str) -> Msg {
    let d = detail.to_ascii_lowercase();
    if d.contains("mapping values are not allowed") || d.contains("placement of ':'") {
        msg!(
            " (a value holding `: ` must be quoted, or a line is indented wrongly)",
            "`: ` を含む値は引用符で囲んでください。そうでなければ、行のインデントを確認してください。"
        )
    } else if d.contains("tab") {
        msg!(
            " (indent with spaces, not tabs)",
            "インデントにはタブではなく半角スペースを使ってください。"
        )
    } else if d.contains("unexpected character") {
        msg!(
            " (a value starting with `@` or a backquote must be quoted)",
            "`@` やバッククォートで始まる値は引用符で囲んでください。"
        )
    } else if d.contains("quoted scalar") {
        msg!(" (a quote is not closed)", "閉じられていない引用符があります。")
    } else if d.contains("anchors and aliases") {
        msg!(
            " (a request needs none: the front matter is read no further)",
            "アンカー `&名前` とエイリアス `*名前` が多すぎるため、ここから先は読み取りません。"
        )
    } else if d.contains("anchor") {
        msg!(
            " (an alias `*name` needs an anchor `&name` before it)",
            "エイリアス `*名前` の前にはアンカー `&名前` が必要です。"
        )
    } else if d.contains("flow") {
        msg!(
            " (a bracket `[` or `{{` is not closed)",
            "閉じられていない括弧 `[` または `{{` があります。"
        )
    } else if d.contains("more than one yaml document") {
        msg!("", "`---` の行で区切られた 2 つ目のドキュメントがあります。")
    } else if d.contains("nesting deeper") {
        msg!("", "入れ子が深すぎます。")
    } else if d.contains("must be a mapping") {
        msg!("", "`key: value` の形の行で書いてください。")
    } else {
        msg!(
            "",
            "引用符、括弧、インデントが正しいか確認してください。"
        )
    }
}

/// Reports keys that occur twice in one mapping, at every level. Linear: each key is
/// looked up among the earlier ones by hash (a front matter of 100,000 keys took 51 s
/// when each was compared with all before it).
fn duplicates(node: &YamlNode, lines: &LineIndex, out: &mut Vec<Diagnostic>, depth: usize) {
    if depth > crate::frontmatter::MAX_DEPTH {
        return;
    }
    match &node.value {
        YamlValue::Map(entries) => {
            let mut firsts: HashMap<&str, &YamlEntry> = HashMap::with_capacity(entries.len());
            for e in entries {
                if let Some(key) = e.key_str() {
                    if let Some(first) = firsts.get(key).copied() {
                        let line = lines.line_of(first.key.span.start) + 1;
                        out.push(
                            RULE.diag(
                                e.key.span.clone(),
                                msg!(
                                    "`{key}` is given twice (first on line {line}): keep one.",
                                    "`{key}` が 2 回指定されています（最初は {line} 行目）。1 つにまとめてください。"
                                ),
                            )
                            .with_related(
                                first.key.span.clone(),
                                msg!("First `{key}`", "最初の `{key}`"),
                            ),
                        );
                    } else {
                        firsts.insert(key, e);
                    }
                }
                duplicates(&e.value, lines, out, depth + 1);
            }
        }
        YamlValue::Seq(items) => {
            for item in items {
                duplicates(item, lines, out, depth + 1);
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
        let text = "---\nsummary: \"unclosed\nseverity: B\n---\n";
        let d = check(&RULE, text);
        assert_eq!(d.len(), 1);
        let r = d[0].range.clone();
        assert!(r.start > 4 && r.end <= text.len() - 4, "{r:?}");
        assert!(d[0].message.en.contains("not valid YAML"));
        assert_eq!(
            d[0].message.ja,
            "フロント マターを YAML として読み取れません。閉じられていない引用符があります。"
        );
    }

    /// 100,000 anchors and aliases: one finding, at the first past the limit, saying
    /// the front matter is read no further, in both languages.
    #[test]
    fn too_many_anchors_are_told_once() {
        let mut text = String::from("---\n");
        for i in 0..100_000 {
            text.push_str(&format!("a{i}: &x{i} v\nb{i}: *x{i}\n"));
        }
        text.push_str("---\n");
        let d = check(&RULE, &text);
        assert_eq!(d.len(), 1, "{d:?}");
        let max = crate::frontmatter::MAX_ANCHORS;
        let line = text[..d[0].range.start].matches('\n').count();
        assert_eq!(line, max + 1, "{:?}", d[0].range); // one a line, one b line each
        assert!(d[0].message.en.contains(&format!("more than {max} anchors and aliases")));
        assert!(d[0].message.en.contains("read no further"), "{}", d[0].message.en);
        assert!(d[0].message.ja.contains("ここから先は読み取りません"), "{}", d[0].message.ja);
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_it_opens() {
        let (line, column, m, fixed) = finding("---\nsummary: [VM 😀 が起動しない\nseverity: B\n---\n");
        assert_eq!((line, column), (2, 10));
        assert_eq!(
            m.ja,
            "`summary` の値が `[` で始まるため、YAML はリストかマッピングとして読みますが、閉じられていません。値を引用符で囲んでください。例は `summary: \"[…\"` です。"
        );
        assert_eq!(fixed, None);
    }

    #[test]
    fn the_parsers_english_stays_out_of_the_japanese_message() {
        for text in [
            "---\nsummary: \"unclosed\nseverity: B\n---\n",
            "---\nsummary: x\n  bad: indent\n---\n",
            "---\n- a list\n---\n",
            "---\na: *nothing\n---\n",
        ] {
            let d = check(&RULE, text);
            let ja = &d[0].message.ja;
            let detail = crate::frontmatter::parse(text).unwrap().error.unwrap().message;
            assert!(!detail.is_empty() && !ja.contains(&detail), "{ja}");
            assert!(d[0].message.en.contains(&detail), "{}", d[0].message.en);
        }
    }

    /// The finding's 1-based line and character column, its messages and fixed text.
    fn finding(text: &str) -> (usize, usize, Msg, Option<String>) {
        let d = check(&RULE, text);
        assert_eq!(d.len(), 1, "{d:?}");
        let at = d[0].range.start;
        let line = text[..at].matches('\n').count() + 1;
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..at].chars().count() + 1;
        let fixed = d[0]
            .fixes
            .first()
            .map(|f| crate::diagnostic::apply_edits(text, &f.edits));
        (line, column, d[0].message.clone(), fixed)
    }

    #[test]
    fn a_full_width_colon_is_named_on_its_own_line_and_fixed() {
        let text = "---\nseverity: B\nsummary：🚀 VM が起動しない\n---\n";
        let (line, column, m, fixed) = finding(text);
        assert_eq!((line, column), (3, 8));
        assert_eq!(
            m.ja,
            "`summary` の後ろのコロンが全角の `：` です。半角のコロンと半角スペースで `summary: …` と書いてください。"
        );
        assert!(m.en.contains("full-width `：`"), "{}", m.en);
        let fixed = fixed.expect("a quick fix");
        assert_eq!(fixed, "---\nseverity: B\nsummary: 🚀 VM が起動しない\n---\n");
        assert!(check(&RULE, &fixed).is_empty());
        // also when it is the only line (the parser sees one scalar, not a mapping)
        let (line, column, _, fixed) = finding("---\nsummary：　接続できない\n---\n");
        assert_eq!((line, column), (2, 8));
        assert_eq!(fixed.unwrap(), "---\nsummary: 接続できない\n---\n");
    }

    #[test]
    fn full_width_spaces_are_named() {
        let (line, column, m, fixed) = finding("---\nsummary:　VM 😀 が起動しない\nseverity: B\n---\n");
        assert_eq!((line, column), (2, 9));
        assert!(m.ja.contains("全角"), "{}", m.ja);
        assert_eq!(fixed.unwrap(), "---\nsummary: VM 😀 が起動しない\nseverity: B\n---\n");
        // the parser would take `　email` for a key of its own
        let (line, column, m, fixed) = finding("---\ncontact:\n　email: 太郎@example.com\n---\n");
        assert_eq!((line, column), (3, 1));
        assert!(m.ja.starts_with("インデントに全角スペース"), "{}", m.ja);
        assert_eq!(fixed, None);
    }

    #[test]
    fn a_tab_and_a_half_typed_key_are_reported_on_their_own_lines() {
        let (line, column, m, _) = finding("---\nsummary: 接続できない 😀\n\tseverity: B\n---\n");
        assert_eq!((line, column), (3, 1));
        assert!(m.ja.contains("タブ") && m.en.contains("tab"), "{m:?}");
        let (line, column, m, fixed) =
            finding("---\nsummary: 再起動後に接続できない\nproblem_s\nseverity: B\n---\n");
        assert_eq!((line, column), (3, 1));
        assert_eq!(
            m.ja,
            "「problem_s」の後ろに `:` がありません。`problem_s: 値` の形で書くか、不要なら行を削除してください。"
        );
        assert_eq!(fixed, None);
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
