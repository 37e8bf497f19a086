//! Exact positions in each encoding, both directions, on text with Japanese, emoji (a ZWJ
//! sequence too), CRLF and a lone CR: edits in, the server's text out; hover positions
//! in and ranges out; completion edits; a diagnostic's range; clamped positions.

mod lsp_common;

use lsp_common::{apply_edits, position, range, uri, Client, ENCODINGS};
use serde_json::{json, Value};

const FAMILY: &str = "👨‍👩‍👧";

fn doc() -> String {
    format!("---\r\nsummary: 障害😀{FAMILY} x\r\n---\r\n本文😀\r## 問題 {FAMILY}x\r\n本文\n")
}

fn pos(line: u32, character: usize) -> Value {
    json!({ "line": line, "character": character })
}

fn edit(start: Value, end: Value, text: &str) -> Value {
    json!({ "range": { "start": start, "end": end }, "text": text })
}

/// Column of the `x` after the family emoji on line 4, per encoding.
fn x_col(enc: &str) -> usize {
    match enc {
        "utf-8" => 3 + 6 + 1 + 18,
        "utf-16" => 3 + 2 + 1 + 8,
        _ => 3 + 2 + 1 + 5,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incremental_edits_land_exactly_in_each_encoding() {
    for enc in ENCODINGS {
        let mut c = Client::in_process();
        let r = c.initialize(Some(&[enc]), json!({})).await;
        assert_eq!(r["capabilities"]["positionEncoding"], enc);
        let u = uri("edits.azsr.md");
        let mut text = doc();
        c.open(&u, 1, &text).await;
        let (e8, e16, e32) = (6, 2, 2); // start of 😀 on line 3 ("本文😀")
        let emoji_start = match enc {
            "utf-8" => e8,
            "utf-16" => e16,
            _ => e32,
        };
        let emoji_end = emoji_start
            + if enc == "utf-8" {
                4
            } else if enc == "utf-16" {
                2
            } else {
                1
            };
        let changes = [
            // Before the `x` after the ZWJ sequence, on the line after a lone CR.
            edit(pos(4, x_col(enc)), pos(4, x_col(enc)), "！"),
            // Replace the emoji on the line ended by a lone CR.
            edit(pos(3, emoji_start), pos(3, emoji_end), "🎉"),
            // Insert at the end of a CRLF line (before the break).
            edit(pos(1, 0), pos(1, 0), "# "),
        ];
        let mut version = 1;
        for ch in &changes {
            version += 1;
            text = apply_edits(
                &text,
                &[json!({ "range": ch["range"], "newText": ch["text"] })],
                enc,
            );
            c.change(&u, version, json!([ch])).await;
        }
        let expected = format!(
            "---\r\n# summary: 障害😀{FAMILY} x\r\n---\r\n本文🎉\r## 問題 {FAMILY}！x\r\n本文\n"
        );
        assert_eq!(text, expected, "client-side application ({enc})");
        assert_eq!(
            c.document_text(&u).await,
            (version, expected.clone()),
            "{enc}"
        );

        // Several changes in one notification apply in order (each on the previous text).
        version += 1;
        c.change(
            &u,
            version,
            json!([
                edit(pos(0, 0), pos(0, 0), "A"),
                edit(pos(0, 0), pos(0, 1), "B"),
            ]),
        )
        .await;
        assert_eq!(c.document_text(&u).await.1, format!("B{expected}"));
        // A full-text change.
        version += 1;
        c.change(&u, version, json!([{ "text": "全文\r\n" }])).await;
        assert_eq!(c.document_text(&u).await, (version, "全文\r\n".to_string()));
        c.diagnostics(&u, version).await;
        assert_eq!(c.shutdown().await, 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_range_positions_are_clamped_never_fatal() {
    for enc in ENCODINGS {
        let mut c = Client::in_process();
        c.initialize(Some(&[enc]), json!({})).await;
        let u = uri("clamp.azsr.md");
        c.open(&u, 1, "😀a\r\nb\rc").await;
        // Past the end of line 0 clamps before its \r\n; a line past the end is the end.
        c.change(&u, 2, json!([edit(pos(0, 999), pos(0, 999), "X")]))
            .await;
        c.change(&u, 3, json!([edit(pos(99, 0), pos(99, 5), "Z")]))
            .await;
        // A reversed range is swapped.
        c.change(&u, 4, json!([edit(pos(1, 1), pos(1, 0), "B")]))
            .await;
        let (_, t) = c.document_text(&u).await;
        assert_eq!(t, "😀aX\r\nB\rcZ", "{enc}");
        if enc == "utf-16" {
            // Inside the surrogate pair: clamps to the character's start.
            c.change(&u, 5, json!([edit(pos(0, 1), pos(0, 1), "<")]))
                .await;
            assert_eq!(c.document_text(&u).await.1, "<😀aX\r\nB\rcZ");
        }
        if enc == "utf-8" {
            // Inside a UTF-8 sequence, and between \r and \n (column of the \n).
            c.change(&u, 5, json!([edit(pos(0, 2), pos(0, 2), "<")]))
                .await;
            c.change(&u, 6, json!([edit(pos(0, 7), pos(0, 7), ">")]))
                .await;
            assert_eq!(c.document_text(&u).await.1, "<😀aX>\r\nB\rcZ");
        }
        // Hover and completion at absurd positions answer, too.
        let r = c
            .request(
                "textDocument/hover",
                json!({ "textDocument": { "uri": u }, "position": pos(4_000_000, 4_000_000) }),
            )
            .await;
        assert!(r.is_null() || r.is_object());
        c.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": u }, "position": pos(0, 4_000_000) }),
        )
        .await;
        assert_eq!(c.shutdown().await, 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_positions_in_and_ranges_out_in_each_encoding() {
    for enc in ENCODINGS {
        let mut c = Client::in_process();
        c.initialize(Some(&[enc]), json!({ "locale": "ja" })).await;
        let u = uri("hover.azsr.md");
        let text = doc();
        c.open(&u, 1, &text).await;
        // On the `x` at the end of the heading that follows a lone CR.
        let r = c
            .request(
                "textDocument/hover",
                json!({ "textDocument": { "uri": u }, "position": pos(4, x_col(enc)) }),
            )
            .await;
        let heading_start = text.find("## 問題").unwrap();
        assert_eq!(
            r["range"]["start"],
            position(&text, heading_start, enc),
            "{enc}: {r}"
        );
        assert_eq!(r["range"]["start"], pos(4, 0));
        let value = r["contents"]["value"].as_str().unwrap();
        assert!(value.contains("問題"), "{value}");
        // The summary field (front matter key), with its documentation in Japanese.
        let r = c
            .request(
                "textDocument/hover",
                json!({ "textDocument": { "uri": u }, "position": pos(1, 2) }),
            )
            .await;
        let value = r["contents"]["value"].as_str().unwrap();
        assert!(value.starts_with("**summary**"), "{value}");
        assert!(value.contains("概要"), "{value}");
        let line_end = text.find(" x\r\n").unwrap() + 2;
        assert_eq!(
            r["range"],
            range(&text, text.find("summary").unwrap()..line_end, enc),
            "{enc}"
        );
        assert_eq!(c.shutdown().await, 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_edits_apply_exactly_in_each_encoding() {
    for enc in ENCODINGS {
        let mut c = Client::in_process();
        c.initialize(Some(&[enc]), json!({ "locale": "en-US" }))
            .await;
        let u = uri("complete.azsr.md");
        // A value after Japanese text and an emoji on earlier lines, CRLF breaks.
        let text = format!("---\r\nsummary: 障害{FAMILY}\r\nseverity: \r\nsev\r\n---\r\n## \r\n");
        c.open(&u, 1, &text).await;
        let at = |line: u32, col: usize| json!({ "textDocument": { "uri": u }, "position": pos(line, col) });
        // Values of severity.
        let r = c.request("textDocument/completion", at(2, 10)).await;
        let items = r["items"].as_array().unwrap();
        let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
        assert_eq!(&labels[..3], ["A", "B", "C"], "{labels:?}");
        let edited = apply_edits(&text, &[items[1]["textEdit"].clone()], enc);
        assert!(edited.contains("severity: B\r\n"), "{edited:?}");
        // Keys, replacing what was typed.
        let r = c.request("textDocument/completion", at(3, 3)).await;
        let items = r["items"].as_array().unwrap();
        let sev = items
            .iter()
            .find(|i| i["label"] == "severity")
            .expect("severity key offered");
        assert!(sev["documentation"]["value"]
            .as_str()
            .unwrap()
            .contains("Business impact"));
        let edited = apply_edits(&text, &[sev["textEdit"].clone()], enc);
        assert!(edited.contains("\r\nseverity: \r\n---"), "{edited:?}");
        // Section headings after `## `.
        let r = c.request("textDocument/completion", at(5, 3)).await;
        let labels: Vec<Value> = r["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].clone())
            .collect();
        assert!(labels.contains(&json!("Problem")), "{labels:?}");
        assert_eq!(c.shutdown().await, 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn services_complete_fuzzily_and_an_empty_file_gets_a_template() {
    let mut c = Client::in_process();
    c.initialize(None, json!({ "locale": "ja-JP" })).await;
    let u = uri("svc.azsr.md");
    let text = "---\nservice: virtual machine win\n---\n";
    c.open(&u, 1, text).await;
    let r = c
        .request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": u }, "position": pos(1, 28) }),
        )
        .await;
    let first = r["items"][0]["label"].as_str().unwrap().to_string();
    assert!(first.to_lowercase().contains("virtual machine"), "{first}");
    assert!(first.contains("Windows"), "{first}");
    assert_eq!(
        r["items"][0]["textEdit"]["range"],
        json!({ "start": pos(1, 9), "end": pos(1, 28) })
    );

    let e = uri("empty.azsr.md");
    c.open(&e, 1, "").await;
    let r = c
        .request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": e }, "position": pos(0, 0) }),
        )
        .await;
    let template = r["items"][0]["textEdit"]["newText"].as_str().unwrap();
    assert_eq!(
        r["items"][0]["insertTextFormat"], 2,
        "a snippet: the client supports them"
    );
    // The core's one template, in the document's language, with tab stops.
    assert_eq!(
        template,
        azsr_core::template::request_snippet(azsr_core::Lang::Ja)
    );
    assert!(
        template.starts_with("---\nissue_type: ${1|technical,billing,"),
        "{template}"
    );
    assert!(template.contains("\nsummary: ${5} # "), "{template}");
    assert!(template.contains("\n  country: ${"), "{template}");
    assert!(template.contains("\n## 問題\n${"), "{template}");
    assert_eq!(c.shutdown().await, 0);
}

/// Broken YAML whose error lies after Japanese text and a ZWJ emoji sequence, in a file
/// with CRLF breaks and a lone CR: `frontmatter-syntax` points at the second `:`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostic_ranges_are_exact_in_each_encoding() {
    for enc in ENCODINGS {
        let mut c = Client::in_process();
        c.initialize(Some(&[enc]), json!({})).await;
        let u = uri("diag.azsr.md");
        let text = format!("---\r\nsummary: 障害😀{FAMILY}: x\r\n---\r\n本文\r## 問題\r\n");
        c.open(&u, 1, &text).await;
        let diags = c.diagnostics(&u, 1).await;
        let d = diags
            .iter()
            .find(|d| d["code"] == "frontmatter-syntax")
            .unwrap_or_else(|| panic!("no frontmatter-syntax in {diags:?}"));
        let colon = text.find(": x").unwrap();
        let col = match enc {
            "utf-8" => 37,
            "utf-16" => 21,
            _ => 17,
        };
        assert_eq!(d["range"]["start"], pos(1, col), "{enc}");
        assert_eq!(d["range"]["start"], position(&text, colon, enc));
        assert_eq!(d["source"], "azsr");
        assert_eq!(d["severity"], 1);
        assert_eq!(
            d["codeDescription"]["href"],
            "https://github.com/azsr/azsr/blob/main/docs/rules.md#frontmatter-syntax"
        );
        // The same position comes back in: hover there shows the rule's documentation.
        let r = c
            .request(
                "textDocument/hover",
                json!({ "textDocument": { "uri": u }, "position": d["range"]["start"] }),
            )
            .await;
        assert!(
            r["contents"]["value"]
                .as_str()
                .unwrap()
                .contains("frontmatter-syntax"),
            "{r}"
        );
        // Fixing the YAML by an incremental edit clears it, at the new version.
        assert_eq!(d["range"]["end"], pos(1, col + 1), "{enc}: the `:` itself");
        c.change(
            &u,
            2,
            json!([edit(
                d["range"]["start"].clone(),
                d["range"]["end"].clone(),
                ""
            )]),
        )
        .await;
        assert!(c
            .document_text(&u)
            .await
            .1
            .contains(&format!("障害😀{FAMILY} x\r\n")));
        let diags = c.diagnostics(&u, 2).await;
        assert!(
            diags.iter().all(|d| d["code"] != "frontmatter-syntax"),
            "{diags:?}"
        );
        assert_eq!(c.shutdown().await, 0);
    }
}
