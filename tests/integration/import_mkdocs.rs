//! `credo import` of MkDocs (Material) sites: what only MkDocs' extensions
//! read. The nav and callouts are in `import.rs`.

use crate::harness::SiteTest;

/// Material's icons (`:material-phone-return:`), which credo would show
/// by name, go; the glossary `auto_append` pastes on every page gives its
/// abbreviations to each.
///
/// `pymdownx.snippets` pasted a file where `--8<-- "file"` stood, named
/// from the project's folder (or the `base_path` folders it is given), in
/// fenced code as well, whole, by lines or by section; the import left the
/// line as text and only named it. Now each is written out, a snippet that
/// cannot be read stays and is reported, and the site builds.
#[test]
fn snippets_are_written_out_from_their_base_paths() {
    let site = SiteTest::empty()
        .file(
            "mkdocs.yml",
            "site_name: Harbour Desk\nmarkdown_extensions:\n  - abbr\n  - admonition\n  - pymdownx.snippets:\n      base_path: [., snippets]\n      auto_append: [glossary.md]\n      check_paths: true\n  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n          class: mermaid\n          format: !!python/name:pymdownx.superfences.fence_code_format\n",
        )
        .file(
            "snippets/hours.md",
            "We answer from **eight to six**, see [calls](calls.md).\n",
        )
        .file(
            "snippets/greeting.py",
            "def greet(client):\n    # --8<-- [start:body]\n    return f\"Good morning, {client}\"\n    # --8<-- [end:body]\n",
        )
        .file("snippets/glossary.md", "*[SLA]: Service level agreement\n")
        .file(
            "snippets/promise.md",
            "Our promise.\n<!-- --8<-- [start:short] -->\nNo client waits.\n<!-- --8<-- [end:short] -->\n",
        )
        .file("docs/index.md", "# Harbour desk\n\n--8<-- \"hours.md\"\n\n```python\n--8<-- \"snippets/greeting.py:1:3\"\n```\n\n!!! tip \"Greeting\"\n    --8<-- \"promise.md:short\"\n\n--8<-- \"missing.md\"\n")
        .file("docs/calls.md", "# Calls\n\n:material-phone-return:{ .lg } Return every call, as the SLA says.\n\n--8<--\nhours.md\n--8<--\n");
    let run = site.run(&["import", ".", "../out"]);
    run.success().diagnostics_are(&[]);
    let out = site.root.parent().unwrap().join("out");
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    assert_eq!(
        read("content/index.md"),
        "# Harbour desk\n\nWe answer from **eight to six**, see [calls](calls.md).\n\n```python\ndef greet(client):\n    return f\"Good morning, {client}\"\n```\n\n> [!TIP]\n> **Greeting**\n>\n> No client waits.\n\n--8<-- \"missing.md\"\n"
    );
    assert_eq!(
        read("content/calls.md"),
        "# Calls\n\nReturn every call, as the <abbr title=\"Service level agreement\">SLA</abbr> says.\n\nWe answer from **eight to six**, see [calls](calls.md).\n"
    );
    for line in [
        "snippets (--8<--) written out: 2 pages",
        "content/index.md: --8<-- \"missing.md\": no such file",
        "content/index.md: snippet includes (--8<--)",
    ] {
        assert!(run.stdout.contains(line), "{line}\n{}", run.stdout);
    }
    site.run(&["build", "-r", "../out"]).success();
    let index = read("public/index.html");
    assert!(
        index.contains("<strong>eight to six</strong>, see <a href=\"/calls/\">calls</a>"),
        "{index}"
    );
}
