//! Outputs credo makes from the model rather than from one file: every entry
//! of the outputs table ([`crate::outputs::OUTPUTS`]: the tag index and tag
//! pages, `/matrix/`, `/print/`, `/review/`, `/search/`, `404.html`,
//! `sitemap.xml`, `handbook.json`, …), the alias redirects and the Markdown
//! copies.
//!
//! Each page is a typed context rendered by the template the table names;
//! the data files (sitemap, handbook.json, feed, llms.txt) have fixed formats. All listings follow reading order or
//! sorted keys, so the output is byte-identical for the same input.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use super::context::{Card, Contexts};
use super::{Bodies, BodyHtml, Outcome, OutputFile, Sink, Until, Vars, write_data};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::frontmatter::{ChecklistGroup, Kind};
use crate::markdown::slugify;
use crate::outputs::{Id, OUTPUTS, Output};
use crate::site::{Site, Target};
use rayon::prelude::*;
use serde::Serialize;

/// Generated pages, rendered or failed, in a fixed order.
type Made = Vec<Result<Outcome, Diagnostic>>;

/// One generated output as made.
enum Product {
    /// A templated page, rendered (or known unchanged), or its template's
    /// error.
    Page(Result<Outcome, Diagnostic>),
    /// A file of a fixed format: written to the sink, or kept in memory.
    Data(Result<Outcome, OutputFile>),
}

type RenderFn<'a> =
    dyn Fn(String, &str, &dyn Fn(&mut Vars)) -> Result<Outcome, Diagnostic> + Sync + 'a;

/// Everything the generated pages need.
pub(super) struct Generated<'a> {
    pub site: &'a Site,
    pub contexts: &'a Contexts<'a>,
    /// The theme's words in the site's language (month names).
    pub strings: &'a super::strings::Strings,
    pub bodies: &'a Bodies,
    /// Where the build writes its files as they are made, if it streams.
    pub sink: Option<&'a dyn Sink>,
    /// Whether the pass was stopped (its result is thrown away): each page
    /// and each long list made for one looks at it, so that `serve` turns
    /// to a newer change within milliseconds.
    pub stopped: &'a (dyn Fn() -> bool + Sync),
    pub render: &'a RenderFn<'a>,
}

/// Where each entry of `/print/` is: by what it is, and by the `href`
/// links inside bodies give it.
struct PrintAnchors {
    of: HashMap<Target, String>,
    by_href: HashMap<String, String>,
}

/// A tag with its pages, as `tag` (tag.html) or in `tags` (tags.html).
#[derive(Serialize)]
struct TagContext<'a> {
    /// The tag as written.
    name: &'a str,
    /// The tag page's `href`.
    url: String,
    /// How many pages carry it.
    count: usize,
    /// The pages, in reading order.
    pages: Vec<Card<'a>>,
}

/// `/matrix/`: scenarios × principles.
#[derive(Serialize)]
struct MatrixContext<'a> {
    /// Whether the grid is small enough to draw; above [`MATRIX_MAX_CELLS`]
    /// cells each row lists only the principles it applies.
    dense: bool,
    /// The column heads.
    principles: Vec<Card<'a>>,
    /// Whether each principle is applied by some scenario (same order).
    applied: Vec<bool>,
    /// One row per scenario.
    rows: Vec<MatrixRow<'a>>,
}

#[derive(Serialize)]
struct MatrixRow<'a> {
    /// The scenario.
    scenario: Card<'a>,
    /// One cell per principle: whether the scenario applies it (dense only).
    cells: Vec<bool>,
    /// The principles it applies, in reading order.
    applies: Vec<Card<'a>>,
}

/// Above this many scenario × principle cells the matrix is a list: a grid of
/// 4 000 scenarios by 500 principles would be tens of megabytes that no one reads.
const MATRIX_MAX_CELLS: usize = 50_000;

