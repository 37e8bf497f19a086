use crate::fields::{CONTACT_FIELDS, FIELDS};
use crate::diagnostic::{Fix, TextEdit};
use crate::frontmatter::edit::entry_lines;
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
    /// When that key is already there the fix never duplicates it: it deletes the
    /// unknown key, or, when the known key is empty, moves the value into it.
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
    ///   mail: taro@contoso.co.jp
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// severity: B
    /// contact:
    ///   email: taro@contoso.co.jp
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
    let start = out.len();
    let top: Vec<&str> = FIELDS.iter().map(|f| f.key).collect();
    for e in form.entries() {
        // Past the cap only the count matters (analyze keeps the first findings and
        // says how many more): 100,000 unknown keys need no 100,000 suggestions.
        if out.len() - start > crate::MAX_FINDINGS_PER_RULE {
            if !top.contains(&e.key_str().unwrap_or_default()) {
                out.push(RULE.diag(e.key.span.clone(), msg!("", "")));
            }
            continue;
        }
        report(ctx.text, e, form.entries(), &top, None, out);
        match e.key_str() {
            Some("contact") => {
                let keys: Vec<&str> = CONTACT_FIELDS.iter().map(|f| f.key).collect();
                for c in e.value.entries() {
                    report(ctx.text, c, e.value.entries(), &keys, Some("contact"), out);
                }
            }
            Some("related_requests") => {
                for item in e.value.items() {
                    for r in item.entries() {
                        let entries = item.entries();
                        report(ctx.text, r, entries, RELATED_KEYS, Some("related_requests"), out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Renames `e`'s key to `to`, unless `to` is already among `siblings` (a duplicate key
/// breaks the YAML): then deletes `e` when the other holds a value or `e` holds none,
/// else merges (the empty `to` goes, `e` takes its name).
fn rename_fix(doc: &str, e: &YamlEntry, siblings: &[YamlEntry], shown: &str, to: &str) -> Option<Fix> {
    let Some(other) = siblings.iter().find(|o| o.key_str() == Some(to)) else {
        return Some(fix::edit(
            msg!("Rename to `{to}`", "`{to}` に変更する"),
            e.key.span.clone(),
            to.to_string(),
        ));
    };
    if !other.value.is_empty() || e.value.is_empty() {
        let lines = entry_lines(doc, e)?;
        return Some(fix::edit(
            msg!(
                "Delete \"{shown}\" (`{to}` is already set)",
                "「{shown}」を削除する（`{to}` は設定済み）"
            ),
            lines,
            "",
        ));
    }
    let other_lines = entry_lines(doc, other)?;
    Some(Fix {
        title: msg!("Merge into the empty `{to}`", "空の `{to}` にまとめる"),
        edits: vec![
            TextEdit {
                range: other_lines,
                new_text: String::new(),
            },
            TextEdit {
                range: e.key.span.clone(),
                new_text: to.to_string(),
            },
        ],
        resolves: true,
    })
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
/// is reported once, by this rule, and not also as a missing `severity`). Only the
/// first [`crate::MAX_FINDINGS_PER_RULE`] unknown keys are read: past them this rule
/// names no suggestion (its findings are capped), so a field is then missing as far as
/// anyone is told, and 100,000 unknown keys cost no 100,000 fuzzy matches.
pub(crate) fn meant(entries: &[YamlEntry], known: &[&str]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|e| e.key_str())
        .filter(|k| !known.contains(k))
        .take(crate::MAX_FINDINGS_PER_RULE)
        .filter_map(|k| suggestion(k, known))
        .map(str::to_string)
        .collect()
}

/// Reports `e` when its key is unknown; `siblings` are the entries of its mapping (a
/// rename never lands on a key that is already there).
fn report(
    doc: &str,
    e: &YamlEntry,
    siblings: &[YamlEntry],
    known: &[&str],
    parent: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
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
                "`{shown}` belongs under `contact:`, indented.",
                "`{shown}` は `contact:` の下にインデントして記述してください。"
            ),
        ));
        return;
    }
    let place = match parent {
        Some(p) => msg!(" in `{p}`", "（`{p}` 内）"),
        None => msg!("", ""),
    };
    let (pen, pja) = (&place.en, &place.ja);
    let suggestion = suggestion(key, known);
    let d = match suggestion {
        Some(s) => {
            let d = RULE.diag(
                e.key.span.clone(),
                msg!(
                    "Unknown field \"{shown}\"{pen}: did you mean `{s}`?",
                    "不明な項目「{shown}」{pja}です。`{s}` の誤りではありませんか。"
                ),
            );
            match rename_fix(doc, e, siblings, &shown, s) {
                Some(fix) => d.with_fix(fix),
                None => d,
            }
        }
        None => {
            let list = known.join(", ");
            RULE.diag(
                e.key.span.clone(),
                msg!(
                    "Unknown field \"{shown}\"{pen}: the format knows {list}.",
                    "不明な項目「{shown}」{pja}です。使える項目は {list} です。"
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

    /// The text after `text`'s only fix, and the fix's English title.
    fn only_fix(text: &str) -> (String, String) {
        let found = check(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        let fix = found[0].fixes.first().unwrap_or_else(|| panic!("no fix on {text:?}"));
        (apply_edits(text, &fix.edits), fix.title.en.clone())
    }

    #[test]
    fn a_rename_never_lands_on_a_key_that_is_there() {
        let (after, title) = only_fix("---\nseverty: A\nsummary: x\n---\n");
        assert_eq!((after.as_str(), title.as_str()), ("---\nseverity: A\nsummary: x\n---\n", "Rename to `severity`"));
        // the known key holds a value: the typo goes
        let (after, title) = only_fix("---\nseverity: B\nseverty: A\n---\n");
        assert_eq!(after, "---\nseverity: B\n---\n", "{title}");
        let (after, _) = only_fix("---\ncontact:\n  first_name: 太郎\n  first_nme: 花子\n---\n");
        assert_eq!(after, "---\ncontact:\n  first_name: 太郎\n---\n");
        // the known key is empty: the typo's value moves into it
        let (after, title) = only_fix("---\nseverity:\nseverty: A # why\n---\n");
        assert_eq!(after, "---\nseverity: A # why\n---\n");
        assert_eq!(title, "Merge into the empty `severity`");
        for text in ["---\nseverity: B\nseverty: A\n---\n", "---\nseverity:\nseverty: A\n---\n"] {
            let (after, _) = only_fix(text);
            let fm = crate::frontmatter::parse(&after).unwrap();
            assert!(fm.error.is_none(), "{after}");
        }
    }

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
            "---\ncontact:\n  «mail»: taro@contoso.co.jp\n  first_name: 太郎\n---\n",
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
