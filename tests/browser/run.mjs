// Browser tests of a built credo site, in headless Chromium (the system
// package) driven by playwright-core. Usage:
//
//   node --test tests/browser/run.mjs        with CREDO_SITE=<built dir> and
//                                            CREDO_BASE=/handbook/ (the base path)
//
// The site is served from a local server under the base path, so every test
// also proves the site works from a sub-path. Pages are found through
// handbook.json, so the suite runs on any playbook.

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
const ARTIFACTS = process.env.CREDO_ARTIFACTS || "";
if (!SITE) throw new Error("set CREDO_SITE to a built site");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
  ".png": "image/png", ".txt": "text/plain",
};

let server, origin, browser;
const handbook = JSON.parse(fs.readFileSync(path.join(SITE, "handbook.json"), "utf8"));
const byKind = (kind) => handbook.pages.filter((p) => p.kind === kind);

function serve() {
  return new Promise((resolve) => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url, "http://x");
      let rel = decodeURIComponent(url.pathname);
      if (!rel.startsWith(BASE)) { res.writeHead(404); return res.end(); }
      rel = rel.slice(BASE.length);
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      const file = path.join(SITE, rel);
      if (!file.startsWith(SITE) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404, { "content-type": TYPES[".html"] });
        return res.end(fs.readFileSync(path.join(SITE, "404.html")));
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(fs.readFileSync(file));
    });
    server.listen(0, "127.0.0.1", () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      resolve();
    });
  });
}

before(async () => {
  await serve();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => { await browser?.close(); server?.close(); });

// A fresh browser context: its own localStorage, every request and console
// error recorded.
async function open(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  // A failed load is reported by the response handler, with its URL.
  page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`); });

  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().includes("/no-such-page/")) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol !== "data:" && u.protocol !== "blob:" && u.host !== new URL(origin).host) problems.push(`request to another host: ${r.url()}`);
  });
  return { context, page, problems };
}
const url = (p) => origin + p; // handbook.json URLs carry the base path already

test("no console errors and no request to another host on any page type", async () => {
  const { context, page, problems } = await open();
  const kinds = [...new Set(handbook.pages.map((p) => p.kind))];
  const pages = [BASE, ...kinds.map((k) => byKind(k)[0].url), ...handbook.sections.slice(1, 2).map((s) => s.url),
    `${BASE}tags/`, `${BASE}matrix/`, `${BASE}print/`, `${BASE}review/`, `${BASE}search/?q=client`, `${BASE}no-such-page/`];
  for (const p of pages) {
    await page.goto(url(p));
    await page.waitForLoadState("networkidle");
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("checklist ticks persist across reloads, count, and reset", async () => {
  const target = handbook.pages.find((p) => p.checklist && p.checklist.flatMap((g) => g.items).length >= 3);
  assert.ok(target, "a page with a checklist of 3+ items");
  const total = target.checklist.flatMap((g) => g.items).length;
  const { context, page, problems } = await open();
  await page.goto(url(target.url));
  const boxes = page.locator(".checklist input[type=checkbox]");
  assert.equal(await boxes.count(), total);
  await page.getByLabel(target.checklist.flatMap((g) => g.items)[0].text, { exact: true }).check();
  await boxes.nth(2).check();
  await page.reload();
  assert.equal(await boxes.nth(0).isChecked(), true);
  assert.equal(await boxes.nth(1).isChecked(), false);
  assert.equal(await boxes.nth(2).isChecked(), true);
  assert.equal((await page.locator(".checklist-progress").innerText()).trim(), `2 of ${total} done`);
  await page.locator(".checklist-reset").click();
  assert.equal((await page.locator(".checklist-progress").innerText()).trim(), `0 of ${total} done`);
  await page.reload();
  assert.equal(await boxes.nth(0).isChecked(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("without JavaScript a checklist is a plain readable list", async () => {
  const target = handbook.pages.find((p) => p.checklist && p.checklist.length);
  const { context, page } = await open({ javaScriptEnabled: false });
  await page.goto(url(target.url));
  assert.equal(await page.locator(".checklist input[type=checkbox]").first().isVisible(), false);
  assert.equal(await page.locator(".checklist-reset").isVisible(), false);
  const first = target.checklist.flatMap((g) => g.items)[0].text;
  assert.ok((await page.locator(".checklist").innerText()).includes(first));
  await context.close();
});

test("a track's progress follows its steps, on the track and the home page", async () => {
  const track = byKind("track")[0];
  assert.ok(track && track.steps.length >= 2, "a track with 2+ steps");
  const { context, page, problems } = await open();
  await page.goto(url(track.url));
  const progress = page.locator("section.track .track-progress");
  assert.equal((await progress.innerText()).trim(), `0 of ${track.steps.length} steps done`);
  // Mark the first step read from its own page.
  await page.goto(url(track.steps[0].url));
  await page.locator(`button.mark-read[data-track="${track.key}"]`).click();
  // A step whose page has a checklist is done once every item is ticked.
  const withChecklist = track.steps.slice(1).map((s) => handbook.pages.find((p) => p.url === s.url))
    .find((p) => p && p.checklist && p.checklist.length);
  let expected = 1;
  if (withChecklist) {
    await page.goto(url(withChecklist.url));
    const boxes = page.locator(".checklist input[type=checkbox]");
    for (let i = 0; i < await boxes.count(); i++) await boxes.nth(i).check();
    expected = 2;
  }
  await page.goto(url(track.url));
  assert.equal((await progress.innerText()).trim(), `${expected} of ${track.steps.length} steps done`);
  assert.equal(await page.locator("ol.steps li.done").count(), expected);
  await page.goto(url(BASE));
  const summary = page.locator(`[data-track-summary="${track.key}"] .track-progress`);
  assert.equal((await summary.innerText()).trim(), `${expected} of ${track.steps.length} steps done`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the dark-mode toggle is remembered", async () => {
  const { context, page } = await open({ colorScheme: "light" });
  await page.goto(url(BASE));
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.locator(".theme-toggle").click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.notEqual(await bg(), light);
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.notEqual(await bg(), light);
  await context.close();
});

test("at 360 px wide no page scrolls sideways", async () => {
  const { context, page } = await open({ viewport: { width: 360, height: 740 } });
  for (const p of [BASE, ...["principle", "scenario", "attitude", "checklist", "track"].map((k) => byKind(k)[0]?.url).filter(Boolean), `${BASE}matrix/`]) {
    await page.goto(url(p));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${p} scrolls sideways by ${overflow}px`);
  }
  if (ARTIFACTS) await page.goto(url(byKind("principle")[0].url)), await page.screenshot({ path: path.join(ARTIFACTS, "phone-360.png"), fullPage: false });
  await context.close();
});

