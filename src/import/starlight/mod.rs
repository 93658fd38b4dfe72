//! Astro Starlight: `src/content/docs/` becomes `content/` (`.mdx` pages
//! take the `.md` name credo reads), `public/` becomes `static/`, and
//! `src/assets/`, which pages name relatively (`../../assets/desk.png`),
//! becomes `content/assets/`, the links following (see
//! [`Plan::moved_folders`]). The configuration is JavaScript: its title,
//! description, locales, `site` and `base` are read where written as plain
//! values ([`read_config`]). Locales become credo's languages: the default
//! locale's pages stand at the top, another's `fr/guides/x.md` becomes
//! `guides/x.fr.md` beside its original ([`place_locales`]). Starlight
//! served `guides/Example.md` at `/guides/example/` ([`served_url`]): a
//! link to that URL names the file, and the URL is kept as an alias where
//! credo's differs ([`old_urls`]). Front matter: [`front_matter`]; bodies:
//! [`components`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_yaml::{Mapping, Value};

use super::frontmatter::{self, Converted, Role};
use super::{Generator, Language, OldUrl, Plan, SiteInfo};
use crate::load::languages::{code_problem, is_language_code};
use js::{call_object, entries, object_inner, unquote, without_comments};

mod components;
mod js;

pub(super) use components::{convert as body, hand_work};

/// Where Starlight keeps its pages, below SRC.
pub(super) const DOCS: &str = "src/content/docs";
/// Where an Astro project keeps the images its pages name or import.
const ASSETS: &str = "src/assets";
/// The extensions Astro's configuration file takes.
const CONFIG_EXTENSIONS: &[&str] = &["mjs", "ts", "js", "mts", "cjs", "cts"];
/// The options of `starlight({…})` the import reads; the others are named
/// in the report.
const READ_OPTIONS: &[&str] = &["title", "description", "defaultLocale", "locales"];

/// The text of SRC's Astro configuration, when it sets Starlight up.
fn config_text(src: &Path) -> Option<String> {
    CONFIG_EXTENSIONS.iter().find_map(|ext| {
        let text = std::fs::read_to_string(src.join(format!("astro.config.{ext}"))).ok()?;
        text.contains("starlight").then_some(text)
    })
}

/// Whether SRC is a Starlight site: an Astro configuration naming
/// Starlight, beside the pages' folder.
pub(super) fn is_starlight(src: &Path) -> bool {
    src.join(DOCS).is_dir() && config_text(src).is_some()
}

/// What the configuration says, as far as it is written in plain values.
#[derive(Debug, Default, PartialEq)]
struct Config {
    title: Option<String>,
    /// The title by language tag, when `title` is an object of them.
    titles: BTreeMap<String, String>,
    description: Option<String>,
    /// `site: 'https://…'`, where the site is published.
    site: Option<String>,
    /// `base: '/handbook'`, the path below it.
    base: Option<String>,
    default_locale: Option<String>,
    locales: Vec<Locale>,
    /// The options of `starlight({…})` not read, by name.
    unread: Vec<String>,
}

/// One of `locales`: its key (the folder and URL path, `root` for none),
/// its `label` and its `lang`.
#[derive(Debug, Default, PartialEq, Clone)]
struct Locale {
    key: String,
    label: Option<String>,
    lang: Option<String>,
}

/// Reads what the import needs from the configuration's JavaScript.
fn read_config(js: &str) -> Config {
    let js = without_comments(js);
    let options = call_object(&js, "starlight").map_or_else(Vec::new, entries);
    let option = |key: &str| options.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
    let mut config = Config {
        description: option("description").and_then(unquote),
        default_locale: option("defaultLocale").and_then(unquote),
        site: super::docusaurus::quoted_value(&js, "site"),
        base: super::docusaurus::quoted_value(&js, "base"),
        ..Config::default()
    };
    match option("title") {
        Some(value) if value.starts_with('{') => {
            let titles = object_inner(value).map_or_else(Vec::new, entries);
            for (lang, title) in titles {
                if let Some(title) = unquote(title) {
                    config.titles.insert(lang, title);
                }
            }
        }
        Some(value) => config.title = unquote(value),
        None => {}
    }
    let locales = option("locales").and_then(object_inner);
    for (key, value) in locales.map_or_else(Vec::new, entries) {
        let fields = object_inner(value).map_or_else(Vec::new, entries);
        let field = |name: &str| {
            (fields.iter())
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| unquote(v))
        };
        config.locales.push(Locale {
            label: field("label"),
            lang: field("lang"),
            key,
        });
    }
    config.unread = (options.iter())
        .map(|(key, _)| key.clone())
        .filter(|key| !READ_OPTIONS.contains(&key.as_str()))
        .collect();
    config
}

