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
    assert!(
        plain
            .root
            .parent()
            .unwrap()
            .join("out/content/index.html")
            .exists()
    );
}
