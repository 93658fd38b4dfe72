//! Docusaurus: `docs/` becomes `content/` (`.mdx` pages take the `.md` name
//! credo reads; their JSX is left as written), `static/` becomes `static/`,
//! `sidebar_position` and the `position` of each folder's `_category_.json`
//! are ranked into weights, and a category's `label` titles its folder.
//! The title and tagline are read from docusaurus.config.js, which is
//! JavaScript: only plain quoted values are found.

use std::path::Path;

use serde_yaml::{Mapping, Value};

use super::order::FOLDER_PAGES;
use super::{Generator, Plan, SiteInfo, read_config};

const CATEGORY_FILES: &[&str] = &["_category_.json", "_category_.yml", "_category_.yaml"];

/// A Docusaurus site's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let config = ["js", "ts", "mjs", "cjs"]
        .iter()
        .find_map(|ext| std::fs::read_to_string(src.join(format!("docusaurus.config.{ext}"))).ok())
        .unwrap_or_default();
    let site = SiteInfo {
        title: quoted_value(&config, "title"),
        description: quoted_value(&config, "tagline"),
        // `url: 'https://help.example'` and `baseUrl: '/guide/'`.
        base_url: quoted_value(&config, "url").map(|url| {
            let path = quoted_value(&config, "baseUrl").unwrap_or_default();
            format!(
                "{}/{}",
                url.trim_end_matches('/'),
                path.trim_start_matches('/')
            )
        }),
        language: None,
        ..SiteInfo::default()
    };
    let mut plan = Plan::new(Generator::Docusaurus, site);
    plan.rank_front_matter = true;
    plan.served_below =
        quoted_value(&config, "routeBasePath").unwrap_or_else(|| "docs".to_string());
    plan.served_at = Some(doc_url);
    let is_category = |rel: &str| {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        CATEGORY_FILES.contains(&name)
    };
    plan.add_tree(&src.join("docs"), "content", &is_category);
    plan.add_tree(&src.join("static"), "static", &|_| false);
    make_slug_root_the_home(&mut plan);
    add_categories(&src.join("docs"), &mut plan);
    add_numbered_folder_titles(&src.join("docs"), &mut plan);
    for folder in ["blog", "src", "i18n"] {
        if src.join(folder).is_dir() {
            plan.skipped.push(format!(
                "{folder}/: not part of the docs (blog, React pages or translations)"
            ));
        }
    }
    plan
}

/// Reads every `_category_` file under `docs`: its folder's page gets the
/// category's position (made as `_index.md` when the folder has no page).
fn add_categories(docs: &Path, plan: &mut Plan) {
    let files = walkdir::WalkDir::new(docs)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| CATEGORY_FILES.contains(&e.file_name().to_string_lossy().as_ref()));
    for file in files {
        let Some(category) = read_config(file.path()) else {
            plan.skipped.push(format!(
                "{}: not readable as a category",
                file.path().display()
            ));
            continue;
        };
        let Some(folder) = file.path().parent().and_then(|p| p.strip_prefix(docs).ok()) else {
            continue;
        };
        let folder = folder.to_string_lossy().replace('\\', "/");
        if folder.is_empty() {
            continue;
        }
        let folder = format!("content/{folder}");
        let page = FOLDER_PAGES
            .iter()
            .map(|name| format!("{folder}/{name}"))
            .find(|dest| plan.pages.iter().any(|p| &p.dest == dest));
        let page = page.unwrap_or_else(|| {
            let dest = format!("{folder}/_index.md");
            plan.generated.push((dest.clone(), Mapping::new()));
            dest
        });
        if let Some(label) = category.get("label").and_then(Value::as_str) {
            plan.order.push((page.clone(), Some(label.to_string())));
        }
        if let Some(position) = category.get("position").and_then(Value::as_f64) {
            plan.positions.push((page, position));
        }
    }
}

/// The doc with `slug: /`, in whatever folder, is the docs' landing page:
/// it becomes the home page (`index.md`), unless the top has a page of its
/// own (of two, the first by path). Links to it follow, and its own
/// relative links are written for the top (see [`Plan::renamed`]).
fn make_slug_root_the_home(plan: &mut Plan) {
    let own = ["content/_index.md", "content/index.md", "content/README.md"];
    if plan.pages.iter().any(|p| own.contains(&p.dest.as_str())) {
        return;
    }
    let landing = plan.pages.iter().find(|page| {
        std::fs::read_to_string(&page.source).is_ok_and(|text| {
            let block = super::frontmatter::split(&text).block;
            let meta: Option<Mapping> = serde_yaml::from_str(block).ok();
            meta.and_then(|m| {
                m.get("slug")
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .map(|s| s == "/")
            }) == Some(true)
        })
    });
    if let Some(dest) = landing.map(|p| p.dest.clone()) {
        plan.rename_page(&dest, "content/index.md");
        plan.notes.push(format!(
            "{dest} → content/index.md: its `slug: /` made it the docs' landing page, which is credo's home page"
        ));
    }
}

/// A folder named with the number Docusaurus orders by (`02-billing`) is
/// titled without it (`billing`), as Docusaurus labels it, unless its
/// category or its own page gives a title.
fn add_numbered_folder_titles(docs: &Path, plan: &mut Plan) {
    let folders = walkdir::WalkDir::new(docs)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_dir());
    for folder in folders {
        let name = folder.file_name().to_string_lossy();
        let label = without_number_prefix(&name);
        if label == name {
            continue;
        }
        let Ok(rel) = folder.path().strip_prefix(docs) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        plan.folder_titles
            .push((format!("content/{rel}"), label.to_string()));
    }
}

