//! The playbook model: kinds, the cross-link graph, ordering and every
//! generated page, on the `model/site` fixture.

use crate::harness::{Run, SiteTest};

fn built() -> (SiteTest, Run) {
    let site = SiteTest::fixture("model/site");
    let run = site.build();
    run.success();
    (site, run)
}

/// The `<main>` element of a page, blank lines dropped, for snapshots.
fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    html[start..end]
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let s = html
        .find(start)
        .unwrap_or_else(|| panic!("{start} not in page"));
    let rest = &html[s..];
    &rest[..rest.find(end).map_or(rest.len(), |e| e + end.len())]
}

fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap_or(0)].to_string())
        .collect()
}

#[test]
fn principle_lists_the_scenarios_that_apply_it() {
    let (_site, run) = built();
    let listen = run.page("principles/listen/index.html");
    let applied = between(
        &listen,
        "<section class=\"relation applied-by\">",
        "</section>",
    );
    // Named in `principles:` (late-train) or linked from the body (angry-client);
    // a principle linking to it is not a scenario.
    assert_eq!(
        hrefs(applied),
        ["/scenarios/angry-client/", "/scenarios/late-train/"]
    );
    assert!(applied.contains("<p>A client is upset.</p>"));
}

#[test]
fn value_lists_the_principles_and_scenarios_that_express_it() {
    let (_site, run) = built();
    let respect = run.page("values/respect/index.html");
    let expressed = between(
        &respect,
        "<section class=\"relation expressed-by\">",
        "</section>",
    );
    assert_eq!(
        hrefs(expressed),
        [
            "/principles/be-on-time/",
            "/principles/listen/",
            "/scenarios/late-train/"
        ]
    );
}

#[test]
fn scenario_shows_principle_cards_and_related_both_ways() {
    let (_site, run) = built();
    let late = run.page("scenarios/late-train/index.html");
    let applied = between(
        &late,
        "<section class=\"relation principles-applied\">",
        "</section>",
    );
    assert!(applied.contains("<a href=\"/principles/be-on-time/\"><span class=\"num\">1.</span> <span class=\"card-title\">Be on time</span></a>"));
    assert!(applied.contains("<p>Never keep a client waiting.</p>"));
    // angry-client names late-train in `related`; late-train shows it too.
    let see_also = between(&late, "<h2>See also</h2>", "</section>");
    assert_eq!(hrefs(see_also), ["/scenarios/angry-client/"]);
}

#[test]
fn sections_follow_sort_by_and_the_home_follows_credo_yaml() {
    let (_site, run) = built();
    let principles = run.page("principles/index.html");
    assert_eq!(
        hrefs(between(&principles, "<ul class=\"cards\">", "</ul>")),
        [
            "/principles/be-on-time/",
            "/principles/listen/",
            "/principles/part-well/"
        ]
    );
    let scenarios = run.page("scenarios/index.html");
    assert_eq!(
        hrefs(between(&scenarios, "<ul class=\"cards\">", "</ul>")),
        ["/scenarios/angry-client/", "/scenarios/late-train/"]
    );
    let home = run.page("index.html");
    let sections = between(&home, "<h2 id=\"sections-heading\">", "</section>");
    assert_eq!(
        hrefs(sections),
        [
            "/scenarios/",
            "/principles/",
            "/values/",
            "/tracks/",
            "/guides/",
            "/empty/"
        ]
    );
    // Previous / next within the section.
    let listen = run.page("principles/listen/index.html");
    let nav = between(&listen, "<nav class=\"prev-next\"", "</nav>");
    assert_eq!(
        hrefs(nav),
        ["/principles/be-on-time/", "/principles/part-well/"]
    );
}

#[test]
fn tracks_list_steps_and_steps_show_their_track() {
    let (_site, run) = built();
    let track = run.page("tracks/onboarding/index.html");
    let steps = between(&track, "<ol class=\"steps\">", "</ol>");
    // The draft step is left out.
    assert_eq!(
        hrefs(steps),
        [
            "/principles/be-on-time/",
            "/scenarios/angry-client/",
            "/values/respect/"
        ]
    );
    assert!(steps.contains("<p class=\"note\">Read after the principle</p>"));
    assert!(steps.contains("data-checklist-ids=\"leave-early\""));
    let angry = run.page("scenarios/angry-client/index.html");
    let strip = between(&angry, "<nav class=\"track-strip\"", "</nav>");
    assert!(strip.contains("Step 2 of 3 in <a href=\"/tracks/onboarding/\">Onboarding</a>"));
    assert_eq!(
        hrefs(strip),
        [
            "/tracks/onboarding/",
            "/principles/be-on-time/",
            "/values/respect/"
        ]
    );
    // The home page lists the tracks.
    assert!(
        run.page("index.html")
            .contains("data-track-summary=\"tracks/onboarding\"")
    );
}

