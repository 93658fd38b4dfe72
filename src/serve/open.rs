//! Which pages are open in a browser: each reload connection (a tab's
//! socket, or an event stream) names the output its page shows, and holds
//! it here for as long as it is connected. A template edit renders these
//! first ([`Builder::preview`](super::rebuild::Builder::preview)), so that
//! the page the author looks at reloads before the thousands nobody has open.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// The outputs open pages show, shared between the server and the rebuild
/// thread.
#[derive(Debug, Clone, Default)]
pub(crate) struct OpenPages {
    inner: Arc<Mutex<Registry>>,
}

#[derive(Debug, Default)]
struct Registry {
    /// Output path → (connections showing it, when the last one opened).
    pages: HashMap<String, (usize, u64)>,
    opened: u64,
}

/// One connection's hold on its page; let go when dropped.
#[derive(Debug)]
pub(crate) struct Held {
    pages: OpenPages,
    page: String,
}

impl OpenPages {
    /// Holds `page` open until the returned guard is dropped.
    pub(crate) fn hold(&self, page: String) -> Held {
        let mut registry = self.lock();
        registry.opened += 1;
        let opened = registry.opened;
        let entry = registry.pages.entry(page.clone()).or_insert((0, 0));
        entry.0 += 1;
        entry.1 = opened;
        Held {
            pages: self.clone(),
            page,
        }
    }

    /// The open outputs, the most recently opened first (the tab an author
    /// just switched to is the one they look at).
    pub(crate) fn list(&self) -> Vec<String> {
        let registry = self.lock();
        let mut pages: Vec<(&String, u64)> = (registry.pages.iter())
            .map(|(page, (_, opened))| (page, *opened))
            .collect();
        pages.sort_by_key(|&(_, opened)| std::cmp::Reverse(opened));
        pages.into_iter().map(|(page, _)| page.clone()).collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Registry> {
        // The registry holds plain counts: a panic elsewhere leaves it whole.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut registry = self.pages.lock();
        if let Some(entry) = registry.pages.get_mut(&self.page) {
            entry.0 -= 1;
            if entry.0 == 0 {
                registry.pages.remove(&self.page);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_open_while_a_connection_holds_it_the_newest_first() {
        let open = OpenPages::default();
        let a = open.hold("a/index.html".into());
        let b = open.hold("b/index.html".into());
        let a_again = open.hold("a/index.html".into());
        assert_eq!(open.list(), ["a/index.html", "b/index.html"]);
        drop(a);
        assert_eq!(open.list(), ["a/index.html", "b/index.html"]);
        drop(a_again);
        assert_eq!(open.list(), ["b/index.html"]);
        drop(b);
        assert!(open.list().is_empty());
    }
}
