//! Layer 4 (code and templates): secrets passed to credential constructors and
//! connection calls (`new AzureKeyCredential("…")`, `new PDO($dsn, "user", "…")`), and
//! template parameters declared secret whatever their name (Bicep `@secure()`, ARM
//! `securestring` with a `defaultValue`, Terraform `sensitive = true` with a `default`),
//! and the value given to `dotnet user-secrets set`.

use std::ops::Range;

use super::bytes::{at, ceil, line_end, line_start};
use super::keyvalue::{accept, read_value, Sep};
use super::value::{holds_pairs, Class};
use super::{Finding, Kind};

/// Calls whose string argument at a position is a secret: the call's name (lowercase,
/// with its parenthesis), the argument's index, and what it is.
const CALLS: &[(&str, usize, Kind)] = &[
    ("azurekeycredential(", 0, Kind::ApiKey),
    ("newkeycredential(", 0, Kind::ApiKey),
    ("azurenamedkeycredential(", 1, Kind::AccessKey),
    ("storagesharedkeycredential(", 1, Kind::AccessKey),
    ("newsharedkeycredential(", 1, Kind::AccessKey),
    ("cosmosclient(", 1, Kind::AccessKey),
    ("clientsecretcredential(", 2, Kind::ClientSecret),
    ("networkcredential(", 1, Kind::Password),
    // Signing keys: `new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))`.
    ("symmetricsecuritykey(", 0, Kind::Secret),
    ("new pdo(", 2, Kind::Password),
    ("new mysqli(", 2, Kind::Password),
    ("mysqli_connect(", 2, Kind::Password),
];

/// The anchors of [`CALLS`]: the ends their names share (`keycredential(` ends five).
pub(crate) const CALL_ANCHORS: &[&str] = &[
    "keycredential(",
    "cosmosclient(",
    "secretcredential(",
    "networkcredential(",
    "securitykey(",
    "new pdo(",
    "new mysqli(",
    "mysqli_connect(",
];

