//! Incremental rebuilds give the bytes of a clean build: a sequence of edits
//! (bodies, titles, new, deleted and renamed pages and folders, tags,
//! templates, static files, config, errors and their fixes), each applied
//! with only the changes a watcher would report, each compared with a build
//! from scratch.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use credo::output::{MemorySink, Sink};
use credo::pipeline::{self, BuildOptions};
use credo::render::RenderOptions;
use credo::serve::plan::Plan;
use credo::serve::rebuild::{Builder, Preview, Report};
use credo::serve::watch::{self, Change};

use crate::harness::SiteTest;

struct Fixture {
    site: SiteTest,
    root: PathBuf,
    options: BuildOptions,
    render: RenderOptions,
    builder: Builder,
    /// The preview of the last rebuild, if it had one.
    preview: Option<Preview>,
    /// The output paths open in a browser, as serve would pass them.
    open: Vec<String>,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let site = SiteTest::fixture(name);
        let root = site.root.canonicalize().expect("root");
        let options = BuildOptions {
            root: root.clone(),
            ..BuildOptions::default()
        };
        let render = RenderOptions {
            inject: Some(credo::serve::reload::CLIENT.to_string()),
        };
        let mut builder = Builder::new(options.clone(), render.clone());
        builder
            .rebuild(&Plan::everything())
            .expect("the fixture builds");
        Fixture {
            site,
            root,
            options,
            render,
            builder,
            preview: None,
            open: Vec::new(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
        path
    }

    fn plan<P: AsRef<Path>>(&self, paths: &[P]) -> Plan {
        let changes: Vec<Change> = paths
            .iter()
            .filter_map(|p| watch::classify(&self.root, p.as_ref()))
            .collect();
        Plan::for_changes(&self.root, &changes)
    }

    /// Previews changes to `paths` as serve does (the preview, if the edit
    /// allows one, is kept for [`step`](Self::step) to check); the plan left
    /// for the rebuild.
    fn preview<P: AsRef<Path>>(&mut self, paths: &[P]) -> Plan {
        let mut plan = self.plan(paths);
        self.preview = self.builder.preview(&plan, &self.open);
        if let Some(source) = self.preview.as_ref().and_then(|p| p.source.as_ref()) {
            plan.forget(source);
        }
        plan
    }

    /// Rebuilds after changes to `paths`, classified as the watcher would,
    /// after a preview where serve would make one.
    fn rebuild<P: AsRef<Path>>(
        &mut self,
        paths: &[P],
    ) -> Result<Report, credo::diagnostic::Diagnostics> {
        let plan = self.preview(paths);
        self.builder.rebuild(&plan)
    }

    /// Rebuilds, and holds the result to a clean build, byte for byte; and
    /// the preview, if there was one: its page as the clean build has it,
    /// and every other output that differs from the clean build pending.
    #[track_caller]
    fn step<P: AsRef<Path>>(&mut self, what: &str, paths: &[P]) -> Report {
        let report = self
            .rebuild(paths)
            .unwrap_or_else(|ds| panic!("{what}: rebuild failed:\n{}", ds.render_human()));
        let clean = clean_build(&self.options, &self.render);
        if let Some(preview) = &self.preview {
            check_preview(what, preview, &clean);
        }
        let incremental: BTreeMap<String, Vec<u8>> = report
            .built
            .files
            .iter()
            .map(|(k, v)| (k.clone(), v.to_vec()))
            .collect();
        let missing: Vec<&String> = clean
            .keys()
            .filter(|k| !incremental.contains_key(*k))
            .collect();
        let extra: Vec<&String> = incremental
            .keys()
            .filter(|k| !clean.contains_key(*k))
            .collect();
        let differ: Vec<&String> = clean
            .iter()
            .filter(|(k, v)| incremental.get(*k).is_some_and(|w| w != *v))
            .map(|(k, _)| k)
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty() && differ.is_empty(),
            "{what}: incremental build differs from a clean build\nmissing: {missing:?}\nextra: {extra:?}\ndiffer: {differ:?}"
        );
        report
    }
}

#[track_caller]
fn check_preview(what: &str, preview: &Preview, clean: &BTreeMap<String, Vec<u8>>) {
    for page in &preview.pages {
        assert!(
            preview.built.files.get(page).map(|b| b.to_vec()) == clean.get(page).cloned(),
            "{what}: the preview of {page} differs from a clean build"
        );
    }
    let stale: Vec<&String> = clean
        .iter()
        .filter(|(path, bytes)| {
            preview.built.files.get(*path).map(|b| b.to_vec()).as_ref() != Some(*bytes)
                && !preview.pending.contains(*path)
        })
        .map(|(path, _)| path)
        .collect();
    assert!(
        stale.is_empty(),
        "{what}: the preview serves stale outputs it does not hold: {stale:?}"
    );
}

