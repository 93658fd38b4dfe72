// credo search: fetches the manifest, then only the dictionary chunks that
// cover the typed words, then metadata for the results shown. The algorithm is
// src/search/query.rs, line for line; tokenising is src/search/tokenize.rs:
// NFKD, drop combining marks, lowercase; words are runs of [\p{Alphabetic}\p{N}];
// CJK runs become single characters and overlapping pairs. Every word is a
// prefix; a document must match all words.
(function () {
  "use strict";
  var BASE = (document.querySelector('meta[name="credo-base"]') || {}).content || "/";
  var MAX_CHUNKS_PER_WORD = 3;
  var cache = {};

  function fetchJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(BASE + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\ud840-\ud87e][\udc00-\udfff]/;
  function terms(text) {
    var folded = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    var out = [];
    (folded.match(/[\p{Alphabetic}\p{N}]+/gu) || []).forEach(function (word) {
      var run = "", runCjk = null;
      Array.from(word).forEach(function (c) {
        var cjk = CJK.test(c);
        if (runCjk !== null && cjk !== runCjk) { emit(run, runCjk); run = ""; }
        run += c; runCjk = cjk;
      });
      emit(run, runCjk);
    });
    function emit(run, cjk) {
      if (!run) return;
      if (!cjk) { out.push(run); return; }
      var chars = Array.from(run);
      chars.forEach(function (c, i) { out.push(c); if (i + 1 < chars.length) out.push(c + chars[i + 1]); });
    }
    return out.filter(function (t, i) { return out.indexOf(t) === i; });
  }

  // The index of the last chunk whose first term sorts at or before `word`.
  function chunkFor(firsts, word) {
    var lo = 0, hi = firsts.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (firsts[mid] <= word) lo = mid + 1; else hi = mid; }
    return Math.max(0, lo - 1);
  }

  function matchWord(manifest, word) {
    var start = chunkFor(manifest.chunks, word), loads = [];
    for (var i = start; i < manifest.chunks.length && i < start + MAX_CHUNKS_PER_WORD; i++) {
      if (i > start && manifest.chunks[i].indexOf(word) !== 0) break;
      loads.push(fetchJSON("search/c" + i + ".json"));
    }
    return Promise.all(loads).then(function (chunks) {
      var best = new Map();
      chunks.forEach(function (chunk) {
        Object.keys(chunk).forEach(function (term) {
          if (term.indexOf(word) !== 0) return;
          var factor = term === word ? 5 : 4, list = chunk[term], doc = 0;
          for (var j = 0; j + 1 < list.length; j += 2) {
            doc += list[j];
            var s = list[j + 1] * factor;
            if (!(best.get(doc) >= s)) best.set(doc, s);
          }
        });
      });
      return best;
    });
  }

  function search(query) {
    var words = terms(query);
    if (!words.length) return Promise.resolve([]);
    return fetchJSON("search/manifest.json").then(function (manifest) {
      return Promise.all(words.map(function (w) { return matchWord(manifest, w); })).then(function (maps) {
        var total = maps[0];
        maps.slice(1).forEach(function (m) {
          var next = new Map();
          total.forEach(function (s, doc) { if (m.has(doc)) next.set(doc, s + m.get(doc)); });
          total = next;
        });
        var ranked = Array.from(total.entries()).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
        return { manifest: manifest, ranked: ranked, words: words };
      });
    });
  }

  function details(found, limit) {
    if (!found || !found.ranked) return Promise.resolve([]);
    var top = found.ranked.slice(0, limit), shard = found.manifest.shard;
    return Promise.all(top.map(function (r) {
      return fetchJSON("search/m" + Math.floor(r[0] / shard) + ".json").then(function (rows) {
        var row = rows[r[0] % shard];
        return { url: row[0], kind: row[1], title: row[2], summary: row[3], text: row[4] };
      });
    }));
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }

  // The first place in `text` where a query word starts a word, with the match marked.
  function snippet(text, words) {
    var folded = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    // Folding can change lengths; only mark when it did not.
    var at = -1, len = 0;
    if (folded.length === text.length) {
      words.forEach(function (w) {
        var i = folded.indexOf(w);
        if (i >= 0 && (at < 0 || i < at)) { at = i; len = w.length; }
      });
    }
    if (at < 0) return escapeHTML(text.slice(0, 140)) + (text.length > 140 ? "…" : "");
    var from = Math.max(0, at - 50), to = Math.min(text.length, at + len + 90);
    return (from > 0 ? "…" : "") + escapeHTML(text.slice(from, at)) + "<mark>" + escapeHTML(text.slice(at, at + len)) +
      "</mark>" + escapeHTML(text.slice(at + len, to)) + (to < text.length ? "…" : "");
  }

  function resultHTML(r, words) {
    return '<a class="search-result" role="option" aria-selected="false" href="' + escapeHTML(BASE + encodeURI(r.url)) + '">' +
      '<span class="search-kind">' + escapeHTML(r.kind) + "</span> " +
      '<span class="search-title">' + escapeHTML(r.title) + "</span>" +
      (r.summary ? '<span class="search-summary">' + escapeHTML(r.summary) + "</span>" : "") +
      '<span class="search-snippet">' + snippet(r.text || r.summary || "", words) + "</span></a>";
  }

  // Results as you type, in a list the arrow keys move through.
  function attach(input, list, limit, popup) {
    var seq = 0, active = -1;
    function items() { return Array.prototype.slice.call(list.querySelectorAll(".search-result")); }
    function select(i) {
      var all = items();
      if (!all.length) return;
      active = (i + all.length) % all.length;
      all.forEach(function (a, j) { a.setAttribute("aria-selected", j === active ? "true" : "false"); });
      all[active].scrollIntoView({ block: "nearest" });
    }
    function run() {
      var q = input.value.trim(), mine = ++seq;
      if (!q) { list.innerHTML = ""; if (popup) list.hidden = true; return; }
      search(q).then(function (found) {
        return details(found, limit).then(function (rows) {
          if (mine !== seq) return;
          active = -1;
          list.innerHTML = rows.length ? rows.map(function (r) { return resultHTML(r, found.words); }).join("")
            : '<p class="search-empty">No page matches “' + escapeHTML(q) + "”.</p>";
          if (popup) list.hidden = false;
          if (rows.length) select(0);
        });
      }).catch(function (e) { list.innerHTML = '<p class="search-empty">Search is unavailable: ' + escapeHTML(e.message) + "</p>"; if (popup) list.hidden = false; });
    }
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-autocomplete", "list");
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); select(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(active - 1); }
      else if (e.key === "Enter") {
        var all = items();
        if (all.length) { e.preventDefault(); location.href = all[Math.max(0, active)].href; }
      } else if (e.key === "Escape" && popup) {
        // Close the results, then clear the box; focus stays in it.
        e.preventDefault();
        if (!list.hidden) list.hidden = true; else input.value = "";
      }
    });
    if (popup) {
      new MutationObserver(function () { input.setAttribute("aria-expanded", list.hidden ? "false" : "true"); }).observe(list, { attributes: true });
      document.addEventListener("click", function (e) { if (!input.form.contains(e.target)) list.hidden = true; });
      input.addEventListener("focus", function () { fetchJSON("search/manifest.json").catch(function () {}); if (list.innerHTML) list.hidden = false; });
    }
    return run;
  }

  var header = document.getElementById("search-input"), popup = document.getElementById("search-popup");
  if (header && popup) attach(header, popup, 8, true);
  var pageInput = document.getElementById("search-page-input"), pageResults = document.getElementById("search-page-results");
  if (pageInput && pageResults) {
    var runPage = attach(pageInput, pageResults, 30, false);
    var q = new URLSearchParams(location.search).get("q");
    if (q) { pageInput.value = q; runPage(); }
  }
  // "/" (outside a text field) and Ctrl+K or ⌘K (anywhere) go to the search box.
  var mac = /Mac|iPhone|iPad/.test(navigator.platform || "");
  var key = document.querySelector(".search-key");
  if (key) key.textContent = mac ? "⌘K" : "Ctrl K";
  document.addEventListener("keydown", function (e) {
    var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    var chord = (e.key === "k" || e.key === "K") && (mac ? e.metaKey : e.ctrlKey) && !e.altKey;
    if (chord || (e.key === "/" && !typing)) {
      var box = pageInput || header;
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    }
  });
})();
