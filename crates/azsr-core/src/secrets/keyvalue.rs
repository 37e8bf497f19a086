//! Layer 4 (and the Azure grammar that is key–value shaped): a secret-ish key followed by
//! a separator and a value, in connection strings, URL queries, JSON, YAML, INI, `.env`,
//! XML, Terraform, command flags, Markdown tables, and Japanese and English prose.

use std::ops::Range;

use super::bytes::{at, ceil, char_at, char_before, line_end, line_start};
use super::value::{classify, is_placeholder, looks_like_password, looks_random, normalize, Class};
use super::{Finding, Kind};

/// How strongly the text says "what follows is the value".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    /// `=`, `:`, `：`, `=>`, `>` (XML element), `|` (table cell), a flag and a space.
    Strong,
    /// Prose: `is`, `was`, `to`, は, を, が, or a bare space.
    Weak,
}

/// A value read after a separator.
pub(crate) struct Value {
    pub range: Range<usize>,
    pub quoted: bool,
}

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

/// Reads the value starting at `p` (after optional spaces). `eq` says the separator was
/// `=`, where `&` ends an unquoted value (URL queries).
pub(crate) fn read_value(text: &str, mut p: usize, eq: bool) -> Option<Value> {
    let b = text.as_bytes();
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
    }
    if p >= b.len() {
        return None;
    }
    // A JSON-escaped quote.
    if b[p] == b'\\' && at(text, p + 1) == b'"' {
        let start = p + 2;
        let end = memchr::memmem::find(&b[start..b.len().min(start + 8192)], b"\\\"")? + start;
        return Some(Value {
            range: start..end,
            quoted: true,
        });
    }
    let c = char_at(text, p);
    let close = match c {
        '"' => Some('"'),
        '\'' => Some('\''),
        '`' => Some('`'),
        '「' => Some('」'),
        '『' => Some('』'),
        '“' => Some('”'),
        '‘' => Some('’'),
        '【' => Some('】'),
        _ => None,
    };
    if let Some(close) = close {
        let start = p + c.len_utf8();
        let limit = line_end(text, start).min(start + 8192);
        let mut i = start;
        while i < limit {
            let ch = char_at(text, i);
            if ch == '\\' && close == '"' {
                i += 2;
                continue;
            }
            if ch == close {
                return Some(Value {
                    range: start..i,
                    quoted: true,
                });
            }
            i += ch.len_utf8().max(1);
        }
        return None;
    }
    if c == '{' {
        // ODBC `{…}` with `}}` escaping.
        let start = p + 1;
        let limit = line_end(text, start).min(start + 1024);
        let mut i = start;
        while i < limit {
            if b[i] == b'}' {
                if at(text, i + 1) == b'}' {
                    i += 2;
                    continue;
                }
                return Some(Value {
                    range: start..i,
                    quoted: true,
                });
            }
            i += 1;
        }
        return None;
    }
    let start = p;
    let limit = b.len().min(start + 1024);
    let mut i = start;
    while i < limit {
        let x = b[i];
        let stop = x.is_ascii_whitespace()
            || x >= 0x80
            || matches!(
                x,
                b'"' | b'\'' | b'`' | b'<' | b'|' | b';' | b',' | b')' | b']' | b'}'
            )
            || (x == b'&' && eq)
            || (x == b'\\' && matches!(at(text, i + 1), b'"' | b'n' | b'r' | b't'));
        if stop {
            break;
        }
        i += 1;
    }
    let mut end = i;
    while end > start && matches!(b[end - 1], b'.' | b':') {
        end -= 1;
    }
    (end > start).then_some(Value {
        range: start..end,
        quoted: false,
    })
}

