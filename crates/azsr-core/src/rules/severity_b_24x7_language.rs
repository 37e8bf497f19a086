use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// (to be written)
    "severity-b-24x7-language", Error, check
}

fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