test("axe-core finds no serious or critical violation, light or dark", async () => {
  const axe = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const kinds = [...new Set(handbook.pages.map((p) => p.kind))];
  const pages = [BASE, ...kinds.map((k) => byKind(k)[0].url), `${BASE}matrix/`, `${BASE}print/`, `${BASE}tags/`, `${BASE}search/`, `${BASE}review/`];
  const found = [];
  for (const scheme of ["light", "dark"]) {
    const { context, page } = await open({ colorScheme: scheme });
    for (const p of pages) {
      await page.goto(url(p));
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
      for (const v of result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        found.push(`${scheme} ${p}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});

test("every page passes the Nu HTML checker", () => {
  const jar = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");
  let output = "";
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", "--format", "text", SITE], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    output = `${e.stdout || ""}${e.stderr || ""}`;
  }
  assert.equal(output.trim(), "");
});

test("/print/ becomes a PDF with a contents list and every page", async () => {
  const { context, page } = await open();
  await page.goto(url(`${BASE}print/`));
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  if (ARTIFACTS) fs.writeFileSync(path.join(ARTIFACTS, "print.pdf"), pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  const sections = handbook.sections.filter((s) => s.pages.length).length;
  assert.ok(pages >= sections + 1, `only ${pages} PDF pages for ${sections} sections`);
  // The text: every page title is on the print page, with the table of contents first.
  const text = await page.locator("main").innerText();
  assert.ok(text.indexOf("Contents") >= 0 && text.indexOf("Contents") < 200);
  for (const p of handbook.pages) assert.ok(text.includes(p.title), `print page lacks ${p.title}`);
  await context.close();
});

test("search finds a scenario by a word of its title, first, and Enter opens it", async () => {
  // The scenario whose longest title word is rarest makes a fair probe.
  const words = (p) => p.title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 6);
  const scenario = byKind("scenario").find((p) => words(p).length) || byKind("scenario")[0];
  const word = words(scenario).sort((a, b) => b.length - a.length)[0] || scenario.title;
  const typed = word.slice(0, Math.max(4, word.length - 3)).toLowerCase();
  const { context, page, problems } = await open();
  let bytes = 0;
  page.on("response", async (r) => { if (r.url().includes("/search")) { try { bytes += (await r.body()).length; } catch { /* no body */ } } });
  await page.goto(url(BASE));
  await page.waitForLoadState("networkidle");
  const scriptBytes = fs.statSync(path.join(SITE, "search.js")).size;
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.keyboard.type(typed);
  const first = page.locator("#search-popup .search-result").first();
  await first.waitFor({ timeout: 5000 });
  await page.waitForLoadState("networkidle");
  const titles = await page.locator("#search-popup .search-title").allInnerTexts();
  console.log(`# search "${typed}": results ${JSON.stringify(titles.slice(0, 3))}; first query fetched ${bytes + scriptBytes} bytes (script ${scriptBytes})`);
  // A page whose title holds the word outranks everything else; a scenario is among them first or tied.
  const titled = handbook.pages.filter((p) => p.title.toLowerCase().includes(typed));
  assert.ok(titled.some((p) => p.title === titles[0]), `first result ${titles[0]} does not hold "${typed}" in its title`);
  assert.ok(titles.slice(0, titled.length).includes(scenario.title), `${scenario.title} not among the title hits`);
  assert.ok(bytes + scriptBytes < 50 * 1024, `first query fetched ${bytes + scriptBytes} bytes`);
  const target = handbook.pages.find((p) => p.title === titles[0]);
  await page.keyboard.press("Enter");
  await page.waitForURL(url(target.url));
  // The /search/ page reads ?q= and shows the same first result.
  await page.goto(url(`${BASE}search/?q=${encodeURIComponent(typed)}`));
  await page.locator("#search-page-results .search-result").first().waitFor({ timeout: 5000 });
  assert.equal(await page.locator("#search-page-results .search-title").first().innerText(), titles[0]);
  assert.ok((await page.locator("#search-page-results .search-snippet mark").count()) >= 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("screenshots for the README (with CREDO_ARTIFACTS)", { skip: !ARTIFACTS }, async () => {
  const { context, page } = await open({ viewport: { width: 1280, height: 820 }, colorScheme: "light" });
  const scenario = byKind("scenario")[0];
  await page.goto(url(scenario.url));
  await page.screenshot({ path: path.join(ARTIFACTS, "handbook-desktop.png") });
  await context.close();
});
