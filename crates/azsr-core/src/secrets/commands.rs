//! Layer 3: command-line knowledge. Long flags (`--admin-password x`, `-Password x`) are
//! keys to [`super::keyvalue`]; here are the short flags whose meaning depends on the
//! command (`mysql -pX`, `sqlcmd -P`, `redis-cli -a`, `curl -u user:pass`, `az login -p`,
//! `docker login -p`), `ConvertTo-SecureString '…' -AsPlainText`, and
//! `az keyvault secret set --value`.

use std::ops::Range;

use super::bytes::{at, line_end, line_start};
use super::keyvalue::read_value;
use super::value::{classify, is_placeholder, looks_like_password, looks_random};
use super::{Finding, Kind};

/// The command word of the shell segment holding byte `i`, lowercased, and the segment.
pub(crate) fn command_at(text: &str, i: usize) -> (String, &str) {
    let ls = line_start(text, i);
    let le = line_end(text, i);
    let line = &text[ls..le];
    // A line of flags continuing the command above (`\`, PowerShell's `` ` ``, cmd's `^`
    // at the end of each line): the command is the first line's.
    if ls > 0 && line.trim_start().starts_with('-') {
        let above = line_start(text, ls - 1);
        if text[above..ls - 1].trim_end().ends_with(['\\', '`', '^']) {
            return command_at(text, above);
        }
    }
    let rel = i - ls;
    let seg_start = line[..rel]
        .rfind(['|', ';', '&', '(', '`'])
        .map_or(0, |p| p + 1);
    let seg = &line[seg_start..];
    // A CI log's timestamp and markers (`2025-02-03T04:11:53.1024410Z [command]/usr/bin/az`).
    let prefix = if seg_start == 0 { log_prefix(seg) } else { 0 };
    let rest = &seg[prefix..];
    // Azure Pipelines on Windows quotes the tool's path: `[command]"C:\Program Files\…\az.cmd" …`.
    if prefix > 0 && rest.starts_with('"') {
        if let Some(close) = rest[1..].find('"') {
            let path = rest[1..=close].to_ascii_lowercase();
            return (tool_name(&path).to_string(), seg);
        }
    }
    let mut words = rest.split_whitespace().peekable();
    // A prompt that ends in a mark after the directory (starship's and fish's
    // `~/infra/envs/prod ❯ `, `api on main ❯ `): the words before the mark.
    if seg_start == 0 {
        if let Some(p) = prompt_mark(seg) {
            words.nth(p);
        }
    }
    let mut cmd = String::new();
    let mut first = line[..seg_start].trim() == "(" || seg_start == 0;
    let mut skip_dir = false;
    for w in words.by_ref() {
        let lw = w.to_ascii_lowercase();
        // Prompt decorations: a virtual environment (`(base)`, `(.venv)`), a Git branch
        // (`git:(main)`, `(main)`), zsh's and fish's marks and directory (`➜  infra`,
        // `❯`, `✗`, `tanaka@mac ~ %`), the user and host that start a prompt.
        let user_host = first && lw.contains('@') && !lw.starts_with('-');
        let decoration = lw.ends_with(')') && !lw.contains("$(")
            || matches!(lw.as_str(), "➜" | "❯" | "λ" | "✗" | "%" | "~" | "»" | "→")
            || user_host
            || std::mem::take(&mut skip_dir);
        if decoration {
            // The directory after `➜` and after zsh's `user@host`.
            skip_dir = lw == "➜" || user_host && !lw.ends_with(['$', '#', '>', ']']);
            continue;
        }
        first = false;
        if matches!(
            lw.as_str(),
            "$" | "#" | ">" | "-" | "*" | "+" | "++" | "sudo" | "exec" | "time" | "!"
        ) || lw.ends_with('>')
            || lw.ends_with('$')
            || lw.ends_with('#')
            || lw.ends_with('.') && lw[..lw.len() - 1].chars().all(|c| c.is_ascii_digit())
            || lw.contains('=') && !lw.starts_with('-')
            || lw.starts_with('[') && lw.contains('@')
            || lw == "ps"
        {
            continue;
        }
        // A Windows prompt glued to the command: `C:\Users\me>az …`.
        let lw = match lw.split_once('>') {
            Some((prompt, rest)) if prompt.as_bytes().get(1) == Some(&b':') && !rest.is_empty() => {
                rest.to_string()
            }
            _ => lw,
        };
        cmd = tool_name(&lw).to_string();
        break;
    }
    (cmd, seg)
}

/// A tool's name from its path as typed: `C:\…\az.cmd` and `/usr/bin/az` are `az`.
pub(crate) fn tool_name(path: &str) -> &str {
    let base = path.rsplit(['/', '\\']).next().unwrap_or(path);
    base.trim_end_matches(".exe").trim_end_matches(".cmd")
}

