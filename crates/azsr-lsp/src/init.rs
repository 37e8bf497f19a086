//! `--init FILE [--lang ja|en] [--issue-type TYPE]`: a new request from the one template
//! (`azsr_core::template`, the same text completion offers), never over an existing file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use azsr_core::{msg, template, Form, Lang, Source};

/// `--issue-type`: the value written into the new request's `issue_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum IssueTypeArg {
    Technical,
    Billing,
    SubscriptionManagement,
    Quota,
}

impl IssueTypeArg {
    fn key(self) -> &'static str {
        match self {
            IssueTypeArg::Technical => "technical",
            IssueTypeArg::Billing => "billing",
            IssueTypeArg::SubscriptionManagement => "subscription_management",
            IssueTypeArg::Quota => "quota",
        }
    }
}

pub fn run(path: &Path, lang: Option<Lang>, issue_type: Option<IssueTypeArg>) -> ExitCode {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::env::current_dir().unwrap_or_default(),
    };
    // the language of the template and of this command's messages: --lang, else
    // `messages` of the azsr.toml that will govern the file, else the locale
    let lang = lang.unwrap_or_else(|| crate::check::run_lang(&dir));
    let shown = path.to_string_lossy().replace('\\', "/");
    let text = request(lang, issue_type);
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    match created {
        Ok(()) => {
            let done = msg!(
                "{shown}: written; fill in the fields and sections, then check it with `azsr-lsp --check {shown}`",
                "{shown} を作成しました。フィールドとセクションを記入し、`azsr-lsp --check {shown}` で確認してください。"
            );
            eprintln!("{}", done.get(lang));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let why = match e.kind() {
                std::io::ErrorKind::AlreadyExists => msg!(
                    "{shown}: the file exists; --init never overwrites one (choose another name)",
                    "{shown} は既に存在します。--init は既存のファイルを上書きしません。別の名前を指定してください。"
                ),
                _ => msg!(
                    "{shown}: cannot write: {e}",
                    "{shown} に書き込めません。{e}"
                ),
            };
            eprintln!("{}", why.get(lang));
            ExitCode::from(2)
        }
    }
}

/// The template in `lang`, with `issue_type` set when one is asked for.
fn request(lang: Lang, issue_type: Option<IssueTypeArg>) -> String {
    let mut text = template::request_template(lang);
    let Some(issue_type) = issue_type else {
        return text;
    };
    let source = Source::new(text.clone());
    let edit = source
        .frontmatter
        .as_ref()
        .and_then(Form::of)
        .and_then(|f| f.get("issue_type"))
        .map(|e| azsr_core::frontmatter::edit::replace_scalar(&text, &e.value, issue_type.key()));
    if let Some(edit) = edit {
        text.replace_range(edit.range, &edit.new_text);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_type_asked_for_is_written_into_the_template() {
        for (arg, key) in [
            (IssueTypeArg::Billing, "billing"),
            (
                IssueTypeArg::SubscriptionManagement,
                "subscription_management",
            ),
        ] {
            let text = request(Lang::Ja, Some(arg));
            let source = Source::new(text.clone());
            let form = source.frontmatter.as_ref().and_then(Form::of).unwrap();
            assert_eq!(form.str("issue_type"), Some(key), "{text}");
        }
        assert_eq!(
            request(Lang::En, None),
            template::request_template(Lang::En)
        );
    }
}