/// One page or section of `/print/`.
#[derive(Serialize)]
struct PrintEntry<'a> {
    /// The in-page anchor.
    anchor: String,
    /// The page or section.
    page: Card<'a>,
    /// Whether this entry opens a section (a page break before it in print).
    is_section: bool,
    /// 1 for top-level sections and their pages, deeper for nested ones.
    depth: usize,
    /// The body, with ids prefixed and internal links turned into anchors.
    content: String,
    /// The title heading's id, prefixed as the body's are (links to
    /// `#title` land on the entry's heading), when the title came from it.
    title_id: Option<String>,
    /// The checklist, printed as empty boxes.
    checklist: &'a [ChecklistGroup],
    /// (track) Its steps, in order.
    steps: Vec<PrintStep<'a>>,
}

/// A track's step on `/print/`.
#[derive(Serialize)]
struct PrintStep<'a> {
    /// The step's title.
    title: &'a str,
    /// Where the step is printed: its anchor on `/print/`.
    anchor: String,
    /// The step's note.
    note: Option<&'a str>,
}

/// A page of `/acknowledgements/`.
#[derive(Serialize)]
struct AcknowledgeEntry<'a> {
    /// The page.
    page: Card<'a>,
    /// Its current version.
    version: &'a str,
    /// Its newest material change's key (see `page.material`).
    material: String,
    /// Its newest material change, if any.
    changed: Option<&'a crate::load::changes::Change>,
}

/// One line of `/review/`.
#[derive(Serialize)]
struct ReviewEntry<'a> {
    /// The page.
    page: Card<'a>,
    /// Who keeps it true.
    owner: Option<&'a str>,
    /// `YYYY-MM-DD`, or none when never reviewed.
    reviewed: Option<String>,
}

