//! Cards: a page or section as lists, sidebars and backlinks show it
//! ([`Card`]), and every card of a build converted to a template value once
//! and shared ([`SharedCards`]).

use rayon::prelude::*;
use serde::Serialize;

use super::context::Contexts;
use super::nav::{NavItemFields, NavNodeFields};
use crate::site::{PageId, SectionId, Site, Target};

/// A link to a page or section, with what listings show.
#[derive(Debug, Clone)]
pub(crate) struct Card<'a> {
    /// What templates see.
    pub fields: CardFields<'a>,
    /// The same card as a template value, made once per build (see
    /// [`SharedCards`]).
    shared: Option<&'a tera::Value>,
}

/// The fields of a [`Card`] as templates see them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CardFields<'a> {
    /// Title.
    pub title: &'a str,
    /// `href` value: base path plus the percent-encoded URL path.
    pub url: &'a str,
    /// The summary, if any.
    pub summary: Option<&'a str>,
    /// The page kind, or `section`.
    pub kind: &'a str,
    /// A principle's number.
    pub number: Option<i64>,
    /// The ref path (`principles/a`, `principles/_index`): a stable key, used
    /// by the theme's scripts to store checklist and track progress.
    pub key: &'a str,
    /// Whether the default language's page stands in for a missing
    /// translation: its title and summary are in that language.
    pub untranslated: bool,
}

impl Serialize for Card<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.shared {
            // Inside Tera's serializer a value is shared, not converted again.
            Some(value) => value.serialize(serializer),
            None => self.fields.serialize(serializer),
        }
    }
}

/// Every page's and section's card, converted to a template value once. A
/// card shows in the sidebars, lists and backlinks of many pages; each of
/// them then shares the one value instead of converting the card again.
pub(crate) struct SharedCards {
    pages: Vec<tera::Value>,
    sections: Vec<tera::Value>,
    /// Each page as a sidebar entry that is not the current page: the most
    /// repeated value of a build (a sidebar lists up to 60 pages). A page
    /// of the home or of a top-level section is listed as a
    /// [`NavItem`](super::nav::NavItem), a page deeper down as a
    /// [`NavNode`](super::nav::NavNode) (see [`super::nav::node_depth`]).
    pub(super) nav_entries: Vec<tera::Value>,
    /// Each section below a top-level one as a closed sidebar entry that is
    /// not the current page: every page of a top-level section lists all of
    /// its subsections (hundreds, on a large site).
    pub(super) nav_sections: Vec<tera::Value>,
}

impl SharedCards {
    /// The cards of every page and section of `site`.
    pub(crate) fn new(site: &Site) -> SharedCards {
        let plain = Contexts::plain(site);
        let value = |card: Card<'_>| {
            tera::Value::try_from_serializable(&card).unwrap_or_else(|_| tera::Value::none())
        };
        let pages: Vec<tera::Value> = (0..site.pages.len())
            .into_par_iter()
            .map(|p| value(plain.page_card(p)))
            .collect();
        let nav_entries = (pages.par_iter().enumerate())
            .map(|(id, card)| {
                let value = match super::nav::node_depth(site, id) {
                    None => tera::Value::try_from_serializable(&NavItemFields {
                        page: card,
                        current: false,
                    }),
                    Some(depth) => tera::Value::try_from_serializable(&NavNodeFields {
                        depth,
                        card,
                        is_section: false,
                        current: false,
                        open: false,
                    }),
                };
                value.unwrap_or_else(|_| tera::Value::none())
            })
            .collect();
        let sections: Vec<tera::Value> = (0..site.sections.len())
            .map(|s| value(plain.section_card(s)))
            .collect();
        let nav_sections = (sections.iter().enumerate())
            .map(|(id, card)| {
                let depth = super::nav::section_depth(site, id).unwrap_or_default();
                tera::Value::try_from_serializable(&NavNodeFields {
                    depth,
                    card,
                    is_section: true,
                    current: false,
                    open: false,
                })
                .unwrap_or_else(|_| tera::Value::none())
            })
            .collect();
        SharedCards {
            pages,
            sections,
            nav_entries,
            nav_sections,
        }
    }
}

impl<'a> Contexts<'a> {
    /// A card for a page.
    pub(crate) fn page_card(&self, id: PageId) -> Card<'a> {
        let p = &self.site.pages[id];
        Card {
            fields: CardFields {
                title: &p.meta.title,
                url: &p.href,
                summary: p.meta.summary.as_deref(),
                kind: p.kind.as_str(),
                number: p.meta.number,
                key: &p.source.ref_path,
                untranslated: p.source.untranslated,
            },
            shared: self.cards.map(|c| &c.pages[id]),
        }
    }

    /// A card for a section.
    pub(crate) fn section_card(&self, id: SectionId) -> Card<'a> {
        let s = &self.site.sections[id];
        Card {
            fields: CardFields {
                title: &s.title,
                url: &s.href,
                summary: s.meta.summary.as_deref(),
                kind: "section",
                number: None,
                key: &s.key,
                untranslated: s.source.as_ref().is_some_and(|f| f.untranslated),
            },
            shared: self.cards.map(|c| &c.sections[id]),
        }
    }

    /// A card for any target.
    pub(crate) fn card(&self, target: Target) -> Card<'a> {
        match target {
            Target::Page(p) => self.page_card(p),
            Target::Section(s) => self.section_card(s),
        }
    }
}
