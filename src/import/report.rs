//! What an import did, counted, and printed for the user; and, after the
//! check of the new site, where what it found comes from.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use super::Generator;
use super::frontmatter::Converted;
use crate::diagnostic::{Code, Diagnostics, Severity};

/// What `credo import` wrote and changed.
#[derive(Debug)]
pub(crate) struct Report {
    /// The source's generator.
    pub generator: Generator,
    /// The new site's title.
    pub title: String,
    /// Markdown pages written.
    pub pages: usize,
    /// Other files copied.
    pub assets: usize,
    /// Pages whose TOML front matter became YAML.
    pub from_toml: usize,
    /// Pages whose YAML front matter was rewritten.
    pub rewritten: usize,
    /// Pages without front matter that were given one (a weight, a title).
    pub given_front_matter: usize,
    /// Pages copied byte for byte.
    pub untouched: usize,
    /// Pages whose front matter could not be read, with why.
    pub unconverted: Vec<(String, String)>,
    /// Folder pages made for the source's category files.
    pub generated: Vec<String>,
    /// `from → to` renames of keys, with how many pages had each.
    pub mapped: BTreeMap<String, usize>,
    /// Keys moved under `extra:`, with how many pages had each.
    pub moved: BTreeMap<String, usize>,
    /// Weights set from the reading order.
    pub weights: usize,
    /// Titles set from the reading order.
    pub titles: usize,
    /// Pages whose body holds template code credo shows as written.
    pub template_code: Vec<String>,
    /// Pages whose callouts became GitHub alerts (see `import::body`).
    pub callouts: Vec<String>,
    /// Pages whose links now name pages and headings as credo serves them.
    pub relinked: Vec<String>,
    /// Pages whose includes (mdBook's `{{#include}}`, MkDocs' snippets)
    /// were written out.
    pub includes: Vec<String>,
    /// What pages hold that credo shows as written, to rewrite by hand:
    /// (page, what).
    pub hand_work: Vec<(String, String)>,
    /// What was left out, and why.
    pub skipped: Vec<String>,
    /// What else to say (see `Plan::notes`).
    pub notes: Vec<String>,
    /// Old URLs no alias can redirect from, as (page, key, URL): a
    /// translation's URL outside its language's folder.
    pub unredirected: Vec<(String, &'static str, String)>,
}

impl Report {
    pub(super) fn new(generator: Generator, skipped: Vec<String>, notes: Vec<String>) -> Report {
        Report {
            generator,
            notes,
            title: String::new(),
            pages: 0,
            assets: 0,
            from_toml: 0,
            rewritten: 0,
            given_front_matter: 0,
            untouched: 0,
            unconverted: Vec::new(),
            generated: Vec::new(),
            mapped: BTreeMap::new(),
            moved: BTreeMap::new(),
            weights: 0,
            titles: 0,
            template_code: Vec::new(),
            callouts: Vec::new(),
            relinked: Vec::new(),
            includes: Vec::new(),
            hand_work: Vec::new(),
            skipped,
            unredirected: Vec::new(),
        }
    }

