//! Layer 1: fixed formats, recognised anywhere, checked by their checksum where the
//! format has one.

use std::ops::Range;

use super::bytes::{at, line_start};
use super::checksum::{
    ado_pat_valid, base64_decode, github_checksum, identifiable_checksum_valid, luhn,
};
use super::value::{is_placeholder, looks_random};
use super::{Finding, Kind, Options};

fn b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_')
}

fn b64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')
}

/// `-----BEGIN … PRIVATE KEY-----` … `-----END … PRIVATE KEY-----` (also one line with
/// JSON-escaped `\n`, and a paste cut before its END line).
pub(crate) fn pem(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    if &b[hit.start..hit.end] != b"-----BEGIN" || at(text, hit.end) != b' ' {
        return;
    }
    let label_end = match memchr::memmem::find(&b[hit.end..b.len().min(hit.end + 80)], b"-----") {
        Some(p) => hit.end + p,
        None => return,
    };
    let label = &text[hit.end + 1..label_end];
    if !label.ends_with("PRIVATE KEY") && !label.ends_with("PRIVATE KEY BLOCK") {
        return;
    }
    let body_start = label_end + 5;
    let limit = b.len().min(body_start + 65536);
    let end = match memchr::memmem::find(&b[body_start..limit], b"-----END ") {
        Some(p) => {
            let e = body_start + p + 9;
            match memchr::memmem::find(&b[e..b.len().min(e + 80)], b"-----") {
                Some(q) => e + q + 5,
                None => e,
            }
        }
        None => {
            // Cut paste: the base64 body runs to the first character that cannot be in it.
            let mut i = body_start;
            while i < limit
                && (b64(b[i]) || matches!(b[i], b'=' | b'\n' | b'\r' | b' ' | b'\\' | b':' | b','))
            {
                i += 1;
            }
            while i > body_start && matches!(b[i - 1], b'\n' | b'\r' | b' ' | b'\\' | b':' | b',') {
                i -= 1;
            }
            i
        }
    };
    // The body between the armour lines; its longest base64 run is what is left of the
    // key: a body cut out and replaced by a note (`MIIEpAIBAAKCAQEA…(removed)…`,
    // `...`, `（省略）`) keeps a line's start at most, a key keeps its lines.
    let body_end = memchr::memmem::find(&b[body_start..end.min(b.len())], b"-----END")
        .map_or(end.min(b.len()), |p| body_start + p);
    let payload = b[body_start..body_end]
        .split(|c| !(b64(*c) || *c == b'='))
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0);
    if payload < 40 {
        return; // `-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----`
    }
    out.push(Finding {
        range: hit.start..end,
        kind: Kind::PrivateKey,
    });
}

/// `eyJ…` `.` payload `.` signature, whose header decodes to JSON naming `alg` or `typ`.
/// Returns whether one was found.
pub(crate) fn jwt(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) -> bool {
    let b = text.as_bytes();
    if &b[hit.start..hit.end] != b"eyJ"
        || hit.start > 0 && (b64url(b[hit.start - 1]) || b[hit.start - 1] == b'.')
    {
        return false;
    }
    let mut segs = [0usize; 3];
    let mut i = hit.start;
    for (n, seg) in segs.iter_mut().enumerate() {
        let s = i;
        while i < b.len() && b64url(b[i]) && i - s < 16384 {
            i += 1;
        }
        *seg = i - s;
        if n < 2 {
            if at(text, i) != b'.' {
                return false;
            }
            i += 1;
        }
    }
    if segs[0] < 10 || segs[1] < 10 || segs[2] < 16 {
        return false;
    }
    if jwt_header(&text[hit.start..hit.start + segs[0]]).is_none() {
        return false;
    }
    // A token published for everyone (jwt.io's sample) is read and left.
    if !super::value::is_known_non_secret(&text[hit.start..i]) {
        out.push(Finding {
            range: hit.start..i,
            kind: Kind::Jwt,
        });
    }
    true
}

/// A JWT's header alone (`eyJ…` decoding to `{"typ":"JWT","alg":…}`, no payload or
/// signature after it): what is left of a token cut after its first segment
/// (`Bearer eyJ0eXAi…J9…（以下略）`); the header names the algorithm and key, and is public.
pub(crate) fn jwt_header_alone(v: &str) -> bool {
    if !v.starts_with("eyJ") || v.contains('.') || v.len() > 1024 {
        return false;
    }
    jwt_header(v).is_some_and(|h| h.trim_end().ends_with('}'))
}

/// A JWT's first segment decoded, when it reads as a JWT header (it names `alg` or `typ`).
fn jwt_header(segment: &str) -> Option<String> {
    let header = base64_decode(segment).unwrap_or_default();
    let h = String::from_utf8_lossy(&header);
    (h.contains("\"alg\"") || h.contains("\"typ\"")).then(|| h.into_owned())
}

fn entra_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'~' | b'.' | b'-')
}

/// Entra ID client secrets: three characters, `8Q~` (or the older `7Q~`), then 31–34;
/// also URL-encoded (`8Q%7E…`, in a token request's form body).
pub(crate) fn entra(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let encoded = hit.len() > 2;
    if b[hit.start] != b'Q'
        || encoded && !text[hit.clone()].eq_ignore_ascii_case("Q%7E")
        || hit.start < 4
        || !matches!(b[hit.start - 1], b'7' | b'8')
    {
        return;
    }
    let start = hit.start - 4;
    if !b[start..hit.start - 1].iter().all(|&c| entra_byte(c))
        || start > 0 && entra_byte(b[start - 1])
    {
        return;
    }
    let mut end = hit.end;
    let mut tail = 0;
    while end < b.len() && tail <= 35 {
        if entra_byte(b[end]) {
            end += 1;
        } else if encoded
            && b[end] == b'%'
            && text
                .get(end..end + 3)
                .is_some_and(|e| e.eq_ignore_ascii_case("%7E"))
        {
            end += 3;
        } else {
            break;
        }
        tail += 1;
    }
    if !(31..=34).contains(&tail) {
        return;
    }
    let v = &text[start..end];
    if is_placeholder(v) || !looks_random(&text[hit.end..end], 16) {
        return;
    }
    out.push(Finding {
        range: start..end,
        kind: Kind::ClientSecret,
    });
}

/// GitHub tokens: `ghp_` and friends with their CRC-32 checksum, and `github_pat_`.
pub(crate) fn github(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let prefix = &text[hit.clone()];
    if prefix.bytes().any(|c| c.is_ascii_uppercase())
        || hit.start > 0 && b[hit.start - 1].is_ascii_alphanumeric()
    {
        return;
    }
    let mut end = hit.end;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_') && end - hit.end < 100
    {
        end += 1;
    }
    let body = &text[hit.end..end];
    let ok = if prefix == "github_pat_" {
        body.len() == 82 && body.as_bytes()[22] == b'_' && looks_random(body, 40)
    } else {
        body.len() == 36
            && body.bytes().all(|c| c.is_ascii_alphanumeric())
            && github_checksum(&body[..30]) == body[30..]
    };
    if ok {
        out.push(Finding {
            range: hit.start..end,
            kind: Kind::GitHubToken,
        });
    }
}

