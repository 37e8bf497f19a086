//! End to end: no secret of the labelled corpora leaves the checker, whether a detector
//! reports it or not (issue 12: "nothing echoed even when missed"). Every positive
//! snippet of every corpus under `crates/azsr-core/tests/secrets/` (the first corpus's
//! `*.txt` files and each corpus folder, found on disk) is expanded once with fake values
//! and pasted into a complete request, in the snippet's language, the way people paste
//! it: as a paragraph, in a code block, in a table cell or as a list item. The real
//! binary checks them all once per `--format`; no marked secret, nor any 8-character
//! piece of it (12 where it is mostly hex), may appear in stdout or stderr, the human
//! format's quoted lines included.
//!
//! `AZSR_LEAK_CORPORA=first,dev10,…` restricts the run to the corpora named (`first` is
//! the top-level files); by default every corpus is checked, heldout4 too, in a test of
//! its own (`--skip heldout4` leaves it out). A failure names the corpus, file, line and
//! format of the snippet, never the secret.

#[path = "../crates/azsr-core/tests/fake_secrets/mod.rs"]
mod fake_secrets;
// The held-out corpora's generators, declared beside the shared ones as
// `secrets_heldout.rs` declares them (each falls back to the one before).
#[path = "../crates/azsr-core/tests/fake_secrets/heldout3.rs"]
mod heldout3;
#[path = "../crates/azsr-core/tests/fake_secrets/heldout4.rs"]
mod heldout4;
mod output_text;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use fake_secrets::{expand, marks, Rng};

const BIN: &str = env!("CARGO_BIN_EXE_azsr-lsp");

/// The formats of `--check`, with the arguments that select them.
const FORMATS: &[(&str, &[&str])] = &[
    ("human", &["--format", "human", "--color", "always"]),
    (
        "human (no colour)",
        &["--format", "human", "--color", "never"],
    ),
    ("json", &["--format", "json"]),
    ("sarif", &["--format", "sarif"]),
    ("github", &["--format", "github"]),
    ("gitlab", &["--format", "gitlab"]),
];

/// A positive snippet of a corpus: where it is written and what it says.
struct Snippet {
    corpus: String,
    file: String,
    line: usize,
    /// `Some("ja")`/`Some("en")` from a held-out style header; `None` for the first
    /// corpus's `#% pos KIND` headers (the language is then read from the text).
    lang: Option<String>,
    template: String,
}

/// A corpus: its name, its `.txt` files, and the generator its snippets are filled with.
struct Corpus {
    name: String,
    files: Vec<PathBuf>,
    generate: fn(&str, &mut Rng) -> Option<String>,
}

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../azsr-core/tests/secrets")
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Every corpus on disk, with the generators its own test fills it with: the first
/// corpus's files `first`'s (as `secrets_corpus.rs`), heldout2's and heldout4's their
/// own, every other folder heldout3's (`secrets_heldout.rs`). A snippet naming a value
/// its generator does not know is left out and counted.
fn corpora() -> Vec<Corpus> {
    let root = corpus_root();
    let mut out = vec![Corpus {
        name: "first".into(),
        files: txt_files(&root),
        generate: fake_secrets::first::generate,
    }];
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let generate: fn(&str, &mut Rng) -> Option<String> = match name.as_str() {
            "heldout2" => fake_secrets::heldout2::generate,
            "heldout4" => heldout4::generate,
            _ => heldout3::generate,
        };
        out.push(Corpus {
            files: txt_files(&dir),
            name,
            generate,
        });
    }
    out
}

