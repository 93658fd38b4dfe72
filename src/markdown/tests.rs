//! Tests of the module above.
use super::*;
use headings::heading_id;

/// Resolves `honesty` to `href` and `title`; every other link is
/// unresolved.
struct Honesty {
    href: &'static str,
    title: &'static str,
}

impl LinkResolver for Honesty {
    fn resolve(&self, link: &LinkRef) -> Option<Resolved> {
        (link.target == "honesty").then(|| Resolved {
            href: self.href.to_string(),
            title: self.title.to_string(),
        })
    }
}

const FIXED: Honesty = Honesty {
    href: "/values/honesty/",
    title: "Honesty",
};

/// A URL and title that need escaping.
const AWKWARD: Honesty = Honesty {
    href: "/values/hon esty/\"q\"<&>ü/#a",
    title: "Honest & <fair> \"always\"",
};

#[test]
fn slugs_keep_letters_of_any_script() {
    assert_eq!(slugify("What we do"), "what-we-do");
    assert_eq!(slugify("  Beständigkeit & Ruhe! "), "beständigkeit-ruhe");
    assert_eq!(slugify("Don't wait"), "dont-wait");
    assert_eq!(slugify("服务 原则"), "服务-原则");
}

#[test]
fn heading_ids_are_unique() {
    let s = scan("# A\n## A\n## B {#custom}\n## A\n", false);
    let ids: Vec<_> = s.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-1", "custom", "a-2"]);
    let s = scan("# Main\n", false);
    assert_eq!(s.headings[0].id, "main-1");
}

#[test]
fn links_are_found_with_offsets() {
    let s = scan(
        "See [[honesty]] and [x](../a/b.md#c), [y](https://x.example), `[[no]]`.",
        false,
    );
    assert_eq!(s.links.len(), 2);
    assert_eq!(s.links[0].target, "honesty");
    assert_eq!(s.links[0].style, LinkStyle::Wiki);
    assert_eq!(s.links[0].offset, 4);
    assert_eq!(s.links[1].target, "../a/b.md");
    assert_eq!(s.links[1].anchor.as_deref(), Some("c"));
}

#[test]
fn wiki_links_take_the_target_title() {
    let r = render("[[honesty]] and [[honesty|be honest]]", false, &FIXED);
    assert_eq!(
        r.html,
        "<p><a href=\"/values/honesty/\">Honesty</a> and <a href=\"/values/honesty/\">be honest</a></p>\n"
    );
}

#[test]
fn same_line_alerts_become_admonitions() {
    let r = render("> [!TIP] Call back *today*.\n> Always.\n", false, &FIXED);
    assert_eq!(
        r.html,
        "<div class=\"admonition admonition-tip\" role=\"note\" aria-label=\"Tip\">\n<p class=\"admonition-title\">Tip</p>\n<p>Call back <em>today</em>.\nAlways.</p>\n</div>\n"
    );
    let plain = render("> [!NOTE]x and [!NOTE] later\n", false, &FIXED);
    assert!(plain.html.starts_with("<blockquote>"), "{}", plain.html);
}

#[test]
fn heading_ids_follow_github() {
    assert_eq!(heading_id("Loop & Tie"), "loop--tie");
    assert_eq!(heading_id("What we do"), "what-we-do");
    assert_eq!(heading_id("Don't wait!"), "dont-wait");
    assert_eq!(heading_id("Beständigkeit & Ruhe"), "beständigkeit--ruhe");
    assert_eq!(heading_id("snake_case and C++ 2.0"), "snake_case-and-c-20");
    assert_eq!(heading_id("服务 原则"), "服务-原则");
    let s = scan("## Loop & Tie\n## Loop & Tie\n", false);
    let ids: Vec<_> = s.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["loop--tie", "loop--tie-1"]);
}

