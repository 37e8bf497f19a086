use unicode_normalization::UnicodeNormalization;

use crate::catalog::{Catalog, Service};
use crate::rules::fix;
use crate::fields::IssueType;
use crate::{msg, Context, Diagnostic, Msg};

declare_rule! {
    /// ## What it checks
    ///
    /// That `service` names a service of the service catalog: its current display name or
    /// a former one (case and surrounding spaces do not matter). A value that is just
    /// "Azure" (also `azure`, `Azure サービス`, `Microsoft Azure`, `Azure 全般`) gets its
    /// own message: Azure is not one service but a platform of hundreds of them.
    ///
    /// A name people commonly type for a service (`App Service`, `VM`, `仮想マシン`, `AKS`,
    /// `Azure AD`, …: the aliases of `data/service-aliases.toml`) gets a message naming
    /// the catalog services it stands for, the one that fits `resource` first.
    ///
    /// The quick fixes replace the value with up to three catalog names: those an alias
    /// names, else those that come closest to the value; services whose resource types
    /// cover the front matter's `resource` come first. For "Azure" alone, the fixes are
    /// the services that cover `resource`.
    ///
    /// Billing, quota and subscription management requests imply their service and may
    /// omit it; a `service` there that names another service is `invalid-value`'s, so
    /// this rule stays silent for those issue types.
    ///
    /// A warning rather than an error: the bundled catalog is English-only and dated, so
    /// a name taken from a newer or a localised portal is not known to be wrong. A newer
    /// list can be configured under `[catalog] services` in `azsr.toml`.
    ///
    /// ## Why
    ///
    /// Support splits Azure's hundreds of services between specialised teams. The
    /// service chosen on the form decides which team gets the request, so an exact
    /// service brings an engineer who knows it, without a hand-over first. "Azure" names
    /// no team at all.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Azure
    /// ---
    /// ```
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Virtual Machine Windows
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Virtual Machine running Windows
    /// ---
    /// ```
    "service-unknown", Warning, check
}

/// Suffixes that, after "Azure", still name the whole platform.
const PLATFORM_WORDS: &[&str] = &[
    "",
    "サービス",
    "のサービス",
    "全般",
    "全体",
    "その他",
    "プラットフォーム",
    "クラウド",
    "service",
    "services",
    "general",
    "platform",
    "cloud",
    "other",
];

