//! Incremental rebuilds: the pipeline's stages, redoing only what a [`Plan`]
//! asks, into an immutable in-memory [`Built`] site.
//!
//! The [`Builder`] keeps what the stages produced last time: the config, the
//! resolved theme with its compiled templates, the listing, every content file
//! as read (or its read errors, so an untouched broken file keeps failing the
//! build), and, of the last good build, the render memo and the output bytes.
//! A rebuild reads only the changed files, resolves the whole site again
//! (linear, and cheap next to rendering), renders only the outputs whose
//! inputs changed, copies only the changed static files, and takes every
//! other output's bytes from the last good build. The result is byte for byte
//! a clean build with the same options (the tests hold it to that).
//!
//! A failed rebuild changes nothing that is served: what was served stays
//! ([`Builder::kept`]: the last good [`Built`] with the pages previews have
//! shown since), and the diagnostics are returned.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use rayon::prelude::*;

use super::plan::Plan;
use crate::config::Config;
use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::load::{self, Listing, Loaded};
use crate::markdown::LinkStyle;
use crate::pipeline::{self, BuildOptions, Memos, Resolved};
use crate::render::theme::Theme;
use crate::render::{self, Content, Memo, RenderOptions, Templates};
use crate::site::{Site, Target};

/// A built site held in memory: immutable once made, replaced whole.
#[derive(Debug, Clone, Default)]
pub struct Built {
    /// Output path (`a/b/index.html`) → bytes.
    pub files: HashMap<String, Bytes>,
    /// The path every URL of the site starts with (`/`, `/handbook/`).
    pub base_path: String,
}

/// What a successful rebuild did.
#[derive(Debug)]
pub struct Report {
    /// The new site.
    pub built: Arc<Built>,
    /// Output paths whose bytes differ from the previous build (added,
    /// changed or removed), sorted.
    pub changed: Vec<String>,
    /// Content pages and sections of the site.
    pub pages: usize,
    /// HTML outputs rendered in this rebuild.
    pub rendered: usize,
    /// HTML outputs of the site (pages, sections and generated pages).
    pub html: usize,
    /// Wall time.
    pub elapsed: Duration,
}

/// The first answer to an edit: the pages an author looks at rendered
/// again, the other outputs as they were, and those the edit may change
/// still to come (see [`Builder::preview`]).
#[derive(Debug)]
pub struct Preview {
    /// The last good build with the rendered pages' new bytes.
    pub built: Arc<Built>,
    /// The Markdown file it read (a body edit's), if any.
    pub source: Option<PathBuf>,
    /// The output paths rendered: the edited page, or the open pages.
    pub pages: Vec<String>,
    /// Whether any of their bytes changed (a save that changed nothing, or
    /// a `touch`, need not be shown).
    pub changed: bool,
    /// Outputs whose bytes in `built` may be out of date until the rebuild
    /// that follows is done: the server holds requests for them till then.
    pub pending: Arc<HashSet<String>>,
    /// Wall time.
    pub elapsed: Duration,
}

struct Good {
    built: Arc<Built>,
    memos: Memos,
    /// Output path → the file its bytes were copied from.
    copies: HashMap<String, PathBuf>,
    /// Content pages and sections.
    pages: usize,
}

/// The state kept between rebuilds.
pub struct Builder {
    options: BuildOptions,
    render_options: RenderOptions,
    config: Result<Config, Diagnostics>,
    /// credo.yaml's errors read past (unknown keys, a wrong `base_url`),
    /// reported with every run's findings (at
    /// their lint level, as `build` does).
    config_errors: Diagnostics,
    theme: Result<(Theme, Templates), Diagnostics>,
    listing: Listing,
    listing_diagnostics: Diagnostics,
    files: BTreeMap<PathBuf, Result<Loaded, Vec<Diagnostic>>>,
    good: Option<Good>,
    /// The resolved site of the last good build, or of the last preview
    /// since (a new generation with that page's body): it matches `files`
    /// whenever it is there. Never changed while shared: a preview makes
    /// the next generation from it, in place when nothing else holds it.
    resolved: Option<Arc<Resolved>>,
    /// Whether `files` holds reads (a preview's) that no full rebuild has
    /// rendered yet.
    unrendered: bool,
    /// What the last preview showed, until a rebuild succeeds: the next
    /// preview adds its page to it, and a failed rebuild keeps serving it.
    shown: Option<Arc<Built>>,
    /// Whether the last rebuild failed (its errors must show again).
    failing: bool,
}

