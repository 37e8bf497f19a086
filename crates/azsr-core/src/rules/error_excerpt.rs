use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::messages::Msg;
use crate::msg;
use crate::error_mention::ErrorMention;
use crate::text::find_latin_words;
use crate::sections::SectionKind;
use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// The errors section (`## Error messages`, `## Logs`, `## エラー メッセージ`, `## ログ`)
    /// looks like an excerpt rather than the whole output:
    ///
    /// - a line that is only an ellipsis: `...`, `…`, `(...)`, `[…]`, `・・・`;
    /// - a note that something was left out, in its prose or inside its code blocks:
    ///   省略, 中略, 以下略, 抜粋, `(omitted)`, `<snip>`, `--snip--`, `... truncated ...`,
    ///   `output truncated`, `omitted for brevity`;
    /// - a single line of output with nothing around it: no command, no operation, no
    ///   context (an image or an attached file counts as more).
    ///
    /// Code blocks in the errors section count here, unlike for the other text rules.
    ///
    /// ## Why
    ///
    /// Support asks for the error output in full, from the command or the operation that
    /// was run up to the error, not only the part that was recognised as the error: the
    /// cause often shows in the lines before it, and a cut excerpt means a second round of
    /// questions.
    ///
    /// ## Trigger phrases
    ///
    /// Fires on: a line `...` / `…` / `(中略)`, (省略), 以下省略, 一部抜粋, ログの抜粋です,
    /// `[... 200 lines omitted ...]`, `<snip>`, `-- snip --`, `(output truncated)`,
    /// `stack trace truncated for brevity`, a section holding only `AADSTS50011: The redirect
    /// URI does not match`.
    ///
    /// Never: 省略せず全文を貼り付けます, 抜粋ではなく全体です, 省略可能 (help text),
    /// `String or binary data would be truncated` (a real SQL Server message), Java's
    /// `... 23 more`, `…` inside a line, a single line next to the command that produced it
    /// or with the operation described, a single `![screenshot](error.png)` or a pointer to
    /// an attached log, なし / None.
    ///
    /// ## Fires
    ///
    /// ````markdown
    /// ## Error messages
    /// ```
    /// Deployment failed.
    /// ...
    /// Code: InvalidTemplateDeployment
    /// ```
    /// ````
    ///
    /// ## Passes
    ///
    /// ````markdown
    /// ## Error messages
    /// ```
    /// $ az deployment group create -g rg-app -f main.bicep
    /// ERROR: {"code": "InvalidTemplateDeployment", "message": "The template deployment
    /// 'main' is not valid according to the validation procedure. …"}
    /// ```
    /// ````
    "error-excerpt", Information, check
}

static ELLIPSIS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(\[（【<＜]?\s*(?:\.{3,}|…+|・{3,}|‥+|(?:中略|省略|略|snip|snipped|omitted|truncated))\s*[)\]）】>＞]?$")
        .expect("valid regex")
});

static CUT_JA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"省略|中略|以下略|後略|抜粋").expect("valid regex"));

/// What makes 省略 / 抜粋 say the opposite (省略せず, 抜粋ではなく) or something else
/// (省略可能 in help text).
static CUT_JA_NOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:せず|しない|しません|していない|していません|なし|無し|ではな|ではありません|可能|可|時|した場合|する場合|される場合|できる|できます)")
        .expect("valid regex")
});

static CUT_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)[\[(<{][^\[\]()<>{}\n]{0,30}?\b(?:omitted|truncated|snipped|snip|cut)\b[^\[\]()<>{}\n]{0,30}[\])>}]",
        r"|-{2,} ?snip ?-{2,}",
        r"|(?:\.{3}|…) ?(?:\d+ (?:lines?|entries|frames) )?(?:omitted|truncated|snipped|snip)",
        r"|(?:omitted|truncated|snipped|snip) ?(?:\.{3}|…)",
        r"|(?:output|log|logs|lines?|rest|remainder|details|stack ?trace|trace|middle|part|parts|portion)",
        r" (?:was |were |is |are |has been |have been )?(?:omitted|truncated|snipped|cut)",
        r"|(?:omitted|truncated|snipped|cut) (?:for (?:brevity|length|readability|clarity|space)|here)",
    ))
    .expect("valid regex")
});

