//! Layer 4 (and the Azure grammar that is key–value shaped): a secret-ish key followed by
//! a separator and a value, in connection strings, URL queries, JSON, YAML, INI, `.env`,
//! XML, Terraform, command flags, Markdown tables, and prose where a separator or a
//! particle follows the key (`パスワードは X`, "the password is X"); what only a sentence
//! tells is [`super::prose`]'s.

use std::ops::Range;

use super::bytes::{at, ceil, char_at, char_before, line_end, line_start};
use super::prose::{changed_to, name_like, other_one};
use super::value::{
    basic_credentials, classify, holds_pairs, is_placeholder, looks_like_passphrase,
    looks_like_password, looks_random, names_access, names_auth, normalize, romaji_class, Class,
};
use super::vocabulary::{self, Named};
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

/// The quote that opens a configuration path (`"Section:Sub:Key"`) whose last section
/// starts at `ks`, if the path is one: sections of key bytes joined by single colons.
fn config_path_quote(text: &str, ks: usize) -> Option<u8> {
    let s = config_path_start(text, ks)?;
    let q = at(text, s.wrapping_sub(1));
    matches!(q, b'"' | b'\'').then_some(q)
}

/// The class a dotted key's generic last section (`value`, `data`, `default`, `text`)
/// takes from the section before it: `auth.value`, `app.apiKey.value`, `db.password.text`.
fn section_class(key: &str) -> Option<Class> {
    // Cheap test first (this runs for most keys): the name ends in `.` and a generic word.
    let k = key.as_bytes();
    let generic = ["value", "data", "default", "text"].iter().find(|g| {
        k.len() > g.len() + 1
            && k[k.len() - g.len() - 1] == b'.'
            && k[k.len() - g.len()..].eq_ignore_ascii_case(g.as_bytes())
    })?;
    let head = &key[..key.len() - generic.len() - 1];
    let parent = head.rsplit('.').next().unwrap_or(head);
    if parent.eq_ignore_ascii_case("auth") {
        return Some(Class::Secret);
    }
    classify(parent).filter(|c| !matches!(c, Class::Code | Class::Sig))
}

/// Where the .NET configuration path whose last section starts at `ks` starts
/// (`ExternalApi:Secret`: at `E`); `ks` when no section comes before it.
fn config_path_start(text: &str, ks: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut s = ks;
    while s > 0 && b[s - 1] == b':' && ks - s < 120 {
        let end = s - 1;
        s = end;
        while s > 0 && end - s < 60 && is_key_byte(b[s - 1]) {
            s -= 1;
        }
        if s == end {
            return None;
        }
    }
    Some(s)
}

pub(super) fn is_key_byte(b: u8) -> bool {
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
    // A JSON-escaped quote, escaped once (`\"`) or more (`\\\"`): the value runs to
    // the same sequence. A quote inside it is escaped once more (`\\\"` inside `\"…\"`)
    // and a backslash twice: a run of backslashes before a quote closes the value when
    // it is as long as the opening one, modulo what escaping adds, and ends the value.
    let slashes = b[p..].iter().take(8).take_while(|&&c| c == b'\\').count();
    if slashes > 0 && at(text, p + slashes) == b'"' {
        let start = p + slashes + 1;
        let limit = b.len().min(start + 8192);
        let mut i = start;
        while i < limit {
            if b[i] == b'"' {
                let run = b[start..i]
                    .iter()
                    .rev()
                    .take_while(|&&c| c == b'\\')
                    .count();
                // A quote escaped too little (`\"P\"ss\"`) is still inside when a letter
                // or digit follows it.
                let closes = !at(text, i + 1).is_ascii_alphanumeric();
                if closes && run >= slashes && (run - slashes) % (2 * (slashes + 1)) == 0 {
                    return Some(Value {
                        range: start..i - slashes,
                        quoted: true,
                    });
                }
            }
            i += 1;
        }
        return None;
    }
    let quote = escaped_quote(b, p);
    if quote > 0 {
        let start = p + quote;
        let limit = line_end(text, start).min(start + 8192);
        if let Some(end) = (start..limit).find(|&i| escaped_quote(b, i) == quote) {
            return Some(Value {
                range: start..end,
                quoted: true,
            });
        }
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
                b'"' | b'\'' | b'`' | b'<' | b'|' | b',' | b')' | b']' | b'}'
            )
            || x == b';' && !ends_entity(&b[start..i])
            || x == b'&' && (eq || next_is_parameter(b, i + 1))
            || x == b'%' && eq && b[i + 1..].starts_with(b"26")
            || x == b'\\' && (escape_ends_value(b, i, eq) || at(text, i + 1) >= 0x80);
        if stop {
            break;
        }
        i += if x == b'\\' { 2 } else { 1 };
    }
    let i = i.min(limit);
    let mut end = i;
    while end > start && matches!(b[end - 1], b'.' | b':') {
        end -= 1;
    }
    (end > start).then_some(Value {
        range: start..end,
        quoted: false,
    })
}

/// The length of a quote escaped as a code at `i` (`\u0022`: 6, `\x22`: 4, `%22`: 3),
/// or 0.
fn escaped_quote(b: &[u8], i: usize) -> usize {
    match (b.get(i), b.get(i + 1)) {
        (Some(b'\\'), Some(b'u')) if b.get(i + 2..i + 6) == Some(b"0022") => 6,
        (Some(b'\\'), Some(b'x')) if b.get(i + 2..i + 4) == Some(b"22") => 4,
        (Some(b'%'), Some(b'2')) if b.get(i + 2) == Some(&b'2') => 3,
        _ => 0,
    }
}

/// Whether `before` ends with an XML entity's name (`&amp`, `&lt`, `&#38`): the `;`
/// after it is part of an XML-escaped value, not a separator.
fn ends_entity(before: &[u8]) -> bool {
    let Some(amp) = before.iter().rposition(|&c| c == b'&') else {
        return false;
    };
    let name = &before[amp + 1..];
    matches!(name, b"amp" | b"lt" | b"gt" | b"quot" | b"apos")
        || name.len() >= 2 && name[0] == b'#' && name[1..].iter().all(u8::is_ascii_alphanumeric)
}

/// `&name=` at `i`: the next parameter of a query or form body.
fn next_is_parameter(b: &[u8], i: usize) -> bool {
    let mut j = i;
    while j < b.len()
        && j - i < 40
        && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'_' | b'-' | b'.'))
    {
        j += 1;
    }
    j > i && b.get(j) == Some(&b'=')
}

/// A backslash escape at `i` inside an unquoted value: an escaped quote that closes a
/// JSON-escaped string (`\"` before `,` `}` `;` or the end) or an escaped control
/// character ends it, and so does an escaped `&` (`\u0026`, `\x26`) in a query; an escaped
/// quote or backslash inside a password (`P\"ss`, `P\\ss`) does not.
fn escape_ends_value(b: &[u8], i: usize, query: bool) -> bool {
    match b.get(i + 1) {
        Some(b'"') => !b.get(i + 2).is_some_and(|c| c.is_ascii_alphanumeric()),
        Some(b'n' | b'r' | b't') => true,
        Some(b'u') => query && b[i + 1..].starts_with(b"u0026"),
        Some(b'x') => query && b[i + 1..].starts_with(b"x26"),
        _ => false,
    }
}

/// Decides whether `v` (read after a key of `class`) is a secret.
pub(crate) fn accept(class: Class, v: &str, sep: Sep, quoted: bool) -> bool {
    if is_placeholder(v) || super::value::hex_number(v) {
        return false;
    }
    // "the password 'for the SQL admin' is …": a quoted phrase in prose is a name.
    if sep == Sep::Weak && v.contains(' ') && !looks_like_password(v) {
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
                looks_random(v, 16) || v.len() >= 16 && looks_like_password(v) || mixed_word(v)
            } else {
                looks_random(v, 24)
            }
        }
        Class::Sig => v.len() >= 16,
        Class::Code => looks_random(v, 20),
    }
}

/// `XezauyK9DQyty58` under `DB_KEY=`: one run of twelve letters and digits or more,
/// mixing upper case, lower case and digits (a password kept under a key's name; names
/// and sizes hold a separator, `Standard_D4s_v3`).
fn mixed_word(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 12
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && b.iter().any(u8::is_ascii_digit)
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
    lower.contains("sig=") || lower.contains("sig%3d") || lower.contains("sig%253d")
}

/// The shape of a 32- or 64-byte Azure key in base64 (44 or 88 characters, padded).
pub(super) fn key_shaped(v: &str) -> bool {
    (v.len() == 44 && v.ends_with('=') || v.len() == 88 && v.ends_with("=="))
        && v.trim_end_matches('=')
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'+' || c == b'/')
        && looks_random(v, 40)
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
pub(super) fn table_header(text: &str, i: usize) -> Option<(usize, usize)> {
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

/// A header cell naming a secret: the cells of that column in the rows below. A bare
/// `Value` / `値` column (`| Name | Value |`) holds a secret only in the rows whose first
/// cell names one.
pub(super) fn table_column(
    text: &str,
    hit: &Range<usize>,
    class: Class,
    kind: Kind,
    named: bool,
    out: &mut Vec<Finding>,
) {
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
    // `| System | Account | Value |`, `| システム | アカウント | 設定値 |`: a value column beside
    // an account column holds that account's password.
    let accounts = named && header_names_account(&text[ls..line_end(text, ls)]);
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
        let name_ok = !named || {
            let name = line
                .split('|')
                .nth(1)
                .unwrap_or("")
                .trim()
                .trim_matches(['`', '*']);
            accounts
                || classify(name).is_some()
                || super::azure::session_cookie(name)
                || row_names_password(line, col)
        };
        let (class, kind) = if named {
            (
                Class::Secret,
                if accounts {
                    Kind::Password
                } else {
                    Kind::Secret
                },
            )
        } else {
            (class, kind)
        };
        if let Some(cell) = cell.filter(|_| name_ok && (!named || col > 1)) {
            let raw = &text[cell.clone()];
            let lead = raw.len() - raw.trim_start().len();
            let v = raw.trim();
            let v = v.trim_matches('`');
            // A URL holds its secrets in its userinfo or query, found by theirs.
            if !v.is_empty() && !v.contains(' ') && !v.contains("://") {
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

/// Whether a table's header row has a column for an account or a user name.
pub(super) fn header_names_account(header: &str) -> bool {
    header.split(['|', '\t']).any(|cell| {
        let cell = cell.trim().trim_matches('*');
        let n = normalize(cell);
        [
            "account",
            "user",
            "username",
            "userid",
            "login",
            "loginname",
        ]
        .contains(&n.as_str())
            || n.ends_with("user")
            || ["アカウント", "ユーザー", "ログイン"]
                .iter()
                .any(|w| cell.contains(w))
                && !cell.contains("ID")
    })
}

/// `| 値 | P@ss… | ↑ユーザーのパスワード |`: a row whose cell after the value column
/// (a remark) names a password.
fn row_names_password(line: &str, col: usize) -> bool {
    line.split('|').skip(col + 1).any(|cell| {
        let lower = cell.to_ascii_lowercase();
        cell.contains("パスワード") || lower.contains("password")
    })
}

/// `認証情報　：Cobalt%88…`, `資格情報: …`: a label for a credential with its colon and one
/// value ending the line (a user and a password after it are [`super::prose`]'s). And a
/// parameter sheet's row `DB<TAB>ログイン初期値<TAB>P@ss…<TAB>初回接続後に変更`: a name cell
/// for a login's initial value or password, the value under the sheet's value column.
pub(super) fn account_label(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let name = &text[hit.clone()];
    if matches!(name, "認証情報" | "資格情報") {
        let mut p = hit.end;
        while matches!(char_at(text, p), ' ' | '\t' | '　') {
            p += char_at(text, p).len_utf8();
        }
        let c = char_at(text, p);
        if !matches!(c, ':' | '：') {
            return;
        }
        let Some(v) = read_value(text, p + c.len_utf8(), false) else {
            return;
        };
        let s = &text[v.range.clone()];
        let tail = text[v.range.end..line_end(text, v.range.end)].trim();
        if !tail.is_empty() || s.contains('/') || is_placeholder(s) {
            return;
        }
        let kind = if looks_random(s, 16) {
            Kind::Secret
        } else if looks_like_password(s) {
            Kind::Password
        } else {
            return;
        };
        out.push(Finding {
            range: v.range,
            kind,
        });
        return;
    }
    if name != "ログイン" || at(text, hit.start.wrapping_sub(1)) != b'\t' {
        return;
    }
    // The name cell: the anchor to the next tab, naming the login's value or password.
    let le = line_end(text, hit.start);
    let Some(te) = text[hit.end..le].find('\t').map(|t| hit.end + t) else {
        return;
    };
    let cell = text[hit.start..te].trim_end();
    let rest = &cell["ログイン".len()..];
    let names_value = ["初期値", "値", "パスワード", "PW", "pw", "パス"]
        .iter()
        .any(|w| rest.trim_start().starts_with(w));
    if names_value && !rest.contains("ID") && !rest.contains('名') {
        named_row(
            text,
            &(hit.start..hit.start + cell.len()),
            Class::Password,
            Kind::Password,
            out,
        );
    }
}

/// `接続作成時に入力した値：<key>` under a screen's lines that name the credential (`認証タイプ：API
/// キー`, `パラメーター ラベル：APIキー`): a label ending in `値` with its colon and one value
/// ending the line, a few lines below a line naming a key, secret, token or password.
pub(super) fn value_under_credential(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    // The colon may be aligned with the labels above (`値　　　　：`).
    let mut colon = hit.end;
    while matches!(char_at(text, colon), ' ' | '　') && colon - hit.end < 36 {
        colon += char_at(text, colon).len_utf8();
    }
    let c = char_at(text, colon);
    if !matches!(c, ':' | '：') {
        return;
    }
    let ls = line_start(text, hit.start);
    let label = &text[ls..hit.start];
    if ls == 0
        || label.len() > 60
        || label.contains(['|', '\t'])
        || ["ハッシュ", "ID", "名", "拇印", "番号", "サム"]
            .iter()
            .any(|w| label.contains(w))
    {
        return;
    }
    let Some(v) = read_value(text, colon + c.len_utf8(), false) else {
        return;
    };
    let s = &text[v.range.clone()];
    if !text[v.range.end..line_end(text, v.range.end)]
        .trim()
        .is_empty()
        || is_placeholder(s)
    {
        return;
    }
    // The lines above, up to eight, name what the value is (or the VPN connection whose
    // form it fills: its `値` is the shared key).
    let mut above = ls;
    let mut class = None;
    for _ in 0..8 {
        if above == 0 {
            break;
        }
        above = line_start(text, above - 1);
        let line = &text[above..line_end(text, above)];
        class = comment_says(line).or_else(|| {
            // A connection's name is filled in the same form.
            (vocabulary::names_vpn_connection(line) && !super::prose::name_like(s))
                .then_some(Class::Secret)
        });
        if class.is_some() {
            break;
        }
    }
    let kind = match class {
        Some(Class::Password) if looks_like_password(s) => Kind::Password,
        Some(_) if looks_random(s, 16) => Kind::Secret,
        _ => return,
    };
    out.push(Finding {
        range: v.range,
        kind,
    });
}

/// `# 共有キー（キー2 を使用）` above `arg1="…"`, `EXT_PARAM: '…' // 連携キー` beside it,
/// `V = "…"  # パスワード`: a setting under a generic name that only its comment (`hit` on
/// the comment's Japanese word) says is a credential.
pub(super) fn commented_setting(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let ls = line_start(text, hit.start);
    let le = line_end(text, hit.start);
    let before = &text[ls..hit.start];
    let lead = before.trim_start();
    let (comment, setting) = if lead.starts_with('#') || lead.starts_with("//") {
        // A comment line: the setting is the next line.
        if le >= text.len() {
            return;
        }
        let ns = le + 1;
        (&text[ls..le], ns..line_end(text, ns))
    } else if let Some(c) = before.rfind(" // ").or_else(|| before.rfind(" # ")) {
        (&text[ls + c..le], ls..ls + c)
    } else {
        return;
    };
    if [
        "名",
        "ID",
        "URI",
        "URL",
        "ハッシュ",
        "期限",
        "有効",
        "参照",
        "ではない",
        "じゃない",
        "形式",
        "長さ",
        "桁",
    ]
    .iter()
    .any(|w| comment.contains(w))
    {
        return;
    }
    let body = comment.trim_start().trim_start_matches(['#', '/', ' ']);
    let Some(class) = comment_says(body) else {
        return;
    };
    // `name = "…"`, `name: '…'`, `"name": "…",`, `arg1="…",`: a name, `=` or `:`, a value.
    let line = &text[setting.clone()];
    let t = line.trim_start();
    let ks = setting.start + line.len() - t.len();
    let name_len = t
        .bytes()
        .take_while(|&c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'"' | b'\'')
        })
        .count();
    if name_len == 0 || t.as_bytes()[0].is_ascii_digit() {
        return;
    }
    let mut p = ks + name_len;
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
    }
    let eq = match at(text, p) {
        b'=' => true,
        b':' => false,
        _ => return,
    };
    let Some(v) = read_value(text, p + 1, eq) else {
        return;
    };
    if v.range.end > setting.end {
        return;
    }
    let s = &text[v.range.clone()];
    if is_placeholder(s) || inside_expression(text, v.range.start) {
        return;
    }
    let kind = match class {
        Class::Password
            if looks_like_password(s) || v.quoted && s.len() >= 8 && looks_random(s, 8) =>
        {
            Kind::Password
        }
        Class::Password => return,
        _ if looks_random(s, 16) => Kind::Secret,
        _ => return,
    };
    out.push(Finding {
        range: v.range,
        kind,
    });
}

/// Whether the call whose first argument is the quoted name at `ks` reads a secret
/// from a vault by name (`GetSecretAsync(`, `get_secret(`, `getKey(`).
fn vault_getter(text: &str, ks: usize) -> bool {
    let head = text[..ks.saturating_sub(1)].trim_end();
    let Some(head) = head.strip_suffix('(') else {
        return false;
    };
    let name_start = head
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |p| p + 1);
    let name = head[name_start..].to_ascii_lowercase().replace('_', "");
    [
        "getsecret",
        "getkey",
        "getcertificate",
        "deletesecret",
        "getsecretvalue",
    ]
    .iter()
    .any(|g| name.starts_with(g))
}

/// Header cells of a settings list's value column: a portal's list pasted from the
/// screen or a sheet (`名前 種類 値` with tabs, Power Apps' `既定値` and `現在の値`, a
/// parameter sheet's `初期値`).
const VALUE_HEADERS: &[&str] = &[
    "値",
    "初期値",
    "既定値",
    "現在の値",
    "現在値",
    "設定値",
    "value",
    "default value",
    "current value",
];

