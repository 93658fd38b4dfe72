//! Images whose alt text holds a `[[ref]]`, mended after parsing.
//!
//! CommonMark lets an image's description hold links (`![a [b](b.md)](x.png)`
//! is an image, alt text "a b"). pulldown-cmark 0.13 does so for ordinary
//! links, but a wiki link inside the brackets (`![a [[b]]](x.png)`) leaves
//! the first `[` of its `[[` open, which then takes the image's `]` as its
//! own: the image is lost, and the page shows `![a`, a link and `](x.png)`
//! as text. Parsed without wiki links, the same body gives the image whole;
//! [`mend`] takes each such image (with the link or image around it, if
//! any) from that parse, and puts back into its alt text the wiki links of
//! the first. The alt text then shows each ref's label as plain text, and
//! the ref is still checked and linked in the cross-link graph like any
//! other.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// An event with the bytes of the body it was parsed from.
type Placed<'a> = (Event<'a>, Range<usize>);
type Events<'a> = Vec<Placed<'a>>;

/// `events` (the body parsed with wiki links) with every image that holds a
/// wiki link in its alt text parsed as the image it is.
pub(super) fn mend<'a>(body: &'a str, events: Events<'a>) -> Events<'a> {
    if !may_hold_wiki_alt(body) {
        return events;
    }
    let wiki_links: Vec<Range<usize>> = (events.iter())
        .filter_map(|(e, r)| match e {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { .. },
                ..
            }) => Some(r.clone()),
            _ => None,
        })
        .collect();
    if wiki_links.is_empty() {
        return events;
    }
    let plain: Events<'a> = Parser::new_ext(body, super::options() - Options::ENABLE_WIKILINKS)
        .into_offset_iter()
        .collect();
    let mut mended = events;
    for construct in outermost_with_wiki_alt(&plain, &wiki_links) {
        if let Some(fixed) = splice(body, &mended, &plain, construct) {
            mended = fixed;
        }
    }
    mended
}

/// Whether some `![` of `body` has a `[[` after it within its paragraph
/// (alt text never spans a blank line): a body without one has nothing to
/// mend, and most do not (`vec![]` in a code block, a ref paragraphs
/// away), so the second parse is spared them.
fn may_hold_wiki_alt(body: &str) -> bool {
    body.match_indices("![").any(|(at, _)| {
        let rest = &body[at + 2..];
        let paragraph = rest.find("\n\n").map_or(rest, |end| &rest[..end]);
        paragraph.contains("[[")
    })
}

/// The index ranges in `plain` of each outermost link or image that holds
/// an image with one of `wiki_links` inside its alt text.
fn outermost_with_wiki_alt(plain: &Events<'_>, wiki_links: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    // The index of the outermost open link or image, and how deep it is.
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    let mut wanted = false;
    for (i, (event, range)) in plain.iter().enumerate() {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                if depth == 0 {
                    open = Some(i);
                    wanted = false;
                }
                depth += 1;
                if matches!(event, Event::Start(Tag::Image { .. }))
                    && wiki_links.iter().any(|w| inside(w, range))
                {
                    wanted = true;
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some(start) = open.take()
                    && wanted
                {
                    found.push(start..i + 1);
                }
            }
            _ => {}
        }
    }
    found
}

