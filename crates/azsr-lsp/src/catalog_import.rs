//! `--catalog-import FILE... --out DIR`: what `az support services list` and
//! `az support services problem-classifications list` print, checked and written as a
//! catalog folder that `azsr.toml`'s `[catalog]` names (`DIR/services.json`,
//! `DIR/pc/{service}.json`), with what changed against the bundled catalog.
//!
//! Each input is told apart by its entries' `id`s (`…/services/{guid}` or
//! `…/services/{guid}/problemClassifications/{guid}`), read in the shape `az` prints (a
//! list) or the REST API returns (`{"value": [...]}`), and refused whole with the reason
//! when it is anything else: nothing is written unless every input is good. The files
//! written are bare lists in `az`'s shape, which the configuration loader reads.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use azsr_core::catalog::split_display_name;
use azsr_core::{arm::is_guid, msg, Catalog, Lang, Msg};
use serde_json::{json, Value};

/// One entry of either list: its GUID (`name`) and display name.
struct Entry {
    id: String,
    display_name: String,
    resource_types: Vec<String>,
}

enum Listing {
    Services(Vec<Entry>),
    /// The service's GUID and its classifications.
    Classifications(String, Vec<Entry>),
}

/// Imports `files` into `out`; messages and the report in `lang`, else as `--check`
/// chooses (`messages` in the nearest azsr.toml, else the locale).
pub fn run(files: &[PathBuf], out: &Path, lang: Option<Lang>) -> ExitCode {
    let lang = lang
        .unwrap_or_else(|| crate::check::run_lang(&std::env::current_dir().unwrap_or_default()));
    let mut services: Option<Vec<Entry>> = None;
    let mut lists: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    let mut failed = false;
    for file in files {
        let shown = file.to_string_lossy();
        match std::fs::read_to_string(file)
            .map_err(|e| msg!("cannot read: {e}", "読み取れません。{e}"))
            .and_then(|t| read(&t))
        {
            Ok(Listing::Services(_)) if services.is_some() => {
                let m = msg!(
                    "a second service list; give one `az support services list` output",
                    "2 つ目のサービス一覧です。`az support services list` の出力は 1 つだけ指定してください。"
                );
                eprintln!("{shown}: {}", m.get(lang));
                failed = true;
            }
            Ok(Listing::Services(list)) => services = Some(list),
            Ok(Listing::Classifications(service, list)) => {
                if lists.insert(service.clone(), list).is_some() {
                    let m = msg!(
                        "a second problem classification list for service {service}",
                        "サービス {service} の 2 つ目の問題分類一覧です。"
                    );
                    eprintln!("{shown}: {}", m.get(lang));
                    failed = true;
                }
            }
            Err(why) => {
                eprintln!("{shown}: {}", why.get(lang));
                failed = true;
            }
        }
    }
    if failed {
        let m = msg!("nothing written", "何も書き込んでいません。");
        eprintln!("{}", m.get(lang));
        return ExitCode::from(2);
    }
    let bundled = Catalog::bundled();
    let written = write(out, services.as_deref(), &lists);
    if let Err(e) = written {
        let m = msg!("cannot write: {e}", "書き込めません。{e}");
        eprintln!("{}: {}", out.display(), m.get(lang));
        return ExitCode::from(2);
    }
    print!(
        "{}",
        report(&bundled, out, services.as_deref(), &lists, lang)
    );
    ExitCode::SUCCESS
}