/// Decides whether `v` (read after a key of `class`) is a secret.
pub(crate) fn accept(class: Class, v: &str, sep: Sep, quoted: bool) -> bool {
    if is_placeholder(v) {
        return false;
    }
    let strong = sep == Sep::Strong || quoted;
    match class {
        Class::Password | Class::Key(Kind::PreSharedKey) => {
            // A word standing alone (`Password: Enabled`, `パスワード：Azure ポータルで`) is
            // prose, not a password: passwords people choose mix in digits or symbols.
            let plain_word = v.chars().all(|c| c.is_alphabetic());
            if quoted {
                v.chars().count() >= 4
            } else if sep == Sep::Strong {
                v.chars().count() >= 4 && !plain_word
            } else {
                looks_like_password(v)
            }
        }
        Class::Secret => {
            if strong {
                looks_random(v, 8) || looks_like_password(v)
            } else {
                looks_random(v, 16)
            }
        }
        Class::Token | Class::Key(_) => {
            if strong {
                looks_random(v, 16) || v.len() >= 16 && looks_like_password(v)
            } else {
                looks_random(v, 24)
            }
        }
        Class::Sig => v.len() >= 16,
        Class::Code => looks_random(v, 20),
    }
}

fn kind_of(class: Class, key: &str) -> Kind {
    match class {
        Class::Password => Kind::Password,
        Class::Secret if normalize(key).contains("client") => Kind::ClientSecretValue,
        Class::Secret => Kind::Secret,
        Class::Token => Kind::Token,
        Class::Key(k) => k,
        Class::Sig => Kind::SasSignature,
        Class::Code => Kind::FunctionKey,
    }
}

/// A PowerShell cmdlet name: `Verb-Noun`.
fn is_cmdlet(v: &str) -> bool {
    let Some((verb, noun)) = v.split_once('-') else {
        return false;
    };
    let word = |w: &str| {
        w.len() >= 2
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_ascii_alphabetic())
    };
    word(verb) && word(noun)
}

/// Holds a SAS `sig=` (also URL-encoded).
pub(crate) fn contains_sig(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    lower.contains("sig=") || lower.contains("sig%3d")
}

/// The shape of a 32- or 64-byte Azure key in base64 (44 or 88 characters, padded).
fn key_shaped(v: &str) -> bool {
    (v.len() == 44 && v.ends_with('=') || v.len() == 88 && v.ends_with("=="))
        && v.trim_end_matches('=')
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'+' || c == b'/')
        && looks_random(v, 40)
}

/// base64 of `user:password` (Docker's `config.json` `auth`).
fn basic_credentials(v: &str) -> bool {
    v.len() >= 8
        && super::checksum::base64_decode(v).is_some_and(|d| {
            d.iter().all(|c| (0x20..0x7f).contains(c))
                && d.iter()
                    .position(|&c| c == b':')
                    .is_some_and(|i| i > 0 && i + 1 < d.len())
        })
}

/// The shape of an Azure Functions key: URL-safe base64, 40 to 60 characters, `==`.
fn function_key_shaped(v: &str) -> bool {
    (40..=60).contains(&v.len())
        && v.ends_with("==")
        && v.trim_end_matches('=')
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'+' | b'/'))
        && looks_random(v, 40)
}

/// Is the line holding `i` the header row of a Markdown table?
fn table_header(text: &str, i: usize) -> Option<(usize, usize)> {
    let ls = line_start(text, i);
    let le = line_end(text, i);
    if !text[ls..le].trim_start().starts_with('|') {
        return None;
    }
    let next_start = le + 1;
    if next_start >= text.len() {
        return None;
    }
    let next = &text[next_start..line_end(text, next_start)];
    let t = next.trim();
    let delimiter = t.starts_with('|')
        && t.contains('-')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    delimiter.then_some((ls, next_start + next.len()))
}

