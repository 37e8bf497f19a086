//! `--check`: the headless checker for CI (cli.md).
//!
//! The run has three stages: collect the files (`discover`), check them in parallel
//! (`check_one`, with the configuration nearest to each file from `config`), and print
//! one report in the chosen format (`human`, `json`, `sarif`, `github`, `gitlab`).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use azsr_core::{Env, Lang, Level, Source};
// Findings and their positions are cli.md's, shared with the playground (azsr-report).
use azsr_report::findings;
pub use azsr_report::Finding;
#[cfg(test)]
pub(crate) use azsr_report::{position, Pos};

use crate::file_probe::DirProbe;
use crate::regular_file;
use rayon::prelude::*;

mod config;
mod discover;
pub(crate) mod encoding;
mod escape;
mod fingerprint;
mod github;
mod gitlab;
pub(crate) mod human;
mod json;
mod sarif;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Gitlab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A file that was checked.
#[derive(Debug)]
pub struct Checked {
    /// Relative to the current directory, `/`-separated (or `<stdin>`).
    pub path: String,
    pub text: String,
    pub findings: Vec<Finding>,
}

/// A file (or path) that could not be checked.
#[derive(Debug, Clone)]
pub struct Failure {
    pub path: String,
    pub message: String,
}

/// Everything the printers need.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<Checked>,
    pub failures: Vec<Failure>,
    /// The language of the run's own messages (summary, failures, notes).
    pub lang: Lang,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub failed: usize,
    pub errors: usize,
    pub warnings: usize,
    pub information: usize,
    pub hints: usize,
}

impl Report {
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len(),
            failed: self.failures.len(),
            ..Summary::default()
        };
        for f in self.files.iter().flat_map(|c| &c.findings) {
            match f.level {
                Level::Error => s.errors += 1,
                Level::Warning => s.warnings += 1,
                Level::Information => s.information += 1,
                Level::Hint => s.hints += 1,
            }
        }
        s
    }

    /// 2 when a file failed, else 1 when an error (or a warning, with `deny_warnings`)
    /// was found, else 0.
    pub fn exit_code(&self, deny_warnings: bool) -> u8 {
        let s = self.summary();
        if s.failed > 0 {
            2
        } else if s.errors > 0 || (deny_warnings && s.warnings > 0) {
            1
        } else {
            0
        }
    }
}

/// One document to check.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file on disk: `path` as opened, `display` as reported.
    File { path: PathBuf, display: String },
    /// Standard input, reported as `display`; `anchor` is the path it stands for
    /// (from `--stdin-filename`), if any.
    Stdin {
        display: String,
        anchor: Option<PathBuf>,
    },
}

impl Input {
    fn display(&self) -> &str {
        match self {
            Input::File { display, .. } | Input::Stdin { display, .. } => display,
        }
    }
}

/// Routes tree-sitter's own allocations to mimalloc for the rest of the process.
///
/// Parsing thousands of files is dominated by tree-sitter allocating and freeing small
/// subtrees; on glibc's allocator that cost ~9% of `--check`'s CPU time over a 3,000-file
/// corpus. The language server keeps the system allocator: it is tuned for a small
/// resident set with one large document, where mimalloc kept far more memory mapped.
///
/// Must run before any tree-sitter object (parser, tree, cursor) exists: one freed by a
/// different allocator than made it would corrupt memory. `main` calls it first thing in
/// `--check` mode; tests never call it.
///
/// # Safety
/// No tree-sitter object may be alive in the process, nor be created on another thread
/// while this runs.
pub unsafe fn use_mimalloc_for_tree_sitter() {
    // SAFETY: the four functions form one allocator (mimalloc's), and the caller
    // guarantees no memory tree-sitter allocated before is alive to be freed by them.
    unsafe {
        tree_sitter::set_allocator(Some(tree_sitter::Allocator {
            malloc: libmimalloc_sys::mi_malloc,
            calloc: libmimalloc_sys::mi_calloc,
            realloc: libmimalloc_sys::mi_realloc,
            free: libmimalloc_sys::mi_free,
        }));
    }
}

