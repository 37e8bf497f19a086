//! A checked draft as the Microsoft.Support REST API's create call (cli.md, Export): the
//! one place that knows which front matter field becomes which property of the
//! `2024-04-01` create body (`SupportTicketDetailsProperties` in the API's
//! specification), and which `az support … tickets create` argument carries it.
//!
//! [`ticket`] maps; [`rest_json`] and [`az_cli`] render. Pure: the front end reads the
//! file, refuses a draft with an error (so no secret and no wrong field is ever mapped),
//! places the attachments' paths where the commands will run ([`Attachment::path`]) and
//! prints what these return.
//!
//! Attachments go into a file workspace (`fileWorkspaces`, same api-version) named after
//! the ticket, created and filled before the ticket, whose body names it
//! (`fileWorkspaceName`). Their limits (size, blocked types) are `attachment-limits`'s.

mod az_cli;
mod description;
mod problem;

use serde::Serialize;

use crate::fields::{self, ContactMethod, IssueType, Severity};
use crate::{msg, Catalog, Config, Form, Lang, Msg, Source};

pub use az_cli::az_cli;

/// The API version whose create body this module writes.
pub const API_VERSION: &str = "2024-04-01";

/// A support request ready to be filed: where it goes and what it says.
#[derive(Debug, Clone)]
pub struct Ticket {
    /// The ticket's resource name (the last segment of its URL).
    pub name: String,
    /// The subscription GUID; `None` files it without one (billing and subscription
    /// management requests may be filed so).
    pub subscription: Option<String>,
    pub properties: Properties,
    /// The files to upload into the workspace `properties.file_workspace_name`, in the
    /// draft's order; empty when it lists none.
    pub attachments: Vec<Attachment>,
}

/// A file the draft lists under `attachments`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// As the draft writes it (relative to the request's file); the front end replaces
    /// it with the path the printed commands should use.
    pub path: String,
    /// The name it gets in the workspace and in the description: the path's last
    /// segment, as `az support … file upload` names it.
    pub file_name: String,
}

/// `SupportTicketDetailsProperties`: the writable properties azsr fills, in the order
/// of the API's specification.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Properties {
    pub description: String,
    /// `/providers/Microsoft.Support/services/{service}/problemClassifications/{id}`.
    pub problem_classification_id: String,
    /// `minimal`, `moderate`, `critical` or `highestcriticalimpact`.
    pub severity: &'static str,
    #[serde(
        rename = "require24X7Response",
        skip_serializing_if = "Option::is_none"
    )]
    pub require_24x7_response: Option<bool>,
    /// `Yes` or `No`.
    pub advanced_diagnostic_consent: &'static str,
    pub contact_details: ContactDetails,
    pub title: String,
    /// UTC, `…Z`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem_start_time: Option<String>,
    /// `/providers/Microsoft.Support/services/{service}`.
    pub service_id: String,
    /// The file workspace holding the attachments (the ticket's name), when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_workspace_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technical_ticket_details: Option<TechnicalTicketDetails>,
}

/// `ContactProfile`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactDetails {
    pub first_name: String,
    pub last_name: String,
    /// `email` or `phone`.
    pub preferred_contact_method: &'static str,
    pub primary_email_address: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub additional_email_addresses: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// A Windows time zone name (`Tokyo Standard Time`).
    pub preferred_time_zone: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    /// `ja-jp`, `en-us`, …
    pub preferred_support_language: &'static str,
}

/// `TechnicalTicketDetails`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TechnicalTicketDetails {
    pub resource_id: String,
}

/// Why a draft cannot be exported though no rule reports an error (a field switched off
/// in the configuration, a classification the catalog has no ID for). Each message says
/// how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved(pub Vec<Msg>);

/// The management endpoint the URLs name.
const MANAGEMENT: &str = "https://management.azure.com";

impl Ticket {
    /// The scope the ticket lives in: `/subscriptions/{id}` or nothing.
    fn scope(&self) -> String {
        self.subscription
            .as_ref()
            .map_or(String::new(), |s| format!("/subscriptions/{s}"))
    }

