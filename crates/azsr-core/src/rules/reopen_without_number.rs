use std::sync::LazyLock;

use regex::Regex;

use crate::rules::text_rule::Prose;
use crate::text::{Folded, PhraseSet};
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// A request that asks to reopen or continue an earlier, closed request, or to raise
    /// an open one to severity A, without giving the earlier request's number: neither in
    /// the summary or body nor in `related_requests`. One finding, on the first phrase
    /// that refers to the earlier request.
    ///
    /// A number counts when a request-number phrase introduces it (お問い合わせ番号,
    /// 問い合わせ番号, サポート リクエスト番号, SR, request number, case number, ticket
    /// number, case #) or when it has the shape of a request number (15 or 16 digits).
    ///
    /// ## Why
    ///
    /// A closed request is not reopened as such: a new request is filed that names the
    /// old one, and support follows the history from that number. Likewise severity is
    /// not raised to A on an open request: a new severity A request pages the engineer on
    /// emergency duty, and the number of the existing request lets them pick up what has
    /// been done so far. Without the number, support has to ask for it first.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ## 問題
    /// 先月クローズされたお問い合わせについて、同じ事象が再発したため調査を再開してください。
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// related_requests:
    ///   - 2310270010001234
    /// ---
    /// ## 問題
    /// 先月クローズされたお問い合わせについて、同じ事象が再発したため調査を再開してください。
    /// ```
    ///
    /// ## Trigger phrases
    ///
    /// - Japanese: 再オープン, リオープン, 調査を再開, お問い合わせの再開, ケースを再開,
    ///   以前の問い合わせ, 以前のお問い合わせ, 前回の件, 前回のお問い合わせ, 先日のお問い合わせ,
    ///   再度お問い合わせ, 前回ご対応いただいた, 以前ご担当, クローズされた, クローズ済み,
    ///   重大度を A に上げ, 重要度を A に変更, 緊急度を上げ.
    /// - English: reopen, re-open, previous case, previous support request, my previous
    ///   request, earlier case, closed case, the case was closed, follow-up to case, the
    ///   engineer who handled, escalate to Sev A, raise the severity to A, upgrade to
    ///   severity A.
    ///
    /// Must not fire: any of these with お問い合わせ番号 2310270010001234, SR 2310270010001234,
    /// case number 123456789, a bare 16-digit request number, or a `related_requests`
    /// entry; サービスを再開 / 処理を再開 (resuming a service, not a request); "the previous
    /// request to the API failed"; phrases in code or logs.
    "reopen-without-number", Information, check
}

const PHRASES: &[&str] = &[
    "再オープン",
    "リオープン",
    "調査を再開",
    "調査の再開",
    "調査を継続",
    "問い合わせを再開",
    "問い合わせの再開",
    "問合せを再開",
    "問合せの再開",
    "ケースを再開",
    "ケースの再開",
    "案件を再開",
    "案件の再開",
    "以前の問い合わせ",
    "以前のお問い合わせ",
    "以前の問合せ",
    "以前のお問合せ",
    "以前の件",
    "前回の件",
    "前回の問い合わせ",
    "前回のお問い合わせ",
    "前回の問合せ",
    "前回のお問合せ",
    "前回のケース",
    "先日の問い合わせ",
    "先日のお問い合わせ",
    "先日のお問合せ",
    "再度お問い合わせ",
    "再度問い合わせ",
    "再度のお問い合わせ",
    "前回ご対応いただいた",
    "前回対応いただいた",
    "以前ご対応いただいた",
    "以前対応いただいた",
    "前回ご担当",
    "以前ご担当",
    "クローズされた",
    "クローズ済み",
    "クローズになった",
    "重大度を A に上げ",
    "重大度を A に変更",
    "重要度を A に上げ",
    "重要度を A に変更",
    "緊急度を A に上げ",
    "緊急度を A に変更",
    "重大度を上げ",
    "重要度を上げ",
    "緊急度を上げ",
    "reopen",
    "re-open",
    "reopening",
    "previous case",
    "previous support request",
    "previous ticket",
    "my previous request",
    "our previous request",
    "earlier case",
    "earlier support request",
    "closed case",
    "follow-up to case",
    "follow-up to my case",
    "follow up on my case",
    "follow-up to my previous",
    "the engineer who handled",
    "same issue as before",
    "case was closed",
    "case has been closed",
    "request was closed",
    "ticket was closed",
    "escalate to sev a",
    "escalate to severity a",
    "escalate it to severity a",
    "raise the severity to a",
    "raise to severity a",
    "upgrade to sev a",
    "upgrade to severity a",
    "increase the severity to a",
    "change the severity to a",
];

static SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(PHRASES));

/// A request-number phrase (the number follows within a few characters).
static NUMBER_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:お?問い?合わ?せ番号|サポート ?リクエスト ?番号|リクエスト番号|ケース番号|チケット番号|\bSR\b|\b(?:request|case|ticket|incident)(?: number| no\.?| ?#| id)|\bcase\b)",
    )
    .unwrap()
});

