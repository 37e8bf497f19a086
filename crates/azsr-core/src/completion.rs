//! Completion (rules.md, "Completion"): what may be typed at a byte offset, best first.
//! Front matter keys (with their documentation), enumerated values, catalog services
//! (fuzzy; those covering `resource` first), problem types of the chosen service (ranked
//! by the words of `summary`), section headings, and the whole request template in an
//! empty file. The language server only converts positions and kinds.

use std::collections::HashMap;
use std::ops::Range;

use crate::catalog::{Catalog, Service};
use crate::fields::{self, ContactMethod, IssueType, Plan, Severity, CONTACT_FIELDS, FIELDS};
use crate::messages::Lang;
use crate::sections::SectionKind;
use crate::{template, Source};

/// What an item is (front ends pick an icon by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A front matter key.
    Key,
    /// One of an enumerated field's values.
    EnumValue,
    /// `true` or `false`.
    Boolean,
    /// A catalog service.
    Service,
    /// A problem type or subtype of the chosen service.
    ProblemType,
    /// A section heading.
    Heading,
    /// The whole request template.
    Template,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    pub kind: ItemKind,
    /// What replaces [`Completions::replace`].
    pub insert: String,
    /// `insert` is a snippet (tab stops); only when the caller said the editor takes them.
    pub snippet: bool,
}

impl Item {
    fn new(label: impl Into<String>, kind: ItemKind) -> Item {
        let label = label.into();
        Item {
            insert: label.clone(),
            label,
            detail: None,
            documentation: None,
            kind,
            snippet: false,
        }
    }
}

/// The items at an offset, best first, and the bytes each of them replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completions {
    pub items: Vec<Item>,
    /// The whole value or heading being completed, text after the offset included (an
    /// editor's auto-closed `)` or `"`), so that accepting an item leaves nothing behind.
    pub replace: Range<usize>,
    /// The items are already matched against what was typed (the text from
    /// `replace.start` to the offset) and ranked: the editor should keep this order
    /// rather than re-rank them by its own fuzzy score.
    pub ranked: bool,
}

/// The completions at byte `offset` of `source`, in `lang`; `snippets` when the editor
/// takes snippet syntax.
pub fn completions(
    source: &Source,
    catalog: &Catalog,
    lang: Lang,
    offset: usize,
    snippets: bool,
) -> Completions {
    let text = &source.text;
    if text.trim().is_empty() {
        let mut it = Item::new(
            match lang {
                Lang::Ja => "お問い合わせのひな形",
                Lang::En => "Support request template",
            },
            ItemKind::Template,
        );
        it.insert = if snippets {
            template::request_snippet(lang)
        } else {
            template::request_template(lang)
        };
        it.snippet = snippets;
        return Completions {
            items: vec![it],
            replace: 0..text.len(),
            ranked: false,
        };
    }
    let start = line_start(text, offset);
    let line = &text[start..offset];
    let in_frontmatter = source
        .frontmatter
        .as_ref()
        .is_some_and(|fm| fm.yaml.start <= offset && (offset <= fm.yaml.end || !fm.closed));
    if in_frontmatter {
        let indent = line.len() - line.trim_start().len();
        if let Some(colon) = line.find(':') {
            let key = line[..colon].trim();
            let after = &line[colon + 1..];
            let value_start = start + colon + 1 + (after.len() - after.trim_start().len());
            let typed = &text[value_start..offset];
            return Completions {
                items: value_items(source, catalog, key, typed),
                replace: value_start..value_end(text, offset, true),
                ranked: key == "service" && !typed.trim().is_empty(),
            };
        }
        let table = if indent > 0 { CONTACT_FIELDS } else { FIELDS };
        return Completions {
            items: key_items(table, lang),
            replace: start + indent..offset,
            ranked: false,
        };
    }
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
        let after = &trimmed[hashes..];
        let head_start = offset - after.trim_start().len();
        let items = SectionKind::ALL
            .iter()
            .map(|k| {
                let mut it = Item::new(k.heading(lang), ItemKind::Heading);
                it.documentation = Some(k.purpose().get(lang).to_string());
                it
            })
            .collect();
        return Completions {
            items,
            replace: head_start..value_end(text, offset, false),
            ranked: false,
        };
    }
    Completions {
        items: Vec::new(),
        replace: offset..offset,
        ranked: false,
    }
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// Where the value around `offset` ends: at the end of its line, before a YAML comment
/// (` #`) when `yaml`, trailing white space left out; never before `offset`.
fn value_end(text: &str, offset: usize, yaml: bool) -> usize {
    let rest = &text[offset..];
    let mut value = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    if yaml {
        if let Some(comment) = value.find(" #") {
            value = &value[..comment];
        }
    }
    offset + value.trim_end().len()
}

