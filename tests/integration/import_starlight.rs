//! `credo import` of Astro Starlight sites: the pages of `src/content/docs/`,
//! their asides and components, links by URL below `base`, `src/assets/`,
//! Starlight's front matter and locales.

use crate::harness::SiteTest;
use crate::import::Imported;

/// A Starlight site was read as a plain Markdown folder: its pages
/// imported under `src/content/docs/`, its asides and components shown as
/// text, its links by URL (`/care/guides/first-call/`) broken. Now the
/// docs are the content, asides are alerts, components Markdown, links
/// name the files (a French link to a page not yet translated, which
/// Starlight served in French all the same, too), the hero titles the home
/// page, the French locale is a language, and the site checks and builds
/// clean.
#[test]
fn a_starlight_site_imports_with_its_components_links_and_locales() {
    let site = Imported::fixture("starlight");
    site.run.success().errors_are(&[]);
    site.stdout_has("Imported Starlight: \"Fernhill Client Care\"")
        .stdout_has("sidebar.order → weight (3)")
        .stdout_has("sidebar.hidden → draft (1)")
        .stdout_has("hero.title → title (1)")
        .stdout_has("content/guides/escalations.md: <FileTree>, a component credo has no form for")
        .stdout_has("src/assets/ → content/assets/: 1 image or file")
        .stdout_has("not copied: content/fr/glossaire.md: a translation of content/glossaire.md, which the default locale does not have")
        .stdout_has("not copied: the `sidebar` of starlight({…})")
        .stdout_has("not copied: starlight({…}) options social, customCss")
        .stdout_has("not copied: src/components, src/content.config.ts, src/content/i18n");
    let config = site.read("credo.yaml");
    assert!(
        config.contains("base_url: https://fernhill.example/care/\nlanguage: en\nlanguages:\n  fr:\n    name: Français\n"),
        "{config}"
    );
    assert!(site.exists("static/fernhill-logo.svg"));
    assert!(site.exists("content/assets/desk-map.png"));
    assert!(!site.exists("content/src"));
    assert!(!site.exists("content/fr"));
    assert!(!site.exists("content/guides/glossaire.fr.md"));
    let home = site.read("content/index.md");
    assert!(
        home.starts_with("---\ntitle: Clients first, every time\nsummary: The client-service credo of Fernhill & Daughters.\nextra:\n  template: splash\n"),
        "{home}"
    );
    assert!(
        home.ends_with("---\n[Start with the first call](<@/guides/First Call.md>) · [Escalations](<@/guides/escalations.md>)\n\n<!-- import { Card, CardGrid, LinkCard } from '@astrojs/starlight/components'; -->\n\n**We answer**\n\nEvery call is picked up by a person, by the third ring.\n\n**We follow up**\n\nA written note goes out the same afternoon.\n\n[Our promise](@/guides/First Call.md#before-you-dial) — What a client can count on.\n"),
        "{home}"
    );
    assert_eq!(
        site.read("content/guides/First Call.md"),
        "---\ntitle: The first call\nsummary: What to do before, during and after a first call with a new client.\nweight: 10\naliases:\n- /guides/first-call/\nextra:\n  sidebar:\n    label: First call\n  lastUpdated: 2024-03-02\n---\n\n![The front desk](../assets/desk-map.png)\n\n## Before you dial\n\nRead the client's file. If something is unclear, see [escalations](@/guides/escalations.md).\n\n> [!TIP]\n> **Use their name**\n>\n> Clients remember who remembered them.\n\n> [!WARNING]\n> **Caution**\n>\n> Never promise a date you have not checked with the team.\n"
    );
    let escalations = site.read("content/guides/escalations.md");
    assert!(
        escalations.contains("## When to escalate **Updated**\n\n> [!CAUTION]\n> **Within the hour**\n>\n> A complaint about money goes to a partner the same hour.\n\n1. Thank the client for raising it.\n2. Write down what happened, in their words.\n3. Call the partner on duty ([first call habits](@/guides/First Call.md#before-you-dial)).\n\n**By phone**\n\nStay on the line until the partner picks up.\n\n**By email**\n\nCopy the partner, never forward.\n"),
        "{escalations}"
    );
    assert!(escalations.contains("<!-- TODO: add the partner rota -->"));
    let renewals = site.read("content/guides/renewals.md");
    assert!(
        renewals
            .starts_with("---\ntitle: Renewals\nweight: 30\naliases:\n- /guides/renewal-season/\n"),
        "{renewals}"
    );
    for hidden in ["content/guides/internal.md", "content/guides/rota.md"] {
        assert!(site.read(hidden).contains("\ndraft: true\n"), "{hidden}");
    }
    assert_eq!(
        site.read("content/guides/escalations.fr.md"),
        "---\ntitle: Escalades\nextra:\n  sidebar:\n    order: 2\n---\n\n> [!NOTE]\n> **À retenir**\n>\n> Une réclamation d'argent va à un associé dans l'heure.\n\nVoir aussi [l'accueil](@/index.fr.md) et [le premier appel](@/guides/First Call.md), pas encore traduit.\n"
    );
    site.build_into_public();
    let page = site.read("public/guides/First Call/index.html");
    assert!(page.contains("src=\"/care/assets/desk-map.png\""), "{page}");
    assert!(site.exists("public/guides/first-call/index.html"));
    assert!(site.exists("public/fr/guides/escalations/index.html"));
}

/// A default locale with a folder of its own (`en/`, served at `/en/`)
/// stands at the top, as credo serves its default language; its old URLs
/// are kept as aliases, and its pages' links to `src/assets/`, written
/// from one folder deeper, follow.
#[test]
fn a_default_locale_folder_moves_to_the_top() {
    let site = SiteTest::empty()
        .file(
            "astro.config.ts",
            "import starlight from '@astrojs/starlight';\nexport default { integrations: [starlight({ title: 'Desk', defaultLocale: 'en', locales: { en: { label: 'English' }, de: { label: 'Deutsch' } } })] };\n",
        )
        .file(
            "src/content/docs/en/index.md",
            "---\ntitle: Desk\n---\n\nStart with [calls](/en/calls/).\n",
        )
        .file(
            "src/content/docs/en/calls.md",
            "---\ntitle: Calls\n---\n\n![Map](../../../assets/map.png) ![Desk](./desk.png)\n",
        )
        .file("src/content/docs/en/desk.png", "png")
        .file(
            "src/content/docs/de/calls.md",
            "---\ntitle: Anrufe\n---\n\nZurück zum [Start](/de/).\n",
        )
        .file("src/assets/map.png", "png");
    let run = site.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    let out = site.root.parent().unwrap().join("out");
    let read = |path: &str| {
        std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    assert_eq!(
        read("content/calls.md"),
        "---\ntitle: Calls\naliases:\n- /en/calls/\n---\n\n![Map](assets/map.png) ![Desk](@/desk.png)\n"
    );
    assert_eq!(
        read("content/index.md"),
        "---\ntitle: Desk\n---\n\nStart with [calls](@/calls.md).\n"
    );
    // The home page, not translated, which Starlight served at `/de/` all
    // the same (as credo does, from a German page).
    assert!(read("content/calls.de.md").contains("Zurück zum [Start](@/index.md)."));
    assert!(out.join("content/desk.png").is_file());
    let config = read("credo.yaml");
    assert!(
        config.contains("language: en\nlanguages:\n  de:\n    name: Deutsch\n"),
        "{config}"
    );
}
