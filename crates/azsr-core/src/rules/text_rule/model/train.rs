//! The training run behind `model_weights.tsv`: logistic regression per head over the
//! sentence set in `rules/judgment_dev/sentences/`, by stochastic gradient descent in a
//! fixed order (a fixed-seed shuffle), a fixed number of epochs, weight decay, then
//! pruned to the n-grams that weigh most and fitted again on those alone.

use std::collections::HashMap;

use super::{for_each_gram, normalize, Model, HEADS, N};

/// One labelled sentence: its rule, label (`+`, `-`, or for severity-a-criteria the
/// family that it shows) and text.
#[derive(Debug, Clone)]
pub(crate) struct Labelled {
    pub rule: String,
    pub label: String,
    pub text: String,
}

/// The rules with a sentence file, by file name.
pub(crate) const RULES: [&str; 5] = [
    "severity-a-criteria",
    "multiple-problems",
    "reopen-without-number",
    "feature-request",
    "cross-subscription-mention",
];

/// The short name of a rule in the sentence file.
pub(crate) fn short(rule: &str) -> &'static str {
    match rule {
        "severity-a-criteria" => "sev",
        "multiple-problems" => "multi",
        "reopen-without-number" => "reopen",
        "feature-request" => "feature",
        _ => "cross",
    }
}

/// The sentence set (`judgment_dev/sentences.tsv`), one entry per rule that labelled a
/// sentence, without what batch `leave_out` (`drafts_i`…) contributed: its drafts'
/// sentences and the snippets written after it was seen (`snippet-ij`, `snippet-k`, `snippet-m`).
pub(crate) fn sentences(leave_out: Option<&str>) -> Vec<Labelled> {
    let text = include_str!("../../judgment_dev/sentences.tsv");
    let mut out = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.splitn(4, '\t').collect();
        let [labels, _lang, source, text] = cols[..] else {
            panic!("sentences.tsv: bad line {line:?}");
        };
        if leave_out.is_some_and(|b| from_batch(source, b)) {
            continue;
        }
        for l in labels.split(' ') {
            let (r, label) = l
                .split_once('=')
                .unwrap_or_else(|| panic!("bad label {l:?}"));
            let rule = RULES
                .iter()
                .find(|x| short(x) == r)
                .unwrap_or_else(|| panic!("bad rule {r:?}"));
            out.push(Labelled {
                rule: rule.to_string(),
                label: label.to_string(),
                text: text.to_string(),
            });
        }
    }
    out
}

/// Whether a sentence's source belongs to batch `batch` (`drafts_i`): one of its drafts,
/// or a snippet written while tuning on it.
pub(crate) fn from_batch(source: &str, batch: &str) -> bool {
    let era = match batch {
        "drafts_i" | "drafts_j" => "snippet-ij",
        "drafts_k" => "snippet-k",
        "drafts_m" => "snippet-m",
        "drafts_p" => "snippet-p",
        _ => "",
    };
    source.starts_with(&format!("{batch}/")) || (!era.is_empty() && source == era)
}

/// Whether a sentence is a positive example of head `h`.
fn positive(s: &Labelled, h: usize) -> Option<bool> {
    let (rule, family) = HEADS[h].split_once('/').unwrap_or((HEADS[h], ""));
    if s.rule != rule {
        return None;
    }
    Some(if family.is_empty() {
        s.label == "+"
    } else {
        s.label == family
    })
}

/// Epochs of each fit.
const EPOCHS: usize = 40;
/// N-grams kept per head after pruning.
const KEEP: usize = 400;
/// Weight decay (L2) applied once an epoch.
const DECAY: f64 = 0.995;
/// Smallest weight kept.
const MIN_WEIGHT: f64 = 0.05;

