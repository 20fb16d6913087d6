// No script injection (issue 6): program text, printed output, task names and
// error messages are only ever rendered as text, and the page's
// Content-Security-Policy (written by www/csp.mjs) lets only the page's own
// scripts and its wasm run, without getting in the way of a normal session.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { withPage, waitForCodeMirror, DIST, encodeScenario } from "./helpers.mjs";

const READY = '[data-testid="editor"] .cm-content';
const OPTS = { waitFor: '[data-testid="editor"]' };

// Markup that runs script if it is ever parsed as HTML: its onerror handler
// (or the script) counts in window.__pwned.
const IMG = `<img src=x onerror="window.__pwned=(window.__pwned||0)+1">`;
const SCRIPT = `<script>window.__pwned=(window.__pwned||0)+1</script>`;

// The payloads in the program text (a comment and strings), in printed output,
// as task names (on the stage, in the timeline's labels and tooltips, in the
// explanations), and in error messages (the uncaught exception, a warning).
const PROGRAM = `# a comment: ${IMG}
import asyncio

IMG = '${IMG}'
SCRIPT = "${SCRIPT}"


async def worker(text):
    print(text)
    await asyncio.sleep(1)
    return text


async def fail():
    raise RuntimeError(SCRIPT)


async def main():
    a = asyncio.create_task(worker(IMG), name=IMG)
    b = asyncio.create_task(worker(SCRIPT), name=SCRIPT)
    c = asyncio.create_task(fail())
    await asyncio.gather(a, b)
    raise ValueError(IMG)


asyncio.run(main())
`;

// A compile error on the line that holds the payload.
const BROKEN = `import asyncio\n\nx = ${IMG}\n`;

/**
 * Before any of the page's scripts: record CSP violations and every element
 * added to the document that carries a payload (caught even if it is removed
 * again, as a tooltip is).
 */
