//! The formats other people's CI reads, through the real binary: `--format sarif`
//! against the SARIF 2.1.0 JSON schema and the subset GitHub code scanning documents,
//! and `--format gitlab` as GitLab's Code Quality widget reads it. Both must keep a
//! finding's fingerprint when lines move.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_azsr-lsp");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The most characters GitHub takes in a rule's `shortDescription.text`,
/// `fullDescription.text` and `help.text` (GitHub's "SARIF support for code scanning").
const GITHUB_TEXT_LIMIT: usize = 1024;
/// GitHub reads at most 10 locations of a result.
const GITHUB_MAX_LOCATIONS: usize = 10;

/// Runs `--check --format FORMAT ARGS` in `dir` under `lang`'s locale; (stdout, exit code).
fn check(dir: &Path, format: &str, lang: &str, args: &[&str]) -> (String, i32) {
    let out = Command::new(BIN)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .args(["--check", "--format", format])
        .args(args)
        .output()
        .expect("the binary runs");
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        out.status.code().expect("an exit code"),
    )
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).expect("the output is JSON")
}

fn schema() -> jsonschema::Validator {
    let path = Path::new(ROOT).join("tests/fixtures/sarif/sarif-schema-2.1.0.json");
    let schema = json(&std::fs::read_to_string(path).expect("the schema fixture"));
    jsonschema::draft4::new(&schema).expect("the SARIF schema compiles")
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} is a string in {v:#}"))
}

/// Asserts the properties GitHub code scanning requires or shows, within its limits.
fn assert_github_subset(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(str_at(run, "/tool/driver/name"), "azsr");
    assert!(!str_at(run, "/tool/driver/version").is_empty());
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules[]");
    assert!(!rules.is_empty());
    for rule in rules {
        let id = str_at(rule, "/id");
        for pointer in [
            "/shortDescription/text",
            "/fullDescription/text",
            "/help/text",
        ] {
            let n = str_at(rule, pointer).chars().count();
            assert!(
                (1..=GITHUB_TEXT_LIMIT).contains(&n),
                "{id}{pointer}: {n} characters"
            );
        }
        assert!(!str_at(rule, "/help/markdown").is_empty(), "{id}");
        assert!(
            !str_at(rule, "/shortDescription/text").contains('\n'),
            "{id}: the short description is one line"
        );
    }
    let results = run["results"].as_array().expect("results[]");
    for r in results {
        let rule_id = str_at(r, "/ruleId");
        assert!(rules.iter().any(|rule| rule["id"] == rule_id), "{rule_id}");
        assert!(!str_at(r, "/message/text").is_empty());
        let locations = r["locations"].as_array().expect("locations[]");
        assert!((1..=GITHUB_MAX_LOCATIONS).contains(&locations.len()));
        let physical = &locations[0]["physicalLocation"];
        assert!(!str_at(physical, "/artifactLocation/uri").is_empty());
        assert!(physical["region"]["startLine"].as_u64().unwrap() >= 1);
        let fingerprints = r["partialFingerprints"].as_object().expect("fingerprints");
        assert!(fingerprints.contains_key("primaryLocationLineHash"));
    }
}

