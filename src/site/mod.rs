//! Stage 2, resolve: turn [`Sources`] into a [`Site`], the model every later
//! stage reads.
//!
//! Here pages get their section, kind and URL; refs in front matter and links in
//! bodies are resolved (every broken one reported at its line and column); the
//! cross-link graph is built in both directions (backlinks, the scenarios that
//! apply a principle, the pages that express a value, `related` both ways);
//! sections are ordered; tracks know their steps and steps their tracks.
//!
//! Every pass is linear in the size of the site: lookups go through hash maps,
//! reverse edges are pushed once per forward edge.

pub mod against;
pub mod checks;
mod links;
mod order;
pub mod refs;
mod tags;

use links::resolve_body_links;
pub use links::{Destination, LinkError};
pub use order::reading_order;
use order::{build_tracks, order_sections};
pub use tags::{RespelledTag, tag_url};
use tags::{build_aliases, build_tags, check_generated_collisions};

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::frontmatter::{Kind, PageMeta, SectionMeta, SortBy};
use crate::load::{Loaded, Meta, SourceFile, Sources, StaticFile};
use crate::markdown::{LinkRef, LinkStyle, Scan};
use refs::{RefError, RefIndex};

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
    /// Its subsections, by weight then title.
    pub subsections: Vec<SectionId>,
    /// Headings and links of its intro.
    pub scan: Scan,
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
}

impl Site {
    /// The site-relative URL path of a target.
    pub fn url(&self, target: Target) -> &str {
        match target {
            Target::Page(p) => &self.pages[p].url,
            Target::Section(s) => &self.sections[s].url,
        }
    }

    /// The title of a target.
    pub fn title(&self, target: Target) -> &str {
        match target {
            Target::Page(p) => &self.pages[p].meta.title,
            Target::Section(s) => &self.sections[s].title,
        }
    }

    /// The headings of a target's body.
    pub fn headings(&self, target: Target) -> &Scan {
        match target {
            Target::Page(p) => &self.pages[p].scan,
            Target::Section(s) => &self.sections[s].scan,
        }
    }

    /// The source file of a target, if it has one.
    pub fn source(&self, target: Target) -> Option<&SourceFile> {
        match target {
            Target::Page(p) => Some(&self.pages[p].source),
            Target::Section(s) => self.sections[s].source.as_ref(),
        }
    }

    /// An `href` for a site-relative URL path: the base path plus the path,
    /// percent-encoded where needed.
    pub fn href(&self, url: &str) -> String {
        let mut href = self.config.base_path();
        href.reserve(url.len());
        href.extend(encode_segments(url));
        href
    }

    /// An `href` for a file shared by every language (an image, a PDF): the
    /// root path plus the path.
    pub fn asset_href(&self, path: &str) -> String {
        let mut href = self.config.root_path();
        href.extend(encode_segments(path));
        href
    }
}

/// Percent-encodes a `/`-separated URL path, segment by segment.
pub fn encode_path(url: &str) -> String {
    encode_segments(url).collect()
}

/// The pieces of `url` percent-encoded; `/` is kept, so the segments are
/// encoded one by one without splitting (runs needing no escape are borrowed).
fn encode_segments(url: &str) -> percent_encoding::PercentEncode<'_> {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'\\')
        .add(b'^')
        .add(b'|')
        .add(b'[')
        .add(b']')
        .add(b'\'');
    utf8_percent_encode(url, SEGMENT)
}

