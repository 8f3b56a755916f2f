//! The enrollment journey: the one draft (held above the pages, so nothing typed is lost when
//! a page unmounts), the order of its pages, and its storage. The reducer is pure; the shell
//! holds its [`JourneyStore`], restores the draft once its second stage is in (`start`), and
//! the [`Keeper`] it then renders saves it after its changes.

use crate::browser::performance_now;
use crate::route::Route;
use crate::router::{use_location, Navigator};
use crate::store::{use_store, use_store_with, Store};
use csp_core::enrollment::{Draft, Step};
use csp_core::Field;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// Bump when `Draft`'s shape changes: an older saved draft is then dropped, not misread.
const DRAFT_KEY: &str = "csp-portal.draft.v1";

/// How long a saved draft (personal data) is kept after its last change.
pub const DRAFT_KEPT_DAYS: u32 = 30;

/// What is stored: the draft without bank account numbers (never persisted).
#[derive(Serialize, Deserialize)]
struct Saved {
    draft: Draft,
    /// Kept so that a retry after a reload still creates one application.
    #[serde(default)]
    idempotency_key: Option<String>,
    /// When it was saved (ms since the epoch): a draft older than `DRAFT_KEPT_DAYS` is dropped.
    /// Drafts saved before this field existed count from their next save.
    #[serde(default)]
    saved_at: Option<f64>,
    /// The application whose answers the draft holds, when it is one sent back for changes.
    #[serde(default)]
    changing: Option<Changing>,
}

/// An application sent back for changes whose submitted answers the draft holds: "Check your
/// answers" then resubmits it, on the version its answers were read at, instead of enrolling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changing {
    pub id: String,
    pub reference: String,
    pub version: i64,
}

/// The draft plus UI state that belongs to the journey, not to one page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Journey {
    pub draft: Draft,
    /// Set by a Change link on "Check your answers": Continue goes back there.
    pub returning_to_check: bool,
    /// A storage write failed (private mode, full quota): the UI says the draft won't survive a reload.
    pub storage_failed: bool,
    /// The key of the submission in progress: the same for every retry of "Enroll now" (or
    /// of "Resubmit").
    pub idempotency_key: Option<String>,
    pub changing: Option<Changing>,
    /// The saved draft has been read: until then nothing is saved, so a draft not read yet is
    /// never overwritten by an empty one.
    pub restored: bool,
}

pub enum Action {
    /// The journey read from storage (see [`restore`]); ignored once restored.
    Restored(Box<Journey>),
    /// Applies an edit to the draft.
    Edit(Box<dyn FnOnce(&mut Draft)>),
    SetReturning(bool),
    SetIdempotencyKey(String),
    StorageFailed(bool),
    /// Applies an edit to the journey beyond its draft ([`start_changing`],
    /// [`changing_version`]): their code stays with the pages that use them, out of the first
    /// load, which holds this reducer.
    Journey(Box<dyn FnOnce(&mut Journey)>),
    /// After a successful submit: the draft is cleared from memory (and so from storage).
    Clear,
}

impl Reducible for Journey {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Restored(_) if self.restored => return self,
            Action::Restored(j) => {
                next = Journey {
                    restored: true,
                    ..*j
                }
            }
            Action::Edit(f) => f(&mut next.draft),
            Action::SetReturning(r) => next.returning_to_check = r,
            Action::SetIdempotencyKey(k) => next.idempotency_key = Some(k),
            Action::StorageFailed(f) => next.storage_failed = f,
            Action::Journey(f) => f(&mut next),
            Action::Clear => {
                next = Journey {
                    restored: true,
                    ..Journey::default()
                }
            }
        }
        Rc::new(next)
    }
}

/// An application's submitted answers, to change and resubmit: they replace the draft, and
/// each step's Continue leads back to "Check your answers".
pub fn start_changing(draft: Draft, changing: Changing) -> Action {
    Action::Journey(Box::new(move |j| {
        j.draft = draft;
        j.changing = Some(changing);
        j.idempotency_key = None;
        j.returning_to_check = true;
    }))
}

/// The application changed on the backend while its answers were being changed: a resubmit
/// now names this version.
pub fn changing_version(version: i64) -> Action {
    Action::Journey(Box::new(move |j| {
        if let Some(c) = &mut j.changing {
            c.version = version;
        }
    }))
}

/// Shorthand for an edit action.
pub fn edit(f: impl FnOnce(&mut Draft) + 'static) -> Action {
    Action::Edit(Box::new(f))
}

/// The journey, held once by the shell: its readers render again only when what they read
/// of it changes (see `store`).
pub type JourneyStore = Store<Journey>;

