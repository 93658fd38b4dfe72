//! A folder of Markdown, GitHub style: every file is copied to the same
//! place under `content/`, so relative links and images keep working. The
//! top README.md becomes the home page; the title is its `# heading`.

use std::path::Path;

use super::{Generator, Plan, SiteInfo};

/// A Markdown folder's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let mut plan = Plan::new(Generator::Plain, SiteInfo::default());
    plan.add_tree(src, "content", &|_| false);
    plan
}
