//! Bad input: every diagnostic asserted whole (path, line, column, message),
//! every error of a run reported, in a stable order, exit code 1.

use crate::harness::SiteTest;

#[test]
fn unknown_keys_point_at_their_line_with_a_hint() {
    let run = SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\ntitel: again\nsumary: x\n---\n",
        )
        .check();
    run.code(1).diagnostics_are(&[
        "content/a.md:3:1: error: unknown key `titel` in page front matter",
        "content/a.md:4:1: error: unknown key `sumary` in page front matter",
    ]);
    run.stderr_has("= help: did you mean `title`?");
    run.stderr_has("= help: did you mean `summary`?");
    run.stderr_has("3 | titel: again\n  | ^");
}

#[test]
fn a_tab_indenting_front_matter_is_named_with_a_hint() {
    let run = SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\nextra:\n\tnote: x\n---\n")
        .check();
    run.code(1)
        .diagnostics_are(&["content/a.md:4:1: error: found character that cannot start any token"]);
    run.stderr_has("= help: YAML indents with spaces, not tabs: replace the tab at line 4");
}

#[test]
fn extra_is_free_form() {
    SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\nextra:\n  anything: [1, 2]\n  nested: {deep: true}\n---\n",
        )
        .build()
        .success();
}

#[test]
fn wrong_types_and_malformed_yaml_are_located() {
    let run = SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\nnumber: many\n---\n")
        .file("content/b.md", "---\ntitle: B\ntags: [a, b\n---\n")
        .file("content/c.md", "---\ntitle: C\n\tkind: page\n---\n")
        .file("content/d.md", "---\ntitle: D\nkind: principel\n---\n")
        .check();
    run.code(1);
    let d = run.diagnostics();
    assert_eq!(d.len(), 4, "{}", run.stderr);
    assert!(
        d[0].starts_with(
            "content/a.md:3:9: error: number: expected a whole number, found the text \"many\""
        ),
        "{}",
        d[0]
    );
    assert_eq!(d[1], "content/b.md:3:7: error: this `[` is never closed");
    assert!(d[2].starts_with("content/c.md:3:1: error: "), "{}", d[2]);
    assert!(
        d[3].starts_with("content/d.md:3:7: error: kind: unknown variant `principel`"),
        "{}",
        d[3]
    );
    run.stderr_has("did you mean `principle`?");
}

#[test]
fn every_front_matter_error_of_a_file_is_reported_and_refs_to_it_still_resolve() {
    let run = SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\nnumber: \"one\"\nweight: \"two\"\nsumary: x\n---\nSee [[nowhere]].\n",
        )
        .file("content/b.md", "---\ntitle: B\n---\nSee [[a]].\n")
        .file("content/c.md", "---\ntitle: C\ntags: [a, b\n---\n")
        .file(
            "content/d.md",
            "---\ntitle: D\n---\nSee [[c]] and [c](c.md).\n",
        )
        .check();
    run.code(1).diagnostics_are(&[
        "content/a.md:3:9: error: number: expected a whole number, found the text \"one\"",
        "content/a.md:4:9: error: weight: expected a whole number, found the text \"two\"",
        "content/a.md:5:1: error: unknown key `sumary` in page front matter",
        "content/a.md:7:5: error: unresolved ref `nowhere`: no page has that path or name",
        "content/c.md:3:7: error: this `[` is never closed",
    ]);
}

#[test]
fn list_entries_of_any_type_are_located_at_their_own_line() {
    let run = SiteTest::minimal()
        .file(
            "content/t.md",
            "---\ntitle: T\nsteps:\n  - a\n  - 5\nchecklist:\n  - fine\n  - true\n  -\n  - group: G\n    items:\n      - ok\n      - 7\nkind: track\n---\n",
        )
        .file("content/a.md", "---\ntitle: A\n---\n")
        .check();
    let step = "a step is a ref or `{ref, note?}`";
    let item = "a checklist item is a string, `{text, detail?, id?}` or `{group, items}`";
    run.code(1).diagnostics_are(&[
        &format!("content/t.md:5:5: error: {step}"),
        &format!("content/t.md:8:5: error: {item}"),
        &format!("content/t.md:9:3: error: {item}"),
        &format!("content/t.md:13:9: error: {item}"),
    ]);
}

