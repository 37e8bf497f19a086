use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::frontmatter::{YamlNode, YamlValue};
use crate::msg;
use crate::text::{find_latin_words, is_japanese_char, line_start};
use crate::sections::SectionKind;
use crate::{Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// Template text left in the request, in the body's prose and in front matter values:
    /// markers such as `TODO`, `TBD`, `FIXME`, `XXX`; angle-bracket placeholders such as
    /// `<your name>`, `<subscription ID>`, `<サブスクリプション ID>`, `＜お客様名＞`;
    /// `{{name}}`; fill-in marks ○○, ××, △△; and fill-in instructions such as 未記入,
    /// [要記入], 記入例, 記入してください, (ここにエラーを貼り付け), (発生日時を記入),
    /// `(describe the issue here)`, `[Your Name]`. One finding per placeholder, on it.
    ///
    /// In the errors section (where pasted output may hold anything) only the fill-in
    /// instructions count.
    ///
    /// ## Why
    ///
    /// A request filed with template text still in it has gaps exactly where support needs
    /// facts, and the engineer has to ask for them before work can start. Fill in every
    /// placeholder, or remove the line when it does not apply.
    ///
    /// ## Trigger phrases
    ///
    /// Fires on: `TODO`, `TODO:`, `TBD`, `FIXME`, `XXX 株式会社`, `<your name>`,
    /// `<resource-group>`, `<YOUR_SUBSCRIPTION_ID>`, `<サブスクリプション ID>`, `＜会社名＞`,
    /// `{{tenant}}`, ○○株式会社, ×× 様, 未記入 (standing alone, `氏名: 未記入`), 要記入,
    /// 記入例, ご記入ください, ここにログを貼り付けてください, (発生日時を記入),
    /// 【エラー内容を記載してください】, `(paste the error here)`, `[insert steps]`,
    /// `(your name)`, Lorem ipsum.
    ///
    /// `XXX` counts only as a word of its own (`XXX 様`); a run of X inside a value
    /// (`090-XXXX-XXXX`, `sub-XXX-01`, `taro.XXX@example.com`) or of four or more, and
    /// lower-case `xxx`, is a mask.
    ///
    /// Never: `<redacted>` (the tool's own fix) or `<masked>` / `<省略>`, masks such as
    /// `●●●●`, `****`, `xxxx-xxxx`, `taro.xxx@example.com`; HTML tags (`<br>`, `<b>`,
    /// `</p>`, `<!-- -->`); autolinks (`<https://…>`, `<a@b.jp>`); generics
    /// (`List<string>`); comparisons (`a < b > c`); anything in code spans, code blocks or
    /// URLs (`https://example.com/TODO`); `todo` in lower case; a single ○ or × (a yes/no
    /// mark in a table); フォームが未記入のまま (a description); 「パスワードを入力してください」
    /// quoted from a dialog; `(詳細は添付ファイルに記載)`.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// contact:
    ///   first_name: <your first name>
    /// ---
    /// ## 問題
    /// TODO: 事象を書く
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// contact:
    ///   first_name: 太郎
    /// ---
    /// ## 問題
    /// ストレージ キーは <redacted> に置き換えています。`TODO` 列の値は ●●●● です。
    /// ```
    "placeholder", Warning, check
}

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"TODO|TBD|FIXME|XXX").expect("valid regex"));

static ANGLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^<>\n]{1,60}>|＜[^＜＞\n]{1,60}＞|〈[^〈〉\n]{1,60}〉").expect("valid regex"));

static MUSTACHE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{[^{}\n]{1,40}\}\}").expect("valid regex"));

static FILL_MARKS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[○〇◯]{2,}|×{2,}|△{2,}").expect("valid regex"));

/// Fill-in instructions (these count everywhere, the errors section included).
static INSTRUCTION_JA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)[（(\[【<＜〈][^（()\[\]【】<>＜＞〈〉\n]{0,40}?",
        r"(?:を(?:ご)?(?:記入|記載|入力|貼り付け|貼付|ペースト|記述)|(?:記入|記載|入力|貼り付け|貼付|ペースト|記述)(?:して|て)?(?:ください|下さい))",
        r"[^（()\[\]【】<>＜＞〈〉\n]{0,10}[）)\]】>＞〉]",
        r"|ここに[^。\n]{0,30}?(?:記入|記載|入力|貼り付け|貼付|ペースト|記述|書いて|書く)(?:(?:して|て)?(?:ください|下さい)|する|。?[ \t]*$)",
        r"|(?:ご)?記入(?:して)?(?:ください|下さい)",
        r"|要記入|記入例",
    ))
    .expect("valid regex")
});

