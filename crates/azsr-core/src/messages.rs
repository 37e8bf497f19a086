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
