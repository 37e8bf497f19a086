//! `--check --format json` throughput over a generated corpus of a few thousand requests,
//! next to a bare tree-sitter-md block parse of the same files on the same cores (the
//! floor). Run: `cargo bench -p azsr-lsp --bench check_throughput`.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;

const FILES: usize = 3000;

fn examples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut out = Vec::new();
    for sub in [dir.clone(), dir.join("faulty")] {
        for entry in std::fs::read_dir(sub).unwrap() {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(".azsr.md") {
                out.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    out.sort();
    out
}

/// Writes `FILES` requests (the examples, each varied by a numbered paragraph) into a
/// fresh folder and returns it with the total size in bytes.
fn corpus() -> (tempfile::TempDir, Vec<PathBuf>, u64) {
    let dir = tempfile::tempdir().unwrap();
    let examples = examples();
    let mut paths = Vec::new();
    let mut bytes = 0u64;
    for i in 0..FILES {
        let sub = dir.path().join(format!("team{:02}", i % 40));
        std::fs::create_dir_all(&sub).unwrap();
        let mut text = examples[i % examples.len()].clone();
        text.push_str(&format!(
            "\n補足 {i}: 同じ事象が vm-web-{i:04} でも発生しています。We see the same on node {i}.\n"
        ));
        let path = sub.join(format!("request-{i:05}.azsr.md"));
        bytes += text.len() as u64;
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    (dir, paths, bytes)
}

fn bench(c: &mut Criterion) {
    let (dir, paths, bytes) = corpus();
    let bin = env!("CARGO_BIN_EXE_azsr-lsp");
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("check_json", |b| {
        b.iter(|| {
            let out = Command::new(bin)
                .args(["--check", "--format", "json"])
                .arg(dir.path())
                .output()
                .unwrap();
            assert!(
                out.status.code().is_some_and(|c| c <= 1),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout.len()
        })
    });
    group.bench_function("bare_block_parse", |b| b.iter(|| bare_parse(&paths)));
    // The same floor with tree-sitter on mimalloc, as `--check` runs it: the ratio
    // against this one credits nothing to the allocator. Nothing of tree-sitter is
    // alive between benchmark functions, so switching allocators here is sound.
    unsafe { set_mimalloc(true) };
    group.bench_function("bare_block_parse_mimalloc", |b| {
        b.iter(|| bare_parse(&paths))
    });
    unsafe { set_mimalloc(false) };
    group.finish();
}

/// # Safety
/// No tree-sitter object may be alive.
unsafe fn set_mimalloc(on: bool) {
    let allocator = on.then_some(tree_sitter::Allocator {
        malloc: libmimalloc_sys::mi_malloc,
        calloc: libmimalloc_sys::mi_calloc,
        realloc: libmimalloc_sys::mi_realloc,
        free: libmimalloc_sys::mi_free,
    });
    unsafe { tree_sitter::set_allocator(allocator) };
}

/// A bare tree-sitter-md block parse of every file, on all cores.
fn bare_parse(paths: &[PathBuf]) -> usize {
    paths
        .par_iter()
        .map_init(
            || {
                let mut p = tree_sitter::Parser::new();
                p.set_language(&tree_sitter_md::LANGUAGE.into()).unwrap();
                p
            },
            |parser, path| {
                let text = std::fs::read(path).unwrap();
                parser.parse(&text, None).unwrap().root_node().child_count() as usize
            },
        )
        .sum::<usize>()
}

criterion_group!(benches, bench);
criterion_main!(benches);
