//! Sites for the passes' unit tests, made from (path under `content/`,
//! text) pairs in memory: each file goes through the same parsing and
//! placing as in a build, and nothing is read from disk.

use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::load::{Listing, Sources};

use super::{PageId, SectionId, Site};

/// The sources of `files`; their front matter must be valid.
pub(crate) fn sources(files: &[(&str, &str)]) -> Sources {
    let read = (files.iter()).map(|(path, text)| crate::load::parse_text(path, text));
    let (sources, diagnostics) = crate::load::assemble(Listing::default(), read);
    assert!(diagnostics.is_empty(), "{}", diagnostics.render_human());
    sources
}

/// `files` resolved with the default configuration, drafts left out.
pub(crate) fn resolve(files: &[(&str, &str)]) -> (Site, Diagnostics) {
    resolve_with(Config::default(), files)
}

/// `files` resolved with `config`, drafts left out.
pub(crate) fn resolve_with(config: Config, files: &[(&str, &str)]) -> (Site, Diagnostics) {
    super::resolve(config, sources(files), false)
}

/// The page whose ref path is `ref_path`.
pub(crate) fn page(site: &Site, ref_path: &str) -> PageId {
    (site.pages.iter())
        .position(|p| p.source.ref_path == ref_path)
        .unwrap_or_else(|| panic!("no page `{ref_path}`"))
}

/// The section of the folder `folder` (`""` for home).
pub(crate) fn section(site: &Site, folder: &str) -> SectionId {
    (site.sections.iter())
        .position(|s| s.folder == folder)
        .unwrap_or_else(|| panic!("no section `{folder}`"))
}

/// Each diagnostic as `file:line:col code: message`, in the order found.
pub(crate) fn lines(diagnostics: &Diagnostics) -> Vec<String> {
    (diagnostics.iter())
        .map(|d| {
            format!(
                "{}:{}:{} {}: {}",
                d.file, d.line, d.column, d.code, d.message
            )
        })
        .collect()
}