static UNFILLED: LazyLock<Regex> = LazyLock::new(|| Regex::new("未記入").expect("valid regex"));

static INSTRUCTION_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)[(\[<](?:please )?(?:(?:paste|insert|describe|fill in|explain|specify|write)|(?:enter|provide|add) (?:your|the|a|an)|your) [^()\[\]<>\n]{0,60}[)\]>]",
        r"|lorem ipsum",
    ))
    .expect("valid regex")
});

/// A paragraph, list item, cell or value that is only an ellipsis (`## 問題` / `...`, as
/// in a template). In the errors section that is `error-excerpt`'s.
static ONLY_ELLIPSIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\.{3,}|…+|・{3,}|‥+)\s*$").expect("valid regex"));

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?|ftp|file)://\S+").expect("valid regex"));

/// Element names of HTML that may appear in a Markdown description.
const HTML_TAGS: &[&str] = &[
    "a", "abbr", "b", "big", "blockquote", "br", "center", "cite", "code", "dd", "del",
    "details", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
    "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "tt", "u", "ul", "var", "wbr",
];

/// What a masked or elided value is called: never a placeholder.
const MASK_WORDS: &[&str] = &[
    "redacted", "masked", "hidden", "removed", "omitted", "snip", "snipped", "secret",
    "省略", "削除", "マスク", "マスク済み", "伏せ字", "非表示", "秘匿",
];

/// Labels that Japanese writing puts in angle brackets (`＜重要＞`, `〈参考〉`): not blanks.
const LABELS: &[&str] = &[
    "重要", "注意", "注", "参考", "補足", "追記", "質問", "回答", "背景", "目的", "概要",
    "現状", "結果", "事象", "備考", "例", "前提", "要望", "期待値", "期待結果", "確認事項",
    "依頼", "経緯", "環境", "詳細", "追加", "更新", "修正", "訂正", "お願い", "問題", "原因",
    "対応", "手順", "条件", "影響", "状況", "以上", "緊急", "至急", "本文", "まとめ", "結論",
    "note", "important", "warning", "tip", "info", "update", "example", "question",
];

/// A literal of every pattern above (and of `ONLY_ELLIPSIS`): a text holding none of them
/// holds no placeholder, so it skips the eight regex passes. Most prose holds none.
static ANY_LITERAL: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            // INSTRUCTION_JA and UNFILLED
            "記入", "記載", "入力", "貼り付け", "貼付", "ペースト", "記述", "ここに",
            // INSTRUCTION_EN opens with a bracket; `lorem` has no letter that Unicode
            // case folding widens (`s` also matches `ſ`)
            "(", "[", "<", "lorem",
            // MUSTACHE, MARKER, ANGLE, FILL_MARKS
            "{{", "TODO", "TBD", "FIXME", "XXX", "＜", "〈", "○", "〇", "◯", "×", "△",
            // ONLY_ELLIPSIS
            "...", "…", "・・・", "‥",
        ])
        .expect("a few literals")
});

/// Where the text comes from: in the errors section only fill-in instructions count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Prose,
    ErrorsProse,
    FrontMatter,
}

fn is_mask(s: &str) -> bool {
    let t = s.trim();
    t.chars().count() >= 3
        && t.chars()
            .all(|c| matches!(c, '*' | '●' | '＊' | 'x' | 'X' | '…' | '-' | '.' | ' '))
}

fn angle_is_placeholder(text: &str, r: &Range<usize>) -> bool {
    let whole = &text[r.clone()];
    let open_len = whole.chars().next().map_or(1, char::len_utf8);
    let close_len = whole.chars().next_back().map_or(1, char::len_utf8);
    let inner = &whole[open_len..whole.len() - close_len];
    if inner.starts_with(char::is_whitespace) || inner.ends_with(char::is_whitespace) {
        return false; // a < b > c
    }
    if !inner.chars().any(char::is_alphabetic) || is_mask(inner) {
        return false;
    }
    // A placeholder names something: it starts with a letter (not `<80% …>`, `<- b ->`)
    // and does not end in an arrow or a comparison.
    if !inner.chars().next().is_some_and(|c| c.is_alphabetic())
        || inner.ends_with(['-', '=', '|'])
    {
        return false;
    }
    if whole.starts_with('<') && text[..r.start].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric()) {
        return false; // List<string>
    }
    if inner.starts_with(['/', '!', '?']) || inner.contains("://") || inner.contains('@') {
        return false; // closing tags, comments, autolinks
    }
    let lower = inner.to_lowercase();
    if LABELS.contains(&lower.trim()) {
        return false;
    }
    if lower.starts_with("mailto:")
        || MASK_WORDS.iter().any(|w| lower == *w || lower.starts_with(&format!("{w}:")) || lower.starts_with(&format!("{w} ")))
        || lower.contains("redacted")
    {
        return false;
    }
    if whole.starts_with('<') {
        let name: String = lower
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let after = lower[name.len()..].chars().next();
        if HTML_TAGS.contains(&name.as_str()) && after.is_none_or(|c| c == ' ' || c == '/') {
            return false;
        }
        if inner.contains("=\"") || inner.contains("='") {
            return false; // a tag with attributes
        }
    }
    true
}

