//! Stage 4, write: output files go to a [`Sink`].
//!
//! [`DirSink`] never writes into the live output folder: it builds a sibling
//! staging folder, then swaps it in with two renames, so a failed or interrupted
//! build leaves the previous site as it was. It marks every folder it makes with
//! [`MARKER`] and refuses to replace a folder without one (unless empty), so
//! credo never deletes what it did not make. [`MemorySink`] keeps files in memory
//! for `credo serve`.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;
use crate::render::{Content, OutputFile};

/// The file that marks an output folder as credo's own.
pub(crate) const MARKER: &str = ".credo-output";

const MARKER_TEXT: &str =
    "This folder was made by credo (credo build). credo replaces it on every build.\n";

/// The line of the marker after which the files of the build are listed: a
/// file of the folder that is not listed was put there by someone else, and
/// credo will not replace the folder (and delete it).
const MANIFEST_HEADER: &str = "Files it wrote:";

/// Where output files go.
pub trait Sink {
    /// Writes the complete set of files of a build, replacing the previous set.
    fn write_all(&mut self, files: Vec<OutputFile>) -> Result<(), Error>;
}

/// Files kept in memory, by path (for `credo serve`).
#[derive(Debug, Default, Clone)]
pub struct MemorySink {
    /// Output path → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Sink for MemorySink {
    fn write_all(&mut self, files: Vec<OutputFile>) -> Result<(), Error> {
        let mut map = BTreeMap::new();
        for f in files {
            let bytes = read_content(f.content).map_err(|e| Error::Io {
                path: f.path.clone(),
                source: e,
            })?;
            map.insert(f.path, bytes);
        }
        self.files = map;
        Ok(())
    }
}

fn read_content(content: Content) -> io::Result<Vec<u8>> {
    match content {
        Content::Bytes(b) => Ok(b),
        Content::Embedded(b) => Ok(b.to_vec()),
        Content::Copy(p) => std::fs::read(p),
    }
}

/// Writes into a folder on disk, building aside and swapping.
#[derive(Debug, Clone)]
pub(crate) struct DirSink {
    out: PathBuf,
}

impl DirSink {
    /// Prepares writing to `out` for the site at `root`, refusing any folder
    /// that credo must not replace (exit 2).
    pub(crate) fn new(root: &Path, out: &Path) -> Result<DirSink, Error> {
        let root = root.canonicalize().map_err(|e| io_error(root, e))?;
        let out = resolve_output(out)?;
        refuse_site_folders(&root, &out)?;
        let sink = DirSink { out };
        sink.recover()?;
        sink.refuse_foreign()?;
        Ok(sink)
    }

    /// The output folder.
    pub(crate) fn path(&self) -> &Path {
        &self.out
    }

    fn sibling(&self, suffix: &str) -> PathBuf {
        let name = self
            .out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.out.with_file_name(format!(".{name}.{suffix}"))
    }

    /// A crash between the two renames of a swap leaves only the old folder:
    /// put it back.
    fn recover(&self) -> Result<(), Error> {
        let old = self.sibling("credo-old");
        if !self.out.exists() && old.join(MARKER).is_file() {
            std::fs::rename(&old, &self.out).map_err(|e| io_error(&old, e))?;
        }
        Ok(())
    }

    fn refuse_foreign(&self) -> Result<(), Error> {
        let meta = match std::fs::symlink_metadata(&self.out) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(io_error(&self.out, e)),
        };
        if !meta.is_dir() {
            return Err(Error::Usage(format!(
                "refusing to use {} as the output folder: it is not a folder credo made",
                self.out.display()
            )));
        }
        if self.out.join(MARKER).is_file() {
            return self.refuse_added_files();
        }
        let empty = std::fs::read_dir(&self.out)
            .map_err(|e| io_error(&self.out, e))?
            .next()
            .is_none();
        if empty {
            Ok(())
        } else {
            Err(Error::Usage(format!(
                "refusing to replace {}: it holds files credo did not make (no {MARKER} marker); choose another folder with -o or empty it",
                self.out.display()
            )))
        }
    }
}

