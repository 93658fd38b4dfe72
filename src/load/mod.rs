//! Stage 1, load: walk the site, read every content file, split and parse its
//! front matter, and scan its body for headings and internal links.
//!
//! Input: the site root and its [`Config`]. Output: [`Sources`], every page and
//! section as owned data, plus the static files to copy, and the diagnostics
//! found on the way. Files are read and parsed in parallel; the result is
//! sorted by path, so later stages see the same order on every run.
//!
//! Nothing outside the site root is read: a symlink whose target leaves the
//! root is reported and skipped, and a symlink loop is an error, not a hang.

pub mod frontmatter;
pub mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics, display_path};
use frontmatter::{PageMeta, SectionMeta};
use yaml::YamlBlock;

/// A content file, read and parsed.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Display path relative to the site root (`content/principles/a.md`).
    pub file: String,
    /// The path under `content/` without `.md` (`principles/a`, `principles/_index`).
    pub ref_path: String,
    /// The whole file, BOM removed and line ends normalised to LF.
    pub text: String,
    /// Byte offset in `text` where the Markdown body starts.
    pub body_start: usize,
    /// The 1-based line on which the body starts.
    pub body_line: usize,
    /// The 1-based line on which the YAML block starts.
    pub yaml_line: usize,
    /// The byte range of the YAML block in `text`.
    pub yaml_range: std::ops::Range<usize>,
}

/// A content file with its parsed front matter.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file.
    pub source: SourceFile,
    /// Its front matter.
    pub meta: Meta,
    /// The headings and internal links of its body, scanned once when the
    /// file is read (a rebuild that keeps the file keeps its scan).
    pub scan: crate::markdown::Scan,
    /// Front-matter errors. The file still takes its place in the site (its
    /// keys in error left at their defaults) so that refs to it resolve and
    /// its body is checked: one mistake gives one error, not a cascade.
    pub problems: Vec<Diagnostic>,
}

/// What a content file declares.
#[derive(Debug, Clone)]
pub enum Meta {
    /// An ordinary page.
    Page(Box<PageMeta>),
    /// A section's `_index.md`.
    Section(SectionMeta),
}

impl SourceFile {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The front matter, indexed for locating keys.
    pub fn yaml(&self) -> YamlBlock<'_> {
        YamlBlock::new(
            &self.text[self.yaml_range.clone()],
            &self.file,
            self.yaml_line,
        )
    }

    /// The 1-based file (line, column) of a byte offset in the body.
    pub fn body_position(&self, offset: usize) -> (usize, usize) {
        let (line, col) = crate::diagnostic::line_col(self.body(), offset);
        (line + self.body_line - 1, col)
    }
}

/// A file to copy to the output unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Path relative to the output root, `/` separated.
    pub output_path: String,
    /// Where to read it.
    pub source: PathBuf,
    /// Its path relative to the site root, for diagnostics.
    pub display: String,
}

/// Everything the load stage read.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Content files, sorted by path; drafts included (resolve decides).
    pub files: Vec<Loaded>,
    /// Folders under `content/` (ref paths, `""` for the root), sorted.
    pub folders: Vec<String>,
    /// The site's own `static/` files and the non-Markdown files of `content/`.
    pub statics: Vec<StaticFile>,
}

/// Removes a UTF-8 BOM and turns CRLF line ends into LF; line numbers are
/// unchanged, so diagnostics still match the file on disk.
pub fn normalise_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    }
}

/// The files of a site, listed but not read: what [`load`] reads, and what
/// `credo serve` lists again after a change to read only what is new.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// The Markdown files of `content/`, sorted.
    pub markdown: Vec<PathBuf>,
    /// Folders under `content/` (ref paths, `""` for the root), sorted.
    pub folders: Vec<String>,
    /// The site's own `static/` files and the non-Markdown files of `content/`.
    pub statics: Vec<StaticFile>,
}

/// Lists `content/` and `static/` under `root` without reading any file.
pub fn list(root: &Path) -> (Listing, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let content = root.join("content");
    let (paths, folders) = walk_files(root, &content, &mut diagnostics);
    let (markdown, others): (Vec<_>, Vec<_>) = paths
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "md"));
    // Files beside the Markdown (images, PDFs) are published at their place.
    let mut statics: Vec<StaticFile> = others
        .into_iter()
        .map(|source| StaticFile {
            output_path: display_path(&content, &source),
            display: display_path(root, &source),
            source,
        })
        .collect();
    statics.extend(load_statics(root, &root.join("static"), &mut diagnostics));
    let listing = Listing {
        markdown,
        folders,
        statics,
    };
    (listing, diagnostics)
}

/// Puts read content files together with their listing: the files sorted by
/// ref path, every read failure reported.
pub fn assemble(
    listing: Listing,
    read: impl IntoIterator<Item = Result<Loaded, Vec<Diagnostic>>>,
) -> (Sources, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let read = read.into_iter();
    let mut files = Vec::with_capacity(read.size_hint().0);
    for result in read {
        match result {
            Ok(file) => {
                diagnostics.extend(file.problems.iter().cloned());
                files.push(file);
            }
            Err(ds) => diagnostics.extend(ds),
        }
    }
    files.sort_by(|a, b| a.source.ref_path.cmp(&b.source.ref_path));
    let sources = Sources {
        files,
        folders: listing.folders,
        statics: listing.statics,
    };
    (sources, diagnostics)
}

