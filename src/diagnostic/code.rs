//! Every diagnostic code credo reports, declared once.
//!
//! Each code has its stable kebab-case name (what `--format json` prints and
//! what `lints:` in credo.yaml names), its default level and a one-line
//! description. `docs/diagnostics.md` lists the same table; a test keeps the
//! two in step. Adding a code means one line in [`codes!`] below.

use serde::Serialize;

/// How a code is reported unless credo.yaml's `lints:` says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The site cannot be built as written.
    Error,
    /// The site builds; `credo check` reports it.
    Warning,
    /// Not reported at all.
    Allow,
}

impl Level {
    /// The name used in credo.yaml.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Allow => "allow",
        }
    }

    /// The level named `name` in credo.yaml.
    pub fn parse(name: &str) -> Option<Level> {
        [Level::Error, Level::Warning, Level::Allow]
            .into_iter()
            .find(|l| l.as_str() == name)
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $level:ident, $description:literal;)*) => {
        /// A diagnostic's stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        // The variants spell the stable codes (`unhighlightable-code`).
        #[allow(clippy::enum_variant_names)]
        pub enum Code {
            $(#[doc = $description] $variant,)*
        }

        impl Code {
            /// Every code, in the order of the table.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// The level it is reported at unless `lints:` changes it.
            pub fn default_level(self) -> Level {
                match self {
                    $(Code::$variant => Level::$level,)*
                }
            }

            /// What it means, in one line.
            pub fn description(self) -> &'static str {
                match self {
                    $(Code::$variant => $description,)*
                }
            }
        }
    };
}

codes! {
    AliasCollision = "alias-collision", Error, "An alias would be written where another page, alias or generated file is (of its own language, or, for an alias of the default language inside `/de/`, of the site in `de`).";
    AmbiguousRef = "ambiguous-ref", Error, "A bare ref names a file stem that more than one page has.";
    BrokenAnchor = "broken-anchor", Error, "A link names a heading id that its target page does not have.";
    BrokenLink = "broken-link", Error, "A relative link or image points at a page, folder or file that does not exist. Its hint names what is near: the file in another case (`sub/A.md` for `sub/a.md`), a page or file of the same folder whose name is one slip away (`refunds.md` for `refund.md`, `a.png` for `a.pgn`), or the hidden folder on the way.";
    BrokenRef = "broken-ref", Error, "A ref (`[[ref]]` or a front-matter list) names no page.";
    Config = "config", Error, "credo.yaml cannot be read while serving.";
    DraftStep = "draft-step", Warning, "A track step is a draft page, which readers will not see.";
    DuplicateId = "duplicate-id", Warning, "A heading's `{#id}` is taken on its page already (by the layout, raw HTML or an earlier heading): it gets another (`setup-1`).";
    DuplicateIndex = "duplicate-index", Error, "A folder has more than one own page (`_index.md`, `index.md`, `README.md`).";
    DuplicateNumber = "duplicate-number", Error, "Two principles of one section have the same `number`.";
    DuplicateUrl = "duplicate-url", Error, "Two sources would be written to the same URL (two pages; a page and a folder of pages, `docs.md` beside `docs/`; a page and an output of credo's; a static file and a page; two files copied to one path, such as `content/a.png` and `static/a.png`), or a file where credo makes a folder of pages (`content/x` beside `content/x.md`; `static/de` on a site with a `de` edition), or a static file inside a file credo writes (`static/handbook.json/a.txt`, `static/x/index.html/b.txt`).";
    EmptySection = "empty-section", Warning, "A section has no pages.";
    EmptyTitle = "empty-title", Error, "`title` is present but empty.";
    EmptyValue = "empty-value", Error, "A front-matter value that must hold something is empty.";
    FolderLink = "folder-link", Warning, "A link names a folder that holds files but no page: readers get the host's folder listing, if it gives one.";
    IncompleteContrast = "incomplete-contrast", Error, "An attitude's `contrast` lacks its left or right side.";
    InvalidAlias = "invalid-alias", Error, "An alias is not a path from the site root.";
    InvalidBaseUrl = "invalid-base-url", Error, "`base_url` is neither an absolute URL nor a path from `/`.";
    InvalidDate = "invalid-date", Error, "A date is not a real `YYYY-MM-DD` date.";
    InvalidItem = "invalid-item", Error, "A checklist item, track step or list entry has the wrong shape.";
    InvalidLanguage = "invalid-language", Error, "A code of credo.yaml's `languages:` is no language tag (`de`, `pt-BR`), is the default language, or names a folder where credo writes a page of its own (`tags`).";
    InvalidYaml = "invalid-yaml", Error, "Front matter, credo.yaml or a theme.yaml is not valid YAML or not keys and values, writes a key twice, or a value has the wrong type.";
    Io = "io", Error, "A file cannot be read.";
    KindKey = "kind-key", Warning, "A key read on pages of one kind is set on a page of another, which does not show it: `steps` off a track, `principles` off a scenario, `contrast` off an attitude page.";
    LanguageSuffix = "language-suffix", Warning, "A page named like a translation is published as a page of its own, not as a translation: on a site of one language (`README.es.md`), or with a language of the site in another case (`a.DE.md`, `a.pt-br.md` for `pt-BR`).";
    MarkdownNotPage = "markdown-not-page", Warning, "A Markdown file of `content/` named otherwise than `x.md` (`x.markdown`, `x.MD`, `x.mdx`) is published as a file, not a page.";
    MissingKey = "missing-key", Error, "A required key is missing.";
    MissingOwner = "missing-owner", Warning, "A page has no `owner` while credo.yaml sets `require_owner: true`.";
    MissingTranslation = "missing-translation", Warning, "A page has no translation into one of the site's languages (the default language's page stands in).";
    NotUtf8 = "not-utf8", Error, "A file is not valid UTF-8 text.";
    OrphanPage = "orphan-page", Warning, "No page links to this page and no list shows it.";
    Placeholder = "placeholder", Warning, "A page or a translation still holds words `credo new` wrote for its author to replace (its summary, `Write here.`, the first checklist item), or an empty contrast point.";
    RefOutsideContent = "ref-outside-content", Error, "A ref or link climbs out of `content/`.";
    RefToDraft = "ref-to-draft", Error, "A ref names a draft page in a build without `--drafts`.";
    ReservedId = "reserved-id", Warning, "Raw HTML in a body gives an element an id the theme's layout uses (`main`, `sidebar`, `search-input`, …): the page would have two elements with it.";
    StaleReview = "stale-review", Warning, "A page was last reviewed longer ago than `review_after_days`.";
    SymlinkLoop = "symlink-loop", Error, "A symbolic link loops back on itself.";
    SymlinkOutsideRoot = "symlink-outside-root", Error, "A symbolic link points outside the site root.";
    TagSpelling = "tag-spelling", Warning, "A tag is written otherwise than the name of its tag page.";
    Template = "template", Error, "A template fails to parse or to render.";
    TemplateCode = "template-code", Warning, "A body holds another generator's template code (a Hugo shortcode, Liquid), which readers see as written.";
    TomlFrontMatter = "toml-front-matter", Error, "A page starts with a TOML (`+++`) block, which credo does not read.";
    UnappliedPrinciple = "unapplied-principle", Warning, "No scenario applies this principle.";
    UnclosedFrontMatter = "unclosed-front-matter", Error, "Front matter opens with `---` and never closes.";
    UnhighlightableCode = "unhighlightable-code", Warning, "A code block's grammar could not highlight it in time; it is shown as plain text.";
    UnknownHighlightTheme = "unknown-highlight-theme", Error, "`highlight_theme` names no syntect theme.";
    UnknownKey = "unknown-key", Error, "A key that credo does not know (outside `extra:`).";
    UnknownLanguage = "unknown-language", Error, "On a site of several languages, a translation (`name.LANG.md`) for a language not in credo.yaml's `languages:`, or one without an original.";
    UnknownLint = "unknown-lint", Error, "credo.yaml's `lints:` names a code credo does not have, or a level other than error, warning, allow.";
    UnknownSection = "unknown-section", Warning, "credo.yaml's `sections:` names a folder that `content/` does not have.";
    UnknownString = "unknown-string", Error, "credo.yaml's or theme.yaml's `strings:` names a key the theme's strings do not have, or a language the site does not have.";
    UnknownTheme = "unknown-theme", Error, "`theme` names neither a local nor a built-in theme.";
    UnrecordedChange = "unrecorded-change", Warning, "`credo check --against`: a page's source changed since the old build with no new `changes:` entry.";
    UntranslatedSince = "untranslated-since", Warning, "A translation is older than a material change of its original (its newest `changes:` entry is older).";
    WrongKind = "wrong-kind", Error, "A typed ref (`principles:`, `values:`) names a page of another kind (a warning for a page of no kind).";
}

