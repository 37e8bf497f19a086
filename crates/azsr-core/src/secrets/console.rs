//! Layer 3 (outputs): what commands print. A command known to print secrets (`az
//! keyvault secret show`, `az … keys list`, `az acr credential show`,
//! `Get-AzStorageAccountKey`, `ConvertFrom-SecureString -AsPlainText`, `kubectl get
//! secret … | base64 -d`, …) is found on its command line; the lines after it, up to the
//! next prompt, are its output, read in the form it takes (a bare value, TSV, a table
//! under a dashed rule, JSON or YAML). Key names in JSON and YAML are
//! [`super::keyvalue`]'s; here are the values that stand alone, the `value` fields, and
//! the columns of tables.

use std::ops::Range;

use super::bytes::{at, line_end, line_start};
use super::commands::{command_at, log_prefix, prompt_mark, tool_name};
use super::keyvalue::{accept, Sep};
use super::value::{classify, holds_pairs, is_placeholder, looks_random, normalize, Class};
use super::vocabulary::{self, is_value_note, Named};
use super::{Finding, Kind};

/// `az` subcommands that print secrets (lowercase).
const AZ_PRINTING_SECRETS: &[&str] = &[
    "keyvault secret show",
    "keyvault secret set",
    "credential show",
    "credential renew",
    "credential reset",
    "create-for-rbac",
    "keys list",
    "list-key",
    "keys renew",
    // Keys regenerated are printed back (`az cosmosdb keys regenerate`, `az redis
    // regenerate-keys`, `az communication regenerate-key`, `az iot hub policy renew-key`).
    "keys regenerate",
    "key regenerate",
    "regenerate-key",
    "renew-key",
    "get-shared-keys",
    "api-key create",
    "key list",
    "keys show",
    "key show",
    "admin-key show",
    "admin-key renew",
    "query-key list",
    "query-key create",
    "shared-key show",
    "get-access-token",
    "--expose-token",
    "list-publishing-credentials",
    "list-publishing-profiles",
    "appconfig credential list",
    "appsettings list",
    "--show-values",
    "secrets list",
    "show-secret",
];

/// Words met on a command line printing secrets (lowercase, matched anywhere, the
/// command checked from there): short, as every anchor costs the one pass over the text;
/// each of [`AZ_PRINTING_SECRETS`] holds one (see the test), and so do the PowerShell
/// cmdlets and members, `kubectl get secret`, and `cat` / `echo` of a secret.
pub(crate) const ANCHORS: &[&str] = &[
    "secret show",
    "secret set",
    "secret download",
    "credential",
    "for-rbac",
    "keys list",
    "list-key",
    "keys renew",
    "keys show",
    "key list",
    "key show",
    "key renew",
    "key create",
    "regenerate",
    "renew-key",
    "shared-keys",
    "access-token",
    "expose-token",
    "publishing-",
    "appsettings list",
    "show-values",
    "get-az",
    "convertfrom-",
    "secretvaluetext",
    "ptrtostring",
    "get secret",
    ".value",
    "cat ",
    "get-content",
    "echo $",
    "echo %",
    "type ",
    "printenv ",
    "> $",
    "configure get",
    "config:get",
    "config get",
    "identity-token",
    "auth token",
    "print token",
    "write-output $",
    "write-host $",
    "$env:",
    "environmentvariable(",
    "pgpass",
    "terraform output",
    "stack output",
    "jsonpath",
    "| base64",
    "base64 ",
    "tobase64string",
    ".password",
    "secrets list",
    "show-secret",
    "-field=",
    "op read",
    "--fields",
    "bw get",
    "pass show",
    "versions access",
    "get-secret",
    "get-parameter",
    "find-generic-password",
    "find-internet-password",
    "secret-tool lookup",
    "view-secret",
    "get-login-password",
    "get-authorization-token",
    "head -",
    "tail -",
    ".access_token",
    "openssl rand",
    // The Wi-Fi passphrase `netsh wlan show profile … key=clear` shows, labelled in the
    // locale's words (see [`vocabulary::WIFI_KEY_LABELS`]).
    "key content",
    "主要なコンテンツ",
    "キー コンテンツ",
];

/// What a command prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Printed {
    /// The secret itself, alone on its line (`--query value -o tsv`, `-AsPlainText`).
    Value,
    /// Records that hold keys among other fields (`keys list`, `credential show`).
    Keys,
    /// The record of one secret (`az keyvault secret show`, `az containerapp secret
    /// show`): besides keys, its `Value` column whatever the row's name, and the last
    /// field of its TSV line (fields are printed sorted by name, `value` last).
    Record,
}

/// How many lines of output are read at most (well within [`super::memo::REACH_LINES`]).
const MAX_OUTPUT_LINES: usize = 60;

