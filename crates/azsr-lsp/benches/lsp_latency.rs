//! Latency of the real server over stdio: didOpen → publishDiagnostics, and one
//! keystroke (didChange) → publishDiagnostics, on a 200-line request and on one with a
//! 5 MB pasted log; median and p99, and the server's peak RSS (VmHWM).
//!
//! The hostile documents of issues 17 and 18 (`hostile_*`: 100,000 YAML anchors and
//! aliases, 100,000 headings, a 50 MB pasted log, a 10,000-deep YAML mapping, 100,000
//! unknown and 100,000 duplicate front matter keys): didOpen → first diagnostics, the
//! outline and folding ranges, the server's peak RSS, and `--check` on the same file
//! (wall time, and max RSS through `/usr/bin/time -v` where it exists). The bounds they
//! are held to (docs/decisions.md, "Limits on hostile input"): first diagnostics within
//! 2 s, under 300 MB (the log: under 4× its size).
//!
//! Run: `cargo bench -p azsr-lsp --bench lsp_latency`; `AZSR_BENCH_CASE=<name>` runs one
//! case only (`AZSR_BENCH_CASE=hostile` all hostile ones), `AZSR_BENCH_BIN=<path>`
//! measures another build of the server.

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

    /// A server started and initialised (UTF-16 positions).
    fn initialized() -> Server {
        let mut server = Server::start();
        server.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}),
        );
        server.notify("initialized", json!({}));
        server
    }

    fn stop(mut self) {
        self.request("shutdown", json!(null));
        self.notify("exit", json!(null));
        let _ = self.child.wait();
    }

    fn send(&mut self, msg: Value) {
        self.send_raw(&msg.to_string());
    }

    fn send_raw(&mut self, body: &str) {
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

    /// Waits for the first publishDiagnostics of `uri` and returns how many it holds.
    fn first_diagnostics(&mut self, uri: &str) -> usize {
        loop {
            let msg = self.recv();
            if msg.get("method") == Some(&json!("textDocument/publishDiagnostics"))
                && msg["params"]["uri"] == json!(uri)
            {
                return msg["params"]["diagnostics"].as_array().map_or(0, Vec::len);
            }
        }
    }

    /// The CPU time the server has used so far (user + system), from /proc: on a busy
    /// machine the wall time says more about the neighbours than about the server.
    fn cpu_time(&self) -> Option<Duration> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        // Fields after the command name (which may hold spaces) start at `) `.
        let fields: Vec<&str> = stat.rsplit_once(") ")?.1.split(' ').collect();
        let ticks: u64 =
            fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        // USER_HZ is 100 on every Linux this runs on.
        Some(Duration::from_millis(ticks * 10))
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
        let mut server = Server::initialized();
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
        server.stop();
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

/// The request `examples/vm-rdp.ja.azsr.md` with `lines` added at the end of its front
/// matter.
fn with_front_matter(lines: impl Iterator<Item = String>) -> String {
    let base = include_str!("../../../examples/vm-rdp.ja.azsr.md");
    let close = base[4..].find("\n---\n").unwrap() + 5;
    let mut text = base[..close].to_string();
    lines.for_each(|l| text.push_str(&l));
    text.push_str(&base[close..]);
    text
}

/// The hostile documents, by case name.
fn hostile_documents() -> Vec<(&'static str, String)> {
    let n = 100_000;
    let base = include_str!("../../../examples/vm-rdp.ja.azsr.md");
    vec![
        (
            "hostile_anchors",
            with_front_matter(
                (0..n)
                    .map(|i| format!("a{i}: &a{i} value {i}\n"))
                    .chain((0..n).map(|i| format!("b{i}: *a{i}\n"))),
            ),
        ),
        (
            "hostile_headings",
            base.to_string()
                + &(0..n)
                    .map(|i| format!("{} 見出し {i}\n本文\n", "#".repeat(1 + i % 3)))
                    .collect::<String>(),
        ),
        (
            "hostile_50mb_log",
            with_log(base.to_string(), 50_000_000, false),
        ),
        (
            "hostile_deep_mapping",
            with_front_matter(std::iter::once(format!(
                "deep: {}1{}\n",
                "{a: ".repeat(10_000),
                "}".repeat(10_000)
            ))),
        ),
        (
            "hostile_unknown_keys",
            // Every required field missing too: required-field looks for typos among them.
            format!(
                "---\n{}---\n# 問い合わせ\n",
                (0..n)
                    .map(|i| format!("key_{i:06}: v\n"))
                    .collect::<String>()
            ),
        ),
        (
            "hostile_duplicate_keys",
            with_front_matter((0..n).map(|i| format!("severity: B{}\n", i % 10))),
        ),
    ]
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    percentile(&xs, 0.5)
}

/// didOpen → first diagnostics, then the outline and folding ranges, on a fresh server
/// per round; and `--check` on the same text.
fn run_hostile(name: &str, text: &str, rounds: usize) {
    let mut open = Vec::new();
    let mut open_cpu = Vec::new();
    let mut symbols = Vec::new();
    let mut folds = Vec::new();
    let (mut peak, mut symbol_bytes, mut diagnostics) = (0, 0, 0);
    for round in 0..rounds {
        let mut server = Server::initialized();
        let uri = format!("file:///bench/{name}-{round}.azsr.md");
        // Serialised before the clock starts: the driver's own work is not the server's.
        let did_open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}}).to_string();
        let t = Instant::now();
        server.send_raw(&did_open);
        let cpu_before = server.cpu_time().unwrap_or_default();
        diagnostics = server.first_diagnostics(&uri);
        open.push(t.elapsed());
        open_cpu.push(
            server
                .cpu_time()
                .unwrap_or_default()
                .saturating_sub(cpu_before),
        );
        let doc = json!({"textDocument": {"uri": uri}});
        let t = Instant::now();
        let answer = server.request("textDocument/documentSymbol", doc.clone());
        symbols.push(t.elapsed());
        symbol_bytes = answer.to_string().len();
        let t = Instant::now();
        server.request("textDocument/foldingRange", doc);
        folds.push(t.elapsed());
        peak = peak.max(server.peak_rss_kib().unwrap_or(0));
        server.stop();
    }
    let (check, check_cpu, check_rss) = run_check(text, rounds);
    println!(
        "{name:>26}: {:>8} bytes | didOpen→diagnostics median {:.0} ms, CPU {:.0} ms ({diagnostics} diagnostics) | documentSymbol {:.0} ms ({symbol_bytes} bytes) | foldingRange {:.0} ms | server peak RSS {:.1} MB | --check median {:.0} ms, CPU {} ms, max RSS {} (n={rounds})",
        text.len(),
        ms(median(open)),
        ms(median(open_cpu)),
        ms(median(symbols)),
        ms(median(folds)),
        peak as f64 / 1024.0,
        ms(check),
        check_cpu.map_or("n/a".to_string(), |d| format!("{:.0}", ms(d))),
        check_rss.map_or("n/a".to_string(), |kib| format!("{:.1} MB", kib as f64 / 1024.0)),
    );
}

