//! The protocol itself: encoding negotiation, requests before initialize, malformed
//! JSON-RPC, unknown methods, shutdown and exit — in-process and over the binary's stdio.

mod lsp_common;

use lsp_common::{uri, Client};
use serde_json::{json, Value};

async fn negotiates(mut c: Client, offered: Option<&[&str]>, expected: &str) {
    let r = c.initialize(offered, json!({})).await;
    assert_eq!(
        r["capabilities"]["positionEncoding"], expected,
        "{offered:?}"
    );
    assert_eq!(
        r["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn negotiates_each_position_encoding() {
    let cases: [(Option<&[&str]>, &str); 6] = [
        (None, "utf-16"),
        (Some(&["utf-16"]), "utf-16"),
        (Some(&["utf-32", "utf-16", "utf-8"]), "utf-8"),
        (Some(&["utf-32", "utf-16"]), "utf-16"),
        (Some(&["utf-32"]), "utf-32"),
        (Some(&["latin-1"]), "utf-16"),
    ];
    for (offered, expected) in cases {
        negotiates(Client::in_process(), offered, expected).await;
    }
    negotiates(Client::binary(), Some(&["utf-8", "utf-16"]), "utf-8").await;
}

fn error_code(resp: &Value) -> i64 {
    resp["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("not an error: {resp}"))
}

async fn errors_keep_the_server_running(mut c: Client) {
    // Before initialize: errors, and the server is still there.
    let r = c.request_raw("textDocument/hover", json!({ "textDocument": { "uri": uri("a.azsr.md") }, "position": { "line": 0, "character": 0 } })).await;
    assert_eq!(error_code(&r), -32002, "{r}");
    let r = c
        .request_raw(
            "azsr/documentText",
            json!({ "textDocument": { "uri": uri("a.azsr.md") } }),
        )
        .await;
    assert_eq!(error_code(&r), -32002, "{r}");
    c.initialize(Some(&["utf-16"]), json!({})).await;

    // Not JSON.
    c.send_raw(b"Content-Length: 5\r\n\r\n{oops").await;
    let r = c.wait_for(|m| m.get("error").is_some()).await;
    assert_eq!(error_code(&r), -32700, "{r}");
    assert_eq!(r["id"], Value::Null);
    // JSON, but not JSON-RPC 2.0 (no "jsonrpc"): invalid request, with its id.
    c.send(json!({ "id": 7, "method": "textDocument/hover" }))
        .await;
    let r = c.wait_for(|m| m.get("error").is_some()).await;
    assert_eq!(error_code(&r), -32600, "{r}");
    assert_eq!(r["id"], 7);
    c.send(json!({ "jsonrpc": "2.0", "id": 1.5, "method": "textDocument/hover" }))
        .await;
    let r = c.wait_for(|m| m.get("error").is_some()).await;
    assert_eq!(error_code(&r), -32600, "{r}");
    c.send(json!([1, 2])).await;
    let r = c.wait_for(|m| m.get("error").is_some()).await;
    assert_eq!(error_code(&r), -32600, "{r}");
    // A line that is no header at all.
    c.send_raw(b"hello there\r\n").await;
    let r = c.wait_for(|m| m.get("error").is_some()).await;
    assert_eq!(error_code(&r), -32700, "{r}");
    // Invalid UTF-8 in a body.
    c.send_raw(b"Content-Length: 2\r\n\r\n\xff\xfe").await;
    let r = c.wait_for(|m| m.get("error").is_some()).await;
    assert_eq!(error_code(&r), -32700, "{r}");
    // Unknown method.
    let r = c.request_raw("azsr/noSuchMethod", json!({})).await;
    assert_eq!(error_code(&r), -32601, "{r}");
    // Bad params of a known request.
    let r = c
        .request_raw("textDocument/hover", json!({ "nonsense": true }))
        .await;
    assert_eq!(error_code(&r), -32602, "{r}");
    // Unknown notifications are ignored silently.
    c.notify("azsr/whatever", json!({})).await;

    // Still serving.
    let u = uri("alive.azsr.md");
    c.open(&u, 1, "# x\n").await;
    assert_eq!(c.document_text(&u).await, (1, "# x\n".to_string()));
    c.diagnostics(&u, 1).await;
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_responses_in_process() {
    errors_keep_the_server_running(Client::in_process()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_responses_over_stdio() {
    errors_keep_the_server_running(Client::binary()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_is_status_1() {
    let mut c = Client::binary();
    c.initialize(None, json!({})).await;
    c.notify("exit", Value::Null).await;
    assert_eq!(c.finish().await, 1);

    // End of input without exit ends the server too.
    let mut c = Client::binary();
    c.initialize(None, json!({})).await;
    assert_eq!(c.finish().await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_after_shutdown_are_invalid() {
    let mut c = Client::in_process();
    c.initialize(None, json!({})).await;
    let r = c.request_raw("shutdown", Value::Null).await;
    assert_eq!(r["result"], Value::Null);
    let r = c
        .request_raw("textDocument/hover", json!({ "textDocument": { "uri": uri("a.azsr.md") }, "position": { "line": 0, "character": 0 } }))
        .await;
    assert_eq!(error_code(&r), -32600, "{r}");
    c.notify("exit", Value::Null).await;
    assert_eq!(c.finish().await, 0);
}
