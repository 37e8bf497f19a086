//! Fake values for the first corpus (the `*.txt` files at the top of `tests/secrets/`,
//! see its README): identifiable Azure keys with their checksums, tokens with their
//! published layouts, PEM and DER bodies, chosen passwords. Shared by the corpus test
//! (`secrets_corpus.rs`) and the end-to-end leak test, so that both fill the snippets
//! alike. Every value is generated; none is copied from anywhere.
#![allow(dead_code)]

use azsr_core::secrets::checksum::{base32_encode, base64_encode, crc32, github_checksum};

use crate::fake_secrets::{b64url, identifiable, identifiable_key, luhn_complete, Rng, ALNUM, B64};

const HEX: &str = "0123456789abcdef";

fn group(s: &str, sep: char) -> String {
    s.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(&sep.to_string())
}

fn pem(r: &mut Rng, label: &str, nl: &str, lines: usize, end: bool) -> String {
    let mut s = format!("-----BEGIN {label}-----{nl}");
    for _ in 0..lines {
        s += &r.from(B64, 64);
        s += nl;
    }
    if end {
        s += &format!("-----END {label}-----");
    }
    s
}

/// The DER body of a PKCS#12 bundle, a private key or a certificate, in base64: the
/// outer SEQUENCE with its length, the structure's first fields, random bytes after.
fn der_b64(r: &mut Rng, head: &[u8], total: usize) -> String {
    let mut der = vec![0x30, 0x82, (total >> 8) as u8, total as u8];
    der.extend_from_slice(head);
    der.extend(r.bytes(total - head.len()));
    base64_encode(&der)
}