function watchPage() {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`),
  );
  window.__injected = [];
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const e of [n, ...n.querySelectorAll("img, script")]) {
          const tag = e.tagName.toLowerCase();
          if ((tag === "img" || tag === "script") && e.outerHTML.includes("__pwned")) window.__injected.push(e.outerHTML);
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Nothing ran, nothing was parsed as markup, nothing was blocked. */
async function assertNoInjection(page, where) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned,
    injected: window.__injected,
    imgs: document.querySelectorAll('img[src="x"]').length,
    violations: window.__violations,
  }));
  assert.equal(found.pwned, undefined, `${where}: a payload ran`);
  assert.deepEqual(found.injected, [], `${where}: a payload was parsed as HTML`);
  assert.equal(found.imgs, 0, `${where}: an <img src=x> is in the document`);
  assert.deepEqual(found.violations, [], `${where}: CSP violations`);
}

/** withPage's options for a test that opens the page itself, with `open`. */
const watched = (opts = {}) => ({ ...OPTS, ...opts, goto: false });

/** Open `path` (as withPage would) with watchPage running before the page's scripts. */
async function open(page, server, path = "") {
  await page.addInitScript(watchPage);
  await page.goto(server.url + path, { waitUntil: "load" });
  await page.waitForSelector(OPTS.waitFor, { state: "attached", timeout: 10_000 });
  await waitForCodeMirror(page);
}

/** Back to the first step (the button is disabled when already there). */
async function toStart(page) {
  const button = page.locator('[data-testid="to-start"]');
  if (await button.isEnabled()) await button.click();
}

const texts = (page, selector) => page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent));

/** The tooltips of the timeline's rows, hovering each row at `fraction` of the run. */
async function timelineTips(page, fraction) {
  const svg = page.locator('[data-testid="timeline"] svg.timeline-overlay');
  await svg.scrollIntoViewIfNeeded();
  const box = await svg.boundingBox();
  const tips = [];
  // Rows are 18 px high (ROW_H in crates/web/src/timeline.rs): hover their middles.
  for (let y = 9; y < box.height; y += 18) {
    await page.mouse.move(box.x + box.width * fraction, box.y + y);
    tips.push(await svg.locator("title").textContent());
  }
  return tips;
}

/** The policy of a built index.html: directive -> list of sources. */
function policyOf(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i);
  assert.ok(m, "index.html has a Content-Security-Policy <meta> tag");
  const policy = new Map();
  for (const d of m[1].split(";").map((s) => s.trim()).filter(Boolean)) {
    const [name, ...sources] = d.split(/\s+/);
    policy.set(name, sources);
  }
  return { policy, at: m.index };
}

test("the built page has a Content-Security-Policy that allows only its own scripts", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const { policy, at } = policyOf(html);
  assert.ok(at < html.search(/<script\b/i), "the policy comes before the first script");
  const scripts = policy.get("script-src");
  assert.ok(scripts, "script-src is set");
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:", "http:", "https:"]) {
    assert.ok(!scripts.includes(bad), `script-src must not allow ${bad}`);
  }
  assert.ok(scripts.includes("'self'") && scripts.includes("'wasm-unsafe-eval'"));
  // (script-src-elem or script-src-attr would override script-src.)
  assert.ok(!policy.has("script-src-elem") && !policy.has("script-src-attr"));
  assert.deepEqual(policy.get("default-src"), ["'self'"]);
  for (const d of ["object-src", "base-uri", "form-action"]) assert.deepEqual(policy.get(d), ["'none'"], d);
  // Every inline script is allowed by its hash, and nothing else is.
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc=/.test(m[1]));
  assert.ok(inline.length >= 1, "trunk's inline module script that starts the wasm app");
  const hashes = inline.map((m) => `'sha256-${createHash("sha256").update(m[2]).digest("base64")}'`);
  assert.deepEqual(scripts.filter((s) => s.startsWith("'sha")).sort(), [...new Set(hashes)].sort());
});

test("program text, output, task names and error messages are shown as text", () =>
  withPage(
    async (page, server) => {
      await open(page, server, `#code/${encodeScenario(PROGRAM)}`);
      await page.waitForSelector(READY);
      // The program text in the editor.
      const doc = (await texts(page, `${READY} .cm-line`)).join("\n");
      assert.ok(doc.includes(`# a comment: ${IMG}`) && doc.includes(SCRIPT), "the program is shown as it is");

      // Every view, one event at a time...
      await toStart(page);
      const total = Number(await page.locator('[data-testid="scrubber"]').evaluate((e) => e.max));
      const explanations = [];
      for (let i = 0; i < total && (await page.locator('[data-testid="step-forward"]').isEnabled()); i++) {
        await page.click('[data-testid="step-forward"]');
        explanations.push(await page.locator('[data-testid="explanation"]').textContent());
      }
      assert.ok(explanations.some((e) => e.includes(IMG)), "a task named by the payload is explained");
      await assertNoInjection(page, "stepping");

      // ...and played as a film.
      await toStart(page);
      await page.click('[data-testid="play"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="step-forward"]').disabled, null, { timeout: 20_000 });

      // Printed output.
      const lines = await texts(page, '[data-testid="console-line"]');
      assert.deepEqual(lines.map((l) => l.trim()), [IMG, SCRIPT]);
      // Task names: the cards, the timeline's labels and its tooltips.
      const cards = page.locator('[data-testid="task-card"]');
      const names = await cards.evaluateAll((els) => els.map((e) => e.dataset.task));
      assert.ok(names.includes(IMG) && names.includes(SCRIPT), `cards: ${names}`);
      const labels = await texts(page, '[data-testid="task-card"] .card-label');
      assert.ok(labels.some((l) => l.includes(IMG)) && labels.some((l) => l.includes(SCRIPT)), `card labels: ${labels}`);
      const rows = await texts(page, ".timeline-label");
      assert.ok(rows.some((l) => l.includes(IMG)) && rows.some((l) => l.includes(SCRIPT)), `timeline labels: ${rows}`);
      const tips = await timelineTips(page, 0.5);
      assert.ok(tips.some((t) => t.startsWith(`worker · ${IMG}: `)), `timeline tooltips: ${tips}`);
      assert.ok(tips.some((t) => t.startsWith(`worker · ${SCRIPT}: `)), `timeline tooltips: ${tips}`);
      const raiseLine = PROGRAM.split("\n").indexOf("    raise ValueError(IMG)") + 1;
      // Error messages: the uncaught exception and the warning about the other one.
      assert.equal((await page.locator(".console-end").textContent()).trim(), `Uncaught exception at line ${raiseLine}: ValueError: ${IMG}`);
      const warnings = await texts(page, ".warnings .warning");
      assert.ok(warnings.some((w) => w.includes(`RuntimeError('${SCRIPT}')`)), `warnings: ${warnings}`);
      await assertNoInjection(page, "after playing");

      // A compile error on the line holding the payload, typed as a user would:
      // the banner, the list under the editor and the editor's underline and tooltip.
      await page.evaluate((text) => {
        const { view } = window.LoopscopeEditor.of(document.querySelector('[data-testid="editor"]'));
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      }, BROKEN);
      const banner = page.locator('[data-testid="message"]');
      await banner.waitFor({ state: "visible", timeout: 5000 });
      assert.match(await banner.textContent(), /^Line 3, column \d+: \S/);
      assert.ok((await texts(page, ".diagnostics li")).length >= 1);
      const underline = page.locator(`${READY} .cm-lintRange`).first();
      await underline.hover();
      const tooltip = page.locator(".cm-tooltip-lint");
      await tooltip.waitFor({ state: "visible", timeout: 5000 });
      assert.ok((await tooltip.textContent()).length > 0);
      const edited = (await texts(page, `${READY} .cm-line`)).join("\n");
      assert.ok(edited.includes(`x = ${IMG}`), "the broken line is shown as it is");
      await assertNoInjection(page, "after a compile error");
    },
    watched(),
  ));

