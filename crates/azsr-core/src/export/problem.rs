//! The service and problem classification IDs of a draft: from the catalog where it
//! holds them, else from `problem_classification_id`; when neither gives one, the
//! message names the `az` command that lists the IDs and the ways to use its output.

use crate::catalog::{Catalog, ProblemClassification};
use crate::fields::IssueType;
use crate::{msg, Form, Msg};

/// The service GUID: the one a non-technical issue type implies, else `service` looked
/// up by its current or former name.
pub(super) fn service<'c>(
    catalog: &'c Catalog,
    form: Form,
    issue_type: IssueType,
) -> Result<&'c str, Msg> {
    if let Some(implied) = issue_type.implied_service() {
        return Ok(implied);
    }
    let Some(name) = form.str("service") else {
        return Err(msg!(
            "`service` is missing: the create call needs the service's ID.",
            "`service` がありません。作成の呼び出しにはサービスの ID が必要です。"
        ));
    };
    match catalog.find_service(name) {
        Some(found) => Ok(&found.service().id),
        None => {
            let name = name.trim();
            Err(msg!(
                "`service: {name}` is not in the catalog, so its ID is unknown: write the service's name as the portal shows it, or save a newer list with `az support services list --output json > services.json` and name it in azsr.toml (`[catalog] services = \"services.json\"`).",
                "`service: {name}` はカタログにないため、ID がわかりません。ポータルに表示されるサービス名を書くか、`az support services list --output json > services.json` で新しい一覧を保存し、azsr.toml の `[catalog] services = \"services.json\"` で指定してください。"
            ))
        }
    }
}

/// The full problem classification ID for `service` (a GUID).
pub(super) fn classification(catalog: &Catalog, form: Form, service: &str) -> Result<String, Msg> {
    let given = match form.str("problem_classification_id") {
        Some(v) => Some(given_id(v.trim(), service)?),
        None => None,
    };
    let from_catalog = match form.str("problem_type") {
        Some(t) => from_catalog(catalog, service, t, form.str("problem_subtype")),
        None => Lookup::NotListed,
    };
    let full = |id: &str| format!("{}/problemClassifications/{id}", super::service_id(service));
    match (given, from_catalog) {
        (Some(given), Lookup::Found(p)) if !p.id.eq_ignore_ascii_case(&given) => {
            let (shown, id) = (&p.display_name, &p.id);
            Err(msg!(
                "`problem_classification_id` ({given}) and the problem type (`{shown}`, whose ID is {id}) name different classifications: keep the one you mean.",
                "`problem_classification_id` の {given} と、問題の種類 `{shown}` の ID {id} が別の分類を指しています。意図するほうだけを残してください。"
            ))
        }
        (Some(given), _) => Ok(full(&given)),
        (None, Lookup::Found(p)) => Ok(full(&p.id)),
        (None, Lookup::Ambiguous(subtypes)) => {
            let list = subtypes.join("`, `");
            Err(msg!(
                "The problem type has several subtypes (`{list}`): choose one in `problem_subtype`.",
                "この問題の種類にはサブタイプが複数あります（`{list}`）。`problem_subtype` で 1 つを選んでください。"
            ))
        }
        (None, Lookup::NotListed) => Err(how_to_get_ids(catalog, form, service)),
    }
}

/// What the catalog says about a problem type (and subtype).
enum Lookup<'c> {
    Found(&'c ProblemClassification),
    /// The type is listed with several subtypes and none was given.
    Ambiguous(Vec<&'c str>),
    NotListed,
}

fn from_catalog<'c>(
    catalog: &'c Catalog,
    service: &str,
    problem_type: &str,
    subtype: Option<&str>,
) -> Lookup<'c> {
    let Some(list) = catalog.problems(service) else {
        return Lookup::NotListed;
    };
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let of_type: Vec<&ProblemClassification> = list
        .items
        .iter()
        .filter(|p| same(&p.problem_type, problem_type))
        .collect();
    match subtype {
        Some(st) => of_type
            .iter()
            .find(|p| p.subtype.as_deref().is_some_and(|s| same(s, st)))
            .map_or(Lookup::NotListed, |p| Lookup::Found(p)),
        None => {
            if let Some(p) = of_type.iter().find(|p| p.subtype.is_none()) {
                return Lookup::Found(p);
            }
            match of_type.as_slice() {
                // a lone subtype of a partial list may not be the one meant: no guess
                [only] if list.complete => Lookup::Found(only),
                [] | [_] => Lookup::NotListed,
                many => {
                    Lookup::Ambiguous(many.iter().filter_map(|p| p.subtype.as_deref()).collect())
                }
            }
        }
    }
}

/// A `problem_classification_id` value as its GUID: the GUID itself, or the full ID of
/// a classification of `service`.
fn given_id(value: &str, service: &str) -> Result<String, Msg> {
    if crate::arm::is_guid(value) {
        return Ok(value.trim_matches(['{', '}']).to_ascii_lowercase());
    }
    let lower = value.to_ascii_lowercase();
    let parsed = lower
        .strip_prefix("/providers/microsoft.support/services/")
        .and_then(|rest| rest.split_once("/problemclassifications/"))
        .filter(|(s, id)| crate::arm::is_guid(s) && crate::arm::is_guid(id));
    match parsed {
        Some((s, id)) if s == service.to_ascii_lowercase() => Ok(id.to_string()),
        Some((s, _)) => Err(msg!(
            "`problem_classification_id` belongs to service {s}, not to the request's service ({service}).",
            "`problem_classification_id` はサービス {s} の分類で、お問い合わせのサービス（{service}）のものではありません。"
        )),
        None => Err(msg!(
            "`problem_classification_id: {value}` is neither a GUID nor `/providers/Microsoft.Support/services/{{service}}/problemClassifications/{{id}}`.",
            "`problem_classification_id: {value}` は GUID でも `/providers/Microsoft.Support/services/{{service}}/problemClassifications/{{id}}` の形でもありません。"
        )),
    }
}

/// The way out when no ID is known: the command that lists the service's
/// classifications, and the two ways to use what it prints.
fn how_to_get_ids(catalog: &Catalog, form: Form, service: &str) -> Msg {
    let name = catalog
        .service_by_id(service)
        .map_or(service, |s| s.display_name.as_str());
    let wanted = match (form.str("problem_type"), form.str("problem_subtype")) {
        (Some(t), Some(s)) => format!("`{} / {}`", t.trim(), s.trim()),
        (Some(t), None) => format!("`{}`", t.trim()),
        _ => "`problem_type`".to_string(),
    };
    msg!(
        "The catalog has no problem classification ID for {wanted} of `{name}`: list the IDs with `az support services problem-classifications list --service-name {service} --output json > {service}.json`, then copy the `name` of your problem type into `problem_classification_id`, or import the list with `azsr-lsp --catalog-import {service}.json --out catalog` and name it in azsr.toml (`[catalog] problem_classifications = \"catalog/pc\"`) so that `problem_type` resolves.",
        "カタログには `{name}` の {wanted} の問題分類 ID がありません。`az support services problem-classifications list --service-name {service} --output json > {service}.json` で ID の一覧を取得し、該当する問題の種類の `name` を `problem_classification_id` に書くか、`azsr-lsp --catalog-import {service}.json --out catalog` で取り込み、azsr.toml の `[catalog] problem_classifications = \"catalog/pc\"` で指定して `problem_type` から引けるようにしてください。"
    )
}