/// The length of the prefix a CI system or a logger writes before a line: its timestamp
/// (`2025-02-03T04:11:53.1024410Z `, `[2025-02-03 04:11:53] `, `2025/02/03 4:11:53 `)
/// and its markers (Azure Pipelines' `[command]`, GitHub Actions' `##[group]Run `), so
/// that a command and its output read as in a terminal. 0 when there is none.
pub(crate) fn log_prefix(line: &str) -> usize {
    let b = line.as_bytes();
    let mut i = 0;
    let open = b.first() == Some(&b'[');
    if open {
        i = 1;
    }
    // At most a date and a time, each a word.
    let mut stamps = 0;
    while stamps < 2 {
        let len = b[i..]
            .iter()
            .position(|&c| matches!(c, b' ' | b'\t' | b']'))
            .unwrap_or(b.len() - i);
        if !is_timestamp_word(&line[i..i + len]) {
            break;
        }
        stamps += 1;
        i += len;
        if open && b.get(i) == Some(&b']') {
            i += 1;
            break;
        }
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
    }
    if stamps == 0 || open && b.get(i - 1) != Some(&b']') {
        i = 0;
    } else {
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
    }
    let rest = &line[i..];
    for marker in ["[command]", "##[group]Run ", "##[command]"] {
        if rest.starts_with(marker) {
            return i + marker.len();
        }
    }
    i
}

/// A date or a time as loggers write them: `2025-02-03T04:11:53.1024410Z`, `2025/02/03`,
/// `04:11:53,123`, `4:11:53`.
fn is_timestamp_word(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 5 || !b[0].is_ascii_digit() {
        return false;
    }
    let date = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/')
        && b[7] == b[4];
    let time = b.iter().take(3).any(|&c| c == b':');
    (date || time)
        && b.iter().all(|&c| {
            c.is_ascii_digit() || matches!(c, b'-' | b'/' | b':' | b'.' | b',' | b'T' | b'Z' | b'+')
        })
}

/// Where a prompt's closing mark (`❯`, `➜`, `λ`) stands among the first words of
/// `line`, after a directory or a branch (never first: `➜  infra` starts with it).
pub(crate) fn prompt_mark(line: &str) -> Option<usize> {
    line.split_whitespace()
        .take(5)
        .position(|w| matches!(w, "❯" | "➜" | "λ"))
        .filter(|&p| p > 0)
}

/// `-p`, `-P`, `-a`, `-u`, `--user` after a space.
pub(crate) fn short_flag(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let flag = &text[hit.start + 1..hit.end];
    let next = at(text, hit.end);
    let attached = !(next == b' ' || next == b'=' || next == b'\t');
    if flag != "--user" && attached && !next.is_ascii_graphic() {
        return;
    }
    let (cmd, seg) = command_at(text, hit.start + 1);
    let seg_lower = seg.to_ascii_lowercase();
    let kind = Kind::Password;
    // PuTTY's `plink -pw PASSWORD`, `pscp -pw …`.
    if flag == "-p"
        && matches!(cmd.as_str(), "plink" | "pscp" | "psftp" | "putty")
        && text[hit.end..].starts_with("w ")
    {
        if let Some(v) = read_value(text, hit.end + 2, false) {
            if v.range.len() >= 3 && !is_placeholder(&text[v.range.clone()]) {
                out.push(Finding {
                    range: v.range,
                    kind,
                });
            }
        }
        return;
    }
    let value_start = if attached { hit.end } else { hit.end + 1 };
    let ok = match flag {
        "-p" => match cmd.as_str() {
            "mysql" | "mysqldump" | "mariadb" | "mysqladmin" | "mysqlimport" | "mysqlsh" => {
                attached
            }
            // `az deployment … -p k=v` is `--parameters`.
            // `-p` is a password only for some az commands (`az webapp create -p` is the
            // plan, `az deployment … -p` the parameters).
            "az" => {
                !attached
                    && [
                        " login",
                        " sql ",
                        " mysql ",
                        " postgres ",
                        " mariadb ",
                        "deployment user",
                        " user update",
                        " user set",
                    ]
                    .iter()
                    .any(|w| seg_lower.contains(w))
            }
            "docker" | "podman" | "nerdctl" | "helm" | "oras" | "buildah" | "skopeo" => {
                !attached && seg_lower.contains("login")
            }
            "mongo" | "mongosh" | "mongodump" | "mongorestore" | "mongoexport" | "mongoimport"
            | "sshpass" | "psexec" | "psexec64" | "paexec" | "pscp" | "plink" | "rabbitmqadmin"
            // `certutil -p "…" -importpfx site.pfx`: the PFX file's password.
            | "certutil" => !attached,
            _ => false,
        },
        "-P" => matches!(cmd.as_str(), "sqlcmd" | "bcp" | "osql" | "isql"),
        // `smbclient //srv/share -U user%password`.
        "-U" => {
            if !matches!(
                cmd.as_str(),
                "smbclient" | "rpcclient" | "smbcacls" | "smbget"
            ) {
                return;
            }
            password_after(text, value_start, '%', out);
            return;
        }
        "-a" => cmd == "redis-cli" && !attached,
        "-u" | "--user" => {
            if !matches!(cmd.as_str(), "curl" | "http" | "https" | "xh") || attached && flag == "-u"
            {
                return;
            }
            password_after(text, value_start, ':', out);
            return;
        }
        _ => false,
    };
    if !ok {
        return;
    }
    let Some(v) = read_value(text, value_start, false) else {
        return;
    };
    let s = &text[v.range.clone()];
    if s.len() < 3 || is_placeholder(s) || (!attached && s.starts_with('-')) {
        return;
    }
    // `az … -p 8080`, `docker -p 80:80`: ports, not passwords.
    if s.bytes().all(|c| c.is_ascii_digit() || c == b':') && s.len() < 6 {
        return;
    }
    out.push(Finding {
        range: v.range,
        kind,
    });
}

