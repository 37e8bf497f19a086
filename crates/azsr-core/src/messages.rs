//! Bilingual text. Every message exists in Japanese and English; the language is
//! chosen when the message is shown, not when it is made.

/// The language of messages, hovers, inserted headings and templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ja,
}

impl Lang {
    /// `ja`, `ja-JP`, `ja_JP.UTF-8` … are Japanese; anything else English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Msg {
    pub en: String,
    pub ja: String,
}

impl Msg {
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Self {
        Msg {
            en: en.into(),
            ja: ja.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// `msg!("English {x}", "日本語 {x}")`: formats both languages at once.
#[macro_export]
macro_rules! msg {
    ($en:expr, $ja:expr $(,)?) => {
        $crate::messages::Msg::new(format!($en), format!($ja))
    };
}

/// The house style of the text a person reads, checked by tests (here, over the rules'
/// documentation, every message the harness's inputs produce, hovers, and the CLI's run
/// messages). Inline code (`` `…` ``) and quoted text (「…」 in Japanese, "…" in English)
/// are a name or the user's own text, and are not judged.
///
/// Japanese: every sentence ends in `。` and in the polite form (です・ます); `？ ！ （ ）`
/// are full-width; a message holds at most one parenthetical; the user's text is quoted
/// in 「」 (never `"…"`); no half-width kana; one term for each thing ([`GLOSSARY`]).
/// English: sentence case; a message is whole sentences, each ending in `.` (or `?`);
/// no full-width punctuation. A quick fix's title is an action, without a final stop:
/// Japanese ends in the verb's plain form (`「…」に置き換える`, `… を追加する`), English
/// starts with the imperative (`Replace with …`, `Add …`). A related location's label is a
/// noun phrase without a final stop, in sentence case.
#[doc(hidden)]
pub mod style {
    use super::Msg;

    /// One term for each thing in Japanese: the term used, then the variants not used.
    pub const GLOSSARY: &[(&str, &[&str])] = &[
        ("フロント マター", &["フロントマター", "フロント・マター"]),
        (
            "お問い合わせ",
            &["このリクエスト", "サポート要求", "問合せ"],
        ),
        ("項目", &["フィールド", "キー名"]),
        ("重大度", &["深刻度", "緊急度"]),
        ("メール アドレス", &["メールアドレス"]),
        ("タイム ゾーン", &["タイムゾーン"]),
        ("コード ブロック", &["コードブロック"]),
        ("エラー メッセージ", &["エラーメッセージ"]),
        ("サービス カタログ", &["サービスカタログ"]),
        ("サポート プラン", &["サポートプラン", "サポート契約"]),
        ("リソース ID", &["リソースID"]),
        ("サブスクリプション ID", &["サブスクリプションID"]),
        ("添付ファイル", &["添付 ファイル"]),
        ("設定ファイル", &["構成ファイル", "設定 ファイル"]),
        ("全角", &["全幅"]),
        ("半角", &["半幅"]),
    ];

    /// What a piece of text is, which decides how it ends.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Form {
        /// A finding, a run message, an error: whole sentences.
        Sentences,
        /// A quick fix's title: an action.
        Action,
        /// A related location's label: a noun phrase.
        Label,
    }

    /// Why `msg` breaks the style, each reason prefixed with its language.
    pub fn check(msg: &Msg, form: Form) -> Vec<String> {
        let ja = check_ja(&msg.ja, form)
            .into_iter()
            .map(|w| format!("ja: {w}"));
        let en = check_en(&msg.en, form)
            .into_iter()
            .map(|w| format!("en: {w}"));
        ja.chain(en).collect()
    }

    /// `text` with each inline code span replaced by `code` and the inside of each quote
    /// (`open` … `close`) by `q`: what is left is our own wording.
    fn own_words(text: &str, open: char, close: char) -> String {
        let mut out = String::new();
        let (mut code, mut quoted) = (false, 0usize);
        for c in text.chars() {
            match c {
                '`' if quoted == 0 => {
                    code = !code;
                    if code {
                        out.push_str("code");
                    }
                }
                _ if code => {}
                c if c == open && (open != close || quoted == 0) => {
                    quoted += 1;
                    out.push(c);
                    out.push('q');
                }
                c if c == close && quoted > 0 => {
                    quoted -= 1;
                    out.push(c);
                }
                _ if quoted > 0 => {}
                c => out.push(c),
            }
        }
        out
    }

    /// Why a Japanese text breaks the style.
    pub fn check_ja(text: &str, form: Form) -> Vec<String> {
        let mut wrong = ja_characters(text);
        let own = own_words(text, '「', '」');
        if own.matches(['(', '（']).count() > 1 {
            wrong.push(format!("more than one parenthetical: {text}"));
        }
        let ends = own.trim_end();
        match form {
            Form::Sentences => {
                for sentence in sentences(&own) {
                    if let Err(why) = check_ja_sentence(&sentence) {
                        wrong.push(format!("{why}: {text}"));
                    } else if !is_polite(&sentence) {
                        wrong.push(format!("not in the polite form (です・ます): {text}"));
                    }
                }
            }
            Form::Action => {
                if !without_final_parenthetical(ends)
                    .ends_with(['る', 'う', 'く', 'す', 'つ', 'む', 'ぶ', 'ぐ'])
                {
                    wrong.push(format!(
                        "an action does not end in a verb's plain form: {text}"
                    ));
                }
            }
            Form::Label => {
                if ends.ends_with(['。', '、', '：', ':']) {
                    wrong.push(format!("a label ends in punctuation: {text}"));
                }
            }
        }
        wrong
    }

    /// The checks of Japanese that hold for every character of our own wording, in a
    /// message or in Markdown: full-width ？！（）, 「」 for quotes, no half-width kana,
    /// the glossary's terms.
    pub fn ja_characters(text: &str) -> Vec<String> {
        let own = own_words(text, '「', '」');
        let mut wrong = Vec::new();
        for (half, full) in [('?', '？'), ('!', '！'), ('(', '（'), (')', '）')] {
            if own.contains(half) {
                wrong.push(format!("half-width {half} (write {full}): {text}"));
            }
        }
        if own.contains(['"', '“', '”', '『']) {
            wrong.push(format!("quotes other than 「」: {text}"));
        }
        if own.chars().any(|c| ('\u{ff61}'..='\u{ff9f}').contains(&c)) {
            wrong.push(format!("half-width kana: {text}"));
        }
        for (term, variants) in GLOSSARY {
            for variant in variants.iter().filter(|v| own.contains(**v)) {
                wrong.push(format!("{variant} (the glossary's term is {term}): {text}"));
            }
        }
        wrong
    }

    /// A sentence (with its `。`) ends in the polite form, before a final parenthetical.
    fn is_polite(sentence: &str) -> bool {
        let s = without_final_parenthetical(sentence.trim_end_matches('。').trim_end());
        [
            "です",
            "ます",
            "ません",
            "ました",
            "ください",
            "でした",
            "ましょう",
            "ませんか",
            "でしょうか",
        ]
        .iter()
        .any(|e| s.ends_with(e))
    }

    /// `text` without the parenthetical it ends with, if it ends with one.
    fn without_final_parenthetical(text: &str) -> &str {
        match text
            .strip_suffix(['）', ')'])
            .and_then(|r| r.rfind(['（', '(']))
        {
            Some(open) => text[..open].trim_end(),
            None => text,
        }
    }

    /// Why an English text breaks the style.
    pub fn check_en(text: &str, form: Form) -> Vec<String> {
        let mut wrong = Vec::new();
        let own = own_words(text, '"', '"');
        if own.contains(['。', '、', '（', '）', '「', '」', '？', '！', '：']) {
            wrong.push(format!("full-width punctuation: {text}"));
        }
        let first = text.chars().next().unwrap_or(' ');
        if !(first.is_uppercase() || first.is_ascii_digit() || first == '`' || first == '"') {
            wrong.push(format!("not in sentence case: {text}"));
        }
        let ends = text.trim_end();
        match form {
            Form::Sentences => {
                if !ends.ends_with(['.', '?']) {
                    wrong.push(format!("does not end in a full stop: {text}"));
                }
            }
            Form::Action | Form::Label => {
                if ends.ends_with(['.', ':', ';']) {
                    wrong.push(format!("ends in punctuation: {text}"));
                }
            }
        }
        wrong
    }

    /// Why Japanese Markdown (a hover, a rule's documentation) breaks the style: each
    /// sentence of its paragraphs as [`check_ja_sentence`] says, and every character as
    /// [`ja_characters`] says; list items and tables may be phrases.
    pub fn check_ja_markdown(doc: &str) -> Vec<String> {
        let japanese = |s: &str| s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
        let mut wrong: Vec<String> = prose_paragraph_sentences(doc)
            .into_iter()
            .filter(|s| japanese(s))
            .filter_map(|s| check_ja_sentence(&s).err().map(|why| format!("{why}: {s}")))
            .collect();
        let mut fence = false;
        for line in doc.lines() {
            if line.trim_start().starts_with("```") {
                fence = !fence;
            }
            if !fence && japanese(line) {
                wrong.extend(ja_characters(&without_link_targets(line)));
            }
        }
        wrong
    }

    /// `line` without the targets of its Markdown links (`[text](target)` → `[text]`).
    fn without_link_targets(line: &str) -> String {
        let mut out = String::new();
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 2..];
            rest = rest.find(')').map_or("", |close| &rest[close + 1..]);
        }
        out.push_str(rest);
        out
    }

