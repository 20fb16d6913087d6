// window.LoopscopeEditor (www/editor.js), exercised on the built page in a
// container of its own, independently of the app.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/** Create an editor in a fresh #t-editor (data-testid="t-editor"); window.t = { ed, changes }. */
async function mount(page, doc) {
  await page.evaluate((doc) => {
    const host = document.createElement("div");
    host.id = "t-editor";
    host.dataset.testid = "t-editor";
    host.style.cssText = "height:300px;width:600px;";
    document.body.prepend(host);
    const changes = [];
    const ed = window.LoopscopeEditor.create(host, doc, (d) => changes.push(d));
    window.t = { ed, changes };
  }, doc);
}

test("typing edits the document and calls onChange; setDoc does not", () =>
  withPage(async (page) => {
    await mount(page, "x = 1\n");
    const content = page.locator("#t-editor .cm-content");
    assert.equal(await content.getAttribute("aria-label"), "Python program");
    await page.click("#t-editor");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("y = (2");
    assert.equal(await page.evaluate(() => t.ed.getDoc()), "x = 1\ny = (2)", "closing bracket inserted");
    const changes = await page.evaluate(() => t.changes);
    assert.equal(changes.length, "y = (2".length);
    assert.equal(changes.at(-1), "x = 1\ny = (2)");

    await page.evaluate(() => t.ed.setDoc("async def main():\n    pass\n"));
    assert.equal(await page.evaluate(() => t.ed.getDoc()), "async def main():\n    pass\n");
    assert.equal((await page.evaluate(() => t.changes)).length, changes.length, "setDoc must not call onChange");

    // setDoc is undoable
    await page.evaluate(() => t.ed.focus());
    await page.keyboard.press("Control+z");
    assert.equal(await page.evaluate(() => t.ed.getDoc()), "x = 1\ny = (2)");

    // Python syntax highlighting: the keyword gets a token class
    await page.evaluate(() => t.ed.setDoc("import asyncio\n"));
    const tokens = await page.locator("#t-editor .cm-line span").count();
    assert.ok(tokens > 0, "no highlighted tokens");
  }));

// Chrome's own editing, typing over a selection, wrote style attributes that
// the page's CSP blocks, each a console error (withPage fails on those).
test("typing over a selection replaces it, undoably, with no console error", () =>
  withPage(async (page) => {
    await mount(page, "first = 1\nsecond = 2\nthird = 3\n");
    const doc = () => page.evaluate(() => t.ed.getDoc());
    await page.click("#t-editor .cm-content");
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Shift+End");
    await page.keyboard.type("x");
    assert.equal(await doc(), "x\nsecond = 2\nthird = 3\n");
    // Across lines: from the end of the first line to the end of the second.
    await page.keyboard.press("End");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+End");
    await page.keyboard.type("y");
    assert.equal(await doc(), "xy\nthird = 3\n");
    // An inserted text (as an input method or a test's insertText makes it).
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText("print(1)\n");
    assert.equal(await doc(), "print(1)\n");
    // A bracket typed over a selection wraps it (closeBrackets' input handler).
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Shift+End");
    await page.keyboard.type("[");
    assert.equal(await doc(), "[print(1)]\n");
    await page.keyboard.press("Control+z");
    assert.equal(await doc(), "print(1)\n");
    assert.equal((await page.evaluate(() => t.changes)).at(-1), "print(1)\n");
  }));

test("Enter auto-indents, Tab and Shift-Tab indent", () =>
  withPage(async (page) => {
    await mount(page, "");
    await page.click("#t-editor .cm-content");
    await page.keyboard.type("def f():");
    await page.keyboard.press("Enter");
    await page.keyboard.type("return 1");
    assert.equal(await page.evaluate(() => t.ed.getDoc()), "def f():\n    return 1");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => t.ed.getDoc()), "def f():\n        return 1");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(() => t.ed.getDoc()), "def f():\nreturn 1");
  }));