pub fn run(args: &crate::Args) -> ExitCode {
    let cwd = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot read the current directory: {e}");
            return ExitCode::from(2);
        }
    };
    let lang = run_lang(&cwd);
    let found = discover::collect(&cwd, &args.paths, args.stdin_filename.as_deref(), lang);
    let (inputs, mut failures) = (found.inputs, found.failures);
    for note in &found.notes {
        eprintln!("{note}");
    }

    let mut stdin_text = None;
    if inputs.iter().any(|i| matches!(i, Input::Stdin { .. })) {
        stdin_text = Some(
            regular_file::read_stream(std::io::stdin().lock(), regular_file::REQUEST_MAX_BYTES)
                .map_err(|r| {
                    let m = r.message();
                    match lang {
                        Lang::En => format!("cannot read standard input: {}", m.en),
                        Lang::Ja => format!("標準入力を読み取れません。{}", m.ja),
                    }
                }),
        );
    }

    let configs = config::Configs::load(&cwd, &inputs, lang);
    let locale = locale_from_env();
    let outcomes: Vec<Result<Checked, Failure>> = inputs
        .par_iter()
        .map(|input| {
            let bytes = match input {
                Input::File { path, .. } => {
                    regular_file::read(path, regular_file::REQUEST_MAX_BYTES)
                        .map_err(|r| r.message().get(lang).to_string())
                }
                Input::Stdin { .. } => stdin_text.clone().expect("stdin was read"),
            };
            check_one(input, bytes, &configs, &cwd, locale.clone(), lang)
        })
        .collect();
    let mut report = Report {
        lang,
        ..Report::default()
    };
    for o in outcomes {
        match o {
            Ok(c) => report.files.push(c),
            Err(f) => failures.push(f),
        }
    }
    report.files.sort_by(|a, b| a.path.cmp(&b.path));
    failures.sort_by(|a, b| a.path.cmp(&b.path));
    report.failures = failures;

    let code = report.exit_code(args.deny_warnings);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match args.format {
        Format::Human => {
            let color = human::Colors {
                out: use_color(args.color, std::io::stdout().is_terminal()),
                err: use_color(args.color, std::io::stderr().is_terminal()),
            };
            human::write(&mut out, &mut std::io::stderr().lock(), &report, color)
        }
        Format::Json => json::write(&mut out, &report),
        Format::Sarif => sarif::write(&mut out, &report),
        Format::Github => github::write(&mut out, &report),
        Format::Gitlab => gitlab::write(&mut out, &report),
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::from(code)
}

/// `--color`: `auto` colours only on a terminal and when `NO_COLOR` is unset (or empty,
/// as no-color.org says).
pub(crate) fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The shell's message locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
/// and not empty (POSIX precedence).
pub(crate) fn locale_from_env() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
}

/// The language the shell's locale asks for (English without one).
pub(crate) fn lang_from_env() -> Lang {
    locale_from_env().map_or(Lang::En, |l| Lang::from_locale(&l))
}

/// The language of the run's own messages: `messages` of the configuration nearest to
/// the current directory when it names one, else the shell's locale (cli.md, `messages`;
/// a document's `support_language` cannot choose for the whole run).
pub(crate) fn run_lang(cwd: &Path) -> Lang {
    let configured = crate::workspace_config::find_nearest(cwd)
        .and_then(|toml| crate::workspace_config::read_text(&toml).ok())
        .and_then(|text| azsr_core::Config::from_toml(&text).ok())
        .map(|c| c.messages);
    match configured {
        Some(azsr_core::config::MessagesSetting::Fixed(lang)) => lang,
        _ => lang_from_env(),
    }
}

pub(crate) fn io_message(e: &std::io::Error, lang: Lang) -> String {
    crate::regular_file::io_message(e).get(lang).to_string()
}

fn check_one(
    input: &Input,
    bytes: Result<Vec<u8>, String>,
    configs: &config::Configs,
    cwd: &Path,
    locale: Option<String>,
    lang: Lang,
) -> Result<Checked, Failure> {
    let fail = |message: String| Failure {
        path: input.display().to_string(),
        message,
    };
    let bytes = bytes.map_err(fail)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        fail(encoding::not_utf8(e.as_bytes(), at).get(lang).to_string())
    })?;
    let (dir, anchored) = match input {
        Input::File { path, .. } => (discover::parent_dir(cwd, path), true),
        Input::Stdin {
            anchor: Some(p), ..
        } => (discover::parent_dir(cwd, p), true),
        Input::Stdin { anchor: None, .. } => (cwd.to_path_buf(), false),
    };
    let loaded = configs.for_dir(&dir).map_err(fail)?;
    let probe = DirProbe(&dir);
    let env = Env {
        files: if anchored { Some(&probe) } else { None },
        locale,
        ..Env::now()
    };
    let source = Source::new(text);
    let analysis = azsr_core::analyze(&source, &loaded.config, &loaded.catalog, &env);
    if let Some(m) = &analysis.limited {
        eprintln!("note: {}: {}", input.display(), m.get(lang));
    }
    let findings = findings(&source, analysis);
    Ok(Checked {
        path: input.display().to_string(),
        text: source.text,
        findings,
    })
}

