use crate::fields::Severity;
use crate::rules::fix;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That `response_24x7: true` is not set on a severity C request. The finding sits on
    /// the `response_24x7` value; the quick fix sets it to `false`.
    ///
    /// ## Why
    ///
    /// Round-the-clock work is part of severity A (always) and can be asked for on
    /// severity B. Severity C, minimal business impact, is handled in business hours
    /// whatever the flag says: either the flag is a leftover, or the impact is larger
    /// than C and the severity should say so.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// severity: C
    /// response_24x7: true
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// severity: B
    /// response_24x7: true
    /// support_language: en-us
    /// ---
    /// ```
    "response-24x7-scope", Warning, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.severity() != Some(Severity::C) {
        return;
    }
    let Some(flag) = ctx.round_the_clock() else {
        return;
    };
    out.push(
        RULE.diag(
            flag.value.span.clone(),
            msg!(
                "24x7 response is for severity A (always) and B (on request); a severity C request is handled in business hours. Remove the flag, or raise the severity if the business impact is larger.",
                "24 時間対応は、重大度 A では常に、重大度 B では希望した場合に受けられます。重大度 C は営業時間内の対応となります。この指定を外すか、影響が大きい場合は重大度を上げてください。"
            ),
        )
        .with_fix(fix::set(flag, "response_24x7", "false")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, parse_marks};


    #[test]
    fn severity_c_with_24x7_fires() {
        let text = "---\nseverity: C\nresponse_24x7: «true»\nsupport_language: ja\n---\n";
        let found = assert_spans(&RULE, text);
        assert!(found[0].message.ja.contains("営業時間内"));
        assert!(found[0].message.en.contains("business hours"));
        let (plain, _) = parse_marks(text);
        let fixed = apply_edits(&plain, &found[0].fixes[0].edits);
        assert!(check(&RULE, &fixed).is_empty());
        assert_spans(&RULE, "---\nseverity: 軽微\nresponse_24x7: «はい»\n---\n");
        assert_spans(&RULE, "---\nseverity: minimal\nresponse_24x7: «\"yes\"»\n---\n");
    }

    #[test]
    fn other_cases_pass() {
        assert_spans(&RULE, "---\nseverity: C\nresponse_24x7: false\n---\n");
        assert_spans(&RULE, "---\nseverity: B\nresponse_24x7: true\n---\n");
        assert_spans(&RULE, "---\nseverity: A\nresponse_24x7: true\n---\n");
        assert_spans(&RULE, "---\nseverity: C\n---\n");
        assert_spans(&RULE, "---\nseverity: C\nresponse_24x7: maybe\n---\n");
        assert_spans(&RULE, "---\nseverity: C\nresponse_24x7: {a: 1}\n---\n");
    }
}
