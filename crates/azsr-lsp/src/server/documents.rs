//! The store of open documents. Text changes are applied here synchronously, in the
//! order the client sent them (see `ordered.rs`); handlers only ever see snapshots.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use azsr_core::secrets::memo::{Dirty, Prior};
use azsr_core::{Document, Encoding, Source};
use ropey::Rope;
use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, Uri,
};

use super::configuration::DocConfig;
use super::from_proto;
use super::log_limit::Limited;

/// Changes a client can send without limit: logged boundedly.
static NOT_OPEN: Limited = Limited::new("changes to documents not open");
static VERSION_BACK: Limited = Limited::new("changes with a lower version");

/// A document's configuration and catalog, loaded on first use off the ordering layer:
/// reading `azsr.toml` and the catalog files it names is file I/O (a catalog may be
/// megabytes, or a name that turns out to be no regular file), and the ordering layer
/// must never wait on it. The document's analyses and requests run on the blocking
/// pool and read it there; the first to come loads it, the others wait for that load.
pub struct LazyConfig {
    cell: OnceLock<DocConfig>,
    load: Box<dyn Fn() -> DocConfig + Send + Sync>,
}

impl LazyConfig {
    pub fn new(load: impl Fn() -> DocConfig + Send + Sync + 'static) -> Arc<LazyConfig> {
        Arc::new(LazyConfig {
            cell: OnceLock::new(),
            load: Box::new(load),
        })
    }

    /// A configuration known already.
    #[cfg(test)]
    pub fn ready(config: DocConfig) -> Arc<LazyConfig> {
        let cell = OnceLock::new();
        let _ = cell.set(config);
        Arc::new(LazyConfig {
            cell,
            load: Box::new(|| unreachable!("a ready configuration is never loaded")),
        })
    }

    /// The configuration, loading it if nobody has yet. Blocking: call from the
    /// blocking pool, never from the ordering layer or under the store's lock.
    pub fn get(&self) -> &DocConfig {
        self.cell.get_or_init(&self.load)
    }

    /// The configuration if it is loaded already (never blocks).
    pub fn loaded(&self) -> Option<&DocConfig> {
        self.cell.get()
    }
}

/// One version of a document, parsed and analysed.
pub struct AnalyzedVersion {
    pub version: i32,
    pub source: Source,
    pub analysis: azsr_core::Analysis,
}

/// One open document.
pub struct DocEntry {
    pub doc: Document,
    pub version: i32,
    /// The effective configuration (azsr.toml under the editor's settings) and the
    /// catalog it selects (the bundled one by default).
    pub config: Arc<LazyConfig>,
    /// The newest analysis made, of this or an older version.
    pub analysis: Option<Arc<AnalyzedVersion>>,
    /// The version whose diagnostics were last published.
    pub published: Option<i32>,
    /// A diagnostics worker runs for this document.
    pub worker: bool,
    /// The secret scan of an analysed version and the edits since, for the next
    /// analysis to rescan only around them.
    pub secrets: Option<Prior>,
    /// The user was told that this document is too large for every rule.
    pub told_limited: bool,
    /// The text buffer of an analysis no longer needed, for the next analysis to copy
    /// the text into: a 5 MB document then costs no fresh pages on each keystroke.
    pub spare_text: Option<String>,
}

impl DocEntry {
    /// Keeps `analysis`'s secret scan for the next analysis, when it is of the version
    /// the document is at (otherwise the older scan, with its edits, still serves).
    pub fn keep_secret_scan(&mut self, analysis: &AnalyzedVersion) {
        if analysis.version == self.version {
            self.secrets = Some(Prior {
                memo: analysis.source.secrets.memo.clone(),
                dirty: None,
            });
        }
    }
}

/// A cheap, immutable copy of one version of a document (the rope and the tree are
/// reference counted), taken in message order and handed to async work.
#[derive(Clone)]
pub struct Pinned {
    pub uri: Uri,
    pub version: i32,
    pub rope: Rope,
    pub tree: tree_sitter::Tree,
    pub config: Arc<LazyConfig>,
    pub cached: Option<Arc<AnalyzedVersion>>,
    pub secrets: Option<Prior>,
}

#[derive(Default)]
pub struct Store {
    docs: HashMap<Uri, DocEntry>,
}