impl Generated<'_> {
    /// Every generated file: each entry of the outputs table the site has,
    /// made by its own function (the templated ones rendered, or known
    /// unchanged), then the aliases and the Markdown copies.
    pub(super) fn all(
        &self,
        html: BodyHtml,
    ) -> Result<(Vec<Outcome>, Vec<OutputFile>), Diagnostics> {
        let mut present: Vec<&Output> = (OUTPUTS.iter())
            .filter(|o| o.present(self.site.config.search))
            .collect();
        // The outputs that gather every body are the long ones: they go
        // first, and the others fill the other core meanwhile.
        present.sort_by_key(|o| !o.gathers_bodies);
        let html = Mutex::new(Some(html));
        let mut made: Vec<Product> = present
            .par_iter()
            .flat_map_iter(|o| self.make(o, &html))
            .collect();
        made.extend(self.aliases().into_iter().map(Product::Page));
        if (self.stopped)() {
            // Thrown away.
            return Ok((Vec::new(), Vec::new()));
        }
        let copies = super::copies::markdown_copies(self.site, self.sink, self.stopped);
        made.extend(copies.into_iter().map(Product::Data));
        let mut outcomes = Vec::with_capacity(made.len());
        let mut fixed = Vec::new();
        let mut diagnostics = Diagnostics::new();
        for product in made {
            match product {
                Product::Page(Ok(o)) | Product::Data(Ok(o)) => outcomes.push(o),
                Product::Page(Err(d)) => diagnostics.push(d),
                Product::Data(Err(kept)) => fixed.push(kept),
            }
        }
        if diagnostics.is_empty() {
            Ok((outcomes, fixed))
        } else {
            Err(diagnostics)
        }
    }

    /// Makes the table's entry `output` (the print page takes the bodies'
    /// HTML out of `html`).
    fn make(&self, output: &Output, html: &Mutex<Option<BodyHtml>>) -> Vec<Product> {
        if (self.stopped)() {
            return Vec::new();
        }
        let page = |fill: &dyn Fn(&mut Vars)| {
            let template = output.template.unwrap_or("page.html");
            vec![Product::Page((self.render)(
                output.path.into(),
                template,
                fill,
            ))]
        };
        let data = |bytes: Vec<u8>| vec![Product::Data(Err(OutputFile::bytes(output.path, bytes)))];
        match output.id {
            Id::NotFound | Id::Search => page(&|_| {}),
            Id::Tags => {
                let tags = self.tags();
                let mut made = page(&|ctx| ctx.insert("tags", &tags));
                made.par_extend(tags.par_iter().map(|tag| {
                    let path = format!("{}index.html", self.site.tag_url(tag.name));
                    Product::Page((self.render)(path, "tag.html", &|ctx| {
                        ctx.insert("tag", tag)
                    }))
                }));
                made
            }
            Id::Matrix => {
                let matrix = self.matrix();
                page(&|ctx| ctx.insert("matrix", &matrix))
            }
            Id::Print => {
                let html = html.lock().ok().and_then(|mut h| h.take());
                let Some(html) = html else {
                    return Vec::new();
                };
                let print = self.print(&self.print_anchors(), html);
                page(&|ctx| ctx.insert_value("entries", &print))
            }
            Id::Review => {
                let review = self.review();
                page(&|ctx| ctx.insert("entries", &review))
            }
            Id::Changes => {
                let months = super::changes::months(self.site, self.contexts, self.strings);
                page(&|ctx| ctx.insert("months", &months))
            }
            Id::Acknowledgements => {
                let acknowledge = self.acknowledge();
                page(&|ctx| ctx.insert("pages", &acknowledge))
            }
            Id::HandbookJson => {
                vec![Product::Data(write_data(self.sink, output.path, |out| {
                    let out = Until::new(out, self.stopped);
                    // Compact: indentation was a fifth of its bytes.
                    serde_json::to_writer(out, &self.handbook()).map_err(std::io::Error::other)
                }))]
            }
            Id::Sitemap => data(self.sitemap().into_bytes()),
            Id::LlmsTxt => data(super::copies::llms_txt(self.site).into_bytes()),
            // One file per language that every page loads (and a browser
            // keeps), rather than 2 KB of the same words in every page.
            Id::ScriptStrings => {
                let json = super::strings::script_json(self.strings);
                data(format!("window.credoStrings = {json};\n").into_bytes())
            }
            Id::ChangesFeed => data(super::changes::atom_feed(self.site, self.strings)),
            // An unknown highlight theme was reported when the theme was
            // resolved.
            Id::HighlightCss => {
                crate::markdown::highlight::site_css(&self.site.config.highlight_theme)
                    .map(|css| data(css.into_bytes()))
                    .unwrap_or_default()
            }
        }
    }

    /// The redirects from each alias to its page.
    fn aliases(&self) -> Made {
        if (self.stopped)() {
            return Vec::new();
        }
        self.site
            .aliases
            .par_iter()
            .map(|(alias, target)| {
                let to = self.site.href(self.site.url(*target));
                let title = self.site.title(*target);
                let path = if alias.ends_with('/') {
                    format!("{alias}index.html")
                } else {
                    alias.clone()
                };
                let permalink = format!("{}{to}", self.site.config.origin());
                (self.render)(path, "alias.html", &|ctx| {
                    ctx.insert("target", &to);
                    ctx.insert("permalink", &permalink);
                    ctx.insert("title", title);
                })
            })
            .collect()
    }

    /// The pages readers must acknowledge, in reading order, for
    /// `/acknowledgements/`.
    fn acknowledge(&self) -> Vec<AcknowledgeEntry<'_>> {
        self.site
            .reading_order
            .iter()
            .filter_map(|t| match *t {
                Target::Page(p) if super::context::acknowledges(self.site, p) => Some(p),
                _ => None,
            })
            .map(|p| {
                let page = &self.site.pages[p];
                AcknowledgeEntry {
                    page: self.contexts.page_card(p),
                    version: &page.source.version,
                    material: super::context::material_key(&page.meta.changes),
                    changed: page.meta.changes.iter().find(|c| c.material),
                }
            })
            .collect()
    }

    fn tags(&self) -> Vec<TagContext<'_>> {
        self.site
            .tags
            .iter()
            .take_while(|_| !(self.stopped)())
            .map(|(name, pages)| TagContext {
                name,
                url: self.site.href(&self.site.tag_url(name)),
                count: pages.len(),
                pages: pages.iter().map(|&p| self.contexts.page_card(p)).collect(),
            })
            .collect()
    }

    fn matrix(&self) -> MatrixContext<'_> {
        let in_order = |kind: Kind| -> Vec<usize> {
            self.site
                .reading_order
                .iter()
                .filter_map(|t| match *t {
                    Target::Page(p) if self.site.pages[p].kind == kind => Some(p),
                    _ => None,
                })
                .collect()
        };
        let principles = in_order(Kind::Principle);
        let scenarios = in_order(Kind::Scenario);
        let column: HashMap<usize, usize> = principles
            .iter()
            .enumerate()
            .map(|(i, &p)| (p, i))
            .collect();
        let dense = principles.len() * scenarios.len() <= MATRIX_MAX_CELLS;
        let mut applied = vec![false; principles.len()];
        let rows: Vec<MatrixRow<'_>> = scenarios
            .into_iter()
            .take_while(|_| !(self.stopped)())
            .map(|s| {
                let mut columns: Vec<usize> = self.site.pages[s]
                    .links_out
                    .iter()
                    .filter_map(|t| match t {
                        Target::Page(p) => column.get(p).copied(),
                        Target::Section(_) => None,
                    })
                    .collect();
                columns.sort_unstable();
                let mut cells = Vec::new();
                if dense {
                    cells = vec![false; principles.len()];
                    for &c in &columns {
                        cells[c] = true;
                    }
                }
                for &c in &columns {
                    applied[c] = true;
                }
                MatrixRow {
                    scenario: self.contexts.page_card(s),
                    applies: columns
                        .iter()
                        .map(|&c| self.contexts.page_card(principles[c]))
                        .collect(),
                    cells,
                }
            })
            .collect();
        MatrixContext {
            dense,
            principles: principles
                .iter()
                .map(|&p| self.contexts.page_card(p))
                .collect(),
            applied,
            rows,
        }
    }

    /// Each entry's anchor on `/print/`: `p-` and the slug of its key, made
    /// unique in reading order (`team/onboarding` and `team-onboarding`
    /// slug alike).
    fn print_anchors(&self) -> PrintAnchors {
        let site = self.site;
        let mut taken = HashSet::new();
        let mut of = HashMap::new();
        for &t in site.reading_order.iter().take_while(|_| !(self.stopped)()) {
            let base = format!("p-{}", slugify(self.contexts.card(t).fields.key));
            let mut anchor = base.clone();
            let mut n = 1;
            while !taken.insert(anchor.clone()) {
                anchor = format!("{base}-{n}");
                n += 1;
            }
            of.insert(t, anchor);
        }
        let by_href = of
            .iter()
            .map(|(&t, anchor)| (site.href(site.url(t)), anchor.clone()))
            .collect();
        PrintAnchors { of, by_href }
    }

    /// The entries of `/print/`, as the template value. Each body's HTML is
    /// dropped as soon as its entry is made: a large handbook's bodies are
    /// tens of megabytes, and are never held twice.
    fn print(&self, anchors: &PrintAnchors, mut html: BodyHtml) -> tera::Value {
        let site = self.site;
        // Moved out in reading order (no copy), then made side by side.
        let bodies: Vec<(Target, String)> = site
            .reading_order
            .iter()
            .map(|&t| {
                let body = match t {
                    Target::Page(p) => std::mem::take(&mut html.pages[p]),
                    Target::Section(s) => std::mem::take(&mut html.sections[s]),
                };
                (t, body)
            })
            .collect();
        let entries: Vec<tera::Value> = bodies
            .into_par_iter()
            .map(|(t, body)| {
                if (self.stopped)() {
                    return tera::Value::none();
                }
                let (checklist, depth): (&[ChecklistGroup], usize) = match t {
                    Target::Page(p) => (
                        &site.pages[p].meta.checklist,
                        section_depth(site, site.pages[p].section),
                    ),
                    Target::Section(s) => (&[], section_depth(site, s)),
                };
                let anchor = anchors.of.get(&t).cloned().unwrap_or_default();
                let steps = match t {
                    Target::Page(p) => site.pages[p]
                        .steps
                        .iter()
                        .map(|s| PrintStep {
                            title: site.title(s.target),
                            anchor: anchors.of.get(&s.target).cloned().unwrap_or_default(),
                            note: s.note.as_deref(),
                        })
                        .collect(),
                    Target::Section(_) => Vec::new(),
                };
                let title_id =
                    (site.headings(t).title_id.as_deref()).map(|id| format!("{anchor}--{id}"));
                let entry = PrintEntry {
                    steps,
                    title_id,
                    content: rewrite_for_print(&body, &anchor, &anchors.by_href),
                    anchor,
                    page: self.contexts.card(t),
                    is_section: matches!(t, Target::Section(_)),
                    depth,
                    checklist,
                };
                tera::Value::try_from_serializable(&entry).unwrap_or_else(|_| tera::Value::none())
            })
            .collect();
        tera::Value::from(entries.as_slice())
    }

    fn review(&self) -> Vec<ReviewEntry<'_>> {
        let mut entries: Vec<(Option<crate::load::frontmatter::Date>, usize)> = self
            .site
            .reading_order
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match *t {
                Target::Page(p) => Some((self.site.pages[p].meta.reviewed, i)),
                Target::Section(_) => None,
            })
            .collect();
        // Never reviewed first, then oldest review first: stale pages lead.
        entries.sort();
        entries
            .into_iter()
            .take_while(|_| !(self.stopped)())
            .filter_map(|(_, i)| match self.site.reading_order[i] {
                Target::Page(p) => {
                    let page = &self.site.pages[p];
                    Some(ReviewEntry {
                        page: self.contexts.page_card(p),
                        owner: page.meta.owner.as_deref(),
                        reviewed: page.meta.reviewed.map(|d| d.to_string()),
                    })
                }
                Target::Section(_) => None,
            })
            .collect()
    }

    fn sitemap(&self) -> String {
        let site = self.site;
        let origin = site.config.origin();
        let languages = super::context::language_links(&site.config);
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
        );
        if !languages.is_empty() {
            xml.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
        }
        xml.push_str(">\n");
        let mut paths: Vec<&str> = site.reading_order.iter().map(|&t| site.url(t)).collect();
        let tag_paths: Vec<String> = site.tags.keys().map(|t| site.tag_url(t)).collect();
        for listed in crate::outputs::sitemap_urls() {
            paths.push(listed);
            if listed == "tags/" {
                paths.extend(tag_paths.iter().map(String::as_str));
            }
        }
        let escape = crate::markdown::highlight::escape;
        for path in paths {
            xml.push_str("  <url><loc>");
            xml.push_str(&escape(&format!("{origin}{}", site.href(path))));
            xml.push_str("</loc>");
            // Every page exists in every language, at the same path, but
            // for a tag some languages lack: they have no alternate.
            let missing = site.config.languages_without(path);
            for l in languages.iter().filter(|l| !missing.contains(&l.code)) {
                let href = format!("{origin}{}{}", l.base_path, crate::site::encode_path(path));
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(&l.code),
                    escape(&href)
                ));
            }
            xml.push_str("</url>\n");
        }
        xml.push_str("</urlset>\n");
        xml
    }
}

