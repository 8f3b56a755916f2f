//! The one draft of the enrollment journey, held above the step views (so no value is lost
//! when a step unmounts) and saved to browser storage after every change.

use csp_core::enrollment::Draft;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::prelude::*;

/// Bump when `Draft`'s shape changes: an older saved draft is then dropped, not misread.
const DRAFT_KEY: &str = "csp-portal.draft.v1";

/// What is stored: the draft without bank account numbers (never persisted).
#[derive(Serialize, Deserialize)]
struct Saved {
    draft: Draft,
    /// Kept so that a retry after a reload still creates one application.
    #[serde(default)]
    idempotency_key: Option<String>,
}

/// The draft plus UI state that belongs to the journey, not to one page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Journey {
    pub draft: Draft,
    /// Set by a Change link on "Check your answers": Continue goes back there.
    pub returning_to_check: bool,
    /// A storage write failed (private mode, full quota): the UI says the draft won't survive a reload.
    pub storage_failed: bool,
    /// The key of the submission in progress: the same for every retry of "Enroll now".
    pub idempotency_key: Option<String>,
}

pub enum Action {
    /// Applies an edit to the draft.
    Edit(Box<dyn FnOnce(&mut Draft)>),
    SetReturning(bool),
    SetIdempotencyKey(String),
    /// After a successful submit: the draft is cleared from memory and storage.
    Clear,
}

impl Reducible for Journey {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(f) => {
                f(&mut next.draft);
                next.storage_failed = !save(&next);
            }
            Action::SetReturning(r) => next.returning_to_check = r,
            Action::SetIdempotencyKey(k) => {
                next.idempotency_key = Some(k);
                next.storage_failed = !save(&next);
            }
            Action::Clear => {
                next = Journey::default();
                remove();
            }
        }
        Rc::new(next)
    }
}

/// Saves a non-pristine draft without secrets; returns false when storage refused it.
fn save(j: &Journey) -> bool {
    use gloo::storage::{LocalStorage, Storage};
    if j.draft.is_pristine() {
        remove();
        return true;
    }
    let mut draft = j.draft.clone();
    draft.bank.iban.clear();
    draft.bank.account_number.clear();
    LocalStorage::set(
        DRAFT_KEY,
        &Saved {
            draft,
            idempotency_key: j.idempotency_key.clone(),
        },
    )
    .is_ok()
}

fn remove() {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::delete(DRAFT_KEY);
}

/// The saved draft, if any and if it still reads with this version's schema.
pub fn load() -> Journey {
    use gloo::storage::{LocalStorage, Storage};
    match LocalStorage::get::<Saved>(DRAFT_KEY) {
        Ok(s) => Journey {
            draft: s.draft,
            idempotency_key: s.idempotency_key,
            ..Default::default()
        },
        Err(_) => Journey::default(),
    }
}

pub type JourneyHandle = UseReducerHandle<Journey>;

/// Shorthand for an edit action.
pub fn edit(f: impl FnOnce(&mut Draft) + 'static) -> Action {
    Action::Edit(Box::new(f))
}
