use crate::body::Section;
use crate::msg;
use crate::sections::SectionKind;
use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// A heading that names one of the request's sections (goal, problem, steps,
    /// frequency, changes, errors, tried, environment, related, contacts) with nothing
    /// under it but other headings: no text, list, table or code before the next heading
    /// of the same or a higher level. An HTML comment (a template hint such as
    /// `<!-- what you want to achieve -->`) or a thematic break does not count as content;
    /// text under a sub-heading does. Nor does the template's own guidance for the
    /// section (the hint the request template writes under its heading, in either
    /// language) left as the section's only text. The finding sits on the heading's text.
    /// Any issue type.
    ///
    /// ## Why
    ///
    /// An empty heading tells support that the question was seen and left unanswered, and
    /// usually means the draft was filed from a template before it was finished. Either
    /// write the section or remove the heading.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ## 再現手順
    ///
    /// ## 頻度
    /// 毎回発生します。
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ## 再現手順
    /// 1. ポータルから VM を再起動する
    ///
    /// ## 頻度
    /// 毎回発生します。
    /// ```
    "section-empty", Warning, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let empty = |s: &&Section| s.empty || only_guidance(&ctx.text[s.content.clone()], s.kind);
    for section in ctx.body.sections.iter().filter(empty) {
        let heading = &ctx.body.headings[section.heading];
        let name = &ctx.text[heading.text_range.clone()];
        out.push(RULE.diag(
            heading.text_range.clone(),
            msg!(
                "The section \"{name}\" is empty: write it, or remove the heading.",
                "セクション「{name}」が空です。内容を書くか、見出しを削除してください。"
            ),
        ));
    }
}

/// Whether `content`, without HTML comments, is nothing but the template's guidance for
/// `kind` (the text the request template puts under the heading), in either language.
fn only_guidance(content: &str, kind: SectionKind) -> bool {
    let mut rest = content;
    let mut text = String::new();
    while let Some(open) = rest.find("<!--") {
        text.push_str(&rest[..open]);
        rest = rest[open..].find("-->").map_or("", |end| &rest[open + end + 3..]);
    }
    text.push_str(rest);
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(&text);
    let purpose = kind.purpose();
    !text.is_empty() && [&purpose.en, &purpose.ja].iter().any(|p| words(p) == text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_spans;


    #[test]
    fn empty_sections_fire_on_the_heading_text() {
        assert_spans(&RULE, "## «再現手順»\n\n## 頻度\n毎回発生します。\n");
        assert_spans(&RULE, "## «Steps to reproduce»\n## Frequency\nEvery time.\n");
        assert_spans(&RULE, "## 問題\nx\n## «エラー メッセージ»\n");
        assert_spans(&RULE, "## «What we tried»\n\n\n");
        assert_spans(&RULE, "# «ゴール» #\n# 問題\nx\n");
        assert_spans(&RULE, "«Goal»\n====\n\nProblem\n=======\nIt fails.\n");
        // Only a sub-heading under it.
        assert_spans(&RULE, "## «問題»\n### 詳細\n## ゴール\n復旧\n");
        // Template comments and rules are not content.
        assert_spans(
            &RULE,
            "## «ゴール»\n<!-- 何を実現したいかを書く -->\n\n---\n\n## 問題\nx\n",
        );
        assert_spans(
            &RULE,
            "---\nissue_type: billing\n---\n## «Goal»\n## «Problem»\n## «Error messages (full output)»\n",
        );
        assert_spans(&RULE, "## «【追加の連絡先】»\r\n\r\n## «関連するお問い合わせ»\r\n");
    }

    #[test]
    fn the_templates_guidance_alone_is_empty() {
        for lang in [crate::Lang::En, crate::Lang::Ja] {
            for kind in SectionKind::ALL {
                let hint = kind.purpose().get(lang).to_string();
                let heading = kind.heading(lang);
                assert_spans(&RULE, &format!("## «{heading}»\n{hint}\n"));
                assert_spans(&RULE, &format!("## {heading}\n{hint} 詳細: 毎回発生します。\n"));
            }
        }
    }

    #[test]
    fn any_content_passes() {
        assert_spans(&RULE, "## 再現手順\n1. 再起動する\n## 頻度\n- 毎回\n");
        assert_spans(&RULE, "## ログ\n```\nout\n```\n");
        assert_spans(&RULE, "## Logs\n    indented output\n");
        assert_spans(&RULE, "## 環境\n| 名前 | リソース |\n|---|---|\n| 本番 | vm-01 |\n");
        assert_spans(&RULE, "## 問題\n### 詳細\n説明\n");
        assert_spans(&RULE, "## Problem\n> quoted text\n");
        assert_spans(&RULE, "## 試した対策\n特になし\n");
        assert_spans(&RULE, "## Related requests\n<details>\n2311270010001234\n</details>\n");
        // Unknown headings are not sections.
        assert_spans(&RULE, "## 補足\n## メモ\n");
        assert_spans(&RULE, "");
        assert_spans(&RULE, "## ゴール\n```\n## 問題\n```\n");
    }
}
