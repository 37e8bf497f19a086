//! Finds credentials in the text people paste into support requests: logs, app
//! settings, connection strings, command lines, JSON bodies, kubeconfig, `.env` files,
//! Markdown tables and prose in Japanese and English.
//!
//! Detectors are layered from certain to contextual:
//! 1. [`formats`]: fixed formats, recognised anywhere (identifiable Azure keys, Entra
//!    client secrets, PATs, GitHub and AWS keys, JWTs, PEM private keys, payment cards,
//!    incoming-webhook URLs);
//! 2. [`azure`]: Azure grammar (URL userinfo, `Authorization` headers);
//! 3. [`commands`]: command-line knowledge (`-p`, `sqlcmd -P`, `ConvertTo-SecureString`),
//!    and [`console`]: what commands print (`az keyvault secret show --query value -o
//!    tsv`, key listings in tables, `ConvertFrom-SecureString -AsPlainText`);
//! 4. [`keyvalue`]: key–value structure with secret-ish keys (connection strings, SAS
//!    `sig`, JSON, YAML, INI, XML, tables, a key and its value in prose);
//! 5. [`prose`]: what only a sentence tells, in Japanese and English (a value later in
//!    the sentence or before its word, chat and mail replies, `user / password` pairs).
//!
//! One pass finds every anchor ([`anchor_search`]); each anchor is parsed locally, so a
//! scan is linear in the text.

mod anchor_search;
pub mod azure;
pub mod checksum;
pub mod code;
pub mod commands;
pub mod console;
pub mod formats;
pub mod keyvalue;
pub mod memo;
pub mod possible;
pub mod prose;
pub mod value;
mod vocabulary;
pub mod wrapped;

use std::ops::Range;
use std::sync::LazyLock;

pub use possible::{possible_secrets, possible_secrets_in};

use crate::messages::Msg;
use anchor_search::AnchorSearch;

/// What kind of secret a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    PrivateKey,
    AzureKey,
    ClientSecret,
    DevOpsPat,
    GitHubToken,
    AwsSecretKey,
    Jwt,
    PaymentCard,
    RecoveryKey,
    SasSignature,
    FunctionKey,
    ApiKey,
    SharedAccessKey,
    AccessKey,
    PreSharedKey,
    BasicAuth,
    SessionCookie,
    Token,
    ClientSecretValue,
    Secret,
    Password,
}

impl Kind {
    /// A stable kebab-case name (corpus labels, logs).
    pub fn name(self) -> &'static str {
        match self {
            Kind::PrivateKey => "private-key",
            Kind::AzureKey => "azure-key",
            Kind::ClientSecret | Kind::ClientSecretValue => "client-secret",
            Kind::DevOpsPat => "devops-pat",
            Kind::GitHubToken => "github-token",
            Kind::AwsSecretKey => "aws-secret-key",
            Kind::Jwt => "jwt",
            Kind::PaymentCard => "payment-card",
            Kind::RecoveryKey => "recovery-key",
            Kind::SasSignature => "sas-signature",
            Kind::FunctionKey => "function-key",
            Kind::ApiKey => "api-key",
            Kind::SharedAccessKey => "shared-access-key",
            Kind::AccessKey => "access-key",
            Kind::PreSharedKey => "pre-shared-key",
            Kind::BasicAuth => "basic-auth",
            Kind::SessionCookie => "session-cookie",
            Kind::Token => "token",
            Kind::Secret => "secret",
            Kind::Password => "password",
        }
    }

    /// What to call it in a message.
    pub fn label(self) -> Msg {
        let (en, ja) = match self {
            Kind::PrivateKey => ("a private key", "秘密鍵"),
            Kind::AzureKey => ("an Azure service key", "Azure サービスのキー"),
            Kind::ClientSecret | Kind::ClientSecretValue => {
                ("a client secret", "クライアント シークレット")
            }
            Kind::DevOpsPat => (
                "an Azure DevOps personal access token",
                "Azure DevOps の個人用アクセス トークン",
            ),
            Kind::GitHubToken => ("a GitHub token", "GitHub のトークン"),
            Kind::AwsSecretKey => (
                "an AWS secret access key",
                "AWS のシークレット アクセス キー",
            ),
            Kind::Jwt => ("a JSON Web Token", "JSON Web Token"),
            Kind::PaymentCard => ("a payment card number", "クレジット カード番号"),
            Kind::RecoveryKey => ("a BitLocker recovery key", "BitLocker 回復キー"),
            Kind::SasSignature => ("a SAS signature (sig)", "SAS の sig 署名"),
            Kind::FunctionKey => ("an Azure Functions key", "Azure Functions のキー"),
            Kind::ApiKey => ("an API key", "API キー"),
            Kind::SharedAccessKey => ("a shared access key", "共有アクセス キー"),
            Kind::AccessKey => ("an access key", "アクセス キー"),
            Kind::PreSharedKey => ("a pre-shared key", "事前共有キー"),
            Kind::BasicAuth => ("Basic authentication credentials", "Basic 認証の資格情報"),
            Kind::SessionCookie => ("a session cookie", "セッション Cookie"),
            Kind::Token => ("an access token", "アクセス トークン"),
            Kind::Secret => ("a secret value", "シークレットの値"),
            Kind::Password => ("a password", "パスワード"),
        };
        Msg::new(en, ja)
    }
}

