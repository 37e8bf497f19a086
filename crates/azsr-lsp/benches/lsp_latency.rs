//! Latency of the real server over stdio: didOpen → publishDiagnostics, and one
//! keystroke (didChange) → publishDiagnostics, on a 200-line request and on one with a
//! 5 MB pasted log; median and p99, and the server's peak RSS (VmHWM).
//! Run: `cargo bench -p azsr-lsp --bench lsp_latency`; `AZSR_BENCH_CASE=<name>` runs one
//! case only, `AZSR_BENCH_BIN=<path>` measures another build of the server.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

struct Server {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Server {
    fn start() -> Server {
        // `AZSR_BENCH_BIN` compares another build of the server.
        let bin = std::env::var("AZSR_BENCH_BIN")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_azsr-lsp").to_string());
        let mut child = Command::new(bin)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start azsr-lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Server {
            child,
            stdin,
            stdout,
            next_id: 1,
        }
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn recv(&mut self) -> Value {
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse().unwrap();
            }
        }
        let mut buf = vec![0; len];
        self.stdout.read_exact(&mut buf).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let msg = self.recv();
            if msg.get("id") == Some(&json!(id)) && msg.get("method").is_none() {
                return msg;
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Waits for publishDiagnostics of `uri` at `version` (or any version when None).
    fn wait_diagnostics(&mut self, uri: &str, version: Option<i64>) {
        loop {
            let msg = self.recv();
            if msg.get("method") == Some(&json!("textDocument/publishDiagnostics")) {
                let p = &msg["params"];
                if p["uri"] == json!(uri) && (version.is_none() || p["version"] == json!(version)) {
                    return;
                }
            }
        }
    }

    fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
    }
}

fn request_200_lines() -> String {
    let base = include_str!("../../../examples/vm-rdp.ja.azsr.md").to_string();
    let mut text = base;
    let mut i = 0;
    while text.lines().count() < 200 {
        i += 1;
        text.push_str(&format!("\n### 追加の調査 {i}\nイベント ログに TermService の停止が記録されていました ({i} 回目)。\n- 結果: ポート 3389 は LISTEN していません\n"));
    }
    text
}

/// The request with a log of `bytes` appended, in a code fence or (`fenced` false) as
/// plain lines, which is how logs are often pasted.
fn with_log(mut text: String, bytes: usize, fenced: bool) -> String {
    text.push_str(if fenced {
        "\n## ログ\n```text\n"
    } else {
        "\n## ログ\n\n"
    });
    while text.len() < bytes {
        text.push_str("2026-11-20T05:12:44.123Z INFO  [worker-3] request_id=7d1c2f3a-55e1-4f0e-9a2b-1c3d4e5f6a7b path=/api/orders status=200 duration_ms=41\n");
    }
    if fenced {
        text.push_str("```\n");
    }
    text
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn run_case(name: &str, text: &str, opens: usize, keystrokes: usize) {
    // `AZSR_BENCH_CASE=5mb_log` runs that case alone (all three by default).
    if std::env::var("AZSR_BENCH_CASE").is_ok_and(|c| !c.is_empty() && c != name) {
        return;
    }
    let mut open_times = Vec::new();
    let mut key_times = Vec::new();
    let mut peak = 0;
    for round in 0..opens {
        let mut server = Server::start();
        server.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}),
        );
        server.notify("initialized", json!({}));
        let uri = format!("file:///bench/{name}-{round}.azsr.md");
        let t = Instant::now();
        server.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
        server.wait_diagnostics(&uri, Some(1));
        open_times.push(t.elapsed());
        if round == 0 {
            // Type and delete a character on the line of the `## 頻度` heading.
            let line = text.lines().position(|l| l.starts_with("## 頻度")).unwrap() as u32;
            for k in 0..keystrokes {
                let version = 2 + k as i64;
                let change = if k % 2 == 0 {
                    json!({"range": {"start": {"line": line, "character": 5}, "end": {"line": line, "character": 5}}, "text": "x"})
                } else {
                    json!({"range": {"start": {"line": line, "character": 5}, "end": {"line": line, "character": 6}}, "text": ""})
                };
                let t = Instant::now();
                server.notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
                );
                server.wait_diagnostics(&uri, Some(version));
                key_times.push(t.elapsed());
            }
            peak = server.peak_rss_kib().unwrap_or(0);
        }
        server.request("shutdown", json!(null));
        server.notify("exit", json!(null));
        let _ = server.child.wait();
    }
    open_times.sort();
    key_times.sort();
    println!(
        "{name:>14}: {:>8} bytes | didOpen→diagnostics median {:.2} ms p99 {:.2} ms (n={}) | keystroke→diagnostics median {:.2} ms p99 {:.2} ms (n={}) | peak RSS {:.1} MB",
        text.len(),
        ms(percentile(&open_times, 0.5)),
        ms(percentile(&open_times, 0.99)),
        open_times.len(),
        ms(percentile(&key_times, 0.5)),
        ms(percentile(&key_times, 0.99)),
        key_times.len(),
        peak as f64 / 1024.0
    );
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` would pass nothing: run briefly then.
    let quick = !std::env::args().any(|a| a == "--bench");
    let (opens, keys) = if quick { (2, 10) } else { (20, 400) };
    // `AZSR_BENCH_CASE=5mb_log_plain` runs that case only.
    let only = std::env::var("AZSR_BENCH_CASE").ok();
    let run = |name: &str| only.as_deref().is_none_or(|o| o == name);
    let small = request_200_lines();
    if run("200_lines") {
        run_case("200_lines", &small, opens, keys);
    }
    if run("5mb_log") {
        run_case(
            "5mb_log",
            &with_log(small.clone(), 5_000_000, true),
            opens.min(5),
            keys / 2,
        );
    }
    if run("5mb_log_plain") {
        run_case(
            "5mb_log_plain",
            &with_log(small, 5_000_000, false),
            opens.min(2),
            keys / 20,
        );
    }
}
