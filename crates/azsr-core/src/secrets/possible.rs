//! A low-confidence pass for masking, not for reporting: where azsr quotes document
//! text (a finding's source line, hover, messages), a secret the detectors missed must
//! not be printed either. Masking a harmless value in a quoted line costs little;
//! printing a key costs a rotation. So this pass takes what merely looks secret:
//!
//! - a value after `=` or `:` that looks machine-made (long, mixing letters and digits)
//!   or chosen as a password (letters, digits and symbols);
//! - anywhere, a word mixing letters, digits and a symbol as chosen passwords do, a
//!   base64 or base64url run of 32 characters or more mixing cases and digits (24 when
//!   padded or holding `+` `/`), a hex run of 32 or more, and a long run of digit groups
//!   (recovery keys, card numbers);
//!
//! and leaves what support reads: GUIDs, dates and times, URLs and paths, resource IDs,
//! host names, e-mail addresses, version numbers, plain words.

use std::ops::Range;

use super::value::{is_date_or_time, looks_like_password, looks_random};

/// Ranges of `text` that may be secrets though no detector reports them, sorted and
/// disjoint. Not findings: the reported secrets ([`super::scan`]) are not repeated
/// here, and a quoted line should be masked by both.
pub fn possible_secrets(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !token_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && token_byte(b[i]) {
            i += 1;
        }
        // A key's colon (`<key>: value`) is no part of the key.
        let end = if b[i - 1] == b':' && i - 1 > start {
            i - 1
        } else {
            i
        };
        let run = start..end;
        for r in suspicious_parts(text, run) {
            push(&mut out, r);
        }
    }
    out
}

/// Bytes of a token: anything printable but spaces, quotes and delimiters.
fn token_byte(c: u8) -> bool {
    c.is_ascii_graphic()
        && !matches!(
            c,
            b'"' | b'\''
                | b'`'
                | b','
                | b';'
                | b'<'
                | b'>'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'|'
        )
}

fn push(out: &mut Vec<Range<usize>>, r: Range<usize>) {
    if r.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
        _ => out.push(r),
    }
}

/// The suspicious parts of one token: the values after its `=` / `:` separators
/// (`key=value`, `a=b&c=d`, `user:pass`), and the token itself when it is a blob.
fn suspicious_parts(text: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let t = &text[run.clone()];
    let mut parts = Vec::new();
    if blob(t) {
        parts.push(run);
        return parts;
    }
    if digit_groups(t) || standalone_password(t) {
        parts.push(run);
        return parts;
    }
    // Values after separators inside the token: `password=x`, `sig=…&se=…`.
    let b = t.as_bytes();
    let mut k = 0;
    while k < b.len() {
        // Not the colon of a scheme, a drive or a port (`host:443/…`).
        let port = b[k + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let scheme_or_drive = b[k] == b':'
            && (matches!(b.get(k + 1), Some(b'/' | b'\\'))
                || port > 0 && matches!(b.get(k + 1 + port), None | Some(b'/')));
        if matches!(b[k], b'=' | b':') && k > 0 && !scheme_or_drive {
            let vs = k + 1 + b[k + 1..].iter().take_while(|&&c| c == b'=').count();
            // A value runs to the next parameter (`&name=`), not to any `&`.
            let ve = (vs..b.len())
                .find(|&j| b[j] == b'&' && next_parameter(&b[j + 1..]))
                .unwrap_or(b.len());
            let v = &t[vs..ve];
            if value_like(v) {
                parts.push(run.start + vs..run.start + ve);
                k = ve;
                continue;
            }
        }
        k += 1;
    }
    // A value standing after a separator outside the token: `password: x`, `key = x`.
    if parts.is_empty() && after_separator(text, run.start) && value_like(t) {
        parts.push(run.clone());
    }
    // A blob standing as a segment of a path (`exports/<base64>.txt`): a path is
    // readable, its segments need not be.
    if parts.is_empty() && t.contains('/') {
        let mut offset = 0;
        for seg in t.split('/') {
            let name = match seg.rsplit_once('.') {
                Some((stem, ext))
                    if (1..=5).contains(&ext.len())
                        && ext.bytes().all(|c| c.is_ascii_alphanumeric()) =>
                {
                    stem
                }
                _ => seg,
            };
            if name.len() >= 24 && blob(name) {
                parts.push(run.start + offset..run.start + offset + name.len());
            }
            offset += seg.len() + 1;
        }
    }
    parts
}

/// `name=` at the start of `b`.
fn next_parameter(b: &[u8]) -> bool {
    let n = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'$'))
        .count();
    n > 0 && b.get(n) == Some(&b'=')
}

