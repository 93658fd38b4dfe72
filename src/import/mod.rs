//! `credo import SRC DIR`: a new credo site in DIR from a folder of Markdown
//! or another generator's site, leaving SRC as it was.
//!
//! Three steps: [`detect`] which generator wrote SRC; its module (one per
//! source kind) makes a [`Plan`], which lists every page and asset with the
//! place it takes in DIR, the reading order the generator keeps outside the
//! pages, and the site's title; [`write::execute`] carries the plan out,
//! converting front matter ([`frontmatter`]) and turning orders into weights
//! ([`order`]), and returns the [`Report`] printed to the user. [`command`]
//! then runs `credo check` on the new site.

mod body;
mod dates;
mod docsify;
mod docusaurus;
pub mod frontmatter;
mod gitbook;
mod hugo;
mod includes;
mod jekyll;
mod links;
mod mdbook;
mod mdx;
mod mkdocs;
pub(crate) mod order;
mod plain;
mod python_markdown;
mod report;
mod shortcodes;
pub(crate) mod snippets;
mod starlight;
mod summary;
mod template_code;
mod vitepress;
mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};
use walkdir::WalkDir;

pub(crate) use report::Report;

use crate::error::Error;

/// The generator an imported site was written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Generator {
    /// Hugo: `hugo.toml` or `config.*` beside `content/` (or its `contentDir`).
    Hugo,
    /// Zola: `config.toml` (or `zola.toml`) with `base_url`, beside `content/`.
    Zola,
    /// Jekyll: `_config.yml`.
    Jekyll,
    /// MkDocs: `mkdocs.yml`.
    MkDocs,
    /// Docusaurus: `docusaurus.config.js` or `.ts` beside `docs/`.
    Docusaurus,
    /// mdBook: `book.toml` and `SUMMARY.md`.
    MdBook,
    /// GitBook: `.gitbook.yaml`, or a `SUMMARY.md` without `book.toml`.
    GitBook,
    /// VitePress: `.vitepress/config.*`, at the top or in `docs/`.
    VitePress,
    /// VuePress: `.vuepress/config.*`, at the top or in `docs/`.
    VuePress,
    /// Astro Starlight: an `astro.config.*` that sets Starlight up, beside
    /// `src/content/docs/`.
    Starlight,
    /// Docsify: an `index.html` configuring `$docsify`, at the top or in
    /// `docs/`.
    Docsify,
    /// A folder of Markdown, GitHub style.
    Plain,
}

impl Generator {
    /// The name users know it by.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Generator::Hugo => "Hugo",
            Generator::Zola => "Zola",
            Generator::Jekyll => "Jekyll",
            Generator::MkDocs => "MkDocs",
            Generator::Docusaurus => "Docusaurus",
            Generator::MdBook => "mdBook",
            Generator::GitBook => "GitBook",
            Generator::VitePress => "VitePress",
            Generator::VuePress => "VuePress",
            Generator::Starlight => "Starlight",
            Generator::Docsify => "Docsify",
            Generator::Plain => "plain Markdown",
        }
    }
}

/// What the source's configuration says about the site.
#[derive(Debug, Default)]
pub(crate) struct SiteInfo {
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) base_url: Option<String>,
    pub(crate) language: Option<String>,
    /// The other languages, by code (credo.yaml `languages:`).
    pub(crate) languages: BTreeMap<String, Language>,
    /// How the source made its posts' URLs (Jekyll's `permalink:`: `date`,
    /// `pretty`, or a pattern of `:year`, `:title`, …).
    pub(crate) permalink: Option<String>,
    /// How the source made the URLs of each section's pages (Hugo's
    /// `[permalinks]`: `posts = "/blog/:year/:slug/"`), by section.
    pub(crate) permalinks: BTreeMap<String, String>,
    /// The path the source served its default language's pages below,
    /// where not the root (Starlight's `defaultLocale: 'en'` with no
    /// `root` locale: `en`); credo serves them at the root.
    pub(crate) default_language_path: Option<String>,
}

/// One of the source's other languages, as credo.yaml names it.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
pub(crate) struct Language {
    /// Its name, in itself.
    pub(crate) name: String,
    /// The site's title in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) title: Option<String>,
    /// The site's description in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<String>,
}

