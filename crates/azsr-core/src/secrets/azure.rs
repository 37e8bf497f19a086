//! Layer 2: Azure and HTTP grammar that is not plain key–value: URL userinfo passwords
//! (`mongodb://`, `postgres://`, git remotes) and `Authorization` headers. Connection
//! string keys, SAS `sig`, `?code=` and the key headers go through [`super::keyvalue`].

use std::ops::Range;

use super::bytes::at;
use super::value::{basic_credentials, is_placeholder, looks_like_password, looks_random};
use super::{Finding, Kind};

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~' | b'+' | b'/' | b'=' | b'-' | b'%')
}

/// `scheme://user:password@host`: the password (or a token standing as the user).
pub(crate) fn url_userinfo(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut s = hit.start;
    while s > 0
        && hit.start - s < 20
        && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'+' | b'.' | b'-'))
    {
        s -= 1;
    }
    if s == hit.start {
        return;
    }
    let start = hit.end;
    let limit = b.len().min(start + 512);
    let mut i = start;
    let mut at_sign = None;
    while i < limit {
        match b[i] {
            b'@' => at_sign = Some(i),
            // `?` and `#` in a password written unencoded (`user:P?ss@host`): an `@`
            // follows before any path, query or space.
            b'?' | b'#' if at_sign.is_none() && userinfo_continues(&b[i + 1..limit]) => {}
            b'/' | b'?' | b'#' | b'"' | b'\'' | b'<' | b'>' | b'`' | b'\\' | b';' | b',' => break,
            x if x.is_ascii_whitespace() || x >= 0x80 => break,
            _ => {}
        }
        i += 1;
    }
    let Some(end) = at_sign else {
        return;
    };
    let info = &text[start..end];
    match info.find(':') {
        Some(c) => {
            let user = &info[..c];
            let pw = &info[c + 1..];
            let pw = pw.split('@').next().unwrap_or(pw);
            if pw.is_empty() || is_placeholder(pw) || pw.len() < 3 {
                return;
            }
            let kind = if looks_random(pw, 20)
                && matches!(
                    user.to_ascii_lowercase().as_str(),
                    "" | "x-access-token" | "oauth2" | "token" | "pat" | "git" | "x-token-auth"
                ) {
                Kind::Token
            } else {
                Kind::Password
            };
            out.push(Finding {
                range: start + c + 1..start + c + 1 + pw.len(),
                kind,
            });
        }
        None => {
            if looks_random(info, 20) && !is_placeholder(info) && !info.contains('.') {
                out.push(Finding {
                    range: start..end,
                    kind: Kind::Token,
                });
            }
        }
    }
}

/// Schemes and header labels written glued to an address (`mailto:taro@…`,
/// `Reply-To:support@…`): what follows their colon is a user, not a password.
const ADDRESS_LABELS: &[&str] = &[
    "mailto", "sip", "sips", "tel", "xmpp", "im", "smtp", "imap", "pop", "ldap", "ssh", "git",
    "http", "https", "ftp", "urn", "mid", "cid", "from", "to", "cc", "bcc", "reply-to", "replyto",
    "sender", "email", "e-mail", "mail",
];

