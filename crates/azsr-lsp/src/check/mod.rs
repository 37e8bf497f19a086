//! `--check`: the headless checker for CI.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub fn run(_args: &crate::Args) -> ExitCode {
    eprintln!("--check is not implemented yet");
    ExitCode::from(2)
}
