//! Links an import rewrites, where the source's generator served a page
//! or a heading at another URL than credo does: Docusaurus' `/docs/…`
//! URLs become content links to the page's file (`@/02-setup/01-install.md`),
//! which credo checks and serves at the page's URL; MkDocs' heading ids
//! (`#loop-tie`, Python-Markdown's rule) become credo's (`#loop--tie`,
//! GitHub's rule).

use std::collections::BTreeMap;

use serde_yaml::Mapping;

use super::{Generator, Plan};

/// What an import rewrites links by, made from every page it imports.
#[derive(Debug, Default)]
pub(super) struct Relinker {
    /// The source's page URLs (Docusaurus).
    urls: Option<PageUrls>,
    /// For each page (by dest), the heading ids the source gave it that
    /// credo does not, → credo's id for that heading (MkDocs).
    anchors: BTreeMap<String, BTreeMap<String, String>>,
}

impl Relinker {
    /// The rewrites `plan`'s source needs, from its `pages` as (dest, front
    /// matter, body).
    pub(super) fn new<'a>(
        plan: &Plan,
        pages: impl Iterator<Item = (&'a str, &'a Mapping, &'a str)>,
    ) -> Relinker {
        let mut relinker = Relinker::default();
        let mut urls = plan.served_at.as_ref().map(|(prefix, _)| PageUrls {
            prefix: prefix.clone(),
            pages: BTreeMap::new(),
        });
        for (dest, raw, body) in pages {
            if let (Some(urls), Some((_, url_of))) = (urls.as_mut(), plan.served_at.as_ref())
                && let (Some(url), Some(path)) = (url_of(dest, raw), dest.strip_prefix("content/"))
            {
                urls.pages.insert(url, path.to_string());
            }
            if plan.generator == Generator::MkDocs {
                let moved = mkdocs_anchors(body);
                if !moved.is_empty() {
                    relinker.anchors.insert(dest.to_string(), moved);
                }
            }
        }
        relinker.urls = urls;
        relinker
    }

    /// `url`, written in the page at `dest`, as credo should read it; `None`
    /// when it stays as written.
    pub(super) fn rewrite(&self, dest: &str, url: &str) -> Option<String> {
        if let Some(link) = self.urls.as_ref().and_then(|urls| content_link(urls, url)) {
            return Some(link);
        }
        if self.anchors.is_empty() {
            return None;
        }
        let (path, anchor) = url.split_once('#')?;
        let target = match path {
            "" => dest.to_string(),
            _ if path.contains(':') || path.starts_with('/') => return None,
            _ => {
                let folder = dest.rsplit_once('/').map_or("", |(folder, _)| folder);
                crate::site::refs::normalise(&format!("{folder}/{path}"))?
            }
        };
        let id = self.anchors.get(&target)?.get(anchor)?;
        Some(format!("{path}#{id}"))
    }
}

/// Python-Markdown's heading ids (its toc extension's default slugify,
/// duplicates numbered `_1`, `_2`) that differ from credo's, → credo's.
fn mkdocs_anchors(body: &str) -> BTreeMap<String, String> {
    let headings = crate::markdown::scan(body, false).headings;
    let ours: std::collections::BTreeSet<&str> = headings.iter().map(|h| h.id.as_str()).collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut moved = BTreeMap::new();
    for heading in &headings {
        let base = python_markdown_slug(&heading.text);
        let mut id = base.clone();
        let mut n = 0;
        while !seen.insert(id.clone()) {
            n += 1;
            id = format!("{base}_{n}");
        }
        if id != heading.id && !ours.contains(id.as_str()) {
            moved.insert(id, heading.id.clone());
        }
    }
    moved
}