/// A row of a tab-separated settings list whose name cell (at `key`) names a secret:
/// `sftpPass String P@ss…` under `名前 種類 値` (tabs between). The value stands in the
/// column its header calls the value (the first non-empty one: a default, then a current
/// value).
/// Returns whether the row was one.
fn named_row(
    text: &str,
    key: &Range<usize>,
    class: Class,
    kind: Kind,
    out: &mut Vec<Finding>,
) -> bool {
    let ls = line_start(text, key.start);
    let le = line_end(text, key.start);
    let line = &text[ls..le];
    let tabs = memchr::memchr_iter(b'\t', line.as_bytes()).count();
    if tabs < 2 || ls == 0 {
        return false;
    }
    let cells: Vec<&str> = line.split('\t').collect();
    let col = text[ls..key.start].matches('\t').count();
    if cells[col].trim() != &text[key.clone()] {
        return false;
    }
    // The header: the first line of the run of lines with as many tabs, a few lines up.
    let mut h = ls;
    for _ in 0..40 {
        if h == 0 {
            break;
        }
        let above = line_start(text, h - 1);
        if memchr::memchr_iter(b'\t', &text.as_bytes()[above..h - 1]).count() != tabs {
            break;
        }
        h = above;
    }
    if h == ls {
        return false;
    }
    let header: Vec<&str> = text[h..line_end(text, h)].split('\t').collect();
    let Some((vc, v)) = header.iter().enumerate().find_map(|(i, name)| {
        let name = name.trim();
        let value_col = i != col && VALUE_HEADERS.iter().any(|v| name.eq_ignore_ascii_case(v));
        let cell = cells.get(i).map_or("", |c| c.trim());
        (value_col && !cell.is_empty()).then_some((i, cell))
    }) else {
        return false;
    };
    let start = ls + cells[..vc].iter().map(|c| c.len() + 1).sum::<usize>();
    let start = start + cells[vc].find(v).unwrap_or(0);
    if accept(class, v, Sep::Strong, false) {
        out.push(Finding {
            range: start..start + v.len(),
            kind,
        });
    }
    true
}

/// A CSV header cell naming a secret (`name,user,password,note`, `名前,ユーザー,パスワード`):
/// the cells of that column in the rows below that have as many cells (a credentials
/// export). Whether the key's line is such a header.
pub(super) fn csv_column(
    text: &str,
    hit: &Range<usize>,
    class: Class,
    kind: Kind,
    out: &mut Vec<Finding>,
) -> bool {
    let ls = line_start(text, hit.start);
    let le = line_end(text, hit.start);
    let header = &text[ls..le];
    // Commas, or tabs (a sheet pasted from Excel, whose cells may hold spaces). Cells
    // counted with memchr: this runs for every secret-ish key in a log.
    let commas = memchr::memchr_iter(b',', header.as_bytes()).count();
    let tabbed = commas == 0;
    let (d, db) = if tabbed { ('\t', b'\t') } else { (',', b',') };
    let cells_of = |line: &str| memchr::memchr_iter(db, line.as_bytes()).count() + 1;
    let cells = if tabbed { cells_of(header) } else { commas + 1 };
    if !(3..=32).contains(&cells) {
        return false;
    }
    // A header: a few short plain cells, no value in it, first of its table (so that the
    // rows are read once, not once per line of a long run of such lines).
    let first = ls == 0 || cells_of(&text[line_start(text, ls - 1)..ls - 1]) != cells;
    if !first
        || header.split(d).any(|c| {
            c.trim().is_empty()
                || c.chars().count() > 24
                || c.contains(['=', ':', '：'])
                || !tabbed && c.contains(' ')
        })
    {
        return false;
    }
    let col = text[ls..hit.start].matches(d).count();
    let cell_end = text[hit.end..le].find(d).map_or(le, |p| hit.end + p);
    let cell_start = text[..hit.start]
        .rfind(d)
        .filter(|&p| p >= ls)
        .map_or(ls, |p| p + 1);
    let cell = text[cell_start..cell_end].trim().trim_matches('"');
    if !cell
        .to_ascii_lowercase()
        .ends_with(&text[hit.clone()].to_ascii_lowercase())
    {
        return false;
    }
    // A bare `Value` column (a cookie list copied from a browser's developer tools,
    // `Name Value Domain Path …`) holds a secret only in the rows whose first cell names
    // one (`JSESSIONID`, not `ARRAffinity` or `ai_user`).
    let bare = col > 0
        && (matches!(normalize(cell).as_str(), "value" | "data")
            || vocabulary::VALUE_WORDS.contains(&cell)
            || cell == "文字列");
    // `環境 サーバー ユーザー 値` (tabs between): a sheet of accounts, whose bare value
    // column holds each row's password.
    let accounts = bare && tabbed && header_names_account(header);
    let (class, kind) = if accounts {
        (Class::Password, Kind::Password)
    } else {
        (class, kind)
    };
    let mut row = le;
    let mut rows = 0;
    while row < text.len() && rows < 200 && row - le < 64 * 1024 {
        row += 1;
        let end = line_end(text, row);
        let line = &text[row..end];
        if line.split(d).count() != cells {
            break;
        }
        if bare && !accounts {
            let name = line.split(d).next().unwrap_or("").trim().trim_matches('"');
            if classify(name).is_none() && !super::azure::session_cookie(name) {
                row = end;
                rows += 1;
                continue;
            }
        }
        let mut pos = row;
        for (i, c) in line.split(d).enumerate() {
            if i == col {
                let v = c.trim().trim_matches('"');
                let start = pos + c.find(v).unwrap_or(0);
                // An account's password is chosen with a digit or made at random
                // (`Japanese_CI_AS` beside a user is a collation).
                let chosen =
                    !accounts || v.bytes().any(|c| c.is_ascii_digit()) || looks_random(v, 16);
                if !v.is_empty()
                    && !v.contains(' ')
                    && !name_like(v)
                    && chosen
                    && accept(class, v, Sep::Strong, false)
                {
                    out.push(Finding {
                        range: start..start + v.len(),
                        kind,
                    });
                }
                break;
            }
            pos += c.len() + 1;
        }
        row = end;
        rows += 1;
    }
    true
}

/// After a key hidden in a `name`/`key` attribute or field (`<add key="DbPassword"
/// value="…"/>`, `{"name": "DB_PASSWORD", "value": "…"}`), the `value` that goes with it.
pub(crate) fn follow_value(text: &str, from: usize) -> Option<Value> {
    let limit = ceil(text, (from + 400).min(text.len()));
    let window = &text[from..limit];
    let stop = window
        .find(['}', '{'])
        .or_else(|| window.find("- name"))
        .unwrap_or(window.len());
    let lower = window[..stop].to_ascii_lowercase();
    let Some(i) = lower.find("value") else {
        return element_content(text, from, limit);
    };
    let mut p = from + i + 5;
    // `\"value\":` in JSON escaped into a string.
    while at(text, p) == b'\\' && p - (from + i + 5) < 8 {
        p += 1;
    }
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

/// `<entry key="db.password">P@ss…</entry>`: the content of the element whose attribute
/// named the key (its tag closing on the same line, before `limit`).
fn element_content(text: &str, from: usize, limit: usize) -> Option<Value> {
    let window = &text[from..limit];
    let close = window.find('>')?;
    if window[..close].contains(['<', '\n']) || window[..close].ends_with('/') {
        return None;
    }
    let start = from + close + 1;
    let end = start + window[close + 1..].find('<')?;
    (end > start && !text[start..end].contains('\n')).then_some(Value {
        range: start..end,
        quoted: true,
    })
}

/// `user/password: admin / P@ss…`: after a label naming a pair (the key follows a `/`),
/// the value after the slash is the password.
pub(super) fn slash_label(text: &str, ks: usize) -> bool {
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
pub(super) fn split_glued_pair(text: &str, v: Value) -> Value {
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
pub(super) fn pair_second(text: &str, after: usize) -> Option<Value> {
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
    // `azadmin /「P@ss…」`: the second in Japanese brackets.
    let open = text[q..].trim_start_matches([' ', '　']);
    if let Some(inner) = open.strip_prefix(['「', '『']) {
        let len = inner.find(['」', '』', '\n'])?;
        let start = text.len() - inner.len();
        return (len > 0 && text[start + len..].starts_with(['」', '』'])).then_some(Value {
            range: start..start + len,
            quoted: true,
        });
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
    let mut passive = false;
    loop {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        // "our client secret, which expires next month, is X": a clause between commas
        // before the verb.
        if i < b.len() && b[i] == b',' {
            let close = i + 1 + b[i + 1..].iter().position(|&c| c == b',')?;
            let mut n = close + 1;
            while n < b.len() && b[n] == b' ' {
                n += 1;
            }
            let verb = ["is ", "was ", "are ", "were "]
                .iter()
                .any(|v| b[n..].starts_with(v.as_bytes()));
            if at(text, i + 1) != b' ' || !verb {
                return None;
            }
            i = n;
            words = words.max(1);
            continue;
        }
        // "the password of the SQL login (hanbai_app) to X", "the passphrase for the key
        // used by ADF (sftp-prod) is X": a name in brackets qualifies the subject.
        if words > 0 && i < b.len() && b[i] == b'(' {
            let close = i
                + 1
                + b[i + 1..b.len().min(i + 42)]
                    .iter()
                    .position(|&c| c == b')')?;
            if close == i + 1 || at(text, close + 1) != b' ' {
                return None;
            }
            i = close + 1;
            continue;
        }
        let ws = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'-' | b'_' | b'\'')) {
            i += 1;
        }
        if i == ws {
            return None;
        }
        let w = &text[ws..i];
        if words == 0 && COMPOUND_HEADS.iter().any(|h| w.eq_ignore_ascii_case(h)) {
            return None;
        }
        let verb = ["is", "was", "are", "were", "became", "becomes"]
            .iter()
            .any(|v| w.eq_ignore_ascii_case(v));
        // "the key we were given is X": a verb before a participle is not the one.
        let participle = verb && at(text, i) == b' ' && {
            let mut e = i + 1;
            while e < b.len() && b[e].is_ascii_lowercase() {
                e += 1;
            }
            let next = &text[i + 1..e];
            at(text, e) == b' '
                && (next.ends_with("ed")
                    || next.ends_with("en")
                    || ["set", "sent", "told", "shown", "put", "reset"].contains(&next))
        };
        // "… was reset by the portal to X": a passive verb's agent before the value.
        passive |= participle;
        // "… is X", "… was set to X", "changed the password of the jump box to X".
        if words > 0 && !participle && (verb || w.eq_ignore_ascii_case("to")) {
            let colon = (at(text, i) == b':') as usize;
            // "the password for the break-glass account is now X".
            let mut v = read_value(text, skip_fillers(text, i + colon), false)?;
            // "was reset to **X**": the value inside its bold marks.
            let s = &text[v.range.clone()];
            let bold = s.len() - s.trim_start_matches('*').len();
            if (2..=3).contains(&bold) && s.len() > 2 * bold && s.ends_with(&s[..bold]) {
                v.range = v.range.start + bold..v.range.end - bold;
            }
            let s = &text[v.range.clone()];
            // An address ("sent to Taro.Yamada@example.com") is not a password.
            let email = s.find('@').is_some_and(|a| s[a..].contains('.'));
            return (!email).then_some(v);
        }
        words += 1;
        // "Password for the jump box: X".
        if at(text, i) == b':' && at(text, i + 1) == b' ' {
            return read_value(text, i + 1, false);
        }
        if words > if passive { 11 } else { 7 } || i >= b.len() || !matches!(b[i], b' ' | b',') {
            return None;
        }
    }
}

/// Whether the key word at `ks` stands in a relative clause of another noun ("the commit
/// that removed the hard-coded token is …", "the job which reads the key was …"): what
/// the sentence then says "is" belongs to that noun, not to the key. A clause of a word
/// that stands for the value itself ("the value that replaced the old token is …") is no
/// such noun.
fn in_relative_clause(text: &str, ks: usize) -> bool {
    let from = ceil(text, ks.saturating_sub(60).max(line_start(text, ks)));
    let head = &text[from..ks];
    // The clause starts after the sentence's last stop.
    let head = head
        .rfind(['.', ';', ':', '!', '?', ','])
        .map_or(head, |i| &head[i + 1..]);
    let lower = head.to_ascii_lowercase();
    let Some(r) = [" that ", " which ", " who "]
        .iter()
        .filter_map(|w| lower.rfind(w))
        .max()
    else {
        return false;
    };
    let noun = lower[..r].rsplit(' ').next().unwrap_or("");
    // Not after a verb or a conjunction ("I think that the token is …", "so that").
    !noun.is_empty()
        && ![
            "value",
            "one",
            "string",
            "thing",
            "secret",
            "password",
            "key",
            "token",
            "it",
            "is",
            "was",
            "so",
            "such",
            "now",
            "given",
            "except",
            "say",
            "says",
            "said",
            "sure",
            "note",
            "noted",
            "think",
            "thought",
            "know",
            "knew",
            "believe",
            "see",
            "saw",
            "seems",
            "seemed",
            "mean",
            "means",
            "meant",
            "guess",
            "hope",
            "assume",
            "confirm",
            "confirmed",
            "found",
            "noticed",
            "realized",
            "realised",
            "verify",
            "verified",
            "check",
            "checked",
            "ensure",
            "make",
            "tell",
            "told",
        ]
        .contains(&noun)
}

/// Conversions that make a key's bytes from a string literal, lowercase with their
/// opening parenthesis.
const CONVERSIONS: &[&str] = &[
    "[]byte(",
    "bytes.fromhex(",
    "bytes(",
    "buffer.from(",
    "encoding.utf8.getbytes(",
    "encoding.ascii.getbytes(",
    "convert.frombase64string(",
    "convert.fromhexstring(",
    "base64.b64decode(",
    "base64.urlsafe_b64decode(",
    "base64.stdencoding.decodestring(",
    "hex.decodestring(",
    "atob(",
];

/// The literal a conversion at `p` (one of [`CONVERSIONS`]) reads: `[]byte("…")`.
fn converted_literal(text: &str, p: usize) -> Option<Value> {
    let head = text.get(p..ceil(text, (p + 32).min(text.len())))?;
    let call = CONVERSIONS.iter().find(|c| {
        head.len() >= c.len() && head.as_bytes()[..c.len()].eq_ignore_ascii_case(c.as_bytes())
    })?;
    let b = text.as_bytes();
    let mut q = p + call.len();
    while matches!(at(text, q), b' ' | b'b') {
        q += 1;
    }
    let quote = at(text, q);
    if !matches!(quote, b'"' | b'\'' | b'`') {
        return None;
    }
    let start = q + 1;
    let le = line_end(text, start);
    let end = start + b[start..le].iter().position(|&c| c == quote)?;
    (end > start).then_some(Value {
        range: start..end,
        quoted: true,
    })
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

/// Words after `key` or `token` that name something about it, not its value ("the key
/// thumbprint is …", "the key vault is …", "the token's ID was …").
const KEY_ATTRIBUTES: &[&str] = &[
    "id",
    "ids",
    "identifier",
    "name",
    "thumbprint",
    "fingerprint",
    "hash",
    "version",
    "vault",
    "uri",
    "url",
    "type",
    "size",
    "length",
    "expiry",
    "expiration",
    "expires",
    "lifetime",
    "count",
    "number",
    "serial",
    "kid",
    "alias",
    "format",
];

/// Whether the Markdown table cell at `i` lies in a column whose header names an attribute
/// of a secret rather than its value (`Version`, `ID`, `Expires`, `バージョン`, `有効期限`).
fn attribute_column(text: &str, i: usize) -> bool {
    let ls = line_start(text, i);
    let column = text[ls..i].matches('|').count();
    // Up the table to the line above its `|---|` rule.
    let mut l = ls;
    for _ in 0..64 {
        if l == 0 {
            return false;
        }
        let prev = line_start(text, l - 1);
        if at(text, l - 1) != b'\n' || prev > 0 && at(text, prev - 1) != b'\n' {
            return false;
        }
        let line = text[prev..l - 1].trim();
        if !line.starts_with('|') {
            return false;
        }
        if line.bytes().all(|c| matches!(c, b'|' | b'-' | b':' | b' ')) {
            if prev == 0 {
                return false;
            }
            let hs = line_start(text, prev - 1);
            let Some(cell) = text[hs..prev - 1].split('|').nth(column) else {
                return false;
            };
            let cell = cell.trim();
            return names_key_attribute(cell)
                || [
                    "バージョン",
                    "有効期限",
                    "期限",
                    "種類",
                    "名前",
                    "作成日",
                    "更新日",
                    "拇印",
                ]
                .iter()
                .any(|w| cell.contains(w));
        }
        l = prev;
    }
    false
}

/// Whether the words `between` a key and its value name an attribute of the key.
fn names_key_attribute(between: &str) -> bool {
    between
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| KEY_ATTRIBUTES.iter().any(|a| w.eq_ignore_ascii_case(a)))
}

/// The kind of secret a bare `key` is when the word before it (at `ks`) names one: "the
/// signing key", "the shared key", "our API key".
fn secret_key_qualifier(text: &str, ks: usize) -> Option<Kind> {
    let b = text.as_bytes();
    let mut e = ks;
    while e > 0 && b[e - 1] == b' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && e - s < 16 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    let word = text[s..e].to_ascii_lowercase();
    match word.as_str() {
        "shared" | "preshared" | "pre-shared" => Some(Kind::PreSharedKey),
        "signing" | "secret" | "encryption" | "hmac" | "aes" | "symmetric" | "webhook"
        | "master" | "admin" | "private" | "api" | "access" | "subscription" | "host"
        | "function" => Some(Kind::Secret),
        "primary" | "secondary" | "storage" | "account" | "redis" | "sas" | "hub" | "hubs"
        | "bus" | "signalr" | "relay" | "search" | "cosmos" | "connection" => Some(Kind::AccessKey),
        _ => None,
    }
}

/// `sig の部分（デコードした後）は X です`: the value later in the Japanese sentence the key
/// (`word`) opens, when no value follows its particle.
fn ja_sentence_value(
    text: &str,
    word: Range<usize>,
    class: Class,
    kind: Kind,
    out: &mut Vec<Finding>,
) {
    if let Some(w) = super::prose::sentence_value(text, word, class) {
        out.push(Finding {
            range: w.range,
            kind,
        });
    }
}

/// Whether the word at `ks` opens its sentence (the start of a line, past a list mark,
/// or after a full stop): "Key we send in the header is …".
fn sentence_subject(text: &str, ks: usize) -> bool {
    // Most keys follow a word of their sentence ("partition key", "row key"): left at once.
    let b = text.as_bytes();
    let mut e = ks;
    while e > 0 && b[e - 1] == b' ' {
        e -= 1;
    }
    if e > 0 && (b[e - 1].is_ascii_alphanumeric() || b[e - 1] == b',') {
        return false;
    }
    let head = text[line_start(text, ks)..ks].trim_end_matches(' ');
    head.trim_start_matches([' ', '-', '*', '>']).is_empty() || head.ends_with(['.', '!', '?'])
}

/// An all-letter password after an explicit `Password:` label, alone to the end of the
/// line (`Password: sunshine`), when it is no status word, mask or placeholder.
pub(super) fn label_word(text: &str, v: &Value, class: Class, sep: Sep) -> bool {
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

/// Whether byte `i` lies inside a template or configuration expression opened earlier
/// on its line and not closed before `i`: Helm and Jinja `{{ … }}`, shell and compose
/// `${…}`, `$(…)`, Octopus `#{…}`, ERB `<%= … %>`. A key there names a
/// value that is filled in elsewhere.
pub(crate) fn inside_expression(text: &str, i: usize) -> bool {
    // One pass back over at most 256 bytes of the line: an opener with no closer after.
    let b = text.as_bytes();
    let from = i.saturating_sub(256);
    // Most keys have no opener before them on their line.
    if memchr::memrchr3(b'{', b'(', b'%', &b[from..i]).is_none() {
        return false;
    }
    let (mut brace, mut paren, mut erb) = (false, false, false);
    for j in (from..i).rev() {
        let prev = if j > from { b[j - 1] } else { 0 };
        match b[j] {
            b'\n' => return false,
            b'}' => brace = true,
            b')' => paren = true,
            b'>' if prev == b'%' => erb = true,
            b'{' if matches!(prev, b'{' | b'$' | b'#') && !brace => return true,
            b'(' if prev == b'$' && !paren => return true,
            b'%' if prev == b'<' && !erb => return true,
            _ => {}
        }
    }
    false
}

/// `… | default "value"` after a key inside a template: the literal default.
fn template_default(text: &str, ke: usize) -> Option<Value> {
    let le = line_end(text, ke).min(ke + 200);
    let rest = &text[ke..ceil(text, le)];
    let close = rest.find("}}").unwrap_or(rest.len());
    let d = rest[..close].find("| default ")?;
    let v = read_value(text, ke + d + "| default ".len(), false)?;
    v.quoted.then_some(v)
}

/// "… with P@ss… as the password", "I used P@ss… for the password": a password-shaped
/// word before `as (the|a|our) ` or `for (the|my|our) `.
fn value_before_as(text: &str, ks: usize) -> Option<Range<usize>> {
    // Cheap test first: every word above ends in a space, and the last word before the
    // key (after its qualifier, if any) is `as`, `the`, `a`, `our` or `my`.
    let b = text.as_bytes();
    let mut e = ks;
    while e > 0 && b[e - 1] == b' ' {
        e -= 1;
    }
    let mut w = e;
    while w > 0 && b[w - 1].is_ascii_alphabetic() {
        w -= 1;
    }
    let last_word = |w: usize, e: usize| {
        let word = &b[w..e];
        [&b"as"[..], b"the", b"a", b"our", b"my"]
            .iter()
            .any(|x| word.len() >= x.len() && word[word.len() - x.len()..].eq_ignore_ascii_case(x))
    };
    let qualified = w >= 4 && b[w - 1] == b' ' && last_word(w - 4, w - 1);
    if !last_word(w, e) && !qualified {
        return None;
    }
    let from = ceil(text, line_start(text, ks).max(ks.saturating_sub(200)));
    let mut before = &text[from..ks];
    // "… for the admin password": one qualifying word between.
    let word = before
        .trim_end_matches(' ')
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if word.len() < before.len() && word.len() + 17 >= before.len() && word.ends_with("the ") {
        before = word;
    }
    let rest = [
        "as the ",
        "as a ",
        "as our ",
        "as my ",
        "as ",
        "for the ",
        "for my ",
        "for our ",
        "into the ",
        "in the ",
        "is the ",
        "was the ",
        "is our ",
        "is my ",
    ]
    .iter()
    .find_map(|w| {
        let cut = before.len().checked_sub(w.len())?;
        (before.is_char_boundary(cut) && before[cut..].eq_ignore_ascii_case(w))
            .then(|| &before[..cut])
    })?;
    let rest = rest.strip_suffix(' ')?;
    let start = rest
        .rfind(|c: char| c.is_whitespace() || !c.is_ascii())
        .map_or(0, |p| {
            p + rest[p..].chars().next().map_or(1, char::len_utf8)
        });
    let v = &rest[start..];
    // `typed "P@ss…" into the password box`: a quoted value, its quotes left out; only
    // a quoted one goes "into" or "in" the field.
    let (v, start, end) = match v.as_bytes() {
        [q @ (b'"' | b'\'' | b'`'), .., last] if last == q && v.len() > 2 => {
            (&v[1..v.len() - 1], start + 1, rest.len() - 1)
        }
        _ if before.ends_with("in the ") || before.ends_with("into the ") => return None,
        _ => (v, start, rest.len()),
    };
    (looks_like_password(v) && !is_placeholder(v)).then(|| from + start..from + end)
}

/// A Japanese particle after an ASCII key (`IssuerSigningKey）は …`, `client_secret の値は …`):
/// the separator and how many bytes it takes.
fn japanese_particle(text: &str, p: usize) -> Option<(Sep, usize)> {
    let mut q = p;
    while matches!(char_at(text, q), '）' | ')' | '」' | '』' | '`' | ' ') && q - p < 8 {
        q += char_at(text, q).len_utf8();
    }
    let rest = &text[q..];
    for (word, sep) in [
        ("の値は", Sep::Weak),
        ("の値：", Sep::Strong),
        ("の値:", Sep::Strong),
        // `AccountKey 部分（…）`, `AccountKey の部分は …`: the key's part of a string.
        ("の部分は", Sep::Weak),
        ("部分は", Sep::Weak),
        ("の部分：", Sep::Strong),
        ("部分：", Sep::Strong),
        ("の部分（", Sep::Strong),
        ("部分（", Sep::Strong),
        ("は", Sep::Weak),
        ("には", Sep::Weak),
        ("に", Sep::Weak),
        // `sig が X になっています`.
        ("が", Sep::Weak),
        ("：", Sep::Strong),
    ] {
        if rest.starts_with(word) {
            return Some((sep, q - p + word.len()));
        }
    }
    // `PSK を `X` にしています`, `client_secret を X に更新`: what the key was set to, a
    // に (or へ) right after the value.
    let r = rest.strip_prefix('を')?;
    let v = r.trim_start_matches([' ', '　', '`', '「', '"', '\'']);
    let len = v.find(|c: char| c == ' ' || c == '`' || c == '"' || c == '\'' || !c.is_ascii())?;
    let after = v[len..].trim_start_matches([' ', '`', '」', '"', '\'']);
    (len > 0 && after.starts_with(['に', 'へ'])).then_some((Sep::Weak, q - p + 'を'.len_utf8()))
}

/// `Key Vault secret `portal-tls-2027``, "the vault secret db-admin": a secret stored in a
/// vault, named by the word after it (no `:`, `=` or "is" between them). A Key Vault
/// secret's name holds only letters, digits and dashes; a value with any other character
/// is read on as a value, and so is a bare word without a dash or digit ("… secret is X").
pub(super) fn names_a_vault_secret(text: &str, ks: usize, ke: usize) -> bool {
    // "Key Vault", "KeyVault" and "vault" all end in the one word; in Japanese the vault
    // comes before its secret with の (`Key Vault のシークレット`, `キー コンテナーのシークレット`).
    let head = text[..ks].trim_end_matches(' ');
    let head = head
        .strip_suffix('の')
        .unwrap_or(head)
        .trim_end_matches(' ');
    let before = head.as_bytes();
    if !before
        .len()
        .checked_sub(5)
        .is_some_and(|cut| before[cut..].eq_ignore_ascii_case(b"vault"))
        && !head.ends_with("コンテナー")
    {
        return false;
    }
    let rest = text[ke..].trim_start_matches(' ');
    let quote = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '`' | '"' | '\'' | '「'));
    let rest = quote.map_or(rest, |q| &rest[q.len_utf8()..]);
    let len = rest
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-')
        .count();
    let after = rest[len..].chars().next();
    (1..=127).contains(&len)
        && match quote {
            Some('「') => after == Some('」'),
            Some(q) => after == Some(q),
            None if !rest[..len].bytes().any(|c| c == b'-' || c.is_ascii_digit()) => false,
            None => after.is_none_or(|c| {
                c.is_whitespace()
                    || matches!(
                        c,
                        '.' | ',' | ')' | '。' | '、' | 'を' | 'の' | 'に' | 'が' | 'は'
                    )
            }),
        }
}

/// How far from a reference its declaration is looked for, in bytes.
const DECLARED_WITHIN: usize = 8192;

/// Whether `name` is an identifier that a template or script in `text` declares (Bicep
/// `param NAME` / `var NAME`, Terraform `variable "NAME"`, JavaScript `const NAME`) within
/// a few pages of `at_byte`.
fn declared_name(text: &str, at_byte: usize, name: &str) -> bool {
    let b = name.as_bytes();
    if b.len() < 3
        || !b[0].is_ascii_alphabetic()
        || !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        return false;
    }
    let lo = super::bytes::floor(text, at_byte.saturating_sub(DECLARED_WITHIN));
    let hi = ceil(text, (at_byte + DECLARED_WITHIN).min(text.len()));
    ["param ", "var ", "variable \"", "const ", "let "]
        .iter()
        .any(|d| {
            let mut from = lo;
            while let Some(i) = text[from..hi].find(d) {
                let at_name = from + i + d.len();
                from = at_name;
                let line_head = &text[line_start(text, at_name - d.len())..at_name - d.len()];
                if text[at_name..].starts_with(name)
                    && !at(text, at_name + name.len()).is_ascii_alphanumeric()
                    && line_head.trim().is_empty()
                {
                    return true;
                }
            }
            false
        })
}

