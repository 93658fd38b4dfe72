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
    site.run(&["init", "."])
        .code(2)
        .stderr_has("it is not empty")
        .stderr_has("`credo init --bare .` adds only credo.yaml")
        .stderr_has("`credo import . NEW_DIR`");
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

#[test]
fn init_takes_a_folder_holding_only_dot_files_such_as_a_fresh_git_repository() {
    let site = SiteTest::empty()
        .file("repo/.git/HEAD", "ref: refs/heads/main\n")
        .file("repo/.gitignore", "public/\n");
    site.run(&["init", "repo"]).success();
    site.run(&["check", "-r", "repo", "--deny-warnings"])
        .success();
    assert_eq!(site.read("repo/.gitignore"), "public/\n", "left as it was");
    // A visible file is somebody's work: still refused.
    let taken = SiteTest::empty()
        .file("repo/.git/HEAD", "x")
        .file("repo/notes.txt", "mine");
    taken.run(&["init", "repo"]).code(2);
    assert!(!taken.root.join("repo/credo.yaml").exists());
}

/// A GitHub-style handbook (README.md pages at the top, images beside
/// them): `credo init --bare` beside it made a site that would not build
/// (no content/ folder, exit 2). Now the folder is its own content folder,
/// less what credo reads as something else or wrote, and a package
/// manager's folder; errors name the files as they are on disk.
#[test]
fn init_bare_beside_markdown_at_the_top_makes_a_site_that_builds() {
    let site = SiteTest::empty()
        .file(
            "README.md",
            "# Harbour Front Desk\n\nStart with [calls](guide/calls.md).\n",
        )
        .file(
            "guide/calls.md",
            "# Calls\n\nBack [home](../README.md). ![Desk](../img/desk.png)\n",
        )
        .file("img/desk.png", [0x89, b'P', b'N', b'G'])
        .file("LICENSE", "All rights reserved.\n")
        .file("static/robots.txt", "User-agent: *\n")
        .file("node_modules/pkg/README.md", "# A package\n")
        .file(".github/PULL_REQUEST_TEMPLATE.md", "# PR\n");
    let run = site.run(&["init", "--bare", "."]);
    run.success();
    assert!(
        run.stdout.contains("Next: `credo serve`") && !run.stdout.contains("move the Markdown"),
        "{}",
        run.stdout
    );
    site.run(&["check", "--deny-warnings"]).success();
    for _ in 0..2 {
        // Twice: the second build must not read the first one's output.
        let run = site.build();
        run.success();
        assert!(run.stdout.contains("Built 3 pages"), "{}", run.stdout);
    }
    assert!(
        site.read("public/index.html")
            .contains("Harbour Front Desk")
    );
    let calls = site.read("public/guide/calls/index.html");
    assert!(
        calls.contains("<img src=\"/img/desk.png\" alt=\"Desk\""),
        "{calls}"
    );
    // A plain page has no kind to label: no empty paragraph for it.
    assert!(!calls.contains("kind-label"), "{calls}");
    for copied in ["img/desk.png", "LICENSE", "robots.txt"] {
        assert!(site.root.join("public").join(copied).exists(), "{copied}");
    }
    for left_out in ["node_modules", ".github", "credo.yaml", "static", "public"] {
        assert!(
            !site.root.join("public").join(left_out).exists(),
            "{left_out}"
        );
    }
    // Another output folder of credo's inside the site is no content either.
    site.run(&["build", "-o", "guide/out"]).success();
    site.build().success();
    assert!(!site.root.join("public/guide/out").exists());

    // `credo new` writes beside the pages, not into a new content/ (which
    // would hide every page already there).
    site.run(&["new", "principle", "Call back the same day"])
        .success();
    assert!(
        site.root
            .join("principles/call-back-the-same-day.md")
            .is_file()
    );
    assert!(!site.root.join("content").exists());
    let run = site.build();
    assert!(run.stdout.contains("Built 5 pages"), "{}", run.stdout);

    let broken = site.file("guide/calls.md", "# Calls\n\n[Refunds](refunds.md)\n");
    broken.check().code(1).errors_are(&[
        "guide/calls.md:3:1: error: link to `refunds.md`: there is no guide/refunds.md",
    ]);
}