/// The positive snippets of a corpus file (`#% pos …` headers; negatives hold no mark).
fn positives(corpus: &str, path: &Path) -> Vec<Snippet> {
    let text = std::fs::read_to_string(path).unwrap();
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut out: Vec<Snippet> = Vec::new();
    let mut cur: Option<Snippet> = None;
    for (i, line) in text.lines().enumerate() {
        if let Some(h) = line.strip_prefix("#% ") {
            out.extend(cur.take());
            let parts: Vec<&str> = h.split_whitespace().collect();
            if parts.first() == Some(&"pos") {
                cur = Some(Snippet {
                    corpus: corpus.to_string(),
                    file: file.clone(),
                    line: i + 1,
                    lang: parts.get(2).map(|l| l.to_string()),
                    template: String::new(),
                });
            }
        } else if let Some(s) = cur.as_mut() {
            s.template.push_str(line);
            s.template.push('\n');
        }
    }
    out.extend(cur);
    out
}

fn is_japanese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff60}'))
}

/// The snippet placed in a body as people paste it, chosen by `variant`: a paragraph, a
/// fenced code block, a table cell (a one-line snippet without `|`; else a code block) or
/// a list item (its further lines indented under the item). With `todo`, every line of a
/// paragraph, cell or item ends in a `TODO` mark, which the placeholder rule reports: the
/// human format then quotes the line whether or not a detector reports its secret.
fn pasted(snippet: &str, variant: usize, ja: bool, todo: bool) -> String {
    let snippet = snippet.trim_end_matches('\n');
    let one_line = !snippet.contains('\n') && !snippet.contains('|');
    let marked: String;
    let fenced = variant % 4 == 1 || (variant % 4 == 2 && !one_line);
    let snippet = if todo && !fenced {
        marked = snippet
            .lines()
            .map(|l| {
                if l.trim().is_empty() {
                    l.to_string()
                } else {
                    format!("{l} TODO")
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        marked.as_str()
    } else {
        snippet
    };
    match variant % 4 {
        0 => format!("{snippet}\n"),
        2 if one_line => {
            let (k, v) = if ja {
                ("項目", "内容")
            } else {
                ("Item", "Value")
            };
            let row = if ja { "設定" } else { "Setting" };
            format!("| {k} | {v} |\n|---|---|\n| {row} | {snippet} |\n")
        }
        3 => {
            let mut s = String::from("- ");
            for (i, l) in snippet.lines().enumerate() {
                if i > 0 {
                    s.push_str("\n  ");
                }
                s.push_str(l);
            }
            s.push('\n');
            s
        }
        _ => {
            let longest = snippet.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat((longest + 1).max(3));
            format!("{fence}text\n{snippet}\n{fence}\n")
        }
    }
}

/// A complete request that checks clean (an example of `examples/`: `vm-rdp.ja`, or
/// `aks-upgrade.en`), with `body` at the end of its problem section after a line that
/// introduces it.
fn request(ja: bool, body: &str) -> String {
    let (example, heading, intro) = if ja {
        (
            "vm-rdp.ja.azsr.md",
            "## 問題\n",
            "作業中に控えた内容を以下に貼ります。",
        )
    } else {
        (
            "aks-upgrade.en.azsr.md",
            "## Problem\n",
            "Here is what we noted while working on it.",
        )
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(example);
    let text = std::fs::read_to_string(path).unwrap();
    let problem = text.find(heading).expect("a problem section") + heading.len();
    let next = problem + text[problem..].find("\n## ").expect("a section after it") + 1;
    format!("{}{intro}\n\n{body}\n{}", &text[..next], &text[next..])
}

/// A marked secret, by the snippet it stands in.
struct Secret {
    /// Index into the snippets.
    snippet: usize,
    /// Its lines, trimmed (a wrapped key's line breaks, and the indentation a list item
    /// adds, are no part of it).
    material: Vec<String>,
    /// The 1-based line of the request its first line stands on.
    line: u64,
}

/// Checks the JSON report: every request was checked, the control requests are clean,
/// and the human format quotes lines holding secrets (else the test would prove
/// little). Prints how many secrets stand on a quoted line, and how many of those no
/// detector reports (only the masking of what may be secret hides them).
fn quoted_lines(report: &serde_json::Value, files: &[String], secrets: &[Secret]) {
    let reported: HashMap<&str, &Vec<serde_json::Value>> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap(),
                f["diagnostics"].as_array().unwrap(),
            )
        })
        .collect();
    assert_eq!(reported.len(), files.len() + 2, "every request is checked");
    for control in ["control-ja.azsr.md", "control-en.azsr.md"] {
        assert_eq!(reported[control].len(), 0, "{control} checks clean");
    }
    let on = |d: &serde_json::Value, line: u64| {
        d["range"]["start"]["line"].as_u64().unwrap() <= line
            && line <= d["range"]["end"]["line"].as_u64().unwrap()
    };
    let (mut quoted, mut unreported) = (0, 0);
    for s in secrets {
        let diags = reported[files[s.snippet].as_str()];
        if diags
            .iter()
            .any(|d| d["range"]["start"]["line"].as_u64() == Some(s.line))
        {
            quoted += 1;
            if !diags
                .iter()
                .any(|d| d["code"] == "sensitive-data" && on(d, s.line))
            {
                unreported += 1;
            }
        }
    }
    eprintln!(
        "{quoted} of {} secrets stand on a quoted line; {unreported} of those are reported by no detector",
        secrets.len()
    );
    assert!(quoted > 0, "the human format quotes lines holding secrets");
}

/// A PEM armour line (`-----BEGIN RSA PRIVATE KEY-----`): the first corpus marks a key
/// with its armour, the held-out corpora without; the armour names the kind of key and
/// is no part of the secret, and the human format may quote it.
fn is_pem_armour(line: &str) -> bool {
    line.len() > 10 && line.starts_with("-----") && line.ends_with("-----")
}

/// Every piece (8 characters, 12 of hex, or the whole of a shorter line) of every secret, with the
/// secret it belongs to; less the pieces that also stand in the snippets' text outside
/// any secret (the base64 of a certificate's armour begins a public `tls.crt` and a
/// secret bundle alike): the output may show those without showing a secret.
struct Pieces<'a> {
    owner: HashMap<&'a str, Vec<usize>>,
    widths: Vec<usize>,
    count: usize,
}