/// True when `value` names Azure as a whole rather than one service.
pub(crate) fn is_azure_alone(value: &str) -> bool {
    let folded: String = value
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace() && !"()[]【】「」『』\"'`・-_/:".contains(*c))
        .collect();
    let rest = folded.strip_prefix("microsoft").unwrap_or(&folded);
    let Some(rest) = rest.strip_prefix("azure") else {
        return false;
    };
    PLATFORM_WORDS.contains(&rest)
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.issue_type().is_some_and(|t| t != IssueType::Technical) {
        return;
    }
    let Some(form) = ctx.form() else { return };
    let Some(entry) = form.get("service") else {
        return;
    };
    let Some(value) = entry.value.text() else {
        return;
    };
    if ctx.catalog.find_service(value).is_some() {
        return;
    }
    let span = entry.value.span.clone();
    let resource_type = form
        .str("resource")
        .and_then(|r| crate::arm::parse_resource_id(r.trim()).ok())
        .map(|id| id.full_type());

    let (message, candidates) = if is_azure_alone(value) {
        let covering: Vec<&Service> = resource_type
            .as_deref()
            .map(|t| ctx.catalog.services_covering(t))
            .unwrap_or_default();
        (
            msg!(
                "\"Azure\" is not a service: Azure is a platform of hundreds of services, each handled by its own support team. Name the exact service (for example `Virtual Machine running Windows`) so the request reaches engineers who know it.",
                "「Azure」はサービス名ではありません。Azure は数百のサービスからなるプラットフォームで、サービスごとに担当チームが分かれています。専門のエンジニアが対応できるよう、具体的なサービス名（例: `Virtual Machine running Windows`）を指定してください。"
            ),
            covering,
        )
    } else if let Some((best, others)) = alias_suggestions(ctx, value, resource_type.as_deref()) {
        let name = value.trim();
        let shown = best.display_name.trim();
        let message = if others.is_empty() {
            msg!(
                "\"{name}\" is not how the catalog names the service: the portal lists it as `{shown}`. Use that name, so the request reaches the team for that service.",
                "「{name}」はサービス カタログ上の名前ではありません。ポータルでは `{shown}` と表示されます。担当チームに届くよう、この名前を指定してください。"
            )
        } else {
            let others = others
                .iter()
                .map(|s| format!("`{}`", s.display_name.trim()))
                .collect::<Vec<_>>();
            let (oen, oja) = (others.join(" or "), others.join("、"));
            msg!(
                "\"{name}\" is not how the catalog names the service: the portal lists it as `{shown}`, or {oen}. Use the one that fits, so the request reaches the team for that service.",
                "「{name}」はサービス カタログ上の名前ではありません。ポータルでは `{shown}` と表示されます。ほかに {oja} もあります。担当チームに届くよう、当てはまる名前を指定してください。"
            )
        };
        let mut candidates = vec![best];
        candidates.extend(others);
        (message, candidates)
    } else {
        let suggestions = suggest(ctx, value, resource_type.as_deref());
        let closest = match suggestions.first() {
            Some(best) => {
                let best = best.display_name.trim();
                msg!(" (closest: `{best}`)", "。最も近い名前は `{best}` です")
            }
            None => Msg::new("", ""),
        };
        let (cen, cja) = (&closest.en, &closest.ja);
        let message = msg!(
            "\"{value}\" is not a service of the catalog, nor a former name of one. Use the service's exact name as the portal lists it{cen}, so the request reaches the team for that service. The bundled catalog is English-only: a name from a newer or localised portal may still be right.",
            "「{value}」はサービス カタログにないサービス名で、旧名称でもありません。担当チームに届くよう、ポータルが表示する正確なサービス名にしてください{cja}。同梱のカタログは英語名のみのため、新しいポータルや日本語表示の名前は正しい可能性があります。"
        );
        (message, suggestions)
    };

    let mut diag = RULE.diag(span.clone(), message);
    for s in candidates.into_iter().take(3) {
        let name = s.display_name.trim();
        diag = diag.with_fix(fix::replace_with(span.clone(), name));
    }
    out.push(diag);
}

/// The services an alias names (`App Service`, `仮想マシン`: see
/// `data/service-aliases.toml`), not retired, those covering `resource_type` first: the
/// best one and the others (at most two), for a message that names them all.
fn alias_suggestions<'a>(
    ctx: &Context<'a>,
    value: &str,
    resource_type: Option<&str>,
) -> Option<(&'a Service, Vec<&'a Service>)> {
    let mut services: Vec<&Service> = ctx
        .catalog
        .alias(value)
        .into_iter()
        .filter(|s| !s.is_retired())
        .collect();
    Catalog::covering_first(&mut services, resource_type);
    services.truncate(3);
    let mut services = services.into_iter();
    Some((services.next()?, services.collect()))
}

/// Up to three catalog services close to `value`, not retired; those covering
/// `resource_type` first. Candidates are ranked by how many of the value's words (other
/// than "Azure", "Microsoft", "service") they contain, then by fuzzy score: fuzzy
/// subsequence matching alone ranks `Azure Database for MySQL` above `SQL Database` for
/// "Azure SQL Database".
fn suggest<'a>(ctx: &Context<'a>, value: &str, resource_type: Option<&str>) -> Vec<&'a Service> {
    // no catalog name is longer than about 100 characters: a longer value is not a typo
    // of one, and ranking it would cost time for nothing
    if value.chars().count() > MAX_QUERY_CHARS {
        return Vec::new();
    }
    let query: String = value.nfkc().collect();
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let live: Vec<&Service> = ctx.catalog.services.iter().filter(|s| !s.is_retired()).collect();
    // A query of a few letters fuzzily matches almost anything: demand a score that
    // grows with the query's length.
    let min_score = (query.chars().filter(|c| !c.is_whitespace()).count() as u32) * 16;
    let fuzzy: std::collections::HashMap<&str, u32> =
        crate::fuzzy::rank(query, live.iter().map(|s| s.display_name.as_str()))
            .into_iter()
            .collect();
    let words = query_words(query);
    let fuzzy_ok = query.chars().filter(|c| !c.is_whitespace()).count() >= 5;
    let mut scored: Vec<(usize, usize, u32, &Service)> = live
        .iter()
        .filter_map(|s| {
            let (matched, extra) = word_matches(&words, &s.display_name);
            let score = fuzzy.get(s.display_name.as_str()).copied().unwrap_or(0);
            (matched > 0 || (fuzzy_ok && score >= min_score)).then_some((matched, extra, score, *s))
        })
        .collect();
    // most query words matched, then fewest other words in the name, then fuzzy score
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(b.2.cmp(&a.2))
            .then(a.3.display_name.len().cmp(&b.3.display_name.len()))
    });
    let mut ranked: Vec<&Service> = scored.into_iter().take(10).map(|(.., s)| s).collect();
    if ranked.is_empty() {
        let names = live.iter().map(|s| s.display_name.as_str());
        if let Some(name) = crate::fuzzy::closest(query, names) {
            if crate::fuzzy::edit_distance(query, name) <= (query.chars().count() / 3).max(1) {
                ranked.extend(live.iter().find(|s| s.display_name == name));
            }
        }
    }
    Catalog::covering_first(&mut ranked, resource_type);
    ranked.truncate(3);
    ranked
}

