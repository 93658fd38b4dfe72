//! The pipeline, top to bottom: load → resolve → render → write.
//!
//! The stages are functions: [`setup`] (config and theme), then
//! [`crate::load::load`], [`resolve`], [`render`] and [`check_resolved`].
//! [`generate`] runs them in order for `build` and `check`, and [`build`]
//! adds the write stage; `credo serve` runs the same functions with its
//! caches around them (`serve::rebuild`), and `credo new` only loads and
//! resolves ([`model`]). Content errors of every stage are collected and
//! returned together as [`Error::Content`].
//!
//! With `CREDO_TIMINGS=1` in the environment, each stage prints its wall time
//! to stderr (`timing: <stage> <ms> ms`), for profiling large sites.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use crate::config::{Config, ConfigError};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::error::Error;
use crate::load::Body;
use crate::output::DirSink;
use crate::render::theme::Theme;
use crate::render::{Memo, OutputFile, RenderOptions, Sink, Templates, UnlinkedBodies};
use crate::site::{Site, Target};

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
    pub(crate) fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a successful generation produced.
pub struct Generation {
    /// The resolved site.
    pub resolved: Resolved,
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
    pub(crate) fn summary(&self) -> String {
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

/// What to do in a folder without `credo.yaml`: import another
/// generator's site, give Markdown already there a `credo.yaml`, or start.
fn no_site_hint(root: &Path) -> String {
    let shown = root.display();
    match crate::import::detect(root) {
        crate::import::Generator::Plain if !has_markdown(root) => {
            "is this a credo site? (`credo init` makes one)".to_string()
        }
        crate::import::Generator::Plain => format!(
            "this is a folder of Markdown: `credo init --bare {shown}` adds a credo.yaml beside it, or `credo import {shown} NEW-FOLDER` makes a credo site of a copy"
        ),
        generator => {
            use crate::import::Generator::{MdBook, MkDocs};
            let article = if matches!(generator, MkDocs | MdBook) {
                "an"
            } else {
                "a"
            };
            format!(
                "this is {article} {} site: `credo import {shown} NEW-FOLDER` makes a credo site of a copy (the original stays as it is)",
                generator.name()
            )
        }
    }
}

/// Whether `root`, its `content/` or its `docs/` holds a Markdown file.
fn has_markdown(root: &Path) -> bool {
    ["", "content", "docs"].iter().any(|dir| {
        std::fs::read_dir(root.join(dir)).is_ok_and(|entries| {
            entries.flatten().any(|e| {
                e.path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("md"))
            })
        })
    })
}

/// Reads `credo.yaml` and applies command-line overrides.
pub(crate) fn load_config(options: &BuildOptions) -> Result<Config, Error> {
    match load_config_past_unknown_keys(options)? {
        (config, errors) if errors.is_empty() => Ok(config),
        (_, errors) => Err(Error::Content(errors)),
    }
}

/// [`load_config`], going on past the errors that leave a configuration to
/// read the content with (unknown keys, a wrong `base_url`: see
/// [`Config::parse_past_unknown_keys`]): that configuration, and their
/// errors, for the run to report with the content's.
pub(crate) fn load_config_past_unknown_keys(
    options: &BuildOptions,
) -> Result<(Config, Diagnostics), Error> {
    let (mut config, errors) = match Config::load(&options.root) {
        Ok(c) => (c, Diagnostics::new()),
        Err(ConfigError::Missing { path, source }) => {
            return Err(Error::Usage(format!(
                "cannot read {path}: {source}; {}",
                no_site_hint(&options.root)
            )));
        }
        Err(ConfigError::Invalid(ds, Some(known))) => (*known, ds.into_iter().collect()),
        Err(ConfigError::Invalid(ds, None)) => {
            return Err(Error::Content(ds.into_iter().collect()));
        }
    };
    config.content_prefix = crate::load::layout::content_prefix(&options.root);
    if let Some(url) = &options.base_url {
        if let Some(problem) = crate::config::base_url_problem(url) {
            return Err(Error::Usage(problem.replace("`base_url`", "--base-url")));
        }
        config.set_base_url(url);
    }
    Ok((config, errors))
}

/// The site root must be a folder before anything is read from it or
/// written beside it.
pub(crate) fn require_root(root: &Path) -> Result<(), Error> {
    if root.is_dir() {
        return Ok(());
    }
    let what = if root.exists() {
        "is not a folder"
    } else {
        "does not exist"
    };
    Err(Error::Usage(format!(
        "site root {} {what}; pass -r with the folder that holds credo.yaml, or run credo inside it",
        root.display()
    )))
}

/// A site root without `content/` is, like one without credo.yaml, the
/// wrong folder or an unfinished site: a usage error, not a content error of
/// some page. (An empty `content/` is a site with a home page only; a flat
/// site, Markdown beside credo.yaml, is its own content folder.)
pub(crate) fn require_content(root: &Path) -> Result<(), Error> {
    if root.join("content").is_dir() || crate::load::layout::is_flat(root) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{} has no content/ folder; a credo site keeps its pages there: move the Markdown into content/, or `credo import` the folder into a new one (`credo init` starts a site from nothing)",
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

/// The stages' fixed inputs: the config with the command line's overrides,
/// and the theme with its templates compiled (or what is wrong with it).
pub struct Setup {
    /// `credo.yaml`.
    pub config: Config,
    /// credo.yaml's errors `config` was read past (unknown keys, a wrong
    /// `base_url`): errors of the run.
    pub config_errors: Diagnostics,
    /// The theme and its compiled templates.
    pub theme: Result<(Theme, Templates), Diagnostics>,
}

/// Reads the config and resolves and compiles the theme it names.
pub fn setup(options: &BuildOptions) -> Result<Setup, Error> {
    require_root(&options.root)?;
    let (config, config_errors) = load_config_past_unknown_keys(options)?;
    require_content(&options.root)?;
    let theme = theme(&options.root, &config);
    Ok(Setup {
        config,
        config_errors,
        theme,
    })
}

/// Resolves the theme `config` names and compiles its templates.
pub(crate) fn theme(root: &Path, config: &Config) -> Result<(Theme, Templates), Diagnostics> {
    Theme::resolve(root, &config.theme, &config.highlight_theme)
        .and_then(|theme| Templates::compile(&theme).map(|templates| (theme, templates)))
}

/// The site in every language it is written in, resolved: immutable once
/// made (`serve` replaces it whole on the next change).
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The default language first, then the others in `languages:` order.
    pub editions: Vec<Edition>,
}

/// One language's site and where its outputs go.
#[derive(Debug, Clone)]
pub struct Edition {
    /// `""` for the default language (at the site root), `de/` for another.
    pub prefix: String,
    /// The site in that language.
    pub site: Arc<Site>,
}

impl Resolved {
    /// The site in the default language.
    pub fn site(&self) -> &Site {
        &self.editions[0].site
    }

