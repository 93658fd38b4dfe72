//! Issue 21: a handbook written as plain GitHub Markdown builds as it is
//! (no front matter, `# Title` lines, README.md and index.md folder pages,
//! images beside pages, raw HTML), and every relative URL in a body is
//! resolved, rewritten and checked.

use crate::harness::SiteTest;

fn github() -> SiteTest {
    SiteTest::fixture("plain/github")
}

#[test]
fn a_github_style_handbook_builds_as_it_is() {
    let site = github();
    let run = site.build();
    run.success();
    // README.md at the top is the home page; its `# heading` is the title
    // shown once, not a second time in the body.
    let home = run.page("index.html");
    assert_eq!(home.matches("Northwind Field Handbook</h1>").count(), 1);
    // Folder pages: README.md makes /team/ and /policies/ (sections, as the
    // folders hold other pages); a folder holding only its own page and
    // assets is a page bundle at the folder's URL.
    assert!(run.page("team/index.html").contains("<title>The team"));
    assert!(
        run.page("team/onboarding/index.html")
            .contains("<title>Onboarding")
    );
    assert!(
        run.page("policies/gifts/index.html")
            .contains("<title>Gifts &amp; hospitality")
    );
    // No title anywhere: the file name, made readable.
    assert!(
        run.page("guide/getting-started/index.html")
            .contains("<title>Getting started")
    );
    // A folder of assets only is not a section.
    assert!(!run.exists("assets/index.html"));
    assert!(!home.contains("href=\"/handbook/assets/\""));
    assert!(run.exists("assets/logo.png") && run.exists("team/onboarding/flow.svg"));
}

#[test]
fn a_readme_in_another_language_is_a_page_of_a_one_language_site() {
    // GitHub repositories carry `README.es.md` beside `README.md`; on a site
    // without `languages:` it is a page, as GitHub shows it, with a
    // warning that says how to make it a translation. A page alone in its
    // folder under such a name, or under `notes.old.md`, is not lost.
    let site = SiteTest::minimal()
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[es](README.es.md) [g](guide/README.es.md) [n](notes/plan.old.md)\n",
        )
        .file("content/README.es.md", "# Manual\n\n[en](_index.md)\n")
        .file("content/guide/README.es.md", "# Guía\n")
        .file("content/notes/plan.old.md", "# Old plan\n");
    let run = site.check();
    run.success().diagnostics_are(&[
        "content/README.es.md:1:1: warning: `es` is a language code, but this site has one language: this file is published as a page of its own, not as a translation",
        "content/guide/README.es.md:1:1: warning: `es` is a language code, but this site has one language: this file is published as a page of its own, not as a translation",
    ]);
    run.stderr_has("add `languages: {es: {name: ...}}` to credo.yaml");
    let run = site.build();
    run.success();
    assert!(run.page("README.es/index.html").contains("<title>Manual"));
    assert!(
        run.page("guide/README.es/index.html")
            .contains("<title>Guía")
    );
    assert!(
        run.page("notes/plan.old/index.html")
            .contains("<title>Old plan")
    );
    assert!(
        run.page("index.html")
            .contains("<a href=\"/guide/README.es/\">g</a>")
    );
}

#[test]
fn a_page_bundle_stays_a_page_beside_a_readme_in_another_language() {
    // `README.es.md` on a one-language site makes credo place the folders'
    // pages a second time; a bundle placed the first time (`kit/index.md`,
    // ref `kit`) was then taken for a page inside `kit/`, making `kit/` a
    // section too: a `duplicate-url` error in a build that keeps drafts.
    let site = SiteTest::minimal()
        .file("content/_index.md", "---\ntitle: Home\n---\n[kit](kit/)\n")
        .file("content/README.es.md", "# Manual\n")
        .file(
            "content/kit/index.md",
            "# Welcome kit\n\n![badge](badge.png)\n",
        )
        .file("content/kit/badge.png", "png");
    for drafts in [
        &["check"][..],
        &["check", "--drafts"],
        &["build", "--drafts"],
    ] {
        site.run(drafts).success().errors_are(&[]);
    }
    let run = site.run(&["build", "--drafts"]);
    assert!(run.page("kit/index.html").contains("<title>Welcome kit"));
    assert!(run.exists("kit/badge.png"));
    let handbook: serde_json::Value = serde_json::from_str(&run.page("handbook.json")).unwrap();
    let urls = |list: &str| -> Vec<String> {
        let items = handbook[list].as_array().cloned().unwrap_or_default();
        items.iter().map(|i| i["url"].to_string()).collect()
    };
    assert!(urls("pages").contains(&"\"/kit/\"".to_string()));
    assert!(!urls("sections").contains(&"\"/kit/\"".to_string()));
}

