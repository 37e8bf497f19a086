use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::frontmatter::{YamlNode, YamlValue};
use crate::form::list_items;
use crate::text::term_is_whole;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// Support request numbers: each entry of `related_requests` (a number, a string, or
    /// the `number` of a `{number, engineer}` mapping), and each number of six digits or
    /// more that the body introduces as a request number. A well-formed number has 16
    /// digits starting with a plausible date `YYMMDD` (a real calendar date, not after
    /// today), or is a legacy 15-digit number `1YYMMDD21dddddd`. YAML may read the number
    /// as an integer; both forms are accepted.
    ///
    /// ## Trigger phrases
    ///
    /// A number counts as a request number when one of these comes right before it
    /// (separated only by spaces, `:`, `#`, `は`, brackets, `No.` or `番号`):
    /// お問い合わせ番号, 問い合わせ番号, お問合せ番号, 問合せ番号, サポート リクエスト番号,
    /// サポートリクエスト番号, SR番号, SR, request number, support request number,
    /// case number, ticket number (and their plurals). After a number, a list goes on
    /// (`2311270010001234、2311270010001235`, `A, B and C`).
    ///
    /// Not reported: numbers of fewer than six digits (`SR 2 件`, `case number 3 of the
    /// list`), numbers in code, URLs or resource IDs, numbers in the `errors` section, a
    /// phrase not followed by a number (`お問い合わせ番号を記載します`), `SR-IOV`, and
    /// numbers already listed in `related_requests` (checked there).
    ///
    /// ## Why
    ///
    /// Support links a new request to earlier ones by their numbers: to reopen a closed
    /// request you file a new one naming it, and a request raised to severity A is filed
    /// anew with the old number in the text. A number with a missing or extra digit
    /// names another request or none, and the history is lost.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// related_requests:
    ///   - 231127001000123
    /// ---
    ///
    /// 以前のお問い合わせ番号: 23112700100012345 の続きです。
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// related_requests:
    ///   - number: 2311270010001234
    ///     engineer: 佐藤
    /// ---
    ///
    /// 以前のお問い合わせ番号: 2311270010001234 の続きです。
    /// ```
    "request-number-format", Warning, check
}

const PHRASES: &[&str] = &[
    "お問い合わせ番号",
    "問い合わせ番号",
    "お問合せ番号",
    "問合せ番号",
    "サポート リクエスト番号",
    "サポートリクエスト番号",
    "SR番号",
    "SR",
    "request number",
    "request numbers",
    "case number",
    "case numbers",
    "ticket number",
    "ticket numbers",
];

/// All of `PHRASES` at once (one pass per block instead of one per phrase).
static PHRASE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(PHRASES)
        .expect("a few phrases")
});

/// Every occurrence of a phrase in `text`, as [`find_term`] finds them: Latin phrases
/// as whole words, Japanese ones anywhere, ASCII case-insensitive.
fn phrase_hits(text: &str) -> Vec<Range<usize>> {
    PHRASE_AC
        .find_overlapping_iter(text)
        .filter(|m| term_is_whole(text, PHRASES[m.pattern().as_usize()], m.range()))
        .map(|m| m.range())
        .collect()
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let today = ctx
        .env
        .now
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date()
        .tomorrow()
        .unwrap_or(jiff::civil::Date::MAX);
    let mut listed: Vec<String> = Vec::new();
    if let Some(e) = ctx.form().and_then(|f| f.get("related_requests")) {
        for item in list_items(&e.value) {
            let node: Option<&YamlNode> = match &item.value {
                YamlValue::Scalar { .. } => Some(item),
                YamlValue::Map(_) => item.get("number").map(|n| &n.value),
                _ => None,
            };
            let Some(node) = node else { continue };
            let Some(v) = node.text() else { continue };
            let v = v.trim();
            listed.push(v.to_string());
            if !is_request_number(v, today) {
                out.push(RULE.diag(node.content_span(ctx.text), message(v)));
            }
        }
    }
    let mut seen: Vec<Range<usize>> = Vec::new();
    for block in ctx.body.prose_outside_errors() {
        let masked = &block.masked;
        for hit in phrase_hits(masked) {
            let mut next = number_after(masked, hit.end);
            // `お問い合わせ番号: A、B` and `request numbers A, B`: every number of the list
            for _ in 0..16 {
                let Some(num) = next.take() else { break };
                let at = block.range.start + num.start..block.range.start + num.end;
                let digits = &masked[num.clone()];
                if digits.len() < 6 {
                    break;
                }
                if !seen.contains(&at) {
                    seen.push(at.clone());
                    if !listed.iter().any(|l| l == digits) && !is_request_number(digits, today) {
                        out.push(RULE.diag(at, message(digits)));
                    }
                }
                next = next_in_list(masked, num.end);
            }
        }
    }
}

