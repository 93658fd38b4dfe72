//! Outputs for assistants and scripts: a Markdown copy of every page beside
//! its HTML (`/principles/a/index.md`) and `llms.txt` at the site root, in
//! the llmstxt.org form (the handbook's title and summary, then a link
//! list per section with each page's summary).
//!
//! A copy is the page's source as written, with front matter that adds its
//! `url` and `version`, and every internal link made absolute
//! ([`crate::markdown::copy`]), so it reads the same wherever it is fetched.

use std::fmt::Write as _;

use rayon::prelude::*;

use serde_yaml::{Mapping, Value};

use super::{Outcome, OutputFile, PageLinks, Sink, write_data};
use crate::load::yaml::{YamlBlock, top_level_key};
use crate::outputs::markdown_copy;
use crate::site::{Site, Target};

/// The Markdown copy of every page and of every section with a source:
/// written through `sink` when the build streams, else as files.
pub(super) fn markdown_copies(
    site: &Site,
    sink: Option<&dyn Sink>,
    stopped: &(dyn Fn() -> bool + Sync),
) -> Vec<Result<Outcome, OutputFile>> {
    site.reading_order
        .par_iter()
        .filter(|&&t| site.source(t).is_some() && !stopped())
        .map(|&target| {
            let text = copy_of(site, target);
            write_data(sink, &markdown_copy(site.url(target)), |out| {
                out.write_all(text.as_bytes())
            })
        })
        .collect()
}

/// The Markdown copy of a page or section.
fn copy_of(site: &Site, target: Target) -> String {
    let Some(src) = site.source(target) else {
        return String::new();
    };
    let origin = site.config.origin();
    let links = PageLinks { site, from: target };
    let mut out = String::with_capacity(src.text.len() + 128);
    out.push_str("---\n");
    out.push_str(&front_matter(
        &src.yaml(),
        site.title(target),
        &format!("{origin}{}", site.href(site.url(target))),
        &src.version,
    ));
    out.push_str("---\n");
    out.push_str(&crate::markdown::copy::absolute_links_scanned(
        src.body(),
        site.headings(target),
        origin,
        &links,
    ));
    out
}

/// A copy's front matter, without its `---` lines: the page's block as
/// written, `title` first when the page took it from its heading or file
/// name, then `url` and `version`. Whether the block holds a `title` is
/// decided by parsing, not by its text: a quoted key (`"title": x`) is one
/// too. A block that lines cannot be added to (flow style, `{title: x}`)
/// is written again from its parsed keys, so the copy is always YAML.
fn front_matter(block: &YamlBlock, title: &str, url: &str, version: &str) -> String {
    let yaml = block.text;
    let end = if yaml.is_empty() || yaml.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    let with = |title_line: bool| {
        let mut text = String::with_capacity(yaml.len() + 128);
        if title_line {
            let _ = writeln!(text, "title: {}", crate::scaffold::yaml_string(title));
        }
        let _ = write!(text, "{yaml}{end}url: {url}\nversion: {version}\n");
        text
    };
    let has_title = block.has_key("title");
    // Parsing every block again would be felt at 10 000 pages: only a
    // block whose text the key index may misread is parsed.
    if is_plain_mapping(yaml) && !block.has_key("url") && !block.has_key("version") {
        return with(!has_title);
    }
    for title_line in [!has_title, has_title] {
        let text = with(title_line);
        if is_copy_front_matter(&text, url) {
            return text;
        }
    }
    rewritten(yaml, title, url, version)
}

/// Whether `yaml` is a mapping in block style at column 0, every line at
/// that column a plain key whose quoted or bracketed value ends on that
/// line, or a comment: then its text index is its keys, and lines added at
/// column 0 are keys of it too. (A quoted value may go on at column 0:
/// `summary: "a` then `title: b"` is one key.)
fn is_plain_mapping(yaml: &str) -> bool {
    let key_line = |line: &str| {
        // A key is letters, digits, `_` and `-`: its line's first `:` ends it.
        top_level_key(line).is_some()
            && line
                .split_once(':')
                .is_some_and(|(_, value)| value_ends_on_its_line(value))
    };
    let mut content = yaml
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'));
    content.next().is_none_or(key_line)
        && content.all(|line| line.starts_with(' ') || key_line(line))
}

/// Whether a value that opens with a quote or a bracket closes it on the
/// same line; a value opening with an anchor or a tag is not judged.
fn value_ends_on_its_line(value: &str) -> bool {
    let value = value.trim_start();
    if value.starts_with(['&', '!']) {
        return false;
    }
    if !value.starts_with(['"', '\'', '[', '{']) {
        return true;
    }
    let mut depth = 0usize;
    let mut quote = None;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            // `''` is a quote inside single quotes.
            (Some('\''), '\'') if chars.peek() == Some(&'\'') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        if quote.is_none() && depth == 0 {
            return true;
        }
    }
    false
}

