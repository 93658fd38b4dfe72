//! Tags: the pages carrying each tag, in reading order, one tag per tag
//! page however its pages spell it.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::{PageId, Site, Target};

/// Spellings of one tag (`Client care`, `client-care`) are one tag, named
/// as the first page in reading order writes it, with one page (see
/// [`tag_urls`]). `credo check` warns about the other spellings.
pub(super) fn build_tags(site: &mut Site) {
    let mut by_page: BTreeMap<String, (String, Vec<PageId>)> = BTreeMap::new();
    let mut respelled = Vec::new();
    let pages_in_order: Vec<PageId> = (site.reading_order.iter())
        .filter_map(|t| match *t {
            Target::Page(p) => Some(p),
            Target::Section(_) => None,
        })
        .collect();
    let urls = tag_urls(
        (pages_in_order.iter()).flat_map(|&id| site.pages[id].meta.tags.iter().map(String::as_str)),
    );
    for &id in &pages_in_order {
        for tag in &site.pages[id].meta.tags {
            let spelling = tag.trim();
            let url = urls
                .get(spelling)
                .cloned()
                .unwrap_or_else(|| slug_url(spelling));
            match by_page.get_mut(url.as_str()) {
                Some((name, pages)) => {
                    if name != spelling {
                        respelled.push(RespelledTag {
                            page: id,
                            spelling: spelling.to_string(),
                            name: name.clone(),
                        });
                    }
                    pages.push(id);
                }
                None => {
                    by_page.insert(url, (spelling.to_string(), vec![id]));
                }
            }
        }
    }
    site.respelled_tags = respelled;
    site.tag_urls = urls;
    site.tags = by_page
        .into_values()
        .map(|(name, mut pages)| {
            // A page that writes the tag twice is listed once.
            pages.dedup();
            (name, pages)
        })
        .collect();
}

