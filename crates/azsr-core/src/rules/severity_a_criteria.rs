use std::sync::LazyLock;

use crate::fields::Severity;
use crate::rules::text_rule::model;
use crate::rules::text_rule::speech::{Cue, DID_NOT_HELP};
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
    /// (or before it goes live) or after a change that undoing would fix, or a wish to
    /// speed up a project. One finding per request, on the `severity` value, naming the
    /// first sentence's phrase that gave it away; the quick fix lowers the severity to B (to C on a plan that offers no B).
    ///
    /// The text is read sentence by sentence (summary, then body prose; not code, logs or
    /// the `errors` section). Besides the listed phrases below, a sentence counts when it
    /// says one of these things in other words:
    ///
    /// - recovered: a recovery verb in a finished form (復旧しております, 終息しました,
    ///   通常状態に復しております, 正常に戻りました), a state now (現在は問題なく動いています, いまはいつもの状態です,
    ///   things have been fine since, everything has worked normally since, working now,
    ///   came back on its own), or an outage
    ///   said to have ended or lasted (the outage lasted 15 minutes, 一時的な障害), or a
    ///   restart or failover that brings it back (再起動すると 5 分ほどで復旧し, rebooting
    ///   the VM brings it back, after failing over everything works; not when it came
    ///   back only for a while: 一時的に, すぐにまた, briefly), or it works again or came to
    ///   work (donations go through again since then, 正常に表示されるようになりました;
    ///   not when the sentence says something still fails: まだ…できません); not a
    ///   calm dated from the last change (前回のリリース以降は安定, the last deployment was
    ///   on 2 December and it has been stable since) or given a length (その後 6 日間は
    ///   問題なし, ran fine for three days after the upgrade), which tells the time
    ///   before the problem; not a wish to fix it (解消したい);
    /// - root cause: the cause or what happened asked for (要因について, なぜ起きたのか,
    ///   何が起きたのか, what went wrong, what failed, root reason, an incident report, a
    ///   write-up or formal explanation of why or of the incident (a write-up alone is a
    ///   document, not a question), why X returned 503 or throttled, what will prevent it
    ///   from happening again,
    ///   要因を突き止め, 再発しないように, 二度と止まらないように);
    /// - undo fixes it: an undo verb (戻す, 削除する, 外す, 解除する, 無効化する, 差し替える;
    ///   delete, remove, revert, roll … back, switch back, set … back, turn … off; after
    ///   when, once, since or as soon as) followed by a working
    ///   outcome (接続できる, 正常に起動, 通信は通る, works, boots fine, goes away), or 元の構成に戻す /
    ///   以前の設定に戻す, or the old thing put back (以前の証明書を再度割り当てると接続できる,
    ///   設定し直すと再開, 旧バージョンに切り替えると, re-applied the previous rule set,
    ///   scaled it up to C3 again … latency dropped, whenever we remove the route traffic
    ///   reaches), or two settings of which one works (300 にすると再開し、150 にすると止まる;
    ///   set to 30 minutes it works, at 4 minutes it fails), read as a verb of undoing in
    ///   any form (外した状態だと, 無効化してみると, オフに切り替えた場合, やめて既定値にしたら,
    ///   一つ前のバージョンで作り直したところ; pinning it back, with the endpoint detached)
    ///   followed by an outcome that works (つながる, 元どおり, エラーは一切出なくなる); never
    ///   when the sentence or the next one says it did not help (切り戻しても解消しない,
    ///   切り戻した後も, 改善しておらず, didn't help, still, persists, kept coming; the next
    ///   one not about a fix of its own, a restart), nor a bare mention of a rollback that
    ///   the text says did not help, or the outcome is negated
    ///   (削除したところ接続できなくなりました, could no longer reach);
    /// - not live yet: building, migrating or testing (構築中, 展開している段階, 移行リハーサル,
    ///   mid-migration, greenfield, building out, standing up a new …), before a launch
    ///   (サービス開始前, 本番稼働に向けて, 本稼働に備えて, カットオーバーを控え, before go-live, ahead of the
    ///   launch, ahead of next month's launch, bringing a new region build online), or not in production yet (まだ本番稼働していない, none of it is live yet,
    ///   none of our customers are on this cluster yet, デモ専用,
    ///   nothing is in production yet, a pilot), a launch planned (稼働は 12 月 1 日を予定,
    ///   scheduled to go live), only testers using it (検証担当者のみ), or a test,
    ///   development or PoC environment not contrasted with production, told by its role
    ///   (品質確認環境, 受入環境, プレ本番, QA, UAT, pre-production, qualification, acceptance
    ///   environment) or its name (app-checkout-stg, -dev, -uat, -sbx), or set-up under way
    ///   (セットアップの途中, 開放は来週の予定, これから準備する) (PoC 環境,
    ///   開発用のサブスクリプション, staging environment), a load, resilience or failover
    ///   test (負荷試験, load test, soak test) unless it is said to have gone fine, a
    ///   rehearsal (移行リハーサル, dress rehearsal), a launch planned (goes live on 5
    ///   January), a migration ahead (来月の移行に向けて), or a system nobody but an event or
    ///   a test uses (他に誰も使っていません, 展示会でしか使わない, 開発チームだけが使う,
    ///   まだ一般のお客様のアクセスはありません, nobody else uses it, used only by the
    ///   load-test harness, the only traffic is our own team, nothing has launched,
    ///   nothing else runs on this subscription), a trial, training or sandbox environment
    ///   (研修用, 試行用, 社内トライアル, 試験導入, 利用開始前, sandbox, training environment), or
    ///   one nobody uses yet (まだ通信を流しておらず, 取引先にはまだ案内しておらず, まだ誰にも
    ///   公開しておらず, 利用者もいません, 誰も使っていません, まだ一人も入っていない, no one is using it, zero customers on it, no nurses,
    ///   pharmacists or patients use it, serves no application, we plan to open it to …),
    ///   or a project phase with a state of not-yet or at-risk (オープン予定で, 開通作業中,
    ///   受け入れテストの期間, 切替日に間に合わない, 切り替えを延期, 先行導入, 並行稼働; in
    ///   UAT, parallel run, the go-live has been postponed; not 稼働中 or 公開中, which are live),
    ///   or the live system still running elsewhere (the live stock system still runs
    ///   on-premises, all workloads still run on-premises), or a move ahead (before we
    ///   switch over, we are moving our data centre to Azure);
    /// - project speed: haste (最優先, 一日も早く, できる限り早く, fastest possible turnaround,
    ///   ASAP, prioritize, hurry, 最短, 速やか, 急いで, at the earliest, top priority) in the
    ///   same sentence as a project or a date (日程, 稼働開始日, 本番稼働日, 開始日, 移行作業日,
    ///   1 月上旬, 12/20 まで, 今週中に, 納期, リリース, 展示会, デモ, キャンペーン, launch, go-live,
    ///   milestone, cutover, slipped, at risk, in time for, target date, on the 15th,
    ///   stakeholders, campaign, this date cannot move, by 15 December, sign off, the
    ///   migration weekend, a planned event: 稼働判定, 切替日, 移行判定会議, リハーサル,
    ///   UAT, go/no-go, steering committee, wave 1; a schedule: 段取り, 予定がずれる, 切り替えのタイミング,
    ///   Thursday doesn't move, the DNS flips Thursday), or in the sentence before or after one; severity A itself
    ///   asked for, in the same sentence or right after one that says the date will be missed, for such a date (日程は変えられないので重大度 A で, which is why we opened
    ///   this as critical, 最も高い重要度で起票, …締め切りで間に合わないです。なので一番上の
    ///   重大度に); a date by which something must work
    ///   (セール開始までに…さばけるようにしたい, we need it working before then, wants it in
    ///   place by; not a deadline to restore service: 締め処理までに復旧できるように); and a project or schedule said to have slipped (スケジュールが既に 2 週間
    ///   遅れ, 計画より遅れ, the go-live slipped, our data center exit has slipped by three
    ///   weeks, behind plan, behind the migration plan); a submission date (論文提出, the
    ///   thesis submission in January) or a month to be ready by (by March) counts as a
    ///   date;
    /// - the business carries on: a workaround serves it (手動で再実行すると…取り込めました,
    ///   朝のレポートにも間に合っています, 予備のノート PC で作業してもらっています, for now
    ///   they use the full desktop, which works), or only a few users are affected while
    ///   the others work normally (他部署の約 250 名は普段どおり利用できています, everyone
    ///   else can launch it without trouble), or it is slower but nothing fails (遅延のみ,
    ///   no errors, only slower), or orders still come in (ご注文は普段どおり入ってきて
    ///   います, customers can still check out), or the rest are unaffected (残りの端末
    ///   では遅延は出ていません, the rest of the group is not affected, other users are
    ///   connecting normally), or the work goes on as usual (会計処理自体は通常どおり
    ///   続けられています, the clerks are processing applications normally; in a
    ///   noun-ending style too: ライン側は通常稼働。), or the job
    ///   itself succeeds every time (関数そのものは毎回最後まで成功しており), or only a
    ///   few people are affected (影響は 2 名のみ, it affects the four PhD students).
    ///
    /// Where none of these is found, a small statistical model reads each sentence too:
    /// a score that adds up a weight for every short piece of the sentence (one to three
    /// characters of Japanese, three to five Latin letters), learned from labelled
    /// sentences of the development drafts (`rules/judgment_dev/sentences.tsv`: sentences
    /// that showed one of the families above, and the other sentences of requests at A
    /// that did not). A sentence that scores high enough for a family counts as that
    /// family's sign, under the same conditions as the cues (severity A, no outage said
    /// to be going on now; a sentence that says something tried did not help is no
    /// recovery and no undo). The weights are a file in the repository and the result is
    /// the same on every run; the model is used because, on batches of drafts it was not
    /// trained on, it found requests the cues missed without flagging a clean one.
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
    /// An outage said to be happening now keeps the rule silent even when the text also
    /// asks for a root cause analysis later, mentions a rollback that was tried, or asks
    /// for speed: an outage now is what A is for. It is recognised by who is affected
    /// (全社員, 全店舗, すべてのお客様, 誰も, all users, every customer, nobody can, the whole
    /// company, どの院でも…見られません) with a failure going on now in the same sentence
    /// (全端末が接続できません, every request returns 500, no shopper can buy; not a past
    /// one: throttled almost every request on Friday, 全端末が再接続でき) on a system the
    /// text does not call not live yet, or by the state now (停止中, 現在も, 業務が止まっている, 復旧していない,
    /// 引き続き…できない; is down, right now, at the moment, ongoing, still failing,
    /// a recovery told with what still fails: 本社は正常に戻りましたが、まだ全支店で接続
    /// できません; a state told in the past is over: 返し続けた, 停止していました; losing
    /// revenue); work on a project said to be blocked (作業が止まっている, testing is
    /// blocked) is a project's delay, not such a sign. A sentence saying nothing is down now outweighs those words (停止中は 503
    /// でした tells the past): the problem has passed (現在は問題なく動いています, back to
    /// normal, nothing is broken at the moment, 現在は通常どおり業務ができています), production
    /// is unaffected or left out of the change (本番環境には今回の変更を適用しておらず,
    /// 業務は通常どおり続いています, the change was never applied to production, production
    /// is not affected), or (現行の環境は今も普通に稼働, 移行元のサーバーは通常
    /// どおり稼働, 業務は止まっていません, 旧サーバーで業務を継続できています, 現在は旧サイト
    /// が稼働しています, nothing in production depends on it, the old site is still
    /// serving, the old service still serves all customers, payroll is still sent by the
    /// old job, that is how it is running right now, お客様や社内の業務でご利用
    /// いただいているものではございません) or not in use yet (利用開始はまだ先,
    /// no partners are using it yet, none of our customers are on this cluster yet), or
    /// used by nobody but an event or a test (nobody else uses it), or the service runs on
    /// customers still on the old platform or only an internal team sending traffic, or
    /// the service runs on the old setting for now (現在は以前の証明書で運用, 300 の状態で現在も続けられて,
    /// 既存回線で…問題なく行われています, the default host name serves the app normally).
    ///
    /// ## Trigger phrases
    ///
    /// Listed phrases (each family's cues above come on top of these):
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
    /// sight; 復旧し、原因を知りたい; an ongoing outage at A (全社員, 全ユーザー, 業務が停止,
    /// 本番サイトが停止している, 現在も継続, 復旧していない; all users, all employees,
    /// production is down, still down, outage is ongoing, not recovered) even with "we will
    /// want an RCA later"; a rollback that did not fix it (切り戻しを実施しましたが解消されません
    /// でした, we reverted the change but the errors persist); a feature flag switched in an
    /// outage; phrases in code, logs or the `errors` section.
    "severity-a-criteria", Warning, check
}

