//! The site model: what [`resolve`](super::resolve) builds and every later
//! stage reads. Pages and sections refer to each other by index
//! ([`PageId`], [`SectionId`], [`Target`]), so the model is plain owned data
//! with no references inside it.
//!
//! The passes fill it in: a field is empty until the pass that owns it ran
//! (see the list in `resolve`).

use std::collections::{BTreeMap, HashSet};

use super::refs::RefIndex;
use super::{Destination, RespelledTag};
use crate::config::Config;
use crate::load::frontmatter::{Kind, PageMeta, SectionMeta};
use crate::load::{SourceFile, StaticFile};
use crate::markdown::Scan;

/// Index of a page in [`Site::pages`].
pub type PageId = usize;
/// Index of a section in [`Site::sections`]; 0 is the home page.
pub type SectionId = usize;

/// Something a ref can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A content page.
    Page(PageId),
    /// A section (its `_index`), the home page being section 0.
    Section(SectionId),
}

/// A content page, resolved.
#[derive(Debug, Clone)]
pub struct Page {
    /// The file it came from.
    pub source: SourceFile,
    /// Its front matter.
    pub meta: PageMeta,
    /// Its kind: as written, else the section's `page_kind`, else `page`.
    pub kind: Kind,
    /// Site-relative URL path without the base path (`principles/a/`).
    pub url: String,
    /// The `href` of the page: base path plus the percent-encoded URL path.
    pub href: String,
    /// The section holding it.
    pub section: SectionId,
    /// Headings and internal links of the body.
    pub scan: Scan,
    /// The principles it applies (`principles:`), resolved.
    pub principles: Vec<PageId>,
    /// The values it expresses (`values:`), resolved.
    pub values: Vec<PageId>,
    /// Its own `related` refs, resolved.
    pub related: Vec<Target>,
    /// A track's steps, resolved.
    pub steps: Vec<TrackStep>,
    /// Where each of `scan.links` leads, in the same order (`None`: it does
    /// not resolve, and was reported; a link to a missing heading, also
    /// reported, still leads to its page): each link is resolved once, by
    /// `resolve_body_links`, and read from here by the render stage.
    pub destinations: Vec<Option<Destination>>,
    /// Every target this page links to (body and front matter), sorted, unique.
    pub links_out: Vec<Target>,
    /// Every page or section that links here, sorted, unique.
    pub linked_from: Vec<Target>,
    /// (principles) Scenarios that name it in `principles:` or link to it.
    pub applied_by: Vec<PageId>,
    /// (values) Principles and scenarios that name it in `values:`.
    pub expressed_by: Vec<PageId>,
    /// `related` both ways: its own refs and the pages whose `related` names it.
    pub related_all: Vec<Target>,
    /// Its place in its section's order (0 for the first page).
    pub position: usize,
    /// The previous page in its section's order.
    pub prev: Option<PageId>,
    /// The next page in its section's order.
    pub next: Option<PageId>,
    /// The tracks this page is a step of.
    pub tracks: Vec<TrackPosition>,
}

/// One resolved step of a track.
#[derive(Debug, Clone)]
pub struct TrackStep {
    /// The page or section to read.
    pub target: Target,
    /// The note shown with the step.
    pub note: Option<String>,
}

/// Where a page stands in a track.
#[derive(Debug, Clone)]
pub struct TrackPosition {
    /// The track page.
    pub track: PageId,
    /// 0-based index of the step.
    pub index: usize,
    /// The step before, if any.
    pub prev: Option<Target>,
    /// The step after, if any.
    pub next: Option<Target>,
}

