//! What a rule reports: a level, a byte range, a bilingual message and optional fixes.

use std::ops::Range;

use crate::messages::Msg;

/// How serious a finding is (LSP's four severities).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
    Information,
    Hint,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Information => "information",
            Level::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "error" => Level::Error,
            "warning" => Level::Warning,
            "information" | "info" => Level::Information,
            "hint" => Level::Hint,
            _ => return None,
        })
    }
}

/// Replace `range` (bytes) by `new_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: Range<usize>,
    pub new_text: String,
}

/// A quick fix: a titled set of edits that do not overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: Msg,
    pub edits: Vec<TextEdit>,
    /// The fix resolves its finding. `false` for a skeleton that the person completes
    /// (a key inserted with no value, a section stub): offered, never preferred, never
    /// part of fix-all, and the finding stays until the person writes the value.
    pub resolves: bool,
}

/// A second place that belongs to the same finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub range: Range<usize>,
    pub message: Msg,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's kebab-case name.
    pub code: &'static str,
    pub level: Level,
    /// Byte range in the document. File-level findings use `0..0`.
    pub range: Range<usize>,
    pub message: Msg,
    pub fixes: Vec<Fix>,
    pub related: Vec<Related>,
    /// The range holds a secret: front ends must never show its text.
    pub secret: bool,
}

impl Diagnostic {
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    pub fn with_related(mut self, range: Range<usize>, message: Msg) -> Self {
        self.related.push(Related { range, message });
        self
    }
}

/// Applies non-overlapping edits to `text` (used by fix-all and by tests).
pub fn apply_edits(text: &str, edits: &[TextEdit]) -> String {
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for edit in sorted {
        if edit.range.start < pos || edit.range.end > text.len() {
            continue; // overlapping or stale edit: skip rather than corrupt the text
        }
        out.push_str(&text[pos..edit.range.start]);
        out.push_str(&edit.new_text);
        pos = edit.range.end;
    }
    out.push_str(&text[pos..]);
    out
}
