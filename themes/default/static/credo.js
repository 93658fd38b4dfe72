// credo default theme: checklists, track progress, and the light/dark toggle.
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
    save("trackcount:" + key, { done: count, total: steps.length });
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
  function setupTrackSummary(card) {
    var count = load("trackcount:" + card.dataset.trackSummary);
    var p = card.querySelector(".track-progress");
    if (count && p) {
      p.querySelector(".done").textContent = String(count.done);
      p.querySelector(".total").textContent = String(count.total);
      p.hidden = false;
    }
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

  function setupThemeToggle(button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var root = document.documentElement;
      var dark = root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
      root.dataset.theme = dark ? "light" : "dark";
      try { localStorage.setItem("credo-theme", root.dataset.theme); } catch (e) { /* not remembered */ }
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
  document.querySelectorAll("table.review").forEach(markStaleReviews);
})();
