//! VitePress and VuePress: the folder that holds `.vitepress/` (or
//! `.vuepress/`), SRC or its `docs/`, becomes `content/`, its `public/`
//! `static/`; the configuration (JavaScript: only plain quoted values are
//! found) gives the title, description and language. The configuration
//! folder is not copied. Custom containers (`::: tip`, `::: details`) become
//! GitHub alerts and `<details>` ([`containers`]), `[[toc]]` goes, and the
//! home page's hero titles it ([`hero_title`]). Links written for the
//! URLs VitePress served (`./intro`, `/guide/intro.html`) are left as
//! written: credo resolves them.

use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use super::body::{alert_block, indent_of, outside_fences, put, step_fence, trimmed};
use super::frontmatter::{self, Converted};
use super::{Generator, Plan, SiteInfo};
use crate::markdown::highlight::escape as html_text;

/// The extensions a VitePress or VuePress configuration file takes.
const CONFIG_EXTENSIONS: &[&str] = &["js", "ts", "mjs", "mts", "cjs", "cts"];

/// A JavaScript project's own files, beside the pages when the site's
/// folder is SRC itself: not part of the handbook.
const TOOLING: &[&str] = &[
    "package.json",
    "package-lock.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lockb",
    "tsconfig.json",
];

/// The configuration folder of `generator` (`.vitepress`).
fn config_folder(generator: Generator) -> &'static str {
    match generator {
        Generator::VuePress => ".vuepress",
        _ => ".vitepress",
    }
}

/// The folder of `generator`'s site in `src` (SRC or its `docs/`, the one
/// whose configuration folder holds a `config.*`) and that configuration's
/// text.
pub(super) fn root(src: &Path, generator: Generator) -> Option<(PathBuf, String)> {
    let folder = config_folder(generator);
    [src.to_path_buf(), src.join("docs")]
        .into_iter()
        .find_map(|root| {
            let config = CONFIG_EXTENSIONS.iter().find_map(|ext| {
                let path = root.join(folder).join(format!("config.{ext}"));
                path.is_file()
                    .then(|| std::fs::read_to_string(&path).unwrap_or_default())
            })?;
            Some((root, config))
        })
}

/// A VitePress or VuePress site's plan.
pub(super) fn plan(src: &Path, generator: Generator) -> Plan {
    let (root, config) = root(src, generator).unwrap_or_else(|| (src.to_path_buf(), String::new()));
    let quoted = |key: &str| super::docusaurus::quoted_value(&config, key);
    let site = SiteInfo {
        title: quoted("title"),
        description: quoted("description"),
        language: quoted("lang"),
        base_url: base_url(quoted("hostname"), quoted("base")),
        ..SiteInfo::default()
    };
    // `srcDir: 'src'`: the pages (and their `public/`) are below the
    // configuration's folder.
    let pages = quoted("srcDir")
        .and_then(|dir| crate::site::refs::normalise(&dir))
        .filter(|dir| !dir.is_empty())
        .map(|dir| root.join(dir))
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| root.clone());
    let mut plan = Plan::new(generator, site);
    let folder = config_folder(generator);
    let at_top = root == src;
    // The configuration folder is reported below.
    let left_out = |rel: &str| {
        rel == folder || rel.starts_with("public/") || (at_top && TOOLING.contains(&rel))
    };
    plan.add_tree(&pages, "content", &left_out);
    plan.add_tree(&pages.join("public"), "static", &|_| false);
    plan.skipped.push(format!(
        "{folder}/: {}'s configuration and theme, which credo has no use for",
        generator.name()
    ));
    let tooling: Vec<&str> = (TOOLING.iter().copied())
        .filter(|name| at_top && root.join(name).is_file())
        .collect();
    if !tooling.is_empty() {
        plan.skipped.push(format!(
            "{}: the JavaScript project's files, not the handbook",
            tooling.join(", ")
        ));
    }
    plan
}

/// The site's URL from the configuration's `base` (`/handbook/`, the path
/// the site is served at) and its sitemap's `hostname`, where given.
fn base_url(hostname: Option<String>, base: Option<String>) -> Option<String> {
    let base = base.filter(|b| b.starts_with('/') && b != "/");
    match (hostname, base) {
        (Some(host), base) if host.contains("://") => Some(format!(
            "{}{}",
            host.trim_end_matches('/'),
            base.as_deref().unwrap_or("/")
        )),
        (_, base) => base,
    }
}

