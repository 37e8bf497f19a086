use crate::diagnostic::Fix;
use crate::fields::{parse_bool, parse_language, ContactMethod, IssueType, Plan, Severity, LANGUAGES};
use crate::frontmatter::{YamlEntry, YamlNode, YamlValue};
use crate::frontmatter::edit::{replace_scalar};
use crate::form::{kind_of, not_single};
use crate::rules::fix;
use crate::time::WINDOWS_ZONES;
use crate::{msg, Context, Diagnostic, Msg};

declare_rule! {
    /// ## What it checks
    ///
    /// That each field holds a value of its kind: the enumerated fields one of their
    /// values (`issue_type`, `severity`, `support_plan`, `contact_method`,
    /// `support_language`, the booleans `advanced_diagnostics` and `response_24x7`),
    /// `contact.country` an ISO 3166-1 alpha-3 code in capitals (`JPN`),
    /// `contact.time_zone` a Windows time zone name (`Tokyo Standard Time`) or an IANA
    /// name (`Asia/Tokyo`), single values where the form has one text box, `contact` a
    /// mapping, `related_requests` and `attachments` lists. For billing, subscription
    /// management and quota requests the service is implied: a `service` naming another
    /// service is reported. The quick fix replaces the value with the closest allowed one;
    /// for `severity`, the one the plan and the contact allow (`high` means A, or B
    /// without phone contact, never `1`; C on developer).
    ///
    /// Fields with a rule of their own are left to it, a list or mapping in their place
    /// included: `subscription`, `resource`, `started`, `summary`, `contact.email`,
    /// `contact.phone`, request numbers, and which severities a plan offers.
    ///
    /// ## Why
    ///
    /// The portal offers these fields as lists to pick from; a value outside the list
    /// cannot be filed, and a guessed reading of it (is `高` severity A?) could route the
    /// request wrongly or set a response time you did not intend. Billing, subscription
    /// management and quota questions go to their own free teams, whatever service is
    /// written.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: tech
    /// severity: 高
    /// contact_method: fax
    /// contact:
    ///   country: Japan
    ///   time_zone: JST
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// severity: B
    /// contact_method: email
    /// contact:
    ///   country: JPN
    ///   time_zone: Tokyo Standard Time
    /// ---
    /// ```
    "invalid-value", Error, check
}

const SEVERITIES: &[&str] = &[
    "A",
    "B",
    "C",
    "critical",
    "moderate",
    "minimal",
    "1",
    "highestcriticalimpact",
];
const BOOLS: &[&str] = &["true", "false"];

/// Language names people write instead of the API's codes.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("english", "en-us"),
    ("japanese", "ja-jp"),
    ("chinese", "zh-hans"),
    ("中国語", "zh-hans"),
    ("spanish", "es-es"),
    ("french", "fr-fr"),
    ("korean", "ko-kr"),
    ("韓国語", "ko-kr"),
    ("russian", "ru-ru"),
    ("portuguese", "pt-br"),
    ("italian", "it-it"),
    ("german", "de-de"),
    ("ドイツ語", "de-de"),
];

/// Common ways to name a zone that are neither Windows nor IANA names.
const ZONE_ALIASES: &[(&str, &str)] = &[
    ("jst", "Tokyo Standard Time"),
    ("japan", "Tokyo Standard Time"),
    ("tokyo", "Tokyo Standard Time"),
    ("日本", "Tokyo Standard Time"),
    ("日本標準時", "Tokyo Standard Time"),
    ("東京", "Tokyo Standard Time"),
    ("kst", "Korea Standard Time"),
    ("ist", "India Standard Time"),
    ("cet", "W. Europe Standard Time"),
    ("pst", "Pacific Standard Time"),
    ("est", "Eastern Standard Time"),
];

