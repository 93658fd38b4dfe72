//! Issue 23: recorded changes (`changes:`), `/changes/` and its Atom feed,
//! acknowledgements, and `credo check --against` an earlier build.

use crate::harness::SiteTest;

fn site() -> SiteTest {
    SiteTest::empty()
        .file(
            "credo.yaml",
            "title: Desk\nbase_url: https://x.example/hb/\nacknowledge: [value]\n",
        )
        .file("content/_index.md", "---\ntitle: Home\n---\n[[gifts]] [[honesty]]\n")
        .file(
            "content/policies/gifts.md",
            "---\ntitle: Gifts\nacknowledge: true\nchanges:\n  - {date: 2026-11-02, note: Gifts over 50 EUR need approval}\n  - {date: 2026-10-15, note: Typo fixed, material: false}\n---\nBody.\n",
        )
        .file(
            "content/values/honesty.md",
            "---\ntitle: Honesty\nkind: value\nchanges:\n  - {date: 2026-11-20, note: Estimates are ranges}\n---\nBody.\n",
        )
        .file("content/values/respect.md", "---\ntitle: Respect\nkind: value\nacknowledge: false\n---\nBody.\n")
}

#[test]
fn a_page_shows_its_latest_change_and_its_history() {
    let run = site().build();
    run.success();
    let gifts = run.page("policies/gifts/index.html");
    assert!(gifts.contains("<p class=\"changed\">Changed <time datetime=\"2026-11-02\">2 November 2026</time>: Gifts over 50 EUR need approval</p>"));
    assert!(gifts.contains("<h2 id=\"history-heading\">History</h2>"));
    assert!(gifts.contains(
        "<li><time datetime=\"2026-10-15\">15 October 2026</time>: Typo fixed <em>(minor)</em></li>"
    ));
}

#[test]
fn the_changes_page_lists_every_change_newest_first_by_month() {
    let run = site().build();
    run.success();
    let page = run.page("changes/index.html");
    let order: Vec<usize> = ["2026-11-20", "2026-11-02", "2026-10-15"]
        .iter()
        .map(|d| page.find(&format!("<time datetime=\"{d}\">")).expect(d))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "newest first");
    assert!(page.contains("<h2 id=\"m-2026-11\">November 2026</h2>"));
    assert!(page.contains("<h2 id=\"m-2026-10\">October 2026</h2>"));
    assert!(page.contains(
        "<span class=\"step-kind\">value</span> <span class=\"change-section\">in Values</span>"
    ));
    assert!(
        run.page("sitemap.xml")
            .contains("<loc>https://x.example/hb/changes/</loc>")
    );
}

#[test]
fn the_feed_is_valid_atom_with_one_entry_per_change() {
    let run = site().build();
    run.success();
    let xml = run.page("changes.xml");
    let feed: atom_syndication::Feed = xml.parse().expect("a valid Atom feed");
    assert_eq!(feed.id, "https://x.example/hb/changes/");
    assert_eq!(feed.title.value, "Desk: changes");
    assert_eq!(feed.updated.to_rfc3339(), "2026-11-20T00:00:00+00:00");
    assert!(
        !feed.authors.is_empty(),
        "a feed without entry authors needs its own"
    );
    assert!(
        feed.links
            .iter()
            .any(|l| l.rel == "self" && l.href == "https://x.example/hb/changes.xml")
    );
    assert_eq!(feed.entries.len(), 3);
    let mut ids = std::collections::HashSet::new();
    for e in &feed.entries {
        assert!(ids.insert(e.id.clone()), "entry ids are unique");
        assert!(e.id.starts_with("https://x.example/hb/"));
        assert!(!e.title.value.is_empty());
        assert_eq!(e.links.len(), 1);
    }
    assert_eq!(feed.entries[0].title.value, "Honesty: Estimates are ranges");
    assert_eq!(
        feed.entries[0].links[0].href,
        "https://x.example/hb/values/honesty/"
    );
    assert_eq!(feed.lang.as_deref(), Some("en"));
    // The same input gives the same bytes (no build time in the feed).
    assert_eq!(site().build().page("changes.xml"), xml);
}

