//! Stage 2, resolve: turn [`Sources`] into a [`Site`], the model every later
//! stage reads.
//!
//! Here pages get their section, kind and URL; refs in front matter and links in
//! bodies are resolved (every broken one reported at its line and column); the
//! cross-link graph is built in both directions (backlinks, the scenarios that
//! apply a principle, the pages that express a value, `related` both ways);
//! sections are ordered; tracks know their steps and steps their tracks.
//!
//! [`resolve`] is the list of its passes, each in a module named after what
//! it does; [`model`] holds the types they fill in. Every pass is linear in
//! the size of the site: lookups go through hash maps, reverse edges are
//! pushed once per forward edge.

pub(crate) mod against;
pub(crate) mod aliases;
pub mod checks;
pub mod refs;

mod collisions;
mod edges;
mod front_matter;
mod hrefs;
mod links;
mod model;
mod numbers;
mod order;
mod pages;
mod tags;
#[cfg(test)]
pub(crate) mod testing;

pub(crate) use hrefs::encode_path;
pub(crate) use links::Destination;
pub use model::{Page, PageId, Section, SectionId, Site, Target, TrackPosition, TrackStep};
pub(crate) use tags::{RespelledTag, tag_urls};

use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::load::Sources;

/// Builds the site model from the loaded sources. `drafts` keeps draft pages.
pub(crate) fn resolve(config: Config, sources: Sources, drafts: bool) -> (Site, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let mut watch = crate::pipeline::Stopwatch::from_env();
    let mut site = pages::place_pages(config, sources, drafts);
    watch.lap("resolve.place_pages");
    pages::index_refs(&mut site);
    hrefs::fill_hrefs(&mut site);
    collisions::check_output_collisions(&site, &mut diagnostics);
    watch.lap("resolve.index");
    // Each pass below reads what the ones above it filled in: `links_out`
    // counts front-matter refs, tags take the reading order, generated
    // paths and aliases must know the tag pages, a link from the site's
    // root may name an alias, and the reverse edges follow `links_out`.
    front_matter::resolve_front_matter(&mut site, &mut diagnostics);
    watch.lap("resolve.front_matter");
    order::order_sections(&mut site);
    site.reading_order = order::reading_order(&site);
    tags::build_tags(&mut site);
    collisions::check_generated_collisions(&site, &mut diagnostics);
    aliases::build_aliases(&mut site, &mut diagnostics);
    watch.lap("resolve.order_tags_aliases");
    links::resolve_body_links(&mut site, &mut diagnostics);
    watch.lap("resolve.body_links");
    edges::build_reverse_edges(&mut site);
    edges::build_tracks(&mut site);
    numbers::check_principle_numbers(&site, &mut diagnostics);
    edges::sort_reverse_edges(&mut site);
    watch.lap("resolve.edges");
    (site, diagnostics)
}
