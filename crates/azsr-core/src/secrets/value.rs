//! What a value must look like to be a secret rather than a mask, a placeholder, a
//! variable, a reference or an ID; and which key names announce a secret.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::Kind;

/// The secret a key name announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Password,
    Secret,
    Token,
    Key(Kind),
    Sig,
    Code,
}

/// Lowercase, with `_ - . space` and quotes removed.
pub fn normalize(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

const NOT_SECRET_PARTS: &[&str] = &[
    "name",
    "expir",
    "policy",
    "policies",
    "length",
    "hint",
    "prompt",
    "reset",
    "change",
    "rotat",
    "continuation",
    "skiptoken",
    "nextpage",
    "pagetoken",
    "cancellation",
    "csrf",
    "xsrf",
    "authenticity",
    "antiforgery",
    "verification",
    // A custom domain's validation token (Front Door, Static Web Apps): published in a
    // DNS TXT record by design. (ASP.NET's `validationKey` signs; it stays a key.)
    "validationtoken",
    "instrumentation",
    "public",
    "thumbprint",
    "fingerprint",
    "vault",
    "stdin",
    "partition",
    "idempotency",
    "routing",
    "cache",
    "authentication",
    "enabled",
    "required",
    "algorithm",
    "complexity",
    "strength",
    "history",
    "lifetime",
    "validity",
    "duration",
    "tokenizer",
    "secretkeyref",
    "keyref",
    "secretref",
    "reference",
    "attempt",
    "retry",
    "mismatch",
    "compass",
    "bypass",
    "passthrough",
    "passive",
    "passenger",
    "passage",
    "passed",
    "passing",
    "keyboard",
    "keyword",
    "keyspace",
    "signature",
    "signin",
    "signup",
    "design",
    "assign",
    "codec",
    "encode",
    "decode",
    "statuscode",
    "errorcode",
    "barcode",
    "passwordless",
    "keyless",
    "tokenendpoint",
    "tokenurl",
    "tokenuri",
];

const NOT_SECRET_SUFFIXES: &[&str] = &[
    "uri",
    "url",
    "uris",
    "urls",
    "endpoint",
    "path",
    "file",
    "files",
    "type",
    "version",
    "count",
    "format",
    "status",
    "provider",
    "manager",
    "header",
    "headers",
    "param",
    "params",
    "source",
    "mode",
    "size",
    "label",
    "field",
    "error",
    "errors",
    "message",
    "failed",
    "failure",
    "tokens",
    "keys",
    "secrets",
    "passwords",
    "policy",
    "set",
    "reset",
    "enabled",
    "auth",
    "setting",
    "settings",
    "option",
    "options",
    "dir",
    "directory",
    "location",
    "region",
    "time",
    "date",
    "ttl",
    "kind",
    "template",
    "length",
    "days",
    "hours",
    "minutes",
    "seconds",
    // A hash of the secret (`PasswordHash`, `DB_PASS_HASH`, `secretDigest`), not the secret.
    "hash",
    "hashed",
    "digest",
    "checksum",
    "fingerprint",
    "thumbprint",
];

const NOT_SECRET_KEY_PREFIXES: &[&str] = &[
    "",
    "public",
    "partition",
    "row",
    "sort",
    "foreign",
    "routing",
    "idempotency",
    "cache",
    "lookup",
    "unique",
    "composite",
    "hot",
    "registry",
    "shard",
    "index",
    "map",
    "match",
    "hash",
    "ssh",
    "gpg",
    "pgp",
    "primary",
    "secondary",
    "monkey",
    "turn",
    "whis",
    "jockey",
    "hockey",
    "donkey",
    "group",
    "join",
    "dedup",
    "sas",
    "kid",
    "data",
];

/// Names whose last word says what they send rather than calling it a password or a
/// key: `ServiceAuth`, `KikanAuth`, `AZ_AUTH` (the credential a service sends), `Hmac`,
/// `WEBHOOK_HMAC` (the HMAC key), `STORAGE_ACCESS` (an access key: judged by its shape, see
/// [`names_access`]). A switch or a scheme (`useAuth`, `oauth`) is no credential.
fn named_by_suffix(n: &str) -> Option<Class> {
    const SWITCHES: &[&str] = &[
        "oauth",
        "easyauth",
        "useauth",
        "enableauth",
        "disableauth",
        "requireauth",
        "skipauth",
        "noauth",
        "allowauth",
        "mutualauth",
        "clientauth",
        "anonymousauth",
        "windowsauth",
        "formsauth",
    ];
    if n.len() > 4 && n.ends_with("auth") && !SWITCHES.contains(&n) {
        Some(Class::Secret)
    } else if n.ends_with("hmac") {
        Some(Class::Key(Kind::Secret))
    } else if names_access(n) {
        Some(Class::Key(Kind::AccessKey))
    } else {
        None
    }
}

/// The class of a name in romanized Japanese, `word` the romanized word met in it (one
/// of the anchors `himitsu` 秘密, `anshou` 暗証, `pasuwa` パスワード): `HIMITSU`,
/// `api_himitsu_kagi`, `ANSHOU_BANGOU`, `pasuwaado`; not their name, length, expiry or
/// change (`himitsu_mei`, `pasuwaado_nagasa`). Not in [`classify`], which runs for every
/// key-like word: only a key holding such a word asks.
pub fn romaji_class(word: &str, key: &str) -> Option<Class> {
    let secret = word.eq_ignore_ascii_case("himitsu");
    if !(secret || word.eq_ignore_ascii_case("anshou") || word.eq_ignore_ascii_case("pasuwa")) {
        return None;
    }
    let n = normalize(key);
    if NOT_PARTS.is_match(&n)
        || ["mei", "nagasa", "kigen", "henkou"]
            .iter()
            .any(|w| n.ends_with(w))
    {
        return None;
    }
    Some(if secret {
        Class::Secret
    } else {
        Class::Password
    })
}

/// `STORAGE_ACCESS`, `blobAccess`: a name ending in `access` (normalized), which holds an
/// access key only when the value has an Azure key's shape (`access: private` is a level).
pub fn names_access(n: &str) -> bool {
    n.len() > 6 && n.ends_with("access")
}

/// Whether a normalized name ends in `auth` (its value must be longer than a scheme's
/// name, `OAuth2`).
pub fn names_auth(n: &str) -> bool {
    n.ends_with("auth")
}

/// What a key name announces, when it announces a secret.
static NOT_PARTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(NOT_SECRET_PARTS)
        .expect("valid patterns")
});

