use std::ops::Range;

use crate::frontmatter::edit::entry_lines;
use crate::rules::fix;
use crate::fields::IssueType;
use crate::{msg, Context, Diagnostic, Msg};

declare_rule! {
    /// ## What it checks
    ///
    /// That `problem_type`, and `problem_subtype` within that type, are names the catalog
    /// knows for the request's service. The service is the one `issue_type` implies for
    /// billing, quota and subscription management requests (Billing; Service and
    /// subscription limits (quotas); Subscription management), else `service`, by its
    /// current or a former name.
    ///
    /// Names are the catalog's `displayName`s split at the first ` / ` (problem type
    /// before it, subtype after it), trimmed, and compared case-insensitively.
    ///
    /// The rule only speaks where the catalog holds the service's **complete** list: in
    /// the bundled catalog that is Billing and Activity Logs; a list imported through
    /// `[catalog] problem_classifications` in `azsr.toml` counts as complete for its
    /// service. For every other service the list is partial or absent, so a name missing
    /// from it is not known to be wrong, and nothing is reported. A subtype given for a
    /// type that has none is reported too; a missing subtype is `required-field`'s.
    ///
    /// The quick fixes replace the value with up to three close names from the list.
    ///
    /// ## Why
    ///
    /// The problem type and subtype route the request to the team that handles that kind
    /// of problem. The portal offers them from a fixed list per service; a name outside
    /// that list cannot be selected on the form and routes nowhere.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: billing
    /// problem_type: Payment
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: billing
    /// problem_type: Make a Payment
    /// problem_subtype: Do not have permission to pay
    /// ---
    /// ```
    "problem-type-unknown", Warning, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(form) = ctx.form() else { return };
    let service_id = match ctx.issue_type().and_then(IssueType::implied_service) {
        Some(id) => id.to_string(),
        None => {
            let Some((_, found)) = ctx.service() else {
                return;
            };
            found.service().id.clone()
        }
    };
    let Some(list) = ctx.catalog.problems(&service_id) else {
        return;
    };
    if !list.complete || list.items.is_empty() {
        return;
    }
    let service_name = ctx
        .catalog
        .service_by_id(&service_id)
        .map_or(service_id.as_str(), |s| s.display_name.trim())
        .to_string();

    let Some(type_entry) = form.get("problem_type") else {
        return;
    };
    let Some(type_value) = type_entry.value.text() else {
        return;
    };
    let types = ctx.catalog.problem_types(&service_id);
    let wanted = type_value.trim();
    let Some(known_type) = types.iter().find(|t| t.eq_ignore_ascii_case(wanted)) else {
        out.push(unknown(
            type_entry.value.span.clone(),
            msg!(
                "\"{wanted}\" is not a problem type of {service_name}. Use one the portal lists for the service, so the request is routed to the team for that kind of problem.",
                "「{wanted}」は {service_name} の問題の種類にありません。担当チームへ正しくルーティングされるよう、ポータルがこのサービスに表示する問題の種類を指定してください。"
            ),
            wanted,
            &types,
        ));
        return;
    };

    let Some(sub_entry) = form.get("problem_subtype") else {
        return;
    };
    let Some(sub_value) = sub_entry.value.text() else {
        return;
    };
    let subtypes = ctx.catalog.problem_subtypes(&service_id, known_type);
    let wanted_sub = sub_value.trim();
    if subtypes.iter().any(|s| s.eq_ignore_ascii_case(wanted_sub)) {
        return;
    }
    let span = sub_entry.value.span.clone();
    if subtypes.is_empty() {
        let mut diag = RULE.diag(
            span,
            msg!(
                "The problem type `{known_type}` of {service_name} has no subtypes: remove `problem_subtype`.",
                "{service_name} の問題の種類 `{known_type}` にはサブタイプがありません。`problem_subtype` を削除してください。"
            ),
        );
        if let Some(line) = entry_lines(ctx.text, sub_entry) {
            diag = diag.with_fix(fix::edit(
                Msg::new("Remove `problem_subtype`", "`problem_subtype` を削除する"),
                line,
                "",
            ));
        }
        out.push(diag);
        return;
    }
    out.push(unknown(
        span,
        msg!(
            "\"{wanted_sub}\" is not a subtype of `{known_type}` ({service_name}). Use one the portal lists under that problem type.",
            "「{wanted_sub}」は `{known_type}`（{service_name}）のサブタイプにありません。ポータルがこの問題の種類に表示するサブタイプを指定してください。"
        ),
        wanted_sub,
        &subtypes,
    ));
}

/// A finding with up to three "replace with" fixes ranked by closeness to `value`.
fn unknown(span: Range<usize>, message: Msg, value: &str, names: &[&str]) -> Diagnostic {
    let mut diag = RULE.diag(span.clone(), message);
    for name in close_names(value, names) {
        diag = diag.with_fix(fix::replace_with(span.clone(), name));
    }
    diag
}

