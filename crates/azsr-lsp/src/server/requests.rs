//! Document requests: pinned in message order by the ordering layer, answered on the
//! blocking pool from an analysis of exactly that version, cancellable, panic-proof.
//!
//! Each handler is typed by its request (`lsp_types`' `Request`: `Params` in, `Result`
//! out) and only converts: from_proto → the analysis → to_proto. The JSON is decoded and
//! encoded here, once, for all of them; [`route`] is the table of methods.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use azsr_core::{Catalog, Config, Encoding};
use futures::future::{self, BoxFuture, FutureExt};
use serde::Deserialize;
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Id, Response};
use tower_lsp_server::ls_types::request::{
    CodeActionRequest, CodeLensRequest, Completion, DocumentSymbolRequest, FoldingRangeRequest,
    HoverRequest, InlayHintRequest, Request,
};
use tower_lsp_server::ls_types::{TextDocumentIdentifier, Uri};
use tower_lsp_server::ExitedError;

use super::document_text::DocumentText;
use super::documents::{AnalyzedVersion, Pinned};
use super::execute_command::{self, ExportCommand};
use super::{
    code_action, code_lens, completion, diagnostics, document_symbol, document_text, folding_range,
    hover, inlay_hint, lock, Shared,
};

/// What a request handler sees: one version of one document, analysed.
pub struct Ctx<'a> {
    pub uri: &'a Uri,
    pub doc: &'a AnalyzedVersion,
    /// `doc`'s analysis: the findings and the language to answer in.
    pub analysis: &'a azsr_core::Analysis,
    pub config: &'a Config,
    pub enc: Encoding,
    pub catalog: &'a Catalog,
    pub snippets: bool,
}

impl Ctx<'_> {
    pub fn source(&self) -> &azsr_core::Source {
        &self.doc.source
    }
}

/// A request's handler: its parameters in, its result out.
pub type Handler<R> = fn(&Ctx, <R as Request>::Params) -> Result<<R as Request>::Result, Error>;

/// The response a dispatched request comes to.
type Answer = BoxFuture<'static, Result<Option<Response>, ExitedError>>;

/// Answers one request: the shared state, its id, its parameters as sent.
type Route = fn(&Arc<Shared>, Id, Value) -> Answer;

/// A typed handler with its decoded parameters, left to run on the analysis.
type Work = Box<dyn FnOnce(&Ctx) -> Result<Value, Error> + Send>;

/// The document requests the ordering layer answers, each with its typed handler.
fn route(method: &str) -> Option<Route> {
    let route: Route = match method {
        HoverRequest::METHOD => |s, id, p| on::<HoverRequest>(s, id, p, hover::handle),
        Completion::METHOD => |s, id, p| on::<Completion>(s, id, p, completion::handle),
        CodeActionRequest::METHOD => {
            |s, id, p| on::<CodeActionRequest>(s, id, p, code_action::handle)
        }
        DocumentSymbolRequest::METHOD => {
            |s, id, p| on::<DocumentSymbolRequest>(s, id, p, document_symbol::handle)
        }
        FoldingRangeRequest::METHOD => {
            |s, id, p| on::<FoldingRangeRequest>(s, id, p, folding_range::handle)
        }
        InlayHintRequest::METHOD => |s, id, p| on::<InlayHintRequest>(s, id, p, inlay_hint::handle),
        DocumentText::METHOD => |s, id, p| on::<DocumentText>(s, id, p, document_text::handle),
        CodeLensRequest::METHOD => |s, id, p| on::<CodeLensRequest>(s, id, p, code_lens::handle),
        ExportCommand::METHOD => |s, id, p| {
            let uri = execute_command::document(&p);
            on_document::<ExportCommand>(s, id, p, uri, execute_command::handle)
        },
        _ => return None,
    };
    Some(route)
}

pub fn is_document_request(method: &str) -> bool {
    route(method).is_some()
}

/// The answer to a request about a document that is not open, by the request's result.
pub trait NotOpen: Sized {
    fn not_open() -> Result<Self, Error>;
}