#[test]
fn every_relative_url_is_rewritten_with_the_base_path() {
    let run = github().build();
    run.success();
    let home = run.page("index.html");
    for href in [
        "href=\"/handbook/team/\"",
        "href=\"/handbook/policies/\"",
        "href=\"/handbook/guide/\"",
        "src=\"/handbook/assets/logo.png\"",
        "href=\"/handbook/team/#loop--tie\"",
    ] {
        assert!(home.contains(href), "home lacks {href}");
    }
    let week = run.page("team/first-week/index.html");
    for href in [
        "href=\"/handbook/policies/gifts/\"",
        "<a href=\"/handbook/team/onboarding/\">the onboarding notes</a>",
        "src=\"/handbook/assets/icons/phone.svg\"",
        "href=\"#day-1\"",
    ] {
        assert!(week.contains(href), "first-week lacks {href}");
    }
    let bundle = run.page("team/onboarding/index.html");
    assert!(
        bundle.contains(
            "<img src=\"/handbook/team/onboarding/flow.svg\" alt=\"How a request flows\""
        )
    );
    assert!(bundle.contains(
        "srcset=\"/handbook/team/onboarding/flow.svg 1x, /handbook/team/onboarding/flow.svg 2x\""
    ));
    assert!(bundle.contains("href=\"/handbook/team/\""));
    assert!(bundle.contains("href=\"/handbook/policies/gifts/\""));
    // The print page sits at another depth: the same absolute URLs work there.
    let print = run.page("print/index.html");
    assert!(print.contains("src=\"/handbook/team/onboarding/flow.svg\""));
    assert!(print.contains("src=\"/handbook/assets/logo.png\""));
    assert!(!print.contains("src=\"flow.svg\"") && !print.contains("src=\"assets/"));
}

#[test]
fn same_line_alerts_and_github_heading_ids() {
    let run = github().build();
    run.success();
    let week = run.page("team/first-week/index.html");
    assert!(week.contains("admonition-tip"));
    assert!(week.contains("<p>Ask one question a day; nobody minds.</p>"));
    assert!(run.page("team/index.html").contains("id=\"loop--tie\""));
}

#[test]
fn a_page_without_front_matter_is_pointed_at_its_first_line() {
    github().check().success().diagnostics_are(&[
        "content/guide/getting-started.md:1:1: warning: nothing links to `Getting started`",
    ]);
}

#[test]
fn broken_images_html_urls_and_folder_links_are_errors_at_their_place() {
    let run = SiteTest::minimal()
        .file("content/pics/a.png", "png")
        .file(
            "content/a.md",
            "# A\n\n![ok](pics/a.png) ![gone](pics/b.png)\n\n<img alt=\"x\"\n     src=\"missing.svg\">\n\n[folder](nowhere/) [page](nopage) [ref-style][r]\n\n[r]: ../outside.md\n\n<object data=\"pics/terms.pdf\"></object>\n",
        )
        .check();
    run.code(1).diagnostics_are(&[
        "content/a.md:3:19: error: link to `pics/b.png`: there is no file content/pics/b.png",
        "content/a.md:6:11: error: link to `missing.svg`: there is no file content/missing.svg",
        "content/a.md:8:1: error: link to `nowhere/`: there is no page content/nowhere.md or folder content/nowhere/",
        "content/a.md:8:20: error: link to `nopage`: there is no page content/nopage.md or folder content/nopage/",
        "content/a.md:10:1: error: link to `../outside.md` leaves content/; links name pages and files of the site",
        "content/a.md:12:15: error: link to `pics/terms.pdf`: there is no file content/pics/terms.pdf",
    ]);
}