impl Store {
    pub fn get(&self, uri: &Uri) -> Option<&DocEntry> {
        self.docs.get(uri)
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut DocEntry> {
        self.docs.get_mut(uri)
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.docs.keys().cloned().collect()
    }

    pub fn pin(&self, uri: &Uri) -> Option<Pinned> {
        let e = self.docs.get(uri)?;
        Some(Pinned {
            uri: uri.clone(),
            version: e.version,
            rope: e.doc.rope().clone(),
            tree: e.doc.tree().clone(),
            config: e.config.clone(),
            cached: e.analysis.clone(),
            secrets: e.secrets.clone(),
        })
    }

    pub fn open(&mut self, p: DidOpenTextDocumentParams, config: Arc<LazyConfig>) -> Uri {
        let uri = p.text_document.uri;
        let entry = DocEntry {
            doc: Document::new(&p.text_document.text),
            version: p.text_document.version,
            config,
            analysis: None,
            published: None,
            worker: false,
            secrets: None,
            told_limited: false,
            spare_text: None,
        };
        // Re-opening replaces; a running worker keeps its flag so that only one runs.
        let worker = self.docs.get(&uri).is_some_and(|e| e.worker);
        self.docs.insert(uri.clone(), DocEntry { worker, ..entry });
        uri
    }

    /// Applies content changes in order. Returns the URI when the document is open.
    pub fn change(&mut self, p: DidChangeTextDocumentParams, enc: Encoding) -> Option<Uri> {
        let uri = p.text_document.uri;
        let Some(entry) = self.docs.get_mut(&uri) else {
            NOT_OPEN
                .log(|| format!("azsr-lsp: didChange for a document that is not open: {uri:?}"));
            return None;
        };
        // The old analysis (a whole copy of the text, its body model, the old tree's
        // nodes) is of no use for the new version: free it now, before the edits
        // re-parse, rather than after the next analysis.
        if let Some(Ok(old)) = entry.analysis.take().map(Arc::try_unwrap) {
            entry.spare_text = Some(old.source.text);
        }
        for change in p.content_changes {
            let edited = match change.range {
                None => {
                    let all = 0..entry.doc.len_bytes();
                    entry.doc.replace_all(&change.text);
                    Some(all)
                }
                Some(r) => {
                    let range = from_proto::rope_range(entry.doc.rope(), r, enc);
                    match entry.doc.edit(range.clone(), &change.text) {
                        Ok(()) => Some(range),
                        Err(e) => {
                            // Cannot happen after clamping; keep the server alive regardless.
                            eprintln!("azsr-lsp: edit {range:?} not applied: {e}");
                            None
                        }
                    }
                }
            };
            if let (Some(range), Some(prior)) = (edited, entry.secrets.as_mut()) {
                Dirty::add(&mut prior.dirty, range, change.text.len());
            }
        }
        if p.text_document.version < entry.version {
            VERSION_BACK.log(|| {
                format!(
                    "azsr-lsp: version went back from {} to {}",
                    entry.version, p.text_document.version
                )
            });
        }
        entry.version = p.text_document.version;
        Some(uri)
    }

    pub fn close(&mut self, p: DidCloseTextDocumentParams) -> Option<Uri> {
        let uri = p.text_document.uri;
        self.docs.remove(&uri).map(|_| uri)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use azsr_core::secrets::{memo, scan_with, Options};
    use azsr_core::Config;
    use tower_lsp_server::ls_types::{
        Position, Range, TextDocumentContentChangeEvent, TextDocumentItem,
        VersionedTextDocumentIdentifier,
    };

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|(a, b)| Range {
                start: Position::new(a.0, a.1),
                end: Position::new(b.0, b.1),
            }),
            range_length: None,
            text: text.into(),
        }
    }

    /// The edits the store records let the next secret scan rescan only around them,
    /// and that scan equals a fresh one.
    #[test]
    fn recorded_edits_give_the_fresh_secret_scan() {
        let log = "2026-11-20T05:12:44Z INFO path=/api/orders status=200\n".repeat(8000);
        let text =
            format!("パスワード：Qw3rty!Zx98\npassword=Tr0ub4dor&3x;\n{log}Password: Ab1!xyz9\n");
        let last = text.lines().count() as u32;
        let uri: Uri = "file:///t/a.azsr.md".parse().unwrap();
        let mut store = Store::default();
        let config = LazyConfig::ready(DocConfig {
            config: Arc::new(Config::default()),
            catalog: azsr_core::bundled_catalog(),
        });
        store.open(
            DidOpenTextDocumentParams {
                text_document: TextDocumentItem::new(
                    uri.clone(),
                    "markdown".into(),
                    1,
                    text.clone(),
                ),
            },
            config,
        );
        let opts = Options::default();
        let (_, m) = memo::scan(&text, &opts, None);
        store.get_mut(&uri).unwrap().secrets = Some(Prior {
            memo: Arc::new(m),
            dirty: None,
        });
        let rounds = [
            // Same length: only the recorded edit tells the memo that a finding went.
            vec![change(Some(((last - 1, 7), (last - 1, 8))), "t")],
            // After パスワード： (UTF-16 columns), and at the end: one change each.
            vec![
                change(Some(((0, 6), (0, 7))), "x"),
                change(Some(((last, 0), (last, 0))), "token=abc\n"),
            ],
            vec![
                change(Some(((1, 0), (1, 8))), "pwd"),
                change(Some(((0, 0), (0, 0))), "\n\n"),
            ],
            vec![
                change(None, &text),
                change(Some(((2, 0), (2, 0))), "secret: S3cr3t!pass\n"),
            ],
        ];
        for (i, changes) in rounds.into_iter().enumerate() {
            let version = 2 + i as i32;
            store.change(
                DidChangeTextDocumentParams {
                    text_document: VersionedTextDocumentIdentifier::new(uri.clone(), version),
                    content_changes: changes,
                },
                Encoding::Utf16,
            );
            let entry = store.get_mut(&uri).unwrap();
            let now = entry.doc.text();
            let (found, m) = memo::scan(&now, &opts, entry.secrets.as_ref());
            assert_eq!(found, scan_with(&now, &opts), "round {i}");
            assert!(!found.is_empty());
            entry.secrets = Some(Prior {
                memo: Arc::new(m),
                dirty: None,
            });
        }
    }
}
