//! mdBook: the book's `src/` folder becomes `content/`, SUMMARY.md gives the
//! reading order (as weights), the chapter titles (for pages that have no
//! `# heading` of their own) and, by its part titles, the titles of the
//! folders a part's chapters share; book.toml the title and description. A
//! page's `{{#include}}`s are written out ([`expand`]), and the lines a
//! Rust block hides (`# use std::io;`) go, as mdBook renders them.

use std::path::{Path, PathBuf};

use super::{Generator, Plan, SiteInfo, config_text, read_config, summary};

/// An mdBook's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let config = read_config(&src.join("book.toml")).unwrap_or_default();
    let site = SiteInfo {
        title: config_text(&config, "book.title"),
        description: config_text(&config, "book.description"),
        // `site-url` is the path the book is served below (`/book/`).
        base_url: config_text(&config, "output.html.site-url")
            .filter(|url| crate::config::base_url_problem(url).is_none()),
        language: config_text(&config, "book.language"),
        ..SiteInfo::default()
    };
    let book = config_text(&config, "book.src").unwrap_or_else(|| "src".into());
    let book = src.join(book);
    let mut plan = Plan::new(Generator::MdBook, site);
    plan.include_root = Some(src.to_path_buf());
    plan.add_tree(&book, "content", &|rel| rel == "SUMMARY.md");
    match std::fs::read_to_string(book.join("SUMMARY.md")) {
        Ok(summary) => {
            summary::follow(&mut plan, "SUMMARY.md", &summary);
            leave_out_included_fragments(&mut plan);
            summary::move_chapters_into_their_folders(&mut plan);
        }
        Err(_) => plan
            .skipped
            .push("SUMMARY.md: not found, so no reading order".into()),
    }
    redirect(&mut plan, config.get("output").and_then(|o| o.get("html")));
    if src.join("theme").is_dir() {
        plan.skipped
            .push("theme/: mdBook templates credo has no use for".into());
    }
    plan
}

/// `[output.html.redirect]`: each old URL (`"/old.html" = "guides/new.html"`,
/// the target relative to the old URL's folder) becomes an alias of the page
/// it names; one to another site, or to no page, is reported.
fn redirect(plan: &mut Plan, html: Option<&serde_yaml::Value>) {
    let Some(serde_yaml::Value::Mapping(redirects)) = html.and_then(|h| h.get("redirect")) else {
        return;
    };
    for (old, target) in redirects {
        let (Some(old), Some(target)) = (old.as_str(), target.as_str()) else {
            continue;
        };
        let old = format!("/{}", old.trim_start_matches('/'));
        let folder = old.rsplit_once('/').map_or("", |(folder, _)| folder);
        let path = target.split('#').next().unwrap_or(target);
        let page = (!crate::markdown::has_scheme(target))
            .then(|| match path.strip_prefix('/') {
                Some(from_root) => crate::site::refs::normalise(from_root),
                None => crate::site::refs::normalise(&format!("{folder}/{path}")),
            })
            .flatten()
            .and_then(|path| book_page(plan, &path));
        match page {
            Some(dest) => plan.redirects.push((dest, old)),
            None => plan.notes.push(format!(
                "book.toml redirects {old} to {target}, which is no page of the book: credo makes no redirect to it"
            )),
        }
    }
}

/// The page mdBook serves at `path` (`guides/refunds.html`,
/// `guides/index.html` of a README.md), by its dest.
fn book_page(plan: &Plan, path: &str) -> Option<String> {
    let stem = path
        .strip_suffix(".html")
        .unwrap_or(path)
        .trim_end_matches('/');
    let folder = match stem {
        "index" | "" => Some(String::new()),
        _ => stem.strip_suffix("/index").map(|f| format!("{f}/")),
    };
    let mut candidates = vec![format!("content/{stem}.md")];
    if let Some(folder) = folder {
        for page in ["README.md", "index.md"] {
            candidates.push(format!("content/{folder}{page}"));
        }
    }
    // A chapter moved into its folder (see
    // [`summary::move_chapters_into_their_folders`]) is found by its old name too.
    candidates
        .into_iter()
        .map(
            |dest| match plan.renamed.iter().find(|(from, _)| *from == dest) {
                Some((_, to)) => to.clone(),
                None => dest,
            },
        )
        .find(|dest| plan.pages.iter().any(|p| &p.dest == dest))
}