/// A header cell naming a secret: the cells of that column in the rows below.
fn table_column(text: &str, hit: &Range<usize>, class: Class, kind: Kind, out: &mut Vec<Finding>) {
    let Some((ls, mut row)) = table_header(text, hit.start) else {
        return;
    };
    let col = text[ls..hit.start].matches('|').count();
    if col == 0 {
        return;
    }
    // The header cell must be just the key (possibly with a few words in Japanese).
    let cell_end = text[hit.end..line_end(text, hit.end)]
        .find('|')
        .map_or(line_end(text, hit.end), |p| hit.end + p);
    let cell_start = text[..hit.start].rfind('|').map_or(ls, |p| p + 1);
    let cell = text[cell_start..cell_end].trim().trim_matches('*');
    if cell.chars().count() > 24 || !cell.ends_with(text[hit.clone()].trim()) {
        return;
    }
    let mut rows = 0;
    while row < text.len() && rows < 200 {
        row += 1;
        let end = line_end(text, row);
        let line = &text[row..end];
        if !line.trim_start().starts_with('|') {
            break;
        }
        let mut pos = row;
        let mut count = 0;
        let mut cell: Option<Range<usize>> = None;
        for (i, c) in line.char_indices() {
            if c == '|' {
                if count == col {
                    cell = Some(pos..row + i);
                    break;
                }
                count += 1;
                pos = row + i + 1;
            }
        }
        if let Some(cell) = cell {
            let raw = &text[cell.clone()];
            let lead = raw.len() - raw.trim_start().len();
            let v = raw.trim();
            let v = v.trim_matches('`');
            if !v.is_empty() && !v.contains(' ') {
                let start = cell.start + lead + raw.trim_start().find(v).unwrap_or(0);
                if accept(class, v, Sep::Strong, false) {
                    out.push(Finding {
                        range: start..start + v.len(),
                        kind,
                    });
                }
            }
        }
        row = end;
        rows += 1;
    }
}

/// After a key hidden in a `name`/`key` attribute or field (`<add key="DbPassword"
/// value="…"/>`, `{"name": "DB_PASSWORD", "value": "…"}`), the `value` that goes with it.
fn follow_value(text: &str, from: usize) -> Option<Value> {
    let limit = ceil(text, (from + 400).min(text.len()));
    let window = &text[from..limit];
    let stop = window
        .find(['}', '{'])
        .or_else(|| window.find("- name"))
        .unwrap_or(window.len());
    let lower = window[..stop].to_ascii_lowercase();
    let i = lower.find("value")?;
    let mut p = from + i + 5;
    if matches!(at(text, p), b'"' | b'\'') {
        p += 1;
    }
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
    }
    if at(text, p) == b'>' {
        let start = p + 1;
        let end = start + text[start..limit.max(start)].find('<')?;
        return (end > start).then_some(Value {
            range: start..end,
            quoted: true,
        });
    }
    if !matches!(at(text, p), b'=' | b':') {
        return None;
    }
    let v = read_value(text, p + 1, false)?;
    (v.quoted || !text[v.range.clone()].is_empty()).then_some(v)
}

/// `user/password: admin / P@ss…`: after a label naming a pair (the key follows a `/`),
/// the value after the slash is the password.
fn slash_label(text: &str, ks: usize) -> bool {
    let mut q = ks;
    while q > 0 && matches!(at(text, q - 1), b' ' | b'\t') {
        q -= 1;
    }
    let spaced = q < ks;
    let slash = if at(text, q.wrapping_sub(1)) == b'/' {
        q - 1
    } else if text[..q].ends_with('／') {
        q - '／'.len_utf8()
    } else {
        return false;
    };
    // `user/pass`, `Account / Password`; not a switch (`cmdkey /pass:…`).
    let before = char_before(text, slash);
    if spaced {
        before == ' ' && char_before(text, slash - 1).is_alphanumeric()
    } else {
        before.is_alphanumeric()
    }
}

/// `admin/P@ss…` read as one value after a `user/password` label: the part after the
/// first slash, when the part before it is a user name.
fn split_glued_pair(text: &str, v: Value) -> Value {
    let s = &text[v.range.clone()];
    if let Some(i) = s.find('/') {
        let user = &s[..i];
        let ok = !user.is_empty()
            && user
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'@'));
        if ok && i + 1 < s.len() && s.len() < 40 {
            return Value {
                range: v.range.start + i + 1..v.range.end,
                quoted: v.quoted,
            };
        }
    }
    v
}

