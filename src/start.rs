//! The shell's second stage: what the first page does not need to show its
//! controls. The rules' data (built-ins with the in-browser backend, the backend's otherwise),
//! the saved draft, whether a session exists, the full webmail list, and signing out. In a
//! split release build it is a wasm chunk of its own, fetched right after the first render, so
//! the API client, the JSON decoders and the draft's storage stay out of the first load. Pages
//! wait for it ([`Started`]); the start page shows without it.

use crate::api::Api;
use crate::config::Config;
use crate::env::Env;
use crate::journey::Journey;
use crate::shared::part;
use csp_core::api::SessionInfo;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::prelude::*;

/// An answer still to come (the stage's calls to the backend).
pub type Later<T> = Pin<Box<dyn Future<Output = T>>>;

/// The stage's entry points: plain functions whose code is in the stage's chunk.
#[derive(Clone, Copy)]
pub struct Stage {
    /// The environment for this config and client.
    pub env: fn(Rc<Config>, Api) -> Later<Env>,
    /// The environment with the full consumer-webmail list, once fetched.
    pub with_domain_list: fn(Env) -> Later<Env>,
    /// The saved draft (see `journey`).
    pub restore_journey: fn() -> Journey,
    /// What keeps the journey in storage ([`crate::journey::Keeper`]).
    pub keeper: fn() -> Html,
    /// The session the backend still has for this browser, if any.
    pub check_session: fn(Api) -> Later<Option<SessionInfo>>,
    /// Ends the session on the backend.
    pub sign_out: fn(Api) -> Later<()>,
    /// Asks for the other pages' styles (static/pages.css): the first load has only the start
    /// page's (static/style.css). A page waits for this stage and its own code, both later
    /// than this small file.
    pub styles: fn(),
}

fn stage() -> Stage {
    Stage {
        env: |config, api| Box::pin(Env::load(config, api)),
        with_domain_list: |env| Box::pin(env.with_domain_list()),
        restore_journey: crate::journey::restore,
        keeper: || html! { <crate::journey::Keeper /> },
        check_session: |api| Box::pin(crate::session::check(api)),
        sign_out: |api| Box::pin(crate::session::end(api)),
        styles,
    }
}

fn styles() {
    let document = gloo::utils::document();
    if document
        .query_selector("link[href='/pages.css']")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    if let (Ok(link), Ok(Some(head))) = (
        document.create_element("link"),
        document.query_selector("head"),
    ) {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "/pages.css");
        let _ = head.append_child(&link);
    }
}

/// A chunk could not be fetched (no connection): the page offers to try again.
#[derive(Debug)]
pub struct LoadFailed;

thread_local! {
    static LOADED: Cell<Option<Stage>> = const { Cell::new(None) };
}

/// The stage, once loaded (at once in an unsplit build).
pub fn loaded() -> Option<Stage> {
    LOADED.with(Cell::get).or_else(chunk::built_in)
}

/// Loads the stage (once; a failed fetch is tried again on the next call).
pub async fn load() -> Result<Stage, LoadFailed> {
    if let Some(s) = loaded() {
        return Ok(s);
    }
    let s = chunk::load().await?;
    LOADED.with(|l| l.set(Some(s)));
    Ok(s)
}

#[cfg(split_build)]
mod chunk {
    use super::{LoadFailed, Stage};
    use wasm_split_helpers::{wasm_split, SplitLoaderError};

    #[wasm_split(start, fallible)]
    fn start() -> Result<Stage, SplitLoaderError> {
        Ok(super::stage())
    }

    pub fn built_in() -> Option<Stage> {
        None
    }

    pub async fn load() -> Result<Stage, LoadFailed> {
        start().await.map_err(|_| LoadFailed)
    }
}

#[cfg(not(split_build))]
mod chunk {
    use super::{LoadFailed, Stage};

    pub fn built_in() -> Option<Stage> {
        Some(super::stage())
    }

    pub async fn load() -> Result<Stage, LoadFailed> {
        Ok(super::stage())
    }
}

/// What the shell knows of the second stage: pages show once `env` is there.
#[derive(Clone, PartialEq)]
pub struct Started {
    pub env: Option<Env>,
    /// The stage's chunk could not be fetched: pages say so and offer `retry`.
    pub failed: bool,
    pub retry: Callback<()>,
}

#[hook]
pub fn use_started() -> Started {
    part(use_context())
}
