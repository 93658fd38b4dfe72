//! The one change an import makes to a page's body: another generator's
//! callouts, which credo would show as stray text, become GitHub alerts
//! (`> [!NOTE]`), the callouts credo renders. MkDocs writes them as
//! `!!! note "Title"` (`??? note` folded) over an indented block, and tabs
//! as `=== "Tab"`; Docusaurus as `:::note Title` ... `:::`. Fenced code is
//! left alone. What has no Markdown equivalent (MDX imports and JSX,
//! MkDocs snippets) is only named, for the report.

use super::Generator;

/// `body` with its callouts rewritten for `generator`, or `None` when it
/// has none.
pub(super) fn convert(body: &str, generator: Generator) -> Option<String> {
    let lines: Vec<&str> = body.lines().collect();
    let out = match generator {
        Generator::MkDocs => mkdocs(&lines),
        Generator::Docusaurus => docusaurus(&lines),
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
pub(super) fn hand_work(body: &str, generator: Generator) -> Vec<&'static str> {
    let mut found = Vec::new();
    let mut fence = None;
    for line in body.lines() {
        if step_fence(&mut fence, line) || fence.is_some() {
            continue;
        }
        let trimmed = line.trim_start();
        let kind = match generator {
            Generator::MkDocs if trimmed.starts_with("--8<--") => "snippet includes (--8<--)",
            Generator::Docusaurus if is_mdx_statement(line) => "MDX imports and exports",
            Generator::Docusaurus if starts_component(trimmed) => "JSX components (<Tabs>, …)",
            _ => continue,
        };
        if !found.contains(&kind) {
            found.push(kind);
        }
    }
    found
}

/// Whether `line` is an MDX `import … from '…'`, `import '…'` or
/// `export const|default|function …`, not prose that starts "Import the…".
fn is_mdx_statement(line: &str) -> bool {
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

/// Whether `line` opens a JSX component: `<Tabs`, `<TabItem value="x">`.
fn starts_component(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    name.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Follows fenced code: opens or closes `fence` at a fence line; `true` when
/// `line` is one.
fn step_fence(fence: &mut Option<(char, usize)>, line: &str) -> bool {
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
fn alert(kind: &str) -> (&'static str, bool) {
    let kind = kind.to_ascii_lowercase();
    let alert = match kind.as_str() {
        "tip" | "hint" | "success" | "check" | "done" => "TIP",
        "important" => "IMPORTANT",
        "warning" | "attention" | "bug" => "WARNING",
        "caution" | "danger" | "error" | "failure" | "fail" | "missing" => "CAUTION",
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
fn callout(kind: &str, title: Option<&str>, inner: Vec<String>) -> Vec<String> {
    let (alert, says_more) = alert(kind);
    let title = match title {
        Some(t) => Some(t.to_string()).filter(|t| !t.is_empty()),
        None => says_more.then(|| capitalised(kind)),
    };
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

/// The leading spaces and tabs of `line`: a block opened in a list item
/// stays in it.
fn indent_of(line: &str) -> &str {
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// Writes `block` (a converted callout or tab) into `out` at `indent`, with
/// a blank line after it when `next` is text: a quote would otherwise take
/// it in as a lazy continuation.
fn put(out: &mut Vec<String>, indent: &str, block: Vec<String>, next: Option<&str>) {
    out.extend(block.into_iter().map(|l| format!("{indent}{l}")));
    if next.is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
}

/// MkDocs: `!!! kind "title"`, `??? kind`, `???+ kind` and `=== "tab"`,
/// each over the lines indented four more spaces below it (nested ones
/// and ones in list items too).
fn mkdocs(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fence = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if step_fence(&mut fence, line) || fence.is_some() {
            out.push(line.to_string());
            i += 1;
            continue;
        }
        let indent = indent_of(line);
        let Some(head) = mkdocs_head(&line[indent.len()..]) else {
            out.push(line.to_string());
            i += 1;
            continue;
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
        put(&mut out, indent, block, lines.get(last + 1).copied());
        i = last + 1;
    }
    out
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
/// least as many colons (nested ones open with more), in a list item too.
fn docusaurus(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fence = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if step_fence(&mut fence, line) || fence.is_some() {
            out.push(line.to_string());
            i += 1;
            continue;
        }
        let Some((colons, kind, title)) = docusaurus_head(line) else {
            out.push(line.to_string());
            i += 1;
            continue;
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
            i += 1;
            continue;
        };
        let indent = indent_of(line);
        let inner: Vec<&str> = (lines[i + 1..close].iter())
            .map(|l| l.strip_prefix(indent).unwrap_or(l.trim_start()))
            .collect();
        let inner = docusaurus(&inner);
        put(
            &mut out,
            indent,
            callout(kind, title, inner),
            lines.get(close + 1).copied(),
        );
        i = close + 1;
    }
    out
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
            "import Tabs from '@theme/Tabs';\n\n> [!CAUTION]\n> **Never**\n>\n> Share passwords.\n\n> [!NOTE]\n> **Outer**\n>\n> > [!TIP]\n> > Inner.\n\n:::note\nunclosed\n"
        );
        assert_eq!(
            hand_work(body, Generator::Docusaurus),
            ["MDX imports and exports"]
        );
        assert_eq!(
            hand_work("<Tabs>\n<TabItem value=\"a\">\n", Generator::Docusaurus),
            ["JSX components (<Tabs>, …)"]
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
            hand_work(
                "import './styles.css';\nexport const x = 1;\n",
                Generator::Docusaurus
            ),
            ["MDX imports and exports"]
        );
    }
}
