//! Whole drafts in the phrasing rules' development set: a batch directory of
//! `*.azsr.md` requests and an `expected.toml` labelling each (`lang`, `category`,
//! `expect` = the phrasing rules that must fire; a clean draft expects none). Each draft
//! goes through [`crate::analyze`] with every rule on, as a person would meet it: an
//! expected rule must fire, and no other rule may give an error or a warning.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostic::Level;
use crate::{Catalog, Config, Env, Source};

/// The phrasing rules the batches measure, in the order figures are printed.
const PHRASING: [&str; 5] = [
    "multiple-problems",
    "severity-a-criteria",
    "reopen-without-number",
    "feature-request",
    "cross-subscription-mention",
];

/// A batch's `expected.toml`.
#[derive(Deserialize)]
pub(super) struct Labels {
    pub draft: Vec<Label>,
}

/// One draft's label.
#[derive(Deserialize)]
pub(super) struct Label {
    pub file: String,
    pub lang: String,
    pub expect: Vec<String>,
}

/// The outcome of one batch: figures to print and the drafts that went wrong.
struct Outcome {
    figures: Vec<String>,
    /// Drafts where an expected rule stayed silent.
    missed: Vec<String>,
    /// Drafts where a rule nobody expected gave an error or a warning (on a clean draft
    /// or a faulty one).
    unexpected: Vec<String>,
}

/// When the batches were written: their dates are in the past then.
const WRITTEN: &str = "2026-12-06T12:00:00Z";

fn run(batch: &str, now: &str) -> Outcome {
    let dir = format!(
        "{}/src/rules/judgment_dev/{batch}",
        env!("CARGO_MANIFEST_DIR")
    );
    let labels: Labels = toml::from_str(
        &std::fs::read_to_string(format!("{dir}/expected.toml")).expect("expected.toml"),
    )
    .expect("expected.toml parses");
    let env = Env {
        now: now.parse().unwrap(),
        files: None,
        locale: None,
    };
    let catalog = Catalog::bundled();
    let config = Config::default();
    // (rule, lang) -> (hit, expected)
    let mut recall: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    let (mut missed, mut unexpected) = (Vec::new(), Vec::new());
    let (mut clean, mut clean_flagged) = (0, 0);
    for label in &labels.draft {
        let text = std::fs::read_to_string(format!("{dir}/{}", label.file))
            .unwrap_or_else(|e| panic!("{}: {e}", label.file));
        let analysis = crate::analyze(&Source::new(text), &config, &catalog, &env);
        let fired: Vec<&str> = analysis.diagnostics.iter().map(|d| d.code).collect();
        for rule in &label.expect {
            let rule = PHRASING
                .iter()
                .find(|r| **r == rule)
                .unwrap_or_else(|| panic!("{}: unknown rule {rule}", label.file));
            let lang = if label.lang == "ja" { "ja" } else { "en" };
            let e = recall.entry((rule, lang)).or_default();
            e.1 += 1;
            if fired.contains(rule) {
                e.0 += 1;
            } else {
                missed.push(format!("{} missed {rule}", label.file));
            }
        }
        let extra: Vec<String> = analysis
            .diagnostics
            .iter()
            .filter(|d| matches!(d.level, Level::Error | Level::Warning))
            .filter(|d| !label.expect.iter().any(|r| r == d.code))
            .map(|d| format!("{} ({})", d.code, d.message.en))
            .collect();
        if label.expect.is_empty() {
            clean += 1;
            clean_flagged += usize::from(!extra.is_empty());
        }
        for e in extra {
            unexpected.push(format!("{} unexpected {e}", label.file));
        }
    }
    let mut figures = Vec::new();
    let (mut hit, mut all) = (0, 0);
    for rule in PHRASING {
        for lang in ["en", "ja"] {
            if let Some((h, n)) = recall.get(&(rule, lang)) {
                figures.push(format!("{batch} {rule} {lang}: {h}/{n}"));
                hit += h;
                all += n;
            }
        }
    }
    figures.push(format!(
        "{batch} recall {hit}/{all}, clean drafts flagged {clean_flagged}/{clean}"
    ));
    Outcome {
        figures,
        missed,
        unexpected,
    }
}

