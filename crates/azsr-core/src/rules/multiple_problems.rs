use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::catalog::Catalog;
use crate::rules::text_rule::model;
use crate::rules::text_rule::speech::{Cue, ASKS_TO_KNOW, RELAYED, REQUEST};
use crate::rules::text_rule::topic::{self, Subject};
use crate::rules::text_rule::{services_named, Piece, Prose};
use crate::sections::SectionKind;
use crate::text::{is_question, sentences, PhraseSet};
use crate::{msg, Context, Diagnostic, Msg};

declare_rule! {
    /// ## What it checks
    ///
    /// A request that bundles several problems, in the summary or the body: two problem
    /// sections, a question about a service not named before, a follow-up introduced as
    /// another matter, or another service said to fail too. One finding per request, on
    /// the earliest sign. The signs:
    ///
    /// - two or more `problem` sections; a problem section headed as questions (質問,
    ///   Questions) after the problem holds the questions about it, and counts only
    ///   when it brings a subject (the bill, a quota, a backup, sign-in) or a service
    ///   that nothing before it spoke of;
    /// - a question in the problem section that names an Azure service named nowhere
    ///   before it (a catalog name, an alias such as App Service or 仮想マシン, a product
    ///   name such as Azure DevOps), shares no content word with an earlier question, does
    ///   not point back (この/その/同じ/the same/this error) and does not ask whether something is
    ///   behind the problem (DNS が原因でしょうか, 可能性はありますか, could X be causing
    ///   it). A question is a sentence or list item ending in `?`, `？`, `か。` or
    ///   `でしょうか`. Questions that name no new service (原因は？ どのログを取得すれば？
    ///   猶予期間は設定できますか？) are about the problem in hand, however different their
    ///   words;
    /// - a follow-up introduced as another matter: a listed phrase (別件, another
    ///   question, on an unrelated note) or other words: a turn away from the problem
    ///   (本題とは別, 話は変わりますが, 話の筋が変わって恐縮ですが, ところで, それとは別に; on a different topic,
    ///   changing the subject, switching gears, while I have you, while this case is
    ///   open, since I have a ticket open, since I'm writing anyway, unconnected, but,
    ///   on the billing side:, 本件とは対象も内容も異なるお話ですが, 問い合わせているついでに, not connected to the cache problem at all,
    ///   "PS, not VPN related:", "different resource:", moving on, unrelated),
    ///   another subject named as such (別の話 / 件 / 質問 / トピック, 全然違う話; a
    ///   different / separate issue, another problem), more to come (他にもいくつか質問,
    ///   もう 2 点, もう 1 件; two more things, a couple of other questions, other doubts),
    ///   a count of matters or troubles (問題は 2 つあります, 以下の 2 件, …できない件と…の
    ///   件について、それぞれ, いま二つ困っています, ふたつめは; two separate issues), another project (別プロジェクトで、; for a different
    ///   project), bundling
    ///   (まとめてのご相談; sorry to bundle these), an opportunity taken (この機会に
    ///   お聞きしたい, この場を借りて, ついでに聞いといて; while we're at it, taking this
    ///   opportunity), something
    ///   said to be apart from the problem (本件とは性質が異なる, 本件と直接の関係はないの
    ///   ですが, 今回のお問い合わせとはテーマが違いますが, separate from this,
    ///   nothing to do with the above, something else entirely:), or a topic closed (X については上記の
    ///   とおりです, is described above) followed by a sentence that names a new service. A
    ///   cue taken back by the words around it (別件ではなく, not a separate issue) does not
    ///   count;
    /// - a question in the problem section whose subject nothing before it speaks of,
    ///   told by classes of subject rather than by service names (`text_rule/topic.rs`):
    ///   money (料金, 請求書, 費用; invoice, charges, refund), a quota (クォータ, vCPU の
    ///   上限, vCPU を 48 から 96 に上げて; more cores, limit increase, the IP address
    ///   limit raised) or the subscription itself (サブスクリプションの
    ///   移管, 名前の変更, サブスクリプションを分ける; move, rename, transfer, create a new
    ///   subscription) new to a technical request (or to one
    ///   about another of these), or a technical subject in a billing one; in a list of
    ///   questions, also a technical subject other than the machine or the network (証明書,
    ///   バックアップ, アラート, デプロイ, サインイン; certificate, backup, alert,
    ///   deployment, sign-in) that nothing before it speaks of. A question that asks how
    ///   to get out of the problem (回避, 復旧, 改善; workaround, fix) or whether
    ///   something is behind it stays about the problem, and so does what a change would
    ///   cost next to a question whether that change would fix it (P2v3 にスケールアップ
    ///   すれば改善しますか。スケールアップした場合の費用は？; how much more would Premium SSD
    ///   v2 cost?); questions that share a subject are about one thing even when they name
    ///   several services (the bills of Azure Files and of Blob storage are one billing
    ///   question). A billing, quota or subscription subject new to the text counts even
    ///   when a statement shares a word with both questions (自動 in 自動パッチ and in
    ///   自動で上がる); a word the two questions share ties them, but not a resource's name
    ///   (whether a reservation applies to vm-batch-11 is a billing question), nor any word
    ///   when the question brings the bill new to the text (what Defender costs on a
    ///   stopped VM, in a request about a slow VM: the machine billed is not the machine
    ///   broken; a quota on the problem's disk stays tied by the word), and asking
    ///   where to confirm it (どこで確認できますか) keeps such a subject apart;
    /// - matters labelled one after the other in the problem section (ログインの件: …
    ///   月末の支払いの件: …, 【請求について】, Regarding sign-in: … Regarding our
    ///   invoice: …) whose second brings money, a quota or the subscription to the first,
    ///   or, labelled as a matter (…の件), shares no subject with it; labels of one
    ///   problem's parts (発生状況について:, ネットワークについて:, Regarding impact:) do not
    ///   count otherwise;
    /// - a statement that another service fails too (Azure AD Connect の同期エラーも続いて
    ///   おります, こちらについても確認をお願いします, the Key Vault firewall blocks our
    ///   Functions app too) that names a service not named before, unless it reports no
    ///   problem (エラーは出ていません, works fine) or points back (同じ, 同様の, the same;
    ///   not "the same" of a name or an occasion: with the same name, in the same go);
    ///   a service counts when named in lower-case words that spell its catalog name (our
    ///   container registry), and a failure told includes throttling (429s, throttled);
    /// - a failure on another resource of the same kind opened as an added matter
    ///   (Separately, on another VM of the same customer, we cannot extend the OS disk;
    ///   それと、別の VM でディスクの拡張が失敗します), unless it is the same failure (同じ
    ///   エラー, the same error) or nothing fails there (別の VM では問題なく接続できています);
    /// - a question in the contacts section (佐々木からは、…も伺いたいとのことです, could
    ///   whoever picks this up tell him…) that names a service not named before: the
    ///   section names people, so a question relayed there is another matter, and so is
    ///   a failure told there of such a service with the ask in the next sentence (the
    ///   File Sync server has shown "Sync failed". Could you look at that one too?); and a
    ///   question relayed from someone else there or in the notes (お客様からご質問を
    ///   お預かりしています, …を伺いたいとのお申し出がありました, …も確認してほしいと申しております, she has asked us to find out…) whose subject class (money,
    ///   sign-in, the subscription…) nothing before spoke of;
    /// - もう一点, もう一つ, あともう一つ, 併せて, ついでに, 別途, それから, 加えて, さらに,
    ///   最後に, also, additionally, separately, in addition, one more thing, another
    ///   thing, lastly,
    ///   finally, when they open a question or a request that names a service not named
    ///   before, or a statement or question whose subject is money, a quota or the
    ///   subscription, new to the text (加えて、…の転送料金が 3 倍になっています; the bill
    ///   new to the text counts whatever "the same" compares in it: two line items with
    ///   the same meter); a
    ///   sentence that adds an ask in other words (…の方法も知りたいです, we also want to
    ///   understand our bill) counts alike when its subject is one of those: "Also, is
    ///   there a workaround?" is about the same problem, and もう一点 adding a detail
    ///   (もう一点補足いたしますと…) is neither. Outside the problem section (a note under
    ///   補足, その他, Additional notes, or after what was tried) these count when the
    ///   sentence or the next one asks, a wish to know included (…について伺いたいことが
    ///   あります, we want to know): a statement there is background.
    ///
    /// Questions are read in the problem section and under a heading of no known section
    /// (質問事項, 確認したい点, Questions for you), where people list what they ask.
    /// The items of a list under a sentence that announces questions (以下 3 点ご教示
    /// ください, in the problem section or as the goal just before it, 以下について、それぞれご教示ください, a few questions:) are questions even
    /// when written as nouns, and so are list items that ask (…を教えてください) and the
    /// items of a list followed by …について、ご教示ください. Questions after a question
    /// about money (料金, 課金) that name no other subject stay on the bill, and once money
    /// is the matter a question about an amount stays on it whatever meter or service it
    /// names (「Log Analytics」2,950 円: なぜ増えたのでしょうか). A question
    /// that guesses at the cause (Could the SNAT ports be exhausted?), asks how to
    /// confirm something (どこで確認, which metrics show …) or whether a change would help
    /// (Would a larger plan help?) is about the problem, whatever service it names. 現在も
    /// and 誰も are "still" and "nobody", not "too". A
    /// sentence that sets something aside as unrelated and fine, asking nothing
    /// (こちらは今回の件とは関係なく、正常に動作しています), announces no new matter.
    /// A count before も (1 件もありませんでした) is "not one", not "another matter too".
    /// "The same" of a place or of data (同じリソース グループにある…, 同じデータを処理して
    /// いる…, the same subscription) says where another thing is and does not point back.
    /// 別 after a noun (リソース別に確認, by resource) is "by", not "separately", and 別で
    /// after が, は or も (サブスクリプションが別で) says that something differs.
    /// English points back with "the same", "above", "this error", "is it", "fix it"; a
    /// bare `that` or `it` (the certificate that is stored) does not. A Japanese これ or
    /// その after a clause ending in が or けど (上限が 200 になっているのですが、これは…)
    /// points inside its own sentence, not back. A Latin name
    /// counts as a service only when written with a capital (Backup, not
    /// "the backup job"), a Japanese one only as two words or with a kanji (ストレージ
    /// アカウント, 仮想マシン, not バックアップ): common nouns are no subject. Numbered
    /// reproduction steps and resource IDs never count.
    ///
    /// Where none of these signs is found, a small statistical model reads the body's
    /// sentences after its first that ask (a question, a request, a wish to know; not a
    /// list's introduction) and are not only about subjects spoken of before them: a
    /// score that adds up a weight for every short piece of the sentence (one to three
    /// characters of Japanese, three to five Latin letters), learned from labelled
    /// sentences of the development drafts (`rules/judgment_dev/sentences.tsv`: sentences
    /// that began another matter, and the sentences of requests about one problem). A
    /// sentence that scores high enough as another matter, and higher than as a
    /// reference to an earlier request, a feature wish or an ask about another
    /// subscription's resource, is a sign when it also brings something the request had
    /// not spoken of: a subject class, a service, or, opened as an addition (あと,
    /// それと, also, by the way), a word of its own. The cause, the timeline, the impact,
    /// the workaround, the prevention, the logs or the recurrence of the problem in hand,
    /// and an outage now with its cause asked for later, are one matter however the
    /// questions are worded. The weights are a file in the repository and
    /// the result is the same on every run; the model is used because, on batches of
    /// drafts it was not trained on, it found requests the cues missed without flagging a
    /// clean one.
    ///
    /// ## Why
    ///
    /// Support asks for one request per smallest separate problem: each goes to the team
    /// for its service, is staffed for its volume, and can be worked on in parallel. A
    /// related question that comes up on the way but differs from the original request
    /// belongs in a new request too (naming the first one's number). When unsure how to
    /// split, file one and ask the engineer.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ## 問題
    /// vm-web-01 に RDP 接続できません。原因は何でしょうか。
    ///
    /// 別件ですが、Blob ストレージの料金の見積もり方法も教えてください。
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ## 問題
    /// vm-web-01 に RDP 接続できません。原因は何でしょうか。回避策はありますか？
    /// ```
    ///
    /// ## Trigger phrases
    ///
    /// - Japanese: 別件, 別の質問, また別の質問, 別の件で; もう一点, もう1点, もう一つ,
    ///   併せて, あわせて, ついでに, 別途 (opening an unrelated question); questions ending in
    ///   ？, か。, でしょうか.
    /// - English: another question, a separate question, an unrelated question, unrelated
    ///   issue, on an unrelated note, a second issue, a second question; also,
    ///   additionally, separately, in addition, one more thing (opening an unrelated
    ///   question); questions ending in ?.
    ///
    /// Must not fire: one problem with follow-up questions about it (原因は？ 回避策は？,
    /// "Why does it fail? Is there a workaround?", a numbered list of questions about the
    /// same failure), the bills of several services asked about together, another
    /// resource set aside as unrelated and fine, "Also, we restarted the VM", 併せて NSG も確認しました, もう一点補足いたし
    /// ますと…, 話が前後して恐縮ですが, 関連するかは不明ですが, "not a separate issue", a wish
    /// about the request itself (ご回答は日本語で, please call me back), numbered reproduction
    /// steps, question marks in code, logs or the `errors` section.
    "multiple-problems", Warning, check
}

