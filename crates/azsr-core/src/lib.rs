//! azsr's analysis core: the document model, the front matter, the service catalog, the
//! support plans and every rule. Pure: no LSP types, no async, no I/O beyond what a
//! caller hands in (file existence for attachments comes through [`FileProbe`]).

pub mod arm;
pub mod body;
pub mod catalog;
pub mod completion;
pub mod config;
mod context;
pub mod diagnostic;
pub mod document;
pub mod error_mention;
pub mod export;
pub mod fields;
pub mod fix_all;
pub mod form;
pub mod frontmatter;
pub mod fuzzy;
pub mod hover;
pub mod line_index;
pub mod messages;
pub mod pasted_log;
pub mod plans;
pub mod redact;
pub mod rules;
pub mod secrets;
pub mod sections;
pub mod template;
#[cfg(test)]
pub(crate) mod testing;
pub mod text;
pub mod time;

use std::sync::Arc;

pub use body::Body;
pub use catalog::Catalog;
pub use config::Config;
pub use context::Context;
pub use diagnostic::{Diagnostic, Fix, Level, TextEdit};
pub use document::Document;
pub use form::Form;
pub use frontmatter::FrontMatter;
pub use line_index::{Encoding, LineCol, LineIndex};
pub use messages::{Lang, Msg};

use fields::parse_language;

/// One parsed version of a document, everything the rules read prepared before they
/// run: text, block tree, front matter, body and the secret scan.
pub struct Source {
    pub text: String,
    pub tree: tree_sitter::Tree,
    pub line_index: LineIndex,
    pub frontmatter: Option<FrontMatter>,
    pub body: Body,
    /// The secrets in the text (`sensitive-data` reports them, redaction masks them) and
    /// the memo the next version's scan builds on.
    pub secrets: secrets::memo::Scanned,
}

impl Source {
    /// Parses `text` from scratch.
    pub fn new(text: impl Into<String>) -> Source {
        let text = text.into();
        let mut parser = document::block_parser();
        let tree = document::parse_text(&mut parser, text.as_str());
        Source::with_tree(text, tree)
    }

    /// Builds on a block tree already parsed (incrementally) for `text`.
    pub fn with_tree(text: String, tree: tree_sitter::Tree) -> Source {
        Source::incremental(text, tree, None)
    }

    /// Builds on a block tree already parsed (incrementally) for `text`, and on the
    /// previous version's secret scan and the edits since (`prior`): only the lines
    /// around the edits are scanned again.
    pub fn incremental(
        text: String,
        tree: tree_sitter::Tree,
        prior: Option<&secrets::memo::Prior>,
    ) -> Source {
        let line_index = LineIndex::new(&text);
        let frontmatter = frontmatter::parse(&text);
        let body_start = match &frontmatter {
            Some(fm) if fm.closed => fm.block.end,
            Some(fm) => fm.block.end,
            None if text.starts_with('\u{feff}') => 3,
            None => 0,
        };
        let body = body::build(&text, &tree, body_start);
        let exempt = secret_scan_options(frontmatter.as_ref());
        let secrets = secrets::memo::Scanned::new(&text, &exempt, prior);
        Source {
            text,
            tree,
            line_index,
            frontmatter,
            body,
            secrets,
        }
    }
}

/// What the secret scan leaves alone: the numbers listed in `related_requests` (a number,
/// or `{number, engineer}`) are request numbers, never payment cards.
fn secret_scan_options(frontmatter: Option<&FrontMatter>) -> secrets::Options {
    let listed = frontmatter
        .and_then(Form::of)
        .and_then(|f| f.get("related_requests"));
    let exempt_numbers = listed
        .map(|e| e.value.items())
        .unwrap_or_default()
        .iter()
        .filter_map(|item| match item.as_str() {
            Some(s) => Some(s),
            None => item.get("number").and_then(|e| e.value.as_str()),
        })
        .map(|s| s.chars().filter(char::is_ascii_digit).collect())
        .collect();
    secrets::Options { exempt_numbers }
}

