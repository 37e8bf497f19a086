//! `azsr.toml` lookup for `--check` (loading is shared with the server:
//! `workspace_config`): the nearest one in a file's folder or its parents wins. Each folder's answer and each configuration file (with the catalog it builds)
//! is resolved once, before the files are checked in parallel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::discover::{parent_dir, relative};
use super::Input;
pub use crate::workspace_config::Loaded;
use crate::workspace_config::{self, find_memo as find};
use azsr_core::Lang;

/// The configuration for every folder that holds an input.
pub struct Configs {
    by_dir: HashMap<PathBuf, Result<Arc<Loaded>, String>>,
}

impl Configs {
    pub fn load(cwd: &Path, inputs: &[Input], lang: Lang) -> Configs {
        let default = Arc::new(Loaded::default_loaded());
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
                    .or_insert_with(|| load_file(cwd, &toml, lang).map(Arc::new))
                    .clone(),
            };
            by_dir.insert(dir, loaded);
        }
        Configs { by_dir }
    }

    /// The configuration for documents in `dir` (a folder [`Configs::load`] saw), or the
    /// failure message of its malformed configuration.
    pub fn for_dir(&self, dir: &Path) -> Result<Arc<Loaded>, String> {
        self.by_dir
            .get(dir)
            .cloned()
            .unwrap_or_else(|| Ok(Arc::new(Loaded::default_loaded())))
    }
}

/// Reads one `azsr.toml` and its catalog files, with paths shown relative to `cwd`.
fn load_file(cwd: &Path, toml_path: &Path, lang: Lang) -> Result<Loaded, String> {
    let show = |p: &Path| relative(cwd, p);
    workspace_config::load_file(toml_path, &show).map_err(|e| e.message(&show(toml_path), lang))
}
