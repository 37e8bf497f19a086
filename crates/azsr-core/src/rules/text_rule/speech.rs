//! Cues: what a sentence does (asks, wishes, says something did not work; questions
//! are [`crate::text::is_question`]'s) as opposed to what it is about. The phrasing rules combine one of these speech acts
//! with a topic of their own (a product capability, an earlier request, another
//! subscription's resource, a new subject) found in the same sentence, so that a way of
//! asking that no list foresaw still counts when its topic does, and a topic merely
//! mentioned does not fire.
//!
//! A [`Cue`] is a set of patterns matched on one sentence after width folding (`Ａ` is
//! `A`, `？` is `?`), ASCII case-insensitively, with `\b` meaning an ASCII word edge (so
//! `GA` is found in `GA予定`). Sentences are short: every search is linear in the text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::Folded;

/// Patterns searched in one sentence at a time.
#[derive(Debug)]
pub(crate) struct Cue {
    re: Regex,
}

impl Cue {
    pub fn new(patterns: &[&str]) -> Cue {
        let alternatives: Vec<String> = patterns
            .iter()
            .map(|p| format!("(?:{})", p.replace(r"\b", r"(?-u:\b)")))
            .collect();
        let re = Regex::new(&format!("(?i){}", alternatives.join("|")))
            .unwrap_or_else(|e| panic!("cue patterns: {e}"));
        Cue { re }
    }

    /// The first match in `sentence` (offsets into `sentence`).
    pub fn find(&self, sentence: &str) -> Option<Range<usize>> {
        let f = Folded::new(sentence);
        self.re.find(&f.text).map(|m| f.orig_range(m.range()))
    }

    /// Every match in `sentence`, not overlapping (offsets into `sentence`).
    pub fn find_all(&self, sentence: &str) -> Vec<Range<usize>> {
        let f = Folded::new(sentence);
        self.re
            .find_iter(&f.text)
            .map(|m| f.orig_range(m.range()))
            .collect()
    }

    pub fn is_match(&self, sentence: &str) -> bool {
        let f = Folded::new(sentence);
        self.re.is_match(&f.text)
    }
}

/// The sentence asks the reader to do something (please, could you, ください,
/// いただけますか, お願いします, ご説明を賜れますと).
pub(crate) static REQUEST: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "ください|下さい|お願い|願います|願えま|願えな|のほど|いただけ|頂け|いただきた|頂きた|いただく|頂く|もらえ|てほしい|て欲しい|くれませ|くださ|賜り|賜れ",
        r"\bplease\b|\bpls\b|\bplz\b|\bkindly\b",
        r"\b(?:can|could|would|will)\s+(?:you|someone|somebody|support|your team|the team|microsoft)\b",
        r"\b(?:can|could|would|will)\s+(?:your|the)\s+(?:support\s+)?(?:engineers?|staff|specialists?|experts?)\b",
        r"\b(?:if\s+)?you\s+(?:could|can|would)\b|\bwould you mind\b",
        r"\b(?:we|i)\s+(?:need|want|would like|'d like|d like|ask)\s+(?:you|someone|support|microsoft)\b",
        r"\b(?:we|i)(?:'d| would)\s+(?:really\s+)?appreciate\b|\brequesting\b|\bwe request\b",
    ])
});

/// The sentence voices a wish, often as a hedge (助かります, 幸いです, it would be great
/// if, we'd love).
pub(crate) static WISH: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "助かり|助かる|便利|楽にな|ばと(?:考え|思|存じ)|幸いです|幸いでございます|幸甚|ありがた|有難|嬉し|うれし|望まし|希望|要望|ほしい|欲しい|いただきたい|頂きたい|お願いしたい|いただけないでしょうか|いただけませんか|頂けないでしょうか|もらえない|もらえません",
        r"\bit(?:'d|\s+would)\s+be\s+(?:\w+\s+)?(?:great|nice|helpful|useful|ideal|awesome|good|better|wonderful|fantastic|a\s+(?:\w+\s+)?help)\b",
        r"\bwould\s+be\s+(?:\w+\s+)?(?:great|nice|helpful|useful|ideal|awesome|a\s+(?:\w+\s+)?help)\b",
        r"\bit\s+would\s+help\b|\bwould\s+help\s+(?:us\s+)?(?:a\s+lot|greatly|tremendously)\b|\b(?:that|this|it)(?:'d|\s+would)\s+(?:really\s+|greatly\s+|definitely\s+|also\s+)?help\b",
        r"\b(?:we|i)(?:'d|\s+would)\s+(?:really\s+)?appreciate\s+(?:it\s+)?if\b|\b(?:we|i)(?:'d|\s+would)\s+love\b|\bwould\s+love\s+to\b|\blove\s+to\s+see\b|\b(?:we|i)\s+wish\b|\bany\s+chance\b|\bhopefully\b|\bwe\s+hope\b",
    ])
});

/// The sentence says the writer wants to know or ask something (伺いたいことがあります,
/// 知りたいです, お聞きしたい, we want to know, a question about): a question told as
/// a statement.
pub(crate) static ASKS_TO_KNOW: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "伺いたい|お伺いし|お聞きしたい|お尋ねしたい|知りたい|質問(?:が|させて)|教えて|ご教示",
        r"\b(?:want|like|need)\s+to\s+(?:know|ask|understand)\b|\bquestion\s+(?:about|on|regarding)\b|\bwondering\b",
    ])
});

