//! `credo import` of Hugo and Zola sites: front matter, content folders,
//! languages, old URLs, links written for page URLs, unpublished pages.

use crate::harness::SiteTest;
use crate::import::Imported;

#[test]
fn hugo_toml_front_matter_becomes_yaml_with_extra_keys_kept() {
    let site = Imported::fixture("hugo");
    site.run.success();
    assert_eq!(
        site.read("credo.yaml"),
        "# Imported from Hugo by `credo import`.\ntitle: Acme Ops Handbook\ndescription: How the Acme operations team works, day and night.\nbase_url: https://ops.example.org/handbook/\nlanguage: en-us\n"
    );
    assert_eq!(
        site.read("content/oncall/escalation.md"),
        "---\ntitle: 'Step 1: page the lead'\nweight: 1\ntags:\n- incident\n- pager\ndraft: false\naliases:\n- /old/escalation/\nextra:\n  date: 2023-04-01T10:00:00Z\n  lastmod: 2024-02-11\n  author: Dana\n  toc: true\n---\n\n![The pager](pager.png)\n\nIf the lead does not answer in 5 minutes, follow the [runbook](runbook.md).\n{{< alert >}}Never skip the lead.{{< /alert >}}\n"
    );
    assert_eq!(
        site.read("content/oncall/_index.md"),
        "---\ntitle: On call\nweight: 2\nextra:\n  bookCollapseSection: true\n---\nEverything about being on call.\n"
    );
    site.untouched("content/oncall/runbook.md", "content/oncall/runbook.md");
    site.untouched("content/about.md", "content/about.md");
    site.untouched("content/oncall/pager.png", "content/oncall/pager.png");
    site.untouched("static/images/logo.svg", "static/images/logo.svg");
    assert!(!site.exists("layouts") && !site.exists("content/layouts"));
    site.stdout_has("Imported Hugo: \"Acme Ops Handbook\"\n  5 pages (2 copied as they were), 2 other files\n  front matter: 3 TOML converted to YAML\n")
        .stdout_has("  keys mapped: categories → tags (1), description → summary (1)\n")
        .stdout_has("  keys moved to extra: author (1), bookCollapseSection (1), date (1), lastmod (1)\n")
        .stdout_has("left as written, to rewrite by hand: 1 page:\n    content/oncall/escalation.md\n")
        .stdout_has("  not copied: layouts/")
        .stdout_has("Checking the new site")
        .stdout_has("Next: `credo serve -r ../out`");
}

#[test]
fn hugo_content_dir_is_where_pages_come_from_and_the_config_stays_out() {
    let site = Imported::fixture("hugo-contentdir");
    site.run.success();
    // Audit item 1: a site with `contentDir` and no `content/` was taken
    // for plain Markdown, its pages put under content/pages/ and hugo.toml
    // published.
    site.stdout_has("Imported Hugo: \"Riverside Front Desk\"\n  4 pages (0 copied as they were), 2 other files\n");
    assert_eq!(
        site.read("content/desk/greeting-guests.md"),
        "---\ntitle: Greeting guests\ntags:\n- visitors\nextra:\n  date: 2024-09-02\n---\nStand up, look up from the screen, and say your name before theirs.\n\n![Where the desk is](map.svg)\n"
    );
    assert_eq!(
        site.read("content/desk/_index.md"),
        "---\ntitle: At the desk\nweight: 1\n---\nGreeting, signing in, and what to do with the umbrella someone forgot.\n"
    );
    site.untouched("content/desk/map.svg", "pages/desk/map.svg");
    site.untouched("static/robots.txt", "static/robots.txt");
    for absent in [
        "content/pages",
        "content/hugo.toml",
        "hugo.toml",
        "content/layouts",
    ] {
        assert!(!site.exists(absent), "{absent}");
    }
    assert_eq!(
        site.read("credo.yaml"),
        "# Imported from Hugo by `credo import`.\ntitle: Riverside Front Desk\ndescription: What the front desk does, shift by shift.\nbase_url: https://frontdesk.example.net/\nlanguage: en-gb\n"
    );
}

