//! `--format json`: the shape of cli.md's "JSON output", version 1 (keys in the
//! documented order).

use std::io::{self, Write};

use serde::Serialize;

use super::{Finding, Report};

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<File<'a>>,
    failures: Vec<Failure<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct Failure<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    failed: usize,
    errors: usize,
    warnings: usize,
    information: usize,
    hints: usize,
}

fn diagnostic(f: &Finding) -> Diagnostic<'_> {
    Diagnostic {
        code: f.code,
        severity: f.level.as_str(),
        message: &f.message,
        range: Range {
            start: Position {
                line: f.start.line,
                column: f.start.column,
            },
            end: Position {
                line: f.end.line,
                column: f.end.column,
            },
        },
    }
}

pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let s = report.summary();
    let output = Output {
        version: VERSION,
        files: report
            .files
            .iter()
            .map(|f| File {
                path: &f.path,
                diagnostics: f.findings.iter().map(diagnostic).collect(),
            })
            .collect(),
        failures: report
            .failures
            .iter()
            .map(|f| Failure {
                path: &f.path,
                message: &f.message,
            })
            .collect(),
        summary: Summary {
            files: s.files,
            failed: s.failed,
            errors: s.errors,
            warnings: s.warnings,
            information: s.information,
            hints: s.hints,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