fn section_depth(site: &Site, mut s: usize) -> usize {
    let mut depth = 0;
    while let Some(parent) = site.sections[s].parent {
        depth += 1;
        s = parent;
    }
    depth
}

/// The first `max` characters of `text`, whitespace folded, cut at a word.
pub(super) fn excerpt(text: &str, max: usize) -> String {
    // Fold only as far as needed: bodies are long, excerpts short.
    let mut folded = String::with_capacity(max + 16);
    let mut count = 0;
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
            count += 1;
        }
        folded.push_str(word);
        count += word.chars().count();
        if count > max {
            break;
        }
    }
    if count <= max {
        return folded;
    }
    let cut: String = folded.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// Prefixes every `id` of a body with the entry's anchor and turns links into
/// in-page anchors: fragment links (`#x`) to the prefixed id, links to other
/// pages of the handbook to their entries. Other links stay as they are.
fn rewrite_for_print(html: &str, anchor: &str, anchors: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = 0;
    let mut attrs = Attrs::new(html);
    while let Some((attr, value_start)) = attrs.next_from(rest) {
        out.push_str(&html[rest..value_start]);
        let after = &html[value_start..];
        let end = after.find('"').unwrap_or(after.len());
        let value = &after[..end];
        match attr {
            Attr::Id | Attr::Name => {
                out.push_str(anchor);
                out.push_str("--");
                out.push_str(value);
            }
            Attr::Href => {
                let (path, fragment) = match value.split_once('#') {
                    Some((p, f)) => (p, Some(f)),
                    None => (value, None),
                };
                // `#` and `#top` (with no such id) are the top of the page:
                // here, its entry.
                let top = |f: &str, html: &str| {
                    crate::markdown::names_page_top(f)
                        && !html.contains(&format!(" id=\"{f}\""))
                        && !html.contains(&format!(" name=\"{f}\""))
                };
                if path.is_empty() {
                    match fragment.unwrap_or_default() {
                        f if top(f, html) => out.push_str(&format!("#{anchor}")),
                        f => out.push_str(&format!("#{anchor}--{f}")),
                    }
                } else if let Some(target) = anchors.get(path) {
                    match fragment {
                        // Another page's body is not at hand: its `#top` is
                        // taken as its top.
                        Some(f) if !crate::markdown::names_page_top(f) => {
                            out.push_str(&format!("#{target}--{f}"));
                        }
                        _ => out.push_str(&format!("#{target}")),
                    }
                } else {
                    out.push_str(value);
                }
            }
        }
        rest = value_start + end;
    }
    out.push_str(&html[rest..]);
    out
}

