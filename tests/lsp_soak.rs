//! A soak test of the real binary over stdio: one server, 50 documents (the examples, the
//! judgment drafts, and some that are no request at all), 20,000 random incremental edits
//! in UTF-16 positions (Japanese, emoji, CRLF, lone CR, Markdown and YAML tokens, anywhere)
//! interleaved with requests, cancellations and configuration changes.
//!
//! Afterwards: every document's text on the server equals the client's, every request got
//! exactly one answer, the diagnostics of every document equal what `--check` says about
//! the client's text (incremental == fresh), the server's memory did not keep growing,
//! and it exits 0 after shutdown + exit.
//!
//! `AZSR_SOAK_EDITS` sets the number of edits (default 20,000), `AZSR_SOAK_SEED` the seed.

mod lsp_common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lsp_common::{frame, offset, position, random_position, read_frame, tell, Client, Lcg};
use serde_json::{json, Value};
use tokio::io::{AsyncWrite, AsyncWriteExt};

const DOCUMENTS: usize = 50;
const ENC: &str = "utf-16";
/// Requests in flight at most (a client waits for its answers too).
const IN_FLIGHT: usize = 24;

/// What random edits insert: text a person types or pastes into a request, and the
/// tokens that move block boundaries.
const PIECES: &[&str] = &[
    "a",
    "the VM ",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "---",
    "---\n",
    "## ",
    "# ",
    "- ",
    "1. ",
    "> ",
    "```",
    "```\n",
    "`",
    ":",
    ": ",
    "severity: A\n",
    "summary: ",
    "service: 仮想マシン\n",
    "\t",
    "  ",
    "日本語",
    "エラーが発生しました。",
    "接続できません",
    "至急",
    "😀",
    "👨‍👩‍👧",
    "🇯🇵",
    "e\u{301}",
    "ｶﾀｶﾅ",
    "password=hunter2",
    "https://portal.azure.com/",
    "/subscriptions/00000000-0000-0000-0000-000000000000/",
    "[x]",
    "*",
    "|",
    "\"",
    "'",
    "{",
];

/// Documents that are no request at all, or a broken one.
const INVALID: &[(&str, &str)] = &[
    ("empty.azsr.md", ""),
    ("only-dashes.azsr.md", "---\n"),
    (
        "unclosed-flow.azsr.md",
        "---\nsummary: [unclosed\nservice: {a: \n---\n本文\n",
    ),
    (
        "no-frontmatter.ja.azsr.md",
        "# 問題\r\n接続できません😀\r\n```\r\nunclosed fence\r\n",
    ),
    (
        "lone-cr.azsr.md",
        "---\rsummary: cr only\rseverity: A\r---\r## Problem\r- a\r  - b\r> q\r",
    ),
    (
        "nested.azsr.md",
        "- - - - - - - - > > > > 1. 1. 1. ```\n---\n: : :\n\t- x\n",
    ),
];

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a number")),
        Err(_) => default,
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// 50 documents: the examples, then judgment drafts spread over their list, then the
/// invalid ones; names are kept (a name like `*.ja.azsr.md` says nothing to the rules,
/// but `--check` later sees the same names).
fn documents() -> Vec<(String, String)> {
    let root = repo_root();
    let read_dir = |dir: &Path| -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".azsr.md"))
            .collect();
        files.sort();
        files
    };
    let mut files = read_dir(&root.join("examples"));
    files.extend(read_dir(&root.join("examples/faulty")));
    let drafts = read_dir(&root.join("crates/azsr-core/src/rules/judgment_dev/drafts_d"));
    let wanted = DOCUMENTS - INVALID.len() - files.len();
    assert!(drafts.len() >= wanted, "{} drafts", drafts.len());
    files.extend((0..wanted).map(|i| drafts[i * drafts.len() / wanted].clone()));
    let mut docs: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    docs.extend(INVALID.iter().map(|(n, t)| (n.to_string(), t.to_string())));
    // Unique names, in a stable order.
    docs.iter_mut()
        .enumerate()
        .for_each(|(i, (name, _))| *name = format!("{i:02}-{name}"));
    assert_eq!(docs.len(), DOCUMENTS);
    docs
}

