//! MkDocs' snippets (`pymdownx.snippets`, which Material sites use to
//! share text and code between pages): `--8<-- "file"` on a line of its
//! own, or a block of file names between two `--8<--` lines, stands for
//! that file's text. The extension reads them before Markdown, so a
//! snippet in fenced code is written out too (a page showing a code file
//! is the common case), and the lines keep the indent of the line that
//! named them. A file is named from the extension's `base_path` folders
//! (the project's folder by default), may pick lines (`file.py:3:8`) or a
//! section (`file.md:intro`, between `--8<-- [start:intro]` and
//! `--8<-- [end:intro]`), and may name snippets of its own. Its links are
//! not rebased: the extension pastes text, and MkDocs reads the pasted
//! links from the including page, as credo now does.

use std::path::{Path, PathBuf};

use super::body::{at_indent, indent_of};
use super::includes::lexical;

/// How deep snippets may name snippets (a file naming itself is stopped
/// before, by its name).
const MAX_DEPTH: usize = 8;

/// How a site's `pymdownx.snippets` is set.
#[derive(Debug, Clone, Default)]
pub(crate) struct Settings {
    /// The folders snippets are named from, in the order they are looked
    /// in (its `base_path`).
    pub(crate) bases: Vec<PathBuf>,
    /// The snippets pasted at the end of every page (its `auto_append`,
    /// where Material sites keep their glossary of abbreviations).
    pub(crate) auto_append: Vec<String>,
}

/// Where snippets are read: the settings, and the folder nothing outside
/// of may be read (the source).
pub(super) struct Snippets<'a> {
    pub(super) settings: &'a Settings,
    pub(super) root: &'a Path,
}

impl Snippets<'_> {
    /// `body` with each snippet written out, and those the settings append
    /// to every page; `None` when it names none. The problem of each
    /// snippet that cannot be read, which stays as written, is returned
    /// beside it.
    pub(super) fn expand(&self, body: &str) -> (Option<String>, Vec<String>) {
        let mut problems = Vec::new();
        let mut body = body.to_string();
        for name in &self.settings.auto_append {
            let end = if body.ends_with('\n') || body.is_empty() {
                ""
            } else {
                "\n"
            };
            body.push_str(&format!("{end}\n--8<-- \"{name}\"\n"));
        }
        let body = body.as_str();
        let text = self.expand_at(body, &mut Vec::new(), &mut problems);
        let changed = text.as_deref().is_some_and(|t| t != body);
        // A snippet pasted twice that cannot be read is one problem.
        let mut seen = std::collections::HashSet::new();
        problems.retain(|p| seen.insert(p.clone()));
        (text.filter(|_| changed), problems)
    }

    /// `body` with its snippets written out; `reading` holds the files
    /// being written out around it, which it may not name again (a file
    /// naming itself twice was pasted 2^MAX_DEPTH times).
    fn expand_at(
        &self,
        body: &str,
        reading: &mut Vec<PathBuf>,
        problems: &mut Vec<String>,
    ) -> Option<String> {
        if !body.contains("--8<--") {
            return None;
        }
        let mut out: Vec<String> = Vec::new();
        let mut block: Option<&str> = None;
        // A block is closed by the next `--8<--` line; one opened after the
        // last such line is no block (the extension would drop the rest of
        // the page as names of files, blank lines and all).
        let last_marker = (body.lines().enumerate())
            .filter(|(_, l)| l.trim() == "--8<--")
            .map(|(at, _)| at)
            .last();
        for (at, line) in body.lines().enumerate() {
            let trimmed = line.trim();
            if let Some(indent) = block {
                match trimmed {
                    "--8<--" => block = None,
                    "" => {}
                    // A name the author commented out.
                    _ if trimmed.starts_with(';') => {}
                    _ => out.push(self.written(trimmed, line, indent, reading, problems)),
                }
                continue;
            }
            if trimmed == "--8<--" {
                if last_marker > Some(at) {
                    block = Some(indent_of(line));
                } else {
                    problems.push(
                        "a block of snippets (`--8<--`) is never closed, so it stays as written"
                            .to_string(),
                    );
                    out.push(line.to_string());
                }
                continue;
            }
            match named(trimmed) {
                Some(Named::File(name)) => {
                    out.push(self.written(name, line, indent_of(line), reading, problems))
                }
                Some(Named::Escaped) => out.push(line.replacen(";--8<--", "--8<--", 1)),
                // A section marker of a file shown whole says nothing.
                Some(Named::Marker) => {}
                None => out.push(line.to_string()),
            }
        }
        let mut text = out.join("\n");
        if body.ends_with('\n') {
            text.push('\n');
        }
        Some(text)
    }

    /// The text `name` stands for at `indent`, or the `line` that named it
    /// when it cannot be read (with its problem).
    fn written(
        &self,
        name: &str,
        line: &str,
        indent: &str,
        reading: &mut Vec<PathBuf>,
        problems: &mut Vec<String>,
    ) -> String {
        match self.read(name, reading, problems) {
            Ok(text) => at_indent(&text, indent),
            Err(problem) => {
                problems.push(format!("--8<-- \"{name}\": {problem}"));
                line.to_string()
            }
        }
    }

    fn read(
        &self,
        name: &str,
        reading: &mut Vec<PathBuf>,
        problems: &mut Vec<String>,
    ) -> Result<String, String> {
        if reading.len() >= MAX_DEPTH {
            return Err(format!("snippets nested deeper than {MAX_DEPTH}"));
        }
        let (file, pick) = split_pick(name);
        let path = self.find(file).ok_or_else(|| {
            "no such file in the snippets' folders inside the source, so it stays as written"
                .to_string()
        })?;
        if reading.contains(&path) {
            return Err(format!(
                "{file} names itself (through the snippets it names), so it stays as written"
            ));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        let picked = pick.apply(&text).ok_or_else(|| match pick {
            Pick::Section(section) => format!("{file} has no section `{section}`"),
            _ => format!("{file} has no such lines"),
        })?;
        reading.push(path);
        let nested = self.expand_at(&picked, reading, problems);
        reading.pop();
        Ok(nested.unwrap_or(picked).trim_end_matches('\n').to_string())
    }

    /// The first file `name` names from a base folder, inside the source.
    fn find(&self, name: &str) -> Option<PathBuf> {
        let root = self.root.canonicalize().ok()?;
        self.settings.bases.iter().find_map(|base| {
            let path = lexical(&base.join(name)).canonicalize().ok()?;
            (path.starts_with(&root) && path.is_file()).then_some(path)
        })
    }
}

