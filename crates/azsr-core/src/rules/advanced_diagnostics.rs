use crate::diagnostic::Fix;
use crate::fields::parse_bool;
use crate::frontmatter::edit::{replace_scalar};
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// `advanced_diagnostics: false` (also `no`, `いいえ`): consent for support to collect
    /// diagnostic information is recommended. The quick fix sets it to `true` (in the
    /// spelling used: `yes`, `はい`).
    ///
    /// ## Why
    ///
    /// With consent, support can extract the platform-side logs and diagnostics it needs
    /// for the affected resources itself, within limits that respect data privacy, instead
    /// of asking you to collect and send them by hand. The access ends when the request is
    /// closed. Support recommends answering yes.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// advanced_diagnostics: false
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// advanced_diagnostics: true
    /// ---
    /// ```
    "advanced-diagnostics", Hint, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(e) = ctx.form().and_then(|f| f.get("advanced_diagnostics")) else { return };
    let Some(v) = e.value.text() else { return };
    if parse_bool(v) != Some(false) {
        return;
    }
    let yes = match v.trim().to_lowercase().as_str() {
        "no" => "yes",
        "いいえ" => "はい",
        "off" => "on",
        _ => "true",
    };
    out.push(
        RULE.diag(
            e.value.content_span(ctx.text),
            msg!(
                "Consider allowing advanced diagnostics: support can then collect the logs it needs itself instead of asking you for them (access ends when the request closes).",
                "高度な診断情報の収集の許可をご検討ください。許可するとサポートが必要なログを直接取得でき、お客様が手動で採取する手間が省けます。アクセス許可はお問い合わせのクローズ時に削除されます。"
            ),
        )
        .with_fix(Fix {
            title: msg!("Allow advanced diagnostics (`{yes}`)", "高度な診断情報の収集を許可する（`{yes}`）"),
            edits: vec![replace_scalar(ctx.text, &e.value, yes)],
            resolves: true,
        }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_on_false_in_every_spelling() {
        assert_spans(&RULE, "---\nadvanced_diagnostics: «false»\n---\n");
        assert_spans(&RULE, "---\nadvanced_diagnostics: «いいえ»\n---\n");
        assert_spans(&RULE, "---\nadvanced_diagnostics: \"«No»\"\n---\n");
        let text = "---\nadvanced_diagnostics: いいえ\n---\n";
        let d = check(&RULE, text);
        assert_eq!(apply_edits(text, &d[0].fixes[0].edits), "---\nadvanced_diagnostics: はい\n---\n");
        let text = "---\nadvanced_diagnostics: false\n---\n";
        let d = check(&RULE, text);
        assert_eq!(apply_edits(text, &d[0].fixes[0].edits), "---\nadvanced_diagnostics: true\n---\n");
        assert!(d[0].message.ja.contains("高度な診断"));
    }

    #[test]
    fn passes_on_true_and_other_values() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        for v in ["true", "はい", "yes", "", "maybe", "[false]"] {
            let text = format!("---\nadvanced_diagnostics: {v}\n---\n");
            assert!(check(&RULE, &text).is_empty(), "{text}");
        }
    }
}
