//! What an import did, counted, and printed for the user.

use std::collections::BTreeMap;
use std::fmt;

use super::Generator;
use super::frontmatter::Converted;

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
    /// What was left out, and why.
    pub skipped: Vec<String>,
}

impl Report {
    pub(super) fn new(generator: Generator, skipped: Vec<String>) -> Report {
        Report {
            generator,
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
            skipped,
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
            writeln!(f, "  made {dest} for a category")?;
        }
        for (dest, problem) in &self.unconverted {
            writeln!(f, "  {dest}: {problem}")?;
        }
        if let Some(first) = self.template_code.first() {
            writeln!(
                f,
                "  template code ({{{{ }}}}, {{% %}}) left as written, to rewrite by hand: {} page{} ({first}{})",
                self.template_code.len(),
                if self.template_code.len() == 1 {
                    ""
                } else {
                    "s"
                },
                if self.template_code.len() > 1 {
                    ", …"
                } else {
                    ""
                }
            )?;
        }
        for skipped in &self.skipped {
            writeln!(f, "  not copied: {skipped}")?;
        }
        Ok(())
    }
}