/// One file to copy: from `source` to `dest` (relative to DIR, `/`-separated).
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) source: PathBuf,
    pub(crate) dest: String,
}

/// Everything an import will write, decided before anything is.
#[derive(Debug)]
pub(crate) struct Plan {
    pub(crate) generator: Generator,
    pub(crate) site: SiteInfo,
    /// Markdown pages, their front matter to convert.
    pub(crate) pages: Vec<Entry>,
    /// Every other file, copied byte for byte.
    pub(crate) assets: Vec<Entry>,
    /// A reading order kept outside the pages (SUMMARY.md, the MkDocs nav):
    /// page dests, with the title the order gives them.
    pub(crate) order: Vec<(String, Option<String>)>,
    /// Titles of folders kept outside them (an MkDocs nav section):
    /// (folder dest, title).
    pub(crate) folder_titles: Vec<(String, String)>,
    /// Positions of folder pages kept outside them (`_category_.json`).
    pub(crate) positions: Vec<(String, f64)>,
    /// Whether the pages' own positions (`nav_order`, `sidebar_position`)
    /// are ranked into weights.
    pub(crate) rank_front_matter: bool,
    /// Folder pages made from nothing but their front matter.
    pub(crate) generated: Vec<(String, Mapping)>,
    /// What was left out, and why, for the report.
    pub(crate) skipped: Vec<String>,
    /// What else the report says: a page renamed, a file to look at.
    pub(crate) notes: Vec<String>,
    /// The URLs a page was served at that credo will not serve it at
    /// (Hugo's `slug`, `url`), from its dest and front matter, as (key,
    /// URL): kept as its `aliases`, or, where no alias can redirect from
    /// it, reported.
    pub(crate) old_urls: Option<OldUrls>,
    /// Page dests the source keeps unpublished (Jekyll's `_drafts/`, an
    /// mdBook's pages SUMMARY.md leaves out), each with why, as the report
    /// names it (`_drafts/`): each gets `draft: true`.
    pub(crate) drafts: BTreeMap<String, &'static str>,
    /// Where the source served a page, from its dest, front matter and the
    /// site: its URL path below [`Plan::served_below`]. Links written for
    /// those URLs are rewritten by it (see [`links`]).
    pub(crate) served_at: Option<ServedAt>,
    /// The path the source served every page below (`/` but for
    /// Docusaurus's `/docs/`).
    pub(crate) served_below: String,
    /// The folder a page's includes may be read from (mdBook's
    /// `{{#include}}`, GitBook's, Docsify's, MkDocs' snippets), when the
    /// source has them.
    pub(crate) include_root: Option<PathBuf>,
    /// How MkDocs' snippets (`--8<-- "file"`) are read (see [`snippets`]).
    pub(crate) snippets: snippets::Settings,
    /// Pages the import renamed, (from, to) as dests: links to them follow.
    pub(crate) renamed: Vec<(String, String)>,
    /// Folders of files the import moved, (from, to) as dests: GitBook's
    /// hidden `.gitbook/assets`, which credo would not publish, to a
    /// visible one. Links into them follow (see [`links`]).
    pub(crate) moved_folders: Vec<(String, String)>,
    /// Old URLs the source's configuration redirects to a page (mdBook's
    /// `[output.html.redirect]`), as (page dest, URL): its `aliases`.
    pub(crate) redirects: Vec<(String, String)>,
}

/// See [`Plan::served_at`].
pub(crate) type ServedAt = fn(&str, &Mapping, &SiteInfo) -> Option<String>;

/// See [`Plan::old_urls`].
pub(crate) type OldUrls = fn(&str, &Mapping, &SiteInfo) -> Vec<OldUrl>;