/// One secret: its exact byte range in the text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub range: Range<usize>,
    pub kind: Kind,
}

/// What the scan should leave alone.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// Digits of numbers that are support request numbers (the front matter's
    /// `related_requests`): never payment cards.
    pub exempt_numbers: Vec<String>,
}

/// Every secret in `text`, sorted by position, overlapping findings merged.
pub fn scan(text: &str) -> Vec<Finding> {
    scan_with(text, &Options::default())
}

#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    Kv,
    KvSuffix,
    Ja,
    Url,
    Bearer,
    Authorization,
    ShortFlag,
    ConvertTo,
    ValueFlag,
    NetUse,
    NetUser,
    PasswordStdin,
    Cookie,
    Output,
    Pem,
    Jwt,
    Entra,
    GitHub,
    Aws,
    Identifiable,
    Prefixed,
    Account,
    ItTo,
    Pair,
    CallArgs,
    SecureDecorator,
    SecureString,
    Value,
    Sensitive,
    UserSecrets,
    Basic,
    CookieFlag,
    CookieName,
    Wrapped,
    Markup,
    Der,
    EntraBlob,
    At,
    SecretData,
    Webhook,
    WifiQr,
    Passphrase,
    DeviceAuth,
    SecretLiteral,
    Pin,
    KeyEnd,
}

