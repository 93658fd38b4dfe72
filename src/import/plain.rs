//! A folder of Markdown, GitHub style: every file is copied to the same
//! place under `content/`, so relative links and images keep working. The
//! top README.md becomes the home page; the title is its `# heading`. A
//! generator's configuration at the top (a `hugo.toml` whose content
//! folder is missing, a `credo.yaml`) is left out: under `content/` it
//! would be published.

use std::path::Path;

use super::{Generator, Plan, SiteInfo};

/// A Markdown folder's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let mut plan = Plan::new(Generator::Plain, SiteInfo::default());
    let is_config = |rel: &str| super::GENERATOR_CONFIGS.contains(&rel);
    plan.add_tree(src, "content", &is_config);
    for name in super::GENERATOR_CONFIGS {
        if src.join(name).is_file() {
            plan.skipped.push(format!(
                "{name}: a site generator's configuration, which would be published under content/"
            ));
        }
    }
    plan
}
