use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::Fix;
use crate::messages::{Lang, Msg};
use crate::error_mention::ErrorMention;
use crate::sections::{insert_sections_fix, SectionKind};
use crate::{Context, Diagnostic};
use crate::rules::fix;

declare_rule! {
    /// ## What it checks
    ///
    /// A technical request whose body has no `goal` section (`## Goal`, `## ゴール`,
    /// `## 目的`) or no `problem` section (`## Problem`, `## Question`, `## 問題`,
    /// `## 質問`, `## 事象`), or no `errors` section (`## Error messages`, `## Logs`,
    /// `## エラー メッセージ`, `## ログ`) while the summary or the body's prose speaks of an
    /// error or a failure. One finding per missing section, at the start of the file; the
    /// quick fix inserts every missing heading, in the messages' language, with the
    /// template's hint of what belongs there, before the first section that comes later
    /// in the usual order (else at the end of the body). Fix-all leaves this to you: a
    /// heading with only the hint is still `section-empty`'s.
    ///
    /// When a heading that is not a recognised section looks meant for the missing one
    /// (`## Errors`, `## エラー内容`, `## 事象の詳細`, `## 目標`), the message names it and a
    /// second quick fix renames it.
    ///
    /// Billing, quota and subscription management requests are not checked.
    ///
    /// ## Why
    ///
    /// Support reads the description to see what outcome is wanted and what exactly is
    /// wrong; without those two the engineer's first reply is a question back. When
    /// something fails, the full error output is the fastest lead to the cause, and
    /// support asks for all of it rather than the one line that looked relevant.
    ///
    /// ## Trigger phrases
    ///
    /// An error counts as mentioned (outside code, URLs and the errors section) on:
    /// エラー, 失敗, 例外が発生, できない / できません / できず / できなくなった, 落ちる,
    /// タイムアウト, クラッシュ, 応答しない, つながらない, 動かない, 障害が発生, 不具合,
    /// HTTP / ステータス コード 4xx・5xx, 終了コード; error, fail / failed / failure,
    /// exception, timeout / timed out, crash, unable to, cannot connect (and other verbs),
    /// not working, access denied, HTTP 4xx/5xx statuses (`returns 502`,
    /// `503 Service Unavailable`), error codes (`0x80070005`, `AADSTS50011`,
    /// `AuthorizationFailed`, `InvalidTemplateDeployment`, `ECONNREFUSED`), non-zero exit codes.
    ///
    /// Not a mention: failover / フェイルオーバー, できないでしょうか / できませんか (a request),
    /// できないように設定したい (a goal), 落ち着いて, ダウンロード, 例外的に, numbers without
    /// a status context (`500 GB`), anything in code. A statement that no error appears
    /// (エラーは表示されません, エラー: なし, no error message is shown, does not return any
    /// error) means no errors section is asked for.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// summary: Deployment fails with AuthorizationFailed
    /// ---
    /// ## Steps to reproduce
    /// 1. Run the pipeline.
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// summary: Deployment fails with AuthorizationFailed
    /// ---
    /// ## Goal
    /// Deploy the template from the pipeline.
    ///
    /// ## Problem
    /// Since Monday the deployment step fails.
    ///
    /// ## Error messages
    /// (the complete output of the failing step)
    /// ```
    "section-missing", Warning, check
}

/// The finding for each section this rule asks for.
const MISSING: &[(SectionKind, &str, &str)] = &[
    (
        SectionKind::Goal,
        "No \"Goal\" section: say what this request should achieve (restore the service, learn the cause, confirm a procedure).",
        "「ゴール」のセクションがありません。このお問い合わせで何を実現したいか（復旧、原因の把握、手順の確認など）を書いてください。",
    ),
    (
        SectionKind::Problem,
        "No \"Problem\" section: describe the problem or the question itself.",
        "「問題」のセクションがありません。問題またはご質問の内容そのものを書いてください。",
    ),
    (
        SectionKind::Errors,
        "The request speaks of an error or a failure but has no \"Error messages\" section: paste the complete output, from the command or operation up to the error.",
        "エラーや失敗について書かれていますが、「エラー メッセージ」のセクションがありません。コマンドや操作の開始からエラーまでの出力全体を貼り付けてください。",
    ),
];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let kinds = [SectionKind::Goal, SectionKind::Problem];
    let Some((missing, insert)) = missing_sections(ctx, &kinds, true) else {
        return;
    };
    for kind in missing {
        let mut message = message_of(MISSING, kind);
        let mut fixes = Vec::new();
        if let Some(h) = look_alike_heading(ctx, kind) {
            let found = &ctx.text[h.clone()];
            let names_en = kind.names().join(", ");
            message.en.push_str(&format!(
                " The heading \"{found}\" is not recognised as one (its names: {names_en})."
            ));
            message.ja.push_str(&format!(
                "見出し「{found}」は、このセクションの見出しとして認識されません。使える名前は {names_en} です。"
            ));
            let title = Msg::new(
                format!("Rename the heading \"{found}\" to \"{}\"", kind.heading(Lang::En)),
                format!("見出し「{found}」を「{}」に変更する", kind.heading(Lang::Ja)),
            );
            fixes.push(fix::edit(title, h, kind.heading(ctx.lang)));
        }
        fixes.push(insert.clone());
        let mut d = RULE.diag(0..0, message);
        d.fixes = fixes;
        out.push(d);
    }
}