test("a hostile link's message shows the link as text", () =>
  withPage(async (page, server) => {
    // The browser percent-encodes < > " and spaces in a fragment (as URL
    // does here); the message quotes the link as the page received it.
    const received = (path) => new URL(server.url + path).hash;
    const clip = (s) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);
    const name = received(`#example/${IMG}`).slice("#example/".length);
    const setting = received(`#example/burgers&${SCRIPT}=1`).split("&")[1].split("=")[0];
    const banner = page.locator('[data-testid="message"]');
    // Opened from the link...
    await open(page, server, `#example/${IMG}`);
    await banner.waitFor({ state: "visible", timeout: 5000 });
    assert.equal(await banner.locator("span").textContent(), `There is no sample called '${name.slice(0, 40)}'. Here is the default one.`);
    assert.equal(await page.locator('[data-testid="samples"]').inputValue(), "burgers", "the default sample");
    // ...and followed later.
    await page.evaluate((hash) => (location.hash = hash), `#example/burgers&${SCRIPT}=1`);
    await page.waitForFunction((s) => document.querySelector('[data-testid="message"]').textContent.includes(s), setting.slice(0, 20));
    assert.equal(await banner.locator("span").textContent(), `This link has an unknown setting '${clip(setting)}'. The default sample is shown instead.`);
    await assertNoInjection(page, "hostile links");
  }, watched()));

test("a normal session breaks no rule of the policy, and CodeMirror keeps its styles", async () => {
  for (const colorScheme of ["light", "dark"]) {
    await withPage(
      async (page, server) => {
        await open(page, server);
        await page.waitForSelector(READY);
        // CodeMirror's theme (the <style> elements it writes) applies.
        const gutter = await page.locator(`[data-testid="editor"] .cm-gutters`).evaluate((e) => getComputedStyle(e).backgroundColor);
        assert.equal(gutter, colorScheme === "light" ? "rgb(246, 248, 250)" : "rgb(13, 17, 23)");
        // Edit, play, hover the timeline, switch samples.
        await page.click(READY);
        await page.keyboard.press("Control+End");
        await page.keyboard.type("\nprint('edited')\n");
        await page.waitForFunction(() => location.hash.startsWith("#code/"), null, { timeout: 5000 });
        await page.click('[data-testid="play"]');
        await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]').textContent) > 0.3, null, { timeout: 8000 });
        await page.click('[data-testid="play"]');
        const tips = await timelineTips(page, 0.3);
        assert.ok(tips.some((t) => t.length > 0), "the timeline explains a segment");
        await page.locator('[data-testid="samples"]').selectOption("gil-convoy");
        await page.click('[data-testid="to-end"]');
        await page.locator('[data-testid="samples"]').selectOption("queue");
        await page.click('[data-testid="to-end"]');
        // The editor's search panel and a compile error's tooltip are CodeMirror's too.
        await page.click(READY);
        await page.keyboard.press("Control+f");
        await page.locator(".cm-search input").first().waitFor({ state: "visible", timeout: 5000 });
        await page.keyboard.press("Escape");
        await assertNoInjection(page, colorScheme);
        // (withPage also fails on the console error a violation logs.)
      },
      watched({ colorScheme }),
    );
  }
});

