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

use super::{Outcome, OutputFile, PageLinks, Sink, write_data};
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
    if !src.yaml().has_key("title") {
        let _ = writeln!(
            out,
            "title: {}",
            crate::scaffold::yaml_string(site.title(target))
        );
    }
    let yaml = &src.text[src.yaml_range.clone()];
    out.push_str(yaml);
    if !yaml.is_empty() && !yaml.ends_with('\n') {
        out.push('\n');
    }
    let _ = writeln!(out, "url: {origin}{}", site.href(site.url(target)));
    let _ = writeln!(out, "version: {}", src.version);
    out.push_str("---\n");
    out.push_str(&crate::markdown::copy::absolute_links_scanned(
        src.body(),
        site.headings(target),
        origin,
        &links,
    ));
    out
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
