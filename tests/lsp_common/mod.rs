//! A small LSP client for the end-to-end tests: frames JSON-RPC over any byte streams,
//! runs the server in-process (over `tokio::io::duplex`) or as the real binary (stdio),
//! and converts positions on the client side independently of the server's code.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::time::Duration;

use azsr_lsp::server;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Client {
    writer: Box<dyn AsyncWrite + Unpin + Send>,
    reader: BufReader<Box<dyn AsyncRead + Unpin + Send>>,
    next_id: i64,
    /// Messages read while waiting for something else.
    backlog: VecDeque<Value>,
    pub child: Option<tokio::process::Child>,
    pub server_task: Option<tokio::task::JoinHandle<bool>>,
}

impl Client {
    /// The server in this process, over an in-memory pipe.
    pub fn in_process() -> Client {
        let (client_side, server_side) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_side);
        let task = tokio::spawn(server::serve(server_read, server_write));
        let (read, write) = tokio::io::split(client_side);
        Client {
            writer: Box::new(write),
            reader: BufReader::new(Box::new(read)),
            next_id: 1,
            backlog: VecDeque::new(),
            child: None,
            server_task: Some(task),
        }
    }

    /// The real binary over stdio.
    pub fn binary() -> Client {
        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_azsr-lsp"))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("the azsr-lsp binary starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        Client {
            writer: Box::new(stdin),
            reader: BufReader::new(Box::new(stdout)),
            next_id: 1,
            backlog: VecDeque::new(),
            child: Some(child),
            server_task: None,
        }
    }

    /// A server process started by the test (e.g. with its stderr captured).
    pub fn from_child(mut child: tokio::process::Child) -> Client {
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        Client {
            writer: Box::new(stdin),
            reader: BufReader::new(Box::new(stdout)),
            next_id: 1,
            backlog: VecDeque::new(),
            child: Some(child),
            server_task: None,
        }
    }

    /// Every message read so far but not yet waited for.
    pub fn take_backlog(&mut self) -> Vec<Value> {
        self.backlog.drain(..).collect()
    }

    pub async fn send_raw(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    pub async fn send(&mut self, msg: Value) {
        self.send_raw(&frame(&msg)).await;
    }

    async fn read_message(&mut self) -> Value {
        tokio::time::timeout(TIMEOUT, read_frame(&mut self.reader))
            .await
            .expect("the server answered in time")
            .expect("the server closed its output")
    }

    /// The two streams and the process, for a test that reads and writes concurrently.
    pub fn into_parts(self) -> Parts {
        assert!(self.backlog.is_empty(), "messages would be lost");
        Parts {
            writer: self.writer,
            reader: self.reader,
            child: self.child,
        }
    }

    /// The next message matching `pred`, keeping the others for later.
    pub async fn wait_for(&mut self, mut pred: impl FnMut(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&mut pred) {
            return self.backlog.remove(i).unwrap();
        }
        loop {
            let msg = self.read_message().await;
            if pred(&msg) {
                return msg;
            }
            self.backlog.push_back(msg);
        }
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }))
            .await;
    }

    /// Sends a request and returns the whole response message.
    pub async fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))
            .await;
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
            .await
    }

    /// Sends a request and returns its result (panics on an error response).
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request_raw(method, params).await;
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    /// initialize + initialized, offering `encodings` (None: the field is absent).
    pub async fn initialize(&mut self, encodings: Option<&[&str]>, extra: Value) -> Value {
        let mut params = json!({ "capabilities": { "textDocument": { "completion": { "completionItem": { "snippetSupport": true } } } } });
        if let Some(encs) = encodings {
            params["capabilities"]["general"] = json!({ "positionEncodings": encs });
        }
        if let Value::Object(extra) = extra {
            for (k, v) in extra {
                params[k] = v;
            }
        }
        let result = self.request("initialize", params).await;
        self.notify("initialized", json!({})).await;
        result
    }

    pub async fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": version, "text": text } }),
        )
        .await;
    }

    pub async fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        )
        .await;
    }

    /// The server's copy of a document.
    pub async fn document_text(&mut self, uri: &str) -> (i64, String) {
        let r = self
            .request(
                "azsr/documentText",
                json!({ "textDocument": { "uri": uri } }),
            )
            .await;
        (
            r["version"].as_i64().unwrap(),
            r["text"].as_str().unwrap().to_string(),
        )
    }

    /// The diagnostics published for `uri` at exactly `version` (older ones skipped).
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && m["params"]["version"] == version
            })
            .await;
        msg["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// shutdown + exit; returns the server's exit status (0 clean).
    pub async fn shutdown(mut self) -> i32 {
        let r = self.request_raw("shutdown", Value::Null).await;
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null).await;
        self.finish().await
    }

    pub async fn finish(mut self) -> i32 {
        if let Some(task) = self.server_task.take() {
            let clean = tokio::time::timeout(TIMEOUT, task).await.unwrap().unwrap();
            return if clean { 0 } else { 1 };
        }
        let mut child = self.child.take().unwrap();
        drop(self.writer);
        let status = tokio::time::timeout(TIMEOUT, child.wait())
            .await
            .unwrap()
            .unwrap();
        status.code().unwrap_or(-1)
    }
}

