use std::sync::LazyLock;

use crate::fields::Severity;
use crate::rules::text_rule::Prose;
use crate::text::PhraseSet;
use crate::{msg, Context, Diagnostic};
use crate::rules::fix;

declare_rule! {
    /// ## What it checks
    ///
    /// A request at severity A (or `1`) whose summary or body describes something other
    /// than a business-stopping outage happening now: the root cause of a problem that
    /// has already recovered, a problem met while building or migrating an environment
    /// or after a change that rolling back would undo, or a wish to speed up a project.
    /// One finding per request, on the `severity` value, naming the first phrase that
    /// gave it away; the quick fix lowers the severity to B.
    ///
    /// ## Why
    ///
    /// Severity A starts round-the-clock work by phone, meant to bring back a business
    /// that has stopped (every employee unable to send mail, every user locked out of
    /// the application). Support asks for B or lower when the problem has recovered and
    /// only its cause is wanted, when it came from building an environment or from a
    /// change that can be rolled back, or when the point is to move a project faster.
    /// Once an outage has recovered, support lowers the severity with the customer anyway.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// severity: A
    /// ---
    /// ## 問題
    /// 昨日 10 時ごろ VM が応答しなくなりましたが、再起動で復旧済みです。原因調査をお願いします。
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// severity: A
    /// ---
    /// ## 問題
    /// 9:00 から全社員がメールを送受信できない状態が続いています。
    /// 復旧後に原因調査 (RCA) もお願いしたいです。
    /// ```
    ///
    /// An outage said to be happening now (全社員, 本番サイトが停止している, all users
    /// cannot sign in, production is down, 現在も継続) keeps the rule silent even when
    /// the text also asks for a root cause analysis later, mentions a rollback that was
    /// tried, or asks for speed: an outage now is what A is for.
    ///
    /// ## Trigger phrases
    ///
    /// - Recovered: 復旧済み, 復旧しました, 既に復旧, 現在は復旧, 解消済み, 解消しました,
    ///   解消されました, 自然に回復, 回復しました, 正常に戻りました, 現在は正常, 現在は問題なく,
    ///   収束しました; recovered, has been restored, was restored, back to normal, resolved
    ///   itself, has been resolved, no longer occurring, is working again, was mitigated.
    /// - Root cause: 原因調査, 原因の調査, 原因を知りたい, 原因を教えて, 根本原因, 原因究明,
    ///   発生原因, 原因の特定, 障害報告書, 事後報告; RCA, root cause, root cause analysis,
    ///   post-mortem, postmortem, post-incident report, why it happened.
    /// - Rollback: 切り戻し, 切り戻す, 切り戻せ, ロールバック, 元の設定に戻, 変更を戻; rolled
    ///   back, roll back, rollback, reverted, revert the change.
    /// - Build-out: 構築中, 構築作業中, 環境構築, 検証中, 検証段階, 移行中, 導入中, テスト中,
    ///   本番リリース前, リリース前; during setup, during migration, while migrating, while
    ///   setting up, during the build-out, during testing, in our test environment, not yet
    ///   in production, before go-live.
    /// - Project speed: 進捗, 前倒し, スケジュールに影響, リリース日, 納期; go-live date,
    ///   project deadline, project timeline; and 急ぎ, expedite, speed up when the text
    ///   also names a project or schedule (プロジェクト, スケジュール, リリース, project,
    ///   deadline, go-live).
    ///
    /// A root-cause phrase does not count while the text also asks to restore the
    /// service (復旧したい, 復旧し、原因を知りたい, restore access): wanting the cause of
    /// a problem that is still going on is no reason to lower A.
    ///
    /// Must not fire: any of these at severity B or C; 急ぎ / expedite with no project in
    /// sight; 復旧し、原因を知りたい; an ongoing outage at A (全社員,
    /// 全ユーザー, 業務が停止, 本番サイトが停止している, 現在も継続, 復旧していない; all
    /// users, all employees, production is down, still down, outage is ongoing, not
    /// recovered) even with "we will want an RCA later"; phrases in code, logs or the
    /// `errors` section.
    "severity-a-criteria", Warning, check
}