/// A random range in `text`: start ≤ end, at most `max` bytes apart (roughly).
fn random_range(rng: &mut Lcg, text: &str, max: usize) -> Value {
    let a = random_position(rng, text, ENC);
    let start = offset(text, &a, ENC);
    let mut end = (start + rng.next(max + 1)).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    json!({ "start": position(text, start, ENC), "end": position(text, end, ENC) })
}

/// One content change, and the text after it (applied by the client's own code).
fn random_change(rng: &mut Lcg, text: &str, original_len: usize) -> (Value, String) {
    let too_long = text.len() > 2 * original_len + 2_000;
    let insert: String = if too_long || rng.chance(5) {
        String::new()
    } else {
        (0..1 + rng.next(4))
            .map(|_| PIECES[rng.next(PIECES.len())])
            .collect()
    };
    let range = match (insert.is_empty(), rng.chance(4)) {
        // A deletion or replacement: up to a few lines, more when the text is long.
        (true, _) | (false, true) => random_range(rng, text, if too_long { 600 } else { 60 }),
        _ => {
            let p = random_position(rng, text, ENC);
            json!({ "start": p, "end": p })
        }
    };
    let after = lsp_common::apply_edits(text, &[json!({ "range": range, "newText": insert })], ENC);
    (json!({ "range": range, "text": insert }), after)
}

/// The requests about a document to send: the ones the soak is about (asserted offered),
/// and those the server offers besides (semantic tokens, code lenses).
fn requests_offered(capabilities: &Value) -> Vec<&'static str> {
    let mut methods = Vec::new();
    for (provider, method) in [
        ("completionProvider", "textDocument/completion"),
        ("hoverProvider", "textDocument/hover"),
        ("codeActionProvider", "textDocument/codeAction"),
        ("documentSymbolProvider", "textDocument/documentSymbol"),
        ("inlayHintProvider", "textDocument/inlayHint"),
        ("foldingRangeProvider", "textDocument/foldingRange"),
    ] {
        assert!(
            capabilities.get(provider).is_some(),
            "{provider} not offered: {capabilities}"
        );
        methods.push(method);
    }
    for (provider, method) in [
        ("semanticTokensProvider", "textDocument/semanticTokens/full"),
        ("codeLensProvider", "textDocument/codeLens"),
    ] {
        if capabilities.get(provider).is_some() {
            methods.push(method);
        }
    }
    // The server's copy of the text, checked against the client's when it answers.
    methods.push("azsr/documentText");
    methods
}

/// A random request of one of `methods` on `uri`, whose text is `text`.
fn random_request(
    rng: &mut Lcg,
    methods: &[&'static str],
    uri: &str,
    text: &str,
) -> (&'static str, Value) {
    let method = methods[rng.next(methods.len())];
    let doc = json!({ "uri": uri });
    let params = match method {
        "textDocument/completion" | "textDocument/hover" => {
            json!({ "textDocument": doc, "position": random_position(rng, text, ENC) })
        }
        "textDocument/codeAction" => {
            json!({ "textDocument": doc, "range": random_range(rng, text, 200), "context": { "diagnostics": [] } })
        }
        "textDocument/inlayHint" => {
            json!({ "textDocument": doc, "range": random_range(rng, text, text.len()) })
        }
        _ => json!({ "textDocument": doc }),
    };
    (method, params)
}

/// What the reader task saw.
#[derive(Default)]
struct Seen {
    /// Every answer, by request id (more than one is a failure).
    answers: HashMap<i64, Vec<Value>>,
    /// The last diagnostics published for each document: (version, diagnostics).
    diagnostics: HashMap<String, (i64, Vec<Value>)>,
    /// `window/showMessage` texts.
    shown: Vec<String>,
    /// Requests from the server to the client, answered with `null`.
    server_requests: Vec<String>,
    /// Requests sent and not answered yet.
    pending: HashSet<i64>,
}

type Writer = Arc<tokio::sync::Mutex<Box<dyn AsyncWrite + Unpin + Send>>>;

async fn send(writer: &Writer, msg: Value) {
    let mut w = writer.lock().await;
    w.write_all(&frame(&msg)).await.unwrap();
    w.flush().await.unwrap();
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/PID/status")
}

/// The CPU time the process has used (user + system), in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    // USER_HZ is 100 on every Linux the tests run on.
    ticks / 100.0
}

