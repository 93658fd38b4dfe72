//! `credo import` of plain Markdown folders (GitHub style): what is left
//! out where credo writes pages of its own.

use crate::harness::SiteTest;

/// A folder of Markdown with an `index.html` at the top beside README.md
/// (an old landing page): it was copied to `content/index.html`, where
/// credo writes the home page, and the new site failed with a
/// `duplicate-url`; so did one in a folder of pages, where credo writes
/// the folder's page. Now neither is copied, the report says why, and the
/// site builds with README.md as its home page.
#[test]
fn a_landing_page_beside_the_readme_is_not_copied_over_the_home_page() {
    let site = SiteTest::empty()
        .file(
            "README.md",
            "# Fernhill Client Care\n\nHow we look after the firms we serve.\n",
        )
        .file(
            "index.html",
            "<html><body><h1>Fernhill</h1><p>Our old landing page.</p></body></html>\n",
        )
        .file("care/index.html", "<p>A care page kept as a file.</p>\n")
        .file("kit/index.html", "<p>The press kit.</p>\n")
        .file(
            "care/calls.md",
            "# Calls\n\nAnswer by the third ring. Back [home](../README.md).\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    assert!(
        run.stdout.contains("not copied: index.html: a page of its own where credo writes the home page (README.md): copy what it says into README.md if it is still wanted"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("not copied: care/index.html: a page of its own where credo writes the folder's own page: copy what it says into a page if it is still wanted"),
        "{}",
        run.stdout
    );
    let out = site.root.parent().unwrap().join("out");
    assert!(!out.join("content/index.html").exists());
    assert!(!out.join("content/care/index.html").exists());
    // In a folder of no pages, credo writes nothing of its own: it stays.
    assert!(out.join("content/kit/index.html").exists());
    let dir = out.to_string_lossy().into_owned();
    site.run(&["build", "-r", &dir, "-o", &format!("{dir}/public")])
        .success();
    let home = std::fs::read_to_string(out.join("public/index.html")).unwrap();
    assert!(
        home.contains("How we look after the firms we serve."),
        "{home}"
    );
}
