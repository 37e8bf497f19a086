//! Layer 5: secrets told in sentences, Japanese and English: a value later in the
//! keyword's sentence (in brackets, after →/：, before a verb that sets, types or shows
//! it), the value before its word (「X」という, X をパスワードとして, "X for the admin
//! password"), replies in chats and mails, and an account with its password (`user / X`).
//! Key–value shapes, prose included where a separator follows the key, are
//! [`super::keyvalue`]'s; this module reads what only a sentence tells.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::bytes::{at, ceil, char_at, char_before, line_end, line_start};
use super::keyvalue::{
    accept, chat_answer, contains_sig, csv_column, is_key_byte, label_word, next_line_value,
    pair_second, password_after_user, read_value, reply_value, slash_label, split_glued_pair,
    table_column, table_header, Sep, Value,
};
use super::value::{
    is_placeholder, looks_like_passphrase, looks_like_password, looks_random, Class,
};
use super::{Finding, Kind};

/// Japanese keywords: パスワード, 暗証番号, 事前共有キー, アクセスキー, シークレット, トークン.
pub(crate) fn at_japanese(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    // `パス：`, `パス |`: anchored with what follows, so that パスワード is not met twice.
    let hit = if text[hit.clone()].starts_with("パス")
        && !text[hit.clone()].starts_with("パスワ")
        && !text[hit.clone()].starts_with("パスフ")
    {
        hit.start..hit.start + "パス".len()
    } else {
        hit
    };
    if super::console::japanese_table_header(text, hit.clone(), out) {
        return;
    }
    let Some((class, kind)) = japanese_class(text, &hit) else {
        return;
    };
    let found = out.len();
    if let Some(v) = value_before_arrow(text, hit.start) {
        out.push(Finding { range: v, kind });
        return;
    }
    japanese_told(text, hit.clone(), class, kind, out);
    // `Key Vault のシークレット `vm-admin-2027``: the vault secret's name, not its value
    // (which may still be told later in the sentence).
    if text[hit.clone()] == *"シークレット"
        && out.len() > found
        && super::keyvalue::names_a_vault_secret(text, hit.start, hit.end)
    {
        let name = hit.end
            + (text.len()
                - hit.end
                - text[hit.end..]
                    .trim_start_matches([' ', '`', '"', '\'', '「'])
                    .len());
        out.truncate(
            found
                + out[found..]
                    .iter()
                    .take_while(|f| f.range.start != name)
                    .count(),
        );
    }
    if out.len() == found {
        if let Some(v) = sentence_value(text, hit.clone(), class) {
            out.push(Finding {
                range: v.range,
                kind,
            });
        }
    }
    // パスワード（自動生成）⏎ X, パスは⏎ [9:14] 大野⏎ X, 誤：X⏎ 正：Y: the value alone on
    // the lines below the word's line.
    if out.len() == found {
        values_below(text, hit.end, class, kind, out);
    }
    // 「X」に変更しました（変更前は Y）: the old value told after the new one.
    if out.len() > found && matches!(class, Class::Password | Class::Key(Kind::PreSharedKey)) {
        let end = out[out.len() - 1].range.end;
        if let Some(old) = other_one(text, end) {
            out.push(Finding { range: old, kind });
        }
        // X ⇒ Y: the new value after the arrow from the one found.
        if let Some(new) = changed_to(text, end, class) {
            out.push(Finding { range: new, kind });
        }
        // (旧) X → (新) Y: the old value before the arrow leading to the one found.
        let start = out[found].range.start;
        if let Some(old) = old_before_arrow(text, hit.end, start) {
            out.push(Finding { range: old, kind });
        }
    }
}

/// `(旧) X → (新) Y`, `X ⇒ Y`, `X -> new: Y`: the value before an arrow that leads (past
/// at most a short marker such as (新) or new:) to the value found at `found`, within the
/// keyword's sentence after `from`.
pub(super) fn old_before_arrow(text: &str, from: usize, found: usize) -> Option<Range<usize>> {
    if found <= from || found - from > 200 {
        return None;
    }
    let between = &text[from..found];
    let (a, alen) = ["→", "⇒", "->", "=>"]
        .iter()
        .filter_map(|w| between.rfind(w).map(|i| (i, w.len())))
        .max()?;
    let marker = between[a + alen..].trim_matches([' ', '　', '「', '『', '"', '`', '\'']);
    if marker.chars().count() > 6 || marker.contains(['。', '、', '.', ',']) {
        return None;
    }
    let head = between[..a].trim_end_matches([' ', '　', '」', '』', '"', '`', '\'']);
    let start = head
        .rfind(|c: char| c.is_whitespace() || !c.is_ascii() || matches!(c, '"' | '`' | '\''))
        .map_or(0, |p| {
            p + head[p..].chars().next().map_or(1, char::len_utf8)
        });
    let v = &head[start..];
    (!v.is_empty() && looks_like_password(v) && !is_placeholder(v))
        .then(|| from + start..from + head.len())
}

