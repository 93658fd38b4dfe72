//! `credo import` of VitePress and VuePress sites: custom containers,
//! `[[toc]]`, the home page's hero, and the configuration folder.

use crate::harness::SiteTest;
use crate::import::Imported;

/// A VitePress site in `docs/` was read as a plain Markdown folder: its
/// `::: tip` containers shown as text, its `.vitepress/` reported as an
/// unexplained hidden folder, its hero home page left untitled and its
/// `public/` published under `/public/`. Now the containers are alerts and
/// `<details>`, `[[toc]]` goes, the hero titles the home page, `public/`
/// is `static/`, and the site checks and builds clean.
#[test]
fn a_vitepress_site_imports_with_its_containers_and_hero() {
    let site = Imported::fixture("vitepress");
    site.run.success().diagnostics_are(&[]);
    site.stdout_has("Imported VitePress: \"Harbour Accounting Handbook\"")
        .stdout_has("keys mapped: hero.tagline → summary (1), hero.text → title (1)")
        .stdout_has("not copied: .vitepress/: VitePress's configuration and theme, which credo has no use for");
    assert!(site.read("credo.yaml").contains("language: en-GB"));
    assert!(site.exists("static/harbour.svg"));
    assert!(!site.exists("content/public"));
    assert!(!site.exists("content/.vitepress"));
    assert!(!site.exists("content/package.json"));
    assert!(site.read("content/index.md").starts_with(
        "---\ntitle: Client service handbook\nsummary: Everything a new account manager needs in the first month.\nextra:\n  layout: home\n"
    ));
    assert_eq!(
        site.read("content/guide/onboarding.md"),
        "# Onboarding\n\n![Harbour](/harbour.svg)\n\n## The first meeting\n\n> [!TIP]\n> Bring last year's accounts to the first meeting.\n\n> [!WARNING]\n> **Before you sign**\n>\n> Check the engagement letter names the right company.\n\nThen read [billing](./billing) and [the deadlines](/guide/billing.html#deadlines).\n\n<details open><summary>What if the client has no bookkeeper?</summary>\n\nOffer the monthly bookkeeping package.\n\n> [!CAUTION]\n> Never take on bookkeeping without a signed letter.\n\n</details>\n\n```md\n::: tip\nThis is how a tip is written in VitePress.\n:::\n```\n"
    );
    assert_eq!(
        site.read("content/guide/billing.md"),
        "# Billing\n\n## Deadlines\n\nInvoices are due within 30 days.\n\n> [!NOTE]\n> Clients on the annual plan pay in January.\n\nBack to [onboarding](/guide/onboarding).\n"
    );
    site.build_into_public();
    let home = site.read("public/index.html");
    assert!(home.contains("Client service handbook"), "{home}");
}

/// VuePress keeps its configuration in `.vuepress/` beside the pages, its
/// home page a README.md with `home: true` and `heroText`; the project's
/// package.json beside them is no page of the handbook.
#[test]
fn a_vuepress_site_at_the_top_imports_without_its_tooling() {
    let site = SiteTest::empty()
        .file(".vuepress/config.js", "module.exports = {\n  title: 'Quayside Handbook',\n}\n")
        .file("package.json", "{\"name\": \"quayside\"}\n")
        .file(
            "README.md",
            "---\nhome: true\nheroText: Quayside client care\ntagline: Answers for every client, every day.\n---\n\n::: warning\nThis handbook is for staff only.\n:::\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success().diagnostics_are(&[]);
    assert!(
        run.stdout
            .contains("Imported VuePress: \"Quayside Handbook\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("not copied: package.json: the JavaScript project's files, not the handbook"),
        "{}",
        run.stdout
    );
    let out = site.root.parent().unwrap().join("out");
    assert!(!out.join("content/package.json").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("content/README.md")).unwrap(),
        "---\ntitle: Quayside client care\nsummary: Answers for every client, every day.\nextra:\n  home: true\n  heroText: Quayside client care\n  tagline: Answers for every client, every day.\n---\n\n> [!WARNING]\n> This handbook is for staff only.\n"
    );
}

/// A VitePress configuration with `srcDir` keeps its pages (and their
/// `public/`) below it, and its `base` and sitemap `hostname` say where the
/// site is served: both were ignored, the pages imported from the wrong
/// folder and the site built for the root.
#[test]
fn a_vitepress_src_dir_and_base_are_followed() {
    let site = SiteTest::empty()
        .file(
            "docs/.vitepress/config.mts",
            "export default {\n  title: 'Harbour Desk',\n  srcDir: 'pages',\n  base: '/desk/',\n  sitemap: { hostname: 'https://help.example' },\n}\n",
        )
        .file("docs/pages/index.md", "# Harbour Desk\n\nSee [billing](billing.md).\n")
        .file("docs/pages/billing.md", "# Billing\n\n![Invoice](/invoice.png)\n")
        .file("docs/pages/public/invoice.png", "png")
        .file("docs/notes.md", "# Not a page of the site\n");
    let run = site.run(&["import", ".", "../out"]);
    run.success().diagnostics_are(&[]);
    let out = site.root.parent().unwrap().join("out");
    assert!(out.join("content/billing.md").is_file());
    assert!(out.join("static/invoice.png").is_file());
    assert!(!out.join("content/notes.md").exists());
    assert!(!out.join("content/pages").exists());
    let config = std::fs::read_to_string(out.join("credo.yaml")).unwrap();
    assert!(
        config.contains("base_url: https://help.example/desk/"),
        "{config}"
    );
}