/// The passphrase a tool takes on its command line to protect a key or an archive:
/// `ssh-keygen -N 'new' -P 'old'`, `zip -P pw`, `unzip -P pw`, `7z a -pPW`.
pub(crate) fn passphrase_flag(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let (cmd, seg) = command_at(text, hit.start);
    // Flags followed by their value, and a flag the value is glued to.
    let (spaced, glued): (&[&str], Option<&str>) = match cmd.as_str() {
        "ssh-keygen" => (&["-N", "-P"], None),
        "zip" | "unzip" | "zipcloak" => (&["-P", "--password"], None),
        "7z" | "7za" | "7zz" | "7zr" => (&[], Some("-p")),
        _ => return,
    };
    let seg_start = seg.as_ptr() as usize - text.as_ptr() as usize;
    let mut words = seg.split_whitespace();
    while let Some(w) = words.next() {
        let w_start = seg_start + (w.as_ptr() as usize - seg.as_ptr() as usize);
        let value_start = if spaced.contains(&w) {
            w_start + w.len()
        } else if glued.is_some_and(|g| w.len() > g.len() && w.starts_with(g)) {
            w_start + 2
        } else {
            continue;
        };
        let Some(v) = read_value(text, value_start, false) else {
            continue;
        };
        let s = &text[v.range.clone()];
        if s.len() >= 4 && !s.starts_with(['$', '%', '-']) && !is_placeholder(s) {
            out.push(Finding {
                range: v.range,
                kind: Kind::Password,
            });
        }
        if spaced.contains(&w) {
            words.next();
        }
    }
}

/// `kubectl create secret generic app --from-literal=value=…`: what goes into a Secret
/// is secret whatever its key is called, but for the names of what it opens (`username`,
/// `host`, `url`, …). `hit` ends after `--from-literal=`.
pub(crate) fn secret_literal(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let le = line_end(text, hit.end);
    let arg = &text[hit.end..le];
    let arg = arg.split_whitespace().next().unwrap_or("");
    let (quote, arg) = match arg.strip_prefix(['"', '\'']) {
        Some(a) => (1, a.trim_end_matches(['"', '\''])),
        None => (0, arg),
    };
    let Some((key, value)) = arg.split_once('=') else {
        return;
    };
    let k = key.to_ascii_lowercase();
    const NAMES: &[&str] = &[
        "user", "host", "server", "url", "uri", "endpoint", "port", "database", "db", "name", "id",
        "region", "tenant", "account", "domain", "email",
    ];
    let names_what = classify(&k).is_none() && NAMES.iter().any(|w| k.contains(w));
    if names_what
        || value.len() < 6
        || is_placeholder(value)
        || value.starts_with(['$', '<', '%'])
        || !(looks_like_password(value) || looks_random(value, 16))
    {
        return;
    }
    let start = hit.end + quote + key.len() + 1;
    out.push(Finding {
        range: start..start + value.len(),
        kind: Kind::Secret,
    });
}

/// A router's configuration naming a PPP or L2TP login (YAMAHA RTX): `pp auth myname
/// <id> <password>`, `pp auth username <id> <password>`, `l2tp tunnel auth on
/// <password>`: the password, the word after the words the anchor starts.
pub(crate) fn device_auth(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let ls = line_start(text, hit.start);
    let le = line_end(text, hit.start);
    let lead = text[ls..hit.start].trim();
    let line = &text[hit.start..le];
    let mut words = line.split_whitespace();
    // The password's place among the words from the anchor on.
    let place = match words.next() {
        Some("pp") if lead.is_empty() || lead.ends_with('#') => 4,
        Some("tunnel") if lead == "l2tp" => 3,
        _ => return,
    };
    let Some(w) = words.nth(place - 1) else {
        return;
    };
    if w.len() < 4 || is_placeholder(w) || w.starts_with(['$', '<', '*']) {
        return;
    }
    let start = hit.start + (w.as_ptr() as usize - line.as_ptr() as usize);
    out.push(Finding {
        range: start..start + w.len(),
        kind: Kind::Password,
    });
}

