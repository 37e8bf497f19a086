//! The exports, natively: positions the page receives are JavaScript's (UTF-16), quick
//! fixes applied there give the core's text, and `check` is cli.md's shape.

use serde_json::Value;

use super::*;

fn examples() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut out = Vec::new();
    for dir in [root.to_string(), format!("{root}/faulty")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(".azsr.md") {
                out.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 5, "examples/ has the drafts");
    out
}

/// The environment the exports build when the options name no clock nor locale.
fn env() -> Env<'static> {
    Env {
        now: now(&Options::default()),
        files: None,
        locale: None,
    }
}

fn json(s: String) -> Value {
    let v: Value = serde_json::from_str(&s).unwrap();
    assert!(v.get("error").is_none(), "{v}");
    v
}

/// `text` with the page's edits (UTF-16 offsets) applied, as JavaScript would.
fn apply_utf16(text: &str, edits: &Value) -> String {
    let mut edits: Vec<&Value> = edits.as_array().unwrap().iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e["from"].as_u64()));
    let mut units: Vec<u16> = text.encode_utf16().collect();
    for e in edits {
        let from = e["from"].as_u64().unwrap() as usize;
        let to = e["to"].as_u64().unwrap() as usize;
        units.splice(from..to, e["insert"].as_str().unwrap().encode_utf16());
    }
    String::from_utf16(&units).unwrap()
}

fn utf16_slice(units: &[u16], from: &Value, to: &Value) -> String {
    let (from, to) = (
        from.as_u64().unwrap() as usize,
        to.as_u64().unwrap() as usize,
    );
    String::from_utf16(&units[from..to]).unwrap()
}