/// How Starlight's locales map onto credo's languages.
#[derive(Debug, Default, PartialEq)]
struct Languages {
    /// The default language's code (credo.yaml `language`).
    language: Option<String>,
    /// The default locale's folder below the docs, unless it is the root.
    default_folder: Option<String>,
    /// The site's title in the default language.
    title: Option<String>,
    /// The other locales, by folder, which credo names them by too (its
    /// `/fr/` is Starlight's).
    others: BTreeMap<String, Language>,
    /// Locale folders whose pages are not imported, with why.
    left_out: Vec<(String, String)>,
}

fn languages(config: &Config) -> Languages {
    let has_root = config.locales.iter().any(|l| l.key == "root");
    let default_key = (config.default_locale.clone())
        .or_else(|| has_root.then(|| "root".to_string()))
        .or_else(|| config.locales.first().map(|l| l.key.clone()));
    let default = (config.locales.iter()).find(|l| Some(&l.key) == default_key.as_ref());
    let language = default.and_then(|l| {
        l.lang
            .clone()
            .or_else(|| (l.key != "root").then(|| l.key.clone()))
    });
    // A title by language tag: the default's, else by its folder.
    let title_in = |locale: &Locale| {
        (locale.lang.as_ref())
            .and_then(|lang| config.titles.get(lang))
            .or_else(|| config.titles.get(&locale.key))
            .cloned()
    };
    let mut languages = Languages {
        title: (config.title.clone())
            .or_else(|| default.and_then(title_in))
            .or_else(|| config.titles.values().next().cloned()),
        default_folder: default_key.clone().filter(|key| key != "root"),
        language: language.clone(),
        ..Languages::default()
    };
    let default_code = language.unwrap_or_else(|| "en".to_string());
    for locale in config
        .locales
        .iter()
        .filter(|l| Some(&l.key) != default_key.as_ref())
    {
        let problem = match code_problem(&locale.key, &default_code) {
            _ if locale.key == "root" => Some("the root locale is not the default".to_string()),
            _ if !is_language_code(&locale.key) => {
                Some(format!("`{}` is no language code", locale.key))
            }
            Some((message, _)) => Some(message),
            None => None,
        };
        if let Some(why) = problem {
            languages.left_out.push((locale.key.clone(), why));
            continue;
        }
        let name = locale.label.clone().unwrap_or_else(|| locale.key.clone());
        languages.others.insert(
            locale.key.clone(),
            Language {
                name,
                title: title_in(locale),
                description: None,
            },
        );
    }
    languages
}

/// The site's URL from `site` and `base`: `base` alone, where no `site`
/// says the host; `None` at the root of no known host.
fn base_url(site: Option<&str>, base: Option<&str>) -> Option<String> {
    let base = base.map(|b| b.trim_matches('/')).filter(|b| !b.is_empty());
    let path = base.map_or_else(|| "/".to_string(), |b| format!("/{b}/"));
    match site.map(str::trim).filter(|s| s.contains("://")) {
        Some(site) => Some(format!("{}{path}", site.trim_end_matches('/'))),
        None => base.map(|_| path),
    }
}

/// A Starlight site's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let config = read_config(&config_text(src).unwrap_or_default());
    let languages = languages(&config);
    let site = SiteInfo {
        title: languages.title.clone(),
        description: config.description.clone(),
        base_url: base_url(config.site.as_deref(), config.base.as_deref()),
        language: languages.language.clone(),
        languages: languages.others.clone(),
        default_language_path: languages.default_folder.clone(),
        ..SiteInfo::default()
    };
    let mut plan = Plan::new(Generator::Starlight, site);
    plan.rank_front_matter = true;
    plan.served_at = Some(served_url);
    plan.old_urls = Some(old_urls);
    // Starlight leaves links as written: one to a page of a site below a
    // `base` names the base too (`/handbook/guides/x/`).
    plan.served_below = config.base.clone().unwrap_or_default();
    plan.add_tree(&src.join(DOCS), "content", &|_| false);
    plan.add_tree(&src.join("public"), "static", &|_| false);
    place_locales(&mut plan, &languages);
    move_assets(&src.join(ASSETS), &mut plan);
    report_the_rest(src, &config, &mut plan);
    plan
}

