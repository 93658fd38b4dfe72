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
pub(super) const STEP: i64 = 10;

/// The file names that make a Markdown file its folder's own page.
pub(crate) const FOLDER_PAGES: &[&str] = &["_index.md", "index.md", "README.md"];

/// What `path` stands for among its siblings: a page itself, or for a
/// folder's own page, its folder (sections are ordered among their
/// siblings). `None` for the home page, which has no siblings.
pub(super) fn member(path: &str) -> Option<&str> {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    if !FOLDER_PAGES.contains(&name) {
        return Some(path);
    }
    (!folder.is_empty() && folder != "content").then_some(folder)
}

/// The folder a member is ordered in.
pub(super) fn group(member: &str) -> &str {
    member.rsplit_once('/').map_or("", |(up, _)| up)
}

/// Weights from one reading order of paths: the first member of a group of
/// siblings gets 10, the next 20… A path listed twice keeps its first place.
/// A folder takes its place among its siblings where its first page is
/// listed, whether or not its own page is: the weights of folders are keyed
/// by the folder (`content/guide`), those of pages by the page.
pub(crate) fn weights_from_order<'a>(
    order: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<String, i64> {
    rank(order, true)
}

/// [`weights_from_order`]; `folders`: whether a page listed before its
/// folder places the folder too.
fn rank<'a>(order: impl IntoIterator<Item = &'a str>, folders: bool) -> BTreeMap<String, i64> {
    let mut next: BTreeMap<&str, i64> = BTreeMap::new();
    let mut weights = BTreeMap::new();
    let mut place = |member: &'a str, weights: &mut BTreeMap<String, i64>| {
        if !weights.contains_key(member) {
            let slot = next.entry(group(member)).or_insert(0);
            *slot += STEP;
            weights.insert(member.to_string(), *slot);
        }
    };
    for path in order {
        let Some(member) = member(path) else {
            continue;
        };
        if folders {
            // The folders above, outermost first, below `content/`.
            let above: Vec<&str> = std::iter::successors(Some(group(member)), |f| {
                Some(group(f)).filter(|up| !up.is_empty())
            })
            .take_while(|f| f.contains('/'))
            .collect();
            for folder in above.into_iter().rev() {
                place(folder, &mut weights);
            }
        }
        place(member, &mut weights);
    }
    weights
}

/// Weights from positions: within each group of siblings, sorted by
/// position (ties by path), then numbered as [`weights_from_order`] does;
/// a folder is placed by its own position only.
pub(crate) fn weights_from_positions(positions: &[(String, f64)]) -> BTreeMap<String, i64> {
    let mut sorted: Vec<&(String, f64)> = positions.iter().collect();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    rank(sorted.into_iter().map(|(path, _)| path.as_str()), false)
}

/// How the links of a reading order's file (SUMMARY.md, `_sidebar.md`) name
/// pages: the page's path below the pages' root, `None` for a link to no
/// page (a draft chapter's empty link, another site).
pub(crate) type PagePath = fn(&str) -> Option<String>;

/// A SUMMARY.md link (mdBook's, GitBook's): the file's path as written,
/// without fragment.
pub(crate) fn book_page(dest: &str) -> Option<String> {
    Some(clean_link(dest)).filter(|path| !path.is_empty())
}

/// A Docsify `_sidebar.md` link: a route, read from the docs' root whether
/// or not it starts with `/` (or `#/`), with or without `.md`: `/` and a
/// folder (`guide/`) name its README.md, `/guide/README` and `setup` the
/// file they name with `.md`. A link to another site, a heading of the
/// page or a file that is no page (`form.pdf`) names none.
pub(crate) fn docsify_page(dest: &str) -> Option<String> {
    let dest = dest.trim();
    let route = dest.strip_prefix("#/").map(|route| format!("/{route}"));
    let dest = route.as_deref().unwrap_or(dest);
    if dest.is_empty() || dest.starts_with(['#', '?']) || dest.starts_with("//") {
        return None;
    }
    if crate::markdown::has_scheme(dest) {
        return None;
    }
    let path = clean_link(dest);
    let path = path.trim_start_matches('/');
    let name = path.rsplit('/').next().unwrap_or(path);
    let page = match name.rsplit_once('.') {
        _ if name.is_empty() => format!("{path}README.md"),
        Some((_, "md")) => path.to_string(),
        Some((_, extension))
            if extension.chars().all(|c| c.is_ascii_alphanumeric())
                && extension.chars().any(|c| c.is_ascii_alphabetic()) =>
        {
            return None;
        }
        _ => format!("{path}.md"),
    };
    crate::site::refs::normalise(&page)
}

