// Live reload with many tabs open (issue 20): eight tabs of one page of a
// running `credo serve`, in headless Chromium; one edit; every tab must show
// it. A browser allows six HTTP/1.1 connections per host, so a reload channel
// that holds a connection per tab stalls the seventh. Usage:
//
//   CREDO_URL=http://127.0.0.1:PORT/handbook/a/page/ \
//   CREDO_FILE=/site/content/a/page.md node --test tabs.mjs
//
// The Rust side (tests/integration/serve/tabs.rs) starts the server.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { chromium } from "playwright-core";

const URL_ = process.env.CREDO_URL;
const FILE = process.env.CREDO_FILE;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!URL_ || !FILE) throw new Error("set CREDO_URL to a served page and CREDO_FILE to its source");
const TABS = 8;
const WAIT = 20000;

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => { await browser?.close(); });

// Resolves when `page`'s reload channel is open, whatever carries it (the
// socket's hello, or an event stream's response: the test must be able to
// fail on the transport it replaced); rejects after WAIT.
function listening(page, n) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tab ${n}: the reload channel never opened`)), WAIT);
    const open = () => { clearTimeout(timer); resolve(); };
    page.on("websocket", (socket) => {
      socket.on("framereceived", (frame) => {
        if (String(frame.payload).includes('"event":"hello"')) open();
      });
    });
    page.on("response", (r) => { if (r.url().includes("/__credo/events") && r.ok()) open(); });
  });
}

test(`${TABS} open tabs all reload after one edit`, async () => {
  // One context: the tabs share the browser's connection pool, as a
  // reader's tabs do.
  const context = await browser.newContext();
  const tabs = [];
  for (let n = 1; n <= TABS; n++) {
    const page = await context.newPage();
    const hello = listening(page, n);
    // A tab that cannot get a connection never loads: fail with its number.
    await page.goto(URL_, { timeout: WAIT }).catch((e) => { throw new Error(`tab ${n} did not load: ${e.message}`); });
    await hello;
    tabs.push(page);
  }
  const text = `Seen in all ${TABS} tabs at ${Date.now()}.`;
  fs.appendFileSync(FILE, `\n${text}\n`);
  // Only a reload brings the new line into a tab.
  const results = await Promise.allSettled(tabs.map((page) =>
    page.waitForFunction((t) => document.body && document.body.innerText.includes(t), text, { timeout: WAIT })));
  const stale = results.map((r, i) => (r.status === "fulfilled" ? null : i + 1)).filter((n) => n !== null);
  assert.deepEqual(stale, [], `tabs that did not reload: ${stale.join(", ")}`);
  await context.close();
});

test("a stylesheet deleted while serving takes its rules away from the open page", { skip: !process.env.CREDO_SITE_CSS }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const hello = listening(page, 1);
  await page.goto(URL_, { timeout: WAIT });
  await hello;
  const outline = () => page.evaluate(() => getComputedStyle(document.body).outlineColor);
  assert.equal(await outline(), "rgb(1, 2, 3)", "the site's stylesheet applies");
  let reloads = 0;
  page.on("load", () => reloads++);
  fs.unlinkSync(process.env.CREDO_SITE_CSS);
  await page.waitForFunction(() => getComputedStyle(document.body).outlineColor !== "rgb(1, 2, 3)", null, { timeout: WAIT })
    .catch(() => {});
  assert.notEqual(await outline(), "rgb(1, 2, 3)", "its rules are gone");
  assert.equal(reloads, 0, "swapped in place, not reloaded");
  await context.close();
});