/// An old URL of a page: the front matter key it came from, and the URL,
/// `Err` when credo can make no alias for it (a translation's URL outside
/// its language), to report.
pub(crate) type OldUrl = (&'static str, Result<String, String>);

impl Plan {
    fn new(generator: Generator, site: SiteInfo) -> Plan {
        Plan {
            generator,
            site,
            pages: Vec::new(),
            assets: Vec::new(),
            order: Vec::new(),
            folder_titles: Vec::new(),
            positions: Vec::new(),
            rank_front_matter: false,
            generated: Vec::new(),
            skipped: Vec::new(),
            notes: Vec::new(),
            old_urls: None,
            drafts: BTreeMap::new(),
            served_at: None,
            served_below: "/".to_string(),
            include_root: None,
            snippets: snippets::Settings::default(),
            renamed: Vec::new(),
            moved_folders: Vec::new(),
            redirects: Vec::new(),
        }
    }

    /// A page renamed `x.md` (from `x.MD`, `x.markdown`) beside a real
    /// `x.md` would overwrite it: it stays as written, a file of the site,
    /// and the report says so.
    fn keep_renamed_pages_apart(&mut self) {
        let is_md = |e: &Entry| e.source.extension().is_some_and(|x| x == "md");
        let mut taken: BTreeSet<String> = BTreeSet::new();
        for entry in self.pages.iter().filter(|e| is_md(e)) {
            taken.insert(entry.dest.clone());
        }
        let mut apart = Vec::new();
        self.pages.retain(|entry| {
            if is_md(entry) || taken.insert(entry.dest.clone()) {
                return true;
            }
            apart.push(entry.clone());
            false
        });
        for mut entry in apart {
            let name = entry
                .source
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            let Some(name) = name else { continue };
            let folder = entry.dest.rsplit_once('/').map_or("", |(f, _)| f);
            entry.dest = join(folder, &name);
            self.notes.push(format!(
                "{}: beside a page of the same name, so copied as it is (rename it to make it a page)",
                entry.dest
            ));
            self.assets.push(entry);
        }
    }

    /// Leaves out the source's files where credo writes its own: its
    /// theme's `style.css`, `credo.js`, … (the source's, made for its
    /// templates, would replace them and unstyle every page) and the
    /// outputs of [`crate::outputs`] (`404.html`, `highlight.css`, …).
    fn leave_out_theme_files(&mut self) {
        // The theme's files, and what the table of outputs writes.
        let theme = crate::render::theme::builtin_static_names();
        let ours = |name: &str| theme.contains(&name) || crate::outputs::find(name).is_some();
        let mut left_out = Vec::new();
        self.assets.retain(|asset| {
            let top = ["static/", "content/"]
                .iter()
                .find_map(|root| asset.dest.strip_prefix(root));
            let theirs = top.is_some_and(ours);
            if theirs {
                left_out.push(top.unwrap_or_default().to_string());
            }
            !theirs
        });
        for name in left_out {
            self.skipped.push(format!(
                "{name}: credo writes its own at that URL (the source's, made for its theme, would replace it)"
            ));
        }
    }

    /// Leaves out an `index.html` at the top of `content/` (a landing page
    /// left from an old site) or in a folder of pages: credo writes the
    /// home page, or the folder's own page, at that file's URL. The report
    /// names the page that is there instead.
    fn leave_out_landing_pages(&mut self) {
        let pages: Vec<&str> = (self.pages.iter().map(|p| p.dest.as_str()))
            .chain(self.generated.iter().map(|(dest, _)| dest.as_str()))
            .collect();
        let mut left_out = Vec::new();
        self.assets.retain(|asset| {
            let Some(folder) = asset.dest.strip_suffix("index.html") else {
                return true;
            };
            let clashes = folder == "content/"
                || (folder.starts_with("content/") && pages.iter().any(|p| p.starts_with(folder)));
            if clashes {
                // The folder's own page, as credo picks it.
                let own = (pages.iter())
                    .filter_map(|p| {
                        let name = p.strip_prefix(folder)?.strip_suffix(".md")?;
                        Some((crate::load::own_page_rank(name)?, *p))
                    })
                    .min()
                    .map(|(_, p)| p.trim_start_matches("content/").to_string());
                let file = asset.dest.trim_start_matches("content/").to_string();
                left_out.push((file, folder == "content/", own));
            }
            !clashes
        });
        for (file, top, own) in left_out {
            let page = match top {
                true => "the home page",
                false => "the folder's own page",
            };
            self.skipped.push(match own {
                Some(own) => format!(
                    "{file}: a page of its own where credo writes {page} ({own}): copy what it says into {own} if it is still wanted"
                ),
                None => format!(
                    "{file}: a page of its own where credo writes {page}: copy what it says into a page if it is still wanted"
                ),
            });
        }
    }

    /// Renames all but one of a folder's own pages (`index.md` beside
    /// `README.md`, as a Jekyll or GitHub Pages site has them): credo takes
    /// one, `_index.md`, else `index.md`, else `README.md`, and refuses two.
    /// The others become `README-page.md` (or `index-page.md`), pages of
    /// the folder, and the report says so.
    fn keep_one_folder_page(&mut self) {
        let mut by_folder: BTreeMap<String, Vec<(u8, String)>> = BTreeMap::new();
        for page in &self.pages {
            let (folder, name) = page.dest.rsplit_once('/').unwrap_or(("", &page.dest));
            let stem = name.strip_suffix(".md").unwrap_or(name);
            if let Some(rank) = crate::load::own_page_rank(stem) {
                by_folder
                    .entry(folder.to_string())
                    .or_default()
                    .push((rank, page.dest.clone()));
            }
        }
        let taken: BTreeSet<String> = self.pages.iter().map(|p| p.dest.clone()).collect();
        for (folder, mut own) in by_folder {
            own.sort();
            let kept = own.remove(0).1;
            for (_, dest) in own {
                let stem = dest
                    .rsplit('/')
                    .next()
                    .unwrap_or(&dest)
                    .trim_end_matches(".md");
                let renamed = format!("{folder}/{stem}-page.md");
                if taken.contains(&renamed) {
                    continue;
                }
                self.rename_page(&dest, &renamed);
                self.notes.push(format!(
                    "renamed {dest} to {renamed}: {kept} is the folder's own page, and credo takes one"
                ));
            }
        }
    }

    /// Moves the page at `from` to `to`, in the reading order too.
    pub(super) fn rename_page(&mut self, from: &str, to: &str) {
        self.renamed.push((from.to_string(), to.to_string()));
        for page in self.pages.iter_mut().filter(|p| p.dest == from) {
            page.dest = to.to_string();
        }
        for (dest, _) in self.order.iter_mut().filter(|(d, _)| d == from) {
            *dest = to.to_string();
        }
        for (dest, _) in self.positions.iter_mut().filter(|(d, _)| d == from) {
            *dest = to.to_string();
        }
        if let Some(because) = self.drafts.remove(from) {
            self.drafts.insert(to.to_string(), because);
        }
        // A redirect the source made to the page (mdBook's) follows it.
        for (dest, _) in self.redirects.iter_mut().filter(|(d, _)| d == from) {
            *dest = to.to_string();
        }
    }

    /// Adds every file under `from` (skipping hidden files, `node_modules`
    /// and what `skip` names by its `/`-separated path under `from`; the
    /// hidden ones it does not name are reported) below
    /// the DIR-relative folder `to`. Markdown files are pages; `.markdown`
    /// and `.mdx` files take the `.md` credo reads.
    fn add_tree(&mut self, from: &Path, to: &str, skip: &dyn Fn(&str) -> bool) {
        let mut hidden: Vec<String> = (std::fs::read_dir(from).into_iter().flatten().flatten())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            // What `skip` names, the caller reports.
            .filter(|name| name.starts_with('.') && name != ".git" && !skip(name))
            .collect();
        if !hidden.is_empty() {
            hidden.sort();
            self.skipped.push(format!(
                "{}: hidden, and credo publishes no file or folder whose name starts with `.`",
                hidden.join(", ")
            ));
        }
        let walker = WalkDir::new(from)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                e.depth() == 0 || !(name.starts_with('.') || name == "node_modules")
            });
        for entry in walker.flatten() {
            let Ok(rel) = entry.path().strip_prefix(from) else {
                continue;
            };
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if rel.is_empty() || entry.file_type().is_dir() || skip(&rel) {
                continue;
            }
            if entry.path_is_symlink() {
                self.skipped.push(format!("{rel}: a symbolic link"));
                continue;
            }
            self.add_file(entry.path(), &rel, to);
        }
    }

    /// Copies the visible files under `folder`, a folder credo would not
    /// publish where it is (GitBook's hidden `.gitbook/assets`, Starlight's
    /// `src/assets` outside the docs), to a folder of `content/`: the first
    /// of `names` no page or file takes, else the last numbered (`-2`, `-3`,
    /// …). Links written to `from` (a dest, `content/.gitbook/assets`)
    /// follow it. Returns its dest and how many files it holds.
    fn move_folder(&mut self, folder: &Path, from: String, names: &[&str]) -> (String, usize) {
        let taken = |name: &str| {
            let prefix = format!("content/{name}/");
            (self.pages.iter().chain(&self.assets)).any(|e| e.dest.starts_with(&prefix))
        };
        let last = names.last().copied().unwrap_or("assets");
        let name = (names.iter().map(|n| n.to_string()))
            .chain((2..).map(|n| format!("{last}-{n}")))
            .find(|name| !taken(name))
            .unwrap_or_default();
        let to = format!("content/{name}");
        let mut copied = 0;
        for entry in WalkDir::new(folder)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let Ok(rel) = entry.path().strip_prefix(folder) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            let hidden = rel.split('/').any(|part| part.starts_with('.'));
            if rel.is_empty() || hidden || !entry.file_type().is_file() {
                continue;
            }
            self.assets.push(Entry {
                source: entry.path().to_path_buf(),
                dest: format!("{to}/{rel}"),
            });
            copied += 1;
        }
        self.moved_folders.push((from, to.clone()));
        (to, copied)
    }

    /// Adds one file at `rel` under the DIR-relative folder `to`.
    fn add_file(&mut self, source: &Path, rel: &str, to: &str) {
        // `x.markdown`, `x.mdx` and `x.MD` are pages, which credo reads as `x.md`.
        let page_stem = crate::markdown::markdown_stem(rel);
        let entry = Entry {
            source: source.to_path_buf(),
            dest: join(
                to,
                &page_stem.map_or(rel.to_string(), |stem| format!("{stem}.md")),
            ),
        };
        if page_stem.is_some() {
            self.pages.push(entry);
        } else {
            self.assets.push(entry);
        }
    }
}

