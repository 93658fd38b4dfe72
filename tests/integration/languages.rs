//! Issue 25: one handbook, several languages. Translations sit beside their
//! originals (`name.LANG.md`); the default language is at the root, each
//! other under `/LANG/`, with every generated page; refs resolve within a
//! language and fall back to the original, which says it is not translated.

use crate::harness::SiteTest;

pub(crate) fn bilingual() -> SiteTest {
    SiteTest::fixture("languages/bilingual")
}

#[test]
fn each_language_has_its_pages_and_generated_pages_under_its_folder() {
    let run = bilingual().build();
    run.success();
    for path in [
        "de/index.html",
        "de/principles/index.html",
        "de/principles/answer-by-the-third-ring/index.html",
        "de/values/patience/index.html",
        "de/tags/index.html",
        "de/matrix/index.html",
        "de/review/index.html",
        "de/print/index.html",
        "de/search/index.html",
        "de/404.html",
        "de/handbook.json",
        "de/llms.txt",
        "de/sitemap.xml",
        "de/changes/index.html",
    ] {
        assert!(run.exists(path), "{path}");
    }
    // Shared files stay at the root, once.
    assert!(!run.exists("de/style.css") && !run.exists("de/pics/phone.svg"));
    let page = run.page("de/principles/answer-by-the-third-ring/index.html");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\""));
    assert!(
        page.contains("<title>Spätestens beim dritten Klingeln abheben · Harbour-Handbuch</title>")
    );
    assert!(
        page.contains("href=\"/hb/style.css\""),
        "assets from the root"
    );
    assert!(
        page.contains("<img src=\"/hb/pics/phone.svg\""),
        "images from the root"
    );
    // A ref resolves within the language.
    assert!(page.contains("<a href=\"/hb/de/values/patience/\">Patience</a>"));
    let json: serde_json::Value = serde_json::from_str(&run.page("de/handbook.json")).unwrap();
    let langs: Vec<&str> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["de", "en"], "the stand-in keeps its own language");
}

#[test]
fn a_static_file_where_a_language_writes_a_page_is_an_error() {
    let site = bilingual()
        .file("static/de/index.html", "mine")
        .file("static/de/tags/index.html", "mine")
        .file("static/de/notes.txt", "fine");
    site.build().code(1).diagnostics_are(&[
        "static/de/index.html:1:1: error: this static file and a page credo generates both write /de/index.html",
        "static/de/tags/index.html:1:1: error: this static file and a page credo generates both write /de/tags/index.html",
    ]);
    let site = site
        .remove("static/de/index.html")
        .remove("static/de/tags/index.html");
    let run = site.build();
    run.success();
    assert_eq!(run.page("de/notes.txt"), "fine");
}

#[test]
fn a_static_file_named_like_a_language_is_an_error() {
    // Where the edition's folder goes; before, check passed and build
    // failed writing (exit 2).
    let site = bilingual().file("static/de", "mine");
    for run in [site.check(), site.build()] {
        run.code(1)
            .errors_are(&[
                "static/de:1:1: error: this file and the folder /de/ where credo writes the `de` edition are both at /de",
            ])
            .stderr_has("= help: rename the file; files for that edition go in static/de/");
    }
    // Inside a file the edition writes: named with its folder.
    bilingual()
        .file("static/de/handbook.json/b.txt", "mine")
        .check()
        .code(1)
        .errors_are(&[
            "static/de/handbook.json/b.txt:1:1: error: this file would be inside /de/handbook.json, which credo writes as a file: both cannot be at /de/handbook.json/b.txt",
        ]);
}