/// The 40-character secret access key that follows an AWS access key ID (`AKIA…`,
/// `ASIA…`). The ID itself names the key as a user name names an account: it is no
/// secret by rules.md and is not reported, only masked where azsr quotes a line
/// ([`super::possible`]).
pub(crate) fn aws(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    if !matches!(&b[hit.start..hit.end], b"AKIA" | b"ASIA")
        || hit.start > 0 && b[hit.start - 1].is_ascii_alphanumeric()
    {
        return;
    }
    let end = hit.end + 16;
    if end > b.len()
        || !b[hit.end..end]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        || at(text, end).is_ascii_alphanumeric()
    {
        return;
    }
    // AWS's documentation writes its examples with `EXAMPLE` in them
    // (`AKIAIOSFODNN7EXAMPLE`, `…/bPxRfiCYEXAMPLEKEY`).
    if text[hit.start..end].contains("EXAMPLE") {
        return;
    }
    // The secret key usually follows within a few lines.
    let limit = b.len().min(end + 400);
    let mut i = end;
    while i < limit {
        if b64(b[i]) && !b64(at(text, i.wrapping_sub(1))) {
            let s = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'+' | b'/')) {
                i += 1;
            }
            if i - s == 40
                && !b64(at(text, i))
                && looks_random(&text[s..i], 40)
                && !text[s..i].contains("EXAMPLE")
            {
                out.push(Finding {
                    range: s..i,
                    kind: Kind::AwsSecretKey,
                });
                return;
            }
        }
        i += 1;
    }
}

/// A Wi-Fi network's QR text (`WIFI:T:WPA;S:Contoso-Staff;P:<key>;;`, fields in any
/// order, `\;` escaping a separator): the `P:` field is the network's key.
pub(crate) fn wifi_qr(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    if hit.start > 0 && b[hit.start - 1].is_ascii_alphanumeric() {
        return;
    }
    let limit = b.len().min(hit.end + 300);
    let mut i = hit.end;
    while i + 2 < limit && b[i].is_ascii_alphabetic() && b[i + 1] == b':' {
        let mut e = i + 2;
        while e < limit && !matches!(b[e], b';' | b'\n' | b'\r') {
            e += if b[e] == b'\\' && at(text, e + 1).is_ascii() {
                2
            } else {
                1
            };
        }
        let e = e.min(limit);
        if b[i].eq_ignore_ascii_case(&b'P') {
            if let Some(v) = text.get(i + 2..e) {
                if v.len() >= 4 && !is_placeholder(v) {
                    out.push(Finding {
                        range: i + 2..e,
                        kind: Kind::PreSharedKey,
                    });
                }
            }
            return;
        }
        if at(text, e) != b';' {
            return;
        }
        i = e + 1;
    }
}

/// An incoming webhook's URL path (Slack `hooks.slack.com/services/T…/B…/…`, Discord
/// `/api/webhooks/<id>/<token>`, Teams `webhook.office.com/webhookb2/…`): whoever holds
/// it posts into the channel, so the path after the host's prefix is the credential.
pub(crate) fn webhook(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut end = hit.end;
    while end < b.len()
        && end - hit.end < 512
        && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'/' | b'_' | b'-' | b'@'))
    {
        end += 1;
    }
    while end > hit.end && b[end - 1] == b'/' {
        end -= 1;
    }
    let path = &text[hit.end..end];
    let last = path.rsplit('/').next().unwrap_or("");
    if path.contains('/') && last.len() >= 16 && !super::value::is_placeholder(path) {
        out.push(Finding {
            range: hit.end..end,
            kind: Kind::Token,
        });
    }
}

/// What follows a token's prefix.
#[derive(Clone, Copy)]
enum Body {
    /// Letters and digits, upper and lower case and digits all present.
    Alnum,
    /// Letters, digits, `-` and `_` (base64url), upper and lower case and digits all
    /// present.
    Url,
    /// Lowercase hexadecimal with letters and digits.
    Hex,
    /// Uppercase letters and digits, both present.
    Upper,
    /// 30 letters and digits and their CRC-32 in 6 base62 digits (npm, as GitHub's).
    Checksummed,
    /// Two base64url parts joined by a dot, 22 and 43 long (SendGrid).
    TwoParts,
    /// Digit groups and a random part joined by `-` (Slack).
    Dashed,
}

/// A token told by its prefix (exact case): the length of what follows it, and its kind.
pub(crate) struct Prefixed {
    pub prefix: &'static str,
    body: Body,
    min: usize,
    max: usize,
    kind: Kind,
}

const fn prefixed_token(
    prefix: &'static str,
    body: Body,
    min: usize,
    max: usize,
    kind: Kind,
) -> Prefixed {
    Prefixed {
        prefix,
        body,
        min,
        max,
        kind,
    }
}

