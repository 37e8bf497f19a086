//! Which documents a `--check` run reads, and how their paths are reported.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use azsr_core::{msg, Lang};

use super::{Failure, Input};

/// The suffix of a support request draft.
pub const SUFFIX: &str = ".azsr.md";

/// What the command line's paths name.
pub struct Found {
    pub inputs: Vec<Input>,
    /// Paths that could not be searched, and folders that hold no request.
    pub failures: Vec<Failure>,
    /// Lines for standard error about files that look like requests but are not named
    /// as one (so are not checked).
    pub notes: Vec<String>,
}

/// Expands the command line's paths: directories are searched recursively for
/// `*.azsr.md` (honouring `.gitignore`, `.ignore` and git's exclude files, also outside a
/// git repository, and skipping hidden entries, as `ignore` does by default); a file
/// named on the command line is taken whatever its name and whatever `.gitignore` says;
/// `-` is standard input. No path means the current directory.
///
/// A folder that holds no `*.azsr.md` is a failure (exit status 2, as for a path that
/// does not exist: the run checked nothing it was asked to), and a `*.md` file in it
/// whose front matter has the form's fields gets a note that its name keeps it out.
pub fn collect(cwd: &Path, paths: &[PathBuf], stdin_filename: Option<&Path>, lang: Lang) -> Found {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    let mut notes = Vec::new();
    let mut seen = BTreeSet::new();
    let mut push = |input: Input, inputs: &mut Vec<Input>| {
        if seen.insert(input.display().to_string()) {
            inputs.push(input);
        }
    };
    for p in paths {
        if p.as_os_str() == "-" {
            let (display, anchor) = match stdin_filename {
                Some(name) => {
                    let abs = absolute(cwd, name);
                    (relative(cwd, &abs), Some(abs))
                }
                None => ("<stdin>".to_string(), None),
            };
            push(Input::Stdin { display, anchor }, &mut inputs);
            continue;
        }
        let abs = absolute(cwd, p);
        let display = relative(cwd, &abs);
        let meta = match std::fs::metadata(&abs) {
            Ok(m) => m,
            Err(e) => {
                failures.push(Failure {
                    path: display,
                    message: super::io_message(&e, lang),
                });
                continue;
            }
        };
        if !meta.is_dir() {
            push(Input::File { path: abs, display }, &mut inputs);
            continue;
        }
        let mut requests_here = 0;
        let mut misnamed = Vec::new();
        let walk = ignore::WalkBuilder::new(&abs).require_git(false).build();
        for entry in walk {
            match entry {
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    let name = entry.file_name().to_string_lossy();
                    if is_file && name.ends_with(SUFFIX) && name.len() > SUFFIX.len() {
                        let path = normalize(entry.path());
                        let display = relative(cwd, &path);
                        requests_here += 1;
                        push(Input::File { path, display }, &mut inputs);
                    } else if is_file
                        && name.to_ascii_lowercase().ends_with(".md")
                        && looks_like_a_request(entry.path())
                    {
                        misnamed.push(relative(cwd, &normalize(entry.path())));
                    }
                }
                Err(e) => {
                    // An unreadable directory below the one named: say which.
                    let path = match &e {
                        ignore::Error::WithPath { path, .. } => relative(cwd, &absolute(cwd, path)),
                        _ => display.clone(),
                    };
                    failures.push(Failure {
                        path,
                        message: match lang {
                            Lang::En => format!("cannot search: {e}"),
                            Lang::Ja => format!("検索できません（{e}）。"),
                        },
                    });
                }
            }
        }
        if requests_here == 0 {
            let m = msg!(
                "no `*{SUFFIX}` file in this folder: a request draft's file name must end in `{SUFFIX}`",
                "確認するお問い合わせの下書きがありません。下書きのファイル名は `{SUFFIX}` で終わる必要があります。"
            );
            failures.push(Failure {
                path: display.clone(),
                message: m.get(lang).to_string(),
            });
        }
        for path in misnamed {
            let renamed = format!("{}{SUFFIX}", &path[..path.len() - ".md".len()]);
            let m = msg!(
                "note: {path} looks like a support request (its front matter has the form's fields) but is not checked: only `*{SUFFIX}` files are. Rename it to {renamed}",
                "注意: {path} はお問い合わせの下書きのようですが、確認していません。確認するのは `*{SUFFIX}` のファイルだけです。{renamed} に名前を変えてください。"
            );
            notes.push(m.get(lang).to_string());
        }
    }
    Found {
        inputs,
        failures,
        notes,
    }
}

/// Whether the Markdown file at `path` starts with a front matter holding at least two
/// of the form's top-level fields (`summary`, `service`, `severity` …). Reads its first
/// 8 KiB only.
fn looks_like_a_request(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(8192).read_to_end(&mut head));
    if read.is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return false;
    }
    lines
        .take_while(|l| l.trim_end() != "---")
        .filter_map(|l| l.split_once(':'))
        .filter(|(key, _)| azsr_core::fields::FIELDS.iter().any(|f| f.key == *key))
        .count()
        >= 2
}

/// `path` made absolute against `cwd` and normalised lexically (`.` and `..` removed).
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    normalize(&cwd.join(path))
}

/// The folder holding `path` (absolute).
pub fn parent_dir(cwd: &Path, path: &Path) -> PathBuf {
    let abs = absolute(cwd, path);
    abs.parent().map(Path::to_path_buf).unwrap_or(abs)
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `abs` relative to `cwd`, with `/` separators (`..` where it lies outside `cwd`).
pub fn relative(cwd: &Path, abs: &Path) -> String {
    let a: Vec<Component> = abs.components().collect();
    let b: Vec<Component> = cwd.components().collect();
    // Different roots (Windows drives): keep the absolute path.
    if a.first() != b.first() {
        return slashes(abs.components());
    }
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        a[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

fn slashes<'a>(components: impl Iterator<Item = Component<'a>>) -> String {
    let mut s = String::new();
    for c in components {
        match c {
            Component::RootDir => s.push('/'),
            Component::Prefix(p) => s.push_str(&p.as_os_str().to_string_lossy()),
            other => {
                if !s.is_empty() && !s.ends_with('/') {
                    s.push('/');
                }
                s.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn relative_paths() {
        let cwd = Path::new("/w/repo");
        assert_eq!(
            relative(cwd, Path::new("/w/repo/a/b.azsr.md")),
            "a/b.azsr.md"
        );
        assert_eq!(
            relative(cwd, Path::new("/w/other/x.azsr.md")),
            "../other/x.azsr.md"
        );
        assert_eq!(relative(cwd, Path::new("/w/repo")), ".");
        assert_eq!(
            relative(cwd, &absolute(cwd, Path::new("./a/../c.azsr.md"))),
            "c.azsr.md"
        );
    }
}
