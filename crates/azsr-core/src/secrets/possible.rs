//! A low-confidence pass for masking, not for reporting: where azsr quotes document
//! text (a finding's source line, hover, messages), a secret the detectors missed must
//! not be printed either. Masking a harmless value in a quoted line costs little;
//! printing a key costs a rotation. So this pass takes what merely looks secret:
//!
//! - a value after `=` or `:` that looks machine-made (long, mixing letters and digits)
//!   or chosen as a password (letters, digits and symbols), also after a name written
//!   in Japanese (`決済APIキー=…`), and an opaque one under a session's name;
//! - where the line says a value stands there (a credential word, Japanese brackets, a
//!   full-width colon, alone on the line, a cell under a table column named for a
//!   credential, read up to [`TABLE_REACH`] above by [`possible_secrets_in`]): a chosen
//!   password, a passphrase, a machine-made value; near an account (`admin`, `reset`,
//!   `ログイン`): a chosen password; after `暗証番号は` or `PIN:`: its digits;
//! - in encoded and glued forms: escaped quotes and entities inside a value, a
//!   percent-encoded URL's password, a value printed just before the next prompt;
//! - anywhere, a word mixing letters, digits and a symbol as chosen passwords do, a
//!   base64 or base64url run of 32 characters or more mixing cases and digits (24 when
//!   padded or holding `+` `/`), a hex run of 32 or more, and a long run of digit groups
//!   (recovery keys, card numbers);
//!
//! and leaves what support reads: GUIDs, dates and times, URLs and paths, resource IDs,
//! host names, e-mail addresses, version numbers, shell prompts, plain words.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::value::{
    is_date_or_time, is_known_non_secret, is_placeholder, looks_like_passphrase,
    looks_like_password, looks_random,
};
use super::vocabulary::{self, is_value_note, Named};

/// Ranges of `text` that may be secrets though no detector reports them, sorted and
/// disjoint. Not findings: the reported secrets ([`super::scan`]) are not repeated
/// here, and a quoted line should be masked by both.
pub fn possible_secrets(text: &str) -> Vec<Range<usize>> {
    scan_lines(text, None)
}

/// What [`possible_secrets`] flags on `lines` (whole lines of `doc`), as ranges of
/// `doc`, reading at most [`TABLE_REACH`] above them for the header of a table they
/// stand in (`| user | password |`, `名前,ユーザー,パスワード`): a cell under a column
/// named for a credential stands where a value goes.
pub fn possible_secrets_in(doc: &str, lines: Range<usize>) -> Vec<Range<usize>> {
    let table = table_above(doc, lines.start);
    scan_lines(&doc[lines.clone()], table)
        .into_iter()
        .map(|r| r.start + lines.start..r.end + lines.start)
        .collect()
}

/// How far above a quoted line [`possible_secrets_in`] looks for its table's header.
const TABLE_REACH: usize = 4096;
/// How many lines above it, at most.
const TABLE_LINES: usize = 24;

/// How a table's cells are separated.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Table {
    /// `| a | b |` (Markdown, ASCII art).
    Pipe,
    /// `a,b,c` (CSV).
    Comma,
    /// `a<TAB>b<TAB>c` (TSV, a spreadsheet pasted).
    Tab,
}

/// The table whose header names a credential and whose rows run down to `at` (the start
/// of a line), if any.
fn table_above(doc: &str, at: usize) -> Option<Table> {
    let b = doc.as_bytes();
    // Only from the start of a line.
    if at > b.len() || at > 0 && b[at - 1] != b'\n' {
        return None;
    }
    let floor = at.saturating_sub(TABLE_REACH);
    // The start of the line below the one looked at.
    let mut end = at;
    // The separators of the rows seen so far (from `at` up).
    let mut rows: Option<Table> = None;
    for _ in 0..TABLE_LINES {
        if end == 0 || end <= floor {
            return None;
        }
        let nl = end - 1;
        let start = match memchr::memrchr(b'\n', &b[floor..nl]) {
            Some(n) => floor + n + 1,
            None if floor == 0 => 0,
            None => return None,
        };
        // Between line breaks (or from the text's start): on character boundaries.
        let line = &doc[start..nl];
        if let Some(t) = table_header(line) {
            if rows.is_none_or(|r| r == t) {
                return Some(t);
            }
            return None;
        }
        let t = table_row(line)?;
        if rows.is_some_and(|r| r != t) {
            return None;
        }
        rows = Some(t);
        end = start;
    }
    None
}

/// The separators of a table row: two `|`, two `,` or two tabs.
fn table_row(line: &str) -> Option<Table> {
    let count = |c: u8| memchr::memchr_iter(c, line.as_bytes()).count();
    if count(b'|') >= 2 {
        Some(Table::Pipe)
    } else if count(b'\t') >= 2 {
        Some(Table::Tab)
    } else if count(b',') >= 2 && !line.contains(", ") && !line.contains('、') {
        Some(Table::Comma)
    } else {
        None
    }
}

/// A table's header naming a credential in one of its cells (`| ID | PW |`,
/// `名前,ユーザー,パスワード,備考`): short cells, none of them a value.
fn table_header(line: &str) -> Option<Table> {
    let t = table_row(line)?;
    let sep = match t {
        Table::Pipe => '|',
        Table::Comma => ',',
        Table::Tab => '\t',
    };
    let mut credential = false;
    for cell in line.split(sep) {
        let cell = cell.trim();
        if cell.chars().count() > 32 || cell.contains(['=', ':']) {
            return None;
        }
        credential |= names_credential(cell) && !cell.contains(' ')
            || line_names(cell).credential
            || names_credential_ja(cell);
    }
    credential.then_some(t)
}

fn scan_lines(text: &str, table_above: Option<Table>) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    // Where the text since the last token starts; whether a credential word stands
    // earlier on this line; whether the previous line was one wrapped base64 line.
    let mut gap_start = 0;
    let mut line = line_names(text);
    // The table the line stands in, when its header names a credential.
    let mut table = table_above;
    let first = &text[..memchr::memchr(b'\n', b).unwrap_or(text.len())];
    table = next_table(table, first);
    let mut credential_line = line.credential || table.is_some();
    let mut prev_token = "";
    let mut prev2_token = "";
    // The text between the token before `prev_token` and it, on this line.
    let mut prev_gap = "";
    let mut wrapped_line_above = false;
    let mut wrapped_line = false;
    while i < b.len() {
        if !token_byte(b[i]) {
            i += 1;
            continue;
        }
        let gap = &text[gap_start..i];
        let line_start = match gap.rfind('\n') {
            Some(n) => {
                let rest_of_text = &text[gap_start + n + 1..];
                line = line_names(rest_of_text);
                let this = &rest_of_text[..memchr::memchr(b'\n', rest_of_text.as_bytes())
                    .unwrap_or(rest_of_text.len())];
                // Lines between (blank ones) end a table.
                table = if gap[..n].contains('\n') { None } else { table };
                table = next_table(table, this);
                credential_line = line.credential || table.is_some();
                wrapped_line_above = wrapped_line && !gap[..n].contains('\n');
                wrapped_line = false;
                true
            }
            None => gap_start == 0,
        };
        let gap_on_line = gap.rsplit('\n').next().unwrap_or(gap);
        if gap.contains('\n') {
            prev_token = "";
            prev2_token = "";
            prev_gap = "";
        }
        credential_line |= names_credential_ja(gap_on_line);
        let start = i;
        while i < b.len()
            && (token_byte(b[i]) || entity_end(b, start, i) || escaped_quote(b, start, i))
        {
            i += 1;
        }
        gap_start = i;
        // A key's colon (`<key>: value`) is no part of the key.
        // Nor is the backslash of a JSON-escaped closing quote (`\"value\"`).
        let end = if (b[i - 1] == b':' || b[i - 1] == b'\\' && b.get(i) == Some(&b'"'))
            && i - 1 > start
        {
            i - 1
        } else {
            i
        };
        let rest = text[i..].trim_start_matches([' ', '\t', '\r']);
        let alone =
            line_start && (rest.is_empty() || rest.starts_with('\n') || is_value_note(rest));
        let t = &text[start..end];
        let told = told(gap_on_line, prev_token, prev2_token, prev_gap);
        let context = Context {
            credential: credential_line,
            account: line.account,
            framed: framed(gap_on_line, rest),
            quoted: quoted(gap_on_line, rest),
            alone,
            card_line: line.card,
            line_start,
            pin: told_pin(gap_on_line, prev_token, prev2_token),
            told,
            // Read only where it counts: after a password's word.
            // (`パスワードは X です` labels as a colon does, where X is what is said.)
            labelled: told == Told::Password && {
                let g = gap_on_line.trim_matches([' ', '\t', '\u{3000}']);
                g.ends_with([':', '：', '=', '＝'])
                    || g.is_empty() && prev_token.ends_with([':', '='])
                    || g.ends_with('は') && said_as_the_value(rest)
            },
            rest,
        };
        let before = out.len();
        for r in suspicious_parts(text, start..end, &context) {
            push(&mut out, r);
        }
        // The short last line of wrapped base64 (a PEM body) under a full one.
        if out.len() == before
            && alone
            && wrapped_line_above
            && t.len() >= 4
            && base64_chars(t)
            && (t.ends_with('=')
                || t.bytes().any(|c| c.is_ascii_uppercase())
                    && t.bytes().any(|c| c.is_ascii_lowercase()))
        {
            push(&mut out, start..end);
        }
        if alone {
            wrapped_line =
                t.len() >= 40 && base64_chars(t) && out.last().is_some_and(|r| r.end >= end);
        }
        credential_line |= names_credential(t);
        prev2_token = prev_token;
        prev_token = &text[start..i];
        prev_gap = gap_on_line;
    }
    out
}

