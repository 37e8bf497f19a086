//! `azsr-lsp` as a library: the language server ([`server`]), the headless checker
//! ([`run_check`]) and `--explain` ([`explain_rule`]). `main.rs` only parses the command
//! line into [`Args`], sets the panic hook and calls one of them; the end-to-end tests
//! run the server in-process through [`server::serve`].
//!
//! Only what `main.rs` and the tests call is public; everything else is the crate's own.

mod catalog_import;
mod check;
mod explain;
mod export;
mod file_probe;
mod init;
mod regular_file;
pub mod server;
mod workspace_config;

use clap::Parser;

pub use catalog_import::run as import_catalog;
pub use check::{run as run_check, use_mimalloc_for_tree_sitter};
pub use explain::run as explain_rule;
pub use export::run as run_export;
pub use init::run as init_request;

/// Language server and checker for Azure support request drafts (*.azsr.md).
#[derive(Parser, Debug)]
#[command(
    name = "azsr-lsp",
    version,
    about,
    long_about = None,
    after_help = "Exit status of --check: 0 no error-level finding (nor warning with --deny-warnings); \
                  1 such findings; 2 the run failed (a missing path, a file that is not UTF-8, \
                  a malformed azsr.toml).\nExit status of --export: 0 exported; 1 the file has an error (nothing \
                  exported); 2 it cannot be read or mapped (the message says how to fix it).\n\
                  Each rule's documentation: azsr-lsp --explain RULE"
)]
pub struct Args {
    /// Run the language server over stdin/stdout (the default).
    #[arg(long, conflicts_with_all = ["check", "explain", "export", "init", "catalog_import"])]
    stdio: bool,

    /// Check files and directories (default: the current directory); `-` reads stdin.
    // Public with `explain`: the two fields that choose the mode in `main.rs`; the rest
    // is read by the checker only.
    #[arg(long)]
    pub check: bool,

    /// Print a rule's documentation.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,

    /// Print the request in FILE as the Microsoft.Support create call (refused while it
    /// has an error).
    // Public: chooses the mode in `main.rs`.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["check", "explain"])]
    pub export: Option<std::path::PathBuf>,

    /// Shape of --export: the REST call as JSON, or an `az support` command line.
    #[arg(long, value_enum, default_value = "rest-json", requires = "export")]
    to: export::ExportTo,

    /// The ticket's name in --export (default: derived from the file's name and content).
    #[arg(long, value_name = "NAME", requires = "export")]
    ticket_name: Option<String>,

    /// Write a new request from the template to FILE (never over an existing file).
    // Public: chooses the mode in `main.rs`.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["check", "explain", "export"])]
    pub init: Option<std::path::PathBuf>,

    /// Turn `az support services list` / `… problem-classifications list` output into a
    /// catalog folder for azsr.toml's [catalog] (with --out DIR).
    // Public: chooses the mode in `main.rs`.
    #[arg(long, value_name = "FILE", num_args = 1.., requires = "out", conflicts_with_all = ["check", "explain", "export", "init"])]
    pub catalog_import: Vec<std::path::PathBuf>,

    /// The folder --catalog-import writes.
    #[arg(long, value_name = "DIR", requires = "catalog_import")]
    pub out: Option<std::path::PathBuf>,

    /// The issue type written into the request of --init.
    #[arg(long, value_enum, requires = "init")]
    pub issue_type: Option<init::IssueTypeArg>,

    /// Language of --explain, of --init's template and of --catalog-import's report
    /// (default: `messages` in azsr.toml,
    /// else LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,

    /// Output format of --check.
    #[arg(long, value_enum, default_value = "human", requires = "check")]
    format: check::Format,

    /// Fail on warnings too.
    #[arg(long, requires = "check")]
    deny_warnings: bool,

    /// The path reported for stdin; anchors the configuration lookup and attachments.
    #[arg(long, value_name = "PATH", requires = "check")]
    stdin_filename: Option<std::path::PathBuf>,

    /// When to colour the human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: check::ColorChoice,

    /// Paths to check.
    #[arg(value_name = "PATH", requires = "check")]
    paths: Vec<std::path::PathBuf>,
}

/// `--lang`: the language of `--explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}

impl From<LangArg> for azsr_core::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Ja => azsr_core::Lang::Ja,
            LangArg::En => azsr_core::Lang::En,
        }
    }
}
