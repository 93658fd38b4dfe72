//! `credo import` of GitBook repositories: SUMMARY.md's order, the hidden
//! `.gitbook/assets/` made visible, and GitBook's blocks as Markdown.

use crate::harness::SiteTest;
use crate::import::Imported;

/// A GitBook synced to Git (`.gitbook.yaml` naming `root: ./docs/`) was
/// read as a plain Markdown folder: its images in the hidden
/// `.gitbook/assets/` were left out, its `{% hint %}`s shown as text and
/// its SUMMARY.md order lost. Now the images are copied to `assets/`,
/// every link to them from any depth follows, the blocks are Markdown,
/// code is left alone, and the book checks and builds clean.
#[test]
fn a_gitbook_imports_with_its_assets_order_and_blocks() {
    let book = Imported::fixture("gitbook");
    book.run.success();
    book.stdout_has("Imported GitBook: \"Northwind Client Handbook\"")
        .stdout_has(".gitbook/assets/ → content/assets/: 7 images and files GitBook keeps in a hidden folder, which credo would not publish; links to them follow")
        .stdout_has("not copied: .gitbook/includes: GitBook's own, hidden")
        .stdout_has("not copied: .gitbook.yaml: read for the book's root and structure")
        .stdout_has("includes ({% include %}, from .gitbook/includes/) written out: 1 page")
        .stdout_has("content/client-care/difficult conversations.md: GitBook's {% openapi %}, which credo has no form for")
        .stdout_has("billing.md → content/billing/_index.md: a chapter with subchapters (billing/) is its folder's own page in credo");
    // Only the book's root is the site: not the repository's README.
    assert!(
        !book
            .read("content/README.md")
            .contains("handbook repository")
    );
    assert!(book.exists("content/assets/refund flow (v2).png"));
    assert!(!book.exists("content/.gitbook"));
    assert_eq!(
        book.read("content/README.md"),
        "---\nsummary: How Northwind looks after the firms that trust us with their books.\n---\n\n# Northwind Client Handbook\n\n![Northwind logo](assets/logo.png)\n\nEvery account manager reads this handbook in their first week.\n\n> [!NOTE]\n> Spotted something out of date? Tell the client-care lead the same day.\n\n[our-promise.md](our-promise.md)\n"
    );
    assert_eq!(
        book.read("content/our-promise.md"),
        "---\nweight: 10\n---\n# Our promise\n\nWe answer every client within one working day, even when the answer is\n\"we are still looking into it\".\n\n**Small firms**\n\nOne named account manager, reachable by phone.\n\n**Partners**\n\nA named manager and a deputy, with a monthly review.\n\n[The promise, told by our founder](https://video.example/northwind-promise)\n\n```text title=\"signature.txt\"\nNorthwind Bookkeeping · We answer within one working day\n```\n"
    );
    assert_eq!(
        book.read("content/client-care/README.md"),
        "---\nweight: 20\n---\n# First contact\n\nThe first call sets the tone for the whole engagement.\n\n![The front desk](../assets/desk%20photo.png)\n\n1. Greet the client by name.\n2. Confirm what they are calling about.\n\n   > [!WARNING]\n   > Never discuss a client's figures before confirming who is calling.\n\n3. Log the call.\n"
    );
    assert_eq!(
        book.read("content/client-care/answering-calls.md"),
        "---\nweight: 10\n---\n# Answering calls\n\n<figure><img src=\"../assets/call script.png\" alt=\"The call script\"><figcaption><p>The script on every desk</p></figcaption></figure>\n\nPick up within three rings. If you cannot, let it go to the shared line.\n\n[Printable call checklist](<../assets/Call checklist.pdf>)\n\nSee also [difficult conversations](<difficult conversations.md>).\n"
    );
    // An include is written out where it stands, without its front
    // matter, its links written from the page's folder.
    assert_eq!(
        book.read("content/client-care/difficult conversations.md"),
        "---\nweight: 20\n---\n# Difficult conversations\n\n> [!CAUTION]\n> Never promise a refund on the phone: refunds go through [billing](../billing/refunds.md).\n\nIf the client asks for a manager, transfer the call; do not argue. The [refund rules](../billing/refunds.md) still apply.\n\n![The escalation path](../assets/logo.png)\n\nStay calm, write down what the client says, and call them back.\n\n{% openapi src=\"https://api.example/openapi.yaml\" path=\"/complaints\" method=\"post\" %}\n"
    );
    // A chapter moved into its folder has its links written from there.
    assert_eq!(
        book.read("content/billing/_index.md"),
        "---\nweight: 30\n---\n# Billing\n\nInvoices go out on the first working day of the month.\n\n![A sample invoice](../assets/invoice.png)\n\nQuestions about a charge? Start with [refunds](refunds.md).\n"
    );
    assert_eq!(
        book.read("content/billing/refunds.md"),
        "---\nweight: 10\n---\n# Refunds\n\n> [!TIP]\n> Most refunds are approved within two days.\n\n![](<../assets/refund flow (v2).png>)\n\nBack to [billing](@/billing/_index.md).\n"
    );
    // Code keeps GitBook's syntax and its old paths as written.
    assert_eq!(
        book.read("content/tools/crm/README.md"),
        "---\nweight: 10\n---\n# The CRM\n\n![The CRM's home screen](../../assets/crm%20screen.png)\n\nExample of a note left in the CRM, exactly as typed:\n\n```markdown\n{% hint style=\"info\" %}\nClient asked for a callback. See .gitbook/assets/x.png\n{% endhint %}\n![](../../.gitbook/assets/crm%20screen.png)\n```\n"
    );
    assert_eq!(
        book.read("content/tools/crm/logging-a-visit.md"),
        "---\nweight: 10\n---\n# Logging a visit\n\n```json title=\"visit.json\"\n{\"client\": \"Acme Ltd\", \"kind\": \"visit\", \"minutes\": 45}\n```\n"
    );
    // GitBook publishes only what SUMMARY.md lists.
    assert_eq!(
        book.read("content/drafts/old-pricing.md"),
        "---\ndraft: true\n---\n# Old pricing\n\nThe 2022 price list, kept until every client has moved to the new one.\n"
    );
    // The import's check finds no error (the unknown tag is a warning).
    book.run.errors_are(&[]);
    book.build_into_public();
    let calls = book.read("public/client-care/answering-calls/index.html");
    assert!(
        calls.contains("src=\"/assets/call%20script.png\""),
        "{calls}"
    );
    assert!(
        calls.contains("href=\"/assets/Call%20checklist.pdf\""),
        "{calls}"
    );
    let refunds = book.read("public/billing/refunds/index.html");
    assert!(
        refunds.contains("src=\"/assets/refund%20flow%20(v2).png\""),
        "{refunds}"
    );
    assert!(book.exists("public/assets/desk photo.png"));
}