/// The table a line stands in after it: the one above while the line is one of its
/// rows, a new one when the line is a header naming a credential.
fn next_table(above: Option<Table>, line: &str) -> Option<Table> {
    if let Some(t) = table_header(line) {
        return Some(t);
    }
    above.filter(|&t| table_row(line) == Some(t))
}

/// What the words just before a token tell it is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Told {
    Nothing,
    /// A password: whatever its letters, a value holding a digit.
    Password,
    /// A key, a secret or a token: a value mixing letters and digits.
    Key,
}

/// What a credential word tells of the value after it: `password`, `DB_PASS`, `pw`
/// (a password), `key`, `api_secret`, `TOKEN` (a key); its last word counts.
fn told_by_word(w: &str) -> Told {
    // A Japanese compound standing as one word (`初期パスワード:`, `接続キー=`).
    let japanese = told_in_japanese(w.trim_end_matches([':', '：', '=', '＝']));
    if japanese != Told::Nothing {
        return japanese;
    }
    let w = w
        .trim_matches(|c: char| !c.is_ascii_alphanumeric())
        .as_bytes();
    if w.len() < 2 || !w[w.len() - 1].is_ascii_alphabetic() {
        return Told::Nothing;
    }
    let ends = |s: &str| {
        let s = s.as_bytes();
        w.len() >= s.len()
            && w[w.len() - s.len()..].eq_ignore_ascii_case(s)
            && (w.len() == s.len() || !w[w.len() - s.len() - 1].is_ascii_alphabetic())
    };
    if [
        "password",
        "passwd",
        "pwd",
        "pw",
        "pass",
        "passphrase",
        "passcode",
    ]
    .iter()
    .any(|s| ends(s))
    {
        Told::Password
    } else if ["key", "secret", "token", "apikey"].iter().any(|s| ends(s)) {
        Told::Key
    } else {
        Told::Nothing
    }
}

/// What the words just before a token tell it is: a credential word, then nothing, a
/// colon, `=`, `is`, or a Japanese particle (`パスワードは`, `PW：`, `キーを`, and
/// `初期パスワード: `, whose colon is a token of its own after the Japanese `prev_gap`).
fn told(gap: &str, prev: &str, prev2: &str, prev_gap: &str) -> Told {
    let gap = gap.trim_matches([' ', '\t', '\u{3000}', '\'', '"', '`']);
    let word = told_by_word;
    if gap.is_empty() || matches!(gap, ":" | "：" | "=" | "＝" | "→") {
        let by_prev = word(prev);
        if by_prev != Told::Nothing {
            return by_prev;
        }
        // `password is X`, `key = X`.
        let linking = prev.eq_ignore_ascii_case("is")
            || prev.eq_ignore_ascii_case("was")
            || prev.eq_ignore_ascii_case("now")
            || prev == "="
            || prev == ":";
        return if !linking || !gap.is_empty() {
            Told::Nothing
        } else if matches!(prev, ":" | "=") && prev2.is_empty() {
            told_in_japanese(prev_gap.trim_end_matches([' ', '\t', '\u{3000}']))
        } else {
            word(prev2)
        };
    }
    // Japanese: `パスワードは`, `APIキーは`, `PW：` (the word a token before).
    let Some(head) = gap.strip_suffix(['は', '：', '＝', '「', '『', 'を', 'が', ':', '='])
    else {
        return Told::Nothing;
    };
    let head = head.trim_end_matches([' ', '\u{3000}']);
    if head.is_empty() {
        word(prev)
    } else {
        told_in_japanese(head)
    }
}

/// What a Japanese word ending just before a value tells of it (`初期パスワード`, `APIキー`).
fn told_in_japanese(head: &str) -> Told {
    match vocabulary::label_names(head) {
        Some(Named::Password) => Told::Password,
        Some(Named::Key | Named::Secret) => Told::Key,
        None => Told::Nothing,
    }
}

/// A value told as a password or a key: letters with a digit (`sakura2024`,
/// `minato-guest-2024`; a key: 10 characters or more, `harbor2024kumo`), not what
/// support reads, a placeholder, a count or a date.
fn told_value(t: &str, told: Told) -> bool {
    let t = t.trim_end_matches(['.', ',', ':', ';']);
    let b = t.as_bytes();
    let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    if letters == 0 || digits == 0 || t.len() > 64 || is_placeholder(t) || is_known_non_secret(t) {
        return false;
    }
    // A name of lowercase words is read as a password's here, not as a resource's.
    let lower_name = b
        .iter()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_'));
    let hex_groups = t.contains('-')
        && t.split('-')
            .all(|g| !g.is_empty() && g.bytes().all(|c| c.is_ascii_hexdigit()));
    let shown = if lower_name {
        hex_groups || is_date_or_time(t)
    } else {
        readable(t)
    };
    // A key of lowercase words needs a random part (`sk-test-abc123def456`).
    let random_part = t.split(['-', '_']).any(|p| {
        p.len() >= 8
            && p.bytes().any(|c| c.is_ascii_digit())
            && p.bytes().any(|c| c.is_ascii_alphabetic())
    });
    let lower_words = lower_name && t.contains(['-', '_']);
    match told {
        Told::Nothing => false,
        Told::Password => t.len() >= 6 && !shown,
        Told::Key => t.len() >= 10 && (!lower_words || random_part) && !shown,
    }
}

/// A password of letters alone under its label: 8 to 64 letters, words joined by `-`
/// or `_` too, not a placeholder nor a value support reads.
fn labelled_words(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ',', ';']);
    (8..=64).contains(&t.len())
        && t.bytes()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, b'-' | b'_'))
        && t.bytes().filter(u8::is_ascii_alphabetic).count() >= 8
        && !is_placeholder(t)
        && !is_known_non_secret(t)
}

/// Whether what follows a value after `パスワードは` makes it what is said
/// (`… X です。`, `… X に変更しました`, `… X（仮）`), not the subject of more words.
fn said_as_the_value(rest: &str) -> bool {
    rest.is_empty()
        || rest.starts_with('\n')
        || is_value_note(rest)
        || ["です", "でした", "になります", "に変更", "に設定", "。"]
            .iter()
            .any(|m| rest.starts_with(m))
}

