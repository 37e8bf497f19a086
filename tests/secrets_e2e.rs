//! End to end: planted secrets never leave the process. Requests holding generated
//! secrets of every kind (valid checksums where the format has one; front matter and
//! body; prose, tables and code blocks; Japanese and English) go through the real binary
//! with every `--format`, and through the language server over stdio with logging as
//! verbose as it goes. No planted secret's text, nor any 8-character piece of it, may
//! appear in stdout, stderr or any message the server sends, while every secret is still
//! reported by `sensitive-data`. Neither may a piece of a secret that a rule quotes cut
//! short, nor of one that no detector reports (issues 12 and 18); and a file name cannot
//! print a line that GitHub Actions would run.

#[path = "../crates/azsr-core/tests/fake_secrets/mod.rs"]
mod fake_secrets;
// heldout3's generators (not declared in `fake_secrets/mod.rs`; unknown names fall back
// to heldout2's).
#[path = "../crates/azsr-core/tests/fake_secrets/heldout3.rs"]
mod heldout3;
mod lsp_common;
mod output_text;

use std::process::{Command, Output, Stdio};

use azsr_core::secrets::checksum::{base32_encode, base64_encode, crc32, github_checksum};
use fake_secrets::{b64url, identifiable, luhn_complete, Rng, ALNUM, B64};
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_azsr-lsp");

/// A planted secret: its text in the document, and the pieces that must never leak
/// (for a PEM block, its base64 lines: the `BEGIN` line is a public label).
struct Planted {
    kind: &'static str,
    text: String,
    material: Vec<String>,
}

fn plant(kind: &'static str, text: String) -> Planted {
    Planted {
        kind,
        material: vec![text.clone()],
        text,
    }
}

struct Secrets {
    all: Vec<Planted>,
}

impl Secrets {
    fn add(&mut self, kind: &'static str, text: String) -> String {
        self.all.push(plant(kind, text.clone()));
        text
    }
    fn add_pem(&mut self, kind: &'static str, label: &str, nl: &str, r: &mut Rng) -> String {
        let lines: Vec<String> = (0..8).map(|_| r.from(B64, 64)).collect();
        let text = format!(
            "-----BEGIN {label}-----{nl}{}{nl}-----END {label}-----",
            lines.join(nl)
        );
        self.all.push(Planted {
            kind,
            text: text.clone(),
            material: lines,
        });
        text
    }
}