impl Code {
    /// The code named `name`.
    pub fn parse(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl Code {
    /// What to do about many findings of this code at once.
    pub fn remedy(self) -> String {
        let specific = match self {
            Code::BrokenAnchor => Some(
                "GitHub-style ids are lower case, spaces become `-` and punctuation goes (`Loop & Tie` → `#loop--tie`); fix the links, or while you do, set `lints: {broken-anchor: warning}` in credo.yaml",
            ),
            Code::BrokenLink => Some(
                "links are relative to the file they are written in; fix the paths, or add the missing files",
            ),
            Code::UnknownKey => Some(
                "`credo import SRC DIR` moves another generator's keys under `extra:`; or move them there by hand",
            ),
            Code::OrphanPage => Some(
                "link the pages from a section or track, or set `lints: {orphan-page: allow}` in credo.yaml",
            ),
            _ => None,
        };
        match specific {
            Some(s) => s.to_string(),
            None => format!(
                "to change how it is reported, set `lints: {{{}: error|warning|allow}}` in credo.yaml",
                self.as_str()
            ),
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The table of codes as docs/diagnostics.md holds it.
#[cfg(test)]
pub(crate) fn markdown_table() -> String {
    let mut out = String::from("| code | default level | meaning |\n|---|---|---|\n");
    for code in Code::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            code.as_str(),
            code.default_level().as_str(),
            code.description()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_sorted() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            names, sorted,
            "codes are listed once, in alphabetical order"
        );
        for name in names {
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{name}"
            );
            assert_eq!(Code::parse(name).map(Code::as_str), Some(name));
        }
    }

    #[test]
    fn docs_list_every_code() {
        let docs = include_str!("../../docs/diagnostics.md");
        let table = markdown_table();
        assert!(
            docs.contains(&table),
            "docs/diagnostics.md must hold the table of codes exactly as \
             `credo::diagnostic::code::markdown_table()` prints it:\n{table}"
        );
    }
}
