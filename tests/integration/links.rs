//! Link rewriting, from the regressions of audit 37: every internal link
//! the build keeps is written to its output URL with the base path, whatever
//! level `lints:` gives its finding.

use crate::harness::{Run, SiteTest};

/// The `<div class="body">` of a built page, up to the end of its line.
fn body(run: &Run, page: &str) -> String {
    let html = run.page(page);
    let start = html
        .find("<div class=\"body\">")
        .unwrap_or_else(|| panic!("{page} has no body:\n{html}"));
    html[start..].lines().next().unwrap_or_default().to_string()
}

/// Audit 37, r1: `lints: {broken-anchor: warning}` changes the finding's
/// level, not where the link leads: it is still the page's URL, and a
/// ref's label still the page's title.
#[test]
fn a_downgraded_broken_anchor_still_leads_to_the_page() {
    let site = |level: &str| {
        SiteTest::empty()
            .file(
                "credo.yaml",
                format!("title: T\nbase_url: /hb/\nlints:\n  broken-anchor: {level}\n"),
            )
            .file(
                "content/README.md",
                "# Home\n\n[a](more/page.md#nope) [[page#nope]] [[page#nope|label]] [up](#gone) [r](/more/page.md#nope)\n",
            )
            .file("content/more/page.md", "# Page\n")
    };
    let expected = "<div class=\"body\"><p><a href=\"/hb/more/page/#nope\">a</a> \
        <a href=\"/hb/more/page/#nope\">Page</a> <a href=\"/hb/more/page/#nope\">label</a> \
        <a href=\"#gone\">up</a> <a href=\"/hb/more/page/#nope\">r</a></p>";
    let warned = site("warning");
    warned.check().success().diagnostics_are(&[
        "content/README.md:3:1: warning: link to `more/page.md#nope`: content/more/page.md has no heading with id `nope`",
        "content/README.md:3:24: warning: link to `page#nope`: content/more/page.md has no heading with id `nope`",
        "content/README.md:3:38: warning: link to `page#nope`: content/more/page.md has no heading with id `nope`",
        "content/README.md:3:58: warning: link to `#gone`: content/README.md has no heading with id `gone`",
        "content/README.md:3:70: warning: link to `/more/page.md#nope`: content/more/page.md has no heading with id `nope`",
    ]);
    // The link counts: the page is linked from the home page, no orphan.
    let run = warned.build();
    run.success();
    assert_eq!(body(&run, "index.html"), expected);
    let allowed = site("allow");
    allowed.check().success().diagnostics_are(&[]);
    let run = allowed.build();
    run.success();
    assert_eq!(body(&run, "index.html"), expected);
}

/// Audit 37, r3: a link from the root to a file the build writes keeps its
/// name and gets the base path (`/hb/handbook.json`, not
/// `/hb/handbook.json/`; `/hb/style.css`, not `/style.css`), and
/// `/tags/index.html` names the tag index as `x/index.html` names a
/// folder's page.
#[test]
fn root_links_to_generated_files_keep_their_name_and_get_the_base_path() {
    let run = SiteTest::empty()
        .file("credo.yaml", "title: T\nbase_url: /hb/\n")
        .file(
            "content/README.md",
            "# Home\n\n[a](/handbook.json) [b](/sitemap.xml) [c](/tags/index.html) \
             [d](/style.css) [e](/favicon.svg) [f](/llms.txt) [g](/404.html) \
             [h](/print/index.html) [i](/matrix) [j](/tags/client-care/index.html) \
             [k](/api/status)\n",
        )
        .file("content/a.md", "---\ntitle: A\ntags: [Client care]\n---\n")
        .build();
    run.success();
    assert_eq!(
        body(&run, "index.html"),
        "<div class=\"body\"><p><a href=\"/hb/handbook.json\">a</a> \
         <a href=\"/hb/sitemap.xml\">b</a> <a href=\"/hb/tags/\">c</a> \
         <a href=\"/hb/style.css\">d</a> <a href=\"/hb/favicon.svg\">e</a> \
         <a href=\"/hb/llms.txt\">f</a> <a href=\"/hb/404.html\">g</a> \
         <a href=\"/hb/print/\">h</a> <a href=\"/hb/matrix/\">i</a> \
         <a href=\"/hb/tags/client-care/\">j</a> <a href=\"/api/status\">k</a></p>"
    );
    for file in [
        "handbook.json",
        "sitemap.xml",
        "style.css",
        "favicon.svg",
        "llms.txt",
    ] {
        assert!(run.exists(file), "{file}");
    }
}