/// A question passed on from someone else (お客様からご質問をお預かりしております, …も
/// 知りたいとのことです, …伺いたいとのお申し出がありました, …も確認してほしいと申しております, she has asked us to find
/// out, he would like to know).
pub(crate) static RELAYED: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "(?:ご)?質問を(?:お)?預か|(?:知りたい|伺いたい|確認したい|教えてほしい|聞いてほしい)との(?:こと|ご依頼|依頼|お?申し出|ご?要望|ご?相談)|(?:から|より)[^。]{0,16}(?:ご)?(?:質問|確認依頼)を(?:受け|いただ|頂)|(?:てほしい|て欲しい|ていただきたい|て頂きたい|たい)と(?:申して|申し(?:ており|まして)|言って|話して)(?:おり|い|ました)",
        r"\b(?:has|have|had)\s+asked\s+(?:us|me)\s+to\s+(?:find\s+out|ask|check|confirm|clarify|raise)\b|\b(?:he|she|they)\s+(?:would\s+like|wants?|needs?)\s+to\s+know\b|\b(?:he|she|they)\s+(?:has|have)\s+asked\s+(?:us\s+|me\s+)?(?:whether|if|how)\b",
    ])
});

/// The sentence says something tried did not help (切り戻しても解消しない, rolling back
/// did not fix it, the errors persist).
pub(crate) static DID_NOT_HELP: LazyLock<Cue> = LazyLock::new(|| {
    Cue::new(&[
        "ても|でも(?:改善|解消|変わ)|(?:改善|解消|変化|変わ|復旧|回復|直)(?:せず|しない|しません|しなかった|されず|されない|されません|らない|りません|らず|っていない|っていません|っておりません)|(?:改善|解消|変化|復旧|回復)(?:して|されて|いたして)?(?:おらず|いない|いません|おりません)|効果(?:が|は)?(?:ない|なし|ありません|ございません|見られ(?:ず|ません|なかった))|(?:変化|改善|効果)(?:なし|無し)|症状は変わ|状況は変わ|同じエラー|同様のエラー",
        r"\b(?:did\s+not|didn't|does\s+not|doesn't|do\s+not|don't|did\s+nothing|no\s+effect|no\s+luck|not\s+(?:help|fix|resolve|restore))\b",
        // An outcome told as absent: without effect, to no avail, made no difference.
        r"\bwithout\s+(?:any\s+)?(?:effect|success|change|improvement|result|luck)\b|\bto\s+no\s+avail\b|\bin\s+vain\b|\bmade\s+(?:no|zero|little)\s+difference\b|\b(?:no|zero)\s+(?:change|difference|improvement)\b|\bnothing\s+changed\b",
        r"\b(?:still|persists?|persisted|remains?|continues?|continued)\b|\bsame\s+(?:error|result|issue|problem|screen|state|symptoms?|behaviou?r|message)\b",
    ])
});

/// Splits a sentence into clauses at `;` / `；` (two statements one sentence joins), with
/// ranges relative to `sentence`.
pub(crate) fn clauses(sentence: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        if matches!(c, ';' | '；') {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..sentence.len());
    out.retain(|r| !sentence[r.clone()].trim().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_acts_in_both_languages() {
        for s in [
            "ご確認いただけますでしょうか。",
            "調査をお願いいたします。",
            "Could you check the logs?",
            "pls check it",
            "We'd appreciate it if you could review it.",
        ] {
            assert!(REQUEST.is_match(s), "{s}");
        }
        for s in [
            "接続できません。",
            "We restarted the VM.",
            "The case was closed.",
        ] {
            assert!(!REQUEST.is_match(s), "{s}");
        }
        for s in [
            "機能があると非常に助かります。",
            "It would be a big help if X let us do Y.",
            "We'd love for the portal to do it.",
            "ご検討いただけないでしょうか。",
        ] {
            assert!(WISH.is_match(s), "{s}");
        }
        for s in [
            "もう一点、料金について伺いたいことがあります。",
            "We also want to know how the reservation is billed.",
        ] {
            assert!(ASKS_TO_KNOW.is_match(s), "{s}");
        }
        assert!(!ASKS_TO_KNOW.is_match("We restarted the VM."));
        for s in [
            "切り戻しても解消しません。",
            "元の設定に戻しても症状は変わりません。",
            "We rolled back but it did not fix it.",
            "The errors persist.",
            "The flag was switched off again at 08:05 without effect.",
            "Reverting the route table made no difference.",
            "We rolled the release back, to no avail.",
            "ロールバックしましたが変化なしです。",
        ] {
            assert!(DID_NOT_HELP.is_match(s), "{s}");
        }
        assert!(!DID_NOT_HELP.is_match("元の構成に戻すと接続できます。"));
    }

    #[test]
    fn cues_fold_width_and_find_ascii_words_beside_japanese() {
        let c = Cue::new(&[r"\bGA\b"]);
        assert_eq!(c.find("ＧＡ予定"), Some(0..6));
        assert!(c.find("GAME").is_none());
        assert_eq!(clauses("a; b；c").len(), 3);
    }
}
