//! Carries out a [`Plan`]: reads every page, converts its front matter,
//! turns the plan's reading order into weights, writes pages, assets and
//! credo.yaml into DIR, and counts what it did for the [`Report`].
//!
//! A page is rewritten only when its front matter changes; a page without
//! front matter that needs none (its title comes from its `# heading`) is
//! copied byte for byte, as is one whose front matter cannot be read (the
//! check that follows the import then points at it).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;
use serde_yaml::{Mapping, Value};

use super::frontmatter::{self, Converted, Format, Role};
use super::links::{self, Relinker};
use super::order::{self, FOLDER_PAGES};
use super::{Entry, Generator, Language, Plan, Report, body};
use crate::error::Error;

/// One page, read and converted, waiting for its weight and title.
struct Page {
    entry: Entry,
    text: String,
    format: Format,
    /// The block as read, to tell whether the conversion changed anything.
    raw: Mapping,
    converted: Converted,
}

/// Writes everything `plan` lists into `dir`.
pub(super) fn execute(plan: Plan, dir: &Path) -> Result<Report, Error> {
    let mut report = Report::new(plan.generator, plan.skipped.clone(), plan.notes.clone());
    let roles = roles(&plan);
    let today = crate::site::checks::today().to_string();
    let mut pages = Vec::new();
    for entry in &plan.pages {
        let role = roles.get(entry.dest.as_str()).copied();
        match read_page(entry, role, plan.generator) {
            Ok(mut page) => {
                if matches!(plan.generator, Generator::VitePress | Generator::VuePress) {
                    let body = frontmatter::split(&page.text).body;
                    super::vitepress::hero_title(&page.raw, body, &mut page.converted);
                }
                if plan.generator == Generator::Starlight {
                    let Page {
                        text,
                        raw,
                        converted,
                        ..
                    } = &mut page;
                    let site = &plan.site;
                    super::starlight::front_matter(&entry.dest, role, site, raw, text, converted);
                }
                if plan.generator == Generator::Hugo && matches!(role, Some(Role::Page) | None) {
                    super::hugo::root_relative_aliases(&entry.dest, &mut page.converted);
                }
                if let (Some(old_urls), Some(Role::Page) | None) = (plan.old_urls, role) {
                    let mut urls = old_urls(&entry.dest, &page.raw, &plan.site);
                    for (key, url) in &urls {
                        if let Err(url) = url {
                            report
                                .unredirected
                                .push((entry.dest.clone(), key, url.clone()));
                        }
                    }
                    urls.retain(|(_, url)| url.is_ok());
                    add_aliases(&mut page.converted, urls);
                }
                if plan.generator == Generator::Docusaurus
                    && matches!(role, Some(Role::Page) | None)
                {
                    add_aliases(
                        &mut page.converted,
                        served_elsewhere(&plan, &entry.dest, &page.raw),
                    );
                }
                let redirected: Vec<super::OldUrl> = (plan.redirects.iter())
                    .filter(|(dest, _)| *dest == entry.dest)
                    .map(|(_, url)| ("output.html.redirect", Ok(url.clone())))
                    .collect();
                if role == Some(Role::Section) {
                    // A section takes no aliases: the host must redirect.
                    for url in redirected.iter().filter_map(|(_, url)| url.as_ref().ok()) {
                        report.notes.push(format!(
                            "no redirect from {url} to {}: a folder's own page takes no aliases, so redirect that URL at your host",
                            entry.dest
                        ));
                    }
                } else {
                    add_aliases(&mut page.converted, redirected);
                }
                if let Some(because) = plan.drafts.get(&entry.dest) {
                    make_draft(&mut page.converted, because, false);
                }
                // Hugo publishes no such page, whatever its `draft` says.
                if plan.generator == Generator::Hugo
                    && let Some(key) = super::hugo::unpublished(&page.raw, &today)
                {
                    make_draft(&mut page.converted, key, true);
                }
                pages.push(page);
            }
            Err(problem) => {
                report.unconverted.push((entry.dest.clone(), problem));
                copy(&entry.source, &dir.join(&entry.dest))?;
            }
        }
    }
    let relinker = Relinker::new(
        &plan,
        pages.iter().map(|p| {
            let body = frontmatter::split(&p.text).body;
            (p.entry.dest.as_str(), &p.raw, body)
        }),
    );
    let rewrites = Rewrites {
        generator: plan.generator,
        relinker,
        include_root: plan.include_root.clone(),
        snippets: plan.snippets.clone(),
    };
    let mut plan = plan;
    let mut weights = weights(&plan, &pages);
    let dated = pages.iter().map(|p| (p.entry.dest.as_str(), &p.raw));
    let (by_date, sections) = match plan.generator {
        Generator::Hugo => super::dates::hugo(dated),
        Generator::Zola => super::dates::zola(dated),
        _ => Default::default(),
    };
    for section in sections {
        report.notes.push(format!(
            "{section}/: {} listed its pages by date, newest first; weights keep that order",
            plan.generator.name()
        ));
    }
    for (dest, weight) in by_date {
        weights.entry(dest).or_insert(weight);
    }
    let mut titles: BTreeMap<String, String> = plan
        .order
        .iter()
        .filter_map(|(dest, title)| Some((dest.clone(), title.clone()?)))
        .collect();
    let weights = place_folders(&mut plan, weights, &mut titles);
    let titles: BTreeMap<&str, &str> = titles
        .iter()
        .map(|(dest, title)| (dest.as_str(), title.as_str()))
        .collect();
    for page in pages {
        let weight = weights.get(&page.entry.dest).copied();
        let title = titles.get(page.entry.dest.as_str()).copied();
        let hints = Hints { weight, title };
        write_page(&rewrites, page, hints, dir, &mut report)?;
    }
    for (dest, meta) in &plan.generated {
        let mut meta = meta.clone();
        let weight = weights.get(dest).copied();
        let title = titles.get(dest.as_str()).copied();
        apply_hints(&mut meta, weight, title, "", &mut report);
        write(&dir.join(dest), frontmatter::render(&meta, ""))?;
        report.generated.push(dest.clone());
    }
    for asset in &plan.assets {
        copy(&asset.source, &dir.join(&asset.dest))?;
        report.assets += 1;
    }
    std::fs::create_dir_all(dir.join("content")).map_err(|e| io(dir, e))?;
    let config = credo_yaml(&plan);
    write(&dir.join(crate::config::CONFIG_FILE), config)?;
    report.title = plan.site.title.clone().unwrap_or_default();
    Ok(report)
}

