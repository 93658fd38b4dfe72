//! Lint levels (issue 21): `lints:` in credo.yaml sets each diagnostic
//! code to error, warning or allow; many findings of one code end the
//! report with a count and what to do about all of them.

use crate::harness::SiteTest;

fn site_with_a_broken_anchor(lints: &str) -> SiteTest {
    SiteTest::empty()
        .file("credo.yaml", format!("title: T\n{lints}"))
        .file(
            "content/_index.md",
            "---\ntitle: Home\n---\n[a](a.md#Nowhere)\n",
        )
        .file("content/a.md", "# A\n")
        .file("content/more/lonely.md", "# Lonely\n")
}

#[test]
fn a_code_set_to_warning_lets_the_build_pass_and_allow_silences_it() {
    // By default a broken anchor stops the build.
    site_with_a_broken_anchor("").build().code(1);
    let site = site_with_a_broken_anchor("lints:\n  broken-anchor: warning\n");
    site.build().success();
    site.check().success().diagnostics_are(&[
        "content/_index.md:4:1: warning: link to `a.md#Nowhere`: content/a.md has no heading with id `Nowhere`",
        "content/more/lonely.md:1:1: warning: nothing links to `Lonely`",
    ]);
    site_with_a_broken_anchor("lints: {broken-anchor: allow, orphan-page: error}\n")
        .check()
        .code(1)
        .diagnostics_are(&["content/more/lonely.md:1:1: error: nothing links to `Lonely`"]);
}

#[test]
fn a_warning_set_to_error_fails_the_build() {
    SiteTest::minimal()
        .file("credo.yaml", "title: T\nlints:\n  orphan-page: error\n")
        .file("content/more/lonely.md", "# Lonely\n")
        .build()
        .code(1)
        .diagnostics_are(&["content/more/lonely.md:1:1: error: nothing links to `Lonely`"]);
}

#[test]
fn an_unknown_code_or_level_is_an_error_with_a_hint() {
    SiteTest::minimal()
        .file(
            "credo.yaml",
            "title: T\nlints:\n  broken-anchors: warning\n  orphan-page: sometimes\n",
        )
        .check()
        .code(1)
        .diagnostics_are(&[
            "credo.yaml:3:3: error: `lints` names `broken-anchors`, which is not a diagnostic code",
            "credo.yaml:4:3: error: `lints: {orphan-page: sometimes}`: a level is `error`, `warning` or `allow`",
        ])
        .stderr_has("did you mean `broken-anchor`?");
}

#[test]
fn many_findings_of_one_code_end_with_a_count_and_a_remedy() {
    let links: String = (0..25).map(|i| format!("[x](#gone-{i})\n\n")).collect();
    let run = SiteTest::minimal()
        .file("content/a.md", format!("# A\n\n{links}"))
        .check();
    run.code(1)
        .stderr_has(
            "25 × broken-anchor: A link names a heading id that its target page does not have.",
        )
        .stderr_has("lints: {broken-anchor: warning}");
    assert_eq!(run.diagnostics().len(), 25);
}

/// Another generator's template code in a body is shown as written: a
/// warning points at it; in code, or JSX's `style={{…}}`, it is no warning.
#[test]
fn template_code_left_in_a_body_is_a_warning() {
    SiteTest::minimal()
        .file("content/a.md", "---\ntitle: A\n---\nIntro.\n\nSee {{< figure src=\"map.png\" caption=\"Map\" >}} here.\n")
        .file("content/b.md", "---\ntitle: B\n---\n`{{ site.title }}` and\n\n```liquid\n{% link a.md %}\n```\n\n<p style={{color: 'red'}}>x</p>\n\n[A](a.md)\n")
        .file("content/_index.md", "---\ntitle: Home\n---\n[B](b.md) [C](c.md) {% include note.html %}\n")
        .file("content/c.md", "---\ntitle: C\n---\n{{% notice tip %}}\nHi.\n")
        .check()
        .success()
        .diagnostics_are(&[
            "content/_index.md:4:21: warning: `{% include note.html %}` is template code, which credo shows as written",
            "content/a.md:6:5: warning: `{{< figure src=\"map.png\" caption=\"Map\" >}}` is template code, which credo shows as written",
            "content/c.md:4:1: warning: `{{% notice tip %}}` is template code, which credo shows as written",
        ]);
}
