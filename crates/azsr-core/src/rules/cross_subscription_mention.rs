use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::rules::text_rule::model;
use crate::rules::text_rule::speech::{clauses, Cue, REQUEST, WISH};
use crate::rules::text_rule::{Piece, Prose};
use crate::text::PhraseSet;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// A body that asks support to look at a resource in a subscription other than the
    /// request's `subscription`. One finding per other subscription, on its first such
    /// resource ID or GUID; resource IDs count in code spans too, code blocks and the
    /// `errors` section do not.
    ///
    /// The other subscription is named by a resource ID (`/subscriptions/{other}/…`), by
    /// a subscription ID named as such (サブスクリプション ID / subscription ID / 別
    /// サブスクリプション (GUID) followed by a GUID; not a tenant, correlation or tracking
    /// ID), or, when no ID of it is asked about, by words alone (別のサブスクリプション,
    /// 他のサブスクリプション, 異なるサブスクリプション; another / other / different
    /// subscription), which count only in the same clause as the ask.
    ///
    /// It is asked about when the same sentence asks to look at it, when a list of IDs
    /// sits under a sentence that asks so (`以下のリソースを調査してください:`), or when one
    /// of the next two sentences of its section (in the next paragraph too) asks to look
    /// and takes it in (あわせて, 併せて, こちらも, そちらの, 先方, についても, だけでなく,
    /// 両方を, そのレジストリ; also, as well, too, it, both, together, that registry) or names the resource again
    /// (`afw-hub-01`), unless it limits the ask to this subscription's own resources
    /// (当方の kv-01 のみです, ご確認いただきたいのは…のみ; only our, our own); or a
    /// sentence anywhere later in the body asks to look at it by the name its resource ID
    /// ends in (could your engineer look at agw-state-edge's probe configuration). A later
    /// sentence that sets the resource aside (こちらは今回の件とは関係なく、正常に動作して
    /// います; unrelated, healthy) ends the search, and naming the request's own
    /// `resource` again is no ask about the other one. A sentence that says the other side
    /// logs no errors (ハブ側の DNS サーバーにはエラーは記録されていない, no errors were
    /// logged on their side) sets it aside too, and then an ask in it that names the
    /// request's own `resource` (まずは vm-app-11 を確認して) is about that. A sentence that both sets the other
    /// resource aside and limits the ask to something else (they confirmed it is healthy,
    /// so please look at app-shop-west only; 先方は正常とのことなので vm-01 のみ確認して
    /// ください) asks nothing about it. An ask is a listed phrase or a verb
    /// of looking (調査, 確認, 調べ, 見て, 解析, 診断, ログを取得; investigate, look into,
    /// check, review, dig into, go through, troubleshoot, verify, pull the logs) together with a request or a wish (ください,
    /// お願いします, いただけますか, ご確認のほど, 見ていただけると助かります; please, could
    /// you, can someone, kindly, would you mind, we'd appreciate it if).
    ///
    /// ## Why
    ///
    /// A request is tied to its subscription: support checks that the person filing it
    /// holds a role on that subscription before sharing anything about its resources.
    /// Investigating resources of a different subscription is a security concern and
    /// brings extra checks and delays. File the request from the subscription that holds
    /// the resource to investigate (one request per subscription, naming the other
    /// request's number when the problems are linked).
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// subscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f
    /// ---
    /// ## 問題
    /// 接続先の `/subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/rg-db/providers/Microsoft.Sql/servers/sql-01` 側も調査してください。
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// subscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f
    /// ---
    /// ## 問題
    /// vm-web-01 からピアリング先の VNet
    /// (/subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub)
    /// にある DNS サーバーへ接続できません。
    /// ```
    ///
    /// ## Trigger phrases
    ///
    /// - Japanese: 調査してください, 調査をお願い, 調査いただけ, 調査対象, 確認してください,
    ///   確認をお願い, 確認いただけ, 調べてください, 見てほしい, 見ていただけ, 解析してください.
    /// - English: investigate, look into, look at, take a look, examine, troubleshoot,
    ///   diagnose, analyze, please check, could you check, please review.
    ///
    /// Must not fire: another subscription's resource merely mentioned (a peered VNet,
    /// a shared Log Analytics workspace, a DNS zone in a hub subscription, the connection's
    /// source named in one sentence and the request's own VM asked about in the next); a
    /// request to look at it that says it is out of scope (調査対象外, 調査は不要, for
    /// reference only, no need to investigate); "we checked it ourselves"; 別途そちらから
    /// 起票いたします; tenant, correlation and tracking IDs; the request's own subscription;
    /// IDs in code blocks or logs.
    "cross-subscription-mention", Warning, check
}

