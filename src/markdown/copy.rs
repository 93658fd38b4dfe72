//! A body as its author wrote it, with every internal link made absolute:
//! the text of the Markdown copy published beside each page
//! (`/principles/x/index.md`), for assistants and scripts.
//!
//! Only the destinations change: `[[ref]]` and `[[ref|label]]` become
//! ordinary links (`[Title](https://x.example/principles/a/)`), relative
//! links, images and raw-HTML URLs get the URL the page itself uses, with
//! the site's origin in front when `base_url` has one. A link that does
//! not resolve, or whose destination cannot be found in its source text,
//! is left as written.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag};

use super::{LinkResolver, classify_link, html, options};

/// `body` with its internal links' destinations replaced by `origin` +
/// the resolved `href`.
pub fn absolute_links(body: &str, origin: &str, links: &dyn LinkResolver) -> String {
    let parser = Parser::new_ext(body, options());
    let definitions: Vec<(String, Range<usize>, String)> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_lowercase(), def.span.clone(), def.dest.to_string()))
        .collect();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let absolute = |href: String| {
        if href.starts_with('/') {
            format!("{origin}{href}")
        } else {
            href
        }
    };
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    id,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    id,
                    ..
                },
            ) => {
                let Some(link) = classify_link(link_type, &dest_url, range.start) else {
                    continue;
                };
                let Some(resolved) = links.resolve(&link) else {
                    continue;
                };
                let href = absolute(resolved.href);
                match link_type {
                    LinkType::WikiLink { has_pothole } => {
                        let written = &body[range.clone()];
                        let label = match has_pothole {
                            true => written
                                .trim_end_matches("]]")
                                .rsplit_once('|')
                                .map_or(resolved.title.as_str(), |(_, l)| l),
                            false => resolved.title.as_str(),
                        };
                        edits.push((range, format!("[{label}](<{href}>)")));
                    }
                    LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
                        let key = id.to_lowercase();
                        if let Some((_, span, dest)) =
                            definitions.iter().find(|(label, ..)| *label == key)
                            && let Some(at) = find_in(body, span, dest)
                        {
                            edits.push((at, format!("<{href}>")));
                        }
                    }
                    _ => {
                        if let Some(at) = find_in(body, &range, &dest_url) {
                            edits.push((at, format!("<{href}>")));
                        }
                    }
                }
            }
            Event::Html(text) | Event::InlineHtml(text) => {
                for r in html::urls(&text) {
                    let dest = text[r.clone()].replace("&amp;", "&");
                    let Some(link) = classify_link(LinkType::Inline, &dest, range.start + r.start)
                    else {
                        continue;
                    };
                    if let Some(resolved) = links.resolve(&link)
                        && body.get(range.start + r.start..range.start + r.end)
                            == Some(&text[r.clone()])
                    {
                        edits.push((
                            range.start + r.start..range.start + r.end,
                            absolute(resolved.href),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    apply(body, edits)
}

/// Where `dest` is written inside `span` of `body` (its last occurrence:
/// a link's text comes before its destination).
fn find_in(body: &str, span: &Range<usize>, dest: &str) -> Option<Range<usize>> {
    let written = body.get(span.clone())?;
    // `with space.md` may be written `with%20space.md`.
    [dest.to_string(), dest.replace(' ', "%20")]
        .into_iter()
        .find_map(|d| {
            written
                .rfind(&d)
                .map(|at| span.start + at..span.start + at + d.len())
        })
}

fn apply(body: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(body.len() + 64 * edits.len());
    let mut last = 0;
    for (range, text) in edits {
        if range.start < last {
            continue; // overlapping (a link inside an image): keep the first
        }
        out.push_str(&body[last..range.start]);
        out.push_str(&text);
        last = range.end;
    }
    out.push_str(&body[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{LinkRef, Resolved};

    struct Site;
    impl LinkResolver for Site {
        fn resolve(&self, link: &LinkRef) -> Option<Resolved> {
            (link.target != "missing.md").then(|| Resolved {
                href: format!("/h/{}/", link.target.trim_end_matches(".md")),
                title: "Its Title".into(),
            })
        }
    }

    #[test]
    fn internal_links_become_absolute_and_the_rest_stays() {
        let body = "See [[honesty]], [[honesty|be honest]], [a](a.md \"t\"), ![i](i.png), \
                    [ext](https://x.example/a.md), [gone](missing.md) and [r][ref].\n\n\
                    <img src=\"pic.png\">\n\n[ref]: b.md\n";
        let out = absolute_links(body, "https://x.example", &Site);
        assert_eq!(
            out,
            "See [Its Title](<https://x.example/h/honesty/>), [be honest](<https://x.example/h/honesty/>), \
             [a](<https://x.example/h/a/> \"t\"), ![i](<https://x.example/h/i.png/>), \
             [ext](https://x.example/a.md), [gone](missing.md) and [r][ref].\n\n\
             <img src=\"https://x.example/h/pic.png/\">\n\n[ref]: <https://x.example/h/b/>\n"
        );
    }
}
