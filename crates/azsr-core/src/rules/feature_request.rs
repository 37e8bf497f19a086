use std::sync::LazyLock;

use regex::Regex;

use crate::fields::Plan;
use crate::rules::text_rule::Prose;
use crate::text::PhraseSet;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// A summary or body that asks for a change to the product: a new feature, support
    /// for something the service does not do yet, an improvement, or its roadmap. One
    /// finding per request, on the first such phrase. The message points at the Azure
    /// feedback site, and on premier and unified plans also at the customer success
    /// account manager (CSAM).
    ///
    /// ## Why
    ///
    /// Support works on problems happening now, to keep the product usable; it does not
    /// track product changes, medium- or long-term improvements, or when a fix will
    /// ship. Requests for features go to the feedback site
    /// (<https://feedback.azure.com/d365community/>), which the product groups read
    /// when planning. Where a missing feature blocks continued use of Azure, customers
    /// with a premier or unified contract can raise it with their CSAM.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ## 問題
    /// Azure Files の NFS 共有でもスナップショットを取れるようにしてほしいです。
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ## 問題
    /// Azure Files の NFS 共有でスナップショットの作成が失敗します。
    /// ```
    ///
    /// ## Trigger phrases
    ///
    /// - Japanese: 機能追加, 機能要望, 改善要望, 機能改善の要望, 〜できるようにしてほしい
    ///   (欲しい, していただきたい), 〜に対応してほしい, 〜を追加してほしい, 〜を実装してほしい,
    ///   対応予定はありますか, 対応予定はありますでしょうか, への対応予定, サポート予定,
    ///   実装予定, 提供予定, サポートされる予定, GA 予定, GA 時期, 機能を追加, ロードマップ.
    /// - English: feature request, please add support for, add support for, is there a
    ///   plan to support, are there plans to support, when will … support, roadmap,
    ///   please add an option, please add a feature, we would like you to add, plans to
    ///   add, GA date, ETA for GA, product feedback.
    ///
    /// Must not fire: "feature flag", "the feature is not working", 機能が動作しない,
    /// 機能を使うと失敗する, descriptions of the customer's own application features,
    /// この件に早急に対応してほしい (asking support to act), "Is TLS 1.3 supported?",
    /// TLS 1.3 はサポートされていますか (questions about what exists today), 次回の対応予定を教えてください,
    /// "after enabling the new feature", "it would be great if you could check the
    /// logs", phrases in code or logs.
    "feature-request", Warning, check
}

const PHRASES: &[&str] = &[
    "機能追加",
    "機能要望",
    "改善要望",
    "機能改善の要望",
    "機能改善要望",
    "できるようにしてほしい",
    "できるようにして欲しい",
    "できるようにしていただきたい",
    "できるようになりませんか",
    "追加してほしい",
    "追加して欲しい",
    "追加していただきたい",
    "実装してほしい",
    "実装して欲しい",
    "実装していただきたい",
    "サポートしてほしい",
    "サポートして欲しい",
    "対応予定はありますか",
    "対応予定はありますでしょうか",
    "対応予定はあります",
    "対応する予定はありますか",
    "への対応予定",
    "サポート予定",
    "実装予定",
    "提供予定",
    "ロードマップ",
    "機能の追加",
    "機能を追加",
    "サポートされる予定",
    "対応される予定",
    "GA 予定",
    "GA の予定",
    "GA 時期",
    "製品へのフィードバック",
    "feature request",
    "please add support for",
    "add support for",
    "is there a plan to support",
    "are there plans to support",
    "is there any plan to support",
    "are there any plans to support",
    "roadmap",
    "please add an option",
    "please add a feature",
    "please add the ability",
    "we would like you to add",
    "plans to add",
    "plan to add",
    "planned support for",
    "GA date",
    "general availability date",
    "ETA for GA",
    "product feedback",
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(PHRASES));

/// `X に対応してほしい` (support X), `when will X support` and `〜れるようにしてほしい`
/// (make it possible to), which need the words around.
static PATTERNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)に対応して(?:ほしい|欲しい|いただきたい)",
        r"|\bwhen will\b[^.?!。？]{1,60}?\bsupport\b",
        r"|る(ように(?:して|なって)(?:ほしい|欲しい|いただきたい|もらいたい))",
    ))
    .unwrap()
});

