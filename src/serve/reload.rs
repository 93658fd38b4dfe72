//! The browser side of live reload: the script `serve` injects into every
//! page, and the error overlay it shows.
//!
//! The script opens a WebSocket at [`SOCKET_PATH`], naming its own path
//! (`?page=/a/b/`), and receives text frames `{"event": NAME, "data": {...}}`
//! (the same messages [`EVENTS_PATH`] sends as server-sent events):
//! - `hello` (`{"generation": N}`) on every connection; a different
//!   generation after a reconnect means a rebuild was missed: reload;
//! - `reload`: reload the page, keeping the scroll position (a rebuild known
//!   to have changed only other pages sends none);
//! - `css` (`{"generation": N}`): swap every stylesheet for a fresh copy, no
//!   reload (one that is no longer there is dropped);
//! - `build-error` (`{"html": ...}`): show the overlay, whose HTML the server
//!   made from the diagnostics with every character of the input escaped;
//! - `build-ok`: the build is good again and nothing else changed: hide it.
//!
//! Why a WebSocket per tab (issue 20): an `EventSource` holds one of the six
//! HTTP/1.1 connections a browser allows per host for as long as its tab is
//! open, so with six tabs open the seventh could not even load, and reloads
//! stalled. WebSockets are counted apart (Chromium allows 255 per host,
//! Firefox 200 in all). Sharing one event stream between tabs (a leader tab
//! relaying over a `BroadcastChannel`, or a `SharedWorker`) would also do,
//! but whether a page reloads depends on which page it shows, and the server
//! decides that per connection; a socket per tab keeps that decision where it
//! is and the script small. Unlike `EventSource`, a socket does not reconnect
//! by itself: the script retries, backing off to 5 s, and the `hello` of the
//! new connection tells it whether it missed a rebuild.

use std::fmt::Write as _;

use crate::diagnostic::Diagnostics;
use crate::markdown::highlight::escape;

/// Where the server sends reload messages as server-sent events (for tools:
/// curl, the tests).
pub(crate) const EVENTS_PATH: &str = "/__credo/events";

/// Where the injected script receives the same messages over a WebSocket.
pub(crate) const SOCKET_PATH: &str = "/__credo/socket";

/// The snippet injected before `</body>` of every page `serve` serves.
pub const CLIENT: &str = r#"<script>/* credo serve: live reload */
(function () {
  "use strict";
  var key = "credo-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var y = Number(saved);
    window.scrollTo(0, y);
    window.addEventListener("load", function () { window.scrollTo(0, y); });
  }
  function reload() {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }
  function hide() {
    var o = document.getElementById("credo-overlay");
    if (o) o.remove();
  }
  function show(html) {
    hide();
    var o = document.createElement("div");
    o.id = "credo-overlay";
    o.setAttribute("role", "alert");
    o.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff8f6;color:#1a1a1a;border-top:4px solid #b3261e;box-shadow:0 -4px 16px rgba(0,0,0,.25);padding:1rem 1.25rem;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;";
    o.innerHTML = html;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", "Hide until the next rebuild");
    close.style.cssText = "position:absolute;top:.5rem;right:.75rem;font-size:1.25rem;background:none;border:0;cursor:pointer;color:inherit;";
    close.onclick = hide;
    o.appendChild(close);
    document.body.appendChild(o);
  }
  var handlers = {
    hello: function (d) {
      if (generation !== null && d.generation !== generation) reload();
      generation = d.generation;
    },
    reload: reload,
    css: function (d) {
      generation = d.generation;
      hide();
      document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
        var url = new URL(link.href);
        url.searchParams.set("credo", String(generation));
        var fresh = link.cloneNode();
        fresh.href = url.href;
        fresh.onload = function () { link.remove(); };
        // Gone (a stylesheet deleted): its rules go with it.
        fresh.onerror = function () { link.remove(); fresh.remove(); };
        link.after(fresh);
      });
    },
    "build-error": function (d) { show(d.html); },
    "build-ok": hide
  };
  var generation = null;
  var retry = 250;
  // One WebSocket per tab, not an EventSource: an event stream holds one of
  // the six connections a browser allows per host, so a seventh tab stalled.
  // The page says which it is, so that a rebuild that changed other pages
  // only does not reload it.
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/__credo/socket?page=" + encodeURIComponent(location.pathname));
    socket.onopen = function () { retry = 250; };
    socket.onmessage = function (m) {
      var message = JSON.parse(m.data);
      var handle = handlers[message.event];
      if (handle) handle(message.data);
    };
    // The server stopped or restarted: try again, less and less often.
    socket.onclose = function () {
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  }
  connect();
})();
</script>
"#;

/// The overlay's HTML for a failed build: a heading, then each diagnostic as
/// the terminal shows it (`path:line:col: error: message`, the source line
/// and a caret), every character of it HTML-escaped.
pub(crate) fn overlay_html(diagnostics: &Diagnostics, kept: bool) -> String {
    let count = diagnostics.error_count();
    let mut html = format!(
        "<p style=\"margin:0 0 .75rem;font-weight:bold;color:#b3261e\">credo: the build failed ({count} error{}); {}.</p>",
        if count == 1 { "" } else { "s" },
        serving(kept)
    );
    for d in diagnostics.iter() {
        let _ = write!(
            html,
            "<pre style=\"margin:0 0 .75rem;white-space:pre-wrap\">{}</pre>",
            escape(&d.render_human())
        );
    }
    html
}

/// What `credo serve` shows while a build fails: the last good build, or,
/// when none built yet, nothing.
pub(crate) fn serving(kept: bool) -> &'static str {
    if kept {
        "showing the last good build"
    } else {
        "nothing has built yet: the pages appear once it builds"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    #[test]
    fn the_overlay_escapes_everything_from_the_input() {
        let d = Diagnostic::error(
            "content/<b>.md",
            2,
            8,
            crate::diagnostic::Code::UnknownKey,
            "unknown key `<script>alert(1)</script>`",
        )
        .with_source("---\ntitle: <img src=x onerror=alert(1)>\n");
        let html = overlay_html(&std::iter::once(d).collect(), true);
        assert!(html.contains("(1 error)"));
        assert!(html.contains(
            "content/&lt;b&gt;.md:2:8: error: unknown key `&lt;script&gt;alert(1)&lt;/script&gt;`"
        ));
        assert!(html.contains("2 | title: &lt;img src=x onerror=alert(1)&gt;"));
        assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"));
    }

    #[test]
    fn the_client_listens_on_the_socket_path() {
        assert!(CLIENT.contains(&format!("\"{SOCKET_PATH}?page=\"")));
        assert!(CLIENT.starts_with("<script>") && CLIENT.trim_end().ends_with("</script>"));
    }
}
