//! `textDocument/hover`: a rule's documentation over its finding, a front matter field's
//! documentation (with the response-time table for `severity` and the catalog entry for
//! `service`), and what to write under a section heading. In the message language.

use std::ops::Range;

use azsr_core::fields::{self, Plan, Severity, CONTACT_FIELDS, FIELDS};
use azsr_core::frontmatter::YamlEntry;
use azsr_core::{plans, Lang};
use serde_json::Value;
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::requests::{params, result, Ctx};
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
        if !plans.iter().any(|p| plans::offers(*p, sev)) {
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

fn field_hover(ctx: &Ctx, entry: &YamlEntry, contact: bool) -> Option<String> {
    let key = entry.key_str()?;
    let lang = ctx.analysis.lang;
    let table = if contact { CONTACT_FIELDS } else { FIELDS };
    let spec = table.iter().find(|f| f.key == key)?;
    let mut out = format!("**{key}**\n\n{}", fields::field_doc(spec).get(lang));
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

pub fn handle(ctx: &Ctx, v: Value) -> Result<Value, Error> {
    let p: HoverParams = params(v)?;
    let source = ctx.source();
    let offset = from_proto::offset(
        &source.text,
        &source.line_index,
        p.text_document_position_params.position,
        ctx.enc,
    );
    let Some((text, range)) = hover_text(ctx, offset) else {
        return Ok(Value::Null);
    };
    result(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(to_proto::range(source, range, ctx.enc)),
    })
}
