//! The bundled examples through the real binary: the clean requests get no error and no
//! warning; each faulty one gets the findings it was written to show.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn check_json(path: &Path) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_azsr-lsp"))
        .current_dir(root())
        .args(["--check", "--format", "json"])
        .arg(path)
        .output()
        .expect("run azsr-lsp");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    (out.status.code().unwrap(), json)
}

fn codes(json: &Value) -> Vec<(String, String)> {
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn clean_examples_have_no_error_or_warning() {
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".azsr.md") {
            continue;
        }
        seen += 1;
        let (status, json) = check_json(&path);
        let loud: Vec<_> = codes(&json)
            .into_iter()
            .filter(|(_, level)| level == "error" || level == "warning")
            .collect();
        assert!(loud.is_empty(), "{}: {loud:?}", path.display());
        assert_eq!(status, 0, "{}", path.display());
    }
    assert!(seen >= 4, "expected the clean examples, found {seen}");
}

#[test]
fn faulty_examples_show_what_they_were_written_for() {
    let expectations: &[(&str, &[&str])] = &[
        ("broken-yaml.ja.azsr.md", &["frontmatter-syntax"]),
        ("no-frontmatter.en.azsr.md", &["frontmatter-missing"]),
        ("secrets.en.azsr.md", &["sensitive-data"]),
        (
            "failover-24x7.en.azsr.md",
            &[
                "cross-subscription-resource",
                "severity-b-24x7-language",
                "start-time-offset",
                "contact-phone",
                "unknown-field",
            ],
        ),
        (
            "vague.ja.azsr.md",
            &[
                "service-unknown",
                "summary-length",
                "start-time",
                "severity-a-criteria",
                "severity-a-phone",
                "severity-unavailable",
                "contact-email",
                "ambiguous-term",
                "multiple-problems",
                "feature-request",
                "error-excerpt",
                "placeholder",
                "section-missing",
            ],
        ),
    ];
    for (file, expected) in expectations {
        let path = root().join("examples/faulty").join(file);
        let (status, json) = check_json(&path);
        assert_eq!(status, 1, "{file} should fail the check");
        let found: Vec<String> = codes(&json).into_iter().map(|(c, _)| c).collect();
        for code in *expected {
            assert!(
                found.iter().any(|c| c == code),
                "{file}: expected {code}, found {found:?}"
            );
        }
    }
}
