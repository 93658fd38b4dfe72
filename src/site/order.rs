//! Reading order: each section's pages ordered (by weight, number or
//! title, as its `sort_by` says) with their neighbours, subsections
//! ordered, both merged into the section's children, and the site's
//! reading order (home, then each section's children, depth first).

use std::collections::HashMap;

use super::{Page, SectionId, Site, Target};
use crate::load::frontmatter::SortBy;

fn sort_key(page: &Page, sort_by: SortBy) -> (i64, i64, String, String) {
    let weight = page.meta.weight.unwrap_or(i64::MAX);
    let number = page.meta.number.unwrap_or(i64::MAX);
    // The ref path breaks ties, so the order stays total.
    let title = title_key(&page.meta.title);
    let path = page.source.ref_path.clone();
    match sort_by {
        SortBy::Weight => (weight, number, title, path),
        SortBy::Number => (number, weight, title, path),
        SortBy::Title => (0, 0, title, path),
    }
}

/// What orders titles as a reader would: case and accents folded ("Émile"
/// before "Zeta") and numbers by value ("Step 2" before "Step 10", as Zola
/// and file managers order them). A run of digits becomes its length (two
/// digits) then its digits, leading zeros dropped, so that comparing keys
/// as text compares the numbers; "01" and "1" tie, and the path decides.
fn title_key(title: &str) -> String {
    let folded = crate::search::tokenize::fold(title);
    let mut key = String::with_capacity(folded.len() + 8);
    let mut rest = folded.as_str();
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        key.push_str(&rest[..start]);
        let digits = &rest[start..];
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        let number = digits[..end].trim_start_matches('0');
        key.push_str(&format!("{:02}", number.len().min(99)));
        key.push_str(number);
        rest = &digits[end..];
    }
    key.push_str(rest);
    key
}

/// Each section's pages and subsections, in order; each page's position
/// and neighbours in its section.
pub(super) fn order_sections(site: &mut Site) {
    for (id, page) in site.pages.iter().enumerate() {
        site.sections[page.section].pages.push(id);
    }
    for id in 1..site.sections.len() {
        if let Some(parent) = site.sections[id].parent {
            site.sections[parent].subsections.push(id);
        }
    }
    let configured: HashMap<&str, usize> = site
        .config
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.trim_matches('/'), i))
        .collect();
    let section_keys: Vec<(usize, i64, String)> = site
        .sections
        .iter()
        .map(|s| {
            (
                configured
                    .get(s.folder.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
                s.meta.weight.unwrap_or(i64::MAX),
                title_key(&s.title),
            )
        })
        .collect();
    for section in &mut site.sections {
        let sort_by = section.meta.sort_by.unwrap_or_default();
        let pages = &site.pages;
        section
            .pages
            .sort_by_cached_key(|&p| sort_key(&pages[p], sort_by));
        section
            .subsections
            .sort_by(|&a, &b| section_keys[a].cmp(&section_keys[b]));
        for (position, &p) in section.pages.iter().enumerate() {
            site.pages[p].position = position;
        }
        for pair in section.pages.windows(2) {
            site.pages[pair[0]].next = Some(pair[1]);
            site.pages[pair[1]].prev = Some(pair[0]);
        }
    }
    let children: Vec<Vec<Target>> = (site.sections.iter())
        .map(|section| {
            // credo.yaml's `sections` lists an order of sections only: the
            // pages beside them keep their place before them.
            let listed = (section.subsections.iter()).any(|&s| section_keys[s].0 != usize::MAX);
            children(site, section, !listed)
        })
        .collect();
    for (section, children) in site.sections.iter_mut().zip(children) {
        section.children = children;
    }
}

/// A section's pages and subsections in one order (see
/// [`Section::children`](super::Section::children)). Each list keeps its
/// own order. When `interleave` and the section sorts by weight, a
/// subsection with a weight goes before the first page that weighs more,
/// or has no weight while others do (a page without weight comes after
/// the weighed ones, pages or sections). Pages come first otherwise, as
/// they always did: weighing sections only orders them among themselves.
fn children(site: &Site, section: &super::Section, interleave: bool) -> Vec<Target> {
    let by_weight = interleave && section.meta.sort_by.unwrap_or_default() == SortBy::Weight;
    let pages_weighed = (section.pages.iter()).any(|&p| site.pages[p].meta.weight.is_some());
    let weight = |t: Target| match t {
        Target::Page(p) => site.pages[p].meta.weight,
        Target::Section(s) => site.sections[s].meta.weight,
    };
    // Pages are sorted with the unweighed last, so this is monotone along
    // them and the merge below keeps both orders.
    let goes_first = |sub: Target, page: Target| match (weight(sub), weight(page)) {
        (Some(sub), Some(page)) => by_weight && sub < page,
        (Some(_), None) => by_weight && pages_weighed,
        (None, _) => false,
    };
    let mut pages = section.pages.iter().map(|&p| Target::Page(p)).peekable();
    let mut subsections = (section.subsections.iter().map(|&s| Target::Section(s))).peekable();
    let mut out = Vec::with_capacity(section.pages.len() + section.subsections.len());
    loop {
        let next = match (pages.peek(), subsections.peek()) {
            (Some(&page), Some(&sub)) if goes_first(sub, page) => subsections.next(),
            (Some(_), _) => pages.next(),
            (None, _) => subsections.next(),
        };
        match next {
            Some(target) => out.push(target),
            None => return out,
        }
    }
}