/// `user:password@example.com` outside a URL (an e-mail field, `SMTP のアカウントは
/// notify:…@mail.contoso.co.jp`): the password, the `@` at `hit`.
pub(crate) fn address_userinfo(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let at_sign = hit.start;
    // The domain: labels with a dot between.
    let mut d = at_sign + 1;
    while d < b.len()
        && d - at_sign < 256
        && (b[d].is_ascii_alphanumeric() || matches!(b[d], b'-' | b'.'))
    {
        d += 1;
    }
    let domain = text[at_sign + 1..d].trim_end_matches('.');
    if !domain.contains('.') || domain.starts_with('.') {
        return;
    }
    // The password: back to a colon, no space, quote or bracket on the way.
    let mut c = at_sign;
    while c > 0
        && at_sign - c < 128
        && b[c - 1].is_ascii_graphic()
        && !matches!(
            b[c - 1],
            b':' | b'"' | b'\'' | b'`' | b'<' | b'>' | b'(' | b')' | b',' | b'/'
        )
    {
        c -= 1;
    }
    if c == 0 || b[c - 1] != b':' || c == at_sign {
        return;
    }
    let colon = c - 1;
    let mut u = colon;
    while u > 0
        && colon - u < 64
        && (b[u - 1].is_ascii_alphanumeric() || matches!(b[u - 1], b'.' | b'_' | b'+' | b'-'))
    {
        u -= 1;
    }
    let user = &text[u..colon];
    // The user starts a value (after a space, a quote, `=`, or a Japanese word); a URL's
    // userinfo (`//user:pw@`) is `url_userinfo`'s.
    let before = at(text, u.wrapping_sub(1));
    let starts_value = u == 0
        || before.is_ascii_whitespace()
        || matches!(before, b'"' | b'\'' | b'=' | b'(' | b'[' | b'<')
        || before >= 0x80;
    if user.is_empty()
        || !starts_value
        || ADDRESS_LABELS.iter().any(|l| user.eq_ignore_ascii_case(l))
    {
        return;
    }
    let pw = &text[c..at_sign];
    if is_placeholder(pw) || !(looks_like_password(pw) || looks_random(pw, 16)) {
        return;
    }
    out.push(Finding {
        range: c..at_sign,
        kind: Kind::Password,
    });
}

/// Whether an `@` comes in `rest` before anything that ends a URL's authority.
fn userinfo_continues(rest: &[u8]) -> bool {
    for &c in rest {
        match c {
            b'@' => return true,
            b'/' | b'=' | b'&' | b'"' | b'\'' | b'<' | b'>' => return false,
            c if c.is_ascii_whitespace() => return false,
            _ => {}
        }
    }
    false
}

fn token_after(text: &str, mut p: usize) -> Option<Range<usize>> {
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
    }
    let start = p;
    while p < text.len() && is_token_byte(at(text, p)) {
        p += 1;
    }
    (p > start).then_some(start..p)
}

/// `Bearer <token>` anywhere (headers, logs, curl).
pub(crate) fn bearer(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    if at(text, hit.start.wrapping_sub(1)).is_ascii_alphanumeric() || at(text, hit.end) != b' ' {
        return;
    }
    let Some(r) = token_after(text, hit.end) else {
        return;
    };
    let v = &text[r.clone()];
    if is_placeholder(v) || !(looks_random(v, 16) || v.len() >= 16 && v.contains('.')) {
        return;
    }
    out.push(Finding {
        range: r,
        kind: Kind::Token,
    });
}

/// `Authorization: Basic …`, `SharedKey account:signature`, or a bare token.
pub(crate) fn authorization(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let mut p = hit.end;
    while matches!(at(text, p), b'"' | b'\'' | b'\\' | b' ' | b'\t') {
        p += 1;
    }
    if !matches!(at(text, p), b':' | b'=') {
        return;
    }
    p += 1;
    while matches!(at(text, p), b'"' | b'\'' | b'\\' | b' ' | b'\t') {
        p += 1;
    }
    let Some(scheme) = token_after(text, p) else {
        return;
    };
    let word = text[scheme.clone()].to_ascii_lowercase();
    match word.as_str() {
        "basic" => basic_credentials_after(text, scheme.end, out),
        "sharedkey" | "sharedkeylite" => {
            // account:signature
            let Some(account) = token_after(text, scheme.end) else {
                return;
            };
            if at(text, account.end) != b':' {
                return;
            }
            let Some(sig) = token_after(text, account.end + 1) else {
                return;
            };
            let r = account.start..sig.end;
            let v = &text[r.clone()];
            if let Some(c) = v.rfind(':') {
                let sig = &v[c + 1..];
                if sig.len() >= 16 && !is_placeholder(sig) {
                    out.push(Finding {
                        range: r.start + c + 1..r.end,
                        kind: Kind::AccessKey,
                    });
                }
            }
        }
        "bearer" | "sharedaccesssignature" | "negotiate" | "ntlm" | "digest" => {}
        _ => {
            let v = &text[scheme.clone()];
            if looks_random(v, 24) && !is_placeholder(v) && !super::keyvalue::contains_sig(v) {
                out.push(Finding {
                    range: scheme,
                    kind: Kind::Token,
                });
            }
        }
    }
}

