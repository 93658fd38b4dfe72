//! `/changes/` and `/changes.xml` (issue 23): every `changes:` entry of
//! every page, newest first; the page groups them by month, the Atom feed
//! has one entry per change, linking its page.
//!
//! Both are made from front matter only. The feed's `updated` is the newest
//! change's date, never the build time, so the same input gives the same
//! bytes.

use serde::Serialize;

use super::context::{Card, Contexts};
use crate::load::changes::Change;
use crate::markdown::slugify;
use crate::site::{PageId, Site, Target};

/// One change, with its page.
#[derive(Serialize)]
pub(super) struct ChangeEntry<'a> {
    /// The change: `{date, note, material}`.
    pub change: &'a Change,
    /// The page it was made to.
    pub page: Card<'a>,
    /// The title of the page's section.
    pub section: &'a str,
}

/// The changes of one month.
#[derive(Serialize)]
pub(super) struct ChangeMonth<'a> {
    /// `YYYY-MM`.
    pub month: String,
    /// "November 2026", in the site's language.
    pub label: String,
    /// Its changes, newest first.
    pub entries: Vec<ChangeEntry<'a>>,
}

/// Every change, newest first; ties in reading order.
fn all_changes(site: &Site) -> Vec<(PageId, &Change)> {
    let mut all: Vec<(usize, PageId, &Change)> = site
        .reading_order
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match *t {
            Target::Page(p) => Some((i, p)),
            Target::Section(_) => None,
        })
        .flat_map(|(i, p)| site.pages[p].meta.changes.iter().map(move |c| (i, p, c)))
        .collect();
    all.sort_by(|a, b| b.2.date.cmp(&a.2.date).then(a.0.cmp(&b.0)));
    all.into_iter().map(|(_, p, c)| (p, c)).collect()
}

/// The `months` value of `changes.html`.
pub(super) fn months<'a>(
    site: &'a Site,
    contexts: &Contexts<'a>,
    strings: &super::strings::Strings,
) -> Vec<ChangeMonth<'a>> {
    let mut months: Vec<ChangeMonth<'a>> = Vec::new();
    for (p, change) in all_changes(site) {
        let month = format!("{:04}-{:02}", change.date.year, change.date.month);
        if months.last().is_none_or(|m| m.month != month) {
            months.push(ChangeMonth {
                label: strings.month(change.date.year, change.date.month),
                month,
                entries: Vec::new(),
            });
        }
        if let Some(m) = months.last_mut() {
            m.entries.push(ChangeEntry {
                change,
                page: contexts.page_card(p),
                section: &site.sections[site.pages[p].section].title,
            });
        }
    }
    months
}

/// `/changes.xml`, an Atom feed with one entry per change; its words
/// (title, "a minor change") in the site's language.
pub(super) fn atom_feed(site: &Site, strings: &super::strings::Strings) -> Vec<u8> {
    use atom_syndication::{Category, Entry, Feed, FixedDateTime, Link, Person, Text};
    let root = format!("{}{}", site.config.origin(), site.config.base_path());
    // Atom ids are absolute IRIs. A site whose `base_url` is a path has no
    // host to name: its ids are a URN of the site's title and the path,
    // stable from build to build as feed readers need.
    let id_of = |path: &str| match site.config.origin() {
        "" => format!("urn:credo:{}:{path}", slugify(&site.config.title)),
        origin => format!("{origin}{path}"),
    };
    let date = |c: &Change| {
        FixedDateTime::parse_from_rfc3339(&format!("{}T00:00:00Z", c.date)).unwrap_or_default()
    };
    let changes = all_changes(site);
    let link = |href: String, rel: &str| Link {
        href,
        rel: rel.to_string(),
        ..Link::default()
    };
    let entries: Vec<Entry> = changes
        .iter()
        .map(|&(p, change)| {
            let page = &site.pages[p];
            let permalink = format!("{}{}", site.config.origin(), page.href);
            let key = crate::load::version_of(&format!("{}\n{}", change.date, change.note));
            Entry {
                id: id_of(&format!("{}#change-{}-{key}", page.href, change.date)),
                title: Text::plain(format!("{}: {}", page.meta.title, change.note)),
                updated: date(change),
                links: vec![link(permalink, "alternate")],
                summary: Some(Text::plain(if change.material {
                    change.note.clone()
                } else {
                    strings.get("feed_minor").replace("{note}", &change.note)
                })),
                categories: vec![Category {
                    term: page.kind.as_str().to_string(),
                    ..Category::default()
                }],
                ..Entry::default()
            }
        })
        .collect();
    let feed = Feed {
        id: id_of(&format!("{}changes/", site.config.base_path())),
        lang: Some(site.config.language.clone()),
        title: Text::plain(
            strings
                .get("feed_title")
                .replace("{title}", &site.config.title),
        ),
        updated: changes.first().map(|(_, c)| date(c)).unwrap_or_default(),
        authors: vec![Person {
            name: site.config.title.clone(),
            ..Person::default()
        }],
        links: vec![
            link(format!("{root}changes.xml"), "self"),
            link(format!("{root}changes/"), "alternate"),
        ],
        entries,
        ..Feed::default()
    };
    feed.write_to(Vec::new()).unwrap_or_default()
}
