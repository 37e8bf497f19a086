use std::sync::LazyLock;

use regex::Regex;

use crate::fields::Plan;
use crate::rules::text_rule::model;
use crate::rules::text_rule::speech::{Cue, REQUEST, WISH};
use crate::rules::text_rule::Prose;
use crate::text::{is_question, PhraseSet};
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// A summary or body that asks for a change to the product: a new feature, support
    /// for something the service does not do yet, an improvement, a limit lifted, or its
    /// roadmap. One finding per request, on the first such phrase. The message points at
    /// the Azure feedback site, and on premier and unified plans also at the customer
    /// success account manager (CSAM).
    ///
    /// Besides the listed phrases below, a sentence asks for a product change when it
    /// joins a product capability with a wish or with talk of the product's future:
    ///
    /// - capability: a feature wanted (機能があると, 機能拡張, 実装, 仕組みがあれば; a feature,
    ///   an option or setting to, the ability to, support for, native support), something
    ///   made possible (できるように, 使えるように, できると助かる; let us, allow users, be
    ///   able to), availability (GA, 一般提供, 利用可能に, サポートされる; available, GA), a
    ///   limit lifted (制限の緩和, 上限の引き上げ; the limitation lifted), the product group
    ///   (製品側, 開発部門; the product team), or a product that would do something (it would
    ///   help if Key Vault could …, if the portal showed …);
    /// - wish: 助かります, ありがたい, 嬉しい, 便利, 幸いです, ほしい, いただきたい,
    ///   いただけないでしょうか; it would be great / a big help if, we'd love, we wish, any
    ///   chance, we'd appreciate it if;
    /// - future: 予定, 見込み, 今後, 将来, いつ頃, ご検討, ロードマップ, 計画 (not 計画フェールオーバー,
    ///   a planned operation); will, going to, plans,
    ///   planned, planning, ETA, considering, in a future update, soon.
    ///
    /// A capability imagined in one sentence (ボタンがあれば, 一括編集ができれば, having a
    /// setting per container) counts with the next sentence when that one asks to adopt it
    /// (取り入れ, 検討, 実装, 追加, 反映; consider, add, implement, backlog) with a wish, talk
    /// of the future or a hedge, as a request or a question (今後の改善として取り入れて
    /// いただけないでしょうか). A question whether the product could do something (Could
    /// App Service expose …?) counts with a next sentence that welcomes it (That would
    /// really help us). A wish to have things work again while asking for the case to be
    /// worked on (接続できるようになれば助かりますので、原因の調査をお願いします), or back
    /// soon or as before (一刻も早く開けるようにしてほしい, 前のように表示できるように) is
    /// about the case, unless the product is named as what should change; a change that
    /// has come about (1 日 10 回を超えるようになり, 切れるようになってしまい) is the
    /// symptom's course; "support plan" is the customer's contract. Capabilities include taking something into the product
    /// (製品への取り込み, 改善として取り入れ, にも対応してもらえないか), and hedges a
    /// capability that would make work faster or easier (あれば…ずっと早くなる, would be
    /// much faster, would save us a lot of work).
    ///
    /// A request to take it to the product group (製品チームへのフィードバックとして, 開発部門
    /// にご要望をお伝えください; pass this on to the product team, log a feature ask, can the
    /// product team add …, are there any plans to …) counts by itself, and so does a
    /// question about the roadmap. A wish about the support case (call me back, reply in
    /// Japanese, check the logs, share a workaround: "if you / an engineer could …") has
    /// no capability and does not count; nor does a question about what exists today
    /// ("Does X support Y?", TLS 1.3 はサポートされていますか). `feature flag` and 機能フラグ
    /// are never a capability, and an incident's timeline (the exact timeline, the
    /// timeline of the outage) is what happened, not the product's plans.
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
    ///   plan to support, are there plans to support, when will … support, please add an
    ///   option, please add a feature, we would like you to add, GA date, ETA for GA,
    ///   product feedback; a question about the roadmap.
    ///
    /// Must not fire: "feature flag", 機能フラグ, "the feature is not working", 機能が動作しない,
    /// 機能を使うと失敗する, descriptions of the customer's own application features,
    /// この件に早急に対応してほしい (asking support to act), "Is TLS 1.3 supported?",
    /// TLS 1.3 はサポートされていますか (questions about what exists today), 次回の対応予定を教えてください,
    /// "after enabling the new feature", "it would be great if you could check the
    /// logs", ご回答は日本語でいただけると助かります, "we plan to add more nodes", "our team
    /// will add support for Parquet" (the customer's plan), "the roadmap of our own project", phrases in code or logs.
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
    "please add an option",
    "please add a feature",
    "please add the ability",
    "we would like you to add",
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

