//! Tags: the pages carrying each tag, in reading order, one tag per tag
//! page however its pages spell it.

use std::collections::{BTreeMap, HashMap};

use super::{PageId, Site, Target};

/// Spellings that make the same tag page (`Client care`, `client-care`) are
/// one tag, named as the first page in reading order writes it: two tags
/// with one page would overwrite each other's. `credo check` warns about the
/// other spellings.
pub(super) fn build_tags(site: &mut Site) {
    let mut by_page: BTreeMap<String, (String, Vec<PageId>)> = BTreeMap::new();
    // Each spelling's tag page, worked out once.
    let mut urls: HashMap<&str, String> = HashMap::new();
    let mut respelled = Vec::new();
    let pages_in_order = site.reading_order.iter().filter_map(|t| match *t {
        Target::Page(p) => Some(p),
        Target::Section(_) => None,
    });
    for id in pages_in_order {
        for tag in &site.pages[id].meta.tags {
            let spelling = tag.trim();
            let url = urls.entry(spelling).or_insert_with(|| tag_url(spelling));
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
                    by_page.insert(url.clone(), (spelling.to_string(), vec![id]));
                }
            }
        }
    }
    site.respelled_tags = respelled;
    site.tags = by_page
        .into_values()
        .map(|(name, mut pages)| {
            // A page that writes the tag twice is listed once.
            pages.dedup();
            (name, pages)
        })
        .collect();
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

/// The site-relative URL path of a tag page.
pub(crate) fn tag_url(tag: &str) -> String {
    let slug = crate::markdown::slugify(tag);
    format!("tags/{}/", if slug.is_empty() { "tag" } else { &slug })
}

#[cfg(test)]
mod tests {
    use super::{RespelledTag, tag_url};
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
        assert_eq!(tag_url("Client care"), "tags/client-care/");
        assert_eq!(tag_url("!!"), "tags/tag/");
    }
}
