//! What a rule may look at: the prepared source, the configuration, the catalog and the
//! caller's world, with the readings of the form several rules share.

use crate::catalog::ServiceMatch;
use crate::fields::{self, parse_language};
use crate::frontmatter::YamlEntry;
use crate::{time, Body, Catalog, Config, Env, Form, FrontMatter, Lang, Source};

/// Everything a rule may look at.
pub struct Context<'a> {
    pub source: &'a Source,
    pub text: &'a str,
    /// The front matter block as written, parsed or not (the rules about the block
    /// itself read it; the others read fields through [`Context::form`]).
    pub fm: Option<&'a FrontMatter>,
    pub body: &'a Body,
    pub config: &'a Config,
    pub catalog: &'a Catalog,
    pub env: &'a Env<'a>,
    /// The language of inserted text (headings, templates).
    pub lang: Lang,
}

impl<'a> Context<'a> {
    /// The form's fields, when the front matter is closed and parsed to a mapping.
    pub fn form(&self) -> Option<Form<'a>> {
        self.fm.and_then(Form::of)
    }

    pub fn issue_type(&self) -> Option<fields::IssueType> {
        fields::IssueType::parse(self.form()?.str("issue_type")?)
    }

    /// A technical request. Without a valid `issue_type` the rules that only apply to
    /// technical requests stay silent.
    pub fn is_technical(&self) -> bool {
        self.issue_type() == Some(fields::IssueType::Technical)
    }

    pub fn severity(&self) -> Option<fields::Severity> {
        fields::Severity::parse(self.form()?.str("severity")?)
    }

    /// The effective plan: the file's `support_plan`, else the configuration's.
    pub fn plan(&self) -> Option<fields::Plan> {
        match self.form().and_then(|f| f.str("support_plan")) {
            Some(v) => fields::Plan::parse(v),
            None => self
                .config
                .support_plan
                .as_deref()
                .and_then(fields::Plan::parse),
        }
    }

    /// The normalised support language code, when valid.
    pub fn support_language(&self) -> Option<&'static str> {
        parse_language(self.form()?.str("support_language")?)
    }

    /// The `service` field and the catalog service it names, by its current or a former
    /// name.
    pub fn service(&self) -> Option<(&'a YamlEntry, ServiceMatch<'a>)> {
        let entry = self.form()?.get("service")?;
        let found = self.catalog.find_service(entry.value.text()?)?;
        Some((entry, found))
    }

    /// Whether the catalog service `id` may be this request's service: any for a
    /// technical request (or one without a valid `issue_type`); for billing, quota and
    /// subscription management requests only the one the type implies (another one there
    /// is `invalid-value`'s).
    pub fn takes_service(&self, id: &str) -> bool {
        self.issue_type()
            .and_then(fields::IssueType::implied_service)
            .is_none_or(|implied| id.eq_ignore_ascii_case(implied))
    }

    /// The `response_24x7` entry when it asks for round-the-clock work (`true`, `yes`,
    /// `はい`, `on`).
    pub fn round_the_clock(&self) -> Option<&'a YamlEntry> {
        let flag = self.form()?.get("response_24x7")?;
        (flag.value.text().and_then(fields::parse_bool) == Some(true)).then_some(flag)
    }

    /// The UTC offset a `started` value without one is read in ([`time::started_offset`]).
    pub fn started_offset(&self, dt: jiff::civil::DateTime) -> jiff::tz::Offset {
        time::started_offset(self.config, self.form(), dt)
    }
}
