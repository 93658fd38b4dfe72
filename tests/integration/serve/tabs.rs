//! Live reload in a real browser with many tabs open (issue 20): `credo
//! serve` on a copy of the full fixture, and `tests/browser/tabs.mjs`
//! opening eight tabs of one page in headless Chromium, editing the page and
//! waiting for every tab to show the edit; then deleting a stylesheet the
//! site links and waiting for its rules to leave the open page.
//!
//! Needs the system Chromium, node and `npm ci` in `tests/browser` (not
//! Java); like the other browser test, it fails without them when `CI` is
//! set and says so and passes otherwise.

use std::path::Path;
use std::process::Command;

use super::client::Server;
use crate::browser::missing_tools;
use crate::harness::SiteTest;

#[test]
fn issue_20_eight_open_tabs_all_reload_after_one_edit() {
    let browser_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let missing = missing_tools(&browser_dir, false);
    if !missing.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "the tabs test needs: {}",
            missing.join(", ")
        );
        eprintln!("skipping the tabs test; missing: {}", missing.join(", "));
        return;
    }
    // The site links a stylesheet of its own, which the second test deletes.
    let footer = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/partials/footer.html"),
    )
    .unwrap();
    let site = SiteTest::fixture("build/full")
        .file(
            "static/site.css",
            "body { outline: 1px solid rgb(1, 2, 3); }\n",
        )
        .file(
            "templates/partials/footer.html",
            format!(
                "{footer}<link rel=\"stylesheet\" href=\"{{{{ site.root_path }}}}site.css\">\n"
            ),
        );
    let server = Server::start(&site, &[]);
    let run = Command::new("node")
        .args(["--test", "--test-reporter=spec", "tabs.mjs"])
        .current_dir(&browser_dir)
        .env(
            "CREDO_URL",
            format!("{}principles/arrive-early/", server.url),
        )
        .env(
            "CREDO_FILE",
            site.root.join("content/principles/arrive-early.md"),
        )
        .env("CREDO_SITE_CSS", site.root.join("static/site.css"))
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "tabs.mjs failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for name in [
        "8 open tabs all reload after one edit",
        "a stylesheet deleted while serving takes its rules away from the open page",
    ] {
        assert!(stdout.contains(name), "{stdout}");
    }
}
