//! Links an import rewrites, where the source's generator served a page,
//! a file or a heading at another URL than credo does. credo resolves a
//! relative link against the page's file; Hugo and Zola leave it to the
//! browser, which resolves it against the page's URL (`../follow-up/`
//! written in `care/calls.md`, served at `/care/calls/`, names
//! `care/follow-up.md`). Docusaurus serves `docs/02-setup/01-install.md`
//! at `/docs/setup/install`. Such links become content links to the file
//! (`@/care/follow-up.md`), which credo checks and serves at the page's
//! URL. MkDocs' heading ids (`#loop-tie`, Python-Markdown's rule) become
//! credo's (`#loop--tie`, GitHub's rule). A link credo already resolves is
//! left as written.

use std::collections::{BTreeMap, BTreeSet};

use serde_yaml::Mapping;

use super::{Generator, Plan};
use crate::load::own_page_rank;
use crate::markdown::has_scheme;
use crate::site::refs::normalise;

/// What an import rewrites links by, made from every page it imports.
#[derive(Debug, Default)]
pub(super) struct Relinker {
    /// What credo finds under `content/`: each page's file (`care/calls.md`)
    /// and path (`care/calls`, a folder's own page also `care`), and every
    /// other file.
    known: BTreeSet<String>,
    /// Where the source served each page and file, by its URL path (lower
    /// case, no `/` at either end) → its path under `content/`.
    served: BTreeMap<String, String>,
    /// Each page's own URL path, by its path under `content/`.
    page_urls: BTreeMap<String, String>,
    /// The path the source served all pages below, when not the root
    /// (Docusaurus's `docs`): a link below it that names no page is made a
    /// content link all the same, for `credo check` to report.
    below: String,
    /// The pages the import renamed, by their old path under `content/`.
    renamed: BTreeMap<String, String>,
    /// The pages the import moved to another folder (mdBook's `billing.md`
    /// into `billing/_index.md`), by their new path → their old one: their
    /// relative links were written for the old folder.
    written_in: BTreeMap<String, String>,
    /// The site's default language, when it has others: a link to a page
    /// in it by its translation's name (`calls.en.md`, as Hugo's `relref
    /// … lang="en"` becomes) names the page (`calls.md`).
    default_language: Option<String>,
    /// Whether a bare path that names nothing beside the page is read from
    /// the top, as Hugo's `ref` reads it and Docsify reads every link
    /// (unless its `relativePath: true`).
    bare_from_top: bool,
    /// Whether `#/setup` is a route to a page (Docsify's hash router), not
    /// an anchor.
    hash_routes: bool,
    /// Folders of files the import moved, (from, to) under `content/`
    /// (GitBook's hidden `.gitbook/assets` to `assets`): a relative link
    /// into one names the file at its new place, written as it was below
    /// the folder.
    moved_folders: Vec<(String, String)>,
    /// For each page (by its path under `content/`), the heading ids the
    /// source gave it that credo does not, → credo's id for that heading
    /// (MkDocs).
    anchors: BTreeMap<String, BTreeMap<String, String>>,
}

impl Relinker {
    /// The rewrites `plan`'s source needs, from its `pages` as (dest, front
    /// matter, body).
    pub(super) fn new<'a>(
        plan: &Plan,
        pages: impl Iterator<Item = (&'a str, &'a Mapping, &'a str)>,
    ) -> Relinker {
        let mut relinker = Relinker {
            below: plan.served_below.trim_matches('/').to_string(),
            bare_from_top: matches!(plan.generator, Generator::Hugo | Generator::Docsify),
            hash_routes: plan.generator == Generator::Docsify,
            default_language: (!plan.site.languages.is_empty())
                .then(|| plan.site.language.clone())
                .flatten(),
            ..Relinker::default()
        };
        for (from, to) in &plan.renamed {
            if let (Some(from), Some(to)) =
                (from.strip_prefix("content/"), to.strip_prefix("content/"))
            {
                relinker.renamed.insert(from.to_string(), to.to_string());
                if folder_of(from) != folder_of(to) {
                    relinker.written_in.insert(to.to_string(), from.to_string());
                }
            }
        }
        for (from, to) in &plan.moved_folders {
            if let (Some(from), Some(to)) =
                (from.strip_prefix("content/"), to.strip_prefix("content/"))
            {
                (relinker.moved_folders).push((from.to_string(), to.to_string()));
            }
        }
        for asset in &plan.assets {
            if let Some(path) = asset.dest.strip_prefix("content/") {
                relinker.known.insert(path.to_string());
                if plan.served_at.is_some() {
                    relinker
                        .served
                        .insert(path.to_lowercase(), path.to_string());
                }
            }
        }
        let mut fallbacks = Vec::new();
        for (dest, raw, body) in pages {
            let Some(file) = dest.strip_prefix("content/") else {
                continue;
            };
            relinker.know_page(file);
            if let Some(url) = plan
                .served_at
                .and_then(|url_of| url_of(dest, raw, &plan.site))
            {
                let url = url.trim_matches('/');
                let full = match (relinker.below.as_str(), url) {
                    ("", url) => url.to_string(),
                    (below, "") => below.to_string(),
                    (below, url) => format!("{below}/{url}"),
                };
                relinker.serve(file, full);
                if plan.generator == Generator::Starlight {
                    fallbacks.extend(super::starlight::fallbacks(plan, file, url));
                }
            }
            if plan.generator == Generator::MkDocs {
                let moved = mkdocs_anchors(body);
                if !moved.is_empty() {
                    relinker.anchors.insert(file.to_string(), moved);
                }
            }
        }
        // A translation's own URL wins over the stand-in's.
        for (url, file) in fallbacks {
            relinker.served.entry(url.to_lowercase()).or_insert(file);
        }
        relinker.serve_bundle_files(plan);
        relinker
    }

