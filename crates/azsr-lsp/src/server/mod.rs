//! The language server: JSON-RPC over stdio on tokio, with `tower-lsp-server`.
//!
//! Layout (one file per method or concern):
//! - `framing.rs`: the reader in front of the framework (malformed messages, text sync
//!   decoded once); `ordered.rs`: the `tower::Service` in front of the framework that
//!   applies text changes in order and hands document requests to `requests.rs`;
//! - `documents.rs`: the store; `from_proto.rs` / `to_proto.rs`: position conversion;
//! - `diagnostics.rs`: analysis and publication; `initialize.rs`, `configuration.rs`;
//! - `requests.rs`: the typed dispatcher, and one file per request (`hover.rs`, …),
//!   each a handler from its request's `Params` to its `Result`.
//!
//! # One keystroke, from `didChange` to `publishDiagnostics`
//!
//! 1. **Framing stash** — `framing::pump` (`framing.rs`) reads the frame; `text_sync`
//!    decodes the body once into `TextSync::Change`, `Stash::put` keeps it and `stub`
//!    forwards a small message naming the stash entry. Why: a 5 MB pasted log never
//!    passes through the framework's read buffer (which keeps its largest size for
//!    good) nor through a `serde_json::Value`, and a malformed message gets an error
//!    answer instead of ending the session.
//! 2. **Ordered layer** — the framework's transport (`Server::serve`, started by
//!    [`serve`]) calls `Ordered::call` (`ordered.rs`) once per message, in arrival
//!    order; `Stash::take` gets the typed parameters back and `Ordered::text_sync`
//!    runs synchronously inside `call`, panics caught. Why: the framework runs its
//!    handlers concurrently, so two `didChange`s could be applied out of order once a
//!    handler awaits; `call` is the last place that still sees messages in order.
//! 3. **Store edit** — `Store::change` (`documents.rs`) frees the old analysis (its
//!    text kept as `spare_text`), maps each content change with `from_proto::rope_range`
//!    and applies it with the core's `Document::edit` (rope edit and incremental
//!    tree-sitter re-parse) or `Document::replace_all`, records the edited range for
//!    the secret scan's memo (`Dirty::add`) and sets the version. Why: applied before
//!    anything awaits, so every later request pins exactly this text.
//! 4. **Schedule** — `diagnostics::schedule` (`diagnostics.rs`) spawns
//!    `diagnostics::worker` unless the document already has one (`DocEntry::worker`).
//!    Why: cheap and synchronous in `call`; a burst of keystrokes costs one analysis
//!    per round of the running worker, never one per keystroke.
//! 5. **Worker** — `worker` takes a `Pinned` snapshot with `Store::pin` (the rope and
//!    the tree are reference counted) and hands it to the blocking pool
//!    (`tokio::task::spawn_blocking`). Why: analysis is CPU work and must not hold the
//!    async threads that read and answer messages.
//! 6. **Analysis** — `diagnostics::analysis_of` copies the text out of the rope
//!    (`rope_text`, into the spare buffer when it fits), builds the core's
//!    `Source::incremental` on the already re-parsed tree (the secret scan rescans only
//!    around the edits, from the pinned memo) and runs `azsr_core::analyze`
//!    (panics caught), whose `Analysis` holds the findings and the message language;
//!    both make an `AnalyzedVersion`. The worker converts each finding with
//!    `to_proto::diagnostic` in the negotiated encoding. Why: the core never sees LSP
//!    types.
//! 7. **Remember** — under `Shared::publish` (one publication at a time), the worker
//!    checks that the document is still at the pinned version, configuration and
//!    catalog, else drops the result and goes round again; then it records
//!    `DocEntry::published`, keeps the secret scan (`DocEntry::keep_secret_scan`) and
//!    the analysis in `DocEntry::analysis`. Why: stale findings are never published,
//!    the next scan rescans only around the edits, and requests on this version
//!    (`requests.rs`, via `analysis_of`) reuse the analysis instead of redoing it
//!    (they store theirs the same way with `diagnostics::remember`).
//! 8. **Publish** — `Client::publish_diagnostics` with the version, still under the
//!    lock; the worker then loops and stops (clearing `DocEntry::worker`) once the
//!    published version is the newest.

mod code_action;
mod code_lens;
mod completion;
mod configuration;
mod diagnostics;
mod document_symbol;
mod document_text;
mod documents;
mod execute_command;
mod folding_range;
mod framing;
#[doc(hidden)]
pub use framing::read_frames_for_fuzzing;
mod from_proto;
mod hover;
mod initialize;
mod inlay_hint;
mod log_limit;
mod ordered;
mod requests;
mod to_proto;

use std::process::ExitCode;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use azsr_core::{Config, Encoding};
use tower_lsp_server::jsonrpc::{Id, Result};
use tower_lsp_server::ls_types::{
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, InitializeParams, InitializeResult,
    InitializedParams,
};
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use ordered::Ordered;

/// What initialize negotiated and the editor's settings.
pub(crate) struct Session {
    pub encoding: Encoding,
    pub locale: Option<String>,
    /// The editor's settings (initializationOptions, didChangeConfiguration).
    pub settings: Config,
    pub snippets: bool,
    /// The client registers file watchers dynamically.
    pub watch_files: bool,
    /// `initialize` has been answered: text sync and document requests are served.
    pub initialized: bool,
    pub shut_down: bool,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            encoding: Encoding::Utf16,
            locale: None,
            settings: Config::default(),
            snippets: false,
            watch_files: false,
            initialized: false,
            shut_down: false,
        }
    }
}