/// Reads `content/` and `static/` under `root`.
pub fn load(root: &Path) -> (Sources, Diagnostics) {
    let (listing, mut diagnostics) = list(root);
    let results: Vec<Result<Loaded, Vec<Diagnostic>>> = listing
        .markdown
        .par_iter()
        .map(|path| {
            crate::bug::processing(&display_path(root, path), || {
                read_and_parse(root, path, Body::Render)
            })
        })
        .collect();
    let (sources, read_diagnostics) = assemble(listing, results);
    diagnostics.extend(read_diagnostics.into_vec());
    (sources, diagnostics)
}

/// Lists the files of the static folder `dir` as files to copy.
pub fn load_statics(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<StaticFile> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let (paths, _) = walk_files(root, dir, diagnostics);
    paths
        .into_iter()
        .map(|source| StaticFile {
            output_path: display_path(dir, &source),
            display: display_path(root, &source),
            source,
        })
        .collect()
}

/// Every file under `dir` (sorted), and every folder as a `/`-separated path
/// relative to `dir`. Symlinks are followed only while they stay inside `root`.
fn walk_files(
    root: &Path,
    dir: &Path,
    diagnostics: &mut Diagnostics,
) -> (Vec<PathBuf>, Vec<String>) {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut files = Vec::new();
    let mut folders = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            !hidden && stays_inside(&canonical_root, e)
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {
                folders.push(display_path(dir, entry.path()));
            }
            Ok(entry) => files.push(entry.into_path()),
            Err(e) => diagnostics.push(walk_error(root, &e)),
        }
    }
    report_escaping_links(root, &canonical_root, dir, diagnostics);
    (files, folders)
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
            diagnostics.push(Diagnostic::error(
                display_path(root, entry.path()),
                0,
                0,
                "symlink-outside-root",
                "symbolic link points outside the site root; it is not followed",
            ));
        }
    }
}

fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e.path().map(|p| display_path(root, p)).unwrap_or_default();
    if e.loop_ancestor().is_some() {
        Diagnostic::error(
            path,
            0,
            0,
            "symlink-loop",
            "symbolic link loop; it is not followed",
        )
    } else {
        let message = match e.io_error() {
            Some(io) => format!("cannot read: {io}"),
            None => format!("cannot read: {e}"),
        };
        Diagnostic::error(path, 0, 0, "io", message)
    }
}

/// Reads and parses one Markdown file of `content/` (`path` under `root`).
/// Its body is scanned, not rendered: `serve` keeps every file it read and
/// renders only bodies that changed.
pub fn read_file(root: &Path, path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    crate::bug::processing(&display_path(root, path), || {
        read_and_parse(root, path, Body::Scan)
    })
}

/// What reading a file does with its body.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Body {
    /// Only scan it.
    Scan,
    /// Scan it and render it in the same parse (a build renders every body
    /// once, so it need not parse any body twice).
    Render,
}

fn read_and_parse(root: &Path, path: &Path, body: Body) -> Result<Loaded, Vec<Diagnostic>> {
    let content = root.join("content");

    let content = content.as_path();
    let file = display_path(root, path);
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Diagnostic::error(
            &file,
            0,
            0,
            "io",
            format!("cannot read: {e}"),
        )]
    })?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => normalise_text(text),
        Err(e) => {
            let (line, column) = crate::diagnostic::line_col(
                &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
                e.valid_up_to(),
            );
            return Err(vec![
                Diagnostic::error(
                    &file,
                    line,
                    column,
                    "not-utf8",
                    "file is not valid UTF-8 text",
                )
                .with_hint("save the file with UTF-8 encoding"),
            ]);
        }
    };
    let rel = path
        .strip_prefix(content)
        .unwrap_or(path)
        .with_extension("");
    let ref_path = display_path(Path::new(""), &rel);
    let ref_path =
        unicode_normalization::UnicodeNormalization::nfc(ref_path.as_str()).collect::<String>();
    let is_section = rel.file_name().is_some_and(|n| n == "_index");
    let split = frontmatter::split(&text, &file).map_err(|d| vec![d.with_source(&text)])?;
    let yaml_range = split.yaml_start..split.yaml_start + split.yaml.len();
    let body_start = text.len() - split.body.len();
    let body_line = split.body_line;
    let block = YamlBlock::new(split.yaml, &file, 2);
    let (meta, problems) = if is_section {
        let (meta, problems) = frontmatter::parse_section(&block);
        (Meta::Section(meta), problems)
    } else if split.yaml.trim().is_empty() && !text.starts_with("---") {
        let missing = Diagnostic::error(
            &file,
            1,
            1,
            "missing-front-matter",
            "page has no front matter; it needs at least a `title`",
        )
        .with_hint("start the file with `---`, a line `title: ...`, and `---`");
        (Meta::Page(Box::default()), vec![missing])
    } else {
        let (meta, problems) = frontmatter::parse_page(&block);
        (Meta::Page(Box::new(meta)), problems)
    };
    let problems = problems.into_iter().map(|d| d.with_source(&text)).collect();
    let scan = match body {
        Body::Scan => crate::markdown::scan(&text[body_start..]),
        Body::Render => crate::markdown::scan_unlinked(&text[body_start..]),
    };
    Ok(Loaded {
        scan,
        source: SourceFile {
            file,
            ref_path,
            body_start,
            body_line,
            yaml_line: 2,
            yaml_range,
            text,
        },
        meta,
        problems,
    })
}
