//! Every rule of `rules.md`, one file each. A rule file's doc comment is its
//! documentation: `azsr-lsp --explain RULE` prints it and hover shows it. Its Japanese
//! translation is `doc_ja/<module>.md` (same sections, same examples: checked below).

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Level};
use crate::messages::{Lang, Msg};
use crate::Context;

#[cfg(test)]
mod doc_examples_legacy;

/// A rule: its stable name, default level, documentation and check.
pub struct RuleMeta {
    /// Kebab-case name (public interface: never rename).
    pub name: &'static str,
    pub level: Level,
    /// Markdown: what it checks, why support asks for it, an example that fires and
    /// one that passes (```` ```markdown ```` blocks under `## Fires` and `## Passes`,
    /// which `rules/harness.rs` checks; its module doc tells how to write them).
    pub doc: &'static str,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

impl RuleMeta {
    /// A finding of this rule at its default level (the configuration may change it later).
    pub fn diag(&'static self, range: Range<usize>, message: Msg) -> Diagnostic {
        Diagnostic {
            code: self.name,
            level: self.level,
            range,
            message,
            fixes: Vec::new(),
            related: Vec::new(),
            secret: false,
        }
    }
}

/// Declares a rule from its doc comment:
///
/// ```ignore
/// declare_rule! {
///     /// What it checks …
///     "rule-name", Warning, check
/// }
/// ```
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $name:literal, $level:ident, $check:path) => {
        $(#[doc = $doc])*
        pub static RULE: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            name: $name,
            level: $crate::diagnostic::Level::$level,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}

pub(crate) mod fix;
pub(crate) mod text_rule;

macro_rules! rules {
    ($($module:ident),* $(,)?) => {
        $(pub mod $module;)*
        /// All rules, in the order of rules.md.
        pub static ALL: &[&RuleMeta] = &[$(&$module::RULE),*];
        /// The Japanese documentation of each rule of [`ALL`], in the same order.
        static DOCS_JA: &[&str] =
            &[$(include_str!(concat!("doc_ja/", stringify!($module), ".md"))),*];
    };
}

rules!(
    frontmatter_missing,
    frontmatter_syntax,
    unknown_field,
    required_field,
    invalid_value,
    subscription_id_format,
    resource_id_format,
    resource_missing,
    cross_subscription_resource,
    service_unknown,
    service_renamed,
    service_retired,
    service_resource_mismatch,
    problem_type_unknown,
    summary_length,
    start_time,
    start_time_offset,
    technical_needs_paid_plan,
    severity_unavailable,
    severity_a_phone,
    severity_a_criteria,
    severity_b_24x7_language,
    response_24x7_scope,
    english_body,
    contact_email,
    contact_phone,
    request_number_format,
    advanced_diagnostics,
    attachment_missing,
    attachment_limits,
    sensitive_data,
    section_missing,
    section_suggested,
    section_empty,
    placeholder,
    error_excerpt,
    ambiguous_term,
    multiple_problems,
    feature_request,
    reopen_without_number,
    cross_subscription_mention,
);

pub fn by_name(name: &str) -> Option<&'static RuleMeta> {
    ALL.iter().copied().find(|r| r.name == name)
}

/// Where a rule's documentation is published: LSP `codeDescription` and SARIF `helpUri`.
pub fn doc_url(code: &str) -> String {
    format!("https://github.com/azsr/azsr/blob/main/docs/rules.md#{code}")
}

/// The rule's documentation in `lang`: its doc comment (as [`doc_markdown`]) in English,
/// `doc_ja/<module>.md` in Japanese.
pub fn documentation(rule: &RuleMeta, lang: Lang) -> String {
    let ja = ALL
        .iter()
        .position(|r| std::ptr::eq(*r, rule))
        .map(|i| DOCS_JA[i]);
    match (lang, ja) {
        (Lang::Ja, Some(ja)) => format!("{}\n", ja.trim_end()),
        _ => doc_markdown(rule),
    }
}

/// The rule's English documentation with the doc comment's leading space removed.
pub fn doc_markdown(rule: &RuleMeta) -> String {
    let mut out: String = rule
        .doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out
}

/// The body of the rule's first section in `lang` ("What it checks"), without its heading.
pub fn what_it_checks(rule: &RuleMeta, lang: Lang) -> String {
    let doc = documentation(rule, lang);
    let first = doc.split("\n## ").next().unwrap_or("");
    let body = match first.strip_prefix("## ") {
        Some(headed) => headed.split_once('\n').map_or("", |(_heading, body)| body),
        None => first,
    };
    body.trim().to_string()
}

