use crate::frontmatter::YamlNode;
use crate::form::{list_items, not_single};
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That `contact.email` and each entry of `contact.additional_emails` is one
    /// well-formed e-mail address: `local@domain.tld`, without spaces, display names
    /// (`Taro <taro@…>`), a `mailto:` prefix, full-width characters (`＠`), or several
    /// addresses in one entry; `contact.email` is a single address, not a list.
    ///
    /// ## Why
    ///
    /// Support's first contact and every reply go to these addresses. A malformed one
    /// means the engineer cannot reach you within the response time, and the request
    /// waits; support asks to double-check the address before filing.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// contact:
    ///   email: taro.yamada＠example.co.jp
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// contact:
    ///   email: taro.yamada@example.co.jp
    ///   additional_emails:
    ///     - hanako.sato@example.co.jp
    /// ---
    /// ```
    "contact-email", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(form) = ctx.form() else { return };
    if let Some(e) = form.contact("email") {
        if let Some(m) = not_single("contact.email", &e.value) {
            out.push(RULE.diag(e.value.full_span(ctx.text), m));
        }
        if let Some(v) = e.value.text() {
            report(ctx, &e.value, v, "contact.email", out);
        }
    }
    if let Some(e) = form.contact("additional_emails") {
        for item in list_items(&e.value) {
            if let Some(v) = item.text() {
                report(ctx, item, v, "contact.additional_emails", out);
            }
        }
    }
}

fn report(ctx: &Context, node: &YamlNode, value: &str, key: &str, out: &mut Vec<Diagnostic>) {
    if is_email(value.trim()) {
        return;
    }
    let v = value.trim();
    let message = if v.contains([',', ';']) || v.matches('@').count() > 1 {
        msg!(
            "`{key}` holds more than one address: give one address per entry (more go to `additional_emails` as `- ` lines).",
            "`{key}` に複数のアドレスが含まれています。1 項目に 1 アドレスを記入し、追加分は `additional_emails` に `- ` 行で記入してください。"
        )
    } else if !v.is_ascii() {
        msg!(
            "`{key}` is not a valid e-mail address: it contains full-width or non-ASCII characters.",
            "`{key}` が正しいメール アドレスではありません。全角文字または ASCII 以外の文字を含んでいます。"
        )
    } else {
        msg!(
            "`{key}` is not a valid e-mail address (name@example.com).",
            "`{key}` が正しいメール アドレス（name@example.com の形式）ではありません。"
        )
    };
    out.push(RULE.diag(node.content_span(ctx.text), message));
}

/// `local@domain.tld`: ASCII local part of atext and single dots, a domain of at least
/// two labels of letters, digits and inner hyphens, and an alphabetic top-level domain.
pub(crate) fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    if !local_ok || domain.len() > 253 {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_on_malformed_addresses() {
        assert_spans(&RULE, "---\ncontact:\n  email: «taro.yamada＠example.co.jp»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  email: «taro.yamada@example»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  email: «mailto:anna@example.com»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  email: \"«Anna <anna@example.com>»\"\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  email: «anna..schmidt@example.com»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  email: «anna @example.com»\n---\n");
        assert_spans(&RULE, "---\ncontact:\n  email: «12345»\n---\n");
        let d = assert_spans(&RULE, "---\ncontact:\n  additional_emails:\n    - hanako@example.co.jp\n    - «jiro@example»\n    - «a@example.com, b@example.com»\n---\n");
        assert!(d[1].message.en.contains("more than one"));
        assert!(d[1].message.ja.contains("複数"));
        assert_spans(&RULE, "---\ncontact:\n  additional_emails: «hanako.example.co.jp»\n---\n");
        let d = assert_spans(&RULE, "---\ncontact:\n  email: «[a@example.com, b@example.com]»\n---\n");
        assert!(d[0].message.en.contains("single value") && d[0].message.ja.contains("リスト"));
    }

    #[test]
    fn passes_on_good_addresses() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        for v in [
            "taro.yamada@example.co.jp",
            "anna+azure@mail.example.com",
            "o'brien@example.ie",
            "first_last-1@sub-domain.example.org",
            "",
        ] {
            let text = format!("---\ncontact:\n  email: {v}\n  additional_emails:\n    - {v}\n---\n");
            assert!(check(&RULE, &text).is_empty(), "{text}");
        }
        assert!(check(&RULE, "---\ncontact: taro\n---\n").is_empty());
    }
}