const MAX_QUERY_CHARS: usize = 160;

const STOP_WORDS: &[&str] = &["azure", "microsoft", "service", "services", "the", "for", "and"];

fn tokens(s: &str) -> Vec<String> {
    s.nfkc()
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn query_words(query: &str) -> Vec<String> {
    tokens(query)
        .into_iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// How many of `words` occur in `name`, and how many other (non-stop) words `name` has.
/// A word matches when equal, or when both share a prefix of at least four letters that
/// leaves at most two letters of the shorter (`machine` / `machines`, `directory` /
/// `directories`).
fn word_matches(words: &[String], name: &str) -> (usize, usize) {
    let name_words: Vec<String> = query_words(name);
    let close = |q: &str, n: &str| {
        if n == q {
            return true;
        }
        let common = q.chars().zip(n.chars()).take_while(|(a, b)| a == b).count();
        let shorter = q.chars().count().min(n.chars().count());
        common >= 4 && common + 2 >= shorter
    };
    let matched = words
        .iter()
        .filter(|q| name_words.iter().any(|n| close(q, n)))
        .count();
    let extra = name_words
        .iter()
        .filter(|n| !words.iter().any(|q| close(q, n)))
        .count();
    (matched, extra)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, parse_marks};
    use crate::Lang;

    const RES: &str = "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";

    fn doc(service_line: &str, extra: &str) -> String {
        format!("---\nissue_type: technical\n{service_line}\n{extra}summary: s\n---\n")
    }


    #[test]
    fn azure_alone_gets_its_own_message_in_both_languages() {
        for v in ["Azure", "azure", "Azure サービス", "Microsoft Azure", "Ａｚｕｒｅ", "Azure 全般", "\"Azure\""] {
            let found = assert_spans(&RULE, &doc(&format!("service: «{v}»"), "support_language: ja\n"));
            assert!(found[0].message.get(Lang::Ja).contains("数百"), "{v}");
            assert!(found[0].message.get(Lang::En).contains("hundreds"), "{v}");
        }
    }

    #[test]
    fn azure_alone_offers_the_services_of_the_resource() {
        let text = doc("service: Azure", &format!("resource: {RES}\n"));
        let found = check(&RULE, &text);
        assert_eq!(found.len(), 1);
        let titles: Vec<_> = found[0].fixes.iter().map(|f| f.title.en.clone()).collect();
        assert!(!titles.is_empty() && titles.len() <= 3, "{titles:?}");
        assert!(
            found[0].fixes.iter().all(|f| {
                let fixed = apply_edits(&text, &f.edits);
                let name = crate::Source::new(fixed.clone())
                    .frontmatter
                    .unwrap()
                    .get("service")
                    .unwrap()
                    .value
                    .as_str()
                    .unwrap()
                    .to_string();
                crate::Catalog::bundled()
                    .find_service(&name)
                    .is_some_and(|s| s.service().covers_resource_type("Microsoft.Compute/virtualMachines"))
            }),
            "{titles:?}"
        );
        // without a resource there is nothing to offer
        assert!(check(&RULE, &doc("service: Azure", "")).iter().all(|d| d.fixes.is_empty()));
    }

    #[test]
    fn azure_services_are_not_azure_alone() {
        assert!(!is_azure_alone("Azure DNS"));
        assert!(!is_azure_alone("Azure Kubernetes Service"));
        assert!(!is_azure_alone("Azureの仮想マシン"));
        assert!(is_azure_alone(" AZURE "));
    }

    #[test]
    fn a_misspelled_name_is_replaced_by_close_catalog_names() {
        let (text, _) = parse_marks(&doc("service: «Virtual Machine Windows»", ""));
        let found = assert_spans(&RULE, &doc("service: «Virtual Machine Windows»", ""));
        let first = &found[0].fixes[0];
        assert_eq!(
            apply_edits(&text, &first.edits),
            doc("service: Virtual Machine running Windows", "")
        );
        assert!(found[0].fixes.len() <= 3);
        assert!(found[0].message.en.contains("closest: `Virtual Machine running Windows`"));
        assert!(found[0].message.ja.contains("最も近い名前"));
        // a transposed letter still finds it
        let found = check(&RULE, &doc("service: Kubernetes Servcie (AKS)", ""));
        assert_eq!(found.len(), 1);
        assert!(found[0].fixes.iter().any(|f| f.edits[0].new_text == "Kubernetes Service (AKS)"), "{:?}", found[0].fixes);
    }

    #[test]
    fn ranking_prefers_names_holding_the_words() {
        let first = |v: &str| {
            check(&RULE, &doc(&format!("service: {v}"), ""))[0]
                .fixes
                .first()
                .map(|f| f.edits[0].new_text.clone())
        };
        assert_eq!(first("Azure SQL Database").as_deref(), Some("SQL Database"));
        assert_eq!(first("AKS").as_deref(), Some("Kubernetes Service (AKS)"));
        assert_eq!(first("Azure Kubernetes Service").as_deref(), Some("Kubernetes Service (AKS)"));
        assert_eq!(first("Azure Functions").as_deref(), Some("Function App"));
        assert_eq!(first("Azure OpenAI").as_deref(), Some("OpenAI"));
        assert_eq!(first("Application Insight").as_deref(), Some("Application Insights"));
        assert_eq!(first("foo"), None);
    }

    #[test]
    fn services_covering_the_resource_come_first() {
        let found = check(&RULE, &doc("service: Virtual Machine", &format!("resource: {RES}\n")));
        assert_eq!(found.len(), 1);
        let first = &found[0].fixes[0].edits[0].new_text;
        let s = crate::Catalog::bundled();
        let s = s.find_service(first).unwrap();
        assert!(s.service().covers_resource_type("Microsoft.Compute/virtualMachines"), "{first}");
    }

    fn fixes(found: &[crate::Diagnostic]) -> Vec<&str> {
        found[0].fixes.iter().map(|f| f.edits[0].new_text.as_str()).collect()
    }

    #[test]
    fn names_people_type_get_the_catalog_services_they_mean() {
        for (typed, meant) in [
            ("App Service", "Web App (Windows)"),
            ("仮想マシン", "Virtual Machine running Windows"),
            ("VM", "Virtual Machine running Windows"),
            ("AKS", "Kubernetes Service (AKS)"),
            ("関数アプリ", "Function App"),
            ("Azure AD", "Microsoft Entra Sign-in and Multifactor Authentication"),
        ] {
            let found = assert_spans(&RULE, &doc(&format!("service: «{typed}»"), ""));
            assert_eq!(fixes(&found)[0], meant, "{typed}");
            let m = &found[0].message;
            assert!(m.en.contains(&format!("portal lists it as `{meant}`")), "{}", m.en);
            assert!(m.ja.contains(&format!("ポータルでは `{meant}` と表示されます。")), "{}", m.ja);
        }
    }

    #[test]
    fn an_alias_of_several_services_names_them_all_and_puts_the_resource_first() {
        let found = check(&RULE, &doc("service: App Service", ""));
        assert_eq!(fixes(&found)[..2], ["Web App (Windows)", "Web App (Linux)"]);
        assert!(found[0].message.en.contains(", or `Web App (Linux)`"), "{}", found[0].message.en);
        assert!(found[0].message.ja.contains("ほかに `Web App (Linux)`"), "{}", found[0].message.ja);
        // a disk resource picks Disk Storage out of what "Storage" may mean
        let disk = "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/disks/d1";
        let found = check(&RULE, &doc("service: ストレージ アカウント", &format!("resource: {disk}\n")));
        assert_eq!(fixes(&found)[0], "Disk Storage");
        assert!(found[0].message.ja.contains("ポータルでは `Disk Storage` と表示されます"), "{}", found[0].message.ja);
        let found = check(&RULE, &doc("service: Storage", ""));
        assert_eq!(fixes(&found)[0], "Storage Account Management");
    }

    #[test]
    fn japanese_and_nonsense_values_fire_without_bad_fixes() {
        let found = assert_spans(&RULE, &doc("service: «ストレージ 何か»", "support_language: ja\n"));
        assert!(found[0].message.ja.contains("サービス カタログにない"));
        let found = assert_spans(&RULE, &doc("service: «zz»", ""));
        assert!(found[0].fixes.is_empty(), "{:?}", found[0].fixes);
    }

    #[test]
    fn known_and_former_names_pass() {
        assert_spans(&RULE, &doc("service: virtual machine running windows ", ""));
        assert_spans(&RULE, &doc("service: Azure AI Studio", ""));
        assert_spans(&RULE, &doc("service: \"Azure DNS\"", ""));
    }

    #[test]
    fn non_technical_types_and_odd_values_are_silent() {
        assert_spans(&RULE, "---\nissue_type: billing\nservice: Azure\n---\n");
        assert_spans(&RULE, "---\nissue_type: 課金\nservice: Something else\n---\n");
        assert_spans(&RULE, "---\nissue_type: technical\nservice: [a, b]\n---\n");
        assert_spans(&RULE, "---\nissue_type: technical\nservice:\n---\n");
        assert_spans(&RULE, "---\n- a\n---\n");
        assert_spans(&RULE, "no front matter");
        // an unknown issue type is treated as technical
        assert_spans(&RULE, "---\nissue_type: nope\nservice: «Azure»\n---\n");
    }

    #[test]
    fn catalog_and_plan_rules_never_panic_on_odd_input() {
        use crate::rules::*;
        let rules = [
            &service_unknown::RULE,
            &service_renamed::RULE,
            &service_retired::RULE,
            &service_resource_mismatch::RULE,
            &problem_type_unknown::RULE,
            &technical_needs_paid_plan::RULE,
            &severity_unavailable::RULE,
            &severity_a_phone::RULE,
            &severity_b_24x7_language::RULE,
            &response_24x7_scope::RULE,
        ];
        let docs = [
            "",
            "---",
            "---\n",
            "---\n---",
            "---\n- a\n- b\n---\n",
            "---\nplain scalar\n---\n",
            "---\n[1, 2]\n---\n",
            "---\nseverity: A\n---",
            "---\nseverity: A",
            "---\r\nseverity: 1\r\ncontact_method:\r\n---",
            "---\n{severity: A, issue_type: technical, support_plan: developer, service: Azure}\n---\n",
            "---\nseverity: &a A\ncontact_method: *a\nservice: *a\nresource: *a\n---\n",
            "---\nissue_type: technical\nservice: \"\"\nresource: /subscriptions//x\nseverity: !!str C\nresponse_24x7: !!bool true\n---\n",
            "---\nissue_type: billing\nproblem_type: { a: 1 }\nproblem_subtype: [x]\n---\n",
            "---\nissue_type: technical\nservice: \u{feff}Ａｚｕｒｅ\nseverity: 重大度 A\ncontact: [phone]\n---\n",
            "\u{feff}---\nseverity: B\nresponse_24x7: true\nsupport_language: ja\n---\n",
        ];
        let long = format!("---\nservice: {}\nproblem_type: {}\n---\n", "x".repeat(100_000), "あ".repeat(10_000));
        let long_type = format!(
            "---\nissue_type: billing\nproblem_type: {}\n---\n",
            "a".repeat(100_000)
        );
        let long_subtype = format!(
            "---\nissue_type: billing\nproblem_type: Make a Payment\nproblem_subtype: {}\n---\n",
            "b".repeat(100_000)
        );
        for rule in rules {
            for doc in docs
                .iter()
                .copied()
                .chain([long.as_str(), long_type.as_str(), long_subtype.as_str()]) {
                for d in check(rule, doc) {
                    assert!(d.range.end <= doc.len() && doc.is_char_boundary(d.range.start) && doc.is_char_boundary(d.range.end));
                    for f in &d.fixes {
                        let fixed = apply_edits(doc, &f.edits);
                        let _ = check(rule, &fixed);
                    }
                }
            }
        }
    }
}