/// A client's streams taken apart ([`Client::into_parts`]).
pub struct Parts {
    pub writer: Box<dyn AsyncWrite + Unpin + Send>,
    pub reader: BufReader<Box<dyn AsyncRead + Unpin + Send>>,
    pub child: Option<tokio::process::Child>,
}

/// One message as a JSON-RPC frame.
pub fn frame(msg: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(msg).unwrap();
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend(body);
    frame
}

/// The next message the server wrote; `None` when its output has ended.
pub async fn read_frame<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.unwrap() == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = Some(v.trim().parse::<usize>().unwrap());
        }
    }
    let mut body = vec![0; len.expect("Content-Length")];
    reader.read_exact(&mut body).await.unwrap();
    Some(serde_json::from_slice(&body).unwrap())
}

/// Column units of a character in an encoding ("utf-8", "utf-16", "utf-32").
pub fn width(ch: char, enc: &str) -> usize {
    match enc {
        "utf-8" => ch.len_utf8(),
        "utf-16" => ch.len_utf16(),
        _ => 1,
    }
}

/// The lines of `text` as (start byte, content end byte), breaking at \n, \r\n and \r.
pub fn lines(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                out.push((start, i));
                i += 2;
                start = i;
            }
            b'\r' | b'\n' => {
                out.push((start, i));
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push((start, b.len()));
    out
}

/// Client-side: a byte offset to an LSP position.
pub fn position(text: &str, offset: usize, enc: &str) -> Value {
    let ls = lines(text);
    let line = ls.iter().rposition(|(s, _)| *s <= offset).unwrap();
    let (s, e) = ls[line];
    let col: usize = text[s..offset.min(e)].chars().map(|c| width(c, enc)).sum();
    json!({ "line": line, "character": col })
}

pub fn range(text: &str, r: std::ops::Range<usize>, enc: &str) -> Value {
    json!({ "start": position(text, r.start, enc), "end": position(text, r.end, enc) })
}

/// Client-side: an LSP position to a byte offset (positions given by the tests are exact).
pub fn offset(text: &str, pos: &Value, enc: &str) -> usize {
    let ls = lines(text);
    let line = pos["line"].as_u64().unwrap() as usize;
    let Some(&(s, e)) = ls.get(line) else {
        return text.len();
    };
    let want = pos["character"].as_u64().unwrap() as usize;
    let mut units = 0;
    for (i, ch) in text[s..e].char_indices() {
        if units >= want {
            return s + i;
        }
        units += width(ch, enc);
    }
    e
}

/// Applies LSP text edits (non-overlapping) to `text` on the client side.
pub fn apply_edits(text: &str, edits: &[Value], enc: &str) -> String {
    let mut ranges: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], enc),
                offset(text, &e["range"]["end"], enc),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    ranges.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut out = text.to_string();
    for (s, e, t) in ranges {
        out.replace_range(s..e, &t);
    }
    out
}

pub const ENCODINGS: [&str; 3] = ["utf-8", "utf-16", "utf-32"];

pub fn uri(name: &str) -> String {
    format!("file:///nonexistent-azsr-test/{name}")
}

/// A line for the CI log even when the test passes: written to stderr directly, past
/// the test harness's capture of `println!` (a skipped check must be seen).
pub fn tell(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// A small deterministic generator for random edits (no dependency needed).
pub struct Lcg(pub u64);

impl Lcg {
    /// A number below `n` (0 when `n` is 0).
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.next(one_in) == 0
    }
}

/// A random valid position in `text` as a client sends it (never inside a character or
/// a \r\n pair).
pub fn random_position(rng: &mut Lcg, text: &str, enc: &str) -> Value {
    let ls = lines(text);
    let line = rng.next(ls.len());
    let (s, e) = ls[line];
    let chars: Vec<char> = text[s..e].chars().collect();
    let k = rng.next(chars.len() + 1);
    let col: usize = chars[..k].iter().map(|c| width(*c, enc)).sum();
    json!({ "line": line, "character": col })
}