/// Families of phrases that show a request is not an outage happening now.
pub(crate) const FAMILIES: &[(&str, &str, &[&str])] = &[
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
    (
        "the business carries on: a workaround serves it or only a few users are affected",
        "回避策で業務を継続できているか、影響は一部の利用者に限られる",
        &[],
    ),
];

/// Phrases that say a business-stopping outage is going on now.
const ONGOING: &[&str] = &[
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

const RECOVERED: usize = 0;
const ROOT_CAUSE: usize = 1;
const ROLLBACK: usize = 2;
const BUILD_OUT: usize = 3;
const SPEED: usize = 4;
const CARRIES_ON: usize = 5;

/// A problem met in a test, development or PoC environment (検証環境, staging slot).
static TEST_ENV: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:PoC|検証|テスト|開発|ステージング|評価|試験|デモ|品質確認|品質保証|受入|受け入れ|プレ本番|準本番|本番前|QA|UAT) ?(?:用|専用)?(?:の)?(?:環境|サブスクリプション|テナント|クラスター|アカウント|構成|システム|基盤)|(?:PoC|検証|テスト|評価|試験|デモ)(?:専用|用途)|(?:PoC|検証|テスト|評価|試験|開発)用(?:の)? ?(?:VM|仮想マシン|サーバー?|マシン|端末|DB|データベース|アプリ|サイト)|(?:研修|トライアル|試行|試験導入|サンドボックス)(?:用|専用)|試験導入|社内トライアル|利用開始前|(?:負荷|性能|高負荷|ストレス|耐障害性?|フェールオーバー|切り替え)(?:試験|テスト)",
        r"\b(?:test|testing|dev|development|staging|stage|qa|uat|sandbox|poc|trial|training|non-?prod(?:uction)?|pre-?prod(?:uction)?|qualification|validation|acceptance|integration|perf(?:ormance)?)\s+(?:environment|env|subscription|cluster|tenant|slot|account|workspace|instance|servers?|vms?|stage|system|stack|copy)\b|\bsandbox\b|\bpre-?production\b|\b[a-z0-9]+(?:-[a-z0-9]+)*-(?:stg|staging|dev|test|tst|qa|uat|sbx|sandbox|preprod)(?:-?\d+)?\b|\b(?:load|stress|performance|soak|failover|dr|resilience|chaos)\s+test(?:s|ing|\s+runs?)?\b",
    ])
});
/// A sentence that contrasts a test environment with production (検証環境では再現しない,
/// only production is affected) or says the test went fine (先週の負荷試験では問題
/// ありませんでした, the load test passed): the test is not where the problem is.
static TEST_CONTRAST: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "本番|再現|問題(?:は)?(?:なく|ありません|ございません|なかった)|正常",
        r"\bproduction\b|\bprod\b|\breproduc\w*|\bno\s+(?:issues?|errors?|problems?)\b|\bpassed\b|\bwent\s+fine\b",
    ])
});

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

/// The usual state said of now (いまはエラー率もいつもの状態です, 現在は通常の水準): the
/// problem has passed. Both a recovery and a sign that nothing is down now.
const USUAL_NOW: &str =
    "(?:今|現在|いま)(?:は|では)[^。]{0,24}(?:いつも|通常|平常|普段)(?:の|どおりの|通りの)(?:状態|値|水準|数値|レベル)";

/// The business running as usual, said in a noun-ending style (ライン側は通常稼働。,
/// 生産管理・MES とも通常どおり稼働、出荷遅れなし): production is not stopped. Both a sign
/// that the business carries on and that nothing is down now.
const NORMAL_OPERATION: &str = "(?:ライン|業務|生産|工場|操業|営業|診療|基幹|店舗|現場|\\bMES\\b|システム)[^。、]{0,12}(?:は|も|とも|ともに)[、 ]?(?:通常|平常)(?:どおり|通り)?(?:の)?(?:稼働|運転|操業|営業|運用)(?:中|を継続|継続)?(?:[。、]|$)";

