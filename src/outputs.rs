//! Every output credo makes besides the pages of `content/`, declared once.
//!
//! [`OUTPUTS`] lists the single pages and files (their path, template, whether
//! the sitemap lists them, whether they gather every body); [`Family`] the
//! outputs made once per tag, alias, page or search-index part. The
//! collision check (a page, alias or static file landing on one of them),
//! the sitemap, `serve` (which outputs wait for a full rebuild after a body
//! edit) and the renderer (`render/generated.rs` makes every entry the site
//! has, each by the function its [`Id`] names) read this table. Adding a
//! generated page means an entry here plus its template and its arm in
//! `Generated::make` (the compiler asks for it).

/// A single generated output.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Output {
    /// Which one it is: the renderer makes each by its own function.
    pub id: Id,
    /// Its path in the output folder.
    pub path: &'static str,
    /// The theme template it is rendered with; `None` for a fixed format.
    pub template: Option<&'static str>,
    /// Whether `sitemap.xml` lists it.
    pub sitemap: bool,
    /// Whether it is made from the bodies of many pages (so a body edit in
    /// `serve` changes it besides the page itself).
    pub gathers_bodies: bool,
    /// Whether the site has it (`search: false` drops the search page).
    pub when: When,
    /// What it is, for error messages ("the print page").
    pub what: &'static str,
}

/// The single generated outputs, one name each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Id {
    /// `404.html`.
    NotFound,
    /// `sitemap.xml`.
    Sitemap,
    /// `handbook.json`.
    HandbookJson,
    /// `highlight.css`.
    HighlightCss,
    /// `llms.txt`.
    LlmsTxt,
    /// `credo-strings.js`, the words of the theme's scripts.
    ScriptStrings,
    /// `changes.xml`, the Atom feed.
    ChangesFeed,
    /// `/tags/` (with the tag pages, [`Family::TagPage`]).
    Tags,
    /// `/matrix/`.
    Matrix,
    /// `/print/`.
    Print,
    /// `/changes/`.
    Changes,
    /// `/acknowledgements/`.
    Acknowledgements,
    /// `/review/`.
    Review,
    /// `/search/` (with its index, [`Family::SearchIndex`]).
    Search,
}

impl Output {
    /// Whether every language's edition shares it, written once at the
    /// root (the token colours do not depend on the language); each other
    /// output is written again in each language's folder.
    pub(crate) fn shared(&self) -> bool {
        self.id == Id::HighlightCss
    }

    /// Whether a site with or without search has it.
    pub(crate) fn present(&self, search: bool) -> bool {
        match self.when {
            When::Always => true,
            When::Search => search,
        }
    }
}

/// When a site has an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    /// Always.
    Always,
    /// With `search: true` (the default).
    Search,
}

/// The single generated outputs.
pub(crate) const OUTPUTS: &[Output] = &[
    output(
        Id::NotFound,
        "404.html",
        Some("404.html"),
        false,
        false,
        "the 404 page",
    ),
    output(
        Id::Sitemap,
        "sitemap.xml",
        None,
        false,
        false,
        "the sitemap",
    ),
    output(
        Id::HandbookJson,
        "handbook.json",
        None,
        false,
        true,
        "handbook.json",
    ),
    output(
        Id::HighlightCss,
        "highlight.css",
        None,
        false,
        false,
        "the highlighting stylesheet",
    ),
    output(Id::LlmsTxt, "llms.txt", None, false, false, "llms.txt"),
    output(
        Id::ScriptStrings,
        "credo-strings.js",
        None,
        false,
        false,
        "the words of the theme's scripts",
    ),
    output(
        Id::ChangesFeed,
        "changes.xml",
        None,
        false,
        false,
        "the changes feed",
    ),
    output(
        Id::Tags,
        "tags/index.html",
        Some("tags.html"),
        true,
        false,
        "the tag index",
    ),
    output(
        Id::Matrix,
        "matrix/index.html",
        Some("matrix.html"),
        true,
        false,
        "the matrix page",
    ),
    output(
        Id::Print,
        "print/index.html",
        Some("print.html"),
        true,
        true,
        "the print page",
    ),
    output(
        Id::Changes,
        "changes/index.html",
        Some("changes.html"),
        true,
        false,
        "the changes page",
    ),
    output(
        Id::Acknowledgements,
        "acknowledgements/index.html",
        Some("acknowledgements.html"),
        false,
        false,
        "the acknowledgements page",
    ),
    output(
        Id::Review,
        "review/index.html",
        Some("review.html"),
        false,
        false,
        "the review page",
    ),
    Output {
        when: When::Search,
        ..output(
            Id::Search,
            "search/index.html",
            Some("search.html"),
            false,
            false,
            "the search page and index",
        )
    },
];

