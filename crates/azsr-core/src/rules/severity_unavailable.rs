use crate::fields::{Plan, Severity};
use crate::plans;
use crate::{msg, Context, Diagnostic, Msg};
use crate::rules::fix;

declare_rule! {
    /// ## What it checks
    ///
    /// That the effective support plan offers the request's `severity`, on technical
    /// requests: Developer offers C only; Standard and Professional Direct offer A, B
    /// and C; severity `1` (`highestcriticalimpact`, "Emergency - Severe impact") exists
    /// only on Premier and Unified. The plan is `support_plan`, else the configuration's;
    /// with neither, the rule is silent. A technical request on Basic is
    /// `technical-needs-paid-plan`'s, and an unreadable severity is `invalid-value`'s.
    ///
    /// The quick fix lowers the severity to the highest one the plan offers.
    ///
    /// ## Why
    ///
    /// The plan decides which business-impact levels can be chosen and how fast the first
    /// response comes. A severity the plan does not offer cannot be selected on the form,
    /// and the response time one expects from it does not apply.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// severity: A
    /// support_plan: developer
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// severity: C
    /// support_plan: developer
    /// ---
    /// ```
    "severity-unavailable", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if !ctx.is_technical() {
        return;
    }
    let Some(plan) = ctx.plan() else {
        return;
    };
    if plan == Plan::Basic {
        return;
    }
    let (Some(entry), Some(severity)) = (ctx.form().and_then(|f| f.get("severity")), ctx.severity()) else {
        return;
    };
    if plans::offers(plan, severity) {
        return;
    }
    let name = plans::display_name(plan);
    let offered = plans::severities_text(plan);
    let label = severity.label();
    let message = if severity == Severity::One {
        msg!(
            "Severity 1 (highest critical impact) is offered only on the Premier and Unified plans, not on {name}. Use the highest severity {name} offers ({offered}).",
            "重大度 1 は Premier と Unified プランのみで選べ、{name} では選べません。{name} で選べる最も高い重大度（{offered}）にしてください。"
        )
    } else {
        msg!(
            "The {name} plan does not offer severity {label} (it offers {offered}). Lower the severity, or file under a plan that offers it.",
            "{name} プランでは重大度 {label} を選べません（選べるのは {offered}）。重大度を下げるか、それを選べるプランで起票してください。"
        )
    };
    let mut diag = RULE.diag(entry.value.span.clone(), message);
    if let Some(lower) = plans::highest_allowed(plan, severity) {
        let to = lower.label();
        diag = diag.with_fix(fix::edit(
            Msg::new(format!("Lower the severity to {to}"), format!("重大度を {to} に下げる")),
            entry.value.span.clone(),
            to.to_string(),
        ));
    }
    out.push(diag);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, check_with, parse_marks};
    use crate::Config;

    fn doc(severity: &str, plan: &str) -> String {
        format!("---\nissue_type: technical\nseverity: {severity}\nsupport_plan: {plan}\nsupport_language: ja\n---\n")
    }


    #[test]
    fn developer_offers_c_only() {
        for sev in ["A", "B", "critical", "重大度 B"] {
            let text = doc(&format!("«{sev}»"), "developer");
            let found = assert_spans(&RULE, &text);
            assert!(found[0].message.ja.contains("Developer プランでは重大度"), "{}", found[0].message.ja);
            assert!(found[0].message.en.contains("(it offers C)"));
            let (plain, _) = parse_marks(&text);
            assert_eq!(apply_edits(&plain, &found[0].fixes[0].edits), doc("C", "developer"));
        }
        assert_spans(&RULE, &doc("C", "developer"));
    }

    #[test]
    fn severity_one_only_on_premier_and_unified() {
        let text = doc("«1»", "professional_direct");
        let found = assert_spans(&RULE, &text);
        assert!(found[0].message.en.contains("only on the Premier and Unified plans"));
        assert!(found[0].message.ja.contains("Premier と Unified"));
        let (plain, _) = parse_marks(&text);
        assert_eq!(apply_edits(&plain, &found[0].fixes[0].edits), doc("A", "professional_direct"));
        assert_spans(&RULE, &doc("«\"highestcriticalimpact\"»", "standard"));
        assert_spans(&RULE, &doc("1", "premier"));
        assert_spans(&RULE, &doc("highestcriticalimpact", "unified"));
        assert_spans(&RULE, &doc("A", "standard"));
    }

    #[test]
    fn plan_from_configuration_and_silences() {
        let config = Config {
            support_plan: Some("developer".into()),
            ..Config::default()
        };
        let text = "---\nissue_type: technical\nseverity: B\n---\n";
        assert_eq!(check_with(&RULE, text, &config, None).len(), 1);
        // no plan anywhere: silent
        assert!(check(&RULE, text).is_empty());
        // basic is technical-needs-paid-plan's
        assert_spans(&RULE, &doc("A", "basic"));
        // non-technical requests are free on every plan
        assert_spans(&RULE, "---\nissue_type: billing\nseverity: A\nsupport_plan: developer\n---\n");
        // unreadable severity is invalid-value's
        assert_spans(&RULE, &doc("D", "developer"));
        assert_spans(&RULE, &doc("[A]", "developer"));
    }
}
