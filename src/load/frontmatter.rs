//! Front matter: split a page into its YAML block and body, and parse the block
//! into [`PageMeta`] or [`SectionMeta`] (SPEC §3).
//!
//! Both are strict: every unknown top-level key is reported with a hint, not
//! only the first. `checklist` and `steps` accept several shapes (a string or a
//! map), so they are read as YAML values and converted here, with errors that
//! point at the offending item's line; so is `contrast` (in `contrast.rs`),
//! so that every bad entry of it is reported, not only serde's first.

use std::collections::BTreeMap;

use serde::Deserialize;

pub use super::vocabulary::Kind;
pub(crate) use super::vocabulary::{ChecklistGroup, ChecklistItem, Contrast, Date, SortBy, Step};
use super::yaml::YamlBlock;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;

/// The front-matter keys of a page.
pub(crate) const PAGE_KEYS: &[&str] = &[
    "title",
    "summary",
    "kind",
    "number",
    "weight",
    "tags",
    "draft",
    "checklist",
    "principles",
    "values",
    "related",
    "contrast",
    "steps",
    "aliases",
    "owner",
    "reviewed",
    "changes",
    "acknowledge",
    "extra",
];

/// The front-matter keys of a section's `_index.md`.
pub(crate) const SECTION_KEYS: &[&str] = &[
    "title",
    "summary",
    "page_kind",
    "sort_by",
    "weight",
    "extra",
];

/// A page's front matter as written; every key may be missing (the
/// required `title` is checked by hand), so a block can be read key by key.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct RawPageMeta {
    title: Option<String>,
    summary: Option<String>,
    kind: Option<Kind>,
    number: Option<i64>,
    weight: Option<i64>,
    tags: Vec<String>,
    draft: bool,
    checklist: Vec<serde_yaml::Value>,
    principles: Vec<String>,
    values: Vec<String>,
    related: Vec<String>,
    contrast: Option<serde_yaml::Value>,
    steps: Vec<serde_yaml::Value>,
    aliases: Vec<String>,
    owner: Option<String>,
    reviewed: Option<String>,
    changes: Vec<serde_yaml::Value>,
    acknowledge: Option<bool>,
    extra: BTreeMap<String, serde_json::Value>,
}

/// A page's front matter, validated.
#[derive(Debug, Clone, Default)]
pub struct PageMeta {
    /// Page title.
    pub title: String,
    /// One-line statement.
    pub summary: Option<String>,
    /// The kind as written; the section's `page_kind` applies when absent.
    pub kind: Option<Kind>,
    /// A principle's number.
    pub number: Option<i64>,
    /// Ordering weight within the section, among its pages and, when it
    /// sorts by weight, among its weighed subsections too.
    pub weight: Option<i64>,
    /// Tags.
    pub tags: Vec<String>,
    /// Whether the page is a draft.
    pub draft: bool,
    /// The checklist, if any.
    pub checklist: Vec<ChecklistGroup>,
    /// Refs to principles this page applies.
    pub principles: Vec<String>,
    /// Refs to values this page expresses.
    pub values: Vec<String>,
    /// Refs to related pages.
    pub related: Vec<String>,
    /// The two columns of an attitude page.
    pub contrast: Option<Contrast>,
    /// The steps of a track.
    pub steps: Vec<Step>,
    /// Old URL paths that redirect here.
    pub aliases: Vec<String>,
    /// Who keeps the page true.
    pub owner: Option<String>,
    /// When the owner last confirmed the page.
    pub reviewed: Option<Date>,
    /// Its change history, newest first.
    pub changes: Vec<super::changes::Change>,
    /// Whether readers confirm they have read this version (as written;
    /// credo.yaml's `acknowledge` kinds apply when absent).
    pub acknowledge: Option<bool>,
    /// Free-form values for templates.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A section's `_index.md` front matter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SectionMeta {
    /// Section title; the folder name when absent.
    pub title: Option<String>,
    /// One-line statement.
    pub summary: Option<String>,
    /// The default kind of the section's pages.
    pub page_kind: Option<Kind>,
    /// How the section orders its pages; by weight when absent.
    pub sort_by: Option<SortBy>,
    /// Ordering weight among its sibling sections, and among the pages
    /// beside it when those are weighed too.
    pub weight: Option<i64>,
    /// Free-form values for templates.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A file split into front matter and body.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// The byte offset of `yaml` in the text.
    pub yaml_start: usize,
    /// Everything after the closing `---` line.
    pub body: &'a str,
    /// The 1-based file line on which the body starts.
    pub body_line: usize,
}