/// Tokens of other services whose published format starts with a fixed prefix: npm,
/// SendGrid, Slack, Stripe, OpenAI and Anthropic, Google API keys and OAuth access
/// tokens, GitLab, Hugging Face,
/// PyPI, DigitalOcean, Docker Hub, Databricks, Shopify, HashiCorp Vault, Grafana,
/// Postman, Linear, New Relic, Sentry, Doppler, Pulumi, Square, Atlassian, age, Google
/// OAuth client secrets, GitLab runners and agents, RubyGems, Groq, PlanetScale,
/// Artifactory, Notion. Their prefixes are the anchors.
pub(crate) const PREFIXED: &[Prefixed] = &[
    prefixed_token("npm_", Body::Checksummed, 36, 36, Kind::Token),
    prefixed_token("SG.", Body::TwoParts, 66, 66, Kind::ApiKey),
    prefixed_token("xoxb-", Body::Dashed, 20, 250, Kind::Token),
    prefixed_token("xoxp-", Body::Dashed, 20, 250, Kind::Token),
    prefixed_token("xoxa-", Body::Dashed, 20, 250, Kind::Token),
    prefixed_token("xoxr-", Body::Dashed, 20, 250, Kind::Token),
    prefixed_token("xoxe-", Body::Dashed, 20, 250, Kind::Token),
    prefixed_token("xapp-", Body::Dashed, 20, 250, Kind::Token),
    prefixed_token("sk_live_", Body::Alnum, 20, 247, Kind::ApiKey),
    prefixed_token("rk_live_", Body::Alnum, 20, 247, Kind::ApiKey),
    prefixed_token("sk_test_", Body::Alnum, 20, 247, Kind::ApiKey),
    prefixed_token("rk_test_", Body::Alnum, 20, 247, Kind::ApiKey),
    prefixed_token("whsec_", Body::Alnum, 24, 64, Kind::Secret),
    prefixed_token("sk-", Body::Url, 40, 250, Kind::ApiKey),
    prefixed_token("AIza", Body::Url, 35, 35, Kind::ApiKey),
    prefixed_token("ya29.", Body::Url, 30, 2048, Kind::Token),
    prefixed_token("glpat-", Body::Url, 20, 64, Kind::Token),
    prefixed_token("gldt-", Body::Url, 20, 64, Kind::Token),
    prefixed_token("glptt-", Body::Hex, 40, 40, Kind::Token),
    prefixed_token("hf_", Body::Alnum, 30, 40, Kind::Token),
    prefixed_token("pypi-AgEIcHlwaS5vcmc", Body::Url, 50, 300, Kind::Token),
    prefixed_token("dop_v1_", Body::Hex, 64, 64, Kind::Token),
    prefixed_token("doo_v1_", Body::Hex, 64, 64, Kind::Token),
    prefixed_token("dckr_pat_", Body::Url, 20, 40, Kind::Token),
    prefixed_token("dapi", Body::Hex, 32, 32, Kind::Token),
    prefixed_token("shpat_", Body::Hex, 32, 32, Kind::Token),
    prefixed_token("shpss_", Body::Hex, 32, 32, Kind::Token),
    prefixed_token("shpca_", Body::Hex, 32, 32, Kind::Token),
    prefixed_token("shppa_", Body::Hex, 32, 32, Kind::Token),
    prefixed_token("hvs.", Body::Url, 24, 200, Kind::Token),
    prefixed_token("hvb.", Body::Url, 24, 200, Kind::Token),
    prefixed_token("glsa_", Body::Url, 40, 60, Kind::Token),
    prefixed_token("glc_", Body::Url, 32, 200, Kind::Token),
    prefixed_token("PMAK-", Body::Url, 59, 59, Kind::ApiKey),
    prefixed_token("lin_api_", Body::Alnum, 40, 40, Kind::ApiKey),
    prefixed_token("NRAK-", Body::Upper, 27, 27, Kind::ApiKey),
    prefixed_token("sntrys_", Body::Url, 60, 300, Kind::Token),
    prefixed_token("dp.pt.", Body::Alnum, 40, 50, Kind::Token),
    prefixed_token("pul-", Body::Hex, 40, 40, Kind::Token),
    prefixed_token("sq0atp-", Body::Url, 22, 22, Kind::Token),
    prefixed_token("sq0csp-", Body::Url, 43, 43, Kind::Secret),
    prefixed_token("ATATT3", Body::Url, 150, 300, Kind::Token),
    prefixed_token("AGE-SECRET-KEY-1", Body::Upper, 58, 58, Kind::PrivateKey),
    prefixed_token("GOCSPX-", Body::Url, 28, 28, Kind::Secret),
    prefixed_token("glrt-", Body::Url, 20, 64, Kind::Token),
    prefixed_token("GR1348941", Body::Url, 20, 20, Kind::Token),
    prefixed_token("glagent-", Body::Url, 50, 64, Kind::Token),
    prefixed_token("gloas-", Body::Hex, 64, 64, Kind::Secret),
    prefixed_token("sntryu_", Body::Hex, 64, 64, Kind::Token),
    prefixed_token("rubygems_", Body::Hex, 48, 48, Kind::ApiKey),
    prefixed_token("gsk_", Body::Alnum, 52, 52, Kind::ApiKey),
    prefixed_token("pscale_tkn_", Body::Url, 43, 43, Kind::Token),
    prefixed_token("pscale_pw_", Body::Url, 43, 43, Kind::Password),
    prefixed_token("AKCp", Body::Alnum, 60, 80, Kind::ApiKey),
    prefixed_token("ntn_", Body::Alnum, 40, 50, Kind::Token),
    prefixed_token("xoxs-", Body::Dashed, 20, 250, Kind::Token),
];

/// A token of [`PREFIXED`] whose prefix is at `hit`.
pub(crate) fn prefixed(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let prefix = &text[hit.clone()];
    let Some(t) = PREFIXED.iter().find(|t| t.prefix == prefix) else {
        return;
    };
    if hit.start > 0 && (b64url(b[hit.start - 1]) || b[hit.start - 1] == b'.') {
        return;
    }
    let byte = |c: u8| match t.body {
        Body::Alnum | Body::Checksummed | Body::Upper => c.is_ascii_alphanumeric(),
        Body::Hex => c.is_ascii_hexdigit(),
        Body::Url | Body::Dashed => b64url(c),
        Body::TwoParts => b64url(c) || c == b'.',
    };
    let mut end = hit.end;
    while end < b.len() && end - hit.end <= t.max && byte(b[end]) {
        end += 1;
    }
    // A sentence's full stop after the token.
    while end > hit.end && b[end - 1] == b'.' {
        end -= 1;
    }
    let body = &text[hit.end..end];
    if body.len() < t.min || body.len() > t.max || b64url(at(text, end)) {
        return;
    }
    let has = |f: fn(&u8) -> bool| body.as_bytes().iter().any(f);
    let mixed =
        has(u8::is_ascii_uppercase) && has(u8::is_ascii_lowercase) && has(u8::is_ascii_digit);
    let ok = match t.body {
        Body::Alnum | Body::Url => mixed,
        Body::Hex => {
            has(u8::is_ascii_digit)
                && body.bytes().any(|c| matches!(c, b'a'..=b'f'))
                && !has(u8::is_ascii_uppercase)
        }
        Body::Upper => !has(u8::is_ascii_lowercase) && has(u8::is_ascii_digit),
        Body::Checksummed => github_checksum(&body[..30]) == body[30..],
        Body::TwoParts => {
            body.as_bytes()[22] == b'.' && body[..22].bytes().all(b64url) && {
                let tail = &body[23..];
                tail.bytes().all(b64url) && looks_random(tail, 40)
            }
        }
        Body::Dashed => {
            body.split('-').filter(|g| g.len() >= 8).count() >= 2
                && has(u8::is_ascii_digit)
                && has(u8::is_ascii_alphabetic)
        }
    };
    if ok && !is_placeholder(body) {
        out.push(Finding {
            range: hit.start..end,
            kind: t.kind,
        });
    }
}

/// A 64-byte key in base64 standing alone, on its line or in quotes (88 characters
/// ending `==`, random): the shape of a Storage, Cosmos DB or Batch account key, which
/// people paste from `az storage account keys list` or the portal without its name.
/// `hit` is its padding and the byte after. A digest or signature of 64 bytes has the
/// same shape: a word for one on the line, or the two above, keeps it silent.
pub(crate) fn bare_account_key(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    const LEN: usize = 88;
    let end = hit.start + 2;
    let Some(start) = end.checked_sub(LEN) else {
        return;
    };
    let b = text.as_bytes();
    if start > 0
        && !matches!(
            b[start - 1],
            b' ' | b'\t' | b'\n' | b'"' | b'\'' | b'`' | b'('
        )
    {
        return;
    }
    if !b[start..hit.start].iter().all(|&c| b64(c)) {
        return;
    }
    let s = &text[start..end];
    if !super::keyvalue::key_shaped(s) || is_placeholder(s) {
        return;
    }
    // Text made base64 (a cloud-init file, a script) decodes to printable bytes; a key's
    // 64 random bytes do not.
    let printable = super::checksum::base64_decode(s).is_none_or(|d| {
        d.iter()
            .filter(|c| c.is_ascii_graphic() || c.is_ascii_whitespace())
            .count()
            * 10
            >= d.len() * 9
    });
    if printable {
        return;
    }
    // The line, and the two above it (a heading, then a blank line).
    let before = text[super::bytes::lines_up(text, start, 2)..start].to_ascii_lowercase();
    const DIGEST_WORDS: &[&str] = &[
        "sha",
        "hash",
        "digest",
        "integrity",
        "signature",
        "thumbprint",
        "checksum",
        "fingerprint",
        "ハッシュ",
        "署名",
        "拇印",
    ];
    if DIGEST_WORDS.iter().any(|w| before.contains(w)) {
        return;
    }
    out.push(Finding {
        range: start..end,
        kind: Kind::AzureKey,
    });
}

