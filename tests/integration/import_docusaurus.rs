//! `credo import` of Docusaurus sites: the landing page, wherever it lies.

use crate::harness::SiteTest;

/// Docusaurus makes the doc with `slug: /` the docs' landing page in
/// whatever folder it lies; it becomes credo's home page, its relative
/// links written for the top, and links to it follow.
#[test]
fn docusaurus_slug_root_in_a_subfolder_is_the_home_page() {
    let site = SiteTest::empty()
        .file(
            "docusaurus.config.js",
            "module.exports = {\n  title: 'Counter Guide',\n};\n",
        )
        .file(
            "docs/guide/welcome.md",
            "---\nslug: /\n---\n# Welcome\n\nStart with [setup](setup.md), then [billing](../billing.md).\n\n![Logo](./img/logo.png)\n",
        )
        .file(
            "docs/guide/setup.md",
            "# Setup\n\nBack to [the welcome](welcome.md) or [the start](/docs/).\n",
        )
        .file("docs/guide/img/logo.png", "png")
        .file(
            "docs/billing.md",
            "# Billing\n\nRead [the welcome](guide/welcome.md) first.\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    let out = site.root.parent().unwrap().join("out");
    let read = |path: &str| {
        std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    assert!(!out.join("content/guide/welcome.md").exists());
    assert_eq!(
        read("content/index.md"),
        "---\nextra:\n  slug: /\n---\n# Welcome\n\nStart with [setup](guide/setup.md), then [billing](billing.md).\n\n![Logo](guide/img/logo.png)\n"
    );
    assert_eq!(
        read("content/guide/setup.md"),
        "---\naliases:\n- /docs/guide/setup/\n---\n# Setup\n\nBack to [the welcome](@/index.md) or [the start](@/index.md).\n"
    );
    assert!(read("content/billing.md").contains("Read [the welcome](@/index.md) first."));
    assert!(
        run.stdout.contains("content/guide/welcome.md → content/index.md: its `slug: /` made it the docs' landing page, which is credo's home page"),
        "{}",
        run.stdout
    );
    let out = out.to_string_lossy().into_owned();
    site.run(&["build", "-r", &out, "-o", &format!("{out}/public")])
        .success()
        .errors_are(&[]);
    let home = std::fs::read_to_string(format!("{out}/public/index.html")).unwrap();
    assert!(home.contains(">Welcome</h1>"), "{home}");
    assert!(home.contains("src=\"/guide/img/logo.png\""), "{home}");
}
