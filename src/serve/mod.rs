//! `credo serve`: build into memory, serve over HTTP, rebuild on every change
//! and tell open pages to reload.
//!
//! The parts, each small and tested on its own:
//! [`watch`] (notify events → [`watch::Change`]s), [`debounce`] (a burst of
//! events → one batch), [`plan`] (a batch → what to redo), [`rebuild`] (the
//! pipeline's stages, redoing only that, into an immutable [`rebuild::Built`]),
//! [`http`] (axum: files from memory, the reload channel) and [`reload`] (the
//! injected client script and the error overlay).
//!
//! Threads: the notify watcher sends raw events to one rebuild thread, which
//! debounces, plans, rebuilds and publishes a new [`http::Snapshot`] through a
//! `tokio::sync::watch` channel: the server never locks the site model; it
//! reads whole immutable snapshots, and a failed rebuild publishes the error
//! next to the last good build.

pub(crate) mod debounce;
pub(crate) mod http;
pub(crate) mod open;
pub mod plan;
pub mod rebuild;
pub mod reload;
pub mod watch;

use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::pipeline::BuildOptions;
use crate::render::RenderOptions;
use debounce::Debouncer;
use http::Snapshot;
use open::OpenPages;
use plan::Plan;
use rebuild::{Builder, Report};
use watch::{Change, SiteWatcher};

/// How long the site must be quiet before a rebuild: long enough to take an
/// editor's save (temporary file, rename, metadata) as one change, short
/// enough not to be noticed.
const QUIET: Duration = Duration::from_millis(40);
/// The same after a file was closed from writing: the save is done, but a
/// few more events of it (a backup removed) may still be on their way.
const SETTLED: Duration = Duration::from_millis(5);
/// How long the site must be quiet after a preview (an edit of one body,
/// shown at once) before the rebuild that follows it: while the author keeps
/// saving, each save is shown in milliseconds, and the outputs that gather
/// every body (print page, search index) wait for a pause.
const FOLLOW_UP: Duration = Duration::from_millis(500);
/// A steady stream of events still rebuilds this often.
const MAX_WAIT: Duration = Duration::from_millis(400);
/// How many ports to try when the asked one is taken.
const PORT_TRIES: u16 = 20;

/// What `credo serve` was asked.
#[derive(Debug, Clone)]
pub(crate) struct ServeOptions {
    /// The site and build options (`output` is unused: nothing is written).
    pub build: BuildOptions,
    /// The address to listen on.
    pub bind: String,
    /// The port to try first (0: any free port).
    pub port: u16,
    /// Open the site in a browser.
    pub open: bool,
}

/// Runs `credo serve` until Ctrl-C.
pub(crate) fn serve(options: ServeOptions) -> Result<(), Error> {
    crate::pipeline::require_root(&options.build.root)?;
    let root = options.build.root.canonicalize().map_err(|e| {
        Error::Usage(format!(
            "site root {} cannot be read: {e}",
            options.build.root.display()
        ))
    })?;
    let build = BuildOptions {
        root: root.clone(),
        ..options.build.clone()
    };
    // A site that is not a site at all is a usage error; content errors
    // (including an invalid credo.yaml) are shown in the browser instead.
    if let Err(e @ (Error::Usage(_) | Error::Io { .. })) = crate::pipeline::load_config(&build) {
        return Err(e);
    }
    crate::pipeline::require_content(&root)?;
    let listener = bind(&options.bind, options.port)?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::Usage(format!("cannot listen: {e}")))?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}: anyone who can reach this machine can read the handbook{}; credo serve is meant for authoring, not for publishing",
            addr.ip(),
            if build.drafts { " and its drafts" } else { "" }
        );
    }

    let mut builder = Builder::new(
        build,
        RenderOptions {
            inject: Some(reload::CLIENT.to_string()),
        },
    );
    let mut snapshot = Snapshot::default();
    let first = builder.rebuild(&Plan::everything());
    match &first {
        Ok(report) => {
            println!(
                "Built {} pages ({} files) in {} ms",
                report.pages,
                report.built.files.len(),
                report.elapsed.as_millis()
            );
            snapshot.built = report.built.clone();
        }
        Err(diagnostics) => {
            report_failure(diagnostics, "start", Duration::ZERO, false);
            // No good build yet: serve under `/`, where every page is the
            // not-found page showing the overlay.
            snapshot.error = Some(Arc::from(reload::overlay_html(diagnostics, false)));
            snapshot.built = Arc::new(rebuild::Built {
                base_path: "/".to_string(),
                ..rebuild::Built::default()
            });
        }
    }
    let base_path = snapshot.built.base_path.clone();
    let (publish, snapshots) = tokio::sync::watch::channel(snapshot);

    let (events_tx, events_rx) = mpsc::channel();
    let changed = Arc::new(AtomicBool::new(false));
    let watcher = SiteWatcher::start(&root, events_tx, changed.clone())
        .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", root.display())))?;
    let open = OpenPages::default();
    let rebuilds = Rebuilds {
        root,
        builder,
        watcher,
        changed,
        open: open.clone(),
    };
    std::thread::Builder::new()
        .name("credo-rebuild".into())
        .spawn(move || rebuild_loop(rebuilds, events_rx, publish))
        .map_err(|e| Error::Usage(format!("cannot start the rebuild thread: {e}")))?;

    let url = format!("http://{}{}", display_addr(addr), base_path);
    println!("Serving {url} (Ctrl-C to stop)");
    let _ = std::io::stdout().flush();
    if options.open {
        open_browser(&url);
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the server: {e}")))?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let app = http::router(http::AppState {
        snapshot: snapshots,
        shutdown: stopped,
        loopback_only: addr.ip().is_loopback(),
        open: open.clone(),
    });

    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| Error::Usage(format!("cannot listen: {e}")))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Error::Usage(format!("cannot listen: {e}")))?;
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = tokio::signal::ctrl_c().await;
                let _ = stop.send(true);
            })
            .await
            .map_err(|e| Error::Usage(format!("server error: {e}")))
    })?;
    println!("Stopped.");
    Ok(())
}