/// Ways of saying each family (same order as [`FAMILIES`]) that no list of phrases
/// foresees: a recovery told as a state (`現在は通常どおり稼働`, things have been fine
/// since), a cause asked for in other words (なぜ起きたのか, a write-up of what
/// happened), an undo that brings it back (元の構成に戻すと接続できる, when we delete the
/// route it works), a system not live yet (サービス開始前, none of it is live yet).
static CUES: LazyLock<[Cue; 4]> = LazyLock::new(|| {
    [
        Cue::new(&[
            // た not followed by い / く / かっ: 解消したい is a wish, not a recovery.
            "(?:復旧|回復|解消|収束|終息|正常化|復帰)(?:いた|し|され|済)(?:ており|ています|ました|ております|た(?:$|[^いくか]))|(?:正常|元|通常(?:状態|運転|稼働)?)に(?:戻り|戻って|戻った|なり|なって|復し)|(?:すでに|既に|もう)(?:正常|復旧|回復|解消|問題な)|一時的な(?:障害|事象|問題|現象)",
        "(?:収まって|収まり|落ち着いて|落ち着き)(?:おり|います|ました)|(?:以降|その後|それ以降)(?:は)?(?:[^。、]{0,10}まで)?(?:安定|正常|問題なく|落ち着)|(?:今|現在)は(?:問題なく|正常に|普通に|通常どおり|通常通り)?(?:動いて|動作して|稼働して|使えて|利用でき|アクセスでき|接続でき)",
            "(?:自然に|勝手に|自動的に)(?:収ま|回復|復旧|解消|直|治)",
            USUAL_NOW,
            "現在は?(?:正常|問題なく|安定|通常(?:どおり|通り)|平常|影響(?:は|が)?(?:ございません|ありません|ない|なく))",
            "(?:それ|その後|以降)(?:は|以降は)?(?:発生|再発)(?:して|いたして)?(?:いません|おりません)",
            r"\b(?:is|are|'s|'re|seems?|looks?)\s+(?:working|fine|ok|okay|up|stable|normal|healthy)\s+(?:now|again)\b|\bthings\s+are\s+(?:working|fine|ok|okay|normal|stable)\b|\b(?:working|fine|stable|normal)\s+now\b",
            r"\b(?:came|come|is|are|was|were)\s+back\b(?:\s+(?:up|online|on\s+its\s+own))?|\bback\s+to\s+normal\b|\bon\s+its\s+own\b",
            r"\b(?:has|have|had)\s+(?:been\s+)?(?:fine|stable|healthy|ok|okay|working|normal|worked\s+(?:normally|fine)|run\s+(?:normally|fine))\b|\b(?:worked|working|run|running|ran)\s+(?:normally|fine|as\s+expected)\s+(?:ever\s+)?since\b|\bno\s+(?:errors?|issues?|failures?)\s+(?:today|since)\b|\b(?:fine|stable|healthy|normal)\s+(?:ever\s+)?since\b",
            r"\b(?:outage|incident|issue|problem|disruption)\s+(?:is|was)\s+over\b|\b(?:outage|incident|disruption|issue)\s+(?:ended|lasted|stopped)\b",
            r"\bresolved\s+(?:itself|on\s+its\s+own)\b|\bself-?(?:healed|resolved|recovered)\b|\b(?:resolved|recovered|cleared|subsided)\s+(?:after|within|by|around|at)\b|\b(?:errors?|failures?|outage|problem|issue|alerts?|timeouts?)\s+(?:stopped|ended|cleared|subsided|went\s+away)\b",
            "(?:出|発生し|起き|起こら)なくなり(?:ました|まして|ております|ています)|(?:エラー|事象|障害|現象)(?:は|が)[^。]{0,12}(?:止まり|おさまり|収まり|消え)(?:ました|まして)",
        ]),
        Cue::new(&[
            "(?:原因|要因)について|(?:原因|要因)(?:の)?(?:調査|分析|究明|特定|解明|を?(?:知り|教え|ご教示|明らか|調べ|ご報告|報告|説明|調査))|根本的な(?:原因|要因)|何が(?:起き|起こ|あった|原因)",
            "(?:原因|要因)を突き止め|再発(?:しない|させない)よう|二度と(?:止ま|落ち|発生|起き)|なぜ(?:起き|発生|停止|落ち|止ま|ダウン)|経緯(?:を|の)?(?:まとめ|ご報告|報告|説明|レポート)|障害報告|事後(?:の)?(?:報告|分析|レポート)|再発防止",
            r"\bwhat\s+(?:went\s+wrong|happened)\b|\broot\s+(?:cause|reason)\b|\bwhy\s+(?:it|this|the\s+\w+)\s+(?:happened|went\s+down|failed|stopped|crashed|occurred|broke)\b|\bwhat\s+caused\b",
            r"\b(?:incident|outage|post[- ]incident)\s+(?:report|review|analysis|summary|explanation)\b|\bwhat\s+(?:failed|broke|caused\s+(?:it|this|the))\b|\b(?:write-?up|(?:written|formal)\s+(?:[\w-]+\s+)?(?:explanation|report|statement|analysis|account))\s+(?:of|on|about|covering)\s+(?:why|what|how\s+(?:it|this|the)|the\s+(?:incident|outage|failure|downtime|disruption|night|event|error)s?)\b|\baccount\s+of\s+(?:why|what)\b|\bexplanation\s+of\s+(?:why|what)\b|\bprevent\s+(?:it|this|that)\s+from\s+happening\s+again\b|\bhappening\s+again\b|\bwhy\s+[\w.-]+(?:\s+[\w.-]+){0,2}\s+(?:returned|went\s+down|was\s+down|failed|stopped|crashed|happened|occurred|broke|throttled|rejected|timed\s+out|dropped|disconnected|restarted|hung|froze)\b|\bcause\s+of\s+the\s+(?:outage|incident|failure|downtime|disruption)\b",
        ]),
        Cue::new(&[
            "(?:戻す|戻し|戻せ|戻る|戻っ|削除す|削除し|削除を|消す|消し|消せ|取り除|取り外|外す|外し|解除す|解除し|取り消す|取り消し|オフにす|オフにし|止め|無効化す|無効化し|無効にす|無効にし|差し替え|入れ替え|アンインストール|ダウングレード|設定し直|設定しなお|書き戻|元に戻|切り替え直|割り当て直|再度割り当て|再割り当て|再適用|適用し直)(?:る|た|て|す|し)?(?:と|ば|たら|ところ|れば)[^。]{0,40}?(?:再開|処理され|送信でき|受信でき|ログインでき|届|正常|動作|動く|動き|接続でき|通信でき|疎通でき|アクセスでき|起動|解消|繋が|つなが|成功|問題なく|直|回復|復旧|できる|できます|通る|通り(?:ます|まし)|通って|元の[^。]{0,8}に戻|改善|(?:切れ|落ち|止ま|途切れ|失敗し|発生し|再発し)(?:て)?(?:おらず|いません|おりません|なくなり)|通常どおり|通常通り|安定|(?:通信|接続|疎通|アクセス|表示|応答|通知|配信|同期)(?:は|が|も)?(?:すぐに?|元通りに?|正常に)?戻)",
            "(?:前|以前|元|変更前)の(?:構成|設定|状態|バージョン|もの)に(?:戻|差し替え)",
            // The old thing put back (以前の証明書を再度割り当てると…接続できます, 旧バージョン
            // に切り替えると動く), or two settings of which one works (300 にすると再開し、
            // 150 にすると止まる).
            "(?:(?:以前|前|元|旧|古い|変更前|従来|もと)の|旧 ?)[^。]{0,60}?(?:に|を|へ)(?:再度|もう一度|再び)?(?:戻|書き換え|切り替え|切替|割り当て|設定|変更|差し替え|適用|再適用|適用し直|入れ替え|指定)[^。]{0,10}?(?:と|ば|たら|ところ|れば)[^。]{0,40}?(?:再開|処理され|正常|動作|動く|動き|接続でき|通信でき|アクセスでき|起動|解消|繋が|つなが|成功|問題なく|通る|通り|回復|復旧)",
            "[0-9A-Za-z.]+ ?(?:に|へ)(?:設定|変更|戻)?(?:す|し)(?:ると|たら|れば)[^。]{0,20}?(?:再開|正常|動作|動く|動き|接続でき|通信でき|成功|問題なく|通る|通り)[^。]{0,30}?[0-9A-Za-z.]+ ?(?:に|へ)(?:設定|変更)?(?:す|し)(?:ると|たら|れば)[^。]{0,20}?(?:止ま|失敗|再び|また|エラー|でき(?:な|ず))",
            r"\b(?:when|if|once|after|whenever|since|as\s+soon\s+as|the\s+moment)\s+(?:we|i|you)\s+(?:\w+\s+){0,2}?(?:delete|remove|revert|undo|roll(?:ed)?\s+back|roll(?:ed)?\s+(?:\w+\s+){1,3}back|(?:set|put|chang(?:e|ed)|switch(?:ed)?|turn(?:ed)?|flip(?:ped)?|mov(?:e|ed))\s+(?:\w+\s+){1,3}back|switch(?:ed)?\s+back|go\s+back|went\s+back|disable|uninstall|downgrade|turn(?:ed)?\s+off|switch(?:ed)?\s+off|(?:switch(?:ed)?|turn(?:ed)?|t(?:ake|ook))\s+(?:\w+\s+){1,3}(?:off|out)|detach|unassign|unlink|put\s+back|restore\s+the\s+(?:old|previous|original)|scal(?:e|ed)\s+(?:\w+\s+){0,4}(?:again|back)|re-?appl(?:y|ied)\s+the\s+(?:old|previous|original)|(?:re-?)?assign(?:ed)?\s+the\s+(?:old|previous|original)|(?:go|went|move|moved)\s+back\s+to)\w*\b.{0,80}?\b(?:reach(?:es|ed)?|resum\w+|succeed\w*|processed|gets?\s+through|(?:latency|response\s+times?|errors?)\s+(?:drops?|dropped|fell|falls|disappear\w*)|works?|working|fine|ok|okay|connects?|recovers?|go(?:es)?\s+away|resolves?|resolved|fixe[sd]|succeeds?|comes?\s+back|starts?|boots?|runs?|normal(?:ly)?|as\s+expected|passes|loads?|responds?|again|flows?|reachable|through)\b",
            // Two settings of which one works (when we set it to 300 it works, at 150 it stops).
            r"\b(?:when|if|with)\s+(?:we\s+|i\s+)?(?:set|put|chang\w+|configur\w+|scal\w+)\s+(?:\w+\s+){0,3}to\s+[\w.-]+(?:\s+[\w-]+)?,?\s+(?:it|\w+)\s+(?:works|succeeds|passes|connects|runs)\b.{0,60}?\b(?:at|with|to)\s+[\w.-]+(?:\s+[\w-]+)?,?\s+(?:it\s+)?(?:stops|fails|breaks|times\s+out)\b",
            r"\b(?:deleting|removing|reverting|undoing|rolling\s+back|switching\s+back|going\s+back|disabling|uninstalling|downgrading|turning\s+off|switching\s+off|detaching|unassigning|unlinking)\b.{0,60}?\b(?:fixes|fixed|resolves|resolved|makes?\s+(?:\w+\s+){0,3}(?:go\s+away|work|stop|disappear|healthy|normal|fine)|works|restores|brings?\s+it\s+back)\b",
        ]),
        Cue::new(&[
            "(?:構築|移設|移行|導入|展開|切り替え|切替|乗り換え|載せ替え|リプレース|マイグレーション)(?:作業)?を(?:進めて|実施して|行って|進め)|(?:一から|ゼロから|新規に|新しく)[^。]{0,20}(?:組み立て|作って|作成して|構築して|立ち上げて)|(?:利用|稼働|運用|サービス|本番)(?:開始|化)?(?:は|が)?(?:まだ先|これから|未定)|(?:構築|立ち上げ|移行|移設|リプレース|マイグレーション|導入|準備|検証|テスト|開発|展開|デプロイ|セットアップ)(?:して(?:いる|おり)|している|する)?(?:中|作業中|段階|フェーズ)|(?:構築|移行|検証|テスト|準備|セットアップ)(?:して|させて|を)(?:いる|おる)ところ|(?:準備|構築|セットアップ|用意|作成)(?:する|している|中の)ところ|これから(?:準備|構築|作成|用意|セットアップ|導入)|ランディング ?ゾーン|新規(?:に)?(?:構築|導入|展開)",
            "(?:サービス|本番|運用|稼働|公開|リリース|ローンチ|カットオーバー|サービスイン|切り替え|切替)(?:開始)?(?:前|に向け|を控え|に備え|の準備)|(?:移行|移設|乗り換え|リプレース)(?:に向け|を控え|に備え|の準備)",
            "まだ(?:本番|稼働|運用|公開|リリース|サービス)|未稼働|未公開|未リリース|新規(?:構築|環境|立ち上げ)|環境構築|リハーサル|カットオーバー|サービスイン",
            "(?:稼働|運用|公開|リリース)(?:して|されて)(?:いない|おらず|いません|おりません)",
            "(?:構築|移行|セットアップ|設定|導入|準備|検証|展開)(?:作業)?の(?:途中|最中)|(?:稼働|運用開始|公開|リリース|サービス開始|本番化|本番稼働|ローンチ|切り替え|切替|移行|開放|利用開始|提供開始|展開|オープン|開設|開業)(?:日)?(?:は|を)?[^。]{0,20}予定(?:して|です|となって|であり|しており|しています)|まだ[^。]{0,20}(?:開放|公開|提供|利用開始|展開|リリース|お客様に|利用者に)[^。]{0,6}(?:いない|おらず|いません|おりません)|(?:検証|テスト|試験)(?:担当者?|ユーザー?|メンバー)(?:のみ|だけ)|社内[^。]{0,12}(?:のみ|だけ)(?:が|で)?(?:利用|使用|アクセス)|(?:公開|開放|リリース|稼働|サービス開始|カットオーバー|本番化)(?:する|させる)(?:前|まで)",
            r"\bnot\s+(?:yet\s+)?(?:live|in\s+production|launched)\b|\b(?:is|are)\s*n[o']t\s+(?:yet\s+)?live\b|\bnone\s+of\s+(?:it|this|them)\s+(?:is|are)\s+live\b",
            r"\b(?:has|have)\s*(?:n't|\s+not)\s+(?:yet\s+)?(?:launched|gone\s+live|gone\s+(?:in)?to\s+production|been\s+released)\b|\bpre-?(?:production|launch|prod)\b|\bgreenfield\b|\bsetting\s+(?:things|it|everything)\s+up\b|\bstill\s+(?:setting|building|configuring|testing)\b|\bno\s+(?:end\s+)?(?:users|customers)\s+(?:are\s+)?(?:on\s+it\s+|using\s+it\s+)?yet\b|\b(?:nothing|none\s+of\s+(?:it|this|them))\s+(?:is|are)\s+(?:live|in\s+production)\b|\b(?:live|in\s+production)\s+yet\b|\bpilot\b|\bproof\s+of\s+concept\b|\b(?:dress\s+)?rehearsals?\b|\b(?:goes|will\s+go)\s+live\s+(?:on|in|next)\b|\bstaging\s+(?:rollout|environment|deployment)\b",
            r"\b(?:before|ahead\s+of|prior\s+to)\s+(?:the\s+|our\s+|this\s+|next\s+\w+'s\s+|\w+'s\s+)?(?:launch|go-?live|going\s+live|cutover|release|rollout)\b|\bbringing\s+(?:\w+\s+){0,3}online\b|\bnew\s+(?:\w+\s+)?build\b",
            r"\b(?:before|until|ahead\s+of)\s+(?:we|it|they)\s+(?:open|launch|go\s+live|release|ship|roll\s+out|cut\s+over|switch\s+over|move\s+over|publish)\b|\bbefore\s+(?:opening|launching|going\s+live|releasing|cutting\s+over|switching\s+over)\b|\b(?:scheduled|planned|due|set)\s+to\s+(?:go\s+live|launch|open|be\s+released|ship|cut\s+over)\b|\bnone\s+of\s+(?:it|this|them)\s+(?:is|are)\s+[\w-]+\s+yet\b|\b[\w-]+[- ]facing\s+yet\b|\bstill\s+(?:validating|preparing|onboarding|migrating|piloting|rolling\s+out)\b|\b(?:in\s+the\s+middle\s+of|midway\s+through|partway\s+through|halfway\s+through)\s+(?:a|the|our)\s+(?:\w+\s+)?(?:migration|lift-and-shift|move|rollout|build|deployment|cutover|transition|onboarding)\b|\blift[- ]and[- ]shift\b|\b(?:released|launched|rolled\s+out|opened|available|exposed)\s+to\s+(?:\w+\s+)?(?:users|customers|the\s+public|anyone|production)\s+yet\b",
            r"\b(?:we|i)(?:\s+are|'re|\s+am)\s+(?:currently\s+|still\s+)?(?:wiring\s+up|onboarding|migrating|building|setting\s+up|standing\s+up|rolling\s+out|preparing)\b|\b(?:we|i)(?:\s+are|'re)\s+(?:currently\s+)?moving\s+(?:our\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:to|into)\s+azure\b|\b(?:all|the|our)\s+(?:\w+\s+){0,2}(?:workloads?|systems?|services?|applications?|apps)\s+still\s+runs?\s+on[- ]?prem\w*|\bwhile\s+(?:we|they)\s+(?:migrate|build|set\s+up|move\s+over|roll\s+out|onboard|cut\s+over)\b|\b(?:no|none\s+of\s+(?:our|the|its|their))\s+(?:\w+\s+){0,2}(?:is|are)\s+(?:on|using|relying\s+on|in)\s+(?:it|this|them|(?:this|that|the|our)\s+[\w-]+)\s+yet\b|\b(?:nothing|no\s+\w+)\s+(?:in|on)\s+production\s+(?:depends|relies|runs|uses|is\s+affected)\b|\bbuild(?:ing)?[- ]out\b|\bbuild\s+phase\b|\b(?:building|standing\s+up|setting\s+up|spinning\s+up)\s+(?:\w+\s+)?(?:a|the|our)?\s*new\b|\bstanding\s+up\b|\bmigrating\b|\bmigration\s+(?:project|rehearsal|from)\b|\blanding\s+zone\b",
        ]),
    ]
});

/// Asking for speed (最優先, できる限り早く, fastest possible turnaround, ASAP)...
static HASTE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "急ぎ|急いで|急がれ|至急|早急|最短|最優先|優先的|優先して|早め|早く|早い|早期|迅速|速やか|前倒し|スピード|一日も|一刻も",
        r"\basap\b|\burgent(?:ly)?\b|\bexpedite\b|\bescalat\w*|\bhurry\b|\brush\b|\bspeed\s+up\b|\bfast(?:est)?\b|\bquick(?:ly|est)?\b|\bprioriti[sz]e\b|\bturnaround\b|\bas\s+soon\s+as\s+possible\b|\baccelerate\b|\bsoonest\b|\bat\s+the\s+earliest\b|\bwithout\s+delay\b|\btop\s+priority\b|\b(?:top|utmost|highest)\s+(?:urgency|priority)\b",
    ])
});
/// Severity A itself asked for (重大度 A で, 最も高い重要度で起票, 一番上の重大度, opened
/// this as critical, treat this as Sev A): haste when the same sentence or the one just
/// before gives a project or a date as the reason (日程は変えられないので重大度 A で).
static SEVERITY_ASKED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:重大度|重要度|緊急度|優先度) ?(?:を ?)?(?:A|1) ?(?:で|に|と|として|扱い)|最(?:も)?高(?:い)?(?:の)?(?:重大度|重要度|緊急度)|一番(?:上|高い)の?(?:重大度|重要度|緊急度|優先度)",
        r"\b(?:as|at|to)\s+(?:critical|sev(?:erity)?\s*[-:]?\s*(?:a|1))\b|\bsev(?:erity)?\s*[-:]?\s*a\b|\b(?:highest|top)\s+severity\b|\b(?:hence|which\s+is\s+why|that\W?s\s+why)\s+(?:the\s+|this\s+)?(?:priority|severity)\b|\b(?:priority|severity)\s+(?:we|i)\s+(?:chose|picked|selected|set)\b",
    ])
});