/// The home page's hero (VitePress's `layout: home` with `hero.text` and
/// `hero.tagline`, VuePress's `home: true` with `heroText` and `tagline`)
/// gives it the title and summary it lacks: such a page often has no
/// `# heading`.
pub(super) fn hero_title(raw: &Mapping, body: &str, converted: &mut Converted) {
    let text = |value: Option<&Value>| {
        value
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let hero = raw.get("hero");
    let field = |key: &str| hero.and_then(|h| h.get(key));
    let (title, summary) = match raw.get("layout").and_then(Value::as_str) {
        Some("home") => (
            text(field("text"))
                .map(|t| ("hero.text", t))
                .or_else(|| text(field("name")).map(|t| ("hero.name", t))),
            text(field("tagline")).map(|t| ("hero.tagline", t)),
        ),
        _ if raw.get("home") == Some(&Value::Bool(true)) => (
            text(raw.get("heroText")).map(|t| ("heroText", t)),
            text(raw.get("tagline")).map(|t| ("tagline", t)),
        ),
        _ => return,
    };
    let has_title = converted.meta.contains_key("title") || frontmatter::has_h1(body);
    for (slot, found) in [
        ("title", title.filter(|_| !has_title)),
        ("summary", summary),
    ] {
        let Some((from, value)) = found else { continue };
        if converted.meta.contains_key(slot) {
            continue;
        }
        converted.meta.insert(slot.into(), Value::String(value));
        converted.mapped.push((from.to_string(), slot_name(slot)));
    }
    converted.meta = frontmatter::in_key_order(std::mem::take(&mut converted.meta));
}

/// The `'static` name of a credo key (the report counts mappings by it).
fn slot_name(slot: &str) -> &'static str {
    match slot {
        "title" => "title",
        _ => "summary",
    }
}

/// The alert a custom container's kind becomes; `None` for a kind that is
/// no callout (`details`, `raw`, `code-group`, one credo does not know).
fn alert(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "info" | "note" => "NOTE",
        "tip" => "TIP",
        "important" => "IMPORTANT",
        "warning" => "WARNING",
        "danger" | "caution" => "CAUTION",
        _ => return None,
    })
}

/// A container's opening line (`::: tip Title`, `:::: details Summary
/// {open}`): its kind and title.
fn head(line: &str) -> Option<(&str, Option<&str>)> {
    let trimmed = line.trim();
    let colons = trimmed.chars().take_while(|&c| c == ':').count();
    if colons < 3 {
        return None;
    }
    let rest = trimmed[colons..].trim_start();
    let kind_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let (kind, title) = rest.split_at(kind_len);
    // `{open}` and other attributes are no part of the title.
    let title = title.split('{').next().unwrap_or("").trim();
    (!kind.is_empty()).then_some((kind, Some(title).filter(|t| !t.is_empty())))
}

/// Where the container opened at `lines[start]` closes: the line of colons
/// that matches it, nested containers skipped, fenced code ignored.
fn container_end(lines: &[&str], start: usize) -> Option<usize> {
    let mut depth = 0;
    let mut fence = None;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        if step_fence(&mut fence, line) || fence.is_some() {
            continue;
        }
        let trimmed = line.trim();
        if trimmed.len() >= 3 && trimmed.chars().all(|c| c == ':') {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        } else if head(line).is_some() {
            depth += 1;
        }
    }
    None
}

