//! Stage 3, render: the [`Site`] and a [`Theme`] become output files.
//!
//! Templates are compiled once; Markdown bodies are rendered in parallel, then
//! every page, section and generated page (tags, matrix, print, review, search,
//! 404, alias redirects, sitemap, handbook.json) is rendered in parallel too.
//! Each page gets its kind's template (`principle.html`...), falling back to
//! `page.html`. Template errors become diagnostics at the template's
//! `path:line:col` (Tera 2 gives spans for syntax and render errors alike).

pub(crate) mod actions;
mod bodies;
mod cards;
mod changes;
pub(crate) mod context;
mod copies;
mod filters;
mod generated;
mod handbook;
pub(crate) mod memo;
pub(crate) mod nav;
mod sidebar;
mod sink;
mod statics;
pub(crate) mod strings;
mod templates;
pub(crate) mod theme;

pub(crate) use bodies::{Bodies, UnlinkedBodies};
use bodies::{BodyHtml, PageLinks, render_bodies_with};
pub(crate) use sink::Sink;
use sink::{Until, stream_page, write_data};
use statics::{collisions, static_files};
pub(crate) use templates::Templates;

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
pub(crate) use memo::{Memo, Vars};
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

/// One templated output of a pass: rendered now, or known unchanged.
pub(crate) struct Outcome {
    path: String,
    fingerprint: Option<u64>,
    html: Option<String>,
    /// Already written by the [`Sink`].
    written: bool,
}

/// The result of [`render_site`].
#[derive(Debug)]
pub(crate) struct Rendering {
    /// The outputs rendered in this pass.
    pub files: Vec<OutputFile>,
    /// The outputs whose inputs did not change: their earlier bytes stand.
    pub unchanged: Vec<String>,
    /// What the next pass needs to know.
    pub memo: Memo,
    /// Template and theme problems.
    pub diagnostics: Diagnostics,
}

/// How one render pass runs, beyond what it renders: a build streams its
/// pages into a sink and hands over the bodies the load stage rendered;
/// `serve` skips what its memo knows and stops when a newer change comes in.
#[derive(Default)]
pub(crate) struct Pass<'a> {
    /// Bodies the load stage already rendered.
    pub unlinked: UnlinkedBodies,
    /// The previous pass: outputs whose inputs did not change are skipped
    /// (every output is rendered when the memo is empty).
    pub memo: Option<&'a Memo>,
    /// Where pages are written as they are rendered (a build uses this to
    /// keep memory flat on large sites).
    pub sink: Option<&'a dyn Sink>,
    /// Set when the pass is moot (`serve` got another change).
    pub stop: Option<&'a AtomicBool>,
    /// The folder this edition is written under (`de/`; empty for the
    /// default language).
    pub prefix: &'a str,
}

