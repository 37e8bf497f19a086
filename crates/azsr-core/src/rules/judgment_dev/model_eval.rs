//! The sentence model measured honestly: leave one batch out. For each of the batches
//! I to P, the model is trained without that batch (its drafts' sentences, and the
//! snippets written while tuning on it) and run on the batch's drafts; what the cues did
//! there is what they did at first sight, before anyone tuned on the batch
//! (`drafts_*/FIRST_SIGHT.txt`, the lead's measure on main; for M to P that measure
//! included the sentence model of its day, trained on D–K). "Cues + model" fires where
//! either did. The figures decide where a rule uses the model (`model::USE`).
//!
//! `cargo test -p azsr-core --lib model_eval -- --nocapture` prints them.

use std::collections::{BTreeMap, HashSet};

use super::model_data::{batch_now, drafts, with_context};
use crate::rules::text_rule::model::{self, train, Model};

/// What the cues did on a batch at first sight: expected findings missed, and findings
/// nobody expected (draft, rule).
struct FirstSight {
    missed: HashSet<(String, String)>,
    extra: HashSet<(String, String)>,
}

fn first_sight(batch: &str) -> FirstSight {
    let text = std::fs::read_to_string(format!(
        "{}/src/rules/judgment_dev/{batch}/FIRST_SIGHT.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut fs = FirstSight {
        missed: HashSet::new(),
        extra: HashSet::new(),
    };
    for line in text.lines() {
        let mut w = line.splitn(3, ' ');
        let (Some(kind), Some(file), Some(rest)) = (w.next(), w.next(), w.next()) else {
            continue;
        };
        match kind {
            "MISS" => {
                fs.missed
                    .insert((file.to_string(), rest.trim().to_string()));
            }
            "CLEAN-FP" | "EXTRA" => {
                for r in rest.trim_matches(['[', ']']).split(", ") {
                    fs.extra
                        .insert((file.to_string(), r.trim_matches('\'').to_string()));
                }
            }
            _ => {}
        }
    }
    fs
}

/// Whether the model (at `threshold`) finds `rule`'s sign in the request.
pub(super) fn model_fires(rule: &str, ctx: &crate::Context, m: &Model, threshold: f32) -> bool {
    use crate::rules::*;
    match rule {
        "severity-a-criteria" => severity_a_criteria::model_sign(ctx, m, threshold).is_some(),
        "multiple-problems" => multiple_problems::model_sign(ctx, m, threshold).is_some(),
        "reopen-without-number" => reopen_without_number::model_sign(ctx, m, threshold).is_some(),
        "feature-request" => feature_request::model_sign(ctx, m, threshold).is_some(),
        _ => cross_subscription_mention::model_sign(ctx, m, threshold).is_some(),
    }
}

/// Per (rule, lang): expected, hit by the cues, hit by cues + model; and per rule the
/// drafts flagged that should not be: (clean drafts by the cues, clean drafts by cues +
/// model, other drafts newly flagged by the model).
#[derive(Default)]
struct Tally {
    recall: BTreeMap<(String, String), (usize, usize, usize)>,
    flagged: BTreeMap<String, (usize, usize, usize)>,
    clean: usize,
    /// Clean drafts at severity A, and those the severity model would flag were the
    /// outage-now cues blind (the model's own false alarms on legitimate A).
    legit_a: (usize, usize),
    /// Drafts where the model changed the outcome: `+ rule draft` a hit it added,
    /// `! rule draft` a finding nobody expected.
    changed: Vec<String>,
}

const THRESHOLDS: [f32; 6] = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0];

