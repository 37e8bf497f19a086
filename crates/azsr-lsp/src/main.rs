//! `azsr-lsp`: the language server (default), the headless checker (`--check`),
//! `--export FILE`, `--init FILE` and `--explain RULE`. The work is in the library (`lib.rs`); this file only sets up the
//! process and picks the mode.

use std::process::ExitCode;

use azsr_lsp::{
    explain_rule, import_catalog, init_request, run_check, run_export, server,
    use_mimalloc_for_tree_sitter, Args,
};
use clap::Parser;

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
        return explain_rule(rule, args.lang.map(Into::into));
    }
    if let Some(out) = &args.out {
        return import_catalog(&args.catalog_import, out, args.lang.map(Into::into));
    }
    if let Some(file) = &args.init {
        return init_request(file, args.lang.map(Into::into), args.issue_type);
    }
    if let Some(file) = &args.export {
        return run_export(&args, file);
    }
    if args.check {
        // SAFETY: nothing of tree-sitter exists yet in this process (one thread so far).
        unsafe { use_mimalloc_for_tree_sitter() };
        return run_check(&args);
    }
    // SAFETY: no other thread has started yet.
    unsafe { server::tune_malloc() };
    server::run()
}