fn parent_folder(ref_path: &str) -> &str {
    ref_path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

fn folder_title(folder: &str) -> String {
    crate::load::readable(folder.rsplit('/').next().unwrap_or(folder))
}

/// Builds the site model from the loaded sources. `drafts` keeps draft pages.
pub fn resolve(config: Config, sources: Sources, drafts: bool) -> (Site, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let mut refs = RefIndex::default();
    let mut sections = make_sections(&config, &sources.folders);
    let folder_ids: HashMap<String, SectionId> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.folder.clone(), i))
        .collect();
    // A page is a large value: growing the list by doubling would copy
    // every page several times over on a large site.
    let mut pages = Vec::with_capacity(sources.files.len());
    for Loaded {
        source, meta, scan, ..
    } in sources.files
    {
        let folder = parent_folder(&source.ref_path).to_string();
        let Some(&section) = folder_ids.get(&folder) else {
            continue;
        };
        match meta {
            Meta::Section(meta) => {
                let s = &mut sections[section];
                if let Some(title) = &meta.title {
                    s.title = title.clone();
                }
                s.meta = meta;
                s.source = Some(source);
                s.scan = scan;
            }
            Meta::Page(meta) if meta.draft && !drafts => refs.insert_draft(&source.ref_path),
            Meta::Page(meta) => {
                let kind = meta
                    .kind
                    .or(sections[section].meta.page_kind)
                    .unwrap_or(Kind::Page);
                pages.push(Page {
                    url: format!("{}/", source.ref_path),
                    href: String::new(),
                    source,
                    meta: *meta,
                    kind,
                    section,
                    scan,
                    principles: Vec::new(),
                    values: Vec::new(),
                    related: Vec::new(),
                    steps: Vec::new(),
                    links_out: Vec::new(),
                    linked_from: Vec::new(),
                    applied_by: Vec::new(),
                    expressed_by: Vec::new(),
                    related_all: Vec::new(),
                    position: 0,
                    prev: None,
                    next: None,
                    tracks: Vec::new(),
                });
            }
        }
    }
    for (id, page) in pages.iter().enumerate() {
        refs.insert(&page.source.ref_path, Target::Page(id));
    }
    for (id, section) in sections.iter().enumerate() {
        refs.insert(&section.key, Target::Section(id));
    }
    // A folder's own page is also named by the file it came from.
    let own_pages = (pages.iter().enumerate())
        .map(|(id, p)| (&p.source, Target::Page(id)))
        .chain(
            (sections.iter().enumerate())
                .filter_map(|(id, s)| Some((s.source.as_ref()?, Target::Section(id)))),
        );
    for (source, target) in own_pages {
        let path = source.file.strip_prefix("content/").unwrap_or(&source.file);
        let path = path.strip_suffix(".md").unwrap_or(path);
        if path != source.ref_path {
            refs.insert_path(path, target);
        }
    }
    let mut site = Site {
        config,
        pages,
        sections,
        tags: BTreeMap::new(),
        respelled_tags: Vec::new(),
        statics: sources.statics,
        reading_order: Vec::new(),
        aliases: BTreeMap::new(),
        refs,
        assets: HashSet::new(),
    };
    site.assets = site.statics.iter().map(|s| s.output_path.clone()).collect();
    fill_hrefs(&mut site);
    check_output_collisions(&site, &mut diagnostics);
    resolve_front_matter(&mut site, &mut diagnostics);
    resolve_body_links(&mut site, &mut diagnostics);
    order_sections(&mut site);
    site.reading_order = reading_order(&site);
    build_reverse_edges(&mut site);
    build_tracks(&mut site);
    build_tags(&mut site);
    check_generated_collisions(&site, &mut diagnostics);
    build_aliases(&mut site, &mut diagnostics);
    check_principle_numbers(&site, &mut diagnostics);
    sort_reverse_edges(&mut site);
    (site, diagnostics)
}

/// Every page's and section's `href`, built once: listings and the sidebar
/// use them thousands of times.
fn fill_hrefs(site: &mut Site) {
    let base = site.config.base_path();
    for p in &mut site.pages {
        p.href = format!("{base}{}", encode_path(&p.url));
    }
    for s in &mut site.sections {
        s.href = format!("{base}{}", encode_path(&s.url));
    }
}

fn make_sections(config: &Config, folders: &[String]) -> Vec<Section> {
    let mut folders: Vec<String> = folders.to_vec();
    if !folders.iter().any(String::is_empty) {
        folders.push(String::new());
    }
    folders.sort();
    folders.dedup();
    let ids: HashMap<&str, SectionId> = folders
        .iter()
        .enumerate()
        .map(|(i, f)| (f.as_str(), i))
        .collect();
    folders
        .iter()
        .map(|folder| Section {
            source: None,
            meta: SectionMeta::default(),
            href: String::new(),
            url: if folder.is_empty() {
                String::new()
            } else {
                format!("{folder}/")
            },
            title: if folder.is_empty() {
                config.title.clone()
            } else {
                folder_title(folder)
            },
            parent: (!folder.is_empty())
                .then(|| ids.get(parent_folder(folder)).copied().unwrap_or(0)),
            key: if folder.is_empty() {
                "_index".to_string()
            } else {
                format!("{folder}/_index")
            },
            folder: folder.clone(),
            pages: Vec::new(),
            subsections: Vec::new(),
            scan: Scan::default(),
            links_out: Vec::new(),
            linked_from: Vec::new(),
            tracks: Vec::new(),
        })
        .collect()
}

