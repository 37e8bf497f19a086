use crate::form::not_single;
use crate::{msg, Context, Diagnostic, Msg};

declare_rule! {
    /// ## What it checks
    ///
    /// That a non-empty `summary` is one concise line: not longer than
    /// `summary_max_chars` characters (configuration; 100 by default, a project choice, as
    /// the API documents no limit), without a line break, and a single sentence (in
    /// Japanese or English), and text rather than a list or mapping. One finding per
    /// summary lists what is wrong with it.
    ///
    /// Sentence ends are `。`, `！`, `？`, `!`, `?` and a `.` followed by a space, except
    /// inside quotes or brackets (`「接続できません。」と表示される`), after an
    /// abbreviation (`e.g.`, `etc.`, `vs.`) or a list number (`1.`), and in `...`.
    ///
    /// ## Why
    ///
    /// The portal lists problem types from the summary's words, and support routes the
    /// request by what is picked there: a short, precise summary finds the right type. The
    /// details (region, limits, steps, error output) belong in the description, where
    /// there is room to write them in full.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// summary: VM に接続できません。昨日の夜から発生しており、再起動も試しました。
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// summary: 再起動後に vm-web-01 へ RDP 接続できない
    /// ---
    /// ```
    "summary-length", Warning, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(e) = ctx.form().and_then(|f| f.get("summary")) else { return };
    if let Some(m) = not_single("summary", &e.value) {
        out.push(RULE.diag(e.value.full_span(ctx.text), m));
        return;
    }
    let Some(text) = e.value.text() else { return };
    let text = text.trim();
    let max = ctx.config.summary_max_chars;
    let mut reasons: Vec<Msg> = Vec::new();
    if text.contains(['\n', '\r']) {
        reasons.push(msg!("holds a line break", "概要に改行が含まれています"));
    }
    let len = text.chars().count();
    if len > max {
        reasons.push(msg!(
            "is {len} characters long (at most {max})",
            "概要が {len} 文字あり、最大の {max} 文字を超えています"
        ));
    }
    let n = sentence_count(text);
    if n >= 2 {
        reasons.push(msg!("holds {n} sentences", "概要に {n} つの文が含まれています"));
    }
    if reasons.is_empty() {
        return;
    }
    let en = reasons.iter().map(|r| r.en.as_str()).collect::<Vec<_>>().join(", ");
    let ja = reasons.iter().map(|r| r.ja.as_str()).collect::<Vec<_>>().join("。");
    out.push(RULE.diag(
        e.value.content_span(ctx.text),
        msg!(
            "The summary {en}: keep it to one concise line and move the details to the description.",
            "{ja}。簡潔な 1 行にまとめ、詳細は本文に記載してください。"
        ),
    ));
}

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "approx", "mr", "ms", "mrs", "dr", "no", "inc", "ltd", "corp", "jr",
    "sr", "st", "ver", "fig", "cf",
];

/// Counts sentences: ends at `。！？!?` and `. `, outside quotes and brackets.
pub(crate) fn sentence_count(text: &str) -> usize {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut depth = 0i32;
    let mut in_ascii_quote = false;
    let mut count = 0;
    let mut has_text = false;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '「' | '『' | '（' | '(' | '[' | '【' | '“' => depth += 1,
            '」' | '』' | '）' | ')' | ']' | '】' | '”' => depth = (depth - 1).max(0),
            '"' => in_ascii_quote = !in_ascii_quote,
            _ => {}
        }
        let quoted = depth > 0 || in_ascii_quote;
        let end = match c {
            '。' | '！' | '？' => true,
            '!' | '?' => chars.get(i + 1).is_none_or(|(_, n)| n.is_whitespace()),
            '.' => {
                let next_space = chars.get(i + 1).is_none_or(|(_, n)| n.is_whitespace());
                let prev_dot = i > 0 && chars[i - 1].1 == '.';
                let word: String = text[..at]
                    .rsplit(|ch: char| ch.is_whitespace())
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                let abbrev = ABBREVIATIONS.contains(&word.as_str())
                    || word.chars().count() == 1
                    || (!word.is_empty() && word.chars().all(|ch| ch.is_ascii_digit()));
                next_space && !prev_dot && !abbrev
            }
            _ => false,
        };
        if c.is_alphanumeric() {
            has_text = true;
        }
        if end && !quoted && has_text {
            count += 1;
            has_text = false;
            // skip a run of terminators (`？！`, `!?`)
            while chars.get(i + 1).is_some_and(|(_, n)| "。！？!?".contains(*n)) {
                i += 1;
            }
        }
        i += 1;
    }
    if has_text {
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, check_with, CLEAN_EN, CLEAN_JA};

    #[test]
    fn fires_on_several_sentences() {
        assert_spans(&RULE, "---\nsummary: «VM に接続できません。昨日の夜から発生しており、再起動も試しました。»\n---\n");
        assert_spans(&RULE, "---\nsummary: «VM に接続できない。原因を知りたい»\n---\n");
        assert_spans(&RULE, "---\nsummary: «Cannot connect to the VM. It started after a reboot.»\n---\n");
        assert_spans(&RULE, "---\nsummary: «Why does the upgrade fail? It worked last week»\n---\n");
        assert_spans(&RULE, "---\nsummary: «なぜ失敗するのですか？教えてください»\n---\n");
        assert_spans(&RULE, "---\nsummary: \"«Backup fails! Restore fails too!»\"\n---\n");
    }

    #[test]
    fn fires_on_line_breaks_and_length() {
        assert_spans(&RULE, "---\nsummary: «[接続できない, 遅い]»\n---\n");
        assert_spans(&RULE, "---\nsummary: |\n  «first line\n  second line»\n---\n");
        // a plain scalar folds its lines into one
        assert!(check(&RULE, "---\nsummary: first line\n  second line\n---\n").is_empty());
        let d = check(&RULE, "---\nsummary: \"one\\ntwo\"\n---\n");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.ja.contains("改行"));
        let long = "あ".repeat(101);
        let d = assert_spans(&RULE, &format!("---\nsummary: «{long}»\n---\n"));
        assert!(d[0].message.en.contains("101 characters"));
        assert!(check(&RULE, &format!("---\nsummary: {}\n---\n", "あ".repeat(100))).is_empty());
        let config = crate::Config { summary_max_chars: 20, ..Default::default() };
        let d = check_with(&RULE, "---\nsummary: Node pool upgrade stuck in Upgrading\n---\n", &config, None);
        assert_eq!(d.len(), 1);
        // one finding lists every reason
        let d = check(&RULE, &format!("---\nsummary: \"{long}。二文目\"\n---\n"));
        assert_eq!(d.len(), 1);
        assert!(d[0].message.en.contains("characters") && d[0].message.en.contains("2 sentences"));
    }

    #[test]
    fn passes_on_one_concise_line() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        for s in [
            "再起動後に vm-web-01 へ RDP 接続できない",
            "VM が起動しない。",
            "「接続できません。」と表示され RDP 接続できない",
            "\"Connection refused. Try again.\" when deploying from az CLI",
            "Upgrade to v1.30 fails with error code e.g. 409",
            "Cannot connect... after the reboot",
            "1. RDP 接続できない",
            "Why does the upgrade fail?",
            "123",
            "",
        ] {
            let text = format!("---\nsummary: {}\n---\n", if s.starts_with('"') { format!("'{s}'") } else { s.to_string() });
            assert!(check(&RULE, &text).is_empty(), "{text}");
        }
    }
}
