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
