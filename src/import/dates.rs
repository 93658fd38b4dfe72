//! Orders by date → credo `weight`s.
//!
//! Hugo lists a section's pages by weight, then date, newest first (an
//! unweighted page after the weighted ones), then title; a Zola section
//! with `sort_by = "date"` lists its dated pages newest first. credo orders
//! by weight then title, so a section of dated pages (news, updates,
//! meeting notes) would come out alphabetical. Where the date decides the
//! source's order, each page of the section gets a weight 10, 20, 30… in
//! that order, as the reading orders of [`super::order`] do.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use serde_yaml::Mapping;

use super::config_text;
use super::order::{self, FOLDER_PAGES};

/// The keys Hugo reads a page's date from, in turn (its default
/// `[frontmatter] date` setting).
const HUGO_DATE: &[&str] = &[
    "date",
    "publishDate",
    "pubdate",
    "published",
    "lastmod",
    "modified",
];

/// One member of a section: a page, or a subsection or bundle by its own
/// page.
struct Member<'a> {
    dest: &'a str,
    weight: Option<i64>,
    date: Option<String>,
    title: String,
}

/// A page's date as written (`2024-06-01`, `2024-06-01T09:00:00Z`): the
/// ISO forms compare as text, which is all the order needs. Another form
/// (`June 1, 2024`) would compare wrongly, so it counts as no date.
fn date(raw: &Mapping, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|key| config_text(raw, key))
        .filter(|d| {
            (d.get(..10)).is_some_and(|day| crate::load::frontmatter::Date::parse(day).is_some())
        })
}

/// The folder `dest` is ordered in (a folder's own page: the folder's
/// parent); `None` for the home page and for a translation
/// (`zulu.fr.md`, `_index.fr.md`), which takes its original's place.
fn placed(dest: &str) -> Option<&str> {
    let (_, lang) = crate::load::languages::strip_suffix(dest.strip_suffix(".md")?);
    if lang.is_some_and(|l| crate::load::languages::is_iso_639_1(&l)) {
        return None;
    }
    let name = dest.rsplit('/').next().unwrap_or(dest);
    let stem = name.split('.').next().unwrap_or(name);
    let own_page = FOLDER_PAGES
        .iter()
        .any(|p| p.strip_suffix(".md") == Some(stem));
    if own_page && !FOLDER_PAGES.contains(&name) {
        return None;
    }
    order::member(dest).map(order::group)
}

/// Weights by Hugo's default order, for the sections whose order the
/// dates decide: two pages of one weight (or both without) with
/// different dates. Every member of such a section is ranked, its
/// subsections and bundles by their own pages, so the weighted ones keep
/// their places. Returns the weights by page, and the sections ranked.
pub(super) fn hugo<'a>(
    pages: impl IntoIterator<Item = (&'a str, &'a Mapping)>,
) -> (BTreeMap<String, i64>, Vec<String>) {
    let mut sections: BTreeMap<&str, Vec<Member>> = BTreeMap::new();
    for (dest, raw) in pages {
        let Some(section) = placed(dest) else {
            continue;
        };
        // Hugo's weight 0 is no weight: such a page goes last.
        let weight = super::config_value(raw, "weight")
            .and_then(serde_yaml::Value::as_i64)
            .filter(|w| *w != 0);
        let title = config_text(raw, "linkTitle")
            .or_else(|| config_text(raw, "title"))
            .unwrap_or_default();
        let date = date(raw, HUGO_DATE);
        sections.entry(section).or_default().push(Member {
            dest,
            weight,
            date,
            title,
        });
    }
    let mut weights = BTreeMap::new();
    let mut ranked = Vec::new();
    for (section, mut members) in sections {
        if !dates_decide(&members) {
            continue;
        }
        members.sort_by(|a, b| {
            let key = |m: &Member| (m.weight.unwrap_or(i64::MAX), Reverse(m.date.clone()));
            key(a)
                .cmp(&key(b))
                .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
                .then_with(|| a.dest.cmp(b.dest))
        });
        number(&members, &mut weights);
        ranked.push(section.to_string());
    }
    (weights, ranked)
}

/// Whether two members that tie on weight have different dates.
fn dates_decide(members: &[Member]) -> bool {
    let mut dates: BTreeMap<Option<i64>, &str> = BTreeMap::new();
    members.iter().any(|m| {
        let Some(date) = m.date.as_deref() else {
            return false;
        };
        *dates.entry(m.weight).or_insert(date) != date
    })
}

