//! Fake values for the held-out corpus in `tests/secrets/heldout4/` (see its README).
//! Names this module does not define fall back to `heldout3`'s generators (and through
//! them to `heldout2`'s). The new ones give shapes the earlier corpora lacked: word
//! passphrases with spaces, Docker Hub tokens, `Basic` headers of newer DevOps PATs,
//! passwords that need CSV quoting, a storage key a console wrapped over two lines or a
//! mail wrote quoted-printable, and two more session cookies. Every value is generated at
//! test time; none is copied from anywhere.
#![allow(dead_code)]

use azsr_core::secrets::checksum::base64_encode;

use crate::fake_secrets::{b64url, heldout2, Rng};
use crate::heldout3;

const HEX: &str = "0123456789abcdef";

/// Five ordinary words and a number, separated by spaces, as password managers suggest.
fn passphrase_words(r: &mut Rng) -> String {
    let words = [
        "copper", "tulip", "harbor", "kettle", "meadow", "saffron", "tunnel", "wasabi", "glacier",
        "pencil", "bamboo", "thunder", "violet", "quartz", "noodle", "falcon",
    ];
    let mut ws: Vec<&str> = (0..5).map(|_| words[r.below(words.len())]).collect();
    let n = format!("{}", 1 + r.below(98));
    ws.insert(1 + r.below(4), &n);
    ws.join(" ")
}

/// The value for `{{name}}`: this module's own, else `heldout3`'s; None for a name no
/// module knows.
pub fn generate(name: &str, r: &mut Rng) -> Option<String> {
    Some(match name {
        "passphrase_words" => passphrase_words(r),
        "docker_pat" => format!("dckr_pat_{}", b64url(&r.bytes(20))),
        "basic_pat_new" => {
            let pat = heldout2::generate("ado_pat_new", r)?;
            base64_encode(format!(":{pat}").as_bytes())
        }
        // `.npmrc`'s `_password`: the PAT itself, base64
        "b64_pat" => base64_encode(heldout2::generate("ado_pat_legacy", r)?.as_bytes()),
        "pw_comma" => {
            let mut p = heldout2::generate("pw", r)?;
            let at = 1 + r.below(p.len() - 1);
            p.insert(at, ',');
            p
        }
        // a storage key a console table wrapped at 44 columns
        "storage_key_wrapped" => {
            heldout2::wrap(&heldout2::generate("storage_key_legacy", r)?, 44, "\n")
        }
        // a connection string's key, percent-encoded inside a URL query
        "sb_ident_urlenc" => heldout2::generate("sb_ident", r)?
            .replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D"),
        // WordPress's `wordpress_logged_in_<hash>` value: user|expiry|session token|HMAC
        "wp_logged_in" => format!(
            "wpadmin%7C{}%7C{}%7C{}",
            1_765_000_000 + r.below(9_000_000),
            r.from(crate::fake_secrets::ALNUM, 43),
            r.from(HEX, 64)
        ),
        // oauth2-proxy's session cookie: payload|timestamp|signature
        "oauth2_proxy_cookie" => {
            let n = 180 + r.below(200);
            format!(
                "{}|{}|{}",
                b64url(&r.bytes(n)),
                1_765_000_000 + r.below(9_000_000),
                b64url(&r.bytes(32))
            )
        }
        // a storage key in a quoted-printable mail body (`=` written `=3D`)
        "storage_key_qp" => heldout2::generate("storage_key_legacy", r)?.replace('=', "=3D"),
        // harmless: a public certificate's DER, base64 on one line (app manifests, JWKS x5c)
        "cert_b64_oneline" => heldout2::generate("cert_body", r)?.replace('\n', ""),
        _ => return heldout3::generate(name, r),
    })
}
