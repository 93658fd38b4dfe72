//! A page's change history, `changes:` in its front matter (issue 23):
//! a list of `{date: YYYY-MM-DD, note, material?}`, newest first.
//! `material` (default true) says whether readers who acknowledged or
//! completed the page must look again; a typo fix is simply not recorded.
//!
//! Every entry is checked where it is written: its shape, its date (a real
//! one, not in the future) and its place (newest first).

use serde::Serialize;

use super::frontmatter::Date;
use super::yaml::YamlBlock;
use crate::diagnostic::{Code, Diagnostic};

/// One recorded change of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// When it was made, `YYYY-MM-DD`.
    #[serde(serialize_with = "as_text")]
    pub date: Date,
    /// What changed, in a sentence.
    pub note: String,
    /// Whether readers must read (and acknowledge) the page again.
    pub material: bool,
}

fn as_text<S: serde::Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

/// The `changes` entries as written, checked as of `today`.
pub(crate) fn convert_changes(
    entries: &[serde_yaml::Value],
    block: &YamlBlock<'_>,
    today: Date,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let error = |near: Option<&str>, message: String| {
            let (line, col) = block.locate_entry("changes", &[i], near);
            Diagnostic::error(block.file, line, col, Code::InvalidItem, message)
        };
        let serde_yaml::Value::Mapping(map) = entry else {
            errors.push(error(
                None,
                "a `changes` entry is `{date: YYYY-MM-DD, note: \"...\", material: true|false}`"
                    .into(),
            ));
            continue;
        };
        let mut ok = true;
        const KEYS: [&str; 3] = ["date", "note", "material"];
        for key in map.keys() {
            let name = key.as_str().unwrap_or("?");
            if !KEYS.contains(&name) {
                ok = false;
                let mut d = error(
                    Some(name),
                    format!("unknown key `{name}` in a `changes` entry"),
                );
                d.code = Code::UnknownKey;
                let meant = crate::diagnostic::did_you_mean(name, &KEYS)
                    .map(|k| format!("did you mean `{k}`? "))
                    .unwrap_or_default();
                errors.push(
                    d.with_hint(format!("{meant}an entry has `date`, `note` and `material`")),
                );
            }
        }
        let text = |key: &str| match map.get(key) {
            Some(serde_yaml::Value::String(s)) if !s.trim().is_empty() => {
                Some(s.trim().to_string())
            }
            _ => None,
        };
        let date = match text("date") {
            Some(written) => match Date::parse(&written) {
                Some(date) if date > today => {
                    let mut d = error(
                        Some(&written),
                        format!("change dated {written} is in the future (today is {today})"),
                    );
                    d.code = Code::InvalidDate;
                    errors.push(d.with_hint("record a change on the day it is made"));
                    None
                }
                Some(date) => Some(date),
                None => {
                    let mut d = error(
                        Some(&written),
                        format!("`date` must be a date written YYYY-MM-DD, not `{written}`"),
                    );
                    d.code = Code::InvalidDate;
                    errors.push(d.with_hint("write a real day as year-month-day, `2026-03-31`"));
                    None
                }
            },
            None => {
                errors.push(error(
                    None,
                    "a `changes` entry needs a `date` (YYYY-MM-DD)".into(),
                ));
                None
            }
        };
        let note = text("note");
        if note.is_none() {
            errors.push(error(
                None,
                "a `changes` entry needs a `note` saying what changed".into(),
            ));
        }
        let material = match map.get("material") {
            None => true,
            Some(serde_yaml::Value::Bool(b)) => *b,
            Some(_) => {
                errors.push(error(
                    Some("material"),
                    "`material` is `true` or `false`".into(),
                ));
                ok = false;
                true
            }
        };
        let (Some(date), Some(note)) = (date, note) else {
            continue;
        };
        if let Some(newer) = changes.last().filter(|newer| newer.date < date) {
            errors.push(
                error(
                    Some(&date.to_string()),
                    format!(
                        "`changes` are listed newest first, but {date} comes after {}",
                        newer.date
                    ),
                )
                .with_hint("put the newest change at the top of the list"),
            );
        }
        if ok {
            changes.push(Change {
                date,
                note,
                material,
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> (Vec<Change>, Vec<Diagnostic>) {
        let block = YamlBlock::new(yaml, "content/a.md", 2);
        let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
        let entries = value["changes"].as_sequence().cloned().unwrap_or_default();
        let today = Date::parse("2026-12-04").unwrap();
        let mut errors = Vec::new();
        let changes = convert_changes(&entries, &block, today, &mut errors);
        (changes, errors)
    }

    #[test]
    fn entries_are_read_newest_first_with_material_by_default() {
        let (changes, errors) = parse(
            "changes:\n  - {date: 2026-11-02, note: Gifts over 50 EUR need approval}\n  - date: 2026-03-01\n    note: Typo in the example\n    material: false\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(changes.len(), 2);
        assert!(changes[0].material);
        assert!(!changes[1].material);
        assert_eq!(changes[1].date.to_string(), "2026-03-01");
    }

    #[test]
    fn future_dates_order_and_shape_are_errors_at_their_line() {
        let (_, errors) = parse(
            "changes:\n  - {date: 2026-01-01, note: a}\n  - {date: 2026-05-01, note: b}\n  - {date: 2027-01-01, note: c}\n  - {date: 2026-02-30, note: d}\n  - {note: e}\n  - {date: 2025-01-01, note: f, materiel: true}\n",
        );
        let found: Vec<(usize, &str)> = errors
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    4,
                    "`changes` are listed newest first, but 2026-05-01 comes after 2026-01-01"
                ),
                (
                    5,
                    "change dated 2027-01-01 is in the future (today is 2026-12-04)"
                ),
                (
                    6,
                    "`date` must be a date written YYYY-MM-DD, not `2026-02-30`"
                ),
                (7, "a `changes` entry needs a `date` (YYYY-MM-DD)"),
                (8, "unknown key `materiel` in a `changes` entry"),
            ]
        );
        assert_eq!(
            errors[4].hint.as_deref(),
            Some("did you mean `material`? an entry has `date`, `note` and `material`")
        );
    }
}
