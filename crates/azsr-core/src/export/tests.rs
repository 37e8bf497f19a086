use super::*;

const VM_WINDOWS: &str = "6f16735c-b0ae-b275-ad3a-03479cfa1396";
/// "Cannot connect to my VM / Failure to connect using RDP or SSH port" of VM_WINDOWS.
const RDP_PORT: &str = "92c2396d-b703-973f-1bca-2eea9425b21a";

fn draft(front: &str, body: &str) -> String {
    format!(
        "---\n{front}\nseverity: B\nadvanced_diagnostics: true\ncontact_method: email\nsupport_language: ja\n\
         contact:\n  first_name: 太郎\n  last_name: 山田\n  email: taro@example.co.jp\n  country: jpn\n  time_zone: Asia/Tokyo\n---\n{body}"
    )
}

const TECHNICAL: &str = "issue_type: technical\nsubscription: 本番 (6F1C2D4E-8A3B-4C5D-9E0F-1A2B3C4D5E6F)\n\
    service: Virtual Machine running Windows\n\
    resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\n\
    summary: RDP できない\nproblem_type: Cannot connect to my VM\nstarted: 2026-11-20T13:05:00+09:00";

fn export(text: &str) -> Result<Ticket, Unresolved> {
    export_named(text, None)
}

fn export_named(text: &str, name: Option<&str>) -> Result<Ticket, Unresolved> {
    let names = Names {
        file_name: "requests/vm-rdp.ja.azsr.md",
        ticket_name: name,
    };
    ticket(
        &Source::new(text),
        &Config::default(),
        &Catalog::bundled(),
        names,
        Lang::Ja,
    )
}

fn messages(r: Result<Ticket, Unresolved>) -> Vec<String> {
    r.expect_err("unresolved")
        .0
        .into_iter()
        .map(|m| m.en)
        .collect()
}

#[test]
fn a_technical_draft_maps_onto_the_create_body() {
    let text = draft(
        &format!("{TECHNICAL}\nproblem_subtype: Failure to connect using RDP or SSH port\nresponse_24x7: false"),
        "\n## 問題\n接続できない。<!-- ここに書く -->\n\n\n\n## 頻度\n毎回\n",
    );
    let t = export(&text).unwrap();
    let p = &t.properties;
    assert_eq!(
        t.subscription.as_deref(),
        Some("6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f")
    );
    assert_eq!(
        p.service_id,
        format!("/providers/Microsoft.Support/services/{VM_WINDOWS}")
    );
    assert_eq!(
        p.problem_classification_id,
        format!("{}/problemClassifications/{RDP_PORT}", p.service_id)
    );
    assert_eq!(p.severity, "moderate");
    assert_eq!(p.advanced_diagnostic_consent, "Yes");
    assert_eq!(p.require_24x7_response, Some(false));
    assert_eq!(
        p.problem_start_time.as_deref(),
        Some("2026-11-20T04:05:00Z")
    );
    assert_eq!(p.title, "RDP できない");
    assert_eq!(p.description, "## 問題\n接続できない。\n\n## 頻度\n毎回");
    let c = &p.contact_details;
    assert_eq!(c.preferred_time_zone, "Tokyo Standard Time");
    assert_eq!(c.country, "JPN");
    assert_eq!(c.preferred_support_language, "ja-jp");
    assert_eq!(
        p.technical_ticket_details.as_ref().unwrap().resource_id,
        "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"
    );
    assert!(t.url().starts_with(
        "https://management.azure.com/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/providers/Microsoft.Support/supportTickets/vm-rdp-ja-"
    ));
    assert!(t.url().ends_with("?api-version=2024-04-01"));
}

#[test]
fn severities_map_to_the_api_levels() {
    for (value, level) in [
        ("A", "critical"),
        ("C", "minimal"),
        ("1", "highestcriticalimpact"),
        ("重大度 B", "moderate"),
    ] {
        let text = draft(TECHNICAL, "").replace("severity: B", &format!("severity: {value}"));
        let text = text.replace("problem_type: Cannot connect to my VM", "problem_type: Cannot connect to my VM\nproblem_classification_id: 92c2396d-b703-973f-1bca-2eea9425b21a");
        assert_eq!(export(&text).unwrap().properties.severity, level, "{value}");
    }
}