/// Families of phrases that show a request is not an outage happening now.
const FAMILIES: &[(&str, &str, &[&str])] = &[
    (
        "the problem has already recovered",
        "問題はすでに復旧している",
        &[
            "復旧済み",
            "復旧済",
            "復旧しました",
            "既に復旧",
            "すでに復旧",
            "現在は復旧",
            "解消済み",
            "解消しました",
            "自然に回復",
            "自然回復",
            "現在は正常",
            "回復しました",
            "正常に戻りました",
            "現在は問題なく",
            "収まっています",
            "収束しました",
            "収束済み",
            "解消されました",
            "解消しています",
            "is working again",
            "works again",
            "has been mitigated",
            "was mitigated",
            "has been resolved",
            "self-healed",
            "recovered",
            "has been restored",
            "was restored",
            "back to normal",
            "resolved itself",
            "no longer occurring",
            "no longer occurs",
        ],
    ),
    (
        "only the root cause is wanted",
        "原因の調査を求めている",
        &[
            "原因調査",
            "原因の調査",
            "原因を知りたい",
            "原因を教えて",
            "根本原因",
            "原因究明",
            "事後報告",
            "発生原因",
            "原因の特定",
            "原因を特定",
            "障害報告書",
            "root cause analysis",
            "why it happened",
            "what caused it",
            "RCA",
            "root cause",
            "post-mortem",
            "postmortem",
            "post-incident report",
        ],
    ),
    (
        "rolling back the change would fix it",
        "切り戻しで解消できる",
        &[
            "切り戻し",
            "切り戻す",
            "切り戻せ",
            "切戻し",
            "元の設定に戻",
            "変更を戻",
            "reverted",
            "revert the change",
            "ロールバック",
            "rolled back",
            "roll back",
            "rollback",
            "reverting the change",
        ],
    ),
    (
        "it happens while building or migrating",
        "構築中・移行中の問題である",
        &[
            "構築中",
            "検証中",
            "移行中",
            "移行作業中",
            "導入中",
            "テスト中",
            "構築作業中",
            "環境構築",
            "検証段階",
            "本番リリース前",
            "リリース前",
            "not yet in production",
            "before go-live",
            "in our test environment",
            "during testing",
            "during setup",
            "during the setup",
            "during migration",
            "during the migration",
            "while migrating",
            "while setting up",
            "during the build-out",
            "during build-out",
        ],
    ),
    (
        "the point is to speed up a project",
        "プロジェクトの加速が目的である",
        &[
            "進捗",
            "急ぎ",
            "前倒し",
            "スケジュールに影響",
            "スケジュールが遅れ",
            "リリース日",
            "納期",
            "expedite",
            "speed up",
            "go-live date",
            "project deadline",
            "project timeline",
            "project schedule",
        ],
    ),
];

/// Phrases that say a business-stopping outage is going on now.
const ONGOING: &[&str] = &[
    "全社員",
    "全ユーザー",
    "全ユーザ",
    "すべてのユーザー",
    "全てのユーザー",
    "全利用者",
    "全店舗",
    "全拠点",
    "業務が停止",
    "業務停止",
    "業務ができない",
    "業務が行えない",
    "事業が停止",
    "サービスが停止しています",
    "サービスが停止している",
    "サイトが停止しています",
    "サイトが停止している",
    "本番環境が停止",
    "本番サイトが停止",
    "本番サービスが停止",
    "停止したまま",
    "ダウンしています",
    "ダウンしている",
    "現在も継続",
    "現在も発生",
    "現在も停止",
    "障害が継続",
    "復旧していない",
    "復旧していません",
    "復旧しない",
    "復旧しません",
    "未復旧",
    "all users",
    "all employees",
    "all customers",
    "every user",
    "company-wide",
    "production is down",
    "production is currently down",
    "site is down",
    "service is down",
    "is down now",
    "are down now",
    "still down",
    "currently down",
    "outage is ongoing",
    "ongoing outage",
    "still ongoing",
    "not recovered",
    "has not recovered",
    "still failing",
    "business is stopped",
    "business has stopped",
];

const ROOT_CAUSE: usize = 1;
const SPEED: usize = 4;

/// Speed phrases that only count with a project or schedule word in the text.
const URGENCY_ONLY: &[&str] = &["急ぎ", "expedite", "speed up"];

/// Words of a project or schedule.
const PROJECT: &[&str] = &[
    "プロジェクト",
    "スケジュール",
    "納期",
    "期限",
    "リリース",
    "稼働開始",
    "本番移行",
    "カットオーバー",
    "project",
    "schedule",
    "deadline",
    "go-live",
    "release",
    "launch",
    "cutover",
    "milestone",
];

/// Wishes to restore what is broken: the problem is not recovered yet.
const RECOVERY: &[&str] = &[
    "復旧したい",
    "復旧させたい",
    "復旧し、",
    "復旧してほしい",
    "復旧して欲しい",
    "復旧を希望",
    "復旧をお願い",
    "復旧方法",
    "復旧手順",
    "早期復旧",
    "解消したい",
    "restore service",
    "restore access",
    "restore the",
    "get it working",
    "bring it back",
    "recover the",
];