/// Splits `text` (LF line ends, no BOM) into front matter and body. A file with
/// no opening `---` has empty front matter; an unclosed block is an error.
pub fn split<'a>(text: &'a str, file: &str) -> Result<Split<'a>, Diagnostic> {
    // Trailing blanks after a `---` are invisible in an editor: allowed on
    // the opening line as on the closing one.
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    if first.trim_end() == "+++" {
        return Err(Diagnostic::error(
            file,
            1,
            1,
            Code::TomlFrontMatter,
            "this page starts with a TOML (`+++`) block; credo reads YAML front matter between `---` lines",
        )
        .with_hint(
            "`credo import SRC DIR` converts a Hugo or Zola site, TOML front matter included, into a credo site",
        ));
    }
    if first.trim_end() != "---" {
        return Ok(Split {
            yaml: "",
            yaml_start: 0,
            body: text,
            body_line: 1,
        });
    }
    let yaml_start = text.len() - rest.len();
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let body = &rest[offset + line.len()..];
            return Ok(Split {
                yaml: &rest[..offset],
                yaml_start,
                body,
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        file,
        1,
        1,
        Code::UnclosedFrontMatter,
        "front matter opened with `---` is never closed",
    )
    .with_hint("add a line `---` after the last front-matter key"))
}

/// Parses a page's front matter. Every problem found is returned beside
/// the best reading of the rest: a key in error is left at its default, so
/// the page keeps its place (refs to it resolve, its own links are checked)
/// while the build still fails on the errors.
pub fn parse_page(block: &YamlBlock<'_>) -> (PageMeta, Vec<Diagnostic>) {
    let (raw, mut errors): (RawPageMeta, _) = block.parse_keys(PAGE_KEYS, "page front matter");
    // A `title` that failed to parse (a list, a map) is reported already.
    let title_error = match raw.title.as_deref() {
        None if block.is_null("title") => Some(empty_title(block)),
        Some(t) if t.trim().is_empty() => Some(empty_title(block)),
        _ => None,
    };
    errors.extend(title_error);
    let checklist = convert_checklist(&raw.checklist, block, &mut errors);
    let steps = convert_steps(&raw.steps, block, &mut errors);
    let changes = super::changes::convert_changes(
        &raw.changes,
        block,
        crate::site::checks::today(),
        &mut errors,
    );
    let reviewed = raw.reviewed.as_deref().and_then(|s| {
        let date = Date::parse(s);
        if date.is_none() {
            let (line, col) = block.locate("reviewed", Some(s));
            errors.push(
                Diagnostic::error(
                    block.file,
                    line,
                    col,
                    Code::InvalidDate,
                    format!("`reviewed` must be a date written YYYY-MM-DD, not `{s}`"),
                )
                .with_hint("write a real day as year-month-day, `2026-03-31`"),
            );
        }
        date
    });
    let contrast = (raw.contrast.as_ref())
        .and_then(|c| super::contrast::convert_contrast(c, block, &mut errors));
    // An empty `summary` or `owner` (`description: ""`, as archetypes
    // write it) says nothing: it is read as not written, as other tools
    // read it, so an empty owner is a missing one for `require_owner`.
    let said = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
    let (summary, owner) = (said(raw.summary), said(raw.owner));
    for (key, list) in [
        ("tags", &raw.tags),
        ("aliases", &raw.aliases),
        ("principles", &raw.principles),
        ("values", &raw.values),
        ("related", &raw.related),
    ] {
        for (at, item) in list.iter().enumerate().filter(|(_, s)| s.trim().is_empty()) {
            // An empty entry is written `""` or `''`, inline or in a block.
            let written = ["\"\"", "''"]
                .into_iter()
                .find(|quotes| block.text.contains(quotes))
                .unwrap_or(item);
            let (line, col) = block.locate_entry(key, &[at], Some(written));
            errors.push(Diagnostic::error(
                block.file,
                line,
                col,
                Code::EmptyValue,
                format!("`{key}` holds an empty entry"),
            ));
        }
    }
    let meta = PageMeta {
        title: raw.title.unwrap_or_default(),
        summary,
        kind: raw.kind,
        number: raw.number,
        weight: raw.weight,
        tags: raw.tags,
        draft: raw.draft,
        checklist,
        // An empty entry is reported above, once: not again as a ref that
        // names nothing or an alias outside the site.
        principles: without_empty(raw.principles),
        values: without_empty(raw.values),
        related: without_empty(raw.related),
        contrast,
        steps,
        aliases: without_empty(raw.aliases),
        owner,
        reviewed,
        changes,
        acknowledge: raw.acknowledge,
        extra: raw.extra,
    };
    (meta, errors)
}