/// Whether what stands before a token tells a PIN or a numeric password:
/// `暗証番号は`, `PIN：`, `パスコード「`, `PIN:`.
fn told_pin(gap: &str, prev: &str, prev2: &str) -> bool {
    let gap = gap.trim_end_matches([' ', '\u{3000}', '\'', '"']);
    let pin_word = |w: &str| {
        let w = w.trim_end_matches([':', '=']);
        ["pin", "passcode", "pincode", "pin-code", "password"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
    };
    if gap.is_empty() {
        return prev.ends_with([':', '=']) && pin_word(prev)
            || prev.eq_ignore_ascii_case("is") && pin_word(prev2);
    }
    let Some(head) = gap.strip_suffix(['は', '：', '＝', '「', '『', '=', ':']) else {
        return false;
    };
    head.ends_with("暗証番号")
        || head.ends_with("暗証コード")
        || head.ends_with("パスコード")
        || head.ends_with("ＰＩＮ")
        || head.ends_with("パスワード")
        || head.is_empty() && pin_word(prev)
        || head.ends_with("コード") && head.contains("暗証")
}

/// A PIN: 4 to 12 digits, not a count (`8 桁`, `12 characters`) nor a year (`2026年`).
fn pin(t: &str, rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    (4..=12).contains(&t.len())
        && t.bytes().all(|c| c.is_ascii_digit())
        && !rest.starts_with([
            '年', '月', '日', '桁', '文', '回', '件', '個', '人', '時', '分', '秒', '%', '円',
        ])
        && !["char", "digit", "day", "min", "sec", "hour", "time", "byte"]
            .iter()
            .any(|u| {
                rest.get(..u.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(u))
            })
}

/// A value printed with no line break before the next shell prompt
/// (`terraform output -raw x` then `<value>ops@ws:~/infra$`): the part before the
/// prompt's user, when it is no user name of lowercase letters.
fn glued_to_prompt(t: &str) -> Option<usize> {
    if !t.ends_with(['$', '#']) {
        return None;
    }
    let at = t.find('@')?;
    let (host, path) = t[at + 1..].split_once(':')?;
    let prompt = !host.is_empty()
        && host
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        && path.starts_with(['~', '/']);
    let head = &t[..at];
    let user_name = head
        .bytes()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_' | b'.'));
    (prompt && head.len() >= 10 && !user_name).then_some(at)
}

/// What stands around a token on its line.
struct Context<'a> {
    /// A credential word (`password`, `creds`, `パスワード`, `事前共有キー`) stands before it.
    credential: bool,
    /// Framed as a value: in Japanese brackets (`「…」`, `『…』`, `（…）`), after a
    /// full-width colon or slash, or an arrow.
    framed: bool,
    /// Alone on its line, as a command prints a value.
    alone: bool,
    /// The line speaks of a payment card.
    card_line: bool,
    /// The line speaks of an account or a sign-in (`admin`, `reset`, `ログイン`): a chosen
    /// password may stand on it.
    account: bool,
    /// The token starts its line.
    line_start: bool,
    /// What stands before it tells a PIN (`暗証番号は`, `PIN:`).
    pin: bool,
    /// What stands just before it tells a password (`password is`, `パスワードは`,
    /// `PW：`) or a key (`key:`, `APIキーは`).
    told: Told,
    /// After a password's word, a label's colon or `=` stands just before it
    /// (`Password: x`, `パスワード：x`).
    labelled: bool,
    /// Quoted alone: `"…"`, `'…'`, `「…」` or `『…』` enclose exactly this token.
    quoted: bool,
    /// What follows it on its line and beyond.
    rest: &'a str,
}

/// Whether an ASCII word names a credential: `password`, `--admin-password`, `pw`,
/// `creds`, `passphrase`, `PSK`, `secret`, `token`, `key`.
fn names_credential(t: &str) -> bool {
    if t.len() > 40 {
        return false;
    }
    let word = t
        .trim_matches(|c: char| !c.is_ascii_alphanumeric())
        .as_bytes();
    let has = |w: &[u8]| word.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    [
        &b"pass"[..],
        b"pwd",
        b"secret",
        b"cred",
        b"token",
        b"psk",
        b"key",
    ]
    .iter()
    .any(|w| has(w))
        || word.eq_ignore_ascii_case(b"pw")
        || word.eq_ignore_ascii_case(b"p")
}

/// What the line starting `text` names anywhere, in one pass over it: a password or
/// passphrase (`«…» というパスワード`, `We use «…» as the passphrase`), a card.
fn line_names(text: &str) -> LineNames {
    const CREDENTIAL: &[&str] = &[
        "pass",
        "pwd",
        "secret",
        "cred",
        "psk",
        "パスワード",
        "パスフレーズ",
        "資格情報",
        "認証情報",
        "暗証",
        "共有キー",
    ];
    const CARD: &[&str] = &["card", "カード", "クレジット"];
    // Words of accounts and their passwords' lives: a chosen password stands near them
    // (`I reset the local admin, it's <pw> now`, `Jenkins 管理者 admin / <pw>`).
    const ACCOUNT: &[&str] = &[
        "admin",
        "login",
        "logon",
        "log in",
        "sign in",
        "signin",
        "sign-in",
        "reset",
        "lockout",
        "locked out",
        "管理者",
        "ログイン",
        "サインイン",
        "アカウント",
        "リセット",
        "初期",
    ];
    static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(CREDENTIAL.iter().chain(CARD).chain(ACCOUNT))
            .expect("valid patterns")
    });
    let line = &text[..memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len())];
    let mut names = LineNames::default();
    for m in WORDS.find_iter(line) {
        let k = m.pattern().as_usize();
        if k < CREDENTIAL.len() {
            names.credential = true;
        } else if k < CREDENTIAL.len() + CARD.len() {
            names.card = true;
        } else {
            names.account = true;
        }
    }
    names
}

#[derive(Default, Clone, Copy)]
struct LineNames {
    credential: bool,
    card: bool,
    /// An account or a sign-in (`admin`, `ログイン`, `reset`).
    account: bool,
}

/// Whether Japanese text names a credential.
fn names_credential_ja(gap: &str) -> bool {
    !gap.is_ascii()
        && [
            "パスワード",
            "パスフレーズ",
            "キー",
            "鍵",
            "資格情報",
            "認証情報",
            "シークレット",
            "トークン",
            "暗証",
        ]
        .iter()
        .any(|w| gap.contains(w))
}

/// A token framed as a value by what stands before (`gap`) and after (`rest`) it.
fn framed(gap: &str, rest: &str) -> bool {
    let before = gap.trim_end_matches([' ', '\u{3000}', '\'', '"', '`']);
    let after = rest.trim_start_matches(['\'', '"', '`']);
    before.ends_with(['「', '『', '（', '【', '〔', '：', '＝', '／', '→'])
        || after.starts_with(['」', '』', '）', '】', '〕'])
}

/// `;` ending an XML entity inside a value (`Harbo&amp;r62`): the entity is no delimiter.
fn entity_end(b: &[u8], start: usize, i: usize) -> bool {
    // The value goes on after it: a character, or another entity (`&amp;&amp;`).
    let goes_on = |j: usize| {
        b.get(j).is_some_and(|&c| token_byte(c) && c != b'&')
            || b[j.min(b.len())..].starts_with(b"&")
                && b[j + 1..]
                    .iter()
                    .take(6)
                    .position(|&c| c == b';')
                    .is_some_and(|n| n >= 2)
    };
    if b[i] != b';' || !goes_on(i + 1) {
        return false;
    }
    // An entity name is short: look no further back than it.
    let head = &b[start.max(i.saturating_sub(7))..i];
    let Some(amp) = head.iter().rposition(|&c| c == b'&') else {
        return false;
    };
    let name = &head[amp + 1..];
    (2..=5).contains(&name.len())
        && amp > 0
        && (head[amp - 1].is_ascii_alphanumeric() || head[amp - 1] == b';')
        && (name.iter().all(u8::is_ascii_alphabetic)
            || name[0] == b'#' && name[1..].iter().all(u8::is_ascii_digit))
}

/// `\"` inside a JSON-escaped value between two alphanumerics (`Pp\"Jp`).
fn escaped_quote(b: &[u8], start: usize, i: usize) -> bool {
    b[i] == b'"'
        && i >= start + 2
        && b[i - 1] == b'\\'
        && (b[i - 2].is_ascii_alphanumeric() || b"!#$%&*+-?@^_~".contains(&b[i - 2]))
        && b.get(i + 1).is_some_and(|&c| token_byte(c) && c != b':')
}