pub fn classify(key: &str) -> Option<Class> {
    let raw_last = key
        .bytes()
        .rposition(|c| matches!(c, b'.' | b':' | b'/'))
        .map_or(key, |p| &key[p + 1..]);
    // Lowercase alphanumerics only, on the stack: this runs for every key-like word.
    let mut buf = [0u8; 64];
    let mut len = 0;
    for b in raw_last.bytes().filter(u8::is_ascii_alphanumeric) {
        if len == buf.len() {
            return None;
        }
        buf[len] = b.to_ascii_lowercase();
        len += 1;
    }
    let n = std::str::from_utf8(&buf[..len]).ok()?;
    if n.is_empty() || n.len() > 60 {
        return None;
    }
    // `DB_PW`, `sql-admin-pw`, `dbPw`: `pw` as the last word of the name.
    let raw = raw_last.as_bytes();
    let pw_word = n.ends_with("pw")
        && n.len() > 2
        && raw.len() >= 3
        && raw[raw.len() - 2..].eq_ignore_ascii_case(b"pw")
        && (matches!(raw[raw.len() - 3], b'_' | b'-')
            || raw[raw.len() - 2] == b'P' && raw[raw.len() - 3].is_ascii_lowercase());
    // Laravel's and Symfony's anti-forgery form field (`_token=…&item_id=…`), like
    // `csrf_token`: it signs no one in.
    if raw_last == "_token" {
        return None;
    }
    if n == "sig" {
        return Some(Class::Sig);
    }
    if n == "code" {
        return Some(Class::Code);
    }
    // Cheap test first: most keys met in logs announce nothing.
    // (`p` and `c` before the substring searches: most words hold neither.)
    let has = |c: u8| n.as_bytes().contains(&c);
    let maybe = has(b'p') && (n.contains("pass") || n.contains("pwd"))
        || n == "pw"
        || pw_word
        || has(b'c') && (n.contains("secret") || n.contains("credential"))
        || n == "creds"
        || n.ends_with("token")
        || n.ends_with("pat")
        || n.ends_with("key")
        || n.ends_with("keydata")
        || n.ends_with("keyvalue")
        || n.ends_with("key1")
        || n.ends_with("key2")
        || n == "psk";
    if !maybe {
        return named_by_suffix(n);
    }
    if n.ends_with("id") || n.ends_with("ids") {
        return None;
    }
    // `IssuerSigningKey`, `signingSecret`: what signs tokens, not a sign-in.
    let signing_key = n.ends_with("signingkey");
    let not_part = NOT_PARTS.is_match(n)
        && (!n.contains("signing")
            || NOT_PARTS
                .find_iter(n)
                .any(|m| !(&n[m.range()] == "signin" && n[m.end()..].starts_with('g'))));
    if (not_part && !signing_key
        || NOT_SECRET_SUFFIXES
            .iter()
            .any(|p| p.as_bytes().last() == n.as_bytes().last() && n.ends_with(p) && n != *p))
        && !n.ends_with("keydata")
    {
        return None;
    }
    if signing_key {
        return Some(Class::Secret);
    }
    if n.contains("password")
        || n.contains("passwd")
        || n.contains("passphrase")
        || n.contains("pwd")
        || n.ends_with("pass")
        || n == "pw"
        || pw_word
        || n.ends_with("passcode")
    {
        return Some(Class::Password);
    }
    // FortiOS `psksecret`.
    if n.starts_with("psk") {
        return Some(Class::Key(Kind::PreSharedKey));
    }
    if n.contains("secret")
        || n.starts_with("credential")
        || n.ends_with("credential")
        || n.ends_with("credentials")
        || n == "creds"
    {
        return Some(Class::Secret);
    }
    if n == "key1" || n == "key2" {
        return Some(Class::Key(Kind::AccessKey));
    }
    if n == "psk" || n.ends_with("presharedkey") {
        return Some(Class::Key(Kind::PreSharedKey));
    }
    if n.ends_with("token") || n == "pat" || n.ends_with("pat") && n.len() > 6 {
        return Some(Class::Token);
    }
    let stem = n
        .strip_suffix("keydata")
        .or_else(|| n.strip_suffix("keyvalue"))
        .or_else(|| n.strip_suffix("key"))
        .or_else(|| n.strip_suffix("key1"))
        .or_else(|| n.strip_suffix("key2"));
    if let Some(stem) = stem {
        let listed = NOT_SECRET_KEY_PREFIXES
            .iter()
            .any(|p| p.len() == stem.len() && *p == stem);
        if listed && !n.ends_with("keydata") {
            // `primaryKey` / `secondaryKey` are both Azure keys and database schema
            // words: allowed, the value's shape decides.
            if stem == "primary" || stem == "secondary" || stem == "sas" {
                return Some(Class::Key(Kind::AccessKey));
            }
            return None;
        }
        let kind = if stem.contains("functions") || stem == "function" || stem == "host" {
            Kind::FunctionKey
        } else if stem.contains("apim") || stem.contains("subscription") || stem.contains("api") {
            Kind::ApiKey
        } else if stem.contains("sharedaccess") {
            Kind::SharedAccessKey
        } else if stem.contains("private") || n.ends_with("keydata") {
            Kind::PrivateKey
        } else if stem.contains("preshared") || stem == "shared" || stem == "psk" {
            Kind::PreSharedKey
        } else {
            Kind::AccessKey
        };
        return Some(Class::Key(kind));
    }
    None
}