/// `--check --format json` on `text` written to a file: the median wall time, and the
/// median CPU time (user + system) and the largest max RSS (KiB) that `/usr/bin/time -v`
/// reports, when it is installed.
fn run_check(text: &str, rounds: usize) -> (Duration, Option<Duration>, Option<u64>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.azsr.md");
    std::fs::write(&path, text).unwrap();
    let bin = std::env::var("AZSR_BENCH_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_azsr-lsp").to_string());
    let timed = std::path::Path::new("/usr/bin/time").exists();
    let mut times = Vec::new();
    let mut rss = None;
    let mut cpu = Vec::new();
    for _ in 0..rounds {
        let mut cmd = if timed {
            let mut c = Command::new("/usr/bin/time");
            c.arg("-v").arg(&bin);
            c
        } else {
            Command::new(&bin)
        };
        cmd.args(["--check", "--format", "json"]).arg(&path);
        let t = Instant::now();
        let out = cmd.output().unwrap();
        times.push(t.elapsed());
        let stderr = String::from_utf8_lossy(&out.stderr);
        let max = stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
            .and_then(|v| v.trim().parse::<u64>().ok());
        rss = rss.max(max);
        let seconds = |label: &str| {
            stderr
                .lines()
                .find_map(|l| l.trim().strip_prefix(label))
                .and_then(|v| v.trim().parse::<f64>().ok())
        };
        if let (Some(user), Some(system)) = (
            seconds("User time (seconds):"),
            seconds("System time (seconds):"),
        ) {
            cpu.push(Duration::from_secs_f64(user + system));
        }
    }
    let cpu = (!cpu.is_empty()).then(|| median(cpu));
    (median(times), cpu, rss)
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
    let hostile_rounds = if quick { 1 } else { 5 };
    for (name, text) in hostile_documents() {
        if only.as_deref().is_none_or(|o| name.starts_with(o)) {
            run_hostile(name, &text, hostile_rounds);
        }
    }
}