/// Reads one file's JSON as a service list or one service's classification list.
fn read(text: &str) -> Result<Listing, Msg> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| msg!("not JSON: {e}", "JSON ではありません。{e}"))?;
    let items = match &value {
        Value::Array(items) => items,
        Value::Object(o) => match o.get("value") {
            Some(Value::Array(items)) => items,
            _ => return Err(not_az_output()),
        },
        _ => return Err(not_az_output()),
    };
    if items.is_empty() {
        return Err(msg!(
            "an empty list: nothing to import (which service would it be for?)",
            "空の一覧です。取り込むものがありません。"
        ));
    }
    let mut services = Vec::new();
    let mut classifications = Vec::new();
    let mut owner: Option<String> = None;
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let at = |what: Msg| {
            Msg::new(
                format!("entry {n}: {}", what.en),
                format!("{n} 番目の項目: {}", what.ja),
            )
        };
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| at(msg!("no `id`", "`id` がありません。")))?;
        let lower = id.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("/providers/microsoft.support/services/")
            .ok_or_else(|| {
                at(msg!(
                    "`id` {id} is no Microsoft.Support service or problem classification",
                    "`id` {id} は Microsoft.Support のサービスでも問題分類でもありません。"
                ))
            })?;
        let display_name = item
            .get("displayName")
            .or_else(|| item.pointer("/properties/displayName"))
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| at(msg!("no `displayName`", "`displayName` がありません。")))?
            .to_string();
        match rest.split_once("/problemclassifications/") {
            None if is_guid(rest) => {
                let resource_types = item
                    .get("resourceTypes")
                    .or_else(|| item.pointer("/properties/resourceTypes"))
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default();
                services.push(Entry {
                    id: rest.to_string(),
                    display_name,
                    resource_types,
                });
            }
            Some((service, pc)) if is_guid(service) && is_guid(pc) => {
                if owner.as_deref().is_some_and(|o| o != service) {
                    return Err(at(msg!(
                        "lists another service's classification than the entries before it",
                        "前の項目とは別のサービスの問題分類です。"
                    )));
                }
                owner = Some(service.to_string());
                classifications.push(Entry {
                    id: pc.to_string(),
                    display_name,
                    resource_types: Vec::new(),
                });
            }
            _ => {
                return Err(at(msg!(
                    "`id` {id} does not end in a GUID",
                    "`id` {id} の末尾が GUID ではありません。"
                )))
            }
        }
    }
    match (services.is_empty(), owner) {
        (false, None) => Ok(Listing::Services(services)),
        (true, Some(service)) => Ok(Listing::Classifications(service, classifications)),
        _ => Err(msg!(
            "mixes services and problem classifications: give each `az` output as its own file",
            "サービスと問題分類が混在しています。`az` の出力はそれぞれ別のファイルで指定してください。"
        )),
    }
}

fn not_az_output() -> Msg {
    msg!(
        "not what `az support services list` or `az support services problem-classifications list` print (a JSON list, or `{{\"value\": [...]}}`)",
        "`az support services list` や `az support services problem-classifications list` の出力（JSON の一覧、または `{{\"value\": [...]}}`）ではありません。"
    )
}

/// `DIR/services.json` and `DIR/pc/{service}.json`, as bare lists in `az`'s shape.
fn write(
    out: &Path,
    services: Option<&[Entry]>,
    lists: &BTreeMap<String, Vec<Entry>>,
) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let pretty = |v: Value| serde_json::to_string_pretty(&v).expect("plain JSON") + "\n";
    if let Some(services) = services {
        let list: Vec<Value> = services
            .iter()
            .map(|s| {
                json!({
                    "id": format!("/providers/Microsoft.Support/services/{}", s.id),
                    "name": s.id,
                    "type": "Microsoft.Support/services",
                    "displayName": s.display_name,
                    "resourceTypes": s.resource_types,
                })
            })
            .collect();
        std::fs::write(out.join("services.json"), pretty(Value::Array(list)))?;
    }
    if !lists.is_empty() {
        std::fs::create_dir_all(out.join("pc"))?;
    }
    for (service, list) in lists {
        let list: Vec<Value> = list
            .iter()
            .map(|p| {
                json!({
                    "id": format!("/providers/Microsoft.Support/services/{service}/problemClassifications/{}", p.id),
                    "name": p.id,
                    "type": "Microsoft.Support/problemClassifications",
                    "displayName": p.display_name,
                })
            })
            .collect();
        std::fs::write(
            out.join(format!("pc/{service}.json")),
            pretty(Value::Array(list)),
        )?;
    }
    Ok(())
}