/// ... for a project or a date (日程, 稼働開始日, launch, milestone, slipped).
static PROJECT_CUE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "プロジェクト|スケジュール|日程|監査|納期|展示会|発表会|キャンペーン|セミナー|デモ|期限|期日|締め?切り?|リリース|稼働開始|サービスイン|カットオーバー|本番移行|マイルストーン|間に合|押して|迫って|進捗|(?:月|年|年度|週)末(?:で|まで|に)|(?:[0-9]+ ?日|末|今週|来週|今月|来月|年内|年度内|期日)までに|(?:今週|来週|今月|来月|年内|年度内|月内|週内|本日|明日)中に|契約(?:が|の)?[^。]{0,10}(?:切れ|終了|満了)|(?:稼働|開始|移行|公開|切り?替え?|リリース|予定|作業|実施|納品|検収|オープン|開業|開店|ローンチ|イベント)日|本番(?:稼働|運用|公開|切り?替え?)(?:開始)?(?:日|予定|前|に向け|まで)|[0-9]{1,2} ?/ ?[0-9]{1,2}[^。]{0,8}(?:まで|に向け|予定|の(?:稼働|リリース|移行|公開|切り?替え?))|(?:月|週)内に|上旬|中旬|下旬|年明け|(?:開始|稼働|公開|リリース)(?:に|まで)(?:は)?(?:間に合|向け)|予定(?:日|どおり|通り)|稼働判定|移行判定|切替日|切り替え日|リハーサル|展開予定|(?:切り替え|切替|移行|展開)(?:る|の)?計画|判定会議|受け入れ(?:試験|テスト)|ユーザー(?:受け入れ|受入)|提出(?:期限|日|予定)|(?:論文|報告書|申請書)(?:の)?提出|段取り|予定が[^。]{0,6}(?:ずれ|狂|崩れ|遅れ)|(?:切り替え|切替|移行|リリース|公開|イベント)(?:開始)?の(?:タイミング|段取り)",
        r"\bprojects?\b|\bschedule\b|\baudit(?:s|ors?)?\b|\bfieldwork\b|\bdeadline\b|\bmilestone\b|\bgo-?live\b|\blaunch\b|\brelease\b|\bcutover\b|\btimeline\b|\bdue\s+date\b|\bslipped\b|\bbehind\s+schedule\b|\bdemo\b|\brollout\b|\bat\s+risk\b|\bprogram(?:me)?s?\b|\bslip\b|\bby\s+the\s+\d+(?:st|nd|rd|th)?\b|\bby\s+(?:monday|tuesday|wednesday|thursday|friday|next\s+week|end\s+of)\b|\bin\s+time\s+for\b|\btarget\s+date\b|\bbefore\s+(?:the\s+|our\s+)?(?:go-?live|launch|cutover|migration|rollout|deadline|opening|event|demo)\b|\bby\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:on|by)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b|\bcommitted\s+(?:to|date)\b|\bstakeholders?\b|\bsign-?off\b|\bcampaign\b|\b(?:trade\s*show|exhibition|conference|keynote)\b|\b(?:this|that|the)\s+date\s+(?:cannot|can't|won't|will\s+not|must\s+not)\b|\bby\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bin\s+place\s+by\b|\b(?:before|by)\s+then\b|\bmigration\s+(?:weekend|window|date|day)\b|\bcannot\s+afford\s+to\s+miss\b|\bsign\s+off\b|\bsteering\s+(?:meeting|committee)\b|\breview\s+board\b|\bgo[/-]no[- ]go\b|\b(?:user\s+)?acceptance\s+test\w*|\buat\b|\bpilot\s+wave\b|\bwave\s+\d\b|\bcut-?over\b|\brehearsal\b|\bsigned\s+off\b|\bsubmission\s+(?:deadline|date|in|by|on|is\s+due)\b|\b(?:by|before|until)\s+(?:early\s+|mid-?|late\s+|the\s+end\s+of\s+)?(?:january|february|march|april|june|july|august|september|october|november|december)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:doesn\W?t|does\s+not|won\W?t|will\s+not|can\W?t|cannot)\s+(?:move|slip|change)\b|\b(?:flips?|switch(?:es)?\s+over|cuts?\s+over)\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    ])
});

/// A date said to be missed or at risk (間に合わない, won't make it, in time): what a
/// severity asked for in the next sentence is for.
static DATE_MISSED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "間に合(?:わ|い)|ずれ込|遅れ(?:る|て|が)",
        r"\b(?:make|meet|hit)\s+(?:it|the\s+\w+)\b|\bin\s+time\b|\bat\s+risk\b|\bslip\w*",
    ])
});

/// A date by which something must work (セール開始までに…さばけるようにしたい, we need it
/// working before then, in place by the 15th): a project's deadline, not an outage.
static DEADLINE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "までに[^。]{0,40}(?:ように|状態に)(?:したい|しておきたい|する必要|しなければ|して(?:ほしい|いただきたい|ください|おく必要))|までに(?:は)?[^。]{0,30}(?:間に合わせ|完了させ|仕上げ)(?:たい|る必要)",
        r"\b(?:need|needs|want|must\s+have|have\s+to\s+have)\s+(?:it|this|them|(?:the|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:working|fixed|resolved|running|ready|up|in\s+place|done|live|sorted)\s+(?:before|by|in\s+time)\b|\b(?:wants?|needs?)\s+(?:\w+\s+){0,4}in\s+place\s+by\b|\b(?:have|having|get|getting)\s+(?:this|it)\s+(?:sorted|fixed|resolved|done|working)\s+(?:well\s+)?(?:before|by)\b",
    ])
});

/// Bringing back what stopped (復旧, 再開, restore, back online): a deadline for it is
/// an outage's, not a project's.
static RESTORE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "復旧|回復|再開|元に戻|復元",
        r"\brestor\w*|\brecover\w*|\bback\s+(?:up|online)\b|\bresum\w*",
    ])
});

/// A project or date that has slipped (スケジュールが 2 週間遅れ, the go-live slipped).
static PROJECT_SLIPPED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:スケジュール|日程|プロジェクト|リリース|稼働|移行|納期|計画|カットオーバー|サービスイン)[^。]{0,20}?(?:遅れ|遅延|ずれ込|後ろ倒し|延期|押して|間に合わ)|(?:予定|計画)(?:より|から)[^。]{0,10}(?:遅れ|遅延)",
        r"\b(?:go-?live|launch|project|schedule|timeline|cutover|release|migration|deadline|milestone)\b[^.]{0,30}?\b(?:slipped|slipping|delayed|behind|at\s+risk|pushed\s+(?:back|out))\b|\b(?:has|have|had)\s+(?:already\s+)?slipped\b|\bslipped\s+by\b|\bbehind\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:plan|schedule|timeline)\b",
    ])
});

/// Who or how much a failure reached (全社員, 全端末, 誰も, every request, all users,
/// nobody can): an outage now only when the same sentence says the failure is going on
/// now ([`PRESENT_FAILURE`]); a scope told of the past (throttled almost every request
/// on Friday), of a recovery (全端末が再接続でき) or of a system not live yet says nothing
/// of now.
static SCOPE_CUE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:すべて|全て)のユーザー|全(?:社員|社で|社的|ユーザ|利用者|顧客|店舗|拠点|従業員|職員|端末|リクエスト|取引|注文|決済|サービス(?:が|の)?(?:停止|ダウン|利用でき)|員(?:が|に)?影響)|(?:全て|すべて|全部)の(?:お客様|顧客|ユーザ|利用者|社員|店舗|拠点|VM|リクエスト|サービス|取引)|誰も|一切(?:接続|利用|アクセス|使え)|全面的に|どの[^。]{0,12}(?:でも|からも)[^。]{0,24}(?:でき|見られ|使え|つなが|繋が|開け)(?:ない|ません|ず)",
        r"\ball\s+(?:of\s+)?(?:our\s+)?(?:users|employees|customers|staff|visitors|tenants|orders|requests|services|hospitals|stores|sites|offices)\b|\bevery\s+(?:user|customer|employee|visitor|request|order|api\s+call|call|page|login|sign-in|transaction|payment|store|office|branch|clinic|ward)\b|\bno\s+(?:[\w-]+\s+)?(?:users?|customers?|shoppers?|employees?|staff|visitors?|patients?|clients?|members?|students?|agents?|clerks?|nurses?|doctors?)\s+(?:can|is\s+able|are\s+able|gets?|has\s+been\s+able)\b|\b(?:nobody|no\s+one|no-one)\s+(?:can|could|is\s+able|was\s+able|has\s+been\s+able|gets|is\s+getting)\b|\bwhole\s+(?:company|business|organi[sz]ation|site)\b|\bcompany-wide\b|\bentire\s+(?:company|business|site|storefront|organi[sz]ation|production)\b",
    ])
});

/// A failure said to be going on now: an ability negated in the present (できません,
/// つながらない状態です, cannot, is unable), a progressive or continuing failure
/// (返し続けています, 影響が出ています, is failing, are getting 503, has been down), or a
/// present-tense failure (every request returns 404, still fails). Not a past one
/// (throttled, got 502, できなくなっていました) nor a recovered one.
static PRESENT_FAILURE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:でき|使え|つなが|繋が|開け|開か|届か|動か|見られ|見れ|起動し|表示され|応答し|返ってこ|入れ|送れ|受け取れ)(?:ない|ません)(?:$|[。、がしけ]|(?:状態|状況|まま)(?:です|が続|(?:に|と)なって(?:い|お)|で[、す]|[。、]|$)|ので|ため)|(?:でき|使え|つなが|繋が)なくなって(?:い|お)(?:ます|る|ります)|(?:返し|失敗し|落ち|止まっ|停止し|エラーになっ|発生し|出て|続い|タイムアウトし|切断され|ダウンし)(?:続け)?て(?:い|お)(?:ます|る|ります|り、)|(?:停止|ダウン|障害|影響)(?:中|が(?:続|出て(?:い|お)))",
        r"\b(?:cannot|can't|can\s+not|can\s+no\s+longer|(?:is|are|am)\s+(?:still\s+|currently\s+)?(?:unable|not\s+able))\b|\b(?:nobody|no\s+one|no-one|no\s+(?:[\w-]+\s+)?[\w-]+s?)\s+(?:can|is\s+able|are\s+able|has\s+been\s+able|gets|is\s+getting)\b|\b(?:has|have)\s+(?:answered|returned|failed|thrown|rejected|dropped|refused)\b|\b(?:is|are)\s+(?:still\s+|now\s+|currently\s+)?(?:\w+\s+)?(?:failing|getting|returning|receiving|seeing|hitting|timing\s+out|erroring|throwing|dropping|down|offline|unavailable|unreachable|blocked|locked\s+out|affected|impacted|stuck)\b|\b(?:has|have)\s+been\s+(?:failing|returning|getting|down|unavailable|offline|unable|locked\s+out|timing\s+out)\b|\b(?:fails?|returns?|gets?|times?\s+out|drops?|throws?|hangs?|errors?\s+out)\b|\bstill\b",
    ])
});

/// A business-stopping outage said to be going on now by its state (停止中, 現在も, right
/// now, is down, still failing, losing revenue).
static ONGOING_CUE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "引き続き[^。]{0,20}(?:でき|つなが|繋が)(?:ない|ません|ず)|停止(?:中|して(?:いる|います|おり)|したまま)|止まって(?:いる|います|おり)|現在も|依然|継続中|(?:状態|事象|障害)が(?:続|継続)|(?:解消|復旧|回復)(?:して|されて|いたして)?(?:おりません|いません|いない|おらず|せず|しません|されません|されず)|利用できない状態|業務(?:が|を)?(?:停止|止ま|(?:行え|でき)(?:ない|ず|ませ))|(?:でき|使え|つなが|繋が|行え)(?:ない|ず)(?:状態|状況)(?:です|が続|となって|になって)|(?:返し|失敗し|落ち|エラーになり|発生し)続け|復旧を(?:最優先|急いで|急ぎ|優先)|(?:至急|早急に|一刻も早く)[^。]{0,10}復旧",
        r"\b(?:is|are)\s+(?:currently\s+|still\s+|completely\s+|totally\s+)?(?:down|offline|unreachable|unavailable)\b|\bright\s+now\b|\bat\s+the\s+moment\b|\bin\s+progress\b|\bongoing\b|\bstill\s+(?:down|failing|broken|unavailable|locked\s+out)\b|\blosing\s+(?:revenue|money|sales)\b|\bnot\s+(?:yet\s+)?(?:recovered|restored)\b",
    ])
});

