//! Stage 3, render: the [`Site`] and a [`Theme`] become output files.
//!
//! Templates are compiled once; Markdown bodies are rendered in parallel, then
//! every page, section and generated page (tags, matrix, print, review, search,
//! 404, alias redirects, sitemap, handbook.json) is rendered in parallel too.
//! Each page gets its kind's template (`principle.html`...), falling back to
//! `page.html`. Template errors become diagnostics at the template's
//! `path:line:col` (Tera 2 gives spans for syntax and render errors alike).

pub mod actions;
pub mod context;
mod generated;
pub mod memo;
pub mod theme;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::SourceFile;
use crate::markdown::{self, LinkRef, LinkResolver, Resolved};
use crate::site::{Destination, Site, Target};
use context::Contexts;
pub use memo::{Memo, Vars};
use theme::{Asset, TemplateSource, Theme};

/// What a file of the output holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Bytes made by the build.
    Bytes(Vec<u8>),
    /// Bytes embedded in the binary (built-in theme files).
    Embedded(&'static [u8]),
    /// A file to copy (static files).
    Copy(PathBuf),
}

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output root, `/` separated.
    pub path: String,
    /// What it holds.
    pub content: Content,
}

impl OutputFile {
    fn bytes(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            content: Content::Bytes(bytes.into()),
        }
    }
}

/// Render-time choices that are not part of the site.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// HTML inserted before `</body>` of every page (the live-reload client).
    pub inject: Option<String>,
}

pub use crate::site::tag_url;

/// Compiled templates, with their sources kept for diagnostics.
pub struct Templates {
    tera: Tera,
    sources: BTreeMap<String, TemplateSource>,
    fingerprints: BTreeMap<String, u64>,
}

impl Templates {
    /// Compiles every template of `theme`.
    pub fn compile(theme: &Theme) -> Result<Templates, Diagnostics> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        let result = tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|(name, t)| (name.as_str(), t.text.as_str())),
        );
        let templates = Templates {
            tera,
            fingerprints: memo::template_fingerprints(&theme.templates),
            sources: theme.templates.clone(),
        };
        match result {
            Ok(()) => Ok(templates),
            Err(e) => Err(std::iter::once(templates.diagnostic(&e)).collect()),
        }
    }

    /// Whether a template of that name exists.
    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Renders template `name` with `context` into `out`.
    pub fn render_to(
        &self,
        name: &str,
        context: &Context,
        out: impl std::io::Write,
    ) -> Result<(), Diagnostic> {
        self.tera
            .render_to(name, context, out)
            .map_err(|e| self.diagnostic(&e))
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| self.diagnostic(&e))
    }

    /// Tera's other errors (a block missing from a parent, a circular
    /// extend) carry their place as text, `--> name:line:col`: read it so the
    /// diagnostic still names the template file and line.
    fn located(&self, message: &str) -> Diagnostic {
        let first = message
            .lines()
            .next()
            .unwrap_or(message)
            .trim_start_matches("error: ")
            .to_string();
        let place = message
            .lines()
            .find_map(|l| l.trim().strip_prefix("--> "))
            .and_then(|p| {
                let mut parts = p.rsplitn(3, ':');
                let col: usize = parts.next()?.trim().parse().ok()?;
                let line: usize = parts.next()?.trim().parse().ok()?;
                Some((parts.next()?.to_string(), line, col))
            });
        match place {
            Some((name, line, col)) => {
                let (file, text) = match self.sources.get(&name) {
                    Some(t) => (t.display.clone(), t.text.as_str()),
                    None => (name, ""),
                };
                Diagnostic::error(file, line, col, Code::Template, first).with_source(text)
            }
            None => Diagnostic::error("templates", 0, 0, Code::Template, first),
        }
    }

    fn diagnostic(&self, e: &tera::Error) -> Diagnostic {
        let report = match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
            _ => None,
        };
        let Some(report) = report else {
            let mut message = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            return self.located(&message);
        };
        let (file, text) = match self.sources.get(report.filename()) {
            Some(t) => (t.display.clone(), t.text.as_str()),
            None => (report.filename().to_string(), ""),
        };
        let span = report.span();
        let d = Diagnostic::error(
            file,
            span.start_line,
            span.start_col + 1,
            Code::Template,
            report.message().to_string(),
        );
        d.with_source(text)
    }
}

