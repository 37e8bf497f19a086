//! Throughput of `azsr_core::secrets::scan` on a generated 10 MB log of the kind people
//! paste into support requests (HTTP, SDK and CLI output, JSON bodies, stack traces),
//! with keyword-heavy lines and a few secrets.

use std::hint::black_box;

use criterion::{criterion_group, Criterion, Throughput};

fn log(size: usize) -> (String, usize) {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let hex = |n: u64, len: usize| format!("{n:016x}{:016x}", n.rotate_left(17))[..len].to_string();
    let mut out = String::with_capacity(size + 512);
    let mut i = 0u64;
    let mut planted = 0;
    while out.len() < size {
        i += 1;
        let r = next();
        let guid = format!(
            "{}-{}-4{}-a{}-{}",
            hex(r, 8),
            &hex(r >> 8, 4),
            &hex(r >> 12, 3),
            &hex(r >> 16, 3),
            hex(r >> 3, 12)
        );
        let ts = format!(
            "2026-11-24T04:{:02}:{:02}.{:07}Z",
            i / 60 % 60,
            i % 60,
            r % 10_000_000
        );
        let line = match r % 16 {
            0 => format!("{ts} [INF] Request starting HTTP/1.1 GET https://app-contoso.azurewebsites.net/api/orders?page={}&pageSize=50 - -\n", r % 100),
            1 => format!("{ts} [ERR] Login failed for user 'app'. Reason: Password did not match that for the login provided. ClientConnectionId:{guid}\n"),
            2 => format!("{{\"error\":{{\"code\":\"AuthorizationFailed\",\"message\":\"The client '{guid}' does not have authorization to perform action 'Microsoft.Storage/storageAccounts/listKeys/action'.\"}}}}\n"),
            3 => format!("x-ms-request-id: {guid}\nx-ms-correlation-request-id: {guid}\nX-Azure-Ref: 20261124T041500Z-{}\n", hex(r, 16)),
            4 => format!("{ts} DEBUG token cache miss for scope https://management.azure.com/.default (tokenType=Bearer, expiresIn=3599)\n"),
            5 => format!("   at Contoso.Orders.Repository.GetAsync(String key, CancellationToken token) in /src/Orders/Repository.cs:line {}\n", r % 900),
            6 => format!("{ts} [WRN] Secret 'db-password' resolved from Key Vault kv-contoso (version {})\n", hex(r, 32)),
            7 => format!("image: myacr.azurecr.io/app@sha256:{}{}\n", hex(r, 32), hex(r >> 5, 32)),
            8 => format!("{ts} INFO Executing 'Functions.HttpTrigger1' (Reason='This function was programmatically called via the host APIs.', Id={guid}) Duration={}ms\n", r % 5000),
            9 => format!("\"passwordProfile\": {{\"forceChangePasswordNextSignIn\": true}}, \"objectId\": \"{guid}\", \"signInActivity\": \"{ts}\"\n"),
            10 => format!("Sequence {} processed in {} ms, partition key {}, row key {}\n", r % 100_000_000_000, r % 700, r % 32, hex(r, 12)),
            11 => format!("az storage blob upload --account-name st1 -c logs -f app-{}.log -n app.log --auth-mode login\n", r % 1000),
            12 => format!("{ts} [INF] Connection string 'Default' uses Authentication=Active Directory Default; Server=tcp:sql1.database.windows.net,1433\n"),
            13 => format!("トレース ID: {guid} 相関 ID: {guid} タイムスタンプ: {ts} パスワードの有効期限切れのエラーが発生しました。\n"),
            14 if r % 97 == 0 => {
                planted += 1;
                format!("{ts} DEBUG connecting Server=sql1;User ID=app;Password=Zx{}!q;\n", r % 100_000)
            }
            _ => format!("{ts} [INF] GET /api/health 200 {} ms, signature check passed, keyvault ok\n", r % 50),
        };
        out.push_str(&line);
    }
    (out, planted)
}

/// One 2 MB line without a newline (a minified JSON or a pasted single-line log).
fn one_line() -> String {
    let unit = "{\"password\": \"Ab1!xyz9\", \"id\": \"6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f\", \"cmd\": \"az login -u a -p Qw3rty!Zx98\"} | ";
    unit.repeat(2_000_000 / unit.len())
}

fn bench(c: &mut Criterion) {
    let (text, planted) = log(10 * 1024 * 1024);
    let found = azsr_core::secrets::scan(&text).len();
    eprintln!(
        "{} bytes, {planted} planted secrets, {found} findings",
        text.len()
    );
    let mut group = c.benchmark_group("secrets");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("scan_10mb_log", |b| {
        b.iter(|| azsr_core::secrets::scan(black_box(&text)))
    });
    group.finish();

    // The scan and the low-confidence pass must stay linear on one huge line.
    let line = one_line();
    let mut group = c.benchmark_group("secrets");
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.sample_size(10);
    group.bench_function("scan_2mb_line", |b| {
        b.iter(|| azsr_core::secrets::scan(black_box(&line)))
    });
    group.bench_function("possible_2mb_line", |b| {
        b.iter(|| azsr_core::secrets::possible_secrets(black_box(&line)))
    });
    group.finish();
}

/// `AZSR_BENCH_ONCE=scan_10mb_log` (or another case, or `setup`) runs that case once
/// instead of measuring it: `perf stat -e instructions:u` on it compares two versions
/// when a loaded machine makes timings noisy (subtract `setup`, the inputs' making).
fn once(case: &str) {
    let (text, _) = log(10 * 1024 * 1024);
    let line = one_line();
    // Build the anchors' automaton outside the measured case.
    azsr_core::secrets::scan("");
    let n = match case {
        "setup" => 0,
        "scan_10mb_log" => azsr_core::secrets::scan(black_box(&text)).len(),
        "scan_2mb_line" => azsr_core::secrets::scan(black_box(&line)).len(),
        "possible_2mb_line" => azsr_core::secrets::possible_secrets(black_box(&line)).len(),
        other => panic!("no bench case {other}"),
    };
    eprintln!("{case}: {n} findings");
}

criterion_group!(benches, bench);

fn main() {
    match std::env::var("AZSR_BENCH_ONCE") {
        Ok(case) => once(&case),
        Err(_) => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}
