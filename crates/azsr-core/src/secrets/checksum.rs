//! Checksums and encodings the fixed secret formats carry: Marvin32 (Microsoft's
//! identifiable keys), CRC-32 (GitHub tokens, legacy Azure DevOps PATs), Luhn (payment
//! cards), and the base64 / base32 / base62 codecs they are written in. CRC-32 and the
//! base64 and base32 codecs come from crates (`crc32fast`, `base64`, `data-encoding`);
//! Marvin32, Luhn and base62 are written here from the published descriptions.

use std::sync::LazyLock;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine as _};

/// Marvin32 of `data` with a 64-bit `seed`, folded to 32 bits (low word XOR high word).
pub fn marvin32(seed: u64, data: &[u8]) -> u32 {
    let mut lo = seed as u32;
    let mut hi = (seed >> 32) as u32;
    fn mix(lo: &mut u32, hi: &mut u32) {
        *hi ^= *lo;
        *lo = lo.rotate_left(20).wrapping_add(*hi);
        *hi = hi.rotate_left(9) ^ *lo;
        *lo = lo.rotate_left(27).wrapping_add(*hi);
        *hi = hi.rotate_left(19);
    }
    let mut chunks = data.chunks_exact(4);
    for c in &mut chunks {
        lo = lo.wrapping_add(u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        mix(&mut lo, &mut hi);
    }
    let rest = chunks.remainder();
    let last = match rest.len() {
        0 => 0x80,
        1 => 0x8000 | rest[0] as u32,
        2 => 0x80_0000 | u16::from_le_bytes([rest[0], rest[1]]) as u32,
        _ => 0x8000_0000 | rest[0] as u32 | (rest[1] as u32) << 8 | (rest[2] as u32) << 16,
    };
    lo = lo.wrapping_add(last);
    mix(&mut lo, &mut hi);
    mix(&mut lo, &mut hi);
    lo ^ hi
}

/// The checksum seed of identifiable storage account keys: the eight ASCII bytes of
/// `Default0` read as a big-endian integer (`0x44656661756c7430`).
pub const IDENTIFIABLE_SEED: u64 = seed(b"Default0");

/// A Marvin32 seed as Microsoft's identifiable keys name them: eight ASCII bytes read
/// as a big-endian integer.
const fn seed(name: &[u8; 8]) -> u64 {
    u64::from_be_bytes(*name)
}

/// Each service's identifiable-key signature and the checksum seeds its keys are made
/// with (one per key kind: admin and query keys, master and function keys, …), as
/// Microsoft's security-utilities publishes them.
pub const IDENTIFIABLE_SEEDS: &[(&str, &[u64])] = &[
    ("+ASt", &[IDENTIFIABLE_SEED]),
    (
        "ACDb",
        &[
            seed(b"MastRO00"),
            seed(b"MastRW00"),
            seed(b"SysAll00"),
            seed(b"SystRO00"),
            seed(b"SystRW00"),
        ],
    ),
    (
        "+ASb",
        &[
            seed(b"Send0000"),
            seed(b"Listen00"),
            seed(b"Manage00"),
            seed(b"System00"),
        ],
    ),
    (
        "+AEh",
        &[
            seed(b"Send0000"),
            seed(b"Listen00"),
            seed(b"Manage00"),
            seed(b"System00"),
        ],
    ),
    (
        "+ARm",
        &[seed(b"Send0000"), seed(b"Listen00"), seed(b"Manage00")],
    ),
    ("+ABa", &[seed(b"AbAcct00")]),
    (
        "AzFu",
        &[seed(b"Functi00"), seed(b"Master00"), seed(b"System00")],
    ),
    ("AzCa", &[seed(b"Access00")]),
    (
        "AIoT",
        &[seed(b"IoTHub00"), seed(b"DpsKey00"), seed(b"Device00")],
    ),
    (
        "APIM",
        &[
            seed(b"Tenant00"),
            seed(b"IoTHub00"),
            seed(b"Gatewy00"),
            seed(b"GitKey00"),
        ],
    ),
    ("+ACR", &[seed(b"ACRDflt0")]),
    ("AzSe", &[seed(b"PAdmin00"), seed(b"Query000")]),
];

/// The checksum seeds of the identifiable keys signed `signature` (none when unknown).
pub fn identifiable_seeds(signature: &str) -> &'static [u64] {
    IDENTIFIABLE_SEEDS
        .iter()
        .find(|(s, _)| *s == signature)
        .map_or(&[], |(_, seeds)| seeds)
}

