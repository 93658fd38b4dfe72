//! The built-in sidebar is made once for the pages that share it and
//! marked for each (src/render/sidebar.rs). A site that overrides the
//! partial with the very same text gets it rendered for every page, as any
//! theme's own sidebar is: both builds must be byte for byte the same.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::harness::{SiteTest, snapshot};

const PARTIAL: &str = "templates/partials/sidebar.html";

fn builtin_partial() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes/default/templates/partials/sidebar.html");
    std::fs::read_to_string(path).unwrap()
}

/// Builds `site` as it is and with the built-in partial copied into its
/// templates, and compares every output file.
fn same_with_the_partial_rendered_per_page(site: SiteTest) -> BTreeMap<PathBuf, Vec<u8>> {
    site.build().success();
    let made = snapshot(&site.root.join("public"));
    let site = site.file(PARTIAL, builtin_partial());
    std::fs::remove_dir_all(site.root.join("public")).unwrap();
    site.build().success();
    let rendered = snapshot(&site.root.join("public"));
    assert_eq!(
        made.keys().collect::<Vec<_>>(),
        rendered.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &made {
        assert!(
            bytes == &rendered[path],
            "{} differs:\n{}\n---- rendered per page ----\n{}",
            path.display(),
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&rendered[path])
        );
    }
    made
}

/// The page's sidebar, and how many entries in it are marked current.
fn sidebar_marks(html: &[u8]) -> (String, usize) {
    let html = String::from_utf8_lossy(html);
    let start = html.find("<nav class=\"sidebar\"").unwrap();
    let end = start + html[start..].find("</nav>").unwrap();
    let nav = html[start..end].to_string();
    let marks = nav.matches("aria-current=\"page\"").count();
    (nav, marks)
}

#[test]
fn the_flagship_is_the_same_whether_its_sidebars_are_shared_or_not() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut site = SiteTest::empty().file(
        "credo.yaml",
        std::fs::read(root.join("credo.yaml")).unwrap(),
    );
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            site = site.file(&rel, std::fs::read(entry.path()).unwrap());
        }
    }
    let made = same_with_the_partial_rendered_per_page(site);
    let (_, marks) =
        sidebar_marks(&made[Path::new("principles/avoid-the-embarrassing-moment/index.html")]);
    assert_eq!(marks, 1);
}

/// A messy site: pages at the top before and after its sections, a folder
/// of 130 pages (its sidebar a moving window), nested subsections with
/// pages after them, a URL with `&` and `'`, and a second language whose
/// missing pages stand in with the default's (their entries carry `lang`).
#[test]
fn a_large_messy_site_is_the_same_whether_its_sidebars_are_shared_or_not() {
    let mut site = SiteTest::empty()
        .file(
            "credo.yaml",
            "title: T\nbase_url: https://x.example/hb/\nlanguage: en\nlanguages:\n  fr:\n    name: Français\n",
        )
        .file("content/_index.md", "# Home\n\nWelcome.\n")
        .file("content/start.md", "---\nweight: 1\n---\n# Start here\n")
        .file("content/later.md", "---\nweight: 90\n---\n# Later\n")
        .file("content/guide/_index.md", "---\ntitle: Guide\nweight: 5\n---\n")
        .file("content/guide/tips & 'tricks'.md", "# Tips & 'tricks'\n")
        .file("content/guide/deep/_index.md", "---\ntitle: Deep\n---\n")
        .file("content/guide/deep/one.md", "# One\n")
        .file("content/guide/deep/deeper/two.md", "# Two\n")
        .file("content/guide/deep/deeper/three.fr.md", "# Trois\n")
        .file("content/guide/deep/deeper/three.md", "# Three\n")
        .file("content/start.fr.md", "---\nweight: 1\n---\n# Commencer\n");
    for n in 1..=130 {
        site = site.file(
            &format!("content/many/p{n:03}.md"),
            format!("---\nweight: {n}\nnumber: {n}\n---\n# Page {n}\n"),
        );
    }
    let made = same_with_the_partial_rendered_per_page(site);
    // Every content page marks itself once, the last of the big folder too.
    for path in [
        "many/p001/index.html",
        "many/p065/index.html",
        "many/p130/index.html",
        "guide/tips & 'tricks'/index.html",
        "guide/deep/deeper/two/index.html",
        "fr/guide/deep/deeper/two/index.html",
        "later/index.html",
    ] {
        let (nav, marks) = sidebar_marks(&made[Path::new(path)]);
        assert_eq!(marks, 1, "{path}: {nav}");
    }
}
