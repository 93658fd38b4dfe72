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
import os from "node:os";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const SITE = process.env.CREDO_SITE;
const BASE = process.env.CREDO_BASE || "/";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARTIFACTS = process.env.CREDO_ARTIFACTS || "";
const BIN = process.env.CREDO_BIN, ROOT = process.env.CREDO_ROOT; // for the rebuild tests
if (!SITE) throw new Error("set CREDO_SITE to a built site");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
  ".png": "image/png", ".txt": "text/plain",
};

let server, origin, browser;
const handbook = JSON.parse(fs.readFileSync(path.join(SITE, "handbook.json"), "utf8"));
const byKind = (kind) => handbook.pages.filter((p) => p.kind === kind);

// Serves the built site at `root` under BASE; a POST to BASE + "receipts"
// is kept in `posted` (a stand-in for a firm's acknowledge_endpoint).
function listen(root, posted = []) {
  return new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      const url = new URL(req.url, "http://x");
      let rel = decodeURIComponent(url.pathname);
      if (!rel.startsWith(BASE)) { res.writeHead(404); return res.end(); }
      rel = rel.slice(BASE.length);
      if (req.method === "POST" && rel === "receipts") {
        let body = "";
        req.on("data", (c) => { body += c; });
        return req.on("end", () => { posted.push(JSON.parse(body)); res.writeHead(204); res.end(); });
      }
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      const file = path.join(root, rel);
      if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404, { "content-type": TYPES[".html"] });
        return res.end(fs.readFileSync(path.join(root, "404.html")));
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(fs.readFileSync(file));
    });
    srv.listen(0, "127.0.0.1", () => resolve({ server: srv, origin: `http://127.0.0.1:${srv.address().port}` }));
  });
}
async function serve() {
  ({ server, origin } = await listen(SITE));
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
async function open(options = {}, at = origin) {
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
    if (u.protocol !== "data:" && u.protocol !== "blob:" && u.host !== new URL(at).host) problems.push(`request to another host: ${r.url()}`);
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
  const target = handbook.pages.find((p) => p.checklist && p.checklist.some((g) => g.items.some((i) => i.detail)));
  assert.ok(target, "a checklist with an item's detail");
  const { context, page } = await open({ javaScriptEnabled: false });
  await page.goto(url(target.url));
  assert.equal(await page.locator(".checklist input[type=checkbox]").first().isVisible(), false);
  assert.equal(await page.locator(".checklist-reset").isVisible(), false);
  const first = target.checklist.flatMap((g) => g.items)[0].text;
  assert.ok((await page.locator(".checklist").innerText()).includes(first));
  // An item's detail reads on a line of its own, not run into its label.
  const detail = page.locator(".checklist-items .detail").first();
  const [label, below] = await Promise.all([detail.locator("xpath=preceding-sibling::label").boundingBox(), detail.boundingBox()]);
  assert.ok(below.y >= label.y + label.height - 1, `detail at ${below.y}, label ends at ${label.y + label.height}`);
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

test("on a phone the header keeps to two rows and its items never overlap, however long the title", async () => {
  // The German title is long ("Das Service-Credo von ..."), and both languages
  // have a switcher: this is where a title once ran over the switcher.
  for (const width of [320, 360, 412]) {
    const { context, page } = await open({ viewport: { width, height: 740 } });
    for (const p of [BASE, `${BASE}de/`, byKind("principle")[0].url]) {
      await page.goto(url(p));
      const header = await page.evaluate(() => {
        const shown = [...document.querySelectorAll(".site-header > *")].filter((e) => e.getClientRects().length && !e.classList.contains("visually-hidden"));
        const boxes = shown.map((e) => [e.className, e.getBoundingClientRect()]);
        const overlaps = [];
        for (const [i, [a, r]] of boxes.entries()) for (const [b, q] of boxes.slice(i + 1)) {
          if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1) overlaps.push(`${a} × ${b}`);
        }
        const title = document.querySelector(".site-title span");
        const spills = title.scrollWidth > title.clientWidth + 1 && getComputedStyle(title).overflowX === "visible";
        return { overlaps, spills, height: document.querySelector(".site-header").getBoundingClientRect().height };
      });
      assert.deepEqual(header.overlaps, [], `${p} at ${width} px`);
      assert.equal(header.spills, false, `${p} at ${width} px: the title runs out of its place`);
      if (width >= 360) assert.ok(header.height < 120, `${p} at ${width} px: a header ${header.height} px tall`);
    }
    await context.close();
  }
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
  const pages = [BASE, ...kinds.map((k) => byKind(k)[0].url), `${BASE}matrix/`, `${BASE}print/`, `${BASE}tags/`, `${BASE}search/`, `${BASE}review/`,
    ...(handbook.pages.some((p) => p.acknowledge) ? [`${BASE}acknowledgements/`, handbook.pages.find((p) => p.acknowledge).url] : [])];
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

test("a printout is black on white whatever the reader's colour scheme", async () => {
  const { context, page } = await open();
  const withCode = handbook.pages.find((p) => /```\w/.test(fs.readFileSync(path.join(SITE, p.url.slice(BASE.length), "index.md"), "utf8")));
  for (const where of [`${BASE}print/`, withCode ? withCode.url : BASE]) {
    await page.goto(url(where));
    for (const [scheme, chosen] of [["dark", null], ["light", "dark"], ["dark", "dark"]]) {
      await page.evaluate((c) => { if (c) document.documentElement.dataset.theme = c; else delete document.documentElement.dataset.theme; }, chosen);
      await page.emulateMedia({ media: "print", colorScheme: scheme });
      const colours = await page.evaluate(() => {
        const of = (el) => el && getComputedStyle(el);
        const code = document.querySelector(".hl-code");
        return { text: of(document.body).color, page: of(document.body).backgroundColor, code: code ? of(code).backgroundColor : null };
      });
      const what = `${where}, ${scheme} scheme, theme ${chosen}`;
      assert.equal(colours.text, "rgb(0, 0, 0)", `${what}: text ${colours.text}`);
      assert.equal(colours.page, "rgb(255, 255, 255)", `${what}: page ${colours.page}`);
      if (colours.code) assert.ok(!/rgb\((\d{1,2}), (\d{1,2}), (\d{1,2})\)/.test(colours.code), `${what}: code on ${colours.code}`);
    }
    await page.emulateMedia({ media: "screen", colorScheme: "light" });
  }
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
  const first = page.locator(`#search-popup[data-query="${typed}"] .search-result`).first();
  await first.waitFor({ timeout: 20000 });
  await page.waitForLoadState("networkidle");
  const titles = await page.locator("#search-popup .search-title").allInnerTexts();
  console.log(`# search "${typed}": results ${JSON.stringify(titles.slice(0, 3))}; first query fetched ${bytes + scriptBytes} bytes (script ${scriptBytes})`);
  // A page whose title holds the word outranks everything else; a scenario is among them first or tied.
  const titled = handbook.pages.filter((p) => p.title.toLowerCase().includes(typed));
  assert.ok(titled.some((p) => p.title === titles[0]), `first result ${titles[0]} does not hold "${typed}" in its title`);
  assert.ok(titles.slice(0, titled.length).includes(scenario.title), `${scenario.title} not among the title hits`);
  assert.ok(bytes + scriptBytes < 50 * 1024, `first query fetched ${bytes + scriptBytes} bytes`);
  // A screen reader follows the selection (focus stays in the box) and hears the count.
  const combobox = () => page.evaluate(() => {
    const input = document.getElementById("search-input");
    const option = document.getElementById(input.getAttribute("aria-activedescendant") || "-");
    const status = input.form.querySelector("[role=status]");
    return { expanded: input.getAttribute("aria-expanded"), selected: option && option.getAttribute("aria-selected"),
      title: option && option.querySelector(".search-title").innerText, status: status && status.textContent,
      count: document.querySelector("#search-popup .search-count").textContent, focus: document.activeElement.id };
  });
  let state = await combobox();
  assert.deepEqual([state.expanded, state.selected, state.title, state.focus], ["true", "true", titles[0], "search-input"]);
  assert.equal(state.status, state.count);
  if (titles.length > 1) {
    await page.keyboard.press("ArrowDown");
    state = await combobox();
    assert.deepEqual([state.selected, state.title], ["true", titles[1]]);
    await page.keyboard.press("ArrowUp");
  }
  const target = handbook.pages.find((p) => p.title === titles[0]);
  await page.keyboard.press("Enter");
  await page.waitForURL(url(target.url));
  // The /search/ page reads ?q= and shows the same first result.
  await page.goto(url(`${BASE}search/?q=${encodeURIComponent(typed)}`));
  await page.locator("#search-page-results .search-result").first().waitFor({ timeout: 20000 });
  assert.equal(await page.locator("#search-page-results .search-title").first().innerText(), titles[0]);
  assert.equal(await page.locator("#search-page-input").getAttribute("aria-expanded"), "true");
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

// Issue 22: the reader's handbook, second generation.

// Built pages whose HTML matches `re`, as site URLs (base path included).
function builtPagesMatching(re) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "index.html" && re.test(fs.readFileSync(full, "utf8"))) {
        found.push(BASE + path.relative(SITE, path.dirname(full)).split(path.sep).map(encodeURIComponent).join("/") + "/");
      }
    }
  };
  walk(SITE);
  return found.sort();
}
const active = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el.id, cls: el.className, inSidebar: !!el.closest("#sidebar"), tag: el.tagName };
});

