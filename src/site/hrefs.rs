//! Hrefs: a site-relative URL path becomes an `href` by prefixing the base
//! path (`/` or the path of `base_url`) and percent-encoding each segment.
//! The pass fills every page's and section's `href` once; the render stage
//! asks [`Site::href`] for the rest.

use super::Site;

impl Site {
    /// An `href` for a site-relative URL path: the base path plus the path,
    /// percent-encoded where needed.
    pub(crate) fn href(&self, url: &str) -> String {
        let mut href = self.config.base_path();
        href.reserve(url.len());
        href.extend(encode_segments(url));
        href
    }

    /// An `href` for a file shared by every language (an image, a PDF): the
    /// root path plus the path.
    pub(crate) fn asset_href(&self, path: &str) -> String {
        let mut href = self.config.root_path();
        href.extend(encode_segments(path));
        href
    }
}

/// Percent-encodes a `/`-separated URL path, segment by segment.
pub(crate) fn encode_path(url: &str) -> String {
    encode_segments(url).collect()
}

/// The pieces of `url` percent-encoded; `/` is kept, so the segments are
/// encoded one by one without splitting (runs needing no escape are borrowed).
fn encode_segments(url: &str) -> percent_encoding::PercentEncode<'_> {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'\\')
        .add(b'^')
        .add(b'|')
        .add(b'[')
        .add(b']')
        .add(b'\'');
    utf8_percent_encode(url, SEGMENT)
}

/// Every page's and section's `href`, built once: listings and the sidebar
/// use them thousands of times.
pub(super) fn fill_hrefs(site: &mut Site) {
    let base = site.config.base_path();
    for p in &mut site.pages {
        p.href = format!("{base}{}", encode_path(&p.url));
    }
    for s in &mut site.sections {
        s.href = format!("{base}{}", encode_path(&s.url));
    }
}

#[cfg(test)]
mod tests {
    use super::encode_path;
    use crate::config::Config;
    use crate::site::testing::{page, resolve_with, section};

    #[test]
    fn paths_are_encoded_segment_by_segment() {
        assert_eq!(encode_path("a b/ü/x#y?/"), "a%20b/%C3%BC/x%23y%3F/");
        assert_eq!(
            encode_path("principles/arrive-early/"),
            "principles/arrive-early/"
        );
        assert_eq!(encode_path(""), "");
    }

    #[test]
    fn hrefs_carry_the_base_path_and_are_encoded() {
        let mut config = Config::default();
        config.set_base_url("https://x.example/docs/");
        let (site, _) = resolve_with(
            config,
            &[
                ("principles/_index.md", "---\ntitle: Principles\n---\n"),
                ("principles/é t.md", "---\ntitle: E\n---\n"),
            ],
        );
        assert_eq!(site.sections[0].href, "/docs/");
        assert_eq!(
            site.sections[section(&site, "principles")].href,
            "/docs/principles/"
        );
        assert_eq!(
            site.pages[page(&site, "principles/é t")].href,
            "/docs/principles/%C3%A9%20t/"
        );
    }
}
