//! Hostile and odd input: symlinks, loops, huge and deep files, odd names,
//! colliding outputs, escaping everywhere, and builds killed mid-write.

use std::os::unix::fs::symlink;
use std::time::Duration;

use crate::harness::SiteTest;

#[test]
fn symlinks_out_of_the_site_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: SECRET\n---\nleaked\n",
    )
    .unwrap();
    std::fs::create_dir_all(outside.path().join("dir")).unwrap();
    std::fs::write(
        outside.path().join("dir/page.md"),
        "---\ntitle: SECRET2\n---\n",
    )
    .unwrap();
    let site = SiteTest::minimal();
    symlink(
        outside.path().join("secret.md"),
        site.root.join("content/evil.md"),
    )
    .unwrap();
    symlink(
        outside.path().join("dir"),
        site.root.join("content/evildir"),
    )
    .unwrap();
    let run = site.build();
    run.code(1).diagnostics_are(&[
        "content/evil.md:1:1: error: symbolic link points outside the site root; it is not followed",
        "content/evildir:1:1: error: symbolic link points outside the site root; it is not followed",
    ]);
    assert!(!run.stderr.contains("SECRET"));
}

#[test]
fn a_theme_behind_a_symlink_out_of_the_site_is_not_read() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("static")).unwrap();
    std::fs::write(outside.path().join("static/leak.txt"), "SECRET").unwrap();
    std::fs::create_dir_all(outside.path().join("templates/partials")).unwrap();
    std::fs::write(
        outside.path().join("templates/partials/footer.html"),
        "<footer>SECRET</footer>",
    )
    .unwrap();
    let site = SiteTest::minimal();
    let config = site.read("credo.yaml") + "theme: evil\n";
    let site = site.file("credo.yaml", config);
    std::fs::create_dir_all(site.root.join("themes")).unwrap();
    symlink(outside.path(), site.root.join("themes/evil")).unwrap();
    site.build().code(1).diagnostics_are(&[
        "themes/evil:1:1: error: symbolic link points outside the site root; it is not followed",
    ]);
    assert!(!site.root.join("public/leak.txt").exists());

    // The same when the whole themes/ folder is the link.
    std::fs::remove_dir_all(site.root.join("themes")).unwrap();
    std::fs::create_dir_all(outside.path().join("themes")).unwrap();
    symlink(outside.path(), outside.path().join("themes/evil")).unwrap();
    symlink(outside.path().join("themes"), site.root.join("themes")).unwrap();
    site.build().code(1).diagnostics_are(&[
        "themes:1:1: error: symbolic link points outside the site root; it is not followed",
    ]);
}

#[test]
fn symlinks_inside_the_site_are_followed() {
    let site = SiteTest::minimal().file("shared/note.md", "---\ntitle: Shared note\n---\n");
    symlink(
        site.root.join("shared/note.md"),
        site.root.join("content/note.md"),
    )
    .unwrap();
    let run = site.build();
    run.success();
    assert!(run.page("note/index.html").contains("Shared note"));
}

#[test]
fn a_symlink_loop_is_an_error_not_a_hang() {
    let site = SiteTest::minimal().file("content/a/page.md", "---\ntitle: P\n---\n");
    symlink(site.root.join("content"), site.root.join("content/a/loop")).unwrap();
    let run = site.build();
    run.code(1)
        .diagnostics_are(&["content/a/loop:1:1: error: symbolic link loop; it is not followed"]);
    // A link to itself is a loop too, not an unreadable file.
    std::fs::remove_file(site.root.join("content/a/loop")).unwrap();
    symlink("self", site.root.join("content/a/self")).unwrap();
    site.build()
        .code(1)
        .diagnostics_are(&["content/a/self:1:1: error: symbolic link loop; it is not followed"]);
}