    /// Content pages and sections of the default language.
    pub(crate) fn pages(&self) -> usize {
        self.site().pages.len() + self.site().sections.len()
    }

    /// The edition and the page or section whose HTML is the output `path`
    /// (`de/a/b/index.html`), if a content page makes it.
    pub(crate) fn target_of(&self, path: &str) -> Option<(&Edition, Target)> {
        let url = path.strip_suffix("index.html")?;
        // The root edition's prefix (`""`) fits every path: it goes last.
        (self.editions.iter().rev()).find_map(|edition| {
            let url = url.strip_prefix(edition.prefix.as_str())?;
            Some((edition, edition.site.target_at(url)?))
        })
    }
}

/// Stage 2, resolve: the default language's site from `sources`, then each
/// other language's, with their translation warnings. The bodies the load
/// stage rendered are taken out of each site (one per edition) for the
/// render stage: the sites are immutable from here on.
pub fn resolve(
    mut config: Config,
    sources: crate::load::Sources,
    drafts: bool,
) -> (Resolved, Vec<UnlinkedBodies>, Diagnostics) {
    let (sources, languages, mut diagnostics) =
        crate::load::languages::split(sources, &config, drafts);
    if !languages.is_empty() {
        config.tag_pages = std::iter::once((config.language.clone(), &sources))
            .chain(languages.iter().map(|l| (l.code.clone(), &l.sources)))
            .map(|(code, sources)| (code, tag_pages(sources, drafts)))
            .collect();
    }
    let (mut site, resolve_diagnostics) = crate::site::resolve(config, sources, drafts);
    diagnostics.extend(resolve_diagnostics);
    let mut unlinked = vec![UnlinkedBodies::take(&mut site)];
    let translated: Vec<(String, Site)> = languages
        .into_iter()
        .map(|language| {
            let code = language.code.clone();
            let (mut translated, language_diagnostics) = resolve_language(&site, language, drafts);
            diagnostics.extend(language_diagnostics);
            unlinked.push(UnlinkedBodies::take(&mut translated));
            (code, translated)
        })
        .collect();
    let others: Vec<(&str, &Site)> = (translated.iter())
        .map(|(code, site)| (code.as_str(), site))
        .collect();
    diagnostics.extend(crate::site::aliases::check_across_languages(
        &mut site, &others,
    ));
    let mut editions = vec![Edition {
        prefix: String::new(),
        site: Arc::new(site),
    }];
    editions.extend(translated.into_iter().map(|(code, site)| Edition {
        prefix: format!("{code}/"),
        site: Arc::new(site),
    }));
    (Resolved { editions }, unlinked, diagnostics)
}

/// A language's tag pages (`tags/x/`), read from its sources' front matter
/// before any language is resolved: the switcher of each needs all of them.
fn tag_pages(sources: &crate::load::Sources, drafts: bool) -> BTreeSet<String> {
    let tags = (sources.files.iter())
        .filter_map(|file| match &file.meta {
            crate::load::Meta::Page(meta) if drafts || !meta.draft => Some(meta.tags.iter()),
            _ => None,
        })
        .flatten();
    crate::site::tag_urls(tags.map(String::as_str))
        .into_values()
        .collect()
}

/// Resolves the site in one of its other languages: its translations, with
/// the default language's pages standing in for the missing ones.
fn resolve_language(
    site: &Site,
    language: crate::load::languages::Language,
    drafts: bool,
) -> (Site, Diagnostics) {
    let code = language.code;
    let config = site.config.for_language(&code);
    let (translated, diagnostics) = crate::site::resolve(config, language.sources, drafts);
    // The untranslated pages stand in with their errors, already reported.
    let stand_ins: HashSet<String> = (translated.pages.iter())
        .map(|p| &p.source)
        .chain(translated.sections.iter().filter_map(|s| s.source.as_ref()))
        .filter(|s| s.untranslated)
        .map(|s| s.file.clone())
        .collect();
    let mut diagnostics: Diagnostics = diagnostics
        .into_iter()
        .filter(|d| !stand_ins.contains(&d.file))
        .collect();
    // A draft this build leaves out needs no translation yet.
    let built: HashSet<&str> = (site.pages.iter().map(|p| &p.source))
        .chain(site.sections.iter().filter_map(|s| s.source.as_ref()))
        .map(|s| s.file.as_str())
        .collect();
    for file in language
        .missing
        .iter()
        .filter(|f| built.contains(f.as_str()))
    {
        diagnostics.push(
            Diagnostic::warning(
                file,
                0,
                0,
                Code::MissingTranslation,
                format!(
                    "no translation into `{code}`: the page in the default language stands in there"
                ),
            )
            .with_hint(format!(
                "add a translation beside it, named `{}`",
                translated_name(file, &site.config.language, &code)
            )),
        );
    }
    diagnostics.extend(untranslated_since(site, &translated, &code));
    (translated, diagnostics)
}

/// How the render stage runs (see [`crate::render::Pass`]).
#[derive(Default)]
pub struct RenderPass<'a> {
    /// Where pages are written as they are rendered.
    pub sink: Option<&'a dyn Sink>,
    /// The previous pass's memos: outputs whose inputs did not change are
    /// skipped. Given (even empty), the pass returns memos for the next.
    pub memos: Option<&'a Memos>,
    /// Set when the pass is moot.
    pub stop: Option<&'a AtomicBool>,
}

