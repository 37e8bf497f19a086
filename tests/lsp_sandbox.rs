//! The language server never writes a file, never opens a socket, never starts a process,
//! and never logs a document's text — checked on the real binary over a whole session.
//!
//! File and network system calls are recorded with `strace -f -e trace=%file,%network`
//! (Linux; CI installs strace). Where strace is missing or cannot trace (no ptrace in the
//! container), the system-call part says so on stdout and is skipped; the log part runs
//! everywhere.
//!
//! The server has no log level: everything it logs goes to stderr unconditionally (the
//! framework's `tracing` events go nowhere: no subscriber is installed), so the session
//! runs with `RUST_LOG=trace` and `RUST_BACKTRACE=full` in case that ever changes, and
//! provokes every kind of log line a client can cause: clamped positions, a change to a
//! document that is not open, malformed params that carry the text, a body that is not
//! JSON, settings that are wrong and a catalog that is missing.

mod lsp_common;

use std::path::Path;
use std::process::Stdio;

use lsp_common::{tell, Client};
use serde_json::{json, Value};
use tokio::io::AsyncReadExt;

/// A sentence nobody else writes, and a secret in a format the scanner knows.
const SENTENCE: &str = "The quokka ledger reconciles at moonrise on Tuesdays";
const SENTENCE_JA: &str = "月の出にクオッカの台帳を照合します";
const SECRET: &str =
    "AccountKey=Zm9vYmFyYmF6cXV4cXV1eHNhbXBsZXNlY3JldGtleWZvcnRlc3Rz0123456789abcdefABCDEF==";

fn document() -> String {
    format!(
        "---\nissue_type: technical\nservice: Virtual Machines\nsummary: {SENTENCE}\nseverity: B\n---\n\
         ## 問題\n{SENTENCE_JA}。\n\n接続文字列: DefaultEndpointsProtocol=https;AccountName=quokkaledger;{SECRET}\n\n\
         ## Steps\n- {SENTENCE}.\n"
    )
}

/// The strace command line, when strace is on PATH and can trace here.
fn strace() -> Option<&'static str> {
    let works = std::process::Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=%file", "-o", "/dev/null", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    works.then_some("strace")
}

/// Runs one session; returns the server's stderr. With `log`, under strace writing there.
async fn session(dir: &Path, log: Option<&Path>) -> String {
    let bin = env!("CARGO_BIN_EXE_azsr-lsp");
    let mut cmd = match log {
        Some(log) => {
            let mut c = tokio::process::Command::new("strace");
            c.args(["-f", "-qq", "-e", "trace=%file,%network", "-o"])
                .arg(log)
                .arg(bin);
            c
        }
        None => tokio::process::Command::new(bin),
    };
    let mut child = cmd
        .current_dir(dir)
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "full")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the server starts");
    let mut stderr = child.stderr.take().unwrap();
    let stderr = tokio::spawn(async move {
        let mut out = Vec::new();
        stderr.read_to_end(&mut out).await.unwrap();
        String::from_utf8_lossy(&out).into_owned()
    });
    let mut c = Client::from_child(child);

    let folder = dir.join("requests");
    let catalog = dir.join("catalog/services.json");
    let uri = format!("file://{}/quokka.azsr.md", folder.display());
    let text = document();
    c.initialize(
        Some(&["utf-16"]),
        json!({ "locale": "ja", "initializationOptions": { "azsr": { "support_plan": "standard" } } }),
    )
    .await;
    c.open(&uri, 1, &text).await;
    let ds = c.diagnostics(&uri, 1).await;
    assert!(
        ds.iter().any(|d| d["code"] == "sensitive-data"),
        "the secret is found: {ds:?}"
    );
    // Edits, one typing the sentence again, one far out of range (clamped, logged).
    c.change(&uri, 2, json!([{ "range": { "start": { "line": 7, "character": 0 }, "end": { "line": 7, "character": 0 } }, "text": format!("{SENTENCE}\r\n") }]))
        .await;
    c.change(&uri, 3, json!([{ "range": { "start": { "line": 900, "character": 9 }, "end": { "line": 901, "character": 0 } }, "text": format!("\n{SECRET}\n") }]))
        .await;
    let doc = json!({ "uri": uri });
    let at = |line: u32, character: u32| json!({ "line": line, "character": character });
    let whole = json!({ "start": at(0, 0), "end": at(99, 0) });
    for (method, params) in [
        (
            "textDocument/hover",
            json!({ "textDocument": doc, "position": at(2, 10) }),
        ),
        (
            "textDocument/completion",
            json!({ "textDocument": doc, "position": at(2, 9) }),
        ),
        (
            "textDocument/codeAction",
            json!({ "textDocument": doc, "range": whole, "context": { "diagnostics": [] } }),
        ),
        (
            "textDocument/documentSymbol",
            json!({ "textDocument": doc }),
        ),
        (
            "textDocument/inlayHint",
            json!({ "textDocument": doc, "range": whole }),
        ),
        ("textDocument/foldingRange", json!({ "textDocument": doc })),
        // A position past the end: clamped, and logged.
        (
            "textDocument/hover",
            json!({ "textDocument": doc, "position": at(500, 70) }),
        ),
    ] {
        let r = c.request_raw(method, params).await;
        assert!(r.get("result").is_some(), "{method}: {r}");
    }
    // Settings: a catalog that exists, one that does not, keys that are wrong; each
    // re-checks the document, which reads the catalog then.
    c.diagnostics(&uri, 3).await;
    for settings in [
        json!({ "azsr": { "catalog": { "services": catalog.display().to_string() } } }),
        json!({ "catalog": { "services": dir.join("missing/services.json").display().to_string() } }),
        json!({ "suport_plan": "basic" }),
    ] {
        c.notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": settings }),
        )
        .await;
        c.take_backlog();
        c.diagnostics(&uri, 3).await;
    }
    // What a careless client sends with the text in it: a change to a document that is
    // not open, an open without a version, a body that is not JSON, one that is not JSON-RPC.
    let other = format!("file://{}/closed.azsr.md", folder.display());
    c.change(&other, 2, json!([{ "text": text }])).await;
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": other, "languageId": "markdown", "text": text } }),
    )
    .await;
    let garbage = format!("{{\"text\": \"{SENTENCE} {SECRET}");
    c.send_raw(format!("Content-Length: {}\r\n\r\n{garbage}", garbage.len()).as_bytes())
        .await;
    c.send(json!({ "text": text, "id": 77 })).await;
    c.wait_for(|m| m["id"] == 77).await;
    let (version, server_text) = c.document_text(&uri).await;
    assert_eq!(version, 3);
    assert!(server_text.contains(SECRET));
    assert_eq!(c.shutdown().await, 0);
    stderr.await.unwrap()
}