/// `Basic <base64 of user:password>` anywhere (an nginx `proxy_set_header`, a script's
/// headers, `git -c http.extraHeader=…`), the scheme word at `hit`.
pub(crate) fn basic_scheme(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    if at(text, hit.start.wrapping_sub(1)).is_ascii_alphanumeric() {
        return;
    }
    basic_credentials_after(text, hit.end, out);
}

/// The credentials token after `Basic` (at `p`), when it decodes to `user:password`.
fn basic_credentials_after(text: &str, p: usize, out: &mut Vec<Finding>) {
    let Some(r) = token_after(text, p) else {
        return;
    };
    if basic_credentials(&text[r.clone()]) {
        out.push(Finding {
            range: r,
            kind: Kind::BasicAuth,
        });
    }
}

/// Whether a cookie named `name` signs its bearer in: session and authentication cookies
/// (`.AspNetCore.Cookies` and its chunks, `.AspNetCore.Identity.Application`,
/// `.AspNetCore.Session`, `AppServiceAuthSession`, `ESTSAUTH…`, `.ASPXAUTH`, `JSESSIONID`);
/// not routing, analytics or one-time cookies (`ARRAffinity`, `ai_session`,
/// `.AspNetCore.Correlation.…`, `…Nonce…`, `…Antiforgery…`).
pub(crate) fn session_cookie(name: &str) -> bool {
    let n = name.trim().to_ascii_lowercase();
    let one_time = [
        "correlation",
        "nonce",
        // OAuth's `state` kept in a cookie (`oauth_state`, `oidc_state`): it ties a
        // sign-in's redirect to its start, and signs no one in.
        "state",
        "antiforgery",
        "affinity",
        "csrf",
        "xsrf",
        "verification",
    ];
    // Analytics that count visits by "session": Application Insights, Hotjar, Adobe,
    // Matomo, Google Analytics, Amplitude, Microsoft Advertising.
    let analytics = [
        "ai_",
        "_hj",
        "s_sess",
        "s_pers",
        "_pk_",
        "_ga",
        "amplitude",
        "_uet",
    ]
    .iter()
    .any(|p| n.starts_with(p));
    if analytics || one_time.iter().any(|w| n.contains(w)) {
        return false;
    }
    n.contains("session")
        || n.contains("sessid")
        || n.contains("auth")
        || n.contains("sso")
        || n == "rtfa"
        || n.contains("token")
        || n.contains("identity")
        || n.contains(".aspnetcore.cookies")
        || n == "sid"
        || n == "connect.sid"
        // WordPress's and others' sign-in cookies, "remember me" cookies (Laravel's
        // `remember_web_…`), Shibboleth's, Rails' and GitHub's `_…_sess`.
        || n.contains("logged_in")
        || n.contains("loggedin")
        || n.starts_with("wordpress_sec")
        || n.starts_with("remember_")
        || n.contains("shibsession")
        || n.ends_with("_sess")
        || n.ends_with("-sess")
        // Drupal's `SESS…` / `SSESS…` followed by a hash of the site.
        || n.strip_prefix("ssess")
            .or_else(|| n.strip_prefix("sess"))
            .is_some_and(|h| h.len() >= 16 && h.bytes().all(|c| c.is_ascii_hexdigit()))
}

/// Whether one of the two lines above the line at `ls` prints or names cookies
/// (`print(s.cookies.get_dict())` ⏎ `>>> {'session': '…'}`, `Cookies:` ⏎ `session …`).
fn cookies_printed_above(text: &str, ls: usize) -> bool {
    let mut p = ls;
    for _ in 0..2 {
        if p == 0 {
            return false;
        }
        p = super::bytes::line_start(text, p - 1);
        let line = text[p..super::bytes::line_end(text, p)].to_ascii_lowercase();
        if line.contains("cookie") || line.contains("クッキー") {
            return true;
        }
    }
    false
}

