//! The rule documentation in `docs/rules.md` (and its Japanese twin `docs/rules.ja.md`)
//! and the README's rule table are generated from the rules' doc comments (and their
//! `doc_ja` translations). This test fails when they drift; run it with `UPDATE_DOCS=1`
//! to rewrite them.

use std::path::PathBuf;

use azsr_core::rules::{self, documentation, short_description};
use azsr_core::{Lang, Source};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What `docs/rules.md` (English) and `docs/rules.ja.md` (Japanese) say around each
/// rule's documentation: the title, the note on where it comes from, the level line.
struct Frame {
    path: &'static str,
    title: &'static str,
    generated: &'static str,
    level: &'static str,
    /// The full stop after the level.
    stop: &'static str,
}

fn frame(lang: Lang) -> Frame {
    match lang {
        Lang::En => Frame {
            path: "docs/rules.md",
            title: "Rules",
            generated: "Generated from the doc comments in crates/azsr-core/src/rules/",
            level: "Default level",
            stop: ".",
        },
        Lang::Ja => Frame {
            path: "docs/rules.ja.md",
            title: "ルール",
            generated: "Generated from crates/azsr-core/src/rules/doc_ja/",
            level: "既定のレベル",
            stop: "。",
        },
    }
}

fn render_rules_md(lang: Lang) -> String {
    let frame = frame(lang);
    let mut out = format!(
        "# {}\n\n<!-- {} by tests/docs.rs (UPDATE_DOCS=1 cargo test --test docs). -->\n\n",
        frame.title, frame.generated
    );
    for rule in rules::ALL {
        out.push_str(&format!(
            "## {}\n\n{}: **{}**{}\n\n",
            rule.name,
            frame.level,
            rule.level.as_str(),
            frame.stop
        ));
        // The rule's own headings go one level down under its `## name`; a heading
        // inside a fenced example is part of the example and stays as written. The core's
        // Markdown model tells them apart.
        let doc = documentation(rule, lang);
        let mut copied = 0;
        for heading in &Source::new(doc.as_str()).body.headings {
            let start = heading.range.start;
            if doc[start..].starts_with('#') {
                out.push_str(&doc[copied..start]);
                out.push('#');
                copied = start;
            }
        }
        out.push_str(&doc[copied..]);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Every line of a rule's doc that sits in a fenced example, as `(rule, line)`; told
/// apart by hand (a line of three backticks opens or closes), not by the Markdown model
/// the renderer uses, so that this check does not share its mistakes.
fn example_lines(lang: Lang) -> Vec<(&'static str, String)> {
    let mut lines = Vec::new();
    for rule in rules::ALL {
        let mut inside = false;
        for line in documentation(rule, lang).lines() {
            if line.starts_with("```") {
                inside = !inside;
            } else if inside {
                lines.push((rule.name, line.to_string()));
            }
        }
    }
    lines
}

#[test]
fn fenced_examples_are_copied_as_written() {
    for lang in [Lang::En, Lang::Ja] {
        let md = render_rules_md(lang);
        let examples = example_lines(lang);
        assert!(
            examples.iter().any(|(_, l)| l.starts_with("## ")),
            "an example has a heading (else this test checks nothing)"
        );
        let level = format!("\n{}: ", frame(lang).level);
        for (rule, line) in examples {
            // From the rule's heading to the next rule's.
            let after = md.split(&format!("\n## {rule}\n{level}")).nth(1);
            let section = after.unwrap().split(&level).next().unwrap();
            assert!(
                section.lines().any(|l| l == line),
                "{rule}: the example line {line:?} is not in {} as written",
                frame(lang).path
            );
        }
    }
}

fn render_readme_table() -> String {
    let mut out = String::from("| rule | level | what it checks |\n|---|---|---|\n");
    for rule in rules::ALL {
        out.push_str(&format!(
            "| [`{0}`](docs/rules.md#{0}) | {1} | {2} |\n",
            rule.name,
            rule.level.as_str(),
            short_description(rule, Lang::En).replace('|', "\\|")
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
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    for lang in [Lang::En, Lang::Ja] {
        let path = frame(lang).path;
        let rules_md = render_rules_md(lang);
        if update {
            std::fs::write(root().join(path), &rules_md).unwrap();
            continue;
        }
        let current = std::fs::read_to_string(root().join(path)).unwrap_or_default();
        assert!(
            current == rules_md,
            "{path} is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
        );
    }
    let readme_path = root().join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let readme_new = replace_between(
        &readme,
        "<!-- rules:start -->",
        "<!-- rules:end -->",
        &render_readme_table(),
    );
    if update {
        std::fs::write(&readme_path, &readme_new).unwrap();
        return;
    }
    assert!(
        readme == readme_new,
        "README's rule table is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}

/// The README's sample is an excerpt of real output: every finding it shows, and the
/// summary line, must be what `--check` prints for those files today.
#[test]
fn readme_sample_is_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- sample:start -->")
        .expect("sample start marker");
    let end = readme
        .find("<!-- sample:end -->")
        .expect("sample end marker");
    let sample = &readme[start..end];
    let console = sample
        .split("```console\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a console block");
    let mut lines = console.lines();
    let command = lines.next().expect("the command line");
    let args: Vec<&str> = command
        .strip_prefix("$ azsr-lsp ")
        .expect("the sample runs azsr-lsp")
        .split_whitespace()
        .collect();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_azsr-lsp"))
        .args(&args)
        .args(["--color", "never"])
        .current_dir(root())
        .output()
        .unwrap();
    let real = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = lines.collect::<Vec<_>>().join("\n");
    let mut findings = 0;
    for block in shown.split("\n\n") {
        let block = block.trim_end();
        if block.is_empty() {
            continue;
        }
        findings += 1;
        assert!(
            real.contains(block),
            "README sample block not in the real output:\n{block}\n--- real output ---\n{real}"
        );
    }
    assert!(findings >= 3, "the sample shows findings");
    // "(An excerpt: the first file has N findings in all.)"
    if let Some(n) = sample
        .split("the first file named has ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
    {
        let first = format!("--> {}:", args.iter().find(|a| a.ends_with(".md")).unwrap());
        assert_eq!(
            real.matches(&first).count(),
            n,
            "findings in the first file"
        );
    }
}
