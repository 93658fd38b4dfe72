//! YAML blocks with positions: `credo.yaml` and every page's front matter.
//!
//! serde_yaml (the maintained `yaml_serde`) reports positions relative to the
//! YAML it was given; a [`YamlBlock`] knows on which line of the file the block
//! starts and adds it, so every diagnostic points at the line on disk. It also
//! indexes the top-level keys, which lets credo report every unknown key of a
//! block at once (serde stops at the first) and point an error about one key or
//! one list item at that key's or item's own line.

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, did_you_mean};

/// A top-level key of a YAML block and where it stands.
#[derive(Debug, Clone)]
struct KeyPos {
    name: String,
    /// 0-based line within the block.
    line: usize,
    /// 0-based character column.
    col: usize,
}

/// A YAML block inside a file, with its top-level keys located.
#[derive(Debug, Clone)]
pub struct YamlBlock<'a> {
    /// The YAML text (LF line ends).
    pub text: &'a str,
    /// The file's display path, relative to the site root.
    pub file: &'a str,
    /// The 1-based file line of the block's first line.
    pub first_line: usize,
    keys: Vec<KeyPos>,
}

impl<'a> YamlBlock<'a> {
    /// Indexes `text`, which starts on `first_line` of `file`.
    pub fn new(text: &'a str, file: &'a str, first_line: usize) -> Self {
        let keys = text
            .lines()
            .enumerate()
            .filter_map(|(line, l)| top_level_key(l).map(|name| (line, name)))
            .map(|(line, name)| KeyPos {
                name: name.to_string(),
                line,
                col: 0,
            })
            .collect();
        YamlBlock {
            text,
            file,
            first_line,
            keys,
        }
    }

    /// Reports every top-level key not in `known` (the caller decides whether
    /// free-form keys such as `extra` are allowed by listing them).
    pub fn unknown_keys(&self, known: &[&str], what: &str) -> Vec<Diagnostic> {
        self.keys
            .iter()
            .filter(|k| !known.contains(&k.name.as_str()))
            .map(|k| {
                let d = Diagnostic::error(
                    self.file,
                    self.first_line + k.line,
                    k.col + 1,
                    "unknown-key",
                    format!("unknown key `{}` in {what}", k.name),
                );
                match did_you_mean(&k.name, known) {
                    Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                    None => d.with_hint(format!("known keys: {}", known.join(", "))),
                }
            })
            .collect()
    }

    /// Deserialises the block, turning a serde error into a diagnostic at the
    /// right file line.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        // An empty block is an empty mapping, not YAML's `null`.
        let text = if self.text.trim().is_empty() {
            "{}"
        } else {
            self.text
        };
        serde_yaml::from_str(text).map_err(|e| self.error_from_serde(&e))
    }

    fn error_from_serde(&self, e: &serde_yaml::Error) -> Diagnostic {
        let message = clean_serde_message(&e.to_string());
        let (line, col) = match e.location() {
            Some(loc) => (self.first_line + loc.line() - 1, loc.column()),
            None => (self.first_line.saturating_sub(1).max(1), 1),
        };
        let (line, col) = self.prefer_key_line(&message, line, col);
        let mut d = Diagnostic::error(self.file, line, col, "invalid-yaml", message.clone());
        if let Some(hint) = hint_for(&message) {
            d = d.with_hint(hint);
        }
        d
    }

    /// A "missing field" error has no line of its own: serde points at the end
    /// of the block. The opening `---` is a better place to point at.
    fn prefer_key_line(&self, message: &str, line: usize, col: usize) -> (usize, usize) {
        if message.starts_with("missing field") {
            (self.first_line.saturating_sub(1).max(1), 1)
        } else {
            (line, col)
        }
    }

    /// The file position of `key`'s line, or of `needle` within the lines that
    /// belong to `key` when given (a list item, a ref). Falls back to the key,
    /// then to the block's first line.
    pub fn locate(&self, key: &str, needle: Option<&str>) -> (usize, usize) {
        let Some(index) = self.keys.iter().position(|k| k.name == key) else {
            return (self.first_line, 1);
        };
        let start = self.keys[index].line;
        let end = self
            .keys
            .get(index + 1)
            .map_or(usize::MAX, |next| next.line);
        if let Some(needle) = needle.filter(|n| !n.is_empty()) {
            for (i, l) in self.text.lines().enumerate().skip(start) {
                if i >= end {
                    break;
                }
                // On the key's own line, skip the key itself.
                let from = if i == start {
                    l.find(':').map_or(0, |c| c + 1)
                } else {
                    0
                };
                if let Some(pos) = l.get(from..).and_then(|rest| rest.find(needle)) {
                    let col = l[..from + pos].chars().count() + 1;
                    return (self.first_line + i, col);
                }
            }
        }
        (self.first_line + start, self.keys[index].col + 1)
    }
}

/// The key of a line such as `title: x` at indentation zero.
fn top_level_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if !(first.is_alphanumeric() || first == '_') {
        return None;
    }
    let colon = line.find(':')?;
    let key = &line[..colon];
    let after = &line[colon + 1..];
    let valid = key
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    (valid && (after.is_empty() || after.starts_with([' ', '\t']))).then_some(key)
}

/// serde_yaml appends " at line N column M" to messages; the diagnostic carries
/// the position already.
fn clean_serde_message(message: &str) -> String {
    let trimmed = match message.find(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    trimmed.to_string()
}

/// A hint for the common serde messages: "unknown variant `x`, expected one of ...".
fn hint_for(message: &str) -> Option<String> {
    let at = message.find("unknown variant `")?;
    let rest = &message[at + "unknown variant `".len()..];
    let unknown = &rest[..rest.find('`')?];
    let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
    did_you_mean(unknown, &expected).map(|best| format!("did you mean `{best}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_keys_are_found_with_their_lines() {
        let b = YamlBlock::new("title: x\n  nested: y\ntags: [a, b]\n", "f.md", 2);
        assert_eq!(b.locate("tags", None), (4, 1));
        assert_eq!(b.locate("tags", Some("b")), (4, 11));
        assert_eq!(b.locate("title", None), (2, 1));
    }

    #[test]
    fn unknown_keys_get_a_hint_each() {
        let b = YamlBlock::new("titel: x\nsumary: y\n", "f.md", 2);
        let d = b.unknown_keys(&["title", "summary"], "front matter");
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].line, d[0].column), (2, 1));
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!(d[1].line, 3);
    }

    #[test]
    fn serde_positions_are_shifted_to_file_lines() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            n: i64,
        }
        let b = YamlBlock::new("n: [1]\n", "f.md", 2);
        let e = b.parse::<T>().unwrap_err();
        assert_eq!(e.line, 2);
    }
}