/// The URL path (no `/` at either end) credo serves the page `dest`
/// (`content/a/b.md`) at: its path, a folder's own page at the folder.
pub(crate) fn credo_path(dest: &str) -> &str {
    let path = crate::load::content_path(dest);
    match path.rsplit_once('/').unwrap_or(("", path)) {
        (folder, name) if crate::load::own_page_rank(name).is_some() => folder,
        _ => path,
    }
}

fn join(folder: &str, rel: &str) -> String {
    if folder.is_empty() {
        rel.to_string()
    } else {
        format!("{folder}/{rel}")
    }
}

/// Site generators' configuration files, which an import never copies
/// into `content/` (it would be published there).
pub(crate) const GENERATOR_CONFIGS: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.json",
    "zola.toml",
    "book.toml",
    "mkdocs.yml",
    "mkdocs.yaml",
    "_config.yml",
    "_config.yaml",
    crate::config::CONFIG_FILE,
];

/// Which generator wrote the site in `src`. Checked from the most specific
/// marker to the least: a Zola config is a `config.toml` too.
pub(crate) fn detect(src: &Path) -> Generator {
    let has = |name: &str| src.join(name).is_file();
    let content = src.join("content").is_dir();
    if has("book.toml") {
        Generator::MdBook
    } else if has(gitbook::CONFIG) {
        Generator::GitBook
    } else if vitepress::root(src, Generator::VitePress).is_some() {
        Generator::VitePress
    } else if vitepress::root(src, Generator::VuePress).is_some() {
        Generator::VuePress
    } else if starlight::is_starlight(src) {
        // Before the markers an Astro project may carry for other reasons
        // (a `docs/`, a `_config.yml` left from GitHub Pages): an Astro
        // configuration naming Starlight says which generator builds it.
        Generator::Starlight
    } else if ["js", "ts", "mjs", "cjs"]
        .iter()
        .any(|ext| has(&format!("docusaurus.config.{ext}")))
    {
        Generator::Docusaurus
    } else if has("mkdocs.yml") || has("mkdocs.yaml") {
        Generator::MkDocs
    } else if has("_config.yml") || has("_config.yaml") {
        Generator::Jekyll
    } else if content && (has("zola.toml") || hugo::is_zola_config(&src.join("config.toml"))) {
        Generator::Zola
    } else if hugo::is_hugo(src) {
        Generator::Hugo
    } else if docsify::root(src).is_some() {
        // After every generator with a marker of its own: a Jekyll or Hugo
        // site has an `index.html` too (one without `$docsify` is no
        // Docsify site at all).
        Generator::Docsify
    } else if (std::fs::read_to_string(src.join("SUMMARY.md")).ok())
        .is_some_and(|text| summary::is_table_of_contents(&text))
    {
        // A SUMMARY.md of prose (a report's summary) is no book's.
        Generator::GitBook
    } else {
        Generator::Plain
    }
}