/// The entries of a list that hold something.
fn without_empty(list: Vec<String>) -> Vec<String> {
    list.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

fn empty_title(block: &YamlBlock<'_>) -> Diagnostic {
    let (line, col) = block.locate("title", None);
    Diagnostic::error(block.file, line, col, Code::EmptyTitle, "`title` is empty")
        .with_hint("write the title, or remove the key: the first `# heading`, else the file's name, titles a page without one")
}

/// Parses the front matter of a section's page (its `_index.md`, or the
/// `index.md` or `README.md` of a folder with pages).
pub fn parse_section(block: &YamlBlock<'_>) -> (SectionMeta, Vec<Diagnostic>) {
    let name = block.file.rsplit('/').next().unwrap_or("_index.md");
    block.parse_keys(SECTION_KEYS, &format!("section front matter ({name})"))
}

/// An error about the entry `at` of the list `key` (see
/// [`YamlBlock::locate_entry`]), at `near` within it when given.
fn item_error(
    block: &YamlBlock<'_>,
    key: &str,
    at: &[usize],
    near: Option<&str>,
    message: String,
) -> Diagnostic {
    let (line, col) = block.locate_entry(key, at, near);
    Diagnostic::error(block.file, line, col, Code::InvalidItem, message)
}

fn get_str(
    map: &serde_yaml::Mapping,
    key: &str,
    block: &YamlBlock<'_>,
    errors: &mut Vec<Diagnostic>,
    list_key: &str,
    at: &[usize],
) -> Option<String> {
    match map.get(key)? {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => {
            errors.push(item_error(
                block,
                list_key,
                at,
                Some(key),
                format!("`{key}` in `{list_key}` must be a string"),
            ));
            None
        }
    }
}

fn check_map_keys(
    map: &serde_yaml::Mapping,
    allowed: &[&str],
    block: &YamlBlock<'_>,
    list_key: &str,
    at: &[usize],
    errors: &mut Vec<Diagnostic>,
) -> bool {
    let mut ok = true;
    for key in map.keys() {
        let name = key.as_str().unwrap_or("?");
        if !allowed.contains(&name) {
            ok = false;
            let mut d = item_error(
                block,
                list_key,
                at,
                Some(name),
                format!("unknown key `{name}` in a `{list_key}` item"),
            );
            d.code = Code::UnknownKey;
            if let Some(best) = crate::diagnostic::did_you_mean(name, allowed) {
                d = d.with_hint(format!("did you mean `{best}`?"));
            } else {
                d = d.with_hint(format!("known keys: {}", allowed.join(", ")));
            }
            errors.push(d);
        }
    }
    ok
}

/// Whether `value` is a checklist as credo reads one (`credo import` keeps
/// such a `checklist:` where a source already wrote it).
pub(crate) fn is_checklist(value: &serde_yaml::Value) -> bool {
    let serde_yaml::Value::Sequence(entries) = value else {
        return false;
    };
    let Ok(text) = serde_yaml::to_string(value) else {
        return false;
    };
    let block = YamlBlock::new(&text, "", 1);
    let mut errors = Vec::new();
    let groups = convert_checklist(entries, &block, &mut errors);
    errors.is_empty() && !groups.is_empty()
}

fn convert_checklist(
    entries: &[serde_yaml::Value],
    block: &YamlBlock<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<ChecklistGroup> {
    let mut groups: Vec<ChecklistGroup> = Vec::new();
    let mut loose = Vec::new();
    for (g, entry) in entries.iter().enumerate() {
        if let Some(map) = entry.as_mapping().filter(|m| m.contains_key("group")) {
            if !check_map_keys(map, &["group", "items"], block, "checklist", &[g], errors) {
                continue;
            }
            let title = get_str(map, "group", block, errors, "checklist", &[g]);
            let items = match map.get("items") {
                Some(serde_yaml::Value::Sequence(items)) => items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| convert_item(item, block, &[g, i], errors))
                    .collect(),
                _ => {
                    errors.push(item_error(
                        block,
                        "checklist",
                        &[g],
                        None,
                        "a checklist group needs `items`, a list".to_string(),
                    ));
                    Vec::new()
                }
            };
            if !loose.is_empty() {
                groups.push(ChecklistGroup {
                    group: None,
                    items: std::mem::take(&mut loose),
                });
            }
            groups.push(ChecklistGroup {
                group: title,
                items,
            });
        } else if let Some(item) = convert_item(entry, block, &[g], errors) {
            loose.push(item);
        }
    }
    if !loose.is_empty() {
        groups.push(ChecklistGroup {
            group: None,
            items: loose,
        });
    }
    dedupe_item_ids(&mut groups, block, errors);
    groups
}

fn convert_item(
    value: &serde_yaml::Value,
    block: &YamlBlock<'_>,
    at: &[usize],
    errors: &mut Vec<Diagnostic>,
) -> Option<ChecklistItem> {
    match value {
        serde_yaml::Value::String(text) => Some(ChecklistItem {
            id: item_id(text),
            text: text.clone(),
            detail: None,
        }),
        serde_yaml::Value::Mapping(map) => {
            if !check_map_keys(
                map,
                &["text", "detail", "id"],
                block,
                "checklist",
                at,
                errors,
            ) {
                return None;
            }
            let Some(text) = get_str(map, "text", block, errors, "checklist", at) else {
                errors.push(item_error(
                    block,
                    "checklist",
                    at,
                    None,
                    "a checklist item needs `text`".to_string(),
                ));
                return None;
            };
            let id = get_str(map, "id", block, errors, "checklist", at)
                .map(|id| item_id(&id))
                .unwrap_or_else(|| item_id(&text));
            Some(ChecklistItem {
                detail: get_str(map, "detail", block, errors, "checklist", at),
                id,
                text,
            })
        }
        _ => {
            errors.push(item_error(
                block,
                "checklist",
                at,
                None,
                "a checklist item is a string, `{text, detail?, id?}` or `{group, items}`"
                    .to_string(),
            ));
            None
        }
    }
}

/// Two items with the same text would share their tick; the second gets a
/// suffix, and an explicit duplicate `id` is an error.
fn dedupe_item_ids(
    groups: &mut [ChecklistGroup],
    block: &YamlBlock<'_>,
    errors: &mut Vec<Diagnostic>,
) {
    let mut seen = std::collections::HashSet::new();
    // How many items so far took each id.
    let mut uses: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for item in groups.iter_mut().flat_map(|g| g.items.iter_mut()) {
        let used = uses.entry(item.id.clone()).or_default();
        *used += 1;
        let nth = *used;
        if seen.insert(item.id.clone()) {
            continue;
        }
        let base = item.id.clone();
        let mut n = 2;
        while !seen.insert(format!("{base}-{n}")) {
            n += 1;
        }
        item.id = format!("{base}-{n}");
        // An explicit `id:` repeated is an error at the repeat; the same text
        // twice is not.
        let written = written_ids(block.text, &base);
        if !written.is_empty() {
            let message = format!("checklist item id `{base}` is used twice");
            errors.push(match written.get(nth - 1).or(written.last()) {
                Some(&at) => {
                    let (line, col) = block.position(at);
                    Diagnostic::error(block.file, line, col, Code::InvalidItem, message)
                }
                None => item_error(block, "checklist", &[], Some(&base), message),
            });
        }
    }
}

/// Where `id: ID` is written in `yaml` (bare, "double" or 'single' quoted):
/// the byte offsets of each `id`, in order.
fn written_ids(yaml: &str, id: &str) -> Vec<usize> {
    let mut found: Vec<usize> = ["", "\"", "'"]
        .iter()
        .flat_map(|q| {
            let written = format!("id: {q}{id}{q}");
            yaml.match_indices(&written)
                .filter(|(at, w)| {
                    let before = yaml[..*at].chars().next_back();
                    let after = yaml[at + w.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
                })
                .map(|(at, _)| at)
                .collect::<Vec<_>>()
        })
        .collect();
    found.sort_unstable();
    found
}

/// A stable id from a checklist item's text: a slug, so that reordering the
/// items keeps each reader's ticks.
pub(crate) fn item_id(text: &str) -> String {
    let slug = crate::markdown::slugify(text);
    if slug.is_empty() {
        "item".to_string()
    } else {
        slug.chars()
            .take(64)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string()
    }
}

fn convert_steps(
    entries: &[serde_yaml::Value],
    block: &YamlBlock<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Step> {
    entries
        .iter()
        .enumerate()
        .filter_map(|(i, entry)| match entry {
            serde_yaml::Value::String(target) => Some(Step {
                target: target.clone(),
                note: None,
            }),
            serde_yaml::Value::Mapping(map) => {
                if !check_map_keys(map, &["ref", "note"], block, "steps", &[i], errors) {
                    return None;
                }
                let target = get_str(map, "ref", block, errors, "steps", &[i]);
                if target.is_none() {
                    errors.push(item_error(
                        block,
                        "steps",
                        &[i],
                        None,
                        "a step needs `ref`, the page to read".to_string(),
                    ));
                }
                Some(Step {
                    target: target?,
                    note: get_str(map, "note", block, errors, "steps", &[i]),
                })
            }
            _ => {
                errors.push(item_error(
                    block,
                    "steps",
                    &[i],
                    None,
                    "a step is a ref or `{ref, note?}`".to_string(),
                ));
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(yaml: &str) -> Result<PageMeta, Vec<Diagnostic>> {
        match parse_page(&YamlBlock::new(yaml, "content/p.md", 2)) {
            (meta, errors) if errors.is_empty() => Ok(meta),
            (_, errors) => Err(errors),
        }
    }

    #[test]
    fn split_finds_body_line() {
        let s = split("---\ntitle: x\n---\n# Hi\n", "f").unwrap();
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "# Hi\n");
        assert_eq!(s.body_line, 4);
        assert!(split("---\ntitle: x\n", "f").is_err());
        assert_eq!(split("no front matter", "f").unwrap().body_line, 1);
    }

    #[test]
    fn checklist_shapes_and_ids() {
        let m = page(
            "title: t\nchecklist:\n  - Confirm the time\n  - {text: Read notes, id: notes}\n  - group: Later\n    items: [Send thanks]\n",
        )
        .unwrap();
        assert_eq!(m.checklist.len(), 2);
        assert_eq!(m.checklist[0].items[0].id, "confirm-the-time");
        assert_eq!(m.checklist[0].items[1].id, "notes");
        assert_eq!(m.checklist[1].group.as_deref(), Some("Later"));
    }

    #[test]
    fn a_duplicate_item_id_is_an_error_however_it_is_quoted() {
        for quote in ["", "\"", "'"] {
            let e = page(&format!(
                "title: t\nchecklist:\n  - {{text: A, id: {quote}x{quote}}}\n  - {{text: B, id: {quote}x{quote}}}\n"
            ))
            .unwrap_err();
            assert_eq!(
                e[0].message, "checklist item id `x` is used twice",
                "{quote}"
            );
            // At the repeat's `id`, line 5 of the file.
            assert_eq!((e[0].line, e[0].column), (5, 15), "{quote}");
        }
        // Not at a word that happens to be the id, nor at a longer id.
        let e = page(
            "title: t\nchecklist:\n  - {text: Book a room, id: room}\n  - {text: R, id: room2}\n  - {text: Send notes, id: room}\n",
        )
        .unwrap_err();
        assert_eq!((e[0].line, e[0].column), (6, 24));
    }

    #[test]
    fn item_errors_point_at_the_item_line() {
        let e = page("title: t\nchecklist:\n  - ok\n  - {txt: bad}\n").unwrap_err();
        assert_eq!(
            (e[0].line, e[0].message.as_str()),
            (5, "unknown key `txt` in a `checklist` item")
        );
        assert_eq!(e[0].hint.as_deref(), Some("did you mean `text`?"));
    }

    #[test]
    fn dates_are_checked() {
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert_eq!(
            Date::parse("1970-01-02").map(Date::days_since_epoch),
            Some(1)
        );
        let e = page("title: t\nreviewed: 2026-13-01\n").unwrap_err();
        assert_eq!(e[0].line, 3);
    }

    #[test]
    fn an_empty_title_is_reported_beside_other_errors() {
        let e = page("title: ~\nweight: x\n").unwrap_err();
        let found: Vec<(usize, &str)> = e.iter().map(|d| (d.line, d.code.as_str())).collect();
        assert!(found.contains(&(2, "empty-title")), "{e:?}");
        assert_eq!(e.len(), 2, "{e:?}");
        let e = page("title:\nnumber: 1.5\n").unwrap_err();
        assert!(e.iter().any(|d| d.code == "empty-title"), "{e:?}");
        // A title of the wrong type is one error, not two.
        let e = page("title: [a, b]\nweight: x\n").unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e.iter().all(|d| d.code != "empty-title"), "{e:?}");
    }

    #[test]
    fn contrast_needs_both_columns() {
        let e = page("title: t\ncontrast:\n  left: {title: A, points: [x]}\n").unwrap_err();
        assert_eq!(e[0].code, "incomplete-contrast");
        assert_eq!(e[0].line, 3);
    }
}
