//! `textDocument/codeLens`: at the top of a request, its exports (`execute_command.rs`
//! runs them), or, while the draft has errors or secrets, one lens saying how many
//! block the export.

use azsr_core::Lang;
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{CodeLens, CodeLensParams, Command, Position, Range};

use super::execute_command::EXPORTS;
use super::requests::Ctx;
use crate::export::{self, Blocked};

/// What blocks the export, as a person reads it on the lens and in the command's error.
pub fn blocked_title(b: Blocked, lang: Lang) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match (b.errors, lang) {
        (0, Lang::En) => format!(
            "Export blocked: {} secret{} in the file",
            b.secrets,
            plural(b.secrets)
        ),
        (0, Lang::Ja) => format!("秘密情報が {} 件あるためエクスポートできません", b.secrets),
        (n, Lang::En) => format!("Export blocked by {n} error{}", plural(n)),
        (n, Lang::Ja) => format!("エラーが {n} 件あるためエクスポートできません"),
    }
}

pub fn handle(ctx: &Ctx, _: CodeLensParams) -> Result<Option<Vec<CodeLens>>, Error> {
    let lang = ctx.analysis.lang;
    let top = Range::new(Position::new(0, 0), Position::new(0, 0));
    let lens = |title: String, command: &str, arguments| CodeLens {
        range: top,
        command: Some(Command {
            title,
            command: command.into(),
            arguments,
        }),
        data: None,
    };
    let lenses = match export::blocked(ctx.source(), ctx.analysis) {
        // A label: an empty command id is shown but runs nothing.
        Some(b) => vec![lens(blocked_title(b, lang), "", None)],
        None => EXPORTS
            .iter()
            .map(|e| {
                let argument = serde_json::to_value(ctx.uri).ok();
                lens(e.title(lang).into(), e.command, argument.map(|a| vec![a]))
            })
            .collect(),
    };
    Ok(Some(lenses))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocked_titles_count_errors_else_secrets() {
        let cases = [
            (1, 1, Lang::En, "Export blocked by 1 error"),
            (3, 0, Lang::En, "Export blocked by 3 errors"),
            (0, 2, Lang::En, "Export blocked: 2 secrets in the file"),
            (
                2,
                0,
                Lang::Ja,
                "エラーが 2 件あるためエクスポートできません",
            ),
            (
                0,
                1,
                Lang::Ja,
                "秘密情報が 1 件あるためエクスポートできません",
            ),
        ];
        for (errors, secrets, lang, title) in cases {
            assert_eq!(blocked_title(Blocked { errors, secrets }, lang), title);
        }
    }
}