/// The entry point for an output anchor.
pub(crate) fn output(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let ls = line_start(text, hit.start);
    let le = line_end(text, hit.start);
    let line = &text[ls..le];
    let lower = line.to_ascii_lowercase();
    if vocabulary::WIFI_KEY_LABELS
        .iter()
        .any(|l| text[hit.clone()].eq_ignore_ascii_case(l))
    {
        wifi_key(text, hit, le, out);
        return;
    }
    if let Some(layout) = credential_file(text, hit.start, &lower) {
        read_credential_file(text, le, layout, out);
        return;
    }
    // A filter selecting a field named for a secret prints it, whatever the command
    // (`curl … | jq -r .access_token`, `(… | ConvertFrom-Json).password`); not a bare
    // `.value`, which any document has.
    let named_field = [".access_token", ".password"]
        .iter()
        .any(|a| text[hit.clone()].eq_ignore_ascii_case(a));
    let Some(printed) = printed(text, hit.start, &lower).or_else(|| {
        (named_field && matches!(selected(&lower), Query::Secret)).then_some(Printed::Value)
    }) else {
        return;
    };
    let printed = match query(&lower) {
        Query::None => printed,
        Query::Secret => Printed::Value,
        // One secret's record keeps its value column whatever the fields are renamed.
        Query::Fields if printed == Printed::Record => Printed::Record,
        Query::Fields => Printed::Keys,
        Query::Other => return,
    };
    if let Some(r) = echoed_pair_password(ls, line) {
        out.push(Finding {
            range: r,
            kind: Kind::Password,
        });
    }
    // A value printed without a newline (`base64 -d`, `jsonpath`, `echo -n`) runs into
    // the next prompt (`P@ss…azureuser@vm:~$`, `P@ss…$`): the prompt of the command's
    // line, else a bare `$` or `#`.
    let no_newline = [
        "base64 -d",
        "base64 --decode",
        "jsonpath=",
        "echo -n",
        "printf ",
        "output -raw",
        "-nonewline",
        // `vault … -field=`, `gcloud secrets versions access` print the bare payload.
        "-field=",
        "versions access",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let t = line.trim_start();
    let prompt = is_prompt(line)
        .then(|| match prompt_mark(t) {
            // `~/infra/envs/prod ❯`
            Some(p) => t.split_whitespace().nth(p).and_then(|mark| {
                let end = t.find(mark)? + mark.len();
                Some(&t[..end])
            }),
            None => t
                .split_once(['$', '#', '>'])
                .map(|(head, _)| &t[..head.len() + 1]),
        })
        .flatten()
        .filter(|_| no_newline);
    // A CI log: every line after a timestamp; GitHub Actions echoes the step's script
    // and its shell between `##[group]Run …` and `##[endgroup]`, then runs it: the
    // output follows the group, whichever line of the script the command is on.
    let pre = log_prefix(line);
    let mut end = command_end(text, le);
    if pre > 0 {
        let mut p = end + 1;
        for _ in 0..MAX_OUTPUT_LINES {
            if p >= text.len() {
                break;
            }
            let e = line_end(text, p);
            let l = &text[p..e];
            let l = &l[log_prefix(l)..];
            if l.starts_with("##[") {
                if l.starts_with("##[endgroup]") {
                    end = e;
                }
                break;
            }
            p = e + 1;
        }
    }
    read_output(text, end, printed, prompt, pre > 0, out);
    if let Some(var) = assigned_variable(&line[..hit.start - ls]) {
        echoed_variable(text, end, var, printed, out);
    }
}

/// The PowerShell variable a command's result is assigned to, from the line before the
/// command (`PS C:\> $k = `, `$keys = (`): `k`, `keys`.
fn assigned_variable(before: &str) -> Option<&str> {
    // The first `$` of the command: after the prompt (`PS C:\>`, `>`) or at its start.
    let d = before.find('$')?;
    let head = before[..d].trim_end();
    if !(head.is_empty() || head.ends_with('>')) {
        return None;
    }
    let rest = &before[d + 1..];
    let len = rest
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_')
        .count();
    let after = rest[len..].trim_start();
    (len > 0 && after.starts_with('=') && !after.starts_with("==")).then_some(&rest[..len])
}

/// How many lines after an assignment its variable is looked for at a prompt.
const ECHO_LINES: usize = 20;

/// A variable holding what a command printing secrets returned, echoed at a later prompt
/// whatever its name (`$k`, `$r`, `$result`): whole, it prints what the command would
/// have (`printed`); a secret member (`$k.PrimaryReadonlyMasterKey`, `$r[0].Value`) prints
/// its value alone. Looked for until the variable is assigned again.
fn echoed_variable(
    text: &str,
    cmd_end: usize,
    var: &str,
    printed: Printed,
    out: &mut Vec<Finding>,
) {
    let mut pos = cmd_end + 1;
    for _ in 0..ECHO_LINES {
        if pos >= text.len() {
            break;
        }
        let le = line_end(text, pos);
        let line = text[pos..le].trim_end();
        if is_prompt(line) {
            let Some(d) = line.find('$').filter(|&d| {
                line[d + 1..].starts_with(var)
                    && !line[d + 1 + var.len()..]
                        .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            }) else {
                pos = le + 1;
                continue;
            };
            if !line[..d].trim_end().ends_with('>') {
                pos = le + 1;
                continue;
            }
            let rest = line[d + 1 + var.len()..].trim();
            if rest.starts_with('=') {
                break;
            }
            let shown = if rest.is_empty() {
                Some(printed)
            } else {
                let member = rest.rsplit('.').next().unwrap_or("");
                (rest.starts_with(['.', '['])
                    && member.bytes().all(|c| c.is_ascii_alphanumeric())
                    && secret_name(member))
                .then_some(Printed::Value)
            };
            if let Some(shown) = shown {
                read_output(text, le, shown, None, false, out);
            }
        }
        pos = le + 1;
    }
}

/// The password of `echo -n 'user:password' | base64` on the line at `ls`.
fn echoed_pair_password(ls: usize, line: &str) -> Option<Range<usize>> {
    let lower = line.to_ascii_lowercase();
    let pipe = lower.find("| base64").or_else(|| lower.find("|base64"))?;
    let echo = lower[..pipe]
        .rfind("echo ")
        .or_else(|| lower[..pipe].rfind("printf "))?;
    let arg = line[echo..pipe].trim_end();
    let q = arg.chars().last().filter(|c| matches!(c, '\'' | '"'))?;
    let open = arg[..arg.len() - 1].rfind(q)?;
    let inner = &arg[open + 1..arg.len() - 1];
    let colon = inner.find(':')?;
    let pw = &inner[colon + 1..];
    if colon == 0 || inner.contains("://") || !accept(Class::Password, pw, Sep::Strong, true) {
        return None;
    }
    let start = ls + echo + open + 1 + colon + 1;
    Some(start..start + pw.len())
}

/// What the command on `line` (lowercase) prints, when it prints secrets.
fn printed(text: &str, at_byte: usize, lower: &str) -> Option<Printed> {
    let (raw, seg) = command_at(text, at_byte);
    let seg = seg.to_ascii_lowercase();
    // The command and what follows it, past the prompt.
    let body = seg
        .find(raw.as_str())
        .map_or(seg.as_str(), |p| &seg[p..])
        .trim_end();
    let cmd = raw.trim_start_matches(['(', '$', '[']);
    // Text made into base64 (`echo -n 'user:pass' | base64`, `base64 -w0 site.pfx`,
    // `[Convert]::ToBase64String([IO.File]::ReadAllBytes('site.pfx'))`): the output is
    // secret when what went in was a credential or a key file.
    if encodes_secret(lower) {
        return Some(Printed::Value);
    }
    if cmd == "az" {
        // Key Vault keys are shown as public JWKs (`n`, `e`, `x`, `y`): nothing secret.
        if seg.contains("keyvault key ") {
            return None;
        }
        // A shared key is printed alone (`None<TAB>key` in TSV).
        if seg.contains("shared-key show") {
            return Some(Printed::Value);
        }
        if seg.contains("secret show") || seg.contains("secret set") {
            return Some(Printed::Record);
        }
        // A secret downloaded to the standard output is printed alone, as it is stored.
        if seg.contains("secret download")
            && ["/dev/stdout", "/dev/fd/1", "--file -", "-f -"]
                .iter()
                .any(|w| seg.contains(w))
        {
            return Some(Printed::Value);
        }
        return AZ_PRINTING_SECRETS
            .iter()
            .any(|w| seg.contains(w))
            .then_some(Printed::Keys);
    }
    // Commands that print the signed-in user's token: `gcloud auth
    // print-access-token`, `gh auth token`, `vault print token`.
    if [
        "print-access-token",
        "print-identity-token",
        "gh auth token",
        "vault print token",
    ]
    .iter()
    .any(|w| body.contains(w))
    {
        return Some(Printed::Value);
    }
    if let Some(printed) = secret_store(cmd, body) {
        return Some(printed);
    }
    // Random bytes made to be a key (`openssl rand -base64 32`, `openssl rand -hex 32`,
    // `head -c 32 /dev/urandom | base64`): what else is printed to be pasted into a
    // setting.
    if lower.contains("/dev/urandom") && lower.contains("base64") {
        return Some(Printed::Value);
    }
    if cmd == "openssl" && body.starts_with("openssl rand ") {
        let bytes = body
            .split_whitespace()
            .find_map(|a| a.parse::<usize>().ok())
            .unwrap_or(0);
        return (bytes >= 16).then_some(Printed::Value);
    }
    // A setting named for a secret, read back (`aws configure get
    // aws_secret_access_key`, `heroku config:get DB_PASSWORD`), or a variable printed in a
    // container or a remote shell (`docker exec app printenv DB_PASSWORD`).
    let getter = ["configure get ", "config:get ", "config get ", "printenv "]
        .iter()
        .find_map(|w| body.find(w).map(|p| &body[p + w.len()..]));
    if let Some(args) = getter {
        let name = args
            .split_whitespace()
            .find(|a| !a.starts_with('-'))
            .unwrap_or("");
        return (!body.contains(['|', '>']) && secret_class(name).is_some())
            .then_some(Printed::Value);
    }
    // A file or variable named for a secret, printed: `cat db-password.txt`,
    // `Get-Content .\\sp-secret.txt`, `echo $DB_PASSWORD`, `printenv API_KEY`.
    // … also in a container or over SSH (`docker exec app cat /run/secrets/db_password`,
    // `kubectl exec pod -- cat /mnt/secrets-store/sql-password`, `ssh vm 'cat db-password'`).
    let (cmd, body) = remote_command(cmd, body).unwrap_or((cmd, body));
    if matches!(
        cmd,
        "cat"
            | "type"
            | "more"
            | "head"
            | "tail"
            | "get-content"
            | "gc"
            | "echo"
            | "printenv"
            | "write-output"
            | "write-host"
    ) {
        // One file or variable: past flags and their counts (`tail -n 1 file`).
        let mut args = body
            .split_whitespace()
            .skip(1)
            .filter(|a| !a.starts_with('-') && !a.bytes().all(|c| c.is_ascii_digit()));
        let arg = args.next().unwrap_or("").trim_matches(['"', '\'']);
        // `$env:X`, `$X`, `${X}`, cmd.exe's `%X%`, a path.
        let name = arg
            .trim_start_matches("$env:")
            .trim_start_matches(['$', '{', '%'])
            .trim_end_matches(['}', '%'])
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("");
        let stem = name.split('.').next().unwrap_or(name);
        let single = args.next().is_none() && !body.contains(['|', '>']);
        // A SAS token kept in a file (`storage_sas.txt`, `sas-token`).
        let sas = stem.split(['_', '-']).any(|w| w == "sas");
        // A file named in Japanese (`本番DBパスワード.txt`, `接続キー.txt`).
        let named =
            secret_class(stem).is_some() || !stem.is_ascii() && japanese_header(stem).is_some();
        return (single && (sas || named)).then_some(Printed::Value);
    }
    // An output of an infrastructure-as-code state named for a secret, printed raw:
    // `terraform output -raw admin_password`, `pulumi stack output dbPassword --show-secrets`.
    if cmd == "terraform" || cmd == "pulumi" {
        let mut args = body.split_whitespace().filter(|a| !a.starts_with('-'));
        let is_output = args.any(|a| a == "output");
        let name = args.next_back().unwrap_or("");
        let shown = cmd == "terraform" || body.contains("--show-secrets");
        return (is_output && shown && secret_class(name).is_some()).then_some(Printed::Value);
    }
    // PowerShell: an environment variable named for a secret, read by .NET
    // (`[Environment]::GetEnvironmentVariable('DB_PASSWORD', 'Machine')`).
    const GET_ENV: &str = "environment]::getenvironmentvariable(";
    if let Some(call) = lower.find(GET_ENV) {
        // The line as typed (lowercasing keeps offsets): `PS C:\>` is a prompt.
        let ls = line_start(text, at_byte);
        let before = text[ls..ls + call]
            .trim_end_matches("[System.")
            .trim_end_matches("[system.")
            .trim_end_matches('[');
        if !(before.trim().is_empty() || is_prompt(before) && !before.contains('=')) {
            return None;
        }
        let args = &lower[call + GET_ENV.len()..];
        let name = args
            .trim_start_matches(['\'', '"'])
            .split(['\'', '"'])
            .next()
            .unwrap_or("");
        let whole = args.trim_end().ends_with(')');
        return (whole && secret_class(name).is_some()).then_some(Printed::Value);
    }
    // PowerShell: an environment variable named for a secret, alone on the prompt line
    // (`$env:SQL_ADMIN_PASSWORD`).
    if let Some(name) = body.strip_prefix("$env:") {
        let single = !name.contains(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
        return (single && secret_class(name).is_some()).then_some(Printed::Value);
    }
    if cmd == "kubectl" || cmd == "oc" {
        // The value of one key of a Secret, decoded or not; or one field named for a
        // secret of anything (`config view --raw -o jsonpath='{.users[0].user.token}'`).
        let one_key = lower.contains("jsonpath") && lower.contains(".data.")
            || lower.contains("go-template") && lower.contains(".data.");
        let decoded = lower.contains("base64 -d") || lower.contains("base64 --decode");
        let secret_field = template_field(lower).is_some_and(secret_name);
        // A certificate kept in a Secret (`{.data.tls\.crt}`, `{.data.ca\.crt}`) is public.
        let certificate = template_field(lower)
            .is_some_and(|f| matches!(f, "crt" | "cer" | "cert" | "certificate" | "pub"));
        return (seg.contains("get secret") && (one_key || decoded) && !certificate
            || secret_field)
            .then_some(Printed::Value);
    }
    // PowerShell: a secret property of a variable holding keys or secrets, alone on
    // its line (`$keys[0].Value`, `$secret.Value`).
    if let Some(var) = body.strip_prefix('$') {
        // A variable named for a secret, printed by its name alone (`$pw`, `$dbPassword`).
        if var.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
            && secret_class(var).is_some()
        {
            return Some(Printed::Value);
        }
        let holder = var.split(['[', '.']).next().unwrap_or("");
        let member = var.rsplit('.').next().unwrap_or("");
        let secret_holder = ["key", "secret", "cred", "pass", "pwd", "token"]
            .iter()
            .any(|w| holder.contains(w));
        // A member that names a secret by itself (`$r.access_token`, `$sp.password`),
        // whatever holds it; a bare `Value` or `Key` only in a holder named for one.
        let named_member = secret_class(member).is_some();
        if (secret_holder && secret_name(member) || named_member)
            && !var.contains(['=', '|', ' ', '('])
        {
            return Some(Printed::Value);
        }
    }
    // PowerShell: plain text from a SecureString, a property of a key listing.
    let plain = lower.contains("-asplaintext")
        && (lower.contains("convertfrom-securestring") || lower.contains("get-azkeyvaultsecret"))
        || lower.contains(".secretvaluetext")
        || lower.contains("-expandproperty secretvaluetext")
        || lower.contains("getnetworkcredential().password")
        || lower.contains("networkcredential]::new(") && lower.trim_end().ends_with(".password")
        || lower.contains("ptrtostring");
    if plain {
        return Some(Printed::Value);
    }
    let cmdlet = lower
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .find(|w| w.starts_with("get-az"))?;
    const KEY_NOUNS: &[&str] = &[
        "key",
        "keys",
        "keypair",
        "sharedkey",
        "sharedkeys",
        "accesstoken",
        "registrycredential",
    ];
    if !KEY_NOUNS.iter().any(|n| cmdlet.ends_with(n)) {
        return None;
    }
    // `(Get-AzStorageAccountKey …)[0].Value`, `Get-AzVirtualNetworkGatewayConnectionSharedKey`.
    let secret_member = lower.rfind(')').is_some_and(|p| {
        let m = lower[p + 1..]
            .trim_start_matches(|c: char| matches!(c, '[' | ']' | '.') || c.is_ascii_digit());
        let end = m
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(m.len());
        end > 0 && secret_name(&m[..end])
    });
    if secret_member || cmdlet.ends_with("sharedkey") {
        Some(Printed::Value)
    } else {
        Some(Printed::Keys)
    }
}

/// How a file of credentials lays them out, one record a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// PostgreSQL's password file (`~/.pgpass`, `%APPDATA%\postgresql\pgpass.conf`):
    /// `host:port:database:user:password`, the password last (`\:` escapes a colon).
    Pgpass,
    /// `user:password` lines: rsync's secrets file (`rsyncd.secrets`), s3fs's
    /// (`.passwd-s3fs`: `ACCESS_KEY:SECRET_KEY`).
    UserColonPassword,
    /// A user name on the first line, its password on the second: OpenVPN's
    /// `auth-user-pass` file (`auth.txt`, `/etc/openvpn/client/login.conf`).
    UserThenPassword,
}

/// The layout of the credentials file the command on `lower`'s line prints, when it
/// prints one (`cat ~/.pgpass`, `ls -l ~/.pgpass && cat ~/.pgpass`, `sudo cat
/// /etc/openvpn/auth.txt`, `type %APPDATA%\postgresql\pgpass.conf`).
fn credential_file(text: &str, at_byte: usize, lower: &str) -> Option<Layout> {
    // The names below, met on the line at all: most lines printing a file print another.
    if !["pgpass", "vpn", "auth", "secrets", "s3fs", "userpass"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    let (cmd, seg) = command_at(text, at_byte);
    if !matches!(
        cmd.as_str(),
        "cat" | "type" | "more" | "less" | "get-content" | "gc"
    ) {
        return None;
    }
    let seg = seg.to_ascii_lowercase();
    let path = seg
        .split_whitespace()
        .skip_while(|w| tool_name(w) != cmd)
        .skip(1)
        .find(|a| !a.starts_with('-'))?
        .trim_matches(['"', '\'']);
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.trim_start_matches('.');
    let stem = stem.split('.').next().unwrap_or(stem);
    if stem == "pgpass" {
        Some(Layout::Pgpass)
    } else if matches!(stem, "rsyncd" | "rsync" | "passwd-s3fs" | "passwd_s3fs")
        && (name.ends_with(".secrets") || stem.starts_with("passwd"))
        || name.ends_with(".secrets") && path.contains("rsync")
    {
        Some(Layout::UserColonPassword)
    } else if matches!(
        stem,
        "auth" | "auth-user-pass" | "userpass" | "vpn-auth" | "vpn_auth"
    ) || path.contains("vpn")
        && ["auth", "pass", "login", "cred"]
            .iter()
            .any(|w| stem.contains(w))
    {
        Some(Layout::UserThenPassword)
    } else {
        None
    }
}

/// The passwords in a credentials file printed after the command line ending at `le`,
/// read by its `layout`.
fn read_credential_file(text: &str, le: usize, layout: Layout, out: &mut Vec<Finding>) {
    let mut pos = le + 1;
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for _ in 0..MAX_OUTPUT_LINES {
        if pos >= text.len() {
            break;
        }
        let e = line_end(text, pos);
        let line = text[pos..e].trim_end();
        // A comment (`# hostname:port:database:username:password`), not a root prompt.
        if line.starts_with('#') {
            pos = e + 1;
            continue;
        }
        if line.trim().is_empty() || ends_output(line) {
            break;
        }
        lines.push((pos, line));
        pos = e + 1;
    }
    // The file's layout says which field is the password: any a person chose.
    let mut push = |start: usize, pw: &str| {
        if pw.len() >= 6
            && !is_document(pw)
            && !is_placeholder(pw)
            && accept(Class::Password, pw, Sep::Strong, true)
        {
            out.push(Finding {
                range: start..start + pw.len(),
                kind: Kind::Password,
            });
        }
    };
    match layout {
        Layout::Pgpass | Layout::UserColonPassword => {
            let fields = if layout == Layout::Pgpass { 4 } else { 1 };
            for &(pos, line) in &lines {
                // The last field: past the unescaped colons before it.
                let b = line.as_bytes();
                let mut colons = 0;
                let mut i = 0;
                while i < b.len() && colons < fields {
                    match b[i] {
                        b'\\' => i += 1,
                        b':' => colons += 1,
                        _ => {}
                    }
                    i += 1;
                }
                if colons == fields && i > 1 {
                    push(pos + i, &line[i.min(line.len())..]);
                }
            }
        }
        // Exactly the two lines: a user name (one word, no setting), then a password.
        Layout::UserThenPassword => {
            if let [(_, user), (pos, pw)] = lines[..] {
                let user = user.trim();
                let one_word = !user.contains([' ', '\t', '=', ':']);
                if one_word && !pw.contains([' ', '\t']) && pw != user {
                    push(pos, pw);
                }
            }
        }
    }
}

/// The Wi-Fi passphrase `netsh wlan show profile … key=clear` prints on the line its
/// `label` (`hit`) starts: `    主要なコンテンツ       : …`, `    Key Content  : …`.
fn wifi_key(text: &str, hit: Range<usize>, le: usize, out: &mut Vec<Finding>) {
    let ls = line_start(text, hit.start);
    if !text[ls..hit.start].trim().is_empty() {
        return;
    }
    let rest = &text[hit.end..le];
    let Some(colon) = rest.find(':') else {
        return;
    };
    if !rest[..colon].trim().is_empty() {
        return;
    }
    let v = rest[colon + 1..].trim();
    let start = hit.end + colon + 1 + rest[colon + 1..].find(v).unwrap_or(0);
    // WPA passphrases run from 8 characters.
    if v.len() >= 8 && printed_value(v, Class::Password) {
        out.push(Finding {
            range: start..start + v.len(),
            kind: Kind::PreSharedKey,
        });
    }
}

/// The command a container or remote shell runs (`docker exec app cat f`, `kubectl exec
/// pod -- cat f`, `ssh vm 'cat f'`): its word and its line, from that word.
fn remote_command<'a>(cmd: &str, body: &'a str) -> Option<(&'a str, &'a str)> {
    let remote = matches!(cmd, "docker" | "podman" | "nerdctl" | "kubectl" | "oc")
        && body.contains(" exec ")
        || cmd == "ssh";
    if !remote {
        return None;
    }
    let mut off = 0;
    for w in body.split(' ') {
        let start = off;
        off += w.len() + 1;
        let word = w.trim_start_matches(['\'', '"']);
        if matches!(word, "cat" | "type" | "more" | "head" | "tail" | "echo") {
            let inner = body[start + (w.len() - word.len())..].trim_end_matches(['\'', '"']);
            return Some((word, inner));
        }
    }
    None
}

/// A secret store's command line that prints a secret: one field named for a secret
/// (`vault kv get -field=password …`, `op read op://ops/sql/password`, `op item get sql
/// --fields password`, `bw get password sql`), a secret's payload (`gcloud secrets
/// versions access latest --secret=db`, `pass show db/prod`, `security
/// find-generic-password -w`, `Get-Secret db -AsPlainText`), or records holding one,
/// which a `--query` may select (`aws secretsmanager get-secret-value`, `aws ssm
/// get-parameter --with-decryption`).
fn secret_store(cmd: &str, body: &str) -> Option<Printed> {
    let args = || body.split_whitespace().skip(1);
    let field = |flag: &str| {
        args().find_map(|a| {
            a.strip_prefix(flag).map(|f| {
                f.trim_matches(['"', '\''])
                    .rsplit(['=', '.'])
                    .next()
                    .unwrap_or("")
            })
        })
    };
    let one = match cmd {
        "vault" => field("-field=").is_some_and(secret_name),
        "op" => {
            let read = body.contains(" read ")
                && args()
                    .find(|a| a.trim_matches(['"', '\'']).starts_with("op://"))
                    .and_then(|a| a.trim_matches(['"', '\'']).rsplit('/').next())
                    .is_some_and(secret_name);
            let item = body.contains("item get")
                && (field("--fields=").or_else(|| {
                    let mut a = args();
                    a.find(|a| *a == "--fields").and_then(|_| a.next())
                }))
                .is_some_and(|f| secret_name(f.rsplit('=').next().unwrap_or(f)));
            read || item
        }
        "bw" => body.contains("bw get password") || body.contains("bw get totp"),
        "gcloud" => body.contains("secrets versions access"),
        "pass" | "gopass" => body.contains(" show ") && !body.contains(['|', '>']),
        "security" => body.contains("-password") && args().any(|a| a == "-w"),
        "secret-tool" => body.contains(" lookup "),
        // `kubectl view-secret db password`: one key of a Secret, decoded.
        "kubectl" | "oc" => {
            body.contains("view-secret") && args().filter(|a| !a.starts_with('-')).count() >= 3
        }
        "get-secret" => body.contains("-asplaintext"),
        // `aws ecr get-login-password` prints a registry password alone.
        "aws" if body.contains("get-login-password") => true,
        "aws" => {
            return (body.contains("get-secret-value")
                || body.contains("get-authorization-token")
                || body.contains("get-parameter") && body.contains("--with-decryption"))
            .then_some(Printed::Keys)
        }
        _ => false,
    };
    one.then_some(Printed::Value)
}

/// The last field of a `jsonpath` or `go-template` output template (`token` in
/// `-o jsonpath='{.users[0].user.token}'`), when there is one template.
fn template_field(lower: &str) -> Option<&str> {
    let t = lower
        .find("jsonpath=")
        .or_else(|| lower.find("go-template="))?;
    let rest = &lower[t..];
    let open = rest.find('{')?;
    let close = open + rest[open..].find('}')?;
    let expr = rest[open + 1..close].trim().trim_start_matches('{');
    let field = expr.rsplit('.').next()?.trim_end_matches(['}', ' ']);
    (!field.is_empty() && !field.contains(['[', '(', ' ', '*'])).then_some(field)
}

/// A command line that makes a credential or a key file into base64: a quoted
/// `user:password` (or a variable named for a secret) piped to `base64`, or a key store
/// (`.pfx`, `.p12`, `.key`) read by `base64` or `ToBase64String`.
fn encodes_secret(lower: &str) -> bool {
    let key_file = [".pfx", ".p12", ".key", "-key.pem", "_key.pem"]
        .iter()
        .any(|ext| lower.contains(ext));
    if let Some(t) = lower.find("tobase64string") {
        return key_file || encodes_pair(&lower[t..]);
    }
    let Some(b64) = lower.find("base64") else {
        return false;
    };
    let after = &lower[b64 + "base64".len()..];
    if after.contains(" -d") || after.contains("--decode") || after.contains(" -d ") {
        return false;
    }
    let before = &lower[..b64];
    if !before.trim_end().ends_with('|') {
        // `base64 [-w0] file.pfx`
        return key_file && !after.contains('|');
    }
    // `echo -n 'apiuser:…' | base64`, `printf '%s' "$SAS_URL" | base64`.
    let input = before.trim_end().trim_end_matches('|');
    let Some(arg) = input.split_whitespace().last() else {
        return false;
    };
    let echoed = input.contains("echo") || input.contains("printf");
    let arg = arg.trim_matches(['"', '\'']);
    let pair = arg.contains(':') && !arg.contains("://") && !arg.starts_with('$');
    let variable = arg
        .strip_prefix('$')
        .map(|v| v.trim_matches(['{', '}']))
        .is_some_and(|v| {
            v.split('_').any(|w| w == "sas") || classify(v).is_some_and(|c| c != Class::Code)
        });
    echoed && (pair || variable)
}

/// `ToBase64String(…GetBytes(…))` of a credential pair (`"$($id):$($secret)"`,
/// `"${user}:${pass}"`) or of a variable holding one (`$pair`, `$creds`, `$basicAuth`,
/// `$clientSecret`): Basic credentials made by hand.
fn encodes_pair(call: &str) -> bool {
    let Some(g) = call.find("getbytes(") else {
        return false;
    };
    let arg = call[g + "getbytes(".len()..].trim_start();
    if let Some(q) = arg.chars().next().filter(|c| matches!(c, '"' | '\'')) {
        let s = arg[1..].split(q).next().unwrap_or("");
        return s.contains(':') && s.contains('$') && !s.contains("://");
    }
    let arg = arg.split(')').next().unwrap_or("").trim();
    let Some(var) = arg.strip_prefix('$') else {
        return false;
    };
    ["pair", "cred", "auth", "basic", "userpass"]
        .iter()
        .any(|w| var.contains(w))
        || secret_class(var).is_some()
}

/// The class of secret a name gives its value, for a name standing alone (a variable, a
/// file, a column): not a bare `code` or `sig`, which name a secret only as a URL's
/// query parameter.
fn secret_class(name: &str) -> Option<Class> {
    classify(name).filter(|c| !matches!(c, Class::Code | Class::Sig))
}

/// A field or column name that holds a secret.
fn secret_name(name: &str) -> bool {
    let n = normalize(name);
    matches!(
        n.as_str(),
        "value" | "key" | "default" | "password" | "password2" | "token" | "primary" | "secondary"
    ) || secret_class(name).is_some()
}

/// What `--query` selects.
enum Query {
    /// No `--query`.
    None,
    /// A secret field (`value`, `[0].value`, `primaryMasterKey`, `accessToken`).
    Secret,
    /// Records with renamed fields, some secret (`{user:userName, pw:password}`).
    Fields,
    /// Anything else (`id`, `username`, `keys(@)`, `{name:keyName, …}`).
    Other,
}

fn query(lower: &str) -> Query {
    let Some(q) = lower.find("--query") else {
        return selected(lower);
    };
    let rest = lower[q + "--query".len()..].trim_start_matches(['=', ' ']);
    let expr = match rest.chars().next() {
        Some(c @ ('"' | '\'')) => rest[1..].split(c).next().unwrap_or(""),
        _ => rest.split_whitespace().next().unwrap_or(""),
    };
    // A hash of renamed fields (`{user:publishingUserName, パスワード:publishingPassword}`):
    // records, some of whose fields are secret.
    if let Some(open) = expr.find('{') {
        let inner = expr[open + 1..].split('}').next().unwrap_or("");
        let secret = inner.split(',').any(|pair| {
            let field = pair.rsplit(':').next().unwrap_or("").trim();
            let last = field.rsplit('.').next().unwrap_or("");
            !last.contains(['(', '[', '@']) && secret_name(last)
        });
        return if secret { Query::Fields } else { Query::Other };
    }
    if expr.contains('(') {
        return Query::Other;
    }
    // The last field: past filters (`[?keyName=='key2']`) and indexes (`[0]`).
    let mut depth = 0;
    let mut field = String::new();
    for c in expr.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '.' if depth == 0 => field.clear(),
            c if depth == 0 => field.push(c),
            _ => {}
        }
    }
    if secret_name(&field) {
        Query::Secret
    } else {
        Query::Other
    }
}

