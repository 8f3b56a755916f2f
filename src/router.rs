//! Where the address bar is, and moving elsewhere: the browser's History API, its
//! [`Location`] followed by [`use_router`] (the shell shares it as context, read with
//! [`use_location`] and, as a route, [`use_route`]), with [`Link`] and [`Navigator`] to move.
//! Written here instead of taking yew-router, whose history layer (gloo-history, with serde for its history
//! state and queries) and generic components cost the first load 10.7 KB brotli of a 116 KB
//! main module; the portal needs only paths, one parameter, a query and a state
//! kept in memory.

use crate::route::Route;
use crate::shared::part;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

thread_local! {
    /// What [`Navigator::push_with_state`] carried to each history entry, by entry: in memory,
    /// so a reload or a later visit does not see it.
    static STATES: RefCell<Vec<Rc<dyn Any>>> = const { RefCell::new(Vec::new()) };
    /// Tells this page load's history states from an earlier load's, which the browser keeps.
    static LOAD: f64 = js_sys::Math::random();
}

/// The address bar: path, query and the entry's state.
#[derive(Clone)]
pub struct Location {
    path: Rc<str>,
    query: Rc<str>,
    state: Option<Rc<dyn Any>>,
}

impl PartialEq for Location {
    fn eq(&self, other: &Self) -> bool {
        let same_state = match (&self.state, &other.state) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        self.path == other.path && self.query == other.query && same_state
    }
}

impl Location {
    fn current() -> Location {
        let window = gloo::utils::window();
        let l = window.location();
        // The entry's state, when this page load pushed it: `[load, index]`.
        let state = window
            .history()
            .and_then(|h| h.state())
            .ok()
            .and_then(|s| s.dyn_into::<js_sys::Array>().ok())
            .filter(|a| a.length() == 2 && a.get(0).as_f64() == Some(LOAD.with(|l| *l)))
            .and_then(|a| a.get(1).as_f64())
            .and_then(|i| STATES.with(|s| s.borrow().get(i as usize).cloned()));
        Location {
            path: l.pathname().unwrap_or_default().into(),
            query: l.search().unwrap_or_default().into(),
            state,
        }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query with its `?`, or "".
    pub fn query_str(&self) -> &str {
        &self.query
    }

    /// What the navigation to this entry carried, if it was of type `T`.
    pub fn state<T: 'static>(&self) -> Option<Rc<T>> {
        self.state.clone()?.downcast().ok()
    }
}

/// The location, following the [`Navigator`]'s moves and the browser's back and forward: for
/// the component that shares it as context (the shell; not a component of its own, which
/// would cost the first load its code).
#[hook]
pub fn use_router() -> Location {
    let location = use_state(Location::current);
    {
        let location = location.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                    location.set(Location::current())
                });
            move || drop(listener)
        });
    }
    (*location).clone()
}

/// The current location; the component re-renders when it changes.
#[hook]
pub fn use_location() -> Location {
    part(use_context())
}

/// The location's fragment, without its `#` and trimmed (the link pages' one-time tokens,
/// which need no decoding). Another link pasted into the tab changes only the fragment, and
/// no page loads: the component re-renders with the new one.
#[hook]
pub fn use_fragment() -> String {
    fn now() -> String {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        hash.trim_start_matches('#').trim().to_owned()
    }
    let fragment = use_state(now);
    {
        let fragment = fragment.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    fragment.set(now())
                });
            move || drop(listener)
        });
    }
    (*fragment).clone()
}

/// The route of the current location; the component re-renders when it changes.
#[hook]
pub fn use_route() -> Route {
    Route::of_path(use_location().path())
}

/// Moves to another page: a new history entry, then [`use_router`] hears of it as of the
/// browser's own moves.
#[derive(Clone, PartialEq, Debug)]
pub struct Navigator;

impl Navigator {
    pub fn push(&self, to: &Route) {
        go(&to.to_path(), JsValue::NULL);
    }

    /// Goes to `to` carrying `state` in the new entry (see [`Location::state`]).
    pub fn push_with_state<T: 'static>(&self, to: &Route, state: T) {
        let index = STATES.with(|s| {
            let mut s = s.borrow_mut();
            s.push(Rc::new(state));
            s.len() - 1
        });
        let entry = js_sys::Array::of2(&LOAD.with(|l| *l).into(), &(index as f64).into());
        go(&to.to_path(), entry.into());
    }

    /// Goes to `to` with this query, as an address bar had it (encoded, without its `?`).
    pub fn push_with_query(&self, to: &Route, query: &str) {
        go(&format!("{}?{query}", to.to_path()), JsValue::NULL);
    }
}

fn go(url: &str, state: JsValue) {
    let window = gloo::utils::window();
    if let Ok(h) = window.history() {
        let _ = h.push_state_with_url(&state, "", Some(url));
    }
    if let Ok(e) = web_sys::Event::new("popstate") {
        let _ = window.dispatch_event(&e);
    }
}

/// How a page's code gets the [`Navigator`].
#[hook]
pub fn use_navigator() -> Navigator {
    Navigator
}

/// Whether a click on a link is the browser's to follow: a new tab or window, or not the
/// main button.
pub fn opens_elsewhere(e: &MouseEvent) -> bool {
    e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub classes: Classes,
    /// `button` for a start link that looks like one (it works before the app has run).
    #[prop_or_default]
    pub role: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// A link to another page of the portal, followed without reloading the app.
#[function_component]
pub fn Link(p: &LinkProps) -> Html {
    let onclick = {
        let to = p.to.clone();
        Callback::from(move |e: MouseEvent| {
            if !opens_elsewhere(&e) {
                e.prevent_default();
                Navigator.push(&to);
            }
        })
    };
    html! { <a class={p.classes.clone()} role={p.role.clone()} href={p.to.to_path()} {onclick}>{ p.children.clone() }</a> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_pushed_state_is_its_entry_s_only() {
        Navigator.push_with_state(&Route::UserAdded, "added".to_string());
        let here = Location::current();
        assert_eq!(here.path(), "/users/added");
        assert_eq!(
            here.state::<String>().as_deref().map(String::as_str),
            Some("added")
        );
        assert_eq!(here.state::<u32>(), None, "a state of another type");
        Navigator.push(&Route::Users);
        assert_eq!(Location::current().state::<String>(), None);
        // An entry an earlier page load pushed (the browser keeps it over a reload).
        let earlier = js_sys::Array::of2(&0.5.into(), &0.into());
        let h = gloo::utils::window().history().unwrap();
        h.replace_state_with_url(&earlier, "", Some("/users/added"))
            .unwrap();
        assert_eq!(Location::current().state::<String>(), None);
        Navigator.push_with_query(&Route::AuthorizeProvider, "partnerId=a%20b%26c");
        assert_eq!(Location::current().query_str(), "?partnerId=a%20b%26c");
        Navigator.push(&Route::Home);
    }
}
