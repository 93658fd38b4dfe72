//! YAML blocks with positions: `credo.yaml` and every page's front matter.
//!
//! serde_yaml (the maintained `yaml_serde`) reports positions relative to the
//! YAML it was given; a [`YamlBlock`] knows on which line of the file the block
//! starts and adds it, so every diagnostic points at the line on disk. It also
//! indexes the top-level keys, which lets credo report every unknown key of a
//! block at once (serde stops at the first) and point an error about one key or
//! one list item at that key's or item's own line.

use serde::de::DeserializeOwned;

use crate::diagnostic::Code;
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
    /// The file line and column (in characters) of byte `at` of the block.
    pub fn position(&self, at: usize) -> (usize, usize) {
        let before = &self.text[..at.min(self.text.len())];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            self.first_line + before.matches('\n').count(),
            before[line_start..].chars().count() + 1,
        )
    }

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
    pub(crate) fn unknown_keys(&self, known: &[&str], what: &str) -> Vec<Diagnostic> {
        self.keys
            .iter()
            .filter(|k| !known.contains(&k.name.as_str()))
            .map(|k| {
                let d = Diagnostic::error(
                    self.file,
                    self.first_line + k.line,
                    k.col + 1,
                    Code::UnknownKey,
                    format!("unknown key `{}` in {what}", k.name),
                );
                if let Some(hint) = foreign_key_hint(&k.name, known) {
                    return d.with_hint(hint);
                }
                match did_you_mean(&k.name, known) {
                    Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                    None => d.with_hint(format!("known keys: {}", known.join(", "))),
                }
            })
            .collect()
    }

    /// Deserialises the block, turning a serde error into a diagnostic at the
    /// right file line.
    pub(crate) fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        // A map (a theme's `theme.yaml`) takes the last of a key written
        // twice without a word; a struct says so at the first.
        if let Some(&(first, i)) = self.repeated_keys().first() {
            let key = &self.keys[i];
            return Err(self.repeated_key(&key.name, None, first, key.line, key.col));
        }
        self.deserialize()
    }

    /// Deserialises the block as it is (repeated keys are the caller's).
    fn deserialize<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        // An empty block is an empty mapping, not YAML's `null`.
        let text = if self.text.trim().is_empty() {
            "{}"
        } else {
            self.text
        };
        serde_yaml::from_str(text).map_err(|e| self.error_from_serde(&e, 0))
    }

    /// Deserialises the block so that one bad value does not hide the next:
    /// every unknown key, and every known key whose value does not fit, is
    /// reported at its own line; the keys that fit are kept and the others
    /// left at their defaults, so the caller can go on with a usable value.
    /// `T` must accept any subset of its keys (every field defaulted).
    pub(crate) fn parse_keys<T: DeserializeOwned + Default>(
        &self,
        known: &[&str],
        what: &str,
    ) -> (T, Vec<Diagnostic>) {
        let mut errors = self.unknown_keys(known, what);
        let repeated = self.repeated_keys();
        errors.extend(repeated.iter().map(|&(first, i)| {
            let key = &self.keys[i];
            self.repeated_key(&key.name, None, first, key.line, key.col)
        }));
        // Repeated keys are among `errors` already.
        let whole = self.deserialize::<T>();
        if errors.is_empty()
            && let Ok(value) = whole
        {
            // A free-form mapping (`extra:`) takes a key written twice
            // without a word, as the last one: read as YAML, it is an error.
            if let Some(repeat) = self.repeat_in_free_mapping() {
                errors.push(repeat);
            }
            return (value, errors);
        }
        // The block read whole, its aliases resolved (`contact: *o` naming
        // an anchor of another key, `owner: &o Ops`).
        let mut resolved = None;
        match serde_yaml::from_str::<serde_yaml::Value>(self.text) {
            Ok(serde_yaml::Value::Mapping(map)) => resolved = Some(map),
            Ok(_) => {}
            Err(e) => {
                // A top-level key written twice is reported above; the keys
                // are gone through one by one for whatever else is wrong.
                let only_repeated =
                    !repeated.is_empty() && e.to_string().starts_with("duplicate entry with key");
                if !only_repeated {
                    // Broken YAML has no keys to go through one by one.
                    errors.push(self.error_from_serde(&e, 0));
                    return (T::default(), errors);
                }
            }
        }
        // A key's value as the whole block gives it, alone in a mapping.
        let alone = |name: &str| {
            let value = resolved.as_ref()?.get(name)?.clone();
            let mut map = serde_yaml::Mapping::new();
            map.insert(name.into(), value);
            Some(map)
        };
        let lines: Vec<&str> = self.text.split_inclusive('\n').collect();
        let mut good = String::new();
        let mut good_resolved = serde_yaml::Mapping::new();
        let mut bad = 0;
        for (i, key) in self.keys.iter().enumerate() {
            // The first of a repeated key is the one read on.
            if !known.contains(&key.name.as_str()) || repeated.iter().any(|&(_, r)| r == i) {
                continue;
            }
            let slice = self.key_text(&lines, i);
            let fits = match serde_yaml::from_str::<T>(&slice) {
                Ok(_) => true,
                // Read alone, an alias to another key's anchor names
                // nothing: the key is judged as the whole block reads it.
                Err(e) => match alone(&key.name) {
                    Some(map) if e.to_string().starts_with("unknown anchor") => {
                        // Written out again with the alias resolved, to
                        // say what does not fit where serde says it.
                        let text = serde_yaml::to_string(&map).unwrap_or_default();
                        match serde_yaml::from_str::<T>(&text) {
                            Ok(_) => true,
                            Err(e) => {
                                let mut d = self.error_from_serde(&e, key.line);
                                d.line = self.first_line + key.line;
                                errors.push(d);
                                false
                            }
                        }
                    }
                    _ => {
                        errors.push(self.error_from_serde(&e, key.line));
                        false
                    }
                },
            };
            if fits {
                good.push_str(&slice);
                if let Some(map) = alone(&key.name) {
                    good_resolved.extend(map);
                }
            } else {
                bad += 1;
            }
        }
        if bad == 0
            && let Err(d) = whole
            && errors.is_empty()
        {
            // The keys fit one by one but not together (an alias to an
            // anchor of another key, a flow-style block): say what serde said.
            errors.push(d);
        }
        // Read as text, as the whole block is: a `Value` holding a number
        // is no `String` for serde (`title: 1984`), a plain scalar is. Only
        // when the good keys name an anchor of a bad one, their values with
        // the aliases resolved, written out again.
        let read =
            |text: &str| serde_yaml::from_str(if text.is_empty() { "{}" } else { text }).ok();
        let value = read(&good).or_else(|| {
            resolved?;
            read(&serde_yaml::to_string(&good_resolved).ok()?)
        });
        (value.unwrap_or_default(), errors)
    }

    /// Whether the block is keys and values (or empty), not a list or a
    /// lone value; broken YAML counts as keys, its error said elsewhere.
    pub(crate) fn holds_keys(&self) -> bool {
        !matches!(
            serde_yaml::from_str::<serde_yaml::Value>(self.text),
            Ok(v) if !v.is_mapping() && !v.is_null()
        )
    }

    /// Whether `key` is one of the block's top-level keys.
    pub(crate) fn has_key(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k.name == key)
    }

    /// Whether `key` is a top-level key given no value (`key:` or `key: ~`),
    /// as opposed to one whose value is there but of the wrong type.
    pub(crate) fn is_null(&self, key: &str) -> bool {
        let Some(i) = self.keys.iter().position(|k| k.name == key) else {
            return false;
        };
        let lines: Vec<&str> = self.text.split_inclusive('\n').collect();
        serde_yaml::from_str::<serde_yaml::Mapping>(&self.key_text(&lines, i))
            .is_ok_and(|map| map.get(key).is_some_and(serde_yaml::Value::is_null))
    }

    /// The lines of the `i`-th top-level key, up to the next key: that key
    /// alone, as YAML of its own. `lines` are the block's, with their ends.
    fn key_text(&self, lines: &[&str], i: usize) -> String {
        let end = self.keys.get(i + 1).map_or(lines.len(), |next| next.line);
        lines
            .get(self.keys[i].line..end)
            .unwrap_or_default()
            .concat()
    }

    /// The error for a required key the block lacks.
    pub(crate) fn missing(&self, key: &str) -> Diagnostic {
        Diagnostic::error(
            self.file,
            self.first_line.saturating_sub(1).max(1),
            1,
            Code::MissingKey,
            format!("missing field `{key}`"),
        )
    }

    /// A serde error in the part of the block that starts on its 0-based
    /// line `offset`, as a diagnostic at the file line.
    fn error_from_serde(&self, e: &serde_yaml::Error, offset: usize) -> Diagnostic {
        let full = e.to_string();
        let message = clean_serde_message(&full);
        let (line, col) = match e.location() {
            Some(loc) => (self.first_line + offset + loc.line() - 1, loc.column()),
            None => (self.first_line.saturating_sub(1).max(1), 1),
        };
        let (line, col) = self.prefer_key_line(&message, line, col);
        if let Some(d) = self.unclosed_flow(&full, offset, line) {
            return d;
        }
        if let Some(d) = self.repeated_in_mapping(&message, line, col) {
            return d;
        }
        if let Some(found) = message.strip_prefix("invalid type: ") {
            // No key before the message: the block itself is not a mapping.
            let found = found.rsplit_once(", expected ").map_or(found, |(f, _)| f);
            return Diagnostic::error(
                self.file,
                self.first_line,
                1,
                Code::InvalidYaml,
                format!(
                    "{} must be keys and values (`{}: …`), not {}",
                    self.name(),
                    if self.file.ends_with("theme.yaml") {
                        "name"
                    } else {
                        "title"
                    },
                    describe_found(found)
                ),
            )
            .with_hint("write one `key: value` per line, each key at the start of its line");
        }
        if message.contains("end of stream")
            && let Some((line, col)) = self.unclosed_quote()
        {
            return Diagnostic::error(
                self.file,
                self.first_line + line,
                col,
                Code::InvalidYaml,
                "this quoted value is never closed",
            )
            .with_hint("close the quote on the same line, or leave the quotes out");
        }
        if let Some(d) = self.tab_in_indentation(&message, line, col) {
            return d;
        }
        if let Some((plain, hint)) = plain_type_error(&message) {
            return Diagnostic::error(self.file, line, col, Code::InvalidYaml, plain)
                .with_hint(hint);
        }
        let mut d = Diagnostic::error(self.file, line, col, Code::InvalidYaml, message.clone());
        let indented = (line.checked_sub(self.first_line))
            .and_then(|i| self.text.lines().nth(i))
            .is_some_and(|l| l.starts_with([' ', '\t']));
        if indented && message.contains("mapping values are not allowed") {
            d = d.with_hint(
                "this line is indented as if it belonged to the key above, which already has a value: start it at the beginning of the line",
            );
        } else if let Some(hint) = hint_for(&message) {
            d = d.with_hint(hint);
        }
        d
    }

    /// What the block is called in a message: front matter, or the file
    /// that is all YAML (`credo.yaml`, a theme's `theme.yaml`).
    fn name(&self) -> &str {
        if self.first_line > 1 || self.file.ends_with(".md") {
            "front matter"
        } else {
            self.file
        }
    }

    /// A `[` or `{` left open: YAML reads on past its line and blames
    /// where it gave up (the next key, the block's end); its message
    /// (`full`, the part at `offset`) says where the list or mapping began,
    /// which is where the author has to look.
    fn unclosed_flow(&self, full: &str, offset: usize, line: usize) -> Option<Diagnostic> {
        let (bracket, rest) = [
            ("[", "while parsing a flow sequence at line "),
            ("{", "while parsing a flow mapping at line "),
        ]
        .into_iter()
        .find_map(|(b, p)| Some((b, full.split_once(p)?.1)))?;
        if !full.starts_with("did not find expected ',' or ") {
            return None;
        }
        let (at_line, rest) = rest.split_once(" column ")?;
        let at_line: usize = at_line.parse().ok()?;
        let col: usize = (rest.chars())
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok()?;
        let opened = self.first_line + offset + at_line.checked_sub(1)?;
        // On its own line the bracket is beside the mistake: serde's place.
        if opened >= line {
            return None;
        }
        let close = if bracket == "[" { "]" } else { "}" };
        Some(
            Diagnostic::error(
                self.file,
                opened,
                col,
                Code::InvalidYaml,
                format!("this `{bracket}` is never closed"),
            )
            .with_hint(format!(
                "end the {} with `{close}`, as in `{}`",
                if bracket == "[" { "list" } else { "mapping" },
                if bracket == "[" {
                    "[a, b]"
                } else {
                    "{a: 1, b: 2}"
                }
            )),
        )
    }

    /// The 0-based line and the column of a quote that opens a value and is
    /// never closed on its line (YAML then reads on to the block's end).
    fn unclosed_quote(&self) -> Option<(usize, usize)> {
        self.text.lines().enumerate().find_map(|(i, l)| {
            let value = match l.split_once(": ") {
                Some((_, v)) => v,
                None => l.trim_start().strip_prefix("- ")?,
            };
            let value = value.trim_start();
            let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
            let rest = &value[1..];
            let closed = match quote {
                '"' => rest.replace("\\\\", "").replace("\\\"", "").contains('"'),
                _ => rest.replace("''", "").contains('\''),
            };
            let at = l.len() - value.len();
            (!closed).then(|| (i, l[..at].chars().count() + 1))
        })
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

    /// The file position of an entry of the list under `key`: `at` is its
    /// index, or its index in a list inside entry `at[0]` (the items of a
    /// checklist group); `needle`, when given, is looked for from the entry's
    /// line on (an unknown key inside it). A list written inline points at
    /// the key.
    pub(crate) fn locate_entry(
        &self,
        key: &str,
        at: &[usize],
        needle: Option<&str>,
    ) -> (usize, usize) {
        let Some(index) = self.keys.iter().position(|k| k.name == key) else {
            return (self.first_line, 1);
        };
        let lines: Vec<&str> = self.text.lines().collect();
        let mut from = self.keys[index].line + 1;
        let mut to = self
            .keys
            .get(index + 1)
            .map_or(lines.len(), |next| next.line);
        let mut found = None;
        let mut deeper_than = None;
        for &i in at {
            let entries = entry_lines(&lines, from, to, deeper_than);
            let Some(&(line, depth)) = entries.get(i) else {
                break;
            };
            found = Some((line, depth));
            to = entries.get(i + 1).map_or(to, |next| next.0);
            from = line;
            deeper_than = Some(depth);
        }
        let Some((line, depth)) = found else {
            return self.locate(key, needle);
        };
        if let Some(needle) = needle.filter(|n| !n.is_empty()) {
            for (i, l) in lines.iter().enumerate().take(to).skip(line) {
                if let Some(pos) = l.find(needle) {
                    return (self.first_line + i, l[..pos].chars().count() + 1);
                }
            }
        }
        let col = if lines[line].trim() == "-" {
            depth + 1
        } else {
            depth + 3
        };
        (self.first_line + line, col)
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
            // The value written whole (`te`, not the start of `team`), else
            // anywhere: a value YAML wrote differently (quoted, folded).
            for whole in [true, false] {
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
                    let Some(rest) = l.get(from..) else { continue };
                    let found = rest
                        .match_indices(needle)
                        .map(|(pos, _)| pos)
                        .find(|&pos| !whole || stands_alone(rest, pos, pos + needle.len()));
                    if let Some(pos) = found {
                        let col = l[..from + pos].chars().count() + 1;
                        return (self.first_line + i, col);
                    }
                }
            }
        }
        (self.first_line + start, self.keys[index].col + 1)
    }

    /// The file position of a key nested under the top-level `key`: `path`
    /// names one key per level (`strings: {de: {menu: x}}` → `["de",
    /// "menu"]`), each looked for after the one before, as `name:` at the
    /// start of a line's text or after `{` or `,`. Stops at the last one found.
    pub(crate) fn locate_path(&self, key: &str, path: &[&str]) -> (usize, usize) {
        let Some(index) = self.keys.iter().position(|k| k.name == key) else {
            return (self.first_line, 1);
        };
        let lines: Vec<&str> = self.text.lines().collect();
        let end = self
            .keys
            .get(index + 1)
            .map_or(lines.len(), |next| next.line.min(lines.len()));
        // Where the search goes on: a line and a byte in it.
        let (mut line, mut byte) = (self.keys[index].line, key.len() + 1);
        let mut found = (self.first_line + line, self.keys[index].col + 1);
        'names: for name in path {
            // A name may be quoted (`"pt-BR": {...}`).
            let spellings = [
                format!("{name}:"),
                format!("\"{name}\":"),
                format!("'{name}':"),
            ];
            for (i, l) in lines.iter().enumerate().take(end).skip(line) {
                let from = if i == line { byte.min(l.len()) } else { 0 };
                let matches = spellings.iter().flat_map(|wanted| {
                    (l[from..].match_indices(wanted.as_str())).map(|(pos, w)| (from + pos, w.len()))
                });
                for (at, len) in matches {
                    let before = l[..at].trim_end_matches(' ');
                    let after = &l[at + len..];
                    if (before.is_empty() || before.ends_with(['{', ',']))
                        && (after.is_empty() || after.starts_with([' ', '{']))
                    {
                        found = (self.first_line + i, l[..at].chars().count() + 1);
                        (line, byte) = (i, at + len);
                        continue 'names;
                    }
                }
            }
            break;
        }
        found
    }
}