    /// A bundle's files were served below the bundle's URL (Hugo's `url`:
    /// `/escalate/ladder.png` for `care/escalation/ladder.png`), so links
    /// written for those URLs find them too.
    fn serve_bundle_files(&mut self, plan: &Plan) {
        let bundles: BTreeMap<&str, &str> = (self.page_urls.iter())
            .filter_map(|(file, url)| Some((file.strip_suffix("/index.md")?, url.as_str())))
            .collect();
        let mut served = Vec::new();
        for asset in &plan.assets {
            let Some(path) = asset.dest.strip_prefix("content/") else {
                continue;
            };
            let Some((folder, name)) = path.rsplit_once('/') else {
                continue;
            };
            if let Some(url) = bundles.get(folder) {
                let url = format!("{}/{name}", url.trim_matches('/'));
                served.push((url.trim_start_matches('/').to_lowercase(), path.to_string()));
            }
        }
        for (url, path) in served {
            self.served.entry(url).or_insert(path);
        }
    }

    /// Records that the source served the page at `file` (under
    /// `content/`) at `url`.
    fn serve(&mut self, file: &str, url: String) {
        // `about.html` is also `about`, as static hosts serve it.
        let key = url.strip_suffix(".html").unwrap_or(&url).to_lowercase();
        self.served.insert(key, file.to_string());
        self.page_urls.insert(file.to_string(), url);
    }

    /// Records the page at `file` (under `content/`) as credo finds it.
    fn know_page(&mut self, file: &str) {
        self.known.insert(file.to_string());
        let path = file.strip_suffix(".md").unwrap_or(file);
        self.known.insert(path.to_string());
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
        if own_page_rank(name).is_some() {
            self.known.insert(folder.to_string());
        }
    }

    /// `url`, written in the page at `dest`, as credo should read it; `None`
    /// when it stays as written.
    pub(super) fn rewrite(&self, dest: &str, url: &str) -> Option<String> {
        let file = dest.strip_prefix("content/")?;
        if let Some(content) = url.strip_prefix("@/") {
            let (path, rest) = content.split_at(content.find(['#', '?']).unwrap_or(content.len()));
            return self.untagged(path).map(|page| format!("@/{page}{rest}"));
        }
        if url.starts_with("//") || url.starts_with('@') || has_scheme(url) {
            return None;
        }
        // `#/billing/refunds`: the page at that route from the docs' root.
        if let Some(route) = url.strip_prefix("#/").filter(|_| self.hash_routes) {
            let from_root = format!("/{route}");
            return Some(self.rewrite(dest, &from_root).unwrap_or(from_root));
        }
        let (before, anchor) = url.split_at(url.find('#').unwrap_or(url.len()));
        let (written_path, query) = before.split_at(before.find('?').unwrap_or(before.len()));
        // Files are known by their names: `my%20page.md` names `my page.md`,
        // and a link written so is written so again.
        let decoded = percent_encoding::percent_decode_str(written_path).decode_utf8_lossy();
        let path = decoded.as_ref();
        let encoded = path != written_path;
        let as_written = |link: String| match encoded {
            true => percent_encoding::utf8_percent_encode(&link, LINK_PATH).to_string(),
            false => link,
        };
        // A page the import moved is read from the folder it was written in.
        let written = self.written_in.get(file).map_or(file, String::as_str);
        let folder = folder_of(written);
        if let Some(link) = self.link_into_moved_folder(folder_of(file), folder, written_path) {
            return Some(format!("{link}{query}{anchor}"));
        }
        let moved = match path {
            "" => None,
            _ => self.moved(file, folder, path),
        };
        let target = match (&moved, path) {
            (Some(target), _) => Some(target.clone()),
            (None, "") => Some(file.to_string()),
            (None, path) if !path.starts_with('/') => {
                normalise(&format!("{folder}/{path}")).map(|p| self.page_file(&p))
            }
            (None, _) => None,
        };
        let id = anchor
            .strip_prefix('#')
            .and_then(|id| self.anchors.get(target.as_deref()?)?.get(id));
        // In a page the import moved, what a relative link names stays
        // where it was: the link is written anew from the page's folder.
        let relative_path = !path.is_empty() && !path.starts_with('/');
        let rerooted = (moved.is_none() && written != file && relative_path)
            .then(|| normalise(&format!("{folder}/{path}")))
            .flatten()
            .map(|target| {
                let mut link = relative(folder_of(file), &target);
                if path.ends_with('/') && !link.ends_with('/') {
                    link.push('/');
                }
                link
            });
        if moved.is_none() && id.is_none() && rerooted.is_none() {
            return None;
        }
        let path = match (moved, rerooted) {
            (Some(moved), _) => format!("@/{}", as_written(moved)),
            (None, Some(rerooted)) => as_written(rerooted),
            (None, None) => written_path.to_string(),
        };
        let anchor = id.map_or_else(|| anchor.to_string(), |id| format!("#{id}"));
        Some(format!("{path}{query}{anchor}"))
    }