/// Whether `inner` lies within `outer`.
fn inside(inner: &Range<usize>, outer: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// `events` with the source range of `plain[construct]` replaced by those
/// plain events, each image's alt text taking back the wiki links of
/// `events`; `None` when the two parses do not line up there (the body is
/// then left as pulldown-cmark gave it).
fn splice<'a>(
    body: &'a str,
    events: &Events<'a>,
    plain: &Events<'a>,
    construct: Range<usize>,
) -> Option<Events<'a>> {
    let span = plain.get(construct.start)?.1.clone();
    // The inline events of `events` within the span: one run, balanced.
    // (A paragraph or cell that the construct fills has its range.)
    let within: Vec<usize> = (0..events.len())
        .filter(|&i| inside(&events[i].1, &span) && is_inline(&events[i].0))
        .collect();
    let (&first, &last) = (within.first()?, within.last()?);
    if last + 1 - first != within.len() || !balanced(&events[first..=last]) {
        return None;
    }
    let mut out: Events<'a> = Vec::with_capacity(events.len());
    out.extend(events[..first].iter().cloned());
    // Text running over the span's edges is cut there; a paragraph, cell
    // or emphasis around it stays.
    if let Some((before, range)) = out.pop() {
        if range.end <= span.start || matches!(before, Event::Start(_)) {
            out.push((before, range));
        } else {
            let (head, _) = cut_text(body, &before, &range, span.start)?;
            out.push(head);
        }
    }
    let mut in_alt = 0usize;
    let mut skip_to = 0usize;
    for (event, range) in &plain[construct] {
        if range.end <= skip_to && range.start < skip_to {
            continue;
        }
        if let Event::Start(Tag::Image { .. }) = event {
            in_alt += 1;
        }
        if let Event::End(TagEnd::Image) = event {
            in_alt = in_alt.saturating_sub(1);
        }
        if in_alt > 0 && matches!(event, Event::Text(_)) {
            // A wiki link of the first parse that starts here replaces the
            // plain text of its brackets.
            if let Some(at) = (first..=last).find(|&i| {
                matches!(
                    events[i].0,
                    Event::Start(Tag::Link {
                        link_type: LinkType::WikiLink { .. },
                        ..
                    })
                ) && events[i].1.start == range.start
            }) {
                let end = (at..=last).find(|&i| {
                    matches!(events[i].0, Event::End(TagEnd::Link)) && events[i].1 == events[at].1
                })?;
                out.extend(events[at..=end].iter().cloned());
                skip_to = events[at].1.end;
                continue;
            }
        }
        out.push((event.clone(), range.clone()));
    }
    let mut after = events[last + 1..].iter().cloned();
    if let Some((next, range)) = after.next() {
        if range.start >= span.end || matches!(next, Event::End(_)) {
            out.push((next, range));
        } else {
            let (_, tail) = cut_text(body, &next, &range, span.end)?;
            out.push(tail);
        }
    }
    out.extend(after);
    Some(out)
}

/// Whether `event` is no block's start or end (a paragraph's, a cell's).
fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => true,
    }
}

/// Whether every start in `events` has its end there too.
fn balanced(events: &[Placed<'_>]) -> bool {
    let mut depth = 0usize;
    for (event, _) in events {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// A text event cut in two at byte `at` of the body, when its text is the
/// body's as written there (no escape or entity changed it).
fn cut_text<'a>(
    body: &'a str,
    event: &Event<'a>,
    range: &Range<usize>,
    at: usize,
) -> Option<(Placed<'a>, Placed<'a>)> {
    let Event::Text(text) = event else {
        return None;
    };
    let written = body.get(range.clone())?;
    if text.as_ref() != written || !body.is_char_boundary(at) {
        return None;
    }
    let head = body.get(range.start..at)?;
    let tail = body.get(at..range.end)?;
    Some((
        (Event::Text(CowStr::Borrowed(head)), range.start..at),
        (Event::Text(CowStr::Borrowed(tail)), at..range.end),
    ))
}

#[cfg(test)]
mod tests {
    use super::may_hold_wiki_alt;

    #[test]
    fn only_a_ref_in_the_paragraph_of_an_image_asks_for_mending() {
        assert!(may_hold_wiki_alt("![a [[b]]](x.png)"));
        assert!(may_hold_wiki_alt("![a [b](c.md)\nand [[d]]](x.png)"));
        assert!(may_hold_wiki_alt("> ![a\n> [[b]]](x.png)"));
        assert!(!may_hold_wiki_alt("```rust\nvec![]\n```\n\nSee [[b]]."));
        assert!(!may_hold_wiki_alt("See [[b]] and ![x](x.png)."));
        assert!(!may_hold_wiki_alt("![x](x.png)\n\n[[b]]"));
    }
}
