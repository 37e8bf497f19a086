//! `azsr/documentText`: the server's copy of a document, for tests and troubleshooting.
//! Params `{ "textDocument": { "uri": … } }`; result `{ "version": n, "text": "…" }`.

use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::Error;

use super::requests::Ctx;

pub const METHOD: &str = "azsr/documentText";

pub fn handle(ctx: &Ctx, _params: Value) -> Result<Value, Error> {
    Ok(json!({
        "version": ctx.analysis.version,
        "text": ctx.source().text,
    }))
}
