//! Fake values for the held-out corpus in `tests/secrets/heldout2/` (see its README).
//! Formats follow the published layouts: identifiable Azure keys carry their signature and
//! a Marvin32 checksum under the seed of their own resource provider, older Azure DevOps
//! PATs their scrambled CRC32, GitHub tokens their base62 CRC32, BitLocker recovery
//! passwords groups divisible by 11. Every value is generated at test time.

use azsr_core::secrets::checksum::{
    base64_decode, base64_encode, crc32, github_checksum, marvin32,
};

use super::{b64url, luhn_complete, Rng, ALNUM, B64};

const HEX: &str = "0123456789abcdef";
const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";

// Checksum seeds of the identifiable-key providers (ASCII tags, as published in
// microsoft/security-utilities' IdentifiableMetadata).
const SEED_STORAGE: u64 = 0x4465_6661_756c_7430; // "Default0"
const SEED_COSMOS_RW: u64 = 0x4d61_7374_5257_3030; // "MastRW00"
const SEED_ACR: u64 = 0x4143_5244_666c_7430; // "ACRDflt0"
const SEED_SEARCH_ADMIN: u64 = 0x5041_646d_696e_3030; // "PAdmin00"
const SEED_SEARCH_QUERY: u64 = 0x5175_6572_7930_3030; // "Query000"
const SEED_FUNCTION: u64 = 0x4675_6e63_7469_3030; // "Functi00"
const SEED_FUNCTION_MASTER: u64 = 0x4d61_7374_6572_3030; // "Master00"
const SEED_MSG_MANAGE: u64 = 0x4d61_6e61_6765_3030; // "Manage00"
const SEED_MSG_SEND: u64 = 0x5365_6e64_3030_3030; // "Send0000"
const SEED_REDIS: u64 = 0x4163_6365_7373_3030; // "Access00"
const SEED_IOT_HUB: u64 = 0x496f_5448_7562_3030; // "IoTHub00"
const SEED_BATCH: u64 = 0x4162_4163_6374_3030; // "AbAcct00"
const SEED_APIM_SUB: u64 = 0x496f_5448_7562_3030;
const ADO_USER_PAT_MAGIC: u32 = 0xE0B9_692D;

/// An identifiable key of `total` bytes: random data, the signature ending just before
/// the 4-byte checksum (character `at`), Marvin32 over all bytes but the last four.
fn ident(r: &mut Rng, sig: &str, at: usize, total: usize, seed: u64) -> String {
    let mut prefix = r.from(B64, at) + sig;
    while !prefix.len().is_multiple_of(4) {
        prefix.push('A');
    }
    let mut data = base64_decode(&prefix).unwrap()[..total - 4].to_vec();
    data.extend(marvin32(seed, &data).to_le_bytes());
    let key = base64_encode(&data);
    assert_eq!(&key[at..at + 4], sig, "signature misplaced");
    key
}

/// Same, regenerated until the key holds only letters and digits (providers whose
/// regex allows no `+` or `/`).
fn ident_alnum(r: &mut Rng, sig: &str, at: usize, total: usize, seed: u64) -> String {
    loop {
        let k = ident(r, sig, at, total, seed);
        if k.trim_end_matches('=')
            .bytes()
            .all(|b| b.is_ascii_alphanumeric())
        {
            return k;
        }
    }
}