const ASKS: &[&str] = &[
    "調査してください",
    "調査して下さい",
    "調査してほしい",
    "調査して欲しい",
    "調査していただ",
    "調査いただ",
    "調査をお願い",
    "調査願",
    "調査依頼",
    "調査対象",
    "確認してください",
    "確認して下さい",
    "確認してほしい",
    "確認して欲しい",
    "確認していただ",
    "確認いただ",
    "確認をお願い",
    "調べてください",
    "調べてほしい",
    "調べていただ",
    "見てほしい",
    "見て欲しい",
    "見ていただ",
    "見てください",
    "解析してください",
    "解析をお願い",
    "診断してください",
    "investigate",
    "look into",
    "look at",
    "take a look",
    "examine",
    "troubleshoot",
    "diagnose",
    "analyze",
    "analyse",
    "please check",
    "can you check",
    "could you check",
    "please review",
];

const OUT_OF_SCOPE: &[&str] = &[
    "対象外",
    "調査は不要",
    "調査不要",
    "確認は不要",
    "参考までに",
    "参考情報",
    "no need to",
    "not need to",
    "need not",
    "out of scope",
    "for reference",
    "for your reference",
    "not part of",
];

static ASK_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(ASKS));
static SCOPE_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(OUT_OF_SCOPE));