fn base64_chars(t: &str) -> bool {
    t.bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='))
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
/// (`key=value`, `a=b&c=d`, `user:pass`), and the token itself when it is a blob, a
/// machine-made word or a card number, or, where it stands as a value (`context`), a
/// chosen password or passphrase.
fn suspicious_parts(text: &str, run: Range<usize>, context: &Context) -> Vec<Range<usize>> {
    let t = &text[run.clone()];
    let mut parts = Vec::new();
    if blob(t)
        || digit_groups(t)
        || standalone_password(t)
        || machine_word(t)
        || context.card_line && card(t)
        || aws_key_id(t)
        || keyed_token(t)
        || numbered_passphrase(t)
    {
        parts.push(run);
        return parts;
    }
    // A PIN told as such: `暗証番号は 4821`, `PIN: 0719`.
    if context.pin && pin(t, context.rest) {
        parts.push(run);
        return parts;
    }
    // A value told as a password or a key: `the password is sakura2024`, `PW：kumo7788`;
    // under a password's label, words too (`パスワード：hanamizuki`, `Password:
    // correcthorsebattery`).
    if context.told != Told::Nothing
        && !t.trim_end_matches('=').contains(['=', '/'])
        && (told_value(t, context.told)
            || context.told == Told::Password && context.labelled && labelled_words(t))
    {
        parts.push(run);
        return parts;
    }
    // A value printed just before the next prompt: `<value>ops@ws:~$`.
    if context.line_start {
        if let Some(at) = glued_to_prompt(t) {
            parts.push(run.start..run.start + at);
            return parts;
        }
    }
    // Wrapped base64 with JSON-escaped line breaks (`…KEY-----\nMIIE…\nAbc=\n-----END`).
    if t.contains("\\n") {
        wrapped_escaped(t, run.start, &mut parts);
        if !parts.is_empty() {
            return parts;
        }
    }
    // A password glued to its option: `mysql -pS3cret`.
    if let Some(v) = t
        .strip_prefix("-p")
        .filter(|v| chosen(v) || machine_word(v))
    {
        parts.push(run.end - v.len()..run.end);
        return parts;
    }
    // A password in a URL's user information: `https://user:pass@host`.
    if let Some(scheme) = t.find("://") {
        let authority = &t[scheme + 3..];
        let authority = &authority[..authority.find('/').unwrap_or(authority.len())];
        if let Some((user_info, _)) = authority.rsplit_once('@') {
            if let Some((_, pass)) = user_info.split_once(':') {
                let from = run.start + scheme + 3 + user_info.len() - pass.len();
                if pass.len() >= 4 && !is_placeholder(pass) {
                    parts.push(from..from + pass.len());
                    return parts;
                }
            }
        }
    }
    if (context.credential || context.framed || context.alone) && value_shaped(t, context)
        || context.account && (account_password(t) || context.quoted && quoted_passphrase(t))
    {
        parts.push(run.clone());
        return parts;
    }
    // A password in a percent-encoded URL's user information:
    // `rediss%3A%2F%2F%3A<key>%40host`.
    if t.contains('%') {
        if let Some(r) = encoded_user_info(t) {
            parts.push(run.start + r.start..run.start + r.end);
            return parts;
        }
    }
    // Values after percent-encoded separators: `sig%3D…`, `AccountKey%3D…%3D%3D%3B`.
    if t.contains('%') {
        percent_encoded_values(t, run.start, &mut parts);
        if !parts.is_empty() {
            return parts;
        }
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
        // A name written in Japanese ends where the token starts: `決済APIキー=<value>`.
        let named = k > 0
            || text[..run.start]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_ascii() && c.is_alphanumeric());
        if matches!(b[k], b'=' | b':') && named && !scheme_or_drive {
            let vs = k + 1 + b[k + 1..].iter().take_while(|&&c| c == b'=').count();
            // A value runs to the next parameter (`&name=`, JSON-escaped `\u0026name=`),
            // not to any `&`.
            let ve = (vs..b.len())
                .find(|&j| {
                    b[j] == b'&' && next_parameter(&b[j + 1..])
                        || b[j..].starts_with(b"&amp;") && next_parameter(&b[j + 5..])
                        || b[j..].starts_with(b"\\u0026") && next_parameter(&b[j + 6..])
                })
                .unwrap_or(b.len());
            let v = &t[vs..ve];
            let name = t[..k].rsplit(['&', ';', '?']).next().unwrap_or("");
            if value_like(v)
                || chosen(v)
                || session_named(name) && opaque(v)
                || told_value(v, told_by_word(name))
                || told_by_word(name) == Told::Password && labelled_words(v)
            {
                parts.push(run.start + vs..run.start + ve);
                k = ve;
                continue;
            }
        }
        k += 1;
    }
    // A value standing after a separator outside the token: `password: x`, `key = x`.
    if parts.is_empty()
        && after_separator(text, run.start)
        && !t.trim_end_matches('=').contains('=')
        && (value_like(t) || chosen(t) || looks_like_passphrase(t) && passphrase_words(t))
    {
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
            if name.len() >= 24 && blob(name) || name.len() >= 20 && machine_word(name) {
                // With the IDs of uppercase letters and digits it stands under
                // (`T0…/B0…/<key>`, an incoming webhook's path).
                let mut from = run.start + offset;
                for id in t[..offset].trim_end_matches('/').rsplit('/') {
                    let is_id = (8..=16).contains(&id.len())
                        && id
                            .bytes()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                    if !is_id {
                        break;
                    }
                    from -= id.len() + 1;
                }
                parts.push(from..run.start + offset + name.len());
            }
            offset += seg.len() + 1;
        }
    }
    parts
}

/// Where a token stands as a value: a chosen password (letters and digits), a
/// passphrase, or a machine-made value.
fn value_shaped(t: &str, context: &Context) -> bool {
    let t = t.trim_end_matches(['.', ',', ':']);
    // `key=value` pairs are read by their separators.
    if t.trim_end_matches('=').contains(['=', '&', ':']) || is_known_non_secret(t) {
        return false;
    }
    chosen(t)
        || looks_random(t, 16)
            && t.bytes().any(|c| c.is_ascii_digit())
            && !t.contains('.')
            && !readable(t)
        || !context.alone && looks_like_passphrase(t) && passphrase_words(t)
        || context.alone && short_chosen(t)
}

/// A short password a person chose, as a command prints it alone on a line (`Fuji45#`,
/// `Kumo7!x`): 6 or 7 characters of letters, digits and a symbol, an uppercase letter.
fn short_chosen(t: &str) -> bool {
    let symbol = |c: u8| c.is_ascii_punctuation() && !matches!(c, b'_' | b'-' | b'.' | b'/' | b':');
    (6..=7).contains(&t.len())
        && t.bytes().any(|c| c.is_ascii_uppercase())
        && t.bytes().any(|c| c.is_ascii_lowercase())
        && t.bytes().any(|c| c.is_ascii_digit())
        && t.bytes().any(symbol)
        && t.bytes().all(|c| c.is_ascii_alphanumeric() || symbol(c))
}

/// A password a person chose: 6 to 64 characters holding lowercase letters, digits
/// and an uppercase letter or a symbol (`Welcome2023`, `kn_Kumo631`, `Harbor9528-`);
/// not an identifier of lowercase words (`vm-sap-app01`), a version, a host or an ID.
fn chosen(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ',']);
    let symbol =
        |c: u8| c.is_ascii_punctuation() && !matches!(c, b'_' | b'-' | b'.' | b'/' | b':' | b'*');
    // Digits as people add them (`2023`, `646`), not an identifier's one (`Timer1`).
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    (8..=64).contains(&t.len())
        && t.bytes().any(|c| c.is_ascii_lowercase())
        && digits > 0
        && (digits >= 2 || t.bytes().any(symbol))
        && t.bytes().any(|c| c.is_ascii_uppercase() || symbol(c))
        // Not a masked value (`Ab1***`), a pair, a path or a dotted name (`Encoding.UTF8`).
        && !t.contains(['/', '=', ':', '.', '*'])
        && !readable(t)
}

