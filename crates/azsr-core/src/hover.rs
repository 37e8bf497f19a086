//! Hover (rules.md, "Hover"): what the text at a byte offset means, in Markdown, in
//! the analysis's language. A finding's rule comes first, then a front matter field
//! (its documentation, with the response-time table for `severity`, the catalog entry
//! for `service`, and what each other documented field decides), then a section heading
//! (what to write under it). The language server only converts positions.
//!
//! Figures come from [`crate::plans`]; a figure no public source gives (Unified's own
//! table, severity 1) is shown as a link to [`plans::RESPONSE_URL`], never guessed.

use std::ops::Range;

use crate::catalog::{Catalog, ServiceMatch, ServiceState};
use crate::fields::{self, Plan, Severity, CONTACT_FIELDS, FIELDS};
use crate::frontmatter::YamlEntry;
use crate::messages::Lang;
use crate::{plans, rules, Analysis, Source};

/// A hover's text and the bytes it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    pub markdown: String,
    /// The finding, the field (key and value) or the heading under the offset.
    pub range: Range<usize>,
}

/// The hover at byte `offset` of `source`, when something there has one.
pub fn hover(
    source: &Source,
    analysis: &Analysis,
    catalog: &Catalog,
    offset: usize,
) -> Option<Hover> {
    let lang = analysis.lang;
    let under = |r: &Range<usize>| r.start <= offset && offset <= r.end && r.start != r.end;
    if let Some(d) = analysis.diagnostics.iter().find(|d| under(&d.range)) {
        // The editor shows the finding's message with the hover already: the hover adds
        // the rule's documentation, not the message a second time.
        let doc = rules::by_name(d.code).map(|r| rules::documentation(r, lang));
        let markdown = format!(
            "**{}**\n\n{}\n\n[{}]({})",
            d.code,
            doc.as_deref().unwrap_or("").trim(),
            d.code,
            rules::doc_url(d.code)
        );
        return Some(Hover {
            markdown,
            range: d.range.clone(),
        });
    }
    if let Some(fm) = &source.frontmatter {
        let whole = |e: &YamlEntry| e.key.span.start..e.value.span.end.max(e.key.span.end);
        if let Some(entry) = fm.entries().iter().find(|e| under(&whole(e))) {
            if entry.key_str() == Some("contact") {
                if let Some(sub) = entry.value.entries().iter().find(|e| under(&whole(e))) {
                    let markdown = field(sub, true, analysis.plan, catalog, lang)?;
                    return Some(Hover {
                        markdown: masked(markdown, sub, source, analysis),
                        range: whole(sub),
                    });
                }
            }
            let markdown = field(entry, false, analysis.plan, catalog, lang)?;
            return Some(Hover {
                markdown: masked(markdown, entry, source, analysis),
                range: whole(entry),
            });
        }
    }
    let heading = source
        .body
        .headings
        .iter()
        .find(|h| h.section.is_some() && under(&h.range))?;
    let kind = heading.section?;
    Some(Hover {
        markdown: format!("**{}**\n\n{}", kind.heading(lang), kind.purpose().get(lang)),
        range: heading.range.clone(),
    })
}

/// `markdown` with the field's value, where it quotes it (the `service` hover), masked
/// as everything shown from the document is ([`crate::redact`]).
fn masked(markdown: String, entry: &YamlEntry, source: &Source, analysis: &Analysis) -> String {
    let Some(value) = entry
        .value
        .as_str()
        .map(str::trim)
        .filter(|v| !v.is_empty())
    else {
        return markdown;
    };
    let shown = analysis
        .redactor
        .mask_quote(&source.text, entry.value.span.clone(), value);
    if shown == value {
        markdown
    } else {
        markdown.replace(value, &shown)
    }
}

/// A field's hover: its one-line documentation, then what [`details`] adds for a
/// top-level key (a `contact` key has its line only).
fn field(
    entry: &YamlEntry,
    in_contact: bool,
    plan: Option<Plan>,
    catalog: &Catalog,
    lang: Lang,
) -> Option<String> {
    let key = entry.key_str()?;
    let table = if in_contact { CONTACT_FIELDS } else { FIELDS };
    let spec = table.iter().find(|f| f.key == key)?;
    let mut out = format!("**{key}**\n\n{}", fields::field_doc(spec).get(lang));
    let more = (!in_contact)
        .then(|| details(key, entry.value.as_str(), plan, catalog, lang))
        .flatten();
    if let Some(more) = more {
        out.push_str("\n\n");
        out.push_str(&more);
    }
    Some(out)
}

