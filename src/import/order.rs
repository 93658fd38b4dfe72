//! Reading order → credo `weight`s.
//!
//! Other generators give the order of their pages in one list (mdBook's
//! SUMMARY.md, the MkDocs `nav`) or as positions per page (Docusaurus
//! `sidebar_position`, Jekyll `nav_order`). credo orders the pages of one
//! section by `weight` and sections among their siblings by their own page's
//! `weight`, so each order becomes weights 10, 20, 30… within each group of
//! siblings (room to slot a page in between later).

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The step between two neighbours' weights.
const STEP: i64 = 10;

/// The file names that make a Markdown file its folder's own page.
pub(crate) const FOLDER_PAGES: &[&str] = &["_index.md", "index.md", "README.md"];

/// The folder whose members `path` is ordered among: a page's own folder,
/// or for a folder's own page, the folder above (sections are ordered among
/// their siblings). `None` for the home page, which has no siblings.
fn sibling_group(path: &str) -> Option<&str> {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    if !FOLDER_PAGES.contains(&name) {
        return Some(folder);
    }
    if folder.is_empty() || folder == "content" {
        return None;
    }
    Some(folder.rsplit_once('/').map_or("", |(up, _)| up))
}

/// Weights from one reading order of paths: the first path of a group of
/// siblings gets 10, the next 20… A path listed twice keeps its first place.
pub(crate) fn weights_from_order<'a>(
    order: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<String, i64> {
    let mut next: BTreeMap<&str, i64> = BTreeMap::new();
    let mut weights = BTreeMap::new();
    for path in order {
        if weights.contains_key(path) {
            continue;
        }
        let Some(group) = sibling_group(path) else {
            continue;
        };
        let slot = next.entry(group).or_insert(0);
        *slot += STEP;
        weights.insert(path.to_string(), *slot);
    }
    weights
}

/// Weights from positions: within each group of siblings, sorted by
/// position (ties by path), then numbered as [`weights_from_order`] does.
pub(crate) fn weights_from_positions(positions: &[(String, f64)]) -> BTreeMap<String, i64> {
    let mut sorted: Vec<&(String, f64)> = positions.iter().collect();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    weights_from_order(sorted.into_iter().map(|(path, _)| path.as_str()))
}

/// The chapters of an mdBook SUMMARY.md in reading order: (title, link
/// target without fragment). Draft chapters (an empty link) are skipped.
pub(crate) fn summary_chapters(summary: &str) -> Vec<(String, String)> {
    let mut chapters = Vec::new();
    let mut open: Option<(String, String)> = None;
    for event in Parser::new(summary) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                open = Some((String::new(), dest_url.to_string()));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((title, _)) = open.as_mut() {
                    title.push_str(&text);
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some((title, dest)) = open.take() {
                    let dest = clean_link(&dest);
                    if !dest.is_empty() {
                        chapters.push((title.trim().to_string(), dest));
                    }
                }
            }
            _ => {}
        }
    }
    chapters
}

/// A relative link as a path: no fragment, no `./`, percent-decoded.
pub(crate) fn clean_link(dest: &str) -> String {
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let path = path.trim_start_matches("./");
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

/// The pages of an MkDocs `nav` in reading order: (title if the nav gives
/// one, path under docs_dir). External links are skipped.
pub(crate) fn mkdocs_nav(nav: &serde_yaml::Value) -> Vec<(Option<String>, String)> {
    let mut pages = Vec::new();
    collect_nav(nav, None, &mut pages);
    pages
}

fn collect_nav(
    item: &serde_yaml::Value,
    title: Option<String>,
    pages: &mut Vec<(Option<String>, String)>,
) {
    use serde_yaml::Value;
    match item {
        Value::String(path) if !path.contains("://") => pages.push((title, clean_link(path))),
        Value::Sequence(items) => {
            for item in items {
                collect_nav(item, None, pages);
            }
        }
        Value::Mapping(map) => {
            for (key, value) in map {
                let title = key.as_str().map(str::to_string);
                collect_nav(value, title, pages);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers_each_group_of_siblings() {
        let weights = weights_from_order([
            "content/README.md",
            "content/intro.md",
            "content/guide/README.md",
            "content/guide/a.md",
            "content/guide/b.md",
            "content/faq.md",
            "content/intro.md",
        ]);
        let expected: BTreeMap<String, i64> = [
            ("content/intro.md", 10),
            ("content/guide/README.md", 20),
            ("content/guide/a.md", 10),
            ("content/guide/b.md", 20),
            ("content/faq.md", 30),
        ]
        .into_iter()
        .map(|(p, w)| (p.to_string(), w))
        .collect();
        assert_eq!(weights, expected);
    }

    #[test]
    fn positions_are_ranked_fractions_included() {
        let weights = weights_from_positions(&[
            ("content/b.md".into(), 2.5),
            ("content/a.md".into(), 3.0),
            ("content/c.md".into(), 1.0),
        ]);
        assert_eq!(weights["content/c.md"], 10);
        assert_eq!(weights["content/b.md"], 20);
        assert_eq!(weights["content/a.md"], 30);
    }

    #[test]
    fn summary_gives_titles_and_targets_in_order() {
        let summary = "# Summary\n\n[Intro](./README.md)\n\n# Part\n\n- [First `step`](first.md)\n    - [Nested](sub/nested%20page.md#top)\n- [Draft]()\n\n---\n\n[Appendix](appendix.md)\n";
        let chapters = summary_chapters(summary);
        let expected = [
            ("Intro", "README.md"),
            ("First step", "first.md"),
            ("Nested", "sub/nested page.md"),
            ("Appendix", "appendix.md"),
        ];
        let got: Vec<(&str, &str)> = chapters
            .iter()
            .map(|(t, d)| (t.as_str(), d.as_str()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn mkdocs_nav_flattens_sections_and_skips_urls() {
        let nav: serde_yaml::Value = serde_yaml::from_str(
            "- index.md\n- Guide:\n  - Setup: guide/setup.md\n  - guide/use.md\n- GitHub: https://github.com/x\n",
        )
        .unwrap();
        assert_eq!(
            mkdocs_nav(&nav),
            [
                (None, "index.md".to_string()),
                (Some("Setup".to_string()), "guide/setup.md".to_string()),
                (None, "guide/use.md".to_string()),
            ]
        );
    }
}