/// `ConvertTo-SecureString 'P@ss' -AsPlainText -Force` (also `-String '…'` and
/// `'…' | ConvertTo-SecureString -AsPlainText`).
pub(crate) fn convert_to_secure_string(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let ls = line_start(text, hit.start);
    let le = line_end(text, hit.start);
    if !text[ls..le].to_ascii_lowercase().contains("-asplaintext") {
        return;
    }
    let mut p = hit.end;
    while matches!(at(text, p), b' ' | b'\t') {
        p += 1;
    }
    if text[p..le].to_ascii_lowercase().starts_with("-string") {
        p += "-string".len();
        while matches!(at(text, p), b' ' | b'\t') {
            p += 1;
        }
    }
    // `$値 = '…'` ⏎ `ConvertTo-SecureString $値 -AsPlainText`: the literal the variable
    // was given a few lines up.
    if at(text, p) == b'$' {
        let e = text[p..le]
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ';' | '|'))
            .map_or(le, |i| p + i);
        if e > p + 1 {
            if let Some(r) = super::code::assigned_literal(text, &text[p..e], ls) {
                let s = &text[r.clone()];
                if s.len() >= 3 && !is_placeholder(s) {
                    out.push(Finding {
                        range: r,
                        kind: Kind::Password,
                    });
                }
            }
        }
        return;
    }
    let mut found = read_value(text, p, false).filter(|v| {
        let s = &text[v.range.clone()];
        !s.starts_with('-')
    });
    if found.is_none() {
        // A piped value: '…' | ConvertTo-SecureString
        let before = text[ls..hit.start].trim_end();
        if let Some(b) = before.strip_suffix('|') {
            let b = b.trim_end();
            if let Some(q) = b.chars().last().filter(|c| *c == '"' || *c == '\'') {
                let inner_end = ls + b.len() - 1;
                if let Some(open) = text[ls..inner_end].rfind(q) {
                    found = read_value(text, ls + open, false);
                }
            }
        }
    }
    let Some(v) = found else {
        return;
    };
    let s = &text[v.range.clone()];
    if s.len() >= 3 && !is_placeholder(s) {
        out.push(Finding {
            range: v.range,
            kind: Kind::Password,
        });
    }
}

/// Commands whose `--value` / `-Value` is a secret, and what it is.
const VALUE_FLAGS: &[(&str, &str, Kind)] = &[
    ("az", "keyvault secret set", Kind::Secret),
    ("az", "shared-key update", Kind::PreSharedKey),
    ("az", "shared-key set", Kind::PreSharedKey),
    (
        "set-azvirtualnetworkgatewayconnectionsharedkey",
        "",
        Kind::PreSharedKey,
    ),
];

/// `$p = @{ … Value = '…' }` ⏎ `Set-AzVirtualNetworkGatewayConnectionSharedKey @p`: a
/// hashtable's `Value` (its key at `ks`) splatted into a command whose `-Value` is a
/// secret ([`VALUE_FLAGS`]); what that secret is.
pub(crate) fn splatted_value(text: &str, ks: usize) -> Option<Kind> {
    // The hashtable's opening (`$p = @{`), a few lines up and not closed yet.
    let from = super::bytes::lines_up(text, ks, 20);
    let head = &text[from..ks];
    let open = head.rfind("@{")?;
    if head[open..].contains('}') {
        return None;
    }
    let decl = head[..open].trim_end().strip_suffix('=')?.trim_end();
    let name = decl
        .rsplit(|c: char| c.is_whitespace() || c == '>')
        .next()?
        .strip_prefix('$')?;
    if name.is_empty() || !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
        return None;
    }
    // The command it is splatted into (`@p`), a few lines down.
    let to = super::bytes::ceil(text, (ks + 2048).min(text.len()));
    let rest = &text[ks..to];
    let splat = format!("@{name}");
    let (i, _) = rest.match_indices(&splat).find(|(i, _)| {
        !rest[i + splat.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
    })?;
    let (cmd, seg) = command_at(text, ks + i);
    let seg = seg.to_ascii_lowercase();
    VALUE_FLAGS
        .iter()
        .find(|(c, words, _)| cmd == *c && seg.contains(words))
        .map(|&(_, _, kind)| kind)
}

/// `az keyvault secret set … --value X`, `az network vpn-connection shared-key update …
/// --value X`, `Set-AzVirtualNetworkGatewayConnectionSharedKey … -Value X`.
pub(crate) fn value_flag(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let (cmd, seg) = command_at(text, hit.start);
    let seg = seg.to_ascii_lowercase();
    let Some(&(_, _, kind)) = VALUE_FLAGS
        .iter()
        .find(|(c, words, _)| cmd == *c && seg.contains(words))
    else {
        return;
    };
    let next = at(text, hit.end);
    if !matches!(next, b' ' | b'=') || at(text, hit.start.wrapping_sub(1)).is_ascii_alphanumeric() {
        return;
    }
    let Some(v) = read_value(text, hit.end + 1, false) else {
        return;
    };
    let s = &text[v.range.clone()];
    // `-Value (Get-Content …)`, `-Value $psk.SecretValueText`: an expression or a
    // variable, unquoted, is a reference.
    if s.len() >= 3 && !is_placeholder(s) && (v.quoted || !s.starts_with(['(', '$'])) {
        out.push(Finding {
            range: v.range,
            kind,
        });
    }
}

/// How many lines below a command its output is looked for (a confirmation prompt
/// may come first).
const OUTPUT_LINES: usize = 12;

