//! Inlay hints, outline, folding, configuration (initializationOptions and
//! didChangeConfiguration), cancellation, and code actions.

mod lsp_common;

use lsp_common::{apply_edits, uri, Client};
use serde_json::{json, Value};

fn pos(line: u32, character: usize) -> Value {
    json!({ "line": line, "character": character })
}

const REQUEST: &str = "---\nissue_type: technical\nseverity: B\nstarted: 2020-01-01T00:00:00+09:00\nadvanced_diagnostics: false\n---\n\n## 目的\n\n復旧したい。\n\n### 詳細\n\n本文\n\n## 問題\n\n起動しない。\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inlay_hints_follow_the_plan_from_the_settings() {
    let mut c = Client::in_process();
    c.initialize(
        Some(&["utf-16"]),
        json!({ "locale": "en", "initializationOptions": { "support_plan": "standard" } }),
    )
    .await;
    let u = uri("hints.azsr.md");
    c.open(&u, 1, REQUEST).await;
    let whole = json!({ "start": pos(0, 0), "end": pos(99, 0) });
    let r = c
        .request(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": u }, "range": whole }),
        )
        .await;
    let hints = r.as_array().unwrap();
    assert_eq!(hints.len(), 2, "{r}");
    assert_eq!(hints[0]["position"], pos(2, 11));
    assert_eq!(hints[0]["label"], "first response ≤ 4 h, business hours");
    assert_eq!(hints[1]["position"], pos(3, 34));
    assert!(
        hints[1]["label"].as_str().unwrap().ends_with(" d ago"),
        "{r}"
    );

    // The file's own plan wins over the settings.
    c.change(&u, 2, json!([{ "range": { "start": pos(1, 0), "end": pos(1, 0) }, "text": "support_plan: professional_direct\n" }])).await;
    let r = c
        .request(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": u }, "range": whole }),
        )
        .await;
    assert_eq!(r[0]["label"], "first response ≤ 2 h, business hours", "{r}");
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outline_and_folding() {
    let mut c = Client::in_process();
    c.initialize(None, json!({})).await;
    let u = uri("outline.azsr.md");
    c.open(&u, 1, REQUEST).await;
    let r = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": u } }),
        )
        .await;
    let syms = r.as_array().unwrap();
    let names: Vec<&str> = syms.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["front matter", "目的", "問題"], "{r}");
    let fields: Vec<&str> = syms[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["issue_type", "severity", "started", "advanced_diagnostics"]
    );
    assert_eq!(syms[1]["children"][0]["name"], "詳細");
    assert_eq!(syms[1]["range"]["start"], pos(7, 0));

    let r = c
        .request(
            "textDocument/foldingRange",
            json!({ "textDocument": { "uri": u } }),
        )
        .await;
    let folds: Vec<(u64, u64)> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["startLine"].as_u64().unwrap(),
                f["endLine"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(folds, [(0, 5), (7, 13), (11, 13), (15, 17)], "{r}");
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_change_the_language_and_recheck_open_documents() {
    let mut c = Client::in_process();
    c.initialize(
        None,
        json!({ "locale": "en-US", "initializationOptions": { "azsr": { "messages": "ja" } } }),
    )
    .await;
    let u = uri("lang.azsr.md");
    c.open(&u, 1, REQUEST).await;
    c.diagnostics(&u, 1).await;
    let hover = json!({ "textDocument": { "uri": u }, "position": pos(7, 4) });
    let r = c.request("textDocument/hover", hover.clone()).await;
    assert!(
        r["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("実現したい"),
        "{r}"
    );

    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "azsr": { "messages": "en" } } }),
    )
    .await;
    // The open document is checked again (same version) …
    c.diagnostics(&u, 1).await;
    // … and answers in the new language.
    let r = c.request("textDocument/hover", hover.clone()).await;
    assert!(
        r["contents"]["value"].as_str().unwrap().contains("outcome"),
        "{r}"
    );

    // Pull model: null settings make the server ask for the `azsr` section.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    )
    .await;
    let ask = c
        .wait_for(|m| m["method"] == "workspace/configuration")
        .await;
    assert_eq!(ask["params"]["items"][0]["section"], "azsr");
    c.send(json!({ "jsonrpc": "2.0", "id": ask["id"], "result": [{ "messages": "ja" }] }))
        .await;
    c.diagnostics(&u, 1).await;
    let r = c.request("textDocument/hover", hover.clone()).await;
    assert!(
        r["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("実現したい"),
        "{r}"
    );

    // Malformed settings are reported, not silently ignored.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "suport_plan": "basic" } }),
    )
    .await;
    let m = c.wait_for(|m| m["method"] == "window/showMessage").await;
    let text = m["params"]["message"].as_str().unwrap();
    assert!(text.contains("support_plan"), "{text}");
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_or_not_requests_get_exactly_one_answer() {
    let mut c = Client::in_process();
    c.initialize(None, json!({})).await;
    let u = uri("cancel.azsr.md");
    c.open(&u, 1, &REQUEST.repeat(200)).await;
    c.send(json!({ "jsonrpc": "2.0", "id": 900, "method": "textDocument/documentSymbol", "params": { "textDocument": { "uri": u } } })).await;
    c.notify("$/cancelRequest", json!({ "id": 900 })).await;
    let r = c.wait_for(|m| m["id"] == 900).await;
    // Either it finished first or it was cancelled (-32800): never both, never silence.
    assert!(
        r.get("result").is_some() || r["error"]["code"] == -32800,
        "{r}"
    );
    let r = c
        .request_raw("azsr/documentText", json!({ "textDocument": { "uri": u } }))
        .await;
    assert!(r.get("result").is_some());
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_answer_for_any_range() {
    let mut c = Client::in_process();
    c.initialize(None, json!({})).await;
    let u = uri("actions.azsr.md");
    c.open(&u, 1, REQUEST).await;
    let r = c
        .request("textDocument/codeAction", json!({ "textDocument": { "uri": u }, "range": { "start": pos(0, 0), "end": pos(99, 0) }, "context": { "diagnostics": [] } }))
        .await;
    assert!(r.is_array(), "{r}");
    let r = c
        .request("textDocument/codeAction", json!({ "textDocument": { "uri": u }, "range": { "start": pos(5, 0), "end": pos(1, 0) }, "context": { "diagnostics": [], "only": ["refactor"] } }))
        .await;
    assert_eq!(r, json!([]));
    assert_eq!(c.shutdown().await, 0);
}

/// `advanced-diagnostics` (a hint with a quick fix) drives the quick fix and fix-all
/// round trip: the action carries its diagnostic, and applying its edit fixes the file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_fix_and_fix_all_round_trip() {
    for enc in lsp_common::ENCODINGS {
        let mut c = Client::in_process();
        c.initialize(Some(&[enc]), json!({})).await;
        let u = uri("fix.azsr.md");
        let text = REQUEST.replace("---\nissue_type", "---\nsummary: 日本😀👨‍👩‍👧\nissue_type");
        c.open(&u, 1, &text).await;
        let diags = c.diagnostics(&u, 1).await;
        let d = diags
            .iter()
            .find(|d| d["code"] == "advanced-diagnostics")
            .expect("fires")
            .clone();
        assert_eq!(d["range"]["start"]["line"], 5);
        let r = c
            .request("textDocument/codeAction", json!({ "textDocument": { "uri": u }, "range": d["range"], "context": { "diagnostics": [d] } }))
            .await;
        let actions = r.as_array().unwrap();
        let quick = actions
            .iter()
            .find(|a| a["kind"] == "quickfix")
            .expect("a quick fix");
        assert_eq!(quick["diagnostics"][0]["code"], "advanced-diagnostics");
        let edits = quick["edit"]["changes"][&u].as_array().unwrap();
        let fixed = apply_edits(&text, edits, enc);
        assert!(fixed.contains("advanced_diagnostics: true\n"), "{fixed}");
        let all = actions
            .iter()
            .find(|a| a["kind"] == "source.fixAll.azsr")
            .expect("fix all");
        let fixed_all = apply_edits(&text, all["edit"]["changes"][&u].as_array().unwrap(), enc);
        assert!(
            fixed_all.contains("advanced_diagnostics: true\n"),
            "{fixed_all}"
        );
        c.change(&u, 2, json!([{ "text": fixed }])).await;
        let diags = c.diagnostics(&u, 2).await;
        assert!(
            diags.iter().all(|d| d["code"] != "advanced-diagnostics"),
            "{diags:?}"
        );
        assert_eq!(c.shutdown().await, 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn azsr_toml_is_read_watched_and_its_errors_shown() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("azsr.toml");
    std::fs::write(&toml, "support_plan = \"developer\"\n").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let doc = format!("file://{}/sub/req.azsr.md", dir.path().display());
    let toml_uri = format!("file://{}", toml.display());

    let mut c = Client::in_process();
    c.initialize(None, json!({ "locale": "en", "capabilities": { "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } } })).await;
    // The watcher registration is a request from the server.
    let reg = c
        .wait_for(|m| m["method"] == "client/registerCapability")
        .await;
    let watchers = &reg["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/azsr.toml");
    // `[catalog]` lists are JSON files.
    assert_eq!(watchers[1]["globPattern"], "**/*.json");
    c.send(json!({ "jsonrpc": "2.0", "id": reg["id"], "result": null }))
        .await;

    c.open(&doc, 1, REQUEST).await;
    let whole = json!({ "textDocument": { "uri": doc }, "range": { "start": pos(0, 0), "end": pos(99, 0) } });
    let r = c.request("textDocument/inlayHint", whole.clone()).await;
    assert_eq!(r[0]["label"], "not offered on developer", "{r}");

    // A malformed azsr.toml: a diagnostic on it, at the bad key.
    std::fs::write(&toml, "support_plan = \"standard\"\nsuport = 1\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": toml_uri, "type": 2 }] }),
    )
    .await;
    let m = c
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == toml_uri
        })
        .await;
    let d = &m["params"]["diagnostics"][0];
    assert_eq!(d["range"]["start"]["line"], 1, "{m}");
    assert!(
        d["message"].as_str().unwrap().contains("support_plan"),
        "{m}"
    );
    // Fixed again: the diagnostic goes, the new plan applies.
    std::fs::write(&toml, "support_plan = \"standard\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": toml_uri, "type": 2 }] }),
    )
    .await;
    let m = c
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == toml_uri
        })
        .await;
    assert_eq!(m["params"]["diagnostics"], json!([]));
    let r = c.request("textDocument/inlayHint", whole).await;
    assert_eq!(r[0]["label"], "first response ≤ 4 h, business hours", "{r}");
    assert_eq!(c.shutdown().await, 0);
}