/// A GitHub handbook's symbolic link to a page or an image that was moved
/// (dangling), or to a file outside the repository: the link is reported
/// once, saying what it points at, and a page's link to it is no second
/// error "there is no content/docs/out.md" (there is: a link, not followed).
#[test]
fn a_link_to_a_symlink_left_out_is_no_second_error() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("out.md"), "# Out\n").unwrap();
    let site = SiteTest::minimal().file(
        "content/_index.md",
        "---\ntitle: Home\n---\n[moved](docs/moved.md) [out](docs/out.md) ![map](docs/map.png) [gone](docs/gone.md)\n",
    );
    std::fs::create_dir_all(site.root.join("content/docs")).unwrap();
    symlink("old-name.md", site.root.join("content/docs/moved.md")).unwrap();
    symlink("maps/old.png", site.root.join("content/docs/map.png")).unwrap();
    symlink(
        outside.path().join("out.md"),
        site.root.join("content/docs/out.md"),
    )
    .unwrap();
    site.check().code(1).diagnostics_are(&[
        "content/_index.md:4:64: error: link to `docs/gone.md`: there is no content/docs/gone.md",
        "content/docs/map.png:1:1: error: symbolic link to `maps/old.png`, which is not there; it is not followed",
        "content/docs/moved.md:1:1: error: symbolic link to `old-name.md`, which is not there; it is not followed",
        "content/docs/out.md:1:1: error: symbolic link points outside the site root; it is not followed",
    ]);
    // A folder linked in from outside: links into it are not reported again.
    std::fs::create_dir_all(outside.path().join("dir")).unwrap();
    std::fs::write(outside.path().join("dir/page.md"), "# Page\n").unwrap();
    symlink(outside.path().join("dir"), site.root.join("content/shared")).unwrap();
    let site = site.file(
        "content/about.md",
        "# About\n\n[p](shared/page.md) ![i](shared/img/a.png) [s](shared/)\n",
    );
    let diagnostics = site.check().diagnostics();
    let about: Vec<&String> = (diagnostics.iter())
        .filter(|d| d.starts_with("content/about.md"))
        .collect();
    assert!(about.is_empty(), "{diagnostics:?}");
    assert!(
        (diagnostics.iter())
            .any(|d| d.starts_with("content/shared:1:1: error: symbolic link points outside")),
        "{diagnostics:?}"
    );
}

#[test]
fn a_huge_page_builds() {
    let paragraph =
        "The client is always owed a straight answer, delivered kindly and on time. ".repeat(40);
    let mut body = String::from("---\ntitle: Huge\n---\n");
    while body.len() < 5 * 1024 * 1024 {
        body.push_str("## A heading\n\n");
        body.push_str(&paragraph);
        body.push_str("\n\n");
    }
    let run = SiteTest::minimal().file("content/huge.md", body).build();
    run.success();
    let page = run.page("huge/index.html");
    assert!(page.len() > 5 * 1024 * 1024);
    assert!(page.contains("id=\"a-heading-1000\""));
}

#[test]
fn deep_nesting_builds() {
    let deep: String = (0..40).map(|i| format!("d{i}/")).collect();
    let run = SiteTest::minimal()
        .file(
            &format!("content/{deep}page.md"),
            "---\ntitle: Deep\n---\nUp to [[_index]].\n",
        )
        .file(
            "content/top.md",
            "---\ntitle: Top\n---\nDown to [[page]].\n",
        )
        .build();
    run.success();
    assert!(run.exists(&format!("{deep}page/index.html")));
    let page = run.page(&format!("{deep}page/index.html"));
    // 41 breadcrumbs: home and 40 sections.
    let start = page.find("<nav class=\"breadcrumbs\"").unwrap();
    let crumbs = &page[start..start + page[start..].find("</nav>").unwrap()];
    assert_eq!(crumbs.matches("<li>").count(), 41);
}

#[test]
fn odd_file_names_build_and_link() {
    let run = SiteTest::minimal()
        .file("content/with space.md", "---\ntitle: Spaced\n---\n")
        .file("content/日本語.md", "---\ntitle: Japanese\n---\n")
        .file(
            "content/links.md",
            "---\ntitle: L\n---\n[[with space]] [[日本語]] [s](with%20space.md)\n",
        )
        .build();
    run.success();
    assert!(run.exists("with space/index.html"));
    assert!(run.exists("日本語/index.html"));
    let links = run.page("links/index.html");
    assert!(links.contains("href=\"/with%20space/\""), "{links}");
    assert!(
        links.contains("href=\"/%E6%97%A5%E6%9C%AC%E8%AA%9E/\""),
        "{links}"
    );
}

#[test]
fn names_a_mac_wrote_decomposed_are_served_composed() {
    // "Ärger/README.md" and "grün.png" as HFS+ stores them: A + U+0308.
    let (folder, image) = ("A\u{308}rger", "gru\u{308}n.png");
    let run = SiteTest::minimal()
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[x](\u{c4}rger/) ![g](gr\u{fc}n.png) [y](\u{c4}rger/README.md)\n",
        )
        .file(&format!("content/{folder}/README.md"), "# \u{c4}rger\n")
        .file(&format!("content/{image}"), "png")
        .build();
    run.success();
    let home = run.page("index.html");
    assert!(home.matches("href=\"/%C3%84rger/\"").count() >= 2, "{home}");
    assert!(home.contains("src=\"/gr%C3%BCn.png\""), "{home}");
    assert!(run.exists("\u{c4}rger/index.html"));
    assert!(run.exists("gr\u{fc}n.png"));
}

