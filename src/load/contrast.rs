//! An attitude page's `contrast` (SPEC §3): `{left: {title, points[]},
//! right: {title, points[]}}`, two columns set side by side.
//!
//! It is read as a YAML value and converted here, not by serde: serde stops
//! at the first entry that does not fit, and an author who wrote two wrong
//! points, or a typo in each column, is told of all of them at once, each at
//! its own line and column (SPEC §6). A contrast with any error is left out
//! of the page (as one serde could not read was), so the build fails on the
//! errors and nothing half-read is shown.

use serde_yaml::Value;

use super::vocabulary::{Column, Contrast};
use super::yaml::YamlBlock;
use crate::diagnostic::{Code, Diagnostic, did_you_mean};

const SIDES: [&str; 2] = ["left", "right"];
const COLUMN_KEYS: [&str; 2] = ["title", "points"];

/// The `contrast` value as written, checked; `None` when it has errors
/// (each pushed onto `errors`).
pub(crate) fn convert_contrast(
    value: &Value,
    block: &YamlBlock<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Contrast> {
    let before = errors.len();
    let Value::Mapping(map) = value else {
        errors.push(not_a_mapping(
            block,
            &[],
            "`left` and `right` columns",
            value,
        ));
        return None;
    };
    unknown_keys(map, &SIDES, block, &[], errors);
    let [left, right] = SIDES.map(|side| match map.get(side) {
        None | Some(Value::Null) => None,
        Some(column) => convert_column(side, column, block, errors),
    });
    let missing = (SIDES.iter()).find(|side| map.get(**side).is_none_or(Value::is_null));
    if let Some(side) = missing {
        let (line, col) = block.locate("contrast", None);
        errors.push(Diagnostic::error(
            block.file,
            line,
            col,
            Code::IncompleteContrast,
            format!("`contrast` needs both columns, `left` and `right`; `{side}` is missing"),
        ));
    }
    if errors.len() > before {
        return None;
    }
    let read = Contrast {
        left: left?,
        right: right?,
    };
    // The YAML value of a number holds its value only (`1.50` is 1.5,
    // `0x10` is 16); serde reads the text as written into a string.
    if has_number(value) {
        return Some(as_written(block).unwrap_or(read));
    }
    Some(read)
}

/// Whether a number is anywhere in `value`.
fn has_number(value: &Value) -> bool {
    match value {
        Value::Number(_) => true,
        Value::Sequence(items) => items.iter().any(has_number),
        Value::Mapping(map) => map.values().any(has_number),
        _ => false,
    }
}

/// The contrast of `block` read by serde, each scalar's text as written;
/// `None` when serde cannot read it (the checks above have passed, so it
/// can but for shapes they accept and it does not, such as an alias).
fn as_written(block: &YamlBlock<'_>) -> Option<Contrast> {
    #[derive(serde::Deserialize)]
    struct Page {
        contrast: Contrast,
    }
    serde_yaml::from_str::<Page>(block.text)
        .ok()
        .map(|page| page.contrast)
}

/// One column, `contrast.<side>`: `{title, points?}`.
fn convert_column(
    side: &str,
    value: &Value,
    block: &YamlBlock<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Column> {
    let Value::Mapping(map) = value else {
        errors.push(not_a_mapping(block, &[side], "`title` and `points`", value));
        return None;
    };
    let typo = unknown_keys(map, &COLUMN_KEYS, block, &[side], errors);
    let title = match map.get("title") {
        Some(v) => text(v).or_else(|| {
            errors.push(wrong_type(block, &[side, "title"], None, "text", v));
            None
        }),
        // A misspelt `title` is reported as the unknown key it is.
        None if typo => None,
        None => {
            let (line, col) = block.locate_path("contrast", &[side]);
            errors.push(
                Diagnostic::error(
                    block.file,
                    line,
                    col,
                    Code::MissingKey,
                    format!("contrast.{side}: missing field `title`"),
                )
                .with_hint(format!(
                    "give the column a heading: `title: \"...\"` below `{side}:`"
                )),
            );
            None
        }
    };
    let points = match map.get("points") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Sequence(points)) => {
            let read: Vec<Option<String>> = (points.iter().enumerate())
                .map(|(i, point)| {
                    text(point).or_else(|| {
                        errors.push(wrong_type(block, &[side, "points"], Some(i), "text", point));
                        None
                    })
                })
                .collect();
            read.into_iter().collect()
        }
        Some(other) => {
            errors.push(wrong_type(block, &[side, "points"], None, "a list", other));
            None
        }
    };
    Some(Column {
        title: title?,
        points: points?,
    })
}