#[test]
fn matrix_cells_and_unapplied_principles() {
    let (_site, run) = built();
    let matrix = run.page("matrix/index.html");
    let head = between(&matrix, "<thead>", "</thead>");
    assert_eq!(
        hrefs(head),
        [
            "/principles/be-on-time/",
            "/principles/listen/",
            "/principles/part-well/"
        ]
    );
    assert!(
        head.contains("<th scope=\"col\" class=\"unapplied\"><a href=\"/principles/part-well/\"")
    );
    let rows: Vec<&str> = between(&matrix, "<tbody>", "</tbody>")
        .split("<tr>")
        .skip(1)
        .collect();
    assert_eq!(rows.len(), 2);
    let cells = |row: &str| -> Vec<bool> {
        row.split("<td class=\"")
            .skip(1)
            .map(|c| c.starts_with("applies"))
            .collect()
    };
    assert!(rows[0].contains("/scenarios/angry-client/"));
    assert_eq!(cells(rows[0]), [false, true, false]);
    assert_eq!(cells(rows[1]), [true, true, false]);
}

/// Every `id` of `html` is there once.
fn assert_ids_unique(html: &str) {
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap_or(0)])
        .collect();
    ids.sort_unstable();
    let repeated: Vec<&&str> = ids
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| &w[0])
        .collect();
    assert!(repeated.is_empty(), "ids written twice: {repeated:?}");
}

#[test]
fn an_id_written_in_raw_html_is_not_taken_again_by_a_heading() {
    // READMEs put `<a id="x"></a>` above `## X`: the link `#x` lands there.
    let run = SiteTest::minimal()
        .file(
            "content/ids.md",
            "# Ids\n\n[Jump](#installation)\n\n<a id=\"installation\"></a>\n\n## Installation\n\nSteps.\n",
        )
        .build();
    run.success();
    let page = run.page("ids/index.html");
    assert_ids_unique(&page);
    assert!(page.contains("<h2 id=\"installation-1\">"), "{page}");
    assert_ids_unique(&run.page("print/index.html"));
}

#[test]
fn a_headings_own_id_taken_already_is_a_warning_at_the_heading() {
    let site = SiteTest::minimal().file(
        "content/_index.md",
        "---\ntitle: Home\n---\n<a id=\"setup\"></a>\n\n## Setup {#setup}\n\n## Again {#again}\n\n## Other {#again}\n",
    );
    site.check().success().diagnostics_are(&[
        "content/_index.md:6:1: warning: this heading's id `setup` is taken on the page already: it is `setup-1`",
        "content/_index.md:10:1: warning: this heading's id `again` is taken on the page already: it is `again-1`",
    ]);
    let run = site.build();
    run.success();
    let home = run.page("index.html");
    assert_ids_unique(&home);
    assert!(home.contains("<h2 id=\"again-1\">Other</h2>"), "{home}");
}

#[test]
fn an_id_of_the_layout_written_in_raw_html_is_a_warning_at_its_place() {
    // The skip link leads to `#main`: a body's own `main` would take it.
    SiteTest::minimal()
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\nText.\n\n<div ID=\"main\">m</div>\n\n<a name=\"sidebar\"></a> <span data-grid=\"sidebar\">s</span>\n",
        )
        .check()
        .success()
        .diagnostics_are(&[
            "content/_index.md:6:6: warning: the id `main` is one the theme's layout uses: the page would have two elements with it",
        ])
        .stderr_has("= help: rename the id");
}