const STRONG: &[&str] = &[
    "別件",
    "別の質問",
    "また別の質問",
    "別の件で",
    "別のご質問",
    "another question",
    "a separate question",
    "separate question",
    "an unrelated question",
    "unrelated question",
    "unrelated issue",
    "unrelated problem",
    "on an unrelated note",
    "a second issue",
    "a second question",
    "a second problem",
];

const WEAK: &[&str] = &[
    "もう一点",
    "もう1点",
    "もう一つ",
    "もうひとつ",
    "併せて",
    "あわせて",
    "合わせて",
    "ついでに",
    "別途",
    "また",
    "also",
    "additionally",
    "separately",
    "in addition",
    "one more thing",
    "another thing",
    "besides",
    "あともう一つ",
    "あともう一点",
    "あと一つ",
    "それから",
    "それと",
    "加えて",
    "さらに",
    "最後に",
    "lastly",
    "finally",
    "on top of that",
    "furthermore",
    "moreover",
    "なお",
    "ちなみに",
    "あと",
    "by the way",
    "btw",
    "oh and",
    "oh, and",
    // A closing item (last thing:, one final question): what follows is added.
    "last thing",
    "one last thing",
    "one final thing",
    "last question",
    "one last question",
    "final question",
    "one more question",
    "最後にもう一点",
    "最後に一つだけ",
    "最後にひとつだけ",
];

const ANAPHORA: &[&str] = &[
    "この",
    "その",
    "これ",
    "それ",
    "同じ",
    "同様",
    "上記",
    "本件",
    "当該",
    "本事象",
];

/// A Latin reference back to the problem (the same, this error, is it, does that): a
/// bare `that` or `it` is too common (the certificate that is stored, recreate it).
static LATIN_ANAPHORA: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        r"\bthe\s+same\b|\babove\b|\b(?:this|that|these|those)\s+(?:issue|problem|error|failure|behaviou?r|outage|timeout|crash|restart|reboot|symptom|message|case|incident|one|ones|disconnect\w*|drop\w*|slowdown|latency|spike)s?\b|\b(?:is|does|did|was|will|can|could|would|has)\s+(?:it|this|that)\b|\bit\s+(?:happen|fail|occur|stop|crash|time|break|recur|keep|start)\w*|\b(?:fix|avoid|prevent|resolve|reproduce|stop)\s+(?:it|this|that)\b",
    ])
});

/// Words too general to tell two questions apart.
const GENERIC: &[&str] = &[
    // Japanese
    "原因", "理由", "方法", "回避", "回避策", "対処", "対処法", "対策", "手順", "可能", "問題",
    "事象", "確認", "場合", "状態", "設定", "発生", "今回", "現在", "以下", "上記", "影響",
    "対応", "解決", "調査", "質問", "教示", "情報", "内容", "推奨", "必要", "有無", "期待",
    "動作", "仕様", "正常", "今後", "恒久", "再発", "防止", "回答", "何故", "一点", "別件",
    "エラー", "メッセージ", "サポート", "お問い合わせ", "ワークアラウンド",
    // English
    "what", "why", "how", "when", "where", "which", "who", "is", "are", "was", "were", "the",
    "there", "any", "can", "could", "would", "should", "will", "does", "did", "have", "has",
    "for", "and", "but", "with", "from", "into", "our", "your", "you", "please", "tell",
    "know", "way", "possible", "cause", "causes", "caused", "reason", "workaround", "fix",
    "issue", "problem", "expected", "behavior", "behaviour", "recommended", "supported",
    "also", "about", "else", "other", "same", "happen", "happens", "happened", "help", "need",
    "want", "like", "get", "see", "use", "make", "then", "than", "not", "its", "we", "us",
    "additionally", "separately", "addition", "one", "more", "thing", "besides", "question",
    "another", "error", "errors", "again", "still", "now", "this", "that", "these", "those",
    "it", "do", "be", "to", "of", "in", "on", "at", "or", "if", "an", "a", "there's",
    "what's", "option", "options", "solution", "resolve", "avoid", "prevent", "way",
    "azure", "microsoft",
];

static STRONG_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(STRONG));

/// A new subject announced in other words: a turn away from the problem (本題とは別,
/// 話は変わりますが, ところで, on a different topic, while I have you), something said to
/// be unrelated (関係ありませんが, unrelated), or more questions or things to come
/// (他にもいくつか質問, もう 2 点, two more things, a few other questions).
static NEW_SUBJECT: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "本題とは|(?:本件|この件|上記|こちら|先ほど|前述|今回|この(?:お)?問い?合わ?せ|今回の(?:お)?問い?合わ?せ)(?:の[^。、]{0,8})?(?:と|とは)(?:性質|内容|種類|趣旨|分野|話題|系統|毛色|テーマ|ジャンル|カテゴリ)(?:が|の)?(?:異な|違|別)|(?:本件|この件|その件|上記|こちら|これ|それ|[^。、]{1,12}の件)(?:と|とは)(?:全く|まったく|全然|直接|特に)?(?:は)?(?:別|異な|関係|関連)|とは(?:関係|関連)(?:の)?(?:ない|ありません|ございません|しない|しません)|(?:関係|関連)(?:は|が|の)?(?:ない|ありません|ございません)(?:の|です|が|けど)|(?:本件|この件|上記|こちら|[^。、]{1,12}の件)(?:と|とは)(?:は)?(?:直接|全く|まったく|全然|特に)?(?:の|的な|的に|には)?(?:関係|関連)(?:は|が|の)?(?:ない|ありません|ございません|なく)|無関係",
        "(?:違う|異なる|別の?|関係(?:の)?ない|関連(?:の)?ない|無関係な?)(?:話|件|質問|内容|テーマ|トピック|事柄|問題|相談|こと)|(?:^|[^\\p{Han}\\p{Katakana}ーがはも])別(?:で|に(?:気にな|質問|確認|お伺い|伺い|相談|教え))|話(?:の)?(?:筋|流れ|方向|向き|趣旨)?(?:は|が)(?:少し|ちょっと|大きく|がらりと)?(?:変わ|かわ|それ|逸れ|ずれ)|(?:その他|そのほか|ほかに|他に)[^。]{0,40}?(?:質問|お伺い|伺いたい|相談させ)|話題(?:は|が)?(?:変わ|かわ)|別の(?:話|話題|件|質問|ご質問|問題|トピック|事柄|内容|相談|ご相談)|別(?:トピック|テーマ|問題)|(?:^|[、, ])ところで[、, ]|ついで(?:と言って|ながら|で(?:恐縮|申し訳|すみません))|ついでに(?:お?(?:聞き|伺い|質問|尋ね|教え|確認させ|相談)|(?:聞い|訊い|きい)(?:て|と|た))|(?:これ|それ|本件|この件)とは別件|^別件(?:で|ですが|になりますが)|(?:この|せっかくの)機会に[^。]{0,20}(?:お聞き|伺|質問|ご相談|相談|教えて|確認させ)|この場を(?:借りて|お借りして)|せっかく(?:なので|ですので)[^。]{0,20}(?:お聞き|伺|質問|ご?相談|教えて)",
        "(?:他|ほか)にも(?:いくつか|何点か|数点|[0-9一二三両]+ ?点|[0-9一二三]+ ?つ)?[^。]{0,12}?(?:質問|お伺い|伺い|確認させ|相談|教えて|ご教示)|(?:もう|あと|追加で|別途)(?: ?[0-9二三両] ?(?:点|つ)|いくつか|何点か|数点)",
        r"\b(?:on|onto|to)\s+(?:a\s+|an\s+|the\s+)?(?:different|separate|unrelated|other|another|new)\s+(?:topic|note|subject|matter)\b|\b(?:different|separate|unrelated)\s+(?:topic|subject|matter|thing|issue|question|problem|note|item)s?\b|\b(?:new|another|second)\s+(?:topic|subject|matter)\b|\b(?:switch|chang)(?:e|es|ing)?\s+gears\b",
        r"\bchang(?:e|ing)\s+(?:the\s+)?(?:subject|topic)s?\b|\bwhile\s+(?:i|we)(?:'m|'re|\s+am|\s+are|\s+have\s+you|'ve\s+got\s+you)\s*(?:at\s+it|here|on\s+the\s+line)?\b|\bunrelated\b|\bnot\s+(?:at\s+all\s+)?(?:related|connected)\s+to\s+(?:the|this|our|my)\s+(?:[\w-]+\s+){0,3}?(?:issue|problem|case|request|ticket)\s+at\s+all\b|\bsince\s+(?:i|we)\s+(?:have|'ve\s+got|already\s+have)\s+(?:a|an|this|the)\s+(?:ticket|case|request)\s+open\b|\bnot\s+[\w-]+[- ]related\s*[:,]|\b(?:not|isn't|is\s+not)\s+(?:related|connected)\s+to\s+(?:the\s+above|the\s+(?:issue|problem)\s+above|(?:the\s+)?(?:main|first)\s+(?:issue|problem|question))\b|\b(?:a\s+few|several|a\s+couple\s+of|two|three|[23])\s+(?:different\s+|separate\s+|unrelated\s+)?things\s+(?:we|i)\s+(?:need|want|would\s+like|'d\s+like)\b",
        "別(?:の)?(?:プロジェクト|案件)(?:で|の件で|について|に関して)[、,]",
        "(?:本件|この件|今回の件|上記|こちら)(?:と|とは)[^。、]{1,16}?(?:まったく|全く|全然)?(?:異なる|違う|別の)(?:お?話|件|内容|事柄|ご?相談|ご?質問|テーマ)|(?:書いて|連絡して|問い合わせて|ご連絡して)(?:いる|る|おる)ついでに",
        r"\bunconnected\s*(?:,|:|but\b|to\s+(?:this|that|the\s+above))|\b(?:since|while|as)\s+(?:i|we)(?:'m|\s+am|'re|\s+are)\s+writing\b|\bon\s+the\s+(?:money|billing|cost|costs|finance|licen[cs]ing|account|admin)\s+(?:side|front)\s*[:,]",
        r"\b(?:for|on|in)\s+(?:a\s+)?(?:different|separate|another|other)\s+project\b",
        "(?:い|た|る|の|だ)件と[、 ]?[^。]{1,40}?の件(?:について|に関して)?[、,]?[^。]{0,6}(?:それぞれ|両方|個別に|まとめて)",
        "(?:続いて|次に|次は|続きまして|もう(?:一|1|ひと)つは|(?:2|二) ?つ目は)[、,]?[^。]{1,30}?の件|(?:問題|課題|事象|不具合|ご?相談(?:事項)?|案件|トピック)(?:は|が)? ?(?:2|二|3|三|4|四|複数|いくつか) ?(?:つ|件|点)?(?:あり|ござい|存在)|(?:2|二|3|三|複数) ?(?:つ|件)の(?:問題|課題|不具合|ご?相談|案件|件|事柄|テーマ)|(?:2|二|ふた|3|三|みっ) ?(?:つ|点)(?:目|め)(?:は|[:：、])|(?:2|二|ふた|3|三|みっ) ?つ(?:の(?:こと|事))?(?:で|に|、)?(?:困って|悩んで)|困って(?:いる|る|おる)(?:こと|事)(?:が|は)[^。]{0,4}(?:2|二|ふた|3|三|みっ) ?つ|(?:もう|あと) ?(?:1|一|ひと) ?件|(?:他|ほか)にも[^。]{0,10}件|(?:以下|下記|次)の ?(?:2|二|3|三|複数) ?(?:件|つの(?:問題|事象|件|相談))|(?:2|二|3|三|複数) ?件(?:について|、|です|あります|ございます|ご?相談|を(?:まとめて|ご?相談|ご?質問|お?問い合わせ|お伺い|伺い|確認させ|ご確認|ご教示|教えて))|まとめて(?:の)?(?:ご?質問|ご?相談|お問い合わせ|問い合わせ|お伺い|確認させ)",
        r"\b(?:next|now|secondly|second|lastly|finally|then)\s*,?\s+(?:about|regarding|on|re:?|concerning)\s+[^.:,]{1,30}[:,]|\bsomething\s+else\s+(?:going\s+on|to\s+(?:ask|mention|raise|report)|(?:we|i)\s+(?:need|want|wanted))\b|\b(?:there(?:'s|\s+is)\s+also|(?:we|i)\s+also\s+have)\s+(?:another|a\s+second|one\s+more|something\s+else)\b|\b(?:two|three|four|several|multiple|[234])\s+(?:separate\s+|different\s+|distinct\s+|unrelated\s+)?(?:issues|problems)\b|\banother\s+(?:issue|problem|matter|topic)\b|\b(?:bundl\w+|combin\w+|lump\w*)\s+(?:these|them|several|multiple|two|a\s+few)\b|\bmoving\s+on\b|^\s*something\s+(?:else|different)(?:\s+(?:entirely|altogether|now|too))?\s*[:,]|\bwhile\s+(?:we're|we\s+are|i'm|i\s+am)\s+at\s+it\b|\b(?:taking|take|using|use)\s+this\s+(?:opportunity|chance)\b|\bsince\s+(?:i|we)\s+(?:have|'ve\s+got)\s+(?:you|your\s+attention)\b|\b(?:on\s+)?to\s+something\s+(?:else|different)\b|\bwhile\s+(?:this|the|our|my)\s*(?:case|ticket|request|thread)?\s+is\s+(?:open|still\s+open|active)\b",
        r"\bseparate\s+(?:problem|issue|question|matter)\b|\b(?:separate|different|unrelated|apart)\s+from\s+(?:this|that|the\s+above|(?:the|our|my)\s+(?:main\s+|first\s+)?(?:issue|problem|question|request))\b|\bnothing\s+to\s+do\s+with\s+(?:this|that|the\s+above|(?:the|our|my)\s+(?:main\s+|first\s+)?(?:issue|problem|question))\b|\b(?:a\s+few|(?:a\s+)?couple(?:\s+of)?|several|some|two|three|[23])\s+(?:more|other|additional|further|unrelated|separate)\s+(?:things|questions|issues|problems|topics|items|matters)\b|\b(?:also\s+|some\s+|a\s+few\s+|two\s+|three\s+)?(?:other|more|additional|further)\s+(?:doubts|queries)\b|\b(?:two|three|[23]|a\s+few|a\s+couple\s+of|several)\s+more\s+things\b|\b(?:a\s+)?different\s+resource\s*[:,]",
    ])
});

