//! mdBook: the book's `src/` folder becomes `content/`, SUMMARY.md gives the
//! reading order (as weights) and the chapter titles (for pages that have no
//! `# heading` of their own), and book.toml the title and description.

use std::path::Path;

use super::{Generator, Plan, SiteInfo, config_text, order, read_config};

/// An mdBook's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let config = read_config(&src.join("book.toml")).unwrap_or_default();
    let site = SiteInfo {
        title: config_text(&config, "book.title"),
        description: config_text(&config, "book.description"),
        base_url: None,
        language: config_text(&config, "book.language"),
        ..SiteInfo::default()
    };
    let book = config_text(&config, "book.src").unwrap_or_else(|| "src".into());
    let book = src.join(book);
    let mut plan = Plan::new(Generator::MdBook, site);
    plan.add_tree(&book, "content", &|rel| rel == "SUMMARY.md");
    match std::fs::read_to_string(book.join("SUMMARY.md")) {
        Ok(summary) => {
            plan.order = order::summary_chapters(&summary)
                .into_iter()
                .map(|(title, path)| (format!("content/{path}"), Some(title)))
                .collect();
            plan.skipped
                .push("SUMMARY.md: read for the order and titles of the chapters".into());
            // mdBook builds only what SUMMARY.md lists: the other pages
            // (often fragments other chapters `{{#include}}`) are drafts.
            let listed: std::collections::BTreeSet<&str> =
                plan.order.iter().map(|(dest, _)| dest.as_str()).collect();
            let unlisted: Vec<String> = (plan.pages.iter())
                .map(|entry| entry.dest.clone())
                .filter(|dest| !listed.contains(dest.as_str()) && !is_folder_page(dest))
                .collect();
            plan.drafts.extend(unlisted);
            plan.drafts_because = "not in SUMMARY.md";
        }
        Err(_) => plan
            .skipped
            .push("SUMMARY.md: not found, so no reading order".into()),
    }
    if src.join("theme").is_dir() {
        plan.skipped
            .push("theme/: mdBook templates credo has no use for".into());
    }
    plan
}

/// Whether `dest` is a folder's own page (credo's section page), which
/// takes no `draft`.
fn is_folder_page(dest: &str) -> bool {
    let name = dest.rsplit('/').next().unwrap_or(dest);
    ["README.md", "index.md", "_index.md"].contains(&name)
}
