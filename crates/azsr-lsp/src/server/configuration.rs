//! Configuration: `azsr.toml` next to the document (nearest parent wins), overridden key
//! by key by the editor's settings (initializationOptions, didChangeConfiguration), which
//! use the same keys. The JSON settings are turned into TOML and parsed by the core's
//! `Config::from_toml`, so both accept and reject exactly the same things.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use azsr_core::Config;
use serde_json::Value;
use tower_lsp_server::ls_types::{MessageType, Uri};

use super::{diagnostics, lock, Shared};

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
    Config::from_toml(&text).map_err(|e| e.message)
}

/// The nearest `azsr.toml` above a `file:` document.
fn find_config_file(uri: &Uri) -> Option<PathBuf> {
    let path = uri.to_file_path()?;
    let mut dir: Option<&Path> = path.parent();
    while let Some(d) = dir {
        let candidate = d.join("azsr.toml");
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// The effective configuration of a document, and an error to report when its
/// `azsr.toml` is malformed (the defaults are used then, under the editor's settings).
pub fn config_for(uri: &Uri, settings: &Config) -> (Arc<Config>, Option<String>) {
    let mut error = None;
    let mut config = match find_config_file(uri) {
        Some(path) => match std::fs::read_to_string(&path).map_err(|e| e.to_string()) {
            Ok(text) => Config::from_toml(&text).unwrap_or_else(|e| {
                error = Some(format!("{}: {}", path.display(), e.message));
                Config::default()
            }),
            Err(e) => {
                error = Some(format!("{}: {e}", path.display()));
                Config::default()
            }
        },
        None => Config::default(),
    };
    config.merge_from(settings);
    (Arc::new(config), error)
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
    match settings_from_json(&settings) {
        Ok(config) => shared.session_mut().settings = config,
        Err(e) => report(shared, format!("settings not applied: {e}")),
    }
    reload_all(shared);
}

/// Recomputes every open document's configuration and re-checks them all.
pub fn reload_all(shared: &Arc<Shared>) {
    let settings = shared.session().settings.clone();
    let uris = {
        let mut store = lock(&shared.store);
        let uris = store.uris();
        for uri in &uris {
            let (config, error) = config_for(uri, &settings);
            if let Some(e) = error {
                report(shared, e);
            }
            if let Some(entry) = store.get_mut(uri) {
                entry.config = config;
                entry.published = None;
                entry.analysis = None;
            }
        }
        uris
    };
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
