//! The body sections of format.md, how a heading names one, and the quick fix that
//! inserts the headings of missing ones.

use unicode_normalization::UnicodeNormalization;

use crate::body::Body;
use crate::diagnostic::{Fix, TextEdit};
use crate::messages::{Lang, Msg};
use crate::text::{line_break, line_start};

/// A section of the request body (format.md, "Body sections").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionKind {
    Goal,
    Problem,
    Steps,
    Frequency,
    Changes,
    Errors,
    Tried,
    Environment,
    Related,
    Contacts,
}

impl SectionKind {
    pub const ALL: [SectionKind; 10] = [
        SectionKind::Goal,
        SectionKind::Problem,
        SectionKind::Steps,
        SectionKind::Frequency,
        SectionKind::Changes,
        SectionKind::Errors,
        SectionKind::Tried,
        SectionKind::Environment,
        SectionKind::Related,
        SectionKind::Contacts,
    ];

    /// The id used in the spec (`goal`, `problem`, …).
    pub fn id(self) -> &'static str {
        match self {
            SectionKind::Goal => "goal",
            SectionKind::Problem => "problem",
            SectionKind::Steps => "steps",
            SectionKind::Frequency => "frequency",
            SectionKind::Changes => "changes",
            SectionKind::Errors => "errors",
            SectionKind::Tried => "tried",
            SectionKind::Environment => "environment",
            SectionKind::Related => "related",
            SectionKind::Contacts => "contacts",
        }
    }

    /// Heading names that open this section, English then Japanese.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            SectionKind::Goal => &["Goal", "ゴール", "目的"],
            SectionKind::Problem => &["Problem", "Question", "問題", "質問", "事象"],
            SectionKind::Steps => &["Steps to reproduce", "Reproduction", "再現手順"],
            SectionKind::Frequency => &["Frequency", "頻度", "発生頻度"],
            SectionKind::Changes => &["Recent changes", "直前の変更", "変更点"],
            SectionKind::Errors => &[
                "Error messages",
                "Logs",
                "エラー メッセージ",
                "エラーメッセージ",
                "ログ",
            ],
            SectionKind::Tried => &[
                "What we tried",
                "Workarounds",
                "試した対策",
                "実施済みの対策",
                "回避策",
            ],
            SectionKind::Environment => &["Environment", "Terms", "環境", "用語"],
            SectionKind::Related => &["Related requests", "関連するお問い合わせ"],
            SectionKind::Contacts => &["Additional contacts", "追加の連絡先"],
        }
    }

    /// The heading inserted by quick fixes and templates.
    pub fn heading(self, lang: Lang) -> &'static str {
        let names = self.names();
        match lang {
            Lang::En => names[0],
            Lang::Ja => names
                .iter()
                .find(|n| !n.is_ascii())
                .copied()
                .unwrap_or(names[0]),
        }
    }

    /// What belongs in the section (hover and template hints).
    pub fn purpose(self) -> Msg {
        let (en, ja) = match self {
            SectionKind::Goal => ("What outcome the request is after: restore service, learn the cause, get a procedure confirmed.", "このお問い合わせで何を実現したいか（復旧、原因の把握、手順の確認など）。"),
            SectionKind::Problem => ("The problem or the question itself, one per request.", "問題またはご質問そのもの。1 件のお問い合わせには 1 つの問題を。"),
            SectionKind::Steps => ("The operations that make the problem happen, in order.", "どの操作をすると問題が起きるか、順を追って。"),
            SectionKind::Frequency => ("How often it happens: once, every N hours, regularly or irregularly.", "発生の頻度: 一度だけ、N 時間ごと、定期的・不定期など。"),
            SectionKind::Changes => ("Configuration or setting changes made just before it started, as precisely as possible.", "発生直前に行った構成や設定の変更を、できるだけ詳しく。"),
            SectionKind::Errors => ("The complete error output, from the command or operation up to the error, not just the line that looked relevant.", "エラーの全文。エラー行だけを抜き出さず、コマンドや操作の開始からエラーまでを通して。"),
            SectionKind::Tried => ("What you tried or investigated, and any workaround you know of.", "試した対策や調査の内容、既知の回避策の有無。"),
            SectionKind::Environment => ("Which concrete resources names such as \"production\" or \"PoC\" stand for, and how they differ.", "「本番環境」「PoC」などの呼び名が、どのリソースを指し、どう違うのか。"),
            SectionKind::Related => ("Numbers of related earlier or parallel requests and the engineer in charge.", "関連するお問い合わせ番号と、その担当エンジニア名。"),
            SectionKind::Contacts => ("Other people to add to the conversation.", "やり取りに追加したい他のご担当者の連絡先。"),
        };
        Msg::new(en, ja)
    }
}