/// A word mixing letters, digits and a symbol other than separators, as chosen
/// passwords do (`!Blue1838x`, `P@ssw0rd`); identifiers (`Standard_D4s_v5`,
/// `HttpTrigger1`) and paths have no such symbol.
fn standalone_password(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ',', ':']);
    // An address (`name@host.tld`) is no password.
    let email = t.find('@').is_some_and(|a| t[a..].contains('.'));
    (8..=64).contains(&t.len())
        && t.bytes().any(|c| c.is_ascii_alphabetic())
        && t.bytes().any(|c| c.is_ascii_digit())
        && t.bytes().any(|c| {
            c.is_ascii_punctuation()
                && !matches!(c, b'_' | b'-' | b'.' | b':' | b'/' | b'=' | b'\\')
        })
        && !t.contains(['=', '/'])
        && !email
        && !readable(t)
}

/// Digit groups long enough to be a recovery key or a card number (20 digits or more,
/// in groups), not a date.
fn digit_groups(t: &str) -> bool {
    t.bytes().filter(u8::is_ascii_digit).count() >= 20
        && t.bytes().all(|c| c.is_ascii_digit() || c == b'-')
        && t.contains('-')
        && !is_date_or_time(t)
}

/// Whether `=` or `:` (ASCII or full-width), past spaces and an opening quote, comes
/// just before `i`.
fn after_separator(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([' ', '\t', '"', '\'', '`']);
    before.ends_with(['=', ':', '：', '＝'])
}

/// A value that may be secret: machine-made or password-like, and none of the shapes
/// support reads.
fn value_like(v: &str) -> bool {
    let v = v.trim_end_matches(['.', ':']);
    if v.len() < 8 || readable(v) {
        return false;
    }
    looks_random(v, 16) || looks_like_password(v)
}

/// A base64 / base64url blob (32+ characters mixing upper, lower and digits, 24+ when
/// padded or holding `+` `/`) or a hex run of 32+.
fn blob(t: &str) -> bool {
    if readable(t) {
        return false;
    }
    let core = t.trim_end_matches('=');
    // base64 of `user:password` (Basic credentials) of any length.
    if core.len() >= 12 && super::value::basic_credentials(t) {
        return true;
    }
    // Dotted tokens: JWTs, session cookies (`1.AV…`).
    if core.len() >= 40 && core.contains('.') && !core.contains('/') {
        return core.split('.').any(|part| part.len() >= 24 && blob(part))
            || core.starts_with("eyJ");
    }
    // Long random base32 / lowercase-and-digits runs (PATs, keys).
    if core.len() >= 32
        && core.bytes().all(|c| c.is_ascii_alphanumeric())
        && core.bytes().filter(u8::is_ascii_digit).count() >= 3
        && core.bytes().filter(u8::is_ascii_alphabetic).count() >= 12
    {
        return !readable(t);
    }
    if core.len() >= 32 && core.bytes().all(|c| c.is_ascii_hexdigit()) {
        return !readable(t);
    }
    let min = if core.len() < t.len() || core.contains(['+', '/']) {
        24
    } else {
        32
    };
    // One alphabet: standard (`+` `/`) or URL-safe (`-` `_`); a path mixes `/` and `-`.
    let standard = core.contains(['+', '/']);
    let url_safe = core.contains(['-', '_']);
    !(standard && url_safe)
        && core.len() >= min
        && core
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'-' | b'_'))
        && core.bytes().any(|c| c.is_ascii_uppercase())
        && core.bytes().any(|c| c.is_ascii_lowercase())
        && core.bytes().any(|c| c.is_ascii_digit())
        && !readable(t)
}