/// A request in Japanese and one in English, each holding secrets of every kind.
fn requests(seed: u64) -> (Vec<(String, String)>, Secrets) {
    let mut r = Rng(seed);
    let mut s = Secrets { all: Vec::new() };

    // Japanese request.
    let fm_pw = s.add("password-fm", format!("Hn{}Lx!Qz", r.from(ALNUM, 6)));
    let storage = s.add("storage-key", identifiable(&mut r, "+ASt", 76, 60));
    let entra = s.add(
        "entra-secret",
        format!(
            "{}8Q~{}",
            r.from(ALNUM, 3),
            r.from(&(ALNUM.to_string() + "_~.-"), 34)
        ),
    );
    let ja_pw = s.add(
        "password-prose-ja",
        format!("Sakura{}#Mori", r.below(9000) + 10),
    );
    let table_pw = s.add("password-table", format!("Kx{}$Tbl9", r.from(ALNUM, 6)));
    let sig = s.add(
        "sas-sig",
        base64_encode(&r.bytes(32))
            .replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D"),
    );
    let ado = s.add("ado-pat", {
        loop {
            let mut b = r.bytes(28);
            b.extend(crc32(&b).to_le_bytes());
            let p = base32_encode(&b);
            if p.bytes().any(|c| c.is_ascii_digit()) {
                break p;
            }
        }
    });
    let card = s.add("payment-card", {
        let c = luhn_complete(&mut r, "4", 16);
        format!("{} {} {} {}", &c[..4], &c[4..8], &c[8..12], &c[12..])
    });
    let sb = s.add("servicebus-key", identifiable(&mut r, "+ASb", 33, 28));
    let pem_ja = s.add_pem("private-key", "RSA PRIVATE KEY", "\n", &mut r);
    let pair_pw = s.add(
        "password-pair",
        format!("Pa{}!{}", r.below(9000) + 10, r.from(ALNUM, 4)),
    );
    let label_pw = s.add(
        "password-label-word",
        r.from("abcdefghijkmnpqrstuvwxyz", 12),
    );
    let ja = format!(
        r#"---
issue_type: technical
subscription: 0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d
service: Virtual Machines
summary: "VM に SSH できない (初期パスワードは {fm_pw} です)"
problem_type: Cannot connect to my VM
started: 2026-11-21T08:40:00+09:00
severity: B
support_plan: professional_direct
contact_method: email
support_language: ja-jp
contact:
  first_name: 太郎
  last_name: 山田
  email: taro.yamada@example.com
  country: JPN
  time_zone: Tokyo Standard Time
---

## 目的
VM vm-web-01 に SSH で接続できるようにしたいです。

## 問題
昨日から接続できません。管理者のパスワードは {ja_pw} です。ストレージのキーは {storage} です。
アプリの登録のクライアント シークレット {entra} も試しました。

| 項目 | 値 |
|------|----|
| ユーザー名 | azureuser |
| パスワード | {table_pw} |

## エラー メッセージ
```text
$ curl "https://stshop.blob.core.windows.net/logs/a.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-01T00:00:00Z&sig={sig}"
git clone https://pat:{ado}@dev.azure.com/contoso/shop/_git/web
Endpoint=sb://sb-shop.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={sb}
```

支払いに使ったカード番号は {card} です。

アカウント: azureuser / {pair_pw}
パスワード: {label_pw}

```text
{pem_ja}
```
"#
    );

    // English request.
    let ghp = s.add("github-token", {
        let body = r.from(ALNUM, 30);
        format!("ghp_{body}{}", github_checksum(&body))
    });
    // An access key ID names its key (no secret: docs/decisions.md); the key beside it is one.
    let aws_id = format!("AKIA{}", r.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
    let aws_secret = s.add("aws-secret", r.from(B64, 40));
    let jwt = s.add("jwt", {
        let header = format!(r#"{{"alg":"RS256","typ":"JWT","kid":"{}"}}"#, r.from(ALNUM, 12));
        let payload = r#"{"aud":"https://management.azure.com","iss":"https://sts.windows.net/x/","exp":1790000000}"#;
        format!(
            "{}.{}.{}",
            b64url(header.as_bytes()),
            b64url(payload.as_bytes()),
            b64url(&r.bytes(64))
        )
    });
    let admin_pw = s.add("password-flag", format!("P@ss{}w0rd!", r.from(ALNUM, 5)));
    let en_pw = s.add(
        "password-prose-en",
        format!("Orion{}&Blue", r.below(9000) + 10),
    );
    let conn_pw = s.add("password-connstr", format!("Sql{}$Pw", r.from(ALNUM, 8)));
    let legacy = s.add("account-key", base64_encode(&r.bytes(64)));
    let cosmos = s.add("cosmos-key", identifiable(&mut r, "ACDb", 76, 60));
    let basic = s.add(
        "basic-auth",
        base64_encode(format!("admin:Falcon{}%Q", r.below(9000) + 10).as_bytes()),
    );
    let func = s.add("function-key", b64url(&r.bytes(40)) + "==");
    let apim = s.add("apim-key", identifiable(&mut r, "APIM", 76, 60));
    let pem_json = s.add_pem("private-key-json", "PRIVATE KEY", "\\n", &mut r);
    let fm_token = s.add("token-fm", r.from(&(ALNUM.to_string() + "-_"), 48));
    let jump_pw = s.add(
        "password-words-between",
        format!("Winter{}!Orders", r.below(9000) + 10),
    );
    let pdo_pw = s.add("password-pdo", format!("Sh0p{}!x", r.from(ALNUM, 6)));
    let en = format!(
        r#"---
issue_type: technical
subscription: 0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d
service: App Service
summary: App fails to start after deploying the token {fm_token}
problem_type: Deployment issues
started: 2026-11-21T08:40:00+01:00
severity: C
support_plan: standard
contact_method: email
support_language: en-us
contact:
  first_name: Anna
  last_name: Schmidt
  email: anna.schmidt@example.com
  country: DEU
  time_zone: W. Europe Standard Time
---

## Goal
Get the app running again.

## Problem
The deployment fails. The password is {en_pw} and the storage connection string is
`DefaultEndpointsProtocol=https;AccountName=stshop;AccountKey={legacy};EndpointSuffix=core.windows.net`.

| Setting | Value |
|---------|-------|
| COSMOS_KEY | {cosmos} |
| GITHUB_TOKEN | {ghp} |

The admin password of the jump box is {jump_pw}

## Steps to reproduce
```bash
az vm create -g rg-web -n vm-web-01 --image Ubuntu2204 --admin-username azureuser --admin-password '{admin_pw}'
export AWS_ACCESS_KEY_ID={aws_id}
export AWS_SECRET_ACCESS_KEY={aws_secret}
curl -H "Authorization: Bearer {jwt}" https://management.azure.com/subscriptions?api-version=2022-12-01
curl -H "Authorization: Basic {basic}" https://app-shop.azurewebsites.net/api/health
curl "https://func-shop.azurewebsites.net/api/orders?code={func}"
curl -H "Ocp-Apim-Subscription-Key: {apim}" https://apim-shop.azure-api.net/orders
php -r '$pdo = new PDO("mysql:host=mysql-shop;dbname=shop", "shopuser", "{pdo_pw}");'
```

```json
{{ "ConnectionStrings": {{ "Db": "Server=tcp:sql-shop.database.windows.net;Database=shop;User ID=app;Password={conn_pw};" }},
  "private_key": "{pem_json}" }}
```
"#
    );
    // Secrets where other rules quote the value (service, problem type, a field name).
    let svc_pw = s.add("password-in-service", format!("Svc{}!Pw", r.from(ALNUM, 7)));
    let pt_secret = s.add(
        "secret-in-problem-type",
        format!("Pt{}%Sx", r.from(ALNUM, 9)),
    );
    let key_pw = s.add("password-in-key", format!("Ky{}#Pw", r.from(ALNUM, 8)));
    let echo = format!(
        r#"---
issue_type: technical
service: "Password={svc_pw}"
problem_type: "client_secret: {pt_secret}"
password={key_pw}: 1
---

## Problem
TODO
"#
    );
    (
        vec![
            ("ja.azsr.md".to_string(), ja),
            ("en.azsr.md".to_string(), en),
            ("echo.azsr.md".to_string(), echo),
        ],
        s,
    )
}

/// Every 8-character window of every planted secret's material.
fn windows(secrets: &Secrets) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for p in &secrets.all {
        for m in &p.material {
            let chars: Vec<char> = m.chars().collect();
            for w in chars.windows(8.min(chars.len())) {
                out.push((p.kind, w.iter().collect()));
            }
        }
    }
    out
}

/// The kind of the first planted secret a piece of which `output` holds.
fn find_leak(output: &str, secrets: &Secrets) -> Option<&'static str> {
    let haystacks = output_text::haystacks(output);
    windows(secrets)
        .into_iter()
        .find(|(_, w)| haystacks.iter().any(|h| h.contains(w.as_str())))
        .map(|(kind, _)| kind)
}

