use crate::fields::{field_doc, ContactMethod, FieldSpec, IssueType, CONTACT_FIELDS, FIELDS};
use crate::form::Form;
use crate::frontmatter::{YamlEntry, YamlValue};
use crate::frontmatter::edit::{insert_in_mapping, insert_top_level};
use crate::rules::fix;
use crate::template;
use crate::rules::unknown_field::meant;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That every field the form requires is present and not empty. Always required:
    /// `issue_type`, `summary`, `problem_type`, `severity`, `advanced_diagnostics`,
    /// `contact_method`, `support_language`, and `contact` with `first_name`, `last_name`,
    /// `email`, `country` and `time_zone`. Technical and quota requests also need
    /// `subscription`; technical requests need `service` and `started`. `problem_subtype`
    /// is required when the catalog holds the service's complete list of problem types and
    /// it shows subtypes for the chosen type; `contact.phone` when `contact_method: phone`.
    ///
    /// A template's filler counts as empty: a required field (or `resource`) that still
    /// holds a template's example value, the nil GUID
    /// `00000000-0000-0000-0000-000000000000`, an address or host at `example.com`,
    /// `example.co.jp`, `example.org` or `example.net`, or the resource group
    /// `resource-group` of a template's resource ID, is reported on the value.
    ///
    /// A missing key is reported at the opening `---` of the front matter, a key present
    /// with an empty value on the key. The quick fix inserts the key line for you to fill
    /// in (the finding stays until you do). (A missing phone under severity A or 1 is
    /// `severity-a-phone`'s; `support_plan` is never required.)
    ///
    /// ## Why
    ///
    /// The portal does not let a request through without these fields, and support uses
    /// each of them: the subscription and service route the request to the team for that
    /// product, the problem type to the right specialists, the start time frames the
    /// investigation, and the contact details are how the engineer reaches you within the
    /// response time.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// summary: VM に RDP 接続できない
    /// severity:
    /// ---
    /// ```
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// subscription: 00000000-0000-0000-0000-000000000000
    /// summary: VM に RDP 接続できない
    /// contact:
    ///   email: taro.yamada@example.co.jp
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: billing
    /// summary: 二重に請求された料金を返金してほしい
    /// problem_type: Refund request
    /// severity: C
    /// advanced_diagnostics: true
    /// contact_method: email
    /// support_language: ja
    /// contact:
    ///   first_name: 太郎
    ///   last_name: 山田
    ///   email: taro.yamada@contoso.co.jp
    ///   country: JPN
    ///   time_zone: Tokyo Standard Time
    /// ---
    /// ```
    "required-field", Error, check
}

const ALWAYS: &[&str] = &[
    "issue_type",
    "summary",
    "problem_type",
    "severity",
    "advanced_diagnostics",
    "contact_method",
    "support_language",
    "contact",
];

