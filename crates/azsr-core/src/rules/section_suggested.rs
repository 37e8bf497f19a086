use crate::rules::section_missing::{message_of, missing_sections};
use crate::sections::SectionKind;
use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// A technical request whose body lacks one of the sections of support's checklist
    /// that are useful but not always needed: `steps` (`## Steps to reproduce`,
    /// `## 再現手順`), `frequency` (`## Frequency`, `## 頻度`), `changes`
    /// (`## Recent changes`, `## 直前の変更`), `tried` (`## What we tried`,
    /// `## 試した対策`), and `errors` (`## Error messages`, `## エラー メッセージ`) when
    /// the text does not speak of an error (when it does, a missing errors section is
    /// `section-missing`'s). One finding per missing section, at the start of the file;
    /// the quick fix inserts every missing heading, in the messages' language, with the
    /// template's hint of what belongs there, where it belongs in the usual order.
    /// Fix-all leaves this to you: a heading with only the hint is still
    /// `section-empty`'s.
    ///
    /// ## Why
    ///
    /// Support's checklist for the description also asks how to reproduce the problem,
    /// how often it happens, what was changed just before it began, what the error output
    /// says and what has already been tried. Each of these saves a round of questions; the
    /// checklist is a guide, so this is information, not a warning.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// ---
    /// ## Goal
    /// Restore RDP access to vm-web-01.
    ///
    /// ## Problem
    /// RDP to vm-web-01 stopped working after the restart.
    /// ```
    ///
    /// (no steps, frequency, recent changes or what was tried)
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// ---
    /// ## Steps to reproduce
    /// 1. Open Remote Desktop and connect to vm-web-01.
    /// ## Frequency
    /// Every attempt since the restart.
    /// ## Recent changes
    /// Windows Update and a restart at 12:30.
    /// ## Error messages
    /// (complete output)
    /// ## What we tried
    /// Reset the RDP configuration from the portal.
    /// ```
    "section-suggested", Information, check
}