/// The `- ` entry lines of a block sequence within `lines[from..to]`, as
/// (0-based line, indentation), at the indentation of the first entry deeper
/// than `deeper_than`.
fn entry_lines(
    lines: &[&str],
    from: usize,
    to: usize,
    deeper_than: Option<usize>,
) -> Vec<(usize, usize)> {
    let mut indent = None;
    let mut entries = Vec::new();
    for (i, line) in lines.iter().enumerate().take(to).skip(from) {
        let rest = line.trim_start_matches(' ');
        let depth = line.len() - rest.len();
        if !(rest == "-" || rest.starts_with("- ")) || deeper_than.is_some_and(|d| depth <= d) {
            continue;
        }
        match indent {
            None => indent = Some(depth),
            Some(d) if d != depth => continue,
            Some(_) => {}
        }
        entries.push((i, depth));
    }
    entries
}

/// The key of a line such as `title: x` at indentation zero.
pub(crate) fn top_level_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    // `"title": x` is the key `title` too.
    let (key, after) = if first == '"' || first == '\'' {
        let close = line[1..].find(first)? + 1;
        (&line[1..close], line[close + 1..].strip_prefix(':')?)
    } else if first.is_alphanumeric() || first == '_' {
        let colon = line.find(':')?;
        (&line[..colon], &line[colon + 1..])
    } else {
        return None;
    };
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