#[test]
fn billing_needs_no_service_and_no_subscription() {
    let text = draft(
        "issue_type: billing\nsummary: 請求\nproblem_type: Disagreement with a charge (workload or service)\nproblem_subtype: Issue with Compute charge\nrelated_requests:\n  - 2311270010001234\n  - {number: 2311270010005678, engineer: 鈴木}\nattachments: [logs/invoice.pdf]",
        "本文\n",
    );
    let t = export(&text).unwrap();
    assert_eq!(t.subscription, None);
    assert!(t
        .url()
        .starts_with("https://management.azure.com/providers/Microsoft.Support/supportTickets/"));
    assert!(t.check_name_url().starts_with(
        "https://management.azure.com/providers/Microsoft.Support/checkNameAvailability?"
    ));
    assert_eq!(
        t.properties.problem_classification_id,
        "/providers/Microsoft.Support/services/517f2da6-78fd-0498-4e22-ad26996b1dfc/problemClassifications/e5bc37bf-a84c-c670-441e-c4cdb47714c5"
    );
    assert_eq!(
        t.properties.description,
        "本文\n\n## 関連するお問い合わせ\n- 2311270010001234\n- 2311270010005678 (担当エンジニア: 鈴木)\n\n## 添付ファイル (別途アップロード)\n- invoice.pdf"
    );
    assert!(t.properties.technical_ticket_details.is_none());
}

#[test]
fn a_classification_the_catalog_lacks_names_the_az_command_that_lists_it() {
    let text = draft(
        &TECHNICAL.replace(
            "Cannot connect to my VM",
            "Cannot connect to my VM\nproblem_subtype: Troubleshoot my RDP connection",
        ),
        "",
    );
    let m = messages(export(&text));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].contains(&format!("az support services problem-classifications list --service-name {VM_WINDOWS} --output json")),
        "{}",
        m[0]
    );
    assert!(
        m[0].contains("problem_classification_id")
            && m[0].contains("[catalog] problem_classifications")
    );
    // the ID given in the new field resolves it, as a GUID or as the full ID
    let guid = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    for id in [
        guid.to_string(),
        format!("/providers/Microsoft.Support/services/{VM_WINDOWS}/problemClassifications/{guid}"),
    ] {
        let with_id = text.replace(
            "started:",
            &format!("problem_classification_id: {id}\nstarted:"),
        );
        assert_eq!(
            export(&with_id)
                .unwrap()
                .properties
                .problem_classification_id,
            format!(
                "/providers/Microsoft.Support/services/{VM_WINDOWS}/problemClassifications/{guid}"
            )
        );
    }
}

#[test]
fn a_given_id_must_agree_with_the_catalog_and_the_service() {
    let other = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    let with = |id: &str| {
        draft(
            &format!("{TECHNICAL}\nproblem_subtype: Failure to connect using RDP or SSH port\nproblem_classification_id: {id}"),
            "",
        )
    };
    assert!(messages(export(&with(other)))[0].contains("name different classifications"));
    assert!(export(&with(RDP_PORT)).is_ok());
    let foreign = format!("/providers/Microsoft.Support/services/517f2da6-78fd-0498-4e22-ad26996b1dfc/problemClassifications/{RDP_PORT}");
    assert!(messages(export(&with(&foreign)))[0].contains("belongs to service 517f2da6"));
    assert!(messages(export(&with("rdp")))[0].contains("neither a GUID"));
}

#[test]
fn a_type_with_several_subtypes_asks_for_one() {
    let text = draft(
        &TECHNICAL
            .replace(
                "Cannot connect to my VM",
                "I can't configure Export of Activity Log",
            )
            .replace("Virtual Machine running Windows", "Activity Logs"),
        "",
    );
    let text = text.replace("resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\n", "");
    let m = messages(export(&text));
    assert!(
        m[0].contains("`problem_subtype`") && m[0].contains("Configuring export in Azure Portal"),
        "{m:?}"
    );
}

#[test]
fn fields_a_switched_off_rule_let_through_are_reported_together() {
    let text = draft(TECHNICAL, "")
        .replace("summary: RDP できない\n", "")
        .replace("severity: B", "severity: D")
        .replace("service: Virtual Machine running Windows", "service: Azure");
    let m = messages(export(&text));
    assert!(
        m.iter().any(|m| m.contains("`summary` is missing")),
        "{m:?}"
    );
    assert!(m.iter().any(|m| m.contains("`severity: D`")), "{m:?}");
    assert!(
        m.iter()
            .any(|m| m.contains("`service: Azure` is not in the catalog")
                && m.contains("az support services list")),
        "{m:?}"
    );
}

