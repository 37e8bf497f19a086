//! `--format sarif`: SARIF 2.1.0 for code-scanning uploads, built from `serde-sarif`'s
//! typed model. A result carries its rule, level, message, region and fingerprint, never
//! a `snippet` or other source text, so no secret can leak.
//!
//! GitHub code scanning reads a subset of SARIF: it shows a rule's `shortDescription`,
//! `fullDescription` and `help` (`markdown` when present; it ignores `helpUri`), wants
//! each `text` within 1024 characters, and matches results across runs by
//! `partialFingerprints`. The descriptions are cut from the rule's documentation in the
//! run's language (`rules::documentation`), never written twice.

use std::io::{self, Write};

use std::collections::BTreeMap;

use azsr_core::rules::{self, doc_url, documentation, short_description, what_it_checks, RuleMeta};
use azsr_core::text::sentences;
use azsr_core::{Lang, Level};
use serde_json::Value;
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult,
    ResultLevel, Run, Sarif, Tool, ToolComponent, Version,
};

use super::{fingerprint, Failure, Finding, Report};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The most characters GitHub code scanning takes in a description's or help's `text`.
pub const GITHUB_TEXT_LIMIT: usize = 1024;

/// The key GitHub matches results by (its upload action computes one from the line's
/// content when it is absent; ours does not depend on the line).
const FINGERPRINT_KEY: &str = "primaryLocationLineHash";

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

fn rule(r: &RuleMeta, lang: Lang) -> ReportingDescriptor {
    let doc = documentation(r, lang);
    let doc = doc.trim_end();
    let url = doc_url(r.name);
    let plain = |text: String| MultiformatMessageString::builder().text(text).build();
    let more = match lang {
        Lang::En => format!("Full documentation: {url}"),
        Lang::Ja => format!("詳しい説明: {url}"),
    };
    ReportingDescriptor::builder()
        .id(r.name)
        .short_description(plain(bounded(
            &short_description(r, lang),
            "",
            GITHUB_TEXT_LIMIT,
        )))
        .full_description(plain(bounded(
            &what_it_checks(r, lang),
            "",
            GITHUB_TEXT_LIMIT,
        )))
        .help(
            MultiformatMessageString::builder()
                .text(bounded(doc, &more, GITHUB_TEXT_LIMIT))
                .markdown(format!("{doc}\n\n{more}"))
                .build(),
        )
        .help_uri(url)
        .default_configuration(
            ReportingConfiguration::builder()
                .level(level_value(level(r.level)))
                .build(),
        )
        .build()
}

/// `text` followed by `tail` (after a blank line) in at most `limit` characters: whole
/// paragraphs while they fit, else the first paragraph cut at a sentence, else at a
/// character with `…`. The tail is always kept.
fn bounded(text: &str, tail: &str, limit: usize) -> String {
    let chars = |s: &str| s.chars().count();
    let sep = if tail.is_empty() { 0 } else { 2 };
    let room = limit.saturating_sub(chars(tail) + sep);
    let mut out = String::new();
    for para in text.split("\n\n") {
        let joined = if out.is_empty() { 0 } else { 2 };
        if chars(&out) + joined + chars(para) > room {
            break;
        }
        if joined > 0 {
            out.push_str("\n\n");
        }
        out.push_str(para);
    }
    // A heading whose section did not fit says nothing.
    while let Some((kept, last)) = out.rsplit_once("\n\n") {
        if !last.starts_with('#') {
            break;
        }
        out.truncate(kept.len());
    }
    if out.is_empty() {
        let para = text.split("\n\n").next().unwrap_or("");
        for r in sentences(para) {
            if chars(&para[..r.end]) > room {
                break;
            }
            out = para[..r.end].to_string();
        }
        if out.is_empty() {
            out = para.chars().take(room.saturating_sub(1)).collect();
            out.push('…');
        }
    }
    if !tail.is_empty() {
        out.push_str("\n\n");
        out.push_str(tail);
    }
    out
}

/// The file at `path`, relative to the checked root.
fn artifact(path: &str) -> ArtifactLocation {
    ArtifactLocation::builder()
        .uri(uri(path))
        .uri_base_id("%SRCROOT%")
        .build()
}

fn result(path: &str, f: &Finding, fingerprint: fingerprint::Fingerprint) -> SarifResult {
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
        .partial_fingerprints(BTreeMap::from([(
            FINGERPRINT_KEY.to_string(),
            fingerprint.to_string(),
        )]))
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
        .flat_map(|file| {
            let fingerprints = fingerprint::of_file(file);
            file.findings
                .iter()
                .zip(fingerprints)
                .map(|(f, fp)| result(&file.path, f, fp))
        })
        .collect::<Vec<_>>();
    let driver = ToolComponent::builder()
        .name("azsr")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://github.com/azsr/azsr")
        .rules(
            rules::ALL
                .iter()
                .map(|r| rule(r, report.lang))
                .collect::<Vec<_>>(),
        )
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
    fn bounded_keeps_whole_paragraphs_then_sentences_then_characters() {
        let text = "## A\n\nOne. Two.\n\n## B\n\nThree four.";
        assert_eq!(bounded(text, "", 100), text);
        assert_eq!(bounded(text, "", 20), "## A\n\nOne. Two.");
        assert_eq!(bounded(text, "tail", 22), "## A\n\nOne. Two.\n\ntail");
        assert_eq!(bounded("One. Two.", "", 6), "One.");
        assert_eq!(bounded("Onetwothree", "", 6), "Onetw…");
        let long = "あ".repeat(2000);
        assert_eq!(bounded(&long, "", GITHUB_TEXT_LIMIT).chars().count(), 1024);
    }

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
