//! The signed-in user's partner (`GET /partner`): its ID personalizes invitation links, its
//! name signs them, its domains are refused as a customer admin's email.

use crate::env::use_env;
use crate::form::{use_fetch, Fetched};
use csp_core::api::MyPartner;
use csp_core::endpoint::MY_PARTNER;
use yew::prelude::*;

#[hook]
pub fn use_my_partner() -> UseStateHandle<Fetched<MyPartner>> {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move { api.call(&MY_PARTNER, &[], &()).await }
    })
    .0
}
