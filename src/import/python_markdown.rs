//! Python-Markdown's extensions that MkDocs sites lean on and that credo
//! (CommonMark, as GitHub reads it) would show as text, made into what
//! credo shows the same way: `<div markdown>` (md_in_html) gets the blank
//! lines CommonMark needs to read Markdown inside raw HTML, a `[TOC]` line
//! goes (credo's "On this page" is the table of contents), `++ctrl+k++`
//! (pymdownx.keys) becomes `<kbd>`s, and a link destination with spaces,
//! which Python-Markdown allows, is put in `<…>`. Material's icons
//! (`:material-check:`, `:octicons-arrow-right-24:`, with their attribute
//! list), which it draws from its own SVG sets, go: credo would show their
//! names. Abbreviations (`*[CRM]: Client relationship management`) become
//! `<abbr>`s where the word stands in prose, their definitions gone.
//! Fenced code and code spans are left alone.

use super::body::step_fence;

/// `lines` (a page body's, after its callouts are converted) with the
/// extensions above rewritten.
pub(super) fn extensions(lines: Vec<String>) -> Vec<String> {
    let (lines, abbreviations) = take_abbreviations(lines);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut fence = None;
    // The tags of the `markdown` blocks open here, innermost last, each
    // with how many blocks of the same tag are open inside it.
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut lines = lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        if step_fence(&mut fence, &line) || fence.is_some() {
            out.push(line);
            continue;
        }
        let trimmed = line.trim();
        if trimmed == "[TOC]" {
            continue;
        }
        if let Some((tag, without)) = markdown_block(&line) {
            open.push((tag, 0));
            out.push(without);
            // CommonMark reads Markdown after raw HTML only past a blank line.
            if lines.peek().is_some_and(|next| !next.trim().is_empty()) {
                out.push(String::new());
            }
            continue;
        }
        if let Some((tag, nested)) = open.last_mut() {
            if opening_tag(&line).is_some_and(|(t, _)| t == tag.as_str()) {
                *nested += 1;
            } else if trimmed == format!("</{tag}>") {
                if *nested > 0 {
                    *nested -= 1;
                } else {
                    if out.last().is_some_and(|l| !l.trim().is_empty()) {
                        out.push(String::new());
                    }
                    open.pop();
                    out.push(line);
                    continue;
                }
            }
        }
        let heading = line.trim_start().starts_with('#');
        out.push(outside_code(&line, |text| {
            let text = spaced_destinations(&keys(&without_icons(text)));
            match heading {
                // A heading's id is made from its text: left as it is.
                true => text,
                false => abbreviated(&text, &abbreviations),
            }
        }));
    }
    out
}

