//! Diagnostics: what every stage reports about the author's input.
//!
//! A [`Diagnostic`] carries a path relative to the site root, a 1-based line and
//! column (counted in the file as it is on disk, the opening `---` being line 1),
//! a severity, a stable code and a message. Stages collect them into
//! [`Diagnostics`] and keep going, so a run reports every error at once; the
//! collection sorts by (path, line, column) before it is shown, which keeps the
//! order stable across runs and thread schedules.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

pub(crate) mod code;

pub(crate) use code::{Code, Level};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be built as written.
    Error,
    /// The site builds, but something deserves the author's attention.
    Warning,
}

/// One finding about the input, pointing at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Path relative to the site root, with `/` separators (`content/a/b.md`).
    pub file: String,
    /// 1-based line; 0 when the finding concerns the whole file (shown, and
    /// serialised, as line 1, column 1: every diagnostic reads `path:line:col`).
    #[serde(serialize_with = "at_least_one")]
    pub line: usize,
    /// 1-based column in characters; 0 when the finding concerns the whole file.
    #[serde(serialize_with = "at_least_one")]
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case code (`unknown-key`, `broken-ref`, ...).
    pub code: Code,
    /// What is wrong, in one sentence.
    pub message: String,
    /// A suggestion, such as "did you mean `title`?".
    pub hint: Option<String>,
    /// The offending source line, shown under the message.
    #[serde(skip)]
    pub source_line: Option<String>,
}

fn at_least_one<S: serde::Serializer>(n: &usize, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u64((*n).max(1) as u64)
}

impl Diagnostic {
    /// An error at `file:line:column`.
    pub fn error(
        file: impl Into<String>,
        line: usize,
        column: usize,
        code: Code,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            column,
            severity: Severity::Error,
            code,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// A warning at `file:line:column`.
    pub fn warning(
        file: impl Into<String>,
        line: usize,
        column: usize,
        code: Code,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, column, code, message)
        }
    }

    /// Adds a hint shown after the message.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Attaches the source line by looking `line` up in `text`.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            self.source_line = text
                .lines()
                .nth(self.line - 1)
                .map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    /// Renders the diagnostic for a terminal: the `path:line:col: error: message`
    /// line, then the source line with a caret under the column.
    pub fn render_human(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = String::new();
        let _ = write!(
            out,
            "{}:{}:{}: {severity}: {}",
            self.file,
            self.line.max(1),
            self.column.max(1),
            self.message
        );
        if let Some(source) = &self.source_line {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let (shown, column) = excerpt(source, self.column);
            // The caret stands under the column as a terminal shows the
            // line: a CJK character or an emoji takes two cells.
            let caret_pad: String = shown
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| match c {
                    '\t' => "\t",
                    c if unicode_width::UnicodeWidthChar::width(c) == Some(2) => "  ",
                    _ => " ",
                })
                .collect();
            let _ = write!(out, "\n{pad} |\n{gutter} | {shown}\n{pad} | {caret_pad}^");
        }
        if let Some(hint) = &self.hint {
            let _ = write!(out, "\n  = help: {hint}");
        }
        out
    }
}

/// A source line longer than this many characters is shown in part.
const EXCERPT_WIDTH: usize = 100;

/// The part of a source line to show around `column` (1-based, in
/// characters), and the column within that part: a line of a minified
/// table or of a paragraph never wrapped can run to thousands of
/// characters, which would bury the report (and its caret) in a terminal.
/// A cut end is marked `...`, as rustc marks it.
fn excerpt(source: &str, column: usize) -> (std::borrow::Cow<'_, str>, usize) {
    let count = source.chars().count();
    if count <= EXCERPT_WIDTH {
        return (source.into(), column);
    }
    let at = column.saturating_sub(1).min(count);
    let start = at.saturating_sub(EXCERPT_WIDTH / 3);
    let end = (start + EXCERPT_WIDTH).min(count);
    let start = end.saturating_sub(EXCERPT_WIDTH).min(start);
    let mut shown = String::new();
    let mut column = column - start;
    if start > 0 {
        shown.push_str("...");
        column += 3;
    }
    shown.extend(source.chars().skip(start).take(end - start));
    if end < count {
        shown.push_str("...");
    }
    (shown.into(), column)
}

/// More findings of one code than this get a summary line at the end of a report.
pub(crate) const MANY: usize = 20;

