use crate::fields::{CONTACT_FIELDS, FIELDS};
use crate::frontmatter::{YamlEntry, YamlValue};
use crate::fuzzy::closest;
use crate::{msg, Context, Diagnostic};
use crate::rules::fix;

declare_rule! {
    /// ## What it checks
    ///
    /// Keys the format does not know: at the top of the front matter, inside `contact`,
    /// and inside a `related_requests` entry written as a mapping (`number`, `engineer`).
    /// The message names the closest known key, and the quick fix renames the key to it.
    ///
    /// ## Why
    ///
    /// A mistyped key (`severty`, `contact_mehod`) is not a field the form has: its value
    /// would be silently dropped, and the real field would look missing. Support then
    /// lacks what you meant to tell them.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// severty: B
    /// contact:
    ///   mail: taro@example.co.jp
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// severity: B
    /// contact:
    ///   email: taro@example.co.jp
    /// ---
    /// ```
    "unknown-field", Warning, check
}

const RELATED_KEYS: &[&str] = &["number", "engineer"];

/// Names people give the form's fields (the portal's Japanese labels, other English
/// words) and the key they mean, where fuzzy matching would not find it.
const ALIASES: &[(&str, &str)] = &[
    ("重大度", "severity"),
    ("重要度", "severity"),
    ("概要", "summary"),
    ("件名", "summary"),
    ("title", "summary"),
    ("サブスクリプション", "subscription"),
    ("subscription_id", "subscription"),
    ("サービス", "service"),
    ("リソース", "resource"),
    ("resource_id", "resource"),
    ("発生日時", "started"),
    ("開始日時", "started"),
    ("start_time", "started"),
    ("started_at", "started"),
    ("サポート プラン", "support_plan"),
    ("サポートプラン", "support_plan"),
    ("plan", "support_plan"),
    ("連絡方法", "contact_method"),
    ("サポート言語", "support_language"),
    ("language", "support_language"),
    ("高度な診断情報", "advanced_diagnostics"),
    ("連絡先", "contact"),
    ("関連するお問い合わせ", "related_requests"),
    ("添付ファイル", "attachments"),
    ("名", "first_name"),
    ("姓", "last_name"),
    ("メール", "email"),
    ("メール アドレス", "email"),
    ("電話番号", "phone"),
    ("電話", "phone"),
    ("国", "country"),
    ("タイム ゾーン", "time_zone"),
    ("タイムゾーン", "time_zone"),
    ("timezone", "time_zone"),
];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(form) = ctx.form() else { return };
    let top: Vec<&str> = FIELDS.iter().map(|f| f.key).collect();
    for e in form.entries() {
        report(e, &top, None, out);
        match e.key_str() {
            Some("contact") => {
                let keys: Vec<&str> = CONTACT_FIELDS.iter().map(|f| f.key).collect();
                for c in e.value.entries() {
                    report(c, &keys, Some("contact"), out);
                }
            }
            Some("related_requests") => {
                for item in e.value.items() {
                    for r in item.entries() {
                        report(r, RELATED_KEYS, Some("related_requests"), out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The known key an unknown `key` most likely means: a listed alias, else the closest.
pub(crate) fn suggestion<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    if key.trim().is_empty() || key.len() > 200 || known.contains(&key) {
        return None;
    }
    ALIASES
        .iter()
        .find(|(a, k)| a.eq_ignore_ascii_case(key.trim()) && known.contains(k))
        .map(|(_, k)| *k)
        .or_else(|| closest(key, known.iter().copied()))
}

/// Known keys that an unknown key among `entries` stands for (a typo such as `severty`
/// is reported once, by this rule, and not also as a missing `severity`).
pub(crate) fn meant(entries: &[YamlEntry], known: &[&str]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|e| e.key_str())
        .filter_map(|k| suggestion(k, known))
        .map(str::to_string)
        .collect()
}

fn report(e: &YamlEntry, known: &[&str], parent: Option<&str>, out: &mut Vec<Diagnostic>) {
    let key = match &e.key.value {
        YamlValue::Scalar { text, .. } => text.as_str(),
        _ => "",
    };
    if known.contains(&key) {
        return;
    }
    let shown: String = key.chars().take(60).collect();
    if parent.is_none() && CONTACT_FIELDS.iter().any(|f| f.key == key) {
        out.push(RULE.diag(
            e.key.span.clone(),
            msg!(
                "`{shown}` belongs under `contact:`, indented",
                "`{shown}` は `contact:` の下にインデントして記述してください"
            ),
        ));
        return;
    }
    let place = match parent {
        Some(p) => msg!(" in `{p}`", "(`{p}` 内)"),
        None => msg!("", ""),
    };
    let (pen, pja) = (&place.en, &place.ja);
    let suggestion = suggestion(key, known);
    let d = match suggestion {
        Some(s) => RULE
            .diag(
                e.key.span.clone(),
                msg!(
                    "Unknown field `{shown}`{pen}: did you mean `{s}`?",
                    "不明な項目 `{shown}` {pja}です。`{s}` の誤りではありませんか?"
                ),
            )
            .with_fix(fix::edit(
                msg!("Rename to `{s}`", "`{s}` に変更"),
                e.key.span.clone(),
                s.to_string(),
            )),
        None => {
            let list = known.join(", ");
            RULE.diag(
                e.key.span.clone(),
                msg!(
                    "Unknown field `{shown}`{pen}: the format knows {list}",
                    "不明な項目 `{shown}` {pja}です。使える項目: {list}"
                ),
            )
        }
    };
    out.push(d);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_on_unknown_top_level_keys() {
        assert_spans(&RULE, "---\n«severty»: B\nsummary: x\n---\n");
        assert_spans(&RULE, "---\n«重大度»: B\nsummary: 接続できない\n---\n");
        assert_spans(&RULE, "---\n«Severity»: B\n«title»: x\n---\n");
        assert_spans(&RULE, "---\n«123»: B\n---\n");
        let d = assert_spans(&RULE, "---\n«email»: a@example.com\n«phone»: 03-1234-5678\n---\n");
        assert!(d[0].message.en.contains("under `contact:`") && d[0].message.ja.contains("contact:"));
    }

    #[test]
    fn fires_inside_contact_and_related_requests() {
        assert_spans(
            &RULE,
            "---\ncontact:\n  «mail»: taro@example.co.jp\n  first_name: 太郎\n---\n",
        );
        assert_spans(
            &RULE,
            "---\nrelated_requests:\n  - number: 2311270010001234\n    «enginer»: 佐藤\n  - 2311270010001235\n---\n",
        );
    }

    #[test]
    fn fix_renames_to_the_closest_key() {
        let text = "---\ncontact_mehod: email\ncontact:\n  frist_name: Anna\n---\n";
        let d = check(&RULE, text);
        assert_eq!(d.len(), 2);
        let edits: Vec<_> = d.iter().flat_map(|d| d.fixes[0].edits.clone()).collect();
        let fixed = apply_edits(text, &edits);
        assert_eq!(
            fixed,
            "---\ncontact_method: email\ncontact:\n  first_name: Anna\n---\n"
        );
        assert!(d[0].message.ja.contains("contact_method"));
        // the portal's Japanese labels map to their keys
        let text = "---\n重大度: B\n概要: 接続できない\ncontact:\n  電話番号: 03-1234-5678\n---\n";
        let d = check(&RULE, text);
        let edits: Vec<_> = d.iter().flat_map(|d| d.fixes[0].edits.clone()).collect();
        assert_eq!(
            apply_edits(text, &edits),
            "---\nseverity: B\nsummary: 接続できない\ncontact:\n  phone: 03-1234-5678\n---\n"
        );
        // a key of another level is not offered
        let d = check(&RULE, "---\n電話番号: 1\n---\n");
        assert!(d[0].fixes.is_empty() || d[0].fixes[0].edits[0].new_text != "phone");
    }

    #[test]
    fn passes_on_known_keys_and_odd_yaml() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        assert!(check(
            &RULE,
            "---\ncontact: [a, b]\nrelated_requests: {number: 1}\nattachments:\n  - {x: y}\n---\n"
        )
        .is_empty());
        assert!(check(&RULE, "---\nsummary: [x\n---\n").is_empty());
    }
}
