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

pub(crate) mod changes;
mod contrast;
pub mod frontmatter;
pub(crate) mod languages;
pub(crate) mod layout;
pub(crate) mod vocabulary;
mod walk;
pub mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, display_path};
use frontmatter::{PageMeta, SectionMeta};
use walk::walk_files;
pub(crate) use walk::{Hidden, escaping_link_error, link_leaving_root};
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
    /// The text of the body's first `# heading` when the front matter gives
    /// no `title`, or when it opens the body repeating that title: the
    /// page's title, so the body leaves it out.
    pub heading_title: Option<String>,
    /// A short hash of the whole file (front matter and body): the page's
    /// `version`, which changes whenever its source does.
    pub version: String,
    /// The language suffix of the file name (`gifts.de.md` → `de`), if it
    /// has one that looks like a language code; its `ref_path` leaves it
    /// out. Which suffixes are languages is decided with the configuration
    /// ([`languages::split`]).
    pub lang: Option<String>,
    /// Shown in a language it has no translation for: the default
    /// language's page standing in.
    pub untranslated: bool,
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
    pub(crate) fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The front matter, indexed for locating keys.
    pub(crate) fn yaml(&self) -> YamlBlock<'_> {
        YamlBlock::new(
            &self.text[self.yaml_range.clone()],
            &self.file,
            self.yaml_line,
        )
    }

    /// Whether the body's first `# heading` is the title (and so not rendered).
    pub(crate) fn drops_title(&self) -> bool {
        self.heading_title.is_some()
    }

    /// The folder under `content/` holding the file (`principles`, `""` at
    /// the top): what its relative links are resolved against.
    pub(crate) fn folder(&self) -> &str {
        let path = self.file.strip_prefix("content/").unwrap_or(&self.file);
        path.rsplit_once('/').map_or("", |(dir, _)| dir)
    }

    /// The 1-based file (line, column) of a byte offset in the body.
    pub(crate) fn body_position(&self, offset: usize) -> (usize, usize) {
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
    /// The ref paths (`scenarios/refund`) of Markdown files that could not
    /// be read or split into front matter and body: their errors are
    /// reported, and links to them are not reported again.
    pub unreadable: Vec<String>,
    /// Every translation into one of the site's other languages, by its
    /// file under `content/` without `.md` (`principles/a.de`). Filled in
    /// by [`languages::split`].
    pub translations: std::collections::BTreeMap<String, Translation>,
}

/// A translation, as a link from another language's page sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// Its language (`de`).
    pub code: String,
    /// Its original's file (`principles/a`), whose place it takes there.
    pub original: String,
    /// Every id a link to it may name (its headings, the ids of its HTML);
    /// `None` while it is a draft that its original stands in for, whose
    /// ids are then the ones on the page.
    pub anchors: Option<Vec<String>>,
}

/// `path` in Unicode's composed form (NFC): how URLs and refs spell names,
/// whichever form the disk keeps (macOS's HFS+ decomposes them).
pub(crate) fn nfc(path: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    // ASCII is its own NFC form, and most names are ASCII.
    if path.is_ascii() || is_nfc_quick(path.chars()) == IsNormalized::Yes {
        return path.to_string();
    }
    path.nfc().collect()
}

/// A Markdown file's path as refs and links name it: under `content/`,
/// without `.md` (`content/a/gifts.de.md` → `a/gifts.de`).
pub(crate) fn content_path(file: &str) -> &str {
    let path = file.strip_prefix("content/").unwrap_or(file);
    path.strip_suffix(".md").unwrap_or(path)
}

