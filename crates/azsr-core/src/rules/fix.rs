//! Quick fixes several rules offer, with their titles in both languages.

use std::ops::Range;

use crate::diagnostic::{Fix, TextEdit};
use crate::frontmatter::edit::yaml_string;
use crate::frontmatter::YamlEntry;
use crate::messages::Msg;

/// A fix of one edit: `new_text` over `range`.
pub(crate) fn edit(title: Msg, range: Range<usize>, new_text: impl Into<String>) -> Fix {
    Fix {
        title,
        edits: vec![TextEdit {
            range,
            new_text: new_text.into(),
        }],
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