/// An `azsr.toml` that is a FIFO is reported on (not opened: the server would block on
/// it), and the server answers the next request; a malformed one is explained in the
/// client's language, with its place in words, the parser's English only after it.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_special_or_malformed_azsr_toml_is_reported_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("azsr.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&toml)
        .status()
        .unwrap();
    assert!(made.success());
    let doc = format!("file://{}/req.azsr.md", dir.path().display());
    let toml_uri = format!("file://{}", toml.display());
    let mut c = Client::binary();
    c.initialize(None, json!({ "locale": "ja" })).await;
    c.open(&doc, 1, REQUEST).await;
    let m = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        c.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == toml_uri
        }),
    )
    .await
    .expect("the FIFO azsr.toml is reported without blocking");
    let message = m["params"]["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains("通常のファイルではなくFIFO"), "{message}");
    // Still answering: the document is analysed with the defaults.
    let r = c
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": doc }, "position": pos(0, 0) }),
        )
        .await;
    assert!(r.is_null() || r.is_object(), "{r}");
    assert_eq!(c.shutdown().await, 0);

    std::fs::remove_file(&toml).unwrap();
    std::fs::write(
        &toml,
        "support_plan = \"standard\"\nsummary_max_chars = [1\n",
    )
    .unwrap();
    let mut c = Client::binary();
    c.initialize(None, json!({ "locale": "ja" })).await;
    c.open(&doc, 1, REQUEST).await;
    let m = c
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == toml_uri
        })
        .await;
    let d = &m["params"]["diagnostics"][0];
    assert_eq!(d["range"]["start"]["line"], 1, "{m}");
    let message = d["message"].as_str().unwrap();
    let (first, detail) = message.split_once('\n').unwrap_or((message, ""));
    assert!(first.starts_with("2 行目の"), "{message}");
    assert!(
        !first.chars().any(|ch| ch.is_ascii_lowercase()),
        "English in the sentence: {message}"
    );
    assert!(detail.starts_with("TOML: "), "{message}");
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn problem_types_of_the_service_ranked_by_the_summary() {
    let mut c = Client::in_process();
    c.initialize(None, json!({})).await;
    let u = uri("billing.azsr.md");
    let text = "---\nissue_type: billing\nservice: Billing\nsummary: refund for an invoice\nproblem_type: \n---\n";
    c.open(&u, 1, text).await;
    let r = c
        .request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": u }, "position": pos(4, 14) }),
        )
        .await;
    let labels: Vec<&str> = r["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.len() > 3, "{labels:?}");
    let first = labels[0].to_lowercase();
    assert!(
        first.contains("refund") || first.contains("invoice"),
        "{labels:?}"
    );
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_a_finding_shows_its_rule_documentation_in_the_documents_language() {
    let mut c = Client::in_process();
    c.initialize(None, json!({ "locale": "en" })).await;
    let u = uri("finding.azsr.md");
    let text = "---\nsupport_language: ja-jp\nissue_type: technical\nsupport_plan: developer\nseverity: A\n---\n";
    c.open(&u, 1, text).await;
    let diags = c.diagnostics(&u, 1).await;
    let at = json!({ "textDocument": { "uri": u }, "position": pos(4, 10) });
    let r = c.request("textDocument/hover", at).await;
    let v = r["contents"]["value"].as_str().unwrap();
    let finding = diags
        .iter()
        .find(|d| v.starts_with(&format!("**{}**\n", d["code"].as_str().unwrap())))
        .unwrap_or_else(|| panic!("the hover names no finding: {v}\n{diags:?}"));
    assert_eq!(finding["range"]["start"]["line"], 4, "{finding}");
    assert!(
        v.contains("## 確認すること") && !v.contains("## What it checks"),
        "{v}"
    );
    // the editor shows the message next to the hover: not a second time inside it
    let message = finding["message"].as_str().unwrap();
    assert!(
        message.ends_with('。') && !v.contains(message),
        "{message}\n{v}"
    );
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_explains_fields_in_the_documents_language() {
    let mut c = Client::in_process();
    c.initialize(None, json!({ "locale": "en" })).await;
    let u = uri("fields.azsr.md");
    // support_language ja-jp: Japanese whatever the editor's locale.
    let text = "---\nsubscription: x\nsupport_language: ja-jp\nseverity: A\nsupport_plan: developer\n---\n";
    c.open(&u, 1, text).await;
    let hover = |line: u32| json!({ "textDocument": { "uri": u }, "position": pos(line, 1) });
    let r = c.request("textDocument/hover", hover(1)).await;
    assert!(
        r["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("サポート リクエスト共同作成者"),
        "{r}"
    );
    let r = c.request("textDocument/hover", hover(3)).await;
    let v = r["contents"]["value"].as_str().unwrap();
    // Only the effective plan's column, marked, after the business impact and hours;
    // A is not offered on developer.
    assert!(
        v.contains(
            "| 重大度 | 事業への影響 | 対応時間帯 | **Developer** ◀ このお問い合わせのプラン |"
        ),
        "{v}"
    );
    assert!(
        v.contains("| A | 重大: 事業が今停止している | 24 時間 365 日 | — |")
            && v.contains("| C | 軽微 | 営業時間内 | 8 営業時間以内 |"),
        "{v}"
    );
    assert!(v.contains("**電話のみ**の対応"), "{v}");
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_clears_diagnostics_and_reopen_starts_afresh() {
    let mut c = Client::in_process();
    c.initialize(None, json!({})).await;
    let u = uri("close.azsr.md");
    c.open(&u, 1, REQUEST).await;
    c.diagnostics(&u, 1).await;
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": u } }),
    )
    .await;
    let m = c
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == u.as_str()
                && m["params"].get("version").is_none_or(Value::is_null)
        })
        .await;
    assert_eq!(m["params"]["diagnostics"], json!([]));
    let r = c
        .request_raw("azsr/documentText", json!({ "textDocument": { "uri": u } }))
        .await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    // Hover on a closed document: no answer to give, but an answer.
    let r = c
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": u }, "position": pos(0, 0) }),
        )
        .await;
    assert_eq!(r, Value::Null);
    c.open(&u, 7, "# again\n").await;
    c.diagnostics(&u, 7).await;
    assert_eq!(c.document_text(&u).await, (7, "# again\n".to_string()));
    assert_eq!(c.shutdown().await, 0);
}