fn clean_build(options: &BuildOptions, render: &RenderOptions) -> BTreeMap<String, Vec<u8>> {
    let generation = match pipeline::generate(options, render) {
        Ok(g) => g,
        Err(credo::Error::Content(ds)) => panic!("clean build failed:\n{}", ds.render_human()),
        Err(e) => panic!("clean build failed: {e}"),
    };
    let mut sink = MemorySink::default();
    sink.write_all(generation.files).expect("in memory");
    sink.files.into_iter().collect()
}

fn page(title: &str, front: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\n{front}---\n{body}\n")
}

#[test]
fn every_incremental_path_gives_the_bytes_of_a_clean_build() {
    let mut f = Fixture::new("build/full");
    let total = f.step::<&Path>("no change", &[]).html;

    // A body edit renders the page and the few outputs showing its body.
    let honesty_with = |body: &str| {
        format!("---\ntitle: Honesty\nsummary: \"We say what is true.\"\n---\n{body}\n")
    };
    let honesty = f.write(
        "content/values/honesty.md",
        &honesty_with("Honesty, edited. Read [the first rule](../principles/speak-plainly.md)."),
    );
    let r = f.step("body edit", &[&honesty]);
    assert!(
        r.rendered <= 3,
        "a body edit re-rendered {} of {total}",
        r.rendered
    );
    assert!(r.changed.contains(&"values/honesty/index.html".to_string()));
    assert!(f.preview.is_some(), "a body edit is previewed");

    // Two bodies previewed before the rebuild: the second keeps the first.
    let early = f.path("content/principles/arrive-early.md");
    let text = std::fs::read_to_string(&early).expect("read");
    std::fs::write(&early, format!("{text}\nA line for the preview.\n")).expect("write");
    let plan = f.preview(&[&early]);
    assert!(f.preview.is_some() && !plan.rereads(&early));
    let first = f.preview.take().map(|p| p.pages);
    std::fs::write(
        &honesty,
        honesty_with(
            "Honesty, edited twice. Read [the first rule](../principles/speak-plainly.md).",
        ),
    )
    .expect("write");
    let r = f.step("two previews", &[&honesty]);
    let second = f.preview.as_ref().expect("previewed");
    let early_page = first.expect("the first preview").remove(0);
    assert_eq!(
        second.built.files.get(&early_page),
        r.built.files.get(&early_page),
        "the second preview lost the first"
    );

    // A rebuild given up (serve got a newer change) leaves nothing half
    // done: what it read is rendered by the next one, whose plan holds it
    // (serve joins the two), static file included.
    let css = f.write("static/stopped.css", "p { color: red; }\n");
    std::fs::write(&honesty, honesty_with("Stopped once, then built.")).expect("write");
    let stopped = f
        .builder
        .rebuild_until(&f.plan(&[&honesty, &css]), &AtomicBool::new(true));
    assert!(stopped.is_none(), "a set stop signal gives the rebuild up");
    std::fs::write(&css, "p { color: blue; }\n").expect("write");
    let r = f.step("after a stopped rebuild", &[&honesty, &css]);
    assert!(r.changed.contains(&"values/honesty/index.html".to_string()));
    std::fs::remove_file(&css).expect("rm");
    f.step("stopped.css removed", &[&css]);

    // A new heading id (another page may link to it): no preview.
    std::fs::write(
        &honesty,
        honesty_with("## A new part\n\nRead [the first rule](../principles/speak-plainly.md)."),
    )
    .expect("write");
    f.step("new heading", &[&honesty]);
    assert!(f.preview.is_none(), "a new heading id is not a body edit");

    // A title edit reaches the pages that show the title.
    f.write(
        "content/values/honesty.md",
        &page("Candour", "summary: \"We say what is true.\"\n", "Candour."),
    );
    let r = f.step("title edit", &[&honesty]);
    assert!(r.rendered < total, "{} of {total}", r.rendered);
    assert!(f.preview.is_none(), "front matter edits are not previewed");

    // A title shown as the label of `[[speak-plainly#what-to-say]]` elsewhere.
    let plainly = f.path("content/principles/speak-plainly.md");
    let text = std::fs::read_to_string(&plainly).expect("read");
    std::fs::write(
        &plainly,
        text.replace("Tell clients what they need to hear", "Say it plainly"),
    )
    .expect("write");
    let r = f.step("linked title", &[&plainly]);
    assert!(
        r.changed
            .contains(&"principles/arrive-early/index.html".to_string())
    );

    // A title from the body's `# heading`: a change of case keeps its id
    // but not the title the other pages' sidebars show.
    f.write(
        "content/values/honesty.md",
        "---\nsummary: \"We say what is true.\"\n---\n# Candour first\n\nCandour.\n",
    );
    f.step("title heading", &[&honesty]);
    f.write(
        "content/values/honesty.md",
        "---\nsummary: \"We say what is true.\"\n---\n# Candour First\n\nCandour.\n",
    );
    f.step("title heading case", &[&honesty]);
    assert!(f.preview.is_none(), "a new title is not a body edit");

    // A new page linking to others, with a new tag.
    let care = f.write(
        "content/values/care.md",
        &page(
            "Care",
            "tags: [people, time]\nrelated: [speak-plainly]\n",
            "See [[honesty]] and [[arrive-early#why-it-matters]].",
        ),
    );
    f.step("new page", &[&care]);

    // Tags and ordering move.
    f.write(
        "content/values/care.md",
        &page("Care", "weight: -1\ntags: [people]\n", "Plain."),
    );
    f.step("tags and weight", &[&care]);

    // Renamed (as an editor's atomic save would report both paths).
    let renamed = f.path("content/values/caring.md");
    std::fs::rename(&care, &renamed).expect("rename");
    f.step("rename", &[&care, &renamed]);

    // Deleted.
    std::fs::remove_file(&renamed).expect("rm");
    f.step("delete", &[&renamed]);

    // A folder renamed, and renamed back (refs to values/honesty break between).
    let values = f.path("content/values");
    let worth = f.path("content/worth");
    std::fs::rename(&values, &worth).expect("rename");
    assert!(f.rebuild(&[&values, &worth]).is_err());
    std::fs::rename(&worth, &values).expect("rename back");
    f.step("folder back", &[&values, &worth]);

    // A section's intro and title.
    let section = f.write(
        "content/principles/_index.md",
        "---\ntitle: Rules\npage_kind: principle\nsort_by: title\n---\nThe rules, renamed.\n",
    );
    f.step("section", &[&section]);

    // A broken file, an unrelated edit while it is broken, then the fix.
    let attitude = f.path("content/attitude/service-vs-sales.md");
    let good = std::fs::read_to_string(&attitude).expect("read");
    std::fs::write(&attitude, "---\ntitle: [oops\n---\n").expect("write");
    assert!(f.rebuild(&[&attitude]).is_err());
    f.write(
        "content/values/honesty.md",
        &page("Candour", "", "Edited while broken."),
    );
    assert!(
        f.rebuild(&[&honesty]).is_err(),
        "the broken file still fails the build"
    );
    std::fs::write(&attitude, good).expect("write");
    f.step("fixed", &[&attitude]);

    // A static file, new then changed; a content asset.
    let css = f.write("static/extra.css", "body { margin: 0; }\n");
    let r = f.step("static edit", &[&css]);
    assert_eq!(r.rendered, 0);
    assert_eq!(r.changed, ["extra.css"]);
    let asset = f.write("content/values/chart.txt", "1 2 3\n");
    f.step("content asset", &[&asset]);
    std::fs::write(&asset, "4 5 6\n").expect("write");
    f.step("content asset edit", &[&asset]);
    std::fs::remove_file(&css).expect("rm");
    f.step("static delete", &[&css]);

    // A template override, then an edit of it, then an edit of a partial.
    let template = f.write(
        "templates/value.html",
        &read_theme("value.html").replace("{{ site.strings.kind_value }}", "Value we hold"),
    );
    let r = f.step("template added", &[&template]);
    assert!(
        r.rendered >= 1 && r.rendered < total,
        "{} of {total}: {:?}",
        r.rendered,
        r.changed
    );
    std::fs::write(
        &template,
        read_theme("value.html").replace("{{ site.strings.kind_value }}", "Value we keep"),
    )
    .expect("write");
    f.step("template edited", &[&template]);
    let partial = f.write(
        "templates/partials/footer.html",
        &format!("{}<!-- footer edit -->", read_theme("partials/footer.html")),
    );
    f.step("partial", &[&partial]);

    // With pages open, a template edit renders them first (a generated
    // page among them waits for the rebuild); every other HTML output is
    // pending until the rebuild has made it, the stylesheets are not.
    f.open = [
        "values/honesty/index.html",
        "tags/index.html",
        "principles/arrive-early/index.html",
    ]
    .map(String::from)
    .to_vec();
    std::fs::write(
        &partial,
        format!(
            "{}<!-- footer edited again -->",
            read_theme("partials/footer.html")
        ),
    )
    .expect("write");
    f.step("partial edited with pages open", &[&partial]);
    let preview = f
        .preview
        .as_ref()
        .expect("a template edit with pages open is previewed");
    assert_eq!(
        preview.pages,
        [
            "values/honesty/index.html",
            "principles/arrive-early/index.html"
        ]
    );
    assert!(preview.changed && preview.source.is_none());
    assert!(preview.pending.contains("tags/index.html"));
    assert!(preview.pending.contains("values/index.html"));
    assert!(!preview.pending.contains("values/honesty/index.html"));
    assert!(!preview.pending.iter().any(|p| p.ends_with(".css")));
    // A template no open page uses: the open pages come out the same.
    std::fs::write(
        &template,
        read_theme("value.html").replace("{{ site.strings.kind_value }}", "Value we share"),
    )
    .expect("write");
    f.open = vec!["principles/arrive-early/index.html".to_string()];
    f.step("a template no open page uses", &[&template]);
    let preview = f.preview.as_ref().expect("previewed");
    assert!(!preview.changed, "the open page does not use value.html");
    // A stylesheet is no template: the rebuild alone.
    let theme_css = f.write("templates/extra.css", "p { color: black; }\n");
    f.step("a stylesheet beside the templates", &[&theme_css]);
    assert!(f.preview.is_none());
    f.open.clear();

    // A theme folder, picked by the config.
    let theme = f.write(
        "themes/plain/templates/tag.html",
        &read_theme("tag.html").replace("</main>", "<p>Plain tag.</p></main>"),
    );
    let config = f.path("credo.yaml");
    let text = std::fs::read_to_string(&config).expect("config");
    std::fs::write(
        &config,
        text.replace("theme: default", "theme: plain")
            .replace("Fixture Handbook", "Fixture <Handbook>"),
    )
    .expect("write");
    f.step("config", &[&config, &theme]);
    std::fs::write(&theme, read_theme("tag.html")).expect("write");
    f.step("theme template", &[&theme]);

    // Drafts stay out; a draft turned public comes in.
    let draft = f.path("content/scenarios/draft-case.md");
    let text = std::fs::read_to_string(&draft).expect("draft");
    std::fs::write(&draft, text.replace("draft: true", "draft: false")).expect("write");
    f.step("draft published", &[&draft]);
    drop(f.site);
}

