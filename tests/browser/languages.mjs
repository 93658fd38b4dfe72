// Browser tests of a handbook in several languages (issue 25), in headless
// Chromium (the system package) driven by playwright-core. Usage:
//
//   node --test tests/browser/languages.mjs   with CREDO_SITE=<built dir> and
//                                             CREDO_BASE=/hb/ (the base path)
//
// The site is tests/fixtures/languages/browser built under the base path:
// English at the root, German under /de/ and Arabic (right to left) under
// /ar/, some pages untranslated, one tag only in German. Unlike run.mjs,
// these tests know the fixture's pages and words.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const SITE = process.env.CREDO_SITE;
const BASE = process.env.CREDO_BASE || "/";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!SITE) throw new Error("set CREDO_SITE to a built site");

const LANGS = ["en", "de", "ar"];
const root = (lang) => (lang === "en" ? BASE : `${BASE}${lang}/`);
// One page of every kind, as paths under a language's root.
const PAGES = {
  home: "",
  section: "principles/",
  principle: "principles/answer-by-the-third-ring/",
  value: "values/patience/",
  scenario: "scenarios/the-caller-on-hold/",
  checklist: "checklists/closing-the-day/",
  track: "tracks/first-week/",
  tags: "tags/",
  tag: "tags/phone/",
  matrix: "matrix/",
  review: "review/",
  print: "print/",
  search: "search/",
  changes: "changes/",
  "404": "404.html",
};
// A page only the German translation makes: a tag of its own.
const GERMAN_ONLY = "tags/r%C3%BCckruf/";

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml" };
let server, origin, browser;

// Serves the built site under BASE; a missing page gets its language's 404.
function listen() {
  return new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
      if (!rel.startsWith(BASE)) { res.writeHead(404); return res.end(); }
      rel = rel.slice(BASE.length);
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      const file = path.join(SITE, rel);
      if (!file.startsWith(SITE) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        const lang = LANGS.find((l) => l !== "en" && rel.startsWith(`${l}/`));
        res.writeHead(404, { "content-type": TYPES[".html"] });
        return res.end(fs.readFileSync(path.join(SITE, lang ? `${lang}/404.html` : "404.html")));
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(fs.readFileSync(file));
    });
    srv.listen(0, "127.0.0.1", () => resolve({ server: srv, origin: `http://127.0.0.1:${srv.address().port}` }));
  });
}