/// Microsoft identifiable keys: a 4-character signature at a fixed offset of a base64
/// key (44 and 88 characters; 52 for ACR and Search keys, unpadded; 56 for Functions
/// keys, URL-safe), and the 84/88-character common annotated format (`JQQJ9`). The
/// signature at its offset is certain enough; a key glued to other base64 text counts
/// when its checksum holds.
pub(crate) fn identifiable(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    const SIGNATURES: &[&[u8]] = &[
        b"+ASt", b"ACDb", b"+ASb", b"+AEh", b"+ARm", b"AIoT", b"AzCa", b"+ACR", b"AzFu", b"AzSe",
        b"+ABa", b"AZEG", b"APIM",
    ];
    let b = text.as_bytes();
    let sig = &b[hit.start..hit.end];
    if sig.eq_ignore_ascii_case(b"\\u002b") {
        escaped_identifiable(text, hit, out);
        return;
    }
    let ok_start = |s: usize| s == 0 || !b64(b[s - 1]);
    let ok_end = |e: usize| !b64(at(text, e)) && at(text, e) != b'=';
    if sig == b"JQQJ9" {
        let Some(start) = hit.start.checked_sub(52) else {
            return;
        };
        let end = start + 84;
        if end > b.len() || !ok_start(start) {
            return;
        }
        let k = &b[start..end];
        let shape = k[..52].iter().all(u8::is_ascii_alphanumeric)
            && matches!(k[57], b'9' | b'D' | b'H')
            && k[58].is_ascii_alphanumeric()
            && (b'A'..=b'L').contains(&k[59])
            && k[60..76].iter().all(u8::is_ascii_alphanumeric)
            && k[76].is_ascii_alphabetic()
            && k[77..84].iter().all(u8::is_ascii_alphanumeric);
        if !shape {
            return;
        }
        let end = if b.len() >= end + 4
            && b[end..end + 2].iter().all(u8::is_ascii_alphanumeric)
            && &b[end + 2..end + 4] == b"=="
        {
            end + 4
        } else {
            end
        };
        if !ok_end(end) {
            return;
        }
        out.push(Finding {
            range: start..end,
            kind: Kind::AzureKey,
        });
        return;
    }
    if !SIGNATURES.contains(&sig) {
        return;
    }
    // 64-byte keys: 86 characters + `==`, signature at 76; 32-byte keys: 43 + `=`, at
    // 33; 39-byte keys (ACR, Search): 52, at 42; 40-byte keys (Functions): 54 + `==`, at 44.
    let signature = std::str::from_utf8(sig).unwrap_or_default();
    for (offset, data, pad) in [
        (76usize, 86usize, 2usize),
        (33, 43, 1),
        (42, 52, 0),
        (44, 54, 2),
    ] {
        let Some(start) = hit.start.checked_sub(offset) else {
            continue;
        };
        let end = start + data + pad;
        if end > b.len() || !ok_end(end) {
            continue;
        }
        if b[start..start + data].iter().all(|&c| b64(c))
            && b[start + data..end].iter().all(|&c| c == b'=')
            && (ok_start(start) || identifiable_checksum_valid(&text[start..end], signature))
        {
            out.push(Finding {
                range: start..end,
                kind: Kind::AzureKey,
            });
            return;
        }
    }
}

/// An escape of `+` or `/` as .NET's JSON writer makes it (`\u002B`, `\u002F`) at `i`.
fn json_escape_at(b: &[u8], i: usize) -> Option<u8> {
    let e = b.get(i..i + 6)?;
    if e[0] != b'\\' || !e[1..4].eq_ignore_ascii_case(b"u00") {
        return None;
    }
    match &e[4..6] {
        b"2B" | b"2b" => Some(b'+'),
        b"2F" | b"2f" => Some(b'/'),
        _ => None,
    }
}

/// An identifiable key written by .NET's JSON writer, which escapes its `+` and `/`
/// (`…\u002BASt…`), `hit` on the first escape of the base64 run: the key found in the
/// run unescaped, reported over the escaped text.
fn escaped_identifiable(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let unit = |i: usize| -> Option<(u8, usize)> {
        match json_escape_at(b, i) {
            Some(c) => Some((c, 6)),
            None => b.get(i).filter(|&&c| b64(c) || c == b'=').map(|&c| (c, 1)),
        }
    };
    // Back to the run's start; an earlier escape in it has read the run.
    let mut start = hit.start;
    while start > 0 && hit.start - start < 240 {
        if start >= 6 && json_escape_at(b, start - 6).is_some() {
            return;
        }
        if !b64(b[start - 1]) {
            break;
        }
        start -= 1;
    }
    let mut plain = Vec::new();
    let mut from = Vec::new();
    let mut i = start;
    while i < b.len() && i - start < 400 {
        let Some((c, len)) = unit(i) else { break };
        plain.push(c);
        from.push(i..i + len);
        i += len;
    }
    let plain = String::from_utf8(plain).unwrap_or_default();
    let mut found = Vec::new();
    for (p, _) in plain.match_indices('+') {
        if let Some(sig) = plain.get(p..p + 4) {
            identifiable(&plain, p..p + sig.len(), &mut found);
        }
    }
    for (p, w) in plain.char_indices() {
        // Signatures without a `+` (`AzSe`, `AzFu`, …) in a key that holds an escape.
        if w == 'A' || w == 'a' {
            if let Some(sig) = plain.get(p..p + 4) {
                if matches!(
                    sig,
                    "ACDb" | "AIoT" | "AzCa" | "AzFu" | "AzSe" | "AZEG" | "APIM"
                ) {
                    identifiable(&plain, p..p + 4, &mut found);
                }
            }
        }
    }
    for f in found {
        out.push(Finding {
            range: from[f.range.start].start..from[f.range.end - 1].end,
            kind: f.kind,
        });
    }
}

