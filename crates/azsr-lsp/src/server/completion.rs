//! `textDocument/completion`: front matter keys (with their documentation), enumerated
//! values, catalog services (fuzzy; those covering `resource` first), problem types of
//! the chosen service (ranked by the words of `summary`), section headings, and a whole
//! request in an empty file.

use std::ops::Range;

use azsr_core::fields::{self, ContactMethod, IssueType, Plan, CONTACT_FIELDS, FIELDS};
use azsr_core::sections::SectionKind;
use azsr_core::Lang;
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse,
    CompletionTextEdit, Documentation, InsertTextFormat, MarkupContent, MarkupKind, TextEdit,
};

use super::requests::Ctx;
use super::{from_proto, to_proto};

pub struct Item {
    label: String,
    detail: Option<String>,
    doc: Option<String>,
    kind: CompletionItemKind,
    insert: String,
    snippet: bool,
}

impl Item {
    fn new(label: impl Into<String>, kind: CompletionItemKind) -> Item {
        let label = label.into();
        Item {
            insert: label.clone(),
            label,
            detail: None,
            doc: None,
            kind,
            snippet: false,
        }
    }
}

/// The whole request, for an empty file; with `snippets`, empty values are tab stops
/// and the cursor ends under the first heading (the text holds no `$`, `}` or `\\`).
pub fn template(lang: Lang, snippets: bool) -> String {
    let mut stop = 0;
    let mut next = || {
        stop += 1;
        if snippets {
            format!("${stop}")
        } else {
            String::new()
        }
    };
    let mut out = String::from("---\n");
    let fields = [
        ("issue_type", "technical"),
        ("subscription", ""),
        ("service", ""),
        ("resource", ""),
        ("summary", ""),
        ("problem_type", ""),
        ("started", ""),
        ("severity", "C"),
        ("contact_method", "email"),
        (
            "support_language",
            if lang == Lang::Ja { "ja-jp" } else { "en-us" },
        ),
        ("advanced_diagnostics", "true"),
    ];
    for (k, v) in fields {
        let v = if v.is_empty() { next() } else { v.to_string() };
        out.push_str(&format!("{k}: {v}\n").replace(": \n", ":\n"));
    }
    out.push_str("contact:\n");
    for k in ["first_name", "last_name", "email"] {
        out.push_str(&format!("  {k}: {}\n", next()).replace(": \n", ":\n"));
    }
    out.push_str("---\n");
    let mut first = true;
    for kind in SectionKind::ALL {
        if matches!(kind, SectionKind::Related | SectionKind::Contacts) {
            continue;
        }
        let cursor = if first && snippets { "$0\n" } else { "" };
        first = false;
        out.push_str(&format!("\n## {}\n\n{cursor}", kind.heading(lang)));
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

fn value_items(ctx: &Ctx, key: &str, typed: &str) -> Vec<Item> {
    use CompletionItemKind as K;
    let pairs = |values: &[(&str, &str)]| -> Vec<Item> {
        values
            .iter()
            .map(|(en, ja)| {
                let mut it = Item::new(*en, K::ENUM_MEMBER);
                it.detail = Some(ja.to_string());
                it
            })
            .collect()
    };
    match key {
        "issue_type" => pairs(IssueType::VALUES),
        "severity" => pairs(&fields::Severity::VALUES[..3])
            .into_iter()
            .chain(std::iter::once(Item::new("1", K::ENUM_MEMBER)))
            .collect(),
        "support_plan" => Plan::ALL
            .iter()
            .map(|p| Item::new(p.key(), K::ENUM_MEMBER))
            .collect(),
        "contact_method" => pairs(ContactMethod::VALUES),
        "support_language" => pairs(fields::LANGUAGES),
        "response_24x7" | "advanced_diagnostics" => {
            vec![Item::new("true", K::VALUE), Item::new("false", K::VALUE)]
        }
        "service" => service_items(ctx, typed),
        "problem_type" | "problem_subtype" => problem_items(ctx, key == "problem_subtype"),
        _ => Vec::new(),
    }
}

fn field_str<'a>(ctx: &'a Ctx, key: &str) -> Option<&'a str> {
    ctx.source().frontmatter.as_ref()?.get(key)?.value.as_str()
}

fn service_items(ctx: &Ctx, typed: &str) -> Vec<Item> {
    let resource_type = field_str(ctx, "resource")
        .and_then(|r| azsr_core::arm::parse_resource_id(r.trim()).ok())
        .map(|id| id.full_type());
    let mut services: Vec<&azsr_core::catalog::Service> = if typed.trim().is_empty() {
        ctx.catalog.services.iter().collect()
    } else {
        ctx.catalog.suggest_services(typed.trim(), 100)
    };
    if let Some(t) = &resource_type {
        // Stable: keeps the fuzzy order within each group.
        services.sort_by_key(|s| !s.covers_resource_type(t));
    }
    services
        .into_iter()
        .take(200)
        .map(|s| {
            let mut it = Item::new(s.display_name.clone(), CompletionItemKind::MODULE);
            if !s.resource_types.is_empty() {
                it.detail = Some(s.resource_types.join(", "));
            }
            it
        })
        .collect()
}

