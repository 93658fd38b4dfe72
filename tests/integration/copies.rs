//! Issue 20 (two new outputs from the table) and issue 23 (versions):
//! `llms.txt`, a Markdown copy beside every page, and each page's
//! `version` in its HTML, its copy and handbook.json.

use crate::harness::SiteTest;

fn site() -> SiteTest {
    SiteTest::empty()
        .file(
            "credo.yaml",
            "title: Harbour Desk\ndescription: How we answer the phone.\nbase_url: https://x.example/hb/\n",
        )
        .file("content/_index.md", "---\ntitle: Home\n---\nStart with [[calls/pick-up]].\n")
        .file(
            "content/calls/pick-up.md",
            "---\ntitle: \"Pick up: by the third ring\"\nsummary: Never let it ring four times.\n---\nSee [[answer|the greeting]], [notes](answer.md#notes), ![ring](ring.svg) and [out](https://example.org).\n",
        )
        .file("content/calls/answer.md", "# Answer with your name\n\n## Notes\n\nSay it slowly.\n")
        .file("content/calls/ring.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
}

#[test]
fn llms_txt_lists_every_page_by_section_with_its_summary() {
    let run = site().build();
    run.success();
    assert_eq!(
        run.page("llms.txt"),
        "# Harbour Desk\n\n> How we answer the phone.\n\n\
         Every page below links to its Markdown copy; the HTML page is the same address without `index.md`. https://x.example/hb/handbook.json holds every page's data.\n\n\
         ## Home\n\n\
         - [Home](https://x.example/hb/index.md)\n\n\
         ## Calls\n\n\
         - [Answer with your name](https://x.example/hb/calls/answer/index.md)\n\
         - [Pick up: by the third ring](https://x.example/hb/calls/pick-up/index.md): Never let it ring four times.\n"
    );
}

#[test]
fn a_folder_page_is_listed_and_described_like_a_page() {
    let site = site().file(
        "content/calls/README.md",
        "# Calls\n\nHow we take calls. See [[answer]].\n",
    );
    let run = site.build();
    run.success();
    let llms = run.page("llms.txt");
    assert!(
        llms.contains("## Calls\n\n- [Calls](https://x.example/hb/calls/index.md)\n- [Answer"),
        "{llms}"
    );
    let json: serde_json::Value = serde_json::from_str(&run.page("handbook.json")).unwrap();
    let calls = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "calls/_index")
        .unwrap();
    let version = credo::load::version_of(&site.read("content/calls/README.md"));
    assert_eq!(calls["version"], version.as_str());
    assert_eq!(calls["file"], "content/calls/README.md");
    assert_eq!(calls["markdown"], "/hb/calls/index.md");
    assert_eq!(
        calls["text"],
        "How we take calls. See Answer with your name."
    );
    assert_eq!(calls["links_out"], serde_json::json!(["/hb/calls/answer/"]));
    assert_eq!(
        json["sections"][0]["subsections"],
        serde_json::json!(["/hb/calls/"])
    );
    assert_eq!(
        json["sections"][0]["links_out"],
        serde_json::json!(["/hb/calls/pick-up/"])
    );
    // A folder without a page of its own has no copy to point at.
    let run = site.remove("content/calls/README.md").build();
    run.success();
    let json: serde_json::Value = serde_json::from_str(&run.page("handbook.json")).unwrap();
    let calls = &json["sections"][1];
    assert_eq!(calls["url"], "/hb/calls/");
    assert!(calls["markdown"].is_null() && calls["version"].is_null());
    assert!(!run.exists("calls/index.md"));
}

#[test]
fn a_markdown_copy_sits_beside_each_page_with_absolute_links() {
    let site = site();
    let run = site.build();
    run.success();
    let version = credo::load::version_of(&site.read("content/calls/pick-up.md"));
    assert_eq!(
        run.page("calls/pick-up/index.md"),
        format!(
            "---\ntitle: \"Pick up: by the third ring\"\nsummary: Never let it ring four times.\n\
             url: https://x.example/hb/calls/pick-up/\nversion: {version}\n---\n\
             See [the greeting](<https://x.example/hb/calls/answer/>), \
             [notes](<https://x.example/hb/calls/answer/#notes>), \
             ![ring](<https://x.example/hb/calls/ring.svg>) and [out](https://example.org).\n"
        )
    );
    // A page titled by its heading gets the title in its front matter; the
    // heading stays in the body as written.
    let answer = run.page("calls/answer/index.md");
    assert!(
        answer.starts_with(
            "---\ntitle: \"Answer with your name\"\nurl: https://x.example/hb/calls/answer/\n"
        ),
        "{answer}"
    );
    assert!(answer.ends_with("---\n# Answer with your name\n\n## Notes\n\nSay it slowly.\n"));
    assert!(run.exists("index.md"), "the home page has one too");
}

