//! Typed template contexts: the theme author's contract.
//!
//! Every template receives `site` ([`SiteContext`]) and `nav` ([`NavContext`]);
//! page templates also get `page` ([`PageContext`]), section templates
//! `section` ([`SectionContext`]), and generated pages their own value. The
//! `///` docs here are the reference that `docs/templates.md` mirrors. Contexts
//! borrow from the [`Site`]; strings are HTML-escaped by Tera when printed,
//! except `content`, which is the rendered Markdown body (`{{ page.content | safe }}`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::actions::{About, PageActions};
use super::cards::CardFields;
pub(crate) use super::cards::{Card, SharedCards};
use crate::load::changes::Change;
use crate::load::frontmatter::{ChecklistGroup, Kind};
use crate::markdown::Heading;
use crate::site::{PageId, SectionId, Site, Target};

/// Site-wide values, available in every template as `site`.
#[derive(Debug, Serialize)]
pub(crate) struct SiteContext<'a> {
    /// The handbook's title.
    pub title: &'a str,
    /// The description from credo.yaml.
    pub description: &'a str,
    /// The `lang` for `<html>`.
    pub language: &'a str,
    /// `base_url` as configured (or as `--base-url` overrides it).
    pub base_url: &'a str,
    /// The path of `base_url`, starting and ending with `/`; prefix for assets.
    pub base_path: String,
    /// The path of the site's root, where the shared files (stylesheets,
    /// scripts, images) are: `base_path` but on a language's pages.
    pub root_path: String,
    /// `ltr`, or `rtl` for a language written right to left.
    pub dir: &'static str,
    /// Every language of the site (the default first), for the switcher
    /// and hreflang links: `{code, name, base_path, current}`.
    pub languages: Vec<LanguageLink>,
    /// The attributes that mark a stand-in (a card or text that is
    /// `untranslated`) with the default language, ` lang="en" dir="ltr"`;
    /// empty on a site of one language, where nothing stands in.
    pub stand_in: String,
    /// The theme's words in the page's language, by key
    /// (`{{ site.strings.mark_as_read }}`): the shipped table of the language,
    /// under the theme's and credo.yaml's `strings:`. docs/templates.md lists
    /// the keys.
    pub strings: super::strings::Strings,
    /// The words the theme's scripts read, as a JSON object for a
    /// `<script type="application/json" id="credo-strings">` element.
    pub script_strings: String,
    /// Top-level sections in home-page order.
    pub sections: Vec<Card<'a>>,
    /// Every track page, in reading order, with its steps (so a listing can
    /// show each track's progress).
    pub tracks: Vec<TrackCard<'a>>,
    /// Whether the search index is built.
    pub search: bool,
    /// Whether `/matrix/` has anything to show: the site has a scenario or
    /// a principle.
    pub matrix: bool,
    /// Whether `/review/` has anything to show: a page has an `owner` or a
    /// `reviewed` date.
    pub review: bool,
    /// `review_after_days` from credo.yaml (0 when unset).
    pub review_after_days: u32,
    /// Where acknowledgement receipts are also POSTed (credo.yaml's
    /// `acknowledge_endpoint`), if anywhere.
    pub acknowledge_endpoint: Option<&'a str>,
    /// Whether any page asks readers to acknowledge it.
    pub acknowledgements: bool,
    /// Free-form `extra` from credo.yaml (e.g. `brand_color`, `logo`).
    pub extra: &'a BTreeMap<String, serde_json::Value>,
}

/// A track with the keys of its steps, as `site.tracks` lists it: a card
/// (it has every field of one) plus `steps`.
#[derive(Debug, Serialize)]
pub(crate) struct TrackCard<'a> {
    /// The track page's card (`title`, `url`, `summary`, `kind`, `number`,
    /// and `key`, the key its progress is stored under).
    #[serde(flatten)]
    card: CardFields<'a>,
    /// Its steps in order: each step page's key and checklist item ids.
    pub steps: Vec<StepKey<'a>>,
}

/// A track step as a listing needs it to count progress.
#[derive(Debug, Serialize)]
pub(crate) struct StepKey<'a> {
    /// The step page's (or section's) ref path.
    pub key: &'a str,
    /// The ids of the step page's checklist items.
    pub checklist_ids: Vec<&'a str>,
    /// The step page's material key (as a page's `material`; empty for a
    /// section): a step marked read under another key opens again.
    pub material: String,
}