const fn output(
    id: Id,
    path: &'static str,
    template: Option<&'static str>,
    sitemap: bool,
    gathers_bodies: bool,
    what: &'static str,
) -> Output {
    Output {
        id,
        path,
        template,
        sitemap,
        gathers_bodies,
        when: When::Always,
        what,
    }
}

/// Outputs made many times over, recognised by their path. (The alias
/// redirects, `alias.html` at old URLs, are another such family, but their
/// paths are arbitrary: the collision check knows them from the site.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// `tags/<slug>/index.html`, one per tag (`tag.html`).
    TagPage,
    /// `<page>/index.md`, the Markdown copy beside each page's HTML.
    MarkdownCopy,
    /// `search/*.json`, the parts of the search index.
    SearchIndex,
}

impl Family {
    /// Which family the output `path` belongs to, if any.
    pub(crate) fn of(path: &str) -> Option<Family> {
        if path.starts_with(crate::search::INDEX_FOLDER) && path.ends_with(".json") {
            Some(Family::SearchIndex)
        } else if path.ends_with("/index.md") || path == "index.md" {
            Some(Family::MarkdownCopy)
        } else if path.starts_with("tags/") && path != "tags/index.html" {
            Some(Family::TagPage)
        } else {
            None
        }
    }

    /// Whether its outputs are made from many bodies, or from a body
    /// without the page's template (see [`Output::gathers_bodies`]).
    pub(crate) fn gathers_bodies(self) -> bool {
        matches!(self, Family::SearchIndex | Family::MarkdownCopy)
    }
}

/// The table entry of the output at `path`.
pub(crate) fn find(path: &str) -> Option<&'static Output> {
    OUTPUTS.iter().find(|o| o.path == path)
}

/// Whether the output `path` is made from the bodies of many pages (the
/// print page, handbook.json, the search index) or is a body's own copy:
/// after an edit of one body, these are the outputs besides the page
/// itself that can change.
pub(crate) fn gathers_bodies(path: &str) -> bool {
    find(path).is_some_and(|o| o.gathers_bodies)
        || Family::of(path).is_some_and(Family::gathers_bodies)
}

/// The site-relative URLs of the single outputs the sitemap lists.
pub(crate) fn sitemap_urls() -> impl Iterator<Item = &'static str> {
    OUTPUTS
        .iter()
        .filter(|o| o.sitemap)
        .map(|o| o.path.trim_end_matches("index.html"))
}

/// The path of the Markdown copy of the page at the site-relative `url`.
pub(crate) fn markdown_copy(url: &str) -> String {
    format!("{url}index.md")
}

/// Which single output, if any, takes the output path `path` (a folder
/// `x/` or a file) on a site with or without search.
pub(crate) fn taken_by(path: &str, search: bool) -> Option<&'static Output> {
    let folder = path.trim_end_matches('/');
    OUTPUTS.iter().find(|o| {
        o.present(search) && (o.path == folder || o.path.trim_end_matches("/index.html") == folder)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_templates_exist_in_the_default_theme() {
        let mut paths: Vec<&str> = OUTPUTS.iter().map(|o| o.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), OUTPUTS.len());
        for o in OUTPUTS {
            if let Some(t) = o.template {
                let file = format!(
                    "{}/themes/default/templates/{t}",
                    env!("CARGO_MANIFEST_DIR")
                );
                assert!(std::path::Path::new(&file).is_file(), "{t}");
            }
        }
    }

    #[test]
    fn the_table_answers_for_folders_files_and_families() {
        assert_eq!(
            taken_by("print/", true).map(|o| o.what),
            Some("the print page")
        );
        assert_eq!(taken_by("llms.txt", true).map(|o| o.what), Some("llms.txt"));
        assert!(taken_by("search/", false).is_none());
        assert!(taken_by("principles/", true).is_none());
        assert!(gathers_bodies("print/index.html"));
        assert!(gathers_bodies("handbook.json"));
        assert!(gathers_bodies("principles/a/index.md"));
        assert!(gathers_bodies("search/chunk-0.json"));
        assert!(!gathers_bodies("matrix/index.html"));
        assert_eq!(
            Family::of("tags/client-care/index.html"),
            Some(Family::TagPage)
        );
        assert_eq!(
            sitemap_urls().collect::<Vec<_>>(),
            ["tags/", "matrix/", "print/", "changes/"]
        );
    }
}