impl Store<Journey> {
    /// Applies `action`.
    pub fn dispatch(&self, action: Action) {
        self.replace(self.get().reduce(action));
    }
}

/// The journey as a page read it at this render, and the way to change it.
#[derive(Clone)]
pub struct JourneyHandle {
    value: Rc<Journey>,
    store: JourneyStore,
}

impl JourneyHandle {
    pub fn dispatch(&self, action: Action) {
        self.store.dispatch(action);
    }

    pub fn store(&self) -> &JourneyStore {
        &self.store
    }
}

impl Deref for JourneyHandle {
    type Target = Journey;

    fn deref(&self) -> &Journey {
        &self.value
    }
}

/// Handles compare by the journey they read: equal until it changes.
impl PartialEq for JourneyHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.value, &other.value)
    }
}

/// The store itself, without reading it: for callbacks that read or change the journey when
/// they run.
#[hook]
pub fn use_journey_store() -> JourneyStore {
    use_context::<JourneyStore>().expect("JourneyStore context")
}

/// The whole journey: the component renders again after every change.
#[hook]
pub fn use_journey() -> JourneyHandle {
    let store = use_journey_store();
    let value = use_store(&store);
    JourneyHandle { value, store }
}

/// What `select` takes from the journey: the component renders again only when that changes.
#[hook]
pub fn use_journey_with<T, F>(select: F) -> Rc<T>
where
    T: PartialEq + 'static,
    F: Fn(&Journey) -> T + 'static,
{
    let store = use_journey_store();
    use_store_with(&store, select)
}

/// The callback that writes a typed text into the draft's `field` (one of the draft's text
/// fields, see [`Draft::text_mut`]): the same callback at every render.
#[hook]
pub fn use_draft_setter(field: Field) -> Callback<String> {
    let store = use_journey_store();
    use_memo(field, move |&field| {
        Callback::from(move |v: String| {
            store.dispatch(edit(move |d| {
                if let Some(t) = d.text_mut(field) {
                    *t = v;
                }
            }))
        })
    })
    .as_ref()
    .clone()
}

/// How long typing must pause before the draft is written to storage.
const SAVE_PAUSE_MS: u32 = 400;

/// Keeps the journey in storage once restored (rendered by the shell with its second stage,
/// whose chunk holds the storage code): after its changes when typing pauses (one write per
/// keystroke would cost more than the keystroke's own render on a phone), at once when the
/// draft is cleared or its submission key changes, and whatever is still unsaved when another
/// page opens, when the page is hidden or closed, or when the shell goes away, so nothing
/// typed is lost. Shows nothing.
#[function_component]
pub fn Keeper() -> Html {
    let store = use_journey_store();
    // The journey changed and not saved yet: shared with the store, not a copy of the draft.
    let unsaved = use_mut_ref(|| None::<Rc<Journey>>);
    let pause = use_mut_ref(Pause::default);
    let flush: Rc<dyn Fn()> = {
        let (unsaved, store) = (unsaved.clone(), store.clone());
        Rc::new(move || {
            let taken = unsaved.borrow_mut().take();
            if let Some(j) = taken {
                let failed = !save(&j);
                if failed != store.get().storage_failed {
                    store.dispatch(Action::StorageFailed(failed));
                }
            }
        })
    };
    {
        let (flush, pause) = (flush.clone(), pause.clone());
        // Told of each change without rendering: there is nothing to show. Only the draft and
        // its submission key are saved; a change of anything else is not a change here.
        use_mut_ref(move || {
            let last = RefCell::new(store.get());
            store.read(move |j| {
                let before = last.replace(j.clone());
                let same = j.draft == before.draft
                    && j.idempotency_key == before.idempotency_key
                    && j.changing == before.changing;
                if same || !j.restored || !before.restored {
                    return;
                }
                *unsaved.borrow_mut() = Some(j.clone());
                if j.draft.is_pristine()
                    || j.idempotency_key != before.idempotency_key
                    || j.changing != before.changing
                {
                    pause.borrow_mut().cancel();
                    flush();
                } else {
                    Pause::changed(&pause, flush.clone());
                }
            })
        });
    }
    {
        let flush = flush.clone();
        let path = use_location().path().to_owned();
        use_effect_with(path, move |_| flush());
    }
    use_effect_with((), move |_| {
        use gloo::events::EventListener;
        let on_hide = {
            let flush = flush.clone();
            EventListener::new(&gloo::utils::window(), "pagehide", move |_| flush())
        };
        let on_hidden = {
            let flush = flush.clone();
            EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if gloo::utils::document().hidden() {
                    flush();
                }
            })
        };
        move || {
            drop((on_hide, on_hidden));
            pause.borrow_mut().cancel();
            flush();
        }
    });
    Html::default()
}

