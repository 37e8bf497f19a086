use crate::catalog::ServiceMatch;
use crate::rules::fix;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That `service` uses a service's current name rather than a former one (the
    /// catalog's `formerDisplayNames`, e.g. `Azure AI Studio`, now `Azure AI Foundry`).
    /// The quick fix replaces the value with the current name.
    ///
    /// For billing, quota and subscription management requests, a former name of a
    /// service other than the implied one is `invalid-value`'s, not this rule's.
    ///
    /// ## Why
    ///
    /// Support routes a request by the service picked on the form, and the portal lists
    /// services only under their current names. A former name still identifies the
    /// service, so this is only a hint, but the current name is what the form will show
    /// when the request is filed.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Azure AI Studio
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Azure AI Foundry
    /// ---
    /// ```
    "service-renamed", Hint, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((entry, ServiceMatch::Former(service))) = ctx.service() else {
        return;
    };
    if !ctx.takes_service(&service.id) {
        return;
    }
    let old = entry.value.text().unwrap_or_default().trim();
    let new = service.display_name.trim();
    let span = entry.value.span.clone();
    out.push(
        RULE.diag(
            span.clone(),
            msg!(
                "\"{old}\" is a former name: the service is now called `{new}`, the name the portal lists.",
                "「{old}」は旧名称です。現在のサービス名（ポータルに表示される名前）は `{new}` です。"
            ),
        )
        .with_fix(fix::replace_with(span, new)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::assert_spans;


    #[test]
    fn former_name_fires_with_a_fix_to_the_current_name() {
        let text = "---\nissue_type: technical\nservice: «azure ai studio»\nsupport_language: ja\n---\n";
        let found = assert_spans(&RULE, text);
        assert!(found[0].message.ja.contains("`Azure AI Foundry`"));
        assert!(found[0].message.en.contains("now called `Azure AI Foundry`"));
        let plain = text.replace(['«', '»'], "");
        assert_eq!(
            apply_edits(&plain, &found[0].fixes[0].edits),
            "---\nissue_type: technical\nservice: Azure AI Foundry\nsupport_language: ja\n---\n"
        );
        let found = assert_spans(&RULE, "---\nservice: «\"Shared Image Gallery\"»\nsupport_language: en\n---\n");
        assert_eq!(found[0].fixes[0].edits[0].new_text, "Azure Compute Gallery");
    }

    #[test]
    fn current_names_and_odd_values_pass() {
        assert_spans(&RULE, "---\nissue_type: technical\nservice: Azure AI Foundry\n---\n");
        // differs from a former name only by case: it is the current name
        assert_spans(&RULE, "---\nservice: VM Insights\n---\n");
        assert_spans(&RULE, "---\nservice: Azure\n---\n");
        assert_spans(&RULE, "---\nservice: [Azure AI Studio]\n---\n");
        assert_spans(&RULE, "---\nservice:\n---\n");
        assert_spans(&RULE, "");
    }

    #[test]
    fn another_service_on_a_billing_request_is_left_to_invalid_value() {
        assert_spans(&RULE, "---\nissue_type: billing\nservice: Azure AI Studio\n---\n");
    }
}
