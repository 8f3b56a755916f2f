//! The shell: loads config and backend data, provides them as context, and renders the
//! header (product name, language switch) above the routed page.

use crate::api::Api;
use crate::config::Config;
use crate::i18n::{I18n, Locale};
use crate::routes::Route;
use crate::store::{self, Journey};
use crate::team::{Team, TeamAction};
use csp_core::api::ProgramSettings;
use csp_core::enrollment::Context;
use csp_core::roles::RoleCatalog;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// What every page needs from outside: the API, the config and the rules' data.
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

    /// Config, then the backend's settings, countries and roles (built-ins where a call fails).
    pub async fn load() -> Env {
        let config = Config::load().await;
        // English is what shows when the chosen locale's file can't be had.
        Locale::En.load().await;
        Locale::initial().load().await;
        let api = if config.uses_http_backend() {
            Api::http(
                config.api_base_url.as_deref().unwrap_or_default(),
                config.request_timeout_ms,
            )
        } else {
            Api::local()
        };
        let mut env = Env::with_api(api.clone(), config);
        if let Ok(s) = api.settings().await {
            env.settings = s;
        }
        if let Ok(c) = api.countries().await {
            Rc::make_mut(&mut env.ctx).countries = c;
        }
        if let Ok(r) = api.roles().await {
            env.catalog = Rc::new(r);
        }
        env
    }

    /// Adds the full consumer-webmail list once it has been fetched.
    pub async fn with_domain_list(mut self) -> Env {
        let Some(url) = self.config.consumer_domains_url.clone() else {
            return self;
        };
        if let Ok(r) = gloo::net::http::Request::get(&url).send().await {
            if let (true, Ok(text)) = (r.ok(), r.text().await) {
                Rc::make_mut(&mut self.ctx).domains = self.config.domain_policy(Some(&text));
            }
        }
        self
    }
}

#[function_component]
pub fn App() -> Html {
    let env = use_state(|| None::<Env>);
    {
        let env = env.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = Env::load().await;
                env.set(Some(loaded.clone()));
                env.set(Some(loaded.with_domain_list().await));
            });
        });
    }
    match (*env).clone() {
        Some(env) => html! { <BrowserRouter><Shell {env} /></BrowserRouter> },
        None => {
            html! { <p class="busy" role="status"><span class="spinner" aria-hidden="true"></span>{ "…" }</p> }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub env: Env,
}

/// Providers, header and routed page. Must sit inside a router.
#[function_component]
pub fn Shell(p: &ShellProps) -> Html {
    let locale = use_state(Locale::initial);
    let i18n = use_memo(*locale, |l| I18n::new(*l));
    // A locale whose file could not be fetched shows in English: remember what is shown.
    let shown = i18n.locale;
    let journey = use_reducer(store::load);
    let team = use_reducer(crate::team::load);
    use_effect_with(shown, |l| l.apply());
    let on_lang = {
        let locale = locale.clone();
        Callback::from(move |tag: String| {
            if let Some(l) = Locale::from_tag(&tag) {
                let locale = locale.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    l.load().await;
                    locale.set(l);
                });
            }
        })
    };
    html! {
        <ContextProvider<I18n> context={(*i18n).clone()}>
        <ContextProvider<Env> context={p.env.clone()}>
        <ContextProvider<UseReducerHandle<Journey>> context={journey}>
        <ContextProvider<UseReducerHandle<Team>> context={team}>
            <Header locale={shown} {on_lang} />
            <main class="main" id="main-content">
                <Switch<Route> render={crate::pages::switch} />
            </main>
        </ContextProvider<UseReducerHandle<Team>>>
        </ContextProvider<UseReducerHandle<Journey>>>
        </ContextProvider<Env>>
        </ContextProvider<I18n>>
    }
}

#[derive(Properties, PartialEq)]
struct HeaderProps {
    locale: Locale,
    on_lang: Callback<String>,
}

/// Pages a feature opens in the navigation; features without a page here are listed on the
/// account page instead.
const FEATURE_PAGES: &[(&str, Route, &str)] =
    &[(csp_core::roles::MANAGE_USERS, Route::Users, "nav-users")];

#[function_component]
fn Header(p: &HeaderProps) -> Html {
    let i18n = crate::components::use_i18n();
    let env = crate::wizard::use_env();
    let team = crate::team::use_team();
    let nav = use_navigator().expect("router");
    let features = crate::team::features(team.user.as_ref(), &env.catalog);
    let sign_out = {
        let team = team.clone();
        Callback::from(move |_| {
            team.dispatch(TeamAction::SignOut);
            nav.push(&Route::Home);
        })
    };
    let onchange = {
        let cb = p.on_lang.clone();
        Callback::from(move |e: Event| cb.emit(crate::components::event_value(&e)))
    };
    html! {
        <header class="header">
            <a class="skip-link" href="#main-content">{ i18n.t("skip-to-content") }</a>
            <div class="header-inner">
                <Link<Route> to={Route::Home} classes="header-title">{ i18n.t("app-title") }</Link<Route>>
                <nav class="header-nav" aria-label={i18n.t("nav-label")}>
                    <Link<Route> to={Route::Welcome}>{ i18n.t("nav-enroll") }</Link<Route>>
                    <Link<Route> to={Route::Roles}>{ i18n.t("nav-roles") }</Link<Route>>
                    { for FEATURE_PAGES.iter().filter(|(f, _, _)| features.iter().any(|g| g == f)).map(|(_, r, label)| html! {
                        <Link<Route> to={r.clone()}>{ i18n.t(label) }</Link<Route>>
                    }) }
                    if let Some(u) = &team.user {
                        <Link<Route> to={Route::Account}>{ i18n.t("nav-account") }<span class="visually-hidden">{ format!(" ({})", u.name) }</span></Link<Route>>
                        <button type="button" class="link-button header-link" onclick={sign_out}>{ i18n.t("sign-out") }</button>
                    } else {
                        <Link<Route> to={Route::SignIn}>{ i18n.t("sign-in") }</Link<Route>>
                    }
                </nav>
                <div class="language">
                    <label for="language-select">{ i18n.t("language-label") }</label>
                    <select id="language-select" {onchange}>
                        { for Locale::ALL.iter().map(|l| html! {
                            <option value={l.tag()} lang={l.tag()} selected={*l == p.locale}>{ l.native_name() }</option>
                        }) }
                    </select>
                </div>
            </div>
        </header>
    }
}