#[test]
fn an_untranslated_page_falls_back_with_a_note_in_the_readers_language() {
    let run = bilingual().build();
    run.success();
    let patience = run.page("de/values/patience/index.html");
    assert!(
        patience.contains("lang=\"en\">"),
        "its content is marked English"
    );
    assert!(patience.contains(
        "<p class=\"untranslated\" lang=\"de\" dir=\"ltr\">Diese Seite ist noch nicht übersetzt; sie erscheint in der Originalsprache.</p>"
    ));
    assert!(patience.contains("We let clients finish their sentence."));
    // Its link to a translated page stays in the language, anchor and all.
    assert!(
        patience.contains("href=\"/hb/de/principles/answer-by-the-third-ring/#why-it-matters\"")
    );
    assert!(
        !run.page("values/patience/index.html")
            .contains("class=\"untranslated\"")
    );
    // Wherever else its English words show in the German site, they say so.
    let print = run.page("de/print/index.html");
    assert!(print.contains(
        "<section id=\"p-values-patience\" class=\"print-entry kind-value\" lang=\"en\" dir=\"ltr\">"
    ));
    assert!(print.contains(
        "<section id=\"p-principles-answer-by-the-third-ring\" class=\"print-entry kind-principle\">"
    ));
    assert!(print.contains("<a href=\"#p-values-patience\" lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn a_translation_keeps_its_originals_place_where_it_leaves_it_out() {
    // The German section and page say only their words: kind, number, order
    // and weight are the originals'.
    let run = bilingual()
        .file(
            "content/principles/_index.md",
            "---\ntitle: Principles\npage_kind: principle\nsort_by: number\n---\n",
        )
        .file(
            "content/principles/_index.de.md",
            "---\ntitle: Grundsätze\n---\n",
        )
        .file(
            "content/principles/call-back.md",
            "---\ntitle: Call back the same day\nnumber: 2\nweight: 1\n---\nBefore you leave.\n",
        )
        .file(
            "content/principles/call-back.de.md",
            "# Am selben Tag zurückrufen\n\nBevor Sie gehen.\n",
        )
        .build();
    run.success();
    let page = run.page("de/principles/call-back/index.html");
    assert!(
        page.contains("<body class=\"page kind-principle\">"),
        "{page}"
    );
    assert!(page.contains("Grundsatz 2"), "its number is the original's");
    let section = run.page("de/principles/index.html");
    let first = section.find("Spätestens beim dritten Klingeln").unwrap();
    let second = section.find("Am selben Tag zurückrufen").unwrap();
    assert!(
        first < second,
        "ordered by number, as the original section says"
    );
}

/// A draft is left out in every language: its translation too, which
/// would otherwise link the missing original in its switcher, hreflang
/// alternates and sitemap; a translation in draft gives way to its
/// original standing in. With --drafts both are built.
#[test]
fn a_drafts_translation_is_left_out_with_it() {
    let site = bilingual()
        .file(
            "content/principles/wip.md",
            "---\ntitle: Work in progress\ndraft: true\n---\nNot yet.\n",
        )
        .file(
            "content/principles/wip.de.md",
            "---\ntitle: In Arbeit\n---\nNoch nicht.\n",
        );
    let run = site.build();
    run.success();
    assert!(!run.exists("principles/wip/index.html"));
    assert!(!run.exists("de/principles/wip/index.html"));
    assert!(!run.page("de/sitemap.xml").contains("wip"));
    // A translation still in draft: the original stands in for it, so the
    // switcher and hreflang of the original lead somewhere.
    let site = site
        .file(
            "content/principles/ready.md",
            "---\ntitle: Ready\n---\nDone.\n",
        )
        .file(
            "content/principles/ready.de.md",
            "---\ntitle: Fertig\ndraft: true\n---\nNoch nicht.\n",
        );
    let run = site.build();
    run.success();
    let stand_in = run.page("de/principles/ready/index.html");
    assert!(stand_in.contains("class=\"untranslated\""), "{stand_in}");
    assert!(!stand_in.contains("Fertig"));
    let run = site.run(&["build", "--drafts"]);
    run.success();
    assert!(
        run.page("de/principles/ready/index.html")
            .contains("Fertig")
    );
    assert!(run.exists("de/principles/wip/index.html"));
    assert!(
        run.page("de/principles/wip/index.html")
            .contains("hreflang=\"en\" href=\"/hb/principles/wip/\"")
    );
}

#[test]
fn every_page_kind_has_the_switcher_and_hreflang_alternates() {
    let run = bilingual().build();
    run.success();
    for (path, here) in [
        ("index.html", ""),
        ("principles/index.html", "principles/"),
        (
            "principles/answer-by-the-third-ring/index.html",
            "principles/answer-by-the-third-ring/",
        ),
        ("tags/index.html", "tags/"),
        ("matrix/index.html", "matrix/"),
        ("print/index.html", "print/"),
    ] {
        for (lang_root, current) in [("", "en"), ("de/", "de")] {
            let page = run.page(&format!("{lang_root}{path}"));
            assert!(
                page.contains(&format!(
                    "<link rel=\"alternate\" hreflang=\"en\" href=\"/hb/{here}\">"
                )),
                "{lang_root}{path}"
            );
            assert!(
                page.contains(&format!(
                    "<link rel=\"alternate\" hreflang=\"de\" href=\"/hb/de/{here}\">"
                )),
                "{lang_root}{path}"
            );
            assert!(
                page.contains(&format!(
                    "<a href=\"/hb/de/{here}\" hreflang=\"de\" lang=\"de\"{}>Deutsch</a>",
                    if current == "de" {
                        " aria-current=\"true\""
                    } else {
                        ""
                    }
                )),
                "{lang_root}{path}"
            );
            assert!(
                page.contains(&format!(
                    "<a href=\"/hb/{here}\" hreflang=\"en\" lang=\"en\"{}>English</a>",
                    if current == "en" {
                        " aria-current=\"true\""
                    } else {
                        ""
                    }
                )),
                "{lang_root}{path}"
            );
        }
    }
}

#[test]
fn search_is_per_language() {
    let run = bilingual().build();
    run.success();
    let dir = run.root.join("public");
    let index_holds = |folder: &str, word: &str| {
        std::fs::read_dir(dir.join(folder))
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains(word)))
    };
    assert!(
        index_holds("de/search", "ruckrufzusage"),
        "a word only in the translation (diacritics folded)"
    );
    assert!(!index_holds("search", "ruckrufzusage"));
    assert!(index_holds("search", "ringing"));
    assert!(
        !index_holds("de/search", "ringing"),
        "the translated page replaces the original"
    );
}

