//! The request form: the front matter's fields, read one way by every rule.
//!
//! A field is read through [`Form`], which exists only when the front matter is closed
//! and parsed to a mapping (otherwise `frontmatter-missing` and `frontmatter-syntax` own
//! the file). [`Form::get`] gives the entry as written; [`Form::str`] gives a scalar's
//! text when it holds a value, so a null or blank field reads as absent.

use crate::frontmatter::{FrontMatter, YamlEntry, YamlNode, YamlValue};
use crate::messages::Msg;

/// The parsed front matter's top-level mapping.
#[derive(Debug, Clone, Copy)]
pub struct Form<'a> {
    block: &'a FrontMatter,
    root: &'a YamlNode,
}

impl<'a> Form<'a> {
    /// The form of a front matter block, when it is closed and parsed to a mapping.
    pub fn of(block: &'a FrontMatter) -> Option<Form<'a>> {
        // The parser keeps a root only for a closed block that parsed to a mapping.
        let root = block.root.as_ref()?;
        Some(Form { block, root })
    }

    /// The block the form was read from (for edits that insert lines into it).
    pub fn block(self) -> &'a FrontMatter {
        self.block
    }

    /// Every top-level entry, in document order.
    pub fn entries(self) -> &'a [YamlEntry] {
        self.root.entries()
    }

    /// The first top-level entry whose key is `key`.
    pub fn get(self, key: &str) -> Option<&'a YamlEntry> {
        self.root.get(key)
    }

    /// The text of a top-level scalar field that holds a value (not null, not blank).
    pub fn str(self, key: &str) -> Option<&'a str> {
        self.get(key)?.value.text()
    }

    /// The `contact` mapping's entry for `key`.
    pub fn contact(self, key: &str) -> Option<&'a YamlEntry> {
        self.get("contact")?.value.get(key)
    }
}

/// The items of a value that should be a list; a single scalar counts as one item.
pub fn list_items(node: &YamlNode) -> Vec<&YamlNode> {
    match &node.value {
        YamlValue::Seq(items) => items.iter().collect(),
        YamlValue::Scalar { .. } if !node.is_empty() => vec![node],
        _ => Vec::new(),
    }
}

/// For a field that takes one value: a finding's message when `node` is a non-empty list
/// or mapping instead (empty ones are `required-field`'s).
pub fn not_single(key: &str, node: &YamlNode) -> Option<Msg> {
    if !matches!(node.value, YamlValue::Seq(_) | YamlValue::Map(_)) || node.is_empty() {
        return None;
    }
    let kind = kind_of(node);
    let (ken, kja) = (&kind.en, &kind.ja);
    Some(crate::msg!(
        "`{key}` takes a single value, not {ken}.",
        "`{key}` には単一の値を指定してください。{kja}は指定できません。"
    ))
}

/// What kind of YAML node this is, for messages.
pub fn kind_of(node: &YamlNode) -> Msg {
    match &node.value {
        YamlValue::Seq(_) => Msg::new("a list", "リスト"),
        YamlValue::Map(_) => Msg::new("a mapping", "マッピング"),
        YamlValue::Alias => Msg::new("an alias", "エイリアス"),
        YamlValue::Scalar { .. } => Msg::new("a single value", "単一の値"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::parse;

    #[test]
    fn a_form_exists_only_for_a_parsed_mapping() {
        assert!(Form::of(&parse("---\nseverity: B\n").unwrap()).is_none());
        assert!(Form::of(&parse("---\n[a\n---\n").unwrap()).is_none());
        assert!(Form::of(&parse("---\n- a\n---\n").unwrap()).is_none());
        assert!(Form::of(&parse("---\n---\n").unwrap()).is_some());
    }

    #[test]
    fn null_and_blank_fields_read_as_absent() {
        let fm =
            parse("---\na: ~\nb: \"  \"\nc: ' x '\nd: [x]\ne:\ncontact:\n  email: m@x.jp\n---\n")
                .unwrap();
        let form = Form::of(&fm).unwrap();
        for key in ["a", "b", "d", "e", "zz"] {
            assert_eq!(form.str(key), None, "{key}");
        }
        assert!(form.get("a").is_some() && form.get("e").is_some());
        assert_eq!(form.str("c"), Some(" x "));
        assert_eq!(
            form.contact("email").and_then(|e| e.value.text()),
            Some("m@x.jp")
        );
        assert_eq!(form.entries().len(), 6);
    }
}