/// Words right after a new-subject cue that take it back (別件ではなく, not a separate issue).
static DENIED_AFTER: LazyLock<Cue> =
    LazyLock::new(|| Cue::new(&["^(?:では|じゃ)(?:なく|ない|ありません|ございません)"]));
static DENIED_BEFORE: LazyLock<Cue> =
    LazyLock::new(|| Cue::new(&[r"\b(?:not|n't|no)\s+(?:a\s+|an\s+)?$"]));

/// The first new subject announced in a sentence of the prose (document range): a
/// listed phrase or a [`NEW_SUBJECT`] cue, unless the words around take it back.
fn new_subject(prose: &Prose) -> Option<Range<usize>> {
    prose.sentences().find_map(|s| {
        // "X は本件とは関係なく、正常に動作しています" sets something aside as fine,
        // asking nothing: context, not another matter.
        if NO_PROBLEM.is_match(s.text) && !is_question(s.text) && !REQUEST.is_match(s.text) {
            return None;
        }
        let mut found: Vec<Range<usize>> =
            STRONG_SET.find(s.text).into_iter().map(|m| m.range).collect();
        found.extend(NEW_SUBJECT.find_all(s.text));
        found.sort_by_key(|r| r.start);
        found.into_iter().find_map(|r| {
            let mut from = r.start.saturating_sub(12);
            while !s.text.is_char_boundary(from) {
                from += 1;
            }
            let denied =
                DENIED_AFTER.is_match(&s.text[r.end..]) || DENIED_BEFORE.is_match(&s.text[from..r.start]);
            (!denied).then(|| s.doc_range(r))
        })
    })
}

static WEAK_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(WEAK));
static ANAPHORA_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(ANAPHORA));
static GENERIC_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| GENERIC.iter().copied().collect());

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Kanji,
    Katakana,
    Other,
}

fn script(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '_' | '-' | '.' => Script::Latin,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' => Script::Kanji,
        '\u{30A0}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9F}' => Script::Katakana,
        _ => Script::Other,
    }
}

/// Content words of a text: Latin words (lower case, plural `s` dropped) and the
/// two-character pieces of kanji and katakana runs, without general words.
fn topics(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut run = String::new();
    let mut kind = Script::Other;
    let folded: String = text.chars().map(crate::text::fold_char).collect();
    let flush = |run: &mut String, kind: Script, out: &mut HashSet<String>| {
        let word = run.trim_matches(['-', '.', '_']).to_string();
        run.clear();
        if word.is_empty() || GENERIC_SET.contains(word.to_lowercase().as_str()) {
            return;
        }
        match kind {
            Script::Latin => {
                let w = word.to_lowercase();
                if w.len() >= 2 && w.chars().any(|c| c.is_ascii_alphabetic()) {
                    let w = w.strip_suffix('s').filter(|s| s.len() >= 3).unwrap_or(&w);
                    out.insert(w.to_string());
                }
            }
            Script::Kanji | Script::Katakana => {
                for seg in strip_generic(&word) {
                    let chars: Vec<char> = seg.chars().collect();
                    for pair in chars.windows(2) {
                        // A katakana pair that opens on a small kana or ー (ョン, ーシ) is
                        // the inside of a word, shared by unrelated ones (ローテーション,
                        // リージョン): the word's other pairs tell it.
                        if matches!(pair[0], 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ャ' | 'ュ' | 'ョ' | 'ッ' | 'ー') {
                            continue;
                        }
                        out.insert(pair.iter().collect());
                    }
                }
            }
            Script::Other => {}
        }
    };
    for c in folded.chars() {
        let k = script(c);
        if k != kind || k == Script::Other {
            flush(&mut run, kind, &mut out);
            kind = k;
        }
        if k != Script::Other {
            run.push(c);
        }
    }
    flush(&mut run, kind, &mut out);
    out
}

/// Cuts general words (`対処`, `方法`) and suffixes (`的`, `性`, `等`) out of a kanji or
/// katakana run; returns the remaining pieces.
fn strip_generic(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    while i < chars.len() {
        let generic = (2..=chars.len() - i)
            .rev()
            .find(|&n| GENERIC_SET.contains(chars[i..i + n].iter().collect::<String>().as_str()));
        if let Some(n) = generic {
            out.push(std::mem::take(&mut cur));
            i += n;
            continue;
        }
        if matches!(chars[i], '的' | '性' | '等') {
            out.push(std::mem::take(&mut cur));
            i += 1;
            continue;
        }
        cur.push(chars[i]);
        i += 1;
    }
    out.push(cur);
    out.retain(|s| s.chars().count() >= 2);
    out
}

/// A content word that names a resource (`vm-batch-11`, `sql_prod2`): Latin with a
/// hyphen, an underscore or a digit.
fn is_resource_name(word: &str) -> bool {
    word.is_ascii()
        && word.contains(|c: char| c == '-' || c == '_' || c.is_ascii_digit())
        && word.contains(|c: char| c.is_ascii_alphabetic())
}

fn refers_back(text: &str) -> bool {
    // "The same" of a place (同じリソース グループにある…, the same subscription) says
    // where another thing is, not that the problem is spoken of again.
    let mut text = text.to_string();
    for r in SAME_PLACE.find_all(&text).into_iter().rev() {
        text.replace_range(r, " ");
    }
    let text = text.as_str();
    // A Japanese demonstrative after a clause that ends in が or けど (…が 200 になって
    // いるのですが、これは…) points at that clause, inside the same sentence: only the
    // words before it can point back to the problem.
    let head = CLAUSE_THEN.find(text).map_or(text, |r| &text[..r.start]);
    !ANAPHORA_SET.find(head).is_empty() || LATIN_ANAPHORA.is_match(text)
}

/// "The same" of a place or of data (同じリソース グループ, 同じデータを処理している,
/// the same subscription, a vault with the same name) or of the occasion (in the same
/// go, at the same time): where or when another thing is, no reference back.
static SAME_PLACE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "同じ ?(?:リソース ?グループ|サブスクリプション|リージョン|テナント|仮想ネットワーク|VNet|データ|ストレージ ?アカウント|ワークスペース|お客様|顧客|会社|チーム|部署|プロジェクト|名前)",
        r"\bthe\s+same\s+(?:resource\s+group|subscription|region|tenant|vnet|virtual\s+network|data|storage\s+account|workspace|customer|client|company|team|department|project|name)\b|\b(?:in|at)\s+the\s+same\s+(?:go|time|ticket|case|request)\b",
    ])
});

/// The end of a clause that sets up what follows in the same sentence (…のですが、,
/// …ますけど、).
static CLAUSE_THEN: LazyLock<Cue> =
    LazyLock::new(|| Cue::new(&["(?:のです|んです|ます|です|った|いる|ある)(?:が|けど|けれど|けれども)[、，,]"]));