/// Fails naming the leaked kind (never the secret) when `output` holds a piece of one.
fn assert_no_leak(what: &str, output: &str, secrets: &Secrets) {
    if let Some(kind) = find_leak(output, secrets) {
        panic!("{what}: a piece of the planted {kind} appears in the output");
    }
}

fn run(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// (line, column) of byte `off`, both 1-based, columns in characters (cli.md).
fn line_col(text: &str, off: usize) -> (u64, u64) {
    let before = &text[..off];
    let line = before.matches('\n').count() as u64 + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..off].chars().count() as u64 + 1)
}

#[test]
fn no_output_format_shows_a_planted_secret() {
    for seed in [0x5EC2_E75A_0E2E_0001u64, 0x5EC2_E75A_0E2E_0002] {
        let (files, secrets) = requests(seed);
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }

        // The leak check itself can fail: the requests hold every secret.
        for (name, text) in &files {
            for p in &secrets.all {
                if text.contains(&p.text) {
                    let one = Secrets {
                        all: vec![plant(p.kind, p.text.clone())],
                    };
                    assert!(
                        find_leak(text, &one).is_some(),
                        "the check sees {} in {name}",
                        p.kind
                    );
                }
            }
        }

        // Every planted secret is reported, on its own span.
        let o = run(dir.path(), &["--check", "--format", "json"]);
        let v: Value = serde_json::from_slice(&o.stdout).expect("JSON report");
        let mut reported = 0;
        for (name, text) in &files {
            let file = v["files"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["path"].as_str().unwrap_or("").ends_with(name.as_str()))
                .unwrap_or_else(|| panic!("{name} in the report"));
            let diags: Vec<&Value> = file["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["code"] == "sensitive-data")
                .collect();
            reported += diags.len();
            for p in &secrets.all {
                let Some(off) = text.find(&p.text) else {
                    continue;
                };
                let (line, col) = line_col(text, off);
                let hit = diags.iter().any(|d| {
                    let s = &d["range"]["start"];
                    let e = &d["range"]["end"];
                    let start = (s["line"].as_u64().unwrap(), s["column"].as_u64().unwrap());
                    let end = (e["line"].as_u64().unwrap(), e["column"].as_u64().unwrap());
                    start <= (line, col) && (line, col) < end
                });
                assert!(hit, "the planted {} in {name} is not reported", p.kind);
            }
        }
        assert_eq!(
            reported,
            secrets.all.len(),
            "one sensitive-data finding per planted secret"
        );

        let formats: &[&[&str]] = &[
            &["--check", "--format", "human", "--color", "always"],
            &["--check", "--format", "human", "--color", "never"],
            &["--check"],
            &["--check", "--format", "json"],
            &["--check", "--format", "sarif"],
            &["--check", "--format", "github"],
            &["--check", "--format", "gitlab"],
            &[
                "--check",
                "--format",
                "github",
                "ja.azsr.md",
                "en.azsr.md",
                "echo.azsr.md",
            ],
        ];
        for args in formats {
            let o = run(dir.path(), args);
            assert_eq!(o.status.code(), Some(1), "{args:?}: findings fail the run");
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(
                out.contains("sensitive-data"),
                "{args:?}: the rule is named"
            );
            assert_no_leak(&format!("{args:?} stdout"), &out, &secrets);
            assert_no_leak(
                &format!("{args:?} stderr"),
                &String::from_utf8_lossy(&o.stderr),
                &secrets,
            );
        }

        // Reading the request from stdin (`-`), if supported, leaks nothing either.
        for (_, text) in &files {
            let mut child = Command::new(BIN)
                .args(["--check", "--format", "human", "--color", "always", "-"])
                .current_dir(dir.path())
                .env("RUST_LOG", "trace")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
            let o = child.wait_with_output().unwrap();
            assert!(
                String::from_utf8_lossy(&o.stdout).contains("sensitive-data"),
                "stdin: reported"
            );
            assert_no_leak(
                "stdin stdout",
                &String::from_utf8_lossy(&o.stdout),
                &secrets,
            );
            assert_no_leak(
                "stdin stderr",
                &String::from_utf8_lossy(&o.stderr),
                &secrets,
            );
        }
    }
}

