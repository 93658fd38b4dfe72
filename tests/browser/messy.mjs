// Browser tests of a messy handbook (tests/fixtures/messy): plain GitHub
// Markdown (README.md per folder, `# Title` lines, no front matter), a ten
// column table and a raw HTML one on one page, a 200-character code line, a
// long URL and German compounds in prose and in a checklist's detail, images
// wider than any screen, folders four deep, a page of forty headings, a
// track, tags and a German translation. It reads as a reader meets it, at a
// 360 px phone and a 1280 px laptop, with and without JavaScript. Usage:
//
//   CREDO_SITE=<built dir> CREDO_BASE=/hb/ node --test messy.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const SITE = process.env.CREDO_SITE;
const BASE = process.env.CREDO_BASE || "/";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!SITE) throw new Error("set CREDO_SITE to the built messy fixture");

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png" };
const PHONE = { width: 360, height: 740 }, LAPTOP = { width: 1280, height: 800 };
const WIDE = `${BASE}reference/matrix-of-promises/`, HEADINGS = `${BASE}reference/headings/`, CHECKLIST = `${BASE}checklists/first-meeting/`;
// Every page kind a reader meets, in both languages.
const PAGES = [BASE, `${BASE}principles/`, `${BASE}principles/answer-the-same-day/`, `${BASE}offices/north/coast/harbour-office/`,
  WIDE, HEADINGS, CHECKLIST, `${BASE}tracks/new-adviser/`, `${BASE}search/?q=promise`, `${BASE}print/`, `${BASE}tags/`,
  `${BASE}tags/promises/`, `${BASE}matrix/`, `${BASE}changes/`, `${BASE}de/`, `${BASE}de/principles/answer-the-same-day/`,
  `${BASE}de/checklists/first-meeting/`, `${BASE}de/reference/matrix-of-promises/`];

let server, origin, browser;
before(async () => {
  server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
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
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});
after(async () => { await browser?.close(); server?.close(); });

async function open(options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return { context, page, problems };
}

test("no page scrolls sideways and no image is wider than the text, on a phone and a laptop, with and without JavaScript", async () => {
  const found = [];
  for (const javaScriptEnabled of [true, false]) {
    for (const viewport of [PHONE, LAPTOP]) {
      const { context, page, problems } = await open({ viewport, javaScriptEnabled });
      for (const p of PAGES) {
        await page.goto(origin + p);
        const seen = await page.evaluate(() => {
          const out = [];
          const over = document.documentElement.scrollWidth - window.innerWidth;
          if (over > 0) out.push(`scrolls sideways by ${over}px`);
          for (const img of document.querySelectorAll("main img")) {
            const box = img.closest(".body, main").getBoundingClientRect(), r = img.getBoundingClientRect();
            if (r.width > box.width + 1) out.push(`${img.getAttribute("src")} is ${Math.round(r.width)}px in ${Math.round(box.width)}px`);
          }
          return out;
        });
        for (const s of seen) found.push(`${viewport.width}px${javaScriptEnabled ? "" : " no JS"} ${p}: ${s}`);
      }
      found.push(...problems);
      await context.close();
    }
  }
  assert.deepEqual(found, []);
});

test("a checklist item's long word wraps inside the item on a phone", async () => {
  const { context, page } = await open({ viewport: PHONE });
  await page.goto(origin + CHECKLIST);
  const past = await page.evaluate(() => {
    const list = document.querySelector(".checklist").getBoundingClientRect();
    return [...document.querySelectorAll(".checklist-items li > *")]
      .filter((el) => el.getBoundingClientRect().right > list.right + 1)
      .map((el) => `${el.className || el.tagName}: ${el.textContent.trim().slice(0, 40)}`);
  });
  assert.deepEqual(past, [], "items reaching past the checklist's box");
  await context.close();
});