/// Two sources mapping to one URL (a static file shadowing a page is found
/// when the output files are assembled).
fn check_output_collisions(site: &Site, diagnostics: &mut Diagnostics) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for s in &site.sections {
        if let Some(src) = &s.source {
            seen.insert(s.url.clone(), &src.file);
        }
    }
    for p in &site.pages {
        if let Some(other) = seen.insert(p.url.clone(), &p.source.file) {
            diagnostics.push(Diagnostic::error(
                &p.source.file,
                0,
                0,
                Code::DuplicateUrl,
                format!("this page and `{other}` both map to the URL /{}", p.url),
            ));
        }
    }
}

fn ref_error(src: &SourceFile, key: &str, name: &str, e: &RefError) -> Diagnostic {
    let (line, col) = src.yaml().locate(key, Some(name));
    let mut d = Diagnostic::error(&src.file, line, col, e.code(), e.message(name));
    if let Some(hint) = e.hint() {
        d = d.with_hint(hint);
    }
    d.with_source(&src.text)
}

fn resolve_front_matter(site: &mut Site, diagnostics: &mut Diagnostics) {
    let kinds: Vec<Kind> = site.pages.iter().map(|p| p.kind).collect();
    for page in &mut site.pages {
        let src = &page.source;
        let mut typed = |key: &str, names: &[String], want: Kind, out: &mut Vec<PageId>| {
            for name in names {
                match site.refs.lookup(name) {
                    Ok(Target::Page(id)) if kinds[id] == want => out.push(id),
                    Ok(Target::Page(id)) if kinds[id] == Kind::Page => {
                        // A page of no particular kind is most likely one whose
                        // `kind:` (or its section's `page_kind`) was left out:
                        // link it as asked, and say how to make it right.
                        out.push(id);
                        let (line, col) = src.yaml().locate(key, Some(name));
                        diagnostics.push(
                            Diagnostic::warning(
                                &src.file,
                                line,
                                col,
                                Code::WrongKind,
                                format!(
                                    "`{key}` names `{name}`, which is a page of no kind, not a {}",
                                    want.as_str()
                                ),
                            )
                            .with_hint(format!(
                                "give it `kind: {}`, or set `page_kind: {}` in its section's _index.md",
                                want.as_str(),
                                want.as_str()
                            ))
                            .with_source(&src.text),
                        );
                    }
                    Ok(other) => {
                        let (line, col) = src.yaml().locate(key, Some(name));
                        let got = match other {
                            Target::Page(id) => format!("a {}", kinds[id].as_str()),
                            Target::Section(_) => "a section".to_string(),
                        };
                        diagnostics.push(
                            Diagnostic::error(
                                &src.file,
                                line,
                                col,
                                Code::WrongKind,
                                format!(
                                    "`{key}` must name {} pages, but `{name}` is {got}",
                                    want.as_str()
                                ),
                            )
                            .with_source(&src.text),
                        );
                    }
                    Err(e) => diagnostics.push(ref_error(src, key, name, &e)),
                }
            }
        };
        let mut principles = Vec::new();
        let mut values = Vec::new();
        typed(
            "principles",
            &page.meta.principles,
            Kind::Principle,
            &mut principles,
        );
        typed("values", &page.meta.values, Kind::Value, &mut values);
        let mut related = Vec::new();
        for name in &page.meta.related {
            match site.refs.lookup(name) {
                Ok(t) => related.push(t),
                Err(e) => diagnostics.push(ref_error(src, "related", name, &e)),
            }
        }
        let mut steps = Vec::new();
        for step in &page.meta.steps {
            match site.refs.lookup(&step.target) {
                Ok(target) => steps.push(TrackStep {
                    target,
                    note: step.note.clone(),
                }),
                Err(RefError::Draft) => {
                    let (line, col) = src.yaml().locate("steps", Some(&step.target));
                    diagnostics.push(
                        Diagnostic::warning(
                            &src.file,
                            line,
                            col,
                            Code::DraftStep,
                            format!(
                                "track step `{}` is a draft; readers will not see it",
                                step.target
                            ),
                        )
                        .with_source(&src.text),
                    );
                }
                Err(e) => diagnostics.push(ref_error(src, "steps", &step.target, &e)),
            }
        }
        principles.dedup();
        values.dedup();
        page.principles = principles;
        page.values = values;
        page.related = related;
        page.steps = steps;
    }
}