    pub(super) fn count_keys(&mut self, converted: &Converted) {
        for (from, to) in &converted.mapped {
            *self.mapped.entry(format!("{from} → {to}")).or_default() += 1;
        }
        for key in &converted.moved {
            *self.moved.entry(key.clone()).or_default() += 1;
        }
    }
}

/// `key (n), key (n)`, most frequent first.
fn counted(counts: &BTreeMap<String, usize>) -> String {
    let mut sorted: Vec<(&String, &usize)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    sorted
        .iter()
        .map(|(key, n)| format!("{key} ({n})"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Imported {}: \"{}\"", self.generator.name(), self.title)?;
        writeln!(
            f,
            "  {} pages ({} copied as they were), {} other files",
            self.pages + self.unconverted.len(),
            self.untouched + self.unconverted.len(),
            self.assets
        )?;
        let changed = [
            (self.from_toml, "TOML converted to YAML"),
            (self.rewritten, "YAML rewritten"),
            (self.given_front_matter, "given front matter"),
        ];
        let changed: Vec<String> = changed
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
        if !changed.is_empty() {
            writeln!(f, "  front matter: {}", changed.join(", "))?;
        }
        if !self.mapped.is_empty() {
            writeln!(f, "  keys mapped: {}", counted(&self.mapped))?;
        }
        if !self.moved.is_empty() {
            writeln!(f, "  keys moved to extra: {}", counted(&self.moved))?;
        }
        if self.weights > 0 || self.titles > 0 {
            writeln!(
                f,
                "  from the reading order: {} weights, {} titles",
                self.weights, self.titles
            )?;
        }
        for dest in &self.generated {
            writeln!(
                f,
                "  made {dest}: front matter only, for the folder's title or place in the order"
            )?;
        }
        for (dest, problem) in &self.unconverted {
            writeln!(f, "  {dest}: {problem}")?;
        }
        let pages = |n: usize| format!("{n} page{}", if n == 1 { "" } else { "s" });
        if !self.template_code.is_empty() {
            writeln!(
                f,
                "  template code ({{{{ }}}}, {{% %}}) left as written, to rewrite by hand: {}:",
                pages(self.template_code.len())
            )?;
            for path in &self.template_code {
                writeln!(f, "    {path}")?;
            }
        }
        for (done, what) in [
            (
                &self.callouts,
                "bodies rewritten where credo would show the source generator's markup as text (callouts, tabs, shortcodes, Liquid, MDX statements, attribute lists)",
            ),
            (
                &self.includes,
                match self.generator {
                    Generator::GitBook => {
                        "includes ({% include %}, from .gitbook/includes/) written out"
                    }
                    Generator::Docsify => "embedded Markdown files (':include') written out",
                    Generator::MkDocs => "snippets (--8<--) written out",
                    _ => {
                        "includes ({{#include}}) written out, and the lines Rust blocks hide removed"
                    }
                },
            ),
            (
                &self.relinked,
                "links to pages or headings by their old URLs rewritten to credo's",
            ),
        ] {
            if !done.is_empty() {
                writeln!(f, "  {what}: {}", pages(done.len()))?;
            }
        }
        if !self.hand_work.is_empty() {
            writeln!(f, "  left as written, to rewrite by hand:")?;
            for (page, what) in &self.hand_work {
                writeln!(f, "    {page}: {what}")?;
            }
        }
        for (page, key, url) in &self.unredirected {
            writeln!(
                f,
                "  no redirect from {url} ({page}'s `{key}`): a translation lives below its language, so redirect that URL at your host"
            )?;
        }
        for note in &self.notes {
            writeln!(f, "  {note}")?;
        }
        for skipped in &self.skipped {
            writeln!(f, "  not copied: {skipped}")?;
        }
        Ok(())
    }
}

/// Where the errors the check found in the new site come from, grouped by
/// kind: the import's own mapping (paths credo keeps for its pages, links
/// SRC's generator resolved otherwise) or SRC as it was. Empty when the
/// site checks clean.
pub(super) fn origins(diagnostics: &Diagnostics, generator: Generator) -> Vec<String> {
    let mut counts: BTreeMap<Origin, (usize, Vec<&'static str>)> = BTreeMap::new();
    for d in diagnostics.iter() {
        if d.severity != Severity::Error {
            continue;
        }
        let (n, codes) = counts.entry(Origin::of(d.code)).or_default();
        *n += 1;
        if !codes.contains(&d.code.as_str()) {
            codes.push(d.code.as_str());
        }
    }
    counts
        .into_iter()
        .map(|(origin, (n, codes))| {
            format!("{n} {}: {}", codes.join(", "), origin.explain(generator))
        })
        .collect()
}

/// What an error found after an import says about where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    /// A path credo writes a page of its own at, or two sources at one URL.
    Paths,
    /// A link or ref that does not resolve.
    Links,
    /// A translation for a language the configuration does not name.
    Languages,
    /// Front matter the import could not read or convert.
    FrontMatter,
    /// Anything else.
    Other,
}

impl Origin {
    fn of(code: Code) -> Origin {
        match code {
            Code::DuplicateUrl | Code::AliasCollision | Code::DuplicateIndex => Origin::Paths,
            Code::BrokenLink
            | Code::BrokenAnchor
            | Code::BrokenRef
            | Code::AmbiguousRef
            | Code::RefOutsideContent => Origin::Links,
            Code::UnknownLanguage => Origin::Languages,
            Code::InvalidYaml
            | Code::TomlFrontMatter
            | Code::UnclosedFrontMatter
            | Code::UnknownKey
            | Code::NotUtf8 => Origin::FrontMatter,
            _ => Origin::Other,
        }
    }

    fn explain(self, generator: Generator) -> String {
        let name = generator.name();
        match self {
            Origin::Paths => "from the import: it kept the source's paths, and credo writes pages of its own at some (/changes/, /print/, /review/, /search/, /tags/…) or serves two of them at one URL. Rename the file, adding its old URL to its `aliases`".into(),
            Origin::Links => match generator {
                // The import rewrote the links it found a page for, either way.
                Generator::Hugo | Generator::Zola => format!(
                    "broken in the source already: neither against the page's file, as credo reads a link, nor against the page's URL, as {name}'s reader's browser did, is there a page or file there"
                ),
                Generator::Jekyll => format!(
                    "either broken in the source already, or written for {name}'s page URLs: {name} leaves a relative link to the browser, which resolves it against the page's URL (`../b/` from /a/x/ is /a/b/), while credo resolves it against the page's file (from content/a/x.md it is content/b/). Point the link at the file (`b.md`)"
                ),
                _ => format!(
                    "links and refs that do not resolve: broken in the source already, or resolved by {name} in a way credo does not (see each message)"
                ),
            },
            Origin::Languages => "translations (name.LANG.md) in a language the source's configuration does not name: add it to credo.yaml `languages:`, or rename the file".into(),
            Origin::FrontMatter => "front matter the import copied as it was, unread or unconverted (listed above): fix it by hand".into(),
            Origin::Other => "see each message above".into(),
        }
    }
}

/// What `credo import` says after checking the new site in `dir`.
pub(super) fn closing(diagnostics: &Diagnostics, generator: Generator, dir: &Path) -> String {
    let dir = dir.display();
    let origins = origins(diagnostics, generator);
    if origins.is_empty() {
        return format!("Next: `credo serve -r {dir}`\n");
    }
    let mut text = format!(
        "The new site does not build yet: {} error(s), by where they come from:\n",
        diagnostics.error_count()
    );
    for line in origins {
        text.push_str(&format!("  - {line}.\n"));
    }
    text.push_str(&format!(
        "Next: fix them in {dir}, then run `credo check -r {dir}` (the source is unchanged).\n"
    ));
    text
}
