//! Building sites: output layout, URLs, drafts, themes, highlighting, determinism.

use crate::harness::SiteTest;

#[test]
fn every_front_matter_key_builds() {
    let site = SiteTest::fixture("build/full");
    let run = site.build();
    run.success();
    assert!(run.stdout.starts_with("Built 12 pages ("), "{}", run.stdout);
    assert!(run.stdout.contains(" ms"), "{}", run.stdout);
    let page = run.page("principles/arrive-early/index.html");
    assert!(page.contains("<h1><span class=\"num\">2.</span> Never keep a client waiting</h1>"));
    assert!(page.contains("<p class=\"summary rule\">Arrive early and use the waiting time.</p>"));
    assert!(page.contains("<span>Owner: Client Services</span>"));
    assert!(page.contains("<time datetime=\"2026-09-01\">1 September 2026</time>"));
    assert!(page.contains("<a href=\"/handbook/tags/meetings/\" rel=\"tag\">meetings</a>"));
    assert!(page.contains("id=\"item--notes\" data-item=\"notes\""));
    assert!(page.contains("<h3>After</h3>"));
    assert!(page.contains("<span class=\"detail\">The last meeting&#39;s notes</span>"));
    // `related` shows on both pages.
    assert!(
        page.contains(
            "<a href=\"/handbook/principles/speak-plainly/\"><span class=\"num\">1.</span>"
        )
    );
    let other = run.page("principles/speak-plainly/index.html");
    assert!(other.contains("<section class=\"relation\"><h2>See also</h2>"));
    assert!(other.contains("href=\"/handbook/principles/arrive-early/\""));
    // Alias redirect.
    let alias = run.page("old/waiting/index.html");
    assert!(alias.contains(
        "<meta http-equiv=\"refresh\" content=\"0; url=/handbook/principles/arrive-early/\">"
    ));
    // Contrast columns.
    let attitude = run.page("attitude/service-vs-sales/index.html");
    assert!(
        attitude.contains(
            "<th scope=\"col\">Service attitude</th><th scope=\"col\">Sales attitude</th>"
        )
    );
    assert!(attitude.contains(
        "<td data-label=\"Service attitude\">Says no</td><td data-label=\"Sales attitude\"></td>"
    ));
    // Track steps with notes.
    let track = run.page("tracks/new-starter/index.html");
    assert!(track.contains("<p class=\"note\">Read this second</p>"));
    // Static files and theme assets.
    assert!(run.exists("extra.css") && run.exists("style.css") && run.exists("credo.js"));
    assert!(run.exists("highlight.css") && run.exists("sitemap.xml") && run.exists("404.html"));
    assert!(run.exists(".credo-output"));
    // Section extra and site extra reach templates.
    assert!(
        run.page("index.html")
            .contains(":root { --brand: #225588; }")
    );
}

#[test]
fn urls_are_pretty_and_carry_the_base_path() {
    let run = SiteTest::minimal()
        .file("content/a/_index.md", "---\ntitle: A\n---\n")
        .file(
            "content/a/b.md",
            "---\ntitle: B\n---\nSee [[café]] and [[a/_index]].\n",
        )
        .file("content/a/café.md", "---\ntitle: Café\n---\n")
        .file("credo.yaml", "title: T\nbase_url: https://x.example/sub/\n")
        .build();
    run.success();
    assert!(run.exists("a/b/index.html"));
    assert!(run.exists("a/index.html"));
    assert!(run.exists("a/café/index.html"));
    let b = run.page("a/b/index.html");
    assert!(b.contains("<a href=\"/sub/a/caf%C3%A9/\">Café</a>"), "{b}");
    assert!(b.contains("<a href=\"/sub/a/\">A</a>"));
    assert!(b.contains("href=\"/sub/style.css\""));
    let sitemap = run.page("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://x.example/sub/a/b/</loc>"),
        "{sitemap}"
    );
}