/// A password chosen by a person, on a line about an account: [`chosen`], with a
/// number as people add them (three digits or more: `Kumo_q9959`, `OAdmin2022`) or a
/// symbol, not a size or a SKU of short numbers (`Standard_D4s_v5`).
fn account_password(t: &str) -> bool {
    let t = t.trim_end_matches([',', '.']);
    let b = t.as_bytes();
    let mut run = 0;
    let mut longest = 0;
    for &c in b {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let symbol = b
        .iter()
        .any(|&c| c.is_ascii_punctuation() && !matches!(c, b'_' | b'-' | b'.'));
    chosen(t) && (longest >= 3 || symbol) && !is_known_non_secret(t)
}

/// Whether a token is quoted alone: the text just before it opens a quote that closes
/// right after it (`"Granite.Owl.Harbor"`, `「…」`).
fn quoted(gap: &str, rest: &str) -> bool {
    [('"', '"'), ('\'', '\''), ('「', '」'), ('『', '』')]
        .iter()
        .any(|&(open, close)| gap.ends_with(open) && rest.starts_with(close))
}

/// A passphrase as people write one when they quote it on a line about an account
/// (`"Granite.Owl.Harbor"`, `"blue-kettle-river"`): three or more words of three letters
/// or more, joined by one separator, each capitalised or in lower case. Only quoted,
/// because a dotted or dashed name of words is otherwise a namespace or a resource.
fn quoted_passphrase(t: &str) -> bool {
    let Some(sep) = t.chars().find(|c| matches!(c, '-' | '_' | '.')) else {
        return false;
    };
    let words: Vec<&str> = t.split(sep).collect();
    t.len() >= 12
        && words.len() >= 3
        && words.iter().all(|w| {
            w.len() >= 3
                && w.bytes().all(|c| c.is_ascii_alphabetic())
                && w.bytes().skip(1).all(|c| c.is_ascii_lowercase())
                // `your-password-here`, `sample-admin-value`: a placeholder's words.
                && !names_credential(w)
                && !["your", "here", "example", "sample", "dummy", "value", "changeme"]
                    .contains(&w.to_ascii_lowercase().as_str())
        })
}

/// A passphrase of capitalised words and a number, joined by one separator, as people
/// choose one (`Kumo.Sora.55`, `Blue-Heron-Falls-1999`): masked wherever it stands, for
/// a chat's reply often holds it with no credential word on its line. Namespaces and
/// resource names are lowercase or hold no bare number; a product name of this shape
/// (`Windows-Server-2022`) is rarely written so and costs only a mask.
fn numbered_passphrase(t: &str) -> bool {
    let t = t.trim_end_matches([',', ';']);
    let t = t.strip_suffix('.').unwrap_or(t);
    let Some(sep) = t.chars().find(|c| matches!(c, '-' | '_' | '.')) else {
        return false;
    };
    let parts: Vec<&str> = t.split(sep).collect();
    let capitalised = |w: &str| {
        w.len() >= 3
            && w.as_bytes()[0].is_ascii_uppercase()
            && w.bytes().skip(1).all(|c| c.is_ascii_lowercase())
    };
    let number = |w: &str| (1..=4).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_digit());
    parts.len() >= 3
        && parts.iter().filter(|w| capitalised(w)).count() >= 2
        && parts.iter().any(|w| number(w))
        && parts.iter().all(|w| capitalised(w) || number(w))
}

/// Lowercase words of letters (a passphrase), not names of resources holding digits
/// in their words, nor a placeholder of repeated letters (`xxxxxxxx-xxxx-…`).
fn passphrase_words(t: &str) -> bool {
    !is_placeholder(t)
        && t.split(['-', '_', '.'])
            .filter(|w| !w.bytes().all(|c| c.is_ascii_digit()))
            .all(|w| {
                w.bytes().all(|c| c.is_ascii_lowercase()) && w.bytes().any(|c| c != w.as_bytes()[0])
            })
}

/// A machine-made word: 12 characters or more of upper and lower case letters and
/// digits in random order (`HsiahebRuVvRn80`, a pre-shared key), not an identifier of
/// words (`Win2022Datacenter`, `HttpTrigger1`): its character class changes at more
/// than a third of its characters.
fn machine_word(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ',', ':']);
    let core = t.trim_end_matches('=');
    if core.len() < 12 || core.len() > 128 || !core.bytes().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let class = |c: u8| {
        if c.is_ascii_uppercase() {
            0
        } else if c.is_ascii_lowercase() {
            1
        } else {
            2
        }
    };
    let mut seen = [false; 3];
    let mut changes = 0;
    let b = core.as_bytes();
    for (k, &c) in b.iter().enumerate() {
        seen[class(c)] = true;
        if k > 0 && class(c) != class(b[k - 1]) {
            changes += 1;
        }
    }
    seen.iter().all(|&s| s) && 3 * changes > core.len() && !readable(t)
}

