use crate::form::list_items;
use crate::{msg, Context, Diagnostic, Msg};

declare_rule! {
    /// ## What it checks
    ///
    /// The limits of the portal's file upload, for each entry of `attachments`:
    /// more than one file listed (the finding sits on the `attachments` key: the portal
    /// takes one file per upload, so zip several into one), a file over 4 MB, a blocked
    /// extension (`.bat .cmd .exe .ps1 .js .vbs .com .lnk .reg .bin .cpl .inf .ins .isu
    /// .job .jse .msi .msp .paf .pif .rgs .scr .sct .vbe .vb .ws .wsf .wsh`), or a file
    /// name over 110 characters. One finding per offending entry lists what is wrong with
    /// it. File sizes are checked only when the file's location is known.
    ///
    /// ## Why
    ///
    /// Logs, screenshots and the hearing sheet help support only if they arrive. The
    /// upload refuses executable and script types, large files and very long names, and a
    /// refused file is easy to miss when filing; knowing it before filing leaves time to
    /// zip, split or rename it.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// attachments:
    ///   - collect-logs.ps1
    ///   - screenshot.png
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// attachments:
    ///   - logs-and-screenshots.zip
    /// ---
    /// ```
    "attachment-limits", Warning, check
}

const MAX_BYTES: u64 = 4 * 1024 * 1024;
const MAX_NAME: usize = 110;
const BLOCKED: &[&str] = &[
    "bat", "cmd", "exe", "ps1", "js", "vbs", "com", "lnk", "reg", "bin", "cpl", "inf", "ins",
    "isu", "job", "jse", "msi", "msp", "paf", "pif", "rgs", "scr", "sct", "vbe", "vb", "ws",
    "wsf", "wsh",
];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(e) = ctx.form().and_then(|f| f.get("attachments")) else { return };
    let items: Vec<_> = list_items(&e.value)
        .into_iter()
        .filter_map(|n| n.text().map(|s| (n, s.trim())))
        .collect();
    if items.len() > 1 {
        let n = items.len();
        out.push(RULE.diag(
            e.key.span.clone(),
            msg!(
                "{n} files are listed, but the portal takes one file: put them into one zip archive.",
                "{n} 個のファイルが指定されていますが、ポータルでは 1 ファイルのみ添付できます。1 つの zip ファイルにまとめてください。"
            ),
        ));
    }
    for (node, path) in items {
        let mut reasons: Vec<Msg> = Vec::new();
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        if let Some((_, ext)) = name.rsplit_once('.') {
            let ext = ext.to_ascii_lowercase();
            if BLOCKED.contains(&ext.as_str()) {
                reasons.push(msg!(
                    "the extension .{ext} is blocked (put the file into a zip archive)",
                    "拡張子 .{ext} のファイルはアップロードできません。zip ファイルにまとめてください"
                ));
            }
        }
        let len = name.chars().count();
        if len > MAX_NAME {
            reasons.push(msg!(
                "the file name is {len} characters long (at most {MAX_NAME})",
                "ファイル名が {len} 文字あります。最大 {MAX_NAME} 文字です"
            ));
        }
        if let Some(size) = ctx.env.files.and_then(|f| f.file_size(path)) {
            if size > MAX_BYTES {
                let mb = format!("{:.1}", size as f64 / (1024.0 * 1024.0));
                reasons.push(msg!(
                    "the file is {mb} MB (at most 4 MB: compress or split it)",
                    "ファイル サイズが {mb} MB あります。最大 4 MB のため、圧縮または分割してください"
                ));
            }
        }
        if reasons.is_empty() {
            continue;
        }
        let en = reasons.iter().map(|r| r.en.as_str()).collect::<Vec<_>>().join("; ");
        let ja = reasons.iter().map(|r| r.ja.as_str()).collect::<Vec<_>>().join("。");
        out.push(RULE.diag(
            node.content_span(ctx.text),
            msg!("This attachment cannot be uploaded: {en}.", "この添付ファイルはアップロードできません。{ja}。"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Files;
    use crate::testing::{assert_spans, check, check_with, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_on_several_files_on_the_key() {
        let d = assert_spans(&RULE, "---\n«attachments»:\n  - logs.zip\n  - screen.png\n---\n");
        assert!(d[0].message.en.contains("2 files") && d[0].message.ja.contains("zip"));
    }

    #[test]
    fn fires_per_entry() {
        assert_spans(&RULE, "---\n«attachments»:\n  - «collect-logs.PS1»\n  - «tools/setup.msi»\n---\n");
        let long = format!("{}.log", "あ".repeat(107));
        assert_spans(&RULE, &format!("---\nattachments:\n  - «logs/{long}»\n---\n"));
        assert!(check(&RULE, &format!("---\nattachments:\n  - logs/{}.log\n---\n", "a".repeat(106))).is_empty());
        let probe = Files(vec![("big.zip", 5 * 1024 * 1024), ("small.zip", 4 * 1024 * 1024)]);
        let d = check_with(&RULE, "---\nattachments: big.zip\n---\n", &crate::Config::default(), Some(&probe));
        assert_eq!(d.len(), 1);
        assert!(d[0].message.en.contains("5.0 MB"));
        let d = check_with(&RULE, "---\nattachments:\n  - small.zip\n---\n", &crate::Config::default(), Some(&probe));
        assert!(d.is_empty());
        // one finding per entry, whatever it combines
        let d = check(&RULE, &format!("---\nattachments: \"{}.exe\"\n---\n", "b".repeat(120)));
        assert_eq!(d.len(), 1);
        assert!(d[0].message.ja.contains(".exe") && d[0].message.ja.contains("文字"));
    }

    #[test]
    fn passes_on_one_allowed_file() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        for v in ["logs.zip", "\"- [ ] notes.txt\"", "[screen.png]", "{a: b}", "", "script.js.txt", "Makefile"] {
            let text = format!("---\nattachments: {v}\n---\n");
            assert!(check(&RULE, &text).is_empty(), "{text}");
        }
    }
}
