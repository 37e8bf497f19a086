//! Document requests: pinned in message order by the ordering layer, answered on the
//! blocking pool from an analysis of exactly that version, cancellable, panic-proof.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use azsr_core::{Catalog, Config, Encoding};
use futures::future::{self, BoxFuture, FutureExt};
use serde::Deserialize;
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Id, Response};
use tower_lsp_server::ls_types::{TextDocumentIdentifier, Uri};
use tower_lsp_server::ExitedError;

use super::documents::Analysis;
use super::{
    code_action, completion, diagnostics, document_symbol, document_text, folding_range, hover,
    inlay_hint, lock, ordered::id_key, Shared,
};

/// What a request handler sees: one version of one document, analysed.
pub struct Ctx<'a> {
    pub uri: &'a Uri,
    pub analysis: &'a Analysis,
    pub config: &'a Config,
    pub enc: Encoding,
    pub catalog: &'a Catalog,
    pub snippets: bool,
}

impl Ctx<'_> {
    pub fn source(&self) -> &azsr_core::Source {
        &self.analysis.source
    }
}

type Handler = fn(&Ctx, Value) -> Result<Value, Error>;

fn handler(method: &str) -> Option<Handler> {
    Some(match method {
        "textDocument/hover" => hover::handle,
        "textDocument/completion" => completion::handle,
        "textDocument/codeAction" => code_action::handle,
        "textDocument/documentSymbol" => document_symbol::handle,
        "textDocument/foldingRange" => folding_range::handle,
        "textDocument/inlayHint" => inlay_hint::handle,
        document_text::METHOD => document_text::handle,
        _ => return None,
    })
}

pub fn is_document_request(method: &str) -> bool {
    handler(method).is_some()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WithDocument {
    text_document: TextDocumentIdentifier,
}

/// Deserialises a handler's parameters, as an `invalid params` error when they do not fit.
pub fn params<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, Error> {
    serde_json::from_value(v).map_err(|e| Error::invalid_params(e.to_string()))
}

/// Serialises a handler's answer.
pub fn result<T: serde::Serialize>(v: T) -> Result<Value, Error> {
    serde_json::to_value(v).map_err(|_| Error::internal_error())
}

pub fn dispatch(
    shared: &Arc<Shared>,
    method: &str,
    id: Id,
    params: Option<Value>,
) -> BoxFuture<'static, Result<Option<Response>, ExitedError>> {
    let Some(handle) = handler(method) else {
        return future::ok(Some(Response::from_error(id, Error::method_not_found()))).boxed();
    };
    let params = params.unwrap_or(Value::Null);
    let uri = match serde_json::from_value::<WithDocument>(params.clone()) {
        Ok(w) => w.text_document.uri,
        Err(e) => {
            let err = Error::invalid_params(e.to_string());
            return future::ok(Some(Response::from_error(id, err))).boxed();
        }
    };
    // Pinned now, in message order: later changes do not move this request's positions.
    let Some(pinned) = lock(&shared.store).pin(&uri) else {
        let body = if method == document_text::METHOD {
            Err(Error::invalid_params("the document is not open"))
        } else {
            Ok(Value::Null)
        };
        return future::ok(Some(Response::from_parts(id, body))).boxed();
    };
    let (enc, snippets, locale) = {
        let s = shared.session();
        (s.encoding, s.snippets, s.locale.clone())
    };
    let shared = shared.clone();
    let key = id_key(&id);
    let (abort, registration) = future::AbortHandle::new_pair();
    lock(&shared.inflight).insert(key.clone(), abort);
    let work = {
        let shared = shared.clone();
        async move {
            let job = tokio::task::spawn_blocking(move || {
                let catalog = pinned.catalog.clone();
                let analysis = diagnostics::analysis_of(&pinned, locale.clone(), None)
                    .ok_or_else(Error::internal_error)?;
                let ctx = Ctx {
                    uri: &pinned.uri,
                    analysis: &analysis,
                    config: &pinned.config,
                    enc,
                    catalog: &catalog,
                    snippets,
                };
                let answer = catch_unwind(AssertUnwindSafe(|| handle(&ctx, params)))
                    .unwrap_or_else(|_| {
                        eprintln!("azsr-lsp: a request handler panicked");
                        Err(Error::internal_error())
                    });
                Ok::<_, Error>((answer, analysis, pinned.uri))
            });
            match job.await {
                Ok(Ok((answer, analysis, uri))) => {
                    diagnostics::remember(&shared, &uri, &analysis);
                    answer
                }
                Ok(Err(e)) => Err(e),
                Err(_) => Err(Error::internal_error()),
            }
        }
    };
    future::Abortable::new(work, registration)
        .map(move |outcome| {
            lock(&shared.inflight).remove(&key);
            let body = outcome.unwrap_or_else(|_| Err(Error::request_cancelled()));
            Ok(Some(Response::from_parts(id, body)))
        })
        .boxed()
}