/// `| admin | P@ss… | ← パスワード |`, `P@ss…   ←管理者パスワード`: a remark after the value
/// pointing back at it (a few words may qualify the keyword).
fn value_before_arrow(text: &str, word_start: usize) -> Option<Range<usize>> {
    let ls = line_start(text, word_start);
    let head = &text[ls..word_start];
    let arrow = head.rfind(['←', '⇐'])?;
    if head[arrow + '←'.len_utf8()..].trim().chars().count() > 8
        || head[arrow..].bytes().any(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    let before = head[..arrow].trim_end().trim_end_matches('|').trim_end();
    let start = before
        .rfind(|c: char| c.is_whitespace() || c == '|' || !c.is_ascii())
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let v = &before[start..];
    (looks_like_password(v) && !is_placeholder(v)).then(|| ls + start..ls + before.len())
}

/// `パス：P@ss…`, `・パス = P@ss…`: パス standing alone as a label before a value that is no
/// path.
fn short_password_label(text: &str, hit: &Range<usize>) -> bool {
    // A table header cell of its own: `| ID | パス |`.
    let ls = line_start(text, hit.start);
    if text[ls..hit.start].trim_end().ends_with('|')
        && text[hit.end..].trim_start_matches(' ').starts_with('|')
        && table_header(text, hit.start).is_some()
    {
        return true;
    }
    let before = char_before(text, hit.start);
    // 仮パス：, 初期パス：, 新パス：: a password's label with its qualifier.
    let qualified = ["仮", "初期", "新", "旧", "一時"]
        .iter()
        .any(|q| text[..hit.start].ends_with(q));
    let label_start = !before.is_alphanumeric() || before.is_ascii_digit() || qualified;
    let mut p = hit.end;
    let c = char_at(text, p);
    // （ユーザー名 azureadmin、パス X）: a space after パス when a user is named before it
    // on its line, the two told as a pair.
    let paired = matches!(c, ' ' | '　') && {
        let head = &text[ls..hit.start];
        ["ユーザー", "ユーザ", "ID", "アカウント"]
            .iter()
            .any(|w| head.contains(w))
            && head
                .trim_end()
                .ends_with(['、', '，', ',', '/', '／', '（', '('])
    };
    // 初期パスは X です, 。パスは⏎ X: a particle after パス as a label of its own.
    if !label_start || !(paired || matches!(c, ':' | '：' | '=' | '＝' | 'は')) {
        return false;
    }
    p += c.len_utf8();
    while matches!(char_at(text, p), ' ' | '\t' | '　') {
        p += char_at(text, p).len_utf8();
    }
    let rest = &text[p..];
    let word = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
    !word.contains(['/', '\\']) && !word.starts_with(['~', '.', '$', '%'])
}

/// The class and kind of secret a Japanese keyword names, or none (クッキー, 公開鍵).
fn japanese_class(text: &str, hit: &Range<usize>) -> Option<(Class, Kind)> {
    let word = &text[hit.clone()];
    Some(match word {
        // 一時アクセス パス: Entra ID's Temporary Access Pass, a password for a day.
        "パスワード"
        | "ぱすわーど"
        | "パスフレーズ"
        | "暗証番号"
        | "一時アクセス パス"
        | "一時アクセスパス" => (Class::Password, Kind::Password),
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
        // `パス：P@ss…` (short for パスワード) as a label; not パスワード / パスフレーズ (their own
        // anchors), not a path (ファイルパス, `パス: /var/…`).
        "パス" if !short_password_label(text, hit) => return None,
        "パス" => (Class::Password, Kind::Password),
        // クッキー is a cookie, whose name says whether it is a secret.
        "キー" if text[..hit.start].ends_with("クッ") => return None,
        "キー" => (Class::Key(Kind::AccessKey), Kind::AccessKey),
        // 鍵 (HMAC の鍵, 暗号化の鍵); a public key (公開鍵) is no secret.
        "鍵" if text[..hit.start].ends_with("公開") => return None,
        "鍵" => (Class::Key(Kind::Secret), Kind::Secret),
        // `| プライマリ | <key> |`: the portal's label of a key, alone; a value under it is
        // a key only when shaped as one (certificates' thumbprints share the label).
        "プライマリ" | "セカンダリ" if text[hit.end..].starts_with([' ', '|', ':', '：']) => {
            (Class::Key(Kind::AccessKey), Kind::AccessKey)
        }
        "プライマリ" | "セカンダリ" => return None,
        _ => (Class::Token, Kind::Token),
    })
}

/// The value told right after (or just before) a Japanese keyword, by its particle,
/// colon, bracket or table cell.
fn japanese_told(text: &str, hit: Range<usize>, class: Class, kind: Kind, out: &mut Vec<Finding>) {
    let word = &text[hit.clone()];
    if table_header(text, hit.start).is_some() {
        table_column(text, &hit, class, kind, false, out);
        return;
    }
    if csv_column(text, &hit, class, kind, out) {
        return;
    }
    // 下記パスワードにてログインをお試しください。⏎ P@ss…: the word announced as below.
    let lead = text[line_start(text, hit.start)..hit.start].trim_end();
    let particle = matches!(
        char_at(text, hit.end),
        'に' | 'を' | 'で' | 'は' | 'が' | '：' | ':' | '、' | '\n' | '\0'
    );
    if particle
        && ["下記", "以下", "下記の", "以下の"]
            .iter()
            .any(|w| lead.ends_with(w))
    {
        if let Some(v) = next_line_value(text, line_end(text, hit.end)) {
            if accept(class, &text[v.range.clone()], Sep::Weak, false) {
                out.push(Finding {
                    range: v.range,
                    kind,
                });
                return;
            }
        }
    }
    // 接続キーを貼ります。X, 以下がパスワードです。⏎ X: the word announced, its value after.
    if let Some(v) = announced_value(text, hit.end, lead) {
        if accept(class, &text[v.range.clone()], Sep::Weak, false) {
            out.push(Finding {
                range: v.range,
                kind,
            });
            return;
        }
    }
    // The value before the word: 「P@ss…」というパスワード, P@ss… という管理者パスワード;
    // 『P@ss…』と入力しましたが…パスワードが…: a quoted value typed on the word's line.
    if let Some(v) = value_before_toiu(text, hit.start).or_else(|| typed_before(text, hit.start)) {
        let s = &text[v.range.clone()];
        if s.is_ascii()
            && (accept(class, s, Sep::Strong, true) && v.quoted
                || looks_like_password(s)
                || looks_random(s, 24))
        {
            out.push(Finding {
                range: v.range,
                kind,
            });
        }
    }
    let mut p = skip_bold(text, hit.end);
    // キー部分, パスワード文字列: the word with a noun after it.
    for noun in ["部分", "文字列"] {
        if text[p..].starts_with(noun) {
            p += noun.len();
        }
    }
    // A qualifier in brackets: パスワード（初期値）, 共有キー (PSK), パスワード(admin); or the
    // value itself in brackets: （パスワード（P@ss…））.
    let mut b = p;
    while at(text, b) == b' ' {
        b += 1;
    }
    let c = char_at(text, b);
    if c == '（' || c == '(' {
        p = b;
        let close = if c == '(' { ')' } else { '）' };
        let limit = ceil(text, (p + 200).min(text.len()));
        match text[p..limit].find(close) {
            Some(i) => {
                let mut inner = p + c.len_utf8()..p + i;
                // パスワード（P@ss…（※大文字小文字を区別））, （P@ss… ※記号あり）: the value's
                // own note in brackets or after ※ ends it.
                if let Some(n) = text[inner.clone()].find(['（', '(', '※']) {
                    let v = text[inner.start..inner.start + n].trim_end_matches([' ', '　']);
                    inner = inner.start..inner.start + v.len();
                }
                let s = &text[inner.clone()];
                let shaped = looks_like_password(s) || looks_random(s, 24);
                // 秘密鍵（id_ed25519）: a file or resource name, not the value.
                if s.is_ascii() && !s.contains(' ') && shaped && !file_name(s) && !is_placeholder(s)
                {
                    out.push(Finding { range: inner, kind });
                    return;
                }
                p += i + close.len_utf8();
            }
            None => return,
        }
    }
    // キー1, キー２: a numbered key.
    while matches!(char_at(text, p), '1' | '2' | '１' | '２') {
        p += char_at(text, p).len_utf8();
    }
    // `<word> NAME の値は X`: the value of a named secret.
    if let Some(after) = named_value(text, p) {
        p = after;
    }
    if text[p..].starts_with("の値") {
        p += "の値".len();
    }
    p = skip_bold(text, p);
    let mut spaces = 0;
    while matches!(char_at(text, p), ' ' | '\t' | '　') {
        p += char_at(text, p).len_utf8();
        spaces += 1;
    }
    // A chat: パスワード何だっけ ⏎ [10:03] 鈴木: P@ss…: the answer on the next message.
    if chat_answer(text, p, kind, out) {
        return;
    }
    // 「…の暗号化パスフレーズ」は X: the word ends a quoted name.
    if matches!(char_at(text, p), '」' | '』')
        && matches!(
            char_at(text, p + '」'.len_utf8()),
            'は' | 'が' | 'を' | '：' | ':'
        )
    {
        p += '」'.len_utf8();
    }
    let c = char_at(text, p);
    let rest = &text[p..];
    let connective = ["」欄には", "」欄に", "欄には", "欄に", "には", "として"]
        .iter()
        .find(|w| rest.starts_with(**w));
    let (sep, skip) = match c {
        _ if connective.is_some() => (Sep::Weak, connective.map_or(0, |w| w.len())),
        '：' | ':' | '＝' | '=' | '|' | '】' | '』' | ']' | '→' | '⇒' => {
            (Sep::Strong, c.len_utf8())
        }
        'は' | 'を' | 'が' | 'に' | 'の' => (Sep::Weak, c.len_utf8()),
        '「' | '『' | '【' | '"' | '\'' | '`' => (Sep::Weak, 0),
        _ if spaces > 0 && c.is_ascii() => (Sep::Weak, 0),
        _ => return,
    };
    let mut q = skip_bold(text, p + skip);
    loop {
        let ch = char_at(text, q);
        if matches!(ch, ' ' | '\t' | '　' | '、' | ',') {
            q += ch.len_utf8();
        } else {
            break;
        }
    }
    // A value on the line below: パスワードは以下のとおりです。⏎ P@ss…
    let Some(mut v) = read_value(text, q, false).or_else(|| {
        let below = next_line_value(text, q)?;
        accept(class, &text[below.range.clone()], Sep::Weak, false).then_some(below)
    }) else {
        return;
    };
    if slash_label(text, hit.start) {
        match pair_second(text, v.range.end) {
            Some(second) => v = second,
            // `contoso-ops / （前回と同じ）`: the password's slot holds a remark.
            None if text[v.range.end..]
                .trim_start_matches(' ')
                .starts_with(['/', '／']) =>
            {
                return
            }
            None => v = split_glued_pair(text, v),
        }
    } else if let Some(second) = password_after_user(text, &v, class) {
        v = second;
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
    // A bare キー (ストレージキー：…) takes a weakly marked value only when it is shaped as
    // a key: キーは <base64> です, キー <hex> を入力.
    // A Wi-Fi network's キー is its password: SSID「Guest」、キーは『sakura-momiji-88』です.
    let wifi = word == "キー"
        && v.quoted
        && s.len() >= 8
        && s.bytes().any(|c| c.is_ascii_digit())
        && s.bytes().any(|c| c.is_ascii_alphabetic())
        && !is_placeholder(s)
        && wifi_sentence(text, hit.start);
    if matches!(word, "プライマリ" | "セカンダリ") && !super::keyvalue::key_shaped(s) {
        return;
    }
    if matches!(word, "キー" | "鍵")
        && sep != Sep::Strong
        && !wifi
        && (!looks_random(s, 24) || is_placeholder(s))
    {
        return;
    }
    // キーは kv-apim-dev-01 で設定済み: a resource named, told weakly.
    if sep != Sep::Strong && !v.quoted && class != Class::Password && name_like(s) {
        return;
    }
    if is_example(text, v.range.end) {
        return;
    }
    let passphrase = word == "パスフレーズ" && looks_like_passphrase(s);
    if pin
        || passphrase
        || wifi
        || accept(class, s, sep, v.quoted)
        || label_word(text, &v, class, sep)
    {
        let end = v.range.end;
        out.push(Finding {
            range: v.range,
            kind,
        });
        // パスワードを X から Y に変更: the new value too.
        if let Some(next) = changed_to(text, end, class) {
            out.push(Finding { range: next, kind });
        }
    }
}

/// A chat line naming only the speaker and the time: `[9:14] 大野 拓也`, `[13:31] 情シス）荒木`,
/// `Ravi Kumar  3:17 PM`, `中村 14:03`.
fn speaker_line(t: &str) -> bool {
    if t.starts_with('[') {
        if let Some(c) = t.find(']') {
            let who = t[c + 1..].trim();
            return c <= 12 && who.chars().count() <= 16 && !who.contains(['。', '：', ':', '、']);
        }
    }
    let u = t.trim_end_matches(" AM").trim_end_matches(" PM");
    let b = u.as_bytes();
    let n = b.len();
    n >= 5
        && t.chars().count() <= 28
        && b[n - 3] == b':'
        && b[n - 2..].iter().all(u8::is_ascii_digit)
        && b[n - 4].is_ascii_digit()
}

/// Short labels before a value on a line of its own: 誤：X, 正：Y, 旧：X, 新：Y.
const LINE_LABELS: &[&str] = &[
    "誤",
    "正",
    "旧",
    "新",
    "変更前",
    "変更後",
    "誤り",
    "正しい",
    "old",
    "new",
    "wrong",
    "correct",
];

/// After the word's line gave no value: the value alone on the next line (past blank
/// lines and a chat speaker's line), or on labelled lines one after another (誤：X ⏎
/// 正：Y). The value must be shaped as the word's class wants, beyond doubt: a chosen
/// password, or a machine-made key.
pub(super) fn values_below(
    text: &str,
    word_end: usize,
    class: Class,
    kind: Kind,
    out: &mut Vec<Finding>,
) {
    // 下記パスワードポリシー ⏎ MinimumLength=14: words about the secret, not its value.
    if about_it(&text[word_end..line_end(text, word_end)]) {
        return;
    }
    // `MinimumLength=14`, `pg-prod:5432:*:pgadmin:*`, `{"type": …}`: a setting, a record
    // or a structure (read by its own keys), not one value.
    let shaped = |s: &str| {
        s.is_ascii()
            && !s
                .trim_end_matches('=')
                .contains(['=', ':', '{', '}', '[', ']', '"', ','])
            && !is_placeholder(s)
            && !contains_sig(s)
            && !name_like(s)
            && !address_like(s)
            && match class {
                Class::Password | Class::Key(Kind::PreSharedKey) => {
                    chosen_password(s) || looks_random(s, 16)
                }
                _ => looks_random(s, 24),
            }
    };
    // パスワードですが、⏎ X で全 VM 統一しています: the sentence goes on over the line
    // break, the value opening the next line before its particle.
    let continued = text[word_end..line_end(text, word_end)]
        .trim_end()
        .ends_with(['、', ',']);
    let mut next = line_end(text, word_end) + 1;
    let mut skipped = 0;
    let mut labelled = 0;
    while next < text.len() && skipped + labelled < 5 {
        let end = line_end(text, next);
        let line = &text[next..end];
        let start = next;
        next = end + 1;
        let t = line.trim_matches([' ', '\t', '　']);
        if labelled == 0 && (t.is_empty() || speaker_line(t)) {
            skipped += 1;
            continue;
        }
        // 誤：X, 正：Y: a short label and its colon.
        let (label, v) = match t.find(['：', ':']) {
            Some(c)
                if LINE_LABELS
                    .iter()
                    .any(|l| t[..c].trim().eq_ignore_ascii_case(l)) =>
            {
                let sep = char_at(t, c).len_utf8();
                (true, t[c + sep..].trim_start_matches([' ', '　']))
            }
            _ => (false, t),
        };
        let v = match v.find(|c: char| c == ' ' || c == '　' || !c.is_ascii()) {
            Some(e) if continued && labelled == 0 => {
                let rest = v[e..].trim_start_matches([' ', '　']);
                if !["で", "です", "に", "を", "と"]
                    .iter()
                    .any(|p| rest.starts_with(p))
                {
                    return;
                }
                &v[..e]
            }
            _ => v,
        };
        // The value alone, perhaps in backquotes or brackets.
        let v = v
            .trim_end_matches([' ', '　'])
            .trim_start_matches(['`', '「', '『'])
            .trim_end_matches(['`', '」', '』']);
        if v.is_empty() || v.contains([' ', '\t']) || !shaped(v) {
            return;
        }
        let off = start + (v.as_ptr() as usize - line.as_ptr() as usize);
        out.push(Finding {
            range: off..off + v.len(),
            kind,
        });
        if !label {
            return;
        }
        labelled += 1;
    }
}

/// Lines that open a mail's reply before its answer: the salutation (`Deepa さん`,
/// `山本様`, `Hi Deepa,`) and the greetings (`お世話になっております。`, `お疲れ様です。`).
fn greeting_line(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    t.chars().count() <= 40
        && (["さん", "様", "さま", "殿", "各位", ",", "、", "。"]
            .iter()
            .any(|e| t.ends_with(e) && !t.contains(['「', '『', '"', '`']))
            || ["hi", "hello", "dear", "thanks", "thank you"]
                .iter()
                .any(|w| lower.starts_with(w))
                && !t.contains(['"', '`', '「']))
}

/// A mail answering a question quoted above it (`> SFTP のパスワードを教えていただけますか。`,
/// `> Could you send me the SFTP password?`): past the rest of the quote, blank lines, the
/// salutation and greetings, the first line of the reply that gives a value in brackets,
/// after a copula or alone (`「P@ss…」です（先頭は大文字）`, `It's P@ss… (capital J)`). `p`
/// is the end of the secret's word on the quoted question's line.
pub(super) fn quoted_reply(text: &str, p: usize, kind: Kind, out: &mut Vec<Finding>) -> bool {
    let ls = line_start(text, p);
    if !text[ls..p].trim_start_matches([' ', '\t']).starts_with('>') {
        return false;
    }
    let shaped = |s: &str| {
        !is_placeholder(s)
            && match kind {
                Kind::Password => looks_like_password(s),
                Kind::PreSharedKey => looks_like_password(s) || looks_random(s, 16),
                _ => looks_random(s, 24),
            }
    };
    let mut next = line_end(text, p) + 1;
    for _ in 0..12 {
        if next >= text.len() {
            return false;
        }
        let end = line_end(text, next);
        let line = &text[next..end];
        let start = next;
        next = end + 1;
        let t = line.trim_matches([' ', '\t', '　']);
        if t.is_empty() || t.starts_with('>') {
            continue;
        }
        if let Some(v) = reply_value(t).filter(|v| shaped(&t[v.clone()])) {
            let off = start + (t.as_ptr() as usize - line.as_ptr() as usize);
            out.push(Finding {
                range: off + v.start..off + v.end,
                kind,
            });
            return true;
        }
        if !greeting_line(t) {
            return false;
        }
    }
    false
}

/// Whether the line before `at` speaks of a Wi-Fi network (Wi-Fi, SSID, 無線 LAN).
fn wifi_sentence(text: &str, at: usize) -> bool {
    let head = &text[line_start(text, at)..at];
    head.contains("無線")
        || [b"wi-fi".as_slice(), b"wifi", b"ssid"].iter().any(|w| {
            head.as_bytes()
                .windows(w.len())
                .any(|x| x.eq_ignore_ascii_case(w))
        })
}

/// `Guest Wi-Fi key: coffeebreak2026`, `wireless key: …`: the value of a key word at `ks`
/// that a Wi-Fi network's name qualifies (within the few words before it), shaped as a
/// password people type (letters and digits, eight or more).
pub(super) fn wifi_key(text: &str, ks: usize, s: &str) -> bool {
    let head = &text.as_bytes()[ks.saturating_sub(24)..ks];
    // One pass: only a `w` or an `s` may start the network's word.
    let named = || {
        (0..head.len()).any(|i| {
            matches!(head[i] | 0x20, b'w' | b's')
                && [b"wi-fi".as_slice(), b"wifi", b"wireless", b"ssid"]
                    .iter()
                    .any(|w| {
                        head.len() - i >= w.len() && head[i..i + w.len()].eq_ignore_ascii_case(w)
                    })
        })
    };
    s.len() >= 8
        && s.bytes().any(|c| c.is_ascii_digit())
        && s.bytes().any(|c| c.is_ascii_alphabetic())
        && named()
        && !is_placeholder(s)
        && !name_like(s)
}

/// Verbs and copulas after a value that say it was set, typed or shown: 同じ X で設定済み,
/// X を入れてます, X にリセット, 「X」と表示されました, X にしております.
const VALUE_TAILS: &[&str] = &[
    "で設定",
    "に設定",
    "を設定",
    "にして",
    "にしま",
    "にしてお",
    "に変更",
    "へ変更",
    "に変え",
    "に戻し",
    "へ戻し",
    "となって",
    "となりま",
    "をご利用",
    "をご使用",
    "をお使い",
    "でお試し",
    "にてログイン",
    "にて接続",
    "にリセット",
    "に更新",
    "に再設定",
    "を入れ",
    "を入力",
    "と入力",
    "で入れ",
    "で入って",
    "でログイン",
    "で接続",
    "を使",
    "を使用",
    "で登録",
    "を登録",
    "を指定",
    "と表示",
    "が表示",
    "と出",
    "で作成",
    "でした",
    "です",
    "でございます",
    "になります",
    "になりま",
    "になって",
    "だよ",
    "のまま",
    "から変えて",
];

/// The value told later in the keyword's sentence, past other words: パスワード変えました→
/// 「X」, 事前共有キーはオンプレ側と同じ X で設定済みです, …には X を入れてます, パスワードを再生成
/// したところ、ポータル上に「X」と表示されました. An ASCII word in brackets or after an arrow
/// or colon, or before a verb that sets, types or shows it ([`VALUE_TAILS`]); the sentence
/// ends at 。！？ or the line's end, and at a new topic (`サイズは …`).
pub(super) fn sentence_value(text: &str, hit: Range<usize>, class: Class) -> Option<Value> {
    let le = line_end(text, hit.end);
    let limit = ceil(text, le.min(hit.end + 240));
    let rest = &text[hit.end..limit];
    let b = rest.as_bytes();
    let graphic = |c: u8| c.is_ascii_graphic() && !matches!(c, b'"' | b'\'' | b'`');
    let mut i = 0;
    while i < b.len() {
        if !graphic(b[i]) {
            let c = char_at(rest, i);
            // The sentence ends; a new topic (`は` or `も` after other words, not には,
            // では, とは) starts.
            // A correction goes on: パスワードに誤りがありました。正しくは X です。
            let corrected = (c == '。')
                .then(|| {
                    ["正しくは", "正しい値は", "正しいパスワードは", "訂正します"]
                        .iter()
                        .find(|w| rest[i + c.len_utf8()..].starts_with(**w))
                })
                .flatten();
            if let Some(w) = corrected {
                i += c.len_utf8() + w.len();
                continue;
            }
            // パスワードにつきましては「X」: the keyword's own topic, not a new one.
            let own_topic = c == 'は' && {
                let head = rest[..i].trim_start();
                // sig の部分（デコードした後）は X: the word's own qualifier in brackets.
                let qualified = head.ends_with(['）', ')'])
                    && head.find(['（', '(']).is_some_and(|o| {
                        let inner = &head[o + char_at(head, o).len_utf8()..];
                        head[..o].chars().count() <= 3 && inner.chars().count() <= 24
                    });
                qualified || ["につきまして", "について", "に関して", "の件"].contains(&head)
            };
            if own_topic {
                i += c.len_utf8();
                continue;
            }
            // 以前のもの（X）, 同じものを: もの is a noun (a thing), not the particle も.
            // どちらも, いずれも, 両方とも: "both", an adverb of the same sentence.
            let noun = c == 'も'
                && (rest[i + c.len_utf8()..].starts_with('の')
                    || ["どちら", "いずれ", "両方と", "どれ"]
                        .iter()
                        .any(|w| rest[..i].ends_with(w)));
            if matches!(c, '。' | '！' | '？')
                || matches!(c, 'は' | 'も')
                    && i > 6
                    && !noun
                    && !matches!(char_before(rest, i), 'に' | 'で' | 'と' | '、')
            {
                return None;
            }
            i += c.len_utf8().max(1);
            continue;
        }
        let start = i;
        while i < b.len() && graphic(b[i]) {
            i += 1;
        }
        let (mut s0, mut e0) = (start, i);
        while s0 < e0 && b[s0] == b'*' {
            s0 += 1;
        }
        // `<P@ss…>`, `(P@ss…)`: ASCII brackets around the whole word.
        let ascii_bracketed = e0 > s0 + 2
            && matches!(
                (b[s0], b[e0 - 1]),
                (b'<', b'>') | (b'(', b')') | (b'[', b']')
            );
        if ascii_bracketed {
            s0 += 1;
            e0 -= 1;
        }
        while e0 > s0 && matches!(b[e0 - 1], b'*' | b'.' | b':' | b',') {
            e0 -= 1;
        }
        let v = &rest[s0..e0];
        let before = rest[..start].trim_end_matches([' ', '*']);
        let after = rest[i..].trim_start_matches([' ', '*']);
        // In brackets, the whole of them (not 「P@ssw0rd のような例」).
        let bracketed = ascii_bracketed
            || before.ends_with(['「', '『', '【', '〔', '［', '（', '(', '＜', '<', '"', '`']);
        let closer =
            after.starts_with(['」', '』', '】', '〕', '］', '）', ')', '＞', '>', '"', '`']);
        // A bare copula (`X です`) says less than a verb that sets X: a product or a
        // ticket (`Windows10 です`) reads the same, so the value must look made.
        let copula = ["です", "でした", "でございます", "になります", "だよ"]
            .iter()
            .any(|t| after.starts_with(t));
        let made = looks_random(v, 12) || v.bytes().any(|c| b"!@#$%^&*?+=~".contains(&c));
        let told = if bracketed {
            closer || ascii_bracketed
        } else {
            before.ends_with(['→', '⇒', '：', ':'])
                || closer
                || copula && made
                || !copula && VALUE_TAILS.iter().any(|t| after.starts_with(t))
        };
        // `PasswordMinLength=14`: a setting, not a value; パスワードポリシー, 鍵のフィンガープリント:
        // words naming something about the secret come first.
        // `-v NewPassword="…"`: a key with its quoted value after the `=`, no value itself.
        let setting = v.trim_end_matches('=').contains('=')
            || !bracketed && v.ends_with('=') && matches!(at(rest, e0), b'"' | b'\'');
        if !told
            || setting
            || is_placeholder(v)
            || contains_sig(v)
            || about_it(&rest[..start])
            || is_example(text, hit.end + e0)
        {
            continue;
        }
        // Shown on a screen (「X」と表示): a generated value, or an error code.
        let shown = ["と表示", "が表示", "と出"].iter().any(|t| {
            after
                .trim_start_matches(['」', '』', '】', '〕', '］', '）', ')', '＞', '>', '"', '`'])
                .starts_with(t)
        });
        if shown && !looks_random(v, 16) && !v.bytes().any(|c| b"!@#$%^&*?+=~".contains(&c)) {
            continue;
        }
        let email = v.find('@').is_some_and(|a| v[a..].contains('.'));
        // Lowercase words joined (`outputs-should-not-contain-secrets`) name a rule or a
        // resource, unless the secret is a passphrase.
        let words = v
            .bytes()
            .all(|c| c.is_ascii_lowercase() || b"-_.".contains(&c));
        if words && &text[hit.clone()] != "パスフレーズ" || name_like(v) || address_like(v) {
            continue;
        }
        let shaped = match class {
            Class::Password | Class::Key(Kind::PreSharedKey) => {
                looks_like_password(v) && (v.len() >= 8 || bracketed) && !email && !file_name(v)
            }
            Class::Secret => looks_random(v, 16) || looks_like_password(v) && v.len() >= 8,
            _ => looks_random(v, 24),
        };
        if shaped {
            let at = hit.end + s0;
            return Some(Value {
                range: at..at + v.len(),
                quoted: bracketed,
            });
        }
    }
    None
}

/// A value given as an example of a shape, not the secret: `P@ssw0rd のような`, `…などの`,
/// `X みたいな`, `X such as`.
fn is_example(text: &str, end: usize) -> bool {
    let mut q = end;
    if matches!(char_at(text, q), '」' | '』' | '"' | '\'' | '`') {
        q += char_at(text, q).len_utf8();
    }
    while at(text, q) == b' ' {
        q += 1;
    }
    let rest = &text[q..];
    [
        "のような",
        "のように",
        "などの",
        "みたいな",
        "などを",
        "など、",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// A short lowercase name with separators (`id_ed25519`, `kv-app-01`): a file or
/// resource named beside a secret, not its value.
fn file_name(s: &str) -> bool {
    s.len() < 24
        && s.contains(['_', '.', '-'])
        && s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"_.-".contains(&c))
}

/// Lowercase words and numbers joined (`kv-apim-dev-01`, `apim_key_prd_2`), or an
/// environment variable's name (`JWT_SIGNING_KEY_V2`): a resource or a setting named, not
/// a value, unless it is a passphrase.
pub(super) fn name_like(s: &str) -> bool {
    let lower = s
        .bytes()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"_.-".contains(&c));
    let env = s
        .bytes()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_')
        && s.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    // A long part with digits is random (`xoxp-60649144995-…`), not a word.
    let wordy = s
        .split(['_', '.', '-'])
        .all(|w| w.len() < 10 || !w.bytes().any(|c| c.is_ascii_digit()));
    s.contains(['_', '.', '-']) && (lower || env) && wordy && !looks_like_passphrase(s)
}

/// A URI or a host name (`api://contoso-backend`, `apim-prd.azure-api.net`).
fn address_like(s: &str) -> bool {
    s.contains("://")
        || s.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty() && tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_lowercase())
        })
}

