//! The changes an import makes to a page's body, where credo would show
//! stray text or follow a dead link. Another generator's callouts become
//! GitHub alerts (`> [!NOTE]`), the callouts credo renders: MkDocs writes
//! them as `!!! note "Title"` (`??? note` folded) over an indented block,
//! Docusaurus as `:::note Title` ... `:::`. Tabs (MkDocs' `=== "Tab"`,
//! Docusaurus' `<TabItem label="Tab">`) become bold labels, MDX statements
//! comments ([`convert`]); images' attribute lists raw `<img>`s. Fenced
//! code is left alone. (Links are rewritten in [`super::links`].) What has
//! no Markdown equivalent (other JSX, MkDocs snippets) is only named, for
//! the report ([`hand_work`]).

use super::Generator;

/// `body` with its callouts rewritten for `generator`, or `None` when it
/// has none.
pub(super) fn convert(body: &str, generator: Generator) -> Option<String> {
    let lines: Vec<&str> = body.lines().collect();
    let out = match generator {
        Generator::MkDocs => mkdocs(&lines),
        Generator::Docusaurus => docusaurus(&lines),
        Generator::Jekyll => jekyll(&lines),
        Generator::Hugo => hugo(&lines),
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
            Generator::Docusaurus if starts_component(trimmed) => {
                "JSX components (<Admonition>, …)"
            }
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
    // Tabs become bold labels (see `tab`).
    name.starts_with(|c: char| c.is_ascii_uppercase()) && name != "Tabs" && name != "TabItem"
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
            out.push(without_attr_lists(line));
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
            Some((start, alt, src)) => {
                out.push_str(&before[..start]);
                out.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\"{attributes}>",
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
/// its alt text and its source.
fn image_at_end(text: &str) -> Option<(usize, &str, &str)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind("](")?;
    let destination = inner[open + 2..].trim();
    let src = destination.split_whitespace().next()?;
    let src = src.trim_start_matches('<').trim_end_matches('>');
    let start = inner[..open].rfind("![")?;
    Some((start, &inner[start + 2..open], src))
}

/// Whether `text` ends with a link, `[label](destination)`.
fn link_at_end(text: &str) -> bool {
    text.strip_suffix(')')
        .and_then(|inner| inner.rfind("]("))
        .is_some_and(|open| text[..open].contains('['))
}

/// `text` escaped for a double-quoted HTML attribute.
fn html_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
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
fn docusaurus(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fence = None;
    // Where the open `<Tabs>` stood: its items' labels and text go there.
    let mut tabs_indent = "";
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if step_fence(&mut fence, line) || fence.is_some() {
            out.push(line.to_string());
            i += 1;
            continue;
        }
        if is_mdx_statement(line) {
            i = comment_out_esm(lines, i, &mut out);
            continue;
        }
        if let Some(next) = tab(lines, i, &mut tabs_indent, &mut out) {
            i = next;
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

/// Writes the MDX statement starting at `lines[start]` (it runs to the
/// next blank line outside its brackets, as MDX reads it) as an HTML comment; returns the index
/// of the line after it.
fn comment_out_esm(lines: &[&str], start: usize, out: &mut Vec<String>) -> usize {
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
fn tab<'a>(
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
fn tag_end(line: &str) -> Option<usize> {
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
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
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
fn undent<'a>(lines: &[&'a str]) -> Vec<&'a str> {
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

/// Jekyll: the Liquid that only makes URLs (`{{ site.baseurl }}`,
/// `{{ "/x" | relative_url }}`, `{% link _posts/x.md %}`, `{% post_url
/// x %}`) becomes the URL credo resolves; `{% highlight ruby %}` …
/// `{% endhighlight %}` a fenced block; `{% raw %}` tags go. Other Liquid
/// stays, for `credo check` to point at.
fn jekyll(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fence = None;
    // Inside `{% raw %}` … `{% endraw %}`, Liquid is text to show.
    let mut raw = false;
    for line in lines {
        if !raw && (step_fence(&mut fence, line) || fence.is_some()) {
            out.push(line.to_string());
            continue;
        }
        let indent = indent_of(line);
        match liquid_tag(line.trim()) {
            Some(("highlight", lang)) if !raw => out.push(format!(
                "{indent}```{}",
                lang.split_whitespace().next().unwrap_or("")
            )),
            Some(("endhighlight", _)) if !raw => out.push(format!("{indent}```")),
            _ => out.push(jekyll_urls(line, &mut raw)),
        }
    }
    out
}

/// Hugo: the shortcodes Markdown has a form for: `{{< ref "x.md" >}}` and
/// `relref` become the link (`/x.md` from the top of content as
/// `@/x.md`), `{{< figure src="x.png" caption="…" >}}` a raw `<figure>`,
/// `{{< highlight go >}}` … `{{< /highlight >}}` a fenced block. Others
/// stay, for `credo check` to point at.
fn hugo(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fence = None;
    for line in lines {
        if step_fence(&mut fence, line) || fence.is_some() {
            out.push(line.to_string());
            continue;
        }
        // A block in a list item stays in it.
        let indent = indent_of(line);
        match shortcode(line.trim()) {
            Some(("highlight", args)) => {
                let lang = first_argument(args).unwrap_or_default();
                out.push(format!("{indent}```{lang}"));
            }
            Some(("/highlight", _)) => out.push(format!("{indent}```")),
            _ => out.push(hugo_inline(line)),
        }
    }
    out
}

/// A line that is one shortcode (`{{< name args >}}`, `{{% … %}}`): its
/// name and args.
fn shortcode(line: &str) -> Option<(&str, &str)> {
    let inner = (line.strip_prefix("{{<").and_then(|l| l.strip_suffix(">}}")))
        .or_else(|| line.strip_prefix("{{%").and_then(|l| l.strip_suffix("%}}")))?;
    let inner = inner.trim();
    Some(
        inner
            .split_once(char::is_whitespace)
            .map_or((inner, ""), |(n, a)| (n, a.trim())),
    )
}

/// `line` with each `ref`, `relref` and `figure` shortcode in it written
/// out.
fn hugo_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = [rest.find("{{<"), rest.find("{{%")]
        .into_iter()
        .flatten()
        .min()
    {
        let close = if rest[at..].starts_with("{{<") {
            ">}}"
        } else {
            "%}}"
        };
        // The close is sought after the opener (`{{%}}` is no shortcode).
        let Some(len) = rest[at + 3..].find(close).map(|l| l + 3) else {
            break;
        };
        let whole = &rest[at..at + len + 3];
        out.push_str(&rest[..at]);
        let written = shortcode(whole).and_then(|(name, args)| match name {
            "ref" | "relref" => {
                let spaced = format!(" {args}");
                let path = attribute(&spaced, "path").or_else(|| first_argument(args))?;
                Some(match path.strip_prefix('/') {
                    Some(from_top) => format!("@/{from_top}"),
                    None => path.to_string(),
                })
            }
            "figure" => figure(&format!(" {args}")),
            _ => None,
        });
        out.push_str(written.as_deref().unwrap_or(whole));
        rest = &rest[at + len + 3..];
    }
    out.push_str(rest);
    out
}

/// A shortcode's first positional argument, quoted or not.
fn first_argument(args: &str) -> Option<&str> {
    let args = args.trim();
    match args.chars().next()? {
        q @ ('"' | '\'' | '`') => args[1..].find(q).map(|end| &args[1..1 + end]),
        _ => args.split_whitespace().next().filter(|a| !a.contains('=')),
    }
}

/// Hugo's `figure` as the HTML it renders: the image (in its `link`), its
/// `title` and `caption` below.
fn figure(args: &str) -> Option<String> {
    let src = attribute(args, "src")?;
    let mut img = format!(
        "<img src=\"{}\" alt=\"{}\"",
        html_attribute(src),
        html_attribute(attribute(args, "alt").unwrap_or(""))
    );
    for key in ["width", "height", "class"] {
        if let Some(value) = attribute(args, key) {
            img.push_str(&format!(" {key}=\"{}\"", html_attribute(value)));
        }
    }
    img.push('>');
    if let Some(link) = attribute(args, "link") {
        img = format!("<a href=\"{}\">{img}</a>", html_attribute(link));
    }
    let caption: Vec<String> = ["title", "caption"]
        .iter()
        .filter_map(|key| attribute(args, key))
        .map(html_attribute)
        .collect();
    Some(match caption.is_empty() {
        true => format!("<figure>{img}</figure>"),
        false => format!(
            "<figure>{img}<figcaption>{}</figcaption></figure>",
            caption.join(" ")
        ),
    })
}

/// A line that is one Liquid tag (`{% name args %}`): its name and args.
fn liquid_tag(line: &str) -> Option<(&str, &str)> {
    let inner = line.strip_prefix("{%")?.strip_suffix("%}")?;
    let inner = inner.trim_matches('-').trim();
    Some(
        inner
            .split_once(' ')
            .map_or((inner, ""), |(n, a)| (n, a.trim())),
    )
}

/// `line` with each URL-making Liquid expression or tag as its URL.
fn jekyll_urls(line: &str, raw: &mut bool) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = [rest.find("{{"), rest.find("{%")]
        .into_iter()
        .flatten()
        .min()
    {
        let close = if rest[at..].starts_with("{{") {
            "}}"
        } else {
            "%}"
        };
        // The close is sought after the opener: `{%}` holds no tag.
        let Some(len) = rest[at + 2..].find(close).map(|l| l + 2) else {
            break;
        };
        let whole = &rest[at..at + len + 2];
        let inner = whole[2..whole.len() - 2].trim_matches('-').trim();
        out.push_str(&rest[..at]);
        let after = &rest[at + len + 2..];
        let written = match (close, inner) {
            ("%}", "raw") => {
                *raw = true;
                Some(String::new())
            }
            ("%}", "endraw") => {
                *raw = false;
                Some(String::new())
            }
            _ if *raw => None,
            // `{{ site.url }}` names the site only as part of a URL; alone
            // in one, it is the site's root.
            (_, "site.url" | "site.baseurl") if !in_url(&out, after) => None,
            (_, "site.url" | "site.baseurl") if after.starts_with([')', '"', '\'']) => {
                Some("/".to_string())
            }
            _ => liquid_url(inner, close == "%}"),
        };
        out.push_str(written.as_deref().unwrap_or(whole));
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Whether text between `before` and `after` stands in a URL: a link's or
/// an attribute's start, or a path or more Liquid after it.
fn in_url(before: &str, after: &str) -> bool {
    ["](", "=\"", "='", "<"].iter().any(|m| before.ends_with(m)) || after.starts_with(['/', '{'])
}

/// The URL a Liquid expression (`site.baseurl`, `"/x" | relative_url`) or
/// tag (`link x`, `post_url x`, `raw`) makes, as credo reads it.
fn liquid_url(inner: &str, tag: bool) -> Option<String> {
    if tag {
        let (name, arg) = inner
            .split_once(' ')
            .map_or((inner, ""), |(n, a)| (n, a.trim()));
        return match name {
            "raw" | "endraw" => Some(String::new()),
            // `{% link _guides/x.md %}`: from the site's root, collections
            // without their underscore, as the import places them.
            "link" if !arg.is_empty() => {
                let path = arg.trim_start_matches('/');
                let path = path.strip_prefix('_').unwrap_or(path);
                // The import names every page `.md`.
                let path = match path.strip_suffix(".markdown") {
                    Some(stem) => format!("{stem}.md"),
                    None => path.to_string(),
                };
                Some(format!("@/{path}"))
            }
            "post_url" if !arg.is_empty() => Some(format!("@/posts/{arg}.md")),
            _ => None,
        };
    }
    if matches!(inner, "site.baseurl" | "site.url") {
        return Some(String::new());
    }
    let (value, filter) = inner.split_once('|')?;
    let filter = filter.trim();
    let relative = matches!(
        filter,
        "relative_url" | "absolute_url" | "prepend: site.baseurl"
    );
    let value = value.trim();
    let quoted = (value.strip_prefix('"').and_then(|v| v.strip_suffix('"')))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')));
    relative.then_some(quoted?.to_string())
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
            "<img src=\"img/team.png\" alt=\"Team photo\" class=\"shadow\" width=\"300\" loading=\"lazy\" id=\"team\">\n[Sign up](signup.md) and {not a list} or ![x](a.png){}\n```\n![c](c.png){ width=1 }\n```\n"
        );
        assert_eq!(attr_list("a b"), None);
        // Braces after no link, or in code, are text.
        let code = "`if (ok){ x=1 }` and (code){ a=1 }\n";
        assert_eq!(convert(code, Generator::MkDocs), None);
        assert_eq!(
            attr_list("title=\"x y\" align=left").as_deref(),
            Some(" title=\"x y\" align=\"left\"")
        );
    }

    /// Liquid that only makes URLs becomes them; Jekyll's highlight tags
    /// become fences; other Liquid stays.
    #[test]
    fn jekyll_liquid_urls_and_highlights() {
        let body = "![Team]({{ site.baseurl }}/assets/team.png) [Refunds]({% link _guides/refunds.markdown %}) [Hi]({% post_url 2021-05-01-welcome %}) [css]({{ \"/assets/x.css\" | relative_url }}) {{ site.title }}\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n{% raw %}{{ kept }}{% endraw %}\n```\n{{ site.baseurl }}\n```\n";
        assert_eq!(
            convert(body, Generator::Jekyll).unwrap(),
            "![Team](/assets/team.png) [Refunds](@/guides/refunds.md) [Hi](@/posts/2021-05-01-welcome.md) [css](/assets/x.css) {{ site.title }}\n```ruby\nputs 1\n```\n{{ kept }}\n```\n{{ site.baseurl }}\n```\n"
        );
        assert_eq!(
            convert("{% include note.html %}\n", Generator::Jekyll),
            None
        );
        assert_eq!(
            convert("Format with {%} and {{%}} carefully.\n", Generator::Jekyll),
            None
        );
        assert_eq!(
            convert("Format with {{%}} carefully.\n", Generator::Hugo),
            None
        );
        // Raw Liquid is shown, across lines too; a site's URL in prose
        // stays; a highlight in a list stays in it.
        assert_eq!(
            convert(
                "Use `{% raw %}{{ site.baseurl }}{% endraw %}` and\n{% raw %}\n{{ \"/x.css\" | relative_url }}\n{% endraw %}\nWe live at {{ site.url }} (see {{ site.url }}). [Home]({{ site.baseurl }}) <a href=\"{{ site.url }}\">x</a>\n\n1. Run:\n\n   {% highlight sh %}\n   make\n   {% endhighlight %}\n",
                Generator::Jekyll
            )
            .unwrap(),
            "Use `{{ site.baseurl }}` and\n\n{{ \"/x.css\" | relative_url }}\n\nWe live at {{ site.url }} (see {{ site.url }}). [Home](/) <a href=\"/\">x</a>\n\n1. Run:\n\n   ```sh\n   make\n   ```\n"
        );
    }

    /// Hugo's link, figure and highlight shortcodes are written out;
    /// others stay.
    #[test]
    fn hugo_shortcodes_with_a_markdown_form() {
        let body = "See [calls]({{< ref \"/care/calls.md\" >}}), [here]({{< relref \"follow-up.md#when\" >}}) and [x]({{% ref path=\"a.md\" %}}).\n\n{{< figure src=\"map.png\" alt=\"Map\" caption=\"The north desk\" link=\"map-large.png\" >}}\n\n{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}\n{{< youtube abc >}}\n";
        assert_eq!(
            convert(body, Generator::Hugo).unwrap(),
            "See [calls](@/care/calls.md), [here](follow-up.md#when) and [x](a.md).\n\n<figure><a href=\"map-large.png\"><img src=\"map.png\" alt=\"Map\"></a><figcaption>The north desk</figcaption></figure>\n\n```go\nfunc main() {}\n```\n{{< youtube abc >}}\n"
        );
    }

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
