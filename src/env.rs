//! What every page needs from outside: the API, the config and the rules' data, fetched once
//! at start-up (by the shell's second stage, see `start`) and handed down as context.

use crate::api::Api;
use crate::config::Config;
use csp_core::api::ProgramSettings;
use csp_core::endpoint::{COUNTRIES, ROLES, SETTINGS};
use csp_core::enrollment::Context;
use csp_core::roles::RoleCatalog;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone)]
pub struct Env {
    pub api: Api,
    pub config: Rc<Config>,
    pub ctx: Rc<Context>,
    pub settings: ProgramSettings,
    pub catalog: Rc<RoleCatalog>,
}

impl PartialEq for Env {
    fn eq(&self, o: &Self) -> bool {
        self.api == o.api
            && Rc::ptr_eq(&self.config, &o.config)
            && Rc::ptr_eq(&self.ctx, &o.ctx)
            && self.settings == o.settings
            && Rc::ptr_eq(&self.catalog, &o.catalog)
    }
}

#[hook]
pub fn use_env() -> Env {
    use_context::<Env>().expect("Env context")
}

impl Env {
    /// Built-in data with the given API: what tests mount, and the fallback while loading.
    pub fn with_api(api: Api, config: Config) -> Env {
        // The rules' postal-code patterns run on the browser's RegExp (no regex crate in the wasm).
        csp_core::address::set_pattern_matcher(crate::countries::pattern_matches);
        let ctx = Context {
            domains: config.domain_policy(None),
            mpn_length: config.mpn_length,
            ..Context::default()
        };
        Env {
            api,
            config: Rc::new(config),
            ctx: Rc::new(ctx),
            settings: ProgramSettings::default(),
            catalog: Rc::new(RoleCatalog::builtin()),
        }
    }

    /// The environment for this config and client: the built-ins with the in-browser
    /// backend (it serves exactly those), else the backend's settings, countries and roles
    /// (built-ins where a call fails).
    pub async fn load(config: Rc<Config>, api: Api) -> Env {
        let local = !config.uses_http_backend();
        let mut env = Env::with_api(api.clone(), (*config).clone());
        if local {
            return env;
        }
        let (settings, countries, roles) = futures::future::join3(
            api.call(&SETTINGS, &[], &()),
            api.call(&COUNTRIES, &[], &()),
            api.call(&ROLES, &[], &()),
        )
        .await;
        if let Ok(s) = settings {
            env.settings = s;
        }
        if let Ok(c) = countries {
            Rc::make_mut(&mut env.ctx).countries = c;
        }
        if let Ok(r) = roles {
            env.catalog = Rc::new(r);
        }
        env
    }

    /// Adds the full consumer-webmail list once it has been fetched.
    pub async fn with_domain_list(mut self) -> Env {
        let Some(url) = self.config.consumer_domains_url.clone() else {
            return self;
        };
        if let Some(text) = crate::assets::fetch_text(&url).await {
            Rc::make_mut(&mut self.ctx).domains = self.config.domain_policy(Some(&text));
        }
        self
    }
}
