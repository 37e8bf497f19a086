//! `--format json`: the shape of cli.md's "JSON output", version 1.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{Finding, Report};

pub const VERSION: u32 = 1;

pub fn to_value(report: &Report) -> Value {
    let s = report.summary();
    json!({
        "version": VERSION,
        "files": report.files.iter().map(|f| json!({
            "path": f.path,
            "diagnostics": f.findings.iter().map(diagnostic).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "failures": report.failures.iter().map(|f| json!({
            "path": f.path,
            "message": f.message,
        })).collect::<Vec<_>>(),
        "summary": {
            "files": s.files,
            "failed": s.failed,
            "errors": s.errors,
            "warnings": s.warnings,
            "information": s.information,
            "hints": s.hints,
        },
    })
}

fn diagnostic(f: &Finding) -> Value {
    json!({
        "code": f.code,
        "severity": f.level.as_str(),
        "message": f.message,
        "range": {
            "start": { "line": f.start.line, "column": f.start.column },
            "end": { "line": f.end.line, "column": f.end.column },
        },
    })
}

pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report))?;
    writeln!(out)
}