/// Words that stand where a value would be but are not one.
const STOPWORDS: &[&str] = &[
    "none",
    "null",
    "nil",
    "not",
    "is",
    "was",
    "required",
    "expired",
    "invalid",
    "incorrect",
    "wrong",
    "mismatch",
    "missing",
    "empty",
    "hidden",
    "masked",
    "changed",
    "reset",
    "set",
    "unset",
    "the",
    "a",
    "an",
    "must",
    "should",
    "will",
    "cannot",
    "can",
    "does",
    "did",
    "has",
    "have",
    "and",
    "or",
    "for",
    "of",
    "to",
    "in",
    "on",
    "with",
    "policy",
    "authentication",
    "auth",
    "login",
    "field",
    "prompt",
    "yes",
    "no",
    "true",
    "false",
    "string",
    "securestring",
    "secureobject",
    "object",
    "int",
    "boolean",
    "bool",
    "n/a",
    "na",
    "tbd",
    "todo",
    "same",
    "as",
    "above",
    "below",
    "see",
    "unknown",
    "ok",
    "sent",
    "updated",
    "protected",
    "encrypted",
    "stored",
    "saved",
    "redacted",
    "removed",
    "omitted",
    "password",
    "passwords",
    "secret",
    "token",
    "key",
    "value",
    "values",
    "xxx",
    "placeholder",
    "example",
    "sample",
    "dummy",
    "hoge",
    "fuga",
    "piyo",
    "foo",
    "bar",
    "baz",
    "test",
    "change",
    "changeme",
    "mask",
    "censored",
    "provided",
    "supplied",
    "generated",
    "specified",
    "configured",
    "needed",
    "correct",
    "accepted",
    "rejected",
    "valid",
    "used",
    "when",
    "that",
    "this",
    "it",
    "if",
    "be",
    "by",
    "from",
    "after",
    "before",
    "again",
    "here",
    "there",
    "only",
    "also",
    "do",
    "are",
    "were",
    "been",
    "expires",
    "expiry",
    "expiration",
    "length",
    "complexity",
    "manager",
    "vault",
    "keyvault",
    "reference",
    "ref",
    "file",
    "env",
    "environment",
    "variable",
    "variables",
    "parameter",
    "parameters",
    "param",
    "input",
    "output",
    "text",
    "plain",
    "plaintext",
    "default",
    "defaults",
    "authentication",
    "authorization",
    "user",
    "username",
    "account",
    "type",
    "kind",
    "mode",
    "field",
    "form",
    "dialog",
    "screen",
    "reset,",
    "sha256",
    "sha1",
    "md5",
    "bcrypt",
    "hash",
    "hashed",
    "base64",
    "hex",
    "utf-8",
    "utf8",
    "json",
    "yaml",
    "xml",
    "pem",
    "pfx",
    "cer",
    "crt",
    // Password managers named where the value would be (`パスワード → 1Password の…`).
    "1password",
    "keepass",
    "lastpass",
    "bitwarden",
];

