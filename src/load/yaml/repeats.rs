//! A key written twice in one mapping: at the top level of a block, inside
//! a nested mapping (which serde reports at the mapping's start), or inside
//! a free-form one such as `extra:` (which its map reader takes in silence).

use super::YamlBlock;
use crate::diagnostic::{Code, Diagnostic};

impl YamlBlock<'_> {
    /// A key written twice inside one of the block's free-form mappings
    /// (`extra`, `strings`, `lints`, `owners`), which their maps' readers
    /// take in silence. Only a block that has one is read again.
    pub(super) fn repeat_in_free_mapping(&self) -> Option<Diagnostic> {
        const FREE: [&str; 4] = ["extra", "strings", "lints", "owners"];
        if !self.keys.iter().any(|k| FREE.contains(&k.name.as_str())) {
            return None;
        }
        let e = serde_yaml::from_str::<serde_yaml::Value>(self.text).err()?;
        e.to_string()
            .contains("duplicate entry with key")
            .then(|| self.error_from_serde(&e, 0))
    }

    /// The top-level keys written again: (0-based line of the first,
    /// index in `keys` of the repeat), in order.
    pub(super) fn repeated_keys(&self) -> Vec<(usize, usize)> {
        (self.keys.iter().enumerate())
            .filter_map(|(i, key)| {
                let first = self.keys[..i].iter().find(|k| k.name == key.name)?;
                Some((first.line, i))
            })
            .collect()
    }

    /// The error for a key written a second time in one mapping, at the
    /// repeat: `within` names the mapping when it is not the top level;
    /// lines are 0-based within the block, `col` 0-based.
    pub(super) fn repeated_key(
        &self,
        name: &str,
        within: Option<&str>,
        first: usize,
        again: usize,
        col: usize,
    ) -> Diagnostic {
        let shown = match within {
            Some(path) => format!("`{name}` in `{path}`"),
            None => format!("`{name}`"),
        };
        Diagnostic::error(
            self.file,
            self.first_line + again,
            col + 1,
            Code::InvalidYaml,
            format!(
                "{shown} is written twice, on line {} and here; a key holds one value",
                self.first_line + first
            ),
        )
        .with_hint(format!(
            "keep one `{name}:` and delete the other, or merge their values into one"
        ))
    }

    /// serde's "duplicate entry with key" points at the start of the
    /// mapping, which is the first of the two: point at the second.
    /// `line` is the file line, `col` 1-based.
    pub(super) fn repeated_in_mapping(
        &self,
        message: &str,
        line: usize,
        col: usize,
    ) -> Option<Diagnostic> {
        let (within, rest) = match message.split_once(": duplicate entry with key ") {
            Some((path, rest)) => (Some(path), rest),
            None => (None, message.strip_prefix("duplicate entry with key ")?),
        };
        let name = rest.strip_prefix('"')?.strip_suffix('"')?;
        let start = line.checked_sub(self.first_line)?;
        let lines: Vec<&str> = self.text.lines().collect();
        let indent = col.checked_sub(1)?;
        let opening = lines.get(start)?;
        let keys: Vec<(usize, usize)> = if opening.get(indent..)?.starts_with('{') {
            // A flow mapping: `{x: 1, x: 2}`, the keys after `{` or `,`.
            let mut found = Vec::new();
            for (i, l) in lines.iter().enumerate().skip(start) {
                let from = if i == start { indent } else { 0 };
                for (at, _) in l[from..].match_indices(&format!("{name}:")) {
                    let before = l[..from + at].trim_end_matches(' ');
                    if before.ends_with(['{', ',']) || (i > start && before.is_empty()) {
                        found.push((i, l[..from + at].chars().count()));
                    }
                }
            }
            found
        } else {
            // A block mapping: the keys at its indentation, until a line
            // less indented ends it.
            let mut found = Vec::new();
            for (i, l) in lines.iter().enumerate().skip(start) {
                let depth = l.len() - l.trim_start_matches(' ').len();
                if i > start && !l.trim().is_empty() && depth < indent {
                    break;
                }
                let key = l.get(indent..).unwrap_or_default();
                // The mapping may start after a list item's `- `.
                if (depth == indent || i == start)
                    && (key.strip_prefix(name)).is_some_and(|after| after.starts_with(':'))
                {
                    found.push((i, indent));
                }
            }
            found
        };
        let (&(first, _), &(again, at)) = (keys.first()?, keys.get(1)?);
        Some(self.repeated_key(name, within, first, again, at))
    }
}