/// Words after a Japanese keyword that name something about the secret, not its value:
/// パスワードポリシー, 鍵のフィンガープリント, シークレット名, トークンの有効期限.
fn about_it(between: &str) -> bool {
    const ABOUT: &[&str] = &[
        "ポリシー",
        "要件",
        "ルール",
        "有効期限",
        "期限",
        "フィンガープリント",
        "拇印",
        "ハッシュ",
        "バージョン",
        "名",
        "ID",
        "長さ",
        "文字数",
        "複雑",
        "履歴",
        "識別子",
    ];
    ABOUT.iter().any(|w| between.contains(w))
}

/// The second value of a change told in prose, after the first (at `after`): `X から Y
/// に変更`, `from X to Y`; shaped as the first's class wants.
pub(super) fn changed_to(text: &str, after: usize, class: Class) -> Option<Range<usize>> {
    let mut q = after;
    if matches!(char_at(text, q), '」' | '』' | '"' | '\'' | '`') {
        q += char_at(text, q).len_utf8();
    }
    while at(text, q) == b' ' {
        q += 1;
    }
    let rest = &text[q..];
    let skip = ["から", "to ", "→", "⇒", "-> ", "=> "]
        .iter()
        .find(|w| rest.starts_with(**w))?
        .len();
    let v = read_value(text, q + skip, false)?;
    let s = &text[v.range.clone()];
    (s.is_ascii() && accept(class, s, Sep::Weak, v.quoted)).then_some(v.range)
}

/// "the new pw is X, the old one was Y", "…; the previous one is Y": another password
/// told next to the first (at `after`), on its line.
pub(super) fn other_one(text: &str, after: usize) -> Option<Range<usize>> {
    let le = line_end(text, after).min(after + 80);
    let rest = text[after..ceil(text, le)].to_ascii_lowercase();
    // （変更前は Y）, 旧パスワードは「Y」: the Japanese for "the old one was".
    if let Some((i, w)) = [
        "変更前は",
        "変更前：",
        "旧パスワードは",
        "以前のパスワードは",
        "元のパスワードは",
    ]
    .iter()
    .find_map(|w| rest.find(w).map(|i| (i, w.len())))
    {
        let mut p = after + i + w;
        while matches!(char_at(text, p), ' ' | '　' | '「' | '『') {
            p += char_at(text, p).len_utf8();
        }
        let v = read_value(text, p, false)?;
        let s = &text[v.range.clone()];
        return (s.is_ascii() && looks_like_password(s) && !is_placeholder(s)).then_some(v.range);
    }
    let (i, w) = [
        " one was ",
        " one is ",
        " password was ",
        " pw was ",
        " one: ",
    ]
    .iter()
    .filter_map(|w| rest.find(w).map(|i| (i, w.len())))
    .min()?;
    // "I reset it to X but still cannot login. The old one was Y": the lead is the last
    // sentence's.
    let lead = rest[..i].trim_end();
    let lead = lead
        .rfind(". ")
        .map_or(lead, |d| lead[d + 2..].trim_start());
    // "…) was expired, I've set a new one: Y": a longer lead when a verb sets the other.
    let set = [
        "set ",
        "created ",
        "made ",
        "changed ",
        "reset ",
        "generated ",
    ]
    .iter()
    .any(|w| lead.contains(w));
    if !["old", "previous", "former", "new", "current", "other"]
        .iter()
        .any(|q| lead.ends_with(q))
        || lead.len() > 24 && !(set && lead.len() <= 60)
    {
        return None;
    }
    let v = read_value(text, after + i + w, false)?;
    let s = &text[v.range.clone()];
    (s.is_ascii() && looks_like_password(s) && !is_placeholder(s)).then_some(v.range)
}

/// What people add after a password of words so that it is typed right: "(spaces
/// between the words)", "type it without the spaces", "all lowercase, with the dashes".
static PHRASE_NOTES: LazyLock<AhoCorasick> =
    LazyLock::new(|| markers(&["space", "lowercase", "lower case", "dashes", "hyphens"]));

/// A password of words told after its word at `from` with a note on how to type it:
/// `passphrase: purple tractor seven lemons (spaces between the words)`, `should be "blue
/// Monday at 42 Elm" with the spaces`, `app password: qwpz mtrk lhva ndse. Type it without
/// the spaces`, `the password is tulip-garage-52 (all lowercase, with the dashes)`. The
/// words in quotes, or after a colon or "is" up to a bracket or the sentence's end.
pub(super) fn spelled_phrase(text: &str, from: usize) -> Option<Range<usize>> {
    let le = ceil(text, line_end(text, from).min(from + 160));
    // The note first (it is rare), on the line after `from`.
    let noted = |from: usize| PHRASE_NOTES.is_match(&text[from..le]);
    if !noted(from) {
        return None;
    }
    let seg = &text[from..le];
    let quoted = seg.find(['"', '“', '「', '«']).and_then(|o| {
        let open = char_at(seg, o);
        let close = match open {
            '“' => '”',
            '「' => '」',
            '«' => '»',
            _ => '"',
        };
        let from = o + open.len_utf8();
        let c = seg[from..].find(close)?;
        Some(from..from + c)
    });
    let told = || {
        let i = [": ", " is ", " be "]
            .iter()
            .filter_map(|w| seg.find(w).map(|i| i + w.len()))
            .min()?;
        let rest = &seg[i..];
        let end = rest
            .find(['(', ',', ';', '（'])
            .into_iter()
            .chain(rest.find(". "))
            .min()
            .unwrap_or(rest.trim_end_matches('.').len());
        let v = rest[..end].trim_end();
        Some(i..i + v.len())
    };
    let r = quoted.or_else(told)?;
    let v = &seg[r.clone()];
    let words = v.split(' ').count();
    let shaped = v.is_ascii()
        && (8..=48).contains(&v.len())
        && !v.contains("://")
        && !is_placeholder(v)
        && if words == 1 {
            // One token: words joined by dashes with a number (`tulip-garage-52`).
            v.contains(['-', '_'])
                && v.bytes().any(|c| c.is_ascii_digit())
                && v.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"-_".contains(&c))
        } else {
            // Not a rule about it: "at least four words", "the same as your PIN".
            (2..=6).contains(&words)
                && !v.split(' ').any(|w| {
                    [
                        "least",
                        "words",
                        "characters",
                        "chars",
                        "long",
                        "the",
                        "your",
                        "any",
                    ]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
                })
                && v.split(' ')
                    .all(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_alphanumeric()))
        };
    // The note stands after the words, not before them.
    (shaped && noted(from + r.end)).then(|| from + r.start..from + r.end)
}

/// Past Markdown emphasis closing a bold label (`**パスワード**: …`, `**パスワード：** …`): a
/// `**` or `__` that no word follows.
fn skip_bold(text: &str, p: usize) -> usize {
    let mark = at(text, p);
    if matches!(mark, b'*' | b'_')
        && at(text, p + 1) == mark
        && !char_at(text, p + 2).is_alphanumeric()
    {
        p + 2
    } else {
        p
    }
}

/// 「P@ss…」という(管理者)パスワード, P@ss… との, 「P@ss…」をパスワードとして: the value
/// before the word, at most a few characters of qualifier (管理者, 初期) between `という`
/// and the word.
fn value_before_toiu(text: &str, word_start: usize) -> Option<Value> {
    let from = ceil(
        text,
        line_start(text, word_start).max(word_start.saturating_sub(160)),
    );
    let before = &text[from..word_start];
    // 「P@ss…」をパスワードとして: `を` after a quoted value.
    // 以前お伝えした P@ss… は旧パスワード: `は` right after the value.
    static BEFORE_WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
        markers(&[
            "という",
            "との",
            "って",
            "」を",
            "』を",
            " を",
            " は",
            "」は",
            "』は",
            // 「P@ss…」がパスワードだと, P@ss… がパスワードです.
            " が",
            "」が",
            "』が",
        ])
    });
    let m = last_marker(&BEFORE_WORD, before)?;
    let (pos, len) = (m.start, m.end - m.start);
    let (pos, len) = if before[pos..].starts_with(['」', '』']) {
        (pos + "」".len(), len - "」".len())
    } else {
        (pos, len)
    };
    // Only a short qualifier between: という管理者パスワード, をAPI キー.
    let between = &before[pos + len..];
    let acronym = between.len() <= 6 && between.trim_end().bytes().all(|c| c.is_ascii_uppercase());
    if between.chars().count() > 4 && !acronym
        || between
            .chars()
            .any(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        return None;
    }
    let head = before[..pos].trim_end();
    let end = from + head.len();
    for (open, close) in [('「', '」'), ('『', '』'), ('【', '】')] {
        if let Some(inner) = head.strip_suffix(close) {
            let o = inner.rfind(open)?;
            return Some(Value {
                range: from + o + open.len_utf8()..end - close.len_utf8(),
                quoted: true,
            });
        }
    }
    let start = head
        .rfind(|c: char| c.is_whitespace() || !c.is_ascii())
        .map_or(0, |p| {
            p + head[p..].chars().next().map_or(1, char::len_utf8)
        });
    // `X をキーとして`: an unquoted word before を is often a name (a header, a claim); it
    // must be a chosen password or a random value with digits.
    let v = &head[start..];
    let object = before[pos..].starts_with(" を") || before[pos..].starts_with(" が");
    let made = chosen_password(v)
        || looks_random(v, 24)
            && v.bytes().any(|c| c.is_ascii_digit())
            && !name_like(v)
            && !address_like(v);
    (start < head.len() && (!object || made)).then(|| Value {
        range: from + start..end,
        quoted: false,
    })
}

/// A set of phrases searched in one pass.
fn markers(words: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("valid patterns")
}

/// The occurrence of any of `ac`'s phrases that starts last in `hay`.
fn last_marker(ac: &AhoCorasick, hay: &str) -> Option<Range<usize>> {
    ac.find_overlapping_iter(hay)
        .map(|m| m.range())
        .max_by_key(|r| r.start)
}

/// 『P@ss…』と入力しましたが、「パスワードが…」: the last quoted value typed (`と入力`,
/// `を入力`) before the word on its line.
fn typed_before(text: &str, word_start: usize) -> Option<Value> {
    // 「P@ss…」と入力しましたが… ⏎ パスワードを…: the line above, when the word starts its line.
    let ls = line_start(text, word_start);
    let ls = if ls > 0 && text[ls..word_start].trim().is_empty() {
        line_start(text, ls - 1)
    } else {
        ls
    };
    let from = ceil(text, ls.max(word_start.saturating_sub(400)));
    let before = &text[from..word_start];
    static TYPED: LazyLock<AhoCorasick> =
        LazyLock::new(|| markers(&["と入力", "を入力", "と打", "を貼り付け"]));
    let typed = last_marker(&TYPED, before)?.start;
    let head = &before[..typed];
    let (open, close) = match head.chars().next_back()? {
        '』' => ('『', '』'),
        '」' => ('「', '」'),
        '"' => ('"', '"'),
        _ => return None,
    };
    let inner = &head[..head.len() - close.len_utf8()];
    let o = inner.rfind(open)?;
    let start = from + o + open.len_utf8();
    let end = from + inner.len();
    let s = &text[start..end];
    (!s.contains(' ') && looks_like_password(s)).then_some(Value {
        range: start..end,
        quoted: true,
    })
}

/// シークレット partner-api の値は …: past the name to `の値`.
fn named_value(text: &str, p: usize) -> Option<usize> {
    let mut q = p;
    while matches!(at(text, q), b' ' | b'\t') {
        q += 1;
    }
    let name_start = q;
    while is_key_byte(at(text, q)) {
        q += 1;
    }
    if q == name_start || q - name_start > 64 {
        return None;
    }
    while matches!(at(text, q), b' ' | b'\t') {
        q += 1;
    }
    text[q..].starts_with("の値").then_some(q)
}

