use crate::form::not_single;
use crate::time::parse_started;
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// That `started` is an ISO 8601 / RFC 3339 date-time (`2023-11-27T13:05:00+09:00`;
    /// a space instead of `T` and a missing seconds field are fine; a date alone, or a
    /// list or mapping, is not),
    /// and that it is not in the future: later than the checker's current time plus five
    /// minutes. A value without an offset is read as `start-time-offset` says (the
    /// configuration's `time_zone`, else `contact.time_zone`, else UTC).
    ///
    /// ## Why
    ///
    /// Support asks when the error or problem first happened: the engineer looks at the
    /// platform's logs around that moment, so it has to be a precise point in time. A
    /// time in the future is a typo (often the wrong year or month) and would send the
    /// investigation to logs that do not exist yet.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ---
    /// started: 昨日の夜
    /// ---
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ---
    /// started: 2023-11-27T13:05:00+09:00
    /// ---
    /// ```
    "start-time", Error, check
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(e) = ctx.form().and_then(|f| f.get("started")) else { return };
    if let Some(m) = not_single("started", &e.value) {
        out.push(RULE.diag(e.value.full_span(ctx.text), m));
        return;
    }
    let Some(v) = e.value.text() else { return };
    let span = e.value.content_span(ctx.text);
    let Some(started) = parse_started(v) else {
        let date_only = v.trim().parse::<jiff::civil::Date>().is_ok();
        let message = if date_only {
            let d = v.trim();
            msg!(
                "`started` needs a time as well as the date, e.g. {d}T09:00:00+09:00.",
                "`started` には日付に加えて時刻も記入してください（例: {d}T09:00:00+09:00）。"
            )
        } else {
            msg!(
                "`started` is not an ISO 8601 date-time: write e.g. 2023-11-27T13:05:00+09:00.",
                "`started` が ISO 8601 形式の日時ではありません。2023-11-27T13:05:00+09:00 のように記入してください。"
            )
        };
        out.push(RULE.diag(span, message));
        return;
    };
    let offset = ctx.started_offset(started.datetime);
    let Some(ts) = started.timestamp(offset) else {
        return;
    };
    let limit = ctx.env.now.checked_add(jiff::SignedDuration::from_mins(5));
    if limit.is_ok_and(|limit| ts > limit) {
        out.push(RULE.diag(
            span,
            msg!(
                "`started` is in the future: give the time the problem first occurred.",
                "`started` が未来の日時です。問題が最初に発生した日時を記入してください。"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check, check_with, CLEAN_EN, CLEAN_JA};

    // the test clock is 2026-11-24T00:00:00Z

    #[test]
    fn fires_on_unparseable_values() {
        assert_spans(&RULE, "---\nstarted: «昨日の夜»\n---\n");
        assert_spans(&RULE, "---\nstarted: «last night»\n---\n");
        let d = assert_spans(&RULE, "---\nstarted: «2026-11-20»\n---\n");
        assert!(d[0].message.en.contains("2026-11-20T09:00:00+09:00"));
        assert!(d[0].message.ja.contains("時刻"));
        assert_spans(&RULE, "---\nstarted: \"«2026/11/20 13:05»\"\n---\n");
        assert_spans(&RULE, "---\nstarted: «2026-13-20T13:05:00+09:00»\n---\n");
        assert_spans(&RULE, "---\nstarted: «20261120»\n---\n");
        assert_spans(&RULE, "---\nstarted: «{date: 2026-11-20, time: 13:05}»\n---\n");
    }

    #[test]
    fn fires_on_future_times() {
        assert_spans(&RULE, "---\nstarted: «2026-11-24T09:06:00+09:00»\n---\n");
        assert_spans(&RULE, "---\nstarted: «2027-01-01T00:00:00Z»\n---\n");
        // no offset: read as UTC, or in contact.time_zone
        assert_spans(&RULE, "---\nstarted: «2026-11-24T00:06»\n---\n");
        assert!(check(&RULE, "---\nstarted: 2026-11-24T08:30\ncontact:\n  time_zone: Tokyo Standard Time\n---\n").is_empty());
        let config = crate::Config { time_zone: Some("+09:00".into()), ..Default::default() };
        assert!(check_with(&RULE, "---\nstarted: 2026-11-24 08:30\n---\n", &config, None).is_empty());
        let config = crate::Config { time_zone: Some("-05:00".into()), ..Default::default() };
        assert_eq!(check_with(&RULE, "---\nstarted: 2026-11-23 20:00\n---\n", &config, None).len(), 1);
    }

    #[test]
    fn passes_on_past_date_times() {
        assert!(check(&RULE, CLEAN_JA).is_empty());
        assert!(check(&RULE, CLEAN_EN).is_empty());
        for v in [
            "2023-11-27T13:05:00+09:00",
            "2023-11-27 13:05+09:00",
            "2026-11-24T00:04:59Z",
            "2026-11-24T09:05:00+09:00",
            "\"2023-11-27T04:05:00.123Z\"",
            "2023-11-27T13:05",
            "",
        ] {
            let text = format!("---\nstarted: {v}\n---\n");
            assert!(check(&RULE, &text).is_empty(), "{text}");
        }
    }
}
