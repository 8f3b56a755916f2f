//! Form state and the async work behind a page, written once: validate-on-submit
//! ([`use_form`]), an action with busy and failure states ([`Form::run`]), a fetch on mount
//! with retry ([`use_fetch`]) and the frame every form page shares ([`FormPage`]).

use crate::api::{Api, Failure};
use crate::components::{Busy, ErrorSummary, SummaryLink};
use crate::env::use_env;
use crate::i18n::{use_i18n, use_title, I18n};
use crate::route::Route;
use crate::router::{use_location, Link, Navigator};
use crate::session::{use_session, Session, SessionAction};
use crate::store::{use_store, Store};
use csp_core::endpoint::Endpoint;
use csp_core::roles::{Role, RoleCatalog};
use csp_core::Report;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;
use yew::prelude::*;

/// Validate-on-submit: nothing shows before the first attempt; after it, errors follow typing.
#[derive(Clone, PartialEq)]
pub struct Form {
    pub count: UseStateHandle<u32>,
    /// Field errors the backend returned (422 / 409), shown until the next submit.
    pub server: UseStateHandle<Report>,
    /// A failed call not tied to a field.
    pub failure: UseStateHandle<Option<Failure>>,
    pub busy: UseStateHandle<bool>,
    /// Told when the backend says the session has ended (401).
    session: UseReducerHandle<Session>,
    /// Told of each failure not tied to a field, where the page's part of the portal gives
    /// failures a meaning of its own.
    on_failure: Option<OnFailure>,
}

/// What a failed action means beyond the page that ran it, for a part of the portal: its pages
/// provide it as context (the enrollment: an applicant's sign-in that has ended is asked for
/// again), and [`Form::run`] tells it of each failure not tied to a field.
#[derive(Clone, PartialEq)]
pub struct OnFailure(pub Callback<Failure>);

#[hook]
pub fn use_form() -> Form {
    Form {
        count: use_state(|| 0),
        server: use_state(Report::default),
        failure: use_state(|| None),
        busy: use_state(|| false),
        session: use_session(),
        on_failure: use_context::<OnFailure>(),
    }
}

/// What a failed call means to the user: a 403 names the roles that can, a 429 how long to wait.
pub fn describe(i18n: &I18n, catalog: &RoleCatalog, f: &Failure) -> String {
    match f {
        Failure::Api(e) if e.status == 403 && e.required_feature.is_some() => {
            let feature = e.required_feature.as_deref().unwrap_or_default();
            let roles: Vec<String> = catalog
                .roles
                .iter()
                .filter(|r| r.features.iter().any(|g| g == feature))
                .filter_map(|r| Role::localized(&r.name, i18n.locale.tag()).cloned())
                .collect();
            i18n.ta("api-forbidden-roles", &[("roles", &i18n.list(&roles))])
        }
        Failure::TooMany(Some(s)) => i18n.ta(f.message_id(), &[("seconds", &s.to_string())]),
        _ => i18n.t(f.message_id()),
    }
}

impl Form {
    /// What the page shows: the live report once submit was pressed, plus the backend's.
    pub fn shown(&self, live: impl FnOnce() -> Report) -> Report {
        let mut r = if *self.count > 0 {
            live()
        } else {
            Report::default()
        };
        r.extend((*self.server).clone());
        r
    }

    /// Like `shown`, but warnings (which never block) appear as soon as they apply: a
    /// doubtful value is pointed out while the user is still on the field.
    pub fn shown_with_warnings(&self, live: impl FnOnce() -> Report) -> Report {
        if *self.count > 0 {
            return self.shown(live);
        }
        let mut r = Report(
            live()
                .0
                .into_iter()
                .filter(|p| p.problem.is_warning())
                .collect(),
        );
        r.extend((*self.server).clone());
        r
    }