static ANCHORS: &[(&str, Anchor)] = &[
    ("pass", Anchor::Kv),
    ("pwd", Anchor::Kv),
    ("secret", Anchor::Kv),
    ("token", Anchor::Kv),
    ("key", Anchor::Kv),
    ("sig", Anchor::Kv),
    ("code", Anchor::Kv),
    ("cred", Anchor::Kv),
    ("pat", Anchor::Kv),
    ("psk", Anchor::Kv),
    ("pw", Anchor::Kv),
    ("himitsu", Anchor::Kv),
    ("anshou", Anchor::Kv),
    ("pasuwa", Anchor::Kv),
    ("auth\"", Anchor::KvSuffix),
    ("auth'", Anchor::KvSuffix),
    ("auth=", Anchor::KvSuffix),
    ("auth:", Anchor::KvSuffix),
    ("auth =", Anchor::KvSuffix),
    ("auth  ", Anchor::KvSuffix),
    ("hmac\"", Anchor::KvSuffix),
    ("hmac'", Anchor::KvSuffix),
    ("hmac=", Anchor::KvSuffix),
    ("hmac:", Anchor::KvSuffix),
    ("hmac =", Anchor::KvSuffix),
    ("access\"", Anchor::KvSuffix),
    ("access'", Anchor::KvSuffix),
    ("access=", Anchor::KvSuffix),
    ("access:", Anchor::KvSuffix),
    ("access =", Anchor::KvSuffix),
    ("data\"", Anchor::KvSuffix),
    ("data'", Anchor::KvSuffix),
    ("data=", Anchor::KvSuffix),
    ("data:", Anchor::KvSuffix),
    ("data =", Anchor::KvSuffix),
    ("value", Anchor::Kv),
    ("login", Anchor::Kv),
    ("\"default\"", Anchor::Kv),
    ("\"auth\"", Anchor::Kv),
    ("cookie:", Anchor::Cookie),
    (" -b ", Anchor::CookieFlag),
    ("--cookie ", Anchor::CookieFlag),
    (".aspnetcore.", Anchor::CookieName),
    ("appserviceauthsession", Anchor::CookieName),
    ("estsauth", Anchor::CookieName),
    (".aspxauth", Anchor::CookieName),
    ("connect.sid", Anchor::CookieName),
    ("phpsessid", Anchor::CookieName),
    ("authcookie", Anchor::CookieName),
    ("x-ms-cpim-", Anchor::CookieName),
    ("session", Anchor::CookieName),
    ("_sess", Anchor::CookieName),
    ("ssess", Anchor::CookieName),
    ("logged_in", Anchor::CookieName),
    ("fedauth", Anchor::CookieName),
    ("rtfa", Anchor::CookieName),
    ("msisauth", Anchor::CookieName),
    ("keycloak_", Anchor::CookieName),
    ("remember_", Anchor::CookieName),
    ("oauth2_proxy", Anchor::CookieName),
    ("basic ", Anchor::Basic),
    ("_auth=", Anchor::Basic),
    ("--password-stdin", Anchor::PasswordStdin),
    ("net user ", Anchor::NetUser),
    ("パスワード", Anchor::Ja),
    ("ぱすわーど", Anchor::Ja),
    ("パスフレーズ", Anchor::Ja),
    ("パス：", Anchor::Ja),
    ("パス:", Anchor::Ja),
    ("パス=", Anchor::Ja),
    ("パス＝", Anchor::Ja),
    ("パス |", Anchor::Ja),
    ("パス|", Anchor::Ja),
    ("パスは", Anchor::Ja),
    ("パス ", Anchor::Ja),
    ("パス　", Anchor::Ja),
    ("暗証番号", Anchor::Ja),
    ("一時アクセス パス", Anchor::Ja),
    ("一時アクセスパス", Anchor::Ja),
    ("共有キー", Anchor::Ja),
    ("アクセスキー", Anchor::Ja),
    ("アクセス キー", Anchor::Ja),
    ("管理キー", Anchor::Ja),
    ("キー", Anchor::Ja),
    ("プライマリ", Anchor::Ja),
    ("セカンダリ", Anchor::Ja),
    ("鍵", Anchor::Ja),
    ("シークレット", Anchor::Ja),
    ("トークン", Anchor::Ja),
    ("値", Anchor::Value),
    ("\t文字列", Anchor::Value),
    ("://", Anchor::Url),
    ("@", Anchor::At),
    ("data:", Anchor::SecretData),
    ("bearer", Anchor::Bearer),
    ("authorization", Anchor::Authorization),
    (" -p", Anchor::ShortFlag),
    (" -a", Anchor::ShortFlag),
    (" -u", Anchor::ShortFlag),
    (" --user", Anchor::ShortFlag),
    ("convertto-securestring", Anchor::ConvertTo),
    ("-value", Anchor::ValueFlag),
    ("/user:", Anchor::NetUse),
    ("/u:", Anchor::NetUse),
    ("-----begin", Anchor::Pem),
    ("eyj", Anchor::Jwt),
    ("q~", Anchor::Entra),
    ("q%7e", Anchor::Entra),
    ("ghp_", Anchor::GitHub),
    ("gho_", Anchor::GitHub),
    ("ghu_", Anchor::GitHub),
    ("ghs_", Anchor::GitHub),
    ("ghr_", Anchor::GitHub),
    ("github_pat_", Anchor::GitHub),
    ("akia", Anchor::Aws),
    ("asia", Anchor::Aws),
    ("+ast", Anchor::Identifiable),
    ("\\u002b", Anchor::Identifiable),
    ("acdb", Anchor::Identifiable),
    ("+asb", Anchor::Identifiable),
    ("+aeh", Anchor::Identifiable),
    ("+arm", Anchor::Identifiable),
    ("aiot", Anchor::Identifiable),
    ("azca", Anchor::Identifiable),
    ("+acr", Anchor::Identifiable),
    ("azfu", Anchor::Identifiable),
    ("azse", Anchor::Identifiable),
    ("+aba", Anchor::Identifiable),
    ("azeg", Anchor::Identifiable),
    ("apim", Anchor::Identifiable),
    ("jqqj9", Anchor::Identifiable),
    ("アカウント", Anchor::Account),
    ("資格情報", Anchor::Account),
    ("認証情報", Anchor::Account),
    ("ログイン情報", Anchor::Account),
    ("ログイン", Anchor::Account),
    ("サインイン", Anchor::Account),
    ("管理者", Anchor::Account),
    ("接続情報", Anchor::Account),
    ("認証で", Anchor::Account),
    (" it to ", Anchor::ItTo),
    (" it's ", Anchor::ItTo),
    (" it’s ", Anchor::ItTo),
    (" it is now ", Anchor::ItTo),
    (" one is ", Anchor::ItTo),
    (" in with ", Anchor::ItTo),
    (" in using ", Anchor::ItTo),
    (" in as ", Anchor::ItTo),
    (" it with ", Anchor::ItTo),
    ("protected with ", Anchor::ItTo),
    ("encrypted with ", Anchor::ItTo),
    (" try ", Anchor::ItTo),
    (" should work", Anchor::ItTo),
    ("(it's ", Anchor::ItTo),
    ("here it is:", Anchor::ItTo),
    ("here you go:", Anchor::ItTo),
    (" one: ", Anchor::ItTo),
    (" it not ", Anchor::ItTo),
    (" it still ", Anchor::ItTo),
    ("isn't it ", Anchor::ItTo),
    (" / ", Anchor::Pair),
    ("／", Anchor::Pair),
    ("@secure()", Anchor::SecureDecorator),
    ("securestring", Anchor::SecureString),
    ("sensitive", Anchor::Sensitive),
    ("user-secrets set", Anchor::UserSecrets),
    ("ssh-keygen ", Anchor::Passphrase),
    ("zip ", Anchor::Passphrase),
    ("7z ", Anchor::Passphrase),
    ("7za ", Anchor::Passphrase),
    ("pp auth myname ", Anchor::DeviceAuth),
    ("pp auth username ", Anchor::DeviceAuth),
    ("tunnel auth on ", Anchor::DeviceAuth),
    ("--from-literal=", Anchor::SecretLiteral),
    ("pin は", Anchor::Pin),
    ("pin を", Anchor::Pin),
    ("pin：", Anchor::Pin),
    ("pin: ", Anchor::Pin),
    ("pin（", Anchor::Pin),
    ("pin (", Anchor::Pin),
    (" pin is ", Anchor::Pin),
    ("cvc", Anchor::Pin),
    ("cvv", Anchor::Pin),
    ("security code", Anchor::Pin),
    ("セキュリティコード", Anchor::Pin),
    ("hooks.slack.com/services/", Anchor::Webhook),
    ("discord.com/api/webhooks/", Anchor::Webhook),
    ("webhook.office.com/webhookb2/", Anchor::Webhook),
    ("wifi:", Anchor::WifiQr),
    // The padded end of a value standing alone: a 64-byte account key, see
    // [`formats::bare_account_key`].
    ("==\n", Anchor::KeyEnd),
    ("==\r", Anchor::KeyEnd),
    ("==\"", Anchor::KeyEnd),
    ("=='", Anchor::KeyEnd),
    ("==`", Anchor::KeyEnd),
];

