//! Stage 3, render: the [`Site`] and a [`Theme`] become output files.
//!
//! Templates are compiled once; Markdown bodies are rendered in parallel, then
//! every page, section and generated page (tags, matrix, print, review, search,
//! 404, alias redirects, sitemap, handbook.json) is rendered in parallel too.
//! Each page gets its kind's template (`principle.html`...), falling back to
//! `page.html`. Template errors become diagnostics at the template's
//! `path:line:col` (Tera 2 gives spans for syntax and render errors alike).

pub mod context;
mod generated;
pub mod theme;

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::{self, LinkRef, LinkResolver, Resolved};
use crate::site::{Site, Target};
use context::Contexts;
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

/// The site-relative URL path of a tag page.
pub fn tag_url(tag: &str) -> String {
    let slug = markdown::slugify(tag);
    format!("tags/{}/", if slug.is_empty() { "tag" } else { &slug })
}

/// Compiled templates, with their sources kept for diagnostics.
pub struct Templates {
    tera: Tera,
    sources: BTreeMap<String, TemplateSource>,
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

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| self.diagnostic(&e))
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
            return Diagnostic::error("templates", 0, 0, "template", message);
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
            "template",
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
        let (target, anchor) = self.site.resolve_link(self.from, link).ok()?;
        let mut href = if target == self.from && anchor.is_some() {
            String::new()
        } else {
            self.site.href(self.site.url(target))
        };
        if let Some(anchor) = anchor {
            href.push('#');
            href.push_str(&crate::site::encode_path(&anchor));
        }
        Some(Resolved {
            href,
            title: self.site.title(target).to_string(),
        })
    }
}

/// The Markdown bodies of every page and section, rendered.
pub struct Bodies {
    /// Per page, in [`Site::pages`] order.
    pub pages: Vec<markdown::Rendered>,
    /// Per section, in [`Site::sections`] order.
    pub sections: Vec<markdown::Rendered>,
}

/// Renders every body in parallel.
pub fn render_bodies(site: &Site) -> Bodies {
    let pages = site
        .pages
        .par_iter()
        .enumerate()
        .map(|(id, p)| {
            crate::bug::processing(&p.source.file, || {
                markdown::render(
                    p.source.body(),
                    &PageLinks {
                        site,
                        from: Target::Page(id),
                    },
                )
            })
        })
        .collect();
    let sections = site
        .sections
        .par_iter()
        .enumerate()
        .map(|(id, s)| match &s.source {
            Some(src) => markdown::render(
                src.body(),
                &PageLinks {
                    site,
                    from: Target::Section(id),
                },
            ),
            None => markdown::Rendered::default(),
        })
        .collect();
    Bodies { pages, sections }
}

/// Renders the whole site into output files.
pub fn render(
    site: &Site,
    theme: &Theme,
    options: &RenderOptions,
) -> (Vec<OutputFile>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let templates = match Templates::compile(theme) {
        Ok(t) => t,
        Err(d) => return (Vec::new(), d),
    };
    let contexts = Contexts::new(site);
    let mut base = Context::new();
    base.insert("site", &contexts.site());
    base.insert("theme", &theme.meta);
    let bodies = render_bodies(site);
    let page_for = |template: &str,
                    target: Target,
                    fill: &dyn Fn(&mut Context)|
     -> Result<String, Diagnostic> {
        let mut ctx = base.clone();
        ctx.insert("nav", &contexts.nav(target));
        fill(&mut ctx);
        let html = templates.render(template, &ctx)?;
        Ok(inject(html, options.inject.as_deref()))
    };
    let page_results: Vec<Result<OutputFile, Diagnostic>> = site
        .pages
        .par_iter()
        .enumerate()
        .map(|(id, p)| {
            let own = format!("{}.html", p.kind.as_str());
            let template = if templates.has(&own) {
                own.as_str()
            } else {
                "page.html"
            };
            let page = contexts.page(id, &bodies.pages[id].html);
            let html = page_for(template, Target::Page(id), &|ctx| ctx.insert("page", &page))?;
            Ok(OutputFile::bytes(format!("{}index.html", p.url), html))
        })
        .collect();
    let section_results: Vec<Result<OutputFile, Diagnostic>> = site
        .sections
        .par_iter()
        .enumerate()
        .map(|(id, s)| {
            let template = if id == 0 {
                "index.html"
            } else {
                "section.html"
            };
            let section = contexts.section(id, &bodies.sections[id].html);
            let html = page_for(template, Target::Section(id), &|ctx| {
                ctx.insert("section", &section)
            })?;
            Ok(OutputFile::bytes(format!("{}index.html", s.url), html))
        })
        .collect();
    let mut files = Vec::with_capacity(site.pages.len() + site.sections.len() + 64);
    for result in page_results.into_iter().chain(section_results) {
        match result {
            Ok(f) => files.push(f),
            Err(d) => diagnostics.push(d),
        }
    }
    let generated = generated::Generated {
        site,
        contexts: &contexts,
        bodies: &bodies,
        render: &|template: &str, fill: &dyn Fn(&mut Context)| {
            page_for(template, Target::Section(0), fill)
        },
    };
    match generated.all() {
        Ok(more) => files.extend(more),
        Err(ds) => diagnostics.extend(ds),
    }
    // An unknown highlight theme was reported when the theme was resolved.
    if let Some(css) = crate::markdown::highlight::theme_css(&site.config.highlight_theme) {
        files.push(OutputFile::bytes("highlight.css", css));
    }
    if site.config.search {
        files.extend(search_index(site, &bodies));
    }
    let statics = static_files(site, theme);

    diagnostics.extend(collisions(&files, &statics, site));
    files.extend(statics);
    (files, diagnostics)
}

/// A static file that would overwrite a page or a generated file is an
/// error: which one wins must never depend on the order of parallel writes.
fn collisions(made: &[OutputFile], statics: &[OutputFile], site: &Site) -> Vec<Diagnostic> {
    let made: std::collections::HashSet<&str> = made.iter().map(|f| f.path.as_str()).collect();
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
                "duplicate-url",
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

/// The search index of every page and section, from the text already rendered.
fn search_index(site: &Site, bodies: &Bodies) -> Vec<OutputFile> {
    fn headings(scan: &crate::markdown::Scan) -> Vec<&str> {
        scan.headings.iter().map(|h| h.text.as_str()).collect()
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
    crate::search::build_index(&docs)
        .into_iter()
        .map(|f| OutputFile::bytes(f.path, f.bytes))
        .collect()
}