/// State shared by the framework's handlers and the ordering layer.
pub(crate) struct Shared {
    pub client: Client,
    pub store: Mutex<documents::Store>,
    pub session: RwLock<Session>,
    /// Serialises diagnostic publications so that a stale one never overtakes.
    pub publish: tokio::sync::Mutex<()>,
    /// Document requests being answered, by id, for `$/cancelRequest` to abort.
    pub inflight: Mutex<std::collections::HashMap<Id, futures::future::AbortHandle>>,
    /// `azsr.toml` files whose problems are shown as diagnostics.
    pub config_problems: Mutex<std::collections::HashSet<tower_lsp_server::ls_types::Uri>>,
    /// Text sync parameters decoded by the reader, taken by the ordering layer.
    pub stash: framing::Stash,
    /// The last problem shown about a catalog the editor's settings name.
    pub last_settings_problem: Mutex<Option<String>>,
}

/// Locks a mutex, recovering from poisoning (a panic elsewhere must not stop the server).
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    fn new(client: Client) -> Shared {
        Shared {
            client,
            store: Mutex::new(documents::Store::default()),
            session: RwLock::new(Session::default()),
            publish: tokio::sync::Mutex::new(()),
            inflight: Mutex::new(Default::default()),
            last_settings_problem: Mutex::new(None),
            config_problems: Mutex::new(Default::default()),
            stash: framing::Stash::default(),
        }
    }

    pub fn session(&self) -> std::sync::RwLockReadGuard<'_, Session> {
        self.session.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn session_mut(&self) -> std::sync::RwLockWriteGuard<'_, Session> {
        self.session.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Text sync and document requests are served between initialize and shutdown.
    pub fn serving(&self) -> bool {
        let s = self.session();
        s.initialized && !s.shut_down
    }
}

/// The framework-facing half: lifecycle and workspace notifications. Text sync and
/// document requests never reach it while serving (the ordering layer answers them).
pub(crate) struct Backend {
    pub shared: Arc<Shared>,
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        Ok(initialize::initialize(&self.shared, params))
    }

    async fn initialized(&self, _: InitializedParams) {
        if self.shared.session().watch_files {
            // A client request: sent from its own task, never awaited by a handler.
            let shared = self.shared.clone();
            tokio::spawn(async move {
                if let Err(e) = shared
                    .client
                    .register_capability(vec![initialize::watch_config_files()])
                    .await
                {
                    eprintln!("azsr-lsp: could not watch azsr.toml files: {e}");
                }
            });
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.session_mut().shut_down = true;
        Ok(())
    }

    // Reached only before initialize (the framework drops them) or after shutdown.
    async fn did_open(&self, _: DidOpenTextDocumentParams) {}
    async fn did_change(&self, _: DidChangeTextDocumentParams) {}
    async fn did_close(&self, _: DidCloseTextDocumentParams) {}

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        configuration::did_change_configuration(&self.shared, params.settings);
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        if configuration::affects_configuration(&self.shared, &params.changes) {
            configuration::reload_all(&self.shared);
        }
    }
}

/// Builds the service stack: the ordering layer over the framework's service.
fn service() -> (Ordered, tower_lsp_server::ClientSocket) {
    let (inner, socket) = LspService::build(|client| Backend {
        shared: Arc::new(Shared::new(client)),
    })
    .finish();
    let shared = inner.inner().shared.clone();
    (Ordered::new(inner, shared), socket)
}

/// Serves on any byte streams (stdio, or an in-memory pipe in tests) until `exit` or
/// the end of the input. Returns whether `shutdown` came first.
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: tokio::io::AsyncRead + Unpin,
    O: tokio::io::AsyncWrite,
{
    let (service, socket) = service();
    let shared = service.shared().clone();
    let (to_server, server_input) = tokio::io::duplex(1 << 20);
    let pump = framing::pump(input, to_server, &shared.stash);
    let server = Server::new(server_input, output, socket).serve(service);
    tokio::pin!(server);
    tokio::select! {
        _ = &mut server => {}
        _ = pump => server.await, // input ended: let the server drain and stop
    }
    let clean = shared.session().shut_down;
    clean
}

/// The language server over stdin/stdout, on its own runtime: the binary's default mode.
pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // Analysis runs on the blocking pool. Few threads there means few malloc arenas:
        // with one per thread, memory freed after a large document's analysis sat in
        // arenas other threads never reused (a 5 MB log: 97 MB peak instead of 77).
        // Not fewer than 4: reading stdin holds one for good, writing stdout another.
        .max_blocking_threads(4)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("azsr-lsp: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    // LSP: exit status 0 when `shutdown` came before `exit`, else 1.
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Blocking analysis still running must not hold the process.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Tunes glibc's allocator for a server that holds a few multi-megabyte buffers (a
/// pasted log: the document, the analysis's copy of it) and replaces them on every
/// keystroke. By default the mmap threshold is dynamic: after the first large block is
/// freed it rises to that block's size, so later copies of the document land in the
/// heap, where freeing them rarely returns memory to the system and the resident size
/// creeps up keystroke after keystroke. A fixed threshold keeps every block of 1 MiB or
/// more in its own mapping, returned to the system when freed (at 128 KiB, the default
/// start, the regex caches built on a server's first analysis were mapped and unmapped
/// over and over: opening a 200-line request took 15% longer); two arenas (instead of
/// eight per core) keep freed memory where the next analysis reuses it.
/// Measured on a 5 MB log: peak RSS 81 MB by default, about 61 MB with both settings
/// alone. Does nothing on other platforms.
///
/// # Safety
/// Call before any other thread of the process starts (`main`, before [`run`]).
pub unsafe fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets allocator parameters; the caller guarantees that no
    // other thread allocates meanwhile.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