/// Leaves out each page SUMMARY.md does not list that another page
/// includes whole or in part (`{{#include fragment.md}}`): the import
/// writes its text where it is included, and as a page of its own it
/// would only be an empty-looking draft.
fn leave_out_included_fragments(plan: &mut Plan) {
    let mut included: std::collections::BTreeMap<PathBuf, String> = Default::default();
    for page in &plan.pages {
        let Ok(text) = std::fs::read_to_string(&page.source) else {
            continue;
        };
        let folder = page.source.parent().unwrap_or(Path::new(""));
        for target in include_targets(&text) {
            if let Ok(path) = folder.join(target).canonicalize() {
                included.entry(path).or_insert_with(|| page.dest.clone());
            }
        }
    }
    // Only a chapter SUMMARY.md does not list (a draft) is left out.
    let drafts: std::collections::BTreeSet<String> = plan.drafts.keys().cloned().collect();
    // The report names the file from the book's folder (`src/shared/a.md`).
    let root = plan.include_root.clone().unwrap_or_default();
    super::includes::leave_out_fragments(plan, &root, &included, |page| {
        !drafts.contains(&page.dest)
    });
}

/// The files a page's `{{#include}}`s name (without their line ranges).
fn include_targets(text: &str) -> Vec<&str> {
    text.match_indices("{{#")
        .filter(|(at, _)| !text[..*at].ends_with('\\'))
        .filter_map(|(at, _)| {
            let inner = &text[at + 3..at + 3 + text[at + 3..].find("}}")?];
            let (command, arg) = inner.split_once(' ')?;
            matches!(command, "include" | "rustdoc_include" | "playground")
                .then(|| arg.split_whitespace().next())
                .flatten()
                .map(|arg| arg.split(':').next().unwrap_or(arg))
        })
        .collect()
}

/// `body`, of the page at `page`, with mdBook's preprocessing done: each
/// `{{#include file}}` (`{{#rustdoc_include}}`, and `{{#playground file}}`
/// as a Rust block) replaced by the file's text (its lines `:2:10`, or
/// those between `ANCHOR: name` and `ANCHOR_END: name` for `:name`),
/// `{{#title …}}` dropped, and the lines a Rust block hides removed.
/// Files are read only inside `root`. Returns the new body (`None` when
/// nothing changed) and each include that could not be read.
pub(super) fn expand(body: &str, page: &Path, root: &Path) -> (Option<String>, Vec<String>) {
    let mut problems = Vec::new();
    let mut out = String::with_capacity(body.len());
    let folder = page.parent().unwrap_or(root);
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with("{{#title ") && trimmed.ends_with("}}") {
            continue;
        }
        out.push_str(&expand_line(line, folder, root, &mut problems, 0));
    }
    let out = without_hidden_rust_lines(&out);
    let changed = out != body;
    (changed.then_some(out), problems)
}

/// How deep includes may nest, as in mdBook.
const MAX_DEPTH: usize = 10;

/// One line with its `{{#include …}}`s written out (`depth` deep in
/// includes).
fn expand_line(
    line: &str,
    folder: &Path,
    root: &Path,
    problems: &mut Vec<String>,
    depth: usize,
) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("{{#") {
        let Some(len) = rest[at + 3..].find("}}").map(|l| l + 3) else {
            break;
        };
        let inner = &rest[at + 3..at + len];
        let escaped = rest[..at].ends_with('\\');
        let (command, arg) = inner.split_once(' ').unwrap_or((inner, ""));
        let included = match command {
            _ if escaped || depth >= MAX_DEPTH => None,
            "include" | "rustdoc_include" => {
                Some(included(arg.trim(), folder, root, problems, depth))
            }
            "playground" => Some(
                included(
                    arg.split_whitespace().next().unwrap_or(""),
                    folder,
                    root,
                    problems,
                    depth,
                )
                .map(|code| format!("```rust\n{}\n```", code.trim_end())),
            ),
            _ => None,
        };
        out.push_str(&rest[..at]);
        match included {
            Some(Some(text)) => out.push_str(text.trim_end_matches('\n')),
            _ => out.push_str(&rest[at..at + len + 2]),
        }
        rest = &rest[at + len + 2..];
    }
    out.push_str(rest);
    out
}

