//! The texts of a program's output in which the leak tests look for a piece of a
//! secret: the output as printed, without its ANSI escapes (a colour code inside a
//! secret would hide it from a substring search), and the decoded strings of a JSON
//! document or of JSON lines (an escape such as `\/` or `\u…` could hide it too).
#![allow(dead_code)]

use serde_json::Value;

/// The output, the output without ANSI escapes, and the strings of its JSON values.
pub fn haystacks(output: &str) -> Vec<String> {
    let mut out = vec![output.to_string(), strip_ansi(output)];
    if let Ok(v) = serde_json::from_str::<Value>(output) {
        out.push(all_strings(&v));
    }
    for line in output.lines() {
        if let Ok(v) = serde_json::from_str::<Value>(line) {
            out.push(all_strings(&v));
        }
    }
    out
}

/// Removes ANSI escape sequences (CSI, and OSC up to BEL or ST).
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            } else if chars.peek() == Some(&']') {
                // OSC (hyperlinks): up to BEL or ST.
                while let Some(c) = chars.next() {
                    if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Every string and object key of a JSON value, one a line.
pub fn all_strings(v: &Value) -> String {
    fn walk(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(o) => o.iter().for_each(|(k, x)| {
                out.push_str(k);
                out.push('\n');
                walk(x, out)
            }),
            _ => {}
        }
    }
    let mut out = String::new();
    walk(v, &mut out);
    out
}
