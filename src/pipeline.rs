//! The pipeline, top to bottom: load → resolve → render → write.
//!
//! [`generate`] runs the first three stages and is shared by `build`, `check`
//! and `serve`; [`build`] adds the write stage. Content errors of every stage
//! are collected and returned together as [`Error::Content`].
//!
//! With `CREDO_TIMINGS=1` in the environment, each stage prints its wall time
//! to stderr (`timing: <stage> <ms> ms`), for profiling large sites.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::{Config, ConfigError};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::output::DirSink;
use crate::render::theme::Theme;
use crate::render::{OutputFile, RenderOptions};
use crate::site::Site;

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site root (holding `credo.yaml`).
    pub root: PathBuf,
    /// The output folder; `ROOT/public` when absent.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` everywhere.
    pub base_url: Option<String>,
    /// Keep draft pages.
    pub drafts: bool,
}

impl BuildOptions {
    /// The output folder these options name.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a successful generation produced.
pub struct Generation {
    /// The resolved site.
    pub site: Site,
    /// Every output file.
    pub files: Vec<OutputFile>,
    /// Warnings (the run had no errors).
    pub warnings: Diagnostics,
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Pages and sections rendered.
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Warnings found.
    pub warnings: Diagnostics,
    /// Where the site was written.
    pub output: PathBuf,
}

impl BuildReport {
    /// The one summary line of a build.
    pub fn summary(&self) -> String {
        let warnings = match self.warnings.warning_count() {
            0 => String::new(),
            1 => ", 1 warning (see `credo check`)".to_string(),
            n => format!(", {n} warnings (see `credo check`)"),
        };
        format!(
            "Built {} pages ({} files) into {} in {} ms{warnings}",
            self.pages,
            self.files,
            self.output.display(),
            self.elapsed.as_millis()
        )
    }
}

/// Reads `credo.yaml` and applies command-line overrides.
pub fn load_config(options: &BuildOptions) -> Result<Config, Error> {
    let mut config = match Config::load(&options.root) {
        Ok(c) => c,
        Err(ConfigError::Missing { path, source }) => {
            return Err(Error::Usage(format!(
                "cannot read {path}: {source}; is this a credo site? (`credo init` makes one)"
            )));
        }
        Err(ConfigError::Invalid(ds)) => return Err(Error::Content(ds.into_iter().collect())),
    };
    if let Some(url) = &options.base_url {
        if let Some(problem) = crate::config::base_url_problem(url) {
            return Err(Error::Usage(problem.replace("`base_url`", "--base-url")));
        }
        config.set_base_url(url);
    }
    Ok(config)
}

/// A site root without `content/` is, like one without credo.yaml, the
/// wrong folder or an unfinished site: a usage error, not a content error of
/// some page. (An empty `content/` is a site with a home page only.)
pub fn require_content(root: &Path) -> Result<(), Error> {
    if root.join("content").is_dir() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{} has no content/ folder; a credo site keeps its pages there (`credo init` makes one)",
        root.display()
    )))
}

/// Prints each stage's wall time to stderr when `CREDO_TIMINGS` is set.
pub(crate) struct Stopwatch {
    last: Option<Instant>,
}

impl Stopwatch {
    pub(crate) fn from_env() -> Stopwatch {
        let on = std::env::var_os("CREDO_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0");
        Stopwatch {
            last: on.then(Instant::now),
        }
    }

    /// Prints the time since this stopwatch started or last lapped, as part
    /// of a stage (`render.search`), without ending a lap.
    pub(crate) fn report(&self, part: &str) {
        if let Some(last) = self.last {
            eprintln!(
                "timing: {part} {:.1} ms",
                last.elapsed().as_secs_f64() * 1000.0
            );
        }
    }

    /// Ends `stage`: prints the time since the previous lap.
    pub(crate) fn lap(&mut self, stage: &str) {
        if let Some(last) = self.last {
            let now = Instant::now();
            eprintln!(
                "timing: {stage} {:.1} ms",
                (now - last).as_secs_f64() * 1000.0
            );
            self.last = Some(now);
        }
    }
}

/// Load, resolve and render the site; every content error of every stage is
/// returned at once.
pub fn generate(
    options: &BuildOptions,
    render_options: &RenderOptions,
) -> Result<Generation, Error> {
    generate_timed(options, render_options, None, &mut Stopwatch::from_env())
}