    /// The create call's URL (PUT).
    pub fn url(&self) -> String {
        format!(
            "{MANAGEMENT}{}/providers/Microsoft.Support/supportTickets/{}?api-version={API_VERSION}",
            self.scope(),
            self.name
        )
    }

    /// The URL of `checkNameAvailability` (POST) for the ticket's scope.
    pub fn check_name_url(&self) -> String {
        format!(
            "{MANAGEMENT}{}/providers/Microsoft.Support/checkNameAvailability?api-version={API_VERSION}",
            self.scope()
        )
    }

    /// The URL of the attachments' file workspace (PUT, no body), when there is one.
    pub fn file_workspace_url(&self) -> Option<String> {
        let ws = self.properties.file_workspace_name.as_ref()?;
        Some(format!(
            "{MANAGEMENT}{}/providers/Microsoft.Support/fileWorkspaces/{ws}?api-version={API_VERSION}",
            self.scope()
        ))
    }

    /// The URL of `file` in the workspace (PUT creates it), and the one its chunks are
    /// posted to (`…/upload`).
    pub fn file_urls(&self, file: &Attachment) -> Option<(String, String)> {
        let ws = self.properties.file_workspace_name.as_ref()?;
        let base = format!(
            "{MANAGEMENT}{}/providers/Microsoft.Support/fileWorkspaces/{ws}/files/{}",
            self.scope(),
            url_segment(&file.file_name)
        );
        Some((
            format!("{base}?api-version={API_VERSION}"),
            format!("{base}/upload?api-version={API_VERSION}"),
        ))
    }

    /// The body of `checkNameAvailability` for the ticket's name.
    pub fn check_name_body(&self) -> String {
        serde_json::json!({ "name": self.name, "type": "Microsoft.Support/supportTickets" })
            .to_string()
    }
}

/// The create call as cli.md's `--to rest-json` shows it: method, URL and body.
pub fn rest_json(ticket: &Ticket) -> String {
    #[derive(Serialize)]
    struct Call<'a> {
        method: &'static str,
        url: String,
        body: Body<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        attachments: Option<Uploads<'a>>,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        properties: &'a Properties,
    }
    /// What to do before the create call: docs/export.md says how.
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Uploads<'a> {
        file_workspace: Request,
        files: Vec<Upload<'a>>,
    }
    #[derive(Serialize)]
    struct Upload<'a> {
        path: &'a str,
        name: &'a str,
        create: Request,
        upload: Request,
    }
    #[derive(Serialize)]
    struct Request {
        method: &'static str,
        url: String,
    }
    let attachments = ticket.file_workspace_url().map(|url| Uploads {
        file_workspace: Request { method: "PUT", url },
        files: ticket
            .attachments
            .iter()
            .filter_map(|a| {
                let (create, upload) = ticket.file_urls(a)?;
                Some(Upload {
                    path: &a.path,
                    name: &a.file_name,
                    create: Request {
                        method: "PUT",
                        url: create,
                    },
                    upload: Request {
                        method: "POST",
                        url: upload,
                    },
                })
            })
            .collect(),
    });
    let call = Call {
        method: "PUT",
        url: ticket.url(),
        body: Body {
            properties: &ticket.properties,
        },
        attachments,
    };
    let mut out = serde_json::to_string_pretty(&call).expect("plain data serializes");
    out.push('\n');
    out
}

/// What the caller knows beyond the text: the file's name (for the derived ticket name)
/// and the ticket name asked for on the command line.
pub struct Names<'a> {
    pub file_name: &'a str,
    pub ticket_name: Option<&'a str>,
}