    /// Records a submit; returns true when `report` lets the user go on.
    pub fn press(&self, report: &Report) -> bool {
        self.count.set(*self.count + 1);
        self.server.set(Report::default());
        self.failure.set(None);
        !report.has_errors()
    }

    /// Forgets the attempt (a new sub-form starts clean).
    pub fn reset(&self) {
        self.count.set(0);
        self.server.set(Report::default());
        self.failure.set(None);
    }

    /// The general failure's text, for the error summary.
    pub fn general(&self, i18n: &I18n, catalog: &RoleCatalog) -> Option<AttrValue> {
        (*self.failure)
            .as_ref()
            .map(|f| AttrValue::from(describe(i18n, catalog, f)))
    }

    pub fn has_errors(&self, report: &Report) -> bool {
        report.has_errors() || self.failure.is_some()
    }

    /// Runs a backend call with the busy state shown; `done` gets the answer, a failure shows
    /// on its fields or as a message. A second press while busy does nothing.
    pub fn run<T: 'static>(
        &self,
        call: impl Future<Output = Result<T, Failure>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        let form = self.clone();
        self.run_or(call, done, move |r| form.server.set(r));
    }

    /// [`Form::run`], with the backend's field errors handed to `fields` (a page that shows
    /// them elsewhere).
    pub fn run_or<T: 'static>(
        &self,
        call: impl Future<Output = Result<T, Failure>> + 'static,
        done: impl FnOnce(T) + 'static,
        fields: impl FnOnce(Report) + 'static,
    ) {
        if *self.busy {
            return;
        }
        let form = self.clone();
        form.busy.set(true);
        form.failure.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let r = call.await;
            form.busy.set(false);
            match r {
                Ok(v) => done(v),
                Err(f) if !f.field_errors().is_empty() => {
                    form.count.set(*form.count + 1);
                    fields(Report(f.field_errors().to_vec()));
                }
                Err(f) => {
                    if f.session_ended() {
                        form.session.dispatch(SessionAction::Expired);
                    }
                    if let Some(OnFailure(told)) = &form.on_failure {
                        told.emit(f.clone());
                    }
                    form.count.set(*form.count + 1);
                    form.failure.set(Some(f));
                }
            }
        });
    }
}

/// A form's values kept in this tab's session storage while its page is open: a reload (or
/// signing in again after one) loses nothing typed. Leaving the page in the app forgets them,
/// so the next visit starts clean. Never for passwords.
#[hook]
pub fn use_kept<T>(key: String, init: impl FnOnce() -> T) -> UseStateHandle<T>
where
    T: Serialize + DeserializeOwned + PartialEq + Clone + 'static,
{
    use gloo::storage::{SessionStorage, Storage};
    let state = use_state(|| SessionStorage::get(&key).unwrap_or_else(|_| init()));
    {
        let key = key.clone();
        use_effect_with((), move |_| move || SessionStorage::delete(&key));
    }
    use_effect_with((*state).clone(), move |v| {
        let _ = SessionStorage::set(&key, v);
    });
    state
}

/// A backend read: `None` while loading.
pub type Fetched<T> = Option<Result<T, Failure>>;

/// Fetches on mount and whenever `deps` change; the callback fetches again (a Retry button).
#[hook]
pub fn use_fetch<T, D, F, Fut>(deps: D, fetch: F) -> (UseStateHandle<Fetched<T>>, Callback<()>)
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, Failure>> + 'static,
{
    let state = use_state(|| None);
    let round = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((deps, *round), move |(deps, _)| {
            state.set(None);
            let call = fetch(deps.clone());
            wasm_bindgen_futures::spawn_local(async move { state.set(Some(call.await)) });
        });
    }
    let again = Callback::from(move |_| round.set(*round + 1));
    (state, again)
}

/// What a paged list's **Show more** needs: the next page's cursor (none when every row is
/// shown), whether it is being fetched, why it failed, and the callback that fetches it.
#[derive(Clone, PartialEq)]
pub struct More {
    pub next: Option<String>,
    pub busy: bool,
    pub failure: Option<Failure>,
    pub load: Callback<()>,
}

