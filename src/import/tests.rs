use super::*;

/// The site title of `init --bare` and `import` reads the README as a
/// page's title is read: a raw `<h1 align="center">` counts.
#[test]
fn heading_title_reads_raw_html_headings_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("README.md"),
        "<h1 align=\"center\">\n  Client <em>Care</em>\n</h1>\n\n# Later\n",
    )
    .unwrap();
    assert_eq!(heading_title(dir.path()).as_deref(), Some("Client Care"));
    std::fs::write(
        dir.path().join("README.md"),
        "## Not\n\n# The `credo` way\n",
    )
    .unwrap();
    assert_eq!(heading_title(dir.path()).as_deref(), Some("The credo way"));
}

/// A GitHub repository's README in another case (`README.MD`,
/// `Readme.md`), which GitHub shows and `credo import` makes the home
/// page, titles the site too (it was titled after the folder).
#[test]
fn heading_title_reads_a_readme_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.MD"), "# Upper Handbook\n").unwrap();
    assert_eq!(heading_title(dir.path()).as_deref(), Some("Upper Handbook"));
    std::fs::write(dir.path().join("Readme.markdown"), "# Long Name\n").unwrap();
    std::fs::write(dir.path().join("index.md"), "# Index\n").unwrap();
    assert_eq!(heading_title(dir.path()).as_deref(), Some("Upper Handbook"));
    std::fs::write(dir.path().join("Readme.md"), "# Mixed Case\n").unwrap();
    assert_eq!(heading_title(dir.path()).as_deref(), Some("Mixed Case"));
    std::fs::write(dir.path().join("README.md"), "No heading.\n").unwrap();
    assert_eq!(heading_title(dir.path()).as_deref(), Some("Mixed Case"));
    // A folder of the name is no page.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("readme.md")).unwrap();
    assert_eq!(heading_title(dir.path()), None);
}

#[test]
fn heading_title_reads_past_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("README.md"),
        "\u{feff}# Acme Handbook\r\n\r\ntext\r\n",
    )
    .unwrap();
    assert_eq!(heading_title(dir.path()).as_deref(), Some("Acme Handbook"));
}

#[test]
fn config_text_ignores_case_and_follows_tables() {
    let map: Mapping = serde_yaml::from_str("baseURL: /x/\nparams:\n  Description: hi\n").unwrap();
    assert_eq!(config_text(&map, "baseurl").as_deref(), Some("/x/"));
    assert_eq!(
        config_text(&map, "params.description").as_deref(),
        Some("hi")
    );
    assert_eq!(config_text(&map, "params.missing"), None);
}