/// Azure DevOps PATs of the 52-character lowercase base32 format: a word of exactly 52
/// characters of `a-z2-7` (its neighbours are no ASCII letter, digit or `_`), whose last
/// bytes are a CRC-32, or, for the older ones without a checksum, random base32 (digits
/// 2–7 spread through it, letters beyond hex), which names and words are not.
/// Only in `lines` (whole lines of `text`: it starts at a line start, ends at one or
/// at the end); a word never crosses a line break, so the lines can be scanned apart.
///
/// The scan looks at one byte in 52: no PAT covers a byte that is not base32, so the
/// next one ends at least 52 bytes further.
pub(crate) fn devops_pats(text: &str, lines: Range<usize>, out: &mut Vec<Finding>) {
    const LEN: usize = 52;
    let b = text.as_bytes();
    let base32 = |c: u8| matches!(c, b'a'..=b'z' | b'2'..=b'7');
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut p = lines.start + LEN - 1;
    while p < lines.end {
        if !base32(b[p]) {
            p += LEN;
            continue;
        }
        let mut start = p;
        while start > lines.start && base32(b[start - 1]) {
            start -= 1;
        }
        let mut end = p + 1;
        while end < lines.end && base32(b[end]) {
            end += 1;
        }
        let bounded =
            (start == lines.start || !word(b[start - 1])) && (end == lines.end || !word(b[end]));
        if end - start == LEN && bounded {
            let s = &text[start..end];
            if s.bytes().any(|c| c.is_ascii_digit()) && ado_pat_valid(s) || random_base32(s) {
                out.push(Finding {
                    range: start..end,
                    kind: Kind::DevOpsPat,
                });
            }
        }
        p = end + LEN;
    }
}

/// Random lowercase base32: at least four digits and twelve distinct letters, some past
/// `f` (a hex string is not base32).
fn random_base32(s: &str) -> bool {
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let mut seen = 0u32;
    for c in s.bytes().filter(u8::is_ascii_lowercase) {
        seen |= 1 << (c - b'a');
    }
    digits >= 4 && seen.count_ones() >= 12 && seen >> 6 != 0
}

/// BitLocker recovery passwords: eight groups of six digits, each a multiple of 11
/// below 11 × 65536, starting at `start`, joined by hyphens (or by spaces, as retyped
/// in a mail); the end of the key.
fn recovery_key(b: &[u8], start: usize) -> Option<usize> {
    const LEN: usize = 8 * 6 + 7;
    let key = b.get(start..start + LEN)?;
    let sep = key[6];
    if sep != b'-' && sep != b' ' {
        return None;
    }
    for (g, group) in key.chunks(7).enumerate() {
        let digits = &group[..6];
        if !digits.iter().all(u8::is_ascii_digit) || g < 7 && group[6] != sep {
            return None;
        }
        let n = digits
            .iter()
            .fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
        if n % 11 != 0 || n / 11 > 0xFFFF {
            return None;
        }
    }
    // `000000-000000-…`: a placeholder, every group the same.
    if key.chunks(7).all(|g| g[..6] == key[..6]) {
        return None;
    }
    let next = b.get(start + LEN).copied().unwrap_or(0);
    (!next.is_ascii_alphanumeric() && next != b'-').then_some(start + LEN)
}

/// Phrases that make a number next to them a support request number.
const REQUEST_PHRASES: &[&str] = &[
    "お問い合わせ番号",
    "問い合わせ番号",
    "サポート リクエスト番号",
    "サポートリクエスト番号",
    "リクエスト番号",
    "support request",
    "request number",
    "request no",
    "request id",
    "リクエスト",
    "問い合わせ",
    "チケット",
    "request #",
    "case number",
    "case no",
    "case #",
    "ticket number",
    "ticket no",
    "ticket #",
    "sr",
    "sr#",
    "sr #",
    "sr:",
    "sr no",
];

/// Headings and lead-ins of a list of request numbers.
const REQUEST_LIST_HEADS: &[&str] = &[
    "関連するお問い合わせ",
    "お問い合わせ番号",
    "問い合わせ番号",
    "リクエスト番号",
    "related request",
    "request number",
    "case number",
    "ticket number",
];

/// A number alone on a list line (`- 2311…`, `1. 2311…`) under a line, at most five
/// lines up, that names request numbers.
fn in_request_list(text: &str, ls: usize, start: usize) -> bool {
    let lead = text[ls..start].trim();
    if !(lead.is_empty()
        || matches!(lead, "-" | "*" | "+" | "・")
        || lead.ends_with('.') && lead.len() <= 3)
    {
        return false;
    }
    let mut end = ls;
    for _ in 0..5 {
        if end == 0 {
            break;
        }
        let prev_start = line_start(text, end - 1);
        let line = text[prev_start..end - 1].to_ascii_lowercase();
        if REQUEST_LIST_HEADS.iter().any(|h| line.contains(h)) {
            return true;
        }
        end = prev_start;
    }
    false
}

fn issuer_ok(d: &[u8]) -> bool {
    let n = d.len();
    let p = |k: usize| -> u32 { d[..k].iter().fold(0, |a, &c| a * 10 + (c - b'0') as u32) };
    match d[0] {
        b'4' => matches!(n, 13 | 16 | 19),
        b'5' => (51..=55).contains(&p(2)) && n == 16,
        b'2' => (2221..=2720).contains(&p(4)) && n == 16,
        b'3' => {
            matches!(p(2), 34 | 37) && n == 15
                || (3528..=3589).contains(&p(4)) && (16..=19).contains(&n)
                || ((300..=305).contains(&p(3)) || matches!(p(2), 36 | 38 | 39))
                    && (14..=19).contains(&n)
        }
        b'6' => {
            (p(4) == 6011 || (644..=649).contains(&p(3)) || p(2) == 65 || p(2) == 62)
                && (16..=19).contains(&n)
        }
        _ => false,
    }
}

/// Digit runs: BitLocker recovery keys ([`recovery_key`]), and payment card numbers:
/// 13–19 digits (in groups separated by one space or hyphen),
/// Luhn-valid, with a known issuer prefix; never a support request number.
/// Only numbers starting in `lines` (whole lines, as for [`devops_pats`]: the digit runs
/// are read from each line's start, and a line break ends every run).
pub(crate) fn payment_cards(
    text: &str,
    lines: Range<usize>,
    opts: &Options,
    out: &mut Vec<Finding>,
) {
    // Logs are full of short digit runs (timestamps, GUIDs, counters). A card (13–19
    // digits) or a recovery key (48) lies in one run of digits and single separators
    // before a digit, at least 13 bytes long; only such runs are read in detail
    // ([`digit_runs`]). They are found 64 bytes at a time with bit masks, without a
    // branch per byte (hex and GUIDs would mispredict most of them).
    debug_assert!(lines.end == text.len() || text.as_bytes()[lines.end - 1] == b'\n');
    // A 13-byte run starting at bit p < 52 of a block lies in it.
    const STEP: usize = 64 - 12;
    let b = text.as_bytes();
    let in_run = |i: usize| {
        i < b.len() && {
            let c = b[i];
            c.is_ascii_digit() || (c == b' ' || c == b'-') && at(text, i + 1).is_ascii_digit()
        }
    };
    let mut i = lines.start;
    while i < lines.end {
        let mut block = [0u8; 64];
        let n = (b.len() - i).min(64);
        block[..n].copy_from_slice(&b[i..i + n]);
        let (mut digit, mut sep) = (0u64, 0u64);
        for (k, word) in block.chunks_exact(8).enumerate() {
            let (d, s) = digits_and_separators(u64::from_le_bytes(word.try_into().unwrap()));
            digit |= d << (8 * k);
            sep |= s << (8 * k);
        }
        let next_digit = (digit >> 1) | (u64::from(at(text, i + 64).is_ascii_digit()) << 63);
        let run = digit | (sep & next_digit);
        let run2 = run & run >> 1;
        let run4 = run2 & run2 >> 2;
        let run8 = run4 & run4 >> 4;
        let starts = (lines.end - i).min(STEP);
        // Bit p: bytes p..p + 13 are all in a run.
        let long = run8 & (run4 >> 8) & (run >> 12) & ((1u64 << starts) - 1);
        if long == 0 {
            i += starts;
            continue;
        }
        let mut start = i + long.trailing_zeros() as usize;
        while start > lines.start && in_run(start - 1) {
            start -= 1;
        }
        let mut end = start;
        while in_run(end) {
            end += 1;
        }
        digit_runs(text, start..end.min(lines.end), opts, out);
        i = end;
    }
}

