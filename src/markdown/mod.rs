//! Markdown → HTML with pulldown-cmark: heading ids, link resolution, alerts and
//! highlighted code.
//!
//! Used twice per page. [`scan`] (when a file is loaded) collects the headings and
//! every internal link with its byte offset, so refs can be checked against the
//! whole site before anything is rendered. [`render`] (the render stage) parses
//! again and writes HTML, asking a [`LinkResolver`] for each internal link's
//! URL. Both walk the same [`events`], so heading ids always agree.

pub mod highlight;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag,
    TagEnd,
};

/// The Markdown extensions credo enables.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_WIKILINKS
}

/// A heading of a page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// The unique id, usable as `[[ref#id]]`.
    pub id: String,
    /// The heading's plain text.
    pub text: String,
}

/// How an internal link was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStyle {
    /// `[[ref]]`, `[[ref|label]]`, `[[ref#anchor]]`.
    Wiki,
    /// `[label](relative/file.md#anchor)`.
    Relative,
    /// `[label](#anchor)`, within the page.
    Fragment,
}

/// An internal link found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The target as written, without the anchor.
    pub target: String,
    /// The anchor, if any.
    pub anchor: Option<String>,
    /// How it was written.
    pub style: LinkStyle,
    /// Byte offset of the link in the body.
    pub offset: usize,
}

/// What the resolve stage needs from a body.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Headings in order, with unique ids.
    pub headings: Vec<Heading>,
    /// Internal links in order.
    pub links: Vec<LinkRef>,
}

/// A resolved internal link.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The URL to write in `href`, percent-encoded.
    pub href: String,
    /// The target's title, the label of `[[ref]]`.
    pub title: String,
}

/// Maps internal links to URLs at render time.
pub trait LinkResolver {
    /// The URL for `link`, or `None` when it does not resolve (already reported).
    fn resolve(&self, link: &LinkRef) -> Option<Resolved>;
}

/// The rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// The plain text, for search and summaries.
    pub text: String,
}

/// Makes a URL- and id-friendly slug: lowercase letters and digits of any
/// script, runs of anything else as one `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    slug
}

/// Ids the page layout uses; a heading never takes one, so no page has a
/// duplicate id (a heading "Main" becomes `main-1`).
pub const RESERVED_IDS: &[&str] = &[
    "main",
    "search-input",
    "search-popup",
    "search-page",
    "search-page-input",
    "search-page-results",
    "checklist-heading",
    "steps-heading",
    "tracks-heading",
    "sections-heading",
];

/// Parses `body` and gives every heading its unique id (an explicit `{#id}`,
/// else the slug of its text, with `-1`, `-2`... for repeats).
pub fn events(body: &str) -> Vec<(Event<'_>, std::ops::Range<usize>)> {
    let mut out: Vec<(Event<'_>, std::ops::Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();
    let mut used: std::collections::HashSet<String> =
        RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    let mut i = 0;
    while i < out.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &out[i].0 {
            let explicit = id.as_ref().map(|s| s.to_string());
            let text = heading_text(&out[i + 1..]);
            let base = explicit.unwrap_or_else(|| {
                let s = slugify(&text);
                if s.is_empty() {
                    "section".to_string()
                } else {
                    s
                }
            });
            let mut unique = base.clone();
            let mut n = 1;
            while !used.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut out[i].0 {
                *id = Some(CowStr::from(unique));
            }
        }
        i += 1;
    }
    out
}