/// NFKC, lower case, trimmed, without a leading number or enclosing brackets.
fn normalize_heading(text: &str) -> String {
    // Most headings are already in NFKC: the quick check skips the rebuilding.
    let nfkc: String = match unicode_normalization::is_nfkc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text.to_lowercase(),
        _ => text.nfkc().collect::<String>().to_lowercase(),
    };
    let mut s = nfkc.trim();
    // leading number: `1.`, `1)`, `(1)`, `1:`
    let stripped = strip_leading_number(s);
    s = stripped.trim_start();
    // enclosing brackets: 【問題】, [Problem]
    for (open, close) in [('【', '】'), ('[', ']'), ('〔', '〕'), ('「', '」')] {
        if let Some(rest) = s.strip_prefix(open) {
            let inner = match rest.find(close) {
                Some(i) => format!("{}{}", &rest[..i], &rest[i + close.len_utf8()..]),
                None => rest.to_string(),
            };
            return inner.trim().to_string();
        }
    }
    s.to_string()
}

fn strip_leading_number(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix('(') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(')') {
            return &rest[digits + 1..];
        }
        return s;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return s;
    }
    let rest = &s[digits..];
    for sep in ['.', ')', ':', '-'] {
        if let Some(r) = rest.strip_prefix(sep) {
            return r;
        }
    }
    if rest.starts_with(char::is_whitespace) {
        return rest;
    }
    s
}

/// The section a heading's text names, if any (rules.md, "Section headings").
pub fn section_of_heading(text: &str) -> Option<SectionKind> {
    // Every heading of every document is matched: normalise the names once.
    static NAMES: std::sync::LazyLock<Vec<(String, SectionKind)>> =
        std::sync::LazyLock::new(|| {
            SectionKind::ALL
                .iter()
                .flat_map(|kind| {
                    kind.names()
                        .iter()
                        .map(|name| (name.nfkc().collect::<String>().to_lowercase(), *kind))
                })
                .collect()
        });
    let norm = normalize_heading(text);
    let mut best: Option<(usize, SectionKind)> = None;
    for (name_norm, kind) in NAMES.iter() {
        let Some(rest) = norm.strip_prefix(name_norm.as_str()) else {
            continue;
        };
        let continues_ok = rest.is_empty()
            || rest.starts_with(char::is_whitespace)
            || rest.starts_with(['(', '（', ':', '：', '-']);
        if continues_ok && best.is_none_or(|(len, _)| name_norm.len() > len) {
            best = Some((name_norm.len(), *kind));
        }
    }
    best.map(|(_, k)| k)
}

/// Whether a heading opens the problem section under one of its question names
/// (Question, 質問): the questions of a request, which follow its problem (問題) as the
/// questions about it rather than as a second problem.
pub fn names_questions(text: &str) -> bool {
    const QUESTION_NAMES: [&str; 2] = ["question", "質問"];
    section_of_heading(text) == Some(SectionKind::Problem)
        && QUESTION_NAMES
            .iter()
            .any(|n| normalize_heading(text).starts_with(n))
}

