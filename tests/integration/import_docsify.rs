//! `credo import` of Docsify sites: an `index.html` configuring
//! `$docsify` beside Markdown pages.

use crate::harness::SiteTest;
use crate::import::Imported;

/// A Docsify site in `docs/` was read as a plain Markdown folder: the
/// repository's README became the home page, the site was titled by it,
/// and Docsify's `index.html` was published under `content/`. Now the
/// folder holding the `index.html` is the site, titled by the
/// configuration's `name:`, and `index.html` is not copied.
#[test]
fn a_docsify_site_in_docs_is_recognised_by_its_index_html() {
    let site = Imported::fixture("docsify");
    site.run.success();
    site.stdout_has("Imported Docsify: \"Larkspur Client Handbook\"")
        .stdout_has("not copied: index.html: loads Docsify and holds its configuration (read for the site's name)");
    assert!(!site.exists("content/index.html"));
    assert!(!site.exists("content/docs"));
    assert!(
        site.read("content/README.md")
            .starts_with("# Welcome to Larkspur\n")
    );
    assert!(site.exists("content/billing/refunds.md"));
    assert!(site.exists("content/_media/call flow.png"));
    assert!(
        site.read("credo.yaml")
            .contains("title: Larkspur Client Handbook")
    );
}

/// Docsify at the top of SRC, its `name:` markup (a logo): the top
/// README's heading titles the site. An `index.html` that does not
/// configure Docsify makes no Docsify site.
#[test]
fn a_docsify_site_at_the_top_is_titled_by_its_readme_when_its_name_is_markup() {
    let site = SiteTest::empty()
        .file(
            "index.html",
            "<script>\n  window.$docsify = { name: '<img src=\"_media/logo.svg\">', loadSidebar: true }\n</script>\n",
        )
        .file("README.md", "# Fernhill Service Handbook\n\nHow we serve our clients.\n")
        .file("care.md", "# Care\n");
    let run = site.run(&["import", ".", "../out"]);
    run.success().diagnostics_are(&[]);
    assert!(
        run.stdout
            .contains("Imported Docsify: \"Fernhill Service Handbook\""),
        "{}",
        run.stdout
    );
    let out = site.root.parent().unwrap().join("out");
    assert!(!out.join("content/index.html").exists());
    assert!(out.join("content/care.md").exists());

    let plain = SiteTest::empty()
        .file(
            "index.html",
            "<html><body>Our old landing page</body></html>\n",
        )
        .file("README.md", "# Fernhill\n");
    let run = plain.run(&["import", ".", "../out"]);
    run.success();
    assert!(
        run.stdout.contains("Imported plain Markdown: \"Fernhill\""),
        "{}",
        run.stdout
    );
    // Its own `index.html` is no Docsify's, and is not copied over the
    // home page either (see `a_landing_page_beside_the_readme_is_not_copied_over_the_home_page`).
    assert!(
        !plain
            .root
            .parent()
            .unwrap()
            .join("out/content/index.html")
            .exists()
    );
}

/// The top `_sidebar.md` gives the reading order and the titles of pages
/// without a heading, its links read as Docsify's routes (`/billing/refunds`,
/// `client-care/`, `/billing/README`); every page is published, listed or
/// not, as Docsify does; Docsify's own files are no pages and are named in
/// the report (they were copied as pages, `_sidebar.md` a page titled
/// "Sidebar").
#[test]
fn the_sidebar_gives_the_order_and_every_page_is_published() {
    let site = Imported::fixture("docsify");
    site.run.success();
    site.stdout_has("not copied: _sidebar.md: read for the order and titles of the chapters")
        .stdout_has("not copied: client-care/_sidebar.md: a folder's own sidebar, not read (the top _sidebar.md gives the order)")
        .stdout_has("not copied: _navbar.md: Docsify's navigation bar, not a page")
        .stdout_has("not copied: _coverpage.md: Docsify's cover page, not a page")
        .stdout_has("not copied: .nojekyll: tells GitHub Pages to serve the folder as it is, which credo has no use for");
    for own in [
        "_sidebar.md",
        "_navbar.md",
        "_coverpage.md",
        ".nojekyll",
        "client-care/_sidebar.md",
    ] {
        assert!(!site.exists(&format!("content/{own}")), "{own}");
    }
    let weight = |path: &str| {
        let page = site.read(path);
        let line = page.lines().find(|l| l.starts_with("weight: "));
        line.map(|l| l["weight: ".len()..].to_string())
            .unwrap_or_else(|| panic!("{path} has no weight:\n{page}"))
    };
    assert_eq!(weight("content/getting-started.md"), "10");
    assert_eq!(weight("content/client-care/README.md"), "20");
    assert_eq!(weight("content/client-care/first call.md"), "10");
    assert_eq!(weight("content/billing/README.md"), "30");
    assert_eq!(weight("content/billing/invoices.md"), "10");
    assert_eq!(weight("content/billing/refunds.md"), "20");
    // Not in the sidebar, and published all the same.
    site.untouched("content/old-pricing.md", "docs/old-pricing.md");

    let small = SiteTest::empty()
        .file(
            "index.html",
            "<script>window.$docsify = { name: 'Fernhill', loadSidebar: true }</script>\n",
        )
        .file(
            "_sidebar.md",
            "- [Greeting clients](greeting)\n- [Gone](/gone)\n",
        )
        .file("greeting.md", "Say good morning.\n");
    let run = small.run(&["import", ".", "../out"]);
    run.success().diagnostics_are(&[]);
    assert!(
        run.stdout.contains("not copied: _sidebar.md: chapter \"Gone\" names gone.md, which is not there (Docsify shows its not-found page there)"),
        "{}",
        run.stdout
    );
    let greeting = small.root.parent().unwrap().join("out/content/greeting.md");
    assert_eq!(
        std::fs::read_to_string(greeting).unwrap(),
        "---\ntitle: Greeting clients\nweight: 10\n---\nSay good morning.\n"
    );
}