/// The role of each page whose name makes it its folder's own page: a
/// section page when its folder holds other pages (or is `content/`),
/// else the page of a bundle, which keeps page keys.
fn roles(plan: &Plan) -> BTreeMap<&str, Role> {
    let dests: BTreeSet<&str> = plan
        .pages
        .iter()
        .map(|p| p.dest.as_str())
        .chain(plan.generated.iter().map(|(d, _)| d.as_str()))
        .collect();
    let mut roles = BTreeMap::new();
    for dest in &dests {
        let (folder, name) = dest.rsplit_once('/').unwrap_or(("", dest));
        // A translation (`_index.fr.md`) has its original's role.
        let name = untranslated_name(name, &plan.site.languages);
        let name = name.as_str();
        let holds_others = || {
            let prefix = format!("{folder}/");
            dests.iter().any(|other| {
                other != dest
                    && other.starts_with(&prefix)
                    && !is_folder_page_of(other, folder, &plan.site.languages)
            })
        };
        let section = name == "_index.md"
            || (FOLDER_PAGES.contains(&name) && (folder == "content" || holds_others()));
        roles.insert(*dest, if section { Role::Section } else { Role::Page });
    }
    roles
}

/// A file name without the language of a translation (`_index.fr.md` →
/// `_index.md`) when `languages` has that language.
fn untranslated_name(name: &str, languages: &BTreeMap<String, Language>) -> String {
    let Some((stem, lang)) = name
        .strip_suffix(".md")
        .and_then(|stem| stem.rsplit_once('.'))
    else {
        return name.to_string();
    };
    if languages.contains_key(lang) {
        format!("{stem}.md")
    } else {
        name.to_string()
    }
}

