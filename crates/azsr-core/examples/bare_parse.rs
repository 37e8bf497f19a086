//! The floor of `--check`: a bare tree-sitter-md block parse of every `*.azsr.md` file
//! under a folder, on `THREADS` threads (default 1; 1 gives steady instruction counts
//! under callgrind): `cargo run --release -p azsr-core --example bare_parse -- DIR`.
fn main() {
    let dir = std::env::args().nth(1).expect("usage: bare_parse DIR");
    let threads: usize = std::env::var("THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(1);
    let mut paths = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".azsr.md") {
                paths.push(path);
            }
        }
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let nodes: usize = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                s.spawn(|| {
                    let mut parser = tree_sitter::Parser::new();
                    parser
                        .set_language(&tree_sitter_md::LANGUAGE.into())
                        .unwrap();
                    let mut nodes = 0usize;
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(path) = paths.get(i) else { break };
                        let text = std::fs::read(path).unwrap();
                        nodes +=
                            parser.parse(&text, None).unwrap().root_node().child_count() as usize;
                    }
                    nodes
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    println!("{} files, {nodes} top-level nodes", paths.len());
}
