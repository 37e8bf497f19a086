//! The ordering guarantee.
//!
//! `tower-lsp-server` runs every request and notification future through one
//! `buffer_unordered` pool, so two `didChange` notifications can be applied out of order
//! once a handler awaits (tower-lsp issue 284, tower-lsp-server issue 36). The
//! framework's transport, however, calls `Service::call` once per message, in the order
//! the messages arrived, and waits for `poll_ready` first. This layer sits there:
//!
//! - `didOpen` / `didChange` / `didClose` are applied to the store inside `call()`,
//!   synchronously, before anything awaits; diagnostics are then scheduled.
//! - document requests (hover, completion, …) pin the document inside `call()` too, so
//!   their positions are read against exactly the text the client meant, whatever
//!   arrives after them; the work runs on the blocking pool, cancellable by
//!   `$/cancelRequest`, with panics caught.
//! - everything else (lifecycle, workspace notifications, unknown methods, requests
//!   before `initialize` or after `shutdown`) goes to the framework unchanged.

use std::sync::Arc;
use std::task::{Context, Poll};

use futures::future::{self, BoxFuture, FutureExt};
use serde::Deserialize;
use serde_json::Value;
use tower::Service;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Id, Request, Response};
use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
};
use tower_lsp_server::{ExitedError, LspService};

use super::framing::TextSync;
use super::{configuration, diagnostics, framing, lock, requests, Backend, Shared};

pub struct Ordered {
    inner: LspService<Backend>,
    shared: Arc<Shared>,
}

impl Ordered {
    pub fn new(inner: LspService<Backend>, shared: Arc<Shared>) -> Ordered {
        Ordered { inner, shared }
    }

    pub fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    fn text_sync(&self, method: &str, params: Option<Value>, stashed: Option<TextSync>) {
        let shared = &self.shared;
        let params = params.unwrap_or(Value::Null);
        let uri = match method {
            "textDocument/didOpen" => {
                let decoded = match stashed {
                    Some(TextSync::Open(p)) => Ok(p),
                    _ => serde_json::from_value::<DidOpenTextDocumentParams>(params),
                };
                match decoded {
                    // azsr.toml is checked as configuration, never as a request.
                    Ok(p) if is_config_file(&p) => None,
                    Ok(p) => {
                        let config = configuration::lazy_config(shared, &p.text_document.uri);
                        Some(lock(&shared.store).open(p, config))
                    }
                    Err(e) => {
                        eprintln!("azsr-lsp: bad didOpen params: {e}");
                        None
                    }
                }
            }
            "textDocument/didChange" => {
                let decoded = match stashed {
                    Some(TextSync::Change(p)) => Ok(p),
                    _ => serde_json::from_value::<DidChangeTextDocumentParams>(params),
                };
                match decoded {
                    Ok(p) => {
                        let enc = shared.session().encoding;
                        lock(&shared.store).change(p, enc)
                    }
                    Err(e) => {
                        eprintln!("azsr-lsp: bad didChange params: {e}");
                        None
                    }
                }
            }
            _ => {
                match serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    Ok(p) => {
                        if let Some(uri) = lock(&shared.store).close(p) {
                            diagnostics::clear(shared, uri);
                        }
                    }
                    Err(e) => eprintln!("azsr-lsp: bad didClose params: {e}"),
                }
                None
            }
        };
        if let Some(uri) = uri {
            diagnostics::schedule(shared, &uri);
        }
    }
}

/// A TOML document (the configuration) is not a request: it is never analysed as one.
fn is_config_file(p: &DidOpenTextDocumentParams) -> bool {
    p.text_document.language_id == "toml" || p.text_document.uri.as_str().ends_with(".toml")
}