/// Bit k set where byte k of the little-endian word `w` is an ASCII digit; and where it
/// is a space or a hyphen. SWAR: eight bytes in a few operations, without branches.
fn digits_and_separators(w: u64) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    const LOW: u64 = ONES * 0x7f;
    // The high bit of each byte, packed into the low 8 bits.
    let pack = |m: u64| (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    // No carry crosses a byte: 0x7f + 0x50 < 0x100.
    let low = w & LOW;
    let at_least_0 = low + ONES * (0x80 - b'0' as u64);
    let above_9 = low + ONES * (0x80 - b'9' as u64 - 1);
    let digit = at_least_0 & !above_9 & !w & HIGH;
    let zero_byte = |x: u64| !(((x & LOW) + LOW) | x) & HIGH;
    let sep = zero_byte(w ^ (ONES * b' ' as u64)) | zero_byte(w ^ (ONES * b'-' as u64));
    (pack(digit), pack(sep))
}

/// The cards and recovery keys of the digit runs starting in `starts`.
fn digit_runs(text: &str, starts: Range<usize>, opts: &Options, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut i = starts.start;
    while i < starts.end {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let prev = at(text, start.wrapping_sub(1));
        if !prev.is_ascii_alphanumeric()
            && prev != b'-'
            && matches!(at(text, start + 6), b'-' | b' ')
        {
            if let Some(end) = recovery_key(b, start) {
                out.push(Finding {
                    range: start..end,
                    kind: Kind::RecoveryKey,
                });
                i = end;
                continue;
            }
        }
        let mut buf = [0u8; 24];
        let mut len = 0;
        let mut sep: Option<u8> = None;
        let mut end = i;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_digit() {
                if len < buf.len() {
                    buf[len] = c;
                }
                len += 1;
                i += 1;
                end = i;
            } else if (c == b' ' || c == b'-')
                && at(text, i + 1).is_ascii_digit()
                && sep.is_none_or(|s| s == c)
            {
                sep = Some(c);
                i += 1;
            } else {
                break;
            }
            if len > 19 {
                break;
            }
        }
        let digits = &buf[..len.min(buf.len())];
        let next = at(text, end);
        let glued = |c: u8| {
            c.is_ascii_alphanumeric()
                || matches!(c, b'.' | b'/' | b'_' | b'-' | b':' | b'+' | b'%' | b'=')
        };
        if !(13..=19).contains(&digits.len())
            || glued(prev) && !(prev == b'=' || prev == b':')
            || (at(text, end + 1).is_ascii_digit() || next != b'.') && glued(next)
            || !issuer_ok(digits)
            || !luhn(digits)
        {
            if i == start {
                i += 1;
            }
            continue;
        }
        // Zero-padded counters and IDs (`4000000000000002`): a card number has no long
        // run of one digit.
        let longest_run = digits
            .chunk_by(|a, b| a == b)
            .map(<[u8]>::len)
            .max()
            .unwrap_or(0);
        if longest_run >= 7 {
            continue;
        }
        let d = String::from_utf8_lossy(digits).into_owned();
        if opts.exempt_numbers.contains(&d) || super::value::is_published_test_card(&d) {
            continue;
        }
        let ls = line_start(text, start);
        let from = super::bytes::floor(text, start.saturating_sub(48).max(ls));
        let before = text[from..start].to_ascii_lowercase();
        let near_phrase = REQUEST_PHRASES.iter().any(|p| {
            before.rfind(p).is_some_and(|pos| {
                let after = &before[pos + p.len()..];
                let head_ok =
                    pos == 0 || !before.as_bytes()[pos - 1].is_ascii_alphabetic() || !p.is_ascii();
                head_ok
                    && (!p.as_bytes()[0].is_ascii_alphabetic()
                        || !after.starts_with(|c: char| c.is_ascii_alphabetic()))
                    && after.chars().count() <= 16
            })
        });
        if near_phrase || in_request_list(text, ls, start) {
            continue;
        }
        // A bare digit run is a card only with card context nearby; order IDs and other
        // numbers pass Luhn one time in ten. Card grouping (4-4-4-4, 4-6-5) is context.
        if !card_grouping(&text[start..end], sep) && !card_context(text, start, end) {
            continue;
        }
        out.push(Finding {
            range: start..end,
            kind: Kind::PaymentCard,
        });
    }
}

/// `4111 1111 1111 1111`, `3782-822463-10005`: the groups a card is printed in.
fn card_grouping(run: &str, sep: Option<u8>) -> bool {
    let Some(sep) = sep else {
        return false;
    };
    let groups: Vec<usize> = run.split(sep as char).map(str::len).collect();
    match groups.as_slice() {
        [4, 6, 5] | [4, 6, 4] => true,
        [4, 4, 4, rest @ ..] => {
            !rest.is_empty()
                && rest[..rest.len() - 1].iter().all(|&g| g == 4)
                && (1..=4).contains(&rest[rest.len() - 1])
        }
        _ => false,
    }
}

/// Words that say a number is a payment card, looked for on the number's line and the
/// two lines before it (a table's header, a "card number:" label above).
const CARD_WORDS: &[&str] = &[
    "card",
    "カード",
    "クレジット",
    "visa",
    "master",
    "amex",
    "american express",
    "jcb",
    "diners",
    "discover",
    "unionpay",
    "支払",
    "決済",
    "payment",
    "charged",
    "有効期限",
    "expir",
    "cvv",
    "cvc",
    "security code",
    "セキュリティコード",
    "セキュリティ コード",
];

fn card_context(text: &str, start: usize, end: usize) -> bool {
    let from = super::bytes::lines_up(text, start, 2);
    let from = super::bytes::floor(text, from.max(start.saturating_sub(400)));
    let to = super::bytes::ceil(text, super::bytes::line_end(text, end).min(end + 200));
    let window = text[from..to].to_ascii_lowercase();
    CARD_WORDS.iter().any(|w| window.contains(w)) || card_column(text, start)
}

/// How many rows up a table's header is looked for.
const TABLE_ROWS: usize = 50;

