//! The shortcodes of Hugo and Zola sites that Markdown has a form for:
//! the callouts every docs theme defines under one name or another
//! (Hugo's `{{< hint warning >}}` … `{{< /hint >}}`, Docsy's `{{% alert
//! title="Mind" color="warning" %}}`, Relearn's `{{% notice tip %}}`,
//! Zola's `{% note(kind="warning") %}` … `{% end %}`) become GitHub alerts;
//! a folded block (`{{< details "Title" >}}`, `{{< expand >}}`) a
//! `<details>`; each tab of a set (`{{< tabs >}}{{< tab "Mac" >}}`, Docsy's
//! `{{% tab header="Mac" %}}`) a bold label over its text, as MkDocs' are; a video (`{{< youtube ID >}}`, `{{ youtube(id="ID") }}`) a
//! link to it. Credo renders none of these as written, and a theme's own
//! shortcode names nothing credo could guess, so any other stays, for the
//! report and `credo check` (`template-code`) to point at.

use super::body::{alert, alert_block, indent_of, outside_fences, put, step_fence};

/// Which generator's shortcode syntax a body is written in.
#[derive(Clone, Copy)]
pub(super) enum Syntax {
    Hugo,
    Zola,
}

/// Names of callout shortcodes whose kind is an argument (`hint warning`,
/// `alert color="danger"`); without one they are a note.
const CALLOUTS: &[&str] = &["notice", "hint", "alert", "admonition", "callout", "aside"];

/// Names of callout shortcodes that are their own kind.
const KINDS: &[&str] = &[
    "note",
    "tip",
    "info",
    "warning",
    "important",
    "caution",
    "danger",
    "error",
];

/// Names of folded blocks.
const FOLDED: &[&str] = &["details", "expand", "collapse", "spoiler"];

/// Names of a set of tabs, which goes, its tabs staying.
const TAB_SETS: &[&str] = &["tabs", "tabpane", "tabset"];

/// Argument names that give a callout's kind, as the common themes call it.
const KIND_KEYS: &[&str] = &["type", "kind", "style", "color", "level", "context"];

/// `lines` with their callout, folded-block and video shortcodes written as
/// Markdown (nested ones too); fenced code is left alone.
pub(super) fn rewrite(lines: &[&str], syntax: Syntax) -> Vec<String> {
    outside_fences(lines, |i, out| {
        let line = lines[i];
        let opened = opening(line.trim(), syntax).and_then(|(name, args)| {
            let close = closing(lines, i, name, syntax)?;
            Some((name, args, close))
        });
        let Some((name, args, close)) = opened else {
            out.push(videos(line, syntax));
            return i + 1;
        };
        let indent = indent_of(line);
        let inner: Vec<&str> = (lines[i + 1..close].iter())
            .map(|l| l.strip_prefix(indent).unwrap_or(l.trim_start()))
            .collect();
        let inner = super::body::trimmed(rewrite(&inner, syntax));
        let args = arguments(args);
        let block = match name {
            _ if FOLDED.contains(&name) => folded(&args, inner),
            _ if TAB_SETS.contains(&name) => inner,
            // A bold label over its text, as MkDocs' tabs are written.
            "tab" => {
                let label = ["header", "title", "name"]
                    .iter()
                    .find_map(|k| named(&args, k));
                let label = label.or(positional(&args, 0)).unwrap_or("Tab");
                [vec![format!("**{label}**"), String::new()], inner].concat()
            }
            // Untitled unless it says a title: these themes show a
            // coloured box, not the kind's name.
            _ => {
                let title = named(&args, "title").or(positional(&args, 1));
                alert_block(
                    alert(&kind_of(name, &args)).0,
                    title.map(str::to_string),
                    inner,
                )
            }
        };
        put(out, indent, block, lines.get(close + 1).copied());
        close + 1
    })
}

/// A line that opens a callout or folded block: its name (lower case as
/// written) and its arguments.
fn opening(line: &str, syntax: Syntax) -> Option<(&str, &str)> {
    let (name, args) = match syntax {
        Syntax::Hugo => {
            let inner = (line.strip_prefix("{{<").and_then(|l| l.strip_suffix(">}}")))
                .or_else(|| line.strip_prefix("{{%").and_then(|l| l.strip_suffix("%}}")))?
                .trim();
            inner
                .split_once(char::is_whitespace)
                .map_or((inner, ""), |(n, a)| (n, a.trim()))
        }
        Syntax::Zola => {
            let inner = line.strip_prefix("{%")?.strip_suffix("%}")?.trim();
            let (name, rest) = inner.split_once('(')?;
            (name.trim(), rest.trim_end().strip_suffix(')')?)
        }
    };
    // `{{< note />}}` closes itself: no block.
    if args.ends_with('/') {
        return None;
    }
    let known = [CALLOUTS, KINDS, FOLDED, TAB_SETS, &["tab"]]
        .iter()
        .any(|names| names.contains(&name));
    known.then_some((name, args))
}