/// Shapes support reads and no one keeps secret: GUIDs (alone or in braces) and other
/// IDs of hex groups (`traceparent`), `X-Azure-Ref`, ETags (`0x8DC…`), digests
/// (`sha512-…`), dates and times, URLs, paths and resource IDs, host names, e-mail and
/// `user@host` addresses, versions.
fn readable(v: &str) -> bool {
    let t = v.trim_matches(|c| c == '{' || c == '}');
    if crate::arm::is_guid(t) || is_date_or_time(t) {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    let hex_groups = t.contains('-')
        && t.split('-')
            .all(|g| !g.is_empty() && g.bytes().all(|c| c.is_ascii_hexdigit()))
        && t.bytes().any(|c| c.is_ascii_alphabetic());
    let azure_ref =
        t.len() > 17 && t.as_bytes()[8] == b'T' && t[..8].bytes().all(|c| c.is_ascii_digit());
    let etag = lower.starts_with("0x") && t[2..].bytes().all(|c| c.is_ascii_hexdigit());
    let digest = [
        "sha1-", "sha256-", "sha384-", "sha512-", "sha256:", "sha1:", "md5:",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    let user_host = t.split_once('@').is_some_and(|(u, h)| {
        let ident = |s: &str| {
            !s.is_empty()
                && s.bytes().all(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_' | b'.')
                })
        };
        ident(u) && ident(h)
    });
    // A certificate (public) in base64: `-----BEGIN CERTIFICATE`.
    let certificate = t.starts_with("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t");
    // Names in lowercase with separators: `web-7d9f8b6c5d-x2k4q`, `aks-nodepool1-1234`.
    let lower_name = t.contains(['-', '_'])
        && t.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_'));
    // URLs written without their scheme or encoded, Windows paths, API versions.
    let located = lower.starts_with("//")
        || lower.starts_with("http%3a")
        || lower.starts_with("https%3a")
        || t.contains(":\\")
        || t.starts_with('\\')
        || t.contains('.')
            && t.contains('/')
            && t.bytes().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'/')
            });
    // A path: `/tenantId`, `/subscriptions/…`; a base64 key may start with `/` but is
    // long and has no `-`.
    let path = t.starts_with('/')
        && (t.contains('-') || t.len() < 24 || !t.bytes().any(|c| c.is_ascii_digit()));
    // A dotted name: `@Microsoft.KeyVault`, `System.Security.SecureString`.
    let dotted_name = t.contains('.')
        && t.trim_start_matches('@').split('.').all(|w| {
            w.starts_with(|c: char| c.is_ascii_alphabetic())
                && w.bytes().all(|c| c.is_ascii_alphabetic())
        });
    if dotted_name
        || hex_groups
        || azure_ref
        || etag
        || digest
        || user_host
        || certificate
        || lower_name
        || located
        || path
    {
        return true;
    }
    if v.contains("://") {
        return true;
    }
    let b = v.as_bytes();
    // Versions and numbers: digits and dots.
    if b.iter()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'_'))
    {
        return true;
    }
    // Host names and e-mail addresses: dotted lowercase labels (`tcp:host,1433`).
    let h = v
        .split_once(':')
        .filter(|(p, _)| p.len() <= 6)
        .map_or(v, |(_, h)| h);
    let h = h.split([',', ':']).next().unwrap_or(h);
    h.contains('.')
        && h.bytes().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'@')
        })
        && h.split(['.', '@']).all(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> Vec<&str> {
        possible_secrets(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn values_that_look_secret_are_masked_whatever_their_name() {
        // Names no detector knows: only the value's shape speaks.
        assert_eq!(
            masked("blob_ref=Xk29fjQ0aZp1Lm8RtY4w"),
            ["Xk29fjQ0aZp1Lm8RtY4w"]
        );
        assert_eq!(masked("hint: Sakura2024!x"), ["Sakura2024!x"]);
        assert_eq!(
            masked("\"opaque\": \"Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIz\""),
            ["Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIz"]
        );
        assert_eq!(
            masked("a=1&tk=AbCdEf123456GhIjKl&b=2"),
            ["AbCdEf123456GhIjKl"]
        );
        // A blob as a YAML key.
        let key = "Zq8Rt4Lx2Wn9PbK7sJd3FhVmXk29fjQ0aZp1";
        assert_eq!(masked(&format!("{key}: 1\n")), [key]);
        // A blob alone on a line, as a command prints it.
        let key = "q3UBmTJWmMMaOoh+Js2oxzPEr61Goji4bpEH2lKUje07==";
        assert_eq!(masked(&format!("  {key}\n")), [key]);
        assert_eq!(
            masked(&format!("hex {}", "a1b2c3d4e5".repeat(5))),
            ["a1b2c3d4e5".repeat(5)]
        );
    }

    #[test]
    fn what_support_reads_stays_readable() {
        for text in [
            "subscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f",
            "x-ms-request-id: {6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f}",
            "created: 2026-11-24T04:15:00.1234567Z",
            "endpoint=https://kv1.vault.azure.net/secrets/db?api-version=7.4",
            "resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-web",
            "host: sql1.database.windows.net",
            "owner: taro.yamada@contoso.co.jp",
            "version: 1.2.3",
            "status: Succeeded, reason: ResourceNotFound",
            "パスワードの有効期限: 2026/12/31",
            "az storage account keys list -g rg -n st1",
        ] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
    }

    #[test]
    fn ranges_are_sorted_disjoint_and_on_char_boundaries() {
        let text = "キー：Zk3uLq9XwA7pQ2rT5vY8 と token=Ab1!xyz9Qw3rty、値: 4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2";
        let found = possible_secrets(text);
        assert_eq!(found.len(), 3, "{:?}", masked(text));
        assert!(found.windows(2).all(|w| w[0].end < w[1].start));
        for r in &found {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn a_huge_single_line_finds_every_value() {
        // Its speed is measured in benches/secrets.rs (`possible_2mb_line`).
        let unit = "k=v; id=6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f; x=Ab1!xyz9Qw3rty ";
        let text = unit.repeat(2_000_000 / unit.len());
        assert_eq!(possible_secrets(&text).len(), text.len() / unit.len());
    }
}