/// `true` when `path` is one of `folder`'s own page names (or a
/// translation of one).
fn is_folder_page_of(path: &str, folder: &str, languages: &BTreeMap<String, Language>) -> bool {
    path.rsplit_once('/').is_some_and(|(f, name)| {
        f == folder && FOLDER_PAGES.contains(&untranslated_name(name, languages).as_str())
    })
}

fn read_page(entry: &Entry, role: Option<Role>, generator: Generator) -> Result<Page, String> {
    let bytes = std::fs::read(&entry.source).map_err(|e| format!("cannot read: {e}"))?;
    let text =
        String::from_utf8(bytes).map_err(|_| "not UTF-8 text; copied as it was".to_string())?;
    let parts = frontmatter::split(&text);
    let format = parts.format;
    let raw = frontmatter::parse_block(format, parts.block)
        .map_err(|e| format!("front matter not converted ({e}); copied as it was"))?;
    let keys = match generator {
        Generator::Jekyll => super::jekyll::split_taxonomies(&raw),
        _ => raw.clone(),
    };
    let converted = frontmatter::convert(keys, role.unwrap_or(Role::Page));
    Ok(Page {
        entry: entry.clone(),
        text,
        format,
        raw,
        converted,
    })
}

/// Gives each folder weight (keyed by the folder) and folder title of the
/// plan to the folder's own page, made as a front-matter-only `_index.md`
/// when the folder has none; returns the weights keyed by page, and adds
/// the titles to `titles`.
fn place_folders(
    plan: &mut Plan,
    weights: BTreeMap<String, i64>,
    titles: &mut BTreeMap<String, String>,
) -> BTreeMap<String, i64> {
    let mut by_page = BTreeMap::new();
    let mut folder_hints: Vec<(String, Option<i64>, Option<String>)> = Vec::new();
    for (key, weight) in weights {
        if key.ends_with(".md") {
            by_page.insert(key, weight);
        } else {
            folder_hints.push((key, Some(weight), None));
        }
    }
    for (folder, title) in std::mem::take(&mut plan.folder_titles) {
        match folder_hints.iter_mut().find(|(f, _, _)| *f == folder) {
            Some(hint) => {
                hint.2.get_or_insert(title);
            }
            None => folder_hints.push((folder, None, Some(title))),
        }
    }
    for (folder, weight, title) in folder_hints {
        let existing = FOLDER_PAGES
            .iter()
            .map(|name| format!("{folder}/{name}"))
            .find(|dest| {
                plan.pages.iter().any(|p| &p.dest == dest)
                    || plan.generated.iter().any(|(d, _)| d == dest)
            });
        let page = existing.unwrap_or_else(|| {
            let dest = format!("{folder}/_index.md");
            plan.generated.push((dest.clone(), Mapping::new()));
            dest
        });
        if let Some(weight) = weight {
            by_page.insert(page.clone(), weight);
        }
        if let Some(title) = title {
            titles.entry(page).or_insert(title);
        }
    }
    by_page
}

/// Marks a page `draft: true`, which credo leaves out unless built with
/// `--drafts`.
fn make_draft(converted: &mut Converted, because: &str, over_false: bool) {
    let key = Value::String("draft".into());
    let unset = match converted.meta.get(&key) {
        None => true,
        Some(Value::Bool(false)) => over_false,
        Some(_) => false,
    };
    if unset {
        converted.meta.insert(key, Value::Bool(true));
        converted.mapped.push((because.to_string(), "draft"));
        converted.meta = frontmatter::in_key_order(std::mem::take(&mut converted.meta));
    }
}

