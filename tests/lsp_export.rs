//! The editors' exports through the real binary over stdio: the code lenses at the top
//! of a request, and `workspace/executeCommand` returning exactly what
//! `azsr-lsp --export FILE --to …` prints for the same file (compared at test time, so
//! the two stay one export), refusing a draft with errors or secrets without echoing one.

mod lsp_common;

use std::fs;
use std::path::Path;
use std::process::Command;

use lsp_common::Client;
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_azsr-lsp");

fn example(name: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples")
            .join(name),
    )
    .unwrap()
}

/// What `--export` prints for `file`: (exit code, stdout, stderr).
fn cli_export(file: &Path, to: &str) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(["--export", file.to_str().unwrap(), "--to", to])
        .current_dir(file.parent().unwrap())
        .env("LC_ALL", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    (
        out.status.code().unwrap(),
        text(&out.stdout),
        text(&out.stderr),
    )
}

fn file_uri(path: &Path) -> String {
    let path = path.to_str().unwrap();
    assert!(
        path.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-".contains(&b)),
        "a path that needs no percent-encoding: {path}"
    );
    format!("file://{path}")
}

async fn lenses(c: &mut Client, uri: &str) -> Vec<Value> {
    let r = c
        .request(
            "textDocument/codeLens",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    r.as_array().expect("a list of lenses").clone()
}

async fn execute(c: &mut Client, command: &str, arguments: Value) -> Value {
    c.request_raw(
        "workspace/executeCommand",
        json!({ "command": command, "arguments": arguments }),
    )
    .await
}

const EXPORTS: [(&str, &str); 2] = [
    ("azsr.exportAzCli", "az-cli"),
    ("azsr.exportRestJson", "rest-json"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lenses_and_commands_export_what_the_cli_exports() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("azsr.toml"), "").unwrap();
    let clean = [
        (
            "quota-vcpu.en.azsr.md",
            ["Copy az command", "Export request body"],
        ),
        (
            "billing-invoice.ja.azsr.md",
            ["az コマンドをコピー", "リクエスト本文をエクスポート"],
        ),
    ];
    let mut c = Client::binary();
    let init = c.initialize(Some(&["utf-16"]), json!({})).await;
    let caps = &init["capabilities"];
    assert!(caps["codeLensProvider"].is_object(), "{caps}");
    let commands = &caps["executeCommandProvider"]["commands"];
    assert_eq!(
        commands,
        &json!(["azsr.exportAzCli", "azsr.exportRestJson"])
    );

    for (name, titles) in clean {
        let path = dir.path().join(name);
        fs::write(&path, example(name)).unwrap();
        let uri = file_uri(&path);
        c.open(&uri, 1, &example(name)).await;
        let lenses = lenses(&mut c, &uri).await;
        assert_eq!(lenses.len(), 2, "{lenses:?}");
        for (lens, ((command, to), title)) in lenses.iter().zip(EXPORTS.iter().zip(titles)) {
            assert_eq!(lens["range"]["start"], json!({ "line": 0, "character": 0 }));
            assert_eq!(lens["command"]["title"], title, "{name}");
            assert_eq!(lens["command"]["command"], *command);
            assert_eq!(lens["command"]["arguments"], json!([uri]));
            // what a client runs when the lens is clicked
            let answer = execute(&mut c, command, lens["command"]["arguments"].clone()).await;
            let (code, stdout, stderr) = cli_export(&path, to);
            assert_eq!(code, 0, "{name} {to}: {stderr}");
            assert_eq!(answer["result"], json!(stdout), "{name} --to {to}");
        }
        let az = execute(&mut c, "azsr.exportAzCli", json!([uri])).await;
        assert!(
            az["result"].as_str().unwrap().contains("az support"),
            "{az}"
        );
    }

    // The command works on the server's text, not the file: an unsaved edit is exported.
    let name = "quota-vcpu.en.azsr.md";
    let uri = file_uri(&dir.path().join(name));
    let text = example(name);
    let summary = text.lines().find(|l| l.starts_with("summary: ")).unwrap();
    let edited = text.replace(
        summary,
        "summary: Raise the vCPU quota of Dv5 in westus2 to 200",
    );
    c.change(&uri, 2, json!([{ "text": edited }])).await;
    let body = execute(&mut c, "azsr.exportRestJson", json!([uri])).await;
    let body: Value = serde_json::from_str(body["result"].as_str().unwrap()).unwrap();
    assert_eq!(
        body["body"]["properties"]["title"],
        "Raise the vCPU quota of Dv5 in westus2 to 200"
    );

    // No error but no classification ID: the CLI's exit 2, with the same message.
    let name = "aks-upgrade.en.azsr.md";
    let path = dir.path().join(name);
    fs::write(&path, example(name)).unwrap();
    let uri = file_uri(&path);
    c.open(&uri, 1, &example(name)).await;
    assert_eq!(lenses(&mut c, &uri).await.len(), 2);
    let (code, stdout, stderr) = cli_export(&path, "az-cli");
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    let refused = execute(&mut c, "azsr.exportAzCli", json!([uri])).await;
    let shown = format!("{}: ", path.to_str().unwrap());
    let cli_message = stderr.strip_prefix(&shown).unwrap().trim_end();
    assert_eq!(refused["error"]["message"], cli_message, "{refused}");
    assert!(cli_message.contains("problem-classifications list"));

    // Unknown commands, bad arguments, documents not open: errors, not exports.
    let unknown = execute(&mut c, "azsr.exportPdf", json!([uri])).await;
    assert_eq!(unknown["error"]["code"], -32602, "{unknown}");
    let no_uri = execute(&mut c, "azsr.exportAzCli", json!([])).await;
    assert_eq!(no_uri["error"]["code"], -32602, "{no_uri}");
    let closed = file_uri(&dir.path().join("closed.azsr.md"));
    let not_open = execute(&mut c, "azsr.exportAzCli", json!([closed])).await;
    assert_eq!(not_open["error"]["code"], -32602, "{not_open}");

    assert_eq!(c.shutdown().await, 0);
}

/// A draft with errors gets one lens counting them; with a secret, no response (lens,
/// command, diagnostics) holds the secret, and the command is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_block_the_export_and_no_secret_is_echoed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("azsr.toml"), "").unwrap();
    let name = "secrets.en.azsr.md";
    let text = example(&format!("faulty/{name}"));
    let secrets = ["UvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA", "Winter2026!Orders"];
    for s in secrets {
        assert!(text.contains(s), "the example holds {s}");
    }
    let path = dir.path().join(name);
    fs::write(&path, &text).unwrap();
    let uri = file_uri(&path);

    let mut c = Client::binary();
    c.initialize(Some(&["utf-16"]), json!({})).await;
    c.open(&uri, 1, &text).await;
    let diagnostics = c.diagnostics(&uri, 1).await;
    let errors = diagnostics.iter().filter(|d| d["severity"] == 1).count();
    assert!(errors >= 2, "{diagnostics:?}");

    let lenses = lenses(&mut c, &uri).await;
    assert_eq!(lenses.len(), 1, "{lenses:?}");
    let title = lenses[0]["command"]["title"].as_str().unwrap();
    assert_eq!(title, format!("Export blocked by {errors} errors"));
    let mut answers = vec![json!(lenses), json!(diagnostics)];
    for (command, to) in EXPORTS {
        let refused = execute(&mut c, command, json!([uri])).await;
        assert!(refused["result"].is_null(), "{refused}");
        assert_eq!(refused["error"]["message"], title);
        let (code, stdout, _) = cli_export(&path, to);
        assert_eq!((code, stdout.as_str()), (1, ""));
        answers.push(refused);
    }
    answers.extend(c.take_backlog());
    let all = serde_json::to_string(&answers).unwrap();
    for s in secrets {
        assert!(!all.contains(s), "a response echoed a secret");
    }
    assert_eq!(c.shutdown().await, 0);
}