/// The render memo of each edition, by its prefix.
pub(crate) type Memos = HashMap<String, Memo>;

/// What the render stage made of every edition.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The outputs rendered in this pass (not those written to the sink).
    pub files: Vec<OutputFile>,
    /// The outputs whose inputs did not change: their earlier bytes stand.
    pub unchanged: Vec<String>,
    /// What the next pass needs to know.
    pub memos: Memos,
    /// Template and theme problems.
    pub diagnostics: Diagnostics,
}

/// Stage 3, render: every edition of the site, each other language under
/// its prefix, with the files all languages share (static files, theme
/// assets) once at the root. `None` when the pass was stopped.
pub fn render(
    resolved: &Resolved,
    unlinked: Vec<UnlinkedBodies>,
    (theme, templates): (&Theme, &Templates),
    options: &RenderOptions,
    pass: RenderPass<'_>,
) -> Option<Rendered> {
    let shared = shared_files(resolved.site(), theme);
    let mut unlinked = unlinked.into_iter();
    // A memo, even an empty one, makes the pass fingerprint its outputs.
    let empty = Memo::default();
    let mut rendered = Rendered::default();
    for edition in &resolved.editions {
        let prefix = edition.prefix.as_str();
        let prefixed = pass.sink.map(|inner| Prefixed { inner, prefix });
        let one = crate::render::render_site(
            &edition.site,
            theme,
            templates,
            options,
            crate::render::Pass {
                unlinked: unlinked.next().unwrap_or_default(),
                memo: pass.memos.map(|m| m.get(prefix).unwrap_or(&empty)),
                sink: prefixed.as_ref().map(|p| p as &dyn Sink),
                stop: pass.stop,
                prefix,
            },
        )?;
        let translated = !prefix.is_empty();
        let own = |path: &String| !translated || !shared.contains(path);
        rendered.files.extend(
            (one.files.into_iter())
                .filter(|f| own(&f.path))
                .map(|mut f| {
                    f.path.insert_str(0, prefix);
                    f
                }),
        );
        rendered.unchanged.extend(
            (one.unchanged.into_iter())
                .filter(own)
                .map(|path| format!("{prefix}{path}")),
        );
        rendered.memos.insert(prefix.to_string(), one.memo);
        rendered.diagnostics.extend(one.diagnostics);
    }
    Some(rendered)
}