#[test]
fn a_site_without_content_is_a_usage_error_and_an_empty_one_builds() {
    let site = SiteTest::empty().file("credo.yaml", "title: T\nbase_url: /\n");
    for command in ["build", "check", "serve"] {
        let run = site.run(&[command]);
        run.code(2);
        run.stderr_has("has no content/ folder");
    }
    std::fs::create_dir_all(site.root.join("content")).unwrap();
    site.build().success();
    assert!(site.read("public/index.html").contains("<main"));
}

#[test]
fn a_missing_site_root_is_a_usage_error_that_says_what_to_pass() {
    let site = SiteTest::minimal();
    for command in ["build", "check", "serve"] {
        site.run(&[command, "-r", "no-such-site"])
            .code(2)
            .stderr_has("site root no-such-site does not exist; pass -r with the folder that holds credo.yaml");
        site.run(&[command, "-r", "credo.yaml"])
            .code(2)
            .stderr_has("site root credo.yaml is not a folder;");
    }
    assert!(!site.root.join("no-such-site").exists());
}

/// A link that misses by case, by a slip in a name, or into a hidden
/// folder, says so; a ref
/// that names nothing or leaves the site says how refs are read.
#[test]
fn broken_links_and_refs_say_what_is_near() {
    SiteTest::minimal()
        .file("content/sub/a.md", "---\ntitle: A\n---\n")
        .file("content/.github/CONTRIBUTING.md", "Be kind.\n")
        .file("content/Team.PNG", "png")
        .file(
            "content/b.md",
            "---\ntitle: B\nreviewed: 2024-13-40\n---\n[a](sub/A.md) [t](team.png) [c](.github/CONTRIBUTING.md) [[nowhere-at-all]] [[../../outside]]\n\n[s](sub/aa.md) [p](sub/a.pgn) [f](sub/far-off.md)\n",
        )
        .file("content/sub/a.png", "png")
        // A bundle's page is its folder's index.md, no `kit.md` to offer.
        .file("content/kit/index.md", "---\ntitle: Kit\n---\n[k](../kits.md)\n")
        .file("content/kit/map.png", "png")
        .check()
        .code(1)
        .stderr_has("help: write a real day as year-month-day, `2026-03-31`")
        .stderr_has("help: content/sub/a.md is there, in another case: write the name as the file has it")
        .stderr_has("help: content/Team.PNG is there, in another case")
        // A slip of the keyboard in a file's name: the name beside it.
        .stderr_has("link to `sub/aa.md`: there is no content/sub/aa.md\n  |\n7 | [s](sub/aa.md) [p](sub/a.pgn) [f](sub/far-off.md)\n  | ^\n  = help: content/sub/a.md is there: did you mean it?")
        .stderr_has("= help: content/sub/a.png is there: did you mean it?")
        .stderr_has("content/kit/index.md:4:1: error: link to `../kits.md`: there is no content/kits.md\n  |\n4 | [k](../kits.md)\n  | ^\n  = help: fix the path")
        .stderr_has("link to `sub/far-off.md`: there is no content/sub/far-off.md\n  |\n7 | [s](sub/aa.md) [p](sub/a.pgn) [f](sub/far-off.md)\n  |                               ^\n  = help: fix the path")
        .stderr_has("help: credo publishes no file or folder whose name starts with `.` (`.github/`)")
        .stderr_has("help: name a page by its path under content/ without `.md`")
        .stderr_has("help: a ref is read from the top of content/; link to anything outside the site by its full URL");
}

/// A broken anchor names the closest heading id, or else the ids there are.
#[test]
fn broken_anchors_hint_at_the_ids_the_page_has() {
    let run = SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\n---\n[x](b.md#zzz-qqq) [y](b.md#setup-steps) [z](c.md#x)\n",
        )
        .file(
            "content/b.md",
            "---\ntitle: B\n---\n## Setup steps!\n\n## Costs & fees\n",
        )
        .file("content/c.md", "---\ntitle: C\n---\nNo headings.\n")
        .check();
    run.code(1)
        .stderr_has("help: its heading ids are `#setup-steps`, `#costs--fees` (a heading's text")
        .stderr_has("help: the page has no headings: link to the page itself");
}