/// A tag link.
#[derive(Debug, Serialize)]
pub(crate) struct TagLink<'a> {
    /// The tag as written.
    pub name: &'a str,
    /// The tag page's `href`.
    pub url: String,
}

/// A track step, as the track page lists it.
#[derive(Debug, Serialize)]
pub(crate) struct StepContext<'a> {
    /// 1-based position.
    pub number: usize,
    /// The page to read.
    pub page: Card<'a>,
    /// The step's note.
    pub note: Option<&'a str>,
    /// The ids of the step page's checklist items (a step also counts as done
    /// when all of them are ticked).
    pub checklist_ids: Vec<&'a str>,
    /// The step page's material key (as a page's `material`; empty for a
    /// section): a step marked read under another key opens again.
    pub material: String,
}

/// A page's place in a track: "part of track X: previous / next".
#[derive(Debug, Serialize)]
pub(crate) struct TrackContext<'a> {
    /// The track.
    pub track: Card<'a>,
    /// 1-based step number.
    pub number: usize,
    /// How many steps the track has.
    pub total: usize,
    /// The previous step.
    pub prev: Option<Card<'a>>,
    /// The next step.
    pub next: Option<Card<'a>>,
}

/// An attitude page's two columns, paired row by row.
#[derive(Debug, Serialize)]
pub(crate) struct ContrastContext<'a> {
    /// The left column's title.
    pub left_title: &'a str,
    /// The right column's title.
    pub right_title: &'a str,
    /// Row by row: the left point and the right point (either may be absent).
    pub rows: Vec<(Option<&'a str>, Option<&'a str>)>,
}

/// A content page, available in page templates as `page`.
#[derive(Debug, Serialize)]
pub(crate) struct PageContext<'a> {
    /// Title.
    pub title: &'a str,
    /// The one-line statement (the rule, the value, the situation).
    pub summary: Option<&'a str>,
    /// The kind: principle, value, attitude, scenario, checklist, track, page.
    pub kind: &'a str,
    /// `href` of this page.
    pub url: String,
    /// The absolute URL (base_url + path).
    pub permalink: String,
    /// The ref path, a stable key for scripts (localStorage).
    pub key: &'a str,
    /// A short hash of the page's source: changes whenever the file does.
    pub version: &'a str,
    /// `href` of the page's Markdown copy (`.../index.md`).
    pub markdown: String,
    /// A principle's number.
    pub number: Option<i64>,
    /// Tags with their pages' URLs.
    pub tags: Vec<TagLink<'a>>,
    /// Who keeps this page true.
    pub owner: Option<&'a str>,
    /// Last review date, `YYYY-MM-DD`.
    pub reviewed: Option<String>,
    /// The rendered body (HTML; print with `| safe`).
    pub content: &'a str,
    /// The body's headings, for a table of contents.
    pub toc: &'a [Heading],
    /// The id of the `# heading` the title came from, for the `<h1>`:
    /// links may name it, as on GitHub.
    pub title_id: Option<&'a str>,
    /// Checklist groups with their items (`text`, `detail`, stable `id`).
    pub checklist: &'a [ChecklistGroup],
    /// What goes before an item's `id` to make its checkbox's element id:
    /// `item--`, unless an id of the body starts with it (GitHub gives
    /// `## Item & credit` the id `item--credit`), then `item---`, and so
    /// on, so that no id is on the page twice.
    pub checklist_id_prefix: String,
    /// How many checklist items there are.
    pub checklist_count: usize,
    /// (scenario, principle) The principles it applies, as cards.
    pub principles: Vec<Card<'a>>,
    /// The values it expresses.
    pub values: Vec<Card<'a>>,
    /// (principle) Scenarios that apply it.
    pub applied_by: Vec<Card<'a>>,
    /// (value) Principles and scenarios that express it.
    pub expressed_by: Vec<Card<'a>>,
    /// See-also links, both ways.
    pub related: Vec<Card<'a>>,
    /// Every page that links here.
    pub linked_from: Vec<Card<'a>>,
    /// (track) The ordered steps.
    pub steps: Vec<StepContext<'a>>,
    /// The tracks this page is a step of.
    pub tracks: Vec<TrackContext<'a>>,
    /// (attitude) The two columns.
    pub contrast: Option<ContrastContext<'a>>,
    /// The previous page of its section.
    pub prev: Option<Card<'a>>,
    /// The next page of its section.
    pub next: Option<Card<'a>>,
    /// Home, then each enclosing section.
    pub breadcrumbs: Vec<Card<'a>>,
    /// "Edit this page", "Ask the owner", "Was this helpful?" links, where
    /// credo.yaml configures them: `{edit, ask_owner, helpful, not_helpful}`.
    pub actions: PageActions,
    /// Its change history, newest first: `{date, note, material}`.
    pub changes: &'a [Change],
    /// The latest change, shown under the title ("Changed DATE: note").
    pub changed: Option<&'a Change>,
    /// Names its newest material change (`DATE~hash`, empty when none): a
    /// reader who read or acknowledged the page under another one must look
    /// again; a non-material change keeps it.
    pub material: String,
    /// Whether readers confirm they have read this version (its own
    /// `acknowledge:`, else credo.yaml's `acknowledge` kinds).
    pub acknowledge: bool,
    /// On a language's site: the page has no translation, and the default
    /// language's page stands in (the theme says so).
    pub untranslated: bool,
    /// Free-form `extra` from the front matter.
    pub extra: &'a BTreeMap<String, serde_json::Value>,
}