/// Editing a `[catalog]` services list re-checks the open documents (the server watches
/// JSON files besides azsr.toml).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_catalog_file_rechecks_open_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("cat")).unwrap();
    std::fs::write(
        dir.path().join("azsr.toml"),
        "[catalog]\nservices = \"cat/services.json\"\n",
    )
    .unwrap();
    let list = |name: &str| {
        format!(
            r#"[{{"name": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f2", "displayName": "{name}", "resourceTypes": []}}]"#
        )
    };
    let services = dir.path().join("cat/services.json");
    std::fs::write(&services, list("Contoso Old Name")).unwrap();
    let doc = format!("file://{}/req.azsr.md", dir.path().display());
    let text = "---\nissue_type: technical\nservice: Contoso Widget Fabric\n---\n";
    let unknown = |ds: &[Value]| ds.iter().any(|d| d["code"] == "service-unknown");

    let mut c = Client::in_process();
    c.initialize(None, json!({ "locale": "en" })).await;
    c.open(&doc, 1, text).await;
    let ds = c.diagnostics(&doc, 1).await;
    assert!(unknown(&ds), "{ds:?}");

    std::fs::write(&services, list("Contoso Widget Fabric")).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": format!("file://{}", services.display()), "type": 2 }] }),
    )
    .await;
    let ds = c.diagnostics(&doc, 1).await;
    assert!(!unknown(&ds), "{ds:?}");
    assert_eq!(c.shutdown().await, 0);
}