#[derive(Clone, Copy)]
enum Attr {
    Id,
    Href,
    /// A raw-HTML `<a name="...">`, an anchor as an id is.
    Name,
}

/// What each [`Attr`] starts with, in the order of the enum.
const NEEDLES: [&[u8]; 3] = [b" id=\"", b" href=\"", b" name=\""];
const ATTRS: [Attr; 3] = [Attr::Id, Attr::Href, Attr::Name];

/// The ` id="`, ` href="` and ` name="` of a body in order. Each kind's next
/// place is remembered until the scan passes it, so the body is searched
/// once for each (searching afresh for all after every attribute was
/// quadratic in a body with many of one and few of another).
struct Attrs<'a> {
    html: &'a [u8],
    /// The next place of each, `None` once there is none left.
    next: [Option<usize>; 3],
}

impl<'a> Attrs<'a> {
    fn new(html: &'a str) -> Self {
        let html = html.as_bytes();
        Attrs {
            html,
            next: NEEDLES.map(|needle| memchr::memmem::find(html, needle)),
        }
    }

    /// The first attribute at or after `from`, and the offset just after its
    /// opening quote. A `name` counts only on an `<a>`: a form field's
    /// name is no anchor.
    fn next_from(&mut self, from: usize) -> Option<(Attr, usize)> {
        let html = self.html;
        let mut from = from;
        loop {
            for (at, needle) in self.next.iter_mut().zip(NEEDLES) {
                if at.is_some_and(|i| i < from) {
                    *at = html
                        .get(from..)
                        .and_then(|rest| memchr::memmem::find(rest, needle))
                        .map(|i| from + i);
                }
            }
            let (kind, at) = (0..3)
                .filter_map(|k| Some((k, self.next[k]?)))
                .min_by_key(|&(_, at)| at)?;
            let value = at + NEEDLES[kind].len();
            if matches!(ATTRS[kind], Attr::Name) && !on_an_a(html, at) {
                from = value;
                continue;
            }
            return Some((ATTRS[kind], value));
        }
    }
}

