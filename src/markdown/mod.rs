//! Markdown → HTML with pulldown-cmark: heading ids, link resolution, alerts and
//! highlighted code.
//!
//! Used twice per page. [`scan`] (when a file is loaded) collects the headings and
//! every internal link with its byte offset, so refs can be checked against the
//! whole site before anything is rendered. [`render`] (the render stage) parses
//! again and writes HTML, asking a [`LinkResolver`] for each internal link's
//! URL. Both walk the same [`events`], so heading ids always agree.

mod alt;
mod code;
pub(crate) mod copy;
mod extras;
mod headings;
pub mod highlight;
pub mod html;
mod unlinked;

pub(crate) use code::{code_and_comments, code_blocks, template_code};
use code::{fence_language, fence_title};
use extras::{alert, autolinks, footnotes_last, same_line_alerts, with_emoji};
pub(crate) use headings::RESERVED_IDS;
use headings::{UniqueIds, heading_text, level_number, take_first_h1};
pub(crate) use headings::{first_h1, slugify};

pub(crate) use unlinked::Unlinked;
use unlinked::{SlotKind, slot_marker};

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

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
    /// `[label](/folder/file.md)`: from the top of `content/`, as GitHub
    /// reads it in a repository. Left as written when nothing in the site
    /// is there (the host may serve it).
    Root,
    /// `[label](@/folder/file.md)`: from the top of `content/`, as Zola
    /// writes an internal link; always checked.
    Content,
}

/// An internal link found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The target as written, without the anchor.
    pub target: String,
    /// The anchor, if any.
    pub anchor: Option<String>,
    /// The query of a relative `.md` link (`b.md?v=2`), kept on the page's URL.
    pub query: Option<String>,
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
    /// Where each of [`Self::links`] is written in the body, in the same
    /// order: what the Markdown copy rewrites ([`copy::absolute_links_scanned`]),
    /// so it need not parse the body again. `None` when the scan saw fewer
    /// links than the body holds (a title heading left out held one).
    pub written: Option<Vec<Written>>,
    /// The body rendered in the same parse, when the build asked for it (see
    /// [`scan_unlinked`]); the render stage takes it out.
    pub unlinked: Option<Unlinked>,
    /// The id of the title heading left out of the body, for the page's
    /// `<h1>`.
    pub title_id: Option<String>,
    /// Ids a link may name besides the headings': footnotes', and the `id`
    /// and `name` values of raw HTML.
    pub anchors: Vec<String>,
    /// Headings whose own `{#id}` the page had given already (to the
    /// layout, raw HTML or an earlier heading): each took another.
    pub renamed_ids: Vec<RenamedId>,
}

/// A heading's `{#id}` that was taken, and the id it got instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenamedId {
    /// The id written (`setup`).
    pub asked: String,
    /// The id given (`setup-1`).
    pub given: String,
    /// Where the heading starts in the body, in bytes.
    pub offset: usize,
}

impl Scan {
    /// Whether `id` names an element of the page: a heading, the title, a
    /// footnote or a raw HTML anchor.
    pub fn has_anchor(&self, id: &str) -> bool {
        self.headings.iter().any(|h| h.id == id)
            || self.title_id.as_deref() == Some(id)
            || self.anchors.iter().any(|a| a == id)
    }

    /// Every id a link may name, headings first.
    pub fn anchor_ids(&self) -> impl Iterator<Item = &str> {
        (self.headings.iter().map(|h| h.id.as_str()))
            .chain(self.title_id.as_deref())
            .chain(self.anchors.iter().map(String::as_str))
    }
}

/// Where an internal link is written in its body, as bytes of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// `[[ref]]` or `[[ref|label]]` (`pothole`): the whole link.
    Wiki {
        /// The link, brackets included.
        span: std::ops::Range<usize>,
        /// Written with its own label.
        pothole: bool,
    },
    /// The destination of a Markdown link or image, or of the reference
    /// definition it uses.
    Dest(std::ops::Range<usize>),
    /// A URL in raw HTML.
    Html(std::ops::Range<usize>),
    /// Not found as written in the body (a copy leaves the link as it is).
    Nowhere,
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
    /// The plain text, for search and summaries: a line per block, table
    /// cells apart, each heading on a line of its own that starts with
    /// [`HEADING_MARK`].
    pub text: String,
}

