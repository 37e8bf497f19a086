//! `azsr-lsp`: the language server (default) and the headless checker (`--check`).

use std::process::ExitCode;

use clap::Parser;

mod check;
mod explain;
mod server;
mod workspace_config;

/// Language server and checker for Azure support request drafts (*.azsr.md).
#[derive(Parser, Debug)]
#[command(
    name = "azsr-lsp",
    version,
    about,
    long_about = None,
    after_help = "Exit status of --check: 0 no error-level finding (nor warning with --deny-warnings); \
                  1 such findings; 2 the run failed (a missing path, a file that is not UTF-8, \
                  a malformed azsr.toml).\nEach rule's documentation: azsr-lsp --explain RULE"
)]
pub struct Args {
    /// Run the language server over stdin/stdout (the default).
    #[arg(long, conflicts_with_all = ["check", "explain"])]
    stdio: bool,

    /// Check files and directories (default: the current directory); `-` reads stdin.
    #[arg(long)]
    check: bool,

    /// Print a rule's documentation.
    #[arg(long, value_name = "RULE")]
    explain: Option<String>,

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

fn main() -> ExitCode {
    // A panic's message can quote the document (a string slice out of bounds prints
    // the string): report where it happened, never what it said.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("azsr-lsp: internal error at {at} (message withheld: it may quote the document)");
    }));
    let args = Args::parse();
    if let Some(rule) = &args.explain {
        return explain::run(rule);
    }
    if args.check {
        // SAFETY: nothing of tree-sitter exists yet in this process (one thread so far).
        unsafe { check::use_mimalloc_for_tree_sitter() };
        return check::run(&args);
    }
    server::run()
}