impl Service<Request> for Ordered {
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = BoxFuture<'static, Result<Option<Response>, ExitedError>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), ExitedError>> {
        // Holds every message while `initialize` runs, and fails after `exit`.
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request) -> Self::Future {
        let method = req.method().to_string();
        let serving = self.shared.serving();
        // Text sync parameters the reader decoded (see `framing`).
        let mut stashed = None;
        if matches!(
            method.as_str(),
            "textDocument/didOpen" | "textDocument/didChange"
        ) {
            stashed = self.shared.stash.take(req.params());
            if let Some(sync) = stashed.as_ref().filter(|_| !serving) {
                // The framework handles it (before initialize, after shutdown): as sent.
                req = Request::build(method.clone())
                    .params(sync.to_value())
                    .finish();
                stashed = None;
            }
        }
        match method.as_str() {
            framing::MALFORMED => {
                let (_, id, params) = req.into_parts();
                let code = params
                    .as_ref()
                    .and_then(|p| p.get("code"))
                    .and_then(Value::as_i64)
                    .unwrap_or(-32700);
                let error = Error::new(ErrorCode::from(code));
                future::ok(Some(Response::from_error(id.unwrap_or(Id::Null), error))).boxed()
            }
            "textDocument/didOpen" | "textDocument/didChange" | "textDocument/didClose"
                if serving && req.id().is_none() =>
            {
                let (_, _, params) = req.into_parts();
                // A bug in applying a change must not take the server down.
                let applied = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    self.text_sync(&method, params, stashed)
                }));
                if applied.is_err() {
                    eprintln!("azsr-lsp: applying {method} panicked");
                }
                future::ok(None).boxed()
            }
            "$/cancelRequest" => {
                let id = req
                    .params()
                    .and_then(|p| Id::deserialize(p.get("id")?).ok());
                if let Some(id) = id {
                    if let Some(handle) = lock(&self.shared.inflight).remove(&id) {
                        handle.abort();
                    }
                }
                self.inner.call(req)
            }
            m if serving && requests::is_document_request(m) => {
                let (_, id, params) = req.into_parts();
                let Some(id) = id else {
                    return future::ok(None).boxed(); // sent as a notification: no answer
                };
                requests::dispatch(&self.shared, &method, id, params)
            }
            m if requests::is_document_request(m) && !self.shared.session().initialized => {
                // Our own methods are unknown to the framework: answer as it would.
                match req.id() {
                    Some(id) if m.starts_with("azsr/") => future::ok(Some(Response::from_error(
                        id.clone(),
                        Error {
                            code: ErrorCode::ServerError(-32002),
                            message: "Server not initialized".into(),
                            data: None,
                        },
                    )))
                    .boxed(),
                    _ => self.inner.call(req),
                }
            }
            _ => self.inner.call(req),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tower_lsp_server::ls_types::{TextDocumentItem, Uri};

    use super::super::configuration::DocConfig;
    use super::super::documents::LazyConfig;
    use super::*;

    /// `$/cancelRequest` names a request by the id it was sent with; the ordering layer
    /// finds it in the table of requests in flight, and the answer is "cancelled".
    #[tokio::test]
    async fn cancel_request_aborts_a_document_request_by_its_id() {
        let (mut service, _socket) = super::super::service();
        let shared = service.shared().clone();
        shared.session_mut().initialized = true;
        let uri: Uri = "file:///nonexistent-azsr-test/a.azsr.md".parse().unwrap();
        lock(&shared.store).open(
            DidOpenTextDocumentParams {
                text_document: TextDocumentItem::new(
                    uri.clone(),
                    "markdown".into(),
                    1,
                    "# Title\n".into(),
                ),
            },
            LazyConfig::ready(DocConfig {
                config: Arc::new(azsr_core::Config::default()),
                catalog: azsr_core::bundled_catalog(),
            }),
        );
        let hover = |id: i64| {
            Request::build("textDocument/hover")
                .id(id)
                .params(json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 2 } }))
                .finish()
        };
        let cancelled = service.call(hover(7));
        let answered = service.call(hover(8));
        let cancel = Request::build("$/cancelRequest")
            .params(json!({ "id": 7 }))
            .finish();
        let _ = service.call(cancel).await;
        let (id, body) = cancelled.await.unwrap().unwrap().into_parts();
        assert_eq!(id, Id::Number(7));
        assert_eq!(body.unwrap_err().code, ErrorCode::RequestCancelled);
        let (id, body) = answered.await.unwrap().unwrap().into_parts();
        assert_eq!(id, Id::Number(8));
        assert!(body.is_ok());
        assert!(lock(&shared.inflight).is_empty());
    }
}
