//! `credo init` and `credo new`: write a new playbook, or a new page with the
//! right front matter in the section that holds its kind.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::error::Error;
use crate::load::frontmatter::Kind;
use crate::markdown::slugify;

const MINIMAL: &[(&str, &str)] = &[
    (
        "credo.yaml",
        "title: \"Our Service Credo\"\nbase_url: \"/\"\ndescription: \"How we serve our clients.\"\nlanguage: en\nsections: [principles, scenarios]\n",
    ),
    (
        "content/_index.md",
        "---\ntitle: \"Our Service Credo\"\n---\nThis handbook says how we work with clients. Start with the [[principles/_index|principles]].\n",
    ),
    (
        "content/principles/_index.md",
        "---\ntitle: Principles\npage_kind: principle\nsort_by: number\n---\nThe rules we hold ourselves to.\n",
    ),
    (
        "content/principles/answer-within-a-day.md",
        "---\ntitle: Answer within a day\nnumber: 1\nsummary: \"Every client message gets a reply within one working day, even if the reply is only a date.\"\n---\nA client who waits in silence imagines the worst. A short note that names when the full answer comes is worth more than a long one that comes late. See [[the-answer-needs-a-week]].\n",
    ),
    (
        "content/scenarios/_index.md",
        "---\ntitle: Scenarios\npage_kind: scenario\n---\nSituations, and the principles they call for.\n",
    ),
    (
        "content/scenarios/the-answer-needs-a-week.md",
        "---\ntitle: The answer needs a week\nsummary: \"A client asks a question whose honest answer takes a week of work.\"\nprinciples: [answer-within-a-day]\n---\nReply today: say what you will find out, and by which date. Then keep that date.\n",
    ),
];

/// Writes a new playbook into `dir`: the minimal one, or with `example` the
/// flagship handbook that ships inside credo.
pub(crate) fn init(dir: &Path, example: bool) -> Result<Vec<PathBuf>, Error> {
    if crate::pipeline::is_non_empty_dir(dir) {
        let d = dir.display();
        return Err(Error::Usage(format!(
            "refusing to write into {d}: it is not empty; for Markdown already there, \
             `credo init --bare {d}` adds only credo.yaml, and `credo import {d} NEW_DIR` \
             makes a site of it (a GitHub folder or another generator's site)"
        )));
    }
    let files: Vec<(&str, &[u8])> = if example {
        crate::render::theme::example_files().to_vec()
    } else {
        MINIMAL.iter().map(|(p, t)| (*p, t.as_bytes())).collect()
    };
    let mut written = Vec::new();
    for (path, bytes) in files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        std::fs::write(&target, bytes).map_err(|e| io(&target, e))?;
        written.push(target);
    }
    Ok(written)
}

/// Writes only `credo.yaml` into `dir`, beside Markdown already there; its
/// title is the `# heading` of the top README.md or index.md (under
/// `content/`, else in `dir`), else the folder's name. Returns the title.
pub(crate) fn init_bare(dir: &Path) -> Result<String, Error> {
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{} is not a folder; `credo init --bare` goes beside Markdown that is already there",
            dir.display()
        )));
    }
    let config = dir.join(crate::config::CONFIG_FILE);
    if config.exists() {
        return Err(Error::Usage(format!(
            "refusing to overwrite {}: this is a credo site already",
            config.display()
        )));
    }
    let title = crate::import::heading_title(&dir.join("content"))
        .unwrap_or_else(|| crate::import::fallback_title(dir));
    // serde quotes a title that needs it (`Ops: the handbook`).
    let yaml = serde_yaml::to_string(&BareConfig {
        title: &title,
        base_url: "/",
    })
    .unwrap_or_default();
    std::fs::write(&config, yaml).map_err(|e| io(&config, e))?;
    Ok(title)
}

#[derive(serde::Serialize)]
struct BareConfig<'a> {
    title: &'a str,
    base_url: &'a str,
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source: e,
    }
}

