use std::sync::LazyLock;

use regex::Regex;

use crate::rules::text_rule::model;
use crate::rules::text_rule::speech::Cue;
use crate::rules::text_rule::Prose;
use crate::text::{Folded, PhraseSet};
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// A request that refers to an earlier request (to reopen or continue a closed one,
    /// or to follow up on one) or asks to raise an open one to severity A, without giving
    /// the earlier request's number: neither in the summary or body nor in
    /// `related_requests`. One finding, on the first sentence's phrase that refers to the
    /// earlier request.
    ///
    /// Besides the listed phrases below, a sentence refers to an earlier request when it
    /// joins a time before now (前回, 以前, 先日, 先月, 過去に, 一度; previous, prior, earlier,
    /// last, old, existing, open) with a request or the work on it (お問い合わせ, ケース, 案件,
    /// SR, ご回答, ご案内, ご担当, 調査, やり取り; case, ticket, SR, support request,
    /// investigation), says a request was closed (クローズとなった, クローズいただいた, got
    /// closed, auto-closed, was marked resolved), speaks of an earlier exchange
    /// (やり取りしていた件, ご案内いただいた内容), or of work to pick up (前回の調査の続き,
    /// a continuation of, where we left off, the work we did with your colleague, the
    /// engineer who told us, following up on the ticket, we worked through this with one of
    /// your engineers, the issue we raised with you, re-engage), of a request that ended (先月に一度解決となった件, サポートで解決して
    /// いただいた事象, your team closed our request) or of one still open (現在対応いただいて
    /// いるお問い合わせ, お問い合わせ中の MySQL 接続の件, 重大度 B でお問い合わせしていた
    /// …の件), of one partly granted or partly solved and continued (一部の
    /// リージョンのみ承認されました, 残りについても引き続き; only partly approved, the rest
    /// of our request), of support's earlier answer (…とのご案内でした), of a request
    /// closed and filed again (いったん閉じていただいた, 改めて起票), or of an earlier
    /// conversation with your team; a time before now joins a request or an application
    /// too (前回のご依頼, 先月の申請, 11 月にご相談した件; we requested … last month), and
    /// what support said before counts (そのときのエンジニアの方から…を勧められました, last
    /// time we contacted support, your colleague suggested, we had a support case, the
    /// engineer's workaround). Raising to A is a change of 重大度 / 重要度 / 緊急度 to A (重要度 A
    /// に切り替えて, 既存の件を重大度 A の扱いに, 緊急度を上げて, 重大度を最も高いものに変更) or
    /// a verb such as bump, raise, reclassify,
    /// escalate, upgrade, change, move with "to Sev A" / "to severity A" / "to the highest
    /// severity"; not the priority or severity of a thing that is no request, unless the
    /// sentence names a request (a rule's, a route's, a queue's, an alert rule's, or one
    /// named by a resource name: rc-deny-outbound の優先度を変更, NSG ルールの優先度を 110
    /// に, the priority of the rule collection from 300 to 150). A sentence that says there is no earlier
    /// request (今回初めて, 問い合わせはしておりません, our first support request, unrelated to
    /// any earlier case, a new issue) does not count.
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
    /// entry; サービスを再開 / 処理を再開 (resuming a service, not a request); 前回のデプロイ,
    /// 以前はこの設定で動作していました, "the previous request to the API failed", "the
    /// previous deployment succeeded" (an earlier thing that is not a request); 重要度 A で起票
    /// しております (filed at A, not raised); 今回初めてお問い合わせいたします; phrases in code
    /// or logs.
    "reopen-without-number", Information, check
}