/// A tab-separated cookie row: a Netscape cookie file's line (`domain TRUE / TRUE 0
/// name value`, `#HttpOnly_` before the domain) or a browser's cookie table copied
/// (`name value domain / expiry …`): its layout says the names are cookies'.
fn cookie_row(line: &str) -> bool {
    let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
    if fields.len() < 4 {
        return false;
    }
    let flag = |f: &str| f == "TRUE" || f == "FALSE";
    let netscape = fields.len() >= 7
        && flag(fields[1])
        && fields[2].starts_with('/')
        && flag(fields[3])
        && fields[4].bytes().all(|c| c.is_ascii_digit());
    let devtools = fields
        .iter()
        .any(|f| f.starts_with('/') && !f.contains(' '))
        && fields
            .iter()
            .any(|f| f.contains('.') && !f.contains(' ') && !f.contains('/') && f.len() < 100);
    netscape || devtools
}

/// The value of a session cookie: long, plain ASCII, not a placeholder or a chunk count
/// (`chunks-2`).
fn cookie_value(v: &str) -> bool {
    v.len() >= 16 && v.is_ascii() && !is_placeholder(v) && !v.contains(' ')
}

/// `name=value; name=value` in `range` (a `Cookie:` header, `curl -b '…'`): the values
/// of session cookies.
fn cookie_pairs(text: &str, range: Range<usize>, out: &mut Vec<Finding>) {
    let mut offset = range.start;
    for pair in text[range].split(';') {
        let start = offset;
        offset += pair.len() + 1;
        let Some(eq) = pair.find('=') else {
            continue;
        };
        let raw = &pair[eq + 1..];
        // A value may stand in double quotes (RFC 6265: `JSESSIONID="…"`); it ends where
        // the header does, at a quote or a space after it (`-H 'Cookie: a=…' https://…`).
        let quote = usize::from(raw.len() > 2 && raw.starts_with('"'));
        let raw = &raw[quote..];
        let value = raw.trim_start();
        let value = &value[..value.find(['"', '\'', ' ', '\t']).unwrap_or(value.len())];
        if !session_cookie(&pair[..eq]) || !cookie_value(value) {
            continue;
        }
        let vstart = start + eq + 1 + quote + (raw.len() - raw.trim_start().len());
        out.push(Finding {
            range: vstart..vstart + value.len(),
            kind: Kind::SessionCookie,
        });
    }
}

/// `Cookie:` and `Set-Cookie:` headers: the values of session cookies.
pub(crate) fn cookie(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let le = super::bytes::line_end(text, hit.end);
    // In JSON (a HAR header's value) the header ends with its string.
    let end = text[hit.end..le]
        .find("\"")
        .filter(|_| text[..hit.start].ends_with('"'))
        .map_or(le, |p| hit.end + p);
    cookie_pairs(text, hit.end..end, out);
}

/// `curl -b 'name=value; …'`, `--cookie "…"`: the cookie string argument.
pub(crate) fn cookie_flag(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let (cmd, _) = super::commands::command_at(text, hit.start + 1);
    if !matches!(cmd.as_str(), "curl" | "http" | "https" | "xh" | "wget") {
        return;
    }
    let Some(v) = super::keyvalue::read_value(text, hit.end, false) else {
        return;
    };
    if v.quoted || text[v.range.clone()].contains('=') {
        cookie_pairs(text, v.range, out);
    }
}

