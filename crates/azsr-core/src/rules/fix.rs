//! Quick fixes several rules offer, with their titles in both languages.

use std::ops::Range;

use crate::diagnostic::{Fix, TextEdit};
use crate::fields::{ContactMethod, Severity};
use crate::frontmatter::edit::yaml_string;
use crate::frontmatter::YamlEntry;
use crate::messages::Msg;
use crate::{plans, Context};

/// A fix of one edit: `new_text` over `range`.
pub(crate) fn edit(title: Msg, range: Range<usize>, new_text: impl Into<String>) -> Fix {
    Fix {
        title,
        edits: vec![TextEdit {
            range,
            new_text: new_text.into(),
        }],
        resolves: true,
    }
}

/// A skeleton for the person to complete (see [`Fix::resolves`]).
pub(crate) fn skeleton(title: Msg, edits: Vec<TextEdit>) -> Fix {
    Fix {
        title,
        edits,
        resolves: false,
    }
}

/// "Replace with `name`": the value at `range` becomes `name`, written as a YAML string
/// (a catalog name).
pub(crate) fn replace_with(range: Range<usize>, name: &str) -> Fix {
    edit(
        Msg::new(
            format!("Replace with `{name}`"),
            format!("`{name}` に置き換える"),
        ),
        range,
        yaml_string(name),
    )
}

/// The title "Set `key: value`".
pub(crate) fn set_title(key: &str, value: &str) -> Msg {
    Msg::new(
        format!("Set `{key}: {value}`"),
        format!("`{key}: {value}` にする"),
    )
}

/// "Set `key: value`": `entry`'s value becomes the plain word `value`.
pub(crate) fn set(entry: &YamlEntry, key: &str, value: &str) -> Fix {
    edit(set_title(key, value), entry.value.span.clone(), value)
}

/// The severity closest to `wanted` that is valid for the whole request, for a fix that
/// writes a severity: one the effective plan offers on a technical request (never `1`
/// where the plan is unknown or lacks it), and A or `1` only when the request already has
/// phone contact with a number (else a fix would bring in `severity-a-phone`'s error).
pub(crate) fn severity_for(ctx: &Context, wanted: Severity) -> Severity {
    let plan = ctx.plan().filter(|_| ctx.is_technical());
    let within_plan = |s: Severity| match plan {
        Some(plan) => plans::highest_allowed(plan, s).unwrap_or(s),
        None if s == Severity::One => Severity::A,
        None => s,
    };
    let s = within_plan(wanted);
    let form = ctx.form();
    let phone = form
        .and_then(|f| f.str("contact_method"))
        .and_then(ContactMethod::parse)
        == Some(ContactMethod::Phone)
        && form
            .and_then(|f| f.contact("phone"))
            .is_some_and(|e| !e.value.is_empty());
    if s.is_critical() && !phone {
        within_plan(Severity::B)
    } else {
        s
    }
}
