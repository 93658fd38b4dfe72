//! MDX, as Docusaurus writes it: `import`/`export` statements and `{/* */}`
//! comments become HTML comments (kept for the author, neither shown nor
//! searched), `<Tabs>` with their `<TabItem label="…">`s bold labels over
//! their text; other JSX is only named, for the report.

use super::body::{docusaurus, indent_of};

/// Whether `line` is an MDX `import … from '…'`, `import '…'` or
/// `export const|default|function …`, not prose that starts "Import the…".
pub(super) fn is_mdx_statement(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix("import ") {
        let rest = rest.trim_end().trim_end_matches(';');
        return rest.starts_with(['\'', '"'])
            || rest.contains(" from '")
            || rest.contains(" from \"");
    }
    line.strip_prefix("export ").is_some_and(|rest| {
        ["const ", "default ", "function ", "let "]
            .iter()
            .any(|w| rest.starts_with(w))
    })
}

/// MDX's comments (`{/* TODO */}`, as Docusaurus tells authors to write
/// them, MDX having no `<!-- -->`) as HTML comments, which credo neither
/// shows nor searches, from `lines[start]` on: one that `lines[start]`
/// opens and a later line closes is written as one comment. Code spans
/// are left alone. Returns the index of the line after those it wrote,
/// or `None` when `lines[start]` holds no comment.
pub(super) fn comments(lines: &[&str], start: usize, out: &mut Vec<String>) -> Option<usize> {
    let line = lines[start];
    let open = outside_code_spans(line, "{/*")?;
    if let Some(close) = line[open..].find("*/}") {
        let rest = &line[open + close + 3..];
        let inner = no_double_dash(&line[open + 3..open + close]);
        let mut written = format!("{}<!--{inner}-->", &line[..open]);
        // A second comment further on the line.
        let mut tail = Vec::new();
        match comments(&[rest], 0, &mut tail) {
            Some(_) => written.push_str(&tail.concat()),
            None => written.push_str(rest),
        }
        out.push(written);
        return Some(start + 1);
    }
    // Opened here, closed on a later line (or never: then it is text).
    let end = (start + 1..lines.len()).find(|&j| lines[j].contains("*/}"))?;
    // On a line of its own, the comment is an HTML block, which a blank
    // line inside it does not end (inline, the paragraph would end there
    // and the rest show as text).
    let before = &line[..open];
    let indent = &before[..before.len() - before.trim_start().len()];
    if !before.trim().is_empty() {
        out.push(before.trim_end().to_string());
    }
    out.push(format!("{indent}<!--{}", no_double_dash(&line[open + 3..])));
    out.extend(lines[start + 1..end].iter().map(|l| no_double_dash(l)));
    let (last, after) = lines[end].split_once("*/}").unwrap_or((lines[end], ""));
    out.push(format!("{}-->{after}", no_double_dash(last)));
    Some(end + 1)
}

/// `text` with no `--` in it, which would end an HTML comment early
/// (`{/* see --> below */}`).
fn no_double_dash(text: &str) -> String {
    let mut text = text.to_string();
    while text.contains("--") {
        text = text.replace("--", "- -");
    }
    text
}

/// Where `needle` first stands in `line` outside its code spans.
fn outside_code_spans(line: &str, needle: &str) -> Option<usize> {
    line.match_indices(needle)
        .map(|(at, _)| at)
        .find(|&at| line[..at].matches('`').count().is_multiple_of(2))
}

/// Whether `line` opens a JSX component: `<Tabs`, `<TabItem value="x">`.
pub(super) fn starts_component(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    // Tabs become bold labels (see `tab`).
    name.starts_with(|c: char| c.is_ascii_uppercase()) && name != "Tabs" && name != "TabItem"
}

