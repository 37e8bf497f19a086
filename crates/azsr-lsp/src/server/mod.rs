//! The language server.

use std::process::ExitCode;

pub fn run() -> ExitCode {
    eprintln!("the language server is not implemented yet; use --check");
    ExitCode::from(2)
}