/// A paged list (`csp_core::paging`) as a page shows it: its first page fetched on mount (the
/// callback fetches it again), and [`More`] appending the next page to the rows shown.
/// `fetch` gets the cursor of the page to fetch (none for the first).
#[hook]
pub fn use_paged<T, F, Fut>(fetch: F) -> (UseStateHandle<Fetched<Vec<T>>>, Callback<()>, More)
where
    T: Clone + 'static,
    F: Fn(Option<String>) -> Fut + 'static,
    Fut: Future<Output = Result<csp_core::paging::Page<T>, Failure>> + 'static,
{
    let fetch = std::rc::Rc::new(fetch);
    let next = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<Failure>);
    let (rows, again) = {
        let (next, failure, fetch) = (next.clone(), failure.clone(), fetch.clone());
        use_fetch((), move |_| {
            let (next, failure, call) = (next.clone(), failure.clone(), fetch(None));
            async move {
                let page = call.await?;
                next.set(page.next_cursor);
                failure.set(None);
                Ok(page.items)
            }
        })
    };
    let load = {
        let (rows, next, busy, failure) =
            (rows.clone(), next.clone(), busy.clone(), failure.clone());
        Callback::from(move |_| {
            let (Some(cursor), Some(Ok(shown))) = ((*next).clone(), (*rows).clone()) else {
                return;
            };
            if *busy {
                return;
            }
            busy.set(true);
            let (rows, next, busy, failure) =
                (rows.clone(), next.clone(), busy.clone(), failure.clone());
            let call = fetch(Some(cursor));
            wasm_bindgen_futures::spawn_local(async move {
                match call.await {
                    Ok(page) => {
                        let mut all = shown;
                        all.extend(page.items);
                        rows.set(Some(Ok(all)));
                        next.set(page.next_cursor);
                        failure.set(None);
                    }
                    Err(f) => failure.set(Some(f)),
                }
                busy.set(false);
            });
        })
    };
    let more = More {
        next: (*next).clone(),
        busy: *busy,
        failure: (*failure).clone(),
        load,
    };
    (rows, again, more)
}

#[derive(Properties, PartialEq)]
pub struct ShowMoreProps {
    pub more: More,
}

/// **Show more** under a paged list while rows remain: a button that appends the next page,
/// the busy state while it loads, and what went wrong with Retry.
#[function_component]
pub fn ShowMore(p: &ShowMoreProps) -> Html {
    let i18n = use_i18n();
    let m = &p.more;
    if m.next.is_none() {
        return html! {};
    }
    html! {
        <div class="show-more">
            if let Some(f) = &m.failure {
                <FetchFailed failure={f.clone()} retry={m.load.clone()} />
            } else if m.busy {
                <Busy label={i18n.t("list-loading-more")} />
            } else {
                <button type="button" class="button button--secondary" onclick={m.load.reform(|_| ())}>{ i18n.t("list-show-more") }</button>
            }
        </div>
    }
}

/// A fetched list in its visible states: loading, failed (with Retry), empty (when the page
/// has a text for it), or shown.
pub fn listing<T>(
    fetched: &Fetched<Vec<T>>,
    retry: &Callback<()>,
    loading: String,
    empty: Option<String>,
    show: impl FnOnce(&[T]) -> Html,
) -> Html {
    match (fetched, empty) {
        (None, _) => html! { <Busy label={loading} /> },
        (Some(Err(f)), _) => html! { <FetchFailed failure={f.clone()} retry={retry.clone()} /> },
        (Some(Ok(l)), Some(empty)) if l.is_empty() => html! { <p class="inset">{ empty }</p> },
        (Some(Ok(l)), _) => show(l),
    }
}