/// Resolves body links of one page at render time.
struct PageLinks<'a> {
    site: &'a Site,
    from: Target,
}

impl LinkResolver for PageLinks<'_> {
    fn resolve(&self, link: &LinkRef) -> Option<Resolved> {
        let (mut href, title, anchor) = match self.site.resolve_link(self.from, link).ok()? {
            Destination::Page { target, anchor } => {
                let href = if target == self.from && anchor.is_some() {
                    String::new()
                } else {
                    self.site.href(self.site.url(target))
                };
                (href, self.site.title(target).to_string(), anchor)
            }
            Destination::Asset(path) => {
                let name = path.rsplit('/').next().unwrap_or(&path).to_string();
                (self.site.href(&path), name, link.anchor.clone())
            }
        };
        if let Some(query) = &link.query {
            href.push('?');
            href.push_str(query);
        }
        if let Some(anchor) = anchor {
            href.push('#');
            href.push_str(&crate::site::encode_path(&anchor));
        }
        Some(Resolved { href, title })
    }
}

/// The Markdown bodies of every page and section, rendered.
pub struct Bodies {
    /// Per page, in [`Site::pages`] order.
    pub pages: Vec<markdown::Rendered>,
    /// Per section, in [`Site::sections`] order.
    pub sections: Vec<markdown::Rendered>,
}

/// The bodies the load stage rendered with their links left open (see
/// [`markdown::scan_unlinked`]), taken out of the site so that each is freed
/// as soon as its links are filled in.
#[derive(Default)]
pub struct UnlinkedBodies {
    pages: Vec<Option<markdown::Unlinked>>,
    sections: Vec<Option<markdown::Unlinked>>,
}

impl UnlinkedBodies {
    /// Takes every unlinked body out of `site`.
    pub fn take(site: &mut Site) -> UnlinkedBodies {
        UnlinkedBodies {
            pages: site
                .pages
                .iter_mut()
                .map(|p| p.scan.unlinked.take())
                .collect(),
            sections: site
                .sections
                .iter_mut()
                .map(|s| s.scan.unlinked.take())
                .collect(),
        }
    }
}

/// The HTML of every body, taken out of [`Bodies`] once only `/print/` still
/// needs it.
pub(crate) struct BodyHtml {
    pub pages: Vec<String>,
    pub sections: Vec<String>,
}

impl Bodies {
    fn take_html(&mut self) -> BodyHtml {
        let take = |all: &mut Vec<markdown::Rendered>| {
            all.iter_mut()
                .map(|r| std::mem::take(&mut r.html))
                .collect()
        };
        BodyHtml {
            pages: take(&mut self.pages),
            sections: take(&mut self.sections),
        }
    }
}

/// Renders every body in parallel.
pub fn render_bodies(site: &Site) -> Bodies {
    render_bodies_with(site, UnlinkedBodies::default(), None, &|| false).0
}

/// Renders every body in parallel; with a memo, only bodies whose text or
/// link targets changed, and returns what the next pass needs.
fn render_bodies_with(
    site: &Site,
    mut unlinked: UnlinkedBodies,
    memo: Option<&Memo>,
    stopped: &(dyn Fn() -> bool + Sync),
) -> (Bodies, HashMap<String, (u64, markdown::Rendered)>) {
    let body = |key: &str,
                target: Target,
                src: &SourceFile,
                scan: &markdown::Scan,
                unlinked: Option<markdown::Unlinked>| {
        if stopped() {
            return (0, markdown::Rendered::default());
        }
        let links = PageLinks { site, from: target };
        let render = || match unlinked {
            Some(unlinked) => unlinked.link(&scan.links, &links),
            None => markdown::render(src.body(), src.drops_title(), &links),
        };
        let Some(memo) = memo else {
            return (0, render());
        };
        let resolved: Vec<Option<Resolved>> = scan.links.iter().map(|l| links.resolve(l)).collect();
        let fingerprint = memo::body_fingerprint(src.body(), src.drops_title(), &resolved);
        match memo.bodies.get(key) {
            Some((fp, rendered)) if *fp == fingerprint => (fingerprint, rendered.clone()),
            _ => (fingerprint, render()),
        }
    };
    unlinked.pages.resize_with(site.pages.len(), || None);
    unlinked.sections.resize_with(site.sections.len(), || None);
    let pages: Vec<(u64, markdown::Rendered)> = site
        .pages
        .par_iter()
        .zip(unlinked.pages)
        .enumerate()
        .map(|(id, (p, unlinked))| {
            crate::bug::processing(&p.source.file, || {
                body(
                    &p.source.ref_path,
                    Target::Page(id),
                    &p.source,
                    &p.scan,
                    unlinked,
                )
            })
        })
        .collect();
    let sections: Vec<(u64, markdown::Rendered)> = site
        .sections
        .par_iter()
        .zip(unlinked.sections)
        .enumerate()
        .map(|(id, (s, unlinked))| match &s.source {
            Some(src) => body(&s.key, Target::Section(id), src, &s.scan, unlinked),
            None => (0, markdown::Rendered::default()),
        })
        .collect();
    let mut keep = HashMap::new();
    if memo.is_some() {
        let keys = site
            .pages
            .iter()
            .map(|p| &p.source.ref_path)
            .zip(&pages)
            .chain(site.sections.iter().map(|s| &s.key).zip(&sections));
        for (key, (fp, rendered)) in keys {
            if stopped() {
                break;
            }
            keep.insert(key.clone(), (*fp, rendered.clone()));
        }
    }
    let bodies = Bodies {
        pages: pages.into_iter().map(|(_, r)| r).collect(),
        sections: sections.into_iter().map(|(_, r)| r).collect(),
    };
    (bodies, keep)
}