#[test]
fn the_title_heading_is_dropped_once() {
    assert_eq!(
        first_h1("Intro\n\n# The *title*\n\n# Second\n").as_deref(),
        Some("The title")
    );
    assert_eq!(first_h1("## Only h2\n"), None);
    let r = render("# Title\n\nText.\n\n# Again\n", true, &FIXED);
    assert_eq!(r.html, "<p>Text.</p>\n<h1 id=\"again\">Again</h1>\n");
    assert_eq!(scan("# Title\n## Part\n", true).headings.len(), 1);
}

#[test]
fn the_title_heading_keeps_its_id_counted_first_as_on_github() {
    let body = "# Über uns\n\nIntro.\n\n## Über uns\n\n## Main\n";
    let s = scan(body, true);
    assert_eq!(s.title_id.as_deref(), Some("über-uns"));
    let ids: Vec<_> = s.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["über-uns-1", "main-1"]);
    assert!(s.has_anchor("über-uns") && s.has_anchor("über-uns-1"));
    // An explicit id is the title's; a title kept in the body has none.
    assert_eq!(
        scan("# Ways {#ways}\n", true).title_id.as_deref(),
        Some("ways")
    );
    assert_eq!(scan("# Kept\n", false).title_id, None);
    assert_eq!(scan("# Kept\n", false).headings[0].id, "kept");
}

#[test]
fn raw_html_and_footnotes_are_anchors_with_ids_of_their_own() {
    let body = "## Terms\n\nSee the terms[^terms].\n\n<a name=\"legacy-anchor\"></a>\n\n\
                Text <span id='inline'>x</span>.\n\n<!-- <a name=\"commented\"> -->\n\n\
                [^terms]: The fine print.\n";
    let s = scan(body, false);
    for id in ["terms", "legacy-anchor", "inline", "fn-terms"] {
        assert!(s.has_anchor(id), "{id}");
    }
    assert!(!s.has_anchor("commented"));
    let html = render(body, false, &FIXED).html;
    assert_eq!(html.matches("id=\"terms\"").count(), 1, "{html}");
    assert!(html.contains("href=\"#fn-terms\""), "{html}");
    assert!(html.contains("id=\"fn-terms\""), "{html}");
    // A heading never takes a footnote's id.
    let s = scan("## Fn note\n\nA[^note].\n\n[^note]: N.\n", false);
    assert_eq!(s.headings[0].id, "fn-note-1");
    // Nor one written in raw HTML, above or below it.
    let body = "<a id=\"setup\"></a>\n\n## Setup\n\n## Usage\n\nSee <span id=\"usage\">x</span>.\n";
    let s = scan(body, false);
    let ids: Vec<&str> = s.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["setup-1", "usage-1"]);
    let html = render(body, false, &FIXED).html;
    assert_eq!(html.matches("id=\"setup\"").count(), 1, "{html}");
    assert_eq!(html.matches("id=\"usage\"").count(), 1, "{html}");
}

#[test]
fn every_relative_url_is_internal() {
    let s = scan(
        "[a](b.md) [c](dir/) [d](page) ![e](img/e.png) [f](https://x.example) [g](mailto:x@y) \
         [h](/abs/) [i](#top) [j](file.pdf#page=2) [k](data:text/plain,x) [l](//cdn.example/x)\n\n\
         <img src=\"pic.png\" srcset=\"a.png 1x, https://x.example/b.png 2x\"> <a href=\"../up\">up</a>\n",
        false,
    );
    let targets: Vec<_> = s.links.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(
        targets,
        [
            "b.md",
            "dir/",
            "page",
            "img/e.png",
            "/abs/",
            "",
            "file.pdf",
            "pic.png",
            "a.png",
            "../up"
        ]
    );
}