/// Removes a UTF-8 BOM and turns CRLF and lone CR line ends into LF; line numbers
/// are unchanged, so diagnostics still match the file as an editor shows it.
pub fn normalise_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        // A lone CR ends a line too (old Mac files), as editors show it.
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// The files of a site, listed but not read: what [`load`] reads, and what
/// `credo serve` lists again after a change to read only what is new.
#[derive(Debug, Clone, Default)]
pub(crate) struct Listing {
    /// The Markdown files of `content/`, sorted.
    pub markdown: Vec<PathBuf>,
    /// The site's own `static/` files and the non-Markdown files of `content/`.
    pub statics: Vec<StaticFile>,
    /// What the walk of `content/` left out with an error of its own (a
    /// symbolic link that dangles, loops or leaves the root), by ref path
    /// (`docs/out`, `docs/map.png`): a link to it is not a second error.
    pub left_out: Vec<String>,
}

/// Lists `content/` and `static/` under `root` without reading any file.
pub(crate) fn list(root: &Path) -> (Listing, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let content = layout::content_dir(root);
    let flat = content == root;
    let leave_out = |path: &Path, depth: usize| flat && layout::not_content(path, depth);
    let paths = walk_files(root, &content, Hidden::Skip, leave_out, &mut diagnostics);
    let prefix = if flat { "" } else { "content/" };
    let left_out = (diagnostics.iter())
        .filter(|d| d.file.starts_with(prefix))
        .map(|d| nfc(content_path(&d.file)))
        .collect();
    let (markdown, others): (Vec<_>, Vec<_>) = paths
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "md"));
    diagnostics.extend(markdown_not_pages(root, &markdown, &others));
    // Files beside the Markdown (images, PDFs) are published at their place.
    let mut statics: Vec<StaticFile> = others
        .into_iter()
        .map(|source| StaticFile {
            output_path: nfc(&display_path(&content, &source)),
            display: display_path(root, &source),
            source,
        })
        .collect();
    let static_dir = root.join("static");
    statics.extend(load_statics(
        root,
        &static_dir,
        Hidden::Keep,
        &mut diagnostics,
    ));
    let listing = Listing {
        markdown,
        statics,
        left_out,
    };
    (listing, diagnostics)
}

/// Puts read content files together with their listing: the files sorted by
/// ref path, each folder's own page put in its place (see
/// [`place_folder_pages`]), every read failure reported.
pub(crate) fn assemble(
    listing: Listing,
    read: impl IntoIterator<Item = Result<Loaded, Vec<Diagnostic>>>,
) -> (Sources, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let read = read.into_iter();
    let mut files = Vec::with_capacity(read.size_hint().0);
    let mut unreadable = listing.left_out;
    for result in read {
        match result {
            Ok(file) => files.push(file),
            Err(ds) => {
                let ref_path = ds.first().map(|d| nfc(content_path(&d.file)));
                unreadable.extend(ref_path);
                diagnostics.extend(ds);
            }
        }
    }
    let folders = place_folder_pages(&mut files, &mut diagnostics);
    for file in &files {
        diagnostics.extend(file.problems.iter().cloned());
    }
    files.sort_by(|a, b| a.source.ref_path.cmp(&b.source.ref_path));
    let sources = Sources {
        files,
        folders,
        statics: listing.statics,
        unreadable,
        translations: Default::default(),
    };
    (sources, diagnostics)
}