/// Country names and alpha-2 codes people write instead of alpha-3.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("jp", "JPN"),
    ("japan", "JPN"),
    ("日本", "JPN"),
    ("us", "USA"),
    ("united states", "USA"),
    ("アメリカ", "USA"),
    ("米国", "USA"),
    ("gb", "GBR"),
    ("uk", "GBR"),
    ("united kingdom", "GBR"),
    ("de", "DEU"),
    ("germany", "DEU"),
    ("fr", "FRA"),
    ("france", "FRA"),
    ("cn", "CHN"),
    ("china", "CHN"),
    ("中国", "CHN"),
    ("kr", "KOR"),
    ("korea", "KOR"),
    ("韓国", "KOR"),
    ("tw", "TWN"),
    ("taiwan", "TWN"),
    ("台湾", "TWN"),
    ("in", "IND"),
    ("india", "IND"),
    ("sg", "SGP"),
    ("singapore", "SGP"),
    ("au", "AUS"),
    ("australia", "AUS"),
    ("ca", "CAN"),
    ("canada", "CAN"),
];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(form) = ctx.form() else { return };
    for e in form.entries() {
        let Some(key) = e.key_str() else { continue };
        if e.value.is_empty() || matches!(e.value.value, YamlValue::Alias) {
            continue; // required-field's, or not knowable
        }
        match key {
            // their own rules read these, shape included
            "subscription" | "resource" | "summary" | "started" => {}
            "problem_type" | "problem_subtype" => {
                single(ctx, key, &e.value, out);
            }
            "service" => {
                if let Some(v) = single(ctx, key, &e.value, out) {
                    implied_service(ctx, &e.value, v, out);
                }
            }
            "issue_type" => {
                let mut allowed: Vec<&str> = IssueType::VALUES.iter().map(|v| v.0).collect();
                allowed.extend(IssueType::VALUES.iter().map(|v| v.1));
                enumerated(ctx, key, &e.value, &allowed, 4, |v| IssueType::parse(v).is_some(), out);
            }
            "severity" => {
                severity(ctx, &e.value, out);
            }
            "support_plan" => {
                enumerated(ctx, key, &e.value, crate::config::PLANS, 6, |v| Plan::parse(v).is_some(), out);
            }
            "contact_method" => {
                let mut allowed: Vec<&str> = ContactMethod::VALUES.iter().map(|v| v.0).collect();
                allowed.extend(ContactMethod::VALUES.iter().map(|v| v.1));
                enumerated(ctx, key, &e.value, &allowed, 2, |v| ContactMethod::parse(v).is_some(), out);
            }
            "support_language" => {
                let mut allowed: Vec<&str> = LANGUAGES.iter().map(|l| l.0).collect();
                allowed.extend(["ja", "en", "日本語", "英語"]);
                let alias = LANGUAGE_NAMES
                    .iter()
                    .find(|(n, _)| e.value.text().is_some_and(|v| n.eq_ignore_ascii_case(v.trim())))
                    .map(|(_, code)| *code);
                match alias {
                    Some(code) => report(
                        ctx,
                        &e.value,
                        key,
                        &msg!("use the language code {code}", "言語コード {code} を指定してください"),
                        Some(code),
                        out,
                    ),
                    None => enumerated(ctx, key, &e.value, &allowed, allowed.len(), |v| parse_language(v).is_some(), out),
                }
            }
            "advanced_diagnostics" | "response_24x7" => {
                enumerated(ctx, key, &e.value, BOOLS, 2, |v| parse_bool(v).is_some(), out);
            }
            "contact" => contact(ctx, e, out),
            "related_requests" => related(ctx, &e.value, out),
            "attachments" if list(ctx, key, &e.value, out) => {
                for item in e.value.items() {
                    if !item.is_empty() {
                        single(ctx, "attachments[]", item, out);
                    }
                }
            }
            _ => {} // unknown-field's
        }
    }
}

/// The scalar text of a field that takes one value; reports lists and mappings.
fn single<'a>(ctx: &Context, key: &str, node: &'a YamlNode, out: &mut Vec<Diagnostic>) -> Option<&'a str> {
    match &node.value {
        YamlValue::Scalar { text, .. } => Some(text),
        YamlValue::Alias => None,
        _ => {
            // Empty lists and mappings are required-field's: callers skip them.
            out.extend(not_single(key, node).map(|m| RULE.diag(span_of(ctx, node), m)));
            None
        }
    }
}