/// The line that closes the block `name` opened at `open`, past nested
/// blocks of the same name and fenced code.
fn closing(lines: &[&str], open: usize, name: &str, syntax: Syntax) -> Option<usize> {
    let mut fence = None;
    let mut depth = 0;
    for (at, line) in lines.iter().enumerate().skip(open + 1) {
        if step_fence(&mut fence, line) || fence.is_some() {
            continue;
        }
        let line = line.trim();
        let closes = match syntax {
            Syntax::Hugo => ["{{<", "{{%"].iter().any(|open| {
                line.strip_prefix(open)
                    .and_then(|l| l.trim_start().strip_prefix('/'))
                    .and_then(|l| l.trim_start().strip_prefix(name))
                    .is_some_and(|l| matches!(l.trim(), ">}}" | "%}}"))
            }),
            Syntax::Zola => (line.strip_prefix("{%").and_then(|l| l.strip_suffix("%}")))
                .is_some_and(|l| l.trim() == "end"),
        };
        if closes && depth == 0 {
            return Some(at);
        }
        if closes {
            depth -= 1;
        } else if opens_nested(line, name, syntax) {
            depth += 1;
        }
    }
    None
}

/// Whether `line` opens a block that a later closing line of `name`'s
/// would close: one of the same name (Hugo closes by name), any body
/// shortcode (Zola closes each with `{% end %}`).
fn opens_nested(line: &str, name: &str, syntax: Syntax) -> bool {
    match syntax {
        Syntax::Hugo => opening(line, syntax).is_some_and(|(n, _)| n == name),
        Syntax::Zola => (line.strip_prefix("{%").and_then(|l| l.strip_suffix("%}")))
            .is_some_and(|l| l.contains('(') && l.trim_end().ends_with(')')),
    }
}

/// A shortcode's arguments: `warning "Mind the gap"`, `title="Mind"
/// color="warning"`, `kind="tip", title="x"` as (name, value) pairs, a
/// positional one without a name.
fn arguments(args: &str) -> Vec<(Option<&str>, &str)> {
    let mut out = Vec::new();
    let mut rest = args.trim();
    while !rest.is_empty() {
        let key_end = rest.find(|c: char| c == '=' || c == ',' || c.is_whitespace() || c == '"');
        let (key, after) = match key_end {
            Some(at) if rest[at..].starts_with('=') => (Some(rest[..at].trim()), &rest[at + 1..]),
            _ => (None, rest),
        };
        let after = after.trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'' | '`')) => match after[1..].find(q) {
                Some(end) => (&after[1..1 + end], &after[end + 2..]),
                None => (&after[1..], ""),
            },
            _ => {
                let end = after
                    .find(|c: char| c == ',' || c.is_whitespace())
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        out.push((key, value));
        rest = next.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    }
    out
}

fn named<'a>(args: &[(Option<&str>, &'a str)], key: &str) -> Option<&'a str> {
    (args.iter())
        .find(|(k, _)| k.is_some_and(|k| k.eq_ignore_ascii_case(key)))
        .map(|(_, v)| *v)
}

/// The `n`th argument without a name.
fn positional<'a>(args: &[(Option<&str>, &'a str)], n: usize) -> Option<&'a str> {
    (args.iter().filter(|(k, _)| k.is_none()).nth(n)).map(|(_, v)| *v)
}

/// A callout's kind: the argument that names it (`alert
/// color="danger"`, `note(kind="warning")`), else the name itself
/// (`{{< warning >}}`), else its first argument (`hint warning`), else a
/// note.
fn kind_of(name: &str, args: &[(Option<&str>, &str)]) -> String {
    let kind = KIND_KEYS.iter().find_map(|key| named(args, key));
    let kind = match KINDS.contains(&name) {
        true => kind.unwrap_or(name),
        false => kind.or(positional(args, 0)).unwrap_or("note"),
    };
    kind.to_ascii_lowercase()
}

/// A folded block: `<details>` with its title (`{{< details "Title" >}}`,
/// `title=`, `summary=`) over its Markdown, blank lines around it so that
/// it is read as Markdown.
fn folded(args: &[(Option<&str>, &str)], inner: Vec<String>) -> Vec<String> {
    let title = (named(args, "title").or(named(args, "summary")))
        .or(positional(args, 0))
        .unwrap_or("Details");
    let summary = crate::markdown::highlight::escape(title);
    let mut block = vec![
        format!("<details><summary>{summary}</summary>"),
        String::new(),
    ];
    block.extend(inner);
    block.extend([String::new(), "</details>".to_string()]);
    block
}