/// A section (or the home page), available as `section`.
#[derive(Debug, Serialize)]
pub(crate) struct SectionContext<'a> {
    /// Title.
    pub title: &'a str,
    /// Summary.
    pub summary: Option<&'a str>,
    /// `href`.
    pub url: String,
    /// The ref path (`principles/_index`).
    pub key: &'a str,
    /// The rendered intro (HTML).
    pub content: &'a str,
    /// The intro's headings, as a page's `toc`.
    pub toc: &'a [Heading],
    /// As a page's `title_id`.
    pub title_id: Option<&'a str>,
    /// The default kind of its pages, if set.
    pub page_kind: Option<&'a str>,
    /// As a page's `untranslated`: its title and intro are the default
    /// language's.
    pub untranslated: bool,
    /// Its pages, in the section's order.
    pub pages: Vec<Card<'a>>,
    /// Its subsections.
    pub subsections: Vec<Card<'a>>,
    /// Home, then each enclosing section.
    pub breadcrumbs: Vec<Card<'a>>,
    /// The tracks this section is a step of (as a page's `tracks`).
    pub tracks: Vec<TrackContext<'a>>,
    /// Its reader links, as a page's `actions` (no owner: sections have none).
    pub actions: PageActions,
    /// Free-form `extra`.
    pub extra: &'a BTreeMap<String, serde_json::Value>,
}

/// Builds contexts from the site model.
pub(crate) struct Contexts<'a> {
    /// The site.
    pub site: &'a Site,
    pub(super) cards: Option<&'a SharedCards>,
}

impl<'a> Contexts<'a> {
    /// Prepares context building for `site`.
    pub(crate) fn new(site: &'a Site, cards: &'a SharedCards) -> Self {
        Contexts {
            site,
            cards: Some(cards),
        }
    }

    /// Context building without [`SharedCards`]: each card is converted
    /// where it is used, which is cheaper when only one page is rendered
    /// (the values, and so the HTML, are the same).
    pub(crate) fn plain(site: &'a Site) -> Self {
        Contexts { site, cards: None }
    }