fn display_addr(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
    }
}

/// Listens on `host:port`, or the next free port if that one is taken.
fn bind(host: &str, port: u16) -> Result<TcpListener, Error> {
    let ip: IpAddr = if host == "localhost" {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    } else {
        host.parse().map_err(|_| {
            Error::Usage(format!("--bind {host}: not an IP address (try 127.0.0.1)"))
        })?
    };
    let mut port = port;
    for _ in 0..PORT_TRIES {
        match TcpListener::bind((ip, port)) {
            Ok(listener) => return Ok(listener),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && port != 0 => {
                let Some(next) = port.checked_add(1) else {
                    break;
                };
                eprintln!("Port {port} is taken; trying {next}.");
                port = next;
            }
            Err(e) => return Err(Error::Usage(format!("cannot listen on {ip}:{port}: {e}"))),
        }
    }
    Err(Error::Usage(format!(
        "no free port from {} on {ip}; choose one with --port",
        port.saturating_sub(PORT_TRIES)
    )))
}

fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let spawned = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        eprintln!("warning: cannot open a browser ({program}: {e}); open {url} yourself");
    }
}

/// What the rebuild thread owns.
struct Rebuilds {
    root: PathBuf,
    builder: Builder,
    watcher: SiteWatcher,
    /// Set by the watcher on every change: a rebuild under way gives up.
    changed: Arc<AtomicBool>,
    /// The pages open in a browser, rendered first after a template edit.
    open: OpenPages,
}

