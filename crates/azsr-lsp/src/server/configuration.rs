//! Configuration: `azsr.toml` next to the document (nearest parent wins), overridden key
//! by key by the editor's settings (initializationOptions, didChangeConfiguration), which
//! use the same keys. The JSON settings are turned into TOML and parsed by the core's
//! `Config::from_toml`, so both accept and reject exactly the same things.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use azsr_core::{msg, Catalog, Config, Encoding, Lang, LineIndex, Msg};
use serde_json::Value;
use tower_lsp_server::ls_types::{
    self as lsp, DiagnosticSeverity, MessageType, NumberOrString, Position, Uri,
};

use super::documents::LazyConfig;
use super::{diagnostics, lock, Shared};
use crate::workspace_config::{self, LoadError, Loaded};

/// A malformed or unreadable `azsr.toml`: where, its text (empty when unreadable), and
/// what is wrong.
pub struct ConfigProblem {
    pub path: PathBuf,
    pub text: String,
    pub message: azsr_core::Msg,
    /// Byte range in `text`.
    pub span: Option<std::ops::Range<usize>>,
    /// The TOML parser's own English words, shown after a Japanese message.
    pub detail: Option<String>,
}

impl ConfigProblem {
    /// The message in `lang`; a Japanese one ends with the parser's English detail on a
    /// line of its own.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, &self.detail) {
            (Lang::Ja, Some(detail)) => format!("{}\nTOML: {detail}", self.message.ja),
            _ => self.message.get(lang).to_string(),
        }
    }
}

/// Drops JSON nulls (TOML has none) recursively.
fn strip_nulls(v: &Value) -> Option<Value> {
    match v {
        Value::Null => None,
        Value::Object(map) => Some(Value::Object(
            map.iter()
                .filter_map(|(k, v)| strip_nulls(v).map(|v| (k.clone(), v)))
                .collect(),
        )),
        Value::Array(items) => Some(Value::Array(items.iter().filter_map(strip_nulls).collect())),
        other => Some(other.clone()),
    }
}

/// Editor settings to a configuration. Accepts the keys at the top level or under an
/// `azsr` section (VS Code sends its settings so). `null` means no settings.
pub fn settings_from_json(v: &Value) -> Result<Config, String> {
    let v = match v {
        Value::Object(map) if map.len() == 1 && map.contains_key("azsr") => &map["azsr"],
        other => other,
    };
    let Some(v) = strip_nulls(v) else {
        return Ok(Config::default());
    };
    if !v.is_object() {
        return Err("settings must be an object with the keys of azsr.toml".into());
    }
    let text = toml::to_string(&v).map_err(|e| e.to_string())?;
    Config::from_toml(&text).map_err(|e| e.message.en)
}

/// The nearest `azsr.toml` above a `file:` document.
fn find_config_file(uri: &Uri) -> Option<PathBuf> {
    let path = uri.to_file_path()?;
    workspace_config::find_nearest(path.parent()?)
}

/// A document's effective configuration and the catalog its `azsr.toml` selects.
#[derive(Clone)]
pub struct DocConfig {
    pub config: Arc<Config>,
    pub catalog: Arc<Catalog>,
}

/// The effective configuration of a document (its `azsr.toml`, with the catalog files
/// it names, loaded as `--check` loads them), the problem to report when that file is
/// unusable (the defaults and the bundled catalog are used then, under the editor's
/// settings), and what went wrong loading a catalog the editor's settings name.
///
/// Catalog paths in the editor's settings are relative to the nearest `azsr.toml`'s folder
/// when there is one (so they combine with its own `[catalog]` keys), else to the
/// document's folder; absolute paths work anywhere.
pub fn config_for(uri: &Uri, settings: &Config) -> (DocConfig, Option<ConfigProblem>, Option<Msg>) {
    let mut problem = None;
    let toml_path = find_config_file(uri);
    let show = |p: &Path| p.display().to_string();
    let loaded = match &toml_path {
        Some(path) => match workspace_config::load_file(path, &show) {
            Ok(l) => l,
            Err(e) => {
                let (message, detail) = (e.problem(), e.detail().map(str::to_string));
                // The text is the file's only when it was read (never reopen a FIFO).
                let (text, span) = match e {
                    LoadError::Toml { text, error } => (text, error.span),
                    _ => (String::new(), None),
                };
                problem = Some(ConfigProblem {
                    path: path.clone(),
                    text,
                    message,
                    span,
                    detail,
                });
                Loaded::default_loaded()
            }
        },
        None => Loaded::default_loaded(),
    };
    let mut config = loaded.config;
    config.merge_from(settings);
    let mut catalog = loaded.catalog;
    let mut settings_problem = None;
    if settings.catalog_services.is_some() || settings.catalog_problem_classifications.is_some() {
        let base = toml_path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| Some(uri.to_file_path()?.parent()?.to_path_buf()));
        match base {
            Some(base) => match workspace_config::load_catalog(&config, &base, &show) {
                Ok(c) => catalog = c,
                Err(Msg { en, ja }) => {
                    settings_problem = Some(msg!("settings: {en}", "設定: {ja}"))
                }
            },
            None => {
                settings_problem = Some(msg!(
                    "settings: a catalog path cannot be resolved for a document that is not a file",
                    "設定: ファイルではない文書では、カタログのパスを解決できません。"
                ))
            }
        }
    }
    (
        DocConfig {
            config: Arc::new(config),
            catalog,
        },
        problem,
        settings_problem,
    )
}