fn print(o: &Outcome) {
    for l in o.figures.iter().chain(&o.missed).chain(&o.unexpected) {
        println!("{l}");
    }
}

/// Batch D (100 drafts by someone who never saw the rules; tuned on): every expected
/// rule fires, nothing else is flagged.
#[test]
fn phrasing_rules_on_drafts_d() {
    assert_batch_clean("drafts_d");
}

/// Runs a batch, prints its figures and asserts that every expected rule fired and
/// nothing else gave an error or a warning.
fn assert_batch_clean(batch: &str) {
    assert_batch_clean_at(batch, WRITTEN);
}

/// [`assert_batch_clean`] with the clock at `now` (a batch written later that day).
fn assert_batch_clean_at(batch: &str, now: &str) {
    assert_batch_at(batch, now, &[]);
}

/// Runs a batch at `now`, prints its figures and asserts that what went wrong is exactly
/// `known` (`"<file> missed <rule>"` or `"<file> unexpected <rule>"`): a known miss
/// that gets fixed fails too, so the list is kept true.
fn assert_batch_at(batch: &str, now: &str, known: &[&str]) {
    let o = run(batch, now);
    print(&o);
    let wrong: Vec<&str> = o
        .missed
        .iter()
        .chain(&o.unexpected)
        .map(|l| l.split(" (").next().unwrap_or(l))
        .collect();
    let mut sorted = wrong.clone();
    sorted.sort_unstable();
    let mut expected = known.to_vec();
    expected.sort_unstable();
    assert_eq!(
        sorted,
        expected,
        "{batch}: {} missed, {} unexpected findings, {} known",
        o.missed.len(),
        o.unexpected.len(),
        known.len()
    );
}

/// Batch E (23 drafts written by the tuning helper after the cues for batch D, measured
/// at first sight, then tuned on): every expected rule fires, nothing else is flagged.
#[test]
fn phrasing_rules_on_drafts_e() {
    assert_batch_clean("drafts_e");
}

/// Batch F (68 drafts by a helper who did not tune the rules, measured at first sight,
/// then tuned on; see `drafts_f/README.md`).
#[test]
fn phrasing_rules_on_drafts_f() {
    assert_batch_clean("drafts_f");
}

/// Batch H (46 drafts by an independent writer in session 5, measured at first sight,
/// then tuned on; see `drafts_h/README.md`).
#[test]
fn phrasing_rules_on_drafts_h() {
    // Written late on 6 December 2026 (one draft's problem began at 20:35 UTC).
    assert_batch_clean_at("drafts_h", "2026-12-06T23:00:00Z");
}

/// Batch I (64 drafts by an independent writer in session 6, measured at first sight,
/// then tuned on; see `drafts_i/README.md`).
#[test]
fn phrasing_rules_on_drafts_i() {
    // Written early on 7 December 2026 (every `started` is before 01:00 UTC).
    assert_batch_clean_at("drafts_i", "2026-12-07T01:30:00Z");
}

/// Batch J (56 long drafts by an independent writer in session 6, the signal often
/// buried late; measured at first sight, then tuned on; see `drafts_j/README.md`).
#[test]
fn phrasing_rules_on_drafts_j() {
    // Written early on 7 December 2026 (every `started` is before 01:00 UTC).
    assert_batch_clean_at("drafts_j", "2026-12-07T01:30:00Z");
}

/// Batch K (44 drafts by an independent writer in session 6, written blind; measured at
/// first sight, then tuned on; see `drafts_k/README.md`).
#[test]
fn phrasing_rules_on_drafts_k() {
    // Written early on 7 December 2026 (every `started` is before 02:00 UTC).
    assert_batch_clean_at("drafts_k", "2026-12-07T02:30:00Z");
}

