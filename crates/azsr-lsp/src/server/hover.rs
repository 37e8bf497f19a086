//! `textDocument/hover`: a rule's documentation over its finding, a front matter field's
//! documentation (with the response-time table for `severity` and the catalog entry for
//! `service`), and what to write under a section heading. In the message language.

use std::ops::Range;

use azsr_core::fields::{self, Plan, Severity, CONTACT_FIELDS, FIELDS};
use azsr_core::frontmatter::YamlEntry;
use azsr_core::{plans, Lang};
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::requests::Ctx;
use super::{from_proto, to_proto};

fn contains(r: &Range<usize>, offset: usize) -> bool {
    r.start <= offset && offset <= r.end && r.start != r.end
}

/// First response times under the effective plan (every plan when unknown).
pub fn severity_table(plan: Option<Plan>, lang: Lang) -> String {
    let plans: Vec<Plan> = match plan {
        Some(p) => vec![p],
        None => Plan::ALL
            .into_iter()
            .filter(|p| *p != Plan::Basic)
            .collect(),
    };
    let (head, h24, business) = match lang {
        Lang::En => ("Severity", "24x7", "business hours"),
        Lang::Ja => ("重大度", "24 時間 365 日", "営業時間内"),
    };
    let mut out = format!("| {head} |");
    for p in &plans {
        let mark = if Some(*p) == plan { " ✔" } else { "" };
        out.push_str(&format!(" {}{mark} |", p.key()));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(plans.len()));
    for sev in [Severity::One, Severity::A, Severity::B, Severity::C] {
        // A, B and C always (a dash where not offered); 1 only where some plan has it.
        if sev == Severity::One && !plans.iter().any(|p| plans::offers(*p, sev)) {
            continue;
        }
        out.push_str(&format!("\n| {} |", sev.label()));
        for p in &plans {
            let cell = match plans::first_response(*p, sev) {
                None => "—".to_string(),
                Some(t) => match t.hours {
                    Some(h) => format!(
                        "≤ {h} h, {}",
                        if t.around_the_clock { h24 } else { business }
                    ),
                    None => format!(
                        "[{}]({})",
                        if lang == Lang::Ja {
                            "公開ページ"
                        } else {
                            "see the page"
                        },
                        plans::RESPONSE_URL
                    ),
                },
            };
            out.push_str(&format!(" {cell} |"));
        }
    }
    out.push_str("\n\n");
    out.push_str(match lang {
        Lang::En => "A is for a business-critical system that is down or unusable now; A is handled by phone only. B with 24x7 is English only.",
        Lang::Ja => "A は業務上重要なシステムが今まさに停止・利用不能な場合のためのもので、電話でのみ対応されます。B の 24 時間対応は英語のみです。",
    });
    out
}

/// What hover adds to a field's one-line documentation (rules.md, Hover).
fn field_details(key: &str, lang: Lang) -> Option<String> {
    let (en, ja): (&str, &str) = match key {
        "issue_type" => (
            "Billing, subscription management and quota requests are free on every plan; a technical request needs a paid support plan (developer or higher).",
            "課金・サブスクリプション管理・クォータのお問い合わせはどのプランでも無償です。技術的なお問い合わせには有償のサポート プラン (developer 以上) が必要です。",
        ),
        "support_plan" => (
            "basic: no technical support · developer: severity C only · standard, professional_direct: A, B, C · premier, unified: also 1. Without it, the configuration's support_plan applies.",
            "basic: 技術サポートなし · developer: 重大度 C のみ · standard、professional_direct: A、B、C · premier、unified: 1 も可。未記入のときは設定の support_plan が使われます。",
        ),
        "contact_method" => (
            "Severity A (and 1) is handled by phone only, and needs `contact.phone`.",
            "重大度 A (と 1) は電話でのみ対応され、`contact.phone` が必要です。",
        ),
        "support_language" => (
            "With English, the summary and the body must be in English. Round-the-clock work on severity B is offered in English only.",
            "英語を選ぶと、概要と本文も英語で書く必要があります。重大度 B の 24 時間対応は英語のみです。",
        ),
        "advanced_diagnostics" => (
            "With consent, support may extract platform logs of the affected resources to the extent troubleshooting needs, sparing you collecting them by hand; the permission is removed when the request closes. See https://azure.microsoft.com/support/legal/support-diagnostic-information-collection/",
            "同意すると、サポートはトラブルシューティングに必要な範囲で対象リソースの基盤ログを抽出でき、手作業での収集が不要になります。アクセス許可はお問い合わせのクローズとともに削除されます。参考: https://azure.microsoft.com/support/legal/support-diagnostic-information-collection/",
        ),
        "subscription" => (
            "The account filing the request needs the Owner, Contributor or Support Request Contributor role on this subscription.",
            "お問い合わせするアカウントには、このサブスクリプションの所有者・共同作成者・サポート リクエスト共同作成者のいずれかのロールが必要です。",
        ),
        _ => return None,
    };
    Some(match lang {
        Lang::En => en.to_string(),
        Lang::Ja => ja.to_string(),
    })
}