/// The editor's settings take the same `catalog` keys as azsr.toml (cli.md): a services
/// list named there is loaded (relative to the document's folder when no azsr.toml is
/// found), and one that cannot be read is reported, with the bundled catalog used.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editor_settings_can_name_a_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir_all(team.join("cat")).unwrap();
    std::fs::write(
        team.join("cat/services.json"),
        r#"[{"name": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f1", "displayName": "Contoso Widget Fabric", "resourceTypes": []}]"#,
    )
    .unwrap();
    let doc = format!("file://{}/req.azsr.md", team.display());
    let text = "---\nissue_type: technical\nservice: Contoso Widget Fabric\n---\n";
    let codes = |ds: &[Value]| -> Vec<String> {
        ds.iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_string())
            .collect()
    };

    let mut c = Client::in_process();
    c.initialize(
        None,
        json!({ "locale": "en", "initializationOptions": { "azsr": { "catalog": { "services": "cat/services.json" } } } }),
    )
    .await;
    c.open(&doc, 1, text).await;
    let ds = c.diagnostics(&doc, 1).await;
    assert!(
        !codes(&ds).contains(&"service-unknown".to_string()),
        "{ds:?}"
    );

    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "catalog": { "services": "cat/missing.json" } } }),
    )
    .await;
    let m = c.wait_for(|m| m["method"] == "window/showMessage").await;
    let shown = m["params"]["message"].as_str().unwrap();
    assert!(shown.contains("missing.json"), "{shown}");
    let ds = c.diagnostics(&doc, 1).await;
    assert!(
        codes(&ds).contains(&"service-unknown".to_string()),
        "{ds:?}"
    );
    assert_eq!(c.shutdown().await, 0);
}

