use crate::diagnostic::{Fix, TextEdit};
use crate::secrets::{self, Options};
use crate::{msg, Context, Diagnostic};

declare_rule! {
    /// ## What it checks
    ///
    /// Secrets anywhere in the file, front matter and body, code blocks included:
    /// passwords (in connection strings, URLs, command lines, configuration files,
    /// tables and sentences), storage account and other access keys, shared access keys
    /// and SAS signatures, client secrets, tokens (JWT, personal access tokens, bearer
    /// tokens), private keys, and payment card numbers. The finding covers the secret's
    /// value only, and its message never repeats it. The quick fix replaces the secret,
    /// and nothing else, with `<redacted>`.
    ///
    /// IDs that support needs are never reported: subscription, tenant, object and
    /// client IDs, resource IDs, correlation, activity and request IDs, `X-Azure-Ref`,
    /// support request numbers, thumbprints, digests, ETags, instrumentation keys, public
    /// keys and certificates, Key Vault references, variables, and values already masked
    /// (`<redacted>`, `***`, `xxxx`, `●●●`).
    ///
    /// ## Why
    ///
    /// The first thing support asks of anyone who files a request is to leave out
    /// passwords, access keys and other secrets. A request is read by several people
    /// and kept for a long time; support never needs a secret to investigate, and a
    /// secret that has been sent must be treated as leaked: rotate it.
    ///
    /// ## Trigger phrases
    ///
    /// Fires on a value after: `Password=`, `Pwd={…}`, `AccountKey=`, `SharedAccessKey=`,
    /// `sig=`, `?code=`, `x-functions-key:`, `Ocp-Apim-Subscription-Key:`, `api-key:`,
    /// `Authorization: Bearer / Basic`, `--admin-password`, `-p` (`az login`,
    /// `docker login`), `mysql -p…`, `sqlcmd -P`, `redis-cli -a`, `curl -u user:…`,
    /// `ConvertTo-SecureString '…' -AsPlainText`, `password:` / `"clientSecret":` in
    /// JSON, YAML, `.env`, XML; パスワードは…, パスワード：…, 初期パスワード「…」,
    /// 事前共有キー…, "the password is …", a table column headed パスワード / Password.
    ///
    /// Stays silent on: the word password without a value (パスワードを忘れました,
    /// "password authentication failed", "the password is incorrect"), secret names
    /// (`secretName`, `SharedAccessKeyName`), `@Microsoft.KeyVault(…)`, `$VAR`,
    /// `${{ secrets.X }}`, `%VAR%`, `<your-password>`, `{key}`, and masks.
    ///
    /// ## Fires
    ///
    /// ```markdown
    /// ## エラー メッセージ
    /// 接続文字列: Server=tcp:sql1.database.windows.net;User ID=app;Password=Tr0ub4dor&3x;
    /// ```
    ///
    /// ## Passes
    ///
    /// ```markdown
    /// ## エラー メッセージ
    /// 接続文字列: Server=tcp:sql1.database.windows.net;User ID=app;Password=<redacted>;
    /// ```
    "sensitive-data", Error, check
}

