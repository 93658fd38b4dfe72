//! `credo import`, `credo init --bare`, `credo completions` and the examples
//! in every help: the real binary on one small fixture per generator
//! (tests/fixtures/import/<generator>/).

use std::path::PathBuf;

use crate::harness::{Run, SiteTest, snapshot};

/// An imported fixture: the source (a copy of the fixture) and the new site.
pub(crate) struct Imported {
    pub(crate) source: SiteTest,
    pub(crate) run: Run,
    pub(crate) out: PathBuf,
}

impl Imported {
    /// Imports `tests/fixtures/import/<generator>` into a new folder beside
    /// it, and checks the source was not changed.
    pub(crate) fn fixture(generator: &str) -> Imported {
        let source = SiteTest::fixture(&format!("import/{generator}"));
        let before = snapshot(&source.root);
        let run = source.run(&["import", ".", "../out"]);
        assert_eq!(snapshot(&source.root), before, "the import changed SRC");
        let out = source.root.parent().unwrap().join("out");
        Imported { source, run, out }
    }

    /// Builds the new site into its own `public/`; the build must pass.
    pub(crate) fn build_into_public(&self) {
        let out = self.out.to_string_lossy().into_owned();
        self.source
            .run(&["build", "-r", &out, "-o", &format!("{out}/public")])
            .success();
    }

    pub(crate) fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub(crate) fn exists(&self, path: &str) -> bool {
        self.out.join(path).exists()
    }

    /// Asserts the page at `path` was copied byte for byte.
    #[track_caller]
    pub(crate) fn untouched(&self, path: &str, source_path: &str) {
        let source = std::fs::read(self.source.root.join(source_path)).unwrap();
        assert_eq!(
            std::fs::read(self.out.join(path)).unwrap(),
            source,
            "{path}"
        );
    }

    #[track_caller]
    pub(crate) fn stdout_has(&self, text: &str) -> &Imported {
        assert!(
            self.run.stdout.contains(text),
            "stdout lacks {text:?}:\n{}",
            self.run.stdout
        );
        self
    }
}

#[test]
fn a_generator_config_beside_plain_markdown_is_not_published() {
    // A Hugo configuration whose content folder is missing: read as a
    // folder of Markdown, without the configuration.
    let site = SiteTest::empty()
        .file(
            "notes/README.md",
            "# Shift notes\n\nWho was on, what broke.\n",
        )
        .file(
            "notes/config.toml",
            "title = \"Notes\"\ncontentDir = \"gone\"\n",
        )
        .file("notes/credo.yaml", "title: Older notes\n")
        .file("notes/config.json", "{\"not\": \"published\"}\n");
    let run = site.run(&["import", "notes", "out"]);
    run.success();
    assert!(
        run.stdout
            .contains("Imported plain Markdown: \"Shift notes\"\n"),
        "{}",
        run.stdout
    );
    for name in ["config.toml", "credo.yaml", "config.json"] {
        assert!(!site.root.join("out/content").join(name).exists(), "{name}");
        assert!(
            run.stdout.contains(&format!(
                "  not copied: {name}: a site generator's configuration"
            )),
            "{name}: {}",
            run.stdout
        );
    }
    assert!(site.root.join("out/content/README.md").exists());
}

