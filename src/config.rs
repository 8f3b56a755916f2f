//! Runtime configuration from `static/config.json`: the backend URL and the operator's
//! rule data, changeable without a rebuild.

use csp_core::email::DomainPolicy;
use csp_core::mpn::MpnLength;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Base URL of the JSON backend (`https://partners.example.com/api`). None or empty: the
    /// in-browser backend answers instead.
    pub api_base_url: Option<String>,
    pub request_timeout_ms: u32,
    pub mpn_length: MpnLength,
    /// The full consumer-webmail list, fetched after the first render.
    pub consumer_domains_url: Option<String>,
    pub consumer_domains_add: Vec<String>,
    pub consumer_domains_allow: Vec<String>,
    pub government_suffixes_add: Vec<String>,
    /// "Don't have an MPN ID? Join here."
    pub partner_network_join_url: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base_url: None,
            request_timeout_ms: 15_000,
            mpn_length: MpnLength::default(),
            consumer_domains_url: Some("/data/free-email-domains.txt".into()),
            consumer_domains_add: vec![],
            consumer_domains_allow: vec![],
            government_suffixes_add: vec![],
            partner_network_join_url: "https://partner.microsoft.com/".into(),
        }
    }
}

impl Config {
    /// Fetches `/config.json`; a missing or broken file falls back to the defaults. Parsed by
    /// the browser's JSON parser: the first load has no JSON library (issue #12).
    pub async fn fetch() -> Config {
        crate::assets::fetch_text("/config.json")
            .await
            .and_then(|t| js_sys::JSON::parse(&t).ok())
            .and_then(|v| serde_wasm_bindgen::from_value(v).ok())
            .unwrap_or_default()
    }

    /// The built-in domain rules with the operator's additions; `list` is the fetched full list.
    pub fn domain_policy(&self, list: Option<&str>) -> DomainPolicy {
        let mut p = DomainPolicy::builtin();
        if let Some(l) = list {
            p.add_consumer(l.lines());
        }
        p.add_consumer(self.consumer_domains_add.iter().map(String::as_str));
        p.allow(self.consumer_domains_allow.iter().map(String::as_str));
        p.add_government(self.government_suffixes_add.iter().map(String::as_str));
        p
    }

    pub fn uses_http_backend(&self) -> bool {
        self.api_base_url
            .as_deref()
            .is_some_and(|u| !u.trim().is_empty())
    }
}