/// `Get-AzVirtualNetworkGatewayConnectionSharedKey -Name cn1 …` ⏎ `X`,
/// `Reset-…SharedKey … -KeyLength 32` ⏎ `X`, `Set-…SharedKey … -Value $psk` ⏎ `Confirm` ⏎
/// … ⏎ `X`: the cmdlets print the connection's pre-shared key alone on a line, after
/// the lines of a confirmation prompt, before the next prompt.
pub(crate) fn shared_key_printed(text: &str, cmdlet: Range<usize>, out: &mut Vec<Finding>) {
    let name = text[cmdlet.clone()].to_ascii_lowercase();
    if !["get-az", "reset-az", "set-az"]
        .iter()
        .any(|p| name.starts_with(p))
        || !name.ends_with("connectionsharedkey")
    {
        return;
    }
    let mut p = line_end(text, cmdlet.end);
    for _ in 0..OUTPUT_LINES {
        if p >= text.len() {
            return;
        }
        let ls = p + 1;
        let le = line_end(text, ls);
        p = le;
        let line = &text[ls..le];
        let v = line.trim();
        if v.starts_with("PS ") || v.starts_with("PS>") {
            return;
        }
        // Blank lines and the prompt's sentences (`Confirm`, `この操作を実行しますか?`,
        // `[Y] Yes  [N] No …`).
        if v.is_empty()
            || !v.is_ascii()
            || v.contains(char::is_whitespace)
            || v.eq_ignore_ascii_case("confirm")
        {
            continue;
        }
        let start = ls + (line.len() - line.trim_start().len());
        if super::value::looks_random(v, 12) && !is_placeholder(v) {
            out.push(Finding {
                range: start..start + v.len(),
                kind: Kind::PreSharedKey,
            });
        }
        return;
    }
}

/// The password of a `user<sep>password` argument starting at `p` (`curl -u a:b`,
/// `smbclient -U a%b`).
fn password_after(text: &str, p: usize, sep: char, out: &mut Vec<Finding>) {
    let Some(v) = read_value(text, p, false) else {
        return;
    };
    let s = &text[v.range.clone()];
    if let Some(c) = s.find(sep) {
        let pw = &s[c + 1..];
        if pw.len() >= 3 && !is_placeholder(pw) {
            out.push(Finding {
                range: v.range.start + c + 1..v.range.end,
                kind: Kind::Password,
            });
        }
    }
}

/// `net use Z: \\server\share /user:NAME PASSWORD`.
pub(crate) fn net_use(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let (cmd, _) = command_at(text, hit.start);
    if cmd != "net" {
        return;
    }
    let le = line_end(text, hit.end);
    let mut p = hit.end;
    while p < le && !at(text, p).is_ascii_whitespace() {
        p += 1;
    }
    // The password is the word after the share, before `/user:` or after its name
    // (`net use Z: \\st1.file.core.windows.net\share KEY /user:localhost\st1`).
    let before = share_password(text, hit.start);
    let after = read_value(text, p, false)
        .map(|v| v.range)
        .filter(|v| v.start < le);
    for v in [before, after].into_iter().flatten() {
        let s = &text[v.clone()];
        if s.len() >= 3 && !is_placeholder(s) && !s.starts_with('/') && s != "*" {
            out.push(Finding {
                range: v,
                kind: Kind::Password,
            });
        }
    }
}

/// `net use [Z:] \\server\share PASSWORD /user:…`: the word after the share's path, on
/// the line before `at_flag`.
fn share_password(text: &str, at_flag: usize) -> Option<Range<usize>> {
    let ls = line_start(text, at_flag);
    let head = &text[ls..at_flag];
    let unc = head.find("\\\\")?;
    let path_end = head[unc..].find([' ', '\t']).map(|i| unc + i)?;
    let rest = &head[path_end..];
    let word = rest.trim();
    (!word.is_empty() && !word.contains([' ', '\t']) && !word.starts_with('/')).then(|| {
        let s = ls + path_end + (rest.len() - rest.trim_start().len());
        s..s + word.len()
    })
}

/// `net user NAME PASSWORD [/add]`.
pub(crate) fn net_user(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let (cmd, _) = command_at(text, hit.start);
    if cmd != "net" {
        return;
    }
    let le = line_end(text, hit.end);
    let mut words = Vec::new();
    let mut p = hit.end;
    while words.len() < 2 {
        let Some(v) = read_value(text, p, false) else {
            return;
        };
        if v.range.start >= le {
            return;
        }
        p = v.range.end + usize::from(v.quoted);
        words.push(v.range);
    }
    let r = words[1].clone();
    let s = &text[r.clone()];
    if s.len() >= 3 && !is_placeholder(s) && !s.starts_with('/') && s != "*" {
        out.push(Finding {
            range: r,
            kind: Kind::Password,
        });
    }
}

/// `echo "P@ss" | docker login … --password-stdin`.
pub(crate) fn password_stdin(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    if let Some(v) = echoed_into(text, hit.start) {
        if !is_placeholder(&text[v.clone()]) {
            out.push(Finding {
                range: v,
                kind: Kind::Password,
            });
        }
    }
}