/// A SUMMARY.md at the top, without `book.toml`, is a GitBook; its own
/// `assets/` folder keeps its name, so GitBook's go to `gitbook-assets/`;
/// `structure.readme` names the home page.
#[test]
fn a_gitbook_without_config_and_with_its_own_assets_folder() {
    let book = SiteTest::empty()
        .file(
            "SUMMARY.md",
            "# Table of contents\n\n* [Start here](start.md)\n* [Letterhead](letterhead.md)\n",
        )
        .file(
            "start.md",
            "# Start here\n\n![Team](.gitbook/assets/team.png)\n",
        )
        .file(
            "letterhead.md",
            "# Letterhead\n\n![Logo](assets/logo.svg) <img src=\".gitbook/assets/team.png\">\n",
        )
        .file("assets/logo.svg", "<svg/>")
        .file(".gitbook/assets/team.png", "png");
    let run = book.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    assert!(run.stdout.contains("Imported GitBook"), "{}", run.stdout);
    let out = book.root.parent().unwrap().join("out");
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert_eq!(
        read("content/letterhead.md"),
        "---\nweight: 20\n---\n# Letterhead\n\n![Logo](assets/logo.svg) <img src=\"gitbook-assets/team.png\">\n"
    );
    assert!(out.join("content/gitbook-assets/team.png").is_file());
    assert!(out.join("content/assets/logo.svg").is_file());
    // `structure.readme` names the first page, which becomes the home page.
    let book = book.file(".gitbook.yaml", "structure:\n  readme: start.md\n");
    let run = book.run(&["import", ".", "../out2"]);
    run.success().errors_are(&[]);
    let out = book.root.parent().unwrap().join("out2");
    assert_eq!(
        std::fs::read_to_string(out.join("content/index.md")).unwrap(),
        "# Start here\n\n![Team](gitbook-assets/team.png)\n"
    );
    assert!(!out.join("content/start.md").exists());
}