/// Every anchor: the fixed ones and the commands whose output [`console`] reads.
static ALL_ANCHORS: LazyLock<Vec<(&'static str, Anchor)>> = LazyLock::new(|| {
    ANCHORS
        .iter()
        .copied()
        .chain(console::ANCHORS.iter().map(|a| (*a, Anchor::Output)))
        .chain(
            formats::PREFIXED
                .iter()
                .map(|t| (t.prefix, Anchor::Prefixed)),
        )
        .chain(code::CALL_ANCHORS.iter().map(|c| (*c, Anchor::CallArgs)))
        .chain(wrapped::ANCHORS.iter().map(|a| (*a, Anchor::Wrapped)))
        .chain(wrapped::MARKUP_ANCHORS.iter().map(|a| (*a, Anchor::Markup)))
        .chain(wrapped::DER_ANCHORS.iter().map(|a| (*a, Anchor::Der)))
        .chain(std::iter::once((wrapped::ENTRA_ANCHOR, Anchor::EntraBlob)))
        .collect()
});

static SEARCH: LazyLock<AnchorSearch> =
    LazyLock::new(|| AnchorSearch::new(ALL_ANCHORS.iter().map(|(p, _)| *p)));

/// [`scan`] with options.
pub fn scan_with(text: &str, opts: &Options) -> Vec<Finding> {
    let mut raw = Vec::new();
    scan_lines(text, 0..text.len(), opts, &mut raw);
    merge(raw.into_iter().map(|r| r.finding).collect())
}