fn heading_text(rest: &[(Event<'_>, std::ops::Range<usize>)]) -> String {
    let mut text = String::new();
    for (event, _) in rest {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Classifies a link destination: internal links are returned, external ones
/// (with a scheme, site-absolute, or not to a `.md` file) are `None`.
pub fn classify_link(link_type: LinkType, dest: &str, offset: usize) -> Option<LinkRef> {
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    let style = match link_type {
        LinkType::WikiLink { .. } => LinkStyle::Wiki,
        _ if dest.contains("://") || dest.starts_with("mailto:") || dest.starts_with('/') => {
            return None;
        }
        _ if path.is_empty() && anchor.is_some() => LinkStyle::Fragment,
        _ if path.ends_with(".md") => LinkStyle::Relative,
        _ => return None,
    };
    Some(LinkRef {
        // Markdown link destinations are URLs: `with%20space.md` names `with space.md`.
        target: match style {
            LinkStyle::Relative => percent_encoding::percent_decode_str(path.trim())
                .decode_utf8_lossy()
                .into_owned(),
            _ => path.trim().to_string(),
        },

        anchor: anchor.map(|a| a.trim().to_string()),
        style,
        offset,
    })
}

/// Collects headings and internal links of `body`.
pub fn scan(body: &str) -> Scan {
    let mut scan = Scan::default();
    let evs = events(body);
    for (i, (event, range)) in evs.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => scan.headings.push(Heading {
                level: level_number(*level),
                id: id.as_deref().unwrap_or_default().to_string(),
                text: heading_text(&evs[i + 1..]),
            }),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => scan
                .links
                .extend(classify_link(*link_type, dest_url, range.start)),
            _ => {}
        }
    }
    scan
}

/// Renders `body` to HTML, resolving internal links through `links`.
pub fn render(body: &str, links: &dyn LinkResolver) -> Rendered {
    let mut text = String::new();
    let mut out: Vec<Event<'_>> = Vec::new();
    let mut evs = events(body).into_iter();
    let mut code: Option<(String, String)> = None;
    while let Some((event, range)) = evs.next() {
        if let Some((lang, buf)) = code.as_mut() {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    out.push(Event::Html(highlight::code_block(lang, buf).into()));
                    text.push_str(buf);
                    text.push('\n');
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split([' ', ',', '{'])
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match classify_link(link_type, &dest_url, range.start) {
                Some(link) => {
                    let resolved = links.resolve(&link);
                    let href = resolved
                        .as_ref()
                        .map_or_else(|| dest_url.to_string(), |r| r.href.clone());
                    out.push(Event::Start(Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url: href.into(),
                        title,
                        id,
                    }));
                    if let LinkType::WikiLink { has_pothole: false } = link_type {
                        // `[[ref]]`: the label is the target's title, not the ref.
                        for (inner, _) in evs.by_ref() {
                            if matches!(inner, Event::End(TagEnd::Link)) {
                                break;
                            }
                        }
                        let label = resolved.map_or_else(|| dest_url.to_string(), |r| r.title);
                        text.push_str(&label);
                        out.push(Event::Text(label.into()));
                        out.push(Event::End(TagEnd::Link));
                    }
                }
                None => out.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })),
            },
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, label) = alert(kind);
                out.push(Event::Html(
                    format!(
                        "<div class=\"admonition admonition-{class}\" role=\"note\" aria-label=\"{label}\">\n<p class=\"admonition-title\">{label}</p>\n"
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => out.push(Event::Html("</div>\n".into())),
            Event::Text(ref t) | Event::Code(ref t) => {
                text.push_str(t);
                out.push(event);
            }
            Event::TaskListMarker(done) => {
                // A task in the body is a record, not a control: say which.
                let (checked, label) = if done {
                    (" checked", "done")
                } else {
                    ("", "not done")
                };
                out.push(Event::Html(
                    format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{label}\"> ")
                        .into(),
                ));
            }
            Event::SoftBreak | Event::HardBreak => {
                text.push(' ');
                out.push(event);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                text.push('\n');
                out.push(event);
            }
            other => out.push(other),
        }
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    // Every body is held until the print page and search index are made:
    // on a large site the spare capacity of growing strings adds up.
    html.shrink_to_fit();
    text.shrink_to_fit();
    Rendered { html, text }
}

fn alert(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed;
    impl LinkResolver for Fixed {
        fn resolve(&self, link: &LinkRef) -> Option<Resolved> {
            (link.target == "honesty").then(|| Resolved {
                href: "/values/honesty/".to_string(),
                title: "Honesty".to_string(),
            })
        }
    }

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slugify("What we do"), "what-we-do");
        assert_eq!(slugify("  Beständigkeit & Ruhe! "), "beständigkeit-ruhe");
        assert_eq!(slugify("Don't wait"), "dont-wait");
        assert_eq!(slugify("服务 原则"), "服务-原则");
    }

    #[test]
    fn heading_ids_are_unique() {
        let s = scan("# A\n## A\n## B {#custom}\n## A\n");
        let ids: Vec<_> = s.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-1", "custom", "a-2"]);
        let s = scan(
            "# Main
",
        );
        assert_eq!(s.headings[0].id, "main-1");
    }

    #[test]
    fn links_are_found_with_offsets() {
        let s = scan("See [[honesty]] and [x](../a/b.md#c), [y](https://x.example), `[[no]]`.");
        assert_eq!(s.links.len(), 2);
        assert_eq!(s.links[0].target, "honesty");
        assert_eq!(s.links[0].style, LinkStyle::Wiki);
        assert_eq!(s.links[0].offset, 4);
        assert_eq!(s.links[1].target, "../a/b.md");
        assert_eq!(s.links[1].anchor.as_deref(), Some("c"));
    }

    #[test]
    fn wiki_links_take_the_target_title() {
        let r = render("[[honesty]] and [[honesty|be honest]]", &Fixed);
        assert_eq!(
            r.html,
            "<p><a href=\"/values/honesty/\">Honesty</a> and <a href=\"/values/honesty/\">be honest</a></p>\n"
        );
    }

    #[test]
    fn alerts_become_admonitions() {
        let r = render("> [!WARNING]\n> Never do this.\n", &Fixed);
        assert!(
            r.html
                .starts_with("<div class=\"admonition admonition-warning\"")
        );
        assert!(r.html.contains("<p>Never do this.</p>"));
        assert!(r.html.ends_with("</div>\n"));
    }

    #[test]
    fn headings_get_their_ids_in_html() {
        let r = render("## What we do\n", &Fixed);
        assert_eq!(r.html, "<h2 id=\"what-we-do\">What we do</h2>\n");
    }
}