/// `emit`, when given, receives each rendered page at once (the build writes
/// it to its staging folder); the other files are returned.
fn generate_timed(
    options: &BuildOptions,
    render_options: &RenderOptions,
    sink: Option<&dyn crate::render::Sink>,
    stopwatch: &mut Stopwatch,
) -> Result<Generation, Error> {
    if !options.root.is_dir() {
        return Err(Error::Usage(format!(
            "site root {} is not a folder",
            options.root.display()
        )));
    }
    let config = load_config(options)?;
    require_content(&options.root)?;
    let theme = Theme::resolve(&options.root, &config.theme, &config.highlight_theme);
    stopwatch.lap("setup");
    let (sources, mut diagnostics) = crate::load::load(&options.root);
    let (sources, languages, language_diagnostics) =
        crate::load::languages::split(sources, &config);
    diagnostics.extend(language_diagnostics);
    stopwatch.lap("load");
    let (mut site, resolve_diagnostics) = crate::site::resolve(config, sources, options.drafts);
    let unlinked = crate::render::UnlinkedBodies::take(&mut site);
    diagnostics.extend(resolve_diagnostics.into_vec());
    stopwatch.lap("resolve");
    let theme = theme.map_err(|theme_diagnostics| diagnostics.extend(theme_diagnostics));
    let mut files = match &theme {
        Ok(theme) => {
            let (files, render_diagnostics) = match sink {
                Some(sink) => {
                    crate::render::render_streaming(&site, unlinked, theme, render_options, sink)
                }
                None => crate::render::render(&site, unlinked, theme, render_options),
            };
            diagnostics.extend(render_diagnostics.into_vec());
            files
        }
        Err(()) => Vec::new(),
    };
    stopwatch.lap("render");
    if let Ok(theme) = &theme {
        for language in languages {
            let (more, language_diagnostics) =
                generate_language(&site, language, theme, options, render_options, sink);
            files.extend(more);
            diagnostics.extend(language_diagnostics.into_vec());
        }
        stopwatch.lap("languages");
    }
    diagnostics.extend(crate::site::checks::warnings(
        &site,
        crate::site::checks::today(),
    ));
    diagnostics.extend(crate::site::checks::unknown_sections(&site, &options.root));
    diagnostics.apply_lints(&site.config.lint_levels());
    diagnostics.sort();
    stopwatch.lap("checks");
    if diagnostics.has_errors() {
        return Err(Error::Content(diagnostics));
    }
    Ok(Generation {
        site,
        files,
        warnings: diagnostics,
    })
}

/// Resolves and renders the site in one of its other languages under
/// `/CODE/`: pages, sections and every generated page, but not the files all
/// languages share (static files, theme assets), which stay at the root.
fn generate_language(
    site: &Site,
    language: crate::load::languages::Language,
    theme: &Theme,
    options: &BuildOptions,
    render_options: &RenderOptions,
    sink: Option<&dyn crate::render::Sink>,
) -> (Vec<OutputFile>, Diagnostics) {
    let code = language.code;
    let config = site.config.for_language(&code);
    let (mut translated, diagnostics) =
        crate::site::resolve(config, language.sources, options.drafts);
    // The untranslated pages stand in with their errors, already reported.
    let stand_ins: std::collections::HashSet<String> = (translated.pages.iter())
        .map(|p| &p.source)
        .chain(translated.sections.iter().filter_map(|s| s.source.as_ref()))
        .filter(|s| s.untranslated)
        .map(|s| s.file.clone())
        .collect();
    let mut diagnostics: Diagnostics = diagnostics
        .into_iter()
        .filter(|d| !stand_ins.contains(&d.file))
        .collect();
    for file in &language.missing {
        diagnostics.push(
            crate::diagnostic::Diagnostic::warning(
                file,
                0,
                0,
                crate::diagnostic::Code::MissingTranslation,
                format!(
                    "no translation into `{code}`: the page in the default language stands in there"
                ),
            )
            .with_hint(format!(
                "add a translation beside it, named `{}`",
                translated_name(file, &code)
            )),
        );
    }
    diagnostics.extend(untranslated_since(site, &translated, &code));
    let unlinked = crate::render::UnlinkedBodies::take(&mut translated);
    let prefix = format!("{code}/");
    let shared = shared_files(site, theme);
    let prefixed = sink.map(|inner| Prefixed {
        inner,
        prefix: &prefix,
        shared: &shared,
    });
    let (files, render_diagnostics) = match &prefixed {
        Some(sink) => {
            crate::render::render_streaming(&translated, unlinked, theme, render_options, sink)
        }
        None => crate::render::render(&translated, unlinked, theme, render_options),
    };
    diagnostics.extend(render_diagnostics.into_vec());
    let files = files
        .into_iter()
        .filter(|f| !shared.contains(&f.path))
        .map(|mut f| {
            f.path = format!("{prefix}{}", f.path);
            f
        })
        .collect();
    (files, diagnostics)
}

