//! `handbook.json`: the whole handbook as data, every page in reading order
//! with its front matter, URL, version, links both ways and a plain-text
//! excerpt (schema in the README).

use serde::Serialize;

use super::generated::{Generated, excerpt};
use crate::load::frontmatter::{ChecklistGroup, Kind};
use crate::site::Target;

impl Generated<'_> {
    pub(super) fn handbook(&self) -> Handbook<'_> {
        let site = self.site;
        let href = |t: Target| match t {
            Target::Page(p) => site.pages[p].href.as_str(),
            Target::Section(s) => site.sections[s].href.as_str(),
        };
        let pages: Vec<HandbookPage<'_>> = site
            .reading_order
            .iter()
            // A stopped pass writes none of it: the rest need not be made.
            .take_while(|_| !(self.stopped)())
            .filter_map(|&t| match t {
                Target::Page(p) => Some(p),
                Target::Section(_) => None,
            })
            .map(|p| {
                let page = &site.pages[p];
                let m = &page.meta;
                HandbookPage {
                    lang: if page.source.untranslated {
                        &site.config.default_language
                    } else {
                        &site.config.language
                    },
                    url: &page.href,
                    version: &page.source.version,
                    markdown: site.href(&crate::outputs::markdown_copy(&page.url)),
                    key: &page.source.ref_path,
                    file: &page.source.file,
                    kind: page.kind.as_str(),
                    title: &m.title,
                    summary: m.summary.as_deref(),
                    number: m.number,
                    weight: m.weight,
                    tags: &m.tags,
                    draft: m.draft,
                    owner: m.owner.as_deref(),
                    reviewed: m.reviewed.map(|d| d.to_string()),
                    changes: &m.changes,
                    material: super::context::material_key(&m.changes),
                    acknowledge: super::context::acknowledges(site, p),
                    aliases: &m.aliases,
                    principles: page
                        .principles
                        .iter()
                        .map(|&x| href(Target::Page(x)))
                        .collect(),
                    values: page.values.iter().map(|&x| href(Target::Page(x))).collect(),
                    related: page.related.iter().map(|&t| href(t)).collect(),
                    steps: page
                        .steps
                        .iter()
                        .map(|s| HandbookStep {
                            url: href(s.target),
                            note: s.note.as_deref(),
                        })
                        .collect(),
                    contrast: m.contrast.as_ref(),
                    checklist: &m.checklist,
                    extra: &m.extra,
                    text: excerpt(&self.bodies.pages[p].text, 300),
                    links_out: page.links_out.iter().map(|&t| href(t)).collect(),
                    links_in: page.linked_from.iter().map(|&t| href(t)).collect(),
                }
            })
            .collect();
        let sections = site
            .sections
            .iter()
            .enumerate()
            .map(|(id, s)| HandbookSection {
                url: &s.href,
                version: s.source.as_ref().map(|src| src.version.as_str()),
                // A folder without its own page has no Markdown copy.
                markdown: (s.source.as_ref())
                    .map(|_| site.href(&crate::outputs::markdown_copy(&s.url))),
                key: &s.key,
                file: s.source.as_ref().map(|src| src.file.as_str()),
                title: &s.title,
                summary: s.meta.summary.as_deref(),
                page_kind: s.meta.page_kind.map(Kind::as_str),
                pages: s
                    .pages
                    .iter()
                    .map(|&p| site.pages[p].href.as_str())
                    .collect(),
                subsections: s
                    .subsections
                    .iter()
                    .map(|&x| href(Target::Section(x)))
                    .collect(),
                text: excerpt(&self.bodies.sections[id].text, 300),
                links_out: s.links_out.iter().map(|&t| href(t)).collect(),
                links_in: s.linked_from.iter().map(|&t| href(t)).collect(),
            })
            .collect();
        Handbook {
            schema: "credo-handbook/1",
            site: HandbookSite {
                title: &site.config.title,
                base_url: &site.config.base_url,
                language: &site.config.language,
            },
            sections,
            pages,
        }
    }
}

/// `handbook.json`: the whole handbook as data (schema in the README).
#[derive(Serialize)]
pub(super) struct Handbook<'a> {
    schema: &'static str,
    site: HandbookSite<'a>,
    sections: Vec<HandbookSection<'a>>,
    pages: Vec<HandbookPage<'a>>,
}

#[derive(Serialize)]
struct HandbookSite<'a> {
    title: &'a str,
    base_url: &'a str,
    language: &'a str,
}

/// A section, the home page first: its own page's data as a page's, where
/// a section has it (a folder without `_index.md` or README has no file
/// and no version).
#[derive(Serialize)]
struct HandbookSection<'a> {
    url: &'a str,
    version: Option<&'a str>,
    markdown: Option<String>,
    key: &'a str,
    file: Option<&'a str>,
    title: &'a str,
    summary: Option<&'a str>,
    page_kind: Option<&'a str>,
    pages: Vec<&'a str>,
    subsections: Vec<&'a str>,
    text: String,
    links_out: Vec<&'a str>,
    links_in: Vec<&'a str>,
}

#[derive(Serialize)]
struct HandbookPage<'a> {
    /// The language this entry is in.
    lang: &'a str,
    url: &'a str,
    /// A short hash of the page's source.
    version: &'a str,
    /// The `href` of its Markdown copy.
    markdown: String,
    key: &'a str,
    file: &'a str,
    kind: &'a str,
    title: &'a str,
    summary: Option<&'a str>,
    number: Option<i64>,
    weight: Option<i64>,
    tags: &'a [String],
    draft: bool,
    owner: Option<&'a str>,
    reviewed: Option<String>,
    changes: &'a [crate::load::changes::Change],
    /// Names the newest material change (see `page.material`).
    material: String,
    acknowledge: bool,
    aliases: &'a [String],
    principles: Vec<&'a str>,
    values: Vec<&'a str>,
    related: Vec<&'a str>,
    steps: Vec<HandbookStep<'a>>,
    contrast: Option<&'a crate::load::frontmatter::Contrast>,
    checklist: &'a [ChecklistGroup],
    extra: &'a std::collections::BTreeMap<String, serde_json::Value>,
    text: String,
    links_out: Vec<&'a str>,
    links_in: Vec<&'a str>,
}

#[derive(Serialize)]
struct HandbookStep<'a> {
    url: &'a str,
    note: Option<&'a str>,
}
