//! `--format json`: the shape of cli.md's "JSON output", version 1 (keys in the
//! documented order).

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::value::RawValue;

use azsr_report::JsonFile;

use super::Report;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    /// Each file rendered on its own, in parallel (thousands of files make megabytes).
    files: Vec<Box<RawValue>>,
    failures: Vec<Failure<'a>>,
    summary: Summary,
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

pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let s = report.summary();
    let output = Output {
        version: VERSION,
        files: report
            .files
            .par_iter()
            .map(|f| {
                let file = JsonFile::new(&f.path, &f.findings);
                let pretty = serde_json::to_string_pretty(&file).expect("plain data");
                // Its lines sit two levels deep in the output (JSON strings hold no raw
                // line breaks, so indenting after each one is exact).
                RawValue::from_string(pretty.replace('\n', "\n    ")).expect("valid JSON")
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

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    #[test]
    fn documented_shape() {
        let mut out = Vec::new();
        super::write(&mut out, &crate::check::sample_report()).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v["files"][0]["diagnostics"][1],
            json!({
                "code": "unknown-field",
                "severity": "warning",
                "message": "unknown-field: 50% done,\nreally",
                "range": { "start": { "line": 2, "column": 5 }, "end": { "line": 2, "column": 8 } },
            })
        );
        assert_eq!(v["files"][0]["diagnostics"][2]["severity"], "information");
        assert_eq!(v["files"][0]["diagnostics"][3]["severity"], "hint");
        assert_eq!(
            v["failures"],
            json!([{ "path": "bad.azsr.md", "message": "not UTF-8 (invalid byte at offset 3)" }])
        );
        assert_eq!(
            v["summary"],
            json!({ "files": 1, "failed": 1, "errors": 1, "warnings": 1, "information": 1, "hints": 1 })
        );
    }
}