/// `アカウント: azureuser / Pass123!`, `資格情報：admin / P@ss…`, `SQL 認証で sa / P@ss…`,
/// `ログイン: app_reader ／ P@ss…`, `ローカル管理者、azureadmin / P@ss… で入れます`: a label for
/// an account, a user name, a slash and a password-shaped value ending the line or clause.
pub(crate) fn at_account(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    // 「P@ss…」でログインできません, P@ss… でサインイン: a chosen password signed in with.
    if matches!(&text[hit.clone()], "ログイン" | "サインイン") {
        if let Some(v) = signed_in_with(text, hit.start) {
            out.push(Finding {
                range: v,
                kind: Kind::Password,
            });
        }
    }
    let mut p = hit.end;
    while matches!(char_at(text, p), ' ' | '\t' | '　') {
        p += char_at(text, p).len_utf8();
    }
    // `アカウント: user / …`, `資格情報は user / …`; `SQL 認証で user / …` (the anchor
    // ends with its particle).
    let c = char_at(text, p);
    let skip = match c {
        ':' | '：' | 'は' | '、' => c.len_utf8(),
        _ if text[..hit.end].ends_with('で') => 0,
        // `ローカル管理者 azadmin /「…」`: the user right after the word, the pair after it.
        c if p > hit.end && c.is_ascii_alphanumeric() => 0,
        _ => return,
    };
    let Some(user) = read_value(text, p + skip, false) else {
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
    // Ending the line, or the sentence (`… です。`).
    let tail = text[v.range.end..le].trim();
    let tail = tail.strip_prefix(['」', '』']).unwrap_or(tail);
    let ends = tail.is_empty() || tail.starts_with(['で', 'を', '。', '）', ')', '（', '(']);
    if looks_like_password(s) && !is_placeholder(s) && ends {
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
    }
}

/// "We changed it to P@ss… after the lockout", "I reset it to P@ss…": a password named
/// only by a pronoun, after a verb that sets it, when the line or the one above speaks of
/// signing in. The value must be a chosen password with a digit.
pub(crate) fn at_it_to(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    if text[hit.clone()].eq_ignore_ascii_case(" in with ")
        || text[hit.clone()].eq_ignore_ascii_case(" in using ")
    {
        signed_in_with_en(text, hit, out);
        return;
    }
    if text[hit.clone()].eq_ignore_ascii_case(" in as ") {
        signed_in_as(text, hit, out);
        return;
    }
    if text[hit.clone()].to_ascii_lowercase().ends_with(" with ") {
        protected_with(text, hit, out);
        return;
    }
    if text[hit.clone()].eq_ignore_ascii_case(" try ") {
        let v = read_value(text, hit.end, false).map(|v| v.range);
        offered(text, v, out);
        return;
    }
    if text[hit.clone()].eq_ignore_ascii_case(" should work") {
        offered(text, word_before(text, hit.start), out);
        return;
    }
    // "is it not Osaka2024! anymore?", "is it still Winter#25?", "isn't it X now?": a
    // password asked about by someone who cannot sign in.
    let h = &text[hit.clone()];
    let isnt = h.eq_ignore_ascii_case("isn't it ");
    if isnt || h.eq_ignore_ascii_case(" it not ") || h.eq_ignore_ascii_case(" it still ") {
        let ls = line_start(text, hit.start);
        let question = isnt
            || text[ls..hit.start]
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("is") || w.eq_ignore_ascii_case("was"));
        if question {
            let v = read_value(text, hit.end, false).map(|v| v.range);
            offered(text, v, out);
        }
        return;
    }
    if text[hit.clone()].ends_with(':') || text[hit.clone()].ends_with(": ") {
        announced_after_colon(text, hit, out);
        return;
    }
    if !text[hit.clone()].eq_ignore_ascii_case(" it to ") {
        it_is_now(text, hit, out);
        return;
    }
    let verb = verb_before(text, hit.start);
    if ![
        "changed", "set", "reset", "rotated", "updated", "switched", "change",
    ]
    .contains(&verb.as_str())
    {
        return;
    }
    let Some(v) = read_value(text, hit.end, false) else {
        return;
    };
    if chosen_password(&text[v.range.clone()]) && credential_context(text, &v.range) {
        let end = v.range.end;
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
        // "I reset it to X … The old one was Y": the other password told after it.
        if let Some(old) = other_one(text, end) {
            out.push(Finding {
                range: old,
                kind: Kind::Password,
            });
        }
    }
}

/// "exported the cert as .pfx and protected it with X", "the zip is encrypted with X": a
/// file's password told by the verb that sets it, no credential word needed; the value
/// must be one a person chose or words joined (not "protected with MFA", "encrypted
/// with AES256").
fn protected_with(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let h = text[hit.clone()].to_ascii_lowercase();
    if h == " it with " {
        let verb = verb_before(text, hit.start);
        if !["protected", "encrypted", "secured", "locked"].contains(&verb.as_str()) {
            return;
        }
    }
    let Some(v) = read_value(text, hit.end, false) else {
        return;
    };
    let s = &text[v.range.clone()];
    // Without "it", the thing protected may be a store whose key is named
    // (`encrypted with CustomerKey2026`): a chosen value there shows a symbol.
    let symbol = s.bytes().any(|c| b"!@#$%^&*?+=~".contains(&c));
    let chosen = chosen_password(s) && (h == " it with " && !s.contains('-') || symbol);
    if (chosen || looks_like_passphrase(s)) && !is_placeholder(s) {
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
    }
}

/// The word ending at `end` on its line, without its quotes: `"P@ss…" should work`.
fn word_before(text: &str, end: usize) -> Option<Range<usize>> {
    let ls = line_start(text, end);
    let head = text[ls..end].trim_end_matches(['"', '\'', '`', '*', '»', ' ']);
    let start = head
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '`'))
        .map_or(0, |i| i + 1);
    (start < head.len()).then(|| ls + start..ls + head.len())
}

/// "try Welcome2026# instead", "P@ss… should work now, I reset it again": a password
/// offered to someone who cannot sign in, where the message or the lines around it speak
/// of signing in, a reset or how to type it.
fn offered(text: &str, v: Option<Range<usize>>, out: &mut Vec<Finding>) {
    let Some(v) = v else {
        return;
    };
    // Without its word, a value must be plainly made: a symbol, or random
    // (`RetryPolicy3x should work` names a setting).
    let s = &text[v.clone()];
    if !chosen_password(s)
        || !(s.bytes().any(|c| b"!@#$%^&*?+=~".contains(&c)) || looks_random(s, 16))
    {
        return;
    }
    let le = line_end(text, v.end);
    let below = if le < text.len() {
        line_end(text, le + 1)
    } else {
        le
    };
    let after = text[v.end..below].to_ascii_lowercase();
    let reset = [
        "reset",
        "typo",
        "locked",
        "logon",
        "log in",
        "login",
        "sign in",
        "password",
        "let me in",
        "letting me in",
        "let me log",
    ]
    .iter()
    .any(|w| after.contains(w));
    if reset || sign_in_context(text, &v) || spelled_out_after(text, v.end) {
        out.push(Finding {
            range: v,
            kind: Kind::Password,
        });
    }
}

/// `PIN を 5182 に変更しました`, `解除後の PIN は（903417）としてください`, "The initial PIN is
/// 739204", `PIN: 4821`, `PIN（480126）`, "the PIN (2719)": a PIN told after its word, four to eight digits, not a count or a
/// date (`PIN は 6 桁以上`, `PIN: 2026年`); a card's security code (`CVC 413`,
/// `セキュリティコード：382`), three or four digits.
pub(crate) fn at_pin(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let word = text[hit.clone()].trim_start();
    // `PIN` is a word of its own: not `spin:`, `Mapping:`.
    let ws = hit.end - word.len();
    if text[..ws].ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return;
    }
    let code = !word.eq_ignore_ascii_case("pin")
        && !word.to_ascii_lowercase().starts_with("pin")
        && !word.eq_ignore_ascii_case("pin is");
    let mut p = hit.end;
    loop {
        let c = char_at(text, p);
        if matches!(c, ' ' | '　' | '（' | '(' | '「' | '『' | '`' | '"')
            || code && matches!(c, ':' | '：' | '=')
            || code && text[p..].starts_with("は")
        {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    let digits = text.as_bytes()[p..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let after = text[p + digits..].trim_start_matches([' ', '　']);
    let unit = [
        "桁", "文字", "年", "月", "日", "回", "分", "時", "秒", "digit", "char", "day", "min",
    ]
    .iter()
    .any(|u| after.starts_with(u))
        // `1234-5678`, `09/28`, `12:30`, `1.5`: a number goes on.
        || text[p + digits..].starts_with(['/', '-', '.', ':'])
            && at(text, p + digits + 1).is_ascii_digit();
    let len = if code { 3..=4 } else { 4..=8 };
    let glued = text[p + digits..].starts_with(|c: char| c.is_ascii_alphanumeric());
    if !len.contains(&digits) || unit || glued || is_placeholder(&text[p..p + digits]) {
        return;
    }
    out.push(Finding {
        range: p..p + digits,
        kind: Kind::Password,
    });
}

/// "Sign in as svc-backup with P@ss…", "log in as admin using P@ss…": an account and the
/// password it signs in with.
fn signed_in_as(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    if !signs_in_before(text, hit.start) {
        return;
    }
    let Some(user) = read_value(text, hit.end, false) else {
        return;
    };
    if accounts_with_bracketed_passwords(text, user.range.start, out) {
        return;
    }
    let after = &text[user.range.end..line_end(text, user.range.end)];
    let Some(v) = [" with ", " using ", " and ", " / "]
        .iter()
        .find(|w| after.len() >= w.len() && after[..w.len()].eq_ignore_ascii_case(w))
        .and_then(|w| read_value(text, user.range.end + w.len(), false))
    else {
        return;
    };
    if chosen_password(&text[v.range.clone()]) {
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
    }
}

/// "log in as kiosk01 (P@ss…) and kiosk02 (P@ss…)", "as admin（P@ss…）": accounts each
/// followed by its password in brackets, from `from` on the line; whether one was found.
fn accounts_with_bracketed_passwords(text: &str, from: usize, out: &mut Vec<Finding>) -> bool {
    let le = line_end(text, from);
    let found = out.len();
    let mut p = from;
    for _ in 0..6 {
        let Some(user) = read_value(text, p, false) else {
            break;
        };
        let mut q = user.range.end;
        while at(text, q) == b' ' {
            q += 1;
        }
        let open = char_at(text, q);
        let close = match open {
            '(' => ')',
            '（' => '）',
            _ => break,
        };
        let inner = q + open.len_utf8();
        let Some(c) = text[inner..le].find(close) else {
            break;
        };
        let v = inner..inner + c;
        if !chosen_password(&text[v.clone()]) {
            break;
        }
        out.push(Finding {
            range: v,
            kind: Kind::Password,
        });
        // `, kiosk02 (…)`, ` and kiosk02 (…)`, `、kiosk02（…）`: the next pair.
        let rest = &text[inner + c + close.len_utf8()..le];
        let Some(sep) = [", and ", " and ", ", ", "、", " / ", "と"]
            .iter()
            .find(|w| rest.starts_with(**w))
        else {
            break;
        };
        p = le - rest.len() + sep.len();
    }
    out.len() > found
}

/// The word just before `at` on its line, in lower case (the verb of "changed it to",
/// "protected it with").
fn verb_before(text: &str, at: usize) -> String {
    text[line_start(text, at)..at]
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether the word before `at` on its line signs in ("log", "signed"): "log in with …".
fn signs_in_before(text: &str, at: usize) -> bool {
    let verb = verb_before(text, at);
    ["log", "logging", "logged", "sign", "signing", "signed"].contains(&verb.as_str())
}

/// Where the context of a value at `at` starts: the line above its line, at most 400
/// bytes back.
fn context_start(text: &str, at: usize) -> usize {
    let from = super::bytes::lines_up(text, at, 1);
    ceil(text, from.max(at.saturating_sub(400)))
}

/// Words naming a credential in the sentence or two before a value told by a pronoun
/// ("The backup account was locked. I've reset it to …").
const CREDENTIAL_NOUNS: &[&str] = &[
    "account",
    "passphrase",
    " pin",
    " key",
    "token",
    "secret",
    "locked",
];

/// What people add when they spell a password out for someone to type: "capital K",
/// "zeros not O's", "case-sensitive", 大文字, 数字のゼロ.
const SPELLED_OUT: &[&str] = &[
    "capital",
    "lowercase",
    "lower case",
    "uppercase",
    "upper case",
    "case-sensitive",
    "case sensitive",
    "zeros",
    "zero not",
    "not o's",
    "not an o",
    "with the dashes",
    "with dashes",
    "with the hyphens",
    "with hyphens",
    "no spaces",
    "first login",
    "first logon",
    "first sign-in",
    "next logon",
    "next login",
    "大文字",
    "小文字",
    "数字の",
    "半角",
];

/// Whether the line holding `range`, or the one above, speaks of signing in or names a
/// credential; or the rest of its line, or the line below, spells it out or asks to
/// change it at first sign-in ("you'll have to change it on first login").
fn credential_context(text: &str, range: &Range<usize>) -> bool {
    if sign_in_context(text, range) {
        return true;
    }
    let context = text[context_start(text, range.start)..range.start].to_ascii_lowercase();
    if CREDENTIAL_NOUNS.iter().any(|w| context.contains(w)) {
        return true;
    }
    spelled_out_after(text, range.end)
}

/// Whether the rest of the line after `end`, or the line below, spells a value out or
/// asks to change it at first sign-in (see [`SPELLED_OUT`]).
pub(super) fn spelled_out_after(text: &str, end: usize) -> bool {
    let le = line_end(text, end);
    let below = if le < text.len() {
        line_end(text, le + 1)
    } else {
        le
    };
    let after = text[end..below].to_ascii_lowercase();
    SPELLED_OUT.iter().any(|w| after.contains(w))
}

/// "Try logging in with P@ss…", "sign in with svc-deploy and P@ss…", "logged in with
/// admin / P@ss…": the password a person signs in with; a lone value must have a symbol
/// (an account signs in too: "sign in with ContosoAdmin01").
fn signed_in_with_en(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    if !signs_in_before(text, hit.start) {
        return;
    }
    let Some(first) = read_value(text, hit.end, false) else {
        return;
    };
    let after = &text[first.range.end..line_end(text, first.range.end)];
    let second = [" and ", " / ", "/"]
        .iter()
        .find(|w| after.starts_with(**w))
        .and_then(|w| read_value(text, first.range.end + w.len(), false));
    let (v, paired) = match second {
        Some(v) => (v, true),
        None => (first, false),
    };
    let s = &text[v.range.clone()];
    let symbol = s.bytes().any(|c| b"!@#$%^&*?+=~".contains(&c));
    if chosen_password(s) && (paired || symbol) {
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
    }
}

/// "I reset the local admin, it's P@ss… now", "rotated the sa login — it is now P@ss…",
/// "ok so the new one is P@ss…": a password named by a pronoun after a verb that set it
/// (earlier on the line), or by "the new one", where the line or the one above speaks of
/// an account. The value must be a chosen password with a digit.
fn it_is_now(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let ls = line_start(text, hit.start);
    let before = text[ls..hit.start].to_ascii_lowercase();
    let one = text[hit.clone()].to_ascii_lowercase().contains("one");
    let told = if one {
        let lead = before.rsplit(' ').next().unwrap_or("");
        // "local user stsftp01, generated one is X": a password the service made.
        [
            "new",
            "current",
            "temporary",
            "temp",
            "generated",
            "initial",
        ]
        .contains(&lead)
    } else {
        [
            "reset",
            "changed",
            "set ",
            "rotated",
            "updated",
            "regenerated",
            "recreated",
            "リセット",
            "変更",
            "再設定",
        ]
        .iter()
        .any(|v| before.contains(v))
    };
    // "Wrong passphrase earlier. It's P@ss… (capital B)": a sentence of its own after one
    // naming a password.
    let sentence = !one
        && (before.trim_end().ends_with(['.', '!', ':'])
            || ["", "ok", "okay", "so", "ok so", "sorry", "oh", "fyi", "btw"]
                .contains(&before.trim().trim_end_matches(',')))
        && {
            let context = text[context_start(text, hit.start)..hit.start].to_ascii_lowercase();
            [
                "password",
                "passphrase",
                "passwd",
                "creds",
                "credential",
                " pw",
                " pin",
            ]
            .iter()
            .any(|w| context.contains(w))
        };
    // "Regenerated key1 on the account. The new one is X", "we switched to the secondary
    // key, it's X": a machine-made key named by a pronoun, the key named just before.
    let opened = text[hit.clone()].starts_with('(');
    let key_told = told || (!one && (opened || key_sentence(&before)));
    if !told && !sentence && !key_told {
        return;
    }
    let mut p = hit.end;
    if text[p..].starts_with("now ") {
        p += 4;
    }
    // "(it's 32 chars, X)", "it's 88 characters: X": a note of its length before it.
    if key_told {
        p += length_note(&text[p..line_end(text, p)]);
    }
    let Some(v) = read_value(text, p, false) else {
        return;
    };
    let s = &text[v.range.clone()];
    let context =
        text[context_start(text, hit.start)..line_end(text, v.range.end)].to_ascii_lowercase();
    if key_told && machine_key(s) && names_key(&text[context_start(text, hit.start)..hit.start]) {
        out.push(Finding {
            range: v.range,
            kind: Kind::Secret,
        });
        return;
    }
    if !told && !sentence {
        return;
    }
    // "the new one" may be anything: it takes a user or an account, not an admin portal.
    let words: &[&str] = if one {
        &["same user", "user ", "account"]
    } else {
        &["admin", "account", "user", "login"]
    };
    let account = words.iter().any(|w| context.contains(w));
    if chosen_password(s)
        && (account || sign_in_context(text, &v.range) || spelled_out_after(text, v.range.end))
    {
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
    }
}

/// "I found the storage key, here it is: X", "the PAT expired, I made a new one. Here you
/// go:⏎X", "the admin password was reset. The new one: X": a value after a lead-in ending
/// in a colon, the credential named in the words before it (its line or the one above).
/// A machine-made key, or a chosen password when a password is named.
fn announced_after_colon(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let ls = line_start(text, hit.start);
    if text[hit.clone()].starts_with(" one") {
        let lead = text[ls..hit.start].to_ascii_lowercase();
        let lead = lead.rsplit(' ').next().unwrap_or("");
        if !["new", "current", "correct", "right", "temporary", "temp"].contains(&lead) {
            return;
        }
    }
    let mut p = hit.end;
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
    }
    let v = if matches!(at(text, p), b'\n' | b'\r') || p >= text.len() {
        next_line_value(text, p)
    } else {
        read_value(text, p, false)
    };
    let Some(v) = v else {
        return;
    };
    let s = &text[v.range.clone()];
    let head = &text[context_start(text, hit.start)..hit.start];
    if !names_key(head) {
        return;
    }
    let lower = head.to_ascii_lowercase();
    let password = ["password", "passphrase", "passwd", " pw", " pin"]
        .iter()
        .any(|w| lower.contains(w));
    if machine_key(s) || password && chosen_password(s) && !is_placeholder(s) {
        out.push(Finding {
            range: v.range,
            kind: if password {
                Kind::Password
            } else {
                Kind::Secret
            },
        });
    }
}

/// The length of a note of a value's length opening `rest` ("32 chars, ", "88 characters:
/// ", "40 long - "), or 0.
fn length_note(rest: &str) -> usize {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return 0;
    }
    let after = &rest[digits..];
    let Some(unit) = [
        " characters",
        " chars",
        " char",
        " long",
        "-char",
        "-character",
    ]
    .iter()
    .find(|u| after.starts_with(**u)) else {
        return 0;
    };
    let tail = &after[unit.len()..];
    let Some(sep) = [", ", ": ", " - ", " — "]
        .iter()
        .find(|s| tail.starts_with(**s))
    else {
        return 0;
    };
    digits + unit.len() + sep.len()
}

/// "… the secondary key, it's X", "I copied the access key. It's X": the words before
/// "it's" end a clause or a sentence (or open a bracket) after which the pronoun stands
/// for what was named.
fn key_sentence(before: &str) -> bool {
    let b = before.trim_end();
    b.is_empty() || b.ends_with(['.', '!', ':', ',', ';', '(', '-', '—'])
}

/// A key, secret or token named in `head` (the words before a pronoun that stands for
/// it), not only its name or ID: "key1", "the primary key", "client secret", "PAT".
fn names_key(head: &str) -> bool {
    let h = head.to_ascii_lowercase();
    let named = [
        "key",
        "secret",
        "token",
        "pat ",
        "pat,",
        "pat.",
        "sas",
        "password",
        "passphrase",
    ]
    .iter()
    .any(|w| h.contains(w));
    // "the key's ID", "the secret's name": a pronoun for an ID names no value.
    named
        && ![" id", "name", "thumbprint", "vault", "uri"]
            .iter()
            .any(|w| h.rsplit(['.', '\n']).next().unwrap_or("").contains(w))
}

/// A machine-made key of at least 24 characters (a GUID is an ID, lower case with digits
/// a name).
fn machine_key(s: &str) -> bool {
    let guid = s.contains('-') && s.bytes().all(|c| c.is_ascii_hexdigit() || c == b'-');
    // Lower case with digits is a resource's name (`stfinancearchive2026prod01`) unless hex
    // or longer than names are.
    let one_case = !s.bytes().any(|c| c.is_ascii_uppercase())
        && !s.contains(['+', '/', '=', '~'])
        && !s.bytes().all(|c| c.is_ascii_hexdigit())
        && (s.len() < 40 || s.contains(['-', '_', '.']));
    looks_random(s, 24)
        && !guid
        && !one_case
        && !is_placeholder(s)
        && !s.contains("://")
        && !name_like(s)
}

/// What announces a value after its word: 貼ります, 送ります, 共有します; です and になります
/// only after 以下が / こちらが.
const ANNOUNCE: &[&str] = &[
    "貼ります",
    "貼っておきます",
    "貼り付けます",
    "貼りつけます",
    "送ります",
    "お送りします",
    "共有します",
    "お伝えします",
    "載せます",
    "置いておきます",
    "記載します",
];

/// 接続キーを貼ります。X, パスワードを共有します：⏎ X, 以下がパスワードです。⏎ X: after a
/// sentence that announces the word's value, the value alone ending the line or alone
/// on the next one. `lead` is the word's line before it.
fn announced_value(text: &str, word_end: usize, lead: &str) -> Option<Value> {
    let le = line_end(text, word_end);
    let rest = &text[word_end..le];
    // 以下がパスワードです: a lead-in earlier in the word's sentence.
    let lead_ok = || {
        let sentence = lead.rsplit(['。', '、']).next().unwrap_or(lead);
        ["以下が", "下記が", "こちらが", "これが"]
            .iter()
            .any(|w| sentence.contains(w))
    };
    let rest = rest.trim_start_matches([' ', '　']);
    let rest = rest
        .strip_prefix(['を', 'が', 'は'])
        .unwrap_or(rest)
        .trim_start_matches([' ', '　']);
    let verb = ANNOUNCE
        .iter()
        .find(|v| rest.starts_with(**v))
        .or_else(|| {
            ["です", "になります"]
                .iter()
                .find(|v| rest.starts_with(**v))
                .filter(|_| lead_ok())
        })?;
    let after = &rest[verb.len()..];
    let after = ["。", "：", ":", "！", "!", "→"]
        .iter()
        .find_map(|m| after.strip_prefix(m))?;
    let t = after.trim_matches([' ', '　', '\t']);
    if t.is_empty() {
        return next_line_value(text, le);
    }
    let t = t.trim_matches('`');
    if t.contains(char::is_whitespace) || !t.is_ascii() {
        return None;
    }
    let start = le - after.len() + after.find(t)?;
    Some(Value {
        range: start..start + t.len(),
        quoted: false,
    })
}

/// The value before `で` ending just before `word_start` (`「X」でログイン`, `X でサインイン`),
/// when it is a chosen password with a symbol.
fn signed_in_with(text: &str, word_start: usize) -> Option<Range<usize>> {
    let ls = line_start(text, word_start);
    let head = text[ls..word_start].strip_suffix('で')?.trim_end();
    let end = ls + head.len();
    let range = if let Some(inner) = head.strip_suffix(['」', '』']) {
        let open = inner.rfind(['「', '『'])?;
        ls + open + '「'.len_utf8()..end - '」'.len_utf8()
    } else {
        let start = head
            .rfind(|c: char| c.is_whitespace() || !c.is_ascii())
            .map_or(0, |p| {
                p + head[p..].chars().next().map_or(1, char::len_utf8)
            });
        ls + start..end
    };
    // An account name signs in too (「ContosoApp01」でログイン): a symbol says password.
    let v = &text[range.clone()];
    (chosen_password(v) && v.bytes().any(|c| b"!@#$%^&*?+=~".contains(&c))).then_some(range)
}

/// Words on a line (or the one above) that speak of signing in.
const SIGN_IN: &[&str] = &[
    "password",
    "passwd",
    "pw ",
    "passphrase",
    "credential",
    "creds",
    "lockout",
    "locked out",
    "log in",
    "login",
    "sign in",
    "sign-in",
    "rdp",
    "ssh",
    "パスワード",
    "ログイン",
    "サインイン",
    "入れ",
    "入れる",
    "接続",
    "管理者",
    "ユーザー",
    "アカウント",
];

/// Whether the line holding `range`, or the one above, speaks of signing in.
fn sign_in_context(text: &str, range: &Range<usize>) -> bool {
    let le = line_end(text, range.end);
    let context = text[context_start(text, range.start)..le].to_ascii_lowercase();
    SIGN_IN.iter().any(|w| context.contains(w))
}

/// "Password is same like before only with 2 at end now, Glacier-Owl62.": a chosen
/// password closing the sentence after a comma or a colon, when what follows the word
/// (from `from`) is words, not a value.
pub(super) fn closing_value(text: &str, from: usize) -> Option<Range<usize>> {
    let le = ceil(text, line_end(text, from).min(from + 120));
    let seg = &text[from..le];
    let end = seg.find(". ").unwrap_or(seg.len());
    let sentence = seg[..end].trim_end().trim_end_matches(['.', '!']);
    let start = sentence.rfind(' ')? + 1;
    let lead = sentence[..start].trim_end();
    let v = &sentence[start..];
    (lead.ends_with([',', ':'])
        && !lead[..lead.len() - 1].contains([',', ':', '(', '"'])
        && chosen_password(v))
    .then(|| from + start..from + start + v.len())
}

/// A password a person chose: a digit, eight characters or more, and mixed case or a
/// symbol besides the separators (`TLS1_2` is a setting, `Standard_D4s_v5` a size).
pub(super) fn chosen_password(s: &str) -> bool {
    if !s.is_ascii() {
        return false;
    }
    let b = s.as_bytes();
    let mixed = b.iter().any(u8::is_ascii_uppercase) && b.iter().any(u8::is_ascii_lowercase);
    let symbol = b.iter().any(|c| b"!@#$%^&*?+=~".contains(c));
    let sku = ["standard_", "premium_", "basic_"]
        .iter()
        .any(|p| s.len() > p.len() && s[..p.len()].eq_ignore_ascii_case(p));
    // `Ubuntu22.04`, `v1.2.3-Beta`: a version.
    let version = s
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'.' && w[1].is_ascii_digit());
    s.is_ascii()
        && s.len() >= 8
        && (mixed || symbol)
        && !version
        && !s.trim_end_matches('=').contains('=')
        && b.iter().any(u8::is_ascii_digit)
        && looks_like_password(s)
        && !sku
        && !file_name(s)
        && !is_placeholder(s)
}

