//! Starlight's MDX components, written as the Markdown credo renders where
//! it has a form for them: an `<Aside type="tip" title="…">` a GitHub
//! alert (as the `:::tip[…]` asides, which Docusaurus writes the same way
//! and [`super::super::body::docusaurus`] converts, with the MDX imports,
//! comments and `<Tabs>`); `<Steps>` its list; a `<Card title="…">` a
//! bold title over its text, in a `<CardGrid>` that goes; a `<LinkCard>`
//! a link (its description after it); a `<Badge text="…" />` its text in
//! bold. Other components stay as written and are named in the report
//! ([`hand_work`]). Fenced code is left alone.

use crate::import::body::{callout, docusaurus, indent_of, step_fence, trimmed};
use crate::import::mdx::{attribute, starts_component, tag_end, undent};

/// The components that hold text and become Markdown.
const BLOCKS: &[&str] = &["Aside", "Steps", "Card"];

/// `lines` with Starlight's components and asides as Markdown.
pub(in crate::import) fn convert(lines: &[&str]) -> Vec<String> {
    let components = components(lines);
    docusaurus(&components.iter().map(String::as_str).collect::<Vec<_>>())
}

/// What of `body` stays as written, for the report: each component
/// [`convert`] has no form for, by name (`<FileTree>`).
pub(in crate::import) fn hand_work(body: &str) -> Vec<String> {
    let lines: Vec<&str> = body.lines().collect();
    let mut found: Vec<String> = Vec::new();
    let mut fence = None;
    let mut in_comment = false;
    for line in convert(&lines) {
        if step_fence(&mut fence, &line) || fence.is_some() {
            continue;
        }
        // MDX statements, which the conversion made HTML comments.
        if in_comment || line.trim_start().starts_with("<!--") {
            in_comment = !line.contains("-->");
            continue;
        }
        for (at, _) in line.match_indices('<') {
            let in_code = line[..at].matches('`').count() % 2 == 1;
            if in_code || !starts_component(&line[at..]) {
                continue;
            }
            let name: String = (line[at + 1..].chars())
                .take_while(|c| c.is_alphanumeric() || *c == '.')
                .collect();
            let what = format!("<{name}>, a component credo has no form for");
            if !found.contains(&what) {
                found.push(what);
            }
        }
    }
    found
}

/// The block components of `lines` as Markdown, and the badges in each
/// line; everything else as written.
fn components(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fence = None;
    // Where the open `<CardGrid>` stood: its cards go there.
    let mut grid = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if step_fence(&mut fence, line) || fence.is_some() {
            out.push(line.to_string());
            i += 1;
            continue;
        }
        match block(lines, i, &mut grid, &mut out) {
            Some(next) => i = next,
            None => {
                out.push(badges(line));
                i += 1;
            }
        }
    }
    out
}

/// The component opened at `lines[i]`, written into `out`; the index of
/// the line after it, or `None` when `lines[i]` opens none [`convert`]
/// knows (or one that is never closed).
fn block<'a>(
    lines: &[&'a str],
    i: usize,
    grid: &mut Option<&'a str>,
    out: &mut Vec<String>,
) -> Option<usize> {
    let line = lines[i];
    let trimmed_line = line.trim();
    // A grid of cards is a layout: its cards stand one after the other.
    if trimmed_line == "</CardGrid>" {
        *grid = None;
        // One blank line between the last card and what follows.
        let blank = |l: Option<&str>| l.is_some_and(|l| l.trim().is_empty());
        let twice = blank(out.last().map(String::as_str)) && blank(lines.get(i + 1).copied());
        return Some(i + if twice { 2 } else { 1 });
    }
    let name = ["CardGrid", "LinkCard", "Aside", "Steps", "Card"]
        .into_iter()
        .find(|name| opens(trimmed_line, name))?;
    let indent = match *grid {
        Some(at) if name == "Card" || name == "LinkCard" => at,
        _ => indent_of(line),
    };
    let (tag, after, next) = opening_tag(lines, i)?;
    let self_closing = tag.trim_end_matches('>').trim_end().ends_with('/');
    if name == "CardGrid" {
        *grid = Some(indent_of(line));
        return (after.trim().is_empty() && !self_closing).then_some(next);
    }
    if name == "LinkCard" {
        let (title, href) = (attribute(&tag, "title")?, attribute(&tag, "href")?);
        if !self_closing || !after.trim().is_empty() {
            return None;
        }
        let mut link = format!("[{title}]({href})");
        if let Some(description) = attribute(&tag, "description") {
            link.push_str(&format!(" — {description}"));
        }
        place(out, indent, vec![link], lines.get(next).copied());
        return Some(next);
    }
    if self_closing || !BLOCKS.contains(&name) {
        return None;
    }
    let (inner, next) = content(lines, name, &after, next)?;
    let inner: Vec<&str> = inner.iter().map(String::as_str).collect();
    let inner = undent(&inner);
    let block = match name {
        // Quoted, the alert's text is converted here: nothing reads it again.
        "Aside" => callout(
            attribute(&tag, "type").unwrap_or("note"),
            attribute(&tag, "title"),
            trimmed(convert(&inner)),
        ),
        "Card" => {
            let mut block = Vec::new();
            if let Some(title) = attribute(&tag, "title") {
                block.extend([format!("**{title}**"), String::new()]);
            }
            block.extend(trimmed(components(&inner)));
            block
        }
        _ => trimmed(components(&inner)),
    };
    place(out, indent, block, lines.get(next).copied());
    Some(next)
}

