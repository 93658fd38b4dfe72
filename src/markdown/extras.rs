//! What GitHub adds to Markdown's output that pulldown-cmark does not:
//! emoji shortcodes shown as emoji, footnotes gathered at the end, bare
//! URLs made links, and alerts whose marker shares a line with their text.

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, LinkType, Tag, TagEnd};

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
/// Each is numbered by its first reference, which it links back to
/// (`↩`, as GitHub does).
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
    footnotes_linked_back(body)
}

/// Whether `text` may hold a bare URL or e-mail address: one pass over
/// its bytes, as every text event of every body is asked.
fn may_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b':', b'w', b'@', bytes).any(|at| match bytes[at] {
        b':' => bytes[at + 1..].starts_with(b"//"),
        b'w' => bytes[at..].starts_with(b"www."),
        _ => true,
    })
}

/// Bare URLs (`https://x.example/a`, `www.x.example`) and e-mail
/// addresses in text made links, as GitHub's autolink extension makes
/// them; not in code, nor in the text of a link or image.
pub(super) fn autolinks(out: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !out
        .iter()
        .any(|e| matches!(e, Event::Text(t) if may_link(t)))
    {
        return out;
    }
    // pulldown-cmark splits text at `_`, `~` and `(`: a URL may span
    // several text events, so neighbours are read as one.
    let out = merged_text(out);
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

/// References and definitions written out: a reference's number links to
/// its note, and the first one of each note carries the id the note's
/// `↩` links back to (`fnref-` and the note's label, whose id is `fn-`…).
fn footnotes_linked_back(out: Vec<Event<'_>>) -> Vec<Event<'_>> {
    use crate::markdown::highlight::escape;
    let mut numbers: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for event in &out {
        if let Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) =
            event
        {
            let next = numbers.len() + 1;
            numbers.entry(label.to_string()).or_insert(next);
        }
    }
    let back_id = |label: &str| format!("fnref-{}", label.strip_prefix("fn-").unwrap_or(label));
    let mut referenced = std::collections::HashSet::new();
    let mut open: Vec<String> = Vec::new();
    out.into_iter()
        .map(|event| match event {
            Event::FootnoteReference(label) => {
                let number = numbers.get(label.as_ref()).copied().unwrap_or(0);
                let id = match referenced.insert(label.to_string()) {
                    true => format!(" id=\"{}\"", escape(&back_id(&label))),
                    false => String::new(),
                };
                Event::Html(
                    format!(
                        "<sup class=\"footnote-reference\"{id}><a href=\"#{}\" role=\"doc-noteref\">{number}</a></sup>",
                        escape(&label)
                    )
                    .into(),
                )
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let number = numbers.get(label.as_ref()).copied().unwrap_or(0);
                open.push(label.to_string());
                Event::Html(
                    format!(
                        "<div class=\"footnote-definition\" id=\"{}\"><sup class=\"footnote-definition-label\">{number}</sup>\n",
                        escape(&label)
                    )
                    .into(),
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let label = open.pop().unwrap_or_default();
                let back = match referenced.contains(&label) {
                    true => format!(
                        "<a href=\"#{}\" class=\"footnote-backref\" role=\"doc-backlink\">↩</a>\n",
                        escape(&back_id(&label))
                    ),
                    false => String::new(),
                };
                Event::Html(format!("{back}</div>\n").into())
            }
            other => other,
        })
        .collect()
}

/// `events` with each run of neighbouring text events as one.
fn merged_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut merged: Vec<Event<'_>> = Vec::with_capacity(events.len());
    for event in events {
        if let (Event::Text(next), Some(Event::Text(last))) = (&event, merged.last_mut()) {
            let mut joined = last.to_string();
            joined.push_str(next);
            *last = joined.into();
            continue;
        }
        merged.push(event);
    }
    merged
}

/// GitHub also reads `> [!NOTE] text` (the marker and text on one line) as
/// an alert; pulldown-cmark only the marker on a line of its own. Turns a
/// quote whose first paragraph starts with a marker into that alert.
pub(super) fn same_line_alerts(evs: &mut [(Event<'_>, std::ops::Range<usize>)]) {
    for i in 0..evs.len().saturating_sub(2) {
        if !matches!(evs[i].0, Event::Start(Tag::BlockQuote(None)))
            || !matches!(evs[i + 1].0, Event::Start(Tag::Paragraph))
        {
            continue;
        }
        // The parser splits `[!NOTE]` into several text events.
        let texts = evs[i + 2..]
            .iter()
            .take_while(|(e, _)| matches!(e, Event::Text(_)))
            .count();
        let first: String = evs[i + 2..i + 2 + texts]
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let Some((kind, rest)) = alert_marker(&first) else {
            continue;
        };
        let rest = CowStr::from(rest.to_string());
        for (event, _) in &mut evs[i + 3..i + 2 + texts] {
            *event = Event::Text(CowStr::Borrowed(""));
        }
        evs[i + 2].0 = Event::Text(rest);
        evs[i].0 = Event::Start(Tag::BlockQuote(Some(kind)));
        let mut depth = 0;
        for (event, _) in &mut evs[i + 1..] {
            match event {
                Event::Start(Tag::BlockQuote(_)) => depth += 1,
                Event::End(TagEnd::BlockQuote(_)) if depth > 0 => depth -= 1,
                Event::End(TagEnd::BlockQuote(_)) => {
                    *event = Event::End(TagEnd::BlockQuote(Some(kind)));
                    break;
                }
                _ => {}
            }
        }
    }
}

/// `[!NOTE] rest` → the alert kind and `rest`.
fn alert_marker(text: &str) -> Option<(BlockQuoteKind, &str)> {
    let inner = text.strip_prefix("[!")?;
    let (name, rest) = inner.split_once(']')?;
    let kind = match name.to_ascii_uppercase().as_str() {
        "NOTE" => BlockQuoteKind::Note,
        "TIP" => BlockQuoteKind::Tip,
        "IMPORTANT" => BlockQuoteKind::Important,
        "WARNING" => BlockQuoteKind::Warning,
        "CAUTION" => BlockQuoteKind::Caution,
        _ => return None,
    };
    let rest = rest.strip_prefix(' ')?;
    Some((kind, rest))
}

/// An alert's class and its label.
pub(super) fn alert(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}
