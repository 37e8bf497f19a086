//! A guard in front of the framework's reader. `tower-lsp-server`'s transport stops
//! reading for good after the first message it cannot decode (tokio-util's `FramedRead`
//! ends the stream after a decoder error), so one malformed message would end the
//! session. Here frames are read and checked first: well-formed JSON-RPC passes through
//! byte for byte; a malformed one is replaced by a request for [`MALFORMED`], which the
//! ordering layer answers with the JSON-RPC error (parse error or invalid request), so
//! the client gets its error response and the server keeps running.
//!
//! Text sync notifications (`didOpen`, `didChange`) are decoded here, once, into their
//! typed parameters and left in the [`Stash`]; the framework gets a stub naming the stash
//! entry, and the ordering layer takes the parameters back out in message order. A 5 MB
//! pasted log thus never passes through the framework's read buffer (which grows to fit
//! the largest message and keeps that size for good) nor through a `serde_json::Value`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use serde::Deserialize;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_lsp_server::ls_types::{DidChangeTextDocumentParams, DidOpenTextDocumentParams};

/// Internal method standing for a message that could not be decoded.
pub const MALFORMED: &str = "azsr/$malformed";

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;

/// The largest read asked of the input at once.
const READ_PIECE: usize = 1 << 16;

/// Bodies larger than this are refused (a 5 MB pasted log is far below).
const MAX_BODY: usize = 256 << 20;

/// The key of a stub's parameters: the number of its stash entry.
pub const STASHED: &str = "$azsr/stashed";

/// Parameters of a text sync notification, decoded by the reader.
pub enum TextSync {
    Open(DidOpenTextDocumentParams),
    Change(DidChangeTextDocumentParams),
}

impl TextSync {
    /// The parameters as JSON again (for the framework, outside the serving state).
    pub fn to_value(&self) -> Value {
        match self {
            TextSync::Open(p) => serde_json::to_value(p),
            TextSync::Change(p) => serde_json::to_value(p),
        }
        .unwrap_or(Value::Null)
    }
}

/// Text sync parameters between the reader and the ordering layer.
#[derive(Default)]
pub struct Stash {
    next: AtomicU64,
    entries: Mutex<HashMap<u64, TextSync>>,
}

impl Stash {
    fn put(&self, sync: TextSync) -> u64 {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        super::lock(&self.entries).insert(n, sync);
        n
    }

    /// Takes the entry a stub's parameters name (`None` for ordinary parameters).
    pub fn take(&self, params: Option<&Value>) -> Option<TextSync> {
        let n = params?.as_object()?.get(STASHED)?.as_u64()?;
        super::lock(&self.entries).remove(&n)
    }
}

/// The envelope of a text sync notification: only the members that decide whether it is
/// one (`params` is skipped without being decoded).
#[derive(Deserialize)]
struct Head<'a> {
    jsonrpc: &'a str,
    method: &'a str,
    #[serde(default)]
    id: Present,
}

/// Whether a member is there at all (`"id": null` is there: not a notification).
#[derive(Default)]
struct Present(bool);

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d)?;
        Ok(Present(true))
    }
}

#[derive(Deserialize)]
struct WithParams<P> {
    params: P,
}

/// A well-formed `didOpen` / `didChange` notification, decoded; `None` for anything else
/// (which then takes the ordinary path, errors and all).
fn text_sync(body: &[u8]) -> Option<TextSync> {
    memchr::memmem::find(body, b"textDocument/did")?;
    let head: Head = serde_json::from_slice(body).ok()?;
    if head.jsonrpc != "2.0" || head.id.0 {
        return None;
    }
    match head.method {
        "textDocument/didOpen" => serde_json::from_slice::<WithParams<_>>(body)
            .ok()
            .map(|m| TextSync::Open(m.params)),
        "textDocument/didChange" => serde_json::from_slice::<WithParams<_>>(body)
            .ok()
            .map(|m| TextSync::Change(m.params)),
        _ => None,
    }
}

fn stub(method: &str, n: u64) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "jsonrpc": "2.0",
        "method": method,
        "params": { STASHED: n },
    }))
    .unwrap_or_default()
}

fn malformed(code: i64, id: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "jsonrpc": "2.0",
        "id": id,
        "method": MALFORMED,
        "params": { "code": code },
    }))
    .unwrap_or_default()
}

/// What to forward for one body.
fn check(body: Vec<u8>) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(&body) else {
        eprintln!("azsr-lsp: a message body is not UTF-8");
        return malformed(PARSE_ERROR, Value::Null);
    };
    // The framework's own types decide what it can read (a float id, say, it cannot).
    // Requests and notifications come first: one parse for nearly every message.
    if text.parse::<Request>().is_ok() || text.parse::<Response>().is_ok() {
        return body;
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("azsr-lsp: a message is not JSON: {e}");
            return malformed(PARSE_ERROR, Value::Null);
        }
    };
    eprintln!("azsr-lsp: a message is not a JSON-RPC 2.0 message");
    let id = match value.get("id") {
        // Only ids the framework can carry back (JSON-RPC ids are integers or strings).
        Some(Value::Number(n)) if n.is_i64() => Value::Number(n.clone()),
        Some(Value::String(s)) => Value::String(s.clone()),
        _ => Value::Null,
    };
    malformed(INVALID_REQUEST, id)
}

