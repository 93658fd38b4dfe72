//! Aliases: the old URLs of a page (`aliases:`), each redirecting to it,
//! unless it is not a path inside the site or another page, alias or
//! output of credo's already takes it.

use std::collections::{BTreeMap, HashSet};

use super::collisions::generated_path;
use super::{Site, Target, refs};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

/// Every valid alias into `site.aliases`; each invalid or colliding one
/// reported at its line.
pub(super) fn build_aliases(site: &mut Site, diagnostics: &mut Diagnostics) {
    let real: HashSet<&str> = site
        .pages
        .iter()
        .map(|p| p.url.as_str())
        .chain(site.sections.iter().map(|s| s.url.as_str()))
        .collect();
    let mut aliases = BTreeMap::new();
    for (id, p) in site.pages.iter().enumerate() {
        for alias in &p.meta.aliases {
            let error = |code: Code, message: String| {
                let (line, col) = p.source.yaml().locate("aliases", Some(alias));
                Diagnostic::error(&p.source.file, line, col, code, message)
                    .with_source(&p.source.text)
            };
            if names_another_site(alias) {
                diagnostics.push(
                    error(
                        Code::InvalidAlias,
                        format!("alias `{alias}` is a URL, not a path inside the site"),
                    )
                    .with_hint(
                        "write the old path from the site root, like `/old/page/`; \
                         a redirect from another host is that host's to make",
                    ),
                );
                continue;
            }
            let Some(path) = refs::normalise(alias.trim()).filter(|p| !p.is_empty()) else {
                diagnostics.push(error(
                    Code::InvalidAlias,
                    format!("alias `{alias}` is not a path inside the site"),
                ));
                continue;
            };
            // `/old/page.html` is that file, as the old site served it;
            // `/old/`, `/old` and `/old/index.html` are the folder.
            let folder = match path.as_str() {
                "index.html" => "",
                _ => path.strip_suffix("/index.html").unwrap_or(&path),
            };
            let is_file = path.ends_with(".html") && folder == path && !alias.trim().ends_with('/');
            let (path, as_folder) = match folder {
                _ if is_file => (path.clone(), format!("{path}/")),
                "" => (String::new(), String::new()),
                _ => (format!("{folder}/"), format!("{folder}/")),
            };
            let collides = generated_path(site, &path).or_else(|| {
                (real.contains(as_folder.as_str()) || aliases.contains_key(&path))
                    .then_some("a page or another alias")
            });
            if let Some(what) = collides {
                diagnostics.push(error(
                    Code::AliasCollision,
                    format!("alias `{alias}` collides with {what} at /{path}"),
                ));
                continue;
            }
            aliases.insert(path, Target::Page(id));
        }
    }
    site.aliases = aliases;
}

/// Whether an alias names a URL with a scheme or a host (`https://x/`,
/// `//x/`), or a query or fragment, which no file of the output can answer.
fn names_another_site(alias: &str) -> bool {
    let alias = alias.trim();
    alias.starts_with("//")
        || alias.contains(['?', '#'])
        || alias
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains('/'))
}

#[cfg(test)]
mod tests {
    use crate::site::Target;
    use crate::site::testing::{lines, page, resolve};

    #[test]
    fn an_alias_redirects_and_a_colliding_one_is_an_error_at_its_line() {
        let (site, diagnostics) = resolve(&[
            (
                "a.md",
                "---\ntitle: A\naliases:\n  - /old/a.html\n  - /old/b/index.html\n---\n",
            ),
            (
                "b.md",
                "---\ntitle: B\naliases:\n  - /old/b\n  - /a/\n  - /print/\n  - ../../x\n  - https://other.example/z\n  - //host/x\n  - /x?page=2\n  - /a:b/\n---\n",
            ),
        ]);
        let a = Target::Page(page(&site, "a"));
        let aliases: Vec<_> = (site.aliases.iter())
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        let b = Target::Page(page(&site, "b"));
        assert_eq!(aliases, [("a:b/", b), ("old/a.html", a), ("old/b/", a)]);
        assert_eq!(
            lines(&diagnostics),
            [
                "content/b.md:4:5 alias-collision: alias `/old/b` collides with a page or another alias at /old/b/",
                "content/b.md:5:5 alias-collision: alias `/a/` collides with a page or another alias at /a/",
                "content/b.md:6:5 alias-collision: alias `/print/` collides with the print page at /print/",
                "content/b.md:7:5 invalid-alias: alias `../../x` is not a path inside the site",
                "content/b.md:8:5 invalid-alias: alias `https://other.example/z` is a URL, not a path inside the site",
                "content/b.md:9:5 invalid-alias: alias `//host/x` is a URL, not a path inside the site",
                "content/b.md:10:5 invalid-alias: alias `/x?page=2` is a URL, not a path inside the site",
            ]
        );
    }
}
