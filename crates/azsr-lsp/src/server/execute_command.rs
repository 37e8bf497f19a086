//! `workspace/executeCommand`: the exports the code lenses offer (`code_lens.rs`), run on
//! the server's current text of an open request. The argument is the document's URI;
//! the result is the text `azsr-lsp --export FILE --to …` prints for the same text
//! (`crate::export::render`, the one decision both share). A draft with an error or a
//! secret is refused, so no secret is ever returned.

use azsr_core::export::Names;
use azsr_core::Lang;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, ErrorCode};
use tower_lsp_server::ls_types::request::Request;
use tower_lsp_server::ls_types::{ExecuteCommandParams, Uri};

use super::code_lens::blocked_title;
use super::requests::{Ctx, NotOpen};
use crate::export::{self, ExportTo, Refusal};

/// One export the editors offer: its command, its shape, its title.
pub struct Export {
    pub command: &'static str,
    pub to: ExportTo,
    en: &'static str,
    ja: &'static str,
}

impl Export {
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ja => self.ja,
        }
    }
}

pub const EXPORTS: [Export; 2] = [
    Export {
        command: "azsr.exportAzCli",
        to: ExportTo::AzCli,
        en: "Copy az command",
        ja: "az コマンドをコピー",
    },
    Export {
        command: "azsr.exportRestJson",
        to: ExportTo::RestJson,
        en: "Export request body",
        ja: "リクエスト本文をエクスポート",
    },
];

/// The command ids, for the `executeCommandProvider` capability.
pub fn commands() -> Vec<String> {
    EXPORTS.iter().map(|e| e.command.to_string()).collect()
}

/// `workspace/executeCommand` as this server answers it: the export's text.
pub enum ExportCommand {}

impl Request for ExportCommand {
    type Params = ExecuteCommandParams;
    type Result = ExportText;
    const METHOD: &'static str = "workspace/executeCommand";
}

#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExportText(pub String);

/// A command on a document that is not open is an error: there is no text to export.
impl NotOpen for ExportText {
    fn not_open() -> Result<Self, Error> {
        Err(Error::invalid_params("the document is not open"))
    }
}

fn export_of(command: &str) -> Option<&'static Export> {
    EXPORTS.iter().find(|e| e.command == command)
}

/// The document a command is about, its first argument, read before the document is
/// pinned; an unknown command is refused here, whatever its arguments.
pub fn document(params: &Value) -> Result<Uri, Error> {
    #[derive(Deserialize)]
    struct Named {
        command: String,
        #[serde(default)]
        arguments: Vec<Value>,
    }
    let named = Named::deserialize(params).map_err(|e| Error::invalid_params(e.to_string()))?;
    if export_of(&named.command).is_none() {
        return Err(Error::invalid_params(format!(
            "unknown command: {:?}",
            named.command.chars().take(100).collect::<String>()
        )));
    }
    let uri = named.arguments.into_iter().next().unwrap_or(Value::Null);
    Uri::deserialize(uri).map_err(|_| {
        Error::invalid_params(format!(
            "{}: the first argument is the document's URI",
            named.command
        ))
    })
}

/// The request failed though it was well formed (LSP's `RequestFailed`).
fn failed(message: String) -> Error {
    Error {
        code: ErrorCode::ServerError(-32803),
        message: message.into(),
        data: None,
    }
}

pub fn handle(ctx: &Ctx, p: ExecuteCommandParams) -> Result<ExportText, Error> {
    let Some(export) = export_of(&p.command) else {
        return Err(Error::invalid_params("unknown command"));
    };
    let lang = ctx.analysis.lang;
    // the file's name, as the CLI derives the ticket name from it; attachments are
    // named from the file's folder, so the copied commands run from anywhere
    let file_path = ctx.uri.to_file_path();
    let file_name = file_path
        .as_ref()
        .and_then(|p| Some(p.file_name()?.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let folder = file_path
        .as_ref()
        .and_then(|p| p.parent().map(|d| d.to_path_buf()))
        .unwrap_or_default();
    let names = Names {
        file_name: &file_name,
        ticket_name: None,
    };
    let source = ctx.source();
    match export::render(
        source,
        ctx.analysis,
        ctx.config,
        ctx.catalog,
        names,
        export.to,
        &folder,
    ) {
        Ok(text) => Ok(ExportText(text)),
        Err(Refusal::Blocked(b)) => Err(failed(blocked_title(b, lang))),
        Err(Refusal::Unresolved(problems)) => Err(failed(export::cannot_build(&problems, lang))),
    }
}
