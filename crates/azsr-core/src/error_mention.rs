//! Whether a request speaks of an error or a failure: the wording in both languages
//! that reports one, the wording that only names errors as a topic or a hypothesis
//! (error handling, 失敗した場合), and statements that no error appears. An errors
//! section is asked for (`section-missing`) only when an error is reported and not
//! denied; a lone line of error output that says "no error" is not an excerpt.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::body::Body;
use crate::text::{blank_code_spans, find_latin_words};

/// English failure wording (case-insensitive, whole words).
static ERROR_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:errors?|erroring|errored|fail(?:s|ed|ing|ures?)?|exceptions?",
        r"|time[ -]?outs?|times out|timed[ -]out|timing out|crash(?:es|ed|ing)?|outages?",
        r"|unreachable|refused|access denied|permission denied|denied access|forbidden|unauthori[sz]ed",
        r"|bad gateway|service unavailable|throttled|stopped working",
        r"|(?:not|isn't|aren't|doesn't|does not|didn't|did not|don't|do not|no longer) work(?:s|ing)?",
        r"|unable to|(?:cannot|can't|can’t|can not|could not|couldn't|couldn’t|won't|will not) ",
        r"(?:connect|access|reach|log ?in|sign ?in|start|stop|boot|deploy|create|delete|open|load",
        r"|mount|resolve|authenticate|upload|download|ping|ssh|rdp|find|pull|push|scale|upgrade",
        r"|restart|install|update|register|retrieve|read|write|save|send|receive|attach|detach",
        r"|provision|run|execute|be reached|be found)",
        r"|exit(?:ed)? (?:with )?(?:code|status) [1-9]\d*|return code [1-9]\d*",
        r"|(?:http(?:/[\d.]+)?|status(?: code)?|response code|returns?|returned|returning|responds? with|got|gets|received?) ?:? ?[45]\d\d",
        r"|[45]\d\d (?:bad request|unauthorized|forbidden|not found|method not allowed|conflict|gone",
        r"|payload too large|too many requests|internal server error|not implemented|bad gateway",
        r"|service unavailable|gateway time-?out)",
        r"|0x[0-9a-f]{8}|aadsts\d{4,}|ora-\d{5}|sqlstate|econnrefused|econnreset|etimedout|enotfound",
        r"|eacces|ehostunreach|enetunreach)",
    ))
    .expect("valid regex")
});

/// Error codes written as CamelCase identifiers (`AuthorizationFailed`,
/// `ResourceNotFound`, `InvalidTemplateDeployment`, `NullReferenceException`).
static ERROR_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[A-Z][A-Za-z]*[a-z](?:Failed|Failure|Error|Exception|NotFound|Denied|Forbidden|Conflict",
        r"|Timeout|TimedOut|NotAvailable|Unavailable|Exceeded|NotAllowed|Unauthorized|Throttled)",
        r"|Invalid[A-Z][A-Za-z]+",
    ))
    .expect("valid regex")
});

/// Japanese failure wording.
static ERROR_JA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"エラー|失敗|(?:未処理の|ハンドルされていない)例外|例外(?:が|は)?(?:発生|出|スロー|送出|起き|投げ|返)",
        r"|(?:でき|出来)(?:ない|ません|ず|なかった|なくな|なくて)",
        r"|落ち(?:る|た|て|ます|まし|やすい)|タイムアウト|クラッシュ|ハング|フリーズ|異常終了|強制終了され",
        r"|応答(?:が|も)?(?:ない|なく|なし|しない|しなく|しません|しなかった|がありません)",
        r"|障害(?:が|は)?(?:発生|起き)|不具合|拒否され|(?:つな|繋)がら(?:ない|なく|ず)",
        r"|動(?:か|作し)(?:ない|なく|ず|ません|なかった)|うまく(?:いか|動か|動作し)(?:ない|ず|ません)",
        r"|ダウンし|停止してしま|再起動(?:が|を)?繰り返|(?:接続|利用|アクセス|起動|ログイン|通信)不可",
        r"|(?:ステータス ?コード|ステータス|応答コード|レスポンス ?コード|HTTP) ?[:：]? ?[45]\d\d",
        r"|(?:終了コード|リターン ?コード|戻り値) ?[:：]? ?[1-9]",
    ))
    .expect("valid regex")
});

/// What makes `できない` a request or a goal rather than a failure:
/// `できないでしょうか`, `できませんか`, `できないように設定したい`.
static CANNOT_NOT_FAILURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:でしょうか|か(?:[^ら]|$)|ものか|ように(?:し|す|設定|制限|構成|変更)|ようにな(?:ってい)?るか)")
        .expect("valid regex")
});

/// What makes エラー / 失敗 / できない hypothetical or a topic rather than an event:
/// エラー時の動作, エラーハンドリング, 失敗した場合の挙動, 接続できない場合は.
static JA_HYPOTHETICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:しない(?:ように|よう|方法|ため)|(?:に)?ならない(?:ように|よう|方法|ため)|時(?:$|[^刻間点])|発生時|ハンドリング|処理|対策|に備え|の場合|(?:した|する|になった|となった|が発生した|い|かった)?場合(?:の|は|に|、|でも))",
    )
    .expect("valid regex")
});

