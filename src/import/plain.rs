//! A folder of Markdown, GitHub style: every file is copied to the same
//! place under `content/`, so relative links and images keep working. The
//! top README.md becomes the home page; the title is its `# heading`. A
//! generator's configuration at the top (a `hugo.toml` whose content
//! folder is missing, a `credo.yaml`) is left out: under `content/` it
//! would be published.

use std::path::Path;

use super::{Generator, Plan, SiteInfo};

/// Folders generators build a site into, at the top of a repository.
const OUTPUT_FOLDERS: &[&str] = &["_site", "public", "site", "book", "build", "dist", "out"];

/// A Markdown folder's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let mut plan = Plan::new(Generator::Plain, SiteInfo::default());
    // A build left lying around (`_site/` of GitHub Pages, an mdBook's
    // `book/`) is a folder of that name with an `index.html` and no
    // Markdown: its copy would publish an old site over the new one.
    let outputs: Vec<&str> = (OUTPUT_FOLDERS.iter().copied())
        .filter(|name| {
            let folder = src.join(name);
            folder.join("index.html").is_file() && !holds_markdown(&folder)
        })
        .collect();
    let left_out = |rel: &str| {
        let top = rel.split('/').next().unwrap_or(rel);
        super::GENERATOR_CONFIGS.contains(&rel) || outputs.contains(&top)
    };
    plan.add_tree(src, "content", &left_out);
    for name in &outputs {
        plan.skipped.push(format!(
            "{name}/: a built site (HTML a generator made), which would be published over the new one"
        ));
    }
    if src.join("node_modules").is_dir() {
        plan.skipped
            .push("node_modules/: JavaScript packages, not the handbook".to_string());
    }
    for name in super::GENERATOR_CONFIGS {
        if src.join(name).is_file() {
            plan.skipped.push(format!(
                "{name}: a site generator's configuration, which would be published under content/"
            ));
        }
    }
    plan
}

/// Whether any file under `folder` is Markdown.
fn holds_markdown(folder: &Path) -> bool {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .flatten()
        .any(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("md"))
        })
}