#[test]
fn images_and_raw_html_are_rewritten_both_ways() {
    struct All;
    impl LinkResolver for All {
        fn resolve(&self, link: &LinkRef) -> Option<Resolved> {
            Some(Resolved {
                href: format!("/base/{}", link.target.trim_start_matches("../")),
                title: "T".into(),
            })
        }
    }
    let body = "![e](img/e.png) and <img src=\"pic.png\" alt=\"x\">\n\n<video poster=p.jpg>\n<source srcset=\"a b.png 1x, c.png 2x\">\n</video>\n";
    let late = render(body, false, &All);
    assert!(
        late.html.contains("<img src=\"/base/img/e.png\""),
        "{}",
        late.html
    );
    assert!(
        late.html.contains("<img src=\"/base/pic.png\" alt=\"x\">"),
        "{}",
        late.html
    );
    assert!(late.html.contains("poster=/base/p.jpg>"), "{}", late.html);
    assert!(
        late.html
            .contains("srcset=\"/base/a b.png 1x, /base/c.png 2x\""),
        "{}",
        late.html
    );
    let early = linked(body, &All).expect("slotted");
    assert_eq!(early.html, late.html);
}

#[test]
fn alerts_become_admonitions() {
    let r = render("> [!WARNING]\n> Never do this.\n", false, &FIXED);
    assert!(
        r.html
            .starts_with("<div class=\"admonition admonition-warning\"")
    );
    assert!(r.html.contains("<p>Never do this.</p>"));
    assert!(r.html.ends_with("</div>\n"));
}

fn linked(body: &str, links: &dyn LinkResolver) -> Option<Rendered> {
    let scan_once = scan_unlinked(body, false);
    let scan_alone = scan(body, false);
    assert_eq!(scan_once.headings, scan_alone.headings, "{body}");
    assert_eq!(scan_once.links, scan_alone.links, "{body}");
    let unlinked = scan_once.unlinked;
    let resolved: Vec<Option<Resolved>> =
        scan_once.links.iter().map(|l| links.resolve(l)).collect();
    unlinked.map(|u| u.fill(&resolved))
}

#[test]
fn an_unlinked_body_links_to_the_bytes_of_a_late_render() {
    let bodies = [
        "",
        "No links at all.\n\n```rust\nfn main() {}\n```\n",
        "[[honesty]] and [[honesty|be honest]] and [[missing]] and [[missing|label]].",
        "# [[honesty]] in a heading\n\n| a | b |\n|---|---|\n| [[honesty]] | [x](../a.md#frag) |\n",
        "See [the page](other.md \"a title\") and [here](#top), [out](https://x.example).",
        "> [!NOTE]\n> [[honesty]], then text with & and < and \"quotes\".\n\n- [ ] [[honesty|a task]]\n",
        "A footnote[^1].\n\n[^1]: With [[honesty]].\n",
        "*[[honesty]]*, **[[honesty#anchor]]**, ~~[[missing#x]]~~ and `[[code]]`.",
    ];
    for body in bodies {
        let late = render(body, false, &AWKWARD);
        let early = linked(body, &AWKWARD);
        let early = early.unwrap_or_else(|| panic!("no unlinked form of {body:?}"));
        assert_eq!(early.html, late.html, "{body}");
        assert_eq!(early.text, late.text, "{body}");
    }
}

#[test]
fn a_body_whose_links_cannot_be_slotted_is_rendered_late() {
    // An image's alt text keeps no link, only its text; a body may spell
    // something like a marker. Such a body is either slotted exactly or
    // left to a render after resolving.
    for body in [
        "![an [[honesty]] picture](a.png) and ![a [link](a.md) too](b.png)",
        "[[honesty|label]] then CredoLinkSlot0l in the text.",
        "[[honesty]] then CredoLinkSlot0h.",
        "Before any link: CredoLinkSlot0h [[honesty]]",
        "Made of an entity: CredoLinkSlot&#48;h [[honesty]]",
        "Text that names CredoLinkSlot without a number, and CredoLinkSlot9 too.",
    ] {
        let late = render(body, false, &AWKWARD);
        if let Some(early) = linked(body, &AWKWARD) {
            assert_eq!(early.html, late.html, "{body}");
            assert_eq!(early.text, late.text, "{body}");
        }
    }
    for spelled in [
        "[[honesty|label]] then CredoLinkSlot0l in the text.",
        "[[honesty]] then CredoLinkSlot0h.",
        "Made of an entity: CredoLinkSlot&#48;h [[honesty]]",
    ] {
        assert!(linked(spelled, &AWKWARD).is_none(), "{spelled}");
    }
}

