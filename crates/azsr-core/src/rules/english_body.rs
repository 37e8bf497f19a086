use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::msg;
use crate::text::{blank_code_spans, is_japanese_char};
use crate::sections::SectionKind;
use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// `support_language` is English (`en-us`, `en`, 英語) but the summary, or a paragraph,
    /// heading or table cell of the body, contains Hiragana, Katakana or CJK ideographs.
    /// One finding per paragraph (per heading, per cell), spanning its Japanese text.
    ///
    /// Not counted: code spans and code blocks, URLs, resource IDs, the errors section
    /// (quoted output may be in any language), HTML comments, the contact's own names
    /// (`contact.first_name`, `contact.last_name`) and engineers' names from
    /// `related_requests` wherever they appear, and lines of the additional contacts and
    /// related requests sections that hold an e-mail address, a phone number or a request
    /// number (a colleague's name next to it). Japanese punctuation and full-width Latin
    /// letters alone are not Japanese text.
    ///
    /// ## Why
    ///
    /// An English-language request is handled by engineers who may not read Japanese;
    /// support asks that the whole description be written in English when English support
    /// is chosen. A Japanese sentence left in it is either lost or slows the case down while
    /// it is translated.
    ///
    /// ## Trigger phrases
    ///
    /// Any run of Hiragana, Katakana (also half-width) or kanji in prose: `接続できません`,
    /// `ゴール`, `再起動後`. Never: `` `エラー` `` in code, `https://example.jp/ドキュメント`,
    /// 山田 太郎 as the contact, `、。（）` alone, `ＡＢＣ`.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// support_language: en-us
    /// ---
    /// ## Problem
    /// RDP fails after the restart. 再起動後に接続できません。
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// support_language: en-us
    /// contact:
    ///   first_name: 太郎
    ///   last_name: 山田
    /// ---
    /// ## Problem
    /// RDP fails after the restart. Please call 山田 太郎 at the number above.
    ///
    /// ## Error messages
    /// リモート デスクトップ接続: 接続できません
    /// ```
    "english-body", Error, check
}

static CONTACT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}|\+?\d[\d \-()]{5,}\d|\d{15,16}")
        .expect("valid regex")
});

/// Names of people the request names in its front matter.
fn contact_names(ctx: &Context) -> Vec<String> {
    let mut names = Vec::new();
    let Some(form) = ctx.form() else {
        return names;
    };
    for key in ["first_name", "last_name"] {
        if let Some(v) = form.contact(key).and_then(|e| e.value.text()) {
            names.push(v.trim().to_string());
        }
    }
    if let Some(related) = form.get("related_requests") {
        for item in related.value.items() {
            if let Some(v) = item.get("engineer").and_then(|e| e.value.text()) {
                names.extend(v.split_whitespace().map(str::to_string));
            }
        }
    }
    names.retain(|n| n.chars().any(is_japanese_char));
    names
}

/// Blanks every occurrence of `needle` in `hay` (same length, still UTF-8).
fn blank_all(hay: &mut String, needle: &str) {
    if needle.is_empty() || !hay.contains(needle) {
        return;
    }
    let blanks = " ".repeat(needle.len());
    *hay = hay.replace(needle, &blanks);
}

/// The span from the first to the last Japanese character of `s`.
fn japanese_span(s: &str) -> Option<Range<usize>> {
    let mut it = s.char_indices().filter(|(_, c)| is_japanese_char(*c));
    let (start, _) = it.next()?;
    let (last, c) = it.next_back().unwrap_or((start, s[start..].chars().next()?));
    Some(start..last + c.len_utf8())
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.support_language() != Some("en-us") {
        return;
    }
    let names = contact_names(ctx);

    if let Some(entry) = ctx.form().and_then(|f| f.get("summary")) {
        if entry.value.text().is_some() {
            let span = entry.value.span.clone();
            let mut raw = blank_code_spans(&ctx.text[span.clone()]);
            for n in &names {
                blank_all(&mut raw, n);
            }
            if let Some(r) = japanese_span(&raw) {
                out.push(RULE.diag(
                    span.start + r.start..span.start + r.end,
                    msg!(
                        "The support language is English but the summary is in Japanese: write it in English.",
                        "サポート言語が英語ですが、概要（`summary`）が日本語です。英語で記載してください。"
                    ),
                ));
            }
        }
    }

    for block in ctx.body.prose_outside_errors() {
        let mut masked = block.masked.clone();
        for n in &names {
            blank_all(&mut masked, n);
        }
        if matches!(
            block.section,
            Some(SectionKind::Contacts | SectionKind::Related)
        ) {
            masked = blank_contact_lines(&ctx.text[block.range.clone()], &masked);
        }
        let Some(r) = japanese_span(&masked) else {
            continue;
        };
        out.push(RULE.diag(
            block.range.start + r.start..block.range.start + r.end,
            msg!(
                "The support language is English but this text is in Japanese: write the request in English (quoted output belongs in a code block or in the error messages section).",
                "サポート言語が英語ですが、日本語で書かれています。本文もすべて英語で記載してください。画面の表示や出力の引用は、コード ブロックかエラー メッセージのセクションに入れてください。"
            ),
        ));
    }
}

