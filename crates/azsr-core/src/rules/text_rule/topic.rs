//! Subjects: what a sentence is about, in classes coarser than a service name (money,
//! quota, sign-in and licences, the network, certificates and domains, data kept and
//! restored, machines and their performance, alerts, deployments, the subscription
//! itself). Two questions with no class in common are about different things even when
//! neither names a service; two that share one are about one thing even when they name
//! several services (the bill of Azure Files and of Blob storage is one question).
//!
//! A class is a [`Cue`] over one sentence (width-folded, ASCII case-insensitive, `\b` an
//! ASCII word edge). Words every problem uses (ログ, エラー, 設定, log, error, setting)
//! belong to no class: a question about which log to collect is about the problem in
//! hand, whatever the problem is.

use std::sync::LazyLock;

use super::speech::Cue;

/// A subject class.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Subject {
    /// Prices, invoices, charges, refunds, reservations, amounts of money (6,204 円, $12).
    Billing,
    /// Quotas and limit increases.
    Quota,
    /// Sign-in, MFA, licences, roles and permissions.
    Access,
    /// Virtual networks, DNS, firewalls, VPN, IP addresses, routes.
    Network,
    /// Certificates, TLS, custom domains.
    Certificate,
    /// Backups, retention, snapshots, restore, redundancy.
    DataProtection,
    /// Machines and their performance: restarts, CPU, memory, disks, nodes, scaling.
    Compute,
    /// Alerts, notifications, metrics, monitoring.
    Monitoring,
    /// Deployments, pipelines, releases of the customer's code.
    Deployment,
    /// The subscription, tenant and resource groups themselves: moves, transfers, renames;
    /// a resource moved to another region or subscription; the support plan.
    Account,
}

impl Subject {
    /// Administrative subjects, handled by other teams than a technical problem's.
    pub fn is_administrative(self) -> bool {
        matches!(self, Subject::Billing | Subject::Quota | Subject::Account)
    }
}

const ALL: [Subject; 10] = [
    Subject::Billing,
    Subject::Quota,
    Subject::Access,
    Subject::Network,
    Subject::Certificate,
    Subject::DataProtection,
    Subject::Compute,
    Subject::Monitoring,
    Subject::Deployment,
    Subject::Account,
];

