//! The sidebar of each page (`nav`): the pages at the top, the top-level
//! sections, and the current one opened down to the current page, with a
//! window of at most 60 pages per section so large sites stay small.

use super::context::*;
use crate::site::{PageId, SectionId, Site, Target};
use serde::Serialize;

/// The most pages a list of the sidebar shows.
const WINDOW: usize = 60;

/// A top-level section in the sidebar.
#[derive(Debug, Serialize)]
pub(crate) struct NavSection<'a> {
    /// The section.
    pub section: Card<'a>,
    /// Whether the current page is this section or inside it.
    pub current: bool,
    /// Its pages, only for the current section (a window around the current
    /// page in very large sections).
    pub pages: Vec<NavItem<'a>>,
    /// How many pages the window leaves out.
    pub more: usize,
    /// (the current section only) Its subsections, depth first, down to the
    /// current page: each a link, and the ones holding the current page
    /// followed by their own pages and subsections, one level deeper; and,
    /// in their place, its own pages that come after a subsection (depth 0).
    pub below: Vec<NavNode<'a>>,
    /// The pages at the top of `content/` that come after this section in
    /// the home's order, before the next section (see
    /// [`Section::children`](crate::site::Section::children)). A separate
    /// list so that `sections` holds sections only, as themes expect.
    pub after: Vec<NavItem<'a>>,
}

/// A section or page below the current top-level section in the sidebar.
#[derive(Debug)]
pub(crate) struct NavNode<'a> {
    /// 1 for the top section's subsections, 2 below those, and so on; a
    /// page is one deeper than its section (0 for the top section's own).
    pub depth: usize,
    /// The section or page.
    pub card: Card<'a>,
    /// Whether it is a section (else a page).
    pub is_section: bool,
    /// Whether it is the page being rendered.
    pub current: bool,
    /// (sections) Whether the current page is in it.
    pub open: bool,
    /// The same entry as a template value, made once per build, when it is
    /// neither the current page nor open (see [`SharedCards`]).
    shared: Option<&'a tera::Value>,
}

/// The fields of a [`NavNode`] as templates see them.
#[derive(Serialize)]
pub(super) struct NavNodeFields<C> {
    pub(super) depth: usize,
    pub(super) card: C,
    pub(super) is_section: bool,
    pub(super) current: bool,
    pub(super) open: bool,
}

impl Serialize for NavNode<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.shared {
            Some(value) if !self.current && !self.open => value.serialize(serializer),
            _ => NavNodeFields {
                depth: self.depth,
                card: &self.card,
                is_section: self.is_section,
                current: self.current,
                open: self.open,
            }
            .serialize(serializer),
        }
    }
}

/// A page in the sidebar.
#[derive(Debug)]
pub(crate) struct NavItem<'a> {
    /// Which page.
    id: PageId,
    /// The page.
    pub page: Card<'a>,
    /// Whether it is the page being rendered.
    pub current: bool,
    /// The same entry as a template value, made once per build, when it is
    /// not the current page (see [`SharedCards`]).
    shared: Option<&'a tera::Value>,
}

/// The fields of a [`NavItem`] as templates see them.
#[derive(Serialize)]
pub(super) struct NavItemFields<P> {
    pub(super) page: P,
    pub(super) current: bool,
}

impl Serialize for NavItem<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.shared {
            Some(value) if !self.current => value.serialize(serializer),
            _ => NavItemFields {
                page: &self.page,
                current: self.current,
            }
            .serialize(serializer),
        }
    }
}

/// How deep the page `id` sits in the sidebar, below its top-level
/// section ([`NavNode::depth`]: one more than its section's), or `None` for
/// a page of the home or of a top-level section, listed as a [`NavItem`].
pub(super) fn node_depth(site: &Site, id: PageId) -> Option<usize> {
    section_depth(site, site.pages[id].section).map(|depth| depth + 1)
}

/// How deep the section `id` sits in the sidebar ([`NavNode::depth`]: 1 for
/// a top-level section's subsections), or `None` for the home and the
/// top-level sections, listed as a [`NavSection`].
pub(super) fn section_depth(site: &Site, id: SectionId) -> Option<usize> {
    let mut section = id;
    let mut depth = 0;
    while let Some(parent) = site.sections[section].parent.filter(|&p| p != 0) {
        depth += 1;
        section = parent;
    }
    (depth > 0).then_some(depth)
}

