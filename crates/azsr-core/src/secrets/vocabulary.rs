//! The words people put around a credential, each kept once: the Japanese words that
//! name one (in a label, a column header, a file name or a comment), and the marks a
//! person writes after a pasted value to note it (`← 本番用`, `# rotated`).

/// The label `netsh wlan show profile … key=clear` puts before a Wi-Fi passphrase, in
/// English and in the Japanese of each Windows release (`主要なコンテンツ` is the
/// machine translation of "Key Content" most releases print).
pub(super) const WIFI_KEY_LABELS: [&str; 3] =
    ["key content", "主要なコンテンツ", "キー コンテンツ"];

/// Japanese column headers meaning "value": in the output of a command printing
/// secrets, the column that holds them, as `Value` does (`--query "{名前:name,
/// 値:value}"`).
pub(super) const VALUE_WORDS: [&str; 3] = ["値", "設定値", "シークレット値"];

/// Words naming a site-to-site VPN connection (`接続の種類：サイト間 (IPsec)`): the one
/// value such a connection is given without a name of its own is its pre-shared key.
pub(super) fn names_vpn_connection(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    ["ipsec", "site-to-site", "s2s"]
        .iter()
        .any(|w| lower.contains(w))
        || line.contains("サイト間")
}

/// What a Japanese word names: a password, or a key, or a secret or token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Named {
    /// パスワード, パスフレーズ, 暗証番号 (and the hiragana ぱすわーど people type).
    Password,
    /// キー, 鍵: a key of any kind (`APIキー`, `主キー`, `秘密鍵`).
    Key,
    /// シークレット, トークン.
    Secret,
}

const PASSWORD: [&str; 4] = ["パスワード", "ぱすわーど", "パスフレーズ", "暗証番号"];
const KEY: [&str; 2] = ["キー", "鍵"];
const SECRET: [&str; 2] = ["シークレット", "トークン"];
/// Words that say, in a comment, that a value is a credential without naming which
/// (`事前共有`: "pre-shared", what a VPN's two sides hold alike, said without its キー).
const CREDENTIAL: [&str; 4] = ["認証", "秘密", "資格情報", "事前共有"];
/// Words ending in a key word that name no secret: a public key, a cookie (whose name
/// says whether it is one).
const NOT_SECRET_KEYS: [&str; 3] = ["公開キー", "公開鍵", "クッキー"];

/// What the Japanese label ending `label` names: `初期パスワード`, `APIキー`, `主キー`,
/// `クライアント シークレット`, `アクセス トークン`. `公開キー` and `クッキー` name none.
pub(super) fn label_names(label: &str) -> Option<Named> {
    let ends = |words: &[&str]| words.iter().any(|w| label.ends_with(w));
    if ends(&PASSWORD) {
        Some(Named::Password)
    } else if ends(&SECRET) {
        Some(Named::Secret)
    } else if ends(&KEY) && !ends(&NOT_SECRET_KEYS) {
        Some(Named::Key)
    } else {
        None
    }
}

/// What a Japanese text mentioning a credential says the value it stands by is (a
/// comment: `# 本番DBのパスワード`, `// 認証用`, `<!-- 接続キー -->`; a header
/// `パスワード（初期）`): a password before anything else, then any key, secret or
/// credential word that is no public key's nor cookie's.
pub(super) fn mentions(text: &str) -> Option<Named> {
    if text.is_ascii() {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if has(&PASSWORD) {
        return Some(Named::Password);
    }
    if has(&SECRET) || has(&CREDENTIAL) {
        return Some(Named::Secret);
    }
    // A key word counts where it stands outside `公開キー` / `クッキー`.
    let keys = KEY.iter().map(|w| text.matches(w).count()).sum::<usize>();
    let public = NOT_SECRET_KEYS
        .iter()
        .map(|w| text.matches(w).count())
        .sum::<usize>();
    (keys > public).then_some(Named::Key)
}

/// Whether `note` (what follows a value after a space) is a note the person who pasted
/// it wrote on it: `← 本番用`, `⇐ this one`, `<- new`, `# rotated`, `// old`, `（プライマリ）`,
/// `(primary)`, `※旧キー`, `TODO`, `FIXME`. The value then stands alone as much as
/// without the note.
pub(super) fn is_value_note(note: &str) -> bool {
    ["←", "⇐", "<-", "#", "//", "（", "(", "※", "TODO", "FIXME"]
        .iter()
        .any(|m| note.starts_with(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_by_their_last_word() {
        assert_eq!(label_names("初期パスワード"), Some(Named::Password));
        assert_eq!(label_names("ぱすわーど"), Some(Named::Password));
        assert_eq!(label_names("APIキー"), Some(Named::Key));
        assert_eq!(label_names("秘密鍵"), Some(Named::Key));
        assert_eq!(
            label_names("クライアント シークレット"),
            Some(Named::Secret)
        );
        assert_eq!(label_names("公開キー"), None);
        assert_eq!(label_names("公開鍵"), None);
        assert_eq!(label_names("クッキー"), None);
        // The word must end the label: パスワードポリシー names a policy.
        assert_eq!(label_names("パスワードポリシー"), None);
    }

    #[test]
    fn comments_say_what_they_mention() {
        assert_eq!(mentions(" 本番DBのパスワード"), Some(Named::Password));
        assert_eq!(mentions("認証用"), Some(Named::Secret));
        assert_eq!(
            mentions("オンプレ側の事前共有と同じものにすること"),
            Some(Named::Secret)
        );
        assert_eq!(mentions("接続キー（プライマリ）"), Some(Named::Key));
        assert_eq!(mentions("公開鍵のパス"), None);
        assert_eq!(mentions("公開キーと秘密キー"), Some(Named::Secret));
        assert_eq!(mentions("クッキーの名前"), None);
        assert_eq!(mentions("admin password"), None);
    }

    #[test]
    fn notes_after_a_value() {
        for note in [
            "← 本番用",
            "<- this one",
            "# rotated",
            "// old",
            "（プライマリ）",
            "※旧",
            "TODO",
        ] {
            assert!(is_value_note(note), "{note}");
        }
        for rest in ["です。", "and the user", "-> next"] {
            assert!(!is_value_note(rest), "{rest}");
        }
    }
}