/// Whether `text` is a mapping with one `title`, `url` (being `url`) and
/// `version`: a repeated key fails to parse.
fn is_copy_front_matter(text: &str, url: &str) -> bool {
    serde_yaml::from_str::<Mapping>(text).is_ok_and(|map| {
        map.contains_key("title")
            && map.contains_key("version")
            && map.get("url").and_then(Value::as_str) == Some(url)
    })
}

/// The front matter of a block that takes no added lines, from its parsed
/// keys (its comments and layout are lost; a block that is no mapping
/// leaves only the keys the copy adds).
fn rewritten(yaml: &str, title: &str, url: &str, version: &str) -> String {
    let own = serde_yaml::from_str::<Mapping>(yaml).unwrap_or_default();
    let mut map = Mapping::new();
    if !own.contains_key("title") {
        map.insert("title".into(), title.into());
    }
    for (key, value) in own {
        if key.as_str() != Some("url") && key.as_str() != Some("version") {
            map.insert(key, value);
        }
    }
    map.insert("url".into(), url.into());
    map.insert("version".into(), version.into());
    serde_yaml::to_string(&map).unwrap_or_else(|_| {
        let title = crate::scaffold::yaml_string(title);
        format!("title: {title}\nurl: {url}\nversion: {version}\n")
    })
}

/// `llms.txt`: the handbook's title, its description, then each section in
/// reading order with a link to each page's Markdown copy and its summary.
pub(super) fn llms_txt(site: &Site) -> String {
    let origin = site.config.origin();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", one_line(&site.config.title));
    if !site.config.description.is_empty() {
        let _ = writeln!(out, "> {}\n", one_line(&site.config.description));
    }
    let _ = writeln!(
        out,
        "Every page below links to its Markdown copy; the HTML page is the same address without `index.md`. {origin}{}handbook.json holds every page's data.",
        site.config.base_path()
    );
    let mut current_section = None;
    for &target in &site.reading_order {
        // A section is listed by its own page, when the author wrote one.
        let (section, url, title, summary) = match target {
            Target::Page(p) => {
                let page = &site.pages[p];
                (
                    page.section,
                    &page.url,
                    &page.meta.title,
                    &page.meta.summary,
                )
            }
            Target::Section(s) if site.sections[s].source.is_some() => {
                let section = &site.sections[s];
                (s, &section.url, &section.title, &section.meta.summary)
            }
            Target::Section(_) => continue,
        };
        if current_section != Some(section) {
            current_section = Some(section);
            let _ = writeln!(out, "\n## {}\n", one_line(&site.sections[section].title));
        }
        let url = format!("{origin}{}", site.href(&markdown_copy(url)));
        let _ = write!(
            out,
            "- [{}]({url})",
            one_line(title).replace(['[', ']'], "")
        );
        match summary {
            Some(summary) => {
                let _ = writeln!(out, ": {}", one_line(summary));
            }
            None => out.push('\n'),
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The copy's front matter of `yaml`, parsed, and whether it kept the
    /// block's text (rather than writing it again).
    fn copied(yaml: &str) -> (Mapping, bool) {
        let block = YamlBlock::new(yaml, "content/a.md", 2);
        let text = front_matter(&block, "Heading", "/a/", "0123456789ab");
        let map = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e} in {text}"));
        (map, text.contains(yaml))
    }

    #[test]
    fn every_copy_front_matter_is_yaml_with_one_title() {
        for (yaml, title, kept) in [
            ("title: Plain\nsummary: s\n", "Plain", true),
            ("summary: \"a: b\"\ntags: [a, 'b]']\n", "Heading", true),
            ("\"title\": Quoted key\n", "Quoted key", true),
            ("{title: Flow, summary: s}\n", "Flow", false),
            ("{summary: s}", "Heading", false),
            ("  title: Indented\n  summary: s\n", "Indented", false),
            ("summary: \"a\ntitle: b\"\n", "Heading", true),
            ("# only a comment\n", "Heading", true),
            ("", "Heading", true),
            ("title: T\nurl: /elsewhere/\n", "T", false),
        ] {
            let (map, was_kept) = copied(yaml);
            assert_eq!(
                map.get("title").and_then(Value::as_str),
                Some(title),
                "{yaml}"
            );
            assert_eq!(
                map.get("url").and_then(Value::as_str),
                Some("/a/"),
                "{yaml}"
            );
            assert!(map.contains_key("version"), "{yaml}");
            assert_eq!(was_kept, kept, "{yaml}");
        }
    }

    #[test]
    fn a_value_ends_on_its_line_when_its_quotes_and_brackets_close() {
        assert!(value_ends_on_its_line(" plain \"quote"));
        assert!(value_ends_on_its_line(" \"a \\\" b\" # note"));
        assert!(value_ends_on_its_line(" 'it''s'"));
        assert!(value_ends_on_its_line(" [a, \"]\", {b: c}]"));
        assert!(!value_ends_on_its_line(" \"open"));
        assert!(!value_ends_on_its_line(" 'it''s"));
        assert!(!value_ends_on_its_line(" [a,"));
        assert!(!value_ends_on_its_line(" &anchor x"));
    }
}