/// The checks over the resolved site (the warnings no single stage makes),
/// then the site's lint levels over every diagnostic of the run, sorted.
pub(crate) fn check_resolved(resolved: &Resolved, root: &Path, diagnostics: &mut Diagnostics) {
    let site = resolved.site();
    diagnostics.extend(crate::site::checks::warnings(
        site,
        crate::site::checks::today(),
    ));
    diagnostics.extend(crate::site::checks::unknown_sections(site, root));
    for edition in resolved.editions.iter().skip(1) {
        diagnostics.extend(crate::site::checks::translation_placeholders(&edition.site));
    }
    diagnostics.apply_lints(&site.config.lint_levels());
    diagnostics.sort();
}

/// The site as a model, without rendering anything, with what resolving it
/// found: what `credo new` needs to find where a page goes, and whether the
/// page it adds takes a name other pages' refs already use.
pub(crate) fn model(root: &Path) -> Result<(Resolved, Diagnostics), Error> {
    let config = load_config(&BuildOptions {
        root: root.to_path_buf(),
        ..BuildOptions::default()
    })?;
    let (sources, _) = crate::load::load(root, Body::Scan);
    let (resolved, _, diagnostics) = resolve(config, sources, true);
    Ok((resolved, diagnostics))
}

/// Load, resolve and render the site; every content error of every stage is
/// returned at once.
pub fn generate(
    options: &BuildOptions,
    render_options: &RenderOptions,
) -> Result<Generation, Error> {
    generate_timed(options, render_options, None, &mut Stopwatch::from_env())
}