/// The diagnostic that marks a malformed `azsr.toml` in the editor.
pub fn problem_diagnostic(p: &ConfigProblem, enc: Encoding, lang: Lang) -> lsp::Diagnostic {
    let index = LineIndex::new(&p.text);
    let span = p.span.clone().unwrap_or(0..0);
    let at = |offset: usize| {
        let lc = index.to_line_col(&p.text, offset, enc);
        Position {
            line: lc.line,
            character: lc.col,
        }
    };
    lsp::Diagnostic {
        range: lsp::Range {
            start: at(span.start),
            end: at(span.end),
        },
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("configuration".into())),
        source: Some("azsr".into()),
        message: p.message(lang),
        ..Default::default()
    }
}

/// Publishes the state of every `azsr.toml` just looked at: the problems found, and
/// empty lists for files that were reported before and are fine now.
/// The language of what the server says about configuration: the `messages` setting,
/// else the client's locale.
fn session_lang(shared: &Arc<Shared>) -> Lang {
    let session = shared.session();
    match session.settings.messages {
        azsr_core::config::MessagesSetting::Fixed(lang) => lang,
        _ => Lang::from_locale(session.locale.as_deref().unwrap_or_default()),
    }
}

pub fn publish_problems(shared: &Arc<Shared>, checked: Vec<PathBuf>, problems: Vec<ConfigProblem>) {
    let (enc, lang) = (shared.session().encoding, session_lang(shared));
    let mut out: Vec<(Uri, Vec<lsp::Diagnostic>)> = Vec::new();
    {
        let mut reported = lock(&shared.config_problems);
        for p in &problems {
            eprintln!("azsr-lsp: {}: {}", p.path.display(), p.message.en);
            if let Some(uri) = Uri::from_file_path(&p.path) {
                reported.insert(uri.clone());
                out.push((uri, vec![problem_diagnostic(p, enc, lang)]));
            }
        }
        for path in checked {
            if problems.iter().any(|p| p.path == path) {
                continue;
            }
            if let Some(uri) = Uri::from_file_path(&path) {
                if reported.remove(&uri) {
                    out.push((uri, Vec::new()));
                }
            }
        }
    }
    if out.is_empty() {
        return;
    }
    let shared = shared.clone();
    if let Ok(handle) = tokio::runtime::Handle::try_current() {
        handle.spawn(async move {
            let _guard = shared.publish.lock().await;
            for (uri, diags) in out {
                shared.client.publish_diagnostics(uri, diags, None).await;
            }
        });
    }
}

/// A document's configuration, loaded when its analysis or a request first needs it
/// (on the blocking pool: see [`LazyConfig`]), with any problem published then.
pub fn lazy_config(shared: &Arc<Shared>, uri: &Uri) -> Arc<LazyConfig> {
    let shared = Arc::downgrade(shared);
    let uri = uri.clone();
    LazyConfig::new(move || match shared.upgrade() {
        Some(shared) => config_for_open(&shared, &uri),
        None => DocConfig {
            config: Arc::new(Config::default()),
            catalog: Catalog::bundled(),
        },
    })
}

/// Loading a document's configuration, with any `azsr.toml` problem published.
fn config_for_open(shared: &Arc<Shared>, uri: &Uri) -> DocConfig {
    let settings = shared.session().settings.clone();
    let (config, problem, settings_problem) = config_for(uri, &settings);
    let checked: Vec<PathBuf> = find_config_file(uri).into_iter().collect();
    publish_problems(shared, checked, problem.into_iter().collect());
    if let Some(message) = settings_problem {
        let lang = session_lang(shared);
        report_once(shared, message.get(lang).to_string());
    }
    config
}

/// [`report`], unless the same message was the last one shown (every document opened
/// would repeat a settings problem).
fn report_once(shared: &Arc<Shared>, message: String) {
    {
        let mut last = lock(&shared.last_settings_problem);
        if last.as_deref() == Some(message.as_str()) {
            return;
        }
        *last = Some(message.clone());
    }
    report(shared, message);
}