/// Batch L (70 drafts by an independent writer in session 7, written blind; measured at
/// first sight and with the sentence model before any training on it; its sentences
/// joined the sentence set in session 9; see `drafts_l/README.md`). What the shipped
/// rules still get wrong on it is listed here, so that a fix shows.
#[test]
fn phrasing_rules_on_drafts_l() {
    // Written on 7 December 2026 (about 04:06 UTC; every `started` is before 03:00 UTC).
    assert_batch_at("drafts_l", "2026-12-07T04:30:00Z", DRAFTS_L_KNOWN);
}

/// Batch L's known misses with the shipped rules (see `drafts_l/README.md`).
const DRAFTS_L_KNOWN: &[&str] = &[
    // A roadmap question ("is hourly backup planned?") no feature-request cue reads.
    "512-backup-hourly-roadmap.azsr.md missed feature-request",
    // Numbered questions about Key Vault, Entra ID and AKS, not read as separate matters.
    "549-misc-questions-kv-entra-aks.azsr.md missed multiple-problems",
    // The other subscription's ID and a resource name with "pull its diagnostics".
    "564-cosmos-diag-other-sub.azsr.md missed cross-subscription-mention",
];

/// Batch M (70 drafts by an independent writer in session 8, written blind, stressing
/// severity-a-criteria and multiple-problems; measured at first sight, then tuned on; see
/// `drafts_m/README.md`). What the shipped rules still get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_m() {
    // Written on 7 December 2026 (07:04–07:15 UTC; every `started` is before 05:00 UTC).
    assert_batch_at("drafts_m", "2026-12-07T07:30:00Z", DRAFTS_M_KNOWN);
}

/// Batch M's known misses with the shipped rules (see `drafts_m/README.md`).
const DRAFTS_M_KNOWN: &[&str] = &[];

/// Batch N (50 drafts by an independent writer in session 8, written blind by varied
/// personas; measured at first sight and after batch M's round, then tuned on; see
/// `drafts_n/README.md`). What the shipped rules still get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_n() {
    // Written on 7 December 2026 (07:14–07:30 UTC; every `started` is before 07:00 UTC).
    assert_batch_at("drafts_n", "2026-12-07T07:45:00Z", DRAFTS_N_KNOWN);
}

/// Batch N's known misses with the shipped rules (see `drafts_n/README.md`).
const DRAFTS_N_KNOWN: &[&str] = &[
    // Two outcomes listed in the goal as (a) / (b) lines (an alert that does not fire,
    // a storage tier change's cost), not list markup and not questions.
    "713-monitor-alert-and-blob-tier.azsr.md missed multiple-problems",
];

/// Batch O (50 drafts by an independent writer in session 8, written blind by people in
/// regulated or traditional industries; measured at first sight, then tuned on; see
/// `drafts_o/README.md`). What the shipped rules still get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_o() {
    // Written on 7 December 2026 (08:54–09:02 UTC; every `started` is before 08:00 UTC).
    assert_batch_at("drafts_o", "2026-12-07T09:15:00Z", DRAFTS_O_KNOWN);
}

/// Batch O's known misses with the shipped rules (see `drafts_o/README.md`).
const DRAFTS_O_KNOWN: &[&str] = &[];

/// Batch P (50 drafts by an independent writer in session 9, written blind by
/// non-specialist personas; measured at first sight on main and on the session 9 round,
/// then development data; not in the sentence model's training batches; see
/// `drafts_p/README.md`). What the shipped rules still get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_p() {
    // Written on 7 December 2026 (about 10:14 UTC; every `started` is before 10:00 UTC).
    assert_batch_at("drafts_p", "2026-12-07T10:30:00Z", DRAFTS_P_KNOWN);
}

/// Batch P's known misses with the shipped rules (see `drafts_p/README.md`).
const DRAFTS_P_KNOWN: &[&str] = &[
    // multiple-problems: a question opened with それと about another resource whose name
    // (acrneonpixel) names no service, next to "the same team" (同じチーム).
    "913-containerapps-scale-acr-storage.azsr.md missed multiple-problems",
];