/// Words before `に対応してほしい` that make it "please handle this", not "support X".
const HANDLE: &[&str] = &["件", "問題", "障害", "事象", "至急", "早急", "迅速", "すぐ"];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut first: Option<std::ops::Range<usize>> = None;
    for p in &Prose::with_summary(ctx).pieces {
        let mut hits: Vec<std::ops::Range<usize>> =
            p.find(&SET).into_iter().map(|m| m.range).collect();
        for c in PATTERNS.captures_iter(p.masked) {
            let m = c.get(1).or_else(|| c.get(0)).expect("group 0 always matches");
            let before: String = p.masked[..m.start()]
                .trim_end()
                .chars()
                .rev()
                .take(4)
                .collect();
            if m.as_str().starts_with('に') && HANDLE.iter().any(|h| {
                let rev: String = h.chars().rev().collect();
                before.contains(&rev)
            }) {
                continue;
            }
            hits.push(m.range());
        }
        if let Some(r) = hits.into_iter().min_by_key(|r| r.start) {
            first = Some(p.doc_range(r));
            break;
        }
    }
    let Some(range) = first else { return };
    let phrase = ctx.text[range.clone()].to_string();
    let premier = matches!(ctx.plan(), Some(Plan::Premier | Plan::Unified));
    let mut message = msg!(
        "\"{phrase}\" reads as a feature request: support does not track product changes. Post it on https://feedback.azure.com/d365community/ , where the product groups read it",
        "「{phrase}」は機能要望と読めます。サポートでは製品の変更を追跡しません。https://feedback.azure.com/d365community/ に投稿してください (開発部門が直接参照しています)"
    );
    if premier {
        message.en.push_str("; if the gap blocks your continued use of Azure, also contact your customer success account manager (CSAM)");
        message.ja.push_str("。Azure の継続利用の大きな障壁となる場合は、担当の CSAM (カスタマー サクセス アカウント マネージャー) にもご連絡ください");
    }
    out.push(RULE.diag(range, message));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    fn ja(body: &str) -> String {
        format!("---\nsupport_language: ja\n---\n\n## 問題\n{body}\n")
    }
    fn en(body: &str) -> String {
        format!("---\nsupport_language: en\n---\n\n## Problem\n{body}\n")
    }

    #[test]
    fn clean_requests_pass() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
    }

    #[test]
    fn japanese_requests_for_features_fire() {
        for body in [
            "NFS 共有でもスナップショットを取れるようにしてほしいです。",
            "ポータルから一括で削除できるようにして欲しい。",
            "機能追加のお願いです。",
            "Front Door の機能要望として、ルールの上限を増やしてください。",
            "改善要望: ログの保持期間を延ばしたい。",
            "Bicep で Private Link に対応してほしいです。",
            "IPv6 への対応予定はありますか。",
            "東日本リージョンでの提供予定を教えてください。",
            "今後のロードマップを知りたいです。",
            "Premium SSD v2 の GA 時期を教えてください。",
            "Bicep で将来サポートされる予定はありますか。",
            "CLI にこのオプションを追加していただきたいです。",
        ] {
            assert_eq!(check(&RULE, &ja(body)).len(), 1, "{body}");
        }
    }

    #[test]
    fn english_requests_for_features_fire() {
        for body in [
            "This is a feature request for Azure Files.",
            "Please add support for IPv6 on the gateway.",
            "Is there a plan to support Kubernetes 1.31 on Windows node pools?",
            "When will Azure Container Apps support GPU workloads?",
            "What is on the roadmap for Front Door rules?",
            "Are there any plans to support zone redundancy in Japan West?",
            "Please add an option to disable the banner.",
            "Do you have plans to add Terraform support for this setting?",
            "What is the GA date for the new SKU?",
        ] {
            assert_eq!(check(&RULE, &en(body)).len(), 1, "{body}");
        }
    }

    #[test]
    fn exact_span_on_the_first_phrase_and_summary_counts() {
        assert_spans(
            &RULE,
            &ja("NFS でもスナップショットを取れる«ようにしてほしい»です。"),
        );
        assert_spans(
            &RULE,
            &ja("スナップショットを«できるようにしてほしい»。また機能要望です。"),
        );
        assert_spans(
            &RULE,
            &en("«Please add support for» X. Feature request here."),
        );
        assert_spans(
            &RULE,
            "---\nsummary: «Feature request» for longer retention\n---\n\n## Problem\nNothing else.\n",
        );
    }

    #[test]
    fn message_points_at_feedback_and_csam_on_premier() {
        let d = check(&RULE, &en("Please add support for IPv6."));
        assert!(d[0].message.en.contains("https://feedback.azure.com/d365community/"));
        assert!(!d[0].message.en.contains("CSAM"));
        let s = "---\nsupport_plan: premier\n---\n\n## 問題\n機能要望です。\n";
        let d = check(&RULE, s);
        assert!(d[0].message.ja.contains("CSAM"));
        assert!(d[0].message.ja.contains("https://feedback.azure.com/d365community/"));
        let s = "---\nsupport_plan: unified\n---\nPlease add support for IPv6.\n";
        assert!(check(&RULE, s)[0].message.en.contains("CSAM"));
    }

    #[test]
    fn problems_with_features_stay_silent() {
        for body in [
            "We use a feature flag to switch the new checkout on; since then the app returns 500.",
            "The feature is not working after the upgrade.",
            "自動スケールの機能が動作しません。",
            "診断設定の機能を使うとデプロイが失敗します。",
            "この件に早急に対応してほしいです。",
            "障害に至急対応していただきたいです。",
            "Our app's export feature writes to Blob storage.",
            "After enabling the new feature in our app, requests fail with 500.",
            "It would be great if you could check the logs of vm-web-01.",
            "次回の対応予定を教えてください。",
            "TLS 1.3 はサポートされていますか。",
            "Is TLS 1.3 supported by Application Gateway v2?",
            "接続が途切れないようにする設定を知りたいです。",
            "Supported versions are listed in the docs; 1.29 is supported.",
            "```\nfeature request\n```",
            "Run `az feature register --name AllowNfs` first.",
        ] {
            assert!(check(&RULE, &en(body)).is_empty(), "{body}");
        }
        let s = "---\n---\n\n## Error messages\nFeature request denied: please add support for TLS 1.3\n";
        assert!(check(&RULE, s).is_empty());
    }
}
