use crate::diagnostic::Fix;
use crate::fields::ContactMethod;
use crate::frontmatter::edit::{insert_after_entry, replace_entry_line};
use crate::{msg, Context, Diagnostic, Msg};
use crate::rules::fix;

declare_rule! {
    /// ## What it checks
    ///
    /// That a request of severity A or `1` (`critical`, `highestcriticalimpact`) can be
    /// handled by phone. Two defects, each with its own finding:
    ///
    /// - `contact_method` is not `phone`: the finding sits on the `contact_method` value
    ///   (on the `severity` value when the key is missing or empty), and the quick fix
    ///   sets `contact_method: phone`. An unreadable `contact_method` is `invalid-value`'s.
    /// - `contact.phone` is missing or empty: the finding sits on the `severity` value.
    ///   (This is this rule's, not `required-field`'s; a malformed number is
    ///   `contact-phone`'s.)
    ///
    /// ## Why
    ///
    /// Severity A is for an outage that stops the business now, and support works on it
    /// around the clock. It is handled by phone only: the engineer calls as soon as the
    /// request arrives and needs the customer reachable at all times. Without phone
    /// contact and a number, that first call cannot happen (the API refuses the request
    /// without a phone number, too).
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// severity: A
    /// contact_method: email
    /// contact:
    ///   email: taro.yamada@contoso.co.jp
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// severity: A
    /// contact_method: phone
    /// contact:
    ///   phone: +81-3-1234-5678
    /// ---
    /// ```
    "severity-a-phone", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(severity) = ctx.severity() else {
        return;
    };
    if !severity.is_critical() {
        return;
    }
    let Some(form) = ctx.form() else { return };
    let Some(sev_entry) = form.get("severity") else {
        return;
    };
    let label = severity.label();
    let sev_span = sev_entry.value.span.clone();

    match form.get("contact_method") {
        Some(entry) if !entry.value.is_empty() => {
            let method = entry.value.text().and_then(ContactMethod::parse);
            if method == Some(ContactMethod::Email) {
                out.push(
                    RULE.diag(entry.value.span.clone(), method_message(label))
                        .with_fix(fix::set(entry, "contact_method", "phone")),
                );
            }
        }
        present => {
            let mut diag = RULE.diag(sev_span.clone(), method_message(label));
            let edit = match present {
                Some(empty) => replace_entry_line(ctx.text, empty, PHONE),
                None => insert_after_entry(ctx.text, sev_entry, PHONE),
            };
            if let Some(edit) = edit {
                diag = diag.with_fix(Fix {
                    title: fix::set_title("contact_method", "phone"),
                    edits: vec![edit],
                    resolves: true,
                });
            }
            out.push(diag);
        }
    }

    let has_phone = form.contact("phone").is_some_and(|e| !e.value.is_empty());
    if !has_phone {
        out.push(RULE.diag(
            sev_span,
            msg!(
                "Severity {label} needs a phone number in `contact.phone`: support calls as soon as the request arrives and must be able to reach you at any time.",
                "重大度 {label} では `contact.phone` に電話番号が必要です。サポートは起票後すぐに電話で連絡し、常に連絡がつく必要があります。"
            ),
        ));
    }
}

fn method_message(label: &str) -> Msg {
    msg!(
        "Severity {label} is handled by phone only: set `contact_method: phone` (or lower the severity if the business is not stopped now).",
        "重大度 {label} は電話でのみ対応されます。`contact_method: phone` にしてください（事業が今止まっているのでなければ、重大度を下げてください）。"
    )
}

