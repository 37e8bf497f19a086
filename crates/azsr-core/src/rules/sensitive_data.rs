use crate::{msg, Context, Diagnostic};
use crate::rules::fix;

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
    /// Families recognised besides the key names: values that commands print with no
    /// name beside them (`az keyvault secret show --query value -o tsv`, key listings in
    /// TSV, tables, JSON and YAML, `Get-AzStorageAccountKey`, `kubectl get secret … |
    /// base64 -d`, `terraform output -raw`, an echoed `$env:` variable named for a
    /// secret, `--show-values`); identifiable Azure keys (ACR, Search, Functions), DevOps
    /// personal access tokens and BitLocker recovery keys by their format; credentials
    /// wrapped in base64 (a Kubernetes Secret's `data:` and `stringData:` entries
    /// whatever their names, `.dockerconfigjson`, `tls.key`, PKCS#12 `.pfx` bodies and
    /// private keys in DER, also wrapped over lines, certificate bundles holding a key,
    /// `Basic` credentials, an empty user with a token included, npm `_auth`); session
    /// cookies in every carrier (`Cookie:` and `Set-Cookie:` headers, `curl -b`, HAR and
    /// browser storage files, cookie jars, DevTools rows, code); keys, tokens and
    /// passwords told in Japanese and English sentences (鍵, 【…】, full-width colons
    /// and spaces, "the signing key is …"); a password in an address's userinfo
    /// (`user:…@example.com`); and the random part of a key's name (`secret_` followed
    /// by a long random run). Routing cookies (`ARRAffinity`), hashes named by their
    /// algorithm (`sha256:…`), public certificates and media types are not secrets.
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
    /// 事前共有キー…, "the password is …", "the admin password of the jump box is …",
    /// "the password was set to …"
    /// (up to six words between), `アカウント: azureuser / …` and `user/pass: admin / …`
    /// pairs, an all-letter password alone after a `Password:` label, the password
    /// argument of `new PDO(…)` / `mysqli_connect(…)`, a table column headed
    /// パスワード / Password. Payment card numbers: grouped as cards are printed
    /// (`4539 1488 0343 6467`, 4-6-5), or a bare digit run with card context on its line
    /// or the two lines above (card, カード, クレジット, Visa, Mastercard, JCB, 支払,
    /// payment, 有効期限, CVV, …): a Luhn-valid order ID alone is not a card, nor are the
    /// numbers payment providers publish for testing (`4242 4242 4242 4242`).
    ///
    /// Stays silent on: the word password without a value (パスワードを忘れました,
    /// "password authentication failed", "the password is incorrect"), secret names
    /// (`secretName`, `SharedAccessKeyName`), `@Microsoft.KeyVault(…)`, `$VAR`,
    /// `${{ secrets.X }}`, `%VAR%`, `<your-password>`, `{key}`, and masks; "the
    /// password is stored in Key Vault", パスワードはリセット済みです, "password is
    /// required", `Password: Enabled` / `required` / `changeme` (status and placeholder
    /// words), support request numbers, and order or tracking IDs without card context.
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

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // The scan is made with the source (see `Source::secrets`): this only reports it.
    for f in &ctx.source.secrets.found {
        let label = f.kind.label();
        let (en, ja) = (&label.en, &label.ja);
        let mut d = RULE
            .diag(
                f.range.clone(),
                msg!(
                    "This is {en}: remove it from the request, and rotate it if it was ever sent or shared anywhere.",
                    "{ja}が含まれています。お問い合わせから削除し、一度でも送信・共有したことがあれば無効化して再発行（ローテーション）してください。"
                ),
            )
            .with_fix(fix::edit(
                msg!("Replace with <redacted>", "<redacted> に置き換える"),
                f.range.clone(),
                "<redacted>",
            ));
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
    fn fires_on_each_family_in_both_languages() {
        // Command lines, in a code block.
        assert_spans(
            &RULE,
            "## 再現手順\n```bash\nsqlcmd -S sql1.database.windows.net -U sqladmin -P «Kz8!wQ2pLm» -Q \"SELECT 1\"\nmysql -h db1 -u admin -p«Hx4_tR9vQz»\n```\n",
        );
        // Connection strings and keys.
        assert_spans(
            &RULE,
            "Endpoint=sb://sb1.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=«c2VjcmV0LWtleS12YWx1ZS0xMjM0NTY3ODkwYWJjZA==»\n",
        );
        assert_spans(&RULE, "curl -H \"Authorization: Basic «YWRtaW46VHIwdWI0ZG9yJjM=»\" https://x.scm.azurewebsites.net/api/zipdeploy\n");
        assert_spans(&RULE, "mongodb://appuser:«Zq7RkX2mNw»@db1.mongo.cosmos.azure.com:10255/?ssl=true\n");
        // Prose and tables, Japanese and English.
        assert_spans(&RULE, "ID は admin、パスワードは «Qw3rty!Zx98» で設定しています。\n");
        assert_spans(&RULE, "【パスワード】«Sakura2026!»\n");
        assert_spans(&RULE, "| Host | User | Password |\n|---|---|---|\n| vm1 | azureuser | «Maple77#q» |\n");
        assert_spans(&RULE, "We log in with user \"app\" and password \"«Orion4242?»\".\n");
        // A payment card in a billing request.
        assert_spans(&RULE, "請求に使ったカードは «4539 1488 0343 6467» です。\n");
    }

    #[test]
    fn silent_on_more_phrasings_both_languages() {
        for text in [
            "パスワード リセットを実行しましたが改善しません。\n",
            "初期パスワードのまま運用しています。\n",
            "パスワードは 12 文字以上にしています。\n",
            "パスワード：Azure ポータルでリセット済み\n",
            "| 名前 | パスワード変更日 |\n|---|---|\n| admin | 2026-11-01 |\n",
            "事前共有キーを変更してから接続が切れます。\n",
            "Password: Enabled\n",
            "Enter password:\n",
            "FATAL: password authentication failed for user \"pgadmin\"\n",
            "az vm create -g rg -n vm1 --admin-password $ADMIN_PASSWORD\n",
            "password: ${{ secrets.DB_PASSWORD }}\n",
            "mysql -h db1 -u root -p\n",
            "docker run -p 8080:80 nginx\n",
            "az webapp create -g rg -n app1 -p plan1\n",
            "Thumbprint: 3C2B1A0F9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B\n",
            "X-Azure-Ref: 20261124T041500Z-16d8f7c9b5a4e3d2-1a2b3c4d5e6f7a8b\n",
            "SR 2311270010001234 の件で再オープンをお願いします。\n",
            "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----\n",
        ] {
            let found = run(&RULE, text);
            assert!(found.is_empty(), "{text} -> {found:?}");
        }
    }

    #[test]
    fn a_secret_planted_in_a_clean_request_is_the_only_finding() {
        let text = CLEAN_EN.replace(
            "## What we tried\n",
            "## What we tried\n- Re-ran with `az login -u anna@example.com -p Falcon2026!x` first.\n",
        );
        let found = run(&RULE, &text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], "Falcon2026!x");
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
        // 2311270010001237 is Luhn-valid and inside Mastercard's 2221–2720 range.
        assert!(crate::secrets::checksum::luhn(b"2311270010001237"));
        // A bare digit run needs card context: without it, it is an ID.
        assert!(run(&RULE, "前回は 2311270010001237 で相談しました。\n").is_empty());
        assert!(run(&RULE, "Order ID: 4539578763621460\n").is_empty());
        assert!(crate::secrets::checksum::luhn(b"4539578763621460"));
        assert_spans(&RULE, "カード «2311270010001237» で支払いました。\n");
        assert_spans(&RULE, "«4539 5787 6362 1460»\n");
        assert_spans(&RULE, "| Card number |\n|---|\n| «4539578763621460» |\n");
        // With card context, the front matter listing it still exempts it.
        let text = "---\nrelated_requests:\n  - 2311270010001237\n  - number: 2311270010001237\n    engineer: 佐藤\n---\n\nカード 2311270010001237 の件で相談しました。\n";
        assert!(run(&RULE, text).is_empty());
        assert!(run(&RULE, "お問い合わせ番号 2311270010001237 の続きです。\n").is_empty());
        assert!(run(&RULE, "Support request number 2311270010001237 was closed.\n").is_empty());
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
