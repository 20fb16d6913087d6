// Long runs are simulated in slices with the browser free in between: a
// progress bar shows how far the simulation is, the page keeps answering,
// and the run lands exactly as a short one would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, encodeScenario, slowCpu, LONG } from "./helpers.mjs";

/**
 * Open `url` and return what the progress bar said each time a timer in the
 * page got to run while the bar showed (a timer only runs if the simulation
 * leaves the thread free), once the run has landed (the bar hidden again).
 */
async function barReadings(page, url, timeout) {
  // A little slowed down, a faster machine still gives the timer several looks.
  await slowCpu(page, 4);
  await page.addInitScript(() => {
    window.__seen = [];
    setInterval(() => {
      const bar = document.querySelector('[data-testid="simulating"]');
      if (bar && !bar.classList.contains("hidden")) window.__seen.push(bar.textContent);
    }, 5);
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => window.__seen.length > 0, null, { timeout: 20_000 });
  await page.locator('[data-testid="simulating"]').waitFor({ state: "hidden", timeout });
  return page.evaluate(() => window.__seen);
}

test("a long run shows a progress bar, keeps the page answering, then lands", () =>
  withPage(
    async (page, server) => {
      const seen = await barReadings(page, `${server.url}#code/${encodeScenario(LONG)}`, 120_000);
      assert.ok(seen.every((t) => /Simulating… [\d,]+ events, [\d.]+ s of virtual time, [\d,]+ Python steps/.test(t)), seen[0]);
      assert.ok(new Set(seen).size >= 2, `the bar moved while the page kept answering: ${seen.length} readings`);
      const count = await page.locator(".step-count").textContent();
      const total = Number(count.split("/")[1].trim());
      assert.ok(total > 1_000_000, `the whole run landed: ${count}`);
      await page.click('[data-testid="to-end"]');
      const out = await page.locator('[data-testid="console"]').textContent();
      assert.match(out, /all done/);
    },
    { goto: false },
  ));

test("a long run can be stopped half way and shows what ran so far", () =>
  withPage(
    async (page, server) => {
      // The whole run takes about a second here: slowed down, the click lands half way.
      await slowCpu(page);
      await page.goto(`${server.url}#code/${encodeScenario(LONG)}`, { waitUntil: "load" });
      const bar = page.locator('[data-testid="simulating"]');
      await bar.waitFor({ state: "visible", timeout: 60_000 });
      await page.click('[data-testid="stop-simulation"]');
      await bar.waitFor({ state: "hidden", timeout: 20_000 });
      const count = await page.locator(".step-count").textContent();
      const total = Number(count.split("/")[1].trim());
      assert.ok(total > 0 && total < 1_000_000, `part of the run: ${count}`);
      await page.click('[data-testid="to-end"]');
      const out = await page.locator('[data-testid="console"]').textContent();
      assert.doesNotMatch(out, /all done/);
      assert.match(await page.locator("body").textContent(), /stopped before the end, after [\d]+ events/);
    },
    { goto: false },
  ));

/** Python that computes for a long time without awaiting (a CPU-bound loop). */
const CPU = `import asyncio


async def main():
    s = 0
    for i in range(2_000_000):
        s += i
    print("sum", s)


asyncio.run(main())
`;

test("Python that runs long without awaiting is simulated in slices too: the page keeps answering", () =>
  withPage(
    async (page, server) => {
      // Before, the whole loop ran in one task: no timer could run while the bar showed.
      const seen = await barReadings(page, `${server.url}#code/${encodeScenario(CPU)}`, 60_000);
      // The events and the virtual time stand still; the steps show the progress.
      const steps = seen.map((t) => Number((t.match(/([\d,]+) Python steps/) || ["", "0"])[1].replaceAll(",", "")));
      assert.ok(new Set(steps).size >= 2 && steps.every((s, i) => i === 0 || s >= steps[i - 1]), `steps shown: ${steps}`);
      await page.click('[data-testid="to-end"]');
      const out = await page.locator('[data-testid="console"]').textContent();
      assert.match(out, /sum 1999999000000/);
    },
    { goto: false },
  ));

/** The same loop in a worker thread, which the event loop waits for. */
const CPU_THREAD = `import asyncio


def crunch():
    s = 0
    for i in range(2_000_000):
        s += i
    return s


async def main():
    print("sum", await asyncio.to_thread(crunch))


asyncio.run(main())
`;

test("Python in a worker thread is simulated in slices too: the page keeps answering", () =>
  withPage(
    async (page, server) => {
      // Before, the thread's whole loop ran in one slice.
      const seen = await barReadings(page, `${server.url}#code/${encodeScenario(CPU_THREAD)}`, 60_000);
      const steps = seen.map((t) => Number((t.match(/([\d,]+) Python steps/) || ["", "0"])[1].replaceAll(",", "")));
      assert.ok(new Set(steps).size >= 2 && steps.every((s, i) => i === 0 || s >= steps[i - 1]), `steps shown: ${steps}`);
      await page.click('[data-testid="to-end"]');
      const out = await page.locator('[data-testid="console"]').textContent();
      assert.match(out, /sum 1999999000000/);
    },
    { goto: false },
  ));

test("a CPU-bound loop can be stopped half way", () =>
  withPage(
    async (page, server) => {
      const forever = CPU.replace("for i in range(2_000_000):", "while True:\n        i = 1");
      // Slowed down, the loop is nowhere near the step budget when Stop is clicked.
      await slowCpu(page);
      await page.goto(`${server.url}#code/${encodeScenario(forever)}`, { waitUntil: "load" });
      const bar = page.locator('[data-testid="simulating"]');
      await bar.waitFor({ state: "visible", timeout: 60_000 });
      await page.click('[data-testid="stop-simulation"]');
      await bar.waitFor({ state: "hidden", timeout: 20_000 });
      const body = await page.locator("body").textContent();
      assert.match(body, /stopped before the end, after [\d]+ events/);
      assert.doesNotMatch(body, /step budget|steps? limit/i);
    },
    { goto: false },
  ));