/// The chapters of an mdBook SUMMARY.md in reading order: (title, page
/// path, as `page` reads the link). Draft chapters (an empty link) are
/// skipped.
pub(crate) fn summary_chapters(summary: &str, page: PagePath) -> Vec<(String, String)> {
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
                if let Some((title, dest)) = open.take()
                    && let Some(path) = page(&dest)
                {
                    chapters.push((title.trim().to_string(), path));
                }
            }
            _ => {}
        }
    }
    chapters
}

/// The folders mdBook's part titles (`# User guide` between chapter lists)
/// name: (folder under the book's `src/`, title). A part titles the folder
/// its chapters share when no chapter of another part lies in it; one
/// whose chapters share none titles nothing. The first heading, before any
/// chapter, is the title of SUMMARY.md itself. Links are read by `page`.
pub(crate) fn summary_part_folders(summary: &str, page: PagePath) -> Vec<(String, String)> {
    let mut parts: Vec<(String, Vec<String>)> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    let mut heading: Option<String> = None;
    let mut in_part = false;
    let mut seen_any = false;
    let mut link: Option<String> = None;
    for event in Parser::new(summary) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(level)) => {
                let title = heading.take().unwrap_or_default();
                // The file's own title (`# Summary`, `# Table of contents`)
                // is a first `#` heading; a first `## Group` (a GitBook
                // SUMMARY.md without a title) is a part already.
                in_part = seen_any || level != pulldown_cmark::HeadingLevel::H1;
                seen_any = true;
                if in_part {
                    parts.push((title.trim().to_string(), Vec::new()));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(title) = heading.as_mut() {
                    title.push_str(&text);
                }
            }
            // `---` ends the numbered chapters, and so the part.
            Event::Rule => in_part = false,
            Event::Start(Tag::Link { dest_url, .. }) => {
                seen_any = true;
                link = Some(page(&dest_url).unwrap_or_default());
            }
            Event::End(TagEnd::Link) => match (link.take(), parts.last_mut()) {
                (Some(dest), _) if dest.is_empty() => {}
                (Some(dest), Some((_, chapters))) if in_part => chapters.push(dest),
                (Some(dest), _) => others.push(dest),
                (None, _) => {}
            },
            _ => {}
        }
    }
    let mut folders = Vec::new();
    for (index, (title, chapters)) in parts.iter().enumerate() {
        let Some(folder) = common_folder(chapters).filter(|_| !title.is_empty()) else {
            continue;
        };
        let inside = |path: &String| path.starts_with(&format!("{folder}/"));
        let elsewhere = (parts.iter().enumerate())
            .filter(|(other, _)| *other != index)
            .flat_map(|(_, (_, chapters))| chapters)
            .chain(&others)
            .any(inside);
        if !elsewhere {
            folders.push((folder, title.clone()));
        }
    }
    folders
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

/// The folders an MkDocs `nav` section titles: (folder under docs_dir,
/// title), outermost first. A section titles the folder all its pages
/// share (`How-to:` over `howto/a.md`, `howto/b.md` titles `howto`); one
/// whose pages share no folder titles none.
pub(crate) fn mkdocs_sections(nav: &serde_yaml::Value) -> Vec<(String, String)> {
    let mut sections = Vec::new();
    collect_sections(nav, &mut sections);
    sections
}

fn collect_sections(item: &serde_yaml::Value, sections: &mut Vec<(String, String)>) {
    use serde_yaml::Value;
    match item {
        Value::Sequence(items) => items.iter().for_each(|i| collect_sections(i, sections)),
        Value::Mapping(map) => {
            for (key, value) in map {
                if let (Some(title), Value::Sequence(_)) = (key.as_str(), value) {
                    let pages: Vec<String> =
                        mkdocs_nav(value).into_iter().map(|(_, p)| p).collect();
                    if let Some(folder) = common_folder(&pages) {
                        sections.push((folder, title.to_string()));
                    }
                }
                collect_sections(value, sections);
            }
        }
        _ => {}
    }
}