    /// `path`, a relative link written in `written` (the page's folder as
    /// written) into a folder the import moved, from the page's folder
    /// `here` to the file's new place: the part below the folder stays as
    /// written (`../.gitbook/assets/a%20b.png` → `../assets/a%20b.png`).
    fn link_into_moved_folder(&self, here: &str, written: &str, path: &str) -> Option<String> {
        if path.starts_with('/') {
            return None;
        }
        let (to, rest) = (self.moved_folders.iter()).find_map(|(from, to)| {
            path.match_indices('/').find_map(|(at, _)| {
                let prefix = &path[..at];
                (climbing(&format!("{written}/{prefix}")) == *from).then(|| (to, &path[at + 1..]))
            })
        })?;
        let folder = relative(here, to);
        Some(format!("{}/{rest}", folder.trim_end_matches('/')))
    }

    /// The file (under `content/`) a link from the page at `file` (in
    /// `folder`) to `path` names where credo would not find it, as the
    /// source served it.
    fn moved(&self, file: &str, folder: &str, path: &str) -> Option<String> {
        // As credo reads the link (`None`: it climbs out of `content/`).
        let credo_path = match path.strip_prefix('/') {
            Some(rest) => normalise(rest),
            None => normalise(&format!("{folder}/{path}")),
        };
        if credo_path.as_deref().is_some_and(|p| self.credo_finds(p)) {
            return None;
        }
        // A renamed page, by its file or by the `.html` a generator made of it.
        let renamed = credo_path.as_deref().and_then(|p| {
            let as_md = p.strip_suffix(".html").map(|stem| format!("{stem}.md"));
            self.renamed.get(p).or_else(|| self.renamed.get(&as_md?))
        });
        if let Some(to) = renamed {
            return Some(to.clone());
        }
        if let Some(page) = credo_path.as_deref().and_then(|p| self.untagged(p)) {
            return Some(page);
        }
        // As the source's reader's browser read it.
        let url = match path.strip_prefix('/') {
            Some(rest) => normalise(rest)?,
            None => {
                let url = self.page_urls.get(file)?;
                // A page served as a file (`about.html`) is in its folder.
                let base = match url.rsplit_once('/').unwrap_or(("", url)) {
                    (folder, last) if last.contains('.') => folder,
                    _ => url,
                };
                // A bare path naming nothing beside the page but a page
                // from the top (Hugo's `ref "docs/setup"` falls back so)
                // names that page.
                if self.bare_from_top
                    && !path.starts_with('.')
                    && let Some(from_top) = normalise(path).filter(|p| self.credo_finds(p))
                {
                    return Some(from_top);
                }
                normalise(&format!("{base}/{path}"))?
            }
        };
        let url = url.to_lowercase();
        let url = url
            .strip_suffix("index.html")
            .unwrap_or(&url)
            .trim_end_matches('/');
        let found = [".md", ".mdx", ".html", ""]
            .iter()
            .find_map(|ext| self.served.get(url.strip_suffix(ext)?));
        if let Some(found) = found {
            return Some(found.clone());
        }
        // Below Docusaurus's docs, a URL naming no page is a broken link.
        let below = url.strip_prefix(self.below.as_str())?;
        let from_root = path.starts_with('/');
        (from_root && !self.below.is_empty() && (below.is_empty() || below.starts_with('/'))).then(
            || {
                let written = credo_path.as_deref().unwrap_or(url);
                written
                    .get(self.below.len()..)
                    .unwrap_or("")
                    .trim_matches('/')
                    .to_string()
            },
        )
    }

