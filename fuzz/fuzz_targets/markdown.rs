//! Markdown to HTML: scanning and rendering any body, with every link
//! resolving, must never panic or hang; heading ids stay unique. The first
//! byte also picks one of the bundled languages for a fenced block of the
//! rest, so every grammar meets arbitrary text (a grammar that loops must
//! give up within the highlighter's time limit).
#![no_main]

use credo::markdown::highlight::{code_block, languages};
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
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(body) = std::str::from_utf8(rest) else { return };
    for drop_title in [false, true] {
        let found = scan(body, drop_title);
        let mut ids: Vec<&str> = found.headings.iter().map(|h| h.id.as_str()).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate heading ids");
        let _ = render(body, drop_title, &Everything);
    }
    let langs = languages();
    let lang = &langs[usize::from(pick) * 7 % langs.len()];
    let _ = code_block(lang, body);
});