/// Issue 20, point 8: a preview shown, then a rebuild that fails. What the
/// server keeps serving holds the previewed page; the build the memo
/// describes does not, so reverting the file to what that build knew gives
/// a clean build's bytes, not the preview's.
#[test]
fn issue_20_a_failed_rebuild_keeps_the_preview_and_a_revert_is_clean() {
    let mut f = Fixture::new("build/full");
    let file = f.path("content/scenarios/late-for-a-meeting.md");
    let original = std::fs::read_to_string(&file).expect("read");
    let page = "scenarios/late-for-a-meeting/index.html";
    let before = f.builder.kept().expect("a good build").files[page].clone();

    let appended = format!("{original}\nA line the reader saw.\n");
    std::fs::write(&file, &appended).expect("write");
    let plan = f.preview(&[&file]);
    let shown = f.preview.take().expect("a body edit is previewed");
    assert_ne!(shown.built.files[page], before);

    // The front matter broken before the follow-up rebuild: it joins it.
    std::fs::write(&file, appended.replacen("title: ", "title: [unclosed ", 1)).expect("write");
    let broken = f.plan(&[&file]);
    assert!(f.builder.rebuild(&plan.and(broken)).is_err());
    let kept = f.builder.kept().expect("something to serve");
    assert_eq!(
        kept.files[page], shown.built.files[page],
        "the preview was lost"
    );

    std::fs::write(&file, &original).expect("write");
    let r = f.step("reverted to the last good build's text", &[&file]);
    assert_eq!(r.built.files[page], before);
}

