//! The request template, the one of every front end: a front matter block with every
//! field, and the body's section headings with a short hint each. `frontmatter-missing`'s
//! quick fix inserts the block; completion offers the whole request in an empty file (as
//! a snippet when the editor takes them); the VS Code snippets are rendered from it (the
//! test `vscode_snippets_are_the_template` keeps them equal).

use crate::completion;
use crate::messages::Lang;
use crate::sections::SectionKind;

/// The example values a template holds for a person to replace (rules.md, "Template
/// filler counts as empty"): a required field still holding one is `required-field`'s.
/// The nil GUID (a subscription, or inside a resource ID).
pub const FILLER_GUID: &str = "00000000-0000-0000-0000-000000000000";
/// Domains reserved for examples (RFC 2606, and Japan's `example.co.jp`): an address or a
/// host there is nobody's.
pub const FILLER_DOMAINS: &[&str] = &["example.com", "example.co.jp", "example.org", "example.net"];
/// The resource group of a template's default resource ID
/// (`/subscriptions/…/resourceGroups/resource-group/providers/…/name`).
pub const FILLER_RESOURCE_GROUP: &str = "resource-group";

/// Whether `value` is a template's example value rather than the person's own: it holds
/// the nil GUID, an address or host at an example domain, or the default resource group.
pub fn is_filler(value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    let at_example_domain = FILLER_DOMAINS.iter().any(|domain| {
        v.match_indices(domain).any(|(at, _)| {
            let before = v[..at].chars().next_back();
            let after = v[at + domain.len()..].chars().next();
            matches!(before, None | Some('@' | '.' | '/'))
                && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        })
    });
    let default_group = v.contains(&format!("/resourcegroups/{FILLER_RESOURCE_GROUP}/"));
    v.contains(FILLER_GUID) || at_example_domain || default_group
}

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

/// How the template is written out: as the text itself, or as a snippet (LSP's and VS
/// Code's syntax) whose values to fill in are tab stops, whose enumerated values are
/// choices and whose section hints are placeholders to type over.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Text,
    Snippet,
}

struct Writer {
    out: String,
    form: Form,
    /// The last tab stop written.
    stop: u32,
}

impl Writer {
    fn new(form: Form) -> Writer {
        Writer {
            out: String::new(),
            form,
            stop: 0,
        }
    }

    /// Literal text (escaped in a snippet).
    fn text(&mut self, s: &str) {
        match self.form {
            Form::Text => self.out.push_str(s),
            Form::Snippet => self.out.push_str(&escape(s, "$}\\")),
        }
    }

    /// A value to fill in after a key's colon: nothing in the text, a space and a tab
    /// stop in a snippet.
    fn fill_in(&mut self) {
        if self.form == Form::Snippet {
            self.stop += 1;
            self.out.push_str(&format!(" ${{{}}}", self.stop));
        }
    }

    /// `default`, or in a snippet a choice of `default` and then the other `values`.
    fn choice(&mut self, default: &str, values: &[&str]) {
        if self.form == Form::Text || values.len() < 2 {
            return self.text(default);
        }
        self.stop += 1;
        let others = values.iter().filter(|v| **v != default);
        let all: Vec<String> = std::iter::once(&default)
            .chain(others)
            .map(|v| escape(v, "$}\\,|"))
            .collect();
        self.out
            .push_str(&format!("${{{}|{}|}}", self.stop, all.join(",")));
    }

    /// `text`, in a snippet as a tab stop's placeholder that typing replaces.
    fn placeholder(&mut self, text: &str) {
        if self.form == Form::Text {
            return self.text(text);
        }
        self.stop += 1;
        let text = escape(text, "$}\\");
        self.out.push_str(&format!("${{{}:{text}}}", self.stop));
    }

    /// The text, or the snippet with its final cursor position at the end.
    fn finish(mut self) -> String {
        if self.form == Form::Snippet {
            self.out.push_str("$0");
        }
        self.out
    }
}

