//! A burst of 500 rapid incremental edits, sent without waiting: the server's text must
//! equal the client's afterwards, and the last diagnostics must be of the last version.

mod lsp_common;

use lsp_common::{apply_edits, random_position, uri, Client, Lcg};
use serde_json::json;

const PIECES: &[&str] = &[
    "a",
    " ",
    "\n",
    "\r\n",
    "\r",
    "---",
    "## ",
    "- ",
    "日本語",
    "エラー",
    "😀",
    "👨‍👩‍👧",
    "`",
    "```",
    "\t",
];

async fn burst(mut c: Client, enc: &str) {
    c.initialize(Some(&[enc]), json!({})).await;
    let u = uri("burst.azsr.md");
    let mut text = String::from("---\r\nsummary: 障害\r\n---\r\n## 問題\r\n本文😀\r");
    c.open(&u, 1, &text).await;
    let mut rng = Lcg(0x5eed);
    let mut version = 1;
    // Requests sent between the edits, not awaited: each must see exactly the text of
    // the edits before it.
    let mut probes: Vec<(i64, i64, String)> = Vec::new();
    for n in 0..500 {
        if n % 50 == 25 {
            let id = 10_000 + n as i64;
            c.send(json!({ "jsonrpc": "2.0", "id": id, "method": "azsr/documentText", "params": { "textDocument": { "uri": u } } })).await;
            probes.push((id, version, text.clone()));
        }
        let a = random_position(&mut rng, &text, enc);
        let b = random_position(&mut rng, &text, enc);
        let (start, end) = {
            let oa = lsp_common::offset(&text, &a, enc);
            let ob = lsp_common::offset(&text, &b, enc);
            if oa <= ob {
                (a, b)
            } else {
                (b, a)
            }
        };
        // Mostly inserts, some deletions, so the text keeps a modest size.
        let end = if rng.next(4) == 0 { end } else { start.clone() };
        let insert: String = (0..rng.next(3))
            .map(|_| PIECES[rng.next(PIECES.len())])
            .collect();
        let change = json!({ "range": { "start": start, "end": end }, "text": insert });
        text = apply_edits(
            &text,
            &[json!({ "range": change["range"], "newText": insert })],
            enc,
        );
        version += 1;
        c.change(&u, version, json!([change])).await;
    }
    for (id, v, expected) in probes {
        let r = c.wait_for(|m| m["id"] == id).await;
        assert_eq!(r["result"]["version"], v, "{enc}: request {id}");
        assert_eq!(
            r["result"]["text"],
            expected.as_str(),
            "{enc}: request {id} saw another text"
        );
    }
    let (v, server_text) = c.document_text(&u).await;
    assert_eq!(v, version);
    assert_eq!(
        server_text, text,
        "{enc}: the server's text differs from the client's"
    );
    // The newest version's diagnostics arrive; stale ones may be dropped but never follow.
    c.diagnostics(&u, version).await;
    assert_eq!(c.shutdown().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn burst_of_500_edits_in_process() {
    for enc in ["utf-8", "utf-16", "utf-32"] {
        burst(Client::in_process(), enc).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn burst_of_500_edits_over_stdio() {
    burst(Client::binary(), "utf-16").await;
}