#[test]
fn an_embedded_object_and_an_svg_image_are_rewritten() {
    let run = SiteTest::minimal()
        .file("content/docs/files/terms.pdf", "%PDF")
        .file("content/docs/files/a.png", "png")
        .file(
            "content/docs/obj.md",
            "# Obj\n\n<object data=\"files/terms.pdf\" type=\"application/pdf\"></object>\n\n<svg><image xlink:href=\"files/a.png\"/></svg>\n",
        )
        .build();
    run.success();
    let page = run.page("docs/obj/index.html");
    assert!(
        page.contains("<object data=\"/docs/files/terms.pdf\""),
        "{page}"
    );
    assert!(
        page.contains("<image xlink:href=\"/docs/files/a.png\"/>"),
        "{page}"
    );
}

#[test]
fn links_to_a_folder_page_resolve_every_way() {
    let run = SiteTest::minimal()
        .file("content/team/README.md", "# Team\n\n## Who\n")
        .file("content/team/x.md", "# X\n")
        .file("content/kit/index.md", "# Kit\n")
        .file(
            "content/a.md",
            "# A\n\n[1](team/) [2](team) [3](team/README.md) [4](team/README.md#who) \
             [5](kit/index.md) [6](kit/) [7](kit) [8](team/x)\n",
        )
        .build();
    run.success();
    let a = run.page("a/index.html");
    for (n, href) in [
        (1, "/team/"),
        (2, "/team/"),
        (3, "/team/"),
        (4, "/team/#who"),
        (5, "/kit/"),
        (6, "/kit/"),
        (7, "/kit/"),
        (8, "/team/x/"),
    ] {
        assert!(
            a.contains(&format!("<a href=\"{href}\">{n}</a>")),
            "link {n}: {a}"
        );
    }
}

#[test]
fn two_folder_pages_in_one_folder_are_an_error_naming_both() {
    SiteTest::minimal()
        .file("content/team/index.md", "# Team\n")
        .file("content/team/README.md", "# Team too\n")
        .file("content/team/x.md", "# X\n")
        .build()
        .code(1)
        .stderr_has("`content/team/index.md` and `content/team/README.md` both want to be the page of the folder content/team")
        .diagnostics_are(&[
            "content/team/README.md:1:1: error: `content/team/index.md` and `content/team/README.md` both want to be the page of the folder content/team",
        ]);
}

#[test]
fn a_fragment_in_the_wrong_case_is_an_error_with_the_right_id() {
    SiteTest::minimal()
        .file("content/a.md", "# A\n\n## Loop & Tie\n\n[x](#Loop--Tie)\n")
        .check()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:5:1: error: link to `#Loop--Tie`: content/a.md has no heading with id `Loop--Tie`",
        ])
        .stderr_has("did you mean `#loop--tie`?");
}

