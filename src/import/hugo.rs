//! Hugo and Zola sites: `content/` (Hugo's `contentDir`) is copied as it
//! is (both keep a folder's own page in `_index.md`, as credo does),
//! `static/` becomes credo's `static/`, and the title and description come
//! from the configuration. Templates, themes and asset pipelines have no
//! credo equivalent and are left out (the report says so); so is the
//! configuration itself, which is never copied into `content/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path};

use serde_yaml::{Mapping, Value};

use super::{Generator, Language, OldUrl, Plan, SiteInfo, config_text, config_value, read_config};

/// The files that mark a Hugo site (beside its content folder), the first
/// that reads being its configuration.
pub(super) const HUGO_CONFIGS: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.json",
    "config/_default/hugo.toml",
    "config/_default/hugo.yaml",
    "config/_default/hugo.json",
    "config/_default/config.toml",
    "config/_default/config.yaml",
    "config/_default/config.json",
];

/// The configuration of the Hugo site in `src`, if it has one.
fn hugo_config(src: &Path) -> Option<Mapping> {
    HUGO_CONFIGS
        .iter()
        .filter(|name| src.join(name).is_file())
        .find_map(|name| read_config(&src.join(name)))
}

/// The folder Hugo reads pages from: `contentDir`, else `content`. A
/// `contentDir` outside `src` (absolute, or climbing out with `..`) is
/// `Err` with it: the import reads nothing outside SRC.
fn content_dir(config: &Mapping) -> Result<String, String> {
    let Some(dir) = config_text(config, "contentDir") else {
        return Ok("content".into());
    };
    let inside = Path::new(&dir)
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside { Ok(dir) } else { Err(dir) }
}

/// `true` when `src` is a Hugo site: a Hugo configuration beside the
/// folder it names as `contentDir` (`content/` by default), or naming one
/// outside `src` (imported without pages, the report says why).
pub(super) fn is_hugo(src: &Path) -> bool {
    hugo_config(src).is_some_and(|config| match content_dir(&config) {
        Ok(dir) => src.join(dir).is_dir(),
        Err(_) => true,
    })
}

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
    let config = hugo_config(src).unwrap_or_default();
    let site = SiteInfo {
        title: config_text(&config, "title"),
        description: config_text(&config, "params.description")
            .or_else(|| config_text(&config, "description")),
        base_url: config_text(&config, "baseURL"),
        language: config_text(&config, "languageCode"),
        ..SiteInfo::default()
    };
    let mut site = site;
    site.permalinks = permalinks(&config);
    let mut notes = Vec::new();
    let multilingual = languages(&config, &mut notes).map(|(default, others)| {
        site.language = Some(default.clone());
        site.languages = others;
        default
    });
    let statics = config_text(&config, "staticDir").unwrap_or_else(|| "static".into());
    let mut plan = Plan::new(Generator::Hugo, site);
    plan.skipped.extend(notes);
    plan.old_urls = Some(old_urls);
    plan.served_at = Some(served_url);
    let content = content_dir(&config).unwrap_or_else(|outside| {
        plan.skipped.push(format!(
            "contentDir `{outside}`: it lies outside {}, which the import reads only",
            src.display()
        ));
        String::new()
    });
    let mut plan = plan_content_site(src, plan, &content, &statics);
    if let Some(default) = multilingual {
        untag_default_language(&mut plan, &default);
    }
    plan
}

/// The URLs Hugo served a page at that credo will not, as (key, URL): its
/// `slug` in place of its file name, its `url`. Credo serves the page at
/// its path, so these become `aliases` (redirects to it). A folder's own
/// page (`_index.md`) has none: a credo section takes no aliases.
pub(super) fn old_urls(dest: &str, raw: &Mapping, site: &SiteInfo) -> Vec<OldUrl> {
    moved_urls(dest, raw, site, "url")
}

/// As [`old_urls`], for Zola, which names a page's own path `path`.
pub(super) fn zola_old_urls(dest: &str, raw: &Mapping, site: &SiteInfo) -> Vec<OldUrl> {
    moved_urls(dest, raw, site, "path")
}

