//! What the partner pages share: the lists, a region's and a date's text.

use crate::env::use_env;
use crate::form::{use_fetch, use_paged, Fetched, More};
use crate::i18n::I18n;
use csp_core::endpoint::{Endpoint, INDIRECT_PROVIDERS, INDIRECT_RESELLERS};
use csp_core::paging::Page;
use csp_core::partners::PartnerSummary;
use yew::prelude::*;

/// All the reseller's indirect providers (every page), for a page that finds one.
#[hook]
pub(super) fn use_providers() -> (UseStateHandle<Fetched<Vec<PartnerSummary>>>, Callback<()>) {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move { api.all(&INDIRECT_PROVIDERS).await }
    })
}

/// All the provider's indirect resellers (every page), for a page that finds one.
#[hook]
pub(super) fn use_resellers() -> (UseStateHandle<Fetched<Vec<PartnerSummary>>>, Callback<()>) {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move { api.all(&INDIRECT_RESELLERS).await }
    })
}

/// A list of partners a page at a time (`INDIRECT_PROVIDERS` or `INDIRECT_RESELLERS`).
#[hook]
pub(super) fn use_partners_paged(
    op: &'static Endpoint<(), Page<PartnerSummary>>,
) -> (
    UseStateHandle<Fetched<Vec<PartnerSummary>>>,
    Callback<()>,
    More,
) {
    let api = use_env().api;
    use_paged(move |cursor| {
        let api = api.clone();
        async move { api.page(op, None, cursor.as_deref()).await }
    })
}

/// Every partnership request the partner sent (a reseller) or received (a provider).
#[hook]
pub(super) fn use_partnership_requests() -> (
    UseStateHandle<Fetched<Vec<csp_core::partners::PartnershipRequest>>>,
    Callback<()>,
) {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move { api.all(&csp_core::endpoint::PARTNERSHIP_REQUESTS).await }
    })
}

/// A day from Unix seconds.
pub(super) fn day(i18n: &I18n, secs: i64) -> String {
    i18n.date(csp_core::date::Date((secs.max(0) / 86_400) as u32))
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
