//! Every rule of `rules.md`, one file each. A rule file's doc comment is its
//! documentation: `azsr-lsp --explain RULE` prints it and hover shows it.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Level};
use crate::messages::Msg;
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

/// The rule's documentation with the doc comment's leading space removed.
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

/// The first sentence under "What it checks" (a one-line description).
pub fn short_description(rule: &RuleMeta) -> String {
    let doc = doc_markdown(rule);
    let body = doc
        .split("## What it checks")
        .nth(1)
        .unwrap_or(&doc)
        .split("\n## ")
        .next()
        .unwrap_or("");
    let para: Vec<&str> = body
        .trim()
        .split("\n\n")
        .next()
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .collect();
    let para = para.join(" ");
    match para.find(". ") {
        Some(i) => para[..=i].to_string(),
        None => para,
    }
}

#[cfg(test)]
mod harness;

#[cfg(test)]
mod tests {
    use super::*;

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
}
