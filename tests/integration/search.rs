//! The written search index, queried from disk the way search.js does.

use crate::harness::SiteTest;

fn query(root: &std::path::Path, q: &str) -> Vec<String> {
    let public = root.join("public");
    let fetch = |path: &str| std::fs::read_to_string(public.join(path)).ok();
    let found = credo::search::query::search(&fetch, q);
    found
        .hits
        .iter()
        .map(|hit| {
            let row: serde_json::Value =
                serde_json::from_str(&fetch(&format!("search/d{}.json", hit.doc)).unwrap())
                    .unwrap();
            row[2].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn the_built_index_answers_queries() {
    let site = SiteTest::fixture("build/full");
    site.build().success();
    assert_eq!(query(&site.root, "late")[0], "Late for a meeting");
    assert_eq!(query(&site.root, "HONEST")[0], "Honesty");
    assert_eq!(
        query(&site.root, "waiting never")[0],
        "Never keep a client waiting"
    );
    // Kind counts as a word.
    assert_eq!(query(&site.root, "scenario train"), ["Late for a meeting"]);
    // Drafts are not indexed.
    assert!(query(&site.root, "draft").is_empty());
    let docs: String = (0..4)
        .map(|i| {
            std::fs::read_to_string(site.root.join(format!("public/search/d{i}.json"))).unwrap()
        })
        .collect();
    assert!(docs.contains("\"principles/arrive-early/\""));
    // Word forms and typos, in a real build.
    assert_eq!(
        query(&site.root, "waited")[0],
        "Never keep a client waiting"
    );
    assert_eq!(
        query(&site.root, "waitng")[0],
        "Never keep a client waiting"
    );
}

#[test]
fn search_can_be_turned_off() {
    let run = SiteTest::minimal()
        .file("credo.yaml", "title: T\nsearch: false\n")
        .build();
    run.success();
    assert!(!run.exists("search/manifest.json"));
    assert!(!run.exists("search/index.html"));
    assert!(!run.page("index.html").contains("search.js"));
}

/// What a page shows from its front matter is found as its body is: a
/// checklist's items, details and groups, under the checklist's heading,
/// and an attitude's two columns; a table's cells stay apart.
#[test]
fn checklist_items_contrast_points_and_table_cells_are_searched() {
    let site = SiteTest::minimal()
        .file(
            "content/checklists/before-a-meeting.md",
            "---\ntitle: Before a meeting\nkind: checklist\nchecklist:\n  - Read the last three emails\n  - {text: Check the contract, detail: Especially the renewal clause}\n  - group: On the day\n    items:\n      - Bring a printed agenda\n---\nA short intro.\n\n| Rule | Why |\n|---|---|\n| Be punctual | Respect |\n",
        )
        .file(
            "content/attitude/service.md",
            "---\ntitle: Service over sales\nkind: attitude\ncontrast:\n  left: {title: Service, points: [Listens first]}\n  right: {title: Sales, points: [Pushes the quarterly bundle]}\n---\nWhy it matters.\n",
        );
    let run = site.build();
    run.success();
    for (q, title) in [
        ("agenda", "Before a meeting"),
        ("renewal clause", "Before a meeting"),
        ("quarterly bundle", "Service over sales"),
        ("punctual", "Before a meeting"),
    ] {
        assert_eq!(query(&site.root, q), [title], "{q}");
    }
    let public = site.root.join("public");
    let fetch = |path: &str| std::fs::read_to_string(public.join(path)).ok();
    let found = credo::search::query::search(&fetch, "agenda");
    let shown = credo::search::show::show(&fetch, &found, found.hits[0].doc).unwrap();
    assert_eq!(shown.url, "checklists/before-a-meeting/#checklist-heading");
    assert_eq!(shown.heading.as_deref(), Some("Checklist"));
    let page = run.page("checklists/before-a-meeting/index.html");
    assert!(page.contains("id=\"checklist-heading\">Checklist</h2>"));
    let handbook = run.page("handbook.json");
    assert!(
        handbook.contains("Rule Why Be punctual Respect"),
        "{handbook}"
    );
}