const PHRASES: &[&str] = &[
    "再オープン",
    "リオープン",
    "調査を再開",
    "調査の再開",
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

/// An earlier request in other words: a time before now (前回, 以前, 先月, previous,
/// prior, last) with a request or the work on it (お問い合わせ, ご回答, 調査, ご担当, case,
/// ticket, investigation), a request said to be closed or still open, or work to pick
/// up (続き, a continuation of, where we left off, your colleague).
static EARLIER: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:その|あの|前回の)(?:とき|時|際)の(?:エンジニア|担当|ご担当|サポート)|(?:エンジニア|サポート|ご?担当)(?:の方|の方々|さん|様)?(?:から|に)(?:は)?[^。]{0,30}(?:勧められ|言われ|案内され|指示され|提案され|回答され|ご?案内いただ|ご?提案いただ)|(?:ご相談|お問い合わせ|問い合わせ|ご?依頼|申請)(?:した|させていただいた|いたした|しておりました|していた)(?:件|内容|ケース|案件)|(?:ご相談|お問い合わせ|問い合わせ|問合せ|ご?依頼)(?:中|しておりました|していた|させていただいていた|させていただいている)(?:の)?[^。、]{1,40}?(?:の件|のケース|の案件)",
        "(?:前回|以前|先日|先月|先週|昨年|去年|過去|前に|かつて|一度|以前に|[0-9]{1,2} ?月(?:に|の|頃|ごろ))[^。、]{0,14}?(?:お?問い?合わ?せ|問合せ|ケース|案件|チケット|ご?申請|ご?依頼|お?申し込み|リクエスト|\\bSR\\b|サポート ?リクエスト|ご?相談|起票|ご?対応いただ|ご?回答|ご?案内いただ|ご?調査|ご?担当|やり(?:取|と)り|サポート(?:の方|担当|エンジニア|窓口|チーム|で|に|から|側)|ご?提案いただ|ご?指示いただ|ご?依頼いただ|教えていただ|教えて頂|ご教示いただ|ご教示頂|ご?助言いただ|アドバイスいただ)",
        "(?:対応中|オープン中|進行中|調査中|起票済み?|別)の(?:お?問い?合わ?せ|問合せ|ケース|案件|チケット|\\bSR\\b)|(?:ご?対応|ご?調査)(?:いただいて|頂いて|して(?:いただいて)?)(?:いる|おります|います)(?:お?問い?合わ?せ|問合せ|ケース|案件|チケット)",
        "(?:クローズ|解決|完了|終了|解消)(?:と|に)?(?:なった|した|された|いただいた|頂いた|済み?の|扱いとなった)(?:件|お?問い?合わ?せ|問合せ|ケース|案件|チケット)|(?:解決|解消|対応|調査)して(?:いただいた|頂いた|もらった|くださった)(?:事象|問題|エラー|件)|(?:お?問い?合わ?せ|問合せ|ケース|案件|チケット)[^。]{0,20}(?:クローズ|終了|解決済)|(?:担当|ご担当)(?:して(?:くださった|いただいた)|くださった|いただいた|頂いた)(?:方|エンジニア|者)|(?:サポート|エンジニア)(?:の方|の方々|さん|様)?(?:に|と)[^。]{0,20}(?:調べて|調査して|ご?対応|ご?相談|やり(?:取|と)り)(?:いただいた|頂いた|させていただいた|した|していた|いただきました|頂きました|もらいました|もらった|くださいました|しました|していました)|(?:あの|その|前回の)(?:とき|時|際)の(?:調査|ご?対応|ご?回答|ご?案内|やり(?:取|と)り)|(?:調査|ご?対応|お?問い?合わ?せ|ケース|案件|やり(?:取|と)り)の延長",
        "(?:やり(?:取|と)り|ご?相談|ご?対応|ご?案内|ご?回答)(?:して|させて|いただいて|頂いて|いただ|頂)?(?:いた|おりました|いました|いただいた|頂いた)(?:件|ケース|案件|お問い合わせ|内容)|クローズ(?:され|済|と|に|いた|いただ|頂|しまし|した|が|の)|(?:お?問い?合わ?せ|問合せ|ケース|案件|調査|対応)の続き|続きとして|続きになり|続きです|(?:いったん|一旦|一度)?(?:閉じ|クローズし)て(?:いただ|頂|もら)|(?:改めて|あらためて|再度|もう一度)(?:の)?起票|再起票|(?:との|という)(?:ご?案内|ご?回答|ご?説明|ご?指示|ご?提案)(?:でした|をいただ|を頂|がありました|を受け)",
        r"\b(?:previous|prior|earlier|last|old|older|original|existing|open|current|other|closed)\s+(?:support\s+)?(?:case|ticket|sr|srs|investigation|incident\s+ticket)\b|\b(?:previous|prior|earlier|last|older|original|existing|open|current|closed)\s+support\s+request\b|\b(?:our|my|the)\s+(?:previous|prior|earlier|last)\s+(?:conversation|exchange|discussion|thread|engagement|call)\s+with\s+(?:you|your|support|microsoft)\b|\b(?:our|my)\s+(?:previous|prior|earlier|last|older|original|existing|open|current)\s+request\b",
        r"\b(?:a|the)\s+(?:case|ticket|sr|support\s+request)\s+(?:we|i)\s+(?:opened|filed|raised|had|logged|submitted|created)\b|\b(?:we|i)\s+(?:opened|filed|raised|had|logged|submitted|created)\s+(?:a|an|the)\s+(?:support\s+)?(?:case|ticket|sr|request)\b|\b(?:your|the)\s+engineer'?s\s+(?:workaround|fix|suggestion|advice|recommendation|answer)\b",
        r"\bcontinuation\s+of\b|\bcontinu(?:e|ing)\s+(?:the|our|my)\s+(?:work|investigation|troubleshooting|case|conversation|discussion)\b|\bpick(?:ing)?\s+up\s+where\b|\bleft\s+off\b|\byour\s+colleague\b",
        r"\b(?:your|the)\s+(?:support\s+)?engineer\s+(?:told|asked|suggested|recommended|said|who|we\s+worked)\b|\b(?:handled|worked)\s+(?:on\s+)?(?:by|with)\s+(?:your|the)\s+(?:support\s+)?(?:engineer|colleague|team)\b|\bcase\s+handled\s+by\b|\b(?:spoke|talked|worked|met|chatted)\s+(?:to|with)\s+(?:one\s+of\s+)?(?:your|an?|the)\s+(?:support\s+)?(?:engineers?|colleagues?|team|support)\b",
        r"\b(?:follow(?:ing)?[- ]?up|followup)\s+(?:on|to|from)\s+(?:the|my|our|a|an|that)\s+(?:\w+\s+)?(?:case|ticket|sr|request|support\s+request|matter|issue|investigation|thread)\b[^.]{0,60}?\b(?:worked|handled|closed|opened|raised|with\s+(?:us|you|your))\b|\b(?:follow(?:ing)?[- ]?up|followup)\s+(?:on|to|from)\s+(?:the|my|our|a|an|that)\s+(?:\w+\s+)?(?:case|ticket|sr|request|support\s+request)\b|\b(?:worked|helped)\s+(?:on\s+)?(?:\w+\s+){0,2}with\s+us\b|\b(?:case|ticket|sr|request)\b[^.]{0,40}?\b(?:closed|archived)\b|\bclosed\s+(?:automatically|itself|on\s+its\s+own|without)\b|\b(?:closed|resolved|archived)\s+(?:our|my|the|that)\s+(?:\w+\s+)?(?:case|ticket|sr|request|support\s+request)\b|\bmarked\s+(?:it\s+|this\s+)?(?:as\s+)?(?:resolved|closed|solved|fixed)\b|\b(?:worked|spoke|talked|went|dealt|troubleshot|chatted|discussed)\b[^.]{0,25}?\bwith\s+(?:one\s+of\s+)?(?:your\s+(?:support\s+)?(?:engineers?|colleagues?|team|support|agents?|staff)|(?:a|an|the)\s+(?:support\s+)?(?:engineer|agent)|(?:microsoft|azure)\s+support)\b|\byour\s+(?:support\s+)?engineers?\s+(?:marked|closed|resolved|handled|fixed|helped)\b|\b(?:same|similar)\s+(?:problem|issue|error)\s+(?:that\s+)?(?:we|i)\s+(?:reported|raised|opened|filed)\b",
        r"\b(?:we|i)\s+(?:raised|reported|opened|logged|filed|discussed)\s+(?:\w+\s+){0,3}?with\s+(?:you|your\s+(?:team|colleagues?|engineers?)|support|microsoft)\b|\bre-?engag\w+\b|\b(?:last\s+time|previously)\b[^.]{0,30}\b(?:contacted|opened|raised|called|asked)\s+(?:you|support|microsoft)\b|\b(?:we|i)\s+(?:contacted|called|reached\s+out\s+to)\s+(?:you|support|microsoft(?:\s+support)?)\b[^.]{0,40}\b(?:before|last\s+(?:week|month|time)|earlier|previously|ago)\b|\b(?:you|your\s+(?:team|engineer|colleague|support\s+engineer))\s+(?:suggested|recommended|proposed|told\s+us|advised)\b",
        "一部(?:の[^。]{0,12})?(?:のみ|だけ)?(?:が|は|を)?(?:承認|許可|受理)|一部(?:の[^。]{0,12})?(?:のみ|だけ)?(?:が|は|を)?(?:解決|解消|対応|完了|適用|反映)(?:して)?(?:いただ|頂)|(?:残り|未承認|未対応|残った)(?:の)?[^。]{0,16}(?:について|も|を)[^。]{0,8}(?:引き続き|続けて|継続して)|承認(?:された|いただいた|頂いた)(?:分|もの|範囲|リージョン)|(?:前回|先日|以前|先月|先週)[^。]{0,30}(?:承認|却下|不承認|否認)",
        r"\b(?:partially|partly|only\s+partly|only\s+partially|half)\s+(?:approved|granted|resolved|fixed|completed|fulfilled|processed|applied|addressed)\b|\bonly\s+(?:some|part|half|one|two)\s+(?:of\s+)?[^.]{0,40}?\b(?:were|was|got|has\s+been|have\s+been)\s+(?:approved|granted|resolved|fixed|processed|applied)\b|\b(?:the\s+)?(?:rest|remainder)\s+of\s+(?:the|our|my|that)\s+(?:request|quota|increase|order|ask|case|ticket)\b|\b(?:we|i)\s+(?:requested|asked\s+for|applied\s+for|submitted)\b[^.]{0,60}?\b(?:last\s+(?:week|month)|earlier|previously|before|ago)\b",
        r"\bre-?open(?:ed|ing)?\b|\bauto-?closed\b|\b(?:it|case|ticket|sr|request)\s+(?:was|got|has\s+been|had\s+been)\s+(?:auto-?)?(?:closed|marked\s+(?:as\s+)?resolved)\b|\b(?:we|i)\s+reported\s+(?:before|earlier|previously)\b",
    ])
});

