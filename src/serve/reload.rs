//! The browser side of live reload: the script `serve` injects into every
//! page, and the error overlay it shows.
//!
//! The script listens on server-sent events at [`EVENTS_PATH`], naming its
//! own path (`?page=/a/b/`):
//! - `hello` (`{"generation": N}`) on every connection; a different
//!   generation after a reconnect means a rebuild was missed: reload;
//! - `reload`: reload the page, keeping the scroll position (a rebuild known
//!   to have changed only other pages sends none);
//! - `css` (`{"generation": N}`): swap every stylesheet for a fresh copy, no
//!   reload;
//! - `build-error` (`{"html": ...}`): show the overlay, whose HTML the server
//!   made from the diagnostics with every character of the input escaped;
//! - `build-ok`: the build is good again and nothing else changed: hide it.
//!
//! (`error` itself is EventSource's connection-error event, hence the prefix.)

use std::fmt::Write as _;

use crate::diagnostic::Diagnostics;
use crate::markdown::highlight::escape;

/// Where the server sends reload events.
pub const EVENTS_PATH: &str = "/__credo/events";

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
  var generation = null;
  // The page says which it is, so that a rebuild that changed other
  // pages only does not reload it.
  var events = new EventSource("/__credo/events?page=" + encodeURIComponent(location.pathname));
  events.addEventListener("hello", function (e) {
    var g = JSON.parse(e.data).generation;
    if (generation !== null && g !== generation) reload();
    generation = g;
  });
  events.addEventListener("reload", reload);
  events.addEventListener("css", function (e) {
    generation = JSON.parse(e.data).generation;
    hide();
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("credo", String(generation));
      var fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.onload = function () { link.remove(); };
      link.after(fresh);
    });
  });
  events.addEventListener("build-error", function (e) { show(JSON.parse(e.data).html); });
  events.addEventListener("build-ok", hide);
})();
</script>
"#;

/// The overlay's HTML for a failed build: a heading, then each diagnostic as
/// the terminal shows it (`path:line:col: error: message`, the source line
/// and a caret), every character of it HTML-escaped.
pub fn overlay_html(diagnostics: &Diagnostics) -> String {
    let count = diagnostics.error_count();
    let mut html = format!(
        "<p style=\"margin:0 0 .75rem;font-weight:bold;color:#b3261e\">credo: the build failed ({count} error{}); showing the last good build.</p>",
        if count == 1 { "" } else { "s" }
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
        let html = overlay_html(&std::iter::once(d).collect());
        assert!(html.contains("(1 error)"));
        assert!(html.contains(
            "content/&lt;b&gt;.md:2:8: error: unknown key `&lt;script&gt;alert(1)&lt;/script&gt;`"
        ));
        assert!(html.contains("2 | title: &lt;img src=x onerror=alert(1)&gt;"));
        assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"));
    }

    #[test]
    fn the_client_listens_on_the_events_path() {
        assert!(CLIENT.contains(EVENTS_PATH));
        assert!(CLIENT.starts_with("<script>") && CLIENT.trim_end().ends_with("</script>"));
    }
}
