use crate::arm::subscription_guid;
use crate::form::not_single;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That `subscription` is a subscription ID: a GUID such as
    /// `6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f`. The portal's `Name (GUID)` form is accepted
    /// and reduced to the GUID inside the brackets. A subscription's display name alone,
    /// a GUID with a missing or extra character, or a list, is reported.
    ///
    /// ## Why
    ///
    /// The subscription decides which support plan applies and who may see the request:
    /// support checks that the filer holds Owner, Contributor or Support Request
    /// Contributor on it before sharing anything about its resources. A display name is not
    /// unique, and a mistyped ID names another subscription or none.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// subscription: 本番サブスクリプション
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// subscription: 本番サブスクリプション (6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f)
    /// ---
    /// ```
    "subscription-id-format", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(e) = ctx.form().and_then(|f| f.get("subscription")) else { return };
    if let Some(m) = not_single("subscription", &e.value) {
        out.push(RULE.diag(e.value.full_span(ctx.text), m));
        return;
    }
    let Some(v) = e.value.text() else { return };
    if subscription_guid(v).is_some() {
        return;
    }
    out.push(RULE.diag(
        e.value.content_span(ctx.text),
        msg!(
            "`subscription` is not a subscription ID: write its GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), optionally as `Name (GUID)`.",
            "`subscription` がサブスクリプション ID ではありません。GUID（xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx）を、必要なら `名前 (GUID)` の形で記入してください。"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_on_names_and_broken_guids() {
        assert_spans(&RULE, "---\nsubscription: «本番サブスクリプション»\n---\n");
        assert_spans(&RULE, "---\nsubscription: «Production subscription»\n---\n");
        assert_spans(&RULE, "---\nsubscription: «6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6»\n---\n");
        assert_spans(&RULE, "---\nsubscription: \"«6f1c2d4e8a3b4c5d9e0f1a2b3c4d5e6f»\"\n---\n");
        assert_spans(&RULE, "---\nsubscription: «12345»\n---\n");
        assert_spans(&RULE, "---\nsubscription: «[6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f]»\n---\n");
        assert_spans(&RULE, "---\nsubscription: «本番 (6f1c2d4e-8a3b-4c5d-9e0f)»\n---\n");
    }

    #[test]
    fn passes_on_guids() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        for v in [
            "6F1C2D4E-8A3B-4C5D-9E0F-1A2B3C4D5E6F",
            "本番サブスクリプション (6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f)",
            "\"Prod (6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f)\"",
            "",
        ] {
            let text = format!("---\nsubscription: {v}\n---\n");
            assert!(check(&RULE, &text).is_empty(), "{text}");
        }
    }
}
