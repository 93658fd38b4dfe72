//! Translations: what a file named like one is (a section without an
//! `_index.md` is there all the same, so its `_index.LANG.md` is its page in
//! that language, as Hugo reads it; a suffix in another case or of the
//! default language makes none), and where its aliases go.

use crate::harness::SiteTest;

/// `_index.de.md` beside no `_index.md` was an error, "translation without
/// an original", though the section it translates is there.
#[test]
fn a_section_without_an_index_md_takes_its_translation() {
    let site = SiteTest::empty()
        .file(
            "credo.yaml",
            "title: T\nlanguages:\n  de: {name: Deutsch}\nlints: {missing-translation: allow, orphan-page: allow}\n",
        )
        .file(
            "content/_index.de.md",
            "---\ntitle: Startseite\n---\nWillkommen.\n",
        )
        .file("content/guide/_index.de.md", "---\ntitle: Leitfaden\n---\n")
        .file("content/guide/setup.md", "# Setup\n")
        .file("content/guide/setup.de.md", "# Einrichtung\n");
    site.check().success().diagnostics_are(&[]);
    let run = site.build();
    run.success();
    let h1 = |page: &str| {
        let html = run.page(page);
        let start = html.find("<h1").map_or(0, |i| i);
        html[start..].lines().next().unwrap_or_default().to_string()
    };
    assert!(
        h1("de/index.html").contains(">Startseite</h1>"),
        "{}",
        h1("de/index.html")
    );
    assert!(
        h1("de/guide/index.html").contains(">Leitfaden</h1>"),
        "{}",
        h1("de/guide/index.html")
    );
    // The default language keeps the folder's name.
    assert!(
        h1("guide/index.html").contains(">Guide</h1>"),
        "{}",
        h1("guide/index.html")
    );
    assert!(run.page("de/index.html").contains("Willkommen."));
    // A translation of a page that is not there is still an error.
    site.file("content/guide/gone.de.md", "# Weg\n")
        .check()
        .code(1)
        .diagnostics_are(&["content/guide/gone.de.md:1:1: error: translation without an original: there is no content/guide/gone.md"]);
}

/// `a.DE.md` on a site with `de` is a page of its own (language suffixes
/// are lower case, as credo.yaml writes them), which is what its author did
/// not mean: a warning says so and how to name it.
#[test]
fn a_language_suffix_in_another_case_is_a_page_with_a_warning() {
    let site = SiteTest::empty()
        .file(
            "credo.yaml",
            "title: T\nlanguages:\n  de: {name: Deutsch}\nlints: {missing-translation: allow, orphan-page: allow}\n",
        )
        .file("content/_index.md", "# Home\n")
        .file("content/guide/a.md", "# A\n")
        .file("content/guide/a.DE.md", "# A auf Deutsch\n")
        .file("content/guide/b.md", "# B too\n");
    site.check().success().diagnostics_are(&[
        "content/guide/a.DE.md:1:1: warning: `DE` is language `de` in another case: this file is published as a page of its own, not as a translation",
    ]);
    site.check()
        .stderr_has("rename it `a.de.md` to make it the `de` translation");
    let run = site.build();
    run.success();
    assert!(run.page("guide/a.DE/index.html").contains("A auf Deutsch"));
    // A region in another case: `pt-br` on a site with `pt-BR`.
    let site = site.file(
        "credo.yaml",
        "title: T\nlanguages:\n  de: {name: Deutsch}\n  pt-BR: {name: Português}\nlints: {missing-translation: allow, orphan-page: allow}\n",
    );
    let site = site.file("content/guide/a.pt-br.md", "# A em português\n");
    site.check().stderr_has("content/guide/a.pt-br.md:1:1: warning: `pt-br` is language `pt-BR` in another case: this file is published as a page of its own, not as a translation");
    site.check()
        .stderr_has("rename it `a.pt-BR.md` to make it the `pt-BR` translation");
}