async fn forward<W: AsyncWrite + Unpin>(out: &mut W, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    out.write_all(body).await?;
    out.flush().await
}

/// Copies frames from `input` to `out` until the input ends (then `out` is dropped,
/// which ends the server's input too); text sync parameters go to `stash`.
pub async fn pump<R, W>(input: R, mut out: W, stash: &Stash)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::with_capacity(READ_PIECE, input);
    let mut line = Vec::new();
    loop {
        // Headers up to the blank line.
        let mut len: Option<usize> = None;
        let mut bad = false;
        let mut seen_header = false;
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                if seen_header {
                    break;
                }
                continue; // stray blank lines between messages
            }
            match l.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    seen_header = true;
                    match value.trim().parse::<usize>() {
                        Ok(n) if n <= MAX_BODY => len = Some(n),
                        _ => bad = true,
                    }
                }
                Some(_) => seen_header = true, // Content-Type and the like
                None => {
                    // Garbage: answer it, and look for the next message's headers.
                    eprintln!("azsr-lsp: skipped a line that is not a header");
                    if forward(&mut out, &malformed(PARSE_ERROR, Value::Null))
                        .await
                        .is_err()
                    {
                        return;
                    }
                    len = None;
                    bad = false;
                    seen_header = false;
                }
            }
        }
        let body = match (len, bad) {
            (Some(n), false) => {
                let mut body = vec![0; n];
                // In pieces: tokio's stdin reads on a blocking thread into a buffer as
                // large as the read asked for (up to 2 MiB), kept for the next read.
                for piece in body.chunks_mut(READ_PIECE) {
                    if reader.read_exact(piece).await.is_err() {
                        return;
                    }
                }
                match text_sync(&body) {
                    Some(sync) => {
                        drop(body);
                        let method = match sync {
                            TextSync::Open(_) => "textDocument/didOpen",
                            TextSync::Change(_) => "textDocument/didChange",
                        };
                        stub(method, stash.put(sync))
                    }
                    None => check(body),
                }
            }
            _ => {
                eprintln!("azsr-lsp: a message without a valid Content-Length");
                malformed(PARSE_ERROR, Value::Null)
            }
        };
        if forward(&mut out, &body).await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_bodies() {
        let ok = br#"{"jsonrpc":"2.0","id":1,"method":"x"}"#.to_vec();
        assert_eq!(check(ok.clone()), ok);
        let not_json = String::from_utf8(check(b"{oops".to_vec())).unwrap();
        assert!(not_json.contains("-32700"), "{not_json}");
        let not_rpc = String::from_utf8(check(br#"{"id":7,"foo":1}"#.to_vec())).unwrap();
        assert!(
            not_rpc.contains("-32600") && not_rpc.contains("\"id\":7"),
            "{not_rpc}"
        );
        let float_id = String::from_utf8(check(
            br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#.to_vec(),
        ))
        .unwrap();
        assert!(float_id.contains("-32600"), "{float_id}");
        assert!(float_id.contains("\"id\":null"), "{float_id}");
        let not_utf8 = String::from_utf8(check(vec![0xff, 0xfe])).unwrap();
        assert!(not_utf8.contains("-32700"));
    }

    #[test]
    fn only_well_formed_text_sync_notifications_are_stashed() {
        let open = br#"{"params":{"textDocument":{"uri":"file:///a.azsr.md","languageId":"markdown","version":1,"text":"x\n"}},"method":"textDocument/didOpen","jsonrpc":"2.0"}"#;
        assert!(
            matches!(text_sync(open), Some(TextSync::Open(p)) if p.text_document.text == "x\n")
        );
        let change = br#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.azsr.md","version":2},"contentChanges":[{"text":"y"}]}}"#;
        assert!(matches!(text_sync(change), Some(TextSync::Change(_))));
        // A request with that method, bad parameters, another method: the ordinary path.
        let with_id = br#"{"jsonrpc":"2.0","id":1,"method":"textDocument/didChange","params":{}}"#;
        assert!(text_sync(with_id).is_none());
        let null_id = br#"{"jsonrpc":"2.0","id":null,"method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.azsr.md","version":2},"contentChanges":[]}}"#;
        assert!(text_sync(null_id).is_none());
        let bad =
            br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":1}}"#;
        assert!(text_sync(bad).is_none());
        let close = br#"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///a"}}}"#;
        assert!(text_sync(close).is_none());
        let stash = Stash::default();
        let n = stash.put(text_sync(change).unwrap());
        let stub: Value = serde_json::from_slice(&stub("textDocument/didChange", n)).unwrap();
        assert!(stash.take(stub.get("params")).is_some());
        assert!(stash.take(stub.get("params")).is_none());
    }
}