/// `[catalog] services` and `problem_classifications` of the document's azsr.toml are
/// loaded by the server as `--check` loads them: an imported service is known, offered
/// by completion, and its problem types are offered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn azsr_toml_catalog_overrides_apply_in_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir_all(team.join("cat/pc")).unwrap();
    std::fs::write(
        team.join("azsr.toml"),
        "[catalog]\nservices = \"cat/services.json\"\nproblem_classifications = \"cat/pc\"\n",
    )
    .unwrap();
    let guid = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    std::fs::write(
        team.join("cat/services.json"),
        format!(
            r#"[{{"name": "{guid}", "displayName": "Contoso Widget Fabric", "resourceTypes": []}}]"#
        ),
    )
    .unwrap();
    std::fs::write(
        team.join("cat/pc/list.json"),
        format!(r#"[{{"id": "/providers/Microsoft.Support/services/{guid}/problemClassifications/p1", "name": "p1", "displayName": "Widget jammed / Gears stuck"}}]"#),
    )
    .unwrap();
    let doc = format!("file://{}/req.azsr.md", team.display());
    let outside = format!("file://{}/req.azsr.md", dir.path().display());
    let text = "---\nissue_type: technical\nservice: Contoso Widget Fabric\nproblem_type: \n---\n";

    let mut c = Client::in_process();
    c.initialize(None, json!({ "locale": "en" })).await;
    c.open(&doc, 1, text).await;
    let codes = |ds: &[Value]| -> Vec<String> {
        ds.iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let ds = c.diagnostics(&doc, 1).await;
    assert!(
        !codes(&ds).contains(&"service-unknown".to_string()),
        "{ds:?}"
    );
    // Outside the folder the bundled catalog applies: the same name is unknown.
    c.open(&outside, 1, text).await;
    let ds = c.diagnostics(&outside, 1).await;
    assert!(
        codes(&ds).contains(&"service-unknown".to_string()),
        "{ds:?}"
    );

    let labels = |r: &Value| -> Vec<String> {
        let items = r.get("items").unwrap_or(r);
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    // Completion on the service value offers the imported service.
    let r = c
        .request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": doc }, "position": pos(2, 16) }),
        )
        .await;
    assert!(
        labels(&r).iter().any(|l| l == "Contoso Widget Fabric"),
        "{:?}",
        labels(&r)
    );
    // … and the problem types imported for it.
    let r = c
        .request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": doc }, "position": pos(3, 14) }),
        )
        .await;
    assert!(
        labels(&r).iter().any(|l| l == "Widget jammed"),
        "{:?}",
        labels(&r)
    );
    assert_eq!(c.shutdown().await, 0);
}