fn problem_items(ctx: &Ctx, subtypes: bool) -> Vec<Item> {
    let Some(service) = field_str(ctx, "service").and_then(|n| ctx.catalog.find_service(n)) else {
        return Vec::new();
    };
    let Some(list) = ctx.catalog.problems(&service.service().id) else {
        return Vec::new();
    };
    let chosen_type = field_str(ctx, "problem_type").map(str::trim);
    let words = summary_words(field_str(ctx, "summary").unwrap_or(""));
    let mut names: Vec<String> = Vec::new();
    for p in &list.items {
        let name = if subtypes {
            if chosen_type.is_some_and(|t| !t.eq_ignore_ascii_case(&p.problem_type)) {
                continue;
            }
            match &p.subtype {
                Some(s) => s.clone(),
                None => continue,
            }
        } else {
            p.problem_type.clone()
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let score = |n: &str| {
        let name = summary_words(n);
        words
            .iter()
            .filter(|w| {
                name.iter()
                    .any(|x| x.starts_with(w.as_str()) || w.starts_with(x.as_str()))
            })
            .count()
    };
    names.sort_by_key(|n| std::cmp::Reverse(score(n)));
    names
        .into_iter()
        .map(|n| Item::new(n, CompletionItemKind::ENUM_MEMBER))
        .collect()
}

/// The words of a text that can match a problem type: lower-cased, split at anything
/// not alphanumeric, three characters or more, common English words left out. Japanese
/// runs stay whole (the bundled names are English).
fn summary_words(text: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "the", "and", "for", "with", "not", "can", "cannot", "from", "are", "was", "how", "why",
        "what", "when", "our", "your", "about",
    ];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

fn key_items(table: &[fields::FieldSpec], lang: Lang) -> Vec<Item> {
    table
        .iter()
        .map(|f| {
            let mut it = Item::new(f.key, CompletionItemKind::FIELD);
            it.doc = Some(fields::field_doc(f).get(lang).to_string());
            it.insert = format!("{}: ", f.key);
            it
        })
        .collect()
}

/// The items and the byte range they replace.
pub fn items_at(ctx: &Ctx, offset: usize) -> (Vec<Item>, Range<usize>) {
    let source = ctx.source();
    let text = &source.text;
    let lang = ctx.analysis.lang;
    if text.trim().is_empty() {
        let mut it = Item::new(
            if lang == Lang::Ja {
                "お問い合わせのひな形"
            } else {
                "Support request template"
            },
            CompletionItemKind::SNIPPET,
        );
        it.insert = template(lang, ctx.snippets);
        it.snippet = ctx.snippets;
        return (vec![it], 0..text.len());
    }
    let start = line_start(text, offset);
    let line = &text[start..offset];
    let in_frontmatter = source
        .frontmatter
        .as_ref()
        .is_some_and(|fm| fm.yaml.start <= offset && (offset <= fm.yaml.end || !fm.closed));
    if in_frontmatter {
        let indent = line.len() - line.trim_start().len();
        if let Some(colon) = line.find(':') {
            let key = line[..colon].trim();
            let after = &line[colon + 1..];
            let value_start = start + colon + 1 + (after.len() - after.trim_start().len());
            let typed = &text[value_start..offset];
            return (value_items(ctx, key, typed), value_start..offset);
        }
        let table = if indent > 0 { CONTACT_FIELDS } else { FIELDS };
        return (key_items(table, lang), start + indent..offset);
    }
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
        let after = &trimmed[hashes..];
        let head_start = offset - after.trim_start().len();
        let items = SectionKind::ALL
            .iter()
            .map(|k| {
                let mut it = Item::new(k.heading(lang), CompletionItemKind::KEYWORD);
                it.doc = Some(k.purpose().get(lang).to_string());
                it
            })
            .collect();
        return (items, head_start..offset);
    }
    (Vec::new(), offset..offset)
}

pub fn handle(ctx: &Ctx, p: CompletionParams) -> Result<Option<CompletionResponse>, Error> {
    let source = ctx.source();
    let offset = from_proto::offset(
        &source.text,
        &source.line_index,
        p.text_document_position.position,
        ctx.enc,
    );
    let (items, range) = items_at(ctx, offset);
    let range = to_proto::range(source, range, ctx.enc);
    let items: Vec<CompletionItem> = items
        .into_iter()
        .enumerate()
        .map(|(i, it)| CompletionItem {
            label: it.label.clone(),
            kind: Some(it.kind),
            detail: it.detail,
            documentation: it.doc.map(|d| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: d,
                })
            }),
            sort_text: Some(format!("{i:05}")),
            filter_text: Some(it.label),
            insert_text_format: Some(if it.snippet && ctx.snippets {
                InsertTextFormat::SNIPPET
            } else {
                InsertTextFormat::PLAIN_TEXT
            }),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range,
                new_text: it.insert,
            })),
            ..Default::default()
        })
        .collect();
    Ok(Some(CompletionResponse::List(CompletionList {
        is_incomplete: true,
        items,
    })))
}