/// The sidebar of the page being rendered, available as `nav`.
#[derive(Debug, Serialize)]
pub(crate) struct NavContext<'a> {
    /// The pages at the top of `content/` that come before every section
    /// (a window of at most 60).
    pub pages: Vec<NavItem<'a>>,
    /// How many pages at the top of `content/` the windows of `pages` and
    /// of the sections' `after` leave out (the home lists them all).
    pub more: usize,
    /// Top-level sections; the current one lists its pages.
    pub sections: Vec<NavSection<'a>>,
    /// The URL of the page being rendered.
    pub current_url: String,
    /// Its path from the language's root (`principles/a/`): the same page
    /// in another language is that language's `base_path` plus this.
    pub path: String,
    /// The languages (codes) that have no page at `path`: their switcher
    /// link and hreflang alternate lead to their home instead (a tag that
    /// only some translations use).
    pub missing_in: Vec<String>,
    /// The built-in sidebar, made already for this page (see
    /// [`super::sidebar`]): the built-in partial prints it as it is.
    pub sidebar: Option<String>,
}

impl<'a> NavContext<'a> {
    /// A hash of what the sidebar lists, all but which entry is current:
    /// the pages of one folder (of one window of a large folder) share it.
    /// An entry is named by its URL's address, since each card borrows its
    /// page's or section's own string.
    pub(super) fn shape(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        let card = |h: &mut std::hash::DefaultHasher, card: &Card<'_>| {
            (card.fields.url.as_ptr() as usize, card.fields.url.len()).hash(h);
        };
        let items = |h: &mut std::hash::DefaultHasher, items: &[NavItem<'_>]| {
            items.len().hash(h);
            items.iter().for_each(|i| card(h, &i.page));
        };
        self.more.hash(&mut h);
        items(&mut h, &self.pages);
        self.sections.len().hash(&mut h);
        for s in &self.sections {
            card(&mut h, &s.section);
            (s.current, s.more, s.below.len()).hash(&mut h);
            items(&mut h, &s.pages);
            for n in &s.below {
                card(&mut h, &n.card);
                (n.depth, n.is_section, n.open).hash(&mut h);
            }
            items(&mut h, &s.after);
        }
        h.finish()
    }

    /// Calls `f` with the URL and the `current` mark of every entry.
    pub(super) fn each_mark(&mut self, mut f: impl FnMut(&'a str, &mut bool)) {
        for item in &mut self.pages {
            f(item.page.fields.url, &mut item.current);
        }
        for s in &mut self.sections {
            let items = s.pages.iter_mut().chain(&mut s.after);
            for item in items {
                f(item.page.fields.url, &mut item.current);
            }
            for n in &mut s.below {
                f(n.card.fields.url, &mut n.current);
            }
        }
    }
}

