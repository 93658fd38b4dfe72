//! The plan: what a batch of [`Change`]s asks the rebuild to redo.
//!
//! - `credo.yaml` → everything: config, theme, every content file, every output.
//! - `templates/`, `themes/` → resolve the theme and compile its templates
//!   again; the outputs whose template (or one it extends or includes) changed
//!   render again. A theme's static file is also copied again.
//! - `content/` → list the site again and read the changed Markdown files
//!   (and any path the listing has not seen); resolve; render the outputs
//!   whose context changed. A non-Markdown file is copied again.
//! - `static/` → list again (for new and deleted files), copy that file again.
//!
//! Which outputs a content change reaches (the page, the pages it links to and
//! that link to it, its section, tags, matrix, print page, handbook.json...) is
//! not guessed here: the render memo compares each output's inputs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::watch::Change;

/// What to redo.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Rebuild everything from scratch (`credo.yaml`, or the first build).
    pub everything: bool,
    /// Resolve the theme and compile the templates again.
    pub theme: bool,
    /// List `content/` and `static/` again.
    pub relist: bool,
    /// Content paths to read again (files, or folders whose files to read).
    pub content: BTreeSet<PathBuf>,
    /// Files to copy again (static files, content assets, theme assets).
    pub copies: BTreeSet<PathBuf>,
    /// What changed, relative to the root, for the log; with the full path
    /// (none for a first build).
    pub changed: Vec<(String, Option<PathBuf>)>,
}

impl Plan {
    /// The plan of a first build.
    pub fn everything() -> Plan {
        Plan {
            everything: true,
            theme: true,
            relist: true,
            changed: vec![("start".to_string(), None)],
            ..Plan::default()
        }
    }

    /// The plan for a batch of changes to the site at `root`.
    pub fn for_changes(root: &Path, changes: &[Change]) -> Plan {
        let mut plan = Plan::default();
        let mut seen = BTreeSet::new();
        for change in changes {
            if seen.insert(change) {
                plan.changed
                    .push((change.describe(root), change.path().map(Path::to_path_buf)));
            }
            match change {
                Change::Config => {
                    plan.everything = true;
                    plan.theme = true;
                    plan.relist = true;
                }
                Change::Content(path) => {
                    plan.relist = true;
                    plan.content.insert(path.clone());
                    plan.copies.insert(path.clone());
                }
                Change::Static(path) => {
                    plan.relist = true;
                    plan.copies.insert(path.clone());
                }
                Change::Template(path) | Change::Theme(path) => {
                    plan.theme = true;
                    plan.copies.insert(path.clone());
                }
            }
        }
        plan
    }

    /// This plan and `later` together (a rebuild given up for a newer
    /// change carries its plan into the next).
    pub fn and(mut self, later: Plan) -> Plan {
        self.everything |= later.everything;
        self.theme |= later.theme;
        self.relist |= later.relist;
        self.content.extend(later.content);
        self.copies.extend(later.copies);
        for change in later.changed {
            if !self.changed.contains(&change) {
                self.changed.push(change);
            }
        }
        self
    }

    /// Drops the file `path` from what to read and copy again (a preview
    /// has read it already); it is still named in the log.
    pub fn forget(&mut self, path: &Path) {
        self.content.remove(path);
        self.copies.remove(path);
    }

    /// Whether the content file `path` must be read again.
    pub fn rereads(&self, path: &Path) -> bool {
        self.everything || self.content.iter().any(|c| path.starts_with(c))
    }

    /// Whether the file `path` must be copied again.
    pub(crate) fn recopies(&self, path: &Path) -> bool {
        self.everything || self.copies.iter().any(|c| path.starts_with(c))
    }

    /// "content/a.md", or "content/a.md and 2 more", for the log. A path
    /// that is there is named before one that is gone (an editor's
    /// temporary file, say).
    pub(crate) fn summary(&self) -> String {
        let named = self
            .changed
            .iter()
            .find(|(_, path)| path.as_deref().is_none_or(Path::exists))
            .or(self.changed.first());
        match (named, self.changed.len()) {
            (None, _) => "nothing".to_string(),
            (Some((name, _)), 1) => name.clone(),
            (Some((name, _)), n) => format!("{name} and {} more", n - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_edit_rereads_that_page_only() {
        let root = Path::new("/s");
        let plan = Plan::for_changes(root, &[Change::Content(root.join("content/a.md"))]);
        assert!(!plan.everything && !plan.theme && plan.relist);
        assert!(plan.rereads(&root.join("content/a.md")));
        assert!(!plan.rereads(&root.join("content/b.md")));
        assert_eq!(plan.summary(), "content/a.md");
    }

    #[test]
    fn an_unfinished_plan_joins_the_next() {
        let root = Path::new("/s");
        let a = root.join("content/a.md");
        let b = root.join("content/b.md");
        let mut first = Plan::for_changes(root, &[Change::Content(a.clone())]);
        first.forget(&a);
        assert!(!first.rereads(&a) && !first.recopies(&a));
        let both = first.and(Plan::for_changes(
            root,
            &[
                Change::Content(b.clone()),
                Change::Template(root.join("templates/page.html")),
            ],
        ));
        assert!(both.theme && both.rereads(&b) && !both.rereads(&a));
        assert_eq!(both.summary(), "content/a.md and 2 more");
    }

    #[test]
    fn a_renamed_folder_rereads_what_is_under_it() {
        let root = Path::new("/s");
        let plan = Plan::for_changes(root, &[Change::Content(root.join("content/old"))]);
        assert!(plan.rereads(&root.join("content/old/a.md")));
        assert!(!plan.rereads(&root.join("content/older/a.md")));
    }

    #[test]
    fn templates_recompile_statics_copy_config_rebuilds_everything() {
        let root = Path::new("/s");
        let template =
            Plan::for_changes(root, &[Change::Template(root.join("templates/page.html"))]);
        assert!(template.theme && !template.relist && !template.everything);
        let css = root.join("static/site.css");
        let copy = Plan::for_changes(root, &[Change::Static(css.clone())]);
        assert!(copy.recopies(&css) && !copy.theme && !copy.rereads(&root.join("content/a.md")));
        let config = Plan::for_changes(root, &[Change::Config, Change::Config]);
        assert!(config.everything && config.rereads(&root.join("content/a.md")));
        assert_eq!(config.summary(), "credo.yaml");
    }
}
