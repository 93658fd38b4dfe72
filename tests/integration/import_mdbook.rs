//! `credo import` of mdBook books: chapters with subchapters, and the
//! links that must follow a chapter into its folder.

use crate::harness::SiteTest;

/// mdBook lays out a chapter with subchapters as `billing.md` beside
/// `billing/`; credo serves a folder of pages at the folder's URL, so the
/// chapter becomes the folder's own page (`billing/_index.md`), nested
/// chapters too, and every link to it or from it still resolves. The
/// imported book builds with no `duplicate-url` error.
#[test]
fn mdbook_chapters_with_subchapters_become_their_folders_pages() {
    let book = SiteTest::empty()
        .file(
            "book.toml",
            "[book]\ntitle = \"Front Desk\"\n\n[output.html.redirect]\n\"/payments.html\" = \"billing.html\"\n\"/money-back.html\" = \"billing/refunds.html\"\n\"/billing/part.html\" = \"refunds/partial.html\"\n",
        )
        .file(
            "src/SUMMARY.md",
            "# Summary\n\n[Welcome](README.md)\n\n- [Billing](billing.md)\n    - [Refunds](billing/refunds.md)\n        - [Partial refunds](billing/refunds/partial.md)\n    - [Receipts](billing/receipts.md)\n- [Contacts](contacts.md)\n",
        )
        .file(
            "src/README.md",
            "# Welcome\n\nStart with [billing](billing.md), then [refunds](billing/refunds.md#when-to-refund) or [the desk chapter](billing.html).\n",
        )
        .file(
            "src/billing.md",
            "# Billing\n\nEvery sale gets a receipt: see [refunds](billing/refunds.md), [receipts](./billing/receipts.md#keep-a-copy) and [who to call](contacts.md).\n\n![Till](images/till.png)\n\n<a href=\"billing/refunds/partial.md\">partial</a> [top](#billing)\n\n[card]: contacts.md#card-machine\n\nThe [card machine][card] has its own line.\n",
        )
        .file(
            "src/billing/refunds.md",
            "# Refunds\n\n## When to refund\n\nBack to [billing](../billing.md); see [partial](refunds/partial.md) and [the welcome](../README.md).\n",
        )
        .file(
            "src/billing/refunds/partial.md",
            "# Partial refunds\n\nOnly after [a full refund is refused](../refunds.md#when-to-refund), as [billing](../../billing.md) says.\n",
        )
        .file(
            "src/billing/receipts.md",
            "# Receipts\n\n## Keep a copy\n\nFiled by [billing](../billing.md) date.\n",
        )
        .file(
            "src/contacts.md",
            "# Contacts\n\n## Card machine\n\nCall the bank.\n",
        )
        .file("src/images/till.png", "png");
    let run = book.run(&["import", ".", "../out"]);
    run.success();
    let out = book.root.parent().unwrap().join("out");
    let read = |path: &str| {
        std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    assert!(!out.join("content/billing.md").exists());
    assert!(!out.join("content/billing/refunds.md").exists());
    // The chapter is its folder's page, its weight kept; its own links are
    // written for its new folder.
    assert_eq!(
        read("content/billing/_index.md"),
        "---\nweight: 10\n---\n# Billing\n\nEvery sale gets a receipt: see [refunds](@/billing/refunds/_index.md), [receipts](receipts.md#keep-a-copy) and [who to call](../contacts.md).\n\n![Till](../images/till.png)\n\n<a href=\"refunds/partial.md\">partial</a> [top](#billing)\n\n[card]: ../contacts.md#card-machine\n\nThe [card machine][card] has its own line.\n"
    );
    assert_eq!(
        read("content/billing/refunds/_index.md"),
        "---\nweight: 10\n---\n# Refunds\n\n## When to refund\n\nBack to [billing](@/billing/_index.md); see [partial](partial.md) and [the welcome](../../README.md).\n"
    );
    // Links to a moved chapter follow it.
    assert_eq!(
        read("content/README.md"),
        "# Welcome\n\nStart with [billing](@/billing/_index.md), then [refunds](@/billing/refunds/_index.md#when-to-refund) or [the desk chapter](billing.html).\n"
    );
    assert_eq!(
        read("content/billing/refunds/partial.md"),
        "---\nweight: 10\naliases:\n- /billing/part.html\n---\n# Partial refunds\n\nOnly after [a full refund is refused](@/billing/refunds/_index.md#when-to-refund), as [billing](@/billing/_index.md) says.\n"
    );
    assert!(
        run.stdout.contains("billing.md → content/billing/_index.md: a chapter with subchapters (billing/) is its folder's own page in credo"),
        "{}",
        run.stdout
    );
    // book.toml's redirects to a moved chapter follow it; as a folder's
    // own page it takes no aliases, so the report names them.
    for (url, page) in [
        ("/payments.html", "content/billing/_index.md"),
        ("/money-back.html", "content/billing/refunds/_index.md"),
    ] {
        assert!(
            run.stdout.contains(&format!("no redirect from {url} to {page}: a folder's own page takes no aliases, so redirect that URL at your host")),
            "{}",
            run.stdout
        );
    }
    // The import's own check, then a build, find nothing wrong.
    run.diagnostics_are(&[]);
    assert!(
        run.stderr.contains("0 error(s), 0 warning(s)"),
        "{}",
        run.stderr
    );
    let site = out.to_string_lossy().into_owned();
    let build = book.run(&["build", "-r", &site, "-o", &format!("{site}/public")]);
    build.success().diagnostics_are(&[]);
    let billing = read("public/billing/index.html");
    assert!(billing.contains("href=\"/billing/refunds/\""), "{billing}");
    assert!(billing.contains("src=\"/images/till.png\""), "{billing}");
}

/// A chapter with subchapters (`billing.md`) whose folder also holds a
/// `README.md` (mdBook serves it at `billing/index.html`) stayed beside
/// the folder, and the imported book failed with a `duplicate-url` for
/// `/billing/`. Now the chapter is the folder's own page as everywhere
/// else, the README becomes `billing/README-page.md`, as any second page
/// of a folder does, keeping its place in the order and the redirects to
/// it, and links to either still resolve.
#[test]
fn a_chapter_beside_a_folder_with_its_own_readme_still_becomes_the_folders_page() {
    let book = SiteTest::empty()
        .file("book.toml", "[book]\ntitle = \"Front Desk\"\n\n[output.html.redirect]\n\"/basics.html\" = \"billing/index.html\"\n")
        .file(
            "src/SUMMARY.md",
            "# Summary\n\n[Welcome](README.md)\n\n- [Billing](billing.md)\n    - [Billing basics](billing/README.md)\n    - [Refunds](billing/refunds.md)\n",
        )
        .file("src/README.md", "# Welcome\n\nRead [billing](billing.md) and [the basics](billing/README.md).\n")
        .file("src/billing.md", "# Billing\n\nStart with [the basics](billing/README.md), then [refunds](billing/refunds.md).\n")
        .file("src/billing/README.md", "# Billing basics\n\nEvery invoice is sent on the first working day. See [refunds](refunds.md).\n")
        .file("src/billing/refunds.md", "# Refunds\n\nBack to [the basics](README.md) or [billing](../billing.md).\n");
    let run = book.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    let out = book.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert!(!out.join("content/billing.md").exists());
    assert!(!out.join("content/billing/README.md").exists());
    assert!(read("content/billing/_index.md").contains("# Billing\n"));
    let overview = read("content/billing/README-page.md");
    assert!(
        overview.contains("# Billing basics\n")
            && overview.contains("weight: 10")
            // mdBook's redirect to `billing/index.html` follows it.
            && overview.contains("aliases:\n- /basics.html\n"),
        "{overview}"
    );
    assert!(
        run.stdout.contains("renamed content/billing/README.md to content/billing/README-page.md: content/billing/_index.md is the folder's own page, and credo takes one"),
        "{}",
        run.stdout
    );
    let site = out.to_string_lossy().into_owned();
    book.run(&["build", "-r", &site, "-o", &format!("{site}/public")])
        .success();
    assert!(out.join("public/billing/README-page/index.html").exists());
}
