//! Latency benchmark over the real binary's stdio: didOpen → publishDiagnostics and
//! single-keystroke didChange → publishDiagnostics, on a 200-line request and on one
//! with a 5 MB pasted log; median, p99 and the server's peak RSS.
//!
//! Meaningful in release only:
//! `cargo test --release -p azsr-lsp --test lsp_latency -- --ignored --nocapture`
//! (the targets of issue 5 are asserted in release builds; debug builds only report).

mod lsp_common;

use std::time::{Duration, Instant};

use lsp_common::{uri, Client};
use serde_json::json;

fn request_200_lines() -> String {
    let mut s = String::from(
        "---\nissue_type: technical\nsubscription: 00000000-0000-0000-0000-000000000000\nservice: Virtual Machine running Windows\nresource: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\nsummary: VM に RDP 接続できない\nstarted: 2024-05-01T09:00:00+09:00\nseverity: B\nsupport_plan: standard\ncontact_method: email\nsupport_language: ja-jp\nadvanced_diagnostics: true\ncontact:\n  first_name: 太郎\n  last_name: 山田\n  email: taro@example.com\n---\n\n## 目的\n\n",
    );
    let sections = [
        "問題",
        "再現手順",
        "発生頻度",
        "変更点",
        "エラー メッセージ",
        "試したこと",
        "環境",
    ];
    let mut line = 0;
    while s.lines().count() < 200 {
        let section = sections[line % sections.len()];
        s.push_str(&format!("\n## {section}\n\n"));
        for i in 0..8 {
            s.push_str(&format!("- {i}: 本番環境の VM vm-prod-0{i} で接続がタイムアウトしました (error 0x{i:04x})。\n"));
        }
        line += 1;
    }
    s
}

fn with_log(base: &str, bytes: usize) -> String {
    let mut log = String::with_capacity(bytes + 200);
    let mut i = 0u64;
    while log.len() < bytes {
        log.push_str(&format!(
            "2024-05-01T09:{:02}:{:02}.{:03}Z [INFO] worker-{} request id={} status=200 elapsed={}ms 処理完了\n",
            (i / 60) % 60, i % 60, i % 1000, i % 8, i, i % 997
        ));
        i += 1;
    }
    format!("{base}\n## ログ\n\n```text\n{log}```\n")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

struct Figures {
    open: Duration,
    median: Duration,
    p99: Duration,
    rss_kb: Option<u64>,
}

async fn measure(text: &str, keystrokes: usize) -> Figures {
    let mut c = Client::binary();
    let pid = c.child.as_ref().unwrap().id().unwrap();
    c.initialize(Some(&["utf-16"]), json!({})).await;
    let u = uri("bench.azsr.md");
    let t = Instant::now();
    c.open(&u, 1, text).await;
    c.diagnostics(&u, 1).await;
    let open = t.elapsed();
    // Type at the end of the first prose line of the goal section.
    let line = text.lines().position(|l| l == "## 目的").unwrap() as u32 + 2;
    let mut samples = Vec::with_capacity(keystrokes);
    for k in 0..keystrokes {
        let version = 2 + k as i64;
        let change = json!([{ "range": { "start": { "line": line, "character": k }, "end": { "line": line, "character": k } }, "text": "a" }]);
        let t = Instant::now();
        c.change(&u, version, change).await;
        c.diagnostics(&u, version).await;
        samples.push(t.elapsed());
    }
    let rss_kb = peak_rss_kb(pid);
    samples.sort();
    let figures = Figures {
        open,
        median: percentile(&samples, 0.5),
        p99: percentile(&samples, 0.99),
        rss_kb,
    };
    assert_eq!(c.shutdown().await, 0);
    figures
}

fn report(name: &str, f: &Figures) {
    println!(
        "{name}: didOpen→diagnostics {:.2} ms; keystroke→diagnostics median {:.2} ms, p99 {:.2} ms; peak RSS {} MB",
        f.open.as_secs_f64() * 1e3,
        f.median.as_secs_f64() * 1e3,
        f.p99.as_secs_f64() * 1e3,
        f.rss_kb.map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run in release with --ignored --nocapture"]
async fn latency() {
    let small = request_200_lines();
    let f = measure(&small, 200).await;
    report("200-line request", &f);
    let big = with_log(&small, 5 << 20);
    let g = measure(&big, 100).await;
    report("with a 5 MB log", &g);
    if !cfg!(debug_assertions) {
        assert!(f.median < Duration::from_millis(2), "keystroke median");
        assert!(f.p99 < Duration::from_millis(10), "keystroke p99");
        assert!(f.open < Duration::from_millis(50), "first diagnostics");
        assert!(
            g.p99 < Duration::from_millis(30),
            "keystroke p99 with the log"
        );
        assert!(
            g.rss_kb.is_some_and(|k| k < 60 * 1024),
            "peak RSS with the log"
        );
    }
}
