//! Refs: naming a page by its path under `content/` (without `.md`) or by its
//! bare file stem when that is unique (SPEC §4).
//!
//! The [`RefIndex`] is built once per site; each lookup is a hash-map probe, so
//! resolving every link of a large site stays linear.

use std::collections::{HashMap, HashSet};

use super::Target;

/// Why a ref did not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefError {
    /// Nothing has that name; `suggestion` is the closest ref, if any.
    NotFound {
        /// The closest known ref.
        suggestion: Option<String>,
    },
    /// A bare stem names several pages.
    Ambiguous(Vec<String>),
    /// The ref climbs out of `content/` with `..`.
    Escapes,
    /// The ref names a draft, which this build leaves out.
    Draft,
    /// The ref names a file that could not be read or whose front matter
    /// could not be split: its own error says why, so this one is not
    /// reported again.
    Unreadable,
}

impl RefError {
    /// A one-sentence message for a ref `name`.
    pub(crate) fn message(&self, name: &str) -> String {
        match self {
            RefError::NotFound { .. } => {
                format!("unresolved ref `{name}`: no page has that path or name")
            }
            RefError::Ambiguous(candidates) => format!(
                "ambiguous ref `{name}`: it could be {}",
                candidates
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            RefError::Escapes => {
                format!("ref `{name}` leaves content/; refs name pages inside the site")
            }
            RefError::Draft => {
                format!("ref `{name}` names a draft page, which this build leaves out")
            }
            RefError::Unreadable => {
                format!("ref `{name}` names a page that could not be read")
            }
        }
    }

    /// A suggestion, if there is one.
    pub(crate) fn hint(&self) -> Option<String> {
        match self {
            RefError::NotFound {
                suggestion: Some(s),
            } => Some(format!("did you mean `{s}`?")),
            RefError::Ambiguous(_) => {
                Some("write the full path under content/ to choose one".into())
            }
            RefError::Draft => {
                Some("build with --drafts, or remove `draft: true` from that page".into())
            }
            RefError::NotFound { suggestion: None } => Some(
                "name a page by its path under content/ without `.md` (`principles/listen-first`), or by its file name when no other page has it".into(),
            ),
            RefError::Escapes => Some(
                "a ref is read from the top of content/; link to anything outside the site by its full URL".into(),
            ),
            RefError::Unreadable => Some("fix the error reported for that page first".into()),
        }
    }

    /// The diagnostic code.
    pub(crate) fn code(&self) -> crate::diagnostic::Code {
        match self {
            RefError::NotFound { .. } => crate::diagnostic::Code::BrokenRef,
            RefError::Ambiguous(_) => crate::diagnostic::Code::AmbiguousRef,
            RefError::Escapes => crate::diagnostic::Code::RefOutsideContent,
            RefError::Draft => crate::diagnostic::Code::RefToDraft,
            RefError::Unreadable => crate::diagnostic::Code::BrokenRef,
        }
    }
}

/// Every name a page or section can be reached by.
#[derive(Debug, Default, Clone)]
pub struct RefIndex {
    by_path: HashMap<String, Target>,
    by_stem: HashMap<String, Vec<(String, Target)>>,
    /// Drafts this build leaves out.
    drafts: LeftOut,
    /// Files that could not be read, or whose front matter could not be
    /// told from their body.
    unreadable: LeftOut,
}

/// Pages the site does not hold, by ref path and by stem, so that a ref or
/// link to one says why it does not resolve.
#[derive(Debug, Default, Clone)]
struct LeftOut {
    /// Ref paths and stems: what a ref may name.
    names: HashSet<String>,
    /// Ref paths alone: what a relative link names.
    paths: HashSet<String>,
}

impl LeftOut {
    fn insert(&mut self, ref_path: &str) {
        self.names.insert(ref_path.to_string());
        self.paths.insert(ref_path.to_string());
        let stem = ref_path.rsplit('/').next().unwrap_or(ref_path);
        self.names.insert(stem.to_string());
    }

    /// Whether the page at `path` (under `content/`, without `.md`), or
    /// the folder page there, is left out, or a folder it is in (a
    /// symbolic link to a folder outside the site).
    fn has_path(&self, path: &str) -> bool {
        let path = path.trim_end_matches('/');
        let in_left_out_folder = path
            .match_indices('/')
            .any(|(at, _)| self.paths.contains(&path[..at]));
        in_left_out_folder
            || ["", "/_index", "/README", "/index"]
                .iter()
                .any(|file| self.paths.contains(&format!("{path}{file}")))
    }
}

impl RefIndex {
    /// Records `target` under its full ref path (`principles/a`, `principles/_index`).
    pub fn insert(&mut self, ref_path: &str, target: Target) {
        self.by_path.insert(ref_path.to_string(), target);
        let stem = ref_path.rsplit('/').next().unwrap_or(ref_path);
        self.by_stem
            .entry(stem.to_string())
            .or_default()
            .push((ref_path.to_string(), target));
    }

    /// Records another full path of `target` (not a bare stem): the file a
    /// folder's own page came from (`guide/README`, `guide/index`).
    pub(crate) fn insert_path(&mut self, path: &str, target: Target) {
        self.by_path.entry(path.to_string()).or_insert(target);
    }

    /// Remembers a draft's ref path, so a ref to it gets a precise message.
    pub(crate) fn insert_draft(&mut self, ref_path: &str) {
        self.drafts.insert(ref_path);
    }