/// `lines` without their abbreviations' definitions (`*[CRM]: Client
/// relationship management`, which Python-Markdown's abbr reads and
/// credo would show as text), and those definitions, longest first.
fn take_abbreviations(lines: Vec<String>) -> (Vec<String>, Vec<(String, String)>) {
    let mut fence = None;
    let mut found = Vec::new();
    let mut kept = Vec::with_capacity(lines.len());
    for line in lines {
        let in_code = step_fence(&mut fence, &line) || fence.is_some();
        let definition = (!in_code).then(|| abbreviation(&line)).flatten();
        match definition {
            Some(pair) => found.push(pair),
            None => kept.push(line),
        }
    }
    // The blank lines that set the definitions apart at the end go too.
    while !found.is_empty() && kept.last().is_some_and(|l| l.trim().is_empty()) {
        kept.pop();
    }
    // `CRM` inside `CRMs` is not `CRM`; `VPN key` before `VPN`.
    found.sort_by(|a: &(String, String), b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    found.dedup_by(|a, b| a.0 == b.0);
    (kept, found)
}

/// `*[CRM]: Client relationship management` as (`CRM`, its expansion).
fn abbreviation(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix("*[")?;
    let (abbr, expansion) = rest.split_once("]:")?;
    let expansion = expansion.trim();
    let ok = !abbr.trim().is_empty() && !abbr.contains(['[', ']']) && !expansion.is_empty();
    ok.then(|| (abbr.trim().to_string(), expansion.to_string()))
}

/// `text` with each whole-word `abbreviations` entry as `<abbr
/// title="…">`, as Python-Markdown shows it; not inside a tag, nor in a
/// link's destination.
fn abbreviated(text: &str, abbreviations: &[(String, String)]) -> String {
    if abbreviations.is_empty() {
        return text.to_string();
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    // Inside `<…>` or a link's `](…)`: not prose.
    let mut in_tag = false;
    let mut in_destination = false;
    while at < text.len() {
        let rest = &text[at..];
        let before = text[..at].chars().next_back();
        let starts_word = before.is_none_or(|c| !is_word(c));
        if !in_tag && !in_destination && starts_word {
            let hit = abbreviations.iter().find(|(abbr, _)| {
                rest.starts_with(abbr.as_str())
                    && rest[abbr.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !is_word(c))
            });
            if let Some((abbr, expansion)) = hit {
                let title = crate::markdown::highlight::escape(expansion);
                out.push_str(&format!("<abbr title=\"{title}\">{abbr}</abbr>"));
                at += abbr.len();
                continue;
            }
        }
        let Some(c) = rest.chars().next() else { break };
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '(' if text[..at].ends_with(']') => in_destination = true,
            ')' => in_destination = false,
            _ => {}
        }
        out.push(c);
        at += c.len_utf8();
    }
    out
}

/// A line that opens a raw HTML block with Python-Markdown's `markdown`
/// attribute (`<div markdown>`, `<div class="grid" markdown="1">`): its
/// tag and the line without the attribute.
fn markdown_block(line: &str) -> Option<(String, String)> {
    let (tag, attributes) = opening_tag(line)?;
    let kept: Vec<&str> = (attributes.iter())
        .filter(|a| {
            !a.eq_ignore_ascii_case("markdown") && !a.to_ascii_lowercase().starts_with("markdown=")
        })
        .copied()
        .collect();
    if kept.len() == attributes.len() {
        return None;
    }
    let indent = &line[..line.len() - line.trim_start().len()];
    let kept: String = kept.iter().map(|a| format!(" {a}")).collect();
    Some((tag.to_string(), format!("{indent}<{tag}{kept}>")))
}

/// The tag and the attributes (`class="a b"`, `markdown`) of a line that is
/// one opening HTML tag, `<div class="a b" markdown>`.
fn opening_tag(line: &str) -> Option<(&str, Vec<&str>)> {
    let inner = line.trim().strip_prefix('<')?.strip_suffix('>')?;
    if inner.ends_with('/') {
        return None;
    }
    let tag_end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let (tag, mut rest) = inner.split_at(tag_end);
    if tag.is_empty() || !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Some((tag, attributes));
        }
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let mut end = name_end;
        if rest[name_end..].starts_with('=') {
            let value = &rest[name_end + 1..];
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
            end = name_end
                + 1
                + match quote {
                    Some(q) => 1 + value[1..].find(q)? + 1,
                    None => value.find(char::is_whitespace).unwrap_or(value.len()),
                };
        }
        attributes.push(&rest[..end]);
        rest = &rest[end..];
    }
}