/// A question asking whether something is behind the problem (DNS が原因でしょうか,
/// ファイアウォールの設定でしょうか, それとも…, could the SKU be the bottleneck?): it is about the problem, whatever it names.
static HYPOTHESIS: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "原因(?:に|と)(?:な|して)|原因(?:でしょうか|ですか|なのでしょうか|として)|(?:の|が)(?:設定|問題|不具合|仕様|制限|影響|障害|誤り)(?:でしょうか|ですか|なのでしょうか)|^(?:それとも|あるいは|もしくは)|によるもの|起因|影響(?:して|する|し|が)|関係(?:して|する|し|が)|関連(?:して|する|し|が)|可能性|せい",
        r"\b(?:be|is|are|was|were|could|might)\b[^?]{0,40}\b(?:causing|cause|responsible|related|to\s+blame|the\s+culprit|the\s+bottleneck|a\s+factor)\b|\b(?:due\s+to|because\s+of|caused\s+by)\b|^\s*(?:could|might|may|can|is\s+it\s+possible\s+that)\b[^?]{0,80}\bbe\b|\b(?:would|could)\s+(?:that|this|it)\s+explain\b",
    ])
});

/// A statement that something else fails too (Xも失敗します, also fails, too).
static SECOND_PROBLEM: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:件|問題|事象|不具合|エラー)(?:について|に関して)?も[、 ]?(?:あり|ござい|発生|見て|確認|調査|ご確認|お願い|起きて|出て|困って)|(?:こちら|これ|そちら)(?:について|に関して)?も[^。]{0,15}(?:確認|調査|対応|見て|お願い|ご教示|教えて)",
        "[\\p{Han}\\p{Katakana}A-Za-z0-9)）ー] ?(?:で|に|から|側|のほう|の方|について)?も(?:[、 ]?[^。う、 ][^。]{0,29}?|[、 ]?)(?:エラー|失敗|でき(?:ない|ません|ず)|発生|遅|止ま|落ち|不具合|問題|表示されな)",
        "^(?:同時に|それから|加えて|さらに|他にも|ほかにも)[、,]?[^。]{0,60}?(?:エラー|失敗|でき(?:ない|ません|ず)|遅|止ま|落ち|不具合|問題)",
        r"\b(?:also|too|as\s+well)\b[^.]{0,60}?\b(?:fails?|failing|failed|errors?|broken|not\s+working|stopped|doesn't|does\s+not|can't|cannot|won't|unable|slow|times?\s*out|timeouts?|throttl\w+|rejected|denied|evicted|429|50[0-9])\b|\b(?:fails?|failing|failed|errors?|broken|stopped|slow)\b[^.]{0,40}?\b(?:too|as\s+well)\b",
    ])
});

/// `text` with adverbs that end in も blanked (現在も, 今も, 誰も, 何度も): "still" and
/// "nobody", not "X too".
fn without_adverbial_mo(text: &str) -> String {
    let mut out = text.to_string();
    for r in ADVERBIAL_MO.find_all(text) {
        out.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    out
}

static ADVERBIAL_MO: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&["現在も|今も|今でも|いまも|依然として|それでも|いつも|何度も|誰も|一度も|少しも|何も|どれも|よりも|(?:[0-9]+|一|ひと) ?(?:件|つ|回|個|人|名|行|台)も"])
});

/// A sentence that reports no problem (エラーは出ていません, no errors, works fine).
static NO_PROBLEM: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:出て|発生して|見られ|記録されて|確認されて)(?:い|お)(?:ません|らず|ない)|(?:エラー|問題|異常)(?:は|も)?(?:ありません|ございません|ない|なし|見当たり)|正常",
        r"\bno\s+(?:errors?|issues?|problems?)\b|\bnothing\b|\b(?:fine|healthy|normally|as\s+expected)\b|\bworks\b",
    ])
});

/// A sentence that tells of a failure (エラー, できない, 止まって; failed, errors, not
/// working, rejects, throttled).
static FAULT: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "エラー|失敗|でき(?:ない|ません|ず|なく)|止ま|落ち|不具合|繋がら|つながら",
        r"\b(?:fail\w*|errors?|broken|not\s+working|stopped|down|can't|cannot|unable|won't|reject\w*|denied|throttl\w*|time[sd]?\s*out|timeouts?)\b",
    ])
});

/// Another resource (another VM, a different storage account, 別の VM, もう 1 台のサーバー).
static OTHER_RESOURCE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:別|他|ほか)の ?(?:VM|仮想マシン|サーバー?|マシン|クラスター|ストレージ ?アカウント|アカウント|データベース|DB|アプリ|リソース|ゲートウェイ|レジストリ|コンテナー|ディスク|ワークスペース)|もう ?(?:1|一|ひと) ?(?:台|つ)の",
        r"\b(?:another|a\s+different|a\s+second|the\s+other)\s+(?:[\w-]+\s+)?(?:vm|virtual\s+machine|server|machine|cluster|storage\s+account|account|database|app|gateway|registry|vault|disk|workspace|resource)s?\b",
    ])
});

/// `text` with places (the same customer, 同じリソース グループ) blanked.
fn without_same_place(text: &str) -> String {
    let mut text = text.to_string();
    for r in SAME_PLACE.find_all(&text).into_iter().rev() {
        text.replace_range(r, " ");
    }
    text
}

/// A strict reference back (同じ, 同様, the same): `this` or `it` alone is too common in a
/// statement to say it is about the same problem.
fn refers_back_strictly(text: &str) -> bool {
    STRICT_ANAPHORA.is_match(text)
}

static STRICT_ANAPHORA: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&["同じ|同様の|同様な|上記|本件|当該|本事象", r"\bthe\s+same\b|\babove\b"])
});

/// A topic said to be done with (X については上記のとおりです, is described above): a
/// service first named after it starts another matter.
static TOPIC_CLOSED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:は|については|に関しては)上記(?:の)?(?:とおり|通り)(?:です|でございます|となります)",
        r"\b(?:is|are|was|were)\s+(?:described|detailed|covered|explained)\s+above\b|\bdetails\s+above\b",
    ])
});

/// A paragraph or item of the problem section opening with the label of a matter
/// (ログインの件:, 【請求について】, Regarding the invoice:, About sign-in:).
static MATTER_LABEL: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "^\\s*(?:[0-9]+[.)．） ]\\s*)?(?:【[^】。]{1,24}(?:の件|について|に関して)】|[^。:：、\\n]{1,24}(?:の件|について|に関して)\\s*[:：])",
        r"^\s*(?:[0-9]+[.)]\s*)?(?:regarding|re:?|concerning|as\s+for)\s+[^.:?\n]{1,40}:(?:\s|$)",
    ])
});

/// The label of the second of two labelled matters of the problem section whose
/// subjects ([`topic::subjects`]) share nothing (labels that name a matter, 「…の件」),
/// or whose second brings money, a quota or the subscription to the first: the second
/// label's range. Labels of
/// one matter's parts (状況:, Impact:) name no subject class and never count.
fn second_labelled_matter(pieces: &[Piece]) -> Option<Range<usize>> {
    let mut first: Option<u16> = None;
    for p in pieces.iter().filter(|p| {
        p.block
            .is_some_and(|b| b.section == Some(SectionKind::Problem) && b.kind != crate::body::BlockKind::Heading)
    }) {
        let Some(label) = MATTER_LABEL.find(p.masked) else {
            continue;
        };
        let s = topic::subjects(p.masked);
        if s == 0 {
            continue;
        }
        // 「…の件」 names a matter; 「…について」 or "Regarding …" may name a part of one
        // problem (the network, the VM), so only money, a quota or the subscription new
        // to the first makes it another matter.
        let matter = p.masked[label.clone()].contains('件');
        match first {
            None => first = Some(s),
            Some(f) if (matter && f & s == 0) || topic::administrative(s) & !f != 0 => {
                return Some(p.doc_range(label))
            }
            Some(_) => {}
        }
    }
    None
}

/// Both the text and what came before it (`seen`, subject bits) speak of money (prices, invoices, charges): the bill of several services
/// is one question, whatever services it names.
fn one_money_matter(seen: u16, text: &str) -> bool {
    let s = topic::subjects(text);
    topic::has(seen, Subject::Billing) && (s == 0 || topic::has(s, Subject::Billing))
}

/// A question (`text`) whose subject nothing before it (`c`, subject bits) speaks of: the bill, a quota or
/// the subscription itself in a technical request, or a technical subject in a billing
/// one; in a list of questions, also a technical subject other than the machine or the
/// network (a certificate, a backup, an alert, a deployment, sign-in) next to questions
/// about another one, unless it asks how to get out of the problem (回避, 復旧, fix).
fn new_subject_class(c: u16, text: &str, listed: bool, technical: bool, fix_before: bool) -> bool {
    let s = topic::subjects(text);
    if s == 0 || HYPOTHESIS.is_match(text) || cost_of_the_fix(s, text, fix_before) {
        return false;
    }
    // Money, a quota or the subscription itself, new to a technical request (or to
    // one about another administrative subject): the cost of a longer retention is a
    // question for billing, not for the failing backup.
    if topic::administrative(s) & !c != 0 && (c != 0 || technical) && !asks_way_out(text, true) {
        return true;
    }
    if c == 0 || s & c != 0 {
        return false;
    }
    let (sa, ca) = (topic::only_administrative(s), topic::only_administrative(c));
    if ca && !sa {
        return true;
    }
    listed
        && !sa
        && !topic::has(s, Subject::Compute)
        && !topic::has(s, Subject::Network)
        && !topic::has(s, Subject::Monitoring)
        && !remedy(text)
}

/// What a change would cost (スケールアップした場合の費用, how much more would it cost;
/// money, neither a quota nor the subscription),
/// asked where the text (`fix_before`) or the question itself asks whether that change
/// would fix the problem: the price of the way out, about the same problem.
fn cost_of_the_fix(s: u16, text: &str, fix_before: bool) -> bool {
    topic::has(s, Subject::Billing)
        && !topic::has(s, Subject::Quota)
        && !topic::has(s, Subject::Account)
        && COST_OF_A_CHANGE.is_match(text)
        && (fix_before || remedy(text))
}

/// The cost of a change (変更した場合の料金, スケールアップすると費用は, what would that
/// cost, how much more would X cost).
static COST_OF_A_CHANGE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:し|え|げ|やし|替え|移行し|変更し|上げ)た(?:場合|ら|とき|時)|(?:する|える|げる|やす|替える)と|(?:スケール ?(?:アップ|アウト)|アップグレード|増強|変更|移行|切り替え|切替)(?:した場合|後|の場合|に伴う|による|すると|で)",
        r"\bwould\s+(?:that|this|it|the\s+\w+(?:\s+\w+)?|[\w-]+(?:\s+[\w-]+){0,3})\s+cost\b|\bhow\s+much\s+(?:more\s+|extra\s+)?(?:would|will|does)\b|\b(?:cost|price|charge)s?\s+(?:of|for)\s+(?:upgrading|scaling|moving|switching|changing|adding|increasing|that|this|the\s+(?:upgrade|change|switch|move|larger|bigger|higher))\b|\bif\s+we\s+(?:upgrade|scale|move|switch|change|add|increase)\b",
    ])
});

/// A sentence that adds to what was said (…の方法も知りたい, we also want, as well).
static ADDITIVE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "も[、 ]?(?:教えて|知りたい|確認したい|ご教示|お聞き|伺い|ご?相談|質問|お願い)",
        r"^\s*(?:we|i)\s+(?:also|additionally)\b|\balso\s+(?:want|need|like|have)\b|\bas\s+well\b",
    ])
});

/// Asking how to get out of the problem (回避策, 復旧, workaround, fix) or how to confirm
/// something: a question about the problem in hand, whatever it names.
fn remedy(text: &str) -> bool {
    WAY_OUT.is_match(text) || CONFIRM.is_match(text)
}