#[test]
fn an_opening_line_with_trailing_blanks_still_opens_front_matter() {
    let run = SiteTest::minimal()
        .file("content/a.md", "--- \ntitle: Arrive early\n---\nBody.\n")
        .build();
    run.success();
    let page = run.page("a/index.html");
    assert!(page.contains("<h1>Arrive early</h1>"), "{page}");
    assert!(!page.contains("title: Arrive early"), "{page}");
}

#[test]
fn a_missing_title_falls_back_to_the_file_name() {
    // SPEC §3: front matter is optional; without `title` (and without a
    // `# heading`) the file stem made readable is the title.
    let run = SiteTest::minimal()
        .file(
            "content/getting-started.md",
            "---\nsummary: x\n---\nText.\n",
        )
        .build();
    run.success();
    assert!(
        run.page("getting-started/index.html")
            .contains("<title>Getting started")
    );
}

#[test]
fn unclosed_front_matter_and_empty_files() {
    SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\nno end\n")
        .file("content/b.md", "")
        .check()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:1:1: error: front matter opened with `---` is never closed",
        ]);
    // An empty file is a page like any other (front matter is optional).
    let run = SiteTest::minimal().file("content/b.md", "").build();
    run.success();
    assert!(run.page("b/index.html").contains("<title>B"));
}

#[test]
fn non_utf8_files_are_named() {
    SiteTest::minimal()
        .file(
            "content/bad.md",
            b"---\ntitle: x\n---\nbad \xff byte\n".as_slice(),
        )
        .check()
        .code(1)
        .diagnostics_are(&["content/bad.md:4:5: error: file is not valid UTF-8 text"]);
}

#[test]
fn broken_refs_in_bodies_are_located() {
    let run = SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\n---\n# Top\n\nFirst [[missing]] then [[b#nowhere]].\nAnd [x](gone.md), [y](b.md#top) and [z](#top).\n")
        .file("content/b.md", "---\ntitle: B\n---\n## Top\n")
        .check();
    run.code(1).diagnostics_are(&[
        "content/a.md:6:7: error: unresolved ref `missing`: no page has that path or name",
        "content/a.md:6:24: error: link to `b#nowhere`: content/b.md has no heading with id `nowhere`",
        "content/a.md:7:5: error: link to `gone.md`: there is no content/gone.md",
    ]);
}

#[test]
fn ambiguous_and_escaping_refs() {
    SiteTest::minimal()
        .file("content/x/dup.md", "---\ntitle: X\n---\n")
        .file("content/y/dup.md", "---\ntitle: Y\n---\n")
        .file("content/a.md", "---\ntitle: A\n---\n[[dup]] [[../../etc/passwd]] [p](../../etc/passwd.md)\n")
        .build()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:4:1: error: ambiguous ref `dup`: it could be `x/dup` or `y/dup`",
            "content/a.md:4:9: error: ref `../../etc/passwd` leaves content/; refs name pages inside the site",
            "content/a.md:4:30: error: link to `../../etc/passwd.md` leaves content/; links name pages and files of the site",
        ]);
}

#[test]
fn front_matter_refs_point_at_their_item() {
    let run = SiteTest::minimal()
        .file("content/principles/_index.md", "---\ntitle: P\npage_kind: principle\n---\n")
        .file("content/principles/p.md", "---\ntitle: P1\nnumber: 1\n---\n")
        .file("content/values/honesty.md", "---\ntitle: Honesty\nkind: value\n---\n")
        .file(
            "content/s.md",
            "---\ntitle: S\nkind: scenario\nprinciples:\n  - p\n  - nope\n  - honesty\nvalues: [honesty, p]\nrelated: [gone]\nsteps:\n  - ref: alsogone\n---\n",
        )
        .check();
    run.code(1).diagnostics_are(&[
        "content/s.md:6:5: error: unresolved ref `nope`: no page has that path or name",
        "content/s.md:7:5: error: `principles` must name principle pages, but `honesty` is a value",
        "content/s.md:8:19: error: `values` must name value pages, but `p` is a principle",
        "content/s.md:9:11: error: unresolved ref `gone`: no page has that path or name",
        "content/s.md:10:1: warning: `steps` is read on track pages, and this page is a scenario: it is not shown",
        "content/s.md:11:10: error: unresolved ref `alsogone`: no page has that path or name",
    ]);
}