/// Audit 37, r12: `_index.md`, `index.md` and `README.md` each name the
/// page of their folder, whichever of them it was written in; the home
/// page too.
#[test]
fn every_own_page_name_names_the_folders_page() {
    let site = SiteTest::empty()
        .file("credo.yaml", "title: T\nbase_url: /hb/\n")
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[1](docs/index.md) [2](docs/_index.md) [3](docs/README.md) \
             [4](kit/README.md) [5](kit/_index.md) [6](README.md) [7](/index.md)\n",
        )
        .file(
            "content/docs/README.md",
            "# Docs\n\n[r](../README.md) [i](../index.md) [u](../_index.md) [[a]]\n",
        )
        .file("content/docs/a.md", "# A\n")
        .file("content/kit/index.md", "# Kit\n");
    let run = site.build();
    run.success();
    assert_eq!(
        body(&run, "index.html"),
        "<div class=\"body\"><p><a href=\"/hb/docs/\">1</a> <a href=\"/hb/docs/\">2</a> \
         <a href=\"/hb/docs/\">3</a> <a href=\"/hb/kit/\">4</a> <a href=\"/hb/kit/\">5</a> \
         <a href=\"/hb/\">6</a> <a href=\"/hb/\">7</a></p>"
    );
    assert_eq!(
        body(&run, "docs/index.html"),
        "<div class=\"body\"><p><a href=\"/hb/\">r</a> <a href=\"/hb/\">i</a> \
         <a href=\"/hb/\">u</a> <a href=\"/hb/docs/a/\">A</a></p>"
    );
    // A file of that name copied as it is stays that file; a folder
    // without a page is no page.
    let site = site
        .file("static/kit/README.md", "Published as it is.\n")
        .file("content/more.md", "# More\n\n[k](kit/README.md)\n");
    let run = site.build();
    run.success();
    assert_eq!(
        body(&run, "more/index.html"),
        "<div class=\"body\"><p><a href=\"/hb/kit/README.md\">k</a></p>"
    );
    site.file("content/more.md", "# More\n\n[n](none/index.md)\n")
        .check()
        .code(1)
        .diagnostics_are(&[
            "content/more.md:3:1: error: link to `none/index.md`: there is no content/none/index.md",
        ]);
}

/// Audit 37, r7: in an HTML block, which pulldown-cmark gives line by
/// line, a value split over lines is checked and rewritten as on one
/// line: each URL at its own line and column, in a quote too.
#[test]
fn a_value_split_over_lines_in_an_html_block_is_checked_and_rewritten() {
    let site = SiteTest::empty()
        .file("credo.yaml", "title: T\nbase_url: /hb/\n")
        .file("content/README.md", "# Home\n\n[s](sub/page.md)\n")
        .file("content/sub/a.png", "png")
        .file(
            "content/sub/page.md",
            "# Sub\n\n<div>\n<img src=\"a.png\" srcset=\"a.png 1x,\n  missing@2x.png 2x\">\n</div>\n\n\
             > <div><img\n>   srcset=\"a.png 1x,\n>     gone.png 2x\"></div>\n",
        );
    site.check().code(1).diagnostics_are(&[
        "content/sub/page.md:5:3: error: link to `missing@2x.png`: there is no file content/sub/missing@2x.png",
        "content/sub/page.md:10:7: error: link to `gone.png`: there is no file content/sub/gone.png",
    ]);
    let run = site
        .file("content/sub/missing@2x.png", "png")
        .file("content/sub/gone.png", "png")
        .build();
    run.success();
    let page = run.page("sub/page/index.html");
    assert!(
        page.contains(
            "<div>\n<img src=\"/hb/sub/a.png\" srcset=\"/hb/sub/a.png 1x,\n  /hb/sub/missing@2x.png 2x\">\n</div>\n"
        ),
        "{page}"
    );
    assert!(
        page.contains("<div><img\n  srcset=\"/hb/sub/a.png 1x,\n    /hb/sub/gone.png 2x\"></div>"),
        "{page}"
    );
    // The Markdown copy rewrites the same URLs where they are written.
    let copy = run.page("sub/page/index.md");
    assert!(
        copy.contains("srcset=\"/hb/sub/a.png 1x,\n  /hb/sub/missing@2x.png 2x\">"),
        "{copy}"
    );
}