static NONE_ANSWER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:なし|特になし|無し|ありません|n/?a|none|nothing|-)[。.]?$").expect("valid regex")
});

/// Something around the one line: the command, the operation, a screenshot or a file.
static CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\s*(?:\$|>|PS |[A-Z]:\\|#)",
        r"|!\[|\]\(|添付|スクリーンショット|画面ショット|キャプチャ|attached|attachment|screenshot",
        r"|実行|操作|クリック|押下|押すと|したところ|すると|した際|の際|時に",
        r"|\b(?:when|after|while) (?:I|we|you|running|executing|clicking|calling|deploying|starting|trying)\b",
        r"|\b(?:I|we) (?:ran|run|executed|clicked|called|tried)\b",
    ))
    .expect("valid regex")
});

/// What every match of [`ELLIPSIS_LINE`], [`CUT_JA`] and [`CUT_EN`] contains: one pass
/// over the section finds the few lines worth the full checks (none of these literals
/// holds a newline, so each match lies inside one line).
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\.\.\.|…|・・・|‥|略|抜粋|(?i:snip|omit|trunc|cut)").expect("valid regex")
});

const EXCERPT_MSG: (&str, &str) = (
    "The error output looks cut here: paste it whole, from the command or operation up to the error.",
    "エラー出力が途中で省略されているようです。コマンドや操作の開始からエラーまでを省略せずに貼り付けてください。",
);

fn cut_markers(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for m in CUT_JA.find_iter(line) {
        if !CUT_JA_NOT.is_match(&line[m.end()..]) {
            out.push(m.range());
        }
    }
    out.extend(find_latin_words(&CUT_EN, line));
    out
}

/// `line` without a block quote marker and a list marker, and the offset removed.
fn strip_markers(line: &str) -> (usize, &str) {
    let mut s = line;
    loop {
        let t = s.trim_start();
        if let Some(rest) = t.strip_prefix('>') {
            s = rest;
            continue;
        }
        for marker in ["- ", "* ", "+ "] {
            if let Some(rest) = t.strip_prefix(marker) {
                s = rest;
                break;
            }
        }
        let t = s.trim_start();
        return (line.len() - t.len(), t.trim_end());
    }
}

