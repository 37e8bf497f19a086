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
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
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

/// What one body is.
enum Checked {
    /// What to forward for it (the message itself, or a stand-in for the error).
    Forward(Vec<u8>),
    /// Not JSON at all: perhaps a cut message, or one that ran into the next.
    NotJson,
}

/// What to forward for one body.
fn check(body: Vec<u8>) -> Checked {
    let Ok(text) = std::str::from_utf8(&body) else {
        return Checked::NotJson;
    };
    // The framework's own types decide what it can read (a float id, say, it cannot).
    // Requests and notifications come first: one parse for nearly every message.
    if text.parse::<Request>().is_ok() || text.parse::<Response>().is_ok() {
        return Checked::Forward(body);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) => return Checked::NotJson,
    };
    eprintln!("azsr-lsp: a message is not a JSON-RPC 2.0 message");
    let id = match value.get("id") {
        // Only ids the framework can carry back (JSON-RPC ids are integers or strings).
        Some(Value::Number(n)) if n.is_i64() => Value::Number(n.clone()),
        Some(Value::String(s)) => Value::String(s.clone()),
        _ => Value::Null,
    };
    Checked::Forward(malformed(INVALID_REQUEST, id))
}

/// The id of a message that is not whole JSON (cut short by a lying `Content-Length`),
/// when it can be read before its parameters: its request then gets its error answer.
fn id_in(body: &[u8]) -> Value {
    let head = match memchr::memmem::find(body, b"\"params\"") {
        Some(at) => &body[..at],
        None => body,
    };
    let Some(at) = memchr::memmem::find(head, b"\"id\"") else {
        return Value::Null;
    };
    let rest = String::from_utf8_lossy(&head[at + 4..]);
    let Some(rest) = rest.trim_start().strip_prefix(':') else {
        return Value::Null;
    };
    let rest = rest.trim_start();
    if let Some(s) = rest.strip_prefix('"') {
        return match s.split_once('"') {
            Some((id, _)) if !id.contains('\\') => Value::String(id.to_string()),
            _ => Value::Null,
        };
    }
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    match (digits.parse::<i64>(), rest[digits.len()..].chars().next()) {
        (Ok(n), Some(',' | '}' | ' ')) => Value::from(n),
        _ => Value::Null,
    }
}

/// Where a `Content-Length:` header starts in `bytes` (ASCII case ignored).
fn header_in(bytes: &[u8]) -> Option<usize> {
    const NAME: &[u8] = b"content-length:";
    bytes
        .windows(NAME.len())
        .position(|w| w.eq_ignore_ascii_case(NAME))
}

/// A `name: value` header line whose name is a token (letters, digits, `-`).
fn header(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let token = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    token.then_some((name, value))
}

async fn forward<W: AsyncWrite + Unpin>(out: &mut W, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    out.write_all(body).await?;
    out.flush().await
}

/// The longest header line kept whole; garbage without a line break is taken in pieces.
const MAX_LINE: usize = 8192;

/// The client's byte stream, with bytes read as one message's body but belonging to the
/// next message put back in front (see [`pump`]).
struct Input<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
}