/// The first sentence of [`what_it_checks`] in `lang`, on one line (a one-line description).
pub fn short_description(rule: &RuleMeta, lang: Lang) -> String {
    let section = what_it_checks(rule, lang);
    let para = section.split("\n\n").next().unwrap_or("");
    let para = para.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    // Not `text::sentences`: a doc's first sentence may hold `!` or `?` in code (`![]()`),
    // and an English one may quote Japanese (`か。`).
    let stop = match lang {
        Lang::En => ". ",
        Lang::Ja => "。",
    };
    let end = para.find(stop).map(|i| i + stop.trim_end().len());
    match end {
        Some(end) => para[..end].to_string(),
        None => para,
    }
}

#[cfg(test)]
mod harness;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_descriptions_are_one_sentence_in_each_language() {
        for rule in ALL {
            let en = short_description(rule, Lang::En);
            let ja = short_description(rule, Lang::Ja);
            for (one, stop) in [(&en, ". "), (&ja, "。")] {
                let inner = one.trim_end_matches(stop.trim_end());
                assert!(!inner.is_empty(), "{}", rule.name);
                assert!(
                    !inner.contains(stop) && !one.contains('\n'),
                    "{}: {one}",
                    rule.name
                );
            }
            assert!(
                what_it_checks(rule, Lang::Ja).starts_with(&ja),
                "{}",
                rule.name
            );
        }
    }

    #[test]
    fn every_rule_of_the_spec_exists_with_its_level_and_a_full_doc() {
        let spec = include_str!("../../tests/rules_table.txt");
        let mut names = Vec::new();
        for line in spec.lines().filter(|l| !l.trim().is_empty()) {
            let (name, level) = line.split_once(' ').unwrap();
            let rule =
                by_name(name).unwrap_or_else(|| panic!("rule {name} of rules.md is missing"));
            assert_eq!(rule.level.as_str(), level.trim(), "default level of {name}");
            for heading in ["## What it checks", "## Why", "## Fires", "## Passes"] {
                assert!(rule.doc.contains(heading), "{name}'s doc lacks `{heading}`");
            }
            names.push(name);
        }
        assert_eq!(names.len(), ALL.len(), "rules outside rules.md");
    }

    /// The Japanese heading for each of the English docs' level-2 headings.
    const JA_HEADINGS: &[(&str, &str)] = &[
        ("What it checks", "確認すること"),
        ("Why", "理由"),
        ("Trigger phrases", "検出のきっかけとなる語句"),
        ("Fires", "検出される例"),
        ("Passes", "検出されない例"),
    ];

    /// A doc's level-2 headings (outside examples) and its fenced blocks, as written.
    fn outline(doc: &str) -> (Vec<String>, Vec<String>) {
        let source = crate::Source::new(doc);
        let headings = source
            .body
            .headings
            .iter()
            .filter(|h| h.level == 2 && doc[h.range.clone()].starts_with("## "))
            .map(|h| doc[h.text_range.clone()].to_string())
            .collect();
        let blocks = source
            .body
            .code_blocks
            .iter()
            .map(|b| doc[b.range.clone()].trim_end().to_string())
            .collect();
        (headings, blocks)
    }

    #[test]
    fn each_japanese_doc_has_the_sections_and_examples_of_the_english_one() {
        let mut wrong = Vec::new();
        for rule in ALL {
            let (en_headings, en_blocks) = outline(&doc_markdown(rule));
            let (ja_headings, ja_blocks) = outline(&documentation(rule, Lang::Ja));
            let expected: Vec<&str> = en_headings
                .iter()
                .map(|h| {
                    JA_HEADINGS
                        .iter()
                        .find(|(en, _)| en == h)
                        .unwrap_or_else(|| panic!("{}: no Japanese heading for `{h}`", rule.name))
                        .1
                })
                .collect();
            if ja_headings != expected {
                wrong.push(format!(
                    "{}: sections {ja_headings:?}, not {expected:?}",
                    rule.name
                ));
            }
            for (i, block) in en_blocks.iter().enumerate() {
                if ja_blocks.get(i) != Some(block) {
                    wrong.push(format!(
                        "{}: example {} differs from the English one",
                        rule.name,
                        i + 1
                    ));
                }
            }
            if ja_blocks.len() != en_blocks.len() {
                wrong.push(format!(
                    "{}: {} examples, not {}",
                    rule.name,
                    ja_blocks.len(),
                    en_blocks.len()
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn english_is_the_doc_comment_and_japanese_the_translation() {
        let rule = by_name("summary-length").unwrap();
        assert_eq!(documentation(rule, Lang::En), doc_markdown(rule));
        let ja = documentation(rule, Lang::Ja);
        assert!(ja.starts_with("## 確認すること\n"), "{ja}");
    }

    #[test]
    fn japanese_docs_are_written_in_one_style() {
        let mut wrong = Vec::new();
        for rule in ALL {
            let doc = documentation(rule, Lang::Ja);
            for sentence in crate::messages::style::prose_sentences(&doc) {
                if let Err(why) = crate::messages::style::check_ja_sentence(&sentence) {
                    wrong.push(format!("{}: {why}: {sentence}", rule.name));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