/// The folder a kind goes into when no section declares it as `page_kind`.
fn default_folder(kind: Kind) -> &'static str {
    match kind {
        Kind::Principle => "principles",
        Kind::Value => "values",
        Kind::Attitude => "attitude",
        Kind::Scenario => "scenarios",
        Kind::Checklist => "checklists",
        Kind::Track => "tracks",
        Kind::Page => "",
    }
}

/// A page `credo new` wrote, and the refs elsewhere that its name made
/// ambiguous (a bare `[[name]]` that named one page now names two).
pub(crate) struct NewPage {
    pub path: PathBuf,
    pub now_ambiguous: Vec<Diagnostic>,
    /// The ref path of the page that had the name first.
    pub namesake: Option<String>,
}

/// `kind` as a page kind, or a usage error naming the kinds (and the one
/// meant, for a slip of the keyboard).
fn parse_kind(kind: &str) -> Result<Kind, Error> {
    Kind::parse(kind).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        let meant = did_you_mean(kind, &names)
            .map(|k| format!("did you mean `{k}`? "))
            .unwrap_or_default();
        Error::Usage(format!(
            "unknown kind `{kind}`; {meant}choose one of: {}",
            names.join(", ")
        ))
    })
}

/// The ambiguous-ref findings of a resolved site, to compare before and
/// after a page is added.
fn ambiguous_refs(diagnostics: Diagnostics) -> Vec<Diagnostic> {
    (diagnostics.into_vec().into_iter())
        .filter(|d| d.code == Code::AmbiguousRef)
        .collect()
}

/// Writes a new page of `kind` titled `title` under `root`, in the first
/// section (in path order) whose `page_kind` is `kind`.
pub(crate) fn new_page(root: &Path, kind: &str, title: &str) -> Result<NewPage, Error> {
    let kind = parse_kind(kind)?;
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Error::Usage(
            "the title needs at least one letter or digit".into(),
        ));
    }
    let (resolved, found) = crate::pipeline::model(root)?;
    let site = resolved.site();
    let section = site
        .sections
        .iter()
        .find(|s| s.meta.page_kind == Some(kind))
        .map(|s| s.folder.clone())
        .unwrap_or_else(|| default_folder(kind).to_string());
    let folder = crate::load::layout::content_dir(root).join(&section);
    let path = folder.join(format!("{slug}.md"));
    if path.exists() {
        return Err(Error::Usage(format!("{} already exists", path.display())));
    }
    let number = (kind == Kind::Principle).then(|| {
        site.pages
            .iter()
            .filter(|p| p.kind == Kind::Principle)
            .filter_map(|p| p.meta.number)
            .max()
            .unwrap_or(0)
            + 1
    });
    let text = front_matter(
        kind,
        title,
        number,
        site.sections.iter().any(|s| s.meta.page_kind == Some(kind)),
    );
    std::fs::create_dir_all(&folder).map_err(|e| io(&folder, e))?;
    std::fs::write(&path, text).map_err(|e| io(&path, e))?;
    let namesake = (site.pages.iter().map(|p| &p.source.ref_path))
        .find(|r| r.rsplit('/').next() == Some(slug.as_str()))
        .cloned();
    // A ref ambiguous already is not news, though its message now lists
    // one more candidate: compare places, not messages.
    let place = |d: &Diagnostic| (d.file.clone(), d.line, d.column);
    let before: Vec<_> = ambiguous_refs(found).iter().map(place).collect();
    let now_ambiguous = match crate::pipeline::model(root) {
        Ok((_, after)) => (ambiguous_refs(after).into_iter())
            .filter(|d| !before.contains(&place(d)))
            .collect(),
        Err(_) => Vec::new(),
    };
    Ok(NewPage {
        path,
        now_ambiguous,
        namesake,
    })
}

