//! The analysis core for the browser playground (`web/`), through wasm-bindgen.
//!
//! Every export takes the draft's text and the options as JSON text (see [`Options`])
//! and answers JSON text, so the page needs no generated types:
//!
//! - [`check`]: one entry of `files` in cli.md's JSON output, exactly as
//!   `azsr-lsp --check --format json` prints it (the shape comes from `azsr-report`);
//! - [`findings`]: the same findings for the editor, at UTF-16 offsets (JavaScript's
//!   string positions), with their quick fixes as edits; [`fix_all`]: every fix together;
//! - [`hover`] and [`completions`]: the core's answers at a UTF-16 offset.
//!
//! Like the language server, this crate only converts: positions (bytes ↔ UTF-16) and
//! types. It builds natively too (a workspace member whose tests run with the others);
//! only the clock differs: `wasm32-unknown-unknown` has none the core could read, so the
//! current time comes from JavaScript (`options.now`, else `Date.now()`).

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use azsr_core::completion::ItemKind;
use azsr_core::config::MessagesSetting;
use azsr_core::{Analysis, Catalog, Config, Env, Lang, Source, TextEdit};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;

/// What the page passes with the text. Every key is optional.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The current time in milliseconds since the Unix epoch (JavaScript's `Date.now()`).
    pub now: Option<f64>,
    /// `ja`, `en` or `auto` (cli.md, `messages`); overrides `config`'s.
    pub messages: Option<String>,
    /// The browser's language (`navigator.language`), for `messages = "auto"`.
    pub locale: Option<String>,
    /// The text of an `azsr.toml`.
    pub config: Option<String>,
    /// The path `check` reports (cli.md's `path`); `draft.azsr.md` by default.
    pub path: Option<String>,
}

/// One text analysed with one set of options, kept for the hover and completion
/// requests that follow a check of the same text.
struct Analysed {
    text: String,
    options: Options,
    source: Source,
    analysis: Analysis,
    config: Config,
    env_now: jiff::Timestamp,
    locale: Option<String>,
}

thread_local! {
    static LAST: RefCell<Option<Analysed>> = const { RefCell::new(None) };
}

fn catalog() -> Arc<Catalog> {
    azsr_core::bundled_catalog()
}

/// The options as JSON text, or the reason they are not.
fn parse_options(options: &str) -> Result<Options, String> {
    if options.trim().is_empty() {
        return Ok(Options::default());
    }
    serde_json::from_str(options).map_err(|e| format!("options: {e}"))
}

fn config_of(options: &Options) -> Result<Config, String> {
    let mut config = match &options.config {
        Some(toml) => Config::from_toml(toml).map_err(|e| {
            // The page shows options errors as they come; the language is the one the
            // options ask for (English until they say otherwise).
            let lang = match options.messages.as_deref() {
                Some("ja") => Lang::Ja,
                _ => Lang::En,
            };
            format!("azsr.toml: {}", e.message.get(lang))
        })?,
        None => Config::default(),
    };
    match options.messages.as_deref() {
        None | Some("") => {}
        Some("auto") => config.messages = MessagesSetting::Auto,
        Some("ja") => config.messages = MessagesSetting::Fixed(Lang::Ja),
        Some("en") => config.messages = MessagesSetting::Fixed(Lang::En),
        Some(other) => return Err(format!("options.messages: `{other}` is not ja, en or auto")),
    }
    Ok(config)
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    fn date_now() -> f64;
}