impl DirSink {
    /// A file added to the output folder since credo wrote it would be lost
    /// when the folder is replaced: refuse, and say which.
    fn refuse_added_files(&self) -> Result<(), Error> {
        let marker = std::fs::read_to_string(self.out.join(MARKER)).unwrap_or_default();
        let Some((_, listed)) = marker.split_once(&format!("\n{MANIFEST_HEADER}\n")) else {
            // A marker from before credo listed its files: nothing to compare.
            return Ok(());
        };
        let listed: std::collections::HashSet<&str> = listed.lines().collect();
        let added: Vec<String> = walkdir::WalkDir::new(&self.out)
            .min_depth(1)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| !e.file_type().is_dir())
            .filter_map(|e| {
                let rel = e.path().strip_prefix(&self.out).ok()?;
                let rel = rel.to_string_lossy().replace('\\', "/");
                (rel != MARKER && !listed.contains(rel.as_str())).then_some(rel)
            })
            .take(5)
            .collect();
        if added.is_empty() {
            return Ok(());
        }
        Err(Error::Usage(format!(
            "refusing to replace {}: it holds files credo did not make ({}); move them to static/ (copied into every build) or delete them",
            self.out.display(),
            added.join(", ")
        )))
    }
}

fn io_error(path: &Path, e: io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source: e,
    }
}

/// The output path with symlinks and `..` resolved: the folder itself when it
/// exists, else its nearest existing ancestor plus the rest of the path.
/// Nothing is created here: a refused output leaves no folder behind.
fn resolve_output(out: &Path) -> Result<PathBuf, Error> {
    if out.exists() {
        return out.canonicalize().map_err(|e| io_error(out, e));
    }
    let out = std::path::absolute(out).map_err(|e| io_error(out, e))?;
    let unusable = || Error::Usage(format!("cannot use {} as the output folder", out.display()));
    let existing = (out.ancestors().skip(1))
        .find(|a| a.exists())
        .ok_or_else(unusable)?;
    let mut resolved = existing.canonicalize().map_err(|e| io_error(existing, e))?;
    let rest = out.strip_prefix(existing).map_err(|_| unusable())?;
    for part in rest.components() {
        match part {
            std::path::Component::Normal(name) => resolved.push(name),
            std::path::Component::ParentDir => {
                resolved.pop();
            }
            _ => {}
        }
    }
    if resolved.file_name().is_none() {
        return Err(unusable());
    }
    Ok(resolved)
}

/// The output must not be, contain, or sit inside the site's own folders.
fn refuse_site_folders(root: &Path, out: &Path) -> Result<(), Error> {
    let refuse = |what: &str| {
        Err(Error::Usage(format!(
            "refusing to write the site into {}: it is {what}",
            out.display()
        )))
    };
    if out == root {
        return refuse("the site root");
    }
    if root.starts_with(out) {
        return refuse("a folder that holds the site root");
    }
    for folder in ["content", "static", "templates", "themes"] {
        if out.starts_with(root.join(folder)) {
            return refuse(&format!("the site's {folder}/ folder, or inside it"));
        }
    }
    Ok(())
}

impl Sink for DirSink {
    fn write_all(&mut self, files: Vec<OutputFile>) -> Result<(), Error> {
        self.stage()?.commit(files)
    }
}

impl DirSink {
    /// Creates the staging folder beside the output, ready for files to be
    /// written as they are made; nothing is visible until [`Staging::commit`].
    pub(crate) fn stage(&self) -> Result<Staging, Error> {
        let staging = self.sibling("credo-staging");
        if staging.exists() {
            if staging.join(MARKER).is_file() || is_empty_dir(&staging) {
                std::fs::remove_dir_all(&staging).map_err(|e| io_error(&staging, e))?;
            } else {
                return Err(Error::Usage(format!(
                    "refusing to use {} as a staging folder: it holds files credo did not make",
                    staging.display()
                )));
            }
        }
        std::fs::create_dir_all(&staging).map_err(|e| io_error(&staging, e))?;
        std::fs::write(staging.join(MARKER), MARKER_TEXT).map_err(|e| io_error(&staging, e))?;
        Ok(Staging {
            dir: staging,
            sink: self.clone(),
            written: std::sync::Mutex::new(Vec::new()),
            folders: std::sync::Mutex::new(HashSet::new()),
            committed: false,
        })
    }

    fn swap(&self, staging: &Path) -> Result<(), Error> {
        let old = self.sibling("credo-old");
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(|e| io_error(&old, e))?;
        }
        if self.out.exists() {
            std::fs::rename(&self.out, &old).map_err(|e| io_error(&self.out, e))?;
        }
        std::fs::rename(staging, &self.out).map_err(|e| io_error(&self.out, e))?;
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(|e| io_error(&old, e))?;
        }
        Ok(())
    }
}