/// Raising an open request to A in other words (重要度 A に切り替えて, bump it to Sev A).
static RAISE_TO_A: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:重大度|重要度|緊急度|優先度|重要性|severity|sev)\\s*(?:を|は)?\\s*(?:A|1)\\s*(?:の(?:扱い|対応|レベル|区分))?\\s*(?:に|へ)|(?:重大度|重要度|緊急度|優先度)(?:を)?(?:上げ|引き上げ|格上げ|変更|切り替え|切替)|(?:重大度|重要度|緊急度|優先度)[^。]{0,12}(?:最も高|一番高|最高|最上位|上位|高い|高く)[^。]{0,10}(?:変更|切り替え|切替|上げ|して|に)|(?:既存|対応中|オープン中|進行中|現在)[^。]{0,20}(?:お?問い?合わ?せ|ケース|案件|チケット|の件)[^。]{0,20}(?:重大度|重要度|緊急度)\\s*(?:A|1)\\s*(?:で|に|へ)",
        r"\b(?:bump|raise|escalate|upgrade|increase|change|switch|move|elevate|make|set|lift|reclassify|upgrad\w*|escalat\w*|bump\w*|rais\w*)\b[^.]{0,40}?\b(?:to|as)\s+(?:a\s+)?(?:sev(?:erity)?\s*[-:]?\s*(?:a|1)|critical\s+severity)\b",
        r"\b(?:bump|raise|escalate|upgrade|increase|elevate|change|move|set)\w*\b[^.]{0,40}?\bto\s+(?:the\s+)?(?:highest|top|maximum|most\s+urgent|critical)\s+(?:severity|priority|level)\b",
    ])
});

