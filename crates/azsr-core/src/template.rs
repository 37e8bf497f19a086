//! The request template: a front matter block with every field, and the body's section
//! headings with a short hint each. `frontmatter-missing`'s quick fix inserts the block;
//! the language server offers the whole request in an empty file.

use crate::messages::Lang;
use crate::sections::SectionKind;

/// One line of the template's front matter: key, value, and a hint in each language.
struct Line {
    key: &'static str,
    value: &'static str,
    hint: (&'static str, &'static str),
}

const LINES: &[Line] = &[
    Line {
        key: "issue_type",
        value: "technical",
        hint: (
            "technical | billing | subscription_management | quota",
            "technical (技術) | billing (課金) | subscription_management | quota",
        ),
    },
    Line {
        key: "subscription",
        value: "",
        hint: (
            "ID (GUID) of the subscription that holds the resource",
            "対象リソースを含むサブスクリプションの ID (GUID)",
        ),
    },
    Line {
        key: "service",
        value: "",
        hint: (
            "the exact Azure service, e.g. Virtual Machine running Windows",
            "対象の Azure サービス名 (例: Virtual Machine running Windows)",
        ),
    },
    Line {
        key: "resource",
        value: "",
        hint: (
            "/subscriptions/…/resourceGroups/…/providers/…",
            "/subscriptions/…/resourceGroups/…/providers/… (リソース ID)",
        ),
    },
    Line {
        key: "summary",
        value: "",
        hint: ("one concise line", "簡潔な 1 行の概要"),
    },
    Line {
        key: "problem_type",
        value: "",
        hint: ("problem type of the service", "サービスの問題の種類"),
    },
    Line {
        key: "problem_subtype",
        value: "",
        hint: (
            "problem subtype, if the portal shows one",
            "問題のサブタイプ (ある場合)",
        ),
    },
    Line {
        key: "started",
        value: "",
        hint: (
            "first occurrence, e.g. 2026-11-20T13:05:00+09:00",
            "最初に発生した日時 (例: 2026-11-20T13:05:00+09:00)",
        ),
    },
    Line {
        key: "severity",
        value: "",
        hint: (
            "A (business stopped, phone only) | B | C",
            "A (事業停止・電話のみ) | B | C",
        ),
    },
    Line {
        key: "support_plan",
        value: "",
        hint: (
            "developer | standard | professional_direct | unified | premier",
            "developer | standard | professional_direct | unified | premier",
        ),
    },
    Line {
        key: "advanced_diagnostics",
        value: "true",
        hint: (
            "consent to collect diagnostic information",
            "高度な診断情報の収集への同意",
        ),
    },
    Line {
        key: "contact_method",
        value: "email",
        hint: ("email | phone", "email (メール) | phone (電話)"),
    },
];

const CONTACT_LINES: &[Line] = &[
    Line {
        key: "first_name",
        value: "",
        hint: ("", ""),
    },
    Line {
        key: "last_name",
        value: "",
        hint: ("", ""),
    },
    Line {
        key: "email",
        value: "",
        hint: ("", ""),
    },
    Line {
        key: "phone",
        value: "",
        hint: (
            "needed for phone contact and severity A",
            "電話連絡と重大度 A では必須",
        ),
    },
    Line {
        key: "country",
        value: "",
        hint: (
            "ISO 3166-1 alpha-3, e.g. JPN",
            "ISO 3166-1 alpha-3 (例: JPN)",
        ),
    },
    Line {
        key: "time_zone",
        value: "",
        hint: ("e.g. Tokyo Standard Time", "例: Tokyo Standard Time"),
    },
];

fn push_line(out: &mut String, indent: &str, line: &Line, lang: Lang) {
    out.push_str(indent);
    out.push_str(line.key);
    out.push(':');
    if !line.value.is_empty() {
        out.push(' ');
        out.push_str(line.value);
    }
    let hint = match lang {
        Lang::En => line.hint.0,
        Lang::Ja => line.hint.1,
    };
    if !hint.is_empty() {
        out.push_str(" # ");
        out.push_str(hint);
    }
    out.push('\n');
}

/// A front matter block holding every field of the form, with hints as YAML comments,
/// from the opening to the closing `---` line (ending with a line break).
pub fn frontmatter_template(lang: Lang) -> String {
    let mut out = String::from("---\n");
    for line in LINES {
        push_line(&mut out, "", line, lang);
    }
    let language = match lang {
        Lang::En => "en-us",
        Lang::Ja => "ja",
    };
    out.push_str("support_language: ");
    out.push_str(language);
    out.push('\n');
    out.push_str("contact:\n");
    for line in CONTACT_LINES {
        push_line(&mut out, "  ", line, lang);
    }
    out.push_str("---\n");
    out
}

/// A whole request: the front matter template, then every body section's heading with
/// an HTML comment saying what belongs there.
pub fn request_template(lang: Lang) -> String {
    let mut out = frontmatter_template(lang);
    for kind in SectionKind::ALL {
        out.push('\n');
        out.push_str("## ");
        out.push_str(kind.heading(lang));
        out.push_str("\n<!-- ");
        out.push_str(kind.purpose().get(lang));
        out.push_str(" -->\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    #[test]
    fn templates_parse_with_every_field_and_section() {
        for lang in [Lang::En, Lang::Ja] {
            let text = request_template(lang);
            let source = Source::new(text.clone());
            let fm = source.frontmatter.as_ref().unwrap();
            assert!(fm.closed && fm.error.is_none(), "{text}");
            for spec in crate::fields::FIELDS {
                if !matches!(
                    spec.key,
                    "response_24x7" | "related_requests" | "attachments"
                ) {
                    assert!(fm.get(spec.key).is_some(), "{} missing", spec.key);
                }
            }
            let contact = &fm.get("contact").unwrap().value;
            assert_eq!(contact.entries().len(), 6);
            for kind in SectionKind::ALL {
                assert!(source.body.has_section(kind), "{kind:?} in {lang:?}");
            }
        }
        assert!(request_template(Lang::Ja).contains("## ゴール"));
    }

    #[test]
    fn the_template_is_clean_but_for_the_values_to_fill_in() {
        use crate::rules::*;
        use crate::testing::check;
        for lang in [Lang::En, Lang::Ja] {
            let text = request_template(lang);
            for rule in [
                &frontmatter_missing::RULE,
                &frontmatter_syntax::RULE,
                &unknown_field::RULE,
                &invalid_value::RULE,
                &summary_length::RULE,
                &start_time::RULE,
                &advanced_diagnostics::RULE,
            ] {
                assert!(
                    check(rule, &text).is_empty(),
                    "{} on the template",
                    rule.name
                );
            }
            // the empty values are what required-field asks to fill in
            let missing = check(&required_field::RULE, &text);
            assert!(missing.iter().all(|d| d.message.en.contains("is empty")));
            assert!(!missing.is_empty());
        }
        assert!(request_template(Lang::En).contains("support_language: en-us"));
    }
}
