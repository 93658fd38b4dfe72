// credo search. The algorithm is src/search/query.rs and src/search/show.rs,
// step for step; tokenising is src/search/tokenize.rs: NFKD, drop combining
// marks, lowercase; words are runs of [\p{Alphabetic}\p{N}]; CJK runs become
// single characters and overlapping pairs. A query fetches the manifest, the
// dictionary chunks its words lead to, then one document file per result
// shown, once typing pauses.
(function () {
  "use strict";
  var BASE = (document.querySelector('meta[name="credo-base"]') || {}).content || "/";
  var MAX_CHUNKS_PER_WORD = 2, TYPO_MIN_CHARS = 5, SNIPPET_BEFORE = 8, SNIPPET_WORDS = 28;
  var cache = {};

  function fetchJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(BASE + path).then((r) => {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  // The theme's words in the page's language (credo-strings.js, or a
  // theme's credo-strings JSON element).
  var STRINGS = (() => {
    if (window.credoStrings) return window.credoStrings;
    try { return JSON.parse(document.getElementById("credo-strings").textContent); } catch (e) { return {}; }
  })();
  function t(key, values) {
    var text = own(STRINGS, key) ? STRINGS[key] : key;
    Object.keys(values || {}).forEach((k) => { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function kindName(kind) { var key = "kind_" + kind + "_short"; return own(STRINGS, key) ? STRINGS[key] : kind; }

  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\ud840-\ud87e][\udc00-\udfff]/;
  function fold(s) { return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(); }
  function terms(text) {
    var out = [];
    (fold(text).match(/[\p{Alphabetic}\p{N}]+/gu) || []).forEach((word) => {
      var run = "", runCjk = null;
      Array.from(word).forEach((c) => {
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
      chars.forEach((c, i) => { out.push(c); if (i + 1 < chars.length) out.push(c + chars[i + 1]); });
    }
    return out.filter((t, i) => out.indexOf(t) === i);
  }

  // light-stems: the guesses for an English form the handbook lacks (query::light_stems).
  function lightStems(w) {
    var out = [], b;
    function base(s) { var r = w.slice(0, -s.length); return w.slice(-s.length) === s && Array.from(r).length >= 3 ? r : null; }
    if ((b = base("ies")) !== null || (b = base("ied")) !== null) out.push(b + "y", b + "i");
    else if ((b = base("ing")) !== null || (b = base("ed")) !== null) {
      out.push(b + "e", b);
      var c = Array.from(b), x = c[c.length - 1];
      if (x === c[c.length - 2] && "aeiouls".indexOf(x) < 0) out.push(b.slice(0, -x.length));
    } else if ((b = base("es")) !== null) out.push(b + "e", b);
    else if ((b = base("ly")) !== null) out.push(b);
    else if ((b = base("y")) !== null) out.push(b + "i");
    else if ((b = base("s")) !== null && !/(ss|us|is)$/.test(w)) out.push(b);
    var cs = Array.from(w);
    for (var cut = 1; cut <= 3 && cs.length >= 4 + cut; cut++) {
      var shorter = cs.slice(0, -cut).join("");
      if (out.indexOf(shorter) < 0) out.push(shorter);
    }
    return out;
  }
  // light-stems end

  // A letter added, dropped or changed, or two neighbours swapped.
  function oneEdit(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (a.length > b.length) { var t = a; a = b; b = t; }
    if (b.length - a.length > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i === a.length) return b.length > a.length;
    function same(k, l) { return a.slice(k).join("") === b.slice(l).join(""); }
    if (a.length < b.length) return same(i, i + 1);
    return same(i + 1, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && same(i + 2, i + 2));
  }

  // The chunks a prefix can lie in.
  function covering(firsts, p) {
    var lo = 0, hi = firsts.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (firsts[mid] <= p) lo = mid + 1; else hi = mid; }
    var out = [], start = Math.max(0, lo - 1);
    for (var i = start; i < firsts.length && i < start + MAX_CHUNKS_PER_WORD; i++) {
      if (i > start && firsts[i].indexOf(p) !== 0) break;
      out.push(i);
    }
    return out;
  }
  function load(firsts, p) {
    return Promise.all(covering(firsts, p).map((i) => fetchJSON("search/c" + i + ".json")));
  }
  function stemIn(list) { return typeof list[0] === "string" ? list[0] : null; }

  function matchWord(m, word) {
    var firsts = m.chunks, best = new Map(), found = new Set(), how = 4;
    var typos = Array.from(word).length >= TYPO_MIN_CHARS && !CJK.test(word);
    // how: 5 exact, 4 prefix or form, 3 typo (a typo counts for no field).
    function take(term, list, how) {
      found.add(term);
      for (var j = stemIn(list) === null ? 0 : 1, doc = 0; j + 1 < list.length; j += 2) {
        doc += list[j];
        var v = list[j + 1], w = best.get(doc);
        if (!w) best.set(doc, w = [0, 0, 0, 0]);
        w[0] = Math.max(w[0], Math.floor(v / 4) * how);
        if (how > 3) { w[1] = 1; w[2] |= (v & 2) >> 1; w[3] |= v & 1; }
      }
    }
    // The stem listed beside `term`, the term itself, or undefined when absent.
    function stemOf(term) {
      var i = covering(firsts, term)[0];
      if (i === undefined) return Promise.resolve(undefined);
      return fetchJSON("search/c" + i + ".json").then((c) => {
        return own(c, term) ? stemIn(c[term]) || term : undefined;
      });
    }
    function inOrder(items, f) {
      return items.reduce((p, x) => { return p.then((got) => got !== undefined ? got : f(x)); }, Promise.resolve(undefined));
    }
    // A typo is looked for among the terms sharing the word's first three letters.
    var near = covering(firsts, word);
    if (typos) covering(firsts, Array.from(word).slice(0, 3).join("")).forEach((i) => { if (near.indexOf(i) < 0) near.push(i); });
    return Promise.all(near.map((i) => fetchJSON("search/c" + i + ".json"))).then((cs) => {
      cs.forEach((c) => {
        Object.keys(c).forEach((t) => {
          if (t.indexOf(word) === 0) take(t, c[t], t === word ? 5 : 4);
          else if (typos && oneEdit(word, t)) take(t, c[t], 3);
        });
      });
      return stemOf(word);
    }).then((stem) => {
      if (stem !== undefined) return [stem];
      if (!/^en/.test(m.lang || "")) return [];
      var guesses = lightStems(word);
      how = 3; // a guess ranks with typos
      return inOrder(guesses, stemOf).then((s) => s !== undefined ? [s] : guesses);
    }).then((stems) => {
      return inOrder(stems, (stem) => {
        // Every form starts with its stem, but for a final y stemmed to i.
        var from = stem.slice(-1) === "i" ? stem.slice(0, -1) : stem;
        return load(firsts, from).then((cs) => {
          var forms = 0;
          cs.forEach((c) => {
            Object.keys(c).forEach((t) => {
              var s = stemIn(c[t]);
              if ((s === null ? t === stem : s === stem) && t.indexOf(from) === 0) { take(t, c[t], how); forms++; }
            });
          });
          return forms ? true : undefined;
        });
      });
    }).then(() => { return { best: best, terms: found }; });
  }

  // Hits are [doc, words matched without a typo, in title, in summary, score], best first.
  function search(query) {
    var words = terms(query);
    return fetchJSON("search/manifest.json").then((m) => {
      return Promise.all(words.map((w) => matchWord(m, w)));
    }).then((ms) => {
      var total = null;
      ms.forEach((r) => {
        var next = new Map();
        function add(h, w) { next.set(h[0], [h[0], h[1] + w[1], h[2] + w[2], h[3] + w[3], h[4] + w[0]]); }
        if (!total) r.best.forEach((w, doc) => { add([doc, 0, 0, 0, 0], w); });
        else total.forEach((h, doc) => { if (r.best.has(doc)) add(h, r.best.get(doc)); });
        total = next;
      });
      var hits = Array.from((total || new Map()).values()).sort((a, b) => {
        return b[1] - a[1] || b[2] - a[2] || b[3] - a[3] || b[4] - a[4] || a[0] - b[0];
      });
      return { hits: hits, sets: ms.map((r) => r.terms) };
    });
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, (c) => { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  function hit(word, set) {
    if (set.has(word)) return true;
    if (!CJK.test(word)) return false;
    for (var t of set) if (CJK.test(t) && word.indexOf(t) >= 0) return true;
    return false;
  }
  function tokens(text) {
    var out = [], re = /[\p{Alphabetic}\p{N}]+/gu, m;
    while ((m = re.exec(text))) out.push([m.index, m.index + m[0].length, fold(m[0])]);
    return out;
  }
  function hits(word, sets) { return sets.some((s) => hit(word, s)); }
  function wordsIn(text, sets) {
    var ws = tokens(text);
    return sets.filter((s) => { return ws.some((w) => hit(w[2], s)); }).length;
  }
  function mark(text, sets) {
    var out = "", at = 0;
    tokens(text).forEach((t) => {
      if (!hits(t[2], sets)) return;
      out += escapeHTML(text.slice(at, t[0])) + "<mark>" + escapeHTML(text.slice(t[0], t[1])) + "</mark>";
      at = t[1];
    });
    return out + escapeHTML(text.slice(at));
  }
  function snippet(text, sets) {
    var words = text.split(/\s+/).filter(Boolean);
    var first = Math.max(0, words.findIndex((w) => { return tokens(w).some((t) => hits(t[2], sets)); }));
    var from = Math.max(0, first - SNIPPET_BEFORE), to = Math.min(words.length, from + SNIPPET_WORDS);
    return (from > 0 ? "… " : "") + mark(words.slice(from, to).join(" "), sets) + (to < words.length ? " …" : "");
  }
  // A document file as a result: the section holding most words, unless the title holds them all.
  function show(row, sets) {
    var sections = row[4], pick = 0, most = 0;
    if (wordsIn(row[2], sets) < sets.length) {
      sections.forEach((s, i) => { var n = wordsIn(s[1] + " " + s[2], sets); if (n > most) { most = n; pick = i; } });
    }
    var s = sections[pick] || ["", "", ""], body = s[2];
    if (!pick && !wordsIn(body, sets) && (!body || wordsIn(row[3], sets))) body = row[3];
    return {
      url: encodePath(row[0]) + (s[0] ? "#" + encodePath(s[0]) : ""), kind: row[1], title: mark(row[2], sets),
      heading: pick ? mark(s[1], sets) : null, snippet: snippet(body, sets),
    };
  }

  // A page's path as credo writes it in hrefs: `#`, `?` and `'` in a file
  // name are part of the path, not a fragment or a query.
  function encodePath(path) {
    return encodeURI(path).replace(/[#?']/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  }

  function resultHTML(r, id) {
    return '<a class="search-result" role="option" id="' + id + '" aria-selected="false" href="' + escapeHTML(BASE + r.url) + '">' +
      '<span class="search-kind">' + escapeHTML(kindName(r.kind)) + "</span> " +
      '<span class="search-title">' + r.title + "</span>" +
      (r.heading ? ' <span class="search-section">› ' + r.heading + "</span>" : "") +
      '<span class="search-snippet">' + r.snippet + "</span></a>";
  }
  function count(n) { return n === 1 ? t("results_one", { count: n }) : t("results", { count: n }); }

  // Results as you type, in a list the arrow keys move through. A query runs
  // once keys pause for 200 ms (a fast reader types a key every 40 to 150
  // ms: each key a query fetched 8 document files for nothing); document
  // files are fetched for the results shown only.
  function attach(input, box, limit, popup) {
    var seq = 0, active = -1, timer = 0, shown = 0, found = null;
    var listId = box.id + "-list";
    // Focus stays in the box while the arrow keys move through the results:
    // a screen reader follows `aria-activedescendant`, and hears the count
    // from a status of its own (the results' markup is replaced each time).
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    box.insertAdjacentElement("afterend", status);
    function items() { return Array.prototype.slice.call(box.querySelectorAll(".search-result")); }
    function expanded(open) {
      input.setAttribute("aria-expanded", open ? "true" : "false");
      var current = open && items()[active];
      if (current) input.setAttribute("aria-activedescendant", current.id);
      else input.removeAttribute("aria-activedescendant");
    }
    // Only arrowing scrolls to the option: the first one, marked as results
    // come, is where the reader already is (on /search/, a tall first result
    // scrolled the page under the header).
    function select(i, reveal) {
      var all = items();
      if (!all.length) return;
      active = (i + all.length) % all.length;
      all.forEach((a, j) => { a.setAttribute("aria-selected", j === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", all[active].id);
      if (reveal) all[active].scrollIntoView({ block: "nearest" });
    }
    function more(q, mine) {
      var next = found.hits.slice(shown, shown + limit);
      return Promise.all(next.map((h) => fetchJSON("search/d" + h[0] + ".json"))).then((rows) => {
        if (mine !== seq) return;
        var list = document.getElementById(listId);
        list.insertAdjacentHTML("beforeend", rows.map((row, i) => resultHTML(show(row, found.sets), listId + "-" + (shown + i))).join(""));
        shown += rows.length;
        var button = box.querySelector(".search-more");
        if (button) button.hidden = shown >= found.hits.length;
      });
    }
    function run() {
      var q = input.value.trim(), mine = ++seq;
      if (!popup) history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
      if (!q) { box.innerHTML = ""; box.dataset.query = ""; status.textContent = ""; expanded(false); if (popup) box.hidden = true; return Promise.resolve(); }
      return search(q).then((f) => {
        if (mine !== seq) return;
        found = f; shown = 0; active = -1;
        box.dataset.query = q;
        status.textContent = f.hits.length ? count(f.hits.length) : t("no_match", { query: q });
        input.removeAttribute("aria-activedescendant");
        expanded(f.hits.length > 0);
        var n = f.hits.length, all = BASE + "search/?q=" + encodeURIComponent(q);
        box.innerHTML = n ? '<p class="search-count">' + escapeHTML(count(n)) + "</p>" +
          '<div role="listbox" id="' + listId + '" aria-label="' + escapeHTML(t("search_results")) + '"></div>' +
          (popup ? '<a class="search-all" href="' + escapeHTML(all) + '">' + escapeHTML(t("all_results")) + "</a>"
            : '<button type="button" class="search-more" hidden>' + escapeHTML(t("more_results")) + "</button>")
          : '<p class="search-empty">' + escapeHTML(t("no_match", { query: q })) + "</p>";
        if (popup) box.hidden = false;
        if (!n) return;
        input.setAttribute("aria-controls", listId);
        return more(q, mine).then(() => { if (mine === seq) select(0); });
      }).catch((e) => {
        var message = t("search_unavailable", { error: e.message });
        found = null; box.dataset.query = q; status.textContent = message; expanded(false);
        box.innerHTML = '<p class="search-empty">' + escapeHTML(message) + "</p>";
        if (popup) box.hidden = false;
      });
    }
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-autocomplete", "list");
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { timer = 0; run(); }, 200);
      // The results shown are for what was typed before; "All results" goes
      // to what is typed now.
      var link = box.querySelector(".search-all"), q = input.value.trim();
      if (link) link.href = BASE + "search/?q=" + encodeURIComponent(q);
    });
    box.addEventListener("click", (e) => {
      var button = e.target;
      if (!button.classList.contains("search-more") || button.disabled) return;
      // A second click while a page of results is on its way adds nothing.
      button.disabled = true;
      more(input.value.trim(), seq).finally(() => { button.disabled = false; });
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        // Closed by Escape, the results open again where they were.
        if (popup && box.hidden && items().length) { box.hidden = false; return; }
        select(active + (e.key === "ArrowDown" ? 1 : -1), true);
      }
      else if (e.key === "Enter") {
        // While the results shown are for what was typed before (the query
        // waits for the keys to pause, or is still fetching), run the query
        // now and open its first result.
        var all = items(), typed = input.value.trim();
        if (timer || (typed && box.dataset.query !== typed)) {
          e.preventDefault(); clearTimeout(timer); timer = 0;
          var mine = seq + 1;
          run().then(() => { var first = items()[0]; if (mine === seq && first) location.href = first.href; });
        }
        else if (all.length) { e.preventDefault(); location.href = all[Math.max(0, active)].href; }
      } else if (e.key === "Escape" && popup) {
        // Close the results, then clear the box; focus stays in it.
        e.preventDefault();
        if (!box.hidden) box.hidden = true; else input.value = "";
      }
    });
    if (popup) {
      new MutationObserver(() => { expanded(!box.hidden && !!found && found.hits.length > 0 && !!box.dataset.query); }).observe(box, { attributes: true });
      document.addEventListener("click", (e) => { if (!input.form.contains(e.target)) box.hidden = true; });
      input.addEventListener("focus", () => { fetchJSON("search/manifest.json").catch(() => {}); if (box.innerHTML) box.hidden = false; });
    }
    return run;
  }

  var header = document.getElementById("search-input"), popup = document.getElementById("search-popup");
  if (header && popup) attach(header, popup, 8, true);
  var pageInput = document.getElementById("search-page-input"), pageResults = document.getElementById("search-page-results");
  if (pageInput && pageResults) {
    var runPage = attach(pageInput, pageResults, 10, false);
    var q = new URLSearchParams(location.search).get("q");
    if (q) { pageInput.value = q; runPage(); }
  }
  // "/" (outside a text field) and Ctrl+K or ⌘K (anywhere) go to the search box.
  var mac = /Mac|iPhone|iPad/.test(navigator.platform || "");
  var key = document.querySelector(".search-key");
  if (key) key.textContent = mac ? "⌘K" : t("ctrl_k");
  document.addEventListener("keydown", (e) => {
    var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    var chord = (e.key === "k" || e.key === "K") && (mac ? e.metaKey : e.ctrlKey) && !e.altKey;
    if (chord || (e.key === "/" && !typing)) {
      var box = pageInput || header;
      if (box) { e.preventDefault(); box.focus({ preventScroll: true }); box.select(); }
    }
  });
})();
