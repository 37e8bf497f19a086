//! (4) The message reader with arbitrary byte streams: it never panics nor hangs, and
//! everything it forwards is a well-formed frame.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let forwarded = azsr_lsp::server::read_frames_for_fuzzing(data);
    let mut rest = forwarded.as_slice();
    while !rest.is_empty() {
        let text = String::from_utf8_lossy(rest);
        let header = text.strip_prefix("Content-Length: ").expect("a header first");
        let end = header.find("\r\n\r\n").expect("a blank line");
        let len: usize = header[..end].parse().expect("a length");
        let start = "Content-Length: ".len() + end + 4;
        let body = &rest[start..start + len];
        assert!(std::str::from_utf8(body).is_ok(), "forwarded bodies are UTF-8");
        rest = &rest[start + len..];
    }
});
