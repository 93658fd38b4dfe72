//! HTTP (axum): the built site from memory, and the reload channel.
//!
//! Only files of the last good build are served: a request path is decoded
//! segment by segment and refused (400) if any segment is `.` or `..` or
//! decodes to something holding a `/`, `\` or NUL (`%2f`, `%2e%2e`), or is not
//! UTF-8; what is left is a key into the in-memory output, never a path on
//! disk, so there is nothing a symlink or a `..` could reach. A missing page
//! is the site's `404.html` with status 404.
//!
//! The reload channel tells each open page what to do, derived from the
//! generation counters of the [`Snapshot`] it has seen and the current one,
//! so a page that missed messages still does the right thing (see
//! [`notices`]). One stream of messages per page, carried two ways: a
//! WebSocket at `/__credo/socket`, which the injected script uses (browsers
//! cap HTTP/1.1 connections at six per host, and an event stream holds one
//! for as long as its tab is open: a seventh tab stalled; WebSockets are not
//! counted in that cap), and server-sent events at `/__credo/events`, which
//! need nothing but an HTTP client (curl, the tests). The socket answers only
//! pages of this server's own origin: unlike an event stream, a WebSocket is
//! not held to the same-origin policy by the browser.

use std::collections::{HashSet, VecDeque};
use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::extract::ws::{Message as Frame, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::{Stream, StreamExt};
use percent_encoding::percent_decode_str;
use tokio::sync::watch;

use super::open::{Held, OpenPages};
use super::rebuild::Built;
use super::reload::{CLIENT, EVENTS_PATH, SOCKET_PATH};

/// What the server shows: the last good build, the current error, and the
/// generation counters reload events are derived from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Snapshot {
    /// The last good build (empty until one succeeds).
    pub built: Arc<Built>,
    /// The overlay HTML of the current build error, if the last build failed.
    pub error: Option<Arc<str>>,
    /// Bumped by every rebuild that pages must hear about.
    pub generation: u64,
    /// The last generation that changed anything but stylesheets.
    pub last_reload: u64,
    /// The last generation that changed only stylesheets.
    pub last_css: u64,
    /// The last generation that failed.
    pub last_error: u64,
    /// Outputs of `built` that a rebuild under way may still change: a
    /// request for one waits for the next snapshot (see
    /// [`Builder::preview`](super::rebuild::Builder::preview)).
    pub pending: Arc<HashSet<String>>,
    /// Which pages the last reload is for, when it is known.
    pub scope: Option<Scope>,
}

/// The outputs the last reload changed, for pages that saw every generation
/// before it: a page showing another output need not reload.
#[derive(Debug, Clone)]
pub(crate) struct Scope {
    /// The generation the page must have seen.
    pub since: u64,
    /// The outputs changed after it.
    pub outputs: Arc<HashSet<String>>,
}

impl Snapshot {
    /// Whether a page showing the output `page` that has seen generation
    /// `seen` can skip the last reload.
    fn spares(&self, seen: u64, page: Option<&str>) -> bool {
        match (&self.scope, page) {
            (Some(scope), Some(page)) => seen >= scope.since && !scope.outputs.contains(page),
            _ => false,
        }
    }
}

/// What an open page must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Notice {
    /// Reload (keeping the scroll position).
    Reload,
    /// Swap the stylesheets; the generation busts caches.
    Css(u64),
    /// Show the overlay with this HTML.
    BuildError(Arc<str>),
    /// Hide the overlay.
    BuildOk,
}

/// What a page showing the output `page` (when known) that has seen
/// generation `seen` (and shows the overlay, or not) must do to show `now`.
pub(crate) fn notices(
    seen: u64,
    showing_error: bool,
    page: Option<&str>,
    now: &Snapshot,
) -> Option<Notice> {
    if now.generation <= seen {
        return None;
    }
    if let Some(html) = &now.error {
        Some(Notice::BuildError(html.clone()))
    } else if now.last_reload > seen && !now.spares(seen, page) {
        Some(Notice::Reload)
    } else if now.last_css > seen {
        Some(Notice::Css(now.generation))
    } else if showing_error || now.last_error > seen {
        Some(Notice::BuildOk)
    } else {
        None
    }
}