#[test]
fn explain_shows_no_secret_shaped_text() {
    let o = Command::new(BIN)
        .args(["--explain", "sensitive-data"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let (_, secrets) = requests(0x5EC2_E75A_0E2E_0003);
    assert_no_leak("--explain", &String::from_utf8_lossy(&o.stdout), &secrets);
}

/// The language server over stdio, with every trace setting on: diagnostics, hover over
/// each secret, code actions (titles and edits), symbols, folding, inlay hints and
/// stderr carry no secret.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_server_never_sends_a_secret() {
    let (files, secrets) = requests(0x5EC2_E75A_0E2E_0004);
    let mut child = tokio::process::Command::new(BIN)
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1")
        .env("AZSR_LOG", "trace")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let stderr_task = tokio::spawn(async move {
        use tokio::io::AsyncReadExt;
        let mut s = stderr;
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).await.unwrap();
        buf
    });
    let mut c = lsp_common::Client::from_child(child);
    c.initialize(
        Some(&["utf-16"]),
        json!({ "trace": "verbose", "initializationOptions": {} }),
    )
    .await;
    c.notify("$/setTrace", json!({ "value": "verbose" })).await;

    let mut sent = Vec::new();
    let mut outline = Vec::new();
    for (i, (name, text)) in files.iter().enumerate() {
        let uri = lsp_common::uri(name);
        c.open(&uri, 1, text).await;
        let diags = c.diagnostics(&uri, 1).await;
        let ours: Vec<&Value> = diags
            .iter()
            .filter(|d| d["code"] == "sensitive-data")
            .collect();
        let planted: Vec<&Planted> = secrets
            .all
            .iter()
            .filter(|p| text.contains(&p.text))
            .collect();
        assert_eq!(ours.len(), planted.len(), "{name}: one finding per secret");
        sent.push(Value::Array(diags.clone()));

        for p in &planted {
            let off = text.find(&p.text).unwrap() + 2;
            let pos = lsp_common::position(text, off, "utf-16");
            let hover = c
                .request_raw(
                    "textDocument/hover",
                    json!({ "textDocument": { "uri": uri }, "position": pos }),
                )
                .await;
            sent.push(hover);
            let range = lsp_common::range(text, off..off + 1, "utf-16");
            let in_range: Vec<Value> = ours
                .iter()
                .filter(|d| {
                    let s = lsp_common::offset(text, &d["range"]["start"], "utf-16");
                    let e = lsp_common::offset(text, &d["range"]["end"], "utf-16");
                    s <= off && off < e
                })
                .map(|d| (*d).clone())
                .collect();
            assert!(!in_range.is_empty(), "{name}: {} is reported", p.kind);
            let actions = c
                .request(
                    "textDocument/codeAction",
                    json!({ "textDocument": { "uri": uri }, "range": range,
                            "context": { "diagnostics": in_range } }),
                )
                .await;
            // The fix replaces the secret, and only the secret.
            let fixed = actions.as_array().unwrap().iter().find(|a| {
                a["edit"]["changes"][&uri]
                    .as_array()
                    .is_some_and(|e| e.len() == 1)
            });
            let a = fixed.unwrap_or_else(|| panic!("{name}: a quick fix for {}", p.kind));
            {
                let edits = a["edit"]["changes"][&uri].as_array().unwrap();
                let after = lsp_common::apply_edits(text, edits, "utf-16");
                assert!(
                    !after.contains(&p.text),
                    "{name}: the fix removes {}",
                    p.kind
                );
            }
            sent.push(actions);
        }
        // The outline names the document's keys and headings, a secret among them masked.
        outline.push(
            c.request_raw(
                "textDocument/documentSymbol",
                json!({ "textDocument": { "uri": uri } }),
            )
            .await,
        );
        for method in ["textDocument/foldingRange", "textDocument/codeLens"] {
            sent.push(
                c.request_raw(method, json!({ "textDocument": { "uri": uri } }))
                    .await,
            );
        }
        let whole = lsp_common::range(text, 0..text.len(), "utf-16");
        sent.push(
            c.request_raw(
                "textDocument/inlayHint",
                json!({ "textDocument": { "uri": uri }, "range": whole }),
            )
            .await,
        );
        sent.push(
            c.request_raw(
                "textDocument/codeAction",
                json!({ "textDocument": { "uri": uri }, "range": whole,
                        "context": { "diagnostics": diags } }),
            )
            .await,
        );
        // An edit that adds one more character to a secret, then a close.
        let at = text.find(&planted[0].text).unwrap() + planted[0].text.len();
        let pos = lsp_common::position(text, at, "utf-16");
        c.change(
            &uri,
            2,
            json!([{ "range": { "start": pos, "end": pos }, "text": "Z" }]),
        )
        .await;
        sent.push(Value::Array(c.diagnostics(&uri, 2).await));
        c.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
        let _ = i;
    }
    // A last round trip, so that everything sent before it has been read.
    c.request_raw(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": lsp_common::uri("none.azsr.md") } }),
    )
    .await;
    let messages = c.take_backlog();
    assert_eq!(c.shutdown().await, 0);
    let err = stderr_task.await.unwrap();
    let err = String::from_utf8_lossy(&err);
    assert_no_leak("server stderr", &err, &secrets);
    for m in &outline {
        assert_no_leak("the outline", &m.to_string(), &secrets);
    }
    for m in sent.iter().chain(messages.iter()) {
        let s = m.to_string();
        let head: String = s.chars().take(300).collect();
        assert_no_leak(&format!("a server message {head}"), &s, &secrets);
    }
}