/// Shows a configuration problem to the user without blocking the caller.
pub fn report(shared: &Arc<Shared>, message: String) {
    eprintln!("azsr-lsp: {message}");
    let shared = shared.clone();
    if let Ok(handle) = tokio::runtime::Handle::try_current() {
        handle.spawn(async move {
            shared
                .client
                .show_message(MessageType::ERROR, format!("azsr: {message}"))
                .await;
        });
    }
}

pub fn did_change_configuration(shared: &Arc<Shared>, settings: Value) {
    if settings.is_null() {
        // The pull model: ask for the `azsr` section from a task of its own, so that no
        // handler waits on the client.
        let shared = shared.clone();
        tokio::spawn(async move {
            let item = lsp::ConfigurationItem {
                scope_uri: None,
                section: Some("azsr".into()),
            };
            match shared.client.configuration(vec![item]).await {
                Ok(mut values) if !values.is_empty() => {
                    let value = values.swap_remove(0);
                    apply_settings(&shared, value);
                }
                Ok(_) => {}
                Err(e) => eprintln!("azsr-lsp: workspace/configuration failed: {e}"),
            }
        });
        return;
    }
    apply_settings(shared, settings);
}

fn apply_settings(shared: &Arc<Shared>, settings: Value) {
    match settings_from_json(&settings) {
        Ok(config) => shared.session_mut().settings = config,
        Err(e) => report(shared, format!("settings not applied: {e}")),
    }
    reload_all(shared);
}

/// Whether changed files can change a document's configuration: an `azsr.toml`, or a JSON
/// file while some configuration names a catalog (a JSON edit elsewhere in the workspace
/// re-checks nothing).
pub fn affects_configuration(shared: &Arc<Shared>, changes: &[lsp::FileEvent]) -> bool {
    let name = |e: &lsp::FileEvent| {
        e.uri
            .path()
            .as_str()
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string()
    };
    if changes.iter().any(|e| name(e) == "azsr.toml") {
        return true;
    }
    if !changes.iter().any(|e| name(e).ends_with(".json")) {
        return false;
    }
    let names_catalog =
        |c: &Config| c.catalog_services.is_some() || c.catalog_problem_classifications.is_some();
    if names_catalog(&shared.session().settings) {
        return true;
    }
    let store = lock(&shared.store);
    store
        .uris()
        .iter()
        // A configuration not loaded yet will read the catalog when it loads.
        .any(|u| {
            store
                .get(u)
                .is_some_and(|e| e.config.loaded().is_some_and(|c| names_catalog(&c.config)))
        })
}

/// Recomputes every open document's configuration and re-checks them all. The files
/// are read when each document's analysis needs them, off the caller (see
/// [`LazyConfig`]); here only the problems reported before for an `azsr.toml` that no
/// open document uses any more are cleared.
pub fn reload_all(shared: &Arc<Shared>) {
    // New settings: a problem they still have is worth saying again.
    *lock(&shared.last_settings_problem) = None;
    let uris = {
        let mut store = lock(&shared.store);
        let uris = store.uris();
        for uri in &uris {
            if let Some(entry) = store.get_mut(uri) {
                entry.config = lazy_config(shared, uri);
                entry.published = None;
                entry.analysis = None;
            }
        }
        uris
    };
    let in_use: HashSet<PathBuf> = uris.iter().filter_map(find_config_file).collect();
    let unused: Vec<PathBuf> = lock(&shared.config_problems)
        .iter()
        .filter_map(|u| u.to_file_path().map(|p| p.into_owned()))
        .filter(|p| !in_use.contains(p))
        .collect();
    publish_problems(shared, unused, Vec::new());
    for uri in uris {
        diagnostics::schedule(shared, &uri);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_settings_use_the_toml_keys() {
        let c = settings_from_json(&serde_json::json!({
            "azsr": {
                "support_plan": "standard",
                "messages": "ja",
                "summary_max_chars": 80,
                "time_zone": null,
                "rules": { "advanced-diagnostics": "off" },
                "terms": { "ambiguous": ["DR環境"] }
            }
        }))
        .unwrap();
        assert_eq!(c.support_plan.as_deref(), Some("standard"));
        assert_eq!(c.summary_max_chars, 80);
        assert_eq!(c.ambiguous_terms, vec!["DR環境"]);
        let e = settings_from_json(&serde_json::json!({ "suport_plan": "basic" })).unwrap_err();
        assert!(e.contains("support_plan"), "{e}");
        assert!(settings_from_json(&Value::Null).is_ok());
        assert!(settings_from_json(&serde_json::json!([1])).is_err());
    }
}