static CUES: LazyLock<[Cue; 10]> = LazyLock::new(|| {
    [
        Cue::new(&[
            "料金|請求|課金|費用|コスト|価格|値段|見積|支払|払い戻し|返金|予約インスタンス|予約容量|予約購入|予約の(?:適用|割引)|節約プラン|リザーブド|クレジット|割引|従量|単価|月額|安く(?:なる|なり|でき|する)|割安|節約|節減|[0-9][0-9,.]* ?円|[¥￥] ?[0-9]",
            r"\b(?:invoices?|bills?|billing|billed|charges?|charged|costs?|costing|price[sd]?|pricing|refunds?|refundable|payments?|reserved\s+instances?|reservations?|savings\s+plans?|credits|discounts?|spend|budget|cheaper|save\s+money|savings)\b|\bcredit\s+(?:note|memo|card|balance|applied|issued|back|for|of|on|to|was|is)\b|\b(?:azure|service|sla|promotional|free|monthly)\s+credit\b|\bcredit\s*(?:[.?!,;:]|$)|\$\d|\b(?:usd|eur|gbp|jpy)\s?\d|\d\s?(?:usd|eur|gbp|jpy)\b|€\s?\d|£\s?\d",
        ]),
        Cue::new(&[
            "クォータ|クオータ|上限緩和|上限の緩和|上限(?:値|数)?(?:を|の)?[^。]{0,12}(?:引き上げ|緩和|増や|拡張|変更|増加)|(?:コア|vCPU|CPU|インスタンス|GPU) ?(?:数)? ?(?:の)? ?上限|(?:vCPU|コア数|Family vCPU)[^。]{0,20}?[0-9]+ ?(?:から|→)[^。]{0,6}?[0-9]+ ?(?:に|まで)(?:上げ|引き上げ|増や)",
            r"\bquotas?\b|\blimit\s+increase\b|\b(?:raise|increase|lift)\s+(?:the\s+|our\s+)?(?:\w+\s+)?limits?\b|\bcore\s+limits?\b|\bmore\s+(?:v?cpus?|cores|vcores|gpus?)\b|\bvcpu\s+limits?\b|\b(?:ip\s+address|core|vcpu|instance|resource)\s+limits?\b[^.]{0,40}?\b(?:raised|increased|lifted)\b",
        ]),
        Cue::new(&[
            "サインイン|ログイン|多要素|\\bMFA\\b|条件付きアクセス|ライセンス|ロール|権限|\\bRBAC\\b|ゲスト|\\bSSO\\b|シングル サインオン|パスワード|認証|アカウント(?:の)?(?:ロック|無効)",
            r"\bsign[- ]?in\b|\blog[- ]?in\b|\bmfa\b|\bmulti-?factor\b|\bconditional\s+access\b|\blicen[cs]e[sd]?\b|\broles?\b|\brbac\b|\bpermissions?\b|\bguests?\b|\bsso\b|\bsingle\s+sign-?on\b|\bpasswords?\b|\bauthenticat\w+|\blocked\s+out\b",
        ]),
        Cue::new(&[
            "ネットワーク|\\bVNet\\b|仮想ネットワーク|サブネット|\\bNSG\\b|ピアリング|ファイアウォール|\\bWAF\\b|\\bVPN\\b|\\bDNS\\b|名前解決|\\bIP\\b|ルート テーブル|ルーティング|プライベート エンドポイント|帯域|パケット|ポート",
            r"\bnetwork(?:s|ing)?\b|\bvnets?\b|\bsubnets?\b|\bnsgs?\b|\bpeering\b|\bfirewalls?\b|\bwaf\b|\bvpn\b|\bdns\b|\bip\s+address(?:es)?\b|\broutes?\b|\brouting\b|\bprivate\s+endpoints?\b|\bbandwidth\b|\bpackets?\b|\bports?\b",
        ]),
        Cue::new(&[
            "証明書|\\bTLS\\b|\\bSSL\\b|カスタム ドメイン|独自ドメイン|ドメイン名",
            r"\bcertificates?\b|\bcerts?\b|\btls\b|\bssl\b|\bcustom\s+domains?\b|\bdomain\s+names?\b",
        ]),
        Cue::new(&[
            "バックアップ|保持期間|保存期間|スナップショット|復元|リストア|冗長|レプリケーション|ジオ|世代",
            r"\bbackups?\b|\bretention\b|\bretain\w*|\bsnapshots?\b|\brestor\w+|\bredundan\w+|\breplicat\w+|\bgeo-?\w+",
        ]),
        Cue::new(&[
            "再起動|起動|停止|\\bCPU\\b|メモリ|ディスク|ノード|スケール|遅延|遅い|遅く|応答|タイムアウト|クラッシュ|フリーズ|\\bIOPS\\b|パフォーマンス|性能",
            r"\breboot\w*|\brestart\w*|\bboot\w*|\bcpu\b|\bmemory\b|\bdisks?\b|\bnodes?\b|\bscal(?:e|ing|ed)\b|\blatency\b|\bslow\w*|\btime(?:s|d)?\s*outs?\b|\bcrash\w*|\bfreez\w*|\bhang\w*|\biops\b|\bperformance\b|\bthrottl\w+",
        ]),
        Cue::new(&[
            "アラート|通知|監視|メトリック|ダッシュボード",
            r"\balerts?\b|\bnotifications?\b|\bmonitor(?:ing)?\b|\bmetrics?\b|\bdashboards?\b",
        ]),
        Cue::new(&[
            "デプロイ|パイプライン|ビルド|\\bCI\\b|リリース パイプライン|スロット",
            r"\bdeploy\w*|\bpipelines?\b|\bbuilds?\b|\bci/cd\b|\bslots?\b",
        ]),
        Cue::new(&[
            "サブスクリプション(?:の)?(?:移管|移行|譲渡|名|変更|解約|キャンセル)|サブスクリプションを[^。]{0,30}(?:移す|移し|移せ|移管|移行|譲渡)|(?:CSP|\\bEA\\b|MCA)[^。]{0,8}(?:配下|傘下)(?:に|へ)|サブスクリプション(?:を|の)(?:分け|分割|追加|新規作成|作成|統合)|テナント(?:の)?(?:移行|移管|変更)|リソース グループ(?:の)?(?:名前|名|移動)|名前(?:の)?変更|リソースの移動|所有者(?:の)?変更|(?:別|他|ほか|新しい)の?(?:リージョン|サブスクリプション|テナント|リソース グループ)(?:へ|に)(?:移|引っ越|移動|移行|移設)|サポート ?(?:プラン|契約)(?:の|を)[^。]{0,10}(?:変更|切り替え|切替|アップグレード|ダウングレード|解約|見直)",
            r"\b(?:create|add|split|separate|open)\s+(?:a\s+|another\s+|new\s+|separate\s+|second\s+)*subscriptions?\b|\b(?:move|moving|transfer\w*|renam\w+|cancel\w*)\b[^.?]{0,30}\b(?:subscriptions?|tenants?|resource\s+groups?|directory)\b|\b(?:subscriptions?|tenants?|resource\s+groups?)\b[^.?]{0,20}\b(?:transfer|rename|move|ownership)\b|\b(?:move|moving|migrat\w+|relocat\w+)\b[^.?]{0,40}\b(?:to|into)\s+(?:another|a\s+different|a\s+new|a\s+second)\s+(?:region|subscription|tenant|resource\s+group)\b|\b(?:chang|upgrad|downgrad|switch|cancel)\w*\s+(?:\w+\s+){0,3}support\s+(?:plan|contract)s?\b|\bsupport\s+plan\s+(?:change|upgrade|downgrade)\b",
        ]),
    ]
});