#[test]
fn base_url_option_overrides_everywhere() {
    let site = SiteTest::minimal().file("content/a.md", "---\ntitle: A\n---\n");
    let run = site.run(&["build", "--base-url", "https://y.example/docs"]);
    run.success();
    assert!(
        run.page("a/index.html")
            .contains("href=\"/docs/style.css\"")
    );
    assert!(
        run.page("sitemap.xml")
            .contains("<loc>https://y.example/docs/a/</loc>")
    );
    assert!(run.page("handbook.json").contains("\"url\":\"/docs/a/\""));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = SiteTest::minimal().file("content/wip.md", "---\ntitle: WIP\ndraft: true\n---\n");
    site.build().success();
    assert!(!site.root.join("public/wip/index.html").exists());
    site.run(&["build", "--drafts"]).success();
    assert!(site.root.join("public/wip/index.html").exists());
    let doc: serde_json::Value =
        serde_json::from_str(&site.read("public/handbook.json")).expect("handbook.json");
    let wip = doc["pages"]
        .as_array()
        .and_then(|pages| pages.iter().find(|p| p["key"] == "wip"))
        .expect("the draft is listed");
    assert_eq!(wip["draft"], true);
}

#[test]
fn a_ref_to_a_draft_says_so() {
    SiteTest::minimal()
        .file("content/wip.md", "---\ntitle: WIP\ndraft: true\n---\n")
        .file("content/a.md", "---\ntitle: A\n---\nSee [[wip]].\n")
        .build()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:4:5: error: ref `wip` names a draft page, which this build leaves out",
        ]);
}

#[test]
fn site_templates_override_the_theme() {
    let run = SiteTest::minimal()
        .file(
            "templates/partials/footer.html",
            "<footer class=\"mine\">Ours: {{ site.title }}</footer>",
        )
        .build();
    run.success();
    assert!(
        run.page("index.html")
            .contains("<footer class=\"mine\">Ours: T</footer>")
    );
}

#[test]
fn a_local_theme_can_be_chosen() {
    let run = SiteTest::minimal()
        .file("credo.yaml", "title: T\ntheme: plain\n")
        .file(
            "themes/plain/templates/index.html",
            "<!DOCTYPE html><title>{{ site.title }}</title><main>plain home by {{ theme.name }}</main>",
        )
        .file("themes/plain/static/plain.css", "p{}")
        .file("themes/plain/theme.yaml", "name: Plain\n")
        .build();
    run.success();
    assert!(
        run.page("index.html")
            .contains("<main>plain home by Plain</main>")
    );
    assert!(run.exists("plain.css"));
    // Templates the theme does not override come from the built-in theme.
    assert!(run.page("404.html").contains("Page not found"));
}

#[test]
fn code_is_highlighted_with_classes() {
    let run = SiteTest::minimal()
        .file(
            "content/code.md",
            "---\ntitle: Code\n---\n```rust\nlet x = 1;\n```\n\n```nosuchlanguage\n<tag>\n```\n",
        )
        .build();
    run.success();
    let page = run.page("code/index.html");
    assert!(
        page.contains("<span class=\"hl-storage hl-type hl-rust\">let</span>"),
        "{page}"
    );
    assert!(!page.contains("style=\""));
    assert!(page.contains(
        "<pre class=\"code hl-code\" tabindex=\"0\"><code class=\"language-nosuchlanguage\">&lt;tag&gt;\n</code></pre>"
    ));
    assert!(run.page("highlight.css").contains(".hl-"));
}

#[test]
fn markdown_extensions_are_on() {
    let run = SiteTest::minimal()
        .file(
            "content/md.md",
            "---\ntitle: M\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and a note[^n]\n\n- [x] done\n\n[^n]: The note.\n\n> [!WARNING]\n> Never do this.\n",
        )
        .build();
    run.success();
    let page = run.page("md/index.html");
    assert!(page.contains("<table>"));
    assert!(page.contains("<del>gone</del>"));
    assert!(page.contains("class=\"footnote-definition\""));
    // Footnotes gather at the end of the body, as GitHub shows them.
    let note = page
        .find("<div class=\"footnotes\" role=\"doc-endnotes\">")
        .unwrap();
    assert!(
        page.find("Never do this.").unwrap() < note,
        "the note comes after the alert"
    );
    assert!(page.find("The note.").unwrap() > note);
    assert!(page.contains("type=\"checkbox\""));
    assert!(page.contains(
        "<div class=\"admonition admonition-warning\" role=\"note\" aria-label=\"Warning\">"
    ));
}

