//! The changes an import makes to a page's body, where credo would show
//! stray text ([`convert`]). Another generator's callouts become GitHub
//! alerts (`> [!NOTE]`), the callouts credo renders: MkDocs writes them as
//! `!!! note "Title"` (`??? note` folded) over an indented block,
//! Docusaurus as `:::note Title` ... `:::`, Docsify as `!> text` (see
//! [`super::docsify::body`]). MkDocs tabs (`=== "Tab"`)
//! become bold labels, images' attribute lists raw `<img>`s; the other
//! Python-Markdown extensions are in [`super::python_markdown`]. MDX is in
//! [`super::mdx`], Liquid and shortcodes in [`super::template_code`],
//! links in [`super::links`]. Fenced code is left alone. What has no
//! Markdown equivalent (other JSX, MkDocs snippets) is only named, for the
//! report ([`hand_work`]).

use super::Generator;
use super::mdx::{comment_out_esm, comments, is_mdx_statement, starts_component, tab};
use super::shortcodes::Syntax;
use super::template_code::{hugo, jekyll};
use crate::markdown::highlight::escape as html_attribute;

/// `body` with its callouts rewritten for `generator`, or `None` when it
/// has none.
pub(super) fn convert(body: &str, generator: Generator) -> Option<String> {
    let lines: Vec<&str> = body.lines().collect();
    let out = match generator {
        Generator::MkDocs => super::python_markdown::extensions(mkdocs(&lines)),
        Generator::Docusaurus => docusaurus(&lines),
        Generator::Jekyll => jekyll(&lines),
        Generator::Hugo => {
            let shortcodes = super::shortcodes::rewrite(&lines, Syntax::Hugo);
            hugo(&shortcodes.iter().map(String::as_str).collect::<Vec<_>>())
        }
        Generator::Zola => super::shortcodes::rewrite(&lines, Syntax::Zola),
        Generator::GitBook => super::gitbook::blocks(&lines),
        Generator::VitePress | Generator::VuePress => super::vitepress::containers(&lines),
        Generator::Docsify => super::docsify::body(&lines),
        Generator::Starlight => super::starlight::body(&lines),
        _ => return None,
    };
    if out.iter().map(String::as_str).eq(lines.iter().copied()) {
        return None;
    }
    let mut text = out.join("\n");
    if body.ends_with('\n') {
        text.push('\n');
    }
    Some(text)
}

/// What in `body` credo shows as written and the author should rewrite by
/// hand, for `generator`: a short name of each kind found.
pub(super) fn hand_work(body: &str, generator: Generator) -> Vec<String> {
    if generator == Generator::Starlight {
        return super::starlight::hand_work(body);
    }
    let mut found: Vec<String> = Vec::new();
    let mut fence = None;
    for line in body.lines() {
        if step_fence(&mut fence, line) || fence.is_some() {
            continue;
        }
        if generator == Generator::GitBook {
            for tag in super::gitbook::unknown_tags(line) {
                let kind = format!("GitBook's {{% {tag} %}}, which credo has no form for");
                if !found.contains(&kind) {
                    found.push(kind);
                }
            }
            continue;
        }
        let trimmed = line.trim_start();
        let kind = match generator {
            Generator::MkDocs if trimmed.starts_with("--8<--") => "snippet includes (--8<--)",
            // `We are <Brand />:` too, which credo would show as nothing.
            Generator::Docusaurus if holds_component(line) => "JSX components (<Admonition>, …)",
            _ => continue,
        };
        if !found.iter().any(|f| f == kind) {
            found.push(kind.to_string());
        }
    }
    found
}

/// Whether `line` holds a JSX component (`<Brand />`, `<Highlight>`)
/// outside its code spans.
fn holds_component(line: &str) -> bool {
    line.match_indices('<').any(|(at, _)| {
        let in_code = line[..at].matches('`').count() % 2 == 1;
        !in_code && starts_component(&line[at..])
    })
}

/// The walk of every body converter: fenced code is passed through as it
/// is written; each other line's index goes to `convert`, which writes
/// what it and the lines after it become into `out` and returns the index
/// of the first line it did not take.
pub(super) fn outside_fences(
    lines: &[&str],
    mut convert: impl FnMut(usize, &mut Vec<String>) -> usize,
) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fence = None;
    let mut i = 0;
    while i < lines.len() {
        if step_fence(&mut fence, lines[i]) || fence.is_some() {
            out.push(lines[i].to_string());
            i += 1;
            continue;
        }
        // At least one line further, whatever `convert` says.
        i = convert(i, &mut out).max(i + 1);
    }
    out
}