/// Every run of `n` characters of `s`, in order (none when `s` is shorter).
fn windows(s: &str, n: usize) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    (0..(starts.len() + 1).saturating_sub(n))
        .map(move |w| &s[starts[w]..starts.get(w + n).copied().unwrap_or(s.len())])
}

impl<'a> Pieces<'a> {
    fn of(secrets: &'a [Secret], public: &HashSet<&str>) -> Self {
        let mut owner = HashMap::new();
        let mut widths = Vec::new();
        for (i, s) in secrets.iter().enumerate() {
            for m in &s.material {
                // Hex holds 4 bits a character: 8 of them would meet the windows of the
                // outputs' fingerprints (hashes) by chance once the corpora are large.
                let hex = m.bytes().filter(u8::is_ascii_hexdigit).count() * 5 >= m.len() * 4;
                let n = m.chars().count().min(if hex { 12 } else { 8 });
                if !widths.contains(&n) {
                    widths.push(n);
                }
                // In a passphrase of words (`blue Monday at 42 Elm`), a piece of letters
                // across a space (`e Monday`) is ordinary prose that any text may print:
                // left out, unless the whole passphrase is such pieces.
                let prose = |piece: &str| {
                    n == 8
                        && piece.contains(' ')
                        && piece.chars().all(|c| c.is_alphabetic() || c == ' ')
                };
                let all_prose = windows(m, n).all(prose);
                for p in windows(m, n) {
                    if !all_prose && prose(p) || public.contains(p) {
                        continue;
                    }
                    owner.entry(p).or_insert_with(Vec::new).push(i);
                }
            }
        }
        Pieces {
            owner,
            widths,
            count: secrets.len(),
        }
    }