/// A product capability as a topic: a feature, an option, support for something,
/// availability or GA, the product group, making something possible (できるように, let
/// us, allowed), or a product that "could" do something (it would help if Key Vault
/// could …). Never `feature flag` / 機能フラグ (blanked first).
static CAPABILITY: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "機能(?:が|を|の|は)?ご?(?:あると|あれば|ほし|欲し|追加|拡張|提供|実装|改善|要望|検討)|新機能|機能拡張|実装|サポートされ|サポート対象|(?:改善|機能|要望|ご?意見|フィードバック)(?:点|案)?として[^。]{0,12}(?:取り入れ|反映|ご?検討|採用|お伝え|伝え)|(?:製品|サービス|ポータル)(?:側)?(?:に|へ)(?:の)?(?:反映|取り入れ|取り込み|組み込み|搭載)|取り入れて(?:いただ|頂|ほし|欲し|もら)",
        "に(?:も)?対応(?:して(?:いただ|頂|ほし|欲し|もら|くれ)|する予定|される予定|予定)|仕様(?:の)?(?:変更|を変|改善)|製品(?:側|として|チーム|グループ|部門|開発)|開発(?:部門|チーム|元)",
        "(?:オプション|設定項目|機能|メニュー|ボタン|仕組み|\\bAPI)(?:が|を)?(?:[^。]{0,12}?(?:追加|用意|提供|設け|搭載|組み込)|あれば|あると|ほしい|欲しい)|(?:制限|上限|制約)(?:が|を|の)?(?:緩和|撤廃|引き上げ|拡大|解除)|\\bGA\\b|一般提供|利用可能に|使えるように|追加されると|改善して(?:いただ|頂|ほし|欲し)",
        "[えけげせてねべめれ]る(?:ような|ように)|るように(?:して|なって)(?:いただく|頂く|もらう)ことは|(?:できる|使える|選べる|られる|れる)(?:ように|よう[、に]|と(?:大変|非常に|とても|すごく)?(?:助か|ありがた|嬉し|うれし|便利))",
        r"\bfeatures?\b|\bcapabilit(?:y|ies)\b|\bfunctionality\b|\b(?:option|setting|toggle|ability)\s+to\b|\bsupport\s+for\b|\bsupports?\b|\bnative(?:ly)?\b|\bout\s+of\s+the\s+box\b",
        r"\bproduct\s+(?:group|team)\b|\bimprovement\b|\benhancement\b|\bga\b|\bgeneral(?:ly)?\s+availab\w+|\bavailable\b|\b(?:eta|timeline|timeframe)\s+(?:for|on)\b|\b(?:limit(?:ation)?s?|restrictions?|cap|quota)\b[^.]{0,30}?\b(?:lifted|raised|removed|relaxed|increased|extended)\b",
        r"\blet\s+(?:us|users|customers|me)\b|\ballow(?:s|ed)?\s+(?:us|users|customers|me|more)\b|\ballowed\b|\badd(?:ing|ed)?\s+(?:an?\s+|the\s+)?(?:option|setting|feature|support|ability|toggle|\w+\s+support)\b|\bbe\s+able\s+to\b|\bimplement\w*|\ba\s+way\s+to\b|\bhaving\s+(?:a|an)\s+(?:\w+\s+){0,3}(?:setting|option|toggle|button|feature|way|api|switch)\b|\bgets?\s+(?:added|implemented|supported)\b",
        r"\bif\s+\w+(?:\s+\w+){0,3}?\s+(?:could|would|let|allowed|supported|had|offered|provided|exposed|showed|displayed|included|gave|accepted|kept)\b",
    ])
});

/// Subjects of "if X could …" that are the support case, not the product.
static NOT_PRODUCT: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        r"^if\s+(?:an?\s+|the\s+|your\s+|our\s+|one\s+of\s+(?:your|the)\s+)?(?:you|we|i|someone|somebody|anyone|support|engineers?|colleagues?|person|teams?|team\s+members?|specialists?|experts?|staff|agents?)\b",
    ])
});

