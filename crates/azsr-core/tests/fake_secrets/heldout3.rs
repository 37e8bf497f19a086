//! Fake values for the held-out corpus in `tests/secrets/heldout3/` (see its README).
//! Names this module does not define fall back to `heldout2`'s generators. The new ones
//! build real DER structures (PKCS#12 PFX, PKCS#8 and PKCS#1 RSA keys, SEC1 EC keys) with
//! random key material, and tokens with their published layouts and checksums (npm's
//! base62 CRC32 like GitHub's, Slack's `xox?-` shapes, App Configuration and SignalR
//! access keys). Every value is generated at test time; none is copied from anywhere.
#![allow(dead_code)]

use azsr_core::secrets::checksum::{base64_encode, github_checksum};

use crate::fake_secrets::{b64url, heldout2, Rng, ALNUM};

const HEX: &str = "0123456789abcdef";
const LOWER_DIGITS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
const DIGITS: &str = "0123456789";

/// One DER TLV.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut v = vec![tag];
    let n = content.len();
    if n < 0x80 {
        v.push(n as u8);
    } else if n < 0x100 {
        v.extend([0x81, n as u8]);
    } else {
        v.extend([0x82, (n >> 8) as u8, n as u8]);
    }
    v.extend_from_slice(content);
    v
}

fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

fn int_small(n: u8) -> Vec<u8> {
    tlv(0x02, &[n])
}

/// A positive INTEGER of `n` random bytes, top bit set (a leading zero added, as DER wants).
fn int_big(r: &mut Rng, n: usize) -> Vec<u8> {
    let mut b = r.bytes(n);
    b[0] |= 0x80;
    b[n - 1] |= 1;
    let mut c = vec![0];
    c.extend(b);
    tlv(0x02, &c)
}

fn oid(der_body: &[u8]) -> Vec<u8> {
    tlv(0x06, der_body)
}

const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
const OID_ENC_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x06];
const OID_SHROUDED_BAG: &[u8] = &[
    0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x02,
];
const OID_PBES2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d];
const OID_PBKDF2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c];
const OID_HMAC_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09];
const OID_AES256_CBC: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a];
const OID_SHA256: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
const OID_FRIENDLY_NAME: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x14];
const OID_LOCAL_KEY_ID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x15];
const OID_P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];

/// PKCS#1 RSAPrivateKey (2048-bit) with random numbers in the right places.
fn rsa_pkcs1(r: &mut Rng) -> Vec<u8> {
    seq(&[
        int_small(0),
        int_big(r, 256),
        tlv(0x02, &[0x01, 0x00, 0x01]),
        int_big(r, 256),
        int_big(r, 128),
        int_big(r, 128),
        int_big(r, 128),
        int_big(r, 128),
        int_big(r, 128),
    ])
}

fn rsa_pkcs8(r: &mut Rng) -> Vec<u8> {
    seq(&[
        int_small(0),
        seq(&[oid(OID_RSA), vec![0x05, 0x00]]),
        tlv(0x04, &rsa_pkcs1(r)),
    ])
}

fn ec_sec1(r: &mut Rng) -> Vec<u8> {
    let mut point = vec![0x00, 0x04];
    point.extend(r.bytes(64));
    seq(&[
        int_small(1),
        tlv(0x04, &r.bytes(32)),
        tlv(0xa0, &oid(OID_P256)),
        tlv(0xa1, &tlv(0x03, &point)),
    ])
}

/// PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) AlgorithmIdentifier, as OpenSSL 3 and
/// Windows write them.
fn pbes2(r: &mut Rng) -> Vec<u8> {
    seq(&[
        oid(OID_PBES2),
        seq(&[
            seq(&[
                oid(OID_PBKDF2),
                seq(&[
                    tlv(0x04, &r.bytes(8)),
                    tlv(0x02, &[0x08, 0x00]),
                    seq(&[oid(OID_HMAC_SHA256), vec![0x05, 0x00]]),
                ]),
            ]),
            seq(&[oid(OID_AES256_CBC), tlv(0x04, &r.bytes(16))]),
        ]),
    ])
}