/// The second value of `first / second`, read after `first` ends at `after`.
fn pair_second(text: &str, after: usize) -> Option<Value> {
    let mut q = after;
    while matches!(at(text, q), b' ' | b'\t') {
        q += 1;
    }
    if at(text, q) == b'/' {
        q += 1;
    } else if text[q..].starts_with('／') {
        q += '／'.len_utf8();
    } else {
        return None;
    }
    read_value(text, q, false)
}

/// "the password of the jump box is X", "the password for the SQL admin account was X",
/// "the password was set to X": up to six plain words after the key, then `is` / `was`
/// / `to`, on one line.
fn prose_is(text: &str, from: usize) -> Option<Value> {
    let le = line_end(text, from).min(from + 120);
    let b = &text.as_bytes()[..ceil(text, le)];
    let mut i = from;
    let mut words = 0;
    loop {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let ws = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'-' | b'_')) {
            i += 1;
        }
        if i == ws {
            return None;
        }
        let w = &text[ws..i];
        if words == 0 && COMPOUND_HEADS.iter().any(|h| w.eq_ignore_ascii_case(h)) {
            return None;
        }
        let verb = w.eq_ignore_ascii_case("is") || w.eq_ignore_ascii_case("was");
        // "… is X", "… was set to X", "changed the password of the jump box to X".
        if words > 0 && (verb || w.eq_ignore_ascii_case("to")) {
            let colon = (at(text, i) == b':') as usize;
            let v = read_value(text, i + colon, false)?;
            let s = &text[v.range.clone()];
            // An address ("sent to Taro.Yamada@example.com") is not a password.
            let email = s.find('@').is_some_and(|a| s[a..].contains('.'));
            return (!email).then_some(v);
        }
        words += 1;
        if words > 6 || i >= b.len() || b[i] != b' ' {
            return None;
        }
    }
}

/// Words that follow a `Password:` label as a status, not as the password.
const LABEL_STATUS: &[&str] = &[
    "enabled",
    "disabled",
    "never",
    "always",
    "optional",
    "unchanged",
    "default",
    "blank",
    "same",
    "unknown",
    "locked",
    "unlocked",
    "valid",
    "hidden",
    "redacted",
    "omitted",
    "removed",
    "secret",
    "password",
    "passwords",
    "passphrase",
    "changeme",
    "placeholder",
    "yourpassword",
    "mypassword",
    "sample",
    "example",
    "dummy",
    "hogehoge",
    "fugafuga",
    "piyopiyo",
    "authentication",
    "authenticated",
    "protected",
    "encrypted",
    "configured",
    "provided",
    "supplied",
    "specified",
    "generated",
    "rotated",
    "updated",
    "accepted",
    "rejected",
    "failed",
    "failure",
    "succeeded",
    "success",
    "expires",
    "expiring",
    "expired",
    "sshkey",
    "publickey",
    "keyvault",
    "managed",
    "notset",
    "pending",
    "random",
    "strong",
    "weak",
    "omit",
    "ignored",
    "unused",
    "private",
    "confidential",
    "withheld",
    "forgotten",
    "forgot",
    "lost",
    "compromised",
    "leaked",
    "inherit",
    "inherited",
    "temporary",
    "initial",
    "current",
    "previous",
    "unavailable",
    "available",
    "supported",
    "unsupported",
    "needed",
    "necessary",
    "mandatory",
    "requested",
    "sent",
    "emailed",
    "attached",
    "below",
    "above",
    "included",
    "excluded",
    "different",
    "complex",
    "simple",
    "plaintext",
    "cleartext",
    "hashed",
    "kerberos",
    "ntlm",
    "ldap",
    "oauth",
    "saml",
    "interactive",
    "manual",
    "automatic",
    "prompt",
    "prompted",
    "correct",
];