/// A page's URLs from its `slug` and from `url_key`, its path from the
/// site's root (Hugo's `url`, Zola's `path`), language and all.
fn moved_urls(dest: &str, raw: &Mapping, site: &SiteInfo, url_key: &'static str) -> Vec<OldUrl> {
    let Some(path) = dest
        .strip_prefix("content/")
        .and_then(|p| p.strip_suffix(".md"))
    else {
        return Vec::new();
    };
    // A translation's URLs are its language's, whose prefix credo adds.
    let (path, lang) = match path.rsplit_once('.') {
        Some((stem, lang)) if site.languages.contains_key(lang) => (stem, Some(lang)),
        _ => (path, None),
    };
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    if name == "_index" {
        return Vec::new();
    }
    // A bundle (`x/index.md`) is served at its folder, named by it.
    let (current, parent) = if name == "index" {
        let parent = folder.rsplit_once('/').map_or("", |(up, _)| up);
        (format!("/{folder}/"), parent)
    } else {
        (format!("/{path}/"), folder)
    };
    let mut urls = Vec::new();
    let permalink = (url_key == "url" && config_text(raw, url_key).is_none())
        .then(|| permalink_url(path, raw, site))
        .flatten();
    if let Some(url) = permalink {
        // A translation's alias is below its language, which credo adds.
        urls.push(("permalinks", Ok(format!("/{url}/"))));
    } else if let Some(slug) = config_text(raw, "slug") {
        let slug = slug.trim_matches('/');
        if !slug.is_empty() {
            let old = if parent.is_empty() {
                format!("/{slug}/")
            } else {
                format!("/{parent}/{slug}/")
            };
            urls.push(("slug", Ok(old)));
        }
    }
    if let Some(url) = config_text(raw, url_key) {
        let mut old = format!("/{}", url.trim_start_matches('/'));
        let last = old.rsplit('/').next().unwrap_or("");
        if !old.ends_with('/') && !last.contains('.') {
            old.push('/');
        }
        // Both take the URL as written, language and all; a translation's
        // aliases are below its language, whose prefix credo adds.
        let old = match lang {
            Some(l) => match old.strip_prefix(&format!("/{l}/")) {
                Some(rest) => Ok(format!("/{rest}")),
                None => Err(old),
            },
            None => Ok(old),
        };
        urls.push((url_key, old));
    }
    urls.retain(|(_, old)| {
        old.as_ref()
            .map_or(true, |old| *old != current && old != "/")
    });
    urls
}

/// Hugo reads an alias without a leading `/` (`old-name`, `../old`) from
/// the page's section, the folder holding it (a bundle's, holding its
/// folder): `old-name` in `content/care/calls.md` is `/care/old-name/`.
/// credo reads every alias from the site's root, so each such alias of
/// the page at `dest` is written from there (one climbing out of the
/// site stays as written).
pub(super) fn root_relative_aliases(dest: &str, converted: &mut super::frontmatter::Converted) {
    let Some(path) = (dest.strip_prefix("content/")).and_then(|p| p.strip_suffix(".md")) else {
        return;
    };
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let section = match name.split('.').next() {
        Some("index") => folder.rsplit_once('/').map_or("", |(up, _)| up),
        _ => folder,
    };
    let Some(Value::Sequence(aliases)) = converted.meta.get_mut("aliases") else {
        return;
    };
    for alias in aliases.iter_mut() {
        let Some(written) = alias.as_str().map(str::trim) else {
            continue;
        };
        if written.is_empty() || written.starts_with('/') || crate::markdown::has_scheme(written) {
            continue;
        }
        let rooted = crate::site::refs::normalise(&format!("{section}/{written}"));
        let Some(mut rooted) = rooted.filter(|r| !r.is_empty()) else {
            continue;
        };
        let last = rooted.rsplit('/').next().unwrap_or("");
        if written.ends_with('/') || !last.contains('.') {
            rooted.push('/');
        }
        *alias = Value::String(format!("/{}", rooted.trim_start_matches('/')));
        converted
            .mapped
            .push(("aliases from the page's section".into(), "aliases"));
    }
}

/// Why Hugo would not publish a page today, as the front-matter key that
/// says so: a `publishDate` (or, without one, a `date`) still to come, an
/// `expiryDate` gone by, `headless: true` or `_build: {render: never}` (a
/// page Hugo never renders). Such a page becomes a draft, whatever its
/// `draft` says.
pub(super) fn unpublished(raw: &Mapping, today: &str) -> Option<&'static str> {
    use crate::load::frontmatter::Date;
    if raw.get("headless").and_then(Value::as_bool) == Some(true) {
        return Some("headless");
    }
    let render = raw
        .get("_build")
        .or_else(|| raw.get("build"))
        .and_then(|b| b.get("render"));
    let never = match render {
        Some(Value::Bool(render)) => !render,
        Some(Value::String(render)) => matches!(render.as_str(), "never" | "link" | "false"),
        _ => false,
    };
    if never {
        return Some("_build");
    }
    let day = |key: &str| {
        config_text(raw, key)
            .and_then(|d| d.get(..10).map(str::to_string))
            .filter(|d| Date::parse(d).is_some())
    };
    let publish = ["publishDate", "pubdate", "published", "date"]
        .into_iter()
        .find_map(|key| day(key).map(|d| (key, d)));
    if let Some((key, date)) = publish
        && date.as_str() > today
    {
        return Some(key);
    }
    ["expiryDate", "unpublishdate"]
        .into_iter()
        .find(|key| day(key).is_some_and(|d| d.as_str() <= today))
}