fn leave_one_batch_out() -> Vec<(f32, Tally)> {
    let mut out: Vec<(f32, Tally)> = THRESHOLDS.iter().map(|t| (*t, Tally::default())).collect();
    for batch in [
        "drafts_i", "drafts_j", "drafts_k", "drafts_l", "drafts_m", "drafts_n", "drafts_o",
        "drafts_p",
    ] {
        let m = train::train(&train::sentences(Some(batch)));
        let fs = first_sight(batch);
        for d in drafts(batch) {
            let clean = d.expect.is_empty();
            for (t, tally) in &mut out {
                tally.clean += usize::from(clean);
                if clean {
                    let (at_a, fires) = with_context(&d.text, batch_now(batch), |c| {
                        let at_a = c.severity().is_some_and(|s| s.is_critical());
                        let fires = crate::rules::text_rule::Prose::with_summary(c)
                            .sentences()
                            .any(|s| m.scores(s.text)[..5].iter().any(|x| x >= t));
                        (at_a, at_a && fires)
                    });
                    tally.legit_a.0 += usize::from(at_a);
                    tally.legit_a.1 += usize::from(fires);
                }
                for rule in train::RULES {
                    let key = (d.file.clone(), rule.to_string());
                    let expected = d.expect.iter().any(|r| r == rule);
                    let cues = if expected {
                        !fs.missed.contains(&key)
                    } else {
                        fs.extra.contains(&key)
                    };
                    let by_model =
                        with_context(&d.text, batch_now(batch), |c| model_fires(rule, c, &m, *t));
                    let both = cues || by_model;
                    if expected {
                        let e = tally
                            .recall
                            .entry((rule.to_string(), d.lang.clone()))
                            .or_default();
                        e.0 += 1;
                        e.1 += usize::from(cues);
                        e.2 += usize::from(both);
                        if both && !cues {
                            tally.changed.push(format!("+ {rule} {}", d.file));
                        }
                    } else {
                        let f = tally.flagged.entry(rule.to_string()).or_default();
                        if clean {
                            f.0 += usize::from(cues);
                            f.1 += usize::from(both);
                            if both && !cues {
                                tally.changed.push(format!("! {rule} {} (clean)", d.file));
                            }
                        } else {
                            f.2 += usize::from(by_model && !cues);
                            if by_model && !cues {
                                tally.changed.push(format!("! {rule} {}", d.file));
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// Prints the figures; asserts that every rule switched on in `model::USE` gained recall
/// on the batches it was not trained on, flagged no more clean drafts than the cues,
/// and added at most one false finding on other drafts for every two hits.
#[test]
fn model_leave_one_batch_out() {
    let results = leave_one_batch_out();
    for (t, tally) in &results {
        println!("threshold {t}:");
        for ((rule, lang), (n, cues, both)) in &tally.recall {
            println!("  {rule} {lang}: cues {cues}/{n}, cues+model {both}/{n}");
        }
        for (rule, (c, b, o)) in &tally.flagged {
            println!(
                "  {rule}: clean flagged cues {c}/{n}, cues+model {b}/{n}; other drafts newly flagged {o}",
                n = tally.clean
            );
        }
        println!(
            "  severity-a-criteria without its outage-now gate: clean drafts at A flagged {}/{}",
            tally.legit_a.1, tally.legit_a.0
        );
        if std::env::var("MODEL_EVAL_DRAFTS").is_ok() {
            for c in &tally.changed {
                println!("    {c}");
            }
        }
    }
    for rule in train::RULES {
        let Some(t) = model::threshold(rule) else {
            continue;
        };
        let (_, tally) = results
            .iter()
            .find(|(x, _)| *x == t)
            .expect("the threshold in use is one measured");
        let gained: usize = tally
            .recall
            .iter()
            .filter(|((r, _), _)| r == rule)
            .map(|(_, (_, c, b))| b - c)
            .sum();
        let (c, b, o) = tally.flagged.get(rule).copied().unwrap_or_default();
        assert!(
            gained > 0,
            "{rule}: the model gains nothing on unseen batches"
        );
        assert!(b == c, "{rule}: the model flags clean drafts");
        assert!(
            2 * o <= gained,
            "{rule}: the model flags more drafts than it helps"
        );
    }
}