/// A folder of Markdown whose SUMMARY.md is prose (a report's summary that
/// links a page) is no GitBook: it was imported as one, SUMMARY.md left
/// out, every page it does not list made a draft and the links to them
/// broken. It imports as plain Markdown, every page kept and published.
#[test]
fn a_summary_md_of_prose_is_no_gitbook() {
    let notes = SiteTest::empty()
        .file(
            "README.md",
            "# Team notes\n\nSee [onboarding](guides/onboarding.md) and the [summary](SUMMARY.md).\n",
        )
        .file(
            "SUMMARY.md",
            "# Quarterly summary\n\nWe shipped [onboarding](guides/onboarding.md). Revenue up.\n",
        )
        .file("guides/onboarding.md", "# Onboarding\n\nRead [billing](billing.md).\n")
        .file("guides/billing.md", "# Billing\n");
    let run = notes.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    assert!(
        run.stdout.contains("Imported plain Markdown"),
        "{}",
        run.stdout
    );
    let out = notes.root.parent().unwrap().join("out");
    assert!(out.join("content/SUMMARY.md").is_file());
    assert_eq!(
        std::fs::read_to_string(out.join("content/guides/billing.md")).unwrap(),
        "# Billing\n"
    );
}

/// GitBook keeps `.gitbook/assets/` at the repository's top even when
/// `.gitbook.yaml` names `root: ./docs/`, so pages link up out of the
/// root (`../.gitbook/assets/x.png`). Those files were not copied and the
/// links stayed broken. Now they are copied to `assets/` as the root's own
/// are, and the links from any depth follow.
#[test]
fn assets_kept_above_the_root_are_copied_and_links_follow() {
    let book = SiteTest::empty()
        .file(".gitbook.yaml", "root: ./docs/\n")
        .file(
            "docs/README.md",
            "# Client care\n\n![Our desk](../.gitbook/assets/front%20desk.png)\n",
        )
        .file("docs/SUMMARY.md", "# Table of contents\n\n* [Client care](README.md)\n* [Calls](care/calls.md)\n")
        .file(
            "docs/care/calls.md",
            "# Calls\n\n![Call flow](../../.gitbook/assets/flow.png)\n\n{% file src=\"../../.gitbook/assets/call sheet.pdf\" %}\n",
        )
        .file(".gitbook/assets/front desk.png", "png")
        .file(".gitbook/assets/flow.png", "png")
        .file(".gitbook/assets/call sheet.pdf", "pdf");
    let run = book.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    let out = book.root.parent().unwrap().join("out");
    for file in ["front desk.png", "flow.png", "call sheet.pdf"] {
        assert!(out.join("content/assets").join(file).exists(), "{file}");
    }
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    assert!(
        read("content/README.md").contains("![Our desk](assets/front%20desk.png)"),
        "{}",
        read("content/README.md")
    );
    let calls = read("content/care/calls.md");
    assert!(
        calls.contains("![Call flow](../assets/flow.png)"),
        "{calls}"
    );
    assert!(calls.contains("(<../assets/call sheet.pdf>)"), "{calls}");
}

/// An `index.html` left at the top of a GitBook repository (an old landing
/// page) was copied where credo writes the home page, and the book failed
/// with a `duplicate-url`, as a plain folder's did: it is left out and
/// reported for every generator.
#[test]
fn a_landing_page_at_the_top_of_a_gitbook_is_not_copied() {
    let book = SiteTest::empty()
        .file(
            "SUMMARY.md",
            "# Table of contents\n\n* [Welcome](README.md)\n* [Feedback](feedback.md)\n",
        )
        .file(
            "README.md",
            "# Orchard Consulting\n\nClients first, paperwork second.\n",
        )
        .file(
            "feedback.md",
            "# Feedback\n\nAsk for it at the end of every phase.\n",
        )
        .file(
            "index.html",
            "<html><body>Our old landing page</body></html>\n",
        );
    let run = book.run(&["import", ".", "../out"]);
    run.success().errors_are(&[]);
    assert!(
        run.stdout.contains("not copied: index.html: a page of its own where credo writes the home page (README.md): copy what it says into README.md if it is still wanted"),
        "{}",
        run.stdout
    );
    assert!(
        !book
            .root
            .parent()
            .unwrap()
            .join("out/content/index.html")
            .exists()
    );
}