/// The values of an enumerated field, in the order offered (the Japanese name as
/// detail where there is one); empty for a field that is not enumerated.
pub fn enumerated_values(key: &str) -> Vec<Item> {
    let pairs = |values: &[(&str, &str)]| -> Vec<Item> {
        values
            .iter()
            .map(|(en, ja)| {
                let mut it = Item::new(*en, ItemKind::EnumValue);
                it.detail = Some(ja.to_string());
                it
            })
            .collect()
    };
    match key {
        "issue_type" => pairs(IssueType::VALUES),
        // A, B and C, then 1 (premier and unified only); not the word forms.
        "severity" => pairs(&Severity::VALUES[..3])
            .into_iter()
            .chain(std::iter::once(Item::new("1", ItemKind::EnumValue)))
            .collect(),
        "support_plan" => Plan::ALL
            .iter()
            .map(|p| Item::new(p.key(), ItemKind::EnumValue))
            .collect(),
        "contact_method" => pairs(ContactMethod::VALUES),
        "support_language" => pairs(fields::LANGUAGES),
        "response_24x7" | "advanced_diagnostics" => ["true", "false"]
            .into_iter()
            .map(|v| Item::new(v, ItemKind::Boolean))
            .collect(),
        _ => Vec::new(),
    }
}

fn value_items(source: &Source, catalog: &Catalog, key: &str, typed: &str) -> Vec<Item> {
    match key {
        "service" => service_items(source, catalog, typed),
        "problem_type" | "problem_subtype" => {
            problem_items(source, catalog, key == "problem_subtype")
        }
        _ => enumerated_values(key),
    }
}

fn field_str<'a>(source: &'a Source, key: &str) -> Option<&'a str> {
    source.frontmatter.as_ref()?.get(key)?.value.as_str()
}

/// The services for a `service` value: those an alias of the typed text names
/// (`App Service` → the web apps), then those matching it fuzzily; within each, the
/// services covering `resource` first. Among matches as good, names starting with the
/// typed text, then the services people commonly mean (named by an alias), then
/// [`Catalog::services_covering`]'s order. Retired services are left out.
fn service_items(source: &Source, catalog: &Catalog, typed: &str) -> Vec<Item> {
    let resource_type = field_str(source, "resource")
        .and_then(|r| crate::arm::parse_resource_id(r.trim()).ok())
        .map(|id| id.full_type());
    let covering = resource_type
        .as_deref()
        .map(|t| catalog.services_covering(t))
        .unwrap_or_default();
    // an editor's auto-closed quote is part of the value, not of the name
    let typed = typed.trim().trim_matches(['"', '\'']);
    let aliased = catalog.alias(typed);
    let scores: HashMap<&str, u32> = if typed.is_empty() {
        HashMap::new()
    } else {
        crate::fuzzy::rank(
            typed,
            catalog.services.iter().map(|s| s.display_name.as_str()),
        )
        .into_iter()
        .collect()
    };
    let position = |list: &[&Service], s: &Service| list.iter().position(|x| x.id == s.id);
    let folded = typed.to_lowercase();
    let is_prefix = |s: &Service| s.display_name.to_lowercase().starts_with(&folded);
    let mut services: Vec<&Service> = catalog
        .services
        .iter()
        .filter(|s| !s.is_retired())
        .filter(|s| {
            typed.is_empty()
                || scores.contains_key(s.display_name.as_str())
                || position(&aliased, s).is_some()
        })
        .collect();
    services.sort_by_cached_key(|s| {
        let alias = position(&aliased, s);
        let cover = position(&covering, s);
        let score = scores.get(s.display_name.as_str()).copied().unwrap_or(0);
        (
            alias.is_none(),
            cover.is_none(),
            alias,
            // "Virt" means "Virtual …" more than "Azure Virtual Desktop", which the fuzzy
            // score ranks alike
            !is_prefix(s),
            std::cmp::Reverse(score),
            catalog.prominence(s).unwrap_or(usize::MAX),
            cover,
            s.display_name.len(),
        )
    });
    services
        .into_iter()
        .take(200)
        .map(|s| {
            let mut it = Item::new(s.display_name.trim(), ItemKind::Service);
            if !s.resource_types.is_empty() {
                it.detail = Some(s.resource_types.join(", "));
            }
            it
        })
        .collect()
}