/// Nothing to say about a document the server does not have: `null`.
impl<T> NotOpen for Option<T> {
    fn not_open() -> Result<Self, Error> {
        Ok(None)
    }
}

/// Only the document's identifier: read first, to pin the document in message order.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WithDocument {
    text_document: TextDocumentIdentifier,
}

fn invalid_params(e: serde_json::Error) -> Error {
    Error::invalid_params(e.to_string())
}

fn encode<T: serde::Serialize>(answer: Result<T, Error>) -> Result<Value, Error> {
    answer.and_then(|v| serde_json::to_value(v).map_err(|_| Error::internal_error()))
}

fn answered(id: Id, body: Result<Value, Error>) -> Answer {
    future::ok(Some(Response::from_parts(id, body))).boxed()
}

/// Decodes `R`'s parameters and runs its handler on the document they name.
fn on<R>(shared: &Arc<Shared>, id: Id, params: Value, handle: Handler<R>) -> Answer
where
    R: Request,
    R::Result: NotOpen,
{
    let uri = WithDocument::deserialize(&params)
        .map(|w| w.text_document.uri)
        .map_err(invalid_params);
    on_document::<R>(shared, id, params, uri, handle)
}

/// Runs `R`'s handler on the pinned document `uri` (read from the parameters by `R`'s
/// own way of naming it).
fn on_document<R>(
    shared: &Arc<Shared>,
    id: Id,
    params: Value,
    uri: Result<Uri, Error>,
    handle: Handler<R>,
) -> Answer
where
    R: Request,
    R::Result: NotOpen,
{
    let uri = match uri {
        Ok(uri) => uri,
        Err(e) => return answered(id, Err(e)),
    };
    // Pinned now, in message order: later changes do not move this request's positions.
    let Some(pinned) = lock(&shared.store).pin(&uri) else {
        return answered(id, encode(R::Result::not_open()));
    };
    let params: R::Params = match serde_json::from_value(params) {
        Ok(p) => p,
        Err(e) => return answered(id, Err(invalid_params(e))),
    };
    run(
        shared,
        id,
        pinned,
        Box::new(move |ctx| encode(handle(ctx, params))),
    )
}

/// The untyped half: analyses the pinned version on the blocking pool and runs `work`
/// on it, with panics caught; `$/cancelRequest` aborts it (see `ordered.rs`).
fn run(shared: &Arc<Shared>, id: Id, pinned: Pinned, work: Work) -> Answer {
    let (enc, snippets, locale) = {
        let s = shared.session();
        (s.encoding, s.snippets, s.locale.clone())
    };
    let shared = shared.clone();
    let (abort, registration) = future::AbortHandle::new_pair();
    lock(&shared.inflight).insert(id.clone(), abort);
    let job = {
        let shared = shared.clone();
        async move {
            let job = tokio::task::spawn_blocking(move || {
                let config = pinned.config.clone();
                let config = config.get();
                let analyzed = diagnostics::analysis_of(&pinned, locale, None)
                    .ok_or_else(Error::internal_error)?;
                let ctx = Ctx {
                    uri: &pinned.uri,
                    doc: &analyzed,
                    analysis: &analyzed.analysis,
                    config: &config.config,
                    enc,
                    catalog: &config.catalog,
                    snippets,
                };
                let answer = catch_unwind(AssertUnwindSafe(|| work(&ctx))).unwrap_or_else(|_| {
                    eprintln!("azsr-lsp: a request handler panicked");
                    Err(Error::internal_error())
                });
                Ok::<_, Error>((answer, analyzed, pinned.uri))
            });
            match job.await {
                Ok(Ok((answer, analyzed, uri))) => {
                    diagnostics::remember(&shared, &uri, &analyzed);
                    answer
                }
                Ok(Err(e)) => Err(e),
                Err(_) => Err(Error::internal_error()),
            }
        }
    };
    future::Abortable::new(job, registration)
        .map(move |outcome| {
            lock(&shared.inflight).remove(&id);
            let body = outcome.unwrap_or_else(|_| Err(Error::request_cancelled()));
            Ok(Some(Response::from_parts(id, body)))
        })
        .boxed()
}