/// Talk of the future of the product (予定, 今後, 将来, ご検討, will, planned, ETA,
/// considering).
static FUTURE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        // 計画 as a plan, not the first half of a compound (計画フェールオーバー, 計画メンテナンス:
        // a planned operation, no talk of the product's future).
        "予定|見込み|見通し|今後|将来|いつ(?:頃|ごろ)|ロードマップ|計画(?:が|は|を|に|の|も|中|され|して|です|で|[、。？?]|$)|検討",
        r"\bwill\b|\bgoing\s+to\b|\bplan(?:s|ned|ning)?\b|\broadmap\b|\beta\b|\btimeline\b|\bconsider(?:ing|ed)?\b|\bin\s+the\s+future\b|\bfuture\s+(?:release|update|version)s?\b|\bsoon\b|\bupcoming\b|\bsomeday\b|\beventually\b|\bexpected\s+to\b",
    ])
});

/// Asking to take a wish to the product group, or to file it as a feature request.
static TO_PRODUCT: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:製品|開発)(?:チーム|グループ|部門|側)?(?:へ|に)(?:の)?(?:フィードバック|要望|ご要望|お伝え|伝え)",
        r"\b(?:pass|forward|submit|send|raise|log|file)\b[^.]{0,30}?\b(?:product\s+(?:group|team)|engineering|pg|dev(?:elopment)?\s+team)\b|\bfeature\s+(?:ask|suggestion)\b|\b(?:improvement|enhancement)\s+(?:suggestion|request)\b",
        r"\b(?:product\s+(?:group|team)|engineering(?:\s+team)?|pg|dev(?:elopment)?\s+team|microsoft)\s+(?:to\s+)?(?:add|implement|support|build|consider|provide|offer|make|improve|change)\b",
        r"\b(?:any|are\s+there|is\s+there|have|has)\s+(?:any\s+)?plans?\s+to\b|\b(?:product\s+(?:group|team)|engineering|pg)\s+(?:might|could|would|will)\s+(?:\w+\s+)?(?:take\s+on|consider|add|implement|look\s+at)\b|\b(?:pass|forward|send)\b[^.]{0,40}?\bas\s+(?:a\s+)?(?:wish|feature\s+request|suggestion|feedback|improvement)\b",
    ])
});

/// A hedged ask to change the product: whether it is possible or something they would
/// take on (していただくことは難しいでしょうか, ご検討いただけないものでしょうか, it
/// would make life easier, is that something … might take on).
static HEDGED_ASK: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:いただく|頂く|もらう|いただける|頂ける)ことは(?:難しい|可能|でき)|ものでしょうか|楽にな|(?:あれば|あると|あったら|できれば|できると|なれば|なると)[^。]{0,30}(?:早く|速く|楽に|簡単に|効率|スムーズ|短縮|省け)",
        r"\bwould\s+it\s+be\s+possible\s+(?:for\s+(?:the\s+)?(?:product|service|portal|platform|azure|microsoft)|to\s+(?:add|have|get|support|implement|provide|offer))\b|\bwould\s+make\s+(?:\w+\s+){0,3}(?:easier|simpler|better)\b|\bwould\s+(?:be\s+)?(?:much\s+|a\s+lot\s+|far\s+)?(?:faster|easier|simpler|quicker)\b|\bwould\s+save\s+(?:us\s+)?(?:a\s+lot\s+of\s+|so\s+much\s+)?(?:time|effort|hours|work)\b|\bis\s+(?:that|this|it)\s+something\b|\b(?:might|could|would)\s+(?:\w+\s+)?(?:take\s+on|consider)\b",
    ])
});

/// A question about the product's roadmap.
static ROADMAP: LazyLock<Cue> = LazyLock::new(|| Cue::new(&[r"\broadmap\b|ロードマップ"]));

/// `feature flag` / 機能フラグ: the customer's switch, not a product wish; `support plan`:
/// the customer's contract, not the product's plans; an incident's timeline (the exact
/// timeline, the timeline of the outage, 障害の時系列): what happened, not when the
/// product will change.
static FLAG: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "機能フラグ|フィーチャー ?フラグ|サポート ?プラン",
        r"\bfeature[- ]?(?:flags?|toggles?|switch(?:es)?)\b|\bsupport\s+plans?\b|\b(?:standard|developer|basic|premier|unified)\s+plans?\b",
        r"\b(?:exact|precise|detailed|full|complete|incident|outage|event|failure|interruption)\s+timeline\b|\btimeline\s+of\s+(?:the|this|that|what|our|events?)\b",
    ])
});

