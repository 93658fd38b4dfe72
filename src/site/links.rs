//! Links in bodies: each internal link resolved against the site (a page, a
//! section at a heading, or a file copied as it is), every broken one
//! reported at its line and column, and each page's outgoing links kept.

use rayon::prelude::*;

use super::refs::{self, RefError};
use super::{Site, Target};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::SourceFile;
use crate::markdown::{LinkRef, LinkStyle, Scan};

impl Site {
    /// Resolves an internal link written in `from`'s body.
    pub(crate) fn resolve_link(
        &self,
        from: Target,
        link: &LinkRef,
    ) -> Result<Destination, LinkError> {
        let target = match link.style {
            LinkStyle::Wiki => self.refs.lookup(&link.target).map_err(LinkError::Ref)?,
            LinkStyle::Fragment => from,
            LinkStyle::Relative => match self.resolve_relative(from, link)? {
                Destination::Page { target, .. } => target,
                asset => return Ok(asset),
            },
            LinkStyle::Root => match self.resolve_from_root(link)? {
                Destination::Page { target, .. } => target,
                asset => return Ok(asset),
            },
            LinkStyle::Content => {
                let path =
                    refs::normalise(&link.target).ok_or(LinkError::Ref(RefError::Escapes))?;
                match self.resolve_path(path, link)? {
                    Destination::Page { target, .. } => target,
                    asset => return Ok(asset),
                }
            }
        };
        let scan = self.headings(target);
        if let Some((anchor, hint)) = missing_anchor(
            link,
            |id| scan.has_anchor(id),
            || scan.anchor_ids().collect(),
        ) {
            return Err(LinkError::MissingAnchor {
                lead: Destination::Page {
                    target,
                    anchor: Some(anchor.clone()),
                },
                anchor,
                page: self
                    .source(target)
                    .map_or_else(|| self.url(target).to_string(), |s| s.file.clone()),
                hint,
            });
        }
        Ok(Destination::Page {
            target,
            anchor: link.anchor.clone().filter(|a| !a.is_empty()),
        })
    }

    /// A relative URL written in `from`'s file: a `.md` file, a folder or a
    /// path without extension names a page; anything else, a file copied
    /// from `content/` or `static/`.
    fn resolve_relative(&self, from: Target, link: &LinkRef) -> Result<Destination, LinkError> {
        let dir = self.source(from).map_or("", SourceFile::folder);
        let path = refs::normalise(&format!("{dir}/{}", link.target))
            .ok_or(LinkError::Ref(RefError::Escapes))?;
        self.resolve_path(path, link)
    }

    /// A URL from the site's root (`/policies/refunds.md`, the `/` gone):
    /// a page or file of `content/` as a relative link names it, a page by
    /// one of its `aliases` (its old URL), or one of credo's generated
    /// pages or files (`/tags/`, `/handbook.json`, `/style.css`), all given
    /// the base path. One naming nothing of the
    /// site is left as written, unchecked.
    fn resolve_from_root(&self, link: &LinkRef) -> Result<Destination, LinkError> {
        let elsewhere = || LinkError::Elsewhere;
        let path = refs::normalise(&link.target).ok_or_else(elsewhere)?;
        match self.resolve_path(path.clone(), link) {
            Ok(destination) => return Ok(destination),
            Err(e @ LinkError::MissingAnchor { .. }) => return Err(e),
            Err(_) => {}
        }
        // An old URL of a page (`aliases:`) names the page itself.
        let alias = [format!("{path}/"), path.clone()]
            .into_iter()
            .find_map(|old| self.aliases.get(&old));
        if let Some(&target) = alias {
            return Ok(Destination::Page {
                target,
                anchor: None,
            });
        }
        if self.refs.is_draft(&path) {
            return Err(self.missing(&path, path.clone()));
        }
        match self.generated_output(&path) {
            Some(output) => Ok(Destination::Asset(output)),
            // No host serves a Markdown file as a page: `/x.md` names a
            // page of `content/` or nothing.
            None => match path
                .strip_suffix(".md")
                .or_else(|| other_markdown_stem(&path))
            {
                Some(page) => Err(self.missing(page, path.clone())),
                None => Err(elsewhere()),
            },
        }
    }