impl<'a> Contexts<'a> {
    /// The sidebar for the page or section `current`.
    pub(crate) fn nav(&self, current: Target) -> NavContext<'a> {
        let site = self.site;
        let current_section = match current {
            Target::Page(p) => site.pages[p].section,
            Target::Section(s) => s,
        };
        // The top-level section that holds the current page.
        let mut top = current_section;
        while let Some(parent) = site.sections[top].parent.filter(|&p| p != 0) {
            top = parent;
        }
        // The sections from the top-level one down to the current page's.
        let mut path = vec![current_section];
        while let Some(parent) = site.sections[*path.last().unwrap_or(&0)].parent {
            path.push(parent);
        }
        // The home's pages after a section: a window around the current
        // page, as a section's pages are.
        let trailing = trailing_pages(site, 0);
        let at = (after_leading_pages(site, 0).iter())
            .filter(|t| matches!(t, Target::Page(_)))
            .position(|&t| t == current)
            .unwrap_or(0);
        let shown = window(at, trailing, WINDOW);
        let mut trailing_seen = 0;
        let mut sections: Vec<NavSection<'a>> = Vec::new();
        for &child in after_leading_pages(site, 0) {
            let s = match child {
                Target::Section(s) => s,
                Target::Page(p) => {
                    // A page after a section: the leading pages are `pages`.
                    if let Some(last) = sections.last_mut()
                        && shown.contains(&trailing_seen)
                    {
                        last.after.push(self.nav_item(p, current));
                    }
                    trailing_seen += 1;
                    continue;
                }
            };
            let is_current = s == top && current_section != 0;
            let (pages, more) = if is_current {
                self.nav_pages(s, current, WINDOW)
            } else {
                (Vec::new(), 0)
            };
            let mut below = Vec::new();
            if is_current {
                self.nav_below(s, (1, 0), &path, current, &mut below);
            }
            sections.push(NavSection {
                section: self.section_card(s),
                current: is_current,
                pages,
                more,
                below,
                after: Vec::new(),
            });
        }
        let (pages, leading_more) = self.nav_pages(0, current, WINDOW);
        NavContext {
            pages,
            more: leading_more + trailing - shown.len(),
            sections,
            current_url: site.href(site.url(current)),
            path: site.url(current).to_string(),
            missing_in: Vec::new(),
            sidebar: None,
        }
    }

    /// The children of `section` after its leading pages (which the caller
    /// lists) for the sidebar, depth first: its subsections at `depth.0`,
    /// and its pages that come after one at `depth.1`; the subsections on
    /// `path` (the current page's sections) open with their own children.
    fn nav_below(
        &self,
        section: SectionId,
        depth: (usize, usize),
        path: &[SectionId],
        current: Target,
        out: &mut Vec<NavNode<'a>>,
    ) {
        let (depth, page_depth) = depth;
        for &child in after_leading_pages(self.site, section) {
            let sub = match child {
                Target::Section(sub) => sub,
                Target::Page(p) => {
                    out.push(self.page_node(self.nav_item(p, current), page_depth));
                    continue;
                }
            };
            let open = path.contains(&sub);
            out.push(NavNode {
                depth,
                card: self.section_card(sub),
                is_section: true,
                current: current == Target::Section(sub),
                open,
                shared: self.cards.map(|c| &c.nav_sections[sub]),
            });
            if !open {
                continue;
            }
            let (pages, _) = self.nav_pages(sub, current, WINDOW);
            out.extend(
                pages
                    .into_iter()
                    .map(|item| self.page_node(item, depth + 1)),
            );
            self.nav_below(sub, (depth + 1, depth + 1), path, current, out);
        }
    }

    /// A page entry of the sidebar below a top-level section, at `depth`.
    fn page_node(&self, item: NavItem<'a>, depth: usize) -> NavNode<'a> {
        // The shared entry is made at the depth the page's folder gives it.
        let shared = (self.cards)
            .filter(|_| node_depth(self.site, item.id) == Some(depth))
            .map(|c| &c.nav_entries[item.id]);
        NavNode {
            depth,
            shared,
            card: item.page,
            is_section: false,
            current: item.current,
            open: false,
        }
    }

    /// Page `p` as a sidebar item, marked when it is `current`.
    fn nav_item(&self, p: PageId, current: Target) -> NavItem<'a> {
        NavItem {
            id: p,
            page: self.page_card(p),
            current: current == Target::Page(p),
            // Below a subsection the shared entry is a `NavNode`.
            shared: (self.cards)
                .filter(|_| node_depth(self.site, p).is_none())
                .map(|c| &c.nav_entries[p]),
        }
    }

    /// The leading pages of `section` (those before its first subsection in
    /// its order; all of them, most often), a window of `size` around the
    /// current page, and how many the window leaves out.
    fn nav_pages(
        &self,
        section: SectionId,
        current: Target,
        size: usize,
    ) -> (Vec<NavItem<'a>>, usize) {
        let all = &self.site.sections[section].pages;
        let pages = &all[..all.len() - trailing_pages(self.site, section)];
        let at = match current {
            Target::Page(p) if self.site.pages[p].section == section => self.site.pages[p].position,
            _ => 0,
        };
        let at = if at < pages.len() { at } else { 0 };
        let shown = window(at, pages.len(), size);
        let items = pages[shown.clone()]
            .iter()
            .map(|&p| self.nav_item(p, current))
            .collect();
        (items, pages.len() - shown.len())
    }
}