/// Bicep's `param adminPassword string = '…'`: past the type and the `=` at `p`.
fn bicep_type(text: &str, p: usize) -> Option<usize> {
    let rest = &text[p..ceil(text, (p + 24).min(text.len()))];
    ["securestring", "string", "object", "secureobject"]
        .iter()
        .find_map(|t| {
            let r = rest.strip_prefix(t)?;
            let r = r.trim_start_matches(' ').strip_prefix('=')?;
            Some(rest.len() - r.len())
        })
        .filter(|_| {
            line_start(text, p) < p
                && text[line_start(text, p)..p]
                    .trim_start()
                    .starts_with("param ")
        })
}

/// Past Markdown emphasis closing a bold label (`**Password:** value`) and the spaces
/// after it.
fn skip_emphasis(text: &str, mut p: usize) -> usize {
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
    }
    let mut q = p;
    while matches!(at(text, q), b'*' | b'_') && q - p < 3 {
        q += 1;
    }
    if q > p && matches!(at(text, q), b' ' | b'\t') {
        while matches!(at(text, q), b' ' | b'\t') {
            q += 1;
        }
        return q;
    }
    p
}

/// Words between "is" and the value: "the password is now X", "… is still X".
const FILLERS: &[&str] = &[
    "now",
    "literally",
    "exactly",
    "temporarily",
    "still",
    "currently",
    "simply",
    "just",
    "also",
    "actually",
];

/// Phrases between the verb and the value that name the value's form or say it stayed:
/// "set it to the phrase X", "is same as before "X"".
const FILLER_PHRASES: &[&str] = &[
    "the phrase ",
    "the passphrase ",
    "the string ",
    "the value ",
    "the word ",
    "the same as before ",
    "same as before ",
    "same as last time ",
    "the same as last time ",
];

fn skip_fillers(text: &str, mut p: usize) -> usize {
    loop {
        while matches!(at(text, p), b' ' | b'\t') {
            p += 1;
        }
        // Each phrase opens with `the` or `same`: most words are passed on their first byte.
        if let Some(f) = FILLER_PHRASES
            .iter()
            .filter(|_| matches!(at(text, p) | 0x20, b't' | b's'))
            .find(|f| {
                text.as_bytes()
                    .get(p..p + f.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(f.as_bytes()))
            })
        {
            p += f.len();
            continue;
        }
        let mut e = p;
        while at(text, e).is_ascii_alphabetic() {
            e += 1;
        }
        let w = &text[p..e];
        if e > p && at(text, e) == b' ' && FILLERS.iter().any(|f| f.eq_ignore_ascii_case(w)) {
            p = e;
        } else {
            return p;
        }
    }
}

/// `"localAdmin": { "value": "…" }` under a line saying `localAdmin は…パスワードです`: the
/// object's own name (an ARM parameter's) told above, by a sentence or a comment naming
/// a credential.
fn parent_told_above(text: &str, ks: usize) -> Option<Class> {
    let b = text.as_bytes();
    let mut i = ks;
    if at(text, i.wrapping_sub(1)) == b'"' {
        i -= 1;
    }
    let back = |mut i: usize| {
        while i > 0 && b[i - 1].is_ascii_whitespace() && ks - i < 200 {
            i -= 1;
        }
        i
    };
    i = back(i);
    if at(text, i.wrapping_sub(1)) != b'{' {
        return None;
    }
    i = back(i - 1);
    if at(text, i.wrapping_sub(1)) != b':' {
        return None;
    }
    i = back(i - 1);
    if at(text, i.wrapping_sub(1)) != b'"' {
        return None;
    }
    let end = i - 1;
    let lo = ceil(text, end.saturating_sub(64));
    let start = text[lo..end].rfind('"')? + lo + 1;
    let name = &text[start..end];
    if name.len() < 3 || !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
        return None;
    }
    let from = ceil(text, start.saturating_sub(4096));
    let above = &text[from..line_start(text, start)];
    above.lines().rev().take(40).find_map(|line| {
        let at_name = line.find(name)?;
        let whole = !line[..at_name].ends_with(|c: char| c.is_ascii_alphanumeric())
            && !line[at_name + name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric());
        // The line that declares it (`"localAdmin": {`) says nothing about it.
        let prose = !line[at_name + name.len()..]
            .trim_start_matches('"')
            .trim_start()
            .starts_with(':');
        (whole && prose).then(|| comment_says(line)).flatten()
    })
}

/// The object holding a bare `value` key, when it is a secret's: a Key Vault secret
/// bundle (`"id": "https://….vault.azure.net/secrets/…"`) or a VPN connection's shared
/// key (`…/connections/…/sharedkey`). JSON objects by their braces; YAML (no brace near)
/// by the lines around at the key's indentation.
fn secret_object(text: &str, ks: usize) -> Option<(Class, Kind)> {
    const REACH: usize = 2048;
    let b = text.as_bytes();
    let lo = ks.saturating_sub(REACH);
    let hi = (ks + REACH).min(b.len());
    let mut depth = 0usize;
    let mut open = None;
    for i in (lo..ks).rev() {
        match b[i] {
            b'}' => depth += 1,
            b'{' if depth == 0 => {
                open = Some(i);
                break;
            }
            b'{' => depth -= 1,
            _ => {}
        }
    }
    let span = match open {
        Some(o) => {
            let mut depth = 0usize;
            let mut close = hi;
            for (i, &c) in b.iter().enumerate().take(hi).skip(ks) {
                match c {
                    b'{' => depth += 1,
                    b'}' if depth == 0 => {
                        close = i;
                        break;
                    }
                    b'}' => depth -= 1,
                    _ => {}
                }
            }
            o..close
        }
        None => yaml_block(text, ks),
    };
    let body = text.get(span)?.to_ascii_lowercase();
    // An object flagged secret beside its value: API Management named values
    // (`"secret": true`), app settings exports (`"isSecret": true`), Data Factory
    // (`"type": "SecureString"`).
    let flagged = [
        "\"secret\": true",
        "\"secret\":true",
        "\"issecret\": true",
        "\"issecret\":true",
        "secret: true",
        "\"securestring\"",
    ]
    .iter()
    .any(|f| body.contains(f));
    if body.contains(".vault.azure.net/secrets/")
        || body.contains(".vault.azure.cn/secrets/")
        || flagged
    {
        Some((Class::Secret, Kind::Secret))
    } else if body.contains("/sharedkey\"") || body.contains("/sharedkey\n") {
        Some((Class::Key(Kind::PreSharedKey), Kind::PreSharedKey))
    } else {
        None
    }
}

/// A key next to what it opens or signs (`{"Endpoint": "https://…", "Key": "…"}`, `"Jwt":
/// {"Key": "…", "Issuer": …}`): an endpoint, a URL, an issuer or an audience within the
/// same line or the few lines around.
fn beside_endpoint(text: &str, i: usize) -> bool {
    let from = ceil(text, line_start(text, i.saturating_sub(200)));
    let to = ceil(text, line_end(text, (i + 200).min(text.len())));
    let around = text[from..to].to_ascii_lowercase();
    ["endpoint", "https://", "issuer", "audience"]
        .iter()
        .any(|w| around.contains(w))
}

/// Past the format word of a device's pre-shared key: YAMAHA `pre-shared-key 1 text …`,
/// Junos `pre-shared-key ascii-text …`, Cisco `key 0 …`.
fn skip_key_format(text: &str, mut p: usize) -> usize {
    for _ in 0..2 {
        let mut e = p;
        while at(text, e).is_ascii_alphanumeric() || at(text, e) == b'-' {
            e += 1;
        }
        let w = &text[p..e];
        let format = w.len() <= 2 && w.bytes().all(|c| c.is_ascii_digit())
            || matches!(w, "text" | "ascii-text" | "hexadecimal");
        if !format || at(text, e) != b' ' {
            break;
        }
        p = e;
        while at(text, p) == b' ' {
            p += 1;
        }
    }
    p
}

/// The value alone on the line below `p`, when nothing but a lead-in (以下のとおり,
/// "below", "as follows") follows `p` on its line.
pub(super) fn next_line_value(text: &str, p: usize) -> Option<Value> {
    let le = line_end(text, p);
    let rest = text[p..le].trim().to_ascii_lowercase();
    let lead_in = rest.is_empty()
        || [
            "以下",
            "次のとおり",
            "次の通り",
            "下記",
            "below",
            "as follows",
        ]
        .iter()
        .any(|w| rest.starts_with(w));
    if !lead_in || le >= text.len() {
        return None;
    }
    let mut next = le + 1;
    if text[next..line_end(text, next)].trim().is_empty() && line_end(text, next) < text.len() {
        next = line_end(text, next) + 1;
    }
    let line = &text[next..line_end(text, next)];
    let t = line.trim().trim_matches('`');
    if t.is_empty() || t.contains([' ', '\t', '：']) || t.ends_with(':') || !t.is_ascii() {
        return None;
    }
    // A JSON object or a connection string below "the key:" holds its own pairs: its
    // secret parts are found by their keys, the whole line is not one value.
    if t.starts_with(['{', '[']) || holds_pairs(t) {
        return None;
    }
    // The next setting below one left empty (`.env`, INI, properties: `MASTER_KEY=` ⏎
    // `TENANT_ID=…`): a name and its `=`, where base64 has `=` only at its end.
    if let Some((name, rest)) = t.split_once('=') {
        let ident = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'));
        if ident && !rest.is_empty() && !rest.starts_with('=') {
            return None;
        }
    }
    let start = next + line.find(t)?;
    Some(Value {
        range: start..start + t.len(),
        quoted: false,
    })
}

/// After a question about a secret in a chat (`パスワード何だっけ`, `パスワード教えて`,
/// `パスワードは？`, `what's the password again?`), the next message when it is a single token: `[10:03] 鈴木: P@ss…`,
/// `鈴木：P@ss…（大文字注意）`, when it looks like a password. Whether the rest of the line
/// at `p` is such a question followed by such a message.
pub(super) fn chat_answer(text: &str, p: usize, kind: Kind, out: &mut Vec<Finding>) -> bool {
    // A question is short: the line's end is near (a long line is left at once).
    let end = (p + 100).min(text.len());
    let le = match memchr::memchr(b'\n', &text.as_bytes()[p..end]) {
        Some(i) => p + i,
        None if end == text.len() => end,
        None => return false,
    };
    if !asks_for_it(text[p..le].trim()) {
        return false;
    }
    let Some(v) = chat_message(text, p) else {
        return chat_replies(text, p, kind, out) || super::prose::quoted_reply(text, p, kind, out);
    };
    if looks_like_password(&text[v.range.clone()]) {
        out.push(Finding {
            range: v.range,
            kind,
        });
    }
    true
}

/// Whether the rest of a line after a secret's name asks for it: `パスワード何だっけ`,
/// `アクセスキーを教えていただけますか。`, `what's the password?`.
fn asks_for_it(rest: &str) -> bool {
    rest.len() <= 24 * 4
        && rest.chars().count() <= 24
        && (rest.ends_with(['?', '？'])
            || [
                "っけ",
                "教えて",
                "ご教示",
                "お知らせください",
                "ますか",
                "でしょうか",
            ]
            .iter()
            .any(|w| rest.contains(w)))
}