/// A session cookie's name met anywhere (HAR `{"name": ".AspNetCore.Cookies", "value":
/// "…"}`, `document.cookie = "AppServiceAuthSession=…"`, a DevTools row
/// `ESTSAUTHPERSISTENT<TAB>value`, prose `.AspNetCore.Cookies の値は …`): its value.
pub(crate) fn cookie_name(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let name_byte = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-');
    let mut start = hit.start;
    while start > 0 && hit.start - start < 64 && name_byte(b[start - 1]) {
        start -= 1;
    }
    let mut end = hit.end;
    // B2C's SSO cookie names its tenant after a colon (`x-ms-cpim-sso:contoso.onmicrosoft.com_0`).
    let cpim = text[start..hit.end].eq_ignore_ascii_case("x-ms-cpim-");
    while end < b.len()
        && end - hit.end < 64
        && (name_byte(b[end]) || cpim && b[end] == b':' && name_byte(at(text, end + 1)))
    {
        end += 1;
    }
    // `Cookie: a=b; .AspNetCore.Cookies=…` is the header's.
    let ls = super::bytes::line_start(text, start);
    let line_before = text[ls..start].to_ascii_lowercase();
    if line_before.contains("cookie:") || !session_cookie(&text[start..end]) {
        return;
    }
    // A setting that signs sessions (`SESSION_SECRET`, `SESSION_KEY`,
    // `SESSION_PASSWORD`) is a key's name, not a cookie's: the key-value layer reads it.
    let lower = text[start..end].to_ascii_lowercase();
    if ["secret", "pass", "pwd"].iter().any(|w| lower.contains(w)) || lower.ends_with("key") {
        return;
    }
    // `session_id=…` in a log or telemetry is an identifier; a cookie's name says whose
    // session it is (`ASP.NET_SessionId`, `laravel_session`).
    let name = text[start..end].to_ascii_lowercase();
    // ... unless the line says it is a cookie (`{'Cookie': 'session=…'}`, `セッションクッキー:
    // session=…`).
    if !line_before.contains("cookie")
        && !line_before.contains("クッキー")
        && !cookie_row(&text[ls..super::bytes::line_end(text, end)])
        && !cookies_printed_above(text, ls)
        && matches!(
            name.as_str(),
            "session" | "session_id" | "session-id" | "session.id"
        )
    {
        return;
    }
    let value = match at(text, end) {
        b'=' => {
            let vs = end + 1;
            let mut ve = vs;
            while ve < b.len()
                && !matches!(
                    b[ve],
                    b';' | b'"' | b'\'' | b' ' | b'\t' | b'\n' | b'\r' | b',' | b'&'
                )
            {
                ve += 1;
            }
            Some(vs..ve)
        }
        // `Cookie(".AspNetCore.Cookies", "…")`, `{"AppServiceAuthSession": "…"}`, or HAR's
        // `{"name": "…", "value": "…"}`.
        b'"' | b'\'' => {
            let mut p = end + 1;
            while matches!(at(text, p), b' ' | b'\t') {
                p += 1;
            }
            super::keyvalue::follow_value(text, end + 1)
                .or_else(|| {
                    matches!(at(text, p), b',' | b':')
                        .then(|| super::keyvalue::read_value(text, p + 1, false))
                        .flatten()
                        .filter(|v| v.quoted)
                })
                .map(|v| v.range)
        }
        // A table row: `| .AspNetCore.Cookies | value |`.
        b' ' | b'|'
            if text[end..super::bytes::line_end(text, end)]
                .trim_start()
                .starts_with('|') =>
        {
            let le = super::bytes::line_end(text, end);
            let bar = end + text[end..le].find('|').unwrap_or(0);
            let cell = &text[bar + 1..le];
            let v = cell.split('|').next().unwrap_or("").trim();
            let vs = bar + 1 + cell.find(v).unwrap_or(0);
            Some(vs..vs + v.len())
        }
        // A row of a table aligned by spaces (DevTools' cookies copied as text: `Name
        // Value Domain …`): the name starts its line, the value is the next word.
        b' ' if at(text, end + 1) == b' ' && text[ls..start].trim().is_empty() => {
            let le = super::bytes::line_end(text, end);
            let vs = end + text[end..le].len() - text[end..le].trim_start().len();
            let ve = text[vs..le].find([' ', '\t']).map_or(le, |p| vs + p);
            Some(vs..ve)
        }
        b'\t' => {
            let vs = end + 1;
            let ve = text[vs..super::bytes::line_end(text, vs)]
                .find('\t')
                .map_or(super::bytes::line_end(text, vs), |p| vs + p);
            Some(vs..ve)
        }
        // A record listed one field a line (PowerShell's `Format-List`, MySQL's `\G`,
        // a YAML list of cookies): `Name : ASP.NET_SessionId` ⏎ `Value : …`.
        b'\n' | b'\r' | b' '
            if record_field(&text[ls..start], "name")
                && text[end..super::bytes::line_end(text, end)]
                    .trim()
                    .is_empty() =>
        {
            let next = super::bytes::line_end(text, end);
            let next = next + usize::from(at(text, next) == b'\r') + 1;
            let le = super::bytes::line_end(text, next.min(text.len()));
            (next < text.len() && text[end..next].trim().is_empty())
                .then(|| &text[next..le])
                .filter(|line| record_field(line.split([':', '=']).next().unwrap_or(""), "value"))
                .and_then(|line| line.find([':', '=']).map(|c| next + c + 1))
                .and_then(|from| super::keyvalue::read_value(text, from, false))
                .map(|v| v.range)
        }
        // Prose: the value in brackets after the name (`ESTSAUTHPERSISTENT（…）`).
        0xEF | b'(' if matches!(super::bytes::char_at(text, end), '（' | '(') => {
            let open = super::bytes::char_at(text, end).len_utf8();
            let le = super::bytes::line_end(text, end);
            let inner = &text[end + open..le];
            inner
                .find(['）', ')'])
                .map(|close| end + open..end + open + close)
                .filter(|r| !text[r.clone()].contains(' '))
        }
        _ => {
            // Prose: `.AspNetCore.Cookies）の値は …`, `… cookie value is …`.
            let mut p = end;
            while matches!(
                super::bytes::char_at(text, p),
                '）' | ')' | '」' | '`' | ' '
            ) && p - end < 8
            {
                p += super::bytes::char_at(text, p).len_utf8();
            }
            let rest = &text[p..];
            // Selenium's and Puppeteer's cookie maps: `{name=JSESSIONID, value=…}`.
            [
                "の値は",
                "の値：",
                "の値:",
                "の値 ",
                ": ",
                "：",
                ", value=",
                ", value: ",
            ]
            .iter()
            .find(|w| rest.starts_with(**w))
            .map(|w| p + w.len())
            .or_else(|| value_told_after(text, p))
            .and_then(|from| super::keyvalue::read_value(text, from, false))
            .map(|v| v.range)
        }
    };
    if let Some(r) = value.filter(|r| cookie_value(&text[r.clone()])) {
        out.push(Finding {
            range: r,
            kind: Kind::SessionCookie,
        });
    }
}