/// The current time: the caller's, else the platform's.
fn now(options: &Options) -> jiff::Timestamp {
    #[cfg(target_arch = "wasm32")]
    let platform = || date_now();
    #[cfg(not(target_arch = "wasm32"))]
    let platform = || jiff::Timestamp::now().as_millisecond() as f64;
    let ms = options.now.unwrap_or_else(platform);
    jiff::Timestamp::from_millisecond(ms as i64).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

/// Runs `f` on the analysis of `text` with `options`, reusing the last one when both
/// are the same.
fn with_analysis<T>(
    text: &str,
    options: &str,
    f: impl FnOnce(&Analysed) -> T,
) -> Result<T, String> {
    let options = parse_options(options)?;
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        let fresh = last
            .as_ref()
            .is_some_and(|a| a.text == text && a.options == options);
        if !fresh {
            let config = config_of(&options)?;
            let env_now = now(&options);
            let locale = options.locale.clone();
            let env = Env {
                now: env_now,
                files: None,
                locale: locale.clone(),
            };
            let source = Source::new(text.to_string());
            let analysis = azsr_core::analyze(&source, &config, &catalog(), &env);
            *last = Some(Analysed {
                text: text.to_string(),
                options,
                source,
                analysis,
                config,
                env_now,
                locale,
            });
        }
        Ok(f(last.as_ref().expect("analysed above")))
    })
}

/// JSON text of `value`, or `{"error": …}`.
fn answer<T: Serialize>(value: Result<T, String>) -> String {
    match value {
        Ok(v) => serde_json::to_string(&v).expect("plain data"),
        Err(error) => serde_json::json!({ "error": error }).to_string(),
    }
}

/// The findings as `azsr-lsp --check --format json` reports one file: cli.md's
/// `{ "path", "diagnostics": [{ "code", "severity", "message", "range" }] }`.
#[wasm_bindgen]
pub fn check(text: &str, options: &str) -> String {
    with_analysis(text, options, |a| {
        let findings = azsr_report::findings(&a.source, a.analysis.clone());
        let path = a.options.path.as_deref().unwrap_or("draft.azsr.md");
        // Straight to text: the keys keep cli.md's order.
        serde_json::to_string(&azsr_report::JsonFile::new(path, &findings)).expect("plain data")
    })
    .unwrap_or_else(|e| answer::<()>(Err(e)))
}

/// Byte offsets of one text ↔ UTF-16 offsets (the page's string positions).
struct Utf16 {
    /// `at[b]`: the UTF-16 offset of byte `b` (for a byte inside a character, of the
    /// character's end).
    at: Vec<u32>,
}

impl Utf16 {
    fn new(text: &str) -> Utf16 {
        let mut at = Vec::with_capacity(text.len() + 1);
        let mut units = 0u32;
        for c in text.chars() {
            let next = units + c.len_utf16() as u32;
            at.push(units);
            at.extend(std::iter::repeat_n(next, c.len_utf8() - 1));
            units = next;
        }
        at.push(units);
        Utf16 { at }
    }

    fn of(&self, byte: usize) -> u32 {
        self.at[byte.min(self.at.len() - 1)]
    }

    fn range(&self, r: &Range<usize>) -> [u32; 2] {
        [self.of(r.start), self.of(r.end.max(r.start))]
    }

    /// The byte offset of UTF-16 offset `unit`: the first character boundary there or
    /// after (an offset inside a surrogate pair moves past the pair).
    fn byte(&self, text: &str, unit: u32) -> usize {
        let b = self.at.partition_point(|&u| u < unit);
        (b..text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len())
    }
}

#[derive(Serialize)]
struct Edit {
    from: u32,
    to: u32,
    insert: String,
}

