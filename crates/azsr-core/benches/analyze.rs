//! Parse + every rule on realistic requests, next to a bare tree-sitter-md block parse
//! (the floor). Run: `cargo bench -p azsr-core --bench analyze`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use azsr_core::{analyze, Catalog, Config, Env, Source};

const CLEAN_JA: &str = include_str!("../../../examples/vm-rdp.ja.azsr.md");
const CLEAN_EN: &str = include_str!("../../../examples/aks-upgrade.en.azsr.md");

/// A request of about `lines` lines: the clean Japanese example with its problem
/// section extended by realistic prose, list items and a log excerpt.
pub fn request_of_lines(lines: usize) -> String {
    let mut text = CLEAN_JA.to_string();
    let mut i = 0;
    while text.lines().count() < lines {
        i += 1;
        text.push_str(&format!(
            "\n### 追加の調査 {i}\n{i} 回目の確認では、vm-web-01 のイベント ログに TermService の停止が記録されていました。\n- 確認時刻: 2026-11-20T14:{:02}:00+09:00\n- 結果: RDP のポート 3389 は LISTEN していません\n\n```text\n2026-11-20 14:{:02}:12 Service Control Manager 7036 The Remote Desktop Services service entered the stopped state.\n```\n",
            i % 60,
            i % 60
        ));
    }
    text
}

fn bench_analyze(c: &mut Criterion) {
    let catalog = Catalog::bundled();
    let config = Config::default();
    let env = Env::now();
    let mut group = c.benchmark_group("analyze");
    let req200 = request_of_lines(200);
    let req1mb = {
        let mut t = request_of_lines(200);
        t.push_str("\n## ログ\n```text\n");
        while t.len() < 1_000_000 {
            t.push_str("2026-11-20T05:12:44.123Z INFO  [worker-3] request_id=7d1c2f3a-55e1-4f0e-9a2b-1c3d4e5f6a7b path=/api/orders status=200 duration_ms=41\n");
        }
        t.push_str("```\n");
        t
    };
    for (name, text) in [
        ("en_clean", CLEAN_EN.to_string()),
        ("ja_200_lines", req200),
        ("1mb_log", req1mb),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("parse_and_rules", name),
            &text,
            |b, text| {
                b.iter(|| {
                    let source = Source::new(text.as_str());
                    analyze(&source, &config, &catalog, &env)
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("bare_block_parse", name),
            &text,
            |b, text| {
                let mut parser = tree_sitter::Parser::new();
                parser
                    .set_language(&tree_sitter_md::LANGUAGE.into())
                    .unwrap();
                b.iter(|| parser.parse(text.as_str(), None))
            },
        );
    }
    group.finish();

    // A front matter of 20,000 keys in one mapping: the duplicate-key check and the
    // rules over the form stay linear (each key compared with all earlier ones took
    // 51 s for 100,000 keys).
    let keys = {
        let mut t = String::from("---\nsummary: x\nnotes:\n");
        for i in 0..20_000 {
            t.push_str(&format!("  key_{i:06}: v\n"));
        }
        t.push_str("---\n# Title\n");
        t
    };
    let mut group = c.benchmark_group("front_matter");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(keys.len() as u64));
    group.bench_function("20000_keys", |b| {
        b.iter(|| {
            let source = Source::new(keys.as_str());
            analyze(&source, &config, &catalog, &env)
        })
    });
    group.finish();

    // One keystroke in a 200-line request: incremental edit + re-parse, then analysis.
    let mut doc = azsr_core::Document::new(&request_of_lines(200));
    let at = doc.text().find("## 頻度").unwrap();
    c.bench_function("keystroke_200_lines", |b| {
        b.iter(|| {
            doc.edit(at..at, "x").unwrap();
            doc.edit(at..at + 1, "").unwrap();
            let source = doc.snapshot();
            analyze(&source, &config, &catalog, &env)
        })
    });
}

criterion_group!(benches, bench_analyze);
criterion_main!(benches);