/// A scalar read as text, as serde reads one into a string (`1984`,
/// `true`); `None` for nothing, a list or a mapping.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Reports every key of `map` not in `known`, at its own line; whether
/// there was one.
fn unknown_keys(
    map: &serde_yaml::Mapping,
    known: &[&str],
    block: &YamlBlock<'_>,
    path: &[&str],
    errors: &mut Vec<Diagnostic>,
) -> bool {
    let mut found = false;
    for key in map.keys() {
        let name = match key {
            Value::String(s) => s.clone(),
            other => text(other).unwrap_or_else(|| "?".to_string()),
        };
        if known.contains(&name.as_str()) {
            continue;
        }
        found = true;
        let mut at: Vec<&str> = path.to_vec();
        at.push(&name);
        let (line, col) = block.locate_path("contrast", &at);
        let hint = match did_you_mean(&name, known) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("known keys: {}", known.join(", ")),
        };
        errors.push(
            Diagnostic::error(
                block.file,
                line,
                col,
                Code::UnknownKey,
                format!("unknown key `{name}` in `{}`", dotted(path)),
            )
            .with_hint(hint),
        );
    }
    found
}

/// `contrast`, `contrast.left`, `contrast.left.points`.
fn dotted(path: &[&str]) -> String {
    std::iter::once("contrast")
        .chain(path.iter().copied())
        .collect::<Vec<_>>()
        .join(".")
}

fn not_a_mapping(block: &YamlBlock<'_>, path: &[&str], keys: &str, found: &Value) -> Diagnostic {
    let (line, col) = value_position(block, path);
    let name = path.last().copied().unwrap_or("contrast");
    Diagnostic::error(
        block.file,
        line,
        col,
        Code::InvalidYaml,
        format!(
            "{}: expected keys and values ({keys}), found {}",
            dotted(path),
            describe(found)
        ),
    )
    .with_hint(format!(
        "write one `name: value` per line below `{name}:`, indented"
    ))
}

/// `contrast.<path>` (its entry `index`, when given) is not `wanted`.
fn wrong_type(
    block: &YamlBlock<'_>,
    path: &[&str],
    index: Option<usize>,
    wanted: &str,
    found: &Value,
) -> Diagnostic {
    let name = path.last().copied().unwrap_or("contrast");
    let (shown, (line, col), hint) = match index {
        Some(i) => (
            format!("{}[{i}]", dotted(path)),
            entry_position(block, path, i),
            "a point is text; one holding `: `, or starting with `[` or `{`, is quoted: `- \"Price: on request\"`".to_string(),
        ),
        None if wanted == "a list" => (
            dotted(path),
            value_position(block, path),
            format!("write a list: `{name}: [first, second]`, or one `- item` per line below it"),
        ),
        None => (
            dotted(path),
            value_position(block, path),
            format!("write text: `{name}: \"...\"`"),
        ),
    };
    Diagnostic::error(
        block.file,
        line,
        col,
        Code::InvalidYaml,
        format!("{shown}: expected {wanted}, found {}", describe(found)),
    )
    .with_hint(hint)
}

/// A value in a reader's words, as errors about a wrong type show it.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {s:?}"),
        Value::Sequence(_) => "a list".to_string(),
        Value::Mapping(_) => "a mapping".to_string(),
        Value::Tagged(_) => "a tagged value".to_string(),
    }
}