/// Words after `password` that make it a compound noun ("the password policy of the
/// tenant is …"): what follows `is` is not the password.
const COMPOUND_HEADS: &[&str] = &[
    "policy",
    "policies",
    "hash",
    "reset",
    "expiry",
    "expiration",
    "length",
    "complexity",
    "sync",
    "writeback",
    "protection",
    "change",
    "history",
    "age",
    "rule",
    "rules",
    "requirement",
    "requirements",
    "lockout",
    "spray",
    "manager",
    "field",
    "prompt",
    "dialog",
    "screen",
    "form",
    "setting",
    "settings",
    "strength",
    "format",
    "pattern",
    "profile",
    "type",
    "mode",
    "method",
    "option",
    "options",
    "validation",
    "rotation",
];

/// An all-letter password after an explicit `Password:` label, alone to the end of the
/// line (`Password: sunshine`), when it is no status word, mask or placeholder.
fn label_word(text: &str, v: &Value, class: Class, sep: Sep) -> bool {
    if class != Class::Password || sep != Sep::Strong || v.quoted {
        return false;
    }
    let s = &text[v.range.clone()];
    if !(6..=64).contains(&s.len()) || !s.bytes().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if is_placeholder(s) || LABEL_STATUS.contains(&lower.as_str()) {
        return false;
    }
    let le = line_end(text, v.range.end);
    text[v.range.end..le].trim().is_empty()
}