/// With Japanese text and an emoji before the findings, each finding's UTF-16 range
/// covers exactly the text the core's byte range does.
#[test]
fn findings_are_at_javascripts_positions() {
    let mut non_ascii_before = 0;
    for (name, text) in examples() {
        let text = text.replacen("\n\n", "\n\n😀 日本語のメモ。\n\n", 1);
        let units: Vec<u16> = text.encode_utf16().collect();
        let got = json(findings(&text, r#"{"messages":"ja"}"#));
        let source = Source::new(text.clone());
        let config = config_of(&parse_options(r#"{"messages":"ja"}"#).unwrap()).unwrap();
        let env = env();
        let analysis = azsr_core::analyze(&source, &config, &catalog(), &env);
        let ordered = azsr_report::ordered(&source, &analysis);
        let list = got["findings"].as_array().unwrap();
        assert_eq!(list.len(), ordered.len(), "{name}");
        for (f, (finding, _)) in list.iter().zip(&ordered) {
            assert_eq!(f["code"], finding.code, "{name}");
            let bytes = finding.range.start..finding.range.end.max(finding.range.start);
            assert_eq!(
                utf16_slice(&units, &f["from"], &f["to"]),
                text[bytes.clone()],
                "{name}: {f}"
            );
            assert_eq!(f["line"], finding.start.line);
            assert_eq!(f["column"], finding.start.column);
            // …and the page's offsets come back to the same bytes (hover, completion).
            let map = Utf16::new(&text);
            let from = f["from"].as_u64().unwrap() as u32;
            assert_eq!(map.byte(&text, from), bytes.start, "{name}: {f}");
            if !text[..bytes.start].is_ascii() {
                non_ascii_before += 1;
            }
        }
    }
    assert!(non_ascii_before > 0, "some finding follows non-ASCII text");
}

/// Each quick fix, applied to the page's UTF-16 text, gives what the core's edits give.
#[test]
fn quick_fixes_apply_in_javascript_as_in_the_core() {
    let mut fixes = 0;
    for (name, text) in examples() {
        let got = json(findings(&text, "{}"));
        let source = Source::new(text.clone());
        let analysis = azsr_core::analyze(&source, &Config::default(), &catalog(), &env());
        for ((f, d), page) in azsr_report::ordered(&source, &analysis)
            .iter()
            .zip(got["findings"].as_array().unwrap())
        {
            assert_eq!(
                page["fixes"].as_array().unwrap().len(),
                d.fixes.len(),
                "{name} {}",
                f.code
            );
            for (fix, page_fix) in d.fixes.iter().zip(page["fixes"].as_array().unwrap()) {
                let expected = azsr_core::diagnostic::apply_edits(&text, &fix.edits);
                assert_eq!(
                    apply_utf16(&text, &page_fix["edits"]),
                    expected,
                    "{name}: {}",
                    f.code
                );
                fixes += 1;
            }
        }
    }
    assert!(fixes > 0, "the examples have quick fixes");
}

#[test]
fn utf16_offsets_map_back_to_character_starts() {
    let text = "aé本😀\n";
    let map = Utf16::new(text);
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    for (b, u) in starts.iter().zip([0, 1, 2, 3]) {
        assert_eq!(map.of(*b), u);
        assert_eq!(map.byte(text, u), *b);
    }
    assert_eq!(
        map.byte(text, 4),
        text.len() - 1,
        "inside the surrogate pair: after it"
    );
    assert_eq!(map.byte(text, 6), text.len());
}

#[test]
fn check_is_one_file_of_clis_json() {
    let (_, text) = examples()
        .into_iter()
        .find(|(n, _)| n.ends_with("vague.ja.azsr.md"))
        .unwrap();
    let raw = check(&text, r#"{"path":"examples/faulty/vague.ja.azsr.md"}"#);
    let v = json(raw.clone());
    assert_eq!(v["path"], "examples/faulty/vague.ja.azsr.md");
    let first = &v["diagnostics"][0];
    // cli.md's key order.
    let at = |key: &str| raw.find(&format!("\"{key}\":")).unwrap();
    assert!(at("path") < at("diagnostics"));
    assert!(
        at("code") < at("severity")
            && at("severity") < at("message")
            && at("message") < at("range")
    );
    assert!(at("line") < at("column"));
    assert!(
        first["range"]["start"]["line"].as_u64().unwrap() >= 1,
        "1-based"
    );
    // The draft says support_language: ja, so `auto` gives Japanese messages.
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["message"].as_str().unwrap().contains('。')));
    let en = json(check(&text, r#"{"messages":"en"}"#));
    assert_eq!(en["path"], "draft.azsr.md");
    assert!(!en["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains('。'));
}

#[test]
fn hover_documents_findings_fields_and_the_severity_table() {
    let (_, text) = examples()
        .into_iter()
        .find(|(n, _)| n.ends_with("vm-rdp.ja.azsr.md"))
        .unwrap();
    let at = |needle: &str| text[..text.find(needle).unwrap()].encode_utf16().count() as u32 + 1;
    let severity = json(hover(&text, r#"{"messages":"en"}"#, at("severity: B")));
    let md = severity["markdown"].as_str().unwrap();
    assert!(md.contains('|'), "the response-time table: {md}");
    let whole = utf16_slice(
        &text.encode_utf16().collect::<Vec<_>>(),
        &severity["from"],
        &severity["to"],
    );
    assert_eq!(whole, "severity: B");
    let f = json(findings(&text, "{}"));
    if let Some(first) = f["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["from"] != f["to"])
    {
        let h = json(hover(&text, "{}", first["from"].as_u64().unwrap() as u32));
        assert!(h["markdown"]
            .as_str()
            .unwrap()
            .starts_with(&format!("**{}**", first["code"].as_str().unwrap())));
    }
    assert_eq!(
        json(hover(&text, "{}", at("## ゴール") + 20_000)),
        Value::Null
    );
}

#[test]
fn completions_offer_keys_services_and_problem_types() {
    let text = "---\nissue_type: technical\nservice: Virtual Mach\nproblem_type: \n---\n";
    let at = |needle: &str| (text.find(needle).unwrap() + needle.len()) as u32;
    let services = json(completions(text, "{}", at("Virtual Mach")));
    let items = services["items"].as_array().unwrap();
    assert!(items
        .iter()
        .any(|i| i["kind"] == "service"
            && i["label"].as_str().unwrap().starts_with("Virtual Machine")));
    assert_eq!(services["from"], at("service: ") as u64);
    let keys = json(completions(text, "{}", at("issue_type: technical\n")));
    assert!(keys["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["kind"] == "key"));
    let problems = json(completions(
        "---\nissue_type: technical\nservice: Virtual Machine running Windows\nproblem_type: \n---\n",
        "{}",
        "---\nissue_type: technical\nservice: Virtual Machine running Windows\nproblem_type: ".len() as u32,
    ));
    assert!(problems["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["kind"] == "problem-type"));
}

#[test]
fn bad_options_are_an_error_not_a_panic() {
    for (options, says) in [
        ("{", "options"),
        (r#"{"messages":"fr"}"#, "messages"),
        (r#"{"colour":1}"#, "colour"),
        (r#"{"config":"rules = 3"}"#, "azsr.toml"),
    ] {
        let v: Value = serde_json::from_str(&check("x", options)).unwrap();
        assert!(
            v["error"].as_str().unwrap().contains(says),
            "{options}: {v}"
        );
    }
}

#[test]
fn the_clock_is_the_callers() {
    let o = parse_options(r#"{"now": 1767225600000}"#).unwrap();
    assert_eq!(now(&o).to_string(), "2026-01-01T00:00:00Z");
}

/// Fix-all's edits, applied to the page's UTF-16 text, give the core's fix-all text.
#[test]
fn fix_all_applies_in_javascript_as_in_the_core() {
    let mut changed = 0;
    for (name, text) in examples() {
        let got = json(fix_all(&text, "{}"));
        let source = Source::new(text.clone());
        let config = Config {
            messages: MessagesSetting::Fixed(
                json(findings(&text, "{}"))["lang"]
                    .as_str()
                    .map_or(Lang::En, Lang::from_locale),
            ),
            ..Config::default()
        };
        let env = env();
        let core_edits = azsr_core::fix_all::fix_all(&source, &config, &catalog(), &env);
        let expected = azsr_core::diagnostic::apply_edits(&text, &core_edits);
        assert_eq!(apply_utf16(&text, &got), expected, "{name}");
        changed += usize::from(!got.as_array().unwrap().is_empty());
    }
    assert!(changed > 0, "fix-all changes some example");
}