/// The priority or severity of a thing that is not a request: a firewall rule
/// collection's priority (優先度を 300 から 150 に変更), a route's, a queue message's, an
/// alert rule's severity, or a resource's named by its name (rc-deny-outbound の優先度を
/// 変更, アラートの重大度を 1 に変更; the alert rule's severity to 1).
static THING_PRIORITY: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:ルール|コレクション|ルート|ポリシー|規則|キュー|メッセージ|ジョブ|プロセス|スレッド|タスク|NSG|リスナー|ルーティング|グループ|アラート|プローブ|ワークロード)[^。]{0,24}?の ?(?:優先度|優先順位|重大度|重要度)|[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+ ?の ?(?:優先度|優先順位|重大度|重要度)|(?:優先度|優先順位|重大度)(?:を|は|が)? ?[0-9０-９]{2,}|(?:優先度|優先順位)(?:を|は|が)? ?[0-9０-９]",
        r"\b(?:rules?|routes?|collections?|polic(?:y|ies)|queues?|messages?|jobs?|process(?:es)?|threads?|tasks?|nsgs?|listeners?|alerts?|probes?|workloads?)\b(?:\s+[\w-]+){0,3}?\s*(?:'s\s+)?(?:priority|severity)\b|\b(?:priority|severity)\s+(?:of\s+(?:the\s+)?(?:rule|route|collection|policy|queue|message|job|alert|nsg))\b|\bpriority\s+(?:from\s+|to\s+|of\s+)?\d",
    ])
});

