//! Support plans as data: which severities each plan offers and the first-response
//! targets for each.
//!
//! Sources (reviewed 2026-11-24 against the pages the search index holds):
//! - the seed (`shared/seed/`, Azure technical support team's guide, 2023-11-27):
//!   Standard first response A ≤ 1 h, B ≤ 4 h, C ≤ 8 h; only A is worked 24x7, the others
//!   in business hours; A is handled by phone only; B with 24x7 is English only;
//!   billing, subscription management and quota requests are free, technical ones need a
//!   paid plan.
//! - "Support scope and responsiveness"
//!   (<https://azure.microsoft.com/en-gb/support/plans/response/>, the version that links
//!   the Unified response times from its intro): Severity A — Developer N/A, Standard
//!   < 1 hr, ProDirect < 1 hr, Premier < 1 hr, 24x7 access; "Azure Rapid Response"
//!   < 15 min is an add-on, not a plan, and is not modelled. Older captures of the same
//!   page (en-gb, cs-cz, da-dk) give Standard A as < 2 hr, as did the 2015 table below;
//!   the seed and the newer page agree on < 1 hr, which is what we keep. The same page
//!   says billing and subscription management support is available on all plans.
//! - The B and C rows of that page were not in the stored excerpts; the figures below
//!   (Developer C 8 business hours; Professional Direct and Premier A 1 h, B 2 h, C 4 h)
//!   match the Japanese support team's plan table
//!   (<https://blogs.msdn.microsoft.com/dsazurejp/2013/12/13/windows-azure-4/>, figures
//!   as of 2015-09: Developer C 8 h; ProDirect and Premier A 1 h, B 2 h, C 4 h; all but A
//!   in business hours).
//! - Azure support FAQ (<https://azure.microsoft.com/ja-jp/support/faq/>): 24x7 support
//!   in English for severities A and B, in Japanese for A only; other languages in local
//!   business hours; Developer support is at severity C only.
//! - Severity 1 ("Emergency - Severe impact", API `highestcriticalimpact`) is reserved
//!   for Premier/Unified customers (Azure SDK docs of `SupportSeverityLevel`:
//!   "reserved only for our Premium customers"). No public page gives its response time,
//!   and Unified's own response table is behind a link from the response page: those
//!   figures are `None` and shown as a link to [`RESPONSE_URL`], never guessed.

use crate::fields::{Plan, Severity};

/// The public page that lists response targets per plan.
pub const RESPONSE_URL: &str = "https://azure.microsoft.com/support/plans/response/";

/// The plan's name as Azure's pages write it.
pub fn display_name(plan: Plan) -> &'static str {
    match plan {
        Plan::Basic => "Basic",
        Plan::Developer => "Developer",
        Plan::Standard => "Standard",
        Plan::ProfessionalDirect => "Professional Direct",
        Plan::Unified => "Unified",
        Plan::Premier => "Premier",
    }
}

/// The severities `plan` offers, as a list for messages (`A, B, C`), or "none".
pub fn severities_text(plan: Plan) -> String {
    let list: Vec<&str> = severities(plan).into_iter().map(Severity::label).collect();
    if list.is_empty() {
        "none".to_string()
    } else {
        list.join(", ")
    }
}

/// A first-response target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// Hours to first response; `None` when no public source gives the figure.
    pub hours: Option<f32>,
    /// Worked around the clock (24x7) rather than in business hours. Severity B is
    /// worked in business hours unless `response_24x7` asks otherwise (English only).
    pub around_the_clock: bool,
}

/// True when `plan` offers `severity` for technical requests.
pub fn offers(plan: Plan, severity: Severity) -> bool {
    match plan {
        Plan::Basic => false,
        Plan::Developer => severity == Severity::C,
        Plan::Standard | Plan::ProfessionalDirect => severity != Severity::One,
        Plan::Unified | Plan::Premier => true,
    }
}

/// Severities `plan` offers, most severe first.
pub fn severities(plan: Plan) -> Vec<Severity> {
    [Severity::One, Severity::A, Severity::B, Severity::C]
        .into_iter()
        .filter(|s| offers(plan, *s))
        .collect()
}

/// The highest severity at or below `wanted` that `plan` offers.
pub fn highest_allowed(plan: Plan, wanted: Severity) -> Option<Severity> {
    severities(plan).into_iter().find(|s| *s >= wanted)
}

/// The first-response target of `severity` on `plan`, when the plan offers it.
pub fn first_response(plan: Plan, severity: Severity) -> Option<Target> {
    if !offers(plan, severity) {
        return None;
    }
    let around_the_clock = severity.is_critical();
    let hours = match (plan, severity) {
        (Plan::Developer, Severity::C) => Some(8.0),
        (Plan::Standard, Severity::A) => Some(1.0),
        (Plan::Standard, Severity::B) => Some(4.0),
        (Plan::Standard, Severity::C) => Some(8.0),
        (Plan::ProfessionalDirect | Plan::Premier, Severity::A) => Some(1.0),
        (Plan::ProfessionalDirect | Plan::Premier, Severity::B) => Some(2.0),
        (Plan::ProfessionalDirect | Plan::Premier, Severity::C) => Some(4.0),
        _ => None,
    };
    Some(Target {
        hours,
        around_the_clock,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_figures_for_standard() {
        assert_eq!(
            first_response(Plan::Standard, Severity::A).unwrap().hours,
            Some(1.0)
        );
        assert_eq!(
            first_response(Plan::Standard, Severity::B).unwrap().hours,
            Some(4.0)
        );
        assert_eq!(
            first_response(Plan::Standard, Severity::C).unwrap().hours,
            Some(8.0)
        );
        assert!(
            first_response(Plan::Standard, Severity::A)
                .unwrap()
                .around_the_clock
        );
        assert!(
            !first_response(Plan::Standard, Severity::B)
                .unwrap()
                .around_the_clock
        );
    }

    #[test]
    fn names_and_lists_for_messages() {
        assert_eq!(
            display_name(Plan::ProfessionalDirect),
            "Professional Direct"
        );
        assert_eq!(severities_text(Plan::Standard), "A, B, C");
        assert_eq!(severities_text(Plan::Premier), "1, A, B, C");
        assert_eq!(severities_text(Plan::Basic), "none");
        // no public figure for severity 1 or for Unified: never guessed
        assert_eq!(
            first_response(Plan::Premier, Severity::One).unwrap().hours,
            None
        );
        for s in [Severity::One, Severity::A, Severity::B, Severity::C] {
            assert_eq!(first_response(Plan::Unified, s).unwrap().hours, None);
            assert!(first_response(Plan::Basic, s).is_none());
        }
        assert_eq!(
            first_response(Plan::Developer, Severity::C).unwrap().hours,
            Some(8.0)
        );
        assert!(first_response(Plan::Developer, Severity::B).is_none());
    }

    #[test]
    fn plan_offers() {
        assert_eq!(severities(Plan::Developer), vec![Severity::C]);
        assert!(!offers(Plan::Standard, Severity::One));
        assert!(offers(Plan::Unified, Severity::One));
        assert_eq!(
            highest_allowed(Plan::Developer, Severity::A),
            Some(Severity::C)
        );
        assert_eq!(
            highest_allowed(Plan::Standard, Severity::One),
            Some(Severity::A)
        );
        assert_eq!(
            first_response(Plan::Unified, Severity::A).unwrap().hours,
            None
        );
        assert!(severities(Plan::Basic).is_empty());
    }
}
