//! Output safety (SPEC §7): build aside and swap, never delete what credo did
//! not make, refuse the site's own folders.

use crate::harness::SiteTest;

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = SiteTest::minimal().file("content/a.md", "---\ntitle: A\n---\nFine.\n");
    site.build().success();
    let before = std::fs::read(site.root.join("public/a/index.html")).unwrap();
    let site = site.file("content/a.md", "---\ntitle: A\n---\nBroken [[nope]].\n");
    site.build().code(1);
    assert_eq!(
        std::fs::read(site.root.join("public/a/index.html")).unwrap(),
        before
    );
    assert!(site.root.join("public/.credo-output").exists());
    // No staging folder is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("credo-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_rebuild_replaces_old_files() {
    let site = SiteTest::minimal().file("content/a.md", "---\ntitle: A\n---\n");
    site.build().success();
    let site = site.remove("content/a.md");
    site.build().success();
    assert!(!site.root.join("public/a/index.html").exists());
}

#[test]
fn refuses_a_folder_credo_did_not_make() {
    let site = SiteTest::minimal().file("public/precious.txt", "mine");
    let run = site.build();
    run.code(2);
    run.stderr_has("holds files credo did not make");
    assert_eq!(site.read("public/precious.txt"), "mine");
}

#[test]
fn a_file_added_to_the_output_is_never_deleted() {
    let site = SiteTest::minimal().file("content/a.md", "---\ntitle: A\n---\n");
    site.build().success();
    let site = site
        .file("public/notes/mine.txt", "mine")
        .file("content/a.md", "---\ntitle: A again\n---\n");
    let run = site.build();
    run.code(2);
    assert!(
        run.stderr
            .contains("holds files credo did not make (notes/mine.txt)"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("public/notes/mine.txt"), "mine");
    assert!(!site.read("public/a/index.html").contains("A again"));
    // Moved out of the way, the next build goes through.
    let site = site.remove("public/notes/mine.txt");
    site.build().success();
    assert!(site.read("public/a/index.html").contains("A again"));
}

#[test]
fn refuses_the_site_root_and_its_folders() {
    let site = SiteTest::minimal().file("static/x.css", "x");
    for out in [
        ".",
        "content",
        "static",
        "content/sub",
        "..",
        "content/new/out",
        "templates/x/y",
        "themes/t/../../static/out",
    ] {
        let run = site.run(&["build", "-o", out]);
        run.code(2);
        assert!(run.stderr.contains("refusing"), "{out}: {}", run.stderr);
    }
    // A refused output leaves no folder behind in the site.
    for made in ["content/new", "templates", "themes", "static/out"] {
        assert!(!site.root.join(made).exists(), "{made} was created");
    }
    assert_eq!(
        site.read("content/_index.md"),
        "---\ntitle: Home\n---\nHello.\n"
    );
    assert_eq!(site.read("static/x.css"), "x");
}

#[test]
fn an_empty_folder_may_be_used() {
    let site = SiteTest::minimal();
    std::fs::create_dir_all(site.root.join("out")).unwrap();
    site.run(&["build", "-o", "out"]).success();
    assert!(site.root.join("out/index.html").exists());
}

#[test]
fn an_interrupted_swap_is_recovered() {
    let site = SiteTest::minimal();
    site.build().success();
    // A crash between the two renames leaves only the old folder.
    std::fs::rename(
        site.root.join("public"),
        site.root.join(".public.credo-old"),
    )
    .unwrap();
    site.build().success();
    assert!(site.root.join("public/index.html").exists());
    assert!(!site.root.join(".public.credo-old").exists());
}