#[test]
fn print_entries_whose_keys_slug_alike_get_ids_of_their_own() {
    let run = SiteTest::minimal()
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[a](team/onboarding.md) [b](team-onboarding.md)\n",
        )
        .file("content/team/onboarding.md", "# A\n\n## Intro\n")
        .file("content/team-onboarding.md", "# B\n\n## Intro\n")
        .build();
    run.success();
    let print = run.page("print/index.html");
    assert_ids_unique(&print);
    // Each link leads to its own entry, and each entry's headings are its own.
    let entry = |title: &str| {
        let at = print.find(&format!(">{title}</h")).unwrap();
        let start = print[..at].rfind("<section id=\"").unwrap() + 13;
        print[start..start + print[start..].find('"').unwrap()].to_string()
    };
    let (a, b) = (entry("A"), entry("B"));
    assert_ne!(a, b);
    assert!(
        print.contains(&format!("<a href=\"#{a}\">a</a>")),
        "{print}"
    );
    assert!(print.contains(&format!("<a href=\"#{b}\">b</a>")));
    assert!(print.contains(&format!("id=\"{a}--intro\"")));
    assert!(print.contains(&format!("id=\"{b}--intro\"")));
}

#[test]
fn print_page_holds_everything_in_reading_order() {
    let (_site, run) = built();
    let print = run.page("print/index.html");
    let ids: Vec<&str> = print
        .split("<section id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap_or(0)])
        .collect();
    assert_eq!(
        ids,
        [
            "p-index",
            "p-scenarios-index",
            "p-scenarios-angry-client",
            "p-scenarios-late-train",
            "p-principles-index",
            "p-principles-be-on-time",
            "p-principles-listen",
            "p-principles-part-well",
            "p-values-index",
            "p-values-respect",
            "p-tracks-index",
            "p-tracks-onboarding",
            "p-guides-index",
            "p-guides-intro",
            "p-guides-lonely",
            "p-empty-index",
        ]
    );
    // Internal links become in-page anchors; heading ids are prefixed.
    assert!(print.contains("<a href=\"#p-principles-listen--why\">Listen first</a>"));
    assert!(print.contains("<h2 id=\"p-principles-listen--why\">Why</h2>"));
    assert!(print.contains("<span class=\"box\" aria-hidden=\"true\">☐</span> Leave early"));
    assert_ids_unique(&print);
}

#[test]
fn handbook_json_holds_the_graph() {
    let (_site, run) = built();
    let doc: serde_json::Value = serde_json::from_str(&run.page("handbook.json")).unwrap();
    let pages = doc["pages"].as_array().unwrap();
    let listen = pages
        .iter()
        .find(|p| p["key"] == "principles/listen")
        .unwrap();
    assert_eq!(listen["kind"], "principle");
    assert_eq!(listen["draft"], false);
    assert_eq!(listen["number"], 2);
    assert_eq!(listen["summary"], "Understand before you answer.");
    assert_eq!(listen["links_out"], serde_json::json!(["/values/respect/"]));
    assert_eq!(
        listen["links_in"],
        serde_json::json!([
            "/principles/part-well/",
            "/scenarios/angry-client/",
            "/scenarios/late-train/"
        ])
    );
    let late = pages
        .iter()
        .find(|p| p["key"] == "scenarios/late-train")
        .unwrap();
    assert_eq!(late["tags"], serde_json::json!(["time", "travel"]));
    assert_eq!(
        late["principles"],
        serde_json::json!(["/principles/be-on-time/", "/principles/listen/"])
    );
    let on_time = pages
        .iter()
        .find(|p| p["key"] == "principles/be-on-time")
        .unwrap();
    assert_eq!(
        on_time["checklist"],
        serde_json::json!([{"group": null, "items": [{"text": "Leave early", "detail": null, "id": "leave-early"}]}])
    );
    assert_eq!(doc["schema"], "credo-handbook/1");
}

#[test]
fn tags_pages_and_index() {
    let (_site, run) = built();
    let index = run.page("tags/index.html");
    assert!(
        index.contains(
            "<a href=\"/tags/time/\" rel=\"tag\">time</a> <span class=\"count\">(2)</span>"
        )
    );
    let time = run.page("tags/time/index.html");
    assert_eq!(
        hrefs(between(&time, "<ul class=\"cards\">", "</ul>")),
        ["/scenarios/angry-client/", "/scenarios/late-train/"]
    );
    assert!(
        run.page("sitemap.xml")
            .contains("<loc>https://m.example/tags/travel/</loc>")
    );
}

#[test]
fn review_page_lists_oldest_first() {
    let (_site, run) = built();
    let review = run.page("review/index.html");
    let rows: Vec<&str> = review.split("<tr><td>").skip(1).collect();
    // Never reviewed first (in reading order), then the oldest review.
    assert!(rows.last().unwrap().contains("/principles/listen/"));
    assert!(
        rows.last()
            .unwrap()
            .contains("<time datetime=\"2020-01-01\">1 January 2020</time>")
    );
    assert!(review.contains("data-review-after=\"30\""));
}

#[test]
fn check_reports_every_warning() {
    let site = SiteTest::fixture("model/site");
    let run = site.check();
    run.success();
    let d = run.diagnostics();
    assert_eq!(d.len(), 7, "{}", run.stderr);
    assert_eq!(
        d[0],
        "content/empty/_index.md:1:1: warning: section `Empty` has no pages"
    );
    assert_eq!(
        d[1],
        "content/guides/intro.md:2:1: warning: page has no `owner`, and credo.yaml sets `require_owner: true`"
    );
    assert_eq!(
        d[2],
        "content/guides/lonely.md:2:1: warning: nothing links to `Lonely`"
    );
    assert!(
        d[3].starts_with("content/principles/listen.md:7:1: warning: last reviewed 2020-01-01, "),
        "{}",
        d[3]
    );
    assert!(
        d[3].ends_with(" days ago (owner: Team A); review_after_days is 30"),
        "{}",
        d[3]
    );
    assert_eq!(
        d[4],
        "content/principles/part-well.md:2:1: warning: no scenario applies principle `Part well`"
    );
    assert_eq!(
        d[5],
        "content/principles/part-well.md:2:1: warning: nothing links to `Part well`"
    );
    assert_eq!(
        d[6],
        "content/tracks/onboarding.md:8:5: warning: track step `unfinished` is a draft; readers will not see it"
    );
    // --deny-warnings turns them into errors.
    site.run(&["check", "--deny-warnings"]).code(1);
    let json = site.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 7);
    assert_eq!(v[6]["severity"], "warning");
    assert_eq!(v[6]["code"], "draft-step");
}

