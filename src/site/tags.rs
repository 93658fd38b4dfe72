//! Tags and aliases: tag pages grouped by slug in reading order, old URLs
//! that redirect, and the places credo's own outputs take (a page or alias
//! there would be lost).

use super::*;

pub(super) fn build_tags(site: &mut Site) {
    let mut by_page: BTreeMap<String, (String, Vec<PageId>)> = BTreeMap::new();
    // Each spelling's tag page, worked out once.
    let mut urls: HashMap<&str, String> = HashMap::new();
    let mut respelled = Vec::new();
    let pages_in_order = site.reading_order.iter().filter_map(|t| match *t {
        Target::Page(p) => Some(p),
        Target::Section(_) => None,
    });
    for id in pages_in_order {
        for tag in &site.pages[id].meta.tags {
            let spelling = tag.trim();
            let url = urls.entry(spelling).or_insert_with(|| tag_url(spelling));
            match by_page.get_mut(url.as_str()) {
                Some((name, pages)) => {
                    if name != spelling {
                        respelled.push(RespelledTag {
                            page: id,
                            spelling: spelling.to_string(),
                            name: name.clone(),
                        });
                    }
                    pages.push(id);
                }
                None => {
                    by_page.insert(url.clone(), (spelling.to_string(), vec![id]));
                }
            }
        }
    }
    site.respelled_tags = respelled;
    site.tags = by_page
        .into_values()
        .map(|(name, mut pages)| {
            // A page that writes the tag twice is listed once.
            pages.dedup();
            (name, pages)
        })
        .collect();
}

/// A tag written otherwise than the name of the tag page it shares.
#[derive(Debug, Clone)]
pub struct RespelledTag {
    /// The page that writes it.
    pub page: PageId,
    /// As that page writes it (trimmed).
    pub spelling: String,
    /// The tag page's name, as the first page in reading order writes it.
    pub name: String,
}

/// The site-relative URL path of a tag page.
pub fn tag_url(tag: &str) -> String {
    let slug = crate::markdown::slugify(tag);
    format!("tags/{}/", if slug.is_empty() { "tag" } else { &slug })
}

/// Whether credo's own generated pages and files take the output path
/// `path` (a folder `x/` or a file): a page, section or alias there would be
/// overwritten, or would clash with a file. Reads the table of outputs.
fn generated_path(site: &Site, path: &str) -> Option<&'static str> {
    use crate::outputs::{Family, taken_by};
    if let Some(output) = taken_by(path, site.config.search) {
        return Some(output.what);
    }
    let folder = path.trim_end_matches('/');
    let file = if path.ends_with('/') || path.is_empty() {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    // `search/c0.json/` would be a folder where an index file is.
    let index_part = site.config.search
        && folder
            .strip_prefix(crate::search::INDEX_FOLDER)
            .is_some_and(|f| !f.contains('/'))
        && Family::of(folder) == Some(Family::SearchIndex);
    if index_part {
        return Some("the search page and index");
    }
    match Family::of(&file) {
        Some(Family::TagPage) if site.tags.keys().any(|t| tag_url(t) == path) => Some("a tag page"),
        _ => None,
    }
}

/// A page or section at the URL of a generated page would be overwritten
/// by it, whichever is written last.
pub(super) fn check_generated_collisions(site: &Site, diagnostics: &mut Diagnostics) {
    let pages = site.pages.iter().map(|p| (&p.url, Some(&p.source)));
    let sections = site.sections.iter().map(|s| (&s.url, s.source.as_ref()));
    for (url, source) in pages.chain(sections) {
        let Some(what) = generated_path(site, url) else {
            continue;
        };
        let file = source.map_or_else(
            || format!("content/{}", url.trim_end_matches('/')),
            |s| s.file.clone(),
        );
        diagnostics.push(
            Diagnostic::error(
                file,
                0,
                0,
                Code::DuplicateUrl,
                format!("/{url} is where credo writes {what}; this page would be lost"),
            )
            .with_hint("rename the file or folder"),
        );
    }
}

pub(super) fn build_aliases(site: &mut Site, diagnostics: &mut Diagnostics) {
    let real: HashSet<&str> = site
        .pages
        .iter()
        .map(|p| p.url.as_str())
        .chain(site.sections.iter().map(|s| s.url.as_str()))
        .collect();
    let mut aliases = BTreeMap::new();
    for (id, p) in site.pages.iter().enumerate() {
        for alias in &p.meta.aliases {
            let error = |code: Code, message: String| {
                let (line, col) = p.source.yaml().locate("aliases", Some(alias));
                Diagnostic::error(&p.source.file, line, col, code, message)
                    .with_source(&p.source.text)
            };
            let Some(path) = refs::normalise(alias.trim()).filter(|p| !p.is_empty()) else {
                diagnostics.push(error(
                    Code::InvalidAlias,
                    format!("alias `{alias}` is not a path inside the site"),
                ));
                continue;
            };
            // `/old/page.html` is that file, as the old site served it;
            // `/old/`, `/old` and `/old/index.html` are the folder.
            let folder = match path.as_str() {
                "index.html" => "",
                _ => path.strip_suffix("/index.html").unwrap_or(&path),
            };
            let is_file = path.ends_with(".html") && folder == path && !alias.trim().ends_with('/');
            let (path, as_folder) = match folder {
                _ if is_file => (path.clone(), format!("{path}/")),
                "" => (String::new(), String::new()),
                _ => (format!("{folder}/"), format!("{folder}/")),
            };
            let collides = generated_path(site, &path).or_else(|| {
                (real.contains(as_folder.as_str()) || aliases.contains_key(&path))
                    .then_some("a page or another alias")
            });
            if let Some(what) = collides {
                diagnostics.push(error(
                    Code::AliasCollision,
                    format!("alias `{alias}` collides with {what} at /{path}"),
                ));
                continue;
            }
            aliases.insert(path, Target::Page(id));
        }
    }
    site.aliases = aliases;
}