/// What credo calls a key that other generators know by another name, or
/// what credo does instead of it; `None` when `known` does not hold the
/// credo key (another block than a page's).
fn foreign_key_hint(key: &str, known: &[&str]) -> Option<String> {
    let (credo, why) = match key {
        "categories" | "category" => ("tags", "credo's taxonomy is `tags`"),
        "description" => (
            "summary",
            "credo calls a page's one-line statement `summary`",
        ),
        "nav_order" | "sidebar_position" | "order" => ("weight", "credo orders pages by `weight`"),
        "redirect_from" => ("aliases", "old URLs that redirect here are `aliases`"),
        "published" => (
            "draft",
            "write `draft: true` for a page that is not published",
        ),
        "layout" | "template" => {
            return Some(
                "credo picks a page's template by its `kind`; a site's own templates go in templates/ (or put the value under `extra:`)".to_string(),
            );
        }
        "permalink" | "slug" | "url" => {
            return Some(
                "a page's URL is its path under content/ (rename the file to change it); `aliases` keeps old URLs working".to_string(),
            );
        }
        "date" | "lastmod" | "author" | "authors" => {
            return Some(format!(
                "credo has no `{key}`; keep it under `extra:` (`credo import` does this), or use `reviewed`/`owner`"
            ));
        }
        _ => return None,
    };
    known
        .contains(&credo)
        .then(|| format!("{why}: write `{credo}:` instead"))
}