/// The wait for a pause in typing: one timer a pause, not one a keystroke (making and clearing
/// a browser timer at each keystroke cost more than the rest of the save's bookkeeping). The
/// timer set at the first change waits, when it fires, for what is left of the pause after the
/// last change. Measured on `performance.now()`: the wall clock may go back, and a pause
/// measured on it could then last hours.
#[derive(Default)]
struct Pause {
    last_change: f64,
    timer: Option<gloo::timers::callback::Timeout>,
}

impl Pause {
    fn changed(this: &Rc<RefCell<Pause>>, then: Rc<dyn Fn()>) {
        let mut p = this.borrow_mut();
        p.last_change = performance_now();
        if p.timer.is_none() {
            drop(p);
            Pause::wait(this, SAVE_PAUSE_MS, then);
        }
    }

    fn wait(this: &Rc<RefCell<Pause>>, ms: u32, then: Rc<dyn Fn()>) {
        let me = this.clone();
        let timer = gloo::timers::callback::Timeout::new(ms, move || {
            // Dropping the timer that is running now is safe: wasm-bindgen frees a closure
            // dropped during its own call once the call returns.
            drop(me.borrow_mut().timer.take());
            let left = me.borrow().last_change + f64::from(SAVE_PAUSE_MS) - performance_now();
            if left >= 1.0 {
                Pause::wait(&me, left as u32, then);
            } else {
                then();
            }
        });
        this.borrow_mut().timer = Some(timer);
    }

    fn cancel(&mut self) {
        self.timer = None;
    }
}

/// Saves a non-pristine draft without secrets; returns false when storage refused it.
fn save(j: &Journey) -> bool {
    use gloo::storage::{LocalStorage, Storage};
    let (draft, key) = (&j.draft, &j.idempotency_key);
    if draft.is_pristine() && key.is_none() && j.changing.is_none() {
        LocalStorage::delete(DRAFT_KEY);
        return true;
    }
    let mut draft = draft.clone();
    draft.bank.iban.clear();
    draft.bank.account_number.clear();
    LocalStorage::set(
        DRAFT_KEY,
        &Saved {
            draft,
            idempotency_key: key.clone(),
            saved_at: Some(js_sys::Date::now()),
            changing: j.changing.clone(),
        },
    )
    .is_ok()
}

/// The saved draft, if any, if it still reads with this version's schema and is younger than
/// `DRAFT_KEPT_DAYS`; one that does not is deleted.
pub fn restore() -> Journey {
    use gloo::storage::{LocalStorage, Storage};
    let max_age_ms = f64::from(DRAFT_KEPT_DAYS) * 86_400_000.0;
    match LocalStorage::get::<Saved>(DRAFT_KEY) {
        Ok(s)
            if s.saved_at
                .is_none_or(|t| js_sys::Date::now() - t <= max_age_ms) =>
        {
            Journey {
                draft: s.draft,
                idempotency_key: s.idempotency_key,
                changing: s.changing,
                ..Default::default()
            }
        }
        _ => {
            LocalStorage::delete(DRAFT_KEY);
            Journey::default()
        }
    }
}

/// The page of each step.
pub fn step_route(s: Step) -> Route {
    match s {
        Step::PartnerType => Route::PartnerType,
        Step::WorkAccount => Route::WorkAccount,
        Step::Mpn => Route::MpnId,
        Step::Legal => Route::LegalProfile,
        Step::Contact => Route::PrimaryContact,
        Step::Support => Route::Support,
        Step::Bank => Route::Bank,
    }
}

/// The pages this draft goes through, from the welcome page to "Check your answers".
pub fn pages(d: &Draft) -> Vec<Route> {
    let mut v = vec![Route::Welcome];
    v.extend(d.steps().into_iter().map(step_route));
    v.push(Route::CheckAnswers);
    v
}

/// The page `delta` away from `route` among a draft's `pages`.
pub fn neighbour(route: &Route, pages: &[Route], delta: isize) -> Route {
    let i = pages.iter().position(|r| r == route).unwrap_or(0) as isize;
    pages[(i + delta).clamp(0, pages.len() as isize - 1) as usize].clone()
}

/// Moves on after a valid Continue: back to "Check your answers" after a Change, else onwards.
pub fn go_next(nav: &Navigator, store: &JourneyStore, from: &Route) {
    let j = store.get();
    if j.returning_to_check && *from != Route::PartnerType {
        store.dispatch(Action::SetReturning(false));
        nav.push(&Route::CheckAnswers);
    } else {
        nav.push(&neighbour(from, &pages(&j.draft), 1));
    }
}
