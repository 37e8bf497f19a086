//! Template filler is not a request (rules.md, "Template filler counts as empty"): the
//! request template, inserted and left as it is, fails `--check` with a finding on each
//! piece of filler. Checked through the real binary on every way a person gets it: the
//! text completion inserts without snippet support, the snippet completion inserts, and
//! the VS Code snippets, each with its tab stops left at their defaults as VS Code
//! inserts them.

use std::path::Path;
use std::process::Command;

use azsr_core::template::{request_snippet, request_template};
use azsr_core::Lang;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_azsr-lsp");

/// Fields that may stay empty in a fileable request (the template offers them all;
/// `resource` is recommended, `resource-missing`'s once the service is known).
const OPTIONAL: &[&str] = &["resource", "problem_subtype", "support_plan", "phone"];

/// The text a snippet gives when every tab stop keeps its default, as VS Code inserts
/// it: a choice's first value, a placeholder's text, nothing for an empty tab stop.
fn as_inserted(snippet: &str) -> String {
    let mut out = String::new();
    let mut chars = snippet.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '$' if chars.next_if_eq(&'{').is_some() => {
                while chars.next_if(char::is_ascii_digit).is_some() {}
                let (choice, mut first) = match chars.next() {
                    Some('}') => continue,
                    Some('|') => (true, true),
                    _ => (false, true),
                };
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            let escaped = chars.next();
                            if first {
                                out.extend(escaped);
                            }
                        }
                        ',' if choice => first = false,
                        '|' if choice => {
                            chars.next(); // the closing brace
                            break;
                        }
                        '}' => break,
                        c if first => out.push(c),
                        _ => {}
                    }
                }
            }
            '$' => while chars.next_if(char::is_ascii_digit).is_some() {},
            c => out.push(c),
        }
    }
    out
}

/// Every rendering of the template a person can insert, named.
fn renderings() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (lang, tag) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        out.push((format!("completion text ({tag})"), request_template(lang)));
        out.push((
            format!("completion snippet ({tag})"),
            as_inserted(&request_snippet(lang)),
        ));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../editors/vscode/snippets/azsr.code-snippets");
    let snippets: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for (name, snippet) in snippets.as_object().unwrap() {
        if snippet["prefix"]
            .as_str()
            .unwrap()
            .starts_with("azsr-request-")
        {
            let body: Vec<&str> = snippet["body"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect();
            out.push((
                format!("VS Code snippet {name}"),
                as_inserted(&body.join("\n")),
            ));
        }
    }
    assert_eq!(out.len(), 6, "two languages, three renderings each");
    out
}

/// The 1-based lines of `text` that hold filler: a front matter field left empty (but
/// for the optional ones) and every section heading with only the template's hint under it.
fn filler_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_frontmatter = false;
    for (n, line) in text.lines().enumerate() {
        if line == "---" {
            in_frontmatter = n == 0;
            continue;
        }
        if in_frontmatter {
            let (key, value) = line.split_once(':').unwrap();
            let value = value.split(" #").next().unwrap().trim();
            let key = key.trim();
            if value.is_empty() && key != "contact" && !OPTIONAL.contains(&key) {
                out.push((n + 1, key.to_string()));
            }
        } else if let Some(heading) = line.strip_prefix("## ") {
            out.push((n + 1, heading.to_string()));
        }
    }
    out
}

#[test]
fn an_unedited_template_fails_with_a_finding_on_each_filler() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in renderings() {
        let file = dir.path().join("request.azsr.md");
        std::fs::write(&file, &text).unwrap();
        let output = Command::new(BIN)
            .current_dir(dir.path())
            .args(["--check", "--format", "json", "request.azsr.md"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}:\n{text}");
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        let found: Vec<(u64, &str)> = report["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let line = d["range"]["start"]["line"].as_u64().unwrap();
                (line, d["code"].as_str().unwrap())
            })
            .collect();
        let filler = filler_lines(&text);
        assert!(filler.len() >= 20, "{name}: {filler:?}");
        for (line, what) in filler {
            let expected = match text.lines().nth(line - 1).unwrap().starts_with("## ") {
                true => "section-empty",
                false => "required-field",
            };
            assert!(
                found.contains(&(line as u64, expected)),
                "{name}: no {expected} on line {line} ({what}): {found:?}\n{text}"
            );
        }
    }
}

/// The example values of older templates and snippets (the nil GUID, example domains,
/// the default resource) are filler too.
#[test]
fn a_template_with_example_values_fails_on_each_of_them() {
    let text = request_template(Lang::Ja)
        .replace(
            "subscription: ",
            "subscription: 00000000-0000-0000-0000-000000000000",
        )
        .replace(
            "resource: ",
            "resource: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resource-group/providers/Microsoft.Compute/virtualMachines/name",
        )
        .replace("  email: ", "  email: taro.yamada@example.co.jp");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("request.azsr.md"), &text).unwrap();
    let output = Command::new(BIN)
        .current_dir(dir.path())
        .args(["--check", "--format", "json", "request.azsr.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let lines: Vec<u64> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "required-field")
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    for key in ["subscription:", "resource:", "  email:"] {
        let line = text.lines().position(|l| l.starts_with(key)).unwrap() as u64 + 1;
        assert!(
            lines.contains(&line),
            "no required-field on {key} (line {line}): {lines:?}"
        );
    }
}