#[test]
fn links_may_name_the_title_heading_raw_html_anchors_and_footnotes() {
    let run = SiteTest::minimal()
        .file(
            "content/CONTRIBUTING.md",
            "# Contributing\n\n## Contents\n\n- [Contributing](#contributing)\n\
             - [Über uns, the second](team/über-uns.md#über-uns-1)\n\
             - [Encoded](team/%C3%BCber-uns.md#%C3%BCber-uns)\n\
             - [Old anchor](team/faq.md#legacy-anchor) and [inline](team/faq.md#pricing-note)\n\
             - [A note](team/faq.md#fn-terms)\n",
        )
        .file(
            "content/team/über-uns.md",
            "# Über uns\n\nWho we are.\n\n## Über uns\n\nThe same words again.\n",
        )
        .file(
            "content/team/faq.md",
            "# FAQ\n\n<a name=\"legacy-anchor\"></a>\n\n## Terms\n\nSee the terms[^terms], \
             and <span id=\"pricing-note\">this note</span>.\n\n[^terms]: Thirty days.\n",
        )
        .build();
    run.success();
    // The title heading's id is on the page's <h1>, and a later heading
    // of the same text counts on from it, as on GitHub.
    let uns = run.page("team/über-uns/index.html");
    assert!(uns.contains("<h1 id=\"über-uns\">"), "{uns}");
    assert!(uns.contains("id=\"über-uns-1\""), "{uns}");
    assert!(
        run.page("CONTRIBUTING/index.html")
            .contains("<h1 id=\"contributing\">")
    );
    // An anchor written encoded is encoded once in the href, as one written
    // as it reads: both lead to the heading.
    let contributing = run.page("CONTRIBUTING/index.html");
    assert!(
        contributing.contains("href=\"/team/%C3%BCber-uns/#%C3%BCber-uns\">Encoded</a>"),
        "{contributing}"
    );
    assert!(
        contributing.contains("href=\"/team/%C3%BCber-uns/#%C3%BCber-uns-1\">"),
        "{contributing}"
    );
    // A footnote's id never repeats a heading's.
    let faq = run.page("team/faq/index.html");
    assert_eq!(faq.matches("id=\"terms\"").count(), 1, "{faq}");
    assert!(faq.contains("id=\"fn-terms\"") && faq.contains("href=\"#fn-terms\""));
    // On /print/ the title's id is prefixed like the body's, so the link
    // to it lands on the entry's heading.
    let print = run.page("print/index.html");
    let linked = print
        .split("href=\"#")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap_or(0)])
        .find(|id| id.ends_with("--contributing"))
        .expect("a link to the title on /print/");
    assert!(print.contains(&format!("id=\"{linked}\"")), "{linked}");
}

#[test]
fn links_to_a_draft_or_a_folder_of_files_say_so() {
    let site = SiteTest::minimal()
        .file("content/plans/next.md", "---\ntitle: Next\ndraft: true\n---\n")
        .file("content/plans/now.md", "# Now\n")
        .file("content/attachments/form.pdf", "%PDF")
        .file("content/wip/soon.md", "---\ntitle: Soon\ndraft: true\n---\n")
        // Named in `sections`, the folder of drafts is there: no warning.
        .file("credo.yaml", "title: T\nbase_url: /\nsections: [plans, wip]\n")
        .file(
            "content/a.md",
            "# A\n\n[next](plans/next.md) [next too](plans/next) [files](attachments/) [now](plans/now.md)\n\n[wip](wip/) [[wip]] [root](/wip/)\n",
        );
    site.check()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:3:1: error: link to `plans/next.md`: content/plans/next.md is a draft page, which this build leaves out",
            "content/a.md:3:23: error: link to `plans/next`: content/plans/next is a draft page, which this build leaves out",
            "content/a.md:3:46: warning: link to `attachments/`: content/attachments/ holds files but no page of its own; readers get the host's folder listing, if it gives one",
            "content/a.md:5:1: error: link to `wip/`: content/wip holds only draft pages, which this build leaves out",
            "content/a.md:5:13: error: ref `wip` names a draft page, which this build leaves out",
            "content/a.md:5:21: error: link to `/wip/`: content/wip holds only draft pages, which this build leaves out",
        ])
        .stderr_has("build with --drafts")
        .stderr_has("give the folder a page (README.md, index.md or _index.md)");
    // A folder of files is not an error: the link is kept, with the base path.
    // A folder of drafts is no section: nothing of it is published.
    let run = site
        .file(
            "content/a.md",
            "# A\n\n[files](attachments/) [now](plans/now.md)\n",
        )
        .run(&["build", "--base-url", "/hb/"]);
    run.success();
    assert!(
        run.page("a/index.html")
            .contains("<a href=\"/hb/attachments/\">files</a>")
    );
    assert!(!run.exists("wip/index.html"));
    assert!(
        !run.page("index.html").contains("/hb/wip/"),
        "no empty section"
    );
}

