//! What a body shows as written: its code (fenced blocks, their language
//! and title; code spans) and HTML comments, and the template code of
//! other generators left in its text.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::options;

/// A fenced code block of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeBlock {
    /// Byte offset of its fence in the body.
    pub offset: usize,
    /// The language, as the fence names it.
    pub lang: String,
    /// Its text.
    pub code: String,
}

/// The fenced code blocks of `body` that name a language.
pub(crate) fn code_blocks(body: &str) -> Vec<CodeBlock> {
    let mut blocks: Vec<CodeBlock> = Vec::new();
    let mut open = false;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let lang = fence_language(&info);
                open = !lang.is_empty();
                if open {
                    blocks.push(CodeBlock {
                        offset: range.start,
                        lang,
                        code: String::new(),
                    });
                }
            }
            Event::Text(t) if open => {
                if let Some(b) = blocks.last_mut() {
                    b.code.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => open = false,
            _ => {}
        }
    }
    blocks
}

/// The language of a fence's info string (`rust,ignore` → `rust`); none
/// when it starts with an attribute (`title="a.js"`, as Docusaurus and
/// GitBook fences may), which names no language.
pub(super) fn fence_language(info: &str) -> String {
    let first = info.split([' ', ',', '{']).next().unwrap_or_default();
    match first.contains('=') {
        true => String::new(),
        false => first.to_string(),
    }
}

/// The byte ranges of `body` that show text as written: code spans, code
/// blocks (fenced and indented) and HTML comments.
pub(crate) fn code_and_comments(body: &str) -> Vec<std::ops::Range<usize>> {
    Parser::new_ext(body, options())
        .into_offset_iter()
        .filter(|(event, range)| match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => true,
            Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) => {
                body[range.clone()].trim_start().starts_with("<!--")
            }
            _ => false,
        })
        .map(|(_, range)| range)
        .collect()
}

/// Where `body` first holds another generator's template code in its text
/// (a Hugo shortcode `{{< x >}}`, Liquid's `{% x %}` or `{{ x }}`), which
/// credo shows as written: its byte offset and the code, or `None`. Code
/// spans, code blocks and raw HTML (a JSX `style={{…}}`) are not text.
pub(crate) fn template_code(body: &str) -> Option<(usize, String)> {
    let finder = |b: &str| b.contains("{{") || b.contains("{%");
    if !finder(body) {
        return None;
    }
    let mut in_code = false;
    let start = Parser::new_ext(body, options())
        .into_offset_iter()
        .find_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                None
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                None
            }
            Event::Text(text) if !in_code && finder(&text) => {
                let written = &body[range.clone()];
                ["{{", "{%"]
                    .iter()
                    .filter_map(|m| written.find(m))
                    .min()
                    .map(|at| range.start + at)
            }
            _ => None,
        })?;
    // The code as written, to its end on that line.
    let line = body[start..].lines().next().unwrap_or("");
    // `{{% notice %}}` and `{{< x >}}` close with `}}`, `{% x %}` with `%}`.
    let close = if line.starts_with("{{") { "}}" } else { "%}" };
    let end = line.find(close).map_or(line.len(), |e| e + 2);
    let code: String = line[..end].chars().take(60).collect();
    Some((start, code))
}

/// The title a fence's info string gives its block: `title="app.py"`
/// (Docusaurus, Material for MkDocs) or `filename="app.py"` (Hugo).
pub(super) fn fence_title(info: &str) -> Option<String> {
    ["title=", "filename="].iter().find_map(|key| {
        let at = info.find(key)?;
        // `subtitle=` is not `title=`.
        if info[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            return None;
        }
        let value = &info[at + key.len()..];
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let inner = &value[1..];
        let title = &inner[..inner.find(quote)?];
        Some(title.trim().to_string()).filter(|t| !t.is_empty())
    })
}
