use crate::form::list_items;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That every file the request refers to exists, relative to the request's own file:
    /// each entry of `attachments`, and each local image or link destination in the body
    /// (`![screen](img/error.png)`, `[log](logs/app.log)`). URLs, `mailto:` and other
    /// scheme links, in-page anchors (`#goal`) and absolute paths are not checked. When
    /// the file's location is unknown (standard input without `--stdin-filename`) the
    /// rule is silent.
    ///
    /// ## Why
    ///
    /// Screenshots, log files and the filled-in hearing sheet spare support a round of
    /// questions; support asks for the full log rather than an excerpt. A path that points
    /// nowhere means the file is not uploaded with the request, and the description then
    /// refers to evidence the engineer never receives.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// attachments:
    ///   - logs/does-not-exist.zip
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// With `logs/rdp-failure.zip` next to the request:
    ///
    /// ```markdown files=logs/rdp-failure.zip
    /// ---
    /// attachments:
    ///   - logs/rdp-failure.zip
    /// ---
    /// ```
    "attachment-missing", Warning, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(files) = ctx.env.files else { return };
    if let Some(e) = ctx.form().and_then(|f| f.get("attachments")) {
        for item in list_items(&e.value) {
            let Some(path) = item.text() else { continue };
            let path = path.trim();
            if files.file_size(path).is_none() {
                out.push(RULE.diag(item.content_span(ctx.text), message(path)));
            }
        }
    }
    for (range, image) in &ctx.body.links {
        let Some(path) = local_path(&ctx.text[range.clone()]) else {
            continue;
        };
        if files.file_size(&path).is_none() {
            let d = if *image {
                let shown: String = path.chars().take(120).collect();
                RULE.diag(
                    range.clone(),
                    msg!(
                        "The image \"{shown}\" does not exist (paths are relative to this file).",
                        "画像「{shown}」が見つかりません（パスはこのファイルからの相対パスです）。"
                    ),
                )
            } else {
                RULE.diag(range.clone(), message(&path))
            };
            out.push(d);
        }
    }
}

fn message(path: &str) -> crate::Msg {
    let shown: String = path.chars().take(120).collect();
    msg!(
        "The file \"{shown}\" does not exist (paths are relative to this file).",
        "ファイル「{shown}」が見つかりません（パスはこのファイルからの相対パスです）。"
    )
}

/// The relative file path a link destination names, or `None` for URLs, other schemes,
/// anchors and absolute paths.
fn local_path(dest: &str) -> Option<String> {
    let d = dest.trim();
    let d = d
        .strip_prefix('<')
        .and_then(|x| x.strip_suffix('>'))
        .unwrap_or(d);
    let d = d.split(['#', '?']).next().unwrap_or("");
    if d.is_empty() || d.starts_with('/') || d.starts_with('\\') {
        return None;
    }
    // a scheme (`https:`, `mailto:`) or a drive letter (`C:`)
    if let Some(colon) = d.find(':') {
        let scheme = &d[..colon];
        if !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        {
            return None;
        }
    }
    Some(percent_decode(d))
}

/// The path a `file:` URL or a percent-encoded name stands for; the text as written
/// when the decoded bytes are not UTF-8.
fn percent_decode(s: &str) -> String {
    String::from_utf8(crate::text::percent_decoded_bytes(s)).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Files;
    use crate::testing::{check, check_with, parse_marks, CLEAN_EN, CLEAN_JA};

    fn files() -> Files<&'static str> {
        Files(vec![
            ("logs/rdp-failure.zip", 1000),
            ("img/エラー画面.png", 2000),
            ("hearing sheet.xlsx", 3000),
        ])
    }

    #[track_caller]
    fn spans(annotated: &str) {
        let (text, expected) = parse_marks(annotated);
        let probe = files();
        let d = check_with(&RULE, &text, &crate::Config::default(), Some(&probe));
        let mut got: Vec<_> = d.iter().map(|d| d.range.clone()).collect();
        got.sort_by_key(|r| r.start);
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn fires_on_missing_attachments_and_links() {
        spans("---\nattachments:\n  - logs/rdp-failure.zip\n  - «logs/missing.zip»\n  - \"«スクリーンショット.png»\"\n---\n");
        spans("---\nattachments: «missing.zip»\n---\n");
        spans("---\nsummary: x\n---\n\n## 問題\n![画面](«img/missing.png») と [ログ](«logs/app.log») を参照。\n");
        spans("---\nsummary: x\n---\n\nSee [sheet](«sheet%20v2.xlsx#page=2»).\n");
        spans("---\nsummary: x\n---\n\nSee [x](«%e3%81%82%»), [y](«a%あ.png»).\n");
        let probe = files();
        let d = check_with(&RULE, "---\nattachments:\n  - a.zip\n---\n", &crate::Config::default(), Some(&probe));
        assert!(d[0].message.en.contains("a.zip") && d[0].message.ja.contains("a.zip"));
    }

    #[test]
    fn passes_on_existing_files_urls_and_anchors() {
        spans("---\nattachments:\n  - logs/rdp-failure.zip\n  - ./hearing sheet.xlsx\n  - ''\n  - [x]\n---\n\n![画面](img/エラー画面.png)\n[sheet](hearing%20sheet.xlsx) [top](#goal) [docs](https://learn.microsoft.com/azure/) <https://portal.azure.com> [mail](mailto:a@example.com) [abs](/etc/passwd) [win](C:\\logs\\a.log)\n");
        let probe = files();
        for text in [CLEAN_JA, CLEAN_EN] {
            assert!(check_with(&RULE, text, &crate::Config::default(), Some(&probe)).is_empty());
        }
    }

    #[test]
    fn silent_when_the_location_is_unknown() {
        assert!(check(&RULE, "---\nattachments:\n  - missing.zip\n---\n\n![x](missing.png)\n").is_empty());
    }
}
