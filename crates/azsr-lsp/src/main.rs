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
    tune_malloc();
    server::run()
}

/// glibc's allocator, tuned for a server that holds a few multi-megabyte buffers (a
/// pasted log: the document, the analysis's copy of it) and replaces them on every
/// keystroke. By default the mmap threshold is dynamic: after the first large block is
/// freed it rises to that block's size, so later copies of the document land in the
/// heap, where freeing them rarely returns memory to the system and the resident size
/// creeps up keystroke after keystroke. A fixed threshold keeps every block of 1 MiB or
/// more in its own mapping, returned to the system when freed (at 128 KiB, the default
/// start, the regex caches built on a server's first analysis were mapped and unmapped
/// over and over: opening a 200-line request took 15% longer); two arenas (instead of
/// eight per core) keep freed memory where the next analysis reuses it.
/// Measured on a 5 MB log: peak RSS 81 MB by default, about 61 MB with both settings
/// alone.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_malloc() {
    // SAFETY: `mallopt` only sets allocator parameters; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_malloc() {}
