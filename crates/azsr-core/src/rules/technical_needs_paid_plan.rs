use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// (to be written)
    "technical-needs-paid-plan", Error, check
}

fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
