//! What to tell about a file that is not UTF-8: the encodings a Japanese user's files
//! are usually in instead (Shift_JIS from older editors and Excel, UTF-16 from Notepad
//! and PowerShell), named, with what to do about it.

use azsr_core::{msg, Msg};

/// Why `bytes` (not valid UTF-8 from byte `valid_up_to` on) cannot be checked.
pub fn not_utf8(bytes: &[u8], valid_up_to: usize) -> Msg {
    let bom = match bytes {
        [0xFF, 0xFE, ..] => Some("UTF-16 LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16 BE"),
        _ => None,
    };
    if let Some(name) = bom {
        return msg!(
            "not UTF-8 but {name} (by its byte order mark): re-save it as UTF-8",
            "バイト オーダー マークによると、UTF-8 ではなく {name} のファイルです。UTF-8 で保存し直してください。"
        );
    }
    if is_shift_jis(bytes) {
        return msg!(
            "not UTF-8 but apparently Shift_JIS (invalid byte at offset {valid_up_to}): re-save it as UTF-8",
            "UTF-8 ではなく Shift_JIS のファイルのようです（位置 {valid_up_to} のバイト）。UTF-8 で保存し直してください。"
        );
    }
    msg!(
        "not UTF-8 (invalid byte at offset {valid_up_to}): re-save it as UTF-8",
        "UTF-8 ではありません（位置 {valid_up_to} に不正なバイト）。UTF-8 で保存し直してください。"
    )
}

/// Whether `bytes` read as Shift_JIS (CP932) throughout and hold at least one
/// two-byte character: a lead byte 0x81–0x9F or 0xE0–0xFC followed by a trail byte
/// 0x40–0x7E or 0x80–0xFC.
fn is_shift_jis(bytes: &[u8]) -> bool {
    let mut double = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x00..=0x7F | 0xA1..=0xDF => i += 1,
            0x81..=0x9F | 0xE0..=0xFC => {
                match bytes.get(i + 1) {
                    Some(0x40..=0x7E | 0x80..=0xFC) => {}
                    _ => return false,
                }
                double = true;
                i += 2;
            }
            _ => return false,
        }
    }
    double
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_shift_jis_and_utf16_and_says_to_re_save() {
        // 「接続」 in Shift_JIS
        let sjis = b"---\nsummary: \x90\xda\x91\xb1\n---\n";
        let m = not_utf8(sjis, 13);
        assert!(
            m.en.contains("Shift_JIS") && m.en.ends_with("re-save it as UTF-8"),
            "{m:?}"
        );
        assert!(m.ja.contains("Shift_JIS") && m.ja.ends_with("UTF-8 で保存し直してください。"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("---\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(not_utf8(&utf16, 0).en.contains("UTF-16 LE"));
        // Latin-1 is not taken for Shift_JIS
        let m = not_utf8(b"# caf\xe9\n", 5);
        assert_eq!(
            m.en,
            "not UTF-8 (invalid byte at offset 5): re-save it as UTF-8"
        );
    }
}