    /// What credo writes that the URL `path` from the root names, as its
    /// output path: a file keeps its name (`handbook.json`, `llms.txt`, a
    /// built-in theme's `style.css`, a part of the search index), a
    /// generated page is its folder (`tags`, and `tags/index.html` as
    /// `x/index.html` names a folder's page: `tags/`). Each language has
    /// its own, in its folder (`de/tags/`), but for the theme's files,
    /// which all share at the root. Read from the table of outputs.
    fn generated_output(&self, path: &str) -> Option<String> {
        use crate::outputs::{Family, find};
        let shared = crate::render::theme::builtin_static_names()
            .binary_search(&path)
            .is_ok()
            || find(path).is_some_and(crate::outputs::Output::shared);
        if shared {
            return Some(path.to_string());
        }
        let file = find(path).is_some_and(|o| !o.path.ends_with("/index.html"))
            || (self.config.search && Family::of(path) == Some(Family::SearchIndex));
        let output = if file {
            path.to_string()
        } else {
            let folder = format!("{}/", path.strip_suffix("/index.html").unwrap_or(path));
            super::collisions::generated_path(self, &folder).map(|_| folder)?
        };
        let root = self.config.root_path();
        let language = self.config.base_path();
        let language = language.strip_prefix(root.as_str()).unwrap_or_default();
        Some(format!("{language}{output}"))
    }

    /// The page, section or file at `path` under `content/`, which `link`
    /// names (its anchor is checked here only for a translation, whose
    /// page is in another language's site).
    fn resolve_path(&self, path: String, link: &LinkRef) -> Result<Destination, LinkError> {
        let page = |target| {
            Ok(Destination::Page {
                target,
                anchor: None,
            })
        };
        // `x.mdx`: a Docusaurus page, which `credo import` renamed `x.md`, as
        // it did `x.markdown` and `x.MD`.
        let unless_a_file = |_: &&str| !self.assets.contains(&path);
        let markdown =
            (path.strip_suffix(".md")).or_else(|| other_markdown_stem(&path).filter(unless_a_file));
        if let Some(stem) = markdown {
            return match self.refs.lookup_path(stem) {
                Some(target) => page(target),
                // A `.md` file of `static/`, copied as it is.
                None if self.assets.contains(&path) => Ok(Destination::Asset(path)),
                None => match self.folder_page(stem) {
                    Some(target) => page(target),
                    None => (self.translation(stem, link))
                        .unwrap_or_else(|| Err(self.missing(stem, path.clone()))),
                },
            };
        }
        // `x.html`: the page another generator made of `x.md` (mdBook and
        // Jekyll links name it so), when there is one and no such file; and
        // `x/index.html` the page of the folder `x`.
        let html = (path.strip_suffix(".html").filter(unless_a_file)).and_then(|stem| {
            self.refs
                .lookup_path(stem)
                .or_else(|| self.folder_page(stem))
        });
        if let Some(target) = html {
            return page(target);
        }
        if let Some(target) = self.refs.lookup_path(&path) {
            return Ok(Destination::Page {
                target,
                anchor: None,
            });
        }
        if path.is_empty() {
            return Ok(Destination::Page {
                target: Target::Section(0),
                anchor: None,
            });
        }
        if self.assets.contains(&path) {
            return Ok(Destination::Asset(path));
        }
        let folder = format!("{path}/");
        // An exported report (`report/index.html`): the host serves it.
        if self.assets.contains(&format!("{folder}index.html")) {
            return Ok(Destination::Asset(folder));
        }
        if self.assets.iter().any(|a| a.starts_with(&folder)) {
            return Ok(Destination::Folder(folder));
        }
        Err(self.missing(&path, path.clone()))
    }