#[test]
fn front_matter_is_escaped_and_templates_are_not_evaluated_in_content() {
    let run = SiteTest::minimal()
        .file("content/x.md", "---\ntitle: \"<script>alert(1)</script>\"\nsummary: \"a & b\"\n---\n{{ site.title }} stays as text.\n")
        .build();
    run.success();
    let page = run.page("x/index.html");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("a &amp; b"));
    assert!(page.contains("{{ site.title }} stays as text."));
}

#[test]
fn crlf_and_bom_are_accepted() {
    let run = SiteTest::minimal()
        .file(
            "content/w.md",
            "\u{feff}---\r\ntitle: Windows\r\n---\r\nBody [[nope]].\r\n",
        )
        .build();
    run.code(1).diagnostics_are(&[
        "content/w.md:4:6: error: unresolved ref `nope`: no page has that path or name",
    ]);
    // Old Mac line ends (a lone CR): front matter read, lines counted.
    let run = SiteTest::minimal()
        .file("content/m.md", "---\rtitle: Mac\r---\rBody\r\r[[nope]].\r")
        .build();
    run.code(1).diagnostics_are(&[
        "content/m.md:6:1: error: unresolved ref `nope`: no page has that path or name",
    ]);
}

#[test]
fn a_quoted_key_is_the_key_it_names() {
    // `"title": x` is a title: the body's own heading stays in the body.
    let site = SiteTest::minimal()
        .file(
            "content/q.md",
            "---\n\"title\": Quoted key\n---\n# Head\n\nText.\n",
        )
        .file("content/_index.md", "---\ntitle: Home\n---\n[q](q.md)\n");
    let run = site.build();
    run.success();
    let page = run.page("q/index.html");
    assert!(page.contains("<title>Quoted key · T</title>"), "{page}");
    assert!(page.contains(">Head</h1>"), "{page}");
    // And a quoted key credo does not know is said, as a plain one is.
    site.file("content/u.md", "---\ntitle: U\n'colour': red\n---\n")
        .check()
        .code(1)
        .stderr_has("content/u.md:3:1: error: unknown key `colour`");
}

#[test]
fn two_builds_are_byte_identical() {
    let site = SiteTest::fixture("build/full");
    site.run(&["build", "-o", "../one"]).success();
    site.run(&["build", "-o", "../two"]).success();
    let one = site.root.join("../one");
    let two = site.root.join("../two");
    let files = |dir: &std::path::Path| {
        let mut v: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
            .collect();
        v.sort();
        v
    };
    let a = files(&one);
    assert_eq!(a, files(&two));
    assert!(a.len() > 20);
    for f in a {
        assert_eq!(
            std::fs::read(one.join(&f)).unwrap(),
            std::fs::read(two.join(&f)).unwrap(),
            "{}",
            f.display()
        );
    }
}

#[test]
fn the_compact_theme_replaces_templates_and_css_not_code() {
    let run = SiteTest::minimal()
        .file("credo.yaml", "title: T\ntheme: compact\n")
        .file("content/s/a.md", "---\ntitle: A\n---\n")
        .build();
    run.success();
    let page = run.page("s/a/index.html");
    assert!(
        page.contains("<nav class=\"topnav\" id=\"sidebar\" aria-label=\"Handbook sections\">")
    );
    assert!(!page.contains("class=\"sidebar\""));
    assert!(run.page("style.css").contains("credo \"compact\" theme"));
    // Templates it does not override come from the default theme.
    assert!(page.contains("<article class=\"content\" data-key=\"s/a\" data-version=\""));
}

#[test]
fn an_unknown_theme_is_an_error_with_a_hint() {
    let run = SiteTest::minimal()
        .file("credo.yaml", "title: T\ntheme: compakt\n")
        .build();
    run.code(1).diagnostics_are(&["credo.yaml:2:1: error: theme `compakt` is neither a folder themes/compakt/ nor a built-in theme"]);
    run.stderr_has("did you mean `compact`?");
    // A local theme misspelt is found too; with nothing close, the hint
    // lists what there is.
    let site = SiteTest::minimal()
        .file("credo.yaml", "title: T\ntheme: harbur\n")
        .file(
            "themes/harbour/templates/partials/footer.html",
            "<footer></footer>\n",
        );
    site.build().code(1).stderr_has("did you mean `harbour`?");
    let site = site.file("credo.yaml", "title: T\ntheme: zzz\n");
    (site.build().code(1)).stderr_has("the themes here: compact, default, harbour");
}