/// A chat message that only points at the next one: `これです`, `こちらです↓`, `下記です`,
/// `here it is:`, `this one`.
fn points_below(msg: &str) -> bool {
    let m = msg
        .trim_end_matches(['。', '！', '!', ':', '：', '↓', '⬇', ' ', '.'])
        .to_ascii_lowercase();
    [
        "これです",
        "こちらです",
        "これ",
        "こちら",
        "下記です",
        "以下です",
        "これになります",
        "こちらになります",
        "here it is",
        "here you go",
        "this one",
        "it's this",
        "here",
    ]
    .contains(&m.as_str())
}

/// A chat line that only names the speaker and the time (`中村 14:03`, `Tanaka 10:42 AM`).
fn speaker_header(line: &str) -> bool {
    let t = line.trim().trim_end_matches(" AM").trim_end_matches(" PM");
    let b = t.as_bytes();
    let n = b.len();
    t.chars().count() <= 24
        && n >= 5
        && b[n - 3] == b':'
        && b[n - 2..].iter().all(u8::is_ascii_digit)
        && b[n - 4].is_ascii_digit()
}

/// The replies to a question about a secret (see [`asks_for_it`]) over the next few lines,
/// each message on its own line after a speaker header or blank lines: `「P@ss…」です！`,
/// `すみません、正しくは『P@ss…』です`, `こちらです→ <key>`. Stops at the first message that
/// gives no value.
fn chat_replies(text: &str, p: usize, kind: Kind, out: &mut Vec<Finding>) -> bool {
    let le = line_end(text, p);
    if !asks_for_it(text[p..le].trim()) || le >= text.len() {
        return false;
    }
    let shaped = |s: &str| {
        !is_placeholder(s)
            && if kind == Kind::Password {
                looks_like_password(s)
            } else {
                looks_random(s, 24)
            }
    };
    let found = out.len();
    let mut next = le + 1;
    for _ in 0..8 {
        if next >= text.len() || out.len() - found >= 2 {
            break;
        }
        let end = line_end(text, next);
        let line = &text[next..end];
        let start = next;
        next = end + 1;
        let t = line.trim_matches([' ', '\t', '　']);
        if t.is_empty() || speaker_header(t) {
            continue;
        }
        // `[10:02] Mia: …`: past the time stamp and the speaker.
        let mut t = t;
        if t.starts_with('[') {
            if let Some(c) = t.find(']') {
                t = t[c + 1..].trim_start();
            }
        }
        if let Some(c) = t.find([':', '：']) {
            let who = &t[..c];
            let spoken = t[c..].starts_with(": ") || t[c..].starts_with('：');
            // `Anil Kumar:`, `中村 由香：`: a full name, two words at most.
            if spoken
                && !who.is_empty()
                && who.chars().count() <= 16
                && who.matches(' ').count() <= 1
            {
                t = t[c + t[c..].chars().next().map_or(1, char::len_utf8)..].trim_start();
            }
        }
        let Some(v) = reply_value(t) else {
            // `これです` ⏎ `<value>`: a message pointing at the next one.
            if points_below(t) {
                continue;
            }
            break;
        };
        let s = &t[v.clone()];
        if !shaped(s) {
            break;
        }
        let off = start + (t.as_ptr() as usize - line.as_ptr() as usize);
        out.push(Finding {
            range: off + v.start..off + v.end,
            kind,
        });
    }
    out.len() > found
}

/// The value a reply gives: in brackets (`「P@ss…」です`), after an arrow (`こちらです→ X`),
/// or the message alone.
pub(super) fn reply_value(t: &str) -> Option<Range<usize>> {
    for (open, close) in [
        ('「', '」'),
        ('『', '』'),
        ('【', '】'),
        ('"', '"'),
        ('`', '`'),
    ] {
        if let Some(o) = t.find(open) {
            let from = o + open.len_utf8();
            let c = t[from..].find(close)?;
            let s = &t[from..from + c];
            if !s.is_empty() && s.is_ascii() && !s.contains(' ') {
                return Some(from..from + c);
            }
        }
    }
    if let Some(a) = t.rfind(['→', '⇒']) {
        let from = a + '→'.len_utf8();
        let v = t[from..].trim_start();
        let from = t.len() - v.len();
        let len = v
            .find(|c: char| c.is_whitespace() || !c.is_ascii())
            .unwrap_or(v.len());
        return (len > 0).then_some(from..from + len);
    }
    // `P@ss… です`, `it's P@ss…`, `P@ss… (capital P)`: one ASCII word with a copula or a note.
    let lower = t.to_ascii_lowercase();
    let from = [
        "it's ",
        "it is ",
        "its ",
        "that's ",
        "here it is: ",
        "here it is ",
        "here you go: ",
        "here you go ",
        "sure, it's ",
        "sure: ",
        "try ",
        "i set it to ",
        "we set it to ",
        "set it to ",
        "changed it to ",
        "i used ",
        "we used ",
    ]
    .iter()
    .find(|w| lower.starts_with(**w))
    .map_or(0, |w| w.len());
    let v = &t[from..];
    let len = v
        .find(|c: char| c.is_whitespace() || !c.is_ascii())
        .unwrap_or(v.len());
    let rest = v[len..].trim_start();
    // `P@ss… にしました`: the reply says what it was set to.
    let alone = rest.is_empty()
        || [
            "です",
            "でした",
            "だよ",
            "だった",
            "(",
            "（",
            "←",
            "にしました",
            "にしています",
            "にしてます",
            "にした",
            "に設定",
            "に変更",
            "で設定",
        ]
        .iter()
        .any(|w| rest.starts_with(w));
    (len > 0 && alone).then_some(from..from + len)
}

/// The single-token message answering the question at `p` (see [`chat_answer`]).
fn chat_message(text: &str, p: usize) -> Option<Value> {
    let le = line_end(text, p);
    let rest = text[p..le].trim();
    if !asks_for_it(rest) || le >= text.len() {
        return None;
    }
    let next = le + 1;
    let line = &text[next..line_end(text, next)];
    let mut body = line.trim_start();
    // `[10:03] `: a time stamp.
    if body.starts_with('[') {
        body = body[body.find(']')? + 1..].trim_start();
    }
    // `鈴木: `: the speaker.
    let colon = body.find([':', '：'])?;
    if body[..colon].chars().count() > 16 || body[..colon].contains(' ') {
        return None;
    }
    let sep = body[colon..].chars().next()?.len_utf8();
    let msg = body[colon + sep..].trim_start();
    let token_len = msg
        .find(|c: char| c.is_whitespace() || !c.is_ascii() || c == '(')
        .unwrap_or(msg.len());
    // The message is the token alone, or with a note in brackets (`（大文字注意）`), not a
    // sentence (`1Password に入ってます`).
    let after = msg[token_len..].trim_start();
    if token_len == 0 || !(after.is_empty() || after.starts_with(['（', '('])) {
        return None;
    }
    let start = next + (line.len() - msg.len());
    Some(Value {
        range: start..start + token_len,
        quoted: false,
    })
}

/// `admin / P@ss…` read after a password word ("ユーザー名とパスワードは admin / P@ss…"):
/// the password after the user, when the first is no password and the second is.
pub(super) fn password_after_user(text: &str, v: &Value, class: Class) -> Option<Value> {
    if class != Class::Password || looks_like_password(&text[v.range.clone()]) {
        return None;
    }
    let second = pair_second(text, v.range.end)?;
    looks_like_password(&text[second.range.clone()]).then_some(second)
}

/// The lines around `i` indented as its line is (a YAML mapping), at most 30 each way.
fn yaml_block(text: &str, i: usize) -> Range<usize> {
    let ls = line_start(text, i);
    let indent = |s: usize| text[s..].bytes().take_while(|&c| c == b' ').count();
    let own = indent(ls);
    let mut start = ls;
    for _ in 0..30 {
        if start == 0 {
            break;
        }
        let prev = line_start(text, start - 1);
        if indent(prev) != own || text[prev..start].trim().is_empty() {
            break;
        }
        start = prev;
    }
    let mut end = line_end(text, i);
    for _ in 0..30 {
        if end + 1 >= text.len() {
            break;
        }
        let next_end = line_end(text, end + 1);
        if indent(end + 1) != own || text[end + 1..next_end].trim().is_empty() {
            break;
        }
        end = next_end;
    }
    start..end + usize::from(end < text.len())
}