fn problem_items(source: &Source, catalog: &Catalog, subtypes: bool) -> Vec<Item> {
    let Some(service) = field_str(source, "service").and_then(|n| catalog.find_service(n)) else {
        return Vec::new();
    };
    let Some(list) = catalog.problems(&service.service().id) else {
        return Vec::new();
    };
    let chosen_type = field_str(source, "problem_type").map(str::trim);
    let words = summary_words(field_str(source, "summary").unwrap_or(""));
    let mut names: Vec<String> = Vec::new();
    for p in &list.items {
        let name = if subtypes {
            if chosen_type.is_some_and(|t| !t.eq_ignore_ascii_case(&p.problem_type)) {
                continue;
            }
            match &p.subtype {
                Some(s) => s.clone(),
                None => continue,
            }
        } else {
            p.problem_type.clone()
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let score = |n: &str| {
        let name = summary_words(n);
        words
            .iter()
            .filter(|w| {
                name.iter()
                    .any(|x| x.starts_with(w.as_str()) || w.starts_with(x.as_str()))
            })
            .count()
    };
    names.sort_by_key(|n| std::cmp::Reverse(score(n)));
    names
        .into_iter()
        .map(|n| Item::new(n, ItemKind::ProblemType))
        .collect()
}

/// The words of a text that can match a problem type: lower-cased, split at anything
/// not alphanumeric, three characters or more, common English words left out. Japanese
/// runs stay whole (the bundled names are English).
fn summary_words(text: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "the", "and", "for", "with", "not", "can", "cannot", "from", "are", "was", "how", "why",
        "what", "when", "our", "your", "about",
    ];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

fn key_items(table: &[fields::FieldSpec], lang: Lang) -> Vec<Item> {
    table
        .iter()
        .map(|f| {
            let mut it = Item::new(f.key, ItemKind::Key);
            it.documentation = Some(fields::field_doc(f).get(lang).to_string());
            it.insert = format!("{}: ", f.key);
            it
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(annotated: &str, lang: Lang, snippets: bool) -> Completions {
        let offset = annotated.find('|').expect("a | marks the cursor");
        let source = Source::new(annotated.replacen('|', "", 1));
        completions(&source, &Catalog::bundled(), lang, offset, snippets)
    }

    fn labels(c: &Completions) -> Vec<&str> {
        c.items.iter().map(|i| i.label.as_str()).collect()
    }

    #[test]
    fn an_empty_file_gets_the_template_as_a_snippet_only_where_the_editor_takes_them() {
        let c = at("\n|  \n", Lang::Ja, true);
        assert_eq!(c.replace, 0..4);
        assert_eq!(c.items.len(), 1);
        assert_eq!(c.items[0].kind, ItemKind::Template);
        assert_eq!(c.items[0].label, "お問い合わせのひな形");
        assert_eq!(c.items[0].insert, template::request_snippet(Lang::Ja));
        assert!(c.items[0].snippet);
        let c = at("|", Lang::En, false);
        assert_eq!(c.items[0].insert, template::request_template(Lang::En));
        assert!(!c.items[0].snippet);
    }

    #[test]
    fn values_replace_what_follows_the_colon() {
        let c = at("---\nseverity: b|\n---\n", Lang::En, true);
        assert_eq!(labels(&c), ["A", "B", "C", "1"]);
        assert_eq!(c.replace, 14..15);
        assert_eq!(c.items[0].detail.as_deref(), Some("重大度 A"));
        assert_eq!(c.items[0].kind, ItemKind::EnumValue);
        let c = at("---\nadvanced_diagnostics:|\n---\n", Lang::En, true);
        assert_eq!(labels(&c), ["true", "false"]);
        assert_eq!(c.items[0].kind, ItemKind::Boolean);
        assert!(at("---\nsummary: x|\n---\n", Lang::En, true)
            .items
            .is_empty());
    }

    #[test]
    fn keys_come_with_their_documentation_and_a_colon() {
        let c = at("---\nsev|\n---\n", Lang::Ja, true);
        assert_eq!(c.replace, 4..7);
        let sev = c.items.iter().find(|i| i.label == "severity").unwrap();
        assert_eq!(sev.insert, "severity: ");
        assert_eq!(sev.kind, ItemKind::Key);
        let doc = sev.documentation.as_deref().unwrap();
        assert!(doc.starts_with("ビジネスへの影響度"), "{doc}");
        // indented: the keys of `contact`
        let c = at("---\ncontact:\n  ph|\n---\n", Lang::En, true);
        assert_eq!(c.replace, 15..17);
        assert!(labels(&c).contains(&"phone") && !labels(&c).contains(&"severity"));
    }

    #[test]
    fn headings_in_the_language_after_hashes() {
        let c = at("---\nseverity: C\n---\n##  Pro|\n", Lang::En, true);
        assert_eq!(c.replace, 24..27);
        assert_eq!(labels(&c)[..2], ["Goal", "Problem"]);
        assert_eq!(c.items[1].kind, ItemKind::Heading);
        assert!(at("---\n---\nplain |text\n", Lang::En, true)
            .items
            .is_empty());
    }

    const VM: &str = "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";

    #[test]
    fn services_of_the_resource_come_first_among_those_matching_the_typed_text() {
        let c = at(
            &format!("---\nresource: {VM}\nservice: Virt|\n---\n"),
            Lang::En,
            true,
        );
        assert_eq!(
            labels(&c)[..2],
            [
                "Virtual Machine running Windows",
                "Virtual Machine running Linux"
            ]
        );
        assert!(c.ranked);
        assert!(labels(&c).iter().all(|l| !l.contains("Update Manager")));
        // without a resource, names starting with "Virt" and commonly meant come first
        let c = at("---\nservice: Virt|\n---\n", Lang::En, true);
        assert!(
            labels(&c)[..5].contains(&"Virtual Machine running Windows"),
            "{:?}",
            labels(&c)
        );
        assert!(
            labels(&c)[..11].iter().all(|l| l.starts_with("Virtual")),
            "{:?}",
            labels(&c)
        );
        // retired services are not offered
        let catalog = Catalog::bundled();
        let c = at("---\nservice: |\n---\n", Lang::En, true);
        assert!(!c.ranked);
        assert!(labels(&c).iter().all(|l| !catalog
            .find_service(l)
            .unwrap()
            .service()
            .is_retired()));
    }

    #[test]
    fn names_people_type_offer_the_services_they_mean_first() {
        for (typed, first) in [
            ("App Service", "Web App (Windows)"),
            ("仮想マシン", "Virtual Machine running Windows"),
            ("VM", "Virtual Machine running Windows"),
            ("AKS", "Kubernetes Service (AKS)"),
        ] {
            let c = at(&format!("---\nservice: {typed}|\n---\n"), Lang::Ja, true);
            assert_eq!(labels(&c)[0], first, "{typed}");
        }
        let c = at("---\nservice: App Service|\n---\n", Lang::En, true);
        assert_eq!(labels(&c)[1], "Web App (Linux)");
    }

    #[test]
    fn a_value_is_replaced_whole_with_what_the_editor_closed_after_the_cursor() {
        let c = at("---\nservice: Web App (W|)\n---\n", Lang::En, true);
        assert_eq!(c.replace, 13..24);
        assert_eq!(labels(&c)[0], "Web App (Windows)");
        let c = at("---\nservice: \"Virt|\"  # note\n---\n", Lang::En, true);
        assert_eq!(c.replace, 13..19);
        assert!(labels(&c).contains(&"Virtual Machine running Windows"));
        let c = at("---\nseverity: |B\n---\n", Lang::En, true);
        assert_eq!(c.replace, 14..15);
        let c = at("---\n---\n## Pro|blem \n", Lang::En, true);
        assert_eq!(c.replace, 11..18);
    }

    #[test]
    fn problem_types_of_the_service_best_matching_the_summary_first() {
        let text = "---\nservice: Billing\nsummary: refund for an invoice\nproblem_type: |\n---\n";
        let c = at(text, Lang::En, true);
        assert!(c.items.len() > 3);
        let first = c.items[0].label.to_lowercase();
        assert!(
            first.contains("refund") || first.contains("invoice"),
            "{first}"
        );
        assert!(c.items.iter().all(|i| i.kind == ItemKind::ProblemType));
    }
}
