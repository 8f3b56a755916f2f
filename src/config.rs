//! Runtime configuration from `static/config.json`: the backend URL and the operator's
//! rule data, changeable without a rebuild.

use csp_core::email::DomainPolicy;
use csp_core::mpn::MpnLength;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Debug, Clone, PartialEq)]
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

/// Who the in-browser demo's emails say they are from (its Outbox page). A real backend signs
/// its emails with the names in its own configuration; the demo has none.
pub fn demo_brand() -> csp_core::mail::Brand {
    csp_core::mail::Brand {
        product: "CSP Partner Portal".into(),
        vendor: "The CSP partner program team (demo)".into(),
    }
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
    /// the browser's JSON parser: the first load has no JSON library.
    pub async fn fetch() -> Config {
        crate::assets::fetch_text("/config.json")
            .await
            .and_then(|t| js_sys::JSON::parse(&t).ok())
            .map(|v| Config::from_js(&v))
            .unwrap_or_default()
    }

    /// The config a parsed `config.json` sets: each field it gives with the right type, the
    /// default for the others (a field of the wrong type is named in the console). Read by hand,
    /// not by serde: its deserializer and error messages (which print floats), used by nothing
    /// else in the main module, cost the first load 10.1 KB brotli.
    pub fn from_js(v: &JsValue) -> Config {
        let mut c = Config::default();
        let field = |key: &str| {
            Reflect::get(v, &key.into())
                .ok()
                .filter(|f| !f.is_undefined())
        };
        let ignored = |key: &str| {
            gloo::console::warn!(format!("config.json: {key} ignored, of the wrong type"))
        };
        let string = |f: JsValue| f.as_string();
        let whole = |f: JsValue| {
            f.as_f64()
                .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX))
                .map(|n| n as u32)
        };
        let strings = |f: JsValue| {
            let a = f.dyn_into::<js_sys::Array>().ok()?;
            a.iter()
                .map(|s| s.as_string())
                .collect::<Option<Vec<String>>>()
        };
        macro_rules! set {
            ($key:ident, $parse:expr) => {
                if let Some(f) = field(stringify!($key)) {
                    match $parse(f) {
                        Some(x) => c.$key = x,
                        None => ignored(stringify!($key)),
                    }
                }
            };
        }
        let optional = |f: JsValue| {
            if f.is_null() {
                Some(None)
            } else {
                f.as_string().map(Some)
            }
        };
        set!(api_base_url, optional);
        set!(request_timeout_ms, whole);
        set!(mpn_length, |f: JsValue| {
            let get = |k: &str| Reflect::get(&f, &k.into()).ok().and_then(whole);
            Some(MpnLength {
                min: get("min")? as usize,
                max: get("max")? as usize,
            })
            .filter(|l| l.min <= l.max)
        });
        set!(consumer_domains_url, optional);
        set!(consumer_domains_add, strings);
        set!(consumer_domains_allow, strings);
        set!(government_suffixes_add, strings);
        set!(partner_network_join_url, string);
        c
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

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn parse(json: &str) -> Config {
        Config::from_js(&js_sys::JSON::parse(json).unwrap())
    }

    #[wasm_bindgen_test]
    fn the_served_file_sets_every_field() {
        let c = parse(include_str!("../static/config.json"));
        assert_eq!(c, Config::default());
        let c = parse(
            r#"{"api_base_url": "https://p.example/api", "request_timeout_ms": 5000,
                "mpn_length": {"min": 7, "max": 9}, "consumer_domains_url": null,
                "consumer_domains_add": ["a.example"], "consumer_domains_allow": ["b.example"],
                "government_suffixes_add": ["gov.example"], "partner_network_join_url": "https://j.example/"}"#,
        );
        assert_eq!(
            c,
            Config {
                api_base_url: Some("https://p.example/api".into()),
                request_timeout_ms: 5000,
                mpn_length: MpnLength { min: 7, max: 9 },
                consumer_domains_url: None,
                consumer_domains_add: vec!["a.example".into()],
                consumer_domains_allow: vec!["b.example".into()],
                government_suffixes_add: vec!["gov.example".into()],
                partner_network_join_url: "https://j.example/".into(),
            }
        );
    }

    #[wasm_bindgen_test]
    fn a_field_of_the_wrong_type_keeps_its_default() {
        let c = parse(
            r#"{"api_base_url": 7, "request_timeout_ms": 1.5, "mpn_length": {"min": 9, "max": 7},
                "consumer_domains_add": ["a.example", 3], "partner_network_join_url": null,
                "government_suffixes_add": ["gov.example"], "unknown": true}"#,
        );
        assert_eq!(
            c,
            Config {
                government_suffixes_add: vec!["gov.example".into()],
                ..Config::default()
            }
        );
        assert_eq!(parse("[]"), Config::default());
        assert_eq!(parse("null"), Config::default());
    }
}
