//! `secrets::scan` never panics and always returns char-aligned, sorted, disjoint ranges.

use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "password",
    "Password=",
    "pwd:",
    "：",
    "=",
    ":",
    "\"",
    "'",
    "\\\"",
    "\\n",
    "パスワード",
    "は",
    "を",
    "「",
    "」",
    "（",
    "）",
    "の値",
    "管理キー",
    "事前共有キー",
    "暗証番号",
    " ",
    "\n",
    "|",
    "|---|",
    "-----BEGIN PRIVATE KEY-----",
    "-----END PRIVATE KEY-----",
    "eyJhbGciOiJIUzI1NiJ9",
    ".",
    "8Q~",
    "ghp_",
    "github_pat_",
    "AKIA",
    "+ASt",
    "AzFu",
    "JQQJ99",
    "://",
    "@",
    "sig=",
    "%3D",
    "%26",
    "&",
    "?code=",
    "{",
    "}",
    " -p",
    " -P",
    " -a",
    " -u ",
    "mysql",
    "az login",
    "sqlcmd",
    "redis-cli",
    "curl",
    "ConvertTo-SecureString",
    "-AsPlainText",
    "4111",
    "5500 ",
    "2311270010001234",
    "Bearer ",
    "Authorization: Basic ",
    "Authorization: SharedKey a:",
    "/user:",
    "net use",
    "€",
    "𝄞",
    "é",
    "key1",
    "value",
    "name=",
    "<value>",
    "<",
    ">",
    "*",
    "●",
    "Ab1!xyz9",
    "Zm9vYmFy",
    "==",
    "AccountKey=",
    "SharedAccessKey=",
    "keyName",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let found = azsr_core::secrets::scan(text);
    let mut prev_end = 0;
    for f in &found {
        assert!(f.range.start < f.range.end && f.range.end <= text.len());
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        assert!(f.range.start >= prev_end, "overlapping findings");
        prev_end = f.range.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn scan_of_fragments_is_well_formed(text in fragments()) {
        check(&text);
    }

    #[test]
    fn scan_of_any_text_is_well_formed(text in "\\PC{0,200}") {
        check(&text);
    }
}