/// The entry point for an ASCII key anchor (`pass`, `key`, `token`, …).
pub(crate) fn at_key(
    text: &str,
    hit: Range<usize>,
    last: &mut Range<usize>,
    out: &mut Vec<Finding>,
) {
    let b = text.as_bytes();
    // `login` names a password only in a pair (`login is admin / P@ss…`): a slash soon
    // after it on its line, or "login with <user> <password>". Most logins in logs are
    // `Login failed …`: left at once.
    if b[hit.clone()].eq_ignore_ascii_case(b"login")
        && !b[hit.end..].starts_with(b" with ")
        && !b[hit.end..b.len().min(hit.end + 100)]
            .iter()
            .take_while(|&&c| c != b'\n')
            .any(|&c| c == b'/')
    {
        return;
    }
    random_name_part(text, hit.end, out);
    let mut ks = hit.start;
    while ks > 0 && hit.start - ks < 80 && is_key_byte(b[ks - 1]) {
        ks -= 1;
    }
    // A key after a percent escape: `%26sig=`
    let mut after_amp = ks > 0 && text[..ks].ends_with("&amp;");
    if ks > 0 && b[ks - 1] == b'%' && hit.start >= ks + 2 {
        // `%2526sig%253D`: a query encoded twice (a URL inside a URL's parameter).
        let twice = text[ks..].starts_with("2526") && hit.start >= ks + 4;
        after_amp = twice || text[ks..].starts_with("26");
        ks += if twice { 4 } else { 2 };
    }
    // A key after an escaped `&`: `\u0026sig=` (JSON), `\x26sig=`, `&amp;sig=` (XML).
    if ks > 0 && b[ks - 1] == b'\\' {
        if let Some(esc) = ["u0026", "x26"]
            .iter()
            .find(|e| text[ks..].starts_with(**e) && hit.start >= ks + e.len())
        {
            ks += esc.len();
            after_amp = true;
        }
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
    // `Get-AzVirtualNetworkGatewayConnectionSharedKey …`: a cmdlet whose output is the key.
    if key.len() > 40 && key.as_bytes()[key.len() - 9..].eq_ignore_ascii_case(b"sharedkey") {
        super::commands::shared_key_printed(text, ks..ke, out);
        return;
    }
    // A short key, normalized (lowercase letters and digits) on the stack: this runs
    // for every key-like word.
    let mut n_buf = [0u8; 12];
    let mut n_len = 0;
    if key.len() <= 12 {
        for c in key.bytes().filter(u8::is_ascii_alphanumeric) {
            n_buf[n_len] = c.to_ascii_lowercase();
            n_len += 1;
        }
    }
    let n = std::str::from_utf8(&n_buf[..n_len]).unwrap_or("");
    if n == "secret" && names_a_vault_secret(text, ks, ke) {
        return;
    }
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
        n,
        "key" | "value" | "data" | "primary" | "secondary" | "default" | "auth"
    );
    let bare_class = if n == "default" {
        Class::Key(Kind::FunctionKey)
    } else if n == "auth" {
        Class::Key(Kind::BasicAuth)
    } else {
        Class::Key(Kind::AccessKey)
    };
    let login = n == "login";
    // `az functionapp keys set --key-value …`, `-KeyValue …`: a flag naming a key's value.
    let key_value_flag = n == "keyvalue" && key.starts_with('-');
    let classified = classify(key).or_else(|| romaji_class(&text[hit.clone()], key));
    // `auth.value`, `app.secret.data`: a generic last section under one naming a secret;
    // `AUTH_VALUE`, `authData`: what authenticates, named by a generic tail.
    let auth_tail = n.len() > 4
        && n.strip_suffix("value")
            .or_else(|| n.strip_suffix("data"))
            .is_some_and(|stem| stem.ends_with("auth") && !stem.ends_with("oauth"));
    let section = classified
        .is_none()
        .then(|| section_class(key).or(auth_tail.then_some(Class::Secret)))
        .flatten();
    // `LoginValue`, `AuthData`: a generic tail, a password only under a user's name.
    let ends_in = |w: &str| {
        key.len() > w.len() + 1
            && key.as_bytes()[key.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    };
    let generic_tail = !bare
        && !key_value_flag
        && section.is_none()
        && (ends_in("value") || ends_in("data"))
        && classified.is_none();
    // A tool named for a password (`wpa_passphrase SSID …`, `htpasswd -b …`): its
    // arguments say which is the password, not the word after its name.
    let tool_name = key.len() >= 6
        && key.as_bytes()[key.len() - 6..].eq_ignore_ascii_case(b"passwd")
        || key.eq_ignore_ascii_case("wpa_passphrase");
    if tool_name && super::commands::password_tool(text, ks..ke, out) {
        return;
    }
    let Some(class) = classified
        .or(section)
        .or((bare || generic_tail).then_some(bare_class))
        .or(key_value_flag.then_some(Class::Key(Kind::AccessKey)))
        .or(login.then_some(Class::Password))
    else {
        return;
    };
    let kind = kind_of(class, key);
    // Terraform `variable "db_password" { default = "…" }`.
    if at(text, ke) == b'"'
        && (classified.is_some() || section.is_some() || n == "auth")
        && super::code::named_variable_default(text, ks..ke, out)
    {
        return;
    }
    if inside_expression(text, ks) {
        // `{{ .Values.db.password | default "…" }}`: only a literal default is a value.
        if let Some(v) = template_default(text, ke) {
            if accept(class, &text[v.range.clone()], Sep::Strong, v.quoted) {
                out.push(Finding {
                    range: v.range,
                    kind,
                });
            }
        }
        return;
    }
    // `data` names a secret only under a user's name (below); a `Data` column is data.
    if table_header(text, hit.start).is_some() {
        if n != "data" {
            table_column(text, &(ks..ke), class, kind, n == "value", out);
        }
        return;
    }
    if n != "data" && csv_column(text, &(ks..ke), class, kind, out) {
        return;
    }
    if at(text, ke) == b'\t' && named_row(text, &(ks..ke), class, kind, out) {
        return;
    }
    if class == Class::Password && chat_answer(text, ke, kind, out) {
        return;
    }
    if at(text, ks.wrapping_sub(1)) == b' ' && !matches!(class, Class::Sig | Class::Code) {
        // "Use X as the storage key", "X is the client secret": a key, secret or token
        // told before its word must look machine-made; a bare `key` needs a word naming
        // what it opens.
        if let Some(v) = value_before_as(text, ks).filter(|v| {
            class == Class::Password
                || looks_random(&text[v.clone()], 24)
                    && (!bare || n == "key" && secret_key_qualifier(text, ks).is_some())
        }) {
            out.push(Finding { range: v, kind });
        }
    }
    // `"SapGateway:Pwd": "…"`, `'Smtp:Auth:Password'`: a .NET configuration path in
    // quotes, its sections joined by colons; the quote before the path stands for the
    // key's own.
    let before = match at(text, ks.wrapping_sub(1)) {
        b':' => config_path_quote(text, ks).unwrap_or(b':'),
        c => c,
    };
    let is_flag = key.starts_with('-');
    // `https://x-access-token:…@host`: the URL detector owns userinfo.
    if text[..ks].ends_with("://") {
        return;
    }

    // A key that is itself the value of a `name` / `key` attribute or field (a path's
    // last section too: `"name": "ExternalApi:Secret"`).
    if matches!(before, b'"' | b'\'' | b' ') {
        let mut q = config_path_start(text, ks).unwrap_or(ks).max(1) - 1;
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
            let attr = &b[ws..w];
            if (attr.eq_ignore_ascii_case(b"name") || attr.eq_ignore_ascii_case(b"key"))
                && n != "data"
            {
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
    let slashes = b[p..].iter().take(8).take_while(|&&c| c == b'\\').count();
    if slashes > 0 && at(text, p + slashes) == b'"' {
        p += slashes + 1;
    } else if escaped_quote(b, p) > 0 {
        // JSON inside a JSON string, its quotes escaped by System.Text.Json or Gson
        // (`\u0022password\u0022:\u0022…\u0022`), in a log that escapes them as bytes
        // (nginx's `$request_body`: `{\x22password\x22:\x22…\x22}`), or in a URL
        // (`data=%7B%22client_secret%22%3A%22…%22%7D`).
        p += escaped_quote(b, p);
    } else if matches!(at(text, p), b'"' | b'\'') && at(text, p + 1) == b']' {
        // An indexer: `Configuration["AzureAd:ClientSecret"] = "…"`.
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
    while matches!(at(text, p), b' ' | b'\t') || text[p..].starts_with('　') {
        p += if at(text, p) < 0x80 {
            1
        } else {
            '　'.len_utf8()
        };
        spaces += 1;
    }
    // "the AccountKey part (…)", "the sig portion is …": the key's part of a string.
    if spaces > 0 && at(text, p) == b'p' {
        if let Some(w) = ["part ", "portion "]
            .iter()
            .find(|w| text[p..].starts_with(**w))
        {
            p += w.len();
        }
    }
    // "the access key (key1) is …", "the password (admin account) was …": a qualifier in
    // brackets between the word and its verb.
    if spaces > 0 && at(text, p) == b'(' {
        let close = text.as_bytes()[p..line_end(text, p).min(p + 24)]
            .iter()
            .position(|&c| c == b')');
        if let Some(c) = close.filter(|&c| {
            c > 1
                && text[p + 1..p + c]
                    .bytes()
                    .all(|x| x.is_ascii_lowercase() || x.is_ascii_digit() || b" -".contains(&x))
                && matches!(at(text, p + c + 1), b' ' | b':')
        }) {
            p += c + 1;
            while matches!(at(text, p), b' ' | b'\t') {
                p += 1;
            }
        }
    }
    let rest = &text[p..ceil(text, (p + 8).min(text.len()))];
    // Japanese particles and Bicep types, only where the byte after the key allows them.
    let ja_sep = if at(text, p) >= 0x80 || matches!(at(text, p), b')' | b'`' | b' ') {
        japanese_particle(text, p)
    } else {
        None
    };
    let typed = (spaces > 0 && matches!(at(text, p), b's' | b'o'))
        .then(|| bicep_type(text, p))
        .flatten();
    // The first argument of a call: define('DB_PASSWORD', …), setdefault("password", …)
    // … or an argument list: ["--admin-password", "…"].
    let first_arg = matches!(before, b'"' | b'\'') && p > ke && {
        let mut q = ks - 1;
        while q > 0 && matches!(b[q - 1], b' ' | b'\t') {
            q -= 1;
        }
        q > 0 && (b[q - 1] == b'(' || is_flag && matches!(b[q - 1], b'[' | b','))
    };
    // A vault's getter names the secret it reads and then its version
    // (`client.GetSecretAsync("ext-api-key", "<version>")`, `get_secret("db-pw", v)`).
    if first_arg && vault_getter(text, ks) {
        return;
    }
    // "my password (P@ss…) was …": the value in brackets after the word.
    // "our API key (7f3a…) stopped working": a key, secret or token in brackets must look
    // machine-made; a bare `key` needs a word naming what it opens.
    let bracketed_key = !matches!(class, Class::Password | Class::Sig | Class::Code)
        && (!bare || n == "key" && secret_key_qualifier(text, ks).is_some());
    if rest.starts_with('(') && spaces > 0 && (class == Class::Password || bracketed_key) {
        if let Some(close) = text[p..line_end(text, p)].find(')') {
            let inner = p + 1..p + close;
            let s = &text[inner.clone()];
            let shaped = if class == Class::Password {
                looks_like_password(s)
            } else {
                looks_random(s, 24)
            };
            if !s.contains(' ') && shaped && !is_placeholder(s) {
                out.push(Finding { range: inner, kind });
                // "The old password (X) was expired, I've set a new one: Y".
                if let Some(o) = other_one(text, p + close + 1).filter(|_| class == Class::Password)
                {
                    out.push(Finding { range: o, kind });
                }
            }
        }
        return;
    }
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
        } else if let Some(mut v) = prose_is(text, p) {
            // "creds for the jump box are admin / P@ss…": the password after the user.
            let (mut class, mut kind) = (class, kind);
            if matches!(n, "creds" | "credential" | "credentials" | "login")
                || class == Class::Password
            {
                if let Some(second) = pair_second(text, v.range.end) {
                    v = second;
                    (class, kind) = (Class::Password, Kind::Password);
                }
            }
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
    } else if rest
        .as_bytes()
        .get(..3)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"%3a"))
        && rest.as_bytes().get(3..6) == Some(b"%22")
    {
        // JSON encoded in a URL: `%22client_secret%22%3A%22…%22`.
        (Sep::Strong, false, 3)
    } else if rest
        .as_bytes()
        .get(..5)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"%253d"))
    {
        // Encoded twice (`%2526sig%253D…`).
        (Sep::Strong, true, 5)
    } else if rest.starts_with("=>") || rest.starts_with(":=") || rest.starts_with("->") {
        (Sep::Strong, false, 2)
    } else if let Some(arrow) = ['→', '⇒'].iter().find(|a| rest.starts_with(**a)) {
        (Sep::Strong, false, arrow.len_utf8())
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
    } else if rest.starts_with("with ")
        && spaces > 0
        && matches!(n, "creds" | "credential" | "credentials" | "login")
    {
        // "login with admin / P@ss…": the pair after it.
        (Sep::Weak, false, 5)
    } else if let Some(w) = [
        "is ", "was ", "to ", "is: ", "of ", "are ", "from ", "- ", "as ", "became ",
    ]
    .iter()
    .find(|w| {
        spaces > 0
            && rest
                .get(..w.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(w))
    }) {
        (Sep::Weak, false, w.len())
    } else if let Some((sep, skip)) = ja_sep {
        (sep, false, skip)
    } else if let Some(skip) = typed {
        (Sep::Strong, false, skip)
    } else if spaces == 0 && rest.starts_with(", ") && !matches!(class, Class::Sig | Class::Code) {
        // "our client secret, which expires next month, is X".
        if let Some(v) = prose_is(text, p).filter(|_| !in_relative_clause(text, ks)) {
            if accept(class, &text[v.range.clone()], Sep::Weak, v.quoted) {
                out.push(Finding {
                    range: v.range,
                    kind,
                });
            }
        }
        return;
    } else if spaces > 0 && is_flag {
        (Sep::Strong, false, 0)
    } else if spaces > 0 {
        (Sep::Weak, false, 0)
    } else {
        return;
    };
    // "The commit that removed the hard-coded token is <sha>": what "is" tells belongs to
    // the noun the key's clause qualifies.
    if sep == Sep::Weak && skip > 0 && in_relative_clause(text, ks) {
        return;
    }
    // "The signing key is X", "the shared key we set on both sides is X": a bare `key`
    // told in prose, named for a secret by the word before it.
    if n == "key" && sep == Sep::Weak && spaces > 0 {
        // "Key we send in the header is <hex>": the sentence's subject, unqualified, takes
        // only a machine-made value that no hash or identifier shares (see below).
        let qualifier = secret_key_qualifier(text, ks);
        let subject = || sentence_subject(text, ks).then_some(Kind::Secret);
        if let Some(kind) = qualifier.or_else(subject) {
            let told = if skip > 0 {
                read_value(text, p + skip, false)
            } else {
                prose_is(text, p)
                    .filter(|v| !names_key_attribute(&text[p..v.range.start]))
                    // "our API key Zr4T… returns 401": the value right after the words.
                    .or_else(|| read_value(text, p, false))
            };
            if let Some(v) = told {
                let s = &text[v.range.clone()];
                let unqualified = qualifier.is_none();
                if looks_random(s, 24)
                    && !is_placeholder(s)
                    && !(unqualified && (s.contains('-') || super::value::hash_length_hex(s)))
                {
                    out.push(Finding {
                        range: v.range,
                        kind,
                    });
                }
            }
            return;
        }
    }
    // `Code:` in logs and errors is a status, not a Functions key.
    // ... but an Entra authorization code (`0.A` and a long base64url body) is one
    // wherever a query is logged: `"requestQuery": "code=0.AXEA…"`, a W3C `cs-uri-query`.
    let entra_code = || text.get(p + skip..).is_some_and(|v| v.starts_with("0.A"));
    if class == Class::Code && !(eq && (matches!(before, b'?' | b'&') || entra_code())) {
        return;
    }
    // `sig は「…」`, "the sig is …": a signature told in a sentence (judged by its shape
    // below); elsewhere `sig` is a query parameter.
    let sig_told = class == Class::Sig && !eq && (ja_sep.is_some() || sep == Sep::Weak && skip > 0);
    if class == Class::Sig && !eq && !sig_told {
        return;
    }
    // Device configurations: FortiOS / Junos `set psksecret …`, Cisco `crypto isakmp key …`:
    // the word after the key is its value.
    let lead = if spaces > 0 && (sep == Sep::Weak || n == "key") {
        text[line_start(text, ks)..ks].trim()
    } else {
        ""
    };
    let device_key = n == "key" && lead.ends_with("isakmp") && spaces > 0;
    // Configurations aligned by whitespace (Fluent Bit `Shared_Key  …`, sshd, Apache): a
    // key starting its line, two spaces or a tab, and one word ending the line.
    let aligned = sep == Sep::Weak
        && skip == 0
        && lead.is_empty()
        && (spaces >= 2 || text[ke..p].contains('\t'))
        && {
            let v = text[p..line_end(text, p)].trim_end();
            !v.is_empty() && !v.contains([' ', '\t'])
        };
    let (sep, class, kind) = if (lead == "set" || aligned) && spaces > 0 && sep == Sep::Weak {
        (Sep::Strong, class, kind)
    } else if device_key {
        (
            Sep::Strong,
            Class::Key(Kind::PreSharedKey),
            Kind::PreSharedKey,
        )
    } else {
        (sep, class, kind)
    };
    let mut vstart = skip_emphasis(text, p + skip);
    if sep == Sep::Weak {
        vstart = skip_fillers(text, vstart);
    }
    if class == Class::Key(Kind::PreSharedKey) {
        vstart = skip_key_format(text, vstart);
    }
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
    let in_query = eq && (matches!(before, b'?' | b'&') || after_amp);
    // A value on the line below: `Password:` ⏎ `P@ss…`, "the password is below:".
    let Some(mut v) = read_value(text, vstart, in_query).or_else(|| {
        let below = next_line_value(text, vstart)?;
        accept(class, &text[below.range.clone()], Sep::Weak, false).then_some(below)
    }) else {
        // `userPWD はこれです` ⏎ `[13:31] 荒木` ⏎ `X`: the value alone on the lines below.
        if ja_sep.is_some() {
            ja_sentence_value(text, ks..p, class, kind, out);
            super::prose::values_below(text, p, class, kind, out);
        }
        return;
    };
    // `PW は前回お伝えしたものから X に変えてあります`: a Japanese sentence goes on past the
    // particle, the value later in it.
    if ja_sep.is_some() && !v.quoted && !text[v.range.clone()].is_ascii() {
        ja_sentence_value(text, ks..p, class, kind, out);
        return;
    }
    // `hmacKey := []byte("…")`, `key = bytes.fromhex("…")`, `Buffer.from("…", "base64")`:
    // a key's bytes made from a literal.
    if !v.quoted
        && sep == Sep::Strong
        && matches!(
            at(text, v.range.start).to_ascii_lowercase(),
            b'[' | b'b' | b'e' | b'c' | b'h' | b'a'
        )
    {
        if let Some(inner) = converted_literal(text, v.range.start) {
            v = inner;
        }
    }
    // `| sql-admin-pw | <version> | …`: a row naming a secret whose next cell is another
    // attribute of it (the header says Version, ID, Expires).
    if rest.starts_with('|') && attribute_column(text, v.range.start) {
        return;
    }
    // A query encoded twice ends its value at the next `%2526` (`&`) or `%253B` (`;`); a connection
    // string or a query encoded once (`cs=…AccountKey%3D…%3BBlobEndpoint%3D…`,
    // `reset%3Ftoken%3D…%26lang%3Dja`) at the next `%3B` (`;`) or `%26` (`&`), as its
    // key was encoded with it.
    if eq && skip == 5 {
        let value = text[v.range.clone()].as_bytes();
        if let Some(i) = value
            .windows(5)
            .position(|w| w == b"%2526" || w.eq_ignore_ascii_case(b"%253b"))
        {
            v.range.end = v.range.start + i;
        }
    } else if eq && skip == 3 {
        let value = text[v.range.clone()].as_bytes();
        if let Some(i) = value
            .windows(3)
            .position(|w| w.eq_ignore_ascii_case(b"%3b") || w == b"%26")
        {
            v.range.end = v.range.start + i;
        }
    }
    let mut pair = false;
    if slash_label(text, ks) {
        match pair_second(text, v.range.end) {
            Some(second) => v = second,
            None => v = split_glued_pair(text, v),
        }
    } else if matches!(n, "creds" | "credential" | "credentials" | "login") {
        // `creds are admin / P@ss…`, `login is jumpadmin / P@ss…`: the password after the
        // user; a login alone is a user name.
        match pair_second(text, v.range.end) {
            Some(second) => {
                v = second;
                pair = true;
            }
            // "login with azadmin Pebble+Quartz6 pls": the user, a space, then a password
            // a person chose (a name or a word after the user says nothing).
            None if n == "login" && skip == 5 => {
                let after = v.range.end;
                let Some(second) = (at(text, after) == b' ')
                    .then(|| read_value(text, after + 1, false))
                    .flatten()
                else {
                    return;
                };
                if !super::prose::chosen_password(&text[second.range.clone()])
                    || looks_like_password(&text[v.range.clone()])
                {
                    return;
                }
                v = second;
                pair = true;
            }
            None if n == "login" => return,
            // `Creds: admin/P@ss…`: the password after the user's name.
            None => v = split_glued_pair(text, v),
        }
    } else if let Some(second) = password_after_user(text, &v, class) {
        v = second;
    }
    // YAML / prose: a value on the next line is not this key's. JSON may escape a
    // base64 key's slashes (`\/`, PHP's `json_encode`): judged unescaped.
    let raw = &text[v.range.clone()];
    let unescaped: std::borrow::Cow<str> = if raw.contains("\\/") {
        raw.replace("\\/", "/").into()
    } else {
        raw.into()
    };
    let s: &str = &unescaped;
    let flag_like = s.starts_with("--")
        || s.starts_with('-')
            && s.len() < 24
            && s[1..].bytes().all(|c| c.is_ascii_lowercase() || c == b'-');
    if flag_like && !v.quoted {
        return;
    }
    // A value its writer cut short (`Token : eyJ0eXAiOiJKV1Qi…（以下省略）`, `key1:
    // Qw8Zp...`): a prefix too short to be the secret, shown as a masked value is.
    let rest = &text[v.range.end..];
    if s.len() < 32 && (rest.starts_with('…') || rest.starts_with("...")) {
        return;
    }
    // Code, not a value: `password = bcrypt.hashpw(password.encode(), …)`,
    // `$Password = ConvertTo-SecureString …` (a cmdlet name).
    if !v.quoted && (s.contains('(') || is_cmdlet(s)) {
        return;
    }
    // `PASS: test_login` in CI logs: the bare word needs a password-like value, or (for
    // `value`) an object that holds a secret (a Key Vault secret, a VPN shared key).
    // (Or a PowerShell hashtable's `Value` splatted into a command setting a secret.)
    let splatted = || {
        super::commands::splatted_value(text, ks).map(|k| match k {
            Kind::PreSharedKey => (Class::Key(k), k),
            k => (Class::Secret, k),
        })
    };
    let (class, kind) = match (n == "value")
        .then(|| secret_object(text, ks).or_else(splatted))
        .flatten()
    {
        Some(class_kind) => class_kind,
        None => (class, kind),
    };
    // `User=svc_app` ⏎ `Value=P@ss…`, `"UserID"="report"` ⏎ `"Data"="P@ss…"`: a generic
    // name under a user's is that user's password.
    // (A password a person keeps is short: `customData` under `adminUsername` is a script.)
    if (matches!(n, "value" | "data") || generic_tail)
        && sep == Sep::Strong
        && s.len() <= 40
        && looks_like_password(s)
        && !is_placeholder(s)
        && user_above(text, ks)
    {
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
        return;
    }
    // `# 本番DBのパスワード` ⏎ `value: P@ss…`, `; storage key` ⏎ `Data=<key>`: a generic name
    // under a comment saying what its value is.
    if (matches!(n, "value" | "data") || generic_tail) && sep == Sep::Strong {
        let password_shaped = || s.len() <= 40 && looks_like_password(s);
        let told = match comment_above(text, ks)
            .or_else(|| comment_beside(text, v.range.end))
            .or_else(|| {
                (n == "value")
                    .then(|| parent_told_above(text, ks))
                    .flatten()
            }) {
            Some(Class::Password) => password_shaped() && s.bytes().any(|c| c.is_ascii_digit()),
            Some(_) => looks_random(s, 24),
            None => false,
        };
        // `value` of a Key Vault secret declared in a template (Bicep, ARM, Terraform):
        // the resource's type says the value is the secret itself.
        let vault_secret = || {
            n == "value"
                && v.quoted
                && (looks_like_password(s) || looks_random(s, 24))
                && in_vault_secret(text, ks)
        };
        if (told || vault_secret()) && !is_placeholder(s) {
            out.push(Finding {
                range: v.range,
                kind: if password_shaped() {
                    Kind::Password
                } else {
                    Kind::Secret
                },
            });
            return;
        }
    }
    // `ServiceAuth`, `STORAGE_ACCESS`: names that say what the value does, not what it is.
    let full = normalize(key);
    if names_auth(&full) && !bare && (sep != Sep::Strong || s.len() < 8 || names_scheme(s))
        || names_access(&full) && !key_shaped(s)
    {
        return;
    }
    // A machine-made value in an object kept secret (`"protectedSettings": {…}`).
    let kept_secret = || {
        sep == Sep::Strong && looks_random(s, 32) && !is_placeholder(s) && under_secure(text, ks)
    };
    let bare_ok = match n {
        // `env.put("auth", "<64 hex>")`, `"auth": "…"`: a quoted machine-made value.
        // `AUTH=<hex>` in an environment (compose's `- AUTH=…`, `--settings "Partner:Auth=…"`);
        // not `auth: <hex>` unquoted, which logs print for a hash.
        "auth" => {
            basic_credentials(s)
                || sep == Sep::Strong
                    && (v.quoted || eq)
                    && looks_random(s, 32)
                    && !is_placeholder(s)
        }
        "data" => kept_secret(),
        "default" => key_shaped(s) || function_key_shaped(s),
        "value" => {
            key_shaped(s)
                || kept_secret()
                || class != Class::Key(Kind::AccessKey)
                // `{"BaseUrl": "https://…", "Value": "<32 hex>"}`: the value an endpoint
                // takes, unless it is one of a `name`/`value` pair (a setting) or a hash,
                // or an address (`Invalid value: "acr.azurecr.io/web:2.0.0-rc4"` in an
                // error naming a URL).
                || sep == Sep::Strong
                    && looks_random(s, 24)
                    && !matches!(s.len(), 40 | 64)
                    && !s.contains(['.', ':', '/'])
                    && beside_endpoint(text, ks)
                    && !names_above(text, ks)
        }
        "key" => {
            key_shaped(s)
                || looks_random(s, 16)
                    && beside_endpoint(text, ks)
                    && accept(Class::Key(Kind::AccessKey), s, Sep::Strong, v.quoted)
                // "SendGrid API key → SG.…", "signing key: …": named for a secret.
                || sep == Sep::Strong
                    && secret_key_qualifier(text, ks).is_some()
                    && looks_random(s, 24)
                    && !is_placeholder(s)
                || super::prose::wifi_key(text, ks, s)
        }
        _ => key_shaped(s),
    };
    if generic_tail || bare && !bare_ok && !device_key {
        return;
    }
    // `API_TOKEN に APIM_NAMED_VALUE_KEY_01 を対応`: a name told weakly, not a value.
    if sep == Sep::Weak && !v.quoted && name_like(s) {
        // "the password is tulip-garage-52 (all lowercase, with the dashes)": spelled out,
        // the words are a password.
        if class == Class::Password && super::prose::spelled_out_after(text, v.range.end) {
            out.push(Finding {
                range: v.range,
                kind,
            });
        }
        return;
    }
    // A column header beside another (`Password   Password2   Username`): a key's name
    // standing where a weakly marked value would.
    if sep == Sep::Weak
        && !v.quoted
        && classify(s).is_some()
        && s.bytes().all(|c| c.is_ascii_alphanumeric())
    {
        return;
    }
    // A passphrase is words joined; under any other name such a value is a name
    // (`adminPasswordKey: postgres-password`, `secretName: db-secret`).
    let passphrase = key.to_ascii_lowercase().contains("passphrase") && looks_like_passphrase(s);
    if (!v.quoted || sep == Sep::Strong) && !passphrase {
        let b = s.as_bytes();
        if s.contains('-')
            && b.iter().all(|c| c.is_ascii_lowercase() || *c == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
        {
            return;
        }
    }
    // A reference to a parameter or variable of the same name (Bicep `adminPassword:
    // adminPassword`, `password = password`).
    if !v.quoted && s.eq_ignore_ascii_case(key.trim_start_matches('-')) {
        return;
    }
    // A whole SAS token (`sasToken: ?sv=…&sig=…`): the signature detector marks `sig`.
    if contains_sig(s) || sig_told && !looks_random(s, 32) {
        return;
    }
    // `Authorization: SharedKey account:signature` belongs to the header detector.
    if matches!(n, "sharedkey" | "sharedkeylite") && sep == Sep::Weak {
        return;
    }
    let sep = if matches!(n, "pass" | "pw") && !is_flag {
        Sep::Weak
    } else {
        sep
    };
    // The second of a pair is a password whatever the label named.
    let (class, kind) = if pair {
        (Class::Password, Kind::Password)
    } else {
        (class, kind)
    };
    // "Guest Wi-Fi key: coffeebreak2026": a Wi-Fi network's key is its password.
    let accepted = passphrase
        || accept(class, s, sep, v.quoted)
        || label_word(text, &v, class, sep)
        || bare && n == "key" && super::prose::wifi_key(text, ks, s);
    // A reference to a parameter or variable declared in the text under another name
    // (Bicep `adminPassword: bootstrapValue` below `param bootstrapValue string = '…'`):
    // the declaration holds the value, the reference is a name. Looked for last: it
    // reads pages around the value.
    if accepted && !v.quoted && declared_name(text, v.range.start, s) {
        return;
    }
    if accepted {
        let end = v.range.end;
        out.push(Finding {
            range: v.range,
            kind,
        });
        // "changed the password from X to Y": the new value too; "…, the old one was Y".
        if class == Class::Password {
            if let Some(next) = changed_to(text, end, class).or_else(|| other_one(text, end)) {
                out.push(Finding { range: next, kind });
            }
        }
    } else if let Some(r) = (class == Class::Password
        && (sep == Sep::Weak && spaces > 0 || n.contains("phrase")))
    .then(|| super::prose::spelled_phrase(text, p))
    .flatten()
    {
        // "passphrase: purple tractor seven lemons (spaces between the words)".
        out.push(Finding { range: r, kind });
    } else if let Some(r) = (class == Class::Password
        && sep == Sep::Weak
        && spaces > 0
        && skip > 0
        && s.bytes().all(|c| c.is_ascii_lowercase()))
    .then(|| super::prose::closing_value(text, v.range.start))
    .flatten()
    {
        // "Password is same like before only with 2 at end now, Glacier-Owl62.": words
        // after the word, the value closing the sentence.
        out.push(Finding { range: r, kind });
    } else if sep == Sep::Weak
        && spaces > 0
        && !is_flag
        && !matches!(class, Class::Sig | Class::Code)
    {
        // "the password of the jump box is X"; "the shared key we set is X" (a key told
        // in prose is weakly marked: it must look random, and no word between names an
        // identifier of the key instead: "the key thumbprint is …").
        if let Some(v) = prose_is(text, p).filter(|_| !in_relative_clause(text, ks)) {
            let told = class == Class::Password || !names_key_attribute(&text[p..v.range.start]);
            if told && accept(class, &text[v.range.clone()], Sep::Weak, v.quoted) {
                let end = v.range.end;
                out.push(Finding {
                    range: v.range,
                    kind,
                });
                // "Password changed to X (old one was Y)".
                if class == Class::Password {
                    if let Some(old) = other_one(text, end) {
                        out.push(Finding { range: old, kind });
                    }
                }
            }
        }
    }
}

