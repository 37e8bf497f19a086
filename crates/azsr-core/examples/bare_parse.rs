//! The floor of `--check`: a bare tree-sitter-md block parse of every `*.azsr.md` file
//! under the given folder, on one thread (for instruction counts under callgrind):
//! `cargo run --release -p azsr-core --example bare_parse -- DIR`.
fn main() {
    let dir = std::env::args().nth(1).expect("usage: bare_parse DIR");
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&tree_sitter_md::LANGUAGE.into())
        .unwrap();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let (mut files, mut nodes) = (0, 0);
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".azsr.md") {
                let text = std::fs::read(&path).unwrap();
                let tree = parser.parse(&text, None).unwrap();
                nodes += tree.root_node().child_count();
                files += 1;
            }
        }
    }
    println!("{files} files, {nodes} top-level nodes");
}