/// Every diagnostic of a run, in the order they were found until [`sort`](Self::sort).
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records many diagnostics.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// How many errors there are.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// How many warnings there are.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// Whether there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorts into the stable reporting order and drops exact repeats.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        self.items.dedup();
    }

    /// Drops the warnings (a failed build reports its errors only).
    pub fn retain_errors(&mut self) {
        self.items.retain(|d| d.severity == Severity::Error);
    }

    /// Sets each diagnostic's severity from its code's level in `levels`
    /// (credo.yaml's `lints:`); `allow` drops it.
    pub fn apply_lints(&mut self, levels: &std::collections::HashMap<Code, Level>) {
        if levels.is_empty() {
            return;
        }
        self.items.retain_mut(|d| match levels.get(&d.code) {
            Some(Level::Allow) => false,
            Some(Level::Error) => {
                d.severity = Severity::Error;
                true
            }
            Some(Level::Warning) => {
                d.severity = Severity::Warning;
                true
            }
            None => true,
        });
    }

    /// For each code reported more than [`MANY`] times: how many, what it
    /// means, and what to do about all of them at once. Most frequent first.
    pub fn frequent_codes(&self) -> Vec<String> {
        let mut counts: std::collections::BTreeMap<Code, usize> = Default::default();
        for d in &self.items {
            *counts.entry(d.code).or_default() += 1;
        }
        let mut frequent: Vec<(Code, usize)> =
            counts.into_iter().filter(|(_, n)| *n > MANY).collect();
        frequent.sort_by_key(|&(code, n)| (std::cmp::Reverse(n), code));
        frequent
            .into_iter()
            .map(|(code, n)| {
                format!(
                    "{n} × {code}: {}\n  = help: {}",
                    code.description(),
                    code.remedy()
                )
            })
            .collect()
    }

    /// Turns every warning into an error (`--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// The diagnostics, in their current order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// The diagnostics as a vector.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    /// All diagnostics rendered for a terminal, separated by blank lines.
    pub fn render_human(&self) -> String {
        let mut out = String::new();
        for d in &self.items {
            out.push_str(&d.render_human());
            out.push_str("\n\n");
        }
        out
    }

    /// All diagnostics as a JSON array (stable field order).
    pub fn render_json(&self) -> String {
        serde_json::to_string_pretty(&self.items).unwrap_or_else(|_| "[]".to_string())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

/// A site-relative display path with `/` separators, whatever the platform.
pub(crate) fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    // A path of plain `/`-separated names (every file a walk finds on
    // Unix) is its own display form; the rest is rebuilt from components.
    if let Some(text) = rel.to_str()
        && cfg!(unix)
        && is_plain_relative(text)
    {
        return text.to_string();
    }
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether `text` is names joined by single `/`s, none of them `.`: what
/// joining its components with `/` gives back unchanged.
fn is_plain_relative(text: &str) -> bool {
    !text.is_empty() && text.split('/').all(|name| !name.is_empty() && name != ".")
}

/// Converts a byte offset in `text` into a 1-based (line, column) pair, the
/// column counted in characters.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The closest known name to `unknown`, for a "did you mean" hint.
pub(crate) fn did_you_mean<'a>(unknown: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(unknown, k), *k))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_are_slash_joined_components() {
        let root = Path::new("/site");
        for (path, shown) in [
            ("/site/content/a.md", "content/a.md"),
            ("/site/content/über/b c.md", "content/über/b c.md"),
            ("/site/content//a/./b.md", "content/a/b.md"),
            ("/site/content/a/", "content/a"),
            ("/site/./content/../x.md", "content/../x.md"),
            ("a/./b", "a/b"),
            ("/site", ""),
        ] {
            assert_eq!(display_path(root, Path::new(path)), shown, "{path}");
        }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nçé x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, "ab\nçé ".len()), (2, 4));
    }

    #[test]
    fn human_rendering_shows_source_and_caret() {
        let d = Diagnostic::error("content/a.md", 2, 3, Code::InvalidYaml, "bad")
            .with_source("---\ntitel: x\n")
            .with_hint("did you mean `title`?");
        assert_eq!(
            d.render_human(),
            "content/a.md:2:3: error: bad\n  |\n2 | titel: x\n  |   ^\n  = help: did you mean `title`?"
        );
    }

    #[test]
    fn the_caret_stands_under_wide_characters_as_a_terminal_shows_them() {
        let d = Diagnostic::error("content/a.md", 1, 5, Code::BrokenLink, "bad")
            .with_source("日本語 [x](nope.md)\n");
        assert!(
            d.render_human()
                .ends_with("1 | 日本語 [x](nope.md)\n  |        ^"),
            "{}",
            d.render_human()
        );
    }

    #[test]
    fn a_long_line_is_shown_around_its_column() {
        // A paragraph of 20 000 words on one line: the report shows the
        // link and some words before it, not 100 000 characters and a
        // caret line as long.
        let line = format!(
            "{}[bad](nope.md) {}",
            "word ".repeat(20_000),
            "tail ".repeat(50)
        );
        let d = Diagnostic::error("content/a.md", 1, 100_001, Code::BrokenLink, "bad")
            .with_source(&line);
        let shown = d.render_human();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[2], format!("1 | ...{}...", &line[99_967..100_067]));
        assert!(lines[2].starts_with("1 | ...rd word word"));
        assert_eq!(lines[3], format!("  | {}^", " ".repeat(3 + 33)));
        assert!(shown.len() < 400, "{shown}");
        // A line short enough is shown whole, and a column near either
        // end of a long one cuts only the other end.
        let long = "x".repeat(150);
        let d = Diagnostic::error("a.md", 1, 1, Code::BrokenLink, "bad").with_source(&long);
        assert!(
            d.render_human()
                .contains(&format!("1 | {}...\n  | ^", "x".repeat(100)))
        );
        let d = Diagnostic::error("a.md", 1, 150, Code::BrokenLink, "bad").with_source(&long);
        assert!(d.render_human().contains(&format!(
            "1 | ...{}\n  | {}^",
            "x".repeat(100),
            " ".repeat(102)
        )));
    }

    #[test]
    fn hints_pick_the_closest_name() {
        assert_eq!(did_you_mean("titel", &["title", "tags"]), Some("title"));
        assert_eq!(did_you_mean("zzz", &["title", "tags"]), None);
    }
}