/// A PKCS#12 PFX: version 3, authSafe (an encrypted certificate bag and a shrouded key
/// bag with friendlyName and localKeyId), MAC data with SHA-256.
fn pfx(r: &mut Rng) -> Vec<u8> {
    let enc_certs = seq(&[
        oid(OID_ENC_DATA),
        tlv(
            0xa0,
            &seq(&[
                int_small(0),
                seq(&[oid(OID_DATA), pbes2(r), tlv(0x80, &r.bytes(1392))]),
            ]),
        ),
    ]);
    let mut name = Vec::new();
    for c in "te-3f2a9c".encode_utf16() {
        name.extend(c.to_be_bytes());
    }
    let attrs = tlv(
        0x31,
        &[
            seq(&[oid(OID_FRIENDLY_NAME), tlv(0x31, &tlv(0x1e, &name))]),
            seq(&[oid(OID_LOCAL_KEY_ID), tlv(0x31, &tlv(0x04, &r.bytes(20)))]),
        ]
        .concat(),
    );
    let key_bag = seq(&[
        oid(OID_SHROUDED_BAG),
        tlv(0xa0, &seq(&[pbes2(r), tlv(0x04, &r.bytes(1232))])),
        attrs,
    ]);
    let key_info = seq(&[oid(OID_DATA), tlv(0xa0, &tlv(0x04, &seq(&[key_bag])))]);
    let auth_safe = seq(&[enc_certs, key_info]);
    seq(&[
        int_small(3),
        seq(&[oid(OID_DATA), tlv(0xa0, &tlv(0x04, &auth_safe))]),
        seq(&[
            seq(&[
                seq(&[oid(OID_SHA256), vec![0x05, 0x00]]),
                tlv(0x04, &r.bytes(32)),
            ]),
            tlv(0x04, &r.bytes(8)),
            tlv(0x02, &[0x08, 0x00]),
        ]),
    ])
}

fn wrap(s: &str, width: usize, sep: &str) -> String {
    s.as_bytes()
        .chunks(width)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(sep)
}

fn pem(label: &str, der: &[u8]) -> String {
    format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        wrap(&base64_encode(der), 64, "\n")
    )
}

fn npm(r: &mut Rng) -> String {
    let body = r.from(ALNUM, 30);
    format!("npm_{body}{}", github_checksum(&body))
}

fn slack(r: &mut Rng, kind: &str) -> String {
    let team = format!("{}{}", 1 + r.below(9), r.from(DIGITS, 10));
    match kind {
        "xoxb" => format!(
            "xoxb-{team}-{}{}-{}",
            1 + r.below(9),
            r.from(DIGITS, 12),
            r.from(ALNUM, 24)
        ),
        _ => format!(
            "xoxp-{team}-{}-{}-{}",
            r.from(DIGITS, 13),
            r.from(DIGITS, 13),
            r.from(HEX, 32)
        ),
    }
}

fn session_id_aspnet(r: &mut Rng) -> String {
    r.from("abcdefghijklmnopqrstuvwxyz012345", 24)
}