test("at 360 px the menu button opens the sidebar as a drawer, keeps focus in it, and Escape gives focus back", async () => {
  const target = byKind("scenario").at(-1);
  const { context, page, problems } = await open({ viewport: { width: 360, height: 740 } });
  await page.goto(url(target.url));
  const button = page.locator(".menu-button");
  const sidebar = page.locator("#sidebar");
  assert.equal(await button.isVisible(), true);
  assert.equal(await page.locator(".menu-link").isVisible(), false);
  assert.equal(await sidebar.isVisible(), false, "the drawer starts closed");
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  await page.waitForTimeout(300); // the slide-in
  assert.equal(await sidebar.isVisible(), true);
  let focus = await active(page);
  assert.ok(focus.inSidebar, `focus went to ${JSON.stringify(focus)}`);
  // The current page is marked and on screen in the drawer.
  const current = sidebar.locator('a[aria-current="page"]');
  assert.equal((await current.innerText()).trim().endsWith(target.title), true);
  const box = await current.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 740 && box.x >= 0, `current page at ${JSON.stringify(box)}`);
  // Tab and Shift+Tab stay inside.
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(i % 3 === 2 ? "Shift+Tab" : "Tab");
    focus = await active(page);
    assert.ok(focus.inSidebar, `Tab ${i} left the drawer for ${JSON.stringify(focus)}`);
  }
  await page.keyboard.press("Escape");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  await page.waitForTimeout(300);
  assert.equal(await sidebar.isVisible(), false);
  focus = await active(page);
  assert.ok(focus.cls.includes("menu-button"), `focus after Escape: ${JSON.stringify(focus)}`);
  // The close button closes it too; open, the drawer is axe clean at 360 px.
  await button.click();
  await page.waitForTimeout(300);
  await page.addScriptTag({ content: fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  const axed = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  assert.deepEqual(axed.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id), []);
  await page.locator(".drawer-close").click();
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  if (ARTIFACTS) {
    await button.click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, "phone-360-menu.png") });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("using the header keeps the reader's place on the page", async () => {
  const target = byKind("scenario").at(-1);
  for (const viewport of [{ width: 1280, height: 600 }, { width: 360, height: 740 }]) {
    const { context, page } = await open({ viewport });
    await page.goto(url(target.url));
    const at = async () => Math.round(await page.evaluate(() => window.scrollY));
    await page.evaluate(() => window.scrollTo(0, 900));
    await page.waitForTimeout(100);
    const place = await at();
    assert.ok(place > 400, `${viewport.width} px: the page scrolls (${place})`);
    const steps = viewport.width > 800
      ? [["the / key", () => page.keyboard.press("/")], ["Escape", () => page.keyboard.press("Escape")],
        ["a click in the search box", () => page.locator(".site-header input[type=search]").click()],
        ["Ctrl+K", async () => { await page.keyboard.press("Escape"); await page.keyboard.press("Control+k"); }]]
      : [["opening the menu", () => page.locator(".menu-button").click()],
        ["Escape in the menu", () => page.keyboard.press("Escape")],
        ["opening it again", () => page.locator(".menu-button").click()],
        ["its close button", () => page.locator(".drawer-close").click()]];
    for (const [what, act] of steps) {
      await act();
      await page.waitForTimeout(350);
      assert.equal(await at(), place, `${viewport.width} px: ${what} moved the page`);
    }
    await context.close();
  }
});

