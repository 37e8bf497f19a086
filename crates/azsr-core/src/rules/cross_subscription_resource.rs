use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// (to be written)
    "cross-subscription-resource", Error, check
}

fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