/// Starts each heading's line in [`Rendered::text`], so that the search can
/// cut a body at its headings and not at a line that reads the same (a
/// table of contents listing them). A vertical tab: whitespace, so that
/// whatever splits the text into words drops it, and never in prose.
pub const HEADING_MARK: char = '\u{b}';

/// Parses `body` and gives every heading its unique id (an explicit `{#id}`,
/// else the slug of its text, with `-1`, `-2`... for repeats).
/// With `drop_title`, the first `# heading` is left out: it is the page's
/// title, which the template shows already.
pub(crate) fn events(body: &str, drop_title: bool) -> Vec<(Event<'_>, std::ops::Range<usize>)> {
    parse(body, drop_title).events
}

/// A body's events and what its scan needs besides them.
struct Parsed<'a> {
    events: Vec<(Event<'a>, std::ops::Range<usize>)>,
    /// Reference definitions: label (lower case), span, destination.
    definitions: Vec<(String, std::ops::Range<usize>, String)>,
    /// The left-out title heading held a link (or raw HTML).
    title_links: bool,
    /// The left-out title heading's id.
    title_id: Option<String>,
    /// Headings whose `{#id}` was taken already (see [`Scan::renamed_ids`]).
    renamed_ids: Vec<RenamedId>,
}

fn parse(body: &str, drop_title: bool) -> Parsed<'_> {
    let parser = Parser::new_ext(body, options());
    let copy_definitions: Vec<(String, std::ops::Range<usize>, String)> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_lowercase(), def.span.clone(), def.dest.to_string()))
        .collect();
    // A reference-style link is reported at its definition, where its URL is.
    let definitions: std::collections::HashMap<String, usize> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_string(), def.span.start))
        .collect();
    let mut out = alt::mend(body, parser.into_offset_iter().collect());
    if !definitions.is_empty() {
        for (event, range) in &mut out {
            if let Event::Start(Tag::Link { link_type, id, .. } | Tag::Image { link_type, id, .. }) =
                event
                && matches!(
                    link_type,
                    LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
                )
                && let Some(&at) = definitions.get(&id.to_lowercase())
            {
                range.start = at;
            }
        }
    }
    same_line_alerts(&mut out);
    let mut ids = UniqueIds::new();
    // Footnote ids first, prefixed: pulldown-cmark names a footnote's
    // element by its label alone, which a heading's id could repeat.
    for (event, _) in &mut out {
        if let Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) =
            event
        {
            *label = CowStr::from(format!("fn-{label}"));
        }
    }
    for (event, _) in &out {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            ids.used.insert(label.to_string());
            // The id of its first reference, which its `↩` links back to.
            ids.used.insert(format!("fnref-{}", &label[3..]));
        }
    }
    let title = drop_title.then(|| take_first_h1(&mut out)).flatten();
    // An id written in raw HTML (`<a id="setup"></a>` above `## Setup`, as
    // READMEs do) stays the author's: a heading takes another.
    ids.keep_raw_html_ids(&out);
    // The title heading is left out of the body but keeps its id, counted
    // first as GitHub does: the page's `<h1>` carries it, links may name
    // it, and a later heading of the same text is `-1`.
    let (title_links, title_id) = match title {
        Some(title) => (title.links, Some(ids.claim(title.id, &title.text))),
        None => (false, None),
    };
    let mut renamed_ids = Vec::new();
    for i in 0..out.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &out[i].0 {
            let explicit = id.as_ref().map(|s| s.to_string());
            let unique = ids.claim(explicit.clone(), &heading_text(&out[i + 1..]));
            if let Some(asked) = explicit.filter(|asked| *asked != unique) {
                renamed_ids.push(RenamedId {
                    asked,
                    given: unique.clone(),
                    offset: out[i].1.start,
                });
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut out[i].0 {
                *id = Some(CowStr::from(unique));
            }
        }
    }
    Parsed {
        events: out,
        definitions: copy_definitions,
        title_links,
        title_id,
        renamed_ids,
    }
}