/// The URL the source served the page `dest` at (Docusaurus's
/// `/docs/intro`, without the number prefixes its files keep here), as an
/// old URL, unless credo serves it there too.
fn served_elsewhere(plan: &Plan, dest: &str, raw: &Mapping) -> Vec<super::OldUrl> {
    let Some(path) = plan
        .served_at
        .and_then(|url_of| url_of(dest, raw, &plan.site))
    else {
        return Vec::new();
    };
    let below = plan.served_below.trim_matches('/');
    let old = match (below, path.trim_matches('/')) {
        ("", path) => format!("/{path}/"),
        (below, "") => format!("/{below}/"),
        (below, path) => format!("/{below}/{path}/"),
    };
    let credo = match super::credo_path(dest) {
        "" => "/".to_string(),
        path => format!("/{path}/"),
    };
    if old == credo || old == "//" {
        return Vec::new();
    }
    vec![("served URL", Ok(old))]
}

/// Adds the URLs a page was served at to its `aliases` (after those it
/// lists), each counted as a mapping of its key (`slug → aliases`).
fn add_aliases(converted: &mut Converted, urls: Vec<super::OldUrl>) {
    if urls.is_empty() {
        return;
    }
    let key = Value::String("aliases".into());
    let mut aliases = match converted.meta.remove(&key) {
        Some(Value::Sequence(items)) => items,
        _ => Vec::new(),
    };
    for (from, url) in urls {
        let Ok(url) = url else { continue };
        let url = Value::String(url);
        if !aliases.contains(&url) {
            aliases.push(url);
            converted.mapped.push((from.to_string(), "aliases"));
        }
    }
    converted.meta.insert(key, Value::Sequence(aliases));
    converted.meta = frontmatter::in_key_order(std::mem::take(&mut converted.meta));
}

/// Weights from the plan's reading order, or from the positions the pages
/// and category files give.
fn weights(plan: &Plan, pages: &[Page]) -> BTreeMap<String, i64> {
    if plan.rank_front_matter {
        let mut positions = plan.positions.clone();
        // Docusaurus orders a file without `sidebar_position` by its number
        // prefix (`02-zebra.md`).
        let prefix = |dest: &str| {
            (plan.generator == Generator::Docusaurus)
                .then(|| super::docusaurus::number_prefix(dest))
                .flatten()
        };
        positions.extend(pages.iter().filter_map(|p| {
            let position = p.converted.position.or_else(|| prefix(&p.entry.dest))?;
            Some((p.entry.dest.clone(), position))
        }));
        order::weights_from_positions(&positions)
    } else {
        order::weights_from_order(plan.order.iter().map(|(dest, _)| dest.as_str()))
    }
}

/// What the reading order gives a page.
struct Hints<'a> {
    weight: Option<i64>,
    title: Option<&'a str>,
}

/// How the pages' bodies are rewritten: for the source's generator, by
/// the URLs it served, with its includes.
struct Rewrites {
    generator: Generator,
    relinker: Relinker,
    /// The folder a page's includes may be read from (mdBook's
    /// `{{#include}}`, GitBook's, Docsify's, MkDocs' snippets).
    include_root: Option<std::path::PathBuf>,
    /// How MkDocs' snippets are read.
    snippets: super::snippets::Settings,
}

