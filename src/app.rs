//! The shell: fetches the config and the locale, renders the header (product name,
//! navigation, language) and the page the route names, and provides the shared state as
//! context once the second stage (`start`) has brought it.

use crate::api::Api;
use crate::browser::{performance_now, Prerendered};
use crate::components::event_value;
use crate::config::Config;
use crate::env::Env;
use crate::i18n::{use_i18n, I18n, Locale};
use crate::journey::{Action as JourneyAction, JourneyStore};
use crate::pages::lazy::PartPage;
use crate::pages::{home::Home, not_found::NotFound};
use crate::route::{Page, Part, Route, ShellRoute};
use crate::router::{opens_elsewhere, use_navigator, use_route, use_router, Link};
use crate::session::{features, remember_return, use_session, Session, SessionAction};
use crate::shared::Shared;
use crate::start::{self, use_started, Started};
use csp_core::roles::{CUSTOMERS, INDIRECT_PROVIDERS, INDIRECT_RESELLERS, MANAGE_USERS};
use std::rc::Rc;
use yew::prelude::*;

/// Stamps `window.__cspReady` with `performance.now()` once the first controls are in the page:
/// what `scripts/bench.sh` reads as "ready".
fn stamp_ready() {
    let _ = js_sys::Reflect::set(
        &js_sys::global(),
        &"__cspReady".into(),
        &performance_now().into(),
    );
}

/// Starts the portal: fetches what the first render needs, the config and the locale files
/// (the html asked for the config and English at once), then renders the [`Shell`] in place of
/// app.html's busy line, or of the prerendered start page (see `browser::Prerendered`). Not
/// from the effect of a first, empty render: that waited for a browser frame before the
/// fetches were even asked for.
pub async fn start() {
    // A language picked in the prerendered page's list before the wasm ran is the choice.
    if let Some(l) = Prerendered::picked_language().and_then(|t| Locale::from_tag(&t)) {
        l.apply();
    }
    // English is what shows when the chosen locale's file can't be had. All three side by side.
    let chosen = Some(Locale::initial()).filter(|l| *l != Locale::En);
    let (config, _, _) = futures::future::join3(Config::fetch(), Locale::En.fetch(), async move {
        if let Some(l) = chosen {
            l.fetch().await;
        }
    })
    .await;
    let api = if config.uses_http_backend() {
        Api::http(
            config.api_base_url.as_deref().unwrap_or_default(),
            config.request_timeout_ms,
        )
    } else {
        Api::local()
    };
    let document = gloo::utils::document();
    if let Some(busy) = document.get_element_by_id("booting") {
        busy.remove();
    }
    let config = Rc::new(config);
    let prerendered = Prerendered::take();
    yew::Renderer::<Shell>::with_props(ShellProps {
        config,
        api,
        env: None,
    })
    .render();
    // Queued after the renderer's first run, which does not hand back to the browser with
    // nodes still to make.
    if let Some(p) = prerendered {
        wasm_bindgen_futures::spawn_local(async move { p.restore() });
    }
}

/// The page each route shows: the shell's own, or one from a page folder (see `pages::lazy`).
pub fn switch(route: Route) -> Html {
    match route.page() {
        Page::Shell(ShellRoute::Home) => html! { <Home /> },
        Page::Shell(ShellRoute::NotFound) => html! { <NotFound /> },
        // Keyed by its path: another page of the same component (another user's, say) is a
        // new page, with its own state and heading focus.
        Page::Folder(part) => {
            let key = route.to_path();
            html! { <PartPage {key} {part} {route} /> }
        }
    }
}

/// The current route's page: its own component, so that a navigation renders only this.
#[function_component]
fn Pages() -> Html {
    switch(use_route())
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub config: Rc<Config>,
    pub api: Api,
    /// The environment when it is known already (the component tests); otherwise the second
    /// stage makes it for `config` and `api`.
    #[prop_or_default]
    pub env: Option<Env>,
}