/// What serde found where it wanted another type (`string "x"`,
/// `sequence`), in a reader's words.
fn describe_found(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        format!("the text {text}")
    } else if let Some(n) =
        (found.strip_prefix("integer ")).or_else(|| found.strip_prefix("floating point "))
    {
        format!("the number {}", n.trim_matches('`'))
    } else if let Some(b) = found.strip_prefix("boolean ") {
        b.trim_matches('`').to_string()
    } else {
        match found {
            "sequence" => "a list".to_string(),
            "map" => "a mapping".to_string(),
            "unit value" => "nothing".to_string(),
            other => other.to_string(),
        }
    }
}

/// A serde type error (`weight: invalid type: string "x", expected i64`)
/// in a reader's words, with a hint showing the shape wanted.
fn plain_type_error(message: &str) -> Option<(String, String)> {
    let (key, rest) = message.split_once(": invalid type: ")?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let found = describe_found(found);
    let key_shown = key.rsplit('.').next().unwrap_or(key);
    if expected == "a map" || expected.starts_with("a mapping with ") {
        // `extra`, `strings`, `lints`, `owners`; `contrast` and its
        // columns say which keys they want.
        let wanted = expected.strip_prefix("a mapping with ").map_or_else(
            || "keys and values".to_string(),
            |keys| format!("keys and values ({keys})"),
        );
        return Some((
            format!("{key}: expected {wanted}, found {found}"),
            format!("write one `name: value` per line below `{key_shown}:`, indented"),
        ));
    }
    let (wanted, hint) = match expected {
        "i64" | "u64" | "i32" | "u32" | "usize" | "u8" | "u16" => (
            "a whole number",
            format!("write digits, without quotes: `{key_shown}: 10`"),
        ),
        "a sequence" => (
            "a list",
            format!(
                "write a list: `{key_shown}: [first, second]`, or one `- item` per line below it"
            ),
        ),
        "a boolean" => (
            "true or false",
            format!("write `{key_shown}: true` or `{key_shown}: false`"),
        ),
        "a string" => ("text", format!("write text: `{key_shown}: \"...\"`")),
        _ => return None,
    };
    Some((format!("{key}: expected {wanted}, found {found}"), hint))
}

/// A hint for the common serde messages: "unknown variant `x`, expected one
/// of ..." and "unknown field `x`, expected ..." (inside nested mappings).
pub(crate) fn hint_for(message: &str) -> Option<String> {
    if message.contains("mapping values are not allowed") {
        return Some(
            "a value holding `: ` must be quoted: `title: \"Step 1: notify your manager\"`"
                .to_string(),
        );
    }
    let (at, len) = ["unknown variant `", "unknown field `"]
        .iter()
        .find_map(|p| message.find(p).map(|at| (at, p.len())))?;
    let rest = &message[at + len..];
    let unknown = &rest[..rest.find('`')?];
    let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
    did_you_mean(unknown, &expected).map(|best| format!("did you mean `{best}`?"))
}

/// Whether `line[start..end]` is a whole YAML scalar, not part of a
/// longer one: what surrounds it is the line's end, a space, a quote or
/// flow punctuation.
fn stands_alone(line: &str, start: usize, end: usize) -> bool {
    let apart = |c: char| c.is_whitespace() || "\"'[]{},".contains(c);
    line[..start].chars().next_back().is_none_or(apart)
        && line[end..].chars().next().is_none_or(apart)
}

mod repeats;
mod tabs;
#[cfg(test)]
mod tests;