/// What a line outside a block names.
enum Named<'a> {
    File(&'a str),
    /// `;--8<-- "x"`: the author wants the text itself.
    Escaped,
    /// `--8<-- [start:name]` or `[end:name]`.
    Marker,
}

fn named(trimmed: &str) -> Option<Named<'_>> {
    if trimmed.starts_with(";--8<--") {
        return Some(Named::Escaped);
    }
    if is_marker(trimmed) {
        return Some(Named::Marker);
    }
    let rest = trimmed.strip_prefix("--8<--")?.trim();
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let name = rest[1..].strip_suffix(quote)?;
    (!name.is_empty()).then_some(Named::File(name))
}

/// Whether `line` marks where a section starts or ends, behind the
/// comment of the file's language or none (`# --8<-- [start:greet]`).
fn is_marker(line: &str) -> bool {
    marker_name(line, "start")
        .or_else(|| marker_name(line, "end"))
        .is_some()
}

/// The name of the section `line` starts (`kind` `start`) or ends.
fn marker_name<'a>(line: &'a str, kind: &str) -> Option<&'a str> {
    let (_, rest) = line.split_once("--8<--")?;
    let rest = rest.trim_start().strip_prefix('[')?.strip_prefix(kind)?;
    let (name, _) = rest.strip_prefix(':')?.split_once(']')?;
    Some(name)
}

/// Which part of a file a snippet takes.
#[derive(Debug, PartialEq)]
enum Pick<'a> {
    Whole,
    /// 1-based, inclusive; `None` to the file's end.
    Lines(usize, Option<usize>),
    Section(&'a str),
}

/// `file.py:3:8` → (`file.py`, lines 3 to 8); `file.md:intro` → the
/// section; a name without a pick (or a Windows drive's colon) is whole.
fn split_pick(name: &str) -> (&str, Pick<'_>) {
    let Some((file, rest)) = name.split_once(':').filter(|(f, _)| f.len() > 1) else {
        return (name, Pick::Whole);
    };
    let number = |s: &str| s.trim().parse::<usize>().ok();
    match rest.split_once(':') {
        Some((from, to)) => match (number(from).or(from.is_empty().then_some(1)), number(to)) {
            (Some(from), to) => (file, Pick::Lines(from.max(1), to.filter(|&t| t > 0))),
            _ => (name, Pick::Whole),
        },
        None => match number(rest) {
            Some(from) => (file, Pick::Lines(from.max(1), None)),
            None if !rest.is_empty() => (file, Pick::Section(rest)),
            None => (name, Pick::Whole),
        },
    }
}

