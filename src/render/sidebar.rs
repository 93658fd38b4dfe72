//! The built-in sidebar, rendered once for all the pages that show the same
//! one.
//!
//! At 10 000 pages the sidebar is half of a page's bytes, and rendering its
//! loops for every page was a seventh of the build. Yet the pages of one
//! folder list the same entries (the same window of pages, the same open
//! sections): only which entry is the current page differs, and the
//! built-in partial marks it with ` aria-current="page"` right after its
//! `href`. So the partial is rendered once per distinct sidebar with no
//! entry marked, and each content page gets that text with its own entry
//! marked, as `nav.sidebar`, which the built-in partial prints when set. A
//! theme's or site's own sidebar partial is rendered for every page, as
//! before: credo cannot know how it marks the current page.

use super::nav::NavContext;
use super::templates::Templates;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tera::Context;

/// The partial this module makes.
const PARTIAL: &str = "partials/sidebar.html";

/// Where the built-in partial comes from (see [`super::theme`]).
const BUILT_IN: &str = "themes/default/templates/partials/sidebar.html";

/// What the built-in partial writes after the current entry's `href`.
const MARK: &str = " aria-current=\"page\"";

/// How many sidebars are kept: pages are rendered in reading order, a
/// folder after another, so a few suffice; more would only hold memory.
const KEEP: usize = 64;

/// The sidebars made so far in one render of the site.
pub(super) struct Sidebars<'t> {
    templates: &'t Templates,
    made: Mutex<HashMap<u64, Arc<str>>>,
}

impl<'t> Sidebars<'t> {
    /// `None` when the site's sidebar partial is not the built-in one.
    pub(super) fn new(templates: &'t Templates) -> Option<Self> {
        let source = templates.sources.get(PARTIAL)?;
        (source.builtin && source.display == BUILT_IN).then(|| Sidebars {
            templates,
            made: Mutex::new(HashMap::new()),
        })
    }

    /// The sidebar of the content page whose `nav` this is, for
    /// `nav.sidebar`; `None` when it must be rendered with the page (the
    /// partial failed, or the page's entry is not found once exactly).
    pub(super) fn for_page(&self, base: &Context, nav: &mut NavContext<'_>) -> Option<String> {
        let shape = nav.shape();
        let known = self.lock().get(&shape).cloned();
        let unmarked = match known {
            Some(text) => text,
            None => {
                let text: Arc<str> = self.render_unmarked(base, nav)?.into();
                let mut made = self.lock();
                if made.len() >= KEEP {
                    made.clear();
                }
                made.insert(shape, Arc::clone(&text));
                text
            }
        };
        let mut current = None;
        nav.each_mark(|url, marked| {
            if *marked {
                current = Some(url);
            }
        });
        mark(&unmarked, current)
    }

    /// The partial for `nav` with no entry marked and no current URL (a
    /// content page's URL is never a section's or a tool page's, which the
    /// partial compares it with).
    fn render_unmarked(&self, base: &Context, nav: &mut NavContext<'_>) -> Option<String> {
        let mut cleared = Vec::new();
        nav.each_mark(|url, marked| {
            if std::mem::take(marked) {
                cleared.push(url);
            }
        });
        let current_url = std::mem::take(&mut nav.current_url);
        let mut context = base.clone();
        context.insert("nav", &*nav);
        let text = self.templates.render(PARTIAL, &context).ok();
        nav.current_url = current_url;
        nav.each_mark(|url, marked| {
            *marked |= cleared.iter().any(|c| std::ptr::eq(*c, url));
        });
        text
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<str>>> {
        // A panic elsewhere cannot leave the map half-changed.
        self.made.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `unmarked` with the entry linking to `current` marked: its `href` must
/// be there exactly once (`None` otherwise). A page the sidebar does not
/// list leaves it as it is.
fn mark(unmarked: &str, current: Option<&str>) -> Option<String> {
    let Some(url) = current else {
        return Some(unmarked.to_string());
    };
    let mut href = b"href=\"".to_vec();
    tera::escape_html(url, &mut href).ok()?;
    href.push(b'"');
    let href = String::from_utf8(href).ok()?;
    let mut found = memchr::memmem::find_iter(unmarked.as_bytes(), href.as_bytes());
    let at = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let end = at + href.len();
    let mut text = String::with_capacity(unmarked.len() + MARK.len());
    text.push_str(&unmarked[..end]);
    text.push_str(MARK);
    text.push_str(&unmarked[end..]);
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_entry_is_marked_after_its_escaped_href() {
        let unmarked = r#"<a href="/a/">A</a><a href="/b/?x=1&amp;y=2">B</a>"#;
        assert_eq!(
            mark(unmarked, Some("/b/?x=1&y=2")).as_deref(),
            Some(r#"<a href="/a/">A</a><a href="/b/?x=1&amp;y=2" aria-current="page">B</a>"#)
        );
    }

    #[test]
    fn an_entry_found_twice_or_never_is_left_to_the_template() {
        let twice = r#"<a href="/a/">A</a><a href="/a/">A again</a>"#;
        assert_eq!(mark(twice, Some("/a/")), None);
        assert_eq!(mark(twice, Some("/c/")), None);
        // `/a/` must not be found inside `/a/b/`.
        assert_eq!(mark(r#"<a href="/a/b/">B</a>"#, Some("/a/")), None);
        assert_eq!(mark(twice, None).as_deref(), Some(twice));
    }
}