/// The first product wish in a sentence composed of a capability and a wish or talk
/// of the future, or addressed to the product group (sentence-relative range).
fn composed_wish(sentence: &str) -> Option<std::ops::Range<usize>> {
    let mut text = sentence.to_string();
    for r in FLAG.find_all(sentence) {
        text.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    if let Some(r) = TO_PRODUCT.find(&text) {
        return Some(r);
    }
    if is_question(&text) {
        if let Some(r) = ROADMAP.find(&text) {
            return Some(r);
        }
    }
    // Wishing to have it work again, and asking for the case to be worked on
    // (接続できるようになれば助かりますので、原因の調査をお願いします): a wish about the
    // support case, unless the product is named as what should change.
    if CASE_WORK.is_match(&text) && !PRODUCT_WORD.is_match(&text) {
        return None;
    }
    if !(WISH.is_match(&text) || FUTURE.is_match(&text) || HEDGED_ASK.is_match(&text)) {
        return None;
    }
    CAPABILITY.find_all(&text).into_iter().find(|r| {
        let m = text[r.clone()].to_ascii_lowercase();
        let handle = m.starts_with("に対応") && handles_the_case(&text[..r.start]);
        !handle && !NOT_PRODUCT.is_match(&m) && !BECAME.is_match(&text[r.end..])
    })
}

/// A change that has come about (超えるようになり, 切れるようになってしまい, 落ちるように
/// なった), read after 〜るように: the symptom's course, not a capability wished for
/// (できるようになりませんか, 使えるようになってほしい stay wishes).
static BECAME: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&["^(?:なり(?:[、,]|まし|ます[。、]|つつ)|なった|なって(?:います|いました|おります|おりました|き|しま|まい|[、,]))"])
});

/// A capability imagined (ボタンがあれば, if the portal showed): the sentence-relative
/// range, unless the subject is the support case (if you could …).
fn imagined_capability(sentence: &str) -> Option<std::ops::Range<usize>> {
    let r = IMAGINED.find(sentence)?;
    let m = sentence[r.clone()].to_ascii_lowercase();
    let who = m.split_whitespace().nth(1).unwrap_or("");
    let the_case = matches!(
        who,
        "you" | "someone" | "somebody" | "anyone" | "support" | "your" | "we" | "i" | "an" | "our"
    );
    (!NOT_PRODUCT.is_match(&m) && !the_case).then_some(r)
}

static IMAGINED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:ボタン|機能|オプション|設定項目|画面|メニュー|仕組み|\\bAPI|手段|項目|表示)(?:が|を|も)?(?:あれば|あると|あったら|できれば|できると)|(?:が|も)(?:できれば|できると|可能になれば|可能になると)|(?:できる|使える|選べる|られる|見られる|確認できる)(?:ように|よう)(?:なれば|なると|なったら)",
        r"\bif\s+(?:the\s+)?\w+(?:\s+\w+){0,3}?\s+(?:could|would|let|allowed|supported|had|offered|provided|exposed|showed|displayed)\b|\bhaving\s+(?:a|an)\s+(?:\w+\s+){0,3}(?:setting|option|toggle|button|feature|way|api|switch)\b",
        r"^\s*(?:could|can|would|will)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:expose|show|display|support|offer|provide|allow|let|add|include|keep|export|log|emit|send|accept|list|surface)\b",
    ])
});

/// A sentence asking to take something into the product (取り入れていただけないでしょうか,
/// ご検討いただけますか, could this be considered for the roadmap?): a verb of adopting
/// with a wish, talk of the future or a hedge, asked as a request or a question.
fn asks_to_take_in(sentence: &str) -> bool {
    TAKE_IN.is_match(sentence)
        && (WISH.is_match(sentence) || FUTURE.is_match(sentence) || HEDGED_ASK.is_match(sentence))
        && (REQUEST.is_match(sentence) || is_question(sentence))
}

/// A sentence that welcomes what the one before imagined (That would really help us,
/// それがあると助かります): a wish pointing back.
fn welcomes_it(sentence: &str) -> bool {
    POINTS_BACK.is_match(sentence) && WISH.is_match(sentence)
}