/// The value for `{{name}}`: this module's own, else `heldout2`'s; None for a name
/// neither knows.
pub fn generate(name: &str, r: &mut Rng) -> Option<String> {
    Some(match name {
        // real DER structures, base64
        "pfx_der_b64" => base64_encode(&pfx(r)),
        "pfx_der_b64_wrapped" => wrap(&base64_encode(&pfx(r)), 76, "\n"),
        "pkcs8_der_b64" => base64_encode(&rsa_pkcs8(r)),
        "rsa_pem_body" => wrap(&base64_encode(&rsa_pkcs1(r)), 64, "\n"),
        "pkcs8_pem_body" => wrap(&base64_encode(&rsa_pkcs8(r)), 64, "\n"),
        "ec_pem_body" => wrap(&base64_encode(&ec_sec1(r)), 64, "\n"),
        "pkcs8_pem_jsonnl" => wrap(&base64_encode(&rsa_pkcs8(r)), 64, "\\n"),
        "pkcs8_pem_b64" => base64_encode(pem("PRIVATE KEY", &rsa_pkcs8(r)).as_bytes()),
        "ec_pem_b64" => base64_encode(pem("EC PRIVATE KEY", &ec_sec1(r)).as_bytes()),
        // tokens
        "npm" => npm(r),
        "slack_bot" => slack(r, "xoxb"),
        "slack_user" => slack(r, "xoxp"),
        "slack_webhook_path" => format!(
            "T{}/B{}/{}",
            r.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
            r.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
            r.from(ALNUM, 24)
        ),
        "sendgrid" => format!("SG.{}.{}", r.from(ALNUM, 22), r.from(ALNUM, 43)),
        "google_api" => format!("AIza{}", r.from(&(ALNUM.to_string() + "-_"), 35)),
        "appconfig_secret" => base64_encode(&r.bytes(33)),
        "appconfig_id" => format!(
            "{}-{}-{}:{}",
            r.from(ALNUM, 4),
            r.from(ALNUM, 2),
            r.from(ALNUM, 2),
            r.from(ALNUM, 20)
        ),
        "signalr_key" => base64_encode(&r.bytes(32)),
        "acs_key" => base64_encode(&r.bytes(64)),
        "openai_key" => r.from(HEX, 32),
        "ado_pat" => heldout2::generate("ado_pat_new", r)?,
        "hex64_key" => r.from(HEX, 64),
        "b64url_43" => b64url(&r.bytes(32)),
        "basic_entra" => {
            let id = heldout2::generate("guid", r)?;
            let s = heldout2::generate("entra", r)?;
            base64_encode(format!("{id}:{s}").as_bytes())
        }
        "b64_entra" => base64_encode(heldout2::generate("entra", r)?.as_bytes()),
        "b64_guid" => base64_encode(heldout2::generate("guid", r)?.as_bytes()),
        "b64_npm" => base64_encode(npm(r).as_bytes()),
        "b64_sas_url" => base64_encode(
            format!(
                "https://st{}.blob.core.windows.net/backup?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-31T00:00:00Z&spr=https&sig={}",
                r.from(LOWER_DIGITS, 8),
                crate::fake_secrets::heldout2::generate("sig_enc", r)?
            )
            .as_bytes(),
        ),
        "b64_pw_nl" => base64_encode(format!("{}\n", heldout2::generate("pw", r)?).as_bytes()),
        // cookies
        "aspnet_session_id" => session_id_aspnet(r),
        "aspxauth" => {
            let n = 320 + 32 * r.below(4);
            r.from("0123456789ABCDEF", n)
        }
        "jsessionid" => r.from("0123456789ABCDEF", 32),
        "connect_sid" => format!(
            "s%3A{}.{}",
            r.from(&(ALNUM.to_string() + "-_"), 32),
            b64url(&r.bytes(32))
        ),
        "flask_session" => format!(
            "{}.{}.{}",
            b64url(&r.bytes(60)),
            b64url(&r.bytes(4)),
            b64url(&r.bytes(20))
        ),
        "cpim_cookie" => {
            let n = 300 + r.below(200);
            base64_encode(&r.bytes(n))
        }
        // harmless values
        "arr" => r.from(HEX, 64),
        "muid" => r.from("0123456789ABCDEF", 32),
        "sha256" => r.from(HEX, 64),
        "sha256_upper" => r.from(HEX, 64).to_uppercase(),
        "md5_b64" => base64_encode(&r.bytes(16)),
        "etag_hex" => format!("0x8DD{}", r.from("0123456789ABCDEF", 12)),
        "digits6" => r.from(DIGITS, 6),
        "ec_pub_body" => {
            let mut point = vec![0x00, 0x04];
            point.extend(r.bytes(64));
            let spki = seq(&[
                seq(&[oid(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]), oid(OID_P256)]),
                tlv(0x03, &point),
            ]);
            wrap(&base64_encode(&spki), 64, "\n")
        }
        "jwk_n" => b64url(&r.bytes(256)),
        "guid_braced" => format!("{{{}}}", heldout2::generate("guid_upper", r)?),
        _ => return heldout2::generate(name, r),
    })
}