/// The front matter of a Markdown copy, parsed: a repeated key is an error.
fn copy_front_matter(copy: &str) -> serde_yaml::Mapping {
    let block = copy
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map(|(block, _)| block)
        .unwrap_or_else(|| panic!("no front matter in {copy}"));
    serde_yaml::from_str(block).unwrap_or_else(|e| panic!("{e} in {copy}"))
}

#[test]
fn a_copy_has_one_title_whatever_the_style_of_the_front_matter() {
    let run = site()
        .file(
            "content/calls/quoted.md",
            "---\n\"title\": Quoted key\n---\nBody.\n",
        )
        .file(
            "content/calls/flow.md",
            "---\n{title: Flow, summary: s}\n---\nBody.\n",
        )
        .file(
            "content/calls/flow-untitled.md",
            "---\n{summary: s}\n---\n# From the heading\n",
        )
        .build();
    run.success();
    for (page, title) in [
        ("quoted", "Quoted key"),
        ("flow", "Flow"),
        ("flow-untitled", "From the heading"),
        ("answer", "Answer with your name"),
        ("pick-up", "Pick up: by the third ring"),
    ] {
        let copy = run.page(&format!("calls/{page}/index.md"));
        let map = copy_front_matter(&copy);
        assert_eq!(
            map.get("title").and_then(|t| t.as_str()),
            Some(title),
            "{copy}"
        );
        assert_eq!(
            map.get("url").and_then(|u| u.as_str()),
            Some(format!("https://x.example/hb/calls/{page}/").as_str()),
            "{copy}"
        );
    }
    // A quoted key is kept as written, not given a second title above it.
    let quoted = run.page("calls/quoted/index.md");
    assert!(
        quoted.starts_with("---\n\"title\": Quoted key\nurl: "),
        "{quoted}"
    );
    let flow = copy_front_matter(&run.page("calls/flow/index.md"));
    assert_eq!(flow.get("summary").and_then(|s| s.as_str()), Some("s"));
}

#[test]
fn each_page_carries_its_version_and_it_follows_the_source() {
    let site = site();
    let run = site.build();
    run.success();
    let version = credo::load::version_of(&site.read("content/calls/pick-up.md"));
    assert_eq!(version.len(), 12);
    assert!(
        run.page("calls/pick-up/index.html")
            .contains(&format!("data-version=\"{version}\""))
    );
    let json: serde_json::Value = serde_json::from_str(&run.page("handbook.json")).unwrap();
    let page = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "calls/pick-up")
        .unwrap();
    assert_eq!(page["version"], version.as_str());
    assert_eq!(page["markdown"], "/hb/calls/pick-up/index.md");
    // One byte of the body changes the version; the same text gives the same.
    let edited = site.file(
        "content/calls/pick-up.md",
        "---\ntitle: \"Pick up: by the third ring\"\nsummary: Never let it ring four times.\n---\nSee [[answer|the greeting]], [notes](answer.md#notes), ![ring](ring.svg) and [out](https://example.org)!\n",
    );
    let again = edited.build();
    again.success();
    let new = credo::load::version_of(&edited.read("content/calls/pick-up.md"));
    assert_ne!(new, version);
    assert!(
        again
            .page("calls/pick-up/index.html")
            .contains(&format!("data-version=\"{new}\""))
    );
}

#[test]
fn a_static_file_cannot_take_the_place_of_llms_txt_or_a_copy() {
    SiteTest::minimal()
        .file("static/llms.txt", "mine")
        .file("static/a/index.md", "mine too")
        .file("content/a.md", "# A\n")
        .build()
        .code(1)
        .diagnostics_are(&[
            "static/a/index.md:1:1: error: this static file and a page credo generates both write /a/index.md",
            "static/llms.txt:1:1: error: this static file and a page credo generates both write /llms.txt",
        ]);
}