/// Whether `at` lies inside 「…」, 『…』 or “…” / "…" on its line.
fn inside_quotes(text: &str, at: usize) -> bool {
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let before = &text[line_start(text, at)..at];
    let after = &text[at..line_end];
    for (open, close) in [('「', '」'), ('『', '』'), ('“', '”')] {
        if let Some(i) = before.rfind(open) {
            if !before[i..].contains(close) && after.contains(close) {
                return true;
            }
        }
    }
    !before.matches('"').count().is_multiple_of(2) && after.contains('"')
}

fn is_ja(c: Option<char>) -> bool {
    c.is_some_and(is_japanese_char)
}

/// Placeholders in `text` (masked prose or a raw front matter value), as ranges of `text`.
/// Callers skip texts in which `ANY_LITERAL` finds nothing.
fn find(text: &str, origin: Origin) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for m in INSTRUCTION_JA.find_iter(text) {
        if !inside_quotes(text, m.start()) {
            found.push(m.range());
        }
    }
    for m in UNFILLED.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if !is_ja(before) && !is_ja(after) {
            found.push(m.range());
        }
    }
    found.extend(INSTRUCTION_EN.find_iter(text).map(|m| m.range()));
    found.extend(MUSTACHE.find_iter(text).map(|m| m.range()));
    if origin != Origin::ErrorsProse {
        for r in find_latin_words(&MARKER, text) {
            if &text[r.clone()] == "XXX" {
                let mask_ctx = |c: Option<char>| {
                    c.is_some_and(|c| matches!(c, '-' | '.' | '_' | '@' | '/' | ':' | '*' | '●' | '\\'))
                };
                let before = text[..r.start].chars().next_back();
                let after = text[r.end..].chars().next();
                if mask_ctx(before) || (mask_ctx(after) && after != Some(':')) {
                    continue;
                }
            }
            found.push(r);
        }
        for m in ANGLE.find_iter(text) {
            if angle_is_placeholder(text, &m.range()) {
                found.push(m.range());
            }
        }
        found.extend(FILL_MARKS.find_iter(text).map(|m| m.range()));
    }
    // A placeholder in brackets (`【未記入】`, `[TODO]`) goes with its brackets.
    for r in &mut found {
        let before = text[..r.start].chars().next_back();
        let after = text[r.end..].chars().next();
        if let (Some(b), Some(a)) = (before, after) {
            let pair = matches!(
                (b, a),
                ('[', ']') | ('【', '】') | ('(', ')') | ('（', '）') | ('＜', '＞') | ('〈', '〉') | ('［', '］')
            );
            if pair {
                *r = r.start - b.len_utf8()..r.end + a.len_utf8();
            }
        }
    }
    // Overlapping finds are one placeholder: keep the outermost.
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

fn report(ctx: &Context, out: &mut Vec<Diagnostic>, range: Range<usize>) {
    let shown: String = ctx.text[range.clone()].chars().take(40).collect();
    out.push(RULE.diag(
        range,
        msg!(
            "Template text left in: \"{shown}\". Replace it with the actual information, or remove it.",
            "テンプレートの記入箇所「{shown}」が残っています。実際の内容に置き換えるか、削除してください。"
        ),
    ));
}

