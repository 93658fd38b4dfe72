//! Another generator's template code that only makes what Markdown has a
//! form for, written out: Jekyll's URL-making Liquid (`{{ site.baseurl }}`,
//! `{% link %}`, `{% post_url %}`, `{% highlight %}`) and Hugo's `ref`,
//! `relref`, `figure` and `highlight` shortcodes. Other template code
//! stays, for the report and `credo check` (`template-code`) to point at.

use super::body::{indent_of, step_fence};
use super::mdx::attribute;
use crate::markdown::highlight::escape as html_attribute;

/// Jekyll: the Liquid that only makes URLs (`{{ site.baseurl }}`,
/// `{{ "/x" | relative_url }}`, `{% link _posts/x.md %}`, `{% post_url
/// x %}`) becomes the URL credo resolves; `{% highlight ruby %}` …
/// `{% endhighlight %}` a fenced block; `{% raw %}` tags go. Other Liquid
/// stays, for `credo check` to point at.
pub(super) fn jekyll(lines: &[&str]) -> Vec<String> {
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
pub(super) fn hugo(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fence = None;
    for line in lines {
        if step_fence(&mut fence, line) || fence.is_some() {
            // Hugo reads an escaped shortcode even in code, and shows it.
            out.push(unescaped_shortcodes(line, ""));
            continue;
        }
        if line.contains("{{</*") || line.contains("{{%/*") {
            // Shown as written, in prose too: as code, which it is.
            out.push(unescaped_shortcodes(line, "`"));
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

/// `line` with Hugo's escaped shortcodes (`{{</* ref "x.md" */>}}`) as Hugo
/// shows them (`{{< ref "x.md" >}}`), each between `quote`s.
fn unescaped_shortcodes(line: &str, quote: &str) -> String {
    const SHOWN: [(&str, &str); 2] = [("{{<", ">}}"), ("{{%", "%}}")];
    rewrite_spans(line, &[("{{</*", "*/>}}"), ("{{%/*", "*/%}}")], |span| {
        let (open, close) = SHOWN[span.pair];
        Some(format!("{quote}{open}{}{close}{quote}", span.inner))
    })
}

/// A span of a line between an opener and its closer (see [`rewrite_spans`]).
struct Span<'a> {
    /// Which of the pairs it is.
    pair: usize,
    /// The span, opener and closer included.
    whole: &'a str,
    /// Between the opener and the closer.
    inner: &'a str,
    /// The line as written so far, before the span.
    before: &'a str,
    /// The rest of the line, after it.
    after: &'a str,
}

/// `line` with each span from one of `pairs`' openers to its closer (the
/// earliest opener first; its closer sought after it) replaced by what
/// `write` makes of it, or kept as written when it makes nothing.
fn rewrite_spans(
    line: &str,
    pairs: &[(&str, &str)],
    mut write: impl FnMut(&Span) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some((at, pair)) = (pairs.iter().enumerate())
        .filter_map(|(i, (open, _))| Some((rest.find(open)?, i)))
        .min()
    {
        let (open, close) = pairs[pair];
        let Some(len) = rest[at + open.len()..].find(close) else {
            break;
        };
        let end = at + open.len() + len + close.len();
        out.push_str(&rest[..at]);
        let span = Span {
            pair,
            whole: &rest[at..end],
            inner: &rest[at + open.len()..end - close.len()],
            before: &out,
            after: &rest[end..],
        };
        let written = write(&span);
        out.push_str(written.as_deref().unwrap_or(&rest[at..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
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
    // The close is sought after the opener (`{{%}}` is no shortcode).
    rewrite_spans(line, &[("{{<", ">}}"), ("{{%", "%}}")], |span| {
        let (name, args) = shortcode(span.whole)?;
        match name {
            "ref" | "relref" => {
                let spaced = format!(" {args}");
                let path = attribute(&spaced, "path").or_else(|| first_argument(args))?;
                let link = match path.strip_prefix('/') {
                    Some(from_top) => format!("@/{from_top}"),
                    None => path.to_string(),
                };
                let link = match attribute(&spaced, "lang") {
                    Some(lang) => in_language(&link, lang),
                    None => link,
                };
                // In prose, where Hugo prints the page's URL, a link to it;
                // in a code span, which shows no link, the path.
                Some(
                    match is_link_target(span.before) || in_code_span(span.before) {
                        true => link,
                        false => format!("[{}]({link})", ref_label(path)),
                    },
                )
            }
            "figure" => figure(&format!(" {args}")),
            _ => None,
        }
    })
}

/// Whether a link's or an attribute's URL starts after `before`.
fn is_link_target(before: &str) -> bool {
    let before = before.trim_end_matches(' ');
    ["](", "](<", "=\"", "='"]
        .iter()
        .any(|m| before.ends_with(m))
        || (before.trim_start().starts_with('[') && before.ends_with("]:"))
}

/// Whether a code span is open at the end of `before` (a run of backticks
/// not yet closed by a run of the same length).
fn in_code_span(before: &str) -> bool {
    let mut open: Option<usize> = None;
    let mut rest = before;
    while let Some(at) = rest.find('`') {
        let run = rest[at..].bytes().take_while(|&b| b == b'`').count();
        open = match open {
            None => Some(run),
            Some(n) if n == run => None,
            still => still,
        };
        rest = &rest[at + run..];
    }
    open.is_some()
}

/// The file of the page `link` (a path, `#anchor` kept) names in the
/// language `lang`: credo keeps a translation beside its original as
/// `name.LANG.md` (`_index.LANG.md` for a folder). One in the default
/// language is found by its plain name (see `links::Relinker`).
fn in_language(link: &str, lang: &str) -> String {
    let (path, anchor) = link.split_at(link.find('#').unwrap_or(link.len()));
    if path.is_empty() || path == "@/" {
        return link.to_string();
    }
    let file = match path.strip_suffix('/') {
        Some(folder) => format!("{folder}/_index.{lang}.md"),
        None => format!("{}.{lang}.md", path.strip_suffix(".md").unwrap_or(path)),
    };
    format!("{file}{anchor}")
}

/// The text of a link made of a `ref` in prose: its path as written,
/// without `.md`.
fn ref_label(path: &str) -> String {
    let (page, anchor) = path.split_at(path.find('#').unwrap_or(path.len()));
    let page = page.strip_suffix(".md").unwrap_or(page);
    format!("{page}{anchor}").replace(['[', ']'], "")
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
    // The close is sought after the opener: `{%}` holds no tag.
    rewrite_spans(line, &[("{{", "}}"), ("{%", "%}")], |span| {
        let tag = span.pair == 1;
        match (tag, span.inner.trim_matches('-').trim()) {
            (true, "raw") => {
                *raw = true;
                Some(String::new())
            }
            (true, "endraw") => {
                *raw = false;
                Some(String::new())
            }
            _ if *raw => None,
            // `{{ site.url }}` names the site only as part of a URL; alone
            // in one, it is the site's root.
            (_, "site.url" | "site.baseurl") if !in_url(span.before, span.after) => None,
            (_, "site.url" | "site.baseurl") if span.after.starts_with([')', '"', '\'']) => {
                Some("/".to_string())
            }
            (_, inner) => liquid_url(inner, tag),
        }
    })
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

#[cfg(test)]
mod tests {
    use super::super::Generator;

    #[test]
    fn escaped_hugo_shortcodes_are_shown_as_hugo_shows_them() {
        let lines = [
            "Write `{{</* ref \"x.md\" */>}}` or {{</* ref \"y.md\" */>}} and {{%/* notice */%}}.",
            "```",
            "{{</* highlight go */>}}",
            "```",
        ];
        assert_eq!(
            super::hugo(&lines),
            [
                "Write ``{{< ref \"x.md\" >}}`` or `{{< ref \"y.md\" >}}` and `{{% notice %}}`.",
                "```",
                "{{< highlight go >}}",
                "```",
            ]
        );
    }
    use super::super::body::convert;

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

    /// A `ref` in prose, where Hugo prints the page's URL, is a link to
    /// the page; one with a `lang` names that language's translation.
    #[test]
    fn hugo_refs_in_prose_and_in_other_languages() {
        let body = "Our rules: {{< ref \"docs\" >}}. In French: [calls]({{< relref \"/care/calls.md#when\" lang=\"fr\" >}}), [fees]({{< relref path=\"fees\" lang=\"fr\" >}}), <a href=\"{{< ref \"care/\" lang=\"nl\" >}}\">zorg</a> and {{< relref \"/care/calls.md\" lang=\"fr\" >}}.\n\n[def]: {{< ref \"docs\" >}}\n";
        assert_eq!(
            convert(body, Generator::Hugo).unwrap(),
            "Our rules: [docs](docs). In French: [calls](@/care/calls.fr.md#when), [fees](fees.fr.md), <a href=\"care/_index.nl.md\">zorg</a> and [/care/calls](@/care/calls.fr.md).\n\n[def]: docs\n"
        );
    }

    /// A `ref` in a code span is its path, as before refs in prose became
    /// links: `[x](x)` there showed its brackets as code.
    #[test]
    fn hugo_refs_in_code_spans_stay_paths() {
        let body = "Write `{{< ref \"docs\" >}}` or ``a ` {{< ref \"care/\" >}}``, then {{< ref \"docs\" >}}.\n";
        assert_eq!(
            convert(body, Generator::Hugo).unwrap(),
            "Write `docs` or ``a ` care/``, then [docs](docs).\n"
        );
    }

    /// Hugo's link, figure, highlight and video shortcodes are written
    /// out; others stay.
    #[test]
    fn hugo_shortcodes_with_a_markdown_form() {
        let body = "See [calls]({{< ref \"/care/calls.md\" >}}), [here]({{< relref \"follow-up.md#when\" >}}) and [x]({{% ref path=\"a.md\" %}}).\n\n{{< figure src=\"map.png\" alt=\"Map\" caption=\"The north desk\" link=\"map-large.png\" >}}\n\n{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}\n{{< youtube abc >}}\n{{< gist someone 42 >}}\n";
        assert_eq!(
            convert(body, Generator::Hugo).unwrap(),
            "See [calls](@/care/calls.md), [here](follow-up.md#when) and [x](a.md).\n\n<figure><a href=\"map-large.png\"><img src=\"map.png\" alt=\"Map\"></a><figcaption>The north desk</figcaption></figure>\n\n```go\nfunc main() {}\n```\n[Video on YouTube](https://www.youtube.com/watch?v=abc)\n{{< gist someone 42 >}}\n"
        );
    }
}
