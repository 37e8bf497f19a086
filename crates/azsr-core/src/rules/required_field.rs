use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// (to be written)
    "required-field", Error, check
}

fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