/// The URL path Hugo served a page at (see [`Plan::served_at`]).
pub(super) fn served_url(dest: &str, raw: &Mapping, site: &SiteInfo) -> Option<String> {
    served(dest, raw, site, "url")
}

/// The URL path Zola served a page at (see [`Plan::served_at`]).
pub(super) fn zola_served_url(dest: &str, raw: &Mapping, site: &SiteInfo) -> Option<String> {
    served(dest, raw, site, "path")
}

/// A page's URL path, no `/` at either end: `url_key` (Hugo's `url`,
/// Zola's `path`) as written; else its folder and file name, the `slug`
/// in place of the name, a bundle (`x/index.md`) and a section
/// (`x/_index.md`) at their folder, a translation below its language.
fn served(dest: &str, raw: &Mapping, site: &SiteInfo, url_key: &str) -> Option<String> {
    let path = dest.strip_prefix("content/")?.strip_suffix(".md")?;
    if let Some(url) = config_text(raw, url_key) {
        return Some(url.trim_matches('/').to_string());
    }
    let (path, lang) = match path.rsplit_once('.') {
        Some((stem, lang)) if site.languages.contains_key(lang) => (stem, Some(lang)),
        _ => (path, None),
    };
    if let Some(url) = permalink_url(path, raw, site) {
        return Some(match lang {
            Some(lang) => join(lang, &url),
            None => url,
        });
    }
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let slug = config_text(raw, "slug");
    let slug = slug.as_deref().map(|s| s.trim_matches('/'));
    let url = match name {
        "_index" => folder.to_string(),
        "index" => {
            let (parent, last) = folder.rsplit_once('/').unwrap_or(("", folder));
            join(parent, slug.unwrap_or(last))
        }
        _ => join(folder, slug.unwrap_or(name)),
    };
    Some(match lang {
        Some(lang) => join(lang, &url),
        None => url,
    })
}

/// The site's `[permalinks]` by section (Hugo's older form, `posts =
/// "…"`, and its newer, under `page`).
fn permalinks(config: &Mapping) -> BTreeMap<String, String> {
    let Some(table) = config_value(config, "permalinks").and_then(Value::as_mapping) else {
        return BTreeMap::new();
    };
    let table = (table.get("page").and_then(Value::as_mapping)).unwrap_or(table);
    (table.iter())
        .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.as_str()?.to_string())))
        .collect()
}

/// The URL path (no `/` at either end) the `[permalinks]` pattern of its
/// section gives the page at `path` (under `content/`, no `.md`, no
/// language): `:year`, `:month`, `:day` of its `date`, `:slug` (its
/// `slug`, else its title made a URL), `:title`, `:filename`, `:section`.
/// `None` for a section's own page or a section without a pattern.
fn permalink_url(path: &str, raw: &Mapping, site: &SiteInfo) -> Option<String> {
    let (section, _) = path.split_once('/')?;
    let pattern = site.permalinks.get(section)?;
    let (folder, name) = path.rsplit_once('/')?;
    let filename = match name {
        "_index" => return None,
        "index" => folder.rsplit('/').next().unwrap_or(folder),
        _ => name,
    };
    // Hugo's `.Date` falls back to `publishDate`; a pattern that needs a
    // date the page does not have gives no URL (rather than `/blog//x/`).
    let date = ["date", "publishDate", "pubdate"]
        .into_iter()
        .find_map(|key| config_text(raw, key))
        .unwrap_or_default();
    let dated = [":year", ":month", ":day"]
        .iter()
        .any(|t| pattern.contains(t));
    if dated
        && date
            .get(..10)
            .is_none_or(|d| crate::load::frontmatter::Date::parse(d).is_none())
    {
        return None;
    }
    let part = |range: std::ops::Range<usize>| date.get(range).unwrap_or("").to_string();
    let title = crate::markdown::slugify(
        &config_text(raw, "title").unwrap_or_else(|| filename.to_string()),
    );
    let slug = config_text(raw, "slug").unwrap_or_else(|| title.clone());
    let mut url = pattern.clone();
    for (token, value) in [
        (
            ":slugorfilename",
            config_text(raw, "slug").unwrap_or_else(|| filename.to_string()),
        ),
        (":contentbasename", filename.to_string()),
        (":filename", filename.to_string()),
        (":sections", folder.to_string()),
        (":section", section.to_string()),
        (":title", title),
        (":slug", slug),
        (":year", part(0..4)),
        (":month", part(5..7)),
        (":day", part(8..10)),
    ] {
        url = url.replace(token, &value);
    }
    Some(url.trim_matches('/').to_string())
}