/// What support may collect with `advanced_diagnostics: true`.
const DIAGNOSTICS_URL: &str =
    "https://azure.microsoft.com/support/legal/support-diagnostic-information-collection/";

/// Plans that offer technical support, in the order of the plans page.
const PAID: [Plan; 5] = [
    Plan::Developer,
    Plan::Standard,
    Plan::ProfessionalDirect,
    Plan::Premier,
    Plan::Unified,
];

fn t(lang: Lang, en: &str, ja: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Ja => ja.to_string(),
    }
}

/// What a top-level key's hover adds to its one-line documentation, when there is more
/// to say. `value` is the field's scalar text (used by `service`).
fn details(
    key: &str,
    value: Option<&str>,
    plan: Option<Plan>,
    catalog: &Catalog,
    lang: Lang,
) -> Option<String> {
    Some(match key {
        "severity" => severity_table(plan, lang),
        "support_plan" => support_plan(plan, lang),
        "issue_type" => issue_type(lang),
        "contact_method" => contact_method(lang),
        "support_language" => support_language(lang),
        "response_24x7" => response_24x7(lang),
        "advanced_diagnostics" => advanced_diagnostics(lang),
        "subscription" => subscription(lang),
        "service" => service(catalog, value?, lang)?,
        _ => return None,
    })
}

fn hours_text(hours: f32, business: bool, lang: Lang) -> String {
    let h = if hours.fract() == 0.0 {
        format!("{}", hours as u32)
    } else {
        format!("{hours}")
    };
    match (lang, business) {
        (Lang::En, true) => format!("< {h} business hours"),
        (Lang::En, false) => format!("< {h} h"),
        (Lang::Ja, true) => format!("{h} 営業時間以内"),
        (Lang::Ja, false) => format!("{h} 時間以内"),
    }
}

fn cell(plan: Plan, severity: Severity, lang: Lang) -> String {
    match plans::first_response(plan, severity) {
        None => "—".to_string(),
        Some(target) => match target.hours {
            // the plans page counts C in business hours; B's "business hours" is in the
            // table's Hours column (24x7 on request)
            Some(h) => hours_text(h, severity == Severity::C && !target.around_the_clock, lang),
            None => match lang {
                Lang::En => format!("[see the plans page]({})", plans::RESPONSE_URL),
                Lang::Ja => format!("[プランのページを参照]({})", plans::RESPONSE_URL),
            },
        },
    }
}

fn plan_label(plan: Plan, marked: bool, lang: Lang) -> String {
    let name = plans::display_name(plan);
    match (marked, lang) {
        (false, _) => name.to_string(),
        (true, Lang::En) => format!("**{name}** ◀ this request's plan"),
        (true, Lang::Ja) => format!("**{name}** ◀ このお問い合わせのプラン"),
    }
}