/// A quick fix that inserts a heading for each of `missing` (in `lang`): before the
/// first section that comes later in format.md's order, else at the end of the body.
pub fn insert_sections_fix(text: &str, body: &Body, missing: &[SectionKind], lang: Lang) -> Fix {
    let nl = line_break(text);
    let default_level = body
        .sections
        .first()
        .map_or(2, |s| body.headings[s.heading].level);
    // Group by anchor: the heading index to insert before, or None for the end.
    let mut groups: Vec<(Option<usize>, Vec<SectionKind>)> = Vec::new();
    let mut kinds = missing.to_vec();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let anchor = body
            .sections
            .iter()
            .filter(|s| s.kind > kind)
            .map(|s| s.heading)
            .min();
        match groups.iter_mut().find(|(a, _)| *a == anchor) {
            Some((_, ks)) => ks.push(kind),
            None => groups.push((anchor, vec![kind])),
        }
    }
    let mut edits = Vec::new();
    for (anchor, ks) in groups {
        // The heading with the template's hint of what belongs there (an empty heading
        // would say nothing; the hint is still section-empty's until it is written).
        let heading_line = |kind: SectionKind, level: u8| {
            format!(
                "{} {}{nl}<!-- {} -->{nl}",
                "#".repeat(usize::from(level.clamp(1, 6))),
                kind.heading(lang),
                kind.purpose().get(lang)
            )
        };
        match anchor {
            Some(h) => {
                let level = body.headings[h].level;
                let at = line_start(text, body.headings[h].range.start);
                let new_text: String = ks
                    .iter()
                    .map(|k| format!("{}{nl}", heading_line(*k, level)))
                    .collect();
                edits.push(TextEdit {
                    range: at..at,
                    new_text,
                });
            }
            None => {
                let at = text.len();
                let prefix =
                    if text.is_empty() || text.ends_with("\n\n") || text.ends_with("\r\n\r\n") {
                        String::new()
                    } else if text.ends_with('\n') {
                        nl.to_string()
                    } else {
                        format!("{nl}{nl}")
                    };
                let headings: Vec<String> =
                    ks.iter().map(|k| heading_line(*k, default_level)).collect();
                edits.push(TextEdit {
                    range: at..at,
                    new_text: format!("{prefix}{}", headings.join(nl)),
                });
            }
        }
    }
    edits.sort_by_key(|e| e.range.start);
    let names = |lang: Lang| {
        missing
            .iter()
            .map(|k| k.heading(lang))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Ja { "」「" } else { ", " })
    };
    let title = if missing.len() == 1 {
        Msg::new(
            format!("Insert the section \"{}\"", names(Lang::En)),
            format!("セクション「{}」を挿入する", names(Lang::Ja)),
        )
    } else {
        Msg::new(
            format!("Insert the sections {}", names(Lang::En)),
            format!("セクション「{}」を挿入する", names(Lang::Ja)),
        )
    };
    Fix {
        title,
        edits,
        resolves: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_match_per_spec() {
        assert_eq!(
            section_of_heading("Error messages (full output)"),
            Some(SectionKind::Errors)
        );
        assert_eq!(section_of_heading("1. ゴール"), Some(SectionKind::Goal));
        assert_eq!(section_of_heading("【問題】"), Some(SectionKind::Problem));
        assert_eq!(section_of_heading("(2) 再現手順"), Some(SectionKind::Steps));
        assert_eq!(section_of_heading("ＧＯＡＬ"), Some(SectionKind::Goal));
        assert_eq!(
            section_of_heading("エラー メッセージ：抜粋なし"),
            Some(SectionKind::Errors)
        );
        assert_eq!(section_of_heading("ログイン失敗"), None);
        assert_eq!(section_of_heading("Goals"), None);
        assert_eq!(
            section_of_heading("Environment - production"),
            Some(SectionKind::Environment)
        );
    }
}