/// Writes the MDX statement starting at `lines[start]` (it runs to the
/// next blank line outside its brackets, as MDX reads it) as an HTML comment; returns the index
/// of the line after it.
pub(super) fn comment_out_esm(lines: &[&str], start: usize, out: &mut Vec<String>) -> usize {
    // A blank line ends it once its brackets are closed (a function's body
    // may hold blank lines); if they never close, the first blank line does.
    let mut depth = 0i32;
    let mut quote = None;
    let balanced = (start..lines.len()).find(|&j| {
        if lines[j].trim().is_empty() && depth <= 0 {
            return true;
        }
        let mut before = ' ';
        for c in lines[j].chars() {
            match (quote, c) {
                // `Don't` in JSX text is no string.
                (None, '\'') if before.is_alphanumeric() => {}
                (None, '"' | '\'' | '`') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '{' | '(' | '[') => depth += 1,
                (None, '}' | ')' | ']') => depth -= 1,
                _ => {}
            }
            before = c;
        }
        // A quote left open at a line's end is a stray apostrophe.
        if quote != Some('`') {
            quote = None;
        }
        false
    });
    let first_blank = || (start..lines.len()).find(|&j| lines[j].trim().is_empty());
    let end = balanced.or_else(first_blank).unwrap_or(lines.len());
    // `--` may not appear inside a comment.
    let statement: Vec<String> = lines[start..end]
        .iter()
        .map(|l| l.replace("--", "- -"))
        .collect();
    match statement.as_slice() {
        [one] => out.push(format!("<!-- {one} -->")),
        _ => {
            out.push("<!--".to_string());
            out.extend(statement);
            out.push("-->".to_string());
        }
    }
    end
}

/// A line of Docusaurus tabs at `lines[at]`: `<Tabs …>` and `</Tabs>` are
/// dropped; a `<TabItem label="Europe">` … `</TabItem>` becomes a bold
/// label over its text, undented (MDX reads no indented code), at the
/// indent of its `<Tabs>`. Returns the index of the next line to read, or
/// `None` when `lines[at]` is no tab line (or an item is never closed).
pub(super) fn tab<'a>(
    lines: &[&'a str],
    at: usize,
    tabs_indent: &mut &'a str,
    out: &mut Vec<String>,
) -> Option<usize> {
    let line = lines[at];
    let trimmed = line.trim();
    if is_tag(trimmed, "<Tabs") {
        *tabs_indent = indent_of(line);
        return Some(at + 1);
    }
    if trimmed == "</Tabs>" || trimmed == "</TabItem>" {
        return Some(at + 1);
    }
    if !is_tag(trimmed, "<TabItem") {
        return None;
    }
    let open_end = tag_end(trimmed)?;
    let label = attribute(&trimmed[..open_end], "label")
        .or_else(|| attribute(&trimmed[..open_end], "value"))
        .unwrap_or("Tab");
    // `<TabItem value="a">One line.</TabItem>`
    let rest = trimmed[open_end + 1..].trim();
    let (inner, next): (Vec<&str>, usize) = match rest.strip_suffix("</TabItem>") {
        Some(text) => (vec![text.trim()], at + 1),
        None => {
            // The item's own close: tabs nest.
            let mut depth = 0usize;
            let close = (at + 1..lines.len()).find(|&j| {
                let l = lines[j].trim();
                if is_tag(l, "<TabItem") && !l.ends_with("</TabItem>") {
                    depth += 1;
                } else if l == "</TabItem>" {
                    if depth == 0 {
                        return true;
                    }
                    depth -= 1;
                }
                false
            })?;
            let mut inner: Vec<&str> = lines[at + 1..close].to_vec();
            if !rest.is_empty() {
                inner.insert(0, rest);
            }
            (undent(&inner), close + 1)
        }
    };
    let mut block = vec![format!("**{label}**"), String::new()];
    block.extend(docusaurus(&inner));
    while block.last().is_some_and(|l| l.trim().is_empty()) {
        block.pop();
    }
    block.push(String::new());
    // The label is a paragraph of its own, not the end of the one above.
    if out.last().is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
    out.extend(block.into_iter().map(|l| match l.is_empty() {
        true => l,
        false => format!("{tabs_indent}{l}"),
    }));
    Some(next)
}

/// Where the tag that `line` opens ends: its `>`, outside quoted values
/// (`label="Python >= 3.8"`).
pub(super) fn tag_end(line: &str) -> Option<usize> {
    let mut quote = None;
    line.char_indices().find_map(|(i, c)| {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
        None
    })
}

/// Whether `line` opens the JSX element `tag` (`<Tabs>`, `<Tabs groupId="x">`,
/// not `<TabsOther>`).
fn is_tag(line: &str, tag: &str) -> bool {
    line.strip_prefix(tag)
        .is_some_and(|rest| rest.starts_with(['>', ' ', '\t', '/']))
}

/// The value of `name="…"` (or `'…'`) in a JSX tag.
pub(super) fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let inner = &value[1..];
        return inner.find(quote).map(|end| &inner[..end]);
    }
    None
}