#[test]
fn check_warns_about_missing_translations_which_can_be_allowed() {
    // A draft, which the build leaves out, needs no translation yet.
    let site = bilingual().file(
        "content/values/later.md",
        "---\ntitle: Later\ndraft: true\n---\n",
    );
    let run = site.check();
    run.success().stderr_has(
        "content/values/patience.md:1:1: warning: no translation into `de`: the page in the default language stands in there",
    );
    assert!(!run.stderr.contains("values/later.md"), "{}", run.stderr);
    let allowed = site.file(
        "credo.yaml",
        "title: Harbour Desk\nbase_url: /hb/\nlanguages:\n  de: {name: Deutsch}\nlints: {missing-translation: allow}\n",
    );
    let run = allowed.check();
    run.success();
    assert!(!run.stderr.contains("no translation"), "{}", run.stderr);
}

#[test]
fn a_translation_for_an_unknown_language_or_without_original_is_an_error() {
    bilingual()
        .file("content/values/patience.fr.md", "# Patience\n")
        .file("content/values/gone.de.md", "# Weg\n")
        .file(
            "content/values/notes.old.md",
            "# Old notes\n\n[[patience]] [fr](patience.fr.md) [[patience.fr]]\n",
        )
        .build()
        .code(1)
        .diagnostics_are(&[
            "content/values/gone.de.md:1:1: error: translation without an original: there is no content/values/gone.md",
            "content/values/patience.fr.md:1:1: error: `fr` is not a language of this site (credo.yaml `languages:`), so this translation has no place",
        ]);
}

#[test]
fn a_right_to_left_language_is_marked_and_mirrored() {
    let run = SiteTest::fixture("languages/rtl").build();
    run.success();
    let page = run.page("ar/values/respect/index.html");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\""));
    assert!(page.contains("<title>الاحترام · ميثاق الخدمة</title>"));
    assert!(
        run.page("values/respect/index.html")
            .starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\"")
    );
}