/// [`STOPWORDS`] for lookups.
static STOPWORD_SET: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// Parts that make a value a placeholder wherever they stand (`<your-key>`,
/// `REPLACE_WITH_…`, `${VAR}`, `{{ x }}`, `…_here`), found in one pass.
static PLACEHOLDER_PARTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build([
            "_here",
            "-here",
            "placeholder",
            "redacted",
            "removed",
            "masked",
            "dummy",
            "example",
            "<",
            ">",
            "${",
            "$(",
            "{{",
            "secrets.",
            "replace_with",
            "replace-with",
            "change-me",
            "change_me",
            "#{",
        ])
        .expect("valid patterns")
});

/// A camelCase identifier named for the secret it holds (`adminPassword: vmAdminPassword`,
/// `clientSecret: appClientSecret`): a reference to a parameter or variable, not a value.
fn names_its_secret(t: &str) -> bool {
    let b = t.as_bytes();
    b.first().is_some_and(u8::is_ascii_lowercase)
        && b.iter().all(u8::is_ascii_alphabetic)
        && ["Password", "Secret", "Key", "Token", "Pwd"]
            .iter()
            .any(|w| {
                t.strip_suffix(w).is_some_and(|pre| {
                    pre.len() >= 2 && pre.ends_with(|c: char| c.is_ascii_lowercase())
                })
            })
}

/// A kebab- or snake-case name whose last word names a credential (a Key Vault secret's
/// name `stfinancearchive-key1`, `sql-admin-password`, `app_client_secret`,
/// `partner-api-token2`): the name under which the credential is kept, not its value.
fn names_its_credential(b: &[u8]) -> bool {
    if b.len() < 6
        || !b[0].is_ascii_lowercase()
        || !b
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_'))
    {
        return false;
    }
    let Some(cut) = b.iter().rposition(|c| matches!(c, b'-' | b'_')) else {
        return false;
    };
    let last = &b[cut + 1..];
    let word = last
        .strip_suffix(b"1")
        .or_else(|| last.strip_suffix(b"2"))
        .unwrap_or(last);
    cut >= 2
        && matches!(
            word,
            b"key" | b"password" | b"pwd" | b"secret" | b"token" | b"connstr" | b"credential"
        )
}

