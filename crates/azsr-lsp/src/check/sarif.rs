//! `--format sarif`: SARIF 2.1.0 for code-scanning uploads, built from `serde-sarif`'s
//! typed model. A result carries its rule, level, message and region, never a
//! `snippet` or other source text, so no secret can leak.

use std::io::{self, Write};

use azsr_core::rules::{self, doc_markdown, doc_url, short_description, RuleMeta};
use azsr_core::Level;
use serde_json::Value;
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult,
    ResultLevel, Run, Sarif, Tool, ToolComponent, Version,
};

use super::{Failure, Finding, Report};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF has no hint: information and hint are both `note`.
fn level(l: Level) -> ResultLevel {
    match l {
        Level::Error => ResultLevel::Error,
        Level::Warning => ResultLevel::Warning,
        Level::Information | Level::Hint => ResultLevel::Note,
    }
}

/// `level` where the model leaves it untyped (`defaultConfiguration`, notifications).
fn level_value(l: ResultLevel) -> Value {
    serde_json::to_value(l).expect("a level serialises")
}

fn text(text: impl Into<String>) -> Message {
    Message::builder().text(text).build()
}

fn rule(r: &RuleMeta) -> ReportingDescriptor {
    let doc = doc_markdown(r);
    let doc = doc.trim_end();
    ReportingDescriptor::builder()
        .id(r.name)
        .short_description(
            MultiformatMessageString::builder()
                .text(short_description(r))
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(doc)
                .markdown(doc)
                .build(),
        )
        .help_uri(doc_url(r.name))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(level_value(level(r.level)))
                .build(),
        )
        .build()
}

/// The file at `path`, relative to the checked root.
fn artifact(path: &str) -> ArtifactLocation {
    ArtifactLocation::builder()
        .uri(uri(path))
        .uri_base_id("%SRCROOT%")
        .build()
}

fn result(path: &str, f: &Finding) -> SarifResult {
    let region = Region::builder()
        .start_line(f.start.line)
        .start_column(f.start.column)
        .end_line(f.end.line)
        .end_column(f.end.column)
        .build();
    let location = PhysicalLocation::builder()
        .artifact_location(artifact(path))
        .region(region)
        .build();
    let result = SarifResult::builder()
        .rule_id(f.code)
        .level(level(f.level))
        .message(text(f.message.as_str()))
        .locations(vec![Location::builder()
            .physical_location(location)
            .build()]);
    match rules::ALL.iter().position(|r| r.name == f.code) {
        Some(i) => result.rule_index(i as i64).build(),
        None => result.build(),
    }
}

/// A file that could not be checked.
fn notification(f: &Failure) -> Notification {
    let location = PhysicalLocation::builder()
        .artifact_location(artifact(&f.path))
        .build();
    Notification::builder()
        .level(level_value(ResultLevel::Error))
        .message(text(format!("{}: {}", f.path, f.message)))
        .locations(vec![Location::builder()
            .physical_location(location)
            .build()])
        .build()
}

pub fn to_sarif(report: &Report) -> Sarif {
    let results = report
        .files
        .iter()
        .flat_map(|file| file.findings.iter().map(|f| result(&file.path, f)))
        .collect::<Vec<_>>();
    let driver = ToolComponent::builder()
        .name("azsr")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://github.com/azsr/azsr")
        .rules(rules::ALL.iter().map(|r| rule(r)).collect::<Vec<_>>())
        .build();
    let invocation = Invocation::builder()
        .execution_successful(report.failures.is_empty())
        .tool_execution_notifications(report.failures.iter().map(notification).collect::<Vec<_>>())
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .invocations(vec![invocation])
        .column_kind(Value::from("unicodeCodePoints"))
        .results(results)
        .build();
    Sarif::builder()
        .schema(SCHEMA)
        .version(serde_json::to_value(Version::V2_1_0).expect("the version serialises"))
        .runs(vec![run])
        .build()
}

/// The log as JSON, for tests that look into it.
#[cfg(test)]
pub fn to_value(report: &Report) -> Value {
    serde_json::to_value(to_sarif(report)).expect("a SARIF log serialises")
}

pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_sarif(report))?;
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