/// Audit 37, r11: in an HTML block, text that shows a tag
/// (`&lt;a href="x.md"&gt;`), a comment and a script's text are no links;
/// only a tag's attributes are.
#[test]
fn escaped_text_in_an_html_block_is_no_link() {
    let run = SiteTest::empty()
        .file("credo.yaml", "title: T\nbase_url: /hb/\n")
        .file(
            "content/README.md",
            "# Home\n\n<div>\n<p>Write <code>&lt;a href=\"x.md\"&gt;</code> in HTML, see <a href=\"a.md\">A</a>.</p>\n\
             <!-- <a href=\"old.md\">\n<img src=\"old.png\"> -->\n<script>if (a<b) { s = '<img src=\"no.png\">'; }</script>\n</div>\n",
        )
        .file("content/a.md", "# A\n");
    run.check().success().diagnostics_are(&[]);
    let run = run.build();
    run.success();
    assert!(run.page("index.html").contains(
        "<p>Write <code>&lt;a href=\"x.md\"&gt;</code> in HTML, see <a href=\"/hb/a/\">A</a>.</p>"
    ));
}

/// `[[ref\|label]]` in a table cell, where a bare `|` would split the cell
/// (as Obsidian and GitHub wikis write it): the ref was read as `ref\`, an
/// unresolved ref.
#[test]
fn a_wiki_link_with_an_escaped_pipe_in_a_table_names_its_ref() {
    let run = SiteTest::minimal()
        .file("credo.yaml", "title: T\nbase_url: /hb/\n")
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n| page | why |\n|---|---|\n| [[team/setup#first-day\\|the setup]] | x |\n",
        )
        .file("content/team/setup.md", "# Setup\n\n## First day\n")
        .build();
    run.success();
    let html = run.page("index.html");
    assert!(
        html.contains("<td><a href=\"/hb/team/setup/#first-day\">the setup</a></td><td>x</td>"),
        "{html}"
    );
    let copy = run.page("index.md");
    assert!(
        copy.contains("| [the setup](</hb/team/setup/#first-day>) | x |"),
        "{copy}"
    );
}

/// A `[[ref]]` in an image's alt text left the image unparsed: the page
/// showed `![Map of`, a link and `](map.png)` as text. The image is shown,
/// its alt text plain with the ref's label, and the ref is checked.
#[test]
fn a_ref_in_an_image_alt_text_keeps_the_image() {
    let site = SiteTest::empty()
        .file("credo.yaml", "title: T\nbase_url: /hb/\n")
        .file("content/_index.md", "---\ntitle: Home\n---\n[[desk]]\n")
        .file("content/desk.md", "---\ntitle: Front desk\n---\nHello.\n")
        .file("content/map.png", "not really a PNG")
        .file(
            "content/visit.md",
            "---\ntitle: Visit\n---\nFind us: ![Map of the [[desk]] area](map.png)\n",
        );
    let run = site.build();
    run.success();
    assert_eq!(
        body(&run, "visit/index.html"),
        "<div class=\"body\"><p>Find us: <img src=\"/hb/map.png\" alt=\"Map of the Front desk area\" /></p>"
    );
    // The ref in the alt text is checked like any other.
    site.file(
        "content/visit.md",
        "---\ntitle: Visit\n---\nFind us: ![Map of the [[lobby]] area](map.png)\n",
    )
    .check()
    .code(1)
    .errors_are(&[
        "content/visit.md:4:23: error: unresolved ref `lobby`: no page has that path or name",
    ]);
}

/// A body rendered after resolving (here, one with a ref in an image's alt
/// text) looked its links up by offset, but a reference-style link sits at
/// its definition, out of body order: `[the desk][d]` kept its `desk.md`
/// and led nowhere, and a link after it could be missed too.
#[test]
fn a_reference_link_beside_a_ref_in_alt_text_is_rewritten() {
    let run = SiteTest::empty()
        .file("credo.yaml", "title: T\nbase_url: /hb/\n")
        .file("content/desk.md", "---\ntitle: Front desk\n---\nHello.\n")
        .file("content/map.png", "not really a PNG")
        .file(
            "content/visit.md",
            "---\ntitle: Visit\n---\nAsk [the desk][d]: ![Map of the [[desk]] area](map.png), [[desk]].\n\n[d]: desk.md\n",
        )
        .build();
    run.success();
    assert_eq!(
        body(&run, "visit/index.html"),
        "<div class=\"body\"><p>Ask <a href=\"/hb/desk/\">the desk</a>: <img src=\"/hb/map.png\" alt=\"Map of the Front desk area\" />, <a href=\"/hb/desk/\">Front desk</a>.</p>"
    );
}