/// True when `node` is a list (or a single value, read as a list of one); reports mappings.
fn list(ctx: &Context, key: &str, node: &YamlNode, out: &mut Vec<Diagnostic>) -> bool {
    match &node.value {
        YamlValue::Seq(_) => true,
        YamlValue::Map(_) => {
            out.push(RULE.diag(
                span_of(ctx, node),
                msg!(
                    "`{key}` takes a list (`- item` lines), not a mapping.",
                    "`{key}` にはリスト（`- 項目` の行）を指定してください。マッピングは指定できません。"
                ),
            ));
            false
        }
        _ => false,
    }
}

fn span_of(ctx: &Context, node: &YamlNode) -> std::ops::Range<usize> {
    node.full_span(ctx.text)
}

/// An enumerated field: reports a value `valid` rejects (without repeating it: the range
/// marks it, and it could be anything), with the closest allowed value
/// as the fix. `shown` is how many of `allowed` the message lists.
/// The closest allowed value to a mistyped one: fuzzy, else within two edits (a
/// transposed pair of letters is two).
fn closest_value<'a>(value: &str, allowed: &[&'a str]) -> Option<&'a str> {
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

fn enumerated(
    ctx: &Context,
    key: &str,
    node: &YamlNode,
    allowed: &[&str],
    shown: usize,
    valid: impl Fn(&str) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let Some(v) = single(ctx, key, node, out) else { return };
    if valid(v) {
        return;
    }
    let list = allowed[..shown.min(allowed.len())].join(", ");
    let expected = msg!("use one of {list}", "{list} のいずれかを指定してください");
    let suggestion = closest_value(v, allowed);
    report(ctx, node, key, &expected, suggestion, out);
}

/// `severity`: the fix writes the severity a mistyped value stands for (`high`, 高: A),
/// as far as the whole request allows it (see [`fix::severity_for`]).
fn severity(ctx: &Context, node: &YamlNode, out: &mut Vec<Diagnostic>) {
    let key = "severity";
    let Some(v) = single(ctx, key, node, out) else { return };
    if Severity::parse(v).is_some() {
        return;
    }
    let list = SEVERITIES[..3].join(", ");
    let expected = msg!("use one of {list}", "{list} のいずれかを指定してください");
    let lower = v.trim().to_lowercase();
    let meant = if ["high", "highest", "urgent", "高", "緊急"].contains(&lower.as_str()) {
        Some(Severity::A)
    } else {
        closest_value(v, SEVERITIES).and_then(Severity::parse)
    };
    let suggestion = meant.map(|s| fix::severity_for(ctx, s).label());
    report(ctx, node, key, &expected, suggestion, out);
}

fn report(
    ctx: &Context,
    node: &YamlNode,
    key: &str,
    expected: &Msg,
    suggestion: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let (een, eja) = (&expected.en, &expected.ja);
    let mut d = RULE.diag(
        span_of(ctx, node),
        msg!(
            "Not a valid `{key}`: {een}.",
            "`{key}` の値として使えません。{eja}。"
        ),
    );
    if let Some(s) = suggestion {
        d = d.with_fix(Fix {
            title: msg!("Replace with `{s}`", "`{s}` に置き換える"),
            edits: vec![replace_scalar(ctx.text, node, s)],
            resolves: true,
        });
    }
    out.push(d);
}

/// A non-technical issue type implies its service: another catalog service is wrong.
fn implied_service(ctx: &Context, node: &YamlNode, value: &str, out: &mut Vec<Diagnostic>) {
    let Some(issue) = ctx.issue_type() else { return };
    let Some(implied_id) = issue.implied_service() else {
        return;
    };
    let Some(found) = ctx.catalog.find_service(value) else {
        return; // not a catalog name: service-unknown's
    };
    if found.service().id.eq_ignore_ascii_case(implied_id) {
        return;
    }
    let Some(implied) = ctx.catalog.service_by_id(implied_id) else {
        return;
    };
    let name = &implied.display_name;
    let issue_name = IssueType::VALUES
        .iter()
        .zip([IssueType::Technical, IssueType::Billing, IssueType::SubscriptionManagement, IssueType::Quota])
        .find(|(_, t)| *t == issue)
        .map_or("", |(v, _)| v.0);
    let shown = &found.service().display_name;
    out.push(
        RULE.diag(
            span_of(ctx, node),
            msg!(
                "A `{issue_name}` request goes to the {name} service, not \"{shown}\": write `service: {name}` or leave it out (or change `issue_type`).",
                "`issue_type` が `{issue_name}` のお問い合わせは、「{shown}」ではなく {name} サービスで受け付けます。`service: {name}` とするか省略するか、`issue_type` を見直してください。"
            ),
        )
        .with_fix(Fix {
            title: msg!("Replace with `{name}`", "`{name}` に置き換える"),
            edits: vec![replace_scalar(ctx.text, node, name)],
            resolves: true,
        }),
    );
}