#[test]
fn a_page_of_no_kind_named_as_a_principle_is_linked_with_a_warning() {
    let site = SiteTest::minimal()
        .file("content/principles/p.md", "---\ntitle: P\n---\n")
        .file(
            "content/scenarios/s.md",
            "---\ntitle: S\nkind: scenario\nprinciples: [p]\n---\n",
        );
    let run = site.check();
    run.success().diagnostics_are(&[
        "content/scenarios/s.md:2:1: warning: nothing links to `S`",
        "content/scenarios/s.md:4:14: warning: `principles` names `p`, which is a page of no kind, not a principle",
    ]);
    run.stderr_has("give it `kind: principle`");
    let build = site.build();
    build.success();
    assert!(
        build
            .page("scenarios/s/index.html")
            .contains("href=\"/principles/p/\"")
    );
}

#[test]
fn every_error_of_the_run_is_reported_in_path_order() {
    let run = SiteTest::minimal()
        .file("content/z.md", "---\ntitle: Z\n---\n[[nope]]\n")
        .file("content/a.md", "---\ntitle: A\nbad: 1\n---\n")
        .file("content/m.md", "---\ntitle: M\n---\n[[nope]] [[nope2]]\n")
        .build();
    run.code(1).diagnostics_are(&[
        "content/a.md:3:1: error: unknown key `bad` in page front matter",
        "content/m.md:4:1: error: unresolved ref `nope`: no page has that path or name",
        "content/m.md:4:10: error: unresolved ref `nope2`: no page has that path or name",
        "content/z.md:4:1: error: unresolved ref `nope`: no page has that path or name",
    ]);
    assert!(
        run.stderr.ends_with("error: 4 error(s), build stopped\n"),
        "{}",
        run.stderr
    );
    assert!(!run.root.join("public").exists());
}

#[test]
fn check_counts_what_it_found_without_saying_a_build_stopped() {
    let site = SiteTest::minimal().file("content/m.md", "---\ntitle: M\n---\n[[nope]]\n");
    let run = site.check();
    run.code(1);
    assert!(!run.stderr.contains("build stopped"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with(": 1 error(s), 0 warning(s)\n") && run.stderr.contains("checked "),
        "{}",
        run.stderr
    );
}

#[test]
fn template_syntax_and_render_errors_name_the_template() {
    let run = SiteTest::minimal()
        .file(
            "templates/partials/footer.html",
            "<footer>\n{% if %}\n</footer>\n",
        )
        .build();
    run.code(1);
    let d = run.diagnostics();
    assert_eq!(d.len(), 1, "{}", run.stderr);
    assert!(
        d[0].starts_with("templates/partials/footer.html:2:"),
        "{}",
        d[0]
    );

    let run = SiteTest::minimal()
        .file(
            "templates/partials/footer.html",
            "<footer>\n{{ site.nothing.deeper }}\n</footer>\n",
        )
        .build();
    run.code(1);
    let d = run.diagnostics();
    assert_eq!(d.len(), 1, "{}", run.stderr);
    assert!(
        d[0].starts_with(
            "templates/partials/footer.html:2:9: error: Field `nothing` is not defined"
        ),
        "{}",
        d[0]
    );
    run.stderr_has("2 | {{ site.nothing.deeper }}");
}

#[test]
fn an_error_in_a_built_in_template_names_the_override_it_uses() {
    // The site's page.html drops a block the built-in kinds fill in.
    SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\nkind: scenario\n---\nText.\n")
        .file(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}{{ page.title }}{% endblock content %}\n",
        )
        .check()
        .code(1)
        .stderr_has("themes/default/templates/")
        .stderr_has("is the built-in theme's own; it uses `templates/page.html` of this site");
}