/// `b.en.md` on a site in `en` is the page `b`, as Hugo and Zola read it,
/// in whatever case the suffix is written (`b.EN.md` was a page of its own,
/// `/guide/b.EN/`, and `b.en.md` an error on a site of several languages).
#[test]
fn the_default_language_as_a_suffix_in_any_case_is_the_page_itself() {
    let site = SiteTest::empty()
        .file(
            "credo.yaml",
            "title: T\nlanguage: en\nlanguages:\n  de: {name: Deutsch}\nlints: {missing-translation: allow, orphan-page: allow}\n",
        )
        .file("content/_index.md", "# Home\n")
        .file("content/guide/a.en.md", "# A\n\nSee [[b]].\n")
        .file("content/guide/b.EN.md", "# B in capitals\n\nSee [a](a.md).\n")
        .file("content/guide/b.de.md", "# B auf Deutsch\n");
    let run = site.build();
    run.success();
    assert!(
        run.page("guide/a/index.html")
            .contains(r#"href="/guide/b/""#)
    );
    assert!(run.page("guide/b/index.html").contains("B in capitals"));
    assert!(run.page("de/guide/b/index.html").contains("B auf Deutsch"));
    assert!(!run.exists("guide/a.en/index.html"));
    // Beside `b.md` it is the same page twice.
    let site = site.file("content/guide/b.md", "# B\n");
    let check = site.check();
    check.code(1);
    check.stderr_has("content/guide/b.EN.md");
    check.stderr_has("content/guide/b.md");
    check.stderr_has("= help: keep one of them: a page ending in the default language's code (`.en.md`) is the page without it");
    // On a site of one language too.
    let site = SiteTest::empty()
        .file(
            "credo.yaml",
            "title: T\nlanguage: en\nlints: {orphan-page: allow}\n",
        )
        .file("content/_index.md", "# Home\n")
        .file("content/guide/README.en.md", "# Guide\n")
        .file("content/guide/c.md", "# C\n");
    let run = site.build();
    run.success();
    assert!(
        run.page("guide/index.html").contains(">Guide</h1>"),
        "{}",
        run.page("guide/index.html")
    );
    // Beside `_index.md`, two pages of one folder, as `README.md` would be.
    site.file("content/guide/_index.md", "# Guide too\n")
        .check()
        .code(1)
        .diagnostics_are(&["content/guide/README.en.md:1:1: error: `content/guide/_index.md` and `content/guide/README.en.md` both want to be the page of the folder content/guide"]);
}

/// Aliases in a second language: two `de` pages claiming one old URL, or a
/// `de` page's alias on another `de` page, were reported at the path from
/// /de/ (`at /alt/`), and an alias of the default language inside /de/ on
/// a German page's URL was not reported at all (both written to one file).
#[test]
fn aliases_colliding_in_a_second_language_are_errors_at_their_line() {
    let site = SiteTest::empty()
        .file(
            "credo.yaml",
            "title: T\nbase_url: /hb/\nlanguage: en\nlanguages:\n  de: {name: Deutsch}\nlints: {missing-translation: allow, orphan-page: allow}\n",
        )
        .file("content/_index.md", "# Home\n")
        .file("content/a.md", "# A\n")
        .file(
            "content/a.de.md",
            "---\ntitle: A auf Deutsch\naliases: [/alt/, /de/doppelt/]\n---\n",
        )
        .file("content/b.md", "# B\n")
        .file(
            "content/b.de.md",
            "---\ntitle: B auf Deutsch\naliases: [/alt/, /a/, /de/doppelt/]\n---\n",
        )
        .file(
            "content/c.md",
            "---\ntitle: C\naliases: [/de/b/, /de/frei/]\n---\n",
        );
    site.check().code(1).diagnostics_are(&[
        "content/b.de.md:3:11: error: alias `/alt/` collides with a page or another alias at /de/alt/",
        "content/b.de.md:3:18: error: alias `/a/` collides with a page or another alias at /de/a/",
        "content/b.de.md:3:23: error: alias `/de/doppelt/` collides with a page or another alias at /de/de/doppelt/",
        "content/c.md:3:11: error: alias `/de/b/` collides with a page or an alias of the `de` site at /de/b/",
    ]);
    site.check()
        .stderr_has("= help: the aliases of a page in `de` are paths from /de/: write `/doppelt/` for /de/doppelt/");
    // Reported at a lower level, the collision leaves the German page in
    // its place; the alias that collides with nothing redirects.
    let run = site
        .file(
            "credo.yaml",
            "title: T\nbase_url: /hb/\nlanguage: en\nlanguages:\n  de: {name: Deutsch}\nlints: {missing-translation: allow, orphan-page: allow, alias-collision: warning}\n",
        )
        .build();
    run.success();
    assert!(run.page("de/b/index.html").contains("B auf Deutsch"));
    assert!(run.page("de/frei/index.html").contains("url=/hb/c/\""));
}

/// The missing-translation hint named `b.en.de.md` for a page `b.en.md` of
/// a site in `en`: its translation is `b.de.md`, as for `b.md`.
#[test]
fn the_missing_translation_hint_drops_the_default_language_suffix() {
    SiteTest::empty()
        .file(
            "credo.yaml",
            "title: T\nlanguage: en\nlanguages:\n  de: {name: Deutsch}\nlints: {orphan-page: allow}\n",
        )
        .file("content/_index.md", "# Home\n")
        .file("content/_index.de.md", "# Start\n")
        .file("content/guide/README.EN.md", "# Guide\n")
        .file("content/guide/b.en.md", "# B\n")
        .check()
        .success()
        .stderr_has("content/guide/README.EN.md:1:1: warning: no translation into `de`: the page in the default language stands in there\n  = help: add a translation beside it, named `README.de.md`\n")
        .stderr_has("content/guide/b.en.md:1:1: warning: no translation into `de`: the page in the default language stands in there\n  = help: add a translation beside it, named `b.de.md`\n");
}
