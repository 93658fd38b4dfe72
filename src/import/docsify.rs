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
//!
//! In bodies ([`body`]), Docsify's callouts become GitHub alerts (`!> …`
//! WARNING, `?> …` TIP, the rest of the paragraph with them) and a link's
//! options in its title (`':target=_blank'`, `':ignore'`, `':id=x'`) go,
//! the link kept; a Markdown file a page embeds (`[x](file.md ':include')`,
//! a line of its own) is written out where it stands ([`expand_embeds`]).
//! Fenced code is left alone.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_yaml::Mapping;

use super::body::{alert_block, indent_of, outside_fences, put, step_fence};
use super::docusaurus::quoted_value;
use super::includes::{self, Include};
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
    // Embeds (`':include'`) are written out where they stand, read inside SRC.
    plan.include_root = Some(src.to_path_buf());
    plan.skipped.push(format!(
        "{INDEX}: loads Docsify and holds its configuration (read for the site's name)"
    ));
    match std::fs::read_to_string(root.join(SIDEBAR)) {
        Ok(sidebar) => summary::follow(&mut plan, SIDEBAR, &sidebar),
        Err(_) => plan.skipped.push(format!(
            "{SIDEBAR}: not found at the top, so no reading order (Docsify lists a page's headings)"
        )),
    }
    leave_out_embedded_fragments(&mut plan, &root);
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

/// Docsify's markup in a page's `lines` as Markdown: `!> text` a WARNING
/// alert and `?> text` a TIP, each taking the rest of its paragraph, and
/// the options in links' titles (`':target=_blank'`) gone. Fenced code is
/// left alone.
pub(super) fn body(lines: &[&str]) -> Vec<String> {
    outside_fences(lines, |mut i, out| {
        let line = lines[i];
        let indent = indent_of(line);
        let rest = &line[indent.len()..];
        let alert = match rest.get(..2) {
            Some("!>") => "WARNING",
            Some("?>") => "TIP",
            _ => {
                out.push(without_link_options(line));
                return i + 1;
            }
        };
        // The paragraph: to the next blank line or fence.
        let mut inner = vec![without_link_options(rest[2..].trim())];
        i += 1;
        while let Some(next) = lines.get(i) {
            let mut probe = None;
            if next.trim().is_empty() || step_fence(&mut probe, next) {
                break;
            }
            inner.push(without_link_options(next.trim()));
            i += 1;
        }
        put(
            out,
            indent,
            alert_block(alert, None, inner),
            lines.get(i).copied(),
        );
        i
    })
}

