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
        let next_free = next_free_number(site, &section.pages);
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
                    .with_source(&page.source.text)
                    .with_hint(format!(
                        "give each principle of the section its own number: {next_free} is free"
                    )),
                );
            }
        }
    }
}

/// One past the greatest number of the principles among `pages`: free
/// whatever else the section holds, and where a new principle goes.
fn next_free_number(site: &Site, pages: &[super::PageId]) -> i64 {
    (pages.iter().map(|&p| &site.pages[p]))
        .filter(|page| page.kind == Kind::Principle)
        .filter_map(|page| page.meta.number)
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use crate::site::testing::{lines, resolve};

    #[test]
    fn a_number_used_twice_in_a_section_is_an_error_at_its_line() {
        let (_, diagnostics) = resolve(&[
            ("p/_index.md", "---\ntitle: P\npage_kind: principle\n---\n"),
            ("p/a.md", "---\ntitle: A\nnumber: 1\n---\n"),
            ("p/b.md", "---\ntitle: B\nnumber: 1\n---\n"),
            ("p/c.md", "---\ntitle: C\nnumber: 2\n---\n"),
            // Another section numbers its own principles.
            ("q/d.md", "---\ntitle: D\nkind: principle\nnumber: 1\n---\n"),
        ]);
        assert_eq!(
            lines(&diagnostics),
            [
                "content/p/b.md:3:1 duplicate-number: principle number 1 is already used by `content/p/a.md`"
            ]
        );
    }
}