/// The first-response table for the `severity` hover: A, B, C (and 1 where offered)
/// under the effective plan, or under every plan when none is known (or the plan is
/// Basic, which has no technical support); 24x7 versus business hours, what A is for,
/// and that A is handled by phone only.
fn severity_table(plan: Option<Plan>, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&t(
        lang,
        "**Severity and first response time** (time until an engineer contacts you)\n\n",
        "**重大度と初回応答時間**（サポート エンジニアから最初の連絡があるまでの時間）\n\n",
    ));
    let columns: Vec<(Plan, bool)> = match plan {
        Some(Plan::Basic) => {
            out.push_str(&t(
                lang,
                "The **Basic** plan (this request's) has no technical support: billing, subscription management and quota requests are free; technical ones need one of these plans.\n\n",
                "このお問い合わせの **Basic** プランには技術サポートがありません。課金・サブスクリプションの管理・クォータのお問い合わせは無償で、技術的なお問い合わせには次のいずれかのプランが必要です。\n\n",
            ));
            PAID.iter().map(|p| (*p, false)).collect()
        }
        Some(p) => vec![(p, true)],
        None => PAID.iter().map(|p| (*p, false)).collect(),
    };
    let with_one = columns
        .iter()
        .any(|(p, _)| plans::offers(*p, Severity::One));

    // header
    out.push_str(&t(
        lang,
        "| Severity | Business impact | Hours |",
        "| 重大度 | 事業への影響 | 対応時間帯 |",
    ));
    for (p, marked) in &columns {
        out.push(' ');
        out.push_str(&plan_label(*p, *marked, lang));
        out.push_str(" |");
    }
    out.push('\n');
    out.push_str("|---|---|---|");
    for _ in &columns {
        out.push_str("---|");
    }
    out.push('\n');

    let mut rows: Vec<Severity> = Vec::new();
    if with_one {
        rows.push(Severity::One);
    }
    rows.extend([Severity::A, Severity::B, Severity::C]);
    for sev in rows {
        let (impact, hours) = match (sev, lang) {
            (Severity::One, Lang::En) => {
                ("Emergency, severe impact (`highestcriticalimpact`)", "24x7")
            }
            (Severity::One, Lang::Ja) => (
                "緊急・深刻な影響（`highestcriticalimpact`）",
                "24 時間 365 日",
            ),
            (Severity::A, Lang::En) => ("Critical: the business is stopped now", "24x7"),
            (Severity::A, Lang::Ja) => ("重大: 事業が今停止している", "24 時間 365 日"),
            (Severity::B, Lang::En) => (
                "Moderate: work continues, impaired",
                "business hours (24x7 on request, English only)",
            ),
            (Severity::B, Lang::Ja) => (
                "中: 支障はあるが業務は続けられる",
                "営業時間内（希望すれば 24 時間、英語のみ）",
            ),
            (Severity::C, Lang::En) => ("Minimal", "business hours"),
            (Severity::C, Lang::Ja) => ("軽微", "営業時間内"),
        };
        out.push_str(&format!("| {} | {impact} | {hours} |", sev.label()));
        for (p, _) in &columns {
            out.push_str(&format!(" {} |", cell(*p, sev, lang)));
        }
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&t(
        lang,
        "- **A** is for a business-stopping outage happening now (e.g. nobody in the company can send mail). Choose B or lower for the root cause of a recovered problem, for a problem during build-out or after a change that rolling back would fix, or to speed up a project.\n\
         - **A** is handled **by phone only**: set `contact_method: phone` and `contact.phone`, and stay reachable around the clock.\n\
         - To raise an open request to A, file a new A request that names the open one's number.\n",
        "- **A** は、今まさに事業が止まっている障害（例: 全社員がメールを送受信できない）の復旧のためのものです。復旧済みの問題の原因調査、構築中や設定変更後の問題で切り戻せば解消するもの、プロジェクトを急ぎたい場合は B 以下を選んでください。\n\
         - **A** は**電話のみ**の対応です。`contact_method: phone` と `contact.phone` を設定し、常に連絡がつくようにしてください。\n\
         - 対応中の案件を A に上げるには、その番号を書いて重大度 A で新規に起票します。\n",
    ));
    out.push_str(&match lang {
        Lang::En => format!(
            "\nFigures: [Azure support plans, response times]({}); Unified's own figures are on that page's link.\n",
            plans::RESPONSE_URL
        ),
        Lang::Ja => format!(
            "\n出典: [Azure サポート プランのサポート内容と応答性]({})。Unified の値はそのページのリンク先にあります。\n",
            plans::RESPONSE_URL
        ),
    });
    out
}

/// The `support_plan` hover: what each plan offers, the effective one marked.
fn support_plan(plan: Option<Plan>, lang: Lang) -> String {
    let mut out = t(
        lang,
        "**Support plan**: decides which severities you can choose and how fast support first responds. Billing, subscription management and quota requests are free on every plan; technical requests need a paid plan on the subscription. Without `support_plan`, the configuration's is used; with neither, plan checks are skipped.\n\n| Plan | Technical support | Severities |\n|---|---|---|\n",
        "**サポート プラン**: 選べる重大度と初回応答時間が決まります。課金・サブスクリプションの管理・クォータのお問い合わせはどのプランでも無償で、技術的なお問い合わせにはサブスクリプションに有償プランが必要です。`support_plan` がなければ設定ファイルの値を使い、どちらもなければプランのチェックは行いません。\n\n| プラン | 技術サポート | 重大度 |\n|---|---|---|\n",
    );
    for p in [
        Plan::Basic,
        Plan::Developer,
        Plan::Standard,
        Plan::ProfessionalDirect,
        Plan::Premier,
        Plan::Unified,
    ] {
        let technical = match (p, lang) {
            (Plan::Basic, Lang::En) => "no",
            (Plan::Basic, Lang::Ja) => "なし",
            (Plan::Developer, Lang::En) => "business hours, e-mail",
            (Plan::Developer, Lang::Ja) => "営業時間内、メール",
            (_, Lang::En) => "yes, 24x7 for A",
            (_, Lang::Ja) => "あり（A は 24 時間）",
        };
        let sev = match plans::severities_text(p).as_str() {
            "none" => "—".to_string(),
            s => s.to_string(),
        };
        out.push_str(&format!(
            "| {} `{}` | {technical} | {sev} |\n",
            plan_label(p, plan == Some(p), lang),
            p.key()
        ));
    }
    out.push_str(&match lang {
        Lang::En => format!("\nSee [Azure support plans]({}).\n", plans::RESPONSE_URL),
        Lang::Ja => format!(
            "\n詳しくは [Azure サポート プラン]({}) を参照してください。\n",
            plans::RESPONSE_URL
        ),
    });
    out
}

