//! Helpers shared by the front matter rules: the parsed block, scalar values and their
//! exact spans, and edits that add or replace YAML lines without breaking the YAML.

use crate::frontmatter::{FrontMatter, YamlEntry, YamlNode, YamlValue};
use crate::messages::Msg;
use crate::Context;

/// The front matter when it is closed and parsed to a mapping (else the
/// `frontmatter-missing` / `frontmatter-syntax` findings own the file).
pub(crate) fn parsed<'a>(ctx: &Context<'a>) -> Option<&'a FrontMatter> {
    let fm = ctx.fm?;
    (fm.closed && fm.error.is_none() && fm.root.is_some()).then_some(fm)
}

/// A top-level entry of the parsed front matter.
pub(crate) fn entry<'a>(ctx: &Context<'a>, key: &str) -> Option<&'a YamlEntry> {
    parsed(ctx)?.get(key)
}

/// The text of a scalar that is not null or blank.
pub(crate) fn scalar(node: &YamlNode) -> Option<&str> {
    match &node.value {
        YamlValue::Scalar { text, .. } if !node.is_empty() => Some(text),
        _ => None,
    }
}

/// The closest allowed value to a mistyped one: fuzzy, else within two edits (a
/// transposed pair of letters is two).
pub(crate) fn closest_value<'a>(value: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let v = value.trim();
    if v.len() > 200 {
        return None; // not a typo of a short value; and fuzzy matching it would be slow
    }
    crate::fuzzy::closest(v, allowed.iter().copied()).or_else(|| {
        allowed
            .iter()
            .map(|a| (crate::fuzzy::edit_distance(v, a), *a))
            .filter(|(d, a)| *d <= 2 && *d < a.chars().count())
            .min_by_key(|(d, a)| (*d, a.len()))
            .map(|(_, a)| a)
    })
}

/// Where a `started` value without an offset is read: the configuration's `time_zone`
/// (an offset or a zone name), else `contact.time_zone`'s offset on that date, else UTC.
pub(crate) fn fallback_offset(ctx: &Context, dt: jiff::civil::DateTime) -> jiff::tz::Offset {
    if let Some(tz) = ctx.config.time_zone.as_deref() {
        if let Some(o) = crate::time::parse_offset(tz) {
            return o;
        }
        if let Some(zone) = crate::time::time_zone(tz) {
            return crate::time::offset_at(&zone, dt);
        }
    }
    ctx.contact("time_zone")
        .and_then(|e| scalar(&e.value))
        .and_then(crate::time::time_zone)
        .map_or(jiff::tz::Offset::UTC, |zone| {
            crate::time::offset_at(&zone, dt)
        })
}

/// For a field that takes one value: a finding's message when `node` is a non-empty list
/// or mapping instead (empty ones are `required-field`'s).
pub(crate) fn not_single(key: &str, node: &YamlNode) -> Option<Msg> {
    if !matches!(node.value, YamlValue::Seq(_) | YamlValue::Map(_)) || node.is_empty() {
        return None;
    }
    let kind = kind_of(node);
    let (ken, kja) = (&kind.en, &kind.ja);
    Some(crate::msg!(
        "`{key}` takes a single value, not {ken}",
        "`{key}` には単一の値を指定してください ({kja}は指定できません)"
    ))
}

/// What kind of YAML node this is, for messages.
pub(crate) fn kind_of(node: &YamlNode) -> Msg {
    match &node.value {
        YamlValue::Seq(_) => Msg::new("a list", "リスト"),
        YamlValue::Map(_) => Msg::new("a mapping", "マッピング"),
        YamlValue::Alias => Msg::new("an alias", "エイリアス"),
        YamlValue::Scalar { .. } => Msg::new("a single value", "単一の値"),
    }
}

/// The items of a value that should be a list; a single scalar counts as one item.
pub(crate) fn list_items(node: &YamlNode) -> Vec<&YamlNode> {
    match &node.value {
        YamlValue::Seq(items) => items.iter().collect(),
        YamlValue::Scalar { .. } if !node.is_empty() => vec![node],
        _ => Vec::new(),
    }
}

