//! Where a site's pages are. A site keeps them in `content/`; a folder of
//! Markdown with credo.yaml beside it (a GitHub-style handbook: README.md
//! pages at the top, `credo init --bare` run there) is its own content
//! folder, as GitHub, Docsify and GitBook read such a folder, less what
//! credo reads as something else there: `static/`, `templates/`,
//! `themes/`, `credo.yaml`, an output folder of credo's (its marker), and
//! `node_modules/`, which is a package manager's.

use std::path::{Path, PathBuf};

/// The folder of the pages of the site at `root`.
pub(crate) fn content_dir(root: &Path) -> PathBuf {
    match is_flat(root) {
        true => root.to_path_buf(),
        false => root.join("content"),
    }
}

/// How the paths of content files are shown from the site root:
/// `content/` before them, or nothing in a flat site.
pub(crate) fn content_prefix(root: &Path) -> &'static str {
    match is_flat(root) {
        true => "",
        false => "content/",
    }
}

/// Whether the site at `root` keeps its pages beside credo.yaml: it has
/// no `content/` folder, and Markdown at its top.
pub(crate) fn is_flat(root: &Path) -> bool {
    !root.join("content").is_dir() && top_holds_markdown(root)
}

/// Whether a page is at the top of `root`: a hidden `.notes.md`, which the
/// walk leaves out, made a site of no pages where `content/` was missing.
fn top_holds_markdown(root: &Path) -> bool {
    std::fs::read_dir(root).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let path = e.path();
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            !hidden && path.extension().is_some_and(|x| x == "md") && path.is_file()
        })
    })
}

/// Whether the walk of a flat site's top folder leaves `path` out (at
/// `depth` below the top): see the module's comment.
pub(crate) fn not_content(path: &Path, depth: usize) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let own_at_top = depth == 1
        && matches!(
            name,
            "static" | "templates" | "themes" | "node_modules" | crate::config::CONFIG_FILE
        );
    own_at_top || path.join(crate::output::MARKER).is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_markdown_without_content_is_its_own_content() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert!(!is_flat(root), "an empty folder holds no pages");
        std::fs::create_dir_all(root.join("guide")).unwrap();
        std::fs::write(root.join("guide/a.md"), "# A\n").unwrap();
        assert!(
            !is_flat(root),
            "Markdown only below the top: not a handbook's top"
        );
        std::fs::write(root.join(".notes.md"), "# Notes\n").unwrap();
        assert!(
            !is_flat(root),
            "a hidden file is no page: the walk leaves it out"
        );
        std::fs::write(root.join("README.md"), "# Guide\n").unwrap();
        assert!(is_flat(root));
        assert_eq!(content_dir(root), root);
        assert_eq!(content_prefix(root), "");
        std::fs::create_dir(root.join("content")).unwrap();
        assert!(!is_flat(root), "content/ is the content folder once there");
        assert_eq!(content_dir(root), root.join("content"));
        assert_eq!(content_prefix(root), "content/");
        std::fs::create_dir_all(root.join("out")).unwrap();
        std::fs::write(root.join("out").join(crate::output::MARKER), "").unwrap();
        assert!(not_content(&root.join("out"), 3));
        assert!(not_content(&root.join("static"), 1));
        assert!(!not_content(&root.join("guide/static"), 2));
        assert!(not_content(&root.join("credo.yaml"), 1));
        assert!(!not_content(&root.join("guide"), 1));
    }
}
