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
