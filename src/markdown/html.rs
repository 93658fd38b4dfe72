//! The URLs in a body's raw HTML: `href`, `src`, `srcset`, `poster` and
//! `xlink:href` values (on `a`, `img`, `source`, `video`, `audio`, `iframe`,
//! SVG's `image` and any other tag) and `object`'s `data`, so that relative
//! ones are resolved and checked like Markdown links; and its anchors (`id`
//! values, and `name` on `a`), which links may name.
//!
//! The scan is deliberately small: it reads tags (`<name`, up to `>`), their
//! attributes' names and their quoted or unquoted values; text between tags
//! (`&lt;a href="x.md"&gt;` is text), comments, declarations and the text of
//! `<script>` and `<style>` are no attributes. pulldown-cmark gives an HTML
//! block line by line: a [`State`] carries where the scan stands from one
//! line to the next, so a tag or a value split over lines (a `srcset` of
//! several candidates) is read as one.

use std::ops::Range;

/// Attributes whose value is a URL, `srcset` (a list of them) last.
const URL_ATTRIBUTES: [&str; 6] = ["href", "src", "poster", "data", "xlink:href", "srcset"];

/// Attributes whose value is an anchor a link may name.
const ANCHOR_ATTRIBUTES: [&str; 2] = ["id", "name"];

/// The byte ranges, in `html`, of every URL its attributes hold, in order.
pub fn urls(html: &str) -> Vec<Range<usize>> {
    State::default().urls(html)
}

/// The `id` and `name` values of `html`'s attributes: anchors a link may
/// name (`<a name="old-anchor"></a>`, `<span id="x">`).
pub fn anchors(html: &str) -> Vec<String> {
    State::default().anchors(html)
}

/// Where the scan of a piece of raw HTML stands when the piece ends: the
/// next piece of the same HTML block goes on from there. A new block starts
/// from the default, in text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct State {
    at: At,
    /// The tag being read, or whose text is being skipped, is `<script>`
    /// or `<style>`: its text holds no tags.
    raw: Option<Raw>,
    /// The element whose tag is being read.
    element: Element,
}

/// The elements some attributes mean something on only: `data` is a URL
/// on `<object>` (elsewhere, a custom element's data), `name` an anchor on
/// `<a>` (a form field's `name` is no place a link can name).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Element {
    A,
    Object,
    #[default]
    Other,
}

impl Element {
    fn of(tag: &str) -> Element {
        match tag {
            t if t.eq_ignore_ascii_case("a") => Element::A,
            t if t.eq_ignore_ascii_case("object") => Element::Object,
            _ => Element::Other,
        }
    }

    /// Whether `attribute` (one of the wanted names) counts on this element.
    fn takes(self, attribute: &str) -> bool {
        match attribute {
            "data" => self == Element::Object,
            "name" => self == Element::A,
            _ => true,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum At {
    /// Between tags.
    #[default]
    Text,
    /// In `<!-- … -->`.
    Comment,
    /// In an end tag, `<!DOCTYPE …>`, `<?…>`: up to `>`.
    Declaration,
    /// In the text of a `<script>` or `<style>`, up to its end tag.
    RawText,
    /// In a tag, between attributes.
    Tag,
    /// After an attribute's name (the index of a wanted one): an `=` may
    /// follow.
    AfterName(Option<usize>),
    /// After `=`: the value comes.
    BeforeValue(Option<usize>),
    /// In a value quoted with `"` or `'`.
    Quoted(Option<usize>, u8),
}

/// The elements whose text is no HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Raw {
    Script,
    Style,
}

impl Raw {
    fn of(tag: &str) -> Option<Raw> {
        match tag {
            t if t.eq_ignore_ascii_case("script") => Some(Raw::Script),
            t if t.eq_ignore_ascii_case("style") => Some(Raw::Style),
            _ => None,
        }
    }

    fn end_tag(self) -> &'static [u8] {
        match self {
            Raw::Script => b"</script",
            Raw::Style => b"</style",
        }
    }
}

impl State {
    /// The byte ranges, in `html`, of every URL its tags' attributes hold,
    /// in order, the scan going on from `self`.
    pub fn urls(&mut self, html: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        for (name, value) in self.attribute_values(html, &URL_ATTRIBUTES) {
            if URL_ATTRIBUTES[name] == "srcset" {
                found.extend(srcset_urls(html, value));
            } else {
                // A value split over lines is read a line at a time.
                let value = trim(html, value);
                if !value.is_empty() {
                    found.push(value);
                }
            }
        }
        found
    }

