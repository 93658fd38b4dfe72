//! Watching the site: notify events → classified [`Change`]s.
//!
//! Only what a build reads is watched: `content/`, `static/`, `templates/` and
//! `themes/` recursively, and the site root itself without recursion (for
//! `credo.yaml`, and for one of those folders appearing later). Watching the
//! root recursively would also watch `public/`, `.git/` or `target/`.
//!
//! A change names a path, never an event kind: whether the file was created,
//! written, renamed away or deleted is read from the disk when the rebuild
//! runs, so editors' atomic saves (write a temporary file, rename it over the
//! original), renames and deletions all come down to "this path may differ".
//! Hidden files and editors' temporary files are ignored, as the build skips
//! them too.

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// The folders of a site a build reads, watched recursively.
pub(crate) const WATCHED_FOLDERS: [&str; 4] = ["content", "static", "templates", "themes"];

/// One path that may have changed, by what it means to the build.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// `credo.yaml`.
    Config,
    /// A file or folder under `content/` (Markdown, an asset, or a folder).
    Content(PathBuf),
    /// A file or folder under `static/`.
    Static(PathBuf),
    /// A file or folder under `templates/`.
    Template(PathBuf),
    /// A file or folder under `themes/`.
    Theme(PathBuf),
}

impl Change {
    /// The path that changed (none for `credo.yaml`, which is always there
    /// to be read).
    pub(crate) fn path(&self) -> Option<&Path> {
        match self {
            Change::Config => None,
            Change::Content(p) | Change::Static(p) | Change::Template(p) | Change::Theme(p) => {
                Some(p)
            }
        }
    }

    /// The path, relative to the site root, for logs (`content/a.md`).
    pub(crate) fn describe(&self, root: &Path) -> String {
        match self {
            Change::Config => crate::config::CONFIG_FILE.to_string(),
            Change::Content(p) | Change::Static(p) | Change::Template(p) | Change::Theme(p) => {
                crate::diagnostic::display_path(root, p)
            }
        }
    }
}

/// What a changed `path` means for the site at `root` (both absolute, the root
/// canonical); `None` for paths no build reads.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let mut parts = rel.components();
    let Some(Component::Normal(first)) = parts.next() else {
        return None;
    };
    let first = first.to_str()?;
    let rest: Vec<&str> = parts
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    if rest.iter().any(|name| ignored(name)) {
        return None;
    }
    let path = path.to_path_buf();
    match (first, rest.is_empty()) {
        (crate::config::CONFIG_FILE, true) => Some(Change::Config),
        ("content", _) => Some(Change::Content(path)),
        ("static", _) => Some(Change::Static(path)),
        ("templates", _) => Some(Change::Template(path)),
        ("themes", _) => Some(Change::Theme(path)),
        // A flat site's pages are beside credo.yaml.
        _ if is_flat_content(root, first) => Some(Change::Content(path)),
        _ => None,
    }
}

/// Whether a top-level name `first` holds content of a flat site at `root`
/// (pages beside credo.yaml): not a hidden or editor's file, nor a folder
/// credo reads as something else or wrote.
fn is_flat_content(root: &Path, first: &str) -> bool {
    !ignored(first)
        && crate::load::layout::is_flat(root)
        && !crate::load::layout::not_content(&root.join(first), 1)
}

/// Whether a notify event can mean a changed file (reads and opens cannot).
pub(crate) fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    }
}

/// Whether a notify event says a file was closed after writing: the save
/// is complete.
pub(crate) fn is_written(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

/// Hidden files (the build skips them) and editors' temporary files.
fn ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913" // vim's probe file
}

/// The notify watcher of a site, sending raw events into a channel.
pub(crate) struct SiteWatcher {
    watcher: RecommendedWatcher,
    root: PathBuf,
}

