//! Hostile and careless input through the real binary (issues 17 and 18): names that
//! stand for no regular file, front matters built to be slow, lying frames; each is
//! refused or bounded quickly, and the server goes on answering.
#![cfg(unix)]

mod lsp_common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use lsp_common::Client;
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_azsr-lsp");

/// Runs `azsr-lsp args` in `dir` under `LANG=lang`, killing it after `limit`; returns
/// its output and how long it took (`None` when it had to be killed).
fn run_bounded(
    dir: &Path,
    args: &[&str],
    lang: &str,
    limit: Duration,
) -> Option<(Output, Duration)> {
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    while started.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            let out = child.wait_with_output().unwrap();
            return Some((out, started.elapsed()));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// Runs `--check` as [`run_bounded`] does and asserts it was refused within a second
/// with exit status 2; returns everything it printed.
fn refused_quickly(dir: &Path, args: &[&str], lang: &str) -> String {
    let (out, took) = run_bounded(dir, args, lang, Duration::from_secs(10))
        .unwrap_or_else(|| panic!("{args:?} did not end"));
    assert!(took < Duration::from_secs(1), "{args:?}: {took:?}");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn check_refuses_what_is_not_a_regular_file_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.azsr.md")).unwrap();
    let mut names = vec!["zero.azsr.md", "/dev/null"];
    if mkfifo(&dir.path().join("pipe.azsr.md")) {
        names.push("pipe.azsr.md");
    }
    for name in names {
        for (lang, expected) in [
            ("C", "not a regular file"),
            ("ja_JP.UTF-8", "通常のファイルではなく"),
        ] {
            let printed = refused_quickly(dir.path(), &["--check", name], lang);
            assert!(printed.contains(expected), "{name} {lang}: {printed}");
        }
    }
}

#[test]
fn check_refuses_a_catalog_that_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.azsr.md"), "# Title\n").unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).unwrap();
    let mut catalogs = vec!["zero.json"];
    if mkfifo(&dir.path().join("pipe.json")) {
        catalogs.push("pipe.json");
    }
    for catalog in catalogs {
        std::fs::write(
            dir.path().join("azsr.toml"),
            format!("[catalog]\nservices = \"{catalog}\"\n"),
        )
        .unwrap();
        let printed = refused_quickly(dir.path(), &["--check", "a.azsr.md"], "C");
        assert!(
            printed.contains(catalog) && printed.contains("not a regular file"),
            "{printed}"
        );
    }
}

fn hover(uri: &str) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 2 } })
}

/// A catalog named in the editor's settings that is a FIFO is reported, and neither the
/// document nor any other waits for it: the server answers the next request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_refuses_a_fifo_catalog_and_keeps_answering() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("services.json");
    if !mkfifo(&fifo) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let doc = dir.path().join("a.azsr.md");
    let uri = format!("file://{}", doc.display());
    let other = format!("file://{}", dir.path().join("b.azsr.md").display());
    let mut c = Client::binary();
    c.initialize(
        None,
        json!({ "initializationOptions": { "catalog": { "services": fifo.display().to_string() } } }),
    )
    .await;
    let started = Instant::now();
    c.open(&uri, 1, "# Title\n").await;
    let shown = c.wait_for(|m| m["method"] == "window/showMessage").await;
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("services.json") && message.contains("not a regular file"),
        "{message}"
    );
    // The document is still analysed (with the bundled catalog) and answered.
    c.diagnostics(&uri, 1).await;
    c.request("textDocument/hover", hover(&uri)).await;
    c.open(&other, 1, "# Other\n").await;
    c.request("textDocument/hover", hover(&other)).await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(c.shutdown().await, 0);
}

/// 100,000 keys in one mapping: the duplicate-key check is linear (it compared each key
/// with all earlier ones: over a minute here, 51 s in a release build). The bound is
/// generous for a debug build on a busy machine; the benchmark
/// (`cargo bench -p azsr-core --bench analyze -- front_matter`) measures the speed.
#[test]
fn a_front_matter_of_100000_keys_is_checked_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("---\nsummary: x\nnotes:\n");
    for i in 0..100_000 {
        text.push_str(&format!("  key_{i:06}: v\n"));
    }
    text.push_str("  key_000007: again\n---\n# Title\n");
    std::fs::write(dir.path().join("keys.azsr.md"), &text).unwrap();
    let (out, took) = run_bounded(
        dir.path(),
        &["--check", "--format", "json", "keys.azsr.md"],
        "C",
        Duration::from_secs(60),
    )
    .expect("--check ended within a minute");
    assert!(took < Duration::from_secs(30), "{took:?}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let twice: Vec<&Value> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "frontmatter-syntax")
        .collect();
    assert_eq!(twice.len(), 1, "{twice:?}");
    let message = twice[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`key_000007` is given twice (first on line 11)"),
        "{message}"
    );
}

