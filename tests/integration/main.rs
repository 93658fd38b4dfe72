//! credo's integration tests: the real binary on fixture sites.

mod harness;

// `mod browser;` joins once the search index ships search.js (every page loads it).
mod build;
mod errors;
mod hardening;
mod model;
mod output;
mod scaffold;