#[test]
fn maps_in_templates_keep_their_order() {
    // Tera's maps are hash maps unless told otherwise; output must not vary.
    let keys: String = (0..40).map(|i| format!("  k{i:02}: {i}\n")).collect();
    let site = SiteTest::minimal()
        .file(
            "content/a.md",
            format!("---\ntitle: A\nextra:\n{keys}---\n"),
        )
        .file(
            "templates/partials/meta.html",
            "<p class=\"keys\">{% for k, v in page.extra %}{{ k }} {% endfor %}</p>",
        );
    let run = site.build();
    run.success();
    let expected: String = (0..40).map(|i| format!("k{i:02} ")).collect();
    assert!(
        run.page("a/index.html").contains(&expected),
        "{}",
        run.page("a/index.html")
    );
}

#[test]
fn title_order_folds_case_and_accents() {
    let run = SiteTest::minimal()
        .file(
            "content/people/_index.md",
            "---\ntitle: People\nsort_by: title\n---\n",
        )
        .file("content/people/z.md", "---\ntitle: Zeta\n---\n")
        .file("content/people/e.md", "---\ntitle: \u{c9}mile\n---\n")
        .file("content/people/a.md", "---\ntitle: anna\n---\n")
        .build();
    run.success();
    let section = run.page("people/index.html");
    let at = |href: &str| section.find(href).unwrap_or_else(|| panic!("{href}"));
    assert!(at("/people/a/") < at("/people/e/"));
    assert!(at("/people/e/") < at("/people/z/"));
}

#[test]
fn tags_spelt_apart_share_one_page_listing_every_page() {
    // Home lists a.md and b.md, so neither is an orphan; a comes first.
    let site = SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\nweight: 1\ntags: [Client care]\n---\n",
        )
        .file(
            "content/b.md",
            "---\ntitle: B\nweight: 2\ntags: [speed, client-care]\n---\n",
        );
    let run = site.build();
    run.success();
    let tag = run.page("tags/client-care/index.html");
    assert!(tag.contains("<h1>Tag: Client care</h1>"), "{tag}");
    assert!(
        tag.contains("href=\"/a/\"") && tag.contains("href=\"/b/\""),
        "{tag}"
    );
    let index = run.page("tags/index.html");
    assert_eq!(
        index.matches("href=\"/tags/client-care/\"").count(),
        1,
        "{index}"
    );
    assert!(
        index.contains("Client care</a> <span class=\"count\">(2)</span>"),
        "{index}"
    );
    site.check().success().diagnostics_are(&[
        "content/b.md:4:15: warning: tag `client-care` shares the page /tags/client-care/ with `Client care`, and is listed as `Client care`",
    ]);
}

/// Audit 37, r14: `C++` and `C#` both made `/tags/c/`, and `credo check`
/// told the author to write them the same way.
#[test]
fn different_tags_with_one_slug_get_a_page_each() {
    let site = SiteTest::minimal().file(
        "content/a.md",
        "---\ntitle: A\ntags: [\"C++\", \"C#\"]\n---\n",
    );
    let run = site.build();
    run.success();
    // Numbered by sorted tag: `C#` before `C++`.
    assert!(run.page("tags/c/index.html").contains("<h1>Tag: C#</h1>"));
    assert!(
        run.page("tags/c-1/index.html")
            .contains("<h1>Tag: C++</h1>")
    );
    let page = run.page("a/index.html");
    assert!(
        page.contains("href=\"/tags/c-1/\"") && page.contains("href=\"/tags/c/\""),
        "{page}"
    );
    site.check().success().diagnostics_are(&[]);
}