/// A mask, a placeholder, a variable or a reference rather than a value.
pub fn is_placeholder(v: &str) -> bool {
    let t = v.trim();
    if t.is_empty() {
        return true;
    }
    // Lowercased on the stack when short: this runs for every value read.
    let mut buf = [0u8; 128];
    let owned;
    let lower: &str = if t.len() <= buf.len() {
        let l = &mut buf[..t.len()];
        l.copy_from_slice(t.as_bytes());
        l.make_ascii_lowercase();
        std::str::from_utf8(l).expect("ASCII lowercasing keeps UTF-8")
    } else {
        owned = t.to_ascii_lowercase();
        &owned
    };
    if STOPWORD_SET.contains(lower) {
        return true;
    }
    // `\u003cfrom-key-vault\u003e`: `<…>` escaped in JSON (a password may hold one `<`).
    if lower.starts_with("\\u003c") && lower.ends_with("\\u003e") {
        return true;
    }
    let b = t.as_bytes();
    // Variables, expressions and references.
    const REF_PREFIXES: &[&str] = &[
        "@microsoft.keyvault",
        "@{",
        "[parameters(",
        "[variables(",
        "[reference(",
        "[listkeys(",
        "[concat(",
        "[format(",
        "[",
        "(",
        "{{",
        "var.",
        "local.",
        "data.",
        "module.",
        "random_password.",
        "azurerm_",
        "each.",
        "secretref:",
        "keyvaultref:",
        "env:",
        "env.",
        "process.env",
        "os.environ",
        "os.getenv",
        "environment.getenvironmentvariable",
        "system.getenv",
        "getenv(",
        "read-host",
        "get-credential",
        "get-azkeyvaultsecret",
        "secretkeyref",
        "valuefrom",
        "secrets.",
        "vars.",
        "inputs.",
        "file:",
        "/",
        "./",
        "~/",
        "--",
        "<",
        "&lt;",
        "%3c",
        "…",
        "...",
        "ssh-rsa",
        "ssh-ed25519",
        "ecdsa-sha2",
        "-----begin public",
        "-----begin certificate",
        "http://",
        "https://",
    ];
    // A base64 key may start with `/`: not a path when it is a long base64 blob.
    let b64_blob = b.len() >= 40
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='))
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase);
    // An opaque token may start with `--`: not a flag when it is long and random.
    let token_blob = b.len() >= 24
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase);
    let first = lower.as_bytes()[0];
    if REF_PREFIXES.iter().any(|p| {
        p.as_bytes()[0] == first
            && lower.starts_with(p)
            && !(*p == "/" && b64_blob)
            && !(*p == "--" && token_blob)
    }) {
        return true;
    }
    let ident = |x: &[u8]| {
        !x.is_empty()
            && !x[0].is_ascii_digit()
            && x.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
    };
    // `$VAR`, `$env:VAR`, `%VAR%`, `@file.json`, YAML tags (`!vault`) and aliases.
    if b[0] == b'$'
        && (ident(&b[1..])
            || lower.starts_with("$env:")
            || b.len() > 1 && matches!(b[1], b'{' | b'(' | b'$'))
        || b[0] == b'%' && b.len() > 2 && b[b.len() - 1] == b'%' && ident(&b[1..b.len() - 1])
        || b[0] == b'@' && (t.contains('.') || t.contains('/') || t.contains('\\'))
        || b[0] == b'!' && b[1..].iter().all(u8::is_ascii_alphabetic)
        || b[0] == b'*' && ident(&b[1..]) && !b[1..].iter().any(u8::is_ascii_digit)
    {
        return true;
    }
    if names_its_secret(t) || names_its_credential(b) {
        return true;
    }
    if b.len() >= 3 && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/') {
        return true; // a Windows path
    }
    // Escaped for a URL: `%7Btoken%7D`, `%3Cpassword%3E`, the emulators' published keys
    // (`…tq%2FK1…%3D%3D`).
    if t.contains('%') && percent_encoded_placeholder(t) {
        return true;
    }
    if lower.starts_with('{') && lower.ends_with('}') {
        let inner = &lower[1..lower.len() - 1];
        if inner
            .chars()
            .all(|c| c.is_ascii_alphabetic() || "_- ".contains(c))
        {
            return true;
        }
    }
    if lower.starts_with("your")
        || lower.starts_with("my-")
        || lower.starts_with("my_")
        || PLACEHOLDER_PARTS.is_match(lower)
    {
        return true;
    }
    if crate::arm::is_guid(t.trim_matches(|c| c == '{' || c == '}')) {
        return true;
    }
    if is_expression(t, lower) || is_template_name(t) || is_known_non_secret(t) {
        return true;
    }
    // Masks: a run of three or more mask characters (`***`, `xxx`, `●●●`, `...`); in a
    // long random token (a cookie, a key) `___` or `xxx` happen by chance, and a mask of
    // letters or underscores there is longer.
    let ascii_run = if t.len() >= 24 { 5 } else { 3 };
    let mut run = 0;
    let mut prev = '\0';
    for c in t.chars() {
        let mask = matches!(
            c,
            '*' | '●' | '•' | '○' | '■' | '□' | '＊' | '…' | '.' | 'x' | 'X' | '#' | '?' | '_'
        );
        if mask && (c == prev || matches!(c, '●' | '…' | '•' | '■' | '＊')) {
            run += 1;
            let needed = if matches!(c, 'x' | 'X' | '_' | '#' | '?') {
                ascii_run
            } else {
                3
            };
            if run >= needed || c == '…' {
                return true;
            }
        } else if mask {
            run = 1;
        } else {
            run = 0;
        }
        prev = c;
    }
    // Only mask characters.
    if t.chars().all(|c| !c.is_alphanumeric()) {
        return true;
    }
    false
}

/// Functions that read a value rather than hold one: ARM and Bicep (`listKeys(…)`,
/// `resourceId(…)`), Logic Apps and Data Factory (`@body('…')?['value']`,
/// `@activity('…').output`), and code fragments (`, listKeys(…)`, `builder.Configuration[`,
/// `Configuration.GetValue`).
fn is_expression(t: &str, lower: &str) -> bool {
    const CALLS: &[&str] = &[
        "listkeys(",
        "listsecrets(",
        "listconnectionstrings(",
        "listcredentials(",
        "resourceid(",
        "reference(",
        "variables(",
        "parameters(",
        "concat(",
        ".keys[0]",
        ".keys[1]",
        ".configuration[",
        "configuration[",
        "getvalue<",
        "environment.getenvironmentvariable",
    ];
    if t.contains(['(', '[', '<']) && CALLS.iter().any(|c| lower.contains(c)) {
        return true;
    }
    let b = t.as_bytes();
    // `@body('Get_secret')?['value']`, `@pipeline().parameters.x`: `@` and a function.
    if b[0] == b'@' {
        let name_end = b[1..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'_')
            .map_or(b.len(), |p| p + 1);
        if name_end > 1 && b.get(name_end) == Some(&b'(') {
            return true;
        }
    }
    // A fragment of code around a string: `, listKeys(…)`, `) + "`.
    if matches!(b[0], b',' | b')') {
        return true;
    }
    // An indexer or a member chain: `builder.Configuration[`, `options.Value.Secret`.
    t.ends_with('[')
        || t.ends_with('(')
        || t.contains('.')
            && t.split('.').count() >= 2
            && t.split('.').all(|w| {
                w.len() >= 2
                    && w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !w.chars().any(|c| c.is_ascii_digit())
            })
}