/// Whether the number at `start` stands in a table (TSV pasted from Excel, Markdown,
/// `|`-separated) whose header, however many rows above, names a card column
/// (`カード番号`, `Card No.`, `決済手段`).
fn card_column(text: &str, start: usize) -> bool {
    let ls = line_start(text, start);
    let line = &text[ls..super::bytes::line_end(text, start)];
    let Some(sep) = ['\t', '|'].into_iter().find(|&c| line.contains(c)) else {
        return false;
    };
    let mut header = ls;
    for _ in 0..TABLE_ROWS {
        if header == 0 {
            break;
        }
        let above = line_start(text, header - 1);
        if !text[above..header - 1].contains(sep) {
            break;
        }
        header = above;
    }
    let head = text[header..super::bytes::line_end(text, header)].to_ascii_lowercase();
    header != ls && CARD_WORDS.iter().any(|w| head.contains(w))
}

#[cfg(test)]
mod tests {
    use super::super::checksum::{base32_encode, crc32};
    use super::*;

    #[test]
    fn a_64_byte_key_standing_alone_is_an_account_key() {
        let k = "Qm3Zr8Tq4Lx7Nc2Pb9Wk5Hy1Jd6Fs0Va3Ue8Rt2Yp7Io4Gh9Kl1Mn5Bv6Cx0Zs3Dw8Ef2Aq7Wj4Tu9Ly1Hr5Ok==";
        assert_eq!(k.len(), 88);
        for text in [
            format!("[14:02] 田中\nstfiles01 の値これです\n{k}\n"),
            format!("result = \"{k}\"\n"),
            format!("キーは `{k}` です\n"),
        ] {
            assert_eq!(super::super::found(&text), [k], "{text}");
        }
        for text in [
            // Digests and signatures of 64 bytes, and base64 running on before it.
            format!("SHA-512:\n{k}\n"),
            format!("Artifact checks (SHA-512):\n\n{k}\n"),
            format!("\"integrity\": \"{k}\"\n"),
            format!("署名値\n{k}\n"),
            format!("MIIBIjAN{k}\n"),
            // Text made base64.
            "I2Nsb3VkLWNvbmZpZwpwYWNrYWdlX3VwZ3JhZGU6IHRydWUKcGFja2FnZXM6CiAgLSBuZ2lueAogIC0gamFxCg==\n".to_string(),
            // The storage emulator's published key.
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==\n".to_string(),
        ] {
            assert!(super::super::found(&text).is_empty(), "{text}");
        }
    }

    use super::super::found;