    /// The page a path to its default-language translation (`calls.en.md`)
    /// names, by the name credo knows it by (`calls.md`).
    fn untagged(&self, path: &str) -> Option<String> {
        let lang = self.default_language.as_deref()?;
        let stem = path.strip_suffix(&format!(".{lang}.md"))?;
        Some(format!("{stem}.md")).filter(|page| self.credo_finds(page))
    }

    /// Whether credo finds a page or file at `path` under `content/`: as
    /// written, or a page by its `.mdx` or `.html` name (see
    /// `Site::resolve_path`).
    fn credo_finds(&self, path: &str) -> bool {
        let page = (path.strip_suffix(".mdx")).or_else(|| path.strip_suffix(".html"));
        self.known.contains(path) || page.is_some_and(|p| self.known.contains(p))
    }

    /// The page file a resolved path names (`a` → `a.md` when that is a
    /// page), for its heading ids.
    fn page_file(&self, path: &str) -> String {
        let with_md = format!("{path}.md");
        match self.anchors.contains_key(&with_md) {
            true => with_md,
            false => path.to_string(),
        }
    }
}

/// What a link's path written percent-encoded has encoded once the import
/// rewrites it: what cannot stand in a bare Markdown link destination, and
/// `%` itself.
const LINK_PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'(')
    .add(b')')
    .add(b'<')
    .add(b'>')
    .add(b'?');

/// `path` with its `.` and `..` parts worked out, a `..` that climbs out
/// of `content/` kept (`care/../../x` is `../x`): a folder the import
/// moved may lie above it (GitBook's `.gitbook/assets` above `root:`).
fn climbing(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|last| *last != "..") => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// The folder of a path under `content/` (`""` at the top).
fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// A relative link from a page in `folder` to `target` (both under
/// `content/`, normalised): `../contacts.md` from `billing` to
/// `contacts.md`, `./` to the folder itself.
fn relative(folder: &str, target: &str) -> String {
    let from: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = target.split('/').filter(|s| !s.is_empty()).collect();
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from.len() - shared];
    parts.extend(&to[shared..]);
    match parts.is_empty() {
        true => "./".to_string(),
        false => parts.join("/"),
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

/// `body` with each link (in a Markdown link, a link definition or a raw
/// `href` or `src`) that `rewrite` rewrites, rewritten; `None` when nothing
/// changed. Code (spans and blocks) and HTML comments are left alone.
pub(super) fn relink(body: &str, rewrite: impl Fn(&str) -> Option<String>) -> Option<String> {
    let code = crate::markdown::code_and_comments(body);
    let in_code = |offset: usize| code.iter().any(|r| r.contains(&offset));
    let mut out = String::with_capacity(body.len());
    let mut changed = false;
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let mut rest = line;
        while let Some((at, mut len)) = next_url(rest) {
            // `]: <a b.md>`: the angle brackets are the definition's.
            if rest[at..].starts_with("]: <") {
                len += 1;
            }
            let (head, tail) = rest.split_at(at + len);
            out.push_str(head);
            let end = tail.find(url_ends(head)).unwrap_or(tail.len());
            let (url, after) = tail.split_at(end);
            let offset = line_start + (line.len() - rest.len()) + at;
            match rewrite(url).filter(|_| !in_code(offset)) {
                Some(link) => {
                    out.push_str(&link);
                    changed = true;
                }
                None => out.push_str(url),
            }
            rest = after;
        }
        out.push_str(rest);
        line_start += line.len();
    }
    changed.then_some(out)
}

/// What ends a URL written after `head` (up to its marker): a quoted
/// attribute's quote, the `>` of `<…>` (URLs in either may hold spaces),
/// else a `)`, a space before a title, or the line's end.
fn url_ends(head: &str) -> &'static [char] {
    if head.ends_with('"') {
        &['"', '\n', '\r']
    } else if head.ends_with('\'') {
        &['\'', '\n', '\r']
    } else if head.ends_with('<') {
        &['>', '\n', '\r']
    } else {
        &[')', ' ', '\t', '>', '\n', '\r']
    }
}

/// Where the next URL of `line` starts: after `](`, `](<`, `href="`, `src="` or, on
/// a link definition's line, `]: `; as (offset of the marker, its length).
fn next_url(line: &str) -> Option<(usize, usize)> {
    let markers = ["](<", "](", "href=\"", "href='", "src=\"", "src='"];
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

#[cfg(test)]
mod tests;
