//! The front matter's fields and their enumerated values (format.md), shared by the
//! rules, hover and completion.

use crate::messages::Msg;

/// A front matter key the format knows.
pub struct FieldSpec {
    pub key: &'static str,
    pub doc: (&'static str, &'static str),
}

/// Top-level keys in the order of format.md.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec { key: "issue_type", doc: ("Issue type: technical (needs a paid plan), billing, subscription_management or quota (free).", "問題の種類です。technical（有償のサポート プランが必要）か、無償の billing・subscription_management・quota を指定します。") },
    FieldSpec { key: "subscription", doc: ("The subscription ID (GUID) that holds the affected resource.", "問題のリソースを含むサブスクリプションの ID（GUID）です。") },
    FieldSpec { key: "service", doc: ("The exact Azure service, by its catalog name. \"Azure\" is not a service.", "対象の Azure サービスを、カタログの表示名で指定します。「Azure」はサービス名ではありません。") },
    FieldSpec { key: "resource", doc: ("The full ARM resource ID of the affected resource.", "対象リソースの完全な ARM リソース ID です。") },
    FieldSpec { key: "summary", doc: ("One concise line: the portal lists problem types from its words.", "簡潔な 1 行の概要です。ポータルはこの語句から問題の種類を候補表示します。") },
    FieldSpec { key: "problem_type", doc: ("Problem type of the service; routes the request to the right team.", "サービスの問題の種類です。適切なチームへのルーティングに使われます。") },
    FieldSpec { key: "problem_subtype", doc: ("Problem subtype, where the portal shows one for the type.", "問題のサブタイプです。ポータルが表示する場合に指定します。") },
    FieldSpec { key: "problem_classification_id", doc: ("The problem classification's ID (GUID or full ID from `az support services problem-classifications list`), for services whose problem types the catalog lacks; used by --export.", "問題分類の ID です。GUID か、`az support services problem-classifications list` が示す完全な ID を記入します。カタログに問題の種類がないサービスで --export が使います。") },
    FieldSpec { key: "started", doc: ("When the problem first occurred: ISO 8601 date-time with UTC offset.", "問題が最初に発生した日時です。UTC オフセット付きの ISO 8601 形式で記入します。") },
    FieldSpec { key: "severity", doc: ("Business impact: A (critical), B (moderate), C (minimal); 1 on premier/unified.", "ビジネスへの影響度です。A は重大、B は中、C は軽微で、premier と unified では 1 も選べます。") },
    FieldSpec { key: "support_plan", doc: ("Your support plan; decides severities and response times.", "サポート プランです。選べる重大度と初回応答時間が決まります。") },
    FieldSpec { key: "response_24x7", doc: ("Ask for round-the-clock work on a severity B request (English only).", "重大度 B で 24 時間体制の対応を希望します（英語のみ）。") },
    FieldSpec { key: "advanced_diagnostics", doc: ("Consent for support to collect diagnostic information; revoked when the request closes.", "高度な診断情報の収集への同意です。お問い合わせのクローズ時に取り消されます。") },
    FieldSpec { key: "contact_method", doc: ("How support makes first contact: email or phone (severity A: phone only).", "初回連絡の方法で、email か phone を指定します（重大度 A は電話のみ）。") },
    FieldSpec { key: "support_language", doc: ("Language of the support, e.g. ja-jp or en-us.", "サポートの言語です（ja-jp、en-us など）。") },
    FieldSpec { key: "contact", doc: ("Contact information: first_name, last_name, email, phone, country, time_zone.", "連絡先です。first_name、last_name、email、phone、country、time_zone を記入します。") },
    FieldSpec { key: "related_requests", doc: ("Numbers of related support requests (and the engineer in charge).", "関連するお問い合わせの番号です（担当エンジニアも記入できます）。") },
    FieldSpec { key: "attachments", doc: ("Files to upload with the request, relative to this file.", "お問い合わせに添付するファイルです（このファイルからの相対パス）。") },
];

/// Keys of `contact`.
pub const CONTACT_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        key: "first_name",
        doc: ("First name.", "名です。"),
    },
    FieldSpec {
        key: "last_name",
        doc: ("Last name.", "姓です。"),
    },
    FieldSpec {
        key: "email",
        doc: (
            "Primary e-mail address.",
            "主な連絡先のメール アドレスです。",
        ),
    },
    FieldSpec {
        key: "additional_emails",
        doc: (
            "More addresses to copy.",
            "追加の連絡先のメール アドレスです。",
        ),
    },
    FieldSpec {
        key: "phone",
        doc: (
            "Phone number; required for phone contact and severity A.",
            "電話番号です。電話連絡と重大度 A では必須です。",
        ),
    },
    FieldSpec {
        key: "country",
        doc: (
            "Country, ISO 3166-1 alpha-3 (e.g. JPN).",
            "国です。ISO 3166-1 alpha-3 のコードで記入します（例: JPN）。",
        ),
    },
    FieldSpec {
        key: "time_zone",
        doc: (
            "Windows time zone name, e.g. Tokyo Standard Time.",
            "Windows のタイム ゾーン名です（例: Tokyo Standard Time）。",
        ),
    },
];