/// `folder/name`, `name` at the top, `folder` for no name.
fn join(folder: &str, name: &str) -> String {
    match (folder, name) {
        ("", name) => name.to_string(),
        (folder, "") => folder.to_string(),
        (folder, name) => format!("{folder}/{name}"),
    }
}

/// A multilingual site's languages: the default one's code
/// (`defaultContentLanguage`, else Hugo's `en`) and every other one under
/// `[languages]`, named by its `languageName`. `None` for a site in one
/// language that does not name it. Translations kept in a folder of their
/// own (a language's `contentDir`) are noted: credo keeps them beside
/// their originals.
fn languages(
    config: &Mapping,
    notes: &mut Vec<String>,
) -> Option<(String, BTreeMap<String, Language>)> {
    let table = config_value(config, "languages").and_then(Value::as_mapping);
    let default = config_text(config, "defaultContentLanguage");
    if table.is_none() && default.is_none() {
        return None;
    }
    let default = default.unwrap_or_else(|| "en".into());
    let mut others = BTreeMap::new();
    for (code, language) in table.into_iter().flatten() {
        let (Some(code), Some(language)) = (code.as_str(), language.as_mapping()) else {
            continue;
        };
        if config_text(language, "contentDir").is_some() {
            notes.push(format!(
                "languages.{code}.contentDir: translations in a folder of their own are not matched to their originals; move each beside its original as name.{code}.md"
            ));
        }
        if code == default {
            continue;
        }
        others.insert(
            code.to_string(),
            Language {
                name: config_text(language, "languageName").unwrap_or_else(|| code.to_string()),
                title: config_text(language, "title"),
                description: config_text(language, "params.description")
                    .or_else(|| config_text(language, "description")),
            },
        );
    }
    Some((default, others))
}

/// Hugo lets a page in the default language be named `name.en.md`; credo
/// knows it as `name.md`, unless that is taken.
fn untag_default_language(plan: &mut Plan, default: &str) {
    let suffix = format!(".{default}.md");
    let taken: BTreeSet<String> = plan.pages.iter().map(|p| p.dest.clone()).collect();
    for page in &mut plan.pages {
        if let Some(stem) = page.dest.strip_suffix(&suffix) {
            let plain = format!("{stem}.md");
            if !taken.contains(&plain) {
                page.dest = plain;
            }
        }
    }
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
        languages: zola_languages(&config),
        ..SiteInfo::default()
    };
    let mut plan = Plan::new(Generator::Zola, site);
    plan.old_urls = Some(zola_old_urls);
    plan.served_at = Some(zola_served_url);
    plan_content_site(src, plan, "content", "static")
}

/// A Zola site's other languages (`[languages.fr]`, with its `title` and
/// `description`), each named in itself: Zola has no name for a language.
fn zola_languages(config: &Mapping) -> BTreeMap<String, Language> {
    let default = config_text(config, "default_language").unwrap_or_else(|| "en".into());
    let table = config_value(config, "languages").and_then(Value::as_mapping);
    (table.into_iter().flatten())
        .filter_map(|(code, language)| Some((code.as_str()?, language.as_mapping()?)))
        .filter(|(code, _)| *code != default)
        .map(|(code, language)| {
            let language = Language {
                name: crate::render::strings::native_name(code),
                title: config_text(language, "title"),
                description: config_text(language, "description"),
            };
            (code.to_string(), language)
        })
        .collect()
}