/// Follows fenced code: opens or closes `fence` at a fence line; `true` when
/// `line` is one.
pub(super) fn step_fence(fence: &mut Option<(char, usize)>, line: &str) -> bool {
    let trimmed = line.trim_start();
    let Some(c) = trimmed.chars().next().filter(|c| matches!(c, '`' | '~')) else {
        return false;
    };
    let run = trimmed.chars().take_while(|&x| x == c).count();
    if run < 3 {
        return false;
    }
    match *fence {
        None => *fence = Some((c, run)),
        Some((open, len)) if open == c && run >= len && trimmed[run..].trim().is_empty() => {
            *fence = None;
        }
        Some(_) => return false,
    }
    true
}

/// The GitHub alert for a callout type, and whether the type says more
/// than the alert's label (then it titles the callout, as the source
/// showed it).
pub(super) fn alert(kind: &str) -> (&'static str, bool) {
    let kind = kind.to_ascii_lowercase();
    let alert = match kind.as_str() {
        "tip" | "hint" | "success" | "check" | "done" => "TIP",
        "important" => "IMPORTANT",
        // Docusaurus and Material take `caution` for a warning, `danger` for
        // GitHub's CAUTION.
        "warning" | "attention" | "bug" | "caution" => "WARNING",
        "danger" | "error" | "failure" | "fail" | "missing" => "CAUTION",
        _ => "NOTE",
    };
    (alert, !alert.eq_ignore_ascii_case(&kind))
}

/// `word` with its first letter upper-case.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The lines of a callout: its alert, its title, then its own lines, all
/// quoted.
pub(super) fn callout(kind: &str, title: Option<&str>, inner: Vec<String>) -> Vec<String> {
    let (alert, says_more) = alert(kind);
    let title = match title {
        Some(t) => Some(t.to_string()).filter(|t| !t.is_empty()),
        None => says_more.then(|| capitalised(kind)),
    };
    alert_block(alert, title, inner)
}

/// The lines of a GitHub alert (`NOTE`, `TIP`, …): its title in bold,
/// then `inner`, all quoted.
pub(super) fn alert_block(alert: &str, title: Option<String>, inner: Vec<String>) -> Vec<String> {
    let mut out = vec![format!("> [!{alert}]")];
    if let Some(title) = title {
        out.push(format!("> **{title}**"));
        out.push(">".to_string());
    }
    out.extend(inner.into_iter().map(|l| {
        if l.is_empty() {
            ">".to_string()
        } else {
            format!("> {l}")
        }
    }));
    out
}

/// `lines` without the blank lines that open and close them.
pub(super) fn trimmed(mut lines: Vec<String>) -> Vec<String> {
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let start = lines.iter().position(|l| !l.trim().is_empty());
    lines.split_off(start.unwrap_or(lines.len()))
}