    /// A link to a translation (`a.de.md`, `page` being `a.de`) from a page
    /// of another language: the page in its original's place in the site
    /// of its language (`/de/a/`), where its original stands in while it
    /// is a draft. `None` when `page` is no translation.
    fn translation(&self, page: &str, link: &LinkRef) -> Option<Result<Destination, LinkError>> {
        let translation = self.translations.get(page)?;
        let original = &translation.original;
        let Some(target) = self.refs.lookup_path(original) else {
            return Some(Err(self.missing(original, format!("{original}.md"))));
        };
        let lead = Destination::Asset(format!("{}/{}", translation.code, self.url(target)));
        // A draft translation's page shows its original, headings and all.
        let own = translation.anchors.as_deref();
        let scan = self.headings(target);
        let shown = if own.is_some() { page } else { original };
        let has =
            |id: &str| own.map_or_else(|| scan.has_anchor(id), |ids| ids.iter().any(|a| a == id));
        let ids = || match own {
            Some(ids) => ids.iter().map(String::as_str).collect(),
            None => scan.anchor_ids().collect(),
        };
        Some(match missing_anchor(link, has, ids) {
            Some((anchor, hint)) => Err(LinkError::MissingAnchor {
                lead,
                anchor,
                page: format!("{}{shown}.md", self.config.content_prefix),
                hint,
            }),
            None => Ok(lead),
        })
    }

    /// The page at the folder `x/` that the path `stem` (without its
    /// extension) names as the folder's own file, whichever file that page
    /// came from: `x/_index`, `x/index` and `x/README` each name the page
    /// of `x/` (mdBook makes `index.html` of a README.md, Hugo of an
    /// `_index.md`), a bare `README` or `index` the home page. `None` for
    /// another stem, or a folder without a page.
    fn folder_page(&self, stem: &str) -> Option<Target> {
        let (folder, name) = stem.rsplit_once('/').unwrap_or(("", stem));
        crate::load::own_page_rank(name)?;
        match folder {
            "" => Some(Target::Section(0)),
            _ => self.refs.lookup_path(folder),
        }
    }

    /// Why no page or file is at `path` (`page`, the page it would be).
    fn missing(&self, page: &str, path: String) -> LinkError {
        if self.refs.is_unreadable(page) {
            return LinkError::Ref(RefError::Unreadable);
        }
        if self.refs.is_draft(page) {
            let folder = self.refs.is_draft_folder(page);
            return LinkError::Draft { path, folder };
        }
        LinkError::MissingFile(path.clone(), self.why_missing(&path))
    }

    /// The page or file in the folder of a missing `path` whose name is
    /// nearest its own (`guide/refunds.md` for `guide/refund.md`), by its
    /// path under content; `None` when none is near enough to be a slip.
    fn near_name(&self, path: &str) -> Option<String> {
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
        if name.is_empty() || name == "." || name == ".." {
            return None;
        }
        // A link without an extension names a page.
        let wanted = match name.contains('.') {
            true => name.to_string(),
            false => format!("{name}.md"),
        };
        fn folder_of(p: &str) -> &str {
            p.rsplit_once('/').map_or("", |(f, _)| f)
        }
        // The pages' own files (a bundle's page is `kit/index.md`, not
        // `kit.md`), and the other files.
        let prefix = self.config.content_prefix;
        let sources = (self.pages.iter().map(|p| &p.source))
            .chain(self.sections.iter().filter_map(|s| s.source.as_ref()))
            .map(|source| source.file.strip_prefix(prefix).unwrap_or(&source.file));
        let near_in_length = |own: &str| own.len().abs_diff(wanted.len()) <= 3;
        sources
            .chain(self.assets.iter().map(String::as_str))
            .filter(|candidate| folder_of(candidate) == folder)
            .filter_map(|candidate| {
                let own = candidate.rsplit('/').next().unwrap_or(candidate);
                // A name a slip away is about as long: cheap to rule out.
                near_in_length(own)
                    .then(|| (strsim::jaro_winkler(&wanted, own), candidate.to_string()))
            })
            .filter(|(score, _)| *score >= 0.93)
            // The nearest; of equals, the first by name, as every run.
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
            .map(|(_, candidate)| candidate)
    }