/// `s` with a backslash before each of `special`.
fn escape(s: &str, special: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if special.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn push_line(w: &mut Writer, indent: &str, line: &Line, lang: Lang) {
    w.text(indent);
    w.text(line.key);
    w.text(":");
    if line.value.is_empty() {
        w.fill_in();
    } else {
        let values = completion::enumerated_values(line.key);
        let labels: Vec<&str> = values.iter().map(|v| v.label.as_str()).collect();
        w.text(" ");
        w.choice(line.value, &labels);
    }
    let hint = match lang {
        Lang::En => line.hint.0,
        Lang::Ja => line.hint.1,
    };
    if !hint.is_empty() {
        w.text(" # ");
        w.text(hint);
    }
    w.text("\n");
}

fn push_frontmatter(w: &mut Writer, lang: Lang) {
    w.text("---\n");
    for line in LINES {
        push_line(w, "", line, lang);
    }
    let language = match lang {
        Lang::En => "en-us",
        Lang::Ja => "ja",
    };
    w.text("support_language: ");
    w.text(language);
    w.text("\n");
    push_contact(w, lang);
    w.text("---\n");
}

fn push_contact(w: &mut Writer, lang: Lang) {
    w.text("contact:\n");
    for line in CONTACT_LINES {
        push_line(w, "  ", line, lang);
    }
}

/// Every body section's heading with an HTML comment saying what belongs there.
fn push_sections(w: &mut Writer, lang: Lang) {
    for kind in SectionKind::ALL {
        w.text("\n## ");
        w.text(kind.heading(lang));
        w.text("\n");
        w.placeholder(&format!("<!-- {} -->", kind.purpose().get(lang)));
        w.text("\n");
    }
}

fn request(form: Form, lang: Lang) -> String {
    let mut w = Writer::new(form);
    push_frontmatter(&mut w, lang);
    push_sections(&mut w, lang);
    w.finish()
}

/// A front matter block holding every field of the form, with hints as YAML comments,
/// from the opening to the closing `---` line (ending with a line break).
pub fn frontmatter_template(lang: Lang) -> String {
    let mut w = Writer::new(Form::Text);
    push_frontmatter(&mut w, lang);
    w.finish()
}

/// A whole request: the front matter template, then every body section's heading with
/// an HTML comment saying what belongs there.
pub fn request_template(lang: Lang) -> String {
    request(Form::Text, lang)
}

/// [`request_template`] as a snippet: the values to fill in are tab stops, enumerated
/// values are choices, each section's hint is a placeholder to type over. Left as they
/// come, the tab stops give the template (but for a space before each hint).
pub fn request_snippet(lang: Lang) -> String {
    request(Form::Snippet, lang)
}

/// The template's `contact` block as a snippet.
pub fn contact_snippet(lang: Lang) -> String {
    let mut w = Writer::new(Form::Snippet);
    push_contact(&mut w, lang);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    #[test]
    fn filler_is_the_templates_example_values_only() {
        for filler in [
            FILLER_GUID,
            "taro.yamada@example.co.jp",
            "a@EXAMPLE.COM",
            "ops@mail.example.net",
            "https://app.example.org/path",
            "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/resource-group/providers/Microsoft.Compute/virtualMachines/name",
        ] {
            assert!(is_filler(filler), "{filler}");
        }
        for real in [
            "6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f",
            "taro.yamada@contoso.co.jp",
            "a@example.com.au.contoso.jp",
            "a@myexample.com",
            "a@example.community",
            "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01",
            "",
        ] {
            assert!(!is_filler(real), "{real}");
        }
    }

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
                    "response_24x7"
                        | "related_requests"
                        | "attachments"
                        | "problem_classification_id"
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

    /// The text a snippet gives when every tab stop is left as it comes (a choice's
    /// first value, a placeholder's text); panics unless the tab stops are numbered
    /// 1, 2, … in order, with the final `$0` last.
    fn expand(snippet: &str) -> String {
        let mut out = String::new();
        let mut stops = Vec::new();
        let mut chars = snippet.chars().peekable();
        let mut number = |chars: &mut std::iter::Peekable<std::str::Chars>| {
            let mut n = String::new();
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                n.push(d);
            }
            stops.push(n.parse::<u32>().unwrap());
        };
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.push(chars.next().unwrap()),
                '$' if chars.next_if_eq(&'{').is_some() => {
                    number(&mut chars);
                    let mut first = true;
                    let choice = match chars.next() {
                        Some('}') => continue,
                        Some(':') => false,
                        Some('|') => true,
                        other => panic!("{other:?} in a tab stop"),
                    };
                    loop {
                        match chars.next().unwrap() {
                            '\\' => {
                                let c = chars.next().unwrap();
                                if first {
                                    out.push(c);
                                }
                            }
                            ',' if choice => first = false,
                            '|' if choice => {
                                assert_eq!(chars.next(), Some('}'));
                                break;
                            }
                            '}' => break,
                            c if first => out.push(c),
                            _ => {}
                        }
                    }
                }
                '$' => number(&mut chars),
                c => out.push(c),
            }
        }
        let last = stops.pop();
        assert_eq!(last, Some(0), "the final cursor comes last");
        assert!(
            stops.iter().copied().eq(1..=stops.len() as u32),
            "{stops:?}"
        );
        out
    }

    #[test]
    fn the_snippet_left_as_it_comes_is_the_template() {
        for lang in [Lang::En, Lang::Ja] {
            // a tab stop for a value to fill in comes with the space before it
            let left_as_it_comes = |snippet: &str| {
                let lines: Vec<String> = expand(snippet)
                    .lines()
                    .map(|l| l.trim_end().replace(":  # ", ": # "))
                    .collect();
                lines.join("\n") + "\n"
            };
            let snippet = request_snippet(lang);
            assert_eq!(
                left_as_it_comes(&snippet),
                request_template(lang),
                "{snippet}"
            );
            assert!(snippet
                .contains("issue_type: ${1|technical,billing,subscription_management,quota|}"));
            assert!(snippet.contains("  email: ${15}\n"), "{snippet}");
            let contact = left_as_it_comes(&contact_snippet(lang));
            assert!(request_template(lang).contains(&contact), "{contact}");
        }
        assert_eq!(escape("a$b}c\\d,e", "$}\\,"), "a\\$b\\}c\\\\d\\,e");
    }

    /// The VS Code extension's snippets, as the file `editors/vscode/snippets` holds them.
    fn vscode_snippets() -> String {
        #[derive(serde::Serialize)]
        struct Snippet {
            prefix: String,
            description: &'static str,
            body: Vec<String>,
        }
        let snippet = |prefix: String, description, text: String| Snippet {
            prefix,
            description,
            body: text.split('\n').map(str::to_string).collect(),
        };
        let mut all = std::collections::BTreeMap::new();
        for (lang, tag, name, request, contact) in [
            (
                Lang::Ja,
                "ja",
                "日本語",
                "Azure サポート リクエストの下書き (*.azsr.md)",
                "azsr のフロント マターの contact: ブロック",
            ),
            (
                Lang::En,
                "en",
                "English",
                "Azure support request draft (*.azsr.md)",
                "contact: block of an azsr front matter",
            ),
        ] {
            all.insert(
                format!("azsr: new support request ({name})"),
                snippet(
                    format!("azsr-request-{tag}"),
                    request,
                    request_snippet(lang),
                ),
            );
            all.insert(
                format!("azsr: contact block ({name})"),
                snippet(
                    format!("azsr-contact-{tag}"),
                    contact,
                    contact_snippet(lang),
                ),
            );
        }
        serde_json::to_string_pretty(&all).unwrap() + "\n"
    }

    /// The committed snippets are the template's; when they are not, the test rewrites
    /// the file (commit it) and fails.
    #[test]
    fn vscode_snippets_are_the_template() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../editors/vscode/snippets/azsr.code-snippets");
        let expected = vscode_snippets();
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != expected {
            let written = std::fs::write(&path, &expected);
            panic!(
                "{} is not the template's rendering; rewritten from it ({written:?}): review and commit it\n{expected}",
                path.display()
            );
        }
    }
}