/// Whether `offset` lies on a heading line (headings are in document order).
fn in_heading(body: &crate::body::Body, offset: usize) -> bool {
    let i = body.headings.partition_point(|h| h.range.start <= offset);
    i > 0 && offset < body.headings[i - 1].range.end.max(body.headings[i - 1].range.start + 1)
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let body = ctx.body;
    // Outermost errors sections (a `### ログ` inside `## エラー メッセージ` is the same one).
    // Sections nest and come in document order: one starting inside the last outermost
    // one is nested in it.
    let mut tops: Vec<&crate::body::Section> = Vec::new();
    for s in body.sections.iter().filter(|s| s.kind == SectionKind::Errors) {
        if tops.last().is_none_or(|t| s.content.start >= t.content.end) {
            tops.push(s);
        }
    }
    for section in tops {
        // Starts of candidate matches, in order: a line without one cannot fire.
        let candidates: Vec<usize> = CANDIDATE
            .find_iter(&ctx.text[section.content.clone()])
            .map(|m| section.content.start + m.start())
            .collect();
        let mut next = 0;
        let mut fired = false;
        // The lines of error output: how many (up to two), and the first.
        let mut count = 0;
        let mut first: Option<Range<usize>> = None;
        let mut in_comment = false;
        let mut pos = section.content.start;
        for raw in ctx.text[section.content.clone()].split_inclusive('\n') {
            let start = pos;
            pos += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            let r = start..start + line.len();
            let trimmed = line.trim();
            if in_comment {
                in_comment = !trimmed.contains("-->");
                continue;
            }
            if trimmed.starts_with("<!--") {
                in_comment = !trimmed.contains("-->");
                continue;
            }
            if trimmed.is_empty() || trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                continue;
            }
            while next < candidates.len() && candidates[next] < r.start {
                next += 1;
            }
            let candidate = candidates.get(next).is_some_and(|&c| c < r.end);
            // Past two lines, only the lines that may fire matter (a long log: most
            // lines are skipped here).
            if count >= 2 && !candidate {
                continue;
            }
            if body.section_at(start) != Some(SectionKind::Errors) || in_heading(body, start) {
                continue;
            }
            count += 1;
            if first.is_none() {
                first = Some(r.clone());
            }
            if !candidate {
                continue;
            }
            let (off, core) = strip_markers(line);
            if ELLIPSIS_LINE.is_match(core) {
                let s = r.start + off;
                out.push(RULE.diag(s..s + core.len(), Msg::new(EXCERPT_MSG.0, EXCERPT_MSG.1)));
                fired = true;
                continue;
            }
            for m in cut_markers(line) {
                out.push(RULE.diag(
                    r.start + m.start..r.start + m.end,
                    Msg::new(EXCERPT_MSG.0, EXCERPT_MSG.1),
                ));
                fired = true;
            }
        }
        if let (1, Some(only)) = (count, first.as_ref()) {
            let line = &ctx.text[only.clone()];
            let (off, core) = strip_markers(line);
            let quiet = fired
                || NONE_ANSWER.is_match(core)
                || CONTEXT.is_match(core)
                || ErrorMention::in_text(core).denied;
            if !quiet {
                let s = only.start + off;
                out.push(RULE.diag(
                    s..s + core.len(),
                    msg!(
                        "Only one line of error output: add the command or operation that led to it, and the output around it.",
                        "エラー出力が 1 行だけです。エラーに至ったコマンドや操作と、その前後の出力も含めてください。"
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_spans;


    #[test]
    fn ellipsis_lines_fire() {
        assert_spans(
            &RULE,
            "## Error messages\n```\nDeployment failed.\n«...»\nCode: InvalidTemplateDeployment\n```\n",
        );
        assert_spans(&RULE, "## エラー メッセージ\n```\n接続に失敗しました\n  «…»\n終了\n```\n");
        assert_spans(&RULE, "## ログ\n開始\n\n«(中略)»\n\n終了コード 1\n");
        assert_spans(&RULE, "## Logs\n> first\n> «[...]»\n> last\n");
        assert_spans(&RULE, "## ログ\n- 開始\n- «・・・»\n- 終了\n");
    }

    #[test]
    fn cut_notes_fire_in_prose_and_code() {
        assert_spans(&RULE, "## エラー メッセージ\nログの«抜粋»です。\n```\nline 1\nline 2\n```\n");
        assert_spans(&RULE, "## エラー メッセージ\n```\nstart\n«(省略)»\nend\n```\n");
        assert_spans(&RULE, "## ログ\n```\nstart\n以下«省略»\n```\n");
        assert_spans(&RULE, "## Error messages\n```\nstart\n«[... 200 lines omitted ...]»\nend\n```\n");
        assert_spans(&RULE, "## Error messages\n```\nstart\n«<snip>»\nend\n```\n");
        assert_spans(&RULE, "## Error messages\n```\nstart\n«-- snip --»\nend\n```\n");
        assert_spans(&RULE, "## Error messages\nThe «stack trace truncated» for brevity.\n\n```\na\nb\n```\n");
        assert_spans(&RULE, "## Logs\n```\nbegin\n«(output truncated)»\n```\n");
        assert_spans(&RULE, "## ログ\n```\nstart\n～«中略»～\nend\n(以下«省略»)\n```\n");
        assert_spans(&RULE, "## エラー メッセージ\n一部«抜粋»して記載します。\n```\na\nb\n```\n");
        assert_spans(&RULE, "## Error messages\n```\nstart\n... «(truncated)»\n```\n");
        assert_spans(&RULE, "## Error messages\n```\nstart\n«…snip»\nend\n```\n");
        assert_spans(&RULE, "## Error messages\nThe middle part of the «log was omitted».\n```\na\nb\n```\n");
    }

    #[test]
    fn a_single_line_without_context_fires() {
        assert_spans(&RULE, "## Error messages\n«AADSTS50011: The redirect URI does not match»\n");
        assert_spans(&RULE, "## エラー メッセージ\n```\n«0x80070005 アクセスが拒否されました»\n```\n");
        assert_spans(&RULE, "## ログ\n\n- «タイムアウトしました»\n");
    }

    #[test]
    fn complete_or_explained_output_passes() {
        assert_spans(&RULE, "## エラー メッセージ\n省略せず全文を貼り付けます。\n```\na\nb\n```\n");
        assert_spans(&RULE, "## エラー メッセージ\n抜粋ではなく全体です。\n```\na\nb\n```\n");
        assert_spans(&RULE, "## Logs\n```\nMsg 8152: String or binary data would be truncated.\nThe statement has been terminated.\n```\n");
        assert_spans(&RULE, "## Logs\n```\njava.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\t... 23 more\n```\n");
        assert_spans(&RULE, "## Logs\n```\nUsage: tool [-o] (省略可能)\nexit 1\n```\n");
        assert_spans(&RULE, "## Error messages\nWaiting… then the error.\nFailed.\n");
        assert_spans(&RULE, "## Error messages\n```\n$ az vm start -g rg -n vm1\n(OperationNotAllowed) …\n```\n");
        assert_spans(&RULE, "## エラー メッセージ\nポータルで [開始] をクリックすると「起動に失敗しました」と表示されます。\n");
        assert_spans(&RULE, "## Error messages\nWhen we run the deployment: InvalidTemplateDeployment\n");
        assert_spans(&RULE, "## Error messages\n![error dialog](./error.png)\n");
        assert_spans(&RULE, "## エラー メッセージ\n添付の log.zip を参照してください。\n");
        assert_spans(&RULE, "## エラー メッセージ\nなし\n");
        assert_spans(&RULE, "## Error messages\nNone.\n");
        assert_spans(&RULE, "## エラー メッセージ\nエラーは表示されません。\n");
        assert_spans(&RULE, "## エラー メッセージ\n<!-- ここに貼り付け -->\n");
        assert_spans(&RULE, "## エラー メッセージ\n");
        // Outside the errors section nothing counts.
        assert_spans(&RULE, "## 問題\n...\n(省略)\n一行\n");
    }

    #[test]
    fn the_line_prefilter_keeps_case_folding_and_big_logs() {
        // `(?i)` folds the long s and the Kelvin sign: the prefilter must fold them too.
        assert_spans(&RULE, "## Error messages\n```\nstart\n«[ſnip]»\nend\n```\n");
        assert_spans(&RULE, "## Logs\n```\nstart\n«(SNIPPED)»\nend\n```\n");
        // A marker deep in a long log, on a line ending in CRLF, and one after a comment.
        let mut text = String::from("## Logs\n```\n");
        for i in 0..5000 {
            text.push_str(&format!("2026-11-24T05:00:{:02}Z INFO request {i} ok. cutover\r\n", i % 60));
        }
        text.push_str("«...»\r\n<!-- (omitted) -->\nline «(omitted)»\n```\n");
        assert_spans(&RULE, &text);
    }

    #[test]
    fn nested_errors_sections_report_once() {
        assert_spans(&RULE, "## ログ\nstart\n### エラー メッセージ\n```\na\n«...»\n```\n");
    }
}