/// A request in flight: what it asked, whether it was cancelled, and for
/// `azsr/documentText` the text the client had when sending it.
struct Sent {
    method: &'static str,
    cancelled: bool,
    expected: Option<(i64, String)>,
}

/// The client's model of one document.
struct Doc {
    uri: String,
    name: String,
    text: String,
    version: i64,
    original_len: usize,
}

struct Session {
    writer: Writer,
    seen: Arc<Mutex<Seen>>,
    next_id: i64,
    sent: BTreeMap<i64, Sent>,
}

impl Session {
    async fn request(
        &mut self,
        method: &'static str,
        params: Value,
        expected: Option<(i64, String)>,
    ) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.seen.lock().unwrap().pending.insert(id);
        send(
            &self.writer,
            json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
        )
        .await;
        self.sent.insert(
            id,
            Sent {
                method,
                cancelled: false,
                expected,
            },
        );
        id
    }

    async fn cancel(&mut self, id: i64) {
        self.sent.get_mut(&id).unwrap().cancelled = true;
        send(
            &self.writer,
            json!({ "jsonrpc": "2.0", "method": "$/cancelRequest", "params": { "id": id } }),
        )
        .await;
    }

    async fn notify(&self, method: &str, params: Value) {
        send(
            &self.writer,
            json!({ "jsonrpc": "2.0", "method": method, "params": params }),
        )
        .await;
    }

    fn unanswered(&self) -> usize {
        self.seen.lock().unwrap().pending.len()
    }

    /// Waits until at most `n` requests are unanswered.
    async fn drain_to(&self, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while self.unanswered() > n {
            assert!(
                Instant::now() < deadline,
                "{} requests unanswered for 120 s",
                self.unanswered()
            );
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }
}