/// Batch Q (50 drafts by an independent writer in session 10, written blind by a bank, a
/// hospital's contractor, a plant, a lab, an agency, a translation company and an app
/// developer; measured at first sight, then development data; see `drafts_q/README.md`).
/// What the shipped rules still get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_q() {
    // Written on 7 December 2026 (13:25–14:10 UTC; every `started` is before 01:00 UTC).
    assert_batch_at("drafts_q", "2026-12-07T14:30:00Z", DRAFTS_Q_KNOWN);
}

/// Batch Q's known misses with the shipped rules (see `drafts_q/README.md`).
const DRAFTS_Q_KNOWN: &[&str] = &[
    // multiple-problems: numbered questions of which the third asks whether a
    // reservation bought for another system applies (当該予約 points inside the item).
    "974-pgflex-disconnect-and-questions.azsr.md missed multiple-problems",
    // severity-a-criteria: one developer's own app, called critical.
    "987-cosmos-latency-solo-dev-critical.azsr.md missed severity-a-criteria",
    // feature-request: a wish about the product told without a listed wish.
    "966-eventhubs-capture-jst-path.azsr.md missed feature-request",
    "988-notificationhub-local-time-scheduling.azsr.md missed feature-request",
    // cross-subscription-mention: another subscription's workspace asked about.
    "971-la-ama-heartbeat-clinic-sub.azsr.md missed cross-subscription-mention",
    // sensitive-data (not a phrasing rule): a token-like value in the draft.
    "979-afd-custom-domain-campaign.azsr.md unexpected sensitive-data",
];

/// Batch T (30 drafts by the session 11 tuner, written before the round, stressing
/// severity-a-criteria's classes in several surface forms each and their hard negatives,
/// and multiple-problems; measured at first sight, then tuned on; see
/// `drafts_t/README.md`). What the shipped rules still get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_t() {
    // Written on 7 December 2026 (about 17:00 UTC; every `started` is before 14:00 UTC).
    assert_batch_at("drafts_t", "2026-12-07T17:30:00Z", DRAFTS_T_KNOWN);
}

/// Batch T's known misses with the shipped rules (see `drafts_t/README.md`).
const DRAFTS_T_KNOWN: &[&str] = &[];

/// Batch U (40 drafts by a session 12 helper who read neither the rules nor any other
/// batch, ten new personas; weighted to severity-a-criteria with a failure's scope stated
/// for a past or not-live outage, and multiple-problems; see `drafts_u/README.md`). First
/// sight on main before session 12's round: 21/30 phrasing findings, 0 of 10 clean drafts
/// flagged; 24/30, 0 flagged after that round (the scope veto with a failure now, an undo
/// that did not help). What the shipped rules get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_u() {
    // Written on 7 December 2026, about 19:55 UTC.
    assert_batch_at("drafts_u", "2026-12-07T20:00:00Z", DRAFTS_U_KNOWN);
}

/// Batch U's known misses with the shipped rules.
const DRAFTS_U_KNOWN: &[&str] = &[
    "1322-aks-node-notready-plus-keyvault-purge.azsr.md missed multiple-problems",
    "1331-pg-route-planner-slow-and-blob-cost.azsr.md missed multiple-problems",
];

/// Batch W (40 drafts by a session 13 helper who read neither the rules nor any other
/// batch, ten new personas; weighted to severity-a-criteria in Japanese (a recovered
/// outage told with its scope, non-production environments named in the writer's own
/// words, a fix already known) and multiple-problems in English; see
/// `drafts_w/README.md`). First sight on bd93522, before session 13's round: 27/32 phrasing
/// findings (severity-a ja 9/12, multiple-problems en 3/5), 2 of 8 clean drafts flagged
/// (an undo that did not help read as recovered; "our team will add support for" read as
/// a wish), 2 extra findings on faulty drafts; 28/32, the same false alarms, after
/// session 13's round (a past state is over, a non-production role); 28/32, 0 of 8 clean
/// drafts flagged after the lead's fix of those two classes (an outcome told as absent,
/// "without effect"; the customer as the one who will add support).
/// What the shipped rules get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_w() {
    // Written on 7 December 2026, about 23:25 UTC.
    assert_batch_at("drafts_w", "2026-12-07T23:30:00Z", DRAFTS_W_KNOWN);
}