/// Tells whether files exist and how large they are, relative to the document's folder.
pub trait FileProbe: Sync {
    /// The size of the file at `relative_path`, or `None` when there is none.
    fn file_size(&self, relative_path: &str) -> Option<u64>;
}

/// What the caller knows about the world: the clock, the files, the user's locale.
pub struct Env<'a> {
    pub now: jiff::Timestamp,
    /// `None` when the document's location is unknown (stdin without a file name).
    pub files: Option<&'a dyn FileProbe>,
    /// The editor's or the shell's locale, for `messages = "auto"` without `support_language`.
    pub locale: Option<String>,
}

impl Env<'_> {
    pub fn now() -> Env<'static> {
        Env {
            now: jiff::Timestamp::now(),
            files: None,
            locale: None,
        }
    }
}

/// The language of messages and inserted text for a document (cli.md, `messages`).
/// Worked out once, by [`analyze`]: callers read [`Analysis::lang`].
pub(crate) fn message_lang(source: &Source, config: &Config, env: &Env) -> Lang {
    match config.messages {
        config::MessagesSetting::Fixed(lang) => lang,
        config::MessagesSetting::Auto => {
            let lang = source
                .frontmatter
                .as_ref()
                .and_then(|fm| fm.get("support_language"))
                .and_then(|e| e.value.as_str())
                .and_then(parse_language);
            match lang {
                Some(code) if code.starts_with("ja") => Lang::Ja,
                Some(_) => Lang::En,
                None => env.locale.as_deref().map_or(Lang::En, Lang::from_locale),
            }
        }
    }
}

/// What analysing a source found, and the choices every front end shows it with.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The findings, sorted by position, then code; secrets masked in their texts.
    pub diagnostics: Vec<Diagnostic>,
    /// The language of messages, hovers and inserted text (cli.md, `messages`).
    pub lang: Lang,
    /// The effective support plan ([`Context::plan`]), for hovers and hints.
    pub plan: Option<fields::Plan>,
    /// What was left unchecked because the document is too large
    /// ([`LARGE_DOCUMENT_BYTES`]): front ends tell it once per document.
    pub limited: Option<messages::Msg>,
    /// What front ends mask wherever they show the document's text (the outline, hover);
    /// masks nothing when `sensitive-data` is off.
    pub redactor: Arc<redact::Redactor>,
}

/// Above this size a document is only scanned for secrets (linear, and what must never
/// be missed): a 50 MB pasted log took seconds and a gigabyte through every rule, and
/// no support request is that long.
pub const LARGE_DOCUMENT_BYTES: usize = 20 << 20;

/// Runs every rule on `source`, applies the configured levels, and sorts the findings
/// by position, then code.
pub fn analyze(source: &Source, config: &Config, catalog: &Catalog, env: &Env) -> Analysis {
    let lang = message_lang(source, config, env);
    let ctx = Context {
        source,
        text: &source.text,
        fm: source.frontmatter.as_ref(),
        body: &source.body,
        config,
        catalog,
        env,
        lang,
    };
    let mut out = Vec::new();
    let large = source.text.len() > LARGE_DOCUMENT_BYTES;
    for rule in rules::ALL {
        let Some(level) = config.level_of(rule) else {
            continue;
        };
        if large && rule.name != rules::sensitive_data::RULE.name {
            continue;
        }
        let start = out.len();
        (rule.check)(&ctx, &mut out);
        cap_findings(rule, &mut out, start);
        for d in &mut out[start..] {
            d.level = level;
        }
    }
    out.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    // No message, fix title or related note shows a secret, nor a shortened or decoded
    // copy of one (e.g. a secret pasted into `service:` quoted by `service-unknown`).
    let redactor = if config.level_of(&rules::sensitive_data::RULE).is_some() {
        redact::Redactor::of(source, &out)
    } else {
        redact::Redactor::inactive()
    };
    redactor.mask_findings(&mut out);
    let limited = large.then(|| {
        let mib = LARGE_DOCUMENT_BYTES >> 20;
        msg!(
            "over {mib} MiB: only checked for secrets, not by the other rules",
            "{mib} MiB を超えているため、機密情報だけを確認し、ほかのルールでは確認していません。"
        )
    });
    Analysis {
        diagnostics: out,
        lang,
        plan: ctx.plan(),
        limited,
        redactor: Arc::new(redactor),
    }
}

