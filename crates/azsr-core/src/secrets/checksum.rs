//! Checksums and encodings the fixed secret formats carry: Marvin32 (Microsoft's
//! identifiable keys), CRC-32 (GitHub tokens, legacy Azure DevOps PATs), Luhn (payment
//! cards), and the base64 / base32 / base62 codecs they are written in. Written from the
//! published descriptions of each algorithm.

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

/// The checksum seed of identifiable keys: the eight ASCII bytes of `Default0` read as a
/// little-endian integer.
pub const IDENTIFIABLE_SEED: u64 = u64::from_le_bytes(*b"Default0");

/// CRC-32 (IEEE 802.3, reflected, as zlib computes it).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
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

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const B32: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

fn b64_value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    } as u32)
}

/// Decodes standard or URL-safe base64, padded or not.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for &c in s.as_bytes() {
        acc = (acc << 6) | b64_value(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Encodes standard base64 with padding.
pub fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = chunk.len();
        let v = (chunk[0] as u32) << 16
            | (*chunk.get(1).unwrap_or(&0) as u32) << 8
            | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= n {
                out.push(B64[(v >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes lowercase RFC 4648 base32 without padding; trailing partial bits are dropped.
pub fn base32_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 5 / 8);
    let mut acc = 0u64;
    let mut bits = 0;
    for &c in s.as_bytes() {
        let v = B32.iter().position(|&x| x == c.to_ascii_lowercase())? as u64;
        acc = (acc << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Encodes bytes as lowercase base32 without padding.
pub fn base32_encode(data: &[u8]) -> String {
    let mut out = String::new();
    let mut acc = 0u64;
    let mut bits = 0;
    for &b in data {
        acc = (acc << 8) | b as u64;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(B32[(acc >> bits) as usize & 31] as char);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(B32[((acc << (5 - bits)) & 31) as usize] as char);
    }
    out
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

/// Whether an identifiable key's last four decoded bytes are the Marvin32 of the rest.
pub fn identifiable_checksum_valid(key: &str) -> bool {
    match base64_decode(key) {
        Some(b) if b.len() >= 8 => {
            let n = b.len() - 4;
            marvin32(IDENTIFIABLE_SEED, &b[..n]).to_le_bytes() == b[n..]
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
}