#[test]
fn sarif_is_valid_and_complete_for_github_in_both_languages() {
    let schema = schema();
    for lang in ["C.UTF-8", "ja_JP.UTF-8"] {
        let (out, code) = check(Path::new(ROOT), "sarif", lang, &["examples/"]);
        assert_eq!(code, 1, "the faulty examples fail");
        let log = json(&out);
        let errors: Vec<String> = schema
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{lang}: {errors:#?}");
        assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
        assert_github_subset(&log);

        // The rule descriptions follow the run's language.
        let short = str_at(&log, "/runs/0/tool/driver/rules/0/shortDescription/text");
        let japanese = short
            .chars()
            .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
        assert_eq!(japanese, lang.starts_with("ja"), "{lang}: {short}");
    }
}

#[test]
fn the_schema_rejects_what_github_could_not_read() {
    // A guard that the schema test can fail: a result without its message is invalid.
    let (out, _) = check(Path::new(ROOT), "sarif", "C.UTF-8", &["examples/faulty"]);
    let mut log = json(&out);
    let result = log["runs"][0]["results"][0].as_object_mut().unwrap();
    result.remove("message");
    assert!(!schema().is_valid(&log));
}

/// A faulty request, and the same with a blank line added above its body.
fn request_and_moved() -> (String, String) {
    let text = std::fs::read_to_string(Path::new(ROOT).join("examples/faulty/vague.ja.azsr.md"))
        .expect("the example");
    let moved = text.replacen("\n## ", "\n\n\n## ", 1);
    assert_ne!(text, moved);
    (text, moved)
}

/// Each finding's fingerprint and line, in a report's order.
type Located = Vec<(String, u64)>;

/// The fingerprints and lines of a format's output (read by `extract`) before and after
/// lines move.
fn fingerprints_after_moving_lines(
    format: &str,
    extract: fn(&Value) -> Located,
) -> (Located, Located) {
    let dir = tempfile::tempdir().unwrap();
    let (text, moved) = request_and_moved();
    let file = dir.path().join("req.azsr.md");
    std::fs::write(&file, text).unwrap();
    let (before, code) = check(dir.path(), format, "C.UTF-8", &["req.azsr.md"]);
    assert_eq!(code, 1);
    std::fs::write(&file, moved).unwrap();
    let (after, _) = check(dir.path(), format, "C.UTF-8", &["req.azsr.md"]);
    (extract(&json(&before)), extract(&json(&after)))
}

fn assert_stable(before: &Located, after: &Located) {
    assert!(before.len() > 3, "the request has findings");
    let set = |v: &[(String, u64)]| v.iter().map(|(f, _)| f.clone()).collect::<BTreeSet<_>>();
    assert_eq!(set(before).len(), before.len(), "fingerprints are unique");
    assert_eq!(set(before), set(after), "fingerprints survive moved lines");
    assert_ne!(
        before.iter().map(|(_, l)| l).collect::<Vec<_>>(),
        after.iter().map(|(_, l)| l).collect::<Vec<_>>(),
        "the lines did move"
    );
}

#[test]
fn sarif_fingerprints_are_stable_when_lines_move() {
    let (before, after) = fingerprints_after_moving_lines("sarif", |log| {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    str_at(r, "/partialFingerprints/primaryLocationLineHash").to_string(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    });
    assert_stable(&before, &after);
}

#[test]
fn gitlab_fingerprints_are_stable_when_lines_move() {
    let (before, after) = fingerprints_after_moving_lines("gitlab", |report| {
        report
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    str_at(i, "/fingerprint").to_string(),
                    i["location"]["lines"]["begin"].as_u64().unwrap(),
                )
            })
            .collect()
    });
    assert_stable(&before, &after);
}

#[test]
fn gitlab_report_has_every_finding_with_code_quality_fields() {
    let (json_out, json_code) = check(Path::new(ROOT), "json", "C.UTF-8", &["examples/"]);
    let (out, code) = check(Path::new(ROOT), "gitlab", "C.UTF-8", &["examples/"]);
    assert_eq!(
        code, json_code,
        "the exit status does not depend on the format"
    );
    let expected: Vec<(String, String, String, u64)> = json(&json_out)["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let path = f["path"].as_str().unwrap().to_string();
            f["diagnostics"].as_array().unwrap().iter().map(move |d| {
                let severity = match d["severity"].as_str().unwrap() {
                    "error" => "major",
                    "warning" => "minor",
                    _ => "info",
                };
                (
                    path.clone(),
                    d["code"].as_str().unwrap().to_string(),
                    severity.to_string(),
                    d["range"]["start"]["line"].as_u64().unwrap(),
                )
            })
        })
        .collect();
    let issues = json(&out);
    let got: Vec<(String, String, String, u64)> = issues
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|i| {
            assert!(!str_at(i, "/description").is_empty());
            assert!(!str_at(i, "/fingerprint").is_empty());
            (
                str_at(i, "/location/path").to_string(),
                str_at(i, "/check_name").to_string(),
                str_at(i, "/severity").to_string(),
                i["location"]["lines"]["begin"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(!got.is_empty());
    assert_eq!(got, expected);
}