fn edits(map: &Utf16, edits: &[TextEdit]) -> Vec<Edit> {
    edits
        .iter()
        .map(|e| {
            let [from, to] = map.range(&e.range);
            Edit {
                from,
                to,
                insert: e.new_text.clone(),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct EditorFix {
    title: String,
    edits: Vec<Edit>,
    resolves: bool,
}

#[derive(Serialize)]
struct EditorFinding {
    code: &'static str,
    severity: &'static str,
    message: String,
    from: u32,
    to: u32,
    /// cli.md's 1-based line and character column of the start.
    line: u32,
    column: u32,
    /// The range holds a secret: the page never shows its text.
    secret: bool,
    fixes: Vec<EditorFix>,
    url: String,
}

#[derive(Serialize)]
struct EditorFindings {
    lang: &'static str,
    findings: Vec<EditorFinding>,
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Ja => "ja",
    }
}

/// The findings for the editor, in `--check`'s order: UTF-16 offsets, quick fixes as
/// edits.
#[wasm_bindgen]
pub fn findings(text: &str, options: &str) -> String {
    answer(with_analysis(text, options, |a| {
        let map = Utf16::new(&a.source.text);
        let lang = a.analysis.lang;
        let ordered = azsr_report::ordered(&a.source, &a.analysis);
        let findings = ordered
            .into_iter()
            .map(|(f, d)| {
                let [from, to] = map.range(&f.range);
                EditorFinding {
                    code: f.code,
                    severity: f.level.as_str(),
                    message: f.message,
                    from,
                    to,
                    line: f.start.line,
                    column: f.start.column,
                    secret: f.secret,
                    fixes: d
                        .fixes
                        .iter()
                        .map(|fix| EditorFix {
                            title: fix.title.get(lang).to_string(),
                            edits: edits(&map, &fix.edits),
                            resolves: fix.resolves,
                        })
                        .collect(),
                    url: azsr_core::rules::doc_url(f.code),
                }
            })
            .collect();
        EditorFindings {
            lang: lang_code(lang),
            findings,
        }
    }))
}

/// The edits of every fix together (the language server's `source.fixAll.azsr`): the
/// core's end state, each fix kept only if it makes the request better.
#[wasm_bindgen]
pub fn fix_all(text: &str, options: &str) -> String {
    answer(with_analysis(text, options, |a| {
        let config = Config {
            messages: MessagesSetting::Fixed(a.analysis.lang),
            ..a.config.clone()
        };
        let env = Env {
            now: a.env_now,
            files: None,
            locale: a.locale.clone(),
        };
        let all = azsr_core::fix_all::fix_all(&a.source, &config, &catalog(), &env);
        edits(&Utf16::new(&a.source.text), &all)
    }))
}

#[derive(Serialize)]
struct EditorHover {
    markdown: String,
    from: u32,
    to: u32,
}

/// The hover at UTF-16 offset `at` (rule documentation, field documentation with the
/// severity table, section purpose), or `null`.
#[wasm_bindgen]
pub fn hover(text: &str, options: &str, at: u32) -> String {
    answer(with_analysis(text, options, |a| {
        let map = Utf16::new(&a.source.text);
        let offset = map.byte(&a.source.text, at);
        azsr_core::hover::hover(&a.source, &a.analysis, &catalog(), offset).map(|h| {
            let [from, to] = map.range(&h.range);
            EditorHover {
                markdown: h.markdown,
                from,
                to,
            }
        })
    }))
}

#[derive(Serialize)]
struct EditorItem {
    label: String,
    detail: Option<String>,
    documentation: Option<String>,
    kind: &'static str,
    insert: String,
}

#[derive(Serialize)]
struct EditorCompletions {
    from: u32,
    to: u32,
    /// Already ranked: keep the order.
    ranked: bool,
    items: Vec<EditorItem>,
}

fn kind_name(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Key => "key",
        ItemKind::EnumValue => "value",
        ItemKind::Boolean => "boolean",
        ItemKind::Service => "service",
        ItemKind::ProblemType => "problem-type",
        ItemKind::Heading => "heading",
        ItemKind::Template => "template",
    }
}

/// The completions at UTF-16 offset `at`: front matter keys, values, services, problem
/// types, headings, the template (plain text, no snippets).
#[wasm_bindgen]
pub fn completions(text: &str, options: &str, at: u32) -> String {
    answer(with_analysis(text, options, |a| {
        let map = Utf16::new(&a.source.text);
        let offset = map.byte(&a.source.text, at);
        let c = azsr_core::completion::completions(
            &a.source,
            &catalog(),
            a.analysis.lang,
            offset,
            false,
        );
        let [from, to] = map.range(&c.replace);
        EditorCompletions {
            from,
            to,
            ranked: c.ranked,
            items: c
                .items
                .into_iter()
                .map(|i| EditorItem {
                    label: i.label,
                    detail: i.detail,
                    documentation: i.documentation,
                    kind: kind_name(i.kind),
                    insert: i.insert,
                })
                .collect(),
        }
    }))
}

/// The crate's version, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests;