    #[test]
    fn a_private_key_whose_body_was_cut_out_is_no_key() {
        for text in [
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA…(removed by SecOps)…\n-----END RSA PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC（省略）\n-----END PRIVATE KEY-----\n",
            "\"key\": \"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEI...\\n...\\n-----END EC PRIVATE KEY-----\\n\"\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        let line = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";
        let text =
            format!("-----BEGIN PRIVATE KEY-----\n{line}\n{line}\n-----END PRIVATE KEY-----\n");
        assert_eq!(found(&text).len(), 1);
    }

    #[test]
    fn tokens_told_by_their_prefix_are_found_in_prose_and_config() {
        let body = "h8s6B5svMGKXc6eaVU51xyFlFqwZqa";
        let npm = format!("npm_{body}{}", github_checksum(body));
        let sendgrid = "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";
        let slack = "xoxb-2847561930-4829301746521-Qw8ZpL2mXk9RtY4vBn6sHj3D";
        let stripe = "sk_live_51Hq8ZpL2mXk9RtY4vBn6sHj3Dw7Fc";
        let openai = "sk-proj-Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0Oi_Tz4Lm8Nb2Vc6Xs";
        let google = "AIzaSyD8Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge";
        let gcloud = "ya29.a0AfB_byC8Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6Xs-0171";
        for (text, token) in [
            (format!("The SendGrid key used by the notebook is {sendgrid}."), sendgrid.to_string()),
            (format!("npm の publish に使っているトークンは {npm} です。"), npm.clone()),
            (format!("//registry.npmjs.org/:_authToken={npm}\n"), npm.clone()),
            (format!("Slack 通知のボット トークン（{slack}）が失効しました。"), slack.to_string()),
            (format!("STRIPE={stripe}\n"), stripe.to_string()),
            (format!("client = OpenAI(api_key=\"{openai}\")\n"), openai.to_string()),
            (format!("<script src=\"https://maps.googleapis.com/maps/api/js?key={google}\"></script>\n"), google.to_string()),
            (format!("$ gcloud auth print-access-token\n{gcloud}\n"), gcloud.to_string()),
            (
                "\"client_secret\": \"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\"".to_string(),
                "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".to_string(),
            ),
            (
                "Runner を登録したときのトークン glrt-Qw8ZpL2mXk9RtY4vBn6s を貼ります。".to_string(),
                "glrt-Qw8ZpL2mXk9RtY4vBn6s".to_string(),
            ),
            (
                "gitlab-runner register --registration-token GR1348941Qw8ZpL2mXk9RtY4vBn6s\n".to_string(),
                "GR1348941Qw8ZpL2mXk9RtY4vBn6s".to_string(),
            ),
            (
                "GROQ=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\n".to_string(),
                "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".to_string(),
            ),
            (
                "The gem push failed with rubygems_0123456789abcdef0123456789abcdef0123456789abcdef.".to_string(),
                "rubygems_0123456789abcdef0123456789abcdef0123456789abcdef".to_string(),
            ),
        ] {
            assert!(found(&text).contains(&token.as_str()), "{text}: {:?}", found(&text));
        }
        for text in [
            // A checksum that does not hold, placeholders, names that share a prefix.
            "npm_h8s6B5svMGKXc6eaVU51xyFlFqwZqa000000\n",
            "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
            "disk-Standard-LRS-premium-ssd-managed-japaneast-vm01-osdisk\n",
            "task-runner-2026-12-01-nightly-build-artifacts-upload-step\n",
            "key: AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n",
            "msg.SG.reply handled\n",
            "GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
            "the glrt- prefix marks runner tokens; gsk_ marks Groq keys\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn an_identifiable_key_escaped_by_a_dotnet_json_writer_is_found_as_written() {
        let key = "Qw8ZpL2mXk+9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3D+AStLm8Nb2==";
        let escaped = key.replace('+', "\\u002B");
        for text in [
            format!("{{\"blob\":\"{escaped}\"}}"),
            format!("{{\"blob\":\"{}\"}}", escaped.replace("\\u002BASt", "+ASt")),
            format!("logged: {}", escaped.replace("\\u002B9", "\\u002b9")),
        ] {
            let written = text.split(['"', ' ']).find(|w| w.len() > 80).unwrap();
            assert_eq!(found(&text), [written], "{text}");
        }
        // An escaped `+` in base64 without a signature is no key.
        let text = "{\"etag\":\"Qw8ZpL2mXk\\u002B9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6X\"}";
        assert!(found(text).is_empty());
    }

    #[test]
    fn values_published_for_testing_are_no_secrets() {
        // Documented test cards, in the shapes people paste them; a real-looking card
        // beside them is still one.
        for text in [
            "Pay with Stripe's test card 4242 4242 4242 4242, any future expiry.\n",
            "テストカード番号：4111-1111-1111-1111（有効期限は任意）\n",
            "card_number: 5555555555554444\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(
            found("test card 4242 4242 4242 4242 works, card 5280 3105 0711 0933 does not\n"),
            ["5280 3105 0711 0933"]
        );
        // jwt.io's sample token, and a token of the same shape that is not it.
        let sample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        assert!(found(&format!("Authorization: Bearer {sample}\n")).is_empty());
        let other = sample.replace("SflKx", "Qm8Zt");
        assert_eq!(
            found(&format!("Authorization: Bearer {other}\n")),
            [other.as_str()]
        );
    }

    #[test]
    fn cards_in_a_table_whose_header_names_them_many_rows_above() {
        // TSV from Excel, Japanese header; the masked row between stays silent.
        let text = "No\t氏名\tカード番号\t有効期限\n1\tテスト 太郎\t5280310507110933\t12/28\n\
                    2\tテスト 花子\t4111-xxxx-xxxx-1111\t01/29\n3\tテスト 次郎\t4539578763621486\t03/27\n\
                    4\tテスト 三郎\t4916338506082832\t05/30\n";
        assert_eq!(
            found(text),
            ["5280310507110933", "4539578763621486", "4916338506082832"]
        );
        // A Markdown table, English header.
        let text = "| # | Customer | Card No. | Result |\n|---|---|---|---|\n| 1 | Test A | 6011000491394270 | OK |\n\
                    | 2 | Test B | n/a | NG |\n| 3 | Test C | 4485275742308327 | timeout |\n";
        assert_eq!(found(text), ["6011000491394270", "4485275742308327"]);
        // Order numbers in a table that names no card, and a card word outside the table.
        let text = "決済テストの結果です。\n\n注文番号\t金額\t状態\n1\t1000\t完了\n2\t2000\t完了\n\
                    4539578763621486\t3000\t保留\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn recovery_keys_with_hyphens_or_spaces() {
        let groups: Vec<String> = [12345u32, 6789, 40000, 1, 65535, 22222, 31337, 4242]
            .iter()
            .map(|g| format!("{:06}", g * 11))
            .collect();
        for sep in ["-", " "] {
            let key = groups.join(sep);
            for text in [
                format!("回復キーは {key} です。\n"),
                format!("    Password:\n      {key}\n"),
            ] {
                assert_eq!(found(&text), [key.as_str()], "{text}");
            }
            // Groups that are no multiples of 11: numbers, not a key.
            let other = key.replace("135795", "135796");
            assert!(found(&format!("回復キーは {other} です。\n")).is_empty());
        }
    }

    #[test]
    fn an_entra_secret_url_encoded_in_a_form_body_is_found_whole() {
        let text = "\"body\":\"grant_type=client_credentials\\u0026client_secret=PqZ8Q%7E.L_qWQPKpGssVKwjzCPfUhqNLS1AgOKLk.\\u0026scope=x\"";
        assert_eq!(found(text), ["PqZ8Q%7E.L_qWQPKpGssVKwjzCPfUhqNLS1AgOKLk."]);
        let text = "curl -d \"client_secret=Ab18Q%7ePqWQPKpGssVKwjzCPfUhq%7ELS1AgOKLk&grant_type=client_credentials\"";
        assert_eq!(found(text), ["Ab18Q%7ePqWQPKpGssVKwjzCPfUhq%7ELS1AgOKLk"]);
    }

    fn pat(seed: u8) -> String {
        let mut b: Vec<u8> = (0..28u8)
            .map(|i| i.wrapping_mul(37).wrapping_add(seed))
            .collect();
        b.extend(crc32(&b).to_le_bytes());
        base32_encode(&b)
    }

    fn pats(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        devops_pats(text, 0..text.len(), &mut out);
        out.iter().map(|f| &text[f.range.clone()]).collect()
    }

    proptest::proptest! {
        // The block skipping of `payment_cards` reads exactly the runs that the plain
        // reading of every digit run finds something in.
        #[test]
        fn skipping_short_digit_runs_finds_what_reading_them_all_finds(
            text in "([0-9]{1,5}|[ -]|[a-f]|\\n|=|カ|4111111111111111|378282246310005|4111 1111 1111 111|card ){0,60}"
        ) {
            let opts = Options::default();
            let (mut fast, mut plain) = (Vec::new(), Vec::new());
            payment_cards(&text, 0..text.len(), &opts, &mut fast);
            digit_runs(&text, 0..text.len(), &opts, &mut plain);
            proptest::prop_assert_eq!(fast, plain);
        }
    }

    #[test]
    fn digit_and_separator_masks_agree_with_bytewise_tests() {
        for c in 0..=255u8 {
            for k in 0..8 {
                let mut word = [b'x'; 8];
                word[k] = c;
                let (d, s) = digits_and_separators(u64::from_le_bytes(word));
                assert_eq!(d, u64::from(c.is_ascii_digit()) << k, "{c} at {k}");
                assert_eq!(s, u64::from(c == b' ' || c == b'-') << k, "{c} at {k}");
            }
        }
    }

    #[test]
    fn a_pat_is_a_whole_word_of_52_base32_characters_wherever_it_stands() {
        let p = pat(1);
        assert_eq!(p.len(), 52);
        for text in [
            p.clone(),
            format!("PAT: {p}"),
            format!("https://{p}@dev.azure.com/org"),
            format!("{}\n{p}\nnext", "x".repeat(70)),
            format!("a b c d e f {p}."),
        ] {
            assert_eq!(pats(&text), [p.as_str()], "{text}");
        }
        // Longer words, or words glued to letters, digits or `_`, are no PAT.
        for text in [
            format!("{p}a"),
            format!("A{p}"),
            format!("_{p}"),
            format!("{p}9"),
        ] {
            assert!(pats(&text).is_empty(), "{text}");
        }
        // Two in a row, one byte apart.
        let q = pat(2);
        assert_eq!(pats(&format!("{p} {q}")), [p.as_str(), q.as_str()]);
    }

    #[test]
    fn a_wifi_qr_text_holds_the_network_key_in_its_p_field() {
        for (text, key) in [
            (
                "The text in the QR is WIFI:T:WPA;S:Contoso-Staff;P:Gr33n-Lobby!7;; - same key?",
                "Gr33n-Lobby!7",
            ),
            (
                "来客用 QR の中身：WIFI:S:Guest-5F;T:WPA;P:kaiGi\\;2026x;H:false;;",
                "kaiGi\\;2026x",
            ),
            ("wifi:p:Tsuru#88aa;s:office;;", "Tsuru#88aa"),
        ] {
            assert_eq!(found(text), [key], "{text}");
        }
        for text in [
            "WIFI:T:WPA;S:Contoso-Staff;P:<password>;;",
            "Wifi: the guest network P:1 is down",
            "WIFI:T:nopass;S:Lobby;;",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