fn field_hover(ctx: &Ctx, entry: &YamlEntry, contact: bool) -> Option<String> {
    let key = entry.key_str()?;
    let lang = ctx.analysis.lang;
    let table = if contact { CONTACT_FIELDS } else { FIELDS };
    let spec = table.iter().find(|f| f.key == key)?;
    let mut out = format!("**{key}**\n\n{}", fields::field_doc(spec).get(lang));
    if let Some(details) = field_details(key, lang).filter(|_| !contact) {
        out.push_str("\n\n");
        out.push_str(&details);
    }
    match key {
        "severity" if !contact => {
            let plan = ctx
                .source()
                .frontmatter
                .as_ref()
                .and_then(|fm| fm.get("support_plan"))
                .and_then(|e| e.value.as_str())
                .and_then(Plan::parse)
                .or_else(|| ctx.config.support_plan.as_deref().and_then(Plan::parse));
            out.push_str("\n\n");
            out.push_str(&severity_table(plan, lang));
        }
        "service" if !contact => {
            if let Some(m) = entry
                .value
                .as_str()
                .and_then(|n| ctx.catalog.find_service(n))
            {
                let s = m.service();
                out.push_str(&format!("\n\n`{}` — ID `{}`", s.display_name, s.id));
                if !s.resource_types.is_empty() {
                    let types: Vec<&str> = s
                        .resource_types
                        .iter()
                        .take(10)
                        .map(String::as_str)
                        .collect();
                    out.push_str(&format!("\n\n{}", types.join(", ")));
                }
                if let Some(list) = ctx.catalog.problems(&s.id) {
                    let mut types: Vec<&str> =
                        list.items.iter().map(|p| p.problem_type.as_str()).collect();
                    types.dedup();
                    out.push_str(&format!("\n\n{}", types.join(" · ")));
                }
            }
        }
        _ => {}
    }
    Some(out)
}

pub fn hover_text(ctx: &Ctx, offset: usize) -> Option<(String, Range<usize>)> {
    let source = ctx.source();
    let lang = ctx.analysis.lang;
    // A finding under the cursor: its message and its rule's documentation.
    if let Some(d) = ctx
        .analysis
        .diagnostics
        .iter()
        .find(|d| contains(&d.range, offset))
    {
        let doc = azsr_core::rules::by_name(d.code).map_or("", |r| r.doc);
        let text = format!(
            "**{}** — {}\n\n{}\n\n[{}]({})",
            d.code,
            d.message.get(lang),
            doc.trim(),
            d.code,
            to_proto::rule_doc_url(d.code)
        );
        return Some((text, d.range.clone()));
    }
    if let Some(fm) = &source.frontmatter {
        for entry in fm.entries() {
            let whole = entry.key.span.start..entry.value.span.end.max(entry.key.span.end);
            if !contains(&whole, offset) {
                continue;
            }
            if entry.key_str() == Some("contact") {
                for sub in entry.value.entries() {
                    let r = sub.key.span.start..sub.value.span.end.max(sub.key.span.end);
                    if contains(&r, offset) {
                        return field_hover(ctx, sub, true).map(|t| (t, r));
                    }
                }
            }
            return field_hover(ctx, entry, false).map(|t| (t, whole));
        }
    }
    for h in &source.body.headings {
        if let (true, Some(kind)) = (contains(&h.range, offset), h.section) {
            let text = format!("**{}**\n\n{}", kind.heading(lang), kind.purpose().get(lang));
            return Some((text, h.range.clone()));
        }
    }
    None
}

pub fn handle(ctx: &Ctx, p: HoverParams) -> Result<Option<Hover>, Error> {
    let source = ctx.source();
    let offset = from_proto::offset(
        &source.text,
        &source.line_index,
        p.text_document_position_params.position,
        ctx.enc,
    );
    let Some((text, range)) = hover_text(ctx, offset) else {
        return Ok(None);
    };
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(to_proto::range(source, range, ctx.enc)),
    }))
}