/// The `issue_type` hover: the four types, free versus paid.
fn issue_type(lang: Lang) -> String {
    t(
        lang,
        "**Issue type**\n\n\
         | value | | plan |\n|---|---|---|\n\
         | `technical` (技術) | problems with an Azure service | needs a paid plan |\n\
         | `billing` (課金) | invoices, charges, payments | free |\n\
         | `subscription_management` (サブスクリプションの管理) | subscriptions, offers, transfers | free |\n\
         | `quota` (サービスとサブスクリプションの制限) | raising service and subscription limits | free |\n\n\
         For the three free types the service is implied (Billing; Subscription management; Service and subscription limits (quotas)) and `service` may be omitted.\n",
        "**問題の種類**\n\n\
         | 値 | | プラン |\n|---|---|---|\n\
         | `technical`（技術）| 各 Azure サービスの技術的な問題 | 有償プランが必要 |\n\
         | `billing`（課金）| 請求書・料金・支払い | 無償 |\n\
         | `subscription_management`（サブスクリプションの管理）| サブスクリプション・オファー・移管 | 無償 |\n\
         | `quota`（サービスとサブスクリプションの制限）| サービスとサブスクリプションの制限（クォータ）の引き上げ | 無償 |\n\n\
         無償の 3 種類は、サービスが `Billing`、`Subscription management`、`Service and subscription limits (quotas)` に決まっているため、`service` は省略できます。\n",
    )
}

/// The `contact_method` hover.
fn contact_method(lang: Lang) -> String {
    t(
        lang,
        "**Contact method**: how support makes the *first* contact, `email` (メール) or `phone` (電話); later contacts may use another channel as the case needs. Severity A (and 1) is handled by phone only, and phone contact needs `contact.phone`. Other wishes（times to call, mail format）go in the description.\n",
        "**連絡方法**: サポートからの*初回*の連絡方法です。`email` ならメール、`phone` なら電話です。2 回目以降は状況に応じて別の方法をお願いすることがあります。重大度 A（と 1）は電話のみの対応で、電話連絡には `contact.phone` が必要です。連絡時間帯などの細かいご希望は本文に書いてください。\n",
    )
}

/// The `support_language` hover.
fn support_language(lang: Lang) -> String {
    t(
        lang,
        "**Support language**: the language support answers in. Codes: `en-us`, `ja-jp`, `zh-hans`, `zh-tw`, `es-es`, `fr-fr`, `ko-kr`, `ru-ru`, `pt-br`, `it-it`, `de-de` (also `ja`, `en`, 日本語, 英語).\n\n\
         - For English support, write the summary and the description in English too.\n\
         - 24x7 work on severity B (`response_24x7: true`) is English only; in Japanese, only severity A is worked 24x7. Other languages are served in local business hours.\n",
        "**サポート言語**: サポートが対応する言語です。コード: `en-us`、`ja-jp`、`zh-hans`、`zh-tw`、`es-es`、`fr-fr`、`ko-kr`、`ru-ru`、`pt-br`、`it-it`、`de-de`（`ja`、`en`、日本語、英語も可）。\n\n\
         - 英語での対応を希望する場合は、概要と本文もすべて英語で書いてください。\n\
         - 重大度 B の 24 時間対応（`response_24x7: true`）は英語のみです。日本語で 24 時間対応となるのは重大度 A のみで、その他の言語は現地の営業時間内の対応です。\n",
    )
}

