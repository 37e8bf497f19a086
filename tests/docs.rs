//! The rule documentation in `docs/rules.md` and the README's rule table are generated
//! from the rules' doc comments. This test fails when they drift; run it with
//! `UPDATE_DOCS=1` to rewrite them.

use std::path::PathBuf;

use azsr_core::rules::{self, doc_markdown, short_description};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn render_rules_md() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the doc comments in crates/azsr-core/src/rules/ by tests/docs.rs (UPDATE_DOCS=1 cargo test --test docs). -->\n\n",
    );
    for rule in rules::ALL {
        out.push_str(&format!(
            "## {}\n\nDefault level: **{}**.\n\n",
            rule.name,
            rule.level.as_str()
        ));
        for line in doc_markdown(rule).lines() {
            if line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn render_readme_table() -> String {
    let mut out = String::from("| rule | level | what it checks |\n|---|---|---|\n");
    for rule in rules::ALL {
        out.push_str(&format!(
            "| [`{0}`](docs/rules.md#{0}) | {1} | {2} |\n",
            rule.name,
            rule.level.as_str(),
            short_description(rule).replace('|', "\\|")
        ));
    }
    out
}

fn replace_between(text: &str, start: &str, end: &str, new: &str) -> String {
    let s = text.find(start).expect("start marker") + start.len();
    let e = text.find(end).expect("end marker");
    format!("{}\n{}{}", &text[..s], new, &text[e..])
}

#[test]
fn generated_rule_docs_are_up_to_date() {
    let rules_md_path = root().join("docs/rules.md");
    let readme_path = root().join("README.md");
    let rules_md = render_rules_md();
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let readme_new = replace_between(
        &readme,
        "<!-- rules:start -->",
        "<!-- rules:end -->",
        &render_readme_table(),
    );
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&rules_md_path, &rules_md).unwrap();
        std::fs::write(&readme_path, &readme_new).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&rules_md_path).unwrap_or_default();
    assert!(
        current == rules_md,
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
    assert!(
        readme == readme_new,
        "README's rule table is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}