/// What the server shares with its handlers.
#[derive(Clone)]
pub(crate) struct AppState {
    /// The current snapshot.
    pub snapshot: watch::Receiver<Snapshot>,
    /// Turns true when the server is stopping (ends event streams).
    pub shutdown: watch::Receiver<bool>,
    /// Bound to a loopback address: answer only requests addressed to a
    /// loopback name, so a web page cannot reach the server through DNS
    /// rebinding (a hostile name that resolves to 127.0.0.1).
    pub loopback_only: bool,
    /// The pages open connections show.
    pub open: OpenPages,
}

/// The server's routes.
pub(crate) fn router(state: AppState) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .route(SOCKET_PATH, get(socket))
        .fallback(file)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            check_host,
        ))
        .with_state(state)
}

/// Whether a `Host` header names this machine's loopback interface.
pub(crate) fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

async fn check_host(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if state.loopback_only {
        // Browsers always send `Host`; a request without one (HTTP/1.0 tools)
        // cannot come from a rebinding page.
        let host = request
            .headers()
            .get(header::HOST)
            .map(|h| h.to_str().unwrap_or(""));
        if host.is_some_and(|h| !is_loopback_host(h)) {
            return respond(
                StatusCode::MISDIRECTED_REQUEST,
                "text/plain; charset=utf-8",
                Bytes::from_static(b"refused: this server answers only to localhost\n"),
            );
        }
    }
    next.run(request).await
}

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// An output path of the site.
    File(String),
    /// Redirect here (a folder without its slash; the base path).
    Redirect(String),
    /// Not a file of the site.
    NotFound,
    /// A path that tries to leave the site or is malformed.
    Refused,
}

/// Maps a raw (percent-encoded) request path to an output of a site whose
/// URLs start with `base_path`; `has` says whether an output exists.
pub(crate) fn lookup(raw: &str, base_path: &str, has: impl Fn(&str) -> bool) -> Lookup {
    let base = if base_path.is_empty() { "/" } else { base_path };
    let Some(rest) = raw.strip_prefix('/') else {
        return Lookup::Refused;
    };
    let raw_segments: Vec<&str> = rest.split('/').collect();
    let mut segments = Vec::with_capacity(raw_segments.len());
    for (i, seg) in raw_segments.iter().enumerate() {
        let Ok(decoded) = percent_decode_str(seg).decode_utf8() else {
            return Lookup::Refused;
        };
        if decoded == "." || decoded == ".." || decoded.contains(['/', '\\', '\0']) {
            return Lookup::Refused;
        }
        if decoded.is_empty() && i + 1 < raw_segments.len() {
            return Lookup::NotFound;
        }
        segments.push(decoded);
    }
    let path = format!("/{}", segments.join("/"));
    let Some(rel) = path.strip_prefix(base) else {
        if path == "/" || format!("{path}/") == base {
            return Lookup::Redirect(base.to_string());
        }
        return Lookup::NotFound;
    };
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    if has(&file) {
        Lookup::File(file)
    } else if has(&format!("{file}/index.html")) {
        Lookup::Redirect(format!("{raw}/"))
    } else {
        Lookup::NotFound
    }
}

