use crate::fields::Severity;
use crate::rules::fix;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That a severity B request with `response_24x7: true` asks for support in English
    /// (`support_language: en` / `en-us`). The finding sits on the `support_language`
    /// value; the quick fixes set `support_language: en`, or `response_24x7: false`.
    /// A missing or unreadable `support_language` is `required-field`'s or
    /// `invalid-value`'s.
    ///
    /// ## Why
    ///
    /// Round-the-clock work on a severity B request is offered in English only; in other
    /// languages, severity B is handled in local business hours. A request in English
    /// should then be written in English, too.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// severity: B
    /// response_24x7: true
    /// support_language: ja
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
    "severity-b-24x7-language", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.severity() != Some(Severity::B) {
        return;
    }
    let Some(flag) = ctx.round_the_clock() else {
        return;
    };
    let lang_entry = ctx.form().and_then(|f| f.get("support_language"));
    let (Some(lang_entry), Some(code)) = (lang_entry, ctx.support_language()) else {
        return;
    };
    if code == "en-us" {
        return;
    }
    let value = lang_entry.value.text().unwrap_or(code).trim();
    // Switching to English is a fix only for a request already written in English (else
    // its text becomes english-body's errors).
    let body = &ctx.text[ctx.fm.map_or(0, |fm| fm.block.end)..];
    let summary = ctx.form().and_then(|f| f.str("summary")).unwrap_or_default();
    let english = !body.chars().chain(summary.chars()).any(crate::text::is_japanese_char);
    let diag = RULE.diag(
            lang_entry.value.span.clone(),
            msg!(
                "24x7 work on a severity B request is offered in English only, not in \"{value}\": set `support_language: en` (and write the request in English), or set `response_24x7: false` to be helped in business hours.",
                "重大度 B の 24 時間対応は英語のみで、「{value}」では受けられません。`support_language: en` にして本文も英語で書くか、`response_24x7: false` にして営業時間内の対応としてください。"
            ),
        );
    let diag = if english {
        diag.with_fix(fix::set(lang_entry, "support_language", "en"))
    } else {
        diag
    };
    out.push(diag.with_fix(fix::set(flag, "response_24x7", "false")));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, parse_marks, CLEAN_EN, CLEAN_JA};

    #[test]
    fn clean_requests_are_silent() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        let en = CLEAN_EN.replace("severity: B\n", "severity: B\nresponse_24x7: true\n");
        assert!(check(&RULE, &en).is_empty());
    }

    #[test]
    fn japanese_with_24x7_fires_with_two_fixes() {
        let text = "---\nseverity: B\nresponse_24x7: true\nsupport_language: «ja»\n---\n";
        let found = assert_spans(&RULE, text);
        let d = &found[0];
        assert!(d.message.ja.contains("英語のみ"));
        assert!(d.message.en.contains("English only"));
        let (plain, _) = parse_marks(text);
        let fixed = apply_edits(&plain, &d.fixes[0].edits);
        assert_eq!(fixed, "---\nseverity: B\nresponse_24x7: true\nsupport_language: en\n---\n");
        assert!(check(&RULE, &fixed).is_empty());
        let fixed = apply_edits(&plain, &d.fixes[1].edits);
        assert_eq!(fixed, "---\nseverity: B\nresponse_24x7: false\nsupport_language: ja\n---\n");
        assert!(check(&RULE, &fixed).is_empty());
    }

    #[test]
    fn other_languages_and_spellings_fire() {
        assert_spans(&RULE, "---\nseverity: moderate\nresponse_24x7: yes\nsupport_language: «日本語»\n---\n");
        assert_spans(&RULE, "---\nseverity: 重大度 B\nresponse_24x7: はい\nsupport_language: «\"de-de\"»\n---\n");
    }

    #[test]
    fn passes_and_silences() {
        assert_spans(&RULE, "---\nseverity: B\nresponse_24x7: true\nsupport_language: EN\n---\n");
        assert_spans(&RULE, "---\nseverity: B\nresponse_24x7: false\nsupport_language: ja\n---\n");
        assert_spans(&RULE, "---\nseverity: B\nsupport_language: ja\n---\n");
        assert_spans(&RULE, "---\nseverity: A\nresponse_24x7: true\nsupport_language: ja\n---\n");
        assert_spans(&RULE, "---\nseverity: B\nresponse_24x7: true\nsupport_language: klingon\n---\n");
        assert_spans(&RULE, "---\nseverity: B\nresponse_24x7: true\n---\n");
        assert_spans(&RULE, "---\nseverity: B\nresponse_24x7: [true]\nsupport_language: ja\n---\n");
    }
}
