//! Text from a file name or a document made safe to print: no character of it may end
//! the printed line (GitHub Actions runs a line that starts with `::` as a workflow
//! command) or drive the terminal. The one place each output format escapes with.

use std::borrow::Cow;

/// Characters that end a line or act on a terminal: the C0 controls, DEL, the C1
/// controls (NEL among them) and the Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// Pushes `c` as the human format shows an unsafe character: `\n`, `\r`, `\t`, else
/// `\u{…}` (`\u{1b}` for ESC).
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// `s` with every unsafe character escaped ([`push_escaped`]): for paths and messages in
/// the human format.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.contains(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A GitHub workflow command's message: `%`, CR and LF as the runner decodes them
/// (`%25`, `%0D`, `%0A`), every other unsafe character percent-encoded (shown as is).
pub fn command_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '%' || is_unsafe(c) {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A workflow command's property value: as [`command_data`], and `:` and `,`.
pub fn command_property(s: &str) -> String {
    command_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands() {
        assert_eq!(command_data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
        assert_eq!(command_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(command_data("x\u{1b}[2Jy\u{2028}"), "x%1B[2Jy%E2%80%A8");
    }

    #[test]
    fn nothing_unsafe_stays_in_a_human_line() {
        let name = "x\n::error file=evil.azsr.md,line=1::injected\r\u{1b}[31m\u{85}\u{2028}\u{2029}\t.azsr.md";
        let shown = visible(name);
        assert!(!shown.contains(is_unsafe), "{shown}");
        assert_eq!(
            shown,
            "x\\n::error file=evil.azsr.md,line=1::injected\\r\\u{1b}[31m\\u{85}\\u{2028}\\u{2029}\\t.azsr.md"
        );
        assert!(matches!(visible("dir/a b.azsr.md"), Cow::Borrowed(_)));
    }
}