#[test]
fn a_relative_md_link_keeps_its_query() {
    let body = "See [b](b.md?v=2#top), [same](a.md?print=1) and [gone](gone.md?v=1).\n";
    let site = SiteTest::minimal()
        .file("content/a.md", format!("---\ntitle: A\n---\n{body}"))
        .file("content/b.md", "---\ntitle: B\n---\n# Top\n");
    site.build().code(1).diagnostics_are(&[
        "content/a.md:4:49: error: link to `gone.md`: there is no content/gone.md",
    ]);
    let site = site.file(
        "content/a.md",
        format!(
            "---\ntitle: A\n---\n{}",
            body.replace(" and [gone](gone.md?v=1)", "")
        ),
    );
    let run = site.build();
    run.success();
    let page = run.page("a/index.html");
    assert!(page.contains(r#"<a href="/b/?v=2#top">b</a>"#), "{page}");
    assert!(page.contains(r#"<a href="/a/?print=1">same</a>"#), "{page}");
}

/// A static folder's dot-files are for the host (`.well-known/`,
/// `.nojekyll`, `.htaccess`) and are copied, as Hugo and Zola copy them;
/// version control's and the desktop's are not, nor content/'s hidden files.
#[test]
fn static_dot_files_for_the_host_are_copied() {
    let run = SiteTest::minimal()
        .file(
            "static/.well-known/security.txt",
            "Contact: mailto:security@example.org\n",
        )
        .file("static/.nojekyll", "")
        .file("static/.htaccess", "ErrorDocument 404 /404.html\n")
        .file("static/.git/config", "[core]\n")
        .file("static/.DS_Store", "junk")
        .file("static/.notes.txt.swp", "junk")
        .file("content/.scratch.md", "---\ntitle: Scratch\n---\n")
        .build();
    run.success();
    for kept in [".well-known/security.txt", ".nojekyll", ".htaccess"] {
        assert!(run.exists(kept), "{kept}");
    }
    for left in [
        ".git/config",
        ".DS_Store",
        ".notes.txt.swp",
        ".scratch/index.html",
    ] {
        assert!(!run.exists(left), "{left}");
    }
}

/// A link to `x.html` (as mdBook and Jekyll pages link each other) names
/// the page made of `x.md`, anchor and all; a real `x.html` file is linked
/// as itself, and one to nothing is still an error.
#[test]
fn a_link_to_a_pages_html_names_the_page() {
    let site = SiteTest::minimal()
        .file("content/guide/setup.md", "---\ntitle: Setup\n---\n## Why\n\nText.\n")
        .file("content/guide/form.html", "<p>A form.</p>\n")
        .file(
            "content/guide/start.md",
            "---\ntitle: Start\n---\nRead [setup](setup.html#why), fill in [the form](form.html).\n",
        );
    let run = site.build();
    run.success();
    let page = run.page("guide/start/index.html");
    assert!(
        page.contains("<a href=\"/guide/setup/#why\">setup</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"/guide/form.html\">the form</a>"),
        "{page}"
    );
    let run = site
        .file(
            "content/guide/start.md",
            "---\ntitle: Start\n---\nRead [gone](gone.html).\n",
        )
        .check();
    run.code(1);
    let errors: Vec<String> = (run.diagnostics().into_iter())
        .filter(|d| d.contains("error"))
        .collect();
    assert_eq!(
        errors,
        [
            "content/guide/start.md:4:6: error: link to `gone.html`: there is no file content/guide/gone.html"
        ]
    );
}

/// A page's `summary` (a section's, on its page) is its
/// `<meta name="description">`, with or without a site `description`
/// (without one, no page had any, as a Hugo or Zola theme gives them).
#[test]
fn a_summary_is_the_meta_description_even_without_a_site_description() {
    let meta = |html: &str| {
        html.lines()
            .find(|l| l.starts_with("<meta name=\"description\""))
            .map(str::to_string)
    };
    let site = SiteTest::minimal()
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[a](guide/a.md) [b](guide/b.md)\n",
        )
        .file(
            "content/guide/_index.md",
            "---\ntitle: Guide\nsummary: How we <work>\n---\n",
        )
        .file(
            "content/guide/a.md",
            "---\ntitle: A\nsummary: Answer & act\n---\n",
        )
        .file("content/guide/b.md", "---\ntitle: B\n---\n");
    let run = site.build();
    run.success();
    assert_eq!(
        meta(&run.page("guide/a/index.html")).as_deref(),
        Some("<meta name=\"description\" content=\"Answer &amp; act\">")
    );
    assert_eq!(
        meta(&run.page("guide/index.html")).as_deref(),
        Some("<meta name=\"description\" content=\"How we &lt;work&gt;\">")
    );
    assert_eq!(meta(&run.page("guide/b/index.html")), None);
    assert_eq!(meta(&run.page("index.html")), None);
    // With one, it stands in where there is no summary.
    let run = site
        .file("credo.yaml", "title: T\ndescription: Our credo\n")
        .build();
    run.success();
    assert_eq!(
        meta(&run.page("guide/b/index.html")).as_deref(),
        Some("<meta name=\"description\" content=\"Our credo\">")
    );
    assert_eq!(
        meta(&run.page("guide/a/index.html")).as_deref(),
        Some("<meta name=\"description\" content=\"Answer &amp; act\">")
    );
}

/// A site's own `base.html`, written for an earlier credo (its blocks
/// `title`, `description`, `body_class`, `content`), still builds: the
/// built-in pages override no block it lacks.
#[test]
fn a_sites_own_base_html_of_an_earlier_credo_still_builds() {
    let base = "<!DOCTYPE html>\n<html lang=\"{{ site.language }}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{% block title %}{{ site.title }}{% endblock title %}</title>\n{% if site.description %}<meta name=\"description\" content=\"{% block description %}{{ site.description }}{% endblock description %}\">{% endif %}\n</head>\n<body class=\"{% block body_class %}page{% endblock body_class %}\">\n<main id=\"main\">{% block content %}{% endblock content %}</main>\n</body>\n</html>\n";
    let run = SiteTest::minimal()
        .file("credo.yaml", "title: T\ndescription: Ours\n")
        .file("templates/base.html", base)
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[a](guide/a.md)\n",
        )
        .file(
            "content/guide/a.md",
            "---\ntitle: A\nsummary: Answer\n---\n",
        )
        .build();
    run.success();
    assert!(
        run.page("guide/a/index.html")
            .contains("<meta name=\"description\" content=\"Answer\">")
    );
    assert!(
        run.page("guide/index.html")
            .contains("<meta name=\"description\" content=\"Ours\">")
    );
}

/// An alias page redirects, names its target's absolute URL as canonical
/// (search engines want a full URL there) and keeps itself out of indexes,
/// as Hugo's and Zola's alias pages do.
#[test]
fn an_alias_page_is_canonical_to_its_target_and_not_indexed() {
    let site = SiteTest::empty()
        .file("credo.yaml", "title: T\nbase_url: https://x.example/hb/\n")
        .file("content/_index.md", "# Home\n")
        .file("content/guide/a.md", "---\naliases: [/old/a/]\n---\n# A\n");
    site.build().success();
    let alias = site.read("public/old/a/index.html");
    assert!(
        alias.contains(r#"<link rel="canonical" href="https://x.example/hb/guide/a/">"#),
        "{alias}"
    );
    assert!(
        alias.contains(r#"<meta name="robots" content="noindex">"#),
        "{alias}"
    );
    assert!(
        alias.contains(r#"<meta http-equiv="refresh" content="0; url=/hb/guide/a/">"#),
        "{alias}"
    );
}

#[test]
fn a_heading_named_like_a_checklist_box_leaves_every_id_unique() {
    // GitHub gives `## Item & credit` the id `item--credit`, the id the
    // box of the checklist item `credit` had: two elements with one id.
    let site = SiteTest::minimal().file(
        "content/late.md",
        "---\nkind: scenario\ntitle: Late\nchecklist:\n  - {text: Offer a credit, id: credit}\n  - Call\n---\n## Item & credit\n\n[up](#item--credit)\n",
    );
    let run = site.build();
    run.success();
    let page = run.page("late/index.html");
    assert_eq!(page.matches("id=\"item--credit\"").count(), 1, "{page}");
    assert!(page.contains("<a href=\"#item--credit\">up</a>"), "{page}");
    assert!(page.contains(
        "<input type=\"checkbox\" id=\"item---credit\" data-item=\"credit\"> <label for=\"item---credit\">"
    ));
    assert!(page.contains("id=\"item---call\" data-item=\"call\""));
}