/// Answers a document request (`is_document_request(method)`) sent while serving.
pub fn dispatch(shared: &Arc<Shared>, method: &str, id: Id, params: Option<Value>) -> Answer {
    match route(method) {
        Some(route) => route(shared, id, params.unwrap_or(Value::Null)),
        None => answered(id, Err(Error::method_not_found())),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tower_lsp_server::jsonrpc::ErrorCode;
    use tower_lsp_server::ls_types::{DidOpenTextDocumentParams, TextDocumentItem};

    use super::super::configuration::DocConfig;
    use super::*;

    async fn ask(shared: &Arc<Shared>, method: &str, params: Value) -> Result<Value, Error> {
        let response = dispatch(shared, method, Id::Number(1), Some(params)).await;
        response.unwrap().unwrap().into_parts().1
    }

    /// The dispatcher decodes and encodes for every handler: parameters that do not fit
    /// the request's type are `invalid params`, a document not open is `null` (or the
    /// error `documentText` gives), an answer is the handler's result as JSON.
    #[tokio::test]
    async fn the_dispatcher_decodes_and_encodes_once_for_every_handler() {
        let (service, _socket) = super::super::service();
        let shared = service.shared().clone();
        let uri: Uri = "file:///nonexistent-azsr-test/a.azsr.md".parse().unwrap();
        let text = "---\nseverity: A\n---\n# Title\n";
        lock(&shared.store).open(
            DidOpenTextDocumentParams {
                text_document: TextDocumentItem::new(
                    uri.clone(),
                    "markdown".into(),
                    3,
                    text.into(),
                ),
            },
            super::super::documents::LazyConfig::ready(DocConfig {
                config: Arc::new(Config::default()),
                catalog: azsr_core::bundled_catalog(),
            }),
        );
        let doc = json!({ "uri": uri });
        let at = |line, character| json!({ "textDocument": doc, "position": { "line": line, "character": character } });

        let bad = ask(
            &shared,
            HoverRequest::METHOD,
            json!({ "textDocument": doc, "position": "top" }),
        )
        .await;
        assert_eq!(bad.unwrap_err().code, ErrorCode::InvalidParams);
        let bad = ask(&shared, HoverRequest::METHOD, json!({ "nonsense": true })).await;
        assert_eq!(bad.unwrap_err().code, ErrorCode::InvalidParams);

        let hover = ask(&shared, HoverRequest::METHOD, at(1, 1)).await.unwrap();
        assert_eq!(hover["contents"]["kind"], "markdown", "{hover}");
        assert_eq!(
            hover["range"]["start"],
            json!({ "line": 1, "character": 0 }),
            "{hover}"
        );
        let nothing = ask(&shared, HoverRequest::METHOD, at(3, 3)).await.unwrap();
        assert_eq!(nothing, Value::Null);

        let copy = ask(
            &shared,
            DocumentText::METHOD,
            json!({ "textDocument": doc }),
        )
        .await;
        assert_eq!(copy.unwrap(), json!({ "version": 3, "text": text }));

        let closed = json!({ "uri": "file:///nonexistent-azsr-test/closed.azsr.md" });
        let hover = ask(
            &shared,
            HoverRequest::METHOD,
            json!({ "textDocument": closed, "position": { "line": 0, "character": 0 } }),
        )
        .await;
        assert_eq!(hover.unwrap(), Value::Null);
        let copy = ask(
            &shared,
            DocumentText::METHOD,
            json!({ "textDocument": closed }),
        )
        .await;
        assert_eq!(copy.unwrap_err().code, ErrorCode::InvalidParams);

        let unknown = ask(&shared, "azsr/noSuchMethod", json!({ "textDocument": doc })).await;
        assert_eq!(unknown.unwrap_err().code, ErrorCode::MethodNotFound);
        assert!(
            lock(&shared.inflight).is_empty(),
            "every request left the table"
        );
    }
}