/// Classifies a link destination: internal links are returned; external
/// ones (with a scheme such as `https:` or `mailto:`, or from the host's
/// root) are `None`. Every relative URL is internal: a `.md` file, a folder
/// or path without extension (a page), or any other file (an asset).
pub fn classify_link(link_type: LinkType, dest: &str, offset: usize) -> Option<LinkRef> {
    let mut dest = dest.trim();
    if let LinkType::WikiLink { has_pothole: true } = link_type {
        // `[[ref\|label]]`: in a table cell a `|` splits cells unless
        // escaped, so Obsidian and GitHub wikis write the label's `|` so;
        // the backslash is no part of the ref.
        dest = dest.strip_suffix('\\').unwrap_or(dest).trim_end();
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    // `b.md?v=2` names `b.md`.
    let (file, query) = match path.split_once('?') {
        Some((file, query)) => (file, Some(query)),
        None => (path, None),
    };
    let style = match link_type {
        LinkType::WikiLink { .. } => LinkStyle::Wiki,
        // `<desk@example.com>`: written without its `mailto:`.
        LinkType::Email => return None,
        _ if has_scheme(dest) || dest.starts_with("//") || dest.starts_with('\\') => {
            return None;
        }
        _ if dest.starts_with('/') => LinkStyle::Root,
        _ if dest.starts_with("@/") => LinkStyle::Content,
        // `#` alone is the top of this page (and `href="#"` a script's
        // hook): left as written.
        _ if dest == "#" => return None,
        _ if path.is_empty() && anchor.is_some() => LinkStyle::Fragment,
        _ if file.is_empty() => return None,
        _ => LinkStyle::Relative,
    };
    let relative = matches!(
        style,
        LinkStyle::Relative | LinkStyle::Root | LinkStyle::Content
    );
    let file = match style {
        LinkStyle::Content => &file[2..],
        _ => file,
    };
    Some(LinkRef {
        // Markdown link destinations are URLs: `with%20space.md` names `with space.md`.
        target: match relative {
            true => percent_encoding::percent_decode_str(file.trim())
                .decode_utf8_lossy()
                .into_owned(),
            false => path.trim().to_string(),
        },

        anchor: anchor.map(|a| a.trim().to_string()),
        query: query.filter(|_| relative).map(str::to_string),
        style,
        offset,
    })
}

/// Whether a fragment names the top of its page, as browsers take `#` and
/// `#top` (when no element has that id).
pub(crate) fn names_page_top(fragment: &str) -> bool {
    fragment.is_empty() || fragment.eq_ignore_ascii_case("top")
}

/// The stem of a Markdown file's path as other tools name them: `x.md`,
/// `x.MD`, `x.markdown`, `x.mdx` (credo reads `x.md` alone as a page; `credo
/// import` renames the others so).
pub(crate) fn markdown_stem(path: &str) -> Option<&str> {
    let (stem, extension) = path.rsplit_once('.')?;
    let markdown = ["md", "markdown", "mdx"]
        .iter()
        .any(|m| extension.eq_ignore_ascii_case(m));
    (markdown && !stem.is_empty() && !stem.ends_with('/')).then_some(stem)
}

/// Whether a URL starts with a scheme (`https:`, `mailto:`, `data:`...).
pub(crate) fn has_scheme(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Collects headings and internal links of `body`.
pub fn scan(body: &str, drop_title: bool) -> Scan {
    scan_events(body, &parse(body, drop_title))
}

fn scan_events(body: &str, parsed: &Parsed<'_>) -> Scan {
    let evs = &parsed.events;
    let mut scan = Scan::default();
    let mut written = Vec::new();
    // Where the scan of the open HTML block stands, from one line to the next.
    let mut block = html::State::default();
    for (i, (event, range)) in evs.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => scan.headings.push(Heading {
                level: level_number(*level),
                id: id.as_deref().unwrap_or_default().to_string(),
                text: heading_text(&evs[i + 1..]),
            }),
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
                let Some(link) = classify_link(*link_type, dest_url, range.start) else {
                    continue;
                };
                scan.links.push(link);
                written.push(match link_type {
                    LinkType::WikiLink { has_pothole } => Written::Wiki {
                        span: range.clone(),
                        pothole: *has_pothole,
                    },
                    LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
                        let key = id.to_lowercase();
                        parsed
                            .definitions
                            .iter()
                            .find(|(label, ..)| *label == key)
                            .and_then(|(_, span, dest)| copy::find_in(body, span, dest))
                            .map_or(Written::Nowhere, Written::Dest)
                    }
                    // A reference-style link's range starts at its
                    // definition; any other's is the link as written.
                    _ => {
                        copy::find_in(body, range, dest_url).map_or(Written::Nowhere, Written::Dest)
                    }
                });
            }
            Event::Start(Tag::FootnoteDefinition(label)) => scan.anchors.push(label.to_string()),
            Event::Start(Tag::HtmlBlock) => block = html::State::default(),
            Event::Html(html) | Event::InlineHtml(html) => {
                // An inline tag is whole; a block comes a line at a time.
                let mut inline = html::State::default();
                let state = match event {
                    Event::Html(_) => &mut block,
                    _ => &mut inline,
                };
                scan.anchors.extend(state.clone().anchors(html));
                for r in state.urls(html) {
                    let url = html[r.clone()].replace("&amp;", "&");
                    let Some(link) = classify_link(LinkType::Inline, &url, range.start + r.start)
                    else {
                        continue;
                    };
                    scan.links.push(link);
                    // An HTML block inside a quote or list is not one slice
                    // of the body: its URL is then not where it seems.
                    let at = range.start + r.start..range.start + r.end;
                    written.push(if body.get(at.clone()) == Some(&html[r]) {
                        Written::Html(at)
                    } else {
                        Written::Nowhere
                    });
                }
            }
            _ => {}
        }
    }
    scan.written = (!parsed.title_links).then_some(written);
    scan.title_id.clone_from(&parsed.title_id);
    scan.renamed_ids.clone_from(&parsed.renamed_ids);
    scan
}