/// What a filter after the command selects: `| jq -r .value`, `| jq '.[0].value'`,
/// `(… | ConvertFrom-Json).value`, `| Select-Object -ExpandProperty Value`.
fn selected(lower: &str) -> Query {
    let field = if let Some(j) = lower.rfind("| jq ").or_else(|| lower.rfind("|jq ")) {
        // The filter: the last argument that is not a flag.
        let args = &lower[j..].split('|').nth(1).unwrap_or("")[3..];
        let filter = args
            .split_whitespace()
            .rfind(|a| !a.starts_with('-'))
            .unwrap_or("")
            .trim_matches(['\'', '"']);
        filter
            .rsplit('.')
            .next()
            .unwrap_or("")
            .trim_end_matches(']')
            .to_string()
    } else if let Some(e) = lower
        .rfind("-expandproperty ")
        .or_else(|| lower.rfind("-expand "))
    {
        let rest = &lower[e..];
        rest.split_whitespace().nth(1).unwrap_or("").to_string()
    } else if let Some(p) = lower.trim_end().rfind(").") {
        let member = &lower.trim_end()[p + 2..];
        if !member
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            return Query::None;
        }
        member.to_string()
    } else {
        return Query::None;
    };
    if field.is_empty() || field.contains(['(', '{', ' ', '|']) {
        Query::None
    } else if secret_name(&field) {
        Query::Secret
    } else {
        Query::Other
    }
}

/// The end of the command's line, past continuation lines (` \`, `` ` ``, `^`).
fn command_end(text: &str, mut le: usize) -> usize {
    for _ in 0..8 {
        let l = text[line_start(text, le)..le].trim_end();
        if !(l.ends_with(" \\") || l.ends_with(" `") || l.ends_with(" ^")) || le >= text.len() {
            break;
        }
        le = line_end(text, le + 1);
    }
    le
}

/// A shell or PowerShell prompt starting a line: `$ `, `> `, `PS C:\>`, `C:\>`,
/// `user@host:~$ `, `[user@host dir]$ `.
fn is_prompt(line: &str) -> bool {
    let mut t = line.trim_start();
    // Decorations before the prompt: a virtual environment (`(base) `), zsh's and fish's
    // marks (`➜  infra git:(main) ✗ `, `❯ `).
    if let Some(rest) = t.strip_prefix('(').and_then(|r| r.split_once(") ")) {
        if !rest.0.contains(' ') {
            t = rest.1.trim_start();
        }
    }
    if ["➜ ", "❯ ", "λ "].iter().any(|m| t.starts_with(m)) || prompt_mark(t).is_some() {
        return true;
    }
    // zsh: `tanaka@mac ~ % `.
    if let Some((head, _)) = t.split_once(" % ") {
        let mut w = head.split(' ');
        if w.next().is_some_and(|u| u.contains('@'))
            && w.all(|d| !d.contains('@'))
            && head.len() < 80
        {
            return true;
        }
    }
    if t == "$" || t == ">" || t.starts_with("$ ") || t.starts_with("> ") || t.starts_with("# ") {
        return true;
    }
    let head: String = t.chars().take(120).collect();
    if (t.starts_with("PS ") || t.starts_with("PS>")) && head.contains('>') {
        return true;
    }
    let b = t.as_bytes();
    if b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\' {
        return head.contains('>');
    }
    // user@host:~$ , [user@host dir]$
    match head.find(['$', '#']) {
        Some(p) => {
            let before = &head[..p];
            let after = &head[p + 1..];
            before.contains('@')
                && !before.contains(' ')
                && (after.is_empty() || after.starts_with(' '))
                || before.starts_with('[') && before.ends_with(']')
        }
        None => false,
    }
}