/// An AWS access key ID: `AKIA` or `ASIA` and 16 uppercase letters or digits.
fn aws_key_id(t: &str) -> bool {
    t.len() == 20
        && (t.starts_with("AKIA") || t.starts_with("ASIA"))
        && !t.ends_with("EXAMPLE")
        && t.bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A token of dash-joined parts ending in a key (`xoxb-…-<key>`, `prefix-<base64>`):
/// the whole token goes, its prefix and numbers say which account it opens.
fn keyed_token(t: &str) -> bool {
    let Some((head, last)) = t.rsplit_once('-') else {
        return false;
    };
    // A hex tail is an ID's as often as a key's (`dcr-<hex>`), but not under
    // numbered accounts (`xoxp-<team>-<user>-…-<hex>`).
    let hex = last.bytes().all(|c| c.is_ascii_hexdigit());
    let numbered = head
        .split('-')
        .filter(|p| p.len() >= 6 && p.bytes().all(|c| c.is_ascii_digit()))
        .count()
        >= 2;
    let key = last.len() >= 24 && (!hex || numbered) && (blob(last) || machine_word(last));
    // Not an `X-Azure-Ref` (`20261207T014500Z-<id>`) nor a digest.
    let azure_ref = head.len() > 8 && head.as_bytes()[..8].iter().all(u8::is_ascii_digit);
    !head.is_empty()
        && key
        && !azure_ref
        && !is_known_digest(t)
        && !t.contains(['/', ':', '#', '=', '.'])
}

/// `sha256-<hex>`, `md5:<hex>`: digests name their algorithm.
fn is_known_digest(t: &str) -> bool {
    let lower = t.get(..7).unwrap_or(t).to_ascii_lowercase();
    ["sha1", "sha256", "sha384", "sha512", "md5"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// A payment card number: 13 to 19 digits that pass the Luhn check (on a line that
/// speaks of a card: support request numbers have 16 digits too).
fn card(t: &str) -> bool {
    (13..=19).contains(&t.len())
        && t.bytes().all(|c| c.is_ascii_digit())
        && super::checksum::luhn(t.as_bytes())
}

/// The base64 lines of a token holding JSON-escaped line breaks (`\n`): a run of
/// full lines (40 characters or more, or a blob) and the short line ending it, with
/// the breaks between them.
fn wrapped_escaped(t: &str, offset: usize, parts: &mut Vec<Range<usize>>) {
    let mut run: Option<Range<usize>> = None;
    let mut pos = 0;
    for seg in t.split("\\n") {
        let seg_core = seg.strip_suffix("\\r").unwrap_or(seg);
        let full = seg_core.len() >= 40 && base64_chars(seg_core) || blob(seg_core);
        let tail = run.is_some() && seg_core.len() >= 4 && base64_chars(seg_core);
        if full || tail {
            let r = offset + pos..offset + pos + seg_core.len();
            run = Some(run.map_or(r.clone(), |a| a.start..r.end));
            if !full {
                parts.extend(run.take());
            }
        } else {
            parts.extend(run.take());
        }
        pos += seg.len() + 2;
    }
    parts.extend(run);
}

/// The values after `%3D` (`=` percent-encoded, once or twice) up to the next encoded
/// `&` or `;`, judged decoded (`%2B` `+`, `%2F` `/`, `%3D` `=`).
fn percent_encoded_values(t: &str, offset: usize, parts: &mut Vec<Range<usize>>) {
    let lower = t.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find("%3d").map(|k| from + k) {
        let vs = k + 3;
        let mut ve = vs;
        while ve < t.len() {
            let rest = &lower[ve..];
            if rest.starts_with('&')
                || rest.starts_with("%26")
                || rest.starts_with("%3b")
                || rest.starts_with("%2526")
                || rest.starts_with("%253b")
            {
                break;
            }
            // Padding (`%3D%3D`) ends the value.
            if rest.starts_with("%3d") || rest.starts_with("%253d") {
                let pad = if rest.starts_with("%3d") { 3 } else { 5 };
                ve += pad;
                while lower[ve..].starts_with("%3d") || lower[ve..].starts_with("%253d") {
                    ve += if lower[ve..].starts_with("%3d") { 3 } else { 5 };
                }
                break;
            }
            ve += 1;
        }
        let decoded = lower_decode(&t[vs..ve]);
        // Not what follows a value's padding (`…%3D%40host`).
        let after_padding = lower[vs..].starts_with("%40") || lower[vs..].starts_with("%2540");
        if decoded.len() >= 16 && !after_padding && (blob(&decoded) || value_like(&decoded)) {
            parts.push(offset + vs..offset + ve);
        }
        from = ve.max(vs);
    }
}

/// The password (as its byte range in `t`) of a percent-encoded URL's user
/// information: `scheme%3A%2F%2Fuser%3Apass%40host…`, once or twice encoded.
fn encoded_user_info(t: &str) -> Option<Range<usize>> {
    let lower = t.to_ascii_lowercase();
    let (enc, colon, at, slash) = if lower.contains("%253a%252f%252f") {
        ("%253a%252f%252f", "%253a", "%2540", "%252f")
    } else {
        ("%3a%2f%2f", "%3a", "%40", "%2f")
    };
    let from = lower.find(enc)? + enc.len();
    let end = lower[from..]
        .find(['/', '&', '?'])
        .into_iter()
        .chain(lower[from..].find(slash))
        .min()
        .map_or(lower.len(), |n| from + n);
    let authority = &lower[from..end];
    let user_info = &authority[..authority.rfind(at)?];
    let pass = from + user_info.find(colon)? + colon.len();
    let pass_end = from + user_info.len();
    let v = &t[pass..pass_end];
    (pass_end - pass >= 4 && !is_placeholder(v)).then_some(pass..pass_end)
}

/// A name (`ASP.NET_SessionId`, `auth`, `sid`) whose value opens a session or an account.
fn session_named(name: &str) -> bool {
    let b = name.as_bytes();
    [
        "session", "sessid", "auth", "sid", "cookie", "token", "secret", "pass", "pwd", "cred",
    ]
    .iter()
    .any(|w| {
        let w = w.as_bytes();
        b.len() >= w.len()
            && (b[b.len() - w.len()..].eq_ignore_ascii_case(w)
                || b.len() <= 24 && b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w)))
    })
}

/// An opaque value: 12 characters or more of letters and digits, or 20 lowercase
/// letters too few of them vowels to be words (a session ID); not a name of words
/// (`ActiveDirectoryMSI`), a hex digest or anything support reads.
fn opaque(v: &str) -> bool {
    let letters = v.bytes().filter(u8::is_ascii_alphabetic).count();
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    let vowels = v.bytes().filter(|c| b"aeiouAEIOU".contains(c)).count();
    let shape = if digits > 0 {
        v.len() >= 12 && letters >= 4 && !v.bytes().all(|c| c.is_ascii_hexdigit())
    } else {
        v.len() >= 20 && v.bytes().all(|c| c.is_ascii_lowercase()) && 4 * vowels < v.len()
    };
    shape
        && v.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='))
        && !is_placeholder(v)
        && !readable(v)
}

/// `%25` `%2B` `%2F` `%3D` decoded (twice-encoded values decode to once-encoded ones
/// first).
fn lower_decode(v: &str) -> String {
    let once = v.replace("%25", "%");
    once.replace("%2B", "+")
        .replace("%2b", "+")
        .replace("%2F", "/")
        .replace("%2f", "/")
        .replace("%3D", "=")
        .replace("%3d", "=")
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
    let located = lower
        .strip_prefix("//")
        .is_some_and(|rest| rest.split('/').next().is_some_and(|h| h.contains('.')))
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
    // A shell prompt: `azureuser@vm-web-01:~$`, `postgres@db01:/var/lib#`, `bash-5.1$`.
    let prompt = t.strip_suffix(['$', '#']).is_some_and(|p| {
        let ident = |s: &str| {
            !s.is_empty()
                && s.bytes().all(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_' | b'.')
                })
        };
        match p.split_once('@') {
            Some((user, rest)) => rest.split_once(':').is_some_and(|(host, path)| {
                ident(user) && ident(host) && (path.is_empty() || path.starts_with(['~', '/']))
            }),
            None => ["bash-", "sh-", "zsh-"]
                .iter()
                .any(|sh| p.strip_prefix(sh).is_some_and(&ident)),
        }
    });
    if dotted_name
        || prompt
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
    fn aws_access_key_ids_are_masked_though_not_reported() {
        // The ID is no secret by rules.md (formats::aws reports only the secret key), but
        // a quoted line still hides it.
        assert_eq!(
            masked("aws_access_key_id = AKIAQ3EGRTXK7NMPLW2Z"),
            ["AKIAQ3EGRTXK7NMPLW2Z"]
        );
        assert_eq!(
            masked("アクセスキー ID は ASIAZ7K2M4Q8W3E6R9T5 です"),
            ["ASIAZ7K2M4Q8W3E6R9T5"]
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
    fn chosen_passwords_are_masked_where_they_stand_as_values() {
        // After or before a credential word on the same line, in either language.
        assert_eq!(
            masked("the new password is Sunflower2031 for now"),
            ["Sunflower2031"]
        );
        assert_eq!(
            masked("管理者パスワードは Momiji2030 に変えました"),
            ["Momiji2030"]
        );
        assert_eq!(
            masked("Tanuki4821x というパスワードで入れません"),
            ["Tanuki4821x"]
        );
        assert_eq!(
            masked("creds are svc-copy / Hotaru_kpq5521"),
            ["Hotaru_kpq5521"]
        );
        // Framed as a value by Japanese brackets, a full-width colon or slash.
        assert_eq!(masked("正しくは『Kirin8832Zx』です"), ["Kirin8832Zx"]);
        assert_eq!(masked("ログイン：opsuser ／ Sakana2044"), ["Sakana2044"]);
        assert_eq!(masked("初期値（Daruma7715）のままです"), ["Daruma7715"]);
        // Alone on its line, as a command prints it.
        assert_eq!(masked("Kitsune4472\n"), ["Kitsune4472"]);
        // Passphrases of lowercase words, where a credential word says what they are.
        assert_eq!(
            masked("We use amber-falcon-quiver-meadow-27 as the passphrase"),
            ["amber-falcon-quiver-meadow-27"]
        );
        assert_eq!(
            masked("パスフレーズは「amber-falcon-quiver-meadow」です"),
            ["amber-falcon-quiver-meadow"]
        );
        assert_eq!(
            masked("\"value\": \"cobalt-willow-pepper-harbor-64\""),
            ["cobalt-willow-pepper-harbor-64"]
        );
    }

    #[test]
    fn machine_made_words_are_masked_anywhere() {
        // Pre-shared keys and generated passwords of letters and digits in random order.
        for key in [
            "Q7fWz2LmP9xRk4Tb8NvY3cHs",
            "ZpmT4qWbKr8VnXc2",
            "hR7TkQ2mZx9LpW4nB",
        ] {
            assert_eq!(masked(&format!("set to {key} on both ends")), [key]);
        }
        // In a URL path, with the uppercase IDs before it (an incoming webhook).
        assert_eq!(
            masked("POST https://hooks.example.com/services/T01ABCDEF9/B02GHIJKL8/Xk3Pq9ZrT2mWb7LcN4vY8sQd"),
            ["T01ABCDEF9/B02GHIJKL8/Xk3Pq9ZrT2mWb7LcN4vY8sQd"]
        );
        // A prefixed token whose tail is a key.
        let token = "xoxb-12345678901-23456789012-Ab3dE5gH7jK9mN1pQ3sT5vW7";
        assert_eq!(masked(&format!("bot token {token}")), [token]);
        // Identifiers of words stay.
        for text in [
            "image Win2022Datacenter, function HttpTrigger1",
            "setting AzureWebJobsStorage",
            "rule dcr-0a0e3668184d07a98043b65e9a96bdbb",
            "deployed app-service-plan-prod to japan-east",
        ] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
    }

    #[test]
    fn wrapped_keys_are_masked_to_their_last_line() {
        let full = "MIIEpAIBAAKCAQEAx3Lq9Zr7TkWmP2vN8bYc4HsQd6JfRg1tXo5aUi0eVnKlMwCy";
        let text = format!("{full}\n{full}\nZr7TkWmP2vN8bYc4Hs==\n");
        assert_eq!(masked(&text), [full, full, "Zr7TkWmP2vN8bYc4Hs=="]);
        // With JSON-escaped line breaks, the breaks between the lines go too.
        let json = format!(
            "\"key\": \"-----BEGIN PRIVATE KEY-----\\n{full}\\n{full}\\nAbCd12==\\n-----END PRIVATE KEY-----\\n\""
        );
        assert_eq!(masked(&json), [format!("{full}\\n{full}\\nAbCd12==")]);
    }

    #[test]
    fn values_in_encoded_and_glued_forms_are_masked() {
        // XML entities and JSON-escaped quotes inside a value are no delimiters.
        assert_eq!(
            masked("connectionString=\"Server=db1;Password=Ume&amp;shu4471;\""),
            ["Ume&amp;shu4471"]
        );
        assert_eq!(
            masked(r#"{\"Password\":\"Ka\"rasu8812\"}"#),
            [r#"Ka\"rasu8812"#]
        );
        // Percent-encoded values, once or twice.
        assert_eq!(
            masked("next=https%3A%2F%2Fst1.blob.core.windows.net%2Fc%3Fsv%3D2022-11-02%26sig%3DXk3Pq9ZrT2mWb7LcN4vY8sQd%252Bw%253D&x=1"),
            ["Xk3Pq9ZrT2mWb7LcN4vY8sQd%252Bw%253D"]
        );
        assert_eq!(
            masked("conn=AccountEndpoint%3Dhttps%3A%2F%2Fdb1.documents.azure.com%3A443%2F%3BAccountKey%3Dq9iNt3DYIJ0JNfTFWWk%2BxD6gYNMg7Ri31Rsve%3D%3D%3B"),
            ["q9iNt3DYIJ0JNfTFWWk%2BxD6gYNMg7Ri31Rsve%3D%3D"]
        );
        // A password glued to its option, or in a URL's user information.
        assert_eq!(masked("mysql -u app -pHibari9932Qx"), ["Hibari9932Qx"]);
        assert_eq!(
            masked("git clone https://build:s3cr3tPassw0rd@git.example.com/repo"),
            ["s3cr3tPassw0rd"]
        );
        // Card numbers where the line speaks of a card; request numbers stay.
        assert_eq!(
            masked("カード番号 4111111111111111 で登録"),
            ["4111111111111111"]
        );
        assert_eq!(
            masked("card: 4012888888881881 (expired)"),
            ["4012888888881881"]
        );
        assert!(masked("お問い合わせ番号 4111111111111111 の件").is_empty());
    }

    #[test]
    fn credential_lines_still_show_what_support_reads() {
        for text in [
            "password for sqladmin on sql-erp-prod expires 2026/12/31",
            "パスワードの有効期限: 2026-12-31T00:00:00Z、対象 vm-web-01",
            "Key Vault kv-app-prd の secret db-password を参照 (https://kv-app-prd.vault.azure.net)",
            "password reset for taro.yamada@contoso.co.jp, request 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f",
            "Password=********; PasswordMinLength=14",
            "パスワード（xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx の形式）",
        ] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
    }

    #[test]
    fn values_after_a_name_written_in_japanese_are_masked() {
        assert_eq!(
            masked("--settings 決済APIキー=4f5e6d7c8b9a0f1e2d3c4b5a69788796 LOG_LEVEL=info"),
            ["4f5e6d7c8b9a0f1e2d3c4b5a69788796"]
        );
        assert_eq!(masked("接続パスワード=Kumo_rt8841x"), ["Kumo_rt8841x"]);
        assert_eq!(
            masked("外部連携トークン:Vq8rT2mWb7LcN4vY8sQd"),
            ["Vq8rT2mWb7LcN4vY8sQd"]
        );
        // A Japanese name with a readable value stays readable.
        for text in [
            "リージョン=japaneast",
            "作成日時=2026-12-07T04:15:00Z",
            "件数:1234",
        ] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
    }

    #[test]
    fn chosen_passwords_near_an_account_are_masked() {
        assert_eq!(
            masked("I reset the local admin on vm-db01, it's Lantern_qzr4410 now."),
            ["Lantern_qzr4410"]
        );
        assert_eq!(
            masked("We changed it to UZ9959Kumo_q on Friday after the lockout."),
            ["UZ9959Kumo_q"]
        );
        assert_eq!(
            masked("・Jenkins 管理者 admin / WTokyo2025"),
            ["WTokyo2025"]
        );
        assert_eq!(
            masked("初期ログインは opsuser、Harbor-xmh8326 でお願いします"),
            ["Harbor-xmh8326"]
        );
        // A passphrase of words, quoted alone on such a line, in either language.
        assert_eq!(
            masked("is \"Cobalt.Meadow.Lantern\" strong enough for the admin account?"),
            ["Cobalt.Meadow.Lantern"]
        );
        assert_eq!(
            masked("管理者のログイン用に「harbor-kettle-sparrow」を設定しました"),
            ["harbor-kettle-sparrow"]
        );
        // What support reads on such lines stays.
        for text in [
            "admin login failed for opsuser on vm-web-01 at 2026-12-07T04:15:00Z",
            "サインインログ: 相関 ID 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f、エラー AADSTS50126",
            "reset the admin account on Standard_D4s_v5 in rg-prod-01",
            "ログイン画面 /home/azureuser/app/login.html を更新",
            // Not quoted alone, or a name of words in another shape.
            "the admin signs in through Cobalt.Meadow.Lantern today",
            "admin login to \"Microsoft.Compute.VirtualMachines\" failed",
            "set the admin password to \"your-password-here\" first",
        ] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
    }

    #[test]
    fn pins_told_as_such_are_masked() {
        assert_eq!(masked("プロジェクタの暗証番号は788249です。"), ["788249"]);
        assert_eq!(masked("金庫の暗証コード：4417"), ["4417"]);
        assert_eq!(masked("The door PIN: 0719 until Friday"), ["0719"]);
        assert_eq!(masked("password: 20261207"), ["20261207"]);
        // Counts, years and numbers elsewhere stay.
        for text in [
            "暗証番号は 4 桁、パスワードは12文字以上です",
            "パスワードは2026年1月に変更",
            "PIN: 6 digits",
            "お問い合わせ番号は 2612070040012345 です",
        ] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
    }

    #[test]
    fn values_told_as_passwords_or_keys_are_masked_whatever_their_letters() {
        for (text, value) in [
            ("the password is hunter2024 now", "hunter2024"),
            ("pw: sakura2024", "sakura2024"),
            ("パスワードは sakura2024 です", "sakura2024"),
            ("PW：kumo7788 でログイン", "kumo7788"),
            ("ログイン情報：ID opsuser ／ PW haru2024", "haru2024"),
            (
                "Wi-Fi のパスワードは minato-guest-2024 です",
                "minato-guest-2024",
            ),
            ("export DB_PASS=kumo2024", "kumo2024"),
            ("SSID: MINATO-GUEST / key: harbor2024kumo", "harbor2024kumo"),
            (
                "APIキーは sk-test-abc123def456 です",
                "sk-test-abc123def456",
            ),
            ("PIN is 4821", "4821"),
        ] {
            assert_eq!(masked(text), [value], "{text}");
        }
        // Told words with what support reads after them.
        for text in [
            "password is required for sqladmin",
            "パスワードは 90 日ごとに変更してください",
            "password: 2026-12-31 expiry, key: kv-app-prd",
            "key: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f",
            "secret: db-password-v2 (Key Vault)",
            "token: 3600 seconds",
            "パスワード：xxxxxxxx",
        ] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
    }

    #[test]
    fn a_password_of_words_under_its_label_is_masked() {
        assert_eq!(
            masked("Password: correcthorsebattery TODO"),
            ["correcthorsebattery"]
        );
        assert_eq!(masked("- パスワード：hanamizuki （仮）"), ["hanamizuki"]);
        // A Japanese compound word before an ASCII colon, and the particle は, label too.
        assert_eq!(
            masked("初期パスワード: Takenokoriver TODO"),
            ["Takenokoriver"]
        );
        assert_eq!(
            masked("管理者パスワードは Moriyamasakura です。"),
            ["Moriyamasakura"]
        );
        assert_eq!(
            masked("| 設定 | 接続パスワード= lanternriver |"),
            ["lanternriver"]
        );
        assert_eq!(
            masked("| admin | pass= blue_lantern_river |"),
            ["blue_lantern_river"]
        );
        assert_eq!(
            masked("DB_PASSWORD=sunflowerfield # old"),
            ["sunflowerfield"]
        );
        // Not after a label, nor a short word, nor a placeholder.
        assert!(masked("The password incorrect error came back").is_empty());
        assert!(masked("Password: secret").is_empty());
        assert!(masked("password: xxxxxxxxxx").is_empty());
        assert!(masked("ユーザー名：azureuser").is_empty());
        assert!(masked("パスワードは Microsoft Authenticator で承認します").is_empty());
        assert!(masked("パスワードは KeyVaultSecrets に保管しています").is_empty());
    }

    #[test]
    fn a_value_with_a_note_after_it_stands_alone_on_its_line() {
        let printed = "$ vault kv get -field=password secret/sql\nWjgx9jn53oM--z79 TODO\n";
        assert_eq!(masked(printed), ["Wjgx9jn53oM--z79"]);
        let ja =
            "az keyvault secret show --query value -o tsv\nKp7_mWq2xRt9Lz4v ← これを使いました\n";
        assert_eq!(masked(ja), ["Kp7_mWq2xRt9Lz4v"]);
        let en = "Xq8-vN3pRw7Tz2Lm <- this one\n";
        assert_eq!(masked(en), ["Xq8-vN3pRw7Tz2Lm"]);
        assert_eq!(masked("Fuji45# TODO\n"), ["Fuji45#"]);
        assert_eq!(
            masked("$ terraform output -raw admin_pw\nKumo7!x\n"),
            ["Kumo7!x"]
        );
        assert_eq!(masked("Yuki99$ ← 初期値\n"), ["Yuki99$"]);
        assert!(masked("rg-web1\nv1.2.3\nC#10\n").is_empty());
        // A name with a note is no value.
        assert!(masked("vm-web-01 # the web server\n").is_empty());
        assert!(masked("vm-web-01 ← これ\n").is_empty());
    }

    #[test]
    fn cells_under_a_credential_column_are_masked() {
        let quoted = |doc: &str, line: usize| -> Vec<String> {
            let start: usize = doc.split_inclusive('\n').take(line).map(str::len).sum();
            let end = start + doc[start..].find('\n').unwrap_or(doc.len() - start);
            possible_secrets_in(doc, start..end)
                .into_iter()
                .map(|r| doc[r].to_string())
                .collect()
        };
        let md = "| Environment | Admin user | Password |\n|---|---|---|\n| dev | sqladmin | OAdmin2022 |\n| test | sqladmin | FrmJDpff_LeHQOF4 |\n";
        assert_eq!(quoted(md, 2), ["OAdmin2022"]);
        assert_eq!(quoted(md, 3), ["FrmJDpff_LeHQOF4"]);
        let csv = "名前,ユーザー,パスワード,備考\njump01,azureuser,CW9518Kestrel_q,踏み台\n";
        assert_eq!(quoted(csv, 1), ["CW9518Kestrel_q"]);
        let tsv = "用途\tID\tPW\nSFTP\tsftpuser\tTSpring2023\n";
        assert_eq!(quoted(tsv, 1), ["TSpring2023"]);
        // A table of no credential, and a table the credential one does not reach.
        let plain = "| VM | Size | Image |\n|---|---|---|\n| vm-web01 | Standard_D4s_v5 | Win2022Datacenter |\n";
        assert!(quoted(plain, 2).is_empty());
        let apart = "| user | password |\n|---|---|\n\n| vm-web01 | Win2022Datacenter |\n";
        assert!(quoted(apart, 3).is_empty());
        // Far below multibyte text, or from the middle of a line: no table, no panic.
        let far = format!("{}\n| a | b |\n", "パスワード".repeat(1000));
        let at = far.find("| a").unwrap();
        assert!(possible_secrets_in(&far, at..far.len() - 1).is_empty());
        assert!(possible_secrets_in(&far, at + 1..far.len() - 1).is_empty());
        // In the table, IDs in other cells stay readable.
        let ids = "| subscription | pw |\n|---|---|\n| 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f | Sakura2024! |\n";
        assert_eq!(quoted(ids, 2), ["Sakura2024!"]);
    }

    #[test]
    fn values_in_more_encoded_and_glued_forms_are_masked() {
        // Escaped quotes and XML entities after symbols inside a value.
        assert_eq!(
            masked(r#"{\"password\":\"ER4001Yuki#\"q\"}"#),
            [r#"ER4001Yuki#\"q"#]
        );
        assert_eq!(
            masked(r#"Password=PzBaYz!hSs_\"DQEs2;Encrypt=True"#),
            [r#"PzBaYz!hSs_\"DQEs2"#]
        );
        assert_eq!(
            masked("connectionString=\"User ID=erp;Password=zt&amp;&amp;Yuki5741;\""),
            ["zt&amp;&amp;Yuki5741"]
        );
        // A percent-encoded URL's password, not the host after it.
        assert_eq!(
            masked("redis_url=rediss%3A%2F%2F%3AC6uE1CG56llcYPy1wQvreWIWxNb71JtjNAzCaJknxg0%3D%40redis1.redis.cache.windows.net%3A6380%2F0"),
            ["C6uE1CG56llcYPy1wQvreWIWxNb71JtjNAzCaJknxg0%3D"]
        );
        assert_eq!(
            masked(
                "dsn=postgresql%3A%2F%2Fapp%3AHarbor%2127x%40db1.postgres.database.azure.com%2Fdb"
            ),
            ["Harbor%2127x"]
        );
        // A session ID under a session's name, whatever its letters.
        assert_eq!(
            masked("Cookie: ASP.NET_SessionId=ncevcwwalcpyhkmqyekhszfe; lang=ja"),
            ["ncevcwwalcpyhkmqyekhszfe"]
        );
        for text in [
            "auth_mode=AzureADMyOrg&session_timeout=3600",
            "sessionState=InProc&authCookieName=internationalization",
        ] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
        // A value printed just before the next prompt, not the prompt itself.
        assert_eq!(
            masked("Lantern6811_ops@ws:~/infra/envs/prod$ terraform output"),
            ["Lantern6811_ops"]
        );
        for text in [
            "ops@ws:~/infra/envs/prod$ terraform output",
            "azureuser@vm-web-01:~$",
        ] {
            assert!(masked(text).is_empty(), "{text}: {:?}", masked(text));
        }
    }

    #[test]
    fn a_numbered_passphrase_is_masked_without_a_credential_word() {
        // A chat's reply to "what was the password again?".
        for (text, secret) in [
            ("Kumo.Sora.55 です。先週変えたやつ", "Kumo.Sora.55"),
            (
                "it's Blue-Heron-Falls-1999, same as before",
                "Blue-Heron-Falls-1999",
            ),
        ] {
            assert_eq!(masked(text), vec![secret], "{text}");
        }
        for text in [
            "System.Text.Json 8.0.5 を使っています",
            "vm-web-01.japaneast.cloudapp.azure.com",
            "Standard_D4s_v5 に変更",
            "Microsoft.Web/sites/app-1",
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