/// Location and providers, header and routed page. The header and the start page
/// show at once; the second stage (`start`) then brings the environment, the saved draft and
/// the session, which the other pages wait for.
#[function_component]
pub fn Shell(p: &ShellProps) -> Html {
    let location = use_router();
    let locale = use_state(Locale::initial);
    // Whether the whole locale file is in (the first render may have only the first page's
    // part): None while it is being fetched.
    let texts = use_state(|| locale.complete().then_some(true));
    let i18n = use_memo((*locale, *texts), |(l, _)| I18n::new(*l));
    // A locale whose file could not be fetched shows in English: remember what is shown.
    let shown = i18n.locale;
    let env = use_state(|| None::<Env>);
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    // The shell holds the journey but does not read it: typing renders no more than the field.
    let journey = use_state(JourneyStore::default);
    let session = use_reducer(Session::default);
    {
        let (env, failed, journey, session) = (
            env.clone(),
            failed.clone(),
            journey.clone(),
            session.clone(),
        );
        let (config, api, given) = (p.config.clone(), p.api.clone(), p.env.clone());
        use_effect_with(*attempt, move |_| {
            if env.is_some() {
                return; // a retry for the messages: the stage has run
            }
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(stage) = start::load().await else {
                    failed.set(true);
                    return;
                };
                (stage.styles)();
                // Only a change: each render of the shell tells every reader of its context.
                if *failed {
                    failed.set(false);
                }
                let loaded = match &given {
                    Some(e) => e.clone(),
                    None => (stage.env)(config, api.clone()).await,
                };
                journey.dispatch(JourneyAction::Restored(Box::new((stage.restore_journey)())));
                env.set(Some(loaded.clone()));
                session.dispatch(SessionAction::Checked((stage.check_session)(api).await));
                if given.is_none() {
                    env.set(Some((stage.with_domain_list)(loaded).await));
                }
            });
        });
    }
    {
        let (texts, l) = (texts.clone(), *locale);
        use_effect_with(*attempt, move |_| {
            if *texts != Some(true) {
                wasm_bindgen_futures::spawn_local(async move {
                    texts.set(Some(l.fetch_all().await || Locale::En.fetch_all().await));
                });
            }
        });
    }
    use_effect_with(shown, |l| l.apply());
    // After the first render of the header and page, i.e. with their controls in the page;
    // then the other pages' code, while the user reads this one.
    use_effect_with((), |_| {
        stamp_ready();
        Part::prefetch_all();
    });
    // The callbacks handed down stay the same from one render to the next (the shell renders
    // again on each change of what it holds): the header and the page loader are then not
    // rendered again for it.
    let on_lang = {
        let locale = locale.clone();
        use_callback((), move |tag: String, _| {
            if let Some(l) = Locale::from_tag(&tag) {
                let locale = locale.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    l.fetch_all().await;
                    locale.set(l);
                });
            }
        })
    };
    let retry = {
        let attempt = attempt.clone();
        use_callback(*attempt, move |_: (), n| attempt.set(n + 1))
    };
    // Pages show once the environment and their messages are in.
    let started = Started {
        env: (*env).clone().filter(|_| *texts == Some(true)),
        failed: *failed || *texts == Some(false),
        retry,
    };
    let shared = Shared::new((location, (*i18n).clone(), started, session.clone()));
    html! {
        <ContextProvider<Shared> context={shared}>
        <ContextProvider<JourneyStore> context={(*journey).clone()}>
            <Header locale={shown} {on_lang} />
            <main class="main" id="main-content">
                if session.expired {
                    <div class="reauth" role="dialog" aria-label={i18n.t("sign-in-again-heading")}>
                        <PartPage part={Part::Team} route={Route::SignIn} again=true />
                    </div>
                }
                <Pages />
            </main>
            // Last, so that its arrival with the second stage leaves the nodes above as they are.
            { start::loaded().map(|s| (s.keeper)()).unwrap_or_default() }
        </ContextProvider<JourneyStore>>
        </ContextProvider<Shared>>
    }
}

#[derive(Properties, PartialEq)]
struct HeaderProps {
    locale: Locale,
    on_lang: Callback<String>,
}

/// Pages a feature opens in the navigation; features without a page here are listed on the
/// account page instead.
const FEATURE_PAGES: &[(&str, Route, &str)] = &[
    (MANAGE_USERS, Route::Users, "nav-users"),
    (CUSTOMERS, Route::Customers, "customers-heading"),
    (
        INDIRECT_PROVIDERS,
        Route::IndirectProviders,
        "partners-nav-indirect-providers",
    ),
    (
        INDIRECT_RESELLERS,
        Route::IndirectResellers,
        "partners-nav-indirect-resellers",
    ),
];