static RESOURCE_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/subscriptions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:/[^\s/`'\x22<>()（）\[\]、。]+)*").unwrap()
});
static GUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").unwrap()
});
static SUB_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)サブスクリプション|subscription|\bsub\b").unwrap());
static OTHER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)テナント|tenant|相関|correlation|tracking|追跡|activity|アクティビティ|request|リクエスト|client|クライアント|object|オブジェクト|application|アプリケーション|principal|operation|操作").unwrap()
});

/// A subscription GUID in `raw` (piece-relative ranges: what to report, the GUID).
fn foreign_mentions(raw: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut ids: Vec<Range<usize>> = Vec::new();
    for c in RESOURCE_ID.captures_iter(raw) {
        let mut whole = c.get(0).expect("group 0").range();
        // A sentence's full stop or comma after the ID is not part of it.
        let kept = raw[whole.clone()].trim_end_matches(['.', ',', ';', ':', '!', '?']);
        whole.end = whole.start + kept.len();
        let guid = c.get(1).expect("group 1").as_str().to_ascii_lowercase();
        ids.push(whole.clone());
        out.push((whole, guid));
    }
    for m in GUID.find_iter(raw) {
        if ids.iter().any(|r| r.start <= m.start() && m.end() <= r.end) {
            continue;
        }
        let mut from = m.start().saturating_sub(100);
        while !raw.is_char_boundary(from) {
            from += 1;
        }
        let window = &raw[from..m.start()];
        let sub = SUB_LABEL.find_iter(window).last().map(|x| x.end());
        let other = OTHER_LABEL.find_iter(window).last().map(|x| x.end());
        if let Some(s) = sub {
            if other.is_none_or(|o| o < s) {
                out.push((m.range(), m.as_str().to_ascii_lowercase()));
            }
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// What the sentence of `piece` around `at` says about looking at it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    /// Asks to investigate or check.
    Yes,
    /// Says nothing about it.
    No,
    /// Rules it out (調査対象外, for reference only).
    OutOfScope,
}

fn sentence_asks(piece: &Piece, at: usize) -> Ask {
    let s = piece.sentence_at(at);
    let text = piece.masked.get(s).unwrap_or("");
    if !SCOPE_SET.find(text).is_empty() {
        Ask::OutOfScope
    } else if OURS_ONLY.is_match(text) && SET_ASIDE.is_match(text) {
        // 先方は正常とのことなので、当方の…のみ / they confirmed it is healthy, so
        // please look at app-shop-west only: the ask is about something else.
        Ask::OutOfScope
    } else if asks_to_look(text) {
        Ask::Yes
    } else {
        Ask::No
    }
}

/// Looking into something (調査, 確認, 調べ, investigate, check, dig into, review).
static LOOK: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "調査|確認|調べ|見て|解析|分析|診断|チェック|拝見|ご覧|点検|精査|(?:ログ|トレース|メトリック)(?:を)?(?:取得|採取|収集|抽出)",
        r"\binvestigat\w*|\blook(?:ing)?\s+(?:into|at)\b|\b(?:take|have)\s+a\s+look\b|\bgo(?:es|ing)?\s+(?:through|over)\b|\bcheck\w*|\breview\w*|\bexamin\w*|\btroubleshoot\w*|\bdiagnos\w*|\banaly[sz]\w*|\bdig(?:ging)?\s+into\b|\bverif\w*|\binspect\w*|\b(?:pull|collect|gather|fetch|grab|export)\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+)?(?:logs?|traces?|telemetry|diagnostics|metrics)\b",
    ])
});

/// A later sentence taking the resource in (あわせて, こちらも, also, as well, it, both).
static ALSO: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "その(?:レジストリ|コンテナー ?レジストリ|キー ?コンテナー|ストレージ ?アカウント|サーバー|クラスター|ファイアウォール|ゲートウェイ|仮想マシン|データベース|ワークスペース)|あわせて|併せて|合わせて|こちらも|そちらも|そちらの|こちらの|それら|そのサブスクリプション|同様に|同時に|どちらも|いずれも|そのリソース|このリソース|当該|先方|相手(?:方|側)|だけでなく|のみならず|についても|側も|側の|も(?:お|ご)?(?:調べ|確認|調査|見て|チェック|解析)",
        r"\b(?:also|as\s+well|too|both|together|at\s+the\s+same\s+time|that\s+one|this\s+one|it|them|those|these)\b|\b(?:that|those)\s+(?:[\w-]+\s+)?(?:registry|registries|vault|account|server|cluster|firewall|gateway|resource|vm|database|workspace|subscription|instance)s?\b",
    ])
});

/// Another subscription named without its ID (別のサブスクリプション, our other subscription).
static OTHER_SUBSCRIPTION: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:別|他|異なる|ほか|もう一つ|もうひとつ)の?サブスクリプション",
        r"\b(?:another|other|different|second|separate)\s+(?:azure\s+)?subscriptions?\b",
    ])
});

/// The text asks support to look at something: a listed phrase, or a verb of looking
/// together with a request or a wish (ご確認のほどお願いします, 見ていただけると助かります,
/// can someone dig into, kindly verify).
fn asks_to_look(text: &str) -> bool {
    !ASK_SET.find(text).is_empty()
        || (LOOK.is_match(text) && (REQUEST.is_match(text) || WISH.is_match(text)))
}

/// A clause that asks to look at a resource of another subscription it names without
/// an ID (piece-relative range of the name).
fn asks_about_other_subscription(piece: &Piece) -> Option<Range<usize>> {
    crate::text::sentences(piece.masked).into_iter().find_map(|s| {
        clauses(&piece.masked[s.clone()]).into_iter().find_map(|c| {
            let text = &piece.masked[s.start + c.start..s.start + c.end];
            let r = OTHER_SUBSCRIPTION.find(text)?;
            (asks_to_look(text) && SCOPE_SET.find(text).is_empty())
                .then(|| s.start + c.start + r.start..s.start + c.start + r.end)
        })
    })
}

/// Words by which a later sentence takes in the resources named before it.
const BOTH: &[&str] = &[
    "両方を",
    "両方とも",
    "両方も",
    "双方を",
    "双方とも",
    "どちらも",
    "いずれも",
    "それぞれを",
    "そちらも",
    "both.",
    "both of them",
    "both resources",
    "both subscriptions",
    "each of them",
    "all of them",
    "these resources",
    "those resources",
];

static BOTH_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(BOTH));

/// One of the two sentences after the one around `at` (in this piece or the next ones
/// of its section) asks to look at the resource: it takes it in (both, あわせて, そちらの,
/// 先方, についても, also) or names it again (`afw-hub-01`), does not rule it out, and
/// does not limit the ask to this subscription's own resources (当方の…のみ).
fn later_sentence_asks_for_it(pieces: &[Piece], i: usize, at: usize, own: Option<&str>) -> bool {
    let p = &pieces[i];
    let cur = p.sentence_at(at);
    // Names of the other subscription's resources: not the request's own resource.
    let names: Vec<&str> = resource_names(p.masked.get(cur.clone()).unwrap_or(""))
        .into_iter()
        .filter(|n| own.is_none_or(|o| !o.eq_ignore_ascii_case(n)))
        .collect();
    let section = |q: &Piece| q.block.and_then(|b| b.section);
    let mut later: Vec<&str> = crate::text::sentences(p.masked)
        .into_iter()
        .filter(|s| s.start >= cur.end)
        .map(|s| &p.masked[s])
        .collect();
    for q in pieces[i + 1..].iter().take_while(|q| section(q) == section(p)) {
        if later.len() >= 2 {
            break;
        }
        later.extend(crate::text::sentences(q.masked).into_iter().map(|s| &q.masked[s]));
    }
    // A sentence that sets the resource aside (こちらは今回の件とは関係なく, it is
    // unrelated and works fine) ends the search: what follows is about something else.
    let set_aside = later.iter().take(2).position(|t| SET_ASIDE.is_match(t) && !asks_to_look(t));
    later.into_iter().take(set_aside.unwrap_or(2)).any(|text| {
        let takes_in = !BOTH_SET.find(text).is_empty()
            || ALSO.is_match(text)
            || names.iter().any(|n| text.contains(n));
        // The other side said to be fine, and the ask about the request's own
        // resource (ハブ側にエラーは記録されていないため、まずは vm-app-11 を確認して):
        // nothing asked about the other one.
        let ours_instead = SET_ASIDE.is_match(text) && own.is_some_and(|o| text.contains(o));
        takes_in
            && asks_to_look(text)
            && SCOPE_SET.find(text).is_empty()
            && !OURS_ONLY.is_match(text)
            && !ours_instead
    })
}

/// A later sentence anywhere in the body (in another section too) that asks to look at
/// the resource by the name its resource ID ends in (look at agw-state-edge's probe
/// configuration in that subscription): naming it takes it in, however far from the ID.
/// A sentence naming it that sets it aside ends the search.
fn later_ask_names_it(pieces: &[Piece], i: usize, after: usize, id: &str, own: Option<&str>) -> bool {
    let Some(name) = id
        .contains("/providers/")
        .then(|| id.trim_end_matches('/').rsplit('/').next().unwrap_or(""))
        .filter(|n| n.len() >= 4 && own.is_none_or(|o| !o.eq_ignore_ascii_case(n)))
    else {
        return false;
    };
    let name = name.to_ascii_lowercase();
    let later = pieces[i..].iter().enumerate().flat_map(|(k, q)| {
        crate::text::sentences(q.masked)
            .into_iter()
            .filter(move |s| k > 0 || s.start >= after)
            .map(move |s| &q.masked[s])
    });
    for text in later.filter(|t| t.to_ascii_lowercase().contains(&name)) {
        if SET_ASIDE.is_match(text) {
            return false;
        }
        if asks_to_look(text) {
            return SCOPE_SET.find(text).is_empty() && !OURS_ONLY.is_match(text);
        }
    }
    false
}

static SET_ASIDE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "関係(?:なく|ない|は?ありません|は?ございません)|無関係|正常に(?:動作|稼働)|問題(?:は)?(?:なく|ありません|ございません)|(?:エラー|異常|障害|ログ)(?:は|も)?[^。]{0,16}(?:記録|出て|発生|検知|確認)(?:されて|して|いたして)?(?:いない|いません|おらず|おりません)",
        r"\bunrelated\b|\bnot\s+(?:related|involved|part\s+of\s+the\s+problem)\b|\b(?:works?|working|is|are)\s+fine\b|\bhealthy\b|\bno\s+(?:errors?|failures?|issues?|anomal\w+)\s+(?:were\s+|was\s+|are\s+|is\s+)?(?:logged|recorded|seen|reported|found|on\s+(?:their|its|that|the\s+hub|the\s+other))\b",
    ])
});

/// Names of resources in `text` (`afw-hub-01`, `sqldb-hanbai-shared`): words with a
/// hyphen or a digit, at least four characters long.
fn resource_names(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .filter(|w| w.len() >= 4 && w.contains(['-', '_']) && w.chars().any(|c| c.is_ascii_alphabetic()))
        .collect()
}

/// An ask limited to this subscription's own resources (当方の…のみ, only ours).
static OURS_ONLY: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:当方|弊社|自社|こちら側|本サブスクリプション)の[^。]{0,30}(?:のみ|だけ)(?:です|を|で(?:す|お願い)|に(?:して|限))|(?:いただきたい|頂きたい|お願いしたい|ほしい|欲しい)のは[^。]{0,40}(?:のみ|だけ)|(?:のみ|だけ)(?:を)?(?:ご?確認|ご?調査|見て|調べ)",
        r"\bonly\s+(?:our|ours|the\s+\S+\s+in\s+this)\b|\bour\s+own\b|\b(?:look\s+at|check|investigate|review|focus\s+on)\s+[\w.-]+\s+only\b|\bonly\s+(?:need|want)\s+you\s+to\b|\bfocus\s+on\s+(?:our|this|the)\b",
    ])
});

/// The piece introduces a list or a following line with a request to look.
fn introduces_request(piece: &Piece) -> bool {
    let t = piece.masked.trim_end();
    let intro = t.ends_with([':', '：'])
        || ["以下", "下記", "次の", "following", "below"]
            .iter()
            .any(|w| t.to_ascii_lowercase().contains(w));
    intro && asks_to_look(t) && SCOPE_SET.find(t).is_empty()
}

/// The piece before a list of resource IDs: the items above piece `i` that hold only
/// IDs are skipped (`以下を調査してください:` then `- id1`, `- id2`).
fn intro_before<'p>(pieces: &'p [Piece], i: usize) -> Option<&'p Piece<'p>> {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let p = &pieces[k];
        let only_ids = p.block.is_some_and(|b| b.in_list_item) && p.masked.trim().is_empty();
        if !only_ids {
            return Some(p);
        }
    }
    None
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(ours) = ctx.form().and_then(|f| f.str("subscription")).and_then(|v| {
        crate::arm::subscription_guid(v).map(|r| v[r].to_ascii_lowercase())
    }) else {
        return;
    };
    // The request's own resource, by name (`vm-file-03`): naming it again is no ask
    // about the other subscription.
    let own_resource = ctx.form().and_then(|f| f.str("resource")).map(|r| r.trim_end_matches('/').rsplit('/').next().unwrap_or(r).to_string());
    let own = own_resource.as_deref();
    let prose = Prose::body(ctx);
    let pieces = &prose.pieces;
    let mut reported: HashSet<String> = HashSet::new();
    for (i, p) in pieces.iter().enumerate() {
        for (range, guid) in foreign_mentions(p.raw) {
            if guid == ours || reported.contains(&guid) {
                continue;
            }
            let ask = sentence_asks(p, range.start);
            let asks = ask == Ask::Yes
                || (ask == Ask::No
                    && (later_sentence_asks_for_it(pieces, i, range.start, own)
                        || later_ask_names_it(pieces, i, range.end, &p.raw[range.clone()], own)));
            // An ID standing alone under "以下を調査してください:" counts too.
            let alone = p.masked.trim().is_empty()
                || p.sentence_at(range.start).len() >= p.masked.trim_end().len();
            let asked_above = alone
                && ask != Ask::OutOfScope
                && intro_before(pieces, i).is_some_and(introduces_request);
            if !(asks || asked_above) {
                continue;
            }
            reported.insert(guid.clone());
            report(out, p.doc_range(range), &guid, &ours);
        }
    }
    // The sentence model, where no cue found the ask.
    if reported.is_empty() {
        if let Some((range, guid)) =
            model::threshold(RULE.name).and_then(|t| model_ask(ctx, &prose, &ours, &model::SHIPPED, t))
        {
            report(out, range, &guid, &ours);
            return;
        }
    }
    // Another subscription asked about by name only, when no ID of it was.
    if reported.is_empty() {
        if let Some(range) = pieces
            .iter()
            .find_map(|p| asks_about_other_subscription(p).map(|r| p.doc_range(r)))
        {
            let name = ctx.text[range.clone()].to_string();
            out.push(RULE.diag(
                range,
                msg!(
                    "This asks support to look at a resource of {name}, not of this request's subscription {ours}: file a separate request from that subscription (investigating another subscription's resources brings extra security checks and delays).",
                    "このお問い合わせのサブスクリプション {ours} ではなく、{name}のリソースの調査を依頼しています。そのサブスクリプションから別途お問い合わせを起票してください（異なるサブスクリプションのリソースの調査にはセキュリティ チェックが追加され、時間がかかります）。"
                ),
            ));
        }
    }
}

/// The sentence model's sign: another subscription's resource ID or GUID whose sentence,
/// or one of the two after it, scores `threshold` or more as asking support to look at
/// it; the mention's range and subscription.
#[cfg(test)]
pub(crate) fn model_sign(
    ctx: &Context,
    m: &model::Model,
    threshold: f32,
) -> Option<(Range<usize>, String)> {
    let ours = ctx.form().and_then(|f| f.str("subscription")).and_then(|v| {
        crate::arm::subscription_guid(v).map(|r| v[r].to_ascii_lowercase())
    })?;
    model_ask(ctx, &Prose::body(ctx), &ours, m, threshold)
}

fn model_ask(
    ctx: &Context,
    prose: &Prose,
    ours: &str,
    m: &model::Model,
    threshold: f32,
) -> Option<(Range<usize>, String)> {
    let _ = ctx;
    let h = model::head(RULE.name);
    let sentences: Vec<_> = prose.sentences().collect();
    for p in &prose.pieces {
        for (range, guid) in foreign_mentions(p.raw) {
            if guid == ours {
                continue;
            }
            let at = p.start + range.start;
            let Some(k) = sentences
                .iter()
                .position(|s| s.start <= at && at < s.start + s.text.len().max(1))
            else {
                continue;
            };
            if sentences[k..]
                .iter()
                .take(3)
                .any(|s| m.score(h, s.text) >= threshold)
            {
                return Some((p.doc_range(range), guid));
            }
        }
    }
    None
}

/// One finding on a resource ID or GUID of subscription `guid`.
fn report(out: &mut Vec<Diagnostic>, range: Range<usize>, guid: &str, ours: &str) {
    out.push(RULE.diag(
        range,
        msg!(
            "This asks support to look at a resource of subscription {guid}, not of this request's subscription {ours}: file a separate request from that subscription (investigating another subscription's resources brings extra security checks and delays).",
            "このお問い合わせのサブスクリプション {ours} ではなく、サブスクリプション {guid} のリソースの調査を依頼しています。そのサブスクリプションから別途お問い合わせを起票してください（異なるサブスクリプションのリソースの調査にはセキュリティ チェックが追加され、時間がかかります）。"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check};

    const OURS: &str = "6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f";
    const OTHER: &str = "0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d";

    fn doc(body: &str) -> String {
        format!("---\nsubscription: {OURS}\n---\n\n## 問題\n{body}\n")
    }
    fn rid(sub: &str) -> String {
        format!("/subscriptions/{sub}/resourceGroups/rg-db/providers/Microsoft.Sql/servers/sql-01")
    }


    #[test]
    fn asking_about_another_subscriptions_resource_fires() {
        let other = rid(OTHER);
        for body in [
            format!("接続先の «{other}» 側も調査してください。"),
            format!("接続先の `«{other}»` の設定も確認をお願いします。"),
            format!("Please also investigate «{other}»."),
            format!("Could you check «{other}» as well?"),
            format!("サブスクリプション ID «{OTHER}» のストレージも見てほしいです。"),
            format!("Please look into subscription «{}» too.", OTHER.to_uppercase()),
            format!("以下のリソースも調査してください:\n\n- «{other}»"),
            format!("Please take a look at the following resource:\n\n«{other}»"),
            format!("サブスクリプション {OURS} と «{OTHER}» の両方で発生しています。両方を調査してください。"),
            format!("It also happens on «{other}». Please investigate both."),
        ] {
            assert_spans(&RULE, &doc(&body));
        }
        // Asked about by its name in a later section, however far from the ID.
        let text = format!("---\nsubscription: {OURS}\n---\n\n## Problem\nThe app sits behind the shared database «{other}». Since Monday the app times out.\n\n## What we tried\nRestarted the app twice.\n\nChecked the firewall rules.\n\n## Request\nCould your engineer please check sql-01's audit logs in that subscription as part of this case?\n");
        assert_spans(&RULE, &text);
        let text = format!("---\nsubscription: {OURS}\n---\n\n## 問題\nアプリは共有データベース «{other}» に接続しています。月曜からタイムアウトします。\n\n## 試した対策\nアプリを再起動しました。\n\nファイアウォール規則を確認しました。\n\n## 依頼\nsql-01 の監査ログもこのお問い合わせで確認していただけますか。\n");
        assert_spans(&RULE, &text);
        // Named later only to set it aside, it is not asked about.
        let text = format!("---\nsubscription: {OURS}\n---\n\n## Problem\nThe app sits behind the shared database {other}. Since Monday the app times out.\n\n## What we tried\nRestarted the app.\n\nChecked the firewall rules.\n\n## Notes\nsql-01 is healthy and unrelated; please check our app only.\n");
        assert!(check(&RULE, &text).is_empty(), "{text}");
    }

    #[test]
    fn one_finding_per_other_subscription() {
        let other = rid(OTHER);
        let s = doc(&format!("«{other}» を調査してください。{other} の NSG も確認してください。"));
        assert_spans(&RULE, &s);
    }

    #[test]
    fn mere_mentions_and_own_subscription_stay_silent() {
        let other = rid(OTHER);
        let hub = format!("/subscriptions/{OTHER}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub");
        let own = rid(OURS);
        for body in [
            format!("vm-web-01 からピアリング先の VNet ({hub}) にある DNS サーバーへ接続できません。"),
            format!("Logs go to a shared Log Analytics workspace ({other})."),
            format!("ログは共有ワークスペース {other} に送信しています。vm-web-01 の接続を調査してください。"),
            format!("{own} を調査してください。"),
            format!("{} の設定を確認してください。", own.to_uppercase()),
            format!("ハブ側 {hub} は調査対象外です。"),
            format!("For reference only, please do not investigate {other}."),
            format!("テナント ID {OTHER} でサインインしています。調査してください。"),
            format!("Correlation ID {OTHER}. Please investigate the failure."),
            format!("ハブの VNet {other} とピアリングしています。vm-web-01 の両方の NIC を調査してください。"),
            format!("```\n{other} を調査してください\n```"),
        ] {
            assert!(check(&RULE, &doc(&body)).is_empty(), "{body}");
        }
        let s = format!("---\nsubscription: {OURS}\n---\n\n## Error messages\nPlease investigate {other}\n");
        assert!(check(&RULE, &s).is_empty());
    }

    #[test]
    fn the_other_side_said_fine_and_the_ask_about_our_resource_stay_silent() {
        let hub = format!("/subscriptions/{OTHER}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub");
        let doc = |body: String| {
            format!("---\nsubscription: {OURS}\nresource: /subscriptions/{OURS}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-web-01\n---\n\n## 問題\n{body}\n")
        };
        for body in [
            format!("名前解決はハブの VNet を経由します。\n\n{hub}\n\nハブ側の DNS サーバーにエラーは出ていないと聞いているため、vm-web-01 の NIC 側の設定を確認していただけますか。"),
            format!("DNS goes through the hub network.\n\n{hub}\n\nThe hub team sees no errors logged on their side, so could you check vm-web-01 first?"),
        ] {
            assert!(check(&RULE, &doc(body.clone())).is_empty(), "{body}");
        }
        // Asking about the other side as well still counts.
        let body = format!("名前解決はハブの VNet を経由します。\n\n«{hub}»\n\nハブ側の DNS サーバーも確認していただけますか。");
        assert_spans(&RULE, &doc(body));
    }

    #[test]
    fn silent_without_a_valid_subscription() {
        let body = format!("{} を調査してください。", rid(OTHER));
        for fm in ["", "subscription: not-a-guid\n", "subscription: [a]\n"] {
            let s = format!("---\n{fm}---\n\n{body}\n");
            assert!(check(&RULE, &s).is_empty());
        }
        // `Name (GUID)` is reduced to its GUID.
        let s = format!("---\nsubscription: Prod ({OURS})\n---\n\n{} を調査してください。\n", rid(OURS));
        assert!(check(&RULE, &s).is_empty());
    }
}