/// `REPLACE_WITH_PASSWORD`, `SET_IN_KEY_VAULT`, `__TOKEN__`, `REPLACE-ME-PASSWORD`: a name
/// in capitals standing for the value, not the value.
fn is_template_name(t: &str) -> bool {
    if !t.starts_with(|c: char| c.is_ascii_uppercase() || c == '_') {
        return false;
    }
    const WORDS: &[&str] = &[
        "REPLACE",
        "CHANGE",
        "ENTER",
        "INSERT",
        "PUT",
        "SET",
        "YOUR",
        "HERE",
        "TODO",
        "FIXME",
        "PASSWORD",
        "SECRET",
        "TOKEN",
        "KEY",
        "VALUE",
        "REDACTED",
        "PLACEHOLDER",
        "DUMMY",
    ];
    let b = t.as_bytes();
    if t.len() > 4 && t.starts_with("__") && t.ends_with("__") {
        return true;
    }
    let caps = b
        .iter()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'_' | b'-'));
    caps && b.iter().any(|c| matches!(c, b'_' | b'-'))
        && t.split(['_', '-']).any(|w| WORDS.contains(&w))
}

/// Hex of a digest's or a thumbprint's length (40 for SHA-1, 64 for SHA-256, 128 for
/// SHA-512): a hash, unless a word says it is a key.
pub(crate) fn hash_length_hex(s: &str) -> bool {
    matches!(s.len(), 40 | 64 | 128) && s.bytes().all(|c| c.is_ascii_hexdigit())
}

/// Values of a known shape that are never secrets: dates and times (key creation times
/// in key tables), Cosmos DB continuation and session tokens (`+RID:~…#RT:…`,
/// `0:-1#123`), and text in Japanese (a description standing where the value goes).
pub fn is_known_non_secret(t: &str) -> bool {
    if PUBLISHED_KEYS.contains(&t) || super::formats::jwt_header_alone(t) {
        return true;
    }
    // A connection string's first setting (`シークレット: DefaultEndpointsProtocol=https;…`):
    // the string is judged whole, by its key's own name.
    if let Some((name, _)) = t.split_once('=') {
        if CONNECTION_SETTINGS
            .iter()
            .any(|s| name.eq_ignore_ascii_case(s))
        {
            return true;
        }
    }
    if t.starts_with("+RID:") || t.contains("#RT:") || t.contains("#TRC:") {
        return true;
    }
    if is_date_or_time(t) || is_named_hash(t) {
        return true;
    }
    // Cosmos DB session token: `0:-1#12345`, `1:2#9876#3=5`.
    let b = t.as_bytes();
    if b.iter()
        .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'-' | b'#' | b'='))
        && t.contains(':')
        && t.contains('#')
    {
        return true;
    }
    !t.is_ascii()
        && t.chars().any(|c| {
            ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)
        })
}

/// Whether `t`, once its percent escapes are undone, is a name in braces or angle brackets
/// or a published emulator key.
fn percent_encoded_placeholder(t: &str) -> bool {
    let d = crate::text::percent_decoded_bytes(t);
    let Ok(d) = std::str::from_utf8(&d) else {
        return false;
    };
    let named = |inner: &str| {
        !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_- .".contains(c))
    };
    PUBLISHED_KEYS.contains(&d)
        || d.len() > 2
            && (d.starts_with('{') && d.ends_with('}') || d.starts_with('<') && d.ends_with('>'))
            && named(d[1..d.len() - 1].trim_matches(['{', '}']))
}

/// The settings a connection string names its target with, none of them a secret.
const CONNECTION_SETTINGS: &[&str] = &[
    "DefaultEndpointsProtocol",
    "AccountName",
    "BlobEndpoint",
    "EndpointSuffix",
    "Endpoint",
    "HostName",
    "Server",
    "Data Source",
    "SharedAccessKeyName",
    "InstrumentationKey",
];

/// Keys and tokens printed in documentation for everyone to copy, so they open nothing:
/// Microsoft's local emulators (Azurite and the storage emulator's `devstoreaccount1`,
/// the Cosmos DB emulator) and jwt.io's sample token.
const PUBLISHED_KEYS: &[&str] = &[
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
];

/// Card numbers payment providers publish for testing (Stripe, Adyen, Braintree): no
/// bank issued them, so they pay for nothing. Digits only.
const PUBLISHED_TEST_CARDS: &[&str] = &[
    "4242424242424242",
    "4000056655665556",
    "4111111111111111",
    "4012888888881881",
    "5555555555554444",
    "2223003122003222",
    "5200828282828210",
    "5105105105105100",
    "378282246310005",
    "371449635398431",
    "6011111111111117",
    "6011000990139424",
    "3056930009020004",
    "36227206271667",
    "3566002020360505",
    "6200000000000005",
];

/// Whether `digits` is a card number published for testing ([`PUBLISHED_TEST_CARDS`]).
pub(crate) fn is_published_test_card(digits: &str) -> bool {
    PUBLISHED_TEST_CARDS.contains(&digits)
}

