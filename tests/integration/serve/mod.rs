//! `credo serve`: the real binary on a copy of a fixture site, watched while
//! files change under it; and incremental rebuilds held to clean builds.

mod client;
mod incremental;
mod tabs;

use std::time::Duration;

use crate::harness::SiteTest;
use client::{Server, eventually, wait_line};

const PAGE: &str = "/handbook/principles/arrive-early/";
const PAGE_FILE: &str = "content/principles/arrive-early.md";

fn write(site: &SiteTest, path: &str, text: &str) {
    let path = site.root.join(path);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// Saves the way many editors do: a temporary file renamed over the original.
fn atomic_save(site: &SiteTest, path: &str, text: &str) {
    let target = site.root.join(path);
    let name = target.file_name().expect("a name").to_string_lossy();
    let temp = target.with_file_name(format!(".{name}.credo-test.tmp"));
    std::fs::write(&temp, text).expect("write");
    std::fs::rename(&temp, &target).expect("rename");
}

fn page_text(body: &str) -> String {
    format!(
        "---\ntitle: \"Never keep a client waiting\"\nsummary: \"Arrive early.\"\nnumber: 2\nvalues: [honesty]\n---\n{body}\n"
    )
}

#[test]
fn serves_the_site_with_the_reload_script() {
    let site = SiteTest::fixture("build/full");
    let server = Server::start(&site, &[]);
    assert!(server.url.ends_with("/handbook/"), "{}", server.url);
    let (status, head, body) = server.request(PAGE);
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(body.contains("<h1><span class=\"num\">2.</span> Never keep a client waiting</h1>"));
    assert!(body.contains(
        "new WebSocket(scheme + location.host + \"/__credo/socket?page=\" + encodeURIComponent(location.pathname))"
    ));
    let (status, head, _) = server.request("/handbook/style.css");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/css; charset=utf-8"),
        "{head}"
    );
    let (status, head, _) = server.request("/handbook/handbook.json");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/json"), "{head}");
    // The site root redirects to the base path; a folder to its slash.
    let (status, head, _) = server.request("/");
    assert_eq!(status, 302);
    assert!(head.contains("location: /handbook/"), "{head}");
    let (status, head, _) = server.request("/handbook/principles/arrive-early");
    assert_eq!(status, 302);
    assert!(
        head.contains("location: /handbook/principles/arrive-early/"),
        "{head}"
    );
    // A missing page is the site's 404 page, with status 404.
    let (status, body) = server.get("/handbook/no/such/page/");
    assert_eq!(status, 404);
    let not_found = std::fs::read_to_string(site.root.join("public/404.html")).ok();
    assert!(not_found.is_none(), "serve writes nothing to disk");
    assert!(body.contains("<main"), "{body}");
}

#[test]
fn a_missing_page_under_a_language_is_that_languages_404() {
    let site = SiteTest::fixture("languages/bilingual");
    let server = Server::start(&site, &[]);
    let (status, body) = server.get("/hb/de/nope");
    assert_eq!(status, 404);
    assert!(body.contains("<html lang=\"de\""), "{body}");
    let (status, body) = server.get("/hb/nope/");
    assert_eq!(status, 404);
    assert!(body.contains("<html lang=\"en\""), "{body}");
}