#[test]
fn owner_and_review_date_show_on_pages() {
    let (_site, run) = built();
    let listen = run.page("principles/listen/index.html");
    assert!(listen.contains("<span>Owner: Team A</span>"));
    assert!(listen.contains(
        "<span>Last reviewed: <time datetime=\"2020-01-01\">1 January 2020</time></span>"
    ));
}

#[test]
fn one_page_of_each_kind_snapshot() {
    let site = SiteTest::fixture("build/full");
    let run = site.build();
    run.success();
    for (name, path) in [
        ("principle", "principles/arrive-early/index.html"),
        ("value", "values/honesty/index.html"),
        ("scenario", "scenarios/late-for-a-meeting/index.html"),
        ("attitude", "attitude/service-vs-sales/index.html"),
        ("track", "tracks/new-starter/index.html"),
        ("section", "principles/index.html"),
        ("home", "index.html"),
    ] {
        insta::assert_snapshot!(name, main_of(&run.page(path)));
    }
}

#[test]
fn a_huge_matrix_becomes_a_list() {
    let mut site = SiteTest::minimal().file(
        "content/p/_index.md",
        "---\ntitle: P\npage_kind: principle\n---\n",
    );
    for i in 0..230 {
        site = site
            .file(
                &format!("content/p/p{i}.md"),
                format!("---\ntitle: P{i}\nnumber: {i}\n---\n"),
            )
            .file(
                &format!("content/s/s{i}.md"),
                format!("---\ntitle: S{i}\nkind: scenario\nprinciples: [p{i}]\n---\n"),
            );
    }
    let run = site.build();
    run.success();
    let matrix = run.page("matrix/index.html");
    assert!(!matrix.contains("<table class=\"matrix\">"));
    assert!(
        matrix.contains("<dt><a href=\"/s/s7/\">S7</a></dt><dd><a href=\"/p/p7/\">7. P7</a></dd>")
    );
    assert!(matrix.len() < 200_000, "{} bytes", matrix.len());
}

