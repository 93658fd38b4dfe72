use super::*;

/// A relinker for `pages` (path under `content/`, URL served at) and
/// `files`, served below `below`.
fn relinker(below: &str, pages: &[(&str, &str)], files: &[&str]) -> Relinker {
    let mut relinker = Relinker {
        below: below.to_string(),
        ..Relinker::default()
    };
    for file in files {
        relinker.known.insert(file.to_string());
        relinker
            .served
            .insert(file.to_lowercase(), file.to_string());
    }
    for (file, url) in pages {
        relinker.know_page(file);
        relinker.serve(file, url.to_string());
    }
    relinker
}

/// URLs with spaces, where their syntax allows them (a quoted
/// attribute, `<…>`), are read whole.
#[test]
fn urls_with_spaces_are_read_whole() {
    let body = "<img src=\"my pic.png\" alt=\"p\"> <a href='on boarding.md'>o</a>\n[x](<a b.md> \"T\") [y](c.md \"T\")\n[d]: <d e.md>\n";
    let moved = relink(body, |u| Some(format!("../{u}"))).unwrap();
    assert_eq!(
        moved,
        "<img src=\"../my pic.png\" alt=\"p\"> <a href='../on boarding.md'>o</a>\n[x](<../a b.md> \"T\") [y](../c.md \"T\")\n[d]: <../d e.md>\n"
    );
}

#[test]
fn links_to_docusaurus_urls_name_the_pages() {
    let docs = relinker(
        "docs",
        &[
            ("01-guides/02-intro.md", "docs/guides/intro"),
            ("README.md", "docs"),
        ],
        &[],
    );
    let body = "[a](/docs/guides/intro/#step-2) and [b](</docs/guides/intro.mdx>)\n[home](/docs) <a href=\"/docs/guides/intro\">c</a>\n[gone](/docs/Old-Page) [else](/blog/x) [ext](https://x.example/docs/a)\n\n```\n[code](/docs/guides/intro)\n```\n[def]: /docs/guides/intro \"Title\"\n[file](01-guides/02-intro.md) [mdx](01-guides/02-intro.mdx) [rel](guides/intro)\n";
    assert_eq!(
        relink(body, |u| docs.rewrite("content/README.md", u)).unwrap(),
        "[a](@/01-guides/02-intro.md#step-2) and [b](<@/01-guides/02-intro.md>)\n[home](@/README.md) <a href=\"@/01-guides/02-intro.md\">c</a>\n[gone](@/Old-Page) [else](/blog/x) [ext](https://x.example/docs/a)\n\n```\n[code](/docs/guides/intro)\n```\n[def]: @/01-guides/02-intro.md \"Title\"\n[file](01-guides/02-intro.md) [mdx](01-guides/02-intro.mdx) [rel](@/01-guides/02-intro.md)\n"
    );
    assert_eq!(
        relink("[x](/blog/)\n", |u| docs.rewrite("content/README.md", u)),
        None
    );
    let root = relinker(
        "",
        &[("01-guides/02-intro.md", "guides/intro")],
        &["img/logo.png"],
    );
    assert_eq!(
        relink(
            "[a](/guides/intro) [logo](/img/logo.png) [b](/nowhere)\n",
            |u| { root.rewrite("content/x.md", u) }
        )
        .unwrap(),
        "[a](@/01-guides/02-intro.md) [logo](/img/logo.png) [b](/nowhere)\n"
    );
}

/// Hugo resolves a relative link against the page's URL, one folder
/// below its file's for a page that is no bundle; credo against the
/// file. A link credo resolves stays as written.
#[test]
fn links_relative_to_hugo_page_urls_name_the_files() {
    let hugo = relinker(
        "",
        &[
            ("care/calls.md", "care/calls"),
            ("care/Follow-Up.md", "care/follow-up"),
            ("care/_index.md", "care"),
            ("visits/index.md", "visits"),
        ],
        &["care/map.png"],
    );
    let rewrite = |u: &str| hugo.rewrite("content/care/calls.md", u);
    assert_eq!(
        rewrite("../follow-up/#when").as_deref(),
        Some("@/care/Follow-Up.md#when")
    );
    assert_eq!(rewrite("../map.png").as_deref(), Some("@/care/map.png"));
    assert_eq!(
        relink("<img src=\"../map.png\" alt=\"\">\n", rewrite).as_deref(),
        Some("<img src=\"@/care/map.png\" alt=\"\">\n")
    );
    assert_eq!(
        rewrite("../../visits/").as_deref(),
        Some("@/visits/index.md")
    );
    assert_eq!(
        rewrite("/care/follow-up/").as_deref(),
        Some("@/care/Follow-Up.md")
    );
    for stays in [
        "Follow-Up.md",
        "map.png",
        "../visits/",
        "/care/",
        "#top",
        "../nowhere/",
        "mailto:a@b.example",
    ] {
        assert_eq!(rewrite(stays), None, "{stays}");
    }
    // A section is served at its folder, as credo serves it.
    assert_eq!(hugo.rewrite("content/care/_index.md", "calls/"), None);
}