static POINTS_BACK: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "^\\s*(?:それ|これ|そう|そのような|そういった|こういった)",
        r"^\s*(?:that|this|it)\b",
    ])
});

static TAKE_IN: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "取り入れ|検討|実装|追加|反映|採用|改善",
        r"\bconsider\w*|\badd(?:ed|ing)?\b|\bimplement\w*|\bbuild\b|\broadmap\b|\bbacklog\b",
    ])
});

/// Work on the support case: investigating, restoring, a workaround, or getting back
/// what worked before (再び接続できるように), soon (一刻も早く開けるように: haste is for
/// what broke, never for a product change).
static CASE_WORK: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "調査|原因|復旧|解消|回避策|対処|切り分け|(?:再び|また|もう一度|元どおり|元通り|正常に|前のように|元のように|今まで(?:どおり|通り)|一刻も早く|大至急|至急|早急に|今すぐ|すぐにでも)[^。]{0,12}(?:できる|使える|つなが|繋が|[えけげせてねべめれ]る ?よう)",
        r"\binvestigat\w*|\broot\s+cause\b|\brestor\w+|\btroubleshoot\w*|\bworkaround\b|\b(?:working|work)\s+again\b|\bback\s+(?:up|online)\b",
    ])
});

/// The product named as what should change (製品, 機能, feature, roadmap).
static PRODUCT_WORD: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "製品|機能|ロードマップ|開発(?:部門|チーム)|仕組み|オプション|ボタン|メニュー|\\bGA\\b",
        r"\bproduct\b|\bfeatures?\b|\broadmap\b|\bga\b|\boptions?\b|\bbuttons?\b|\btoggles?\b",
    ])
});

/// A sentence telling what the customer did to their own system (当社アプリの機能追加を
/// リリースしました, 機能追加リリース後に, we added a feature to our app), asking for
/// nothing.
fn reports_own_change(sentence: &str) -> bool {
    OWN_CHANGE.is_match(sentence)
        && !(WISH.is_match(sentence)
            || REQUEST.is_match(sentence)
            || FUTURE.is_match(sentence)
            || is_question(sentence))
}

static OWN_CHANGE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:当社|弊社|自社|社内|当方|私たち|我々)|(?:しました|いたしました|行いました|実施しました|リリースしました|デプロイしました|適用しました)|(?:リリース|デプロイ|適用|反映)(?:後|以降|直後|してから|した後)",
        r"\b(?:we|our\s+team|i)\s+(?:added|released|shipped|deployed|built|rolled\s+out)\b|\bour\s+(?:own\s+)?(?:app|application|service|product|system)\b|\bafter\s+(?:we\s+)?(?:released|deployed|releasing|deploying|shipping|rolling\s+out)\b",
    ])
});

/// The customer as the one who will do it, right before the phrase (our analytics team
/// will add support for Parquet, we are going to add support for…): their own plan, not
/// a request to the product.
static CUSTOMER_WILL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:we|i|our\s+(?:own\s+)?(?:[a-z-]+\s+){0,2}(?:team|developers|engineers|vendor|partner))\s+(?:will|'ll|are\s+going\s+to|am\s+going\s+to|plan\s+to|intend\s+to|are\s+planning\s+to)\s+(?:\w+\s+){0,2}$|\b(?:we|i)'ll\s+(?:\w+\s+){0,2}$",
    )
    .unwrap()
});

/// `before` (the text before `に対応してほしい`) names the case, not a product:
/// "please handle this".
fn handles_the_case(before: &str) -> bool {
    let before: String = before.trim_end().chars().rev().take(4).collect();
    HANDLE.iter().any(|h| {
        let rev: String = h.chars().rev().collect();
        before.contains(&rev)
    })
}

/// Whether the sentence of `text` up to byte `end` (a 〜ようにしてほしい) asks for haste or
/// a return (一刻も早く開けるように, 前のように表示できるように): to restore what broke,
/// not for a new capability, unless it names the product as what should change.
fn asks_it_back(text: &str, end: usize) -> bool {
    let start = text[..end].rfind(['。', '\n', '？', '！']).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let before = &text[start..end];
    CASE_WORK.is_match(before) && !PRODUCT_WORD.is_match(before)
}

/// Words before `に対応してほしい` that make it "please handle this", not "support X".
const HANDLE: &[&str] = &["件", "問題", "障害", "事象", "至急", "早急", "迅速", "すぐ"];