#[test]
fn check_json_gives_the_same_diagnostics() {
    let run = SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\n---\n[[nope]]\n")
        .run(&["check", "--format", "json"]);
    run.code(1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{
            "file": "content/a.md", "line": 4, "column": 1, "severity": "error",
            "code": "broken-ref", "message": "unresolved ref `nope`: no page has that path or name",
            "hint": "name a page by its path under content/ without `.md` (`principles/listen-first`), or by its file name when no other page has it"
        }])
    );
}

#[test]
fn missing_config_is_a_usage_error() {
    let run = SiteTest::empty().build();
    run.code(2);
    run.stderr_has("credo.yaml");
}

#[test]
fn principle_numbers_are_unique_per_section_and_aliases_do_not_collide() {
    SiteTest::minimal()
        .file("content/p/a.md", "---\ntitle: A\nkind: principle\nnumber: 1\naliases: [/p/b/]\n---\n")
        .file("content/p/b.md", "---\ntitle: B\nkind: principle\nnumber: 1\n---\n")
        .build()
        .code(1)
        .diagnostics_are(&[
            "content/p/a.md:5:11: error: alias `/p/b/` collides with a page or another alias at /p/b/",
            "content/p/b.md:4:1: error: principle number 1 is already used by `content/p/a.md`",
        ])
        .stderr_has("= help: give each principle of the section its own number: 2 is free");
}

#[test]
fn pages_and_aliases_never_take_the_place_of_generated_pages() {
    let run = SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\ntags: [speed]\naliases: [/tags/, /print/, /search/c0.json/, /sitemap.xml, /index.html, /fine/]\n---\n",
        )
        .file("content/print.md", "---\ntitle: P\n---\n")
        .file("content/tags/speed.md", "---\ntitle: S\n---\n")
        .file("content/search/how-we-search.md", "---\ntitle: Fine\n---\n")
        .build();
    run.code(1).diagnostics_are(&[
        "content/a.md:4:11: error: alias `/tags/` collides with the tag index at /tags/",
        "content/a.md:4:19: error: alias `/print/` collides with the print page at /print/",
        "content/a.md:4:28: error: alias `/search/c0.json/` collides with the search page and index at /search/c0.json/",
        "content/a.md:4:46: error: alias `/sitemap.xml` collides with the sitemap at /sitemap.xml/",
        "content/a.md:4:60: error: alias `/index.html` collides with a page or another alias at /",
        "content/print.md:1:1: error: /print/ is where credo writes the print page; this page would be lost",
        // The folder's section page would take /search/; its pages are fine.
        "content/search:1:1: error: /search/ is where credo writes the search page and index; this page would be lost",
        "content/tags:1:1: error: /tags/ is where credo writes the tag index; this page would be lost",
        "content/tags/speed.md:1:1: error: /tags/speed/ is where credo writes a tag page; this page would be lost",
    ]);
}

#[test]
fn an_alias_ending_in_html_is_that_file() {
    let run = SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\naliases: [/old/page.html, /older/index.html, /kept.html/]\n---\n",
        )
        .build();
    run.success();
    assert!(run.page("old/page.html").contains("/a/"));
    assert!(run.page("older/index.html").contains("/a/"));
    assert!(run.page("kept.html/index.html").contains("/a/"));
}

