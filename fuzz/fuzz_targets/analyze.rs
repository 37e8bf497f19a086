//! (1) Full analysis of arbitrary bytes; every fix applied back must stay in range, on
//! character boundaries, and give a text that analyses again without panicking.
#![no_main]

use azsr_core::{analyze, Catalog, Config, Env, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (config, catalog, env) = (Config::default(), Catalog::bundled(), Env::now());
    let source = Source::new(text);
    let analysis = analyze(&source, &config, &catalog, &env);
    for d in &analysis.diagnostics {
        assert!(d.range.start <= d.range.end && d.range.end <= text.len());
        assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
        for fix in &d.fixes {
            let mut edits = fix.edits.clone();
            edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
            let mut fixed = text.to_string();
            let mut last_start = usize::MAX;
            for e in &edits {
                assert!(e.range.start <= e.range.end && e.range.end <= text.len());
                assert!(e.range.end <= last_start, "overlapping edits in one fix");
                assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
                fixed.replace_range(e.range.clone(), &e.new_text);
                last_start = e.range.start;
            }
            let _ = analyze(&Source::new(fixed), &config, &catalog, &env);
        }
    }
});
