//! `credo check --against OLD_HANDBOOK_JSON` (issue 23): compares the site
//! with a previous build's handbook.json (say the published one) and warns
//! `unrecorded-change` for each page whose source changed without a new
//! `changes:` entry; pages added and removed are listed.
//!
//! A page is matched by its `key` (ref path). Its change is recorded when
//! its newest `changes:` entry differs from the newest one the old build
//! had. An old handbook.json without versions (credo before this check)
//! has nothing to compare with: every page counts as unchanged.

use std::collections::HashMap;

use super::Site;
use crate::diagnostic::{Code, Diagnostic};

/// What changed against an old build.
#[derive(Debug, Default)]
pub(crate) struct Comparison {
    /// One `unrecorded-change` warning per page.
    pub warnings: Vec<Diagnostic>,
    /// Keys of pages the old build did not have, with their files.
    pub added: Vec<String>,
    /// Keys of pages the old build had and this one does not.
    pub removed: Vec<String>,
}

/// Compares `site` with `old`, a parsed handbook.json.
pub(crate) fn compare(site: &Site, old: &serde_json::Value) -> Comparison {
    let old_pages: HashMap<&str, &serde_json::Value> = old["pages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p["key"].as_str()?, p)))
        .collect();
    let mut comparison = Comparison::default();
    let mut seen = std::collections::HashSet::new();
    for page in &site.pages {
        let key = page.source.ref_path.as_str();
        seen.insert(key);
        let Some(before) = old_pages.get(key) else {
            comparison
                .added
                .push(format!("{key} ({})", page.source.file));
            continue;
        };
        let Some(old_version) = before["version"].as_str() else {
            continue;
        };
        if old_version == page.source.version {
            continue;
        }
        let newest_then = before["changes"]
            .as_array()
            .and_then(|c| c.first())
            .map(|c| {
                (
                    c["date"].as_str().unwrap_or_default(),
                    c["note"].as_str().unwrap_or_default(),
                )
            });
        let date = page.meta.changes.first().map(|c| c.date.to_string());
        let newest_now = page
            .meta
            .changes
            .first()
            .zip(date.as_deref())
            .map(|(c, d)| (d, c.note.as_str()));
        if newest_now.is_some() && newest_now != newest_then {
            continue;
        }
        let src = &page.source;
        let yaml = src.yaml();
        let (line, col) = if yaml.has_key("changes") {
            yaml.locate("changes", None)
        } else {
            (1, 1)
        };
        comparison.warnings.push(
            Diagnostic::warning(
                &src.file,
                line,
                col,
                Code::UnrecordedChange,
                format!(
                    "`{}` changed since the old build (version {old_version} → {}) with no new `changes:` entry",
                    page.meta.title, src.version
                ),
            )
            .with_source(&src.text)
            .with_hint(
                "record it: `changes: [{date: YYYY-MM-DD, note: \"...\", material: true|false}]` (newest first); a typo fix may stay unrecorded",
            ),
        );
    }
    comparison.removed = old_pages
        .keys()
        .filter(|k| !seen.contains(*k))
        .map(|k| k.to_string())
        .collect();
    comparison.removed.sort();
    comparison
}