#[test]
fn an_edit_reloads_and_an_error_shows_until_fixed() {
    let site = SiteTest::fixture("build/full");
    let server = Server::start(&site, &[]);
    let events = server.events();

    write(
        &site,
        PAGE_FILE,
        &page_text("First edit, fresh from the editor."),
    );
    events.expect(&["reload"]);
    let (status, body) = server.get(PAGE);
    assert_eq!(status, 200);
    assert!(body.contains("First edit, fresh from the editor."));
    let log = wait_line(&server.stdout, |l| l.starts_with("Rebuilt after")).expect("a log line");
    assert!(
        log.starts_with("Rebuilt after content/principles/arrive-early.md: re-rendered "),
        "{log}"
    );
    assert!(log.ends_with(" ms"), "{log}");

    // Broken front matter: an error event; the last good page is still served.
    write(
        &site,
        PAGE_FILE,
        "---\ntitle: \"Never keep a client waiting\"\nnumbr: \"<b>2</b>\"\n---\nBroken.\n",
    );
    let (_, data) = events.expect(&["build-error"]);
    assert!(
        data.contains("content/principles/arrive-early.md:3:1: error: unknown key `numbr` in page front matter"),
        "{data}"
    );
    assert!(
        data.contains("3 | numbr: &quot;&lt;b&gt;2&lt;/b&gt;&quot;"),
        "the overlay escapes the source: {data}"
    );
    assert!(!data.contains("<b>2"), "{data}");
    let (status, body) = server.get(PAGE);
    assert_eq!(status, 200);
    assert!(body.contains("First edit, fresh from the editor."));
    let terminal = wait_line(&server.stderr, |l| {
        l.starts_with("content/principles/arrive-early.md:3:1")
    })
    .expect("the terminal shows the diagnostic");
    assert_eq!(
        terminal,
        "content/principles/arrive-early.md:3:1: error: unknown key `numbr` in page front matter"
    );
    // A page opened now gets the error at once.
    let late = server.events();
    late.expect(&["build-error"]);

    // Fixed (with an atomic save): the overlay goes, the new page comes.
    atomic_save(&site, PAGE_FILE, &page_text("Fixed, and better."));
    events.expect(&["reload", "build-ok"]);
    late.expect(&["reload", "build-ok"]);
    let (_, body) = server.get(PAGE);
    assert!(body.contains("Fixed, and better."));
    let fresh = server.events();
    assert_eq!(
        fresh.next_within(Duration::from_millis(300)),
        None,
        "no overlay after the fix"
    );
}

#[test]
fn a_body_edit_shows_at_once_and_the_pages_that_gather_bodies_follow() {
    let site = SiteTest::fixture("build/full");
    // The same front matter as the fixture's, so that only the body differs.
    write(&site, PAGE_FILE, &page_text("Before."));
    let server = Server::start(&site, &[]);
    let page = server.events_of(PAGE);
    let other = server.events_of("/handbook/values/honesty/");
    let print = server.events_of("/handbook/print/");

    write(&site, PAGE_FILE, &page_text("Shown at once."));
    page.expect(&["reload"]);
    other.expect(&["reload"]);
    let log = wait_line(&server.stdout, |l| l.starts_with("Rendered ")).expect("a log line");
    assert!(
        log.starts_with(
            "Rendered principles/arrive-early/index.html after content/principles/arrive-early.md in "
        ),
        "{log}"
    );
    let (_, body) = server.get(PAGE);
    assert!(body.contains("Shown at once."));
    // The print page is held until the rebuild that follows has made it.
    print.expect(&["reload"]);
    let (status, body) = server.get("/handbook/print/");
    assert_eq!(status, 200);
    assert!(
        body.contains("Shown at once."),
        "a stale print page was served"
    );
    wait_line(&server.stdout, |l| l.starts_with("Rebuilt after")).expect("the rebuild");
    // Neither the edited page (already shown) nor a page the edit did not
    // change reloads a second time.
    assert_eq!(page.next_within(Duration::from_millis(300)), None);
    assert_eq!(other.next_within(Duration::from_millis(300)), None);

    // An edit of the front matter is no body edit: a full rebuild, and
    // every page reloads (its title may show anywhere).
    write(
        &site,
        PAGE_FILE,
        &page_text("Shown at once.").replace("Arrive early.", "Be early."),
    );
    other.expect(&["reload"]);
    let log = wait_line(&server.stdout, |l| {
        l.starts_with("Rendered ") || l.starts_with("Rebuilt after")
    })
    .expect("a log line");
    assert!(log.starts_with("Rebuilt after"), "{log}");
}

