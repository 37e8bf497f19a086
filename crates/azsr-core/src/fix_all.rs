//! `source.fixAll.azsr`: the end state of the findings' fixes taken together.
//!
//! Fixes are not concatenated: one fix can make another wrong (a severity lowered to
//! what the plan offers no longer needs the phone contact that severity A asked for).
//! Instead the fixes are applied one at a time, in the order of the rules, each on the
//! text the previous ones left and re-analysed, and a fix is kept only when it makes the
//! request better as a whole: its finding goes, no error appears, and errors plus
//! warnings go down (for a fix of an information or a hint: do not go up, and the
//! findings go down). A fix that would trade one finding for another (headings inserted
//! empty, which `section-empty` then reports) is left to the person.

use std::collections::HashMap;

use crate::diagnostic::{apply_edits, Diagnostic, Level, TextEdit};
use crate::{analyze, rules, Analysis, Catalog, Config, Env, FrontMatter, Source};

/// At most this many fixes are applied (each costs an analysis).
const MAX_FIXES: usize = 64;

/// The edits that turn `source`'s text into the end state of every fix that makes it
/// better; none when no fix does.
pub fn fix_all(source: &Source, config: &Config, catalog: &Catalog, env: &Env) -> Vec<TextEdit> {
    let mut text = source.text.clone();
    let mut analysis = analyze(source, config, catalog, env);
    let mut fm = source.frontmatter.clone();
    // A fix once rejected is not tried again on a later state: each try costs an analysis.
    let mut rejected: Vec<(&'static str, String, String)> = Vec::new();
    for _ in 0..MAX_FIXES {
        let mut candidates: Vec<&Diagnostic> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.fixes.iter().any(|f| f.resolves))
            .collect();
        candidates.sort_by_key(|d| (rule_order(d.code), d.range.start));
        let mut next = None;
        'find: for d in candidates {
            for fix in d.fixes.iter().filter(|f| f.resolves) {
                let key = (d.code, d.message.en.clone(), fix.title.en.clone());
                if rejected.contains(&key) {
                    continue;
                }
                let after = apply_edits(&text, &fix.edits);
                let after_source = Source::new(after.as_str());
                let after_analysis = analyze(&after_source, config, catalog, env);
                if improves(fm.as_ref(), &analysis, &after_analysis, d) {
                    next = Some((after, after_analysis, after_source.frontmatter));
                    break 'find;
                }
                rejected.push(key);
            }
        }
        let Some((after, after_analysis, after_fm)) = next else {
            break;
        };
        text = after;
        analysis = after_analysis;
        fm = after_fm;
    }
    edits_between(&source.text, &text)
}

/// The position of the rule named `code` in [`rules::ALL`] (the order of rules.md:
/// the form before the body, a severity before the contact it needs).
fn rule_order(code: &str) -> usize {
    rules::ALL
        .iter()
        .position(|r| r.name == code)
        .unwrap_or(usize::MAX)
}

/// What a finding is about, to tell the same defect before and after a fix:
/// `required-field`'s field (a field missing and then empty is one defect), else the
/// rule and its message.
fn identity(d: &Diagnostic) -> (&'static str, &str) {
    match (d.code, required_field_of(d)) {
        ("required-field", Some(field)) => (d.code, field),
        _ => (d.code, d.message.en.as_str()),
    }
}

/// The field a `required-field` finding names (its first `` `…` ``).
fn required_field_of(d: &Diagnostic) -> Option<&str> {
    (d.code == "required-field")
        .then(|| d.message.en.split('`').nth(1))
        .flatten()
}

/// How many errors of each identity.
fn errors(analysis: &Analysis) -> HashMap<(&'static str, &str), usize> {
    let mut out = HashMap::new();
    for d in analysis
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
    {
        *out.entry(identity(d)).or_insert(0) += 1;
    }
    out
}

/// Whether `field` (`contact.email` for a contact field) holds a value in `fm`.
fn has_value(fm: Option<&FrontMatter>, field: &str) -> bool {
    let Some(fm) = fm else { return false };
    let entry = match field.split_once('.') {
        Some((outer, inner)) => fm.get(outer).and_then(|e| e.value.get(inner)),
        None => fm.get(field),
    };
    entry.is_some_and(|e| !e.value.is_empty())
}

/// Errors plus warnings.
pub fn errors_and_warnings(analysis: &Analysis) -> usize {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.level <= Level::Warning)
        .count()
}

/// Whether the fix that turned `before` (the analysis of `before_fm`'s text) into
/// `after` brings in an error. A required field that had no value before is not one the
/// fix emptied: its finding shows a defect the fix revealed (`issue_type` corrected to
/// `technical` makes `service` required), not one it made.
pub fn adds_an_error(before_fm: Option<&FrontMatter>, before: &Analysis, after: &Analysis) -> bool {
    let was = errors(before);
    errors(after).iter().any(|(key, n)| {
        let revealed = key.0 == "required-field" && !has_value(before_fm, key.1);
        *n > was.get(key).copied().unwrap_or(0) && !revealed
    })
}