#[test]
fn hugo_content_dir_outside_the_source_is_not_read() {
    let outside = SiteTest::empty().file("elsewhere/secret.md", "# Not for the handbook\n");
    let src = outside.root.join("site");
    std::fs::create_dir_all(src.join("layouts")).unwrap();
    std::fs::write(
        src.join("hugo.toml"),
        "title = \"Climber\"\ncontentDir = \"../elsewhere\"\n",
    )
    .unwrap();
    let run = outside.run(&["import", "site", "out"]);
    run.success();
    assert!(
        run.stdout.contains("Imported Hugo: \"Climber\"\n  0 pages")
            && run
                .stdout
                .contains("  not copied: contentDir `../elsewhere`: it lies outside"),
        "{}",
        run.stdout
    );
    assert!(!outside.root.join("out/content/secret.md").exists());
    assert!(!outside.root.join("out/content/hugo.toml").exists());
}

#[test]
fn hugo_languages_become_credo_languages_and_translations_build() {
    let site = Imported::fixture("hugo-languages");
    site.run.success();
    // Audit item 2: `[languages]` was not mapped, so every `*.es.md` was an
    // unknown-language error and the new site did not build.
    assert_eq!(
        site.read("credo.yaml"),
        "# Imported from Hugo by `credo import`.\ntitle: Reception Manual\ndescription: How we receive whoever walks in.\nbase_url: https://reception.example.org/\nlanguage: en\nlanguages:\n  es:\n    name: Español\n    title: Manual de recepción\n    description: Cómo recibimos a quien llega.\n"
    );
    // A section's translation keeps only section keys, as its original.
    assert_eq!(
        site.read("content/visits/_index.es.md"),
        "---\ntitle: Visitas\nextra:\n  tags:\n  - visitantes\n---\nCómo transcurre una visita.\n"
    );
    site.untouched(
        "content/visits/parking.es.md",
        "content/visits/parking.es.md",
    );
    // Hugo's `name.en.md` in the default language is credo's `name.md`.
    site.untouched("content/visits/badges.md", "content/visits/badges.en.md");
    assert!(!site.exists("content/visits/badges.en.md"));
    // The only finding: the page Hugo's source left untranslated.
    assert!(
        site.run
            .stderr
            .ends_with("named `badges.es.md`\n\nchecked ../out: 0 error(s), 1 warning(s)\n"),
        "{}",
        site.run.stderr
    );
    site.build_into_public();
    for page in [
        "public/es/visits/parking/index.html",
        "public/visits/badges/index.html",
    ] {
        assert!(site.exists(page), "{page}");
    }
    assert!(
        site.read("public/es/visits/parking/index.html")
            .contains("Aparcamiento")
    );
    // A capitalised file name keeps its case, and its translation its place.
    // (Hugo served it at /visits/lost-property/; a lower-case alias would be
    // the page's own file on a case-insensitive disk, so none is made.)
    assert!(
        site.read("public/es/visits/Lost-Property/index.html")
            .contains("Objetos perdidos")
    );
}