/// A link to a page's old URL names the page: it gets the page's URL,
/// base path and all, and its anchor is checked.
#[test]
fn a_link_to_an_alias_names_its_page() {
    let run = SiteTest::minimal()
        .file("credo.yaml", "title: T\nbase_url: /help/\n")
        .file(
            "content/a.md",
            "---\ntitle: A\naliases: [/post/we-launched/, /old/a.html]\n---\n## Launch day\n",
        )
        .file(
            "content/b.md",
            "---\ntitle: B\n---\n[x](/post/we-launched/#launch-day) [y](/old/a.html) [z](/post/we-launched) [gone](/post/we-launched/#nope)\n",
        )
        .check();
    run.code(1).diagnostics_are(&[
        "content/b.md:4:76: error: link to `/post/we-launched/#nope`: content/a.md has no heading with id `nope`",
    ]);
    let site = SiteTest::minimal()
        .file("credo.yaml", "title: T\nbase_url: /help/\n")
        .file(
            "content/a.md",
            "---\ntitle: A\naliases: [/post/we-launched/]\n---\n## Launch day\n",
        )
        .file(
            "content/b.md",
            "---\ntitle: B\n---\n[x](/post/we-launched/#launch-day)\n",
        );
    let run = site.build();
    run.success();
    assert!(
        run.page("b/index.html")
            .contains("<a href=\"/help/a/#launch-day\">x</a>"),
        "{}",
        run.page("b/index.html")
    );
}

#[test]
fn contrast_needs_both_columns() {
    SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\nkind: attitude\ncontrast:\n  left: {title: L, points: [x]}\n---\n")
        .check()
        .code(1)
        .diagnostics_are(&["content/a.md:4:1: error: `contrast` needs both columns, `left` and `right`; `right` is missing"]);
}

#[test]
fn every_wrong_contrast_entry_is_reported_at_its_own_line() {
    // serde stopped at the first; each column's mistakes are all shown.
    SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\nkind: attitude\ncontrast:\n  left:\n    title: Listening\n    points:\n      - Ask first\n      - Budget: later\n    colour: teal\n  right:\n    titel: Pitching\n    points: [Talk, [louder]]\n---\n",
        )
        .check()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:9:9: error: contrast.left.points[1]: expected text, found a mapping",
            "content/a.md:10:5: error: unknown key `colour` in `contrast.left`",
            "content/a.md:12:5: error: unknown key `titel` in `contrast.right`",
            "content/a.md:13:20: error: contrast.right.points[1]: expected text, found a list",
        ]);
}

#[test]
fn duplicate_urls_are_errors() {
    SiteTest::minimal()
        .file("content/a/b.md", "---\ntitle: B\n---\n")
        .file("content/a/b/_index.md", "---\ntitle: B section\n---\n")
        .build()
        .code(1)
        .diagnostics_are(&["content/a/b.md:1:1: error: this page and `content/a/b/_index.md` both map to the URL /a/b/"]);
    // A folder of pages without a page of its own is a section too: the
    // page beside it (mdBook's `chapter.md` beside `chapter/`) was lost.
    let run = SiteTest::minimal()
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[d](docs.md) [a](docs/a.md) [b](b.md)\n",
        )
        .file("content/docs.md", "# Docs\n")
        .file("content/docs/a.md", "# A\n")
        // A folder of images only is no section: no clash.
        .file("content/b.md", "# B\n")
        .file("content/b/map.png", "png")
        .build();
    run.code(1).errors_are(&[
        "content/docs.md:1:1: error: this page and `content/docs/` both map to the URL /docs/",
    ]);
    run.stderr_has("move it to content/docs/README.md (or _index.md)");
}

#[test]
fn unknown_themes_point_at_their_key() {
    let run = SiteTest::minimal()
        .file(
            "credo.yaml",
            "title: T\ntheme: defualt\nhighlight_theme: InspiredGithub\n",
        )
        .build();
    run.code(1).diagnostics_are(&[
        "credo.yaml:2:1: error: theme `defualt` is neither a folder themes/defualt/ nor a built-in theme",
        "credo.yaml:3:1: error: highlight_theme `InspiredGithub` is not a syntect theme",
    ]);
    run.stderr_has("did you mean `default`?");
    run.stderr_has("did you mean `InspiredGitHub`?");
}

#[test]
fn a_block_missing_from_an_overridden_parent_is_located() {
    let run = SiteTest::minimal()
        .file(
            "templates/page.html",
            "{% extends \"base.html\" %}{% block content %}{{ page.title }}{% endblock content %}",
        )
        .build();
    run.code(1);
    let d = run.diagnostics();
    assert!(!d.is_empty(), "{}", run.stderr);
    assert!(d[0].starts_with("themes/default/templates/"), "{}", d[0]);
    assert!(d[0].contains(".html:2:"), "{}", d[0]);
    assert!(
        d[0].contains("is not defined in any parent template"),
        "{}",
        d[0]
    );
}