/// Requests where every quoting rule cuts, decodes or moves a secret (issue 18: a key
/// cut at 60 characters, an attachment path cut at 120, a service, a summary, headings,
/// a resource ID, an image link), and secrets that no reporting detector knows (issue 12:
/// random values under names no detector reads, a random key, a heading, a table cell),
/// which only the possible-secret pass and the matching of pieces can catch. Returns the
/// requests, the secrets, and the kinds planted for no detector.
fn cut_requests(seed: u64) -> (Vec<(String, String)>, Secrets, Vec<&'static str>) {
    let mut r = Rng(seed);
    let mut s = Secrets { all: Vec::new() };
    let held = |name: &str, r: &mut Rng| fake_secrets::heldout2::generate(name, r).unwrap();
    let symbols = ALNUM.to_string() + "!$*@^";
    let key_pw = s.add("password-in-key-cut", r.from(&symbols, 74));
    let sig = s.add("sas-sig-in-attachment-cut", held("sig_enc", &mut r));
    let sig_short = s.add("sas-sig-in-attachment-head", held("sig_enc", &mut r));
    let svc = s.add("storage-key-in-service", held("storage_ident", &mut r));
    let summary = s.add("password-in-summary", held("pw", &mut r));
    let resource = s.add("sig-in-resource", held("sig_raw", &mut r));
    let heading = s.add("password-in-heading", format!("Hd{}!q", r.from(ALNUM, 10)));
    let image = s.add("key-in-image-path", held("storage_key_legacy", &mut r));
    let ghp = s.add("github-token-in-key", held("ghp", &mut r));
    // heldout3's weak families, where quoting rules cut or move them.
    let held3 = |name: &str, r: &mut Rng| heldout3::generate(name, r).unwrap();
    let passphrase = s.add("passphrase-in-key", held3("passphrase", &mut r));
    let cookie = s.add("auth-cookie-in-summary", held3("swa_cookie", &mut r));
    let hex_key = s.add("hex-key-in-service", held3("hex64_key", &mut r));
    let webhook = s.add("webhook-in-heading", held3("slack_webhook_path", &mut r));
    let pw_json = s.add("escaped-password-in-heading", held3("pw_json", &mut r));
    let sas_b64 = s.add("base64-sas-in-attachment", held3("b64_sas_url", &mut r));
    let sso = s.add("sso-cookie-in-resource", held3("cpim_cookie", &mut r));
    // For no detector: random values under names that mean nothing.
    let unknown = vec![
        "random-key",
        "random-value",
        "random-heading",
        "random-cell",
        "random-prose",
        "ja-named-value",
        "account-password",
        "told-pin",
        "table-cell-password",
    ];
    let random_key = s.add(unknown[0], r.from(ALNUM, 40));
    let random_value = s.add(unknown[1], r.from(ALNUM, 28));
    let random_heading = s.add(
        unknown[2],
        format!("{}!{}", r.from(ALNUM, 8), r.from(ALNUM, 6)),
    );
    let random_cell = s.add(unknown[3], r.from(B64, 40));
    let random_prose = s.add(unknown[4], format!("{}{}", r.from(ALNUM, 20), "=="));
    // Chosen, not generated: a word, a number, a separator and a few letters, where only
    // the line says what it is (a name in Japanese, an account, a PIN, a table's column).
    let word = |r: &mut Rng| {
        let w = ["Kumo", "Sakura", "Harbor", "Lantern", "Juniper"];
        w[r.below(w.len())].to_string()
    };
    let chosen = |r: &mut Rng| {
        let w = word(r);
        format!(
            "{w}{}_{}",
            r.from("123456789", 4),
            r.from("abcdefghjkmnpqrstuvwxyz", 3)
        )
    };
    let ja_named = s.add(unknown[5], chosen(&mut r));
    let account = s.add(unknown[6], chosen(&mut r));
    let pin = s.add(unknown[7], r.from("123456789", 8));
    let cell = s.add(unknown[8], chosen(&mut r));
    let ja = format!(
        r#"---
issue_type: technical
subscription: 0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d
service: "Storage {svc} {hex_key}"
summary: "ストレージにアクセスできない、試したパスワードは {summary}、StaticWebAppsAuthCookie={cookie}"
resource: /subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/rg-web/providers/Microsoft.Storage/storageAccounts/stweb?sig={resource}&x-ms-cpim-sso={sso}
severity: C
support_language: ja-jp
"Password={key_pw}": x
"passphrase={passphrase}": x
{ghp}: token
{random_key}: 1
dr_site_ref: {random_value}
"決済キー={ja_named}": x
"reset the local admin, it's {account} now": x
"金庫の暗証番号は{pin}です": x
attachments:
  - "logs/{pad}?sv=2022-11-02&sig={sig}"
  - "logs/{pad_short}?sv=2022-11-02&sig={sig_short}"
  - "exports/{sas_b64}.txt"
---

## 手順 パスワード {heading}
接続を試しました。

## 通知 https://hooks.slack.com/services/{webhook}

## 設定 {{\"Smtp\":{{\"Password\":\"{pw_json}\"}}}}

## {random_heading}
| 項目 | 値 |
|------|----|
| 参照 | {random_cell} |

| 用途 | ユーザー | PW | 画面 |
|------|----------|----|------|
| 踏み台 | opsuser | {cell} | ![画面](img/missing-{img_pad}.png) |

![画面](img/{img_pad}/AccountKey={image}.png)

復旧用の値 {random_prose} を入力しても失敗します。
"#,
        pad = "a".repeat(80),
        pad_short = "a".repeat(89),
        img_pad = "b".repeat(90),
    );
    (vec![("cut.azsr.md".to_string(), ja)], s, unknown)
}

