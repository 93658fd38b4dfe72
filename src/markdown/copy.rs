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
//!
//! A build has scanned every body already: [`absolute_links_scanned`]
//! takes the links and where they are written from that scan
//! ([`Scan::written`]) instead of parsing the body again; both give the
//! same text.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag};

use super::highlight::escape;
use super::{LinkResolver, Scan, Written, classify_link, html, options};

/// [`absolute_links`] from the body's scan, without parsing it again (the
/// same text; it parses the body when the scan cannot tell).
pub(crate) fn absolute_links_scanned(
    body: &str,
    scan: &Scan,
    origin: &str,
    links: &dyn LinkResolver,
) -> String {
    let Some(written) = &scan.written else {
        return absolute_links(body, origin, links);
    };
    let absolute = |href: String| {
        if href.starts_with('/') {
            format!("{origin}{href}")
        } else {
            href
        }
    };
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (link, written) in scan.links.iter().zip(written) {
        if *written == Written::Nowhere {
            continue;
        }
        let Some(resolved) = links.resolve(link) else {
            continue;
        };
        match written {
            // An attribute's value: `&` is `&amp;` there (`/Q&amp;A/`).
            Written::Html(at) => edits.push((at.clone(), escape(&absolute(resolved.href)))),
            // Within the page: as written.
            _ if resolved.href.starts_with('#') => {}
            Written::Wiki { span, pothole } => {
                let label = match pothole {
                    true => body
                        .get(span.clone())
                        .and_then(|w| w.trim_end_matches("]]").rsplit_once('|'))
                        .map_or(resolved.title.as_str(), |(_, l)| l),
                    false => resolved.title.as_str(),
                };
                let href = absolute(resolved.href.clone());
                edits.push((span.clone(), format!("[{label}](<{href}>)")));
            }
            Written::Dest(at) => {
                edits.push((at.clone(), format!("<{}>", absolute(resolved.href))));
            }
            Written::Nowhere => {}
        }
    }
    apply(body, edits)
}

/// `body` with its internal links' destinations replaced by `origin` +
/// the resolved `href`.
pub(crate) fn absolute_links(body: &str, origin: &str, links: &dyn LinkResolver) -> String {
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
    // Where the scan of the open HTML block stands (see `scan_events`).
    let mut block = html::State::default();
    for (event, range) in super::alt::mend(body, parser.into_offset_iter().collect()) {
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
                if resolved.href.starts_with('#') {
                    continue; // within the page: as written
                }
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
            Event::Start(Tag::HtmlBlock) => block = html::State::default(),
            Event::Html(ref text) | Event::InlineHtml(ref text) => {
                let urls = match event {
                    Event::Html(_) => block.urls(text),
                    _ => html::urls(text),
                };
                for r in urls {
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
                            escape(&absolute(resolved.href)),
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
/// a link's text comes before its destination), with the `<` and `>`
/// around it when it is written `<dest>`: the copy writes its own.
pub(super) fn find_in(body: &str, span: &Range<usize>, dest: &str) -> Option<Range<usize>> {
    let written = body.get(span.clone())?;
    // `with space.md` may be written `with%20space.md`.
    let at = [dest.to_string(), dest.replace(' ', "%20")]
        .into_iter()
        .find_map(|d| {
            written
                .rfind(&d)
                .map(|at| span.start + at..span.start + at + d.len())
        })?;
    let bytes = body.as_bytes();
    let bracketed = at.start > span.start
        && bytes.get(at.start - 1) == Some(&b'<')
        && bytes.get(at.end) == Some(&b'>');
    Some(match bracketed {
        true => at.start - 1..at.end + 1,
        false => at,
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
    use crate::markdown::{LinkRef, Resolved, scan};

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
        assert_eq!(
            absolute_links_scanned(body, &scan(body, false), "https://x.example", &Site),
            out
        );
    }

    /// A raw-HTML URL is an attribute's value: the copy writes it escaped
    /// as the page does (`R&amp;D/` was written `/h/R&D/`; a `&copy=` in a
    /// query would read as `©=`).
    #[test]
    fn a_raw_html_url_is_written_escaped() {
        let body = "<a href=\"R&amp;D/plan.md\">plan</a>\n\n<p>x <img src='Q&amp;A.png'></p>\n";
        let out = absolute_links(body, "", &Site);
        assert_eq!(
            out,
            "<a href=\"/h/R&amp;D/plan/\">plan</a>\n\n<p>x <img src='/h/Q&amp;A.png/'></p>\n"
        );
        assert_eq!(
            absolute_links_scanned(body, &scan(body, false), "", &Site),
            out
        );
    }

    #[test]
    fn a_destination_in_angle_brackets_keeps_one_pair() {
        let body = "[a](<my page.md>) ![i](<my pic.png> \"t\") [r][esc]\n\n[esc]: <rules/escalation rules.md>\n";
        let out = absolute_links(body, "", &Site);
        assert_eq!(
            out,
            "[a](</h/my page/>) ![i](</h/my pic.png/> \"t\") [r][esc]\n\n[esc]: </h/rules/escalation rules/>\n"
        );
        assert_eq!(
            absolute_links_scanned(body, &scan(body, false), "", &Site),
            out
        );
        // The copy is still Markdown with the same links.
        let links: Vec<String> = Parser::new_ext(&out, options())
            .filter_map(|e| match e {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    Some(dest_url.to_string())
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            links,
            [
                "/h/my page/",
                "/h/my pic.png/",
                "/h/rules/escalation rules/"
            ]
        );
    }

    #[test]
    fn the_scan_gives_the_copy_a_fresh_parse_gives() {
        let bodies = [
            "# Title [[a]]\n\nText [[b|B]] and [c](c.md).\n",
            "# Title <a href=\"t.md\">t</a>\n\n[[a]]\n",
            "> <img src=\"in-quote.png\">\n> <a href=\"q.md\">q</a>\n\n- <a href=\"li.md\">l</a>\n",
            "[x][Ref] [y][] [ref] [[missing]] [here](#anchor) [[a#b]]\n\n[Ref]: with%20space.md\n[y]: missing.md\n",
            "![alt [[a]] text](img.png) [![i](i.png)](b.md) <img srcset=\"a.png 1x, b.png 2x\">\n",
            "```rust\n[[not a link]]\n```\n\n`[[code]]` [a](<with space.md> \"t\")\n",
        ];
        for body in bodies {
            for drop_title in [false, true] {
                let fresh = absolute_links(body, "https://x.example", &Site);
                let scanned = scan(body, drop_title);
                assert_eq!(
                    absolute_links_scanned(body, &scanned, "https://x.example", &Site),
                    fresh,
                    "{body:?}, drop_title {drop_title}"
                );
            }
        }
        // A title heading that holds a link is left out of the scan: the
        // copy then parses the body itself.
        assert!(scan(bodies[0], true).written.is_none());
        assert!(scan(bodies[0], false).written.is_some());
    }
}