test("the policy is enforced: injected inline script and handlers do not run", () =>
  withPage(
    async (page, server) => {
      await open(page, server);
      await page.waitForSelector(READY);
      // What a rendering bug would do: parse the payloads as HTML.
      await page.evaluate(
        ([img, script]) => {
          const s = document.createElement("script");
          s.textContent = /<script>(.*)<\/script>/.exec(script)[1];
          document.head.append(s);
          const div = document.createElement("div");
          div.innerHTML = img;
          document.body.append(div);
        },
        [IMG, SCRIPT],
      );
      await page.waitForFunction(() => window.__violations.length >= 2, null, { timeout: 5000 });
      const found = await page.evaluate(() => ({
        pwned: window.__pwned,
        injected: window.__injected.length,
        imgs: document.querySelectorAll('img[src="x"]').length,
        violations: window.__violations,
      }));
      assert.equal(found.pwned, undefined, "an injected inline script or event handler ran");
      // The watchers of the other tests see the injection...
      assert.equal(found.injected, 2);
      assert.equal(found.imgs, 1);
      // ...and the policy blocked both.
      assert.ok(found.violations.some((v) => v.startsWith("script-src-elem inline")), found.violations.join("\n"));
      assert.ok(found.violations.some((v) => v.startsWith("script-src-attr inline")), found.violations.join("\n"));
      // The page's only errors: the policy's, and the missing image "x".
      const expected = /Content Security Policy|Failed to load resource/;
      assert.ok(page.errors.length > 0 && page.errors.every((e) => expected.test(e)), page.errors.join("\n"));
    },
    watched({ allowErrors: true }),
  ));

// www/wasm-boot.mjs: trunk's preload carried the wasm's integrity where
// Chromium ignores it (a console warning on every load) and the fetch that
// counts had none, so the wasm was never checked; and a wasm that failed to
// load left a blank page.
test("the wasm is downloaded once and checked against its integrity, with no console warning", () =>
  withPage(
    async (page, server) => {
      const html = readFileSync(join(DIST, "index.html"), "utf8");
      const wasmFile = readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"));
      const sri = `sha384-${createHash("sha384").update(readFileSync(join(DIST, wasmFile))).digest("base64")}`;
      const preload = html.match(/<link\b[^>]*\.wasm[^>]*>/)[0];
      assert.ok(!/integrity=/.test(preload), `the preload has no integrity (ignored there): ${preload}`);
      assert.ok(html.includes(`new Request('/${wasmFile}', { integrity: '${sri}' })`), "init fetches the wasm with its integrity");
      const warnings = [];
      const wasmRequests = [];
      page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
      page.on("request", (r) => r.url().endsWith(".wasm") && wasmRequests.push(r.url()));
      await page.goto(server.url, { waitUntil: "load" });
      await waitForCodeMirror(page);
      assert.deepEqual(warnings, []);
      assert.equal(wasmRequests.length, 1, "the preload serves init's fetch");
      assert.equal(await page.locator('[data-testid="boot"]').isVisible(), false, "the loading line hides once the app is there");
    },
    { goto: false },
  ));

for (const [how, respond, reason] of [
  // (The browser tells the page only "Failed to fetch"; the console says why.)
  ["fails its integrity check", (body) => ({ status: 200, contentType: "application/wasm", body: Buffer.concat([body, Buffer.from([0])]) }), /integrity/],
  ["is not found", () => ({ status: 404, contentType: "text/plain", body: "not found" }), /404/],
]) {
  test(`a wasm that ${how} leaves a message, not a blank page`, () =>
    withPage(
      async (page, server) => {
        const wasmFile = readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"));
        const body = readFileSync(join(DIST, wasmFile));
        await page.route(`**/${wasmFile}`, (route) => route.fulfill(respond(body)));
        await page.goto(server.url, { waitUntil: "load" });
        const boot = page.locator('[data-testid="boot"].failed');
        await boot.waitFor({ state: "visible", timeout: 10_000 });
        const text = await boot.textContent();
        assert.match(text, /^loopscope could not load its WebAssembly \(.+\)\. Reload the page to try again/);
        assert.ok(page.errors.some((e) => reason.test(e)), `the console says why: ${page.errors.join(" | ")}`);
        assert.equal(await page.locator('[data-testid="editor"]').count(), 0, "the app did not start");
      },
      { goto: false, allowErrors: true },
    ));
}
