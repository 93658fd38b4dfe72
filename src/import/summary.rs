//! A book's SUMMARY.md followed (mdBook's, GitBook's): its chapters give
//! the reading order (as weights) and the titles of pages that have no
//! `# heading` of their own, its part titles (`# Onboarding`, GitBook's
//! `## Onboarding` groups) the titles of the folders a part's chapters
//! share. Both generators build only what SUMMARY.md lists, so the other
//! pages become drafts; a chapter with subchapters, which credo would
//! serve at its folder's URL, becomes that folder's own page. Docsify's
//! `_sidebar.md` is followed the same way, its links read as Docsify's
//! routes ([`order::docsify_page`]); Docsify publishes every page, listed
//! or not, so none becomes a draft.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{Generator, Plan, order};

/// Follows `summary`, the text of the file `name` (SUMMARY.md), whose links
/// name pages under `content/`: the plan's order, its folders' titles, its
/// drafts, and what the report says about it.
pub(super) fn follow(plan: &mut Plan, name: &str, summary: &str) {
    let docsify = plan.generator == Generator::Docsify;
    let page = match docsify {
        true => order::docsify_page,
        false => order::book_page,
    };
    plan.order = order::summary_chapters(summary, page)
        .into_iter()
        .map(|(title, path)| (format!("content/{path}"), Some(title)))
        .collect();
    plan.folder_titles = order::summary_part_folders(summary, page)
        .into_iter()
        .map(|(folder, title)| (format!("content/{folder}"), title))
        .collect();
    plan.skipped.push(format!(
        "{name}: read for the order and titles of the chapters"
    ));
    // The generator makes a chapter's missing file, empty: there is no page
    // to bring, but the author should know the chapter is gone.
    let generator = plan.generator.name();
    let there: BTreeSet<&str> = plan.pages.iter().map(|entry| entry.dest.as_str()).collect();
    let missing: Vec<String> = (plan.order.iter())
        .filter(|(dest, _)| !there.contains(dest.as_str()))
        .map(|(dest, title)| {
            let file = dest.strip_prefix("content/").unwrap_or(dest);
            let title = title.as_deref().unwrap_or(file);
            let makes = match docsify {
                true => "shows its not-found page there",
                false => "would make it an empty page",
            };
            format!(
                "{name}: chapter \"{title}\" names {file}, which is not there ({generator} {makes})"
            )
        })
        .collect();
    plan.skipped.extend(missing);
    if docsify {
        return;
    }
    // Only what SUMMARY.md lists is built: the other pages (often
    // fragments other chapters include) are drafts.
    let listed: BTreeSet<&str> = plan.order.iter().map(|(dest, _)| dest.as_str()).collect();
    let unlisted: Vec<String> = (plan.pages.iter())
        .map(|entry| entry.dest.clone())
        .filter(|dest| !listed.contains(dest.as_str()) && !is_folder_page(dest))
        .collect();
    (plan.drafts).extend(unlisted.into_iter().map(|dest| (dest, "not in SUMMARY.md")));
}

/// A chapter with subchapters (SUMMARY.md lists `billing.md`, then
/// `billing/refunds.md`): mdBook and GitBook serve it beside the folder,
/// where credo would serve it at the folder's own URL, taken by the
/// folder's section. It becomes the folder's own page
/// (`billing/_index.md`), keeping its place, title and text; links to it
/// and its own relative links follow (see [`Plan::renamed`]). A page the
/// folder has of its own already (`billing/README.md`, which mdBook serves
/// at `billing/index.html`) would take the same URL: it is renamed as any
/// second page of a folder is (`README-page.md`, see
/// `Plan::keep_one_folder_page`).
pub(super) fn move_chapters_into_their_folders(plan: &mut Plan) {
    let dests: BTreeSet<String> = plan.pages.iter().map(|p| p.dest.clone()).collect();
    let chapters: Vec<String> = (plan.order.iter())
        .map(|(dest, _)| dest.clone())
        .filter(|dest| dests.contains(dest) && !is_folder_page(dest))
        .collect();
    for chapter in chapters {
        let Some(folder) = chapter.strip_suffix(".md") else {
            continue;
        };
        let inside = format!("{folder}/");
        let holds_pages = dests.iter().any(|d| d.starts_with(&inside));
        if !holds_pages {
            continue;
        }
        let to = format!("{inside}_index.md");
        plan.rename_page(&chapter, &to);
        let file = chapter.strip_prefix("content/").unwrap_or(&chapter);
        let sub = inside.strip_prefix("content/").unwrap_or(&inside);
        plan.notes.push(format!(
            "{file} → {to}: a chapter with subchapters ({sub}) is its folder's own page in credo"
        ));
    }
}

/// Whether `dest` is a folder's own page (credo's section page), which
/// takes no `draft`.
pub(super) fn is_folder_page(dest: &str) -> bool {
    let name = dest.rsplit('/').next().unwrap_or(dest);
    order::FOLDER_PAGES.contains(&name)
}

/// Whether `text`, a SUMMARY.md with no generator's configuration beside
/// it, is a book's table of contents: headings, rules and links to pages,
/// at least one, with no text of its own outside them. A SUMMARY.md of
/// prose (`We shipped [onboarding](guides/onboarding.md).`) is a page.
pub(super) fn is_table_of_contents(text: &str) -> bool {
    let mut links = 0;
    let mut in_link = 0;
    let mut in_heading = false;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => {
                in_link -= 1;
                links += 1;
            }
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) | Event::Code(t)
                if in_link == 0 && !in_heading && !t.trim().is_empty() =>
            {
                return false;
            }
            _ => {}
        }
    }
    links > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_list_of_links_is_a_table_of_contents() {
        let gitbook = "# Table of contents\n\n* [Welcome](README.md)\n\n## Care\n\n* [Calls](care/calls.md)\n  * [Night](<care/night shift.md>)\n";
        let mdbook = "# Summary\n\n[Intro](README.md)\n\n- [First](first.md)\n\n---\n\n[Appendix](appendix.md)\n";
        assert!(is_table_of_contents(gitbook));
        assert!(is_table_of_contents(mdbook));
        let report =
            "# Quarterly summary\n\nWe shipped [onboarding](guides/onboarding.md). Revenue up.\n";
        let notes = "# Summary\n\n- Hired two people\n- See [hiring](hiring.md)\n";
        for prose in [report, notes, "# Summary\n", ""] {
            assert!(!is_table_of_contents(prose), "{prose}");
        }
    }
}