/// Renders `body` to HTML, resolving internal links through `links`.
pub fn render(body: &str, drop_title: bool, links: &dyn LinkResolver) -> Rendered {
    write(body.len(), events(body, drop_title), &mut |link, _| {
        links.resolve(link)
    })
    .0
}

/// Scans `body` and renders it in the same parse, before the site is known:
/// each internal link is left as a slot that [`Unlinked::link`] fills once
/// the links resolve. [`Scan::unlinked`] stays `None` when the body cannot be
/// rendered that way (see [`Unlinked`]); it is then rendered by [`render`].
pub(crate) fn scan_unlinked(body: &str, drop_title: bool) -> Scan {
    let parsed = parse(body, drop_title);
    let mut scan = scan_events(body, &parsed);
    let evs = parsed.events;
    let mut dests = Vec::new();
    // The render walks the links the scan found, in the same order; the
    // slots are filled from the scan's list, so check that it does.
    let mut as_scanned = true;
    let (rendered, parts) = write(body.len(), evs, &mut |link, dest| {
        let i = dests.len();
        as_scanned &= scan.links.get(i) == Some(link);
        dests.push(dest.to_string());
        Some(Resolved {
            href: slot_marker(i, SlotKind::Href),
            title: slot_marker(i, SlotKind::Label),
        })
    });
    if as_scanned && dests.len() == scan.links.len() {
        scan.unlinked = Unlinked::cut(rendered, dests, &parts);
    }
    scan
}

