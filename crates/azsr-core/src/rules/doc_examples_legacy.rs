//! The checks that body_util.rs, form_util.rs and prose_util.rs held over hand-kept
//! lists of rules (the form rules, the body rules, the text rules) and that the
//! registry-driven harness (`harness.rs`) does not replace yet: fixes keep the front
//! matter valid, no panic on odd or arbitrary documents, the text rules document their
//! phrases.

mod form_rules {
    use crate::diagnostic::apply_edits;
    use crate::testing::Files;

    /// The form rules.
    fn form_rules() -> Vec<&'static crate::rules::RuleMeta> {
        use crate::rules::*;
        vec![
            &frontmatter_missing::RULE,
            &frontmatter_syntax::RULE,
            &unknown_field::RULE,
            &required_field::RULE,
            &invalid_value::RULE,
            &subscription_id_format::RULE,
            &resource_id_format::RULE,
            &resource_missing::RULE,
            &cross_subscription_resource::RULE,
            &summary_length::RULE,
            &start_time::RULE,
            &start_time_offset::RULE,
            &contact_email::RULE,
            &contact_phone::RULE,
            &request_number_format::RULE,
            &advanced_diagnostics::RULE,
            &attachment_missing::RULE,
            &attachment_limits::RULE,
        ]
    }

    #[test]
    fn every_fix_keeps_the_front_matter_valid() {
        let docs = [
            "---\nissue_type: tecnical\ncontact_method: emial\nsupport_plan: standrd\nseverty: B\nadvanced_diagnostics: いいえ\nstarted: 2023-11-27 13:05\ncontact:\n  frist_name: Anna\n  country: jpn\n  time_zone: JST\n---\n",
            "---\nissue_type: \"tecnical\"\nstarted: '2023-11-27 13:05'\nadvanced_diagnostics: 'no'\ncontact: {country: 'jpn', time_zone: \"Tokyo Standrd Time\"}\n---\n",
            "---\nissue_type: billing\nservice: 'Virtual Machine running Windows'\nsubscription: Prod (0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d)\nresource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\n---\n",
            "---\nissue_type: technical\nservice: Kubernetes Service (AKS)\ncontact:\n---\n",
            "---\nissue_type: technical\nservice: Kubernetes Service (AKS)\ncontact_method: phone\ncontact:\n    first_name: A\n---\n",
            "---\n---\n",
            "---\nsummary: x # comment\ncontact:\n  email: a@example.com # comment\n---\nbody\n",
            "---\r\nissue_type: tech\r\nstarted: 2023-11-27 13:05\r\n---\r\n",
            "---\nseverity: B",
            "## no front matter\n",
        ];
        for doc in docs {
            for rule in form_rules() {
                for d in crate::testing::check(rule, doc) {
                    for fix in &d.fixes {
                        let fixed = apply_edits(doc, &fix.edits);
                        let fm = crate::frontmatter::parse(&fixed);
                        let fm = fm.unwrap_or_else(|| {
                            panic!("{}: no block after fix:\n{fixed}", rule.name)
                        });
                        assert!(
                            fm.closed && fm.error.is_none(),
                            "{}: {:?} breaks the YAML:\n{fixed}",
                            rule.name,
                            fix.title.en
                        );
                        assert_ne!(fixed, doc, "{}: the fix changes nothing", rule.name);
                    }
                }
            }
        }
    }

    #[test]
    fn no_panic_on_odd_documents() {
        let docs = [
            "",
            "---",
            "---\n",
            "---\n---",
            "\u{feff}---\n---\n",
            "---\n- a\n- b\n---\n",
            "---\n42\n---\n",
            "---\n\"just a string\"\n---\n",
            "---\n[1, 2]: x\n? complex\n: key\n---\n",
            "---\nissue_type: [technical]\nsummary: {a: b}\nseverity: [A]\ncontact: [x]\nrelated_requests: {number: 1}\nattachments: {a: b}\nstarted: [2023]\nsubscription: {a: b}\nresource: [x]\nadvanced_diagnostics: [false]\n---\n",
            "---\na: &a {x: 1}\nissue_type: *a\ncontact: *a\nrelated_requests: *a\nattachments: *a\nstarted: *a\nsummary: *a\n---\n",
            "---\nissue_type: 1\nseverity: 2\nsupport_plan: 3\nstarted: 4\nsubscription: 5\nresource: 6\ncontact:\n  email: 7\n  phone: 8\n  country: 9\n  time_zone: 10\n  additional_emails: 11\nrelated_requests: 12\nattachments: 13\nsummary: 14\n---\n",
            "---\ncontact:\n  email:\n    - a\n  phone: {x: y}\n  time_zone: [a]\n  country: ~\nrelated_requests:\n  - - nested\n  - number: [1]\n    engineer: {a: b}\nattachments:\n  - [a]\n  - ~\n---\n",
            "---\nsummary: |\n  line one\n  line two\nstarted: >\n  2023-11-27\n  13:05\n---\n",
            "---\nstarted: \"2026-11-24T00:00\\u00e9\"\nsummary: \"\\t\\u3042\"\n---\n",
            "---\nstarted: 9999-12-31T23:59:59-18:00\n---\n",
            "---\nstarted: 0000-01-01T00:00:00+18:00\n---\n",
            "---\r\nsummary: x\r\nrelated_requests:\r\n  - 1\r\n---\r\nSR 231127001000123 です。\r\n",
            "## 問題\nお問い合わせ番号: 9999999999999999999999999999999 と SR# ![x](%) [y](%zz)\n",
        ];
        let probe: Files = Files(Vec::new());
        let config = crate::Config {
            time_zone: Some("Mars/Olympus".into()),
            summary_max_chars: 0,
            ..Default::default()
        };
        for doc in docs {
            for rule in form_rules() {
                let _ = crate::testing::check_with(rule, doc, &config, Some(&probe));
                let _ = crate::testing::check(rule, doc);
            }
        }
        let huge = "x".repeat(100_000);
        let long = format!(
            "---\nsummary: {}\nseverity: {huge}\n{huge}: 1\ncontact:\n  time_zone: {huge}\n  {huge}: 1\n---\n{}",
            "あ".repeat(100_000),
            "SR 1 ".repeat(10_000)
        );
        for rule in form_rules() {
            let _ = crate::testing::check(rule, &long);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn no_panic_on_arbitrary_values(
            values in proptest::collection::vec("\\PC{0,40}", 1..8),
            body in "\\PC{0,80}",
        ) {
            const KEYS: &[&str] = &[
                "issue_type", "subscription", "service", "resource", "summary", "started",
                "severity", "advanced_diagnostics", "related_requests", "attachments",
            ];
            let mut text = String::from("---\n");
            for (i, v) in values.iter().enumerate() {
                text.push_str(&format!("{}: {}\n", KEYS[i % KEYS.len()], v));
            }
            text.push_str("contact:\n");
            for (i, v) in values.iter().enumerate() {
                let k = ["email", "phone", "country", "time_zone", "additional_emails"][i % 5];
                text.push_str(&format!("  {k}: {v}\n"));
            }
            text.push_str("---\n");
            text.push_str(&body);
            let probe: Files = Files(Vec::new());
            for rule in form_rules() {
                let d = crate::testing::check_with(rule, &text, &crate::Config::default(), Some(&probe));
                for d in d {
                    proptest::prop_assert!(text.get(d.range.clone()).is_some());
                    for f in &d.fixes {
                        let _ = apply_edits(&text, &f.edits);
                    }
                }
            }
        }
    }
}