#[test]
fn headings_get_their_ids_in_html() {
    let r = render("## What we do\n", false, &FIXED);
    assert_eq!(r.html, "<h2 id=\"what-we-do\">What we do</h2>\n");
}

/// GitHub's emoji shortcodes show as their emoji, in the text and in what
/// search reads; a time, a word with colons, code and an unknown name stay.
#[test]
fn emoji_shortcodes_show_as_github_shows_them() {
    let body = "Done :white_check_mark: at 10:30, :+1::tada: and :nope: stay; `:tada:` is code.\n";
    let rendered = render(body, false, &FIXED);
    assert_eq!(
        rendered.html,
        "<p>Done ✅ at 10:30, 👍🎉 and :nope: stay; <code>:tada:</code> is code.</p>\n"
    );
    assert!(
        rendered
            .text
            .starts_with("Done ✅ at 10:30, 👍🎉 and :nope: stay;")
    );
}

/// A fence's `title="…"` (Docusaurus, Material) or `filename="…"` (Hugo)
/// captions its block; the language is still the fence's first word.
#[test]
fn fence_titles_caption_their_code() {
    let body = "```python title=\"greet.py\"\nprint('hi')\n```\n\n```sh {filename='<setup>.sh'}\nls\n```\n\n```text subtitle=\"no\"\nx\n```\n";
    let html = render(body, false, &FIXED).html;
    assert!(
        html.starts_with("<figure class=\"code-figure\"><figcaption class=\"code-title\">greet.py</figcaption><pre class=\"code hl-code\" data-lang=\"python\""),
        "{html}"
    );
    assert!(html.contains("<figcaption class=\"code-title\">&lt;setup&gt;.sh</figcaption><pre class=\"code hl-code\" data-lang=\"sh\""), "{html}");
    assert_eq!(html.matches("<figure").count(), 2, "{html}");
    assert_eq!(fence_title("rust title=\"\""), None);
    // A title with no language before it: a plain block, captioned.
    let html = render("```title=\"notes.txt\"\nhello\n```\n", false, &FIXED).html;
    assert!(
        html.contains("<figcaption class=\"code-title\">notes.txt</figcaption>"),
        "{html}"
    );
    assert!(!html.contains("title="), "{html}");
}

/// Bare URLs, `www.` hosts and e-mail addresses become links, as GitHub
/// makes them; a file name, code and the text of a link stay as written.
#[test]
fn bare_urls_become_links() {
    let split = render(
        "Read https://en.wikipedia.org/wiki/Foo_(bar) and https://example.com/~user/page.\n",
        false,
        &FIXED,
    )
    .html;
    assert_eq!(
        split,
        "<p>Read <a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\">https://en.wikipedia.org/wiki/Foo_(bar)</a> and <a href=\"https://example.com/~user/page\">https://example.com/~user/page</a>.</p>\n"
    );
    let body = "See https://example.com/a_b?x=1, www.example.org or desk@example.com; not credo.yaml.\n\n[https://x.example](https://x.example) <a href=\"/y\">https://y.example</a> `https://code.example` ![https://img.example](a.png)\n";
    let html = render(body, false, &FIXED).html;
    assert_eq!(
        html.lines().next().unwrap_or(""),
        "<p>See <a href=\"https://example.com/a_b?x=1\">https://example.com/a_b?x=1</a>, <a href=\"http://www.example.org\">www.example.org</a> or <a href=\"mailto:desk@example.com\">desk@example.com</a>; not credo.yaml.</p>"
    );
    assert_eq!(html.matches("<a ").count(), 5, "{html}");
    assert!(html.contains("<code>https://code.example</code>"), "{html}");
    assert!(html.contains("alt=\"https://img.example\""), "{html}");
    // A body with one kind of link alone is linked too (the quick test
    // for whether a text may link looks for each kind).
    for (body, href) in [
        ("Go to www.example.org now.", "http://www.example.org"),
        ("Write desk@example.com now.", "mailto:desk@example.com"),
        (
            "Go to ftp://files.example/a now; wow.",
            "ftp://files.example/a",
        ),
    ] {
        let html = render(body, false, &FIXED).html;
        assert!(html.contains(&format!("<a href=\"{href}\">")), "{html}");
    }
    let plain = render("Time: 10:30, www or w.", false, &FIXED).html;
    assert!(!plain.contains("<a "), "{plain}");
}

