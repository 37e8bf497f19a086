//! End-to-end tests of `azsr-lsp --export` through the real binary: the REST body
//! validates against the API's schema (tests/fixtures/export/), the az command gives
//! back every value through a POSIX shell, and a draft with an error or a secret is
//! refused without printing it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_azsr-lsp");
/// Virtual Machine running Windows.
const VM_WINDOWS: &str = "6f16735c-b0ae-b275-ad3a-03479cfa1396";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/export")
}

/// A temporary folder holding `files` (name, text); without an `azsr.toml` of its own,
/// one with no settings stops the lookup from reaching the machine's folders.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    if !files.iter().any(|(n, _)| *n == "azsr.toml") {
        fs::write(dir.path().join("azsr.toml"), "").unwrap();
    }
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn fixture(name: &str) -> String {
    fs::read_to_string(fixtures().join(name)).unwrap()
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The export of `name` (a fixture) as JSON, checking exit 0 and a silent stderr.
fn rest_json(dir: &Path, name: &str, extra: &[&str]) -> Value {
    let mut args = vec!["--export", name];
    args.extend(extra);
    let out = run(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The kept schema fragment made strict: no property it does not list, and none of
/// those it marks read-only (the specification allows both; a request should send
/// neither).
fn strict_schema() -> Value {
    fn tighten(schema: &mut Value) {
        let Some(obj) = schema.as_object_mut() else {
            return;
        };
        if let Some(Value::Object(props)) = obj.get_mut("properties") {
            for p in props.values_mut() {
                if p.get("readOnly") == Some(&Value::Bool(true)) {
                    *p = serde_json::json!({ "not": {} });
                }
                tighten(p);
            }
            obj.insert("additionalProperties".into(), Value::Bool(false));
        }
        if let Some(items) = obj.get_mut("items") {
            tighten(items);
        }
        if let Some(Value::Object(defs)) = obj.get_mut("definitions") {
            defs.values_mut().for_each(tighten);
        }
    }
    let mut schema: Value =
        serde_json::from_str(&fixture("support-2024-04-01.schema.json")).unwrap();
    tighten(&mut schema);
    schema
}

fn schema_errors(body: &Value) -> Vec<String> {
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&strict_schema())
        .unwrap_or_else(|e| panic!("{e}"));
    validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn rest_json_of_clean_requests_in_both_languages_validates_against_the_api_schema() {
    let dir = folder(&[
        ("vm-rdp.ja.azsr.md", &fixture("vm-rdp.ja.azsr.md")),
        ("billing.en.azsr.md", &fixture("billing.en.azsr.md")),
    ]);
    let ja = rest_json(dir.path(), "vm-rdp.ja.azsr.md", &[]);
    assert_eq!(ja["method"], "PUT");
    let url = ja["url"].as_str().unwrap();
    assert!(
        url.starts_with("https://management.azure.com/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/providers/Microsoft.Support/supportTickets/vm-rdp-ja-")
            && url.ends_with("?api-version=2024-04-01"),
        "{url}"
    );
    let p = &ja["body"]["properties"];
    assert_eq!(p["title"], "再起動後に vm-web-01 へ \"RDP\" 接続できない");
    assert_eq!(
        p["serviceId"],
        format!("/providers/Microsoft.Support/services/{VM_WINDOWS}")
    );
    assert_eq!(
        p["problemClassificationId"],
        format!("/providers/Microsoft.Support/services/{VM_WINDOWS}/problemClassifications/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
    );
    assert_eq!(p["problemStartTime"], "2026-11-20T04:05:00Z");
    assert_eq!(
        p["contactDetails"]["preferredTimeZone"],
        "Tokyo Standard Time"
    );
    assert_eq!(p["contactDetails"]["preferredSupportLanguage"], "ja-jp");
    assert!(p["description"]
        .as_str()
        .unwrap()
        .starts_with("## ゴール\nvm-web-01 への RDP"));
    assert_eq!(schema_errors(&ja["body"]), Vec::<String>::new());

    let en = rest_json(dir.path(), "billing.en.azsr.md", &[]);
    assert!(en["url"].as_str().unwrap().starts_with(
        "https://management.azure.com/providers/Microsoft.Support/supportTickets/billing-en-"
    ));
    let p = &en["body"]["properties"];
    assert_eq!(p["advancedDiagnosticConsent"], "No");
    assert!(p["description"]
        .as_str()
        .unwrap()
        .ends_with("## Related requests\n- 2311270010001234 (engineer: Kenji Sato)"));
    assert_eq!(schema_errors(&en["body"]), Vec::<String>::new());

    // the validator is live: a portal label instead of the API's value fails
    let mut wrong = en["body"].clone();
    wrong["properties"]["severity"] = "C".into();
    wrong["properties"]["require24x7Response"] = false.into();
    assert_eq!(
        schema_errors(&wrong).len(),
        2,
        "{:?}",
        schema_errors(&wrong)
    );
}

/// The arguments of each `az` call the script makes, run by a POSIX shell with `az`
/// defined as a function that prints them.
fn az_calls(dir: &Path, script: &str) -> Vec<Vec<String>> {
    let shell = format!(
        "az() {{ for a in \"$@\"; do printf '%s\\0' \"$a\"; done; printf '\\1\\0'; }}\n{script}"
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(shell)
        .current_dir(dir)
        .env("VM_IP", "expanded")
        .env("HOME", "expanded")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let words: Vec<String> = text(&out.stdout).split('\0').map(String::from).collect();
    words
        .split(|w| w == "\u{1}")
        .map(|c| {
            c.iter()
                .filter(|w| !w.is_empty())
                .cloned()
                .collect::<Vec<_>>()
        })
        .filter(|c| !c.is_empty())
        .collect()
}

/// `--flag=value` words as (flag, value); a list flag takes the words after it.
fn flags(words: &[String]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut list: Option<String> = None;
    for w in words {
        if let Some((f, v)) = w.strip_prefix("--").and_then(|w| w.split_once('=')) {
            out.push((f.to_string(), v.to_string()));
            list = None;
        } else if let Some(f) = w.strip_prefix("--") {
            list = Some(f.to_string());
        } else if let Some(f) = &list {
            out.push((f.clone(), w.clone()));
        }
    }
    out
}

#[test]
fn az_cli_values_survive_a_posix_shell_and_equal_the_json_body() {
    let dir = folder(&[
        ("vm-rdp.ja.azsr.md", &fixture("vm-rdp.ja.azsr.md")),
        ("billing.en.azsr.md", &fixture("billing.en.azsr.md")),
    ]);
    for (name, group, subscription) in [
        ("vm-rdp.ja.azsr.md", "in-subscription", true),
        ("billing.en.azsr.md", "no-subscription", false),
    ] {
        let json = rest_json(dir.path(), name, &[]);
        let out = run(dir.path(), &["--export", name, "--to", "az-cli"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let script = text(&out.stdout);
        let calls = az_calls(dir.path(), &script);
        assert_eq!(calls.len(), 2, "{script}");
        let (check, create) = (&calls[0], &calls[1]);

        let url = json["url"].as_str().unwrap();
        let ticket = url.rsplit('/').next().unwrap().split('?').next().unwrap();
        assert_eq!(&check[..3], ["rest", "--method", "post"]);
        let check = flags(&check[3..]);
        assert_eq!(check[0].0, "url");
        assert!(check[0].1.ends_with(
            "/providers/Microsoft.Support/checkNameAvailability?api-version=2024-04-01"
        ));
        assert_eq!(check[1].0, "body");
        let body: Value = serde_json::from_str(&check[1].1).unwrap();
        assert_eq!(body["name"], ticket);
        assert_eq!(body["type"], "Microsoft.Support/supportTickets");

        assert_eq!(&create[..4], ["support", group, "tickets", "create"]);
        let p = &json["body"]["properties"];
        let c = &p["contactDetails"];
        let s = |v: &Value| v.as_str().unwrap().to_string();
        let mut expected: Vec<(&str, String)> = vec![
            ("ticket-name", ticket.to_string()),
            ("title", s(&p["title"])),
            ("description", s(&p["description"])),
            ("problem-classification", s(&p["problemClassificationId"])),
            ("severity", s(&p["severity"])),
            (
                "advanced-diagnostic-consent",
                s(&p["advancedDiagnosticConsent"]),
            ),
            ("contact-first-name", s(&c["firstName"])),
            ("contact-last-name", s(&c["lastName"])),
            ("contact-email", s(&c["primaryEmailAddress"])),
            ("contact-method", s(&c["preferredContactMethod"])),
            ("contact-timezone", s(&c["preferredTimeZone"])),
            ("contact-country", s(&c["country"])),
            ("contact-language", s(&c["preferredSupportLanguage"])),
        ];
        if subscription {
            expected.insert(
                0,
                (
                    "subscription",
                    "6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f".into(),
                ),
            );
            expected.extend([
                ("contact-phone-number", s(&c["phoneNumber"])),
                ("start-time", s(&p["problemStartTime"])),
                (
                    "require-24-by-7-response",
                    p["require24X7Response"].to_string(),
                ),
                (
                    "technical-resource",
                    s(&p["technicalTicketDetails"]["resourceId"]),
                ),
                (
                    "contact-additional-emails",
                    s(&c["additionalEmailAddresses"][0]),
                ),
            ]);
        }
        let got = flags(&create[4..]);
        let got: Vec<(&str, String)> = got.iter().map(|(f, v)| (f.as_str(), v.clone())).collect();
        assert_eq!(got, expected, "{script}");
    }
    // what the shell must not touch came through: quotes, `$`, newlines, Japanese
    let script = text(
        &run(
            dir.path(),
            &["--export", "vm-rdp.ja.azsr.md", "--to", "az-cli"],
        )
        .stdout,
    );
    let description = &flags(&az_calls(dir.path(), &script)[1])[3].1;
    assert!(
        description.contains("`mstsc /v:$VM_IP`")
            && description.contains("'The remote computer can't be reached'")
    );
    assert!(
        script.starts_with("# Microsoft.Support の作成呼び出し"),
        "{script}"
    );
}

/// `draft` with `attachments` listing `files` (the entry as written, quoted for YAML).
fn with_attachments(draft: &str, files: &[&str]) -> String {
    let list: String = files
        .iter()
        .map(|f| format!("  - {}\n", serde_json::to_string(f).unwrap()))
        .collect();
    draft.replacen(
        "contact_method: email\n",
        &format!("contact_method: email\nattachments:\n{list}"),
        1,
    )
}

/// Names a POSIX shell and a URL must carry unchanged: spaces, Japanese, `$`, quotes.
const AWKWARD: [&str; 3] = [
    "logs/rdp error $HOME.zip",
    "logs/画面 'before' \"after\".png",
    "hearing sheet.xlsx",
];

/// The request in `req/` next to its attachments, exported from the folder above it.
fn request_with_attachments(fixture_name: &str) -> tempfile::TempDir {
    let dir = folder(&[]);
    fs::create_dir_all(dir.path().join("req/logs")).unwrap();
    fs::write(
        dir.path().join("req/draft.azsr.md"),
        with_attachments(&fixture(fixture_name), &AWKWARD),
    )
    .unwrap();
    for f in AWKWARD {
        fs::write(dir.path().join("req").join(f), f).unwrap();
    }
    dir
}

#[test]
fn az_cli_uploads_the_attachments_into_a_workspace_before_the_create_call() {
    for (fixture_name, group, workspace_flag, first_comment) in [
        (
            "vm-rdp.ja.azsr.md",
            "in-subscription",
            "file-workspace",
            "# 2. 添付ファイル（3 件）は、チケットと同じ名前のファイル ワークスペースにアップロードします。",
        ),
        (
            "billing.en.azsr.md",
            "no-subscription",
            "file-workspace-name",
            "# 2. The attachments (3) go into a file workspace named after the ticket.",
        ),
    ] {
        let dir = request_with_attachments(fixture_name);
        let json = rest_json(dir.path(), "req/draft.azsr.md", &[]);
        let workspace = json["body"]["properties"]["fileWorkspaceName"]
            .as_str()
            .unwrap()
            .to_string();
        let url = json["url"].as_str().unwrap();
        assert!(url.contains(&format!("/supportTickets/{workspace}?")), "{url}");

        let out = run(dir.path(), &["--export", "req/draft.azsr.md", "--to", "az-cli"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let script = text(&out.stdout);
        assert!(script.contains(first_comment), "{script}");
        let calls = az_calls(dir.path(), &script);
        assert_eq!(calls.len(), 2 + 1 + AWKWARD.len(), "{script}");
        let subscription: Vec<(String, String)> = flags(&calls.last().unwrap()[4..])
            .into_iter()
            .filter(|(f, _)| f == "subscription")
            .collect();

        // the workspace, in the create command's scope
        assert_eq!(&calls[1][..4], ["support", group, "file-workspace", "create"]);
        let mut expected = subscription.clone();
        expected.push(("file-workspace-name".into(), workspace.clone()));
        assert_eq!(flags(&calls[1][4..]), expected, "{script}");

        // one upload per file, each path naming the file from where the script runs
        for (call, entry) in calls[2..2 + AWKWARD.len()].iter().zip(AWKWARD) {
            assert_eq!(&call[..4], ["support", group, "file", "upload"]);
            let mut expected = subscription.clone();
            expected.push(("file-workspace-name".into(), workspace.clone()));
            expected.push(("file-path".into(), format!("req/{entry}")));
            assert_eq!(flags(&call[4..]), expected, "{script}");
            let uploaded = fs::read_to_string(dir.path().join(format!("req/{entry}"))).unwrap();
            assert_eq!(uploaded, entry);
        }

        // the create command names the workspace, under the extension's name for it
        let create = calls.last().unwrap();
        assert_eq!(&create[..4], ["support", group, "tickets", "create"]);
        let named: Vec<String> = flags(&create[4..])
            .into_iter()
            .filter(|(f, _)| f.starts_with("file-workspace"))
            .map(|(f, v)| format!("{f}={v}"))
            .collect();
        assert_eq!(named, [format!("{workspace_flag}={workspace}")]);

        // rest-json: the same workspace and files, and the body still validates
        assert_eq!(schema_errors(&json["body"]), Vec::<String>::new());
        let scope = url.split("/providers/Microsoft.Support/supportTickets/").next().unwrap();
        let a = &json["attachments"];
        assert_eq!(a["fileWorkspace"]["method"], "PUT");
        assert_eq!(
            a["fileWorkspace"]["url"],
            format!("{scope}/providers/Microsoft.Support/fileWorkspaces/{workspace}?api-version=2024-04-01")
        );
        let files = a["files"].as_array().unwrap();
        assert_eq!(files.len(), AWKWARD.len());
        for (file, entry) in files.iter().zip(AWKWARD) {
            let path = file["path"].as_str().unwrap();
            assert_eq!(path, format!("req/{entry}"));
            assert!(dir.path().join(path).is_file(), "{path}");
            let name = entry.rsplit('/').next().unwrap();
            assert_eq!(file["name"], name);
            assert_eq!(file["create"]["method"], "PUT");
            assert_eq!(file["upload"]["method"], "POST");
            let create = file["create"]["url"].as_str().unwrap();
            let base = format!("{scope}/providers/Microsoft.Support/fileWorkspaces/{workspace}/files/");
            let encoded = create
                .strip_prefix(&base)
                .and_then(|r| r.strip_suffix("?api-version=2024-04-01"))
                .unwrap_or_else(|| panic!("{create}"));
            assert!(
                encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
                "{encoded}"
            );
            assert_eq!(percent_decoded(encoded), name);
            assert_eq!(
                file["upload"]["url"],
                create.replace("?api-version", "/upload?api-version")
            );
        }
    }
}

fn percent_decoded(s: &str) -> String {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn without_attachments_there_is_no_workspace() {
    let dir = folder(&[("billing.en.azsr.md", &fixture("billing.en.azsr.md"))]);
    let json = rest_json(dir.path(), "billing.en.azsr.md", &[]);
    assert!(json.get("attachments").is_none());
    assert!(json["body"]["properties"]
        .get("fileWorkspaceName")
        .is_none());
    let script = text(
        &run(
            dir.path(),
            &["--export", "billing.en.azsr.md", "--to", "az-cli"],
        )
        .stdout,
    );
    assert!(!script.contains("file-workspace") && !script.contains("file upload"));
    assert!(script.contains("\n# 2. Creating the request"), "{script}");
}

#[test]
fn ticket_name_option_names_the_ticket_and_a_bad_one_exits_2() {
    let dir = folder(&[("billing.en.azsr.md", &fixture("billing.en.azsr.md"))]);
    let json = rest_json(
        dir.path(),
        "billing.en.azsr.md",
        &["--ticket-name", "invoice-2026-11"],
    );
    assert!(json["url"]
        .as_str()
        .unwrap()
        .contains("/supportTickets/invoice-2026-11?api-version=2024-04-01"));
    let out = run(
        dir.path(),
        &["--export", "billing.en.azsr.md", "--ticket-name", "請求/11"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("--ticket-name"));
}

#[test]
fn a_draft_with_an_error_is_refused_in_its_language() {
    let broken = fixture("vm-rdp.ja.azsr.md").replace(
        "summary: 再起動後に vm-web-01 へ \"RDP\" 接続できない\n",
        "",
    );
    let dir = folder(&[("vm.ja.azsr.md", &broken)]);
    let out = run(dir.path(), &["--export", "vm.ja.azsr.md", "--to", "az-cli"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    let err = text(&out.stderr);
    assert!(
        err.contains("error[required-field]") && err.contains("vm.ja.azsr.md:"),
        "{err}"
    );
    assert!(
        err.contains("エクスポートしませんでした。エラーが 1 件あります。"),
        "{err}"
    );
}

#[test]
fn a_secret_reaches_neither_output_even_with_sensitive_data_off() {
    let secret = "Tr0ub4dor&3x-Zq9";
    let leaky = fixture("billing.en.azsr.md").replace(
        "## Recent changes",
        &format!("Our portal login is password={secret} if you need it.\n\n## Recent changes"),
    );
    for toml in ["", "[rules]\nsensitive-data = \"off\"\n"] {
        let dir = folder(&[("leak.azsr.md", &leaky), ("azsr.toml", toml)]);
        for to in ["rest-json", "az-cli"] {
            let out = run(dir.path(), &["--export", "leak.azsr.md", "--to", to]);
            assert_eq!(out.status.code(), Some(1), "{toml}");
            assert_eq!(text(&out.stdout), "");
            let err = text(&out.stderr);
            assert!(!err.contains(secret) && !err.contains("Tr0ub4dor"), "{err}");
            assert!(err.contains("not exported"), "{err}");
            if !toml.is_empty() {
                let line = leaky.lines().position(|l| l.contains(secret)).unwrap() + 1;
                assert!(
                    err.contains(&format!("on line(s) {line} ("))
                        && err.contains("sensitive-data is off"),
                    "{err}"
                );
            }
        }
    }
}

#[test]
fn an_unresolvable_classification_exits_2_naming_the_az_command_that_lists_it() {
    let without_id = fixture("vm-rdp.ja.azsr.md").replace(
        "problem_classification_id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\n",
        "",
    );
    let dir = folder(&[
        ("vm.ja.azsr.md", &without_id),
        ("azsr.toml", "messages = \"en\"\n"),
    ]);
    let out = run(dir.path(), &["--export", "vm.ja.azsr.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    let err = text(&out.stderr);
    assert!(err.contains("vm.ja.azsr.md: cannot export"), "{err}");
    assert!(
        err.contains(&format!("`az support services problem-classifications list --service-name {VM_WINDOWS} --output json > {VM_WINDOWS}.json`")),
        "{err}"
    );
    assert!(err.contains("`problem_classification_id`"), "{err}");

    // importing the service's list through [catalog] resolves it
    let listed = format!(
        r#"[{{"id": "/providers/Microsoft.Support/services/{VM_WINDOWS}/problemClassifications/11111111-2222-3333-4444-555555555555",
            "name": "11111111-2222-3333-4444-555555555555",
            "type": "Microsoft.Support/problemClassifications",
            "displayName": "Cannot connect to my VM / Troubleshoot my RDP connection"}}]"#
    );
    fs::create_dir(dir.path().join("pc")).unwrap();
    fs::write(dir.path().join(format!("pc/{VM_WINDOWS}.json")), listed).unwrap();
    fs::write(
        dir.path().join("azsr.toml"),
        "[catalog]\nproblem_classifications = \"pc\"\n",
    )
    .unwrap();
    let json = rest_json(dir.path(), "vm.ja.azsr.md", &[]);
    assert!(json["body"]["properties"]["problemClassificationId"]
        .as_str()
        .unwrap()
        .ends_with("/problemClassifications/11111111-2222-3333-4444-555555555555"));
}

#[test]
fn a_missing_file_exits_2() {
    let dir = folder(&[]);
    let out = run(dir.path(), &["--export", "nowhere.azsr.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("nowhere.azsr.md: no such file or directory"));
}

#[test]
fn init_writes_the_template_and_never_overwrites() {
    let dir = folder(&[]);
    let out = run(
        dir.path(),
        &[
            "--init",
            "new.azsr.md",
            "--lang",
            "ja",
            "--issue-type",
            "quota",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = fs::read_to_string(dir.path().join("new.azsr.md")).unwrap();
    assert!(written.starts_with("---\nissue_type: quota"), "{written}");
    assert!(written.contains("## ゴール"), "{written}");

    fs::write(dir.path().join("new.azsr.md"), "mine").unwrap();
    let out = run(dir.path(), &["--init", "new.azsr.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("never overwrites"));
    assert_eq!(
        fs::read_to_string(dir.path().join("new.azsr.md")).unwrap(),
        "mine"
    );
}

/// The README's export sample is what `--export` prints today (regenerate it by running
/// the command it shows from the repository's root).
#[test]
fn readme_export_sample_is_real_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let sample = readme
        .split("<!-- export-sample:start -->\n```console\n")
        .nth(1)
        .and_then(|s| s.split("```\n<!-- export-sample:end -->").next())
        .expect("README has the export sample between its markers");
    let (command, shown) = sample.split_once('\n').unwrap();
    // the sample shows the whole script: the name check, the attachment's upload, the create
    for step in [
        "az rest ",
        "file-workspace create ",
        "file upload ",
        "tickets create ",
    ] {
        assert!(
            shown.contains(step),
            "README's export sample lacks `{step}`"
        );
    }
    let args: Vec<&str> = command
        .strip_prefix("$ azsr-lsp ")
        .expect("the sample runs azsr-lsp")
        .split_whitespace()
        .collect();
    let out = run(&root, &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        shown,
        "README's export sample is stale: paste the output of `azsr-lsp {}`",
        args.join(" ")
    );
}

#[test]
fn catalog_import_writes_a_folder_that_catalog_names_and_refuses_anything_else() {
    // the shapes the API documents: services as `az` prints them (flattened) and
    // classifications as the REST API returns them (`{"value": [...]}`, `properties`)
    let services = format!(
        r#"[{{"id": "/providers/Microsoft.Support/services/{VM_WINDOWS}", "name": "{VM_WINDOWS}",
             "type": "Microsoft.Support/services", "displayName": "Virtual Machine running Windows",
             "resourceTypes": ["MICROSOFT.COMPUTE/VIRTUALMACHINES"]}},
            {{"id": "/providers/Microsoft.Support/services/11111111-2222-3333-4444-555555555555",
             "name": "11111111-2222-3333-4444-555555555555", "type": "Microsoft.Support/services",
             "displayName": "Brand New Service", "resourceTypes": []}}]"#
    );
    let classifications = format!(
        r#"{{"value": [{{"id": "/providers/Microsoft.Support/services/{VM_WINDOWS}/problemClassifications/aaaaaaaa-2222-3333-4444-555555555555",
            "name": "aaaaaaaa-2222-3333-4444-555555555555", "type": "Microsoft.Support/problemClassifications",
            "properties": {{"displayName": "Cannot connect to my VM / Troubleshoot my RDP connection"}}}}]}}"#
    );
    let without_id = fixture("vm-rdp.ja.azsr.md").replace(
        "problem_classification_id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\n",
        "",
    );
    let dir = folder(&[
        ("services.json", &services),
        ("pc.json", &classifications),
        (
            "bad.json",
            r#"[{"id": "/subscriptions/x", "displayName": "x"}]"#,
        ),
        ("vm.ja.azsr.md", &without_id),
    ]);
    let out = run(
        dir.path(),
        &["--catalog-import", "bad.json", "pc.json", "--out", "cat"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr)
        .contains("bad.json: entry 1: `id` /subscriptions/x is no Microsoft.Support"));
    assert!(
        !dir.path().join("cat").exists(),
        "nothing is written from a bad input"
    );

    let out = run(
        dir.path(),
        &[
            "--catalog-import",
            "services.json",
            "pc.json",
            "--out",
            "cat",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.starts_with("services: 2 (1 added, "), "{report}");
    assert!(report.contains("problem classifications of Virtual Machine running Windows: 1 in 1 problem types (0 types new, 5 no longer listed against the bundled catalog)\n  - Cannot start or stop my VM\n"), "{report}");
    assert!(
        report.contains("\nname it in azsr.toml (paths relative to azsr.toml):\n[catalog]\n"),
        "{report}"
    );
    assert!(report.contains("  + Brand New Service\n"), "{report}");
    assert!(report.contains("  - Billing\n"), "{report}");
    assert!(
        report.contains("services = \"cat/services.json\"\nproblem_classifications = \"cat/pc\""),
        "{report}"
    );
    // the folder works as [catalog]: the classification now resolves
    fs::write(
        dir.path().join("azsr.toml"),
        "[catalog]\nservices = \"cat/services.json\"\nproblem_classifications = \"cat/pc\"\n",
    )
    .unwrap();
    let json = rest_json(dir.path(), "vm.ja.azsr.md", &[]);
    assert!(json["body"]["properties"]["problemClassificationId"]
        .as_str()
        .unwrap()
        .ends_with("/problemClassifications/aaaaaaaa-2222-3333-4444-555555555555"));
}

#[test]
fn catalog_import_reports_in_japanese_by_lang_config_or_locale() {
    let services = format!(
        r#"[{{"id": "/providers/Microsoft.Support/services/{VM_WINDOWS}", "displayName": "Windows の仮想マシン"}}]"#
    );
    let classifications = format!(
        r#"[{{"id": "/providers/Microsoft.Support/services/{VM_WINDOWS}/problemClassifications/aaaaaaaa-2222-3333-4444-555555555555",
            "displayName": "VM に接続できない / RDP"}}]"#
    );
    let japanese = |report: &str| {
        assert!(
            report.starts_with("サービス: 1 件（同梱のカタログと比べて追加 0 件、削除 "),
            "{report}"
        );
        assert!(report.contains("、名前の変更 1 件）\n"), "{report}");
        assert!(
            report.contains("  ~ Virtual Machine running Windows -> Windows の仮想マシン\n"),
            "{report}"
        );
        assert!(report.contains("「Windows の仮想マシン」の問題分類: 1 件、問題の種類 1 件（同梱のカタログと比べて新しい種類 1 件、なくなった種類 6 件）\n  + VM に接続できない\n  - Cannot connect to my VM\n"), "{report}");
        assert!(report.contains("azsr.toml で次のように指定してください（パスは azsr.toml からの相対パスです）。\n[catalog]\nservices = \"cat/services.json\"\n"), "{report}");
        assert!(
            !report.contains("services:") && !report.contains("name it"),
            "{report}"
        );
    };
    let args = [
        "--catalog-import",
        "services.json",
        "pc.json",
        "--out",
        "cat",
    ];
    // --lang
    let dir = folder(&[("services.json", &services), ("pc.json", &classifications)]);
    let mut with_lang = args.to_vec();
    with_lang.extend(["--lang", "ja"]);
    let out = run(dir.path(), &with_lang);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    japanese(&text(&out.stdout));
    // `messages` in azsr.toml
    let dir = folder(&[
        ("services.json", &services),
        ("pc.json", &classifications),
        ("azsr.toml", "messages = \"ja\"\n"),
    ]);
    japanese(&text(&run(dir.path(), &args).stdout));
    // the locale, and errors in the same language
    let dir = folder(&[("services.json", &services), ("pc.json", "{\"nope\": 1}")]);
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir.path())
        .env("LC_ALL", "ja_JP.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("pc.json: `az support services list` や")
            && err.ends_with("何も書き込んでいません。\n"),
        "{err}"
    );
    // --lang en wins over the configuration
    let dir = folder(&[
        ("services.json", &services),
        ("pc.json", &classifications),
        ("azsr.toml", "messages = \"ja\"\n"),
    ]);
    let mut english = args.to_vec();
    english.extend(["--lang", "en"]);
    let report = text(&run(dir.path(), &english).stdout);
    assert!(
        report.starts_with("services: 1 (0 added, ") && report.contains("  + VM に接続できない\n"),
        "{report}"
    );
}