impl<R: AsyncRead + Unpin> Input<R> {
    /// Reads more into the buffer; false at the end of the input.
    async fn fill(&mut self) -> bool {
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + READ_PIECE, 0);
        let read = self.inner.read(&mut self.buf[old..]).await;
        let n = read.unwrap_or(0);
        self.buf.truncate(old + n);
        n > 0
    }

    /// The next line with its `\n` (a longer one than [`MAX_LINE`] comes in pieces,
    /// each ending in its last bytes so that a header name is never cut); `None` at the
    /// end of the input.
    async fn line(&mut self) -> Option<Vec<u8>> {
        loop {
            let avail = &self.buf[self.pos..];
            if let Some(i) = memchr::memchr(b'\n', avail) {
                let line = avail[..=i].to_vec();
                self.pos += i + 1;
                return Some(line);
            }
            if avail.len() >= MAX_LINE {
                let take = avail.len() - 16;
                let piece = avail[..take].to_vec();
                self.pos += take;
                return Some(piece);
            }
            if !self.fill().await {
                let rest = self.buf[self.pos..].to_vec();
                self.pos = self.buf.len();
                return (!rest.is_empty()).then_some(rest);
            }
        }
    }

    /// The next `n` bytes, or fewer at the end of the input.
    async fn exact(&mut self, n: usize) -> Vec<u8> {
        let mut body = Vec::with_capacity(n);
        let buffered = (self.buf.len() - self.pos).min(n);
        body.extend_from_slice(&self.buf[self.pos..self.pos + buffered]);
        self.pos += buffered;
        // In pieces: tokio's stdin reads on a blocking thread into a buffer as large as
        // the read asked for (up to 2 MiB), kept for the next read.
        let mut filled = body.len();
        body.resize(n, 0);
        while filled < n {
            let end = (filled + READ_PIECE).min(n);
            match self.inner.read(&mut body[filled..end]).await {
                Ok(0) | Err(_) => break,
                Ok(k) => filled += k,
            }
        }
        body.truncate(filled);
        body
    }

    /// Puts `bytes` back in front of what is still to be read.
    fn unread(&mut self, bytes: &[u8]) {
        let rest = self.buf.split_off(self.pos);
        self.buf.clear();
        self.buf.extend_from_slice(bytes);
        self.buf.extend_from_slice(&rest);
        self.pos = 0;
    }
}

/// Copies frames from `input` to `out` until the input ends (then `out` is dropped,
/// which ends the server's input too); text sync parameters go to `stash`.
///
/// It resynchronises after a bad frame: a line that is no header is skipped up to the
/// next `Content-Length:` (which may follow the tail of a body cut short by a lying
/// length on the same line); a body that is not JSON but holds a `Content-Length:` ran
/// into the next message (a doubled header block, a length too long): what comes
/// before is taken as a message if it is one, and the rest is read again as the next
/// message. Each bad frame is answered with one parse error (with the request's id
/// when it can be read), so a request is never left unanswered and `exit` is never
/// lost in garbage.
pub async fn pump<R, W>(input: R, mut out: W, stash: &Stash)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut input = Input {
        inner: input,
        buf: Vec::new(),
        pos: 0,
    };
    // Inside bytes already answered as bad: no second error for their rest.
    let mut answered_garbage = false;
    loop {
        // Headers up to the blank line.
        let mut len: Option<usize> = None;
        let mut bad = false;
        let mut seen_header = false;
        loop {
            let Some(line) = input.line().await else {
                return;
            };
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                if seen_header {
                    break;
                }
                continue; // stray blank lines between messages
            }
            match header(l) {
                Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                    seen_header = true;
                    answered_garbage = false;
                    match value.trim().parse::<usize>() {
                        Ok(n) if n <= MAX_BODY => len = Some(n),
                        _ => bad = true,
                    }
                }
                // Content-Type and the like (not the tail of a cut body run into the
                // next message's header: `…abcContent-Length: 52`).
                Some((name, _)) if !name.to_ascii_lowercase().ends_with("content-length") => {
                    seen_header = true
                }
                _ => {
                    // Garbage: answer it once, and look for the next message's headers.
                    if let Some(at) = header_in(&line).filter(|&at| at > 0) {
                        input.unread(&line[at..]);
                    }
                    if !answered_garbage {
                        eprintln!("azsr-lsp: skipped bytes that are not a header");
                        if forward(&mut out, &malformed(PARSE_ERROR, id_in(&line)))
                            .await
                            .is_err()
                        {
                            return;
                        }
                        answered_garbage = true;
                    }
                    len = None;
                    bad = false;
                    seen_header = false;
                }
            }
        }
        let forwarded = match (len, bad) {
            (Some(n), false) => {
                let body = input.exact(n).await;
                match text_sync(&body) {
                    Some(sync) => {
                        drop(body);
                        let method = match sync {
                            TextSync::Open(_) => "textDocument/didOpen",
                            TextSync::Change(_) => "textDocument/didChange",
                        };
                        Some(stub(method, stash.put(sync)))
                    }
                    None => resync(&mut input, body, &mut answered_garbage),
                }
            }
            _ => {
                eprintln!("azsr-lsp: a message without a valid Content-Length");
                Some(malformed(PARSE_ERROR, Value::Null))
            }
        };
        if let Some(bytes) = forwarded {
            if forward(&mut out, &bytes).await.is_err() {
                return;
            }
        }
    }
}