/// Trains every head on `sents`.
pub(crate) fn train(sents: &[Labelled]) -> Model {
    let mut m = Model::default();
    for h in 0..N {
        let examples: Vec<(bool, &str)> = sents
            .iter()
            .filter_map(|s| positive(s, h).map(|p| (p, s.text.as_str())))
            .collect();
        if !examples.iter().any(|e| e.0) || examples.iter().all(|e| e.0) {
            continue;
        }
        // The vocabulary: n-grams in two sentences or more, numbered as first seen.
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (_, t) in &examples {
            let norm = normalize(t);
            let mut seen: Vec<&str> = Vec::new();
            for_each_gram(&norm, |g| seen.push(g));
            seen.sort_unstable();
            seen.dedup();
            for g in seen.into_iter().map(str::to_string) {
                let e = df.entry(g.clone()).or_insert(0);
                if *e == 0 {
                    order.push(g);
                }
                *e += 1;
            }
        }
        let vocab: Vec<String> = order.into_iter().filter(|g| df[g] >= 2).collect();
        let (bias, w) = fit(&examples, &vocab);
        // Prune to the n-grams that weigh most, then fit again on those alone.
        let mut ranked: Vec<(usize, f64)> = w.iter().copied().enumerate().collect();
        ranked.sort_by(|a, b| {
            b.1.abs()
                .total_cmp(&a.1.abs())
                .then(vocab[a.0].cmp(&vocab[b.0]))
        });
        let kept: Vec<String> = ranked
            .into_iter()
            .take(KEEP)
            .filter(|(_, w)| w.abs() >= MIN_WEIGHT)
            .map(|(i, _)| vocab[i].clone())
            .collect();
        let _ = bias;
        let (bias, w) = fit(&examples, &kept);
        m.bias[h] = round(bias);
        for (g, w) in kept.iter().zip(w) {
            let w = round(w);
            if w != 0.0 {
                m.grams.entry(g.clone()).or_default().push((h as u8, w));
            }
        }
    }
    m
}

fn round(x: f64) -> f32 {
    ((x * 100.0).round() / 100.0) as f32
}

/// Logistic regression by SGD over `vocab`: the bias and a weight per n-gram.
fn fit(examples: &[(bool, &str)], vocab: &[String]) -> (f64, Vec<f64>) {
    let index: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, g)| (g.as_str(), i))
        .collect();
    let feats: Vec<Vec<(usize, f64)>> = examples
        .iter()
        .map(|(_, t)| {
            let mut ids: Vec<usize> = Vec::new();
            for_each_gram(&normalize(t), |g| ids.extend(index.get(g).copied()));
            ids.sort_unstable();
            let mut v: Vec<(usize, f64)> = Vec::new();
            for i in ids {
                match v.last_mut() {
                    Some(e) if e.0 == i => e.1 += 1.0,
                    _ => v.push((i, 1.0)),
                }
            }
            v
        })
        .collect();
    let n = examples.len() as f64;
    let pos = examples.iter().filter(|e| e.0).count() as f64;
    // Each class weighs as much as the other.
    let (wp, wn) = (n / (2.0 * pos), n / (2.0 * (n - pos)));
    let mut w = vec![0.0f64; vocab.len()];
    let mut bias = 0.0f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for epoch in 0..EPOCHS {
        // A fixed-seed shuffle (Fisher–Yates over a linear congruential generator).
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let j = ((seed >> 33) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let lr = 0.1 / (1.0 + 0.2 * epoch as f64);
        for &k in &order {
            let (label, x) = (examples[k].0, &feats[k]);
            let z = bias + x.iter().map(|(i, c)| w[*i] * c).sum::<f64>();
            let p = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
            let g = (p - f64::from(u8::from(label))) * if label { wp } else { wn };
            bias -= lr * g;
            for (i, c) in x {
                w[*i] -= lr * g * c;
            }
        }
        // Weight decay once an epoch (L2).
        for x in &mut w {
            *x *= DECAY;
        }
    }
    (bias, w)
}

/// The weights file for `m`: per head, its bias, then its n-grams by weight.
pub(crate) fn render(m: &Model) -> String {
    let mut out = String::from(
        "# Weights of the phrasing rules' sentence model (text_rule/model.rs), written by\n\
         # UPDATE_MODEL=1 cargo test -p azsr-core --lib rules::text_rule::model\n\
         # from rules/judgment_dev/sentences.tsv. Per [head]: weight<TAB>n-gram lines,\n\
         # the first (a weight alone) the head's bias; ␣ is a space.\n",
    );
    for (h, head) in HEADS.iter().enumerate() {
        out.push_str(&format!("[{head}]\n{:.2}\n", m.bias[h]));
        let mut grams: Vec<(&str, f32)> = m
            .grams
            .iter()
            .flat_map(|(g, ws)| {
                ws.iter()
                    .filter(|(x, _)| usize::from(*x) == h)
                    .map(move |(_, w)| (g.as_str(), *w))
            })
            .collect();
        grams.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        for (g, w) in grams {
            out.push_str(&format!("{w:.2}\t{}\n", g.replace(' ', "␣")));
        }
    }
    out
}
