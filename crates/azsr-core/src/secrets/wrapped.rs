//! Layer 1 (wrapped): credentials inside base64 — a Kubernetes Secret's
//! `.dockerconfigjson` and `tls.key`, a base64 JSON, JWT, PEM block or connection string.
//! A blob is decoded where it starts with the base64 of how such text starts (`{"`,
//! `-----BEGIN`, `eyJ`, `Server=`, `postgres://`, …), and the decoded text is scanned as
//! any text is; a secret inside makes the whole blob one. A DER body in base64 (a
//! `.pfx`, a private key without its PEM armour) is told by its first ASN.1 fields.

use std::ops::Range;

use super::bytes::{at, line_end, line_start};
use super::checksum::base64_decode;
use super::value::{classify, is_placeholder, looks_like_password, looks_random, Class};
use super::{merge, Finding, Kind, Options};

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
    // `https:`, `http:/` (a SAS URL, a URL with a password), `AccountName=`, `sv=202`
    // (a SAS token alone)
    "aHR0cHM6",
    "aHR0cDov",
    "QWNjb3VudE5hbWU9",
    "c3Y9MjAy",
    "P3N2PTIw",
    // `postgres`, `mongodb`, `mysql://`, `redis`, `amqps://`, `jdbc:`
    "cG9zdGdyZX",
    "bW9uZ29kY",
    "bXlzcWw6Ly",
    "cmVkaX",
    "YW1xcHM6Ly",
    "amRiYz",
    // `AccountEndpoint=` (Cosmos DB), `BlobEndpoint=`, `SharedAccessSignature=`,
    // `Driver=`, `Provider=`, `Password=`, `password=`, `User ID=`
    "QWNjb3VudEVuZHBvaW50P",
    "QmxvYkVuZHBvaW50P",
    "U2hhcmVkQWNjZXNzU2lnbmF0dXJlP",
    "RHJpdmVyP",
    "UHJvdmlkZXI9",
    "UGFzc3dvcmQ9",
    "cGFzc3dvcmQ9",
    "VXNlciBJRD",
    // `{ "`, `[{"`, `[\n  {` (JSON written with spaces, arrays of objects)
    "eyAi",
    "W3si",
    "WwogIH",
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
    // Inside a longer blob, not its start. An `=` before is a separator (`X_B64=…`), and
    // so is a `/` or `-` (a path, a name): an anchor met by chance inside random base64
    // is rare and its decoding would hold no secret.
    if start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'+') {
        return;
    }
    if !ANCHORS.contains(&&text[hit.clone()]) && &b[hit.clone()] != b"eyJ" {
        return;
    }
    whole_blob(text, start, opts, out);
}

/// The base64 of a Microsoft Entra client secret (`abc8Q~…`): its `8Q~` is always
/// `OFF+` at the blob's fifth character (`N2hnOFF+cDdp…`), whatever the name it is
/// kept under (`const 値 = "…"`, `data: …`).
pub(crate) const ENTRA_ANCHOR: &str = "OFF+";

/// `hit` on [`ENTRA_ANCHOR`]: the blob starting four characters before it, decoded and
/// scanned.
pub(crate) fn entra_blob(text: &str, hit: Range<usize>, opts: &Options, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    if hit.start < 4 || &b[hit.clone()] != ENTRA_ANCHOR.as_bytes() {
        return;
    }
    let start = hit.start - 4;
    if !b[start..hit.start].iter().all(|&c| b64(c))
        || start > 0 && (b64(b[start - 1]) || b[start - 1] == b'=')
    {
        return;
    }
    whole_blob(text, start, opts, out);
}