/// A server process with its stderr kept.
fn server_with_stderr() -> Client {
    let child = tokio::process::Command::new(BIN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the azsr-lsp binary starts");
    Client::from_child(child)
}

/// Every change below has positions past the end (clamped): stderr holds the first few
/// in full and then counts, not one line per clamp (50,000 changes logged 5.2 MB).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clamped_positions_log_a_bounded_stderr() {
    let mut c = server_with_stderr();
    let mut stderr = c.child.as_mut().unwrap().stderr.take().unwrap();
    let collected = tokio::spawn(async move {
        let mut all = Vec::new();
        tokio::io::AsyncReadExt::read_to_end(&mut stderr, &mut all)
            .await
            .unwrap();
        all
    });
    c.initialize(None, json!({})).await;
    let uri = lsp_common::uri("clamped.azsr.md");
    c.open(&uri, 1, "# T\n").await;
    let changes = 5_000;
    for v in 0..changes {
        let far = json!({ "line": 999, "character": 999 });
        c.change(
            &uri,
            2 + v,
            json!([{ "range": { "start": far, "end": far }, "text": "x" }]),
        )
        .await;
    }
    let (version, text) = c.document_text(&uri).await;
    assert_eq!(version, 1 + changes);
    assert_eq!(text, format!("# T\n{}", "x".repeat(changes as usize)));
    assert_eq!(c.shutdown().await, 0);
    let stderr = String::from_utf8(collected.await.unwrap()).unwrap();
    let clamp_lines = stderr.lines().filter(|l| l.contains("clamped")).count();
    // 2 clamps per change: 20 in full, then counts at 100, 1,000 and 10,000.
    assert!(clamp_lines <= 25, "{clamp_lines} lines:\n{stderr}");
    assert!(stderr.contains("10000 positions clamped"), "{stderr}");
    assert!(stderr.len() < 4096, "{} bytes", stderr.len());
}

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn hover_request(id: i64, uri: &str) -> String {
    json!({ "jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": hover(uri) })
        .to_string()
}

/// Lying lengths, a doubled header block and garbage: each bad frame is answered with an
/// error, the next valid request is answered, and `exit` ends the process.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn framing_resynchronises_after_bad_frames() {
    let mut c = Client::binary();
    c.initialize(None, json!({})).await;
    let uri = lsp_common::uri("framing.azsr.md");
    c.open(&uri, 1, "# Title\n").await;

    // A Content-Length shorter than the body, the next message right behind it.
    let cut = hover_request(100, &uri);
    let mut bytes = format!("Content-Length: 20\r\n\r\n{cut}").into_bytes();
    bytes.extend(frame(&hover_request(101, &uri)));
    c.send_raw(&bytes).await;
    let r = c.wait_for(|m| m["id"] == 100).await;
    assert_eq!(r["error"]["code"], -32700, "{r}");
    let r = c.wait_for(|m| m["id"] == 101).await;
    assert!(r.get("error").is_none(), "{r}");

    // The header block twice.
    let body = hover_request(102, &uri);
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    c.send_raw(format!("{header}{header}{body}").as_bytes())
        .await;
    let r = c.wait_for(|m| m["id"] == 102).await;
    assert!(r.get("error").is_none(), "{r}");

    // A Content-Length longer than the body: the next message completes it, and both
    // are answered.
    let body = hover_request(103, &uri);
    let mut bytes = format!("Content-Length: {}\r\n\r\n{body}", body.len() + 30).into_bytes();
    bytes.extend(frame(&hover_request(104, &uri)));
    bytes.extend(frame(&hover_request(105, &uri)));
    c.send_raw(&bytes).await;
    for id in [103, 104, 105] {
        let r = c.wait_for(|m| m["id"] == id).await;
        assert!(r.get("error").is_none(), "{id}: {r}");
    }

    // Garbage without a line break, then shutdown and exit: status 0.
    c.send_raw(b"\x00\xffgarbage{{{").await;
    assert_eq!(c.shutdown().await, 0);
}

/// `exit` right after garbage, without shutdown: the process ends with status 1.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_after_garbage_ends_the_process() {
    let mut c = Client::binary();
    c.initialize(None, json!({})).await;
    let mut bytes = b"Content-Length: 5\r\n\r\n{\"jsonrpc\"".to_vec();
    bytes.extend(frame(r#"{"jsonrpc":"2.0","method":"exit"}"#));
    c.send_raw(&bytes).await;
    let child = c.child.as_mut().unwrap();
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("exit ended the process")
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

/// The outline and the folding ranges of a document with 2,500 headings are bounded,
/// and the outline says how many headings it leaves out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outline_and_folding_are_bounded() {
    let mut c = Client::binary();
    c.initialize(None, json!({ "locale": "en" })).await;
    let uri = lsp_common::uri("headings.azsr.md");
    let text: String = (0..2_500).map(|i| format!("# H{i}\nx\n")).collect();
    c.open(&uri, 1, &text).await;
    let doc = json!({ "textDocument": { "uri": uri } });
    let symbols = c.request("textDocument/documentSymbol", doc.clone()).await;
    let symbols = symbols.as_array().unwrap();
    assert_eq!(symbols.len(), 2_001);
    assert_eq!(symbols[1_999]["name"], "H1999");
    assert_eq!(
        symbols[2_000]["name"],
        "500 more headings not shown (at most 2000)"
    );
    let folds = c.request("textDocument/foldingRange", doc).await;
    assert_eq!(folds.as_array().unwrap().len(), 2_000);
    assert_eq!(c.shutdown().await, 0);
}