/// Docsify reads a page's links from the docs' root (its `relativePath`
/// is off by default): `[Setup](setup)` in `care/calls.md` names the top
/// `setup.md`, which credo, reading it from the page's folder, reported as
/// broken. Such a link becomes a content link to the page; a link credo
/// finds as written (beside the page, or a route from the root such as
/// `/billing/refunds`) stays as written.
#[test]
fn links_docsify_reads_from_the_docs_root_name_their_pages() {
    let site = Imported::fixture("docsify");
    site.run.success().errors_are(&[]);
    assert!(
        site.read("content/billing/refunds.md")
            .contains("go back to [getting started](@/getting-started.md) if you are unsure.")
    );
    assert!(
        site.read("content/README.md")
            .contains("[billing](/billing/) and, for money back,\n[refunds](/billing/refunds).")
    );
    assert!(
        site.read("content/billing/README.md")
            .contains("[invoices](invoices.md) and [refunds](refunds.md).")
    );

    let small = SiteTest::empty()
        .file("index.html", "<script>window.$docsify = { name: 'Fernhill' }</script>\n")
        .file("README.md", "# Fernhill\n")
        .file("setup.md", "# Setup\n")
        .file("billing/README.md", "# Billing\n")
        .file(
            "care/calls.md",
            "# Calls\n\nFirst [set up](setup), then [bill](billing/); see [notes](notes.md) and [setup](/setup#setup).\nBy route: [setup](#/setup) and [billing](#/billing/).\n",
        )
        .file("care/notes.md", "# Notes\n");
    let run = small.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    let calls = small
        .root
        .parent()
        .unwrap()
        .join("out/content/care/calls.md");
    assert_eq!(
        std::fs::read_to_string(calls).unwrap(),
        "# Calls\n\nFirst [set up](@/setup), then [bill](@/billing); see [notes](notes.md) and [setup](/setup#setup).\nBy route: [setup](/setup) and [billing](/billing/).\n"
    );
}

/// Docsify's callouts (`!>`, `?>`) were shown as text, its link options
/// (`':target=_blank'`) kept as link titles, and a Markdown file embedded
/// with `':include'` left a bare link. Now the callouts are alerts, the
/// options go, the embedded file's text stands where it was embedded, code
/// is left alone, and the messy site (nested README.md folders, a file name
/// with spaces, images in `_media/`, a page outside the sidebar, routes
/// without `.md`) checks and builds with no error.
#[test]
fn a_messy_docsify_site_imports_its_callouts_and_embeds_and_builds_clean() {
    let site = Imported::fixture("docsify");
    site.run.success().errors_are(&[]);
    site.stdout_has("embedded Markdown files (':include') written out: 1 page");
    assert_eq!(
        site.read("content/billing/refunds.md"),
        "---\nweight: 20\n---\n# Refunds\n\n> [!WARNING]\n> Never promise a refund on the phone.\n> Refunds go through the billing lead, in writing.\n\nA refund is paid within ten working days. Tell the client the date, and\ngo back to [getting started](@/getting-started.md) if you are unsure.\n"
    );
    assert_eq!(
        site.read("content/client-care/README.md"),
        "---\nweight: 20\n---\n# Client care\n\nEvery firm has one named account manager. The manager answers within one\nworking day, even when the answer is \"we are still looking into it\".\n\n[Fill in the call log](https://forms.larkspur.example/call-log)\nafter every call, and see [invoices](@/billing/invoices.md).\n\nReach the client-care lead at **care@larkspur.example**, or see the\n[first call](/client-care/first%20call) guide.\n"
    );
    assert_eq!(
        site.read("content/client-care/first call.md"),
        "---\nweight: 10\n---\n# The first call\n\n![How a call flows](../_media/call%20flow.png)\n\n1. Greet the client by name.\n2. Confirm what they are calling about.\n3. Write it in the log before you hang up.\n\n> [!TIP]\n> Smile while you talk: clients hear it.\n\nA sample note, exactly as typed in the CRM:\n\n```markdown\n!> Client asked for a callback on Tuesday.\n[brief](brief.md ':include')\n```\n\nBack to [client care](/client-care/).\n"
    );
    assert!(
        site.read("content/README.md").contains(
            "> [!TIP]\n> New here? Start with [getting started](getting-started.md), then read\n> the [client-care guide](client-care/).\n"
        )
    );
    assert_eq!(
        site.read("content/billing/invoices.md"),
        "---\nweight: 10\n---\n# Invoices\n\nEach invoice names the work done and the hours spent.\n\n[Our price list](/old-pricing)\n"
    );
    site.build_into_public();
    let refunds = site.read("public/billing/refunds/index.html");
    assert!(refunds.contains("admonition-warning"), "{refunds}");
    assert!(!refunds.contains("!&gt;"), "{refunds}");
    assert!(
        refunds.contains("href=\"/getting-started/\">getting started"),
        "{refunds}"
    );
    let call = site.read("public/client-care/first call/index.html");
    assert!(
        call.contains("<img src=\"/_media/call%20flow.png\""),
        "{call}"
    );
    assert!(site.exists("public/_media/call flow.png"));
    assert!(site.exists("public/old-pricing/index.html"));
    let care = site.read("public/client-care/index.html");
    assert!(care.contains("care@larkspur.example"), "{care}");
    assert!(!care.contains(":target=_blank"), "{care}");
}