/// The call whose name ends at `hit` (one of [`CALLS`]): its argument, when a string
/// literal is there.
pub(crate) fn call_argument(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    // The whole name: back over the letters before the anchor.
    let b = text.as_bytes();
    let mut start = hit.start;
    while start > 0 && hit.start - start < 24 && b[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    let call = text[start..hit.end].to_ascii_lowercase();
    let Some(&(name, index, kind)) = CALLS.iter().find(|(c, _, _)| call.ends_with(c)) else {
        return;
    };
    // `AzureKeyCredential(` is a whole name, not the end of a longer one.
    if at(text, (hit.end - name.len()).wrapping_sub(1)).is_ascii_alphanumeric() {
        return;
    }
    let limit = line_end(text, hit.end).min(hit.end + 600);
    let mut p = hit.end;
    let mut arg = 0;
    let mut depth = 0;
    while p < limit {
        match b[p] {
            b'"' | b'\'' => {
                let q = b[p];
                let start = p + 1;
                let mut i = start;
                while i < limit && b[i] != q {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if i >= limit {
                    return;
                }
                // A key's bytes may come through a conversion call
                // (`Encoding.UTF8.GetBytes("…")`, `Convert.FromBase64String("…")`).
                let through = depth == 1 && kind == Kind::Secret;
                if arg == index && (depth == 0 || through) {
                    let v = &text[start..i];
                    let class = match kind {
                        Kind::Password => Class::Password,
                        Kind::ClientSecret | Kind::Secret => Class::Secret,
                        k => Class::Key(k),
                    };
                    if accept(class, v, Sep::Strong, true) && !v.starts_with('$') {
                        out.push(Finding {
                            range: start..i,
                            kind,
                        });
                    }
                    return;
                }
                p = i + 1;
                continue;
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' if depth == 0 => return,
            b')' | b']' => depth -= 1,
            b',' if depth == 0 => {
                arg += 1;
                if arg > index {
                    return;
                }
            }
            _ => {}
        }
        p += 1;
    }
}

/// Bicep `@secure()` on a parameter (the decorator lines above `param NAME TYPE =
/// 'default'`): the default is a secret whatever the parameter's name.
pub(crate) fn secure_decorator(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let mut pos = line_end(text, hit.end) + 1;
    for _ in 0..4 {
        if pos >= text.len() {
            return;
        }
        let le = line_end(text, pos);
        let line = text[pos..le].trim_start();
        if line.starts_with('@') {
            pos = le + 1;
            continue;
        }
        let Some(decl) = line.strip_prefix("param ") else {
            return;
        };
        let Some(eq) = decl.find('=') else {
            return;
        };
        let vstart = le - line.len() + "param ".len() + eq + 1;
        secret_default(text, vstart, out);
        return;
    }
}

/// The default declared at `p` of a parameter declared secret: a string literal, not
/// an expression (`newGuid()`) nor a connection string (its keys speak for its parts).
fn secret_default(text: &str, p: usize, out: &mut Vec<Finding>) {
    let Some(v) = read_value(text, p, false) else {
        return;
    };
    let s = &text[v.range.clone()];
    if v.quoted && !holds_pairs(s) && accept(Class::Secret, s, Sep::Strong, true) {
        out.push(Finding {
            range: v.range,
            kind: Kind::Secret,
        });
    }
}

/// ARM `"type": "securestring"` with a `"defaultValue"` in the same parameter object.
pub(crate) fn secure_string_default(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    if !text[hit.clone()].eq_ignore_ascii_case("securestring") || at(text, hit.end) != b'"' {
        return;
    }
    let from = line_start(text, hit.start.saturating_sub(300));
    let to = ceil(text, (hit.end + 400).min(text.len()));
    // The object: from the `{` before the type to the `}` after it.
    let Some(open) = text[from..hit.start].rfind('{').map(|p| from + p) else {
        return;
    };
    let close = text[hit.end..to].find('}').map_or(to, |p| hit.end + p);
    let Some(d) = text[open..close].find("\"defaultValue\"") else {
        return;
    };
    let mut p = open + d + "\"defaultValue\"".len();
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
    }
    if at(text, p) != b':' {
        return;
    }
    secret_default(text, p + 1, out);
}

/// Terraform `variable "…" { sensitive = true  default = "…" }`: the default, whatever
/// the variable's name.
pub(crate) fn sensitive_variable(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let le = line_end(text, hit.end);
    let rest = text[hit.end..le].trim_start();
    if !rest.starts_with('=') || rest[1..].trim() != "true" {
        return;
    }
    // The block: from the `{` before to the `}` after.
    let from = ceil(text, hit.start.saturating_sub(600));
    let Some(open) = text[from..hit.start].rfind('{').map(|p| from + p) else {
        return;
    };
    let to = ceil(text, (hit.end + 600).min(text.len()));
    let close = text[hit.end..to].find('}').map_or(to, |p| hit.end + p);
    let block = &text[open..close];
    let Some(d) = block
        .match_indices("default")
        .map(|(i, _)| i)
        .find(|&i| block[i + "default".len()..].trim_start().starts_with('='))
    else {
        return;
    };
    let eq = open + d + block[d..].find('=').unwrap_or(0);
    secret_default(text, eq + 1, out);
}

/// `dotnet user-secrets set "Name" "value"`: the value, when the name says it is a
/// secret or the value is shaped as a key.
pub(crate) fn user_secrets_set(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let Some(name) = read_value(text, hit.end, false) else {
        return;
    };
    let Some(v) = read_value(text, name.range.end + usize::from(name.quoted), false) else {
        return;
    };
    let n = &text[name.range.clone()];
    let s = &text[v.range.clone()];
    let last = n.rsplit(':').next().unwrap_or(n);
    let named = super::value::classify(last).is_some()
        || matches!(
            last.to_ascii_lowercase().as_str(),
            "key" | "value" | "secret"
        );
    let ok = if named {
        accept(Class::Secret, s, Sep::Strong, true)
    } else {
        accept(Class::Key(Kind::AccessKey), s, Sep::Strong, true)
    };
    if ok && !holds_pairs(s) && !s.starts_with('-') {
        out.push(Finding {
            range: v.range,
            kind: Kind::Secret,
        });
    }
}