#[test]
fn hugo_slug_and_url_keep_the_old_urls_as_aliases() {
    // Audit item 4: `slug = "consult"` moved to extra with no alias, so
    // /services/consult/ stopped working.
    let site = SiteTest::empty()
        .file("hugo.toml", "title = \"Harbour Lane Services\"\n[languages.nl]\nlanguageName = \"Nederlands\"\n")
        .file("content/_index.md", "Welcome aboard.\n")
        .file("content/services/_index.md", "+++\ntitle = \"Services\"\nurl = \"/what-we-do/\"\n+++\n")
        .file(
            "content/services/consulting.md",
            "+++\ntitle = \"Consulting\"\nslug = \"consult\"\naliases = [\"/old/advice/\"]\n+++\nWe listen first, then [price it](pricing.md).\n",
        )
        .file("content/services/consulting.nl.md", "---\ntitle: Advies\nSlug: advies\n---\nWe luisteren eerst.\n")
        .file("content/services/pricing.md", "---\ntitle: Pricing\nslug: pricing\n---\nAsk for a quote.\n")
        .file("content/services/pricing.nl.md", "---\ntitle: Prijzen\nurl: /nl/prijzen\n---\nVraag een offerte.\n")
        .file("content/services/onboarding/index.md", "---\ntitle: Onboarding\nslug: welcome\n---\n![Map](map.png)\n")
        .file("content/services/onboarding/map.png", "not really a png")
        .file("content/about.md", "---\ntitle: About us\nurl: company/about-us\n---\nFounded on a Tuesday.\n")
        .file("content/about.nl.md", "---\ntitle: Over ons\n---\nOpgericht op een dinsdag.\n");
    let run = site.run(&["import", ".", "../out"]);
    run.success();
    let out = site.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/services/consulting.md"),
        "---\ntitle: Consulting\naliases:\n- /old/advice/\n- /services/consult/\nextra:\n  slug: consult\n---\nWe listen first, then [price it](pricing.md).\n"
    );
    // A translation's alias is below its language, as credo serves it.
    assert!(read("content/services/consulting.nl.md").contains("aliases:\n- /services/advies/\n"));
    assert!(read("content/services/pricing.nl.md").contains("aliases:\n- /prijzen/\n"));
    // The slug that names the page as its file does needs no alias.
    assert!(!read("content/services/pricing.md").contains("aliases"));
    assert!(
        read("content/services/onboarding/index.md").contains("aliases:\n- /services/welcome/\n")
    );
    assert!(read("content/about.md").contains("aliases:\n- /company/about-us/\n"));
    // A section takes no aliases: its `url` stays under extra.
    assert_eq!(
        read("content/services/_index.md"),
        "---\ntitle: Services\nextra:\n  url: /what-we-do/\n---\n"
    );
    assert!(run.stdout.contains("slug → aliases (3)"), "{}", run.stdout);
    assert!(run.stdout.contains("url → aliases (2)"), "{}", run.stdout);
    assert_redirects(
        &site,
        &out,
        &[
            ("services/consult/index.html", "/services/consulting/"),
            ("old/advice/index.html", "/services/consulting/"),
            ("nl/services/advies/index.html", "/nl/services/consulting/"),
            ("nl/prijzen/index.html", "/nl/services/pricing/"),
            ("services/welcome/index.html", "/services/onboarding/"),
            ("company/about-us/index.html", "/about/"),
        ],
    );
}

/// Builds the site imported into `out` and checks that each alias page
/// (an output path) redirects to its target URL.
fn assert_redirects(site: &SiteTest, out: &std::path::Path, redirects: &[(&str, &str)]) {
    let out = out.to_string_lossy().into_owned();
    site.run(&["build", "-r", &out, "-o", &format!("{out}/public")])
        .success();
    for (alias, target) in redirects {
        let page = std::fs::read_to_string(format!("{out}/public/{alias}"))
            .unwrap_or_else(|e| panic!("{alias}: {e}"));
        assert!(page.contains(target), "{alias} → {target}:\n{page}");
    }
}

