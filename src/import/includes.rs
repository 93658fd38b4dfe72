//! Other files written out where a page includes them (GitBook's
//! `{% include %}`, Docsify's `':include'` embeds): each generator says
//! which lines include what ([`write_out`]); reading the file inside the
//! source, dropping its front matter and rebasing its relative links onto
//! the including page are done here once, as is leaving out a file that is
//! only included ([`leave_out_fragments`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::body::{at_indent, indent_of, step_fence};
use super::{Entry, Plan};

/// What a line includes: the file, from the including page's folder, and
/// what the report says when it cannot be read.
pub(super) struct Include {
    pub(super) path: String,
    pub(super) problem: String,
}

/// `body`, of the page at `page`, with each line `include_of` names a file
/// for (outside fenced code) replaced by that file's text at the line's
/// indent (an include in a list item stays in it), read only inside
/// `root`. Returns the new body (`None` when nothing changed) and the
/// problem of each include that could not be read, which stays as written.
pub(super) fn write_out(
    body: &str,
    page: &Path,
    root: &Path,
    include_of: impl Fn(&str) -> Option<Include>,
) -> (Option<String>, Vec<String>) {
    let folder = lexical(page.parent().unwrap_or(root));
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut fence = None;
    let mut changed = false;
    for line in body.lines() {
        let include = match step_fence(&mut fence, line) || fence.is_some() {
            true => None,
            false => include_of(line),
        };
        let Some(include) = include else {
            out.push(line.to_string());
            continue;
        };
        match included(&include.path, &folder, root) {
            Some(text) => {
                out.push(at_indent(&text, indent_of(line)));
                changed = true;
            }
            None => {
                problems.push(include.problem);
                out.push(line.to_string());
            }
        }
    }
    let mut text = out.join("\n");
    if body.ends_with('\n') {
        text.push('\n');
    }
    (changed.then_some(text), problems)
}

/// Leaves out each page of `plan` that another page includes (`included`:
/// each included file, canonical, → the dest of a page including it) and
/// that `published` does not keep: the import writes its text where it is
/// included, and as a page of its own it would only be a stray scrap. The
/// report names the file not copied by its path below `root`.
pub(super) fn leave_out_fragments(
    plan: &mut Plan,
    root: &Path,
    included: &BTreeMap<PathBuf, String>,
    published: impl Fn(&Entry) -> bool,
) {
    let mut left_out = Vec::new();
    plan.pages.retain(|page| {
        let by = (!published(page))
            .then(|| page.source.canonicalize().ok())
            .flatten()
            .and_then(|path| included.get(&path));
        match by {
            Some(by) => {
                let source = page.source.strip_prefix(root).unwrap_or(&page.source);
                let source = source.to_string_lossy().replace('\\', "/");
                left_out.push((page.dest.clone(), source, by.clone()));
                false
            }
            None => true,
        }
    });
    for (dest, source, by) in left_out {
        plan.drafts.remove(&dest);
        plan.skipped.push(format!(
            "{source}: a fragment {by} includes, where its text now stands"
        ));
    }
}

/// The text of the include `target` names from `folder`, read inside
/// `root`, its relative links rebased onto `folder`.
fn included(target: &str, folder: &Path, root: &Path) -> Option<String> {
    let path = lexical(&folder.join(target));
    let inside = (path.canonicalize().ok())
        .zip(root.canonicalize().ok())
        .is_some_and(|(p, r)| p.starts_with(r));
    let text = inside.then(|| std::fs::read_to_string(&path).ok())??;
    let body = super::frontmatter::split(&text).body.trim_matches('\n');
    let from = path.parent().unwrap_or(root);
    let rebased = super::links::relink(body, |url| rebase(url, from, folder));
    Some(rebased.unwrap_or_else(|| body.to_string()))
}

/// A relative `url` written in folder `from` as written in folder `to`;
/// `None` for a URL that is not relative (another site, the site's root,
/// an anchor) or needs no change.
fn rebase(url: &str, from: &Path, to: &Path) -> Option<String> {
    let relative = !url.is_empty() && !url.starts_with(['#', '/', '@', '?']) && !url.contains(':');
    if !relative || from == to {
        return None;
    }
    let split = url.find(['#', '?']).unwrap_or(url.len());
    let (path, rest) = url.split_at(split);
    let target = lexical(&from.join(path));
    let to: Vec<_> = to.components().collect();
    let target_parts: Vec<_> = target.components().collect();
    let common = to
        .iter()
        .zip(&target_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec!["..".to_string(); to.len() - common];
    parts.extend(
        target_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    let mut rebased = parts.join("/");
    if rebased.is_empty() {
        // The page's own folder.
        rebased.push('.');
    }
    if path.ends_with('/') {
        rebased.push('/');
    }
    Some(format!("{rebased}{rest}"))
}

/// `path` with its `.` and `..` parts worked out by name, as a link reads
/// them (`a/b/../c` is `a/c`).
pub(super) fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_of_an_include_are_rebased_onto_the_including_page() {
        let from = Path::new("book/.gitbook/includes");
        let to = Path::new("book/care");
        assert_eq!(
            rebase("../assets/a b.png", from, to).as_deref(),
            Some("../.gitbook/assets/a b.png")
        );
        assert_eq!(
            rebase("../../billing/x.md#y", from, to).as_deref(),
            Some("../billing/x.md#y")
        );
        assert_eq!(rebase("../../care/", from, to).as_deref(), Some("./"));
        assert_eq!(rebase("#top", from, to), None);
        assert_eq!(rebase("https://x.example/a", from, to), None);
        assert_eq!(rebase("/abs", from, to), None);
        assert_eq!(lexical(Path::new("a/./b/../c")), Path::new("a/c"));
    }
}