/// A statement that nothing is down now: the problem has passed (現在は問題なく動いて
/// います, back to normal), production is not affected (現行の環境は今も稼働, nothing in
/// production depends on it, no users on it yet) or not live (利用開始はまだ先). It
/// outweighs words of an outage elsewhere (停止中は 503 でした tells the past).
static NOTHING_DOWN_NOW: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "業務(?:は|に|へ)?(?:の)?(?:影響は?)?(?:止まって|停止して)(?:い|お)(?:ません|らず)|業務(?:を|は)(?:継続|続け)(?:でき|られ)|(?:業務|利用者|お客様|ユーザー)(?:へ|に)の影響(?:は|も)?[^。]{0,8}(?:ありません|ない|なく|ございません)|(?:今|現在)(?:は|も)(?:問題なく|正常に|普通に|通常どおり|通常通り)(?:動いて|動作して|稼働して|使えて|利用でき|アクセスでき|接続でき)|(?:現行|既存|本番|移行元|旧|オンプレミス|オンプレ)(?:の)?[^。]{0,16}(?:は|も)(?:今も|現在も)?(?:普通に|問題なく|正常に|通常どおり|通常通り)(?:稼働|動いて|動作)|(?:利用|稼働|運用|サービス)開始(?:は|が)?まだ先|(?:旧|現行|既存|移行元)(?:の)?[^。]{0,12}(?:が|は|も)(?:今も|現在も|引き続き)?(?:普通に|問題なく|正常に|通常どおり|通常通り)?(?:稼働|運用)(?:して|されて)(?:いる|います|おり|おります)|(?:サービス|業務|本番|システム)(?:は|も)[^。]{0,30}(?:旧|現行|既存|移行元|オンプレ)[^。]{0,24}(?:で|にて)(?:今も|現在も)?(?:普通に|問題なく|正常に|通常どおり|通常通り)(?:稼働|動いて|動作)|本番(?:環境|サービス)?(?:に|へ)?(?:は)?影響(?:は|が)?(?:ありません|ない|なく|ございません|出ていません)|(?:業務|本番|お客様|顧客|利用者)[^。]{0,16}(?:ご)?(?:利用|使用)(?:いただいて|して|されて)(?:いる|おる)もの(?:で|では)(?:は)?(?:ございません|ありません|ない)|(?:状態|設定|構成)で(?:今も|現在も|いまも)?[^。]{0,6}(?:続けられて|稼働して|運用して|動いて|続けて)|(?:現在|今|いま)は(?:以前|前|元|旧|古い|変更前)の[^。]{0,30}(?:で運用|で稼働|で動か|にして|に戻して)|(?:既存|従来|旧|現行)[^。]{0,30}(?:で|にて)[^。]{0,12}(?:問題なく|通常どおり|通常通り|普通に)?(?:行われて|行って|稼働して|運用して)(?:い|お)",
        USUAL_NOW,
        NORMAL_OPERATION,
        BUSINESS_GOES_ON_NOW,
        r"\b(?:nothing|no\s+\w+)\s+(?:in|on)\s+production\s+(?:depends|relies|runs|uses|is\s+affected)\b|\b(?:is|are)\s+(?:running|working|serving)\s+(?:\w+\s+){0,3}(?:right\s+now|now|at\s+the\s+moment)\b|\bthat\s+is\s+how\b[^.]{0,40}\brunning\b|\bno\s+(?:user|customer|business)\s+impact\b|\b(?:no|none\s+of\s+(?:our|the|its|their))\s+(?:\w+\s+){0,2}(?:is|are)\s+(?:on|using|relying\s+on|in)\s+(?:it|this|them|(?:this|that|the|our)\s+[\w-]+)\s+yet\b|\b(?:old|current|existing)\s+(?:\w+\s+){0,2}(?:is|are)\s+still\s+(?:serving|running|working|handling)\b|\b(?:has|have)\s+been\s+(?:fine|stable|healthy|working)\s+(?:ever\s+)?since\b|\bback\s+to\s+normal\b|\b(?:keep|keeps|continue|continues)\s+(?:to\s+)?(?:serv(?:e|ing)|run(?:ning)?|work(?:ing)?)\s+(?:\w+\s+){0,2}(?:normally|fine|as\s+usual)\b|\b(?:old|current|existing|previous|live|production)\s+(?:[\w-]+\s+){0,3}still\s+(?:serves|runs|handles|works)\b|\bstill\s+(?:handled|sent|served|processed|run)\s+by\s+the\s+(?:old|current|existing|previous)\b|\b(?:serves?|serving)\s+(?:the\s+|our\s+)?[\w-]+\s+normally\b",
        // Nothing failing told of now (Nothing is broken at the moment, not reproducible
        // at the moment), a calm since
        // the failure ended (it has been healthy the whole day since), production left
        // out of it (the change was never applied to production).
        r"\b(?:nothing|none\s+of\s+(?:it|them))\s+(?:is|are|'s)\s+(?:\w+\s+)?(?:broken|down|failing|affected|impacted|erroring|wrong)\b|\b(?:has|have)\s+been\s+(?:fine|stable|healthy|working|normal)\s+(?:[\w-]+\s+){1,4}since\b|\bproduction\s+(?:[\w-]+\s+){0,3}(?:is|was|remains|has\s+been)\s+(?:not\s+|un)(?:affected|touched|changed|impacted)\b|\b(?:not|never)\s+(?:been\s+)?(?:applied|deployed|rolled\s+out)\s+(?:to|in|on)\s+production\b|\b(?:not|no\s+longer)\s+reproducible\b|\b(?:cannot|can't|could\s*n[o']t)\s+reproduce\s+(?:it\s+|this\s+)?(?:now|any\s*more|at\s+the\s+moment)\b",
        "(?:現在|今|いま)(?:は|では)?(?:再現|発生)(?:し|いたし)?(?:ません|ない|ておりません|ていません)",
    ])
});

/// The business going on now as usual, or production left out of the change (現在は
/// 通常どおり業務ができています, 試験室の業務は通常どおり続いています, 本番環境には今回の
/// 変更を適用しておらず): nothing the business needs is down.
const BUSINESS_GOES_ON_NOW: &str = "(?:今|現在|いま)(?:は|も|では)[^。]{0,12}(?:通常どおり|通常通り|普段どおり|普段通り|いつもどおり|いつも通り|問題なく|正常に)[^。]{0,12}(?:でき|行え|使え|動い|稼働し|続い|続けられ)て(?:い|お)|(?:業務|診療|営業|生産|出荷|操業|販売|受付)(?:は|も)[^。]{0,8}(?:通常どおり|通常通り|普段どおり|普段通り|いつもどおり|いつも通り|問題なく)(?:に)?(?:続いて|続けて|続けられて|行われて|回って|稼働して)(?:い|お)|本番[^。]{0,40}?(?:には|は|へは|では)[^。]{0,20}?(?:適用|反映|展開|実施|リリース)(?:して|されて|を行って)?(?:いない|おらず|いません|おりません)";

/// A system nobody but an event or a test uses (他に誰も使っていない, 展示会でしか使わない,
/// nobody else uses it, only used by the booth staff): not the business's. It is a sign
/// of its own and outweighs words of an outage, like [`NOTHING_DOWN_NOW`].
static NOT_USED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:まだ)?(?:一般の)?(?:お客様|利用者|ユーザー|顧客)(?:の|による|からの)?(?:アクセス|利用)(?:は|が)(?:まだ)?(?:ありません|ない|ございません|ゼロ)|(?:他に|ほかに|他の(?:人|部署|社員|利用者)は?|ほかの(?:人|部署|社員|利用者)は?)(?:誰も|だれも)?(?:使って|利用して|使用して)(?:いない|いません|おらず|おりません)|(?:展示会|デモ|イベント|検証|テスト|評価|発表会|セミナー|開発)[^。]{0,16}(?:で|に|用に)?(?:しか|のみ|だけ)(?:が|で)?(?:使わ|使用し|利用し|使い|使う|利用する|使用する)|まだ[^。]{0,16}(?:通信|トラフィック|データ|業務|利用者|ユーザー|お客様|取引先)[^。]{0,8}(?:流して|載せて|乗せて|移して|使って|利用して|案内して|公開して)(?:いない|おらず|いません|おりません)|(?:取引先|お客様|利用者|ユーザー|社員)(?:に|へ)(?:は)?まだ(?:案内|公開|提供|開放|展開)(?:して|されて)?(?:いない|おらず|いません|おりません)|まだ誰にも(?:公開|案内|提供|開放|展開)|(?:利用者|ユーザー|使う人|使用者)(?:も|は|が)(?:まだ)?(?:いません|いない|おらず|おりません|ゼロ|0 ?人)|(?:誰も|だれも|どなたも)[^。、]{0,12}?(?:使って|利用して|使用して|触って)(?:いない|いません|おらず|おりません)|業務(?:で|に)(?:は)?(?:まだ)?(?:使って|利用して|使用して|使われて)(?:いない|いません|おらず|おりません)|業務(?:で|に|での)?(?:の)?(?:利用|使用)(?:は)?(?:なし|無し|ありません|ございません|していません|しておりません|はしていない)|まだ[^。]{0,12}(?:一人も|ひとりも|誰も|だれも)[^。]{0,4}(?:入って|来て|乗って|使って|利用して|アクセスして)(?:い|お)?(?:ない|なく|ません|らず|りません)|(?:一人も|ひとりも)(?:入って|来て|乗って)(?:い|お)?(?:ない|なく|ません|らず|りません)",
        r"\b(?:customers|users|clients|partners|end\s+users)\s+are\s+still\s+(?:on|using)\s+(?:the|our)\s+(?:old|current|existing|legacy)\b|\bonly\s+(?:our|the)\s+(?:\w+\s+){0,2}(?:team|testers|developers|engineers)\b[^.]{0,30}?\b(?:sends?|uses?|using|hits?|generates?|access(?:es)?|calls?|calling)\b|\b(?:nobody|no\s+one|no-one)\s+else\s+(?:uses?|is\s+using|relies\s+on|depends\s+on|needs)\b|\b(?:(?:is|are)\s+only\s+(?:for|used\s+(?:for|by|at|in))|used\s+only\s+(?:for|by|at|in))\s+(?:the|our|a|an|this)\s+[\w\s-]{0,24}?\b(?:booth|demo|event|exhibition|trade\s*show|conference|tests?|testing|harness|pilot|poc|kiosks?|rehearsals?)\b|\bnothing\s+(?:has\s+)?(?:launched|gone\s+live|shipped)\b|\bnothing\s+else\s+(?:runs|is\s+running|lives|is\s+deployed|is\s+hosted)\s+(?:on|in)\b|\bthe\s+only\s+(?:traffic|users?|load)\s+(?:is|are|comes?\s+from)\s+(?:our\s+own|our\s+team|internal|the\s+team)\b|\b(?:no\s+one|nobody|no-one)\s+(?:is\s+)?(?:using|uses)\s+(?:it|this|them)\b|\bnone\s+of\s+(?:its|the|our)\s+(?:\w+\s+)?(?:workloads|apps|applications|services)\s+(?:have|has)\s+been\s+deployed\b|\bserves\s+no\s+(?:applications?|customers?|users?|production|traffic)\b|\bno\s+(?:[\w-]+(?:,\s*|\s+(?:or|nor|and)\s+)){0,5}[\w-]+\s+(?:use|uses|touch|touches|depends?\s+on|relies\s+on|rely\s+on)\s+(?:it|this|them)\b|\b(?:we\s+)?plan\s+to\s+(?:open|launch|release|offer)\s+(?:it\s+)?(?:to|for)\b|\bnot\s+yet\s+(?:open|opened|available|live|released|exposed)\s+(?:to|for)\b|\bnot\s+(?:open|opened|available|live|released|exposed)\s+(?:to|for)\s+(?:\w+\s+){0,3}?(?:customers|users|the\s+public|partners|clients|anyone|shoppers|patients|players|tenants)\s+yet\b|\b(?:zero|no)\s+(?:customers|users|players|tenants|end\s+users)\s+(?:are\s+|is\s+)?(?:on|using)\s+(?:it|this|them)\b",
    ])
});

/// Work on a project said to be blocked (作業が止まっている, testing is blocked): a
/// project's delay, not the business stopped, so it does not count as an outage now.
static WORK_BLOCKED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:作業|検証|テスト|試験|開発|構築|移行|準備|プロジェクト)(?:が|は|も)?(?:止まって|停止して|進められ|進まな|進んで(?:い|お)(?:ない|ません|らず))",
        r"\b(?:work|testing|tests|development|project|rollout|migration|build|onboarding)\s+(?:is|are|has\s+been)\s+(?:blocked|stalled|on\s+hold)\b",
    ])
});