fn message(v: &str) -> crate::Msg {
    let n = v.chars().filter(char::is_ascii_digit).count();
    msg!(
        "Not a well-formed support request number ({n} digits): a request number has 16 digits starting with its date (YYMMDD), e.g. 2311270010001234.",
        "お問い合わせ番号の形式が正しくありません。お問い合わせ番号は起票日 YYMMDD で始まる 16 桁ですが、これは {n} 桁です（例: 2311270010001234）。"
    )
}

/// The digits after a request-number phrase, separated only by spaces, `:`, `#`, `は`,
/// brackets, `No.` or `番号`.
fn number_after(text: &str, from: usize) -> Option<Range<usize>> {
    let mut pos = from;
    for _ in 0..8 {
        let rest = &text[pos..];
        let trimmed = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || ":：#＃は(（「[『=\"')）」]』".contains(c)
        });
        pos += rest.len() - trimmed.len();
        let lower = trimmed.get(..3).map(str::to_ascii_lowercase);
        if let Some(r) = trimmed.strip_prefix("番号") {
            pos += trimmed.len() - r.len();
        } else if lower.as_deref() == Some("no.") {
            pos += 3;
        } else if trimmed.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("number")) {
            pos += 6;
        } else {
            break;
        }
    }
    let digits = text[pos..].bytes().take_while(u8::is_ascii_digit).count();
    let after = text[pos + digits..].chars().next();
    (digits > 0 && !after.is_some_and(|c| c.is_alphabetic() && c.is_ascii())).then(|| pos..pos + digits)
}

/// The next number of a list (`A, B`, `A、B`, `A / B`, `A and B`, `A と B`).
fn next_in_list(text: &str, from: usize) -> Option<Range<usize>> {
    let rest = &text[from..];
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || ",、/・".contains(c));
    let trimmed = trimmed
        .strip_prefix("and ")
        .or_else(|| trimmed.strip_prefix("と"))
        .or_else(|| trimmed.strip_prefix("及び"))
        .unwrap_or(trimmed)
        .trim_start();
    if trimmed.len() == rest.len() {
        return None;
    }
    let pos = from + (rest.len() - trimmed.len());
    let digits = text[pos..].bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| pos..pos + digits)
}

/// 16 digits starting with a plausible `YYMMDD`, or the legacy 15 digits `1YYMMDD21dddddd`.
/// `latest` is the last plausible date (today, give or take time zones).
pub(crate) fn is_request_number(s: &str, latest: jiff::civil::Date) -> bool {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    match s.len() {
        16 => plausible_date(&s[..6], latest),
        15 => s.starts_with('1') && plausible_date(&s[1..7], latest) && &s[7..9] == "21",
        _ => false,
    }
}

