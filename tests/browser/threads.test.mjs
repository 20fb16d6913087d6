// Threads on the page: thread lanes and the GIL badge for the parallel-burgers
// sample, and the machine settings (cores, GIL) changing the run and the URL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

const OPTS = { waitFor: '[data-testid="editor"]' };
const READY = '[data-testid="editor"] .cm-content';

async function step(page, n) {
  for (let i = 0; i < n; i++) await page.click('[data-testid="step-forward"]');
}

test("parallel burgers shows a lane per thread and the GIL badge on its holder", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    await page.locator('[data-testid="samples"]').selectOption("parallel-burgers");
    // Walk until the pool's threads exist.
    for (let i = 0; i < 80 && (await page.locator('[data-testid="thread"]').count()) < 9; i++) await step(page, 1);
    const names = await page.locator('[data-testid="thread"]').evaluateAll((els) => els.map((e) => e.dataset.thread));
    assert.ok(names.includes("MainThread"), names.join(","));
    assert.ok(names.filter((n) => n.startsWith("ThreadPoolExecutor-0_")).length >= 8, names.join(","));
    // Somewhere in the run exactly one thread of the process holds the GIL.
    let seen = false;
    for (let i = 0; i < 60 && !seen; i++) {
      const badges = await page.locator('[data-testid="gil-badge"]').count();
      assert.ok(badges <= 1, "one GIL per process");
      seen = badges === 1;
      if (!seen) await step(page, 1);
    }
    assert.ok(seen, "a GIL badge appears");
    // A cashier standing at the counter shows where it is: cashier_cook()
    // takes the order on line 9 of the sample (`time.sleep(0.5)`).
    let spot = [];
    for (let i = 0; i < 60 && !spot.includes("cashier_cook() · line 9"); i++) {
      spot = await page.locator('[data-testid="thread"] .card-line').allTextContents();
      if (!spot.includes("cashier_cook() · line 9")) await step(page, 1);
    }
    assert.ok(spot.includes("cashier_cook() · line 9"), spot.join(" | "));
    const timelineRows = await page.locator(".timeline-label").allTextContents();
    assert.ok(timelineRows.some((r) => r.startsWith("cores")), "a cores row in the timeline");
  }, OPTS));

test("the GIL setting changes the run and the link", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    await page.locator('[data-testid="samples"]').selectOption("gil-convoy");
    await page.click('[data-testid="to-end"]');
    const withGil = await page.locator('[data-testid="console-line"]').allTextContents();
    assert.ok(withGil.some((l) => l.includes("0.105")), withGil.join("\n"));
    await page.locator('[data-testid="gil"]').uncheck();
    await page.waitForFunction(() => location.hash.includes("gil=off"));
    // The playhead keeps its virtual time: at the end of the run it stays there.
    if (await page.locator('[data-testid="to-end"]').isEnabled()) await page.click('[data-testid="to-end"]');
    const without = await page.locator('[data-testid="console-line"]').allTextContents();
    assert.ok(without.some((l) => l.includes("0.100")) && !without.some((l) => l.includes("0.105")), without.join("\n"));
    await page.locator('[data-testid="cores"]').selectOption("2");
    await page.waitForFunction(() => location.hash.includes("cores=2"));
    // The link restores the settings.
    const hash = await page.evaluate(() => location.hash);
    await page.goto(page.url().split("#")[0] + hash);
    await page.waitForSelector(READY);
    assert.equal(await page.locator('[data-testid="gil"]').isChecked(), false);
    assert.equal(await page.locator('[data-testid="cores"]').inputValue(), "2");
  }, OPTS));
