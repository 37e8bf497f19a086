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

/// The house style of Japanese text, for tests: every sentence ends in `。`, a question
/// mark is full-width (`？`), and a sentence holds at most one parenthetical. Inline code
/// (`` `…` ``) is the user's text or a name, and is not judged.
#[cfg(test)]
pub(crate) mod style {
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
    fn without_code(text: &str) -> String {
        let mut out = String::new();
        for (i, part) in text.split('`').enumerate() {
            out.push_str(if i % 2 == 0 { part } else { "code" });
        }
        out
    }

    /// Splits after each `。` that closes a sentence (not one inside 「」).
    fn sentences(text: &str) -> Vec<String> {
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
}
