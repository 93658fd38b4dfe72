//! Walking a site's folders: every file under one, sorted, with hidden
//! names left out (or kept for the host), and symbolic links followed only
//! while they stay inside the site; each one left out is reported once.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, display_path};

/// What a walk does with names starting with a dot.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hidden {
    /// Leave them out: in `content/`, they are an editor's or a tool's.
    Skip,
    /// Keep those meant for the host ([`FOR_THE_HOST`]): in a static folder.
    Keep,
}

/// The dot-files a static folder publishes: the host reads them. Any other
/// (`.git`, `.env`, `.vscode/`, an editor's lock or swap file, macOS's
/// `._x`) is somebody's tool's, and never published.
const FOR_THE_HOST: &[&str] = &[".well-known", ".nojekyll", ".htaccess", ".domains"];

/// Every file under `dir` (sorted) but what `leave_out` names (by its
/// path and depth below `dir`). Symlinks are followed only while they stay inside `root`.
pub(super) fn walk_files(
    root: &Path,
    dir: &Path,
    hidden: Hidden,
    leave_out: impl Fn(&Path, usize) -> bool,
    diagnostics: &mut Diagnostics,
) -> Vec<PathBuf> {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut files = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            let left_out = e.depth() > 0
                && name.starts_with('.')
                && (hidden == Hidden::Skip || !FOR_THE_HOST.contains(&name.as_ref()));
            !left_out && !leave_out(e.path(), e.depth()) && stays_inside(&canonical_root, e)
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => files.push(entry.into_path()),
            Err(e) => diagnostics.push(walk_error(root, &e)),
        }
    }
    report_escaping_links(root, &canonical_root, dir, diagnostics);
    files
}

/// The first symbolic link on the way from `root` to `path` that leads
/// outside `root`, if any: a folder credo reads by name (a local theme) may
/// sit behind one, where a walk's own symlink check does not look.
pub(crate) fn link_leaving_root(root: &Path, path: &Path) -> Option<PathBuf> {
    let canonical_root = root.canonicalize().ok()?;
    let rel = path.strip_prefix(root).ok()?;
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        let is_link = at.symlink_metadata().is_ok_and(|m| m.is_symlink());
        if is_link
            && at
                .canonicalize()
                .is_ok_and(|target| !target.starts_with(&canonical_root))
        {
            return Some(at);
        }
    }
    None
}

/// The error for a symbolic link that leads outside the site root.
pub(crate) fn escaping_link_error(root: &Path, link: &Path) -> Diagnostic {
    Diagnostic::error(
        display_path(root, link),
        0,
        0,
        Code::SymlinkOutsideRoot,
        "symbolic link points outside the site root; it is not followed",
    )
}

fn stays_inside(canonical_root: &Path, entry: &walkdir::DirEntry) -> bool {
    if !entry.path_is_symlink() {
        return true;
    }
    entry
        .path()
        .canonicalize()
        .is_ok_and(|target| target.starts_with(canonical_root))
}

/// Symlinks that leave the root are skipped by the walk; say so, once each.
fn report_escaping_links(
    root: &Path,
    canonical_root: &Path,
    dir: &Path,
    diagnostics: &mut Diagnostics,
) {
    for entry in WalkDir::new(dir).follow_links(false).into_iter().flatten() {
        if !entry.path_is_symlink() {
            continue;
        }
        let escapes = match entry.path().canonicalize() {
            Ok(target) => !target.starts_with(canonical_root),
            Err(_) => false, // dangling or looping: walkdir reports it.
        };
        if escapes {
            diagnostics.push(escaping_link_error(root, entry.path()));
        }
    }
}

fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e.path().map(|p| display_path(root, p)).unwrap_or_default();
    // A link to itself (`loop -> loop`) is no ancestor loop: the system
    // says "too many levels of symbolic links".
    let self_loop = e.path().is_some_and(|p| {
        p.symlink_metadata().is_ok_and(|m| m.is_symlink())
            && p.metadata()
                .is_err_and(|err| err.kind() != std::io::ErrorKind::NotFound)
    });
    if e.loop_ancestor().is_some() || self_loop {
        Diagnostic::error(
            path,
            0,
            0,
            Code::SymlinkLoop,
            "symbolic link loop; it is not followed",
        )
    } else if let Some(target) = e.path().and_then(dangling_target) {
        Diagnostic::error(
            path,
            0,
            0,
            Code::Io,
            format!(
                "symbolic link to `{}`, which is not there; it is not followed",
                target.display()
            ),
        )
        .with_hint("point the link at a file that exists, or delete it")
    } else {
        let message = match e.io_error() {
            Some(io) => format!("cannot read: {io}"),
            None => format!("cannot read: {e}"),
        };
        Diagnostic::error(path, 0, 0, Code::Io, message)
    }
}

/// Where the symbolic link at `path` points, when nothing is there.
fn dangling_target(path: &Path) -> Option<PathBuf> {
    let is_link = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
    let missing = path
        .metadata()
        .is_err_and(|err| err.kind() == std::io::ErrorKind::NotFound);
    (is_link && missing).then(|| std::fs::read_link(path).ok())?
}
