//! Markdown to HTML: scanning and rendering any body, with every link
//! resolving, must never panic; heading ids stay unique.
#![no_main]

use credo::markdown::{LinkRef, LinkResolver, Resolved, render, scan};
use libfuzzer_sys::fuzz_target;

struct Everything;
impl LinkResolver for Everything {
    fn resolve(&self, link: &LinkRef) -> Option<Resolved> {
        Some(Resolved {
            href: format!("/{}/", link.target),
            title: link.target.clone(),
        })
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let found = scan(body);
    let mut ids: Vec<&str> = found.headings.iter().map(|h| h.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate heading ids");
    let _ = render(body, &Everything);
});