before(async () => {
  ({ server, origin } = await listen());
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => { await browser?.close(); server?.close(); });

// A fresh browser context; console errors, failed requests (but the 404
// page's own) and requests to another host are recorded.
async function open(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => { if (r.status() >= 400 && !/\/(404\.html|no-such-page\/)$/.test(r.url())) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on("request", (r) => { const u = new URL(r.url()); if (u.protocol === "http:" && u.host !== new URL(origin).host) problems.push(`request to another host: ${r.url()}`); });
  return { context, page, problems };
}
const url = (p) => origin + p;
const built = (p) => {
  const rel = decodeURIComponent(p.slice(BASE.length));
  return fs.existsSync(path.join(SITE, rel.endsWith("/") || rel === "" ? `${rel}index.html` : rel));
};

test("every page kind in every language has the switcher, which leads to the same page in the other language", async () => {
  const { context, page, problems } = await open();
  const wrong = [];
  const pages = [...Object.entries(PAGES).map(([kind, p]) => [kind, LANGS, p]), ["German-only tag", ["de"], GERMAN_ONLY]];
  for (const [kind, langs, p] of pages) {
    for (const lang of langs) {
      const here = root(lang) + p;
      await page.goto(url(here));
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, here);
      const switcher = page.locator("header nav.languages");
      assert.equal(await switcher.count(), 1, `${kind} ${here} has one switcher`);
      assert.equal(await switcher.isVisible(), true, `${kind} ${here}: the switcher is visible`);
      const links = await switcher.locator("a").evaluateAll((as) => as.map((a) => ({
        lang: a.getAttribute("hreflang"), href: a.getAttribute("href"), current: a.getAttribute("aria-current"),
      })));
      assert.deepEqual(links.map((l) => l.lang).sort(), [...LANGS].sort(), here);
      for (const link of links) {
        // The same page in that language, or that language's home when it has none.
        const same = root(link.lang) + p;
        const expected = built(same) ? same : root(link.lang);
        if (encodeURI(decodeURI(link.href)) !== encodeURI(decodeURI(expected))) wrong.push(`${kind} ${here} → ${link.lang}: ${link.href}, not ${expected}`);
        assert.equal(link.current, link.lang === lang ? "true" : null, `${here}: ${link.lang} marked current`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  // Followed in the browser: the German scenario's Arabic link opens the
  // Arabic scenario; a German-only page's English link opens the English home.
  for (const [from, to, lands] of [[`${root("de")}${PAGES.scenario}`, "ar", `${root("ar")}${PAGES.scenario}`],
    [`${root("ar")}${PAGES.principle}`, "en", `${root("en")}${PAGES.principle}`],
    [`${root("de")}${GERMAN_ONLY}`, "en", root("en")]]) {
    await page.goto(url(from));
    await page.locator(`header nav.languages a[hreflang="${to}"]`).click();
    await page.waitForLoadState("load");
    assert.equal(decodeURI(new URL(page.url()).pathname), decodeURI(lands), `from ${from}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), to);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("Arabic pages are right to left and mirrored; English and German are not", async () => {
  const { context, page } = await open({ viewport: { width: 1280, height: 800 } });
  const layout = async (p) => {
    await page.goto(url(p));
    return page.evaluate(() => {
      const box = (s) => { const r = document.querySelector(s).getBoundingClientRect(); return { left: r.left, right: r.right }; };
      const q = document.querySelector("blockquote");
      const current = document.querySelector('#sidebar a[aria-current="page"]');
      return {
        dir: document.documentElement.dir, lang: document.documentElement.lang,
        computed: getComputedStyle(document.body).direction,
        sidebar: box("#sidebar"), main: box("main"), layout: box(".layout"), title: box(".site-title"), search: box("form.search"),
        input: box("#search-input"), key: box(".search-key"),
        quote: q && { left: getComputedStyle(q).borderLeftWidth, right: getComputedStyle(q).borderRightWidth },
        shadow: current && getComputedStyle(current).boxShadow,
        // The sidebar's rule: the layout's background line, from its own edge.
        rule: getComputedStyle(document.querySelector(".layout")).backgroundPositionX,
      };
    });
  };
  const ltr = await layout(`${root("en")}${PAGES.principle}`);
  const de = await layout(`${root("de")}${PAGES.principle}`);
  const rtl = await layout(`${root("ar")}${PAGES.principle}`);
  assert.deepEqual([ltr.dir, ltr.lang, ltr.computed], ["ltr", "en", "ltr"]);
  assert.deepEqual([de.dir, de.lang, de.computed], ["ltr", "de", "ltr"]);
  assert.deepEqual([rtl.dir, rtl.lang, rtl.computed], ["rtl", "ar", "rtl"]);
  for (const l of [ltr, de]) {
    assert.ok(l.sidebar.right <= l.main.left + 1, "left to right: the sidebar is left of the text");
    assert.ok(l.title.right < l.search.left, "the title comes first, on the left");
    assert.ok(l.key.right > (l.input.left + l.input.right) / 2, "the / key sits at the input's right end");
  }
  assert.ok(rtl.sidebar.left >= rtl.main.right - 1, `right to left: the sidebar ${JSON.stringify(rtl.sidebar)} is right of the text ${JSON.stringify(rtl.main)}`);
  assert.ok(Math.abs(rtl.sidebar.right - 1280) < 2, "the sidebar is against the right edge");
  assert.ok(rtl.title.left > rtl.search.right, "the title comes first, on the right");
  assert.ok(rtl.key.left < (rtl.input.left + rtl.input.right) / 2, `the / key ${JSON.stringify(rtl.key)} sits at the input's left end (where the text ends)`);
  assert.deepEqual(ltr.quote, { left: "4px", right: "0px" });
  assert.deepEqual(rtl.quote, { left: "0px", right: "4px" }, "a quote's rule is on its right in Arabic");
  assert.match(ltr.shadow, / 3px 0px 0px 0px inset$/);
  assert.match(rtl.shadow, / -3px 0px 0px 0px inset$/, "the current page's mark is on its right in Arabic");
  // The sidebar's rule is a 1 px background line of the layout: it stands
  // on the sidebar's inner edge (its right in English, its left in Arabic).
  const ruleX = (l) => {
    const px = (m) => Number(m.replace("px", ""));
    let m;
    if ((m = /^(?:left )?(-?[\d.]+px)$/.exec(l.rule))) return l.layout.left + px(m[1]);
    if ((m = /^(?:right (-?[\d.]+px)|calc\(100% - (-?[\d.]+px)\))$/.exec(l.rule))) return l.layout.right - 1 - px(m[1] || m[2]);
    throw new Error(`unread background position ${l.rule}`);
  };
  assert.ok(Math.abs(ruleX(ltr) - (ltr.sidebar.right - 1)) < 1, `the rule at ${ruleX(ltr)}, the sidebar ends at ${ltr.sidebar.right}`);
  assert.ok(Math.abs(ruleX(rtl) - rtl.sidebar.left) < 1, `the rule at ${ruleX(rtl)}, not on the Arabic sidebar's edge at ${rtl.sidebar.left}`);
  await context.close();
});

test("an untranslated page falls back to the original with a note in the reader's language", async () => {
  const { context, page, problems } = await open();
  await page.goto(url(`${root("de")}${PAGES.value}`));
  const note = page.locator("main .untranslated");
  assert.equal(await note.isVisible(), true);
  assert.equal(await note.innerText(), "Diese Seite ist noch nicht übersetzt; sie erscheint in der Originalsprache.");
  assert.equal(await note.getAttribute("lang"), "de");
  assert.equal(await page.locator("main h1").innerText(), "Patience");
  assert.equal(await page.locator("main h1").evaluate((h) => h.closest("[lang]").lang), "en", "the English text is marked English");
  // Its ref to a translated page stays in German, anchor and all.
  const back = page.locator('main a[href$="#why-it-matters"]');
  assert.equal(await back.getAttribute("href"), `${root("de")}${PAGES.principle}#why-it-matters`);
  await back.click();
  await page.waitForURL(url(`${root("de")}${PAGES.principle}#why-it-matters`));
  assert.equal(await page.locator("main h1").innerText(), "1. Spätestens beim dritten Klingeln abheben");
  assert.equal(await page.locator("#why-it-matters").isVisible(), true);
  // Translated pages carry no note; nor does the original.
  for (const p of [`${root("de")}${PAGES.principle}`, `${root("ar")}${PAGES.value}`, `${root("en")}${PAGES.value}`]) {
    await page.goto(url(p));
    assert.equal(await page.locator(".untranslated").count(), 0, p);
  }
  // In Arabic an untranslated principle stands in, marked English, in a mirrored page.
  await page.goto(url(`${root("ar")}principles/call-back-the-same-day/`));
  assert.equal(await page.locator("main .untranslated").isVisible(), true);
  assert.equal(await page.locator("main h1").evaluate((h) => h.closest("[lang]").lang), "en");
  // The English text reads left to right inside the mirrored page; the note reads right to left.
  assert.equal(await page.locator("main .body").evaluate((b) => getComputedStyle(b).direction), "ltr");
  assert.equal(await page.locator("main .untranslated").evaluate((n) => getComputedStyle(n).direction), "rtl");
  assert.equal(await page.locator("html").evaluate((h) => getComputedStyle(h).direction), "rtl");
  assert.deepEqual(problems, []);
  await context.close();
});

test("refs resolve within the language: a German scenario links German pages, an Arabic one Arabic or stand-in pages", async () => {
  const { context, page } = await open();
  for (const lang of ["de", "ar"]) {
    await page.goto(url(`${root(lang)}${PAGES.scenario}`));
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const internal = hrefs.filter((h) => h.startsWith(BASE) && !h.startsWith(`${BASE}${lang === "de" ? "ar" : "de"}/`));
    assert.ok(internal.length >= 3, hrefs.join());
    for (const h of internal) assert.ok(h.startsWith(root(lang)), `${lang} scenario links ${h}`);
    // The applied principles, translated or standing in, are listed in the language's site.
    for (const p of ["principles/answer-by-the-third-ring/", "principles/call-back-the-same-day/"]) {
      assert.ok(hrefs.includes(`${root(lang)}${p}`), `${lang} scenario lacks ${p}: ${hrefs}`);
    }
  }
  // A principle lists the scenario that applies it, in the language.
  await page.goto(url(`${root("ar")}${PAGES.principle}`));
  assert.equal(await page.locator(`main a[href="${root("ar")}${PAGES.scenario}"]`).first().innerText(), "المتصل على الانتظار");
  await context.close();
});

// Types `word` key by key into the header's search box of `at`; returns the
// popup's result titles and links, or [] when it says nothing matches.
async function typeSearch(page, at, word) {
  await page.goto(url(at));
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("/");
  await page.keyboard.type(word, { delay: 40 });
  // Results of a word still being typed (a prefix) may show first on a slow
  // machine: wait for the whole word's.
  const popup = page.locator(`#search-popup[data-query="${word}"]`);
  await popup.locator(".search-result, .search-empty").first().waitFor({ timeout: 20000 });
  // A match under a heading links the heading: the page is what counts here.
  return popup.locator(".search-result").evaluateAll((rs) => rs.map((r) => [r.querySelector(".search-title").textContent, r.getAttribute("href").split("#")[0]]));
}

test("search is per language: a word only in the German translation is found under /de/ and not at the root", async () => {
  const { context, page, problems } = await open({ viewport: { width: 1280, height: 800 } });
  const german = [["Spätestens beim dritten Klingeln abheben", `${root("de")}${PAGES.principle}`]];
  assert.deepEqual(await typeSearch(page, root("de"), "rückrufzusage"), german);
  // Diacritics fold: typed without the umlaut, it is found too.
  assert.deepEqual(await typeSearch(page, root("de"), "ruckrufzusage"), german);
  await page.keyboard.press("Enter");
  await page.waitForURL(`${url(german[0][1])}#why-it-matters`);
  assert.deepEqual(await typeSearch(page, root("en"), "rückrufzusage"), []);
  assert.equal(await page.locator("#search-popup .search-empty").innerText(), "No page matches “rückrufzusage”.");
  // The other way: an English word of the translated page is not in the German index.
  assert.deepEqual(await typeSearch(page, root("de"), "ringing"), []);
  const english = (await typeSearch(page, root("en"), "ringing")).map(([, h]) => h);
  assert.equal(english[0], `${root("en")}${PAGES.principle}`, english.join());
  assert.ok(english.every((h) => !h.startsWith(root("de")) && !h.startsWith(root("ar"))), english.join());
  // Arabic finds Arabic, under /ar/, and the English site does not.
  assert.deepEqual(await typeSearch(page, root("ar"), "المغادرة"), [["أجب قبل الرنة الثالثة", `${root("ar")}${PAGES.principle}`]]);
  assert.deepEqual(await typeSearch(page, root("en"), "المغادرة"), []);
  // The search pages say the same.
  for (const [lang, n] of [["de", 1], ["en", 0]]) {
    await page.goto(url(`${root(lang)}search/?q=r%C3%BCckrufzusage`));
    const results = page.locator("#search-page-results");
    await results.locator(".search-result, .search-empty").first().waitFor({ timeout: 20000 });
    assert.equal(await results.locator(".search-result").count(), n, `${lang}/search/`);
    if (n) assert.equal((await results.locator(".search-result").first().getAttribute("href")).split("#")[0], german[0][1]);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("/print/ holds each language's own bodies", async () => {
  const { context, page } = await open();
  const text = async (lang) => {
    await page.goto(url(`${root(lang)}print/`));
    return page.locator("main").innerText();
  };
  const [en, de, ar] = [await text("en"), await text("de"), await text("ar")];
  for (const w of ["Spätestens beim dritten Klingeln abheben", "Rückrufzusage", "Den Tag abschließen", "Erste Woche"]) {
    assert.ok(de.includes(w), `/de/print/ lacks ${w}`);
    assert.ok(!en.includes(w), `/print/ holds ${w}`);
  }
  assert.ok(!de.includes("A ringing phone is a client waiting."), "/de/print/ holds the English body of a translated page");
  assert.ok(de.includes("We let clients finish their sentence."), "/de/print/ holds the stand-in for the untranslated value");
  for (const w of ["أجب قبل الرنة الثالثة", "العميل المنتظر على الخط يفكر في المغادرة", "إغلاق اليوم"]) assert.ok(ar.includes(w), `/ar/print/ lacks ${w}`);
  assert.ok(en.includes("A ringing phone is a client waiting."));
  // Printed, each language's PDF has pages, and the Arabic one is laid out right to left.
  await page.goto(url(`${root("ar")}print/`));
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length >= 2);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("main")).direction), "rtl");
  await context.close();
});

test("axe-core finds no WCAG A or AA violation on the Arabic and German pages, light or dark", async () => {
  const axe = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const found = [];
  for (const scheme of ["light", "dark"]) {
    const { context, page } = await open({ colorScheme: scheme });
    for (const lang of ["ar", "de"]) {
      for (const p of [...Object.values(PAGES), "principles/call-back-the-same-day/", ...(lang === "de" ? [GERMAN_ONLY] : [])]) {
        await page.goto(url(root(lang) + p));
        await page.addScriptTag({ content: axe });
        const result = await page.evaluate(async () => await window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"],
        }));
        for (const v of result.violations) found.push(`${scheme} ${root(lang)}${p}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});

test("the Nu HTML checker finds no error in the Arabic and German sites", () => {
  const jar = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");
  let output = "";
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", "--format", "text", path.join(SITE, "ar"), path.join(SITE, "de")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    output = `${e.stdout || ""}${e.stderr || ""}`;
  }
  assert.equal(output.trim(), "");
});

test("at 360 px the Arabic menu opens a drawer from the right, inside the screen", async () => {
  const { context, page, problems } = await open({ viewport: { width: 360, height: 740 } });
  await page.goto(url(`${root("ar")}${PAGES.scenario}`));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  const button = page.locator(".menu-button");
  const sidebar = page.locator("#sidebar");
  assert.equal(await sidebar.isVisible(), false, "the drawer starts closed");
  // Closed, the drawer waits off screen on the right, the side it comes from.
  const closed = await sidebar.boundingBox();
  assert.ok(closed === null || closed.x >= 360, `the closed drawer at ${JSON.stringify(closed)}`);
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  // The slide-in: wait until it has ended (a loaded machine is slow).
  await page.waitForFunction(() => {
    const r = document.getElementById("sidebar").getBoundingClientRect();
    return Math.abs(r.right - window.innerWidth) < 2;
  }, null, { timeout: 10000 }).catch(() => {});
  assert.equal(await sidebar.isVisible(), true);
  const box = await sidebar.boundingBox();
  assert.ok(box.x >= 0 && Math.abs(box.x + box.width - 360) < 2, `the open drawer at ${JSON.stringify(box)}, not against the right edge`);
  const current = sidebar.locator('a[aria-current="page"]');
  assert.equal((await current.innerText()).trim(), "المتصل على الانتظار");
  assert.ok(await page.evaluate(() => !!document.activeElement.closest("#sidebar")), "focus is in the drawer");
  const close = await page.locator(".drawer-close").boundingBox();
  assert.ok(close.x < box.x + box.width / 2, "its close button sits at the drawer's far (left) end");
  await page.keyboard.press("Escape");
  await sidebar.waitFor({ state: "hidden", timeout: 10000 }).catch(() => {});
  assert.equal(await sidebar.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("menu-button")), true);
  assert.deepEqual(problems, []);
  await context.close();
});
