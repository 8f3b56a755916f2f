//! A value shared below a component, whose readers render again only when what they read of
//! it changes (issue #12: keystroke on a phone). A `use_reducer` or `use_state` handle in a
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