/// The business carries on: a workaround serves it (手動で再実行すると…取り込めました,
/// 予備の PC で作業してもらっています, for now they use the full desktop, which works) or
/// only a few users are affected while the others work normally (他部署の約 250 名は
/// 普段どおり利用できています, everyone else can launch it without trouble), or it is
/// slower but nothing fails (no errors, only slower), or orders still come in
/// (ご注文は入ってきていて, customers can still check out).
static CARRIES_ON_CUE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        NORMAL_OPERATION,
        "(?:他|ほか)の[^。]{0,30}(?:は|も)[^。]{0,8}(?:普段どおり|普段通り|通常どおり|通常通り|問題なく|正常に|いつもどおり)(?:に)?(?:利用|使え|使用|接続|サインイン|ログイン|動作|稼働|作業)|(?:予備|代替|代わり|別)の[^。]{0,20}(?:で|を使って|を使い|を貸し出し|に切り替えて)[^。]{0,24}(?:作業|業務|利用|対応|処理)(?:して|を継続|でき|を続け)|手動で[^。]{0,30}(?:再実行|実行|処理|取り込)(?:する|した|すれ|し)?(?:と|ば|たら|ところ|ことで)[^。]{0,40}(?:完了|取り込め|処理でき|成功|間に合)|(?:レポート|締め|業務|処理|納期|期限)(?:に|にも)(?:は)?間に合って(?:います|おります|いる)|エラー(?:は|も)?(?:出て|発生して)(?:い|お)(?:ません|らず)[^。]{0,20}(?:遅い|遅く|遅延)(?:だけ|のみ)|遅延(?:のみ|だけ)|(?:注文|受注|予約|決済|売上|申し込み|申込)(?:は|も)[^。]{0,12}(?:入って(?:きて)?|通って|受けられて|処理されて|完了して)(?:いて|います|おり|おります)|(?:残り|残る|その他|ほか|他)の[^。]{0,30}(?:は|では|も)[^。]{0,12}(?:遅延|エラー|事象|問題|症状|障害)(?:は|も)?(?:出て|発生して|起きて|見られて)(?:い|お)(?:ません|らず)|(?:業務|処理|受付|診療|営業|販売|作業|出荷|生産|窓口)(?:自体)?(?:は|も)[^。]{0,8}(?:通常どおり|通常通り|普段どおり|普段通り|いつもどおり|いつも通り|問題なく)(?:に)?(?:続け|継続|行え|行って|回って|進め|でき)|(?:影響|該当|発生)[^。]{0,12}(?:[0-9一二三四五六七八九]|数) ?(?:名|人|台)(?:のみ|だけ)|(?:そのもの|自体)は[^。]{0,12}(?:成功|完了|処理され)(?:して)?(?:おり|います|いて|ております)",
        r"\b(?:everyone|everybody|all)\s+else\b[^.]{0,100}?\b(?:can|could|is\s+able|are\s+able|works?|working|unaffected|not\s+affected|without\s+(?:trouble|problems?|issues?))\b|\b(?:the\s+rest\s+of|all\s+(?:the\s+)?other)\s+(?:\w+\s+){0,3}(?:can|are\s+(?:able|fine|unaffected|working)|work\s+(?:fine|normally))\b|\bfor\s+now\b[^.]{0,100}?\b(?:which|that|this)\s+works\b|\bwhich\s+works\s+but\b|\bno\s+errors?\b[^.]{0,30}?\b(?:only|just)\b[^.]{0,15}?\bslow(?:er)?\b|\b(?:orders|bookings|payments|sales)\s+(?:are\s+|were\s+)?still\s+(?:coming\s+in|going\s+through|being\s+(?:placed|taken|processed))\b|\bcustomers\s+(?:can|could)\s+still\s+(?:order|buy|book|pay|check\s+out)\b|\bthe\s+rest\s+of\b[^.;]{0,60}?\b(?:(?:is|are)\s+not\s+affected|(?:is|are)n't\s+affected|unaffected)\b|\b(?:itself|every\s+run|each\s+run|all\s+runs)\s+(?:still\s+)?(?:succeeds?|completes?|finish(?:es)?)\b|\b(?:are|is|were|was)\s+(?:\w+\s+)?(?:processing|working|operating|trading|connecting|signing\s+in|logging\s+in)\s+(?:\w+\s+)?(?:normally|as\s+usual)\b|\b(?:affects?|affecting|impacts?|impacting)\s+(?:only\s+)?(?:the\s+)?(?:one|two|three|four|five|six|a\s+few|a\s+handful\s+of|[1-9])\s+(?:\w+\s+){0,2}(?:users|students|people|staff|colleagues|engineers|developers|analysts|members|researchers|clerks|terminals|pcs|machines|devices)\b",
    ])
});

/// A restart or failover that brings the service back for good (再起動すると 5 分ほどで
/// 復旧し, a reboot brings it back within minutes): a workaround restores service, so
/// what is wanted is the cause. Not when the sentence says it did not help or came back
/// only for a while (一時的に, すぐにまた, briefly).
static RESTART_RESTORES: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:再起動|リセット|再デプロイ|フェールオーバー|再接続)(?:する|した|すれ|を行う|を実施する)?(?:と|ば|たら|で|により|によって)[^。]{0,20}(?:復旧|回復|戻(?:り|る|って|せ)|解消|正常に)",
        r"\b(?:a\s+|the\s+)?(?:restart|reboot|redeploy|failover)s?\b[^.]{0,40}?\b(?:restores?|brings?\s+(?:it|them|\w+)\s+back|fixes\s+it|recovers?)\b|\b(?:restarting|rebooting|redeploying)\s+(?:it|them|the\s+[\w-]+)\s+(?:restores|fixes|brings)\b",
    ])
});
/// Verbs of undoing a change, each with the kana it must take (外 alone is in 以外):
/// putting back, removing, disabling, stopping, excluding, or building again on the
/// old version (一つ前のバージョンで作り直した).
const UNDO_VERB_JA: &str = concat!(
    "(?:元に|前に|もとに)?(?:切り)?戻(?:す|し|せ|さ|っ)",
    "|(?:削除|解除|停止|無効化|除外|撤去|撤回|アンインストール|ダウングレード|ロールバック|切り戻し|取り消し|リバート)(?:す|し|さ|を(?:す|し|行|実施))",
    "|(?:消|外|取り除|取り外|取り消)(?:す|し|せ|さ)|(?:やめ|止め|差し替え|入れ替え|書き戻|取りやめ|切り替え直)",
    "|(?:無効|オフ|OFF|既定値|デフォルト|初期値|元の値|前の値|以前の値|変更前の値)(?:に|へ)(?:す|し|戻|切り替え|切替|変更|設定)",
    "|(?:バージョン|ランタイム|SKU|ティア|プラン|世代|[0-9]+(?:\\.[0-9]+)+) ?(?:に|へ)(?:下げ|落と)",
    "|(?:旧|以前の|前の|一つ前の|ひとつ前の|元の|変更前の|従来の)[^。、]{0,30}?(?:(?:で|に|へ|を)(?:作り直|再作成|再デプロイ|デプロイし直|入れ直|切り替え|切替|差し替え|入れ替え|書き換え|指定し|設定し|適用し)|に(?:す|し))",
);
/// How an undo is linked to what follows: when, if, once done, in the state where
/// (〜すると, 〜したら, 〜すれば, 〜したところ, 〜した場合, 〜した状態だと, 〜してみると).
const UNDO_LINK_JA: &str =
    "[ぁ-ゖ]{0,6}?(?:と|ば|たら|ところ|た?場合(?:は|に|には)?|た?状態(?:だと|では|で|なら)|後は|ことで)";
/// An outcome that works: it connects, runs, shows, is solved, or the error no longer
/// comes out (つながる, 正常に, 表示される, 解消, 元どおり, エラーは一切出なくなる).
const WORKS_JA: &str = concat!(
    "(?:つなが|繋が|接続でき|通信でき|疎通でき|アクセスでき|ログインでき|送信でき|受信でき|利用でき|使え|表示され|正常|動作|動く|動き|動い",
    "|起動|立ち上が|解消|復旧|回復|改善|問題な|元どおり|元通り|通る|通り|通っ|成功|完了|処理され|届|再開|安定",
    "|(?:エラー|失敗|タイムアウト|事象|現象|[0-9]{3})(?:は|が|も)?(?:一切|まったく|全く|もう)?(?:出|発生し|起き|起こら|返ら|見られ)(?:なく|な|ず|ません|ていません)",
    "|(?:出|起き|発生し|落ち|切れ|止ま|途切れ|失敗し)(?:なくなり|ていません|ておりません))",
);

/// An undo followed by an outcome that works, composed from the classes above (verb ×
/// link × outcome) rather than listed sentence by sentence; in English, undoing said as
/// a subject (pinning it back makes the errors disappear) or as a state (with the
/// private endpoint detached, the pages load).
static UNDO_WORKS: LazyLock<Cue> = LazyLock::new(|| {
    let ja = format!("(?:{UNDO_VERB_JA}){UNDO_LINK_JA}[^。]{{0,40}}?{WORKS_JA}");
    Cue::new(&[
        &ja,
        r"\b(?:pinning|rolling|setting|switching|putting|moving|turning|scaling|changing|flipping|downgrading)\s+(?:[\w.-]+\s+){0,4}back\b.{0,60}?\b(?:fixes|fixed|resolves|resolved|makes?\s+(?:\w+\s+){0,3}(?:go\s+away|disappear|work|stop|load|connect)|works|restores|brings?\s+(?:it|them|\w+)\s+back)\b",
        r"\bwith\s+(?:the|it|that|this|our)\s*(?:[\w-]+\s+){0,3}(?:detached|removed|disabled|deleted|turned\s+off|switched\s+off|reverted|rolled\s+back|unlinked|unassigned|uninstalled|off|gone)\b,?\s+(?:\w+\s+){0,4}(?:works?|loads?|connects?|runs?|succeeds?|starts?|responds?|resolves?|goes\s+through|gets?\s+through)\b",
    ])
});

/// A negation right after an outcome (接続でき|なくなりました, 起動|しません) or inside an
/// English undo (after we removed it, the app could no longer reach …): the undo broke
/// something, or did not help; it did not fix anything.
static OUTCOME_NEGATED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "^[^。、]{0,5}?(?:なく|ない|ません|ず|なかった)",
        r"\b(?:no\s+longer|not|never|cannot|unable|stopped\s+working)\b|n't\b",
    ])
});

/// Whether `sentence` says a fix was tried and the problem stayed (didn't help,
/// 切り戻した後も, the 500s kept coming).
fn did_not_help(sentence: &str) -> bool {
    DID_NOT_HELP.is_match(sentence) || UNDO_STILL_FAILS.is_match(sentence)
}

/// Whether the undo told in sentence `k` did not help: its own sentence says so, or the
/// next one does when the undo's own sentence tells no outcome that works (We reverted
/// the rule at 11:10. The 502s continue.). Tied to the undo's sentence, not to any fix
/// anywhere: a restart that did not help says nothing of an undo.
fn undo_failed_at(texts: &[&str], k: usize) -> bool {
    did_not_help(texts[k])
        || (!UNDO_WORKS.is_match(texts[k])
            && texts.get(k + 1).is_some_and(|n| did_not_help(n) && !mentions_fix_tried(n)))
}

/// Whether `sentence` names a rollback (切り戻し, rolled back) or an undo verb.
fn mentions_undo(sentence: &str) -> bool {
    let (set, family) = &*TRIGGERS;
    set.find(sentence).iter().any(|m| family[m.phrase] == ROLLBACK)
}

/// Whether `sentence` tells a fix of its own being tried (再起動しても, a restart did not
/// help): then its "did not help" is about that fix, not the undo before it.
fn mentions_fix_tried(sentence: &str) -> bool {
    FIX_TRIED.is_match(sentence)
}

/// A fix of its own tried in a sentence: a restart, redeploy, scale, reinstall, retry.
static FIX_TRIED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "再起動|再デプロイ|スケール|再インストール|再試行|リトライ|再作成|再実行|キャッシュ(?:を)?(?:クリア|削除)",
        r"\b(?:restart\w*|reboot\w*|redeploy\w*|scal(?:e|ed|ing)|reinstall\w*|retr(?:y|ied|ying)|recreat\w*|re-?ran|rerun|flush\w*|clear(?:ed|ing)?\s+the\s+cache)\b",
    ])
});

/// Whether the undo found at `r` in `sentence` did not end in an outcome that works:
/// Japanese negates after the outcome word, English before it (inside the match).
fn undo_outcome_negated(sentence: &str, r: &std::ops::Range<usize>) -> bool {
    let after: String = sentence[r.end..].chars().take(8).collect();
    let inside = &sentence[r.clone()];
    let japanese_after = !after.is_ascii() && OUTCOME_NEGATED.find(&after).is_some_and(|m| m.start == 0);
    let english_inside = inside.is_ascii() && OUTCOME_NEGATED.is_match(inside);
    japanese_after || english_inside
}