test("without JavaScript the phone menu is a link to the sidebar, which is on the page", async () => {
  const { context, page } = await open({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  await page.goto(url(byKind("principle")[0].url));
  const link = page.locator(".menu-link");
  assert.equal(await link.isVisible(), true);
  assert.equal(await page.locator(".menu-button").isVisible(), false);
  await link.click();
  assert.equal(await page.locator("#sidebar").isVisible(), true);
  const box = await page.locator("#sidebar").boundingBox();
  assert.ok(box.y < 740, "the sidebar is scrolled into view");
  await context.close();
});

test("the header stays on screen, and the sidebar scrolls on its own to the current page", async () => {
  const target = byKind("scenario").at(-1);
  const { context, page } = await open({ viewport: { width: 1280, height: 600 } });
  await page.goto(url(target.url));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(100);
  assert.ok(await page.evaluate(() => window.scrollY) > 200, "the page scrolls");
  const header = await page.locator(".site-header").boundingBox();
  assert.equal(Math.round(header.y), 0);
  const sidebar = page.locator("#sidebar");
  assert.equal(await sidebar.evaluate((el) => getComputedStyle(el).overflowY), "auto");
  const bar = await sidebar.boundingBox();
  const current = await sidebar.locator('a[aria-current="page"]').boundingBox();
  assert.ok(current.y >= bar.y && current.y + current.height <= bar.y + bar.height && current.y >= header.height,
    `current page at ${current.y} outside the sidebar ${bar.y}..${bar.y + bar.height}`);
  await context.close();
});

test("the sidebar marks the matrix, tags, review and print pages as current", async () => {
  const { context, page } = await open();
  for (const [p, label] of [["matrix/", "Coverage matrix"], ["tags/", "Tags"], ["review/", "Review dates"], ["print/", "Print the handbook"]]) {
    await page.goto(url(BASE + p));
    assert.deepEqual(await page.locator('#sidebar a[aria-current="page"]').allInnerTexts(), [label], p);
  }
  await context.close();
});

test("\"On this page\" sits at the side on wide screens, marks the heading being read, and folds up on phones", async () => {
  const target = builtPagesMatching(/<details class="toc"[\s\S]*?(<li class="toc-h2">[\s\S]*?){3}/)[0];
  assert.ok(target, "a page with three h2 headings");
  const { context, page, problems } = await open({ viewport: { width: 1280, height: 800 } });
  await page.goto(url(target));
  const toc = page.locator("details.toc");
  assert.equal(await toc.evaluate((d) => d.open), true);
  const side = await toc.boundingBox(), article = await page.locator("article.content").boundingBox();
  assert.ok(side.x >= article.x + article.width, "the contents list is beside the text");
  const links = toc.locator("a");
  const n = await links.count();
  const pick = Math.min(2, n - 1);
  const id = decodeURIComponent((await links.nth(pick).getAttribute("href")).slice(1));
  await page.evaluate((id) => {
    const h = document.getElementById(id);
    window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 100);
  }, id);
  await page.waitForFunction((pick) => document.querySelectorAll("details.toc a")[pick].getAttribute("aria-current") === "true", pick, { timeout: 3000 });
  assert.equal(await toc.locator('a[aria-current="true"]').count(), 1);
  // A heading jumped to from the list is the one marked, though its section
  // is short enough for the next heading to be past the reading line too.
  for (let i = 0; i < n; i++) {
    await links.nth(i).click();
    await page.waitForFunction((i) => document.querySelectorAll("details.toc a")[i].getAttribute("aria-current") === "true", i, { timeout: 3000 })
      .catch(() => assert.fail(`clicked link ${i} of "On this page" is not the one marked`));
  }
  // The sticky list stays in view as the page scrolls.
  const again = await toc.boundingBox();
  assert.ok(again.y >= 0 && again.y < 200, `contents list at ${again.y}`);
  // Each heading links to itself; the "#" shows on hover.
  const heading = page.locator(`[id="${id}"]`);
  const self = heading.locator("a.heading-link");
  assert.equal(await self.getAttribute("href"), `#${encodeURIComponent(id) === id ? id : id}`);
  const hashOpacity = () => self.evaluate((a) => getComputedStyle(a, "::after").opacity);
  await page.mouse.move(0, 0);
  assert.equal(await hashOpacity(), "0");
  await heading.hover();
  assert.equal(await hashOpacity(), "1");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(url(target));
  assert.equal(await toc.evaluate((d) => d.open), false);
  const top = await toc.boundingBox(), body = await page.locator("article.content .body").boundingBox();
  assert.ok(top.y < body.y, "the folded list comes before the text");
  await toc.locator("summary").click();
  assert.equal(await links.first().isVisible(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a code block has a copy button the keyboard reaches, announced when it copies; code follows dark mode", async () => {
  // An English page: a translated one has the copy button's words in its language.
  const target = builtPagesMatching(/<html lang="en"[\s\S]*<pre class="code/)[0];
  assert.ok(target, "a page with a code block");
  const { context, page, problems } = await open({ colorScheme: "light" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await page.goto(url(target));
  const pre = page.locator("main pre.code").first();
  const button = page.locator("main .copy-code").first();
  await button.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => [...document.querySelectorAll("[aria-live]")].some((r) => /copied/i.test(r.textContent)), null, { timeout: 3000 });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied.trim(), (await pre.innerText()).trim());
  assert.equal((await button.innerText()).trim(), "Copied");
  const lum = (rgb) => { const [r, g, b] = rgb.match(/\d+/g).map(Number); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const lightBg = await pre.evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  const darkBg = await pre.evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.ok(lum(lightBg) > 128 && lum(darkBg) < 128, `code background ${lightBg} light, ${darkBg} dark`);
  // The theme toggle's dark applies too, on a light system.
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => { document.documentElement.dataset.theme = "dark"; });
  assert.ok(lum(await pre.evaluate((el) => getComputedStyle(el).backgroundColor)) < 128);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the theme button cycles system, dark, light and says which is on", async () => {
  const { context, page } = await open({ colorScheme: "light" });
  await page.goto(url(BASE));
  const button = page.locator(".theme-toggle");
  const names = [];
  for (let i = 0; i < 4; i++) {
    names.push([(await button.textContent()).replace(/\s+/g, " ").trim(), await page.evaluate(() => document.documentElement.dataset.theme || "")]);
    await button.click();
  }
  const says = (t) => `◐ Colour theme: ${t}`;
  assert.deepEqual(names, [[says("system"), ""], [says("dark"), "dark"], [says("light"), "light"], [says("system"), ""]]);
  await context.close();
});

test("Ctrl+K and / open search from anywhere; Escape keeps focus in the box", async () => {
  const { context, page, problems } = await open({ viewport: { width: 1280, height: 800 } });
  await page.goto(url(byKind("principle")[0].url));
  assert.equal((await page.locator(".search-key").innerText()).trim(), "Ctrl K");
  await page.locator("h1").click();
  await page.keyboard.press("Control+k");
  assert.equal((await active(page)).id, "search-input");
  await page.keyboard.type("client");
  await page.locator('#search-popup[data-query="client"] .search-result').first().waitFor({ timeout: 20000 });
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#search-popup").isVisible(), false);
  assert.equal((await active(page)).id, "search-input", "Escape keeps focus in the search box");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#search-input").inputValue(), "");
  assert.equal((await active(page)).id, "search-input");
  // From a focused checkbox or link, Ctrl+K still goes to search.
  await page.locator("#sidebar a").first().focus();
  await page.keyboard.press("Control+k");
  assert.equal((await active(page)).id, "search-input");
  assert.deepEqual(problems, []);
  await context.close();
});

test("/search/ opens at its top, however far down its first result reaches", async () => {
  const { context, page } = await open({ viewport: { width: 360, height: 320 } });
  await page.goto(url(`${BASE}search/?q=client`));
  await page.locator("#search-page-results .search-result").first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(200);
  const first = await page.locator("#search-page-results .search-result").first().boundingBox();
  assert.ok(first.y + first.height > 320, `the probe needs a result below the fold (${JSON.stringify(first)})`);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await context.close();
});

test("search highlighting reads at 4.5:1 in dark mode", async () => {
  const axe = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const { context, page } = await open({ colorScheme: "dark" });
  await page.goto(url(`${BASE}search/?q=client`));
  await page.locator("#search-page-results mark").first().waitFor({ timeout: 20000 });
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(async () => await window.axe.run("#search-page-results", { runOnly: ["color-contrast"] }));
  assert.deepEqual(result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" "))), []);
  await context.close();
});

test("search.js guesses word forms as query::light_stems does (src/search/light_stems.txt)", () => {
  // The function is cut out of the shipped script, between its markers.
  const source = fs.readFileSync(path.join(SITE, "search.js"), "utf8");
  const body = source.slice(source.indexOf("// light-stems:"), source.indexOf("// light-stems end"));
  const lightStems = new Function(`${body}; return lightStems;`)();
  const list = fs.readFileSync(new URL("../../src/search/light_stems.txt", import.meta.url), "utf8");
  for (const line of list.split("\n").filter((l) => l.trim() && !l.startsWith("#"))) {
    const [word, ...guesses] = line.split(/\s+/).filter(Boolean);
    assert.deepEqual(lightStems(word), guesses, word);
  }
});

// The search index's document files (search/d{id}.json), to pick probes from.
function searchDocs() {
  const dir = path.join(SITE, "search");
  return fs.readdirSync(dir).filter((f) => /^d\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
}
// A word of seven letters or more found in one place only of the whole
// handbook, chosen by `where(doc, section index, word index)`.
function rareWord(where) {
  const docs = searchDocs(), places = new Map();
  const words = (t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  docs.forEach((d, di) => {
    const put = (w, place) => { if (!places.has(w)) places.set(w, []); places.get(w).push(place); };
    [d[2], d[3], d[1]].forEach((t) => words(t).forEach((w) => put(w, null)));
    d[4].forEach((s, si) => { words(s[1]).forEach((w) => put(w, null)); words(s[2]).forEach((w, wi) => put(w, [di, si, wi])); });
  });
  // Nothing else may start with it or be one letter away (a typo match).
  const near = (a, b) => a !== b && (b.startsWith(a) || (Math.abs(a.length - b.length) <= 1 &&
    [...Array(Math.max(a.length, b.length) + 1).keys()].some((i) => a.slice(0, i) === b.slice(0, i) &&
      [a.slice(i + 1) === b.slice(i + 1), a.slice(i) === b.slice(i + 1), a.slice(i + 1) === b.slice(i)].some(Boolean))));
  const all = [...places.keys()];
  for (const [w, list] of places) {
    if (w.length >= 7 && /^[a-z]+$/.test(w) && list.length === 1 && list[0] && where(docs[list[0][0]], list[0][1], list[0][2]) &&
      !all.some((o) => near(w, o))) {
      return { word: w, doc: docs[list[0][0]], section: list[0][1] };
    }
  }
  return null;
}

test("search forgives a typo and finds another form of a word", async () => {
  const { context, page, problems } = await open();
  const titled = (w) => handbook.pages.filter((p) => p.title.toLowerCase().split(/\W+/).includes(w)).map((p) => p.title);
  // A word ending in -ing in a title: typed with a letter dropped, then as -ed.
  const word = handbook.pages.flatMap((p) => p.title.toLowerCase().split(/\W+/)).find((w) => /^[a-z]{4,}ing$/.test(w));
  assert.ok(word, "no title word ending in -ing to probe with");
  const typo = word.slice(0, -2) + word.slice(-1);  // waiting → waitig
  const form = word.slice(0, -3) + "ed";            // waiting → waited
  for (const q of [typo, form]) {
    await page.goto(url(`${BASE}search/?q=${q}`));
    await page.locator("#search-page-results .search-result").first().waitFor({ timeout: 20000 });
    const titles = await page.locator("#search-page-results .search-title").allInnerTexts();
    assert.ok(titles.some((t) => titled(word).includes(t)), `"${q}" does not find ${titled(word)}: ${titles}`);
    const marked = await page.locator("#search-page-results .search-result mark").allInnerTexts();
    assert.ok(marked.some((m) => m.toLowerCase() === word), `"${q}" highlights ${marked}, not ${word}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a deep match is shown in a snippet cut around it, highlighted", async () => {
  // A word far past the first 320 characters of a page's text.
  const probe = rareWord((d, si, wi) => si === 0 && wi >= 80);
  assert.ok(probe, "no word deep in a page to probe with");
  const { context, page, problems } = await open();
  await page.goto(url(`${BASE}search/?q=${probe.word}`));
  const snippet = page.locator("#search-page-results .search-snippet").first();
  await snippet.waitFor({ timeout: 20000 });
  assert.equal((await snippet.locator("mark").first().innerText()).toLowerCase(), probe.word);
  assert.ok((await snippet.innerText()).startsWith("…"), "the snippet starts where the match is, not at the top");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a match under a heading opens the page at that heading", async () => {
  const probe = rareWord((d, si) => si > 0);
  assert.ok(probe, "no word under a heading to probe with");
  const [id, heading] = probe.doc[4][probe.section];
  const { context, page, problems } = await open({ viewport: { width: 1280, height: 800 } });
  await page.goto(url(BASE));
  await page.keyboard.press("/");
  await page.keyboard.type(probe.word, { delay: 40 });
  const first = page.locator(`#search-popup[data-query="${probe.word}"] .search-result`).first();
  await first.waitFor({ timeout: 20000 });
  assert.equal(await first.locator(".search-section").innerText(), `› ${heading}`);
  await page.keyboard.press("Enter");
  await page.waitForURL(url(`${BASE}${encodeURI(probe.doc[0])}#${id}`));
  assert.equal(await page.evaluate(() => decodeURIComponent(location.hash.slice(1))), id);
  assert.ok(await page.locator(`[id="${id}"]`).isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test("search shows a count and all results; /search/ follows the query as typed", async () => {
  const { context, page, problems } = await open({ viewport: { width: 1280, height: 800 } });
  await page.goto(url(BASE));
  await page.keyboard.press("/");
  await page.keyboard.type("client", { delay: 40 });
  // On a slow machine the results of "c" may show first: wait for the word's.
  await page.locator('#search-popup[data-query="client"] .search-result').first().waitFor({ timeout: 20000 });
  const n = Number((await page.locator("#search-popup .search-count").innerText()).split(" ")[0]);
  assert.ok(n > 8, `count ${n}`);
  assert.equal(await page.locator("#search-popup .search-result").count(), 8);
  await page.locator("#search-popup .search-all").click();
  await page.waitForURL(url(`${BASE}search/?q=client`));
  await page.locator("#search-page-results .search-result").first().waitFor({ timeout: 20000 });
  assert.equal(await page.locator("#search-page-results .search-count").innerText(), `${n} results`);
  await page.locator("#search-page-input").fill("");
  await page.locator("#search-page-input").type("waiting time", { delay: 40 });
  await page.waitForFunction(() => location.search === "?q=waiting%20time");
  if (n > 10) {
    await page.locator("#search-page-input").fill("client");
    await page.locator("#search-page-results .search-result").nth(9).waitFor({ timeout: 20000 });
    await page.locator("#search-page-results .search-more").click();
    await page.locator("#search-page-results .search-result").nth(Math.min(n, 20) - 1).waitFor({ timeout: 20000 });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("while the results of an earlier prefix show, All results and Enter follow what is typed now", async () => {
  const { context, page, problems } = await open({ viewport: { width: 1280, height: 800 } });
  await page.goto(url(`${BASE}search/?q=client`));
  await page.locator("#search-page-results .search-result").first().waitFor({ timeout: 20000 });
  const top = await page.locator("#search-page-results .search-result").first().getAttribute("href");
  for (const act of ["all", "enter"]) {
    await page.goto(url(BASE));
    await page.keyboard.press("/");
    await page.keyboard.type("c");
    await page.locator('#search-popup[data-query="c"] .search-result').first().waitFor({ timeout: 20000 });
    // The rest of the word comes faster than the 200 ms pause a query waits for.
    await page.keyboard.type("lient");
    if (act === "all") {
      await page.locator("#search-popup .search-all").click();
      await page.waitForURL(url(`${BASE}search/?q=client`));
    } else {
      await page.keyboard.press("Enter");
      await page.waitForURL(url(top));
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("search's bytes, typed key by key (a key every 40 ms), stay under 50 KB on this handbook", async () => {
  const { context, page, problems } = await open({ viewport: { width: 1280, height: 800 } });
  const fetched = [];
  page.on("response", async (r) => {
    if (/\/search\.js$|\/search\/[^/?]+\.json$/.test(r.url())) { try { fetched.push([r.url(), (await r.body()).length]); } catch { /* no body */ } }
  });
  await page.goto(url(BASE));
  await page.waitForLoadState("networkidle");
  // Two words, as a reader types them, then a third query after a pause.
  await page.keyboard.press("/");
  await page.keyboard.type("client meeting", { delay: 40 });
  await page.locator('#search-popup[data-query="client meeting"] .search-result').first().waitFor({ timeout: 20000 });
  await page.waitForLoadState("networkidle");
  await page.keyboard.type(" late", { delay: 40 });
  await page.waitForTimeout(400);
  await page.waitForLoadState("networkidle");
  const bytes = fetched.reduce((s, [, n]) => s + n, 0);
  console.log(`# search bytes key by key: ${bytes} in ${fetched.length} requests: ${fetched.map(([u, n]) => `${u.split("/").pop()} ${n}`).join(", ")}`);
  assert.ok(bytes <= 50 * 1024, `search fetched ${bytes} bytes`);
  assert.deepEqual(problems, []);
  await context.close();
});

// What the Rust reference query finds for each line of search_queries.txt,
// written by tests/integration/browser.rs (CREDO_SEARCH_EXPECTED).
const SEARCH_EXPECTED = process.env.CREDO_SEARCH_EXPECTED;
test("search.js finds, ranks and shows what the Rust reference does (search_queries.txt)", { skip: !SEARCH_EXPECTED }, async () => {
  const cases = JSON.parse(fs.readFileSync(SEARCH_EXPECTED, "utf8"));
  const { context, page, problems } = await open({ viewport: { width: 1280, height: 800 } });
  const results = page.locator("#search-page-results .search-result");
  for (const c of cases) {
    const where = `${c.at}search/?q=${c.q}`;
    await page.goto(url(`${BASE}${c.at}search/?q=${encodeURIComponent(c.q)}`));
    await page.locator("#search-page-results .search-count, #search-page-results .search-empty").first().waitFor({ timeout: 20000 });
    if (!c.count) {
      assert.equal(await page.locator("#search-page-results .search-empty").count(), 1, `${where}: search.js found pages`);
      continue;
    }
    // The count in the page's language: "28 results", "28 Treffer".
    const count = await page.locator("#search-page-results .search-count").innerText();
    assert.equal(parseInt(count, 10), c.count, `${where}: ${count}`);
    if (!c.at) assert.equal(count, `${c.count} ${c.count === 1 ? "result" : "results"}`, where);
    // Ten at a time: "More results" until as many are shown as compared.
    await results.nth(Math.min(c.results.length, 10) - 1).waitFor({ timeout: 20000 });
    while ((await results.count()) < c.results.length) {
      const shown = await results.count();
      await page.locator("#search-page-results .search-more").click();
      await results.nth(Math.min(c.results.length, shown + 10) - 1).waitFor({ timeout: 5000 });
    }
    // Both sides as the browser serialises them (it writes &#39; back as ').
    const [got, want] = await page.evaluate((rust) => {
      const base = document.querySelector('meta[name="credo-base"]').content;
      const html = (s) => { const t = document.createElement("template"); t.innerHTML = s; return t.innerHTML; };
      const got = [...document.querySelectorAll("#search-page-results .search-result")].map((a) => ({
        href: a.getAttribute("href"), kind: a.querySelector(".search-kind").innerHTML,
        title: a.querySelector(".search-title").innerHTML,
        heading: a.querySelector(".search-section") ? a.querySelector(".search-section").innerHTML : null,
        snippet: a.querySelector(".search-snippet").innerHTML,
      }));
      // The kind as the page's language names it (the strings both the
      // build and search.js read).
      const strings = window.credoStrings;
      const kind = (k) => strings[`kind_${k}_short`] ?? k;
      const want = rust.map((r) => ({
        href: base + r.url, kind: html(kind(r.kind)), title: html(r.title),
        heading: r.heading === null ? null : html(`› ${r.heading}`), snippet: html(r.snippet),
      }));
      return [got.slice(0, want.length), want];
    }, c.results);
    assert.deepEqual(got, want, where);
  }
  console.log(`# search.js and the Rust reference agree on ${cases.length} queries`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("/review/ fits a 360 px phone, its dates on one line", async () => {
  const { context, page } = await open({ viewport: { width: 360, height: 740 } });
  await page.goto(url(`${BASE}review/`));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `/review/ scrolls sideways by ${overflow}px`);
  const broken = await page.evaluate(() => [...document.querySelectorAll("table.review time")].filter((t) => t.getClientRects().length > 1).length);
  assert.equal(broken, 0);
  await context.close();
});

test("a track is finished through every kind of step, a section too; home and the tracks overview show it", async () => {
  const sectionUrls = new Set(handbook.sections.map((s) => s.url));
  const track = byKind("track").find((t) => t.steps.some((s) => sectionUrls.has(s.url)));
  assert.ok(track, "a track with a section among its steps");
  const { context, page, problems } = await open();
  for (const step of track.steps) {
    await page.goto(url(step.url));
    const strip = page.locator(`nav.track-strip[data-track="${track.key}"]`);
    assert.equal(await strip.count(), 1, `${step.url} shows where it stands in the track`);
    await strip.locator("button.mark-read").click();
    assert.equal(await strip.locator("button.mark-read").getAttribute("aria-pressed"), "true");
  }
  const total = track.steps.length;
  await page.goto(url(BASE));
  assert.equal((await page.locator(`[data-track-summary="${track.key}"] .track-progress`).innerText()).trim(), `${total} of ${total} steps done`);
  const overview = handbook.sections.find((s) => s.pages.some((p) => (p.url || p) === track.url || p === track.key));
  const overviewUrl = overview ? overview.url : track.url.replace(/[^/]+\/$/, "");
  await page.goto(url(overviewUrl));
  assert.equal((await page.locator(`[data-track-summary="${track.key}"] .track-progress`).innerText()).trim(), `${total} of ${total} steps done`);
  await page.goto(url(track.url));
  assert.equal((await page.locator("section.track .track-progress").innerText()).trim(), `${total} of ${total} steps done`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("home progress is fresh after marking a step, without opening the track again", async () => {
  const track = byKind("track")[0];
  const { context, page } = await open();
  await page.goto(url(track.steps[0].url));
  await page.locator(`button.mark-read[data-track="${track.key}"]`).click();
  await page.goto(url(BASE));
  assert.equal((await page.locator(`[data-track-summary="${track.key}"] .track-progress`).innerText()).trim(), `1 of ${track.steps.length} steps done`);
  await context.close();
});

test("/print/ lists each track's steps and sets checklist details apart", async () => {
  const { context, page } = await open();
  await page.goto(url(`${BASE}print/`));
  for (const track of byKind("track")) {
    const items = await page.locator(`.print-entry:has(> h2:text-is("${track.title}")) ol.print-steps > li`).count();
    assert.equal(items, track.steps.length, `${track.title}'s steps on /print/`);
  }
  await page.emulateMedia({ media: "print" });
  const detail = page.locator(".print-checklist .detail").first();
  if (await detail.count()) assert.equal(await detail.evaluate((d) => getComputedStyle(d).display), "block");
  assert.equal(await page.locator("h2.print-title").first().evaluate((h) => getComputedStyle(h).breakAfter), "avoid");
  await context.close();
});

test("a card is a link over its whole area, and a list that mixes kinds names each card's kind", async () => {
  const { context, page } = await open({ viewport: { width: 1280, height: 800 } });
  const value = byKind("value").find((v) => builtPagesMatching(/class="card-kind"/).includes(v.url)) || byKind("value")[0];
  await page.goto(url(value.url));
  const card = page.locator(".relation .card").first();
  const kinds = await page.locator(".relation .card .card-kind").allInnerTexts();
  if (kinds.length) assert.ok(kinds.every((k) => /^(principle|scenario|core value|page|section|onboarding track|checklist|attitude)$/i.test(k.trim())), kinds.join());
  const href = await card.locator("a").getAttribute("href");
  const box = await card.boundingBox();
  await page.mouse.click(box.x + box.width - 6, box.y + box.height - 6); // a corner, away from the title
  await page.waitForURL(origin + href);
  await context.close();
});

test("screenshots at 360 px, 1280 px and dark (with CREDO_ARTIFACTS)", { skip: !ARTIFACTS }, async () => {
  const scenario = byKind("scenario")[0];
  for (const [name, viewport, colorScheme] of [["phone-360-light", { width: 360, height: 740 }, "light"],
    ["desktop-1280-dark", { width: 1280, height: 820 }, "dark"], ["phone-360-dark", { width: 360, height: 740 }, "dark"]]) {
    const { context, page } = await open({ viewport, colorScheme });
    await page.goto(url(scenario.url));
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
    await context.close();
  }
});

test("Edit this page, Ask the owner and Was this helpful? fill in the page, with no request made", async () => {
  const page0 = handbook.pages.find((p) => p.owner && builtPagesMatching(/class="page-actions"[\s\S]*Ask the owner/).includes(p.url));
  if (!page0) return console.log("# no page has Ask the owner: skipped"); // the site configures none of them
  const { context, page, problems } = await open();
  await page.goto(url(page0.url));
  const actions = page.locator("aside.page-actions");
  const edit = await actions.getByRole("link", { name: "Edit this page" }).getAttribute("href");
  assert.ok(/\{path\}/.test(edit) === false && edit.includes(".md"), edit);
  assert.ok((await actions.getByRole("link", { name: /^Ask the owner/ }).innerText()).includes(page0.owner));
  const yes = new URL(await actions.getByRole("link", { name: "Yes" }).getAttribute("href"));
  const body = yes.searchParams.get("body") || decodeURIComponent(yes.href.split("body=")[1] || "");
  assert.ok(body.includes(page0.title) && body.includes(page0.url) && body.includes(page0.owner), body);
  assert.equal(await actions.isVisible(), true);
  await page.emulateMedia({ media: "print" });
  assert.equal(await actions.isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 23: what changed since the reader last read a page, and
// acknowledgements. Each test builds a copy of the site's sources with the
// credo binary, serves it on an origin of its own, edits a page's `changes:`
// and builds again into the same folder: the browser keeps its storage.
async function rebuildableSite({ endpoint = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credo-rebuild-"));
  const src = path.join(dir, "src"), out = path.join(dir, "out");
  fs.mkdirSync(out);
  for (const entry of ["credo.yaml", "content", "themes", "static", "templates"]) {
    if (fs.existsSync(path.join(ROOT, entry))) fs.cpSync(path.join(ROOT, entry), path.join(src, entry), { recursive: true });
  }
  const posted = [];
  const { server: srv, origin: at } = await listen(out, posted);
  if (endpoint) fs.appendFileSync(path.join(src, "credo.yaml"), `\nacknowledge_endpoint: "${at}${BASE}receipts"\n`);
  const build = () => execFileSync(BIN, ["build", "-r", src, "-o", out, "--base-url", `http://127.0.0.1${BASE}`], { stdio: "pipe" });
  build();
  return {
    at, posted,
    // Records a change dated today (UTC, as credo checks dates) at the top of
    // the page's `changes:`, then builds again.
    change(page, note, material) {
      const file = path.join(src, page.file);
      const entry = `  - {date: ${new Date().toISOString().slice(0, 10)}, note: "${note}", material: ${material}}`;
      let text = fs.readFileSync(file, "utf8");
      text = /^changes:\s*$/m.test(text)
        ? text.replace(/^changes:\s*$/m, (line) => `${line}\n${entry}`)
        : text.replace(/^---\n([\s\S]*?)\n---\n/, (_, fm) => `---\n${fm}\nchanges:\n${entry}\n---\n`);
      fs.writeFileSync(file, text);
      build();
    },
    close() { srv.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}
const canRebuild = !!(BIN && ROOT);

async function axeFindings(page, where) {
  await page.addScriptTag({ content: fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

test("a page read before and changed materially since says so; home counts it and the sidebar marks it", { skip: !canRebuild }, async () => {
  const site = await rebuildableSite();
  const target = byKind("principle").find((p) => p.changes.length) || byKind("principle")[0];
  const sibling = byKind("principle").find((p) => p.url !== target.url);
  const other = byKind("scenario")[0];
  const { context, page, problems } = await open({}, site.at);
  const go = (p) => page.goto(site.at + p);
  await go(target.url);
  await go(other.url);
  assert.equal(await page.locator(".changed-since").isVisible(), false, "nothing changed yet");
  await go(BASE);
  await page.waitForLoadState("networkidle");
  assert.equal(await page.locator(".home-changed").isVisible(), false);

  site.change(target, "A minor wording fix.", false);
  await go(target.url);
  assert.equal(await page.locator(".changed-since").isVisible(), false, "a minor change says nothing");

  site.change(target, "Replies within four working hours.", true);
  site.change(other, "Only a typo.", false);
  await go(target.url);
  const banner = page.locator(".changed-since");
  assert.equal(await banner.isVisible(), true);
  assert.equal((await banner.innerText()).replace(/\s*Dismiss$/, ""), "Changed since you last read it: Replies within four working hours.");
  await page.reload();
  assert.equal(await banner.isVisible(), true, "the note stays until dismissed");
  await go(BASE);
  const home = page.locator(".home-changed");
  await home.waitFor({ state: "visible", timeout: 5000 });
  assert.equal(await home.locator(".changed-count").innerText(), "1 page you had read has changed since.");
  assert.deepEqual(await home.locator(".changed-list a").allInnerTexts(), [target.title]);
  assert.equal(await home.locator(".changed-list a").getAttribute("href"), target.url);
  const found = [];
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    found.push(...await axeFindings(page, `${scheme} home`));
  }
  await go(sibling.url);
  const mark = page.locator(`#sidebar a[href="${target.url}"] .changed-mark`);
  await mark.waitFor({ timeout: 20000 });
  assert.equal(await mark.innerText(), "(changed since you read it)");
  await go(target.url);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    found.push(...await axeFindings(page, `${scheme} banner`));
  }
  assert.deepEqual(found, []);
  await banner.getByRole("button", { name: "Dismiss" }).click();
  assert.equal(await banner.isVisible(), false);
  await page.reload();
  assert.equal(await banner.isVisible(), false, "dismissed for good");
  await go(BASE);
  await page.waitForLoadState("networkidle");
  assert.equal(await home.isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
  site.close();
});

test("a completed track step opens again after its page changes materially, not after a minor change", { skip: !canRebuild }, async () => {
  const site = await rebuildableSite();
  const track = byKind("track")[0];
  const step = handbook.pages.find((p) => p.url === track.steps.find((s) => handbook.pages.some((q) => q.url === s.url)).url);
  const { context, page, problems } = await open({}, site.at);
  await page.goto(site.at + step.url);
  const button = page.locator(`button.mark-read[data-track="${track.key}"]`);
  await button.click();
  const progress = async () => {
    await page.goto(site.at + track.url);
    const onTrack = (await page.locator("section.track .track-progress").innerText()).trim();
    await page.goto(site.at + BASE);
    const onHome = (await page.locator(`[data-track-summary="${track.key}"] .track-progress`).innerText()).trim();
    return [onTrack, onHome];
  };
  const n = track.steps.length;
  assert.deepEqual(await progress(), [`1 of ${n} steps done`, `1 of ${n} steps done`]);
  site.change(step, "Only a typo.", false);
  assert.deepEqual(await progress(), [`1 of ${n} steps done`, `1 of ${n} steps done`]);
  site.change(step, "A new rule to read.", true);
  assert.deepEqual(await progress(), [`0 of ${n} steps done`, `0 of ${n} steps done`]);
  await page.goto(site.at + step.url);
  assert.equal(await button.getAttribute("aria-pressed"), "false");
  await button.click();
  assert.deepEqual(await progress(), [`1 of ${n} steps done`, `1 of ${n} steps done`]);
  assert.deepEqual(problems, []);
  await context.close();
  site.close();
});

test("acknowledging asks the name once, holds through a minor change, asks again after a material one; the receipt exports and posts", { skip: !canRebuild || !handbook.pages.some((p) => p.acknowledge) }, async () => {
  const site = await rebuildableSite({ endpoint: true });
  const [target, second] = handbook.pages.filter((p) => p.acknowledge);
  const { context, page, problems } = await open({}, site.at);
  await page.goto(site.at + target.url);
  const section = page.locator("section.acknowledge");
  const button = section.locator(".ack-button");
  const state = section.locator(".ack-state");
  assert.equal(await button.innerText(), "I have read and understood this version");
  assert.ok((await section.locator("#ack-where").innerText()).includes(`${site.at}${BASE}receipts`), "the button says where it goes");
  await button.click();
  const name = section.getByLabel(/Your name/);
  assert.equal(await page.evaluate(() => document.activeElement.name), "name");
  await name.fill("Ada Lovelace");
  await page.keyboard.press("Enter");
  assert.match(await state.innerText(), /^You acknowledged this version on \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} as Ada Lovelace\.$/);
  assert.equal(await button.isVisible(), false);
  for (let i = 0; i < 50 && !site.posted.length; i++) await page.waitForTimeout(100);
  assert.equal(site.posted.length, 1);
  assert.deepEqual(Object.keys(site.posted[0]), ["page", "title", "version", "date", "name"]);
  assert.deepEqual([site.posted[0].page, site.posted[0].title, site.posted[0].name], [site.at + target.url, target.title, "Ada Lovelace"]);

  const statusOf = (p) => page.locator(`table.acknowledgements tr[data-key="${p.key}"] .ack-status`).innerText();
  await page.goto(site.at + `${BASE}acknowledgements/`);
  assert.equal(await statusOf(target), "Done");
  if (second) assert.equal(await statusOf(second), "To do");
  assert.ok((await page.locator(".ack-who").innerText()).startsWith("Receipt for Ada Lovelace"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".ack-export").click()]);
  const receipt = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.equal(download.suggestedFilename(), "acknowledgements.json");
  assert.equal(receipt.schema, "credo-receipt/1");
  assert.equal(receipt.name, "Ada Lovelace");
  assert.equal(receipt.acknowledgements.length, 1);
  assert.deepEqual(receipt.acknowledgements[0], site.posted[0]);
  // Printed, the receipt is one page without the buttons.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".ack-tools").isVisible(), false);
  const pdf = await page.pdf({ format: "A4" });
  assert.equal((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length, 1, "the receipt prints on one page");
  await page.emulateMedia({ media: "screen" });

  site.change(target, "Reworded the second example.", false);
  await page.goto(site.at + target.url);
  assert.match(await state.innerText(), /^You acknowledged this version on/, "a minor change keeps the acknowledgement");
  assert.equal(await button.isVisible(), false);
  await page.goto(site.at + `${BASE}acknowledgements/`);
  assert.equal(await statusOf(target), "Done");

  site.change(target, "A new rule about gifts.", true);
  await page.goto(site.at + target.url);
  assert.match(await state.innerText(), /^This page changed since you acknowledged it on/);
  assert.equal(await button.isVisible(), true);
  await page.goto(site.at + `${BASE}acknowledgements/`);
  assert.equal(await statusOf(target), "To redo");
  await page.goto(site.at + target.url);
  await button.click();
  assert.equal(await section.locator("form.ack-name").isVisible(), false, "the name is asked only once");
  assert.match(await state.innerText(), /as Ada Lovelace\.$/);
  await page.goto(site.at + `${BASE}acknowledgements/`);
  assert.equal(await statusOf(target), "Done");
  assert.deepEqual(problems, []);
  await context.close();
  site.close();
});

test("without JavaScript the acknowledgement button, the name form and the notes stay hidden", async () => {
  const target = handbook.pages.find((p) => p.acknowledge);
  if (!target) return;
  const { context, page } = await open({ javaScriptEnabled: false });
  await page.goto(url(target.url));
  for (const sel of [".ack-button", "form.ack-name", ".changed-since"]) assert.equal(await page.locator(sel).isVisible(), false, sel);
  assert.equal(await page.locator("section.acknowledge").isVisible(), true);
  await page.goto(url(`${BASE}acknowledgements/`));
  assert.equal(await page.locator(".ack-tools").isVisible(), false);
  assert.equal(await page.locator("table.acknowledgements").isVisible(), true);
  await context.close();
});
