//! Recall and precision of `azsr_core::secrets::scan` on the held-out corpora in
//! `tests/secrets/heldout2/`, `heldout3/` and `heldout4/` (see their READMEs): snippets
//! written independently of the detectors and frozen before tuning, each corpus measured
//! on its own with its own floors. Each templated snippet is expanded three times with
//! fake values (`fake_secrets::heldout2` / `heldout3` / `heldout4`, fixed seeds). A marked secret counts
//! as found when one finding covers its whole range; a finding that overlaps no mark is a
//! false positive; precision = findings overlapping a mark / all findings.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use azsr_core::secrets::{possible_secrets, possible_secrets_in, scan};

mod fake_secrets;
use fake_secrets::{expand, heldout2, marks, Rng};

// heldout3's generators live beside the shared ones but are not declared in
// `fake_secrets/mod.rs` (which other tests include); they fall back to heldout2's.
#[path = "fake_secrets/heldout3.rs"]
mod heldout3;
// heldout4's, likewise; they fall back to heldout3's.
#[path = "fake_secrets/heldout4.rs"]
mod heldout4;

/// The eight family files of a corpus folder under `tests/secrets/`, in [`FAMILIES`]'s
/// order (the same in every corpus).
macro_rules! corpus_files {
    ($dir:literal) => {
        [
            (
                "console.txt",
                include_str!(concat!("secrets/", $dir, "/console.txt")),
            ),
            (
                "generic_names.txt",
                include_str!(concat!("secrets/", $dir, "/generic_names.txt")),
            ),
            (
                "formats.txt",
                include_str!(concat!("secrets/", $dir, "/formats.txt")),
            ),
            (
                "base64_wrapped.txt",
                include_str!(concat!("secrets/", $dir, "/base64_wrapped.txt")),
            ),
            (
                "cookies.txt",
                include_str!(concat!("secrets/", $dir, "/cookies.txt")),
            ),
            (
                "prose.txt",
                include_str!(concat!("secrets/", $dir, "/prose.txt")),
            ),
            (
                "encodings.txt",
                include_str!(concat!("secrets/", $dir, "/encodings.txt")),
            ),
            (
                "negatives.txt",
                include_str!(concat!("secrets/", $dir, "/negatives.txt")),
            ),
        ]
    };
}

/// A held-out corpus: its files, generators, seed, floors and the shape its brief froze.
struct Corpus {
    name: &'static str,
    files: &'static [(&'static str, &'static str)],
    generate: fn(&str, &mut Rng) -> Option<String>,
    seed: u64,
    min_recall: f64,
    min_precision: f64,
    /// Share of the secrets that quoting their line would still hide (reported, or
    /// masked by the possible-secret pass): issue 12's "nothing echoed even when missed".
    min_masked: f64,
    /// Share of the secrets that [`possible_secrets`] alone, on their lines, masks: the
    /// pass must catch what the detectors miss, whatever they find. First measured at
    /// 0.891 (heldout2), 0.889 (heldout3), 0.844 (dev5), 0.864 (dev6), 0.882 (dev7);
    /// after session 6's classes 1.000, 1.000, 0.983, 0.994, 0.989. heldout4's is
    /// 0 until the lead measures it (tuners never run it).
    min_possible: f64,
    min_snippets: usize,
    /// Share of the snippets in Japanese, in percent, that its brief asked for.
    min_ja_percent: usize,
    /// Positive snippets each family must have (the brief's shape).
    min_family_positives: usize,
    /// Still held out: its report gives figures only, never a snippet's place or text,
    /// so that a failing run (e.g. within `cargo test --workspace`) shows a tuner nothing
    /// to tune on.
    held_out: bool,
}

/// Floors just below what was measured (rounded down to two decimals), so that the test
/// catches regressions: frozen, 0.589 recall and 0.976 precision; after issue 12's
/// detectors (run once, untuned), 0.937 and 1.000; after session 4's, 0.949 and 1.000;
/// after session 5's, tuned on it as a development set, 1.000 and 1.000. Issue 12 aims at
/// recall >= 0.97 and precision >= 0.99.
const HELDOUT2: Corpus = Corpus {
    name: "heldout2",
    files: &corpus_files!("heldout2"),
    generate: heldout2::generate,
    seed: 0x4E1D_2026_1206_0002,
    min_recall: 0.99,
    min_precision: 0.99,
    min_masked: 1.0,
    min_possible: 0.99,
    min_snippets: 320,
    min_ja_percent: 50,
    min_family_positives: 25,
    held_out: false,
};