/// A link written percent-encoded (`my%20page.md`, as Markdown needs a
/// file name with a space written without `<…>`) in a page in a subfolder
/// was compared, encoded, with the decoded file names, so the top page it
/// names was not found and credo reported the link broken. Now it is read
/// decoded and becomes a content link, still encoded (`@/my%20page.md`).
#[test]
fn percent_encoded_links_from_a_subfolder_name_pages_from_the_docs_root() {
    let site = SiteTest::empty()
        .file("index.html", "<script>window.$docsify = { name: 'Fernhill' }</script>\n")
        .file("README.md", "# Fernhill\n")
        .file("client intake.md", "# Client intake\n")
        .file(
            "care/calls.md",
            "# Calls\n\nStart with [intake](client%20intake.md), or the [route](client%20intake#client-intake), or [angled](<client intake.md>).\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    let calls = site
        .root
        .parent()
        .unwrap()
        .join("out/content/care/calls.md");
    assert_eq!(
        std::fs::read_to_string(calls).unwrap(),
        "# Calls\n\nStart with [intake](@/client%20intake.md), or the [route](@/client%20intake#client-intake), or [angled](<@/client intake.md>).\n"
    );
}

/// A file only embedded into other pages (`[](_snippets/contact.md
/// ':include')`) was also published as a page of its own, a stray page
/// holding half a paragraph. Now it is not copied, as mdBook's included
/// fragments are not, and the report says where its text went; a file
/// also listed in `_sidebar.md`, or linked as a page, stays a page. The
/// report names the file from the docs' root, as its other lines do.
#[test]
fn a_file_only_embedded_is_no_page_of_its_own() {
    let site = SiteTest::empty()
        .file("docs/index.html", "<script>window.$docsify = { name: 'Fernhill', loadSidebar: true }</script>\n")
        .file("docs/_sidebar.md", "- [Home](/)\n- [Calls](care/calls.md)\n- [Hours](_snippets/hours.md)\n")
        .file("docs/README.md", "# Fernhill\n\n[](_snippets/hours.md ':include')\n")
        .file(
            "docs/care/calls.md",
            "# Calls\n\n[](../_snippets/contact.md ':include')\n[](/_snippets/sign-off.md ':include')\n[](/_snippets/escalate.md ':include')\n\nSee the [escalation steps](/_snippets/escalate.md).\n",
        )
        .file("docs/_snippets/contact.md", "Call the desk on **0100 200 300**.\n")
        .file("docs/_snippets/sign-off.md", "Sign every note with your initials.\n")
        .file("docs/_snippets/hours.md", "We answer from nine to five.\n")
        .file("docs/_snippets/escalate.md", "Escalate to the lead after two days.\n");
    let run = site.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    for (fragment, by) in [("contact", "care/calls.md"), ("sign-off", "care/calls.md")] {
        assert!(
            run.stdout.contains(&format!(
                "not copied: _snippets/{fragment}.md: a fragment content/{by} includes, where its text now stands"
            )),
            "{}",
            run.stdout
        );
    }
    let out = site.root.parent().unwrap().join("out/content");
    assert!(!out.join("_snippets/contact.md").exists());
    assert!(!out.join("_snippets/sign-off.md").exists());
    // Listed in the sidebar, or linked as a page: still pages.
    assert!(out.join("_snippets/hours.md").exists());
    assert!(out.join("_snippets/escalate.md").exists());
    let calls = std::fs::read_to_string(out.join("care/calls.md")).unwrap();
    assert!(
        calls.contains("Call the desk on **0100 200 300**.\nSign every note with your initials.\n"),
        "{calls}"
    );
}