fn base32_lower(data: &[u8]) -> String {
    const A: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut out = String::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in data {
        acc = (acc << 8) | b as u32;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(A[((acc >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(A[((acc << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Older Azure DevOps PAT: 52 lowercase base32 characters, 28 random bytes with a CRC32
/// (xor a magic number) spread over bytes 22, 8, 7 and 2.
fn ado_pat_legacy(r: &mut Rng) -> String {
    let token = r.bytes(28);
    let mut b = [0u8; 32];
    b[0..2].copy_from_slice(&token[0..2]);
    b[3..7].copy_from_slice(&token[2..6]);
    b[9..22].copy_from_slice(&token[6..19]);
    b[23..32].copy_from_slice(&token[19..28]);
    let c = (crc32(&token) ^ ADO_USER_PAT_MAGIC).to_le_bytes();
    b[22] = c[0];
    b[8] = c[1];
    b[7] = c[2];
    b[2] = c[3];
    base32_lower(&b)
}

fn guid(r: &mut Rng) -> String {
    let h = r.from(HEX, 32);
    format!(
        "{}-{}-4{}-{}{}-{}",
        &h[..8],
        &h[8..12],
        &h[13..16],
        ["8", "9", "a", "b"][r.below(4)],
        &h[17..20],
        &h[20..]
    )
}

fn password(r: &mut Rng) -> String {
    let words = [
        "Sakura", "Fuji", "Kumo", "Azure", "Harbor", "Lantern", "Cobalt", "Yuki", "Nagoya",
        "Kestrel", "Juniper", "Tsubame",
    ];
    let symbols = ["!", "@", "#", "%", "&", "*", "?", "+", "-", "_", "$", "^"];
    let w = words[r.below(words.len())];
    let s = symbols[r.below(symbols.len())];
    let n = 10 + r.below(9990);
    match r.below(5) {
        0 => format!("{w}{n}{s}"),
        1 => format!("{w}{s}{}{n}", r.from(LOWER, 3)),
        2 => format!("{}{n}{w}{s}q", r.from(UPPER, 2)),
        3 => {
            // generated style: 16 characters of mixed classes
            let mut p = r.from(UPPER, 1) + &r.from(LOWER, 1);
            p += &r.from(&(ALNUM.to_string() + "!#%*-_"), 13);
            p + &r.from(DIGITS, 1)
        }
        _ => format!("{}{s}{w}{n}", r.from(LOWER, 2)),
    }
}

/// What people choose: a word, a year, a symbol.
fn simple_password(r: &mut Rng) -> String {
    let words = [
        "Summer", "Winter", "Welcome", "Azure", "Tokyo", "Osaka", "Spring", "Company", "Admin",
    ];
    let w = words[r.below(words.len())];
    let y = 2019 + r.below(8);
    let s = ["!", "#", "@", "$", ""][r.below(5)];
    match r.below(3) {
        0 => format!("{w}{y}{s}"),
        1 => format!("{w}@{y}{}", r.from(DIGITS, 1)),
        _ => format!("{}{w}{y}", r.from(UPPER, 1)),
    }
}

fn passphrase(r: &mut Rng) -> String {
    let words = [
        "maple", "orbit", "canyon", "pickle", "lantern", "hinoki", "seaweed", "granite", "velvet",
        "monsoon", "origami", "trumpet",
    ];
    let mut ws = Vec::new();
    for _ in 0..4 {
        ws.push(words[r.below(words.len())]);
    }
    format!("{}-{}", ws.join("-"), 10 + r.below(90))
}

fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out += &format!("%{b:02X}");
        }
    }
    out
}

/// A password that needs escaping: it holds at least one character of `specials`.
fn password_with(r: &mut Rng, specials: &[char]) -> String {
    let mut p = password(r);
    let c = specials[r.below(specials.len())];
    let at = 1 + r.below(p.len() - 1);
    p.insert(at, c);
    p
}

pub fn wrap(s: &str, width: usize, sep: &str) -> String {
    s.as_bytes()
        .chunks(width)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(sep)
}

/// DER-looking key material: a plausible ASN.1 prefix, then random bytes.
fn der(r: &mut Rng, prefix: &[u8], n: usize) -> Vec<u8> {
    let mut b = prefix.to_vec();
    b.extend(r.bytes(n));
    b
}

fn pem_body(r: &mut Rng, kind: &str) -> String {
    match kind {
        "rsa" => wrap(
            &base64_encode(&der(
                r,
                &[
                    0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00,
                ],
                1180,
            )),
            64,
            "\n",
        ),
        "pkcs8" => wrap(
            &base64_encode(&der(
                r,
                &[
                    0x30, 0x82, 0x04, 0xbd, 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86,
                    0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00, 0x04, 0x82,
                ],
                1190,
            )),
            64,
            "\n",
        ),
        "ec" => wrap(
            &base64_encode(&der(r, &[0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20], 114)),
            64,
            "\n",
        ),
        "encrypted" => wrap(
            &base64_encode(&der(
                r,
                &[0x30, 0x82, 0x05, 0x16, 0x30, 0x40, 0x06, 0x09],
                1300,
            )),
            64,
            "\n",
        ),
        "openssh" => {
            let mut b = b"openssh-key-v1\0\0\0\0\x04none\0\0\0\x04none\0\0\0\0\0\0\0\x01\0\0\0\x33\0\0\0\x0bssh-ed25519\0\0\0\x20".to_vec();
            b.extend(r.bytes(290));
            wrap(&base64_encode(&b), 70, "\n")
        }
        _ => unreachable!(),
    }
}

fn pem(r: &mut Rng, label: &str, kind: &str) -> String {
    format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        pem_body(r, kind)
    )
}

fn cert_body(r: &mut Rng) -> String {
    wrap(
        &base64_encode(&der(
            r,
            &[0x30, 0x82, 0x03, 0x5e, 0x30, 0x82, 0x02, 0x46],
            860,
        )),
        64,
        "\n",
    )
}

fn jwt(r: &mut Rng, id_token: bool) -> String {
    let header = format!(
        r#"{{"typ":"JWT","alg":"RS256","x5t":"{0}","kid":"{0}"}}"#,
        r.from(&(ALNUM.to_string() + "-_"), 27)
    );
    let tid = guid(r);
    let iat = 1_764_000_000 + r.below(3_000_000);
    let payload = if id_token {
        format!(
            r#"{{"aud":"{}","iss":"https://login.microsoftonline.com/{tid}/v2.0","iat":{iat},"nbf":{iat},"exp":{},"name":"Tanaka Taro","oid":"{}","preferred_username":"t.tanaka@contoso.co.jp","tid":"{tid}","ver":"2.0"}}"#,
            guid(r),
            iat + 3600,
            guid(r)
        )
    } else {
        format!(
            r#"{{"aud":"https://management.azure.com/","iss":"https://sts.windows.net/{tid}/","iat":{iat},"nbf":{iat},"exp":{},"appid":"{}","idtyp":"user","oid":"{}","scp":"user_impersonation","tid":"{tid}","upn":"ops@contoso.onmicrosoft.com","ver":"1.0"}}"#,
            iat + 4199,
            guid(r),
            guid(r)
        )
    };
    format!(
        "{}.{}.{}",
        b64url(header.as_bytes()),
        b64url(payload.as_bytes()),
        b64url(&r.bytes(256))
    )
}

fn user(r: &mut Rng) -> &'static str {
    [
        "admin",
        "svc-deploy",
        "apiuser",
        "tanaka",
        "ci-bot",
        "ops@contoso.co.jp",
        "crappjpe01",
    ][r.below(7)]
}

fn entra(r: &mut Rng) -> String {
    format!(
        "{}8Q~{}",
        r.from(&(ALNUM.to_string() + "_~.-"), 3),
        r.from(&(ALNUM.to_string() + "_~.-"), 34)
    )
}

fn github(r: &mut Rng, prefix: &str) -> String {
    let body = r.from(ALNUM, 30);
    format!("{prefix}_{body}{}", github_checksum(&body))
}

fn annotated(r: &mut Rng, provider: &str) -> String {
    format!(
        "{}JQQJ99{}{}{}{provider}{}",
        r.from(ALNUM, 52),
        r.from(ALNUM, 1),
        r.from("ABCDEFGHIJKL", 1),
        r.from(ALNUM, 16),
        r.from(ALNUM, 4)
    )
}

fn bitlocker(r: &mut Rng) -> String {
    (0..8)
        .map(|_| format!("{:06}", 11 * r.below(65536)))
        .collect::<Vec<_>>()
        .join("-")
}

fn storage_conn(r: &mut Rng) -> String {
    format!(
        "DefaultEndpointsProtocol=https;AccountName=stapp{};AccountKey={};EndpointSuffix=core.windows.net",
        r.from("abcdefghijklmnopqrstuvwxyz0123456789", 6),
        base64_encode(&r.bytes(64))
    )
}

/// The value for `{{name}}`, or None for a name this module does not know.
pub fn generate(name: &str, r: &mut Rng) -> Option<String> {
    Some(match name {
        // passwords and their encodings
        "pw" => password(r),
        "pw_simple" => simple_password(r),
        "pw_alnum" => {
            r.from(UPPER, 1) + &r.from(LOWER, 2) + &r.from(ALNUM, 10) + &r.from(DIGITS, 2)
        }
        "passphrase" => passphrase(r),
        "pw_url" => percent_encode(&password_with(r, &['@', ':', '/', '#', '?', '%'])),
        "pw_json" => password_with(r, &['"', '\\'])
            .replace('\\', "\\\\")
            .replace('"', "\\\""),
        "pw_xml" => password_with(r, &['&', '<', '"'])
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;"),
        "pw_amp_u" => password_with(r, &['&', '<', '>'])
            .replace('&', "\\u0026")
            .replace('<', "\\u003c")
            .replace('>', "\\u003e"),
        "b64_pw" => base64_encode(password(r).as_bytes()),
        // Azure keys
        "storage_key_legacy" | "cosmos_key_legacy" | "workspace_key" => base64_encode(&r.bytes(64)),
        "storage_key_slash" => loop {
            let k = base64_encode(&r.bytes(64));
            if k.contains('/') {
                break k.replace('/', "\\/");
            }
        },
        "cosmos_key_urlenc" => percent_encode(&base64_encode(&r.bytes(64))),
        "redis_key_urlenc" => percent_encode(&ident_alnum(r, "AzCa", 33, 32, SEED_REDIS)),
        "storage_ident" => ident(r, "+ASt", 76, 64, SEED_STORAGE),
        "cosmos_ident" => ident(r, "ACDb", 76, 64, SEED_COSMOS_RW),
        "batch_ident" => ident(r, "+ABa", 76, 64, SEED_BATCH),
        "apim_ident" => ident_alnum(r, "APIM", 76, 64, SEED_APIM_SUB)
            .trim_end_matches('=')
            .to_string(),
        "acr_ident" => ident(r, "+ACR", 42, 39, SEED_ACR),
        "search_ident" => ident(r, "AzSe", 42, 39, SEED_SEARCH_ADMIN),
        "search_query_ident" => ident(r, "AzSe", 42, 39, SEED_SEARCH_QUERY),
        "func_ident" => ident(r, "AzFu", 44, 40, SEED_FUNCTION)
            .replace('+', "-")
            .replace('/', "_"),
        "func_master_ident" => ident(r, "AzFu", 44, 40, SEED_FUNCTION_MASTER)
            .replace('+', "-")
            .replace('/', "_"),
        "sb_ident" => ident(r, "+ASb", 33, 32, SEED_MSG_MANAGE),
        "eh_ident" => ident(r, "+AEh", 33, 32, SEED_MSG_SEND),
        "redis_ident" => ident_alnum(r, "AzCa", 33, 32, SEED_REDIS),
        "iot_ident" => ident(r, "AIoT", 33, 32, SEED_IOT_HUB),
        "acr_legacy" => r.from(&(ALNUM.to_string() + "+/="), 32),
        "func_legacy" => b64url(&r.bytes(40)) + "==",
        "b64_32" => base64_encode(&r.bytes(32)),
        "hex32" => r.from(HEX, 32),
        "hex32_upper" => r.from(HEX, 32).to_uppercase(),
        "cog_annotated" => annotated(r, "ACOG"),
        "publish_pw" => r.from(ALNUM, 60),
        "vpn_psk" => {
            let n = 24 + r.below(9);
            r.from(ALNUM, n)
        }
        "sig_enc" => percent_encode(&base64_encode(&r.bytes(32))),
        "sig_enc2" => percent_encode(&percent_encode(&base64_encode(&r.bytes(32)))),
        "sig_raw" => base64_encode(&r.bytes(32)),
        "storage_conn_b64" => base64_encode(storage_conn(r).as_bytes()),
        // tokens
        "ado_pat_legacy" => ado_pat_legacy(r),
        "ado_pat_new" => annotated(r, "AZDO"),
        "ghp" => github(r, "ghp"),
        "gho" => github(r, "gho"),
        "ghs" => github(r, "ghs"),
        "github_pat" => format!("github_pat_{}_{}", r.from(ALNUM, 22), r.from(ALNUM, 59)),
        "entra" => entra(r),
        "entra_urlenc" => loop {
            let e = entra(r);
            if e.contains('~') {
                break e.replace('~', "%7E");
            }
        },
        "entra_old" => base64_encode(&r.bytes(32)),
        "jwt" => jwt(r, false),
        "jwt_id" => jwt(r, true),
        "databricks" => format!("dapi{}", r.from(HEX, 32)),
        "aws_id" => format!("AKIA{}", r.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)),
        "aws_secret" => r.from(B64, 40),
        // private keys (the base64 lines only: the BEGIN / END lines are in the snippet)
        "pem_rsa_body" => pem_body(r, "rsa"),
        "pem_pkcs8_body" => pem_body(r, "pkcs8"),
        "pem_ec_body" => pem_body(r, "ec"),
        "pem_enc_body" => pem_body(r, "encrypted"),
        "pem_openssh_body" => pem_body(r, "openssh"),
        "pem_body_jsonnl" => pem_body(r, "pkcs8").replace('\n', "\\n"),
        // base64-wrapped credentials
        "basic" => {
            let u = user(r);
            base64_encode(format!("{u}:{}", password(r)).as_bytes())
        }
        "basic_pat" => base64_encode(format!(":{}", ado_pat_legacy(r)).as_bytes()),
        "dockercfg_b64" => {
            let reg = format!("cr{}.azurecr.io", r.from("abcdefghijklmnopqrstuvwxyz", 8));
            let u = reg.split('.').next().unwrap().to_string();
            let p = ident(r, "+ACR", 42, 39, SEED_ACR);
            let auth = base64_encode(format!("{u}:{p}").as_bytes());
            base64_encode(
                format!(r#"{{"auths":{{"{reg}":{{"username":"{u}","password":"{p}","auth":"{auth}"}}}}}}"#)
                    .as_bytes(),
            )
        }
        "tls_key_b64" => {
            let label = ["RSA PRIVATE KEY", "PRIVATE KEY"][r.below(2)];
            let kind = if label == "PRIVATE KEY" {
                "pkcs8"
            } else {
                "rsa"
            };
            base64_encode(pem(r, label, kind).as_bytes())
        }
        "pfx_b64" => base64_encode(&der(r, &[0x30, 0x82, 0x0a, 0x4c, 0x02, 0x01, 0x03], 2600)),
        "b64_jwt" => base64_encode(jwt(r, false).as_bytes()),
        // session cookies
        "aspnet_cookie" => {
            let n = 300 + r.below(500);
            format!("CfDJ8{}", b64url(&r.bytes(n)))
        }
        "appsvc_session" => {
            let n = 240 + r.below(400);
            base64_encode(&r.bytes(n))
        }
        "ests_cookie" => {
            let n = 400 + r.below(300);
            format!("1.A{}.{}", b64url(&r.bytes(n)), b64url(&r.bytes(43)))
        }
        "swa_cookie" => {
            let n = 300 + r.below(200);
            base64_encode(&r.bytes(n))
        }
        // other secrets
        "bitlocker" => bitlocker(r),
        "card" => match r.below(3) {
            0 => luhn_complete(r, "4", 16),
            1 => luhn_complete(r, "52", 16),
            _ => luhn_complete(r, "37", 15),
        },
        // harmless values for negatives and context
        "guid" => guid(r),
        "guid_upper" => guid(r).to_uppercase(),
        "hex12" => r.from(HEX, 12),
        "hex16" => r.from(HEX, 16),
        "hex40" => r.from(HEX, 40),
        "hex40_upper" => r.from(HEX, 40).to_uppercase(),
        "hex64" => r.from(HEX, 64),
        "b64_16" => base64_encode(&r.bytes(16)),
        "cert_body" => cert_body(r),
        "tls_crt_b64" => base64_encode(
            format!(
                "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
                cert_body(r)
            )
            .as_bytes(),
        ),
        "ssh_pub" => format!("AAAAB3NzaC1yc2EAAAADAQABAAABgQ{}", r.from(B64, 510)),
        _ => return None,
    })
}
