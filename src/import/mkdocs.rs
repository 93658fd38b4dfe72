//! MkDocs: `docs_dir` (default `docs/`) becomes `content/`, pages and assets
//! alike, as MkDocs serves them; the `nav` gives the reading order (as
//! weights) and titles, its sections the titles of their folders;
//! mkdocs.yml the title and description. Snippets (`--8<--`) are written
//! out from the folders `pymdownx.snippets` names ([`super::snippets`]).

use std::path::Path;

use super::{Generator, Plan, SiteInfo, config_text, config_value, order, read_config};

/// An MkDocs site's plan.
pub(super) fn plan(src: &Path) -> Plan {
    // Python tags (`!!python/name:...`) are read as the text they tag.
    let config = read_config(&src.join("mkdocs.yml"))
        .or_else(|| read_config(&src.join("mkdocs.yaml")))
        .unwrap_or_default();
    let site = SiteInfo {
        title: config_text(&config, "site_name"),
        description: config_text(&config, "site_description"),
        base_url: config_text(&config, "site_url"),
        language: config_text(&config, "theme.language"),
        ..SiteInfo::default()
    };
    let docs = config_text(&config, "docs_dir").unwrap_or_else(|| "docs".into());
    let mut plan = Plan::new(Generator::MkDocs, site);
    plan.add_tree(&src.join(docs), "content", &|_| false);
    plan.include_root = Some(src.to_path_buf());
    plan.snippets = snippet_settings(&config, src);
    if let Some(nav) = config.get("nav") {
        plan.order = order::mkdocs_nav(nav)
            .into_iter()
            .map(|(title, path)| (format!("content/{path}"), title))
            .collect();
        plan.folder_titles = order::mkdocs_sections(nav)
            .into_iter()
            .map(|(folder, title)| (format!("content/{folder}"), title))
            .collect();
        let mut outside = Vec::new();
        links_elsewhere(nav, None, &mut outside);
        for (title, url) in outside {
            plan.notes.push(format!(
                "mkdocs.yml's nav links to {url}{}: credo's sidebar lists the site's pages, so link to it from a page",
                title.map(|t| format!(" (\"{t}\")")).unwrap_or_default()
            ));
        }
    }
    plan
}

/// How `pymdownx.snippets` is set: the folders it reads snippets from
/// (its `base_path`, one or a list, from the project's folder; the
/// project's folder itself when it names none, as the extension's default
/// `.` is where `mkdocs build` runs), and the snippets it pastes at the end
/// of every page (`auto_append`).
fn snippet_settings(config: &serde_yaml::Mapping, src: &Path) -> super::snippets::Settings {
    use serde_yaml::Value;
    let options = config_value(config, "markdown_extensions")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .filter_map(Value::as_mapping)
        .find_map(|m| m.get("pymdownx.snippets"));
    let texts = |key: &str| -> Vec<String> {
        match options.and_then(|o| o.get(key)) {
            Some(Value::String(one)) => vec![one.clone()],
            Some(Value::Sequence(many)) => many
                .iter()
                .filter_map(|b| b.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    };
    let mut bases = texts("base_path");
    if bases.is_empty() {
        bases.push(".".to_string());
    }
    super::snippets::Settings {
        bases: bases.iter().map(|base| src.join(base)).collect(),
        auto_append: texts("auto_append"),
    }
}

/// The nav's entries that name another site (`Status: https://…`), with
/// their titles: the sidebar credo makes cannot hold them.
fn links_elsewhere(
    item: &serde_yaml::Value,
    title: Option<&str>,
    out: &mut Vec<(Option<String>, String)>,
) {
    use serde_yaml::Value;
    match item {
        Value::String(url) if url.contains("://") => {
            out.push((title.map(str::to_string), url.clone()))
        }
        Value::Sequence(items) => items.iter().for_each(|i| links_elsewhere(i, None, out)),
        Value::Mapping(map) => {
            for (key, value) in map {
                links_elsewhere(value, key.as_str(), out);
            }
        }
        _ => {}
    }
}