fn not_built_yet() -> Diagnostics {
    Diagnostics::new()
}

impl Builder {
    /// A builder that has built nothing yet; the first [`rebuild`](Self::rebuild)
    /// should be [`Plan::everything`].
    pub fn new(options: BuildOptions, render_options: RenderOptions) -> Builder {
        Builder {
            options,
            render_options,
            config: Err(not_built_yet()),
            config_errors: Diagnostics::new(),
            theme: Err(not_built_yet()),
            listing: Listing::default(),
            listing_diagnostics: Diagnostics::new(),
            files: BTreeMap::new(),
            good: None,
            resolved: None,
            unrendered: false,
            shown: None,
            failing: true,
        }
    }

    /// What the server keeps showing while rebuilds fail: the last good
    /// build with every page a preview has published since (a reader has
    /// seen those; going back to the build before them would take the edit
    /// away again), if there is a good build at all. Its outputs that gather
    /// every body are the last good build's.
    ///
    /// The previews are folded into what is served, not into the good build
    /// itself: the render memo describes the good build's bytes, and a page
    /// whose inputs went back to what the memo knew must not be given a
    /// preview's bytes by the next rebuild.
    pub fn kept(&self) -> Option<Arc<Built>> {
        self.shown
            .clone()
            .or_else(|| self.good.as_ref().map(|g| g.built.clone()))
    }

    /// Carries out `plan`. On failure the diagnostics (errors only, sorted)
    /// are returned and the last good build stays as it was.
    pub fn rebuild(&mut self, plan: &Plan) -> Result<Report, Diagnostics> {
        self.rebuild_until(plan, &AtomicBool::new(false))
            .unwrap_or_else(|| unreachable!("nothing sets the stop signal"))
    }

    /// [`rebuild`](Self::rebuild), given up (`None`) as soon as `stop` is
    /// set: `serve` sets it when another change comes in, which makes this
    /// rebuild moot. What was read stays read; the next rebuild, whose plan
    /// must include this one's, renders it.
    pub fn rebuild_until(
        &mut self,
        plan: &Plan,
        stop: &AtomicBool,
    ) -> Option<Result<Report, Diagnostics>> {
        let start = Instant::now();
        let relist = plan.everything || (plan.relist && !self.listing_holds(plan));
        let rereads = plan.content.iter().any(|p| self.files.contains_key(p));
        let copies_only = !self.failing && !self.unrendered && !plan.theme && !relist && !rereads;
        let result = match self.good.as_mut() {
            Some(good) if copies_only => Ok(copy_only(good, plan, start)),
            _ => self.run(plan, relist, start, stop)?,
        };
        self.failing = result.is_err();
        Some(result)
    }

    /// The first answer to `plan`, in milliseconds whatever the size of the
    /// site, when it is one of two edits:
    /// - an edit of one Markdown file's body that leaves its front matter,
    ///   its heading ids and its links as they were: then the site's graph,
    ///   and so every other page, is the same, and only the outputs that
    ///   gather every body ([`crate::outputs::gathers_bodies`]) can change
    ///   besides the page. That page is rendered; those are pending.
    /// - an edit of templates alone: the pages in `open` (output paths, the
    ///   one to show first first) are rendered with the new templates, and
    ///   every other HTML output is pending.
    ///
    /// A [`rebuild`](Self::rebuild) must follow (of the plan with the body's
    /// file [forgotten](Plan::forget), or of a later plan that includes it),
    /// which makes what is pending (only the outputs whose inputs changed)
    /// and checks everything, as always. `None` when the plan is anything
    /// else: the rebuild alone answers it.
    pub fn preview(&mut self, plan: &Plan, open: &[String]) -> Option<Preview> {
        if self.failing || plan.everything {
            return None;
        }
        if plan.theme {
            self.preview_templates(plan, open)
        } else {
            self.preview_body(plan)
        }
    }

