//! (2) Arbitrary edit sequences: after every edit the incrementally parsed document
//! analyses exactly as a fresh parse of the same text (what the editor shows equals
//! `--check`).
#![no_main]

use azsr_core::{analyze, Catalog, Config, Document, Env, Source};
use libfuzzer_sys::fuzz_target;

/// Pieces edits insert: the constructs whose error recovery differs (issue 17).
const PIECES: &[&str] = &[
    "a", " ", "\n", "\r\n", "\r", "---", "```", "`", "#", "## ", "- ", "  ", "1. ", "> ",
    "* ", "日本語", "エラー", "😀", "|", "~~~", "\t", "[", "]: ", "\"", ":", "key: v\n",
];

fuzz_target!(|data: &[u8]| {
    let (config, catalog, env) = (Config::default(), Catalog::bundled(), Env::now());
    let mut doc = Document::new("");
    for op in data.chunks(4).take(32) {
        let text = doc.text();
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let at = |b: u8| bounds[b as usize % bounds.len()];
        let (x, y) = (at(op[0]), at(*op.get(1).unwrap_or(&0)));
        let count = *op.get(3).unwrap_or(&1) as usize % 4;
        let insert: String = (0..count)
            .map(|i| PIECES[(op.get(2).copied().unwrap_or(0) as usize + i * 7) % PIECES.len()])
            .collect();
        let range = x.min(y)..x.max(y);
        doc.edit(range.clone(), &insert).unwrap();
        let mut expected = text;
        expected.replace_range(range, &insert);
        assert_eq!(doc.text(), expected);
        let incremental = analyze(&doc.snapshot(), &config, &catalog, &env);
        let fresh = analyze(&Source::new(expected.as_str()), &config, &catalog, &env);
        assert_eq!(incremental.diagnostics, fresh.diagnostics);
    }
});
