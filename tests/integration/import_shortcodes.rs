//! `credo import` of Hugo and Zola sites: the callout, folded-block and
//! video shortcodes their docs themes define, which credo would show as
//! text.

use crate::harness::SiteTest;

/// A Hugo docs theme's callouts (`hint`, Docsy's `alert`, Relearn's
/// `notice`), a `details` block, a YouTube video and tabs stayed as
/// template code, warned about by `credo check`; now they are alerts, a
/// `<details>`, a link and labels, and the imported site checks clean.
#[test]
fn hugo_theme_callouts_details_and_videos_become_markdown() {
    let site = SiteTest::empty()
        .file(
            "hugo.toml",
            "baseURL = 'https://help.example.com/'\ntitle = 'Quayside Help'\ntheme = 'book'\n",
        )
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n{{< hint warning >}}\nCall back **the same day**.\n{{< /hint >}}\n\n\
             {{% alert title=\"Before a refund\" color=\"danger\" %}}\nAsk the account owner.\n{{% /alert %}}\n\n\
             {{< details \"Why we ask\" >}}\nBecause the client <em>deserves</em> an answer.\n{{< /details >}}\n\n\
             {{< youtube a1B2c3 >}}\n\n{{< tabs \"os\" >}}\n{{< tab \"Mac\" >}}\nPress Cmd.\n{{< /tab >}}\n{{< /tabs >}}\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success().diagnostics_are(&[]);
    let out = site.root.parent().unwrap().join("out");
    assert_eq!(
        std::fs::read_to_string(out.join("content/_index.md")).unwrap(),
        "---\ntitle: Home\n---\n> [!WARNING]\n> Call back **the same day**.\n\n\
         > [!CAUTION]\n> **Before a refund**\n>\n> Ask the account owner.\n\n\
         <details><summary>Why we ask</summary>\n\nBecause the client <em>deserves</em> an answer.\n\n</details>\n\n\
         [Video on YouTube](https://www.youtube.com/watch?v=a1B2c3)\n\n**Mac**\n\nPress Cmd.\n"
    );
    site.run(&["build", "-r", "../out"]).success();
    let home = std::fs::read_to_string(out.join("public/index.html")).unwrap();
    for shown in [
        "<strong>the same day</strong>",
        "<summary>Why we ask</summary>",
        "href=\"https://www.youtube.com/watch?v=a1B2c3\"",
    ] {
        assert!(home.contains(shown), "{shown}\n{home}");
    }
    assert!(!home.contains("{{"), "{home}");
}

/// Zola's body shortcodes (`{% note(kind="warning") %}` … `{% end %}`)
/// and `{{ youtube(id=…) }}`; a shortcode credo has no form for stays and
/// is still reported.
#[test]
fn zola_callouts_and_videos_become_markdown_and_others_stay() {
    let site = SiteTest::empty()
        .file(
            "config.toml",
            "base_url = \"https://handbook.example.org\"\ntitle = \"Tidewater\"\n",
        )
        .file(
            "content/care.md",
            "+++\ntitle = \"Care\"\n+++\n{% note(kind=\"warning\", title=\"Careful\") %}\nNever skip a rung.\n{% end %}\n\n\
             {{ youtube(id=\"zz9\") }}\n\n{{ map(lat=1, lon=2) }}\n",
        );
    let run = site.run(&["import", ".", "../out"]);
    run.success();
    let out = site.root.parent().unwrap().join("out");
    assert_eq!(
        std::fs::read_to_string(out.join("content/care.md")).unwrap(),
        "---\ntitle: Care\n---\n> [!WARNING]\n> **Careful**\n>\n> Never skip a rung.\n\n\
         [Video on YouTube](https://www.youtube.com/watch?v=zz9)\n\n{{ map(lat=1, lon=2) }}\n"
    );
    assert!(
        run.stdout
            .contains("template code ({{ }}, {% %}) left as written, to rewrite by hand: 1 page:\n    content/care.md"),
        "{}",
        run.stdout
    );
}
