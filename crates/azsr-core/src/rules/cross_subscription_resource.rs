use crate::arm::{parse_resource_id, subscription_guid};
use crate::{msg, Context, Diagnostic};
use crate::rules::fix;

declare_rule! {
    /// ## What it checks
    ///
    /// That the subscription inside `resource`'s ID is the request's `subscription`
    /// (GUIDs compare case-insensitively; `Name (GUID)` counts by its GUID). The finding
    /// sits on the resource ID's subscription segment and points at `subscription`; the
    /// quick fix sets `subscription` to the resource's.
    ///
    /// ## Why
    ///
    /// Support asks that a request be filed from the subscription that holds the resource
    /// to investigate. Looking into a resource of another subscription raises a security
    /// question (is the filer entitled to see it?), so such requests get extra checks and
    /// are delayed.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// subscription: 0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d
    /// resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// subscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f
    /// resource: /subscriptions/6F1C2D4E-8A3B-4C5D-9E0F-1A2B3C4D5E6F/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01
    /// ---
    /// ```
    "cross-subscription-resource", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(form) = ctx.form() else { return };
    let (Some(sub), Some(res)) = (form.get("subscription"), form.get("resource")) else {
        return;
    };
    let (Some(sub_text), Some(res_text)) = (sub.value.text(), res.value.text()) else {
        return;
    };
    let Some(sub_guid) = subscription_guid(sub_text) else {
        return; // subscription-id-format
    };
    let lead = res_text.len() - res_text.trim_start().len();
    let Ok(id) = parse_resource_id(res_text.trim()) else {
        return; // resource-id-format
    };
    let guid = &sub_text[sub_guid.clone()];
    let bare = |g: &str| {
        g.trim_matches(['{', '}'])
            .to_ascii_lowercase()
    };
    if bare(guid) == bare(id.subscription) {
        return;
    }
    let res_range = lead + id.subscription_range.start..lead + id.subscription_range.end;
    let at = res.value.sub_span(ctx.text, res_range);
    let sub_at = sub.value.sub_span(ctx.text, sub_guid);
    let theirs = id.subscription;
    out.push(
        RULE.diag(
            at,
            msg!(
                "The resource is in subscription {theirs}, not in `subscription` {guid}: file the request from the resource's subscription.",
                "リソースはサブスクリプション {theirs} にあり、`subscription` の {guid} とは異なります。リソースのサブスクリプションから起票してください。"
            ),
        )
        .with_related(
            sub_at.clone(),
            msg!("The request's subscription", "お問い合わせのサブスクリプション"),
        )
        .with_fix(fix::edit(
            msg!("Set `subscription` to {theirs}", "`subscription` を {theirs} に変更する"),
            sub_at,
            theirs.to_string(),
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    const A: &str = "6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f";
    const B: &str = "0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d";

    #[test]
    fn fires_on_the_resource_subscription_segment() {
        let d = assert_spans(
            &RULE,
            &format!("---\nsubscription: {B}\nresource: /subscriptions/«{A}»/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\n---\n"),
        );
        let text = format!("---\nsubscription: {B}\nresource: /subscriptions/{A}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\n---\n");
        assert_eq!(&text[d[0].related[0].range.clone()], B);
        let fixed = apply_edits(&text, &d[0].fixes[0].edits);
        assert!(fixed.contains(&format!("subscription: {A}\n")));
        assert!(check(&RULE, &fixed).is_empty());
        assert!(d[0].message.ja.contains(A) && d[0].message.en.contains(B));
    }

    #[test]
    fn fires_with_names_and_quotes() {
        let text = format!("---\nsubscription: 本番 ({B})\nresource: \"/subscriptions/«{A}»/resourceGroups/rg/providers/Microsoft.Web/sites/app\"\n---\n");
        let d = assert_spans(&RULE, &text);
        let (plain, _) = crate::testing::parse_marks(&text);
        let fixed = apply_edits(&plain, &d[0].fixes[0].edits);
        assert!(fixed.contains(&format!("subscription: 本番 ({A})\n")), "{fixed}");
    }

    #[test]
    fn passes_on_the_same_subscription() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        let upper = A.to_uppercase();
        let text = format!("---\nsubscription: {A}\nresource: /subscriptions/{upper}/resourceGroups/rg/providers/Microsoft.Web/sites/app\n---\n");
        assert!(check(&RULE, &text).is_empty());
        // malformed values are the format rules'
        let text = format!("---\nsubscription: prod\nresource: /subscriptions/{A}/resourceGroups/rg/providers/Microsoft.Web/sites/app\n---\n");
        assert!(check(&RULE, &text).is_empty());
        let text = format!("---\nsubscription: {B}\nresource: /subscriptions/{A}/resourceGroups/rg\n---\n");
        assert!(check(&RULE, &text).is_empty());
        assert!(check(&RULE, &format!("---\nsubscription: [{B}]\nresource: x\n---\n")).is_empty());
    }
}