    /// What is near a missing `path`: a page or file of a name close to
    /// its own, the page or file in another case
    /// (`sub/A.md` for `sub/a.md`, which a case-blind disk forgave), or a
    /// hidden folder on the way, which credo does not publish.
    fn why_missing(&self, path: &str) -> Option<String> {
        // In a flat site these top folders are credo's, not pages'.
        let top = path.split('/').next().unwrap_or_default();
        if self.config.content_prefix.is_empty() && ["static", "templates", "themes"].contains(&top)
        {
            return Some(format!(
                "{top}/ at the top of a site without content/ is credo's own folder, not pages: rename it (`{top}-pages/`), or move the pages into content/"
            ));
        }
        if path
            .split('/')
            .any(|s| s.starts_with('.') && s != "." && s != "..")
        {
            return Some(
                "credo publishes no file or folder whose name starts with `.` (`.github/`): move it, or link to it where the repository is hosted".into(),
            );
        }
        let page = path.strip_suffix(".md").unwrap_or(path);
        let twin = (self.refs.path_in_other_case(page))
            .map(|p| match path.ends_with(".md") {
                true => format!("{p}.md"),
                false => p.to_string(),
            })
            .or_else(|| {
                (self.assets.iter())
                    .filter(|a| a.eq_ignore_ascii_case(path) && *a != path)
                    .min()
                    .cloned()
            });
        // The same name in another case before a name one slip away.
        let Some(twin) = twin else {
            let near = self.near_name(path)?;
            return Some(format!(
                "{}{near} is there: did you mean it? (a link names a file by its exact name)",
                self.config.content_prefix
            ));
        };
        Some(format!(
            "{}{twin} is there, in another case: write the name as the file has it (a host's disk tells case apart)",
            self.config.content_prefix
        ))
    }
}

/// The anchor of `link` (as written) and a hint, when it names no place on
/// the page it leads to, whose ids are `has` (and, for the hint, `ids`).
fn missing_anchor<'a>(
    link: &LinkRef,
    has: impl Fn(&str) -> bool,
    ids: impl FnOnce() -> Vec<&'a str>,
) -> Option<(String, String)> {
    let anchor = link.anchor.as_deref().filter(|a| !a.is_empty())?;
    // `#%C3%BCber-uns` names `#über-uns`, as in a browser.
    let decoded = percent_encoding::percent_decode_str(anchor).decode_utf8_lossy();
    // `#top` without such an id is the top of the page, by the HTML
    // standard: READMEs end with "Back to top" links.
    let top = crate::markdown::names_page_top(&decoded);
    // `x.md?plain=1#L3`: GitHub's source view, at a line.
    let source_line =
        link.query.as_deref().is_some_and(|q| q.contains("plain=1")) && is_line_anchor(&decoded);
    if has(anchor) || has(&decoded) || top || source_line {
        return None;
    }
    Some((anchor.to_string(), anchor_hint(&decoded, &ids())))
}

/// The closest heading id to `anchor`: the same id in another case first
/// (GitHub-style ids are lower case), else the nearest spelling.
fn anchor_hint(anchor: &str, ids: &[&str]) -> String {
    let close = (ids
        .iter()
        .find(|id| id.eq_ignore_ascii_case(anchor))
        .copied())
    .or_else(|| crate::diagnostic::did_you_mean(anchor, ids));
    if let Some(id) = close {
        return format!("did you mean `#{id}`?");
    }
    const SHOWN: usize = 8;
    match ids {
        [] => "the page has no headings: link to the page itself".to_string(),
        _ => {
            let mut list: Vec<String> = ids
                .iter()
                .take(SHOWN)
                .map(|id| format!("`#{id}`"))
                .collect();
            if ids.len() > SHOWN {
                list.push(format!("and {} more", ids.len() - SHOWN));
            }
            format!(
                "its heading ids are {} (a heading's text, lower case, spaces as `-`, as GitHub makes them)",
                list.join(", ")
            )
        }
    }
}

