use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Fix, TextEdit};
use crate::messages::Lang;
use crate::rules::fix;
use crate::rules::text_rule::Prose;
use crate::sections::SectionKind;
use crate::text::{is_ascii_word, PhraseSet};
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// Project-local or relative names for environments used in prose (PoC, 本番環境,
    /// 検証環境, ステージング, DR 環境, primary/secondary, prod/stg/dev, and the terms of
    /// the configuration's `[terms] ambiguous`) that no line of the environment section
    /// (`## 環境` / `## Environment` / `## 用語` / `## Terms`) ties to a concrete resource:
    /// a line that holds the term together with a resource name (`vm-prod-01`), a code
    /// span, a resource ID or a GUID. A term with or without 環境 / "environment" is one
    /// environment (`本番` and `本番環境`): a line mapping either maps both, and it is
    /// reported once. One finding per term, on its first occurrence; the
    /// quick fix inserts an environment section (or adds lines to the existing one)
    /// listing every unmapped term, in the messages' language, for you to complete (the
    /// finding stays until a line maps the term; fix-all leaves it).
    ///
    /// Latin terms match as whole words (`prod`, not `production` or `vm-prod-01`);
    /// Japanese terms also inside a longer word (`本番` in `本番稼働`). Resource names,
    /// host names (`prod.contoso.com`), paths, code spans, code blocks, URLs, resource
    /// IDs and the `errors` section never count. Azure's own features named with these
    /// words (primary key, secondary region, プライマリ キー, セカンダリ エンドポイント)
    /// are product terms, not project names, and stay silent.
    ///
    /// ## Why
    ///
    /// The engineer reading the request does not know the project. "It works in PoC but
    /// fails in production" only helps a comparison when support knows which resources
    /// each name stands for and how they are configured and used differently. Abbreviations
    /// and project words that are not Azure product names invite misunderstandings.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ## 問題
    /// PoC ではエラーが出なかったが、本番環境では接続がタイムアウトする。
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ## 問題
    /// PoC ではエラーが出なかったが、本番環境では接続がタイムアウトする。
    ///
    /// ## 環境
    /// - PoC: rg-poc の vm-poc-01 (Standard_B2s、パブリック IP あり)
    /// - 本番環境: rg-prod の vm-web-01 (Standard_D4s_v5、プライベート エンドポイント経由)
    /// ```
    ///
    /// ## Trigger phrases
    ///
    /// - Japanese: PoC 環境, 本番環境, 本番 (also 本番稼働, 本番サイト), 検証環境, 開発環境,
    ///   ステージング, DR 環境, プライマリ, セカンダリ.
    /// - English: PoC, prod, stg, dev, DR, primary, secondary (whole words), and the
    ///   configured terms.
    ///
    /// Must not fire: a term that an environment section line maps (`本番環境: vm-web-01`,
    /// `| PoC | rg-poc |`); `vm-prod-01`, `app-dev.azurewebsites.net`, `/dev/sda`, `prod`
    /// in code or URLs; production, development, DevOps, Dev Box; primary key, secondary
    /// key, primary connection string, secondary region, プライマリ キー, セカンダリ
    /// リージョン; "the primary reason", "primary contact"; logs in the `errors` section.
    "ambiguous-term", Warning, check
}

const BUILTIN: &[&str] = &[
    "PoC 環境",
    "PoC",
    "本番環境",
    "本番",
    "検証環境",
    "開発環境",
    "ステージング環境",
    "ステージング",
    "DR 環境",
    "DR",
    "primary",
    "secondary",
    "プライマリ",
    "セカンダリ",
    "prod",
    "stg",
    "dev",
];

/// Azure features, product names and plain English phrases that contain a term but name
/// no project environment.
const PRODUCT_TERMS: &[&str] = &[
    "primary key",
    "secondary key",
    "primary keys",
    "secondary keys",
    "primary access key",
    "secondary access key",
    "primary connection string",
    "secondary connection string",
    "primary endpoint",
    "secondary endpoint",
    "primary region",
    "secondary region",
    "primary location",
    "secondary location",
    "primary ip",
    "primary nic",
    "primary network interface",
    "primary refresh token",
    "primary domain",
    "primary replica",
    "secondary replica",
    "primary zone",
    "primary origin",
    "secondary origin",
    "primary dns",
    "secondary dns",
    "プライマリ キー",
    "セカンダリ キー",
    "プライマリ アクセス キー",
    "セカンダリ アクセス キー",
    "プライマリ接続文字列",
    "セカンダリ接続文字列",
    "プライマリ エンドポイント",
    "セカンダリ エンドポイント",
    "プライマリ リージョン",
    "セカンダリ リージョン",
    "プライマリ IP",
    "プライマリ NIC",
    "プライマリ レプリカ",
    "セカンダリ レプリカ",
    "primary reason",
    "primary goal",
    "primary concern",
    "primary purpose",
    "primary contact",
    "secondary contact",
    "primary owner",
    "primary email",
    "primary phone",
    "primary language",
    "primary cause",
    "primary use",
    "dev box",
    "dev tunnels",
    "dev spaces",
    "dev center",
    "dev essentials",
    "dev proxy",
    "dev drive",
    "dev container",
    "dev containers",
    "dev/test",
];