    /// The `id` and `name` values of `html`'s tags, the scan going on from
    /// `self`.
    pub fn anchors(&mut self, html: &str) -> Vec<String> {
        self.attribute_values(html, &ANCHOR_ATTRIBUTES)
            .into_iter()
            .map(|(_, r)| r)
            .filter(|r| !r.is_empty())
            .map(|r| html[r].replace("&amp;", "&"))
            .collect()
    }

    /// The value range of every attribute of a tag of `html` named one of
    /// `names` (any case), with the name's index, in order.
    fn attribute_values(&mut self, html: &str, names: &[&str]) -> Vec<(usize, Range<usize>)> {
        let mut found = Vec::new();
        let bytes = html.as_bytes();
        let end = bytes.len();
        let mut i = 0;
        while i < end {
            match self.at {
                At::Text => {
                    let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|at| i + at) else {
                        break;
                    };
                    let rest = &bytes[lt + 1..];
                    i = lt + 1;
                    match rest.first() {
                        Some(b) if b.is_ascii_alphabetic() => {
                            let len = rest
                                .iter()
                                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                                .count();
                            self.raw = Raw::of(&html[i..i + len]);
                            self.element = Element::of(&html[i..i + len]);
                            self.at = At::Tag;
                            i += len;
                        }
                        _ if rest.starts_with(b"!--") => {
                            self.at = At::Comment;
                            i += 3;
                        }
                        Some(b'/' | b'!' | b'?') => self.at = At::Declaration,
                        // `a < b`: text.
                        _ => {}
                    }
                }
                At::Comment => match memchr::memmem::find(&bytes[i..], b"-->") {
                    Some(at) => {
                        self.at = At::Text;
                        i += at + 3;
                    }
                    None => break,
                },
                At::Declaration => match memchr::memchr(b'>', &bytes[i..]) {
                    Some(at) => {
                        self.at = At::Text;
                        i += at + 1;
                    }
                    None => break,
                },
                At::RawText => {
                    let tag = self.raw.map_or(&b"</script"[..], Raw::end_tag);
                    let close = memchr::memmem::find_iter(&bytes[i..], b"</")
                        .map(|at| i + at)
                        .find(|&at| {
                            bytes
                                .get(at..at + tag.len())
                                .is_some_and(|t| t.eq_ignore_ascii_case(tag))
                        });
                    let Some(at) = close else { break };
                    self.raw = None;
                    self.at = At::Declaration;
                    i = at + tag.len();
                }
                At::Tag => match bytes[i] {
                    b'>' => {
                        self.element = Element::Other;
                        self.at = match self.raw {
                            Some(_) => At::RawText,
                            None => At::Text,
                        };
                        i += 1;
                    }
                    b if b.is_ascii_whitespace() || b == b'/' || b == b'=' => i += 1,
                    _ => {
                        let len = bytes[i..]
                            .iter()
                            .take_while(|b| {
                                !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/')
                            })
                            .count();
                        let name = &html[i..i + len];
                        let wanted = (names.iter())
                            .position(|n| name.eq_ignore_ascii_case(n))
                            .filter(|&n| self.element.takes(names[n]));
                        self.at = At::AfterName(wanted);
                        i += len;
                    }
                },
                At::AfterName(wanted) => match bytes[i] {
                    b if b.is_ascii_whitespace() => i += 1,
                    b'=' => {
                        self.at = At::BeforeValue(wanted);
                        i += 1;
                    }
                    // An attribute without a value: the next one, or `>`.
                    _ => self.at = At::Tag,
                },
                At::BeforeValue(wanted) => match bytes[i] {
                    b if b.is_ascii_whitespace() => i += 1,
                    quote @ (b'"' | b'\'') => {
                        self.at = At::Quoted(wanted, quote);
                        i += 1;
                    }
                    // `src=>`: no value.
                    b'>' => self.at = At::Tag,
                    _ => {
                        let len = bytes[i..]
                            .iter()
                            .take_while(|b| !b.is_ascii_whitespace() && **b != b'>')
                            .count();
                        if let Some(name) = wanted {
                            found.push((name, i..i + len));
                        }
                        self.at = At::Tag;
                        i += len;
                    }
                },
                At::Quoted(wanted, quote) => {
                    let close = memchr::memchr(quote, &bytes[i..]).map(|at| i + at);
                    // Unclosed, the value goes on in the next piece.
                    let stop = close.unwrap_or(end);
                    if let Some(name) = wanted {
                        found.push((name, i..stop));
                    }
                    if close.is_some() {
                        self.at = At::Tag;
                    }
                    i = stop + 1;
                }
            }
        }
        found
    }
}