/// Issue 20, point 8: a body edit was shown at once (its preview published
/// the page), then a save that broke the front matter within the 500 ms
/// before the follow-up rebuild made that rebuild fail, and the server went
/// back to the build from before the edit: a fresh request lost what the
/// reader had already seen. What was shown is part of the last good build.
#[test]
fn issue_20_a_body_edit_shown_then_broken_front_matter_keeps_the_edit() {
    const SCENARIO: &str = "/handbook/scenarios/late-for-a-meeting/";
    const FILE: &str = "content/scenarios/late-for-a-meeting.md";
    const ADDED: &str = "Then apologise once, and get on with it.";
    let site = SiteTest::fixture("build/full");
    let original = std::fs::read_to_string(site.root.join(FILE)).expect("read");
    let server = Server::start(&site, &[]);
    let events = server.events_of(SCENARIO);

    // Append a line to the body: a preview, shown at once.
    let appended = format!("{original}\n{ADDED}\n");
    write(&site, FILE, &appended);
    events.expect(&["reload"]);
    let shown = std::time::Instant::now();
    let log = wait_line(&server.stdout, |l| l.starts_with("Rendered ")).expect("a preview");
    assert!(
        log.starts_with("Rendered scenarios/late-for-a-meeting/index.html after "),
        "{log}"
    );
    // Within 150 ms, well before the follow-up rebuild: break the front
    // matter (line 2).
    let mut lines: Vec<&str> = appended.lines().collect();
    lines[1] = "title: [unclosed";
    write(&site, FILE, &(lines.join("\n") + "\n"));
    assert!(
        shown.elapsed() < Duration::from_millis(150),
        "the machine is too slow to break the front matter in time: {:?}",
        shown.elapsed()
    );
    let (_, data) = events.expect(&["build-error"]);
    // (YAML finds the unclosed list on the next line; credo points at it.)
    assert!(
        data.contains(
            "content/scenarios/late-for-a-meeting.md:2:8: error: this `[` is never closed"
        ),
        "{data}"
    );
    let failed = wait_line(&server.stderr, |l| l.starts_with("Build failed after"))
        .expect("the terminal says the rebuild failed");
    assert!(
        failed.ends_with("; showing the last good build"),
        "{failed}"
    );
    let (status, body) = server.get(SCENARIO);
    assert_eq!(status, 200);
    assert!(
        body.contains(ADDED),
        "the page went back to before the edit that was shown"
    );

    // A second failing save keeps it too: the kept build includes it.
    lines[1] = "titel: Late for a meeting";
    write(&site, FILE, &(lines.join("\n") + "\n"));
    let (_, data) = events.expect(&["build-error"]);
    assert!(
        data.contains("content/scenarios/late-for-a-meeting.md:2:1: error: unknown key `titel` in page front matter"),
        "{data}"
    );
    let (_, body) = server.get(SCENARIO);
    assert!(body.contains(ADDED), "a later failure lost the edit");

    // Fixed: the page is built for real, with the line.
    write(&site, FILE, &appended);
    events.expect(&["build-ok", "reload"]);
    let (_, body) = server.get(SCENARIO);
    assert!(body.contains(ADDED));
}

/// Issue 24: a template edit reloads the open page as soon as that page is
/// rendered; the rebuild that follows makes every other page that uses the
/// template, and a request for one of them waits for it.
#[test]
fn issue_24_a_template_edit_renders_the_open_page_first() {
    let site = SiteTest::fixture("build/full");
    let footer = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/partials/footer.html"),
    )
    .expect("the default theme's footer");
    write(&site, "templates/partials/footer.html", &footer);
    let server = Server::start(&site, &[]);
    let page = server.events_of(PAGE);
    atomic_save(
        &site,
        "templates/partials/footer.html",
        &format!("{footer}<p>Footer, edited.</p>\n"),
    );
    page.expect(&["reload"]);
    let log = wait_line(&server.stdout, |l| {
        l.starts_with("Rendered ") || l.starts_with("Rebuilt after")
    })
    .expect("a log line");
    assert!(
        log.starts_with(
            "Rendered principles/arrive-early/index.html after templates/partials/footer.html in "
        ) && log.ends_with("; the other pages follow"),
        "{log}"
    );
    let (_, body) = server.get(PAGE);
    assert!(body.contains("Footer, edited."), "{body}");
    // Another page is held until the rebuild has made it: never the old one.
    let (status, body) = server.get("/handbook/values/honesty/");
    assert_eq!(status, 200);
    assert!(body.contains("Footer, edited."), "a stale page was served");
    let rebuilt =
        wait_line(&server.stdout, |l| l.starts_with("Rebuilt after")).expect("the rebuild");
    assert!(
        rebuilt.contains("templates/partials/footer.html"),
        "{rebuilt}"
    );
    // The open page, already shown, does not reload a second time.
    assert_eq!(page.next_within(Duration::from_millis(300)), None);
}