/// `azureadmin / P@ss…` in a chat or a note, with no label: a user name, a slash and a
/// chosen password, ending the line or the clause, where the line or the one above
/// speaks of signing in (入れる, RDP, login).
pub(crate) fn at_pair(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut ue = hit.start;
    while ue > 0 && b[ue - 1] == b' ' {
        ue -= 1;
    }
    let mut us = ue;
    while us > 0
        && ue - us < 40
        && (b[us - 1].is_ascii_alphanumeric() || b"._-@\\".contains(&b[us - 1]))
    {
        us -= 1;
    }
    let user = &text[us..ue];
    let lead = char_before(text, us);
    // One of a list (`a / b / c`), not a pair.
    let listed = text[line_start(text, us)..us]
        .trim_end()
        .ends_with(['/', '／']);
    if user.len() < 2
        || listed
        || !(lead.is_whitespace() || !lead.is_ascii() || matches!(lead, '\0' | ':' | '('))
        || chosen_password(user)
    {
        return;
    }
    let Some(v) = read_value(text, hit.end, false) else {
        return;
    };
    let s = &text[v.range.clone()];
    // The pair ends its clause: not one of a list (`a / b / c`).
    let tail = text[v.range.end..line_end(text, v.range.end)].trim_start();
    // "admin / P@ss… over the phone": a phrase going on after the pair.
    let goes_on = [
        "over ", "by ", "via ", "on ", "in ", "for ", "from ", "and ", "but ", "if ", "when ", "(",
    ]
    .iter()
    .any(|w| tail.starts_with(w));
    let ends = tail.is_empty()
        || !tail.starts_with('/') && !tail.starts_with('／') && (!tail.is_ascii() || goes_on);
    if v.quoted || !ends || s.contains('/') || !chosen_password(s) {
        return;
    }
    // On the pair's own line: a word for an account or for signing in with one.
    const ACCOUNT: &[&str] = &[
        "password",
        "passwd",
        "creds",
        "credential",
        "login",
        "log in",
        "sign in",
        "admin",
        "account",
        "user",
        "rdp",
        "ssh",
        "パスワード",
        "ログイン",
        "サインイン",
        "管理者",
        "アカウント",
        "ユーザー",
        "入れる",
        "入れます",
        "入れました",
    ];
    let line = text[line_start(text, us)..line_end(text, v.range.end)].to_ascii_lowercase();
    if ACCOUNT.iter().any(|w| line.contains(w)) {
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
    }
}

/// Words that name a secret in the sentence before a bare 値 (`…キーをコピーしました。値は …`).
const SECRET_NOUNS: &[&str] = &[
    "キー",
    "シークレット",
    "トークン",
    "パスワード",
    "資格情報",
    "cookie",
    "secret",
    "token",
    "password",
    "key",
];

/// 「X」でした。… API キーとして設定, "… set it as the API key": the rest of the line after
/// a value says it is used as a secret (not "differs from the API key", キーとは異なる).
fn used_as_secret(text: &str, after: usize) -> bool {
    let le = ceil(text, line_end(text, after).min(after + 300));
    let rest = text[after..le].to_ascii_lowercase();
    ["として", " as the ", " as our ", " as an ", " as a "]
        .iter()
        .flat_map(|m| rest.match_indices(m))
        .any(|(i, _)| {
            let before = rest[..i].trim_end();
            SECRET_NOUNS.iter().any(|w| before.ends_with(w))
        })
}

/// 値は X です。（Translator のキー1 をコピーしたもの）, 値は X でした。これを
/// ocp-apim-subscription-key ヘッダーに設定, 値は X です、と SAS の sig 部分を: the rest
/// of the line after a bare value names the secret it is (where it came from, where it
/// goes), not something it differs from (キーとは異なる) nor the secret's name, version
/// or ID (シークレット ID, キー名), nor the vault holding it.
fn secret_named_after(text: &str, after: usize) -> bool {
    let le = ceil(text, line_end(text, after).min(after + 240));
    let rest = text[after..le].to_ascii_lowercase();
    let rest = ["key vault", "keyvault", "キー コンテナー", "キーコンテナー"]
        .iter()
        .fold(rest, |r, w| r.replace(w, " "));
    SECRET_NOUNS
        .iter()
        .chain(&["sig ", "psk", "-key", "_key"])
        .flat_map(|w| rest.match_indices(w).map(move |(i, _)| i + w.len()))
        .any(|e| {
            let tail = rest[e..].trim_start_matches(['1', '2', ' ', '　', '」', '』', '`', 'の']);
            ![
                "とは",
                "ではな",
                "と違",
                "と異な",
                "id",
                "ｉｄ",
                "名",
                "バージョン",
                "version",
                "name",
                "有効期限",
                "作成日",
                "expir",
                "thumbprint",
                "拇印",
            ]
            .iter()
            .any(|n| tail.starts_with(n))
        })
}