/// The finding for each section this rule suggests.
const SUGGESTED: &[(SectionKind, &str, &str)] = &[
    (
        SectionKind::Steps,
        "Consider a \"Steps to reproduce\" section: which operations make the problem happen.",
        "「再現手順」のセクションの追加をご検討ください。どのような操作を行うと問題が発生するかを書くセクションです。",
    ),
    (
        SectionKind::Frequency,
        "Consider a \"Frequency\" section: once, every N hours, regularly or irregularly.",
        "「頻度」のセクションの追加をご検討ください。一度だけか、N 時間ごとか、定期的か不定期かを書くセクションです。",
    ),
    (
        SectionKind::Changes,
        "Consider a \"Recent changes\" section: configuration or setting changes made just before the problem began.",
        "「直前の変更」のセクションの追加をご検討ください。問題が出る直前に行った構成や設定の変更を書くセクションです。",
    ),
    (
        SectionKind::Errors,
        "Consider an \"Error messages\" section: the complete output or logs, if there are any.",
        "「エラー メッセージ」のセクションの追加をご検討ください。出力やログがあれば、その全体を貼り付けるセクションです。",
    ),
    (
        SectionKind::Tried,
        "Consider a \"What we tried\" section: what you tried or investigated, and any known workaround.",
        "「試した対策」のセクションの追加をご検討ください。試した対策や調査の内容、既知の回避策の有無を書くセクションです。",
    ),
];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let kinds = [
        SectionKind::Steps,
        SectionKind::Frequency,
        SectionKind::Changes,
        SectionKind::Tried,
    ];
    // With an error reported, a missing errors section is section-missing's.
    let Some((missing, insert)) = missing_sections(ctx, &kinds, false) else {
        return;
    };
    for kind in missing {
        out.push(RULE.diag(0..0, message_of(SUGGESTED, kind)).with_fix(insert.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::check;

    const FM_JA: &str = "---\nissue_type: technical\nsupport_language: ja\n---\n";
    const FM_EN: &str = "---\nissue_type: technical\nsupport_language: en-us\n---\n";

    fn suggested(text: &str) -> Vec<&'static str> {
        let found = check(&RULE, text);
        let mut ids: Vec<&'static str> = found
            .iter()
            .map(|d| {
                assert_eq!(d.range, 0..0);
                let en = &d.message.en;
                if en.contains("Steps") {
                    "steps"
                } else if en.contains("Frequency") {
                    "frequency"
                } else if en.contains("Recent") {
                    "changes"
                } else if en.contains("tried") {
                    "tried"
                } else {
                    "errors"
                }
            })
            .collect();
        ids.sort();
        ids
    }


    #[test]
    fn each_missing_checklist_section_is_suggested() {
        let text = format!("{FM_JA}## ゴール\n手順を知りたい\n## 質問\n設定方法を教えてください\n");
        assert_eq!(
            suggested(&text),
            ["changes", "errors", "frequency", "steps", "tried"]
        );
        let text = format!(
            "{FM_EN}## Goal\nx\n## Problem\ny\n## Reproduction\n1.\n## Frequency\nonce\n## What we tried\nz\n"
        );
        assert_eq!(suggested(&text), ["changes", "errors"]);
        let text = format!(
            "{FM_JA}## 再現手順\n1.\n## 発生頻度\n毎回\n## 変更点\nなし\n## 回避策\nなし\n## ログ\nなし\n"
        );
        assert!(suggested(&text).is_empty());
    }

    #[test]
    fn errors_is_left_to_section_missing_when_an_error_is_mentioned() {
        let text = format!("{FM_JA}## 問題\nデプロイに失敗します\n");
        assert!(!suggested(&text).contains(&"errors"));
        let text = format!("{FM_EN}## Problem\nThe deployment fails.\n");
        assert!(!suggested(&text).contains(&"errors"));
        // A failure in code only is not a mention: suggested.
        let text = format!("{FM_EN}## Problem\nHow do we read this?\n```\nfailed\n```\n");
        assert!(suggested(&text).contains(&"errors"));
        // A stated absence of errors: suggested (logs may still help).
        let text = format!("{FM_JA}## 問題\n接続できないが、エラーは表示されない\n");
        assert!(suggested(&text).contains(&"errors"));
    }

    #[test]
    fn only_technical_requests() {
        for t in ["billing", "課金", "quota", "subscription_management"] {
            let text = format!("---\nissue_type: {t}\n---\n## 問題\nx\n");
            assert!(check(&RULE, &text).is_empty(), "{t}");
        }
        assert!(check(&RULE, "no front matter").is_empty());
    }

    #[test]
    fn fix_inserts_headings_in_order() {
        let text = format!("{FM_EN}## Goal\nx\n\n## Problem\ny\n\n## Error messages\nz\n");
        let found = check(&RULE, &text);
        assert_eq!(found.len(), 4);
        let fixed = apply_edits(&text, &found[0].fixes[0].edits);
        assert_eq!(
            fixed,
            format!("{FM_EN}## Goal\nx\n\n## Problem\ny\n\n## Steps to reproduce\n<!-- {} -->\n\n## Frequency\n<!-- {} -->\n\n## Recent changes\n<!-- {} -->\n\n## Error messages\nz\n\n## What we tried\n<!-- {} -->\n",
                SectionKind::Steps.purpose().en, SectionKind::Frequency.purpose().en,
                SectionKind::Changes.purpose().en, SectionKind::Tried.purpose().en)
        );
        assert!(check(&RULE, &fixed).is_empty());
        let text = format!("{FM_JA}## 問題\nx\n");
        let found = check(&RULE, &text);
        let fixed = apply_edits(&text, &found[0].fixes[0].edits);
        assert!(
            fixed
                .lines()
                .filter(|l| !l.starts_with("<!--"))
                .collect::<Vec<_>>()
                .join("\n")
                .ends_with("## 問題\nx\n\n## 再現手順\n\n## 頻度\n\n## 直前の変更\n\n## エラー メッセージ\n\n## 試した対策"),
            "{fixed}"
        );
    }
}