/// A finding that spans two places points at the other one (relatedInformation), and
/// every finding links to its rule's documentation (codeDescription).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_diagnostics_carry_related_places_and_doc_links() {
    let mut c = Client::in_process();
    c.initialize(Some(&["utf-16"]), json!({ "locale": "en" }))
        .await;
    let u = uri("cross.azsr.md");
    let text = "---\nsubscription: 0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d\nresource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01\n---\n";
    c.open(&u, 1, text).await;
    let ds = c.diagnostics(&u, 1).await;
    let d = ds
        .iter()
        .find(|d| d["code"] == "cross-subscription-resource")
        .unwrap_or_else(|| panic!("{ds:?}"));
    // On the resource ID's subscription segment (line 2, after "resource: /subscriptions/").
    assert_eq!(d["range"]["start"], pos(2, 25), "{d}");
    assert_eq!(d["range"]["end"], pos(2, 61), "{d}");
    let related = d["relatedInformation"].as_array().expect("related places");
    assert_eq!(related[0]["location"]["uri"], json!(u));
    assert_eq!(related[0]["location"]["range"]["start"], pos(1, 14), "{d}");
    assert_eq!(related[0]["location"]["range"]["end"], pos(1, 50), "{d}");
    assert_eq!(d["source"], "azsr");
    let href = d["codeDescription"]["href"].as_str().unwrap();
    assert!(href.contains("cross-subscription-resource"), "{href}");
    assert_eq!(c.shutdown().await, 0);
}

/// The civil date-time `seconds` after the Unix epoch, as `started` is written without
/// an offset (`YYYY-MM-DDTHH:MM:SS`).
fn civil(seconds: i64) -> String {
    let (days, secs) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}")
}

/// A `started` without an offset is read in the contact's time zone by the hint as by
/// `start-time-offset`: five hours ago in Tokyo is "5 h ago", not "in 4 h".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_started_hint_reads_the_time_as_the_diagnostic_does() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let tokyo_five_hours_ago = civil(now + 9 * 3600 - 5 * 3600);
    let text = format!(
        "---\nissue_type: technical\nstarted: {tokyo_five_hours_ago}\ncontact:\n  time_zone: Tokyo Standard Time\n---\n"
    );
    let (mut c, u) = opened("started.azsr.md", &text, "en").await;
    let ds = c.diagnostics(&u, 1).await;
    let offset = ds
        .iter()
        .find(|d| d["code"] == "start-time-offset")
        .unwrap_or_else(|| panic!("{ds:?}"));
    assert!(
        offset["message"].as_str().unwrap().contains("+09:00"),
        "{offset}"
    );
    let whole = json!({ "start": pos(0, 0), "end": pos(99, 0) });
    let r = c
        .request(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": u }, "range": whole }),
        )
        .await;
    let hint = r
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["position"]["line"] == 2)
        .unwrap_or_else(|| panic!("{r}"));
    assert_eq!(hint["label"], "5 h ago", "{r}");
    assert_eq!(c.shutdown().await, 0);
}