/// What changed against the bundled catalog, and the `[catalog]` lines to use it: a
/// count line per list in `lang`, then one line per change (`+` added, `-` no longer
/// listed, `~` renamed).
fn report(
    bundled: &Catalog,
    out: &Path,
    services: Option<&[Entry]>,
    lists: &BTreeMap<String, Vec<Entry>>,
    lang: Lang,
) -> String {
    let mut r = String::new();
    let mut line = |t: &str| {
        r.push_str(t);
        r.push('\n');
    };
    let dir = out.to_string_lossy().replace('\\', "/");
    if let Some(services) = services {
        let added: Vec<&Entry> = services
            .iter()
            .filter(|s| bundled.service_by_id(&s.id).is_none())
            .collect();
        let renamed: Vec<(String, &Entry)> = services
            .iter()
            .filter_map(|s| {
                let old = bundled.service_by_id(&s.id)?;
                (old.display_name != s.display_name).then(|| (old.display_name.clone(), s))
            })
            .collect();
        let removed: Vec<&str> = bundled
            .services
            .iter()
            .filter(|b| {
                !b.is_retired() && !services.iter().any(|s| s.id.eq_ignore_ascii_case(&b.id))
            })
            .map(|b| b.display_name.as_str())
            .collect();
        let (n, a, d, m) = (services.len(), added.len(), removed.len(), renamed.len());
        line(
            msg!(
            "services: {n} ({a} added, {d} removed, {m} renamed against the bundled catalog)",
            "サービス: {n} 件（同梱のカタログと比べて追加 {a} 件、削除 {d} 件、名前の変更 {m} 件）"
        )
            .get(lang),
        );
        for s in added {
            line(&format!("  + {}", s.display_name));
        }
        for name in removed {
            line(&format!("  - {name}"));
        }
        for (old, s) in renamed {
            line(&format!("  ~ {old} -> {}", s.display_name));
        }
    }
    for (service, list) in lists {
        let name = services
            .and_then(|s| {
                s.iter()
                    .find(|e| &e.id == service)
                    .map(|e| e.display_name.clone())
            })
            .or_else(|| {
                bundled
                    .service_by_id(service)
                    .map(|s| s.display_name.clone())
            })
            .unwrap_or_else(|| service.clone());
        let old: Vec<&str> = bundled.problem_types(service);
        let mut new: Vec<String> = Vec::new();
        for p in list {
            let (t, _) = split_display_name(&p.display_name);
            if !new.iter().any(|n| n.eq_ignore_ascii_case(&t)) {
                new.push(t);
            }
        }
        let added: Vec<&String> = new
            .iter()
            .filter(|t| !old.iter().any(|o| o.eq_ignore_ascii_case(t)))
            .collect();
        let gone: Vec<&&str> = old
            .iter()
            .filter(|o| !new.iter().any(|t| t.eq_ignore_ascii_case(o)))
            .collect();
        let (count, types, a, g) = (list.len(), new.len(), added.len(), gone.len());
        line(msg!(
            "problem classifications of {name}: {count} in {types} problem types ({a} types new, {g} no longer listed against the bundled catalog)",
            "「{name}」の問題分類: {count} 件、問題の種類 {types} 件（同梱のカタログと比べて新しい種類 {a} 件、なくなった種類 {g} 件）"
        ).get(lang));
        for t in added {
            line(&format!("  + {t}"));
        }
        for t in gone {
            line(&format!("  - {t}"));
        }
    }
    line("");
    line(
        msg!(
            "name it in azsr.toml (paths relative to azsr.toml):",
            "azsr.toml で次のように指定してください（パスは azsr.toml からの相対パスです）。"
        )
        .get(lang),
    );
    line("[catalog]");
    if services.is_some() {
        line(&format!("services = \"{dir}/services.json\""));
    }
    if !lists.is_empty() {
        line(&format!("problem_classifications = \"{dir}/pc\""));
    }
    r
}