static PRODUCT_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(PRODUCT_TERMS));

/// A resource-name-like token: letters and digits joined by `-`, `_` or `.`, or with a
/// digit; or a GUID. The caller checks that it is not the term itself.
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9]|`[^`]+`|/subscriptions/").unwrap()
});

static GUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b").unwrap()
});

fn looks_like_name(tok: &str) -> bool {
    if tok.starts_with('`') || tok.starts_with("/subscriptions/") {
        return true;
    }
    let has_letter = tok.bytes().any(|b| b.is_ascii_alphabetic());
    let has_digit = tok.bytes().any(|b| b.is_ascii_digit());
    let joined = tok.contains(['-', '_']) || (tok.contains('.') && has_letter);
    has_letter && (has_digit || joined)
}

/// Normalised key of a term: lower case, no spaces, and without a trailing 環境 /
/// "environment", because `本番環境` and `本番` (or `ステージング環境` and `ステージング`)
/// name one environment: a line mapping either maps both, and the rule reports it once.
fn key(term: &str) -> String {
    let k: String = crate::text::Folded::new(term)
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    match k.strip_suffix("環境").or_else(|| k.strip_suffix("environment")) {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => k,
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/' | '\\' | '@' | '$' | '%' | '=')
}

/// The match is part of a resource name, host name or path.
fn inside_name(text: &str, r: &Range<usize>) -> bool {
    let term = &text[r.clone()];
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    let latin_start = term.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let latin_end = term.chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric());
    let ascii_name = |c: Option<char>| c.is_some_and(is_ascii_word);
    let joiner = |c: Option<char>| c.is_some_and(|c| matches!(c, '-' | '_' | '/' | '\\' | '@'));
    if latin_start && before.is_some_and(is_name_char) {
        return true;
    }
    if latin_end && after.is_some_and(is_name_char) {
        return true;
    }
    // `prod.contoso.com`, `app.prod`: a dot joined to a name character.
    let mut rest = text[r.end..].chars();
    if after == Some('.') && rest.nth(1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return true;
    }
    let mut back = text[..r.start].chars().rev();
    if before == Some('.') && back.nth(1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return true;
    }
    // Japanese term written into a name: `rg-本番`, `本番_db`.
    if !latin_start && joiner(before) {
        let mut b = text[..r.start].chars().rev();
        if ascii_name(b.nth(1)) {
            return true;
        }
    }
    if !latin_end && joiner(after) {
        let mut a = text[r.end..].chars();
        if ascii_name(a.nth(1)) {
            return true;
        }
    }
    false
}

static BUILTIN_SET: LazyLock<PhraseSet> = LazyLock::new(|| {
    let terms: Vec<String> = BUILTIN.iter().map(|s| s.to_string()).collect();
    PhraseSet::new(&terms)
});

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut terms: Vec<String> = BUILTIN.iter().map(|s| s.to_string()).collect();
    for t in &ctx.config.ambiguous_terms {
        if !t.trim().is_empty() && !terms.iter().any(|x| key(x) == key(t)) {
            terms.push(t.trim().to_string());
        }
    }
    // The built-in set is compiled once; a configuration that adds terms pays for its own.
    let custom;
    let set: &PhraseSet = if terms.len() == BUILTIN.len() {
        &BUILTIN_SET
    } else {
        custom = PhraseSet::new(&terms);
        &custom
    };

    // Terms the environment section maps: a line holding the term and a name.
    let mut mapped: HashSet<String> = HashSet::new();
    let env = ctx.body.section(SectionKind::Environment);
    if let Some(sec) = env {
        let content = ctx.text.get(sec.content.clone()).unwrap_or("");
        for line in content.lines() {
            let hits = set.find(line);
            if hits.is_empty() {
                continue;
            }
            let has_name = NAME.find_iter(line).any(|m| {
                let tok = m.as_str();
                looks_like_name(tok)
                    && !hits
                        .iter()
                        .any(|h| h.range.start <= m.start() && m.end() <= h.range.end)
            }) || GUID.is_match(line);
            if has_name {
                for h in &hits {
                    mapped.insert(key(&line[h.range.clone()]));
                }
            }
        }
    }

    // First occurrence of each unmapped term in prose.
    let mut seen: HashSet<String> = HashSet::new();
    let mut found: Vec<(Range<usize>, String)> = Vec::new();
    for p in &Prose::body(ctx).pieces {
        let hits = p.find(set);
        if hits.is_empty() {
            continue;
        }
        let products: Vec<Range<usize>> = p
            .find(&PRODUCT_SET)
            .into_iter()
            .map(|m| m.range)
            .collect();
        for m in hits {
            let r = m.range;
            if inside_name(p.masked, &r) || inside_name(p.raw, &r) {
                continue;
            }
            if products.iter().any(|x| x.start <= r.start && r.end <= x.end) {
                continue;
            }
            let written = &p.masked[r.clone()];
            let k = key(written);
            let base = key(&terms[m.phrase]);
            if mapped.contains(&k) || mapped.contains(&base) || !seen.insert(base) {
                continue;
            }
            found.push((p.doc_range(r), written.to_string()));
        }
    }
    if found.is_empty() {
        return;
    }
    let fix = stub_fix(ctx, &found);
    for (range, term) in found {
        out.push(
            RULE.diag(
                range,
                msg!(
                    "\"{term}\" is a project-local name: say in an environment section which resources it means (names or IDs) and how it differs.",
                    "「{term}」はプロジェクト固有の呼び名です。環境のセクションで、どのリソース（名前や ID）を指すのか、構成や使い方の違いとあわせて記載してください。"
                ),
            )
            .with_fix(fix.clone()),
        );
    }
}

