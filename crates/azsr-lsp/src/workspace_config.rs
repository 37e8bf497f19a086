//! `azsr.toml` and the catalog overrides it names (`[catalog] services`,
//! `[catalog] problem_classifications`), loaded the same way for `--check` and for the
//! language server. The nearest `azsr.toml` in a document's folder or its parents wins.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use azsr_core::config::ConfigError;
use azsr_core::{msg, Catalog, Config, Lang, Msg};

use crate::regular_file;

pub const FILE_NAME: &str = "azsr.toml";

/// A configuration with the catalog it selects.
pub struct Loaded {
    pub config: Config,
    pub catalog: Arc<Catalog>,
}

impl Loaded {
    /// No `azsr.toml`: the defaults and the bundled catalog.
    pub fn default_loaded() -> Loaded {
        Loaded {
            config: Config::default(),
            catalog: Catalog::bundled(),
        }
    }
}

/// Why an `azsr.toml` could not be used.
#[derive(Debug)]
pub enum LoadError {
    /// The file itself could not be read: the file system said no, or the name is a
    /// folder, a FIFO, a device or a socket (not opened: a FIFO would block; and not
    /// skipped silently either), or it is too large.
    Unreadable(regular_file::Refused),
    /// The file is not UTF-8 (the offset of the first invalid byte).
    NotUtf8(usize),
    /// The TOML is malformed or has unknown keys or values; `text` is the file's text.
    Toml { text: String, error: ConfigError },
    /// A catalog file it names is missing or malformed (the message names the file).
    Catalog(Msg),
}

impl LoadError {
    /// What is wrong, in both languages, without the file's name; the TOML parser's
    /// own English words are [`LoadError::detail`].
    pub fn problem(&self) -> Msg {
        match self {
            LoadError::Unreadable(refused) => {
                let Msg { en, ja } = refused.message();
                let en = en.trim_end_matches('.');
                msg!(
                    "The configuration cannot be read: {en}.",
                    "設定ファイルを読み取れません。{ja}"
                )
            }
            LoadError::NotUtf8(at) => msg!(
                "The configuration is not UTF-8 (invalid byte at offset {at}): re-save it as UTF-8.",
                "設定ファイルが UTF-8 ではありません（位置 {at} に不正なバイト）。UTF-8 で保存し直してください。"
            ),
            LoadError::Toml { text, error } => match &error.span {
                Some(span) => {
                    let (line, col) = line_col(text, span.start);
                    let (en, ja) = (&error.message.en, &error.message.ja);
                    msg!(
                        "Line {line}, column {col}: {en}",
                        "{line} 行目の {col} 文字目に誤りがあります。{ja}"
                    )
                }
                None => error.message.clone(),
            },
            LoadError::Catalog(m) => m.clone(),
        }
    }

    /// The TOML parser's own words, when the parser failed (English, secondary).
    pub fn detail(&self) -> Option<&str> {
        match self {
            LoadError::Toml { error, .. } => error.detail.as_deref(),
            _ => None,
        }
    }

    /// The message as `--check` prints it; `shown` is how the `azsr.toml` path is shown.
    /// English keeps the CLI's lowercase form; Japanese says what and where in
    /// sentences, the parser's English detail following on its own line.
    pub fn message(&self, shown: &str, lang: Lang) -> String {
        let position = match self {
            LoadError::Toml {
                text,
                error: ConfigError {
                    span: Some(span), ..
                },
            } => {
                let (line, col) = line_col(text, span.start);
                format!(":{line}:{col}")
            }
            _ => String::new(),
        };
        match lang {
            Lang::En => match self {
                LoadError::Unreadable(refused) => format!(
                    "cannot read configuration {shown}: {}",
                    refused.message().en
                ),
                LoadError::NotUtf8(at) => format!(
                    "malformed configuration {shown}: not UTF-8 (invalid byte at offset {at})"
                ),
                LoadError::Toml { error, .. } => {
                    format!(
                        "malformed configuration {shown}{position}: {}",
                        error.message.en
                    )
                }
                LoadError::Catalog(m) => format!("configuration {shown}: {}", m.en),
            },
            Lang::Ja => {
                let mut out = format!("設定ファイル {shown}{position}: {}", self.problem().ja);
                if let Some(detail) = self.detail() {
                    out.push_str(&format!("\n  TOML: {detail}"));
                }
                out
            }
        }
    }
}

