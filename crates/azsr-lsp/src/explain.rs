//! `--explain RULE`: the rule's documentation, from its doc comment.

use std::process::ExitCode;

use azsr_core::fuzzy::closest;
use azsr_core::rules;

pub fn run(name: &str) -> ExitCode {
    match rules::by_name(name) {
        Some(rule) => {
            println!("# {} ({})\n", rule.name, rule.level.as_str());
            print!("{}", rules::doc_markdown(rule));
            ExitCode::SUCCESS
        }
        None => {
            let hint = closest(name, rules::ALL.iter().map(|r| r.name))
                .map(|b| format!(" Did you mean `{b}`?"))
                .unwrap_or_default();
            let known: Vec<&str> = rules::ALL.iter().map(|r| r.name).collect();
            eprintln!(
                "error: unknown rule `{name}`.{hint}\nKnown rules: {}",
                known.join(", ")
            );
            ExitCode::from(2)
        }
    }
}