    /// The `site` value; `theme_strings` are the theme's `strings:`.
    pub(crate) fn site(&self, theme_strings: &super::strings::Overrides) -> SiteContext<'a> {
        let site = self.site;
        let strings =
            super::strings::strings(&site.config.language, theme_strings, &site.config.strings);
        SiteContext {
            title: &site.config.title,
            description: &site.config.description,
            language: &site.config.language,
            base_url: &site.config.base_url,
            base_path: site.config.base_path(),
            root_path: site.config.root_path(),
            dir: crate::load::languages::direction(&site.config.language),
            stand_in: stand_in_attributes(&language_links(&site.config)),
            languages: language_links(&site.config),
            script_strings: super::strings::script_json(&strings),
            strings,
            sections: site.sections[0]
                .subsections
                .iter()
                .map(|&s| self.section_card(s))
                .collect(),
            tracks: site
                .reading_order
                .iter()
                .filter_map(|&t| match t {
                    Target::Page(p) if site.pages[p].kind == Kind::Track => {
                        Some(self.track_card(p))
                    }
                    _ => None,
                })
                .collect(),
            search: site.config.search,
            matrix: site
                .pages
                .iter()
                .any(|p| matches!(p.kind, Kind::Scenario | Kind::Principle)),
            review: site
                .pages
                .iter()
                .any(|p| p.meta.owner.is_some() || p.meta.reviewed.is_some()),
            review_after_days: site.config.review_after_days.unwrap_or(0),
            acknowledge_endpoint: site.config.acknowledge_endpoint.as_deref(),
            acknowledgements: (0..site.pages.len()).any(|p| acknowledges(site, p)),
            extra: &site.config.extra,
        }
    }

    /// The `site.tracks` entry of track page `id`.
    fn track_card(&self, id: PageId) -> TrackCard<'a> {
        let p = &self.site.pages[id];
        TrackCard {
            card: self.card(Target::Page(id)).fields,
            steps: p
                .steps
                .iter()
                .map(|s| StepKey {
                    key: self.card(s.target).fields.key,
                    checklist_ids: self.checklist_ids(s.target),
                    material: self.material(s.target),
                })
                .collect(),
        }
    }

    /// The checklist item ids of a step's page (none for a section).
    fn checklist_ids(&self, target: Target) -> Vec<&'a str> {
        match target {
            Target::Page(q) => self.site.pages[q]
                .meta
                .checklist
                .iter()
                .flat_map(|g| g.items.iter().map(|i| i.id.as_str()))
                .collect(),
            Target::Section(_) => Vec::new(),
        }
    }

    /// The material key of a step's page (empty for a section).
    fn material(&self, target: Target) -> String {
        match target {
            Target::Page(q) => material_key(&self.site.pages[q].meta.changes),
            Target::Section(_) => String::new(),
        }
    }

    /// Where a page or section stands in the tracks it is a step of.
    fn track_contexts(&self, positions: &[crate::site::TrackPosition]) -> Vec<TrackContext<'a>> {
        positions
            .iter()
            .map(|t| TrackContext {
                track: self.page_card(t.track),
                number: t.index + 1,
                total: self.site.pages[t.track].steps.len(),
                prev: t.prev.map(|x| self.card(x)),
                next: t.next.map(|x| self.card(x)),
            })
            .collect()
    }

    fn breadcrumbs(&self, mut section: Option<SectionId>) -> Vec<Card<'a>> {
        let mut crumbs = Vec::new();
        while let Some(s) = section {
            crumbs.push(self.section_card(s));
            section = self.site.sections[s].parent;
        }
        crumbs.reverse();
        crumbs
    }

    /// The `page` value of page `id`, whose rendered body is `content`.
    pub(crate) fn page(&self, id: PageId, content: &'a str) -> PageContext<'a> {
        let site = self.site;
        let p = &site.pages[id];
        let cards = |ids: &[PageId]| ids.iter().map(|&i| self.page_card(i)).collect::<Vec<_>>();
        let contrast = p.meta.contrast.as_ref().map(|c| {
            let rows = (0..c.left.points.len().max(c.right.points.len()))
                .map(|i| {
                    (
                        c.left.points.get(i).map(String::as_str),
                        c.right.points.get(i).map(String::as_str),
                    )
                })
                .collect();
            ContrastContext {
                left_title: &c.left.title,
                right_title: &c.right.title,
                rows,
            }
        });
        let permalink = format!("{}{}", site.config.origin(), site.href(&p.url));
        let reviewed = p.meta.reviewed.map(|d| d.to_string());
        let actions = PageActions::new(
            &site.config,
            &About {
                file: Some(&p.source.file),
                title: &p.meta.title,
                permalink: &permalink,
                owner: p.meta.owner.as_deref(),
                reviewed: reviewed.as_deref(),
            },
        );
        PageContext {
            title: &p.meta.title,
            summary: p.meta.summary.as_deref(),
            kind: p.kind.as_str(),
            url: site.href(&p.url),
            permalink,
            key: &p.source.ref_path,
            version: &p.source.version,
            markdown: site.href(&crate::outputs::markdown_copy(&p.url)),
            number: p.meta.number,
            tags: p
                .meta
                .tags
                .iter()
                .map(|t| TagLink {
                    name: t,
                    url: site.href(&site.tag_url(t)),
                })
                .collect(),
            owner: p.meta.owner.as_deref(),
            reviewed,
            content,
            toc: &p.scan.headings,
            title_id: p.scan.title_id.as_deref(),
            checklist: &p.meta.checklist,
            checklist_id_prefix: checklist_id_prefix(&p.scan),
            checklist_count: p.meta.checklist.iter().map(|g| g.items.len()).sum(),
            principles: cards(&p.principles),
            values: cards(&p.values),
            applied_by: cards(&p.applied_by),
            expressed_by: cards(&p.expressed_by),
            related: p.related_all.iter().map(|&t| self.card(t)).collect(),
            linked_from: p.linked_from.iter().map(|&t| self.card(t)).collect(),
            steps: p
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| StepContext {
                    number: i + 1,
                    page: self.card(s.target),
                    note: s.note.as_deref(),
                    checklist_ids: self.checklist_ids(s.target),
                    material: self.material(s.target),
                })
                .collect(),
            tracks: self.track_contexts(&p.tracks),
            contrast,
            prev: p.prev.map(|x| self.page_card(x)),
            next: p.next.map(|x| self.page_card(x)),
            breadcrumbs: self.breadcrumbs(Some(p.section)),
            actions,
            changes: &p.meta.changes,
            changed: p.meta.changes.first(),
            material: material_key(&p.meta.changes),
            acknowledge: acknowledges(site, id),
            untranslated: p.source.untranslated,
            extra: &p.meta.extra,
        }
    }

    /// The `section` value of section `id`, whose rendered intro is `content`.
    pub(crate) fn section(&self, id: SectionId, content: &'a str) -> SectionContext<'a> {
        let s = &self.site.sections[id];
        SectionContext {
            title: &s.title,
            summary: s.meta.summary.as_deref(),
            url: s.href.clone(),
            key: &s.key,
            content,
            toc: &s.scan.headings,
            title_id: s.scan.title_id.as_deref(),
            page_kind: s.meta.page_kind.map(Kind::as_str),
            untranslated: s.source.as_ref().is_some_and(|f| f.untranslated),
            pages: s.pages.iter().map(|&p| self.page_card(p)).collect(),
            subsections: s
                .subsections
                .iter()
                .map(|&x| self.section_card(x))
                .collect(),
            breadcrumbs: self.breadcrumbs(s.parent),
            tracks: self.track_contexts(&s.tracks),
            actions: PageActions::new(
                &self.site.config,
                &About {
                    file: s.source.as_ref().map(|f| f.file.as_str()),
                    title: &s.title,
                    permalink: &format!("{}{}", self.site.config.origin(), s.href),
                    owner: None,
                    reviewed: None,
                },
            ),
            extra: &s.meta.extra,
        }
    }
}

