use crate::fields::Plan;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That a technical request (`issue_type: technical`) is not filed on the Basic plan.
    /// The plan is `support_plan`, else the configuration's `support_plan`; with neither,
    /// the rule is silent. The finding sits on `support_plan` when the file sets it, else
    /// on `issue_type`.
    ///
    /// ## Why
    ///
    /// Billing, subscription management and quota requests are free on every plan, but
    /// technical support needs a paid plan (Developer, Standard, Professional Direct,
    /// Unified or Premier) bound to the subscription. On Basic, the portal does not offer
    /// a technical request at all.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// support_plan: basic
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: billing
    /// support_plan: basic
    /// ---
    /// ```
    "technical-needs-paid-plan", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if !ctx.is_technical() || ctx.plan() != Some(Plan::Basic) {
        return;
    }
    let Some(form) = ctx.form() else { return };
    let on = if form.str("support_plan").is_some() {
        "support_plan"
    } else {
        "issue_type"
    };
    let span = form.get(on).map(|e| e.value.span.clone());
    let Some(span) = span else {
        return;
    };
    out.push(RULE.diag(
        span,
        msg!(
            "Technical support needs a paid support plan (Developer, Standard, Professional Direct, Unified or Premier) on the subscription; Basic covers only billing, subscription management and quota requests. Buy a plan, or file under one of those issue types if the request is about them.",
            "技術的なお問い合わせには、サブスクリプションに有償サポート プラン（Developer、Standard、Professional Direct、Unified、Premier）が必要です。Basic で無償で問い合わせできるのは課金・サブスクリプションの管理・クォータのみです。プランを購入するか、内容がそれらに当たる場合はその問題の種類で起票してください。"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check_with, parse_marks};
    use crate::Config;


    #[test]
    fn technical_on_basic_fires_on_the_plan() {
        let found = assert_spans(
            &RULE,
            "---\nissue_type: technical\nsupport_plan: «Basic»\nsupport_language: ja\n---\n",
        );
        assert!(found[0].message.ja.contains("有償サポート プラン"));
        assert!(found[0].message.en.contains("paid support plan"));
        assert_spans(&RULE, "---\nissue_type: 技術\nsupport_plan: «basic»\n---\n");
    }

    #[test]
    fn plan_from_the_configuration_fires_on_issue_type() {
        let config = Config {
            support_plan: Some("basic".into()),
            ..Config::default()
        };
        let (text, marks) = parse_marks("---\nissue_type: «technical»\n---\n");
        let found = check_with(&RULE, &text, &config, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range, marks[0]);
        // the file's plan wins over the configuration's
        let found = check_with(&RULE, "---\nissue_type: technical\nsupport_plan: standard\n---\n", &config, None);
        assert!(found.is_empty());
    }

    #[test]
    fn free_types_paid_plans_and_unknown_plans_pass() {
        assert_spans(&RULE, "---\nissue_type: billing\nsupport_plan: basic\n---\n");
        assert_spans(&RULE, "---\nissue_type: quota\nsupport_plan: basic\n---\n");
        assert_spans(&RULE, "---\nissue_type: technical\nsupport_plan: developer\n---\n");
        assert_spans(&RULE, "---\nissue_type: technical\n---\n");
        assert_spans(&RULE, "---\nissue_type: technical\nsupport_plan: gold\n---\n");
        assert_spans(&RULE, "---\nsupport_plan: basic\n---\n");
        assert_spans(&RULE, "---\nissue_type: [technical]\nsupport_plan: basic\n---\n");
    }
}