/// The value `echo` or `printf` pipes into the command at `cmd` (`echo -n 'pw' |
/// docker login --password-stdin`), when one is on the line.
fn echoed_into(text: &str, cmd: usize) -> Option<Range<usize>> {
    let ls = line_start(text, cmd);
    let pipe = ls + text[ls..cmd].rfind('|')?;
    // The command before the pipe, past a prompt (`$ `, `[運用@踏み台 ~]$ `, `sudo`).
    let (echo, _) = command_at(text, pipe.checked_sub(1)?);
    if echo != "echo" && echo != "printf" {
        return None;
    }
    let seg_start = text[ls..pipe].rfind([';', '&']).map_or(ls, |p| ls + p + 1);
    let word = format!("{echo} ");
    let mut p = seg_start + text[seg_start..pipe].find(&word)? + word.len();
    // Skip options such as `-n`.
    loop {
        while matches!(at(text, p), b' ' | b'\t') {
            p += 1;
        }
        if at(text, p) != b'-' {
            break;
        }
        while p < pipe && !at(text, p).is_ascii_whitespace() {
            p += 1;
        }
    }
    let v = read_value(text, p, false)?;
    (v.range.end <= pipe && v.range.len() >= 3).then_some(v.range)
}

/// Tools named for a password that take one as an argument, not after a flag naming
/// it (their names hold `pass`, so [`super::keyvalue`] meets them as keys; the word
/// after the name is no password): `wpa_passphrase SSID PASSPHRASE`, `htpasswd -b FILE
/// USER PASSWORD` (`-nb USER PASSWORD` without the file), `echo 'user:pw' | chpasswd`,
/// `echo 'pw' | passwd --stdin user`. Returns whether `tool` is one of them as a command.
pub(crate) fn password_tool(text: &str, tool: Range<usize>, out: &mut Vec<Finding>) -> bool {
    let name = text[tool.clone()].to_ascii_lowercase();
    if !matches!(
        name.as_str(),
        "wpa_passphrase" | "htpasswd" | "chpasswd" | "passwd"
    ) {
        return false;
    }
    let (cmd, seg) = command_at(text, tool.start);
    if cmd != name {
        return false;
    }
    let kind = Kind::Password;
    let mut push = |range: Range<usize>| {
        let v = &text[range.clone()];
        if v.len() >= 3 && !is_placeholder(v) && !v.starts_with('$') {
            out.push(Finding { range, kind });
        }
    };
    match name.as_str() {
        "chpasswd" | "passwd" => {
            if let Some(v) = echoed_into(text, tool.start) {
                let pw = if name == "chpasswd" {
                    text[v.clone()].find(':').map(|c| v.start + c + 1..v.end)
                } else {
                    seg.contains("--stdin").then_some(v)
                };
                if let Some(pw) = pw {
                    push(pw);
                }
            }
        }
        _ => {
            // The arguments after the tool's name, past its flags; which one is the
            // password.
            let flags: String = seg[seg.to_ascii_lowercase().find(&name).unwrap_or(0)..]
                .split_whitespace()
                .skip(1)
                .filter(|a| a.starts_with('-'))
                .collect();
            let index = match name.as_str() {
                "wpa_passphrase" => 1,
                _ if !flags.contains('b') => return true,
                _ if flags.contains('n') => 1,
                _ => 2,
            };
            let mut p = tool.end;
            let le = line_end(text, p);
            let mut arg = 0;
            while p < le {
                while matches!(at(text, p), b' ' | b'\t') {
                    p += 1;
                }
                let Some(v) = read_value(text, p, false) else {
                    break;
                };
                if v.range.start >= le || v.range.end > le {
                    break;
                }
                let word = &text[v.range.clone()];
                let flag =
                    word.starts_with('-') && at(text, v.range.start.wrapping_sub(1)) != b'\'';
                if !flag {
                    if arg == index {
                        push(v.range);
                        break;
                    }
                    arg += 1;
                }
                p = v.range.end + 1;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    #[test]
    fn log_prefixes() {
        use super::log_prefix;
        for (line, rest) in [
            (
                "2025-02-03T04:11:53.1024410Z [command]/usr/bin/az x",
                "/usr/bin/az x",
            ),
            ("2025-02-03T04:11:53.1024410Z ##[group]Run az x", "az x"),
            ("[2025-02-03 04:11:53] $ az x", "$ az x"),
            ("2025/02/03 4:11:53,120 INFO x", "INFO x"),
            ("[04:11:53] kubectl x", "kubectl x"),
            ("$ az x", "$ az x"),
            ("  key1  FULL", "  key1  FULL"),
            ("[2025-02-03 x", "[2025-02-03 x"),
            ("12345 records", "12345 records"),
        ] {
            assert_eq!(&line[log_prefix(line)..], rest, "{line}");
        }
    }

    use super::super::found;

    #[test]
    fn literals_put_into_a_kubernetes_secret_whatever_their_keys() {
        let text = "kubectl create secret generic partner -n app \\\n  --from-literal=username=renkei \\\n  \
                    --from-literal=value=Kumo7hana22 \\\n  --from-literal=auth=9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c\n";
        assert_eq!(
            found(text),
            ["Kumo7hana22", "9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c"]
        );
        let text = "kubectl create secret generic api --from-literal='api-secret=Qw8ZpL2mXk9RtY4v' --dry-run=client -o yaml\n";
        assert_eq!(found(text), ["Qw8ZpL2mXk9RtY4v"]);
        for text in [
            "kubectl create secret generic db --from-literal=host=sql1.database.windows.net --from-literal=port=1433\n",
            "kubectl create secret generic db --from-literal=value=$DB_VALUE\n",
            "kubectl create secret generic db --from-literal=value=<値>\n",
            "kubectl create secret generic cfg --from-literal=mode=production\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_routers_ppp_and_l2tp_logins() {
        let text = "# RTX1210 設定（抜粋）\npp select 1\n pp auth accept pap chap\n pp auth myname user01@isp.ne.jp Kumo7hana22\n\
                    pp select anonymous\n pp auth username remote1 Yuki-Nagoya_2026 myname rtx1\n\
                    tunnel select 1\n l2tp tunnel auth on Tsubame2026x\n";
        assert_eq!(
            found(text),
            ["Kumo7hana22", "Yuki-Nagoya_2026", "Tsubame2026x"]
        );
        for text in [
            " pp auth myname user01@isp.ne.jp <パスワード>\n",
            " pp auth myname user01@isp.ne.jp ********\n",
            " l2tp tunnel auth off\n",
            "The router logs `pp auth myname` failures.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn passphrases_of_keys_and_archives_on_the_command_line() {
        for (text, values) in [
            (
                "azureuser@vm:~$ ssh-keygen -t ed25519 -f ~/.ssh/deploy -N 'maple-orbit-canyon-42' -C deploy\n",
                &["maple-orbit-canyon-42"][..],
            ),
            (
                "PS C:\\> ssh-keygen -p -f .\\id_rsa -P \"Lantern42old\" -N \"Orbit77new!\"\n",
                &["Lantern42old", "Orbit77new!"],
            ),
            ("$ zip -P 'Maple#2231x' -r logs.zip ./logs\n", &["Maple#2231x"]),
            ("$ unzip -P Kumo+pvn7955 export.zip -d /tmp/x\n", &["Kumo+pvn7955"]),
            ("C:\\tmp> 7z a -pCobalt!9937 -mhe=on backup.7z .\\dump\n", &["Cobalt!9937"]),
        ] {
            assert_eq!(found(text), values, "{text}");
        }
        for text in [
            "$ ssh-keygen -t ed25519 -N '' -f ~/.ssh/id_ed25519\n",
            "$ ssh-keygen -t rsa -N \"$KEY_PASSPHRASE\" -f key\n",
            "$ zip -r logs.zip ./logs\n",
            "$ 7z x backup.7z -o/tmp/restore\n",
            "The zip -P flag takes a password; 7z uses -p.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn passwords_of_file_share_and_remote_shell_commands() {
        let key = "Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA==";
        for (text, value) in [
            (
                format!(
                    "C:\\> net use Z: \\\\st1.file.core.windows.net\\share /u:AZURE\\st1 {key}\n"
                ),
                key,
            ),
            (
                "$ smbclient //srv/share -U tanaka%Kq9zzPw7x2\n".to_string(),
                "Kq9zzPw7x2",
            ),
            (
                "C:\\> plink -ssh azureuser@10.0.0.4 -pw Kq9zzPw7x2 uptime\n".to_string(),
                "Kq9zzPw7x2",
            ),
        ] {
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            "C:\\> net use Z: \\\\srv\\share /u:corp\\tanaka *\n",
            "C:\\> robocopy C:\\a \\\\srv\\b /u:x\n",
            "$ psql -U app -h pg1 appdb\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_shared_key_printed_back_by_its_cmdlet_is_found() {
        use crate::secrets::found;
        for (text, value, n) in [
            ("PS> Set-AzVirtualNetworkGatewayConnectionSharedKey -Name cn1 -ResourceGroupName rg -Value 'Xk29vLmq83NdPz71'\nConfirm\nAre you sure?\n[Y] Yes  [N] No: Y\nXk29vLmq83NdPz71\nPS>\n", "Xk29vLmq83NdPz71", 2),
            ("PS C:\\作業> Set-AzVirtualNetworkGatewayConnectionSharedKey -Name 'cn-osaka' -ResourceGroupName 'rg-hub' -Value \"Qm7pL2xV9nR4tK8w\"\n\n確認\nこの操作を実行しますか?\n[Y] はい(Y)  [N] いいえ(N): Y\n  Qm7pL2xV9nR4tK8w\n", "Qm7pL2xV9nR4tK8w", 2),
            ("PS C:\\> $psk = Get-Content .\\psk.txt\nPS C:\\> Set-AzVirtualNetworkGatewayConnectionSharedKey -Name cn1 -ResourceGroupName rg -Value $psk\nConfirm\nAre you sure you want to overwrite resource 'cn1'\n[Y] Yes  [N] No: Y\nWq4mZ8xL2vN7pR3tK9dY\nPS C:\\Users\\k-ito01>\n", "Wq4mZ8xL2vN7pR3tK9dY", 1),
            ("PS C:\\> Get-AzVirtualNetworkGatewayConnectionSharedKey -ResourceGroupName rg-net -Name cn-onprem\nbR7mQ2xL9vN4kP8tZ3wY\n", "bR7mQ2xL9vN4kP8tZ3wY", 1),
            ("PS /home/k> Reset-AzVirtualNetworkGatewayConnectionSharedKey -ResourceGroupName rg -Name cn1 -KeyLength 32\n\nr8Tq2LmZ9xVb3NcP7wKd5YhG1sJf4QaE\n", "r8Tq2LmZ9xVb3NcP7wKd5YhG1sJf4QaE", 1),
        ] {
            let f = found(text);
            assert_eq!(f.len(), n, "{text}: {f:?}");
            assert!(f.iter().all(|v| *v == value), "{text}: {f:?}");
        }
        for text in [
            // An error, a name, a short word: no key printed.
            "PS> Get-AzVirtualNetworkGatewayConnectionSharedKey -Name cn1 -ResourceGroupName rg\nGet-AzVirtualNetworkGatewayConnectionSharedKey: Resource not found\n",
            "PS> Get-AzVirtualNetworkGatewayConnectionSharedKey -Name cn1 -ResourceGroupName rg\n\nabc\n",
            "PS> Get-AzVirtualNetworkGatewayConnectionSharedKey -Name cn1 -ResourceGroupName rg\ncn-hub-to-onprem\n",
            "PS C:\\> Set-AzVirtualNetworkGatewayConnectionSharedKey -Name cn1 -ResourceGroupName rg -Value $psk -Force\nPS C:\\Users\\k-ito01> hostname\n",
            "PS> Get-AzVirtualNetworkGatewayConnectionSharedKey -Name cn1 -ResourceGroupName rg\n<shared-key>\n",
            "PS> Get-AzVirtualNetworkGatewayConnectionSharedKey -Name cn1 -ResourceGroupName rg\n****************\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_variable_given_to_convert_to_secure_string_is_resolved_to_its_literal() {
        use crate::secrets::found;
        for (text, value) in [
            ("PS C:\\> $値 = 'Kf83!qLzm20x'\nPS C:\\> $sec = ConvertTo-SecureString $値 -AsPlainText -Force\n", "Kf83!qLzm20x"),
            ("$plain = \"Tokyo2021!\"\n$secure = ConvertTo-SecureString -String $plain -AsPlainText -Force\n", "Tokyo2021!"),
            ("$p = 'Sakura#2024'\n$cred = [pscredential]::new('svc', (ConvertTo-SecureString $p -AsPlainText -Force))\n", "Sakura#2024"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            // Read from the user, from a vault, or a placeholder: no literal.
            "$pw = Read-Host 'Password'\n$sec = ConvertTo-SecureString $pw -AsPlainText -Force\n",
            "$pw = (Get-AzKeyVaultSecret -VaultName kv -Name sql).SecretValueText\n$sec = ConvertTo-SecureString $pw -AsPlainText -Force\n",
            "$pw = '<password>'\n$sec = ConvertTo-SecureString $pw -AsPlainText -Force\n",
            "$sec = ConvertTo-SecureString $env:SQL_PASSWORD -AsPlainText -Force\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_certificate_files_password_given_to_certutil() {
        use crate::secrets::found;
        for (text, value) in [
            (
                "C:\\作業>certutil -f -p \"Nagoya?yrc189\" -importpfx C:\\作業\\wildcard_2026.pfx\n",
                "Nagoya?yrc189",
            ),
            (
                "PS C:\\> certutil.exe -p Harbor*bdj9216 -exportPFX My 3f2a9c out.pfx\n",
                "Harbor*bdj9216",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            "C:\\作業>certutil -p \"\" -importpfx site.pfx\n",
            "C:\\作業>certutil -pulse\n",
            "C:\\作業>certutil -store My \"*.contoso.co.jp\"\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn tools_named_for_a_password_take_it_by_position() {
        use crate::secrets::found;
        for (text, value) in [
            (
                "pi@gw-line3:~ $ wpa_passphrase Kojo-Line3 'Line3-Kanri!2026'\n",
                "Line3-Kanri!2026",
            ),
            (
                "$ sudo htpasswd -b /etc/nginx/.htpasswd admin 'Kiosk#2025fuji'\n",
                "Kiosk#2025fuji",
            ),
            ("$ htpasswd -nbB ops Osaka-Rt#2026\n", "Osaka-Rt#2026"),
            (
                "[運用@踏み台 ~]$ echo 'azureuser:Tokyo2024!sakura' | sudo chpasswd\n",
                "Tokyo2024!sakura",
            ),
            (
                "# echo -n 'Natsu#2026yoru' | passwd --stdin appuser\n",
                "Natsu#2026yoru",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        for text in [
            // The SSID, the user, the file: no password on the line.
            "$ wpa_passphrase Kojo-Line3\n",
            "$ sudo htpasswd -c /etc/nginx/.htpasswd admin\n",
            "$ echo 'azureuser:$NEW_PW' | sudo chpasswd\n",
            "$ sudo passwd appuser\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