/// Moves the default locale's pages to the top (links to them following)
/// and each other locale's beside their originals as `name.LANG.md`; a
/// translation without an original, which credo would refuse, and the
/// pages of a locale credo cannot name a language by, are left out and
/// reported. A locale's other files stay where they are (its pages' links
/// to them are written anew from the pages' new folders).
fn place_locales(plan: &mut Plan, languages: &Languages) {
    if let Some(folder) = &languages.default_folder {
        let prefix = format!("content/{folder}/");
        let taken: BTreeSet<String> = plan.pages.iter().map(|p| p.dest.clone()).collect();
        let moves: Vec<String> = (plan.pages.iter())
            .map(|p| p.dest.clone())
            .filter(|d| d.starts_with(&prefix))
            .collect();
        for dest in moves {
            let to = format!("content/{}", &dest[prefix.len()..]);
            if taken.contains(&to) {
                plan.notes.push(format!(
                    "{dest}: stays in {folder}/, as {to} is taken by a page outside the default locale's folder"
                ));
                continue;
            }
            plan.rename_page(&dest, &to);
        }
        for asset in plan.assets.iter_mut() {
            if let Some(rest) = asset.dest.strip_prefix(&prefix) {
                let to = format!("content/{rest}");
                plan.renamed.push((asset.dest.clone(), to.clone()));
                asset.dest = to;
            }
        }
    }
    let originals: BTreeSet<String> = plan.pages.iter().map(|p| p.dest.clone()).collect();
    for code in languages.others.keys() {
        let prefix = format!("content/{code}/");
        let pages: Vec<String> = (plan.pages.iter())
            .map(|p| p.dest.clone())
            .filter(|d| d.starts_with(&prefix))
            .collect();
        for dest in pages {
            let rest = &dest[prefix.len()..];
            let stem = rest.strip_suffix(".md").unwrap_or(rest);
            if !originals.contains(&format!("content/{rest}")) {
                plan.pages.retain(|p| p.dest != dest);
                plan.skipped.push(format!(
                    "{dest}: a translation of content/{rest}, which the default locale does not have (credo keeps a translation beside its original, `name.{code}.md`)"
                ));
                continue;
            }
            plan.rename_page(&dest, &format!("content/{stem}.{code}.md"));
        }
    }
    for (folder, why) in &languages.left_out {
        let prefix = format!("content/{folder}/");
        let before = plan.pages.len() + plan.assets.len();
        plan.pages.retain(|p| !p.dest.starts_with(&prefix));
        plan.assets.retain(|a| !a.dest.starts_with(&prefix));
        let gone = before - plan.pages.len() - plan.assets.len();
        if gone > 0 {
            plan.skipped.push(format!(
                "{folder}/ ({gone} files): the locale `{folder}`, which credo cannot make a language of: {why}"
            ));
        }
    }
}

/// Copies `src/assets/` to `content/assets/` (`content/astro-assets/` when
/// the docs have an `assets/` of their own), where credo publishes it;
/// links into it follow (Starlight's pages name it by climbing out of the
/// docs: `../../assets/desk.png`).
fn move_assets(assets: &Path, plan: &mut Plan) {
    if !assets.is_dir() {
        return;
    }
    // `src/assets`, from `src/content/docs`.
    let from = "content/../../assets".to_string();
    let (to, copied) = plan.move_folder(assets, from, &["assets", "astro-assets"]);
    let files = match copied {
        1 => "1 image or file".to_string(),
        n => format!("{n} images and files"),
    };
    plan.notes.push(format!(
        "{ASSETS}/ → {to}/: {files} the pages may name, kept outside the docs, where credo would not publish them; links to them follow"
    ));
}

/// Names what Starlight builds the site with and the import does not read.
fn report_the_rest(src: &Path, config: &Config, plan: &mut Plan) {
    if config.unread.iter().any(|o| o == "sidebar") {
        plan.skipped.push(
            "the `sidebar` of starlight({…}): its groups, labels and links are not read; pages are ordered by their `sidebar.order`".to_string(),
        );
    }
    let unread: Vec<&str> = (config.unread.iter())
        .map(String::as_str)
        .filter(|o| *o != "sidebar")
        .collect();
    if !unread.is_empty() {
        plan.skipped.push(format!(
            "starlight({{…}}) options {}: Starlight's theme and integrations, which credo has no use for",
            unread.join(", ")
        ));
    }
    let mut others: Vec<String> = (std::fs::read_dir(src.join("src"))
        .into_iter()
        .flatten()
        .flatten())
    .map(|e| e.file_name().to_string_lossy().into_owned())
    .filter(|name| name != "content" && name != "assets")
    .map(|name| format!("src/{name}"))
    .collect();
    others.extend(
        (std::fs::read_dir(src.join("src/content"))
            .into_iter()
            .flatten()
            .flatten())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "docs")
        .map(|name| format!("src/content/{name}")),
    );
    others.sort();
    if !others.is_empty() {
        plan.skipped.push(format!(
            "{}: the Astro project's components, styles and other collections, not pages of the docs",
            others.join(", ")
        ));
    }
}