/// Zola's internal links (`@/path.md`, from the top of content/) resolve,
/// anchors and all; one to nothing is an error at its place.
#[test]
fn zola_content_links_resolve_and_a_broken_one_is_an_error() {
    let site = SiteTest::minimal()
        .file(
            "content/rules/a.md",
            "---\ntitle: A\n---\n## Why\n\nText.\n",
        )
        .file(
            "content/b.md",
            "---\ntitle: B\n---\nSee [a](@/rules/a.md#why) and\n[gone](@/rules/gone.md).\n",
        );
    site.check().code(1).diagnostics_are(&[
        "content/b.md:5:1: error: link to `@/rules/gone.md`: there is no content/rules/gone.md",
    ]);
    let site = site.file(
        "content/b.md",
        "---\ntitle: B\n---\nSee [a](@/rules/a.md#why).\n",
    );
    let run = site.build();
    run.success();
    assert!(
        run.page("b/index.html")
            .contains("<a href=\"/rules/a/#why\">a</a>")
    );
}

/// YAML mistakes an author makes, said in an author's words where they
/// were made: a quote never closed (YAML blames the block's end), a line
/// indented under a key that has its value, a value of the wrong shape.
#[test]
fn common_yaml_slips_are_located_and_explained() {
    let run = SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: \"Unterminated\nsummary: x\n---\nBody\n",
        )
        .file(
            "content/b.md",
            "---\ntitle: B\n  summary: indented\n---\nBody\n",
        )
        .file("content/c.md", "---\ntitle: C\ntags: clients\n---\nBody\n")
        .check();
    run.code(1).diagnostics_are(&[
        "content/a.md:2:8: error: this quoted value is never closed",
        "content/b.md:3:10: error: mapping values are not allowed in this context",
        "content/c.md:3:7: error: tags: expected a list, found the text \"clients\"",
    ]);
    run.stderr_has("help: close the quote on the same line, or leave the quotes out")
        .stderr_has("help: this line is indented as if it belonged to the key above")
        .stderr_has("help: write a list: `tags: [first, second]`");
}

#[test]
fn an_empty_tag_is_an_error_at_the_entry() {
    SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\ntags: [one, \"\", two]\n---\n",
        )
        .file(
            "content/b.md",
            "---\ntitle: B\ntags:\n  - one\n  - ''\n---\n",
        )
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[a](a.md) [b](b.md)\n",
        )
        .check()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:3:13: error: `tags` holds an empty entry",
            "content/b.md:5:5: error: `tags` holds an empty entry",
        ]);
}

/// A key written twice inside `extra:`, which takes any keys: block or
/// flow style, at any depth (it was taken in silence, the last one read).
#[test]
fn a_key_written_twice_inside_extra_is_an_error_at_the_second() {
    SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\nextra:\n  a: 1\n  nested:\n    x: 1\n    x: 2\n---\n")
        .file("content/b.md", "---\ntitle: B\nextra: {x: 1, x: 2}\n---\n")
        .file("content/c.md", "---\ntitle: C\nextra:\n  a: 1\n  a: 2\n---\n")
        .file("content/d.md", "---\ntitle: D\nextra:\n  a: 1\n  b: {a: 2}\n---\n")
        .file("content/_index.md", "---\ntitle: Home\n---\n[a](a.md) [b](b.md) [c](c.md) [d](d.md)\n")
        .check()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:7:5: error: `x` in `extra.nested` is written twice, on line 6 and here; a key holds one value",
            "content/b.md:3:15: error: `x` in `extra` is written twice, on line 3 and here; a key holds one value",
            "content/c.md:5:3: error: `a` in `extra` is written twice, on line 4 and here; a key holds one value",
        ]);
}