/// Pages from the folder `content` (none when it is empty), static files
/// from `statics`. The site's own configuration is never a page or an
/// asset, even with `contentDir = "."`.
fn plan_content_site(src: &Path, mut plan: Plan, content: &str, statics: &str) -> Plan {
    if !content.is_empty() {
        let is_config = |rel: &str| super::GENERATOR_CONFIGS.contains(&rel);
        let at_root = Path::new(content)
            .components()
            .all(|c| c == Component::CurDir);
        plan.add_tree(&src.join(content), "content", &|rel| {
            at_root && is_config(rel)
        });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_default_to_english_and_note_folders_of_translations() {
        let config: Mapping = serde_yaml::from_str(
            "Languages:\n  en: {languageName: English}\n  de: {LanguageName: Deutsch, contentDir: content/de}\n  nl: {weight: 3}\n  broken: 7\n",
        )
        .unwrap();
        let mut notes = Vec::new();
        let (default, others) = languages(&config, &mut notes).unwrap();
        assert_eq!(default, "en");
        let names: Vec<(&str, &str)> = others
            .iter()
            .map(|(code, l)| (code.as_str(), l.name.as_str()))
            .collect();
        assert_eq!(names, [("de", "Deutsch"), ("nl", "nl")]);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].starts_with("languages.de.contentDir:"),
            "{notes:?}"
        );
        let single: Mapping = serde_yaml::from_str("languageCode: en-gb\n").unwrap();
        assert_eq!(languages(&single, &mut notes), None);
    }

    #[test]
    fn permalinks_make_section_page_urls_and_aliases() {
        let meta = |yaml: &str| -> Mapping { serde_yaml::from_str(yaml).unwrap() };
        let site = SiteInfo {
            permalinks: [("post".to_string(), "/blog/:year/:slug/".to_string())].into(),
            ..SiteInfo::default()
        };
        let raw = meta("title: We Launched!\ndate: 2024-03-09T10:00:00Z");
        assert_eq!(
            served_url("content/post/launch.md", &raw, &site).as_deref(),
            Some("blog/2024/we-launched")
        );
        assert_eq!(
            served_url("content/post/_index.md", &raw, &site).as_deref(),
            Some("post")
        );
        assert_eq!(
            served_url("content/about.md", &raw, &site).as_deref(),
            Some("about")
        );
        assert_eq!(
            old_urls("content/post/launch.md", &raw, &site),
            [("permalinks", Ok("/blog/2024/we-launched/".to_string()))]
        );
        assert!(
            old_urls("content/post/launch.md", &meta("url: /x/"), &site)
                .iter()
                .all(|(k, _)| *k == "url")
        );
        // The date falls back to `publishDate`; with none, no URL at all.
        assert_eq!(
            old_urls(
                "content/post/idea.md",
                &meta("title: Idea\npublishDate: 2030-01-01"),
                &site
            ),
            [("permalinks", Ok("/blog/2030/idea/".to_string()))]
        );
        assert!(
            old_urls("content/post/idea.md", &meta("title: Idea"), &site)
                .iter()
                .all(|(_, url)| url.as_ref().is_ok_and(|u| !u.contains("//")))
        );
    }

    #[test]
    fn future_and_expired_pages_are_unpublished() {
        let meta = |yaml: &str| -> Mapping { serde_yaml::from_str(yaml).unwrap() };
        let today = "2026-12-05";
        assert_eq!(
            unpublished(&meta("publishDate: 2030-01-01"), today),
            Some("publishDate")
        );
        assert_eq!(
            unpublished(&meta("date: 2030-01-01T09:00:00Z"), today),
            Some("date")
        );
        assert_eq!(
            unpublished(&meta("date: 2030-01-01\npublishDate: 2020-01-01"), today),
            None
        );
        assert_eq!(
            unpublished(&meta("expiryDate: 2020-01-01"), today),
            Some("expiryDate")
        );
        assert_eq!(
            unpublished(&meta("date: 2020-01-01\nexpiryDate: 2031-01-01"), today),
            None
        );
        assert_eq!(unpublished(&meta("title: x"), today), None);
        // Pages Hugo never renders.
        assert_eq!(
            unpublished(&meta("headless: true"), today),
            Some("headless")
        );
        assert_eq!(
            unpublished(&meta("_build: {render: never, list: never}"), today),
            Some("_build")
        );
        assert_eq!(
            unpublished(&meta("_build: {render: false}"), today),
            Some("_build")
        );
        assert_eq!(unpublished(&meta("_build: {render: always}"), today), None);
    }

    #[test]
    fn content_dir_must_stay_inside_the_site() {
        let dir = |text: &str| content_dir(&serde_yaml::from_str(text).unwrap());
        assert_eq!(dir("title: x\n"), Ok("content".into()));
        assert_eq!(dir("contentDir: docs/pages\n"), Ok("docs/pages".into()));
        assert_eq!(dir("contentDir: ../shared\n"), Err("../shared".into()));
        assert_eq!(dir("contentDir: /srv/pages\n"), Err("/srv/pages".into()));
    }
}