/// Which of `len` entries a window of `size` shows around entry `at`. It
/// moves in steps of a sixth of its size, not one entry at a time, so that
/// the sidebar stays still while a reader steps through a large folder,
/// and neighbouring pages share it (made once: see [`super::sidebar`]);
/// `at` stays a third of the window or more from either edge of it, but
/// where the list itself ends.
fn window(at: usize, len: usize, size: usize) -> std::ops::Range<usize> {
    let step = (size / 6).max(1);
    let start = (at.saturating_sub(size / 2) / step * step).min(len.saturating_sub(size));
    start..(start + size).min(len)
}

/// The children of `section` after its leading pages: its subsections and
/// the pages that come after one.
fn after_leading_pages(site: &Site, section: SectionId) -> &[Target] {
    let children = &site.sections[section].children;
    let leading = children
        .iter()
        .take_while(|t| matches!(t, Target::Page(_)))
        .count();
    &children[leading..]
}

/// How many of `section`'s pages come after one of its subsections.
fn trailing_pages(site: &Site, section: SectionId) -> usize {
    (after_leading_pages(site, section).iter())
        .filter(|t| matches!(t, Target::Page(_)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::testing;

    /// The sidebar entries made once per build and shared by every page
    /// are the values each page would make for itself.
    #[test]
    fn shared_sidebar_entries_are_what_each_page_makes() {
        let page = |title: &str| format!("---\ntitle: {title}\n---\nText.\n");
        let files: Vec<(String, String)> = [
            "values/a.md",
            "values/b.md",
            "values/group/c.md",
            "values/group/d.md",
            "values/group/deeper/e.md",
            "values/group/deeper/f.md",
            "principles/g.md",
        ]
        .iter()
        .map(|path| (path.to_string(), page(path)))
        .collect();
        let files: Vec<(&str, &str)> = (files.iter())
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let (site, diagnostics) = testing::resolve(&files);
        assert!(!diagnostics.has_errors(), "{}", diagnostics.render_human());
        let cards = SharedCards::new(&site);
        let shared = Contexts::new(&site, &cards);
        let plain = Contexts::plain(&site);
        let value = |nav: NavContext<'_>| {
            tera::Value::try_from_serializable(&nav).expect("a template value")
        };
        for ref_path in [
            "values/a",
            "values/group/c",
            "values/group/deeper/f",
            "principles/g",
        ] {
            let id = testing::page(&site, ref_path);
            let nav = shared.nav(Target::Page(id));
            let below: usize = nav.sections.iter().map(|s| s.below.len()).sum();
            if ref_path.contains("deeper") {
                assert!(below >= 4, "{ref_path}: the nested pages are listed");
            }
            assert_eq!(value(nav), value(plain.nav(Target::Page(id))), "{ref_path}");
        }
        // A section's own page: it is the current entry, open, and its
        // siblings and their subsections are shared closed entries.
        for folder in ["values/group", "values/group/deeper"] {
            let id = testing::section(&site, folder);
            let nav = shared.nav(Target::Section(id));
            assert_eq!(
                value(nav),
                value(plain.nav(Target::Section(id))),
                "{folder}"
            );
        }
    }

    /// Pages that come after a subsection (by weight), at the top of
    /// `content/` and in a top-level section, keep their place in the
    /// sidebar, whichever page is open; and the shared entries still match.
    #[test]
    fn pages_after_a_subsection_keep_their_place_in_the_sidebar() {
        let weighed = |w: i64| format!("---\ntitle: W{w}\nweight: {w}\n---\nText.\n");
        let (site, diagnostics) = testing::resolve(&[
            ("intro.md", &weighed(1)),
            ("guide/_index.md", &weighed(2)),
            ("guide/a.md", &weighed(1)),
            ("guide/part/_index.md", &weighed(2)),
            ("guide/part/c.md", &weighed(1)),
            ("guide/z.md", &weighed(3)),
            ("appendix.md", &weighed(3)),
            ("values/v.md", &weighed(1)),
        ]);
        assert!(!diagnostics.has_errors(), "{}", diagnostics.render_human());
        let cards = SharedCards::new(&site);
        let shared = Contexts::new(&site, &cards);
        let plain = Contexts::plain(&site);
        let value = |nav: NavContext<'_>| {
            tera::Value::try_from_serializable(&nav).expect("a template value")
        };
        // Each entry as "kind url", indented below its top-level section,
        // with a `*` on the current page.
        let shape = |nav: &NavContext<'_>| -> Vec<String> {
            let item = |indent: &str, i: &NavItem<'_>| {
                let mark = if i.current { "*" } else { "" };
                format!("{indent}page{mark} {}", i.page.fields.url)
            };
            let mut out: Vec<String> = nav.pages.iter().map(|i| item("", i)).collect();
            for entry in &nav.sections {
                let mark = if entry.current { "*" } else { "" };
                out.push(format!("section{mark} {}", entry.section.fields.url));
                out.extend(entry.pages.iter().map(|i| item("  ", i)));
                out.extend(entry.below.iter().map(|n| {
                    let mark = if n.current { "*" } else { "" };
                    format!("  {}{mark} {}", n.depth, n.card.fields.url)
                }));
                out.extend(entry.after.iter().map(|i| item("", i)));
            }
            out
        };
        let expected: [(&str, &[&str]); 3] = [
            (
                "guide/part/c",
                &[
                    "page /intro/",
                    "section* /guide/",
                    "  page /guide/a/",
                    "  1 /guide/part/",
                    "  2* /guide/part/c/",
                    "  0 /guide/z/",
                    "page /appendix/",
                    "section /values/",
                ],
            ),
            (
                "guide/z",
                &[
                    "page /intro/",
                    "section* /guide/",
                    "  page /guide/a/",
                    "  1 /guide/part/",
                    "  0* /guide/z/",
                    "page /appendix/",
                    "section /values/",
                ],
            ),
            (
                "appendix",
                &[
                    "page /intro/",
                    "section /guide/",
                    "page* /appendix/",
                    "section /values/",
                ],
            ),
        ];
        for (ref_path, expected) in expected {
            let id = testing::page(&site, ref_path);
            let nav = shared.nav(Target::Page(id));
            assert_eq!(shape(&nav), expected, "{ref_path}");
            assert_eq!(value(nav), value(plain.nav(Target::Page(id))), "{ref_path}");
        }
    }

    #[test]
    fn a_window_holds_its_page_and_moves_in_steps() {
        for len in [0, 1, 59, 60, 61, 100, 250] {
            let mut starts = std::collections::BTreeSet::new();
            for at in 0..len {
                let shown = window(at, len, 60);
                assert!(shown.contains(&at), "{at} of {len}: {shown:?}");
                assert_eq!(shown.len(), len.min(60));
                let margin = (at - shown.start).min(shown.end - 1 - at);
                let at_an_end = shown.start == 0 || shown.end == len;
                assert!(margin >= 20 || at_an_end, "{at} of {len}: {shown:?}");
                starts.insert(shown.start);
            }
            // 250 pages: a window per 10 pages, not one per page.
            assert!(
                starts.len() <= len.saturating_sub(60) / 10 + 2,
                "{len}: {starts:?}"
            );
        }
    }

    /// The home's pages after a section are a window of 60 around the
    /// current page, as a section's pages are, and `more` counts the rest.
    #[test]
    fn the_homes_pages_after_a_section_are_a_window() {
        let pages: Vec<(String, String)> = (1..=70)
            .map(|w| {
                (
                    format!("p{w:02}.md"),
                    format!("---\ntitle: P{w}\nweight: {w}\n---\n"),
                )
            })
            .chain([(
                "guide/_index.md".to_string(),
                "---\ntitle: Guide\nweight: 0\n---\n".to_string(),
            )])
            .chain([("guide/a.md".to_string(), "---\ntitle: A\n---\n".to_string())])
            .collect();
        let files: Vec<(&str, &str)> = (pages.iter())
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let (site, diagnostics) = testing::resolve(&files);
        assert!(!diagnostics.has_errors(), "{}", diagnostics.render_human());
        let plain = Contexts::plain(&site);
        let nav = plain.nav(Target::Page(testing::page(&site, "p70")));
        assert!(
            nav.pages.is_empty(),
            "the guide weighs least: every page comes after it"
        );
        let after = &nav.sections[0].after;
        assert_eq!(after.len(), 60);
        assert!(
            after.last().is_some_and(|i| i.current),
            "the current page is in the window"
        );
        assert_eq!(nav.more, 10);
        let nav = plain.nav(Target::Page(testing::page(&site, "guide/a")));
        assert_eq!(nav.sections[0].after[0].page.fields.url, "/p01/");
        assert_eq!(nav.more, 10);
    }
}