static PHRASE_LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    FAMILIES
        .iter()
        .flat_map(|(_, _, list)| list.iter().copied())
        .collect()
});
static TRIGGERS: LazyLock<(PhraseSet, Vec<usize>)> = LazyLock::new(|| {
    let family = FAMILIES
        .iter()
        .enumerate()
        .flat_map(|(i, (_, _, list))| std::iter::repeat_n(i, list.len()))
        .collect();
    (PhraseSet::new(&PHRASE_LIST), family)
});
static PROJECT_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(PROJECT));
static RECOVERY_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(RECOVERY));
static ONGOING_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(ONGOING));

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(entry) = ctx.form().and_then(|f| f.get("severity")) else {
        return;
    };
    let Some(sev) = entry.value.text().and_then(Severity::parse) else {
        return;
    };
    if !sev.is_critical() {
        return;
    }
    let prose = Prose::with_summary(ctx);
    if prose.mentions(&ONGOING_SET) {
        return;
    }
    let (set, family) = &*TRIGGERS;
    let wants_recovery = prose.mentions(&RECOVERY_SET);
    let project = prose.mentions(&PROJECT_SET);
    let Some(first) = prose.find(set).find(|m| {
        match family[m.phrase] {
            // Wanting the cause of a problem that still has to be restored is fine at A.
            ROOT_CAUSE => !wants_recovery,
            // Urgency alone is not a project: it needs a project or schedule nearby.
            SPEED => {
                let p = PHRASE_LIST[m.phrase];
                !URGENCY_ONLY.contains(&p) || project
            }
            _ => true,
        }
    }) else {
        return;
    };
    let (why_en, why_ja, _) = FAMILIES[family[first.phrase]];
    let phrase = &ctx.text[first.range.clone()];
    let label = sev.label();
    let span = entry.value.span.clone();
    out.push(
        RULE.diag(
            span.clone(),
            msg!(
                "Severity {label} is for a business-stopping outage happening now, but the text says \"{phrase}\" ({why_en}): choose B or lower",
                "重大度 {label} は事業が停止している障害の復旧のためのものですが、本文に「{phrase}」とあります ({why_ja})。重大度 B 以下を選んでください"
            ),
        )
        .with_related(
            first.range,
            msg!("what suggests it is not an outage now", "現在の障害ではないと読める箇所"),
        )
        .with_fix(fix::edit(msg!("Lower the severity to B", "重大度を B に下げる"), span, "B")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    fn doc(sev: &str, body: &str) -> String {
        format!("---\nissue_type: technical\nseverity: {sev}\nsummary: VM の問題\n---\n\n## 問題\n{body}\n")
    }

    #[test]
    fn clean_requests_pass() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        // The same texts at A: CLEAN_JA asks for the cause too, but the outage goes on.
        let ja = CLEAN_JA.replace("severity: B", "severity: A");
        let en = CLEAN_EN.replace("severity: B", "severity: A");
        assert!(check(&RULE, &en).is_empty());
        // CLEAN_JA wants the cause too, but also to restore RDP: not a recovered problem.
        assert!(check(&RULE, &ja).is_empty());
    }

    #[test]
    fn fires_on_each_family_in_japanese() {
        for body in [
            "昨日 VM が停止しましたが、再起動で復旧済みです。",
            "障害は 30 分後に復旧しました。",
            "障害はすでに復旧していますが、再発防止のため原因調査をお願いします。",
            "なぜ停止したのか原因を知りたいです。",
            "根本原因を教えてください。",
            "設定変更後に接続できなくなりました。切り戻しで解消できることは確認済みです。",
            "ロールバックすれば動きますが、新しい設定で動かしたいです。",
            "新環境の構築中に VM が起動しません。",
            "オンプレミスからの移行中に DB のインポートが失敗します。",
            "プロジェクトの進捗に影響が出ているため対応を急ぎでお願いします。",
            "リリース日が迫っているので前倒しで回答がほしいです。",
            "ＲＣＡ の提出をお願いします。",
            "15 分ほどで正常に戻りましたが、障害報告書を提出してください。",
            "再起動後は現在は問題なく動作しています。発生原因を教えてください。",
            "環境構築の作業で AKS クラスターの作成が失敗します。",
            "本番リリース前の負荷試験で App Service が 503 を返します。",
            "変更を戻せば動くことは分かっています。",
        ] {
            let d = check(&RULE, &doc("A", body));
            assert_eq!(d.len(), 1, "{body}");
        }
    }

    #[test]
    fn fires_on_each_family_in_english() {
        for body in [
            "The VM recovered after a restart at 10:05. We need to know why it stopped.",
            "Please provide an RCA for yesterday's incident.",
            "We want the root cause of the failover on Monday.",
            "Service was restored at 11:00; please send a post-mortem.",
            "After we rolled back the NSG change it worked again, but we need the new rule.",
            "The deployment fails during setup of the new environment.",
            "Imports fail during migration from on-premises.",
            "Please expedite this, our go-live date is next week.",
            "We need to speed up the project.",
            "The issue was mitigated at 11:20 and the app is working again.",
            "Please tell us why it happened.",
            "The cluster is not yet in production; node creation fails during testing.",
            "We reverted the firewall rule and traffic flows again.",
        ] {
            let s = doc("A", body).replace("VM の問題", "VM issue").replace("## 問題", "## Problem");
            assert_eq!(check(&RULE, &s).len(), 1, "{body}");
        }
    }

    #[test]
    fn span_is_the_severity_value_and_fix_lowers_it() {
        let d = assert_spans(
            &RULE,
            "---\nseverity: «A»\n---\n\n## 問題\n昨日の障害は復旧済みです。原因調査をお願いします。\n",
        );
        let fix = &d[0].fixes[0];
        assert_eq!(fix.edits[0].new_text, "B");
        assert!(d[0].message.ja.contains("復旧済み"));
        assert!(d[0].message.en.contains("already recovered"));
        let text = "---\nseverity: A\n---\n\n## 問題\n昨日の障害は復旧済みです。\n";
        let at = text.find("復旧済み").unwrap();
        assert_eq!(d[0].related[0].range, at..at + "復旧済み".len());
        assert_spans(
            &RULE,
            "---\nseverity: «1»\nsupport_plan: premier\n---\n\nPlease send the RCA.\n",
        );
        assert_spans(&RULE, "---\nseverity: «critical»\nsummary: RCA for the outage\n---\n");
    }

    #[test]
    fn silent_on_ongoing_outages_at_a() {
        for body in [
            "9:00 から全社員がメールを送受信できません。",
            "本番サイトが停止しています。至急対応をお願いします。",
            "全ユーザーがサインインできない状態が続いています。復旧後に原因調査もお願いします。",
            "切り戻しを試しましたが復旧しません。業務が停止しています。",
            "All users cannot sign in since 09:00. We will want an RCA later.",
            "Production is down now. Rolling back did not help; please expedite.",
            "The outage is ongoing and all employees are affected.",
        ] {
            assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
        }
    }

    #[test]
    fn urgency_needs_a_project_and_cause_needs_a_recovered_problem() {
        for body in [
            "VM が起動しません。急ぎ対応をお願いします。",
            "The gateway returns 502 for every request. Please expedite.",
            "RDP 接続を復旧し、原因を知りたいです。",
            "We need to restore access first and then understand the root cause.",
        ] {
            assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
        }
        for body in [
            "プロジェクトのスケジュールがあるため急ぎで回答がほしいです。",
            "Please expedite, the project deadline is Friday.",
            "原因を知りたいです。",
        ] {
            assert_eq!(check(&RULE, &doc("A", body)).len(), 1, "{body}");
        }
    }

    #[test]
    fn silent_below_a_and_outside_prose() {
        assert!(check(&RULE, &doc("B", "復旧済みです。原因調査をお願いします。")).is_empty());
        assert!(check(&RULE, &doc("C", "Please provide an RCA.")).is_empty());
        assert!(check(&RULE, &doc("moderate", "rolled back")).is_empty());
        // Code spans, code blocks and the errors section are not prose.
        let s = "---\nseverity: A\n---\n\n## 問題\n全体が止まって見えます。`rollback` コマンドは未実行。\n\n```\nstatus: recovered\n```\n\n## エラー メッセージ\nOperation rolled back.\n";
        assert!(check(&RULE, s).is_empty());
        // Latin triggers match whole words only.
        assert!(check(&RULE, &doc("A", "SOURCE ARCADE uncovered")).is_empty());
    }

    #[test]
    fn never_panics_on_odd_front_matter() {
        for s in ["", "---\n- a\n---\n", "---\nseverity: [A]\n---\nRCA", "---\nseverity: 1\n"] {
            let _ = check(&RULE, s);
        }
    }
}