/// The most findings one rule reports in one document; the rest are counted in one
/// more finding. A hostile document (100,000 YAML anchors, 100,000 headings) made
/// 100,000 findings that no one reads and every front end converts and sends.
pub const MAX_FINDINGS_PER_RULE: usize = 200;

/// Keeps the first [`MAX_FINDINGS_PER_RULE`] of the findings `rule` added to `out`
/// from `start` on, and says how many more there were at the first one left out.
fn cap_findings(rule: &'static rules::RuleMeta, out: &mut Vec<Diagnostic>, start: usize) {
    let found = out.len() - start;
    if found <= MAX_FINDINGS_PER_RULE {
        return;
    }
    let more = found - MAX_FINDINGS_PER_RULE;
    let at = out[start + MAX_FINDINGS_PER_RULE].range.clone();
    out.truncate(start + MAX_FINDINGS_PER_RULE);
    let code = rule.name;
    let max = MAX_FINDINGS_PER_RULE;
    out.push(rule.diag(
        at,
        msg!(
            "{more} more `{code}` findings not shown: at most {max} are reported per rule",
            "ほかに `{code}` の指摘が {more} 件あります。1 つのルールの指摘は {max} 件まで表示します。"
        ),
    ));
}

/// Shared handle to the bundled catalog, for callers that do not import their own.
pub fn bundled_catalog() -> Arc<Catalog> {
    Catalog::bundled()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str, config: &Config) -> Vec<Diagnostic> {
        let env = Env {
            now: testing::test_now(),
            files: None,
            locale: None,
        };
        analyze(&Source::new(text), config, &Catalog::bundled(), &env).diagnostics
    }

    #[test]
    fn a_document_over_20_mib_is_only_scanned_for_secrets() {
        let line = "2026-11-20T05:12:44Z INFO path=/api/orders status=200 duration_ms=41\n";
        let mut text = String::from("---\nsevrity: A\n---\n# Log\n```text\n");
        while text.len() <= LARGE_DOCUMENT_BYTES {
            text.push_str(line);
        }
        text.push_str("password=Tr0ub4dor&3x\n```\n");
        let env = Env {
            now: testing::test_now(),
            files: None,
            locale: None,
        };
        let analysis = analyze(
            &Source::new(text),
            &Config::default(),
            &Catalog::bundled(),
            &env,
        );
        let codes: Vec<&str> = analysis.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["sensitive-data"]);
        let told = analysis.limited.unwrap();
        assert_eq!(
            told.en,
            "over 20 MiB: only checked for secrets, not by the other rules"
        );
    }

    #[test]
    fn a_rule_reports_at_most_200_findings_and_counts_the_rest() {
        let keys: String = (0..300).map(|i| format!("extra_{i:03}: x\n")).collect();
        let text = format!("---\nissue_type: technical\n{keys}---\n# Title\n");
        let found = findings(&text, &Config::default());
        let unknown: Vec<&Diagnostic> =
            found.iter().filter(|d| d.code == "unknown-field").collect();
        assert_eq!(unknown.len(), MAX_FINDINGS_PER_RULE + 1);
        let more = unknown.last().unwrap();
        assert_eq!(
            more.message.en,
            "100 more `unknown-field` findings not shown: at most 200 are reported per rule"
        );
        assert_eq!(
            more.message.ja,
            "ほかに `unknown-field` の指摘が 100 件あります。1 つのルールの指摘は 200 件まで表示します。"
        );
        // It stands where the first finding left out would have.
        let first_left_out = text.find("extra_200").unwrap();
        assert_eq!(more.range.start, first_left_out);
    }

    #[test]
    fn no_message_quotes_a_secret_the_scan_found() {
        let text = "---\nissue_type: technical\nservice: \"password=Tr0ub4dor&3x\"\n---\n";
        let quoted = |found: &[Diagnostic]| {
            let d = found.iter().find(|d| d.code == "service-unknown").unwrap();
            d.message.en.clone()
        };
        let found = findings(text, &Config::default());
        assert!(found.iter().any(|d| d.code == "sensitive-data" && d.secret));
        assert!(
            quoted(&found).contains("\"password=************\""),
            "{}",
            quoted(&found)
        );
        // With sensitive-data off, nothing is reported as a secret, nor masked.
        let mut config = Config::default();
        config
            .rules
            .insert("sensitive-data".into(), config::RuleSetting::Off);
        let found = findings(text, &config);
        assert!(quoted(&found).contains("\"password=Tr0ub4dor&3x\""));
    }

    /// Every 8-character piece of `secret` absent from every text the findings show.
    fn assert_no_piece(found: &[Diagnostic], secret: &str) {
        let chars: Vec<char> = secret.chars().collect();
        for d in found {
            let shown = [&d.message]
                .into_iter()
                .chain(d.fixes.iter().map(|f| &f.title))
                .chain(d.related.iter().map(|r| &r.message));
            for m in shown {
                for s in [&m.en, &m.ja] {
                    for w in chars.windows(8) {
                        let w: String = w.iter().collect();
                        assert!(!s.contains(&w), "{}: {s}", d.code);
                    }
                }
            }
        }
    }

    #[test]
    fn no_message_quotes_a_piece_of_a_secret_cut_short() {
        // unknown-field quotes 60 characters of a key, attachment-missing 120 of a path.
        let pw = "Xk9#mQ2vL7pR4tW8zN1bC6yH3jF5gD0sA2eU7iO9kP4lM8nB1vC3xZ6qW5eR7tY9uI2oP4aS6dF8gH0j";
        let sig = "sT8kLq2Wz9Xv4Nb7Rm1Pc5Yh3Jd6Gf0AeU2iO8kP4lM6nB9vC%2Bx%3D";
        let text = format!(
            "---\nissue_type: technical\n\"Password={pw}\": x\nattachments:\n  - \"logs/{}?sv=2022-11-02&sig={sig}\"\n---\n",
            "a".repeat(80)
        );
        let files = testing::Files::<String>(Vec::new());
        let env = Env {
            now: testing::test_now(),
            files: Some(&files),
            locale: None,
        };
        let source = Source::new(text);
        let found = analyze(&source, &Config::default(), &Catalog::bundled(), &env).diagnostics;
        for code in ["unknown-field", "attachment-missing"] {
            assert!(found.iter().any(|d| d.code == code), "{code}: {found:#?}");
        }
        assert_no_piece(&found, pw);
        assert_no_piece(&found, sig);
        let quoted = found.iter().find(|d| d.code == "unknown-field").unwrap();
        assert!(
            quoted.message.en.contains("\"Password=****"),
            "{:?}",
            quoted.message
        );
    }

    #[test]
    fn an_incremental_source_scans_as_a_fresh_one() {
        let text = "## ログ\npassword=Tr0ub4dor&3x;\n".to_string();
        let first = Source::new(text.clone());
        let edited = format!("{text}Password: Ab1!xyz9\n");
        let mut dirty = None;
        secrets::memo::Dirty::add(
            &mut dirty,
            text.len()..text.len(),
            edited.len() - text.len(),
        );
        let prior = secrets::memo::Prior {
            memo: first.secrets.memo.clone(),
            dirty,
        };
        let tree = Source::new(edited.clone()).tree;
        let next = Source::incremental(edited.clone(), tree, Some(&prior));
        assert_eq!(next.secrets.found, Source::new(edited).secrets.found);
        assert_eq!(next.secrets.found.len(), 2);
    }
}