/// Writes the events of a body as HTML and plain text; `resolve` maps each
/// internal link (and its destination as written) to its URL and title.
/// Also returns which parts of which links (numbered in order) went into the
/// output, in order.
fn write(
    body_len: usize,
    evs: Vec<(Event<'_>, std::ops::Range<usize>)>,
    resolve: &mut dyn FnMut(&LinkRef, &str) -> Option<Resolved>,
) -> (Rendered, Vec<(usize, SlotKind)>) {
    let mut parts = Vec::new();
    let mut links = 0;
    let mut text = String::new();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(evs.len());
    let mut evs = evs.into_iter();
    // An open code block: its language, its title and its text so far.
    let mut code: Option<(String, Option<String>, String)> = None;
    // Where the scan of the open HTML block stands (see `scan_events`).
    let mut block = html::State::default();
    while let Some((event, range)) = evs.next() {
        if let Some((lang, title, buf)) = code.as_mut() {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let html = highlight::code_block(lang, title.as_deref(), buf);
                    out.push(Event::Html(html.into()));
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
                let (lang, title) = match kind {
                    CodeBlockKind::Fenced(info) => (fence_language(&info), fence_title(&info)),
                    CodeBlockKind::Indented => (String::new(), None),
                };
                code = Some((lang, title, String::new()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match classify_link(link_type, &dest_url, range.start) {
                Some(link) => {
                    let resolved = resolve(&link, &dest_url);
                    let number = links;
                    links += 1;
                    parts.push((number, SlotKind::Href));
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
                        parts.push((number, SlotKind::Label));
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
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match classify_link(link_type, &dest_url, range.start) {
                    Some(link) => {
                        let resolved = resolve(&link, &dest_url);
                        parts.push((links, SlotKind::Href));
                        links += 1;
                        resolved.map_or(dest_url, |r| r.href.into())
                    }
                    None => dest_url,
                };
                out.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::HtmlBlock) => {
                block = html::State::default();
                out.push(event);
            }
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                let mut inline = html::State::default();
                let state = match event {
                    Event::Html(_) => &mut block,
                    _ => &mut inline,
                };
                let rewritten = rewrite_html(html, state, range.start, &mut |link, dest| {
                    parts.push((links, SlotKind::Href));
                    links += 1;
                    resolve(link, dest)
                });
                out.push(match (rewritten, event) {
                    (None, event) => event,
                    (Some(r), Event::InlineHtml(_)) => Event::InlineHtml(r.into()),
                    (Some(r), _) => Event::Html(r.into()),
                });
            }
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
            Event::Text(ref t) if t.contains(':') => match with_emoji(t) {
                Some(shown) => {
                    text.push_str(&shown);
                    out.push(Event::Text(shown.into()));
                }
                None => {
                    text.push_str(t);
                    out.push(event);
                }
            },
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
            Event::Start(Tag::Heading { .. }) => {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push(HEADING_MARK);
                out.push(event);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::TableCell) => {
                text.push(' ');
                out.push(event);
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::TableRow,
            ) => {
                text.push('\n');
                out.push(event);
            }
            other => out.push(other),
        }
    }
    let out = footnotes_last(autolinks(out));
    let mut html = String::with_capacity(body_len * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    // Every body is held until the print page and search index are made:
    // on a large site the spare capacity of growing strings adds up.
    html.shrink_to_fit();
    text.shrink_to_fit();
    (Rendered { html, text }, parts)
}

/// `html` with the URL of each internal link replaced by what `resolve`
/// gives (its destination as written when unresolved), escaped as an
/// attribute value, the way the slots of an [`Unlinked`] body are filled;
/// `None` when it holds no internal link (one scan either way, going on
/// from `state`).
fn rewrite_html(
    html: &str,
    state: &mut html::State,
    offset: usize,
    resolve: &mut dyn FnMut(&LinkRef, &str) -> Option<Resolved>,
) -> Option<String> {
    let mut out = String::new();
    let mut last = 0;
    let mut any = false;
    for r in state.urls(html) {
        let dest = html[r.clone()].replace("&amp;", "&");
        let Some(link) = classify_link(LinkType::Inline, &dest, offset + r.start) else {
            continue;
        };
        any = true;
        out.push_str(&html[last..r.start]);
        let href = resolve(&link, &dest).map_or(dest, |resolved| resolved.href);
        // Writing into a String cannot fail.
        let _ = pulldown_cmark_escape::escape_href(&mut out, &href);
        last = r.end;
    }
    if !any {
        return None;
    }
    out.push_str(&html[last..]);
    Some(out)
}

#[cfg(test)]
mod tests;