/// The nearest `azsr.toml` for `dir` (the folder itself, then its parents).
pub fn find_nearest(dir: &Path) -> Option<PathBuf> {
    find_memo(dir, &mut HashMap::new())
}

/// [`find_nearest`], remembering the answer for every folder walked.
pub fn find_memo(dir: &Path, memo: &mut HashMap<PathBuf, Option<PathBuf>>) -> Option<PathBuf> {
    let mut walked = Vec::new();
    let mut found = None;
    for d in dir.ancestors() {
        if let Some(known) = memo.get(d) {
            found = known.clone();
            break;
        }
        walked.push(d.to_path_buf());
        let candidate = d.join(FILE_NAME);
        // Anything by that name counts (not only a regular file): a folder or a FIFO
        // named azsr.toml is reported as unreadable, not skipped.
        if std::fs::metadata(&candidate).is_ok() {
            found = Some(candidate);
            break;
        }
    }
    for d in walked {
        memo.insert(d, found.clone());
    }
    found
}

/// Reads and parses one `azsr.toml` and the catalog files it names (relative to its
/// folder). `show` turns a path into the form used in messages.
pub fn load_file(toml_path: &Path, show: &dyn Fn(&Path) -> String) -> Result<Loaded, LoadError> {
    let text = read_text(toml_path)?;
    let config = match Config::from_toml(&text) {
        Ok(c) => c,
        Err(error) => return Err(LoadError::Toml { text, error }),
    };
    let base = toml_path.parent().unwrap_or(Path::new("/"));
    let catalog = load_catalog(&config, base, show).map_err(LoadError::Catalog)?;
    Ok(Loaded { config, catalog })
}

/// The text of an `azsr.toml`, read only when it is a regular file (following
/// symlinks): a FIFO would block the reader, a device never end.
pub fn read_text(toml_path: &Path) -> Result<String, LoadError> {
    let bytes = regular_file::read(toml_path, regular_file::CONFIG_MAX_BYTES)
        .map_err(LoadError::Unreadable)?;
    String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8(e.utf8_error().valid_up_to()))
}