/// A client in `locale` (UTF-16 positions) with `text` open as `name`.
async fn opened(name: &str, text: &str, locale: &str) -> (Client, String) {
    let mut c = Client::in_process();
    c.initialize(Some(&["utf-16"]), json!({ "locale": locale }))
        .await;
    let u = uri(name);
    c.open(&u, 1, text).await;
    (c, u)
}

/// The completion items at `position` of document `u`.
async fn complete(c: &mut Client, u: &str, position: Value) -> Vec<Value> {
    let r = c
        .request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": u }, "position": position }),
        )
        .await;
    r.get("items").unwrap_or(&r).as_array().unwrap().clone()
}

/// Accepting a service after `Web App (W`, with the `)` the editor closed after the
/// cursor, leaves one `)`: the edit replaces the whole value.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_replaces_the_whole_value_with_the_auto_closed_bracket() {
    let text = "---\nissue_type: technical\nservice: Web App (W)\n---\n";
    let (mut c, u) = opened("bracket.azsr.md", text, "en").await;
    let items = complete(&mut c, &u, pos(2, "service: Web App (W".len())).await;
    let first = &items[0];
    assert_eq!(first["label"], "Web App (Windows)", "{items:?}");
    let edited = apply_edits(text, std::slice::from_ref(&first["textEdit"]), "utf-16");
    assert_eq!(
        edited,
        "---\nissue_type: technical\nservice: Web App (Windows)\n---\n"
    );
    assert_eq!(c.shutdown().await, 0);
}

/// With a VM resource, `Virt` offers a Virtual Machine service first, and every item's
/// `filterText` starts with the typed text, so that the editor's fuzzy score ties and
/// the server's order (`sortText`) decides what the editor shows first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_completion_keeps_its_ranking_through_the_editors_filter() {
    let text = "---\nissue_type: technical\nresource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\nservice: Virt\n---\n";
    let (mut c, u) = opened("virt.azsr.md", text, "ja").await;
    let items = complete(&mut c, &u, pos(3, "service: Virt".len())).await;
    assert_eq!(
        items[0]["label"], "Virtual Machine running Windows",
        "{items:?}"
    );
    let mut sort_texts: Vec<&str> = Vec::new();
    for item in &items {
        let filter = item["filterText"].as_str().unwrap();
        assert!(filter.starts_with("Virt "), "{item}");
        assert!(filter.ends_with(item["label"].as_str().unwrap()), "{item}");
        sort_texts.push(item["sortText"].as_str().unwrap());
    }
    assert!(sort_texts.windows(2).all(|w| w[0] < w[1]), "{sort_texts:?}");
    // An alias names the catalog services: `仮想マシン` offers the VM services first.
    c.change(
        &u,
        2,
        json!([{ "range": { "start": pos(3, 9), "end": pos(3, 13) }, "text": "仮想マシン" }]),
    )
    .await;
    let items = complete(&mut c, &u, pos(3, 14)).await;
    assert_eq!(
        items[0]["label"], "Virtual Machine running Windows",
        "{items:?}"
    );
    assert!(
        items[0]["filterText"]
            .as_str()
            .unwrap()
            .starts_with("仮想マシン "),
        "{items:?}"
    );
    // Values that are not ranked by the typed text keep their label as filterText.
    c.change(
        &u,
        3,
        json!([{ "range": { "start": pos(1, 0), "end": pos(1, 0) }, "text": "severity: b\n" }]),
    )
    .await;
    let items = complete(&mut c, &u, pos(1, 11)).await;
    assert!(
        items.iter().all(|i| i["filterText"] == i["label"]),
        "{items:?}"
    );
    assert_eq!(c.shutdown().await, 0);
}
