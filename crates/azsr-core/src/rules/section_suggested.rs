use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// (to be written)
    "section-suggested", Information, check
}

fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