    /// Which secrets a piece of which `output` holds, as printed, without its ANSI
    /// escapes or in its JSON strings.
    /// A secret shorter than a piece (a card's CVC, a PIN) is looked for only where
    /// `prose` says the output is text for people: the machine formats are full of
    /// numbers and hashes (columns, offsets, fingerprints) it may equal, and quote no
    /// line the human format does not.
    fn found_in(&self, output: &str, prose: bool) -> Vec<bool> {
        let mut seen = vec![false; self.count];
        for hay in output_text::haystacks(output) {
            let starts: Vec<usize> = hay.char_indices().map(|(b, _)| b).collect();
            for (k, &b) in starts.iter().enumerate() {
                for &n in &self.widths {
                    if k + n > starts.len() {
                        continue;
                    }
                    let end = starts.get(k + n).copied().unwrap_or(hay.len());
                    // And there it is matched as a whole token: inside a hash or a
                    // number it is no leak.
                    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                    if n < 8
                        && (!prose
                            || alnum(hay[..b].chars().next_back())
                            || alnum(hay[end..].chars().next())
                            || !on_quoted_line(&hay, b))
                    {
                        continue;
                    }
                    for &i in self.owner.get(&hay[b..end]).into_iter().flatten() {
                        seen[i] = true;
                    }
                }
            }
        }
        seen
    }
}

