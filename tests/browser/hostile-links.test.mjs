// Hostile links (SPEC §4): invalid characters, truncated data, a decompression
// bomb, a 10 MB fragment, unknown settings, invalid values and out-of-range
// steps. Each, whether it opens the page or is navigated to while the page is
// open, shows a message saying what is wrong and the default sample, within a
// few seconds, with the page answering (a task card, Play) and no console
// error; the program saved in this browser is left alone.
//
// A step past the end of a valid program is not such a link: the program is
// the person's, so it is shown at its last step, with a message.
import { test } from "node:test";
import assert from "node:assert/strict";
import lzString from "lz-string";
import { withPage, encodeScenario, decodeScenario } from "./helpers.mjs";

const READY = '[data-testid="editor"] .cm-content';
const KEY = "loopscope.scenario";
/**
 * How long a hostile link may take to show its message and the default
 * sample: generous, for a machine busy with other jobs (a 10 MB fragment
 * took 6.6 s with two builds beside it); a page that hangs never gets there.
 */
const PROMPT_MS = 15_000;

const PROGRAM = `import asyncio

async def main():
    await asyncio.sleep(1)
    print("hello")

asyncio.run(main())
`;
const VALID = encodeScenario(PROGRAM);

/** The person's own program, edited (so saved) before the hostile link arrives. */
async function editSomething(page, server) {
  await page.goto(server.url, { waitUntil: "load" });
  await page.waitForSelector(READY);
  await page.click(READY);
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\nprint('my own program')");
  const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);
  assert.match(String(decodeScenario(saved.replace(/^code\//, ""))), /my own program/);
  return saved;
}

/** The message, the default sample, a stage that answers, the saved program untouched. */
async function expectDefaultSample(page, name, message, saved, started) {
  const banner = page.locator('[data-testid="message"]');
  await banner.waitFor({ state: "visible", timeout: PROMPT_MS });
  await page.waitForFunction(() => document.querySelector('[data-testid="samples"]')?.value === "burgers", null, { timeout: PROMPT_MS });
  await page.locator('[data-testid="task-card"]').first().waitFor({ timeout: PROMPT_MS });
  const took = Date.now() - started;
  assert.ok(took < PROMPT_MS, `${name}: took ${took} ms`);
  const text = await banner.textContent();
  assert.match(text, message, `${name}: says what is wrong`);
  assert.match(text, /default (sample|one)/, `${name}: says what is shown instead`);
  assert.equal(await page.evaluate(() => location.hash), "#example/burgers", `${name}: the address is the sample's`);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), saved, `${name}: the saved program is left alone`);
  // The page answers: Play moves the clock.
  await page.click('[data-testid="play"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]').textContent) > 0, null, { timeout: PROMPT_MS });
  await page.click('[data-testid="play"]');
}

/**
 * One hostile fragment, both ways in: opening the page with it, and navigating
 * to it while the page is open (hashchange). `open` may replace the first way
 * (for fragments too long for page.goto).
 */
function hostile(name, fragment, message, open) {
  test(`hostile link: ${name}`, () =>
    withPage(
      async (page, server) => {
        const saved = await editSomething(page, server);
        // Opening the page with the link.
        await page.goto("about:blank");
        let started = Date.now();
        if (open) await open(page, server);
        else await page.goto(server.url + fragment, { waitUntil: "load" });
        await expectDefaultSample(page, `${name} (opened)`, message, saved, started);
        // Navigated to while the page is open.
        await page.locator(".banner-close").click();
        await page.locator('[data-testid="samples"]').selectOption("queue");
        started = Date.now();
        await page.evaluate((f) => (location.hash = f), fragment);
        await expectDefaultSample(page, `${name} (hashchange)`, message, saved, started);
      },
      { goto: false },
    ));
}

hostile("invalid characters", "#code/%%%%not-lz", /characters that cannot appear/);
hostile("invalid characters (not ASCII)", "#code/N4Ig€ÿ", /characters that cannot appear/);
hostile("a valid lz-string prefix, truncated", `#code/${VALID.slice(0, Math.floor(VALID.length / 2))}`, /cut short|inconsistent/);