const CONTACT_ALWAYS: &[&str] = &["first_name", "last_name", "email", "country", "time_zone"];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(form) = ctx.form() else { return };
    let doc = ctx.text;
    let issue = ctx.issue_type();
    let mut required: Vec<&str> = Vec::new();
    for spec in FIELDS {
        let key = spec.key;
        let needed = ALWAYS.contains(&key)
            || (key == "subscription"
                && matches!(issue, Some(IssueType::Technical | IssueType::Quota)))
            || (matches!(key, "service" | "started") && issue == Some(IssueType::Technical))
            || (key == "problem_subtype" && subtype_required(ctx));
        if needed {
            required.push(key);
        }
    }
    let phone_needed = form
        .str("contact_method")
        .and_then(ContactMethod::parse)
        == Some(ContactMethod::Phone)
        && !ctx.severity().is_some_and(|s| s.is_critical());
    let mut contact_keys: Vec<&str> = CONTACT_ALWAYS.to_vec();
    if phone_needed {
        contact_keys.insert(3, "phone");
    }

    // Typo suggestions cost a fuzzy match per unknown key: only when a field is missing.
    let mistyped = std::cell::OnceCell::new();
    let mistyped = || {
        mistyped.get_or_init(|| {
            let top: Vec<&str> = FIELDS.iter().map(|f| f.key).collect();
            meant(form.entries(), &top)
        })
    };
    for key in required {
        match form.get(key) {
            None if mistyped().iter().any(|m| m == key) => {} // unknown-field's rename
            None => {
                let line = if key == "contact" {
                    let mut s = String::from("contact:");
                    for k in &contact_keys {
                        s.push_str(&format!("\n  {k}: "));
                    }
                    s
                } else {
                    format!("{key}: ")
                };
                let after = previous_present(form, key);
                out.push(
                    RULE.diag(
                        form.block().opening(),
                        {
                            let (den, dja) = doc_of(FIELDS, key);
                            msg!(
                                "Required field `{key}` is missing. {den}",
                                "必須の項目 `{key}` がありません。{dja}"
                            )
                        },
                    )
                    .with_fix(fix::skeleton(
                        msg!("Add `{key}`", "`{key}` を追加する"),
                        vec![insert_top_level(doc, form.block(), after, &line)],
                    )),
                );
            }
            Some(e) if e.value.is_empty() => {
                let mut d = RULE.diag(
                    e.key.span.clone(),
                    {
                        let (den, dja) = doc_of(FIELDS, key);
                        msg!(
                            "Required field `{key}` is empty. {den}",
                            "必須の項目 `{key}` が空です。{dja}"
                        )
                    },
                );
                if key == "contact" {
                    let lines: Vec<String> = contact_keys.iter().map(|k| format!("{k}: ")).collect();
                    if let Some(edit) = insert_in_mapping(doc, e, &lines) {
                        d = d.with_fix(fix::skeleton(
                            msg!("Add the contact fields", "連絡先の項目を追加する"),
                            vec![edit],
                        ));
                    }
                }
                out.push(d);
            }
            Some(e) if key == "contact" => contact(doc, form, e, &contact_keys, out),
            Some(e) => filler(e, key, out),
        }
    }
    // Not required, but the template's example resource is filler all the same.
    if let Some(e) = form.get("resource") {
        filler(e, "resource", out);
    }
}

/// Reports `e`, the field `shown`, when its value is a template's example value
/// ([`template::is_filler`]): as good as empty.
fn filler(e: &YamlEntry, shown: &str, out: &mut Vec<Diagnostic>) {
    if e.value.as_str().is_some_and(template::is_filler) {
        out.push(RULE.diag(
            e.value.span.clone(),
            msg!(
                "`{shown}` still holds a template's example value: write the request's own.",
                "`{shown}` がテンプレートの例の値のままです。実際の値を記入してください。"
            ),
        ));
    }
}

fn contact(doc: &str, form: Form, e: &YamlEntry, keys: &[&str], out: &mut Vec<Diagnostic>) {
    if !matches!(e.value.value, YamlValue::Map(_)) {
        return; // a list or a single value is invalid-value's
    }
    let mistyped = std::cell::OnceCell::new();
    let mistyped = || {
        mistyped.get_or_init(|| {
            let known: Vec<&str> = CONTACT_FIELDS.iter().map(|f| f.key).collect();
            let mut m = meant(e.value.entries(), &known);
            // `email:` written at the top level: unknown-field says it belongs under `contact`
            m.extend(keys.iter().filter(|k| form.get(k).is_some()).map(|k| k.to_string()));
            m
        })
    };
    for key in keys {
        match e.value.get(key) {
            None if mistyped().iter().any(|m| m == key) => {} // unknown-field's rename
            None => {
                let mut d = RULE.diag(
                    e.key.span.clone(),
                    {
                        let (den, dja) = doc_of(CONTACT_FIELDS, key);
                        msg!(
                            "Required field `contact.{key}` is missing. {den}",
                            "必須の項目 `contact.{key}` がありません。{dja}"
                        )
                    },
                );
                if let Some(edit) = insert_in_mapping(doc, e, &[format!("{key}: ")]) {
                    d = d.with_fix(fix::skeleton(
                        msg!("Add `contact.{key}`", "`contact.{key}` を追加する"),
                        vec![edit],
                    ));
                }
                out.push(d);
            }
            Some(c) if c.value.is_empty() => out.push(RULE.diag(
                c.key.span.clone(),
                {
                    let (den, dja) = doc_of(CONTACT_FIELDS, key);
                    msg!(
                        "Required field `contact.{key}` is empty. {den}",
                        "必須の項目 `contact.{key}` が空です。{dja}"
                    )
                },
            )),
            Some(c) => filler(c, &format!("contact.{key}"), out),
        }
    }
}