/// The blob starting at `start`: the whole of it when its decoded text holds a secret.
fn whole_blob(text: &str, start: usize, opts: &Options, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
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

/// How far a Kubernetes Secret's `kind: Secret` is looked for around its `data:` block,
/// and how many entries of the block are read (within [`super::memo::REACH_LINES`]).
const SECRET_KIND_LINES: usize = 40;
const MAX_DATA_LINES: usize = 200;

/// Key words of a Secret's entries that hold no secret: who and where (a user name, a
/// host, a port, a database), and public certificates.
const PLAIN_ENTRY_WORDS: &[&str] = &[
    "user",
    "username",
    "login",
    "host",
    "hostname",
    "port",
    "database",
    "dbname",
    "db",
    "name",
    "namespace",
    "url",
    "uri",
    "endpoint",
    "server",
    "region",
    "location",
    "email",
    "mail",
    "crt",
    "cer",
    "cert",
    "certificate",
    "ca",
    "pub",
    "truststore",
    "id",
    "clientid",
    "tenantid",
    "subscriptionid",
    "domain",
    "path",
    "mode",
];

/// A Kubernetes Secret's `data:` (base64) or `stringData:` block, `hit` on its `data:`:
/// every entry whose key names no plain value (a user, a host, a public certificate) and
/// whose value, decoded, is a secret (holds one, or is random or password-shaped) —
/// whatever the key is called (`API_SIGNING`, `config.json`, `.env`).
pub(crate) fn secret_data(text: &str, hit: Range<usize>, opts: &Options, out: &mut Vec<Finding>) {
    let ls = line_start(text, hit.start);
    let le = line_end(text, hit.start);
    let line = &text[ls..le];
    let label = line.trim();
    let base64 = match label {
        "data:" => true,
        "stringData:" => false,
        _ => return,
    };
    let indent = line.len() - line.trim_start().len();
    if !in_secret(text, ls) {
        return;
    }
    let mut p = le;
    for _ in 0..MAX_DATA_LINES {
        if p >= text.len() {
            break;
        }
        let s = p + 1;
        let e = line_end(text, s);
        p = e;
        let entry = &text[s..e];
        let body = entry.trim_start();
        if body.trim().is_empty() {
            continue;
        }
        if entry.len() - body.len() <= indent {
            break;
        }
        let Some(colon) = body.find(": ") else {
            continue;
        };
        let key = body[..colon].trim_matches(['"', '\'']);
        let raw = uncommented(body[colon + 2..].trim_end());
        let value = raw.trim_matches(['"', '\'']);
        if value.len() < 8 || value.contains(' ') {
            continue;
        }
        let vs = s
            + (entry.len() - body.len())
            + colon
            + 2
            + (raw.len() - raw.trim_start_matches(['"', '\'']).len());
        if secret_entry(key, value, base64, opts) {
            out.push(Finding {
                range: vs..vs + value.len(),
                kind: if classify(key) == Some(Class::Password) {
                    Kind::Password
                } else {
                    Kind::Secret
                },
            });
        }
    }
}

/// A YAML value without the comment after it (`"…"   # ← アプリ側は /mnt/secrets/value を
/// 読む`, `abc123  # rotated`): a quoted value ends at its quote, a plain one at ` #`.
fn uncommented(raw: &str) -> &str {
    if let Some(q) = raw.chars().next().filter(|c| matches!(c, '"' | '\'')) {
        return match raw[1..].find(q) {
            Some(close) => &raw[..close + 2],
            None => raw,
        };
    }
    raw.find(" #").map_or(raw, |i| raw[..i].trim_end())
}

/// Whether a `kind: Secret` line lies within [`SECRET_KIND_LINES`] lines of `ls`, or
/// the command printing it (`kubectl get secret`) above.
fn in_secret(text: &str, ls: usize) -> bool {
    let mut up = ls;
    for _ in 0..SECRET_KIND_LINES {
        if up == 0 {
            break;
        }
        up = line_start(text, up - 1);
        let l = &text[up..line_end(text, up)];
        if l.trim() == "kind: Secret" || l.contains("get secret") {
            return true;
        }
    }
    let mut down = ls;
    for _ in 0..SECRET_KIND_LINES {
        let e = line_end(text, down);
        if e >= text.len() {
            break;
        }
        down = e + 1;
        if text[down..line_end(text, down)].trim() == "kind: Secret" {
            return true;
        }
    }
    false
}

/// Whether an entry of a Secret's block holds a secret.
fn secret_entry(key: &str, value: &str, base64: bool, opts: &Options) -> bool {
    let decoded = if base64 {
        match base64_decode(value) {
            Some(d) => d,
            None => return false,
        }
    } else {
        value.as_bytes().to_vec()
    };
    let Ok(inner) = std::str::from_utf8(&decoded) else {
        // Binary: a random key (32 bytes of an encryption key); not a keystore of
        // public certificates.
        return decoded.len() >= 16 && !plain_entry(key);
    };
    let mut found = Vec::new();
    super::scan_nested(inner, opts, &mut found);
    if !found.is_empty() {
        return true;
    }
    let t = inner.trim();
    // Structured text (JSON, XML, a list) names its secrets, and none was found in it:
    // feature flags, settings.
    if t.starts_with(['{', '[', '<']) {
        return false;
    }
    !plain_entry(key)
        && !is_placeholder(t)
        && !t.contains("://")
        && !t.contains(char::is_whitespace)
        && (looks_like_password(t) || looks_random(t, 16))
}

/// Whether a Secret's key names a plain value (see [`PLAIN_ENTRY_WORDS`]).
fn plain_entry(key: &str) -> bool {
    if classify(key).is_some() {
        return false;
    }
    key.split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(split_camel)
        .any(|w| PLAIN_ENTRY_WORDS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// `clientId` → `client`, `Id`; `DB_HOST` stays one word per `_`-part.
fn split_camel(w: &str) -> impl Iterator<Item = &str> {
    let b = w.as_bytes();
    let mut cuts = vec![0];
    for i in 1..b.len() {
        if b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() {
            cuts.push(i);
        }
    }
    cuts.push(b.len());
    (0..cuts.len() - 1).map(move |i| &w[cuts[i]..cuts[i + 1]])
}

/// Where markup wraps or escapes values: character references (an XML or HTML text
/// escaped into an attribute or a JSON string: `value=&quot;…&quot;`) and the inline
/// and cell tags of an HTML mail or page (`パスワード：<b>…</b>`, `<td>…</td>`).
pub(crate) const MARKUP_ANCHORS: &[&str] = &[
    "&quot;", "&#34;", "&#x22;", "&apos;", "&#39;", "&lt;", "&gt;", "&amp;", "<b>", "<strong>",
    "<code>", "<kbd>", "<tt>", "<samp>", "<em>", "<i>", "<u>", "<mark>", "<font", "<span", "<td",
    "<th", "<br", "<p>", "<div", "<li>", // Quoted-printable mail source: `=3D`, and the
    // lead bytes of Japanese in UTF-8.
    "=3d", "=e3=", "=e4=", "=e5=", "=e6=", "=e7=", "=e8=", "=e9=",
];

/// A character reference at `i` (`&quot;`, `&#34;`, `&#x22;`, …): its length and the
/// ASCII character it stands for.
fn reference_at(text: &str, i: usize) -> Option<(usize, u8)> {
    let rest = text.get(i..(i + 10).min(text.len())).unwrap_or(&text[i..]);
    let semi = rest.find(';')?;
    let c = match &rest[1..semi] {
        "quot" => b'"',
        "apos" => b'\'',
        "lt" => b'<',
        "gt" => b'>',
        "amp" => b'&',
        "nbsp" => b' ',
        n => {
            let code = match n.strip_prefix("#x").or_else(|| n.strip_prefix("#X")) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.strip_prefix('#')?.parse().ok()?,
            };
            u8::try_from(code).ok().filter(u8::is_ascii)?
        }
    };
    Some((semi + 1, c))
}

/// A tag at `i` (`<b>`, `</td>`, `<span class="x">`): its length, and whether it
/// separates cells or blocks (read as a space) rather than wrapping a word.
fn tag_at(text: &str, i: usize) -> Option<(usize, bool)> {
    let b = text.as_bytes();
    let mut n = i + 1;
    if at(text, n) == b'/' {
        n += 1;
    }
    let name_start = n;
    while n < b.len() && b[n].is_ascii_alphanumeric() && n - name_start < 8 {
        n += 1;
    }
    let name = text[name_start..n].to_ascii_lowercase();
    const TAGS: &[&str] = &[
        "b", "strong", "code", "kbd", "tt", "samp", "em", "i", "u", "mark", "font", "span", "td",
        "th", "br", "p", "div", "li", "tr", "a",
    ];
    if !TAGS.contains(&name.as_str()) {
        return None;
    }
    let close = n + memchr::memchr(b'>', &b[n..b.len().min(n + 200)])?;
    let block = matches!(
        name.as_str(),
        "td" | "th" | "br" | "p" | "div" | "li" | "tr"
    );
    Some((close + 1 - i, block))
}

/// The line at `hit` read as its markup means it: tags dropped (a cell's or block's as
/// a space), and, with `references`, character references replaced by what they stand
/// for, and with `quoted_printable`, a mail's `=XX` escapes too. Each byte of the result
/// maps to the bytes of the line it came from.
fn unwrap_markup(
    text: &str,
    ls: usize,
    le: usize,
    references: bool,
    quoted_printable: bool,
) -> (String, Vec<Range<usize>>) {
    let b = text.as_bytes();
    let mut plain = Vec::with_capacity(le - ls);
    let mut from = Vec::with_capacity(le - ls);
    let mut i = ls;
    let hex = |c: u8| (c as char).to_digit(16);
    while i < le {
        if quoted_printable && b[i] == b'=' && i + 2 < le {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                plain.push((h * 16 + l) as u8);
                from.push(i..i + 3);
                i += 3;
                continue;
            }
        }
        if b[i] == b'&' && references {
            if let Some((len, c)) = reference_at(text, i).filter(|(len, _)| i + len <= le) {
                plain.push(c);
                from.push(i..i + len);
                i += len;
                continue;
            }
        }
        if b[i] == b'<' {
            if let Some((len, block)) = tag_at(text, i).filter(|(len, _)| i + len <= le) {
                if block {
                    plain.push(b' ');
                    from.push(i..i + len);
                }
                i += len;
                continue;
            }
        }
        plain.push(b[i]);
        from.push(i..i + 1);
        i += 1;
    }
    // Invalid UTF-8 (a line of quoted-printable cut inside a character) reads nothing.
    (String::from_utf8(plain).unwrap_or_default(), from)
}

/// A line wrapped or escaped in markup, `hit` on its first markup anchor: the secrets in
/// its text with tags dropped (`<b>P@ss&amp;w0rd</b>` keeps its references, as the value
/// was typed so), and in its text with references undone too (`value=&quot;…&quot;`).
pub(crate) fn markup(text: &str, hit: Range<usize>, opts: &Options, out: &mut Vec<Finding>) {
    let ls = line_start(text, hit.start);
    let le = line_end(text, hit.start);
    // Once per line: from its first anchor.
    let b = text.as_bytes();
    let earlier = (ls..hit.start).any(|i| {
        matches!(b[i], b'&' | b'<' | b'=')
            && MARKUP_ANCHORS.iter().any(|a| {
                text.get(i..i + a.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(a))
            })
    });
    if earlier || hit.start >= le {
        return;
    }
    let lower = text[ls..le].to_ascii_lowercase();
    let quoted_printable = MARKUP_ANCHORS
        .iter()
        .filter(|a| a.starts_with('='))
        .any(|a| lower.contains(a));
    let mut passes = vec![(false, false), (true, false)];
    if quoted_printable {
        passes.push((true, true));
    }
    for (references, qp) in passes {
        let (plain, from) = unwrap_markup(text, ls, le, references, qp);
        if plain.is_empty() || plain.len() == le - ls {
            continue;
        }
        let mut found = Vec::new();
        super::scan_nested(&plain, opts, &mut found);
        for f in found {
            if f.range.start >= f.range.end || f.range.end > from.len() {
                continue;
            }
            out.push(Finding {
                range: from[f.range.start].start..from[f.range.end - 1].end,
                kind: f.kind,
            });
        }
    }
}

/// How the base64 of a DER structure starts: `0x30 0x82` (`MII`), `0x30 0x81` (`MIG`),
/// `0x30 0x77` (`MHc`, an EC key of 32 bytes); exact case (the anchors match any case).
pub(crate) const DER_ANCHORS: &[&str] = &["MII", "MIG", "MHc"];

/// The shortest DER body read as a key: a P-256 EC key is 121 bytes (164 characters);
/// shorter runs are hashes or IDs that happen to start alike.
const MIN_DER_CHARS: usize = 160;

/// A base64 DER body starting at `hit` that holds a private key: a PKCS#12 bundle
/// (version 3), a PKCS#8 key (version 0 and an algorithm), a PKCS#1 RSA key (version 0
/// and the modulus), an EC key (version 1 and the key), an encrypted PKCS#8 key (a
/// PKCS#5 or PKCS#12 algorithm). A certificate (a SEQUENCE first) is public.
pub(crate) fn der(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let start = hit.start;
    if !DER_ANCHORS.contains(&&text[hit.clone()]) || start > 0 && b64(b[start - 1]) {
        return;
    }
    let end = wrapped_run(text, start);
    if end - start < MIN_DER_CHARS {
        return;
    }
    let Some(head) = base64_decode(&text[start..start + 32]) else {
        return;
    };
    if private_key_der(&head) {
        out.push(Finding {
            range: start..end,
            kind: Kind::PrivateKey,
        });
    }
}

/// The end of the base64 run starting at `start`, padding included, continued over the
/// lines of a body wrapped at a fixed width (64 or 76 characters: `certutil -encode`,
/// `base64` without `-w0`, `InsertLineBreaks`), each line as wide as the first but the
/// last.
fn wrapped_run(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let limit = b.len().min(start + MAX_BLOB);
    let run = |from: usize| {
        let mut e = from;
        while e < limit && b64(b[e]) {
            e += 1;
        }
        while e < limit && b[e] == b'=' {
            e += 1;
        }
        e
    };
    let mut end = run(start);
    let width = end - start;
    if !matches!(width, 64 | 76) {
        return end;
    }
    loop {
        let next = match (at(text, end), at(text, end + 1)) {
            (b'\n', _) => end + 1,
            (b'\r', b'\n') => end + 2,
            _ => return end,
        };
        let e = run(next);
        let eol = matches!(at(text, e), b'\n' | b'\r' | 0);
        if e == next || e - next > width || !eol {
            return end;
        }
        end = e;
        if e - next < width {
            return end;
        }
    }
}

/// Whether `d` (the first bytes of a DER body) starts a private key or a PKCS#12 bundle.
fn private_key_der(d: &[u8]) -> bool {
    // The outer SEQUENCE's length: short form, or 0x81/0x82 and one or two bytes.
    let body = match d.get(1) {
        Some(0x81) => 3,
        Some(0x82) => 4,
        Some(n) if *n < 0x80 => 2,
        _ => return false,
    };
    let Some(rest) = d.get(body..) else {
        return false;
    };
    const PKCS5_OR_12: &[u8] = &[0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01];
    match rest {
        // PFX (version 3), PKCS#8 (version 0, AlgorithmIdentifier), PKCS#1 (version 0,
        // INTEGER modulus), SEC1 EC (version 1, OCTET STRING).
        [0x02, 0x01, 0x03, 0x30, ..]
        | [0x02, 0x01, 0x00, 0x30 | 0x02, ..]
        | [0x02, 0x01, 0x01, 0x04, ..] => true,
        // EncryptedPrivateKeyInfo: SEQUENCE { SEQUENCE { OID pbes2 / pbeWithSHAAnd… } }.
        [0x30, l, ..] => {
            let at = if *l < 0x80 {
                2
            } else {
                2 + (*l & 0x7F) as usize
            };
            rest.get(at..).is_some_and(|r| {
                r.starts_with(PKCS5_OR_12) && matches!(r.get(PKCS5_OR_12.len()), Some(0x05 | 0x0C))
            })
        }
        _ => false,
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
    fn base64_of_connection_strings_and_spaced_json_is_decoded() {
        let key = "Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA==";
        for plain in [
            format!("AccountEndpoint=https://c1.documents.azure.com:443/;AccountKey={key};"),
            "Driver={ODBC Driver 18 for SQL Server};Server=tcp:s1;Uid=app;Pwd=Kq9zzPw7x2LmQ4;"
                .to_string(),
            r#"[{"name":"db","password":"Kq9zzPw7x2LmQ4"}]"#.to_string(),
            r#"{ "clientId": "x", "clientSecret": "Kq9zzPw7x2LmQ4Rt8ZpQw" }"#.to_string(),
            "amqps://app:Kq9zzPw7x2LmQ4@mq.example.jp:5671/".to_string(),
        ] {
            let blob = base64_encode(plain.as_bytes());
            let text = format!("CONFIG_B64={blob}\n");
            let found = scan(&text);
            assert_eq!(found.len(), 1, "{plain}: {found:?}");
            assert_eq!(text[found[0].range.clone()], blob);
        }
    }

    #[test]
    fn base64_without_a_secret_inside_is_left() {
        for plain in [
            &br#"{"auth_typ":"aad","claims":[{"typ":"name","val":"Taro"}]}"#[..],
            b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            b"Server=tcp:sql1;Authentication=Active Directory Default;",
            br#"[{"name":"db","enabled":true}]"#,
            b"Driver={ODBC Driver 18 for SQL Server};Server=tcp:s1;Authentication=ActiveDirectoryMsi;",
        ] {
            let text = format!("x: {}", base64_encode(plain));
            assert!(scan(&text).is_empty(), "{text}");
        }
    }

    /// A DER body: the outer SEQUENCE with a two-byte length, `head`, then filler.
    fn der(head: &[u8]) -> String {
        let mut d = vec![0x30, 0x82, 0x04, 0x00];
        d.extend_from_slice(head);
        d.extend((0..1020u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
        base64_encode(&d)
    }

    #[test]
    fn der_bodies_holding_a_private_key_are_found_and_certificates_left() {
        let pfx = der(&[0x02, 0x01, 0x03, 0x30, 0x82, 0x03, 0x00]);
        let pkcs8 = der(&[0x02, 0x01, 0x00, 0x30, 0x0D, 0x06, 0x09]);
        let cert = der(&[0x30, 0x82, 0x03, 0x00, 0xA0, 0x03, 0x02, 0x01, 0x02]);
        for (body, kind) in [
            (&pfx, Some(Kind::PrivateKey)),
            (&pkcs8, Some(Kind::PrivateKey)),
            (&cert, None),
        ] {
            let text = format!("\"pfxBlob\": \"{body}\"\nKEY={body}\n");
            let found = scan(&text);
            assert_eq!(
                found.iter().map(|f| Some(f.kind)).collect::<Vec<_>>(),
                match kind {
                    Some(k) => vec![Some(k), Some(k)],
                    None => vec![],
                }
            );
            // Wrapped at 64 characters, as `certutil -encode` writes it: one finding over
            // every line.
            let lines: Vec<&str> = body
                .as_bytes()
                .chunks(64)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect();
            let text = format!(
                "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
                lines.join("\n")
            );
            let found = scan(&text);
            match kind {
                Some(_) => {
                    assert_eq!(found.len(), 1, "{found:?}");
                    assert_eq!(text[found[0].range.clone()].replace('\n', ""), **body);
                }
                None => assert!(found.is_empty(), "{found:?}"),
            }
        }
    }

    #[test]
    fn a_kubernetes_secret_entry_is_read_whatever_its_name() {
        let signing = base64_encode(b"Zk3uLq9XwA7pQ2rT5vY8bN1m");
        let host = base64_encode(b"sql-1.database.windows.net");
        let text = format!(
            "apiVersion: v1\nkind: Secret\ndata:\n  PARTNER_SIGNING: {signing}\n  DB_HOST: {host}\n  LOG_LEVEL: ZGVidWc=\n"
        );
        let found = scan(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(text[found[0].range.clone()], signing);
        // The same block in a ConfigMap is configuration.
        assert!(scan(&text.replace("kind: Secret", "kind: ConfigMap")).is_empty());
    }

    use super::super::found;

    #[test]
    fn values_wrapped_in_html_or_escaped_in_xml_are_found_as_written() {
        for (text, value) in [
            (
                "<p>初期パスワード：<b>Nagoya#ddk&quot;922</b></p>\n",
                "Nagoya#ddk&quot;922",
            ),
            (
                "<p>ログイン パスワード：<span style=\"color:red\">Sakura&amp;2026!</span></p>\n",
                "Sakura&amp;2026!",
            ),
            (
                "<p>Your temporary password is <strong>Kx9!mPq2Lz</strong></p>\n",
                "Kx9!mPq2Lz",
            ),
            (
                "{ \"name\": \"LegacyConfig\", \"value\": \"&lt;add key=&quot;SmtpPassword&quot; value=&quot;Harbor2648*&quot; /&gt;\" }\n",
                "Harbor2648*",
            ),
            (
                "&lt;add key=&#34;DbPassword&#34; value=&#34;Tz7!pQ2wLk&#34;/&gt;\n",
                "Tz7!pQ2wLk",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "<p>パスワードは<b>別途お送りします</b></p>\n",
            "\"v\": \"&lt;add key=&quot;SmtpPassword&quot; value=&quot;&quot; /&gt;\"\n",
            "<b>Password</b>: <i>(hidden)</i>\n",
            "<td>&lt;your-password&gt;</td>\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn quoted_printable_mail_source_is_decoded() {
        let key = "Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA=3D=3D";
        for (text, value) in [
            (
                format!("DefaultEndpointsProtocol=3Dhttps;AccountName=3Dst1;AccountKey=3D{key};EndpointSuffix=3Dcore.windows.net\n"),
                key,
            ),
            // 初期パスワード: in UTF-8, quoted-printable.
            (
                "<p>=E5=88=9D=E6=9C=9F=E3=83=91=E3=82=B9=E3=83=AF=E3=83=BC=E3=83=89: Kq9zzPw7x2</p>\n".to_string(),
                "Kq9zzPw7x2",
            ),
        ] {
            // The raw text's `AccountKey=` reads `3D…` too: a finding covers the value.
            let f = found(&text);
            assert!(f.len() == 1 && f[0].contains(value), "{text}: {f:?}");
        }
        // =E3=81=AF... is は; a line that says nothing secret.
        let text = "=E3=81=AF=E3=81=84 timeout=3D30 retries=3D5\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn structured_settings_in_a_secret_are_no_secret_unless_they_hold_one() {
        let flags = base64_encode(br#"{"newCheckout":true,"betaBanner":false}"#);
        let list = base64_encode(br#"["ja-JP","en-US","zh-CN"]"#);
        let xml = base64_encode(br#"<features><beta enabled="true"/></features>"#);
        let text = format!(
            "kind: Secret
data:
  FEATURE_FLAGS: {flags}
  locales.json: {list}
  features.xml: {xml}
"
        );
        assert!(scan(&text).is_empty(), "{:?}", scan(&text));
        let creds =
            base64_encode(br#"{"clientId":"app","clientSecret":"Zk3uLq9XwA7pQ2rT5vY8bN1m"}"#);
        let text = format!(
            "kind: Secret
data:
  creds.json: {creds}
"
        );
        let found = scan(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(text[found[0].range.clone()], creds);
    }

    #[test]
    fn the_base64_of_an_entra_client_secret_is_found_under_any_name() {
        let blob = "S3E0OFF+VmIzblp4N0xtUDJ3UnQ5WXNENGhKZjZHa0MxYUVvNXVJeQ==";
        for text in [
            format!("// 外部 API の資格情報（base64）\nconst 値 = \"{blob}\";\n"),
            format!("externalAuth:\n  data: {blob}\n"),
            format!("設定値 {blob} をデコードして使う\n"),
        ] {
            assert_eq!(super::super::found(&text), [blob], "{text}");
        }
        // Not the start of a blob, or another case.
        for text in [
            format!("x{blob}\n"),
            "turn it OFF+ON again\n".to_string(),
            "N2hnoff+cDdpZ1pnRFMxd25oR2pEdGZJQlE2\n".to_string(),
        ] {
            assert!(super::super::found(&text).is_empty(), "{text}");
        }
    }
}