/// `<desk@example.com>` is CommonMark's e-mail autolink: a `mailto:` link,
/// no file of the site.
#[test]
fn email_autolinks_are_mail_links_not_files() {
    let body = "Write to <desk@example.com> or <mailto:ops@example.com>.\n";
    assert!(scan(body, false).links.is_empty());
    let html = render(body, false, &FIXED).html;
    assert_eq!(
        html,
        "<p>Write to <a href=\"mailto:desk@example.com\">desk@example.com</a> or <a href=\"mailto:ops@example.com\">mailto:ops@example.com</a>.</p>\n"
    );
}

/// Footnotes are numbered by their first reference, which carries the id
/// each note's `↩` links back to; a second reference carries none.
#[test]
fn footnotes_link_back_to_their_first_reference() {
    let body =
        "[^b]: Defined first.\n\nOne[^a], two[^b], again[^a].\n\n[^a]: Note A.\n\n## Fnref a\n";
    let html = render(body, false, &FIXED).html;
    assert!(
        html.starts_with("<p>One<sup class=\"footnote-reference\" id=\"fnref-a\"><a href=\"#fn-a\" role=\"doc-noteref\">1</a></sup>, two<sup class=\"footnote-reference\" id=\"fnref-b\"><a href=\"#fn-b\" role=\"doc-noteref\">2</a></sup>, again<sup class=\"footnote-reference\"><a href=\"#fn-a\" role=\"doc-noteref\">1</a></sup>.</p>"),
        "{html}"
    );
    assert!(html.contains("<div class=\"footnote-definition\" id=\"fn-a\"><sup class=\"footnote-definition-label\">1</sup>\n<p>Note A.</p>\n<a href=\"#fnref-a\" class=\"footnote-backref\" role=\"doc-backlink\">↩</a>\n</div>"), "{html}");
    assert_eq!(html.matches("id=\"fnref-a\"").count(), 1, "{html}");
    assert!(html.contains("<h2 id=\"fnref-a-1\">"), "{html}");
}

/// pulldown-cmark lost an image whose alt text held a `[[ref]]`: the page
/// showed `![our`, a link and `](poster.png)` as text. The image stays,
/// its alt text shows the ref's label, and the ref is still found.
#[test]
fn a_wiki_ref_in_alt_text_keeps_the_image() {
    for (body, html) in [
        (
            "See ![our [[honesty]] poster](poster.png) here.",
            "<p>See <img src=\"poster.png\" alt=\"our Honesty poster\" /> here.</p>\n",
        ),
        (
            "![the [[honesty|honest]] way](a.png \"Way\")",
            "<p><img src=\"a.png\" alt=\"the honest way\" title=\"Way\" /></p>\n",
        ),
        (
            "[![badge [[honesty]]](b.png)](https://x.example) and [[honesty]]",
            "<p><a href=\"https://x.example\"><img src=\"b.png\" alt=\"badge Honesty\" /></a> and <a href=\"/values/honesty/\">Honesty</a></p>\n",
        ),
        (
            "| a |\n|---|\n| *![cell [[honesty]]](c.png)* |\n",
            "<table><thead><tr><th>a</th></tr></thead><tbody>\n<tr><td><em><img src=\"c.png\" alt=\"cell Honesty\" /></em></td></tr>\n</tbody></table>\n",
        ),
    ] {
        assert_eq!(render(body, false, &FIXED).html, html, "{body}");
    }
    let s = scan("Text ![our [[honesty]] poster](poster.png).", false);
    let found: Vec<(&str, usize)> = (s.links.iter())
        .map(|l| (l.target.as_str(), l.offset))
        .collect();
    assert_eq!(found, [("poster.png", 5), ("honesty", 11)]);
}