test("a wide table scrolls in its own box, with columns wide enough to read on a phone", async () => {
  const { context, page } = await open({ viewport: PHONE });
  await page.goto(origin + WIDE);
  const wraps = page.locator(".body .table-wrap");
  assert.equal(await wraps.count(), 2);
  const first = await wraps.first().evaluate((wrap) => {
    const cell = wrap.querySelector("tbody td");
    // The text's own height: the cell is as tall as its row.
    const text = document.createRange();
    text.selectNodeContents(cell);
    const lines = Math.round(text.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight));
    return { scrolls: wrap.scrollWidth > wrap.clientWidth, role: wrap.getAttribute("role"), tabIndex: wrap.tabIndex, lines, text: cell.textContent };
  });
  assert.ok(first.scrolls, "the ten-column table scrolls sideways");
  assert.equal(first.role, "region");
  assert.equal(first.tabIndex, 0);
  // 49 characters ("Promise value 0 with some extra words to widen it")
  // squeezed to the narrowest column took seven lines, two words each.
  assert.ok(first.lines <= 3, `"${first.text}" takes ${first.lines} lines`);
  // The keyboard scrolls it.
  await wraps.first().focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".body .table-wrap").scrollLeft > 0, null, { timeout: 3000 });
  // The code line of 200 characters scrolls in its own box too.
  const pre = await page.locator(".body pre.code").first().evaluate((el) => ({ scrolls: el.scrollWidth > el.clientWidth, right: el.getBoundingClientRect().right }));
  assert.ok(pre.scrolls && pre.right <= PHONE.width, JSON.stringify(pre));
  await context.close();
});

test("two scrolling tables on one page are regions a screen reader tells apart; axe finds nothing, at either width", async () => {
  const axe = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const found = [];
  for (const viewport of [PHONE, LAPTOP]) {
    const { context, page } = await open({ viewport });
    await page.goto(origin + WIDE);
    const names = await page.locator(".table-wrap[role=region]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    // On a laptop the six-column HTML table fits and is no region.
    assert.equal(names.length, viewport === PHONE ? 2 : 1, `${viewport.width}px: ${names}`);
    assert.equal(new Set(names).size, names.length, `${viewport.width}px: ${names}`);
    assert.ok(names[0].startsWith("Table, scrolls sideways: Promise, Owner, Office"), names[0]);
    for (const p of PAGES) {
      await page.goto(origin + p);
      await page.addScriptTag({ content: axe });
      // Every rule axe has, best practices too (landmark-unique is one).
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
      for (const v of result.violations) found.push(`${viewport.width}px ${p}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});

test("On this page keeps the heading being read in its view, on a page of forty headings", async () => {
  const { context, page } = await open({ viewport: LAPTOP });
  await page.goto(origin + HEADINGS);
  const toc = page.locator("main > .toc");
  assert.ok(await toc.evaluate((el) => el.scrollHeight > el.clientHeight), "the list is longer than the screen");
  for (const n of [38, 20, 3]) {
    await page.locator(`#heading-number-${n}-about-client-care`).evaluate((h) => {
      // Just past credo.js's reading line (a quarter down, under the header).
      const line = (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) + window.innerHeight * 0.25;
      window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - line + 10);
    });
    await page.waitForFunction((n) => /number (\d+) /.exec(document.querySelector("main > .toc a[aria-current]")?.textContent || "")?.[1] === String(n), n, { timeout: 3000 });
    const shown = await toc.evaluate((el) => {
      const box = el.getBoundingClientRect(), mark = el.querySelector("a[aria-current]").getBoundingClientRect();
      return mark.top >= box.top - 1 && mark.bottom <= box.bottom + 1;
    });
    assert.ok(shown, `heading ${n} is marked out of the list's view`);
  }
  await context.close();
});

test("on a phone the menu opens, the keyboard walks the deep sidebar, Escape closes it; without JavaScript it is a link", async () => {
  const deep = `${BASE}offices/north/coast/harbour-office/`;
  {
    const { context, page } = await open({ viewport: PHONE });
    await page.goto(origin + deep);
    await page.locator(".menu-button").click();
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-current") === "page");
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const a = document.activeElement, s = getComputedStyle(a);
      return { inside: !!a.closest("#sidebar"), outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
    });
    assert.deepEqual(ring, { inside: true, outline: true });
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.activeElement?.classList.contains("menu-button"));
    assert.equal(await page.locator("#sidebar").isVisible(), false);
    await context.close();
  }
  {
    const { context, page } = await open({ viewport: PHONE, javaScriptEnabled: false });
    await page.goto(origin + deep);
    await page.locator(".menu-link").click();
    assert.equal(await page.locator('#sidebar a[aria-current="page"]').isVisible(), true);
    await page.goto(origin + CHECKLIST);
    // Without JavaScript the checklist is a list of text, no dead boxes.
    assert.equal(await page.locator(".checklist-items input").first().isVisible(), false);
    assert.equal(await page.getByText("Vermögensverwaltungsgesellschaftsbeteiligungen", { exact: false }).isVisible(), true);
    await context.close();
  }
});
