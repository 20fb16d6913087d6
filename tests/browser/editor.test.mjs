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

// On a phone, CodeMirror kept the cursor in view at the end of a long line by
// scrolling the whole program sideways, out of sight of its indentation.
test("on a phone long lines wrap with a hanging indent, and scroll sideways again on a wider screen", () =>
  withPage(
    async (page) => {
      const long = "        await asyncio.sleep(0.001 * ((i + k) % 7 + 1), result=f'{i} and {k} and more')";
      await mount(page, `async def worker(i):\n    for k in range(100):\n${long}\n`);
      await page.evaluate(() => (document.getElementById("t-editor").style.width = "340px"));
      await page.click("#t-editor .cm-content");
      await page.keyboard.press("Control+End");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("End");
      // The cursor at the line's very end (End stops at the end of a row).
      await page.evaluate(() => {
        const { view } = t.ed;
        view.dispatch({ selection: { anchor: view.state.doc.line(3).to }, scrollIntoView: true });
      });
      const look = () =>
        page.evaluate(() => {
          const { view } = t.ed;
          const scroller = view.scrollDOM;
          const line = view.state.doc.line(3);
          const code = line.from + 8; // where the line's code starts
          const first = view.coordsAtPos(code);
          const cw = view.coordsAtPos(code + 1).left - first.left;
          const last = view.coordsAtPos(line.to, -1);
          // Where the line's last row starts (EditorSelection.cursor).
          const rowStart = view.moveToLineBoundary(view.state.selection.constructor.cursor(line.to), false).head;
          return {
            wraps: view.contentDOM.classList.contains("cm-lineWrapping"),
            scrollLeft: scroller.scrollLeft,
            overflow: scroller.scrollWidth - scroller.clientWidth,
            rows: Math.round((last.top - first.top) / view.defaultLineHeight) + 1,
            hang: (view.coordsAtPos(rowStart, 1).left - first.left) / cw,
            lastRowOnLine: rowStart > code && rowStart < line.to,
          };
        });
      const phone = await look();
      assert.equal(phone.wraps, true);
      assert.equal(phone.scrollLeft, 0, "the editor scrolled sideways");
      assert.ok(phone.overflow <= 1, `the editor is ${phone.overflow}px wider than its box`);
      assert.ok(phone.rows >= 2, `the long line takes ${phone.rows} row(s)`);
      assert.equal(phone.lastRowOnLine, true);
      assert.ok(Math.abs(phone.hang - 2) < 0.2, `the last row starts ${phone.hang} columns from the code, not 2`);

      // The page's own textarea, shown while the editor loads, wraps too.
      const textareaWraps = () =>
        page.evaluate(() => {
          const ta = document.createElement("textarea");
          ta.className = "editor-fallback";
          document.body.append(ta);
          const ws = getComputedStyle(ta).whiteSpace;
          ta.remove();
          return ws;
        });
      assert.equal(await textareaWraps(), "pre-wrap");

      await page.setViewportSize({ width: 1366, height: 800 });
      await page.waitForFunction(() => !t.ed.view.contentDOM.classList.contains("cm-lineWrapping"));
      const wide = await look();
      assert.ok(wide.overflow > 100, "on a wide screen a long line does not wrap");
      assert.equal(await textareaWraps(), "pre");
    },
    { viewport: { width: 390, height: 844 } },
  ));

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