/// Decides what each folder is, and returns the sections' folders (`""`,
/// the home page, first).
///
/// A folder's own page is its `_index.md`, else `index.md`, else `README.md`
/// (two in one folder: an error naming both). A folder is a section when it
/// has an `_index.md`, a page besides its own, or a section or page bundle
/// below it; its own page is then the section's page (ref `folder/_index`).
/// A folder holding only its own page (and assets) is a page bundle: that
/// page, at the folder's URL. A folder holding only assets is neither.
fn place_folder_pages(files: &mut [Loaded], diagnostics: &mut Diagnostics) -> Vec<String> {
    use std::collections::{BTreeMap, BTreeSet};
    fn mark(sections: &mut BTreeSet<String>, folder: &str) {
        let mut folder = folder;
        while sections.insert(folder.to_string()) && !folder.is_empty() {
            folder = folder.rsplit_once('/').map_or("", |(parent, _)| parent);
        }
    }
    let mut sections = BTreeSet::from([String::new()]);
    let mut own: BTreeMap<String, Vec<(u8, usize)>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        if file.source.lang.is_some() {
            continue; // a translation takes its original's place per language
        }
        // In NFC, as refs and URLs are (a Mac may write `Ärger/` decomposed).
        let folder = nfc(file.source.folder());
        match own_page_rank(placing_stem(&file.source, &folder)) {
            Some(rank) => own.entry(folder).or_default().push((rank, i)),
            None => mark(&mut sections, &folder),
        }
    }
    for (folder, candidates) in &mut own {
        candidates.sort_unstable();
        if let [(_, first), rest @ ..] = candidates.as_slice() {
            for &(_, other) in rest {
                // The other file stays an ordinary page, so refs to it resolve.
                let named = files[*first].source.file.clone();
                let source = &files[other].source;
                diagnostics.push(
                    Diagnostic::error(
                        &source.file,
                        0,
                        0,
                        Code::DuplicateIndex,
                        format!(
                            "`{named}` and `{}` both want to be {}",
                            source.file,
                            // The folder as the site root shows it
                            // (`content/a`, or `a` in a flat site).
                            match named.rsplit_once('/') {
                                Some((shown, _)) => format!("the page of the folder {shown}"),
                                None => "the home page".to_string(),
                            }
                        ),
                    )
                    .with_hint("keep one of them (`_index.md` wins, then `index.md`, then `README.md`), or rename the other"),
                );
                mark(&mut sections, folder);
            }
        }
        if candidates.first().is_some_and(|(rank, _)| *rank == 0) {
            mark(&mut sections, folder);
        }
    }
    // Deepest first: whether a folder is a bundle depends on what is below it.
    let mut owned: Vec<(&String, usize)> = own.iter().map(|(f, c)| (f, c[0].1)).collect();
    owned.sort_by_key(|(folder, _)| std::cmp::Reverse(folder.matches('/').count() + 1));
    for (folder, i) in owned {
        if sections.contains(folder.as_str()) {
            make_section_page(&mut files[i], folder);
        } else {
            files[i].source.ref_path = folder.clone();
            mark(
                &mut sections,
                folder.rsplit_once('/').map_or("", |(p, _)| p),
            );
        }
    }
    sections.into_iter().collect()
}

/// The name a file is placed by: its ref path's last segment, so that
/// `README.en.md` on a site in `en` is `README`. A bundle's page placed
/// before (`kit/index.md`, whose ref is then `kit`) keeps its file's name:
/// placing again (after translations are taken out) must find the folder's
/// page it found, not a page inside `kit/` that would make `kit/` a section.
fn placing_stem<'a>(source: &'a SourceFile, folder: &str) -> &'a str {
    let name = |path: &'a str| path.rsplit('/').next().unwrap_or_default();
    if !folder.is_empty() && source.ref_path == folder {
        name(&source.file).strip_suffix(".md").unwrap_or_default()
    } else {
        name(&source.ref_path)
    }
}

/// Makes `file` the page of the section `folder`: its ref becomes
/// `folder/_index`, and front matter written as a page's is read as a
/// section's.
pub(crate) fn make_section_page(file: &mut Loaded, folder: &str) {
    file.source.ref_path = if folder.is_empty() {
        "_index".to_string()
    } else {
        format!("{folder}/_index")
    };
    if let Meta::Page(_) = file.meta {
        let (mut meta, problems) = frontmatter::parse_section(&file.source.yaml());
        if meta.title.is_none() {
            meta.title.clone_from(&file.source.heading_title);
        }
        file.meta = Meta::Section(meta);
        file.problems = problems
            .into_iter()
            .map(|d| d.with_source(&file.source.text))
            .collect();
    }
}