/// A project phase not live yet, composed from a class of events (go-live, opening,
/// cut-over) or processes (build-out, migration, acceptance test) and a state of
/// not-yet or at-risk (前, 予定で, を控え, 作業中, の期間, に間に合わない, を延期).
/// A running system (稼働中, 公開中) is live, so 中 goes with processes only.
static NOT_LIVE_PHASE: LazyLock<Cue> = LazyLock::new(|| {
    const EVENT: &str = "(?:本番稼働|本番化|運用開始|サービス開始|サービスイン|利用開始|提供開始|稼働開始|リリース|公開|ローンチ|オープン|開業|開院|開店|開通|カットオーバー|切り?替え|切替|移行|全社展開|検収|納品)";
    const PROCESS: &str = "(?:構築|移行|移設|移転|展開|導入|立ち上げ|開通|検収|受け入れ(?:テスト|試験)|受入(?:テスト|試験)|ユーザー受け入れ|並行稼働|試験運用|先行導入)";
    let ja = format!(
        "{EVENT}(?:日|作業)?(?:は|が|を|の)?[^。]{{0,20}}?予定(?:で|の|です|して|となって|であり|しており)|{EVENT}(?:日|作業)?(?:に|まで(?:に)?)(?:は)?間に合(?:わ|い(?:ません|そうに))|{EVENT}(?:日|作業)?(?:を|が|も)?[^。]{{0,8}}?(?:延期|見送|後ろ倒し|ずれ込)|{PROCESS}(?:作業)?(?:の)?(?:中|途中|最中|期間|段階|フェーズ)|{EVENT}に先立|先行導入|並行稼働|試験運用|実証実験"
    );
    Cue::new(&[
        &ja,
        r"\bparallel[- ]run\b|\bshadow(?:s|ing)?\s+(?:it|the\s+\w+)\b|\b(?:in|during|through)\s+(?:the\s+)?(?:uat|user\s+acceptance\s+test\w*|acceptance\s+test\w*)\b|\b(?:real|end|actual)\s+(?:users|customers)\s+(?:move|switch|cut|come)\s+(?:over|on\s+board)\s+(?:in|on|next|from|after)\b|\b(?:go-?live|launch|cutover|opening|rollout|switch-?over)\s+(?:(?:has|had|will|may|might)\s+(?:been|be|have\s+to\s+be)\s+)?(?:postponed|pushed\s+back|delayed)\b",
    ])
});

/// Something that stopped working (接続できなくなりました, 起動しません, stopped sending,
/// could no longer reach): a sentence the model scores as an undo but whose outcome is a
/// failure. Read for the model, which scores whole sentences; the cues check the outcome
/// they matched.
static UNDO_BROKE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:でき|つなが|繋が|届か|動か|起動し|表示され|接続し|送信し|応答し)(?:なく|ない|ず|ません)",
        r"\bstopped\s+\w+ing\b|\bno\s+longer\b|\bcould\s*n[o']t\b|\bcannot\b|\bcan't\b|\bfail(?:s|ed)?\s+to\b",
    ])
});

/// Words that say an undo was done and the problem stayed (切り戻した後も, 戻したものの,
/// we rolled it back; the 500s kept coming): not an undo that fixes it.
static UNDO_STILL_FAILS: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:た|だ)後(?:も|でも)|てからも|たものの|たにもかかわらず|(?:改善|変化|効果)(?:は)?(?:なし|見られず|見られません)",
        r"\bkept\s+(?:coming|failing|happening|returning|appearing|crashing|timing\s+out)\b|\bno\s+(?:change|difference|improvement)\b|\bunchanged\b",
    ])
});

/// A failure told as over by the aspect of the working verb: it works again, or came to
/// work (Donations go through again since then, pages load again, 正常に表示されるように
/// なり, 接続できるようになりました). Not when the sentence says it came back only for a
/// while, or that something still fails (まだ…できません, but … still).
static WORKS_AGAIN: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:できる|される|通る|つながる|繋がる|使える|動く|流れる|届く|見られる|開ける|入れる|返る|応答する)ように(?:なりました|なり[、。]|なり$|なって(?:い|お)(?:ます|る|ります))",
        r"\b(?:go(?:es)?|gets?|flows?|works?|loads?|connects?|succeeds?|runs?|respond(?:s)?|(?:is|are)\s+(?:going|getting|flowing|working|loading|connecting|succeeding|running|responding))\s+(?:through\s+|fine\s+|normally\s+|again\s+normally\s+)?again\b(?:\s+(?:since|now|ever\s+since))?",
    ])
});

/// A failure said to go on next to a recovery (まだ…できません, some users still cannot):
/// the recovery is partial, not over.
static STILL_FAILS: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:まだ|依然|引き続き|今も|現在も)[^。]{0,30}(?:でき|つなが|繋が|使え|届か|表示され|動か)(?:ない|ず|ません)",
        r"\bstill\s+(?:\w+\s+){0,3}(?:cannot|can't|fail\w*|get(?:s|ting)?\s+(?:errors?|\d{3}s?)|unable|down|broken|time\s+out|timing\s+out)\b|\b(?:cannot|can't|are\s+unable\s+to|fail(?:s)?\s+to)\b[^.]{0,40}\bstill\b",
    ])
});

/// Words that say a restart helped only for a while.
static ONLY_A_WHILE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "一時的|すぐに?(?:また|再び|再発)|(?:[0-9]+ ?(?:分|時間)|数分|数十分|数時間|しばらく)(?:ほど|程度|くらい|ぐらい)?(?:後|で|経つと|すると)に?(?:また|再び|再度)",
        r"\bbriefly\b|\btemporarily\b|\bfor\s+a\s+(?:few\s+)?(?:minutes?|while)\b|\bthen\s+(?:fails?|drops?|hangs?)\s+again\b",
    ])
});

/// A sentence that dates a calm from the last change (the last deployment was on 2
/// December and it has been stable since; 前回のリリース以降は安定していました), or gives
/// the calm after a change a length (その後 6 日間は問題なし, ran fine for a week after
/// the upgrade): the time before the problem began, not a recovery.
static SINCE_LAST_CHANGE: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:前回|最後|直近|最新)の(?:変更|デプロイ|リリース|更新|パッチ|メンテナンス)",
        r"\b(?:last|previous|latest|most\s+recent)\s+(?:deployment|deploy|change|update|release|patch|maintenance|upgrade)\b",
        "(?:その後|以降|それ以降|それから)(?:の)? ?(?:[0-9０-９一二三四五六七八九十数]+|約 ?[0-9]+) ?(?:日|週|か月|ヶ月|カ月|時間)(?:間)?(?:ほど|くらい|ぐらい)?(?:は|も)?(?:問題な|安定|正常|異常な)",
        r"\b(?:fine|stable|healthy|no\s+(?:issues|problems|errors))\s+for\s+(?:about\s+|around\s+)?(?:\d+|a|one|two|three|four|five|six|several|a\s+few)\s+(?:days?|weeks?|months?|hours?)\s+(?:after|since)\b",
    ])
});

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

/// The first sign, in document order, that the request is not an outage happening now:
/// its document range and family.
fn first_sign(prose: &Prose) -> Option<(std::ops::Range<usize>, usize)> {
    let (set, family) = &*TRIGGERS;
    let wants_recovery = prose.mentions(&RECOVERY_SET);
    let project = prose.mentions(&PROJECT_SET);
    let mut project_before = false;
    let mut date_missed_before = false;
    let sentences: Vec<_> = prose.sentences().collect();
    let texts: Vec<&str> = sentences.iter().map(|s| s.text).collect();
    // A rollback tried and said not to have helped makes every other bare mention of a
    // rollback (Release 3.3 deployed, rolled back at 11:10) that same failed attempt.
    let failed_undo = (0..texts.len()).any(|k| mentions_undo(texts[k]) && undo_failed_at(&texts, k));
    for (k, s) in sentences.iter().enumerate() {
        let undo_failed = undo_failed_at(&texts, k);
        // A test environment named to contrast with production says nothing.
        let contrast = TEST_CONTRAST.is_match(s.text);
        // Stable since the last change tells the time before the problem, not after.
        let before_the_problem = SINCE_LAST_CHANGE.is_match(s.text);
        let partial = STILL_FAILS.is_match(s.text);
        let keep = |fam: usize| match fam {
            RECOVERED => !before_the_problem && !partial,
            // Wanting the cause of a problem that still has to be restored is fine at A.
            ROOT_CAUSE => !wants_recovery,
            // An undo that did not help says nothing about rolling back fixing it.
            ROLLBACK => !undo_failed,
            _ => true,
        };
        let mut signs: Vec<(std::ops::Range<usize>, usize)> = set
            .find(s.text)
            .into_iter()
            .filter(|m| !(failed_undo && family[m.phrase] == ROLLBACK))
            .filter(|m| {
                // Urgency alone is not a project: it needs a project or schedule nearby.
                family[m.phrase] != SPEED
                    || !URGENCY_ONLY.contains(&PHRASE_LIST[m.phrase])
                    || project
            })
            .map(|m| (m.range, family[m.phrase]))
            .collect();
        for (fam, cue) in CUES.iter().enumerate() {
            signs.extend(cue.find(s.text).map(|r| (r, fam)));
        }
        signs.extend(UNDO_WORKS.find_all(s.text).into_iter().map(|r| (r, ROLLBACK)));
        // An undo whose outcome is negated (削除したところ接続できなくなりました) broke it.
        signs.retain(|(r, fam)| *fam != ROLLBACK || !undo_outcome_negated(s.text, r));
        signs.extend(NOT_LIVE_PHASE.find(s.text).map(|r| (r, BUILD_OUT)));
        if !contrast {
            signs.extend(TEST_ENV.find(s.text).map(|r| (r, BUILD_OUT)));
        }
        signs.extend(NOT_USED.find(s.text).map(|r| (r, BUILD_OUT)));
        if !undo_failed && !ONLY_A_WHILE.is_match(s.text) {
            signs.extend(RESTART_RESTORES.find(s.text).map(|r| (r, RECOVERED)));
            if !STILL_FAILS.is_match(s.text) && !did_not_help(s.text) {
                signs.extend(WORKS_AGAIN.find(s.text).map(|r| (r, RECOVERED)));
            }
        }
        signs.extend(CARRIES_ON_CUE.find(s.text).map(|r| (r, CARRIES_ON)));
        signs.extend(PROJECT_SLIPPED.find(s.text).map(|r| (r, SPEED)));
        // A deadline to restore service (締め処理までに復旧できるように) is an outage's.
        if !RESTORE.is_match(s.text) {
            signs.extend(DEADLINE.find(s.text).map(|r| (r, SPEED)));
        }
        // Haste for a project date, in the sentence or next to it (before or after).
        let project_here = PROJECT_CUE.is_match(s.text);
        let project_after = sentences.get(k + 1).is_some_and(|n| PROJECT_CUE.is_match(n.text));
        if project_here || project_before || project_after {
            signs.extend(HASTE.find(s.text).map(|r| (r, SPEED)));
        }
        // Severity A asked for a date given in the sentence, or just after a sentence
        // that says the date will be missed (…締め切りで間に合わないです。なので一番上の重大度
        // にさせてもらいました): a release named as the outage's cause is no such date.
        if project_here || date_missed_before {
            signs.extend(SEVERITY_ASKED.find(s.text).map(|r| (r, SPEED)));
        }
        project_before = project_here;
        date_missed_before = project_here && DATE_MISSED.is_match(s.text);
        if let Some((r, fam)) = signs
            .into_iter()
            .filter(|(_, fam)| keep(*fam))
            .min_by_key(|(r, _)| r.start)
        {
            return Some((s.doc_range(r), fam));
        }
    }
    None
}

/// Whether the text says an outage is going on now, and nothing says otherwise: a
/// state now (停止中, is down), or who is affected with a failure going on now in the
/// same sentence, on a system the text does not call not live yet.
fn outage_now(prose: &Prose) -> bool {
    // A recovery that is partial (back to normal for most, but the branches still cannot
    // connect) says something is still down.
    let nothing_down = prose.sentences().any(|s| {
        (NOTHING_DOWN_NOW.is_match(s.text)
            && !SINCE_LAST_CHANGE.is_match(s.text)
            && !STILL_FAILS.is_match(s.text))
            || NOT_USED.is_match(s.text)
    });
    if nothing_down {
        return false;
    }
    let state = prose.sentences().any(|s| {
        let listed = ONGOING_SET.find(s.text).into_iter().map(|m| m.range);
        let cued = ONGOING_CUE.find_all(s.text).into_iter();
        let now = listed
            .chain(cued.filter(|_| !WORK_BLOCKED.is_match(s.text)))
            .any(|r| !told_as_past(s.text, r.end));
        // A recovery told with what still fails (本社は正常に戻りましたが、まだ全支店で
        // 接続できません) is partial: the failure goes on.
        now || (STILL_FAILS.is_match(s.text) && CUES[RECOVERED].is_match(s.text))
    });
    state || {
        let scoped_now = prose.sentences().any(|s| {
            SCOPE_CUE.is_match(s.text)
                && PRESENT_FAILURE.is_match(s.text)
                && !WORK_BLOCKED.is_match(s.text)
        });
        scoped_now && !prose.sentences().any(|s| not_live(s.text))
    }
}