/// What two spellings of one tag share: the tag folded (lower case,
/// without accents), its spaces, `-` and `_` as one space (`Client care`,
/// `client-care`, `Client Care` are one tag; `C++` and `C#` are two).
fn tag_key(tag: &str) -> String {
    let folded = crate::search::tokenize::fold(tag);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// Each tag's page, the one rule for tag URLs: spelling (trimmed) → URL
/// path (`tags/client-care/`). Spellings of one tag (see [`tag_key`])
/// share a page at the slug of the first of them in sorted order. Two
/// tags whose slugs meet (`C++` and `C#` are both `c`) get a page each:
/// the first by sorted tag gets the slug, the next `c-1`, `c-2`..., so the
/// same tags make the same URLs whatever order the pages are read in.
pub(crate) fn tag_urls<'a>(
    spellings: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<String, String> {
    let mut tags: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for spelling in spellings {
        let spelling = spelling.trim();
        tags.entry(tag_key(spelling)).or_default().insert(spelling);
    }
    // Slug → the tags that would have it, sorted.
    let mut by_slug: BTreeMap<String, Vec<&BTreeSet<&str>>> = BTreeMap::new();
    for spellings in tags.values() {
        let first = spellings.first().copied().unwrap_or_default();
        by_slug.entry(slug(first)).or_default().push(spellings);
    }
    let mut taken: HashSet<String> = by_slug.keys().cloned().collect();
    let mut urls = BTreeMap::new();
    for (base, sharing) in &by_slug {
        let mut n = 0;
        for (i, spellings) in sharing.iter().enumerate() {
            let slug = if i == 0 {
                base.clone()
            } else {
                loop {
                    n += 1;
                    let numbered = format!("{base}-{n}");
                    if taken.insert(numbered.clone()) {
                        break numbered;
                    }
                }
            };
            for spelling in spellings.iter() {
                urls.insert(spelling.to_string(), format!("tags/{slug}/"));
            }
        }
    }
    urls
}

impl Site {
    /// The site-relative URL path of the page of `tag` (as a page writes
    /// it; see [`tag_urls`]).
    pub(crate) fn tag_url(&self, tag: &str) -> String {
        let tag = tag.trim();
        (self.tag_urls.get(tag).cloned()).unwrap_or_else(|| slug_url(tag))
    }
}

/// A tag written otherwise than the name of the tag page it shares.
#[derive(Debug, Clone)]
pub struct RespelledTag {
    /// The page that writes it.
    pub page: PageId,
    /// As that page writes it (trimmed).
    pub spelling: String,
    /// The tag page's name, as the first page in reading order writes it.
    pub name: String,
}

/// A tag's slug: `tag` when it has no letter or digit.
fn slug(tag: &str) -> String {
    let slug = crate::markdown::slugify(tag);
    if slug.is_empty() {
        "tag".to_string()
    } else {
        slug
    }
}

/// The URL path of a tag page by its slug alone, for a tag no page of the
/// site writes.
fn slug_url(tag: &str) -> String {
    format!("tags/{}/", slug(tag))
}

#[cfg(test)]
mod tests {
    use super::{RespelledTag, tag_urls};
    use crate::site::testing::{page, resolve};

    #[test]
    fn spellings_of_one_tag_page_are_one_tag_named_as_first_read() {
        // `b` comes first in reading order (by weight), `a` first by path.
        let (site, _) = resolve(&[
            (
                "a.md",
                "---\ntitle: A\nweight: 2\ntags: [Client care]\n---\n",
            ),
            (
                "b.md",
                "---\ntitle: B\nweight: 1\ntags: [client-care, ' client-care ']\n---\n",
            ),
        ]);
        let (a, b) = (page(&site, "a"), page(&site, "b"));
        let tags: Vec<_> = site.tags.iter().collect();
        assert_eq!(tags, [(&"client-care".to_string(), &vec![b, a])]);
        let respelled: Vec<_> = (site.respelled_tags.iter())
            .map(
                |RespelledTag {
                     page,
                     spelling,
                     name,
                 }| (*page, spelling.as_str(), name.as_str()),
            )
            .collect();
        assert_eq!(respelled, [(a, "Client care", "client-care")]);
    }

    #[test]
    fn a_tag_page_is_under_tags_by_slug() {
        let urls = tag_urls(["Client care", " client-care ", "!!"]);
        assert_eq!(urls["Client care"], "tags/client-care/");
        assert_eq!(urls["client-care"], "tags/client-care/");
        assert_eq!(urls["!!"], "tags/tag/");
    }

    /// Audit 37, r14: `C++` and `C#` were one page, `/tags/c/`, with a
    /// warning to write them the same way.
    #[test]
    fn tags_whose_slugs_meet_get_a_page_each_numbered_by_sorted_tag() {
        // In either order: `C#` sorts before `C++`, `c` before both.
        for order in [["C++", "C#", "c++"], ["c++", "C#", "C++"]] {
            let urls = tag_urls(order);
            assert_eq!(urls["C#"], "tags/c/");
            assert_eq!(urls["C++"], "tags/c-1/");
            assert_eq!(urls["c++"], "tags/c-1/");
        }
        let urls = tag_urls(["C++", "C#", "c"]);
        assert_eq!(
            [&urls["c"], &urls["C#"], &urls["C++"]],
            ["tags/c/", "tags/c-1/", "tags/c-2/"]
        );
        // A numbered slug another tag has already is passed over.
        let urls = tag_urls(["C#", "C++", "c-1"]);
        assert_eq!(
            [&urls["C#"], &urls["C++"], &urls["c-1"]],
            ["tags/c/", "tags/c-2/", "tags/c-1/"]
        );
        // Accents are a spelling, not another tag.
        let urls = tag_urls(["Café", "cafe"]);
        assert_eq!(urls["Café"], urls["cafe"]);
    }

    #[test]
    fn only_spellings_of_one_tag_are_respelled() {
        let (site, _) = resolve(&[(
            "a.md",
            "---\ntitle: A\ntags: [\"C++\", \"C#\", Client care, client-care]\n---\n",
        )]);
        let names: Vec<_> = site.tags.keys().map(String::as_str).collect();
        assert_eq!(names, ["C#", "C++", "Client care"]);
        let respelled: Vec<_> = (site.respelled_tags.iter())
            .map(|r| r.spelling.as_str())
            .collect();
        assert_eq!(respelled, ["client-care"]);
        assert_eq!(site.tag_url("C++"), "tags/c-1/");
        assert_eq!(site.tag_url(" C# "), "tags/c/");
    }
}