/// The URL Docusaurus served the page at `dest` at, below the docs' route
/// (no `/` at either end): each folder's and the file's number prefix
/// (`01-`) dropped, the file named by its `id`, a folder's own page
/// (`index`, `README`, or named as its folder) at the folder, and `slug`
/// (from the route when it starts with `/`) in place of all that.
fn doc_url(dest: &str, raw: &Mapping, _: &SiteInfo) -> Option<String> {
    let path = dest.strip_prefix("content/")?.strip_suffix(".md")?;
    let mut segments: Vec<&str> = path.split('/').map(without_number_prefix).collect();
    let text = |key: &str| raw.get(key).and_then(Value::as_str).map(str::trim);
    let name = segments.pop()?;
    let folder = segments.join("/");
    if let Some(slug) = text("slug") {
        return Some(match slug.strip_prefix('/') {
            Some(from_route) => from_route.trim_matches('/').to_string(),
            None => join(&folder, slug.trim_matches('/')),
        });
    }
    let own_page = name.eq_ignore_ascii_case("index")
        || name.eq_ignore_ascii_case("readme")
        || segments.last() == Some(&name);
    if own_page && text("id").is_none() {
        return Some(folder);
    }
    Some(join(&folder, text("id").unwrap_or(name)))
}

/// `folder/name`, or `name` at the top.
fn join(folder: &str, name: &str) -> String {
    match folder.is_empty() {
        true => name.to_string(),
        false => format!("{folder}/{name}"),
    }
}

/// The number Docusaurus orders a file by when its front matter gives no
/// `sidebar_position`: `2` for `02-zebra.md` (none for `2.0-migration.md`).
pub(super) fn number_prefix(dest: &str) -> Option<f64> {
    let name = dest.rsplit('/').next()?;
    let name = name.strip_suffix(".md").unwrap_or(name);
    let stripped = without_number_prefix(name);
    if stripped.len() == name.len() {
        return None;
    }
    let digits = name.len() - name.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    name[..digits].parse().ok()
}

/// A file or folder name without the number Docusaurus orders by
/// (`01-intro`, `2. Setup`, `10_faq` → `intro`, `Setup`, `faq`).
fn without_number_prefix(name: &str) -> &str {
    let digits = name.len() - name.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &name[digits..];
    let separator = rest.len() - rest.trim_start_matches([' ', '-', '_', '.']).len();
    let stripped = &rest[separator..];
    // `2.0-migration` and `2024-01-notes` are a version and a date, which
    // Docusaurus leaves as they are.
    let is_prefix = digits > 0
        && rest[..separator].contains(['-', '_', '.'])
        && !stripped.is_empty()
        && !stripped.starts_with(|c: char| c.is_ascii_digit());

    if is_prefix { stripped } else { name }
}

/// The first `key: 'value'` (or `"value"`, `` `value` ``) in JavaScript text.
pub(super) fn quoted_value(js: &str, key: &str) -> Option<String> {
    let pattern = format!("{key}:");
    let mut rest = js;
    while let Some(at) = rest.find(&pattern) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + pattern.len()..];
        // `subtitle:` is not `title:`.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let value = rest.trim_start();
        let quote = value
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '"' | '`'))?;
        let inner = &value[1..];
        return inner.find(quote).map(|end| inner[..end].to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_urls_drop_number_prefixes_and_follow_id_and_slug() {
        let meta = |yaml: &str| -> Mapping { serde_yaml::from_str(yaml).unwrap() };
        let none = Mapping::new();
        let url = |dest: &str, raw: &Mapping| doc_url(dest, raw, &SiteInfo::default()).unwrap();
        assert_eq!(url("content/01-guides/02-intro.md", &none), "guides/intro");
        assert_eq!(url("content/2. Setup/10_faq.md", &none), "Setup/faq");
        assert_eq!(url("content/guides/index.md", &none), "guides");
        assert_eq!(url("content/guides/README.md", &none), "guides");
        assert_eq!(url("content/guides/guides.md", &none), "guides");
        assert_eq!(url("content/intro.md", &none), "intro");
        assert_eq!(url("content/2024.md", &none), "2024");
        assert_eq!(
            url("content/2.0-migration/1-steps.md", &none),
            "2.0-migration/steps"
        );
        assert_eq!(url("content/a/x.md", &meta("id: start")), "a/start");
        assert_eq!(url("content/a/x.md", &meta("slug: /welcome")), "welcome");
        assert_eq!(url("content/a/x.md", &meta("slug: /")), "");
        assert_eq!(url("content/a/x.md", &meta("slug: here")), "a/here");
    }

    #[test]
    fn number_prefixes_order_files() {
        assert_eq!(number_prefix("content/guides/02-zebra.md"), Some(2.0));
        assert_eq!(number_prefix("content/10_apple.md"), Some(10.0));
        assert_eq!(number_prefix("content/2.0-migration.md"), None);
        assert_eq!(number_prefix("content/nest.md"), None);
    }

    #[test]
    fn quoted_values_are_found_in_javascript() {
        let js = "const config = {\n  subtitle: 'no',\n  title: \"Ops Handbook\",\n  tagline: `How we work`,\n};";
        assert_eq!(quoted_value(js, "title").as_deref(), Some("Ops Handbook"));
        assert_eq!(quoted_value(js, "tagline").as_deref(), Some("How we work"));
        assert_eq!(quoted_value("title: process.env.T", "title"), None);
    }
}
