//! What the partner pages share: the lists, a region's and a date's text.

use crate::env::use_env;
use crate::form::{use_fetch, Fetched};
use crate::i18n::I18n;
use csp_core::endpoint::{INDIRECT_PROVIDERS, INDIRECT_RESELLERS};
use csp_core::partners::PartnerSummary;
use yew::prelude::*;

/// The reseller's indirect providers.
#[hook]
pub(super) fn use_providers() -> (UseStateHandle<Fetched<Vec<PartnerSummary>>>, Callback<()>) {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move { api.call(&INDIRECT_PROVIDERS, &[], &()).await }
    })
}

/// The provider's indirect resellers.
#[hook]
pub(super) fn use_resellers() -> (UseStateHandle<Fetched<Vec<PartnerSummary>>>, Callback<()>) {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move { api.call(&INDIRECT_RESELLERS, &[], &()).await }
    })
}

/// A CSP region's name (`partners-region-<id>`), the id itself for a region we don't name.
pub(super) fn region(i18n: &I18n, id: &str) -> String {
    let key = format!("partners-region-{id}");
    if i18n.has(&key) {
        i18n.t(&key)
    } else {
        id.to_owned()
    }
}

pub(super) fn since(i18n: &I18n, p: &PartnerSummary) -> String {
    p.since.map(|d| i18n.date(d)).unwrap_or_default()
}