#[test]
fn a_stylesheet_change_swaps_css_without_a_reload() {
    let site = SiteTest::fixture("build/full");
    let server = Server::start(&site, &[]);
    let events = server.events();
    write(&site, "static/extra.css", "body { color: #123456; }\n");
    let (name, data) = events.expect(&["css", "reload"]);
    assert_eq!(name, "css", "{data}");
    let (_, body) = server.get("/handbook/extra.css");
    assert_eq!(body, "body { color: #123456; }\n");
}

#[test]
fn deletes_renames_and_new_pages_are_followed() {
    let site = SiteTest::fixture("build/full");
    let server = Server::start(&site, &[]);
    let events = server.events();
    let old = "/handbook/attitude/service-vs-sales/";
    assert_eq!(server.get(old).0, 200);

    std::fs::rename(
        site.root.join("content/attitude/service-vs-sales.md"),
        site.root.join("content/attitude/service-and-sales.md"),
    )
    .expect("rename");
    events.expect(&["reload"]);
    assert_eq!(server.get(old).0, 404);
    assert_eq!(server.get("/handbook/attitude/service-and-sales/").0, 200);

    std::fs::remove_file(site.root.join("content/attitude/service-and-sales.md")).expect("rm");
    events.expect(&["reload"]);
    assert_eq!(server.get("/handbook/attitude/service-and-sales/").0, 404);

    write(
        &site,
        "content/values/care.md",
        "---\ntitle: Care\n---\nSee [[honesty]].\n",
    );
    events.expect(&["reload"]);
    let (status, body) = server.get("/handbook/values/care/");
    assert_eq!(status, 200);
    assert!(body.contains("<a href=\"/handbook/values/honesty/\">Honesty</a>"));
    // The new page shows on the page it links to.
    let (_, honesty) = server.get("/handbook/values/honesty/");
    assert!(honesty.contains("href=\"/handbook/values/care/\""));

    // A whole folder renamed.
    std::fs::rename(
        site.root.join("content/values"),
        site.root.join("content/worth"),
    )
    .expect("rename");
    // Refs to `values/honesty` break: the error shows, the old site stays.
    events.expect(&["build-error"]);
    assert_eq!(server.get("/handbook/values/care/").0, 200);
    std::fs::rename(
        site.root.join("content/worth"),
        site.root.join("content/values"),
    )
    .expect("rename back");
    events.expect(&["reload", "build-ok"]);
    assert_eq!(server.get("/handbook/values/care/").0, 200);
}