/// Up to three names close to `value`: fuzzy matches first, else the nearest by edit
/// distance within a third of the value's length.
fn close_names<'a>(value: &str, names: &[&'a str]) -> Vec<&'a str> {
    // catalog names stay well under 200 characters: a longer value is no typo of one
    if value.chars().count() > 200 {
        return Vec::new();
    }
    let ranked: Vec<&str> = crate::fuzzy::rank(value, names.iter().copied())
        .into_iter()
        .take(3)
        .map(|(n, _)| n)
        .collect();
    if !ranked.is_empty() {
        return ranked;
    }
    let limit = (value.chars().count() / 3).max(1);
    let mut by_distance: Vec<(usize, &str)> = names
        .iter()
        .map(|n| (crate::fuzzy::edit_distance(value, n), *n))
        .filter(|(d, _)| *d <= limit)
        .collect();
    by_distance.sort();
    by_distance.into_iter().take(3).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, parse_marks};
    use crate::{Catalog, Config};


    #[test]
    fn unknown_billing_type_fires_with_close_names() {
        let text = "---\nissue_type: billing\nproblem_type: «Payment»\nsupport_language: ja\n---\n";
        let found = assert_spans(&RULE, text);
        let d = &found[0];
        assert!(d.message.ja.contains("Billing の問題の種類にありません"), "{}", d.message.ja);
        assert!(d.message.en.contains("not a problem type of Billing"));
        let names: Vec<_> = d.fixes.iter().map(|f| f.edits[0].new_text.as_str()).collect();
        assert!(names.contains(&"Make a Payment"), "{names:?}");
        assert!(names.len() <= 3);
        let (plain, _) = parse_marks(text);
        let fixed = apply_edits(&plain, &d.fixes[0].edits);
        assert!(check(&RULE, &fixed).is_empty(), "{fixed}");
    }

    #[test]
    fn known_names_match_case_insensitively_and_trimmed() {
        assert_spans(
            &RULE,
            "---\nissue_type: billing\nproblem_type: make a payment \nproblem_subtype: DO NOT HAVE PERMISSION TO PAY\n---\n",
        );
        assert_spans(&RULE, "---\nissue_type: 課金\nproblem_type: Refund request\n---\n");
        // the service is implied for billing even when `service` says something else
        assert_spans(
            &RULE,
            "---\nissue_type: billing\nservice: Virtual Machine running Windows\nproblem_type: Refund request\n---\n",
        );
    }

    #[test]
    fn unknown_subtype_within_the_type_fires() {
        let found = assert_spans(
            &RULE,
            "---\nissue_type: billing\nproblem_type: Make a Payment\nproblem_subtype: «Need help downloading my invoice or multiple invoices»\n---\n",
        );
        assert!(found[0].message.en.contains("not a subtype of `Make a Payment`"));
        assert!(found[0].message.ja.contains("サブタイプにありません"));
    }

    #[test]
    fn subtype_on_a_type_without_subtypes_is_removed() {
        let text = "---\nissue_type: billing\nproblem_type: Refund request\nproblem_subtype: «Other»\nsupport_language: en\n---\n";
        let found = assert_spans(&RULE, text);
        let (plain, _) = parse_marks(text);
        assert_eq!(
            apply_edits(&plain, &found[0].fixes[0].edits),
            "---\nissue_type: billing\nproblem_type: Refund request\nsupport_language: en\n---\n"
        );
    }

    #[test]
    fn activity_logs_by_service_name() {
        assert_spans(
            &RULE,
            "---\nissue_type: technical\nservice: Activity Logs\nproblem_type: «Cannot connect to my VM»\n---\n",
        );
        assert_spans(
            &RULE,
            "---\nissue_type: technical\nservice: Activity Logs\nproblem_type: Issues with Activity Log Alerts\n---\n",
        );
    }

    #[test]
    fn partial_or_absent_lists_are_silent() {
        // the VM list is partial: an unlisted name is not known to be wrong
        assert_spans(
            &RULE,
            "---\nissue_type: technical\nservice: Virtual Machine running Windows\nproblem_type: Something new\n---\n",
        );
        // quota and subscription management lists are partial too
        assert_spans(&RULE, "---\nissue_type: quota\nproblem_type: Storage\n---\n");
        assert_spans(&RULE, "---\nissue_type: subscription_management\nproblem_type: Anything\n---\n");
        assert_spans(&RULE, "---\nissue_type: technical\nservice: Kubernetes Service (AKS)\nproblem_type: X\n---\n");
        assert_spans(&RULE, "---\nissue_type: technical\nservice: Azure\nproblem_type: X\n---\n");
    }

    #[test]
    fn odd_values_do_not_panic() {
        assert_spans(&RULE, "---\nissue_type: billing\nproblem_type: [a]\n---\n");
        assert_spans(&RULE, "---\nissue_type: billing\nproblem_type:\n---\n");
        assert_spans(
            &RULE,
            "---\nissue_type: billing\nproblem_type: Make a Payment\nproblem_subtype: «3»\n---\n",
        );
    }

    #[test]
    fn an_imported_list_counts_as_complete() {
        let mut catalog = (*Catalog::bundled()).clone();
        catalog
            .add_problem_classifications_json(
                "5a3a423f-8667-9095-1770-0a554a934512",
                r#"[{"name": "p1", "displayName": "Cluster upgrade issues / Node pool upgrade"}]"#,
            )
            .unwrap();
        let text = "---\nissue_type: technical\nservice: Kubernetes Service (AKS)\nproblem_type: Cluster upgrades\n---\n";
        let source = crate::Source::new(text);
        let env = crate::Env {
            now: crate::testing::test_now(),
            files: None,
            locale: None,
        };
        let config = Config::default();
        let ctx = crate::Context {
            source: &source,
            text: &source.text,
            fm: source.frontmatter.as_ref(),
            body: &source.body,
            config: &config,
            catalog: &catalog,
            env: &env,
            lang: crate::Lang::En,
        };
        let mut found = Vec::new();
        (RULE.check)(&ctx, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].fixes[0].edits[0].new_text, "Cluster upgrade issues");
        // the bundled catalog knows nothing complete for AKS
        assert!(check(&RULE, text).is_empty());
    }
}