/// The leading spaces and tabs of `line`: a block opened in a list item
/// stays in it.
pub(super) fn indent_of(line: &str) -> &str {
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// `text` with each line that has any text put at `indent`: an included
/// file written where a list item's line included it stays in that item.
pub(super) fn at_indent(text: &str, indent: &str) -> String {
    if indent.is_empty() {
        return text.to_string();
    }
    let lines: Vec<String> = (text.lines())
        .map(|l| match l.trim().is_empty() {
            true => String::new(),
            false => format!("{indent}{l}"),
        })
        .collect();
    lines.join("\n")
}

/// Writes `block` (a converted callout or tab) into `out` at `indent`, with
/// a blank line after it when `next` is text: a quote would otherwise take
/// it in as a lazy continuation.
pub(super) fn put(out: &mut Vec<String>, indent: &str, block: Vec<String>, next: Option<&str>) {
    out.extend(block.into_iter().map(|l| format!("{indent}{l}")));
    if next.is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
}

/// MkDocs: `!!! kind "title"`, `??? kind`, `???+ kind` and `=== "tab"`,
/// each over the lines indented four more spaces below it (nested ones
/// and ones in list items too).
fn mkdocs(lines: &[&str]) -> Vec<String> {
    outside_fences(lines, |i, out| {
        let line = lines[i];
        let indent = indent_of(line);
        let Some(head) = mkdocs_head(&line[indent.len()..]) else {
            out.push(without_attr_lists(line));
            return i + 1;
        };
        // The block: the lines indented four spaces (or a tab) past the
        // head, and blank lines between them.
        let inside = |l: &str| -> Option<usize> {
            let rest = l.strip_prefix(indent)?;
            if rest.starts_with("    ") {
                Some(indent.len() + 4)
            } else if rest.starts_with('\t') {
                Some(indent.len() + 1)
            } else {
                None
            }
        };
        let mut end = i + 1;
        let mut last = i;
        while end < lines.len() {
            let l = lines[end];
            if l.trim().is_empty() {
                end += 1;
                continue;
            }
            if inside(l).is_none() {
                break;
            }
            last = end;
            end += 1;
        }
        let inner: Vec<&str> = (lines[i + 1..=last].iter())
            .map(|l| inside(l).map_or("", |at| &l[at..]))
            .collect();
        let inner = mkdocs(&inner);
        let block = match head {
            Head::Callout { kind, title } => callout(kind, title, inner),
            Head::Tab(title) => {
                let mut block = vec![format!("**{title}**"), String::new()];
                block.extend(inner);
                block
            }
        };
        put(out, indent, block, lines.get(last + 1).copied());
        last + 1
    })
}

/// `line` with the attribute lists (`{ width="300" }`, `{ .md-button }`)
/// that Python-Markdown's attr_list hangs on images and links, which
/// credo would show as text: an image keeps its attributes as a raw
/// `<img>`, a link loses its list.
fn without_attr_lists(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("){") {
        let (before, after) = rest.split_at(at + 1);
        let Some(close) = after.find('}') else {
            break;
        };
        let list = &after[1..close];
        // In a code span (an odd number of backticks before it), or after
        // no link or image, the braces are text.
        let in_code = (out.matches('`').count() + before.matches('`').count()) % 2 == 1;
        let image = image_at_end(before);
        let attributes =
            attr_list(list).filter(|_| !in_code && (image.is_some() || link_at_end(before)));
        let Some(attributes) = attributes else {
            out.push_str(before);
            rest = after;
            continue;
        };
        match image {
            Some((start, alt, src, title)) => {
                out.push_str(&before[..start]);
                // The image's own title, unless its list sets one.
                let title = title
                    .filter(|_| !attributes.contains(" title=\""))
                    .map(|t| format!(" title=\"{}\"", html_attribute(t)))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\"{title}{attributes}>",
                    html_attribute(src),
                    html_attribute(alt)
                ));
            }
            None => out.push_str(before),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// An attr_list's attributes as HTML (` class="a b" width="300"`), or
/// `None` when `list` is no attribute list.
fn attr_list(list: &str) -> Option<String> {
    let mut classes = Vec::new();
    let mut html = String::new();
    let mut rest = list.trim();
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let token_end = match rest.find('=') {
            Some(eq) if !rest[..eq].contains(char::is_whitespace) => {
                let value = &rest[eq + 1..];
                match value.chars().next() {
                    Some(q @ ('"' | '\'')) => eq + 2 + value[1..].find(q)? + 1,
                    _ => eq + 1 + value.find(char::is_whitespace).unwrap_or(value.len()),
                }
            }
            _ => rest.find(char::is_whitespace).unwrap_or(rest.len()),
        };
        let token = &rest[..token_end];
        if let Some(class) = token.strip_prefix('.') {
            classes.push(class);
        } else if let Some(id) = token.strip_prefix('#') {
            html.push_str(&format!(" id=\"{}\"", html_attribute(id)));
        } else {
            let (key, value) = token.split_once('=')?;
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return None;
            }
            let value = value.trim_matches(['"', '\'']);
            html.push_str(&format!(" {key}=\"{}\"", html_attribute(value)));
        }
        rest = rest[token_end..].trim_start();
    }
    if !classes.is_empty() {
        html.insert_str(
            0,
            &format!(" class=\"{}\"", html_attribute(&classes.join(" "))),
        );
    }
    Some(html)
}

/// The image `![alt](src "title")` that `text` ends with: where it starts,
/// its alt text, its source and its title.
fn image_at_end(text: &str) -> Option<(usize, &str, &str, Option<&str>)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind("](")?;
    let (src, title) = source_and_title(inner[open + 2..].trim())?;
    let start = inner[..open].rfind("![")?;
    Some((start, &inner[start + 2..open], src, title))
}

