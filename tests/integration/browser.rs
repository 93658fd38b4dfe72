//! Browser tests: the flagship handbook (or, until it exists, the full
//! fixture) built under a sub-path and driven in headless Chromium by
//! `tests/browser/run.mjs` (playwright-core, axe-core, the Nu checker); a
//! handbook in three languages driven by `tests/browser/languages.mjs`; a
//! messy GitHub-style handbook driven by `tests/browser/messy.mjs`.
//!
//! They need the system Chromium, Java and `npm ci` in `tests/browser`; `.ci/run`
//! installs all three. When `CI` is set a missing piece fails the test; on a
//! developer machine without them the test says so and passes.

use std::path::Path;
use std::process::Command;

/// What the browser tests need and this machine lacks (Java only for the
/// Nu checker).
pub fn missing_tools(browser_dir: &Path, java: bool) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if !Path::new(&std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()))
        .exists()
    {
        missing.push("chromium (apt-get install chromium)");
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("node");
    }
    if java && Command::new("java").arg("-version").output().is_err() {
        missing.push("java (apt-get install default-jre-headless)");
    }
    if !browser_dir.join("node_modules/playwright-core").is_dir() {
        missing.push("tests/browser/node_modules (npm ci --prefix tests/browser)");
    }
    missing
}

/// Whether the browser tests can run here; without CI a missing tool skips
/// them (saying so), with `CI` set it fails the test.
fn tools_present(browser_dir: &Path) -> bool {
    let missing = missing_tools(browser_dir, true);
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "browser tests need: {}",
        missing.join(", ")
    );
    eprintln!("skipping browser tests; missing: {}", missing.join(", "));
    false
}

/// Builds `site_root` into `built` for `http://127.0.0.1` + `base` (a
/// sub-path such as `/handbook/`).
fn build_under(site_root: &Path, built: &Path, base: &str) {
    let build = Command::new(env!("CARGO_BIN_EXE_credo"))
        .args(["build", "-r"])
        .arg(site_root)
        .arg("-o")
        .arg(built)
        .args(["--base-url", &format!("http://127.0.0.1{base}")])
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
}

/// Runs `script` (in tests/browser) with node's test runner; passes when
/// every test in it does.
fn run_suite(browser_dir: &Path, script: &str, envs: &[(&str, &std::ffi::OsStr)]) {
    let run = Command::new("node")
        .args(["--test", "--test-reporter=spec", script])
        .current_dir(browser_dir)
        .envs(envs.iter().copied())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    eprintln!("{stdout}\n{}", String::from_utf8_lossy(&run.stderr));
    assert!(
        run.status.success(),
        "browser tests of {script} failed (see output above)"
    );
}

#[test]
fn the_handbook_works_in_a_real_browser() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = repo.join("tests/browser");
    if !tools_present(&browser_dir) {
        return;
    }
    let site_root = if repo.join("credo.yaml").is_file() {
        repo.to_path_buf()
    } else {
        repo.join("tests/fixtures/build/full")
    };
    let out = tempfile::tempdir().unwrap();
    let built = out.path().join("site");
    build_under(&site_root, &built, "/handbook/");
    let expected = out.path().join("search-expected.json");
    let queries = std::fs::read_to_string(browser_dir.join("search_queries.txt")).unwrap();
    std::fs::write(&expected, search_expectations(&built, &queries).to_string()).unwrap();
    let artifacts = repo.join("target/browser-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    run_suite(
        &browser_dir,
        "run.mjs",
        &[
            ("CREDO_SITE", built.as_os_str()),
            ("CREDO_BASE", "/handbook/".as_ref()),
            ("CREDO_ARTIFACTS", artifacts.as_os_str()),
            // What the Rust reference finds, for search.js to find alike.
            ("CREDO_SEARCH_EXPECTED", expected.as_os_str()),
            // Tests of what readers see after a page changes build copies of
            // the site's sources with the same binary.
            ("CREDO_BIN", env!("CARGO_BIN_EXE_credo").as_ref()),
            ("CREDO_ROOT", site_root.as_os_str()),
        ],
    );
}

/// Issue 25: a handbook in English, German and Arabic (right to left), some
/// pages untranslated, driven by `tests/browser/languages.mjs`: the switcher
/// on every page kind, the mirrored layout, the fallback note, search per
/// language, print per language, axe and the Nu checker on /de/ and /ar/.
#[test]
fn issue_25_several_languages_work_in_a_real_browser() {
    run_fixture_suite("tests/fixtures/languages/browser", "languages.mjs");
}

/// A messy handbook as GitHub holds one (tests/fixtures/messy: README.md
/// pages without front matter, a ten-column table beside a raw HTML one, a
/// 200-character code line, German compounds, images wider than any screen,
/// folders four deep, forty headings) read at 360 px and 1280 px, with and
/// without JavaScript, by `tests/browser/messy.mjs`.
#[test]
fn a_messy_handbook_reads_on_a_phone_and_a_laptop() {
    run_fixture_suite("tests/fixtures/messy", "messy.mjs");
}

/// Builds the fixture site at `fixture` (from the repository) for `/hb/`
/// and runs the browser suite `suite` on it; nothing when the browser
/// tools are not there.
fn run_fixture_suite(fixture: &str, suite: &str) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = repo.join("tests/browser");
    if !tools_present(&browser_dir) {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let built = out.path().join("site");
    build_under(&repo.join(fixture), &built, "/hb/");
    run_suite(
        &browser_dir,
        suite,
        &[
            ("CREDO_SITE", built.as_os_str()),
            ("CREDO_BASE", "/hb/".as_ref()),
        ],
    );
}

/// Results the browser compares search.js against, per query of
/// `search_queries.txt`: how many, and the first [`COMPARED`] as the Rust
/// reference query (`credo::search::query` and `show`) finds and shows them
/// on the built site.
fn search_expectations(built: &Path, queries: &str) -> serde_json::Value {
    const COMPARED: usize = 20;
    let cases: Vec<serde_json::Value> = queries
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (at, q) = match line.split_once(' ') {
                Some((folder, q)) if folder.ends_with('/') => (folder, q),
                _ => ("", line),
            };
            let root = built.join(at);
            let fetch = |path: &str| std::fs::read_to_string(root.join(path)).ok();
            let found = credo::search::query::search(&fetch, q);
            let results: Vec<serde_json::Value> = found
                .hits
                .iter()
                .take(COMPARED)
                .map(|hit| {
                    let shown = credo::search::show::show(&fetch, &found, hit.doc)
                        .unwrap_or_else(|| panic!("{q:?}: document {} not shown", hit.doc));
                    serde_json::json!({
                        "url": shown.url,
                        "kind": shown.kind,
                        "title": shown.title,
                        "heading": shown.heading,
                        "snippet": shown.snippet,
                    })
                })
                .collect();
            serde_json::json!({"at": at, "q": q, "count": found.hits.len(), "results": results})
        })
        .collect();
    serde_json::Value::Array(cases)
}