#[test]
fn paths_outside_the_site_are_refused() {
    let site = SiteTest::fixture("build/full");
    let secret = site.root.parent().expect("a parent").join("secret.txt");
    std::fs::write(&secret, "TOP SECRET\n").expect("write");
    let server = Server::start(&site, &[]);
    let config_line = "review_after_days: 365";
    for path in [
        "/../credo.yaml",
        "/%2e%2e/credo.yaml",
        "/handbook/../credo.yaml",
        "/handbook/%2e%2e/credo.yaml",
        "/handbook/%2E%2E%2Fcredo.yaml",
        "/handbook/..%2f..%2fsecret.txt",
        "/handbook/%2e%2e/%2e%2e/secret.txt",
        "/handbook/..%5c..%5csecret.txt",
        "/credo.yaml",
        "/handbook/credo.yaml",
        "/handbook/content/principles/arrive-early.md",
    ] {
        let (status, body) = server.get(path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(
            !body.contains(config_line) && !body.contains("TOP SECRET"),
            "{path}"
        );
    }
    #[cfg(unix)]
    {
        let events = server.events();
        std::os::unix::fs::symlink(&secret, site.root.join("static/secret.txt")).expect("symlink");
        // A link out of the site is an error of the build, never served.
        let (_, data) = events.expect(&["build-error"]);
        assert!(
            data.contains(
                "static/secret.txt:1:1: error: symbolic link points outside the site root"
            ),
            "{data}"
        );
        for path in ["/handbook/secret.txt", "/secret.txt"] {
            let (status, body) = server.get(path);
            assert_eq!(status, 404, "{path}");
            assert!(!body.contains("TOP SECRET"), "{path}");
        }
    }
}

#[test]
fn requests_for_other_hosts_are_refused() {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 must not read the site.
    let site = SiteTest::fixture("build/full");
    let server = Server::start(&site, &[]);
    let (status, _, body) = server.request_to("evil.example:1111", "/handbook/");
    assert_eq!(status, 421);
    assert!(!body.contains("Fixture Handbook"));
    let (status, _, _) = server.request_to("localhost", "/handbook/");
    assert_eq!(status, 200);
}

#[test]
fn the_reload_socket_answers_only_the_sites_own_pages() {
    // Browsers hold no WebSocket to the same-origin policy: a page of any
    // site could otherwise open it and read the overlay (the source of the
    // handbook).
    let site = SiteTest::fixture("build/full");
    let server = Server::start(&site, &[]);
    let (status, text) = server.socket("http://evil.example");
    assert_eq!(status, 403, "{text}");
    assert!(!text.contains("hello"), "{text}");
    let (status, text) = server.socket(&format!("http://127.0.0.1:{}", server.port));
    assert_eq!(status, 101, "{text}");
    assert!(
        text.ends_with("{\"event\":\"hello\",\"data\":{\"generation\":0}}"),
        "{text}"
    );
}

#[test]
fn a_taken_port_is_said_and_the_next_one_used() {
    let site = SiteTest::fixture("build/full");
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let server = Server::start(&site, &["--port", &port.to_string()]);
    assert_ne!(server.port, port);
    let said = wait_line(&server.stderr, |l| l.starts_with("Port ")).expect("a message");
    assert_eq!(said, format!("Port {port} is taken; trying {}.", port + 1));
    assert_eq!(server.get(PAGE).0, 200);
}

#[test]
fn binding_beyond_loopback_warns() {
    let site = SiteTest::fixture("build/full");
    let server = Server::start(&site, &["--bind", "0.0.0.0"]);
    let warning = wait_line(&server.stderr, |l| l.starts_with("warning:")).expect("a warning");
    assert!(warning.contains("listening on 0.0.0.0"), "{warning}");
}

#[test]
fn a_site_that_fails_at_start_is_served_with_its_error() {
    let site = SiteTest::minimal().file("content/a.md", "---\ntitle: A\n---\nSee [[nowhere]].\n");
    let server = Server::start(&site, &[]);
    let events = server.events();
    let (_, data) = events.expect(&["build-error"]);
    assert!(
        data.contains("content/a.md:4:5: error: unresolved ref `nowhere`"),
        "{data}"
    );
    // There is no last good build to speak of.
    assert!(data.contains("nothing has built yet"), "{data}");
    assert!(!data.contains("last good build"), "{data}");
    assert_eq!(server.get("/").0, 404);
    // A second failure before any good build says so too.
    write(
        &site,
        "content/a.md",
        "---\ntitle: A\n---\nSee [[still-nowhere]].\n",
    );
    let (_, data) = events.expect(&["build-error"]);
    assert!(data.contains("nothing has built yet"), "{data}");
    write(&site, "content/a.md", "---\ntitle: A\n---\nFine now.\n");
    events.expect(&["reload"]);
    let (status, body) = server.get("/a/");
    assert_eq!(status, 200);
    assert!(body.contains("Fine now."));
}

#[test]
fn an_unknown_key_in_credo_yaml_is_reported_at_its_lint_level_as_build_does() {
    // An error by default: said with the content's errors, nothing served.
    let site = SiteTest::minimal()
        .file("credo.yaml", "title: T\ndescripton: x\nbase_url: /\n")
        .file("content/a.md", "---\ntitle: A\n---\nSee [[nowhere]].\n");
    let server = Server::start(&site, &[]);
    let (_, data) = server.events().expect(&["build-error"]);
    assert!(
        data.contains("credo.yaml:2:1: error: unknown key `descripton`"),
        "{data}"
    );
    assert!(
        data.contains("content/a.md:4:5: error: unresolved ref `nowhere`"),
        "{data}"
    );
    drop(server);
    // Lowered to a warning, the site builds and is served, as with `build`.
    let site = site
        .file(
            "credo.yaml",
            "title: T\ndescripton: x\nbase_url: /\nlints: {unknown-key: warning}\n",
        )
        .file("content/a.md", "---\ntitle: A\n---\nFine.\n");
    site.build().success();
    let server = Server::start(&site, &[]);
    let (status, body) = server.get("/a/");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Fine."));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = SiteTest::fixture("build/full");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_credo"))
        .args(["serve", "--port", "0"])
        .current_dir(&site.root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let stdout = child.stdout.take().expect("stdout");
    let lines = {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        });
        rx
    };
    let serving = wait_line(&lines, |l| l.starts_with("Serving ")).expect("serving");
    let port: u16 = serving
        .split(':')
        .nth(2)
        .and_then(|p| p.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("a port");
    // An open event stream must not hold the exit up.
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(client::WAIT))
        .expect("timeout");
    {
        use std::io::{Read, Write};
        write!(stream, "GET /__credo/events HTTP/1.0\r\n\r\n").expect("send");
        let mut seen = Vec::new();
        let mut buf = [0u8; 512];
        while !String::from_utf8_lossy(&seen).contains("event: hello") {
            let n = stream.read(&mut buf).expect("the stream opens");
            assert!(n > 0, "stream closed early");
            seen.extend_from_slice(&buf[..n]);
        }
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let exit = eventually("the server to exit", || child.try_wait().ok().flatten());
    assert!(exit.success(), "{exit:?}");
    wait_line(&lines, |l| l == "Stopped.").expect("says it stopped");
}