/// Where an internal link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A page or section, at a heading when `anchor` is given.
    Page {
        /// The page or section.
        target: Target,
        /// The heading id.
        anchor: Option<String>,
    },
    /// A file copied as it is: its path in the output.
    Asset(String),
    /// A folder of such files without a page of its own (`files/`).
    Folder(String),
}

impl LinkError {
    /// Where the link leads all the same: a lint level only changes how
    /// its finding is reported (`lints: {broken-anchor: warning}`), so a
    /// link to a page without that heading is still written to the page.
    /// Anything else leads nowhere of this build, and is left as written.
    fn lead(self) -> Option<Destination> {
        match self {
            LinkError::MissingAnchor { lead, .. } => Some(lead),
            _ => None,
        }
    }
}

/// Why a body link did not resolve.
#[derive(Debug, Clone)]
pub(crate) enum LinkError {
    /// A `[[ref]]` that does not resolve.
    Ref(RefError),
    /// A relative link to a page or file that is not there (its path under
    /// `content/`).
    MissingFile(String, Option<String>),
    /// A relative link to a draft page, which this build leaves out.
    Draft {
        path: String,
        /// The path is a folder of drafts alone, which is no section.
        folder: bool,
    },
    /// A link from the root that names nothing of the site: not checked.
    Elsewhere,
    /// The page exists, the heading does not.
    MissingAnchor {
        /// Where the link still leads: the page at that anchor.
        lead: Destination,
        /// The anchor as written.
        anchor: String,
        /// The target's file.
        page: String,
        /// The closest heading id, or the ids there are.
        hint: String,
    },
}

/// The diagnostic for a broken link; `prefix` is how the site root shows
/// content files (`content/`).
fn link_diagnostic(src: &SourceFile, link: &LinkRef, e: &LinkError, prefix: &str) -> Diagnostic {
    let (line, col) = src.body_position(link.offset);
    let written = match (&link.style, &link.anchor) {
        (LinkStyle::Fragment, Some(a)) => format!("#{a}"),
        (LinkStyle::Content, Some(a)) => format!("@/{}#{a}", link.target),
        (LinkStyle::Content, None) => format!("@/{}", link.target),
        (_, Some(a)) => format!("{}#{a}", link.target),
        (_, None) => link.target.clone(),
    };
    let d = match e {
        // A Markdown link is read from its file's folder (`@/`, from the top
        // of content/), not as a ref is.
        LinkError::Ref(RefError::Escapes) if link.style != LinkStyle::Wiki => Diagnostic::error(
            &src.file,
            line,
            col,
            RefError::Escapes.code(),
            format!("link to `{written}` leaves content/; links name pages and files of the site"),
        )
        .with_hint(match link.style {
            LinkStyle::Content => "after `@/`, a path is read from the top of content/: drop the `../`",
            _ => "a relative link is read from its file's folder: count the `../` again, or put the file inside content/ (static/ for other files)",
        }),
        LinkError::Ref(r) => {
            let d = Diagnostic::error(&src.file, line, col, r.code(), r.message(&written));
            match r.hint() {
                Some(h) => d.with_hint(h),
                None => d,
            }
        }
        LinkError::MissingFile(path, why) => Diagnostic::error(
            &src.file,
            line,
            col,
            Code::BrokenLink,
            missing_file_message(&written, &format!("{prefix}{path}")),
        )
        .with_hint(why.clone().unwrap_or_else(|| {
            match link.style {
                LinkStyle::Content => {
                    "fix the path (after `@/`, it is from the top of content/), or add the missing page or file"
                }
                LinkStyle::Root => {
                    "fix the path (from `/`, it is from the top of content/), or add the missing page"
                }
                _ => "fix the path (it is relative to this file's folder), or add the missing page or file",
            }
            .to_string()
        })),
        // Never reported (see `resolve_body_links`); said plainly if it is.
        LinkError::Elsewhere => Diagnostic::error(
            &src.file,
            line,
            col,
            Code::BrokenLink,
            format!("link to `{written}`: nothing of the site is there"),
        ),
        LinkError::Draft { path, folder } => {
            let (what, which) = if *folder {
                ("holds only draft pages", "one of them")
            } else {
                ("is a draft page", "that page")
            };
            Diagnostic::error(
                &src.file,
                line,
                col,
                Code::BrokenLink,
                format!("link to `{written}`: {prefix}{path} {what}, which this build leaves out"),
            )
            .with_hint(format!(
                "build with --drafts, or remove `draft: true` from {which}"
            ))
        }
        LinkError::MissingAnchor {
            anchor, page, hint, ..
        } => Diagnostic::error(
            &src.file,
            line,
            col,
            Code::BrokenAnchor,
            format!("link to `{written}`: {page} has no heading with id `{anchor}`"),
        )
        .with_hint(hint.clone()),
    };
    d.with_source(&src.text)
}

