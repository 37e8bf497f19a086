use crate::form::not_single;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That `contact.phone` is a phone number: an optional leading `+`, then digits,
    /// spaces, `-` and brackets `()`, with 7 to 15 digits in all (the international
    /// maximum). Letters, extensions (`ext. 12`), full-width digits and other separators
    /// (`.`, `/`) are reported, and so is a list of numbers.
    ///
    /// ## Why
    ///
    /// Severity A requests are handled by phone only, and support may call for any request
    /// whose contact method is phone. A number that cannot be dialled means the first
    /// contact fails, and for an outage that costs the hours that matter most. Support asks
    /// to double-check the number before filing.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// contact:
    ///   phone: ０３－１２３４－５６７８
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// contact:
    ///   phone: +81-3-1234-5678
    /// ---
    /// ```
    "contact-phone", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(e) = ctx.form().and_then(|f| f.contact("phone")) else { return };
    if let Some(m) = not_single("contact.phone", &e.value) {
        out.push(RULE.diag(e.value.full_span(ctx.text), m));
        return;
    }
    let Some(v) = e.value.text() else { return };
    let v = v.trim();
    if is_phone(v) {
        return;
    }
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let message = if !v.is_ascii() {
        msg!(
            "`contact.phone` is not a valid phone number: use half-width digits (+81-3-1234-5678).",
            "`contact.phone` が正しい電話番号ではありません。半角の数字で記入してください（例: +81-3-1234-5678）。"
        )
    } else if v.chars().all(|c| c.is_ascii_digit() || " -()+".contains(c)) {
        msg!(
            "`contact.phone` has {digits} digits: a phone number has 7 to 15.",
            "`contact.phone` の桁数が {digits} 桁です。電話番号は 7〜15 桁です。"
        )
    } else {
        msg!(
            "`contact.phone` is not a valid phone number: use digits, spaces, `-` and `()` with an optional leading `+`.",
            "`contact.phone` が正しい電話番号ではありません。数字・空白・`-`・`()` と先頭の `+` だけで記入してください。"
        )
    };
    out.push(RULE.diag(e.value.content_span(ctx.text), message));
}

/// An optional leading `+`, then digits, spaces, `-`, `(` and `)`, with 7 to 15 digits.
pub(crate) fn is_phone(s: &str) -> bool {
    let rest = s.strip_prefix('+').unwrap_or(s);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    rest.chars().all(|c| c.is_ascii_digit() || " -()".contains(c)) && (7..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_on_malformed_numbers() {
        let d = assert_spans(&RULE, "---\ncontact:\n  phone: «０３－１２３４－５６７８»\n---\n");
        assert!(d[0].message.ja.contains("半角"));
        assert_spans(&RULE, "---\ncontact:\n  phone: «03-1234-5678 ext. 12»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  phone: «03.1234.5678»\n---\n");
        let d = assert_spans(&RULE, "---\ncontact:\n  phone: «12345»\n---\n");
        assert!(d[0].message.en.contains("5 digits"));
        assert_spans(&RULE, "---\ncontact:\n  phone: «+81 (3) 1234-5678-9999-0000»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  phone: \"«81+3-1234-5678»\"\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  phone: «未定»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  phone:\n    «- 03-1234-5678\n    - 03-1234-5679»\n---\n");
    }

    #[test]
    fn passes_on_dialable_numbers() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        for v in ["+81-3-1234-5678", "03-1234-5678", "0312345678", "+1 (425) 555-0100", "\"+49 30 1234567\"", ""] {
            let text = format!("---\ncontact:\n  phone: {v}\n---\n");
            assert!(check(&RULE, &text).is_empty(), "{text}");
        }
    }
}