fn scan_yaml(ctx: &Context, node: &YamlNode, out: &mut Vec<Diagnostic>) {
    match &node.value {
        YamlValue::Scalar { .. } => {
            let span = node.span.clone();
            if span.end > ctx.text.len() || span.is_empty() {
                return;
            }
            let Some(raw) = ctx.text.get(span.clone()) else {
                return;
            };
            if !ANY_LITERAL.is_match(raw) {
                return;
            }
            let mut raw = raw.to_string();
            let urls: Vec<Range<usize>> = URL.find_iter(&raw).map(|m| m.range()).collect();
            for r in urls {
                raw.replace_range(r.clone(), &" ".repeat(r.len()));
            }
            if ONLY_ELLIPSIS.is_match(&raw) {
                let t = raw.trim();
                let at = span.start + raw.find(t).unwrap_or(0);
                report(ctx, out, at..at + t.len());
                return;
            }
            for r in find(&raw, Origin::FrontMatter) {
                report(ctx, out, span.start + r.start..span.start + r.end);
            }
        }
        YamlValue::Seq(items) => items.iter().for_each(|n| scan_yaml(ctx, n, out)),
        YamlValue::Map(entries) => entries.iter().for_each(|e| scan_yaml(ctx, &e.value, out)),
        YamlValue::Alias => {}
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if let Some(form) = ctx.form() {
        for e in form.entries() {
            scan_yaml(ctx, &e.value, out);
        }
    }
    let tags = &ctx.body.html_tags;
    for block in &ctx.body.prose {
        let origin = if block.section == Some(SectionKind::Errors) {
            Origin::ErrorsProse
        } else {
            Origin::Prose
        };
        let may_hold_one = ANY_LITERAL.is_match(&block.masked);
        if may_hold_one {
            for r in find(&block.masked, origin) {
                report(ctx, out, block.range.start + r.start..block.range.start + r.end);
            }
        }
        if origin == Origin::ErrorsProse {
            continue;
        }
        if may_hold_one && ONLY_ELLIPSIS.is_match(&block.masked) {
            let t = block.masked.trim();
            let at = block.range.start + block.masked.find(t).unwrap_or(0);
            report(ctx, out, at..at + t.len());
        }
        // Inline HTML is blanked in `masked`, but the grammar also reads some
        // placeholders as tags (`<name>`, `<YOUR_NAME>`): look at those one by one.
        let lo = tags.partition_point(|t| t.end <= block.range.start);
        for t in tags[lo..].iter().take_while(|t| t.start < block.range.end) {
            if !ctx.text[t.clone()].starts_with("<!--")
                && angle_is_placeholder(ctx.text, t)
            {
                report(ctx, out, t.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check};


    #[test]
    fn markers_fire() {
        assert_spans(&RULE, "## 問題\n«TODO»: 事象を書く\n");
        assert_spans(&RULE, "## Problem\n«TBD»\n\n- «FIXME» later\n");
        assert_spans(&RULE, "«XXX» 株式会社の «XXX» 様\n");
        assert_spans(&RULE, "| 項目 | 値 |\n|---|---|\n| 会社 | «TODO» |\n");
        assert_spans(&RULE, "## «TODO»\n");
        assert_spans(&RULE, "Steps:«TODO»。\n");
    }

    #[test]
    fn angle_placeholders_fire() {
        assert_spans(&RULE, "担当: «<your name>»\n");
        assert_spans(&RULE, "サブスクリプション «<サブスクリプション ID>» のリソース\n");
        assert_spans(&RULE, "Run it in «<resource-group>» of «<YOUR_SUBSCRIPTION_ID>».\n");
        assert_spans(&RULE, "お客様名: «＜会社名＞»、«〈担当者〉»\n");
        assert_spans(&RULE, "Tenant «{{tenant}}» fails\n");
        assert_spans(&RULE, "The VM «<name>» stopped\n");
    }

    #[test]
    fn fill_marks_and_japanese_instructions_fire() {
        assert_spans(&RULE, "«○○»株式会社 «××» 様、«〇〇〇» 部\n");
        assert_spans(&RULE, "氏名: «未記入»\n\n«【未記入】»\n");
        assert_spans(&RULE, "«[要記入]» 発生日時\n");
        assert_spans(&RULE, "«記入例»: 2023/11/27 13:05\n");
        assert_spans(&RULE, "発生日時を«ご記入ください»。\n");
        assert_spans(&RULE, "«ここにエラー メッセージを貼り付けてください»\n");
        assert_spans(&RULE, "«(発生日時を記入)»\n");
        assert_spans(&RULE, "«【エラー内容を記載してください】»\n");
        assert_spans(&RULE, "«（ここに再現手順を記入）»\n");
        assert_spans(&RULE, "«ここにログを貼り付け»\n\n«ここに発生日時を記入する»。\n");
    }

    #[test]
    fn english_instructions_fire() {
        assert_spans(&RULE, "«(paste the error here)»\n");
        assert_spans(&RULE, "«[insert the steps]»\n");
        assert_spans(&RULE, "Contact: «(your name)»\n");
        assert_spans(&RULE, "«[Describe what you expected]»\n");
        assert_spans(&RULE, "«Lorem ipsum» dolor sit amet\n");
        assert_spans(&RULE, "«(Please describe the impact)» and «[enter your tenant ID]»\n");
    }

    #[test]
    fn front_matter_values_fire() {
        assert_spans(
            &RULE,
            "---\nsummary: «TODO»\ncontact:\n  first_name: «<your first name>»\n  last_name: \"«○○»\"\n  email: taro.xxx@example.com\nattachments:\n  - «<file>».zip\n---\n本文\n",
        );
        assert_spans(&RULE, "---\nsummary: <redacted> は ●●●● で **** と xxxx-xxxx\n---\n");
        assert_spans(&RULE, "---\nsummary: see https://example.com/TODO\n---\n");
        assert_spans(&RULE, "---\nsummary: «(ここに概要を記入)»\n---\n");
    }

    #[test]
    fn masks_html_code_and_urls_do_not_fire() {
        assert_spans(&RULE, "キーは <redacted> に、パスワードは <REDACTED> にしました。\n");
        assert_spans(&RULE, "値は ●●●● と **** と xxxx です。電話 090-XXXX-XXXX、ID sub-XXX-01、taro.XXX@example.com\n");
        assert_spans(&RULE, "line<br>break <b>bold</b> </p> <br/> <img src=\"a.png\"> <!-- TODO -->\n");
        assert_spans(&RULE, "<!-- ここに記入してください -->\n\n本文\n");
        assert_spans(&RULE, "See <https://example.com/TODO> or <a@b.jp>.\n");
        assert_spans(&RULE, "`TODO` と `<your name>` はコード、https://example.com/TODO/XXX は URL\n");
        assert_spans(&RULE, "```\nTODO <your name> ○○ 未記入\n```\n");
        assert_spans(&RULE, "    TODO indented code\n");
        assert_spans(&RULE, "A List<string> and a < b > c, x <- y, <1>\n");
        assert_spans(&RULE, "A <- B -> C, 使用率が <80% で、>90% になると, x <=y =>\n");
        assert_spans(&RULE, "＜重要＞ 本番で発生しています。〈参考〉 <Note> 以下の通り\n");
        assert_spans(&RULE, "todo list and the Todo app, TODOS\n");
        assert_spans(&RULE, "| 項目 | 可否 |\n|---|---|\n| A | ○ |\n| B | × |\n");
        assert_spans(&RULE, "フォームが未記入のまま送信されます\n");
        assert_spans(&RULE, "「パスワードを入力してください」と表示されます\n");
        assert_spans(&RULE, "(詳細は添付ファイルに記載) (see attached) [注意] <省略> <masked>\n");
        assert_spans(&RULE, "回答は日本語でお願いします。手順を記載した資料はありますか\n");
        assert_spans(&RULE, "ここに記載の手順で実施しました。ここに書いてある通りです。\n");
        assert_spans(&RULE, "[click here](https://example.com) (list of VMs below) (add 3 nodes) (Enter key)\n");
        assert_spans(&RULE, "---\nsummary: Line breaks <br> vanish in the portal\n---\n");
    }

    #[test]
    fn a_lone_ellipsis_is_template_text() {
        assert_spans(&RULE, "## 問題\n«...»\n\n## 再現手順\n1. «...»\n2. «…»\n");
        assert_spans(&RULE, "| a | b |\n|---|---|\n| «...» | x |\n");
        assert_spans(&RULE, "---\nsummary: «...»\n---\n");
        // Ellipses inside sentences, and in the errors section (error-excerpt's), do not.
        assert_spans(&RULE, "## 問題\n再起動すると... 接続できない…\n## ログ\n...\n");
    }

    #[test]
    fn errors_section_only_counts_instructions() {
        assert_spans(
            &RULE,
            "## エラー メッセージ\nat Foo<T>() TODO XXX <unknown> ○○\n\n«(ここにエラーを貼り付け)»\n",
        );
        assert_spans(&RULE, "## Error messages\n«(paste the full output here)»\n");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "<", ">", "<>", "＜＞", "((", "---\nsummary: [1, {a: <x>}]\n---\n", "---\n: <\n---\n"] {
            check(&RULE, text);
        }
        assert_spans(&RULE, "---\nsummary: [1, {a: «<x>»}]\n---\n");
    }
}