/// `line` with each video shortcode that stands alone on it (Hugo's
/// `{{< youtube ID >}}`, `{{< vimeo ID >}}`; Zola's `{{ youtube(id="ID")
/// }}`) written as a link to the video.
fn videos(line: &str, syntax: Syntax) -> String {
    let trimmed = line.trim();
    let call = match syntax {
        Syntax::Hugo => (trimmed
            .strip_prefix("{{<")
            .and_then(|l| l.strip_suffix(">}}")))
        .map(|inner| inner.trim().split_once(char::is_whitespace))
        .and_then(|call| call.map(|(name, args)| (name, arguments(args)))),
        Syntax::Zola => (trimmed
            .strip_prefix("{{")
            .and_then(|l| l.strip_suffix("}}")))
        .and_then(|inner| inner.trim().split_once('('))
        .and_then(|(name, args)| Some((name.trim(), arguments(args.strip_suffix(')')?)))),
    };
    let Some((name, args)) = call else {
        return line.to_string();
    };
    let id = named(&args, "id").or(positional(&args, 0));
    let url = match (name, id) {
        ("youtube", Some(id)) => format!("https://www.youtube.com/watch?v={id}"),
        ("vimeo", Some(id)) => format!("https://vimeo.com/{id}"),
        _ => return line.to_string(),
    };
    let title = named(&args, "title").unwrap_or(match name {
        "youtube" => "Video on YouTube",
        _ => "Video on Vimeo",
    });
    format!("{}[{title}]({url})", indent_of(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(body: &str, syntax: Syntax) -> String {
        let lines: Vec<&str> = body.lines().collect();
        rewrite(&lines, syntax).join("\n")
    }

    #[test]
    fn hugo_theme_callouts_become_alerts() {
        let body = "{{< hint warning >}}\nMind the **gap**.\n{{< /hint >}}\nAfter.\n\n\
                    {{% alert title=\"Before you call\" color=\"danger\" %}}\nCheck the account.\n{{% /alert %}}\n\n\
                    {{% notice tip \"Quick win\" %}}\nSmile.\n{{% /notice %}}\n\n\
                    - item\n\n  {{< note >}}\n  In the item.\n  {{< /note >}}\n\n\
                    {{< hint >}}\nunclosed\n\n```\n{{< hint info >}}\n```\n{{< note />}}\n{{< /note >}}";
        assert_eq!(
            rewritten(body, Syntax::Hugo),
            "> [!WARNING]\n> Mind the **gap**.\n\nAfter.\n\n\
             > [!CAUTION]\n> **Before you call**\n>\n> Check the account.\n\n\
             > [!TIP]\n> **Quick win**\n>\n> Smile.\n\n\
             - item\n\n  > [!NOTE]\n  > In the item.\n\n\
             {{< hint >}}\nunclosed\n\n```\n{{< hint info >}}\n```\n{{< note />}}\n{{< /note >}}"
        );
    }

    #[test]
    fn nested_callouts_folded_blocks_and_videos() {
        let body = "{{< details \"Why we ask\" >}}\nBecause.\n\n{{< callout type=\"info\" >}}\nInside.\n{{< /callout >}}\n{{< /details >}}\n\n{{< youtube dQw4 >}}\n{{< gist someone 123 >}}";
        assert_eq!(
            rewritten(body, Syntax::Hugo),
            "<details><summary>Why we ask</summary>\n\nBecause.\n\n> [!NOTE]\n> Inside.\n\n</details>\n\n\
             [Video on YouTube](https://www.youtube.com/watch?v=dQw4)\n{{< gist someone 123 >}}"
        );
        let zola = "{% note(kind=\"warning\", title=\"Careful\") %}\nNever skip a rung.\n{% quote(by=\"Ana\") %}\nUp.\n{% end %}\n{% end %}\n\n{{ youtube(id=\"abc\") }}\n{% raw() %}\nx\n{% end %}";
        assert_eq!(
            rewritten(zola, Syntax::Zola),
            "> [!WARNING]\n> **Careful**\n>\n> Never skip a rung.\n> {% quote(by=\"Ana\") %}\n> Up.\n> {% end %}\n\n[Video on YouTube](https://www.youtube.com/watch?v=abc)\n{% raw() %}\nx\n{% end %}"
        );
    }

    #[test]
    fn tabs_become_labels_over_their_text() {
        let body = "{{< tabs \"os\" >}}\n{{< tab \"Mac\" >}}\nPress Cmd.\n{{< /tab >}}\n{{% tab header=\"Windows\" %}}\nPress Ctrl.\n{{% /tab %}}\n{{< /tabs >}}\nAfter.";
        assert_eq!(
            rewritten(body, Syntax::Hugo),
            "**Mac**\n\nPress Cmd.\n\n**Windows**\n\nPress Ctrl.\n\nAfter."
        );
    }

    #[test]
    fn arguments_are_read_with_and_without_names() {
        assert_eq!(
            arguments("warning \"Mind the gap\" title='x y', color=red"),
            vec![
                (None, "warning"),
                (None, "Mind the gap"),
                (Some("title"), "x y"),
                (Some("color"), "red")
            ]
        );
        assert_eq!(arguments(""), vec![]);
        assert_eq!(arguments("\"open"), vec![(None, "open")]);
    }
}
