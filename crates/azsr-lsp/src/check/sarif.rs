//! `--format sarif`: SARIF 2.1.0 for code-scanning uploads.
//!
//! Built with `serde_json` rather than the `serde-sarif` crate: the output uses a small,
//! fixed part of the schema, and writing it directly keeps every field cli.md asks for
//! visible in one place (and no `snippet` or other source text can slip in).

use std::io::{self, Write};

use azsr_core::rules::{self, RuleMeta};
use azsr_core::Level;
use serde_json::{json, Value};

use azsr_core::rules::doc_url;

use super::Report;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Information | Level::Hint => "note",
    }
}

fn rule(r: &RuleMeta) -> Value {
    let doc = azsr_core::rules::doc_markdown(r);
    json!({
        "id": r.name,
        "shortDescription": { "text": azsr_core::rules::short_description(r) },
        "fullDescription": { "text": doc.trim_end(), "markdown": doc.trim_end() },
        "helpUri": doc_url(r.name),
        "defaultConfiguration": { "level": level(r.level) },
    })
}

fn location(path: &str) -> Value {
    json!({ "uri": uri(path), "uriBaseId": "%SRCROOT%" })
}

pub fn to_value(report: &Report) -> Value {
    let index = |code: &str| rules::ALL.iter().position(|r| r.name == code);
    let mut results = Vec::new();
    for file in &report.files {
        for f in &file.findings {
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.level),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": location(&file.path),
                        "region": {
                            "startLine": f.start.line,
                            "startColumn": f.start.column,
                            "endLine": f.end.line,
                            "endColumn": f.end.column,
                        },
                    },
                }],
            });
            if let Some(i) = index(f.code) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    let notifications: Vec<Value> = report
        .failures
        .iter()
        .map(|f| {
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", f.path, f.message) },
                "locations": [{ "physicalLocation": { "artifactLocation": location(&f.path) } }],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "azsr",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/azsr/azsr",
                    "rules": rules::ALL.iter().map(|r| rule(r)).collect::<Vec<_>>(),
                },
            },
            "invocations": [{
                "executionSuccessful": report.failures.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report))?;
    writeln!(out)
}

/// A relative path as a URI reference: everything but unreserved characters and `/` is
/// percent-encoded (UTF-8).
pub fn uri(path: &str) -> String {
    let mut s = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("a b/日.azsr.md"), "a%20b/%E6%97%A5.azsr.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
}

#[cfg(test)]
mod report_tests {
    use serde_json::json;

    #[test]
    fn results_levels_locations_and_notifications() {
        let v = super::to_value(&crate::check::sample_report());
        let run = &v["runs"][0];
        let results = run["results"].as_array().unwrap();
        let levels: Vec<&str> = results
            .iter()
            .map(|r| r["level"].as_str().unwrap())
            .collect();
        assert_eq!(levels, ["error", "warning", "note", "note"]);
        let r = &results[1];
        assert_eq!(r["ruleId"], "unknown-field");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            "unknown-field"
        );
        assert_eq!(
            r["locations"][0]["physicalLocation"],
            json!({
                "artifactLocation": { "uri": "req/a%20b.azsr.md", "uriBaseId": "%SRCROOT%" },
                "region": { "startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 8 },
            })
        );
        assert_eq!(r["message"]["text"], "unknown-field: 50% done,\nreally");
        let inv = &run["invocations"][0];
        assert_eq!(inv["executionSuccessful"], false);
        assert_eq!(
            inv["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
                ["artifactLocation"]["uri"],
            "bad.azsr.md"
        );
        let hint_rule = rules
            .iter()
            .find(|r| r["id"] == "resource-missing")
            .unwrap();
        assert_eq!(hint_rule["defaultConfiguration"]["level"], "note");
        assert_eq!(
            hint_rule["helpUri"],
            "https://github.com/azsr/azsr/blob/main/docs/rules.md#resource-missing"
        );
    }
}