fn plausible_date(yymmdd: &str, latest: jiff::civil::Date) -> bool {
    let n = |r: Range<usize>| yymmdd[r].parse::<i8>().ok();
    let (Some(yy), Some(mm), Some(dd)) = (n(0..2), n(2..4), n(4..6)) else {
        return false;
    };
    // Azure support requests exist since 2010.
    yy >= 10
        && jiff::civil::Date::new(2000 + i16::from(yy), mm, dd).is_ok_and(|d| d <= latest)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::{assert_spans, check, CLEAN_EN, CLEAN_JA};

    #[test]
    fn one_pass_finds_what_each_phrase_finds() {
        for text in [
            "お問い合わせ番号: 2311270010001234、SR 2311 と SR-IOV、case numbers 1, request number",
            "Request Number 123456 / TICKET NUMBERS / ticket_number / xSR / SR番号 / サポート リクエスト番号",
            "問合せ番号 お問合せ番号 問い合わせ番号",
        ] {
            let mut each: Vec<Range<usize>> = PHRASES
                .iter()
                .flat_map(|p| crate::text::find_term(text, p))
                .collect();
            let mut once = phrase_hits(text);
            each.sort_by_key(|r| (r.start, r.end));
            once.sort_by_key(|r| (r.start, r.end));
            assert_eq!(once, each, "{text}");
        }
    }

    #[test]
    fn well_formed_numbers() {
        let today = jiff::civil::date(2026, 11, 24);
        assert!(is_request_number("2311270010001234", today));
        assert!(is_request_number("2611240010001234", today));
        assert!(is_request_number("119112721000123", today));
        assert!(!is_request_number("231127001000123", today)); // 15 digits, not legacy
        assert!(!is_request_number("23112700100012345", today));
        assert!(!is_request_number("2313270010001234", today)); // month 13
        assert!(!is_request_number("2302300010001234", today)); // 30 February
        assert!(!is_request_number("2712010010001234", today)); // future
        assert!(!is_request_number("0912010010001234", today)); // before Azure
        assert!(!is_request_number("119112722000123", today));
        assert!(!is_request_number("2311-2700-1000-12", today));
    }

    #[test]
    fn fires_on_related_requests_entries() {
        assert_spans(&RULE, "---\nrelated_requests:\n  - «231127001000123»\n  - 2311270010001234\n  - \"«1234»\"\n  - number: «2313270010001234»\n    engineer: 佐藤\n---\n");
        assert_spans(&RULE, "---\nrelated_requests: «12345»\n---\n");
        let d = check(&RULE, "---\nrelated_requests:\n  - 231127001000123\n---\n");
        assert!(d[0].message.en.contains("15 digits"));
        assert!(d[0].message.ja.contains("16 桁"));
    }

    #[test]
    fn fires_on_numbers_the_body_calls_request_numbers() {
        for (phrase, num) in [
            ("以前のお問い合わせ番号: ", "23112700100012345"),
            ("問い合わせ番号は ", "231127001000"),
            ("お問合せ番号 #", "1234567"),
            ("サポート リクエスト番号 ", "2313270010001234"),
            ("SR ", "231127001000123"),
            ("SR#", "23112700100"),
            ("SR 番号：", "2311270010"),
            ("Our previous request number ", "231127001000123"),
            ("Case number: ", "12345678"),
            ("See ticket number No. ", "987654321"),
            ("サポート リクエスト (SR) ", "23112700100"),
        ] {
            assert_spans(&RULE, &format!("---\nsummary: x\n---\n\n## 関連するお問い合わせ\n{phrase}«{num}» の件です。\n"));
        }
    }

    #[test]
    fn every_number_of_a_list() {
        assert_spans(&RULE, "---\nsummary: x\n---\n\n関連するお問い合わせ番号: 2311270010001234、«231127001000»、«12345678» です。\n");
        assert_spans(&RULE, "---\nsummary: x\n---\n\nRequest numbers «1234567», 2311270010001234 and «99999999».\n");
        // a list of small numbers after a number is not a list of request numbers
        assert!(check(&RULE, "---\nsummary: x\n---\n\nSR 2311270010001234, 2 件目\n").is_empty());
    }

    #[test]
    fn passes_on_good_numbers_and_other_numbers() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        let text = "---\nrelated_requests:\n  - 2311270010001234\n  - number: \"119112721000123\"\n    engineer: 佐藤\n  - [x]\n  - {engineer: 佐藤}\n---\n\
\n## 問題\n\
以前のお問い合わせ番号: 2311270010001234 の続きです。\n\
SR を 2 件起票しました。SR 2 件のうち 1 件はクローズ済みです。\n\
お問い合わせ番号を記載します。\n\
SR-IOV 1234567 を有効にしています。\n\
Case number 3 of the list fails.\n\
request number `12345678` (in code) and https://example.com/SR/12345678\n\
番号 12345678 は社内の管理番号です。\n\
\n## エラー メッセージ\n\
ticket number 12345678 from the tool\n";
        let d = check(&RULE, text);
        assert!(d.is_empty(), "{d:?}");
        // a malformed number listed in related_requests is reported once, there
        let text = "---\nrelated_requests:\n  - 12345678\n---\n\nお問い合わせ番号 12345678 の続きです。\n";
        assert_eq!(check(&RULE, text).len(), 1);
    }
}