/// What to forward for a body that is not a text sync notification; a body that is not
/// JSON but holds a `Content-Length:` is cut there and the rest put back as the next
/// message's (`None`: nothing to answer, the body was a doubled header block).
fn resync<R: AsyncRead + Unpin>(
    input: &mut Input<R>,
    mut body: Vec<u8>,
    answered_garbage: &mut bool,
) -> Option<Vec<u8>> {
    let body = match check(body.clone()) {
        Checked::Forward(bytes) => return Some(bytes),
        Checked::NotJson => {
            if let Some(at) = header_in(&body) {
                input.unread(&body[at..]);
                body.truncate(at);
                if body.iter().all(u8::is_ascii_whitespace) {
                    return None;
                }
                if let Checked::Forward(bytes) = check(body.clone()) {
                    return Some(bytes);
                }
            }
            body
        }
    };
    eprintln!("azsr-lsp: a message body is not JSON");
    *answered_garbage = true;
    Some(malformed(PARSE_ERROR, id_in(&body)))
}

/// Everything [`pump`] forwards for `bytes` as the whole input (for the fuzz target
/// `fuzz/fuzz_targets/framing.rs`).
#[doc(hidden)]
pub fn read_frames_for_fuzzing(bytes: &[u8]) -> Vec<u8> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let mut out = Vec::new();
    runtime.block_on(pump(bytes, &mut out, &Stash::default()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwards_only_frames_whatever_the_input() {
        let valid = br#"{"jsonrpc":"2.0","id":1,"method":"x"}"#;
        let mut input = b"Content-Length: 3\r\n\r\n{\"jContent-Length: 99\r\n\r\n".to_vec();
        input.extend(format!("Content-Length: {}\r\n\r\n", valid.len()).as_bytes());
        input.extend(valid);
        input.extend(b"\x00garbage");
        let out = String::from_utf8(read_frames_for_fuzzing(&input)).unwrap();
        // The cut body's error, the valid message, the trailing garbage's error; the
        // length too long for what follows swallows nothing that is there.
        assert_eq!(out.matches("Content-Length: ").count(), 3, "{out}");
        assert!(out.contains(std::str::from_utf8(valid).unwrap()), "{out}");
    }

    #[test]
    fn classifies_bodies() {
        let forwarded = |body: &[u8]| match check(body.to_vec()) {
            Checked::Forward(bytes) => String::from_utf8(bytes).unwrap(),
            Checked::NotJson => "not JSON".to_string(),
        };
        let ok = r#"{"jsonrpc":"2.0","id":1,"method":"x"}"#;
        assert_eq!(forwarded(ok.as_bytes()), ok);
        assert_eq!(forwarded(b"{oops"), "not JSON");
        let not_rpc = forwarded(br#"{"id":7,"foo":1}"#);
        assert!(
            not_rpc.contains("-32600") && not_rpc.contains("\"id\":7"),
            "{not_rpc}"
        );
        let float_id = forwarded(br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#);
        assert!(float_id.contains("-32600"), "{float_id}");
        assert!(float_id.contains("\"id\":null"), "{float_id}");
        assert_eq!(forwarded(&[0xff, 0xfe]), "not JSON");
        // The id of a cut request, read before its parameters only.
        assert_eq!(
            id_in(br#"{"jsonrpc":"2.0","id":12,"method":"textDocument/ho"#),
            12
        );
        assert_eq!(id_in(br#"{"id": "a-1", "method""#), "a-1");
        assert_eq!(id_in(br#"{"method":"x","params":{"id":3"#), Value::Null);
        assert_eq!(id_in(b"garbage"), Value::Null);
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
