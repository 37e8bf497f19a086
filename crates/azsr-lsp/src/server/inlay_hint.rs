//! `textDocument/inlayHint`: after `severity`, the first-response target under the
//! effective plan; after `started`, how long ago that was.

use azsr_core::fields::{Plan, Severity};
use azsr_core::{plans, time, Lang};
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, InlayHintParams};

use super::requests::Ctx;
use super::{from_proto, to_proto};

pub fn severity_label(plan: Plan, severity: Severity, lang: Lang) -> String {
    match plans::first_response(plan, severity) {
        None => match lang {
            Lang::En => format!("not offered on {}", plan.key()),
            Lang::Ja => format!("{} では選べません", plan.key()),
        },
        Some(t) => {
            let when = match (t.around_the_clock, lang) {
                (true, Lang::En) => "24x7",
                (false, Lang::En) => "business hours",
                (true, Lang::Ja) => "24 時間 365 日",
                (false, Lang::Ja) => "営業時間内",
            };
            match (t.hours, lang) {
                (Some(h), Lang::En) => format!("first response ≤ {h} h, {when}"),
                (Some(h), Lang::Ja) => format!("初回応答 {h} 時間以内、{when}"),
                (None, Lang::En) => format!("first response: see the {} table", plan.key()),
                (None, Lang::Ja) => format!("初回応答: {} の公開表を参照", plan.key()),
            }
        }
    }
}

/// "3 h ago", "2 d ago", "in 5 min" (the future is a mistake `start-time` reports).
pub fn elapsed_label(seconds: i64, lang: Lang) -> String {
    let abs = seconds.unsigned_abs();
    let (n, en, ja) = if abs < 3600 {
        (abs / 60, "min", "分")
    } else if abs < 86_400 * 2 {
        (abs / 3600, "h", "時間")
    } else {
        (abs / 86_400, "d", "日")
    };
    match (seconds >= 0, lang) {
        (true, Lang::En) => format!("{n} {en} ago"),
        (true, Lang::Ja) => format!("{n} {ja}前"),
        (false, Lang::En) => format!("in {n} {en}"),
        (false, Lang::Ja) => format!("{n} {ja}後"),
    }
}

pub fn handle(ctx: &Ctx, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>, Error> {
    let source = ctx.source();
    let lang = ctx.analysis.lang;
    let wanted = from_proto::range(&source.text, &source.line_index, p.range, ctx.enc);
    let Some(fm) = &source.frontmatter else {
        return Ok(None);
    };
    let mut hints = Vec::new();
    let mut push = |end: usize, label: String| {
        if wanted.start <= end && end <= wanted.end {
            hints.push(InlayHint {
                position: to_proto::position(source, end, ctx.enc),
                label: InlayHintLabel::String(label),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            });
        }
    };
    if let (Some(e), Some(plan)) = (fm.get("severity"), ctx.analysis.plan) {
        if let Some(sev) = e.value.as_str().and_then(Severity::parse) {
            push(e.value.span.end, severity_label(plan, sev, lang));
        }
    }
    if let Some(form) = azsr_core::Form::of(fm) {
        // read as `start-time-offset` reads it, so that hint and finding agree
        let started = form
            .get("started")
            .zip(time::started_instant(ctx.config, form));
        if let Some((e, ts)) = started {
            let now = azsr_core::Env::now().now;
            push(
                e.value.span.end,
                elapsed_label(now.as_second() - ts.as_second(), lang),
            );
        }
    }
    Ok(Some(hints))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(
            severity_label(Plan::Standard, Severity::B, Lang::En),
            "first response ≤ 4 h, business hours"
        );
        assert_eq!(
            severity_label(Plan::Standard, Severity::A, Lang::Ja),
            "初回応答 1 時間以内、24 時間 365 日"
        );
        assert_eq!(
            severity_label(Plan::Developer, Severity::A, Lang::En),
            "not offered on developer"
        );
        assert_eq!(elapsed_label(90, Lang::En), "1 min ago");
        assert_eq!(elapsed_label(3 * 3600 + 5, Lang::Ja), "3 時間前");
        assert_eq!(elapsed_label(5 * 86_400, Lang::En), "5 d ago");
        assert_eq!(elapsed_label(-600, Lang::En), "in 10 min");
    }
}