/// A hash named by its algorithm: `sha256:<hex>` (image digests), `sha256_<hex>` (cache
/// keys), `md5-<hex>`; and MySQL's `mysql_native_password` hash, `*` and 40 hex digits
/// (`mysql.user.authentication_string`).
fn is_named_hash(t: &str) -> bool {
    if let Some(hex) = t.strip_prefix('*') {
        return hex.len() == 40 && hex.bytes().all(|c| c.is_ascii_hexdigit());
    }
    let Some(sep) = t.find([':', '_', '-', '=']) else {
        return false;
    };
    let algo = t[..sep].to_ascii_lowercase();
    let hex = &t[sep + 1..];
    matches!(
        algo.as_str(),
        "md5" | "sha1" | "sha256" | "sha384" | "sha512"
    ) && hex.len() >= 32
        && hex.bytes().all(|c| c.is_ascii_hexdigit())
}

/// `2026-03-01T04:12:55.123456+00:00`, `2026/03/01`, `13:12:55`, `2026-11-24 13:15:00.000000`.
pub fn is_date_or_time(t: &str) -> bool {
    let b = t.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 8
        && digits(0..4)
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[5].is_ascii_digit()
        && t[5..].bytes().take_while(u8::is_ascii_digit).count() <= 2
        && t.bytes()
            .all(|c| c.is_ascii_digit() || b"-/.:T Z+".contains(&c));
    let time = b.len() >= 5
        && b[..b.len().min(3)]
            .iter()
            .filter(|c| c.is_ascii_digit())
            .count()
            >= 1
        && t.bytes().all(|c| c.is_ascii_digit() || b":.".contains(&c))
        && t.matches(':').count() >= 1
        && t.split(':').all(|p| !p.is_empty() && p.len() <= 9);
    date || time
}

/// base64 of `user:password` (Docker's `config.json` `auth`, `Authorization: Basic`).
pub fn basic_credentials(v: &str) -> bool {
    v.len() >= 8
        && !is_placeholder(v)
        && super::checksum::base64_decode(v).is_some_and(|d| {
            d.iter().all(|c| (0x20..0x7f).contains(c))
                && d.iter()
                    .position(|&c| c == b':')
                    // An empty user with a token (`:<PAT>`, as Azure DevOps takes it).
                    .is_some_and(|i| i + 1 < d.len() && (i > 0 || d.len() - i > 16))
        })
}

/// A connection string or settings list (`Endpoint=…;SharedAccessKey=…`): its secret
/// parts are found by their keys, the whole is not one value.
pub fn holds_pairs(v: &str) -> bool {
    v.contains(';') && v.matches('=').count() >= 2
}

/// `0x8DDADABF91F6404`: a number of 64 bits at most written in hex (a blob's etag, an
/// HRESULT, an address), no secret whatever its key.
pub fn hex_number(v: &str) -> bool {
    v.strip_prefix("0x")
        .or_else(|| v.strip_prefix("0X"))
        .is_some_and(|hex| {
            !hex.is_empty() && hex.len() <= 16 && hex.bytes().all(|c| c.is_ascii_hexdigit())
        })
}

/// Looks like a random machine-made value (key, token): long enough and mixing classes.
pub fn looks_random(v: &str, min_len: usize) -> bool {
    if v.len() < min_len {
        return false;
    }
    if hex_number(v) {
        return false;
    }
    let (mut up, mut low, mut dig) = (0, 0, 0);
    for c in v.chars() {
        if c.is_ascii_uppercase() {
            up += 1;
        } else if c.is_ascii_lowercase() {
            low += 1;
        } else if c.is_ascii_digit() {
            dig += 1;
        }
    }
    let classes = (up > 0) as u8 + (low > 0) as u8 + (dig > 0) as u8;
    if classes < 2 {
        // All-hex lowercase or uppercase keys of 32+ characters still count.
        return dig > 0 && v.len() >= 32 && v.chars().all(|c| c.is_ascii_alphanumeric());
    }
    // Identifiers like `my-storage-account-name` or `ProductCategoryName` are not random:
    // a machine-made value of this length almost always holds a digit.
    if dig == 0 {
        return v.len() >= 32 || v.contains(['+', '/', '=']);
    }
    true
}

/// Looks like a password a person chose, for the weakly marked prose contexts.
pub fn looks_like_password(v: &str) -> bool {
    if v.len() < 6 || v.len() > 128 {
        return false;
    }
    let letters = v.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = v.chars().filter(|c| c.is_ascii_digit()).count();
    let symbols = v
        .chars()
        .filter(|c| c.is_ascii_punctuation() && !matches!(c, '.' | ',' | ';' | ':' | '-'))
        .count();
    let upper = v.chars().any(|c| c.is_ascii_uppercase());
    let lower = v.chars().any(|c| c.is_ascii_lowercase());
    if letters == 0 {
        return false;
    }
    (digits > 0 && (symbols > 0 || upper && lower))
        || (symbols > 0 && upper && lower)
        || looks_like_passphrase(v)
}