/// `line` with `rewrite` applied to its text outside code spans.
fn outside_code(line: &str, rewrite: impl Fn(&str) -> String) -> String {
    if !line.contains('`') {
        return rewrite(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('`') {
        out.push_str(&rewrite(&rest[..open]));
        let ticks = rest[open..].len() - rest[open..].trim_start_matches('`').len();
        let fence = &rest[open..open + ticks];
        let after = &rest[open + ticks..];
        match after.find(fence) {
            Some(close) => {
                out.push_str(&rest[open..open + ticks + close + ticks]);
                rest = &after[close + ticks..];
            }
            None => {
                out.push_str(&rest[open..]);
                return out;
            }
        }
    }
    out.push_str(&rewrite(rest));
    out
}

/// The icon sets Material for MkDocs draws `:set-name:` shortcodes from.
const ICON_SETS: [&str; 4] = ["material-", "octicons-", "fontawesome-", "simple-"];

/// `text` without Material's icon shortcodes (`:material-check:`, and a
/// `{ .lg .middle }` attribute list after one); emoji shortcodes
/// (`:warning:`) stay, for credo shows them as GitHub does.
fn without_icons(text: &str) -> String {
    if !text.contains(':') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(':') {
        let after = &rest[at + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            .unwrap_or(after.len());
        let is_icon = after[name_len..].starts_with(':')
            && ICON_SETS
                .iter()
                .any(|set| after[..name_len].starts_with(set));
        if !is_icon {
            out.push_str(&rest[..at + 1]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..at]);
        rest = &after[name_len + 1..];
        // Its attribute list, `{ .lg .middle }`, goes with it.
        let list = rest.strip_prefix('{').or(rest.strip_prefix(" {"));
        let close = list.and_then(|l| {
            l.find('}')
                .filter(|&c| l[..c].trim_start().starts_with('.'))
        });
        if let Some((list, close)) = list.zip(close) {
            rest = &list[close + 1..];
        }
        // One space between it and the text goes too.
        if out.is_empty() || out.ends_with([' ', '[']) {
            rest = rest.strip_prefix(' ').unwrap_or(rest);
        }
    }
    out.push_str(rest);
    out
}

/// `++ctrl+alt+del++` as `<kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Del</kbd>`.
fn keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("++") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("++") else {
            break;
        };
        let combination = &after[..close];
        let names: Vec<&str> = combination.split('+').collect();
        let is_key = |k: &&str| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        if !names.iter().all(is_key) {
            out.push_str(&rest[..open + 2]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..open]);
        let shown: Vec<String> = names
            .iter()
            .map(|k| format!("<kbd>{}</kbd>", key_name(k)))
            .collect();
        out.push_str(&shown.join("+"));
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

/// How a key is written on a keyboard: `ctrl` Ctrl, `k` K, `page-up`
/// Page Up.
fn key_name(key: &str) -> String {
    (key.split(['-', '_']))
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `[x](a b.png)` and `![x](Team Photo.PNG "Title")` as CommonMark needs
/// them: the destination in `<…>`.
fn spaced_destinations(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut rest = text;
    while let Some(open) = rest.find("](") {
        out.push_str(&rest[..open + 2]);
        let after = &rest[open + 2..];
        let Some((url, title, close)) = destination(after) else {
            rest = after;
            continue;
        };
        if url.trim().contains(' ') {
            out.push('<');
            out.push_str(url.trim());
            out.push('>');
            out.push_str(title);
        } else {
            out.push_str(&after[..close]);
        }
        out.push(')');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The destination that `after` (the text after `](`) starts with, as
/// Python-Markdown reads it, spaces allowed: its URL, its title with the
/// space before it (`"T"`, `'T'` or `(T)`), and where its `)` is. `None`
/// for a `<…>` destination, which needs nothing, or an unclosed one.
fn destination(after: &str) -> Option<(&str, &str, usize)> {
    if after.starts_with('<') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in after.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some((&after[..i], "", i)),
            ')' => depth -= 1,
            ' ' => {
                if let Some(close) = title_end(&after[i + 1..]) {
                    let close = i + 1 + close;
                    return Some((&after[..i], &after[i..close], close));
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// Where the `)` after a title that `text` starts with is (`"Guide (draft)")`),
/// or `None` when `text` starts no title.
fn title_end(text: &str) -> Option<usize> {
    let quote = match text.chars().next()? {
        '"' => '"',
        '\'' => '\'',
        '(' => ')',
        _ => return None,
    };
    let closing = 1 + text[1..].find(quote)?;
    let after = &text[closing + 1..];
    let spaces = after.len() - after.trim_start_matches(' ').len();
    after[spaces..]
        .starts_with(')')
        .then_some(closing + 1 + spaces)
}

#[cfg(test)]
mod tests {
    use super::extensions;

    fn run(body: &str) -> String {
        extensions(body.lines().map(String::from).collect()).join("\n")
    }

    #[test]
    fn markdown_in_html_gets_its_blank_lines_and_loses_the_attribute() {
        assert_eq!(
            run("<div markdown>\n**Bold** and a [link](a.md).\n</div>\nAfter."),
            "<div>\n\n**Bold** and a [link](a.md).\n\n</div>\nAfter."
        );
        assert_eq!(
            run("<div class=\"grid cards\" markdown=\"1\">\n\n- one\n\n</div>"),
            "<div class=\"grid cards\">\n\n- one\n\n</div>"
        );
        // Not an attribute of its own, and no `markdown` at all: as written.
        for kept in [
            "<div markdownish>\nx\n</div>",
            "<div>\nx\n</div>",
            "<div title=\"a markdown thing\">\nx\n</div>",
        ] {
            assert_eq!(run(kept), kept);
        }
        assert_eq!(
            run("<div title=\"a markdown thing\" markdown>\n<div>\ninner\n</div>\n**x**\n</div>"),
            "<div title=\"a markdown thing\">\n\n<div>\ninner\n</div>\n**x**\n\n</div>"
        );
    }

    #[test]
    fn toc_markers_go_keys_become_kbd_and_spaced_destinations_get_brackets() {
        assert_eq!(run("# T\n\n[TOC]\n\nText."), "# T\n\n\nText.");
        assert_eq!(
            run("Press ++ctrl+k++ or ++page-up++; c++ and a++b stay."),
            "Press <kbd>Ctrl</kbd>+<kbd>K</kbd> or <kbd>Page Up</kbd>; c++ and a++b stay."
        );
        assert_eq!(
            run("![Team](../assets/Team Photo.PNG) [a](b c.md \"T\") [ok](x.md \"A b\")"),
            "![Team](<../assets/Team Photo.PNG>) [a](<b c.md> \"T\") [ok](x.md \"A b\")"
        );
        // Titles with parentheses, in any of their forms, and URLs with them.
        for kept in [
            "[g](guide.md \"Guide (draft)\")",
            "[p](guide.md (Title))",
            "[w](https://x.example/Foo_(bar))",
            "[q](a.md 'It (is)')",
        ] {
            assert_eq!(run(kept), kept);
        }
        assert_eq!(
            run("[g](my guide.md \"Guide (draft)\") and [h](a (b).md)"),
            "[g](<my guide.md> \"Guide (draft)\") and [h](<a (b).md>)"
        );
    }

    #[test]
    fn material_icons_go_and_emoji_stay() {
        assert_eq!(
            run(
                "[:octicons-arrow-right-24: Start](start.md) :material-check:{ .lg .middle } Done :warning: at 10:30, :fontawesome-brands-github:"
            ),
            "[Start](start.md) Done :warning: at 10:30, "
        );
        assert_eq!(run("`:material-check:`"), "`:material-check:`");
    }

    #[test]
    fn abbreviations_become_abbr_in_prose_and_their_definitions_go() {
        let body = "# CRM basics\n\nLog calls in the CRM, not CRMs; see [CRM](crm.md) and `CRM`.\n<img alt=\"CRM\" src=\"x.png\">\n\n```\n*[kept]: in code\n```\n\n*[CRM]: Client \"relationship\" management\n*[CRM tool]: The tool\n";
        assert_eq!(
            run(body),
            "# CRM basics\n\nLog calls in the <abbr title=\"Client &quot;relationship&quot; management\">CRM</abbr>, not CRMs; see [<abbr title=\"Client &quot;relationship&quot; management\">CRM</abbr>](crm.md) and `CRM`.\n<img alt=\"CRM\" src=\"x.png\">\n\n```\n*[kept]: in code\n```"
        );
    }

    #[test]
    fn code_is_left_as_written() {
        let body = "`++ctrl++` and `[a](b c)`\n\n```\n[TOC]\n<div markdown>\n++x++\n```";
        assert_eq!(run(body), body);
    }
}
