//! `credo import` of Jekyll sites: front matter as Jekyll reads it (more
//! in `import.rs`, with the shared Jekyll fixture).

use crate::harness::SiteTest;

/// The first post `jekyll new` writes says `categories: jekyll update`,
/// which Jekyll reads as two categories (the post's URL is
/// `/jekyll/update/...`): two tags, not one tag "jekyll update".
#[test]
fn jekyll_categories_written_as_one_text_are_split_at_spaces() {
    let site = SiteTest::empty()
        .file("_config.yml", "title: Fresh\n")
        .file(
            "_posts/2021-01-01-welcome-to-jekyll.markdown",
            "---\nlayout: post\ntitle: Welcome\ncategories: jekyll update\ntags: ruby web\n---\nHi.\n",
        )
        .file(
            "_posts/2021-02-01-commas.md",
            "---\ntitle: Commas\ncategories: client care, billing\n---\nHi.\n",
        )
        .file("index.md", "---\ntitle: Home\n---\n");
    let run = site.run(&["import", ".", "../out"]);
    run.success();
    let out = site.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/posts/2021-01-01-welcome-to-jekyll.md"),
        "---\ntitle: Welcome\ntags:\n- jekyll\n- update\n- ruby\n- web\naliases:\n- /jekyll/update/2021/01/01/welcome-to-jekyll.html\nextra:\n  layout: post\n---\nHi.\n"
    );
    // A text with commas is a list at its commas, as from any generator.
    assert!(
        read("content/posts/2021-02-01-commas.md").contains("tags:\n- client care\n- billing\n"),
        "{}",
        read("content/posts/2021-02-01-commas.md")
    );
}

/// Jekyll publishes a collection's pages only with `output: true`; the
/// import published them all. Now a collection without it (in a mapping
/// or named in a list) has its pages as drafts, named in the report,
/// built only with `--drafts`.
#[test]
fn jekyll_collections_without_output_become_drafts() {
    let site = SiteTest::empty()
        .file(
            "_config.yml",
            "title: Desk\ncollections:\n  guides:\n    output: true\n  handouts:\n    sort_by: title\n",
        )
        .file("_guides/refunds.md", "---\ntitle: Refunds\n---\nHow we refund.\n")
        .file(
            "_handouts/price-sheet.md",
            "---\ntitle: Price sheet\n---\nPrinted for client meetings.\n",
        )
        .file("index.md", "---\ntitle: Home\n---\n");
    let run = site.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    assert!(
        run.stdout.contains("_handouts/ → content/handouts/: a collection without `output: true`, whose pages Jekyll does not publish: they are drafts, built only with `--drafts`"),
        "{}",
        run.stdout
    );
    let out = site.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/handouts/price-sheet.md"),
        "---\ntitle: Price sheet\ndraft: true\n---\nPrinted for client meetings.\n"
    );
    assert!(!read("content/guides/refunds.md").contains("draft"));
    // A list of names declares collections with no output either.
    let listed = SiteTest::empty()
        .file("_config.yml", "title: Desk\ncollections:\n  - handouts\n")
        .file("_handouts/agenda.md", "# Meeting agenda\n");
    listed.run(&["import", ".", "../out"]).success();
    let out = listed.root.parent().unwrap().join("out");
    assert_eq!(
        std::fs::read_to_string(out.join("content/handouts/agenda.md")).unwrap(),
        "---\ndraft: true\n---\n# Meeting agenda\n"
    );
    let built = out.to_string_lossy().into_owned();
    let build = listed.run(&["build", "-r", &built, "-o", &format!("{built}/public")]);
    build.success();
    assert!(!out.join("public/handouts/agenda/index.html").exists());
}