/// `before` is a record's field label `field` and its separator (`Name     : `, `name=`,
/// `- name: `), or, without a separator, the label alone (`Value    `).
fn record_field(before: &str, field: &str) -> bool {
    let t = before.trim().trim_start_matches("- ");
    let t = t
        .strip_suffix(':')
        .or_else(|| t.strip_suffix('='))
        .unwrap_or(t)
        .trim_end();
    t.eq_ignore_ascii_case(field)
}

/// Prose after a cookie's name that says its value follows: a short phrase naming the
/// value, then a colon or "is" (`の値だけ送ります: …`, `の値が …`, ` cookie value: …`,
/// ` value is …`). Where the value starts.
fn value_told_after(text: &str, p: usize) -> Option<usize> {
    let le = super::bytes::line_end(text, p);
    let rest = &text[p..super::bytes::floor(text, le.min(p + 60))];
    if let Some(r) = ["の値が", "の値を", "は", "が"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .filter(|r| r.starts_with(' ') || r.starts_with(|c: char| c.is_ascii_alphanumeric()))
    {
        return Some(p + rest.len() - r.trim_start().len());
    }
    let (phrase, after) = rest
        .char_indices()
        .take_while(|&(_, c)| !matches!(c, '=' | '"' | '\'' | '。' | '、' | '.'))
        .find_map(|(i, c)| match c {
            ':' | '：' => Some((&rest[..i], i + c.len_utf8())),
            ' ' if rest[i..].starts_with(" is ") => Some((&rest[..i], i + 4)),
            _ => None,
        })?;
    let lower = phrase.to_ascii_lowercase();
    // A phrase naming the value, or any short Japanese phrase (`は以下です：`).
    let japanese = !phrase.trim().is_empty() && phrase.chars().all(|c| c == ' ' || !c.is_ascii());
    (phrase.contains('値') || lower.contains("value") || lower.contains("cookie") || japanese)
        .then_some(p + after)
}

#[cfg(test)]
mod tests {
    use super::super::found as marked;

    #[test]
    fn a_cookie_value_in_double_quotes_is_read_inside_them() {
        let v = "Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3Rt6Yp2Io";
        for text in [
            format!("Cookie: JSESSIONID=\"{v}\"; ARRAffinity=abc\n"),
            format!("Set-Cookie: SESSION=\"{v}\"; Path=/; HttpOnly\n"),
        ] {
            assert_eq!(marked(&text), [v], "{text}");
        }
        assert!(marked("Cookie: JSESSIONID=\"\"; ARRAffinity=abc\n").is_empty());
    }

    #[test]
    fn a_cookie_listed_one_field_a_line_gives_its_value_on_the_next_line() {
        let sid = "v0ckcptiw14zzpc32te5lt4d";
        for text in [
            format!(
                "PS> $ws.Cookies.GetCookies($u) | Format-List Name, Value\n\n\
                 Name     : ARRAffinity\nValue    : 8a3b1f0c9d2e4f5a6b7c8d9e0f1a2b3c\n\n\
                 Name     : ASP.NET_SessionId\nValue    : {sid}\nHttpOnly : True\n"
            ),
            format!("mysql> select * from cookies\\G\n  name: JSESSIONID\r\n value: {sid}\r\n"),
            format!("cookies:\n  - name: connect.sid\n    value: {sid}\n    domain: app.example\n"),
        ] {
            assert_eq!(marked(&text), [sid], "{text}");
        }
        // A routing cookie's record, an OAuth state cookie's, and a session cookie's name
        // with no value below it.
        for text in [
            "Name     : ARRAffinity\nValue    : 8a3b1f0c9d2e4f5a6b7c8d9e0f1a2b3c\n".to_string(),
            format!("Name     : oauth_state\nValue    : {sid}\n"),
            format!("Cookie: oidc_state={sid}; auth_state={sid}\n"),
            format!("Name     : ASP.NET_SessionId\nDomain   : {sid}\n"),
        ] {
            assert!(marked(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_jwt_cut_after_its_header_is_no_token() {
        let header =
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6ImtXYmthYTZxczh3c1RuQndpaU5ZT2hIYm5BdyJ9";
        for text in [
            format!("-H 'authorization: Bearer {header}…（以下略）'\n"),
            format!("Authorization: Bearer {header}... (truncated)\n"),
            format!("id_token={header}（以下省略）&state=abc\n"),
            format!("Cookie: access_token={header}…; ARRAffinity=abc\n"),
        ] {
            assert!(marked(&text).is_empty(), "{text}");
        }
        // Its whole token still is one.
        let jwt =
            format!("{header}.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlX29mX3RoZV90b2tlbl94eXo");
        assert_eq!(
            marked(&format!("Authorization: Bearer {jwt}\n")),
            [jwt.as_str()]
        );
    }

    #[test]
    fn cookies_in_a_table_aligned_by_spaces_or_printed_below_their_jar() {
        let hex = "01C14F46222B10A83020604EDF03C601";
        let text = format!(
            "From Chrome DevTools > Application > Cookies:\n\n\
             Name          Value                                   Domain     Path\n\
             JSESSIONID    {hex}        app.azurewebsites.net      /\n\
             ARRAffinity   8a3b1f0c9d2e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c  .app.azurewebsites.net  /\n"
        );
        assert_eq!(marked(&text), [hex]);
        let flask =
            "ksf_JL6WOjvr4dg1yKONdJEeo460pLxaRiLFScHwOZOLbvkj.gW1shw.T2GkFHgGcWNnEqOWTlY9yAoCM_U";
        for text in [
            format!("print(s.cookies.get_dict())\n\n>>> {{'session': '{flask}', 'ARRAffinity': 'abc'}}\n"),
            format!("ログイン後のクッキー一覧（console.log の出力）\n{{ session: '{flask}' }}\n"),
            format!("    .AspNetCore.Cookies    {flask}\n"),
        ] {
            assert_eq!(marked(&text), [flask], "{text}");
        }
        for text in [
            format!("session    {flask}\n"),
            "JSESSIONID    (none)\n".to_string(),
            format!("print(resp.status_code)\n>>> {{'session': '{flask}'}}\n"),
        ] {
            assert!(marked(&text).is_empty(), "{text}: {:?}", marked(&text));
        }
    }

    #[test]
    fn session_cookies_in_cookie_files_tables_and_prose() {
        let v = "iQdgJyIrDAMcQ4ea8bfR9-XMa1teE8FhKoZOpYTa.D56kMQ.qM3GZ0dlB2HClFhZCHNXl3Dn";
        for text in [
            // A Netscape cookie file (curl -c, a browser extension's export).
            format!("#HttpOnly_app.azurewebsites.net\tFALSE\t/\tTRUE\t0\tsession\t{v}\n"),
            format!("app.example.jp\tTRUE\t/\tFALSE\t1767225600\tsession\t{v}\n"),
            // A DevTools cookie table copied.
            format!("session\t{v}\tapp.example.jp\t/\tSession\t212\t✓\t✓\tLax\n"),
            // Sign-in cookies by other names.
            format!("Set-Cookie: wordpress_logged_in_3f1c8a={v}; path=/; secure; HttpOnly\n"),
            format!("Cookie: remember_web_59ba36addc2b2f9401580f014c7f58ea4e30989d={v}\n"),
            // Prose that says the value follows.
            format!("ESTSAUTH の値だけ送ります: {v}\n"),
            format!("「.AspNetCore.Session の値が {v} で、ログイン直後に変わりません。」\n"),
            format!("Here is the ESTSAUTHPERSISTENT cookie value: {v}\n"),
            format!("The AppServiceAuthSession value is {v} right now.\n"),
            format!("Cookie の ESTSAUTHPERSISTENT が {v} になっていました。\n"),
            format!("AppServiceAuthSession は以下です：{v}\n"),
            // `document.cookie` in a console, without a `Cookie:` header.
            format!("> document.cookie\n'_ga=GA1.1.123; SSESS4f9c2a7e5b44d3a9={v}'\n"),
            format!("'ai_user=abc; KEYCLOAK_IDENTITY={v}; _gh_sess=x'\n"),
            format!("rtFa={v}\n"),
        ] {
            assert_eq!(marked(&text), [v], "{text}");
        }
        for text in [
            "SESSION_SECRET=change-me-to-a-long-random-string\n",
            "Cookie: __RequestVerificationToken=CfDJ8Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0Oi; ARRAffinity=0123456789abcdef0123456789abcdef\n",
            "The assessment session ended; possess 12 sessions.\n",
            "ESTSAUTHPERSISTENT が AADSTS50058 のエラーの原因でしょうか。\n",
            "Cookie: _hjSession_3120=eyJpZCI6IjQyZjM4YjE3LWI1; s_sess=%20s_cc%3Dtrue%3B%20s_sq%3D%3B; _pk_ses.1.2f3a=1\n",
            "grafana_session\t(hidden)\tgrafana.ops.example.jp\t/\tSession\t✓\t✓\tLax\n",
            "セッション固定化の件です。.AspNetCore.Session の値がログイン前後で変わらないのですが、仕様でしょうか。\n",
            "session_id\t8f1c2a7e-5b44-4d3a-9b1e-0c2d4e6f8a9b\tuser login ok\n",
        ] {
            assert!(marked(text).is_empty(), "{text}: {:?}", marked(text));
        }
    }

    #[test]
    fn a_password_in_an_address_is_found_and_plain_addresses_left() {
        assert_eq!(
            marked("email: \"taro:Sakura2026x@example.com\"\n"),
            ["Sakura2026x"]
        );
        assert_eq!(
            marked("SMTP は notify:Kx9mPq2Lz@mail.contoso.co.jp です。\n"),
            ["Kx9mPq2Lz"]
        );
        for plain in [
            "email: \"taro.yamada@example.com\"\n",
            "<a href=\"mailto:taro@example.com\">x</a>\n",
            "Reply-To:Support2026@contoso.com\n",
            "git clone git@ssh.dev.azure.com:v3/contoso/app/web\n",
            "image: acr.azurecr.io/app@sha256:0123456789abcdef0123456789abcdef\n",
            "会議は 10:30@会議室A で行います。\n",
        ] {
            assert!(marked(plain).is_empty(), "{plain}");
        }
    }
}