fn write_page(
    rewrites: &Rewrites,
    page: Page,
    Hints { weight, title }: Hints,
    dir: &Path,
    report: &mut Report,
) -> Result<(), Error> {
    let generator = rewrites.generator;
    let Page {
        entry,
        text,
        format,
        raw,
        converted,
    } = page;
    report.pages += 1;
    report.count_keys(&converted);
    let body = frontmatter::split(&text).body;
    let expanded = rewrites.include_root.as_deref().and_then(|root| {
        let (expanded, problems) = match generator {
            Generator::GitBook => super::gitbook::expand_includes(body, &entry.source, root),
            Generator::Docsify => {
                super::docsify::expand_embeds(body, &entry.source, &entry.dest, root)
            }
            Generator::MkDocs => {
                let settings = &rewrites.snippets;
                super::snippets::Snippets { settings, root }.expand(body)
            }
            _ => super::mdbook::expand(body, &entry.source, root),
        };
        (report.notes).extend(problems.into_iter().map(|p| format!("{}: {p}", entry.dest)));
        expanded
    });
    if expanded.is_some() {
        report.includes.push(entry.dest.clone());
    }
    let body = expanded.as_deref().unwrap_or(body);
    for what in body::hand_work(body, generator) {
        report.hand_work.push((entry.dest.clone(), what));
    }
    let callouts = body::convert(body, generator);
    if callouts.is_some() {
        report.callouts.push(entry.dest.clone());
    }
    let body = callouts.as_deref().unwrap_or(body);
    let relinked = links::relink(body, |url| rewrites.relinker.rewrite(&entry.dest, url));
    if relinked.is_some() {
        report.relinked.push(entry.dest.clone());
    }
    let changed = expanded.is_some() || callouts.is_some() || relinked.is_some();
    let body = relinked.as_deref().unwrap_or(body);
    // What the conversions left, as `credo check` finds it (MDX's
    // `style={{…}}` is raw HTML, not template code).
    if crate::markdown::template_code(body).is_some() {
        report.template_code.push(entry.dest.clone());
    }
    let mut meta = converted.meta;
    apply_hints(&mut meta, weight, title, body, report);
    let target = dir.join(&entry.dest);
    let unchanged = !changed
        && match format {
            Format::None => meta.is_empty(),
            Format::Yaml => meta == raw,
            Format::Toml => false,
        };
    if unchanged {
        report.untouched += 1;
        return copy(&entry.source, &target);
    }
    match format {
        Format::Toml => report.from_toml += 1,
        Format::Yaml => report.rewritten += 1,
        // Its callouts rewritten (counted as such), it needs no front
        // matter still.
        Format::None if meta.is_empty() => return write(&target, body.to_string()),
        Format::None => report.given_front_matter += 1,
    }
    write(&target, frontmatter::render(&meta, body))
}

/// Sets the weight a reading order gives, and the title it gives when the
/// page has none (neither in front matter nor as a `# heading`).
fn apply_hints(
    meta: &mut Mapping,
    weight: Option<i64>,
    title: Option<&str>,
    body: &str,
    report: &mut Report,
) {
    if let Some(weight) = weight {
        let key = Value::String("weight".into());
        if meta.get(&key) != Some(&Value::from(weight)) {
            meta.insert(key, Value::from(weight));
            report.weights += 1;
        }
    }
    let has_title = meta.contains_key("title") || frontmatter::has_h1(body);
    if let Some(title) = title.filter(|t| !t.is_empty() && !has_title) {
        // Title first, where an author looks for it.
        let mut with_title = Mapping::new();
        with_title.insert("title".into(), Value::String(title.to_string()));
        with_title.extend(std::mem::take(meta));
        *meta = with_title;
        report.titles += 1;
    }
    *meta = frontmatter::in_key_order(std::mem::take(meta));
}

/// The new site's credo.yaml.
#[derive(Serialize)]
struct CredoYaml<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    base_url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    languages: &'a BTreeMap<String, Language>,
}

fn credo_yaml(plan: &Plan) -> String {
    let site = &plan.site;
    // A base URL credo would refuse (a relative one, say) is left for the
    // author: the site builds at `/` meanwhile.
    let base_url = site
        .base_url
        .as_deref()
        .filter(|url| crate::config::base_url_problem(url).is_none())
        .unwrap_or("/");
    let config = CredoYaml {
        title: site.title.as_deref().unwrap_or("Handbook"),
        description: site.description.as_deref(),
        base_url,
        language: site.language.as_deref(),
        languages: &site.languages,
    };
    let yaml = serde_yaml::to_string(&config).unwrap_or_default();
    format!(
        "# Imported from {} by `credo import`.\n{yaml}",
        plan.generator.name()
    )
}

fn write(path: &Path, text: String) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
    }
    std::fs::write(path, text).map_err(|e| io(path, e))
}

fn copy(from: &Path, to: &Path) -> Result<(), Error> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
    }
    std::fs::copy(from, to).map(|_| ()).map_err(|e| io(from, e))
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source,
    }
}
