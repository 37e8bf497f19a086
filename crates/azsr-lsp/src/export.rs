//! `--export FILE`: the request as the Microsoft.Support create call (cli.md, Export).
//!
//! Reads the file, checks it as `--check` does (the nearest `azsr.toml`, its catalog),
//! and refuses while it has an error: exit 1, nothing on standard output, the findings
//! in the human format on standard error. A secret the scan found refuses the export
//! even when the configuration turned `sensitive-data` off or down: no secret is ever
//! exported. Otherwise the core maps the draft (`azsr_core::export`); what it cannot
//! resolve is exit 2 with the way out. Only the export itself goes to standard output.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use azsr_core::{export, msg, Env, Lang, Level, Source};

use crate::check::{self, human, Checked, Report};
use crate::file_probe::DirProbe;
use crate::workspace_config::{self, Loaded};

/// `--to`: the shape of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportTo {
    /// `{"method", "url", "body"}` for `az rest` or any HTTP client.
    RestJson,
    /// `az support … tickets create …` for a POSIX shell.
    AzCli,
}

pub fn run(args: &crate::Args, path: &Path) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    let run_lang = check::run_lang(&cwd);
    let shown = path.to_string_lossy().replace('\\', "/");
    let fail = |message: &str| {
        eprintln!("{shown}: {message}");
        ExitCode::from(2)
    };
    // as --check reads a request: a regular file of bounded size, never a FIFO or device
    let bytes = match crate::regular_file::read(path, crate::regular_file::REQUEST_MAX_BYTES) {
        Ok(b) => b,
        Err(r) => return fail(r.message().get(run_lang)),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let m = check::encoding::not_utf8(e.as_bytes(), at);
            return fail(m.get(run_lang));
        }
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => cwd.join(p),
        _ => cwd.clone(),
    };
    let loaded = match workspace_config::find_nearest(&dir) {
        None => Loaded::default_loaded(),
        Some(toml) => {
            let show = |p: &Path| p.to_string_lossy().into_owned();
            match workspace_config::load_file(&toml, &show) {
                Ok(l) => l,
                Err(e) => return fail(&e.message(&show(&toml), run_lang)),
            }
        }
    };
    let probe = DirProbe(&dir);
    let env = Env {
        files: Some(&probe),
        locale: check::locale_from_env(),
        ..Env::now()
    };
    let source = Source::new(text);
    let analysis = azsr_core::analyze(&source, &loaded.config, &loaded.catalog, &env);
    let lang = analysis.lang;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let names = export::Names {
        file_name: &file_name,
        ticket_name: args.ticket_name.as_deref(),
    };
    let out = match render(
        &source,
        &analysis,
        &loaded.config,
        &loaded.catalog,
        names,
        args.to,
        path.parent().unwrap_or(Path::new("")),
    ) {
        Ok(out) => out,
        Err(Refusal::Blocked(Blocked { errors, .. })) => {
            let findings = azsr_report::findings(&source, analysis);
            refuse(args, &shown, &source, findings, errors, lang);
            return ExitCode::from(1);
        }
        Err(Refusal::Unresolved(problems)) => {
            eprintln!("{shown}: {}", cannot_build(&problems, lang));
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
    {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the export: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// What blocks any export: errors, or secrets the scan found (whatever the
/// configuration says of them). Nothing is mapped then, so nothing of the draft leaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocked {
    pub errors: usize,
    pub secrets: usize,
}

/// What blocks the export of an analysed draft, if anything.
pub fn blocked(source: &Source, analysis: &azsr_core::Analysis) -> Option<Blocked> {
    let errors = analysis
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .count();
    let secrets = source.secrets.found.len();
    (errors > 0 || secrets > 0).then_some(Blocked { errors, secrets })
}

/// Why an analysed draft has no export.
#[derive(Debug)]
pub enum Refusal {
    Blocked(Blocked),
    /// No error, but the request cannot be built (exit 2): each problem says the way out.
    Unresolved(Vec<azsr_core::Msg>),
}

/// The export of an analysed draft, exactly as `--export` prints it, or why there is
/// none: the one decision shared by the CLI and the language server's commands.
pub fn render(
    source: &Source,
    analysis: &azsr_core::Analysis,
    config: &azsr_core::Config,
    catalog: &azsr_core::Catalog,
    names: export::Names,
    to: ExportTo,
    attachments_from: &Path,
) -> Result<String, Refusal> {
    if let Some(b) = blocked(source, analysis) {
        return Err(Refusal::Blocked(b));
    }
    let lang = analysis.lang;
    let mut ticket = export::ticket(source, config, catalog, names, lang)
        .map_err(|export::Unresolved(problems)| Refusal::Unresolved(problems))?;
    // The printed commands run where the export was asked for: an attachment's path,
    // relative to the request's file, is joined to `attachments_from` (the folder of the
    // request as the caller names it; an absolute path stays as it is).
    for a in &mut ticket.attachments {
        a.path = attachments_from
            .join(&a.path)
            .to_string_lossy()
            .into_owned();
    }
    Ok(match to {
        ExportTo::RestJson => export::rest_json(&ticket),
        ExportTo::AzCli => export::az_cli(&ticket, lang),
    })
}

/// Why the request cannot be built: a head line, then each problem on its own line.
pub fn cannot_build(problems: &[azsr_core::Msg], lang: Lang) -> String {
    let head = msg!(
        "cannot export: the request cannot be built",
        "エクスポートできません。お問い合わせを組み立てられません。"
    );
    let mut out = head.get(lang).to_string();
    for p in problems {
        out.push_str("\n  - ");
        out.push_str(p.get(lang));
    }
    out
}

/// Why nothing was exported, on standard error: the findings (human format, secrets
/// masked), then a line saying what blocks the export.
fn refuse(
    args: &crate::Args,
    shown: &str,
    source: &Source,
    findings: Vec<check::Finding>,
    errors: usize,
    lang: Lang,
) {
    let secrets = source.secrets.found.len();
    let reported = findings.iter().filter(|f| f.secret).count();
    // With sensitive-data off, no finding marks the secrets, and a finding's quoted line
    // could show one: then only the lines that hold them are named.
    let unreported = reported == 0 && secrets > 0;
    if !unreported {
        let report = Report {
            files: vec![Checked {
                path: shown.to_string(),
                text: source.text.clone(),
                findings,
            }],
            failures: Vec::new(),
            lang,
        };
        let color = check::use_color(args.color, std::io::stderr().is_terminal());
        let colors = human::Colors {
            out: color,
            err: color,
        };
        let _ = human::write(
            &mut std::io::stderr(),
            &mut std::io::stderr(),
            &report,
            colors,
        );
    }
    let why = if unreported {
        let mut lines: Vec<String> = source
            .secrets
            .found
            .iter()
            .map(|f| {
                azsr_report::position(source, f.range.start)
                    .line
                    .to_string()
            })
            .collect();
        lines.dedup();
        let lines = lines.join(", ");
        msg!(
            "not exported: the file holds {secrets} secret(s), on line(s) {lines} (sensitive-data is off in azsr.toml, but no secret is ever exported); remove them and export again",
            "エクスポートしませんでした。ファイルの {lines} 行目に秘密情報が {secrets} 件あります（azsr.toml で sensitive-data が無効でも、秘密情報はエクスポートしません）。削除してからもう一度エクスポートしてください。"
        )
    } else if errors == 0 {
        msg!(
            "not exported: the file holds {secrets} secret(s); remove them and export again",
            "エクスポートしませんでした。ファイルに秘密情報が {secrets} 件あります。削除してからもう一度エクスポートしてください。"
        )
    } else if secrets > 0 {
        msg!(
            "not exported: the file has {errors} error(s) and holds {secrets} secret(s); remove the secrets, fix the errors and export again",
            "エクスポートしませんでした。エラーが {errors} 件あり、秘密情報が {secrets} 件含まれています。秘密情報を削除し、エラーを修正してからもう一度エクスポートしてください。"
        )
    } else {
        msg!(
            "not exported: the file has {errors} error(s); fix them and export again",
            "エクスポートしませんでした。エラーが {errors} 件あります。修正してからもう一度エクスポートしてください。"
        )
    };
    eprintln!("{shown}: {}", why.get(lang));
}
