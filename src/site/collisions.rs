//! Collisions: two sources at one URL, and pages or sections where credo
//! writes an output of its own (read from the table in `src/outputs.rs`):
//! either way one of them would be lost.

use std::collections::HashMap;

use super::Site;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

/// Two sources mapping to one URL (a static file shadowing a page is found
/// when the output files are assembled).
pub(super) fn check_output_collisions(site: &Site, diagnostics: &mut Diagnostics) {
    // Two files copied to one path: `content/logo.png` and
    // `static/logo.png`, or two names a Mac and Linux tell apart only by
    // their accents' encoding (both are written in NFC).
    let mut copied: HashMap<&str, &str> = HashMap::new();
    for file in &site.statics {
        if let Some(other) = copied.insert(&file.output_path, &file.display) {
            let to = &file.output_path;
            let message = if crate::load::nfc(other) == crate::load::nfc(&file.display) {
                format!(
                    "this file and another named alike (its accents encoded otherwise, NFC and NFD) are both copied to /{to}"
                )
            } else {
                format!("this file and `{other}` are both copied to /{to}")
            };
            diagnostics.push(
                Diagnostic::error(&file.display, 0, 0, Code::DuplicateUrl, message)
                    .with_hint("keep one of them, or rename the other"),
            );
        }
    }
    // A folder without a page of its own is a section all the same, at
    // the URL a page beside it (`docs.md` beside `docs/`) would take.
    let folders: Vec<(String, String)> = (site.sections.iter())
        .filter(|s| s.source.is_none())
        .map(|s| (s.url.clone(), format!("content/{}/", s.folder)))
        .collect();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for s in &site.sections {
        if let Some(src) = &s.source {
            seen.insert(s.url.clone(), &src.file);
        }
    }
    for (url, folder) in &folders {
        seen.insert(url.clone(), folder);
    }
    for p in &site.pages {
        if let Some(other) = seen.insert(p.url.clone(), &p.source.file) {
            let d = Diagnostic::error(
                &p.source.file,
                0,
                0,
                Code::DuplicateUrl,
                format!("this page and `{other}` both map to the URL /{}", p.url),
            );
            diagnostics.push(match other.strip_suffix('/') {
                Some(folder) => d.with_hint(format!(
                    "to make this page the folder's own, move it to {folder}/README.md (or _index.md); else rename it"
                )),
                None => {
                    // `b.md` and `b.en.md` on a site in `en`: one page twice.
                    let language = &site.config.language;
                    let suffixed = [other, p.source.file.as_str()]
                        .iter()
                        .any(|f| crate::load::languages::names_default_language(f, language));
                    d.with_hint(match suffixed {
                        true => format!(
                            "keep one of them: a page ending in the default language's code (`.{}.md`) is the page without it",
                            language.to_lowercase()
                        ),
                        false => "keep one of them, or rename one".to_string(),
                    })
                }
            });
        }
    }
}

/// What [`generated_path`] says of a language's folder (`de/`).
const LANGUAGE_SITE: &str = "the site in another language";

/// Whether credo's own generated pages and files take the output path
/// `path` (a folder `x/` or a file): a page, section or alias there would be
/// overwritten, or would clash with a file. Reads the table of outputs.
pub(super) fn generated_path(site: &Site, path: &str) -> Option<&'static str> {
    use crate::outputs::{Family, taken_by};
    if let Some(output) = taken_by(path, site.config.search) {
        return Some(output.what);
    }
    let folder = path.trim_end_matches('/');
    // The default language's site holds each other language's in its
    // folder (`de/`); a language's own site holds none.
    if site.config.root_path.is_none() && site.config.languages.contains_key(folder) {
        return Some(LANGUAGE_SITE);
    }
    let file = if path.ends_with('/') || path.is_empty() {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    // `search/c0.json/` would be a folder where an index file is.
    let index_part = site.config.search
        && folder
            .strip_prefix(crate::search::INDEX_FOLDER)
            .is_some_and(|f| !f.contains('/'))
        && Family::of(folder) == Some(Family::SearchIndex);
    if index_part {
        return Some("the search page and index");
    }
    match Family::of(&file) {
        Some(Family::TagPage) if site.tags.keys().any(|t| site.tag_url(t) == path) => {
            Some("a tag page")
        }
        _ => None,
    }
}

/// A page or section at the URL of a generated page would be overwritten
/// by it, whichever is written last.
pub(super) fn check_generated_collisions(site: &Site, diagnostics: &mut Diagnostics) {
    let pages = site.pages.iter().map(|p| (&p.url, Some(&p.source), false));
    let sections = (site.sections.iter()).map(|s| (&s.url, s.source.as_ref(), true));
    for (url, source, section) in pages.chain(sections) {
        let Some(what) = generated_path(site, url) else {
            continue;
        };
        let folder = url.trim_end_matches('/');
        let file = source.map_or_else(|| format!("content/{folder}"), |s| s.file.clone());
        let (message, hint) = if what == LANGUAGE_SITE && section {
            // Its pages and the language's would be written to the same
            // URLs, whichever came last winning: one error for the folder.
            (
                format!(
                    "content/{folder}/ has the name of the language `{folder}`, whose site credo writes at /{url}: the pages of both would be written there"
                ),
                format!(
                    "rename the folder; a translation into `{folder}` sits beside its original, named `name.{folder}.md`"
                ),
            )
        } else {
            (
                format!("/{url} is where credo writes {what}; this page would be lost"),
                "rename the file or folder".to_string(),
            )
        };
        diagnostics
            .push(Diagnostic::error(file, 0, 0, Code::DuplicateUrl, message).with_hint(hint));
    }
}

#[cfg(test)]
mod tests {
    use crate::site::testing::{lines, resolve};

    #[test]
    fn two_sources_on_one_url_are_an_error() {
        let (_, diagnostics) = resolve(&[
            ("guide.md", "---\ntitle: Guide\n---\n"),
            ("guide/_index.md", "---\ntitle: Guide\n---\n"),
        ]);
        assert_eq!(
            lines(&diagnostics),
            [
                "content/guide.md:0:0 duplicate-url: this page and `content/guide/_index.md` both map to the URL /guide/"
            ]
        );
    }

    #[test]
    fn a_page_where_credo_writes_an_output_is_an_error() {
        let (_, diagnostics) = resolve(&[
            ("a.md", "---\ntitle: A\ntags: [Client care]\n---\n"),
            ("print.md", "---\ntitle: Print\n---\n"),
            ("tags/client-care.md", "---\ntitle: Care\n---\n"),
        ]);
        assert_eq!(
            lines(&diagnostics),
            [
                "content/print.md:0:0 duplicate-url: /print/ is where credo writes the print page; this page would be lost",
                "content/tags/client-care.md:0:0 duplicate-url: /tags/client-care/ is where credo writes a tag page; this page would be lost",
                "content/tags:0:0 duplicate-url: /tags/ is where credo writes the tag index; this page would be lost",
            ]
        );
    }
}