/// True when `text` holds a request number: one a request-number phrase introduces
/// (at least 6 digits), or a 15- or 16-digit number.
pub(crate) fn has_request_number(text: &str) -> bool {
    let f = Folded::new(text);
    let t = f.text.as_str();
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let len = i - start;
        if len == 15 || len == 16 {
            return true;
        }
        if len >= 6 {
            let mut from = start.saturating_sub(40);
            while !t.is_char_boundary(from) {
                from += 1;
            }
            if let Some(m) = NUMBER_PHRASE.find_iter(&t[from..start]).last() {
                let between = &t[from + m.end()..start];
                if between.chars().count() <= 12 && !between.contains(['。', '.', '\n']) {
                    return true;
                }
            }
        }
    }
    false
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx
        .form()
        .and_then(|f| f.get("related_requests"))
        .is_some_and(|e| !e.value.is_empty())
    {
        return;
    }
    let prose = Prose::with_summary(ctx);
    let Some(first) = prose.first(&SET) else {
        return;
    };
    if prose.pieces.iter().any(|p| has_request_number(p.raw)) {
        return;
    }
    let phrase = &ctx.text[first.range.clone()];
    out.push(RULE.diag(
        first.range.clone(),
        msg!(
            "\"{phrase}\" refers to an earlier request: give its request number (in the text or in `related_requests`) so support can follow its history",
            "「{phrase}」は以前のお問い合わせを指しています。そのお問い合わせ番号を本文か `related_requests` に記載すると、サポートが経緯を確認できます"
        ),
    ));
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
    fn reopen_and_escalation_without_number_fire() {
        for body in [
            "先月クローズされたお問い合わせについて、同じ事象が再発しました。",
            "前回の件と同じエラーが出ています。",
            "以前のお問い合わせの調査を再開してください。",
            "ケースを再オープンしたいです。",
            "対応中のお問い合わせの重大度を A に上げたいため起票しました。",
            "重要度をAに変更してください。",
            "先日のお問い合わせの続きです。",
            "同じ事象が再発したため再度お問い合わせします。",
            "前回ご対応いただいたエンジニアの方に引き継いでください。",
        ] {
            assert_eq!(check(&RULE, &ja(body)).len(), 1, "{body}");
        }
        for body in [
            "Please reopen my support case, the issue is back.",
            "This continues my previous case about the gateway.",
            "Our earlier case was closed before we could test the fix.",
            "We need to escalate to Sev A the request we opened on Monday.",
            "Please raise the severity to A.",
            "This is a follow-up to my case from last week.",
            "Please assign the engineer who handled the earlier incident.",
        ] {
            assert_eq!(check(&RULE, &en(body)).len(), 1, "{body}");
        }
    }

    #[test]
    fn exact_span_on_the_first_phrase() {
        assert_spans(
            &RULE,
            &ja("«前回の件»で«クローズされた»問題が再発しました。")
                .replace("«クローズされた»", "クローズされた"),
        );
        assert_spans(&RULE, &en("Please «reopen» the previous case."));
        assert_spans(
            &RULE,
            "---\nsummary: «Reopen» of the VM boot case\n---\n\n## Problem\nSame again.\n",
        );
    }

    #[test]
    fn a_number_or_related_requests_satisfies_it() {
        for body in [
            "前回の件 (お問い合わせ番号: 2310270010001234) と同じエラーです。",
            "以前の問い合わせ番号 2310270010001234 の調査を再開してください。",
            "SR 2311270010001234 を再オープンしたいです。",
            "前回の件 (サポート リクエスト番号 123456789) の続きです。",
            "クローズされた 2310270010001234 の件の続きです。",
            "前回の件 (２３１０２７００１０００１２３４) の続きです。",
        ] {
            assert!(check(&RULE, &ja(body)).is_empty(), "{body}");
        }
        for body in [
            "Please reopen case number 123456789.",
            "Continues my previous case, request number: 2310270010001234.",
            "Please reopen ticket #98765432.",
            "Reopen case 2310270010001234 please.",
        ] {
            assert!(check(&RULE, &en(body)).is_empty(), "{body}");
        }
        let s = "---\nrelated_requests:\n  - 2310270010001234\n---\n\n## 問題\n前回の件の続きです。\n";
        assert!(check(&RULE, s).is_empty());
        let s = "---\nrelated_requests:\n  - number: 2310270010001234\n    engineer: 佐藤\n---\n\nPlease reopen.\n";
        assert!(check(&RULE, s).is_empty());
    }

    #[test]
    fn other_meanings_stay_silent() {
        for body in [
            "メンテナンス後にサービスを再開しましたが、接続できません。",
            "バッチ処理を再開すると失敗します。",
            "The previous request to the API returned 500.",
            "The port was closed by the firewall.",
            "Run `az support tickets reopen` was never needed here.",
            "```\nreopen the previous case\n```",
            "Order 12345678 failed.",
        ] {
            assert!(check(&RULE, &en(body)).is_empty(), "{body}");
        }
        let s = "---\n---\n\n## Error messages\nConnection reopened; previous case closed\n";
        assert!(check(&RULE, s).is_empty());
    }

    #[test]
    fn numbers_near_phrases_only() {
        assert!(has_request_number("お問い合わせ番号は 2310270010001234 です"));
        assert!(has_request_number("case number 123456"));
        assert!(has_request_number("2310270010001234"));
        assert!(!has_request_number("エラー コード 12345678"));
        assert!(!has_request_number("case number: see the mail. Then 12345678 came"));
        assert!(!has_request_number("12345678901234567"));
    }
}
