//! credo.yaml's errors: each at its key, every one of them in a run, and
//! with the content's errors when a configuration can still be read.

use crate::harness::SiteTest;

#[test]
fn config_errors_name_credo_yaml() {
    let run = SiteTest::minimal()
        .file("credo.yaml", "title: T\nbase_ulr: /x/\n")
        .build();
    run.code(1)
        .diagnostics_are(&["credo.yaml:2:1: error: unknown key `base_ulr` in credo.yaml"]);
    run.stderr_has("did you mean `base_url`?");
}

#[test]
fn every_error_of_credo_yaml_is_reported() {
    SiteTest::minimal()
        .file(
            "credo.yaml",
            "title: T\nreview_after_days: soon\nserach: false\nlanguage: [en]\n",
        )
        .check()
        .code(1)
        .diagnostics_are(&[
            "credo.yaml:2:20: error: review_after_days: expected a whole number, found the text \"soon\"",
            "credo.yaml:3:1: error: unknown key `serach` in credo.yaml",
            "credo.yaml:4:11: error: language: expected text, found a list",
        ]);
}

#[test]
fn a_base_url_that_is_neither_url_nor_path_is_refused() {
    let site = SiteTest::minimal().file("credo.yaml", "title: T\nbase_url: not a url\n");
    site.check().code(1).diagnostics_are(&[
        "credo.yaml:2:1: error: `base_url` must be a URL such as `https://x.example/handbook/` or a path such as `/handbook/`, not `not a url`",
    ]);
    let site = site.file("credo.yaml", "title: T\nbase_url: https://x.example/hb\n");
    site.build().success();
    let run = site.run(&["build", "--base-url", "no such"]);
    run.code(2);
    run.stderr_has("--base-url must be a URL");
}

#[test]
fn a_typo_in_credo_yaml_is_reported_with_the_contents_errors() {
    let site = SiteTest::minimal()
        .file("credo.yaml", "title: T\ndescripton: x\nbase_url: /\n")
        .file("content/p.md", "---\ntitle: P\n---\n[x](nope.md)\n");
    let expected = [
        "content/p.md:4:1: error: link to `nope.md`: there is no content/nope.md",
        "credo.yaml:2:1: error: unknown key `descripton` in credo.yaml",
    ];
    site.check().code(1).diagnostics_are(&expected);
    site.build().code(1).diagnostics_are(&expected);
    assert!(!site.root.join("public").exists());
    // So are a `base_url` that is no URL and a `lints:` code that is none
    // (SPEC §6: all errors of a run at once); they hid the content's.
    let site = site.file(
        "credo.yaml",
        "title: T\nbase_url: nope\nlints: {orphan: allow}\n",
    );
    let expected = [
        "content/p.md:4:1: error: link to `nope.md`: there is no content/nope.md",
        "credo.yaml:2:1: error: `base_url` must be a URL such as `https://x.example/handbook/` or a path such as `/handbook/`, not `nope`",
        "credo.yaml:3:9: error: `lints` names `orphan`, which is not a diagnostic code",
    ];
    site.check().code(1).diagnostics_are(&expected);
    site.build().code(1).diagnostics_are(&expected);
    assert!(!site.root.join("public").exists());
    // YAML credo cannot read still stops the run at credo.yaml.
    let run = site.file("credo.yaml", "title: [T\n").check();
    run.code(1);
    assert_eq!(run.diagnostics().len(), 1, "{}", run.stderr);
}

/// A value of the wrong type (left at its default) is reported with the
/// content's errors too; one under `languages:` or `lints:`, which say how
/// every page is read and reported, still stops the run at credo.yaml.
#[test]
fn a_value_of_the_wrong_type_is_reported_with_the_contents_errors() {
    let site = SiteTest::minimal()
        .file(
            "credo.yaml",
            "title: T\nreview_after_days: soon\nsections: guides\n",
        )
        .file("content/p.md", "---\ntitle: P\n---\n[[nope]]\n");
    let expected = [
        "content/p.md:4:1: error: unresolved ref `nope`: no page has that path or name",
        "credo.yaml:2:20: error: review_after_days: expected a whole number, found the text \"soon\"",
        "credo.yaml:3:11: error: sections: expected a list, found the text \"guides\"",
    ];
    site.check().code(1).diagnostics_are(&expected);
    site.build().code(1).diagnostics_are(&expected);
    assert!(!site.root.join("public").exists());
    for stops in ["languages: {de: Deutsch}\n", "lints: [orphan-page]\n"] {
        let run = SiteTest::minimal()
            .file("credo.yaml", format!("title: T\n{stops}"))
            .file("content/p.md", "---\ntitle: P\n---\n[[nope]]\n")
            .check();
        run.code(1);
        assert_eq!(run.diagnostics().len(), 1, "{}", run.stderr);
        assert!(
            run.diagnostics()[0].starts_with("credo.yaml:2:"),
            "{}",
            run.stderr
        );
    }
}
