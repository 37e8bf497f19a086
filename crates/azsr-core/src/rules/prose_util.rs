//! Shared plumbing for the text rules: which texts they read and phrase search over them.

use std::ops::Range;

use crate::body::ProseBlock;
use crate::text::{PhraseMatch, PhraseSet};
use crate::Context;

/// A piece of text a text rule reads, with where it starts in the document.
pub(crate) struct Piece<'a> {
    /// Document offset of `masked[0]` / `raw[0]`.
    pub start: usize,
    /// Prose with code spans, URLs and resource IDs blanked (same length as `raw`).
    pub masked: &'a str,
    /// The document text of the same range.
    pub raw: &'a str,
    /// The prose block, `None` for the summary.
    pub block: Option<&'a ProseBlock>,
}

/// Prose blocks outside the `errors` section, in document order.
pub(crate) fn prose<'a>(ctx: &'a Context) -> Vec<Piece<'a>> {
    ctx.body
        .prose_outside_errors()
        .filter_map(|b| {
            let raw = ctx.text.get(b.range.clone())?;
            Some(Piece {
                start: b.range.start,
                masked: &b.masked,
                raw,
                block: Some(b),
            })
        })
        .collect()
}

/// The `summary` value as written (its span in the document), when it is a scalar.
pub(crate) fn summary<'a>(ctx: &'a Context) -> Option<Piece<'a>> {
    let e = ctx.form()?.get("summary")?;
    // Any scalar, a null or blank one too (the form rules read those as absent).
    e.value.as_str()?;
    let raw = ctx.text.get(e.value.span.clone())?;
    Some(Piece {
        start: e.value.span.start,
        masked: raw,
        raw,
        block: None,
    })
}

impl Piece<'_> {
    /// Every match of `set` in `masked` (piece offsets), folding a prose block's text once
    /// for all the rules.
    pub fn find(&self, set: &PhraseSet) -> Vec<PhraseMatch> {
        match self.block {
            Some(b) if std::ptr::eq(b.masked.as_str(), self.masked) => set.find_folded(b.folded()),
            _ => set.find(self.masked),
        }
    }
}

/// The summary (when `with_summary`) followed by the prose blocks.
pub(crate) fn pieces<'a>(ctx: &'a Context, with_summary: bool) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    if with_summary {
        out.extend(summary(ctx));
    }
    out.extend(prose(ctx));
    out
}

/// Every match of `set` in the masked text of `pieces`, as document ranges, in document
/// order. Lazy: a rule that needs only the first match reads only up to it.
pub(crate) fn find_all<'a>(
    pieces: &'a [Piece<'a>],
    set: &'a PhraseSet,
) -> impl Iterator<Item = PhraseMatch> + 'a {
    pieces.iter().flat_map(move |p| {
        p.find(set).into_iter().map(move |m| PhraseMatch {
            phrase: m.phrase,
            range: shift(m.range, p.start),
        })
    })
}

pub(crate) fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

/// The sentence (document range) of `piece` holding the piece-relative offset `at`.
pub(crate) fn sentence_at(piece: &Piece, at: usize) -> Range<usize> {
    crate::text::sentences(piece.masked)
        .into_iter()
        .find(|s| s.start <= at && at < s.end)
        .map_or(0..piece.masked.len(), |s| s)
}

#[cfg(test)]
mod tests {
    use crate::rules::*;

    #[test]
    fn text_rules_document_their_phrases() {
        for rule in [
            &severity_a_criteria::RULE,
            &ambiguous_term::RULE,
            &multiple_problems::RULE,
            &feature_request::RULE,
            &reopen_without_number::RULE,
            &cross_subscription_mention::RULE,
        ] {
            for heading in [
                "## What it checks",
                "## Why",
                "## Fires",
                "## Passes",
                "## Trigger phrases",
            ] {
                assert!(rule.doc.contains(heading), "{} lacks {heading}", rule.name);
            }
            assert!(rule.doc.contains("```markdown"), "{}", rule.name);
            assert!(rule.doc.contains("Must not fire"), "{}", rule.name);
        }
    }