/// A build in progress: files land in a staging folder beside the output, so
/// pages can be written as they are rendered rather than held in memory. The
/// live output changes only when [`commit`](Self::commit) swaps it in;
/// dropping an uncommitted staging folder removes it.
#[derive(Debug)]
pub(crate) struct Staging {
    dir: PathBuf,
    sink: DirSink,
    /// The files made through [`create`](Self::create), for the marker.
    written: std::sync::Mutex<Vec<String>>,
    /// The folders [`create`](Self::create) has made: most files go into a
    /// folder made for another (a page's `index.html` and `index.md`), and
    /// asking the file system again costs two system calls a file.
    folders: std::sync::Mutex<HashSet<String>>,
    committed: bool,
}

impl Staging {
    /// Creates one file for writing, and its folders (safe to call from many
    /// threads at once).
    pub(crate) fn create(&self, path: &str) -> io::Result<std::fs::File> {
        if let Some((folder, _)) = path.rsplit_once('/') {
            self.make_folder(folder)?;
        }
        let file = std::fs::File::create(self.dir.join(path))?;
        self.written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(path.to_string());
        Ok(file)
    }

    /// Makes `folder` (relative to the staging folder) and its parents,
    /// unless this staging has already made it.
    fn make_folder(&self, folder: &str) -> io::Result<()> {
        let lock = || {
            self.folders
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if lock().contains(folder) {
            return Ok(());
        }
        std::fs::create_dir_all(self.dir.join(folder))?;
        lock().insert(folder.to_string());
        Ok(())
    }

    /// Writes the remaining `files` and swaps the staging folder in.
    pub(crate) fn commit(mut self, files: Vec<OutputFile>) -> Result<(), Error> {
        let mut listed = std::mem::take(
            &mut *self
                .written
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        listed.extend(files.iter().map(|f| f.path.clone()));
        listed.sort_unstable();
        let marker = format!("{MARKER_TEXT}\n{MANIFEST_HEADER}\n{}\n", listed.join("\n"));
        write_files(&self.dir, files)?;
        let path = self.dir.join(MARKER);
        std::fs::write(&path, marker).map_err(|e| io_error(&path, e))?;
        self.sink.swap(&self.dir)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut d| d.next().is_none())
}

/// Writes `files` under `dir`: folders first (sorted), then the files in parallel.
fn write_files(dir: &Path, files: Vec<OutputFile>) -> Result<(), Error> {
    let folders: BTreeSet<&str> = files
        .iter()
        .filter_map(|f| f.path.rsplit_once('/').map(|(d, _)| d))
        .collect();
    for folder in folders {
        let path = dir.join(folder);
        std::fs::create_dir_all(&path).map_err(|e| io_error(&path, e))?;
    }
    files.into_par_iter().try_for_each(|f| {
        let path = dir.join(&f.path);
        let result = match f.content {
            Content::Bytes(b) => std::fs::write(&path, b),
            Content::Embedded(b) => std::fs::write(&path, b),
            Content::Copy(src) => std::fs::copy(&src, &path).map(|_| ()),
        };
        result.map_err(|e| io_error(&path, e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    #[test]
    fn files_written_as_they_are_made_land_in_their_folders() {
        let site = tempfile::tempdir().expect("a temporary folder");
        let out = site.path().join("public");
        let sink = DirSink::new(site.path(), &out).expect("an output folder");
        let staging = sink.stage().expect("a staging folder");
        let paths = [
            "guides/a/index.html",
            "guides/a/index.md",
            "guides/a/b/index.html",
            "guides/c/index.html",
            "top.txt",
        ];
        for path in paths {
            let mut file = staging.create(path).expect("created");
            file.write_all(path.as_bytes()).expect("written");
        }
        staging.commit(Vec::new()).expect("swapped in");
        for path in paths {
            let text = std::fs::read_to_string(out.join(path)).expect("in the output");
            assert_eq!(text, path);
        }
        let marker = std::fs::read_to_string(out.join(MARKER)).expect("the marker");
        assert!(
            paths.iter().all(|p| marker.lines().any(|l| l == *p)),
            "{marker}"
        );
    }
}