/// A Japanese predicate told in the past right after a state word (返し続けた件,
/// 停止していました, 状態が続いておりました, ませんでした): the state is over, not now.
/// Not a wish (たい), a reason (ため) or a conditional (たら).
static PAST_AFTER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new("^[ぁ-ゖ]{0,3}?(?:て|で)?(?:い|お|おり)?(?:まし|ませんでし)?(?:た|だ)(?:[^いくかろめら]|$)")
        .expect("past pattern")
});

/// Whether the state word ending at `end` in `sentence` is told in the past tense
/// (Japanese; English states carry their tense in the matched words).
fn told_as_past(sentence: &str, end: usize) -> bool {
    sentence.get(end..).is_some_and(|rest| PAST_AFTER.is_match(rest))
}

/// Whether `sentence` says the system is not live yet (built, migrated, tested, not in
/// use): a failure reaching all of such a system stops no business.
fn not_live(sentence: &str) -> bool {
    let (set, family) = &*TRIGGERS;
    set.find(sentence).iter().any(|m| family[m.phrase] == BUILD_OUT)
        || CUES[BUILD_OUT].is_match(sentence)
        || NOT_LIVE_PHASE.is_match(sentence)
        || NOT_USED.is_match(sentence)
        || (TEST_ENV.is_match(sentence) && !TEST_CONTRAST.is_match(sentence))
}

/// The sentence model's sign, for a request at severity A with no outage said to be
/// going on now: the first sentence whose best family scores `threshold` or more, and
/// that family.
#[cfg(test)]
pub(crate) fn model_sign(
    ctx: &Context,
    m: &model::Model,
    threshold: f32,
) -> Option<(std::ops::Range<usize>, usize)> {
    if !ctx.severity()?.is_critical() {
        return None;
    }
    let prose = Prose::with_summary(ctx);
    if outage_now(&prose) {
        return None;
    }
    model_sign_in(&prose, m, threshold)
}

fn model_sign_in(
    prose: &Prose,
    m: &model::Model,
    threshold: f32,
) -> Option<(std::ops::Range<usize>, usize)> {
    let families = model_families();
    // A section's heading (What we tried, 試した対策) is the template's words, not the
    // writer's: only the writer's sentences say what the business is living through.
    let sentences: Vec<_> = prose.written_sentences().collect();
    let texts: Vec<&str> = sentences.iter().map(|s| s.text).collect();
    let failed_undo = (0..texts.len()).any(|k| mentions_undo(texts[k]) && undo_failed_at(&texts, k));
    sentences.iter().enumerate().find_map(|(k, s)| {
        // A calm before the problem began says nothing of now.
        if SINCE_LAST_CHANGE.is_match(s.text) {
            return None;
        }
        let scores = m.scores(s.text);
        let (fam, best) = (0..families)
            .map(|f| (f, scores[f]))
            .max_by(|a, b| a.1.total_cmp(&b.1))?;
        // Something tried that did not help (同じ画面に戻る, the errors persist) is no
        // recovery and no undo that works, as for the cues.
        // An undo that failed, here, in the next sentence or told elsewhere of the same
        // rollback, is no recovery and no undo that works either.
        let undo_here = fam == ROLLBACK || mentions_undo(s.text);
        let failed = (matches!(fam, RECOVERED | ROLLBACK) && did_not_help(s.text))
            || (fam == ROLLBACK && UNDO_BROKE.is_match(s.text))
            || (matches!(fam, RECOVERED | ROLLBACK)
                && undo_here
                && (failed_undo || undo_failed_at(&texts, k)));
        (best >= threshold && !failed).then(|| (s.doc_range(model::trimmed(s.text)), fam))
    })
}

/// The families the sentence model has a head for: its first heads, in the order of
/// [`FAMILIES`] (the business carries on has none).
fn model_families() -> usize {
    model::HEADS
        .iter()
        .take_while(|h| h.starts_with("severity-a-criteria/"))
        .count()
}

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
    if outage_now(&prose) {
        return;
    }
    let Some((range, fam)) = first_sign(&prose).or_else(|| {
        let t = model::threshold(RULE.name)?;
        model_sign_in(&prose, &model::SHIPPED, t)
    }) else {
        return;
    };
    let (why_en, why_ja, _) = FAMILIES[fam];
    let phrase = &ctx.text[range.clone()];
    let label = sev.label();
    let span = entry.value.span.clone();
    out.push(
        RULE.diag(
            span.clone(),
            msg!(
                "Severity {label} is for a business-stopping outage happening now, but the text says \"{phrase}\" ({why_en}): choose B or lower.",
                "重大度 {label} は事業が停止している障害の復旧のためのものですが、本文に「{phrase}」とあります（{why_ja}）。重大度 B 以下を選んでください。"
            ),
        )
        .with_related(
            range,
            msg!("What suggests it is not an outage now", "現在の障害ではないと読める箇所"),
        )
        .with_fix({
            // B, or lower where the plan offers no B (developer: C).
            let to = fix::severity_for(ctx, Severity::B).label();
            fix::edit(msg!("Lower the severity to {to}", "重大度を {to} に下げる"), span, to)
        }),
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
            "午前 2 時から全サービスが停止し、会員全員に影響が出ています。",
        ] {
            assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
        }
        // A calm after a change, given a length, is the time before the outage.
        for body in [
            "API サーバーに接続できません。\n\n## 直前の変更\n11/28 にノード イメージを更新し、その後 5 日間は安定していました。",
            "The API server cannot be reached.\n\n## Recent changes\nWe upgraded to 1.30 on Monday; it ran fine for three days after the upgrade.",
        ] {
            assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
        }
    }

    #[test]
    fn undo_is_composed_of_verb_link_and_outcome_and_a_negated_outcome_is_no_fix() {
        for body in [
            "証明書の要求をオフに切り替えた場合は、呼び出しが通ります。",
            "IP フィルターの規則を無効化してみると、端末は数秒でつながりました。",
            "関連付けを解除すれば、502 は一切出なくなります。",
            "調整をやめて既定値にしたら、タイムアウトは起きていません。",
            "一つ前のバージョンで作り直したところ、Pod はエラーもなく起動しています。",
            "Pinning the app back to the previous host makes the errors disappear.",
            "With the private endpoint detached, the pages load instantly.",
        ] {
            assert_eq!(check(&RULE, &doc("A", body)).len(), 1, "{body}");
        }
        for body in [
            "不要なルートを削除したところ、Web サーバーから DB に接続できなくなりました。",
            "デプロイを前のバージョンに切り戻した後も、500 が返ってきます。",
            "After we removed the stale route, the app could no longer reach the database.",
            "We rolled the release back at 11:10; the 500s kept coming.",
        ] {
            assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
        }
    }

    #[test]
    fn a_project_phase_not_live_yet_is_composed_of_a_phase_and_a_state() {
        for body in [
            "新しい予約サイトは 1 月 6 日にオープン予定で、いまは受け入れテストの期間です。",
            "データセンター移転に伴う回線の開通作業中です。",
            "このままでは切替日に間に合いません。",
            "来週予定していた切り替えを延期せざるを得ない状況です。",
            "This is the parallel-run period; the old system still handles every order.",
        ] {
            assert_eq!(check(&RULE, &doc("A", body)).len(), 1, "{body}");
        }
        // A system running now (公開中, 稼働中) is live.
        let body = "公開中の予約サイトが午前 9 時から 503 を返し続けています。";
        assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
    }

    #[test]
    fn orders_still_coming_in_is_a_business_that_carries_on() {
        for body in [
            "お店のページの表示が遅くなりました。ご注文は普段どおり入ってきています。",
            "Checkout pages take 12 seconds to load, but orders are still going through.",
            "Our booking page is sluggish since Monday; customers can still book online.",
        ] {
            assert_eq!(check(&RULE, &doc("A", body)).len(), 1, "{body}");
        }
        // None coming in is an outage.
        let body = "予約ページが開きません。新しい予約は一件も受けられていません。";
        assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
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
    fn a_scope_vetoes_only_with_a_failure_going_on_now_on_a_live_system() {
        // Who was reached, told of the past, of a recovery or of a system not live.
        for body in [
            "金曜の 14 時から 46 分間、ほぼすべてのリクエストが 429 になりました。なぜ起きたのかを知りたいです。",
            "再起動したところ全端末が再接続でき、その後は安定して利用できています。",
            "The gateway throttled almost every request on Friday for 40 minutes; we need to know why it throttled.",
            "Every request to the new cluster returns 404. Only our team is calling it; it is not open to customers yet.",
            "検証用の VM が起動しません。院内の誰も業務では使っていません。",
        ] {
            let s = doc("A", body).replace("## 問題", "## Problem");
            assert_eq!(check(&RULE, &s).len(), 1, "{body}");
        }
        // Who is reached now: an outage.
        for body in [
            "全端末が接続できません。切り戻しで直るか確認中です。",
            "Every request returns 500 and no shopper can buy. We rolled the release back earlier.",
            "All users cannot sign in since 09:00. Please send an RCA afterwards.",
        ] {
            assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
        }
    }

    #[test]
    fn an_undo_that_did_not_help_is_read_in_its_sentence_or_the_next() {
        for body in [
            "We reverted the firewall rule at 11:10. The 502s continue on the dealer portal.",
            "ルールを切り戻しました。しかし状況は変わりません。",
            // A failed rollback makes a bare mention elsewhere that same attempt.
            "The release was rolled back at 11:10; it did not help.\n\n## Recent changes\nRelease 3.3 deployed at 10:55, rolled back at 11:10.",
        ] {
            assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
        }
        // A restart that did not help says nothing of the undo before it.
        let body = "We reverted the NSG change and traffic flows again. A restart earlier did not help.";
        assert_eq!(check(&RULE, &doc("A", body)).len(), 1, "{body}");
    }

    #[test]
    fn a_write_up_is_a_cause_asked_for_only_when_it_asks_for_the_cause() {
        let body = "Please move our open case up and treat this write-up as an update to it.";
        assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
        for body in [
            "The CTO has to present a write-up of the night: what failed on the Azure side.",
            "We need a written analysis of why the account throttled on Friday.",
        ] {
            assert_eq!(check(&RULE, &doc("A", body)).len(), 1, "{body}");
        }
    }

    #[test]
    fn a_failure_told_as_over_is_read_by_its_aspect() {
        for body in [
            "11/19 夜に 502 を返し続けた件です。現在は通常どおり業務ができています。何が起きたのか教えてください。",
            "昨夜は全店舗で決済が停止していました。障害報告書をお願いします。",
            "Every request failed for 40 minutes last night. Nothing is broken at the moment; we need an incident report.",
            "At 13:20 I put the policy back in Detection mode. Donations go through again since then.",
            "21:10 以降は正常に表示されるようになりました。経緯をご報告ください。",
        ] {
            assert_eq!(check(&RULE, &doc("A", body)).len(), 1, "{body}");
        }
        // Still failing for some, or failing now: an outage.
        for body in [
            "本社は正常に戻りましたが、まだ全支店で接続できません。原因調査もお願いします。",
            "Head office is back to normal, but the branch offices still cannot reach the portal.",
            "The gateway has returned 503 to every request since 09:10 and is still failing. We reverted the policy; it did not help.",
            "全店舗で決済が停止しています。",
        ] {
            assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
        }
    }

    #[test]
    fn a_non_production_environment_is_a_class_of_roles_and_names() {
        for body in [
            "受入環境の VM が起動しません。本番環境には今回の変更を適用しておらず、業務は通常どおり続いています。",
            "The pre-production cluster cannot pull images since this morning.",
            "app-checkout-stg returns 500 on every page. The change was never applied to production.",
            "The qualification environment VM is stuck at the BitLocker screen.",
        ] {
            let s = doc("A", body).replace("## 問題", "## Problem");
            assert_eq!(check(&RULE, &s).len(), 1, "{body}");
        }
        // Production down now too: an outage, whatever staging does.
        let body = "Production checkout is down right now for every customer; staging shows the same 500s.";
        assert!(check(&RULE, &doc("A", body)).is_empty(), "{body}");
    }

    #[test]
    fn never_panics_on_odd_front_matter() {
        for s in ["", "---\n- a\n---\n", "---\nseverity: [A]\n---\nRCA", "---\nseverity: 1\n"] {
            let _ = check(&RULE, s);
        }
    }
}


