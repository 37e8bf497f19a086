//! `azsr.toml`: parsed from text the caller reads (the core does no I/O).

use crate::messages::Msg;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostic::Level;
use crate::fuzzy::closest;
use crate::messages::Lang;

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    Level(Level),
}

/// Which language messages, headings and templates use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MessagesSetting {
    #[default]
    Auto,
    Fixed(Lang),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub support_plan: Option<String>,
    pub time_zone: Option<String>,
    pub messages: MessagesSetting,
    pub summary_max_chars: usize,
    pub rules: BTreeMap<String, RuleSetting>,
    pub ambiguous_terms: Vec<String>,
    /// `[catalog] services`, relative to the configuration file.
    pub catalog_services: Option<String>,
    /// `[catalog] problem_classifications`, relative to the configuration file.
    pub catalog_problem_classifications: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            support_plan: None,
            time_zone: None,
            messages: MessagesSetting::Auto,
            summary_max_chars: 100,
            rules: BTreeMap::new(),
            ambiguous_terms: Vec::new(),
            catalog_services: None,
            catalog_problem_classifications: None,
        }
    }
}

/// A configuration error, with where it is when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// What is wrong, in both languages.
    pub message: Msg,
    /// Byte range in the TOML text.
    pub span: Option<std::ops::Range<usize>>,
    /// The TOML parser's own words (English), when it is the parser that failed: a
    /// secondary detail, never the message itself.
    pub detail: Option<String>,
}

impl ConfigError {
    fn new(message: Msg) -> ConfigError {
        ConfigError {
            message,
            span: None,
            detail: None,
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    support_plan: Option<String>,
    time_zone: Option<String>,
    messages: Option<String>,
    summary_max_chars: Option<i64>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    terms: Option<RawTerms>,
    catalog: Option<RawCatalog>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTerms {
    #[serde(default)]
    ambiguous: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    services: Option<String>,
    problem_classifications: Option<String>,
}

const TOP_KEYS: &[&str] = &[
    "support_plan",
    "time_zone",
    "messages",
    "summary_max_chars",
    "rules",
    "terms",
    "catalog",
];

pub const PLANS: &[&str] = &[
    "basic",
    "developer",
    "standard",
    "professional_direct",
    "unified",
    "premier",
];

impl Config {
    /// Parses `azsr.toml` text.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let detail = e.message().trim_end().to_string();
            let unknown = detail
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next());
            let message = match unknown {
                Some(name) => {
                    let keys = TOP_KEYS
                        .iter()
                        .chain(["ambiguous", "services", "problem_classifications"].iter());
                    match closest(name, keys.copied()) {
                        Some(best) => crate::msg!(
                            "Unknown key \"{name}\": did you mean `{best}`?",
                            "不明な項目「{name}」です。`{best}` の誤りではありませんか。"
                        ),
                        None => crate::msg!(
                            "Unknown key \"{name}\".",
                            "不明な項目「{name}」です。"
                        ),
                    }
                }
                None => crate::msg!(
                    "Not valid TOML: {detail}.",
                    "TOML として読み取れません。引用符、括弧、`=` の書き方と値の種類を確認してください。"
                ),
            };
            ConfigError {
                message,
                span: e.span(),
                detail: unknown.is_none().then_some(detail),
            }
        })?;
        let mut config = Config::default();
        if let Some(plan) = raw.support_plan {
            let norm = plan.trim().to_ascii_lowercase();
            if !PLANS.contains(&norm.as_str()) {
                return Err(err_closest("support_plan", &plan, PLANS.iter().copied()));
            }
            config.support_plan = Some(norm);
        }
        if let Some(tz) = raw.time_zone {
            if crate::time::parse_offset(&tz).is_none() {
                return Err(ConfigError::new(crate::msg!(
                    "The time_zone \"{tz}\" is not a UTC offset such as `+09:00`.",
                    "time_zone の「{tz}」は UTC オフセットではありません。`+09:00` のように指定してください。"
                )));
            }
            config.time_zone = Some(tz);
        }
        if let Some(m) = raw.messages {
            config.messages = match m.as_str() {
                "auto" => MessagesSetting::Auto,
                "ja" => MessagesSetting::Fixed(Lang::Ja),
                "en" => MessagesSetting::Fixed(Lang::En),
                other => {
                    return Err(err_closest(
                        "messages",
                        other,
                        ["auto", "ja", "en"].into_iter(),
                    ))
                }
            };
        }
        if let Some(n) = raw.summary_max_chars {
            if n < 1 {
                return Err(ConfigError::new(crate::msg!(
                    "`summary_max_chars` must be a positive number, not {n}.",
                    "`summary_max_chars` には正の数を指定してください。{n} は指定できません。"
                )));
            }
            config.summary_max_chars = n as usize;
        }
        for (name, level) in raw.rules {
            if crate::rules::by_name(&name).is_none() {
                let message = match closest(&name, crate::rules::ALL.iter().map(|r| r.name)) {
                    Some(b) => crate::msg!(
                        "Unknown rule \"{name}\" in [rules]: did you mean `{b}`?",
                        "[rules] の「{name}」は不明なルールです。`{b}` の誤りではありませんか。"
                    ),
                    None => crate::msg!(
                        "Unknown rule \"{name}\" in [rules].",
                        "[rules] の「{name}」は不明なルールです。"
                    ),
                };
                return Err(ConfigError::new(message));
            }
            let setting = match level.as_str() {
                "off" => RuleSetting::Off,
                other => match Level::parse(other) {
                    Some(l) => RuleSetting::Level(l),
                    None => {
                        return Err(err_closest(
                            &format!("rules.{name}"),
                            other,
                            ["off", "error", "warning", "information", "hint"].into_iter(),
                        ))
                    }
                },
            };
            config.rules.insert(name, setting);
        }
        if let Some(terms) = raw.terms {
            config.ambiguous_terms = terms.ambiguous;
        }
        if let Some(cat) = raw.catalog {
            config.catalog_services = cat.services;
            config.catalog_problem_classifications = cat.problem_classifications;
        }
        Ok(config)
    }

    /// Overlays `other`'s explicitly set keys (editor settings over the file).
    pub fn merge_from(&mut self, other: &Config) {
        let default = Config::default();
        if other.support_plan.is_some() {
            self.support_plan.clone_from(&other.support_plan);
        }
        if other.time_zone.is_some() {
            self.time_zone.clone_from(&other.time_zone);
        }
        if other.messages != default.messages {
            self.messages = other.messages;
        }
        if other.summary_max_chars != default.summary_max_chars {
            self.summary_max_chars = other.summary_max_chars;
        }
        for (k, v) in &other.rules {
            self.rules.insert(k.clone(), *v);
        }
        if !other.ambiguous_terms.is_empty() {
            self.ambiguous_terms.clone_from(&other.ambiguous_terms);
        }
        if other.catalog_services.is_some() {
            self.catalog_services.clone_from(&other.catalog_services);
        }
        if other.catalog_problem_classifications.is_some() {
            self.catalog_problem_classifications
                .clone_from(&other.catalog_problem_classifications);
        }
    }

    /// The level a rule reports at, or `None` when it is off.
    pub fn level_of(&self, rule: &crate::rules::RuleMeta) -> Option<Level> {
        match self.rules.get(rule.name) {
            Some(RuleSetting::Off) => None,
            Some(RuleSetting::Level(l)) => Some(*l),
            None => Some(rule.level),
        }
    }
}

