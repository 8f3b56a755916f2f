//! A value shared below a component, whose readers render again only when what they read of
//! it changes (a keystroke on a phone). A `use_reducer` or `use_state` handle in a
//! context renders every consumer again on each change; a keystroke in the journey would then
//! render the shell, the page, its frame and every field. Here the journey's draft renders
//! the input typed in, and a page's live report the messages that changed.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The value and who reads it. Clones share both; the same store is the same context value.
pub struct Store<T>(Rc<Inner<T>>);

/// What a reader is told after a change: the value now.
type Told<T> = Rc<dyn Fn(&Rc<T>)>;

struct Inner<T> {
    value: RefCell<Rc<T>>,
    readers: RefCell<Vec<(u64, Told<T>)>>,
    next_id: Cell<u64>,
}

impl<T> Clone for Store<T> {
    fn clone(&self) -> Self {
        Store(self.0.clone())
    }
}

impl<T: Default> Default for Store<T> {
    fn default() -> Self {
        Store(Rc::new(Inner {
            value: RefCell::default(),
            readers: RefCell::default(),
            next_id: Cell::new(0),
        }))
    }
}

/// A new value alone never renders a provider's consumers again: they read it through hooks.
impl<T> PartialEq for Store<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Store<T> {
    /// The value as it is now.
    pub fn get(&self) -> Rc<T> {
        self.0.value.borrow().clone()
    }

    /// Replaces the value (unless it is the same one) and tells the readers, each deciding
    /// whether to render again.
    pub fn replace(&self, new: Rc<T>) {
        if Rc::ptr_eq(&self.get(), &new) {
            return;
        }
        *self.0.value.borrow_mut() = new;
        // A copy: a reader told may render, and a render may add or drop readers.
        let readers: Vec<_> = self
            .0
            .readers
            .borrow()
            .iter()
            .map(|(_, r)| r.clone())
            .collect();
        // The value now, not `new`: a reader told may have changed it again.
        for r in readers {
            r(&self.get());
        }
    }

    /// Calls `told` after each change until the returned reading is dropped.
    pub fn read(&self, told: impl Fn(&Rc<T>) + 'static) -> Reading<T> {
        let id = self.0.next_id.get();
        self.0.next_id.set(id + 1);
        self.0.readers.borrow_mut().push((id, Rc::new(told)));
        Reading {
            store: self.clone(),
            id,
        }
    }
}

impl<T: PartialEq> Store<T> {
    /// Sets the value; readers are told only if it differs.
    pub fn set(&self, value: T) {
        if *self.get() != value {
            self.replace(Rc::new(value));
        }
    }
}

/// A subscription to a store, ended when dropped (with the component holding it).
pub struct Reading<T> {
    store: Store<T>,
    id: u64,
}

impl<T> Drop for Reading<T> {
    fn drop(&mut self) {
        self.store
            .0
            .readers
            .borrow_mut()
            .retain(|(id, _)| *id != self.id);
    }
}

/// The whole value: the component renders again after every change.
#[hook]
pub fn use_store<T: 'static>(store: &Store<T>) -> Rc<T> {
    let update = use_force_update();
    {
        let store = store.clone();
        use_mut_ref(move || store.read(move |_| update.force_update()));
    }
    store.get()
}

/// What `select` takes from the value: the component renders again only when that changes.
/// `select` may capture what this render knows (the latest one is used).
#[hook]
pub fn use_store_with<T, U, F>(store: &Store<T>, select: F) -> Rc<U>
where
    T: 'static,
    U: PartialEq + 'static,
    F: Fn(&T) -> U + 'static,
{
    type Seen<T, U> = Option<(Rc<dyn Fn(&T) -> U>, Rc<U>)>;
    let update = use_force_update();
    let seen: Rc<RefCell<Seen<T, U>>> = use_mut_ref(|| None);
    let value = Rc::new(select(&store.get()));
    *seen.borrow_mut() = Some((Rc::new(select), value.clone()));
    {
        let (store, seen) = (store.clone(), seen.clone());
        use_mut_ref(move || {
            store.read(move |now| {
                let changed = seen
                    .borrow()
                    .as_ref()
                    .is_some_and(|(select, v)| select(now) != **v);
                if changed {
                    update.force_update();
                }
            })
        });
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn readers_are_told_of_changes_until_their_reading_is_dropped() {
        let store = Store::<(u32, u32)>::default();
        let told = Rc::new(RefCell::new(Vec::new()));
        let reading = {
            let told = told.clone();
            store.read(move |v| told.borrow_mut().push(**v))
        };
        store.set((1, 0));
        store.set((1, 0));
        assert_eq!(
            *told.borrow(),
            [(1, 0)],
            "the same value again is no change"
        );
        drop(reading);
        store.set((2, 0));
        assert_eq!(*told.borrow(), [(1, 0)], "a dropped reading is not told");
        assert_eq!(*store.get(), (2, 0));
    }

    #[derive(Properties, PartialEq)]
    struct ReaderProps {
        store: Store<(u32, u32)>,
        renders: Rc<Cell<u32>>,
    }

    #[function_component]
    fn Reader(p: &ReaderProps) -> Html {
        p.renders.set(p.renders.get() + 1);
        let first = use_store_with(&p.store, |v| v.0);
        html! { <p>{ *first }</p> }
    }

    #[wasm_bindgen_test]
    async fn a_reader_renders_again_only_when_what_it_reads_changes() {
        let document = gloo::utils::document();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let (store, renders) = (Store::<(u32, u32)>::default(), Rc::new(Cell::new(0)));
        let props = ReaderProps {
            store: store.clone(),
            renders: renders.clone(),
        };
        let app = yew::Renderer::<Reader>::with_root_and_props(host.clone(), props).render();
        yew::scheduler::flush().await;
        assert_eq!(renders.get(), 1);
        store.set((0, 5));
        yew::scheduler::flush().await;
        assert_eq!(renders.get(), 1, "a change of what it does not read");
        store.set((7, 5));
        yew::scheduler::flush().await;
        assert_eq!(renders.get(), 2);
        assert_eq!(host.text_content().as_deref(), Some("7"));
        app.destroy();
        yew::scheduler::flush().await;
        store.set((8, 5));
        yew::scheduler::flush().await;
        assert_eq!(renders.get(), 2, "gone with its component");
        host.remove();
    }
}
