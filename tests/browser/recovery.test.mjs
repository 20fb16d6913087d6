// Nothing lost: every edit is saved at once (localStorage and the URL), so a
// reload, a closed tab or a reload in the middle of a long simulation brings
// the program back; a Rust panic shows an error panel (what happened, a link
// to the program, Copy and Reload) and the editor keeps working and saving;
// a browser that refuses to store anything gets a message, once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, encodeScenario, decodeScenario, slowCpu, LONG } from "./helpers.mjs";

const READY = '[data-testid="editor"] .cm-content';
const OPTS = { waitFor: '[data-testid="editor"]' };
const KEY = "loopscope.scenario";

/** Type `text` at the end of the program, as a person would. */
async function typeAtEnd(page, text) {
  await page.click(READY);
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

/** The program in the editor. */
const editorText = (page) => page.evaluate(() => LoopscopeEditor.of(document.querySelector('[data-testid="editor"]')).getDoc());

/** The program in a `#code/…&…` link, fragment or saved scenario (null if none decodes). */
function programOf(link) {
  if (link == null) return null;
  const fragment = link.slice(link.indexOf("#") + 1);
  return decodeScenario(fragment.split("&")[0].replace(/^code\//, ""));
}

/** The program saved in localStorage, or null. */
const savedProgram = async (page) => programOf(await page.evaluate((k) => localStorage.getItem(k), KEY));


test("an edit is saved at once: a reload right after typing brings it back", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    await typeAtEnd(page, "\nprint('saved before the reload')");
    // No waiting: the save happens in the keystroke's own handler.
    assert.match(String(await savedProgram(page)), /saved before the reload'\)$/);
    await page.reload({ waitUntil: "load" });
    await page.waitForSelector(READY);
    assert.match(await editorText(page), /print\('saved before the reload'\)$/);
    assert.match(await page.evaluate(() => location.hash), /^#code\//);
  }, OPTS));

test("closing the tab right after typing loses nothing", () =>
  withPage(async (page, server) => {
    await page.waitForSelector(READY);
    await typeAtEnd(page, "\nprint('typed, then the tab was closed')");
    const context = page.context();
    await page.close();
    // A new tab on the bare address opens the last program of this browser.
    const again = await context.newPage();
    await again.goto(server.url, { waitUntil: "load" });
    await again.waitForSelector(READY);
    assert.match(await editorText(again), /print\('typed, then the tab was closed'\)$/);
    assert.equal(await again.locator('[data-testid="samples"]').inputValue(), "");
    await again.close();
  }, OPTS));

test("a reload in the middle of a long simulation keeps the edit that started it", () =>
  withPage(
    async (page, server) => {
      await page.goto(`${server.url}#code/${encodeScenario(LONG)}`, { waitUntil: "load" });
      await page.waitForSelector(READY);
      // Slowed down, the edited run is still going when the bar is looked for.
      await slowCpu(page);
      await typeAtEnd(page, "\n# edited while it simulates");
      const bar = page.locator('[data-testid="simulating"]');
      await bar.waitFor({ state: "visible", timeout: 20_000 });
      await page.reload({ waitUntil: "load" });
      await page.waitForSelector(READY);
      assert.match(await editorText(page), /# edited while it simulates$/);
      // Not lost either for a visit without a link.
      assert.match(String(await savedProgram(page)), /# edited while it simulates$/);
      await page.goto("about:blank");
    },
    { ...OPTS, goto: false },
  ));

test("a panic shows the error panel; the link copies, the editor keeps working and saving", () =>
  withPage(
    async (page, server) => {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
      await page.waitForSelector(READY);
      await typeAtEnd(page, "\nprint('before the panic')");
      // The debug hook is a function, not a link: no shared URL can reach it.
      const thrown = await page.evaluate(() => {
        try {
          window.loopscopeDebug.panic();
          return null;
        } catch (e) {
          return String(e);
        }
      });
      assert.match(String(thrown), /unreachable|RuntimeError/, "the panic aborts (release builds trap)");

      const panel = page.locator('[data-testid="crash-panel"]');
      await panel.waitFor({ state: "visible", timeout: 5000 });
      assert.equal(await panel.getAttribute("role"), "alert");
      assert.match(await panel.locator("h2").textContent(), /bug/);
      const what = await panel.locator('[data-testid="crash-message"]').textContent();
      assert.match(what, /deliberate panic/, "the panic's message");
      assert.match(what, /\(at crates\/web\/src\/app\.rs:\d+:\d+\)/, "where it happened");
      assert.ok(page.errors.some((e) => /loopscope panicked/.test(e)), "logged to the console too");

      // The link in the panel opens the program now in the editor.
      const link = await panel.locator('[data-testid="crash-link"]').inputValue();
      assert.ok(link.startsWith(server.url + "#code/"), link.slice(0, 80));
      assert.equal(programOf(link), await editorText(page));
      await panel.locator('[data-testid="crash-copy"]').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="crash-copy"]').textContent === "Link copied");
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

      // The editor still works, and saves without touching the broken state.
      const errorsBefore = page.errors.length;
      await typeAtEnd(page, "\nprint('after the panic')");
      assert.match(await editorText(page), /print\('after the panic'\)$/);
      assert.match(String(await savedProgram(page)), /print\('after the panic'\)$/);
      const link2 = await panel.locator('[data-testid="crash-link"]').inputValue();
      assert.match(String(programOf(link2)), /print\('after the panic'\)$/, "the panel's link follows");
      assert.match(String(programOf(await page.evaluate(() => location.hash))), /after the panic'\)$/, "and the URL");
      assert.deepEqual(page.errors.slice(errorsBefore), [], "typing after the panic reports no error");

      // Reload: the page is back, with the program typed after the panic.
      await panel.locator('[data-testid="crash-reload"]').click();
      await page.waitForSelector(READY);
      assert.match(await editorText(page), /print\('before the panic'\)\nprint\('after the panic'\)$/);
      assert.equal(await page.locator('[data-testid="crash-panel"]').count(), 0);
      assert.ok((await page.locator('[data-testid="task-card"]').count()) > 0, "the stage works again");
    },
    { ...OPTS, allowErrors: true },
  ));

test("the error panel keeps the settings in its link, and a panic without an edit links the sample's text", () =>
  withPage(
    async (page) => {
      await page.waitForSelector(READY);
      await page.locator('[data-testid="cores"]').selectOption("8");
      await page.locator('[data-testid="gil"]').uncheck();
      await page.evaluate(() => window.loopscopeDebug.panic()).catch(() => {});
      const link = await page.locator('[data-testid="crash-link"]').inputValue();
      assert.match(link, /#code\/[^&]+&cores=8&gil=off$/);
      assert.equal(programOf(link), await editorText(page));
      // A second failure keeps the first one's panel and message.
      await page.evaluate(() => window.loopscopeDebug.panic()).catch(() => {});
      assert.equal(await page.locator('[data-testid="crash-panel"]').count(), 1);
    },
    { ...OPTS, allowErrors: true },
  ));

test("a browser that refuses to store the program is told once, and the page keeps working", async () => {
  for (const refusal of ["quota", "disabled"]) {
    await withPage(
      async (page, server) => {
        await page.addInitScript((refusal) => {
          if (refusal === "quota") {
            Storage.prototype.setItem = function () {
              throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
            };
          } else {
            Object.defineProperty(window, "localStorage", {
              get() {
                throw new DOMException("Access is denied for this document.", "SecurityError");
              },
            });
          }
        }, refusal);
        await page.goto(server.url, { waitUntil: "load" });
        await page.waitForSelector(READY);
        const banner = page.locator('[data-testid="message"]');
        assert.ok(await banner.isHidden(), `${refusal}: nothing to say before an edit`);
        await typeAtEnd(page, "\nprint('kept in the link')");
        await banner.waitFor({ state: "visible", timeout: 5000 });
        assert.match(await banner.textContent(), /does not let loopscope save your program/);
        // The link still holds the program.
        assert.match(String(programOf(await page.evaluate(() => location.hash))), /kept in the link'\)$/);
        // Dismissed, it does not come back with the next edits.
        await page.click(".banner-close");
        await typeAtEnd(page, "\nprint('more')");
        await page.waitForTimeout(400);
        assert.ok(await banner.isHidden(), `${refusal}: said once`);
        await page.click('[data-testid="to-end"]');
        assert.match(await page.locator('[data-testid="console"]').textContent(), /more/, `${refusal}: the edit ran`);
      },
      { ...OPTS, goto: false },
    );
  }
});

test("a saved program that cannot be read gives the default sample and a message", () =>
  withPage(async (page, server) => {
    await page.waitForSelector(READY);
    await page.evaluate((k) => localStorage.setItem(k, "code/%%%% not lz-string"), KEY);
    await page.goto("about:blank");
    await page.goto(server.url, { waitUntil: "load" });
    const banner = page.locator('[data-testid="message"]');
    await banner.waitFor({ state: "visible", timeout: 5000 });
    assert.match(await banner.textContent(), /saved in this browser could not be read/);
    assert.equal(await page.locator('[data-testid="samples"]').inputValue(), "burgers");
  }, OPTS));