/// 値は X です, 値: X: a value named only as "the value", of a secret named earlier on the
/// line or on the line above; it must be shaped as a key or a chosen password.
pub(crate) fn at_value(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    // `| アカウント | 設定値 |`, `| 項目 | 値 | 備考 |`: a value column, whose rows hold a
    // secret when the header has an account column or the row names one.
    if table_header(text, hit.start).is_some() {
        table_column(text, &hit, Class::Secret, Kind::Secret, true, out);
        return;
    }
    // A sheet pasted from Excel (`環境	サーバー	ユーザー	文字列`): the column under the
    // header's cell, read as [`csv_column`] reads a bare value column.
    let column = text[hit.clone()].starts_with('\t');
    let hit = if column { hit.start + 1..hit.end } else { hit };
    let header = &text[line_start(text, hit.start)..line_end(text, hit.end)];
    let sheet = header.contains('\t') && super::keyvalue::header_names_account(header);
    if sheet && csv_column(text, &hit, Class::Secret, Kind::Secret, out) || column {
        // 文字列 names a value only as a column's header.
        return;
    }
    let mut p = hit.end;
    // 値は X, 値: X, 値（X）.
    let c = char_at(text, p);
    // 新しい値 X を…に反映: the value right after the word in the sentence, then its
    // particle; only a machine-made one (below).
    let spaced = c == ' ' && !char_before(text, hit.start).is_ascii();
    if !spaced && !matches!(c, 'は' | '：' | ':' | '＝' | '=' | '（' | '(') {
        return;
    }
    p += c.len_utf8();
    while matches!(char_at(text, p), ' ' | '\t' | '　') {
        p += char_at(text, p).len_utf8();
    }
    let Some(v) = read_value(text, p, false) else {
        return;
    };
    if matches!(c, '（' | '(') && !text[v.range.end..].starts_with(['）', ')']) {
        return;
    }
    let s = &text[v.range.clone()];
    // `値: Server=tcp:…;Password=…`: a value that is itself `name=value` (a connection
    // string, a setting) is read by its own parts; base64 padding ends a value.
    let pair = s.trim_end_matches('=').contains('=');
    let chosen = looks_like_password(s) && s.bytes().any(|c| c.is_ascii_digit());
    if pair || !s.is_ascii() || is_placeholder(s) || !(looks_random(s, 16) || chosen) {
        return;
    }
    if spaced
        && !(looks_random(s, 24)
            && text[v.range.end..]
                .trim_start_matches(' ')
                .starts_with(['を', 'で', 'に', 'が', 'は', 'と']))
    {
        return;
    }
    // The secret it is the value of: on this line before it, or on the line above.
    let from = super::bytes::lines_up(text, hit.start, 1);
    let from = ceil(text, from.max(hit.start.saturating_sub(600)));
    let context = text[from..hit.start].to_ascii_lowercase();
    let named = SECRET_NOUNS.iter().any(|w| context.contains(w))
        || used_as_secret(text, v.range.end)
        || secret_named_after(text, v.range.end);
    // `ユーザー: app01` ⏎ `値: P@ss…`: the value under a user's name is its password.
    let user = c != 'は' && chosen && super::keyvalue::user_above(text, hit.start);
    if named || user {
        out.push(Finding {
            range: v.range,
            kind: if named { Kind::Secret } else { Kind::Password },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::found;

    #[test]
    fn a_value_told_later_in_the_sentence_is_found() {
        for (text, value) in [
            ("VPN の事前共有キーはオンプレ側ルーター（RTX1300）と同じ Qk7vN2pLx9wRt4Zm で設定済みです。\n", "Qk7vN2pLx9wRt4Zm"),
            ("> 田中: VPN の事前共有キー、オンプレ側には Qk7vN2pLx9wRt4Zm を入れてます\n", "Qk7vN2pLx9wRt4Zm"),
            ("パスワード変えました→「Harbor*akd2389」\n", "Harbor*akd2389"),
            ("パスワードを再発行したところ、画面に『Tz8#kq2Lm!』と表示されました。\n", "Tz8#kq2Lm!"),
            ("管理者のパスワードは先週から Sakura2024$ にしております。\n", "Sakura2024$"),
            ("キーは「「M+edZo0CX/bZ3VxFlRqH9VXNlGRjdiB6+4pjxhfWckk=」」です。\n", "M+edZo0CX/bZ3VxFlRqH9VXNlGRjdiB6+4pjxhfWckk="),
            ("「コンテナーの暗号化パスフレーズ」は seaweed-maple-monsoon-maple-56 で設定済みです。\n", "seaweed-maple-monsoon-maple-56"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
    }

    #[test]
    fn a_sentence_going_on_over_the_line_break_gives_its_value() {
        let text = "管理者アカウントのパスワードですが、\nKyoto_Gion#88 で全 VM 統一しています。\n";
        assert_eq!(found(text), ["Kyoto_Gion#88"]);
        for text in [
            "管理者アカウントのパスワードですが、\nKey Vault で管理しています。\n",
            "管理者アカウントのパスワードですが、\nvm-app-03 で変更しました。\n",
            "管理者アカウントのパスワードですが、\nWindows Update 後に変わりました。\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_account_word_then_a_user_and_a_bracketed_password() {
        for (text, value) in [
            (
                "ローカル管理者 azadmin /「Fuji3776-summit」で入れるはずの VM に入れません。\n",
                "Fuji3776-summit",
            ),
            (
                "管理者 sqladmin / 『Tenjin#5519』 でログインできません。\n",
                "Tenjin#5519",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "ローカル管理者 azadmin /「ユーザー名のみ」で運用しています。\n",
            "管理者 azadmin / 「vm-web-02」で確認しました。\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn both_sides_and_a_new_value_keep_the_sentence() {
        let psk = "Qk7vN2pLx9wRt4ZmAbcD3fGh";
        let text = format!("Azure 側とオンプレ側の共有キーはどちらも {psk} で設定しているのですが、接続できません。\n");
        assert_eq!(found(&text), [psk]);
        let key = "50lWi/7UnBgCv1//RyGUYNvkwg1GnJyNV9PZ186KUgBzth2J1rGoeiZa57DsHq7MK9BjXND+oInDka1FuKj5lw==";
        let text = format!("昨日 key1 を再生成し、新しい値 {key} をアプリ設定に反映しました。\n");
        assert_eq!(found(&text), [key]);
        for text in [
            "key1 を再生成し、新しい値 Standard_LRS をアプリ設定に反映しました。\n",
            "キーを再生成し、新しい値 3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f を確認しました。\n",
            "共有キーはどちらも同じ値で設定しています。\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_vault_secret_named_in_japanese_is_its_name() {
        for text in [
            "VM の管理者パスワードは Key Vault のシークレット `vm-admin-2027` から取る構成です。\n",
            "キー コンテナーのシークレット「sql-admin-pw」を参照しています。\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        let text = "Key Vault のシークレット「sql-admin-pw」の値を確認したところ Kestrel@kqz7389 でした。\n";
        assert_eq!(found(text), ["Kestrel@kqz7389"]);
    }

    #[test]
    fn a_mail_answering_a_quoted_question_gives_the_value() {
        for (text, value) in [
            ("> 山本さん\n> SFTP のパスワードを教えていただけますか。\n\nDeepa さん\n\n「Juniper$bbq997」です（先頭は大文字、最後は記号です）。\n取引先から変わったら連絡が来ることになっています。\n", "Juniper$bbq997"),
            ("> 検証環境の管理者パスワードをご教示ください。\n> よろしくお願いいたします。\n\n田中様\n\nお世話になっております。\nKumo?4819x です。\n", "Kumo?4819x"),
            ("> Could you send me the SFTP password?\n\nHi Deepa,\n\nIt's Harbor*akd2389 (capital H).\n", "Harbor*akd2389"),
            ("> VPN の事前共有キーって何でしたっけ？\n\n鈴木さん\n`Q809eD78uBWmouQoT3Ixz7fjDtp` です。\n", "Q809eD78uBWmouQoT3Ixz7fjDtp"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "> SFTP のパスワードを教えていただけますか。\n\nDeepa さん\n\n別途、電話でお伝えします。\nTicket-2026-1204 で管理しています。\n",
            "> Could you send me the SFTP password?\n\nHi Deepa,\n\nI will call you with it; see KB-20261204 for the steps.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_value_alone_below_the_word_s_line_is_found() {
        for (text, values) in [
            ("[9:14] 大野 拓也\nazureuser で入れます。パスは\n[9:14] 大野 拓也\nKp7#vRt2Lq9z\n", vec!["Kp7#vRt2Lq9z"]),
            ("ホスト：sftp01.example.jp\nパスワード（自動生成）\nQ809eD78uBWmouQo\n※ 再表示できません\n", vec!["Q809eD78uBWmouQo"]),
            ("パスワードは大文字のオー、数字のゼロが混ざっているので注意してください。\n\n`O0lKyoto!9Ol`\n", vec!["O0lKyoto!9Ol"]),
            ("先ほどのメールでパスワードを間違えてお伝えしていました。\n誤：Shiga#2025\n正：Shiga#2025r\n失礼いたしました。\n", vec!["Shiga#2025", "Shiga#2025r"]),
            ("VPN の事前共有キーを変更しました。\n旧: Fuji-2024-Vpn!\n新: Fuji-2026-Vpn!\n", vec!["Fuji-2024-Vpn!", "Fuji-2026-Vpn!"]),
        ] {
            assert_eq!(found(text), values, "{text}");
        }
        for text in [
            "パスワードは以下の手順で変更してください。\nhttps://aka.ms/sspr\n",
            "パスワード（自動生成）\n再表示できないので控えておいてください\n",
            "パスワード変更の担当者\nkiosk-admin01\n",
            "ファイルパスは\nC:/Users/Admin2024/Desktop\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_short_pass_with_its_particle_is_a_password_label() {
        for (text, value) in [
            (
                "※初期パスは Contoso@482913 です（後ろの 6 桁は社員番号）。\n",
                "Contoso@482913",
            ),
            (
                "　初期パスは Haru2026#Mebuki になります。\n",
                "Haru2026#Mebuki",
            ),
            (
                "仮パスは「Tmp-829104-Reset」で、初回に変更してください。\n",
                "Tmp-829104-Reset",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "ファイルパスは C:/work/Admin2024/out.csv です。\n",
            "バイパスは Route2024A で設定済みです。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_wifi_key_is_its_password() {
        for (text, value) in [
            (
                "来客用 Wi-Fi は SSID「Kaigi-Guest」、キーは『sakura-momiji-88』です。\n",
                "sakura-momiji-88",
            ),
            (
                "無線 LAN（SSID: office-5g）のキーは「tsubame2026kaze」になります。\n",
                "tsubame2026kaze",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        assert!(found("SSID「Kaigi-Guest」のキーは『別途掲示』です。\n").is_empty());
    }

    #[test]
    fn a_wifi_key_in_english_is_its_password() {
        for (text, value) in [
            ("- Guest Wi-Fi key: coffeebreak2026\n", "coffeebreak2026"),
            ("Office wireless key: labnet2026x\n", "labnet2026x"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "- Wi-Fi key: see the poster in the kitchen\n",
            "- Guest Wi-Fi key rotation: monthly2026 policy\n",
            "Storage key: coffeebreak2026\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_new_one_set_after_the_old_in_brackets_is_found() {
        for (text, values) in [
            ("> The old password (Harbor_ktl972) was expired, I've set a new one: Cobalt4365$\n", vec!["Harbor_ktl972", "Cobalt4365$"]),
            ("My password (Kumo!lkg2296) stopped working so IT reset it and created a new one: tx!Kumo9008\n", vec!["Kumo!lkg2296", "tx!Kumo9008"]),
        ] {
            assert_eq!(found(text), values, "{text}");
        }
        assert_eq!(
            found("The old password (Harbor_ktl972) was expired, and the wiki describes the new one: see KB-2231.\n"),
            ["Harbor_ktl972"]
        );
    }

    #[test]
    fn a_pin_told_after_its_word_is_found() {
        for (text, value) in [
            (
                "共用 PC の Windows Hello PIN を 5182 に変更しました。\n",
                "5182",
            ),
            (
                "内容：PIN ロック解除。解除後の PIN は（903417）としてください。\n",
                "903417",
            ),
            (
                "The initial PIN is 739204, she'll be asked to change it at first use.\n",
                "739204",
            ),
            ("Smart card PIN: 48213907\n", "48213907"),
            (
                "with the company card, exp 09/28, CVC 413. Name on card: Helena Marsh.\n",
                "413",
            ),
            ("有効期限：10/29\nセキュリティコード：382\n", "382"),
            ("Card ending 4242, CVV: 0917\n", "0917"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "PIN は 6 桁以上にしてください。\n",
            "PIN を 2026年1月に変更予定です。\n",
            "The new PIN is 4 digits, set it at first sign-in.\n",
            "Mapping: 1234 rows\n",
            "PIN: 1234-5678-90 is the ticket.\n",
            "The CVC is the 3-digit code on the back.\n",
            "セキュリティコード（カード裏面の 3 桁）を入力してください。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_password_of_words_with_a_note_on_typing_it_is_found_whole() {
        for (text, value) in [
            ("- The USB drive is encrypted with VeraCrypt, passphrase: purple tractor seven lemons (spaces between the words)\n", "purple tractor seven lemons"),
            ("The agent said the passphrase should be \"blue Monday at 42 Elm\" with the spaces.\n", "blue Monday at 42 Elm"),
            ("I created an app password on the scan mailbox: qwpz mtrk lhva ndse. Just type it without the spaces.\n", "qwpz mtrk lhva ndse"),
            ("The kiosk password is “river stone 77 maple” (lowercase, spaces included).\n", "river stone 77 maple"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "The passphrase should be \"at least four words\" with the spaces, says the policy.\n",
            "The password is stored in the vault (no spaces allowed in its name).\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_slash_pair_whose_password_is_a_remark_is_no_value() {
        for text in [
            "ユーザー ID / パスワード：contoso-ops / （前回と同じ）\nでログインをお願いします。\n",
            "ID／パスワード：ops-admin01／（別途お電話で）\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_password_offered_to_try_is_found() {
        for (text, value) in [
            ("Lena Hoffmann (11:48): try Welcome2026# instead, I think the other one had a typo\nLena Hoffmann (11:48): or ping me and I'll reset it\n", "Welcome2026#"),
            ("VjGh5Nk*YM73jir4 should work now, I reset it again and unticked \"must change at next logon\".\n", "VjGh5Nk*YM73jir4"),
            ("Can't log in to the kiosk? Try \"Kiosk#2026b\" (capital K).\n", "Kiosk#2026b"),
            ("The shared mailbox password was changed. Kumo!lkg2296 should work for everyone.\n", "Kumo!lkg2296"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "If the build fails, try Ubuntu2204 as the image.\n",
            "try Standard_D4s_v5 if the VM is too slow, then log in again.\n",
            "The v2 endpoint should work now that the DNS record is fixed.\n",
            "RetryPolicy3x should work, the login timeout is 30 s.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn english_accounts_and_passwords_told_in_passing_are_found() {
        for (text, values) in [
            ("For the kiosk PCs please log in as kiosk01 (Summer@20246) and kiosk02 (ETokyo2021), the auto-login broke.\n", vec!["Summer@20246", "ETokyo2021"]),
            ("Please sign in as frontdesk (Welcome2020#), then lock the screen.\n", vec!["Welcome2020#"]),
            ("Vendor asked for the SFTP creds again; gave them sftpuser / Qp4!zN8wLk2v over the phone.\n", vec!["Qp4!zN8wLk2v"]),
            ("[10:02] Priya Nair: did the reset go through?\n[10:03] Tom Becker: yep, changed it to Azure%ywm1025\n[10:03] Tom Becker: you'll have to change it on first login though\n", vec!["Azure%ywm1025"]),
            ("The new one is R0ger-Th4t-2026, those are zeros not O's and a 4 not an A.\n", vec!["R0ger-Th4t-2026"]),
            ("I set it to Maple#2026x this morning (capital M).\n", vec!["Maple#2026x"]),
        ] {
            assert_eq!(found(text), values, "{text}");
        }
        for text in [
            "Please log in as kiosk01 (Building B) and kiosk02 (lobby).\n",
            "I changed it to Standard_D4s_v5 yesterday, the VM is faster now.\n",
            "The new one is ReleaseV2024Q4, see the wiki for the changes.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_chat_answer_after_a_full_name_is_found() {
        for (text, value) in [
            ("[10:02] 中村 由香: VPN の事前共有キーって何でしたっけ？\n[10:03] Anil Kumar: IgqYifDFyUdUL8yHPfTRHDynShi2DOAO です、拠点ルーター側も同じ値です\n", "IgqYifDFyUdUL8yHPfTRHDynShi2DOAO"),
            ("[14:10] 佐藤: 検証 VM のパスワード何でしたっけ\n[14:11] 中村 由香：Sakura2024$ です\n", "Sakura2024$"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
    }

    #[test]
    fn a_value_in_brackets_keeps_its_own_note_apart() {
        for (text, value) in [
            ("先ほどお電話でお伝えしたパスワード（Welcome2023#（※大文字小文字を区別します））でログインできるかご確認ください。\n", "Welcome2023#"),
            ("仮パスワード（Kumo?4819x ※記号を含みます）でサインインしてください。\n", "Kumo?4819x"),
            ("The temporary パスワード (Harbor*akd2389 (case-sensitive)) was sent by phone.\n", "Harbor*akd2389"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "パスワード（初期値（※変更必須））を入力してください。\n",
            "パスワード（※大文字小文字を区別します）を入力してください。\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_portal_value_that_is_a_connection_string_is_read_by_its_parts() {
        for (text, value) in [
            ("名前: GyomuDb\n値: Server=tcp:sql-gyomu-jpe.database.windows.net,1433;Initial Catalog=gyomudb;User ID=gyomu_app;Password=Xk29fkeLq!;Encrypt=True;\n", "Xk29fkeLq!"),
            ("名前：sql_connectionString\n値：Server=tcp:sql-keiri.database.windows.net,1433;Database=keiri;User Id=la_writer;Password=Qw7rtyUi0pAs;\n", "Qw7rtyUi0pAs"),
            ("値は Data Source=tcp:db01.example.jp;Uid=app;Pwd=Harbor*akd2389; です。\n", "Harbor*akd2389"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        // A base64 key's padding is no pair.
        assert_eq!(
            found("アクセスキーの値: M+edZo0CX/bZ3VxFlRqH9VXNlGRjdiB6+4pjxhfWckk=\n"),
            ["M+edZo0CX/bZ3VxFlRqH9VXNlGRjdiB6+4pjxhfWckk="]
        );
    }

    #[test]
    fn words_about_a_secret_later_in_its_sentence_are_no_value() {
        for text in [
            "パスワードをリセットしましたが、VM サイズは Standard_D4s_v3 です。\n",
            "パスワードポリシー：PasswordMinLength=14、MaxPasswordAge=90 日です。\n",
            "SSH 鍵のフィンガープリント：SHA256:KMhwo3uhnAwEWCOKn5aySQ0C4pNRIYshySigggNhlHY\n",
            "パスワード変えました（英大文字・小文字・数字・記号を含む 16 文字以上にしています）。\n",
            "前任者も「P@ssw0rd のような例ではなく、実際の値を入れる」とだけメモしています。パスワード欄です。\n",
            "パスフレーズは別途お送りします。秘密鍵（id_ed25519）で接続できません。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_value_before_its_word_is_found() {
        assert_eq!(
            found("パスワードは Sakura2024$ です（以前お伝えした Th#yH0%-o1Su6!*1 は旧パスワードです）。\n"),
            ["Sakura2024$", "Th#yH0%-o1Su6!*1"]
        );
        assert_eq!(
            found("『OsklEo4ssbeeM11』というパスワードでデプロイしました。\n"),
            ["OsklEo4ssbeeM11"]
        );
        assert_eq!(
            found("【Kx9#mPq2Lz】という初期パスワードです。\n"),
            ["Kx9#mPq2Lz"]
        );
        assert_eq!(
            found("シリアル コンソールで「Harbor*akd2389」と入力しましたが、入れませんでした。\nパスワードの入力ミスでしょうか。\n"),
            ["Harbor*akd2389"]
        );
        assert!(found("sqladmin は管理者パスワードでログインしています。\n").is_empty());
    }

    #[test]
    fn replies_to_a_question_about_a_secret_are_found() {
        let teams = "鈴木 14:02\n　DB のパスワードって何でしたっけ\n中村 14:03\n　「UF7293Nagoya*q」です！←古いほうでした\n中村 14:05\n　すみません、正しくは『RhotHeUanGD9A84』です\n鈴木 14:06\n　了解です、入れました\n";
        assert_eq!(found(teams), ["UF7293Nagoya*q", "RhotHeUanGD9A84"]);
        let mail = "> 現在お使いのアクセスキーを教えていただけますか。\n\nこちらです→ y9GimuIaVmGUJV7BRHuSwcAItbT/ZrGbPrs6F53BOGQQQ55TT4y4YTn1XM7lsa3pdBpPNoq3MMx7ZW4xkUpa9Q==\n";
        assert_eq!(found(mail).len(), 1);
        let slack = "tanaka 10:02 AM\nwhat's the password for the jump box?\nsato 10:03 AM\n\"Kestrel?ysn4654\" (capital K)\n";
        assert_eq!(found(slack), ["Kestrel?ysn4654"]);
        let no_answer = "鈴木 14:02\nパスワードって何でしたっけ\n中村 14:03\nKey Vault の kv-app-prd に入ってます\n";
        assert!(found(no_answer).is_empty(), "{:?}", found(no_answer));
    }

    #[test]
    fn an_account_and_its_password_after_a_slash_are_found() {
        for (text, value) in [
            ("[10:42] 高橋: 検証用VMのローカル管理者、azureadmin / Osaka@20263 で入れるはずです\n", "Osaka@20263"),
            ("・ログイン: app_reader ／ Kumo&qwe8940\n", "Kumo&qwe8940"),
            ("管理者: opsadmin / Tz8#kq2Lm!\n", "Tz8#kq2Lm!"),
            ("Creds for the staging jump box are azureadmin / Qw3rty!Zx98 (I'll rotate them).\n", "Qw3rty!Zx98"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        assert!(found("ログインできません。管理者: 山田 / 情報システム部\n").is_empty());
    }

    #[test]
    fn prose_in_english_tells_values_in_several_shapes() {
        assert_eq!(
            found("the new pw is Qw3rty!Zx98, the old one was Osaka@20263, both fail\n"),
            ["Qw3rty!Zx98", "Osaka@20263"]
        );
        assert_eq!(
            found("The API key we were given is 0a1b2c3d4e5f60718293a4b5c6d7e8f9, region japaneast.\n").len(),
            1
        );
        assert_eq!(
            found("SendGrid API key → 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.\n").len(),
            1
        );
        assert_eq!(
            found(
                "環境変数 NPM_TOKEN に 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 を入れています。\n"
            )
            .len(),
            1
        );
        assert!(found("The password we were told is in the vault.\n").is_empty());
    }

    #[test]
    fn a_row_naming_a_secret_beside_its_version_is_no_value() {
        let table = "| Secret name | Version | Expires |\n|---|---|---|\n| sql-admin-pw | 0717969cbe0c75fb32bcb4931f2c27f6 | 2027-03-31 |\n| storage-key1 | 4a5759e75a6dead37174a5c34bab3d3f | — |\n";
        assert!(found(table).is_empty(), "{:?}", found(table));
        let values = "| Name | Value |\n|---|---|\n| sql-admin-password | Qw3rty!Zx98 |\n";
        assert_eq!(found(values), ["Qw3rty!Zx98"]);
    }

    #[test]
    fn values_in_any_bracket_or_before_their_word_are_found() {
        for (text, value) in [
            ("パスワードは（Tz8#kq2Lm!x）です\n", "Tz8#kq2Lm!x"),
            ("事前共有キーは<Tz8#kq2Lm!x>です\n", "Tz8#kq2Lm!x"),
            ("暗証番号は＜Kx9#mPq2Lz＞です\n", "Kx9#mPq2Lz"),
            ("認証情報：admin / Tz8#kq2Lm!x\n", "Tz8#kq2Lm!x"),
            ("Tz8#kq2Lm!x をパスワードとして使っています。\n", "Tz8#kq2Lm!x"),
            (
                "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA== をAPI キーとして使っています。\n",
                "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "Bicep の出力にシークレットが含まれるという警告（outputs-should-not-contain-secrets）が出ます。\n",
            "パスワードは<管理者パスワード>と書かれています。\n",
            "kv-app-01 をシークレットの保管先として使っています。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn english_prose_names_a_key_by_a_qualifier_or_a_password_by_a_pronoun() {
        let key = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==";
        for text in [
            format!("The access key (key1) is {key}\n"),
            format!("Primary key: {key}\n"),
            format!("storage key → {key}\n"),
        ] {
            assert_eq!(found(&text), [key], "{text}");
        }
        for (text, value) in [
            (
                "We changed it to Tz8#kq2Lm!x on Friday after the lockout.\n",
                "Tz8#kq2Lm!x",
            ),
            (
                "Locked out again.\nI reset it to Qx7mPa92Lk so you can log in.\n",
                "Qx7mPa92Lk",
            ),
            (
                "Login with admin / Tz8#kq2Lm!x works on the portal, not over RDP.\n",
                "Tz8#kq2Lm!x",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "We resized the VM and changed it to Standard_D4s_v5; login is slow.\n",
            "The TLS setting: we set it to TLS1_2 after the login failures.\n",
            "We changed it to Qx7mPa92Lk on Friday and the build passed.\n",
            "  Root Key:\t454949bed249ad293b788c812de115a9efc71f1aced046d14aeaa65f1f7b44d5\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_user_and_a_chosen_password_in_a_chat_line_are_found() {
        for (text, value) in [
            (
                "[10:42] 高橋: azureadmin / Osaka@20263 で入れるはずです\n",
                "Osaka@20263",
            ),
            (
                "山田 11:02\n検証機は labadmin / Harbor*akd2389 でRDPできます\n",
                "Harbor*akd2389",
            ),
            (
                "jump box login: opsuser / Tz8#kq2Lm!x (rotate after use)\n",
                "Tz8#kq2Lm!x",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "サイズは Standard_D4s_v5 / Standard_D8s_v5 で比較しました。ログインは問題なし。\n",
            "ユーザー一覧: taro / Hanako2024 / jiro\n",
            "Kubernetes 1.29 / Ubuntu22.04 でログイン確認済み\n",
            "Cookie 名と属性のみ記載します（ログイン前後）：httponly / ARRAffinity=5dc56884780a6b2d\n",
            "rg-prod / vnet-Hub01 の構成です。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn labels_examples_and_screens() {
        for (text, value) in [
            ("・PW　Tz8#kq2Lm!x\n", "Tz8#kq2Lm!x"),
            ("- password - Tz8#kq2Lm!x\n", "Tz8#kq2Lm!x"),
            (
                "「Tz8#kq2Lm!x」でログインしようとすると失敗します。\n",
                "Tz8#kq2Lm!x",
            ),
            ("Kx9#mPq2Lz でサインインできません。\n", "Kx9#mPq2Lz"),
            (
                "パスワードを再発行したところ「Qw3rty!Zx98」と表示されました。\n",
                "Qw3rty!Zx98",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "パスワード: P@ssw0rd のようなものではなく 16 文字以上にしています\n",
            "パスワードは「Passw0rd!」などの推測しやすいものは使えません。\n",
            "パスワードを入力すると「Error_1234」と表示されます\n",
            "「ContosoApp01」でログインしようとすると失敗します。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn english_keys_named_by_their_service_and_passwords_used_for_something() {
        let key = "BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRg==";
        for text in [
            format!("the SAS key is {key}\n"),
            format!("Event Hub key: {key}\n"),
            format!("the connection key we use is {key}\n"),
        ] {
            assert_eq!(found(&text), [key], "{text}");
        }
        for (text, value) in [
            ("Password (new): Tz8#kq2Lm!x\n", "Tz8#kq2Lm!x"),
            (
                "We are using Tz8#kq2Lm!x for the admin password.\n",
                "Tz8#kq2Lm!x",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "That is used for the admin password reset page (Contoso2024 theme).\n",
            "the hub key thumbprint is 3B9F0C41D27A8E6B50F19C2D7E8A4B63C05D1E92\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn replies_with_a_copula_or_a_note_are_found() {
        for (text, value) in [
            (
                "田中 10:01\nVM のパスワード教えてください\n佐藤 10:02\nTz8#kq2Lm!x です\n",
                "Tz8#kq2Lm!x",
            ),
            (
                "[10:01] Ken: what's the admin password again?\n[10:02] Mia: it's Tz8#kq2Lm!x\n",
                "Tz8#kq2Lm!x",
            ),
            (
                "田中: パスワード何でしたっけ？\n佐藤: Ab:cd1234!x\n",
                "Ab:cd1234!x",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "田中 10:01\nパスワード何でしたっけ？\n佐藤 10:02\nKey Vault に入ってます\n",
            "田中 10:01\nパスワード何でしたっけ？\n佐藤 10:02\nいつものです\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_sheet_pasted_with_tabs_marks_its_password_column() {
        let sheet =
            "ユーザー名\tパスワード\t備考\nadmin\tTz8#kq2Lm!x\t初期値\nguest\tQw3rty!Zx98\t\n";
        assert_eq!(found(sheet), ["Tz8#kq2Lm!x", "Qw3rty!Zx98"]);
        let english = "User name\tPassword\tNote\nadmin\tTz8#kq2Lm!x\tfirst\n";
        assert_eq!(found(english), ["Tz8#kq2Lm!x"]);
        let masked = "name\tpassword\tnote\nx\t********\tmasked\ny\t<secret>\t\n";
        assert!(found(masked).is_empty(), "{:?}", found(masked));
    }

    #[test]
    fn a_copula_after_a_value_asks_for_a_made_one() {
        for (text, value) in [
            (
                "パスワードについてですが、Tz8#kq2Lm!x です。\n",
                "Tz8#kq2Lm!x",
            ),
            (
                "I've set the password as Tz8#kq2Lm!x for now.\n",
                "Tz8#kq2Lm!x",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "パスワード変更後のエラーコードは AADSTS50126 です。\n",
            "パスワードを変えたのは Contoso2024 の件です。\n",
            "パスワードリセットの対象は vm-Web01 です。\n",
            "パスワード変更後も Windows10 です。\n",
            "The password is stored as plain text in the config.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_quoted_value_typed_into_the_password_field_is_found() {
        assert_eq!(
            found("He typed \"Tz8#kq2Lm!x\" into the password box.\n"),
            ["Tz8#kq2Lm!x"]
        );
        assert_eq!(
            found("I entered 'Qw3rty!Zx98' in the admin password field twice.\n"),
            ["Qw3rty!Zx98"]
        );
        assert!(found("Version 2.4.8 is shown in the password dialog.\n").is_empty());
        assert!(found("Error AADSTS50126 appears in the password prompt.\n").is_empty());
    }

    #[test]
    fn resource_names_and_addresses_beside_a_secret_word_are_no_value() {
        for text in [
            "トークンの audience に api://contoso-apim-prod-backend-2024 を設定しました。\n",
            "サブスクリプション キーは kv-apim-subscription-key-dev-01 で設定済みです。\n",
            "キーの保管先は apim-prd-01.vault.azure.net です。\n",
            "環境\tAPI キー\t説明\ndev\tkv-apim-dev-key-001\t開発\nprd\tkv-apim-prd-key-001\t本番\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(
            found("パスワードは orbit-canyon-pickle-88 で設定済みです。\n"),
            ["orbit-canyon-pickle-88"]
        );
    }

    #[test]
    fn environment_variable_names_told_beside_a_secret_are_no_value() {
        for text in [
            "シークレットは環境変数 JWT_SECRET_KEY_V2 に設定しています。\n",
            "APIM_SUBSCRIPTION_TOKEN に APIM_NAMED_VALUE_TOKEN_PRD_0001 を対応させています。\n",
            "the token is APIM_NAMED_VALUE_TOKEN_PRD_0001 in the pipeline\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(
            found("JWT_SECRET=Qk7vN2pLx9wRt4ZmTy8sQk7v\n"),
            ["Qk7vN2pLx9wRt4ZmTy8sQk7v"]
        );
    }

    #[test]
    fn a_password_named_by_a_pronoun_or_the_new_one_is_found() {
        for (text, value) in [
            ("I reset the local admin on vm-web02, it's Rb7!kQ2mXz now. Please don't change it.\n", "Rb7!kQ2mXz"),
            ("We rotated the svc-etl login last night; it is now Kx9#mPq2Lw and the job still fails.\n", "Kx9#mPq2Lw"),
            ("ok so the new one is Ily6PBJ768WUq31, same user as before\n", "Ily6PBJ768WUq31"),
            ("sqladmin のパスワードをリセットしました, it's Hk4$wQ9zLm now\n", "Hk4$wQ9zLm"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "I updated the app, it's Version2.4.1 now and the user sees an error.\n",
            "I reset the cache, it's Standard_D4s_v3 now for the user pool.\n",
            "ok so the new one is in the vault now, same user (`svc-etl`).\n",
            "The current one is AppGw01Prod for the admin portal.\n",
            "It's Monday2 now, I reset nothing.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_key_named_then_told_by_a_pronoun_is_found() {
        for (text, value) in [
            ("2. Regenerated key1 on stfin01 and updated the setting. The new one is Xk3mQ9vL2pR8sT5wY7zA1bC4dE6fG0hJ+nM/oP== and it still fails.\n", "Xk3mQ9vL2pR8sT5wY7zA1bC4dE6fG0hJ+nM/oP=="),
            ("I copied the primary access key from the portal. It's Zq8wE3rT6yU1iO4pA7sD0fG2hJ5kL9xC and the app still gets 403.\n", "Zq8wE3rT6yU1iO4pA7sD0fG2hJ5kL9xC"),
            ("We rotated the client secret this morning, it's now 8Qm7Q~aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV\n", "8Qm7Q~aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV"),
            ("Switched the sender to the secondary key - it's Lp2Kw9Xr4Tz7Vb1Nc6Mq3Hs8Jd5Fg0Ay and it is still 401.\n", "Lp2Kw9Xr4Tz7Vb1Nc6Mq3Hs8Jd5Fg0Ay"),
            ("We have a hex API key for the SIEM connector (it's 32 chars, 9b1f80032804a18054d688d15f0da660) that we pasted.\n", "9b1f80032804a18054d688d15f0da660"),
            ("I regenerated the function key, it's 56 characters: Qw3eR5tY7uI9oP1aS3dF5gH7jK9lZ1xC3vB5nM7qW9eR1tY3uI5oP7a\n", "Qw3eR5tY7uI9oP1aS3dF5gH7jK9lZ1xC3vB5nM7qW9eR1tY3uI5oP7a"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "We regenerated the key in the vault. The new one is 3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f (its ID).\n",
            "I created a new storage account for the keys. The new one is stfinancearchive2026prod01.\n",
            "The key vault was recreated, it's kv-finance-prod-weu-0001 now.\n",
            "Rotated the secret. It's in the vault now, the name is sql-admin-password-2026.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_value_after_a_lead_in_ending_in_a_colon_is_found() {
        for (text, value) in [
            ("our consultant asked me to send you the Azure OpenAI key so you can test. Here it is: 4f1c9a7e2b8d3c6a5e0f9b1d7c2a8e3f\n", "4f1c9a7e2b8d3c6a5e0f9b1d7c2a8e3f"),
            ("The admin password for sqlmi-core-prod was reset by our DBA at 14:02. The new one: Tr4!nWq9#Lp2. Since then it fails.\n", "Tr4!nWq9#Lp2"),
            ("the PAT for the release pipeline expired, I made a new one. Here you go:\nq7w3e9r1t5y8u2i6o4p0a3s7d1f5g9h2j6k4l8z0x3c7v1b5\n", "q7w3e9r1t5y8u2i6o4p0a3s7d1f5g9h2j6k4l8z0x3c7v1b5"),
            ("Sorry, wrong key in my last mail. The correct one: Zq8wE3rT6yU1iO4pA7sD0fG2hJ5kL9xC\n", "Zq8wE3rT6yU1iO4pA7sD0fG2hJ5kL9xC"),
            ("I moved the storage account key (key2) to the secondary (it's Lp2Kw9Xr4Tz7Vb1Nc6Mq3Hs8Jd5Fg0Ay, see below)\n", "Lp2Kw9Xr4Tz7Vb1Nc6Mq3Hs8Jd5Fg0Ay"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "You asked where the key is kept. Here it is: https://kv-fin.vault.azure.net/secrets/app-key\n",
            "The secret was rotated. The new one: see Key Vault kv-fin-prod (secret sql-admin).\n",
            "Here you go: the steps to rotate the key are in the wiki.\n",
            "We created a second app registration for the secret rotation. The new one: 3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn words_of_a_password_spelled_out_after_it_are_found() {
        for (text, value) in [
            ("the guest Wi-Fi is \"Events\" and the password is tulip-garage-52 (all lowercase, with the dashes).\n", "tulip-garage-52"),
            ("The kiosk password is river-stone-88, no spaces and lower case.\n", "river-stone-88"),
            ("Password is blue-harbor-7 (with hyphens)\n", "blue-harbor-7"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "The password is in kv-fin-prod-01 now.\n",
            "The secret is app-sql-password-2026 in the vault (its name is lower case).\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_password_asked_about_by_someone_locked_out_is_found() {
        for (text, value) in [
            ("Sorry, I'm confused now - is it not Osaka2024! anymore? That's what I have in my notes and it's not letting me in.\n", "Osaka2024!"),
            ("Quick one: is it still Winter#2025 for the kiosk? It says the password is wrong.\n", "Winter#2025"),
            ("isn't it Harbor@88 now? I can't log in to the NAS since Monday.\n", "Harbor@88"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "Is it still Standard_D4s_v3 after the resize? The login page is slow.\n",
            "Was it not v2.4.1 that broke the sign in page?\n",
            "It still fails, is it not Monday's change? I can't log in.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn the_old_value_told_after_the_new_one_is_found() {
        for (text, values) in [
            ("Password changed to Qw3rty!Zx98 (old one was Tokyo@20260). Both fail.\n", vec!["Qw3rty!Zx98", "Tokyo@20260"]),
            ("VPN の事前共有キーを昨日「Abc123Def456Ghi789」に変更しました（変更前は Zyx987Wvu654Tsr321）。\n", vec!["Abc123Def456Ghi789", "Zyx987Wvu654Tsr321"]),
            ("管理者パスワードを「Kx9#mPq2Lw」に変更しました。旧パスワードは「Tokyo@2025」です。\n", vec!["Kx9#mPq2Lw", "Tokyo@2025"]),
        ] {
            assert_eq!(found(text), values, "{text}");
        }
        let text = "パスワードを「Kx9#mPq2Lw」に変更しました（変更前は 12 文字でした）。\n";
        assert_eq!(found(text), ["Kx9#mPq2Lw"]);
    }

    #[test]
    fn a_password_manager_named_where_the_value_goes_is_no_value() {
        for text in [
            "・踏み台のパスワード → 1Password の「基盤チーム」保管庫を参照\n",
            "The password: 1Password, vault \"Ops\".\n",
            "パスワード：KeePass のファイルを参照してください\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_value_told_by_a_japanese_sentence_shape_is_found() {
        let sig = "WwcikLYVhCAQlROr6sCC2lrBbhxsSolYRNo0ZCPbx6U=";
        let hex = "f2e810a4aaa0cffb922d4026951c6161";
        for (text, value) in [
            (format!("SAS を発行しました。sig は「{sig}」、有効期限は明日までです。\n"), sig),
            (format!("The sig is {sig} and it expires tomorrow.\n"), sig),
            ("ヘルプデスクから一時アクセス パス Xk8mQ2pLz9aB を発行してもらいました。\n".to_string(), "Xk8mQ2pLz9aB"),
            ("パスワードの件、**mh-Harbor1364** に戻したところ、ログインできました。\n".to_string(), "mh-Harbor1364"),
            ("管理者パスワードは元の Kx9#mPq2Lw へ戻しました。\n".to_string(), "Kx9#mPq2Lw"),
            (format!("取得した値は「{hex}」でした。API キーとして api-key ヘッダーに設定しています。\n"), hex),
            (format!("控えていた値は {hex} です。これをトークンとして送っています。\n"), hex),
        ] {
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            "sig は 2 か所に出てきます。\n".to_string(),
            "sig は「<削除済み>」です。\n".to_string(),
            "パスワードの件、元に戻しました。\n".to_string(),
            "アクセスパスは /api/v1/items です。\n".to_string(),
            format!("取得した値は「{hex}」でした。これは etag なので、API キーとは異なるという理解でよいですか。\n"),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn signing_in_with_a_value_and_a_remark_pointing_at_it_are_found() {
        for (text, value) in [
            (
                "Try logging in with Hk4$wQ9zLm, that should work.\n",
                "Hk4$wQ9zLm",
            ),
            (
                "Sign in with svc-deploy and Hk4wQ9zLm2 please.\n",
                "Hk4wQ9zLm2",
            ),
            (
                "I logged in with admin / Qp7vX2mRt9 on the jump box.\n",
                "Qp7vX2mRt9",
            ),
            (
                "| 管理者 | admin | Rb7!kQ2mXz | ← パスワード |\n",
                "Rb7!kQ2mXz",
            ),
            ("Hk4$wQ9zLm   ←管理者パスワード\n", "Hk4$wQ9zLm"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "I logged in with ContosoAdmin01 and got an error.\n",
            "Sign in with your work account and then open the portal.\n",
            "| kintai | 3f2a9c1e-1111-2222-3333-444455556666 | ← パスワードではありません |\n",
            "| ポート | 5432 | ← パスワードの行ではない |\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn pasu_alone_as_a_label_names_a_password_not_a_path() {
        for (text, value) in [
            ("ユーザー: app_user\nパス: Hk4$wQ9zLm\n", "Hk4$wQ9zLm"),
            ("・ID：admin　・パス：Qp7vX2mRt9\n", "Qp7vX2mRt9"),
            (
                "| ID | パス |\n|---|---|\n| admin | Zx8!kLm3Qw |\n",
                "Zx8!kLm3Qw",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "ファイルパス: /var/log/app.log\n",
            "パス: C:\\Program Files\\App\n",
            "インストール先のパス：D:\\apps\n",
            "パス: ./bin/run.sh\n",
            "パス: api/v1\n",
            "パス=$APP_PASS\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn keigo_sentence_shapes_tell_a_value() {
        let key = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA";
        for (text, value) in [
            (
                "パスワードにつきましては「Hk4$wQ9zLm」となっております。\n".to_string(),
                "Hk4$wQ9zLm",
            ),
            (
                format!("アクセスキーにつきましては、{key} をご利用ください。\n"),
                key,
            ),
            (
                "下記パスワードにてログインをお試しください。\nHk4$wQ9zLm\n".to_string(),
                "Hk4$wQ9zLm",
            ),
            (
                "先ほどお伝えしたパスワードに誤りがありました。正しくは Hk4$wQ9zLm です。\n"
                    .to_string(),
                "Hk4$wQ9zLm",
            ),
            (
                "管理者パスワードについては Qp7vX2mRt9! をお使いください。\n".to_string(),
                "Qp7vX2mRt9!",
            ),
        ] {
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            "パスワードにつきましては、別途お電話でお伝えいたします。\n",
            "アクセスキーにつきましては、Azure ポータルの画面をご利用ください。\n",
            "下記パスワードポリシーをご確認ください。\nMinimumLength=14\n",
            "パスワードに誤りがありました。正しくは Windows Server 2022 です。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_bare_value_whose_secret_is_named_after_it_is_found() {
        for (text, value) in [
            ("値は 3767dad62aaed68b7540a28a8e7e9379 です。（Translator のキー1 をコピーしたもの）\n", "3767dad62aaed68b7540a28a8e7e9379"),
            ("取得した値は 5f2e9c1a7b3d4e6f8a0b1c2d3e4f5a6b でした。これを x-api-key ヘッダーに入れていますが 401 です。\n", "5f2e9c1a7b3d4e6f8a0b1c2d3e4f5a6b"),
            ("値は Qm7Lx2Vn9Kp4Rt8Wz3Yb6Hc1Jd5Fg0SeA4uI7oP2= です、と SAS の sig 部分を共有されました。\n", "Qm7Lx2Vn9Kp4Rt8Wz3Yb6Hc1Jd5Fg0SeA4uI7oP2="),
            ("値は 9Zq2LmT4vXk8Rb3NwY6pHc1D です（Speech サービスの Key 2 からコピー）。\n", "9Zq2LmT4vXk8Rb3NwY6pHc1D"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "値は 5f2e9c1a7b3d4e6f8a0b1c2d3e4f5a6b です。Key Vault のシークレットのバージョンです。\n",
            "値は 0f8fad5b-d9cb-469f-a165-70867728950e です（シークレット ID）。\n",
            "値は 5f2e9c1a7b3d4e6f8a0b1c2d3e4f5a6b です。アクセスキーとは異なります。\n",
            "値は 5f2e9c1a7b3d4e6f8a0b1c2d3e4f5a6b です。キーの有効期限は 2027/03/31 です。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn an_old_value_before_an_arrow_to_the_new_one_is_found() {
        for (text, values) in [
            ("昨日の作業で、管理者パスワードを (旧) Summer2019 → (新) Azure@xxk2186 に変更しています。\n", ["Summer2019", "Azure@xxk2186"]),
            ("sa のパスワードを「Kobe2023!」→「Kobe2024#」に変えました。\n", ["Kobe2023!", "Kobe2024#"]),
            ("パスワード変更：Winter2023! ⇒ Spring#2024x\n", ["Winter2023!", "Spring#2024x"]),
        ] {
            assert_eq!(found(text), values, "{text}");
        }
        // A setting's numbers around an arrow are no passwords.
        for text in [
            "パスワードの有効期限を 90 → 180 日に変更しました。\n",
            "パスワードの最小文字数：8 → 14\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_value_said_to_be_unchanged_is_found() {
        for (text, value) in [
            (
                "パスワードは、先ほどお伝えした Hn7#kLq2Wm のままです。\n",
                "Hn7#kLq2Wm",
            ),
            (
                "管理者パスワードは初期値の Tokyo2024! から変えていません。\n",
                "Tokyo2024!",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        let text = "パスワードは初期設定のままです。\n";
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }

    #[test]
    fn a_value_as_the_subject_or_what_a_key_became_is_found() {
        for (text, value) in [
            ("田中さんから「Hn7#kLq2Wm」がパスワードだと聞いています。\n", "Hn7#kLq2Wm"),
            ("Tokyo#2031x がパスワードです。\n", "Tokyo#2031x"),
            ("アクセスキーを再生成して Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3abcdefghij== になりました。\n", "Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3Zr4Tq8Lm2Vx6Nc9Pb3Wk7Hy1Jd5Fs0Qa8Ue3abcdefghij=="),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "admin がパスワードを忘れました。\n",
            "ユーザー svc-batch がパスワードの期限切れでロックされました。\n",
            "パスワードを変更して 3 日になりました。\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_password_told_by_a_verb_after_a_sentence_naming_it_is_found() {
        for (text, value) in [
            (
                "The backup account was locked again. I've reset it to Wint3r!Fjord88\n",
                "Wint3r!Fjord88",
            ),
            (
                "About the vault key: changed it to Hq83LmZx02Pw yesterday.\n",
                "Hq83LmZx02Pw",
            ),
            (
                "svc-backup password expired. Sign in as svc-backup with Lm4#xPq92vRt now.\n",
                "Lm4#xPq92vRt",
            ),
            (
                "Logged in as CONTOSO\\svc-sql with Tr0ub4dor&3x successfully\n",
                "Tr0ub4dor&3x",
            ),
            (
                "You can log in using admin and Qz7!mW3pLx9 for now.\n",
                "Qz7!mW3pLx9",
            ),
            (
                "Sorry, wrong passphrase earlier. It's Blue7Harbor!Moon (capital B)\n",
                "Blue7Harbor!Moon",
            ),
            (
                "Got the DB creds wrong before, sorry.\nOK it's Kf83!qLzm20x\n",
                "Kf83!qLzm20x",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "The account was migrated. I've set it to Standard_D4s_v5\n",
            "Logged in as admin using SSO yesterday.\n",
            "Signed in as user01 with MFA01 enabled\n",
            "The key vault was recreated. It's kv-prod-2024 now.\n",
            "Password policy changed. It's 90days now.\n",
            "Password reset done. It's <new password> now.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_value_after_a_sentence_announcing_it_is_found() {
        for (text, value) in [
            (
                "接続キーを貼ります。r8Tq2LmZ9xVb3NcP7wKd5YhG1sJf4QaE\n",
                "r8Tq2LmZ9xVb3NcP7wKd5YhG1sJf4QaE",
            ),
            ("以下がパスワードです。\nHk39!mzQ2xLp\n", "Hk39!mzQ2xLp"),
            (
                "こちらが新しいパスワードです。\n\nHk39!mzQ2xLp\n",
                "Hk39!mzQ2xLp",
            ),
            ("パスワードを共有します：Hk39!mzQ2xLp\n", "Hk39!mzQ2xLp"),
            ("ぱすわーど: Hk39!mzQ2xLp\n", "Hk39!mzQ2xLp"),
            ("仮パス：Hk39!mzQ2xLp\n", "Hk39!mzQ2xLp"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "接続キーを貼ります。\nvnet-hub-to-onprem-cn\n",
            "以下がパスワードです。\n<パスワード>\n",
            "以下がパスワードです。\n********\n",
            "パスワードです。よろしくお願いします\n",
            "仮パス：/tmp/work\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