/// Whether the attribute at `at` belongs to an `<a>` tag.
fn on_an_a(html: &[u8], at: usize) -> bool {
    let Some(open) = memchr::memrchr(b'<', &html[..at]) else {
        return false;
    };
    let tag = &html[open + 1..at];
    tag.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'a'))
        && tag.get(1).is_none_or(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_rewrites_ids_and_internal_links() {
        let mut anchors = HashMap::new();
        anchors.insert(
            "/values/honesty/".to_string(),
            "p-values-honesty".to_string(),
        );
        let html = r##"<h2 id="why">Why</h2><a href="/values/honesty/">H</a> <a href="/values/honesty/#core">C</a> <a href="#why">W</a> <a href="https://x.example/">X</a>"##;
        assert_eq!(
            rewrite_for_print(html, "p-a", &anchors),
            r##"<h2 id="p-a--why">Why</h2><a href="#p-values-honesty">H</a> <a href="#p-values-honesty--core">C</a> <a href="#p-a--why">W</a> <a href="https://x.example/">X</a>"##
        );
    }

    #[test]
    fn print_rewrites_every_attribute_in_document_order() {
        let mut anchors = HashMap::new();
        anchors.insert("/v/".to_string(), "p-v".to_string());
        // Many ids before the first link, links between ids, an id-like
        // text inside a link's value, and no attribute after the last.
        let html = concat!(
            r##"<h2 id="a">A</h2><h3 id="b">B</h3><h3 id="c">C</h3>"##,
            r##"<a href="/v/">V</a><p id="d"><a href="#a">to a</a><a href="x id=">odd</a>"##,
            r##"<a href="/v/#e">E</a></p><h2 id="f">F</h2> tail"##,
        );
        assert_eq!(
            rewrite_for_print(html, "q", &anchors),
            concat!(
                r##"<h2 id="q--a">A</h2><h3 id="q--b">B</h3><h3 id="q--c">C</h3>"##,
                r##"<a href="#p-v">V</a><p id="q--d"><a href="#q--a">to a</a><a href="x id=">odd</a>"##,
                r##"<a href="#p-v--e">E</a></p><h2 id="q--f">F</h2> tail"##,
            )
        );
        assert_eq!(
            rewrite_for_print("no attributes", "q", &anchors),
            "no attributes"
        );
    }

    #[test]
    fn print_prefixes_a_raw_html_anchor_name_but_not_a_form_fields() {
        let anchors = HashMap::new();
        let html = r##"<p><a name="legacy"></a>Old</p><A class="x" name="up">U</A><input name="q"><a href="#legacy">back</a>"##;
        assert_eq!(
            rewrite_for_print(html, "p-a", &anchors),
            r##"<p><a name="p-a--legacy"></a>Old</p><A class="x" name="p-a--up">U</A><input name="q"><a href="#p-a--legacy">back</a>"##
        );
    }

    #[test]
    fn print_takes_back_to_top_links_to_the_entry() {
        let mut anchors = HashMap::new();
        anchors.insert("/v/".to_string(), "p-v".to_string());
        let html = r##"<a href="#top">up</a> <a href="#">up</a> <a href="/v/#top">v</a> <a href="/v/#Top">v</a>"##;
        assert_eq!(
            rewrite_for_print(html, "p-a", &anchors),
            r##"<a href="#p-a">up</a> <a href="#p-a">up</a> <a href="#p-v">v</a> <a href="#p-v">v</a>"##
        );
        // A heading of its own named "Top" keeps its link.
        let html = r##"<h2 id="top">Top</h2><a href="#top">up</a>"##;
        assert_eq!(
            rewrite_for_print(html, "p-a", &anchors),
            r##"<h2 id="p-a--top">Top</h2><a href="#p-a--top">up</a>"##
        );
    }

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(excerpt("one  two\nthree", 100), "one two three");
        assert_eq!(excerpt("alpha beta gamma", 12), "alpha beta…");
    }
}