fn contact(ctx: &Context, e: &YamlEntry, out: &mut Vec<Diagnostic>) {
    let YamlValue::Map(entries) = &e.value.value else {
        let kind = kind_of(&e.value);
        let (ken, kja) = (&kind.en, &kind.ja);
        out.push(RULE.diag(
            span_of(ctx, &e.value),
            msg!(
                "`contact` takes a mapping of first_name, last_name, email, phone, country and time_zone lines, not {ken}.",
                "`contact` には first_name、last_name、email、phone、country、time_zone の行からなるマッピングを指定してください。{kja}は指定できません。"
            ),
        ));
        return;
    };
    for c in entries {
        let Some(key) = c.key_str() else { continue };
        let node = &c.value;
        if node.is_empty() || matches!(node.value, YamlValue::Alias) {
            continue;
        }
        let path = format!("contact.{key}");
        match key {
            "email" | "phone" => {} // contact-email's and contact-phone's
            "first_name" | "last_name" => {
                single(ctx, &path, node, out);
            }
            "additional_emails" if list(ctx, &path, node, out) => {
                for item in node.items() {
                    if !item.is_empty() {
                        single(ctx, "contact.additional_emails[]", item, out);
                    }
                }
            }
            "country" => {
                let Some(v) = single(ctx, &path, node, out) else { continue };
                let t = v.trim();
                if t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase()) {
                    continue;
                }
                let suggestion = if t.chars().count() == 3 && t.chars().all(|c| c.is_ascii_alphabetic()) {
                    Some(t.to_ascii_uppercase())
                } else {
                    COUNTRY_ALIASES
                        .iter()
                        .find(|(a, _)| a.eq_ignore_ascii_case(t) || *a == t)
                        .map(|(_, c)| c.to_string())
                };
                report(
                    ctx,
                    node,
                    &path,
                    &msg!(
                        "write an ISO 3166-1 alpha-3 code in capitals (JPN, USA, DEU, …)",
                        "ISO 3166-1 alpha-3 の国コードを大文字で指定してください（JPN、USA、DEU など）"
                    ),
                    suggestion.as_deref(),
                    out,
                );
            }
            "time_zone" => {
                let Some(v) = single(ctx, &path, node, out) else { continue };
                if crate::time::time_zone(v).is_some() {
                    continue;
                }
                let t = v.trim();
                let suggestion = ZONE_ALIASES
                    .iter()
                    .find(|(a, _)| a.eq_ignore_ascii_case(t) || *a == t)
                    .map(|(_, z)| *z)
                    .or_else(|| closest_value(t, &WINDOWS_ZONES.iter().map(|z| z.0).collect::<Vec<_>>()));
                report(
                    ctx,
                    node,
                    &path,
                    &msg!(
                        "write a Windows time zone name (Tokyo Standard Time, UTC, …) or an IANA name (Asia/Tokyo)",
                        "Windows のタイム ゾーン名（例: Tokyo Standard Time、UTC）か、Asia/Tokyo のような IANA 名を指定してください"
                    ),
                    suggestion,
                    out,
                );
            }
            _ => {} // unknown-field's
        }
    }
}