/// Imports `src` into `dir` and says what was done; nothing in `src` is
/// written. Usage errors: `src` is not a folder or is a credo site already
/// (`credo.yaml` and `content/`), `dir` is not empty or lies inside `src`.
pub(crate) fn import(src: &Path, dir: &Path) -> Result<Report, Error> {
    if !src.is_dir() {
        return Err(Error::Usage(format!(
            "cannot import {}: it is not a folder",
            src.display()
        )));
    }
    if crate::pipeline::is_non_empty_dir(dir) || dir.is_file() {
        return Err(Error::Usage(format!(
            "refusing to import into {}: it is not empty (name a new folder)",
            dir.display()
        )));
    }
    if is_inside(dir, src) {
        return Err(Error::Usage(format!(
            "refusing to import into {}: it is inside {}, which the import leaves unchanged (name a folder outside it)",
            dir.display(),
            src.display()
        )));
    }
    if src.join(crate::config::CONFIG_FILE).is_file() && src.join("content").is_dir() {
        return Err(Error::Usage(format!(
            "{} is a credo site already (it has {}): there is nothing to import; \
             build or serve it as it is (`credo serve -r {}`), or copy the folder",
            src.display(),
            crate::config::CONFIG_FILE,
            src.display()
        )));
    }
    let generator = detect(src);
    let mut plan = match generator {
        Generator::Hugo => hugo::plan_hugo(src),
        Generator::Zola => hugo::plan_zola(src),
        Generator::Jekyll => jekyll::plan(src),
        Generator::MkDocs => mkdocs::plan(src),
        Generator::Docusaurus => docusaurus::plan(src),
        Generator::MdBook => mdbook::plan(src),
        Generator::GitBook => gitbook::plan(src),
        generator @ (Generator::VitePress | Generator::VuePress) => vitepress::plan(src, generator),
        Generator::Starlight => starlight::plan(src),
        Generator::Docsify => docsify::plan(src),
        Generator::Plain => plain::plan(src),
    };
    if plan
        .site
        .title
        .as_deref()
        .is_none_or(|t| t.trim().is_empty())
    {
        plan.site.title = Some(fallback_title(src));
    }
    plan.keep_one_folder_page();
    plan.keep_renamed_pages_apart();
    plan.leave_out_theme_files();
    plan.leave_out_landing_pages();
    write::execute(plan, dir)
}