/// Writes `block` at `indent` as a paragraph of its own: after a blank
/// line, blank lines left blank (not a line of spaces), and a blank line
/// after it when `next` is text.
fn place(out: &mut Vec<String>, indent: &str, block: Vec<String>, next: Option<&str>) {
    if out.last().is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
    out.extend(block.into_iter().map(|l| match l.is_empty() {
        true => l,
        false => format!("{indent}{l}"),
    }));
    if next.is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
}

/// Whether `line` (trimmed) opens the element `name`: `<Card>`, `<Card
/// title="x">`, a tag running on to the next line, not `<CardGrid>`.
fn opens(line: &str, name: &str) -> bool {
    (line.strip_prefix('<'))
        .and_then(|rest| rest.strip_prefix(name))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['>', ' ', '\t', '/']))
}

/// The opening tag starting at `lines[i]`, which may run over several
/// lines (one attribute a line): the tag, what follows it on its last
/// line, and the index of the line after that.
fn opening_tag(lines: &[&str], i: usize) -> Option<(String, String, usize)> {
    let mut text = lines[i].trim().to_string();
    // A tag longer than this is no tag of these components.
    for (j, line) in lines.iter().enumerate().take(i + 20).skip(i) {
        if j > i {
            text.push(' ');
            text.push_str(line.trim());
        }
        if let Some(end) = tag_end(&text) {
            return Some((text[..=end].to_string(), text[end + 1..].to_string(), j + 1));
        }
    }
    None
}

/// The text of the element `name` whose opening tag `first` follows, its
/// lines from `lines[from]` on to its closing tag (nested ones of the
/// same name and fenced code skipped), and the index of the line after it.
fn content(lines: &[&str], name: &str, first: &str, from: usize) -> Option<(Vec<String>, usize)> {
    let close = format!("</{name}>");
    if let Some(at) = first.find(&close) {
        return Some((vec![first[..at].to_string()], from));
    }
    let mut inner = Vec::new();
    if !first.trim().is_empty() {
        inner.push(first.to_string());
    }
    let mut depth = 0usize;
    let mut fence = None;
    for (j, line) in lines.iter().enumerate().skip(from) {
        if step_fence(&mut fence, line) || fence.is_some() {
            inner.push(line.to_string());
            continue;
        }
        let trimmed_line = line.trim();
        if opens(trimmed_line, name) && !trimmed_line.contains(&close) {
            depth += 1;
        } else if let Some(at) = line.find(&close) {
            if depth == 0 {
                let before = &line[..at];
                if !before.trim().is_empty() {
                    inner.push(before.to_string());
                }
                return Some((inner, j + 1));
            }
            depth -= 1;
        }
        inner.push(line.to_string());
    }
    None
}