/// Maps a draft onto the create body. Assumes the draft has no error-level finding (the
/// front end refuses one before calling this); what can still be missing or unknown is
/// reported in `lang`-neutral messages, every one of them at once.
pub fn ticket(
    source: &Source,
    config: &Config,
    catalog: &Catalog,
    names: Names,
    lang: Lang,
) -> Result<Ticket, Unresolved> {
    let Some(form) = source.frontmatter.as_ref().and_then(Form::of) else {
        return Err(Unresolved(vec![msg!(
            "The file has no front matter to export.",
            "エクスポートするフロント マターがありません。"
        )]));
    };
    // a field's trimmed text; a missing one is noted (`contact.x` for the contact's keys)
    let mut missing = Vec::new();
    let mut need = |key: &str| -> String {
        let value = match key.strip_prefix("contact.") {
            Some(k) => form.contact(k).and_then(|e| e.value.text()),
            None => form.str(key),
        };
        value.map(|v| v.trim().to_string()).unwrap_or_else(|| {
            missing.push(key.to_string());
            String::new()
        })
    };
    let issue_type = need("issue_type");
    let title = need("summary");
    let severity = need("severity");
    let consent = need("advanced_diagnostics");
    let method = need("contact_method");
    let language = need("support_language");
    let first_name = need("contact.first_name");
    let last_name = need("contact.last_name");
    let email = need("contact.email");
    let country = need("contact.country");
    let time_zone = need("contact.time_zone");
    let mut problems: Vec<Msg> = missing
        .iter()
        .map(|key| {
            msg!(
                "`{key}` is missing: the create call needs it.",
                "`{key}` がありません。作成の呼び出しに必要です。"
            )
        })
        .collect();

    let issue_type = IssueType::parse(&issue_type);
    let severity = Severity::parse(&severity).map(|s| match s {
        Severity::One => "highestcriticalimpact",
        Severity::A => "critical",
        Severity::B => "moderate",
        Severity::C => "minimal",
    });
    let consent = fields::parse_bool(&consent).map(|b| if b { "Yes" } else { "No" });
    let method = ContactMethod::parse(&method).map(|m| match m {
        ContactMethod::Email => "email",
        ContactMethod::Phone => "phone",
    });
    let language = fields::parse_language(&language);
    let zone = windows_zone(&time_zone);
    for (ok, key, value) in [
        (issue_type.is_some(), "issue_type", form.str("issue_type")),
        (severity.is_some(), "severity", form.str("severity")),
        (
            consent.is_some(),
            "advanced_diagnostics",
            form.str("advanced_diagnostics"),
        ),
        (
            method.is_some(),
            "contact_method",
            form.str("contact_method"),
        ),
        (
            language.is_some(),
            "support_language",
            form.str("support_language"),
        ),
        (
            zone.is_some(),
            "contact.time_zone",
            Some(time_zone.as_str()),
        ),
    ] {
        match value {
            Some(v) if !ok && !v.trim().is_empty() => problems.push(invalid(key, v.trim())),
            _ => {}
        }
    }

    let subscription = form
        .str("subscription")
        .and_then(|v| crate::arm::subscription_guid(v).map(|r| v[r].to_ascii_lowercase()));
    let service = issue_type.and_then(|t| match problem::service(catalog, form, t) {
        Ok(s) => Some(s),
        Err(m) => {
            problems.push(m);
            None
        }
    });
    let classification = service.and_then(|s| match problem::classification(catalog, form, s) {
        Ok(id) => Some(id),
        Err(m) => {
            problems.push(m);
            None
        }
    });
    let started = match form.str("started") {
        None => None,
        Some(v) => match crate::time::started_instant(config, form) {
            Some(t) => Some(t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()),
            None => {
                problems.push(invalid("started", v.trim()));
                None
            }
        },
    };
    let name = match names.ticket_name {
        Some(n) => match valid_ticket_name(n) {
            true => n.to_string(),
            false => {
                problems.push(msg!(
                    "`--ticket-name {n}`: a ticket name is made of ASCII letters, digits, `-`, `_` and `.` (at most 100).",
                    "`--ticket-name {n}`: チケット名には ASCII の英数字と `-`、`_`、`.` だけを 100 文字以内で使ってください。"
                ));
                String::new()
            }
        },
        None => derived_ticket_name(names.file_name, &source.text),
    };

    let (
        Some(issue_type),
        Some(severity),
        Some(consent),
        Some(method),
        Some(language),
        Some(zone),
        Some(service),
        Some(classification),
    ) = (
        issue_type,
        severity,
        consent,
        method,
        language,
        zone,
        service,
        classification,
    )
    else {
        return Err(Unresolved(problems));
    };
    if !problems.is_empty() {
        return Err(Unresolved(problems));
    }
    let additional_email_addresses = form
        .contact("additional_emails")
        .map(|e| crate::form::list_items(&e.value))
        .unwrap_or_default()
        .iter()
        .filter_map(|n| n.text())
        .map(|s| s.trim().to_string())
        .collect();
    let phone_number = form
        .contact("phone")
        .and_then(|e| e.value.text())
        .map(|s| s.trim().to_string());
    let technical_ticket_details = match (issue_type, form.str("resource")) {
        (IssueType::Technical, Some(r)) => Some(TechnicalTicketDetails {
            resource_id: r.trim().to_string(),
        }),
        _ => None,
    };
    let require_24x7_response = form.str("response_24x7").and_then(fields::parse_bool);
    let attachments = attachments(form);
    let file_workspace_name = (!attachments.is_empty()).then(|| name.clone());
    Ok(Ticket {
        name,
        subscription,
        properties: Properties {
            description: description::of(source, form, &attachments, lang),
            problem_classification_id: classification,
            severity,
            require_24x7_response,
            advanced_diagnostic_consent: consent,
            contact_details: ContactDetails {
                first_name,
                last_name,
                preferred_contact_method: method,
                primary_email_address: email,
                additional_email_addresses,
                phone_number,
                preferred_time_zone: zone.to_string(),
                country: country.to_ascii_uppercase(),
                preferred_support_language: language,
            },
            title,
            problem_start_time: started,
            service_id: service_id(service),
            file_workspace_name,
            technical_ticket_details,
        },
        attachments,
    })
}

