//! Issue 25, the theme's words: every word a built-in template shows comes
//! from its strings, in the page's language (Arabic, German, English), with
//! dates written out in that language; credo.yaml and a theme override them.

use crate::harness::SiteTest;
use crate::languages::bilingual;

#[test]
fn an_arabic_page_has_the_themes_words_in_arabic() {
    let run = SiteTest::fixture("languages/browser").build();
    run.success();
    // An untranslated page stands in with the note in Arabic, marked Arabic.
    let stand_in = run.page("ar/principles/call-back-the-same-day/index.html");
    assert!(stand_in.contains(
        "<p class=\"untranslated\" lang=\"ar\" dir=\"rtl\">لم تُترجَم هذه الصفحة بعد؛ وهي معروضة بلغتها الأصلية.</p>"
    ));
    assert!(!stand_in.contains("This page is not translated yet"));
    // A translated checklist's buttons speak Arabic.
    let checklist = run.page("ar/checklists/closing-the-day/index.html");
    assert!(checklist.contains(
        "<button type=\"button\" class=\"checklist-reset\">إعادة تعيين قائمة التحقق</button>"
    ));
    assert!(!checklist.contains("Reset checklist"));
}

/// The bilingual fixture with a track, and review dates and changes on its
/// translated principle (issue 25: the theme's words and dates).
fn with_dates() -> SiteTest {
    bilingual()
        .file(
            "content/tracks/first-week.md",
            "---\ntitle: First week\nkind: track\nsteps: [principles/answer-by-the-third-ring]\n---\n",
        )
        .file(
            "content/principles/answer-by-the-third-ring.md",
            "---\ntitle: Answer by the third ring\nnumber: 1\nvalues: [patience]\nreviewed: 2026-12-04\nchanges:\n  - {date: 2026-12-01, note: Third ring not fourth}\n---\nPick up quickly.\n\n## Why it matters\n",
        )
        .file(
            "content/principles/answer-by-the-third-ring.de.md",
            "---\ntitle: Spätestens beim dritten Klingeln abheben\nnumber: 1\nvalues: [patience]\nreviewed: 2026-12-04\nchanges:\n  - {date: 2026-12-02, note: Drittes statt viertes Klingeln}\n---\nHeben Sie schnell ab.\n\n## Warum es zählt {#why-it-matters}\n",
        )
}

#[test]
fn a_german_page_has_the_themes_words_and_dates_in_german() {
    let run = with_dates().build();
    run.success();
    let page = run.page("de/principles/answer-by-the-third-ring/index.html");
    for words in [
        "<a class=\"skip-link\" href=\"#main\">Zum Inhalt springen</a>",
        "<p class=\"kind-label\">Grundsatz 1</p>",
        "<span>Schritt 1 von 1 in <a href=\"/hb/de/tracks/first-week/\" lang=\"en\" dir=\"ltr\">First week</a></span>",
        "data-step=\"principles/answer-by-the-third-ring\" hidden>Als gelesen markieren</button>",
        "<p class=\"changed\">Geändert am <time datetime=\"2026-12-02\">2. Dezember 2026</time>: Drittes statt viertes Klingeln</p>",
        "<span>Zuletzt geprüft: <time datetime=\"2026-12-04\">4. Dezember 2026</time></span>",
        "<h2 id=\"history-heading\">Verlauf</h2>",
        // The scripts' words come from the language's own file, loaded
        // before the scripts, and are not repeated in the page.
        "<script src=\"/hb/de/credo-strings.js\" defer></script>\n<script src=\"/hb/credo.js\" defer>",
    ] {
        assert!(page.contains(words), "{words}\n{page}");
    }
    assert!(!page.contains("marked_as_read"), "{page}");
    let strings = run.page("de/credo-strings.js");
    assert!(
        strings.starts_with("window.credoStrings = {")
            && strings.contains("\"marked_as_read\":\"Als gelesen markiert ✓\""),
        "{strings}"
    );
    assert!(
        run.page("credo-strings.js")
            .contains("\"marked_as_read\":\"Marked as read ✓\"")
    );
    let changes = run.page("de/changes/index.html");
    assert!(
        changes.contains("<h2 id=\"m-2026-12\">Dezember 2026</h2>"),
        "{changes}"
    );
    assert!(changes.contains("<h1>Änderungen</h1>"));
    let feed = run.page("de/changes.xml");
    assert!(
        feed.contains("<title>Harbour-Handbuch: Änderungen</title>"),
        "{feed}"
    );
    assert!(feed.contains("xml:lang=\"de\""), "{feed}");
}

#[test]
fn the_english_site_keeps_its_words_with_dates_written_out() {
    let run = with_dates().build();
    run.success();
    let page = run.page("principles/answer-by-the-third-ring/index.html");
    for words in [
        "<a class=\"skip-link\" href=\"#main\">Skip to content</a>",
        "<p class=\"kind-label\">Principle 1</p>",
        "<span>Step 1 of 1 in <a href=\"/hb/tracks/first-week/\">First week</a></span>",
        "data-step=\"principles/answer-by-the-third-ring\" hidden>Mark as read</button>",
        "<p class=\"changed\">Changed <time datetime=\"2026-12-01\">1 December 2026</time>: Third ring not fourth</p>",
        "<span>Last reviewed: <time datetime=\"2026-12-04\">4 December 2026</time></span>",
    ] {
        assert!(page.contains(words), "{words}\n{page}");
    }
    assert!(!page.contains("Grundsatz") && !page.contains("Dezember"));
}