/// Every string that can be shown to a person in a code action response: the titles
/// and the findings attached (the edits may insert a secret into the document: that is
/// the person's own text going back where it was).
fn code_action_titles(response: &Value) -> Value {
    let actions = response["result"].as_array().cloned().unwrap_or_default();
    Value::Array(
        actions
            .iter()
            .map(|a| json!({ "title": a["title"], "diagnostics": a["diagnostics"] }))
            .collect(),
    )
}

#[test]
fn no_output_format_shows_a_piece_of_a_cut_or_unreported_secret() {
    for seed in [0x5EC2_E75A_C070_0001u64, 0x5EC2_E75A_C070_0002] {
        let (files, secrets, unknown) = cut_requests(seed);
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
            for p in &secrets.all {
                assert!(text.contains(&p.text), "{} planted", p.kind);
            }
        }
        let o = run(dir.path(), &["--check", "--format", "json"]);
        let v: Value = serde_json::from_slice(&o.stdout).expect("JSON report");
        let diags = v["files"][0]["diagnostics"].as_array().unwrap();
        // The quoting rules do quote (else the test would prove nothing).
        for code in ["unknown-field", "attachment-missing", "service-unknown"] {
            assert!(diags.iter().any(|d| d["code"] == code), "{code} fires");
        }
        // At least one planted value is missed by every detector: the masking of what
        // is only possibly secret is what keeps it out of the outputs.
        let text = &files[0].1;
        let reported = |p: &Planted| {
            let (line, col) = line_col(text, text.find(&p.text).unwrap());
            diags.iter().any(|d| {
                let s = &d["range"]["start"];
                d["code"] == "sensitive-data"
                    && s["line"].as_u64() == Some(line)
                    && s["column"].as_u64().unwrap() <= col + 1
            })
        };
        let missed = secrets
            .all
            .iter()
            .filter(|p| unknown.contains(&p.kind) && !reported(p))
            .count();
        assert!(missed > 0, "some planted value is missed by the detectors");

        for args in [
            &["--check", "--format", "human", "--color", "always"][..],
            &["--check", "--format", "human", "--color", "never"],
            &["--check", "--format", "json"],
            &["--check", "--format", "sarif"],
            &["--check", "--format", "github"],
            &["--check", "--format", "gitlab"],
        ] {
            let o = run(dir.path(), args);
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            assert_no_leak(
                &format!("{args:?} stdout"),
                &String::from_utf8_lossy(&o.stdout),
                &secrets,
            );
            assert_no_leak(
                &format!("{args:?} stderr"),
                &String::from_utf8_lossy(&o.stderr),
                &secrets,
            );
        }
    }
}