#[test]
fn english_standing_in_on_a_right_to_left_page_is_marked_left_to_right() {
    let run = SiteTest::fixture("languages/rtl")
        .file(
            "content/values/_index.md",
            "# Values\n\nWhat we stand for.\n",
        )
        .file(
            "content/values/candour.md",
            "# Candour\n\nSay what they need to hear.\n",
        )
        .file(
            "content/start.md",
            "---\ntitle: Start here\nkind: track\nsteps: [values/respect, values/candour]\n---\n",
        )
        .build();
    run.success();
    // The track strip's English names (an untranslated track and step) too.
    let respect = run.page("ar/values/respect/index.html");
    assert!(
        respect.contains("<a href=\"/ar/start/\" lang=\"en\" dir=\"ltr\">Start here</a>"),
        "{respect}"
    );
    assert!(
        respect.contains("rel=\"next\" lang=\"en\" dir=\"ltr\">Candour →</a>"),
        "{respect}"
    );
    let page = run.page("ar/values/candour/index.html");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\""));
    assert!(
        page.contains("<div class=\"body\" lang=\"en\" dir=\"ltr\">"),
        "the English stand-in reads left to right: {page}"
    );
    assert!(
        page.contains("<h1 id=\"candour\" lang=\"en\" dir=\"ltr\">"),
        "{page}"
    );
    // The labels around its words are the reader's: the article is not marked.
    assert!(
        page.contains("data-material=\"\">\n<header class=\"page-header\">"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"untranslated\" lang=\"ar\" dir=\"rtl\">"),
        "the note about it is in the reader's language and direction"
    );
    let section = run.page("ar/values/index.html");
    assert!(section.contains("<header class=\"page-header\" lang=\"en\" dir=\"ltr\"><h1"));
    assert!(
        section.contains("<div class=\"body\" lang=\"en\" dir=\"ltr\"><p>What we stand for.</p>")
    );
    // The translated page is not marked (its sidebar's English entries are).
    let respect = run.page("ar/values/respect/index.html");
    assert!(!respect.contains("<div class=\"body\" lang="), "{respect}");
    let h1 = &respect[respect.find("<h1").unwrap()..];
    assert!(!h1[..h1.find('>').unwrap()].contains("lang="), "{respect}");
    assert!(
        respect.contains("values/candour/\" lang=\"en\" dir=\"ltr\">"),
        "{respect}"
    );
}

#[test]
fn the_sitemaps_carry_hreflang_alternates() {
    let run = bilingual().build();
    run.success();
    for sitemap in ["sitemap.xml", "de/sitemap.xml"] {
        let xml = run.page(sitemap);
        assert!(
            xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""),
            "{sitemap}"
        );
        assert!(
            xml.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"/hb/values/patience/\"/><xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"/hb/de/values/patience/\"/>"),
            "{xml}"
        );
    }
    assert!(
        run.page("de/sitemap.xml")
            .contains("<loc>/hb/de/values/patience/</loc>")
    );
}

#[test]
fn credo_new_lang_writes_a_translation_stub_beside_the_original() {
    let site = bilingual();
    let run = site.run(&["new", "value", "Patience", "--lang", "de"]);
    run.success();
    let stub = site.read("content/values/patience.de.md");
    assert_eq!(stub, site.read("content/values/patience.md"));
    let built = site.build();
    built.success();
    assert!(
        !built
            .page("de/values/patience/index.html")
            .contains("class=\"untranslated\"")
    );
    site.run(&["new", "value", "Patience", "--lang", "de"])
        .code(2);
    site.run(&["new", "value", "Patience", "--lang", "fr"])
        .code(2)
        .stderr_has("`fr` is not a language of this site");
}

