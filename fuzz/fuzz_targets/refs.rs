//! Refs and links: resolving arbitrary names, and classifying arbitrary link
//! destinations, must never panic or escape the site.
#![no_main]

use credo::markdown::classify_link;
use credo::site::Target;
use credo::site::refs::{RefIndex, normalise};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::LinkType;

fuzz_target!(|data: &[u8]| {
    let Ok(name) = std::str::from_utf8(data) else { return };
    let mut index = RefIndex::default();
    index.insert("principles/arrive-early", Target::Page(0));
    index.insert("principles/_index", Target::Section(1));
    index.insert("a/dup", Target::Page(1));
    index.insert("b/dup", Target::Page(2));
    let _ = index.lookup(name);
    if let Some(path) = normalise(name) {
        assert!(!path.split('/').any(|s| s == ".."), "normalised path climbs: {path}");
    }
    for kind in [LinkType::Inline, LinkType::WikiLink { has_pothole: false }] {
        let _ = classify_link(kind, name, 0);
    }
});
