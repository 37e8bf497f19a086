//! `azsr/documentText`: the server's copy of a document, for tests and troubleshooting.
//! Params `{ "textDocument": { "uri": … } }`; result `{ "version": n, "text": "…" }`.

use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::request::Request;
use tower_lsp_server::ls_types::TextDocumentIdentifier;

use super::requests::{Ctx, NotOpen};

pub enum DocumentText {}

impl Request for DocumentText {
    type Params = DocumentTextParams;
    type Result = DocumentTextResult;
    const METHOD: &'static str = "azsr/documentText";
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentTextParams {
    pub text_document: TextDocumentIdentifier,
}

#[derive(Serialize, Deserialize)]
pub struct DocumentTextResult {
    pub version: i32,
    pub text: String,
}

/// The text of a document that is not open is not `null` but an error: a test asking
/// for it expects a document it opened.
impl NotOpen for DocumentTextResult {
    fn not_open() -> Result<Self, Error> {
        Err(Error::invalid_params("the document is not open"))
    }
}

pub fn handle(ctx: &Ctx, _: DocumentTextParams) -> Result<DocumentTextResult, Error> {
    Ok(DocumentTextResult {
        version: ctx.doc.version,
        text: ctx.source().text.clone(),
    })
}
