//! `azsr.toml` lookup for `--check`: the nearest one in a file's folder or its parents
//! wins. Each folder's answer and each configuration file (with the catalog it builds)
//! is resolved once, before the files are checked in parallel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use azsr_core::{Catalog, Config};

use super::discover::{parent_dir, relative};
use super::Input;

pub const FILE_NAME: &str = "azsr.toml";

/// A configuration with the catalog it selects.
pub struct Loaded {
    pub config: Config,
    pub catalog: Arc<Catalog>,
}

/// The configuration for every folder that holds an input.
pub struct Configs {
    by_dir: HashMap<PathBuf, Result<Arc<Loaded>, String>>,
}

impl Configs {
    pub fn load(cwd: &Path, inputs: &[Input]) -> Configs {
        let default = Arc::new(Loaded {
            config: Config::default(),
            catalog: Catalog::bundled(),
        });
        // folder → the azsr.toml that governs it (None: none up to the root)
        let mut nearest: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
        let mut files: HashMap<PathBuf, Result<Arc<Loaded>, String>> = HashMap::new();
        let mut by_dir = HashMap::new();
        for input in inputs {
            let dir = match input {
                Input::File { path, .. } => parent_dir(cwd, path),
                Input::Stdin {
                    anchor: Some(p), ..
                } => parent_dir(cwd, p),
                Input::Stdin { anchor: None, .. } => cwd.to_path_buf(),
            };
            if by_dir.contains_key(&dir) {
                continue;
            }
            let loaded = match find(&dir, &mut nearest) {
                None => Ok(default.clone()),
                Some(toml) => files
                    .entry(toml.clone())
                    .or_insert_with(|| load_file(cwd, &toml).map(Arc::new))
                    .clone(),
            };
            by_dir.insert(dir, loaded);
        }
        Configs { by_dir }
    }

    /// The configuration for documents in `dir` (a folder [`Configs::load`] saw), or the
    /// failure message of its malformed configuration.
    pub fn for_dir(&self, dir: &Path) -> Result<Arc<Loaded>, String> {
        self.by_dir.get(dir).cloned().unwrap_or_else(|| {
            Ok(Arc::new(Loaded {
                config: Config::default(),
                catalog: Catalog::bundled(),
            }))
        })
    }
}

/// The nearest `azsr.toml` for `dir`, remembering the answer for every folder walked.
fn find(dir: &Path, memo: &mut HashMap<PathBuf, Option<PathBuf>>) -> Option<PathBuf> {
    let mut walked = Vec::new();
    let mut found = None;
    for d in dir.ancestors() {
        if let Some(known) = memo.get(d) {
            found = known.clone();
            break;
        }
        walked.push(d.to_path_buf());
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            found = Some(candidate);
            break;
        }
    }
    for d in walked {
        memo.insert(d, found.clone());
    }
    found
}

/// Reads and parses one `azsr.toml` and the catalog files it names.
fn load_file(cwd: &Path, toml_path: &Path) -> Result<Loaded, String> {
    let shown = relative(cwd, toml_path);
    let text =
        std::fs::read(toml_path).map_err(|e| format!("cannot read configuration {shown}: {e}"))?;
    let text = String::from_utf8(text).map_err(|e| {
        format!(
            "malformed configuration {shown}: not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let config = Config::from_toml(&text).map_err(|e| match &e.span {
        Some(span) => {
            let (line, col) = line_col(&text, span.start);
            format!(
                "malformed configuration {shown}:{line}:{col}: {}",
                e.message
            )
        }
        None => format!("malformed configuration {shown}: {}", e.message),
    })?;
    let base = toml_path.parent().unwrap_or(Path::new("/"));
    let bundled = Catalog::bundled();
    let mut catalog: Option<Catalog> = None;
    if let Some(services) = &config.catalog_services {
        let path = base.join(services);
        let shown_json = relative(cwd, &path);
        let json = std::fs::read_to_string(&path).map_err(|e| {
            format!("configuration {shown}: cannot read [catalog] services {shown_json}: {e}")
        })?;
        catalog = Some(bundled.with_services_json(&json).map_err(|e| {
            format!("configuration {shown}: [catalog] services {shown_json} is not `az support services list` output: {e}")
        })?);
    }
    if let Some(pc) = &config.catalog_problem_classifications {
        let path = base.join(pc);
        let shown_pc = relative(cwd, &path);
        let cat = catalog.get_or_insert_with(|| (*bundled).clone());
        let files = if path.is_dir() {
            let mut list: Vec<PathBuf> = std::fs::read_dir(&path)
                .map_err(|e| {
                    format!("configuration {shown}: cannot read [catalog] problem_classifications {shown_pc}: {e}")
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
            let shown_file = relative(cwd, &file);
            let json = std::fs::read_to_string(&file).map_err(|e| {
                format!("configuration {shown}: cannot read [catalog] problem_classifications {shown_file}: {e}")
            })?;
            let service = problem_list_service(&file, &json).ok_or_else(|| {
                format!(
                    "configuration {shown}: cannot tell which service {shown_file} lists problem classifications for: \
                     its entries' `id`s do not name one; name the file after the service GUID ({{guid}}.json)"
                )
            })?;
            cat.add_problem_classifications_json(&service, &json)
                .map_err(|e| {
                    format!("configuration {shown}: {shown_file} is not `az support services problem-classifications list` output: {e}")
                })?;
        }
    }
    Ok(Loaded {
        config,
        catalog: catalog.map_or(bundled, Arc::new),
    })
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
}
