//! What the shell shares with every page, as one context: where the user is, the messages, the
//! second stage and the session. They change seldom (a move, the language, the stage's arrival,
//! a sign-in), and each context of its own cost the first load a component's code. The journey,
//! which changes with each keystroke, has a store of its own.
//!
//! The holder names none of the parts' types: each is read through the hook beside its type
//! (`use_location`, `use_i18n`, `use_started`, `use_session`), so those modules need nothing
//! above them. The shell puts the parts in; a component test can put in its own.

use std::any::Any;
use std::rc::Rc;
use yew::prelude::*;

/// A part of the shared context: a value that can tell whether another is the same.
trait Part: Any {
    fn same(&self, other: &dyn Part) -> bool;
}

impl<T: PartialEq + 'static> Part for T {
    fn same(&self, other: &dyn Part) -> bool {
        (other as &dyn Any).downcast_ref::<T>() == Some(self)
    }
}

/// The shared context: one part of each type. Equal while every part is, so that its readers
/// render again only when one of them changes.
#[derive(Clone, Default)]
pub struct Shared(Vec<Rc<dyn Part>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| a.same(&**b))
    }
}

impl Shared {
    /// With `part` added.
    pub fn with<T: PartialEq + 'static>(mut self, part: T) -> Shared {
        self.0.push(Rc::new(part));
        self
    }

    /// The part of type `T`, if there is one.
    pub fn get<T: Clone + 'static>(&self) -> Option<T> {
        self.0
            .iter()
            .find_map(|p| (&**p as &dyn Any).downcast_ref::<T>())
            .cloned()
    }
}

/// The shared part of type `T`; None outside the shell (or a test's context).
#[hook]
pub fn use_shared<T: Clone + 'static>() -> Option<T> {
    use_context::<Shared>().and_then(|s| s.get())
}