/// Translations older than a material change of their original: the
/// original's newest material change is newer than the translation's own
/// newest `changes:` entry (a stub made by `credo new --lang` starts with
/// the original's history; a translator records the update there).
fn untranslated_since(
    site: &Site,
    translated: &Site,
    code: &str,
) -> Vec<crate::diagnostic::Diagnostic> {
    let originals: std::collections::HashMap<&str, &crate::site::Page> = site
        .pages
        .iter()
        .map(|p| (p.source.ref_path.as_str(), p))
        .collect();
    let mut found = Vec::new();
    for page in translated.pages.iter().filter(|p| !p.source.untranslated) {
        let Some(original) = originals.get(page.source.ref_path.as_str()) else {
            continue;
        };
        let Some(change) = original.meta.changes.iter().find(|c| c.material) else {
            continue;
        };
        let own = page.meta.changes.first().map(|c| c.date);
        if own.is_some_and(|d| d >= change.date) {
            continue;
        }
        found.push(
            crate::diagnostic::Diagnostic::warning(
                &page.source.file,
                1,
                1,
                crate::diagnostic::Code::UntranslatedSince,
                format!(
                    "this `{code}` translation is older than a material change of {} ({}: {})",
                    original.source.file, change.date, change.note
                ),
            )
            .with_source(&page.source.text)
            .with_hint("bring the translation up to date and record it in its own `changes:` (a date on or after the original's)"),
        );
    }
    found
}

/// `content/a.md` → `a.de.md`.
fn translated_name(file: &str, code: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    format!("{stem}.{code}.md")
}

/// The outputs every language shares, written once at the root.
fn shared_files(site: &Site, theme: &Theme) -> std::collections::HashSet<String> {
    let mut shared: std::collections::HashSet<String> =
        site.statics.iter().map(|s| s.output_path.clone()).collect();
    shared.extend(theme.statics.keys().cloned());
    shared.insert("highlight.css".to_string());
    shared
}

/// A sink that writes a language's files under its folder and drops what
/// every language shares.
struct Prefixed<'a> {
    inner: &'a dyn crate::render::Sink,
    prefix: &'a str,
    shared: &'a std::collections::HashSet<String>,
}

impl crate::render::Sink for Prefixed<'_> {
    fn create(&self, path: &str) -> std::io::Result<std::fs::File> {
        debug_assert!(!self.shared.contains(path));
        self.inner.create(&format!("{}{path}", self.prefix))
    }

    fn failed(&self, path: &str, error: std::io::Error) {
        self.inner.failed(&format!("{}{path}", self.prefix), error);
    }
}

/// Builds the site into its output folder (`credo build`).
pub fn build(options: &BuildOptions) -> Result<BuildReport, Error> {
    let start = Instant::now();
    let mut stopwatch = Stopwatch::from_env();
    let sink = DirSink::new(&options.root, &options.output_dir())?;
    // Pages go to the staging folder as they are rendered; the live output
    // changes only when everything succeeded (dropping `staging` removes it).
    let streaming = Streaming {
        staging: sink.stage()?,
        failed: std::sync::Mutex::new(None),
        streamed: std::sync::atomic::AtomicUsize::new(0),
    };
    let generation = generate_timed(
        options,
        &RenderOptions::default(),
        Some(&streaming),
        &mut stopwatch,
    )?;
    if let Some((path, source)) = streaming.failed.into_inner().ok().flatten() {
        return Err(Error::Io { path, source });
    }
    let pages = generation.site.pages.len() + generation.site.sections.len();
    let files = generation.files.len() + streaming.streamed.into_inner();
    streaming.staging.commit(generation.files)?;
    stopwatch.lap("write");

    Ok(BuildReport {
        pages,
        files,
        elapsed: start.elapsed(),
        warnings: generation.warnings,
        output: sink.path().to_path_buf(),
    })
}

/// The build's pages going into its staging folder as they are rendered.
struct Streaming {
    staging: crate::output::Staging,
    /// The first write that failed.
    failed: std::sync::Mutex<Option<(String, std::io::Error)>>,
    streamed: std::sync::atomic::AtomicUsize,
}

impl crate::render::Sink for Streaming {
    fn create(&self, path: &str) -> std::io::Result<std::fs::File> {
        self.streamed
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.staging.create(path)
    }

    fn failed(&self, path: &str, error: std::io::Error) {
        if let Ok(mut slot) = self.failed.lock() {
            slot.get_or_insert((path.to_string(), error));
        }
    }
}

/// Everything `build` validates, without writing (`credo check`). Returns all
/// diagnostics, errors and warnings; usage errors are still `Err`.
pub fn check(options: &BuildOptions) -> Result<Diagnostics, Error> {
    check_site(options).map(|(diagnostics, _)| diagnostics)
}

/// [`check`], with the resolved site when it has no errors.
pub fn check_site(options: &BuildOptions) -> Result<(Diagnostics, Option<Site>), Error> {
    match generate(options, &RenderOptions::default()) {
        Ok(generation) => Ok((generation.warnings, Some(generation.site))),
        Err(Error::Content(diagnostics)) => Ok((diagnostics, None)),
        Err(e) => Err(e),
    }
}

/// `true` when `path` exists and holds anything.
pub fn is_non_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut d| d.next().is_some())
}