pub fn field_doc(spec: &FieldSpec) -> Msg {
    Msg::new(spec.doc.0, spec.doc.1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IssueType {
    Technical,
    Billing,
    SubscriptionManagement,
    Quota,
}

impl IssueType {
    pub const VALUES: &[(&'static str, &'static str)] = &[
        ("technical", "技術"),
        ("billing", "課金"),
        ("subscription_management", "サブスクリプションの管理"),
        ("quota", "サービスとサブスクリプションの制限"),
    ];

    pub fn parse(v: &str) -> Option<IssueType> {
        Some(match parse_enum(v, Self::VALUES)? {
            0 => IssueType::Technical,
            1 => IssueType::Billing,
            2 => IssueType::SubscriptionManagement,
            _ => IssueType::Quota,
        })
    }

    /// The service a non-technical type implies (catalog GUID).
    pub fn implied_service(self) -> Option<&'static str> {
        match self {
            IssueType::Technical => None,
            IssueType::Billing => Some(crate::catalog::BILLING_ID),
            IssueType::SubscriptionManagement => Some(crate::catalog::SUBSCRIPTION_MANAGEMENT_ID),
            IssueType::Quota => Some(crate::catalog::QUOTA_ID),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// "Emergency - Severe impact", premier and unified only.
    One,
    A,
    B,
    C,
}

impl Severity {
    pub const VALUES: &[(&'static str, &'static str)] = &[
        ("A", "重大度 A"),
        ("B", "重大度 B"),
        ("C", "重大度 C"),
        ("critical", "重大"),
        ("moderate", "中"),
        ("minimal", "軽微"),
        ("1", "highestcriticalimpact"),
    ];

    pub fn parse(v: &str) -> Option<Severity> {
        let v = v.trim();
        let lower = v.to_lowercase();
        let stripped = lower
            .strip_prefix("重大度")
            .or_else(|| lower.strip_prefix("重要度"))
            .or_else(|| lower.strip_prefix("severity"))
            .map(str::trim)
            .unwrap_or(&lower);
        Some(match stripped {
            "a" | "critical" | "重大" => Severity::A,
            "b" | "moderate" | "中" => Severity::B,
            "c" | "minimal" | "軽微" => Severity::C,
            "1" | "highestcriticalimpact" => Severity::One,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::One => "1",
            Severity::A => "A",
            Severity::B => "B",
            Severity::C => "C",
        }
    }

    /// A or 1: the critical levels handled 24x7 by phone.
    pub fn is_critical(self) -> bool {
        matches!(self, Severity::One | Severity::A)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plan {
    Basic,
    Developer,
    Standard,
    ProfessionalDirect,
    Unified,
    Premier,
}

impl Plan {
    pub const ALL: [Plan; 6] = [
        Plan::Basic,
        Plan::Developer,
        Plan::Standard,
        Plan::ProfessionalDirect,
        Plan::Unified,
        Plan::Premier,
    ];

    pub fn parse(v: &str) -> Option<Plan> {
        let v = v.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Some(match v.as_str() {
            "basic" => Plan::Basic,
            "developer" => Plan::Developer,
            "standard" => Plan::Standard,
            "professional_direct" | "prodirect" => Plan::ProfessionalDirect,
            "unified" => Plan::Unified,
            "premier" => Plan::Premier,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            Plan::Basic => "basic",
            Plan::Developer => "developer",
            Plan::Standard => "standard",
            Plan::ProfessionalDirect => "professional_direct",
            Plan::Unified => "unified",
            Plan::Premier => "premier",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactMethod {
    Email,
    Phone,
}

impl ContactMethod {
    pub const VALUES: &[(&'static str, &'static str)] = &[("email", "メール"), ("phone", "電話")];

    pub fn parse(v: &str) -> Option<ContactMethod> {
        Some(match parse_enum(v, Self::VALUES)? {
            0 => ContactMethod::Email,
            _ => ContactMethod::Phone,
        })
    }
}

/// Support language codes the API takes, plus the accepted short forms.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en-us", "英語"),
    ("ja-jp", "日本語"),
    ("zh-hans", "中国語（簡体字）"),
    ("zh-tw", "中国語（繁体字）"),
    ("es-es", "スペイン語"),
    ("fr-fr", "フランス語"),
    ("ko-kr", "韓国語"),
    ("ru-ru", "ロシア語"),
    ("pt-br", "ポルトガル語"),
    ("it-it", "イタリア語"),
    ("de-de", "ドイツ語"),
];

/// Normalises a `support_language` value to its API code.
pub fn parse_language(v: &str) -> Option<&'static str> {
    let lower = v.trim().to_ascii_lowercase().replace('_', "-");
    match lower.as_str() {
        "ja" | "日本語" => return Some("ja-jp"),
        "en" | "英語" => return Some("en-us"),
        _ => {}
    }
    LANGUAGES
        .iter()
        .find(|(code, ja)| *code == lower || *ja == v.trim())
        .map(|(code, _)| *code)
}

/// `true`/`false`, yes/no, はい/いいえ.
pub fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_lowercase().as_str() {
        "true" | "yes" | "はい" | "on" => Some(true),
        "false" | "no" | "いいえ" | "off" => Some(false),
        _ => None,
    }
}

/// Index of the value in an (English, Japanese) table, case-insensitively.
pub fn parse_enum(v: &str, values: &[(&str, &str)]) -> Option<usize> {
    let v = v.trim();
    values
        .iter()
        .position(|(en, ja)| en.eq_ignore_ascii_case(v) || *ja == v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations_accept_both_languages() {
        assert_eq!(IssueType::parse("技術"), Some(IssueType::Technical));
        assert_eq!(IssueType::parse("Billing"), Some(IssueType::Billing));
        assert_eq!(Severity::parse("重大度 A"), Some(Severity::A));
        assert_eq!(Severity::parse("b"), Some(Severity::B));
        assert_eq!(
            Severity::parse("HighestCriticalImpact"),
            Some(Severity::One)
        );
        assert_eq!(Severity::parse("D"), None);
        assert_eq!(parse_language("ja"), Some("ja-jp"));
        assert_eq!(parse_language("EN-US"), Some("en-us"));
        assert_eq!(parse_language("klingon"), None);
        assert_eq!(parse_bool("はい"), Some(true));
        assert_eq!(ContactMethod::parse("電話"), Some(ContactMethod::Phone));
    }
}