/// `line` without Docsify's link options: a link's title that starts with
/// `:` (`[x](a.md ':target=_blank')`, `":ignore"`) goes, the link stays.
/// Code spans are left alone.
fn without_link_options(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let open = at + 2;
        let in_code = (out.matches('`').count() + rest[..at].matches('`').count()) % 2 == 1;
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open..close];
        let options = [" ':", " \":"]
            .iter()
            .filter_map(|start| inner.rfind(start))
            .max()
            .filter(|_| inner.ends_with(['\'', '"']));
        match options {
            Some(cut) if !in_code => {
                out.push_str(&rest[..open]);
                out.push_str(inner[..cut].trim_end());
            }
            _ => out.push_str(&rest[..close]),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// The options of a link that is a line of its own, `[label](target
/// ':include …')`: (target, options); `None` for any other line.
fn embed(line: &str) -> Option<(&str, &str)> {
    let inner = line.trim().strip_prefix('[')?.strip_suffix(')')?;
    let (label, dest) = inner.split_once("](")?;
    if label.contains(['[', ']']) {
        return None;
    }
    let (target, title) = dest.split_once(char::is_whitespace)?;
    let options = title.trim().strip_prefix(['\'', '"'])?;
    let options = options.strip_suffix(['\'', '"'])?;
    let include = options.split_whitespace().any(|o| o == ":include");
    include.then_some((target.trim_matches(['<', '>']), options))
}

/// The Markdown file a line embeds to be written out where it stands
/// (`[x](file.md ':include')`), as written; `None` for any other line, and
/// for another kind of embed (`:type=code`, a video, another site's page).
fn markdown_embed(line: &str) -> Option<&str> {
    let (target, _) = embed(line).filter(|(target, options)| {
        let path = target.split(['#', '?']).next().unwrap_or(target);
        !options.contains(":type=") && path.ends_with(".md") && !crate::markdown::has_scheme(path)
    })?;
    Some(target)
}

/// Leaves out each file that pages of the site at `root` only embed
/// (`':include'`), as mdBook's included fragments are: its text now
/// stands where it is embedded, and as a page of its own it would be a
/// stray scrap (a `_snippets/contact.md` half a paragraph long). Docsify
/// would serve it at its URL all the same, so one a reader could reach on
/// purpose stays a page: listed in `_sidebar.md`, or linked (not embedded)
/// from another page.
fn leave_out_embedded_fragments(plan: &mut Plan, root: &Path) {
    let mut included = BTreeMap::new();
    let mut linked = BTreeSet::new();
    for page in &plan.pages {
        let Ok(text) = std::fs::read_to_string(&page.source) else {
            continue;
        };
        let folder = page.source.parent().unwrap_or(root);
        // A link Docsify reads from the root, or credo beside the page, with
        // or without `.md` (a route): each file it may name.
        let files = |url: &str| -> Vec<PathBuf> {
            let path = url.split(['#', '?']).next().unwrap_or(url);
            if path.is_empty() || crate::markdown::has_scheme(path) {
                return Vec::new();
            }
            let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
            let from = match path.strip_prefix('/') {
                Some(top) => vec![root.join(top)],
                None => vec![folder.join(path.as_ref()), root.join(path.as_ref())],
            };
            (from.into_iter())
                .flat_map(|p| [p.with_extension("md"), p])
                .filter_map(|p| p.canonicalize().ok())
                .collect()
        };
        let mut rest = Vec::new();
        let mut fence = None;
        for line in text.lines() {
            let in_code = step_fence(&mut fence, line) || fence.is_some();
            match markdown_embed(line).filter(|_| !in_code) {
                Some(target) => {
                    // Embeds are read from the page's folder, or the root for `/x.md`.
                    let path = files(target).into_iter().next();
                    if let Some(path) = path {
                        included.entry(path).or_insert_with(|| page.dest.clone());
                    }
                }
                None => rest.push(line),
            }
        }
        let urls = RefCell::new(Vec::new());
        super::links::relink(&rest.join("\n"), |url| {
            urls.borrow_mut().push(url.to_string());
            None
        });
        linked.extend(urls.into_inner().iter().flat_map(|url| files(url)));
    }
    let listed: BTreeSet<String> = plan.order.iter().map(|(dest, _)| dest.clone()).collect();
    // The report names the file from the docs' root, as its other lines do.
    includes::leave_out_fragments(plan, root, &included, |page| {
        listed.contains(&page.dest)
            || (page.source.canonicalize().ok()).is_some_and(|path| linked.contains(&path))
    });
}

/// `body`, of the page at `page` (its place below the docs' root given by
/// `dest`, `content/…`), with each Markdown file it embeds (a line
/// `[x](file.md ':include')`, the file read from the page's folder, or
/// from the docs' root for `/file.md`) written out where it stands, read
/// inside `root`, as GitBook's includes are ([`includes::write_out`]).
/// An embed of another kind (`:type=code`, a video) stays a link. Returns
/// the new body (`None` when nothing changed) and each embed that could
/// not be read.
pub(super) fn expand_embeds(
    body: &str,
    page: &Path,
    dest: &str,
    root: &Path,
) -> (Option<String>, Vec<String>) {
    let depth = dest
        .strip_prefix("content/")
        .unwrap_or(dest)
        .matches('/')
        .count();
    includes::write_out(body, page, root, |line| {
        let target = markdown_embed(line)?;
        let path = target.split(['#', '?']).next().unwrap_or(target);
        let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        // From the docs' root: as many folders up as the page lies below it.
        let path = match path.strip_prefix('/') {
            Some(from_root) => format!("{}{from_root}", "../".repeat(depth)),
            None => path.into_owned(),
        };
        Some(Include {
            path,
            problem: format!("[…]({target} ':include'): {target} cannot be read inside the site"),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::body::convert;
    use super::*;

    #[test]
    fn callouts_become_alerts_and_link_options_go() {
        let body = "Intro.\n\n!> Never share figures\nbefore you know who calls.\nAfter.\n\n- Step\n\n  ?> A tip in a list.\n\nSee [log](https://forms.example/log ':target=_blank'), [a](a.md \":ignore title\"), [b](b.md ':id=b-link') and [c](c.md \"Plain title\").\n`[x](y.md ':ignore')`\n\n```markdown\n!> As typed.\n[x](y.md ':include')\n```\n";
        assert_eq!(
            convert(body, Generator::Docsify).unwrap(),
            "Intro.\n\n> [!WARNING]\n> Never share figures\n> before you know who calls.\n> After.\n\n- Step\n\n  > [!TIP]\n  > A tip in a list.\n\nSee [log](https://forms.example/log), [a](a.md), [b](b.md) and [c](c.md \"Plain title\").\n`[x](y.md ':ignore')`\n\n```markdown\n!> As typed.\n[x](y.md ':include')\n```\n"
        );
        assert_eq!(convert("Plain.\n", Generator::Docsify), None);
    }

    #[test]
    fn markdown_embeds_are_written_out_others_stay() {
        let src = tempfile::tempdir().unwrap();
        let docs = src.path().join("docs");
        std::fs::create_dir_all(docs.join("care")).unwrap();
        std::fs::create_dir_all(docs.join("_snippets")).unwrap();
        std::fs::write(
            docs.join("_snippets/contact.md"),
            "---\ntitle: x\n---\nCall **care** or see ![the desk](desk.png).\n",
        )
        .unwrap();
        std::fs::write(src.path().join("secret.md"), "no").unwrap();
        let body = "# Care\n\n[](../_snippets/contact.md ':include')\n[Contact](/_snippets/contact.md \":include\")\n[code](app.js ':include :type=code')\n[gone](gone.md ':include')\n[out](../../../secret.md ':include')\n\n```\n[](../_snippets/contact.md ':include')\n```\n";
        let page = docs.join("care/README.md");
        let (out, problems) = expand_embeds(body, &page, "content/care/README.md", &docs);
        assert_eq!(
            out.unwrap(),
            "# Care\n\nCall **care** or see ![the desk](../_snippets/desk.png).\nCall **care** or see ![the desk](../_snippets/desk.png).\n[code](app.js ':include :type=code')\n[gone](gone.md ':include')\n[out](../../../secret.md ':include')\n\n```\n[](../_snippets/contact.md ':include')\n```\n"
        );
        assert_eq!(
            problems,
            [
                "[…](gone.md ':include'): gone.md cannot be read inside the site",
                "[…](../../../secret.md ':include'): ../../../secret.md cannot be read inside the site",
            ]
        );
    }

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