/// The entry point for an ASCII key anchor (`pass`, `key`, `token`, …).
pub(crate) fn at_key(
    text: &str,
    hit: Range<usize>,
    last: &mut Range<usize>,
    out: &mut Vec<Finding>,
) {
    let b = text.as_bytes();
    let mut ks = hit.start;
    while ks > 0 && hit.start - ks < 80 && is_key_byte(b[ks - 1]) {
        ks -= 1;
    }
    // A key after a percent escape: `%26sig=`
    if ks > 0 && b[ks - 1] == b'%' && hit.start >= ks + 2 {
        ks += 2;
    }
    let mut ke = hit.end;
    while ke < b.len() && ke - hit.end < 80 && is_key_byte(b[ke]) {
        ke += 1;
    }
    while ke > hit.end && matches!(b[ke - 1], b'.' | b'-') {
        ke -= 1;
    }
    if (ks..ke) == *last {
        return;
    }
    *last = ks..ke;
    let key = &text[ks..ke];
    let n = if key.len() <= 12 {
        normalize(key)
    } else {
        String::new()
    };
    if n == "keyname" {
        // `az storage account keys list`: {"keyName": "key1", "value": "…"}
        if let Some(v) = follow_value(text, ke) {
            if accept(
                Class::Key(Kind::AccessKey),
                &text[v.range.clone()],
                Sep::Strong,
                true,
            ) {
                out.push(Finding {
                    range: v.range,
                    kind: Kind::AccessKey,
                });
            }
        }
        return;
    }
    // `key:` / `value:` alone say nothing; a value shaped like an Azure key still counts.
    let bare = matches!(
        n.as_str(),
        "key" | "value" | "primary" | "secondary" | "default" | "auth"
    );
    let bare_class = if n == "default" {
        Class::Key(Kind::FunctionKey)
    } else if n == "auth" {
        Class::Key(Kind::BasicAuth)
    } else {
        Class::Key(Kind::AccessKey)
    };
    let Some(class) = classify(key).or(bare.then_some(bare_class)) else {
        return;
    };
    let kind = kind_of(class, key);
    if table_header(text, hit.start).is_some() {
        table_column(text, &(ks..ke), class, kind, out);
        return;
    }
    let before = at(text, ks.wrapping_sub(1));
    let is_flag = key.starts_with('-');
    // `https://x-access-token:…@host`: the URL detector owns userinfo.
    if text[..ks].ends_with("://") {
        return;
    }

    // A key that is itself the value of a `name` / `key` attribute or field.
    if matches!(before, b'"' | b'\'' | b' ') {
        let mut q = ks - 1;
        while q > 0 && matches!(b[q - 1], b' ' | b'\t') {
            q -= 1;
        }
        if q > 0 && matches!(b[q - 1], b'=' | b':') {
            let mut w = q - 1;
            while w > 0 && matches!(b[w - 1], b' ' | b'"' | b'\'') {
                w -= 1;
            }
            let mut ws = w;
            while ws > 0 && b[ws - 1].is_ascii_alphabetic() {
                ws -= 1;
            }
            let attr = text[ws..w].to_ascii_lowercase();
            if matches!(attr.as_str(), "name" | "key") {
                if let Some(v) = follow_value(text, ke) {
                    if accept(class, &text[v.range.clone()], Sep::Strong, true) {
                        out.push(Finding {
                            range: v.range,
                            kind,
                        });
                    }
                }
                return;
            }
        }
    }

    // The separator.
    let mut p = ke;
    if at(text, p) == b'\\' && at(text, p + 1) == b'"' {
        p += 2;
    } else if matches!(at(text, p), b'"' | b'\'') && matches!(before, b'"' | b'\'')
        || at(text, p) == b']'
    {
        p += 1;
    }
    while matches!(at(text, p), b'*' | b'_') && p - ke < 3 {
        p += 1;
    }
    let mut spaces = 0;
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
        spaces += 1;
    }
    let rest = &text[p..ceil(text, (p + 8).min(text.len()))];
    // The first argument of a call: define('DB_PASSWORD', …), setdefault("password", …)
    let first_arg = matches!(before, b'"' | b'\'') && p > ke && {
        let mut q = ks - 1;
        while q > 0 && matches!(b[q - 1], b' ' | b'\t') {
            q -= 1;
        }
        q > 0 && b[q - 1] == b'('
    };
    if rest.starts_with("for ") && !is_flag {
        // git's prompt: Password for 'https://user@host': value
        let le = line_end(text, p).min(p + 200);
        let tail = &text[p..ceil(text, le)];
        if let Some(i) = tail.find("': ").or_else(|| tail.find("\": ")) {
            if let Some(v) = read_value(text, p + i + 3, false) {
                let s = &text[v.range.clone()];
                if accept(class, s, Sep::Strong, v.quoted) {
                    out.push(Finding {
                        range: v.range,
                        kind,
                    });
                }
            }
        } else if let Some(v) = prose_is(text, p) {
            if accept(class, &text[v.range.clone()], Sep::Weak, v.quoted) {
                out.push(Finding {
                    range: v.range,
                    kind,
                });
            }
        }
        return;
    }
    let (sep, eq, skip) = if first_arg && rest.starts_with(',') {
        // A call with the name and the value side by side: define('DB_PASSWORD', '…')
        let mut q = p + 1;
        while matches!(at(text, q), b' ' | b'\t') {
            q += 1;
        }
        if !matches!(at(text, q), b'"' | b'\'') {
            return;
        }
        (Sep::Strong, false, 1)
    } else if rest
        .as_bytes()
        .get(..3)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"%3d"))
    {
        // URL-encoded `=` (Cosmos DB's `type%3Dmaster%26ver%3D1.0%26sig%3D…`).
        (Sep::Strong, true, 3)
    } else if rest.starts_with("=>") || rest.starts_with(":=") {
        (Sep::Strong, false, 2)
    } else if rest.starts_with("==") || rest.starts_with("::") {
        return;
    } else if rest.starts_with('=') || rest.starts_with('＝') {
        (
            Sep::Strong,
            true,
            rest.chars().next().map_or(1, char::len_utf8),
        )
    } else if rest.starts_with(':') || rest.starts_with('：') {
        (
            Sep::Strong,
            false,
            rest.chars().next().map_or(1, char::len_utf8),
        )
    } else if rest.starts_with('>') && before == b'<' || rest.starts_with('|') && spaces > 0 {
        (Sep::Strong, false, 1)
    } else if let Some(w) = ["is ", "was ", "to ", "is: ", "of "]
        .iter()
        .find(|w| spaces > 0 && rest.to_ascii_lowercase().starts_with(**w))
    {
        (Sep::Weak, false, w.len())
    } else if spaces > 0 && is_flag {
        (Sep::Strong, false, 0)
    } else if spaces > 0 {
        (Sep::Weak, false, 0)
    } else {
        return;
    };
    // `Code:` in logs and errors is a status, not a Functions key.
    if class == Class::Code && !(eq && matches!(before, b'?' | b'&')) {
        return;
    }
    if class == Class::Sig && !eq {
        return;
    }
    let vstart = p + skip;
    // ARM parameter files: "adminPassword": { "value": "…" }
    let mut q = vstart;
    while matches!(at(text, q), b' ' | b'\t') {
        q += 1;
    }
    if at(text, q) == b'{' && !eq {
        if let Some(v) = follow_value(text, q + 1) {
            if accept(class, &text[v.range.clone()], Sep::Strong, true) {
                out.push(Finding {
                    range: v.range,
                    kind,
                });
            }
        }
        return;
    }
    let in_query = eq && matches!(before, b'?' | b'&');
    let Some(mut v) = read_value(text, vstart, in_query) else {
        return;
    };
    if slash_label(text, ks) {
        match pair_second(text, v.range.end) {
            Some(second) => v = second,
            None => v = split_glued_pair(text, v),
        }
    }
    // YAML / prose: a value on the next line is not this key's.
    let s = &text[v.range.clone()];
    let flag_like = s.starts_with("--")
        || s.starts_with('-')
            && s.len() < 24
            && s[1..].bytes().all(|c| c.is_ascii_lowercase() || c == b'-');
    if flag_like && !v.quoted {
        return;
    }
    // Code, not a value: `password = bcrypt.hashpw(password.encode(), …)`,
    // `$Password = ConvertTo-SecureString …` (a cmdlet name).
    if !v.quoted && (s.contains('(') || is_cmdlet(s)) {
        return;
    }
    // `PASS: test_login` in CI logs: the bare word needs a password-like value.
    if bare
        && !(n == "auth" && basic_credentials(s))
        && (n == "auth" || !(key_shaped(s) || n == "default" && function_key_shaped(s)))
    {
        return;
    }
    // A name, not a value: `adminPasswordKey: postgres-password`, `secretName: db-secret`.
    if !v.quoted || sep == Sep::Strong {
        let b = s.as_bytes();
        if s.contains('-')
            && b.iter().all(|c| c.is_ascii_lowercase() || *c == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
        {
            return;
        }
    }
    // A whole SAS token (`sasToken: ?sv=…&sig=…`): the signature detector marks `sig`.
    if contains_sig(s) {
        return;
    }
    // `Authorization: SharedKey account:signature` belongs to the header detector.
    if matches!(n.as_str(), "sharedkey" | "sharedkeylite") && sep == Sep::Weak {
        return;
    }
    let sep = if matches!(n.as_str(), "pass" | "pw") && !is_flag {
        Sep::Weak
    } else {
        sep
    };
    if accept(class, s, sep, v.quoted) || label_word(text, &v, class, sep) {
        out.push(Finding {
            range: v.range,
            kind,
        });
    } else if sep == Sep::Weak && spaces > 0 && !is_flag && matches!(class, Class::Password) {
        if let Some(v) = prose_is(text, p) {
            if accept(class, &text[v.range.clone()], Sep::Weak, v.quoted) {
                out.push(Finding {
                    range: v.range,
                    kind,
                });
            }
        }
    }
}