/// The settings sent over the session; the last one is the defaults again, so that the
/// final diagnostics are comparable with `--check` (no azsr.toml anywhere).
fn settings_sequence(catalog: &Path) -> Vec<Value> {
    vec![
        json!({ "azsr": { "messages": "ja", "support_plan": "premier" } }),
        json!({ "catalog": { "services": catalog.display().to_string() } }),
        json!({ "support_plan": "basic", "rules": { "advanced-diagnostics": "off", "ambiguous-term": "error" } }),
        json!({ "suport_plan": "misspelt" }),
        json!({}),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soak_one_server_many_documents_edits_requests_cancellations() {
    let edits = env_number("AZSR_SOAK_EDITS", 20_000) as usize;
    let mut rng = Lcg(env_number("AZSR_SOAK_SEED", 0x50a4));
    let started = Instant::now();
    let scratch = tempfile::tempdir().unwrap();
    let catalog = scratch.path().join("services.json");
    std::fs::write(
        &catalog,
        r#"[{"name": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f1", "displayName": "Contoso Widget Fabric", "resourceTypes": []}]"#,
    )
    .unwrap();

    let mut client = Client::binary();
    let initialized = client
        .initialize(Some(&[ENC]), json!({ "locale": "en" }))
        .await;
    let methods = requests_offered(&initialized["capabilities"]);
    let parts = client.into_parts();
    let mut child = parts.child.unwrap();
    let pid = child.id().unwrap();
    let writer: Writer = Arc::new(tokio::sync::Mutex::new(parts.writer));
    let seen = Arc::new(Mutex::new(Seen::default()));
    let reader = {
        let (seen, writer, mut reader) = (seen.clone(), writer.clone(), parts.reader);
        tokio::spawn(async move {
            while let Some(msg) = read_frame(&mut reader).await {
                let method = msg["method"].as_str().map(str::to_string);
                match (method, msg.get("id")) {
                    (None, Some(id)) => {
                        let id = id.as_i64().expect("an integer id");
                        let mut seen = seen.lock().unwrap();
                        seen.pending.remove(&id);
                        seen.answers.entry(id).or_default().push(msg);
                    }
                    (Some(m), Some(id)) => {
                        seen.lock().unwrap().server_requests.push(m);
                        let id = id.clone();
                        send(
                            &writer,
                            json!({ "jsonrpc": "2.0", "id": id, "result": null }),
                        )
                        .await;
                    }
                    (Some(m), None) if m == "textDocument/publishDiagnostics" => {
                        let p = &msg["params"];
                        let version = p["version"].as_i64().unwrap_or(-1);
                        let ds = p["diagnostics"].as_array().unwrap().clone();
                        seen.lock()
                            .unwrap()
                            .diagnostics
                            .insert(p["uri"].as_str().unwrap().to_string(), (version, ds));
                    }
                    (Some(m), None) if m == "window/showMessage" => {
                        let text = msg["params"]["message"].as_str().unwrap_or("").to_string();
                        seen.lock().unwrap().shown.push(text);
                    }
                    _ => {}
                }
            }
        })
    };
    let mut s = Session {
        writer,
        seen: seen.clone(),
        next_id: 1_000,
        sent: BTreeMap::new(),
    };

    let mut docs: Vec<Doc> = documents()
        .into_iter()
        .map(|(name, text)| Doc {
            uri: format!("file:///nonexistent-azsr-test/soak/{name}"),
            original_len: text.len(),
            name,
            text,
            version: 1,
        })
        .collect();
    for d in &docs {
        s.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": d.uri, "languageId": "markdown", "version": 1, "text": d.text } }),
        )
        .await;
    }

    let settings = settings_sequence(&catalog);
    // Configuration changes spread over the first 90%; the last (the defaults) well
    // before the end, so the last diagnostics are under it.
    let settings_at: Vec<usize> = (0..settings.len())
        .map(|i| (i + 1) * edits * 9 / 10 / settings.len())
        .collect();
    let quarter = edits / 4;
    let mut rss_first_quarter = 0;
    let mut cancelled = 0;
    // Documents edited in turns of a few keystrokes each, as a person types.
    let mut current = 0;
    for n in 0..edits {
        if rng.chance(6) {
            current = rng.next(docs.len());
        }
        let d = &mut docs[current];
        let count = if rng.chance(8) { 2 + rng.next(3) } else { 1 };
        let mut changes = Vec::new();
        for _ in 0..count {
            let (change, after) = random_change(&mut rng, &d.text, d.original_len);
            changes.push(change);
            d.text = after;
        }
        d.version += 1;
        s.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": d.uri, "version": d.version }, "contentChanges": changes }),
        )
        .await;

        if rng.chance(6) {
            let d = if rng.chance(4) {
                &docs[rng.next(docs.len())]
            } else {
                &docs[current]
            };
            let (method, params) = random_request(&mut rng, &methods, &d.uri, &d.text);
            let expected = (method == "azsr/documentText").then(|| (d.version, d.text.clone()));
            let id = s.request(method, params, expected).await;
            if rng.chance(8) {
                s.cancel(id).await;
                cancelled += 1;
            }
        }
        if let Some(i) = settings_at.iter().position(|&at| at == n) {
            s.notify(
                "workspace/didChangeConfiguration",
                json!({ "settings": settings[i] }),
            )
            .await;
        }
        s.drain_to(IN_FLIGHT).await;
        if n + 1 == quarter {
            s.drain_to(0).await;
            rss_first_quarter = rss_kib(pid);
        }
    }
    s.drain_to(0).await;
    // A last edit to every document, so each gets diagnostics of a known version under
    // the last settings.
    for d in &mut docs {
        let (change, after) = random_change(&mut rng, &d.text, d.original_len);
        d.text = after;
        d.version += 1;
        s.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": d.uri, "version": d.version }, "contentChanges": [change] }),
        )
        .await;
    }

    // Every document's text on the server is the client's.
    for d in &docs {
        let id = s
            .request(
                "azsr/documentText",
                json!({ "textDocument": { "uri": d.uri } }),
                Some((d.version, d.text.clone())),
            )
            .await;
        let _ = id;
    }
    s.drain_to(0).await;
    let rss_last_quarter = rss_kib(pid);
    let server_cpu = cpu_seconds(pid);

    // Exactly one answer to every request; a cancelled one may be either.
    {
        let seen = seen.lock().unwrap();
        let sent_ids: HashSet<i64> = s.sent.keys().copied().collect();
        for id in seen.answers.keys() {
            assert!(sent_ids.contains(id), "an answer to {id}, never asked");
        }
        for (id, sent) in &s.sent {
            let answers = &seen.answers[id];
            assert_eq!(
                answers.len(),
                1,
                "{} answers to {id} ({})",
                answers.len(),
                sent.method
            );
            let a = &answers[0];
            if sent.cancelled {
                assert!(
                    a.get("result").is_some() || a["error"]["code"] == -32800,
                    "cancelled {} {id}: {a}",
                    sent.method
                );
            } else {
                assert!(a.get("error").is_none(), "{} {id}: {a}", sent.method);
            }
            if let (Some((version, text)), Some(result)) = (&sent.expected, a.get("result")) {
                assert_eq!(result["version"], *version, "{id}");
                assert!(
                    result["text"] == text.as_str(),
                    "request {id}: the server's text differs from the client's"
                );
            }
        }
        assert!(
            seen.server_requests.is_empty(),
            "{:?}",
            seen.server_requests
        );
        // The misspelt setting was reported (and only settings problems were shown).
        assert!(
            seen.shown.iter().any(|m| m.contains("support_plan")),
            "{:?}",
            seen.shown
        );
    }

    // The last diagnostics of each document equal `--check` on the client's text.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let behind: Vec<&str> = {
            let seen = seen.lock().unwrap();
            docs.iter()
                .filter(|d| seen.diagnostics.get(&d.uri).map(|x| x.0) != Some(d.version))
                .map(|d| d.name.as_str())
                .collect()
        };
        if behind.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no last diagnostics for {behind:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let dir = scratch.path().join("docs");
    std::fs::create_dir(&dir).unwrap();
    for d in &docs {
        std::fs::write(dir.join(&d.name), &d.text).unwrap();
    }
    let fresh = check_json(&dir);
    let mut differ = Vec::new();
    {
        let seen = seen.lock().unwrap();
        for d in &docs {
            let server = normalized_lsp(&seen.diagnostics[&d.uri].1, &d.text);
            let check = fresh.get(&d.name).cloned().unwrap_or_default();
            if server != check {
                std::fs::write(
                    scratch.path().join("diff.txt"),
                    format!("{server:#?}\n{check:#?}"),
                )
                .ok();
                differ.push((d.name.clone(), server, check));
            }
        }
    }
    if let Some((name, server, check)) = differ.first() {
        let keep = std::env::temp_dir().join("azsr-soak-failure");
        std::fs::create_dir_all(&keep).unwrap();
        for d in &docs {
            std::fs::write(keep.join(&d.name), &d.text).unwrap();
        }
        panic!(
            "{} documents' diagnostics differ from --check (texts kept in {}); first, {name}:\nserver: {server:#?}\ncheck: {check:#?}",
            differ.len(),
            keep.display()
        );
    }

    let requests = s.sent.len();
    tell(&format!(
        "lsp_soak: {edits} edits, {requests} requests ({cancelled} cancelled), {DOCUMENTS} documents in {:.1} s (CPU: server {server_cpu:.1} s, client {:.1} s); VmRSS after the first quarter {rss_first_quarter} KiB, at the end {rss_last_quarter} KiB",
        started.elapsed().as_secs_f64(),
        cpu_seconds(std::process::id()),
    ));
    // Memory: the texts are about as long as at the start, so the heap should be too;
    // a generous bound catches growth with the number of edits or requests.
    assert!(
        rss_last_quarter <= 2 * rss_first_quarter + 64 * 1024,
        "VmRSS grew from {rss_first_quarter} KiB to {rss_last_quarter} KiB"
    );

    // Alive, and a clean exit.
    assert!(child.try_wait().unwrap().is_none(), "the server is alive");
    let id = s.request("shutdown", Value::Null, None).await;
    s.drain_to(0).await;
    assert_eq!(seen.lock().unwrap().answers[&id][0]["result"], Value::Null);
    s.notify("exit", Value::Null).await;
    let status = tokio::time::timeout(Duration::from_secs(30), child.wait())
        .await
        .expect("the server exits")
        .unwrap();
    assert_eq!(status.code(), Some(0));
    reader.await.unwrap();
}

