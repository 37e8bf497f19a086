//! Analysis off the async threads, and diagnostics pushed on open and on every change.
//!
//! One worker per document at most: it pins the newest version, analyses it on the
//! blocking pool (panics caught), and publishes only when that version is still the
//! newest; otherwise it drops the result and goes round again. A burst of edits thus
//! costs one analysis per round, never one per keystroke, and never publishes stale
//! findings.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use azsr_core::{Env, FileProbe, Source};
use tower_lsp_server::ls_types::{MessageType, Uri};

use super::documents::{AnalyzedVersion, Pinned};
use super::{lock, to_proto, Shared};
use crate::file_probe::DirProbe;

/// Analyses a pinned version (reusing its cached analysis when it is of that version).
/// Blocking: call from the blocking pool. Returns `None` when analysis panicked.
/// `spare` is a buffer to copy the text into (see `DocEntry::spare_text`).
pub fn analysis_of(
    p: &Pinned,
    locale: Option<String>,
    spare: Option<String>,
) -> Option<Arc<AnalyzedVersion>> {
    if let Some(cached) = p.cached.as_ref().filter(|a| a.version == p.version) {
        return Some(cached.clone());
    }
    let run = || {
        let source = Source::incremental(
            rope_text(&p.rope, spare),
            p.tree.clone(),
            p.secrets.as_ref(),
        );
        // Attachments are looked up next to a `file:` document.
        let dir = p
            .uri
            .to_file_path()
            .and_then(|path| path.parent().map(|d| d.to_path_buf()));
        let probe = dir.map(DirProbe);
        let mut env = Env::now();
        env.locale = locale;
        env.files = probe.as_ref().map(|p| p as &dyn FileProbe);
        let config = p.config.get();
        let analysis = azsr_core::analyze(&source, &config.config, &config.catalog, &env);
        AnalyzedVersion {
            version: p.version,
            source,
            analysis,
        }
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(a) => Some(Arc::new(a)),
        Err(_) => {
            // The panic's message may quote the document: not logged.
            eprintln!(
                "azsr-lsp: analysis panicked on {:?} version {}",
                p.uri.as_str(),
                p.version
            );
            None
        }
    }
}

/// The rope's text as one string, allocated once at its exact size (`to_string` grows
/// by doubling: a 5 MB document cost four copies and an 8 MB buffer), or copied into
/// `spare` when that fits it closely.
fn rope_text(rope: &ropey::Rope, spare: Option<String>) -> String {
    let len = rope.len_bytes();
    let mut text = spare
        .filter(|s| s.capacity() >= len && s.capacity() - len <= len / 4 + 4096)
        .unwrap_or_default();
    text.clear();
    text.reserve_exact(len);
    for chunk in rope.chunks() {
        text.push_str(chunk);
    }
    text
}

/// Keeps the newest analysis in the store when it is newer than the one there.
pub fn remember(shared: &Shared, uri: &Uri, analysis: &Arc<AnalyzedVersion>) {
    let mut store = lock(&shared.store);
    if let Some(e) = store.get_mut(uri) {
        if e.version == analysis.version
            && e.analysis
                .as_ref()
                .is_none_or(|a| a.version != analysis.version)
        {
            e.analysis = Some(analysis.clone());
        }
        if e.secrets.as_ref().is_none_or(|p| p.dirty.is_some()) {
            e.keep_secret_scan(analysis);
        }
    }
}

/// Makes sure a worker will publish diagnostics for the document's newest version.
/// Synchronous and cheap: called from the ordering layer.
pub fn schedule(shared: &Arc<Shared>, uri: &Uri) {
    {
        let mut store = lock(&shared.store);
        let Some(entry) = store.get_mut(uri) else {
            return;
        };
        if entry.worker {
            return; // the running worker goes round again for the newer version
        }
        entry.worker = true;
    }
    let shared = shared.clone();
    let uri = uri.clone();
    tokio::spawn(worker(shared, uri));
}

async fn worker(shared: Arc<Shared>, uri: Uri) {
    loop {
        let pinned = {
            let mut store = lock(&shared.store);
            let Some(entry) = store.get_mut(&uri) else {
                return; // closed
            };
            if entry.published == Some(entry.version) {
                entry.worker = false;
                return;
            }
            store.pin(&uri).map(|p| (p, entry_spare(&mut store, &uri)))
        };
        let Some((pinned, spare)) = pinned else {
            return;
        };
        let (encoding, locale) = {
            let s = shared.session();
            (s.encoding, s.locale.clone())
        };
        let p = pinned.clone();
        let result = tokio::task::spawn_blocking(move || {
            let analyzed = analysis_of(&p, locale, spare)?;
            let lang = analyzed.analysis.lang;
            let diags: Vec<_> = analyzed
                .analysis
                .diagnostics
                .iter()
                .map(|d| to_proto::diagnostic(&p.uri, &analyzed.source, d, lang, encoding))
                .collect();
            Some((analyzed, diags))
        })
        .await;
        let (analysis, diags) = match result {
            Ok(Some(r)) => (Some(r.0), r.1),
            // A panic: publish nothing for this version, but do not retry it forever.
            Ok(None) | Err(_) => (None, Vec::new()),
        };
        let _guard = shared.publish.lock().await;
        let mut told = None;
        {
            let mut store = lock(&shared.store);
            let Some(entry) = store.get_mut(&uri) else {
                return;
            };
            if entry.version != pinned.version || !Arc::ptr_eq(&entry.config, &pinned.config) {
                continue; // stale: a newer version or configuration came in meanwhile
            }
            entry.published = Some(pinned.version);
            if let Some(a) = analysis {
                // A document too large for every rule: said once while it is open.
                if !entry.told_limited {
                    if let Some(m) = &a.analysis.limited {
                        entry.told_limited = true;
                        told = Some(m.get(a.analysis.lang).to_string());
                    }
                }
                entry.keep_secret_scan(&a);
                entry.analysis = Some(a);
            }
        }
        shared
            .client
            .publish_diagnostics(uri.clone(), diags, Some(pinned.version))
            .await;
        if let Some(m) = told.take() {
            let name = uri
                .as_str()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string();
            shared
                .client
                .show_message(MessageType::WARNING, format!("azsr: {name}: {m}"))
                .await;
        }
    }
}

fn entry_spare(store: &mut super::documents::Store, uri: &Uri) -> Option<String> {
    store.get_mut(uri)?.spare_text.take()
}

/// Clears a closed document's diagnostics (after any publication in flight).
pub fn clear(shared: &Arc<Shared>, uri: Uri) {
    let shared = shared.clone();
    tokio::spawn(async move {
        let _guard = shared.publish.lock().await;
        if lock(&shared.store).get(&uri).is_some() {
            return; // re-opened meanwhile
        }
        shared
            .client
            .publish_diagnostics(uri, Vec::new(), None)
            .await;
    });
}