/// The numbers listed in `related_requests` (a number, or `{number, engineer}`).
fn related_numbers(ctx: &Context) -> Vec<String> {
    let Some(entry) = ctx.field("related_requests") else {
        return Vec::new();
    };
    entry
        .value
        .items()
        .iter()
        .filter_map(|item| match item.as_str() {
            Some(s) => Some(s),
            None => item.get("number").and_then(|e| e.value.as_str()),
        })
        .map(|s| s.chars().filter(char::is_ascii_digit).collect())
        .collect()
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let opts = Options {
        exempt_numbers: related_numbers(ctx),
    };
    for f in secrets::scan_with(ctx.text, &opts) {
        let label = f.kind.label();
        let (en, ja) = (&label.en, &label.ja);
        let mut d = RULE
            .diag(
                f.range.clone(),
                msg!(
                    "This is {en}: remove it from the request, and rotate it if it was ever sent or shared anywhere",
                    "{ja}が含まれています。お問い合わせから削除し、一度でも送信・共有したことがあれば無効化して再発行 (ローテーション) してください"
                ),
            )
            .with_fix(Fix {
                title: msg!("Replace with <redacted>", "<redacted> に置き換える"),
                edits: vec![TextEdit {
                    range: f.range,
                    new_text: "<redacted>".into(),
                }],
            });
        d.secret = true;
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_spans, check as run, CLEAN_EN, CLEAN_JA};

    #[test]
    fn clean_requests_pass() {
        assert!(run(&RULE, CLEAN_JA).is_empty());
        assert!(run(&RULE, CLEAN_EN).is_empty());
    }

    #[test]
    fn fires_in_japanese() {
        assert_spans(&RULE, "初期パスワードは「«Tr0ub4dor&3»」です。\n");
        assert_spans(&RULE, "管理者のパスワード：«P@ssw0rd2024»\n");
        assert_spans(&RULE, "| ユーザー | パスワード |\n|---|---|\n| admin | «Xy7!kq92Lm» |\n");
        assert_spans(&RULE, "VPN の事前共有キーは «Abc123xyz789» です。\n");
    }

    #[test]
    fn fires_in_english_and_code() {
        assert_spans(
            &RULE,
            "```\nServer=tcp:s.database.windows.net;User ID=app;Password=«Tr0ub4dor&3x»;\n```\n",
        );
        assert_spans(&RULE, "The admin password is «Summer2024!» for now.\n");
        assert_spans(
            &RULE,
            "az vm create -g rg -n vm1 --admin-username azureuser --admin-password «Qw3rty!Zx98»\n",
        );
        assert_spans(
            &RULE,
            "https://st1.blob.core.windows.net/c/b.txt?sv=2022-11-02&sr=b&sig=«kX9%2Bq1mZr7Lw0pQ3vT5yU8aB2cD4eF6gH1jK3lM5nO7%3D»\n",
        );
    }

    #[test]
    fn fires_in_front_matter() {
        assert_spans(
            &RULE,
            "---\nsummary: ログインできない\npassword: «Hunter2Hunter2!»\n---\n\n本文\n",
        );
    }

    #[test]
    fn silent_on_ids_masks_and_words() {
        for text in [
            "パスワードを忘れました。\n",
            "Login failed: password authentication failed for user \"app\".\n",
            "The password is incorrect.\n",
            "Password=<redacted>; AccountKey=****; sig=xxxx\n",
            "\"clientSecret\": \"@Microsoft.KeyVault(SecretUri=https://kv1.vault.azure.net/secrets/app/)\"\n",
            "correlation ID: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f\n",
            "お問い合わせ番号 2311270010001234 の続きです。\n",
            "InstrumentationKey=6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f;IngestionEndpoint=https://japaneast-1.in.applicationinsights.azure.com/\n",
        ] {
            assert!(run(&RULE, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn related_requests_are_not_cards() {
        let text = "---\nrelated_requests:\n  - 2311270010001234\n---\n\n前回 2311270010001234 で相談しました。\n";
        let luhn = crate::secrets::checksum::luhn(b"2311270010001234");
        let found = run(&RULE, text);
        assert!(found.is_empty() || !luhn, "{found:?}");
    }

    #[test]
    fn the_fix_redacts_only_the_secret_and_the_message_never_echoes_it() {
        let text = "Password=Tr0ub4dor&3x;Encrypt=True\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert!(d.secret);
        assert!(!d.message.en.contains("Tr0ub4dor") && !d.message.ja.contains("Tr0ub4dor"));
        let fixed = crate::diagnostic::apply_edits(text, &d.fixes[0].edits);
        assert_eq!(fixed, "Password=<redacted>;Encrypt=True\n");
    }
}
