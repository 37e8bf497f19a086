use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// (to be written)
    "response-24x7-scope", Warning, check
}

fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