    /// The open pages rendered with the edited templates (see
    /// [`preview`](Self::preview)).
    fn preview_templates(&mut self, plan: &Plan, open: &[String]) -> Option<Preview> {
        /// Enough for every tab an author watches; the rebuild does the rest.
        const OPEN_FIRST: usize = 8;
        let start = Instant::now();
        // A stylesheet or `theme.yaml` goes to the rebuild: only templates
        // (all of them `.html`) change nothing but HTML outputs.
        let template = |p: &PathBuf| p.extension().is_some_and(|e| e == "html");
        let templates_only = !plan.relist && plan.content.is_empty() && !plan.copies.is_empty();
        if !templates_only || !plan.copies.iter().all(template) || open.is_empty() {
            return None;
        }
        let config = self.config.as_ref().ok()?;
        // A template that does not compile: the rebuild reports it.
        let (theme, templates) = pipeline::theme(&self.options.root, config).ok()?;
        let resolved = self.resolved.as_ref()?;
        let mut rendered = Vec::new();
        for output in open.iter().take(OPEN_FIRST) {
            // A generated page (tags, search) waits for the rebuild.
            let Some((edition, target)) = resolved.target_of(output) else {
                continue;
            };
            let (path, html) = render::render_one(
                &edition.site,
                &theme,
                &templates,
                &self.render_options,
                target,
            )
            .ok()?;
            rendered.push((format!("{}{path}", edition.prefix), html));
        }
        if rendered.is_empty() {
            return None;
        }
        self.show(rendered, None, |p| p.ends_with(".html"), start)
    }

    /// The edited page alone (see [`preview`](Self::preview)).
    fn preview_body(&mut self, plan: &Plan) -> Option<Preview> {
        let start = Instant::now();
        if plan.content.len() != 1 {
            return None;
        }
        let path = plan.content.first()?;
        // Copying a Markdown file again copies nothing; another file might.
        let markdown = |p: &PathBuf| p.extension().is_some_and(|e| e == "md");
        if !plan.copies.iter().all(markdown) || !path.is_file() {
            return None;
        }
        let Some(Ok(old)) = self.files.get(path) else {
            return None;
        };
        let new = load::read_file(&self.options.root, path).ok()?;
        if !old.problems.is_empty() || !new.problems.is_empty() || !same_but_body(old, &new) {
            return None;
        }
        let (theme, templates) = self.theme.as_ref().ok()?;
        // A preview shows over a good build: without one, the rebuild answers.
        self.good.as_ref()?;
        let prefix = (new.source.lang.as_ref()).map_or(String::new(), |code| format!("{code}/"));
        let prefixes: Vec<String> = (self.resolved.as_ref()?.editions.iter())
            .map(|e| e.prefix.clone())
            .collect();
        let edition = prefixes.iter().position(|p| *p == prefix)?;
        // The next generation: this one with the page's new body. The
        // builder holds the only reference to a generation, so making it is
        // copy-on-write without the copy (`make_mut` clones only what is
        // shared).
        let resolved = Arc::make_mut(self.resolved.as_mut()?);
        let site = Arc::make_mut(&mut resolved.editions[edition].site);
        let target = patch_body(site, &new)?;
        let Ok((page, html)) =
            render::render_one(site, theme, templates, &self.render_options, target)
        else {
            // The rebuild reports it; the patched site no longer matches `files`.
            self.resolved = None;
            return None;
        };
        let page = format!("{prefix}{page}");
        let stand_ins = match new.source.lang {
            None => patch_stand_ins(resolved, &new),
            Some(_) => HashSet::new(),
        };
        let gathers = |path: &str| {
            (prefixes.iter()).any(|prefix| {
                (path.strip_prefix(prefix.as_str())).is_some_and(crate::outputs::gathers_bodies)
            })
        };
        self.files.insert(path.clone(), Ok(new));
        self.unrendered = true;
        // The outputs that gather every body, in every language, follow with
        // the rebuild, as do the other languages' stand-ins for an edited
        // original.
        let pending = |p: &str| gathers(p) || stand_ins.contains(p);
        self.show(vec![(page, html)], Some(path.clone()), pending, start)
    }

    /// Shows `rendered` (output path, HTML) over what is shown now (the last
    /// preview's build, or the last good one): the preview, with the other
    /// outputs `pending` names held until the rebuild.
    fn show(
        &mut self,
        rendered: Vec<(String, String)>,
        source: Option<PathBuf>,
        pending: impl Fn(&str) -> bool,
        start: Instant,
    ) -> Option<Preview> {
        let base = (self.shown.as_ref()).or(self.good.as_ref().map(|g| &g.built))?;
        let mut files = base.files.clone();
        let mut pages = Vec::with_capacity(rendered.len());
        let mut changed = false;
        for (page, html) in rendered {
            let bytes = Bytes::from(html);
            changed |= files.get(&page) != Some(&bytes);
            files.insert(page.clone(), bytes);
            pages.push(page);
        }
        let pending = (files.keys())
            .filter(|p| !pages.contains(p) && pending(p))
            .cloned()
            .collect();
        let built = Arc::new(Built {
            files,
            base_path: base.base_path.clone(),
        });
        self.shown = Some(built.clone());
        Some(Preview {
            built,
            source,
            pages,
            changed,
            pending: Arc::new(pending),
            elapsed: start.elapsed(),
        })
    }