/// A key written twice, front matter that is a list or a lone value, a
/// bracket never closed: each said in words at the line to change, in a
/// page, a section's `_index.md` and credo.yaml alike (audit 37, r10).
#[test]
fn yaml_shapes_are_reported_at_their_own_line_in_words() {
    let run = SiteTest::minimal()
        .file("content/f.md", "---\ntitle: dup\ntitle: again\n---\n")
        .file("content/g.md", "---\n- a\n---\n")
        .file("content/h.md", "---\ntitle: H\nnumber: [1\n---\n")
        .file("content/s/_index.md", "---\njust words\n---\n")
        .file("content/s/p.md", "---\ntitle: P\nextra: [a]\n---\n")
        .file("content/_index.md", "---\ntitle: Home\n---\n[p](s/p.md)\n")
        .check();
    run.code(1).diagnostics_are(&[
        "content/f.md:3:1: error: `title` is written twice, on line 2 and here; a key holds one value",
        "content/g.md:2:1: error: front matter must be keys and values (`title: …`), not a list",
        "content/h.md:3:9: error: this `[` is never closed",
        "content/s/_index.md:2:1: error: front matter must be keys and values (`title: …`), not the text \"just words\"",
        "content/s/p.md:3:8: error: extra: expected keys and values, found a list",
    ]);
    run.stderr_has("3 | title: again\n  | ^\n  = help: keep one `title:` and delete the other, or merge their values into one")
        .stderr_has("= help: write one `key: value` per line, each key at the start of its line")
        .stderr_has("3 | number: [1\n  |         ^\n  = help: end the list with `]`, as in `[a, b]`");
    for (config, expected) in [
        (
            "title: T\ntitle: U\n",
            "credo.yaml:2:1: error: `title` is written twice, on line 1 and here; a key holds one value",
        ),
        // One error: the title is not missing on top of it.
        (
            "- title: T\n",
            "credo.yaml:1:1: error: credo.yaml must be keys and values (`title: …`), not a list",
        ),
        (
            "title: [x",
            "credo.yaml:1:8: error: this `[` is never closed",
        ),
        (
            "title: T\nextra:\n  brand_color: red\n  brand_color: blue\n",
            "credo.yaml:4:3: error: `brand_color` in `extra` is written twice, on line 3 and here; a key holds one value",
        ),
    ] {
        SiteTest::minimal()
            .file("credo.yaml", config)
            .check()
            .code(1)
            .diagnostics_are(&[expected]);
    }
}

/// `credo completions bash | head -1`: a reader that stops reading is no
/// bug of credo's; it leaves quietly, as a command killed by SIGPIPE does.
#[test]
fn a_closed_stdout_is_no_bug() {
    use std::process::{Command, Stdio};
    // The reading end is closed before credo starts, so its first write
    // fails whatever the timing.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_credo"))
        .args(["completions", "bash"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("bug"), "{stderr}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn markdown_credo_does_not_read_as_a_page_is_named() {
    let site = SiteTest::minimal()
        .file("content/a.markdown", "# A\n")
        .file("content/B.MD", "# B\n")
        .file("content/c.md", "# C\n")
        .file("content/c.MD", "kept beside c.md on purpose\n");
    let run = site.check();
    run.success().diagnostics_are(&[
        "content/B.MD:1:1: warning: `B.MD` is published as a file, not a page: credo reads `.md` files as pages",
        "content/a.markdown:1:1: warning: `a.markdown` is published as a file, not a page: credo reads `.md` files as pages",
    ]);
    assert!(run.stderr.contains("rename it `a.md`"));
}

/// An empty `title:` is an error with a hint; the page's other warnings
/// name it by its heading (they named it ``).
#[test]
fn an_empty_title_says_what_titles_a_page_and_the_page_keeps_a_name() {
    let run = SiteTest::minimal()
        .file(
            "content/care/late-replies.md",
            "---\ntitle: \"\"\n---\n# Late replies\n\nSorry.\n",
        )
        .check();
    run.code(1).diagnostics_are(&[
        "content/care/late-replies.md:2:1: error: `title` is empty",
        "content/care/late-replies.md:2:1: warning: nothing links to `Late replies`",
    ]);
    run.stderr_has("= help: write the title, or remove the key: the first `# heading`, else the file's name, titles a page without one");
}