/// The `Content-Type` of an output path, by extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "csv" => "text/csv; charset=utf-8",
        "yaml" | "yml" | "toml" => "text/plain; charset=utf-8",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn respond(status: StatusCode, content_type: &'static str, body: Bytes) -> Response {
    let mut response = (status, Body::from(body)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn redirect(to: &str) -> Response {
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// The not-found page for the request path `raw`: that of the folder it
/// is in under the base path when the folder has one (each language's
/// site, `de/404.html`, in its language), else the site's `404.html`.
pub(crate) fn not_found_page(raw: &str, base_path: &str, has: impl Fn(&str) -> bool) -> String {
    let folder = (raw.strip_prefix(base_path))
        .and_then(|rest| rest.split_once('/'))
        .and_then(|(first, _)| percent_decode_str(first).decode_utf8().ok())
        .filter(|first| !first.is_empty() && first != "." && first != "..");
    match folder.map(|folder| format!("{folder}/404.html")) {
        Some(page) if has(&page) => page,
        _ => "404.html".to_string(),
    }
}

fn not_found(built: &Built, raw: &str) -> Response {
    let page = not_found_page(raw, &built.base_path, |p| built.files.contains_key(p));
    let body = match built.files.get(&page) {
        Some(page) => page.clone(),
        // No good build yet: a page that still shows the overlay.
        None => Bytes::from(format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><main><h1>Not found</h1></main>{CLIENT}</body></html>"
        )),
    };
    respond(StatusCode::NOT_FOUND, "text/html; charset=utf-8", body)
}

async fn file(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = StatusCode::METHOD_NOT_ALLOWED.into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    // One look at the snapshot: the build and what of it is pending must be
    // of the same moment.
    let (mut built, pending) = {
        let now = state.snapshot.borrow();
        (now.built.clone(), now.pending.clone())
    };
    match lookup(uri.path(), &built.base_path, |p| {
        built.files.contains_key(p)
    }) {
        Lookup::File(path) => {
            if pending.contains(&path) {
                built = settled(state.snapshot.clone(), &path).await;
            }
            match built.files.get(&path) {
                Some(bytes) => respond(StatusCode::OK, content_type(&path), bytes.clone()),
                None => not_found(&built, uri.path()),
            }
        }
        Lookup::Redirect(to) => redirect(&to),
        Lookup::NotFound => not_found(&built, uri.path()),
        Lookup::Refused => respond(
            StatusCode::BAD_REQUEST,
            "text/plain; charset=utf-8",
            Bytes::from_static(b"refused: not a path inside the site\n"),
        ),
    }
}

/// The build once the output `path` is no longer pending (or after a
/// minute, or when the server stops, the one there is).
async fn settled(mut snapshot: watch::Receiver<Snapshot>, path: &str) -> Arc<Built> {
    const LONGEST: std::time::Duration = std::time::Duration::from_secs(60);
    let wait = snapshot.wait_for(|s| !s.pending.contains(path));
    if let Ok(Ok(now)) = tokio::time::timeout(LONGEST, wait).await {
        return now.built.clone();
    }
    snapshot.borrow().built.clone()
}

/// The output a page at the request path `raw` shows (`404.html` for a
/// missing one), as the page's script reports it in `?page=`.
fn page_output(query: Option<&str>, built: &Built) -> Option<String> {
    let raw = query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))?;
    let raw = percent_decode_str(raw).decode_utf8().ok()?;
    match lookup(&raw, &built.base_path, |p| built.files.contains_key(p)) {
        Lookup::File(path) => Some(path),
        Lookup::NotFound => Some(not_found_page(&raw, &built.base_path, |p| {
            built.files.contains_key(p)
        })),
        Lookup::Redirect(_) | Lookup::Refused => None,
    }
}

/// One message of the reload channel: its name and its JSON data.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Message {
    name: &'static str,
    data: String,
}

fn message(notice: Notice) -> Message {
    let (name, data) = match notice {
        Notice::Reload => ("reload", "{}".to_string()),
        Notice::Css(generation) => ("css", format!("{{\"generation\":{generation}}}")),
        Notice::BuildError(html) => (
            "build-error",
            serde_json::json!({ "html": &*html }).to_string(),
        ),
        Notice::BuildOk => ("build-ok", "{}".to_string()),
    };
    Message { name, data }
}

