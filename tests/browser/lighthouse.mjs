// Lighthouse scores of a built credo site: the home page and a scenario page,
// as a phone and as a desktop, in headless Chromium (the system package).
// Not part of `cargo test` (a run takes a minute or two); by hand:
//
//   npm install --no-save lighthouse@12      (here, in tests/browser)
//   cargo run -- build -o /tmp/site --base-url http://127.0.0.1/handbook/
//   CREDO_SITE=/tmp/site CREDO_BASE=/handbook/ node lighthouse.mjs
//
// It prints the four category scores of each run, and every audit that
// fails in a category under 100, and exits 1 when a score is under 100.
// LIGHTHOUSE=DIR loads lighthouse from DIR/node_modules instead.

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const SITE = process.env.CREDO_SITE;
const BASE = process.env.CREDO_BASE || "/";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!SITE) throw new Error("set CREDO_SITE to a built site");

const require = createRequire(path.join(process.env.LIGHTHOUSE || path.dirname(new URL(import.meta.url).pathname), "x.js"));
const lighthouse = (await import(pathToFileURL(require.resolve("lighthouse")))).default;
const chromeLauncher = await import(pathToFileURL(require.resolve("chrome-launcher")));
const desktop = (await import(pathToFileURL(require.resolve("lighthouse/core/config/desktop-config.js")))).default;

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
  ".png": "image/png", ".txt": "text/plain", ".md": "text/markdown; charset=utf-8",
};
// The built site under BASE, as a static host serves it.
const server = http.createServer((req, res) => {
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
const origin = `http://127.0.0.1:${server.address().port}`;

const handbook = JSON.parse(fs.readFileSync(path.join(SITE, "handbook.json"), "utf8"));
const scenario = handbook.pages.find((p) => p.kind === "scenario");
const pages = [["home", BASE], ...(scenario ? [["scenario", scenario.url]] : [])];

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
let low = 0;
try {
  for (const [name, at] of pages) {
    for (const form of ["mobile", "desktop"]) {
      const options = { port: chrome.port, output: "json", logLevel: "error" };
      const result = await lighthouse(origin + at, options, form === "desktop" ? desktop : undefined);
      const cats = result.lhr.categories;
      const scores = Object.values(cats).map((c) => `${c.title} ${Math.round(c.score * 100)}`);
      console.log(`${name} (${at}), ${form}: ${scores.join(", ")}`);
      for (const cat of Object.values(cats).filter((c) => c.score < 1)) {
        low++;
        for (const ref of cat.auditRefs.filter((r) => r.weight > 0)) {
          const audit = result.lhr.audits[ref.id];
          if (audit.score !== null && audit.score < 1) console.log(`  ${cat.title}: ${audit.id} (${audit.score}): ${audit.title}${audit.displayValue ? ` ${audit.displayValue}` : ""}`);
        }
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exit(low ? 1 : 0);
