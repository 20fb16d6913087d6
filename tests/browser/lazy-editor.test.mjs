// The CodeMirror bundle is not part of the initial download: the page renders
// with a plain textarea, the app adds the bundle's <script> after the first
// render, and CodeMirror takes over from the textarea without losing a
// keystroke, the cursor, the focus or the scroll position. A bundle that
// cannot be loaded leaves the textarea, which edits the program just the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withPage, waitForCodeMirror, decodeScenario, DIST, CODEMIRROR } from "./helpers.mjs";

const TEXTAREA = '[data-testid="editor"] textarea';
const BUNDLE = /\/loopscope-editor-[0-9a-f]+\.js$/;
const OPTS = { goto: false };

/**
 * Before the page's scripts: note the first render (when the textarea first
 * appears: the time, the scripts then in the document, whether the editor is
 * loaded, and the time of the animation frame that draws it) and what the
 * textarea holds when CodeMirror's element appears.
 */
function watchFirstRender() {
  window.__first = null;
  window.__takenOver = null;
  new MutationObserver((_, observer) => {
    const host = document.querySelector('[data-testid="editor"]');
    const area = host?.querySelector("textarea");
    if (area && !window.__first) {
      // Where the textarea's text starts, from the editor box's corner.
      const box = host.getBoundingClientRect();
      const r = area.getBoundingClientRect();
      const style = getComputedStyle(area);
      window.__first = {
        at: performance.now(),
        scripts: [...document.scripts].map((s) => s.src),
        editorLoaded: typeof window.LoopscopeEditor !== "undefined",
        text: area.value,
        textStart: [r.left + parseFloat(style.paddingLeft) - box.left, r.top + parseFloat(style.paddingTop) - box.top],
        font: [style.fontFamily, style.fontSize, style.lineHeight],
        frame: null,
      };
      requestAnimationFrame(() => (window.__first.frame = performance.now()));
    }
    const cm = host?.querySelector(".cm-editor");
    if (cm && window.__takenOver == null) {
      window.__takenOver = area ? area.value : "(the textarea was gone)";
      // CodeMirror fills the box from its top, where the textarea was.
      window.__cmOffset = cm.getBoundingClientRect().top - host.getBoundingClientRect().top - host.clientTop;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Hold back the bundle's response until `release()` (or fail it with `status`). */
async function holdBundle(page, { status } = {}) {
  let release;
  const released = new Promise((r) => (release = r));
  const requests = [];
  await page.route(BUNDLE, async (route) => {
    requests.push(route.request().url());
    if (status) return route.fulfill({ status, contentType: "text/plain", body: "not found" });
    await released;
    await route.continue();
  });
  return { release, requests };
}

/** The CodeMirror view's text, selection and whether it has the focus. */
const codeMirrorState = (page) =>
  page.evaluate(() => {
    const { view } = window.LoopscopeEditor.of(document.querySelector('[data-testid="editor"]'));
    const { anchor, head } = view.state.selection.main;
    return { text: view.state.doc.toString(), anchor, head, focused: view.hasFocus };
  });

test("the page renders before the editor bundle is requested, then CodeMirror takes over", () =>
  withPage(async (page, server) => {
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.addInitScript(watchFirstRender);
    await page.goto(`${server.url}#example/burgers&step=20`, { waitUntil: "load" });
    await waitForCodeMirror(page);

    // index.html names the bundle (hashed, with its integrity) but loads nothing of it.
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const meta = html.match(/<meta name="loopscope-editor" content="([^"]+)" data-integrity="(sha384-[^"]+)">/);
    assert.ok(meta, "index.html has <meta name=loopscope-editor> with the bundle and its integrity");
    assert.match(meta[1], /^\/loopscope-editor-[0-9a-f]{16}\.js$/);
    const file = meta[1].slice(1);
    assert.equal(html.split(file).length, 2, "the bundle is named once in index.html, in the <meta> (no <script>, no preload)");

    // (1) At the first render, nothing of the bundle: no <script>, no LoopscopeEditor.
    const first = await page.evaluate(() => window.__first);
    assert.ok(first, "the textarea was rendered first");
    assert.deepEqual(first.scripts.filter((s) => BUNDLE.test(s)), [], "a script for the bundle at the first render");
    assert.equal(first.editorLoaded, false);
    // The bundle was requested after the frame that drew the page (the main
    // thread's part of it: the compositor may show it a little later), and
    // after the wasm.
    const bundleStart = await page.evaluate(
      (file) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(`/${file}`))?.startTime,
      file,
    );
    assert.ok(first.frame > first.at && bundleStart > 0, JSON.stringify({ first, bundleStart }));
    assert.ok(bundleStart > first.frame, `the bundle was requested (${bundleStart} ms) before the first frame (${first.frame} ms)`);
    const wasm = requests.findIndex((u) => u.endsWith(".wasm"));
    const bundle = requests.findIndex((u) => u.endsWith(`/${file}`));
    assert.ok(wasm >= 0 && bundle > wasm, `requests in order: ${requests.join(", ")}`);

    // (2) CodeMirror holds the same text, in place of the textarea, from the
    // script the <meta> names, checked by its integrity.
    const state = await codeMirrorState(page);
    assert.equal(state.text, first.text);
    assert.match(state.text, /async def cook\(burgers\):/);
    assert.equal(await page.locator(TEXTAREA).count(), 0, "the textarea is gone");
    const script = await page.evaluate(() => {
      const s = [...document.scripts].find((s) => s.src.includes("loopscope-editor-"));
      return s && { src: new URL(s.src).pathname, integrity: s.integrity };
    });
    assert.deepEqual(script, { src: meta[1], integrity: meta[2] });
    // In the same box, the text where the textarea had it, in the same font:
    // nothing moves when CodeMirror takes over.
    assert.equal(await page.evaluate(() => window.__cmOffset), 0);
    const cmText = await page.evaluate(() => {
      const host = document.querySelector('[data-testid="editor"]');
      const line = host.querySelector(".cm-line");
      const range = document.createRange();
      range.selectNodeContents(line);
      const box = host.getBoundingClientRect();
      const style = getComputedStyle(line);
      return {
        textStart: [range.getBoundingClientRect().left - box.left, line.getBoundingClientRect().top - box.top],
        font: [style.fontFamily, style.fontSize, style.lineHeight],
      };
    });
    assert.deepEqual(cmText.font, first.font);
    for (const k of [0, 1]) {
      assert.ok(Math.abs(cmText.textStart[k] - first.textStart[k]) <= 0.5, `the text moved: ${first.textStart} -> ${cmText.textStart}`);
    }
    // The running line is highlighted, as before the editor was lazy.
    assert.equal((await page.locator('[data-testid="editor"] .cm-ls-running').textContent()).trim(), "await asyncio.sleep(1)");
  }, OPTS));

test("keystrokes typed while the bundle loads all survive the swap, the cursor and focus too", () =>
  withPage(async (page, server) => {
    const bundle = await holdBundle(page);
    await page.addInitScript(watchFirstRender);
    await page.goto(`${server.url}#example/burgers`, { waitUntil: "load" });
    const area = page.locator(TEXTAREA);
    await area.waitFor();
    const original = await area.inputValue();

    // Type into the textarea as a person would: at the end of the first line.
    await area.click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("End");
    await page.keyboard.type(" # typed early");
    const at = "import asyncio # typed early".length;
    assert.equal(await area.evaluate((a) => a.selectionStart), at);
    // The edit reached the app: saved in the URL at once, then re-simulated.
    await page.waitForFunction(() => location.hash.startsWith("#code/"));
    assert.equal(await page.locator(CODEMIRROR).count(), 0, "CodeMirror came before the bundle was released");

    // Keep typing while the bundle arrives: letters before the release, letters
    // until CodeMirror is there, and three more after it.
    const letters = "abcdefghijklmnopqrstuvwxyz";
    let typed = "";
    const key = async () => {
      const c = letters[typed.length % letters.length];
      await page.keyboard.type(c);
      typed += c;
    };
    for (let i = 0; i < 5; i++) await key();
    bundle.release();
    const until = Date.now() + 10_000;
    while ((await page.locator(CODEMIRROR).count()) === 0) {
      assert.ok(Date.now() < until, "CodeMirror did not take over");
      await key();
      await page.waitForTimeout(15);
    }
    for (let i = 0; i < 3; i++) await key();

    const lines = original.split("\n");
    lines[0] += ` # typed early${typed}`;
    const state = await codeMirrorState(page);
    assert.equal(state.text, lines.join("\n"), "every keystroke is in the program, in order");
    assert.deepEqual([state.anchor, state.head], [at + typed.length, at + typed.length], "the cursor is where the typing left it");
    assert.equal(state.focused, true, "CodeMirror has the focus");
    const taken = await page.evaluate(() => window.__takenOver);
    assert.ok(taken.startsWith(`import asyncio # typed early${typed.slice(0, 5)}`), "the swap came after the first letters");
    assert.equal(bundle.requests.length, 1);

    // The app has the whole text: what CodeMirror holds is what the link keeps.
    const hash = await page.evaluate(() => location.hash);
    assert.equal(decodeScenario(hash.split("&")[0].replace(/^#code\//, "")), state.text);
  }, OPTS));

test("a selection made in the textarea is CodeMirror's after the swap, and typing replaces it", () =>
  withPage(async (page, server) => {
    const bundle = await holdBundle(page);
    await page.goto(`${server.url}#example/burgers`, { waitUntil: "load" });
    const area = page.locator(TEXTAREA);
    await area.waitFor();
    await area.click();
    await page.keyboard.press("Control+Home");
    // Select "asyncio" of "import asyncio" backwards, from its end.
    await page.keyboard.press("End");
    for (let i = 0; i < "asyncio".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    bundle.release();
    await waitForCodeMirror(page);
    const state = await codeMirrorState(page);
    assert.deepEqual([state.anchor, state.head, state.focused], [14, 7, true]);
    await page.keyboard.type("trio");
    assert.match((await codeMirrorState(page)).text, /^import trio\n/);
  }, OPTS));

test("the scroll position carries over: the same lines in the same places", () =>
  withPage(async (page, server) => {
    const bundle = await holdBundle(page);
    await page.goto(server.url, { waitUntil: "load" });
    const area = page.locator(TEXTAREA);
    await area.waitFor();
    const program = Array.from({ length: 300 }, (_, i) => `print(${i + 1})`).join("\n");
    const steps = await page.locator(".step-count").textContent();
    await area.fill(program);
    // Its run first: a new run highlights its line, which scrolls CodeMirror to it.
    await page.waitForFunction((before) => document.querySelector(".step-count").textContent !== before, steps, { timeout: 5000 });
    // Scrolled 2,500 px down: where the textarea puts line 120 (6 + 119 × 21 px from its top).
    const before = await area.evaluate((a) => {
      a.scrollTop = 2500;
      const style = getComputedStyle(a);
      const top = a.getBoundingClientRect().top + a.clientTop + parseFloat(style.paddingTop) + 119 * parseFloat(style.lineHeight) - a.scrollTop;
      return { scrollTop: a.scrollTop, line120: top };
    });
    assert.equal(before.scrollTop, 2500);
    bundle.release();
    await waitForCodeMirror(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="editor"] .cm-scroller').scrollTop > 0, null, { timeout: 5000 });
    const after = await page.evaluate(() => {
      const scroller = document.querySelector('[data-testid="editor"] .cm-scroller');
      const line = [...document.querySelectorAll('[data-testid="editor"] .cm-line')].find((l) => l.textContent === "print(120)");
      return { scrollTop: scroller.scrollTop, line120: line?.getBoundingClientRect().top };
    });
    assert.ok(Math.abs(after.scrollTop - before.scrollTop) <= 1, `scrollTop ${before.scrollTop} -> ${after.scrollTop}`);
    assert.ok(Math.abs(after.line120 - before.line120) <= 1, `line 120 moved from ${before.line120} to ${after.line120}`);
  }, OPTS));

for (const [how, respond] of [
  ["a 404", { status: 404 }],
  ["a bundle that fails its integrity check", { body: "window.LoopscopeEditor = {};" }],
]) {
  test(`${how} leaves a working textarea: edits re-simulate and the run shows`, () =>
    withPage(
      async (page, server) => {
        await page.route(BUNDLE, (route) =>
          respond.status
            ? route.fulfill({ status: respond.status, contentType: "text/plain", body: "not found" })
            : route.fulfill({ status: 200, contentType: "text/javascript", body: respond.body }),
        );
        await page.goto(server.url, { waitUntil: "load" });
        const note = page.locator('[data-testid="editor-note"]');
        await note.waitFor({ state: "visible" });
        assert.match(await note.textContent(), /could not be loaded/);
        assert.equal(await page.evaluate(() => typeof window.LoopscopeEditor), "undefined");
        const area = page.locator(TEXTAREA);
        assert.ok(await area.isVisible());

        // Type a new program as a person would.
        await area.click();
        await page.keyboard.press("Control+a");
        await page.keyboard.type('import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("typed in the plain editor")\n\nasyncio.run(main())\n');
        await page.waitForFunction(() => location.hash.startsWith("#code/"));
        // The new run (8 events), at its end.
        await page.waitForFunction(() => document.querySelector(".step-count")?.textContent.trim().endsWith("/ 8"), null, { timeout: 5000 });
        await page.click('[data-testid="to-end"]');
        const lines = page.locator('[data-testid="console-line"]');
        await lines.first().waitFor({ timeout: 5000 });
        assert.deepEqual(await lines.allTextContents(), ["typed in the plain editor"]);
        assert.equal(await page.locator(CODEMIRROR).count(), 0);
        // Compile errors are shown above and under the editor.
        await area.click();
        await page.keyboard.press("Control+End");
        await page.keyboard.type("x = (");
        await page.locator('[data-testid="message"]').waitFor({ state: "visible", timeout: 5000 });
        assert.match(await page.locator(".diagnostics").textContent(), /^\d+:\d+ /);

        // The only error the page reports is the failed request itself.
        for (const e of page.errors) {
          assert.match(e, /Failed to load resource|integrity/, `an unexpected error: ${e}`);
        }
      },
      { ...OPTS, allowErrors: true },
    ));
}