fn stub_fix(ctx: &Context, found: &[(Range<usize>, String)]) -> Fix {
    let placeholder = match ctx.lang {
        Lang::Ja => "<リソース名または ID、構成や用途の違い>",
        Lang::En => "<resource names or IDs, how it differs>",
    };
    let mut lines = String::new();
    for (_, term) in found {
        lines.push_str(&format!("- {term}: {placeholder}\n"));
    }
    let (at, new_text) = match ctx.body.section(SectionKind::Environment) {
        Some(sec) => {
            // At the end of the existing section, after its last non-blank line.
            let content = &ctx.text[sec.content.clone()];
            let end = sec.content.start + content.trim_end().len();
            (end, format!("\n{}", lines.trim_end_matches('\n')))
        }
        None => {
            let end = ctx.text.len();
            let lead = if ctx.text.ends_with("\n\n") || ctx.text.is_empty() {
                ""
            } else if ctx.text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let heading = SectionKind::Environment.heading(ctx.lang);
            (end, format!("{lead}## {heading}\n{lines}"))
        }
    };
    fix::skeleton(
        msg!(
            "Add the terms to an environment section",
            "環境のセクションに呼び名を追加する"
        ),
        vec![TextEdit {
            range: at..at,
            new_text,
        }],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, check_with};
    use crate::Config;

    const FM_JA: &str = "---\nsupport_language: ja\n---\n\n";
    const FM_EN: &str = "---\nsupport_language: en\n---\n\n";


    #[test]
    fn seed_example_fires_once_per_term() {
        assert_spans(
            &RULE,
            &format!("{FM_JA}## 問題\n«PoC» ではエラーが出なかったが、«本番環境»では問題が発生している。PoC で再試行しても同じ。\n"),
        );
        assert_spans(
            &RULE,
            &format!("{FM_JA}## 問題\n«プライマリ»から«セカンダリ»へのフェールオーバー後に接続できない。\n"),
        );
        assert_spans(
            &RULE,
            &format!("{FM_JA}## 問題\n«本番»稼働中のサイトが遅い。«検証環境»と«開発環境»では再現しない。«ステージング»も同様。\n"),
        );
        assert_spans(
            &RULE,
            // `DR 環境` and `DR` are one environment: one finding, at its first mention.
            &format!("{FM_JA}## 問題\n«DR 環境»へ切り替えた後、DR側の DNS が更新されない。\n"),
        );
    }

    #[test]
    fn english_terms_match_whole_words() {
        assert_spans(
            &RULE,
            &format!("{FM_EN}## Problem\nIt works in «dev» and «stg» but fails in «prod». The «PoC» had no issue; the «primary» site is slow.\n"),
        );
        assert_spans(
            &RULE,
            &format!("{FM_EN}## Problem\nAfter failover the «secondary» answers with 503.\n"),
        );
    }

    #[test]
    fn full_width_latin_is_folded() {
        assert_spans(
            &RULE,
            &format!("{FM_JA}## 問題\n«ＰｏＣ» では動くが «ｐｒｏｄ» では動かない。\n"),
        );
    }

    #[test]
    fn names_code_urls_and_products_never_count() {
        for body in [
            "vm-prod-01 と app-dev-02 と rg_stg が対象です。",
            "Requests to prod.contoso.com and api.dev fail.",
            "Mounted /dev/sda1 on the VM.",
            "リソース グループ rg-本番 と kv_本番_01 のキー コンテナーです。",
            "Set ASPNETCORE_ENVIRONMENT=prod and NODE_ENV=dev on the app.",
            "Run `az webapp restart -n app-prod` and see https://prod.example.com/dev .",
            "/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-prod/providers/Microsoft.Web/sites/prod",
            "The production and development teams use Azure DevOps and Microsoft Dev Box.",
            "We rotated the primary key and the secondary key of the storage account.",
            "The primary connection string works; the secondary region is Japan West.",
            "プライマリ キーを再生成しました。セカンダリ リージョンは西日本です。",
            "ストレージ アカウントのプライマリ エンドポイントに接続できない。",
            "The primary reason is cost; the primary contact is Anna.",
            "The primary origin group has two origins; the secondary DNS server is 168.63.129.16.",
            "Microsoft Dev Box の開発ボックスが起動せず、Dev Center の画面にエラーが出ます。",
            "Azure DevOps のパイプラインから App Service へのデプロイが失敗します。",
        ] {
            let s = format!("{FM_EN}## Problem\n{body}\n");
            assert!(check(&RULE, &s).is_empty(), "{body}");
        }
        let s = format!("{FM_EN}## Problem\nIt fails.\n\n```\nprod: PoC 本番環境\n```\n\n## Error messages\nprod endpoint 本番 failed\n");
        assert!(check(&RULE, &s).is_empty());
    }

    #[test]
    fn environment_section_maps_terms() {
        let ja = format!(
            "{FM_JA}## 問題\nPoC ではエラーが出なかったが、本番環境では発生する。本番のみ遅い。\n\n## 環境\n- PoC: rg-poc の vm-poc-01\n- 本番環境: rg-prod の vm-web-01 (D4s_v5)\n"
        );
        assert!(check(&RULE, &ja).is_empty());
        let table = format!(
            "{FM_EN}## Problem\nIt works in dev, fails in prod.\n\n## Environment\n| name | resource |\n|---|---|\n| dev | `app-shop-dev` |\n| prod | /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Web/sites/app-shop |\n"
        );
        assert!(check(&RULE, &table).is_empty());
        // `ステージング` maps `ステージング環境` and `本番環境` maps `本番`: one environment each.
        let stem = format!(
            "{FM_JA}## 問題\nステージング環境だけ遅い。本番は問題ない。\n\n## 環境\n- ステージング: rg-stg の app-stg\n- 本番環境: rg-prd の app-prd\n"
        );
        assert!(check(&RULE, &stem).is_empty());
        // A line without any resource name does not map the term.
        assert_spans(
            &RULE,
            &format!("{FM_JA}## 問題\n«PoC» では動く。\n\n## 環境\n- PoC は検証用の環境です\n- 本番環境: vm-web-01\n"),
        );
    }

    #[test]
    fn configured_terms_count() {
        let config = Config {
            ambiguous_terms: vec!["旧基盤".into(), "blue".into()],
            ..Config::default()
        };
        let s = format!("{FM_JA}## 問題\n旧基盤からの移行後、blue 側だけ遅い。bluegreen は無関係。\n");
        let d = check_with(&RULE, &s, &config, None);
        let got: Vec<&str> = d.iter().map(|d| &s[d.range.clone()]).collect();
        assert_eq!(got, vec!["旧基盤", "blue"]);
    }

    #[test]
    fn fix_inserts_a_section_in_the_messages_language() {
        let s = format!("{FM_JA}## 問題\nPoC と本番環境で挙動が違う。\n");
        let d = check(&RULE, &s);
        assert_eq!(d.len(), 2);
        let e = &d[0].fixes[0].edits[0];
        assert_eq!(e.range, s.len()..s.len());
        assert_eq!(
            e.new_text,
            "\n## 環境\n- PoC: <リソース名または ID、構成や用途の違い>\n- 本番環境: <リソース名または ID、構成や用途の違い>\n"
        );
        let s = format!("{FM_EN}## Problem\nSlow in prod.\n\n## Environment\n- dev: app-dev-01\n\n## Frequency\nAlways.\n");
        let d = check(&RULE, &s);
        let e = &d[0].fixes[0].edits[0];
        let at = s.find("app-dev-01").unwrap() + "app-dev-01".len();
        assert_eq!(e.range, at..at);
        assert_eq!(e.new_text, "\n- prod: <resource names or IDs, how it differs>");
    }

    #[test]
    fn never_panics() {
        for s in ["", "PoC", "## 環境\nPoC", "---\n---\n本番", "## Environment\n`"] {
            let _ = check(&RULE, s);
        }
    }
}
