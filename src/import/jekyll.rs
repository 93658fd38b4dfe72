//! Jekyll: pages and assets sit at the site's root among its build folders.
//! Everything Jekyll would publish goes under `content/` at the same path
//! (credo copies assets there to the same URL, so `/assets/x.png` and
//! relative links both keep working); collections (`_posts`, and those named
//! in `collections:`) lose their underscore; `nav_order` is ranked into
//! weights. Folders Jekyll does not publish (`_layouts`, `_site`, …) are
//! left out.

use std::collections::BTreeSet;
use std::path::Path;

use serde_yaml::{Mapping, Value};

use super::{Generator, OldUrl, Plan, SiteInfo, config_text, read_config};

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
        permalink: config_text(&config, "permalink"),
        ..SiteInfo::default()
    };
    let collections = collection_names(config.get("collections"));
    let mut site = site;
    site.permalinks = collection_permalinks(config.get("collections"));
    // `collections_dir: handbook` holds `_guides/`, `_posts/`, …
    let collections_dir = config_text(&config, "collections_dir")
        .and_then(|dir| crate::site::refs::normalise(&dir))
        .filter(|dir| !dir.is_empty());
    let mut plan = Plan::new(Generator::Jekyll, site);
    plan.rank_front_matter = true;
    plan.old_urls = Some(old_urls);
    plan.served_at = Some(served_url);
    let mut left_out = BTreeSet::new();
    let excluded = excludes(config.get("exclude"));
    let mut excluded_files = Vec::new();
    plan.add_tree(src, "content", &|rel| {
        // Below `collections_dir`, a collection is read as at the top.
        let rel = (collections_dir.as_deref())
            .and_then(|dir| rel.strip_prefix(dir)?.strip_prefix('/'))
            .unwrap_or(rel);
        let top = rel.split('/').next().unwrap_or(rel);
        BUILD_FILES.contains(&top) || (top.starts_with('_') && !collections.contains(top))
    });
    if let Some(dir) = &collections_dir {
        let below = format!("content/{dir}/_");
        for entry in plan.pages.iter_mut().chain(plan.assets.iter_mut()) {
            if let Some(rest) = entry.dest.strip_prefix(&below) {
                entry.dest = format!("content/_{rest}");
            }
        }
    }
    plan.pages
        .retain(|e| keep(src, e, &excluded, &mut excluded_files));
    plan.assets
        .retain(|e| keep(src, e, &excluded, &mut excluded_files));
    if !excluded_files.is_empty() {
        // A long list is named by its first files.
        let more = excluded_files.len().saturating_sub(5);
        excluded_files.truncate(5);
        let and_more = match more {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        plan.skipped.push(format!(
            "{}{and_more}: `exclude:` in _config.yml (Jekyll does not publish them)",
            excluded_files.join(", ")
        ));
    }
    // Collections are published without their underscore; drafts go
    // among the posts, where Jekyll shows them (`--drafts`), built only
    // when asked. So do the pages of a collection Jekyll does not output.
    let unpublished = unpublished_collections(config.get("collections"));
    for page in &plan.pages {
        let Some(rest) = page.dest.strip_prefix("content/_") else {
            continue;
        };
        let collection = rest.split('/').next().unwrap_or(rest);
        if unpublished.contains(collection) {
            (plan.drafts).insert(format!("content/{rest}"), NOT_OUTPUT);
        }
    }
    for name in &unpublished {
        if plan
            .drafts
            .keys()
            .any(|d| d.starts_with(&format!("content/{name}/")))
        {
            plan.notes.push(format!(
                "_{name}/ → content/{name}/: a collection without `output: true`, whose pages Jekyll does not publish: they are drafts, built only with `--drafts`"
            ));
        }
    }
    for entry in plan.pages.iter_mut().chain(plan.assets.iter_mut()) {
        if let Some(rest) = entry
            .dest
            .strip_prefix("content/_drafts/")
            .map(str::to_string)
        {
            if rest.ends_with(".md") {
                (plan.drafts).insert(format!("content/posts/{rest}"), "_drafts/");
            }
            entry.dest = format!("content/_posts/{rest}");
        }
    }
    for entry in plan.pages.iter_mut().chain(plan.assets.iter_mut()) {
        if let Some(rest) = entry.dest.strip_prefix("content/_") {
            entry.dest = format!("content/{rest}");
        }
    }
    set_aside_html_pages(&mut plan);
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

/// The patterns of `_config.yml`'s `exclude:` (paths from the site's root,
/// with `*` and `?` wildcards), as Jekyll reads them: an entry excludes the
/// paths it matches and every path it begins (`docs/` a folder).
fn excludes(value: Option<&Value>) -> Vec<String> {
    let Some(Value::Sequence(items)) = value else {
        return Vec::new();
    };
    (items.iter())
        .filter_map(Value::as_str)
        .map(|p| {
            p.trim_start_matches("./")
                .trim_start_matches('/')
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether the entry stays, given the `exclude:` patterns; an excluded
/// one's path (from the site's root `src`) goes to `left_out`.
fn keep(src: &Path, entry: &super::Entry, excluded: &[String], left_out: &mut Vec<String>) -> bool {
    let rel = entry.source.strip_prefix(src).unwrap_or(&entry.source);
    let rel = (rel.components())
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let hit = (excluded.iter())
        .any(|pattern| rel.starts_with(pattern.as_str()) || wildcard_match(pattern, &rel));
    if hit {
        left_out.push(rel);
    }
    !hit
}

/// `*` (any run of characters, `/` included, as Ruby's `File.fnmatch`
/// without flags), `?` (one character) and `[Rr]` (one of them) against the
/// whole of `text`.
fn wildcard_match(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    // One pattern item at `i`: whether it takes `c`, and where the next starts.
    let one = |i: usize, c: char| -> Option<(bool, usize)> {
        match p[i] {
            '?' => Some((true, i + 1)),
            '[' => {
                let close = i + 1 + p[i + 1..].iter().position(|&x| x == ']')?;
                Some((p[i + 1..close].contains(&c), close + 1))
            }
            x => Some((x == c, i + 1)),
        }
    };
    // The classic greedy match with one backtrack point per `*`.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < t.len() {
        if i < p.len() && p[i] == '*' {
            (star, mark, i) = (Some(i), j, i + 1);
        } else if let Some((true, next)) = (i < p.len()).then(|| one(i, t[j])).flatten() {
            (i, j) = (next, j + 1);
        } else if let Some(s) = star {
            (i, mark) = (s + 1, mark + 1);
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

/// Jekyll's HTML pages (an `.html` file with front matter, run through
/// its layout): credo copies HTML files as they are, so each is named for
/// the author to make Markdown of; a `404.html` is left out, as credo
/// writes its own 404 page.
fn set_aside_html_pages(plan: &mut Plan) {
    let has_front_matter = |path: &Path| {
        let mut start = [0u8; 4];
        std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut start))
            .is_ok_and(|()| start.starts_with(b"---") && matches!(start[3], b'\n' | b'\r'))
    };
    let mut notes = Vec::new();
    let mut dropped = false;
    plan.assets.retain(|asset| {
        if !asset.dest.ends_with(".html") || !has_front_matter(&asset.source) {
            return true;
        }
        if asset.dest == "content/404.html" {
            dropped = true;
            return false;
        }
        notes.push(format!(
            "{}: an HTML page with front matter, copied as it is (Jekyll ran it through its layout): make it a Markdown page",
            asset.dest
        ));
        true
    });
    if dropped {
        plan.skipped
            .push("404.html: credo writes the site's 404 page".to_string());
    }
    plan.notes.extend(notes);
}

/// The URLs Jekyll served a page at that credo will not, as (key, URL): its
/// `permalink`, and a post's dated URL (`/2024/02/03/first-shift.html`).
/// They become its `aliases`. (A page's `about.html` is not one: credo
/// resolves a link to it, and serves the page at `/about/`.)
fn old_urls(dest: &str, raw: &Mapping, site: &SiteInfo) -> Vec<OldUrl> {
    let dated = |name: &str| name.get(..10).is_some_and(is_date);
    let key = match config_text(raw, "permalink") {
        Some(_) => "permalink",
        None if collection_permalink(dest, site).is_some() => "collections: permalink",
        // A draft has no date, and no URL until it has.
        None => match dest.strip_prefix("content/posts/") {
            Some(name) if dated(name) || config_text(raw, "date").is_some() => "_posts/",
            _ => return Vec::new(),
        },
    };
    let Some(url) = served_url(dest, raw, site) else {
        return Vec::new();
    };
    let current = super::credo_path(dest);
    let old = match url.rsplit('/').next() {
        Some(last) if last.contains('.') => format!("/{url}"),
        _ if url.is_empty() => "/".to_string(),
        _ => format!("/{url}/"),
    };
    if url == current || old == "/" {
        return Vec::new();
    }
    vec![(key, Ok(old))]
}

/// Jekyll reads `categories: jekyll update` and `tags: a b` (one text
/// without commas, as `jekyll new` writes its first post) as a list split
/// at spaces: `raw` with those values as the lists Jekyll makes of them.
pub(super) fn split_taxonomies(raw: &Mapping) -> Mapping {
    let mut raw = raw.clone();
    for key in ["categories", "tags"] {
        if let Some(value) = raw.get_mut(key)
            && let Value::String(text) = value
            && !text.contains(',')
        {
            let words = text.split_whitespace().map(|w| Value::String(w.into()));
            *value = Value::Sequence(words.collect());
        }
    }
    raw
}

/// The URL path Jekyll served a page at, no `/` at either end: its
/// `permalink`; a post's made by the site's `permalink` (default `date`:
/// `/:categories/:year/:month/:day/:title:output_ext`); any other page at
/// its path, `.md` as `.html`, an `index.md` at its folder.
fn served_url(dest: &str, raw: &Mapping, site: &SiteInfo) -> Option<String> {
    let path = dest.strip_prefix("content/")?.strip_suffix(".md")?;
    let pattern = match (config_text(raw, "permalink"), path.strip_prefix("posts/")) {
        (Some(own), _) => own,
        (None, _) if let Some((_, pattern)) = collection_permalink(dest, site) => {
            pattern.to_string()
        }
        (None, Some(_)) => {
            let style = site.permalink.as_deref().unwrap_or("date");
            match style {
                "date" => "/:categories/:year/:month/:day/:title:output_ext",
                "pretty" => "/:categories/:year/:month/:day/:title/",
                "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
                "none" => "/:categories/:title:output_ext",
                pattern => pattern,
            }
            .to_string()
        }
        (None, None) => {
            return Some(match path.strip_suffix("index") {
                Some(folder) => folder.trim_end_matches('/').to_string(),
                None if site.permalink.as_deref() == Some("pretty") => path.to_string(),
                None => format!("{path}.html"),
            });
        }
    };
    let url = fill_permalink(&pattern, path, raw);
    // A placeholder credo does not fill (`:y_day`, `:week`) leaves no URL
    // to keep.
    let unfilled = url
        .split(':')
        .skip(1)
        .any(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()));
    (!unfilled).then(|| url.trim_matches('/').to_string())
}

/// The collection the page `dest` belongs to and the `permalink:` that
/// `collections:` in _config.yml gives it (`guides: {permalink:
/// /handbook/:name/}`), if it gives one.
fn collection_permalink<'a>(dest: &str, site: &'a SiteInfo) -> Option<(&'a str, &'a str)> {
    let rest = dest.strip_prefix("content/")?;
    let (collection, _) = rest.split_once('/')?;
    site.permalinks
        .get_key_value(collection)
        .map(|(name, pattern)| (name.as_str(), pattern.as_str()))
}

/// The `permalink:` of each collection that `collections:` (as a map)
/// gives one, by collection name.
fn collection_permalinks(
    collections: Option<&Value>,
) -> std::collections::BTreeMap<String, String> {
    let Some(Value::Mapping(map)) = collections else {
        return Default::default();
    };
    (map.iter())
        .filter_map(|(name, settings)| {
            let pattern = settings.get("permalink")?.as_str()?.trim();
            // A named style (`pretty`) is the site's, not a pattern.
            let pattern =
                (pattern.starts_with('/') || pattern.starts_with(':')).then_some(pattern)?;
            Some((name.as_str()?.to_string(), pattern.to_string()))
        })
        .collect()
}

/// A Jekyll permalink pattern filled in for the page at `path` (under
/// `content/`, without `.md`): a post's date and title come from its file
/// name (`2024-02-03-first-shift`), its `date` and `slug` overriding them;
/// a collection's document has `:collection` and `:path` (below its
/// collection's folder).
fn fill_permalink(pattern: &str, path: &str, raw: &Mapping) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (collection, in_collection) = path.split_once('/').unwrap_or(("", path));
    let (date, title) = match (name.get(..10), name.get(10..11), name.get(11..)) {
        (Some(date), Some("-"), Some(title)) if is_date(date) => (date, title),
        _ => ("", name),
    };
    let own_date = config_text(raw, "date")
        .and_then(|d| d.get(..10).filter(|d| is_date(d)).map(str::to_string));
    let date = own_date.as_deref().unwrap_or(date);
    let (year, month, day) = (date.get(..4), date.get(5..7), date.get(8..10));
    let slug = config_text(raw, "slug").unwrap_or_else(|| title.to_string());
    let categories = match raw.get("categories").or_else(|| raw.get("category")) {
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("/"),
        Some(Value::String(s)) => s.split_whitespace().collect::<Vec<_>>().join("/"),
        _ => String::new(),
    };
    let mut url = pattern.to_string();
    // Longest names first: `:title` before `:t…`, `:i_month` before `:month`.
    for (placeholder, value) in [
        (":categories", categories.to_lowercase()),
        (":collection", collection.to_string()),
        (":path", in_collection.to_string()),
        (":output_ext", ".html".to_string()),
        (":short_year", year.map_or("", |y| &y[2..]).to_string()),
        (
            ":i_month",
            month.map_or("", |m| m.trim_start_matches('0')).to_string(),
        ),
        (
            ":i_day",
            day.map_or("", |d| d.trim_start_matches('0')).to_string(),
        ),
        (":title", slug.clone()),
        (":slug", slug.clone()),
        (":name", name.to_string()),
        (":year", year.unwrap_or("").to_string()),
        (":month", month.unwrap_or("").to_string()),
        (":day", day.unwrap_or("").to_string()),
    ] {
        url = url.replace(placeholder, &value);
    }
    // An empty `:categories` leaves `//`.
    while url.contains("//") {
        url = url.replace("//", "/");
    }
    url
}

/// Whether `text` is a real `YYYY-MM-DD` date.
fn is_date(text: &str) -> bool {
    crate::load::frontmatter::Date::parse(text).is_some()
}

/// Why a page of a collection without `output: true` is a draft.
const NOT_OUTPUT: &str = "collection without `output: true`";

/// The collections `collections:` names (without their underscore) that
/// Jekyll does not publish: those without `output: true` (a list names
/// none that it does).
fn unpublished_collections(collections: Option<&Value>) -> BTreeSet<String> {
    let names: Vec<(String, bool)> = match collections {
        Some(Value::Sequence(items)) => (items.iter())
            .filter_map(|v| Some((v.as_str()?.to_string(), false)))
            .collect(),
        Some(Value::Mapping(map)) => (map.iter())
            .filter_map(|(k, v)| {
                let output = v.get("output").and_then(Value::as_bool) == Some(true);
                Some((k.as_str()?.to_string(), output))
            })
            .collect(),
        _ => Vec::new(),
    };
    (names.into_iter())
        .filter(|(name, output)| !output && name != "posts")
        .map(|(name, _)| name)
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclude_patterns_match_as_ruby_fnmatch_does() {
        let m = wildcard_match;
        assert!(m("*.txt", "notes/a.txt"), "`*` crosses `/` without flags");
        assert!(m("*.gemspec", "x.gemspec") && !m("*.gemspec", "x.gemspec.bak"));
        assert!(m("dr?fts.md", "drafts.md") && !m("dr?fts.md", "drfts.md"));
        assert!(m("a*b*c", "aXbYbZc") && !m("a*b*c", "aXbYbZ"));
        assert!(m("**", "") && !m("x", ""));
        assert!(m("[Rr]eadme.md", "readme.md") && m("[Rr]eadme.md", "Readme.md"));
        assert!(!m("[Rr]eadme.md", "README.md") && !m("[ab", "a"));
    }

    /// `jekyll new`'s first post says `categories: jekyll update`: two
    /// categories to Jekyll (its URL is `/jekyll/update/...`), two tags to
    /// credo (it was one tag, "jekyll update"). A text with commas is left
    /// to the comma rule every generator's import follows.
    #[test]
    fn a_text_of_categories_is_split_at_spaces_as_jekyll_splits_it() {
        let raw = split_taxonomies(&meta(
            "categories: jekyll update\ntags: ruby  web\ntitle: A b\n",
        ));
        assert_eq!(
            raw,
            meta("categories: [jekyll, update]\ntags: [ruby, web]\ntitle: A b\n")
        );
        let commas = meta("categories: client care, billing\n");
        assert_eq!(split_taxonomies(&commas), commas);
    }

    fn meta(yaml: &str) -> Mapping {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn jekyll_urls_follow_permalinks_and_post_dates() {
        let site = SiteInfo::default();
        let none = Mapping::new();
        let url = |dest: &str, raw: &Mapping, site: &SiteInfo| served_url(dest, raw, site).unwrap();
        assert_eq!(url("content/about.md", &none, &site), "about.html");
        assert_eq!(url("content/docs/index.md", &none, &site), "docs");
        assert_eq!(url("content/index.md", &none, &site), "");
        assert_eq!(
            url(
                "content/policy.md",
                &meta("permalink: /lost-and-found/"),
                &site
            ),
            "lost-and-found"
        );
        assert_eq!(
            url("content/posts/2024-02-03-first-shift.md", &none, &site),
            "2024/02/03/first-shift.html"
        );
        assert_eq!(
            url(
                "content/posts/2024-02-03-first-shift.md",
                &meta("categories: [Care, desk]\ndate: 2024-02-04 09:00:00\n"),
                &site
            ),
            "care/desk/2024/02/04/first-shift.html"
        );
        let pretty = SiteInfo {
            permalink: Some("pretty".into()),
            ..SiteInfo::default()
        };
        assert_eq!(
            url("content/posts/2024-02-03-first-shift.md", &none, &pretty),
            "2024/02/03/first-shift"
        );
        assert_eq!(url("content/about.md", &none, &pretty), "about");
        let ordinal = SiteInfo {
            permalink: Some("ordinal".into()),
            ..SiteInfo::default()
        };
        assert_eq!(
            served_url("content/posts/2024-02-03-first-shift.md", &none, &ordinal),
            None
        );
        // Single-digit dates and names beyond ASCII are no dates, and no trouble.
        assert_eq!(
            url("content/posts/2024-1-5-école.md", &none, &site),
            "2024-1-5-école.html"
        );
        assert_eq!(
            url("content/posts/x.md", &meta("date: 2024年2月3日"), &site),
            "x.html"
        );
        let custom = SiteInfo {
            permalink: Some("/blog/:year/:i_month/:slug".into()),
            ..SiteInfo::default()
        };
        assert_eq!(
            url(
                "content/posts/2024-02-03-first-shift.md",
                &meta("slug: day-one"),
                &custom
            ),
            "blog/2024/2/day-one"
        );
    }

    #[test]
    fn collection_permalinks_make_their_documents_urls() {
        let collections: Value = serde_yaml::from_str(
            "guides: {output: true, permalink: '/handbook/:collection/:path/'}\nfaq: {permalink: pretty}\nteam: {output: true}\n",
        )
        .unwrap();
        let site = SiteInfo {
            permalinks: collection_permalinks(Some(&collections)),
            ..SiteInfo::default()
        };
        assert_eq!(site.permalinks.len(), 1, "{:?}", site.permalinks);
        assert_eq!(
            served_url("content/guides/billing/refunds.md", &Mapping::new(), &site).as_deref(),
            Some("handbook/guides/billing/refunds")
        );
        assert_eq!(
            old_urls("content/guides/calls.md", &Mapping::new(), &site),
            [(
                "collections: permalink",
                Ok("/handbook/guides/calls/".to_string())
            )]
        );
        assert!(old_urls("content/team/ann.md", &Mapping::new(), &site).is_empty());
    }

    #[test]
    fn permalinks_and_post_urls_become_aliases() {
        let site = SiteInfo::default();
        assert_eq!(
            old_urls(
                "content/policy.md",
                &meta("permalink: /lost-and-found/"),
                &site
            ),
            [("permalink", Ok("/lost-and-found/".to_string()))]
        );
        assert_eq!(
            old_urls(
                "content/posts/2024-02-03-first-shift.md",
                &Mapping::new(),
                &site
            ),
            [("_posts/", Ok("/2024/02/03/first-shift.html".to_string()))]
        );
        assert!(old_urls("content/about.md", &Mapping::new(), &site).is_empty());
        assert!(old_urls("content/posts/phone-etiquette.md", &Mapping::new(), &site).is_empty());
        assert!(old_urls("content/faq.md", &meta("permalink: /faq/"), &site).is_empty());
        assert!(old_urls("content/index.md", &meta("permalink: /"), &site).is_empty());
    }
}