/// Names a page's newest material change: its date and a short hash of its
/// note (two material changes on one day differ), or empty when none.
pub(crate) fn material_key(changes: &[Change]) -> String {
    changes
        .iter()
        .find(|c| c.material)
        .map(|c| {
            let note = crate::load::version_of(&c.note);
            format!("{}~{}", c.date, &note[..6])
        })
        .unwrap_or_default()
}

/// Whether readers confirm they have read page `id`: its own
/// `acknowledge:`, else whether credo.yaml names its kind.
pub(crate) fn acknowledges(site: &Site, id: PageId) -> bool {
    let p = &site.pages[id];
    p.meta
        .acknowledge
        .unwrap_or_else(|| site.config.acknowledge.contains(&p.kind))
}

/// A language of the site, for the switcher.
#[derive(Debug, Serialize)]
pub(crate) struct LanguageLink {
    /// Its code (`de`).
    pub code: String,
    /// Its name in itself (`Deutsch`).
    pub name: String,
    /// The path of its root (`/de/`).
    pub base_path: String,
    /// The absolute URL of its root (`https://example.com/de/`), as hreflang
    /// links need it; the path alone when `base_url` names no host.
    pub home: String,
    /// Whether the page being rendered is in it.
    pub current: bool,
    /// Its direction, `ltr` or `rtl`: for content shown in it on another
    /// language's pages (a stand-in for a missing translation).
    pub dir: &'static str,
}

