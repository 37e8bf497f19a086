use crate::fields::FIELDS;
use crate::frontmatter::edit::insert_top_level;
use crate::rules::fix;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// A technical request without `resource` (or with an empty one), when the catalog
    /// lists resource types for its `service`, so that the service is about resources one
    /// can name. Services without resource types (and billing, subscription management and
    /// quota requests) never get it. The quick fix inserts a `resource:` line after
    /// `service` for you to fill in (the finding stays until you do; fix-all leaves it).
    ///
    /// ## Why
    ///
    /// Support recommends filing a request from the affected resource's own page: the
    /// portal then fills in the subscription, the service and the resource itself, and
    /// the engineer can start from the exact resource instead of asking which one it is.
    /// Naming the resource ID in the draft does the same.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Virtual Machine running Windows
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Virtual Machine running Windows
    /// resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01
    /// ---
    /// ```
    "resource-missing", Hint, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(form) = ctx.form() else { return };
    if !ctx.is_technical() {
        return;
    }
    let Some((_, found)) = ctx.service() else {
        return;
    };
    let found = found.service();
    if found.resource_types.is_empty() {
        return;
    }
    let name = &found.display_name;
    let message = msg!(
        "Name the affected resource: add its resource ID as `resource` (filing from the resource's page in the portal fills it in).",
        "対象リソースを `resource` にリソース ID で記入してください（ポータルでリソースの画面から起票すると自動で入力されます）。"
    );
    match form.get("resource") {
        None => {
            let pos = FIELDS.iter().position(|f| f.key == "resource").unwrap_or(0);
            let after = FIELDS[..pos].iter().rev().find_map(|f| form.get(f.key));
            out.push(
                RULE.diag(form.block().opening(), message).with_fix(fix::skeleton(
                    msg!("Add `resource` for {name}", "{name} の `resource` を追加する"),
                    vec![insert_top_level(ctx.text, form.block(), after, "resource: ")],
                )),
            );
        }
        Some(e) if e.value.is_empty() => out.push(RULE.diag(e.key.span.clone(), message)),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_for_services_with_resource_types() {
        let text = CLEAN_JA.replace(
            "resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01\n",
            "",
        );
        let d = check(&RULE, &text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].range, 0..3);
        let fixed = apply_edits(&text, &d[0].fixes[0].edits);
        assert!(fixed.contains("service: Virtual Machine running Windows\nresource: \nsummary:"));
        assert!(d[0].message.ja.contains("リソース ID"));
        assert_spans(&RULE, "---\nissue_type: technical\nservice: Kubernetes Service (AKS)\n«resource»:\n---\n");
        assert_spans(&RULE, "---\nissue_type: 技術\nservice: kubernetes service (aks)\n«resource»: \"\"\n---\n");
    }

    #[test]
    fn passes_otherwise() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        // not technical, no service, unknown service, a service without resource types
        assert!(check(&RULE, "---\nissue_type: billing\nservice: Billing\n---\n").is_empty());
        assert!(check(&RULE, "---\nissue_type: technical\n---\n").is_empty());
        assert!(check(&RULE, "---\nissue_type: technical\nservice: Azure\n---\n").is_empty());
        let catalog = crate::Catalog::bundled();
        let no_types = catalog.services.iter().find(|s| s.resource_types.is_empty()).unwrap();
        let text = format!("---\nissue_type: technical\nservice: \"{}\"\n---\n", no_types.display_name);
        assert!(check(&RULE, &text).is_empty(), "{text}");
        // a list is invalid-value's, not missing
        assert!(check(&RULE, "---\nissue_type: technical\nservice: Kubernetes Service (AKS)\nresource: [a]\n---\n").is_empty());
    }
}