/// Debounce, plan, rebuild, publish; until the watcher goes away.
fn rebuild_loop(
    rebuilds: Rebuilds,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    publish: tokio::sync::watch::Sender<Snapshot>,
) {
    let Rebuilds {
        root,
        mut builder,
        mut watcher,
        changed,
        open,
    } = rebuilds;
    let mut debouncer: Debouncer<Change> = Debouncer::new(MAX_WAIT);
    // The plan of a rebuild still to run: one given up for a newer change,
    // or the one that follows a preview. It joins the next batch's plan.
    let mut unfinished: Option<Plan> = None;
    // When the rebuild that follows a preview runs, if nothing changes first.
    let mut follow_up: Option<Instant> = None;
    loop {
        let received = match debouncer.deadline().into_iter().chain(follow_up).min() {
            None => events
                .recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
            Some(deadline) => {
                events.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            }
        };
        match received {
            Ok(Ok(event)) if watch::is_change(&event.kind) => {
                for path in &event.paths {
                    watcher.follow(path);
                }
                let mut changes: Vec<Change> = event
                    .paths
                    .iter()
                    .filter_map(|p| watch::classify(&root, p))
                    .collect();
                if event.need_rescan() {
                    changes.push(Change::Config);
                }
                let quiet = if watch::is_written(&event.kind) {
                    SETTLED
                } else {
                    QUIET
                };
                debouncer.push(Instant::now(), changes, quiet);
            }
            Ok(Ok(_)) => {}
            Ok(Err(e)) => eprintln!("warning: watching the site: {e}"),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
        let now = Instant::now();
        // A new batch of changes may be previewed; the rebuild that follows
        // a preview is not previewed again.
        let (mut plan, fresh) = match debouncer.take_due(now) {
            Some(batch) => {
                let plan = Plan::for_changes(&root, &batch);
                let plan = match unfinished.take() {
                    Some(earlier) => earlier.and(plan),
                    None => plan,
                };
                (plan, true)
            }
            None if debouncer.deadline().is_none() && follow_up.is_some_and(|t| t <= now) => {
                follow_up = None;
                match unfinished.take() {
                    Some(plan) => (plan, false),
                    None => continue,
                }
            }
            None => continue,
        };
        follow_up = None;
        changed.store(false, Ordering::Relaxed);
        let start = Instant::now();
        let preview = fresh
            .then(|| builder.preview(&plan, &open.list()))
            .flatten();
        if let Some(preview) = preview {
            if preview.changed {
                println!(
                    "Rendered {} after {} in {} ms; {} follow",
                    preview.pages.join(", "),
                    plan.summary(),
                    preview.elapsed.as_millis(),
                    match preview.source {
                        Some(_) => "the pages that gather every body",
                        None => "the other pages",
                    }
                );
                publish.send_modify(|snapshot| show_preview(snapshot, &preview));
            }
            follow_up = Some(match &preview.source {
                // What the preview read needs no reading again; the outputs
                // that gather every body wait for the author to pause.
                Some(source) => {
                    plan.forget(source);
                    Instant::now() + FOLLOW_UP
                }
                // The other pages now: nothing else makes them.
                None => Instant::now(),
            });
            unfinished = Some(plan);
            continue;
        }
        let Some(result) = builder.rebuild_until(&plan, &changed) else {
            println!(
                "Gave up the rebuild after {} for a newer change",
                plan.summary()
            );
            unfinished = Some(plan);
            continue;
        };
        let kept = builder.kept();
        announce(&plan, &result, start.elapsed(), kept.is_some());
        publish.send_if_modified(|snapshot| next_snapshot(snapshot, result, kept));
    }
}

/// Shows a [`rebuild::Preview`]: the edited page is served and open pages
/// reload; requests for the pending outputs wait for the rebuild that
/// follows, which reloads only the pages it changes after this.
fn show_preview(snapshot: &mut Snapshot, preview: &rebuild::Preview) {
    snapshot.scope = None;
    snapshot.generation += 1;
    snapshot.last_reload = snapshot.generation;
    snapshot.built = preview.built.clone();
    snapshot.pending = preview.pending.clone();
}

/// Moves `snapshot` on by one rebuild (which followed a preview, if outputs
/// are pending, or not); `false` when pages need not hear of it. A failed
/// rebuild serves `kept` ([`Builder::kept`]): the last good build with what
/// previews showed since, so that a page a reader has seen stays as seen
/// (issue 20) while the overlay shows the error.
fn next_snapshot(
    snapshot: &mut Snapshot,
    result: Result<Report, Diagnostics>,
    kept: Option<Arc<rebuild::Built>>,
) -> bool {
    let previewed = !std::mem::take(&mut snapshot.pending).is_empty();
    match result {
        Ok(report) => {
            // After a preview, what changed since it is what pages must hear.
            let changed: Vec<String> = if previewed {
                report
                    .changed
                    .into_iter()
                    .filter(|p| snapshot.built.files.get(p) != report.built.files.get(p))
                    .collect()
            } else {
                report.changed
            };
            if changed.is_empty() && snapshot.error.is_none() && !previewed {
                return false;
            }
            snapshot.scope = previewed.then(|| http::Scope {
                since: snapshot.generation,
                outputs: Arc::new(changed.iter().cloned().collect()),
            });
            snapshot.generation += 1;
            // Stylesheets are swapped in place, without a reload: alone, or
            // beside pages a page need not reload for (after a preview that
            // showed it, only the outputs the scope names reload).
            let stylesheet = |p: &String| p.ends_with(".css");
            if changed.iter().any(stylesheet) {
                snapshot.last_css = snapshot.generation;
            }
            if !changed.iter().all(stylesheet) {
                snapshot.last_reload = snapshot.generation;
            }
            snapshot.built = report.built;
            snapshot.error = None;
        }
        Err(diagnostics) => {
            snapshot.scope = None;
            snapshot.generation += 1;
            snapshot.last_error = snapshot.generation;
            let kept = kept.is_some_and(|kept| {
                snapshot.built = kept;
                true
            });
            snapshot.error = Some(Arc::from(reload::overlay_html(&diagnostics, kept)));
        }
    }
    true
}

/// The one log line of a rebuild (and, if it failed, its diagnostics first).
fn announce(plan: &Plan, result: &Result<Report, Diagnostics>, elapsed: Duration, kept: bool) {
    match result {
        Ok(report) => println!(
            "Rebuilt after {}: re-rendered {} of {} pages, {} in {} ms",
            plan.summary(),
            report.rendered,
            report.html,
            changed_files(&report.changed),
            elapsed.as_millis()
        ),
        Err(diagnostics) => report_failure(diagnostics, &plan.summary(), elapsed, kept),
    }
}

/// "no file changed", "1 file changed (a/index.html)", "5 files changed
/// (a/index.html, b/index.html, c.css and 2 more)".
fn changed_files(changed: &[String]) -> String {
    const NAMED: usize = 3;
    let n = changed.len();
    if n == 0 {
        return "no file changed".to_string();
    }
    let mut names = changed[..n.min(NAMED)].join(", ");
    if n > NAMED {
        names.push_str(&format!(" and {} more", n - NAMED));
    }
    format!(
        "{n} file{} changed ({names})",
        if n == 1 { "" } else { "s" }
    )
}

fn report_failure(diagnostics: &Diagnostics, what: &str, elapsed: Duration, kept: bool) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(diagnostics.render_human().as_bytes());
    let _ = writeln!(
        stderr,
        "Build failed after {what}: {} error(s), in {} ms; {}",
        diagnostics.error_count(),
        elapsed.as_millis(),
        reload::serving(kept)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_port_moves_on_to_the_next() {
        let taken = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind");
        let port = taken.local_addr().expect("addr").port();
        let next = bind("127.0.0.1", port).expect("a free port");
        assert_ne!(next.local_addr().expect("addr").port(), port);
        assert!(matches!(bind("example.com", 0), Err(Error::Usage(_))));
    }

    fn report(changed: &[&str]) -> Report {
        let files = (changed.iter())
            .map(|p| (p.to_string(), axum::body::Bytes::from_static(b"new")))
            .collect();
        Report {
            built: Arc::new(rebuild::Built {
                files,
                base_path: "/".to_string(),
            }),
            changed: changed.iter().map(|p| p.to_string()).collect(),
            pages: 0,
            rendered: 0,
            html: 0,
            elapsed: Duration::ZERO,
        }
    }

    #[test]
    fn a_stylesheet_changed_beside_other_pages_reaches_a_previewed_page() {
        use http::{Notice, notices};
        let open = Some("a/index.html");
        // The preview showed `a`; the rebuild that follows changed other
        // pages and a stylesheet (saved meanwhile): `a` swaps stylesheets.
        let mut snapshot = Snapshot {
            generation: 3,
            last_reload: 3,
            pending: Arc::new(["b/index.html".to_string()].into()),
            ..Snapshot::default()
        };
        assert!(next_snapshot(
            &mut snapshot,
            Ok(report(&["b/index.html", "style.css"])),
            None
        ));
        assert_eq!(notices(3, false, open, &snapshot), Some(Notice::Css(4)));
        assert_eq!(
            notices(3, false, Some("b/index.html"), &snapshot),
            Some(Notice::Reload)
        );
        // Without a preview, such a rebuild reloads every page.
        let mut snapshot = Snapshot::default();
        assert!(next_snapshot(
            &mut snapshot,
            Ok(report(&["b/index.html", "style.css"])),
            None
        ));
        assert_eq!(notices(0, false, open, &snapshot), Some(Notice::Reload));
        // Stylesheets alone are swapped.
        assert!(next_snapshot(
            &mut snapshot,
            Ok(report(&["style.css"])),
            None
        ));
        assert_eq!(notices(1, false, open, &snapshot), Some(Notice::Css(2)));
    }

    #[test]
    fn the_log_names_a_few_changed_files() {
        let files = |n: usize| (0..n).map(|i| format!("p{i}.html")).collect::<Vec<_>>();
        assert_eq!(changed_files(&[]), "no file changed");
        assert_eq!(changed_files(&files(1)), "1 file changed (p0.html)");
        assert_eq!(
            changed_files(&files(5)),
            "5 files changed (p0.html, p1.html, p2.html and 2 more)"
        );
    }
}