/// Reads `content/` and `static/` under `root`, doing `body` with each
/// Markdown body.
pub fn load(root: &Path, body: Body) -> (Sources, Diagnostics) {
    let (listing, mut diagnostics) = list(root);
    let results: Vec<Result<Loaded, Vec<Diagnostic>>> =
        crate::markdown::highlight::two_per_core(|| {
            (listing.markdown.par_iter())
                .map(|path| {
                    crate::bug::processing(&display_path(root, path), || {
                        read_and_parse(root, path, body)
                    })
                })
                .collect()
        });
    let (sources, read_diagnostics) = assemble(listing, results);
    diagnostics.extend(read_diagnostics.into_vec());
    (sources, diagnostics)
}

/// The body's opening `# heading` when it repeats the front matter's
/// `title` (an MkDocs or Hugo page often has both): the page then shows it
/// once. Only a body that opens with one is parsed for it.
fn repeated_title(meta: &Meta, body: &str) -> Option<String> {
    let title = match meta {
        Meta::Page(meta) => meta.title.as_str(),
        Meta::Section(meta) => meta.title.as_deref()?,
    };
    let opening = body.trim_start().lines().next()?;
    if !opening.starts_with("# ") {
        return None;
    }
    let heading = crate::markdown::first_h1(body)?;
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    same(&heading, title).then_some(heading)
}

/// Lists the files of the static folder `dir` as files to copy.
pub(crate) fn load_statics(
    root: &Path,
    dir: &Path,
    hidden: Hidden,
    diagnostics: &mut Diagnostics,
) -> Vec<StaticFile> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let paths = walk_files(root, dir, hidden, |_, _| false, diagnostics);
    paths
        .into_iter()
        .map(|source| StaticFile {
            output_path: nfc(&display_path(dir, &source)),
            display: display_path(root, &source),
            source,
        })
        .collect()
}

/// `x.markdown`, `x.MD`, `x.mdx` in `content/`: Markdown that GitHub and
/// other tools show as a page, which credo publishes as the file it is
/// (unless an `x.md` beside it is the page, and the file kept on purpose).
fn markdown_not_pages(root: &Path, markdown: &[PathBuf], others: &[PathBuf]) -> Vec<Diagnostic> {
    let pages: std::collections::HashSet<&Path> = markdown.iter().map(PathBuf::as_path).collect();
    others
        .iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            let stem = crate::markdown::markdown_stem(name)?;
            if pages.contains(path.with_file_name(format!("{stem}.md")).as_path()) {
                return None;
            }
            let d = Diagnostic::warning(
                display_path(root, path),
                0,
                0,
                Code::MarkdownNotPage,
                format!(
                    "`{name}` is published as a file, not a page: credo reads `.md` files as pages"
                ),
            );
            Some(d.with_hint(format!(
                "rename it `{stem}.md` (`credo import` renames every `.markdown`, `.MD` and `.mdx`)"
            )))
        })
        .collect()
}

/// A short, stable hash of a page's source: FNV-1a over its bytes, 12 hex
/// digits. Stable across runs, platforms and credo versions, as published
/// versions are compared with later builds (`credo check --against`).
pub fn version_of(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:012x}", hash >> 16)
}

/// A file's name made readable, the title of a page that names none:
/// `getting-started` → "Getting started". A folder's own page (`index`,
/// `README`) takes its folder's name.
pub(crate) fn readable_name(ref_path: &str) -> String {
    let mut parts = ref_path.rsplit('/');
    let stem = parts.next().unwrap_or(ref_path);
    let name = match own_page_rank(stem) {
        Some(_) => parts.next().unwrap_or(stem),
        None => stem,
    };
    readable(name)
}

