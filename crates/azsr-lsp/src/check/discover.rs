//! Which documents a `--check` run reads, and how their paths are reported.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use super::{Failure, Input};

/// The suffix of a support request draft.
pub const SUFFIX: &str = ".azsr.md";

/// Expands the command line's paths: directories are searched recursively for
/// `*.azsr.md` (honouring `.gitignore`, `.ignore` and git's exclude files, also outside a
/// git repository, and skipping hidden entries, as `ignore` does by default); a file
/// named on the command line is taken whatever its name and whatever `.gitignore` says;
/// `-` is standard input. No path means the current directory.
pub fn collect(
    cwd: &Path,
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
) -> (Vec<Input>, Vec<Failure>) {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
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
                    message: super::io_message(&e),
                });
                continue;
            }
        };
        if !meta.is_dir() {
            push(Input::File { path: abs, display }, &mut inputs);
            continue;
        }
        let walk = ignore::WalkBuilder::new(&abs).require_git(false).build();
        for entry in walk {
            match entry {
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    let name = entry.file_name().to_string_lossy();
                    if is_file && name.ends_with(SUFFIX) && name.len() > SUFFIX.len() {
                        let path = normalize(entry.path());
                        let display = relative(cwd, &path);
                        push(Input::File { path, display }, &mut inputs);
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
                        message: format!("cannot search: {e}"),
                    });
                }
            }
        }
    }
    (inputs, failures)
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
