//! Test support for rule tests: run one rule, and compare its findings with spans
//! marked in the input as `«…»` (the markers are removed before checking).

use crate::diagnostic::Diagnostic;
use crate::rules::RuleMeta;
use crate::{Catalog, Config, Env, FileProbe, Source};

/// The clock of every rule test: 2026-11-24T00:00:00Z.
pub fn test_now() -> jiff::Timestamp {
    "2026-11-24T00:00:00Z".parse().unwrap()
}

/// Runs `rule` on `text` with the default configuration, the bundled catalog and the
/// test clock, with no file system.
pub fn check(rule: &RuleMeta, text: &str) -> Vec<Diagnostic> {
    check_with(rule, text, &Config::default(), None)
}

pub fn check_with(
    rule: &RuleMeta,
    text: &str,
    config: &Config,
    files: Option<&dyn FileProbe>,
) -> Vec<Diagnostic> {
    check_rules(&[rule], text, config, files)
}

/// Runs each of `rules` on one parse of `text`, with the bundled catalog and the test
/// clock; their findings in rule order.
pub fn check_rules(
    rules: &[&RuleMeta],
    text: &str,
    config: &Config,
    files: Option<&dyn FileProbe>,
) -> Vec<Diagnostic> {
    with_context(text, test_now(), config, files, |ctx| {
        let mut out = Vec::new();
        for rule in rules {
            (rule.check)(ctx, &mut out);
        }
        out
    })
}

/// Runs `f` on the context a rule sees for one parse of `text` read at `now`, with the
/// bundled catalog.
pub fn with_context<R>(
    text: &str,
    now: jiff::Timestamp,
    config: &Config,
    files: Option<&dyn FileProbe>,
    f: impl FnOnce(&crate::Context) -> R,
) -> R {
    let source = Source::new(text);
    let env = Env {
        now,
        files,
        locale: None,
    };
    let catalog = Catalog::bundled();
    let ctx = crate::Context {
        source: &source,
        text: &source.text,
        fm: source.frontmatter.as_ref(),
        body: &source.body,
        config,
        catalog: &catalog,
        env: &env,
        lang: crate::message_lang(&source, config, &env),
    };
    f(&ctx)
}

/// The files next to the request in a test: relative path and size in bytes.
pub struct Files<S = String>(pub Vec<(S, u64)>);

impl<S: AsRef<str> + Sync> FileProbe for Files<S> {
    fn file_size(&self, relative_path: &str) -> Option<u64> {
        let path = relative_path.trim_start_matches("./");
        self.0
            .iter()
            .find(|(p, _)| p.as_ref() == path)
            .map(|(_, size)| *size)
    }
}

/// Strips `«` and `»` from `annotated`, returning the text and the marked byte ranges.
pub fn parse_marks(annotated: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut text = String::with_capacity(annotated.len());
    let mut ranges = Vec::new();
    let mut open = Vec::new();
    for ch in annotated.chars() {
        match ch {
            '«' => open.push(text.len()),
            '»' => ranges.push(open.pop().expect("unbalanced «»")..text.len()),
            c => text.push(c),
        }
    }
    assert!(open.is_empty(), "unbalanced «»");
    ranges.sort_by_key(|r| (r.start, r.end));
    (text, ranges)
}

/// Asserts that `rule` reports exactly the spans marked `«…»` in `annotated`.
#[track_caller]
pub fn assert_spans(rule: &RuleMeta, annotated: &str) -> Vec<Diagnostic> {
    let (text, expected) = parse_marks(annotated);
    let found = check(rule, &text);
    let mut got: Vec<_> = found.iter().map(|d| d.range.clone()).collect();
    got.sort_by_key(|r| (r.start, r.end));
    let show = |rs: &[std::ops::Range<usize>]| -> Vec<String> {
        rs.iter()
            .map(|r| format!("{r:?} {:?}", &text[r.clone()]))
            .collect()
    };
    assert_eq!(show(&got), show(&expected), "{} on:\n{text}", rule.name);
    found
}

/// A complete, clean Japanese request: no rule may report an error or a warning on it.
pub const CLEAN_JA: &str = r#"---
issue_type: technical
subscription: 6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f
service: Virtual Machine running Windows
resource: /subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01
summary: 再起動後に vm-web-01 へ RDP 接続できない
problem_type: Cannot connect to my VM
problem_subtype: Troubleshoot my RDP connection
started: 2026-11-20T13:05:00+09:00
severity: B
support_plan: standard
advanced_diagnostics: true
contact_method: email
support_language: ja
contact:
  first_name: 太郎
  last_name: 山田
  email: taro.yamada@contoso.co.jp
  phone: +81-3-1234-5678
  country: JPN
  time_zone: Tokyo Standard Time