impl SiteWatcher {
    /// Starts watching the site at `root` (canonical).
    /// `changed` is set as soon as an event that can mean a change to the
    /// site arrives (a rebuild under way checks it to give up early).
    pub(crate) fn start(
        root: &Path,
        events: mpsc::Sender<notify::Result<notify::Event>>,
        changed: Arc<AtomicBool>,
    ) -> notify::Result<SiteWatcher> {
        let site = root.to_path_buf();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(e) = &event
                && is_change(&e.kind)
                && e.paths.iter().any(|p| classify(&site, p).is_some())
            {
                changed.store(true, Ordering::Relaxed);
            }
            // The receiver is gone only when serve is shutting down.
            let _ = events.send(event);
        })?;
        let mut this = SiteWatcher {
            watcher,
            root: root.to_path_buf(),
        };
        this.watcher.watch(root, RecursiveMode::NonRecursive)?;
        for folder in WATCHED_FOLDERS {
            this.watch_folder(folder);
        }
        // A flat site's pages are in the root's other folders too; each is
        // watched on its own, so that `node_modules/` or `.git/`, which
        // can hold tens of thousands of folders, take no watches.
        if crate::load::layout::is_flat(root) {
            let folders = std::fs::read_dir(root).into_iter().flatten().flatten();
            for entry in folders {
                // The site is flat: only the name is asked about.
                if let Some(name) = entry.file_name().to_str()
                    && entry.path().is_dir()
                    && !ignored(name)
                    && !crate::load::layout::not_content(&entry.path(), 1)
                {
                    this.watch_folder(name);
                }
            }
        }
        Ok(this)
    }

    /// Watches `ROOT/folder` recursively if it exists (it may appear later).
    pub(crate) fn watch_folder(&mut self, folder: &str) {
        let path = self.root.join(folder);
        if path.is_dir() {
            // Watching a folder twice is harmless; failing to is reported by
            // the missing rebuilds, and must not stop serving.
            if let Err(e) = self.watcher.watch(&path, RecursiveMode::Recursive) {
                eprintln!("warning: cannot watch {}: {e}", path.display());
            }
        }
    }

    /// Starts watching a top-level folder that `path` shows was just created.
    pub(crate) fn follow(&mut self, path: &Path) {
        if path.parent() == Some(self.root.as_path())
            && let Some(name) = path.file_name().and_then(|n| n.to_str())
            && (WATCHED_FOLDERS.contains(&name) || is_flat_content(&self.root, name))
        {
            self.watch_folder(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_not_changes() {
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            notify::event::AccessMode::Any
        ))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Remove(
            notify::event::RemoveKind::File
        )));
    }

    #[test]
    fn paths_are_classified_by_their_top_folder() {
        let root = Path::new("/site");
        let c = |p: &str| classify(root, &root.join(p));
        assert_eq!(c("credo.yaml"), Some(Change::Config));
        assert_eq!(
            c("content/a/b.md"),
            Some(Change::Content(root.join("content/a/b.md")))
        );
        assert_eq!(c("content"), Some(Change::Content(root.join("content"))));
        assert_eq!(
            c("static/x.css"),
            Some(Change::Static(root.join("static/x.css")))
        );
        assert_eq!(
            c("templates/page.html"),
            Some(Change::Template(root.join("templates/page.html")))
        );
        assert_eq!(
            c("themes/t/static/a.css"),
            Some(Change::Theme(root.join("themes/t/static/a.css")))
        );
        assert_eq!(c("public/index.html"), None);
        assert_eq!(
            c("content/credo.yaml"),
            Some(Change::Content(root.join("content/credo.yaml")))
        );
        assert_eq!(c("sub/credo.yaml"), None);
        assert_eq!(classify(root, Path::new("/elsewhere/content/a.md")), None);
    }

    #[test]
    fn a_flat_sites_pages_are_content_and_its_output_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("README.md"), "# Desk\n").unwrap();
        std::fs::create_dir_all(root.join("public")).unwrap();
        std::fs::write(root.join("public").join(crate::output::MARKER), "").unwrap();
        let c = |p: &str| classify(root, &root.join(p));
        assert_eq!(
            c("README.md"),
            Some(Change::Content(root.join("README.md")))
        );
        assert_eq!(
            c("guide/a b.md"),
            Some(Change::Content(root.join("guide/a b.md")))
        );
        assert_eq!(c("credo.yaml"), Some(Change::Config));
        assert_eq!(
            c("static/x.css"),
            Some(Change::Static(root.join("static/x.css")))
        );
        for no in [
            "public/index.html",
            ".git/HEAD",
            "node_modules/a/README.md",
            "a.md~",
        ] {
            assert_eq!(c(no), None, "{no}");
        }
    }

    #[test]
    fn hidden_and_temporary_files_are_ignored() {
        let root = Path::new("/site");
        for p in [
            "content/.a.md.swp",
            "content/a.md~",
            "content/4913",
            "content/#a.md#",
            "content/.git/x",
            "static/.DS_Store",
        ] {
            assert_eq!(classify(root, &root.join(p)), None, "{p}");
        }
    }
}