/// One diagnostic as both front ends can say it: code, severity, message, and 1-based
/// line and character columns.
type Plain = (String, String, String, [u64; 4]);

fn severity_name(n: &Value) -> String {
    match n.as_u64() {
        Some(1) => "error",
        Some(2) => "warning",
        Some(3) => "information",
        Some(4) => "hint",
        _ => "?",
    }
    .to_string()
}

/// LSP diagnostics (UTF-16 positions) in `text`, as the CLI counts.
fn normalized_lsp(ds: &[Value], text: &str) -> Vec<Plain> {
    let at = |pos: &Value| {
        let p = position(text, offset(text, pos, ENC), "utf-32");
        [
            p["line"].as_u64().unwrap() + 1,
            p["character"].as_u64().unwrap() + 1,
        ]
    };
    let mut out: Vec<Plain> = ds
        .iter()
        .map(|d| {
            let (s, e) = (at(&d["range"]["start"]), at(&d["range"]["end"]));
            (
                d["code"].as_str().unwrap_or("").to_string(),
                severity_name(&d["severity"]),
                d["message"].as_str().unwrap().to_string(),
                [s[0], s[1], e[0], e[1]],
            )
        })
        .collect();
    out.sort();
    out
}

/// `--check --format json` on every file in `dir`, by file name.
fn check_json(dir: &Path) -> HashMap<String, Vec<Plain>> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_azsr-lsp"))
        .args(["--check", "--format", "json", "."])
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "--check json: {e}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(report["failures"], json!([]), "{report}");
    let mut files = HashMap::new();
    for f in report["files"].as_array().unwrap() {
        let name = f["path"]
            .as_str()
            .unwrap()
            .trim_start_matches("./")
            .to_string();
        let mut ds: Vec<Plain> = f["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let r = &d["range"];
                let n = |v: &Value| v.as_u64().unwrap();
                (
                    d["code"].as_str().unwrap_or("").to_string(),
                    d["severity"].as_str().unwrap().to_string(),
                    d["message"].as_str().unwrap().to_string(),
                    [
                        n(&r["start"]["line"]),
                        n(&r["start"]["column"]),
                        n(&r["end"]["line"]),
                        n(&r["end"]["column"]),
                    ],
                )
            })
            .collect();
        ds.sort();
        files.insert(name, ds);
    }
    files
}
