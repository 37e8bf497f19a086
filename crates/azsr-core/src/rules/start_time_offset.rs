use crate::time::{format_offset, parse_started};
use crate::{msg, Context, Diagnostic};
use crate::rules::fix;

declare_rule! {
    /// ## What it checks
    ///
    /// That `started` carries a UTC offset (`+09:00`, `Z`). A date-time without one is
    /// read in the configuration's `time_zone`, else in `contact.time_zone` (its offset on
    /// that date, daylight saving included), else in UTC; the quick fix appends that
    /// offset.
    ///
    /// ## Why
    ///
    /// The engineer searches the platform's logs, which run in UTC, around the time the
    /// problem started. A local time without its offset can be off by many hours, and the
    /// moment that matters is then outside the window that is looked at.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// started: 2023-11-27 13:05
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// started: 2023-11-27 13:05+09:00
    /// ---
    /// ```
    "start-time-offset", Warning, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(e) = ctx.form().and_then(|f| f.get("started")) else { return };
    let Some(v) = e.value.text() else { return };
    let Some(started) = parse_started(v) else {
        return; // start-time
    };
    if started.offset.is_some() {
        return;
    }
    let offset = format_offset(ctx.started_offset(started.datetime));
    let end = v.trim_end().len();
    let at = e.value.sub_span(ctx.text, end..end);
    let insert = if at.is_empty() { at.start } else { e.value.content_span(ctx.text).end };
    out.push(
        RULE.diag(
            e.value.content_span(ctx.text),
            msg!(
                "`started` has no UTC offset: it is read as {offset}; add the offset (e.g. +09:00 for Japan).",
                "`started` に UTC オフセットがないため、{offset} として扱います。オフセットを付けてください（日本時間なら +09:00）。"
            ),
        )
        .with_fix(fix::edit(
            msg!("Append {offset}", "{offset} を付ける"),
            insert..insert,
            offset.clone(),
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::apply_edits;
    use crate::testing::{assert_spans, check, check_with, CLEAN_EN, CLEAN_JA};

    fn fix(text: &str, config: &crate::Config) -> String {
        let d = check_with(&RULE, text, config, None);
        apply_edits(text, &d[0].fixes[0].edits)
    }

    #[test]
    fn fires_without_an_offset() {
        assert_spans(&RULE, "---\nstarted: «2023-11-27 13:05»\n---\n");
        assert_spans(&RULE, "---\nstarted: «2023-11-27T13:05:00»\n---\n");
        assert_spans(&RULE, "---\nstarted: \"«2023-11-27T13:05:00.5»\"\n---\n");
    }

    #[test]
    fn fix_appends_the_right_offset() {
        let none = crate::Config::default();
        assert_eq!(fix("---\nstarted: 2023-11-27 13:05\n---\n", &none), "---\nstarted: 2023-11-27 13:05+00:00\n---\n");
        let tokyo = "---\nstarted: 2023-11-27T13:05\ncontact:\n  time_zone: Tokyo Standard Time\n---\n";
        assert!(fix(tokyo, &none).contains("started: 2023-11-27T13:05+09:00\n"));
        // daylight saving time of the zone on that date
        let ny = "---\nstarted: \"2023-07-01 12:00\"\ncontact:\n  time_zone: America/New_York\n---\n";
        assert!(fix(ny, &none).contains("started: \"2023-07-01 12:00-04:00\"\n"));
        // the configuration wins
        let config = crate::Config { time_zone: Some("+05:30".into()), ..Default::default() };
        let fixed = fix(tokyo, &config);
        assert!(fixed.contains("started: 2023-11-27T13:05+05:30\n"));
        let d = check(&RULE, &fixed);
        assert!(d.is_empty());
        let fm = crate::frontmatter::parse(&fixed).unwrap();
        assert!(fm.error.is_none());
        let d = check(&RULE, tokyo);
        assert!(d[0].message.en.contains("+09:00") && d[0].message.ja.contains("+09:00"));
    }

    #[test]
    fn passes_with_an_offset_or_an_unparseable_value() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        for v in ["2023-11-27T13:05:00+09:00", "2023-11-27 04:05Z", "2023-11-27T13:05:00-0500", "yesterday", "2023-11-27", "", "{a: b}"] {
            let text = format!("---\nstarted: {v}\n---\n");
            assert!(check(&RULE, &text).is_empty(), "{text}");
        }
    }
}
