//! Raw HTML in a body: finding `href`/`src`/`srcset`/`poster` values in any
//! text must never panic, each found range must be a slice of that text,
//! and a body holding the text renders with every URL rewritten.
#![no_main]

use credo::markdown::html::urls;
use credo::markdown::{LinkRef, LinkResolver, Resolved, render, scan};
use libfuzzer_sys::fuzz_target;

struct Everything;
impl LinkResolver for Everything {
    fn resolve(&self, link: &LinkRef) -> Option<Resolved> {
        Some(Resolved {
            href: format!("/base/{}", link.target),
            title: String::new(),
        })
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    for range in urls(html) {
        assert!(html.get(range.clone()).is_some(), "{range:?} is not a slice of the text");
    }
    let body = format!("<div>\n{html}\n</div>\n\nand <span>{html}</span>\n");
    let found = scan(&body, false);
    let _ = render(&body, false, &Everything);
    assert!(found.links.iter().all(|l| l.offset <= body.len()));
});
