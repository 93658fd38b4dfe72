//! Hugo and Zola sites: `content/` is copied as it is (both keep a folder's
//! own page in `_index.md`, as credo does), `static/` becomes credo's
//! `static/`, and the title and description come from the configuration.
//! Templates, themes and asset pipelines have no credo equivalent and are
//! left out (the report says so).

use std::path::Path;

use super::{Generator, Plan, SiteInfo, config_text, read_config};

/// The files that mark a Hugo site (beside `content/`).
pub(super) const HUGO_CONFIGS: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.json",
    "config/_default",
];

/// Folders of a Hugo or Zola site that hold templates or build inputs.
const BUILD_FOLDERS: &[&str] = &[
    "layouts",
    "themes",
    "templates",
    "archetypes",
    "assets",
    "data",
    "i18n",
    "sass",
];

/// `true` when `path` is a TOML configuration with Zola's `base_url` (Hugo
/// spells it `baseURL`).
pub(super) fn is_zola_config(path: &Path) -> bool {
    read_config(path).is_some_and(|c| c.contains_key("base_url"))
}

/// A Hugo site's plan.
pub(super) fn plan_hugo(src: &Path) -> Plan {
    let config = HUGO_CONFIGS
        .iter()
        .chain(&["config/_default/hugo.toml", "config/_default/config.toml"])
        .find_map(|name| read_config(&src.join(name)))
        .unwrap_or_default();
    let site = SiteInfo {
        title: config_text(&config, "title"),
        description: config_text(&config, "params.description")
            .or_else(|| config_text(&config, "description")),
        base_url: config_text(&config, "baseURL"),
        language: config_text(&config, "languageCode"),
    };
    let content = config_text(&config, "contentDir").unwrap_or_else(|| "content".into());
    let statics = config_text(&config, "staticDir").unwrap_or_else(|| "static".into());
    plan_content_site(src, Plan::new(Generator::Hugo, site), &content, &statics)
}

/// A Zola site's plan.
pub(super) fn plan_zola(src: &Path) -> Plan {
    let config = read_config(&src.join("zola.toml"))
        .or_else(|| read_config(&src.join("config.toml")))
        .unwrap_or_default();
    let site = SiteInfo {
        title: config_text(&config, "title"),
        description: config_text(&config, "description"),
        base_url: config_text(&config, "base_url"),
        language: config_text(&config, "default_language"),
    };
    plan_content_site(src, Plan::new(Generator::Zola, site), "content", "static")
}

fn plan_content_site(src: &Path, mut plan: Plan, content: &str, statics: &str) -> Plan {
    plan.add_tree(&src.join(content), "content", &|_| false);
    plan.add_tree(&src.join(statics), "static", &|_| false);
    for folder in BUILD_FOLDERS {
        if src.join(folder).is_dir() {
            plan.skipped.push(format!(
                "{folder}/: templates or build inputs credo has no use for"
            ));
        }
    }
    plan
}