/// The sentence model's sign: the first sentence scoring `threshold` or more as one
/// that asks for a capability the product lacks.
#[cfg(test)]
pub(crate) fn model_sign(
    ctx: &Context,
    m: &model::Model,
    threshold: f32,
) -> Option<std::ops::Range<usize>> {
    model::first_sentence(&Prose::with_summary(ctx), m, RULE.name, threshold)
}


fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut first: Option<std::ops::Range<usize>> = None;
    for p in &Prose::with_summary(ctx).pieces {
        let mut hits: Vec<std::ops::Range<usize>> = p
            .find(&SET)
            .into_iter()
            .map(|m| m.range)
            .filter(|r| !reports_own_change(&p.masked[p.sentence_at(r.start)]))
            .filter(|r| !CUSTOMER_WILL.is_match(&p.masked[p.sentence_at(r.start).start..r.start]))
            .filter(|r| !(p.masked[r.clone()].contains("ように") && asks_it_back(p.masked, r.end)))
            .collect();
        for c in PATTERNS.captures_iter(p.masked) {
            let m = c.get(1).or_else(|| c.get(0)).expect("group 0 always matches");
            if m.as_str().starts_with('に') && handles_the_case(&p.masked[..m.start()]) {
                continue;
            }
            if m.as_str().starts_with('よ') && asks_it_back(p.masked, m.end()) {
                continue;
            }
            hits.push(m.range());
        }
        // Composed cues where no listed phrase or pattern gave the span; a capability
        // imagined in one sentence (ボタンがあれば…) and asked for in the next
        // (今後の改善として取り入れていただけないでしょうか) count together.
        if hits.is_empty() {
            let mut imagined: Option<std::ops::Range<usize>> = None;
            for s in crate::text::sentences(p.masked) {
                let text = &p.masked[s.clone()];
                if let Some(r) = composed_wish(text).filter(|r| !CUSTOMER_WILL.is_match(&text[..r.start])) {
                    hits.push(r.start + s.start..r.end + s.start);
                    break;
                }
                if let Some(r) = imagined.take() {
                    if asks_to_take_in(text) || welcomes_it(text) {
                        hits.push(r);
                        break;
                    }
                }
                imagined = imagined_capability(text).map(|r| r.start + s.start..r.end + s.start);
            }
        }
        if let Some(r) = hits.into_iter().min_by_key(|r| r.start) {
            first = Some(p.doc_range(r));
            break;
        }
    }
    let first = first.or_else(|| {
        let t = model::threshold(RULE.name)?;
        model::first_sentence(&Prose::with_summary(ctx), &model::SHIPPED, RULE.name, t)
    });
    let Some(range) = first else { return };
    let phrase = ctx.text[range.clone()].to_string();
    let premier = matches!(ctx.plan(), Some(Plan::Premier | Plan::Unified));
    let mut message = msg!(
        "\"{phrase}\" reads as a feature request: support does not track product changes. Post it on https://feedback.azure.com/d365community/ , where the product groups read it.",
        "「{phrase}」は機能要望と読めます。サポートでは製品の変更を追跡しません。https://feedback.azure.com/d365community/ に投稿してください（開発部門が直接参照しています）。"
    );
    if premier {
        message.en.push_str(" If the gap blocks your continued use of Azure, also contact your customer success account manager (CSAM).");
        message.ja.push_str("Azure の継続利用の大きな障壁となる場合は、担当のカスタマー サクセス アカウント マネージャー、CSAM にもご連絡ください。");
    }
    out.push(RULE.diag(range, message));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{en_problem as en, ja_problem as ja, assert_spans, check};



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
            "管理画面に今すぐ入れるようにしていただきたいです。",
            "止まった受付ページを至急見られるようにしてほしい。",
            "元どおり注文を受けられるようにしてほしいです。",
            "お店のページを前のように速く表示できるようにしてほしいです。",
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
            // The customer's own plan, not a request to the product.
            "Our own analytics team will add support for Parquet on their side later.",
            "We are going to add support for the new API in our app next month.",
        ] {
            assert!(check(&RULE, &en(body)).is_empty(), "{body}");
        }
        let s = "---\n---\n\n## Error messages\nFeature request denied: please add support for TLS 1.3\n";
        assert!(check(&RULE, s).is_empty());
    }
}