---

## ゴール
vm-web-01 への RDP 接続を復旧し、接続できなくなった原因を知りたいです。

## 問題
11 月 20 日 13:05 に Windows Update 後の再起動を行ってから、社内ネットワークから vm-web-01 へ RDP で接続できません。
Azure ポータルの「接続」から RDP ファイルをダウンロードして接続しても、資格情報の入力前にタイムアウトします。

## 再現手順
1. 社内ネットワークの端末 (Windows 11) からリモート デスクトップ接続を起動する
2. vm-web-01 のパブリック IP アドレス 20.48.1.10 を指定して接続する
3. 約 30 秒後に接続エラーが表示される

## 頻度
再起動後は毎回発生します。再起動前は問題なく接続できていました。

## 直前の変更
11 月 20 日 12:30 に Windows Update (2026-11 累積更新プログラム) を適用し、再起動しました。
NSG やファイアウォールの設定は変更していません。

## エラー メッセージ
```text
リモート デスクトップ接続
次のいずれかの理由により、リモート コンピューターへのリモート デスクトップに接続できません:
1) サーバーへのリモート アクセスが有効になっていない
2) リモート コンピューターの電源が切れている
3) リモート コンピューターがネットワークで利用できない
```

## 試した対策
- Azure ポータルの「パスワードのリセット」で RDP 構成をリセットしましたが、改善しませんでした。
- ブート診断のスクリーンショットではログオン画面が表示されています。
- シリアル コンソールからは接続でき、TermService が停止していることを確認しました。
"#;

/// A complete, clean English request.
pub const CLEAN_EN: &str = r#"---
issue_type: technical
subscription: 0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d
service: Kubernetes Service (AKS)
resource: /subscriptions/0b1c2d3e-4f50-4a6b-9c7d-8e9f0a1b2c3d/resourceGroups/rg-shop/providers/Microsoft.ContainerService/managedClusters/aks-shop-weu
summary: Node pool upgrade to 1.30 stuck in Upgrading state
problem_type: Cluster upgrade issues
started: 2026-11-21T08:40:00+01:00
severity: B
support_plan: professional_direct
advanced_diagnostics: true
contact_method: email
support_language: en-us
contact:
  first_name: Anna
  last_name: Schmidt
  email: anna.schmidt@contoso.com
  country: DEU
  time_zone: W. Europe Standard Time
---

## Goal
Complete the upgrade of node pool `userpool1` of aks-shop-weu to Kubernetes 1.30.

## Problem
Since 08:40 CET on 21 November the upgrade of node pool `userpool1` has been in the
Upgrading state. Two of five nodes run 1.30; the other three still run 1.29 and no
node has been drained since 09:10.

## Steps to reproduce
1. Run `az aks nodepool upgrade -g rg-shop --cluster-name aks-shop-weu -n userpool1 --kubernetes-version 1.30.5`
2. Watch `kubectl get nodes -w`

## Frequency
It happened once, on the first upgrade attempt; the state has not changed since.

## Recent changes
We added a PodDisruptionBudget with `minAvailable: 3` to the checkout deployment on 20 November.

## Error messages
```text
$ az aks nodepool upgrade -g rg-shop --cluster-name aks-shop-weu -n userpool1 --kubernetes-version 1.30.5
(UpgradeFailed) Drain node aks-userpool1-12345678-vmss000002 failed when evicting pod checkout-7d9f
Code: UpgradeFailed
Message: Drain node aks-userpool1-12345678-vmss000002 failed when evicting pod checkout-7d9f
with error: Too many requests, PodDisruptionBudget checkout-pdb allows 0 disruptions.
```

## What we tried
- Checked the PodDisruptionBudget: it allows 0 disruptions while 3 of 3 replicas are required.
- We have not changed the budget yet because checkout must stay available.
"#;

/// A minimal request whose problem section is `body`, in Japanese.
pub fn ja_problem(body: &str) -> String {
    format!("---\nsupport_language: ja\n---\n\n## 問題\n{body}\n")
}

/// A minimal request whose problem section is `body`, in English.
pub fn en_problem(body: &str) -> String {
    format!("---\nsupport_language: en\n---\n\n## Problem\n{body}\n")
}