/// A line that closes a command's output: a prompt, a fence, a heading.
fn ends_output(line: &str) -> bool {
    let t = line.trim_start();
    // `+ cmd`: the next command of a shell trace (`set -x`).
    is_prompt(line)
        || t.starts_with("+ ")
        || t.starts_with("```")
        || t.starts_with("~~~")
        || t.starts_with("## ")
        // Azure Pipelines' and GitHub Actions' markers: `##[section]Finishing: …`.
        || t.starts_with("##[")
}

/// A line between a command and its output: blank, a fence, a short lead-in ending in a
/// colon (`出力:`, `Output:`), or a sentence in Japanese (`実行結果は以下のとおりです。`).
fn is_lead_in(line: &str) -> bool {
    let t = line.trim();
    t.is_empty()
        || t.starts_with("```")
        || t.starts_with("~~~")
        || t.chars().count() <= 40 && (t.ends_with(':') || t.ends_with('：'))
        || !t.contains('\t') && t.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c))
}

/// Reads the output starting on the line after `cmd_end`.
fn read_output(
    text: &str,
    cmd_end: usize,
    printed: Printed,
    prompt: Option<&str>,
    prefixed: bool,
    out: &mut Vec<Finding>,
) {
    let mut pos = cmd_end + 1;
    // Lead-in lines, then the output proper.
    let mut started = false;
    let mut blanks = 0;
    let mut table: Option<Vec<Column>> = None;
    let mut values_seen = 0;
    for n in 0..MAX_OUTPUT_LINES {
        if pos >= text.len() {
            break;
        }
        let mut le = line_end(text, pos);
        let next = le + 1;
        // A CI log's timestamp before every line.
        if prefixed {
            pos += log_prefix(&text[pos..le]);
        }
        let mut glued = false;
        if let Some(p) = prompt.filter(|_| printed == Printed::Value) {
            let l = text[pos..le].trim_end();
            if let Some(cut) = glued_prompt(l, p) {
                le = pos + cut;
                glued = true;
            }
        }
        let line = &text[pos..le];
        if !started {
            if n < 5 && is_lead_in(line) && annotated(line.trim()).is_none() {
                pos = next;
                continue;
            }
            if ends_output(line) {
                break;
            }
            started = true;
        } else if ends_output(line) {
            break;
        }
        if line.trim().is_empty() {
            blanks += 1;
            table = None;
            if blanks >= 2 || printed == Printed::Value && values_seen > 0 {
                break;
            }
            pos = next;
            continue;
        }
        blanks = 0;
        if let Some(cols) = &table {
            table_row(pos, line, cols, printed == Printed::Record, out);
        } else if let Some(cols) = rule_below(text, le, prefixed) {
            // A header line: the columns are the dashed rule's runs.
            table = Some(columns(line, &cols));
            pos = line_end(text, next) + 1;
            continue;
        } else if !field_line(text, pos, line, printed, out) {
            values_seen += plain_line(pos, line, printed, out);
        }
        if glued {
            break;
        }
        pos = next;
    }
}

/// Where a value printed without a newline ends on `l`, when the next prompt `p` follows
/// it: at the end of the line (`P@ss…azureuser@vm:~$`, `P@ss…$`), or before the next
/// command typed there (`P@ss…$ kubectl logs …`, `P@ss…ops@ws:~$ terraform output`).
fn glued_prompt(l: &str, p: &str) -> Option<usize> {
    if l.len() > p.len() && l.ends_with(p) {
        return Some(l.len() - p.len());
    }
    // The prompt's own mark (`$`, `#`), or zsh's `%`, the mark it prints after a last
    // line without a newline: a password may end in another (`…Sakura12#` under `$`).
    let mark = p
        .chars()
        .last()
        .filter(|c| matches!(c, '$' | '#'))
        .unwrap_or('$');
    if !l.contains(' ') && l.len() > 1 && l.ends_with([mark, '%']) {
        return Some(l.len() - 1);
    }
    // The value is one word: the prompt is the first `p` after it followed by a space.
    let word = l.find([' ', '\t'])?;
    l.match_indices(p)
        .map(|(i, _)| i)
        .take_while(|&i| i <= word)
        .find(|&i| i > 0 && l[i + p.len()..].starts_with(' '))
}

/// A table pasted without its command, `hit` on a word of its header row: a header
/// under which a dashed rule runs (`az … -o table`, PowerShell `Format-Table`), with a
/// column named for a secret (`userPWD`, `PrimaryKey`, `ClientSecret`, or `Value` in
/// rows whose name is one): the values in that column. Read once per table, from the
/// first secret column's word.
pub(crate) fn table_header(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let word_byte = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.');
    let mut s = hit.start;
    while s > 0 && hit.start - s < 40 && word_byte(b[s - 1]) {
        s -= 1;
    }
    let mut e = hit.end;
    while e < b.len() && e - hit.end < 40 && word_byte(b[e]) {
        e += 1;
    }
    // A header cell stands between spaces (not `"key":`, `key=`, `$key`).
    if s > 0 && !matches!(b[s - 1], b' ' | b'\t' | b'\n')
        || e < b.len() && !matches!(b[e], b' ' | b'\t' | b'\r' | b'\n')
    {
        return;
    }
    if registry_value(text, s..e, out) {
        return;
    }
    let le = line_end(text, e);
    // Cheap test first: the next line starts a rule of dashes (`az -o table`,
    // `Format-Table`) or of equals signs (a deployment's `Outputs`).
    let mut n = le + 1;
    while n < b.len() && matches!(b[n], b' ' | b'\t') {
        n += 1;
    }
    if !matches!(at(text, n), b'-' | b'=') || at(text, n + 1) != at(text, n) {
        return;
    }
    let Some(runs) = rule_below(text, le, false) else {
        return;
    };
    let ls = line_start(text, s);
    let mut cols = columns(&text[ls..le], &runs);
    // Without its command, a `Key` column names rows (App Configuration's `Key Value`),
    // and `Primary` / `Secondary` may be servers or regions.
    for c in &mut cols {
        let name = text
            .get(ls + c.span.start..(ls + c.span.end).min(le))
            .unwrap_or("");
        if matches!(normalize(name).as_str(), "key" | "primary" | "secondary") {
            c.secret = None;
        }
    }
    let word = s - ls..e - ls;
    let first_secret = cols.iter().position(|c| c.secret.is_some());
    let this = cols
        .iter()
        .position(|c| c.span.start < word.end && word.start < c.span.end);
    if first_secret.is_none() || first_secret != this {
        return;
    }
    table_rows(text, le, &cols, out);
}

/// The rows under the header ending at `le` and its rule, to the table's end.
fn table_rows(text: &str, le: usize, cols: &[Column], out: &mut Vec<Finding>) {
    let mut pos = line_end(text, le + 1) + 1;
    for _ in 0..MAX_OUTPUT_LINES {
        if pos >= text.len() {
            break;
        }
        let row_end = line_end(text, pos);
        let row = &text[pos..row_end];
        if row.trim().is_empty() || ends_output(row) {
            break;
        }
        table_row(pos, row, cols, false, out);
        pos = row_end + 1;
    }
}

/// A query's result printed as text (sqlcmd, SSMS) with Japanese column names, `hit` on
/// the Japanese word of a header cell (`認証キー`, `パスワード`) over a dashed rule: the
/// values in that column. Returns whether the header was one.
pub(crate) fn japanese_table_header(text: &str, hit: Range<usize>, out: &mut Vec<Finding>) -> bool {
    let le = line_end(text, hit.end);
    let mut n = le + 1;
    while matches!(at(text, n), b' ' | b'\t') {
        n += 1;
    }
    if at(text, n) != b'-' || at(text, n + 1) != b'-' {
        return false;
    }
    let Some(runs) = rule_below(text, le, false) else {
        return false;
    };
    let ls = line_start(text, hit.start);
    let cols = columns(&text[ls..le], &runs);
    // The rule is drawn in screen columns.
    let col: usize = text[ls..hit.start]
        .chars()
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .sum();
    let first_secret = cols.iter().position(|c| c.secret.is_some());
    let this = cols.iter().position(|c| c.span.contains(&col));
    if first_secret.is_some() && first_secret == this {
        table_rows(text, le, &cols, out);
    }
    true
}

/// A registry value as `reg query` lists it, `name` (at `word`) named for a secret:
/// `    DefaultPassword    REG_SZ    P@ss…`. Returns whether the line was one.
fn registry_value(text: &str, word: Range<usize>, out: &mut Vec<Finding>) -> bool {
    let b = text.as_bytes();
    let mut v = word.end;
    while matches!(at(text, v), b' ' | b'\t') {
        v += 1;
    }
    if v == word.end || !text[v..].starts_with("REG_") {
        return false;
    }
    let rest = &text[v..line_end(text, v)];
    let Some(ty) = ["REG_SZ", "REG_EXPAND_SZ"]
        .iter()
        .find(|t| rest.starts_with(*t) && matches!(b.get(v + t.len()), Some(b' ' | b'\t')))
    else {
        return true;
    };
    let value = rest[ty.len()..].trim();
    let start = v + ty.len() + rest[ty.len()..].find(value).unwrap_or(0);
    let class = secret_class(&text[word]);
    if let Some(class) = class.filter(|&c| printed_value(value, c)) {
        out.push(Finding {
            range: start..start + value.len(),
            kind: kind_of(class),
        });
    }
    true
}