    /// The sentences of a Markdown document's paragraphs (not its list items).
    fn prose_paragraph_sentences(doc: &str) -> Vec<String> {
        let mut kept = String::new();
        let mut fence = false;
        for line in doc.lines() {
            let t = line.trim();
            if t.starts_with("```") {
                fence = !fence;
            }
            let item = t.starts_with("- ")
                || t.starts_with("* ")
                || t.split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok());
            // A list item's continuation is indented: it goes with the item. A bold line
            // without a sentence in it is a title.
            let title = t.starts_with("**") && !t.contains('。');
            if fence || item || title || line.starts_with("  ") {
                kept.push('\n');
                kept.push_str(if t.starts_with("```") { t } else { "" });
                continue;
            }
            kept.push_str(line);
            kept.push('\n');
        }
        prose_sentences(&kept)
    }

    /// The sentences of a Markdown document's prose: paragraphs and list items, without
    /// headings, fenced blocks, tables and inline code (each code span becomes `code`).
    pub fn prose_sentences(doc: &str) -> Vec<String> {
        let mut units: Vec<String> = Vec::new();
        let mut current = String::new();
        // The open fence's backtick count: a shorter run inside is the example's own.
        let mut fence: Option<usize> = None;
        let flush = |current: &mut String, units: &mut Vec<String>| {
            if !current.trim().is_empty() {
                units.push(std::mem::take(current));
            }
            current.clear();
        };
        for line in doc.lines() {
            let t = line.trim();
            let ticks = t.len() - t.trim_start_matches('`').len();
            match fence {
                None if ticks >= 3 => {
                    fence = Some(ticks);
                    flush(&mut current, &mut units);
                    continue;
                }
                Some(open) if ticks >= open && t.len() == ticks => {
                    fence = None;
                    continue;
                }
                Some(_) => continue,
                None => {}
            }
            if t.starts_with('#') || t.starts_with('|') || t.is_empty() {
                flush(&mut current, &mut units);
                continue;
            }
            let item = t.strip_prefix("- ").or_else(|| {
                t.split_once(". ")
                    .filter(|(n, _)| n.parse::<u32>().is_ok())
                    .map(|(_, r)| r)
            });
            if let Some(item) = item {
                flush(&mut current, &mut units);
                current.push_str(item);
            } else {
                current.push_str(t);
            }
        }
        flush(&mut current, &mut units);
        units
            .iter()
            .flat_map(|u| sentences(&without_code(u)))
            .collect()
    }

    /// `text` with each inline code span replaced by `code`.
    pub fn without_code(text: &str) -> String {
        let mut out = String::new();
        for (i, part) in text.split('`').enumerate() {
            out.push_str(if i % 2 == 0 { part } else { "code" });
        }
        out
    }

    /// Splits after each `。` that closes a sentence (not one inside 「」).
    pub fn sentences(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut current = String::new();
        let mut quoted = 0usize;
        for c in text.chars() {
            current.push(c);
            match c {
                '「' => quoted += 1,
                '」' => quoted = quoted.saturating_sub(1),
                '。' if quoted == 0 => out.push(std::mem::take(&mut current).trim().to_string()),
                _ => {}
            }
        }
        if !current.trim().is_empty() {
            out.push(current.trim().to_string());
        }
        out
    }

    /// Why one sentence (inline code already removed) breaks the style, if it does.
    pub fn check_ja_sentence(sentence: &str) -> Result<(), &'static str> {
        if !sentence.ends_with('。') {
            return Err("does not end in 。");
        }
        if sentence.contains('?') {
            return Err("half-width ? (write ？)");
        }
        if sentence.matches(['(', '（']).count() > 1 {
            return Err("more than one parenthetical");
        }
        Ok(())
    }

    #[cfg(test)]
    #[test]
    fn the_style_is_judged_outside_code() {
        let doc = "## 見出し\n\n`a?` を確認します。\n\n- 項目です\n- 項目です。\n\n````markdown\n```\nx?\n```\n````\n\n本当? (a) (b) です。\n";
        let wrong: Vec<_> = prose_sentences(doc)
            .into_iter()
            .filter_map(|s| check_ja_sentence(&s).err().map(|e| (s, e)))
            .collect();
        assert_eq!(
            wrong,
            [
                ("項目です".to_string(), "does not end in 。"),
                (
                    "本当? (a) (b) です。".to_string(),
                    "half-width ? (write ？)"
                ),
            ]
        );
    }

    #[cfg(test)]
    #[test]
    fn messages_are_judged_by_their_form() {
        use Form::*;
        let ja = |t: &str, f| check_ja(t, f).len();
        assert_eq!(
            ja(
                "不明な項目「mail (x)」です。`a (b) (c)` を確認してください。",
                Sentences
            ),
            0
        );
        assert_eq!(ja("項目がありません", Sentences), 1, "no 。");
        assert_eq!(ja("項目がない。", Sentences), 1, "not polite");
        assert_eq!(ja("本当ですか?", Sentences), 2, "? and no 。");
        assert_eq!(
            ja("A です (1)。B です (2)。", Sentences),
            3,
            "( twice, and two parentheticals"
        );
        assert_eq!(ja("A です（1）。B です（2）。", Sentences), 1);
        assert_eq!(ja("フロントマターに \"x\" ｶ があります。", Sentences), 3);
        assert_eq!(ja("`B` に置き換える", Action), 0);
        assert_eq!(ja("`B` に置き換え", Action), 1);
        assert_eq!(ja("最初の `key`", Label), 0);
        let en = |t: &str, f| check_en(t, f).len();
        assert_eq!(en("\"復旧済み\" is not `x（y）`: choose B.", Sentences), 0);
        assert_eq!(en("unknown field `x`", Sentences), 2);
        assert_eq!(en("Replace with `B`", Action), 0);
        assert_eq!(en("Replace with `B`.", Action), 1);
    }
}