/// The site's languages, the default one first; empty for a site in one.
/// See [`SiteContext::stand_in`]: the first of `links` is the default
/// language.
fn stand_in_attributes(links: &[LanguageLink]) -> String {
    links.first().map_or_else(String::new, |default| {
        format!(" lang=\"{}\" dir=\"{}\"", default.code, default.dir)
    })
}

pub(super) fn language_links(config: &crate::config::Config) -> Vec<LanguageLink> {
    let root = config.root_path();
    let default = match &config.root_path {
        // A language's site: its default is the root's language, which its
        // own configuration no longer names; the first entry is the root.
        Some(_) => None,
        None => Some(config.language.clone()),
    };
    let mut links = Vec::new();
    if config.languages.is_empty() {
        return links;
    }
    links.push(LanguageLink {
        code: default
            .clone()
            .unwrap_or_else(|| config.default_language.clone()),
        name: super::strings::native_name(default.as_deref().unwrap_or(&config.default_language)),
        home: format!("{}{root}", config.origin()),
        base_path: root.clone(),
        current: default.is_some(),
        dir: crate::load::languages::direction(
            default.as_deref().unwrap_or(&config.default_language),
        ),
    });
    for (code, lang) in &config.languages {
        links.push(LanguageLink {
            code: code.clone(),
            name: lang.name.clone(),
            base_path: format!("{root}{code}/"),
            home: format!("{}{root}{code}/", config.origin()),
            current: *code == config.language && config.root_path.is_some(),
            dir: crate::load::languages::direction(code),
        });
    }
    links
}

/// The prefix of a page's checklist boxes' ids (see
/// [`PageContext::checklist_id_prefix`]): the first of `item--`,
/// `item---`, ... that no id of the body starts with. A body's ids stay
/// as GitHub makes them, since links written for GitHub name them.
fn checklist_id_prefix(scan: &crate::markdown::Scan) -> String {
    let mut prefix = "item--".to_string();
    while scan.anchor_ids().any(|id| id.starts_with(&prefix)) {
        prefix.push('-');
    }
    prefix
}

#[cfg(test)]
mod tests {
    /// Whether `docs` names `field` as a field: in backticks, or inside a
    /// `{a, b: ...}` shape.
    fn names(docs: &str, field: &str) -> bool {
        docs.match_indices(field).any(|(at, _)| {
            let before = docs[..at].chars().next_back();
            let after = docs[at + field.len()..].chars().next();
            matches!(before, Some('`' | '{' | ' ' | '('))
                && matches!(after, Some('`' | '}' | ',' | ':'))
                && (before != Some(' ') || matches!(after, Some(',' | '}' | ':')))
        })
    }

    /// The theme contract cannot drift: every field a template receives
    /// through these contexts is named in docs/templates.md.
    #[test]
    fn docs_templates_names_every_context_field() {
        let source = concat!(include_str!("context.rs"), include_str!("nav.rs"));
        let docs = include_str!("../../docs/templates.md");
        let contexts = [
            "SiteContext",
            "PageContext",
            "SectionContext",
            "NavContext",
            "NavSection",
            "NavNode",
            "TrackCard",
            "StepKey",
            "StepContext",
            "TrackContext",
            "ContrastContext",
            "TagLink",
            "LanguageLink",
        ];
        let mut missing = Vec::new();
        for name in contexts {
            let start = (source.find(&format!("pub struct {name}")))
                .or_else(|| source.find(&format!("pub(crate) struct {name}")))
                .unwrap_or_else(|| panic!("{name} is not in context.rs"));
            let body = &source[start..];
            let body = &body[..body.find("\n}").unwrap_or(body.len())];
            for line in body.lines().skip(1) {
                let line = line.trim();
                let Some(field) =
                    (line.strip_prefix("pub ")).or_else(|| line.strip_prefix("pub(crate) "))
                else {
                    continue;
                };
                let Some((field, _)) = field.split_once(':') else {
                    continue;
                };
                if !names(docs, field) {
                    missing.push(format!("{name}.{field}"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "docs/templates.md does not name: {missing:?}"
        );
    }
}