/// The runs of a dashed rule (`---------  -----`) on the line after `le`, if it is one.
fn rule_below(text: &str, le: usize, prefixed: bool) -> Option<Vec<Range<usize>>> {
    if le + 1 >= text.len() {
        return None;
    }
    let next = &text[le + 1..line_end(text, le + 1)];
    let next = if prefixed {
        &next[log_prefix(next)..]
    } else {
        next
    };
    // Dashes, or equals signs under two columns at least (PowerShell's nested tables,
    // `Name  Type  Value` over `====  ====  =====`; one run is a heading's underline).
    let mark = if next.contains("--") {
        b'-'
    } else if next.contains("==") && next.trim().contains(" =") {
        b'='
    } else {
        return None;
    };
    if !next
        .bytes()
        .all(|c| c == mark || matches!(c, b' ' | b'\t' | b'\r'))
    {
        return None;
    }
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in next.bytes().chain([b' ']).enumerate() {
        match (c == mark, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    Some(runs)
}

/// A table column: where it lies, whether its header names a secret, and whether it
/// names the row (`Name`, `KeyName`: a bare `Value` column beside it holds a secret only
/// in the rows whose name says so).
struct Column {
    span: Range<usize>,
    secret: Option<Class>,
    names_row: bool,
}

fn columns(header: &str, runs: &[Range<usize>]) -> Vec<Column> {
    runs.iter()
        .map(|r| {
            let name = cell(header, r.clone());
            let name = name.trim();
            let n = normalize(name);
            let secret = if matches!(
                n.as_str(),
                "value" | "key" | "password2" | "primary" | "secondary"
            ) || vocabulary::VALUE_WORDS.contains(&name)
            {
                Some(Class::Secret)
            } else {
                secret_class(name).or_else(|| japanese_header(name))
            };
            Column {
                span: r.clone(),
                secret,
                names_row: matches!(n.as_str(), "name" | "keyname" | "key"),
            }
        })
        .collect()
}

/// A Japanese header naming a secret, as `--query "{パスワード:publishingPassword}"` or
/// a localised cmdlet prints it (`パスワード`, `主キー`, `クライアント シークレット`,
/// `アクセス トークン`); a public key (`公開キー`) is none.
fn japanese_header(name: &str) -> Option<Class> {
    // A password's word anywhere (`パスワード（初期）`); other words end the header.
    if vocabulary::mentions(name) == Some(Named::Password) {
        return Some(Class::Password);
    }
    match vocabulary::label_names(name)? {
        Named::Password => Some(Class::Password),
        Named::Secret => Some(Class::Secret),
        Named::Key => Some(Class::Key(Kind::AccessKey)),
    }
}

/// The header text above a run of the dashed rule. The rule is drawn in screen columns:
/// a Japanese header (`ユーザー  パスワード`) takes two columns a character.
fn cell(header: &str, run: Range<usize>) -> String {
    let mut col = 0;
    let mut name = String::new();
    for c in header.chars() {
        if run.contains(&col) {
            name.push(c);
        }
        col += if is_wide(c) { 2 } else { 1 };
        if col >= run.end {
            break;
        }
    }
    name
}

/// A character drawn two columns wide (kana, kanji, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}')
}

/// The whitespace-separated words of `line` with their offsets.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split([' ', '\t', '\r'])
        .scan(0usize, |off, w| {
            let start = *off;
            *off += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// A table row: the words under a secret column. One word per column goes by order
/// (values wider than their column push the others right); otherwise by position.
fn table_row(pos: usize, line: &str, cols: &[Column], one_secret: bool, out: &mut Vec<Finding>) {
    let row: Vec<(usize, &str)> = words(line).collect();
    let by_order = row.len() == cols.len();
    // The row's name, when a column names rows: its first word.
    let name = cols
        .iter()
        .position(|c| c.names_row)
        .and_then(|i| if by_order { row.get(i) } else { row.first() })
        .map(|(_, w)| *w);
    for (i, &(start, w)) in row.iter().enumerate() {
        let end = start + w.len();
        let col = if by_order {
            cols.get(i)
        } else {
            // The column the word overlaps most.
            cols.iter()
                .filter(|c| c.span.end.min(end) > c.span.start.max(start))
                .max_by_key(|c| c.span.end.min(end) - c.span.start.max(start))
        };
        let Some(Column {
            secret: Some(class),
            names_row,
            ..
        }) = col
        else {
            continue;
        };
        // A bare `Value` beside a name: only a secret name's value, or a machine-made
        // value of a setting named `Auth` (App Configuration's `Partner:Auth`).
        if *class == Class::Secret
            && !names_row
            && !one_secret
            && name.is_some_and(|n| !(secret_name(n) || auth_setting(n) && looks_random(w, 24)))
        {
            continue;
        }
        // PowerShell quotes a string in a nested table (`"P@ss…"`).
        let (w, start, end) = match w.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            Some(v) => (v, start + 1, end - 1),
            None => (w, start, end),
        };
        if printed_value(w, *class) {
            out.push(Finding {
                range: pos + start..pos + end,
                kind: kind_of(*class),
            });
        }
    }
}

/// A setting whose last section is `Auth` (`Partner:Auth`, `Webhook__Auth`, `api.auth`):
/// what authenticates to it.
fn auth_setting(name: &str) -> bool {
    let last = name.rsplit([':', '.', '/']).next().unwrap_or(name);
    let last = last.rsplit("__").next().unwrap_or(last);
    last.eq_ignore_ascii_case("auth")
}

fn kind_of(class: Class) -> Kind {
    match class {
        Class::Password => Kind::Password,
        Class::Token => Kind::Token,
        Class::Key(k) => k,
        _ => Kind::Secret,
    }
}

/// Whether `v`, printed where a secret of `class` goes, is one: not a placeholder, a
/// date, a URL, an ID; shaped as `class` wants (a key random, a password any mix).
fn printed_value(v: &str, class: Class) -> bool {
    let v = v.trim_matches('"');
    if v.len() < 6 || !v.is_ascii() || v.contains("://") || holds_pairs(v) || is_document(v) {
        return false;
    }
    if encoded_document(v) {
        return false;
    }
    let class = match class {
        Class::Key(_) | Class::Token => Class::Key(Kind::AccessKey),
        _ => Class::Secret,
    };
    accept(class, v, Sep::Strong, true)
}

/// A line that is not one value but a setting (`username=stfileshare01` in a
/// credentials file, `export DB_HOST=…`) or a document (`{"region":"japaneast",…}`
/// decoded from a Secret, `[…]`): the detectors of names and values read those; the
/// output does not make a secret of the whole.
fn is_document(v: &str) -> bool {
    let b = v.as_bytes();
    let object = matches!((b[0], b[b.len() - 1]), (b'{', b'}') | (b'[', b']'));
    // `name=value`: a name, then `=` and a value (base64 pads with `=` only at its end;
    // a key of other alphabets holds `=` anywhere, after no name: `yCqw…eZN=A=d9…`).
    let setting = v.split_once('=').is_some_and(|(name, value)| {
        name.len() >= 3
            && !looks_random(name, 12)
            && name.as_bytes()[0].is_ascii_alphabetic()
            && name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
            && !value.is_empty()
            && !value.starts_with('=')
    });
    object || setting
}

/// A document in base64 that names no credential inside (`eyJyZWdpb24iOi…`, a
/// Secret's `settings.json` printed as stored): settings kept in a Secret for
/// convenience. A document naming one (`{"auths":…,"password":…}`) stays a secret.
fn encoded_document(v: &str) -> bool {
    // `{"` and `[{` in base64.
    if !(v.starts_with("eyJ") || v.starts_with("W3s")) || v.contains('.') {
        return false;
    }
    let Some(decoded) = super::checksum::base64_decode(v) else {
        return false;
    };
    let Ok(doc) = std::str::from_utf8(&decoded) else {
        return false;
    };
    let lower = doc.to_ascii_lowercase();
    is_document(doc.trim())
        && ![
            "pass", "pwd", "secret", "key", "token", "cred", "auth", "sig", "cert",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// `"value": "…"` or `value: …` in the output of a command printing secrets: a field
/// whose name alone says nothing, which [`super::keyvalue`] leaves. Returns whether the
/// line was a field line.
fn field_line(
    text: &str,
    pos: usize,
    line: &str,
    printed: Printed,
    out: &mut Vec<Finding>,
) -> bool {
    let t = line.trim_start();
    let quoted_key = t.starts_with('"');
    let body = t.trim_start_matches('"');
    let Some(colon) = body.find(':') else {
        return false;
    };
    let name = body[..colon].trim_end_matches('"');
    // A name renamed in Japanese by a `--query` (`"パスワード": "…"`, `主キー: …`).
    let japanese = !name.is_ascii() && name.chars().count() <= 12;
    let japanese_secret = japanese.then(|| japanese_header(name)).flatten();
    let is_field = !name.is_empty()
        && (japanese
            || name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')))
        && (quoted_key || body[colon + 1..].starts_with(' ') || body.len() == colon + 1);
    if !is_field {
        return false;
    }
    let indent = line.len() - body.len();
    let line_end = pos + line.len();
    let mut vs = pos + indent + colon + 1;
    while vs < line_end && matches!(at(text, vs), b' ' | b'\t') {
        vs += 1;
    }
    let quoted = at(text, vs) == b'"';
    let start = (vs + usize::from(quoted)).min(line_end);
    let rest = &text[start..line_end];
    let len = if quoted {
        rest.find('"').unwrap_or(rest.len())
    } else {
        rest.find([',', ' ', '\r']).unwrap_or(rest.len())
    };
    let v = &rest[..len];
    // `value` (Key Vault, shared keys, ACR passwords) is a secret in this output; other
    // names only when their value is shaped as a key (`durabletask_extension`).
    // A public key's JSON Web Key members (`n`, `e`, `x`, `y`) are public.
    let public = matches!(name, "n" | "e" | "x" | "y" | "x5c" | "x5t" | "kid");
    let ok = if let Some(class) = japanese_secret {
        printed_value(v, class)
    } else if normalize(name) == "value" {
        printed_value(v, Class::Secret)
    } else if public {
        false
    } else {
        printed != Printed::Value && key_like(v)
    };
    if ok {
        out.push(Finding {
            range: start..start + len,
            kind: Kind::Secret,
        });
    }
    true
}

/// A machine-made key or token: long and random (a digit in it, or 40 characters), not
/// an ID, a date or a path.
fn key_like(v: &str) -> bool {
    // A media type (`"contentType": "application/x-pkcs12"`) is a word, not a key.
    let media_type = v.split_once('/').is_some_and(|(top, sub)| {
        matches!(
            top,
            "application" | "text" | "image" | "audio" | "video" | "multipart" | "font"
        ) && !sub.contains('/')
    });
    !media_type
        && v.len() >= 20
        && !v.contains("://")
        && !is_placeholder(v)
        && looks_random(v, 20)
        && (v.len() >= 40 || v.bytes().any(|c| c.is_ascii_digit()))
        && v.bytes().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=' | b'-' | b'_' | b'.' | b'~')
        })
}

/// The value of an output line annotated after it by whoever pasted it: `P@ss…  ←
/// 本番用`, `key…　（プライマリ）`, `P@ss…  # rotated`, `P@ss… <- this one`.
fn annotated(t: &str) -> Option<&str> {
    let (value, note) = t.split_once([' ', '\u{3000}'])?;
    if !value.is_ascii() {
        return None;
    }
    is_value_note(note.trim_start_matches([' ', '\u{3000}'])).then_some(value)
}

/// A plain output line: the value itself (one word, or tab-separated fields). Returns how
/// many values it held.
fn plain_line(pos: usize, line: &str, printed: Printed, out: &mut Vec<Finding>) -> usize {
    let t = line.trim();
    // Messages (`ERROR: …`, `(Forbidden) The user …`) are sentences, not values.
    let fields: Vec<(usize, &str)> = if line.contains('\t') {
        line.split('\t')
            .scan(0usize, |off, w| {
                let start = *off;
                *off += w.len() + 1;
                Some((start, w))
            })
            .map(|(s, w)| (s + (w.len() - w.trim_start().len()), w.trim()))
            .filter(|(_, w)| !w.is_empty())
            .collect()
    } else if let Some(v) = annotated(t).filter(|_| printed == Printed::Value) {
        vec![(line.len() - line.trim_start().len(), v)]
    } else if !t.contains(' ') {
        vec![(line.len() - line.trim_start().len(), t)]
    } else if printed != Printed::Value {
        words(line).collect()
    } else {
        return 0;
    };
    let count = fields.len();
    // A row named for a secret, its value last (`SQL_PASSWORD<TAB>False<TAB>P@ss…` of
    // `appsettings list -o tsv`).
    let named = fields
        .first()
        .filter(|_| count > 1 && line.contains('\t'))
        .and_then(|(_, w)| secret_class(w));
    let mut n = 0;
    for (start, w) in fields {
        let ok = match printed {
            Printed::Value => printed_value(w, Class::Secret),
            Printed::Record if n + 1 == count && count > 1 => printed_value(w, Class::Secret),
            Printed::Keys if n + 1 == count && named.is_some() => {
                named.is_some_and(|c| printed_value(w, c))
            }
            Printed::Keys | Printed::Record => key_like(w),
        };
        if ok {
            let w = w.trim_matches('"');
            let start = start + line[start..].find(w).unwrap_or(0);
            out.push(Finding {
                range: pos + start..pos + start + w.len(),
                kind: Kind::Secret,
            });
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_printing_secrets_holds_an_anchor() {
        for phrase in AZ_PRINTING_SECRETS.iter().chain(&[
            "convertfrom-securestring",
            "getnetworkcredential().password",
            "get-azstorageaccountkey",
        ]) {
            assert!(ANCHORS.iter().any(|a| phrase.contains(a)), "{phrase}");
        }
    }

    #[test]
    fn prompts() {
        for p in [
            "$ az login",
            "PS C:\\Users\\tanaka> az keyvault",
            "C:\\> manage-bde",
            "yamada@Azure:~$ az",
            "[azureuser@vm1 ~]$ kubectl",
            "PS>",
            "$",
        ] {
            assert!(is_prompt(p), "{p}");
        }
        for p in [
            "key1       FULL",
            "P@ss$word",
            "name@example.com is the owner",
            "- $5",
        ] {
            assert!(!is_prompt(p), "{p}");
        }
    }

    #[test]
    fn windows_line_endings_stay_out_of_the_values() {
        let key = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2";
        let text = format!(
            "PS C:\\> az storage account keys list -g rg -n st1 -o table\r\n\
             KeyName    Value\r\n---------  -----\r\nkey1       {key}\r\n\r\n\
             PS C:\\> az keyvault secret show --vault-name kv -n x --query value -o tsv\r\n\
             Zx81!kQw0pLm9\r\n"
        );
        let found: Vec<&str> = crate::secrets::scan(&text)
            .iter()
            .map(|f| &text[f.range.clone()])
            .collect();
        assert_eq!(found, [key, "Zx81!kQw0pLm9"]);
    }

    use crate::secrets::found;

    #[test]
    fn a_value_printed_without_a_newline_ends_at_the_next_prompt_and_its_command() {
        for (text, value) in [
            (
                "ops@jump:~$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n\
                 Kq9$zzPw7!xops@jump:~$ kubectl logs deploy/api | tail -3\n",
                "Kq9$zzPw7!x",
            ),
            (
                "$ terraform output -raw sql_admin_password\nWq8#Lm2zPx$ terraform output\n",
                "Wq8#Lm2zPx",
            ),
            (
                "PS C:\\> Write-Host -NoNewline (Get-AzKeyVaultSecret -VaultName kv -Name db -AsPlainText)\n\
                 Tz7!pQ2wLkPS C:\\> Get-Date\n",
                "Tz7!pQ2wLk",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
    }

    #[test]
    fn a_sentence_or_fences_between_a_command_and_its_output_are_passed() {
        let key = "Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA==";
        for text in [
            "PS C:\\> az keyvault secret show --vault-name kv -n db --query value -o tsv\n\
             実行結果は以下のとおりです。\n\nKq9$zzPw7!x2\n"
                .to_string(),
            "```\n$ az keyvault secret show --vault-name kv -n db --query value -o tsv\n```\n\
             結果（コピーしたまま貼ります）\n```\nKq9$zzPw7!x2\n```\n"
                .to_string(),
        ] {
            assert_eq!(found(&text), ["Kq9$zzPw7!x2"], "{text}");
        }
        let text = format!(
            "$ az batch account keys list -g rg -n batchprd -o table\n\
             AccountName    Primary    Secondary\n-------------  ---------  ---------\n\
             batchprd       {key}  {key}\n"
        );
        assert_eq!(found(&text), [key, key]);
        // Without the command, `Primary` and `Secondary` may name servers.
        let text = "Name        Primary           Secondary\n----------  ----------------  ----------------\n\
                    fog-prd     sql-prd-jpe-001   sql-prd-jpw-001\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn filters_and_getters_that_print_one_secret() {
        let key = "Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA==";
        for (cmd, value) in [
            ("$ az keyvault secret show --vault-name kv -n db | jq -r .value", "Kq9$zzPw7!x2"),
            ("PS C:\\> (az keyvault secret show --vault-name kv -n db | ConvertFrom-Json).value", "Kq9$zzPw7!x2"),
            ("$ az storage account keys list -n st1 | jq -r '.[0].value'", key),
            ("PS> Get-AzStorageAccountKey -ResourceGroupName rg -Name st1 | Select-Object -First 1 -ExpandProperty Value", key),
            ("$ aws configure get aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzKEYQw8ZpL2m"),
            ("$ docker exec app printenv DB_PASSWORD", "Kq9$zzPw7!x2"),
            ("$ heroku config:get SECRET_KEY_BASE -a app", key),
            ("$ gcloud auth print-identity-token", key),
            ("$ az keyvault secret download --vault-name kv -n api --file /dev/stdout", key),
        ] {
            let text = format!("{cmd}\n{value}\n");
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            "$ az keyvault secret show --vault-name kv -n db | jq -r .id\nhttps://kv.vault.azure.net/secrets/db/0123456789abcdef0123456789abcdef\n",
            "$ aws configure get region\nap-northeast-1\n",
            // Downloaded to a file: nothing printed, the next prompt's output is not it.
            "$ az keyvault secret download --vault-name kv -n api --file api.txt\n$ ls\napi.txt\n",
            "$ docker exec app printenv DB_HOST\npg-prd-jpe-001.postgres.database.azure.com\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_powershell_variable_holding_a_key_echoed_at_the_prompt() {
        let key = "Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA==";
        let text = format!(
            "PS C:\\> $key = (Get-AzStorageAccountKey -ResourceGroupName rg -Name st1)[0].Value\n\
             PS C:\\> $key\n{key}\n"
        );
        assert_eq!(found(&text), [key]);
        let text = "PS> $secret = Get-AzKeyVaultSecret -VaultName kv -Name db\n\
                    PS> $secret.SecretValue | ConvertFrom-SecureString -AsPlainText\nKq9$zzPw7!x2\n";
        assert_eq!(found(text), ["Kq9$zzPw7!x2"]);
        let text = "PS> Get-AzKeyVaultSecret -VaultName kv -Name db | Select-Object -ExpandProperty SecretValueText\nKq9$zzPw7!x2\n";
        assert_eq!(found(text), ["Kq9$zzPw7!x2"]);
        // A variable that holds no secret, echoed.
        let text =
            "PS> $keyName = 'key1'\nPS> $keyName\nkey1\nPS> $rg\nrg-production-japaneast-001\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn a_variable_holding_keys_echoed_later_whatever_its_name() {
        let key = "Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA==";
        let key2 = "Zt4PmQ8nXr2LkW6vBy9sHc3Df7Jg1Ke5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmB==";
        // A member of the variable, Japanese prompt, with other commands between.
        let text = format!(
            "PS C:\\Users\\鈴木> $k = Get-AzCosmosDBAccountKey -ResourceGroupName rg -Name db -Type \"Keys\"\n\
             PS C:\\Users\\鈴木> $k.PrimaryMasterKey\n{key}\n\
             PS C:\\Users\\鈴木> Get-Date\n2026年12月7日 10:00:00\n\
             PS C:\\Users\\鈴木> $k.SecondaryReadonlyMasterKey\n{key2}\n"
        );
        assert_eq!(found(&text), [key, key2]);
        // The whole variable, printed as a table; an index and its value.
        let text = format!(
            "PS> $r = Get-AzStorageAccountKey -ResourceGroupName rg -Name st1\n\
             PS> $r[1].Value\n{key}\nPS> $r\n\n\
             KeyName Value{pad} Permissions CreationTime\n\
             ------- -----{pad} ----------- ------------\n\
             key1    {key2} Full        2026/12/01\n",
            pad = " ".repeat(key.len() - 5)
        );
        assert_eq!(found(&text), [key, key2]);
        // Members that hold no secret, another variable, and the variable reassigned.
        let text = format!(
            "PS> $k = Get-AzCosmosDBAccountKey -ResourceGroupName rg -Name db\n\
             PS> $k.Count\n2\nPS> $other\nQ7vLmX2pR9sTk4Wn8Bc3\n\
             PS> $k = Get-Date\nPS> $k[0].Value\n{key}\n"
        );
        assert!(found(&text).is_empty(), "{:?}", found(&text));
    }

    #[test]
    fn a_setting_named_auth_in_a_key_value_listing() {
        let hex = "4886def783570835214235faf5f16b780d5f6898adc17f01";
        let text = format!(
            "$ az appconfig kv show -n appcs --key \"Partner:Auth\" -o table\n\
             Key           Value                                             Label    Locked\n\
             ------------  ------------------------------------------------  -------  --------\n\
             Partner:Auth  {hex}  prd      False\n"
        );
        assert_eq!(found(&text), [hex]);
        let text = format!(
            "Name                 Value                                             SlotSetting\n\
             -------------------  ------------------------------------------------  -------------\n\
             Webhook__Auth        {hex}  False\n\
             Smtp__Auth           true                                              False\n\
             Partner__AuthMode    Bearer                                            False\n"
        );
        assert_eq!(found(&text), [hex]);
    }

    #[test]
    fn basic_credentials_made_by_hand_in_powershell_are_printed_secrets() {
        let b64 = "MjY5MzE3YzgtZjNiMy00MGVhLWI1NmQtOWE4MjFhOGE1Y2NjOjJkVzhRfkFZT3hSOGZYY1NiVlpGbnNjMWYyOTQ5VTJnTHVQaWFueEU=";
        for text in [
            format!("PS C:\\work> [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair))\n{b64}\nPS C:\\work> exit\n"),
            format!("PS> [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(\"$($clientId):$($clientSecret)\"))\n{b64}\n"),
            // Assigned, then echoed (a Japanese prompt).
            format!("PS C:\\Users\\佐藤> $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(\"${{user}}:${{pass}}\"))\n\
                     PS C:\\Users\\佐藤> $basic\n{b64}\n"),
        ] {
            assert_eq!(found(&text), [b64], "{text}");
        }
        for text in [
            format!("PS> [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($body))\n{b64}\n"),
            format!("PS> [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(\"https://example.com\"))\n{b64}\n"),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn a_field_named_for_a_secret_selected_from_any_commands_result() {
        let tok = "9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c";
        for text in [
            format!("PS C:\\Users\\田中> $r = Invoke-RestMethod -Uri $url -Method Post -Body $body\nPS C:\\Users\\田中> $r.access_token\n{tok}\n"),
            format!("$ curl -s -X POST $TOKEN_URL -d \"grant_type=client_credentials\" | jq -r .access_token\n{tok}\n"),
            format!("PS> (Invoke-WebRequest $url -Method Post -Body $b | ConvertFrom-Json).access_token\n{tok}\n"),
            // Assigned deep in a call, then echoed.
            format!("PS> $plain = [Runtime.InteropServices.Marshal]::PtrToStringAuto([Runtime.InteropServices.Marshal]::SecureStringToBSTR($sec))\nPS> $plain\n{tok}\n"),
        ] {
            assert_eq!(found(&text), [tok], "{text}");
        }
        for text in [
            format!("$ cat settings.json | jq -r .value\n{tok}\n"),
            format!("PS> (Get-Content .\\app.json | ConvertFrom-Json).value\n{tok}\n"),
            "$ curl -s $URL | jq -r .token_type\nBearer\n".to_string(),
        ] {
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn prompts_with_decorations_start_commands_and_end_outputs() {
        for prompt in [
            "(base) tanaka@mac:~$ ",
            "➜  infra git:(main) ✗ ",
            "➜  ~ ",
            "tanaka@mac ~ % ",
            "(.venv) tanaka@mac ~/work % ",
            "❯ ",
        ] {
            let text = format!(
                "{prompt}az keyvault secret show --vault-name kv -n db --query value -o tsv\n\
                 Kq9$zzPw7!x2\n{prompt}az group list -o tsv\nrg-web\tjapaneast\n"
            );
            assert_eq!(found(&text), ["Kq9$zzPw7!x2"], "{text}");
            assert!(is_prompt(&format!("{prompt}ls")), "{prompt}");
        }
    }

    #[test]
    fn a_query_result_with_japanese_column_names_is_read_by_its_header() {
        let text = "システム名    接続先URL                                   認証キー                              更新日\n------------  ------------------------------------------  ------------------------------------  ----------\n勤怠          https://api.kintai-vendor.example.jp/v2     71e55b70b302a1a63ce3567dc0080d7a      2026-10-01\n経費精算      https://keihi.example.com/api               TF+a+iFXz6tT2OSA5HdpcXTjXFPJy43es7+pm3pc2hA=  2026-09-15\n電子帳票      https://cho.example.net/rest                (未設定)                              2026-08-01\n\n(3 行処理されました)\n";
        assert_eq!(
            found(text),
            [
                "71e55b70b302a1a63ce3567dc0080d7a",
                "TF+a+iFXz6tT2OSA5HdpcXTjXFPJy43es7+pm3pc2hA="
            ]
        );
        let text = "ログイン名    パスワード      最終ログイン\n------------  --------------  ------------\nkintai_app    Vbox5RL9Jx!c    2026-12-01\n";
        assert_eq!(found(text), ["Vbox5RL9Jx!c"]);
        // A public key's column is none; a rule under prose is no table.
        for text in [
            "ホスト名      公開キー\n------------  --------------------------------\nvm01          AAAAB3NzaC1yc2EAAAADAQABAAABAQC7\n",
            "キーの一覧です\n--\n以上です\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_table_pasted_without_its_command_is_read_by_its_header() {
        let key = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2";
        for (text, value) in [
            (
                "profileName                userName          userPWD\n\
                 -----------                --------          -------\n\
                 app-prd - Web Deploy       $app-prd          Xk2abcQ9zzLmPq0Rt\n"
                    .to_string(),
                "Xk2abcQ9zzLmPq0Rt",
            ),
            (
                format!("キーの一覧です。\nKeyName    Permissions    Value\n---------  -------------  -----\nkey1       FULL           {key}\n"),
                key,
            ),
            (
                "DisplayName  ClientSecret\n-----------  ------------\nci-deployer  Wq8#Lm2zPx9v\n".to_string(),
                "Wq8#Lm2zPx9v",
            ),
        ] {
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            // App Configuration's keys name settings; their values are no secrets.
            "Key              Value\n---------------  ------------------\nApp:Color        Blue\nApp:Region       japaneast-2\n",
            "Name      PasswordLastSet        Enabled\n----      ---------------        -------\ntanaka    2026/12/01 10:00:00    True\n",
            "KeyName    CreationTime\n---------  ---------------------------\nkey1       2026-11-30T02:14:55.192832+00:00\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_secret_stores_cli_printing_one_secret() {
        for (cmd, value) in [
            ("vault@ops:~$ vault kv get -field=password secret/sql/prod", "Kumo+pvn7955"),
            ("$ vault read -field=client_secret kv/app", "Lp9$wQ2zKm7xR"),
            ("$ op read \"op://Ops/sql-prod/password\"", "Zq7!mK2pLw9x"),
            ("$ op item get sql-prod --fields label=password --reveal", "Zq7!mK2pLw9x"),
            ("$ bw get password sql-admin", "Rt5#nL8wQz1K"),
            ("$ gcloud secrets versions access latest --secret=db-password", "Hw3$kP9zQm2L"),
            ("$ pass show azure/sql-admin", "Hw3$kP9zQm2L"),
            ("% security find-generic-password -s sql-prod -w", "Hw3$kP9zQm2L"),
            ("PS C:\\> Get-Secret -Name SqlAdmin -AsPlainText", "Hw3$kP9zQm2L"),
            (
                "$ aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text",
                "Jk8@pLm3Qz7W",
            ),
            (
                "$ aws ssm get-parameter --name /app/db-password --with-decryption --query Parameter.Value --output text",
                "Jk8@pLm3Qz7W",
            ),
        ] {
            let text = format!("{cmd}\n{value}\n");
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            "$ vault kv get -field=username secret/sql/prod\nsqladmin_user01\n",
            "$ op read \"op://Ops/sql-prod/username\"\nsqladmin_user01\n",
            "$ aws ssm get-parameter --name /app/region --query Parameter.Value --output text\nap-northeast-1\n",
            "$ gcloud secrets versions list db-password\nNAME  STATE    CREATED\n3     enabled  2026-12-01T02:11:09\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_secret_file_printed_in_a_container_over_ssh_or_by_its_last_line() {
        for (cmd, value) in [
            (
                "$ docker exec app cat /run/secrets/db_password",
                "Kq9$zzPw7!x2",
            ),
            (
                "$ kubectl exec -it api-7d9f -- cat /mnt/secrets-store/sql-admin-password",
                "Hw3$kP9zQm2L",
            ),
            (
                "azureuser@jump:~$ ssh vm-db01 'sudo cat /etc/mysql/root_password.txt'",
                "Rt5#nL8wQz1K",
            ),
            (
                "$ tail -n 1 /etc/app/api-key.txt",
                "3f0c9b1e7a2d4c8f9e6b5a4d3c2b1a0f",
            ),
            ("$ kubectl view-secret db-conn password", "Zq7!mK2pLw9x"),
            ("C:\\作業> type .\\本番DBパスワード.txt", "Kq9$zzPw7!x2"),
            (
                "C:\\> type C:\\secrets\\sql-sa-password.txt",
                "Kq9$zzPw7!x2",
            ),
            ("C:\\作業> echo %SQL_ADMIN_PASSWORD%", "Hw3$kP9zQm2L"),
            (
                "$ aws ecr get-login-password --region ap-northeast-1",
                "eyJwYXlsb2FkIjoiQ2V4dU5wN0ZyM3VpZ0pXbE5wM1FnYm9OZ2JpR0ZxZ2xSZzVC",
            ),
        ] {
            let text = format!("{cmd}\n{value}\n");
            assert_eq!(found(&text), [value], "{text}");
        }
        for text in [
            "$ docker exec app cat /etc/hostname\n3f0c9b1e7a2d\n",
            "C:\\作業> type .\\手順メモ.txt\nKq9zzPw7x2Lm\n",
            "C:\\> echo %COMPUTERNAME%\nVM-WEB01-JPE\n",
            "The content type is application/json.\nKq9zzPw7x2Lm\n",
            "$ kubectl logs deploy/api | tail -3\nKq9zzPw7x2Lm\n",
            "$ tail -n 20 /var/log/app/token-refresh.log\n2026-12-07T01:00:00Z INFO refreshed\n",
            "$ kubectl view-secret db-conn\nMultiple sub keys found. Specify another argument\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn public_keys_shown_as_json_web_keys_are_left() {
        let n = "wJalrXUtnFEMIK7MDENGbPxRfiCYzzKEYQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA";
        for cmd in [
            "$ az keyvault key show --vault-name kv1 -n cmk -o json",
            "$ az webpubsub key show -n wps1 -g rg --query jwk",
        ] {
            let text = format!(
                "{cmd}\n{{\n  \"key\": {{\n    \"e\": \"AQAB\",\n    \"kty\": \"RSA-HSM\",\n    \"n\": \"{n}\"\n  }}\n}}\n"
            );
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
    }

    #[test]
    fn az_commands_named_for_keys_in_other_words() {
        let key = "vN1G/2bZoLXgfq6B+sxes6d10dabA4eRDwfaXMybBZFjv5v6Z0HvxwvZpoW+/eOrWjGn2KTUn/ARfE+HH98zhA==";
        for cmd in [
            "$ az communication list-key -g rg -n acs1 --query primaryKey -o tsv",
            "$ az staticwebapp secrets list -n swa1 --query properties.apiKey -o tsv",
            "PS C:\\> az apim nv show-secret -g rg -n apim1 --named-value-id dbpw --query value -o tsv",
        ] {
            let text = format!("{cmd}\n{key}\n");
            assert_eq!(found(&text), [key], "{text}");
        }
    }

    #[test]
    fn prompts_that_end_in_a_mark_after_the_directory() {
        for (text, value) in [
            // zsh prints `%` after a last line without a newline.
            (
                "~/infra/envs/prod ❯ terraform output -raw vm_admin_password\nKx9!mQ2zLp7w%\n~/infra/envs/prod ❯ ls\n",
                "Kx9!mQ2zLp7w",
            ),
            (
                "api on  main ❯ vault kv get -field=client_secret kv/app\nLp9$wQ2zKm7x%\napi on  main ❯ ls\n",
                "Lp9$wQ2zKm7x",
            ),
            (
                "infra λ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\nWq8#Lm2zPx7infra λ\n",
                "Wq8#Lm2zPx7",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        let text = "~/infra ❯ terraform output -raw vm_admin_username\nazureadmin%\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn settings_and_documents_printed_are_read_by_their_fields() {
        let key = "Qw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4Lm8Nb2Vc6XsQw8ZpL2mXk9RtY4vBn6sHj3Dw7Fc1Ge5Ua0OiTz4LmA==";
        // A credentials file: the password, not the user name nor the line.
        for text in [
            format!("root@vm:~# cat /etc/cifs-credentials\nusername=stfileshare01\npassword={key}\n"),
            format!("PS C:\\> Get-Content .\\smb-credentials.txt\nusername=AZURE\\st1\npassword={key}\ndomain=AZURE\n"),
        ] {
            assert_eq!(found(&text), [key], "{text}");
        }
        // A document decoded from a Secret: its fields say what is secret.
        for text in [
            "$ kubectl get secret app-config -o jsonpath='{.data.settings\\.json}' | base64 -d\n\
             {\"featureFlags\":{\"newCheckout\":true},\"region\":\"japaneast\",\"tenantId\":\"264ef789-dbc7-431d-bc98-aa5635e446c3\"}\n",
            "$ kubectl get secret app-config -o jsonpath='{.data.regions}' | base64 -d\n[\"japaneast\",\"japanwest\",\"eastasia\"]\n",
            "$ kubectl get secret app-env -o jsonpath='{.data.env}' | base64 -d\nLOG_LEVEL=debug\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn renamed_fields_of_a_query_are_read_in_a_table_or_tsv() {
        let pw = "teo2ej16Bk5Az3f3ac1u5I6y8YCWswpYpjyVrZOXpiHH4kZEN4TlnhktAabe";
        for text in [
            // A Japanese header takes two screen columns a character.
            format!(
                "PS C:\\> az webapp deployment list-publishing-credentials -g rg -n app1 --query \"{{user:publishingUserName, pw:publishingPassword}}\" -o table\n\
                 User             Pw\n\
                 ---------------  ------------------------------------------------------------\n\
                 $app1            {pw}\n"
            ),
            format!(
                "$ az webapp deployment list-publishing-credentials -g rg -n app1 --query \"{{u:publishingUserName, p:publishingPassword}}\" -o tsv\n$app1\t{pw}\n"
            ),
        ] {
            assert_eq!(found(&text), [pw], "{text}");
        }
        for text in [
            format!(
                "$ az webapp deployment list-publishing-credentials -g rg -n app1 --query \"{{名前:publishingUserName, 発行用:publishingPassword}}\" -o yaml\n\
                 名前: $app1\n発行用パスワード: {pw}\n"
            ),
            format!(
                "$ az storage account keys list -g rg -n st1 --query \"[0].{{name:keyName, 主キー:value}}\" -o json\n\
                 {{\n  \"name\": \"key1\",\n  \"主キー\": \"{pw}\"\n}}\n"
            ),
        ] {
            assert_eq!(found(&text), [pw], "{text}");
        }
        let cols = columns("ユーザー          パスワード", &[0..16, 18..78]);
        assert!(cols[0].secret.is_none());
        assert!(cols[1].secret.is_some());
        let text = "$ az webapp deployment list-publishing-credentials -g rg -n app1 --query \"{user:publishingUserName, url:scmUri}\" -o tsv\n$app1\thttps://app1.scm.azurewebsites.net\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn queries() {
        for (line, secret) in [
            ("az x --query value -o tsv", true),
            ("az x --query \"[?keyName=='key2'].value\"", true),
            ("az x --query \"passwords[0].value\" -o tsv", true),
            ("az x --query primarymasterkey -o tsv", true),
            ("az x --query id -o tsv", false),
            ("az x --query \"keys(@)\" -o tsv", false),
            ("az x --query \"{a:keyname, b:creationtime}\"", false),
            ("az x --query \"{a:keyname, b:value}\"", true),
        ] {
            let q = query(line);
            assert!(
                matches!(
                    (q, secret),
                    (Query::Secret | Query::Fields, true) | (Query::Other, false)
                ),
                "{line}"
            );
        }
        assert!(matches!(query("az x -o table"), Query::None));
    }

    #[test]
    fn ci_logs_read_past_their_timestamps_and_markers() {
        let pw = "Hq7!vR2mZx9#Lp";
        let key = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2";
        for text in [
            // Azure Pipelines, Linux agent.
            format!(
                "2025-02-03T04:11:52.8810342Z ##[section]Starting: シークレット取得\n\
                 2025-02-03T04:11:53.1024410Z [command]/usr/bin/az keyvault secret show --vault-name kv --name sql --query value -o tsv\n\
                 2025-02-03T04:11:55.6609013Z {pw}\n\
                 2025-02-03T04:11:55.7011204Z ##[section]Finishing: シークレット取得\n"
            ),
            // Azure Pipelines, Windows agent: the tool's path quoted.
            format!(
                "2025-02-03T04:11:53.1024410Z [command]\"C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\wbin\\az.cmd\" keyvault secret show --vault-name kv -n sql --query value -o tsv\n\
                 2025-02-03T04:11:55.6609013Z {pw}\n"
            ),
            // GitHub Actions: the step's script and shell, then its output.
            format!(
                "2025-02-03T04:11:53.1024410Z ##[group]Run az keyvault secret show --vault-name kv -n sql --query value -o tsv\n\
                 2025-02-03T04:11:53.1024410Z az keyvault secret show --vault-name kv -n sql --query value -o tsv\n\
                 2025-02-03T04:11:53.1024410Z shell: /usr/bin/bash -e {{0}}\n\
                 2025-02-03T04:11:53.1024410Z ##[endgroup]\n\
                 2025-02-03T04:11:55.6609013Z {pw}\n"
            ),
            // GitHub Actions, the command on the second line of the step's script.
            format!(
                "2025-02-03T04:11:53.1024410Z ##[group]Run echo \"start\"\n\
                 2025-02-03T04:11:53.1024410Z echo \"start\"\n\
                 2025-02-03T04:11:53.1024410Z az keyvault secret show --vault-name kv -n sql --query value -o tsv\n\
                 2025-02-03T04:11:53.1024410Z shell: /usr/bin/bash -e {{0}}\n\
                 2025-02-03T04:11:53.1024410Z ##[endgroup]\n\
                 2025-02-03T04:11:55.6609013Z start\n\
                 2025-02-03T04:11:55.6609013Z {pw}\n"
            ),
            // A logger's bracketed time before a terminal's lines.
            format!(
                "[2025-02-03 04:11:53] $ az keyvault secret show --vault-name kv -n sql --query value -o tsv\n\
                 [2025-02-03 04:11:54] {pw}\n"
            ),
        ] {
            assert_eq!(found(&text), [pw], "{text}");
        }
        // A table under a timestamp: the rule and the rows read past it.
        let text = format!(
            "2025-02-03T04:11:53Z [command]/usr/bin/az storage account keys list -g rg -n st1 -o table\n\
             2025-02-03T04:11:54Z KeyName    Value\n\
             2025-02-03T04:11:54Z ---------  -----\n\
             2025-02-03T04:11:54Z key1       {key}\n"
        );
        assert_eq!(found(&text), [key]);
        // What a pipeline prints beside: IDs, names, states.
        let text = "2025-02-03T04:11:53.1024410Z [command]/usr/bin/az storage account keys list -g rg -n st1 --query \"[].keyName\" -o tsv\n\
                    2025-02-03T04:11:55.6609013Z key1\n\
                    2025-02-03T04:11:55.6609013Z key2\n\
                    2025-02-03T04:11:56.0000000Z [command]/usr/bin/az account show --query id -o tsv\n\
                    2025-02-03T04:11:56.6609013Z 0b4e8a2c-1f3d-4e5a-9b6c-7d8e9f0a1b2c\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn keys_regenerated_are_printed_back() {
        let k1 = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2";
        let k2 = "cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6OTg3NjU0";
        for cmd in [
            "PS C:\\Users\\ope02> az monitor log-analytics workspace get-shared-keys -g rg -n law -o tsv",
            "$ az cosmosdb keys regenerate -g rg -n cosmos1 --key-kind primary -o tsv",
            "$ az communication regenerate-key -n acs1 -g rg --key-type primary -o tsv",
            "> az redis regenerate-keys -g rg -n redis1 --key-type Primary -o tsv",
        ] {
            let text = format!("{cmd}\n{k1}\t{k2}\n");
            assert_eq!(found(&text), [k1, k2], "{cmd}");
        }
        // What else `regenerate` prints: names and states.
        let text = "$ az cosmosdb keys regenerate -g rg -n cosmos1 --key-kind primary --query provisioningState -o tsv\nSucceeded\n";
        assert!(found(text).is_empty());
    }

    #[test]
    fn one_secrets_record_shows_its_value_whatever_its_name() {
        let pw = "Sakura2024#";
        for text in [
            format!(
                "PS C:\\Users\\tanaka> az keyvault secret show --vault-name kv-ops --name sql-admin -o table\n\
                 ContentType    Name       Value\n\
                 -------------  ---------  -------------\n\
                 \x20              sql-admin  {pw}\n"
            ),
            format!(
                "$ az keyvault secret show --vault-name kv-ops --name sql-admin -o tsv\n\
                 None\tNone\thttps://kv-ops.vault.azure.net/secrets/sql-admin/0f3b\tNone\tsql-admin\tNone\t{pw}\n"
            ),
            format!("$ az keyvault secret set --vault-name kv -n smtp --value x -o yaml\nname: smtp\nvalue: {pw}\n"),
        ] {
            assert_eq!(found(&text), [pw], "{text}");
        }
        // Its other fields: names, URLs, dates.
        let text = "$ az keyvault secret show --vault-name kv -n sql -o tsv\nNone\tNone\thttps://kv.vault.azure.net/secrets/sql/0f3b\tNone\tsql\tNone\thttps://example.com/x\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn a_tsv_row_named_for_a_secret_ends_in_its_value() {
        let text = "$ az webapp config appsettings list -g rg -n app -o tsv\n\
                    WEBSITE_RUN_FROM_PACKAGE\tFalse\t1\n\
                    WEBSITE_NODE_DEFAULT_VERSION\tFalse\t~18-lts\n\
                    SQL_PASSWORD\tFalse\tHinata#2025\n\
                    SmtpPassword\tTrue\tq8Zr2LmXw9Kp\n";
        assert_eq!(found(text), ["Hinata#2025", "q8Zr2LmXw9Kp"]);
    }

    #[test]
    fn a_value_annotated_on_its_output_line() {
        let key = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2";
        for (out, value) in [
            (
                "Hinata#2025   ← これが取得した値".to_string(),
                "Hinata#2025",
            ),
            (format!("{key}\u{3000}（プライマリ）"), key),
            (
                "Hinata#2025  # rotated yesterday".to_string(),
                "Hinata#2025",
            ),
            ("Hinata#2025 <- this one".to_string(), "Hinata#2025"),
        ] {
            let text = format!(
                "PS C:\\> az keyvault secret show --vault-name kv -n sql --query value -o tsv\n{out}\n"
            );
            assert_eq!(found(&text), [value], "{text}");
        }
        // A message is no value.
        let text = "$ az keyvault secret show --vault-name kv -n sql --query value -o tsv\n\
                    ERROR: (Forbidden) The user does not have secrets get permission\n";
        assert!(found(text).is_empty());
    }

    #[test]
    fn a_variable_named_for_a_secret_printed_by_its_name() {
        for (text, value) in [
            (
                "PS C:\\> $pw = az keyvault secret show --vault-name kv -n sql --query value -o tsv\nPS C:\\> $pw\nKq9!zzPw7x2\n",
                "Kq9!zzPw7x2",
            ),
            ("PS C:\\> $dbPassword\nHinata#2025\n", "Hinata#2025"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        // `$pwd` is the current directory.
        let text = "PS C:\\> $pwd\n\nPath\n----\nC:\\Users\\tanaka\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn a_password_ending_in_another_mark_than_the_prompts_stays_whole() {
        for (text, value) in [
            (
                "$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\nSakura8953#\n",
                "Sakura8953#",
            ),
            (
                "PS C:\\> kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\nYuki$ab12#\n",
                "Yuki$ab12#",
            ),
            // The prompt's own mark glued to the value is the prompt's.
            (
                "$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\nSakura8953#x$\n",
                "Sakura8953#x",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
    }

    #[test]
    fn windows_and_database_stores_read_back() {
        for (text, value) in [
            // `reg query` lists a value named for a secret.
            (
                "C:\\>reg query \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" /v DefaultPassword\n\n\
                 HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\n\
                 \x20   DefaultPassword    REG_SZ    Hinata#2025\n",
                "Hinata#2025",
            ),
            (
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Agent\n    ApiToken\tREG_SZ\tq8Zr2LmXw9Kp4TnV7yBc\n",
                "q8Zr2LmXw9Kp4TnV7yBc",
            ),
            // PostgreSQL's password file.
            (
                "$ cat ~/.pgpass\npg-prod.postgres.database.azure.com:5432:*:pgadmin:Sakura3270#\n",
                "Sakura3270#",
            ),
            (
                "PS C:\\> Get-Content $env:APPDATA\\postgresql\\pgpass.conf\npg-prod.postgres.database.azure.com:5432:app:app\\:ro:Kq9!zzPw7x2\n",
                "Kq9!zzPw7x2",
            ),
            // .NET reads an environment variable.
            (
                "PS C:\\> [Environment]::GetEnvironmentVariable(\"SQL_ADMIN_PASSWORD\")\nHinata#2025\n",
                "Hinata#2025",
            ),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
        // Values whose names say nothing, and a shared password file mentioned.
        for text in [
            "    DefaultUserName    REG_SZ    azureadmin\n    AutoAdminLogon    REG_SZ    1\n",
            "    DefaultPassword    REG_DWORD    0x1\n",
            "~/.pgpass に書いたので psql はパスワードなしで通ります。\npg-prod:5432:*:pgadmin:*\n",
            "PS C:\\> [Environment]::GetEnvironmentVariable('PATH')\nC:\\Windows\\system32;C:\\Windows\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_deployments_outputs_under_a_rule_of_equals_signs() {
        let key = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2";
        let text = format!(
            "PS C:\\> New-AzResourceGroupDeployment -ResourceGroupName rg -TemplateFile main.bicep\n\n\
             DeploymentName          : main\n\
             Outputs                 :\n\
             \x20                         Name             Type                       Value\n\
             \x20                         ===============  =========================  ==========\n\
             \x20                         adminPassword    String                     \"Hinata#2025\"\n\
             \x20                         storageKey       String                     \"{key}\"\n\
             \x20                         vmName           String                     \"vm-web-01\"\n"
        );
        assert_eq!(found(&text), ["Hinata#2025", key]);
        // A heading underlined: no table.
        let text = "Password\n========\nUse Sakura#2025 as in the policy example.\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn a_certificate_kept_in_a_secret_is_public() {
        let b64 =
            "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURYakNDQWtZNG9ZMGVYTjJaNm0yOHFaQitJUXhE";
        for field in ["tls\\.crt", "ca\\.crt"] {
            let text = format!(
                "$ kubectl get secret tls-api -n api -o jsonpath='{{.data.{field}}}'\n{b64}\n"
            );
            assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
        }
        let key =
            "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcwQkFRRUZBQVND";
        let text = format!(
            "$ kubectl get secret tls-api -n api -o jsonpath='{{.data.tls\\.key}}'\n{key}\n"
        );
        assert!(!found(&text).is_empty(), "{text}");
    }

    #[test]
    fn credential_files_printed_are_read_by_their_layout() {
        for (text, values) in [
            // PostgreSQL's password file, printed after a listing, under its comment.
            (
                "[postgres@batch01 ~]$ ls -l ~/.pgpass && cat ~/.pgpass\n\
                 -rw-------. 1 postgres postgres 214 11月 25 09:41 /var/lib/pgsql/.pgpass\n\
                 # hostname:port:database:username:password\n\
                 psql-prod.postgres.database.azure.com:5432:appdb:pgadmin:Kq9!zzPw7x2\n\
                 localhost:5432:*:postgres:postgres2026\n",
                vec!["Kq9!zzPw7x2", "postgres2026"],
            ),
            // OpenVPN's `auth-user-pass` file: a user, then its password.
            (
                "[azureuser@vm-batch01 ~]$ cat /etc/openvpn/client/auth.txt\nvpn-user01\nFuji_7321!kumo\n\
                 [azureuser@vm-batch01 ~]$ sudo systemctl restart openvpn-client@azure\n",
                vec!["Fuji_7321!kumo"],
            ),
            (
                "PS C:\\作業> Get-Content C:\\vpn\\login.conf\nkojo-gw\nNatsu#2026yoru\n",
                vec!["Natsu#2026yoru"],
            ),
            // rsync's secrets file: `user:password`.
            (
                "# cat /etc/rsyncd.secrets\nbackup:Kiosk#2025fuji\nmirror:Osaka-Rt#2026\n",
                vec!["Kiosk#2025fuji", "Osaka-Rt#2026"],
            ),
        ] {
            assert_eq!(found(text), values, "{text}");
        }
        for text in [
            // Other files under OpenVPN's folder, and layouts the name does not give.
            "$ cat /etc/openvpn/server/ipp.txt\nclient1,10.8.0.2\nclient2,10.8.0.3\n",
            "$ cat auth.txt\nvpn-user01\n\n$ ls\n",
            "$ cat /etc/openvpn/client/auth.txt\nusername = vpn-user01\npassword = <別途連絡>\n",
            "$ cat ~/.pgpass\n*:*:*:postgres:<password>\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_wifi_profile_shown_with_its_key_in_any_locale() {
        for text in [
            "セキュリティの設定\n-----------------\n    認証                   : WPA2 - パーソナル\n\
             \x20   セキュリティ キー      : あり\n    主要なコンテンツ       : Line2-Kanri!2026\n",
            "    キー コンテンツ        : Line2-Kanri!2026\n",
            "Security settings\n-----------------\n    Key Content            : Line2-Kanri!2026\n",
        ] {
            assert_eq!(found(text), ["Line2-Kanri!2026"], "{text}");
        }
        for text in [
            "    セキュリティ キー      : あり\n",
            "    主要なコンテンツ       : 存在しません\n",
            "The key content of the profile is shown with key=clear.\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn random_bytes_made_into_a_key_are_printed_secrets() {
        let b64 = "kTCq6tB0GX5R9a64+8hPi6JuJhkVIKSKcg+i7pmU8vk=";
        let hex = "4f9a1c0b7e2d3f5a6b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c";
        for (text, value) in [
            (
                format!("[運用@踏み台 ~]$ openssl rand -base64 32 | tee /tmp/signing.key\n{b64}\n[運用@踏み台 ~]$ shred -u /tmp/signing.key\n"),
                b64,
            ),
            (format!("PS C:\\> openssl rand -hex 32\n{hex}\n"), hex),
            (format!("$ head -c 32 /dev/urandom | base64\n{b64}\n$ ls\n"), b64),
        ] {
            assert_eq!(found(&text), [value], "{text}");
        }
        // A few bytes (a nonce, a salt's worth) and other openssl output.
        for text in [
            "$ openssl rand -hex 8\n4f9a1c0b7e2d3f5a\n",
            "$ openssl version\nOpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_key_holding_equals_signs_is_no_setting() {
        let text = "C:\\作業>az acr credential show -n crbuildjpe -o table\n\
                    USERNAME    PASSWORD                          PASSWORD2\n\
                    ----------  --------------------------------  --------------------------------\n\
                    crbuildjpe  yCqwJPEQ7xuEP0eZN=A=d9YT32uyRy2Z  vCqwJPEQ7xuEP0eZN+A/d9YT32uyRy2Z\n";
        assert_eq!(
            found(text),
            [
                "yCqwJPEQ7xuEP0eZN=A=d9YT32uyRy2Z",
                "vCqwJPEQ7xuEP0eZN+A/d9YT32uyRy2Z"
            ]
        );
        assert!(is_document("DB_HOST=psql-prod.postgres.database.azure.com"));
        assert!(!is_document("yCqwJPEQ7xuEP0eZN=A=d9YT32uyRy2Z"));
    }

    #[test]
    fn settings_kept_in_a_secret_are_no_secret_unless_they_name_one() {
        use crate::secrets::checksum::base64_encode;
        let cmd = "[運用@踏み台 ~]$ kubectl -n shop get secret app-settings -o jsonpath='{.data.settings\\.json}'\n";
        for doc in [
            r#"{"region":"japaneast","tier":"prod","logLevel":"info"}"#,
            r#"[{"name":"jobs","schedule":"0 3 * * *"}]"#,
        ] {
            let text = format!(
                "{cmd}{}\n[運用@踏み台 ~]$ ls\n",
                base64_encode(doc.as_bytes())
            );
            assert!(found(&text).is_empty(), "{doc}: {:?}", found(&text));
        }
        let doc = r#"{"user":"app","password":"Kq9!zzPw7x2"}"#;
        let text = format!(
            "{cmd}{}\n[運用@踏み台 ~]$ ls\n",
            base64_encode(doc.as_bytes())
        );
        assert_eq!(found(&text).len(), 1, "{doc}");
    }

    #[test]
    fn a_value_column_named_in_japanese() {
        for text in [
            "[運用@踏み台 ~]$ az keyvault secret show --vault-name kv-prod --name db-admin --query \"{名前:name, 値:value}\" -o table\n\
             名前       値\n--------  --------------\ndb-admin  Natsu#2026yoru\n",
            "PS C:\\作業> az storage account keys list -n st01 --query \"[].{キー名:keyName, 設定値:value}\" -o table\n\
             キー名    設定値\n--------  ----------------------------------\nkey1      q8Zr2LmXw9Kp4TnV7yBcR3sDuF1gH6jK0lM2nB5p==\n",
        ] {
            assert_eq!(found(text).len(), 1, "{text}");
        }
        // A value column of a command printing no secret.
        let text = "$ az tag list --query \"[].{名前:tagName, 値:count.value}\" -o table\n\
                    名前      値\n--------  ----\nenv       12\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn every_wifi_key_label_is_an_anchor() {
        for label in vocabulary::WIFI_KEY_LABELS {
            assert!(ANCHORS.contains(&label), "{label}");
        }
    }
}
