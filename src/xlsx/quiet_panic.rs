//! Catching a panic of the spreadsheet reader without the default hook printing it.
//!
//! calamine indexes untrusted bytes in places, so a malformed file can make it panic; the
//! import catches that and reports the file as corrupt. The default panic hook would still
//! print a message and backtrace to stderr first. A process-wide hook, installed once, wraps
//! whichever hook was there: it stays silent while the current thread is inside
//! [`catch_quietly`], and passes every other panic (other threads, other code) to the previous
//! hook unchanged.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Is this thread inside `catch_quietly`?
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static INSTALL: Once = Once::new();

fn install_hook() {
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic inside it becomes `Err(message)`, printed nowhere.
pub(crate) fn catch_quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was_quiet = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    result.map_err(|payload| panic_message(payload.as_ref()))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_gives_its_message() {
        let r: Result<(), String> = catch_quietly(|| panic!("bad byte at {}", 7));
        assert_eq!(r, Err("bad byte at 7".to_string()));
        assert_eq!(catch_quietly(|| 5), Ok(5));
        // Nested use restores the outer state.
        let outer = catch_quietly(|| {
            let inner: Result<(), String> = catch_quietly(|| panic!("inner"));
            assert!(inner.is_err());
            QUIET.with(Cell::get)
        });
        assert_eq!(outer, Ok(true));
        assert!(!QUIET.with(Cell::get));
    }
}