/// `lines` without the indent they all share.
pub(super) fn undent<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let common = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent_of(l).len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(common..).unwrap_or(""))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::Generator;
    use super::super::body::convert;

    /// An export runs past blank lines inside its brackets.
    #[test]
    fn mdx_exports_with_blank_lines_inside() {
        let body = "export function Hello() {\n  const who = 'you';\n\n  return <b>{who}</b>;\n}\n\nText.\n";
        assert_eq!(
            convert(body, Generator::Docusaurus).unwrap(),
            "<!--\nexport function Hello() {\n  const who = 'you';\n\n  return <b>{who}</b>;\n}\n-->\n\nText.\n"
        );
    }

    /// An apostrophe in JSX text opens no string; brackets that never
    /// close end the statement at the first blank line.
    #[test]
    fn mdx_exports_with_apostrophes_and_open_brackets() {
        let body = "export const Hi = () => (<p>Don't panic</p>);\n\n# Welcome\n\nText.\n";
        assert_eq!(
            convert(body, Generator::Docusaurus).unwrap(),
            "<!-- export const Hi = () => (<p>Don't panic</p>); -->\n\n# Welcome\n\nText.\n"
        );
        let open = "export const x = {\n\n# Welcome\n";
        assert_eq!(
            convert(open, Generator::Docusaurus).unwrap(),
            "<!-- export const x = { -->\n\n# Welcome\n"
        );
    }

    /// MDX comments, the only comments MDX allows, are HTML comments to
    /// credo (they were shown as text: `{/* TODO: rewrite */}`), on one
    /// line or several; in code they stay.
    #[test]
    fn mdx_comments_become_html_comments() {
        let body = "{/* TODO: rewrite */}\n\nText {/* a */} and {/* b */} end, `{/* code */}`.\n\n{/*\n  several\n  lines\n*/}\n\n```js\n{/* in a block */}\n```\n\n{/* never closed\n";
        assert_eq!(
            convert(body, Generator::Docusaurus).unwrap(),
            "<!-- TODO: rewrite -->\n\nText <!-- a --> and <!-- b --> end, `{/* code */}`.\n\n<!--\n  several\n  lines\n-->\n\n```js\n{/* in a block */}\n```\n\n{/* never closed\n"
        );
    }

    /// A comment holding `-->` does not end early, and one opened inside a
    /// paragraph that spans a blank line starts a line of its own (as an
    /// HTML block the blank line does not end it).
    #[test]
    fn mdx_comments_stay_whole() {
        let body = "A {/* see --> below */} b.

Text {/* one

-- two */} after.
";
        assert_eq!(
            convert(body, Generator::Docusaurus).unwrap(),
            "A <!-- see - -> below --> b.

Text
<!-- one

- - two --> after.
"
        );
    }

    /// Tabs nest, and a label may hold `>`.
    #[test]
    fn nested_tabs_and_labels_with_angle_brackets() {
        let body = "<Tabs>\n<TabItem value=\"a\" label=\"Python >= 3.8\">\nOuter.\n<Tabs>\n<TabItem value=\"x\" label=\"Inner X\">\nInner.\n</TabItem>\n</Tabs>\nAfter inner.\n</TabItem>\n</Tabs>\n";
        assert_eq!(
            convert(body, Generator::Docusaurus).unwrap(),
            "**Python >= 3.8**\n\nOuter.\n\n**Inner X**\n\nInner.\n\nAfter inner.\n\n"
        );
    }

    /// Tabs become a bold label over their text, undented so that it is
    /// no code block, at the indent of their `<Tabs>`.
    #[test]
    fn docusaurus_tabs_become_bold_labels() {
        let body = "Before.\n\n<Tabs groupId=\"os\">\n  <TabItem value=\"mac\" label=\"macOS\" default>\n    Use *Keychain*.\n\n    ```sh\n      indented\n    ```\n  </TabItem>\n  <TabItem value=\"win\">One line.</TabItem>\n</Tabs>\nAfter.\n\n- In a list:\n\n    <Tabs>\n    <TabItem label='A'>\n    Text A.\n    </TabItem>\n    </Tabs>\n\n<TabItem label=\"never closed\">\n";
        assert_eq!(
            convert(body, Generator::Docusaurus).unwrap(),
            "Before.\n\n**macOS**\n\nUse *Keychain*.\n\n```sh\n  indented\n```\n\n**win**\n\nOne line.\n\nAfter.\n\n- In a list:\n\n    **A**\n\n    Text A.\n\n\n<TabItem label=\"never closed\">\n"
        );
    }
}