/// `credo new KIND TITLE --lang LANG`: a translation stub beside the page
/// of kind KIND that TITLE names (by its title or its file name): the
/// original's text, to translate in place, as `name.LANG.md`.
pub(crate) fn new_translation(
    root: &Path,
    kind: &str,
    title: &str,
    lang: &str,
) -> Result<PathBuf, Error> {
    let kind = parse_kind(kind)?;
    let config = crate::pipeline::load_config(&crate::pipeline::BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    })?;
    if !config.languages.contains_key(lang) {
        let known: Vec<&str> = config.languages.keys().map(String::as_str).collect();
        return Err(Error::Usage(format!(
            "`{lang}` is not a language of this site; credo.yaml's `languages:` has {}",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        )));
    }
    let (resolved, _) = crate::pipeline::model(root)?;
    let site = resolved.site();
    let slug = slugify(title);
    let page = site
        .pages
        .iter()
        .filter(|p| p.kind == kind)
        .find(|p| {
            p.meta.title == title || p.source.ref_path.rsplit('/').next() == Some(slug.as_str())
        })
        .ok_or_else(|| {
            Error::Usage(format!(
                "no {} is titled `{title}`; name the page to translate by its title or file name",
                kind.as_str()
            ))
        })?;
    let original = root.join(&page.source.file);
    let stem = original
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = original.with_file_name(format!("{stem}.{lang}.md"));
    if path.exists() {
        return Err(Error::Usage(format!("{} already exists", path.display())));
    }
    std::fs::write(&path, &page.source.text).map_err(|e| io(&path, e))?;
    Ok(path)
}

/// A string as a YAML scalar, quoted (a JSON string is valid YAML).
pub(crate) fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// The words `credo new` writes for the author to replace: a summary per
/// kind, the body, a checklist's first group and item. `credo check` warns
/// (`placeholder`) while a page, or a translation, still holds one of
/// them but the group's name, which may well stay.
pub(crate) mod placeholder {
    use crate::load::frontmatter::Kind;

    pub(crate) const BODY: &str = "Write here.";
    pub(crate) const CHECKLIST_GROUP: &str = "First";
    pub(crate) const CHECKLIST_ITEM: &str = "The first thing to do";

    /// The placeholder summary of a page of `kind`.
    pub(crate) fn summary(kind: Kind) -> &'static str {
        match kind {
            Kind::Principle => "The rule, in one sentence.",
            Kind::Value => "What this value means for how we work.",
            Kind::Attitude => "Two attitudes, side by side.",
            Kind::Scenario => "The situation, in one sentence.",
            Kind::Checklist => "When to use this checklist.",
            Kind::Track => "Who this track is for.",
            Kind::Page => "",
        }
    }
}

fn front_matter(
    kind: Kind,
    title: &str,
    number: Option<i64>,
    section_declares_kind: bool,
) -> String {
    let mut fm = format!("---\ntitle: {}\n", yaml_string(title));
    if !section_declares_kind {
        fm.push_str(&format!("kind: {}\n", kind.as_str()));
    }
    if let Some(n) = number {
        fm.push_str(&format!("number: {n}\n"));
    }
    fm.push_str(&format!(
        "summary: {}\n",
        yaml_string(placeholder::summary(kind))
    ));
    let extra = match kind {
        Kind::Principle => "values: []\ntags: []\n".to_string(),
        Kind::Attitude => "contrast:\n  left:\n    title: \"Service attitude\"\n    points: [\"\"]\n  right:\n    title: \"Sales attitude\"\n    points: [\"\"]\n".to_string(),
        Kind::Scenario => "principles: []\nvalues: []\ntags: []\n".to_string(),
        Kind::Checklist => format!(
            "checklist:\n  - group: {}\n    items:\n      - {}\n",
            yaml_string(placeholder::CHECKLIST_GROUP),
            yaml_string(placeholder::CHECKLIST_ITEM)
        ),
        Kind::Track => "steps: []\n".to_string(),
        Kind::Value | Kind::Page => String::new(),
    };
    fm.push_str(&extra);
    fm.push_str(&format!("---\n\n{}\n", placeholder::BODY));
    fm
}