/// A way out of the problem (回避策, 復旧, 改善, workaround, fix, would X help).
static WAY_OUT: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "回避|対処|対策|復旧|解消|解決|直す|直せ|改善|切り分け|暫定",
        r"\bworkaround\b|\bfix\w*|\brecover\w*|\bresolv\w*|\bmitigat\w*|\bwork\s+around\b|\bget\s+(?:it|this)\s+working\b|\bwould\s+(?:a|an|the|more|bigger|larger|higher|scaling)\b[^?]{0,40}\bhelp\b",
    ])
});

/// How to confirm or see something (確認方法, どこで確認できますか, how can we check,
/// which metrics): about the problem when what is to be confirmed is; but where a
/// reservation's discount shows is a billing question, so it does not keep a billing,
/// quota or subscription subject new to the text on the problem ([`asks_way_out`]).
static CONFIRM: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "確認(?:する|できる)?方法|どこで確認|見分け",
        r"\b(?:how|where)\s+(?:can|do|could|should)\s+(?:we|i)\s+(?:confirm|check|verify|tell|see|find\s+out)\b|\bwhich\s+(?:metrics?|logs?|counters?)\b",
    ])
});

/// Whether `text` asks how to get out of the problem: a way out, or a way to confirm
/// something unless its subject is a billing, quota or subscription one new to the
/// text (`admin_new`).
fn asks_way_out(text: &str, admin_new: bool) -> bool {
    WAY_OUT.is_match(text) || (!admin_new && CONFIRM.is_match(text))
}

/// Whether `text` names a service that `before` does not name (two names of one
/// service, `VM` and `仮想マシン`, are one).
fn names_new_service(catalog: &Catalog, before: &str, text: &str) -> bool {
    let named = services_named(catalog, text);
    if named.is_empty() {
        return false;
    }
    let seen = services_named(catalog, before);
    named
        .iter()
        .any(|m| seen.iter().all(|s| m.iter().all(|id| !s.contains(id))))
}

/// A question of the problem section: its document range and its text.
struct Question {
    range: Range<usize>,
    text: String,
    /// A list item (or a question of a numbered or bulleted list).
    item: bool,
}

/// A sentence that announces a list of questions (以下 3 点ご教示ください, a few
/// questions:): the items that follow are questions even when written as nouns.
static QUESTION_INTRO: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:以下|下記|次)(?:の(?:点|事項|内容|件))?(?:について|に関して|を)[^。]{0,12}(?:ご教示|教えて|お聞かせ|ご回答|確認させ|質問|お伺い|伺い)|それぞれ(?:ご教示|教えて|ご回答)|(?:以下|下記|次)(?:の)? ?(?:[0-9一二三四五]+ ?点|点|質問|項目|事項|こと)|質問(?:事項)?(?:は|です)?[:：]",
        r"\b(?:the\s+following|(?:a\s+few|some|several|these|[2-9]|two|three|four)\s+(?:\w+\s+)?(?:questions|things|points|items))\b|\bquestions?\s*:",
    ])
});

/// A list item taken whole as a question.
fn item_question(piece: &Piece) -> Question {
    let s = piece.masked;
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len().max(start);
    Question {
        text: s[start..end].to_string(),
        range: piece.doc_range(start..end),
        item: true,
    }
}

/// A list item ending in what is asked for (…が増えた原因, …に移す手順, …を変更する方法):
/// a question written as a noun.
static ASKING_ITEM: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&["(?:原因|理由|手順|方法|やり方|可否|要否|違い|仕方)(?:について)?[。.]?\\s*$"])
});

/// A sentence after a list that asks about its items (…について、ご教示ください): the
/// items above are questions even when written as nouns.
static TRAILING_INTRO: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "^\\s*(?:について|に関して|以上(?:の|について)|の(?:[0-9一二三四五]+ ?点|各点|それぞれ))[^。]{0,20}(?:ご教示|教えて|ご回答|お聞かせ|確認させ|質問|お伺い|伺い)",
    ])
});