/// A finding before merging, with the offset it was found from: its anchor, its
/// DevOps PAT match, or its digit run (see [`memo`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Raw {
    pub origin: usize,
    pub finding: Finding,
}

/// The findings made from origins in `lines` (whole lines: it starts at 0 or after a
/// `\n`, and ends after a `\n` or at the end), unmerged, in the order a whole-text scan
/// makes them. No anchor spans a line break, so the anchors found in `lines` alone are
/// those of the whole text there; the detectors read the whole text.
pub(crate) fn scan_lines(text: &str, lines: Range<usize>, opts: &Options, raw: &mut Vec<Raw>) {
    scan_lines_at(text, lines, opts, false, raw);
}

/// The findings in `text`, decoded from a base64 blob (see [`wrapped`]): blobs inside
/// it are not decoded again.
pub(crate) fn scan_nested(text: &str, opts: &Options, found: &mut Vec<Finding>) {
    let mut raw = Vec::new();
    scan_lines_at(text, 0..text.len(), opts, true, &mut raw);
    found.extend(raw.into_iter().map(|r| r.finding));
}

/// [`scan_lines`], `nested` in decoded text.
fn scan_lines_at(
    text: &str,
    lines: Range<usize>,
    opts: &Options,
    nested: bool,
    raw: &mut Vec<Raw>,
) {
    let mut out = Vec::new();
    let mut origins: Vec<(usize, usize)> = Vec::new(); // (origin, findings made so far)
    let mut last_key = 0..0;
    let base = lines.start;
    for m in SEARCH.find(&text.as_bytes()[lines.clone()]) {
        let hit = base + m.range().start..base + m.range().end;
        origins.push((hit.start, out.len()));
        match ALL_ANCHORS[m.pattern].1 {
            Anchor::Kv => {
                keyvalue::at_key(text, hit.clone(), &mut last_key, &mut out);
                console::table_header(text, hit, &mut out);
            }
            // A name ending in a word with its separator (`ServiceAuth"`, `STORAGE_ACCESS=`,
            // `Data:`): the word alone is the key's anchor; `Authorization` is left at once.
            Anchor::KvSuffix => {
                let word = text.as_bytes()[hit.clone()]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
                keyvalue::at_key(text, hit.start..hit.start + word, &mut last_key, &mut out);
            }
            Anchor::Ja => {
                prose::at_japanese(text, hit.clone(), &mut out);
                keyvalue::commented_setting(text, hit, &mut out);
            }
            Anchor::Url => azure::url_userinfo(text, hit, &mut out),
            Anchor::Bearer => azure::bearer(text, hit, &mut out),
            Anchor::Authorization => azure::authorization(text, hit, &mut out),
            Anchor::ShortFlag => commands::short_flag(text, hit, &mut out),
            Anchor::ConvertTo => commands::convert_to_secure_string(text, hit, &mut out),
            Anchor::ValueFlag => commands::value_flag(text, hit, &mut out),
            Anchor::NetUse => commands::net_use(text, hit, &mut out),
            Anchor::NetUser => commands::net_user(text, hit, &mut out),
            Anchor::PasswordStdin => commands::password_stdin(text, hit, &mut out),
            Anchor::Cookie => azure::cookie(text, hit, &mut out),
            Anchor::Output => console::output(text, hit, &mut out),
            Anchor::Pem => formats::pem(text, hit, &mut out),
            Anchor::Jwt => {
                if !formats::jwt(text, hit.clone(), &mut out) && !nested {
                    wrapped::blob(text, hit, opts, &mut out);
                }
            }
            Anchor::Entra => formats::entra(text, hit, &mut out),
            Anchor::GitHub => formats::github(text, hit, &mut out),
            Anchor::Aws => formats::aws(text, hit, &mut out),
            Anchor::Identifiable => formats::identifiable(text, hit, &mut out),
            Anchor::Prefixed => formats::prefixed(text, hit, &mut out),
            Anchor::Account => {
                prose::at_account(text, hit.clone(), &mut out);
                keyvalue::account_label(text, hit, &mut out);
            }
            Anchor::ItTo => prose::at_it_to(text, hit, &mut out),
            Anchor::Pair => prose::at_pair(text, hit, &mut out),
            Anchor::CallArgs => code::call_argument(text, hit, &mut out),
            Anchor::SecureDecorator => code::secure_decorator(text, hit, &mut out),
            Anchor::SecureString => code::secure_string_default(text, hit, &mut out),
            Anchor::Value => {
                prose::at_value(text, hit.clone(), &mut out);
                keyvalue::value_under_credential(text, hit, &mut out);
            }
            Anchor::Sensitive => code::sensitive_variable(text, hit, &mut out),
            Anchor::UserSecrets => code::user_secrets_set(text, hit, &mut out),
            Anchor::Basic => azure::basic_scheme(text, hit, &mut out),
            Anchor::CookieFlag => azure::cookie_flag(text, hit, &mut out),
            Anchor::CookieName => azure::cookie_name(text, hit, &mut out),
            Anchor::Wrapped if nested => {}
            Anchor::Wrapped => wrapped::blob(text, hit, opts, &mut out),
            Anchor::Markup if nested => {}
            Anchor::Markup => wrapped::markup(text, hit, opts, &mut out),
            Anchor::Der => wrapped::der(text, hit, &mut out),
            Anchor::EntraBlob if nested => {}
            Anchor::EntraBlob => wrapped::entra_blob(text, hit, opts, &mut out),
            Anchor::At => azure::address_userinfo(text, hit, &mut out),
            Anchor::SecretData if nested => {}
            Anchor::SecretData => wrapped::secret_data(text, hit, opts, &mut out),
            Anchor::Webhook => formats::webhook(text, hit, &mut out),
            Anchor::WifiQr => formats::wifi_qr(text, hit, &mut out),
            Anchor::Passphrase => commands::passphrase_flag(text, hit, &mut out),
            Anchor::DeviceAuth => commands::device_auth(text, hit, &mut out),
            Anchor::SecretLiteral => commands::secret_literal(text, hit, &mut out),
            Anchor::Pin => prose::at_pin(text, hit, &mut out),
            Anchor::KeyEnd => formats::bare_account_key(text, hit, &mut out),
        }
    }
    // Anchor findings: each from the anchor before it in the list.
    let mut next = origins.iter().peekable();
    let mut origin = base;
    for (i, finding) in out.drain(..).enumerate() {
        while let Some(&&(o, _)) = next.peek().filter(|(_, from)| *from <= i) {
            origin = o;
            next.next();
        }
        raw.push(Raw { origin, finding });
    }
    formats::devops_pats(text, lines.clone(), &mut out);
    formats::payment_cards(text, lines, opts, &mut out);
    raw.extend(out.drain(..).map(|f| Raw {
        origin: f.range.start,
        finding: f,
    }));
}

