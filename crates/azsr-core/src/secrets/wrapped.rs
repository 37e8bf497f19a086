//! Layer 1 (wrapped): credentials inside base64 — a Kubernetes Secret's
//! `.dockerconfigjson` and `tls.key`, a base64 JSON, JWT, PEM block or connection string.
//! A blob is decoded where it starts with the base64 of how such text starts (`{"`,
//! `-----BEGIN`, `eyJ`, `Server=`, `postgres://`, …), and the decoded text is scanned as
//! any text is; a secret inside makes the whole blob one.

use std::ops::Range;

use super::bytes::at;
use super::checksum::base64_decode;
use super::{merge, Finding, Options};

/// The base64 of text that starts credentials, as far as it does not depend on what
/// follows (exact case; the anchors match any case).
pub(crate) const ANCHORS: &[&str] = &[
    // `{"` is `eyJ` (shared with JWTs: see `formats::jwt`); `{\n `, `{\r\n`.
    "ewog",
    "ew0K",
    // `-----BEGIN `
    "LS0tLS1CRUdJTi",
    // `eyJ` (a JWT, base64 again)
    "ZXlK",
    // `Server=`, `Data Source=`, `DefaultEndpointsProtocol=`, `Endpoint=`, `Host=`
    "U2VydmVyP",
    "RGF0YSBTb3VyY2U9",
    "RGVmYXVsdEVuZHBvaW50c1Byb3RvY29sP",
    "RW5kcG9pbnQ9",
    "SG9zdD",
    // `postgres`, `mongodb`, `mysql://`, `redis`
    "cG9zdGdyZX",
    "bW9uZ29kY",
    "bXlzcWw6Ly",
    "cmVkaX",
];

fn b64(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'-' | b'_')
}

/// The longest blob read (a Secret's `tls.key` is a few KB).
const MAX_BLOB: usize = 64 * 1024;

/// The base64 blob starting at `hit`, decoded and scanned: the whole blob when the
/// decoded text holds a secret. `eyJ` blobs come here from [`super::formats::jwt`] when
/// they are no JWT.
pub(crate) fn blob(text: &str, hit: Range<usize>, opts: &Options, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let start = hit.start;
    if start > 0 && (b64(b[start - 1]) || b[start - 1] == b'=') {
        return;
    }
    if !ANCHORS.contains(&&text[hit.clone()]) && &b[hit.clone()] != b"eyJ" {
        return;
    }
    let limit = b.len().min(start + MAX_BLOB);
    let mut end = start;
    while end < limit && b64(b[end]) {
        end += 1;
    }
    while end < b.len() && b[end] == b'=' && end - start < MAX_BLOB {
        end += 1;
    }
    // A JWT's header is followed by a dot: not a blob.
    if end - start < 16 || at(text, end) == b'.' && b64(at(text, end + 1)) {
        return;
    }
    let Some(decoded) = base64_decode(&text[start..end]) else {
        return;
    };
    let Ok(inner) = String::from_utf8(decoded) else {
        return;
    };
    let mut raw = Vec::new();
    super::scan_nested(&inner, opts, &mut raw);
    if let Some(kind) = merge(raw).iter().map(|f| f.kind).min() {
        out.push(Finding {
            range: start..end,
            kind,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::checksum::base64_encode;
    use super::super::{scan, Kind};

    #[test]
    fn a_secret_inside_base64_makes_the_blob_one() {
        let docker = base64_encode(
            br#"{"auths":{"acr.azurecr.io":{"username":"acr","password":"Zk3uLq9XwA7pQ2rT5vY8bN1mC4dF6gH0","auth":"YWNyOlprM3VMcTlYd0E3cFEyclQ1dlk4Yk4xbUM0ZEY2Z0gw"}}}"#,
        );
        let text = format!("  .dockerconfigjson: {docker}\n");
        let found = scan(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], docker);
        let conn = base64_encode(b"Server=tcp:sql1;User ID=app;Password=Tr0ub4dor&3x;");
        assert_eq!(scan(&format!("connection: {conn}"))[0].kind, Kind::Password);
    }

    #[test]
    fn base64_without_a_secret_inside_is_left() {
        for plain in [
            &br#"{"auth_typ":"aad","claims":[{"typ":"name","val":"Taro"}]}"#[..],
            b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            b"Server=tcp:sql1;Authentication=Active Directory Default;",
        ] {
            let text = format!("x: {}", base64_encode(plain));
            assert!(scan(&text).is_empty(), "{text}");
        }
    }
}
