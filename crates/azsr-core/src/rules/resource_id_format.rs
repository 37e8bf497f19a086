use crate::arm::parse_resource_id;
use crate::form::not_single;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That `resource` is a full ARM resource ID:
    /// `/subscriptions/{GUID}/resourceGroups/{group}/providers/{namespace}/{type}/{name}`,
    /// with nested type/name pairs allowed (`…/servers/s1/databases/db1`). A resource's name
    /// alone, a portal URL, or an ID missing a segment is reported, with what is missing
    /// (and a list: one request is about one resource).
    ///
    /// ## Why
    ///
    /// The resource ID names the affected resource without doubt: its subscription,
    /// resource group, provider and type. Support starts the investigation from it; a bare
    /// name such as `vm-web-01` may exist in several subscriptions and groups. The portal
    /// fills the ID in when you file from the resource's own page, which support recommends.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// resource: vm-web-01
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01
    /// ---
    /// ```
    "resource-id-format", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(e) = ctx.form().and_then(|f| f.get("resource")) else { return };
    if let Some(m) = not_single("resource", &e.value) {
        out.push(RULE.diag(e.value.full_span(ctx.text), m));
        return;
    }
    let Some(v) = e.value.text() else { return };
    let Err(err) = parse_resource_id(v.trim()) else {
        return;
    };
    let why = err.describe();
    let (en, ja) = (&why.en, &why.ja);
    out.push(RULE.diag(
        e.value.content_span(ctx.text),
        msg!(
            "`resource` is not a full ARM resource ID ({en}): copy it from the resource's Properties or JSON view.",
            "`resource` が完全な ARM リソース ID ではありません。{ja}。リソースの [プロパティ] または [JSON ビュー] からコピーしてください。"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    const SUB: &str = "6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f";

    #[test]
    fn fires_on_names_urls_and_incomplete_ids() {
        assert_spans(&RULE, "---\nresource: «vm-web-01»\n---\n");
        assert_spans(&RULE, "---\nresource: «本番の Web サーバー»\n---\n");
        assert_spans(&RULE, "---\nresource: «https://portal.azure.com/#@contoso/resource/x»\n---\n");
        let d = assert_spans(&RULE, &format!("---\nresource: «/subscriptions/{SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines»\n---\n"));
        assert!(d[0].message.ja.contains("名前"));
        assert!(d[0].message.en.contains("no name"));
        assert_spans(&RULE, &format!("---\nresource: \"«/subscriptions/{SUB}/resourceGroups/rg-web»\"\n---\n"));
        assert_spans(&RULE, "---\nresource: «/subscriptions/prod/resourceGroups/rg/providers/Microsoft.Web/sites/app»\n---\n");
        assert_spans(&RULE, "---\nresource: «12345»\n---\n");
        let d = assert_spans(&RULE, "---\nresource: «[vm1, vm2]»\n---\n");
        assert!(d[0].message.en.contains("single value"));
    }

    #[test]
    fn passes_on_full_ids() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        for v in [
            format!("/subscriptions/{SUB}/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/databases/db1"),
            format!("/SUBSCRIPTIONS/{}/resourcegroups/rg/providers/microsoft.web/sites/app", SUB.to_uppercase()),
            String::new(),
        ] {
            let text = format!("---\nresource: {v}\n---\n");
            assert!(check(&RULE, &text).is_empty(), "{text}");
        }
    }
}