/// A page's dest without `content/` and `.md`, and the language of a
/// translation (`guides/x.fr.md` → `guides/x`, `fr`).
fn path_and_language<'a>(dest: &'a str, site: &SiteInfo) -> Option<(&'a str, Option<&'a str>)> {
    let path = dest.strip_prefix("content/")?.strip_suffix(".md")?;
    Some(match path.rsplit_once('.') {
        Some((stem, lang)) if site.languages.contains_key(lang) => (stem, Some(lang)),
        _ => (path, None),
    })
}

/// The URL path Starlight served the page at `dest` at, below `base` (no
/// `/` at either end; see [`Plan::served_at`]): its `slug`, else its path
/// with each segment made a slug as Astro makes it (`Example Page` →
/// `example-page`) and `index` at its folder, below its locale's folder.
pub(super) fn served_url(dest: &str, raw: &Mapping, site: &SiteInfo) -> Option<String> {
    let (path, lang) = path_and_language(dest, site)?;
    // A slug is the page's whole path, its locale's folder included.
    if let Some(slug) = raw.get("slug").and_then(Value::as_str) {
        return Some(slug.trim().trim_matches('/').to_string());
    }
    let mut segments: Vec<String> = path.split('/').map(slug).collect();
    if segments.last().is_some_and(|s| s == "index") {
        segments.pop();
    }
    let locale = lang.or(site.default_language_path.as_deref());
    segments.insert(0, locale.unwrap_or_default().to_string());
    segments.retain(|s| !s.is_empty());
    Some(segments.join("/"))
}

