//! What GitHub adds to Markdown's output that pulldown-cmark does not:
//! emoji shortcodes shown as emoji, footnotes gathered at the end, and
//! bare URLs made links.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

/// `text` with each GitHub emoji shortcode (`:warning:`, `:+1:`) as its
/// emoji, as GitHub shows it; `None` when it holds none. Not in code.
pub(super) fn with_emoji(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut done = 0;
    let mut from = 0;
    while let Some(open) = text[from..].find(':').map(|i| from + i) {
        let Some(close) = text[open + 1..].find(':').map(|i| open + 1 + i) else {
            break;
        };
        let name = &text[open + 1..close];
        let is_name = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'));
        match is_name.then(|| emojis::get_by_shortcode(name)).flatten() {
            Some(emoji) => {
                out.push_str(&text[done..open]);
                out.push_str(emoji.as_str());
                done = close + 1;
                from = close + 1;
            }
            // The closing colon may open the next shortcode.
            None => from = close,
        }
    }
    (done > 0).then(|| {
        out.push_str(&text[done..]);
        out
    })
}

/// The footnotes moved to the end of the body, in the order written, as
/// GitHub shows them: wherever their definitions stand in the source.
pub(super) fn footnotes_last(out: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !out
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
    {
        return out;
    }
    let mut body = Vec::with_capacity(out.len() + 2);
    let mut notes = vec![Event::Html(
        "<div class=\"footnotes\" role=\"doc-endnotes\">\n".into(),
    )];
    let mut in_note = false;
    for event in out {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => in_note = true,
            Event::End(TagEnd::FootnoteDefinition) => {
                in_note = false;
                notes.push(event);
                continue;
            }
            _ => {}
        }
        if in_note {
            notes.push(event)
        } else {
            body.push(event)
        }
    }
    notes.push(Event::Html("</div>\n".into()));
    body.extend(notes);
    body
}

/// Bare URLs (`https://x.example/a`, `www.x.example`) and e-mail
/// addresses in text made links, as GitHub's autolink extension makes
/// them; not in code, nor in the text of a link or image.
pub(super) fn autolinks(out: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let may_link = |t: &str| t.contains("://") || t.contains("www.") || t.contains('@');
    if !out
        .iter()
        .any(|e| matches!(e, Event::Text(t) if may_link(t)))
    {
        return out;
    }
    let mut finder = linkify::LinkFinder::new();
    // `www.x.example` as GitHub links it; `credo.yaml` stays text.
    finder.url_must_have_scheme(false);
    let mut linked = Vec::with_capacity(out.len());
    // Links and images open, Markdown or raw `<a>`: their text stays text.
    let mut inside = 0usize;
    for event in out {
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => inside += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => inside = inside.saturating_sub(1),
            Event::InlineHtml(html) if starts_tag(html, "a") => inside += 1,
            Event::InlineHtml(html) if html.trim().eq_ignore_ascii_case("</a>") => {
                inside = inside.saturating_sub(1);
            }
            _ => {}
        }
        let Event::Text(text) = &event else {
            linked.push(event);
            continue;
        };
        if inside > 0 || !may_link(text) {
            linked.push(event);
            continue;
        }
        let text = text.to_string();
        for span in finder.spans(&text) {
            let shown = span.as_str().to_string();
            let href = match span.kind() {
                Some(linkify::LinkKind::Email) => format!("mailto:{shown}"),
                Some(_) if shown.contains("://") => shown.clone(),
                Some(_) if shown.starts_with("www.") => format!("http://{shown}"),
                _ => {
                    linked.push(Event::Text(shown.into()));
                    continue;
                }
            };
            linked.push(Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url: href.into(),
                title: "".into(),
                id: "".into(),
            }));
            linked.push(Event::Text(shown.into()));
            linked.push(Event::End(TagEnd::Link));
        }
    }
    linked
}

/// Whether raw `html` opens the element `name` (`<a href=…>`).
fn starts_tag(html: &str, name: &str) -> bool {
    html.strip_prefix('<')
        .and_then(|rest| {
            rest.get(..name.len())
                .filter(|n| n.eq_ignore_ascii_case(name))
                .map(|_| &rest[name.len()..])
        })
        .is_some_and(|rest| rest.starts_with([' ', '>', '\t', '\n']))
}