    #[test]
    fn doc_examples_behave_as_documented() {
        // The Fires / Passes examples of each rule, completed into documents.
        use crate::testing::check;
        let fm = |extra: &str| {
            format!("---\nsubscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f\n{extra}---\n\n")
        };
        let cases: &[(&RuleMeta, &str, &str, &str)] = &[
            (
                &severity_a_criteria::RULE,
                "severity: A\n",
                "## 問題\n昨日 10 時ごろ VM が応答しなくなりましたが、再起動で復旧済みです。原因調査をお願いします。\n",
                "## 問題\n9:00 から全社員がメールを送受信できない状態が続いています。\n復旧後に原因調査 (RCA) もお願いしたいです。\n",
            ),
            (
                &ambiguous_term::RULE,
                "",
                "## 問題\nPoC ではエラーが出なかったが、本番環境では接続がタイムアウトする。\n",
                "## 問題\nPoC ではエラーが出なかったが、本番環境では接続がタイムアウトする。\n\n## 環境\n- PoC: rg-poc の vm-poc-01 (Standard_B2s、パブリック IP あり)\n- 本番環境: rg-prod の vm-web-01 (Standard_D4s_v5、プライベート エンドポイント経由)\n",
            ),
            (
                &multiple_problems::RULE,
                "",
                "## 問題\nvm-web-01 に RDP 接続できません。原因は何でしょうか。\n\n別件ですが、Blob ストレージの料金の見積もり方法も教えてください。\n",
                "## 問題\nvm-web-01 に RDP 接続できません。原因は何でしょうか。回避策はありますか？\n",
            ),
            (
                &feature_request::RULE,
                "",
                "## 問題\nAzure Files の NFS 共有でもスナップショットを取れるようにしてほしいです。\n",
                "## 問題\nAzure Files の NFS 共有でスナップショットの作成が失敗します。\n",
            ),
            (
                &reopen_without_number::RULE,
                "",
                "## 問題\n先月クローズされたお問い合わせについて、同じ事象が再発したため調査を再開してください。\n",
                "## 問題\n先月クローズされたお問い合わせ (2310270010001234) について、同じ事象が再発したため調査を再開してください。\n",
            ),
            (
                &cross_subscription_mention::RULE,
                "",
                "## 問題\n接続先の `/subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/rg-db/providers/Microsoft.Sql/servers/sql-01` 側も調査してください。\n",
                "## 問題\nvm-web-01 からピアリング先の VNet\n(/subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub)\nにある DNS サーバーへ接続できません。\n",
            ),
        ];
        for (rule, extra, fires, passes) in cases {
            let head = fm(extra);
            assert!(
                !check(rule, &format!("{head}{fires}")).is_empty(),
                "{} fires",
                rule.name
            );
            assert!(
                check(rule, &format!("{head}{passes}")).is_empty(),
                "{} passes",
                rule.name
            );
        }
    }
}

#[cfg(test)]
mod robustness {
    use crate::rules::*;
    use crate::testing::check;
    use proptest::prelude::*;

    const RULES: [&RuleMeta; 6] = [
        &severity_a_criteria::RULE,
        &ambiguous_term::RULE,
        &multiple_problems::RULE,
        &feature_request::RULE,
        &reopen_without_number::RULE,
        &cross_subscription_mention::RULE,
    ];

    fn fragment() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "---\n", "severity: A\n", "subscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f\n",
            "## 問題\n", "## 環境\n", "## Error messages\n", "- ", "1. ", "`", "```\n", "\n",
            "本番", "PoC", "prod", "別件", "？", "か。", "?", "でしょうか", "復旧済み", "RCA",
            "再開", "前回の件", "2310270010001234", "機能要望", "ようにしてほしい", "Ｒ", "　",
            "/subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/r/providers/A.B/c/d",
            "調査してください", "vm-prod-01", ":", "、", "。", " ", "é", "🙂", "\r\n",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn text_rules_never_panic(parts in prop::collection::vec(fragment(), 0..40)) {
            let text: String = parts.concat();
            for rule in RULES {
                for d in check(rule, &text) {
                    prop_assert!(d.range.end <= text.len());
                    prop_assert!(text.is_char_boundary(d.range.start));
                    prop_assert!(text.is_char_boundary(d.range.end));
                }
            }
        }
    }

    #[test]
    fn large_documents_stay_fast() {
        let para = "PoC と本番環境で vm-web-01 の RDP が失敗します。原因は何でしょうか？ Please investigate /subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/r/providers/A.B/c/d.\n\n";
        let text = format!(
            "---\nseverity: A\nsubscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f\n---\n\n## 問題\n{}",
            para.repeat(3000)
        );
        let start = std::time::Instant::now();
        for rule in RULES {
            let t = std::time::Instant::now();
            let _ = check(rule, &text);
            // `cargo test large_documents -- --nocapture` shows the figures.
            eprintln!("{} on {} bytes: {:?}", rule.name, text.len(), t.elapsed());
        }
        // Generous bound for an unoptimised build on a shared machine.
        assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
    }
}
