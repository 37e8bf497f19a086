//! (3) The front matter alone: parsing never panics, and every span it reports lies in
//! the text on character boundaries.
#![no_main]

use azsr_core::frontmatter::{parse, YamlNode};
use libfuzzer_sys::fuzz_target;

fn spans_in(node: &YamlNode, text: &str) {
    assert!(node.span.end <= text.len() && node.span.start <= node.span.end);
    assert!(text.is_char_boundary(node.span.start) && text.is_char_boundary(node.span.end));
    for e in node.entries() {
        spans_in(&e.key, text);
        spans_in(&e.value, text);
    }
    for item in node.items() {
        spans_in(item, text);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let text = format!("---\n{body}\n---\n");
    if let Some(fm) = parse(&text) {
        assert!(fm.block.end <= text.len() && fm.yaml.end <= text.len());
        if let Some(root) = &fm.root {
            spans_in(root, &text);
        }
    }
});
