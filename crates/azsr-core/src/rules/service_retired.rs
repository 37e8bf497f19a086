use crate::catalog::ServiceState;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That `service` (by its current or a former name) is not marked `retired` in the
    /// service catalog (114 of the bundled 492 services are, e.g. `Azure Monitor` and
    /// `Azure Database for MySQL single server`).
    ///
    /// For billing, quota and subscription management requests, a service other than the
    /// implied one is `invalid-value`'s, not this rule's.
    ///
    /// ## Why
    ///
    /// A retired entry is no longer offered on the portal's form, so a request cannot be
    /// filed under it, and the team behind it may have moved on. The service that now
    /// runs the resource (often a successor with a more specific name) reaches the right
    /// engineers.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Azure Database for MySQL single server
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Azure Database for MySQL flexible server
    /// ---
    /// ```
    "service-retired", Warning, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((entry, found)) = ctx.service() else {
        return;
    };
    let service = found.service();
    if service.state != ServiceState::Retired || !ctx.takes_service(&service.id) {
        return;
    }
    let name = service.display_name.trim();
    out.push(RULE.diag(
        entry.value.span.clone(),
        msg!(
            "\"{name}\" is retired in the service catalog: the portal no longer offers it. Choose the service that now covers your resource (with `resource` set, completion lists those first).",
            "「{name}」はサービス カタログで提供終了となっており、ポータルでは選べません。現在そのリソースを扱うサービスを選んでください（`resource` を書くと、補完がそのサービスを先に表示します）。"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_spans;


    #[test]
    fn retired_services_fire_in_both_languages() {
        let found = assert_spans(
            &RULE,
            "---\nissue_type: technical\nservice: «Azure Database for MySQL single server»\nsupport_language: ja\n---\n",
        );
        assert!(found[0].message.ja.contains("提供終了"));
        assert!(found[0].message.en.contains("is retired"));
        let found = assert_spans(&RULE, "---\nissue_type: 技術\nservice: «azure monitor»\n---\n");
        assert!(found[0].message.en.starts_with("\"Azure Monitor\""));
    }

    #[test]
    fn live_services_and_odd_values_pass() {
        assert_spans(&RULE, "---\nissue_type: technical\nservice: Azure Database for MySQL flexible server\n---\n");
        assert_spans(&RULE, "---\nservice: Not a service\n---\n");
        assert_spans(&RULE, "---\nservice: {a: b}\n---\n");
        assert_spans(&RULE, "---\nservice: ~\n---\n");
        assert_spans(&RULE, "---\nissue_type: quota\nservice: Azure Monitor\n---\n");
    }
}