#[test]
fn a_static_file_colliding_with_a_page_is_an_error() {
    SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\n---\n")
        .file("static/a/index.html", "<p>static</p>")
        .file("static/sitemap.xml", "<x/>")
        .build()
        .code(1)
        .diagnostics_are(&[
            "static/a/index.html:1:1: error: this static file and a page credo generates both write /a/index.html",
            "static/sitemap.xml:1:1: error: this static file and a page credo generates both write /sitemap.xml",
        ]);
}

#[test]
fn a_file_where_credo_makes_a_folder_is_an_error_of_check_and_build() {
    // `content/x` beside `content/x.md`: the page is x/index.html, so x is a
    // folder; before, check passed and build failed writing (exit 2).
    let site = SiteTest::minimal()
        .file("content/x.md", "---\ntitle: X\n---\n")
        .file("content/x", "raw")
        .file("static/tags", "raw");
    for run in [site.check(), site.build()] {
        run.code(1).diagnostics_are(&[
            "content/x:1:1: error: this file and the folder /x/ that credo writes pages into are both at /x",
            "static/tags:1:1: error: this file and the folder /tags/ that credo writes pages into are both at /tags",
        ]);
    }
}

#[test]
fn two_files_copied_to_one_path_are_an_error() {
    // Which one a reader gets must not be a silent choice.
    let site = SiteTest::minimal()
        .file("content/a.png", "content")
        .file("static/a.png", "static")
        .file("static/caf\u{e9}.txt", "nfc")
        .file("static/cafe\u{301}.txt", "nfd")
        .file(
            "static/style.css",
            "a site's own style.css overrides the theme's",
        );
    for run in [site.check(), site.build()] {
        run.code(1).diagnostics_are(&[
            "static/a.png:1:1: error: this file and `content/a.png` are both copied to /a.png",
            "static/caf\u{e9}.txt:1:1: error: this file and another named alike (its accents encoded otherwise, NFC and NFD) are both copied to /caf\u{e9}.txt",
        ]);
    }
}

#[test]
fn a_static_file_inside_a_file_credo_writes_is_an_error_of_check_and_build() {
    // Before, check passed and build failed writing (exit 2).
    let site = SiteTest::minimal()
        .file("content/x.md", "---\ntitle: X\n---\n")
        .file("static/handbook.json/a.txt", "raw")
        .file("static/x/index.html/b.txt", "raw")
        .file("static/x/fine.txt", "raw");
    for run in [site.check(), site.build()] {
        run.code(1).diagnostics_are(&[
            "static/handbook.json/a.txt:1:1: error: this file would be inside /handbook.json, which credo writes as a file: both cannot be at /handbook.json/a.txt",
            "static/x/index.html/b.txt:1:1: error: this file would be inside /x/index.html, which credo writes as a file: both cannot be at /x/index.html/b.txt",
        ]);
    }
}

#[test]
fn front_matter_html_is_escaped_on_every_page() {
    let evil = "<img src=x onerror=alert(1)>";
    let site = SiteTest::minimal()
        .file("content/p/_index.md", "---\ntitle: P\npage_kind: principle\n---\n")
        .file(
            "content/p/a.md",
            format!("---\ntitle: \"{evil}\"\nsummary: \"{evil}\"\nnumber: 1\ntags: [\"{evil}\"]\nowner: \"{evil}\"\nchecklist: [\"{evil}\"]\n---\n"),
        )
        .file(
            "content/s.md",
            format!("---\ntitle: S\nkind: scenario\nsummary: \"{evil}\"\nprinciples: [a]\n---\n"),
        );
    let run = site.build();
    run.success();
    for page in [
        "p/a/index.html",
        "p/index.html",
        "s/index.html",
        "matrix/index.html",
        "print/index.html",
        "tags/index.html",
        "review/index.html",
    ] {
        let html = run.page(page);
        assert!(
            !html.contains("<img src=x"),
            "{page} holds raw front matter HTML"
        );
    }
    let tag = walkdir::WalkDir::new(site.root.join("public/tags"))
        .into_iter()
        .flatten()
        .find(|e| e.file_name() == "index.html" && e.depth() == 2)
        .unwrap();
    assert!(
        !std::fs::read_to_string(tag.path())
            .unwrap()
            .contains("<img src=x")
    );
    // handbook.json keeps the plain string.
    let doc: serde_json::Value = serde_json::from_str(&run.page("handbook.json")).unwrap();
    assert_eq!(doc["pages"][1]["title"], evil);
}