/// A heading's id as Python-Markdown's toc makes it: accents dropped,
/// ASCII letters, digits, `_` and `-` kept, lower case, each run of
/// spaces and hyphens one `-`.
fn python_markdown_slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let kept: String = text
        .nfkd()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-') || c.is_ascii_whitespace())
        .collect();
    let mut slug = String::with_capacity(kept.len());
    for word in kept
        .trim()
        .to_lowercase()
        .split(|c: char| c == '-' || c.is_ascii_whitespace())
    {
        if word.is_empty() {
            continue;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

/// The URLs another generator served pages at, to find them by a link
/// written from the site's root: Docusaurus serves
/// `docs/02-setup/01-install.md` at `/docs/setup/install`.
#[derive(Debug)]
struct PageUrls {
    /// The path every page URL starts with (`/docs/`).
    prefix: String,
    /// Each page's URL below `prefix`, no `/` at either end, → its path
    /// under `content/` (`setup/01-install.md`).
    pages: BTreeMap<String, String>,
}

/// `body` with each link (in a Markdown link, a link definition or a raw
/// `href`) that `rewrite` rewrites, rewritten; `None` when nothing
/// changed. Fenced code is left alone.
pub(super) fn relink(body: &str, rewrite: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(body.len());
    let mut fence = None;
    let mut changed = false;
    for line in body.split_inclusive('\n') {
        if super::body::step_fence(&mut fence, line) || fence.is_some() {
            out.push_str(line);
            continue;
        }
        let mut rest = line;
        while let Some((at, len)) = next_url(rest) {
            let (head, tail) = rest.split_at(at + len);
            out.push_str(head);
            let end = tail
                .find([')', '"', '\'', ' ', '\t', '>', '\n', '\r'])
                .unwrap_or(tail.len());
            let (url, after) = tail.split_at(end);
            match rewrite(url) {
                Some(link) => {
                    out.push_str(&link);
                    changed = true;
                }
                None => out.push_str(url),
            }
            rest = after;
        }
        out.push_str(rest);
    }
    changed.then_some(out)
}

/// Where the next URL of `line` starts: after `](`, `](<`, `href="` or, on
/// a link definition's line, `]: `; as (offset of the marker, its length).
fn next_url(line: &str) -> Option<(usize, usize)> {
    let markers = ["](<", "](", "href=\"", "href='"];
    let inline = markers
        .iter()
        .filter_map(|m| line.find(m).map(|at| (at, m.len())))
        .min_by_key(|&(at, len)| (at, std::cmp::Reverse(len)));
    let definition = line
        .trim_start()
        .starts_with('[')
        .then(|| line.find("]: ").map(|at| (at, 3)))
        .flatten();
    inline
        .into_iter()
        .chain(definition)
        .min_by_key(|&(at, _)| at)
}

/// The content link for `url` when it lies below `urls.prefix`.
fn content_link(urls: &PageUrls, url: &str) -> Option<String> {
    let below = url
        .strip_prefix(&urls.prefix)
        .or_else(|| (url == urls.prefix.trim_end_matches('/')).then_some(""))?;
    let (path, anchor) = match below.find(['#', '?']) {
        Some(at) => below.split_at(at),
        None => (below, ""),
    };
    let path = path.trim_matches('/');
    let path = (path.strip_suffix(".mdx"))
        .or_else(|| path.strip_suffix(".md"))
        .unwrap_or(path);
    match urls.pages.get(path) {
        Some(dest) => Some(format!("@/{dest}{anchor}")),
        // A root URL the prefix does not set apart may be the host's.
        None if urls.prefix == "/" => None,
        None => Some(format!("@/{path}{anchor}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_from_the_root_name_pages_by_their_old_urls() {
        let urls = PageUrls {
            prefix: "/docs/".into(),
            pages: [
                (
                    "guides/intro".to_string(),
                    "01-guides/02-intro.md".to_string(),
                ),
                (String::new(), "README.md".to_string()),
            ]
            .into(),
        };
        let body = "[a](/docs/guides/intro/#step-2) and [b](</docs/guides/intro.mdx>)\n[home](/docs) <a href=\"/docs/guides/intro\">c</a>\n[gone](/docs/old-page) [else](/blog/x) [ext](https://x.example/docs/a)\n\n```\n[code](/docs/guides/intro)\n```\n[def]: /docs/guides/intro \"Title\"\n";
        assert_eq!(
            relink(body, |u| content_link(&urls, u)).unwrap(),
            "[a](@/01-guides/02-intro.md#step-2) and [b](<@/01-guides/02-intro.md>)\n[home](@/README.md) <a href=\"@/01-guides/02-intro.md\">c</a>\n[gone](@/old-page) [else](/blog/x) [ext](https://x.example/docs/a)\n\n```\n[code](/docs/guides/intro)\n```\n[def]: @/01-guides/02-intro.md \"Title\"\n"
        );
        assert_eq!(relink("[x](/blog/)\n", |u| content_link(&urls, u)), None);
        let root = PageUrls {
            prefix: "/".into(),
            ..urls
        };
        assert_eq!(
            relink("[a](/guides/intro) [logo](/img/logo.png)\n", |u| {
                content_link(&root, u)
            })
            .unwrap(),
            "[a](@/01-guides/02-intro.md) [logo](/img/logo.png)\n"
        );
    }

    #[test]
    fn python_markdown_slugs() {
        assert_eq!(python_markdown_slug("Loop & tie"), "loop-tie");
        assert_eq!(python_markdown_slug("Über uns -- now!"), "uber-uns-now");
        assert_eq!(
            python_markdown_slug("snake_case  and  C++"),
            "snake_case-and-c"
        );
    }

    /// A link to a heading by MkDocs' id names credo's id for it, on the
    /// page itself and on another; ids the two agree on stay.
    #[test]
    fn mkdocs_heading_ids_become_credos() {
        let relinker = Relinker {
            urls: None,
            anchors: [
                (
                    "content/a.md",
                    mkdocs_anchors("# Loop & tie\n\n## Loop & tie\n\n## Plain\n"),
                ),
                ("content/b/c.md", mkdocs_anchors("## Über uns\n")),
            ]
            .into_iter()
            .map(|(d, a)| (d.to_string(), a))
            .collect(),
        };
        let rewrite = |u: &str| relinker.rewrite("content/a.md", u);
        assert_eq!(
            relink("[x](#loop-tie) [y](#loop-tie_1) [z](#plain) [w](b/c.md#uber-uns) [v](b/c.md#über-uns)\n", rewrite).unwrap(),
            "[x](#loop--tie) [y](#loop--tie-1) [z](#plain) [w](b/c.md#über-uns) [v](b/c.md#über-uns)\n"
        );
        assert_eq!(
            relinker
                .rewrite("content/b/c.md", "../a.md#loop-tie")
                .as_deref(),
            Some("../a.md#loop--tie")
        );
    }
}
