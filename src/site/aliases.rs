//! Aliases: the old URLs of a page (`aliases:`), each redirecting to it,
//! unless it is not a path inside the site or another page, alias or
//! output of credo's already takes it.
//!
//! A page's aliases are paths from its language's root: a `de` page's
//! `/old/` is `/de/old/`. Each language's site checks its own; an alias of
//! the default language may also name a path inside another language's
//! folder (`/de/old/`), which [`check_across_languages`] checks against
//! that language's site once every language is resolved.

use std::collections::{BTreeMap, HashSet};

use super::collisions::generated_path;
use super::{Page, Site, Target, refs};
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
    // Where this language's site is written: `de/` for `de`.
    let prefix = match site.config.root_path {
        Some(_) => format!("{}/", site.config.language),
        None => String::new(),
    };
    let mut aliases = BTreeMap::new();
    for (id, p) in site.pages.iter().enumerate() {
        for alias in &p.meta.aliases {
            let error = |code: Code, message: String| alias_error(p, alias, code, message);
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
            let Some((path, as_folder)) = output_path(alias) else {
                diagnostics.push(error(
                    Code::InvalidAlias,
                    format!("alias `{alias}` is not a path inside the site"),
                ));
                continue;
            };
            let collides = generated_path(site, &path).or_else(|| {
                (real.contains(as_folder.as_str()) || aliases.contains_key(&path))
                    .then_some("a page or another alias")
            });
            if let Some(what) = collides {
                let mut d = error(
                    Code::AliasCollision,
                    format!("alias `{alias}` collides with {what} at /{prefix}{path}"),
                );
                // `/de/old/` on a `de` page is /de/de/old/.
                if !prefix.is_empty() && path.starts_with(prefix.as_str()) {
                    d = d.with_hint(format!(
                        "the aliases of a page in `{}` are paths from /{prefix}: write `/{}` for /{path}",
                        site.config.language,
                        &path[prefix.len()..],
                    ));
                }
                diagnostics.push(d);
                continue;
            }
            aliases.insert(path, Target::Page(id));
        }
    }
    site.aliases = aliases;
}

/// The output path an alias writes, from its language's root, and the
/// same as a folder's URL (`old/a.html` and `old/a.html/`); `None` when it
/// is no path inside the site.
fn output_path(alias: &str) -> Option<(String, String)> {
    let path = refs::normalise(alias.trim()).filter(|p| !p.is_empty())?;
    // `/old/page.html` is that file, as the old site served it;
    // `/old/`, `/old` and `/old/index.html` are the folder.
    let folder = match path.as_str() {
        "index.html" => "",
        _ => path.strip_suffix("/index.html").unwrap_or(&path),
    };
    let is_file = path.ends_with(".html") && folder == path && !alias.trim().ends_with('/');
    Some(match folder {
        _ if is_file => (path.clone(), format!("{path}/")),
        "" => (String::new(), String::new()),
        _ => (format!("{folder}/"), format!("{folder}/")),
    })
}

fn alias_error(page: &Page, alias: &str, code: Code, message: String) -> Diagnostic {
    let (line, col) = page.source.yaml().locate("aliases", Some(alias));
    Diagnostic::error(&page.source.file, line, col, code, message).with_source(&page.source.text)
}

/// The aliases of the default language's site (`site`) that name a path
/// inside another language's folder (`/de/old/`) where that language's
/// site (`others`: its code and site) writes a page, an alias or an output
/// of its own: both would be written to one file. Each is reported at its
/// line, as a collision within one language is, and left out, so that the
/// other language's file stands.
pub(crate) fn check_across_languages(site: &mut Site, others: &[(&str, &Site)]) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let mut dropped = Vec::new();
    for (id, p) in site.pages.iter().enumerate() {
        for alias in &p.meta.aliases {
            let Some((path, _)) = output_path(alias) else {
                continue;
            };
            if site.aliases.get(&path) != Some(&Target::Page(id)) {
                continue; // invalid, or reported already
            }
            let found = others.iter().find_map(|(code, other)| {
                let rest = path.strip_prefix(code)?.strip_prefix('/')?;
                let what = generated_path(other, rest).or_else(|| {
                    (other.target_at(rest).is_some() || other.aliases.contains_key(rest))
                        .then_some("a page or an alias")
                })?;
                Some((*code, what))
            });
            let Some((code, what)) = found else {
                continue;
            };
            diagnostics.push(
                alias_error(
                    p,
                    alias,
                    Code::AliasCollision,
                    format!("alias `{alias}` collides with {what} of the `{code}` site at /{path}"),
                )
                .with_hint(format!(
                    "/{code}/ is where the site in `{code}` is written: remove this alias, or give it to a `{code}` page, whose aliases are paths from /{code}/ (`/{}`)",
                    &path[code.len() + 1..],
                )),
            );
            dropped.push(path);
        }
    }
    for path in dropped {
        site.aliases.remove(&path);
    }
    diagnostics
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