/// A request named in the sentence (お問い合わせ, ケース, case, ticket): a priority there
/// is the request's.
static REQUEST_WORD: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "問い?合わ?せ|ケース|案件|チケット|サポート",
        r"\b(?:case|ticket|support\s+request|request)s?\b",
    ])
});

/// Sentences that say there is no earlier request (今回初めて, our first support request).
static NONE_EARLIER: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "初めて|はじめて|(?:問い?合わ?せ|問合せ|起票)(?:は|を)?(?:して|いたして)?(?:いません|おりません|いない)|無関係|関係(?:ない|ありません|ございません)",
        r"\bfirst\s+(?:support\s+)?(?:request|case|ticket|time)\b|\bno\s+(?:previous|prior|earlier)\s+(?:case|ticket|request)s?\b|\bnot\s+related\b|\bunrelated\s+to\b|\bnew\s+(?:issue|problem)\b",
    ])
});

/// The first reference to an earlier request, in document order: a listed phrase or
/// a cue, in a sentence that does not say there is none.
fn first_reference(prose: &Prose) -> Option<std::ops::Range<usize>> {
    prose.sentences().find_map(|s| {
        if NONE_EARLIER.is_match(s.text) {
            return None;
        }
        let listed = SET.first(s.text).map(|m| m.range);
        // The priority of a rule or an alert's severity is no request's.
        let raise = RAISE_TO_A
            .find(s.text)
            .filter(|_| !THING_PRIORITY.is_match(s.text) || REQUEST_WORD.is_match(s.text));
        let r = [listed, EARLIER.find(s.text), raise]
            .into_iter()
            .flatten()
            .min_by_key(|r| r.start)?;
        Some(s.doc_range(r))
    })
}

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

/// The sentence model's sign, when no request number is given: the first sentence
/// scoring `threshold` or more as one that refers to an earlier or open request.
#[cfg(test)]
pub(crate) fn model_sign(
    ctx: &Context,
    m: &model::Model,
    threshold: f32,
) -> Option<std::ops::Range<usize>> {
    if ctx
        .form()
        .and_then(|f| f.get("related_requests"))
        .is_some_and(|e| !e.value.is_empty())
    {
        return None;
    }
    let prose = Prose::with_summary(ctx);
    if prose.pieces.iter().any(|p| has_request_number(p.raw)) {
        return None;
    }
    model::first_sentence(&prose, m, RULE.name, threshold)
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
    let Some(first) = first_reference(&prose).or_else(|| {
        let t = model::threshold(RULE.name)?;
        model::first_sentence(&prose, &model::SHIPPED, RULE.name, t)
    }) else {
        return;
    };
    if prose.pieces.iter().any(|p| has_request_number(p.raw)) {
        return;
    }
    let phrase = &ctx.text[first.clone()];
    out.push(RULE.diag(
        first,
        msg!(
            "\"{phrase}\" refers to an earlier request: give its request number (in the text or in `related_requests`) so support can follow its history.",
            "「{phrase}」は以前のお問い合わせを指しています。そのお問い合わせ番号を本文か `related_requests` に記載すると、サポートが経緯を確認できます。"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{en_problem as en, ja_problem as ja, assert_spans, check};



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