/// Whether byte `at` of the human format's `output` stands in a quoted source line's
/// text (`57 | …`, after the gutter), not in a location (`--> file:12:382`) or a
/// message.
fn on_quoted_line(output: &str, at: usize) -> bool {
    let line_start = output[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &output[line_start..at];
    let Some(bar) = line.find(" | ") else {
        return false;
    };
    let gutter = line[..bar].trim_start();
    !gutter.is_empty() && gutter.bytes().all(|c| c.is_ascii_digit())
}

/// The corpora to check: those named in `AZSR_LEAK_CORPORA`, else all.
fn selected(all: Vec<Corpus>) -> Vec<Corpus> {
    match std::env::var("AZSR_LEAK_CORPORA") {
        Ok(list) if !list.trim().is_empty() => {
            let names: Vec<&str> = list.split(',').map(str::trim).collect();
            all.into_iter()
                .filter(|c| names.contains(&c.name.as_str()))
                .collect()
        }
        _ => all,
    }
}

/// Every corpus but the one still held out (run on its own below, so that
/// `--skip heldout4` leaves it out as it leaves out its measure).
#[test]
fn no_check_format_shows_a_secret_of_the_development_corpora() {
    let all = corpora()
        .into_iter()
        .filter(|c| c.name != "heldout4")
        .collect();
    check(selected(all));
}

#[test]
fn no_check_format_shows_a_secret_of_heldout4() {
    let all = corpora()
        .into_iter()
        .filter(|c| c.name == "heldout4")
        .collect();
    check(selected(all));
}

/// Writes the requests of `corpora`'s positive snippets and checks every format's output.
fn check(corpora: Vec<Corpus>) {
    if corpora.is_empty() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut snippets: Vec<Snippet> = Vec::new();
    let mut secrets: Vec<Secret> = Vec::new();
    // The file name of each snippet's request.
    let mut files: Vec<String> = Vec::new();
    // Per corpus: snippets checked, secrets checked, snippets left out (a value the
    // generators do not know).
    let mut tally: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut r = Rng(0x1EA6_C0A9_0512_0001);
    // The snippets' text outside their secrets, one line per piece between them.
    let mut public_text = String::new();
    for corpus in &corpora {
        let t = tally.entry(corpus.name.clone()).or_default();
        for path in &corpus.files {
            for s in positives(&corpus.name, path) {
                let mut unknown = false;
                let expanded = expand(&s.template, &mut r, |name, r| {
                    (corpus.generate)(name, r).unwrap_or_else(|| {
                        unknown = true;
                        String::new()
                    })
                });
                if unknown {
                    t.2 += 1;
                    continue;
                }
                let (text, ranges) = marks(&expanded);
                if ranges.is_empty() {
                    continue;
                }
                let mut from = 0;
                for m in &ranges {
                    public_text.push_str(&text[from..m.start]);
                    public_text.push('\n');
                    from = m.end;
                }
                public_text.push_str(&text[from..]);
                public_text.push('\n');
                let ja = match s.lang.as_deref() {
                    Some(l) => l == "ja",
                    None => is_japanese(&text),
                };
                let index = snippets.len();
                let doc = request(ja, &pasted(&text, index, ja, (index / 4).is_multiple_of(2)));
                for m in &ranges {
                    let material: Vec<String> = text[m.clone()]
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !is_pem_armour(l))
                        .map(String::from)
                        .collect();
                    if material.is_empty() {
                        continue; // armour alone
                    }
                    for piece in &material {
                        assert!(
                            doc.contains(piece.as_str()),
                            "{}/{}:{}: the secret is pasted whole",
                            s.corpus,
                            s.file,
                            s.line
                        );
                    }
                    let line = doc[..doc.find(material[0].as_str()).unwrap()]
                        .matches('\n')
                        .count() as u64
                        + 1;
                    secrets.push(Secret {
                        snippet: index,
                        material,
                        line,
                    });
                    t.1 += 1;
                }
                t.0 += 1;
                let name = format!(
                    "{}-{}-{}.azsr.md",
                    s.corpus,
                    s.file.trim_end_matches(".txt"),
                    s.line
                );
                std::fs::write(dir.path().join(&name), doc).unwrap();
                files.push(name);
                snippets.push(s);
            }
        }
    }
    assert!(!snippets.is_empty(), "no snippet to check");
    // Without a snippet, the requests check clean: whatever is reported is the snippet's.
    for ja in [true, false] {
        let name = format!("control-{}.azsr.md", if ja { "ja" } else { "en" });
        std::fs::write(dir.path().join(name), request(ja, "")).unwrap();
    }
    for (name, (n, k, left)) in &tally {
        eprintln!("{name}: {n} snippets, {k} secrets checked; {left} snippets left out");
    }

    let public: HashSet<&str> = public_text
        .lines()
        .flat_map(|l| windows(l, 8))
        // And its words whole, which a short secret (a CVC, a PIN) may equal.
        .chain(public_text.split(|c: char| !c.is_alphanumeric()))
        .collect();
    let pieces = Pieces::of(&secrets, &public);
    // The matching finds every secret in its own text quoted as the human format
    // quotes it (else a leak could pass unseen); a short secret that is also a word of
    // public text has no piece of its own and is left out (counted).
    let owned: HashSet<usize> = pieces.owner.values().flatten().copied().collect();
    for (i, secret) in secrets.iter().enumerate() {
        if owned.contains(&i) {
            let quoted = format!("1 | {}", secret.material.join("\n1 | "));
            assert!(pieces.found_in(&quoted, true)[i]);
        }
    }
    eprintln!(
        "{} secrets are words of public text too (not looked for)",
        secrets.len() - owned.len()
    );

    let mut leaks: Vec<String> = Vec::new();
    for (format, args) in FORMATS {
        let o = Command::new(BIN)
            .arg("--check")
            .args(*args)
            .current_dir(dir.path())
            .env_remove("NO_COLOR")
            .env("RUST_LOG", "trace")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{format}: the check ran ({:?})",
            o.status
        );
        if *format == "json" {
            let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
            quoted_lines(&v, &files, &secrets);
        }
        for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            let out = String::from_utf8_lossy(bytes);
            for (i, seen) in pieces
                .found_in(&out, format.starts_with("human"))
                .into_iter()
                .enumerate()
            {
                if seen {
                    let s = &snippets[secrets[i].snippet];
                    leaks.push(format!(
                        "{}/{}:{} ({format} {stream}): a piece of its secret appears",
                        s.corpus, s.file, s.line
                    ));
                }
            }
        }
    }
    if std::env::var_os("AZSR_LEAK_KEEP").is_some() {
        eprintln!("requests kept in {}", dir.keep().display());
    }
    assert!(
        leaks.is_empty(),
        "{} leaks:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}