#[test]
fn init_bare_says_what_comes_next_where_there_is_no_content_folder_yet() {
    // Markdown below the top only: no handbook's top page to build from.
    let loose = SiteTest::empty().file("docs/README.md", "# Front desk\n\nHello.\n");
    let run = loose.run(&["init", "--bare", "."]);
    run.success();
    assert!(
        run.stdout
            .contains("Next: move the Markdown into ./content")
            && run.stdout.contains("`credo import . NEW_DIR`")
            && !run.stdout.contains("credo serve"),
        "{}",
        run.stdout
    );
    let ready = SiteTest::empty().file("content/README.md", "# Front desk\n\nHello.\n");
    let run = ready.run(&["init", "--bare", "."]);
    run.success();
    assert!(
        run.stdout
            .contains("in the current folder. Next: `credo serve`\n"),
        "{}",
        run.stdout
    );
    ready.check().success();
}

#[test]
fn init_bare_titles_the_site_as_its_home_page_is_titled() {
    // A home page's title is its front matter's `title`, else its first
    // `# heading`: the site took the heading, or the folder's name.
    let titled = SiteTest::empty().file(
        "content/_index.md",
        "---\ntitle: Harbour desk\n---\nWelcome.\n",
    );
    titled.run(&["init", "--bare", "."]).success();
    assert_eq!(
        titled.read("credo.yaml"),
        "title: Harbour desk\nbase_url: /\n"
    );
    let both = SiteTest::empty().file(
        "content/README.md",
        "---\ntitle: Finch care\n---\n# Welcome aboard\n",
    );
    both.run(&["init", "--bare", "."]).success();
    assert_eq!(both.read("credo.yaml"), "title: Finch care\nbase_url: /\n");
}

#[test]
fn new_warns_when_its_name_makes_existing_bare_refs_ambiguous() {
    let site = SiteTest::minimal()
        .file("content/values/honesty.md", "---\ntitle: Honesty\nkind: value\n---\nSay it.\n")
        .file(
            "content/scenarios/the-overpaid-invoice.md",
            "---\ntitle: The overpaid invoice\nkind: scenario\nvalues: [honesty]\n---\nSee [[honesty]].\n",
        );
    let run = site.run(&["new", "principle", "Brand new idea"]);
    run.success();
    assert_eq!(run.stderr, "", "a name of its own: nothing to say");
    let run = site.run(&["new", "principle", "Honesty"]);
    run.success();
    assert!(site.root.join("content/principles/honesty.md").exists());
    assert_eq!(
        run.stderr,
        "warning: another page is also named `honesty`: 2 ref(s) that named it now name two pages, and `credo build` will stop on them:\n\
         \x20 content/scenarios/the-overpaid-invoice.md:4:10\n\
         \x20 content/scenarios/the-overpaid-invoice.md:6:5\n\
         \x20 = help: write those refs with the folder (`[[values/honesty]]`), or give ./content/principles/honesty.md another name\n"
    );
    // What it warned of is what check then finds.
    let check = site.check();
    check.code(1);
    let ambiguous: Vec<String> = (check.diagnostics().into_iter())
        .filter(|d| d.contains("error: ambiguous ref `honesty`"))
        .collect();
    assert_eq!(
        ambiguous,
        [
            "content/scenarios/the-overpaid-invoice.md:4:10: error: ambiguous ref `honesty`: it could be `principles/honesty` or `values/honesty`",
            "content/scenarios/the-overpaid-invoice.md:6:5: error: ambiguous ref `honesty`: it could be `principles/honesty` or `values/honesty`",
        ]
    );
    // A third namesake: those refs were ambiguous already, which is not news.
    let run = site.run(&["new", "scenario", "Honesty"]);
    run.success();
    assert_eq!(run.stderr, "", "already ambiguous: nothing to say");
}