/// A flat site (Markdown beside credo.yaml, no content/): an edit in a
/// folder, and a page in a folder made while serving, reload; a change in
/// `node_modules/`, which is no content, does not rebuild.
#[test]
fn a_flat_site_reloads_edits_in_its_folders_and_new_ones() {
    let site = SiteTest::empty()
        .file("credo.yaml", "title: Front Desk\nbase_url: /\n")
        .file(
            "README.md",
            "# Front Desk\n\nSee [calls](guide/calls.md).\n",
        )
        .file("guide/calls.md", "# Calls\n\nAnswer by the third ring.\n")
        .file("node_modules/pkg/README.md", "# A package\n");
    let server = Server::start(&site, &[]);
    let events = server.events();
    write(
        &site,
        "guide/calls.md",
        "# Calls\n\nAnswer by the second ring.\n",
    );
    events.expect(&["reload"]);
    assert!(server.get("/guide/calls/").1.contains("second ring"));
    let log = wait_line(&server.stdout, |l| l.starts_with("Rebuilt after")).expect("a log line");
    assert!(log.starts_with("Rebuilt after guide/calls.md:"), "{log}");

    write(
        &site,
        "billing/refunds.md",
        "# Refunds\n\nWithin five days.\n",
    );
    eventually("the new folder's page", || {
        let (status, body) = server.get("/billing/refunds/");
        (status == 200 && body.contains("five days")).then_some(())
    });
    // Its folder is watched from now on.
    write(
        &site,
        "billing/refunds.md",
        "# Refunds\n\nWithin three days.\n",
    );
    eventually("the edit in the new folder", || {
        server
            .get("/billing/refunds/")
            .1
            .contains("three days")
            .then_some(())
    });

    // What was logged so far is read; then the next rebuild is the page's,
    // not one for the package.
    std::thread::sleep(Duration::from_millis(600));
    while server.stdout.try_recv().is_ok() {}
    write(
        &site,
        "node_modules/pkg/README.md",
        "# A package, changed\n",
    );
    std::thread::sleep(Duration::from_millis(600));
    write(
        &site,
        "README.md",
        "# Front Desk\n\nSee [calls](guide/calls.md) today.\n",
    );
    let log = wait_line(&server.stdout, |l| l.starts_with("Rebuilt after")).expect("a log line");
    assert!(log.starts_with("Rebuilt after README.md:"), "{log}");
}