fn questions(piece: &Piece, sents: &[Range<usize>], listed: bool) -> Vec<Question> {
    let trimmed = |r: Range<usize>| {
        let s = &piece.masked[r.clone()];
        let start = r.start + (s.len() - s.trim_start().len());
        let end = r.start + s.trim_end().len();
        start..end.max(start)
    };
    let in_item = piece.block.is_some_and(|b| b.in_list_item);
    if in_item {
        // A list item is one question when it ends like one, or under a sentence that
        // announces questions.
        if is_question(piece.masked)
            || listed
            || REQUEST.is_match(piece.masked)
            || ASKING_ITEM.is_match(piece.masked)
        {
            return vec![item_question(piece)];
        }
        return Vec::new();
    }
    // A line bulleted with ・ or • is a list item that Markdown does not mark up.
    let bulleted = |t: &str| t.trim_start().starts_with(['・', '•']);
    sents
        .iter()
        .filter(|s| {
            let t = &piece.masked[(*s).clone()];
            is_question(t) || (bulleted(t) && ASKING_ITEM.is_match(t))
        })
        .map(|s| {
            let r = trimmed(s.clone());
            let text = piece.masked[r.clone()].to_string();
            Question {
                item: bulleted(&text),
                text,
                range: piece.doc_range(r),
            }
        })
        .collect()
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut signals: Vec<(Range<usize>, Msg)> = Vec::new();

    let prose = Prose::with_summary(ctx);
    // Two or more problem sections. A problem section headed as questions (質問,
    // Questions) after another holds the questions about its problem, however many:
    // it is a second problem only when it brings a subject (the bill, a quota, a
    // backup…) or a service that nothing before it spoke of.
    let problems: Vec<_> = ctx
        .body
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Problem)
        .enumerate()
        .filter(|(i, s)| {
            *i == 0
                || !ctx.body.headings.get(s.heading).is_some_and(|h| {
                    crate::sections::names_questions(&ctx.text[h.text_range.clone()])
                }) || asks_apart(ctx.catalog, &prose, s.content.clone())
        })
        .map(|(_, s)| s)
        .collect();
    if let Some(second) = problems.get(1) {
        if let Some(h) = ctx.body.headings.get(second.heading) {
            signals.push((
                h.text_range.clone(),
                msg!(
                    "A second problem section: file one request per problem.",
                    "問題のセクションが 2 つ以上あります。1 件のお問い合わせには 1 つの問題を記載し、他は別のお問い合わせにしてください。"
                ),
            ));
        }
    }

    let pieces = &prose.pieces;
    // A technical request unless the form says billing, quota or subscription management.
    let technical = ctx
        .form()
        .and_then(|f| f.str("issue_type"))
        .is_none_or(|t| t.trim().eq_ignore_ascii_case("technical"));
    // Sentences of each piece, split once for the three passes below.
    let sents: Vec<Vec<Range<usize>>> = pieces.iter().map(|p| sentences(p.masked)).collect();

    // Questions about different things in the problem section.
    let mut qs: Vec<(Question, HashSet<String>)> = Vec::new();
    // Content words of each statement (non-question sentence) of the problem section: a
    // statement naming words of two questions ties them to one problem.
    let mut statement_texts: Vec<&str> = Vec::new();
    let mut listed = false;
    // List items that did not read as questions, until a sentence after the list says
    // they were (…について、ご教示ください).
    let mut pending: Vec<Question> = Vec::new();
    // The problem section's questions, and those under a heading of no known section
    // (質問事項, 確認したい点, Questions for you): where people list what they ask.
    for (p, sents) in pieces.iter().zip(&sents).filter(|(p, _)| {
        p.block.is_some_and(|b| {
            matches!(
                b.section,
                Some(SectionKind::Problem | SectionKind::Goal) | None
            ) && b.kind != crate::body::BlockKind::Heading
        })
    }) {
        let in_item = p.block.is_some_and(|b| b.in_list_item);
        // A goal that announces questions (以下についてご教示ください) introduces the
        // problem section's list; the goal itself holds no question to compare.
        if p.block.is_some_and(|b| b.section == Some(SectionKind::Goal)) {
            if !in_item {
                pending.clear();
                listed = QUESTION_INTRO.is_match(p.masked);
            }
            continue;
        }
        if !in_item {
            if TRAILING_INTRO.is_match(p.masked) {
                for q in pending.drain(..) {
                    let t = topics(&q.text);
                    qs.push((q, t));
                }
            }
            pending.clear();
            listed = QUESTION_INTRO.is_match(p.masked);
        }
        let found = questions(p, sents, listed);
        if in_item && found.is_empty() && pending.len() < 100 {
            pending.push(item_question(p));
        }
        for q in found {
            let t = topics(&q.text);
            qs.push((q, t));
        }
        for s in sents {
            let text = &p.masked[s.clone()];
            if !is_question(text) && statement_texts.len() < 100 {
                statement_texts.push(text);
            }
        }
    }
    // Only two or more questions are compared: most requests ask one.
    let statements: Vec<HashSet<String>> = if qs.len() >= 2 {
        statement_texts.iter().map(|t| topics(t)).collect()
    } else {
        Vec::new()
    };
    let tied = |a: &HashSet<String>, b: &HashSet<String>| {
        !a.is_disjoint(b)
            || statements
                .iter()
                .any(|st| !st.is_disjoint(a) && !st.is_disjoint(b))
    };
    // Comparing every pair is quadratic: a real problem section has a handful.
    qs.truncate(100);
    // Every sentence of the prose with where it starts: what was written before a point.
    let all: Vec<(usize, &str)> = if qs.len() >= 2 {
        prose.sentences().take(400).map(|s| (s.start, s.text)).collect()
    } else {
        Vec::new()
    };
    let before = |at: usize| -> String {
        let mut t = String::new();
        for (_, s) in all.iter().take_while(|(start, s)| start + s.len() <= at) {
            t.push_str(s);
            t.push('\n');
        }
        t
    };
    // The subjects spoken of up to and including each sentence of `all`.
    let subjects_so_far: Vec<u16> = all
        .iter()
        .scan(0, |acc, (_, s)| {
            *acc |= topic::subjects(s);
            Some(*acc)
        })
        .collect();
    let subjects_before = |at: usize| -> u16 {
        let n = all.iter().take_while(|(start, s)| start + s.len() <= at).count();
        n.checked_sub(1).map_or(0, |k| subjects_so_far[k])
    };
    'outer: for i in 1..qs.len() {
        let (q, t) = &qs[i];
        // A question asking whether something is behind the problem, or how to get out
        // of it (Would a larger plan help?), is about it.
        // A billing, quota or subscription subject nothing before spoke of is another
        // matter even when a statement shares a word with both questions (自動 in
        // 自動で上がる and in 自動パッチ): the word is shared, the subject is not.
        let seen = subjects_before(q.range.start);
        let admin_new = topic::administrative(topic::subjects(&q.text)) & !seen != 0;
        if t.is_empty()
            || refers_back(&q.text)
            || HYPOTHESIS.is_match(&q.text)
            || asks_way_out(&q.text, admin_new)
        {
            continue;
        }
        // Questions about one problem often share no word (原因は？ ログは？), so what
        // sets a question apart is a service named nowhere before it, or a subject
        // that nothing before it speaks of (the bill, in a request about a restart).
        let mut any_topical = false;
        // A word both questions share ties them, but the name of a resource does not
        // tie a billing, quota or subscription question to the problem: whether a
        // reservation applies to vm-batch-11 is a question for billing.
        // The bill new to the text (what Defender costs on a stopped VM, why the backup
        // charge doubled) is billing's whatever words it shares with the problem: the
        // machine or the backup named is the thing billed, not the thing broken. A quota
        // on the problem's resource (raise the disk limit) stays tied by the word.
        let money_new = admin_new
            && topic::has(topic::subjects(&q.text), Subject::Billing)
            && !topic::has(seen, Subject::Billing);
        let shares = |e: &HashSet<String>| {
            !money_new
                && e.iter()
                    .any(|w| t.contains(w) && !(admin_new && is_resource_name(w)))
        };
        for (_, earlier) in &qs[..i] {
            if shares(earlier) || (tied(earlier, t) && !admin_new) {
                continue 'outer;
            }
            any_topical |= !earlier.is_empty();
        }
        let listed = q.item && qs[..i].iter().all(|(e, _)| e.item);
        let new_service = any_topical
            && !one_money_matter(seen, &q.text)
            && names_new_service(ctx.catalog, &before(q.range.start), &q.text);
        // A way out asked about by an earlier question or the sentence just before.
        let fix_before = qs[..i].iter().any(|(e, _)| remedy(&e.text))
            || all
                .iter()
                .take_while(|(start, s)| start + s.len() <= q.range.start)
                .last()
                .is_some_and(|(_, s)| remedy(s));
        if new_service || new_subject_class(seen, &q.text, listed, technical, fix_before) {
            signals.push((
                q.range.clone(),
                msg!(
                    "This question seems to be about something other than the one before it: file one request per problem.",
                    "この質問は前の質問とは別の事柄のようです。1 件のお問い合わせには 1 つの問題を記載し、他は別のお問い合わせにしてください。"
                ),
            ));
            break;
        }
    }

    // Matters labelled one after the other (ログインの件: … 月末の支払いの件: …;
    // Regarding sign-in: … Regarding the invoice: …) whose subjects differ.
    if let Some(range) = second_labelled_matter(pieces) {
        signals.push((
            range,
            msg!(
                "A second matter, labelled as such, about something else than the first: file one request per problem.",
                "見出しを付けて 2 つ目の事柄が書かれており、1 つ目とは別の内容です。1 件のお問い合わせには 1 つの問題を記載し、他は別のお問い合わせにしてください。"
            ),
        ));
    }

    // Follow-ups introduced as unrelated.
    // Only the earliest signal is reported: the first such phrase is enough.
    if let Some(range) = new_subject(&prose) {
        let phrase = ctx.text[range.clone()].to_string();
        signals.push((
            range,
            msg!(
                "\"{phrase}\" introduces another matter: file it as a separate request, naming this one's number if they are linked.",
                "「{phrase}」で別の事柄が始まっています。別のお問い合わせとして起票してください。関連がある場合は、このお問い合わせの番号を記載してください。"
            ),
        ));
    }
    // The sentences read so far, joined only when a follow-up needs comparing.
    let mut before: Vec<&str> = Vec::new();
    // The subjects of the sentences in `before`, kept as they are read (linear).
    let mut seen_subjects: u16 = 0;
    let mut closed = false;
    for (p, sents) in pieces.iter().zip(&sents) {
        for (k, s) in sents.iter().cloned().enumerate() {
            let text = &p.masked[s.clone()];
            let lead = text.len() - text.trim_start().len();
            let body = text.trim();
            // A follow-up word opening the sentence (もう一点、 / Also,): its range.
            let opener = WEAK_SET.at_start(body).map(|m| m.range).filter(|r| {
                let after = body[r.end..].chars().next();
                // `また` opens a sentence only with a comma (`また、`), not `または`.
                // A longer Japanese phrase (あともう一つ教えて…) needs no comma.
                let word = &body[r.clone()];
                after.is_none_or(|c| {
                    matches!(c, '、' | '，' | ',' | ' ' | '\u{3000}') || !c.is_alphanumeric()
                }) || (!word.is_ascii() && word.chars().count() >= 3)
            });
            let rest = opener.as_ref().map_or(body, |r| &body[r.end..]);
            let at = p.start + s.start + lead;
            let in_problem = p.block.is_some_and(|b| b.section == Some(SectionKind::Problem));
            // The sentence, or the next one of its paragraph, asks (もう一点、…について
            // 伺いたいことがあります。…料金はどう変わるのでしょうか。).
            let asks_on = |t: &str| is_question(t) || REQUEST.is_match(t) || ASKS_TO_KNOW.is_match(t);
            let asks_here = asks_on(body)
                || sents
                    .get(k + 1)
                    .is_some_and(|n| asks_on(&p.masked[n.clone()]));
            // Outside the problem section (a note under 補足, その他, Additional notes,
            // or after what was tried), an added matter counts when it asks: a
            // statement there is background.
            let in_notes = asks_here
                && !p.block.is_some_and(|b| {
                    matches!(
                        b.section,
                        Some(
                            SectionKind::Steps
                                | SectionKind::Environment
                                | SectionKind::Related
                                | SectionKind::Contacts
                                | SectionKind::Errors
                        )
                    )
                });
            // 加えて、…転送料金が 3 倍になっています, …の方法も知りたいです: an added
            // statement or question whose subject (money, a quota, the subscription)
            // nothing before spoke of.
            // The bill new to the text is billing's whatever "the same" says (two
            // line items with the same meter): it compares the lines, it does not point
            // back to the problem.
            let money_new = topic::has(topic::subjects(rest), Subject::Billing)
                && !topic::has(seen_subjects, Subject::Billing);
            if (opener.is_some() || ADDITIVE.is_match(body))
                && (in_problem || in_notes)
                && !before.is_empty()
                && !asks_way_out(rest, true)
                && (money_new || !refers_back_strictly(rest))
                && topic::administrative(topic::subjects(rest)) & !seen_subjects != 0
                && !HYPOTHESIS.is_match(rest)
                && !cost_of_the_fix(
                    topic::subjects(rest),
                    rest,
                    before.last().is_some_and(|b| remedy(b)),
                )
            {
                let r = opener.clone().unwrap_or(0..body.len());
                let phrase = body[r.clone()].to_string();
                let message = if opener.is_some() {
                    msg!(
                        "\"{phrase}\" adds a matter of another kind (billing, a quota or the subscription): file it as a separate request.",
                        "「{phrase}」以降は、請求、クォータ、サブスクリプションなど別の種類の事柄です。別のお問い合わせとして起票してください。"
                    )
                } else {
                    msg!(
                        "This sentence adds a matter of another kind (billing, a quota or the subscription): file it as a separate request.",
                        "この文は、請求、クォータ、サブスクリプションなど別の種類の事柄です。別のお問い合わせとして起票してください。"
                    )
                };
                signals.push((at + r.start..at + r.end, message));
            }
            if let Some(r) = opener.clone() {
                if asks_here && !refers_back(rest) {
                    let seen = before.join("\n");
                    if !one_money_matter(seen_subjects, rest)
                        && names_new_service(ctx.catalog, &seen, rest)
                    {
                        let phrase = body[r.clone()].to_string();
                        signals.push((
                            at + r.start..at + r.end,
                            msg!(
                                "\"{phrase}\" opens a question about something not mentioned before: file it as a separate request.",
                                "「{phrase}」以降の質問は、それまでに書かれていない別の事柄のようです。別のお問い合わせとして起票してください。"
                            ),
                        ));
                    }
                }
            }
            // A failure on another resource of the same kind, opened as an added matter
            // (Separately, on another VM … fails; 別途、別の VM で…できません): a second
            // problem, unless it says it is the same failure (同じエラー, the same error).
            if let Some(r) = opener.clone() {
                if in_problem
                    && !before.is_empty()
                    && OTHER_RESOURCE.is_match(rest)
                    && FAULT.is_match(rest)
                    && !NO_PROBLEM.is_match(rest)
                    && !refers_back_strictly(&without_same_place(rest))
                    && !HYPOTHESIS.is_match(rest)
                {
                    let phrase = body[r.clone()].to_string();
                    signals.push((
                        at + r.start..at + r.end,
                        msg!(
                            "\"{phrase}\" adds a failure on another resource: file one request per problem.",
                            "「{phrase}」以降は、別のリソースで起きている別の問題です。1 件のお問い合わせには 1 つの問題を記載し、他は別のお問い合わせにしてください。"
                        ),
                    ));
                }
            }
            // Another service failing too, or named after the first topic was closed: a
            // second problem told as a statement.
            let fails_too = !is_question(body)
                && SECOND_PROBLEM.is_match(&without_adverbial_mo(body))
                && !NO_PROBLEM.is_match(body)
                && !refers_back_strictly(body);
            if in_problem
                && !before.is_empty()
                && (fails_too || closed)
                && names_new_service(ctx.catalog, &before.join("\n"), body)
            {
                let at = p.start + s.start + lead;
                let message = if fails_too {
                    msg!(
                        "This sentence reports a problem with another service: file one request per problem.",
                        "この文では別のサービスの問題が書かれています。1 件のお問い合わせには 1 つの問題を記載し、他は別のお問い合わせにしてください。"
                    )
                } else {
                    msg!(
                        "After the problem above, this sentence starts another matter: file one request per problem.",
                        "上記の問題とは別の事柄がここから始まっています。1 件のお問い合わせには 1 つの問題を記載し、他は別のお問い合わせにしてください。"
                    )
                };
                signals.push((at..at + body.len(), message));
            }
            // A question relayed in the contacts section (…も伺いたいとのことです, could
            // whoever picks this up tell him…) about a service not named before: the
            // contacts section names people, so a question there is another matter.
            // So is a failure told there (the File Sync server has shown "Sync failed")
            // with the ask in the next sentence (could you tell us what is going on with
            // that one as well?): the ask points back at the failure, not at the problem.
            let told_then_asked = asks_here
                && FAULT.is_match(body)
                && !NO_PROBLEM.is_match(body);
            if p.block.is_some_and(|b| b.section == Some(SectionKind::Contacts))
                && (asks_on(body) || told_then_asked)
                && !before.is_empty()
                && !refers_back(body)
                && names_new_service(ctx.catalog, &before.join("\n"), body)
            {
                signals.push((
                    at..at + body.len(),
                    msg!(
                        "This question in the contacts section is about something not mentioned before: file it as a separate request.",
                        "連絡先のセクションにあるこの質問は、それまでに書かれていない別の事柄です。別のお問い合わせとして起票してください。"
                    ),
                ));
            }
            // A question relayed from someone else in the notes or the contacts section
            // (お客様からご質問をお預かりしております。…できますでしょうか, she has asked us
            // to find out…) whose subject class nothing before spoke of: their matter.
            let relayed = RELAYED.is_match(body)
                || k.checked_sub(1)
                    .is_some_and(|j| RELAYED.is_match(&p.masked[sents[j].clone()]));
            let aside = p.block.is_some_and(|b| matches!(b.section, None | Some(SectionKind::Contacts)));
            let subjects = topic::subjects(body);
            if aside
                && relayed
                && (asks_on(body) || RELAYED.is_match(body))
                && !before.is_empty()
                && subjects != 0
                && subjects & seen_subjects == 0
                && !refers_back_strictly(body)
            {
                signals.push((
                    at..at + body.len(),
                    msg!(
                        "This relayed question is about something not mentioned before: file it as a separate request.",
                        "この質問は、それまでに書かれていない別の事柄についてのものです。別のお問い合わせとして起票してください。"
                    ),
                ));
            }
            closed |= TOPIC_CLOSED.is_match(body);
            before.push(text);
            seen_subjects |= topic::subjects(text);
        }
    }

    if signals.is_empty() {
        if let Some(range) = model::threshold(RULE.name)
            .and_then(|t| model_matter(ctx.catalog, &prose, &model::SHIPPED, t))
        {
            signals.push((
                range,
                msg!(
                    "After the problem above, this sentence starts another matter: file one request per problem.",
                    "上記の問題とは別の事柄がここから始まっています。1 件のお問い合わせには 1 つの問題を記載し、他は別のお問い合わせにしてください。"
                ),
            ));
        }
    }
    if let Some((range, message)) = signals.into_iter().min_by_key(|(r, _)| r.start) {
        out.push(RULE.diag(range, message));
    }
}