/// Batch W's known misses with the shipped rules.
const DRAFTS_W_KNOWN: &[&str] = &[
    "1505-iothub-hinshitsu-kakunin-devices.azsr.md missed severity-a-criteria",
    "1511-backup-all-vms-failed-weekend.azsr.md missed severity-a-criteria",
    "1511-backup-all-vms-failed-weekend.azsr.md unexpected multiple-problems",
    "1522-webapp-coldstart-keyvault-refs.azsr.md missed multiple-problems",
    "1525-aks-upgrade-stuck-plus-dns.azsr.md missed multiple-problems",
    "1528-msp-bump-open-case-top-priority.azsr.md unexpected severity-a-criteria",
];

/// Batch S (40 drafts by a session 11 helper who read neither the rules nor any other
/// batch, new personas; weighted to severity-a-criteria in Japanese and multiple-problems;
/// see `drafts_s/README.md`). First sight on main before session 11's round: 21/30
/// phrasing findings, 2 of 10 clean drafts flagged; the same after that round (it was the
/// round's check of carry-over); after session 12's round 29/30, 1 of 10 clean drafts
/// flagged (tuned on). What the shipped rules get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_s() {
    // Written on 7 December 2026, about 17:00 UTC.
    assert_batch_at("drafts_s", "2026-12-07T17:30:00Z", DRAFTS_S_KNOWN);
}

/// Batch S's known misses with the shipped rules.
const DRAFTS_S_KNOWN: &[&str] = &[
    "1135-container-apps-scale-rule-schedule.azsr.md missed feature-request",
    "1133-spoke-vnet-nat-outbound-ip-changes.azsr.md unexpected cross-subscription-mention",
];

/// Batch V (20 drafts by the session 12 tuner, written after the round and measured on
/// the commits before and after it, stressing the neighbours of the classes changed:
/// a scope told of the past, of a recovery or of a system not live; NOT_USED in other
/// words; an undo that did not help said in the next sentence; a write-up as a document
/// or as a cause asked; another resource failing after an opener, a service in lower-case
/// words, 件 as a counter; and their hard negatives; see `drafts_v/README.md`). What the
/// shipped rules still get wrong on it is listed here.
#[test]
fn phrasing_rules_on_drafts_v() {
    // Written on 7 December 2026 (about 20:10 UTC; the front matter is batch T's).
    assert_batch_at("drafts_v", "2026-12-07T17:30:00Z", DRAFTS_V_KNOWN);
}

/// Batch V's known misses with the shipped rules.
const DRAFTS_V_KNOWN: &[&str] = &[];

/// Batch X (16 drafts by the session 13 tuner, written after the severity-a-criteria
/// changes and before the multiple-problems one, to test the neighbours of each class
/// changed rather than batch U's sentences: a failure told as over by its aspect, a
/// non-production environment by its role or its name, a paragraph about another
/// service failing, and their hard negatives (a partial recovery, production down with
/// staging too, numbered questions about one resource, another service as context or as
/// the problem's effect); see `drafts_x/README.md`).
#[test]
fn phrasing_rules_on_drafts_x() {
    // Written on 7 December 2026 (about 23:30 UTC; the front matter is batch T's and U's).
    assert_batch_at("drafts_x", "2026-12-07T23:30:00Z", DRAFTS_X_KNOWN);
}

/// Batch X's known misses with the shipped rules.
const DRAFTS_X_KNOWN: &[&str] = &[
    // Items of a numbered list, each naming another resource.
    "1613-numbered-items-different-resources.azsr.md missed multiple-problems",
];