#[test]
fn a_link_to_a_folder_with_its_own_index_html_is_no_folder_listing() {
    // An exported report: the host serves its index.html.
    let site = SiteTest::minimal()
        .file(
            "content/report/index.html",
            "<!DOCTYPE html><title>R</title>",
        )
        .file("content/report/chart.png", "png")
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[report](report/) [also](report)\n",
        );
    site.check().success().diagnostics_are(&[]);
    let run = site.run(&["build", "--base-url", "/hb/"]);
    run.success();
    let home = run.page("index.html");
    assert!(
        home.contains("<a href=\"/hb/report/\">report</a>"),
        "{home}"
    );
    assert!(home.contains("<a href=\"/hb/report/\">also</a>"), "{home}");
}

#[test]
fn links_from_the_root_name_the_site_as_github_reads_them() {
    let site = SiteTest::minimal()
        .file(
            "content/policies/refunds.md",
            "# Refunds\n\n## Within 30 days\n",
        )
        .file("content/onboarding/README.md", "# Onboarding\n")
        .file("content/onboarding/day-one.md", "# Day one\n")
        .file("content/onboarding/diagram.png", "png")
        .file(
            "content/tools.md",
            "# Tools\n\n[refunds](/policies/refunds.md#within-30-days) \
             ![flow](/onboarding/diagram.png) [tags](/tags/) [home](/) \
             [day one](/onboarding/day-one) [status](/api/status) \
             <a href=\"/onboarding/\">onboarding</a>\n",
        );
    let run = site.run(&["build", "--base-url", "https://x.example/handbook/"]);
    run.success();
    let tools = run.page("tools/index.html");
    for href in [
        "href=\"/handbook/policies/refunds/#within-30-days\"",
        "src=\"/handbook/onboarding/diagram.png\"",
        "href=\"/handbook/tags/\"",
        "href=\"/handbook/\"",
        "href=\"/handbook/onboarding/day-one/\"",
        "href=\"/handbook/onboarding/\"",
        // Nothing of the site is there: another app on the host may be.
        "href=\"/api/status\"",
    ] {
        assert!(tools.contains(href), "tools lacks {href}");
    }
    let copy = run.page("tools/index.md");
    assert!(copy.contains("(<https://x.example/handbook/policies/refunds/#within-30-days>)"));
    // A link from the root to a missing heading of a page is still an
    // error, and one to a missing Markdown file too: no host serves it.
    site.file(
        "content/more.md",
        "# More\n\n[gone](/policies/refunds.md#gone) [none](/policies/none.md) [raw](/raw.md)\n",
    )
    .file("static/raw.md", "A Markdown file published as it is.\n")
    .check()
    .code(1)
    .diagnostics_are(&[
        "content/more.md:3:1: error: link to `/policies/refunds.md#gone`: content/policies/refunds.md has no heading with id `gone`",
        "content/more.md:3:35: error: link to `/policies/none.md`: there is no content/policies/none.md",
    ])
    .stderr_has("from `/`, it is from the top of content/");
}

#[test]
fn a_page_that_cannot_be_read_is_one_error_not_a_cascade() {
    SiteTest::minimal()
        .file("content/scenarios/refund.md", "+++\ntitle = \"Refund\"\n+++\nText.\n")
        .file(
            "content/scenarios/late.md",
            "---\ntitle: Late\nrelated: [refund]\n---\n\
             [a](refund.md) [b](refund.md#x) [[refund]] [[scenarios/refund|c]] [d](gone.md)\n",
        )
        .check()
        .code(1)
        .diagnostics_are(&[
            "content/scenarios/late.md:2:1: warning: nothing links to `Late`",
            "content/scenarios/late.md:5:67: error: link to `gone.md`: there is no content/scenarios/gone.md",
            "content/scenarios/refund.md:1:1: error: this page starts with a TOML (`+++`) block; credo reads YAML front matter between `---` lines",
        ]);
}