/// Japanese keywords: パスワード, 暗証番号, 事前共有キー, アクセスキー, シークレット, トークン.
pub(crate) fn at_japanese(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let word = &text[hit.clone()];
    let (class, kind) = match word {
        "パスワード" | "暗証番号" => (Class::Password, Kind::Password),
        "共有キー" => (Class::Key(Kind::PreSharedKey), Kind::PreSharedKey),
        "アクセスキー" | "アクセス キー" => {
            (Class::Key(Kind::AccessKey), Kind::AccessKey)
        }
        "シークレット" => {
            let client = text[..hit.start].ends_with("クライアント")
                || text[..hit.start].ends_with("クライアント ");
            (
                Class::Secret,
                if client {
                    Kind::ClientSecretValue
                } else {
                    Kind::Secret
                },
            )
        }
        "キー" => (Class::Key(Kind::AccessKey), Kind::AccessKey),
        _ => (Class::Token, Kind::Token),
    };
    if table_header(text, hit.start).is_some() {
        table_column(text, &hit, class, kind, out);
        return;
    }
    let mut p = hit.end;
    // A qualifier in brackets: パスワード（初期値）, パスワード(admin)
    let c = char_at(text, p);
    if c == '（' || c == '(' {
        let close = if c == '(' { ')' } else { '）' };
        let limit = ceil(text, (p + 40).min(text.len()));
        match text[p..limit].find(close) {
            Some(i) => p += i + close.len_utf8(),
            None => return,
        }
    }
    if text[p..].starts_with("の値") {
        p += "の値".len();
    }
    let mut spaces = 0;
    while matches!(char_at(text, p), ' ' | '\t' | '　') {
        p += char_at(text, p).len_utf8();
        spaces += 1;
    }
    let c = char_at(text, p);
    let rest = &text[p..];
    let (sep, skip) = match c {
        '：' | ':' | '＝' | '=' | '|' | '】' | '』' | ']' => (Sep::Strong, c.len_utf8()),
        'は' | 'を' | 'が' | 'に' => (Sep::Weak, c.len_utf8()),
        '「' | '『' | '"' | '\'' | '`' => (Sep::Weak, 0),
        _ if rest.starts_with("として") => (Sep::Weak, "として".len()),
        _ if spaces > 0 && c.is_ascii() => (Sep::Weak, 0),
        _ => return,
    };
    // A bare キー (ストレージキー：…) only with a strong separator.
    if word == "キー" && sep != Sep::Strong {
        return;
    }
    let mut q = p + skip;
    loop {
        let ch = char_at(text, q);
        if matches!(ch, ' ' | '\t' | '　' | '、' | ',') {
            q += ch.len_utf8();
        } else {
            break;
        }
    }
    let Some(mut v) = read_value(text, q, false) else {
        return;
    };
    if slash_label(text, hit.start) {
        match pair_second(text, v.range.end) {
            Some(second) => v = second,
            None => v = split_glued_pair(text, v),
        }
    }
    let s = &text[v.range.clone()];
    if !s.is_ascii() {
        return;
    }
    if contains_sig(s) {
        return;
    }
    let pin =
        word == "暗証番号" && (4..=12).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    if pin || accept(class, s, sep, v.quoted) || label_word(text, &v, class, sep) {
        out.push(Finding {
            range: v.range,
            kind,
        });
    }
}

/// `アカウント: azureuser / Pass123!`, `資格情報：admin / P@ss…`: a label for an account,
/// a user name, a slash and a password-shaped value ending the line.
pub(crate) fn at_account(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let mut p = hit.end;
    while matches!(char_at(text, p), ' ' | '\t' | '　') {
        p += char_at(text, p).len_utf8();
    }
    let c = char_at(text, p);
    if !matches!(c, ':' | '：') {
        return;
    }
    let Some(user) = read_value(text, p + c.len_utf8(), false) else {
        return;
    };
    let u = &text[user.range.clone()];
    if u.is_empty() || !u.is_ascii() || u.contains('/') {
        return;
    }
    let Some(v) = pair_second(text, user.range.end) else {
        return;
    };
    let s = &text[v.range.clone()];
    let le = line_end(text, v.range.end);
    if looks_like_password(s) && !is_placeholder(s) && text[v.range.end..le].trim().is_empty() {
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
    }
}