fn related(ctx: &Context, node: &YamlNode, out: &mut Vec<Diagnostic>) {
    if !list(ctx, "related_requests", node, out) {
        return;
    }
    for item in node.items() {
        match &item.value {
            YamlValue::Scalar { .. } | YamlValue::Alias => {}
            YamlValue::Map(_) => {
                let number = item.get("number");
                match number {
                    Some(n) if !n.value.is_empty() => {
                        single(ctx, "related_requests[].number", &n.value, out);
                    }
                    // A missing number is reported on the item, an empty one on its key.
                    _ => out.push(RULE.diag(
                        number.map_or_else(|| item.full_span(ctx.text), |n| n.key.span.clone()),
                        msg!(
                            "A related request needs its `number`.",
                            "関連するお問い合わせには `number`（お問い合わせ番号）が必要です。"
                        ),
                    )),
                }
                let engineer = number.and_then(|_| item.get("engineer"));
                if let Some(eng) = engineer.filter(|e| !e.value.is_empty()) {
                    single(ctx, "related_requests[].engineer", &eng.value, out);
                }
            }
            YamlValue::Seq(_) => {
                out.push(RULE.diag(
                    item.full_span(ctx.text),
                    msg!(
                        "A related request is a number or a mapping `{{number, engineer}}`, not a list.",
                        "関連するお問い合わせには番号か `{{number, engineer}}` のマッピングを指定してください。リストは指定できません。"
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn a_severity_fix_writes_what_the_whole_request_allows() {
        let fix_of = |rest: &str| {
            let text = format!("---\nissue_type: technical\nseverity: high\n{rest}---\n");
            let found = check(&RULE, &text);
            found[0].fixes[0].edits[0].new_text.clone()
        };
        let phone = "contact_method: phone\ncontact:\n  phone: +81-3-1234-5678\n";
        assert_eq!(fix_of(""), "B", "A needs phone contact");
        assert_eq!(fix_of(phone), "A");
        assert_eq!(fix_of(&format!("support_plan: premier\n{phone}")), "A", "never 1 for high");
        assert_eq!(fix_of("support_plan: developer\n"), "C");
        assert_eq!(fix_of(&format!("support_plan: developer\n{phone}")), "C");
        assert_eq!(fix_of("support_plan: standard\ncontact_method: phone\n"), "B", "no number");
    }

    fn fixed(text: &str) -> String {
        let d = check(&RULE, text);
        let edits: Vec<_> = d.iter().flat_map(|d| d.fixes.iter().flat_map(|f| f.edits.clone())).collect();
        apply_edits(text, &edits)
    }

    #[test]
    fn passes_on_clean_requests() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
    }

    #[test]
    fn accepts_every_spelling_of_the_enumerations() {
        let text = "---\nissue_type: 技術\nseverity: 重大度 A\nsupport_plan: Professional_Direct\ncontact_method: 電話\nsupport_language: 日本語\nadvanced_diagnostics: はい\nresponse_24x7: false\ncontact:\n  country: USA\n  time_zone: Asia/Tokyo\n---\n";
        assert!(check(&RULE, text).is_empty(), "{:?}", check(&RULE, text));
        let text = "---\nissue_type: Quota\nseverity: 1\nsupport_plan: basic\nsupport_language: EN-US\nadvanced_diagnostics: no\ncontact:\n  time_zone: tokyo standard time\n---\n";
        assert!(check(&RULE, text).is_empty());
        let text = "---\nseverity: highestcriticalimpact\nsupport_language: ja\ncontact_method: メール\n---\n";
        assert!(check(&RULE, text).is_empty());
    }

    #[test]
    fn fires_on_values_outside_the_enumerations() {
        assert_spans(&RULE, "---\nissue_type: «tech»\nseverity: «高»\ncontact_method: «fax»\n---\n");
        assert_spans(&RULE, "---\nsupport_plan: «enterprise»\nsupport_language: «Japanese»\nadvanced_diagnostics: «maybe»\n---\n");
        assert_spans(&RULE, "---\nissue_type: \"«技術的»\"\nresponse_24x7: «1»\n---\n");
    }

    #[test]
    fn fixes_pick_the_closest_value() {
        assert_eq!(
            fixed("---\nissue_type: tecnical\ncontact_method: emial\nsupport_plan: standrd\n---\n"),
            "---\nissue_type: technical\ncontact_method: email\nsupport_plan: standard\n---\n"
        );
        assert_eq!(fixed("---\nadvanced_diagnostics: ture\n---\n"), "---\nadvanced_diagnostics: true\n---\n");
        assert_eq!(fixed("---\nsupport_language: English\n---\n"), "---\nsupport_language: en-us\n---\n");
        assert_eq!(fixed("---\nsupport_language: ja_JPN\n---\n"), "---\nsupport_language: ja-jp\n---\n");
        let d = check(&RULE, "---\nissue_type: tech\n---\n");
        assert!(d[0].message.en.contains("technical, billing"));
        assert!(d[0].message.ja.contains("`issue_type`"));
    }

    #[test]
    fn contact_country_and_time_zone() {
        assert_spans(&RULE, "---\ncontact:\n  country: «jpn»\n  time_zone: «JST»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  country: «Japan»\n  time_zone: «Tokyo Standrd Time»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  country: «日本»\n  time_zone: «日本標準時»\n---\n");
        assert_eq!(
            fixed("---\ncontact:\n  country: jpn\n  time_zone: JST\n---\n"),
            "---\ncontact:\n  country: JPN\n  time_zone: Tokyo Standard Time\n---\n"
        );
        assert_eq!(
            fixed("---\ncontact:\n  country: 日本\n  time_zone: Tokyo Standrd Time\n---\n"),
            "---\ncontact:\n  country: JPN\n  time_zone: Tokyo Standard Time\n---\n"
        );
        assert_spans(&RULE, "---\ncontact:\n  country: «JPNX»\n---\n");
    }

    #[test]
    fn shapes_lists_and_mappings() {
        assert_spans(&RULE, "---\nproblem_type: «[a, b]»\ncontact: «x»\n---\n");
        // fields with a rule of their own: that rule reads the shape too
        assert!(check(&RULE, "---\nsummary: [a]\nstarted: [1]\nsubscription: {a: b}\nresource: [x]\ncontact:\n  email: [a]\n  phone: [1]\n---\n").is_empty());
        assert_spans(&RULE, "---\nseverity:\n  «- A\n  - B»\n---\n");
        assert_spans(&RULE, "---\nattachments: «{a: b}»\nrelated_requests:\n  - «[1, 2]»\n  - «engineer: 佐藤»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  first_name: «{a: b}»\n  additional_emails:\n    - «[x]»\n---\n");
        // single values where a list is expected are read as one entry
        assert!(check(&RULE, "---\nattachments: logs.zip\nrelated_requests: 2311270010001234\ncontact:\n  additional_emails: a@example.com\n---\n").is_empty());
    }

    #[test]
    fn service_must_match_a_non_technical_issue_type() {
        assert_spans(&RULE, "---\nissue_type: billing\nservice: «Virtual Machine running Windows»\n---\n");
        assert_spans(&RULE, "---\nissue_type: 課金\nservice: \"«Virtual Machine running Windows»\"\n---\n");
        let out = fixed("---\nissue_type: billing\nservice: Virtual Machine running Windows\n---\n");
        assert_eq!(out, "---\nissue_type: billing\nservice: Billing\n---\n");
        assert!(check(&RULE, "---\nissue_type: billing\nservice: Billing\n---\n").is_empty());
        assert!(check(&RULE, "---\nissue_type: billing\n---\n").is_empty());
        // an unknown name is service-unknown's
        assert!(check(&RULE, "---\nissue_type: billing\nservice: 請求\n---\n").is_empty());
        assert!(check(&RULE, "---\nissue_type: technical\nservice: Billing\n---\n").is_empty());
    }

    #[test]
    fn silent_on_fields_with_their_own_rule_and_on_odd_yaml() {
        let text = "---\nsubscription: not-a-guid\nresource: vm-web-01\nstarted: yesterday\nsummary: 1. 接続できない。2. 遅い。\nsupport_plan: basic\nseverity: A\ncontact:\n  email: not-an-email\n  phone: abc\nrelated_requests:\n  - 123\n---\n";
        assert!(check(&RULE, text).is_empty(), "{:?}", check(&RULE, text));
        let text = "---\nbase: &b B\nseverity: *b\nissue_type:\ncontact:\n---\n";
        assert!(check(&RULE, text).is_empty());
        assert!(check(&RULE, "---\nseverity: [x\n---\n").is_empty());
        assert!(check(&RULE, "no front matter").is_empty());
    }
}
