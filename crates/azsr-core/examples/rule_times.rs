//! Time spent per rule on one request: `cargo run --release -p azsr-core --example rule_times -- FILE`.
use azsr_core::*;

fn main() {
    let path = std::env::args().nth(1).expect("usage: rule_times FILE");
    let text = std::fs::read_to_string(path).unwrap();
    let source = Source::new(text.as_str());
    let config = Config::default();
    let catalog = Catalog::bundled();
    let env = Env::now();
    let ctx = Context {
        source: &source,
        text: &source.text,
        fm: source.frontmatter.as_ref(),
        body: &source.body,
        config: &config,
        catalog: &catalog,
        env: &env,
        lang: Lang::En,
    };
    let mut times = vec![];
    for rule in rules::ALL {
        let mut out = vec![];
        (rule.check)(&ctx, &mut out);
        let t = std::time::Instant::now();
        for _ in 0..50 {
            out.clear();
            (rule.check)(&ctx, &mut out);
        }
        times.push((t.elapsed().as_secs_f64() * 1e6 / 50.0, rule.name));
    }
    let t = std::time::Instant::now();
    for _ in 0..50 {
        let _ = Source::new(text.as_str());
    }
    times.push((t.elapsed().as_secs_f64() * 1e6 / 50.0, "Source::new"));
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&tree_sitter_md::LANGUAGE.into())
        .unwrap();
    let t = std::time::Instant::now();
    for _ in 0..50 {
        let _ = parser.parse(text.as_bytes(), None);
    }
    times.push((t.elapsed().as_secs_f64() * 1e6 / 50.0, "bare block parse"));
    let t = std::time::Instant::now();
    for _ in 0..50 {
        let s = Source::new(text.as_str());
        let _ = analyze(&s, &config, &catalog, &env);
    }
    times.push((
        t.elapsed().as_secs_f64() * 1e6 / 50.0,
        "Source::new + analyze",
    ));
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (us, name) in times.iter().take(12) {
        println!("{us:9.1} µs  {name}");
    }
}