/// The `response_24x7` hover.
fn response_24x7(lang: Lang) -> String {
    t(
        lang,
        "**24x7 response**: asks for round-the-clock work on a severity B request. English only (`support_language: en`). Severity A is always worked 24x7; severity C is worked in business hours.\n",
        "**24 時間対応**: 重大度 B のお問い合わせで 24 時間体制の対応を希望します。英語のみです（`support_language: en`）。重大度 A は常に 24 時間対応、重大度 C は営業時間内の対応です。\n",
    )
}

/// The `advanced_diagnostics` hover: what consent allows.
fn advanced_diagnostics(lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "**Advanced diagnostic information**: with `true`, support may collect diagnostic information (such as platform logs) from the affected resources, within what troubleshooting needs and with care for data privacy. It spares you extracting logs by hand and sending them; `true` is recommended. The permission is removed when the request is closed. What is collected: [Data we use to deliver Azure support]({DIAGNOSTICS_URL}).\n"
        ),
        Lang::Ja => format!(
            "**高度な診断情報**: `true` にすると、サポートはトラブルシューティングに必要な範囲で、データのプライバシーに配慮しつつ、対象リソースの診断情報（基盤のログなど）を収集できます。お客様が手作業でログを取り出して送る手間が省けるため、`true` をお勧めします。許可はお問い合わせのクローズとともに削除されます。収集される情報: [Data we use to deliver Azure support]({DIAGNOSTICS_URL})。\n"
        ),
    }
}

/// The `subscription` hover: which subscription, and the roles the filer needs.
fn subscription(lang: Lang) -> String {
    t(
        lang,
        "**Subscription**: the ID (GUID) of the subscription that holds the affected resource (`Name (GUID)` is accepted). The account filing the request needs the **Owner**, **Contributor** or **Support Request Contributor** role on it: that is how support knows it may discuss that environment. Paid plans are bound per subscription, so this also decides the support level. Filing from another subscription than the resource's triggers extra security checks and delays.\n",
        "**サブスクリプション**: 問題のリソースを含むサブスクリプションの ID（GUID）です。`名前 (GUID)` の形でも記入できます。起票するアカウントには、そのサブスクリプションの**所有者**、**共同作成者**、**サポート リクエスト共同作成者**のいずれかのロールが必要です（環境の情報を扱ってよいことの確認に使われます）。有償プランはサブスクリプション単位で紐付くため、サポート レベルもこれで決まります。リソースと異なるサブスクリプションから起票すると、追加のセキュリティ チェックが入り対応が遅れます。\n",
    )
}