struct Client {
    snapshot: watch::Receiver<Snapshot>,
    shutdown: watch::Receiver<bool>,
    seen: u64,
    showing_error: bool,
    /// The output the page shows, if it said.
    page: Option<String>,
    /// Holds that page open for as long as the connection lasts.
    _held: Option<Held>,
    queue: VecDeque<Message>,
}

/// The messages for one open page, whose request carried `query`
/// (`page=/a/b/`): `hello` first, then what each new snapshot asks of it;
/// the stream ends when the server stops.
fn messages(state: &AppState, query: Option<&str>) -> impl Stream<Item = Message> + use<> {
    let mut snapshot = state.snapshot.clone();
    let now = snapshot.borrow_and_update().clone();
    let page = page_output(query, &now.built);
    let mut queue = VecDeque::new();
    queue.push_back(Message {
        name: "hello",
        data: format!("{{\"generation\":{}}}", now.generation),
    });
    if let Some(html) = &now.error {
        queue.push_back(message(Notice::BuildError(html.clone())));
    }
    let held = page.clone().map(|page| state.open.hold(page));
    let client = Client {
        snapshot,
        shutdown: state.shutdown.clone(),
        seen: now.generation,
        showing_error: now.error.is_some(),
        page,
        _held: held,
        queue,
    };
    futures_util::stream::unfold(client, |mut c| async move {
        loop {
            if let Some(m) = c.queue.pop_front() {
                return Some((m, c));
            }
            tokio::select! {
                changed = c.snapshot.changed() => {
                    changed.ok()?;
                    let now = c.snapshot.borrow_and_update().clone();
                    if let Some(notice) = notices(c.seen, c.showing_error, c.page.as_deref(), &now) {
                        c.queue.push_back(message(notice));
                    }
                    c.seen = c.seen.max(now.generation);
                    c.showing_error = now.error.is_some();
                }
                _ = c.shutdown.wait_for(|stop| *stop) => return None,
            }
        }
    })
}

