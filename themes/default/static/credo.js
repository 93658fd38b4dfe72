// credo default theme: checklists, track progress, the theme toggle, the
// phone menu, "On this page", heading links and code copy buttons.
// Progress lives in localStorage under keys that start with the site's base path,
// so two handbooks on one host never share ticks.
(function () {
  "use strict";
  var base = (document.querySelector('meta[name="credo-base"]') || {}).content || "/";
  var PREFIX = "credo:" + base + ":";

  function load(key) {
    try { return JSON.parse(localStorage.getItem(PREFIX + key) || "null"); } catch (e) { return null; }
  }
  function save(key, value) {
    try {
      if (value === null) localStorage.removeItem(PREFIX + key);
      else localStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch (e) { /* storage full or disabled: ticks just don't persist */ }
  }

  // Checklists: state is {itemId: true}, keyed by page.
  function setupChecklist(section) {
    var key = "checklist:" + section.dataset.checklist;
    var boxes = Array.prototype.slice.call(section.querySelectorAll("input[type=checkbox][data-item]"));
    var done = section.querySelector(".checklist-progress .done");
    function refresh() {
      var state = {};
      boxes.forEach(function (b) { if (b.checked) state[b.dataset.item] = true; });
      if (done) done.textContent = String(Object.keys(state).length);
      return state;
    }
    var saved = load(key) || {};
    boxes.forEach(function (b) {
      b.checked = !!saved[b.dataset.item];
      b.addEventListener("change", function () {
        var state = refresh();
        save(key, Object.keys(state).length ? state : null);
      });
    });
    var reset = section.querySelector(".checklist-reset");
    if (reset) reset.addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      save(key, null);
      refresh();
    });
    refresh();
  }

  // Tracks: a step is done when marked read, or when all its page's checklist
  // items are ticked.
  function stepDone(trackKey, stepKey, checklistIds) {
    var read = load("track:" + trackKey) || {};
    if (read[stepKey]) return true;
    if (!checklistIds.length) return false;
    var ticks = load("checklist:" + stepKey) || {};
    return checklistIds.every(function (id) { return ticks[id]; });
  }
  function setupTrack(section) {
    var key = section.dataset.track;
    var steps = Array.prototype.slice.call(section.querySelectorAll("li[data-step]"));
    var count = 0;
    steps.forEach(function (li) {
      var ids = (li.dataset.checklistIds || "").split(" ").filter(Boolean);
      var done = stepDone(key, li.dataset.step, ids);
      li.classList.toggle("done", done);
      if (done) count++;
    });
    var out = section.querySelector(".track-progress .done");
    if (out) out.textContent = String(count);
    var transfer = section.querySelector(".track-transfer");
    if (transfer) {
      transfer.hidden = false;
      transfer.querySelector(".track-export").addEventListener("click", exportProgress);
      transfer.querySelector("input[type=file]").addEventListener("change", importProgress);
    }
  }
  function setupMarkRead(button) {
    var track = button.dataset.track, step = button.dataset.step;
    var read = load("track:" + track) || {};
    function label() { button.textContent = read[step] ? "Marked as read ✓" : "Mark as read"; button.setAttribute("aria-pressed", read[step] ? "true" : "false"); }
    button.hidden = false;
    label();
    button.addEventListener("click", function () {
      read = load("track:" + track) || {};
      if (read[step]) delete read[step]; else read[step] = true;
      save("track:" + track, read);
      label();
    });
  }
  // A track listed on the home page or the tracks overview: its steps are
  // in data-steps ("key<TAB>checklist ids" per line), so the count is
  // always worked out afresh.
  function setupTrackSummary(card) {
    var key = card.dataset.trackSummary, p = card.querySelector(".track-progress");
    var steps = (card.dataset.steps || "").split("\n").filter(Boolean);
    if (!p || !steps.length) return;
    var done = steps.filter(function (line) {
      var parts = line.split("\t");
      return stepDone(key, parts[0], (parts[1] || "").split(" ").filter(Boolean));
    }).length;
    p.querySelector(".done").textContent = String(done);
    p.querySelector(".total").textContent = String(steps.length);
    p.hidden = false;
  }

  // Export and import every credo entry of this site as one small JSON file.
  function exportProgress() {
    var data = {};
    for (var i = 0; i < localStorage.length; i++) {
      var k = localStorage.key(i);
      if (k && k.indexOf(PREFIX) === 0) data[k.slice(PREFIX.length)] = JSON.parse(localStorage.getItem(k));
    }
    var blob = new Blob([JSON.stringify({ credo: 1, base: base, progress: data }, null, 2)], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "handbook-progress.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  function importProgress(event) {
    var file = event.target.files && event.target.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var doc = JSON.parse(text);
      if (!doc || doc.credo !== 1 || typeof doc.progress !== "object") throw new Error("not a credo progress file");
      Object.keys(doc.progress).forEach(function (k) { save(k, doc.progress[k]); });
      location.reload();
    }).catch(function (e) { alert("Could not import: " + e.message); });
  }

  // The theme button cycles system → the other scheme → the same scheme →
  // system, so the first press always changes what the reader sees.
  function setupThemeToggle(button) {
    var root = document.documentElement, name = button.querySelector(".theme-name");
    var systemDark = function () { return matchMedia("(prefers-color-scheme: dark)").matches; };
    function show() {
      var t = root.dataset.theme || "system";
      if (name) name.textContent = t;
      button.title = "Colour theme: " + t + " (press to change)";
    }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var t = root.dataset.theme, first = systemDark() ? "light" : "dark";
      var next = !t ? first : t === first ? (first === "dark" ? "light" : "dark") : "";
      if (next) root.dataset.theme = next; else delete root.dataset.theme;
      try {
        if (next) localStorage.setItem("credo-theme", next); else localStorage.removeItem("credo-theme");
      } catch (e) { /* not remembered */ }
      show();
    });
  }

  var focusable = 'a[href], button:not([disabled]), input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

  // Below the sidebar's breakpoint the sidebar is a drawer that the menu
  // button opens. Without JavaScript the "Menu" link jumps to it instead.
  function setupDrawer(button) {
    var nav = document.getElementById(button.getAttribute("aria-controls"));
    var link = document.querySelector(".menu-link");
    if (!nav) return;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "drawer-close";
    close.textContent = "Close menu";
    nav.insertBefore(close, nav.firstChild);
    var backdrop = document.createElement("div");
    backdrop.className = "drawer-backdrop";
    backdrop.hidden = true;
    document.body.appendChild(backdrop);
    var others = Array.prototype.slice.call(document.querySelectorAll("body > :not(.layout), .layout > :not(#" + nav.id + ")"))
      .filter(function (el) { return el !== backdrop; });
    button.hidden = false;
    if (link) link.hidden = true;
    document.documentElement.classList.add("has-drawer");
    function isOpen() { return button.getAttribute("aria-expanded") === "true"; }
    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("open", open);
      backdrop.hidden = !open;
      others.forEach(function (el) { el.inert = open; });
      document.body.classList.toggle("drawer-shown", open);
      if (open) {
        var current = revealCurrent(nav, true);
        (current || nav.querySelector(focusable)).focus({ preventScroll: true });
      }
    }
    function shut() { setOpen(false); button.focus(); }
    button.addEventListener("click", function () { setOpen(!isOpen()); });
    close.addEventListener("click", shut);
    backdrop.addEventListener("click", shut);
    nav.addEventListener("keydown", function (e) {
      if (!isOpen()) return;
      if (e.key === "Escape") { e.preventDefault(); shut(); return; }
      if (e.key !== "Tab") return;
      var all = Array.prototype.filter.call(nav.querySelectorAll(focusable), function (el) { return el.offsetParent !== null; });
      var first = all[0], last = all[all.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    });
    // Widening the window past the breakpoint puts the sidebar back.
    matchMedia("(min-width: 52.01rem)").addEventListener("change", function (m) { if (m.matches && isOpen()) setOpen(false); });
  }

  // The sidebar scrolls on its own: show the current page in it.
  function revealCurrent(nav, always) {
    var current = nav.querySelector('[aria-current="page"]');
    if (!current) return null;
    var top = current.getBoundingClientRect().top - nav.getBoundingClientRect().top;
    if (always || top > nav.clientHeight * 0.6) nav.scrollTop += top - nav.clientHeight / 3;
    return current;
  }

  // "On this page": open at the side on wide screens, and the heading being
  // read is marked as the reader scrolls.
  function setupToc(toc) {
    var wide = matchMedia("(min-width: 75rem)");
    var sync = function () { toc.open = wide.matches; };
    sync();
    wide.addEventListener("change", sync);
    var links = Array.prototype.slice.call(toc.querySelectorAll("a[href^='#']"));
    var heads = links.map(function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); });
    if (!("IntersectionObserver" in window) || heads.some(function (h) { return !h; })) return;
    var shown = -1;
    function mark() {
      var line = (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) + window.innerHeight * 0.25;
      var at = 0;
      heads.forEach(function (h, i) { if (h.getBoundingClientRect().top <= line) at = i; });
      if (at === shown) return;
      shown = at;
      links.forEach(function (a, i) {
        if (i === at) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
      });
    }
    // Headings entering or leaving the screen, and any scroll in between
    // (a heading crossing the reading line), are checked once a frame.
    var queued = false;
    function later() {
      if (queued) return;
      queued = true;
      requestAnimationFrame(function () { queued = false; mark(); });
    }
    var observer = new IntersectionObserver(later);
    heads.forEach(function (h) { observer.observe(h); });
    addEventListener("scroll", later, { passive: true });
    mark();
  }

  // Every heading of a body links to itself; the "#" shows on hover and focus.
  function selfLink(h) {
    if (!h.id || h.querySelector("a")) return;
    var a = document.createElement("a");
    a.className = "heading-link";
    a.href = "#" + h.id;
    while (h.firstChild) a.appendChild(h.firstChild);
    h.appendChild(a);
  }

  // Code blocks get a copy button; a live region says when it worked.
  function setupCopy(blocks) {
    if (!blocks.length) return;
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);
    blocks.forEach(function (pre) {
      var wrap = document.createElement("div");
      wrap.className = "code-wrap";
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-code";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code");
      wrap.appendChild(button);
      button.addEventListener("click", function () {
        var text = pre.innerText.replace(/\n$/, "");
        var done = function (ok) {
          button.textContent = ok ? "Copied" : "Copy failed";
          live.textContent = ok ? "Code copied to the clipboard" : "Could not copy the code";
          setTimeout(function () { button.textContent = "Copy"; live.textContent = ""; }, 2000);
        };
        (navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard")))
          .then(function () { done(true); }, function () { done(false); });
      });
    });
  }

  function markStaleReviews(table) {
    var days = parseInt(table.dataset.reviewAfter, 10);
    if (!days) return;
    var now = Date.now();
    table.querySelectorAll("time[datetime]").forEach(function (t) {
      var age = (now - Date.parse(t.getAttribute("datetime"))) / 86400000;
      if (age > days) { t.closest("tr").classList.add("stale"); t.insertAdjacentText("afterend", " (stale)"); }
    });
  }

  document.querySelectorAll("[data-checklist]").forEach(setupChecklist);
  document.querySelectorAll("section.track[data-track]").forEach(setupTrack);
  document.querySelectorAll("button.mark-read").forEach(setupMarkRead);
  document.querySelectorAll("[data-track-summary]").forEach(setupTrackSummary);
  document.querySelectorAll(".theme-toggle").forEach(setupThemeToggle);
  document.querySelectorAll(".menu-button[aria-controls]").forEach(setupDrawer);
  document.querySelectorAll(".sidebar").forEach(function (nav) { revealCurrent(nav, false); });
  document.querySelectorAll(".body :is(h2, h3, h4, h5, h6)[id]").forEach(selfLink);
  document.querySelectorAll("details.toc").forEach(setupToc);
  setupCopy(Array.prototype.slice.call(document.querySelectorAll("main pre.code")));
  // A wide table scrolls inside its own box; one that does is focusable so
  // the keyboard can scroll it.
  document.querySelectorAll(".body table").forEach(function (table) {
    var wrap = document.createElement("div");
    wrap.className = "table-wrap";
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table, scrolls sideways");
    }
  });
  document.querySelectorAll(".print-button").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("table.review").forEach(markStaleReviews);
})();