/// Whether a sentence within `section` (a questions section after the problem) brings a
/// subject (the bill, a quota, a backup, sign-in…) or a service that nothing before the
/// section spoke of: then it tells or asks about another matter.
fn asks_apart(catalog: &Catalog, prose: &Prose, section: Range<usize>) -> bool {
    let mut seen: u16 = 0;
    let mut before = String::new();
    for s in prose.sentences() {
        if s.start < section.start {
            seen |= topic::subjects(s.text);
            before.push_str(s.text);
            before.push('\n');
        } else if s.start < section.end {
            let subjects = topic::subjects(s.text);
            if subjects & !seen != 0
                || (!one_money_matter(seen, s.text) && names_new_service(catalog, &before, s.text))
            {
                return true;
            }
        }
    }
    false
}

/// The sentence model's sign: a sentence of the body after its first that asks
/// (a question, a request, a wish to know; not a list's introduction), is not only
/// about subjects spoken of before
/// it (the second question about one bill stays the bill's), and scores `threshold` or
/// more as one that brings in another matter.
#[cfg(test)]
pub(crate) fn model_sign(ctx: &Context, m: &model::Model, threshold: f32) -> Option<Range<usize>> {
    model_matter(ctx.catalog, &Prose::with_summary(ctx), m, threshold)
}

/// The sentence scores `threshold` or more as another matter, and more than as a
/// reference to an earlier request, a wish for a feature or an ask about another
/// subscription's resource (the other rules' kinds of sentence, which bring no new
/// problem of their own).
fn reads_as_another_matter(m: &model::Model, h: usize, text: &str, threshold: f32) -> bool {
    let scores = m.scores(text);
    scores[h] >= threshold
        && ["reopen-without-number", "feature-request", "cross-subscription-mention"]
            .iter()
            .all(|other| scores[model::head(other)] < scores[h])
}

fn model_matter(
    catalog: &Catalog,
    prose: &Prose,
    m: &model::Model,
    threshold: f32,
) -> Option<Range<usize>> {
    let h = model::head(RULE.name);
    let body_start = prose
        .pieces
        .iter()
        .find(|p| p.block.is_some_and(|b| b.kind != crate::body::BlockKind::Heading))?
        .start;
    let mut seen: u16 = 0;
    let mut body_sentences = 0;
    // What was written before the sentence: its text (for services) and content words.
    let mut before = String::new();
    let mut words: HashSet<String> = HashSet::new();
    for s in prose.sentences() {
        let subjects = topic::subjects(s.text);
        let new_class = subjects & !seen != 0;
        // A money question once money is the matter is about that bill, whatever meter
        // or service it names (the Monitor line of the invoice is one more invoice line).
        // A question that names no subject after money stays on the bill too (How is the
        // difference explained?), as for the cues.
        let known = (subjects != 0 && subjects & !seen == 0) || one_money_matter(seen, s.text);
        seen |= subjects;
        // A list's introduction (…は次のとおりです: / Questions:) is not itself a question.
        let intro = s.text.trim_end().ends_with([':', '：']);
        let counted = s.start >= body_start && !intro;
        body_sentences += usize::from(counted);
        if counted
            && body_sentences > 1
            && !known
            && (is_question(s.text) || REQUEST.is_match(s.text) || ASKS_TO_KNOW.is_match(s.text))
            && reads_as_another_matter(m, h, s.text, threshold)
            && (new_class
                || names_new_service(catalog, &before, s.text)
                || added_with_new_words(s.text, &words))
        {
            return Some(s.doc_range(model::trimmed(s.text)));
        }
        before.push_str(s.text);
        before.push('\n');
        words.extend(topics(s.text));
    }
    None
}