#[test]
fn after_an_import_the_problems_are_told_by_where_they_come_from() {
    // Audit item 5: paths credo keeps for its own pages were blamed on the
    // source ("These problems come from SRC itself"), and `credo serve`
    // was suggested for a site that does not build.
    let site = SiteTest::empty()
        .file("README.md", "# Supplier desk\n\nHow we buy.\n")
        .file(
            "changes.md",
            "# Changes to supplier contracts\n\nNotice periods, renewals.\n",
        )
        .file(
            "review/README.md",
            "# Quarterly supplier review\n\nScore each supplier.\n",
        )
        .file(
            "search/README.md",
            "# Searching for a supplier\n\nThree quotes, always.\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success();
    assert!(
        run.stdout.ends_with(
            "The new site does not build yet: 3 error(s), by where they come from:\n  - 3 duplicate-url: from the import: it kept the source's paths, and credo writes pages of its own at some (/changes/, /print/, /review/, /search/, /tags/…) or serves two of them at one URL. Rename the file, adding its old URL to its `aliases`.\nNext: fix them in ../out, then run `credo check -r ../out` (the source is unchanged).\n"
        ),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("credo serve") && !run.stderr.contains("itself"));
}

#[test]
fn jekyll_collections_lose_their_underscore_and_nav_order_is_ranked() {
    let site = Imported::fixture("jekyll");
    site.run.success();
    // Positions 1 (the home page, which needs none), 2.5 and 3 at the top.
    assert_eq!(
        site.read("content/tickets.md"),
        "---\ntitle: 'Tickets: the rules'\nweight: 10\ndraft: false\naliases:\n- /old-tickets/\n- /tickets.html\nextra:\n  nav_order: 2.5\n---\nEvery ticket gets an owner. ![Team](/assets/img/team.png)\n"
    );
    assert!(site.read("content/about.md").contains("weight: 20\n"));
    assert!(site.read("content/hidden.md").contains("draft: true\n"));
    assert!(site.read("content/posts/2021-05-01-welcome.md").contains(
        "tags:\n- news\naliases:\n- /news/2021/05/01/welcome.html\nextra:\n  layout: post\n"
    ));
    assert!(site.exists("content/guides/refunds.md"));
    assert!(site.exists("content/assets/img/team.png"));
    // Jekyll shows `_drafts/` among the posts only when asked (`--drafts`),
    // as credo does; no empty Drafts section is left behind.
    assert_eq!(
        site.read("content/posts/phone-etiquette.md"),
        "---\ntitle: Phone etiquette, a first go\ndraft: true\n---\nAnswer by the third ring.\n"
    );
    assert!(!site.exists("content/drafts"));
    for left_out in [
        "content/_layouts",
        "content/_site",
        "content/_includes",
        "content/Gemfile",
        "content/_config.yml",
        // `exclude:` in _config.yml: a folder and a pattern.
        "content/notes",
        "content/scratch.txt",
    ] {
        assert!(!site.exists(left_out), "{left_out}");
    }
    site.stdout_has(
        "not copied: notes/internal.md, scratch.txt: `exclude:` in _config.yml (Jekyll does not publish them)",
    );
    assert!(
        site.read("credo.yaml")
            .contains("base_url: https://support.example.com/playbook\n")
    );
    // Jekyll publishes README.md beside index.md; credo takes one folder
    // page, so the README becomes a page of the folder. Its 404 page is
    // credo's; an HTML page with front matter is named, to rewrite.
    site.untouched("content/README-page.md", "README.md");
    // `{{ site.baseurl }}` made the URL: credo gives it the base path.
    site.build_into_public();
    let tickets = site.read("public/tickets/index.html");
    assert!(
        tickets.contains("src=\"/playbook/assets/img/team.png\""),
        "{tickets}"
    );
    assert!(
        !site.run.stdout.contains("template code"),
        "{}",
        site.run.stdout
    );
    assert!(!site.exists("content/README.md") && !site.exists("content/404.html"));
    site.stdout_has("  renamed content/README.md to content/README-page.md: content/index.md is the folder's own page, and credo takes one\n")
        .stdout_has("  content/contact.html: an HTML page with front matter, copied as it is (Jekyll ran it through its layout): make it a Markdown page\n")
        .stdout_has("  not copied: 404.html: credo writes the site's 404 page\n");
    site.stdout_has("keys mapped: nav_order → weight (3), published → draft (2), _drafts/ → draft (1), _posts/ → aliases (1), categories → tags (1), redirect_from → aliases (1)\n")
        .stdout_has("not copied: _site/: Jekyll does not publish it");
}

/// A collection's `permalink:` in _config.yml (`/handbook/:name/`) is
/// where Jekyll served its documents: it becomes their alias, and links
/// written for it name the files; `collections_dir:` is the folder the
/// collections sit in (they were copied below it, underscore and all).
#[test]
fn jekyll_collection_permalinks_and_collections_dir_are_followed() {
    let site = SiteTest::empty()
        .file(
            "_config.yml",
            "title: Care\ncollections_dir: ./library/\ncollections:\n  guides:\n    output: true\n    permalink: /handbook/:name/\n",
        )
        .file(
            "library/_guides/refunds.md",
            "---\ntitle: Refunds\n---\nFirst try the [calls guide](/handbook/calls/).\n",
        )
        .file("library/_guides/calls.md", "---\ntitle: Calls\n---\nPick up.\n")
        .file(
            "library/_posts/2024-01-02-hello.md",
            "---\ntitle: Hello\n---\nWelcome.\n",
        )
        .file(
            "index.md",
            "---\ntitle: Home\n---\nSee [refunds](/handbook/refunds/).\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success();
    let out = site.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/guides/refunds.md"),
        "---\ntitle: Refunds\naliases:\n- /handbook/refunds/\n---\nFirst try the [calls guide](@/guides/calls.md).\n"
    );
    assert_eq!(
        read("content/index.md"),
        "---\ntitle: Home\n---\nSee [refunds](@/guides/refunds.md).\n"
    );
    assert_eq!(
        read("content/posts/2024-01-02-hello.md"),
        "---\ntitle: Hello\naliases:\n- /2024/01/02/hello.html\n---\nWelcome.\n"
    );
    assert!(!out.join("content/library").exists());
    assert!(
        run.stdout.contains("collections: permalink → aliases (2)"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains(": 0 error(s)"), "{}", run.stderr);
}

#[test]
fn mkdocs_nav_gives_weights_and_missing_titles() {
    let site = Imported::fixture("mkdocs");
    site.run.success();
    site.untouched("content/index.md", "docs/index.md");
    site.untouched("content/img/desk.jpg", "docs/img/desk.jpg");
    assert_eq!(
        site.read("content/week-one/index.md"),
        "---\nweight: 10\n---\n# Week one\n\n![Your desk](../img/desk.jpg)\n"
    );
    assert_eq!(
        site.read("content/week-one/accounts.md"),
        "---\nsummary: Get your accounts on day one\nweight: 10\nextra:\n  hide:\n  - toc\n---\n# Accounts\n\n> [!NOTE]\n> Ask IT for a laptop first.\n\n> [!CAUTION]\n> **Never share**\n>\n> Your password is yours alone.\n\n**Laptop**\n\nSign in with your badge.\n\n--8<-- \"includes/vpn.md\"\n"
    );
    site.stdout_has("Liquid, MDX statements, attribute lists): 3 pages\n")
        .stdout_has("left as written, to rewrite by hand:\n    content/week-one/accounts.md: snippet includes (--8<--)\n  ");
    // The nav names no title and the page has no heading: credo's own
    // fallback (the file stem) applies, so none is written.
    // Python-Markdown's extensions: `[TOC]` goes, keys become `<kbd>`s,
    // `markdown` blocks get their blank lines, spaced URLs their `<…>`,
    // abbreviations `<abbr>`s, their definitions gone.
    assert_eq!(
        site.read("content/week-one/tools.md"),
        "---\nweight: 20\n---\nInstall these tools, and the <abbr title=\"Virtual Private Network\">VPN</abbr>, before Wednesday.\n\n\nOpen the launcher with <kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>L</kbd> (not `++ctrl++` in code).\n\n<div class=\"grid\">\n\n**Laptop** and [accounts](accounts.md), then the ![team](<../img/team photo.jpg> \"The team\").\n\n</div>\n"
    );
    // Heading ids by Python-Markdown's rule become GitHub's; an image's
    // attribute list a raw `<img>`.
    assert_eq!(
        site.read("content/faq.md"),
        "---\ntitle: FAQ\nweight: 20\n---\nAsk anything in #onboarding.\n\n<img src=\"img/desk.jpg\" alt=\"Desk\" class=\"framed\" width=\"240\">\n\n## Badges & keys\n\nLost one? See [Badges & keys](#badges--keys), or [accounts](week-one/accounts.md#accounts).\n\n## Über die Kantine\n\n[Lunch](#über-die-kantine) is at noon.\n"
    );
    assert!(site.read("credo.yaml").contains("title: Onboarding\ndescription: Your first weeks at Acme\nbase_url: https://docs.example.com/onboarding/\nlanguage: en\n"));
    site.stdout_has("mkdocs.yml's nav links to https://status.example.com (\"Status page\"): credo's sidebar lists the site's pages, so link to it from a page")
        .stdout_has("from the reading order: 4 weights, 1 titles")
        .stdout_has("links to pages or headings by their old URLs rewritten to credo's: 1 page\n");
    // The rewritten anchors resolve: the build checks every one.
    site.build_into_public();
    let tools = site.read("public/week-one/tools/index.html");
    assert!(
        tools.contains("<div class=\"grid\">\n<p><strong>Laptop</strong> and <a href=\"/onboarding/week-one/accounts/\">accounts</a>, then the <img src=\"/onboarding/img/team%20photo.jpg\" alt=\"team\" title=\"The team\" />.</p>\n</div>"),
        "{tools}"
    );
    let faq = site.read("public/faq/index.html");
    assert!(
        faq.contains(
            "<img src=\"/onboarding/img/desk.jpg\" alt=\"Desk\" class=\"framed\" width=\"240\">"
        ),
        "{faq}"
    );
}

#[test]
fn docusaurus_positions_and_categories_become_weights() {
    let site = Imported::fixture("docusaurus");
    site.run.success();
    let weight = |path: &str| {
        let text = site.read(path);
        text.lines()
            .find_map(|l| l.strip_prefix("weight: ").map(str::to_string))
            .unwrap_or_default()
    };
    // Top: intro (1), calls (category 2), listen (2.5), escalate (3).
    // Intro's `slug: /` made it the docs' landing page: the home page.
    assert!(!site.exists("content/intro.md"));
    site.stdout_has("  content/intro.md → content/index.md: its `slug: /` made it the docs' landing page, which is credo's home page\n");
    assert_eq!(
        site.read("content/calls/_index.md"),
        "---\ntitle: Phone calls\nweight: 10\n---\n"
    );
    // A numbered folder is labelled without its number, as Docusaurus
    // labels it.
    assert_eq!(
        site.read("content/02-billing/_index.md"),
        "---\ntitle: billing\n---\n"
    );
    assert_eq!(weight("content/listen.md"), "20");
    assert_eq!(weight("content/escalate.md"), "30");
    assert_eq!(weight("content/calls/hold.md"), "10");
    // A file without `sidebar_position` goes by its number prefix, among
    // those that have one: refunds (1), disputes (2), ledger (5), credits (10).
    let billing: Vec<String> = ["01-refunds", "02-disputes", "ledger", "10-credits"]
        .iter()
        .map(|f| weight(&format!("content/02-billing/{f}.md")))
        .collect();
    assert_eq!(billing, ["10", "20", "30", "40"]);
    assert_eq!(weight("content/calls/greeting.md"), "20");
    let escalate = site.read("content/escalate.md");
    // MDX statements are kept as comments; tabs become bold labels.
    assert!(
        escalate.contains("---\n<!--\nimport Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n-->\n\n<!--\nexport const hours = {\n  europe: '08:00-18:00',\n};\n-->\n"),
        "{escalate}"
    );
    assert!(
        escalate.contains("**Europe**\n\nCall the duty lead on the *Europe* rota.\n\n```text\n+44 20 0000 0000\n```\n\n**us**\n\nPage the on-call lead.\n"),
        "{escalate}"
    );
    assert!(escalate.ends_with("> [!TIP]\n> **Say who**\n>\n> Name the colleague who takes over.\n\n[rota]: @/calls/hold.md\n"));
    // Links to the old `/docs/` URLs name the pages (number prefixes,
    // `slug: /` and anchors followed), so `credo check` sees them.
    assert!(
        escalate.contains("[on hold](@/calls/hold.md)\nfirst, and [greet the colleague](@/calls/greeting.md#greeting) by name. Money questions\ngo by [the refund rules](@/02-billing/01-refunds.md); the basics are on [the first page](@/index.md)."),
        "{escalate}"
    );
    site.stdout_has("Liquid, MDX statements, attribute lists): 1 page\n")
        .stdout_has("links to pages or headings by their old URLs rewritten to credo's: 2 pages\n");
    assert!(
        !site.run.stdout.contains("to rewrite by hand"),
        "{}",
        site.run.stdout
    );
    assert!(
        site.read("content/index.md")
            .contains("extra:\n  id: intro\n  slug: /\n")
    );
    assert!(site.exists("static/img/logo.svg"));
    assert!(!site.exists("content/calls/_category_.json"));
    // The docs' old URLs (`/docs/…`, without the number prefixes the files
    // keep) redirect to the pages; the site's address is `url` + `baseUrl`.
    assert!(
        site.read("content/02-billing/01-refunds.md")
            .contains("aliases:\n- /docs/billing/refunds/\n")
    );
    assert!(
        site.read("content/calls/hold.md")
            .contains("aliases:\n- /docs/calls/hold/\n")
    );
    assert!(
        site.read("credo.yaml")
            .contains("base_url: https://care.example.com/\n")
    );
    assert!(
        site.read("credo.yaml")
            .contains("title: Care Team Docs\ndescription: How we look after customers\n")
    );
    site.stdout_has("made content/calls/_index.md: front matter only, for the folder's title or place in the order")
        .stdout_has("not copied: blog/");
    // A link to `escalate.mdx` names the page the import renamed `.md`.
    site.build_into_public();
    let escalate = site.read("public/escalate/index.html");
    assert!(
        escalate.contains("<div class=\"admonition admonition-tip\""),
        "{escalate}"
    );
    for link in [
        "<a href=\"/calls/hold/\">on hold</a>",
        "<a href=\"/calls/greeting/#greeting\">greet the colleague</a>",
        "<a href=\"/02-billing/01-refunds/\">the refund rules</a>",
        "<a href=\"/\">the first page</a>",
    ] {
        assert!(escalate.contains(link), "{link} in {escalate}");
    }
    // Kept for the author, out of the reader's sight and search.
    assert!(escalate.contains("<!--\nimport Tabs from '@theme/Tabs';"));
    assert!(!escalate.contains("<p>import"), "{escalate}");
    let search = site.read("public/handbook.json");
    assert!(
        !search.contains("@theme") && !search.contains("europe:"),
        "{search}"
    );
    let intro = site.read("public/index.html");
    assert!(
        intro.contains("<a href=\"/escalate/\">escalate</a>"),
        "{intro}"
    );
}

#[test]
fn mdbook_summary_gives_order_and_titles() {
    let site = Imported::fixture("mdbook");
    site.run.success();
    site.untouched("content/README.md", "src/README.md");
    site.untouched("content/images/van.png", "src/images/van.png");
    assert!(!site.exists("content/SUMMARY.md"));
    assert!(!site.exists("content/theme"));
    assert_eq!(
        site.read("content/arriving.md"),
        "---\nweight: 10\n---\n# Arriving on site\n\n![The van](images/van.png)\n\nPark where the client asks.\n"
    );
    // book.toml's redirects are aliases of the pages they name (relative
    // to the old URL's folder); a folder's own page (`index.html`, a
    // README.md) takes none, so the report names its redirect.
    assert_eq!(
        site.read("content/safety/README.md"),
        "---\nweight: 20\n---\n# Safety\n\nNobody gets hurt.\n"
    );
    site.stdout_has("no redirect from /safety.html to content/safety/README.md: a folder's own page takes no aliases, so redirect that URL at your host");
    assert!(
        !site.run.stderr.contains("unknown key"),
        "{}",
        site.run.stderr
    );
    site.stdout_has("book.toml redirects /forum.html to https://forum.example/field, which is no page of the book: credo makes no redirect to it");
    assert_eq!(
        site.read("content/glossary.md").lines().nth(1),
        Some("weight: 30")
    );
    assert_eq!(
        site.read("content/safety/ladders.md"),
        "---\ntitle: Ladders\nweight: 10\naliases:\n- /ladder-safety.html\n---\nThree points of contact, always.\n"
    );
    assert_eq!(
        site.read("content/safety/power.md"),
        "---\ntitle: 'Power: off first'\nweight: 20\naliases:\n- /old/power.html\n---\nSwitch off at the board, then test.\n"
    );
    // `site-url` is the path the book was served below.
    assert!(site.read("credo.yaml").contains("title: The Field Manual\ndescription: Safe work on client sites\nbase_url: /field-manual/\nlanguage: en\n"));
    site.stdout_has("from the reading order: 5 weights, 2 titles");
    // mdBook builds only what SUMMARY.md lists: another page is a draft.
    assert_eq!(
        site.read("content/van-checklist.md"),
        "---\ndraft: true\n---\n# Van checklist (draft)\n\nNot in the book yet.\n"
    );
    site.stdout_has("not in SUMMARY.md → draft (1)");
}

/// mdBook's includes are written out where they stand (a fragment SUMMARY.md
/// leaves out stays a draft); the lines a Rust block hides go.
#[test]
fn mdbook_includes_are_written_out() {
    let book = SiteTest::empty()
        .file("book.toml", "[book]\ntitle = \"Night Shift\"\n")
        .file("src/SUMMARY.md", "# Summary\n\n- [Rounds](rounds.md)\n")
        .file(
            "src/rounds.md",
            "# Rounds\n\n{{#include shared/keys.md}}\n\n```rust\n# fn main() {\nlet doors = 4;\n# }\n```\n\n{{#include missing.md}}\n",
        )
        .file("src/shared/keys.md", "Sign the key book before you go.\n")
        .file("src/shared/unused.md", "# Unused\n\nNot included anywhere.\n");
    let run = book.run(&["import", ".", "../out"]);
    run.success();
    let out = book.root.parent().unwrap().join("out");
    let rounds = std::fs::read_to_string(out.join("content/rounds.md")).unwrap();
    assert_eq!(
        rounds,
        "---\nweight: 10\n---\n# Rounds\n\nSign the key book before you go.\n\n```rust\nlet doors = 4;\n```\n\n{{#include missing.md}}\n"
    );
    assert!(
        run.stdout.contains("  includes ({{#include}}) written out, and the lines Rust blocks hide removed: 1 page\n")
            && run.stdout.contains("  content/rounds.md: {{#include missing.md}}: missing.md cannot be read inside the book\n"),
        "{}",
        run.stdout
    );
    // A fragment written out where it is included is no page of its own;
    // one included nowhere stays a draft.
    assert!(!out.join("content/shared/keys.md").exists());
    assert!(
        std::fs::read_to_string(out.join("content/shared/unused.md"))
            .unwrap()
            .contains("draft: true")
    );
    assert!(run.stdout.contains("not copied: src/shared/keys.md: a fragment content/rounds.md includes, where its text now stands"), "{}", run.stdout);
    // What is left unexpanded is pointed at.
    assert!(
        run.stderr.contains("template-code") || run.stderr.contains("is template code"),
        "{}",
        run.stderr
    );
}

/// mdBook shows a part title (`# Onboarding` between chapter lists) over
/// its chapters; it titles the folder they share, which credo would
/// otherwise call by its name (`onboarding`). Drafts, `---` and the
/// prefix and suffix chapters change nothing.
#[test]
fn mdbook_part_titles_name_the_folders_of_their_chapters() {
    let book = SiteTest::empty()
        .file("book.toml", "[book]\ntitle = \"Care Book\"\n")
        .file(
            "src/SUMMARY.md",
            "# Summary\n\n[Preface](preface.md)\n\n# Onboarding\n\n- [First day](onboarding/first-day.md)\n- [First week](onboarding/first-week.md)\n- [Buddy]()\n\n---\n\n# Client care\n\n- [Calls](care/calls.md)\n    - [Hard calls](care/hard/calls.md)\n- [Visits](visits.md)\n\n---\n\n[Glossary](glossary.md)\n",
        )
        .file("src/preface.md", "Why this book.\n")
        .file("src/onboarding/first-day.md", "Badge, desk, lunch.\n")
        .file("src/onboarding/first-week.md", "Shadow a lead.\n")
        .file("src/care/calls.md", "Answer by the third ring.\n")
        .file("src/care/hard/calls.md", "Listen first.\n")
        .file("src/visits.md", "Arrive early.\n")
        .file("src/glossary.md", "Terms.\n");
    let run = book.run(&["import", ".", "../out"]);
    run.success();
    let out = book.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/onboarding/_index.md"),
        "---\ntitle: Onboarding\nweight: 20\n---\n"
    );
    // `Client care` spans `care/` and `visits.md`: no folder of its own.
    assert_eq!(read("content/care/_index.md"), "---\nweight: 30\n---\n");
    assert_eq!(
        read("content/glossary.md"),
        "---\ntitle: Glossary\nweight: 50\n---\nTerms.\n"
    );
    book.run(&["build", "-r", "../out", "-o", "../out/public"])
        .success();
    let home = read("public/index.html");
    assert!(home.contains("Onboarding"), "{home}");
}

#[test]
fn folders_without_their_own_page_keep_their_place_in_the_reading_order() {
    // Audit item 3: folders named only through their pages got no weight,
    // so the built site ordered them by title, not as SUMMARY.md does.
    let book = SiteTest::empty()
        .file("book.toml", "[book]\ntitle = \"Night Shift\"\n")
        .file(
            "src/SUMMARY.md",
            "# Summary\n\n[Before you start](README.md)\n\n# Doing the rounds\n\n- [Walk the floors](zones/walk.md)\n    - [Lock up](zones/lock.md)\n- [Alarms](alerts/alarms.md)\n\n---\n\n[Contacts](contacts.md)\n",
        )
        .file("src/README.md", "# Before you start\n\nTorch, keys, radio.\n")
        .file("src/zones/walk.md", "# Walk the floors\n\nTop down, every hour.\n")
        .file("src/zones/lock.md", "Check each fire door twice.\n")
        .file("src/alerts/alarms.md", "# Alarms\n\nSilence nothing you have not seen.\n")
        .file("src/contacts.md", "# Contacts\n\nThe duty manager first.\n");
    book.run(&["import", ".", "../out"]).success();
    let out = book.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(read("content/zones/_index.md"), "---\nweight: 10\n---\n");
    assert_eq!(read("content/alerts/_index.md"), "---\nweight: 20\n---\n");
    assert_eq!(
        read("content/contacts.md").lines().nth(1),
        Some("weight: 30")
    );
    let out = out.to_string_lossy().into_owned();
    book.run(&["build", "-r", &out, "-o", &format!("{out}/public")])
        .success();
    let print = std::fs::read_to_string(format!("{out}/public/print/index.html")).unwrap();
    let at = |title: &str| {
        print
            .find(&format!(">{title}</h2>"))
            .unwrap_or_else(|| panic!("{title} not in /print/"))
    };
    // As SUMMARY.md orders them, not by title (Alerts before Zones).
    assert!(at("Zones") < at("Walk the floors"));
    assert!(at("Lock up") < at("Alerts"));
    assert!(at("Alerts") < at("Alarms"));
    // The page after the chapters stays after them (it used to come first,
    // as every page of a folder did before its subfolders).
    assert!(at("Alarms") < at("Contacts"));
    let home = std::fs::read_to_string(format!("{out}/public/index.html")).unwrap();
    let sidebar = &home[home.find("id=\"sidebar\"").unwrap()..];
    let link = |href: &str| {
        sidebar
            .find(&format!("<a href=\"{href}\""))
            .unwrap_or_else(|| panic!("{href} not in the sidebar"))
    };
    assert!(link("/zones/") < link("/alerts/") && link("/alerts/") < link("/contacts/"));

    // An MkDocs nav section titles the folder its pages share.
    let docs = SiteTest::empty()
        .file(
            "mkdocs.yml",
            "site_name: Counter Manual\nnav:\n  - Home: index.md\n  - How-to:\n    - Take a return: howto/returns.md\n    - howto/vouchers.md\n  - About: about.md\n",
        )
        .file("docs/index.md", "# Counter Manual\n")
        .file("docs/howto/returns.md", "Receipt first, then the item.\n")
        .file("docs/howto/vouchers.md", "# Vouchers\n\nNo cash back.\n")
        .file("docs/about.md", "# About\n\nOpen since the flood.\n");
    docs.run(&["import", ".", "../out"]).success();
    let out = docs.root.parent().unwrap().join("out");
    assert_eq!(
        std::fs::read_to_string(out.join("content/howto/_index.md")).unwrap(),
        "---\ntitle: How-to\nweight: 10\n---\n"
    );
}

#[test]
fn plain_markdown_is_copied_as_it_is() {
    let site = Imported::fixture("plain");
    site.run.success();
    for path in [
        "README.md",
        "team.jpg",
        "support/README.md",
        "support/tickets.md",
        "support/diagram.png",
        // A folder named as a build is one only with a built index.html
        // and no Markdown.
        "dist/README.md",
        "build/process.md",
    ] {
        site.untouched(&format!("content/{path}"), path);
    }
    // Where credo writes the folder's own page, its index.html would clash.
    assert!(!site.exists("content/build/index.html"));
    site.stdout_has("not copied: build/index.html: a page of its own where credo writes the folder's own page: copy what it says into a page if it is still wanted");
    assert!(!site.exists("content/.github"));
    assert!(!site.exists("content/_site"), "a build left lying around");
    assert_eq!(
        site.read("content/hr/holidays.md"),
        "---\ntitle: Holidays\nextra:\n  last_reviewed: 2023-01-01\n---\nAsk two weeks ahead.\n"
    );
    assert_eq!(
        site.read("credo.yaml"),
        "# Imported from plain Markdown by `credo import`.\ntitle: Acme Handbook\nbase_url: /\n"
    );
    site.stdout_has("Imported plain Markdown: \"Acme Handbook\"\n  6 pages (5 copied as they were), 2 other files\n")
        .stdout_has("  not copied: .github: hidden, and credo publishes no file or folder whose name starts with `.`\n")
        .stdout_has("  not copied: _site/: a built site (HTML a generator made), which would be published over the new one\n");
}

#[test]
fn import_refuses_a_missing_source_a_full_target_and_a_target_inside_the_source() {
    let site = SiteTest::minimal();
    site.run(&["import", "no-such-folder", "../out"])
        .code(2)
        .stderr_has("is not a folder");
    site.run(&["import", ".", "content"])
        .code(2)
        .stderr_has("it is not empty");
    site.run(&["import", ".", "new-site"])
        .code(2)
        .stderr_has("it is inside");
    assert!(!site.root.join("new-site").exists());
    // A credo site is not imported into `content/content/`.
    site.run(&["import", ".", "../elsewhere"])
        .code(2)
        .stderr_has("is a credo site already (it has credo.yaml)");
    assert!(!site.root.join("../elsewhere").exists());
}

#[test]
fn init_bare_writes_only_credo_yaml_titled_from_the_readme() {
    let site = SiteTest::empty()
        .file("content/README.md", "# Ops: the handbook\n\nHello.\n")
        .file("content/a.md", "---\ntitle: A\n---\nA.\n");
    site.run(&["init", "--bare", "."]).success();
    assert_eq!(
        site.read("credo.yaml"),
        "title: 'Ops: the handbook'\nbase_url: /\n"
    );
    assert_eq!(site.read("content/a.md"), "---\ntitle: A\n---\nA.\n");
    site.run(&["init", "--bare", "."])
        .code(2)
        .stderr_has("credo.yaml");
    site.run(&["init", "--bare", "--example", "."]).code(2);
    let untitled = SiteTest::empty().file("notes/x.md", "text\n");
    untitled.run(&["init", "--bare", "notes"]).success();
    assert_eq!(
        untitled.read("notes/credo.yaml"),
        "title: notes\nbase_url: /\n"
    );
}

#[test]
fn completions_are_printed_for_each_shell() {
    let site = SiteTest::empty();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = site.run(&["completions", shell]);
        run.success();
        assert!(
            run.stdout.contains("credo") && run.stdout.contains("import"),
            "{shell}"
        );
    }
    site.run(&["completions", "tcsh"]).code(2);
}

