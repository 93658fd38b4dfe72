//! `credo init` and `credo new`.

use crate::harness::SiteTest;

#[test]
fn init_writes_a_site_that_builds_without_warnings() {
    let site = SiteTest::empty();
    site.run(&["init", "new-site"]).success();
    let run = site.run(&["check", "-r", "new-site", "--deny-warnings"]);
    run.success();
    site.run(&["build", "-r", "new-site"]).success();
    assert!(
        site.root
            .join("new-site/public/principles/answer-within-a-day/index.html")
            .exists()
    );
}

#[test]
fn init_refuses_a_non_empty_folder() {
    let site = SiteTest::minimal();
    site.run(&["init", "."]).code(2);
}

#[test]
fn new_puts_a_page_in_the_section_of_its_kind() {
    let site = SiteTest::empty();
    site.run(&["init", "s"]).success();
    let run = site.run(&["new", "principle", "Return overpayments unasked", "-r", "s"]);
    run.success();
    let text = site.read("s/content/principles/return-overpayments-unasked.md");
    assert!(
        text.starts_with("---\ntitle: \"Return overpayments unasked\"\nnumber: 2\n"),
        "{text}"
    );
    site.run(&["new", "scenario", "A late invoice", "-r", "s"])
        .success();
    assert!(
        site.read("s/content/scenarios/a-late-invoice.md")
            .contains("principles: []")
    );
    site.run(&["new", "value", "Respect", "-r", "s"]).success();
    assert!(
        site.read("s/content/values/respect.md")
            .contains("kind: value")
    );
    site.run(&["new", "principle", "Return overpayments unasked", "-r", "s"])
        .code(2);
    site.run(&["new", "nonsense", "X", "-r", "s"]).code(2);
    site.run(&["check", "-r", "s"]).success();
}