/// One templated output of a pass: rendered now, or known unchanged.
pub(crate) struct Outcome {
    path: String,
    fingerprint: Option<u64>,
    html: Option<String>,
    /// Already written by the [`Sink`].
    written: bool,
}

/// Where a build writes each page as soon as it is rendered, so pages need
/// not all be held in memory at once: templates render straight into the
/// file (the print page of a 10 000-page handbook is tens of megabytes).
pub trait Sink: Sync {
    /// Creates the file `path` (relative to the output root) for writing.
    fn create(&self, path: &str) -> std::io::Result<std::fs::File>;
    /// Writing `path` failed; the build reports it and fails.
    fn failed(&self, path: &str, error: std::io::Error);
}

/// A file being written, keeping the first I/O error so that it is reported
/// as what it is rather than as a template error.
struct FileOut {
    out: std::io::BufWriter<std::fs::File>,
    error: Option<std::io::Error>,
}

impl std::io::Write for FileOut {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf).inspect_err(|e| {
            self.error
                .get_or_insert_with(|| std::io::Error::new(e.kind(), e.to_string()));
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Output that fails as soon as the pass is stopped, so that a long render
/// (the print page or handbook.json of a large handbook, tens of
/// megabytes) ends at once instead of finishing work that is thrown away.
struct Until<'a, W> {
    out: W,
    stopped: &'a (dyn Fn() -> bool + Sync),
    /// Bytes written since the last look at `stopped`: renders write in
    /// small pieces, so it is looked at once per [`Self::LOOK_EVERY`] bytes.
    unlooked: usize,
}

impl<'a, W> Until<'a, W> {
    const LOOK_EVERY: usize = 64 * 1024;

    fn new(out: W, stopped: &'a (dyn Fn() -> bool + Sync)) -> Self {
        Until {
            out,
            stopped,
            unlooked: 0,
        }
    }
}

impl<W: std::io::Write> std::io::Write for Until<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.unlooked += buf.len();
        if self.unlooked >= Self::LOOK_EVERY {
            self.unlooked = 0;
            if (self.stopped)() {
                // Not `Interrupted`: `write_all` would retry that.
                return Err(std::io::Error::other("the render pass was stopped"));
            }
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Writes the data file `path` (no template) through `sink` when there is
/// one, so that it need not stay in memory until the build ends; else makes
/// its bytes.
fn write_data(
    sink: Option<&dyn Sink>,
    path: &str,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<Outcome, OutputFile> {
    let Some(sink) = sink else {
        let mut bytes = Vec::new();
        // Writing into memory cannot fail.
        let _ = write(&mut bytes);
        return Err(OutputFile::bytes(path, bytes));
    };
    let written = sink.create(path).and_then(|file| {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, file);
        write(&mut out)?;
        std::io::Write::flush(&mut out)
    });
    if let Err(e) = written {
        sink.failed(path, e);
    }
    Ok(Outcome {
        path: path.to_string(),
        fingerprint: None,
        html: None,
        written: true,
    })
}

/// Renders `template` straight into the file `path` of `sink`.
fn stream_page(
    sink: &dyn Sink,
    templates: &Templates,
    template: &str,
    context: &Context,
    path: &str,
) -> Result<(), Diagnostic> {
    let file = match sink.create(path) {
        Ok(file) => file,
        Err(e) => {
            sink.failed(path, e);
            return Ok(());
        }
    };
    let mut out = FileOut {
        out: std::io::BufWriter::with_capacity(64 * 1024, file),
        error: None,
    };
    let rendered = templates.render_to(template, context, &mut out);
    let flushed = std::io::Write::flush(&mut out.out);
    match out.error.take().map_or(flushed, Err) {
        Err(e) => {
            sink.failed(path, e);
            Ok(())
        }
        Ok(()) => rendered,
    }
}

/// The result of [`render_changed`].
#[derive(Debug)]
pub struct Rendering {
    /// The outputs rendered in this pass.
    pub files: Vec<OutputFile>,
    /// The outputs whose inputs did not change: their earlier bytes stand.
    pub unchanged: Vec<String>,
    /// What the next pass needs to know.
    pub memo: Memo,
    /// Template and theme problems.
    pub diagnostics: Diagnostics,
}

/// Renders the whole site into output files; `unlinked` holds the bodies the
/// load stage already rendered.
pub fn render(
    site: &Site,
    unlinked: UnlinkedBodies,
    theme: &Theme,
    options: &RenderOptions,
) -> (Vec<OutputFile>, Diagnostics) {
    let templates = match Templates::compile(theme) {
        Ok(t) => t,
        Err(d) => return (Vec::new(), d),
    };
    let pass = Pass {
        unlinked,
        ..Pass::default()
    };
    let rendering = render_with(site, theme, &templates, options, pass);
    (rendering.files, rendering.diagnostics)
}

/// Renders the whole site, writing each templated page into `sink` as it is
/// made; returns the other files (generated data, static files) and the
/// diagnostics. A build uses this to keep memory flat on large sites.
pub fn render_streaming(
    site: &Site,
    unlinked: UnlinkedBodies,
    theme: &Theme,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> (Vec<OutputFile>, Diagnostics) {
    let templates = match Templates::compile(theme) {
        Ok(t) => t,
        Err(d) => return (Vec::new(), d),
    };
    let pass = Pass {
        unlinked,
        sink: Some(sink),
        ..Pass::default()
    };
    let rendering = render_with(site, theme, &templates, options, pass);
    (rendering.files, rendering.diagnostics)
}

/// Renders only the outputs whose template or context changed since the pass
/// that left `memo` (every output when the memo is empty). Together with the
/// earlier bytes of [`Rendering::unchanged`], the files are byte for byte
/// those of [`render`]. `None` when `stop` was set before the pass ended
/// (`serve` got another change meanwhile; the pass is moot).
pub fn render_changed(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    options: &RenderOptions,
    memo: &Memo,
    stop: &AtomicBool,
) -> Option<Rendering> {
    let pass = Pass {
        memo: Some(memo),
        stop: Some(stop),
        ..Pass::default()
    };
    let rendering = render_with(site, theme, templates, options, pass);
    (!stop.load(Ordering::Relaxed)).then_some(rendering)
}

/// How one render pass runs, beyond what it renders.
#[derive(Default)]
struct Pass<'a> {
    /// Bodies the load stage already rendered.
    unlinked: UnlinkedBodies,
    /// The previous pass: outputs whose inputs did not change are skipped.
    memo: Option<&'a Memo>,
    /// Where pages are written as they are rendered.
    sink: Option<&'a dyn Sink>,
    /// Set when the pass is moot (`serve` got another change).
    stop: Option<&'a AtomicBool>,
}

fn render_with(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    options: &RenderOptions,
    pass: Pass<'_>,
) -> Rendering {
    let Pass {
        unlinked,
        memo,
        sink,
        stop,
    } = pass;
    // Once stopped, the rest of the pass skips its work: its result is
    // thrown away.
    let stopped = || stop.is_some_and(|s| s.load(Ordering::Relaxed));
    // The live-reload snippet is spliced into the finished text.
    let sink = sink.filter(|_| options.inject.is_none());
    let mut diagnostics = Diagnostics::new();
    let cards = context::SharedCards::new(site);
    let contexts = Contexts::new(site, &cards);
    let mut base = Context::new();
    let site_context = contexts.site();
    let seed = memo.map(|_| {
        let mut h = std::hash::DefaultHasher::new();
        memo::hash_serialized(&mut h, &site_context);
        memo::hash_serialized(&mut h, &theme.meta);
        std::hash::Hash::hash(&options.inject, &mut h);
        std::hash::Hasher::finish(&h)
    });
    base.insert("site", &site_context);
    base.insert("theme", &theme.meta);
    let (mut bodies, body_memo) = render_bodies_with(site, unlinked, memo, &stopped);
    let page_for = |path: String,
                    template: &str,
                    target: Target,
                    fill: &dyn Fn(&mut Vars)|
     -> Result<Outcome, Diagnostic> {
        if stopped() {
            return Ok(Outcome {
                path,
                fingerprint: None,
                html: None,
                written: false,
            });
        }
        let seed = seed.map(|s| {
            let mut h = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(&(s, template, templates.fingerprints.get(template)), &mut h);
            std::hash::Hasher::finish(&h)
        });
        let nav = contexts.nav(target);
        let fingerprint = seed.map(|seed| {
            let mut vars = Vars::hashing(seed, &stopped);
            vars.insert("nav", &nav);
            fill(&mut vars);
            vars.fingerprint().unwrap_or_default()
        });
        let known = memo.and_then(|m| m.outputs.get(&path));
        if fingerprint.is_some() && known == fingerprint.as_ref() {
            return Ok(Outcome {
                path,
                fingerprint,
                html: None,
                written: false,
            });
        }
        let mut vars = Vars::Build(base.clone());
        vars.insert("nav", &nav);
        fill(&mut vars);
        let context = vars.into_context();
        if let Some(sink) = sink {
            stream_page(sink, templates, template, &context, &path)?;
            return Ok(Outcome {
                path,
                fingerprint,
                html: None,
                written: true,
            });
        }
        let mut bytes = Vec::new();
        templates.render_to(template, &context, Until::new(&mut bytes, &stopped))?;
        let html = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let html = inject(html, options.inject.as_deref());
        Ok(Outcome {
            path,
            fingerprint,
            html: Some(html),
            written: false,
        })
    };
    let page_results: Vec<Result<Outcome, Diagnostic>> = site
        .pages
        .par_iter()
        .enumerate()
        .map(|(id, p)| {
            let page = contexts.page(id, &bodies.pages[id].html);
            page_for(
                output_path(&p.url),
                &page_template(templates, p.kind),
                Target::Page(id),
                &|ctx| ctx.insert("page", &page),
            )
        })
        .collect();
    let section_results: Vec<Result<Outcome, Diagnostic>> = site
        .sections
        .par_iter()
        .enumerate()
        .map(|(id, s)| {
            let section = contexts.section(id, &bodies.sections[id].html);
            page_for(
                output_path(&s.url),
                section_template(id),
                Target::Section(id),
                &|ctx| ctx.insert("section", &section),
            )
        })
        .collect();
    let mut outcomes = Vec::with_capacity(site.pages.len() + site.sections.len() + 64);
    for result in page_results.into_iter().chain(section_results) {
        match result {
            Ok(o) => outcomes.push(o),
            Err(d) => diagnostics.push(d),
        }
    }
    // Pages and sections are done: `/print/` takes over the bodies' HTML.
    let html = bodies.take_html();
    let generated = generated::Generated {
        site,
        contexts: &contexts,
        bodies: &bodies,
        sink,
        stopped: &stopped,
        render: &|path: String, template: &str, fill: &dyn Fn(&mut Vars)| {
            // A generated page is no page of the site, but the sidebar marks
            // it as current (`/matrix/`, `/tags/`, `/print/`, `/review/`).
            let mut nav = contexts.nav(Target::Section(0));
            nav.current_url = site.href(path.strip_suffix("index.html").unwrap_or(&path));
            page_for(path, template, Target::Section(0), &|vars: &mut Vars| {
                vars.insert("nav", &nav);
                fill(vars);
            })
        },
    };
    let mut files = Vec::with_capacity(outcomes.len() + 64);
    let made = (!stopped()).then(|| generated.all(html));
    match made {
        Some(Ok((more, fixed))) => {
            outcomes.extend(more);
            files.extend(fixed);
        }
        Some(Err(ds)) => diagnostics.extend(ds),
        None => {}
    }
    if stopped() {
        // The pass is thrown away: what follows is for a finished one. Its
        // bodies (twice, with the memo's copies) are freed on the side: a
        // newer change is waiting.
        drop_aside((bodies, body_memo));
        return Rendering {
            files: Vec::new(),
            unchanged: Vec::new(),
            memo: Memo::default(),
            diagnostics,
        };
    }
    let mut unchanged = Vec::new();
    let mut written = Vec::new();
    let mut outputs = HashMap::with_capacity(outcomes.len());
    for o in outcomes {
        if let Some(fp) = o.fingerprint {
            outputs.insert(o.path.clone(), fp);
        }
        match (o.html, o.written) {
            (Some(html), _) => files.push(OutputFile::bytes(o.path, html)),
            (None, true) => written.push(o.path),
            (None, false) => unchanged.push(o.path),
        }
    }
    // An unknown highlight theme was reported when the theme was resolved.
    if let Some(css) = crate::markdown::highlight::site_css(&site.config.highlight_theme) {
        files.push(OutputFile::bytes("highlight.css", css));
    }
    if site.config.search {
        files.extend(search_index(site, &bodies, &stopped).unwrap_or_default());
    }
    let statics = static_files(site, theme);
    written.extend(unchanged.iter().cloned());
    diagnostics.extend(collisions(&files, &written, &statics, site));

    files.extend(statics);
    Rendering {
        files,
        unchanged,
        memo: Memo {
            bodies: body_memo,
            outputs,
        },
        diagnostics,
    }
}

/// Drops `value` on a thread of its own (should none start, here).
fn drop_aside<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("credo-free".into())
        .spawn(move || drop(value));
}

/// The output file of a page or section at `url`.
fn output_path(url: &str) -> String {
    format!("{url}index.html")
}

/// A page's template: its kind's own (`principle.html`), else `page.html`.
fn page_template(templates: &Templates, kind: crate::load::frontmatter::Kind) -> String {
    let own = format!("{}.html", kind.as_str());
    if templates.has(&own) {
        own
    } else {
        "page.html".to_string()
    }
}

/// A section's template: the home page is section 0.
fn section_template(id: crate::site::SectionId) -> &'static str {
    if id == 0 {
        "index.html"
    } else {
        "section.html"
    }
}

