//! `--explain RULE`: the rule's documentation, from its doc comment (English) or its
//! `doc_ja` translation, chosen as `--check` chooses its messages: `--lang`, else the
//! shell's locale (cli.md, `messages`).

use std::process::ExitCode;

use azsr_core::fuzzy::closest;
use azsr_core::{rules, Lang};

pub fn run(name: &str, lang: Option<Lang>) -> ExitCode {
    let lang = lang.unwrap_or_else(crate::check::lang_from_env);
    match rules::by_name(name) {
        Some(rule) => {
            println!("# {} ({})\n", rule.name, rule.level.as_str());
            print!("{}", rules::documentation(rule, lang));
            ExitCode::SUCCESS
        }
        None => {
            let known: Vec<&str> = rules::ALL.iter().map(|r| r.name).collect();
            let best = closest(name, known.iter().copied());
            let message = match lang {
                Lang::En => format!(
                    "error: unknown rule `{name}`.{}\nKnown rules: {}",
                    best.map(|b| format!(" Did you mean `{b}`?"))
                        .unwrap_or_default(),
                    known.join(", ")
                ),
                Lang::Ja => format!(
                    "エラー: `{name}` というルールはありません。{}\n既知のルール: {}",
                    best.map(|b| format!("`{b}` の誤りではありませんか。"))
                        .unwrap_or_default(),
                    known.join(", ")
                ),
            };
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