/// Whether `target`'s finding (see [`identity`]) is fewer in `after`.
pub fn removes(before: &Analysis, after: &Analysis, target: &Diagnostic) -> bool {
    let count = |a: &Analysis| {
        a.diagnostics
            .iter()
            .filter(|d| identity(d) == identity(target))
            .count()
    };
    count(after) < count(before)
}

/// Whether the fix that turned `before` into `after` makes the request better as a
/// whole (see the module doc).
fn improves(
    before_fm: Option<&FrontMatter>,
    before: &Analysis,
    after: &Analysis,
    target: &Diagnostic,
) -> bool {
    if !removes(before, after, target) || adds_an_error(before_fm, before, after) {
        return false;
    }
    let (was, is) = (errors_and_warnings(before), errors_and_warnings(after));
    if target.level <= Level::Warning {
        is < was
    } else {
        is <= was && after.diagnostics.len() < before.diagnostics.len()
    }
}

/// The edits from `before` to `after`: the changed parts only (a character diff), so
/// that text no fix touched is never sent back, a secret no fix redacts included.
fn edits_between(before: &str, after: &str) -> Vec<TextEdit> {
    let mut edits: Vec<TextEdit> = Vec::new();
    let mut at = 0;
    for chunk in dissimilar::diff(before, after) {
        let (removed, inserted) = match chunk {
            dissimilar::Chunk::Equal(s) => {
                at += s.len();
                continue;
            }
            dissimilar::Chunk::Delete(s) => (s.len(), ""),
            dissimilar::Chunk::Insert(s) => (0, s),
        };
        match edits.last_mut() {
            Some(last) if last.range.end == at => {
                last.range.end += removed;
                last.new_text.push_str(inserted);
            }
            _ => edits.push(TextEdit {
                range: at..at + removed,
                new_text: inserted.to_string(),
            }),
        }
        at += removed;
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed_all(text: &str) -> (String, Analysis, Analysis) {
        let (config, catalog) = (Config::default(), Catalog::bundled());
        let env = Env {
            now: crate::testing::test_now(),
            files: None,
            locale: None,
        };
        let source = Source::new(text);
        let before = analyze(&source, &config, &catalog, &env);
        let edits = fix_all(&source, &config, &catalog, &env);
        assert!(!edits.is_empty());
        let after_text = apply_edits(text, &edits);
        let after = analyze(&Source::new(after_text.as_str()), &config, &catalog, &env);
        (after_text, before, after)
    }

    #[test]
    fn a_severity_goes_as_low_as_the_plan_needs_and_the_contact_stays() {
        let text = crate::testing::CLEAN_JA
            .replace("severity: B", "severity: A")
            .replace("support_plan: standard", "support_plan: developer");
        assert!(text.contains("severity: A") && text.contains("contact_method: email"));
        let (after, before, fixed) = fixed_all(&text);
        assert!(after.contains("severity: C\n"), "{after}");
        assert!(after.contains("contact_method: email"), "{after}");
        assert!(
            errors_and_warnings(&fixed) < errors_and_warnings(&before),
            "{:?}",
            fixed.diagnostics
        );
        assert!(!adds_an_error(
            Source::new(text.as_str()).frontmatter.as_ref(),
            &before,
            &fixed
        ));
    }

    #[test]
    fn fix_all_leaves_empty_headings_to_the_person() {
        // section-missing's headings would each be section-empty's: not an improvement
        let text = crate::testing::CLEAN_EN.replace("## Goal", "## Notes");
        let source = Source::new(text.as_str());
        let env = Env {
            now: crate::testing::test_now(),
            files: None,
            locale: None,
        };
        let (config, catalog) = (Config::default(), Catalog::bundled());
        let found = analyze(&source, &config, &catalog, &env);
        assert!(found
            .diagnostics
            .iter()
            .any(|d| d.code == "section-missing"));
        assert!(fix_all(&source, &config, &catalog, &env).is_empty());
    }

    #[test]
    fn the_edits_cover_only_what_changed() {
        for (before, after) in [
            (
                "severity: A\nkey: secret\nx: 1\n",
                "severity: C\nkey: secret\nx: 2\n",
            ),
            ("x重y", "x軽y"),
            ("aa", "aaa"),
            ("a\nb\n", "b\n"),
        ] {
            let edits = edits_between(before, after);
            assert_eq!(apply_edits(before, &edits), after);
            assert!(
                edits.iter().all(|e| !e.new_text.contains("secret")),
                "{edits:?}"
            );
        }
        assert!(edits_between("a", "a").is_empty());
    }
}