/// The byte offset in the block of the key `contrast.<path>` when it is
/// written there (`None` when the text does not show it, as with a merge
/// `<<:`), and the byte just after its `:`.
fn key_offsets(block: &YamlBlock<'_>, path: &[&str]) -> Option<(usize, usize)> {
    let (line, col) = block.locate_path("contrast", path);
    let start: usize = (block.text.split_inclusive('\n'))
        .take(line.checked_sub(block.first_line)?)
        .map(str::len)
        .sum();
    let text = block.text.get(start..)?;
    let at = start + text.char_indices().nth(col.checked_sub(1)?)?.0;
    let name = path.last().copied().unwrap_or("contrast");
    // A key may be quoted (`"left": ...`).
    let rest = block.text.get(at..)?.trim_start_matches(['"', '\'']);
    if !rest.starts_with(name) {
        return None;
    }
    let colon = at + block.text.get(at..)?.find(':')? + 1;
    Some((at, colon))
}

/// Where the value of `contrast.<path>` starts: on its key's line after
/// the `:`, else the key itself (a block written on the lines below).
fn value_position(block: &YamlBlock<'_>, path: &[&str]) -> (usize, usize) {
    let Some((key, colon)) = key_offsets(block, path) else {
        return block.locate_path("contrast", path);
    };
    let rest = block.text.get(colon..).unwrap_or_default();
    let line = rest.split('\n').next().unwrap_or_default();
    let value = line.trim_start_matches([' ', '\t']);
    if value.is_empty() || value.starts_with('#') {
        block.position(key)
    } else {
        block.position(colon + line.len() - value.len())
    }
}

/// Where entry `index` of the list `contrast.<path>` starts: in a flow list
/// (`points: [a, {b: 1}]`, on one line or several), the entry's first
/// character; in a block list, the text after its `- `.
fn entry_position(block: &YamlBlock<'_>, path: &[&str], index: usize) -> (usize, usize) {
    let fallback = value_position(block, path);
    let Some((key, colon)) = key_offsets(block, path) else {
        return fallback;
    };
    let text = block.text;
    let after = text.get(colon..).unwrap_or_default();
    let value = after.trim_start_matches([' ', '\t']);
    let found = if value.starts_with('[') {
        flow_entries(text, text.len() - value.len())
            .get(index)
            .copied()
    } else {
        block_entries(text, key).get(index).copied()
    };
    found.map_or(fallback, |at| block.position(at))
}