/// `line` with each `<Badge text="New" />` outside code spans as its text
/// in bold.
fn badges(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("<Badge") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let in_code = out.matches('`').count() % 2 == 1;
        let written = (!in_code && opens(from, "Badge"))
            .then(|| tag_end(from))
            .flatten()
            .filter(|&end| from[..end].trim_end().ends_with('/'))
            .and_then(|end| Some((attribute(&from[..end], "text")?, end)));
        match written {
            Some((text, end)) => {
                out.push_str(&format!("**{text}**"));
                rest = &from[end + 1..];
            }
            None => {
                out.push_str("<Badge");
                rest = &from["<Badge".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::Generator;
    use super::super::super::body::convert as convert_body;
    use super::*;

    fn starlight(body: &str) -> String {
        convert_body(body, Generator::Starlight).unwrap_or_else(|| body.to_string())
    }

    #[test]
    fn asides_in_both_forms_become_alerts() {
        let body = "import { Aside } from '@astrojs/starlight/components';\n\n:::tip[Call back the same day]\nA missed call is a promise.\n:::\n\n<Aside type=\"caution\" title=\"Never guess\">\n  Ask the account lead before quoting a fee.\n\n  :::note\n  Nested.\n  :::\n</Aside>\nAfter.\n\n<Aside>One line.</Aside>\n\n:::danger\nNo client data in chat.\n:::\n";
        assert_eq!(
            starlight(body),
            "<!-- import { Aside } from '@astrojs/starlight/components'; -->\n\n> [!TIP]\n> **Call back the same day**\n>\n> A missed call is a promise.\n\n> [!WARNING]\n> **Never guess**\n>\n> Ask the account lead before quoting a fee.\n>\n> > [!NOTE]\n> > Nested.\n\nAfter.\n\n> [!NOTE]\n> One line.\n\n> [!CAUTION]\n> **Danger**\n>\n> No client data in chat.\n"
        );
    }

    #[test]
    fn steps_cards_and_link_cards_become_markdown() {
        let body = "<Steps>\n\n1. Greet the client.\n\n2. Listen:\n\n   <Aside type=\"tip\">Take notes.</Aside>\n\n</Steps>\n\n<CardGrid stagger>\n  <Card title=\"Warmth\" icon=\"heart\">\n    We greet by name.\n  </Card>\n  <Card title=\"Speed\">Same-day answers.</Card>\n</CardGrid>\n\n<LinkCard\n  title=\"Escalations\"\n  href=\"/guides/escalations/\"\n  description=\"When to call a partner.\"\n/>\n<LinkCard title=\"Billing\" href=\"/billing/\" />\n";
        assert_eq!(
            starlight(body),
            "1. Greet the client.\n\n2. Listen:\n\n   > [!TIP]\n   > Take notes.\n\n**Warmth**\n\nWe greet by name.\n\n**Speed**\n\nSame-day answers.\n\n[Escalations](/guides/escalations/) — When to call a partner.\n\n[Billing](/billing/)\n"
        );
    }

    #[test]
    fn badges_become_bold_and_code_is_left_alone() {
        let body = "## Refunds <Badge text=\"New\" variant=\"tip\" />\n\nWrite `<Badge text=\"x\" />` so.\n\n```mdx\n<Aside>in code</Aside>\n```\n";
        assert_eq!(
            starlight(body),
            "## Refunds **New**\n\nWrite `<Badge text=\"x\" />` so.\n\n```mdx\n<Aside>in code</Aside>\n```\n"
        );
    }

    #[test]
    fn tabs_become_bold_labels_as_docusaurus_tabs_do() {
        let body = "<Tabs syncKey=\"channel\">\n  <TabItem label=\"Phone\">\n    Answer by the third ring.\n  </TabItem>\n  <TabItem label=\"Email\">Reply within four hours.</TabItem>\n</Tabs>\n";
        assert_eq!(
            starlight(body),
            "**Phone**\n\nAnswer by the third ring.\n\n**Email**\n\nReply within four hours.\n\n"
        );
    }

    #[test]
    fn unknown_and_unclosed_components_are_hand_work() {
        let body = "import { FileTree, Icon } from '@astrojs/starlight/components';\n\n<FileTree>\n- clients/\n</FileTree>\n\nWe <Icon name=\"star\" /> care. `<Code />` is code.\n\n<Aside>never closed\n\n<Steps>\n1. Fine.\n</Steps>\n";
        assert_eq!(
            hand_work(body),
            [
                "<FileTree>, a component credo has no form for",
                "<Icon>, a component credo has no form for",
                "<Aside>, a component credo has no form for",
            ]
        );
        assert!(hand_work("<Aside>Fine.</Aside>\n<Badge text=\"a\" />\n").is_empty());
    }
}