mod body_rules_robustness {
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "---\n",
        "issue_type: technical\n",
        "support_language: en\n",
        "summary: ",
        "エラー",
        "TODO",
        "<",
        ">",
        "<your name>",
        "○○",
        "...",
        "…",
        "\n",
        "\r\n",
        "## ",
        "### ",
        "ゴール",
        "Error messages",
        "ログ",
        "```",
        "`",
        "> ",
        "- ",
        "| a | b |\n|---|---|\n",
        "<!-- ",
        " -->",
        "省略",
        "(ここに記入)",
        "https://x.jp/a",
        "失敗",
        "できない",
        "contact:\n  first_name: 太郎\n",
        "日本語",
        "😀",
        "\t",
        "====\n",
        "  ",
        "[",
        "]",
        "(",
        ")",
        "「",
        "」",
        "\"",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]
        #[test]
        fn body_rules_never_panic_and_spans_are_valid(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..40)
        ) {
            use crate::rules::{
                english_body, error_excerpt, placeholder, section_empty, section_missing,
                section_suggested,
            };
            let text: String = parts.concat();
            for rule in [
                &section_missing::RULE,
                &section_suggested::RULE,
                &section_empty::RULE,
                &placeholder::RULE,
                &error_excerpt::RULE,
                &english_body::RULE,
            ] {
                for d in crate::testing::check(rule, &text) {
                    prop_assert!(d.range.start <= d.range.end && d.range.end <= text.len());
                    prop_assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
                    for fix in &d.fixes {
                        for e in &fix.edits {
                            prop_assert!(e.range.end <= text.len());
                            prop_assert!(text.is_char_boundary(e.range.start));
                        }
                    }
                }
            }
        }
    }
}

