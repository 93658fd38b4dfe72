//! A body rendered when its file was read, before the site is known: each
//! internal link left as a slot that [`Unlinked::fill`] fills once links
//! resolve (see [`super::scan_unlinked`]), so a build parses each body once.

use super::{Rendered, Resolved};

/// Which part of a link a slot of an [`Unlinked`] body stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SlotKind {
    /// The `href` value.
    Href,
    /// The label of `[[ref]]`, the target's title.
    Label,
}

/// Marks a slot in HTML and text while a body is written. Letters and digits
/// only, so no escaping changes it; a body whose own text holds something
/// like it is caught by [`Unlinked::cut`].
pub(super) const SLOT_MARK: &str = "CredoLinkSlot";

pub(super) fn slot_marker(link: usize, kind: SlotKind) -> String {
    let kind = match kind {
        SlotKind::Href => 'h',
        SlotKind::Label => 'l',
    };
    format!("{SLOT_MARK}{link}{kind}")
}

/// A place in an [`Unlinked`] body where a link's part goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    /// Where its marker starts and ends in the HTML or text.
    at: usize,
    end: usize,
    /// Which link: an index into [`Scan::links`].
    link: usize,
    kind: SlotKind,
}

/// A body rendered when its file was read, with a slot for each internal
/// link's URL and `[[ref]]` label. Filling the slots gives the bytes
/// [`render`] gives, without parsing the body a second time.
///
/// Made only when every slot shows exactly once where it is expected: each
/// link's `href` once, in order, and each label once in both the HTML and
/// the text. Anything else (a link inside an image's alt text, which HTML
/// keeps no link of; a body that spells a marker itself) keeps no
/// `Unlinked`, and the body is rendered after resolving instead.
#[derive(Debug, Clone)]
pub struct Unlinked {
    /// The HTML and text with a marker in each slot.
    html: String,
    text: String,
    /// Each internal link's destination as written (what an unresolved
    /// link shows), in the order of [`Scan::links`].
    dests: Vec<String>,
    html_slots: Vec<Slot>,
    text_slots: Vec<Slot>,
}

impl Unlinked {
    /// Finds the markers of `rendered`; `None` unless they are exactly
    /// `parts`, in order (the text holds the labels only).
    pub(super) fn cut(
        rendered: Rendered,
        dests: Vec<String>,
        parts: &[(usize, SlotKind)],
    ) -> Option<Unlinked> {
        let html_slots = find_slots(&rendered.html)?;
        let text_slots = find_slots(&rendered.text)?;
        let named = |slots: &[Slot]| slots.iter().map(|s| (s.link, s.kind)).collect::<Vec<_>>();
        let labels = parts.iter().filter(|p| p.1 == SlotKind::Label);
        let exact = named(&html_slots) == parts && named(&text_slots).iter().eq(labels);
        exact.then_some(Unlinked {
            html: rendered.html,
            text: rendered.text,
            dests,
            html_slots,
            text_slots,
        })
    }

    /// The body with its links filled in: `resolved` holds what each of its
    /// scan's links resolved to, in order.
    pub(crate) fn fill(self, resolved: &[Option<Resolved>]) -> Rendered {
        if self.dests.is_empty() {
            return Rendered {
                html: self.html,
                text: self.text,
            };
        }
        let part = |slot: &Slot| -> &str {
            match (&resolved[slot.link], slot.kind) {
                (Some(r), SlotKind::Href) => &r.href,
                (Some(r), SlotKind::Label) => &r.title,
                (None, _) => &self.dests[slot.link],
            }
        };
        let fill = |written: &str, slots: &[Slot], escaped: bool| {
            let mut out = String::with_capacity(written.len() + 64 * slots.len());
            let mut last = 0;
            for slot in slots {
                out.push_str(&written[last..slot.at]);
                // Writing into a String cannot fail.
                let _ = match (escaped, slot.kind) {
                    (false, _) => {
                        out.push_str(part(slot));
                        Ok(())
                    }
                    (true, SlotKind::Href) => {
                        pulldown_cmark_escape::escape_href(&mut out, part(slot))
                    }
                    (true, SlotKind::Label) => {
                        pulldown_cmark_escape::escape_html_body_text(&mut out, part(slot))
                    }
                };
                last = slot.end;
            }
            out.push_str(&written[last..]);
            out.shrink_to_fit();
            out
        };
        Rendered {
            html: fill(&self.html, &self.html_slots, true),
            text: fill(&self.text, &self.text_slots, false),
        }
    }
}

/// The slot markers in `written`, in order; `None` when one is malformed.
fn find_slots(written: &str) -> Option<Vec<Slot>> {
    let mut slots = Vec::new();
    for at in memchr::memmem::find_iter(written.as_bytes(), SLOT_MARK) {
        let after = &written.as_bytes()[at + SLOT_MARK.len()..];
        let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
        let link: usize = written
            .get(at + SLOT_MARK.len()..at + SLOT_MARK.len() + digits)?
            .parse()
            .ok()?;
        let kind = match after.get(digits) {
            Some(b'h') => SlotKind::Href,
            Some(b'l') => SlotKind::Label,
            _ => return None,
        };
        slots.push(Slot {
            at,
            end: at + SLOT_MARK.len() + digits + 1,
            link,
            kind,
        });
    }
    Some(slots)
}