    /// Whether the last listing still holds: every changed path is a file it
    /// listed, and is still a file (an edit, not a creation or deletion).
    fn listing_holds(&self, plan: &Plan) -> bool {
        let listed = |p: &PathBuf| {
            self.files.contains_key(p) || self.listing.statics.iter().any(|s| &s.source == p)
        };
        plan.content
            .iter()
            .chain(&plan.copies)
            .all(|p| listed(p) && p.is_file())
    }

    fn run(
        &mut self,
        plan: &Plan,
        relist: bool,
        start: Instant,
        stop: &AtomicBool,
    ) -> Option<Result<Report, Diagnostics>> {
        let stopped = || stop.load(Ordering::Relaxed);
        let mut stopwatch = pipeline::Stopwatch::from_env();
        // Until this run succeeds, `files` may hold what no build rendered.
        self.unrendered = true;
        let root = self.options.root.clone();
        if plan.everything {
            (self.config, self.config_errors, self.theme) = match pipeline::setup(&self.options) {
                Ok(setup) => (Ok(setup.config), setup.config_errors, setup.theme),
                Err(e) => (
                    Err(as_diagnostics(e)),
                    Diagnostics::new(),
                    Err(not_built_yet()),
                ),
            };
        } else if plan.theme {
            self.theme = match &self.config {
                Ok(config) => pipeline::theme(&root, config),
                Err(_) => Err(not_built_yet()),
            };
        }
        if self.read(&root, plan, relist) || plan.everything {
            self.resolved = None;
        }
        stopwatch.lap("read");
        let config = match &self.config {
            Ok(config) => config.clone(),
            Err(ds) => return Some(Err(errors(ds.clone()))),
        };
        if stopped() {
            return None;
        }
        // Nothing read since the last good build but what previews showed
        // (each a generation of its own): the last one stands.
        let (resolved, mut diagnostics) = match self.resolved.take() {
            Some(resolved) => (resolved, Diagnostics::new()),
            None => {
                let mut diagnostics = self.listing_diagnostics.clone();
                let (sources, read_diagnostics) =
                    load::assemble(self.listing.clone(), self.files.values().cloned());
                diagnostics.extend(read_diagnostics);
                let (resolved, _, resolve_diagnostics) =
                    pipeline::resolve(config, sources, self.options.drafts);
                diagnostics.extend(resolve_diagnostics);
                (Arc::new(resolved), diagnostics)
            }
        };
        stopwatch.lap("resolve");
        diagnostics.extend(self.config_errors.clone());
        let theme = match &self.theme {
            Ok((theme, templates)) => (theme, templates),
            Err(ds) => {
                diagnostics.extend(ds.clone());
                return Some(Err(errors(diagnostics)));
            }
        };
        pipeline::check_resolved(&resolved, &root, &mut diagnostics);
        if diagnostics.has_errors() {
            return Some(Err(errors(diagnostics)));
        }
        let empty = Memos::new();
        let memos = match &self.good {
            Some(good) if !plan.everything => &good.memos,
            _ => &empty,
        };
        let pass = pipeline::RenderPass {
            sink: None,
            memos: Some(memos),
            stop: Some(stop),
        };
        let rendering = (!stopped())
            .then(|| pipeline::render(&resolved, Vec::new(), theme, &self.render_options, pass))
            .flatten();
        let Some(rendering) = rendering else {
            // The site matches `files`: the next rebuild can start from it.
            self.resolved = Some(resolved);
            return None;
        };
        stopwatch.lap("render");
        if rendering.diagnostics.has_errors() {
            return Some(Err(errors(rendering.diagnostics)));
        }
        let previous = self.good.as_ref().filter(|_| !plan.everything);
        let rendered = rendering
            .files
            .iter()
            .filter(|f| f.path.ends_with(".html") && matches!(f.content, Content::Bytes(_)))
            .count();
        let html = rendering.memos.values().map(Memo::len).sum();
        let pages = resolved.pages();
        let mut files: HashMap<String, Bytes> =
            HashMap::with_capacity(rendering.files.len() + rendering.unchanged.len());
        let mut copies = HashMap::new();
        for path in rendering.unchanged {
            let Some(bytes) = previous.and_then(|g| g.built.files.get(&path)) else {
                // The memo and the bytes come from the same good build, so this
                // cannot happen; if it does, a full rebuild is always right.
                return self.rebuild_until(&Plan::everything(), stop);
            };
            files.insert(path, bytes.clone());
        }
        let old = previous.map(|g| &g.built.files);
        let mut changed = Vec::new();
        let mut read_errors = Diagnostics::new();
        for file in rendering.files {
            let bytes = match file.content {
                Content::Bytes(b) => Bytes::from(b),
                Content::Embedded(b) => Bytes::from_static(b),
                Content::Copy(source) => {
                    let known = previous
                        .filter(|g| g.copies.get(&file.path) == Some(&source))
                        .and_then(|g| g.built.files.get(&file.path))
                        .filter(|_| !plan.recopies(&source));
                    let bytes = match known {
                        Some(b) => {
                            copies.insert(file.path.clone(), source);
                            files.insert(file.path, b.clone());
                            continue;
                        }
                        None => match std::fs::read(&source) {
                            Ok(b) => Bytes::from(b),
                            Err(e) => {
                                read_errors.push(Diagnostic::error(
                                    crate::diagnostic::display_path(&root, &source),
                                    0,
                                    0,
                                    Code::Io,
                                    format!("cannot read: {e}"),
                                ));
                                continue;
                            }
                        },
                    };
                    copies.insert(file.path.clone(), source);
                    bytes
                }
            };
            if old.and_then(|o| o.get(&file.path)) != Some(&bytes) {
                changed.push(file.path.clone());
            }
            files.insert(file.path, bytes);
        }
        if read_errors.has_errors() {
            return Some(Err(errors(read_errors)));
        }
        if let Some(old) = old {
            changed.extend(old.keys().filter(|p| !files.contains_key(*p)).cloned());
        }
        changed.sort();
        stopwatch.lap("compare");
        let built = Arc::new(Built {
            files,
            base_path: resolved.site().config.base_path(),
        });
        self.good = Some(Good {
            built: built.clone(),
            memos: rendering.memos,
            copies,
            pages,
        });
        self.resolved = Some(resolved);
        self.unrendered = false;
        self.shown = None;
        Some(Ok(Report {
            built,
            changed,
            pages,
            rendered,
            html,
            elapsed: start.elapsed(),
        }))
    }

