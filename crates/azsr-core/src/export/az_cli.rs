//! `--to az-cli`: the create call as `az support … tickets create`, one POSIX shell
//! command whose every value a shell (and Python's `shlex.split`) gives back exactly.
//!
//! Each scalar is passed as `--flag=value`: a value that starts with `-` (a description
//! opening with a list item) would otherwise be taken for an option by the CLI's parser.
//! The command is preceded by the `checkNameAvailability` call (through `az rest`, which
//! needs no extension), then, when the draft lists attachments, by the file workspace's
//! creation and one upload per file; comments in the draft's language say what each step
//! does.
//!
//! The argument names are the `support` extension's (Azure/azure-cli-extensions,
//! `src/support/azext_support/`): `file-workspace create --file-workspace-name`,
//! `file upload --file-workspace-name --file-path`, and the create command's
//! `--file-workspace` (in-subscription) or `--file-workspace-name` (no-subscription).

use super::{Ticket, API_VERSION};
use crate::Lang;

/// The shell lines that file `ticket`: comments, the name check, the create command.
pub fn az_cli(ticket: &Ticket, lang: Lang) -> String {
    let group = if ticket.subscription.is_some() {
        "in-subscription"
    } else {
        "no-subscription"
    };
    let mut out = String::new();
    let comment = |out: &mut String, en: &str, ja: &str| {
        out.push_str("# ");
        out.push_str(match lang {
            Lang::En => en,
            Lang::Ja => ja,
        });
        out.push('\n');
    };
    comment(
        &mut out,
        &format!("Microsoft.Support create call, api-version {API_VERSION}. Needs Azure CLI 2.57 or later; the `support` extension installs itself on first use."),
        &format!("Microsoft.Support の作成呼び出し（api-version {API_VERSION}）です。Azure CLI 2.57 以降が必要で、`support` 拡張機能は初回実行時に自動でインストールされます。"),
    );
    comment(
        &mut out,
        "1. The ticket name must be unused in its scope: this prints \"nameAvailable\": true when it is.",
        "1. チケット名はスコープ内で未使用である必要があります。未使用なら \"nameAvailable\": true と表示されます。",
    );
    out.push_str(&command(&[
        "az".into(),
        "rest".into(),
        "--method".into(),
        "post".into(),
        format!("--url={}", ticket.check_name_url()),
        format!("--body={}", ticket.check_name_body()),
    ]));
    let mut step = 2;
    if let Some(ws) = &ticket.properties.file_workspace_name {
        let n = ticket.attachments.len();
        comment(
            &mut out,
            &format!("2. The attachments ({n}) go into a file workspace named after the ticket. Run this script from the folder you exported in: the paths are relative to it."),
            &format!("2. 添付ファイル（{n} 件）は、チケットと同じ名前のファイル ワークスペースにアップロードします。パスはエクスポートを実行したフォルダーからの相対パスなので、このスクリプトはそのフォルダーで実行してください。"),
        );
        out.push_str(&command(&support_args(
            ticket,
            group,
            &["file-workspace", "create"],
            &[("file-workspace-name", ws)],
        )));
        for file in &ticket.attachments {
            out.push_str(&command(&support_args(
                ticket,
                group,
                &["file", "upload"],
                &[("file-workspace-name", ws), ("file-path", &file.path)],
            )));
        }
        step += 1;
    }
    comment(
        &mut out,
        &format!("{step}. Creating the request is a long-running operation: the command waits until the request exists (add --no-wait to return at once)."),
        &format!("{step}. お問い合わせの作成は時間のかかる操作です。作成が完了するまでコマンドは待機します（すぐに戻るには --no-wait を付けます）。"),
    );
    out.push_str(&command(&create_args(ticket, group)));
    out
}

/// The words of `az support {group} {verb…} [--subscription=…] --flag=value…`, unquoted.
fn support_args(
    ticket: &Ticket,
    group: &str,
    verb: &[&str],
    flags: &[(&str, &str)],
) -> Vec<String> {
    let mut args: Vec<String> = ["az", "support", group].map(String::from).to_vec();
    args.extend(verb.iter().map(|v| v.to_string()));
    if let Some(s) = &ticket.subscription {
        args.push(format!("--subscription={s}"));
    }
    args.extend(flags.iter().map(|(f, v)| format!("--{f}={v}")));
    args
}

/// The words of `az support {group} tickets create …`, unquoted.
pub(crate) fn create_args(ticket: &Ticket, group: &str) -> Vec<String> {
    let p = &ticket.properties;
    let c = &p.contact_details;
    let mut args = support_args(ticket, group, &["tickets", "create"], &[]);
    let mut flag = |name: &str, value: &str| args.push(format!("--{name}={value}"));
    flag("ticket-name", &ticket.name);
    flag("title", &p.title);
    flag("description", &p.description);
    flag("problem-classification", &p.problem_classification_id);
    flag("severity", p.severity);
    flag("advanced-diagnostic-consent", p.advanced_diagnostic_consent);
    flag("contact-first-name", &c.first_name);
    flag("contact-last-name", &c.last_name);
    flag("contact-email", &c.primary_email_address);
    flag("contact-method", c.preferred_contact_method);
    flag("contact-timezone", &c.preferred_time_zone);
    flag("contact-country", &c.country);
    flag("contact-language", c.preferred_support_language);
    if let Some(phone) = &c.phone_number {
        flag("contact-phone-number", phone);
    }
    if let Some(start) = &p.problem_start_time {
        flag("start-time", start);
    }
    if let Some(r) = p.require_24x7_response {
        flag("require-24-by-7-response", if r { "true" } else { "false" });
    }
    if let Some(t) = &p.technical_ticket_details {
        flag("technical-resource", &t.resource_id);
    }
    if let Some(ws) = &p.file_workspace_name {
        // the extension names this argument differently in its two groups
        let name = match ticket.subscription {
            Some(_) => "file-workspace",
            None => "file-workspace-name",
        };
        flag(name, ws);
    }
    // a list argument: its values follow the flag as separate words
    if !c.additional_email_addresses.is_empty() {
        args.push("--contact-additional-emails".into());
        args.extend(c.additional_email_addresses.iter().cloned());
    }
    args
}

/// One command line: the words quoted for a POSIX shell, separated by spaces.
fn command(words: &[String]) -> String {
    let mut line = words
        .iter()
        .map(|w| shell_quote(w))
        .collect::<Vec<_>>()
        .join(" ");
    line.push('\n');
    line
}

/// `word` as a POSIX shell reads it back: as it is when it holds only characters no
/// shell treats specially, else in single quotes (inside which nothing is special but
/// the quote itself, written `'\''`).
pub(crate) fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'-' | b'_' | b'.' | b'/' | b':' | b'@' | b'%' | b'+' | b',' | b'='
                )
        });
    if plain {
        return word.to_string();
    }
    // keep `--flag=` outside the quotes, for the reader
    if let Some((flag, value)) = word.split_once('=') {
        if flag.starts_with("--") && flag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return format!("{flag}={}", quoted(value));
        }
    }
    quoted(word)
}

fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_plain_words_and_wraps_the_rest() {
        assert_eq!(shell_quote("create"), "create");
        assert_eq!(shell_quote("--severity=moderate"), "--severity=moderate");
        assert_eq!(
            shell_quote("--title=it's $HOME"),
            r"--title='it'\''s $HOME'"
        );
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(
            shell_quote("--description=行1\n行2"),
            "--description='行1\n行2'"
        );
    }
}