#[test]
fn credo_yaml_and_the_theme_override_the_themes_words() {
    let run = with_dates()
        .file(
            "credo.yaml",
            "title: Harbour Desk\nbase_url: /hb/\nlanguage: en\ntheme: mine\nlanguages:\n  de: {name: Deutsch, title: \"Harbour-Handbuch\"}\nstrings:\n  de:\n    mark_as_read: Gelesen!\n  en:\n    skip_to_content: Jump to the text\n",
        )
        .file(
            "themes/mine/theme.yaml",
            "name: mine\nstrings:\n  de:\n    mark_as_read: Vom Thema\n    skip_to_content: Zum Text\n",
        )
        .build();
    run.success();
    let german = run.page("de/principles/answer-by-the-third-ring/index.html");
    assert!(
        german.contains("hidden>Gelesen!</button>"),
        "the site over the theme"
    );
    assert!(
        german.contains("href=\"#main\">Zum Text</a>"),
        "the theme over the table"
    );
    assert!(
        german.contains("<h2 id=\"history-heading\">Verlauf</h2>"),
        "the table for the rest"
    );
    let english = run.page("principles/answer-by-the-third-ring/index.html");
    assert!(english.contains("href=\"#main\">Jump to the text</a>"));
    assert!(english.contains("hidden>Mark as read</button>"));
}

#[test]
fn an_unknown_string_key_or_language_is_an_error_with_the_close_key() {
    let site = bilingual().file(
        "credo.yaml",
        "title: Harbour Desk\nbase_url: /hb/\nlanguage: en\nlanguages:\n  de: {name: Deutsch}\nstrings:\n  de:\n    mark_as_raed: Gelesen\n  fr: {menu: Menu}\n",
    );
    site.build()
        .code(1)
        .diagnostics_are(&[
            "credo.yaml:8:5: error: `strings: {de: {mark_as_raed}}`: `mark_as_raed` is not one of the theme's strings",
            "credo.yaml:9:3: error: `strings` names the language `fr`, which the site does not have",
        ])
        .stderr_has("did you mean `mark_as_read`? docs/templates.md lists every key");
    let theme = bilingual()
        .file(
            "credo.yaml",
            "title: Harbour Desk\nbase_url: /hb/\ntheme: mine\nlanguages:\n  de: {name: Deutsch}\n",
        )
        .file(
            "themes/mine/theme.yaml",
            "name: mine\nstrings:\n  de: {mark_as_read: x, menu_label: y}\n",
        );
    theme
        .build()
        .code(1)
        .diagnostics_are(&[
            "themes/mine/theme.yaml:3:25: error: `strings: {de: {menu_label}}`: `menu_label` is not one of the theme's strings",
        ]);
}

/// Removes every `open … close` span of `text` (Tera tags, HTML elements).
fn without(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find(close) {
            Some(end) => &rest[start + end + close.len()..],
            None => "",
        };
    }
    out + rest
}

/// Issue 25: no word of a built-in theme's templates is written in them; each
/// comes from `site.strings`. Text between tags and the attributes people see
/// or hear (`aria-label`, `title`, `placeholder`, `alt`, `data-label`) hold no
/// letter once Tera's `{{ }}`, `{% %}` and `{# #}` are taken out.
#[test]
fn no_template_of_the_built_in_themes_holds_a_word_of_its_own() {
    let themes = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&themes) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let source = std::fs::read_to_string(entry.path()).unwrap();
        let mut text = without(&source, "{#", "#}");
        // Class names, printed inside base.html's `class` attribute.
        text = without(&text, "{% block body_class %}", "{% endblock body_class %}");
        text = without(&text, "{{", "}}");
        text = without(&text, "{%", "%}");
        if !text.trim_start().starts_with('<') {
            // A partial of attributes (track_data.html): the inside of a tag.
            text = format!("<x {text}>");
        }
        // Code, not words.
        text = without(&text, "<script", "</script>");
        text = without(&text, "<style", "</style>");
        for attribute in [
            "aria-label=\"",
            "title=\"",
            "placeholder=\"",
            "alt=\"",
            "data-label=\"",
        ] {
            for (at, _) in text.match_indices(attribute) {
                let value = &text[at + attribute.len()..];
                let value = &value[..value.find('"').unwrap_or(value.len())];
                if value.chars().any(char::is_alphabetic) {
                    found.push(format!("{}: {attribute}{value}\"", entry.path().display()));
                }
            }
        }
        for line in without(&text, "<", ">").lines() {
            if line.chars().any(char::is_alphabetic) {
                found.push(format!("{}: {}", entry.path().display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words outside site.strings:\n{}",
        found.join("\n")
    );
}