/// `b64` cut into lines of `width` characters (`certutil -encode`, `base64`).
fn wrap(b64: &str, width: usize) -> String {
    b64.as_bytes()
        .chunks(width)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// PFX: version 3, then the authSafe ContentInfo (pkcs7-data).
const PFX_HEAD: [u8; 18] = [
    0x02, 0x01, 0x03, 0x30, 0x82, 0x09, 0x00, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01,
    0x07, 0x01,
];
/// PKCS#8: version 0, rsaEncryption, then the OCTET STRING of the key.
const PKCS8_HEAD: [u8; 20] = [
    0x02, 0x01, 0x00, 0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01,
    0x05, 0x00, 0x04, 0x82,
];
/// PKCS#1 RSAPrivateKey: version 0, then the modulus.
const RSA_HEAD: [u8; 8] = [0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00];
/// Certificate: the TBSCertificate SEQUENCE, version 3, a serial number.
const CERT_HEAD: [u8; 11] = [
    0x30, 0x82, 0x03, 0x00, 0xA0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x10,
];

fn password(r: &mut Rng) -> String {
    let words = [
        "Sakura", "Tokyo", "Azure", "Blue", "River", "Falcon", "Maple", "Orion",
    ];
    let symbols = ["!", "@", "#", "%", "&", "*", "?", "+"];
    let w = words[r.below(words.len())];
    let n = 10 + r.below(9000);
    let s = symbols[r.below(symbols.len())];
    match r.below(3) {
        0 => format!("{w}{n}{s}"),
        1 => format!("{s}{w}{}{n}", r.from("abcdefghijkmnpqrstuvwxyz", 3)),
        _ => format!("{}{n}{w}{s}x", r.from("ABCDEFGHJKLMNPQRSTUVWXYZ", 2)),
    }
}

/// The value named `{{name}}` in the first corpus's snippets, or `None` for a name it
/// does not define.
pub fn generate(name: &str, r: &mut Rng) -> Option<String> {
    Some(match name {
        "storage_ident" => identifiable(r, "+ASt", 76, 60),
        "cosmos_ident" => identifiable(r, "ACDb", 76, 60),
        "sb_ident" => identifiable(r, "+ASb", 33, 28),
        "eh_ident" => identifiable(r, "+AEh", 33, 28),
        "relay_ident" => identifiable(r, "+ARm", 33, 28),
        "batch_ident" => identifiable(r, "+ABa", 76, 60),
        "iot_ident" => identifiable(r, "AIoT", 33, 28),
        "redis_ident" => identifiable(r, "AzCa", 33, 28),
        "acr_ident" => identifiable(r, "+ACR", 33, 28),
        "func_ident" => identifiable(r, "AzFu", 33, 28),
        "search_ident" => identifiable(r, "AzSe", 33, 28),
        "eg_ident" => identifiable(r, "AZEG", 33, 28),
        "apim_ident" => identifiable(r, "APIM", 76, 60),
        "annotated" => format!(
            "{}JQQJ99{}{}{}AZDO{}",
            r.from(ALNUM, 52),
            r.from(ALNUM, 1),
            r.from("ABCDEFGHIJKL", 1),
            r.from(ALNUM, 16),
            r.from(ALNUM, 4)
        ),
        "legacy_key" => base64_encode(&r.bytes(64)),
        "b64_32" => base64_encode(&r.bytes(32)),
        "b64_long" => base64_encode(&r.bytes(48)),
        "b64_ref" => r.from(ALNUM, 40),
        "b64_url60" => r.from(ALNUM, 60),
        "b64url27" => b64url(&r.bytes(20)),
        "entra" => format!(
            "{}8Q~{}",
            r.from(ALNUM, 3),
            r.from(&(ALNUM.to_string() + "_~.-"), 34)
        ),
        "ado_pat" => loop {
            let mut b = r.bytes(28);
            b.extend(crc32(&b).to_le_bytes());
            let s = base32_encode(&b);
            if s.bytes().any(|c| c.is_ascii_digit()) {
                break s;
            }
        },
        "ghp" => {
            let body = r.from(ALNUM, 30);
            format!("ghp_{body}{}", github_checksum(&body))
        }
        "github_pat" => format!("github_pat_{}_{}", r.from(ALNUM, 22), r.from(ALNUM, 59)),
        "aws_id" => format!("AKIA{}", r.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)),
        "aws_secret" => r.from(B64, 40),
        "jwt" => {
            let header = format!(
                r#"{{"alg":"RS256","typ":"JWT","kid":"{}"}}"#,
                r.from(ALNUM, 12)
            );
            let payload = format!(
                r#"{{"aud":"https://management.azure.com","iss":"https://sts.windows.net/x/","exp":{}}}"#,
                1_760_000_000 + r.below(1_000_000)
            );
            format!(
                "{}.{}.{}",
                b64url(header.as_bytes()),
                b64url(payload.as_bytes()),
                b64url(&r.bytes(64))
            )
        }
        "opaque_token" => r.from(&(ALNUM.to_string() + "-_"), 48),
        "basic" => base64_encode(format!("admin:{}", password(r)).as_bytes()),
        "pem_rsa" => pem(r, "RSA PRIVATE KEY", "\n", 12, true),
        "pem_pkcs8" => pem(r, "PRIVATE KEY", "\n", 10, true),
        "pem_openssh" => pem(r, "OPENSSH PRIVATE KEY", "\n", 6, true),
        "pem_ec" => pem(r, "EC PRIVATE KEY", "\n", 3, true),
        "pem_encrypted" => pem(r, "ENCRYPTED PRIVATE KEY", "\n", 10, true),
        "pem_json" => pem(r, "PRIVATE KEY", "\\n", 10, true),
        "pem_pkcs8_cut" => pem(r, "PRIVATE KEY", "\n", 5, false).trim_end().to_string(),
        "card_visa" => luhn_complete(r, "4", 16),
        "card_visa_spaced" => group(&luhn_complete(r, "4", 16), ' '),
        "card_mc" => luhn_complete(r, "53", 16),
        "card_mc2" => luhn_complete(r, "2345", 16),
        "card_mc_dashed" => group(&luhn_complete(r, "51", 16), '-'),
        "card_amex" => luhn_complete(r, "37", 15),
        "card_jcb" => luhn_complete(r, "3540", 16),
        "request_number" => {
            let prefix = format!("2{}11{:02}", 3 + r.below(3), 1 + r.below(28));
            luhn_complete(r, &prefix, 16)
        }
        "sig" => base64_encode(&r.bytes(32))
            .replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D"),
        "sig_raw" => b64url(&r.bytes(32)),
        "func_code" => b64url(&r.bytes(40)) + "==",
        "hex16" => r.from(HEX, 16),
        "hex32" => r.from(HEX, 32),
        "hex40" => r.from(HEX, 40),
        "hex40_upper" => r.from(HEX, 40).to_uppercase(),
        "hex12_upper" => r.from(HEX, 12).to_uppercase(),
        "hex64" => r.from(HEX, 64),
        "guid" => {
            let h = r.from(HEX, 32);
            format!(
                "{}-{}-4{}-a{}-{}",
                &h[..8],
                &h[8..12],
                &h[13..16],
                &h[17..20],
                &h[20..]
            )
        }
        "pw" => password(r),
        "pw_shell" => password(r).replace(['$', '&', '*', '?', '!', '#'], "_"),
        "pw_url" => password(r).replace(['@', '#', '?', '/', '%', '&', '*', '$', '!'], "Z"),
        "pw_odbc" => format!("{};{}}}}}", password(r), r.from(ALNUM, 3)),
        "acr_key" => identifiable_key(r, "+ACR", 0, 42, 35, B64, false),
        "search_key" => identifiable_key(r, "AzSe", 0, 42, 35, ALNUM, false),
        "search_query_key" => identifiable_key(r, "AzSe", 1, 42, 35, ALNUM, false),
        "func_key56" => identifiable_key(r, "AzFu", 0, 44, 36, B64, true),
        "func_master56" => identifiable_key(r, "AzFu", 1, 44, 36, B64, true),
        "ado_pat_old" => r.from("abcdefghijklmnopqrstuvwxyz234567", 52),
        "bitlocker" => (0..8)
            .map(|_| format!("{:06}", 11 * r.below(65536)))
            .collect::<Vec<_>>()
            .join("-"),
        "hex32_upper" => r.from(HEX, 32).to_uppercase(),
        "b64_24" => base64_encode(&r.bytes(24)),
        "dockercfg" => {
            let user = ["acrprod", "00000000-0000-0000-0000-000000000000", "pull-token"][r.below(3)];
            let pw = base64_encode(&r.bytes(32));
            let auth = base64_encode(format!("{user}:{pw}").as_bytes());
            let json = match r.below(2) {
                0 => format!(
                    r#"{{"auths":{{"acrprod.azurecr.io":{{"username":"{user}","password":"{pw}","auth":"{auth}"}}}}}}"#
                ),
                _ => format!(r#"{{"auths":{{"https://acrjpe.azurecr.io":{{"auth":"{auth}"}}}}}}"#),
            };
            base64_encode(json.as_bytes())
        }
        "tls_key_b64" => {
            let label = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"][r.below(3)];
            base64_encode((pem(r, label, "\n", 8, true) + "\n").as_bytes())
        }
        "tls_crt_b64" => base64_encode((pem(r, "CERTIFICATE", "\n", 8, true) + "\n").as_bytes()),
        "pw_b64" => base64_encode(password(r).as_bytes()),
        "conn_b64" => base64_encode(
            format!(
                "Server=tcp:sql1.database.windows.net,1433;Database=app;User ID=app;Password={};",
                password(r)
            )
            .as_bytes(),
        ),
        "sa_token_b64" => base64_encode(generate("jwt", r)?.as_bytes()),
        "cloudinit_b64" => base64_encode(
            format!(
                "#cloud-config\npackage_upgrade: true\npackages:\n  - nginx\n  - jq\nruncmd:\n  - echo {} > /etc/node-id\n",
                r.from(HEX, 12)
            )
            .as_bytes(),
        ),
        "principal_b64" => base64_encode(
            format!(
                r#"{{"auth_typ":"aad","claims":[{{"typ":"name","val":"Taro {}"}}],"name_typ":"name","role_typ":"roles"}}"#,
                r.from(ALNUM, 6)
            )
            .as_bytes(),
        ),
        "azure_credentials_b64" => {
            let json = format!(
                "{{\n  \"clientId\": \"{}\",\n  \"clientSecret\": \"{}\",\n  \"subscriptionId\": \"{}\",\n  \"tenantId\": \"{}\"\n}}",
                generate("guid", r)?,
                generate("entra", r)?,
                generate("guid", r)?,
                generate("guid", r)?
            );
            base64_encode(json.as_bytes())
        }
        "aspnet_cookie" => {
            let n = 180 + r.below(120);
            format!("CfDJ8{}", b64url(&r.bytes(n)))
        }
        "aspnet_cookie_short" => format!("CfDJ8{}", b64url(&r.bytes(60))),
        "appsvc_cookie" => {
            let n = 150 + r.below(100);
            base64_encode(&r.bytes(n))
        }
        "ests_cookie" => {
            let n = 120 + r.below(60);
            format!("1.A{}.{}", b64url(&r.bytes(n)), b64url(&r.bytes(24)))
        }
        "pw_json_esc" => {
            let p = password(r);
            let cut = 2 + r.below(p.len() - 3);
            format!("{}{}{}", &p[..cut], ["\\\"", "\\\\", "\\u0026"][r.below(3)], &p[cut..])
        }
        "pw_xml" => {
            let p = password(r);
            let cut = 2 + r.below(p.len() - 3);
            format!("{}{}{}", &p[..cut], ["&amp;", "&lt;", "&quot;"][r.below(3)], &p[cut..])
        }
        "entra_pct" => generate("entra", r)?.replace('~', "%7E"),
        "pw_pct" => {
            let p = password(r);
            let cut = 2 + r.below(p.len() - 3);
            format!("{}{}{}", &p[..cut], ["%40", "%23", "%21"][r.below(3)], &p[cut..])
        }
        "cosmos_rid" => format!("{}AAAAAAAAAA==", r.from(B64, 12)),
        "cosmos_fpc" => format!("AgEAAAAQ{}", r.from(B64, 40)),
        // Issue 12/18 development batch (`*4.txt`, `userinfo.txt`): DER bodies in base64
        // (a PKCS#12 bundle, a PKCS#8 or PKCS#1 private key, a public certificate), Basic
        // credentials with an empty user, session ids, key names with a random part.
        name @ ("pfx_b64" | "pkcs8_der_b64" | "rsa_der_b64" | "cert_der_b64") => {
            let (head, min, spread): (&[u8], usize, usize) = match name {
                "pfx_b64" => (&PFX_HEAD, 900, 1500),
                "pkcs8_der_b64" => (&PKCS8_HEAD, 1190, 20),
                "rsa_der_b64" => (&RSA_HEAD, 1180, 20),
                _ => (&CERT_HEAD, 700, 700),
            };
            let n = min + r.below(spread);
            der_b64(r, head, n)
        }
        "pem_bundle_b64" => base64_encode(
            (pem(r, "CERTIFICATE", "\n", 8, true)
                + "\n"
                + &pem(r, "PRIVATE KEY", "\n", 10, true)
                + "\n")
                .as_bytes(),
        ),
        "basic_pat" => {
            let pat = generate(["ado_pat", "ado_pat_old"][r.below(2)], r)?;
            base64_encode(format!(":{pat}").as_bytes())
        }
        "basic_email_pat" => {
            let pat = generate("ado_pat_old", r)?;
            base64_encode(format!("taro.yamada@contoso.co.jp:{pat}").as_bytes())
        }
        "pfx_b64_lines" => {
            let n = 900 + r.below(1500);
            wrap(&der_b64(r, &PFX_HEAD, n), [64, 76][r.below(2)])
        }
        "cert_b64_lines" => {
            let n = 700 + r.below(700);
            wrap(&der_b64(r, &CERT_HEAD, n), 64)
        }
        "b64_alnum32" => base64_encode(r.from(ALNUM, 32).as_bytes()),
        "b64_hex32" => base64_encode(r.from(HEX, 32).as_bytes()),
        "b64_word" => base64_encode(["admin", "app_user", "5432", "prod", "sqladmin"][r.below(5)].as_bytes()),
        "b64_host" => base64_encode(format!("sql-{}.database.windows.net", r.from(HEX, 6)).as_bytes()),
        "alnum64" => r.from(ALNUM, 64),
        "alnum40" => r.from(ALNUM, 40),
        "aspnet_session" => r.from("abcdefghijklmnopqrstuvwxyz012345", 24),
        "jsession" => r.from(HEX, 32).to_uppercase(),
        "connect_sid" => format!("s%3A{}.{}", r.from(ALNUM, 32), b64url(&r.bytes(32))),
        "b64_json_plain" => base64_encode(
            format!(
                r#"{{"region":"japaneast","tier":"Standard","build":"{}"}}"#,
                r.from(HEX, 8)
            )
            .as_bytes(),
        ),
        // Session 5's generalisations (`neighbours.txt`).
        "passphrase" => {
            let words = [
                "amber", "willow", "saddle", "quartz", "meadow", "tundra", "pepper", "harbor",
                "violet", "cinder",
            ];
            let n = 3 + r.below(2);
            let mut p: Vec<&str> = (0..n).map(|_| words[r.below(words.len())]).collect();
            let digits = format!("{}", 10 + r.below(90));
            if n == 3 {
                p.push(&digits);
                p.join("-")
            } else {
                p.join(["-", "_", "."][r.below(3)])
            }
        }
        "pw_json_quote" => {
            let p = password(r);
            let at = 1 + r.below(p.len() - 1);
            // A quote inside a JSON string that is itself inside a JSON string: `\\\"`.
            format!("{}\\\\\\\"{}", &p[..at], &p[at..])
        }
        "key_json_slash" => {
            let mut k = base64_encode(&r.bytes(64));
            if !k.contains('/') {
                k.replace_range(10..11, "/");
            }
            k.replace('/', "\\/")
        }
        "b64_sas_url" => base64_encode(
            format!(
                "https://st{}.blob.core.windows.net/c?sv=2022-11-02&sr=c&sp=rl&sig={}",
                r.from(HEX, 6),
                base64_encode(&r.bytes(32)).replace('+', "%2B").replace('/', "%2F").replace('=', "%3D")
            )
            .as_bytes(),
        ),
        "b64_storage_conn" => base64_encode(
            format!(
                "DefaultEndpointsProtocol=https;AccountName=st{};AccountKey={};EndpointSuffix=core.windows.net",
                r.from(HEX, 6),
                base64_encode(&r.bytes(64))
            )
            .as_bytes(),
        ),
        "b64_plain_url" => base64_encode(
            format!("https://app-{}.azurewebsites.net/health", r.from(HEX, 6)).as_bytes(),
        ),
        "slack_path" => format!(
            "T{}/B{}/{}",
            r.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
            r.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
            r.from(ALNUM, 24)
        ),
        "discord_path" => format!("{}/{}", r.from("0123456789", 18), b64url(&r.bytes(51))),
        "cpim_cookie" => base64_encode(&r.bytes(180)),
        "pin_like" => {
            let n = 4 + r.below(3);
            r.from("0123456789", n)
        }
        _ => return None,
    })
}