/// A file system for tests: relative paths and their sizes.
#[cfg(test)]
pub(crate) struct FakeFiles(pub Vec<(&'static str, u64)>);

#[cfg(test)]
impl crate::FileProbe for FakeFiles {
    fn file_size(&self, relative_path: &str) -> Option<u64> {
        let p = relative_path.trim_start_matches("./");
        self.0.iter().find(|(n, _)| *n == p).map(|(_, s)| *s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;

    fn fm(text: &str) -> FrontMatter {
        crate::frontmatter::parse(text).unwrap()
    }

    /// The form rules this module serves.
    fn form_rules() -> Vec<&'static crate::rules::RuleMeta> {
        use crate::rules::*;
        vec![
            &frontmatter_missing::RULE,
            &frontmatter_syntax::RULE,
            &unknown_field::RULE,
            &required_field::RULE,
            &invalid_value::RULE,
            &subscription_id_format::RULE,
            &resource_id_format::RULE,
            &resource_missing::RULE,
            &cross_subscription_resource::RULE,
            &summary_length::RULE,
            &start_time::RULE,
            &start_time_offset::RULE,
            &contact_email::RULE,
            &contact_phone::RULE,
            &request_number_format::RULE,
            &advanced_diagnostics::RULE,
            &attachment_missing::RULE,
            &attachment_limits::RULE,
        ]
    }

    /// The ```markdown examples under `heading` in a rule's documentation.
    fn example(doc: &str, heading: &str) -> String {
        let after = &doc[doc.find(heading).unwrap()..];
        let block = &after[after.find("```markdown\n").unwrap() + 12..];
        block[..block.find("```").unwrap()]
            .lines()
            .map(|l| format!("{}\n", l.strip_prefix(' ').unwrap_or(l)))
            .collect()
    }

    #[test]
    fn documented_examples_fire_and_pass() {
        let probe = FakeFiles(vec![("logs/rdp-failure.zip", 10)]);
        let config = crate::Config::default();
        for rule in form_rules() {
            let fires = example(rule.doc, "## Fires");
            let passes = example(rule.doc, "## Passes");
            let f = crate::testing::check_with(rule, &fires, &config, Some(&probe));
            assert!(
                !f.is_empty(),
                "{}: the Fires example is silent:\n{fires}",
                rule.name
            );
            let p = crate::testing::check_with(rule, &passes, &config, Some(&probe));
            assert!(
                p.is_empty(),
                "{}: the Passes example fires {p:?}:\n{passes}",
                rule.name
            );
        }
    }

    #[test]
    fn every_fix_keeps_the_front_matter_valid() {
        let docs = [
            "---\nissue_type: tecnical\ncontact_method: emial\nsupport_plan: standrd\nseverty: B\nadvanced_diagnostics: いいえ\nstarted: 2023-11-27 13:05\ncontact:\n  frist_name: Anna\n  country: jpn\n  time_zone: JST\n---\n",
            "---\nissue_type: \"tecnical\"\nstarted: '2023-11-27 13:05'\nadvanced_diagnostics: 'no'\ncontact: {country: 'jpn', time_zone: \"Tokyo Standrd Time\"}\n---\n",
            "---\nissue_type: billing\nservice: 'Virtual Machine running Windows'\nsubscription: Prod (0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d)\nresource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\n---\n",
            "---\nissue_type: technical\nservice: Kubernetes Service (AKS)\ncontact:\n---\n",
            "---\nissue_type: technical\nservice: Kubernetes Service (AKS)\ncontact_method: phone\ncontact:\n    first_name: A\n---\n",
            "---\n---\n",
            "---\nsummary: x # comment\ncontact:\n  email: a@example.com # comment\n---\nbody\n",
            "---\r\nissue_type: tech\r\nstarted: 2023-11-27 13:05\r\n---\r\n",
            "---\nseverity: B",
            "## no front matter\n",
        ];
        for doc in docs {
            for rule in form_rules() {
                for d in crate::testing::check(rule, doc) {
                    for fix in &d.fixes {
                        let fixed = apply_edits(doc, &fix.edits);
                        let fm = crate::frontmatter::parse(&fixed);
                        let fm = fm.unwrap_or_else(|| {
                            panic!("{}: no block after fix:\n{fixed}", rule.name)
                        });
                        assert!(
                            fm.closed && fm.error.is_none(),
                            "{}: {:?} breaks the YAML:\n{fixed}",
                            rule.name,
                            fix.title.en
                        );
                        assert_ne!(fixed, doc, "{}: the fix changes nothing", rule.name);
                    }
                }
            }
        }
    }

    #[test]
    fn no_panic_on_odd_documents() {
        let docs = [
            "",
            "---",
            "---\n",
            "---\n---",
            "\u{feff}---\n---\n",
            "---\n- a\n- b\n---\n",
            "---\n42\n---\n",
            "---\n\"just a string\"\n---\n",
            "---\n[1, 2]: x\n? complex\n: key\n---\n",
            "---\nissue_type: [technical]\nsummary: {a: b}\nseverity: [A]\ncontact: [x]\nrelated_requests: {number: 1}\nattachments: {a: b}\nstarted: [2023]\nsubscription: {a: b}\nresource: [x]\nadvanced_diagnostics: [false]\n---\n",
            "---\na: &a {x: 1}\nissue_type: *a\ncontact: *a\nrelated_requests: *a\nattachments: *a\nstarted: *a\nsummary: *a\n---\n",
            "---\nissue_type: 1\nseverity: 2\nsupport_plan: 3\nstarted: 4\nsubscription: 5\nresource: 6\ncontact:\n  email: 7\n  phone: 8\n  country: 9\n  time_zone: 10\n  additional_emails: 11\nrelated_requests: 12\nattachments: 13\nsummary: 14\n---\n",
            "---\ncontact:\n  email:\n    - a\n  phone: {x: y}\n  time_zone: [a]\n  country: ~\nrelated_requests:\n  - - nested\n  - number: [1]\n    engineer: {a: b}\nattachments:\n  - [a]\n  - ~\n---\n",
            "---\nsummary: |\n  line one\n  line two\nstarted: >\n  2023-11-27\n  13:05\n---\n",
            "---\nstarted: \"2026-11-24T00:00\\u00e9\"\nsummary: \"\\t\\u3042\"\n---\n",
            "---\nstarted: 9999-12-31T23:59:59-18:00\n---\n",
            "---\nstarted: 0000-01-01T00:00:00+18:00\n---\n",
            "---\r\nsummary: x\r\nrelated_requests:\r\n  - 1\r\n---\r\nSR 231127001000123 です。\r\n",
            "## 問題\nお問い合わせ番号: 9999999999999999999999999999999 と SR# ![x](%) [y](%zz)\n",
        ];
        let probe = FakeFiles(Vec::new());
        let config = crate::Config {
            time_zone: Some("Mars/Olympus".into()),
            summary_max_chars: 0,
            ..Default::default()
        };
        for doc in docs {
            for rule in form_rules() {
                let _ = crate::testing::check_with(rule, doc, &config, Some(&probe));
                let _ = crate::testing::check(rule, doc);
            }
        }
        let huge = "x".repeat(100_000);
        let long = format!(
            "---\nsummary: {}\nseverity: {huge}\n{huge}: 1\ncontact:\n  time_zone: {huge}\n  {huge}: 1\n---\n{}",
            "あ".repeat(100_000),
            "SR 1 ".repeat(10_000)
        );
        let started = std::time::Instant::now();
        for rule in form_rules() {
            let _ = crate::testing::check(rule, &long);
        }
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn no_panic_on_arbitrary_values(
            values in proptest::collection::vec("\\PC{0,40}", 1..8),
            body in "\\PC{0,80}",
        ) {
            const KEYS: &[&str] = &[
                "issue_type", "subscription", "service", "resource", "summary", "started",
                "severity", "advanced_diagnostics", "related_requests", "attachments",
            ];
            let mut text = String::from("---\n");
            for (i, v) in values.iter().enumerate() {
                text.push_str(&format!("{}: {}\n", KEYS[i % KEYS.len()], v));
            }
            text.push_str("contact:\n");
            for (i, v) in values.iter().enumerate() {
                let k = ["email", "phone", "country", "time_zone", "additional_emails"][i % 5];
                text.push_str(&format!("  {k}: {v}\n"));
            }
            text.push_str("---\n");
            text.push_str(&body);
            let probe = FakeFiles(Vec::new());
            for rule in form_rules() {
                let d = crate::testing::check_with(rule, &text, &crate::Config::default(), Some(&probe));
                for d in d {
                    proptest::prop_assert!(text.get(d.range.clone()).is_some());
                    for f in &d.fixes {
                        let _ = apply_edits(&text, &f.edits);
                    }
                }
            }
        }
    }
}