/// The text of every secret [`scan`] finds in `text` (the detectors' tests).
#[cfg(test)]
pub(crate) fn found(text: &str) -> Vec<&str> {
    scan(text).iter().map(|f| &text[f.range.clone()]).collect()
}

/// Sorts and merges overlapping findings; the more certain kind names the union.
pub(crate) fn merge(mut found: Vec<Finding>) -> Vec<Finding> {
    found.retain(|f| f.range.start < f.range.end);
    found.sort_by_key(|f| (f.range.start, f.range.end));
    let mut out: Vec<Finding> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(last) = out.last_mut() {
            if f.range.start < last.range.end {
                last.range.end = last.range.end.max(f.range.end);
                last.kind = last.kind.min(f.kind);
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// Byte helpers shared by the detectors.
pub(crate) mod bytes {
    /// `text[i]`, or 0 outside the text.
    pub fn at(text: &str, i: usize) -> u8 {
        text.as_bytes().get(i).copied().unwrap_or(0)
    }

    /// The char ending just before byte `i` (or `'\0'`).
    pub fn char_before(text: &str, i: usize) -> char {
        text.get(..i)
            .and_then(|s| s.chars().next_back())
            .unwrap_or('\0')
    }

    /// The char starting at byte `i` (or `'\0'`).
    pub fn char_at(text: &str, i: usize) -> char {
        text.get(i..).and_then(|s| s.chars().next()).unwrap_or('\0')
    }

    /// How far the detectors look for a line's ends: a single-line paste of megabytes
    /// (minified JSON) must not make every anchor scan the whole line.
    pub const LINE_WINDOW: usize = 4096;

    /// The start of the line holding byte `i`, at most [`LINE_WINDOW`] bytes back.
    pub fn line_start(text: &str, i: usize) -> usize {
        let i = floor(text, i);
        let from = i.saturating_sub(LINE_WINDOW);
        match memchr::memrchr(b'\n', &text.as_bytes()[from..i]) {
            Some(p) => from + p + 1,
            None => ceil(text, from),
        }
    }

    /// The start of the line `n` lines above the one holding byte `i` (or of the text's
    /// first line): where "this line and the `n` above" begins.
    pub fn lines_up(text: &str, i: usize, n: usize) -> usize {
        let mut from = line_start(text, i);
        for _ in 0..n {
            if from == 0 {
                break;
            }
            from = line_start(text, from - 1);
        }
        from
    }

    /// The end of the line holding byte `i` (before its `\n`), at most [`LINE_WINDOW`]
    /// bytes on.
    pub fn line_end(text: &str, i: usize) -> usize {
        let i = ceil(text, i);
        let to = (i + LINE_WINDOW).min(text.len());
        match memchr::memchr(b'\n', &text.as_bytes()[i..to]) {
            Some(p) => i + p,
            None => floor(text, to).max(i),
        }
    }

    /// Rounds `i` down to a char boundary.
    pub fn floor(text: &str, mut i: usize) -> usize {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// Rounds `i` up to a char boundary.
    pub fn ceil(text: &str, mut i: usize) -> usize {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_panics_on_fragments_and_multibyte_text() {
        let parts = [
            "password",
            "=",
            ":",
            "：",
            "\"",
            "'",
            "\\\"",
            "パスワード",
            "は",
            "「",
            "」",
            "あ",
            " ",
            "\n",
            "|",
            "---|",
            "-----BEGIN RSA PRIVATE KEY-----",
            "-----END",
            "eyJ",
            ".",
            "8Q~",
            "ghp_",
            "AKIA",
            "+ASt",
            "JQQJ9",
            "://",
            "@",
            "sig=",
            "&",
            "?code=",
            "{",
            "}",
            " -p",
            " -P",
            "mysql",
            "az login",
            "ConvertTo-SecureString",
            "-AsPlainText",
            "4",
            "1234",
            "Bearer ",
            "Authorization: Basic ",
            "/user:",
            "net use",
            "%26",
            "€",
            "𝄞",
            "key1",
            "value",
            "name=",
            "<",
            ">",
            "*",
            "●",
            "（",
            "）",
            "の値",
            "Ab1!xyz9",
        ];
        let mut seed = 0x1234_5678_9abc_def0u64;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(parts[(seed % parts.len() as u64) as usize]);
            }
            for f in scan(&s) {
                assert!(s.is_char_boundary(f.range.start) && s.is_char_boundary(f.range.end));
            }
        }
        assert!(scan("").is_empty());
    }

    #[test]
    fn a_huge_single_line_is_scanned_whole() {
        // Its speed is measured in benches/secrets.rs (`scan_2mb_line`).
        let unit = "{\"password\": \"Ab1!xyz9\", \"name\": \"x\", \"cmd\": \"az login -u a -p Qw3rty!Zx98\", \"token\": \"abc\"} | ";
        let text = unit.repeat(2_000_000 / unit.len());
        let found = scan(&text);
        assert!(found.len() >= text.len() / unit.len());
    }

    /// What the anchor search must equal: an overlapping Aho–Corasick search.
    fn aho_corasick_hits(text: &str) -> Vec<(usize, Range<usize>)> {
        use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
        static AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(ALL_ANCHORS.iter().map(|(p, _)| p))
                .unwrap()
        });
        AC.find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.range()))
            .collect()
    }

    fn search_hits(text: &str) -> Vec<(usize, Range<usize>)> {
        SEARCH
            .find(text.as_bytes())
            .map(|h| (h.pattern, h.range()))
            .collect()
    }

    #[test]
    fn anchors_are_found_as_an_overlapping_aho_corasick_search_finds_them() {
        // Every anchor in both cases and mixed, glued to each other and to bytes that
        // start or end anchors, so that anchors overlap, nest and share ends.
        let mut parts: Vec<String> = ALL_ANCHORS
            .iter()
            .flat_map(|(p, _)| {
                let mixed: String = p
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if i % 2 == 0 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect();
                [p.to_string(), p.to_ascii_uppercase(), mixed]
            })
            .collect();
        parts
            .extend(["", " ", "\n", "=", "a", "s", "/", "-", "キ", "ー", "日本"].map(String::from));
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for round in 0..4000 {
            let mut s = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(&parts[(seed % parts.len() as u64) as usize]);
            }
            assert_eq!(search_hits(&s), aho_corasick_hits(&s), "round {round}");
        }
        for p in &parts {
            assert_eq!(search_hits(p), aho_corasick_hits(p));
        }
    }

    #[test]
    fn an_anchor_inside_a_longer_word_or_anchor_still_fires() {
        let names = |text: &str| -> Vec<&str> {
            search_hits(text)
                .into_iter()
                .map(|(p, r)| {
                    assert!(text[r].eq_ignore_ascii_case(ALL_ANCHORS[p].0));
                    ALL_ANCHORS[p].0
                })
                .collect()
        };
        assert!(names("AccountKey=abc").contains(&"key"));
        // Both the longer Japanese anchor and the one it ends with, the longer first.
        let ja = names("ストレージのアクセスキーは");
        let long = ja.iter().position(|a| *a == "アクセスキー").unwrap();
        let short = ja.iter().position(|a| *a == "キー").unwrap();
        assert!(long < short, "{ja:?}");
        // `pw` inside `pwd` inside `dbpwd`, and `pass` inside `password`.
        assert_eq!(names("dbpwd"), ["pw", "pwd"]);
        assert!(names("PASSWORD").contains(&"pass"));
        assert_eq!(names("a@b"), ["@"]);
    }

    #[test]
    fn findings_are_sorted_and_disjoint() {
        let text = "Password=Ab1!xyz9; AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy==\npassword: Qw3rty!Zx98\n";
        let found = scan(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.windows(2).all(|w| w[0].range.end <= w[1].range.start));
    }
}
