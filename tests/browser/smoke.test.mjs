// The page loads without errors and shows the app.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, decodeScenario, encodeScenario } from "./helpers.mjs";

test("the page loads with no console or page error and shows the app", () =>
  withPage(async (page) => {
    assert.equal(await page.title(), "loopscope — see how coroutines are scheduled");
    const app = await page.locator('[data-testid="message"], [data-testid="editor"]').count();
    assert.ok(app > 0, "neither [data-testid=message] nor [data-testid=editor] is on the page");
    assert.equal(await page.evaluate(() => typeof window.LoopscopeEditor?.create), "function");
    // withPage fails the test if the page logged an error
  }));

test("decodeScenario reverses lz-string's URL encoding", () => {
  const s = { code: "import asyncio\nprint('é🙂')\n", cores: 2 };
  assert.deepEqual(decodeScenario("#" + encodeScenario(s)), s);
  assert.deepEqual(decodeScenario("http://127.0.0.1:8080/#s=" + encodeScenario(s)), s);
  assert.equal(decodeScenario(encodeScenario("plain text")), "plain text");
});