/// Jekyll serves a page as a file (`about.html`) and a post at its
/// date; links to either, with or without `.html`, name the file.
#[test]
fn links_to_jekyll_urls_name_the_files() {
    let jekyll = relinker(
        "",
        &[
            ("guides/about.md", "guides/about.html"),
            (
                "posts/2024-02-03-first-shift.md",
                "2024/02/03/first-shift.html",
            ),
        ],
        &[],
    );
    let rewrite = |u: &str| jekyll.rewrite("content/guides/about.md", u);
    assert_eq!(
        rewrite("/2024/02/03/first-shift.html").as_deref(),
        Some("@/posts/2024-02-03-first-shift.md")
    );
    assert_eq!(
        rewrite("/2024/02/03/first-shift").as_deref(),
        Some("@/posts/2024-02-03-first-shift.md")
    );
    assert_eq!(
        rewrite("../2024/02/03/first-shift.html").as_deref(),
        Some("@/posts/2024-02-03-first-shift.md")
    );
    assert_eq!(rewrite("about.html"), None);
}

/// A page the import renamed keeps its links; a bare path that names
/// a page only from the top names it, as Hugo's `ref` falls back.
#[test]
fn links_follow_renamed_pages_and_bare_paths_from_the_top() {
    let mut hugo = relinker(
        "",
        &[
            ("care/calls.md", "care/calls"),
            ("docs/setup.md", "docs/setup"),
        ],
        &[],
    );
    hugo.renamed
        .insert("care/README.md".into(), "care/README-page.md".into());
    hugo.bare_from_top = true;
    let rewrite = |u: &str| hugo.rewrite("content/care/calls.md", u);
    assert_eq!(
        rewrite("README.md#top").as_deref(),
        Some("@/care/README-page.md#top")
    );
    assert_eq!(
        rewrite("README.html").as_deref(),
        Some("@/care/README-page.md")
    );
    assert_eq!(rewrite("docs/setup").as_deref(), Some("@/docs/setup"));
    assert_eq!(rewrite("./docs/setup"), None);
    // Elsewhere a bare path is read beside the page only.
    hugo.bare_from_top = false;
    assert_eq!(hugo.rewrite("content/care/calls.md", "docs/setup"), None);
    // A relative link below Docusaurus's docs naming nothing stays.
    let docs = relinker("docs", &[("02-guide/01-intro.md", "docs/guide/intro")], &[]);
    assert_eq!(
        docs.rewrite("content/02-guide/01-intro.md", "./setup"),
        None
    );
}

/// A page the import moved to another folder keeps what its relative
/// links name: they are written anew from its new folder.
#[test]
fn links_of_a_moved_page_are_written_from_its_new_folder() {
    let mut book = relinker("", &[], &["img/till.png"]);
    for page in ["billing/_index.md", "billing/refunds.md", "contacts.md"] {
        book.know_page(page);
    }
    book.written_in
        .insert("billing/_index.md".into(), "billing.md".into());
    let rewrite = |u: &str| book.rewrite("content/billing/_index.md", u);
    assert_eq!(
        rewrite("billing/refunds.md#when").as_deref(),
        Some("refunds.md#when")
    );
    assert_eq!(
        rewrite("./contacts.md?x=1").as_deref(),
        Some("../contacts.md?x=1")
    );
    assert_eq!(rewrite("img/till.png").as_deref(), Some("../img/till.png"));
    assert_eq!(rewrite("billing/").as_deref(), Some("./"));
    assert_eq!(
        rewrite("missing/page.md").as_deref(),
        Some("../missing/page.md")
    );
    for stays in ["#top", "/contacts/", "https://x.example/a", "../../out.md"] {
        assert_eq!(rewrite(stays), None, "{stays}");
    }
    assert_eq!(relative("a/b", "a/c/d.md"), "../c/d.md");
}

#[test]
fn python_markdown_slugs() {
    assert_eq!(python_markdown_slug("Loop & tie"), "loop-tie");
    assert_eq!(python_markdown_slug("Über uns -- now!"), "uber-uns-now");
    assert_eq!(
        python_markdown_slug("snake_case  and  C++"),
        "snake_case-and-c"
    );
}

/// A link to a heading by MkDocs' id names credo's id for it, on the
/// page itself and on another; ids the two agree on stay.
#[test]
fn mkdocs_heading_ids_become_credos() {
    let mut mkdocs = relinker("", &[], &[]);
    mkdocs.know_page("a.md");
    mkdocs.know_page("b/c.md");
    mkdocs.anchors = [
        (
            "a.md",
            mkdocs_anchors("# Loop & tie\n\n## Loop & tie\n\n## Plain\n"),
        ),
        ("b/c.md", mkdocs_anchors("## Über uns\n")),
    ]
    .into_iter()
    .map(|(d, a)| (d.to_string(), a))
    .collect();
    let rewrite = |u: &str| mkdocs.rewrite("content/a.md", u);
    assert_eq!(
        relink("[x](#loop-tie) [y](#loop-tie_1) [z](#plain) [w](b/c.md#uber-uns) [v](b/c.md#über-uns)\n", rewrite).unwrap(),
        "[x](#loop--tie) [y](#loop--tie-1) [z](#plain) [w](b/c.md#über-uns) [v](b/c.md#über-uns)\n"
    );
    assert_eq!(
        mkdocs
            .rewrite("content/b/c.md", "../a.md#loop-tie")
            .as_deref(),
        Some("../a.md#loop--tie")
    );
}

/// A moved folder may lie outside `content/` (Starlight's `src/assets`,
/// `../../assets` from the docs): paths that climb out keep their `..`.
#[test]
fn climbing_paths_keep_what_climbs_out() {
    assert_eq!(
        climbing("guides/../../../assets/map.png"),
        "../../assets/map.png"
    );
    assert_eq!(climbing("./a/b/../c"), "a/c");
    assert_eq!(climbing(".gitbook/assets"), ".gitbook/assets");
}