#[test]
fn a_site_at_a_path_gives_its_feed_absolute_ids_all_the_same() {
    let run = site().run(&["build", "--base-url", "/hb/"]);
    run.success();
    let feed: atom_syndication::Feed = run.page("changes.xml").parse().expect("valid Atom");
    assert_eq!(feed.id, "urn:credo:desk:/hb/changes/");
    for e in &feed.entries {
        assert!(e.id.starts_with("urn:credo:desk:/hb/"), "{}", e.id);
        assert!(e.links[0].href.starts_with("/hb/"));
    }
}

#[test]
fn acknowledgement_follows_the_page_then_the_kind() {
    let run = site().build();
    run.success();
    let button = "class=\"ack-button\"";
    assert!(
        run.page("policies/gifts/index.html").contains(button),
        "its own acknowledge: true"
    );
    assert!(
        run.page("values/honesty/index.html").contains(button),
        "acknowledge: [value]"
    );
    assert!(
        !run.page("values/respect/index.html").contains(button),
        "its own false wins"
    );
    let acks = run.page("acknowledgements/index.html");
    assert!(
        acks.contains("data-key=\"policies/gifts\"")
            && acks.contains("data-key=\"values/honesty\"")
    );
    assert!(!acks.contains("data-key=\"values/respect\""));
    // The material key names the newest material change, so a minor one
    // keeps an acknowledgement and a material one asks again.
    let gifts = run.page("policies/gifts/index.html");
    assert!(gifts.contains("data-material=\"2026-11-02~"), "{gifts}");
}

#[test]
fn future_and_unordered_changes_are_errors_at_their_line() {
    SiteTest::minimal()
        .file(
            "content/a.md",
            "---\ntitle: A\nchanges:\n  - {date: 2026-01-01, note: old}\n  - {date: 2026-02-01, note: newer}\n  - {date: 2999-01-01, note: soon}\n---\n",
        )
        .build()
        .code(1)
        .diagnostics_are(&[
            "content/a.md:5:12: error: `changes` are listed newest first, but 2026-02-01 comes after 2026-01-01",
            &format!(
                "content/a.md:6:12: error: change dated 2999-01-01 is in the future (today is {})",
                credo::site::checks::today()
            ),
        ]);
}

#[test]
fn check_against_an_old_build_finds_unrecorded_changes() {
    let old = site();
    old.build().success();
    let old_json = old.root.join("public/handbook.json");
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("published.json");
    std::fs::copy(&old_json, &saved).unwrap();
    let saved = saved.to_str().unwrap();
    // Honesty changes without a record, gifts with one; respect is removed
    // and a page is added.
    let new = old
        .file(
            "content/values/honesty.md",
            "---\ntitle: Honesty\nkind: value\nchanges:\n  - {date: 2026-11-20, note: Estimates are ranges}\n---\nBody, rewritten.\n",
        )
        .file(
            "content/policies/gifts.md",
            "---\ntitle: Gifts\nacknowledge: true\nchanges:\n  - {date: 2026-11-30, note: Hospitality counts too}\n  - {date: 2026-11-02, note: Gifts over 50 EUR need approval}\n---\nBody and hospitality.\n",
        )
        .remove("content/values/respect.md")
        .file("content/policies/travel.md", "# Travel\n");
    let run = new.run(&["check", "--against", saved]);
    run.success()
        .stderr_has("content/values/honesty.md:4:1: warning: `Honesty` changed since the old build")
        .stderr_has("added: policies/travel (content/policies/travel.md)")
        .stderr_has("removed: values/respect");
    assert!(!run.stderr.contains("`Gifts` changed"), "{}", run.stderr);
    // A CI gate: --deny-warnings fails on it.
    new.run(&["check", "--against", saved, "--deny-warnings"])
        .code(1);
    new.run(&["check", "--against", "/nonexistent/handbook.json"])
        .code(2);
    // JSON that is no handbook.json would pass as "every page added".
    for other in ["[]", "{\"schema\": \"x\"}"] {
        std::fs::write(dir.path().join("other.json"), other).unwrap();
        let other = dir.path().join("other.json");
        new.run(&["check", "--against", other.to_str().unwrap()])
            .code(2)
            .stderr_has("is not a handbook.json of credo");
    }
}