/// A passphrase: lowercase words joined by one separator (`orbit-canyon-pickle-orbit-88`,
/// `correct_horse_battery_staple`), four words or three and a number, none of them a
/// word that names a secret (`db-admin-password-name` is a name, not a value).
pub fn looks_like_passphrase(v: &str) -> bool {
    let Some(sep) = v.chars().find(|c| matches!(c, '-' | '_' | '.')) else {
        return false;
    };
    if v.len() < 16 {
        return false;
    }
    let parts: Vec<&str> = v.split(sep).collect();
    let (words, number) = match parts.split_last() {
        Some((last, rest)) if !last.is_empty() && last.bytes().all(|c| c.is_ascii_digit()) => {
            (rest, true)
        }
        _ => (&parts[..], false),
    };
    const NAME_WORDS: &[&str] = &[
        "password", "passwd", "secret", "key", "token", "name", "pwd", "pass", "cred",
    ];
    words.len() >= if number { 3 } else { 4 }
        && words.iter().all(|w| {
            w.len() >= 3
                && w.bytes().all(|c| c.is_ascii_alphabetic())
                && !NAME_WORDS.contains(&w.to_ascii_lowercase().as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(classify("AccountKey"), Some(Class::Key(Kind::AccessKey)));
        assert_eq!(classify("SharedAccessKeyName"), None);
        assert_eq!(classify("--admin-password"), Some(Class::Password));
        assert_eq!(classify("password_expiry_days"), None);
        assert_eq!(
            classify("client-key-data"),
            Some(Class::Key(Kind::PrivateKey))
        );
        assert_eq!(classify("client-certificate-data"), None);
        assert_eq!(classify("InstrumentationKey"), None);
        assert_eq!(classify("token_type"), None);
        assert_eq!(classify("clientSecret"), Some(Class::Secret));
        assert_eq!(classify("secretName"), None);
        assert_eq!(
            classify("x-functions-key"),
            Some(Class::Key(Kind::FunctionKey))
        );
        assert_eq!(classify("keyName"), None);
        assert_eq!(classify("validationProperties.validationToken"), None);
        assert_eq!(classify("validationKey"), Some(Class::Key(Kind::AccessKey)));
        assert_eq!(classify("bypass"), None);
        for pw in ["DB_PW", "sql-admin-pw", "dbPw", "SMTP-PW"] {
            assert_eq!(classify(pw), Some(Class::Password), "{pw}");
        }
        for not_pw in ["cpw", "Setupw", "kpw"] {
            assert_eq!(classify(not_pw), None, "{not_pw}");
        }
        assert_eq!(classify("signingSecret"), Some(Class::Secret));
        assert_eq!(classify("signinSecretName"), None);
        assert_eq!(classify("adminCredential"), Some(Class::Secret));
        // Romanized Japanese.
        assert_eq!(romaji_class("HIMITSU", "HIMITSU"), Some(Class::Secret));
        assert_eq!(
            romaji_class("himitsu", "api_himitsu_kagi"),
            Some(Class::Secret)
        );
        assert_eq!(
            romaji_class("ANSHOU", "ANSHOU_BANGOU"),
            Some(Class::Password)
        );
        assert_eq!(romaji_class("pasuwa", "pasuwaado"), Some(Class::Password));
        assert_eq!(romaji_class("himitsu", "himitsu_mei"), None);
        assert_eq!(romaji_class("pasuwa", "pasuwaado_nagasa"), None);
        assert_eq!(romaji_class("token", "token"), None);
    }

    #[test]
    fn placeholders() {
        for v in [
            "<redacted>",
            "change-me-to-a-long-random-string",
            "CHANGE_ME_BEFORE_DEPLOY",
            "***",
            "xxxx",
            "●●●●",
            "{key}",
            "<your-key>",
            "...",
            "ab12****",
            "$PASSWORD",
            "${{ secrets.X }}",
            "%DB_PASS%",
            "@Microsoft.KeyVault(SecretUri=x)",
            "[parameters('p')]",
            "var.admin_password",
            "REDACTED",
            "6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f",
            // Names a credential is kept under (a Key Vault secret's name).
            "stfinancearchive-key1",
            "sql-admin-password",
            "app_client_secret",
            "partner-api-token2",
        ] {
            assert!(is_placeholder(v), "{v}");
        }
        for v in [
            "P@ssw0rd!",
            "Zk3uLq9XwA",
            "hunter22",
            "%Pass1234",
            "@Sakura1",
            "-gZk_8cVZ_aqrOHJLAtRpp75rAo7auYvw4iAY94U7",
            // Passwords of words joined by hyphens stay values.
            "tulip-garage-52",
            "blue-key-9x",
            "Key-Secret1",
        ] {
            assert!(!is_placeholder(v), "{v}");
        }
    }
}