fn read_theme(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes/default/templates")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// serve shows every language: an edit of a translation's body is
/// previewed on its page under `/de/`, never on the original it translates;
/// an edit of an original that has no translation holds the page standing
/// in for it in the other language until the rebuild has made it.
#[test]
fn a_translation_is_previewed_in_its_own_language() {
    let mut f = Fixture::new("languages/bilingual");
    let file = f.path("content/principles/answer-by-the-third-ring.de.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("{text}\nNoch ein Satz auf Deutsch.\n")).expect("write");
    f.step("a translation's body edited", &[&file]);
    let preview = f
        .preview
        .as_ref()
        .expect("a translation's body edit is previewed");
    assert_eq!(
        preview.pages,
        ["de/principles/answer-by-the-third-ring/index.html"]
    );
    let shown = |path: &str| String::from_utf8_lossy(&preview.built.files[path]).into_owned();
    assert!(shown(&preview.pages[0]).contains("Noch ein Satz auf Deutsch."));
    let original = shown("principles/answer-by-the-third-ring/index.html");
    assert!(original.contains("Pick up quickly."), "{original}");
    assert!(!original.contains("Deutsch."), "{original}");

    let file = f.path("content/values/patience.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("{text}\nA sentence only in English.\n")).expect("write");
    f.step("an untranslated original's body edited", &[&file]);
    let preview = f.preview.as_ref().expect("a body edit is previewed");
    assert_eq!(preview.pages, ["values/patience/index.html"]);
    assert!(preview.pending.contains("de/values/patience/index.html"));
}
