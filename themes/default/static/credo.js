// credo default theme: checklists, track progress, what changed since the
// reader last read a page, acknowledgements, the theme toggle, the phone
// menu, "On this page", heading links and code copy buttons.
// Progress lives in localStorage under keys that start with the site's base path,
// so two handbooks on one host never share ticks.
(function () {
  "use strict";
  var base = (document.querySelector('meta[name="credo-base"]') || {}).content || "/";
  var PREFIX = "credo:" + base + ":";

  // The theme's words in the page's language: site.strings as the
  // language's credo-strings.js sets them (a theme may embed them instead
  // in a credo-strings JSON element); `{name}` places are filled from `values`.
  var STRINGS = (function () {
    if (window.credoStrings) return window.credoStrings;
    try { return JSON.parse(document.getElementById("credo-strings").textContent); } catch (e) { return {}; }
  })();
  function t(key, values) {
    var text = own(STRINGS, key) ? STRINGS[key] : key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

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
  // items are ticked. A mark keeps the page's material key of its time
  // ({material}), so a material change since opens the step again; `true` is
  // a mark from before marks kept one.
  function marked(mark, material) {
    return mark === true || (!!mark && mark.material === (material || ""));
  }
  function stepDone(trackKey, stepKey, checklistIds, material) {
    var read = load("track:" + trackKey) || {};
    if (marked(read[stepKey], material)) return true;
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
      var done = stepDone(key, li.dataset.step, ids, li.dataset.material);
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
    var material = (document.querySelector("article.content[data-key]") || { dataset: {} }).dataset.material || "";
    var read = load("track:" + track) || {};
    function label() {
      var on = marked(read[step], material);
      button.textContent = on ? t("marked_as_read") : t("mark_as_read");
      button.setAttribute("aria-pressed", on ? "true" : "false");
    }
    button.hidden = false;
    label();
    button.addEventListener("click", function () {
      read = load("track:" + track) || {};
      if (marked(read[step], material)) delete read[step]; else read[step] = { material: material };
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
      return stepDone(key, parts[0], (parts[1] || "").split(" ").filter(Boolean), parts[2]);
    }).length;
    p.querySelector(".done").textContent = String(done);
    p.querySelector(".total").textContent = String(steps.length);
    p.hidden = false;
  }

  // What changed since the reader last read a page. "read" maps a page key to
  // {version, material, date} as they were when the reader last opened it:
  // opening a page counts as reading it (a timer would only guess whether
  // anyone read the text). Only a change of `material` (the page's newest
  // material change) matters; a page whose material key moved on keeps its
  // old record until the reader dismisses the note, so the note survives a
  // reload and the home page keeps counting the page.
  function changedSince(record, material) {
    return !!record && (record.material || "") !== (material || "");
  }
  function setupChangedSince(article) {
    var key = article.dataset.key, material = article.dataset.material || "";
    var note = article.querySelector(".changed-since");
    function markRead() {
      var reads = load("read") || {};
      reads[key] = { version: article.dataset.version, material: material, date: new Date().toISOString() };
      save("read", reads);
    }
    if (!note || !changedSince((load("read") || {})[key], material)) return markRead();
    note.textContent = (note.dataset.note ? t("changed_since", { note: note.dataset.note }) : t("changed_since_plain")) + " ";
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "changed-dismiss";
    dismiss.textContent = t("dismiss");
    dismiss.addEventListener("click", function () {
      markRead();
      note.hidden = true;
      document.getElementById("main").focus(); // the button is gone: keep the reader in the text
    });
    note.appendChild(dismiss);
    note.hidden = false;
  }

  // The pages read before whose material key has moved on since, from
  // handbook.json (every page's current key). It is fetched only once the
  // reader has read something, so a first visit costs nothing.
  function changedPages() {
    var reads = load("read") || {};
    if (!Object.keys(reads).length || !window.fetch) return Promise.resolve([]);
    return fetch(base + "handbook.json").then(function (r) { return r.json(); }).then(function (h) {
      return h.pages.filter(function (p) { return changedSince(reads[p.key], p.material); });
    }).catch(function () { return []; });
  }
  function showChanged(pages) {
    var home = document.querySelector(".home-changed");
    if (home && pages.length) {
      home.querySelector(".changed-count").textContent = pages.length === 1
        ? t("changed_count_one") : t("changed_count", { count: pages.length });
      var list = home.querySelector(".changed-list");
      pages.forEach(function (p) {
        var li = document.createElement("li"), a = document.createElement("a");
        var change = (p.changes || []).filter(function (c) { return c.material !== false; })[0];
        a.href = p.url;
        a.textContent = p.title;
        li.appendChild(a);
        if (change) li.appendChild(document.createTextNode(": " + change.note));
        list.appendChild(li);
      });
      home.hidden = false;
    }
    // The sidebar marks them with a dot, and says so to screen readers.
    var urls = pages.map(function (p) { return p.url; });
    document.querySelectorAll("#sidebar a[href]").forEach(function (a) {
      if (urls.indexOf(a.getAttribute("href")) < 0) return;
      var mark = document.createElement("span");
      mark.className = "changed-mark";
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = t("changed_mark");
      mark.appendChild(hidden);
      a.appendChild(mark);
    });
  }

  // Acknowledgements: "ack" maps a page key to the reader's last
  // confirmation {key, url, title, version, material, date, name}; "name" is
  // asked once. It holds while the page's material key is the same, so a
  // minor change does not ask again.
  function acknowledged(a, material) { return !!a && a.material === (material || ""); }
  // A date as the page's language writes it ("4 December 2026"), by the
  // same table as the dates the build writes; the stored value stays ISO.
  function day(iso) {
    var ymd = (iso || "").slice(0, 10).split("-");
    if (ymd.length !== 3) return iso || "";
    var month = +ymd[1];
    return t("date_format", { day: +ymd[2], month_number: month, month: t("month_" + month), year: +ymd[0] });
  }
  // A receipt as exported and POSTed (schema in the README).
  function receipt(a) {
    return { page: new URL(a.url, location.href).href, title: a.title, version: a.version, date: a.date, name: a.name };
  }
  function setupAcknowledge(button) {
    var section = button.closest(".acknowledge"), state = section.querySelector(".ack-state");
    var form = section.querySelector("form.ack-name"), material = button.dataset.material || "";
    state.tabIndex = -1;
    function show() {
      var a = (load("ack") || {})[button.dataset.key];
      var done = acknowledged(a, material);
      button.hidden = done;
      state.textContent = done ? t("ack_done", { date: day(a.date), name: a.name })
        : a ? t("ack_redo", { date: day(a.date) })
        : "";
    }
    function record(name) {
      var a = { key: button.dataset.key, url: location.pathname, title: button.dataset.title, version: button.dataset.version,
        material: material, date: new Date().toISOString(), name: name };
      var acks = load("ack") || {};
      acks[a.key] = a;
      save("ack", acks);
      show();
      state.focus(); // the button has gone; the status says what happened
      var endpoint = button.dataset.endpoint;
      // Only to the firm's own endpoint, and only when credo.yaml names one.
      if (endpoint) fetch(endpoint, { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" }, body: JSON.stringify(receipt(a)) })
        .catch(function () { state.textContent += " " + t("ack_not_sent", { endpoint: endpoint }); });
    }
    button.addEventListener("click", function () {
      var name = load("name");
      if (name) return record(name);
      button.hidden = true;
      form.hidden = false;
      form.elements.name.focus();
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var name = form.elements.name.value.trim();
      if (!name) return;
      save("name", name);
      form.hidden = true;
      record(name);
    });
    button.hidden = false;
    show();
  }

  // /acknowledgements/: each page's status for its current version, and the
  // receipt of what is done, as JSON or printed.
  function setupAckTable(table) {
    var acks = load("ack") || {}, done = [], name = load("name");
    table.querySelectorAll("tbody tr[data-key]").forEach(function (tr) {
      var a = acks[tr.dataset.key];
      var status = !a ? "to-do" : acknowledged(a, tr.dataset.material) ? "done" : "to-redo";
      tr.className = "ack-" + status;
      tr.querySelector(".ack-status").textContent = { "to-do": t("ack_to_do"), done: t("ack_status_done"), "to-redo": t("ack_to_redo") }[status];
      if (a) {
        var time = document.createElement("time");
        time.dateTime = a.date;
        time.textContent = day(a.date);
        tr.querySelector(".ack-date").appendChild(time);
      }
      if (status === "done") done.push(Object.assign({}, a, { url: tr.querySelector("a").getAttribute("href") }));
    });
    var who = document.querySelector(".ack-who");
    if (who && name) {
      who.textContent = t("ack_receipt", { name: name, date: day(new Date().toISOString()), done: done.length,
        total: table.tBodies[0].rows.length });
      who.hidden = false;
    }
    var tools = document.querySelector(".ack-tools");
    if (!tools) return;
    tools.hidden = false;
    tools.querySelector(".ack-print").addEventListener("click", function () { window.print(); });
    tools.querySelector(".ack-export").addEventListener("click", function () {
      download("acknowledgements.json", { schema: "credo-receipt/1", site: location.origin + base, name: name || "",
        exported: new Date().toISOString(), acknowledgements: done.map(receipt) });
    });
  }

  function download(filename, value) {
    var blob = new Blob([JSON.stringify(value, null, 2)], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  // Export and import every credo entry of this site as one small JSON file:
  // checklists, tracks, what was read, acknowledgements and the reader's name.
  function exportProgress() {
    var data = {};
    for (var i = 0; i < localStorage.length; i++) {
      var k = localStorage.key(i);
      if (k && k.indexOf(PREFIX) === 0) data[k.slice(PREFIX.length)] = JSON.parse(localStorage.getItem(k));
    }
    download("handbook-progress.json", { credo: 1, base: base, progress: data });
  }
  function importProgress(event) {
    var file = event.target.files && event.target.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var doc = JSON.parse(text);
      if (!doc || doc.credo !== 1 || typeof doc.progress !== "object") throw new Error(t("not_progress_file"));
      Object.keys(doc.progress).forEach(function (k) { save(k, doc.progress[k]); });
      location.reload();
    }).catch(function (e) { alert(t("import_failed", { error: e.message })); });
  }

  // The theme button cycles system → the other scheme → the same scheme →
  // system, so the first press always changes what the reader sees.
  function setupThemeToggle(button) {
    var root = document.documentElement, name = button.querySelector(".theme-name");
    var systemDark = function () { return matchMedia("(prefers-color-scheme: dark)").matches; };
    function show() {
      var shown = { light: t("theme_light"), dark: t("theme_dark") }[root.dataset.theme] || t("theme_system");
      if (name) name.textContent = shown;
      button.title = t("theme_title", { theme: shown });
    }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var now = root.dataset.theme, first = systemDark() ? "light" : "dark";
      var next = !now ? first : now === first ? (first === "dark" ? "light" : "dark") : "";
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
    close.textContent = t("close_menu");
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
    function shut() { setOpen(false); button.focus({ preventScroll: true }); }
    button.addEventListener("click", function () { setOpen(!isOpen()); });
    close.addEventListener("click", shut);
    backdrop.addEventListener("click", shut);
    nav.addEventListener("keydown", function (e) {
      if (!isOpen()) return;
      if (e.key === "Escape") { e.preventDefault(); shut(); return; }
      if (e.key !== "Tab") return;
      var all = Array.prototype.filter.call(nav.querySelectorAll(focusable), function (el) { return el.offsetParent !== null; });
      var first = all[0], last = all[all.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus({ preventScroll: true }); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus({ preventScroll: true }); }
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
    var shown = -1, pinned = -1;
    function mark() {
      // The heading being read is the last one past the reading line; one
      // the reader jumped to stays marked while it is on screen, though a
      // short section's next heading (or the page's end) is past it too.
      var line = (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) + window.innerHeight * 0.25;
      var at = 0;
      heads.forEach(function (h, i) { if (h.getBoundingClientRect().top <= line) at = i; });
      if (pinned >= 0) {
        var top = heads[pinned].getBoundingClientRect().top;
        if (top >= -1 && top < window.innerHeight) at = pinned; else pinned = -1;
      }
      if (at === shown) return;
      shown = at;
      links.forEach(function (a, i) {
        if (i === at) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
      });
      // At the side the list scrolls on its own when the page has more
      // headings than fit the screen: keep the marked one in its view, by
      // scrolling the list only (scrollIntoView would move the page too).
      if (wide.matches && toc.scrollHeight > toc.clientHeight) {
        var box = toc.getBoundingClientRect(), link = links[at].getBoundingClientRect();
        if (link.top < box.top || link.bottom > box.bottom) toc.scrollTop += link.top - box.top - toc.clientHeight / 3;
      }
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
    function jumped() {
      var hash = location.hash;
      try { hash = decodeURIComponent(hash); } catch (e) { /* `#100%` is no encoding: as written */ }
      pinned = heads.findIndex(function (h) { return "#" + h.id === hash; });
      later();
    }
    addEventListener("hashchange", jumped);
    // A jump to the heading already in the address changes no hash.
    links.forEach(function (a) { a.addEventListener("click", function () { setTimeout(jumped, 0); }); });
    // Scrolling by hand lets the position decide again.
    var scrollKeys = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "];
    ["wheel", "touchmove"].forEach(function (e) { addEventListener(e, function () { pinned = -1; }, { passive: true }); });
    addEventListener("keydown", function (e) { if (scrollKeys.indexOf(e.key) >= 0) pinned = -1; });
    if (location.hash) jumped(); else mark();
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
      button.textContent = t("copy");
      button.setAttribute("aria-label", t("copy_code"));
      wrap.appendChild(button);
      button.addEventListener("click", function () {
        var text = pre.innerText.replace(/\n$/, "");
        var done = function (ok) {
          button.textContent = ok ? t("copied") : t("copy_failed");
          live.textContent = ok ? t("code_copied") : t("code_not_copied");
          setTimeout(function () { button.textContent = t("copy"); live.textContent = ""; }, 2000);
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
    table.querySelectorAll("time[datetime]").forEach(function (time) {
      var age = (now - Date.parse(time.getAttribute("datetime"))) / 86400000;
      if (age > days) { time.closest("tr").classList.add("stale"); time.insertAdjacentText("afterend", " " + t("stale")); }
    });
  }

  document.querySelectorAll("[data-checklist]").forEach(setupChecklist);
  document.querySelectorAll("section.track[data-track]").forEach(setupTrack);
  document.querySelectorAll("button.mark-read").forEach(setupMarkRead);
  document.querySelectorAll("[data-track-summary]").forEach(setupTrackSummary);
  // Before recording this visit, so the page being read is not yet counted as read again.
  var changed = changedPages();
  document.querySelectorAll("article.content[data-key]").forEach(setupChangedSince);
  changed.then(showChanged);
  document.querySelectorAll("button.ack-button").forEach(setupAcknowledge);
  document.querySelectorAll("table.acknowledgements").forEach(setupAckTable);
  document.querySelectorAll(".theme-toggle").forEach(setupThemeToggle);
  document.querySelectorAll(".menu-button[aria-controls]").forEach(setupDrawer);
  document.querySelectorAll(".sidebar").forEach(function (nav) { revealCurrent(nav, false); });
  document.querySelectorAll(".body :is(h2, h3, h4, h5, h6)[id]").forEach(selfLink);
  document.querySelectorAll("details.toc").forEach(setupToc);
  setupCopy(Array.prototype.slice.call(document.querySelectorAll("main pre.code")));
  // A wide table scrolls inside its own box; one that does is focusable so
  // the keyboard can scroll it. Each such region is named after its table
  // (the caption, else the first row's headers) so that two on one page are
  // two landmarks a screen reader can tell apart, not two of the same name.
  var regionNames = {};
  function tableName(table) {
    var caption = table.caption && table.caption.textContent.trim();
    if (caption) return caption;
    var row = table.rows[0];
    var cells = row ? Array.prototype.slice.call(row.cells, 0, 3) : [];
    var words = cells.map(function (c) { return c.textContent.trim(); }).filter(Boolean);
    return words.join(", ") + (row && row.cells.length > 3 ? ", …" : "");
  }
  document.querySelectorAll(".body table").forEach(function (table) {
    var wrap = document.createElement("div");
    wrap.className = "table-wrap";
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      var name = t("table_scrolls"), what = tableName(table);
      if (what) name += ": " + what;
      regionNames[name] = (regionNames[name] || 0) + 1;
      if (regionNames[name] > 1) name += " (" + regionNames[name] + ")";
      wrap.setAttribute("aria-label", name);
    }
  });
  document.querySelectorAll(".print-button").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("table.review").forEach(markStaleReviews);
})();