test("diagnostics take UTF-8 byte offsets and show as lint errors", () =>
  withPage(async (page) => {
    // "é" is 2 bytes, "🙂" is 4 bytes (2 UTF-16 units)
    await mount(page, "s = 'é🙂'\nprint(s +)\n");
    const text = await page.evaluate(() => {
      const doc = t.ed.getDoc();
      const bytes = new TextEncoder().encode(doc);
      const from = new TextEncoder().encode("s = 'é🙂'\nprint(s ").length;
      t.ed.setDiagnostics([
        { from, to: from + 1, message: "invalid syntax" },
        { from: 9, to: 9, message: "inside the emoji: clamped to its start" },
        { from: -5, to: bytes.length + 100, message: "out of range: clamped" },
      ]);
      return doc;
    });
    const diags = await page.evaluate(() => {
      const out = [];
      // read back through the lint state: positions are UTF-16
      const view = t.ed.view;
      document.querySelectorAll("#t-editor .cm-lintRange-error").forEach((el) => out.push(el.textContent));
      return { ranges: out, markers: document.querySelectorAll("#t-editor .cm-lint-marker-error").length, len: view.state.doc.length };
    });
    assert.ok(diags.ranges.includes("+"), `the '+' is underlined: ${JSON.stringify(diags.ranges)}`);
    assert.ok(diags.ranges.includes("🙂"), `the emoji is underlined: ${JSON.stringify(diags.ranges)}`);
    assert.ok(diags.markers >= 1, "a gutter marker");
    assert.equal(diags.len, text.length);

    // the message shows on hover
    await page.hover("#t-editor .cm-lintRange-error >> text='+'");
    await page.waitForSelector(".cm-tooltip-lint", { timeout: 5000 });
    assert.match(await page.locator(".cm-tooltip-lint").first().innerText(), /invalid syntax/);

    // JSON text is accepted too; an empty list clears
    await page.evaluate(() => t.ed.setDiagnostics("[]"));
    assert.equal(await page.locator("#t-editor .cm-lintRange-error").count(), 0);
  }));

test("highlightLine marks one line and scrolls to it only when off screen", () =>
  withPage(async (page) => {
    const doc = Array.from({ length: 200 }, (_, i) => `print(${i + 1})`).join("\n");
    await mount(page, doc);
    const scrollTop = () => page.evaluate(() => t.ed.view.scrollDOM.scrollTop);
    await page.evaluate(() => t.ed.highlightLine(3));
    assert.equal(await page.locator("#t-editor .cm-ls-running").innerText(), "print(3)");
    assert.equal(await scrollTop(), 0, "line 3 is visible: no scroll");
    await page.evaluate(() => t.ed.highlightLine(150));
    await page.waitForFunction(() => t.ed.view.scrollDOM.scrollTop > 0);
    assert.equal(await page.locator("#t-editor .cm-ls-running").innerText(), "print(150)");
    const bg = await page.locator("#t-editor .cm-ls-running").evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(bg, "rgba(0, 0, 0, 0)");
    await page.evaluate(() => t.ed.highlightLine(0));
    assert.equal(await page.locator("#t-editor .cm-ls-running").count(), 0);
    await page.evaluate(() => t.ed.destroy());
    assert.equal(await page.locator("#t-editor .cm-editor").count(), 0);
  }));

test("the editor follows prefers-color-scheme live", () =>
  withPage(async (page) => {
    await mount(page, "x = 1\n");
    const bg = () => page.locator("#t-editor .cm-editor").evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await bg();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction((light) => getComputedStyle(document.querySelector("#t-editor .cm-editor")).backgroundColor !== light, light);
    const dark = await bg();
    assert.notEqual(light, dark);
  }));

test("LoopscopeEditor.of finds the editor of a parent until it is destroyed", () =>
  withPage(async (page) => {
    await mount(page, "x = 1\n");
    const found = await page.evaluate(() => {
      const host = document.getElementById("t-editor");
      const same = window.LoopscopeEditor.of(host) === t.ed;
      const other = window.LoopscopeEditor.of(document.createElement("div"));
      t.ed.destroy();
      return { same, other, after: window.LoopscopeEditor.of(host) };
    });
    assert.deepEqual(found, { same: true, other: null, after: null });
    // The app's editor is found from its host too.
    await page.waitForSelector('[data-testid="editor"] .cm-content');
    assert.equal(await page.evaluate(() => window.LoopscopeEditor.of(document.querySelector('[data-testid="editor"]')) !== null), true);
  }));