/// タイムアウト as a setting (タイムアウト値, タイムアウトの設定, タイムアウトを延長).
static TIMEOUT_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:値|設定|時間|の設定|の値|の時間|の既定|の推奨|を(?:延長|変更|設定|伸ば|短縮|長く|短く))")
        .expect("valid regex")
});

/// English phrasing about errors as a topic or a hypothesis (blanked before the search).
static EN_HYPOTHETICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:error|exception|failure)[- ]handling|\bon (?:error|failure)\b",
        r"|\bin (?:the )?case of (?:an? )?(?:errors?|failures?|timeouts?|exceptions?)",
        r"|\bretry on (?:errors?|failures?)|\bif (?:it|this|that|the(?: \w+){1,3}|an?(?: \w+){1,3}) (?:fails|times out)\b",
        r"|\bfault[- ]tolerance|\bfailures? (?:anomalies|blade|view|tab|ブレード|画面|タブ)",
        r"|\bfailures?(?:ブレード|画面|タブ)|\bsite recovery|\bfailover",
        r"|\b(?:idle |connection |request |session |default |the )?time-?outs? (?:settings?|values?|period|duration|configuration|interval|limit)\b",
        r"|\b(?:increase|extend|change|set|configure|adjust|raise|lower|reduce|recommended) (?:the )?(?:\w+ )?time-?outs?\b",
    ))
    .expect("valid regex")
});

/// Statements that no error appears ("エラーは表示されません", "no error is shown").
static NO_ERROR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)エラー(?:メッセージ|コード|画面|表示|ログ)?(?:等|など)?(?:は|も)(?:特に|一切|何も|とくに|全く)?",
        r"(?:出|表示され|発生し|記録され|返され|出力され|確認でき|見られ|起き|出力し)",
        r"(?:ていない|ていません|ない|ません|ず|なかった|ませんでした|ておらず)",
        r"|エラー(?:メッセージ|コード)?(?:は|も)(?:特に|一切)?(?:なし|無し|ありません|ない|なく|見当たらない|見当たりません|ございません)",
        r"|エラー(?:メッセージ)? ?[:：] ?(?:特に)?(?:なし|無し)",
        r"|エラー(?:に|と)は?なら(?:ない|ず|ません|なかった)",
        r"|no (?:errors?|exceptions?)(?: messages?| codes?)? (?:is |are |was |were )?(?:shown|displayed|returned|logged|reported|thrown|raised|output|appears?|given)",
        r"|no error messages?|there (?:is|are|was|were) no (?:errors?|exceptions?)",
        r"|(?:doesn't|does not|didn't|did not|don't|do not|never|won't|will not) (?:show|display|return|give|throw|raise|produce|log|report|see|get|receive|encounter)s? (?:any |an )?(?:errors?|exceptions?)",
    ))
    .expect("valid regex")
});

/// What the request says about errors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ErrorMention {
    /// Some wording reports an error or a failure.
    pub mentioned: bool,
    /// The text states that no error message appears.
    pub denied: bool,
}

impl ErrorMention {
    /// An errors section is called for: an error is mentioned and not denied.
    pub fn needs_errors_section(self) -> bool {
        self.mentioned && !self.denied
    }

    /// Error and failure wording in the summary and the body's prose (not code, not
    /// URLs, not the errors section).
    pub fn in_request(summary: Option<&str>, body: &Body) -> ErrorMention {
        let mut total = ErrorMention::default();
        let mut add = |m: ErrorMention| {
            total.mentioned |= m.mentioned;
            total.denied |= m.denied;
        };
        if let Some(summary) = summary {
            add(ErrorMention::in_text(&blank_code_spans(summary)));
        }
        for block in body.prose_outside_errors() {
            add(ErrorMention::in_text(&block.masked));
        }
        total
    }