/// CRC-32 (IEEE 802.3, reflected, as zlib computes it).
pub fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

/// Luhn check over ASCII digits (other bytes are skipped).
pub fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    let mut double = false;
    for &b in digits.iter().rev().filter(|b| b.is_ascii_digit()) {
        let mut d = (b - b'0') as u32;
        if double {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
        double = !double;
    }
    sum.is_multiple_of(10)
}

const B62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// How keys and tokens are found written: padded or not, with stray bits in the last
/// character (a truncated value still decodes as far as it goes).
const LENIENT: GeneralPurposeConfig = GeneralPurposeConfig::new()
    .with_decode_padding_mode(DecodePaddingMode::Indifferent)
    .with_decode_allow_trailing_bits(true);
const STANDARD_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, LENIENT);
const URL_SAFE_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, LENIENT);

/// Decodes standard or URL-safe base64, padded or not. A text that mixes the two
/// alphabets, or whose length leaves a lone last character, is not base64.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let engine = if s.contains(['-', '_']) {
        &URL_SAFE_LENIENT
    } else {
        &STANDARD_LENIENT
    };
    engine.decode(s).ok()
}

/// Encodes standard base64 with padding.
pub fn base64_encode(data: &[u8]) -> String {
    STANDARD.encode(data)
}

/// RFC 4648 base32 in lowercase without padding (legacy Azure DevOps PATs); decoding
/// takes either case and ignores stray bits in the last character.
static BASE32_LOWER: LazyLock<data_encoding::Encoding> = LazyLock::new(|| {
    let mut spec = data_encoding::Specification::new();
    spec.symbols.push_str("abcdefghijklmnopqrstuvwxyz234567");
    spec.translate.from.push_str("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    spec.translate.to.push_str("abcdefghijklmnopqrstuvwxyz");
    spec.check_trailing_bits = false;
    spec.encoding().expect("a valid base32 specification")
});

/// Decodes lowercase (or uppercase) RFC 4648 base32 without padding.
pub fn base32_decode(s: &str) -> Option<Vec<u8>> {
    BASE32_LOWER.decode(s.as_bytes()).ok()
}

/// Encodes bytes as lowercase base32 without padding.
pub fn base32_encode(data: &[u8]) -> String {
    BASE32_LOWER.encode(data)
}

/// `n` in base62 (digits, upper, lower), left-padded with `0` to `width`.
pub fn base62(mut n: u32, width: usize) -> String {
    let mut digits = Vec::new();
    while n > 0 {
        digits.push(B62[(n % 62) as usize]);
        n /= 62;
    }
    while digits.len() < width {
        digits.push(b'0');
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// The checksum of a GitHub token body (the 30 characters after the prefix).
pub fn github_checksum(body: &str) -> String {
    base62(crc32(body.as_bytes()), 6)
}

/// The checksum of a legacy Azure DevOps PAT: CRC-32 of the first 28 decoded bytes,
/// little-endian in bytes 28..32.
pub fn ado_pat_valid(pat: &str) -> bool {
    match base32_decode(pat) {
        Some(b) if b.len() >= 32 => crc32(&b[..28]).to_le_bytes() == b[28..32],
        _ => false,
    }
}

/// Whether an identifiable key's last four decoded bytes are the Marvin32 of the rest
/// under one of the seeds of its `signature`'s service.
pub fn identifiable_checksum_valid(key: &str, signature: &str) -> bool {
    match base64_decode(key) {
        Some(b) if b.len() >= 8 => {
            let n = b.len() - 4;
            identifiable_seeds(signature)
                .iter()
                .any(|&seed| marvin32(seed, &b[..n]).to_le_bytes() == b[n..])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_and_luhn_known_values() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert!(luhn(b"4111111111111111"));
        assert!(!luhn(b"4111111111111112"));
    }

    #[test]
    fn marvin32_matches_published_test_vectors() {
        // Microsoft's Marvin test vectors give the 64-bit state; the checksum folds it.
        let fold = |h: u64| (h >> 32) as u32 ^ h as u32;
        let seed0 = 0x004f_b61a_001b_dbcc;
        assert_eq!(marvin32(seed0, b""), fold(0x30ed_35c1_00cd_3c7d));
        assert_eq!(marvin32(seed0, b"\xaf"), fold(0x48e7_3fc7_7d75_ddc1));
        assert_eq!(marvin32(seed0, b"\xe7\x0f"), fold(0xb5f6_e1fc_485d_bff8));
        assert_eq!(
            marvin32(seed0, b"\x37\xf4\x95"),
            fold(0xf0b0_7c78_9b8c_f7e8)
        );
        assert_eq!(
            marvin32(seed0, b"\x86\x42\xdc\x59"),
            fold(0x7008_f2e8_7e9c_f556)
        );
        let seed2 = 0x804f_b61a_801b_dbcc;
        assert_eq!(
            marvin32(seed2, b"\x00\xff\x00\xff\x00\xff\x00"),
            fold(0x7187_6f2e_fb1b_0ee8)
        );
        assert_eq!(IDENTIFIABLE_SEED, 0x4465_6661_756c_7430);
    }

    #[test]
    fn marvin32_is_deterministic_and_seed_dependent() {
        let a = marvin32(IDENTIFIABLE_SEED, b"abcdefg");
        assert_eq!(a, marvin32(IDENTIFIABLE_SEED, b"abcdefg"));
        assert_ne!(a, marvin32(IDENTIFIABLE_SEED ^ 1, b"abcdefg"));
        assert_ne!(a, marvin32(IDENTIFIABLE_SEED, b"abcdefh"));
        for len in 0..9 {
            let _ = marvin32(0, &vec![7u8; len]);
        }
    }

    #[test]
    fn codecs_round_trip() {
        let data: Vec<u8> = (0u8..64).map(|i| i.wrapping_mul(37)).collect();
        assert_eq!(base64_decode(&base64_encode(&data)).unwrap(), data);
        let b = &data[..32];
        assert_eq!(&base32_decode(&base32_encode(b)).unwrap()[..32], b);
        assert_eq!(base32_encode(b).len(), 52);
        assert_eq!(base62(0, 6), "000000");
    }

    #[test]
    fn base64_decodes_as_keys_and_tokens_are_written() {
        let data = b"user:p@ss?>~";
        let standard = base64_encode(data);
        assert_eq!(standard, "dXNlcjpwQHNzPz5+");
        assert_eq!(base64_decode(&standard).unwrap(), data);
        assert_eq!(base64_decode("dXNlcjpwQHNzPz5-").unwrap(), data);
        assert_eq!(base64_decode("dXNlcg==").unwrap(), b"user");
        assert_eq!(base64_decode("dXNlcg").unwrap(), b"user");
        assert_eq!(base64_decode("dXNlch").unwrap(), b"user"); // stray bits ignored
        assert_eq!(base64_decode("dXNlcg=").unwrap(), b"user");
        assert_eq!(base64_decode("dXN!cg"), None);
        assert_eq!(base64_decode("dXNlcjpw+_"), None); // both alphabets
    }

    #[test]
    fn base32_is_lowercase_rfc4648_without_padding() {
        assert_eq!(base32_encode(b"foobar"), "mzxw6ytboi");
        assert_eq!(base32_decode("MZXW6YTBOI").unwrap(), b"foobar");
        assert_eq!(base32_decode("mzxw6ytboj").unwrap(), b"foobar"); // stray bits ignored
        assert_eq!(base32_decode("mzxw6yt1"), None);
    }
}