#[test]
fn a_translation_older_than_a_material_change_of_its_original_is_flagged() {
    let original = "---\ntitle: Answer by the third ring\nnumber: 1\nvalues: [patience]\nchanges:\n  - {date: 2026-11-20, note: Third ring not fourth}\n  - {date: 2026-01-05, note: Typo, material: false}\n---\nPick up quickly.\n\n## Why it matters\n";
    let site = bilingual().file("content/principles/answer-by-the-third-ring.md", original);
    site.check().success().stderr_has(
        "content/principles/answer-by-the-third-ring.de.md:1:1: warning: this `de` translation is older than a material change of content/principles/answer-by-the-third-ring.md (2026-11-20: Third ring not fourth)",
    );
    let updated = site.file(
        "content/principles/answer-by-the-third-ring.de.md",
        "---\ntitle: Spätestens beim dritten Klingeln abheben\nnumber: 1\nvalues: [patience]\nchanges:\n  - {date: 2026-11-21, note: Drittes statt viertes Klingeln}\n---\nHeben Sie schnell ab.\n",
    );
    let run = updated.check();
    run.success();
    assert!(
        !run.stderr.contains("older than a material change"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_tag_only_a_translation_uses_switches_to_the_other_languages_homes() {
    let run = SiteTest::fixture("languages/browser").build();
    run.success();
    let german_only = run.page("de/tags/rückruf/index.html");
    assert!(german_only.contains(
        "<li><a href=\"/hb/\" hreflang=\"en\" lang=\"en\">English</a></li><li><a href=\"/hb/ar/\" hreflang=\"ar\" lang=\"ar\">العربية</a></li><li><a href=\"/hb/de/tags/rückruf/\" hreflang=\"de\" lang=\"de\" aria-current=\"true\">Deutsch</a></li>"
    ));
    assert!(
        german_only
            .contains("<link rel=\"alternate\" hreflang=\"de\" href=\"/hb/de/tags/rückruf/\">")
    );
    assert!(!german_only.contains("<link rel=\"alternate\" hreflang=\"en\""));
    assert!(!run.exists("tags/rückruf/index.html"));
    assert!(run.page("de/sitemap.xml").contains(
        "<url><loc>/hb/de/tags/r%C3%BCckruf/</loc><xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"/hb/de/tags/r%C3%BCckruf/\"/></url>"
    ));
    // A tag every language has keeps its place in each.
    assert!(
        run.page("de/tags/phone/index.html")
            .contains("<a href=\"/hb/tags/phone/\" hreflang=\"en\" lang=\"en\">English</a>")
    );
}

/// A translation still holding the words `credo new` wrote is warned
/// about, as an original is; a page standing in for a missing translation
/// is not warned about twice.
#[test]
fn a_translation_holding_a_placeholder_is_warned_about() {
    let run = bilingual()
        .file(
            "content/principles/greet.md",
            "---\ntitle: Greet by name\n---\nWrite here.\n",
        )
        .file(
            "content/principles/greet.de.md",
            "---\ntitle: Mit Namen grüßen\n---\nErst lesen.\n\nWrite here.\n",
        )
        .check();
    run.success();
    let placeholders: Vec<String> = (run.diagnostics().into_iter())
        .filter(|d| d.contains("placeholder"))
        .collect();
    assert_eq!(
        placeholders,
        [
            "content/principles/greet.de.md:6:1: warning: the text is still the placeholder `credo new` wrote",
            "content/principles/greet.md:4:1: warning: the text is still the placeholder `credo new` wrote",
        ]
    );
}

/// A page standing in for a missing translation is marked with its own
/// language wherever its title is listed: its cards and sidebar entries.
#[test]
fn a_stand_ins_title_is_marked_in_lists_and_the_sidebar() {
    let run = bilingual().build();
    run.success();
    let section = run.page("de/values/index.html");
    assert!(
        section.contains("<a href=\"/hb/de/values/patience/\" lang=\"en\" dir=\"ltr\">"),
        "{section}"
    );
    let page = run.page("de/values/patience/index.html");
    assert!(
        page.contains(" aria-current=\"page\" lang=\"en\" dir=\"ltr\">"),
        "{page}"
    );
    // And in the generated lists: /review/.
    let review = run.page("de/review/index.html");
    assert!(
        review.contains("<a href=\"/hb/de/values/patience/\" lang=\"en\" dir=\"ltr\">"),
        "{review}"
    );
    // A translated page's card is not marked.
    assert!(
        !run.page("de/principles/index.html")
            .contains("answer-by-the-third-ring/\" lang=")
    );
}

#[test]
fn every_language_code_that_cannot_be_a_folder_of_its_own_is_an_error_at_its_key() {
    let run = bilingual()
        .file(
            "credo.yaml",
            "title: Harbour Desk\nbase_url: /hb/\nlanguage: en\nlanguages:\n  de: {name: Deutsch}\n  \"../../escape\": {name: Evil}\n  tags: {name: Tags}\n  de/x: {name: X}\n  Deutsch: {name: D}\n  en: {name: English}\n  es: Español\n",
        )
        .build();
    run.code(1).diagnostics_are(&[
        "credo.yaml:6:3: error: `../../escape` is not a language code",
        "credo.yaml:7:3: error: `tags` cannot be a language: /tags/ is where credo writes the tag index",
        "credo.yaml:8:3: error: `de/x` is not a language code",
        "credo.yaml:9:3: error: `Deutsch` is not a language code",
        "credo.yaml:10:3: error: `en` is the default language (`language: en`), whose site is the root",
        "credo.yaml:11:3: error: `es` must be a map like `{name: Español}`",
    ])
    .stderr_has("a language code is a BCP 47 tag such as `de`, `pt-BR` or `zh-Hant`");
    // Nothing is written, above all not outside the output folder.
    assert!(!run.exists(""));
    assert!(!run.root.join("../escape").exists());
}

#[test]
fn a_language_code_is_kept_as_written() {
    let run = bilingual()
        .file(
            "credo.yaml",
            "title: Harbour Desk\nbase_url: /hb/\nlanguages:\n  de: {name: Deutsch}\n  pt-BR: {name: Português}\n  zh-Hant: {name: 中文}\n",
        )
        .build();
    run.success();
    assert!(run.exists("pt-BR/index.html") && run.exists("zh-Hant/index.html"));
}

#[test]
fn a_content_folder_named_as_a_language_is_a_duplicate_url() {
    bilingual()
        .file("content/de/principles/_index.md", "---\ntitle: Grundsätze\n---\n")
        .file("content/de/principles/listen.md", "---\ntitle: Zuhören\n---\n")
        .build()
        .code(1)
        .diagnostics_are(&[
            "content/de:1:1: error: content/de/ has the name of the language `de`, whose site credo writes at /de/: the pages of both would be written there",
        ])
        .stderr_has("rename the folder; a translation into `de` sits beside its original, named `name.de.md`");
}

#[test]
fn a_link_to_a_translation_leads_to_its_languages_page() {
    let run = bilingual()
        .file(
            "content/values/patience.md",
            "---\ntitle: Patience\nkind: value\n---\nIn [German](../principles/answer-by-the-third-ring.de.md#why-it-matters).\n",
        )
        .build();
    run.success();
    assert!(run.page("values/patience/index.html").contains(
        "<a href=\"/hb/de/principles/answer-by-the-third-ring/#why-it-matters\">German</a>"
    ));
}

#[test]
fn a_root_link_to_a_generated_page_stays_in_the_pages_language() {
    // `/tags/` from a German page is the German tags page; the theme's
    // files are shared at the root.
    let run = bilingual()
        .file(
            "content/values/patience.de.md",
            "---\ntitle: Geduld\nkind: value\n---\n[A](/tags/) [B](/handbook.json) [C](/print/index.html) [D](/style.css) [E](/highlight.css)\n",
        )
        .build();
    run.success();
    let page = run.page("de/values/patience/index.html");
    for href in [
        "/hb/de/tags/",
        "/hb/de/handbook.json",
        "/hb/de/print/",
        "/hb/style.css",
        "/hb/highlight.css",
    ] {
        assert!(page.contains(&format!("<a href=\"{href}\">")), "{href}");
    }
    assert!(run.exists("de/tags/index.html") && run.exists("de/print/index.html"));
}

#[test]
fn a_link_to_a_translations_missing_heading_is_a_broken_anchor() {
    // The translation's own headings count, not its original's.
    let site = bilingual().file(
        "content/values/patience.md",
        "---\ntitle: Patience\nkind: value\n---\nIn [German](../principles/answer-by-the-third-ring.de.md#the-third-ring).\nAt the [top](/principles/answer-by-the-third-ring.de.md#top).\n",
    );
    site.check().code(1).errors_are(&[
        "content/values/patience.md:5:4: error: link to `../principles/answer-by-the-third-ring.de.md#the-third-ring`: content/principles/answer-by-the-third-ring.de.md has no heading with id `the-third-ring`",
    ]);
    // A draft translation's page shows its original: its headings count.
    let draft = bilingual()
        .file(
            "content/principles/answer-by-the-third-ring.de.md",
            "---\ntitle: Entwurf\ndraft: true\n---\n## Nur im Entwurf\n",
        )
        .file(
            "content/values/patience.md",
            "---\ntitle: Patience\nkind: value\n---\n[a](../principles/answer-by-the-third-ring.de.md#why-it-matters) [b](../principles/answer-by-the-third-ring.de.md#nur-im-entwurf)\n",
        );
    draft.check().code(1).errors_are(&[
        "content/values/patience.md:5:66: error: link to `../principles/answer-by-the-third-ring.de.md#nur-im-entwurf`: content/principles/answer-by-the-third-ring.md has no heading with id `nur-im-entwurf`",
    ]);
    // Downgraded, the link still leads to the German page at that anchor.
    let config = site.read("credo.yaml");
    let run = site
        .file(
            "credo.yaml",
            format!("{config}lints:\n  broken-anchor: warning\n"),
        )
        .build();
    run.success();
    assert!(run.page("values/patience/index.html").contains(
        "<a href=\"/hb/de/principles/answer-by-the-third-ring/#the-third-ring\">German</a>"
    ));
}