/// Renders the page or section `target` alone, byte for byte as a render of
/// the whole site would: `serve` answers an edit of one body with it while
/// the outputs that gather every body (`/print/`, the search index) follow.
/// Its output path and HTML.
pub fn render_one(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    options: &RenderOptions,
    target: Target,
) -> Result<(String, String), Diagnostic> {
    let contexts = Contexts::plain(site);
    let mut context = Context::new();
    context.insert("site", &contexts.site());
    context.insert("theme", &theme.meta);
    context.insert("nav", &contexts.nav(target));
    let links = PageLinks { site, from: target };
    let (template, path) = match target {
        Target::Page(id) => {
            let p = &site.pages[id];
            let body = markdown::render(p.source.body(), p.source.drops_title(), &links);
            context.insert("page", &contexts.page(id, &body.html));
            (page_template(templates, p.kind), output_path(&p.url))
        }
        Target::Section(id) => {
            let s = &site.sections[id];
            let body = s
                .source
                .as_ref()
                .map(|src| markdown::render(src.body(), src.drops_title(), &links))
                .unwrap_or_default();
            context.insert("section", &contexts.section(id, &body.html));
            (section_template(id).to_string(), output_path(&s.url))
        }
    };
    let html = inject(
        templates.render(&template, &context)?,
        options.inject.as_deref(),
    );
    Ok((path, html))
}