    /// Lists the site again (if `relist`) and reads the Markdown files the
    /// plan names or the last listing did not hold; every other file keeps
    /// what was read. Whether anything changed from what was held.
    fn read(&mut self, root: &Path, plan: &Plan, relist: bool) -> bool {
        let (listing, diagnostics) = if relist {
            load::list(root)
        } else {
            (
                std::mem::take(&mut self.listing),
                std::mem::take(&mut self.listing_diagnostics),
            )
        };
        let fresh: Vec<&PathBuf> = listing
            .markdown
            .iter()
            .filter(|p| plan.rereads(p) || !self.files.contains_key(*p))
            .collect();
        let mut read: HashMap<PathBuf, Result<Loaded, Vec<Diagnostic>>> = fresh
            .par_iter()
            .map(|p| ((*p).clone(), load::read_file(root, p)))
            .collect();
        let mut old = std::mem::take(&mut self.files);
        let mut changed = relist;
        for path in &listing.markdown {
            let was = old.remove(path);
            let file = match (read.remove(path), was) {
                (Some(file), was) => {
                    changed |= !was.is_some_and(|w| same_text(&w, &file));
                    file
                }
                (None, Some(was)) => was,
                (None, None) => continue,
            };
            self.files.insert(path.clone(), file);
        }
        self.listing = listing;
        self.listing_diagnostics = diagnostics;
        changed
    }
}

/// Whether a file read again holds what it held (a preview read it first).
fn same_text(old: &Result<Loaded, Vec<Diagnostic>>, new: &Result<Loaded, Vec<Diagnostic>>) -> bool {
    matches!((old, new), (Ok(a), Ok(b)) if a.source.text == b.source.text)
}

