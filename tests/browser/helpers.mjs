// Helpers of the browser tests (node --test tests/browser/): serve dist/ on
// 127.0.0.1, drive Debian's Chromium through playwright-core, collect errors.
//
//   import { withPage, decodeScenario } from "./helpers.mjs";
//   test("…", () => withPage(async (page, server) => {
//     await page.click('[data-testid="run"]');
//     …
//   }));
//
// withPage fails the test when the page logged a console error or threw,
// unless called with { allowErrors: true } (then read page.errors yourself).
// Run `cargo xtask test` (or `trunk build --release`) first: this serves dist/.

import { createServer } from "node:http";
import { mkdtempSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import lzString from "lz-string";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = process.env.LOOPSCOPE_DIST || join(ROOT, "dist");

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
];

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".py": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/**
 * Serve `dir` (default dist/) on 127.0.0.1 on a free port.
 * Returns { url, port, close() }; `url` ends with "/".
 */
export async function startServer(dir = DIST) {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`${dir}/index.html is missing: build the page first (cargo xtask test, or trunk build --release)`);
  }
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(dir, path));
      if (file !== dir && !file.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": MIME[extname(file).toLowerCase()] || "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * Import the probe (crates/probe: the core alone in wasm, built into
 * dist/probe/ by `cargo xtask test`; the page never loads it) into `page`,
 * whose server serves `dir`, as `window.probe`, with `trace_digest(source,
 * cores, gil)`.
 */
export async function loadProbe(page, dir = DIST) {
  if (!existsSync(join(dir, "probe", "loopscope_probe.js"))) {
    throw new Error(`${dir}/probe/loopscope_probe.js is missing: build it with the page (cargo xtask test)`);
  }
  await page.evaluate(async () => {
    const probe = await import("/probe/loopscope_probe.js");
    await probe.default();
    window.probe = probe;
  });
}

/** Launch Debian's Chromium with a fresh profile under target/. Returns { browser, close() }. */
export async function launchBrowser() {
  const profiles = join(ROOT, "target", "browser-profiles");
  mkdirSync(profiles, { recursive: true });
  const userDataDir = mkdtempSync(join(profiles, "p-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Record console errors and uncaught page errors of `page` into `page.errors`
 * (strings, "console: …" or "pageerror: …").
 */
export function collectErrors(page) {
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.errors = errors;
  return errors;
}

/**
 * Serve dist/, open a Chromium page on it and run `fn(page, server)`.
 * Options:
 *   path          what to open, relative to the server root (default "", i.e. index.html); may hold "#…"
 *   viewport      { width, height } (default 1366×800)
 *   colorScheme   "light" | "dark" (default "light")
 *   waitFor       a selector to wait for (in the DOM, visible or not) after loading (default: the app's root,
 *                 '[data-testid="message"], [data-testid="editor"]'); null to skip
 *   codeMirror    false: do not wait for CodeMirror after loading (by default withPage waits until it
 *                 has taken over from the textarea the page shows first; see waitForCodeMirror)
 *   allowErrors   do not fail on console or page errors
 *   goto          false: do not open the page (fn calls page.goto(server.url + …) itself)
 * The page has `page.errors` (see collectErrors). Returns fn's result.
 */
export async function withPage(fn, opts = {}) {
  const {
    path = "",
    viewport = { width: 1366, height: 800 },
    colorScheme = "light",
    waitFor = '[data-testid="message"], [data-testid="editor"]',
    codeMirror = true,
    allowErrors = false,
    goto = true,
  } = opts;
  const server = await startServer(opts.dir);
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    collectErrors(page);
    if (goto) {
      await page.goto(server.url + path, { waitUntil: "load" });
      if (waitFor) await page.waitForSelector(waitFor, { state: "attached", timeout: 10_000 });
      if (codeMirror) await waitForCodeMirror(page);
    }
    const result = await fn(page, server);
    if (!allowErrors && page.errors.length) {
      throw new Error(`the page reported errors:\n  ${page.errors.join("\n  ")}`);
    }
    return result;
  } finally {
    if (browser) await browser.close();
    await server.close();
  }
}

/** The app's editor once CodeMirror is in it. */
export const CODEMIRROR = '[data-testid="editor"] .cm-content';

/**
 * Wait until CodeMirror has taken over from the textarea the page shows first:
 * the app loads its bundle (window.LoopscopeEditor) after the first render.
 */
export async function waitForCodeMirror(page, timeout = 10_000) {
  await page.waitForSelector(CODEMIRROR, { timeout });
}

/**
 * Decode a scenario shared in a URL: `hash` is a location hash or a whole URL
 * ("#…", "…#…", or the bare payload; a leading "key=" such as "s=" or "code="
 * is dropped). Returns the parsed JSON when it is JSON, else the string; null
 * when it does not decode.
 */
export function decodeScenario(hash) {
  let s = String(hash ?? "");
  const at = s.indexOf("#");
  if (at >= 0) s = s.slice(at + 1);
  const eq = s.match(/^[A-Za-z_][A-Za-z0-9_]*=/);
  if (eq) s = s.slice(eq[0].length);
  const text = lzString.decompressFromEncodedURIComponent(s);
  if (text == null || (text === "" && s !== "")) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The inverse of decodeScenario: a value (JSON-encoded unless a string) → URL-safe payload. */
export function encodeScenario(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return lzString.compressToEncodedURIComponent(text);
}

/** 4,000 tasks × 100 sleeps: about 1.2 million events, far more than one
 * slice and several seconds to simulate (the long-run and recovery tests). */
/**
 * Make the page's CPU `rate` times slower (Chromium's own throttling, as in
 * DevTools), for a test that must act while a run is still going: a faster
 * machine or a faster core must not let the run end before the test's click.
 */
export async function slowCpu(page, rate = 20) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

export const LONG = `import asyncio

async def worker(i):
    for k in range(100):
        await asyncio.sleep(0.001 * ((i + k) % 7 + 1))

async def main():
    await asyncio.gather(*(worker(i) for i in range(4000)))
    print("all done")

asyncio.run(main())
`;