/// Blanks the lines of `masked` whose raw text names a person's address, phone or request.
fn blank_contact_lines(raw: &str, masked: &str) -> String {
    let mut out = String::with_capacity(masked.len());
    let mut pos = 0;
    for line in masked.split_inclusive('\n') {
        let raw_line = &raw[pos..pos + line.len()];
        if CONTACT_LINE.is_match(raw_line) {
            out.extend(line.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }));
        } else {
            out.push_str(line);
        }
        pos += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_spans;

    const FM: &str = "---\nsupport_language: en-us\ncontact:\n  first_name: 太郎\n  last_name: 山田\nrelated_requests:\n  - number: 2311270010001234\n    engineer: 佐藤 花子\n---\n";

    fn en(body: &str) -> String {
        format!("{FM}{body}")
    }


    #[test]
    fn japanese_prose_fires_once_per_paragraph() {
        assert_spans(
            &RULE,
            &en("## Problem\nRDP fails after the restart. «再起動後に接続できません»。\n"),
        );
        assert_spans(
            &RULE,
            &en("## «問題»\n«本文は日本語です。ログを見ると `x` 失敗»\n\nEnglish only.\n\n- «項目»\n"),
        );
        assert_spans(
            &RULE,
            &en("## Environment\n| Name | Meaning |\n|---|---|\n| prod | «本番環境» |\n"),
        );
        assert_spans(&RULE, &en("We use «ｱﾌﾟﾘ» here\n"));
        assert_spans(&RULE, &en("> Quoted «日本語» in a block quote\n"));
        assert_spans(&RULE, "---\nsupport_language: 英語\n---\n«ゴール»\n");
        assert_spans(&RULE, "---\nsupport_language: EN\nsummary: VM «が起動しない»\n---\nok\n");
        assert_spans(&RULE, "---\nsupport_language: en\nsummary: \"«再起動»\"\n---\n");
    }

    #[test]
    fn code_urls_errors_and_names_do_not_count() {
        assert_spans(
            &RULE,
            &en("## Problem\nThe dialog `接続できません` appears, see https://example.jp/ドキュメント.\n\n```\n日本語の出力\n```\n"),
        );
        assert_spans(
            &RULE,
            &en("## Error messages\nリモート デスクトップ接続: 接続できません\n\n### 詳細\nログ全文\n"),
        );
        assert_spans(&RULE, &en("Please call 山田 太郎 or 山田 at the number above; 佐藤 knows the case.\n"));
        assert_spans(
            &RULE,
            &en("## Additional contacts\n- 鈴木 花子 <hanako.suzuki@example.co.jp>\n- 高橋 一郎 +81-3-1234-5678\n\n## Related requests\n- 2311270010001234 (担当: 佐藤)\n"),
        );
        assert_spans(&RULE, &en("Punctuation only: 、。「」（） and ＡＢＣ１２３.\n"));
        assert_spans(&RULE, &en("<!-- メモ -->\n\nA comment is not text.\n"));
        assert_spans(&RULE, &en("Resource /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-本番 is ok.\n"));
        assert_spans(&RULE, "---\nsupport_language: en-us\nsummary: Error `エラー` in code\n---\n");
    }

    #[test]
    fn other_languages_and_odd_front_matter_are_silent() {
        assert_spans(&RULE, "---\nsupport_language: ja\nsummary: 接続できない\n---\n日本語\n");
        assert_spans(&RULE, "---\nsupport_language: ko-kr\n---\n日本語\n");
        assert_spans(&RULE, "---\nsupport_language: ja-JP\nsummary: Azure Front Door の WAF で 403\n---\nAzure Front Door と Application Gateway を併用しています。\n");
        assert_spans(&RULE, "日本語\n");
        assert_spans(&RULE, "---\nsupport_language: [en]\n---\n日本語\n");
        assert_spans(&RULE, "---\nsupport_language: en\nsummary: [a, b]\ncontact: 1\nrelated_requests: x\n---\nok\n");
        // A name in the contacts section without an address still counts.
        assert_spans(&RULE, &en("## Additional contacts\n«部長にも共有»\n"));
    }
}