/// `true` when `dir` (which may not exist yet) is `src` or lies below it.
fn is_inside(dir: &Path, src: &Path) -> bool {
    let Ok(src) = src.canonicalize() else {
        return false;
    };
    let Ok(dir) = std::path::absolute(dir) else {
        return false;
    };
    // Canonicalise the deepest existing ancestor, so `..` and symlinks in
    // the part that exists are resolved.
    let mut missing = Vec::new();
    let mut existing = dir.as_path();
    while !existing.exists() {
        let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) else {
            return false;
        };
        missing.push(name.to_os_string());
        existing = parent;
    }
    let Ok(mut resolved) = existing.canonicalize() else {
        return false;
    };
    resolved.extend(missing.iter().rev());
    resolved.starts_with(&src)
}

/// A site's title when its configuration gives none: the title of its
/// top README.md or index.md, else the folder's name.
pub(crate) fn fallback_title(dir: &Path) -> String {
    heading_title(dir).unwrap_or_else(|| folder_name(dir))
}

/// The title of `dir`'s README.md, index.md or _index.md, in whatever case
/// GitHub shows it in (`Readme.md`, `README.MD`, `readme.markdown`), as
/// `credo import` makes it the home page: its front matter's `title`, else
/// its first `# heading` (see [`page_title`]).
pub(crate) fn heading_title(dir: &Path) -> Option<String> {
    let rank = |name: &str| {
        let (stem, extension) = name.rsplit_once('.')?;
        let extension = extension.to_ascii_lowercase();
        if !["md", "markdown", "mdx"].contains(&extension.as_str()) {
            return None;
        }
        let stem = ["readme", "index", "_index"]
            .iter()
            .position(|own| stem.eq_ignore_ascii_case(own))?;
        // `README.md` before `README.MD` and `readme.markdown`.
        Some((stem, extension != "md", !name.ends_with(".md")))
    };
    let mut own: Vec<(_, std::path::PathBuf)> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|entry| Some((rank(entry.file_name().to_str()?)?, entry.path())))
        .collect();
    own.sort();
    own.iter()
        .filter_map(|(_, path)| std::fs::read_to_string(path).ok())
        // As the loader reads it: a leading BOM would make `# heading` a
        // paragraph to CommonMark.
        .map(|text| crate::load::normalise_text(&text))
        .find_map(|text| page_title(&text))
}