#[test]
fn every_help_ends_with_examples() {
    let site = SiteTest::empty();
    let commands = [
        "init",
        "build",
        "serve",
        "check",
        "new",
        "import",
        "completions",
    ];
    let top = site.run(&["--help"]);
    for args in std::iter::once(vec!["--help"]).chain(commands.iter().map(|c| vec![*c, "--help"])) {
        let run = site.run(&args);
        run.success();
        let examples = run
            .stdout
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{args:?}: no examples\n{}", run.stdout));
        let lines: Vec<&str> = examples
            .lines()
            .filter(|l| l.starts_with("  credo "))
            .collect();
        assert!((2..=3).contains(&lines.len()), "{args:?}: {lines:?}");
    }
    assert!(top.stdout.contains("credo import ../old-wiki handbook"));
}

/// `x.markdown` and `x.MD` are Markdown pages GitHub shows: imported as
/// `x.md`, and links to them by their old names still reach them.
#[test]
fn other_markdown_extensions_become_pages_and_links_to_them_follow() {
    let source = SiteTest::empty()
        .file(
            "README.md",
            "# Desk\n\n[onboarding](policies/onboarding.markdown) [notes](policies/NOTES.MD#today)\n",
        )
        .file("policies/onboarding.markdown", "# Onboarding\n")
        .file("policies/NOTES.MD", "# Notes\n\n## Today\n")
        // Beside a real `.md` of the same name, the other stays as it is.
        .file("policies/returns.md", "# Returns\n")
        .file("policies/returns.MD", "# Returns, upper\n");
    source.run(&["import", ".", "../out"]).success();
    let out = source.root.parent().unwrap().join("out");
    for page in ["policies/onboarding.md", "policies/NOTES.md"] {
        assert!(out.join("content").join(page).is_file(), "{page}");
    }
    let read = |p: &str| std::fs::read_to_string(out.join("content").join(p)).unwrap();
    assert_eq!(read("policies/returns.md"), "# Returns\n");
    assert_eq!(read("policies/returns.MD"), "# Returns, upper\n");
    let out = out.to_string_lossy().into_owned();
    let run = source.run(&["build", "-r", &out, "-o", &format!("{out}/public")]);
    run.success();
    let home = std::fs::read_to_string(format!("{out}/public/index.html")).unwrap();
    assert!(
        home.contains("<a href=\"/policies/onboarding/\">onboarding</a>"),
        "{home}"
    );
    assert!(
        home.contains("<a href=\"/policies/NOTES/#today\">notes</a>"),
        "{home}"
    );
}

#[test]
fn building_another_generators_site_names_credo_import() {
    // A folder without credo.yaml: what to run, by what is there.
    let mkdocs = SiteTest::empty()
        .file("mkdocs.yml", "site_name: Desk\n")
        .file("docs/index.md", "# Desk\n");
    mkdocs.build().code(2).stderr_has(
        "this is an MkDocs site: `credo import . NEW-FOLDER` makes a credo site of a copy",
    );
    let plain = SiteTest::empty().file("README.md", "# Desk\n");
    plain.check().code(2).stderr_has(
        "this is a folder of Markdown: `credo init --bare .` adds a credo.yaml beside it",
    );
    SiteTest::empty()
        .file("notes.txt", "x")
        .build()
        .code(2)
        .stderr_has("is this a credo site? (`credo init` makes one)");
}