#[test]
fn new_names_the_kind_meant_by_a_slip_of_the_keyboard() {
    let site = SiteTest::minimal();
    let run = site.run(&["new", "princple", "Answer within a day"]);
    run.code(2);
    assert!(
        run.stderr.contains(
            "unknown kind `princple`; did you mean `principle`? choose one of: principle, value,"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn check_warns_where_a_new_page_still_holds_its_placeholders() {
    let site = SiteTest::empty();
    site.run(&["init", "s"]).success();
    site.run(&["new", "attitude", "Listen first", "-r", "s"])
        .success();
    site.run(&["new", "checklist", "Before the call", "-r", "s"])
        .success();
    let run = site.run(&["check", "-r", "s"]);
    run.success();
    let placeholders: Vec<String> = (run.diagnostics().into_iter())
        .filter(|d| d.contains("placeholder") || d.contains("empty point"))
        .collect();
    assert_eq!(
        placeholders,
        [
            "content/attitude/listen-first.md:4:11: warning: the summary is still the placeholder `credo new` wrote",
            "content/attitude/listen-first.md:8:5: warning: an empty point in the contrast's left column, `Service attitude`",
            "content/attitude/listen-first.md:11:5: warning: an empty point in the contrast's right column, `Sales attitude`",
            "content/attitude/listen-first.md:14:1: warning: the text is still the placeholder `credo new` wrote",
            "content/checklists/before-the-call.md:4:11: warning: the summary is still the placeholder `credo new` wrote",
            "content/checklists/before-the-call.md:8:10: warning: a checklist item is still the placeholder `credo new` wrote",
            "content/checklists/before-the-call.md:11:1: warning: the text is still the placeholder `credo new` wrote",
        ]
    );
    // Written over, they are gone.
    let site = site.file(
        "s/content/attitude/listen-first.md",
        "---\ntitle: Listen first\nkind: attitude\nsummary: Hear the client out.\ncontrast:\n  left: {title: Service, points: [Ask]}\n  right: {title: Sales, points: [Pitch]}\n---\nLet them finish.\n",
    );
    let run = site.run(&["check", "-r", "s"]);
    let left: Vec<String> = (run.diagnostics().into_iter())
        .filter(|d| d.starts_with("content/attitude/listen-first.md:"))
        .filter(|d| d.contains("placeholder") || d.contains("empty point"))
        .collect();
    assert_eq!(left, Vec::<String>::new());
}

#[test]
fn init_names_the_current_folder_in_words() {
    let here = SiteTest::empty();
    let run = here.run(&["init", "."]);
    run.success();
    assert!(
        run.stdout
            .contains("into the current folder. Next: `credo serve`\n"),
        "{}",
        run.stdout
    );
    let there = SiteTest::empty();
    let run = there.run(&["init", "desk"]);
    run.success();
    assert!(
        run.stdout
            .contains("into desk. Next: `credo serve -r desk`\n"),
        "{}",
        run.stdout
    );
}

/// Two pages for the top of a flat site: the error names the home page
/// (it said "the folder .").
#[test]
fn two_home_pages_of_a_flat_site_are_named_as_the_home_page() {
    let site = SiteTest::empty()
        .file("credo.yaml", "title: T\nbase_url: /\n")
        .file("README.md", "# Desk\n")
        .file("index.md", "# Desk too\n");
    site.check().code(1).errors_are(&[
        "README.md:1:1: error: `index.md` and `README.md` both want to be the home page",
    ]);
}

/// A flat site's top `templates/` is credo's templates folder: a link to a
/// page in it is broken, and the hint says why (the file is on disk).
#[test]
fn a_link_into_a_flat_sites_templates_folder_says_it_is_credos() {
    let site = SiteTest::empty()
        .file("credo.yaml", "title: T\nbase_url: /\n")
        .file(
            "README.md",
            "# Desk\n\nUse the [welcome letter](templates/welcome.md).\n",
        )
        .file("templates/welcome.md", "# Welcome letter\n");
    site.check()
        .code(1)
        .stderr_has("README.md:3:9: error: link to `templates/welcome.md`: there is no templates/welcome.md")
        .stderr_has("= help: templates/ at the top of a site without content/ is credo's own folder, not pages: rename it (`templates-pages/`), or move the pages into content/");
}