/// The `service` hover: the catalog entry of `name` (current or former name): its ID,
/// state, resource types and problem types; for an alias (`App Service`), the catalog
/// services it stands for. `None` when the catalog does not know it.
fn service(catalog: &Catalog, name: &str, lang: Lang) -> Option<String> {
    let Some(found) = catalog.find_service(name) else {
        let meant: Vec<String> = catalog
            .alias(name)
            .iter()
            .map(|s| format!("- `{}`\n", s.display_name.trim()))
            .collect();
        if meant.is_empty() {
            return None;
        }
        let name = name.trim();
        let meant = meant.concat();
        return Some(match lang {
            Lang::En => format!("**{name}** is not a name the form lists: the catalog names it\n\n{meant}"),
            Lang::Ja => format!("**{name}** はフォームに表示される名前ではありません。カタログ上の名前は次のとおりです。\n\n{meant}"),
        });
    };
    let s = found.service();
    let display = s.display_name.trim();
    let mut out = format!("**{display}**\n\n");
    if let ServiceMatch::Former(_) = found {
        out.push_str(&match lang {
            Lang::En => format!("`{}` is a former name of this service.\n\n", name.trim()),
            Lang::Ja => format!("`{}` はこのサービスの旧名称です。\n\n", name.trim()),
        });
    }
    out.push_str(&match lang {
        Lang::En => format!("- ID: `{}`\n", s.id),
        Lang::Ja => format!("- ID: `{}`\n", s.id),
    });
    let state = match (s.state, lang) {
        (ServiceState::Public, Lang::En) => "public",
        (ServiceState::Public, Lang::Ja) => "一般提供",
        (ServiceState::Preview, Lang::En) => "preview",
        (ServiceState::Preview, Lang::Ja) => "プレビュー",
        (ServiceState::Retired, Lang::En) => "**retired**: no longer offered on the form",
        (ServiceState::Retired, Lang::Ja) => "**提供終了**: フォームでは選べません",
        (ServiceState::Unknown, Lang::En) => "not in the newest service list",
        (ServiceState::Unknown, Lang::Ja) => "最新のサービス一覧にありません",
    };
    out.push_str(&match lang {
        Lang::En => format!("- State: {state}\n"),
        Lang::Ja => format!("- 状態: {state}\n"),
    });
    if !s.former_names.is_empty() {
        let names: Vec<String> = s
            .former_names
            .iter()
            .map(|n| format!("`{}`", n.trim()))
            .collect();
        out.push_str(&match lang {
            Lang::En => format!("- Former names: {}\n", names.join(", ")),
            Lang::Ja => format!("- 旧名称: {}\n", names.join("、")),
        });
    }
    if s.resource_types.is_empty() {
        out.push_str(&t(
            lang,
            "- Resource types: none listed\n",
            "- リソースの種類: 登録なし\n",
        ));
    } else {
        let types: Vec<String> = s.resource_types.iter().map(|r| format!("`{r}`")).collect();
        out.push_str(&match lang {
            Lang::En => format!("- Resource types: {}\n", types.join(", ")),
            Lang::Ja => format!("- リソースの種類: {}\n", types.join("、")),
        });
    }
    let types = catalog.problem_types(&s.id);
    let complete = catalog.problems(&s.id).is_some_and(|l| l.complete);
    if types.is_empty() {
        out.push_str(&t(
            lang,
            "- Problem types: not in the bundled catalog (choose them on the portal)\n",
            "- 問題の種類: 同梱のカタログにはありません（ポータルで選んでください）\n",
        ));
    } else {
        out.push_str(&match (lang, complete) {
            (Lang::En, true) => "- Problem types (complete list):\n".to_string(),
            (Lang::En, false) => {
                "- Problem types (partial list: the portal may show more):\n".to_string()
            }
            (Lang::Ja, true) => "- 問題の種類（全件）:\n".to_string(),
            (Lang::Ja, false) => {
                "- 問題の種類（一部のみ。ポータルには他にもある場合があります）:\n".to_string()
            }
        });
        const MAX: usize = 25;
        for ty in types.iter().take(MAX) {
            let n = catalog.problem_subtypes(&s.id, ty).len();
            if n == 0 {
                out.push_str(&format!("  - {ty}\n"));
            } else {
                out.push_str(&match lang {
                    Lang::En => format!("  - {ty} ({n} subtypes)\n"),
                    Lang::Ja => format!("  - `{ty}`（サブタイプ {n} 件）\n"),
                });
            }
        }
        if types.len() > MAX {
            let more = types.len() - MAX;
            out.push_str(&match lang {
                Lang::En => format!("  - … and {more} more\n"),
                Lang::Ja => format!("  - … ほか {more} 件\n"),
            });
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{parse_marks, test_now};
    use crate::{analyze, Config, Env};

    /// The hover just inside the marked range of `annotated`, which it must cover
    /// exactly.
    fn hover_in(annotated: &str) -> String {
        let (text, marks) = parse_marks(annotated);
        let source = Source::new(text);
        let env = Env {
            now: test_now(),
            files: None,
            locale: None,
        };
        let catalog = Catalog::bundled();
        let analysis = analyze(&source, &Config::default(), &catalog, &env);
        let h = hover(&source, &analysis, &catalog, marks[0].start + 1).expect("a hover");
        assert_eq!(h.range, marks[0], "{}", h.markdown);
        h.markdown
    }

    #[test]
    fn a_field_shows_its_line_and_what_it_decides_in_the_documents_language() {
        let md =
            hover_in("---\nsupport_language: ja-jp\nsupport_plan: developer\n«severity: C»\n---\n");
        let doc = fields::field_doc(FIELDS.iter().find(|f| f.key == "severity").unwrap());
        assert!(
            md.starts_with(&format!("**severity**\n\n{}\n\n", doc.ja)),
            "{md}"
        );
        // the severity table under the file's plan, with the business impact column
        assert!(
            md.ends_with(&severity_table(Some(Plan::Developer), Lang::Ja)),
            "{md}"
        );
        assert!(
            md.contains(
                "| 重大度 | 事業への影響 | 対応時間帯 | **Developer** ◀ このお問い合わせのプラン |"
            ),
            "{md}"
        );
        let md = hover_in("---\nsupport_language: en-us\n«subscription: x»\n---\n");
        assert!(md.ends_with(&subscription(Lang::En)), "{md}");
        // a contact key has its line only
        let md = hover_in("---\ncontact:\n  «phone: 03-1234-5678»\n---\n");
        assert_eq!(
            md,
            "**phone**\n\nPhone number; required for phone contact and severity A."
        );
    }

    #[test]
    fn a_finding_shows_its_rule_over_the_field() {
        let md =
            hover_in("---\nissue_type: technical\nsupport_plan: developer\nseverity: «B»\n---\n");
        let rule = &crate::rules::severity_unavailable::RULE;
        assert!(md.starts_with("**severity-unavailable**\n\n"), "{md}");
        assert!(md.contains(rules::doc_markdown(rule).trim()), "{md}");
        assert!(md.ends_with(&format!(
            "[severity-unavailable]({})",
            rules::doc_url(rule.name)
        )));
    }

    #[test]
    fn a_japanese_finding_shows_the_japanese_doc_without_its_message_again() {
        let text = "---\nsupport_language: ja\nissue_type: technical\nsupport_plan: developer\nseverity: «B»\n---\n";
        let md = hover_in(text);
        let rule = &crate::rules::severity_unavailable::RULE;
        assert!(
            md.contains(rules::documentation(rule, Lang::Ja).trim()),
            "{md}"
        );
        assert!(md.contains("## 確認すること"), "{md}");
        assert!(!md.contains("## What it checks"), "{md}");
        let source = Source::new(text.replace(['«', '»'], ""));
        let env = Env {
            now: test_now(),
            files: None,
            locale: None,
        };
        let analysis = analyze(&source, &Config::default(), &Catalog::bundled(), &env);
        let finding = analysis
            .diagnostics
            .iter()
            .find(|d| d.code == rule.name)
            .unwrap();
        assert!(!md.contains(finding.message.ja.as_str()), "{md}");
    }

    #[test]
    fn a_section_heading_shows_what_to_write_there() {
        let md = hover_in("---\nsupport_language: ja\n---\n«## ゴール»\n\n復旧したい。\n");
        assert_eq!(
            md,
            format!(
                "**ゴール**\n\n{}",
                crate::sections::SectionKind::Goal.purpose().ja
            )
        );
    }

    #[test]
    fn a_hover_masks_what_it_quotes_from_the_document() {
        let (text, marks) = parse_marks("---\nservice: «仮想マシン»\n---\n");
        let source = Source::new(text);
        let catalog = Catalog::bundled();
        // With service-unknown off, the field's hover shows (not the finding's).
        let mut config = Config::default();
        let off = crate::config::RuleSetting::Off;
        config.rules.insert("service-unknown".into(), off);
        let mut analysis = analyze(&source, &config, &catalog, &Env::now());
        let shown = |analysis: &Analysis| hover(&source, analysis, &catalog, marks[0].start + 1);
        assert!(shown(&analysis).unwrap().markdown.contains("仮想マシン"));
        // Were the value a secret, the hover would name it masked.
        let hidden = crate::redact::Redactor::new(&source.text, marks.clone(), []);
        analysis.redactor = std::sync::Arc::new(hidden);
        let md = shown(&analysis).unwrap().markdown;
        assert!(!md.contains("仮想マシン") && md.contains("*****"), "{md}");
    }

    #[test]
    fn plain_text_has_no_hover() {
        let source = Source::new("# Notes\n\nJust some words.\n");
        let catalog = Catalog::bundled();
        let analysis = analyze(&source, &Config::default(), &catalog, &Env::now());
        let at = source.text.find("some").unwrap();
        assert_eq!(hover(&source, &analysis, &catalog, at), None);
    }

    #[test]
    fn severity_table_under_a_known_plan_marks_it() {
        let en = severity_table(Some(Plan::Standard), Lang::En);
        assert!(en.contains("**Standard** ◀ this request's plan"), "{en}");
        assert!(
            en.contains("| A | Critical: the business is stopped now | 24x7 | < 1 h |"),
            "{en}"
        );
        assert!(en.contains("| B |") && en.contains("| < 4 h |"), "{en}");
        assert!(en.contains("< 8 business hours"), "{en}");
        assert!(en.contains("by phone only"));
        // severity 1 is not offered on Standard: no row
        assert!(!en.contains("| 1 |"), "{en}");
        assert!(!en.contains("Developer"), "{en}");
        let ja = severity_table(Some(Plan::Standard), Lang::Ja);
        assert!(
            ja.contains("**Standard** ◀ このお問い合わせのプラン"),
            "{ja}"
        );
        assert!(ja.contains("1 時間以内"), "{ja}");
        assert!(ja.contains("電話のみ"), "{ja}");
    }

    #[test]
    fn severity_table_without_a_plan_lists_every_paid_plan() {
        let en = severity_table(None, Lang::En);
        for name in [
            "Developer",
            "Standard",
            "Professional Direct",
            "Premier",
            "Unified",
        ] {
            assert!(en.contains(name), "{name}: {en}");
        }
        assert!(!en.contains('◀'));
        // 1 is offered by Premier and Unified: its row is there
        assert!(en.contains("| 1 |"), "{en}");
        // Unified's figures are a link, never a number
        let a_row = en.lines().find(|l| l.starts_with("| A |")).unwrap();
        assert!(
            a_row.ends_with(&format!("[see the plans page]({}) |", plans::RESPONSE_URL)),
            "{a_row}"
        );
        // Developer offers C only
        assert!(a_row.contains("| — |"), "{a_row}");
        // every row has as many cells as the header
        let cols = en
            .lines()
            .find(|l| l.starts_with("| Severity"))
            .unwrap()
            .matches('|')
            .count();
        for row in en
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Severity"))
        {
            assert_eq!(row.matches('|').count(), cols, "{row}");
        }
    }

    #[test]
    fn severity_table_on_basic_and_on_unified() {
        let basic = severity_table(Some(Plan::Basic), Lang::Ja);
        assert!(basic.contains("技術サポートがありません"), "{basic}");
        assert!(basic.contains("Professional Direct"));
        let unified = severity_table(Some(Plan::Unified), Lang::En);
        assert!(unified.contains("| 1 |"));
        assert!(
            !unified.contains("< 1 h"),
            "no guessed Unified figure: {unified}"
        );
    }

    #[test]
    fn field_hovers_exist_in_both_languages() {
        let catalog = Catalog::bundled();
        for key in [
            "severity",
            "support_plan",
            "issue_type",
            "contact_method",
            "support_language",
            "response_24x7",
            "advanced_diagnostics",
            "subscription",
        ] {
            let en = details(key, None, None, &catalog, Lang::En).unwrap();
            let ja = details(key, None, None, &catalog, Lang::Ja).unwrap();
            assert_ne!(en, ja, "{key}");
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "{key}: {ja}"
            );
        }
        assert!(details("summary", None, None, &catalog, Lang::En).is_none());
        assert!(issue_type(Lang::En).contains("needs a paid plan"));
        assert!(subscription(Lang::Ja).contains("サポート リクエスト共同作成者"));
        assert!(subscription(Lang::En).contains("Support Request Contributor"));
        assert!(support_language(Lang::En).contains("English only"));
        assert!(advanced_diagnostics(Lang::En).contains(DIAGNOSTICS_URL));
        let plan = support_plan(Some(Plan::Developer), Lang::En);
        assert!(plan.contains("**Developer** ◀"), "{plan}");
        assert!(plan.contains("| C |"), "{plan}");
    }

    #[test]
    fn service_hover_shows_the_catalog_entry() {
        let catalog = Catalog::bundled();
        let vm = service(&catalog, "virtual machine running windows", Lang::En).unwrap();
        assert!(
            vm.contains("`6f16735c-b0ae-b275-ad3a-03479cfa1396`"),
            "{vm}"
        );
        assert!(vm.contains("MICROSOFT.COMPUTE/VIRTUALMACHINES"), "{vm}");
        assert!(vm.contains("partial list"), "{vm}");
        let billing = service(&catalog, "Billing", Lang::Ja).unwrap();
        assert!(billing.contains("問題の種類（全件）"), "{billing}");
        assert!(
            billing.contains("`Make a Payment`（サブタイプ 7 件）"),
            "{billing}"
        );
        assert!(billing.contains("  - Refund request\n"), "{billing}");
        let former = service(&catalog, "Azure AI Studio", Lang::En).unwrap();
        assert!(former.starts_with("**Azure AI Foundry**"), "{former}");
        assert!(former.contains("former name"));
        let retired = service(&catalog, "Azure Monitor", Lang::Ja).unwrap();
        assert!(retired.contains("提供終了"));
        assert!(service(&catalog, "Azure", Lang::En).is_none());
        let alias = service(&catalog, "仮想マシン", Lang::Ja).unwrap();
        assert!(
            alias.contains("- `Virtual Machine running Windows`\n"),
            "{alias}"
        );
        assert!(alias.contains("カタログ上の名前"), "{alias}");
        assert!(details("service", None, None, &catalog, Lang::En).is_none());
    }
}