/// The byte offsets at which the entries of the flow list opened at byte
/// `open` of `text` start.
fn flow_entries(text: &str, open: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut expecting = false;
    let mut chars = text
        .get(open..)
        .unwrap_or_default()
        .char_indices()
        .peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            if c == q {
                // `''` inside single quotes is one quote, not the end.
                if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            } else if c == '\\' && q == '"' {
                chars.next();
            }
            continue;
        }
        if expecting && depth == 1 && !c.is_whitespace() && c != ']' {
            starts.push(open + i);
            expecting = false;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '[' | '{' => {
                depth += 1;
                expecting = depth == 1;
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    starts
}

/// The byte offsets at which the entries of the block list below the key
/// at byte `key` start: each `- ` line of the list's indentation, at the
/// text after the dash (at the dash when the entry goes on below it).
fn block_entries(text: &str, key: usize) -> Vec<usize> {
    let line_start = text
        .get(..key)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let key_indent = key - line_start;
    let Some(next) = text.get(key..).and_then(|t| t.find('\n')) else {
        return Vec::new();
    };
    let mut offset = key + next + 1;
    let mut indent = None;
    let mut starts = Vec::new();
    for line in text.get(offset..).unwrap_or_default().split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let content = line.trim_start_matches(' ');
        let depth = line.len() - content.len();
        let body = content.trim_end();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let dash = body == "-" || body.starts_with("- ");
        // A list may stand at its key's own indentation (`points:` then
        // `- a` below it); anything else that far out ends it.
        if depth < key_indent || (depth == key_indent && !dash) {
            break;
        }
        if !dash || indent.is_some_and(|d| d != depth) {
            continue;
        }
        indent = Some(depth);
        let after = content[1..].len() - content[1..].trim_start_matches(' ').len();
        let at = if body == "-" { 0 } else { 1 + after };
        starts.push(here + depth + at);
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(yaml: &str) -> Vec<(usize, usize, String)> {
        let block = YamlBlock::new(yaml, "content/a.md", 2);
        let value: Value = serde_yaml::from_str(yaml).unwrap_or(Value::Null);
        let mut errors = Vec::new();
        let contrast = convert_contrast(&value["contrast"], &block, &mut errors);
        assert_eq!(contrast.is_some(), errors.is_empty());
        (errors.into_iter())
            .map(|d| (d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn a_well_formed_contrast_is_read() {
        let yaml =
            "contrast:\n  left: {title: 1984, points: [1, true, \"\"]}\n  right:\n    title: R\n";
        let block = YamlBlock::new(yaml, "content/a.md", 2);
        let value: Value = serde_yaml::from_str(yaml).unwrap_or(Value::Null);
        let mut errors = Vec::new();
        let c = convert_contrast(&value["contrast"], &block, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let c = c.unwrap_or_else(|| panic!("no contrast"));
        assert_eq!(c.left.title, "1984");
        assert_eq!(c.left.points, ["1", "true", ""]);
        assert!(c.right.points.is_empty());
    }

    /// serde read a number into text as written; the YAML value holds only
    /// its value, so `1.50` showed as `1.5` and `0x10` as `16`.
    #[test]
    fn numbers_are_shown_as_written() {
        let yaml = "title: A\ncontrast:\n  left: {title: 0x10, points: [1.50, 1e3, 007, 2]}\n  right:\n    title: 1.10\n    points:\n    - 0o17\n";
        let block = YamlBlock::new(yaml, "content/a.md", 2);
        let value: Value = serde_yaml::from_str(yaml).unwrap_or(Value::Null);
        let mut errors = Vec::new();
        let c = convert_contrast(&value["contrast"], &block, &mut errors);
        let c = c.unwrap_or_else(|| panic!("{errors:?}"));
        assert_eq!(c.left.title, "0x10");
        assert_eq!(c.left.points, ["1.50", "1e3", "007", "2"]);
        assert_eq!(c.right.title, "1.10");
        assert_eq!(c.right.points, ["0o17"]);
    }

    #[test]
    fn every_bad_point_is_found_in_block_and_flow_lists() {
        let found = errors(
            "contrast:\n  left:\n    title: L\n    points:\n    - ok\n    -\n      x: 1\n    - [a, b]\n  right: {title: R, points: [\"a, [b]\", {c: 1},\n      [d]]}\n",
        );
        assert_eq!(
            found,
            [
                (
                    7,
                    5,
                    "contrast.left.points[1]: expected text, found a mapping".to_string()
                ),
                (
                    9,
                    7,
                    "contrast.left.points[2]: expected text, found a list".to_string()
                ),
                (
                    10,
                    40,
                    "contrast.right.points[1]: expected text, found a mapping".to_string()
                ),
                (
                    11,
                    7,
                    "contrast.right.points[2]: expected text, found a list".to_string()
                ),
            ]
        );
    }

    #[test]
    fn shapes_and_keys_are_reported_where_written() {
        assert_eq!(
            errors("contrast: nope\n"),
            [(
                2,
                11,
                "contrast: expected keys and values (`left` and `right` columns), found the text \"nope\"".to_string()
            )]
        );
        let found = errors("contrast:\n  middle: 1\n  left: [a]\n  right:\n    points: x\n");
        assert_eq!(
            found,
            [
                (3, 3, "unknown key `middle` in `contrast`".to_string()),
                (
                    4,
                    9,
                    "contrast.left: expected keys and values (`title` and `points`), found a list"
                        .to_string()
                ),
                (5, 3, "contrast.right: missing field `title`".to_string()),
                (
                    6,
                    13,
                    "contrast.right.points: expected a list, found the text \"x\"".to_string()
                ),
            ]
        );
    }
}