/// A destination's source and title (`team photo.png "The team"`):
/// Python-Markdown allows spaces in the source (`img/team photo.png`),
/// so the title is only a quoted or bracketed text at the end, after a
/// space; `<…>` encloses a source.
fn source_and_title(destination: &str) -> Option<(&str, Option<&str>)> {
    if let Some(enclosed) = destination.strip_prefix('<') {
        let close = enclosed.find('>')?;
        let title = enclosed[close + 1..].trim();
        let title = (title.len() >= 2).then(|| &title[1..title.len() - 1]);
        return Some((&enclosed[..close], title));
    }
    for (open, close) in [('"', '"'), ('\'', '\''), ('(', ')')] {
        let Some(inner) = destination.strip_suffix(close) else {
            continue;
        };
        let Some(at) = inner.rfind(open) else {
            continue;
        };
        let src = &inner[..at];
        if src.ends_with(char::is_whitespace) && !src.trim().is_empty() {
            return Some((src.trim_end(), Some(&inner[at + 1..])));
        }
    }
    (!destination.is_empty()).then_some((destination, None))
}

/// Whether `text` ends with a link, `[label](destination)`.
fn link_at_end(text: &str) -> bool {
    text.strip_suffix(')')
        .and_then(|inner| inner.rfind("]("))
        .is_some_and(|open| text[..open].contains('['))
}

/// The opening line of an MkDocs block.
enum Head<'a> {
    /// `!!! kind "title"`: the title `None` when not written.
    Callout {
        kind: &'a str,
        title: Option<&'a str>,
    },
    /// `=== "tab"`.
    Tab(&'a str),
}

fn mkdocs_head(line: &str) -> Option<Head<'_>> {
    if let Some(rest) = (line.strip_prefix("===+ "))
        .or_else(|| line.strip_prefix("===! "))
        .or_else(|| line.strip_prefix("=== "))
    {
        let title = rest.trim().strip_prefix('"')?.strip_suffix('"')?;
        return Some(Head::Tab(title));
    }
    let rest = (line.strip_prefix("!!!"))
        .or_else(|| line.strip_prefix("???+"))
        .or_else(|| line.strip_prefix("???"))?
        .trim();
    let (kind, title) = match rest.split_once(char::is_whitespace) {
        Some((kind, title)) => (kind, Some(title.trim())),
        None => (rest, None),
    };
    // `!!! note inline end "Title"`: the placement words are Material's.
    let title = title.and_then(|t| t.find('"').map(|at| &t[at..]));
    let title = match title {
        Some(t) => Some(t.strip_prefix('"')?.strip_suffix('"')?),
        None => None,
    };
    kind.chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        .then_some(Head::Callout { kind, title })
        .filter(|_| !kind.is_empty())
}

/// Docusaurus: `:::kind Title` or `:::kind[Title]`, up to a line of at
/// least as many colons (nested ones open with more), in a list item too;
/// `<Tabs>` with its `<TabItem label="…">`s; MDX `import`/`export`
/// statements, which become HTML comments (kept, but neither shown nor
/// searched).
pub(super) fn docusaurus(lines: &[&str]) -> Vec<String> {
    // Where the open `<Tabs>` stood: its items' labels and text go there.
    let mut tabs_indent = "";
    outside_fences(lines, |i, out| {
        let line = lines[i];
        if is_mdx_statement(line) {
            return comment_out_esm(lines, i, out);
        }
        if let Some(next) = comments(lines, i, out) {
            return next;
        }
        if let Some(next) = tab(lines, i, &mut tabs_indent, out) {
            return next;
        }
        let Some((colons, kind, title)) = docusaurus_head(line) else {
            out.push(line.to_string());
            return i + 1;
        };
        let mut inner_fence = None;
        let close = (i + 1..lines.len()).find(|&j| {
            let l = lines[j].trim();
            !step_fence(&mut inner_fence, l)
                && inner_fence.is_none()
                && l.len() >= colons
                && l.chars().all(|c| c == ':')
        });
        let Some(close) = close else {
            out.push(line.to_string());
            return i + 1;
        };
        let indent = indent_of(line);
        let inner: Vec<&str> = (lines[i + 1..close].iter())
            .map(|l| l.strip_prefix(indent).unwrap_or(l.trim_start()))
            .collect();
        let inner = docusaurus(&inner);
        put(
            out,
            indent,
            callout(kind, title, inner),
            lines.get(close + 1).copied(),
        );
        close + 1
    })
}