fn err_closest<'a>(
    key: &str,
    value: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
) -> ConfigError {
    let list: Vec<&str> = allowed.clone().collect();
    let (en, ja) = (list.join(", "), list.join("、"));
    ConfigError::new(match closest(value, allowed) {
        Some(b) => crate::msg!(
            "\"{value}\" is not a valid {key} (one of {en}): did you mean `{b}`?",
            "{key} に「{value}」は使えません。{ja} のいずれかを指定してください。`{b}` の誤りではありませんか。"
        ),
        None => crate::msg!(
            "\"{value}\" is not a valid {key} (one of {en}).",
            "{key} に「{value}」は使えません。{ja} のいずれかを指定してください。"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_cli_md_example() {
        let c = Config::from_toml(
            r#"
support_plan = "standard"
time_zone = "+09:00"
messages = "ja"
summary_max_chars = 80
[rules]
advanced-diagnostics = "off"
ambiguous-term = "error"
[terms]
ambiguous = ["DR環境"]
[catalog]
services = "catalog/services.json"
"#,
        )
        .unwrap();
        assert_eq!(c.support_plan.as_deref(), Some("standard"));
        assert_eq!(c.messages, MessagesSetting::Fixed(Lang::Ja));
        assert_eq!(c.rules["advanced-diagnostics"], RuleSetting::Off);
        assert_eq!(c.ambiguous_terms, vec!["DR環境"]);
    }

    #[test]
    fn unknown_keys_and_rules_name_the_closest() {
        let e = Config::from_toml("suport_plan = \"basic\"").unwrap_err();
        assert!(e.message.en.contains("support_plan"), "{}", e.message.en);
        let e = Config::from_toml("[rules]\nsummary-lenght = \"off\"").unwrap_err();
        assert!(e.message.en.contains("summary-length"), "{}", e.message.en);
        let e = Config::from_toml("support_plan = \"standrd\"").unwrap_err();
        assert!(e.message.en.contains("standard"), "{}", e.message.en);
        assert!(Config::from_toml("summary_max_chars = \"x\"").is_err());
    }
}