async fn events(
    State(state): State<AppState>,
    uri: Uri,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream =
        messages(&state, uri.query()).map(|m| Ok(Event::default().event(m.name).data(m.data)));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Whether a WebSocket handshake comes from a page of this server: its
/// `Origin` (which browsers always send, and pages cannot forge) names the
/// host and port the request was sent to. A request without `Origin` is no
/// browser's, so no web page's.
pub(crate) fn same_origin(origin: Option<&str>, host: Option<&str>) -> bool {
    let Some(origin) = origin else {
        return true;
    };
    let authority = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    matches!((authority, host), (Some(a), Some(h)) if a.eq_ignore_ascii_case(h))
}

async fn socket(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    upgrade: WebSocketUpgrade,
) -> Response {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if !same_origin(header(header::ORIGIN), header(header::HOST)) {
        return respond(
            StatusCode::FORBIDDEN,
            "text/plain; charset=utf-8",
            Bytes::from_static(b"refused: the reload socket answers only this site's pages\n"),
        );
    }
    let messages = messages(&state, uri.query());
    upgrade.on_upgrade(move |socket| relay(socket, messages))
}

/// Sends each message as a text frame `{"event": NAME, "data": DATA}` until
/// the page goes away or the server stops; what the page sends is read only
/// to notice that it closed.
async fn relay(mut socket: WebSocket, messages: impl Stream<Item = Message>) {
    let mut messages = std::pin::pin!(messages);
    loop {
        tokio::select! {
            next = messages.next() => {
                let Some(m) = next else { break };
                let text = format!("{{\"event\":\"{}\",\"data\":{}}}", m.name, m.data);
                if socket.send(Frame::Text(text.into())).await.is_err() {
                    return;
                }
            }
            received = socket.recv() => match received {
                Some(Ok(Frame::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => {}
            },
        }
    }
    let _ = socket.send(Frame::Close(None)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts_pass() {
        for ok in [
            "localhost",
            "localhost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "LOCALHOST",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "192.168.1.5:1111",
            "",
            "localhost.evil.example",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }

    fn site(paths: &[&str]) -> impl Fn(&str) -> bool {
        let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
        move |p| paths.iter().any(|q| q == p)
    }

    #[test]
    fn request_paths_map_to_outputs() {
        let has = site(&[
            "index.html",
            "a/b/index.html",
            "style.css",
            "a/café/index.html",
        ]);
        assert_eq!(lookup("/", "/", &has), Lookup::File("index.html".into()));
        assert_eq!(
            lookup("/a/b/", "/", &has),
            Lookup::File("a/b/index.html".into())
        );
        assert_eq!(lookup("/a/b", "/", &has), Lookup::Redirect("/a/b/".into()));
        assert_eq!(
            lookup("/style.css", "/", &has),
            Lookup::File("style.css".into())
        );
        assert_eq!(
            lookup("/a/caf%C3%A9/", "/", &has),
            Lookup::File("a/café/index.html".into())
        );
        assert_eq!(lookup("/nope/", "/", &has), Lookup::NotFound);
        assert_eq!(lookup("//evil.example/", "/", &has), Lookup::NotFound);
    }

    #[test]
    fn the_base_path_is_kept() {
        let has = site(&["index.html", "a/index.html"]);
        assert_eq!(lookup("/", "/hb/", &has), Lookup::Redirect("/hb/".into()));
        assert_eq!(lookup("/hb", "/hb/", &has), Lookup::Redirect("/hb/".into()));
        assert_eq!(
            lookup("/hb/", "/hb/", &has),
            Lookup::File("index.html".into())
        );
        assert_eq!(
            lookup("/hb/a/", "/hb/", &has),
            Lookup::File("a/index.html".into())
        );
        assert_eq!(lookup("/a/", "/hb/", &has), Lookup::NotFound);
    }

    #[test]
    fn traversal_is_refused() {
        let has = |_: &str| true;
        for raw in [
            "/../credo.yaml",
            "/a/../../credo.yaml",
            "/%2e%2e/credo.yaml",
            "/%2E%2E/credo.yaml",
            "/a%2f..%2f..%2fcredo.yaml",
            "/a%2F%2E%2E%2Fcredo.yaml",
            "/..%5ccredo.yaml",
            "/./index.html",
            "/a%00.html",
            "/%ff.html",
            "relative",
        ] {
            assert_eq!(lookup(raw, "/", has), Lookup::Refused, "{raw}");
        }
    }

    #[test]
    fn content_types_follow_extensions() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("credo.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("handbook.json"), "application/json");
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("img/logo.svg"), "image/svg+xml");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
        assert_eq!(content_type("rates.csv"), "text/csv; charset=utf-8");
        assert!(content_type("files/Engagement letter.docx").contains("wordprocessingml"));
        assert!(content_type("plan.XLSX").contains("spreadsheetml"));
    }

    #[test]
    fn a_scoped_reload_spares_the_pages_it_did_not_change() {
        let now = Snapshot {
            generation: 5,
            last_reload: 5,
            scope: Some(Scope {
                since: 4,
                outputs: Arc::new(HashSet::from(["a/index.html".to_string()])),
            }),
            ..Snapshot::default()
        };
        let reload = Some(Notice::Reload);
        assert_eq!(notices(4, false, Some("a/index.html"), &now), reload);
        assert_eq!(notices(4, false, Some("b/index.html"), &now), None);
        // A page that says nothing of itself, or missed the generation the
        // scope starts from, reloads.
        assert_eq!(notices(4, false, None, &now), reload);
        assert_eq!(notices(3, false, Some("b/index.html"), &now), reload);
    }

    #[test]
    fn the_socket_answers_only_its_own_pages() {
        let host = Some("127.0.0.1:1111");
        assert!(same_origin(Some("http://127.0.0.1:1111"), host));
        assert!(same_origin(
            Some("http://LOCALHOST:1111"),
            Some("localhost:1111")
        ));
        assert!(same_origin(None, host), "no browser, no web page");
        for other in [
            "http://evil.example",
            "http://127.0.0.1:2222",
            "http://127.0.0.1:1111.evil.example",
            "null",
            "",
        ] {
            assert!(!same_origin(Some(other), host), "{other}");
        }
        assert!(!same_origin(Some("http://127.0.0.1:1111"), None));
    }

    #[test]
    fn every_notice_is_a_named_json_message() {
        let named = |n| {
            let m = message(n);
            serde_json::from_str::<serde_json::Value>(&m.data).expect("JSON");
            m.name
        };
        assert_eq!(named(Notice::Reload), "reload");
        assert_eq!(named(Notice::Css(3)), "css");
        assert_eq!(
            named(Notice::BuildError(Arc::from("<p>\"x\"</p>"))),
            "build-error"
        );
        assert_eq!(named(Notice::BuildOk), "build-ok");
    }

    #[test]
    fn the_page_a_script_names_is_an_output() {
        let built = Built {
            files: [
                ("index.html", ""),
                ("a/index.html", ""),
                ("404.html", ""),
                ("de/index.html", ""),
                ("de/404.html", ""),
            ]
            .into_iter()
            .map(|(p, b)| (p.to_string(), Bytes::from(b)))
            .collect(),
            base_path: "/hb/".to_string(),
        };
        let page = |q| page_output(Some(q), &built);
        assert_eq!(page("page=%2Fhb%2Fa%2F"), Some("a/index.html".to_string()));
        assert_eq!(page("x=1&page=/hb/"), Some("index.html".to_string()));
        assert_eq!(page("page=/hb/gone/"), Some("404.html".to_string()));
        // A missing page of a language's site is its language's 404.
        assert_eq!(page("page=/hb/de/nope"), Some("de/404.html".to_string()));
        assert_eq!(page("page=/hb/de/a/b/"), Some("de/404.html".to_string()));
        assert_eq!(page("page=/hb/a/gone/"), Some("404.html".to_string()));
        assert_eq!(page("page=/de/nope"), Some("404.html".to_string()));
        assert_eq!(page("page=/hb/a"), None);
        assert_eq!(page_output(None, &built), None);
    }

    #[test]
    fn pages_that_missed_events_still_do_the_right_thing() {
        let at = |generation, last_reload, last_css, last_error, error: Option<&str>| Snapshot {
            generation,
            last_reload,
            last_css,
            last_error,
            error: error.map(Arc::from),
            ..Snapshot::default()
        };
        assert_eq!(notices(3, false, None, &at(3, 3, 0, 0, None)), None);
        assert_eq!(
            notices(3, false, None, &at(4, 4, 0, 0, None)),
            Some(Notice::Reload)
        );
        assert_eq!(
            notices(3, false, None, &at(4, 3, 4, 0, None)),
            Some(Notice::Css(4))
        );
        // A reload then a CSS change, both missed: reload.
        assert_eq!(
            notices(3, false, None, &at(5, 4, 5, 0, None)),
            Some(Notice::Reload)
        );
        assert_eq!(
            notices(3, false, None, &at(4, 3, 0, 4, Some("<p>x</p>"))),
            Some(Notice::BuildError(Arc::from("<p>x</p>")))
        );
        // Fixed without any output change: hide the overlay.
        assert_eq!(
            notices(4, true, None, &at(5, 3, 0, 4, None)),
            Some(Notice::BuildOk)
        );
        // An error that came and went while the page was away.
        assert_eq!(
            notices(3, false, None, &at(5, 3, 0, 4, None)),
            Some(Notice::BuildOk)
        );
    }
}