/// A file or folder name made readable: `-` and `_` as spaces, the first
/// letter upper case (`getting-started` → "Getting started").
pub(crate) fn readable(name: &str) -> String {
    let name = name.replace(['-', '_'], " ");
    let name = name.trim();
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether a file stem names its folder's own page, and its precedence:
/// `_index`, else `index`, else `README` (any case, as GitHub shows it).
pub(crate) fn own_page_rank(stem: &str) -> Option<u8> {
    match stem {
        "_index" => Some(0),
        "index" => Some(1),
        s if s.eq_ignore_ascii_case("readme") => Some(2),
        _ => None,
    }
}

/// Reads and parses one Markdown file of `content/` (`path` under `root`).
/// Its body is scanned, not rendered: `serve` keeps every file it read and
/// renders only bodies that changed.
pub(crate) fn read_file(root: &Path, path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    crate::bug::processing(&display_path(root, path), || {
        read_and_parse(root, path, Body::Scan)
    })
}

/// Parses a content file given as text, never read from disk: `path` is
/// its path under `content/` (`principles/a.md`). For unit tests of the
/// later stages, which then go through the same parsing as a build.
#[cfg(test)]
pub(crate) fn parse_text(path: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let ref_path = path.strip_suffix(".md").unwrap_or(path);
    parse(
        format!("content/{path}"),
        ref_path,
        normalise_text(text),
        Body::Scan,
    )
}

/// What reading a file does with its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// Only scan it (what `credo new` and `serve` need).
    Scan,
    /// Scan it and render it in the same parse (a build renders every body
    /// once, so it need not parse any body twice).
    Render,
}

fn read_and_parse(root: &Path, path: &Path, body: Body) -> Result<Loaded, Vec<Diagnostic>> {
    let file = display_path(root, path);
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Diagnostic::error(
            &file,
            0,
            0,
            Code::Io,
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
                    Code::NotUtf8,
                    "file is not valid UTF-8 text",
                )
                .with_hint("save the file with UTF-8 encoding"),
            ]);
        }
    };
    // Under `content/`, or in a flat site (which has none) under the root.
    let rel = (path.strip_prefix(root.join("content")))
        .or_else(|_| path.strip_prefix(root))
        .unwrap_or(path)
        .with_extension("");
    parse(file, &display_path(Path::new(""), &rel), text, body)
}

/// Parses a content file already read: `file` is its display path
/// (`content/principles/a.md`), `ref_path` its path under `content/`
/// without `.md` as listed, and `text` its normalised text.
fn parse(
    file: String,
    ref_path: &str,
    text: String,
    body: Body,
) -> Result<Loaded, Vec<Diagnostic>> {
    let ref_path = nfc(ref_path);
    let (ref_path, lang) = languages::strip_suffix(&ref_path);
    let is_section = ref_path.rsplit('/').next() == Some("_index");
    let split = frontmatter::split(&text, &file).map_err(|d| vec![d.with_source(&text)])?;
    let yaml_range = split.yaml_start..split.yaml_start + split.yaml.len();
    let body_start = text.len() - split.body.len();
    let body_line = split.body_line;
    let block = YamlBlock::new(split.yaml, &file, 2);
    // Front matter is optional: without a `title`, the first `# heading` is
    // the title, else the file's name made readable.
    let mut heading_title = if block.has_key("title") {
        None
    } else {
        crate::markdown::first_h1(split.body)
    };
    let (meta, problems) = if is_section {
        let (mut meta, problems) = frontmatter::parse_section(&block);
        if meta.title.is_none() {
            meta.title.clone_from(&heading_title);
        }
        (Meta::Section(meta), problems)
    } else {
        let (mut meta, problems) = frontmatter::parse_page(&block);
        // An empty or wrong `title` is an error of its own; the rest of the
        // run names the page as if it had none.
        if meta.title.is_empty() {
            meta.title = heading_title
                .clone()
                .unwrap_or_else(|| readable_name(&ref_path));
        }
        (Meta::Page(Box::new(meta)), problems)
    };
    let problems = problems.into_iter().map(|d| d.with_source(&text)).collect();
    if heading_title.is_none() {
        heading_title = repeated_title(&meta, split.body);
    }
    let drop_title = heading_title.is_some();
    let scan = match body {
        Body::Scan => crate::markdown::scan(&text[body_start..], drop_title),
        Body::Render => crate::markdown::scan_unlinked(&text[body_start..], drop_title),
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
            heading_title,
            version: version_of(&text),
            lang,
            untranslated: false,
            text,
        },
        meta,
        problems,
    })
}
