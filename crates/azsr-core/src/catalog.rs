//! The service catalog: Azure support services and their problem classifications.
//!
//! Bundled from `shared/data/` (copied into `crates/azsr-core/data/`, see its README for
//! provenance) and compiled into the binary. A newer list saved from
//! `az support services list` can replace the services, and
//! `az support services problem-classifications list` output adds complete
//! problem-type lists per service (see `Catalog::from_json`).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use serde::Deserialize;

/// The service GUID of Billing (its bundled problem-type list is complete).
pub const BILLING_ID: &str = "517f2da6-78fd-0498-4e22-ad26996b1dfc";
/// The service GUID of Activity Logs (its bundled problem-type list is complete).
pub const ACTIVITY_LOGS_ID: &str = "484e2236-bc6d-b1bb-76d2-7d09278cf9ea";
pub const SUBSCRIPTION_MANAGEMENT_ID: &str = "f3dc5421-79ef-1efa-41a5-42bf3cbb52c6";
pub const QUOTA_ID: &str = "06bfd9d3-516b-d5c6-5802-169c800dec89";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceState {
    Public,
    Preview,
    Retired,
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Service {
    pub id: String,
    pub display_name: String,
    pub former_names: Vec<String>,
    pub resource_types: Vec<String>,
    pub state: ServiceState,
}

#[derive(Debug, Clone)]
pub struct ProblemClassification {
    pub id: String,
    pub display_name: String,
    /// The part before the first ` / `, trimmed.
    pub problem_type: String,
    /// The part after the first ` / `, trimmed.
    pub subtype: Option<String>,
}

/// Problem classifications known for one service.
#[derive(Debug, Clone, Default)]
pub struct ProblemList {
    pub items: Vec<ProblemClassification>,
    /// The list is the service's whole list (so a name not in it is wrong).
    pub complete: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub services: Vec<Service>,
    problems: HashMap<String, ProblemList>,
    /// Folded current and former names → (index into `services`, is a former name);
    /// built on first lookup, since several rules look `service` up on every keystroke.
    name_index: std::sync::OnceLock<HashMap<String, (usize, bool)>>,
    /// The aliases of `data/service-aliases.toml` resolved against `services`, built on
    /// first lookup.
    alias_index: std::sync::OnceLock<AliasIndex>,
}

/// The bundled aliases (`data/service-aliases.toml`) as written: names people type, and
/// the display names of the catalog services they mean, most common first.
#[derive(Deserialize)]
struct AliasFile {
    alias: Vec<RawAlias>,
}

#[derive(Deserialize)]
struct RawAlias {
    names: Vec<String>,
    services: Vec<String>,
}

static ALIASES: LazyLock<AliasFile> = LazyLock::new(|| {
    toml::from_str(include_str!("../data/service-aliases.toml"))
        .expect("bundled service aliases TOML is valid")
});

/// The aliases resolved against one catalog's services.
#[derive(Debug, Clone, Default)]
struct AliasIndex {
    /// Folded alias ([`fold_alias`]) → indices into `services`, most common first.
    by_name: HashMap<String, Vec<usize>>,
    /// Service ID → its best position in any alias's list (0 = the first service some
    /// alias names): how commonly people mean that service.
    prominence: HashMap<String, usize>,
}

/// How a `service` value matched.
#[derive(Debug, Clone, Copy)]
pub enum ServiceMatch<'a> {
    Current(&'a Service),
    Former(&'a Service),
}

impl<'a> ServiceMatch<'a> {
    pub fn service(self) -> &'a Service {
        match self {
            ServiceMatch::Current(s) | ServiceMatch::Former(s) => s,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawService {
    id: String,
    display_name: String,
    #[serde(default)]
    resource_types: Vec<String>,
    state: Option<String>,
    #[serde(default)]
    former_display_names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawProblem {
    id: String,
    display_name: String,
}

/// `az support services list` output: a list of `{ name, displayName, resourceTypes }`
/// (or the REST form with `properties`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AzService {
    name: String,
    display_name: Option<String>,
    #[serde(default)]
    resource_types: Vec<String>,
    properties: Option<AzServiceProps>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AzServiceProps {
    display_name: Option<String>,
    #[serde(default)]
    resource_types: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AzProblem {
    name: Option<String>,
    id: Option<String>,
    display_name: Option<String>,
    properties: Option<AzProblemProps>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AzProblemProps {
    display_name: Option<String>,
}

/// A JSON list as `az` prints it (`[...]`), or as the REST API returns it
/// (`{"value": [...]}`).
fn parse_list<T: serde::de::DeserializeOwned>(json: &str) -> Result<Vec<T>, String> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Listing<T> {
        Bare(Vec<T>),
        Wrapped { value: Vec<T> },
    }
    match serde_json::from_str::<Listing<T>>(json) {
        Ok(Listing::Bare(list) | Listing::Wrapped { value: list }) => Ok(list),
        // report serde's own message for the plain form, which names line and column
        Err(_) => serde_json::from_str::<Vec<T>>(json).map_err(|e| e.to_string()),
    }
}

/// An alias as [`Catalog::alias`] compares it: a folded name without white space and
/// without a leading "Azure" or "Microsoft" ("Azure Functions" = "functions").
fn fold_alias(name: &str) -> String {
    let mut folded = fold_name(name);
    for prefix in ["microsoft ", "azure "] {
        if let Some(rest) = folded.strip_prefix(prefix) {
            folded = rest.to_string();
        }
    }
    folded.split_whitespace().collect()
}

/// A name as `find_service` compares it.
fn fold_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let normalized: String = name.nfkc().collect();
    normalized
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A problem classification's display name as (problem type, subtype): `Type / Subtype`.
pub fn split_display_name(name: &str) -> (String, Option<String>) {
    match name.split_once(" / ") {
        Some((t, s)) => (t.trim().to_string(), Some(s.trim().to_string())),
        None => (name.trim().to_string(), None),
    }
}

impl ProblemClassification {
    fn new(id: String, display_name: String) -> Self {
        let (problem_type, subtype) = split_display_name(&display_name);
        ProblemClassification {
            id,
            display_name,
            problem_type,
            subtype,
        }
    }
}

static BUNDLED: LazyLock<Arc<Catalog>> = LazyLock::new(|| Arc::new(Catalog::bundled_uncached()));

impl Catalog {
    /// The catalog compiled into the binary.
    pub fn bundled() -> Arc<Catalog> {
        BUNDLED.clone()
    }

    fn bundled_uncached() -> Catalog {
        let raw: Vec<RawService> =
            serde_json::from_str(include_str!("../data/azure-support-services.json"))
                .expect("bundled services JSON is valid");
        let services = raw
            .into_iter()
            .map(|r| Service {
                id: r.id.to_ascii_lowercase(),
                display_name: r.display_name,
                former_names: r.former_display_names,
                resource_types: r.resource_types,
                state: match r.state.as_deref() {
                    Some("public") => ServiceState::Public,
                    Some("preview") => ServiceState::Preview,
                    Some("retired") => ServiceState::Retired,
                    _ => ServiceState::Unknown,
                },
            })
            .collect();
        let raw_pc: HashMap<String, Vec<RawProblem>> = serde_json::from_str(include_str!(
            "../data/azure-support-problem-classifications.json"
        ))
        .expect("bundled problem classifications JSON is valid");
        let problems = raw_pc
            .into_iter()
            .map(|(service, list)| {
                let complete = service == BILLING_ID || service == ACTIVITY_LOGS_ID;
                let items = list
                    .into_iter()
                    .map(|p| ProblemClassification::new(p.id, p.display_name))
                    .collect();
                (service, ProblemList { items, complete })
            })
            .collect();
        Catalog {
            services,
            problems,
            name_index: Default::default(),
            alias_index: Default::default(),
        }
    }

    /// Replaces the services with `az support services list` JSON, keeping what the
    /// bundled catalog knows of the same GUIDs (former names, state).
    pub fn with_services_json(&self, json: &str) -> Result<Catalog, String> {
        let list: Vec<AzService> = parse_list(json)?;
        let mut services = Vec::new();
        for s in list {
            let id = s.name.to_ascii_lowercase();
            let (name, types) = match s.properties {
                Some(p) => (
                    p.display_name.or(s.display_name),
                    if p.resource_types.is_empty() {
                        s.resource_types
                    } else {
                        p.resource_types
                    },
                ),
                None => (s.display_name, s.resource_types),
            };
            let Some(display_name) = name else {
                return Err(format!("service {id} has no displayName"));
            };
            let old = self.service_by_id(&id);
            services.push(Service {
                id: id.clone(),
                display_name,
                former_names: old.map(|o| o.former_names.clone()).unwrap_or_default(),
                resource_types: types,
                state: old.map_or(ServiceState::Public, |o| o.state),
            });
        }
        Ok(Catalog {
            services,
            problems: self.problems.clone(),
            name_index: Default::default(),
            alias_index: Default::default(),
        })
    }

    /// Adds a complete problem-classification list for `service_id` from
    /// `az support services problem-classifications list` JSON.
    pub fn add_problem_classifications_json(
        &mut self,
        service_id: &str,
        json: &str,
    ) -> Result<(), String> {
        let list: Vec<AzProblem> = parse_list(json)?;
        let mut items = Vec::new();
        for p in list {
            let id = p.name.or(p.id).unwrap_or_default();
            let id = id.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
            let name = p.display_name.or(p.properties.and_then(|x| x.display_name));
            if let Some(name) = name {
                items.push(ProblemClassification::new(id, name));
            }
        }
        self.problems.insert(
            service_id.to_ascii_lowercase(),
            ProblemList {
                items,
                complete: true,
            },
        );
        Ok(())
    }

    pub fn service_by_id(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id.eq_ignore_ascii_case(id))
    }

    /// Looks a `service` value up by current, then former display name: case-insensitive,
    /// after NFKC normalisation (full-width letters), with runs of white space counting as
    /// one space and surrounding white space ignored.
    pub fn find_service(&self, name: &str) -> Option<ServiceMatch<'_>> {
        let name = fold_name(name);
        if name.is_empty() {
            return None;
        }
        let index = self.name_index.get_or_init(|| {
            let mut index = HashMap::new();
            // Former names first, so that a current name wins where both agree.
            for (i, s) in self.services.iter().enumerate() {
                for f in &s.former_names {
                    index.entry(fold_name(f)).or_insert((i, true));
                }
            }
            for (i, s) in self.services.iter().enumerate() {
                let key = fold_name(&s.display_name);
                match index.get(&key) {
                    Some((_, false)) => {}
                    _ => {
                        index.insert(key, (i, false));
                    }
                }
            }
            index
        });
        let &(i, former) = index.get(&name)?;
        let service = &self.services[i];
        Some(if former {
            ServiceMatch::Former(service)
        } else {
            ServiceMatch::Current(service)
        })
    }

    fn alias_index(&self) -> &AliasIndex {
        self.alias_index.get_or_init(|| {
            let mut index = AliasIndex::default();
            for alias in &ALIASES.alias {
                // by current or former name, so that an imported, renamed list still resolves
                let mut targets: Vec<usize> = Vec::new();
                for name in &alias.services {
                    let Some(found) = self.find_service(name) else {
                        continue;
                    };
                    let id = &found.service().id;
                    if let Some(i) = self.services.iter().position(|s| &s.id == id) {
                        if !targets.contains(&i) {
                            targets.push(i);
                        }
                    }
                }
                for (rank, &i) in targets.iter().enumerate() {
                    let id = self.services[i].id.clone();
                    let best = index.prominence.entry(id).or_insert(rank);
                    *best = (*best).min(rank);
                }
                for name in &alias.names {
                    index
                        .by_name
                        .entry(fold_alias(name))
                        .or_insert_with(|| targets.clone());
                }
            }
            index
        })
    }

    /// The services an alias (`data/service-aliases.toml`: "App Service", "VM",
    /// "仮想マシン") stands for, most common first; empty when `name` is no alias. A
    /// catalog name is never an alias: look it up with [`Catalog::find_service`] first.
    pub fn alias(&self, name: &str) -> Vec<&Service> {
        let key = fold_alias(name);
        if key.is_empty() {
            return Vec::new();
        }
        self.alias_index()
            .by_name
            .get(&key)
            .map(|targets| targets.iter().map(|&i| &self.services[i]).collect())
            .unwrap_or_default()
    }

    /// How commonly people mean `service`: its best position in an alias's list of
    /// services (0 for "Virtual Machine running Windows", the first service "VM" names);
    /// `None` for a service no alias names.
    pub fn prominence(&self, service: &Service) -> Option<usize> {
        self.alias_index().prominence.get(&service.id).copied()
    }

    /// Reorders `services` so that those covering `arm_type` come first, keeping the
    /// order within each group; unchanged without a type.
    pub fn covering_first(services: &mut [&Service], arm_type: Option<&str>) {
        if let Some(t) = arm_type {
            services.sort_by_key(|s| !s.covers_resource_type(t));
        }
    }

    pub fn problems(&self, service_id: &str) -> Option<&ProblemList> {
        self.problems.get(&service_id.to_ascii_lowercase())
    }
}

impl Service {
    /// True when one of the service's resource types equals `arm_type` (e.g.
    /// `Microsoft.Compute/virtualMachines`), its namespace, or one of its parent types
    /// (rules.md, `service-resource-mismatch`). Case-insensitive, as ARM is: the catalog
    /// itself mixes `MICROSOFT.COMPUTE/VIRTUALMACHINES` and `Microsoft.Cdn/profiles`.
    /// 71 catalog entries list a bare namespace (e.g. `Microsoft.ContainerService` for
    /// Azure Kubernetes Fleet Manager): such an entry covers every type of the namespace.
    pub fn covers_resource_type(&self, arm_type: &str) -> bool {
        self.coverage(arm_type).is_some()
    }

    /// How closely the service's resource types cover `arm_type`: `Some(0)` for the type
    /// itself, `Some(1)` for its parent type, … up to the namespace; `None` when none does.
    pub fn coverage(&self, arm_type: &str) -> Option<usize> {
        let arm_type = arm_type.trim().trim_matches('/').to_ascii_lowercase();
        if arm_type.is_empty() {
            return None;
        }
        let mut candidates = vec![arm_type.clone()];
        let mut t = arm_type.as_str();
        while let Some((parent, _)) = t.rsplit_once('/') {
            candidates.push(parent.to_string());
            t = parent;
        }
        self.resource_types
            .iter()
            .filter_map(|rt| {
                let rt = rt.trim().trim_matches('/').to_ascii_lowercase();
                candidates.iter().position(|c| *c == rt)
            })
            .min()
    }

    pub fn is_retired(&self) -> bool {
        self.state == ServiceState::Retired
    }
}

impl Catalog {
    /// Services that are not retired and whose resource types cover `arm_type`: the
    /// portal's "services in use" filter. The closest coverage first (the type itself
    /// before its parent, before its namespace); within that, those whose name holds the
    /// words of the type's name ("Virtual Machine …" for `virtualMachines`, before "SAP
    /// on Azure", which lists the type too), then the services people commonly mean
    /// (named by an alias, the first named first), then those listing fewer types (a web
    /// app before a function app for `Microsoft.Web/sites`), then by name.
    pub fn services_covering(&self, arm_type: &str) -> Vec<&Service> {
        let type_words = type_name_words(arm_type);
        #[allow(clippy::type_complexity)]
        let mut found: Vec<((usize, std::cmp::Reverse<usize>, usize, usize), &Service)> = self
            .services
            .iter()
            .filter(|s| !s.is_retired())
            .filter_map(|s| {
                let coverage = s.coverage(arm_type)?;
                let prominence = self.prominence(s).unwrap_or(usize::MAX);
                let named = name_words(&s.display_name)
                    .iter()
                    .filter(|w| type_words.iter().any(|t| same_word(t, w)))
                    .count();
                let breadth = s.resource_types.len();
                Some(((coverage, std::cmp::Reverse(named), prominence, breadth), s))
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.display_name.cmp(&b.1.display_name)));
        found.into_iter().map(|(_, s)| s).collect()
    }

    /// The problem types of a service's list, in list order, without repeats.
    pub fn problem_types(&self, service_id: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        if let Some(list) = self.problems(service_id) {
            for p in &list.items {
                if !out.iter().any(|t| t.eq_ignore_ascii_case(&p.problem_type)) {
                    out.push(&p.problem_type);
                }
            }
        }
        out
    }

    /// The subtypes the list shows under `problem_type` (matched case-insensitively).
    pub fn problem_subtypes(&self, service_id: &str, problem_type: &str) -> Vec<&str> {
        let wanted = problem_type.trim();
        self.problems(service_id)
            .map(|list| {
                list.items
                    .iter()
                    .filter(|p| p.problem_type.eq_ignore_ascii_case(wanted))
                    .filter_map(|p| p.subtype.as_deref())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The words of a resource type's last segment, split at case changes:
/// `Microsoft.Compute/virtualMachines` → `virtual`, `machines`.
fn type_name_words(arm_type: &str) -> Vec<String> {
    let last = arm_type
        .trim()
        .trim_matches('/')
        .rsplit(['/', '.'])
        .next()
        .unwrap_or("");
    let mut words: Vec<String> = Vec::new();
    let mut prev_lower = false;
    for c in last.chars() {
        if !c.is_alphanumeric() {
            prev_lower = false;
            words.push(String::new());
            continue;
        }
        if c.is_uppercase() && prev_lower || words.is_empty() {
            words.push(String::new());
        }
        prev_lower = c.is_lowercase();
        words
            .last_mut()
            .expect("pushed above")
            .extend(c.to_lowercase());
    }
    words.retain(|w| w.chars().count() >= 3);
    words
}

/// The lower-cased words of a service's name.
fn name_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_string)
        .collect()
}

/// One word, give or take a plural ending (`machines` / `machine`).
fn same_word(a: &str, b: &str) -> bool {
    let stem = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
    stem(a) == stem(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_catalog_loads_with_former_names() {
        let c = Catalog::bundled();
        assert_eq!(c.services.len(), 492);
        let vm = c.find_service("virtual machine running windows").unwrap();
        assert!(matches!(vm, ServiceMatch::Current(_)));
        assert!(matches!(
            c.find_service("Azure AI Studio"),
            Some(ServiceMatch::Former(_))
        ));
        assert!(c.problems(BILLING_ID).unwrap().complete);
        assert!(
            !c.problems("6f16735c-b0ae-b275-ad3a-03479cfa1396")
                .unwrap()
                .complete
        );
        assert!(vm
            .service()
            .covers_resource_type("Microsoft.Compute/virtualMachines"));
        assert!(vm
            .service()
            .covers_resource_type("Microsoft.Compute/virtualMachines/extensions"));
    }

    #[test]
    fn lookup_folds_width_case_and_spaces() {
        let c = Catalog::bundled();
        for v in [
            "Ｖｉｒｔｕａｌ Ｍａｃｈｉｎｅ running windows",
            "  Virtual   Machine running Windows ",
            "Azure Information Protection (DO NOT USE)",
        ] {
            assert!(
                matches!(c.find_service(v), Some(ServiceMatch::Current(_))),
                "{v}"
            );
        }
        assert!(c.find_service("").is_none());
        assert!(c.find_service("   ").is_none());
        assert!(c.find_service("Virtual Machine").is_none());
    }

    #[test]
    fn coverage_ranks_type_before_parent_before_namespace() {
        let c = Catalog::bundled();
        let vm = c
            .find_service("Virtual Machine running Windows")
            .unwrap()
            .service();
        assert_eq!(vm.coverage("microsoft.compute/VIRTUALMACHINES"), Some(0));
        assert_eq!(
            vm.coverage("Microsoft.Compute/virtualMachines/extensions"),
            Some(1)
        );
        assert_eq!(vm.coverage("Microsoft.Compute/disks"), None);
        assert_eq!(vm.coverage(""), None);
        let fleet = c
            .find_service("Azure Kubernetes Fleet Manager")
            .unwrap()
            .service();
        assert_eq!(
            fleet.coverage("Microsoft.ContainerService/managedClusters"),
            Some(1)
        );
        let covering = c.services_covering("Microsoft.ContainerService/managedClusters");
        assert_eq!(covering[0].display_name, "Kubernetes Service (AKS)");
        assert!(covering
            .iter()
            .any(|s| s.display_name == "Azure Kubernetes Fleet Manager"));
        assert!(covering.iter().all(|s| !s.is_retired()));
    }

    #[test]
    fn imports_take_az_and_rest_shapes() {
        let c = Catalog::bundled();
        let az = r#"[{"id": "/providers/Microsoft.Support/services/5a3a423f-8667-9095-1770-0a554a934512",
            "name": "5a3a423f-8667-9095-1770-0a554a934512", "displayName": "Azure Kubernetes Service (AKS)",
            "resourceTypes": ["MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS"], "type": "Microsoft.Support/services"}]"#;
        let new = c.with_services_json(az).unwrap();
        assert_eq!(new.services.len(), 1);
        assert!(matches!(
            new.find_service("Azure Kubernetes Service (AKS)"),
            Some(ServiceMatch::Current(_))
        ));
        let rest = r#"{"value": [{"name": "x1", "properties": {"displayName": "New", "resourceTypes": []}}]}"#;
        assert_eq!(
            c.with_services_json(rest).unwrap().services[0].display_name,
            "New"
        );
        assert!(c.with_services_json("{").is_err());
        assert!(c.with_services_json(r#"[{"name": "x"}]"#).is_err());
        let mut m = (*c).clone();
        m.add_problem_classifications_json(
            "X1",
            r#"{"value": [{"name": "p", "properties": {"displayName": "A / B"}}]}"#,
        )
        .unwrap();
        let list = m.problems("x1").unwrap();
        assert!(list.complete);
        assert_eq!(list.items[0].subtype.as_deref(), Some("B"));
    }

    #[test]
    fn problem_types_and_subtypes() {
        let c = Catalog::bundled();
        let types = c.problem_types(BILLING_ID);
        assert_eq!(types.len(), 16);
        assert!(types.contains(&"Make a Payment"));
        assert_eq!(c.problem_subtypes(BILLING_ID, "make a payment ").len(), 7);
        assert!(c.problem_subtypes(BILLING_ID, "Refund request").is_empty());
        assert!(c.problem_types("no-such-service").is_empty());
    }

    #[test]
    fn every_alias_names_live_catalog_services_and_no_catalog_name() {
        let c = Catalog::bundled();
        let mut seen = std::collections::HashSet::new();
        for alias in &ALIASES.alias {
            assert!(!alias.services.is_empty());
            for name in &alias.services {
                let found = c.find_service(name);
                assert!(
                    matches!(found, Some(ServiceMatch::Current(s)) if !s.is_retired()),
                    "{name}"
                );
            }
            for name in &alias.names {
                assert!(c.find_service(name).is_none(), "{name} is a catalog name");
                assert!(seen.insert(fold_alias(name)), "{name} is listed twice");
                assert_eq!(c.alias(name).len(), alias.services.len(), "{name}");
            }
        }
    }

    #[test]
    fn aliases_name_the_services_people_mean() {
        let c = Catalog::bundled();
        let names = |alias: &str| -> Vec<String> {
            c.alias(alias)
                .iter()
                .map(|s| s.display_name.clone())
                .collect()
        };
        assert_eq!(
            names("App Service")[..2],
            ["Web App (Windows)", "Web App (Linux)"]
        );
        assert_eq!(names("azure  app service"), names("App Service"));
        assert_eq!(names("ＶＭ")[0], "Virtual Machine running Windows");
        assert_eq!(names("仮想マシン"), names("VM"));
        assert_eq!(names("AKS"), ["Kubernetes Service (AKS)"]);
        assert_eq!(names("Azure Functions"), ["Function App"]);
        assert_eq!(names("関数アプリ"), ["Function App"]);
        assert_eq!(
            names("ストレージアカウント")[0],
            "Storage Account Management"
        );
        assert!(names("Azure AD")[0].starts_with("Microsoft Entra"));
        assert!(c.alias("Azure").is_empty());
        assert!(c.alias("  ").is_empty());
        assert!(c.alias("Virtual Machine running Windows").is_empty());
    }

    #[test]
    fn services_covering_a_vm_put_the_virtual_machine_services_first() {
        let c = Catalog::bundled();
        let covering: Vec<&str> = c
            .services_covering("Microsoft.Compute/virtualMachines")
            .iter()
            .map(|s| s.display_name.as_str())
            .collect();
        assert_eq!(
            covering[..2],
            [
                "Virtual Machine running Windows",
                "Virtual Machine running Linux"
            ]
        );
        let last_vm = covering
            .iter()
            .rposition(|n| n.starts_with("Virtual Machine running"))
            .unwrap();
        for other in [
            "Azure Update Manager",
            "SAP on Azure",
            "SQL Server in VM - Linux",
        ] {
            let at = covering.iter().position(|n| *n == other).unwrap();
            assert!(at > last_vm, "{covering:?}");
        }
        let sites = c.services_covering("Microsoft.Web/sites");
        assert_eq!(sites[0].display_name, "Web App (Windows)");
    }

    #[test]
    fn type_names_split_into_words() {
        assert_eq!(
            type_name_words("Microsoft.Compute/virtualMachines"),
            ["virtual", "machines"]
        );
        assert_eq!(type_name_words("Microsoft.Web/sites"), ["sites"]);
        assert!(type_name_words("").is_empty());
    }
}