/// Weights for the sections whose `_index.md` says `sort_by = "date"`
/// (or `"update_date"`, by `updated`, else `date`): their dated pages and
/// bundles newest first. A page without the date, which Zola leaves out
/// of the section's list, gets no weight and follows them; subsections
/// keep their own order. Returns the weights by page, and the sections
/// ranked.
pub(super) fn zola<'a>(
    pages: impl IntoIterator<Item = (&'a str, &'a Mapping)> + Clone,
) -> (BTreeMap<String, i64>, Vec<String>) {
    let mut by_date: BTreeMap<&str, &[&str]> = BTreeMap::new();
    for (dest, raw) in pages.clone() {
        let Some(section) = dest.strip_suffix("/_index.md") else {
            continue;
        };
        let keys: &[&str] = match config_text(raw, "sort_by").as_deref() {
            Some("date") => &["date"],
            Some("update_date") => &["updated", "date"],
            _ => continue,
        };
        by_date.insert(section, keys);
    }
    let mut sections: BTreeMap<&str, Vec<Member>> = BTreeMap::new();
    for (dest, raw) in pages {
        let Some(section) = placed(dest) else {
            continue;
        };
        // A subsection (its `_index.md`) is no page of the section.
        let Some(keys) = by_date
            .get(section)
            .filter(|_| !dest.ends_with("/_index.md"))
        else {
            continue;
        };
        let Some(date) = date(raw, keys) else {
            continue;
        };
        let title = config_text(raw, "title").unwrap_or_default();
        sections.entry(section).or_default().push(Member {
            dest,
            weight: None,
            date: Some(date),
            title,
        });
    }
    let mut weights = BTreeMap::new();
    let mut ranked = Vec::new();
    for (section, mut members) in sections {
        members.sort_by(|a, b| {
            (Reverse(&a.date), &a.title, a.dest).cmp(&(Reverse(&b.date), &b.title, b.dest))
        });
        number(&members, &mut weights);
        ranked.push(section.to_string());
    }
    (weights, ranked)
}

/// Weights 10, 20, 30… for members in their order.
fn number(members: &[Member], weights: &mut BTreeMap<String, i64>) {
    for (rank, member) in (1..).zip(members) {
        weights.insert(member.dest.to_string(), rank * order::STEP);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(yaml: &str) -> Mapping {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn hugo_ranks_a_section_by_weight_then_newest_first() {
        let pages = [
            ("content/news/_index.md", meta("title: News")),
            (
                "content/news/alpha.md",
                meta("title: Alpha\ndate: 2023-01-05"),
            ),
            (
                "content/news/zulu.md",
                meta("title: Zulu\ndate: 2024-06-01T09:00:00Z"),
            ),
            (
                "content/news/mike.md",
                meta("title: Mike\ndate: 2023-11-20\nweight: 0"),
            ),
            ("content/news/pinned.md", meta("title: Pinned\nweight: 5")),
            (
                "content/news/bundle/index.md",
                meta("title: B\ndate: 2024-01-01"),
            ),
            ("content/news/undated.md", meta("title: Undated")),
            (
                "content/news/prose.md",
                meta("title: Prose\ndate: June 1, 2099"),
            ),
            ("content/news/_index.fr.md", meta("title: Nouvelles")),
            // Dates that decide nothing: one page per weight.
            (
                "content/guide/a.md",
                meta("title: A\nweight: 2\ndate: 2020-01-01"),
            ),
            (
                "content/guide/b.md",
                meta("title: B\nweight: 1\ndate: 2021-01-01"),
            ),
        ];
        let (weights, ranked) = hugo(pages.iter().map(|(d, m)| (*d, m)));
        let got: Vec<(&str, i64)> = weights.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(
            got,
            [
                ("content/news/alpha.md", 50),
                ("content/news/bundle/index.md", 30),
                ("content/news/mike.md", 40),
                ("content/news/pinned.md", 10),
                ("content/news/prose.md", 60),
                ("content/news/undated.md", 70),
                ("content/news/zulu.md", 20),
            ]
        );
        assert_eq!(ranked, ["content/news"]);
    }

    #[test]
    fn zola_ranks_dated_pages_of_sections_sorted_by_date() {
        let pages = [
            ("content/news/_index.md", meta("sort_by: date")),
            (
                "content/news/alpha.md",
                meta("title: Alpha\ndate: 2023-01-05"),
            ),
            (
                "content/news/zulu.md",
                meta("title: Zulu\ndate: 2024-06-01"),
            ),
            ("content/news/about.md", meta("title: About")),
            (
                "content/news/old/_index.md",
                meta("title: Old\ndate: 2025-01-01"),
            ),
            (
                "content/news/kit/index.md",
                meta("title: Kit\ndate: 2023-06-01"),
            ),
            ("content/guide/_index.md", meta("sort_by: weight")),
            ("content/guide/a.md", meta("title: A\ndate: 2023-01-05")),
        ];
        let (weights, ranked) = zola(pages.iter().map(|(d, m)| (*d, m)));
        let got: Vec<(&str, i64)> = weights.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(
            got,
            [
                ("content/news/alpha.md", 30),
                ("content/news/kit/index.md", 20),
                ("content/news/zulu.md", 10),
            ]
        );
        assert_eq!(ranked, ["content/news"]);
    }
}