/// The text `{{#include arg}}` names (`file`, `file:2:10`, `file:anchor`),
/// read inside `root`; `None`, and a problem noted, when it cannot be.
fn included(
    arg: &str,
    folder: &Path,
    root: &Path,
    problems: &mut Vec<String>,
    depth: usize,
) -> Option<String> {
    let (file, range) = arg.split_once(':').unwrap_or((arg, ""));
    let path: PathBuf = folder.join(file);
    let inside = (path.canonicalize().ok())
        .zip(root.canonicalize().ok())
        .is_some_and(|(p, r)| p.starts_with(r));
    let text = inside
        .then(|| std::fs::read_to_string(&path).ok())
        .flatten();
    let Some(text) = text else {
        problems.push(format!(
            "{{{{#include {arg}}}}}: {file} cannot be read inside the book"
        ));
        return None;
    };
    let lines: Vec<&str> = text.lines().collect();
    let number = |s: &str| s.trim().parse::<usize>().ok();
    let picked: Vec<&str> = match range.split_once(':') {
        _ if range.is_empty() => lines,
        // `:2:10`, `:2:`, `::10`
        Some((from, to)) => {
            let from = number(from).unwrap_or(1).max(1) - 1;
            let to = number(to).unwrap_or(lines.len()).min(lines.len());
            lines.get(from..to.max(from)).unwrap_or_default().to_vec()
        }
        // `:2`, one line; `:name`, an anchor's lines.
        None => match number(range) {
            Some(n) => lines.get(n.max(1) - 1).into_iter().copied().collect(),
            None => {
                let start = lines
                    .iter()
                    .position(|l| anchor(l, "ANCHOR:") == Some(range));
                let end = lines
                    .iter()
                    .position(|l| anchor(l, "ANCHOR_END:") == Some(range));
                match (start, end) {
                    (Some(s), Some(e)) if s < e => lines[s + 1..e].to_vec(),
                    _ => {
                        problems.push(format!(
                            "{{{{#include {arg}}}}}: {file} has no anchor `{range}`"
                        ));
                        return None;
                    }
                }
            }
        },
    };
    // Anchor lines inside what is taken are mdBook's markers, not text; an
    // include in the included text is read from its own folder.
    let folder = path.parent().unwrap_or(root);
    let kept: Vec<String> = picked
        .into_iter()
        .filter(|l| anchor(l, "ANCHOR:").is_none() && anchor(l, "ANCHOR_END:").is_none())
        .map(|l| expand_line(l, folder, root, problems, depth + 1))
        .collect();
    Some(kept.join("\n"))
}

/// The anchor a line marks with `marker` (`// ANCHOR: name`,
/// `ANCHOR_END:name`): the whole word after it.
fn anchor<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let at = line.find(marker)?;
    line[at + marker.len()..].split_whitespace().next()
}