/// The one item a page is about, found in a fetched list; or what to show instead: loading,
/// failed (with Retry), or "Page not found" with a link back to the list.
pub fn one_of<L, T>(
    i18n: &I18n,
    fetched: &Fetched<L>,
    retry: &Callback<()>,
    pick: impl FnOnce(&L) -> Option<T>,
    (list, list_name): (Route, String),
) -> Result<T, Html> {
    let instead = match fetched {
        None => html! { <Busy label={i18n.t("loading")} /> },
        Some(Err(f)) => html! { <FetchFailed failure={f.clone()} retry={retry.clone()} /> },
        Some(Ok(l)) => match pick(l) {
            Some(found) => return Ok(found),
            None => html! {
                <>
                    <h1 class="heading">{ i18n.t("not-found-heading") }</h1>
                    <Link to={list}>{ list_name }</Link>
                </>
            },
        },
    };
    Err(html! { <div class="step">{ instead }</div> })
}

/// A confirmation page's action: `op` on the item `id` (no body), then on to the list
/// `then`, which says what was `done`.
pub fn confirm<R: DeserializeOwned + 'static>(
    form: &Form,
    api: &Api,
    nav: &Navigator,
    op: &'static Endpoint<(), R>,
    id: String,
    (then, done): (Route, String),
) -> Callback<()> {
    let (form, api, nav) = (form.clone(), api.clone(), nav.clone());
    Callback::from(move |_| {
        form.press(&Report::default());
        let (api, id, nav) = (api.clone(), id.clone(), nav.clone());
        let (then, done) = (then.clone(), Done(done.clone()));
        let call = async move { api.call(op, &[&id], &()).await };
        form.run(call, move |_| nav.push_with_state(&then, done));
    })
}

/// What an action just did, carried to the page it leads to (in the history entry's memory,
/// so a reload or a later visit does not show it again).
#[derive(Clone, PartialEq)]
pub struct Done(pub String);