/// The field's short documentation, without its final full stop.
fn doc_of(specs: &[FieldSpec], key: &str) -> (String, String) {
    let Some(spec) = specs.iter().find(|f| f.key == key) else {
        return (String::new(), String::new());
    };
    let m = field_doc(spec);
    (m.en, m.ja)
}

/// The last field before `key` (in the format's order) that the file has, so that an
/// inserted key lands where a reader expects it.
fn previous_present<'a>(form: Form<'a>, key: &str) -> Option<&'a YamlEntry> {
    let pos = FIELDS.iter().position(|f| f.key == key)?;
    FIELDS[..pos].iter().rev().find_map(|f| form.get(f.key))
}

/// `problem_subtype` is required when the catalog's complete list for the service shows
/// subtypes for the chosen problem type.
fn subtype_required(ctx: &Context) -> bool {
    let service_id = match ctx.issue_type() {
        Some(IssueType::Technical) | None => ctx.service().map(|(_, m)| m.service().id.clone()),
        Some(t) => t.implied_service().map(str::to_string),
    };
    let Some(id) = service_id else { return false };
    let Some(list) = ctx.catalog.problems(&id) else {
        return false;
    };
    let Some(pt) = ctx.form().and_then(|f| f.str("problem_type")) else {
        return false;
    };
    list.complete
        && list
            .items
            .iter()
            .any(|p| p.problem_type.eq_ignore_ascii_case(pt.trim()) && p.subtype.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    const CONTACT: &str = "contact:\n  first_name: 太郎\n  last_name: 山田\n  email: taro@contoso.co.jp\n  country: JPN\n  time_zone: Tokyo Standard Time\n";

    fn billing(extra: &str) -> String {
        format!("---\nissue_type: billing\nsummary: 返金について\nproblem_type: Refund request\nseverity: C\nadvanced_diagnostics: true\ncontact_method: email\nsupport_language: ja\n{CONTACT}{extra}---\n")
    }

    #[test]
    fn passes_on_complete_requests() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        // billing needs no subscription, service or started
        let text = billing("");
        let d = check(&RULE, &text);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn missing_keys_sit_on_the_opening_line() {
        let text = CLEAN_JA.replace("severity: B\n", "");
        let d = check(&RULE, &text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].range, 0..3);
        assert!(d[0].message.en.contains("`severity`"));
        assert!(d[0].message.ja.contains("`severity`"));
        // the fix puts it after `started`
        let fixed = apply_edits(&text, &d[0].fixes[0].edits);
        assert!(fixed.contains("started: 2026-11-20T13:05:00+09:00\nseverity: \nsupport_plan"));
        let fm = crate::frontmatter::parse(&fixed).unwrap();
        assert!(fm.error.is_none() && fm.get("severity").is_some());
    }

    #[test]
    fn empty_values_sit_on_the_key() {
        let text = CLEAN_EN.replace("severity: B", "«severity»:");
        assert_spans(&RULE, &text);
        let text = CLEAN_JA.replace("summary: 再起動後に vm-web-01 へ RDP 接続できない", "«summary»: \"\"");
        assert_spans(&RULE, &text);
        let text = CLEAN_JA.replace("  email: taro.yamada@contoso.co.jp", "  «email»: ~");
        assert_spans(&RULE, &text);
    }

    #[test]
    fn per_issue_type() {
        // technical needs subscription, service and started
        let text = CLEAN_EN
            .replace("subscription: 0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d\n", "")
            .replace("service: Kubernetes Service (AKS)\n", "")
            .replace("started: 2026-11-21T08:40:00+01:00\n", "");
        let d = check(&RULE, &text);
        assert_eq!(d.len(), 3, "{d:?}");
        // quota needs a subscription but no service
        let text = billing("").replace("issue_type: billing", "issue_type: quota");
        let d = check(&RULE, &text);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.en.contains("`subscription`"));
    }

    #[test]
    fn a_mistyped_key_is_unknown_fields_not_missing() {
        let text = CLEAN_JA.replace("severity: B", "severty: B");
        assert!(check(&RULE, &text).is_empty());
        let text = CLEAN_JA.replace("  country: JPN", "  国: JPN");
        assert!(check(&RULE, &text).is_empty());
        let text = CLEAN_JA.replace("  email: taro.yamada@contoso.co.jp\n", "").replace("issue_type", "email: taro.yamada@contoso.co.jp\nissue_type");
        assert!(check(&RULE, &text).is_empty());
        // an unrelated unknown key does not hide a missing one
        let text = CLEAN_JA.replace("severity: B", "foo: B");
        assert_eq!(check(&RULE, &text).len(), 1);
    }

    /// Only the unknown keys unknown-field can name a suggestion for (the first 200)
    /// stand for a missing field: a typo behind 200 other unknown keys is never shown as
    /// a rename, so the field is reported missing (and 100,000 keys cost no 100,000
    /// fuzzy matches).
    #[test]
    fn a_typo_past_unknown_fields_cap_leaves_the_field_missing() {
        let junk = |n: usize| (0..n).map(|i| format!("junk_{i}: x\n")).collect::<String>();
        let early = CLEAN_JA.replace("severity: B\n", &format!("severty: B\n{}", junk(300)));
        assert!(check(&RULE, &early).is_empty());
        let late = CLEAN_JA.replace("severity: B\n", &format!("{}severty: B\n", junk(300)));
        let d = check(&RULE, &late);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.en.contains("`severity` is missing"), "{}", d[0].message.en);
    }

    #[test]
    fn contact_fields() {
        let text = CLEAN_JA.replace("  country: JPN\n", "");
        let d = assert_spans(&RULE, &text.replace("contact:", "«contact»:"));
        let fixed = apply_edits(&text, &d[0].fixes[0].edits);
        assert!(fixed.contains("  time_zone: Tokyo Standard Time\n  country: \n---"));
        // phone contact needs a phone, except under severity A (severity-a-phone's)
        let text = CLEAN_EN.replace("contact_method: email", "contact_method: phone");
        let d = check(&RULE, &text);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.ja.contains("contact.phone"));
        let text = text.replace("severity: B", "severity: A");
        assert!(check(&RULE, &text).is_empty());
        // a whole missing contact is one finding whose fix adds the block
        let text = billing("").replace(CONTACT, "");
        let d = check(&RULE, &text);
        assert_eq!(d.len(), 1);
        let fixed = apply_edits(&text, &d[0].fixes[0].edits);
        let fm = crate::frontmatter::parse(&fixed).unwrap();
        assert_eq!(fm.get("contact").unwrap().value.entries().len(), 5);
        // an empty contact: the fix fills it
        let text = billing("").replace(CONTACT, "contact:\n");
        let d = check(&RULE, &text);
        assert_eq!(d.len(), 1);
        let fixed = apply_edits(&text, &d[0].fixes[0].edits);
        let fm = crate::frontmatter::parse(&fixed).unwrap();
        assert_eq!(fm.get("contact").unwrap().value.entries().len(), 5, "{fixed}");
    }

    #[test]
    fn problem_subtype_when_the_complete_list_has_subtypes() {
        let list = crate::Catalog::bundled();
        let billing_list = list.problems(crate::catalog::BILLING_ID).unwrap();
        let with_sub = billing_list.items.iter().find(|p| p.subtype.is_some()).unwrap();
        let text = billing("").replace("problem_type: Refund request", &format!("problem_type: {}", with_sub.problem_type));
        let d = check(&RULE, &text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.en.contains("problem_subtype"));
        let sub = with_sub.subtype.as_deref().unwrap();
        let text = text.replace("severity: C", &format!("problem_subtype: {sub}\nseverity: C"));
        assert!(check(&RULE, &text).is_empty());
        // a partial list never requires a subtype (CLEAN_JA's VM service)
        assert!(check(&RULE, &CLEAN_JA.replace("problem_subtype: Troubleshoot my RDP connection\n", "")).is_empty());
    }

    #[test]
    fn silent_on_broken_front_matter_and_odd_values() {
        assert!(check(&RULE, "# nothing\n").is_empty());
        assert!(check(&RULE, "---\nsummary: [x\n---\n").is_empty());
        let text = billing("").replace(CONTACT, "contact: [a, b]\n");
        assert!(check(&RULE, &text).is_empty());
    }
}
