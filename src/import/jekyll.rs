//! Jekyll: pages and assets sit at the site's root among its build folders.
//! Everything Jekyll would publish goes under `content/` at the same path
//! (credo copies assets there to the same URL, so `/assets/x.png` and
//! relative links both keep working); collections (`_posts`, and those named
//! in `collections:`) lose their underscore; `nav_order` is ranked into
//! weights. Folders Jekyll does not publish (`_layouts`, `_site`, …) are
//! left out.

use std::collections::BTreeSet;
use std::path::Path;

use serde_yaml::Value;

use super::{Generator, Plan, SiteInfo, config_text, read_config};

/// Files of a Jekyll site that are its build, not its content.
const BUILD_FILES: &[&str] = &[
    "_config.yml",
    "_config.yaml",
    "Gemfile",
    "Gemfile.lock",
    "vendor",
    "node_modules",
];

/// A Jekyll site's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let config = read_config(&src.join("_config.yml"))
        .or_else(|| read_config(&src.join("_config.yaml")))
        .unwrap_or_default();
    let base_url = config_text(&config, "url").map(|url| {
        let path = config_text(&config, "baseurl").unwrap_or_default();
        format!("{}/{}", url.trim_end_matches('/'), path.trim_matches('/'))
    });
    let site = SiteInfo {
        title: config_text(&config, "title"),
        description: config_text(&config, "description"),
        base_url,
        language: config_text(&config, "lang"),
        ..SiteInfo::default()
    };
    let collections = collection_names(config.get("collections"));
    let mut plan = Plan::new(Generator::Jekyll, site);
    plan.rank_front_matter = true;
    let mut left_out = BTreeSet::new();
    plan.add_tree(src, "content", &|rel| {
        let top = rel.split('/').next().unwrap_or(rel);
        BUILD_FILES.contains(&top) || (top.starts_with('_') && !collections.contains(top))
    });
    // Collections are published without their underscore; drafts go
    // among the posts, where Jekyll shows them (`--drafts`), built only
    // when asked.
    plan.drafts_because = "_drafts/";
    for entry in plan.pages.iter_mut().chain(plan.assets.iter_mut()) {
        if let Some(rest) = entry
            .dest
            .strip_prefix("content/_drafts/")
            .map(str::to_string)
        {
            if rest.ends_with(".md") {
                plan.drafts.insert(format!("content/posts/{rest}"));
            }
            entry.dest = format!("content/_posts/{rest}");
        }
    }
    for entry in plan.pages.iter_mut().chain(plan.assets.iter_mut()) {
        if let Some(rest) = entry.dest.strip_prefix("content/_") {
            entry.dest = format!("content/{rest}");
        }
    }
    for entry in std::fs::read_dir(src).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('_') && !collections.contains(&name) && entry.path().is_dir() {
            left_out.insert(name);
        }
    }
    for name in left_out {
        plan.skipped.push(format!(
            "{name}/: Jekyll does not publish it (layouts, includes, data or output)"
        ));
    }
    plan
}

/// The folders of Jekyll's collections: `_posts` and every collection named
/// in `collections:` (a list or a map).
fn collection_names(collections: Option<&Value>) -> BTreeSet<String> {
    let mut names = BTreeSet::from(["_posts".to_string(), "_drafts".to_string()]);
    let listed: Vec<String> = match collections {
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        Some(Value::Mapping(map)) => map
            .keys()
            .filter_map(|k| k.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    };
    names.extend(listed.into_iter().map(|name| format!("_{name}")));
    names
}