/// The confirmation of what was just done, if this page was reached that way; it takes focus
/// so that a screen reader announces it and the keyboard starts from it.
#[function_component]
pub fn DoneNotice() -> Html {
    let done = use_location().state::<Done>();
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(done.clone(), move |d| {
            if d.is_some() {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    match done {
        Some(d) => html! {
            <div class="notice" role="status" tabindex="-1" ref={node}><p>{ d.0.clone() }</p></div>
        },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct FetchFailedProps {
    pub failure: Failure,
    pub retry: Callback<()>,
}

/// A failed read: what went wrong, and Retry.
#[function_component]
pub fn FetchFailed(p: &FetchFailedProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    {
        let ended = p.failure.session_ended();
        use_effect_with(p.failure.clone(), move |_| {
            if ended {
                session.dispatch(SessionAction::Expired);
            }
        });
    }
    html! {
        <>
            <ErrorSummary report={Report::default()} attempt={0} general={AttrValue::from(describe(&i18n, &env.catalog, &p.failure))} />
            <button type="button" class="button button--secondary" onclick={p.retry.reform(|_| ())}>{ i18n.t("retry") }</button>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckingPageProps {
    pub heading: String,
}

/// A page whose link is being checked with the backend: its heading, and busy.
#[function_component]
pub fn CheckingPage(p: &CheckingPageProps) -> Html {
    let i18n = use_i18n();
    use_title(&p.heading, false);
    html! {
        <div class="step">
            <h1 class="heading">{ &p.heading }</h1>
            <Busy label={i18n.t("busy")} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnreachedPageProps {
    pub heading: String,
    pub failure: Failure,
    pub retry: Callback<()>,
}

/// The backend could not be asked whether a link is good (network, timeout, server): the
/// link may well be, so the page says what went wrong and offers Retry under its heading.
#[function_component]
pub fn UnreachedPage(p: &UnreachedPageProps) -> Html {
    use_title(&p.heading, true);
    html! {
        <div class="step">
            <h1 class="heading">{ &p.heading }</h1>
            <FetchFailed failure={p.failure.clone()} retry={p.retry.clone()} />
        </div>
    }
}

/// A form's report as the user types (a journey step's, checked again at each change): the
/// error summary and each field that can read it do so themselves, so the page is not rendered
/// again when it changes, and a field only when its own message does.
pub type LiveReport = Store<Report>;

#[derive(Properties, PartialEq)]
pub struct FormPageProps {
    pub heading: AttrValue,
    pub form: Form,
    /// What the page shows now (usually `form.shown(live)`); with `live`, what it shows besides.
    pub report: Report,
    /// The report as the user types, read by the summary itself.
    #[prop_or_default]
    pub live: Option<LiveReport>,
    pub onsubmit: Callback<()>,
    #[prop_or_default]
    pub back: Option<Route>,
    /// Above the heading ("Step 3 of 9").
    #[prop_or_default]
    pub caption: Option<AttrValue>,
    #[prop_or_default]
    pub submit_label: Option<AttrValue>,
    #[prop_or_default]
    pub busy_label: Option<AttrValue>,
    /// The submit button stays disabled (a box to tick first).
    #[prop_or_default]
    pub submit_disabled: bool,
    /// Where a field's summary link points (the field itself by default).
    #[prop_or_default]
    pub summary_link: Option<SummaryLink>,
    /// Inside the form, above the fields.
    #[prop_or_default]
    pub children: Children,
    /// Below the form (a second action).
    #[prop_or_default]
    pub after: Html,
}

/// The frame of every form page: back link, error summary (focused on each failed submit),
/// caption, heading, the form with its fields, the busy state and the submit button; the
/// document title says "Error:" while the page shows errors.
#[function_component]
pub fn FormPage(p: &FormPageProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    // With a live report, its summary sets the title.
    let titled = if p.live.is_some() { "" } else { &p.heading };
    use_title(titled, p.form.has_errors(&p.report));
    let general = p.form.general(&i18n, &env.catalog);
    let summary = match &p.live {
        Some(live) => html! {
            <LiveSummary live={live.clone()} heading={p.heading.clone()} form={p.form.clone()} also={p.report.clone()} {general} link={p.summary_link} />
        },
        None => html! {
            <ErrorSummary report={p.report.clone()} attempt={*p.form.count} {general} link={p.summary_link} />
        },
    };
    let onsubmit = {
        let cb = p.onsubmit.clone();
        let busy = p.form.busy.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !*busy {
                cb.emit(());
            }
        })
    };
    html! {
        <div class="step">
            if let Some(back) = &p.back { <Link to={back.clone()} classes="back-link">{ i18n.t("back") }</Link> }
            { summary }
            if let Some(c) = &p.caption { <span class="caption">{ c }</span> }
            <h1 class="heading">{ &p.heading }</h1>
            <form novalidate=true {onsubmit}>
                { for p.children.iter() }
                if *p.form.busy { <Busy label={p.busy_label.clone().unwrap_or_else(|| i18n.t("busy").into())} /> }
                <button type="submit" class="button" disabled={*p.form.busy || p.submit_disabled}>
                    { p.submit_label.clone().unwrap_or_else(|| i18n.t("continue").into()) }
                </button>
            </form>
            { p.after.clone() }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LiveSummaryProps {
    live: LiveReport,
    heading: AttrValue,
    form: Form,
    /// Shown besides the live report.
    also: Report,
    general: Option<AttrValue>,
    link: Option<SummaryLink>,
}

/// The error summary and the title of a form page with a live report: rendered again when the
/// report changes, without the page around it.
#[function_component]
fn LiveSummary(p: &LiveSummaryProps) -> Html {
    let live = use_store(&p.live);
    let mut report = (*live).clone();
    report.extend(p.also.clone());
    use_title(&p.heading, p.form.has_errors(&report));
    html! { <ErrorSummary {report} attempt={*p.form.count} general={p.general.clone()} link={p.link} /> }
}
