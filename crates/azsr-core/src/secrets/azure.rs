//! Layer 2: Azure and HTTP grammar that is not plain key–value: URL userinfo passwords
//! (`mongodb://`, `postgres://`, git remotes) and `Authorization` headers. Connection
//! string keys, SAS `sig`, `?code=` and the key headers go through [`super::keyvalue`].

use std::ops::Range;

use super::bytes::at;
use super::checksum::base64_decode;
use super::value::{is_placeholder, looks_random};
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
        "basic" => {
            let Some(r) = token_after(text, scheme.end) else {
                return;
            };
            let v = &text[r.clone()];
            let decoded = base64_decode(v).unwrap_or_default();
            if v.len() >= 8 && !is_placeholder(v) && decoded.contains(&b':') {
                out.push(Finding {
                    range: r,
                    kind: Kind::BasicAuth,
                });
            }
        }
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

/// `Cookie:` headers: the values of session and authentication cookies.
pub(crate) fn cookie(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let le = super::bytes::line_end(text, hit.end);
    let header = &text[hit.end..le];
    let mut offset = hit.end;
    for pair in header.split(';') {
        let start = offset;
        offset += pair.len() + 1;
        let Some(eq) = pair.find('=') else {
            continue;
        };
        let name = pair[..eq].trim().to_ascii_lowercase();
        let raw = &pair[eq + 1..];
        let value = raw.trim().trim_end_matches(['"', '\'']);
        let secretish = (name.contains("session") && !name.starts_with("ai_"))
            || name.contains("auth")
            || name.contains("token")
            || name.contains("identity")
            || name == "sid"
            || name.starts_with("estsauth");
        if !secretish || value.len() < 16 || !value.is_ascii() || is_placeholder(value) {
            continue;
        }
        let vstart = start + eq + 1 + (raw.len() - raw.trim_start().len());
        out.push(Finding {
            range: vstart..vstart + value.len(),
            kind: Kind::Token,
        });
    }
}