#[test]
fn hugo_links_relative_to_page_urls_are_explained_and_template_pages_all_listed() {
    let site = SiteTest::empty()
        .file("hugo.toml", "title = \"Tidewater Care\"\n")
        .file("content/_index.md", "Hello {{< year >}}.\n")
        .file(
            "content/care/_index.md",
            "---\ntitle: Care\n---\n{{% note %}}Read all of it.{{% /note %}}\n",
        )
        .file(
            "content/care/calls.md",
            "---\ntitle: Calls\n---\nAfter the call, see [follow-up](../follow-up/#within-a-day). {{< tip >}} [Gone](../nowhere/)\n\nAlso [the rule]({{< ref \"/care/follow-up.md\" >}}).\n\n{{< figure src=\"desk.png\" caption=\"The desk\" >}}\n",
        )
        .file("content/care/desk.png", "png")
        .file(
            "content/care/follow-up.md",
            "---\ntitle: Follow-up\n---\n## Within a day\n\nWrite within a day.\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success();
    // A link Hugo's reader followed from the page's URL names the page.
    let out = site.root.parent().unwrap().join("out");
    let calls = std::fs::read_to_string(out.join("content/care/calls.md")).unwrap();
    assert!(
        calls.contains(
            "see [follow-up](@/care/follow-up.md#within-a-day). {{< tip >}} [Gone](../nowhere/)"
        ),
        "{calls}"
    );
    // Shortcodes with a Markdown form are written out; others are listed.
    assert!(
        calls.contains("Also [the rule](@/care/follow-up.md).\n\n<figure><img src=\"desk.png\" alt=\"\"><figcaption>The desk</figcaption></figure>\n"),
        "{calls}"
    );
    assert!(
        run.stdout.contains(
            "to rewrite by hand: 3 pages:\n    content/_index.md\n    content/care/_index.md\n    content/care/calls.md\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("  - 1 broken-link: broken in the source already: neither against the page's file, as credo reads a link, nor against the page's URL, as Hugo's reader's browser did"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("credo serve"), "{}", run.stdout);
}

#[test]
fn zola_taxonomies_become_tags_and_extra_merges() {
    let site = Imported::fixture("zola");
    site.run.success();
    assert_eq!(
        site.read("content/visits/first-visit.md"),
        "---\ntitle: First visit\nsummary: Arrive early, leave a card.\nweight: 10\ntags:\n- clients\n- etiquette\n- visits\nextra:\n  date: 2022-03-05\n  taxonomies:\n    authors:\n    - Sam\n  mood: calm\n---\nBring the [checklist](after.md#what-to-write).\n"
    );
    assert_eq!(
        site.read("content/visits/_index.md"),
        "---\ntitle: Visits\nweight: 1\nsort_by: weight\nextra:\n  template: section.html\n  icon: car\n---\n"
    );
    assert!(site.read("credo.yaml").contains("title: Field Guide\ndescription: Visiting clients, the Zola way\nbase_url: https://field.example.net\n"));
    assert!(site.exists("static/favicon.ico"));
    // Zola's `@/` links, from the top of content/, are credo's too.
    site.build_into_public();
    let after = site.read("public/visits/after/index.html");
    assert!(
        after.contains("<a href=\"/visits/first-visit/\">first visit</a>"),
        "{after}"
    );
    assert!(after.contains("<a href=\"/\">home</a>"), "{after}");
    site.stdout_has("taxonomies.tags → tags (1)")
        .stdout_has("keys moved to extra: date (2), in_search_index (1), paginate_by (1), slug (1), taxonomies (1), template (1)\n");
}

#[test]
fn zola_languages_slugs_and_paths_keep_their_translations_and_old_urls() {
    let site = Imported::fixture("zola-languages");
    site.run.success();
    // `[languages.fr]` is a credo language, named in itself (Zola names none);
    // the default language's own table adds nothing.
    assert_eq!(
        site.read("credo.yaml"),
        "# Imported from Zola by `credo import`.\ntitle: Desk Notes\ndescription: How the front desk works.\nbase_url: https://desk.example.org\nlanguage: en\nlanguages:\n  fr:\n    name: Français\n    title: Notes de l'accueil\n    description: Comment fonctionne l'accueil.\n"
    );
    // Zola served `slug` in place of the file name, and `path` from the
    // root: both redirect to where credo serves the page.
    assert!(
        site.read("content/desk/greeting.md")
            .contains("aliases:\n- /desk/hello/\n")
    );
    assert!(
        site.read("content/desk/greeting.fr.md")
            .contains("aliases:\n- /desk/bonjour/\n")
    );
    assert!(
        site.read("content/desk/logbook.md")
            .contains("aliases:\n- /log/\n")
    );
    // A translation's `path` below its language redirects from there;
    // Zola serves one without the language prefix from the root, where a
    // translation's alias cannot be: the import says so.
    assert!(
        site.read("content/desk/hours.fr.md")
            .contains("aliases:\n- /accueil/horaires/\n")
    );
    assert!(!site.read("content/desk/logbook.fr.md").contains("aliases"));
    site.stdout_has("keys mapped: path → aliases (2), slug → aliases (2)")
        .stdout_has("no redirect from /registre/ (content/desk/logbook.fr.md's `path`): a translation lives below its language, so redirect that URL at your host\n");
    site.build_into_public();
    assert!(
        site.read("public/fr/desk/greeting/index.html")
            .contains("Levez les yeux")
    );
    for (old, new) in [
        ("public/desk/hello/index.html", "/desk/greeting/"),
        ("public/fr/desk/bonjour/index.html", "/fr/desk/greeting/"),
        ("public/log/index.html", "/desk/logbook/"),
        ("public/fr/accueil/horaires/index.html", "/fr/desk/hours/"),
    ] {
        assert!(site.read(old).contains(&format!("url={new}")), "{old}");
    }
}

/// A page Hugo would not publish (a date to come, an expiry gone by, a
/// headless bundle, `_build: {render: never}`) is a draft after the import,
/// even where its front matter says `draft = false`.
#[test]
fn hugo_pages_hugo_would_not_publish_become_drafts_whatever_draft_says() {
    let site = SiteTest::empty()
        .file("hugo.toml", "title = \"Desk\"\n")
        .file("content/_index.md", "Welcome.\n")
        .file(
            "content/news/later.md",
            "+++\ntitle = \"Later\"\ndate = 2099-03-01\ndraft = false\n+++\nSoon.\n",
        )
        .file(
            "content/news/gone.md",
            "---\ntitle: Gone\nexpiryDate: 2001-01-01\ndraft: false\n---\nOld.\n",
        )
        .file(
            "content/news/now.md",
            "---\ntitle: Now\ndate: 2001-01-01\ndraft: false\n---\nOut.\n",
        )
        .file(
            "content/guide/shared/index.md",
            "---\ntitle: Shared\nheadless: true\n---\nBits.\n",
        )
        .file(
            "content/guide/hidden.md",
            "---\ntitle: Hidden\n_build:\n  render: never\n  list: never\n---\nInternal.\n",
        )
        .file("static/style.css", "body{}")
        .file("static/404.html", "<h1>Lost</h1>")
        .file("static/img/logo.svg", "<svg/>");
    let run = site.run(&["import", ".", "../out"]);
    run.success();
    // The source's files where credo writes its own (its theme's, its 404
    // page) are left out and named: they would unstyle every page.
    let root = site.root.parent().unwrap().join("out");
    assert!(!root.join("static/style.css").exists() && !root.join("static/404.html").exists());
    assert!(root.join("static/img/logo.svg").exists());
    assert!(
        run.stdout
            .contains("not copied: style.css: credo writes its own at that URL"),
        "{}",
        run.stdout
    );
    let out = site.root.parent().unwrap().join("out/content");
    let draft = |path: &str| {
        let text = std::fs::read_to_string(out.join(path)).unwrap();
        text.lines()
            .find(|l| l.starts_with("draft:"))
            .unwrap_or("")
            .to_string()
    };
    for path in [
        "news/later.md",
        "news/gone.md",
        "guide/shared/index.md",
        "guide/hidden.md",
    ] {
        assert_eq!(draft(path), "draft: true", "{path}");
    }
    assert_eq!(draft("news/now.md"), "draft: false");
}

/// A bundle's files are served below the bundle's URL: a link written for
/// that URL (`../../escalate/ladder.png` from `/care/followup/`) names the
/// file where it now is.
#[test]
fn hugo_links_to_a_bundles_files_by_its_url_follow_them() {
    let site = SiteTest::empty()
        .file("hugo.toml", "title = \"Desk\"\n")
        .file("content/_index.md", "Welcome.\n")
        .file(
            "content/care/escalation/index.md",
            "---\ntitle: Escalation\nurl: /escalate/\n---\n![Ladder](ladder.png)\n",
        )
        .file("content/care/escalation/ladder.png", "png")
        .file(
            "content/care/followup.md",
            "---\ntitle: Follow-up\n---\nThe [ladder](../../escalate/ladder.png) and [escalation](../../escalate/).\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success();
    assert!(!run.stdout.contains("error"), "{}", run.stdout);
    let out = site.root.parent().unwrap().join("out");
    let followup = std::fs::read_to_string(out.join("content/care/followup.md")).unwrap();
    assert!(
        followup.contains(
            "[ladder](@/care/escalation/ladder.png) and [escalation](@/care/escalation/index.md)"
        ),
        "{followup}"
    );
}

/// Hugo lists a section's pages by weight, then date, newest first, and a
/// Zola section with `sort_by = "date"` its dated pages newest first;
/// credo orders by weight then title, so without weights the news came
/// out alphabetical.
#[test]
fn hugo_and_zola_sections_listed_by_date_keep_newest_first() {
    let hugo = SiteTest::empty()
        .file("hugo.toml", "title = \"Desk\"\n")
        .file("content/updates/_index.md", "---\ntitle: Updates\n---\n")
        .file(
            "content/updates/alpha.md",
            "---\ntitle: Alpha\ndate: 2023-01-05\n---\nOld news.\n",
        )
        .file(
            "content/updates/zulu.md",
            "+++\ntitle = \"Zulu\"\ndate = 2024-06-01T09:00:00Z\n+++\nNewest.\n",
        )
        .file(
            "content/updates/pinned.md",
            "---\ntitle: Pinned\nweight: 1\ndate: 2020-01-01\n---\nAlways first.\n",
        )
        .file(
            "content/updates/mike/index.md",
            "---\ntitle: Mike\ndate: 2023-11-20\n---\n![Map](map.png)\n",
        )
        .file("content/updates/mike/map.png", "png")
        // A translation takes its original's place: it is not ranked.
        .file(
            "content/updates/zulu.fr.md",
            "---\ntitle: Zoulou\ndate: 2024-06-02\n---\nNouveau.\n",
        );
    let run = hugo.run(&["import", ".", "../out"]);
    run.success();
    let out = hugo.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/updates/zulu.md"),
        "---\ntitle: Zulu\nweight: 20\nextra:\n  date: 2024-06-01T09:00:00Z\n---\nNewest.\n"
    );
    assert_eq!(
        read("content/updates/mike/index.md"),
        "---\ntitle: Mike\nweight: 30\nextra:\n  date: 2023-11-20\n---\n![Map](map.png)\n"
    );
    assert!(read("content/updates/alpha.md").contains("weight: 40\n"));
    assert!(!read("content/updates/zulu.fr.md").contains("weight:"));
    assert!(read("content/updates/pinned.md").contains("weight: 10\n"));
    assert!(
        run.stdout.contains(
            "content/updates/: Hugo listed its pages by date, newest first; weights keep that order"
        ),
        "{}",
        run.stdout
    );

    let zola = SiteTest::empty()
        .file(
            "config.toml",
            "base_url = \"https://news.example\"\ntitle = \"News\"\n",
        )
        .file("content/_index.md", "+++\ntitle = \"Home\"\n+++\n")
        .file(
            "content/news/_index.md",
            "+++\ntitle = \"News\"\nsort_by = \"date\"\n+++\n",
        )
        .file(
            "content/news/alpha.md",
            "+++\ntitle = \"Alpha\"\ndate = 2023-01-05\n+++\nOld news.\n",
        )
        .file(
            "content/news/zulu.md",
            "+++\ntitle = \"Zulu\"\ndate = 2024-06-01\n+++\nNewest.\n",
        );
    let run = zola.run(&["import", ".", "../out"]);
    run.success();
    let out = zola.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/news/zulu.md"),
        "---\ntitle: Zulu\nweight: 10\nextra:\n  date: 2024-06-01\n---\nNewest.\n"
    );
    assert_eq!(
        read("content/news/alpha.md"),
        "---\ntitle: Alpha\nweight: 20\nextra:\n  date: 2023-01-05\n---\nOld news.\n"
    );
    // The section lists them newest first.
    let build = zola.run(&["build", "-r", "../out", "-o", "../out/public"]);
    build.success();
    let news = read("public/news/index.html");
    let (zulu, alpha) = (news.find("Zulu"), news.find("Alpha"));
    assert!(zulu.is_some() && alpha.is_some() && zulu < alpha, "{news}");
}

/// Hugo reads an alias without a leading `/` from the page's section
/// (`advice` in `services/consulting.md` is `/services/advice/`); credo
/// reads aliases from the site's root, so the import writes them so.
#[test]
fn hugo_relative_aliases_are_read_from_the_pages_section() {
    let site = SiteTest::empty()
        .file("hugo.toml", "title = \"Harbour Lane\"\n[languages.nl]\nlanguageName = \"Nederlands\"\n")
        .file("content/_index.md", "Welcome.\n")
        .file(
            "content/services/consulting.md",
            "---\ntitle: Consulting\naliases: [advice, ../old/help.html, /kept/, ./tips/]\n---\nWe listen first.\n",
        )
        .file("content/services/consulting.nl.md", "---\ntitle: Advies\naliases: [raad]\n---\nWe luisteren.\n")
        .file("content/services/onboarding/index.md", "---\ntitle: Onboarding\naliases: [welcome-pack]\n---\nDay one.\n")
        .file("content/top.md", "---\ntitle: Top\naliases: [summit]\n---\nUp here.\n");
    let run = site.run(&["import", ".", "../out"]);
    run.success();
    let out = site.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/services/consulting.md"),
        "---\ntitle: Consulting\naliases:\n- /services/advice/\n- /old/help.html\n- /kept/\n- /services/tips/\n---\nWe listen first.\n"
    );
    // A translation's alias: credo puts it below its language.
    assert!(read("content/services/consulting.nl.md").contains("aliases:\n- /services/raad/\n"));
    // A bundle's section is the folder holding its folder.
    assert!(
        read("content/services/onboarding/index.md")
            .contains("aliases:\n- /services/welcome-pack/\n")
    );
    assert!(read("content/top.md").contains("aliases:\n- /summit/\n"));
    assert!(
        run.stdout
            .contains("aliases from the page's section → aliases (6)"),
        "{}",
        run.stdout
    );
    assert_redirects(
        &site,
        &out,
        &[
            ("services/advice/index.html", "/services/consulting/"),
            ("old/help.html", "/services/consulting/"),
            ("services/tips/index.html", "/services/consulting/"),
            ("nl/services/raad/index.html", "/nl/services/consulting/"),
            ("services/welcome-pack/index.html", "/services/onboarding/"),
        ],
    );
}

/// Hugo's `relref … lang="fr"` names that language's page, which credo
/// keeps beside the original as `name.fr.md` (the default language's by
/// its plain name); a `ref` in prose, where Hugo prints the page's URL,
/// becomes a link to the page. The imported site builds and links right.
#[test]
fn hugo_refs_keep_their_language_and_print_a_link_in_prose() {
    let site = SiteTest::empty()
        .file(
            "hugo.toml",
            "title = \"Lobby Book\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nlanguageName = \"English\"\n[languages.fr]\nlanguageName = \"Français\"\n",
        )
        .file("content/_index.md", "Welcome.\n")
        .file("content/desk/_index.md", "---\ntitle: Desk\n---\nThe front desk.\n")
        .file(
            "content/desk/keys.md",
            "---\ntitle: Keys\n---\nSee [the French page]({{< relref \"keys.md\" lang=\"fr\" >}}), [the English one]({{< relref \"/desk/keys.md#sign-out\" lang=\"en\" >}}) and {{< ref \"/desk/visitors.md\" >}} for visitors.\n\n## Sign out\n\nEvery key.\n",
        )
        .file("content/desk/keys.fr.md", "---\ntitle: Clés\n---\nVoir {{< relref \"visitors\" >}}, et [en anglais]({{< relref \"keys\" lang=\"en\" >}}).\n")
        .file("content/desk/visitors.md", "---\ntitle: Visitors\n---\nBadge first.\n")
        .file("content/desk/visitors.fr.md", "---\ntitle: Visiteurs\n---\nBadge d'abord.\n");
    let run = site.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    let out = site.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/desk/keys.md"),
        "---\ntitle: Keys\n---\nSee [the French page](keys.fr.md), [the English one](@/desk/keys.md#sign-out) and [/desk/visitors](@/desk/visitors.md) for visitors.\n\n## Sign out\n\nEvery key.\n"
    );
    assert_eq!(
        read("content/desk/keys.fr.md"),
        "---\ntitle: Clés\n---\nVoir [visitors](visitors), et [en anglais](@/desk/keys.md).\n"
    );
    let out = out.to_string_lossy().into_owned();
    site.run(&["build", "-r", &out, "-o", &format!("{out}/public")])
        .success()
        .errors_are(&[]);
    let keys = std::fs::read_to_string(format!("{out}/public/desk/keys/index.html")).unwrap();
    for link in [
        "<a href=\"/fr/desk/keys/\">the French page</a>",
        "<a href=\"#sign-out\">the English one</a>",
        "<a href=\"/desk/visitors/\">/desk/visitors</a>",
    ] {
        assert!(keys.contains(link), "{link}:\n{keys}");
    }
    let cles = std::fs::read_to_string(format!("{out}/public/fr/desk/keys/index.html")).unwrap();
    assert!(
        cles.contains("<a href=\"/fr/desk/visitors/\">visitors</a>"),
        "{cles}"
    );
}