/// A folder under `content/`, with its `_index.md` if it has one.
#[derive(Debug, Clone)]
pub struct Section {
    /// The `_index.md`, if present.
    pub source: Option<SourceFile>,
    /// Its front matter (defaults without `_index.md`).
    pub meta: SectionMeta,
    /// The folder path under `content/` (`""` for the home page).
    pub folder: String,
    /// Its ref path (`principles/_index`, `_index` for home): a stable key.
    pub key: String,
    /// Site-relative URL path (`principles/`, `""` for home).
    pub url: String,
    /// The `href` of the section: base path plus the percent-encoded URL path.
    pub href: String,
    /// The title: from front matter, else the folder name.
    pub title: String,
    /// The parent section (none for home).
    pub parent: Option<SectionId>,
    /// Its pages in the section's order.
    pub pages: Vec<PageId>,
    /// Its subsections: those credo.yaml's `sections` names in that order,
    /// then by weight, then by title.
    pub subsections: Vec<SectionId>,
    /// Its pages and subsections in reading order: when it sorts by weight
    /// and its pages are weighed, a subsection with a weight comes before
    /// the pages with a greater one or none (as an mdBook's SUMMARY puts a
    /// chapter before an appendix); the rest come after its pages.
    pub children: Vec<Target>,
    /// Headings and links of its intro.
    pub scan: Scan,
    /// Where each of `scan.links` leads (see [`Page::destinations`]).
    pub destinations: Vec<Option<Destination>>,
    /// Every target its intro links to.
    pub links_out: Vec<Target>,
    /// Every page or section that links here.
    pub linked_from: Vec<Target>,
    /// The tracks this section is a step of.
    pub tracks: Vec<TrackPosition>,
}

/// The resolved site: the value the render stage reads.
#[derive(Debug, Clone)]
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// Every page, in path order.
    pub pages: Vec<Page>,
    /// Every section; 0 is the home page.
    pub sections: Vec<Section>,
    /// Tag → pages carrying it, in reading order.
    pub tags: BTreeMap<String, Vec<PageId>>,
    /// Each tag as pages write it (trimmed) → its page's URL path
    /// (see [`tag_urls`](super::tag_urls)); read through [`Site::tag_url`].
    pub tag_urls: BTreeMap<String, String>,
    /// Tags a page writes otherwise than the name of their tag page
    /// (`client-care` beside `Client care`), in reading order.
    pub respelled_tags: Vec<RespelledTag>,
    /// Files copied as they are.
    pub statics: Vec<StaticFile>,
    /// Every page and section in reading order (home, then sections depth first).
    pub reading_order: Vec<Target>,
    /// Old URL path (site-relative, no leading `/`) → where it redirects.
    pub aliases: BTreeMap<String, Target>,
    /// The ref index.
    pub refs: RefIndex,
    /// The output path of every file copied as it is, for checking links.
    pub assets: HashSet<String>,
    /// Every translation into the site's other languages, by its file
    /// under `content/` without `.md` (`principles/a.de`), for links to it
    /// (see [`Sources::translations`]).
    ///
    /// [`Sources::translations`]: crate::load::Sources::translations
    pub translations: BTreeMap<String, crate::load::Translation>,
}

impl Site {
    /// The site-relative URL path of a target.
    pub(crate) fn url(&self, target: Target) -> &str {
        match target {
            Target::Page(p) => &self.pages[p].url,
            Target::Section(s) => &self.sections[s].url,
        }
    }

    /// The page or section at the site-relative URL path `url`
    /// (`principles/arrive-early/`; `""` is the home page).
    pub(crate) fn target_at(&self, url: &str) -> Option<Target> {
        let page = self.pages.iter().position(|p| p.url == url);
        let section = || self.sections.iter().position(|s| s.url == url);
        page.map(Target::Page)
            .or_else(|| section().map(Target::Section))
    }

    /// The title of a target.
    pub(crate) fn title(&self, target: Target) -> &str {
        match target {
            Target::Page(p) => &self.pages[p].meta.title,
            Target::Section(s) => &self.sections[s].title,
        }
    }

    /// The headings of a target's body.
    pub(crate) fn headings(&self, target: Target) -> &Scan {
        match target {
            Target::Page(p) => &self.pages[p].scan,
            Target::Section(s) => &self.sections[s].scan,
        }
    }

    /// The source file of a target, if it has one.
    pub(crate) fn source(&self, target: Target) -> Option<&SourceFile> {
        match target {
            Target::Page(p) => Some(&self.pages[p].source),
            Target::Section(s) => self.sections[s].source.as_ref(),
        }
    }
}