/// A sentence opened as an addition (あと、それと、also, by the way) that speaks of
/// something nothing before named (a word of its own beside the general words of
/// cause, workaround, logs): the model's sign needs this, a new subject or a new service
/// beside its score, since the cause, the timeline, the workaround or the logs of the
/// problem in hand, asked in any words, are the same matter.
fn added_with_new_words(text: &str, words: &HashSet<String>) -> bool {
    let body = text.trim();
    let Some(r) = WEAK_SET.at_start(body).map(|m| m.range) else {
        return false;
    };
    let rest = &body[r.end..];
    !refers_back(rest)
        && !asks_way_out(rest, false)
        && topics(rest).iter().any(|w| !words.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check};

    fn ja(body: &str) -> String {
        format!("---\nsupport_language: ja\nsummary: vm-web-01 に RDP 接続できない\n---\n\n## 問題\n{body}\n")
    }
    fn en(body: &str) -> String {
        format!("---\nsupport_language: en\nsummary: Cannot RDP to vm-web-01\n---\n\n## Problem\n{body}\n")
    }


    #[test]
    fn a_failure_on_another_resource_after_an_opener_is_a_second_problem() {
        assert_spans(
            &RULE,
            &en("RDP times out on vm-web-01.\n\n«Separately», on another VM of the same team, vm-file-02, we cannot resize the OS disk."),
        );
        assert_spans(
            &RULE,
            &ja("RDP 接続できません。\n\n«それと»、別の VM (vm-file-02) でディスクの拡張が失敗します。"),
        );
        // The same failure on another VM, or another VM that works: one problem.
        for body in [
            "RDP times out on vm-web-01.\n\nAlso, another VM in the pool shows the same error.",
            "RDP 接続できません。\n\nなお、別の VM では問題なく接続できています。",
        ] {
            let text = if body.is_ascii() { en(body) } else { ja(body) };
            assert!(check(&RULE, &text).is_empty(), "{body}");
        }
    }

    #[test]
    fn a_counter_of_items_is_no_count_of_matters_and_a_credit_union_no_bill() {
        let body = "RDP 接続できません。06:00 に規則を 3 件追加しました。06:55 にこの 3 件を削除しました。";
        assert!(check(&RULE, &ja(body)).is_empty(), "{body}");
        assert_spans(
            &RULE,
            &en("Our client is a credit union.\n\n- Can the gateway SKU be changed in place?\n- «How is outbound data transfer billed over the VPN tunnel?»"),
        );
    }

    #[test]
    fn a_service_named_in_lower_case_words_is_named() {
        assert_spans(
            &RULE,
            &en("Nodes of aks-live go NotReady at peak.\n\n## «Question»\nWe also see throttling from our container registry when nodes are added: pulls return 429."),
        );
        assert_spans(
            &RULE,
            &en("Nodes of aks-live go NotReady at peak.\n\n«We also see throttling from our container registry when nodes are added: pulls return 429.»"),
        );
    }

    #[test]
    fn another_service_as_context_or_effect_is_the_same_matter() {
        // Another service as context, as the problem's effect, or asked to be looked at.
        for body in [
            "The app reads its secrets from Key Vault kv-shop; those calls succeed in milliseconds. Could the slow part be the app itself?",
            "Because of that, the Application Gateway in front of the app returns 502 as well.",
            "Checkout pages call Azure SQL Database through a connector; what fails is that step.",
            "The origin is an App Service in our sister company's subscription. Could your team look into it as well, since we cannot see its logs?",
        ] {
            let s = format!("---\nissue_type: technical\nsummary: Checkout slow\n---\n\n## Problem\nThe checkout pages of app-shop take 12 seconds to load since Monday.\n\n{body}\n");
            assert!(check(&RULE, &s).is_empty(), "{body}");
        }
    }

    #[test]
    fn two_problem_sections() {
        assert_spans(
            &RULE,
            "---\n---\n\n## 問題\nVM が起動しない。\n\n## «問題 2»\nストレージが遅い。\n",
        );
        assert_spans(
            &RULE,
            "---\n---\n\n## Problem\nVM does not start.\n\n## «Question»\nHow are backups billed?\n",
        );
    }

    #[test]
    fn unrelated_follow_ups_fire() {
        assert_spans(
            &RULE,
            &ja("RDP 接続できません。\n\n«別件»ですが、Blob ストレージの料金の見積もり方法も教えてください。"),
        );
        assert_spans(
            &RULE,
            &ja("RDP 接続できません。«また別の質問»になりますが、Backup の保持期間は変更できますか。"),
        );
        assert_spans(
            &RULE,
            &en("RDP fails with a timeout.\n\n«Another question»: how is Blob storage egress billed?"),
        );
        assert_spans(
            &RULE,
            &en("RDP fails. «On an unrelated note», our Key Vault firewall blocks Functions."),
        );
        assert_spans(
            &RULE,
            &ja("RDP 接続できません。\n\n«もう一点»、Azure Files の SMB 暗号化はどのバージョンから対応していますか？"),
        );
        assert_spans(
            &RULE,
            &en("RDP times out.\n\n«Also», how do we configure the backup policy for Azure SQL Database?"),
        );
        assert_spans(
            &RULE,
            &ja("RDP 接続できません。«ついでに»、Cosmos DB の RU 見積もりは可能でしょうか。"),
        );
        assert_spans(
            &RULE,
            &en("RDP fails.\n\n«Separately», could you tell us how Defender for Storage is billed?"),
        );
        assert_spans(
            &RULE,
            &ja("RDP 接続できません。\n\n«併せて»、Entra ID の条件付きアクセスの設定方法を教えていただけますか。"),
        );
    }

    #[test]
    fn questions_about_different_things_fire() {
        assert_spans(
            &RULE,
            &ja("- vm-web-01 に RDP 接続できないのはなぜでしょうか？\n- «Application Gateway の証明書更新の手順を教えていただけますか？»"),
        );
        assert_spans(
            &RULE,
            &en("Why does vm-web-01 refuse RDP connections? «How is Blob egress billed across regions?»"),
        );
        assert_spans(
            &RULE,
            &ja("VM が停止しました。«Storage も遅いです。»VM の停止理由は？ Storage の遅延はなぜですか？"),
        );
        assert_spans(
            &RULE,
            &ja("RDP 接続がタイムアウトするのはなぜですか。«Cosmos DB のスループット上限はいくつですか。»"),
        );
        assert_spans(
            &RULE,
            &ja("1. vm-web-01 が再起動した原因は何ですか？\n2. «Azure Backup の料金はどのように計算されますか？»"),
        );
        assert_spans(
            &RULE,
            &en("- Q1: why did vm-web-01 reboot at 03:00?\n- «Q2: can Azure Policy deny public IPs on NICs?»"),
        );
    }

    #[test]
    fn one_problem_with_follow_up_questions_stays_silent() {
        for body in [
            "vm-web-01 に RDP 接続できません。原因は何でしょうか。回避策はありますか？",
            "RDP 接続がタイムアウトするのはなぜですか？ この事象の回避策はありますか？",
            "- RDP 接続できない原因は何ですか？\n- 恒久的な対処方法はありますか？",
            "RDP に失敗します。その原因と、RDP を復旧する手順を教えてください。",
            "RDP 接続できません。また、回避策はありますか？",
            "RDP 接続できません。併せて NSG の設定も確認しました。",
            "RDP 接続できません。もう一点、再起動前は RDP 接続できていました。",
            "1. vm-web-01 の RDP が失敗する原因は何ですか？\n2. vm-web-01 の RDP を復旧する手順はありますか？",
            "RDP 接続できません。併せて、RDP の待ち受けポートが変わっていないか確認いただけますか。",
            "NSG を変更してから vm-web-01 に RDP 接続できません。RDP が拒否されるのはなぜでしょうか？ NSG の受信規則に問題はありますか？",
        ] {
            assert!(check(&RULE, &ja(body)).is_empty(), "{body}");
        }
        for body in [
            "Why does RDP to vm-web-01 time out? Is there a workaround?",
            "Why does RDP fail after the restart? Is this expected after the update?",
            "RDP fails. Also, we restarted the VM twice.",
            "RDP fails. Also, is there a workaround for RDP in the meantime?",
            "- Why does RDP fail?\n- How can we prevent it in the future?",
            "RDP fails. Additionally, the RDP client shows the same timeout on every attempt.",
        ] {
            assert!(check(&RULE, &en(body)).is_empty(), "{body}");
        }
    }

    #[test]
    fn one_bills_questions_stay_silent_in_a_billing_request() {
        let billing = |body: &str| {
            format!("---\nissue_type: billing\nsupport_language: ja\nsummary: 請求についての質問\n---\n\n## 問題\n{body}\n")
        };
        for body in [
            "11 月の請求について、以下の 3 点をご教示ください。\n- 予約インスタンスの割引が適用されていない理由\n- 返金を申請する手順\n- 請求先の住所を本社に変更する方法",
            "請求先の住所を本社に変更したいです。1. 変更はどの画面から行えますか。2. 変更後の請求書から新しい住所になりますか。3. 過去の請求書の宛名も変更できますか。",
            "クレジットカードの有効期限が切れたため、支払いが失敗しました。1. カード情報を更新する手順は？ 2. 未払い分はいつ再請求されますか？ 3. サービスが停止される可能性はありますか？",
        ] {
            assert!(check(&RULE, &billing(body)).is_empty(), "{body}");
        }
        // Invoice lines that name services and amounts are lines of one bill.
        for body in [
            "3 月の請求書に気になる明細があります。\n- 「Virtual Machines - D4s v5」18,300 円: どの VM の分でしょうか。\n- 「Log Analytics」2,950 円: 先月の 3 倍ですが、なぜ増えたのでしょうか。",
            "Key Vault の行が ¥4,120 ですが、ほとんど使っていません。Defender for Storage の 1,800 円は何の分ですか。",
        ] {
            assert!(check(&RULE, &billing(body)).is_empty(), "{body}");
        }
        let billing_en = |body: &str| {
            format!("---\nissue_type: billing\nsupport_language: en\nsummary: Questions on the March invoice\n---\n\n## Problem\nTwo lines on our March invoice puzzle us.\n{body}\n")
        };
        let body = "Why is the Key Vault line $41 when we barely use it? And what is the 18 USD for Defender for Storage?";
        assert!(check(&RULE, &billing_en(body)).is_empty(), "{body}");
        // One invoice's several questions, numbered, bulleted or in prose, under a
        // questions heading of their own: one matter.
        for body in [
            "11 月分の請求書 (請求書番号 E0012345) の金額が先月の 2 倍です。\n\n## 質問\n1. 増えたのはどのサービスの分でしょうか。\n2. ストレージの増加は 11 月 10 日の設定変更と関係がありますか。\n3. 12 月以降も同じ金額がかかり続けますか。",
            "10 月の請求書について伺います。Virtual Machines の行が予想より高いのはなぜでしょうか。日割りになっているのかも知りたいです。この金額は来月も続きますか。",
            "先月の請求書が届きました。\n- 請求書の宛名を変更できますか\n- 同じ請求書の支払期限はいつですか\n- この請求書の PDF を再発行できますか",
        ] {
            assert!(check(&RULE, &billing(body)).is_empty(), "{body}");
        }
        for body in [
            "\n## Questions\n1. Which service does the increase on invoice E0012345 come from?\n2. Is the storage increase related to the change we made on 10 November?\n3. Will the same amount recur in December?",
            "Why is the Virtual Machines line higher than expected? Is it prorated? Will this amount continue next month?",
            "- Can the invoice be addressed to our head office?\n- When is this invoice due?\n- Can you send it again as a PDF?",
        ] {
            assert!(check(&RULE, &billing_en(body)).is_empty(), "{body}");
        }
        // A subscription's rename is another team's matter, even in a billing request.
        assert_eq!(
            check(&RULE, &billing("12 月から請求書払いに変更したいです。必要な審査はありますか。サブスクリプションの名前も変更したほうがよいでしょうか。")).len(),
            1
        );
    }

    #[test]
    fn steps_ids_code_and_logs_never_count() {
        let s = "---\n---\n\n## Problem\nRDP fails. Why?\n\n## Steps to reproduce\n1. Open RDP?\n2. Connect to /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm?\n3. Is Blob billed?\n\n```\nAnother question: what?\n```\n\n## Error messages\nUnrelated issue: is the certificate valid?\n";
        assert!(check(&RULE, s).is_empty());
        let s = "---\n---\n\n## 問題\nRDP 接続できません。`別件` というタグの VM です。\n";
        assert!(check(&RULE, s).is_empty());
    }

    #[test]
    fn a_question_relayed_in_the_contacts_section_fires() {
        let ja = "---\nissue_type: technical\n---\n\n## 問題\nVM が夜間に再起動します。\n\n## 追加の連絡先\n- 山田 (yamada@example.com)\n  «山田からは、Front Door の証明書の更新方法についてもあわせて伺いたいとのことです。»\n";
        assert_spans(&RULE, ja);
        let en = "---\nissue_type: technical\n---\n\n## Problem\nThe VM reboots at night.\n\n## Additional contacts\n- Priya (priya@example.com), network lead. «Could someone also tell her whether ExpressRoute Global Reach works between Tokyo and Osaka?»\n";
        assert_spans(&RULE, en);
        // Relayed in the notes or the contacts section, about a subject class nothing
        // before spoke of, even with no service named.
        let ja = "---\nissue_type: technical\n---\n\n## 問題\nVM が夜間に再起動します。\n\n## 補足\nお客様から別途ご質問をお預かりしています。«請求書の送付先をお客様の本社に変えることはできますか。»\n";
        assert_spans(&RULE, ja);
        let en = "---\nissue_type: technical\n---\n\n## Problem\nThe VM reboots at night.\n\n## Additional contacts\n- Ana (ana@example.com), finance lead. «She has asked us to find out whether unused reservations can be refunded.»\n";
        assert_spans(&RULE, en);
        // …と申しております: what a colleague asks to have checked in this request.
        let ja = "---\nissue_type: technical\n---\n\n## 問題\nVM が夜間に再起動します。\n\n## 追加の連絡先\n- 浅野 (asano@example.com)\n  «浅野は、11 月分の請求書で予約インスタンスの割引が適用されていない件も確認してほしいと申しております。»\n";
        assert_spans(&RULE, ja);
        let en = "---\nissue_type: technical\n---\n\n## Problem\nThe VM reboots at night.\n\n## Additional contacts\n- Ana (ana@example.com), platform lead. She would like to know whether the reboots show in the activity log.\n";
        assert!(check(&RULE, en).is_empty(), "{en}");
        // Asking to be called, or a question on the service in hand, is no other matter.
        for text in [
            "---\nissue_type: technical\n---\n\n## Problem\nThe VM reboots at night.\n\n## Additional contacts\n- Priya (priya@example.com). Could you call her before 18:00?\n",
            "---\nissue_type: technical\n---\n\n## 問題\nKey Vault のシークレットが読めません。\n\n## 追加の連絡先\n- 山田 (yamada@example.com)\n  山田からは、Key Vault のログの場所も伺いたいとのことです。\n",
        ] {
            assert!(check(&RULE, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_question_relayed_as_a_request_of_someone_else_fires() {
        // …との申し出 / ご要望: a colleague's ask passed on, about the bill.
        let ja = "---\nissue_type: technical\n---\n\n## 問題\nVM が夜間に再起動します。\n\n## 補足\n«経理の佐藤より、請求書の送付先を本社に変える方法を教えてほしいとのお申し出がありました。»\n";
        assert_spans(&RULE, ja);
        // The same ask about the problem in hand stays on it.
        let ja = "---\nissue_type: technical\n---\n\n## 問題\nVM が夜間に再起動します。\n\n## 補足\n運用担当の佐藤より、再起動の原因を教えてほしいとの要望がありました。\n";
        assert!(check(&RULE, ja).is_empty(), "{ja}");
    }

    #[test]
    fn a_failure_told_in_the_contacts_section_then_asked_about_fires() {
        // The failure is told first, the ask follows and points back at it (that one,
        // そちら): the failure is the relayed matter.
        let en = "---\nissue_type: technical\n---\n\n## Problem\nThe VM reboots at night.\n\n## Additional contacts\n- Omar (omar@example.com), our DBA.\n\n«He also mentioned that the Event Hubs capture to our archive has failed since Monday.» Could you look at that one too?\n";
        assert_spans(&RULE, en);
        let ja = "---\nissue_type: technical\n---\n\n## 問題\nVM が夜間に再起動します。\n\n## 追加の連絡先\n- 森 (mori@example.com)\n\n«森の話では、Logic Apps の承認フローも昨日から失敗しているそうです。»そちらもあわせて見ていただけますか。\n";
        assert_spans(&RULE, ja);
        // A fact about the person, or no failure told, is no other matter.
        for text in [
            "---\nissue_type: technical\n---\n\n## Problem\nThe VM reboots at night.\n\n## Additional contacts\n- Omar (omar@example.com) runs our Event Hubs pipeline. Could you call him before 18:00?\n",
            "---\nissue_type: technical\n---\n\n## 問題\nVM が夜間に再起動します。\n\n## 追加の連絡先\n- 森 (mori@example.com) は Logic Apps の担当で、問題なく動いています。電話でご連絡ください。\n",
        ] {
            assert!(check(&RULE, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_goal_that_announces_questions_makes_the_items_questions() {
        // The items are statements, announced as questions by the goal; the second
        // brings a quota (and shares only ョン with the first: no word).
        let text = "---\nissue_type: technical\n---\n\n## ゴール\n以下について教えてください。\n\n## 問題\n- Key Vault の証明書のローテーションが動きません。\n- «西日本リージョンの vCPU クォータを 64 まで引き上げてもらうことはできますか。»\n";
        assert_spans(&RULE, text);
        // A goal that announces nothing leaves statement items alone.
        let text = "---\nissue_type: technical\n---\n\n## ゴール\n証明書を自動で更新したいです。\n\n## 問題\n- Key Vault の証明書のローテーションが動きません。\n- イベントは発火していません。\n";
        assert!(check(&RULE, text).is_empty());
    }

    #[test]
    fn the_same_place_is_no_reference_back() {
        assert_eq!(
            check(&RULE, &ja("アプリの応答が遅いです。ちなみに、同じリソース グループにある Azure Cache for Redis のメモリ使用率が高いのはどうしてでしょうか。")).len(),
            1
        );
        // 同じ of the problem itself still points back.
        assert!(check(&RULE, &ja("アプリの応答が遅いです。ちなみに、同じエラーは Azure Cache for Redis の側でも出るのでしょうか。")).is_empty());
        // 別 after a noun is "by", not "separately".
        assert!(check(&RULE, &ja("ディスクの遅延をボリューム別に確認しましたが、偏りはありませんでした。遅延の原因は何でしょうか。")).is_empty());
    }

    #[test]
    fn one_finding_per_request() {
        let s = ja("別件1です。別件2です。\n\n## 問題\n別件3");
        assert_eq!(check(&RULE, &s).len(), 1);
    }

    #[test]
    fn topics_ignore_general_words() {
        assert!(topics("原因は何でしょうか。回避策はありますか？").is_empty());
        assert!(topics("Why? Is there a workaround?").is_empty());
        assert!(topics("Blob storage").contains("blob"));
        assert!(topics("証明書更新").contains("証明"));
    }
}