fn build_reverse_edges(site: &mut Site) {
    let mut linked_from: Vec<(Target, Target)> = Vec::new();
    for (id, p) in site.pages.iter().enumerate() {
        linked_from.extend(p.links_out.iter().map(|&t| (t, Target::Page(id))));
    }
    for (id, s) in site.sections.iter().enumerate() {
        linked_from.extend(s.links_out.iter().map(|&t| (t, Target::Section(id))));
    }
    linked_from.sort();
    linked_from.dedup();
    for (to, from) in linked_from {
        match to {
            Target::Page(p) => site.pages[p].linked_from.push(from),
            Target::Section(s) => site.sections[s].linked_from.push(from),
        }
    }
    let mut applied: Vec<(PageId, PageId)> = Vec::new();
    let mut expressed: Vec<(PageId, PageId)> = Vec::new();
    let mut related: Vec<(PageId, Target)> = Vec::new();
    for (id, p) in site.pages.iter().enumerate() {
        if p.kind == Kind::Scenario {
            for &t in &p.links_out {
                if let Target::Page(q) = t
                    && site.pages[q].kind == Kind::Principle
                {
                    applied.push((q, id));
                }
            }
        }
        if matches!(p.kind, Kind::Scenario | Kind::Principle) {
            expressed.extend(p.values.iter().map(|&v| (v, id)));
        }
        for &r in &p.related {
            if let Target::Page(q) = r {
                related.push((q, Target::Page(id)));
            }
            related.push((id, r));
        }
    }
    applied.sort();
    applied.dedup();
    expressed.sort();
    expressed.dedup();
    related.sort();
    related.dedup();
    for (principle, scenario) in applied {
        site.pages[principle].applied_by.push(scenario);
    }
    for (value, page) in expressed {
        site.pages[value].expressed_by.push(page);
    }
    for (page, other) in related {
        if other != Target::Page(page) {
            site.pages[page].related_all.push(other);
        }
    }
}

/// Spellings that make the same tag page (`Client care`, `client-care`) are
/// one tag, named as the first page in reading order writes it: two tags
/// with one page would overwrite each other's. `credo check` warns about the
/// other spellings.
fn check_principle_numbers(site: &Site, diagnostics: &mut Diagnostics) {
    for section in &site.sections {
        let mut seen: HashMap<i64, &str> = HashMap::new();
        for &p in &section.pages {
            let page = &site.pages[p];
            if page.kind != Kind::Principle {
                continue;
            }
            if let Some(n) = page.meta.number
                && let Some(other) = seen.insert(n, &page.source.file)
            {
                let (line, col) = page.source.yaml().locate("number", None);
                diagnostics.push(
                    Diagnostic::error(
                        &page.source.file,
                        line,
                        col,
                        Code::DuplicateNumber,
                        format!("principle number {n} is already used by `{other}`"),
                    )
                    .with_source(&page.source.text),
                );
            }
        }
    }
}

/// Lists of other pages (who applies, expresses, links here) read best grouped
/// by kind (principles before scenarios), each group in reading order.
fn sort_reverse_edges(site: &mut Site) {
    let mut position = vec![0; site.pages.len()];
    let mut section_position = vec![0; site.sections.len()];
    for (i, t) in site.reading_order.iter().enumerate() {
        match *t {
            Target::Page(p) => position[p] = i,
            Target::Section(s) => section_position[s] = i,
        }
    }
    let kinds: Vec<Kind> = site.pages.iter().map(|p| p.kind).collect();
    let page_key = |p: &PageId| (kinds[*p], position[*p]);
    let target_key = |t: &Target| match *t {
        Target::Page(p) => (0, kinds[p], position[p]),
        Target::Section(s) => (1, Kind::Page, section_position[s]),
    };
    for page in &mut site.pages {
        page.applied_by.sort_by_key(page_key);
        page.expressed_by.sort_by_key(page_key);
        page.related_all.sort_by_key(target_key);
    }
}

#[cfg(test)]
mod tests {
    use super::encode_path;

    #[test]
    fn paths_are_encoded_segment_by_segment() {
        assert_eq!(encode_path("a b/ü/x#y?/"), "a%20b/%C3%BC/x%23y%3F/");
        assert_eq!(
            encode_path("principles/arrive-early/"),
            "principles/arrive-early/"
        );
        assert_eq!(encode_path(""), "");
    }
}
