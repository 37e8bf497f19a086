use crate::arm::parse_resource_id;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That `service` fits `resource`. Where the catalog lists resource types for the
    /// service, one of them must equal the resource's type (`Microsoft.Sql/servers/databases`),
    /// one of its parent types (`Microsoft.Sql/servers`) or its namespace (`Microsoft.Sql`),
    /// compared case-insensitively. Services listed without resource types, values the
    /// catalog does not know, and resource IDs that are not well-formed (those are
    /// `service-unknown`'s and `resource-id-format`'s) are left alone.
    ///
    /// The finding sits on the `service` value; the message names the resource's type and
    /// up to three services that cover it, those people commonly mean first (for a
    /// virtual machine, the Virtual Machine services before Update Manager or SAP).
    ///
    /// ## Why
    ///
    /// The service decides which team takes the request, and the resource is what that
    /// team will look at. When they disagree, one of them was picked by mistake, and the
    /// request risks going to a team that cannot see the resource. Filing from the
    /// resource's own page in the portal picks both together.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Kubernetes Service (AKS)
    /// resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// issue_type: technical
    /// service: Virtual Machine running Windows
    /// resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1
    /// ---
    /// ```
    "service-resource-mismatch", Warning, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(form) = ctx.form() else { return };
    let (Some((entry, found)), Some(resource)) = (ctx.service(), form.str("resource")) else {
        return;
    };
    let service = found.service();
    if service.resource_types.is_empty() {
        return;
    }
    let Ok(id) = parse_resource_id(resource.trim()) else {
        return;
    };
    let arm_type = id.full_type();
    if service.covers_resource_type(&arm_type) {
        return;
    }
    let name = service.display_name.trim();
    let covering = ctx.catalog.services_covering(&arm_type);
    let count = covering.len();
    let others: Vec<String> = covering
        .into_iter()
        .take(3)
        .map(|s| format!("`{}`", s.display_name.trim()))
        .collect();
    let types = service.resource_types.join(", ");
    let message = if others.is_empty() {
        msg!(
            "\"{name}\" does not cover resources of type `{arm_type}` (the catalog lists its types as {types}). Check that `service` and `resource` name the same thing.",
            "「{name}」はリソースの種類 `{arm_type}` を扱いません（カタログ上の種類: {types}）。`service` と `resource` が同じ対象を指しているか確認してください。"
        )
    } else {
        let others = others.join(", ");
        msg!(
            "\"{name}\" does not cover resources of type `{arm_type}` (the catalog lists its types as {types}). Pick the service of the resource ({count} in the catalog, e.g. {others}), or correct `resource`.",
            "「{name}」はリソースの種類 `{arm_type}` を扱いません（カタログ上の種類: {types}）。カタログには、このリソースに合うサービスが {count} 件あります。例は {others} です。そのいずれかを選ぶか、`resource` を直してください。"
        )
    };
    let resource_span = form
        .get("resource")
        .map(|e| e.value.span.clone())
        .unwrap_or(0..0);
    out.push(
        RULE.diag(entry.value.span.clone(), message).with_related(
            resource_span,
            msg!("The resource, of type `{arm_type}`", "種類が `{arm_type}` のリソース"),
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_spans;

    const VM: &str = "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";

    fn doc(service: &str, resource: &str) -> String {
        format!("---\nissue_type: technical\nservice: {service}\nresource: {resource}\nsupport_language: ja\n---\n")
    }


    #[test]
    fn a_service_of_another_type_fires_on_the_service_value() {
        let found = assert_spans(&RULE, &doc("«Kubernetes Service (AKS)»", VM));
        let d = &found[0];
        assert!(d.message.en.contains("`Microsoft.Compute/virtualMachines`"), "{}", d.message.en);
        assert!(d.message.en.contains("(10 in the catalog, e.g. `"), "{}", d.message.en);
        assert!(d.message.ja.contains("扱いません"));
        assert_eq!(d.related.len(), 1);
        // the services people mean for a VM come before those that merely list the type
        // (Update Manager, SAP on Azure, SQL Server in VM)
        let names = "e.g. `Virtual Machine running Windows`, `Virtual Machine running Linux`, `Virtual Machine running ";
        assert!(d.message.en.contains(names), "{}", d.message.en);
        assert!(d.message.ja.contains("例は `Virtual Machine running Windows`, `Virtual Machine running Linux`"), "{}", d.message.ja);
    }

    #[test]
    fn type_parent_type_and_namespace_all_count() {
        // the type itself, case-insensitively (the catalog writes it upper-case)
        assert_spans(&RULE, &doc("Virtual Machine running Windows", &VM.replace("virtualMachines", "VIRTUALMACHINES")));
        // a child resource is covered by its parent type
        assert_spans(&RULE, &doc("Virtual Machine running Linux", &format!("{VM}/extensions/ext1")));
        // a service listed with its namespace only covers the whole namespace
        assert_spans(
            &RULE,
            &doc(
                "Azure Kubernetes Fleet Manager",
                "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.ContainerService/fleets/f1",
            ),
        );
        // but a namespace-only entry does not reach other namespaces
        assert_spans(&RULE, &doc("«Azure Kubernetes Fleet Manager»", VM));
        // nor does a child type cover its parent
        assert_spans(
            &RULE,
            &doc(
                "«Azure CDN»",
                "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Network/frontDoors/fd1",
            ),
        );
    }

    #[test]
    fn silent_without_types_or_with_odd_values() {
        // Billing lists no resource types
        assert_spans(&RULE, &doc("Billing", VM));
        assert_spans(&RULE, &doc("Not a service", VM));
        assert_spans(&RULE, &doc("Kubernetes Service (AKS)", "vm1"));
        assert_spans(&RULE, &doc("Kubernetes Service (AKS)", "/subscriptions/x/resourceGroups/rg"));
        assert_spans(&RULE, &doc("Kubernetes Service (AKS)", "[a]"));
        assert_spans(&RULE, "---\nservice: Kubernetes Service (AKS)\n---\n");
    }
}