/// A link to a folder of files: it leads somewhere only where the host lists
/// folders.
fn folder_warning(src: &SourceFile, link: &LinkRef, folder: &str, prefix: &str) -> Diagnostic {
    let (line, col) = src.body_position(link.offset);
    Diagnostic::warning(
        &src.file,
        line,
        col,
        Code::FolderLink,
        format!(
            "link to `{}`: {prefix}{folder} holds files but no page of its own; readers get the host's folder listing, if it gives one",
            link.target,
        ),
    )
    .with_hint("link to one of its files, or give the folder a page (README.md, index.md or _index.md)")
    .with_source(&src.text)
}

/// The message for a link to `path` (a content file's path as shown,
/// `content/a/b`), which is not there.
fn missing_file_message(written: &str, path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    if path.ends_with(".md") || path.ends_with('/') {
        format!("link to `{written}`: there is no {path}")
    } else if name.contains('.') {
        format!("link to `{written}`: there is no file {path}")
    } else {
        format!("link to `{written}`: there is no page {path}.md or folder {path}/")
    }
}

/// Every body link of every page and section resolved, each broken one
/// reported; each one's `links_out` is then its body links and its
/// front-matter refs, sorted, without itself.
pub(super) fn resolve_body_links(site: &mut Site, diagnostics: &mut Diagnostics) {
    /// A body's links resolved: where each leads, the targets it reaches,
    /// and the errors.
    type Found = (Vec<Option<Destination>>, Vec<Target>, Vec<Diagnostic>);
    let site_ref: &Site = site;
    let prefix = site.config.content_prefix;
    let resolve_all = |from: Target, scan: &Scan, src: &SourceFile| -> Found {
        let mut destinations = Vec::with_capacity(scan.links.len());
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for link in &scan.links {
            match site_ref.resolve_link(from, link) {
                Ok(destination) => {
                    match &destination {
                        Destination::Page { target, .. } if *target != from => out.push(*target),
                        Destination::Folder(folder) => {
                            errors.push(folder_warning(src, link, folder, prefix))
                        }
                        _ => {}
                    }
                    destinations.push(Some(destination));
                }
                // Not checked, or reported at the file that could not be read.
                Err(LinkError::Elsewhere | LinkError::Ref(RefError::Unreadable)) => {
                    destinations.push(None);
                }
                Err(e) => {
                    errors.push(link_diagnostic(src, link, &e, prefix));
                    let lead = e.lead();
                    if let Some(Destination::Page { target, .. }) = &lead
                        && *target != from
                    {
                        out.push(*target);
                    }
                    destinations.push(lead);
                }
            }
        }
        (destinations, out, errors)
    };
    let page_links: Vec<Found> = site_ref
        .pages
        .par_iter()
        .enumerate()
        .map(|(id, p)| resolve_all(Target::Page(id), &p.scan, &p.source))
        .collect();
    let section_links: Vec<Found> = site_ref
        .sections
        .iter()
        .enumerate()
        .map(|(id, s)| match &s.source {
            Some(src) => resolve_all(Target::Section(id), &s.scan, src),
            None => (Vec::new(), Vec::new(), Vec::new()),
        })
        .collect();
    for (page, (destinations, mut out, errors)) in site.pages.iter_mut().zip(page_links) {
        diagnostics.extend(errors);
        out.extend(page.principles.iter().map(|&p| Target::Page(p)));
        out.extend(page.values.iter().map(|&p| Target::Page(p)));
        out.extend(page.related.iter().copied());
        out.extend(page.steps.iter().map(|s| s.target));
        out.sort();
        out.dedup();
        page.links_out = out;
        page.destinations = destinations;
    }
    for (section, (destinations, mut out, errors)) in site.sections.iter_mut().zip(section_links) {
        diagnostics.extend(errors);
        out.sort();
        out.dedup();
        section.links_out = out;
        section.destinations = destinations;
    }
}