/// The catalog a configuration selects: the bundled one with the configured services
/// list and problem classifications applied. Paths are relative to `base`.
pub fn load_catalog(
    config: &Config,
    base: &Path,
    show: &dyn Fn(&Path) -> String,
) -> Result<Arc<Catalog>, Msg> {
    let bundled = Catalog::bundled();
    let mut catalog: Option<Catalog> = None;
    if let Some(services) = &config.catalog_services {
        let path = base.join(services);
        let shown_json = show(&path);
        let json = regular_file::read_to_string(&path, regular_file::CATALOG_MAX_BYTES).map_err(
            |Msg { en, ja }| {
                msg!(
                    "cannot read [catalog] services {shown_json}: {en}",
                    "[catalog] services のファイル {shown_json} を読み取れません。{ja}"
                )
            },
        )?;
        catalog = Some(bundled.with_services_json(&json).map_err(|e| {
            msg!(
                "[catalog] services {shown_json} is not `az support services list` output: {e}",
                "[catalog] services のファイル {shown_json} は `az support services list` の出力ではありません（{e}）。"
            )
        })?);
    }
    if let Some(pc) = &config.catalog_problem_classifications {
        let path = base.join(pc);
        let shown_pc = show(&path);
        let cat = catalog.get_or_insert_with(|| (*bundled).clone());
        let files = if path.is_dir() {
            let mut list: Vec<PathBuf> = std::fs::read_dir(&path)
                .map_err(|e| {
                    let ja = crate::regular_file::io_message(&e).ja;
                    msg!(
                        "cannot read [catalog] problem_classifications {shown_pc}: {e}",
                        "[catalog] problem_classifications のフォルダー {shown_pc} を読み取れません。{ja}"
                    )
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
                .collect();
            list.sort();
            list
        } else {
            vec![path]
        };
        for file in files {
            let shown_file = show(&file);
            let json = regular_file::read_to_string(&file, regular_file::CATALOG_MAX_BYTES)
                .map_err(|Msg { en, ja }| {
                    msg!(
                        "cannot read [catalog] problem_classifications {shown_file}: {en}",
                        "[catalog] problem_classifications のファイル {shown_file} を読み取れません。{ja}"
                    )
                })?;
            let service = problem_list_service(&file, &json).ok_or_else(|| {
                msg!(
                    "cannot tell which service {shown_file} lists problem classifications for: \
                     its entries' `id`s do not name one; name the file after the service GUID ({{guid}}.json)",
                    "{shown_file} がどのサービスの問題の分類か分かりません。項目の `id` にサービスがないため、ファイル名をサービスの GUID にしてください（`{{guid}}.json`）。"
                )
            })?;
            cat.add_problem_classifications_json(&service, &json)
                .map_err(|e| {
                    msg!(
                        "{shown_file} is not `az support services problem-classifications list` output: {e}",
                        "{shown_file} は `az support services problem-classifications list` の出力ではありません（{e}）。"
                    )
                })?;
        }
    }
    Ok(catalog.map_or(bundled, Arc::new))
}

/// The service whose problem classifications a file of
/// `az support services problem-classifications list` output holds.
///
/// Decision: the content decides first, because it cannot be wrong: every entry's `id`
/// is `/providers/Microsoft.Support/services/{service}/problemClassifications/{id}`, so
/// the first entry whose `id` names a service GUID gives it. Only when no entry says
/// (an empty list, or a hand-made list without full ids) does the file name count: a
/// file named `{service-guid}.json`.
pub fn problem_list_service(file: &Path, json: &str) -> Option<String> {
    let from_content = serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| {
            let list = v.as_array()?.clone();
            list.iter().find_map(|entry| {
                let id = entry.get("id")?.as_str()?;
                service_in_id(id)
            })
        });
    from_content.or_else(|| {
        let stem = file.file_stem()?.to_str()?;
        azsr_core::arm::is_guid(stem).then(|| stem.to_ascii_lowercase())
    })
}

fn service_in_id(id: &str) -> Option<String> {
    let lower = id.to_ascii_lowercase();
    let rest = lower.split("/services/").nth(1)?;
    let guid = rest.split('/').next()?;
    azsr_core::arm::is_guid(guid).then(|| guid.to_string())
}

/// 1-based line and character column of byte `offset`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_from_content_then_name() {
        let json = r#"[{"id": "/providers/Microsoft.Support/services/517F2DA6-78FD-0498-4E22-AD26996B1DFC/problemClassifications/abc", "displayName": "X"}]"#;
        assert_eq!(
            problem_list_service(Path::new("whatever.json"), json).as_deref(),
            Some("517f2da6-78fd-0498-4e22-ad26996b1dfc")
        );
        assert_eq!(
            problem_list_service(
                Path::new("dir/484e2236-bc6d-b1bb-76d2-7d09278cf9ea.json"),
                "[]"
            )
            .as_deref(),
            Some("484e2236-bc6d-b1bb-76d2-7d09278cf9ea")
        );
        assert_eq!(problem_list_service(Path::new("pc.json"), "[]"), None);
    }

    #[test]
    fn config_error_positions() {
        assert_eq!(line_col("a\nbé c", 6), (2, 4));
    }

    #[test]
    fn nearest_file_wins_and_catalog_loads() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "support_plan = \"basic\"\n").unwrap();
        assert_eq!(find_nearest(&sub), Some(dir.path().join(FILE_NAME)));
        std::fs::write(
            sub.join(FILE_NAME),
            "[catalog]\nservices = \"missing.json\"\n",
        )
        .unwrap();
        assert_eq!(find_nearest(&sub), Some(sub.join(FILE_NAME)));
        let show = |p: &Path| p.display().to_string();
        let err = load_file(&sub.join(FILE_NAME), &show).err().unwrap();
        assert!(
            err.message("azsr.toml", Lang::En)
                .contains("cannot read [catalog] services"),
            "{}",
            err.message("azsr.toml", Lang::En)
        );
        let err = load_file(&dir.path().join("nope.toml"), &show)
            .err()
            .unwrap();
        assert!(matches!(
            err,
            LoadError::Unreadable(regular_file::Refused::Io(_))
        ));
    }
}