/// Whether the output `path` is made from the bodies of many pages (the
/// print page, handbook.json's excerpts, the search index) rather than from
/// front matter and the site's graph: after an edit of one body, these are
/// the outputs besides the page itself that can change.
pub fn gathers_bodies(path: &str) -> bool {
    path == generated::PRINT_PAGE
        || path == generated::HANDBOOK_JSON
        || (path.starts_with(crate::search::INDEX_FOLDER) && path.ends_with(".json"))
}

/// A static file that would overwrite a page or a generated file is an
/// error: which one wins must never depend on the order of parallel writes.
fn collisions(
    made: &[OutputFile],
    elsewhere: &[String],
    statics: &[OutputFile],
    site: &Site,
) -> Vec<Diagnostic> {
    let made: std::collections::HashSet<&str> = made
        .iter()
        .map(|f| f.path.as_str())
        .chain(elsewhere.iter().map(String::as_str))
        .collect();
    statics
        .iter()
        .filter(|s| made.contains(s.path.as_str()))
        .map(|s| {
            let file = match &s.content {
                Content::Copy(p) => site
                    .statics
                    .iter()
                    .find(|st| &st.source == p)
                    .map_or_else(|| s.path.clone(), |st| st.display.clone()),

                _ => s.path.clone(),
            };
            Diagnostic::error(
                file,
                0,
                0,
                Code::DuplicateUrl,
                format!(
                    "this static file and a page credo generates both write /{}",
                    s.path
                ),
            )
        })
        .collect()
}