/// Issue 22: a track whose step is a section page can be finished, so the
/// section page shows where it stands in the track, with "Mark as read".
#[test]
fn issue_22_a_section_step_shows_its_track_strip() {
    let run = SiteTest::minimal()
        .file("content/values/_index.md", "---\ntitle: Values\n---\n")
        .file(
            "content/values/honesty.md",
            "---\ntitle: Honesty\nkind: value\n---\n",
        )
        .file(
            "content/tracks/start.md",
            "---\ntitle: Start\nkind: track\nsteps: [values/_index, honesty]\n---\n",
        )
        .build();
    run.success();
    let section = run.page("values/index.html");
    assert!(section.contains(
        "<nav class=\"track-strip\" aria-label=\"Track: Start\" data-track=\"tracks/start\" data-step=\"values/_index\">"
    ));
    assert!(section.contains(
        "<button type=\"button\" class=\"mark-read\" data-track=\"tracks/start\" data-step=\"values/_index\" hidden>Mark as read</button>"
    ));
    assert!(section.contains("<a href=\"/values/honesty/\" rel=\"next\">Honesty →</a>"));
    // The home page can count the track's progress from its steps.
    assert!(run.page("index.html").contains(
        "data-track-summary=\"tracks/start\" data-steps=\"values/_index&#9;&#9;&#10;values/honesty&#9;&#9;\""
    ));
    // /print/ lists the steps, each linking to its entry.
    let print = run.page("print/index.html");
    assert!(print.contains("<ol class=\"print-steps\"><li><a href=\"#p-values-index\">Values</a></li><li><a href=\"#p-values-honesty\">Honesty</a></li></ol>"), "{print}");
}

/// Issue 22: the sidebar links the matrix and review pages only when they
/// have something to show, and marks a generated page as current.
#[test]
fn issue_22_the_sidebar_links_matrix_and_review_only_when_useful() {
    let bare = SiteTest::minimal()
        .file("content/notes/a.md", "---\ntitle: A\n---\n")
        .build();
    bare.success();
    let page = bare.page("notes/a/index.html");
    assert!(!page.contains("href=\"/matrix/\""));
    assert!(!page.contains("href=\"/review/\""));
    assert!(page.contains("<a href=\"/tags/\">Tags</a>"));
    let full = SiteTest::minimal()
        .file(
            "content/scenarios/a.md",
            "---\ntitle: A\nkind: scenario\nowner: Ops\n---\n",
        )
        .build();
    full.success();
    let page = full.page("scenarios/a/index.html");
    assert!(page.contains("<a href=\"/matrix/\">Coverage matrix</a>"));
    assert!(page.contains("<a href=\"/review/\">Review dates</a>"));
    let matrix = full.page("matrix/index.html");
    assert!(matrix.contains("<a href=\"/matrix/\" aria-current=\"page\">Coverage matrix</a>"));
    assert!(
        full.page("tags/index.html")
            .contains("<a href=\"/tags/\" aria-current=\"page\">Tags</a>")
    );
}

/// Issue 22: "Edit this page", "Ask the owner" and "Was this helpful?" show
/// where credo.yaml configures them, and not otherwise.
#[test]
fn issue_22_reader_links_follow_credo_yaml() {
    let page = "content/notes/a.md";
    let plain = SiteTest::minimal()
        .file(page, "---\ntitle: A\nowner: Ops\n---\n")
        .build();
    plain.success();
    assert!(!plain.page("notes/a/index.html").contains("page-actions"));
    let run = SiteTest::minimal()
        .file(
            "credo.yaml",
            "title: T\nbase_url: https://x.example/\nedit_url: \"https://git.example/r/edit/main/{path}\"\nowners:\n  Ops: ops@x.example\nfeedback: \"mailto:hb@x.example\"\n",
        )
        .file(page, "---\ntitle: A\nowner: Ops\n---\n")
        .build();
    run.success();
    let html = run.page("notes/a/index.html");
    assert!(html.contains(
        "<a href=\"https://git.example/r/edit/main/content/notes/a.md\">Edit this page</a>"
    ));
    assert!(html.contains("<a href=\"mailto:ops@x.example\">Ask the owner (Ops)</a>"));
    assert!(html.contains("<a href=\"mailto:hb@x.example?subject=Helpful%3A%20A&amp;body=Helpful%3A%20A%0APage%3A%20https%3A%2F%2Fx.example%2Fnotes%2Fa%2F%0AOwner%3A%20Ops%0A%0AWhat%20would%20make%20it%20better%3F%0A\">Yes</a>"), "{html}");
}