#[test]
fn toml_front_matter_names_credo_import() {
    SiteTest::minimal()
        .file("content/a.md", "+++\ntitle = \"A\"\n+++\nText.\n")
        .check()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:1:1: error: this page starts with a TOML (`+++`) block; credo reads YAML front matter between `---` lines",
        ])
        .stderr_has("credo import");
}

#[test]
fn the_sidebar_shows_top_pages_and_the_hierarchy_down_to_the_page() {
    let run = SiteTest::empty()
        .file("credo.yaml", "title: Deep\n")
        .file("content/top.md", "# Top page\n")
        .file("content/a/a1.md", "# A1\n")
        .file("content/a/b/b1.md", "# B1\n")
        .file("content/a/b/c/c1.md", "# C1\n")
        .file("content/a/x/x1.md", "# X1\n")
        .build();
    run.success();
    let page = run.page("a/b/c/c1/index.html");
    let sidebar = &page[page.find("<nav class=\"sidebar\"").unwrap()..];
    let sidebar = &sidebar[..sidebar.find("</nav>").unwrap()];
    let order: Vec<usize> = [
        "<a href=\"/top/\">Top page</a>",
        "<a href=\"/a/a1/\">A1</a>",
        "<li class=\"depth-1 nav-section open\"><a href=\"/a/b/\">B</a>",
        "<li class=\"depth-2\"><a href=\"/a/b/b1/\">B1</a>",
        "<li class=\"depth-2 nav-section open\"><a href=\"/a/b/c/\">C</a>",
        "<li class=\"depth-3\"><a href=\"/a/b/c/c1/\" aria-current=\"page\">C1</a>",
        "<li class=\"depth-1 nav-section\"><a href=\"/a/x/\">X</a>",
    ]
    .iter()
    .map(|s| {
        sidebar
            .find(s)
            .unwrap_or_else(|| panic!("{s} missing in {sidebar}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{sidebar}");
    assert!(
        !sidebar.contains("/a/x/x1/"),
        "a closed section lists no pages"
    );
}

/// A README's title written as raw HTML (`<h1 align="center">` with a logo
/// in it, as many GitHub READMEs open) is the page's title, shown once:
/// not the folder's name with a second `<h1>` below it.
#[test]
fn a_raw_html_h1_is_the_title() {
    let run = SiteTest::empty()
        .file("credo.yaml", "title: Acme\n")
        .file("content/logo.png", "png")
        .file(
            "content/care/README.md",
            "<h1 align=\"center\">\n  <img src=\"../logo.png\" alt=\"\" width=\"80\"><br>\n  Care &amp; Repair\n</h1>\n\nWe fix what we sell.\n",
        )
        .file("content/care/returns.md", "# Returns\n\nWithin 30 days.\n")
        .file("content/about.md", "<div align=\"center\"><h1>Not a title block</h1></div>\n\n# About us\n\nText.\n")
        .build();
    run.success();
    let care = run.page("care/index.html");
    assert!(
        care.contains("<title>Care &amp; Repair · Acme</title>"),
        "{care}"
    );
    assert_eq!(care.matches("<h1").count(), 1, "{care}");
    assert!(care.contains("We fix what we sell."));
    // An `<h1>` inside other HTML is the body's; the `# heading` is the title.
    let about = run.page("about/index.html");
    assert!(about.contains("<title>About us · Acme</title>"), "{about}");
    assert!(about.contains("<div align=\"center\"><h1>Not a title block</h1></div>"));
}

/// A page whose front matter `title` its body repeats as its opening
/// `# heading` (as MkDocs and Hugo pages often do) shows the title once; a
/// different opening heading is the body's own.
#[test]
fn a_title_repeated_as_the_opening_heading_shows_once() {
    let run = SiteTest::minimal()
        .file(
            "content/returns.md",
            "---\ntitle: Returns\n---\n\n# returns\n\nWithin 30 days.\n",
        )
        .file(
            "content/refunds.md",
            "---\ntitle: Refunds\n---\n# Money back\n\nAt once.\n",
        )
        .build();
    run.success();
    let returns = run.page("returns/index.html");
    assert_eq!(returns.matches("<h1").count(), 1, "{returns}");
    assert!(returns.contains("Within 30 days."));
    let refunds = run.page("refunds/index.html");
    assert_eq!(refunds.matches("<h1").count(), 2, "{refunds}");
}

/// What every README does and every browser accepts: "Back to top" by `#top`
/// or `#`, a contact address as `<desk@example.com>`, a link to a line of
/// GitHub's source view (`x.md?plain=1#L3`).
#[test]
fn back_to_top_links_and_email_autolinks_are_no_broken_links() {
    let site = SiteTest::minimal()
        .file("content/other.md", "# Other\n\nSee [a](a.md).\n")
        .file(
            "content/a.md",
            "# A\n\nWrite to <desk@example.com>.\n\n[Back to top](#top) [up](#) [other](other.md#top)\n\nGitHub's source view: [line 3](other.md?plain=1#L3), [lines](other.md?plain=1#L1-L3).\n",
        );
    site.check().code(0).diagnostics_are(&[]);
    let run = site.run(&["build"]);
    run.success();
    let page = run.page("a/index.html");
    for link in [
        "<a href=\"mailto:desk@example.com\">desk@example.com</a>",
        "<a href=\"#top\">Back to top</a>",
        "<a href=\"#\">up</a>",
        "<a href=\"/other/#top\">other</a>",
    ] {
        assert!(page.contains(link), "{link} in {page}");
    }
    assert!(
        run.page("print/index.html")
            .contains("<a href=\"#p-a\">Back to top</a>")
    );
}

/// mdBook makes `index.html` of a folder's README.md, Hugo of its
/// `_index.md`: a link to `x/index.html` names the folder's page.
#[test]
fn a_link_to_a_folders_index_html_names_its_page_whatever_its_file() {
    let site = SiteTest::minimal()
        .file("content/a/index.md", "# A\n")
        .file("content/b/README.md", "# B\n")
        .file("content/b/y.md", "# Y\n\n[b](index.html) [home](../index.html)\n")
        .file("content/c/_index.md", "# C\n")
        .file("content/c/z.md", "# Z\n")
        .file(
            "content/links.md",
            "# Links\n\n[a](a/index.html) [b](b/index.html) [c](c/index.html) [z](c/z.html) [gone](d/index.html) [y](b/y.md)\n",
        );
    site.check().code(1).diagnostics_are(&[
        "content/links.md:3:69: error: link to `d/index.html`: there is no file content/d/index.html",
    ]);
    let run = site
        .file(
            "content/links.md",
            "# Links\n\n[a](a/index.html) [b](b/index.html) [c](c/index.html) [z](c/z.html) [y](b/y.md)\n",
        )
        .run(&["build"]);
    run.success();
    let links = run.page("links/index.html");
    for link in ["/a/\">a<", "/b/\">b<", "/c/\">c<", "/c/z/\">z<"] {
        assert!(links.contains(link), "{link} in {links}");
    }
    let y = run.page("b/y/index.html");
    assert!(
        y.contains("<a href=\"/b/\">b</a> <a href=\"/\">home</a>"),
        "{y}"
    );
}

/// A folder's README.md (or index.md) with pages beside it is a section's
/// page: an error in its front matter names that file, not `_index.md`.
#[test]
fn a_readme_sections_front_matter_error_names_the_readme() {
    SiteTest::minimal()
        .file("content/faq/README.md", "---\nowner: Ops\n---\n# FAQ\n")
        .file("content/faq/billing.md", "# Billing\n")
        .check()
        .code(1)
        .stderr_has("content/faq/README.md:2:1: error: unknown key `owner` in section front matter (README.md)");
}
