//! Docsify: the folder whose `index.html` configures `window.$docsify`
//! (SRC or its `docs/`) becomes `content/`; `index.html`, the page that
//! loads Docsify in the browser, is not copied. The configuration's `name:`
//! (a plain quoted string only: the rest is JavaScript) titles the site,
//! else the top README.md's `# heading`. The top `_sidebar.md` gives the
//! reading order and titles, followed as a SUMMARY.md is ([`summary`]);
//! Docsify's other own files (`_navbar.md`, `_coverpage.md`, a folder's
//! `_sidebar.md`, `.nojekyll`) are no pages and are not copied. Docsify
//! reads a page's links from the docs' root (`[Setup](setup.md)` in
//! `guide/a.md` names the top `setup.md`), credo from the page's folder:
//! one that names nothing beside the page but a page from the root becomes
//! a content link to it (see [`super::links`]); its routes (`/guide/setup`)
//! are read as credo reads them.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_yaml::Mapping;

use super::docusaurus::quoted_value;
use super::{Generator, Plan, SiteInfo, summary};

/// The page that loads Docsify and holds its configuration.
const INDEX: &str = "index.html";

/// The sidebar Docsify reads (`loadSidebar: true`).
const SIDEBAR: &str = "_sidebar.md";

/// Docsify's own files, in any folder, and why none is a page.
const OWN_FILES: &[(&str, &str)] = &[
    (
        SIDEBAR,
        "a folder's own sidebar, not read (the top _sidebar.md gives the order)",
    ),
    ("_navbar.md", "Docsify's navigation bar, not a page"),
    ("_coverpage.md", "Docsify's cover page, not a page"),
    (
        ".nojekyll",
        "tells GitHub Pages to serve the folder as it is, which credo has no use for",
    ),
];

/// The folder of the Docsify site in `src` (SRC or its `docs/`, the one
/// whose `index.html` mentions `$docsify`) and that file's text.
pub(super) fn root(src: &Path) -> Option<(PathBuf, String)> {
    [src.to_path_buf(), src.join("docs")]
        .into_iter()
        .find_map(|root| {
            let html = std::fs::read_to_string(root.join(INDEX)).ok()?;
            html.contains("$docsify").then_some((root, html))
        })
}

/// A Docsify site's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let (root, html) = root(src).unwrap_or_else(|| (src.to_path_buf(), String::new()));
    let site = SiteInfo {
        title: site_name(&html).or_else(|| super::heading_title(&root)),
        ..SiteInfo::default()
    };
    let mut plan = Plan::new(Generator::Docsify, site);
    plan.served_at = Some(route);
    let own: RefCell<BTreeSet<String>> = RefCell::default();
    let docsify_own = |rel: &str| {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let docsify = OWN_FILES.iter().any(|(own, _)| *own == name);
        if docsify {
            own.borrow_mut().insert(rel.to_string());
        }
        rel == INDEX || docsify
    };
    plan.add_tree(&root, "content", &docsify_own);
    plan.skipped.push(format!(
        "{INDEX}: loads Docsify and holds its configuration (read for the site's name)"
    ));
    match std::fs::read_to_string(root.join(SIDEBAR)) {
        Ok(sidebar) => summary::follow(&mut plan, SIDEBAR, &sidebar),
        Err(_) => plan.skipped.push(format!(
            "{SIDEBAR}: not found at the top, so no reading order (Docsify lists a page's headings)"
        )),
    }
    for rel in own.into_inner() {
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let why = OWN_FILES.iter().find(|(own, _)| *own == name);
        if let Some((_, why)) = why.filter(|_| rel != SIDEBAR) {
            plan.skipped.push(format!("{rel}: {why}"));
        }
    }
    plan
}

/// The route Docsify served the page `dest` at (see [`Plan::served_at`]):
/// its path without `.md`, a README.md at its folder.
fn route(dest: &str, _: &Mapping, _: &SiteInfo) -> Option<String> {
    let path = dest.strip_prefix("content/")?.strip_suffix(".md")?;
    Some(match path.rsplit_once('/').unwrap_or(("", path)) {
        (folder, "README") => folder.to_string(),
        _ => path.to_string(),
    })
}

/// The `name:` of the `$docsify` object in `html`, when it is a plain
/// quoted string (`name: 'Acme Handbook'`, `"name": "…"`); one holding
/// markup (Docsify takes HTML there, a logo) is no title.
fn site_name(html: &str) -> Option<String> {
    let config = config_object(html)?;
    ["name", "\"name\"", "'name'"]
        .iter()
        .find_map(|key| quoted_value(config, key))
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty() && !name.contains('<'))
}

/// The text of the object assigned to `$docsify` (`window.$docsify = {…}`,
/// or the object a function returns), from its `{` to the matching `}`,
/// braces inside quoted strings aside; to the end of `html` when unclosed.
fn config_object(html: &str) -> Option<&str> {
    let after = html.find("$docsify")?;
    let start = after + html[after..].find('{')?;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (at, c) in html[start..].char_indices() {
        match (quote, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(&html[start..=start + at]);
                }
            }
            _ => {}
        }
    }
    Some(&html[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_read_from_the_docsify_object_only() {
        let html = |script: &str| {
            format!("<html><body><div id=\"app\"></div><script>{script}</script></body></html>")
        };
        let name = |script: &str| site_name(&html(script));
        assert_eq!(
            name("window.$docsify = {\n  loadSidebar: true,\n  name: 'Acme Client Handbook',\n}"),
            Some("Acme Client Handbook".into())
        );
        assert_eq!(
            name("window.$docsify = { \"name\": \"Quoted Key\", repo: '' }"),
            Some("Quoted Key".into())
        );
        // A brace in a string does not end the object; a `name:` after it
        // is not Docsify's.
        assert_eq!(
            name("window.$docsify = { repo: '}', subname: 'x' }; var t = { name: 'Other' };"),
            None
        );
        assert_eq!(
            name("window.$docsify = { name: '<img src=\"logo.png\">' }"),
            None
        );
        assert_eq!(name("window.$docsify = { name: siteName }"), None);
        assert_eq!(site_name("<p>no config</p>"), None);
    }
}
