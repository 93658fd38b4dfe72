//! Headings: the ids a heading takes (GitHub's rule, the layout's reserved
//! ids), its text, and a page's title from its first `# heading`.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::options;

/// Makes a URL- and id-friendly slug: lowercase letters and digits of any
/// script, runs of anything else as one `-`.
pub(crate) fn slugify(text: &str) -> String {
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
pub(crate) const RESERVED_IDS: &[&str] = &[
    "main",
    "sidebar",
    "on-this-page",
    "search-input",
    "search-popup",
    "search-page",
    "search-page-input",
    "search-page-results",
    "checklist-heading",
    "steps-heading",
    "tracks-heading",
    "sections-heading",
    "ack-heading",
    "history-heading",
    "changed-heading",
    "ack-name-input",
    "ack-table",
    "ack-where",
    // search.js's result lists.
    "search-input-list",
    "search-page-input-list",
];

/// The plain text of the first `# heading` of `body`, if it has one: the
/// title of a page whose front matter gives none. A README's raw
/// `<h1 align="center">Title</h1>`, an HTML block of its own, counts as
/// one. Parsing stops there.
pub(crate) fn first_h1(body: &str) -> Option<String> {
    let mut parser = Parser::new_ext(body, options());
    loop {
        match parser.next()? {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => break,
            Event::Start(Tag::HtmlBlock) => {
                let mut html = String::new();
                for event in parser.by_ref() {
                    match event {
                        Event::End(TagEnd::HtmlBlock) => break,
                        Event::Html(h) => html.push_str(&h),
                        _ => {}
                    }
                }
                if let Some(text) = html_h1_text(&html) {
                    return Some(text);
                }
            }
            _ => {}
        }
    }
    let mut text = String::new();
    for event in parser {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            _ => {}
        }
    }
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// The text of an HTML block that is one `<h1>` element and nothing else
/// (`<h1 align="center"><img src="logo.png"> Acme care</h1>`), its tags
/// dropped, its whitespace made single spaces, the common entities read.
pub(super) fn html_h1_text(html: &str) -> Option<String> {
    let html = html.trim();
    let lower = html.get(..4)?.to_ascii_lowercase();
    if !(lower == "<h1>" || lower == "<h1 ") || !html.to_ascii_lowercase().ends_with("</h1>") {
        return None;
    }
    let inner = &html[html.find('>')? + 1..html.len() - "</h1>".len()];
    if inner.to_ascii_lowercase().contains("<h1") {
        return None;
    }
    let mut text = String::with_capacity(inner.len());
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = (text.split_whitespace().collect::<Vec<_>>().join(" "))
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    (!text.is_empty()).then_some(text)
}

/// A heading's id by GitHub's rule (github-slugger, also Hugo's and
/// mdBook's): lower case; letters, digits, marks, `-` and `_` kept, each
/// space a `-`, everything else dropped (`Loop & Tie` → `loop--tie`).
pub(crate) fn heading_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c == ' ' {
            id.push('-');
        } else if c.is_alphanumeric() || c == '-' || c == '_' || is_mark(c) {
            id.extend(c.to_lowercase());
        }
    }
    id
}

/// Combining marks (Unicode category M), which GitHub keeps in ids.
fn is_mark(c: char) -> bool {
    use unicode_normalization::char::is_combining_mark;
    is_combining_mark(c)
}

/// The HTML of the block whose events start `rest`, up to its end.
fn html_block(rest: &[(Event<'_>, std::ops::Range<usize>)]) -> String {
    let mut html = String::new();
    for (event, _) in rest {
        match event {
            Event::End(TagEnd::HtmlBlock) => break,
            Event::Html(h) => html.push_str(h),
            _ => {}
        }
    }
    html
}

pub(super) fn heading_text(rest: &[(Event<'_>, std::ops::Range<usize>)]) -> String {
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

pub(super) fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The ids a body's elements have taken, the layout's reserved ones with them.
pub(super) struct UniqueIds {
    pub(super) used: std::collections::HashSet<String>,
}

impl UniqueIds {
    pub(super) fn new() -> Self {
        UniqueIds {
            used: RESERVED_IDS.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Takes the ids (and anchor `name`s) that raw HTML among `events` gives
    /// its elements, so that no heading takes one of them.
    pub(super) fn keep_raw_html_ids(&mut self, events: &[(Event<'_>, std::ops::Range<usize>)]) {
        let mut block = super::html::State::default();
        for (event, _) in events {
            match event {
                Event::Start(Tag::HtmlBlock) => block = super::html::State::default(),
                // A block comes a line at a time; an inline tag is whole.
                Event::Html(h) => self.used.extend(block.anchors(h)),
                Event::InlineHtml(h) => {
                    self.used.extend(super::html::State::default().anchors(h));
                }
                _ => {}
            }
        }
    }

    /// A heading's id: its explicit `{#id}`, else its text's GitHub slug
    /// (`section` when that is empty), made unique with `-1`, `-2`, ...
    pub(super) fn claim(&mut self, explicit: Option<String>, text: &str) -> String {
        let base = explicit.unwrap_or_else(|| {
            let s = heading_id(text);
            if s.is_empty() {
                "section".to_string()
            } else {
                s
            }
        });
        let mut unique = base.clone();
        let mut n = 1;
        while !self.used.insert(unique.clone()) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        unique
    }
}

/// The first `# heading`, taken out of `evs`.
pub(super) struct TitleHeading {
    /// Its explicit `{#id}`, if written.
    pub(super) id: Option<String>,
    pub(super) text: String,
    /// It held a link (or raw HTML).
    pub(super) links: bool,
}

pub(super) fn take_first_h1(
    evs: &mut Vec<(Event<'_>, std::ops::Range<usize>)>,
) -> Option<TitleHeading> {
    let start = evs.iter().enumerate().position(|(i, (e, _))| match e {
        Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        }) => true,
        Event::Start(Tag::HtmlBlock) => html_h1_text(&html_block(&evs[i + 1..])).is_some(),
        _ => false,
    })?;
    if matches!(evs[start].0, Event::Start(Tag::HtmlBlock)) {
        // A raw `<h1>`, the title as `first_h1` read it: the whole block goes.
        let text = html_h1_text(&html_block(&evs[start + 1..])).unwrap_or_default();
        let end = (evs[start..].iter())
            .position(|(e, _)| matches!(e, Event::End(TagEnd::HtmlBlock)))
            .map_or(evs.len(), |i| start + i + 1);
        evs.drain(start..end);
        return Some(TitleHeading {
            id: None,
            text,
            links: true,
        });
    }
    let end = evs[start..]
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(HeadingLevel::H1))))
        .map_or(evs.len(), |i| start + i + 1);
    let text = heading_text(&evs[start + 1..end]);
    let mut taken = evs.drain(start..end);
    let id = match taken.next() {
        Some((Event::Start(Tag::Heading { id, .. }), _)) => id.map(|id| id.to_string()),
        _ => None,
    };
    let links = taken.any(|(e, _)| {
        matches!(
            e,
            Event::Start(Tag::Link { .. } | Tag::Image { .. })
                | Event::Html(_)
                | Event::InlineHtml(_)
        )
    });
    Some(TitleHeading { id, text, links })
}
