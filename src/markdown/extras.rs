//! What GitHub adds to Markdown's output that pulldown-cmark does not:
//! emoji shortcodes shown as emoji, and footnotes gathered at the end.

use pulldown_cmark::{Event, Tag, TagEnd};

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