fn docusaurus_head(line: &str) -> Option<(usize, &str, Option<&str>)> {
    let trimmed = line.trim();
    let colons = trimmed.chars().take_while(|&c| c == ':').count();
    if colons < 3 {
        return None;
    }
    let rest = &trimmed[colons..];
    let kind_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let (kind, after) = rest.split_at(kind_len);
    if kind.is_empty() {
        return None;
    }
    // A directive's attributes (`:::tip{icon="heart"}`) are no part of
    // its title.
    let after = match after.trim_end().strip_suffix('}') {
        Some(attributed) => attributed.rfind('{').map_or(after, |at| &attributed[..at]),
        None => after,
    };
    let after = after.trim();
    let title = match after.strip_prefix('[') {
        Some(t) => Some(t.strip_suffix(']')?),
        None => Some(after).filter(|t| !t.is_empty()),
    };
    Some((colons, kind, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_jsx_components_are_hand_work() {
        let found = |body: &str| hand_work(body, Generator::Docusaurus);
        assert_eq!(
            found("We are <Brand />: warm.\n"),
            ["JSX components (<Admonition>, …)"]
        );
        assert!(found("Write `<Brand />` or <br> or a < b.\n").is_empty());
    }

    /// A directive's attributes (`{icon="heart"}`, which Starlight reads)
    /// were shown as the callout's title.
    #[test]
    fn directive_attributes_are_no_title() {
        assert_eq!(
            convert(
                ":::tip[Smile]{icon=\"heart\"}\nOn the phone too.\n:::\n:::note{.wide}\nx\n:::\n",
                Generator::Docusaurus
            )
            .unwrap(),
            "> [!TIP]\n> **Smile**\n>\n> On the phone too.\n\n> [!NOTE]\n> x\n"
        );
    }

    #[test]
    fn callout_types_take_the_alert_that_means_the_same() {
        assert_eq!(alert("caution"), ("WARNING", true));
        assert_eq!(alert("danger"), ("CAUTION", true));
        assert_eq!(alert("Warning"), ("WARNING", false));
        assert_eq!(alert("example"), ("NOTE", true));
    }

    #[test]
    fn mkdocs_callouts_tabs_and_nesting_become_alerts() {
        let body = "Intro.\n\n!!! warning \"Mind the date\"\n    Renewals lapse.\n\n    Check twice.\n\n??? tip\n    Folded.\n\n!!! example\n    Nested:\n\n    !!! note\n        Inner.\n\n=== \"Phone\"\n    Call back.\n\n```\n!!! note\n    in code\n```\nAfter.\n";
        assert_eq!(
            convert(body, Generator::MkDocs).unwrap(),
            "Intro.\n\n> [!WARNING]\n> **Mind the date**\n>\n> Renewals lapse.\n>\n> Check twice.\n\n> [!TIP]\n> Folded.\n\n> [!NOTE]\n> **Example**\n>\n> Nested:\n>\n> > [!NOTE]\n> > Inner.\n\n**Phone**\n\nCall back.\n\n```\n!!! note\n    in code\n```\nAfter.\n"
        );
        assert_eq!(convert("Plain text.\n", Generator::MkDocs), None);
        assert_eq!(convert("!!! note\n    x\n", Generator::Hugo), None);
    }

    #[test]
    fn docusaurus_admonitions_become_alerts_and_mdx_is_named() {
        let body = "import Tabs from '@theme/Tabs';\n\n:::danger[Never]\nShare passwords.\n:::\n\n::::info Outer\n:::tip\nInner.\n:::\n::::\n\n:::note\nunclosed\n";
        assert_eq!(
            convert(body, Generator::Docusaurus).unwrap(),
            "<!-- import Tabs from '@theme/Tabs'; -->\n\n> [!CAUTION]\n> **Never**\n>\n> Share passwords.\n\n> [!NOTE]\n> **Outer**\n>\n> > [!TIP]\n> > Inner.\n\n:::note\nunclosed\n"
        );
        assert!(hand_work(body, Generator::Docusaurus).is_empty());
        assert_eq!(
            hand_work("<Tabs>\n<Admonition type=\"a\">\n", Generator::Docusaurus),
            ["JSX components (<Admonition>, …)"]
        );
        assert_eq!(
            hand_work(
                "```\n--8<-- \"x.md\"\n```\n--8<-- \"y.md\"\n",
                Generator::MkDocs
            ),
            ["snippet includes (--8<--)"]
        );
    }

    /// Callouts in list items stay in them; the text after one is not
    /// drawn into it; the variants Python-Markdown and Material accept.
    #[test]
    fn callouts_in_list_items_and_the_line_after_them() {
        let mkdocs_body = "1. Step\n\n    !!!tip\n        Inside.\n\n2. Next\n\n!!! note\n    Last line.\nLazy paragraph.\n\n===+ \"Open tab\"\n    Shown.\n";
        assert_eq!(
            convert(mkdocs_body, Generator::MkDocs).unwrap(),
            "1. Step\n\n    > [!TIP]\n    > Inside.\n\n2. Next\n\n> [!NOTE]\n> Last line.\n\nLazy paragraph.\n\n**Open tab**\n\nShown.\n"
        );
        let docusaurus_body = "- Bullet\n\n    :::danger\n    Four spaces in a list.\n    :::\n\n:::note\nInside.\n::::\nOutside paragraph.\n";
        assert_eq!(
            convert(docusaurus_body, Generator::Docusaurus).unwrap(),
            "- Bullet\n\n    > [!CAUTION]\n    > **Danger**\n    >\n    > Four spaces in a list.\n\n> [!NOTE]\n> Inside.\n\nOutside paragraph.\n"
        );
        assert!(
            hand_work(
                "Import the contacts into the CRM.\nexport them weekly.\n",
                Generator::Docusaurus
            )
            .is_empty()
        );
        assert_eq!(
            convert(
                "import './styles.css';\nexport const x = {\n  a: 1, // -- one\n};\n\nText.\n",
                Generator::Docusaurus
            )
            .unwrap(),
            "<!--\nimport './styles.css';\nexport const x = {\n  a: 1, // - - one\n};\n-->\n\nText.\n"
        );
    }

    /// Python-Markdown's attribute lists: an image keeps them as a raw
    /// `<img>`; a link (Material's buttons) loses them; braces that are
    /// no list stay.
    #[test]
    fn mkdocs_attr_lists_on_images_and_links() {
        let body = "![Team photo](img/team.png \"The team\"){ width=\"300\" loading=lazy .shadow #team }\n[Sign up](signup.md){ .md-button .md-button--primary } and {not a list} or ![x](a.png){}\n```\n![c](c.png){ width=1 }\n```\n";
        assert_eq!(
            convert(body, Generator::MkDocs).unwrap(),
            "<img src=\"img/team.png\" alt=\"Team photo\" title=\"The team\" class=\"shadow\" width=\"300\" loading=\"lazy\" id=\"team\">\n[Sign up](signup.md) and {not a list} or ![x](a.png){}\n```\n![c](c.png){ width=1 }\n```\n"
        );
        assert_eq!(attr_list("a b"), None);
        // A source with spaces, which Python-Markdown allows, is kept
        // whole (it was cut at its first space: `src="img/team"`), with
        // or without a title, and so is one in `<…>`.
        let spaced = "![Team](img/team photo.png){ width=\"300\" } ![Desk](<img/front desk.png> \"Front\"){ .wide } ![Map](maps/floor plan (v2).svg 'Floor'){ loading=lazy }\n";
        assert_eq!(
            convert(spaced, Generator::MkDocs).unwrap(),
            "<img src=\"img/team photo.png\" alt=\"Team\" width=\"300\"> <img src=\"img/front desk.png\" alt=\"Desk\" title=\"Front\" class=\"wide\"> <img src=\"maps/floor plan (v2).svg\" alt=\"Map\" title=\"Floor\" loading=\"lazy\">\n"
        );
        // Braces after no link, or in code, are text.
        let code = "`if (ok){ x=1 }` and (code){ a=1 }\n";
        assert_eq!(convert(code, Generator::MkDocs), None);
        assert_eq!(
            attr_list("title=\"x y\" align=left").as_deref(),
            Some(" title=\"x y\" align=\"left\"")
        );
    }
}