// 5,000,000 × "a" compresses to a few KB, well under the fragment limit: only
// the decompressor's own bound stops it.
const BOMB = lzString.compressToEncodedURIComponent("a".repeat(5_000_000));
test("the decompression bomb is small enough to reach the decompressor", () => {
  assert.ok(BOMB.length < 20_000, `${BOMB.length} characters`);
});
hostile("a decompression bomb", `#code/${BOMB}`, /decodes to more than 100 KB/);

// Chromium refuses to navigate to a URL over 2 MB (page.goto fails with
// net::ERR_ABORTED before the page exists), so a 10 MB fragment reaches the page
// by setting it from a script: before the app starts (as if it were opened
// with it), and while it is open.
const TEN_MB = `#code/${"A".repeat(10 * 1024 * 1024)}`;
hostile("a 10 MB fragment", TEN_MB, /10240 KB long; loopscope links are at most 256 KB/, async (page, server) => {
  await page.addInitScript((f) => {
    if (!location.hash) history.replaceState(null, "", f);
  }, TEN_MB);
  await page.goto(server.url, { waitUntil: "load" });
});
hostile("a 1.5 MB fragment (opened with page.goto)", `#code/${"A".repeat(1_500_000)}`, /1464 KB long/);

hostile("an unknown setting", `#code/${VALID}&foo=1`, /unknown setting 'foo'/);
hostile("an unknown setting on a sample", "#example/queue&foo=1", /unknown setting 'foo'/);
hostile("cores=0", `#code/${VALID}&cores=0`, /cores=0: it must be a whole number from 1 to 64/);
hostile("cores=65", `#code/${VALID}&cores=65`, /cores=65: it must be a whole number from 1 to 64/);
hostile("gil=maybe", `#code/${VALID}&gil=maybe`, /gil=maybe: it must be on or off/);
hostile("step=abc", `#code/${VALID}&step=abc`, /invalid step=abc/);
hostile("step=-1", `#code/${VALID}&step=-1`, /invalid step=-1/);
hostile("a sample that does not exist", "#example/no-such-sample", /no sample called 'no-such-sample'/);
hostile("not a scenario at all", "#garbage", /not a loopscope scenario/);

test("a step past the end of a valid program shows the program at its last step, with a message", () =>
  withPage(
    async (page, server) => {
      const saved = await editSomething(page, server);
      for (const way of ["opened", "hashchange"]) {
        const fragment = `#code/${VALID}&step=99999999`;
        if (way === "opened") {
          await page.goto("about:blank");
          await page.goto(server.url + fragment, { waitUntil: "load" });
        } else {
          await page.locator('[data-testid="samples"]').selectOption("queue");
          await page.evaluate((f) => (location.hash = f), fragment);
        }
        const banner = page.locator('[data-testid="message"]');
        await banner.waitFor({ state: "visible", timeout: PROMPT_MS });
        assert.match(await banner.textContent(), /asks for step 99,999,999, but its run has \d+ steps: it is shown at the last one/, way);
        await page.waitForSelector(READY);
        await page.waitForFunction((p) => LoopscopeEditor.of(document.querySelector('[data-testid="editor"]')).getDoc() === p, PROGRAM);
        const scrubber = page.locator('[data-testid="scrubber"]');
        assert.equal(await scrubber.inputValue(), await scrubber.evaluate((e) => e.max), `${way}: at the last step`);
        assert.match(await page.locator('[data-testid="console"]').textContent(), /hello/, `${way}: the run's end`);
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), saved, `${way}: the saved program is left alone`);
      }
      // A step within the run is simply shown, without a message.
      await page.goto("about:blank");
      await page.goto(`${server.url}#code/${VALID}&step=2`, { waitUntil: "load" });
      await page.waitForSelector(READY);
      assert.equal(await page.locator('[data-testid="scrubber"]').inputValue(), "2");
      assert.ok(await page.locator('[data-testid="message"]').isHidden());
    },
    { goto: false },
  ));