/// The language server over stdio: diagnostics, hover on every line and on every
/// secret, the outline and code action titles carry no piece of a cut or unreported
/// secret.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_server_shows_no_piece_of_a_cut_or_unreported_secret() {
    let (files, secrets, _) = cut_requests(0x5EC2_E75A_C070_0003);
    let mut c = lsp_common::Client::binary();
    c.initialize(Some(&["utf-16"]), json!({})).await;
    let mut sent = Vec::new();
    for (name, text) in &files {
        let uri = lsp_common::uri(name);
        c.open(&uri, 1, text).await;
        let diags = c.diagnostics(&uri, 1).await;
        assert!(diags.iter().any(|d| d["code"] == "unknown-field"));
        sent.push(("publishDiagnostics", Value::Array(diags.clone())));
        let mut offsets: Vec<usize> = lsp_common::lines(text).iter().map(|l| l.0).collect();
        offsets.extend(secrets.all.iter().map(|p| text.find(&p.text).unwrap() + 1));
        for off in offsets {
            let pos = lsp_common::position(text, off, "utf-16");
            let params = json!({ "textDocument": { "uri": uri }, "position": pos });
            sent.push(("hover", c.request_raw("textDocument/hover", params).await));
        }
        let doc = json!({ "textDocument": { "uri": uri } });
        let symbols = c.request_raw("textDocument/documentSymbol", doc).await;
        assert!(symbols["result"].as_array().is_some_and(|s| !s.is_empty()));
        sent.push(("documentSymbol", symbols));
        let whole = lsp_common::range(text, 0..text.len(), "utf-16");
        let actions = c
            .request_raw(
                "textDocument/codeAction",
                json!({ "textDocument": { "uri": uri }, "range": whole,
                        "context": { "diagnostics": diags } }),
            )
            .await;
        assert!(actions["result"].as_array().is_some_and(|a| !a.is_empty()));
        sent.push(("codeAction titles", code_action_titles(&actions)));
    }
    for (what, m) in &sent {
        assert_no_leak(what, &m.to_string(), &secrets);
    }
    assert_eq!(c.shutdown().await, 0);
}

/// A file name holding a newline and a workflow command: the human format prints it
/// escaped, so no printed line is a command GitHub Actions would run; the github format
/// encodes it.
#[test]
fn a_file_name_with_a_newline_prints_no_workflow_command() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x\n::error file=evil.azsr.md,line=1::injected.azsr.md";
    std::fs::write(dir.path().join(name), "# Notes\n\nVM が起動しない。\n").unwrap();
    for format in ["human", "github"] {
        let o = run(
            dir.path(),
            &["--check", "--format", format, "--color", "never"],
        );
        assert_eq!(o.status.code(), Some(1), "{format}: the file has findings");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("injected.azsr.md"), "{format}: {out}");
        for line in out
            .lines()
            .chain(String::from_utf8_lossy(&o.stderr).lines())
        {
            let line = line.trim_start();
            assert!(
                !line.starts_with("::error file=evil")
                    && (format == "github" || !line.starts_with("::")),
                "{format}: {line}"
            );
        }
        if format == "human" {
            assert!(out.contains("x\\n::error file=evil.azsr.md"), "{out}");
        }
    }
}