/// The sections of `kinds` a technical request's body lacks, with the errors section
/// when it lacks one and `reported` says whether an error is reported (not denied): this
/// rule asks for it then, `section-suggested` otherwise. In format.md's order, with the
/// fix that inserts all their headings; `None` when none is missing or the request is
/// not technical.
pub(crate) fn missing_sections(
    ctx: &Context,
    kinds: &[SectionKind],
    reported: bool,
) -> Option<(Vec<SectionKind>, Fix)> {
    if !ctx.is_technical() {
        return None;
    }
    let body = ctx.body;
    let mut missing: Vec<SectionKind> = kinds
        .iter()
        .copied()
        .filter(|k| !body.has_section(*k))
        .collect();
    if !body.has_section(SectionKind::Errors) {
        let summary = ctx.form().and_then(|f| f.str("summary"));
        if ErrorMention::in_request(summary, body).needs_errors_section() == reported {
            missing.push(SectionKind::Errors);
        }
    }
    if missing.is_empty() {
        return None;
    }
    missing.sort();
    let insert = insert_sections_fix(ctx.text, body, &missing, ctx.lang);
    Some((missing, insert))
}

/// The message a table of `(section, English, Japanese)` gives for `kind`.
pub(crate) fn message_of(table: &[(SectionKind, &str, &str)], kind: SectionKind) -> Msg {
    let (_, en, ja) = table
        .iter()
        .find(|(k, ..)| *k == kind)
        .expect("a message for every section the rule reports");
    Msg::new(*en, *ja)
}

/// Words that start a heading meant for `kind` but not among its recognised names.
fn look_alike_prefixes(kind: SectionKind) -> &'static [&'static str] {
    match kind {
        SectionKind::Goal => &[
            "goal", "objective", "purpose", "expected", "desired", "ゴール", "目的", "目標",
            "期待", "要望", "ご要望", "依頼", "ご依頼",
        ],
        SectionKind::Problem => &[
            "problem", "question", "issue", "symptom", "問題", "質問", "事象", "現象", "症状",
            "お問い合わせ内容", "問い合わせ内容", "ご質問",
        ],
        _ => &["error", "log", "exception", "エラー", "ログ", "例外"],
    }
}