impl Pick<'_> {
    /// The part of `text` picked, section markers taken out; `None` when
    /// it is not there.
    fn apply(&self, text: &str) -> Option<String> {
        let lines: Vec<&str> = text.lines().collect();
        let picked: Vec<&str> = match *self {
            Pick::Whole => lines,
            Pick::Lines(from, to) => {
                let to = to.unwrap_or(lines.len()).min(lines.len());
                lines.get(from - 1..to)?.to_vec()
            }
            Pick::Section(name) => {
                let is = |kind: &str, line: &str| marker_name(line, kind) == Some(name);
                let start = lines.iter().position(|l| is("start", l))?;
                let len = lines[start + 1..].iter().position(|l| is("end", l))?;
                lines[start + 1..start + 1 + len].to_vec()
            }
        };
        let kept: Vec<&str> = picked.into_iter().filter(|l| !is_marker(l)).collect();
        Some(kept.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Snippets named from `bases`, nothing appended.
    fn settings(bases: Vec<PathBuf>) -> Settings {
        Settings {
            bases,
            auto_append: Vec::new(),
        }
    }

    #[test]
    fn names_lines_and_sections_are_read_as_the_extension_reads_them() {
        assert_eq!(split_pick("a.md"), ("a.md", Pick::Whole));
        assert_eq!(
            split_pick("src/a.py:3:8"),
            ("src/a.py", Pick::Lines(3, Some(8)))
        );
        assert_eq!(split_pick("a.py:4"), ("a.py", Pick::Lines(4, None)));
        assert_eq!(split_pick("a.py::2"), ("a.py", Pick::Lines(1, Some(2))));
        assert_eq!(split_pick("a.md:intro"), ("a.md", Pick::Section("intro")));
        assert_eq!(split_pick("C:/x.md"), ("C:/x.md", Pick::Whole));
        let text = "one\n# --8<-- [start:mid]\ntwo\nthree\n<!-- --8<-- [end:mid] -->\nfour\n";
        assert_eq!(
            Pick::Section("mid").apply(text).as_deref(),
            Some("two\nthree")
        );
        assert_eq!(Pick::Section("gone").apply(text), None);
        assert_eq!(Pick::Lines(1, Some(1)).apply(text).as_deref(), Some("one"));
        assert_eq!(Pick::Lines(9, None).apply(text), None);
        assert_eq!(
            Pick::Whole.apply(text).as_deref(),
            Some("one\ntwo\nthree\nfour")
        );
    }

    #[test]
    fn snippets_are_written_out_in_code_and_blocks_at_their_indent() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("includes")).unwrap();
        std::fs::write(root.join("includes/hours.md"), "Open **nine to five**.\n").unwrap();
        std::fs::write(root.join("includes/call.py"), "def call():\n    ring()\n").unwrap();
        std::fs::write(
            root.join("includes/nest.md"),
            "Before.\n--8<-- \"hours.md\"\n",
        )
        .unwrap();
        std::fs::write(root.join("includes/self.md"), "--8<-- \"self.md\"\n").unwrap();
        std::fs::write(dir.path().parent().unwrap().join("outside.md"), "no").ok();
        let settings = settings(vec![root.to_path_buf(), root.join("includes")]);
        let snippets = Snippets {
            settings: &settings,
            root,
        };
        let body = "# Care\n\n--8<-- \"includes/hours.md\"\n\n```python\n--8<-- \"call.py:2\"\n```\n\n\
                    - item\n\n    --8<--\n    nest.md\n    ; gone.md\n    --8<--\n\n\
                    ;--8<-- \"hours.md\"\n--8<-- \"missing.md\"\n--8<-- \"../outside.md\"\n";
        let (text, problems) = snippets.expand(body);
        assert_eq!(
            text.as_deref(),
            Some(
                "# Care\n\nOpen **nine to five**.\n\n```python\n    ring()\n```\n\n\
                 - item\n\n    Before.\n    Open **nine to five**.\n\n\
                 --8<-- \"hours.md\"\n--8<-- \"missing.md\"\n--8<-- \"../outside.md\"\n"
            )
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("--8<-- \"missing.md\": no such file"));
        let (text, problems) = snippets.expand("--8<-- \"self.md\"\n");
        assert_eq!(text, None);
        assert!(problems[0].contains("names itself"), "{problems:?}");
        assert_eq!(snippets.expand("No snippets.\n"), (None, vec![]));
    }

    #[test]
    fn a_snippet_naming_itself_is_read_once_and_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // Three names of itself: read as deep as it goes, it was pasted
        // 3^8 times.
        std::fs::write(
            root.join("loop.md"),
            "A\n--8<-- \"loop.md\"\n--8<-- \"loop.md\"\n--8<-- \"loop.md\"\n",
        )
        .unwrap();
        let settings = settings(vec![root.to_path_buf()]);
        let snippets = Snippets {
            settings: &settings,
            root,
        };
        let (text, problems) = snippets.expand("# Home\n\n--8<-- \"loop.md\"\n");
        assert_eq!(
            text.as_deref(),
            Some("# Home\n\nA\n--8<-- \"loop.md\"\n--8<-- \"loop.md\"\n--8<-- \"loop.md\"\n")
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("names itself"), "{problems:?}");
    }

    #[test]
    fn a_block_never_closed_stays_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let settings = settings(vec![root.to_path_buf()]);
        let snippets = Snippets {
            settings: &settings,
            root,
        };
        let body = "Cut here:\n\n--8<--\n\nPara one.\n\nPara two.\n";
        let (text, problems) = snippets.expand(body);
        assert_eq!(text, None, "the paragraphs were run together");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("never closed"), "{problems:?}");
    }
}
