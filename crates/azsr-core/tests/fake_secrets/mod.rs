//! Fake-secret generation shared by the corpus test (`crates/azsr-core/tests/`) and the
//! end-to-end leak test (`tests/secrets_e2e.rs`): a seeded generator and the formats whose
//! checksums must be valid. Every value is generated; none is copied from anywhere.
#![allow(dead_code)] // each test that includes this module uses a different part of it

use azsr_core::secrets::checksum::{
    base64_decode, base64_encode, identifiable_seeds, marvin32, IDENTIFIABLE_SEED,
};

pub mod first;
pub mod heldout2;

/// xorshift64*: deterministic per seed, so a failing case can be reproduced.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
    pub fn from(&mut self, alphabet: &str, n: usize) -> String {
        let a: Vec<char> = alphabet.chars().collect();
        (0..n).map(|_| a[self.below(a.len())]).collect()
    }
}

pub const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
pub const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// An identifiable key: `sig` at character `at`, Marvin32 checksum (with the first seed
/// of `sig`'s service, the storage seed for a service without one) over the first `n` bytes (64-byte keys: `at` 76, `n` 60; 32-byte
/// keys: `at` 33, `n` 28).
pub fn identifiable(r: &mut Rng, sig: &str, at: usize, n: usize) -> String {
    identifiable_key(r, sig, 0, at, n, B64, false)
}

/// An identifiable key made with the `seed`-th seed of `sig`'s service: `at` random
/// characters of `alphabet`, `sig`, then the checksum of the first `n` bytes; URL-safe
/// base64 when `url`. The 39- and 40-byte forms: ACR and Search keys (`at` 42, `n` 35,
/// 52 characters), Functions keys (`at` 44, `n` 36, URL-safe, 56 characters).
pub fn identifiable_key(
    r: &mut Rng,
    sig: &str,
    seed: usize,
    at: usize,
    n: usize,
    alphabet: &str,
    url: bool,
) -> String {
    loop {
        let mut prefix = r.from(alphabet, at) + sig;
        while !prefix.len().is_multiple_of(4) {
            prefix.push('A');
        }
        let mut data = base64_decode(&prefix).unwrap()[..n].to_vec();
        let seed = identifiable_seeds(sig).get(seed).copied();
        data.extend(marvin32(seed.unwrap_or(IDENTIFIABLE_SEED), &data).to_le_bytes());
        let mut key = base64_encode(&data);
        if url {
            key = key.replace('+', "-").replace('/', "_");
        }
        assert_eq!(&key[at..at + 4], sig);
        let in_alphabet = key
            .trim_end_matches('=')
            .chars()
            .all(|c| alphabet.contains(c) || url && matches!(c, '-' | '_'));
        if in_alphabet {
            return key;
        }
    }
}

/// `prefix` followed by random digits and a Luhn check digit, `len` digits in all.
pub fn luhn_complete(r: &mut Rng, prefix: &str, len: usize) -> String {
    let mut d: Vec<u32> = prefix.bytes().map(|b| (b - b'0') as u32).collect();
    while d.len() < len - 1 {
        d.push(r.below(10) as u32);
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 0 {
                (x * 2) / 10 + (x * 2) % 10
            } else {
                x
            }
        })
        .sum();
    d.push((10 - sum % 10) % 10);
    d.iter().map(|x| char::from(b'0' + *x as u8)).collect()
}

/// Unpadded base64url (JWT segments).
pub fn b64url(data: &[u8]) -> String {
    base64_encode(data)
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_")
}

/// Fills the `{{name}}` placeholders of a corpus snippet with `generate(name, r)`; only
/// alphanumeric or `_` names are placeholders (`{{ .Values.x }}` and `{{backend-key}}`
/// stay literal).
pub fn expand(
    template: &str,
    r: &mut Rng,
    mut generate: impl FnMut(&str, &mut Rng) -> String,
) -> String {
    let mut s = String::new();
    let mut rest = template;
    while let Some(i) = rest.find("{{") {
        let Some(j) = rest[i..].find("}}") else {
            break;
        };
        let name = &rest[i + 2..i + j];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            s.push_str(&rest[..i]);
            s.push_str(&generate(name, r));
        } else {
            s.push_str(&rest[..i + j + 2]);
        }
        rest = &rest[i + j + 2..];
    }
    s.push_str(rest);
    s
}

/// Strips the `«…»` marks of a corpus snippet, returning the text and the byte range of
/// each marked secret.
pub fn marks(annotated: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut open = Vec::new();
    for ch in annotated.chars() {
        match ch {
            '«' => open.push(text.len()),
            '»' => ranges.push(open.pop().expect("unbalanced »")..text.len()),
            c => text.push(c),
        }
    }
    assert!(open.is_empty(), "unbalanced « in:\n{annotated}");
    (text, ranges)
}