/// The subject classes a text speaks of, as a bit set (bit `i` is [`ALL`]`[i]`).
pub(crate) fn subjects(text: &str) -> u16 {
    let mut bits = 0;
    for (i, cue) in CUES.iter().enumerate() {
        if cue.is_match(text) {
            bits |= 1 << i;
        }
    }
    bits
}

/// Whether the bit set holds `s`.
pub(crate) fn has(bits: u16, s: Subject) -> bool {
    ALL.iter()
        .position(|x| *x == s)
        .is_some_and(|i| bits & (1 << i) != 0)
}

/// The administrative subjects (billing, quota, account) of the bit set.
pub(crate) fn administrative(bits: u16) -> u16 {
    ALL.iter()
        .enumerate()
        .filter(|(_, s)| s.is_administrative())
        .fold(0, |acc, (i, _)| acc | (bits & (1 << i)))
}

/// Whether every subject in the bit set is administrative (billing, quota, account).
pub(crate) fn only_administrative(bits: u16) -> bool {
    bits != 0
        && ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .all(|(_, s)| s.is_administrative())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_in_both_languages() {
        assert!(has(subjects("請求書の送付先を変えたい"), Subject::Billing));
        assert!(has(
            subjects("How are the vCore charges computed?"),
            Subject::Billing
        ));
        assert!(has(
            subjects("MFA の登録をやり直す方法は？"),
            Subject::Access
        ));
        assert!(has(subjects("Can we raise the GPU quota?"), Subject::Quota));
        assert!(has(subjects("ログの保持期間は？"), Subject::DataProtection));
        assert_eq!(
            subjects("原因は何でしょうか。どのログを取得すればよいですか？"),
            0
        );
        assert_eq!(
            subjects("Why does it fail? Which logs should we collect?"),
            0
        );
        assert!(only_administrative(subjects(
            "What is the price of a reserved instance?"
        )));
        // The bill-to address is the bill's, not the subscription's.
        assert!(!has(
            subjects("請求先の住所を変更する方法"),
            Subject::Account
        ));
        assert!(has(
            subjects("請求先の住所を変更する方法"),
            Subject::Billing
        ));
        assert!(!only_administrative(subjects("Why did the VM reboot?")));
    }
}