/// A file or folder name as Astro makes it a URL segment (github-slugger):
/// lower case, a space a `-`, punctuation other than `-` and `_` dropped.
fn slug(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The URL Starlight served the page at, as an alias, where credo serves
/// it elsewhere (see [`Plan::old_urls`]): by its `slug`, a name Astro made
/// a slug of, or the default locale's folder. A URL that differs from
/// credo's in case only makes no alias: on a disk that ignores case (macOS,
/// Windows) the alias would be the page's own file. A translation's alias
/// is below its language, whose prefix credo adds; one outside it is
/// reported.
fn old_urls(dest: &str, raw: &Mapping, site: &SiteInfo) -> Vec<OldUrl> {
    let (Some(old), Some((path, lang))) =
        (served_url(dest, raw, site), path_and_language(dest, site))
    else {
        return Vec::new();
    };
    let key = match raw.contains_key("slug") {
        true => "slug",
        false => "served URL",
    };
    let credo = super::credo_path(&format!("content/{path}.md")).to_string();
    let old = match lang {
        Some(lang) if old == lang => Ok(String::new()),
        Some(lang) => match old.strip_prefix(&format!("{lang}/")) {
            Some(rest) => Ok(rest.to_string()),
            None => Err(format!("/{old}/")),
        },
        None => Ok(old),
    };
    match old {
        Ok(old) if old.is_empty() || old.eq_ignore_ascii_case(&credo) => Vec::new(),
        Ok(old) => vec![(key, Ok(format!("/{old}/")))],
        Err(old) => vec![(key, Err(old))],
    }
}

/// Starlight's own keys, after the common conversion: `sidebar.order` a
/// position, ranked into weights (a translation takes its original's
/// place, so its order stays in `extra`); `sidebar.hidden: true` a draft;
/// a page's `hero` its title (the heading Starlight showed; the page's
/// own `title` kept in `extra`), its tagline the summary it lacks, its
/// actions a line of links at the top of the body, in `text`.
pub(super) fn front_matter(
    dest: &str,
    role: Option<Role>,
    site: &SiteInfo,
    raw: &Mapping,
    text: &mut String,
    converted: &mut Converted,
) {
    let translation = path_and_language(dest, site).is_some_and(|(_, lang)| lang.is_some());
    let sidebar = raw.get("sidebar");
    let mut taken = Vec::new();
    if let Some(order) = sidebar.and_then(|s| s.get("order")).and_then(Value::as_f64)
        && !translation
    {
        converted.position = Some(order);
        converted.mapped.push(("sidebar.order".into(), "weight"));
        taken.push("order");
    }
    let hidden = sidebar.and_then(|s| s.get("hidden")) == Some(&Value::Bool(true));
    if hidden && role != Some(Role::Section) {
        converted.meta.insert("draft".into(), Value::Bool(true));
        converted.mapped.push(("sidebar.hidden".into(), "draft"));
        taken.push("hidden");
    }
    take_from_extra_sidebar(converted, &taken);
    if let Some(hero) = raw.get("hero").and_then(Value::as_mapping) {
        hero_front_matter(hero, converted);
        if let Some(links) = action_links(hero) {
            let body = frontmatter::split(text).body;
            let head = &text[..text.len() - body.len()];
            // One blank line between the links and the text.
            let gap = if body.starts_with('\n') { "\n" } else { "\n\n" };
            *text = format!("{head}{links}{gap}{body}");
        }
    }
    converted.meta = frontmatter::in_key_order(std::mem::take(&mut converted.meta));
}

/// Removes the `sidebar` keys the conversion took from `extra.sidebar`,
/// and `sidebar` itself once nothing is left of it.
fn take_from_extra_sidebar(converted: &mut Converted, taken: &[&str]) {
    let Some(Value::Mapping(extra)) = converted.meta.get_mut("extra") else {
        return;
    };
    let Some(Value::Mapping(sidebar)) = extra.get_mut("sidebar") else {
        return;
    };
    for key in taken {
        sidebar.remove(*key);
    }
    if sidebar.is_empty() {
        extra.remove("sidebar");
        converted.moved.retain(|k| k != "sidebar");
    }
    if extra.is_empty() {
        converted.meta.remove("extra");
    }
}

/// A hero's title and tagline as the page's title and summary.
fn hero_front_matter(hero: &Mapping, converted: &mut Converted) {
    let text = |key: &str| {
        (hero.get(key).and_then(Value::as_str))
            .map(str::trim)
            .filter(|t| !t.is_empty())
    };
    if let Some(title) = text("title") {
        let own = converted.meta.insert("title".into(), title.into());
        if let Some(own) = own.filter(|own| own.as_str() != Some(title)) {
            let extra = converted
                .meta
                .entry("extra".into())
                .or_insert_with(|| Value::Mapping(Mapping::new()));
            if let Value::Mapping(extra) = extra {
                extra.insert("title".into(), own);
                converted.moved.push("title".into());
            }
        }
        converted.mapped.push(("hero.title".into(), "title"));
    }
    if let Some(tagline) = text("tagline")
        && !converted.meta.contains_key("summary")
    {
        converted.meta.insert("summary".into(), tagline.into());
        converted.mapped.push(("hero.tagline".into(), "summary"));
    }
}

/// A hero's actions (`{text, link}`) as a line of Markdown links.
fn action_links(hero: &Mapping) -> Option<String> {
    let actions = hero.get("actions")?.as_sequence()?;
    let links: Vec<String> = (actions.iter())
        .filter_map(|action| {
            let text = action.get("text")?.as_str()?.trim();
            let link = action.get("link")?.as_str()?.trim();
            let text = text.replace('[', "\\[").replace(']', "\\]");
            Some(format!("[{text}](<{link}>)"))
        })
        .collect();
    (!links.is_empty()).then(|| links.join(" · "))
}

/// Where Starlight served the default language's page `file` (under
/// `content/`, served at `url`) in each other language, until it is
/// translated (`/fr/guides/calls/`, below `base`), as (URL, file): credo
/// serves it there too, so a link to that URL names the page.
pub(super) fn fallbacks(plan: &Plan, file: &str, url: &str) -> Vec<(String, String)> {
    let languages = &plan.site.languages;
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let translated = stem
        .rsplit_once('.')
        .is_some_and(|(_, lang)| languages.contains_key(lang));
    if translated {
        return Vec::new();
    }
    // Without the default locale's folder, where it has one (`en/`).
    let bare = match plan.site.default_language_path.as_deref() {
        Some(default) if url == default => "",
        Some(default) => url.strip_prefix(&format!("{default}/")).unwrap_or(url),
        None => url,
    };
    let below = plan.served_below.trim_matches('/');
    languages
        .keys()
        .map(|lang| {
            let parts = [below, lang, bare];
            let url = parts.iter().filter(|p| !p.is_empty()).copied();
            (url.collect::<Vec<_>>().join("/"), file.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests;