/// The line the fixes write.
const PHONE: &str = "contact_method: phone";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, parse_marks, CLEAN_EN, CLEAN_JA};

    const PHONE: &str = "contact:\n  email: a@example.com\n  phone: +81-3-1234-5678\n";
    const NO_PHONE: &str = "contact:\n  email: a@example.com\n";

    #[test]
    fn clean_requests_are_silent() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        // severity A with phone contact and a number
        let a = CLEAN_JA
            .replace("severity: B", "severity: A")
            .replace("contact_method: email", "contact_method: phone");
        assert!(check(&RULE, &a).is_empty());
    }

    #[test]
    fn email_contact_fires_on_contact_method_with_a_fix() {
        let text = format!("---\nseverity: A\ncontact_method: «email»\nsupport_language: ja\n{PHONE}---\n");
        let found = assert_spans(&RULE, &text);
        assert!(found[0].message.ja.contains("電話でのみ対応"));
        assert!(found[0].message.en.contains("by phone only"));
        let (plain, _) = parse_marks(&text);
        let fixed = apply_edits(&plain, &found[0].fixes[0].edits);
        assert!(fixed.contains("contact_method: phone\n"));
        assert!(check(&RULE, &fixed).is_empty());
        assert_spans(&RULE, &format!("---\nseverity: 重大度 A\ncontact_method: «メール»\n{PHONE}---\n"));
        assert_spans(&RULE, &format!("---\nseverity: «1»\ncontact_method: «email»\n{NO_PHONE}---\n"));
    }

    #[test]
    fn missing_contact_method_fires_on_severity_and_inserts_the_key() {
        let text = format!("---\nseverity: «critical»\nsupport_language: en\n{PHONE}---\n");
        let found = assert_spans(&RULE, &text);
        let (plain, _) = parse_marks(&text);
        let fixed = apply_edits(&plain, &found[0].fixes[0].edits);
        assert_eq!(
            fixed,
            format!("---\nseverity: critical\ncontact_method: phone\nsupport_language: en\n{PHONE}---\n")
        );
        assert!(check(&RULE, &fixed).is_empty());
        // an empty value is replaced
        let text = format!("---\nseverity: «A»\ncontact_method:\n{PHONE}---\n");
        let found = assert_spans(&RULE, &text);
        let (plain, _) = parse_marks(&text);
        let fixed = apply_edits(&plain, &found[0].fixes[0].edits);
        assert_eq!(fixed, format!("---\nseverity: A\ncontact_method: phone\n{PHONE}---\n"));
    }

    #[test]
    fn the_inserted_line_keeps_crlf_line_breaks() {
        let text = "---\r\nseverity: A\r\ncontact:\r\n  phone: +81-3-1234-5678\r\n---\r\n";
        let found = check(&RULE, text);
        assert_eq!(found.len(), 1);
        let fixed = apply_edits(text, &found[0].fixes[0].edits);
        assert_eq!(
            fixed,
            "---\r\nseverity: A\r\ncontact_method: phone\r\ncontact:\r\n  phone: +81-3-1234-5678\r\n---\r\n"
        );
        assert!(check(&RULE, &fixed).is_empty());
    }

    #[test]
    fn missing_phone_is_a_distinct_finding() {
        let found = assert_spans(
            &RULE,
            &format!("---\nseverity: «A»\ncontact_method: phone\nsupport_language: ja\n{NO_PHONE}---\n"),
        );
        assert!(found[0].message.ja.contains("`contact.phone`"));
        assert!(found[0].fixes.is_empty());
        // both defects: two findings on the severity when contact_method is missing
        let found = assert_spans(&RULE, "---\nseverity: ««A»»\n---\n");
        assert_ne!(found[0].message, found[1].message);
        assert_spans(&RULE, "---\nseverity: «A»\ncontact_method: phone\ncontact:\n  phone: \"\"\n---\n");
        assert_spans(&RULE, "---\nseverity: «A»\ncontact_method: phone\ncontact: none\n---\n");
    }

    #[test]
    fn other_severities_and_odd_values_pass() {
        assert_spans(&RULE, &format!("---\nseverity: B\ncontact_method: email\n{NO_PHONE}---\n"));
        assert_spans(&RULE, "---\nseverity: C\n---\n");
        assert_spans(&RULE, "---\nseverity: [A]\n---\n");
        assert_spans(&RULE, "---\nseverity: D\n---\n");
        // an unreadable contact method is invalid-value's
        assert_spans(&RULE, &format!("---\nseverity: A\ncontact_method: fax\n{PHONE}---\n"));
        assert_spans(&RULE, "");
    }
}
