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

/// The parts as the holder keeps them: a tuple of values of distinct types. What depends on
/// the parts' types is here, once for the tuple, and not in each hook that reads a part.
pub trait Parts: Any {
    /// Puts a copy of the part of type `T` into `out`, an empty `Option<T>`, if there is one.
    fn copy_into(&self, out: &mut dyn Any);
}

impl<A, B, C, D> Parts for (A, B, C, D)
where
    A: Clone + 'static,
    B: Clone + 'static,
    C: Clone + 'static,
    D: Clone + 'static,
{
    fn copy_into(&self, out: &mut dyn Any) {
        if let Some(o) = out.downcast_mut::<Option<A>>() {
            o.get_or_insert_with(|| self.0.clone());
        } else if let Some(o) = out.downcast_mut::<Option<B>>() {
            o.get_or_insert_with(|| self.1.clone());
        } else if let Some(o) = out.downcast_mut::<Option<C>>() {
            o.get_or_insert_with(|| self.2.clone());
        } else if let Some(o) = out.downcast_mut::<Option<D>>() {
            o.get_or_insert_with(|| self.3.clone());
        }
    }
}

/// The shared context. A holder is made at each render of the component that provides it,
/// which renders only when a part has changed (the shell: every state it holds is, or makes, a
/// part): two holders are the same context only when they are one, and a new one tells its
/// readers to render again. Comparing the parts instead cost the first load their comparison
/// behind the type erasure.
#[derive(Clone)]
pub struct Shared(Rc<dyn Parts>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Shared {
    pub fn new(parts: impl Parts) -> Shared {
        Shared(Rc::new(parts))
    }
}

/// The part of type `T` of the shell's context, which the shell (or a test's context) put in:
/// read in a hook, `part(use_context())`.
pub fn part<T: 'static>(shared: Option<Shared>) -> T {
    let mut out = None::<T>;
    copy_into(shared, &mut out);
    out.unwrap_or_else(|| outside())
}

fn copy_into(shared: Option<Shared>, out: &mut dyn Any) {
    if let Some(s) = shared {
        s.0.copy_into(out);
    }
}

/// A shared part read outside the shell: a mistake in the code, not the browser's.
#[cold]
fn outside() -> ! {
    panic!("a shared part read outside the shell")
}