/// Home, then each section and its children, depth first.
pub(crate) fn reading_order(site: &Site) -> Vec<Target> {
    fn visit(site: &Site, id: SectionId, out: &mut Vec<Target>) {
        out.push(Target::Section(id));
        for &child in &site.sections[id].children {
            match child {
                Target::Page(_) => out.push(child),
                Target::Section(sub) => visit(site, sub, out),
            }
        }
    }
    let mut out = Vec::with_capacity(site.pages.len() + site.sections.len());
    visit(site, 0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::title_key;
    use crate::site::testing::{page, resolve};

    #[test]
    fn titles_order_numbers_by_value_and_fold_case_and_accents() {
        let mut titles = vec![
            "Area 10",
            "area 2",
            "Area 1",
            "Zeta",
            "Émile",
            "Step 007",
            "Step 7b",
            "Step 70",
            "2024 review",
            "999 things",
        ];
        titles.sort_by_key(|t| title_key(t));
        assert_eq!(
            titles,
            [
                "999 things",
                "2024 review",
                "Area 1",
                "area 2",
                "Area 10",
                "Émile",
                "Step 007",
                "Step 7b",
                "Step 70",
                "Zeta",
            ]
        );
        assert_eq!(title_key("v01"), title_key("v1"), "leading zeros tie");
    }

    #[test]
    fn sections_order_their_pages_and_reading_goes_depth_first() {
        let (site, _) = resolve(&[
            ("about.md", "---\ntitle: About\n---\n"),
            (
                "principles/_index.md",
                "---\ntitle: Principles\npage_kind: principle\nsort_by: number\n---\n",
            ),
            ("principles/a.md", "---\ntitle: A\nnumber: 2\n---\n"),
            ("principles/b.md", "---\ntitle: B\nnumber: 1\n---\n"),
            ("principles/deep/x.md", "---\ntitle: X\n---\n"),
            ("zeta/_index.md", "---\ntitle: Zeta\nweight: -1\n---\n"),
        ]);
        let urls: Vec<&str> = site.reading_order.iter().map(|&t| site.url(t)).collect();
        assert_eq!(
            urls,
            [
                "",
                "about/",
                "zeta/",
                "principles/",
                "principles/b/",
                "principles/a/",
                "principles/deep/",
                "principles/deep/x/",
            ]
        );
        let (a, b) = (page(&site, "principles/a"), page(&site, "principles/b"));
        assert_eq!(
            site.sections[0].children.len(),
            3,
            "the home's page and two sections"
        );
        assert_eq!((site.pages[b].position, site.pages[b].next), (0, Some(a)));
        assert_eq!((site.pages[a].position, site.pages[a].prev), (1, Some(b)));
        assert_eq!(site.pages[a].next, None);
    }

    #[test]
    fn a_weighed_subsection_comes_before_the_pages_that_weigh_more() {
        let weighed = |w: i64| format!("---\ntitle: T{w}\nweight: {w}\n---\n");
        let (site, _) = resolve(&[
            ("intro.md", &weighed(10)),
            ("appendix.md", &weighed(30)),
            ("unweighed.md", "---\ntitle: U\n---\n"),
            ("chapter/_index.md", &weighed(20)),
            ("chapter/a.md", &weighed(5)),
            ("chapter/later/_index.md", &weighed(1)),
            ("chapter/later/x.md", "---\ntitle: X\n---\n"),
            ("chapter/z.md", &weighed(7)),
            ("loose/_index.md", "---\ntitle: Loose\n---\n"),
            ("loose/y.md", &weighed(1)),
            (
                "titled/_index.md",
                "---\ntitle: Titled\nsort_by: title\nweight: 99\n---\n",
            ),
            ("titled/b.md", &weighed(100)),
            ("titled/sub/_index.md", &weighed(1)),
        ]);
        let urls: Vec<&str> = site.reading_order.iter().map(|&t| site.url(t)).collect();
        assert_eq!(
            urls,
            [
                "",
                "intro/",
                // Weight 20 between 10 and 30, as a SUMMARY.md lists it.
                "chapter/",
                // Its subsection weighs 1, less than its first page: first.
                "chapter/later/",
                "chapter/later/x/",
                "chapter/a/",
                "chapter/z/",
                "appendix/",
                // A weighed section comes before a page without weight, as
                // a weighed page does. This one sorts by title, so it lists
                // its pages before its subsection.
                "titled/",
                "titled/b/",
                "titled/sub/",
                // A page without weight comes after everything weighed, and
                // before the sections without weight.
                "unweighed/",
                "loose/",
                "loose/y/",
            ]
        );
    }

    #[test]
    fn sections_listed_in_credo_yaml_come_after_the_homes_pages() {
        let weighed = |w: i64| format!("---\ntitle: T{w}\nweight: {w}\n---\n");
        let config = crate::config::Config {
            sections: vec!["late".into(), "early".into()],
            ..Default::default()
        };
        let (site, _) = crate::site::testing::resolve_with(
            config,
            &[
                ("intro.md", &weighed(10)),
                ("appendix.md", &weighed(30)),
                ("early/_index.md", &weighed(1)),
                ("late/_index.md", &weighed(20)),
            ],
        );
        let urls: Vec<&str> = site.reading_order.iter().map(|&t| site.url(t)).collect();
        assert_eq!(urls, ["", "intro/", "appendix/", "late/", "early/"]);
    }
}