/// A page's title as credo reads it: its front matter's `title` (YAML, or
/// TOML that `credo import` converts), else its first `# heading`.
fn page_title(text: &str) -> Option<String> {
    let parts = frontmatter::split(text);
    let written = frontmatter::parse_block(parts.format, parts.block)
        .ok()
        .and_then(|meta| Some(meta.get("title")?.as_str()?.trim().to_string()))
        .filter(|title| !title.is_empty());
    written.or_else(|| crate::markdown::first_h1(parts.body))
}

/// The folder's own name (of its absolute path, so `.` has one too).
fn folder_name(dir: &Path) -> String {
    dir.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "Handbook".to_string())
}

/// Reads a configuration file (TOML, YAML or JSON, by its extension) as
/// a YAML mapping; `None` when it is missing or unreadable.
pub(crate) fn read_config(path: &Path) -> Option<Mapping> {
    let text = std::fs::read_to_string(path).ok()?;
    let value = match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => frontmatter::toml_to_yaml(toml::Value::Table(text.parse().ok()?)),
        Some("json") => serde_json::from_str::<Value>(&text).ok()?,
        _ => serde_yaml::from_str::<Value>(&text).ok()?,
    };
    match frontmatter::normalise(value) {
        Value::Mapping(map) => Some(map),
        _ => None,
    }
}

/// The value at `path` (keys separated by `.`, compared ignoring case, as
/// Hugo does) in a configuration mapping.
pub(crate) fn config_value<'a>(config: &'a Mapping, path: &str) -> Option<&'a Value> {
    let mut value = None;
    let mut map = Some(config);
    for key in path.split('.') {
        let found = map?
            .iter()
            .find(|(k, _)| k.as_str().is_some_and(|k| k.eq_ignore_ascii_case(key)))
            .map(|(_, v)| v);
        value = found;
        map = found.and_then(Value::as_mapping);
    }
    value
}

/// The text at `path` in a configuration mapping (see [`config_value`]).
pub(crate) fn config_text(config: &Mapping, path: &str) -> Option<String> {
    match config_value(config, path)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// Runs `credo import`: imports, prints what was done, then checks the new
/// site and says where what is left comes from. What the check finds does
/// not fail the import (exit 0): the new site is there to fix.
pub(crate) fn command(src: &Path, dir: &Path) -> Result<u8, Error> {
    let report = import(src, dir)?;
    let generator = report.generator;
    print!("{report}");
    println!(
        "\nChecking the new site (`credo check -r {}`):",
        dir.display()
    );
    let options = crate::pipeline::BuildOptions {
        root: dir.to_path_buf(),
        ..Default::default()
    };
    let diagnostics = crate::check_and_print(&options, crate::cli::Format::Human, false, None)?;
    print!("{}", report::closing(&diagnostics, generator, dir));
    Ok(0)
}

#[cfg(test)]
mod tests;