/// `NTLM2Negotiate`, `OAuth2Bearer`: an authentication scheme's name, the value of a
/// setting named `…Auth` that chooses one.
fn names_scheme(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    [
        "ntlm",
        "negotiate",
        "kerberos",
        "bearer",
        "basic",
        "oauth",
        "digest",
        "saml",
        "openid",
        "anonymous",
        "certificate",
        "managedidentity",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether the generic key at `ks` stands in an object whose own key says it is kept
/// secret: ARM's `"secureSettings": {"value": {"data": …}}`, a VM extension's
/// `"protectedSettings": {…}`, `secureValue:` (at most two objects up, a few lines above).
fn under_secure(text: &str, ks: usize) -> bool {
    let from = ceil(text, ks.saturating_sub(300));
    let b = text.as_bytes();
    let mut depth = 0usize;
    for i in (from..ks).rev() {
        match b[i] {
            b'}' => depth += 1,
            b'{' if depth == 0 => {
                // The key naming this object: `"secureSettings": {`.
                let head = text[ceil(text, i.saturating_sub(40))..i].to_ascii_lowercase();
                let head = head.trim_end().trim_end_matches(':').trim_end();
                let name = head.trim_end_matches(['"', '\'']);
                let name = &name[name.rfind(['"', '\'', ' ', '{', ',']).map_or(0, |p| p + 1)..];
                if name.starts_with("secure")
                    || name.starts_with("protected")
                    || name.ends_with("secrets")
                {
                    return true;
                }
            }
            b'{' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Whether the key at `ks` stands in a Key Vault secret's resource (a few lines above):
/// Bicep's `resource s 'Microsoft.KeyVault/vaults/secrets@…'` (or `'secrets@…'` under its
/// vault), ARM's `"type": "Microsoft.KeyVault/vaults/secrets"`, Terraform's
/// `resource "azurerm_key_vault_secret"`, with no other resource begun in between.
fn in_vault_secret(text: &str, ks: usize) -> bool {
    let window = text[ceil(text, ks.saturating_sub(300))..ks].to_ascii_lowercase();
    let Some(end) = [
        "microsoft.keyvault/vaults/secrets",
        "'secrets@",
        "azurerm_key_vault_secret\"",
    ]
    .iter()
    .filter_map(|w| window.rfind(w).map(|p| p + w.len()))
    .max() else {
        return false;
    };
    let after = &window[end..];
    !after.contains("resource ") && !after.contains("\"type\"")
}

/// Whether the key at `ks` has a `name` key on its line or the line above (`{"name":
/// "X", "value": "…"}`, `- name: X` ⏎ `value: …`): a named setting, not a credential.
fn names_above(text: &str, ks: usize) -> bool {
    let lower = text[super::bytes::lines_up(text, ks, 1)..ks].to_ascii_lowercase();
    ["\"name\"", "name:", "name=", "'name'"]
        .iter()
        .any(|w| lower.contains(w))
}

/// What the comment on the line right above `ks` says the value below it is: a password
/// (`# 本番DBのパスワード`, `; admin password`) or a key, secret or token.
fn comment_above(text: &str, ks: usize) -> Option<Class> {
    let ls = line_start(text, ks);
    if ls == 0 {
        return None;
    }
    let above = line_start(text, ls - 1);
    let line = text[above..ls - 1].trim();
    let body = line
        .strip_prefix("//")
        .or_else(|| line.strip_prefix(['#', ';']))?;
    comment_says(body)
}

/// What the comment after the value ending at `ve` on its line says it is
/// (`PARTNER_VALUE=…  # APIキー`, `"PartnerValue": "…", // 認証用`, `<!-- 接続キー -->`).
fn comment_beside(text: &str, ve: usize) -> Option<Class> {
    let le = line_end(text, ve);
    let rest = text[ve..le].trim_start_matches(['"', '\'', ',', ';', ' ', '\t']);
    // An XML element's end before its comment (`<add … value="…" /> <!-- … -->`).
    let rest = rest.strip_prefix("/>").map_or(rest, str::trim_start);
    let body = rest
        .strip_prefix("//")
        .or_else(|| rest.strip_prefix("<!--"))
        .or_else(|| rest.strip_prefix('#'))?;
    comment_says(body)
}

/// What a comment's text says a value is: a password or a key, secret or token.
fn comment_says(body: &str) -> Option<Class> {
    match vocabulary::mentions(body) {
        Some(Named::Password) => return Some(Class::Password),
        Some(Named::Key | Named::Secret) => return Some(Class::Secret),
        None => {}
    }
    let body = body.to_ascii_lowercase();
    if ["password", "passwd"].iter().any(|w| body.contains(w)) {
        return Some(Class::Password);
    }
    [" key", "secret", "token", "auth"]
        .iter()
        .any(|w| body.contains(w))
        .then_some(Class::Secret)
}

/// Whether one of the few lines above the key at `ks` (comments skipped, same block)
/// sets a user name: `User=svc_app`, `"UserID"="report"`, `user: app`, `ユーザー名：app`.
pub(super) fn user_above(text: &str, ks: usize) -> bool {
    let mut ls = line_start(text, ks);
    for _ in 0..3 {
        if ls == 0 {
            return false;
        }
        ls = line_start(text, ls - 1);
        let line = text[ls..line_end(text, ls)].trim_start();
        if line.starts_with([';', '#']) || line.starts_with("//") {
            continue;
        }
        let line = line.trim_start_matches(['-', ' ', '"', '\'']);
        let Some(sep) = line.find(['=', ':', '：']) else {
            return false;
        };
        let name = normalize(&line[..sep]);
        let value = line[sep..]
            .trim_start_matches(['=', ':', '：', ' ', '"', '\''])
            .trim_end();
        let user = name.ends_with("user")
            || name.ends_with("username")
            || name.ends_with("userid")
            || matches!(name.as_str(), "uid" | "login" | "loginname")
            || line[..sep].contains("ユーザー");
        return user && !value.is_empty() && !value.starts_with(['{', '[']);
    }
    false
}

/// A name made of a secret word and a random part (`secret_<64 characters>`,
/// `APIKEY_<40 characters>`): the random part is itself a secret, wherever the name
/// stands. `p` is the end of the word; hex parts (hashes) and words are not random.
fn random_name_part(text: &str, p: usize, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    if !matches!(at(text, p), b'_' | b'-') {
        return;
    }
    let start = p + 1;
    let mut end = start;
    while end < b.len() && end - start < 256 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    let part = &text[start..end];
    let random = part.len() >= 32
        && part.bytes().any(|c| c.is_ascii_digit())
        && part.bytes().any(|c| c.is_ascii_alphabetic())
        && !part.bytes().all(|c| c.is_ascii_hexdigit());
    if random && !is_key_byte(at(text, end)) {
        out.push(Finding {
            range: start..end,
            kind: Kind::Secret,
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sheet_of_accounts_has_their_passwords_in_its_value_column() {
        for header in ["文字列", "値", "Value"] {
            let text = format!("環境\tサーバー\tユーザー\t{header}\t備考\n本番\tsql-a-prd.database.windows.net\tkikanadmin\tKanagawa!2718sql\t12/1 更新\n開発\tsql-a-dev.database.windows.net\tdevuser\tdevdev#0401\t\n検証\tsql-a-stg.database.windows.net\tstguser\t（別途連絡）\t\n");
            assert_eq!(found(&text), ["Kanagawa!2718sql", "devdev#0401"], "{text}");
        }
        // No account column: a value column of settings; 文字列 elsewhere names nothing.
        for text in [
            "環境\tサーバー\t値\n本番\tsql-a-prd\tKanagawa2718\n",
            "設定\t種類\t文字列\nSku\tstring\tStandard_LRS\n",
            "ユーザー\t文字列\t備考\nkikanadmin\tJapanese_CI_AS\t照合順序\n",
            "接続文字列は appsettings.json に入っています。\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_password_set_in_the_passive_or_named_by_its_form_is_found() {
        for (text, value) in [
            ("Password for the jump VM (vm-bastion-01) was reset by the portal to **Monsoon-Lantern-88** at 09:10 UTC.\n", "Monsoon-Lantern-88"),
            ("The password for svc-etl was reset to Qx7mPa92Lk this morning.\n", "Qx7mPa92Lk"),
            ("Our DBA set the login's password to the phrase correct-heron-staple-42 for this test.\n", "correct-heron-staple-42"),
            ("Password of the sa is same as before \"Tsubasa@1985\", we did not change it.\n", "Tsubasa@1985"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "The password for svc-etl was reset by the helpdesk to the default policy.\n",
            "Password of the sa is same as before, we did not change it.\n",
            "The password was reset by the portal to its default length rules.\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_number_in_hex_is_no_secret_under_any_key() {
        let text = "key         name          value\n---------   -----------   --------\nsecondary   etag          \"0x8DDADABF91F6404\"\n";
        assert!(found(text).is_empty());
        let text = "Set-AzVirtualNetworkGatewayConnectionSharedKey -Name $conn -ResourceGroupName $rg -Value $psk.SecretValueText\n";
        assert!(found(text).is_empty());
    }

    #[test]
    fn a_parameter_told_above_as_a_password_holds_one() {
        for (text, value) in [
            ("パラメーターファイル（localAdmin は VM のローカル管理者のパスワードです）\n\n{\n  \"parameters\": {\n    \"vmName\": { \"value\": \"vm-fs-02\" },\n    \"localAdmin\": { \"value\": \"Shirakaba#771yuki\" }\n  }\n}\n", "Shirakaba#771yuki"),
            ("The adminSecret parameter holds the VM admin password.\n{\n  \"parameters\": {\n    \"adminSecret\": {\n      \"value\": \"Tokyo#2291vm\"\n    }\n  }\n}\n", "Tokyo#2291vm"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "（adminUser は VM のローカル管理者のユーザー名です）\n{\n  \"parameters\": {\n    \"adminUser\": { \"value\": \"Shirakaba771yuki\" }\n  }\n}\n",
            "（localAdmin は VM のローカル管理者のパスワードです）\n{\n  \"parameters\": {\n    \"localAdmin\": { \"reference\": { \"keyVault\": { \"id\": \"/subscriptions/x/vaults/kv\" }, \"secretName\": \"vm-admin\" } }\n  }\n}\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_login_with_a_user_then_a_chosen_password() {
        let text = "Can you login with azadmin Pebble+Quartz6 pls and check boot diagnostics\n";
        assert_eq!(found(text), ["Pebble+Quartz6"]);
        for text in [
            "Can you login with azadmin and check boot diagnostics yourself\n",
            "Can you login with azadmin Standard_D4s_v3 machine\n",
            "Please login with azadmin today\n",
            "Login with Entra ID works, login with azadmin fails.\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_hashtable_splatted_into_a_command_setting_a_secret() {
        let psk = "fd2sHDgGFrcBvYqP8BMZ5f73IJQ5BPS";
        let text = format!("PS> $p = @{{\n>>   Name  = 'conn-aws-tgw-1'\n>>   Value = '{psk}'\n>> }}\nPS> Set-AzVirtualNetworkGatewayConnectionSharedKey @p\n");
        assert_eq!(found(&text), [psk]);
        for text in [
            format!("$p = @{{\n  Name = 'conn-aws-tgw-1'\n  Value = '{psk}'\n}}\nNew-AzTag @p\n"),
            format!("$p = @{{\n  Name = 'conn-aws-tgw-1'\n  Value = '{psk}'\n}}\nSet-AzVirtualNetworkGatewayConnectionSharedKey @params\n"),
        ] {
            assert!(found(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_chat_answer_may_come_after_a_message_pointing_at_it() {
        for (text, value) in [
            ("佐藤: VPN の接続、共有キー何にしてました？\n鈴木: これです\n鈴木: Y3d2HvjwUFfV1oOWat5Ks9DWeArz\n佐藤: ありがとうございます\n", "Y3d2HvjwUFfV1oOWat5Ks9DWeArz"),
            ("佐藤: パスワード何でしたっけ？\n鈴木: こちらです↓\n鈴木: Kumo?4819x\n", "Kumo?4819x"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        // A pointer to a place, not to the next message.
        for text in [
            "佐藤: 共有キー何にしてました？\n鈴木: これです\n鈴木: Key Vault の kv-net-prd に入ってます\n",
            "佐藤: パスワード何でしたっけ？\n鈴木: こちらです\n鈴木: https://kv-net-prd.vault.azure.net/secrets/vpn\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_vpn_connection_form_gives_its_value_as_the_shared_key() {
        let psk = "Qk7vN2pLx9wRt4ZmAbcD3fGh";
        let text = format!("(2) 以下の値を入力する。\n    名前　　　　：cn-hub-to-osaka\n    接続の種類　：サイト間 (IPsec)\n    値　　　　　：{psk}\n");
        assert_eq!(found(&text), [psk]);
        for text in [
            "    接続の種類　：サイト間 (IPsec)\n    値　　　　　：DHGroup14\n",
            "    接続の種類　：サイト間 (IPsec)\n    値　　　　　：cn-hub-to-osaka-dc-01\n",
            "    名前　　　　：cn-hub-to-osaka\n    値　　　　　：Qk7vN2pLx9wRt4ZmAbcD3fGh\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_vault_secret_named_after_the_word_is_no_value() {
        for text in [
            "We swapped it for the renewed one (Key Vault secret `portal-tls-2027`). Then 502.\n",
            "1. Set the listener certificate to Key Vault secret `portal-tls-2027`.\n",
            "The app reads the vault secret sql-admin-2 at start.\n",
        ] {
            assert!(super::super::found(text).is_empty(), "{text}");
        }
        for (text, value) in [
            (
                "The Key Vault secret is Hx7Kq9Lm2Np4Rt6Vw8Yz3Bc\n",
                "Hx7Kq9Lm2Np4Rt6Vw8Yz3Bc",
            ),
            ("Key Vault secret `Sakura#2024pass`\n", "Sakura#2024pass"),
        ] {
            assert_eq!(super::super::found(text), [value], "{text}");
        }
    }

    use super::super::found;

    #[test]
    fn the_value_of_a_vault_secret_in_a_template_is_the_secret() {
        for (text, value) in [
            (
                "resource s 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {\n  parent: kv\n  name: 'db'\n  properties: {\n    value: 'Minato_Db#2027x'\n  }\n}\n",
                "Minato_Db#2027x",
            ),
            (
                "resource \"azurerm_key_vault_secret\" \"api\" {\n  name         = \"partner-api\"\n  value        = \"Qz7Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Q\"\n  key_vault_id = azurerm_key_vault.kv.id\n}\n",
                "Qz7Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Q",
            ),
            (
                "{\n  \"type\": \"Microsoft.KeyVault/vaults/secrets\",\n  \"name\": \"kv/db\",\n  \"properties\": { \"value\": \"Hakone!Onsen2027\" }\n}\n",
                "Hakone!Onsen2027",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        // References, expressions and another resource's value are none.
        for text in [
            "resource s 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {\n  properties: {\n    value: sqlPassword\n  }\n}\n",
            "{\n  \"type\": \"Microsoft.KeyVault/vaults/secrets\",\n  \"properties\": { \"value\": \"[parameters('dbPassword')]\" }\n}\n",
            "resource \"azurerm_key_vault_secret\" \"a\" {\n  value = var.api_key\n}\n",
            "resource s 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {\n  name: 'x'\n}\nresource t 'Microsoft.Web/sites/config@2022-09-01' = {\n  properties: {\n    value: 'Tokyo Standard Time'\n  }\n}\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn json_encoded_in_a_url_is_read_between_its_encoded_quotes() {
        let k = "Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3Rt6Yp2Io";
        for (text, value) in [
            (
                format!("GET /cb?data=%7B%22client_secret%22%3A%22{k}%22%7D HTTP/1.1\n"),
                k.to_string(),
            ),
            (
                "json=%7B%22user%22%3A%22kanri01%22%2C%22password%22%3A%22Harbor%2Aakd2389%22%7D\n"
                    .to_string(),
                "Harbor%2Aakd2389".to_string(),
            ),
            (
                format!("cs=AccountName%253Dst01%253BAccountKey%253D{k}%253D%253D%253BEndpointSuffix%253Dcore\n"),
                format!("{k}%253D%253D"),
            ),
        ] {
            assert_eq!(found(&text), [value.as_str()], "{text}");
        }
        for text in [
            "data=%7B%22password%22%3A%22%3Cpassword%3E%22%7D\n",
            "redirect_uri=https%3A%2F%2Fapp.contoso.co.jp%2Ftoken%3A%2F%2F\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_connection_string_after_a_label_is_judged_by_its_key_not_its_first_setting() {
        for text in [
            "シークレット: DefaultEndpointsProtocol=https;AccountName=stbackupjpe;AccountKey=Wm3k…（省略）\n",
            "Secret: Endpoint=sb://ns01.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=***\n",
            "secret value = Server=tcp:sql01.database.windows.net;Database=app;Password=<from-key-vault>\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        let key = "Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3Rt6Yp2Io9Kl4Mn7Bv1Cx5Za3Sd8Fg0Hj2Kw==";
        let text = format!(
            "シークレット: DefaultEndpointsProtocol=https;AccountName=st01;AccountKey={key}\n"
        );
        assert_eq!(found(&text), [key]);
    }

    #[test]
    fn json_inside_a_json_string_with_its_quotes_escaped_as_unicode_is_read() {
        for (text, value) in [
            (
                "{\"Body\":\"{\\u0022userName\\u0022:\\u0022kanri01\\u0022,\\u0022password\\u0022:\\u0022Cobal\\u003ct8536%\\u0022}\",\"Path\":\"/login\"}\n",
                "Cobal\\u003ct8536%",
            ),
            (
                "\"payload\": \"{\\u0022client_secret\\u0022: \\u0022Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa\\u0022}\"\n",
                "Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa",
            ),
            (
                "ログ: {\\u0022apiKey\\u0022:\\u0022Kp7\\u0026Lm2Vx6Nc9Pb3Wk7Hy1\\u0022}\n",
                "Kp7\\u0026Lm2Vx6Nc9Pb3Wk7Hy1",
            ),
            (
                "203.0.113.9 - - [05/Dec/2026:08:14:22 +0900] \"POST /api/login HTTP/1.1\" 401 52 \"{\\x22userName\\x22:\\x22kanri01\\x22,\\x22password\\x22:\\x22Harbor*akd2389\\x22}\"\n",
                "Harbor*akd2389",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        // A placeholder and an empty value, escaped alike.
        for text in [
            "{\\u0022password\\u0022:\\u0022\\u003cfrom-key-vault\\u003e\\u0022}\n",
            "{\\u0022password\\u0022:\\u0022\\u0022,\\u0022user\\u0022:\\u0022kanri01\\u0022}\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_connection_string_encoded_in_a_url_ends_its_key_at_the_encoded_separator() {
        let key = "Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3Rt6Yp2Io9Kl4Mn7Bv1Cx5Za3Sd8Fg0Hj%2FKw%3D%3D";
        let text = format!(
            "http://localhost:7071/api/debug?cs=DefaultEndpointsProtocol%3Dhttps%3BAccountName%3Dst01%3BAccountKey%3D{key}%3BEndpointSuffix%3Dcore.windows.net\n"
        );
        assert_eq!(found(&text), [key]);
        // Azurite's published key, and a placeholder, encoded alike.
        for text in [
            "?cs=DefaultEndpointsProtocol%3Dhttp%3BAccountName%3Ddevstoreaccount1%3BAccountKey%3DEby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq%2FK1SZFPTOtr%2FKBHBeksoGMGw%3D%3D%3BBlobEndpoint%3Dhttp%3A%2F%2F127.0.0.1%3A10000%2Fdevstoreaccount1%3B\n",
            "body=https%3A%2F%2Fid.contoso.co.jp%2Freset%3Ftoken%3D%7Btoken%7D%26lang%3Dja\n",
            "redirect=%2Fcallback%3Faccess_token%3D%3Caccess-token%3E%26state%3Dabc\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_entra_authorization_code_is_found_in_any_logged_query() {
        let code = "0.AXEADq7vZQRWMkBMk3IReCjdQe3tpoWZ-rL9aU-GtLlzUZ84JNnrlrJyr9ouqPHO0FDdk4kntxgRWGzbRLPPv9Z0NY9nMA99bBYcxyn4h7xmmFrE5Cr";
        for text in [
            format!("\"requestQuery\": \"code={code}&state=abc&session_state=5e1c2a37\",\n"),
            format!("2026-12-06 00:52:11 10.0.0.4 GET /signin-oidc code={code}&state=abc 443 - 203.0.113.19\n"),
        ] {
            assert_eq!(found(&text), [code], "{text}");
        }
        // Another `code=` in a log is a status, a masked code is none.
        for text in [
            "\"requestQuery\": \"code=0.AXEA***&state=***\",\n",
            "\"requestQuery\": \"code=4711&lang=ja\",\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn anti_forgery_tokens_are_no_credentials_whatever_their_framework() {
        for text in [
            "Cookie: XSRF-TOKEN=eyJpdiI6IjJnbHc0WU41cHJZK09zMzJyTkM1TUE9PSIsInZhbHVlIjoiR29yWk9v\n",
            "_token=Qm7vT2xK9pLw4RzN8cYa1HdE6uJf3SgB0nVt5oIq&item_id=1043&quantity=2\n",
            "authenticity_token=Qm7vT2xK9pLw4RzN8cYa1HdE6uJf3SgB0nVt5oIq%3D%3D&commit=Save\n",
            "X-XSRF-TOKEN: Qm7vT2xK9pLw4RzN8cYa1HdE6uJf3SgB0nVt5oIq\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        // A token under another name still is one.
        let t = "Qm7vT2xK9pLw4RzN8cYa1HdE6uJf3SgB0nVt5oIq";
        assert_eq!(found(&format!("access_token={t}&x=1\n")), [t]);
    }

    #[test]
    fn a_configuration_path_in_quotes_is_read_by_its_last_section() {
        for (text, value) in [
            ("  \"SapGateway:Pwd\": \"Juniper9808+\",\n", "Juniper9808+"),
            (
                "builder.Configuration['Smtp:Auth:Password'] = 'Harbor*akd2389';\n",
                "Harbor*akd2389",
            ),
            (
                "{ \"Kintai:ApiSecret\" : \"Q809eD78uBWmouQoT3Ixz7fjDtp\" }\n",
                "Q809eD78uBWmouQoT3Ixz7fjDtp",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "  \"SapGateway:Pwd\": \"<パスワードをここに>\",\n",
            "  \"SapGateway:PwdExpiryDays\": \"90\",\n",
            "ログ: SapGateway:Pwd の読み込みに失敗しました\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_subject_qualified_by_a_name_in_brackets_keeps_its_verb() {
        for (text, value) in [
            ("we have changed the password of the SQL login (hanbai_app) to QbvPmTkNeKi2L05 on 2nd Dec.\n", "QbvPmTkNeKi2L05"),
            ("FYI all: the SFTP passphrase for the private key used by ADF (sftp-torihikisaki) is canyon-orbit-origami-orbit-96. Please store it.\n", "canyon-orbit-origami-orbit-96"),
            ("The password for the service account (svc_batch) is now Harbor*akd2389, please update the job.\n", "Harbor*akd2389"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "The password of the SQL login (hanbai_app) is expired since Monday.\n",
            "The password for the admin (see the runbook) is stored in Key Vault.\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_settings_list_pasted_with_tabs_holds_the_value_of_a_secret_name() {
        for (text, value) in [
            ("名前\t種類\t値\nenv\tString\tprd\nsftpPass\tString\tWwhlW%*RE-a7jn_8\nbatchSize\tInt\t500\n", "WwhlW%*RE-a7jn_8"),
            (
                "表示名\t名前\t種類\t既定値\t現在の値\n受発注 API URL\tjh_ApiUrl\tテキスト\thttps://app.example.net\t\n受発注 API キー\tjh_ApiKey\tテキスト\t2363983eb157066c7fc18c4223d31e15d299da7c87d065e406d31b6efa4ea3c1\t\n",
                "2363983eb157066c7fc18c4223d31e15d299da7c87d065e406d31b6efa4ea3c1",
            ),
            ("Name\tType\tValue\nSmtpPassword\tSecureString\tHarbor*akd2389\n", "Harbor*akd2389"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "名前\t種類\t値\nsftpPass\tString\t(Key Vault 参照)\n",
            "名前\t種類\t値\nApiKeyExpiryDays\tInt\t90\n",
            "名前\t種類\t説明\nsftpPass\tString\tSFTP のパスワードです\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_generic_name_under_a_user_is_that_users_password() {
        for (text, value) in [
            ("[Login]\nUser=ops_reader\nValue=Kp7vR2mXq9\n", "Kp7vR2mXq9"),
            (
                "\"UserName\"=\"svc_print\"\n\"Data\"=\"Mq4#vT8pLx\"\n",
                "Mq4#vT8pLx",
            ),
            (
                "db:\n  user: app\n  # 本番用（変更禁止）\n  data: \"Zx8!kLm3Qw\"\n",
                "Zx8!kLm3Qw",
            ),
            ("接続ユーザー=bat01\nValue=Hn5wQ8zR2k\n", "Hn5wQ8zR2k"),
            (
                "; ログイン情報\nLoginUser=svc_app\nLoginValue=Hk4$wQ9zLm\n",
                "Hk4$wQ9zLm",
            ),
            ("認証:\n  ユーザー: app01\n  値: Hk4$wQ9zLm\n", "Hk4$wQ9zLm"),
            ("[接続]\nユーザー名=svc01\n値=Qp7vX2mRt9\n", "Qp7vX2mRt9"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "\"adminUsername\": {\n  \"value\": \"AzureAdmin01\"\n},\n",
            "user: app\ndata: /var/lib/app\n",
            "User=ops\nValue=Production\n",
            "Name=app\nData=Xy7Kq2Lm9p\n",
            "Name=app\nCustomData=Xy7Kq2Lm9p\n",
            "\"adminUsername\": \"azureuser\",\n\"customData\": \"I2Nsb3VkLWNvbmZpZwpwYWNrYWdlczoKICAtIG5naW54\"\n",
            "ユーザー: app01\n値: 30\n",
            "| Data | Updated |\n|---|---|\n| Xy7Kq2Lm9pQ4 | 2026/10/01 |\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_name_saying_what_its_value_does_holds_a_credential() {
        let hex64 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let key = "i2P1a0r6fGlIA3k96xBSR29MfannxesWwasKotwX6x6uWY9ydLJSrCogDM9aePiXxI/uqi5O/MAKkT0PGmEZRw==";
        for (text, value) in [
            (
                "<add key=\"PartnerAuth\" value=\"Qw8#rT5yU2\" />\n".to_string(),
                "Qw8#rT5yU2",
            ),
            (format!("X_UPSTREAM_AUTH={hex64}\n"), hex64),
            (format!("\"WebhookHmac\": \"{hex64}\",\n"), hex64),
            (format!("BLOB_ACCESS={key}\n"), key),
            (
                "Environment=ORDERS_DB_KEY=Mx7pQ2nR8sLw\n".to_string(),
                "Mx7pQ2nR8sLw",
            ),
        ] {
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            "\"useAuth\": \"true\",\n".to_string(),
            "\"clientAuth\": \"OAuth2\",\n".to_string(),
            "\"ProxyAuth\": \"NTLM2Negotiate\",\n".to_string(),
            "BLOB_ACCESS=private\n".to_string(),
            "\"MachineKeyValidation\": \"HMACSHA256\",\n".to_string(),
            format!("\"PasswordHash\"=\"{}\"\n", hex64.to_ascii_uppercase()),
            format!("secretDigest: {hex64}\n"),
            "SKU_KEY=Standard_D4s_v3\n".to_string(),
            "Authorization: Bearer abc\n".to_string(),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn a_value_column_beside_an_account_column_holds_passwords() {
        for (text, values) in [
            (
                "| No | System | Login | Value | Updated |\n|---|---|---|---|---|\n| 1 | hr | hr_batch | Hs@Azure8031 | 2026/10/01 |\n| 2 | erp | erp_ro | (vault) | - |\n",
                vec!["Hs@Azure8031"],
            ),
            (
                "| システム | ユーザー | 設定値 |\n|---|---|---|\n| 勤怠 | kintai | Vbox5RL9JxC |\n| 経費 | keihi | Kumo?4819x |\n",
                vec!["Vbox5RL9JxC", "Kumo?4819x"],
            ),
            (
                "| 項目 | 値 | 備考 |\n|---|---|---|\n| ホスト | db01 | |\n| 値 | Summer@2025x | 上記ユーザーのパスワード |\n",
                vec!["Summer@2025x"],
            ),
        ] {
            assert_eq!(found(text), values, "{text}");
        }
        for text in [
            "| Name | Value |\n|---|---|\n| Region | japaneast |\n| BuildId | 20261201.3 |\n",
            "| アカウント | オブジェクト ID | 値 |\n|---|---|---|\n| kintai | 3f2a9c1e-1111-2222-3333-444455556666 | Enabled |\n",
            "| 項目 | 値 | 備考 |\n|---|---|---|\n| タイムアウト | 30s | 秒 |\n| URL | https://app.example.com/Login2 | |\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_structure_below_a_label_is_read_by_its_own_keys() {
        for text in [
            "Azurite's well-known key:\nDefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;\n",
            "サービスアカウントの JSON キー（抜粋）:\n{\"type\":\"service_account\",\"private_key_id\":\"a28233ac6ce454a93baeadf2ae716f8dde850767\"}\n",
            "The key below:\n[\"a28233ac6ce454a93baeadf2ae716f8dde850767\"]\n",
            "{\"value\":\"AccountKey=\\u003cfrom-key-vault\\u003e;\"}\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // A `<` escaped inside a password is part of it.
        let text = "{\"password\":\"Lantern\\u003e8415?\"}\n";
        assert_eq!(found(text), ["Lantern\\u003e8415?"]);
    }

    #[test]
    fn a_setting_left_empty_does_not_take_the_next_setting_as_its_value() {
        for text in [
            "MASTER_KEY=\nTENANT_ID=351ac033-c62e-40cf-815c-4eb20b4f257b\n",
            "[auth]\nclient_secret=\nclient_id=Qw8ZpL2mXk9RtY4vBn6s\n",
            "db.password=\ndb.url=jdbc:sqlserver://sql1.database.windows.net:1433\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // A value alone below its key still is one, base64 padding too.
        let text = "パスワード：\nKq9vZzPw7x2Lm\n";
        assert_eq!(found(text), ["Kq9vZzPw7x2Lm"]);
        let text = "ストレージのアクセスキー：\nQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8=\n";
        assert_eq!(
            found(text),
            ["Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8="]
        );
    }

    #[test]
    fn a_value_cut_short_with_an_ellipsis_is_a_masked_one() {
        for text in [
            "Token     : eyJ0eXAiOiJKV1Qi…（以下省略）\nExpiresOn : 2026/12/07 11:42:08\n",
            "password: Kq9vZzPw...(rest omitted)\n",
            "\"primaryKey\": \"Qw8ZpL2mXk9R…\",\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // A whole key followed by a sentence's ellipsis stays a key.
        let key = "Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA==";
        let text = format!("AccountKey={key}... and then it failed\n");
        assert_eq!(found(&text), [key]);
    }

    #[test]
    fn configurations_aligned_by_whitespace_read_a_key_and_its_word() {
        let key = "I8h4y70l1jCTsgCQ0AEIkxHPjlgppg0p2a8s9S89bvHx3Q1xZsIoAhhZ1+qT34MTvO/EAyeXWfmh6PoE+gV4fQ==";
        let hex = "db89fa829f9b3b95c94b9131ba2f6cabccbcc6275e6bacfb8703f7200a68c7d7";
        for (text, value) in [
            // Fluent Bit, a tab in another layout, Terraform aligned by `terraform fmt`.
            (format!("[OUTPUT]\n    Name        azure\n    Shared_Key  {key}\n    Log_Type    App\n"), key),
            (format!("# 監視エージェント設定\n[output]\nApiKey\t{hex}\nEndpoint\thttps://ingest.example.com\n"), hex),
            (format!("monitoring = {{\n  endpoint = \"https://ingest.example.com\"\n  auth     = \"{hex}\"\n}}\n"), hex),
        ] {
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            "    Shared_Key  rotation pending\n",
            "Password    Last changed    Expires\n",
            "    Shared_Key  ${WORKSPACE_KEY}\n",
            "  auth     = var.monitoring_auth\n",
            "The shared key  was rotated.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_flag_naming_a_keys_value_is_a_key() {
        let legacy = "c-c2mAS8UNImoqOX3HS1DyyhSUrfcJPqG0AL2cb3syzDz9_Mhh_5Dg==";
        for text in [
            format!("az functionapp keys set -g rg -n func1 --key-type functionKeys --key-name default --key-value {legacy}\n"),
            format!("az functionapp function keys set -g rg -n func1 --function-name f --key-name k --key-value=\"{legacy}\"\n"),
        ] {
            assert_eq!(found(&text), [legacy], "{text}");
        }
        for text in [
            "az functionapp keys set -g rg -n func1 --key-name default --key-value $FUNC_KEY\n",
            "az functionapp keys set -g rg -n func1 --key-name default --key-value <新しいキー>\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_generic_last_section_takes_its_class_from_the_section_before() {
        let hex = "9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c";
        for text in [
            format!("app.auth.value={hex}\n"),
            format!("helm upgrade app ./chart -n prd --set image.tag=1.4 --set auth.value={hex}\n"),
            format!("# 外部連携\npartner.apiKey.data: \"{hex}\"\n"),
            // A configuration path's last section in a name/value pair.
            format!("[\n  {{\n    \"name\": \"ExternalApi:Secret\",\n    \"slotSetting\": false,\n    \"value\": \"{hex}\"\n  }}\n]\n"),
            format!("{{\"name\": \"Partner:Auth\", \"value\": \"{hex}\"}}\n"),
        ] {
            assert_eq!(found(&text), [hex], "{text}");
        }
        for text in [
            format!("x.value = {hex}\n"),
            format!("auth.value=${{AUTH_VALUE}}\ntimeout.value={hex}\n"),
            format!("{{\"name\": \"Partner:Endpoint\", \"value\": \"{hex}\"}}\n"),
            "auth.text=Basic\n".to_string(),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn names_in_romanized_japanese() {
        let text = "# settings.py（新人が書きました）\nAPI_URL = \"https://app-shiryou-api.azurewebsites.net\"\n\
                    HIMITSU = \"Dfips18Psv1qm94\"   # 認証用\nTIMEOUT = 30\n";
        assert_eq!(found(text), ["Dfips18Psv1qm94"]);
        let text = "kintai:\n  user: renkei\n  pasuwaado: Kumo7hana22\n  anshou_bangou: 4821\n";
        assert_eq!(found(text), ["Kumo7hana22", "4821"]);
        for text in [
            "HIMITSU_MEI = \"partner-api-secret\"\n",
            "pasuwaado_nagasa: 12\n",
            "HIMITSU = os.environ[\"HIMITSU\"]\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn settings_that_authenticate_under_generic_names() {
        let hex = "9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c";
        for text in [
            format!("services:\n  app:\n    environment:\n      - AUTH={hex}\n      - TZ=Asia/Tokyo\n"),
            format!("az webapp config appsettings set -g rg -n app1 --settings \"Partner:Auth={hex}\"\n"),
            format!("AUTH_VALUE={hex}\n"),
            format!("{{\"authData\": \"{hex}\"}}\n"),
            // Terraform variables named for a secret, with a literal default.
            format!("variable \"auth\" {{\n  type    = string\n  default = \"{hex}\"\n}}\n"),
            format!("# 連携先の資格情報（仮）\nvariable \"partner_credential\" {{\n  type = object({{\n    id = string\n  }})\n  default = \"{hex}\"\n}}\n"),
        ] {
            assert_eq!(found(&text), [hex], "{text}");
        }
        for text in [
            "AUTH=true\n",
            "environment:\n  - AUTH=basic\n",
            "OAUTH_VALUE=9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c\n",
            "variable \"password_length\" {\n  default = 16\n}\n",
            "variable \"admin_password\" {\n  type      = string\n  sensitive = true\n}\n",
            "variable \"key_vault_name\" {\n  default = \"kv-partner-prd\"\n}\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_generic_name_with_a_comment_beside_or_above_saying_what_it_is() {
        let hex = "9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c";
        for text in [
            format!("PARTNER_VALUE={hex}  # APIキー\n"),
            format!("PARTNER_VALUE={hex} # 認証用トークン\n"),
            format!("{{\n  \"PartnerValue\": \"{hex}\", // 認証キー\n  \"Timeout\": 30\n}}\n"),
            format!("<add key=\"PartnerValue\" value=\"{hex}\" /> <!-- auth key for the partner API -->\n"),
            // Above, a name longer than the short ones.
            format!("# APIキー（本番）\nEXTERNAL_PARTNER_VALUE={hex}\n"),
            format!("# 連携先の認証用\npartner.value={hex}\n"),
        ] {
            assert_eq!(found(&text), [hex], "{text}");
        }
        for text in [
            format!("PARTNER_VALUE={hex}\n"),
            format!("PARTNER_VALUE={hex}  # 更新日 2026/12/01\n"),
            "PARTNER_VALUE=30  # 認証のタイムアウト（秒）\n".to_string(),
            format!("# 認証ログの保存先\nLOG_DATA=/var/log/{hex}\n"),
            "partner:\n  auth: none\n".to_string(),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn a_key_told_before_its_word_is_found() {
        let key = "XCJQnUspqf0PDVLzJ5jcFSjmO5AjsX7lY/fWWexVpXqawIWTJkxhQuxTBFNydn74U/QZNWURvo4kbALR0+vB/Q==";
        for (text, value) in [
            (
                format!("Use {key} as the storage key when you test.\n"),
                key,
            ),
            (
                "Try kZ8q~abcDEF12345678_90.xyzABCdefGHIjkl as the client secret.\n".to_string(),
                "kZ8q~abcDEF12345678_90.xyzABCdefGHIjkl",
            ),
            (
                "Just so you know: orbit-canyon-pickle-maple-88 is the passphrase on the key.\n"
                    .to_string(),
                "orbit-canyon-pickle-maple-88",
            ),
        ] {
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            "Please use 3f2a9c1e-1111-2222-3333-444455556666 as the partition key.\n",
            "We use AppServicePlan01Prod as the key prefix.\n",
            "The default is the password you set at creation.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_bare_value_beside_an_endpoint_is_its_key() {
        let hex = "bcd3cad6b764cdd4b7a157996f02da6f";
        for text in [
            format!("\"Partner\": {{\n  \"BaseUrl\": \"https://api.partner.example.net/v2\",\n  \"Value\": \"{hex}\"\n}}\n"),
            "upstream:\n  endpoint: https://api.example.com\n  value: Zm9vYmFyYmF6cXV4Zm9vYmFy12\n".to_string(),
        ] {
            assert_eq!(found(&text).len(), 1, "{text}");
        }
        for text in [
            format!("[{{\"name\":\"Build.SourceVersion\",\"value\":\"{hex}{}\",\"url\":\"https://dev.azure.com/x\"}}]\n", &hex[..8]),
            format!("- name: UPSTREAM_URL\n  value: https://api.example.com\n- name: CONTENT_HASH\n  value: {hex}\n"),
            format!("{{\"url\": \"https://x.example.com\", \"value\": \"{hex}{hex}\"}}\n"),
            "Invalid value: \\\"acrrovo.azurecr.io/web:2.0.0-rc4\\\": Get \\\"https://acrrovo.azurecr.io/v2/\\\"\n".to_string(),
            "value: registry.contoso.example/app/api:1.24.7-b3 from https://ci.contoso.example\n".to_string(),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn a_reply_after_a_lead_in_and_a_glued_pair_give_the_password() {
        for (text, value) in [
            (
                "> Can you send me the password for the jump box?\nHere it is: Hk4$wQ9zLm\n",
                "Hk4$wQ9zLm",
            ),
            (
                "what's the password again?\nhere you go Qp7vX2mRt9!\n",
                "Qp7vX2mRt9!",
            ),
            ("Creds: admin/Hk4$wQ9zLm\n", "Hk4$wQ9zLm"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "what's the password again?\nhere you go, it's in the vault\n",
            "Creds: in the vault\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_key_in_brackets_after_its_word_is_found() {
        let hex = "7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c1e";
        for text in [
            format!("our API key ({hex}) stopped working yesterday\n"),
            "The client secret (kZ8q~abcDEF12345678_90.xyzABCdefGHIjkl) expired.\n".to_string(),
            format!("the storage key ({hex}{hex}) was rotated\n"),
        ] {
            assert_eq!(found(&text).len(), 1, "{text}");
        }
        for text in [
            "the access key (key1) is the one we use\n".to_string(),
            "the client secret (3f2a9c1e-1111-2222-3333-444455556666) expired\n".to_string(),
            format!("the partition key ({hex}) is skewed\n"),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn a_value_told_after_a_qualified_key_and_a_filler_is_found() {
        for (text, value) in [
            ("Hi team, the temporary password for the break-glass account is now GcBn5W7AzxrxT#n3 – please use it only for the repro.\n", "GcBn5W7AzxrxT#n3"),
            ("Heads up: the shared secret for the webhook is now f011d704212ce34212f17fdf35433d81ba8f1e83, I updated it in GitHub.\n", "f011d704212ce34212f17fdf35433d81ba8f1e83"),
            ("The password of the jump box is still Hydrangea-42! after the reset.\n", "Hydrangea-42!"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
    }

    #[test]
    fn a_key_in_a_relative_clause_does_not_own_what_the_sentence_says_is() {
        for text in [
            "The commit that removed the hard-coded token is e7ae8793fcbee6932bd7cb9fc2f017024224772d; the token was revoked.\n",
            "The pipeline run which printed the secret is 3f9d2c7a1b6e4f8a0c5d9e2b7a4f1c6d.\n",
            "The engineer who rotated the key was kenji.sato, not me.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // A verb or a conjunction before `that` opens no relative clause.
        let text = "I think that the token is Xk9mPq2Lw7vRt4ZmBn8cD3fG5hJ now.\n";
        assert_eq!(found(text), ["Xk9mPq2Lw7vRt4ZmBn8cD3fG5hJ"]);
    }

    #[test]
    fn a_key_set_to_a_value_with_wo_and_ni_is_found() {
        for (text, value) in [
            ("Wi-Fi と同じ感覚で、S2S VPN の PSK を `C5mkGlcUK7SofL4AqfA98CfIYIA7g` にしています。\n", "C5mkGlcUK7SofL4AqfA98CfIYIA7g"),
            ("アプリ側の client_secret を Qx8~Lm2Vn9Kp4Rt8Wz3Yb6Hc1Jd5Fg0Se に更新しました。\n", "Qx8~Lm2Vn9Kp4Rt8Wz3Yb6Hc1Jd5Fg0Se"),
            ("共有の token を「Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0」へ差し替え済みです。\n", "Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "PSK を Key Vault に保存しています。\n",
            "API key を 2 つ発行しました。\n",
            "client_secret を az ad app credential reset で再発行しました。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_reply_that_says_what_the_password_was_set_to_is_found() {
        for (text, value) in [
            ("> パスワードは何を設定しましたか？\nSummer2019 にしました。以前は Welcome1 系でした。\n", "Summer2019"),
            ("[10:02] Luis: what's the admin password?\n[10:03] Aisha: I set it to Kx9#mPq2Lw\n", "Kx9#mPq2Lw"),
            ("鈴木: 検証環境のパスワード、何にしました？\n田中: Tokyo#2031 に設定しています\n", "Tokyo#2031"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        let text = "> パスワードは何を設定しましたか？\n複雑性要件を満たすものにしました。\n";
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }

    #[test]
    fn a_quoted_machine_made_value_under_auth_is_found() {
        let hex = "84ea4a1c71e94e610ace43377e56ce9ec9253a455f3fd723e14b3095cab1b748";
        for text in [
            format!("Map<String, String> env = new HashMap<>();\nenv.put(\"auth\", \"{hex}\");\n"),
            format!("{{\"endpoint\": \"https://ingest.contoso.net\", \"auth\": \"{hex}\"}}\n"),
            "headers = {'auth': 'Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8'}\n".to_string(),
        ] {
            assert_eq!(found(&text).len(), 1, "{text}: {:?}", found(&text));
        }
        for text in [
            "auth: 84ea4a1c71e94e610ace43377e56ce9ec9253a455f3fd723e14b3095cab1b748\n",
            "{\"auth\": \"oauth2\", \"tenant\": \"contoso\"}\n",
            "{\"auth\": \"<your-auth-token>\"}\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_generic_key_in_an_object_kept_secret_holds_a_secret() {
        let hex = "89032d9179a03f7ffbc7f46b68529bf9b0eb2b5a332ffd86a26ed903d7fa4a9a";
        for text in [
            format!("\"secureSettings\": {{\n  \"value\": {{\n    \"data\": \"{hex}\"\n  }}\n}}\n"),
            format!("\"protectedSettings\": {{ \"value\": \"{hex}\" }}\n"),
        ] {
            assert_eq!(found(&text).len(), 1, "{text}: {:?}", found(&text));
        }
        for text in [
            format!("\"settings\": {{\n  \"value\": {{\n    \"data\": \"{hex}\"\n  }}\n}}\n"),
            "\"secureSettings\": { \"value\": { \"data\": \"[parameters('blob')]\" } }\n"
                .to_string(),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn the_part_of_a_string_a_key_names_is_its_value() {
        let key = "bWnKii7WEP5\\/lxn2GnfuLvBUt7S1cAzWdUsOodolAvoY5cCT19ftWmuSVGyRCQIYGDNH+ULCrOGZw2akWEFRzg==";
        for text in [
            format!(
                "接続文字列の AccountKey 部分（{key}）をそのまま貼り付けるとエラーになります。\n"
            ),
            format!("AccountKey の部分は {key} です。\n"),
            format!("the AccountKey part ({key}) fails in Storage Explorer\n"),
            format!("the SharedAccessKey portion is {key}\n"),
        ] {
            assert_eq!(found(&text), [key], "{text}");
        }
        for text in [
            "AccountKey 部分（末尾の == まで）をコピーしてください。\n",
            "the AccountKey part (after the semicolon) is what Storage Explorer wants\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn prose_around_a_key_with_a_clause_a_filler_or_a_long_qualifier_is_read() {
        for (text, value) in [
            ("Our client secret, which expires next month, is Qx8~Lm2Vn9Kp4Rt8Wz3Yb6Hc1Jd5Fg0Se.\n", "Qx8~Lm2Vn9Kp4Rt8Wz3Yb6Hc1Jd5Fg0Se"),
            ("The admin password, as far as I know, is still Hn7#kLq2Wm.\n", "Hn7#kLq2Wm"),
            ("the password is literally Hn7#kLq2Wm (no quotes)\n", "Hn7#kLq2Wm"),
            ("we're using Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3 as the subscription key for APIM\n", "Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "The password, which we rotate monthly, is stored in Key Vault.\n",
            "Our client secret, as documented, was rotated yesterday.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_key_made_from_a_literal_by_a_conversion_is_found() {
        let hex = "5f2e9c1a7b3d4e6f8a0b1c2d3e4f5a6b5f2e9c1a7b3d4e6f8a0b1c2d3e4f5a6b";
        for text in [
            format!("hmacKey := []byte(\"{hex}\")\n"),
            format!("signing_key = bytes.fromhex(\"{hex}\")  # 署名鍵\n"),
            "const secret = Buffer.from(\"Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3=\", \"base64\");\n".to_string(),
            "var signingKey = Convert.FromBase64String(\"Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3=\");\n".to_string(),
        ] {
            assert_eq!(found(&text).len(), 1, "{text}: {:?}", found(&text));
        }
        for text in [
            "hmacKey := []byte(os.Getenv(\"HMAC_KEY\"))\n",
            "secret = base64.b64decode(secret_b64)\n",
            "const secret = Buffer.from(\"<your-secret>\", \"base64\");\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_named_key_followed_by_its_value_in_prose_is_found() {
        let key = "Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3";
        for text in [
            format!("Our API key {key} returns 401 since Monday.\n"),
            format!("the webhook signing key {key} was pasted into the ticket by mistake\n"),
            "After the reset the admin password became Hn7#kLq2Wm.\n".to_string(),
        ] {
            assert_eq!(found(&text).len(), 1, "{text}: {:?}", found(&text));
        }
        for text in [
            "Our API key authentication fails since Monday.\n",
            "the signing key rotation happens every 90 days\n",
            "The storage key became invalid after the rotation.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn an_ascii_key_with_ga_and_its_value_is_found() {
        let text =
            "SAS トークンの sig が Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3%3D になっています。\n";
        assert_eq!(found(text).len(), 1, "{text}");
        let text = "client_secret が Qx8~Lm2Vn9Kp4Rt8Wz3Yb6Hc1Jd5Fg0Se のままでした。\n";
        assert_eq!(found(text), ["Qx8~Lm2Vn9Kp4Rt8Wz3Yb6Hc1Jd5Fg0Se"]);
        for text in [
            "token が期限切れです。\n",
            "sig が一致しません（Signature did not match）。\n",
            "PAT が 2 つあります。\n",
            "api_key が APIM_NAMED_VALUE_KEY_01 を参照しています。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_generic_name_under_a_comment_saying_what_it_holds_is_found() {
        for (text, value) in [
            ("# 本番DBのパスワード\nvalue: Hk39!mzQ2xLp\n", "Hk39!mzQ2xLp"),
            ("[db]\n; 管理者パスワード（初期）\nValue = Sakura2024$\n", "Sakura2024$"),
            ("// storage account key for the batch job\nBATCH_DATA=Zm8Qv2Lx9Np4Rt7KwY3dLp0QaB1cD2eF\n", "Zm8Qv2Lx9Np4Rt7KwY3dLp0QaB1cD2eF"),
            ("  # 連携先 API のトークン\n  value: \"r8Tq2LmZ9xVb3NcP7wKd5YhG\"\n", "r8Tq2LmZ9xVb3NcP7wKd5YhG"),
        ] {
            assert_eq!(super::super::found(text), [value], "{text}");
        }
        for text in [
            "# パスワードの有効期限（日数）\nvalue: 90\n",
            "# パスワード ポリシー\nvalue: Complex\n",
            "# パスワードは Key Vault を参照\nvalue: \"@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db)\"\n",
            "# パスワード\nvalue: <パスワード>\n",
            "# キーの名前\nvalue: storage-key-primary\n",
            "# 接続先サーバー\nvalue: Hk39!mzQ2xLp\n",
        ] {
            assert!(super::super::found(text).is_empty(), "{text}: {:?}", super::super::found(text));
        }
    }
}

#[cfg(test)]
mod account_label_tests {
    use super::super::found;

    #[test]
    fn a_credential_label_with_one_value_ending_its_line_holds_it() {
        for (text, value) in [
            (
                "■ 接続情報\n　ユーザー　：renkei_batch\n　認証情報　：Cobalt%8812rq\n",
                "Cobalt%8812rq",
            ),
            ("資格情報: Hinode_4471\n備考: 夜間のみ\n", "Hinode_4471"),
            (
                "連携先の認証情報：q8Zr2LmX9vTb3NcK7wPd5YhG\n",
                "q8Zr2LmX9vTb3NcK7wPd5YhG",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "認証情報：Key Vault を参照\n",
            "資格情報: 別紙参照\n",
            "認証情報　：<パスワード>\n",
            "認証情報の種類：SQL 認証\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_parameter_sheet_row_for_a_logins_initial_value_holds_it() {
        for (text, value) in [
            ("区分\t項目\t初期値\t備考\nDB\tサーバー名\tsql-prd\t\nDB\tログイン ID\thanbai_app\t\nDB\tログイン初期値\tWinter2024$\t初回接続後に変更\n", "Winter2024$"),
            ("分類\t項目\t値\nVM\tログインパスワード\tOsaka@20265\nVM\tポート\t22\n", "Osaka@20265"),
            ("No\t項目\t設定値\t備考\n1\tログイン PW\tSAdmin2020\t\n", "SAdmin2020"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "区分\t項目\t初期値\t備考\nDB\tログイン ID\thanbai_app\t\n",
            "区分\t項目\t初期値\t備考\nDB\tログイン名\tapp_user01\t\n",
            "区分\t項目\t初期値\t備考\nDB\tログイン初期値\t（別途連絡）\t\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_bare_value_column_holds_secrets_only_in_rows_named_for_one() {
        let hex = "cbae8d71567598adad5f1229a44f5636438892e43219cbd9ae75eb8c2e31b6ec";
        let sid = "4F2A9C0B7E1D3A5C8B6E0F9D2C4A7B1E";
        let text = format!(
            "Name\tValue\tDomain\tPath\tSize\nJSESSIONID\t{sid}\tapp.example.jp\t/\t42\nARRAffinity\t{hex}\t.app.example.jp\t/\t75\nai_user\tWf0Yq|2026-12-03T04:10:55.812Z\tapp.example.jp\t/\t37\n"
        );
        assert_eq!(found(&text), [sid], "{text}");
        let text =
            format!("名前\t種類\t値\nsftpPass\tString\tKx9!mQ2z#Lp7\nretryCount\tInt\t{hex}\n");
        assert_eq!(found(&text), ["Kx9!mQ2z#Lp7"], "{text}");
    }

    #[test]
    fn a_generic_setting_named_by_its_japanese_comment_holds_a_credential() {
        let key = "L5NCd86VPJhfXvBEtc98+zzXLj8aXYTIz5XUuied+c68TjS2RDO8y39IT6YfV+2Kqy3vmknic6PGZoNbVkAnYg==";
        let b64u = "LBFEv5YpzCyiXTuX-CoX7a4_abvyIEurCEkErgI9gwY";
        for (text, value) in [
            (format!("param = dict(\n    account=\"stlog\",\n    # 共有キー（キー2 を使用）\n    arg1=\"{key}\",\n)\n"), key),
            (format!("    EXT_SYSTEM_PARAM: '{b64u}' // 基幹側から払い出された連携キー\n"), b64u),
            ("V = \"Hikari#2291\"  # パスワード\n".to_string(), "Hikari#2291"),
            (format!("  // 連携先のトークン\n  setting1: {b64u}\n"), b64u),
        ] {
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            format!("// シークレットの URI\nconst v = \"https://kv.vault.azure.net/secrets/x/{b64u}\";\n"),
            "# キーの有効期限（日）\nk = 90\n".to_string(),
            "# パスワードの最小長\nV = 12\n".to_string(),
            format!("# 共有キーのハッシュ\narg1 = \"{b64u}\"\n"),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn a_vault_getters_second_argument_is_a_version() {
        let h = "74bbcd9f71479f47c21e62f1bc10e93e";
        for text in [
            format!("var s = await client.GetSecretAsync(\"ext-api-key\", \"{h}\");\n"),
            format!("s = client.get_secret(\"db-password\", \"{h}\")\n"),
            format!("const k = await keyClient.getKey('signing-key', '{h}');\n"),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
        let text = "client.SetSecret(\"db-password\", \"Hikari#2291\");\n";
        assert_eq!(found(text), ["Hikari#2291"], "{text}");
    }

    #[test]
    fn a_value_entered_on_a_screen_that_names_a_key_is_that_key() {
        let key = "da40f1e6206d297b4b119149c1853501";
        for text in [
            format!(
                "認証タイプ：API キー\nパラメーター名：apikey\n\n接続作成時に入力した値：{key}\n"
            ),
            format!("■ 接続先のシークレット\n入力値: {key}\n"),
            "管理者パスワードの設定画面\n設定した値：Hikari#2291\n".to_string(),
        ] {
            assert_eq!(found(&text).len(), 1, "{text}");
        }
        for text in [
            "認証タイプ：API キー\n入力した値：Standard\n".to_string(),
            format!("ログの出力先\n入力した値：{key}\n"),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }
}