/// A report with one file holding one finding of each level, for the printers' tests.
#[cfg(test)]
pub(crate) fn sample_report() -> Report {
    let finding = |code: &'static str, level, line, column| Finding {
        code,
        level,
        message: format!("{code}: 50% done,\nreally"),
        start: Pos { line, column },
        end: Pos {
            line,
            column: column + 3,
        },
        range: 0..0,
        secret: false,
    };
    Report {
        files: vec![Checked {
            path: "req/a b.azsr.md".into(),
            text: String::new(),
            findings: vec![
                finding("frontmatter-missing", Level::Error, 1, 1),
                finding("unknown-field", Level::Warning, 2, 5),
                finding("section-suggested", Level::Information, 3, 1),
                finding("resource-missing", Level::Hint, 4, 2),
            ],
        }],
        failures: vec![Failure {
            path: "bad.azsr.md".into(),
            message: "not UTF-8 (invalid byte at offset 3)".into(),
        }],
        lang: Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes() {
        let finding = |level| Finding {
            code: "x",
            level,
            message: String::new(),
            start: Pos { line: 1, column: 1 },
            end: Pos { line: 1, column: 1 },
            range: 0..0,
            secret: false,
        };
        let mut r = Report::default();
        assert_eq!(r.exit_code(true), 0);
        r.files.push(Checked {
            path: "a".into(),
            text: String::new(),
            findings: vec![finding(Level::Warning), finding(Level::Hint)],
        });
        assert_eq!(r.exit_code(false), 0);
        assert_eq!(r.exit_code(true), 1);
        r.files[0].findings.push(finding(Level::Error));
        assert_eq!(r.exit_code(false), 1);
        r.failures.push(Failure {
            path: "b".into(),
            message: "x".into(),
        });
        assert_eq!(r.exit_code(false), 2);
    }

    #[test]
    fn doc_url() {
        assert_eq!(
            azsr_core::rules::doc_url("sensitive-data"),
            "https://github.com/azsr/azsr/blob/main/docs/rules.md#sensitive-data"
        );
    }
}

/// The run's own messages (summary, failures, notes, configuration errors) follow the
/// house style in Japanese (`azsr_core::messages::style`); in English they keep the
/// CLI's form (lowercase, no final stop, after `path: `), except the configuration
/// errors' own sentences, which the editor shows as diagnostics too.
#[cfg(test)]
mod message_style {
    use std::path::PathBuf;

    use azsr_core::messages::style::{check_en, check_ja, Form};
    use azsr_core::Lang;

    use super::{discover, encoding, human, io_message, Failure, Report};
    use crate::regular_file::{Kind, Refused};
    use crate::workspace_config::LoadError;

    /// The Japanese of a run message, without the path or file name it starts with.
    fn sentence(message: &str) -> &str {
        let first = message.lines().next().unwrap_or_default();
        match first.split_once(": ") {
            Some((head, rest)) if !head.contains('。') => rest,
            _ => first,
        }
    }

    #[test]
    fn run_messages_are_in_the_house_style() {
        let mut ja: Vec<String> = Vec::new();
        let mut report = Report {
            lang: Lang::Ja,
            ..Report::default()
        };
        report.failures.push(Failure {
            path: "a".into(),
            message: "m".into(),
        });
        ja.push(human::summary_line(&report));
        for bytes in [&b"\xff\xfea"[..], b"\x82\xa0\x82\xa2", b"ok\xff"] {
            let at = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
            ja.push(encoding::not_utf8(bytes, at).ja);
        }
        for kind in [
            std::io::ErrorKind::NotFound,
            std::io::ErrorKind::PermissionDenied,
            std::io::ErrorKind::Other,
        ] {
            ja.push(io_message(&std::io::Error::from(kind), Lang::Ja));
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("request.md"),
            "---\nissue_type: technical\nsummary: x\nseverity: B\n---\n",
        )
        .unwrap();
        let found = discover::collect(dir.path(), &[PathBuf::from(".")], None, Lang::Ja);
        ja.extend(found.failures.iter().map(|f| f.message.clone()));
        ja.extend(found.notes.iter().cloned());
        let mut problems = vec![
            LoadError::Unreadable(Refused::Io(std::io::ErrorKind::NotFound.into())),
            LoadError::Unreadable(Refused::NotRegular(Kind::Folder)),
            LoadError::Unreadable(Refused::NotRegular(Kind::Fifo)),
            LoadError::Unreadable(Refused::NotRegular(Kind::CharDevice)),
            LoadError::Unreadable(Refused::TooLarge {
                size: 2 << 20,
                max: 1 << 20,
            }),
            LoadError::NotUtf8(3),
        ];
        for toml in [
            "x = [1\n",
            "suport_plan = \"basic\"\n",
            "zzz = 1\n",
            "support_plan = \"standad\"\n",
            "messages = \"fr\"\n",
            "time_zone = \"Tokyo\"\n",
            "summary_max_chars = 0\n",
            "[rules]\nsumary-length = \"off\"\n",
            "[rules]\nsummary-length = \"loud\"\n",
        ] {
            let error = azsr_core::Config::from_toml(toml).unwrap_err();
            problems.push(LoadError::Toml {
                text: toml.to_string(),
                error,
            });
        }
        let mut wrong = Vec::new();
        for p in &problems {
            ja.push(p.message("azsr.toml", Lang::Ja));
            wrong.extend(check_en(&p.problem().en, Form::Sentences));
        }
        assert!(ja.len() > 20, "{ja:?}");
        for m in &ja {
            wrong.extend(check_ja(sentence(m), Form::Sentences));
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