/// A scratch folder with a request folder, an azsr.toml and a catalog (read, never written).
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("requests")).unwrap();
    std::fs::create_dir_all(dir.path().join("catalog")).unwrap();
    std::fs::write(
        dir.path().join("azsr.toml"),
        "support_plan = \"professional_direct\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("catalog/services.json"),
        r#"[{"name": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f1", "displayName": "Contoso Widget Fabric", "resourceTypes": []}]"#,
    )
    .unwrap();
    dir
}

/// Nothing of the document in what the server logged, at its most verbose.
fn assert_no_document_text(stderr: &str) {
    assert!(
        !stderr.contains(SECRET),
        "the secret is in the server's log"
    );
    assert!(
        !stderr.contains("Zm9vYmFyYmF6"),
        "part of the secret is in the server's log"
    );
    for planted in [
        SENTENCE,
        SENTENCE_JA,
        "quokkaledger",
        "クオッカ",
        "quokka ledger",
    ] {
        assert!(
            !stderr.contains(planted),
            "the document's text ({planted:?}) is in the server's log:\n{stderr}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_log_never_contains_the_documents_text() {
    let dir = scratch();
    let stderr = session(dir.path(), None).await;
    // The session did provoke logging (so the test can fail): clamping and settings.
    assert!(stderr.contains("clamped"), "{stderr}");
    assert!(stderr.contains("not open"), "{stderr}");
    assert_no_document_text(&stderr);
}

/// One system call from an strace line: (name, arguments, the whole line).
fn calls(log: &str) -> Vec<(String, String, String)> {
    log.lines()
        .filter_map(|line| {
            // `PID name(args) = result`, `PID name(args <unfinished ...>`, or
            // `PID <... name resumed>args) = result` (its arguments were on the first).
            let rest = line.split_once(' ')?.1.trim_start();
            if rest.starts_with("<...") || rest.starts_with("+++") || rest.starts_with("---") {
                return None;
            }
            let (name, args) = rest.split_once('(')?;
            Some((name.to_string(), args.to_string(), line.to_string()))
        })
        .collect()
}

/// Flags of an open that write or create.
const WRITING: &[&str] = &[
    "O_WRONLY",
    "O_RDWR",
    "O_CREAT",
    "O_TRUNC",
    "O_APPEND",
    "O_TMPFILE",
];

/// %file calls that change the file system whatever their arguments.
const CHANGING: &[&str] = &[
    "creat",
    "mkdir",
    "mkdirat",
    "mknod",
    "mknodat",
    "unlink",
    "unlinkat",
    "rmdir",
    "rename",
    "renameat",
    "renameat2",
    "link",
    "linkat",
    "symlink",
    "symlinkat",
    "truncate",
    "chmod",
    "fchmodat",
    "fchmodat2",
    "chown",
    "lchown",
    "fchownat",
    "utime",
    "utimes",
    "utimensat",
    "futimesat",
    "setxattr",
    "lsetxattr",
    "removexattr",
    "lremovexattr",
    "mount",
    "umount2",
    "swapon",
    "swapoff",
    "chroot",
    "pivot_root",
    "acct",
    "quotactl",
    "inotify_add_watch",
    "fanotify_mark",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_never_writes_files_opens_sockets_or_starts_processes() {
    if strace().is_none() {
        tell("lsp_sandbox: SKIPPED the system-call check: strace is not on PATH or cannot trace here (apt-get install strace)");
        return;
    }
    let dir = scratch();
    let log = dir.path().join("strace.log");
    let stderr = session(dir.path(), Some(&log)).await;
    assert_no_document_text(&stderr);
    let log = std::fs::read_to_string(&log).unwrap();
    let calls = calls(&log);
    let bin = env!("CARGO_BIN_EXE_azsr-lsp");

    // The process image is the server, started once: no other program is run.
    let execs: Vec<&(String, String, String)> =
        calls.iter().filter(|c| c.0.starts_with("execve")).collect();
    assert_eq!(execs.len(), 1, "{execs:#?}");
    assert!(execs[0].1.starts_with(&format!("\"{bin}\"")), "{execs:#?}");

    let mut opened = Vec::new();
    let mut self_pipes = 0;
    for (name, args, line) in &calls {
        // The one exception: tokio's signal driver makes an unnamed, unconnected
        // AF_UNIX pair in the process (its self-pipe; nothing outside can reach it). The
        // shipped binary has no such driver, but the one `cargo test` builds has: Cargo
        // unifies the tests' tokio features (`process`, hence `signal`) into it.
        if name == "socketpair" && args.starts_with("AF_UNIX,") {
            self_pipes += 1;
            continue;
        }
        // No other socket of any kind (the runtime wakes its threads with an eventfd
        // and epoll, which are neither %file nor %network calls).
        assert!(
            !matches!(
                name.as_str(),
                "socket"
                    | "socketpair"
                    | "connect"
                    | "bind"
                    | "listen"
                    | "accept"
                    | "accept4"
                    | "sendto"
                    | "sendmsg"
                    | "sendmmsg"
                    | "recvfrom"
                    | "recvmsg"
                    | "recvmmsg"
                    | "getsockopt"
                    | "setsockopt"
                    | "getsockname"
                    | "getpeername"
                    | "shutdown"
            ),
            "a network call: {line}"
        );
        assert!(
            !CHANGING.contains(&name.as_str()),
            "changes the file system: {line}"
        );
        if matches!(name.as_str(), "open" | "openat" | "openat2") {
            let path = args.split('"').nth(1).unwrap_or("");
            // Writing to /dev/null is writing nowhere (none is expected today).
            let writes = WRITING.iter().any(|f| args.contains(f));
            assert!(!writes || path == "/dev/null", "opens for writing: {line}");
            if !line.contains("= -1") {
                opened.push(path.to_string());
            }
        }
    }
    assert!(self_pipes <= 1, "{self_pipes} socket pairs");
    tell(&format!(
        "lsp_sandbox: {} file and network calls traced, {} files opened (read-only), {self_pipes} runtime self-pipe",
        calls.len(),
        opened.len()
    ));
    if std::env::var_os("AZSR_SANDBOX_SHOW").is_some() {
        println!("{opened:#?}\n{stderr}");
    }
    // The trace saw the session (so the test can fail): the catalog and azsr.toml were read.
    let dir_s = dir.path().display().to_string();
    assert!(
        opened
            .iter()
            .any(|p| p.starts_with(&dir_s) && p.ends_with("services.json")),
        "{opened:#?}"
    );
    assert!(
        opened
            .iter()
            .any(|p| p.starts_with(&dir_s) && p.ends_with("azsr.toml")),
        "{opened:#?}"
    );
}

#[test]
fn strace_lines_are_read_with_their_call_names() {
    let log = "12 openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3\n\
               13 openat(AT_FDCWD, \"/tmp/x\", O_WRONLY|O_CREAT <unfinished ...>\n\
               13 <... openat resumed>) = 4\n\
               13 +++ exited with 0 +++\n\
               14 socket(AF_UNIX, SOCK_STREAM, 0) = 5\n";
    let names: Vec<(String, Value)> = calls(log)
        .into_iter()
        .map(|(n, a, _)| (n, json!(WRITING.iter().any(|f| a.contains(f)))))
        .collect();
    assert_eq!(
        names,
        vec![
            ("openat".to_string(), json!(false)),
            ("openat".to_string(), json!(true)),
            ("socket".to_string(), json!(false)),
        ]
    );
}