/// The text range of the first unrecognised heading that looks meant for `kind`.
fn look_alike_heading(ctx: &Context, kind: SectionKind) -> Option<std::ops::Range<usize>> {
    ctx.body
        .headings
        .iter()
        .filter(|h| h.section.is_none() && !h.text_range.is_empty())
        .find(|h| {
            let norm: String = ctx.text[h.text_range.clone()]
                .nfkc()
                .collect::<String>()
                .to_lowercase();
            let norm = norm
                .trim_start_matches(|c: char| {
                    c.is_ascii_digit() || c.is_whitespace() || ".)(:-【】[]〔〕「」".contains(c)
                })
                .trim();
            const NOT: &[&str] = &[
                "ログイン", "ログオン", "ログアウト", "login", "logon", "log in", "log on",
                "logout", "logic", "logistic",
            ];
            look_alike_prefixes(kind).iter().any(|p| norm.starts_with(p))
                && !NOT.iter().any(|n| norm.starts_with(n))
        })
        .map(|h| h.text_range.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::check;

    const FM_JA: &str = "---\nissue_type: technical\nsummary: 設定について\nsupport_language: ja\n---\n";
    const FM_EN: &str =
        "---\nissue_type: technical\nsummary: About the settings\nsupport_language: en\n---\n";

    fn missing(text: &str) -> Vec<String> {
        let found = check(&RULE, text);
        for d in &found {
            assert_eq!(d.range, 0..0);
        }
        let mut ids: Vec<String> = found
            .iter()
            .map(|d| {
                if d.message.en.contains("\"Goal\"") {
                    "goal".into()
                } else if d.message.en.contains("\"Problem\"") {
                    "problem".into()
                } else {
                    "errors".into()
                }
            })
            .collect();
        ids.sort();
        ids
    }


    #[test]
    fn goal_and_problem_are_required_in_both_languages() {
        let text = format!("{FM_JA}## 再現手順\n1. ポータルを開く\n");
        assert_eq!(missing(&text), ["goal", "problem"]);
        let text = format!("{FM_EN}## Steps to reproduce\n1. Open the portal\n");
        assert_eq!(missing(&text), ["goal", "problem"]);
        let text = format!("{FM_JA}## 目的\n手順を確認したい\n\n## 質問\n設定方法を教えてください\n");
        assert!(missing(&text).is_empty());
        let text = format!("{FM_EN}## Goal\nKnow the steps.\n\n## Question\nHow is it configured?\n");
        assert!(missing(&text).is_empty());
        let text = format!("{FM_JA}## 1. 【ゴール】\nx\n## (2) 事象\ny\n");
        assert!(missing(&text).is_empty());
    }

    #[test]
    fn errors_are_required_when_an_error_is_mentioned() {
        for body in [
            "## ゴール\n復旧したい\n## 問題\nデプロイ時にエラーが発生します\n",
            "## ゴール\n復旧したい\n## 問題\nVM の起動に失敗します\n",
            "## ゴール\n復旧したい\n## 問題\n社内から RDP で接続できません\n",
            "## ゴール\n復旧したい\n## 問題\n夜間に Web アプリが落ちる\n",
            "## ゴール\n復旧したい\n## 問題\n| 時刻 | 結果 |\n|---|---|\n| 10:00 | HTTP 503 |\n",
            "## Goal\nRestore it.\n## Problem\nThe upgrade failed at 09:10.\n",
            "## Goal\nRestore it.\n## Problem\nRequests time out after 30 seconds.\n",
            "## Goal\nRestore it.\n## Problem\nThe API returns 502 to every client.\n",
            "## Goal\nRestore it.\n## Problem\nSign-in shows AADSTS50011.\n",
            "## Goal\nRestore it.\n## Problem\nWe are unable to mount the share.\n",
        ] {
            let text = format!("{FM_JA}{body}");
            assert_eq!(missing(&text), ["errors"], "{body}");
        }
        // The summary counts too.
        let text = "---\nissue_type: technical\nsummary: Deployment fails with AuthorizationFailed\n---\n## Goal\nx\n## Problem\ny\n";
        assert_eq!(missing(text), ["errors"]);
    }

    #[test]
    fn errors_are_not_required_without_a_real_mention() {
        for body in [
            // in code only
            "## ゴール\n手順を知りたい\n## 問題\n`az vm start --no-wait` の動作を確認したい (`Error` 列の意味も)\n```\nERROR: failed\n```\n",
            // questions and goals
            "## ゴール\n手順を知りたい\n## 質問\nこの設定を利用者が変更できないようにしたいです。設定できないでしょうか。\n",
            "## Goal\nPlan the failover.\n## Question\nHow does failover to the secondary region work?\n",
            // an error in a URL
            "## Goal\nx\n## Question\nSee https://example.com/error/fail for the doc we read.\n",
            // English product names in a Japanese body
            "## ゴール\n構成を決めたい\n## 質問\nAzure Front Door と Application Gateway を併用する場合の推奨構成と、Application Insights の Failures ブレードの見方を教えてください。\n",
            // explicitly no error
            "## ゴール\n復旧\n## 問題\n接続できませんが、エラーは表示されません。\n",
            "## Goal\nx\n## Problem\nThe job stops, but no error message is shown.\n",
        ] {
            let text = format!("{FM_JA}{body}");
            assert!(missing(&text).is_empty(), "{body}");
        }
        // An errors section under any of its names satisfies the rule.
        for heading in ["## ログ", "## Logs", "## エラーメッセージ", "### Error messages (full)"] {
            let text = format!("{FM_EN}## Goal\nx\n## Problem\nIt fails.\n{heading}\nout\n");
            assert!(missing(&text).is_empty(), "{heading}");
        }
    }

    #[test]
    fn only_technical_requests() {
        for t in ["billing", "quota", "subscription_management", "技術x"] {
            let text = format!("---\nissue_type: {t}\nsummary: 請求エラー\n---\n本文\n");
            assert!(check(&RULE, &text).is_empty(), "{t}");
        }
        assert!(check(&RULE, "").is_empty());
        assert!(check(&RULE, "## 問題\nエラー\n").is_empty());
        assert!(check(&RULE, "---\n- a\n- b\n---\n").is_empty());
        assert_eq!(check(&RULE, "---\nissue_type: 技術\n---\n").len(), 2);
    }

    #[test]
    fn look_alike_headings_are_named_and_can_be_renamed() {
        let text = format!("{FM_JA}## 目標\n復旧\n\n## 事象の詳細\n接続できない\n\n## エラー内容\nタイムアウト\n");
        let found = check(&RULE, &text);
        assert_eq!(found.len(), 3);
        for (d, (heading, renamed)) in found.iter().zip([
            ("目標", "ゴール"),
            ("事象の詳細", "問題"),
            ("エラー内容", "エラー メッセージ"),
        ]) {
            assert!(d.message.ja.contains(&format!("「{heading}」")), "{}", d.message.ja);
            assert_eq!(d.fixes.len(), 2);
            let fixed = apply_edits(&text, &d.fixes[0].edits);
            assert!(fixed.contains(&format!("## {renamed}\n")), "{fixed}");
        }
        let text = format!("{FM_EN}## Goal\nx\n## Problem\nIt fails.\n## Errors\nboom\n");
        let found = check(&RULE, &text);
        assert_eq!(found.len(), 1);
        let fixed = apply_edits(&text, &found[0].fixes[0].edits);
        assert!(check(&RULE, &fixed).is_empty(), "{fixed}");
        assert!(fixed.contains("## Error messages\nboom"));
        // Unrelated headings are not offered.
        let text = format!("{FM_JA}## 補足\nx\n## ログイン失敗\nサインインに失敗する\n");
        assert!(check(&RULE, &text).iter().all(|d| d.fixes.len() == 1));
    }

    #[test]
    fn fix_inserts_every_missing_heading_in_place() {
        // Goal and errors missing: goal before the problem, errors at the end.
        let text = format!("{FM_JA}## 問題\n起動に失敗します\n\n## 頻度\n毎回\n");
        let found = check(&RULE, &text);
        assert_eq!(found.len(), 2);
        let fix = &found[0].fixes[0];
        assert_eq!(found[1].fixes[0], *fix);
        assert_eq!(
            apply_edits(&text, &fix.edits),
            format!("{FM_JA}## ゴール\n<!-- {} -->\n\n## 問題\n起動に失敗します\n\n## 頻度\n毎回\n\n## エラー メッセージ\n<!-- {} -->\n",
                SectionKind::Goal.purpose().ja, SectionKind::Errors.purpose().ja)
        );
        assert!(check(&RULE, &apply_edits(&text, &fix.edits)).is_empty());
        // English headings, level of the section they precede, CRLF kept.
        let text = format!("{FM_EN}### Steps to reproduce\r\n1. run\r\n").replace('\n', "\r\n").replace("\r\r", "\r");
        let found = check(&RULE, &text);
        let fixed = apply_edits(&text, &found[0].fixes[0].edits);
        let without_hints: String = fixed.split("\r\n").filter(|l| !l.starts_with("<!--")).collect::<Vec<_>>().join("\r\n");
        assert!(without_hints.ends_with("### Goal\r\n\r\n### Problem\r\n\r\n### Steps to reproduce\r\n1. run\r\n"), "{fixed:?}");
        assert!(!fixed.replace("\r\n", "").contains('\n'), "{fixed:?}");
        // An empty body: headings at the end, after a blank line.
        let text = "---\nissue_type: technical\nsupport_language: ja\n---";
        let found = check(&RULE, text);
        let fixed = apply_edits(text, &found[0].fixes[0].edits);
        let (goal, problem) = (SectionKind::Goal.purpose().ja, SectionKind::Problem.purpose().ja);
        assert_eq!(&fixed[text.len()..], format!("\n\n## ゴール\n<!-- {goal} -->\n\n## 問題\n<!-- {problem} -->\n"));
    }
}
