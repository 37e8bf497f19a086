//! `--format gitlab`: a GitLab Code Quality report (the Code Climate subset GitLab reads:
//! `description`, `check_name`, `fingerprint`, `severity`, `location.path`,
//! `location.lines.begin`), one object per finding. No source text, so no secret can
//! leak. The report has no place for a file that could not be checked: those go to
//! standard error, as in the human format, and the exit status says so.

use std::io::{self, Write};

use azsr_core::Level;
use serde::Serialize;

use super::{fingerprint, Report};

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
}

/// GitLab's scale is info, minor, major, critical, blocker; an error blocks nothing by
/// itself in a merge request, so it is `major`.
fn severity(l: Level) -> &'static str {
    match l {
        Level::Error => "major",
        Level::Warning => "minor",
        Level::Information | Level::Hint => "info",
    }
}

fn issues(report: &Report) -> Vec<Issue<'_>> {
    report
        .files
        .iter()
        .flat_map(|file| {
            file.findings
                .iter()
                .zip(fingerprint::of_file(file))
                .map(|(f, fp)| Issue {
                    description: &f.message,
                    check_name: f.code,
                    fingerprint: fp.to_string(),
                    severity: severity(f.level),
                    location: Location {
                        path: &file.path,
                        lines: Lines {
                            begin: f.start.line,
                        },
                    },
                })
        })
        .collect()
}

pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    for failure in &report.failures {
        eprintln!("{}: {}", failure.path, failure.message);
    }
    serde_json::to_writer_pretty(&mut *out, &issues(report))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    #[test]
    fn one_issue_per_finding_with_gitlab_severities() {
        let mut out = Vec::new();
        super::write(&mut out, &crate::check::sample_report()).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        let issues = v.as_array().unwrap();
        let severities: Vec<&str> = issues
            .iter()
            .map(|i| i["severity"].as_str().unwrap())
            .collect();
        assert_eq!(severities, ["major", "minor", "info", "info"]);
        let i = &issues[1];
        assert_eq!(i["check_name"], "unknown-field");
        assert_eq!(i["description"], "unknown-field: 50% done,\nreally");
        assert_eq!(
            i["location"],
            json!({ "path": "req/a b.azsr.md", "lines": { "begin": 2 } })
        );
        let mut fingerprints: Vec<&str> = issues
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap())
            .collect();
        fingerprints.sort();
        fingerprints.dedup();
        assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
    }
}