/// Theme static files, then the site's own (which win), then content assets.
fn static_files(site: &Site, theme: &Theme) -> Vec<OutputFile> {
    let mut by_path: BTreeMap<String, Content> = theme
        .statics
        .iter()
        .map(|(path, asset)| {
            let content = match asset {
                Asset::Embedded(bytes) => Content::Embedded(bytes),
                Asset::File(p) => Content::Copy(p.clone()),
            };
            (path.clone(), content)
        })
        .collect();
    for s in &site.statics {
        by_path.insert(s.output_path.clone(), Content::Copy(s.source.clone()));
    }
    by_path
        .into_iter()
        .map(|(path, content)| OutputFile { path, content })
        .collect()
}

fn inject(mut html: String, snippet: Option<&str>) -> String {
    if let Some(snippet) = snippet {
        match html.rfind("</body>") {
            Some(at) => html.insert_str(at, snippet),
            None => html.push_str(snippet),
        }
    }
    html
}

/// The search index of every page and section, from the text already
/// rendered; `None` once `stopped`.
fn search_index(
    site: &Site,
    bodies: &Bodies,
    stopped: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<OutputFile>> {
    fn headings(scan: &crate::markdown::Scan) -> Vec<crate::search::SearchHeading<'_>> {
        scan.headings
            .iter()
            .map(|h| crate::search::SearchHeading {
                level: h.level,
                id: &h.id,
                text: &h.text,
            })
            .collect()
    }

    let pages = site
        .pages
        .iter()
        .enumerate()
        .map(|(id, p)| crate::search::SearchDoc {
            url: &p.url,
            kind: p.kind.as_str(),
            title: &p.meta.title,
            summary: p.meta.summary.as_deref().unwrap_or_default(),
            tags: &p.meta.tags,
            headings: headings(&p.scan),
            body: &bodies.pages[id].text,
        });
    let sections = site
        .sections
        .iter()
        .enumerate()
        .map(|(id, s)| crate::search::SearchDoc {
            url: &s.url,
            kind: "section",
            title: &s.title,
            summary: s.meta.summary.as_deref().unwrap_or_default(),
            tags: &[],
            headings: headings(&s.scan),
            body: &bodies.sections[id].text,
        });
    let docs: Vec<crate::search::SearchDoc<'_>> = pages.chain(sections).collect();
    let index = crate::search::build_index_until(&docs, &site.config.language, stopped)?;
    Some(
        index
            .into_iter()
            .map(|f| OutputFile::bytes(f.path, f.bytes))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    #[test]
    fn until_passes_everything_on_while_not_stopped() {
        let mut out = Vec::new();
        let mut until = Until::new(&mut out, &|| false);
        let piece = [b'x'; 1000];
        for _ in 0..200 {
            until.write_all(&piece).expect("never stopped");
        }
        assert_eq!(out.len(), 200_000);
    }

    #[test]
    fn until_fails_within_a_look_of_the_stop() {
        let stop = AtomicBool::new(false);
        let stopped = || stop.load(Ordering::Relaxed);
        let mut out = Vec::new();
        let mut until = Until::new(&mut out, &stopped);
        until.write_all(b"<html>").expect("not stopped yet");
        stop.store(true, Ordering::Relaxed);
        let piece = [b'x'; 1000];
        let failed = (0..200).find(|_| until.write_all(&piece).is_err());
        let pieces = failed.expect("a stopped render fails");
        assert!(pieces * piece.len() < Until::<()>::LOOK_EVERY, "{pieces}");
    }
}