/// `range` of `html` without the whitespace at either end.
fn trim(html: &str, range: Range<usize>) -> Range<usize> {
    let value = &html[range.clone()];
    let start = range.start + (value.len() - value.trim_start().len());
    start..start + value.trim().len()
}

/// The URL of each candidate of a `srcset` (`a.png 1x, b.png 2x`).
fn srcset_urls(html: &str, value: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = value.start;
    html[value.clone()].split(',').filter_map(move |candidate| {
        let start = at + (candidate.len() - candidate.trim_start().len());
        at += candidate.len() + 1;
        let len = candidate
            .trim_start()
            .find(char::is_whitespace)
            .unwrap_or(candidate.trim_start().len());
        (len > 0).then(|| start..start + len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(html: &str) -> Vec<&str> {
        urls(html).into_iter().map(|r| &html[r]).collect()
    }

    #[test]
    fn finds_urls_in_quoted_unquoted_and_srcset_values() {
        assert_eq!(
            values(r#"<img src="a.png" alt="x" width=3><a HREF='b/'>b</a>"#),
            ["a.png", "b/"]
        );
        assert_eq!(values("<a href=c.md>c</a>"), ["c.md"]);
        assert_eq!(
            values(r#"<source srcset="s.png 1x, s2.png 2x ,t.webp">"#),
            ["s.png", "s2.png", "t.webp"]
        );
        assert_eq!(
            values(r#"<video poster = "p.jpg" src="v.mp4">"#),
            ["p.jpg", "v.mp4"]
        );
        // An embedded PDF, an SVG's image; `data-*` attributes are no URLs,
        // nor `data` but on `<object>`.
        assert_eq!(
            values(
                r#"<object data="f.pdf" data-x="no"></object><svg><image xlink:href="i.png"/></svg><my-chart data="[1,2]"></my-chart><div data=sales>"#
            ),
            ["f.pdf", "i.png"]
        );
    }

    #[test]
    fn finds_anchors_in_id_and_name_values() {
        assert_eq!(
            anchors(r#"<a name="old"></a><h2 ID='x&amp;y' data-id="no">t</h2><p id=bare>"#),
            ["old", "x&y", "bare"]
        );
        assert!(anchors(r#"<!-- <a id="gone"> -->"#).is_empty());
        assert!(anchors(r#"<a id="">x</a>"#).is_empty());
        // A form field's `name` is no place a link can name.
        assert!(anchors(r#"<form><input name="email"></form>"#).is_empty());
    }

    /// Audit 37, r7: pulldown-cmark gives an HTML block line by line.
    #[test]
    fn a_value_split_over_lines_is_read_across_pieces() {
        let mut state = State::default();
        let lines = [
            "<img src=\"a.png\" srcset=\"a.png 1x,\n",
            "  b.png 2x\" alt=\"x\n",
            "y\" href=c.md><!-- <a href=\"d.md\">\n",
            "--> <a href=\"e.md\">\n",
        ];
        let found: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| state.urls(l).into_iter().map(|r| &l[r]).collect())
            .collect();
        assert_eq!(
            found,
            [
                vec!["a.png", "a.png"],
                vec!["b.png"],
                vec!["c.md"],
                vec!["e.md"]
            ]
        );
        assert_eq!(state, State::default());
    }

    /// Audit 37, r11: only a tag has attributes.
    #[test]
    fn text_script_and_style_hold_no_attributes() {
        assert!(values(r#"<code>&lt;a href="x.md"&gt;</code> src="y.png""#).is_empty());
        assert_eq!(
            values(
                r#"<script src="s.js">if (a<b) x = '<img src="no.png">'</script><img src=t.png>"#
            ),
            ["s.js", "t.png"]
        );
        assert_eq!(
            values("<style>a<b href=no.css {}</STYLE><a href=ok.md>a < b href=x</a>"),
            ["ok.md"]
        );
    }

    #[test]
    fn ignores_lookalikes_and_comments() {
        assert!(values(r#"<img data-src="a.png" xsrc="b.png">"#).is_empty());
        assert!(values(r#"<!-- <img src="old.png"> -->"#).is_empty());
        assert!(values("<p>src = nothing</p>").is_empty());
        assert!(values(r#"<a href="">x</a><img src=>"#).is_empty());
    }
}
