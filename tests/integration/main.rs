//! credo's integration tests: the real binary on fixture sites.

mod harness;

mod browser;
mod build;
mod changes;
mod config;
mod copies;
mod errors;
mod flagship;
mod hardening;
mod import;
mod import_docsify;
mod import_docusaurus;
mod import_gitbook;
mod import_hugo;
mod import_jekyll;
mod import_mdbook;
mod import_mkdocs;
mod import_plain;
mod import_shortcodes;
mod import_starlight;
mod import_vitepress;
mod languages;
mod links;
mod lints;
mod model;
mod output;
mod plain;
mod scaffold;
mod search;
mod serve;
mod sidebar;
mod site_urls;
mod theme_words;
mod translations;