/// Whether `new` differs from `old` only in what its body renders to: the
/// same front matter, byte for byte, and title heading, the same anchors
/// (other pages' links name them) and the same links (the site's graph).
/// Other heading texts may change: only the page's own contents and the
/// pages that gather bodies show them.
fn same_but_body(old: &Loaded, new: &Loaded) -> bool {
    fn front(l: &Loaded) -> (&str, Option<&str>) {
        let source = &l.source;
        (
            &source.text[..source.body_start],
            source.heading_title.as_deref(),
        )
    }
    fn ids(l: &Loaded) -> impl Iterator<Item = &str> {
        l.scan.anchor_ids()
    }
    fn links(l: &Loaded) -> impl Iterator<Item = (&str, Option<&str>, LinkStyle)> {
        l.scan
            .links
            .iter()
            .map(|k| (k.target.as_str(), k.anchor.as_deref(), k.style))
    }
    front(old) == front(new) && ids(old).eq(ids(new)) && links(old).eq(links(new))
}

/// Puts `new`'s body into the page or section it is the file of.
fn patch_body(site: &mut Site, new: &Loaded) -> Option<Target> {
    let key = &new.source.ref_path;
    if let Some(id) = site.pages.iter().position(|p| &p.source.ref_path == key) {
        let page = &mut site.pages[id];
        page.source = new.source.clone();
        page.scan = new.scan.clone();
        return Some(Target::Page(id));
    }
    let id = site.sections.iter().position(|s| &s.key == key)?;
    let section = &mut site.sections[id];
    section.source.as_ref()?;
    section.source = Some(new.source.clone());
    section.scan = new.scan.clone();
    Some(Target::Section(id))
}

/// Puts the edited original `new` into the pages that stand in for it in
/// the other languages (which have no translation of it); their output
/// paths.
fn patch_stand_ins(resolved: &mut Resolved, new: &Loaded) -> HashSet<String> {
    let mut stand_in = new.clone();
    stand_in.source.untranslated = true;
    let key = &new.source.ref_path;
    let mut found = HashSet::new();
    for edition in resolved.editions.iter_mut().skip(1) {
        let stands_in =
            |source: &crate::load::SourceFile| source.untranslated && &source.ref_path == key;
        let site = &edition.site;
        let url = (site.pages.iter())
            .find(|p| stands_in(&p.source))
            .map(|p| &p.url)
            .or_else(|| {
                (site.sections.iter())
                    .find(|s| s.source.as_ref().is_some_and(stands_in))
                    .map(|s| &s.url)
            });
        let Some(url) = url else { continue };
        found.insert(format!("{}{url}index.html", edition.prefix));
        patch_body(Arc::make_mut(&mut edition.site), &stand_in);
    }
    found
}

/// Only files to copy changed, and nothing was added or removed: the last
/// good build with those files' bytes read again.
fn copy_only(good: &mut Good, plan: &Plan, start: Instant) -> Report {
    let mut files = good.built.files.clone();
    let mut changed = Vec::new();
    for (output, source) in &good.copies {
        if !plan.recopies(source) {
            continue;
        }
        // A file that cannot be read now keeps its last bytes; the next
        // change to it is read again.
        if let Ok(bytes) = std::fs::read(source) {
            let bytes = Bytes::from(bytes);
            if files.get(output) != Some(&bytes) {
                changed.push(output.clone());
                files.insert(output.clone(), bytes);
            }
        }
    }
    changed.sort();
    let built = Arc::new(Built {
        files,
        base_path: good.built.base_path.clone(),
    });
    good.built = built.clone();
    Report {
        built,
        changed,
        pages: good.pages,
        rendered: 0,
        html: good.memos.values().map(Memo::len).sum(),
        elapsed: start.elapsed(),
    }
}

fn as_diagnostics(e: Error) -> Diagnostics {
    match e {
        Error::Content(ds) => ds,
        other => std::iter::once(Diagnostic::error(
            crate::config::CONFIG_FILE,
            0,
            0,
            Code::Config,
            other.to_string(),
        ))
        .collect(),
    }
}

fn errors(mut diagnostics: Diagnostics) -> Diagnostics {
    diagnostics.retain_errors();
    diagnostics.sort();
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rebuild_without_changes_renders_nothing() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build/full");
        let mut builder = Builder::new(
            BuildOptions {
                root: root.clone(),
                ..BuildOptions::default()
            },
            RenderOptions::default(),
        );
        let first = builder.rebuild(&Plan::everything()).expect("builds");
        assert!(first.rendered > 10);
        let again = builder
            .rebuild(&Plan::for_changes(&root, &[]))
            .expect("builds");
        assert_eq!(again.rendered, 0, "{:?}", again.changed);
        assert!(again.changed.is_empty());
    }
}
