//! Principle numbers: within a section, no two principles share a
//! `number` (readers cite them by it: "principle 3").

use std::collections::HashMap;

use super::Site;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::frontmatter::Kind;

/// Two principles of one section with the same `number`: the second in the
/// section's order is reported at its `number:` line.
pub(super) fn check_principle_numbers(site: &Site, diagnostics: &mut Diagnostics) {
    for section in &site.sections {
        let mut seen: HashMap<i64, &str> = HashMap::new();
        for &p in &section.pages {
            let page = &site.pages[p];
            if page.kind != Kind::Principle {
                continue;
            }
            if let Some(n) = page.meta.number
                && let Some(other) = seen.insert(n, &page.source.file)
            {
                let (line, col) = page.source.yaml().locate("number", None);
                diagnostics.push(
                    Diagnostic::error(
                        &page.source.file,
                        line,
                        col,
                        Code::DuplicateNumber,
                        format!("principle number {n} is already used by `{other}`"),
                    )
                    .with_source(&page.source.text),
                );
            }
        }
    }
}