/// Floors just below what was measured: written against the detectors of a1016b3 and
/// first measured there (recall 0.878, precision 0.994); after the session-4 detectors,
/// tuned without seeing it, 0.935 and 0.993; a development set since session 5, after
/// whose detectors 1.000 and 1.000. No longer held out: heldout4 measures what is.
const HELDOUT3: Corpus = Corpus {
    name: "heldout3",
    files: &corpus_files!("heldout3"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1206_0003,
    min_recall: 0.99,
    min_precision: 0.99,
    min_masked: 1.0,
    min_possible: 0.99,
    min_snippets: 300,
    min_ja_percent: 50,
    min_family_positives: 25,
    held_out: false,
};

/// Written against the detectors of 5d2ac17 and frozen before anyone measured on it:
/// 0.862 recall / 0.976 precision then, 0.890 / 0.982 after the tuning on heldout2 and
/// heldout3, 0.899 / 0.983 after the tuning on dev5, 0.927 / 0.985 after session 6's
/// rounds on dev6 and dev7, 0.931 / 0.986 after session 7's on dev8 and dev9, 0.940 /
/// 0.986 after session 8's on dev10 and dev11, 0.950 / 0.986 after session 9's first
/// round on dev12 to dev15, narrow blind corpora, and 0.954 / 0.986 after its second on
/// dev14 and dev16 to dev18 (none saw it). Still held out: do not
/// tune on it.
const HELDOUT4: Corpus = Corpus {
    name: "heldout4",
    files: &corpus_files!("heldout4"),
    generate: heldout4::generate,
    seed: 0x4E1D_2026_1206_0004,
    min_recall: 0.95,
    min_precision: 0.98,
    min_masked: 0.98,
    min_possible: 0.96,
    min_snippets: 300,
    min_ja_percent: 50,
    min_family_positives: 25,
    held_out: true,
};

/// A development corpus (session 5, written by a helper who read neither the detectors
/// nor the other corpora, see its README), measured at first sight before any tuning on
/// it: recall 0.929, precision 0.986 (cookies 0.769, prose 0.786, encodings 0.917 and
/// 0.917); 1.000 and 1.000 after tuning on it. Floors as heldout2's and heldout3's. Its
/// generators are heldout3's (falling back to heldout2's).
const DEV5: Corpus = Corpus {
    name: "dev5",
    files: &corpus_files!("dev5"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1206_0005,
    min_recall: 0.99,
    min_precision: 0.99,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 160,
    min_ja_percent: 50,
    min_family_positives: 12,
    held_out: false,
};

/// A development corpus (session 6, operators' terminals and configuration; written by a
/// helper who read neither the detectors nor the other corpora, see its README). First
/// sight, before any tuning on it: recall 0.916, precision 0.973 (prose 0.724); after
/// session 6's two rounds (prose and generic names; console, cookies, formats, wrapped,
/// encodings): 0.988 / 0.988, all of it masked in a quoted line.
const DEV6: Corpus = Corpus {
    name: "dev6",
    files: &corpus_files!("dev6"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0006,
    min_recall: 0.98,
    min_precision: 0.98,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 200,
    min_ja_percent: 50,
    min_family_positives: 7,
    held_out: false,
};

/// A development corpus (session 6, Japanese customers' prose, chat, mail and tables;
/// written by a helper who read neither the detectors nor the other corpora). First
/// sight, before any tuning on it: recall 0.868, precision 0.983 (prose 0.711); after
/// session 6's two rounds: 1.000 / 1.000.
const DEV7: Corpus = Corpus {
    name: "dev7",
    files: &corpus_files!("dev7"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0007,
    min_recall: 0.99,
    min_precision: 0.99,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 200,
    min_ja_percent: 50,
    min_family_positives: 7,
    held_out: false,
};

/// A development corpus (session 7, English-first operators and developers: consoles,
/// chat, tickets and mail, generic names in configuration; written by a helper who read
/// neither the detectors nor the other corpora, see its README). First sight, before any
/// tuning on it: recall 0.912, precision 0.984 (prose en 0.706, generic names en 0.824,
/// console en 0.886); 0.998 of it masked in a quoted line. After session 7's two rounds
/// (console and formats, with two labels fixed, see its README; generic names, prose and
/// encodings): 0.995 / 1.000.
const DEV8: Corpus = Corpus {
    name: "dev8",
    files: &corpus_files!("dev8"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0008,
    min_recall: 0.99,
    min_precision: 0.99,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 200,
    min_ja_percent: 40,
    min_family_positives: 7,
    held_out: false,
};

/// A development corpus (session 7, Japanese-first: ja-locale consoles, Japanese
/// comments in configuration, tables, chat and mail; written by a helper who read neither
/// the detectors nor the other corpora, see its README). First sight, before any tuning
/// on it: recall 0.905, precision 0.971 (generic names ja 0.756, encodings ja 0.900,
/// prose ja 0.906); 0.994 of it masked in a quoted line. After session 7's two rounds
/// (console and formats; generic names, prose and encodings): 0.987 / 0.994.
const DEV9: Corpus = Corpus {
    name: "dev9",
    files: &corpus_files!("dev9"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0009,
    min_recall: 0.98,
    min_precision: 0.99,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 200,
    min_ja_percent: 50,
    min_family_positives: 7,
    held_out: false,
};

/// A development corpus (session 8, a Japanese operations team: work logs, runbooks,
/// tickets, chat and mail, Japanese-locale consoles, configuration with Japanese
/// comments; written by a helper who read neither the detectors nor the other corpora,
/// see its README). First sight, before any tuning on it: recall 0.951,
/// precision 1.000 (prose en 0.800, ja 0.903; console 0.946; generic names 0.958); 1.000
/// of it masked in a quoted line, 0.990 by the possible-secret pass alone. After
/// session 8's console round (CI logs, regenerated and shared keys) and its
/// generic-names and prose round: 0.988 / 1.000
/// (console and prose 1.000; generic names 0.958, its misses a shared key echoed by its
/// cmdlet and a variable passed to ConvertTo-SecureString). After the classes round
/// (shared keys printed by their cmdlets, variables resolved to their literals): 1.000 /
/// 1.000.
const DEV10: Corpus = Corpus {
    name: "dev10",
    files: &corpus_files!("dev10"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0010,
    min_recall: 1.0,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 0.98,
    min_snippets: 200,
    min_ja_percent: 50,
    min_family_positives: 7,
    held_out: false,
};

/// A development corpus (session 8, English-speaking developers and DevOps engineers
/// and terse technical Japanese: chat threads, issue comments, CI logs, runbooks,
/// infrastructure code and SDK code; written by a helper who read neither the detectors
/// nor the other corpora, see its README). First sight, before any tuning on it:
/// recall 0.927, precision 0.993 (prose ja 0.733, en 0.950 with 3 false positives;
/// generic names en 0.893; formats 0.923); 0.996 of it masked in a quoted line, 0.964 by
/// the possible-secret pass alone. After session 8's console round, a label fix (an App
/// Configuration `Id` is no secret) and its generic-names and prose round: 0.993 / 1.000
/// (console, formats and prose 1.000; generic names en 0.964), 1.000 masked in a quoted
/// line; its masking round: 0.967 by the possible-secret pass alone. After the classes
/// round (a shared key printed by its cmdlet): 1.000 / 1.000.
const DEV11: Corpus = Corpus {
    name: "dev11",
    files: &corpus_files!("dev11"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0011,
    min_recall: 1.0,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 0.96,
    min_snippets: 200,
    min_ja_percent: 30,
    min_family_positives: 7,
    held_out: false,
};

/// A development corpus (session 8, written while CI ran, as a check of the session's
/// rounds: a business-application team and its offshore vendor, mail threads, minutes,
/// portal settings with Japanese labels, beginners' SDK code; written by a helper who
/// read neither the detectors nor the other corpora, see its README). First sight,
/// before any tuning on it: recall 0.850, precision 0.981
/// (generic names ja 0.750 with 6 false positives, prose en 0.769, ja 0.824; cookies
/// 0.800; base64-wrapped en 0.750; console ja 0.875); 0.992 masked in a quoted line, 0.961
/// by the possible-secret pass alone: the held-out corpus's two weakest families, weak
/// here too. After the h8-dev12 round: recall 0.917, precision 1.000 (generic names en
/// 1.000, ja 0.917, no false positive; prose en 0.923, ja 0.882). After session 9's
/// h9-sec round (every family but prose): 0.967 / 1.000 (console, formats,
/// base64-wrapped and cookies 1.000; generic names ja 0.958; prose unchanged), 1.000
/// masked in a quoted line. With the h9-secp prose round
/// merged as well: 0.983 / 1.000.
const DEV12: Corpus = Corpus {
    name: "dev12",
    files: &corpus_files!("dev12"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0012,
    min_recall: 0.98,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 0.96,
    min_snippets: 150,
    min_ja_percent: 50,
    min_family_positives: 7,
    held_out: false,
};

/// A development corpus (session 9: Japanese teams' settings under generic names:
/// parameter sheets, design documents, configs with Japanese comments, ja-locale outputs
/// with `value`; written by a helper who read neither the detectors nor the other
/// corpora, see its README). It holds the console and generic-names families only (the
/// other family files are empty). First sight, before any tuning on it: recall 0.924,
/// precision 0.970 (console 1.000 / 1.000; generic names en 0.857, ja 0.906 with 3 false
/// positives; 3 false positives in the negatives); 1.000 masked in a quoted line, 0.995
/// by the possible-secret pass alone. After the h9-sec round: 0.981 / 1.000 (console
/// 1.000; generic names en 1.000, ja 0.971; no false positive), 1.000 masked.
const DEV13: Corpus = Corpus {
    name: "dev13",
    files: &corpus_files!("dev13"),
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0013,
    min_recall: 0.98,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 0.99,
    min_snippets: 100,
    min_ja_percent: 70,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 9, English prose by non-specialists: e-mails with
/// greetings and quoted threads, chat lines, helpdesk tickets, minutes, handover notes,
/// call transcripts; credentials inside sentences in every way people write them; about
/// 10 % Japanese; written by a helper who read neither the detectors nor the other
/// corpora, see its README). Only the prose family and negatives.
/// First sight, before any tuning on it: recall 0.751, precision 0.958 (prose en 0.728
/// with 3 false positives, ja 0.947; 3 false positives among the en negatives); 0.950
/// masked in a quoted line, 0.945 by the possible-secret pass alone. After the h9-secp
/// prose round: 0.906 / 0.965 (prose en 0.895 with 3 false positives, ja 1.000; the 6
/// false positives are an AWS access key ID the corpus labels an identifier and a Key
/// Vault secret's name), 0.994 masked in a quoted line.
const DEV14: Corpus = Corpus {
    name: "dev14",
    files: &[
        ("prose.txt", include_str!("secrets/dev14/prose.txt")),
        ("negatives.txt", include_str!("secrets/dev14/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0014,
    min_recall: 0.98,
    min_precision: 0.96,
    min_masked: 0.99,
    min_possible: 0.94,
    min_snippets: 100,
    min_ja_percent: 10,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 9, Japanese prose by non-specialists: 作業報告, 引継ぎ,
/// Teams チャット, メール with quoted threads, 議事録, 電話メモ, and the ja-locale consoles the
/// same people paste; written by a helper who read neither the detectors nor the other
/// corpora, see its README). Prose, console and negatives.
/// First sight, before any tuning on it: recall 0.874, precision 0.993 (prose ja 0.837,
/// en 0.857; console 1.000; 1 false positive among the ja negatives); 0.971 masked in a
/// quoted line, 0.966 by the possible-secret pass alone. After the h9-secp prose round:
/// 1.000 / 1.000, all of it masked in a quoted line.
const DEV15: Corpus = Corpus {
    name: "dev15",
    files: &[
        ("console.txt", include_str!("secrets/dev15/console.txt")),
        ("prose.txt", include_str!("secrets/dev15/prose.txt")),
        ("negatives.txt", include_str!("secrets/dev15/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0015,
    min_recall: 1.0,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 0.96,
    min_snippets: 100,
    min_ja_percent: 80,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 9, English prose by IT staff, consultants and developers:
/// support requests with repro steps and what was tried, incident timelines, post-mortems,
/// GitHub issue comments, Q&A questions, runbook steps, Slack threads, a consultant's
/// status report; about 10 % Japanese; written by a helper who read neither the detectors
/// nor the other corpora, see its README). Only the prose family and negatives.
/// First sight, before any tuning on it: recall 0.759, precision 0.971 (prose en 0.736,
/// ja 1.000, no false positive; 3 false positives among the en negatives, a Key Vault
/// secret's name); 0.992 masked in a quoted line, 0.985 by the possible-secret pass alone.
/// After the h9-secp2 prose round: 0.850 / 0.974 (prose en 0.835, ja 1.000; the same 3
/// false positives), 0.992 masked, 0.985 by the possible-secret pass alone.
const DEV17: Corpus = Corpus {
    name: "dev17",
    files: &[
        ("prose.txt", include_str!("secrets/dev17/prose.txt")),
        ("negatives.txt", include_str!("secrets/dev17/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0017,
    min_recall: 0.84,
    min_precision: 0.97,
    min_masked: 0.99,
    min_possible: 0.98,
    min_snippets: 70,
    min_ja_percent: 10,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 9 round 2: Japanese developers' code and IaC with
/// secrets under generic names, and encodings; about 85 % Japanese; written by a helper
/// who read neither the detectors nor the other corpora, see its README). Generic names,
/// encodings and negatives. First sight (blind: measured at 19635f5, before any tuning on
/// it): recall 0.912, precision 0.977 (generic names en 1.000, ja 0.934; encodings en
/// 0.500, ja 0.900; 3 false positives among the ja negatives); 1.000 masked in a quoted
/// line, 1.000 by the possible-secret pass alone. After the h9-sec2 round: 1.000 / 1.000
/// (a generic setting named by its Japanese comment; the base64 of an Entra client
/// secret under any name; a vault getter's version argument left), 1.000 masked.
const DEV16: Corpus = Corpus {
    name: "dev16",
    files: &[
        (
            "generic_names.txt",
            include_str!("secrets/dev16/generic_names.txt"),
        ),
        ("encodings.txt", include_str!("secrets/dev16/encodings.txt")),
        ("negatives.txt", include_str!("secrets/dev16/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0016,
    min_recall: 1.0,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 80,
    min_ja_percent: 80,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 9 round 2: Japanese operators' pasted consoles, cookies,
/// base64-wrapped secrets and encodings; written by a helper who read neither the
/// detectors nor the other corpora, see its README). Console, cookies, base64-wrapped,
/// encodings and negatives. First sight (blind: measured at 19635f5, before any tuning on
/// it): recall 0.995, precision 0.954 (console en 1.000, ja 0.983; base64-wrapped 1.000
/// with 3 false positives in ja; cookies 1.000 with 6 false positives in ja; encodings
/// 1.000); 1.000 masked in a quoted line, 1.000 by the possible-secret pass alone. After
/// the h9-sec2 round: 0.995 / 1.000 (a cookie list's bare Value column read only in rows
/// named for a secret; a certificate kept in a Secret left), 1.000 masked; left: a
/// password printed by `cat` of an OpenVPN `auth.txt` (user line, then password line),
/// found after the h10-sec round (credential files read by their layout): 1.000 / 1.000.
const DEV18: Corpus = Corpus {
    name: "dev18",
    files: &[
        ("console.txt", include_str!("secrets/dev18/console.txt")),
        ("cookies.txt", include_str!("secrets/dev18/cookies.txt")),
        (
            "base64_wrapped.txt",
            include_str!("secrets/dev18/base64_wrapped.txt"),
        ),
        ("encodings.txt", include_str!("secrets/dev18/encodings.txt")),
        ("negatives.txt", include_str!("secrets/dev18/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0018,
    min_recall: 1.0,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 80,
    min_ja_percent: 80,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 10: Japanese web developers' and testers' cookies and
/// encoded values, about 10 % English; written by a helper who read neither the detectors
/// nor the other corpora, see its README). Cookies, encodings and negatives.
/// First sight (blind: measured at 082ba1d, before any tuning on it): recall 0.954, precision
/// 0.964 (cookies en 1.000, ja 0.969 with 2 false positives in ja; encodings en 1.000,
/// ja 0.925 with 5 false positives in ja); 0.985 masked in a quoted line, 0.969 by the
/// possible-secret pass alone. After the h10-seck round: 1.000 / 1.000 (an Entra
/// authorization code in any logged query; a cookie record listed one field a line;
/// JSON escaped as `\u0022` inside a JSON string; a URL-encoded connection string's or
/// query's value ended at its encoded separator; a JWT header alone, XSRF tokens, Azurite's
/// key and `{token}` URL-encoded left), 1.000 masked in a quoted line, 0.969 by the
/// possible-secret pass alone (it leaves a session cookie in `System.Net.Cookie(…)`).
const DEV21: Corpus = Corpus {
    name: "dev21",
    files: &[
        ("cookies.txt", include_str!("secrets/dev21/cookies.txt")),
        ("encodings.txt", include_str!("secrets/dev21/encodings.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0021,
    min_recall: 1.0,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 0.96,
    min_snippets: 90,
    min_ja_percent: 80,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 12, blind, second of the session: written by a helper
/// who read neither the detectors nor any corpus, weighted to generic names in Japanese
/// pastes, English prose and Japanese consoles; 73 % Japanese; see its README). First
/// sight on 3263a18 (after the session's dev23 round, before any tuning on it): recall
/// 0.959, precision 1.000 (generic names ja 0.931, prose en 0.912, everything else
/// 1.000); 0.995 masked in a quoted line and by the possible-secret pass alone.
/// Session 13 (dev24's and its own misses as classes): 0.990 / 1.000.
const DEV26: Corpus = Corpus {
    name: "dev26",
    files: &[
        (
            "generic_names.txt",
            include_str!("secrets/dev26/generic_names.txt"),
        ),
        ("prose.txt", include_str!("secrets/dev26/prose.txt")),
        ("console.txt", include_str!("secrets/dev26/console.txt")),
        ("cookies.txt", include_str!("secrets/dev26/cookies.txt")),
        ("encodings.txt", include_str!("secrets/dev26/encodings.txt")),
        ("negatives.txt", include_str!("secrets/dev26/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0026,
    min_recall: 0.985,
    min_precision: 0.99,
    min_masked: 0.99,
    min_possible: 0.99,
    min_snippets: 100,
    min_ja_percent: 55,
    min_family_positives: 0,
    held_out: false,
};

/// A corpus written blind in session 13 (a helper who read neither the detectors nor any
/// corpus; issue 12's family mix in new situations: a 障害報告書, Backlog and Redmine
/// tickets, a kintone CSV, a Power Automate flow, LINE WORKS and Jira comments; 65 %
/// Japanese; see its README), kept from the session's tuner and measured by the lead
/// before and after the round. First sight on ae97fc8 (before the round): recall 0.888,
/// precision 0.981 (generic names ja 0.838, prose en 0.471, prose ja 0.900, cookies ja
/// 0.800); after session 13's round (6a793eb) 0.905 / 0.982 (generic names ja 0.919,
/// the rest unchanged); 1.000 masked in a quoted line.
const DEV30: Corpus = Corpus {
    name: "dev30",
    files: &[
        (
            "generic_names.txt",
            include_str!("secrets/dev30/generic_names.txt"),
        ),
        ("prose.txt", include_str!("secrets/dev30/prose.txt")),
        ("console.txt", include_str!("secrets/dev30/console.txt")),
        ("cookies.txt", include_str!("secrets/dev30/cookies.txt")),
        ("encodings.txt", include_str!("secrets/dev30/encodings.txt")),
        ("negatives.txt", include_str!("secrets/dev30/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0030,
    min_recall: 0.90,
    min_precision: 0.98,
    min_masked: 0.99,
    min_possible: 0.99,
    min_snippets: 100,
    min_ja_percent: 60,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 13, blind: written by a helper who read neither the
/// detectors nor any corpus, aimed at issue 12's generic-name carriers (`"value"` in Key
/// Vault and VPN shared-key JSON, `-Value`, `SigningKey`, `@secure()` defaults,
/// `AzureKeyCredential`, 値 / 設定値 columns) as Japanese engineers paste them; 67 %
/// Japanese; see its README). First sight on bd93522 (before any
/// tuning on it): recall 0.879, precision 0.972 (generic names ja 0.900, en 0.850, 3 false
/// positives; prose ja 0.143; console, cookies, encodings 1.000); 0.994 masked in a quoted
/// line, 0.981 by the possible-secret pass alone. Session 13's tuner (phase 1 on dev24 and
/// dev26, then dev28 as development text: createHmac's key through its variable, どちらも /
/// 新しい値 X in a sentence, a hex number no secret, `-Value $var` a reference, a parameter
/// told above as a password, a hashtable splatted into `Set-Az…SharedKey @p`): 0.981 /
/// 1.000.
const DEV28: Corpus = Corpus {
    name: "dev28",
    files: &[
        (
            "generic_names.txt",
            include_str!("secrets/dev28/generic_names.txt"),
        ),
        ("prose.txt", include_str!("secrets/dev28/prose.txt")),
        ("console.txt", include_str!("secrets/dev28/console.txt")),
        ("cookies.txt", include_str!("secrets/dev28/cookies.txt")),
        ("encodings.txt", include_str!("secrets/dev28/encodings.txt")),
        ("negatives.txt", include_str!("secrets/dev28/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0028,
    min_recall: 0.975,
    min_precision: 0.99,
    min_masked: 0.99,
    min_possible: 0.98,
    min_snippets: 80,
    min_ja_percent: 60,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 13, blind, the companion of dev28: prose by terse and
/// second-language writers and in Japanese, values printed alone by commands, session
/// cookies, encodings; 59 % Japanese; see its README). First sight on bd93522 (before any tuning on it): recall
/// 0.972, precision 1.000 (prose en 0.500, everything else 1.000); 1.000 masked in a quoted
/// line, 0.986 by the possible-secret pass alone. Session 13's tuner ("login with <user>
/// <password>"): 0.979 / 1.000 (prose en 0.625).
const DEV29: Corpus = Corpus {
    name: "dev29",
    files: &[
        ("prose.txt", include_str!("secrets/dev29/prose.txt")),
        ("console.txt", include_str!("secrets/dev29/console.txt")),
        ("cookies.txt", include_str!("secrets/dev29/cookies.txt")),
        ("encodings.txt", include_str!("secrets/dev29/encodings.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0029,
    min_recall: 0.975,
    min_precision: 0.99,
    min_masked: 0.99,
    min_possible: 0.98,
    min_snippets: 80,
    min_ja_percent: 55,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 12, blind: written by a helper who read neither the
/// detectors nor any other corpus, weighted to generic names and prose in Japanese pastes and
/// new carriers; see its README). The check of carry-over for session 12's round. First
/// sight (blind, at d9b87c2, before any tuning): recall 0.824, precision 0.994 (generic
/// names en 0.759, ja 0.406; prose en 0.867, ja 0.909; console ja 0.912; cookies and
/// encodings 1.000; 1 false positive: a VM name `vm-admin-2027` read as a secret); 0.995
/// masked in a quoted line, 0.957 by the possible-secret pass alone. After the tuner's
/// second round (64-byte account keys standing alone, Key Vault secrets in templates,
/// `事前共有`, `secret download` to the standard output): recall 0.926 (generic names ja
/// 0.719, console ja 1.000), precision 0.994. Session 13 (dev24 as development text:
/// a sheet of accounts' value column, a VPN connection form's 値, keyed hashes, JDBC's
/// password below its call, a Key Vault secret's name in Japanese, a chat answer after
/// これです, a password reset in the passive or named by its form, a sentence going on over the
/// line break, an account word then a user and a bracketed password): 1.000 / 1.000.
const DEV24: Corpus = Corpus {
    name: "dev24",
    files: &[
        (
            "generic_names.txt",
            include_str!("secrets/dev24/generic_names.txt"),
        ),
        ("prose.txt", include_str!("secrets/dev24/prose.txt")),
        ("console.txt", include_str!("secrets/dev24/console.txt")),
        ("cookies.txt", include_str!("secrets/dev24/cookies.txt")),
        ("encodings.txt", include_str!("secrets/dev24/encodings.txt")),
        ("negatives.txt", include_str!("secrets/dev24/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0024,
    min_recall: 1.0,
    min_precision: 0.99,
    min_masked: 0.99,
    min_possible: 0.95,
    min_snippets: 100,
    min_ja_percent: 55,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 11: a mixed batch weighted to the families the held-out
/// set misses most: generic names, prose, consoles, cookies and encodings; 62 % Japanese,
/// 41 % negatives; written by a helper who read neither the detectors nor the other
/// corpora, see its README). First sight (blind, at c7a893a, before any tuning): recall
/// 0.813, precision 0.981 (generic names en 1.000, ja 0.600; prose en 0.154, ja 0.741;
/// console, cookies and encodings 1.000; 3 false positives: a `bootstrapValue` name read
/// as a password); 0.979 masked in a quoted line, 0.953 by the possible-secret pass alone.
/// After the session-12 round (h12-sec, tuned on it): recall 0.984, precision 1.000 (generic
/// names ja 0.933: a 32-hex value under a `…__Primary` setting left, labelled ambiguous in
/// its README; prose en and ja 1.000); 1.000 masked in a quoted line, 0.953 by the
/// possible-secret pass alone.
const DEV23: Corpus = Corpus {
    name: "dev23",
    files: &[
        (
            "generic_names.txt",
            include_str!("secrets/dev23/generic_names.txt"),
        ),
        ("prose.txt", include_str!("secrets/dev23/prose.txt")),
        ("console.txt", include_str!("secrets/dev23/console.txt")),
        ("cookies.txt", include_str!("secrets/dev23/cookies.txt")),
        ("encodings.txt", include_str!("secrets/dev23/encodings.txt")),
        ("negatives.txt", include_str!("secrets/dev23/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0023,
    min_recall: 0.98,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 0.95,
    min_snippets: 100,
    min_ja_percent: 55,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 12, the secrets tuner's): neighbours of the shapes taught
/// from dev23's misses, in both languages, with hard negatives beside them; written after
/// the round, so a development measure, not a blind one (see its README). First sight:
/// recall 0.841, precision 1.000 (generic names en and ja 1.000; prose en 1.000, ja 0.364:
/// `…と同じで X です` with a dashed value, a `sig` qualified by `（URL デコード後）`, a passphrase
/// before `で保護`); 0.932 masked in a quoted line, 0.864 by the possible-secret pass alone.
const DEV25_TUNER: Corpus = Corpus {
    name: "dev25-tuner",
    files: &[
        (
            "generic_names.txt",
            include_str!("secrets/dev25-tuner/generic_names.txt"),
        ),
        ("prose.txt", include_str!("secrets/dev25-tuner/prose.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0025,
    min_recall: 0.84,
    min_precision: 1.0,
    min_masked: 0.93,
    min_possible: 0.86,
    min_snippets: 39,
    min_ja_percent: 50,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 12, the secrets tuner's second round): neighbours of
/// the generic-name shapes taught from dev24's misses (a 64-byte account key standing
/// alone, a Key Vault secret's `value` in Bicep, ARM and Terraform, `事前共有` in a
/// comment), in both languages, with hard negatives beside them; written after the
/// round, so a development measure, not a blind one (see its README). First sight:
/// recall 1.000, precision 0.870 (a SHA-512 digest under a heading two lines up read as a
/// key: the digest words are now read two lines up); after: 1.000 / 1.000, 1.000 masked in
/// a quoted line, 1.000 by the possible-secret pass alone.
const DEV27_TUNER: Corpus = Corpus {
    name: "dev27-tuner",
    files: &[
        (
            "generic_names.txt",
            include_str!("secrets/dev27-tuner/generic_names.txt"),
        ),
        (
            "console.txt",
            include_str!("secrets/dev27-tuner/console.txt"),
        ),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0027,
    min_recall: 1.0,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 18,
    min_ja_percent: 50,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 13, the secrets tuner): neighbours of the generic-name
/// and prose shapes taught from dev24's and dev26's misses (a sheet of accounts' value
/// column, a VPN connection form's 値, keyed hashes, JDBC's password below its call, a chat
/// answer after a pointer, a Key Vault secret's name in Japanese, a password reset in the
/// passive or named by its form, a sentence going on over the line break), in both
/// languages, with hard negatives beside them; written after the round, so a development
/// measure, not a blind one (see its README). First sight: recall 1.000, precision 1.000,
/// 1.000 masked in a quoted line, 1.000 by the possible-secret pass alone. With dev28's
/// and dev29's neighbours (45 snippets): 0.913 / 1.000 (left: いずれも before a value with
/// 揃えて, "log on with <user> <password>").
const DEV31_TUNER: Corpus = Corpus {
    name: "dev31-tuner",
    files: &[
        (
            "generic_names.txt",
            include_str!("secrets/dev31-tuner/generic_names.txt"),
        ),
        ("prose.txt", include_str!("secrets/dev31-tuner/prose.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0031,
    min_recall: 0.91,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 45,
    min_ja_percent: 50,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 10, precision: look-alikes of credentials in formats,
/// cookies and negatives, 71 % negatives, about half Japanese; written by a helper who
/// read neither the detectors nor the other corpora, see its README).
/// First sight (blind: measured at 082ba1d, before any tuning on it): recall 1.000, precision
/// 0.828 (formats 0.873: 8 false positives, en 4 and ja 4; cookies 1.000; negatives: 9
/// false positives, en 6 and ja 3); 1.000 masked in a quoted line, 1.000 by the
/// possible-secret pass alone. After the h10-seck round: 1.000 / 0.863 (a PEM whose body
/// was cut out, a connection string's first setting after a label left); all 13 false
/// positives left stand on labels rules.md leaves open (an AWS access key ID, alone or
/// beside its secret: 6; jwt.io's sample token: 1; Stripe's documented test card and its
/// CVC: 6); 1.000 masked in a quoted line, 1.000 by the possible-secret pass alone.
const DEV22: Corpus = Corpus {
    name: "dev22",
    files: &[
        ("formats.txt", include_str!("secrets/dev22/formats.txt")),
        ("cookies.txt", include_str!("secrets/dev22/cookies.txt")),
        ("negatives.txt", include_str!("secrets/dev22/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0022,
    min_recall: 1.0,
    min_precision: 0.86,
    min_masked: 1.0,
    min_possible: 1.0,
    min_snippets: 90,
    min_ja_percent: 45,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 10: Japanese operators' pasted consoles in the ja
/// locale, with the generic names, base64-wrapped values and prose inside those pastes;
/// written by a helper who read neither the detectors nor the other corpora, see its
/// README). Every family but cookies. First sight (blind, before any tuning on it):
/// recall 0.914, precision 0.961 (console en 1.000, ja 0.953; generic names en 1.000,
/// ja 0.769; prose en 0.500, ja 1.000; formats, base64-wrapped and encodings 1.000, one
/// false positive in base64-wrapped ja; 9 false positives in the negatives: MySQL
/// `authentication_string` hashes); 0.985 masked in a quoted line, 0.981 by the
/// possible-secret pass alone. After the h10-sec round: 0.989 / 1.000 (console,
/// generic names, formats, base64-wrapped, encodings and prose ja 1.000; no false
/// positive), 1.000 masked in a quoted line; left: prose en 0.500 (a second key
/// referred back to in parentheses, `Old one («…») has been removed`).
const DEV20: Corpus = Corpus {
    name: "dev20",
    files: &[
        ("console.txt", include_str!("secrets/dev20/console.txt")),
        (
            "generic_names.txt",
            include_str!("secrets/dev20/generic_names.txt"),
        ),
        ("formats.txt", include_str!("secrets/dev20/formats.txt")),
        (
            "base64_wrapped.txt",
            include_str!("secrets/dev20/base64_wrapped.txt"),
        ),
        ("prose.txt", include_str!("secrets/dev20/prose.txt")),
        ("encodings.txt", include_str!("secrets/dev20/encodings.txt")),
        ("negatives.txt", include_str!("secrets/dev20/negatives.txt")),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0020,
    min_recall: 0.98,
    min_precision: 1.0,
    min_masked: 1.0,
    min_possible: 0.98,
    min_snippets: 90,
    min_ja_percent: 85,
    min_family_positives: 0,
    held_out: false,
};

/// A development corpus (session 10: English prose by second-language and terse writers to
/// or about Azure support; written by a helper who read neither the detectors nor the other
/// corpora, see its README). Prose, negatives, formats, encodings, cookies, base64-wrapped
/// and generic names. First sight (blind: measured at 082ba1d, before any tuning on it):
/// recall 0.828, precision 0.981 (prose en 0.789, ja 1.000; formats, encodings, cookies,
/// base64-wrapped and generic names 1.000; 3 false positives among the en negatives: an
/// Entra error code); 0.984 masked in a quoted line, 0.968 by the possible-secret pass
/// alone. A prose round on it (h10-secp: 0.925 / 1.000, dev17 0.850 -> 0.947) was not
/// kept: the held-out corpus's English prose did not move, it gained a false positive,
/// and the scan cost 5.5 % more instructions.
const DEV19: Corpus = Corpus {
    name: "dev19",
    files: &[
        ("prose.txt", include_str!("secrets/dev19/prose.txt")),
        ("negatives.txt", include_str!("secrets/dev19/negatives.txt")),
        ("formats.txt", include_str!("secrets/dev19/formats.txt")),
        ("encodings.txt", include_str!("secrets/dev19/encodings.txt")),
        ("cookies.txt", include_str!("secrets/dev19/cookies.txt")),
        (
            "base64_wrapped.txt",
            include_str!("secrets/dev19/base64_wrapped.txt"),
        ),
        (
            "generic_names.txt",
            include_str!("secrets/dev19/generic_names.txt"),
        ),
    ],
    generate: heldout3::generate,
    seed: 0x4E1D_2026_1207_0019,
    min_recall: 0.84,
    min_precision: 0.98,
    min_masked: 0.98,
    min_possible: 0.96,
    min_snippets: 100,
    min_ja_percent: 10,
    min_family_positives: 0,
    held_out: false,
};

/// Families A to G, then the negatives-only family.
const FAMILIES: &[&str] = &[
    "console",
    "generic_names",
    "formats",
    "base64_wrapped",
    "cookies",
    "prose",
    "encodings",
    "negatives",
];

const COPIES: usize = 3;

struct Entry {
    positive: bool,
    family: &'static str,
    lang: &'static str,
    file: &'static str,
    line: usize,
    template: String,
}

fn load(files: &'static [(&'static str, &'static str)]) -> Vec<Entry> {
    let mut out = Vec::new();
    for (file, text) in files {
        let mut cur: Option<Entry> = None;
        for (i, line) in text.lines().enumerate() {
            if let Some(h) = line.strip_prefix("#% ") {
                out.extend(cur.take());
                let parts: Vec<&str> = h.split_whitespace().collect();
                assert!(
                    parts.len() == 3 && (parts[0] == "pos" || parts[0] == "neg"),
                    "{file}:{}: header must be `#% pos|neg FAMILY ja|en`",
                    i + 1
                );
                let family = FAMILIES
                    .iter()
                    .find(|f| **f == parts[1])
                    .unwrap_or_else(|| panic!("{file}:{}: unknown family {}", i + 1, parts[1]));
                let lang = match parts[2] {
                    "ja" => "ja",
                    "en" => "en",
                    other => panic!("{file}:{}: unknown language {other}", i + 1),
                };
                cur = Some(Entry {
                    positive: parts[0] == "pos",
                    family,
                    lang,
                    file,
                    line: i + 1,
                    template: String::new(),
                });
            } else if let Some(e) = cur.as_mut() {
                e.template.push_str(line);
                e.template.push('\n');
            }
        }
        out.extend(cur);
    }
    out
}

/// The corpus's generator value; an unknown name is a corpus error.
fn generator(c: &Corpus) -> impl Fn(&str, &mut Rng) -> String + '_ {
    move |name, r| {
        (c.generate)(name, r).unwrap_or_else(|| panic!("unknown generator {{{{{name}}}}}"))
    }
}

fn is_templated(c: &Corpus, template: &str) -> bool {
    let mut r = Rng(1);
    expand(template, &mut r, generator(c)) != template
}

#[derive(Default, Clone)]
struct Tally {
    entries: usize,
    pos_snippets: usize,
    neg_snippets: usize,
    secrets: usize,
    found: usize,
    findings: usize,
    true_findings: usize,
    neg_flagged: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.entries += o.entries;
        self.pos_snippets += o.pos_snippets;
        self.neg_snippets += o.neg_snippets;
        self.secrets += o.secrets;
        self.found += o.found;
        self.findings += o.findings;
        self.true_findings += o.true_findings;
        self.neg_flagged += o.neg_flagged;
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.secrets as f64
    }
    fn precision(&self) -> f64 {
        if self.findings == 0 {
            1.0
        } else {
            self.true_findings as f64 / self.findings as f64
        }
    }
}

fn ratio(x: f64) -> String {
    if x.is_nan() {
        "-".into()
    } else {
        format!("{x:.3}")
    }
}

fn table(title: &str, rows: &[(String, Tally)]) -> String {
    let mut s = String::new();
    writeln!(
        s,
        "{title:<16} {:>7} {:>6} {:>6} {:>7} {:>6} {:>7} {:>8} {:>5} {:>9} {:>8}",
        "entries",
        "pos",
        "neg",
        "secrets",
        "found",
        "recall",
        "findings",
        "FP",
        "precision",
        "neg hit"
    )
    .unwrap();
    for (name, t) in rows {
        writeln!(
            s,
            "{name:<16} {:>7} {:>6} {:>6} {:>7} {:>6} {:>7} {:>8} {:>5} {:>9} {:>8}",
            t.entries,
            t.pos_snippets,
            t.neg_snippets,
            t.secrets,
            t.found,
            ratio(t.recall()),
            t.findings,
            t.findings - t.true_findings,
            ratio(t.precision()),
            format!("{}/{}", t.neg_flagged, t.neg_snippets)
        )
        .unwrap();
    }
    s
}

#[test]
fn heldout2_recall_and_precision() {
    measure(&HELDOUT2);
}

#[test]
fn heldout3_recall_and_precision() {
    measure(&HELDOUT3);
}

#[test]
fn dev5_recall_and_precision() {
    measure(&DEV5);
}

#[test]
fn dev6_recall_and_precision() {
    measure(&DEV6);
}

#[test]
fn dev7_recall_and_precision() {
    measure(&DEV7);
}

#[test]
fn dev8_recall_and_precision() {
    measure(&DEV8);
}

#[test]
fn dev9_recall_and_precision() {
    measure(&DEV9);
}

#[test]
fn dev10_recall_and_precision() {
    measure(&DEV10);
}

#[test]
fn dev11_recall_and_precision() {
    measure(&DEV11);
}

#[test]
fn dev12_recall_and_precision() {
    measure(&DEV12);
}

#[test]
fn dev13_recall_and_precision() {
    measure(&DEV13);
}

#[test]
fn dev14_recall_and_precision() {
    measure(&DEV14);
}

#[test]
fn dev15_recall_and_precision() {
    measure(&DEV15);
}

#[test]
fn dev17_recall_and_precision() {
    measure(&DEV17);
}

#[test]
fn dev16_recall_and_precision() {
    measure(&DEV16);
}

#[test]
fn dev18_recall_and_precision() {
    measure(&DEV18);
}

#[test]
fn dev21_recall_and_precision() {
    measure(&DEV21);
}

#[test]
fn dev22_recall_and_precision() {
    measure(&DEV22);
}

#[test]
fn dev26_recall_and_precision() {
    measure(&DEV26);
}

#[test]
fn dev28_recall_and_precision() {
    measure(&DEV28);
}

#[test]
fn dev29_recall_and_precision() {
    measure(&DEV29);
}

#[test]
fn dev30_recall_and_precision() {
    measure(&DEV30);
}

#[test]
fn dev24_recall_and_precision() {
    measure(&DEV24);
}

#[test]
fn dev23_recall_and_precision() {
    measure(&DEV23);
}

#[test]
fn dev31_tuner_recall_and_precision() {
    measure(&DEV31_TUNER);
}

#[test]
fn dev25_tuner_recall_and_precision() {
    measure(&DEV25_TUNER);
}

#[test]
fn dev27_tuner_recall_and_precision() {
    measure(&DEV27_TUNER);
}

#[test]
fn dev20_recall_and_precision() {
    measure(&DEV20);
}

#[test]
fn dev19_recall_and_precision() {
    measure(&DEV19);
}

#[test]
fn heldout4_recall_and_precision() {
    measure(&HELDOUT4);
}

/// What the possible-secret pass flags on the lines `m` stands on, as ranges of `text`
/// (reading above them for the header of a table they stand in, as a quoted line is).
fn possible_on_lines(text: &str, m: &std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[m.end..].find('\n').map_or(text.len(), |i| m.end + i);
    possible_secrets_in(text, start..end)
}

/// Whether `hidden` covers every character of `m` but its line breaks and spaces
/// (a wrapped key's lines are masked one by one; what stands between them is no secret).
fn covered(text: &str, hidden: &[std::ops::Range<usize>], m: &std::ops::Range<usize>) -> bool {
    (m.start..m.end).all(|i| {
        !text.is_char_boundary(i)
            || text.as_bytes()[i].is_ascii_whitespace()
            || hidden.iter().any(|r| r.contains(&i))
    })
}

fn measure(c: &Corpus) {
    let entries = load(c.files);
    let mut r = Rng(c.seed);
    let mut by_family: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_lang: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_family_lang: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut fps = Vec::new();
    // Defence in depth: the secrets a quoted line would still print (neither reported nor
    // masked by the possible-secret pass), by snippet, without their text.
    let mut masked = 0usize;
    let mut unmasked = Vec::new();
    // The possible-secret pass on its own: the secrets it masks, those it leaves (by
    // snippet), and the negative snippets where it masks something.
    let mut possible_alone = 0usize;
    let mut uncovered = Vec::new();
    let mut neg_masked = 0usize;
    let mut neg_count = 0usize;
    for e in &entries {
        let copies = if is_templated(c, &e.template) {
            COPIES
        } else {
            1
        };
        let mut t = Tally {
            entries: 1,
            ..Tally::default()
        };
        for _ in 0..copies {
            let (text, expected) = marks(&expand(&e.template, &mut r, generator(c)));
            let found = scan(&text);
            t.findings += found.len();
            if e.positive {
                assert!(
                    !expected.is_empty(),
                    "{}:{}: positive without «»",
                    e.file,
                    e.line
                );
                t.pos_snippets += 1;
            } else {
                assert!(
                    expected.is_empty(),
                    "{}:{}: negative with «»",
                    e.file,
                    e.line
                );
                t.neg_snippets += 1;
                if !found.is_empty() {
                    t.neg_flagged += 1;
                }
                neg_count += 1;
                neg_masked += usize::from(!possible_secrets(&text).is_empty());
            }
            for m in &expected {
                // Quoting the lines `m` stands on hides the reported secrets and what
                // the possible-secret pass flags on those lines.
                let possible = possible_on_lines(&text, m);
                let mut hidden: Vec<std::ops::Range<usize>> =
                    found.iter().map(|f| f.range.clone()).collect();
                hidden.extend(possible.iter().cloned());
                if covered(&text, &hidden, m) {
                    masked += 1;
                } else {
                    unmasked.push(format!(
                        "UNMASKED {}:{} [{} {}]",
                        e.file, e.line, e.family, e.lang
                    ));
                }
                if covered(&text, &possible, m) {
                    possible_alone += 1;
                } else {
                    uncovered.push(format!(
                        "UNCOVERED {}:{} [{} {}]",
                        e.file, e.line, e.family, e.lang
                    ));
                }
                t.secrets += 1;
                if found
                    .iter()
                    .any(|f| f.range.start <= m.start && f.range.end >= m.end)
                {
                    t.found += 1;
                } else {
                    misses.push(format!(
                        "MISS {}:{} [{} {}] {:?}\n  findings: {:?}",
                        e.file,
                        e.line,
                        e.family,
                        e.lang,
                        &text[m.clone()],
                        found
                            .iter()
                            .map(|f| (&text[f.range.clone()], f.kind))
                            .collect::<Vec<_>>()
                    ));
                }
            }
            for f in &found {
                if expected
                    .iter()
                    .any(|m| f.range.start < m.end && m.start < f.range.end)
                {
                    t.true_findings += 1;
                } else {
                    fps.push(format!(
                        "FP {}:{} [{} {}] {:?} ({:?})",
                        e.file,
                        e.line,
                        e.family,
                        e.lang,
                        &text[f.range.clone()],
                        f.kind
                    ));
                }
            }
        }
        by_family.entry(e.family).or_default().add(&t);
        by_lang.entry(e.lang).or_default().add(&t);
        by_family_lang
            .entry((e.family, e.lang))
            .or_default()
            .add(&t);
    }

    let mut total = Tally::default();
    for t in by_family.values() {
        total.add(t);
    }
    let fam_rows: Vec<(String, Tally)> = FAMILIES
        .iter()
        .filter_map(|f| by_family.get(f).map(|t| (f.to_string(), t.clone())))
        .chain([("ALL".to_string(), total.clone())])
        .collect();
    let lang_rows: Vec<(String, Tally)> = by_lang
        .iter()
        .map(|(l, t)| (l.to_string(), t.clone()))
        .collect();
    // One print per corpus, so that the two tests' reports do not interleave.
    let mut out = format!("== {} ==\n", c.name);
    writeln!(out, "{}", table("family", &fam_rows)).unwrap();
    writeln!(out, "{}", table("language", &lang_rows)).unwrap();
    let family_lang_rows: Vec<(String, Tally)> = FAMILIES
        .iter()
        .flat_map(|f| ["en", "ja"].map(|l| (f, l)))
        .filter_map(|(f, l)| {
            by_family_lang
                .get(&(*f, l))
                .map(|t| (format!("{f} {l}"), t.clone()))
        })
        .collect();
    writeln!(out, "{}", table("family language", &family_lang_rows)).unwrap();
    if !c.held_out {
        for line in misses.iter().chain(&fps).chain(&unmasked).chain(&uncovered) {
            writeln!(out, "{line}").unwrap();
        }
    }
    let masked_share = masked as f64 / total.secrets as f64;
    let possible_share = possible_alone as f64 / total.secrets as f64;
    writeln!(
        out,
        "{}: {} misses, {} false positives; recall {:.3}, precision {:.3}; \
         masked in a quoted line {masked_share:.3}, by possible secrets alone \
         {possible_share:.3}; negatives with something masked {neg_masked}/{neg_count}",
        c.name,
        misses.len(),
        fps.len(),
        total.recall(),
        total.precision()
    )
    .unwrap();
    println!("{out}");

    // The corpus's shape, as its brief froze it.
    let n = entries.len();
    let ja = entries.iter().filter(|e| e.lang == "ja").count();
    let neg = entries.iter().filter(|e| !e.positive).count();
    let name = c.name;
    assert!(
        n >= c.min_snippets,
        "{name}: {n} snippets, want at least {}",
        c.min_snippets
    );
    assert!(
        100 * ja >= c.min_ja_percent * n,
        "{name}: {ja} of {n} snippets in Japanese, want {} %",
        c.min_ja_percent
    );
    // About 40 %: dev15 has 43 of 110, dev20 37 of 95.
    assert!(
        100 * neg >= 38 * n,
        "{name}: {neg} of {n} snippets negative, want 38 %"
    );
    for f in &FAMILIES[..7] {
        let pos = entries
            .iter()
            .filter(|e| e.positive && e.family == *f)
            .count();
        assert!(
            pos >= c.min_family_positives,
            "{name}: family {f}: {pos} positive snippets, want {}",
            c.min_family_positives
        );
    }

    assert!(
        masked_share >= c.min_masked,
        "{name}: a quoted line hides {masked_share:.3} of the secrets, want {}",
        c.min_masked
    );
    assert!(
        possible_share >= c.min_possible,
        "{name}: possible secrets alone hide {possible_share:.3} of the secrets, want {}",
        c.min_possible
    );
    assert!(
        total.recall() >= c.min_recall,
        "{name}: recall {:.3} < {}",
        total.recall(),
        c.min_recall
    );
    assert!(
        total.precision() >= c.min_precision,
        "{name}: precision {:.3} < {}",
        total.precision(),
        c.min_precision
    );
}
