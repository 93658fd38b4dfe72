//! The URLs in a body's raw HTML: `href`, `src`, `srcset` and `poster`
//! values (on `a`, `img`, `source`, `video`, `audio`, `iframe` and any other
//! tag), so that relative ones are resolved and checked like Markdown links;
//! and its anchors (`id` and `name` values), which links may name.
//!
//! The scan is deliberately small: it looks for those attribute names after
//! whitespace and reads a quoted or unquoted value. A raw HTML event may be
//! one line of a block, so a tag split over lines still has its attributes
//! found line by line. Comments are skipped.

use std::ops::Range;

/// Attributes whose value is a URL, `srcset` (a list of them) last.
const URL_ATTRIBUTES: [&str; 4] = ["href", "src", "poster", "srcset"];

/// The byte ranges, in `html`, of every URL its attributes hold, in order.
pub fn urls(html: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for (name, value) in attribute_values(html, &URL_ATTRIBUTES) {
        if URL_ATTRIBUTES[name] == "srcset" {
            found.extend(srcset_urls(html, value));
        } else if !value.is_empty() {
            found.push(value);
        }
    }
    found
}

/// The `id` and `name` values of `html`'s attributes: anchors a link may
/// name (`<a name="old-anchor"></a>`, `<span id="x">`).
pub fn anchors(html: &str) -> Vec<String> {
    attribute_values(html, &["id", "name"])
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| !r.is_empty())
        .map(|r| html[r].replace("&amp;", "&"))
        .collect()
}

/// The value range of every attribute of `html` named one of `names` (any
/// case), with the name's index, in order; none in a comment.
fn attribute_values(html: &str, names: &[&str]) -> Vec<(usize, Range<usize>)> {
    let mut found = Vec::new();
    if html.trim_start().starts_with("<!--") {
        return found;
    }
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let name_start = i + 1;
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let name = &html[name_start..name_start + name_len];
        i = name_start + name_len;
        let Some(index) = names.iter().position(|n| name.eq_ignore_ascii_case(n)) else {
            continue;
        };
        if let Some(value) = attribute_value(html, i) {
            i = value.end;
            found.push((index, value));
        }
    }
    found
}

/// The value after an attribute name ending at `at`: `="..."`, `='...'` or
/// `=bare`, spaces allowed around `=`.
fn attribute_value(html: &str, at: usize) -> Option<Range<usize>> {
    let bytes = html.as_bytes();
    let skip = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let eq = skip(at);
    if bytes.get(eq) != Some(&b'=') {
        return None;
    }
    let start = skip(eq + 1);
    match bytes.get(start)? {
        quote @ (b'"' | b'\'') => {
            let end = memchr::memchr(*quote, &bytes[start + 1..])?;
            Some(start + 1..start + 1 + end)
        }
        _ => {
            let len = bytes[start..]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace() && **b != b'>')
                .count();
            Some(start..start + len)
        }
    }
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
    }

    #[test]
    fn finds_anchors_in_id_and_name_values() {
        assert_eq!(
            anchors(r#"<a name="old"></a><h2 ID='x&amp;y' data-id="no">t</h2><p id=bare>"#),
            ["old", "x&y", "bare"]
        );
        assert!(anchors(r#"<!-- <a id="gone"> -->"#).is_empty());
        assert!(anchors(r#"<a id="">x</a>"#).is_empty());
    }

    #[test]
    fn ignores_lookalikes_and_comments() {
        assert!(values(r#"<img data-src="a.png" xsrc="b.png">"#).is_empty());
        assert!(values(r#"<!-- <img src="old.png"> -->"#).is_empty());
        assert!(values("<p>src = nothing</p>").is_empty());
        assert!(values(r#"<a href="">x</a><img src=>"#).is_empty());
    }
}