#[test]
fn a_killed_build_leaves_old_or_new_output_never_a_mix() {
    let mut site = SiteTest::minimal();
    for i in 0..1500 {
        site = site.file(
            &format!("content/s{}/p{i}.md", i % 30),
            format!("---\ntitle: Page {i}\n---\nVERSION-A\n"),
        );
    }
    site.build().success();
    for i in 0..1500 {
        std::fs::write(
            site.root.join(format!("content/s{}/p{i}.md", i % 30)),
            format!("---\ntitle: Page {i}\n---\nVERSION-B\n"),
        )
        .unwrap();
    }
    for delay_ms in [5, 20, 60, 150, 400] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_credo"))
            .arg("build")
            .current_dir(&site.root)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Whatever moment it died, a reader sees one complete version, or (in
        // the instant between the two renames) the old one set aside, which
        // the next build puts back.
        let public = site.root.join("public");
        let dir = if public.exists() {
            public
        } else {
            site.root.join(".public.credo-old")
        };
        let versions: std::collections::BTreeSet<&str> = (0..1500)
            .step_by(97)
            .map(|i| {
                let html =
                    std::fs::read_to_string(dir.join(format!("s{}/p{i}/index.html", i % 30)))
                        .unwrap();
                if html.contains("VERSION-A") { "A" } else { "B" }
            })
            .collect();
        assert_eq!(
            versions.len(),
            1,
            "a mix of versions after a kill at {delay_ms} ms"
        );
    }
    site.build().success();
    assert!(
        std::fs::read_to_string(site.root.join("public/s0/p0/index.html"))
            .unwrap()
            .contains("VERSION-B")
    );
}

/// Issue 21: fuzzing found grammars that never finish (syntect loops on two
/// rules handing one position back and forth). Each block is shown as
/// plain escaped text after the time limit, and `credo check` warns at its
/// line; the build finishes.
#[test]
fn a_code_block_whose_grammar_loops_cannot_hang_the_build() {
    let site = SiteTest::minimal().file(
        "content/a.md",
        "# A\n\n```scala\nx :A@* A\n```\n\nThen:\n\n```js\nx /*\n```\n\n```rust\nfn main() {}\n```\n",
    );
    let start = std::time::Instant::now();
    let run = site.build();
    run.success();
    // Both loops run into the limit (2 s each, at the same time or not),
    // never into forever.
    assert!(start.elapsed() < std::time::Duration::from_secs(60));
    let page = run.page("a/index.html");
    assert!(
        page.contains(
            "<pre class=\"code hl-code\" tabindex=\"0\"><code class=\"language-scala\">x :A@* A\n</code></pre>"
        ),
        "{page}"
    );
    assert!(
        page.contains("data-lang=\"rust\""),
        "other blocks still highlight"
    );
    let check = site.check();
    check.success().stderr_has(
        "content/a.md:3:1: warning: this `scala` code block could not be highlighted in time; it is shown as plain text",
    );
}

/// Issue 21: the fence languages handbooks use highlight (bat's syntaxes);
/// an unknown one is plain, with no error.
#[test]
fn common_fence_languages_highlight() {
    let langs = [
        "sh",
        "shell",
        "console",
        "bash",
        "ts",
        "typescript",
        "tsx",
        "jsx",
        "toml",
        "dockerfile",
        "graphql",
        "hcl",
        "terraform",
        "diff",
        "sql",
        "json",
        "yaml",
        "python",
        "go",
        "rust",
        "java",
        "css",
        "html",
        "ruby",
        "powershell",
    ];
    let body: String = langs
        .iter()
        .map(|l| format!("```{l}\nname = \"value\" # 1\n```\n\n"))
        .collect();
    let run = SiteTest::minimal()
        .file(
            "content/a.md",
            format!("# A\n\n{body}```klingon\nqapla'\n```\n"),
        )
        .build();
    run.success();
    let page = run.page("a/index.html");
    for lang in langs {
        assert!(
            page.contains(&format!("data-lang=\"{lang}\"")),
            "{lang} is not highlighted"
        );
    }
    assert!(
        page.contains(
            "<pre class=\"code hl-code\" tabindex=\"0\"><code class=\"language-klingon\">qapla&#39;\n</code></pre>"
        ),
        "{page}"
    );
}

#[test]
fn a_sections_entry_naming_no_folder_is_a_warning() {
    SiteTest::minimal()
        .file("credo.yaml", "title: T\nsections: [principles, scenarois]\n")
        .file("content/principles/a.md", "# A\n")
        .file("content/scenarios/b.md", "# B\n")
        .check()
        .success()
        .stderr_has("credo.yaml:2:24: warning: `sections` names `scenarois`, but content/ has no section folder of that name")
        .stderr_has("did you mean `scenarios`?");
    // Each entry of a block list at its own line.
    SiteTest::minimal()
        .file("credo.yaml", "title: T\nsections:\n  - principles\n  - a\n  - b\n")
        .file("content/principles/a.md", "# A\n")
        .check()
        .success()
        .stderr_has("credo.yaml:4:5: warning: `sections` names `a`, but content/ has no section folder of that name")
        .stderr_has("credo.yaml:5:5: warning: `sections` names `b`, but content/ has no section folder of that name");
}