/// Custom containers as Markdown: `::: tip Title` … `:::` (`info`,
/// `warning`, `danger`, …) a GitHub alert, its title in bold; `::: details
/// Summary` a `<details>`; `::: raw` its text; `::: code-group` its fenced
/// blocks, each titled by its `[label]`. A `[[toc]]` line goes (credo's "On
/// this page" is the table of contents). Other containers stay as written.
pub(super) fn containers(lines: &[&str]) -> Vec<String> {
    outside_fences(lines, |i, out| {
        let line = lines[i];
        if line.trim() == "[[toc]]" {
            // With the blank line after it, when one stands before.
            let blank = |l: Option<&str>| l.is_none_or(|l| l.trim().is_empty());
            let around = blank(out.last().map(String::as_str)) && blank(lines.get(i + 1).copied());
            return i + if around { 2 } else { 1 };
        }
        let known = head(line).filter(|(kind, _)| {
            alert(kind).is_some() || matches!(*kind, "details" | "raw" | "code-group")
        });
        let (Some((kind, title)), Some(close)) = (known, container_end(lines, i)) else {
            out.push(line.to_string());
            return i + 1;
        };
        let indent = indent_of(line);
        let inner: Vec<&str> = (lines[i + 1..close].iter())
            .map(|l| l.strip_prefix(indent).unwrap_or(l.trim_start()))
            .collect();
        let inner = containers(&inner);
        let block = match (kind, alert(kind)) {
            (_, Some(alert)) => alert_block(alert, title.map(str::to_string), trimmed(inner)),
            ("details", _) => {
                let summary = html_text(title.unwrap_or("Details"));
                // `{open}`: shown open.
                let open = if line.contains("{open}") { " open" } else { "" };
                let mut block = vec![
                    format!("<details{open}><summary>{summary}</summary>"),
                    String::new(),
                ];
                block.extend(trimmed(inner));
                block.extend([String::new(), "</details>".to_string()]);
                block
            }
            ("code-group", _) => labelled_fences(trimmed(inner)),
            _ => trimmed(inner),
        };
        put(out, indent, block, lines.get(close + 1).copied());
        close + 1
    })
}

/// A code group's fenced blocks, each one's `[label]` (```` ```sh [npm] ````)
/// as its title.
fn labelled_fences(lines: Vec<String>) -> Vec<String> {
    let mut fence = None;
    lines
        .into_iter()
        .map(|line| {
            let opens = step_fence(&mut fence, &line) && fence.is_some();
            let label = (line.find('[').zip(line.rfind(']'))).filter(|(a, b)| opens && a < b);
            match label {
                Some((open, close)) => {
                    let title = line[open + 1..close].replace('"', "'");
                    let before = line[..open].trim_end();
                    format!("{before} title=\"{title}\"{}", &line[close + 1..])
                }
                None => line,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::body::convert;
    use super::*;

    #[test]
    fn base_and_hostname_make_the_base_url() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            base_url(s("https://x.example/"), s("/hb/")),
            s("https://x.example/hb/")
        );
        assert_eq!(
            base_url(s("https://x.example"), None),
            s("https://x.example/")
        );
        assert_eq!(base_url(None, s("/hb/")), s("/hb/"));
        assert_eq!(base_url(None, s("/")), None);
        assert_eq!(base_url(s("x.example"), s("relative/")), None);
    }

    #[test]
    fn containers_become_alerts_and_details() {
        let body = "[[toc]]\n\n::: tip\nAnswer within a day.\n:::\n\n::: danger STOP {#stop}\nNo client names in tickets.\n:::\n::: details Why we ask {open}\nBecause **clients** asked.\n\n::: info\nNested.\n:::\n:::\n\n::: code-group\n```sh [npm]\nnpm run docs\n```\n```sh [pnpm]\npnpm docs\n```\n:::\n\n```md\n::: tip\nin code\n:::\n```\n\n::: v-pre\n{{ kept }}\n:::\n";
        assert_eq!(
            convert(body, Generator::VitePress).unwrap(),
            "> [!TIP]\n> Answer within a day.\n\n> [!CAUTION]\n> **STOP**\n>\n> No client names in tickets.\n\n<details open><summary>Why we ask</summary>\n\nBecause **clients** asked.\n\n> [!NOTE]\n> Nested.\n\n</details>\n\n```sh title=\"npm\"\nnpm run docs\n```\n```sh title=\"pnpm\"\npnpm docs\n```\n\n```md\n::: tip\nin code\n:::\n```\n\n::: v-pre\n{{ kept }}\n:::\n"
        );
    }

    #[test]
    fn the_hero_titles_the_home_page() {
        let raw: Mapping = serde_yaml::from_str(
            "layout: home\nhero:\n  name: Northwind\n  text: Client handbook\n  tagline: How we look after clients\n",
        )
        .unwrap();
        let mut converted = frontmatter::convert(raw.clone(), frontmatter::Role::Section);
        hero_title(&raw, "", &mut converted);
        assert_eq!(
            converted.meta.get("title").and_then(Value::as_str),
            Some("Client handbook")
        );
        assert_eq!(
            converted.meta.get("summary").and_then(Value::as_str),
            Some("How we look after clients")
        );
        // A page with a title keeps it.
        let mut converted = frontmatter::convert(raw.clone(), frontmatter::Role::Section);
        hero_title(&raw, "# Welcome\n", &mut converted);
        assert_eq!(converted.meta.get("title"), None);
    }
}
