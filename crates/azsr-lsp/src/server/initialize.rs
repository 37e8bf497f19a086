//! `initialize`: position encoding negotiation (LSP 3.17), locale, settings, capabilities.

use azsr_core::Encoding;
use tower_lsp_server::ls_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeLensOptions,
    CompletionOptions, DidChangeWatchedFilesRegistrationOptions, ExecuteCommandOptions,
    FileSystemWatcher, FoldingRangeProviderCapability, GlobPattern, HoverProviderCapability,
    InitializeParams, InitializeResult, OneOf, PositionEncodingKind, Registration,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions,
};

use super::{code_action, configuration, execute_command, to_proto, Shared};

/// Asks the client to report changes of `azsr.toml` files and of JSON files (a `[catalog]`
/// list is one): they re-check open documents.
pub fn watch_config_files() -> Registration {
    let watch = |glob: &str| FileSystemWatcher {
        glob_pattern: GlobPattern::String(glob.into()),
        kind: None,
    };
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![watch("**/azsr.toml"), watch("**/*.json")],
    };
    Registration {
        id: "azsr-config-watch".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(options).ok(),
    }
}

/// utf-8 when offered (Neovim ≥ 0.11), else utf-16 (always supported, and the only one
/// VS Code's client accepts), else utf-32 when that is all the client offers.
pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
    let Some(offered) = offered.filter(|o| !o.is_empty()) else {
        return Encoding::Utf16;
    };
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else if offered.contains(&PositionEncodingKind::UTF16) {
        Encoding::Utf16
    } else if offered.contains(&PositionEncodingKind::UTF32) {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    }
}

pub fn initialize(shared: &Shared, params: InitializeParams) -> InitializeResult {
    let encoding = negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let snippets = params
        .capabilities
        .text_document
        .as_ref()
        .and_then(|t| t.completion.as_ref())
        .and_then(|c| c.completion_item.as_ref())
        .and_then(|i| i.snippet_support)
        .unwrap_or(false);
    let watch_files = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    let settings = match params.initialization_options.as_ref() {
        Some(v) => configuration::settings_from_json(v).unwrap_or_else(|e| {
            eprintln!("azsr-lsp: initializationOptions ignored: {e}");
            Default::default()
        }),
        None => Default::default(),
    };
    {
        let mut s = shared.session_mut();
        s.encoding = encoding;
        s.locale = params.locale.clone();
        s.snippets = snippets;
        s.watch_files = watch_files;
        s.settings = settings;
        // Set before the answer leaves: the framework holds every later message until
        // this handler returns, so the ordering layer sees it from the next message on.
        s.initialized = true;
    }
    InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(to_proto::encoding_kind(encoding)),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..Default::default()
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![":".into(), " ".into(), "#".into()]),
                ..Default::default()
            }),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::new(code_action::FIX_ALL_KIND),
                ]),
                ..Default::default()
            })),
            document_symbol_provider: Some(OneOf::Left(true)),
            folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
            inlay_hint_provider: Some(OneOf::Left(true)),
            code_lens_provider: Some(CodeLensOptions {
                resolve_provider: None,
            }),
            execute_command_provider: Some(ExecuteCommandOptions {
                commands: execute_command::commands(),
                ..Default::default()
            }),
            ..Default::default()
        },
        server_info: Some(ServerInfo {
            name: "azsr-lsp".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
        offset_encoding: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_prefers_utf8_then_utf16_then_utf32() {
        use PositionEncodingKind as K;
        assert_eq!(negotiate(None), Encoding::Utf16);
        assert_eq!(negotiate(Some(&[])), Encoding::Utf16);
        assert_eq!(negotiate(Some(&[K::UTF16, K::UTF8])), Encoding::Utf8);
        assert_eq!(negotiate(Some(&[K::UTF32, K::UTF16])), Encoding::Utf16);
        assert_eq!(negotiate(Some(&[K::UTF32])), Encoding::Utf32);
        assert_eq!(negotiate(Some(&[K::new("latin-1")])), Encoding::Utf16);
    }
}