    /// Error and failure wording in one piece of prose (already masked).
    pub fn in_text(text: &str) -> ErrorMention {
        let mut owned = String::new();
        let text = if EN_HYPOTHETICAL.is_match(text) {
            owned.push_str(text);
            let found: Vec<Range<usize>> =
                EN_HYPOTHETICAL.find_iter(text).map(|m| m.range()).collect();
            for r in found {
                owned.replace_range(r.clone(), &" ".repeat(r.len()));
            }
            owned.as_str()
        } else {
            text
        };
        let denials: Vec<Range<usize>> = NO_ERROR.find_iter(text).map(|m| m.range()).collect();
        let inside_denial =
            |r: &Range<usize>| denials.iter().any(|d| d.start <= r.start && r.end <= d.end);
        let mut hits: Vec<Range<usize>> = find_latin_words(&ERROR_EN, text);
        hits.extend(find_latin_words(&ERROR_CODE, text));
        for m in ERROR_JA.find_iter(text) {
            let r = m.range();
            let word = &text[r.clone()];
            let verbal = word.starts_with("エラー")
                || word.starts_with("失敗")
                || word.starts_with("でき")
                || word.starts_with("出来");
            if verbal && JA_HYPOTHETICAL.is_match(&text[r.end..]) {
                continue;
            }
            if word == "タイムアウト" && TIMEOUT_TOPIC.is_match(&text[r.end..]) {
                continue;
            }
            if word.starts_with("でき") || word.starts_with("出来") {
                let rest = &text[r.end..];
                // `できないでしょうか`: the match ends in ない/ません; look at what follows.
                if CANNOT_NOT_FAILURE.is_match(rest) {
                    continue;
                }
            }
            hits.push(r);
        }
        ErrorMention {
            mentioned: hits.iter().any(|r| !inside_denial(r)),
            denied: !denials.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(s: &str) -> bool {
        ErrorMention::in_text(s).needs_errors_section()
    }

    #[test]
    fn japanese_failure_wording_is_a_mention() {
        for s in [
            "デプロイ時にエラーが発生します",
            "VM の起動に失敗しました",
            "アプリで例外が発生して停止します",
            "ハンドルされていない例外により終了",
            "RDP で接続できない",
            "ポータルにサインインできません",
            "ストレージにアクセスできず困っています",
            "昨日からログインできなくなりました",
            "Web アプリが頻繁に落ちる",
            "夜間にサーバーが落ちています",
            "API 呼び出しがタイムアウトします",
            "プロセスがクラッシュする",
            "応答がありません",
            "サイトにつながらない",
            "バッチが動かない",
            "HTTP 503 が返ってくる",
            "ステータス コード 403 が返る",
            "終了コード 1 で終わる",
            "0x80070005 が表示されます",
            "AADSTS50011 が出てサインインに失敗",
            "AllocationFailed で VM を作成できない",
            "Errorが出る",
            "まれに接続できない場合があります",
            "接続できないから困っています",
            "接続できませんでした",
            "5 分ほどでタイムアウトします",
            "The request times out after 230 seconds",
            "エラー時刻は 10:05 です",
        ] {
            assert!(mention(s), "{s}");
        }
    }

    #[test]
    fn english_failure_wording_is_a_mention() {
        for s in [
            "The deployment fails with an error",
            "Upgrade failed after 30 minutes",
            "The function throws an exception",
            "Requests time out after 30 seconds",
            "The connection timed out",
            "The pod keeps crashing",
            "We cannot connect to the VM",
            "We are unable to start the cluster",
            "Login couldn't authenticate the user",
            "The endpoint returns 502",
            "Clients get HTTP 429 under load",
            "503 Service Unavailable on every request",
            "Got ResourceNotFound when deploying",
            "InvalidTemplateDeployment from ARM",
            "the app stopped working",
            "Access denied to the share",
            "exit code 137",
            "ECONNREFUSED from the client",
        ] {
            assert!(mention(s), "{s}");
        }
    }

    #[test]
    fn wording_that_is_not_a_failure_is_not_a_mention() {
        for s in [
            "フェイルオーバーの手順を確認したい",
            "Failover to the secondary region is planned",
            "設定を変更できないでしょうか",
            "この操作をユーザーができないように設定したい",
            "別リージョンへの移行は可能ですか",
            "落ち着いて確認したところ、設定は正しい状態でした",
            "ダウンロードの手順を知りたい",
            "We want to know how to configure autoscale.",
            "The VM has 500 GB of disk and 400 users.",
            "Can you tell us whether this is supported?",
            "例外的に夜間の作業を予定しています",
            "the timeoutless design", // not a word match
            "ErrorDocument is a property name, lower: errorless",
            "エラー時のリトライ設定を知りたい",
            "エラーハンドリングの推奨構成を教えてください",
            "デプロイに失敗した場合の挙動を確認したい",
            "接続できない場合は自動でフェイルオーバーしますか",
            "What is the recommended error handling for Functions?",
            "Does the SDK retry on failure?",
            "If the primary region fails, how long does failover take?",
            "In case of a timeout, what happens to the message?",
            "デプロイが失敗しないように事前に確認したい",
            "エラーにならないようにする方法を教えてください",
            "この構成で接続できないか検討しています",
            "移行できないかと考えています",
            "Linux VM からのマウント時の推奨タイムアウト値を知りたい",
            "タイムアウトの設定を延長する方法",
            "Can we increase the idle timeout of the load balancer?",
            "The idle timeout setting is 4 minutes.",
            "Application Insights の Failures ブレードの見方を知りたい",
            "Smart Detection の Failure Anomalies の通知条件を教えてください",
        ] {
            assert!(!mention(s), "{s}");
        }
    }

    #[test]
    fn a_statement_that_no_error_appears_denies() {
        for s in [
            "接続できないが、エラーは表示されません",
            "失敗しますが、エラーメッセージは特に出ていません",
            "エラー: なし",
            "It fails silently; no error message is shown.",
            "The job fails but does not return any error.",
            "The portal doesn't show an error.",
        ] {
            let m = ErrorMention::in_text(s);
            assert!(m.denied && !m.needs_errors_section(), "{s}");
        }
        // Adverbial "without error" is not a denial.
        assert!(mention("エラーなく完了するはずのデプロイが失敗する"));
    }
}
