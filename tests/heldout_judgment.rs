//! The frozen held-out judgment set (`tests/heldout/judgment/`, see its README) through
//! the real binary: recall of each expected rule per language, and errors or warnings on
//! the clean drafts. No rule was tuned on these drafts; they are read only here.
//!
//! Run with `--nocapture` to see the table and every miss. The floors below are the
//! figures committed to; issue 11 raises them to recall ≥ 0.95 with no error or warning
//! on a clean draft.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;
use serde_json::Value;

/// Recall over every expected finding of the set (measured before tuning: 0.40; after
/// the phrasing cues of issue 11, measured once: 43/55 = 0.782; with template filler
/// reported as `required-field` too: 47/55 = 0.855; after session 4's cues, tuned on
/// two new batches of drafts written by people who never saw the rules: 49/55 = 0.891;
/// after session 5's subject classes, tuned on batch F and the writer's own G batches:
/// 51/55 = 0.927; after session 6's batches I, J and K: 50/55 = 0.909, one Japanese
/// severity-a-criteria draft found before is missed since the round on I and J, and the
/// round on K changed nothing here: the floor follows what is measured; the same after
/// session 7's sentence model and session 8's rounds on batches M and N; after session
/// 9's round on batch O, the sentence model retrained on batches L to O and a blind set
/// of sentences, and one matter asked as several questions kept silent: 51/55 = 0.927,
/// the phrasing rules 45/49, no clean draft with a finding).
const MIN_RECALL: f64 = 0.92;
#[derive(Deserialize)]
struct Expected {
    draft: Vec<Draft>,
}

#[derive(Deserialize)]
struct Draft {
    file: String,
    lang: String,
    expect: Vec<String>,
    category: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout/judgment")
}

/// A held-out draft by its number only: its file name says what it is about, and a
/// failing run (e.g. inside `cargo test --workspace`) must show a tuner nothing to tune on.
fn number(file: &str) -> &str {
    file.split('-').next().unwrap_or("?")
}

/// Every draft's findings as (code, level), by file name, from one `--check` run.
fn findings() -> BTreeMap<String, Vec<(String, String)>> {
    let out = Command::new(env!("CARGO_BIN_EXE_azsr-lsp"))
        .args(["--check", "--format", "json"])
        .arg(dir())
        .output()
        .expect("run azsr-lsp");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let mut by_file = BTreeMap::new();
    for f in json["files"].as_array().unwrap() {
        let name = Path::new(f["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let diags = f["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        by_file.insert(name, diags);
    }
    by_file
}

#[test]
fn heldout_judgment_set() {
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(dir().join("expected.toml")).unwrap()).unwrap();
    assert!(
        expected.draft.len() >= 60,
        "the set holds at least 60 drafts"
    );
    let found = findings();
    // (rule, lang) -> (found, expected)
    let mut recall: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut clean_with_findings = Vec::new();
    let mut extra = Vec::new();
    let mut clean = 0;
    for d in &expected.draft {
        let diags = found
            .get(&d.file)
            .unwrap_or_else(|| panic!("{} was not checked", d.file));
        let codes: BTreeSet<&str> = diags.iter().map(|(c, _)| c.as_str()).collect();
        let loud: BTreeSet<&str> = diags
            .iter()
            .filter(|(_, level)| level == "error" || level == "warning")
            .map(|(c, _)| c.as_str())
            .collect();
        for rule in &d.expect {
            let t = recall.entry((rule.clone(), d.lang.clone())).or_default();
            t.1 += 1;
            if codes.contains(rule.as_str()) {
                t.0 += 1;
            } else {
                misses.push(format!("draft {}: {rule}", number(&d.file)));
            }
        }
        let unexpected: Vec<&str> = loud
            .iter()
            .copied()
            .filter(|c| !d.expect.iter().any(|e| e == c))
            .collect();
        if d.category == "clean" {
            clean += 1;
            if !unexpected.is_empty() {
                clean_with_findings.push(format!("draft {}: {unexpected:?}", number(&d.file)));
            }
        } else if !unexpected.is_empty() {
            extra.push(format!("draft {}: {unexpected:?}", number(&d.file)));
        }
    }
    println!("{:<28} {:<4} {:>9}", "rule", "lang", "recall");
    for ((rule, lang), (hit, all)) in &recall {
        println!("{rule:<28} {lang:<4} {hit:>4}/{all:<4}");
    }
    let hit: usize = recall.values().map(|t| t.0).sum();
    let all: usize = recall.values().map(|t| t.1).sum();
    let total = hit as f64 / all as f64;
    println!("recall {hit}/{all} = {total:.3}");
    println!(
        "clean drafts with an error or warning: {} of {clean}",
        clean_with_findings.len()
    );
    for m in &misses {
        println!("MISS {m}");
    }
    for c in &clean_with_findings {
        println!("CLEAN {c}");
    }
    for e in &extra {
        println!("EXTRA {e}");
    }
    assert!(total >= MIN_RECALL, "recall {total:.3} < {MIN_RECALL}");
    // No clean draft may get an error or a warning (before tuning: 1 of 23; after the
    // phrasing cues, measured once: 2 of 23, both `multiple-problems` on Japanese drafts;
    // after session 4: 1 of 23, a `multiple-problems`; the same after sessions 5, 6 and
    // 7; none after session 8's rounds on batches M and N, which taught one invoice's
    // several questions as one matter).
    assert!(
        clean_with_findings.is_empty(),
        "clean drafts with findings: {clean_with_findings:#?}"
    );
}