mod text_rules {
    use crate::rules::*;
    use crate::testing::check;
    use proptest::prelude::*;

    /// The rules that read the request's wording through `text_rule::Prose`.
    const RULES: [&RuleMeta; 6] = [
        &severity_a_criteria::RULE,
        &ambiguous_term::RULE,
        &multiple_problems::RULE,
        &feature_request::RULE,
        &reopen_without_number::RULE,
        &cross_subscription_mention::RULE,
    ];

    #[test]
    fn text_rules_document_their_phrases() {
        for rule in RULES {
            for heading in [
                "## What it checks",
                "## Why",
                "## Fires",
                "## Passes",
                "## Trigger phrases",
            ] {
                assert!(rule.doc.contains(heading), "{} lacks {heading}", rule.name);
            }
            assert!(rule.doc.contains("```markdown"), "{}", rule.name);
            assert!(rule.doc.contains("Must not fire"), "{}", rule.name);
        }
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "---\n", "severity: A\n", "subscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f\n",
            "## 問題\n", "## 環境\n", "## Error messages\n", "- ", "1. ", "`", "```\n", "\n",
            "本番", "PoC", "prod", "別件", "？", "か。", "?", "でしょうか", "復旧済み", "RCA",
            "再開", "前回の件", "2310270010001234", "機能要望", "ようにしてほしい", "Ｒ", "　",
            "/subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/r/providers/A.B/c/d",
            "調査してください", "vm-prod-01", ":", "、", "。", " ", "é", "🙂", "\r\n",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn text_rules_never_panic(parts in prop::collection::vec(fragment(), 0..40)) {
            let text: String = parts.concat();
            for rule in RULES {
                for d in check(rule, &text) {
                    prop_assert!(d.range.end <= text.len());
                    prop_assert!(text.is_char_boundary(d.range.start));
                    prop_assert!(text.is_char_boundary(d.range.end));
                }
            }
        }
    }

    #[test]
    fn large_documents_give_findings_in_range() {
        let para = "PoC と本番環境で vm-web-01 の RDP が失敗します。原因は何でしょうか？ Please investigate /subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/r/providers/A.B/c/d.\n\n";
        let text = format!(
            "---\nseverity: A\nsubscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f\n---\n\n## 問題\n{}",
            para.repeat(3000)
        );
        // Per-rule times: `cargo run --release -p azsr-core --example rule_times`.
        for rule in RULES {
            for d in check(rule, &text) {
                assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
            }
        }
    }
}