/// `text` without the lines mdBook hides in a Rust block: `# code` and a
/// lone `#` (`#[derive]` and `#!` stay; `##` shows as `#`).
fn without_hidden_rust_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rust = false;
    let mut fence: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.trim_end() == open {
                fence = None;
                rust = false;
            } else if rust {
                let code = trimmed.trim_end_matches(['\n', '\r']);
                if code == "#" || code.starts_with("# ") {
                    continue;
                }
                if let Some(shown) = code.strip_prefix("##") {
                    out.push_str(&line[..line.len() - trimmed.len()]);
                    out.push('#');
                    out.push_str(shown);
                    out.push_str(&trimmed[code.len()..]);
                    continue;
                }
            }
        } else if trimmed.starts_with("```") {
            let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
            let info = trimmed[ticks..].trim();
            rust = info.split([',', ' ']).next() == Some("rust");
            fence = Some(&trimmed[..ticks]);
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chapter_whose_file_is_not_there_is_reported() {
        let book = tempfile::tempdir().unwrap();
        let src = book.path().join("src");
        std::fs::create_dir_all(&src).unwrap();
        std::fs::write(book.path().join("book.toml"), "[book]\ntitle = \"B\"\n").unwrap();
        std::fs::write(
            src.join("SUMMARY.md"),
            "# Summary\n\n- [Intro](intro.md)\n- [Missing file](ref/missing.md)\n- [Draft]()\n",
        )
        .unwrap();
        std::fs::write(src.join("intro.md"), "# Intro\n").unwrap();
        let plan = plan(book.path());
        let about: Vec<&String> = (plan.skipped.iter())
            .filter(|s| s.contains("not there"))
            .collect();
        assert_eq!(
            about,
            [
                "SUMMARY.md: chapter \"Missing file\" names ref/missing.md, which is not there (mdBook would make it an empty page)"
            ]
        );
    }

    #[test]
    fn includes_are_written_out_and_hidden_rust_lines_go() {
        let book = tempfile::tempdir().unwrap();
        let src = book.path().join("src");
        std::fs::create_dir_all(src.join("listings")).unwrap();
        std::fs::write(src.join("listings/main.rs"), "// ANCHOR: all\nfn main() {\n    // ANCHOR: body\n    println!(\"hi\");\n    // ANCHOR_END: body\n}\n// ANCHOR_END: all\n").unwrap();
        std::fs::write(src.join("note.md"), "> Shared note.\n").unwrap();
        std::fs::write(src.join("listings/lib.rs"), "// ANCHOR: imports_all\nuse a::*;\n// ANCHOR_END: imports_all\n// ANCHOR:imports\nuse a::b;\n// ANCHOR_END:imports\n").unwrap();
        std::fs::write(
            src.join("listings/outer.md"),
            "Outer {{#include inner.md}}\n",
        )
        .unwrap();
        std::fs::write(src.join("listings/inner.md"), "inner.\n").unwrap();
        let (nested, _) = expand(
            "{{#include listings/lib.rs:imports}}\n{{#include listings/outer.md}}\n",
            &src.join("ch2.md"),
            book.path(),
        );
        assert_eq!(nested.unwrap(), "use a::b;\nOuter inner.\n");
        std::fs::write(book.path().join("secret.txt"), "no").unwrap();
        let page = src.join("ch1.md");
        let body = "{{#title Chapter one}}\n# One\n\n{{#include note.md}}\n\n```rust\n# use std::io;\n#[derive(Debug)]\nstruct A;\n{{#include listings/main.rs:body}}\n##![allow(x)]\n```\n\nLine 2: `{{#include listings/main.rs:2}}`\n\n{{#include ../../secret.txt}} \\{{#include note.md}} {{#include listings/main.rs:nope}}\n\n```text\n# kept\n```\n";
        let (out, problems) = expand(body, &page, book.path());
        assert_eq!(
            out.unwrap(),
            "# One\n\n> Shared note.\n\n```rust\n#[derive(Debug)]\nstruct A;\n    println!(\"hi\");\n#![allow(x)]\n```\n\nLine 2: `fn main() {`\n\n{{#include ../../secret.txt}} \\{{#include note.md}} {{#include listings/main.rs:nope}}\n\n```text\n# kept\n```\n"
        );
        assert_eq!(
            problems,
            [
                "{{#include ../../secret.txt}}: ../../secret.txt cannot be read inside the book",
                "{{#include listings/main.rs:nope}}: listings/main.rs has no anchor `nope`",
            ]
        );
    }
}