/// The stages in order. `sink`, when given, receives each rendered page at
/// once (the build writes it to its staging folder); the other files are
/// returned.
fn generate_timed(
    options: &BuildOptions,
    render_options: &RenderOptions,
    sink: Option<&dyn Sink>,
    stopwatch: &mut Stopwatch,
) -> Result<Generation, Error> {
    let Setup {
        config,
        config_errors,
        theme,
    } = setup(options)?;
    stopwatch.lap("setup");
    let (sources, mut diagnostics) = crate::load::load(&options.root, Body::Render);
    diagnostics.extend(config_errors);
    stopwatch.lap("load");
    let (resolved, unlinked, resolve_diagnostics) = resolve(config, sources, options.drafts);
    diagnostics.extend(resolve_diagnostics);
    stopwatch.lap("resolve");
    let mut files = Vec::new();
    match &theme {
        Ok((theme, templates)) => {
            let pass = RenderPass {
                sink,
                ..RenderPass::default()
            };
            let rendered = render(
                &resolved,
                unlinked,
                (theme, templates),
                render_options,
                pass,
            )
            .unwrap_or_default();
            files = rendered.files;
            diagnostics.extend(rendered.diagnostics);
        }
        Err(theme_diagnostics) => diagnostics.extend(theme_diagnostics.clone()),
    }
    stopwatch.lap("render");
    check_resolved(&resolved, &options.root, &mut diagnostics);
    stopwatch.lap("checks");
    if diagnostics.has_errors() {
        return Err(Error::Content(diagnostics));
    }
    Ok(Generation {
        resolved,
        files,
        warnings: diagnostics,
    })
}

/// Translations older than a material change of their original: the
/// original's newest material change is newer than the translation's own
/// newest `changes:` entry (a stub made by `credo new --lang` starts with
/// the original's history; a translator records the update there).
fn untranslated_since(site: &Site, translated: &Site, code: &str) -> Vec<Diagnostic> {
    let originals: HashMap<&str, &crate::site::Page> = site
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
            Diagnostic::warning(
                &page.source.file,
                1,
                1,
                Code::UntranslatedSince,
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
fn translated_name(file: &str, default: &str, code: &str) -> String {
    // `b.en.md` on a site in `en` is the page `b`, translated as `b.de.md`.
    let original = crate::load::languages::as_original(file, default);
    let name = original.rsplit('/').next().unwrap_or(&original);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    format!("{stem}.{code}.md")
}

/// The outputs every language shares, written once at the root.
fn shared_files(site: &Site, theme: &Theme) -> HashSet<String> {
    let mut shared: HashSet<String> = site.statics.iter().map(|s| s.output_path.clone()).collect();
    shared.extend(theme.statics.keys().cloned());
    let outputs = crate::outputs::OUTPUTS.iter();
    shared.extend(outputs.filter(|o| o.shared()).map(|o| o.path.to_string()));
    shared
}

/// A sink that writes a language's files under its folder.
struct Prefixed<'a> {
    inner: &'a dyn Sink,
    prefix: &'a str,
}

impl Sink for Prefixed<'_> {
    fn create(&self, path: &str) -> std::io::Result<std::fs::File> {
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
    require_root(&options.root)?;
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
    let pages = generation.resolved.pages();
    let files = generation.files.len() + streaming.streamed.into_inner();
    streaming.staging.commit(generation.files)?;
    stopwatch.lap("write");
    // Freeing the site model is the last thing a build does, on one core
    // (0.4 s at 100 000 pages): `credo build` exits without waiting for it.
    drop_aside(generation.resolved);

    Ok(BuildReport {
        pages,
        files,
        elapsed: start.elapsed(),
        warnings: generation.warnings,
        output: sink.path().to_path_buf(),
    })
}

/// Drops `value` on a thread of its own (should none start, here): what
/// is freed there costs the caller nothing, and a process that exits first
/// leaves the freeing to the system.
pub(crate) fn drop_aside<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("credo-free".into())
        .spawn(move || drop(value));
}

/// The build's pages going into its staging folder as they are rendered.
struct Streaming {
    staging: crate::output::Staging,
    /// The first write that failed.
    failed: std::sync::Mutex<Option<(String, std::io::Error)>>,
    streamed: std::sync::atomic::AtomicUsize,
}

impl Sink for Streaming {
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
pub(crate) fn check_site(options: &BuildOptions) -> Result<(Diagnostics, Option<Resolved>), Error> {
    match generate(options, &RenderOptions::default()) {
        Ok(generation) => Ok((generation.warnings, Some(generation.resolved))),
        Err(Error::Content(diagnostics)) => Ok((diagnostics, None)),
        Err(e) => Err(e),
    }
}

/// `true` when `path` exists and holds anything but dot-files: a folder
/// with only `.git` (a fresh `git init`, an empty clone) or `.gitignore` is
/// as good as empty, as Zola's `init` takes it.
pub(crate) fn is_non_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|d| {
        d.flatten()
            .any(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
    })
}