    /// Remembers a folder this build leaves out because it holds drafts
    /// alone: a ref or link to it, as to its section, says so.
    pub(crate) fn insert_draft_folder(&mut self, folder: &str) {
        self.drafts.insert(&format!("{folder}/_index"));
        self.drafts.names.insert(folder.to_string());
    }

    /// Resolves a ref as written in front matter or `[[...]]`.
    pub fn lookup(&self, name: &str) -> Result<Target, RefError> {
        let name = name.trim().trim_start_matches('/').trim_end_matches(".md");
        let name = normalise(name).ok_or(RefError::Escapes)?;
        if let Some(target) = self.by_path.get(&name) {
            return Ok(*target);
        }
        // `principles` and `principles/` name the section as well.
        if let Some(target) = self.by_path.get(&format!("{name}/_index")) {
            return Ok(*target);
        }
        if !name.contains('/') {
            match self.by_stem.get(&name).map(Vec::as_slice) {
                Some([(_, target)]) => return Ok(*target),
                Some(many) if many.len() > 1 => {
                    let mut names: Vec<String> = many.iter().map(|(p, _)| p.clone()).collect();
                    names.sort();
                    return Err(RefError::Ambiguous(names));
                }
                _ => {}
            }
        }
        if self.drafts.names.contains(&name) {
            return Err(RefError::Draft);
        }
        if self.unreadable.names.contains(&name) {
            return Err(RefError::Unreadable);
        }
        Err(RefError::NotFound {
            suggestion: self.suggest(&name),
        })
    }

    /// Remembers a file that could not be read (`scenarios/refund`), so a
    /// ref or link to it is not a second error.
    pub(crate) fn insert_unreadable(&mut self, ref_path: &str) {
        self.unreadable.insert(ref_path);
    }

    /// Whether `path` (under `content/`, without `.md`) names a file that
    /// could not be read.
    pub(crate) fn is_unreadable(&self, path: &str) -> bool {
        self.unreadable.has_path(path)
    }

    /// Whether `path` (under `content/`, without `.md`) is a draft page this
    /// build leaves out.
    pub(crate) fn is_draft(&self, path: &str) -> bool {
        self.drafts.has_path(path)
    }

    /// Whether `path` is a folder this build leaves out because it holds
    /// drafts alone (recorded as its `_index`, which no section page can be
    /// as a draft).
    pub(crate) fn is_draft_folder(&self, path: &str) -> bool {
        let path = path.trim_end_matches('/');
        (self.drafts.paths).contains(&format!("{path}/_index"))
    }

    /// The page or section at exactly this path under `content/` (no
    /// bare stems): `principles/a`, `principles` or `principles/` (its
    /// section), `guide/README` (the file a folder's page came from).
    pub(crate) fn lookup_path(&self, path: &str) -> Option<Target> {
        let path = path.trim_end_matches('/');
        self.by_path
            .get(path)
            .or_else(|| self.by_path.get(&format!("{path}/_index")))
            .copied()
    }

    /// The page path that is `path` in another case (`sub/A` → `sub/a`).
    pub(crate) fn path_in_other_case(&self, path: &str) -> Option<&str> {
        let path = path.trim_end_matches('/');
        self.by_path
            .keys()
            .filter(|k| {
                k.eq_ignore_ascii_case(path) || k.eq_ignore_ascii_case(&format!("{path}/_index"))
            })
            .min()
            .map(|k| k.trim_end_matches("/_index"))
    }

    fn suggest(&self, name: &str) -> Option<String> {
        self.by_path
            .keys()
            .map(|k| (strsim::jaro_winkler(name, k), k))
            .chain(
                self.by_stem
                    .iter()
                    .filter(|(_, v)| v.len() == 1)
                    .map(|(k, _)| (strsim::jaro_winkler(name, k), k)),
            )
            .filter(|(score, _)| *score > 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, k)| k.clone())
    }
}

/// Resolves `.` and `..` segments of a `/`-separated path; `None` when the path
/// climbs above its root.
pub fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if joined.is_ascii() {
        return Some(joined);
    }
    Some(crate::load::nfc(&joined))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> RefIndex {
        let mut i = RefIndex::default();
        i.insert("principles/_index", Target::Section(1));
        i.insert("principles/arrive-early", Target::Page(0));
        i.insert("a/dup", Target::Page(1));
        i.insert("b/dup", Target::Page(2));
        i.insert_draft("wip/secret");
        i
    }

    #[test]
    fn full_paths_stems_and_sections() {
        let i = index();
        assert_eq!(i.lookup("principles/arrive-early"), Ok(Target::Page(0)));
        assert_eq!(i.lookup("arrive-early"), Ok(Target::Page(0)));
        assert_eq!(i.lookup("principles/_index"), Ok(Target::Section(1)));
        assert_eq!(i.lookup("principles"), Ok(Target::Section(1)));
    }

    #[test]
    fn failures_say_why() {
        let i = index();
        assert_eq!(
            i.lookup("dup"),
            Err(RefError::Ambiguous(vec!["a/dup".into(), "b/dup".into()]))
        );
        assert_eq!(i.lookup("../../etc/passwd"), Err(RefError::Escapes));
        assert_eq!(i.lookup("secret"), Err(RefError::Draft));
        assert_eq!(
            i.lookup("arive-early"),
            Err(RefError::NotFound {
                suggestion: Some("arrive-early".into())
            })
        );
    }
}