/// The `attachments` entries that name a file, trimmed, as the `attachment-*` rules read
/// them.
fn attachments(form: Form) -> Vec<Attachment> {
    form.get("attachments")
        .map(|e| crate::form::list_items(&e.value))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|n| n.text())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Attachment {
            path: p.to_string(),
            file_name: p.rsplit(['/', '\\']).next().unwrap_or(p).to_string(),
        })
        .collect()
}

/// `s` as one segment of a URL path: RFC 3986's unreserved characters as they are, every
/// other byte of its UTF-8 as `%XX`.
fn url_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A field whose value the API has no counterpart for (a rule reports it as an error,
/// unless the configuration turned that rule off).
fn invalid(key: &str, value: &str) -> Msg {
    msg!(
        "`{key}: {value}` is no value the API takes.",
        "`{key}: {value}` は API が受け付ける値ではありません。"
    )
}

/// `/providers/Microsoft.Support/services/{guid}`.
pub fn service_id(guid: &str) -> String {
    format!("/providers/Microsoft.Support/services/{guid}")
}

/// The Windows time zone name the API takes for a `contact.time_zone` value: a Windows
/// name (in its own spelling), or an IANA name that CLDR maps to one.
fn windows_zone(value: &str) -> Option<&'static str> {
    let v = value.trim();
    crate::time::WINDOWS_ZONES
        .iter()
        .find(|(w, iana)| w.eq_ignore_ascii_case(v) || iana.eq_ignore_ascii_case(v))
        .map(|(w, _)| *w)
}

/// A name the URL carries as it is: ASCII letters, digits, `-`, `_`, `.`.
fn valid_ticket_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A ticket name from the file's name and its content: the name's ASCII words, then a
/// checksum of name and text. The same draft gives the same name; two drafts (or two
/// versions of one) give different ones, so a filed request is not silently replaced.
fn derived_ticket_name(file_name: &str, text: &str) -> String {
    let stem = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file_name)
        .trim_end_matches(".md")
        .trim_end_matches(".azsr");
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.truncate(48);
    let slug = slug.trim_end_matches('-');
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(file_name.as_bytes());
    hasher.update(&[0]);
    hasher.update(text.as_bytes());
    let sum = hasher.finalize();
    if slug.is_empty() {
        format!("azsr-{sum:08x}")
    } else {
        format!("{slug}-{sum:08x}")
    }
}

#[cfg(test)]
mod tests;