/// The deepest folder that holds every path (`None` for the top).
fn common_folder(paths: &[String]) -> Option<String> {
    let mut common: Option<Vec<&str>> = None;
    for path in paths {
        let folders: Vec<&str> = path.split('/').collect();
        let folders = &folders[..folders.len().saturating_sub(1)];
        common = Some(match common {
            None => folders.to_vec(),
            Some(c) => c
                .iter()
                .zip(folders)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    common.filter(|c| !c.is_empty()).map(|c| c.join("/"))
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
            ("content/guide", 20),
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
    fn a_folder_without_its_own_page_takes_the_place_of_its_first_page() {
        // SUMMARY.md: intro, the guide's chapters (no guide/README.md), a
        // nested folder's page listed before that folder's own page, then
        // an appendix; audit item 3 found the folders with no weight.
        let weights = weights_from_order([
            "content/README.md",
            "content/intro.md",
            "content/guide/start.md",
            "content/guide/deep/x.md",
            "content/guide/deep/index.md",
            "content/guide/end.md",
            "content/appendix.md",
        ]);
        let got: Vec<(&str, i64)> = weights.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(
            got,
            [
                ("content/appendix.md", 30),
                ("content/guide", 20),
                ("content/guide/deep", 20),
                ("content/guide/deep/x.md", 10),
                ("content/guide/end.md", 30),
                ("content/guide/start.md", 10),
                ("content/intro.md", 10),
            ]
        );
    }

    #[test]
    fn mkdocs_sections_title_the_folder_their_pages_share() {
        let nav: serde_yaml::Value = serde_yaml::from_str(
            "- index.md\n- How-to:\n  - Answer: howto/answer.md\n  - howto/refund.md\n  - Deeper:\n    - howto/deep/a.md\n- Mixed:\n  - a.md\n  - howto/c.md\n- Links:\n  - https://example.com/\n",
        )
        .unwrap();
        assert_eq!(
            mkdocs_sections(&nav),
            [
                ("howto".to_string(), "How-to".to_string()),
                ("howto/deep".to_string(), "Deeper".to_string()),
            ]
        );
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
        let chapters = summary_chapters(summary, book_page);
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
    fn docsify_sidebar_links_are_routes_from_the_docs_root() {
        let page = |dest: &str| docsify_page(dest);
        assert_eq!(page("setup.md").as_deref(), Some("setup.md"));
        assert_eq!(page("/setup").as_deref(), Some("setup.md"));
        assert_eq!(page("setup").as_deref(), Some("setup.md"));
        assert_eq!(page("guide/").as_deref(), Some("guide/README.md"));
        assert_eq!(page("/").as_deref(), Some("README.md"));
        assert_eq!(page("/guide/README").as_deref(), Some("guide/README.md"));
        assert_eq!(page("#/guide/setup").as_deref(), Some("guide/setup.md"));
        assert_eq!(
            page("/care/first%20call?id=greeting").as_deref(),
            Some("care/first call.md")
        );
        assert_eq!(page("/notes/v1.2").as_deref(), Some("notes/v1.2.md"));
        for none in [
            "",
            "#greeting",
            "https://status.example",
            "//cdn.example/x",
            "/files/form.pdf",
            "/../out",
        ] {
            assert_eq!(page(none), None, "{none}");
        }
        let sidebar = "- [Home](/)\n- Care\n  - [Care](care/)\n  - [Calls](/care/calls)\n- [Status](https://status.example)\n";
        let chapters = summary_chapters(sidebar, docsify_page);
        let got: Vec<(&str, &str)> = (chapters.iter())
            .map(|(t, d)| (t.as_str(), d.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Home", "README.md"),
                ("Care", "care/README.md"),
                ("Calls", "care/calls.md")
            ]
        );
    }

    #[test]
    fn summary_parts_title_the_folders_their_chapters_share() {
        let summary = "# Summary\n\n[Preface](preface.md)\n\n# User guide\n\n- [Install](guide/install.md)\n    - [Deep](guide/deep/x.md)\n- [Draft]()\n\n# Mixed\n\n- [A](a.md)\n- [B](ref/b.md)\n\n# Shared\n\n- [C](ref/c.md)\n\n---\n\n[More](guide/more.md)\n";
        // `guide` is not the part's alone while a suffix chapter lies in
        // it; `ref` never is (two parts share it).
        let summary_shared = summary.replace("guide/more.md", "more.md");
        assert_eq!(summary_part_folders(summary, book_page), []);
        assert_eq!(
            summary_part_folders(&summary_shared, book_page),
            [("guide".to_string(), "User guide".to_string())]
        );
        // A GitBook SUMMARY.md without its `# Table of contents` title:
        // its first group is a part.
        let gitbook = "## Client care\n\n* [Calls](care/calls.md)\n* [Visits](care/visits.md)\n\n## Billing\n\n* [Refunds](billing/refunds.md)\n";
        assert_eq!(
            summary_part_folders(gitbook, book_page),
            [
                ("care".to_string(), "Client care".to_string()),
                ("billing".to_string(), "Billing".to_string())
            ]
        );
        let titled = format!("# Table of contents\n\n{gitbook}");
        assert_eq!(
            summary_part_folders(&titled, book_page),
            summary_part_folders(gitbook, book_page)
        );
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