#[test]
fn ticket_names_are_stable_per_draft_and_differ_between_drafts() {
    let text = draft(
        &format!("{TECHNICAL}\nproblem_subtype: Failure to connect using RDP or SSH port"),
        "本文\n",
    );
    let a = export(&text).unwrap().name;
    assert_eq!(a, export(&text).unwrap().name);
    assert_ne!(a, export(&text.replace("本文", "本文。")).unwrap().name);
    assert!(
        a.starts_with("vm-rdp-ja-") && a.len() == "vm-rdp-ja-".len() + 8,
        "{a}"
    );
    assert_eq!(
        derived_ticket_name("障害.azsr.md", "x").len(),
        "azsr-".len() + 8
    );
    assert_eq!(
        export_named(&text, Some("my-ticket_1")).unwrap().name,
        "my-ticket_1"
    );
    assert!(messages(export_named(&text, Some("a/b?c")))[0].contains("--ticket-name"));
}

#[test]
fn rest_json_is_the_documented_call() {
    let text = draft(
        &format!("{TECHNICAL}\nproblem_subtype: Failure to connect using RDP or SSH port"),
        "本文\n",
    );
    let t = export(&text).unwrap();
    let v: serde_json::Value = serde_json::from_str(&rest_json(&t)).unwrap();
    assert_eq!(v["method"], "PUT");
    assert_eq!(v["url"], t.url());
    assert_eq!(
        v["body"]["properties"]["contactDetails"]["preferredContactMethod"],
        "email"
    );
    assert_eq!(
        v["body"]["properties"]["require24X7Response"],
        serde_json::Value::Null
    );
    assert!(v["body"]["properties"]["contactDetails"]
        .get("phoneNumber")
        .is_none());
}

#[test]
fn unresolved_messages_keep_the_house_style() {
    use crate::messages::style::{check, Form};
    let texts = [
        draft(TECHNICAL, "")
            .replace("summary: RDP できない\n", "")
            .replace("severity: B", "severity: D")
            .replace("service: Virtual Machine running Windows", "service: Azure"),
        draft(&TECHNICAL.replace("Cannot connect to my VM", "Cannot connect to my VM\nproblem_subtype: Troubleshoot my RDP connection"), ""),
        draft(&format!("{TECHNICAL}\nproblem_subtype: Failure to connect using RDP or SSH port\nproblem_classification_id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), ""),
        draft(&format!("{TECHNICAL}\nproblem_classification_id: /providers/Microsoft.Support/services/517f2da6-78fd-0498-4e22-ad26996b1dfc/problemClassifications/{RDP_PORT}"), ""),
        draft(&format!("{TECHNICAL}\nproblem_classification_id: rdp"), ""),
    ];
    let mut wrong = Vec::new();
    for text in &texts {
        for m in export(text).expect_err("unresolved").0 {
            wrong.extend(check(&m, Form::Sentences));
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn attachments_go_into_a_workspace_named_after_the_ticket() {
    let text = draft(
        &format!("{TECHNICAL}\nproblem_subtype: Failure to connect using RDP or SSH port\nattachments:\n  - ' logs/rdp.zip '\n  - C:\\logs\\画面.png\n  - ''\n  - [x]"),
        "本文\n",
    );
    let t = export(&text).unwrap();
    let names: Vec<(&str, &str)> = t
        .attachments
        .iter()
        .map(|a| (a.path.as_str(), a.file_name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("logs/rdp.zip", "rdp.zip"),
            ("C:\\logs\\画面.png", "画面.png")
        ]
    );
    assert_eq!(
        t.properties.file_workspace_name.as_deref(),
        Some(t.name.as_str())
    );
    assert!(t
        .properties
        .description
        .ends_with("## 添付ファイル (別途アップロード)\n- rdp.zip\n- 画面.png"));
    let (create, upload) = t.file_urls(&t.attachments[1]).unwrap();
    assert!(create.ends_with(&format!(
        "/fileWorkspaces/{}/files/%E7%94%BB%E9%9D%A2.png?api-version=2024-04-01",
        t.name
    )));
    assert_eq!(upload, create.replace("?api", "/upload?api"));

    let none = export(&draft(
        &format!("{TECHNICAL}\nproblem_subtype: Failure to connect using RDP or SSH port"),
        "",
    ))
    .unwrap();
    assert!(none.attachments.is_empty() && none.file_workspace_url().is_none());
}