impl Site {
    /// Where the body link `link` of `from` leads, as the resolve stage
    /// found it; a link that is not one of the body's (there is none after
    /// resolving) is resolved now.
    pub(crate) fn destination(&self, from: Target, link: &LinkRef) -> Option<Destination> {
        let (links, destinations) = match from {
            Target::Page(id) => (&self.pages[id].scan.links, &self.pages[id].destinations),
            Target::Section(id) => (
                &self.sections[id].scan.links,
                &self.sections[id].destinations,
            ),
        };
        // The links are mostly in body order, so by offset (a reference-style
        // link, placed at its definition, may be missed: it is resolved anew).
        let found = (links.binary_search_by_key(&link.offset, |l| l.offset).ok())
            .filter(|&i| &links[i] == link)
            .and_then(|i| destinations.get(i));
        match found {
            Some(destination) => destination.clone(),
            None => self
                .resolve_link(from, link)
                .map_or_else(LinkError::lead, Some),
        }
    }
}

/// `L3` or `L3-L9`: a line (range) of GitHub's source view.
fn is_line_anchor(anchor: &str) -> bool {
    let line = |l: &str| {
        l.strip_prefix('L')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    match anchor.split_once('-') {
        Some((from, to)) => line(from) && line(to),
        None => line(anchor),
    }
}

/// The stem of a Markdown file named otherwise than `x.md` (`x.mdx`,
/// `x.markdown`, `x.MD`), which `credo import` renames `x.md`.
fn other_markdown_stem(path: &str) -> Option<&str> {
    crate::markdown::markdown_stem(path).filter(|_| !path.ends_with(".md"))
}

#[cfg(test)]
mod tests {
    use crate::site::Target;
    use crate::site::testing::{lines, page, resolve};

    #[test]
    fn links_out_hold_body_links_and_refs_and_broken_links_are_reported() {
        let (site, diagnostics) = resolve(&[
            ("a.md", "---\ntitle: A\n---\n\n## Start here\n"),
            (
                "b.md",
                "---\ntitle: B\nrelated: [c]\n---\n\nSee [[a#start-here]], [A](a.md) and [up](#topp).\n\nAnd [[a#nowhere]].\n",
            ),
            ("c.md", "---\ntitle: C\n---\n"),
        ]);
        let [a, b, c] = ["a", "b", "c"].map(|p| page(&site, p));
        assert_eq!(site.pages[b].links_out, [Target::Page(a), Target::Page(c)]);
        assert_eq!(
            lines(&diagnostics),
            [
                "content/b.md:6:37 broken-anchor: link to `#topp`: content/b.md has no heading with id `topp`",
                "content/b.md:8:5 broken-anchor: link to `a#nowhere`: content/a.md has no heading with id `nowhere`",
            ]
        );
    }
}