#[function_component]
fn Header(p: &HeaderProps) -> Html {
    let i18n = use_i18n();
    let started = use_started();
    let session = use_session();
    let nav = use_navigator();
    // A user is signed in only once the second stage has brought the role catalog.
    let features = started
        .env
        .as_ref()
        .map(|env| features(session.user.as_ref(), &env.catalog))
        .unwrap_or_default();
    let route = use_route();
    // The in-browser demo's outbox: only once the second stage (and so the whole locale file)
    // is in, and only when that backend answers. Not on the start page: it is prerendered once
    // for every deployment, and the link would come (or go) as the app takes it over.
    let demo = route != Route::Home
        && started
            .env
            .as_ref()
            .is_some_and(|env| !env.config.uses_http_backend());
    // Signing in from the header comes back to the page it was pressed on (an invitation
    // link, say), as signing in from such a page does.
    let on_sign_in = {
        let nav = nav.clone();
        Callback::from(move |e: MouseEvent| {
            if opens_elsewhere(&e) {
                return;
            }
            e.prevent_default();
            if !matches!(route, Route::Home | Route::SignIn) {
                remember_return();
            }
            nav.push(&Route::SignIn);
        })
    };
    let on_sign_out = {
        let (session, env) = (session.clone(), started.env.clone());
        Callback::from(move |_| {
            // Signed in, so the second stage and its environment are in.
            if let (Some(stage), Some(env)) = (start::loaded(), &env) {
                let (session, sign_out, api) = (session.clone(), stage.sign_out, env.api.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    sign_out(api).await;
                    session.dispatch(SessionAction::SignOut);
                });
            }
            nav.push(&Route::Home);
        })
    };
    let onchange = p.on_lang.reform(|e: Event| event_value(&e));
    // The app has switched on change: the form is for the page before the wasm.
    let onclick = Callback::from(|e: MouseEvent| e.prevent_default());
    html! {
        <header class="header">
            <a class="skip-link" href="#main-content">{ i18n.t("skip-to-content") }</a>
            <div class="header-inner">
                <Link to={Route::Home} classes="header-title">{ i18n.t("app-title") }</Link>
                <nav class="header-nav" aria-label={i18n.t("nav-label")}>
                    <Link to={Route::Welcome}>{ i18n.t("nav-enroll") }</Link>
                    <Link to={Route::Roles}>{ i18n.t("nav-roles") }</Link>
                    if demo { <Link to={Route::Outbox}>{ i18n.t("nav-outbox") }</Link> }
                    { for FEATURE_PAGES.iter().filter(|(f, _, _)| features.iter().any(|g| g == f)).map(|(_, r, label)| html! {
                        <Link to={r.clone()}>{ i18n.t(label) }</Link>
                    }) }
                    if session.operator {
                        <Link to={Route::ReviewQueue}>{ i18n.t("nav-review") }</Link>
                    }
                    if let Some(u) = &session.user {
                        <Link to={Route::Account}>{ i18n.t("nav-account") }<span class="visually-hidden">{ format!(" ({})", u.name) }</span></Link>
                        <button type="button" class="link-button header-link" onclick={on_sign_out}>{ i18n.t("sign-out") }</button>
                    } else {
                        <a href={Route::SignIn.to_path()} onclick={on_sign_in}>{ i18n.t("sign-in") }</a>
                    }
                </nav>
                // A form, so that the prerendered start page's choice works before the wasm has
                // arrived (the server answers `/?lang=` in that language); the app switches on
                // change, in place.
                <form class="language" action="/" method="get">
                    <label for="language-select">{ i18n.t("language-label") }</label>
                    <select id="language-select" name="lang" {onchange}>
                        { for Locale::ALL.iter().map(|l| html! {
                            <option value={l.tag()} lang={l.tag()} selected={*l == p.locale}>{ l.native_name() }</option>
                        }) }
                    </select>
                    <button type="submit" {onclick}>{ i18n.t("language-apply") }</button>
                </form>
            </div>
        </header>
    }
}