/// An empty `owner` passed `require_owner: true` unseen and showed as an
/// empty "Owner:"; an empty `summary` rendered an empty statement: both are
/// read as not written (as Hugo and Zola read `description = ""`), so the
/// owner is missing. An empty ref was reported at its key's first column as
/// a ref that names nothing, and an empty alias twice: each is now one
/// `empty-value` error at the entry (SPEC §6: an error about one
/// front-matter key or list item points at that key's or item's own line).
#[test]
fn empty_owner_summary_and_ref_entries_are_errors_at_their_place() {
    let site = SiteTest::minimal()
        .file("credo.yaml", "title: T\nrequire_owner: true\n")
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[a](a.md) [b](b.md)\n",
        )
        .file(
            "content/a.md",
            "---\ntitle: A\nowner: \"\"\nsummary: ' '\nrelated: [b, \"\"]\n---\n",
        )
        .file(
            "content/b.md",
            "---\ntitle: B\nowner: Ops\nprinciples:\n  - ''\naliases: [\"\", /old/]\n---\n",
        );
    let run = site.check();
    run.code(1).errors_are(&[
        "content/a.md:5:14: error: `related` holds an empty entry",
        "content/b.md:5:5: error: `principles` holds an empty entry",
        "content/b.md:6:11: error: `aliases` holds an empty entry",
    ]);
    assert!(
        run.diagnostics()
            .iter()
            .any(|d| d.starts_with("content/a.md") && d.contains("page has no `owner`")),
        "{:?}",
        run.diagnostics()
    );
    let site = site
        .file(
            "content/a.md",
            "---\ntitle: A\nowner: \"\"\nsummary: ' '\n---\n",
        )
        .file("content/b.md", "---\ntitle: B\nowner: Ops\n---\n");
    let run = site.build();
    run.success();
    let page = run.page("a/index.html");
    assert!(!page.contains("class=\"summary\""), "{page}");
}

/// `steps` on a value page made the page it names say "Step 1 of 1 in V"
/// while V's own page listed no steps, and `principles` there was dropped
/// unseen: a key of another kind's pages is a `kind-key` warning at the
/// key, and is not acted on.
#[test]
fn a_key_of_another_kinds_pages_is_a_warning_and_not_acted_on() {
    let site = SiteTest::minimal()
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[v](v.md) [p](p.md) [t](t.md)\n",
        )
        .file("content/p.md", "---\ntitle: P\nkind: principle\n---\n")
        .file(
            "content/v.md",
            "---\ntitle: V\nkind: value\nprinciples: [p]\nsteps: [p]\ncontrast:\n  left: {title: L, points: [a]}\n  right: {title: R, points: [b]}\n---\n",
        )
        .file("content/t.md", "---\ntitle: T\nkind: track\nsteps: [p]\n---\n");
    let run = site.check();
    run.success();
    let kind_keys: Vec<String> = (run.diagnostics().into_iter())
        .filter(|d| d.contains("is read on"))
        .collect();
    assert_eq!(
        kind_keys,
        [
            "content/v.md:4:1: warning: `principles` is read on scenario pages, and this page is a value: it is not shown",
            "content/v.md:5:1: warning: `steps` is read on track pages, and this page is a value: it is not shown",
            "content/v.md:6:1: warning: `contrast` is read on attitude pages, and this page is a value: it is not shown",
        ]
    );
    run.stderr_has("give the page `kind: track` if it is one, or remove `steps`");
    let run = site.build();
    run.success();
    let p = run.page("p/index.html");
    // The track T names P; V does not.
    assert!(p.contains("Step 1 of 1 in <a href=\"/t/\">T</a>"), "{p}");
    assert!(!p.contains("in <a href=\"/v/\">V</a>"), "{p}");
    assert_eq!(p.matches("class=\"track-strip\"").count(), 1, "{p}");
    // handbook.json keeps the front matter as written.
    let json: serde_json::Value = serde_json::from_str(&run.page("handbook.json")).unwrap();
    let v = (json["pages"].as_array().unwrap().iter())
        .find(|p| p["title"] == "V")
        .unwrap();
    assert_eq!(v["principles"], serde_json::json!(["/p/"]));
    assert_eq!(v["steps"][0]["url"], "/p/");
}
