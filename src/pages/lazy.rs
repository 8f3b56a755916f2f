//! Page folders loaded when first needed. In a release build each folder of
//! `pages/` is its own wasm chunk: the `split` feature marks the split points and
//! `scripts/split-wasm.py` (a Trunk hook) cuts the module there. A chunk is fetched when a
//! route first needs it, and every chunk is fetched once the browser is idle after the first
//! page, so any page opens without waiting. Debug builds (`trunk serve`, the component tests)
//! and builds without the feature call the folders directly.

use crate::components::Busy;
use crate::env::Env;
use crate::i18n::use_i18n;
use crate::route::{Part, Route};
use crate::start::{use_started, LoadFailed};
use csp_core::enrollment::{Context, Draft, PartnerType};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A page folder's entry: the page `route` names among its part's (`again`: the sign-in asked
/// for over a page whose session ended).
pub type Entry = fn(&Route, bool) -> Html;

thread_local! {
    static LOADED: [Cell<Option<Entry>>; Part::ALL.len()] =
        const { [const { Cell::new(None) }; Part::ALL.len()] };
}

/// Each folder's entry: the route, as its part's own, to the folder's dispatch (nothing for
/// another part's, which the shell never hands it).
mod entries {
    use crate::pages;
    use crate::route::{CustomersRoute, EnrollRoute, PartnersRoute, ReviewRoute, Route, TeamRoute};
    use yew::prelude::*;

    pub fn enroll(route: &Route, again: bool) -> Html {
        EnrollRoute::of(route).map_or_else(Html::default, |r| pages::enroll::page(&r, again))
    }

    pub fn team(route: &Route, again: bool) -> Html {
        TeamRoute::of(route).map_or_else(Html::default, |r| pages::team::page(&r, again))
    }

    pub fn customers(route: &Route, again: bool) -> Html {
        CustomersRoute::of(route).map_or_else(Html::default, |r| pages::customers::page(&r, again))
    }

    pub fn partners(route: &Route, again: bool) -> Html {
        PartnersRoute::of(route).map_or_else(Html::default, |r| pages::partners::page(&r, again))
    }

    pub fn review(route: &Route, again: bool) -> Html {
        ReviewRoute::of(route).map_or_else(Html::default, |r| pages::review::page(&r, again))
    }
}

impl Part {
    /// The folder's entry, once loaded (at once in an unsplit build).
    pub fn loaded(self) -> Option<Entry> {
        LOADED
            .with(|l| l[self as usize].get())
            .or_else(|| chunks::built_in(self))
    }

    /// Loads the folder's code (once; a failed fetch is tried again on the next call).
    pub async fn load(self) -> Result<Entry, LoadFailed> {
        if let Some(p) = self.loaded() {
            return Ok(p);
        }
        let p = chunks::load(self).await?;
        LOADED.with(|l| l[self as usize].set(Some(p)));
        Ok(p)
    }

    /// Fetches every folder not loaded yet, one after the other, when the browser is idle.
    pub fn prefetch_all() {
        let run = || {
            wasm_bindgen_futures::spawn_local(async {
                for &part in Part::ALL {
                    let _ = part.load().await;
                }
            })
        };
        let cb = wasm_bindgen::closure::Closure::once_into_js(run);
        let w = gloo::utils::window();
        let idle = js_sys::Reflect::get(&w, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match idle {
            Some(f) => {
                let _ = f.call1(&w, &cb);
            }
            None => {
                let _ = w.set_timeout_with_callback(cb.unchecked_ref());
            }
        }
    }
}

/// The split points: one per folder, each returning the folder's entry.
#[cfg(split_build)]
mod chunks {
    use super::{entries, Entry, Part};
    use crate::pages;
    use crate::route::Route;
    use crate::start::LoadFailed;
    use csp_core::enrollment::{Context, Draft, PartnerType};
    use wasm_split_helpers::{wasm_split, SplitLoaderError};

    #[wasm_split(enroll, fallible)]
    fn enroll() -> Result<Entry, SplitLoaderError> {
        Ok(entries::enroll)
    }
    #[wasm_split(team, fallible)]
    fn team() -> Result<Entry, SplitLoaderError> {
        Ok(entries::team)
    }
    #[wasm_split(customers, fallible)]
    fn customers() -> Result<Entry, SplitLoaderError> {
        Ok(entries::customers)
    }
    #[wasm_split(partners, fallible)]
    fn partners() -> Result<Entry, SplitLoaderError> {
        Ok(entries::partners)
    }
    // In the team folder's chunk: an operator has signed in through it already, and a chunk of
    // its own made the review's code shared with each other folder a chunk of its own too
    // (29 more, whose loader table grew the first load by 0.6 KB gzip).
    #[wasm_split(team, fallible)]
    fn review() -> Result<Entry, SplitLoaderError> {
        Ok(entries::review)
    }

    #[wasm_split(enroll, fallible)]
    fn resume_at(
        draft: &Draft,
        open: &[PartnerType],
        ctx: &Context,
    ) -> Result<Route, SplitLoaderError> {
        Ok(pages::enroll::resume(draft, open, ctx))
    }

    pub async fn resume(
        draft: &Draft,
        open: &[PartnerType],
        ctx: &Context,
    ) -> Result<Route, LoadFailed> {
        resume_at(draft, open, ctx).await.map_err(|_| LoadFailed)
    }

    /// Nothing is in before its chunk is fetched.
    pub fn built_in(_: Part) -> Option<Entry> {
        None
    }

    pub async fn load(part: Part) -> Result<Entry, LoadFailed> {
        match part {
            Part::Enroll => enroll().await,
            Part::Team => team().await,
            Part::Customers => customers().await,
            Part::Partners => partners().await,
            Part::Review => review().await,
        }
        .map_err(|_| LoadFailed)
    }
}

/// One module: every folder is there already.
#[cfg(not(split_build))]
mod chunks {
    use super::{entries, Entry, Part};
    use crate::pages;
    use crate::route::Route;
    use crate::start::LoadFailed;
    use csp_core::enrollment::{Context, Draft, PartnerType};

    pub async fn resume(
        draft: &Draft,
        open: &[PartnerType],
        ctx: &Context,
    ) -> Result<Route, LoadFailed> {
        Ok(pages::enroll::resume(draft, open, ctx))
    }

    /// Every folder is in the module.
    pub fn built_in(part: Part) -> Option<Entry> {
        Some(match part {
            Part::Enroll => entries::enroll,
            Part::Team => entries::team,
            Part::Customers => entries::customers,
            Part::Partners => entries::partners,
            Part::Review => entries::review,
        })
    }

    pub async fn load(part: Part) -> Result<Entry, LoadFailed> {
        built_in(part).ok_or(LoadFailed)
    }
}

/// Where a saved draft resumes (see `pages::enroll::resume`), once the enrollment code is in.
pub async fn resume(
    draft: &Draft,
    open: &[PartnerType],
    ctx: &Context,
) -> Result<Route, LoadFailed> {
    chunks::resume(draft, open, ctx).await
}

#[derive(Properties, PartialEq)]
pub struct PartPageProps {
    pub part: Part,
    pub route: Route,
    #[prop_or_default]
    pub again: bool,
}

/// The page `route` names in `part`: the spinner while its code (and the shell's second
/// stage, see `start`) arrives, a message with a retry if it can't.
#[function_component]
pub fn PartPage(p: &PartPageProps) -> Html {
    let i18n = use_i18n();
    let started = use_started();
    // Re-renders once the chunk is in; counts the attempts, so a retry loads again.
    let attempt = use_state(|| 0u32);
    // The folder whose code could not be fetched: another folder's page, opened after, waits
    // for its own.
    let failed = use_state(|| None::<Part>);
    // Whether this render has the folder's code: decided here, not in the effect, because the
    // idle prefetch may bring the chunk between the two (Yew can let the browser paint before
    // it runs the effects), and a spinner rendered without a load to end it would stay.
    let part = p.part;
    let loaded = part.loaded();
    {
        let (attempt, failed) = (attempt.clone(), failed.clone());
        use_effect_with(
            (part, *attempt, loaded.is_some()),
            move |(part, n, had_code)| {
                let (part, n) = (*part, *n);
                if !had_code {
                    wasm_bindgen_futures::spawn_local(async move {
                        match part.load().await {
                            Ok(_) => attempt.set(n + 1),
                            Err(_) => failed.set(Some(part)),
                        }
                    });
                }
            },
        );
    }
    if let (Some(entry), Some(env)) = (loaded, started.env) {
        return html! {
            <ContextProvider<Env> context={env}>{ entry(&p.route, p.again) }</ContextProvider<Env>>
        };
    }
    if *failed == Some(part) || started.failed {
        let retry = {
            let (attempt, failed, again) = (attempt.clone(), failed.clone(), started.retry);
            Callback::from(move |_| {
                failed.set(None);
                attempt.set(*attempt + 1);
                again.emit(());
            })
        };
        return html! {
            <div class="step">
                <p class="error-summary" role="alert">{ i18n.t("page-load-failed") }</p>
                <button type="button" class="button" onclick={retry}>{ i18n.t("retry") }</button>
            </div>
        };
    }
    html! { <Busy label={i18n.t("busy")} /> }
}