/// Renders the site: the templated outputs the memo does not know (with
/// the earlier bytes of [`Rendering::unchanged`], byte for byte a pass
/// without a memo), the generated data and the static files. `None` when
/// the pass was stopped before it ended.
pub(crate) fn render_site(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    options: &RenderOptions,
    pass: Pass<'_>,
) -> Option<Rendering> {
    let stop = pass.stop;
    let rendering = render_with(site, theme, templates, options, pass);
    (!stop.is_some_and(|s| s.load(Ordering::Relaxed))).then_some(rendering)
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
        prefix,
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
    let site_context = contexts.site(&theme.strings);
    let seed = memo.map(|_| {
        let mut h = std::hash::DefaultHasher::new();
        memo::hash_serialized(&mut h, &site_context);
        memo::hash_serialized(&mut h, &theme.meta);
        std::hash::Hash::hash(&options.inject, &mut h);
        std::hash::Hasher::finish(&h)
    });
    base.insert("site", &site_context);
    base.insert("theme", &theme.meta);
    let sidebars = sidebar::Sidebars::new(templates);
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
        let mut nav = contexts.nav(target);
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
        if let (Target::Page(_), Some(sidebars)) = (target, &sidebars) {
            nav.sidebar = sidebars.for_page(&base, &mut nav);
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
        strings: &site_context.strings,
        bodies: &bodies,
        sink,
        stopped: &stopped,
        render: &|path: String, template: &str, fill: &dyn Fn(&mut Vars)| {
            // A generated page is no page of the site, but the sidebar marks
            // it as current (`/matrix/`, `/tags/`, `/print/`, `/review/`).
            let mut nav = contexts.nav(Target::Section(0));
            let own = path.strip_suffix("index.html").unwrap_or(&path);
            nav.current_url = site.href(own);
            nav.path = own.to_string();
            nav.missing_in = site.config.languages_without(own);
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
        crate::pipeline::drop_aside((bodies, body_memo));
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
    if site.config.search {
        let timer = crate::pipeline::Stopwatch::from_env();
        if let Some((index, streamed)) = search_index(
            site,
            &bodies,
            site_context.strings.get("checklist"),
            sink,
            &stopped,
        ) {
            files.extend(index);
            written.extend(streamed);
        }
        timer.report("render.search");
    }
    let statics = static_files(site, theme);
    written.extend(unchanged.iter().cloned());
    diagnostics.extend(collisions(&files, &written, &statics, (site, prefix)));

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
pub(crate) fn render_one(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    options: &RenderOptions,
    target: Target,
) -> Result<(String, String), Diagnostic> {
    let contexts = Contexts::plain(site);
    let mut context = Context::new();
    context.insert("site", &contexts.site(&theme.strings));
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
/// rendered; `None` once `stopped`. With a `sink`, each page's document file
/// is written straight through it once the dictionary is built (their paths
/// are returned second): on a large site they are most of the index's files
/// and bytes, which need not wait in memory for the write stage.
fn search_index(
    site: &Site,
    bodies: &Bodies,
    checklist_heading: &str,
    sink: Option<&dyn Sink>,
    stopped: &(dyn Fn() -> bool + Sync),
) -> Option<(Vec<OutputFile>, Vec<String>)> {
    // What a page shows of its front matter, as the templates show it.
    fn contrast_text(contrast: Option<&crate::load::vocabulary::Contrast>) -> Vec<&str> {
        let Some(c) = contrast else {
            return Vec::new();
        };
        // Row by row, as the table reads.
        let (left, right) = (&c.left, &c.right);
        let mut out = vec![left.title.as_str(), right.title.as_str()];
        for row in 0..left.points.len().max(right.points.len()) {
            out.extend(left.points.get(row).map(String::as_str));
            out.extend(right.points.get(row).map(String::as_str));
        }
        out
    }
    fn checklist_text(groups: &[crate::load::vocabulary::ChecklistGroup]) -> Vec<&str> {
        let mut out = Vec::new();
        for group in groups {
            out.extend(group.group.as_deref());
            for item in &group.items {
                out.push(item.text.as_str());
                out.extend(item.detail.as_deref());
            }
        }
        out
    }

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
            // Only an attitude's template shows its contrast.
            before: contrast_text(
                (p.meta.contrast.as_ref())
                    .filter(|_| p.kind == crate::load::frontmatter::Kind::Attitude),
            ),
            after: (!p.meta.checklist.is_empty()).then(|| crate::search::SearchPart {
                id: "checklist-heading",
                heading: checklist_heading,
                texts: checklist_text(&p.meta.checklist),
            }),
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
            before: Vec::new(),
            after: None,
        });
    let docs: Vec<crate::search::SearchDoc<'_>> = pages.chain(sections).collect();
    let language = &site.config.language;
    let to_output = |index: Vec<crate::search::IndexFile>| -> Vec<OutputFile> {
        index
            .into_iter()
            .map(|f| OutputFile::bytes(f.path, f.bytes))
            .collect()
    };
    let Some(sink) = sink else {
        let index = crate::search::build_index_until(&docs, language, stopped)?;
        return Some((to_output(index), Vec::new()));
    };
    // The dictionary first, then the documents: side by side, both at their
    // peak, they took the build past its memory budget.
    let dictionary = crate::search::build_dictionary_until(&docs, language, stopped)?;
    let streamed = docs
        .par_iter()
        .enumerate()
        .filter_map(|(id, doc)| {
            if stopped() {
                return None;
            }
            let path = crate::search::doc_path(id);
            let bytes = crate::search::doc_bytes(doc);
            let written = sink
                .create(&path)
                .and_then(|mut file| std::io::Write::write_all(&mut file, &bytes));
            if let Err(e) = written {
                sink.failed(&path, e);
            }
            Some(path)
        })
        .collect::<Vec<String>>();
    Some((to_output(dictionary), streamed))
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
