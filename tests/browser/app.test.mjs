// The playground page end to end: it opens the default sample, steps and seeks
// as the core's trace says, re-runs on edits, shares exact scenarios as links,
// and answers the keyboard (broken links: hostile-links.test.mjs; saving and
// the error panel: recovery.test.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { withPage, ROOT, decodeScenario } from "./helpers.mjs";

const READY = '[data-testid="editor"] .cm-content';
const OPTS = { waitFor: '[data-testid="editor"]' };

/** The native CLI's trace of a program (built by `cargo test` before these tests). */
function cliTrace(file) {
  const bin = ["release", "debug"].map((p) => join(ROOT, "target", p, "loopscope")).find(existsSync);
  assert.ok(bin, "build the CLI first (cargo build -p loopscope-cli)");
  return JSON.parse(execFileSync(bin, ["run", file, "--trace", "json"], { encoding: "utf8" }));
}

/** Lanes after `step` events, replayed from the trace's events (independent of the page). */
function lanesAt(trace, step) {
  const state = trace.tasks.map(() => ({ lane: null, since: 0 }));
  trace.events.slice(0, step).forEach((e, i) => {
    const s = state[e.task];
    if (!s) return;
    const k = e.kind.kind;
    if (k === "created" || k === "ready") Object.assign(s, { lane: "ready", since: i });
    else if (k === "running") s.lane = "running";
    else if (k === "waiting") s.lane = "waiting";
    else if (k === "done") s.lane = "done";
  });
  const lanes = { running: [], ready: [], waiting: [], done: [] };
  state.forEach((s, id) => s.lane && lanes[s.lane].push({ name: trace.tasks[id].name, since: s.since }));
  lanes.ready.sort((a, b) => a.since - b.since);
  for (const l of Object.keys(lanes)) lanes[l] = lanes[l].map((x) => x.name);
  for (const l of ["running", "waiting", "done"]) lanes[l].sort();
  return lanes;
}

async function pageLanes(page) {
  const lanes = {};
  for (const l of ["running", "ready", "waiting", "done"]) {
    const cards = page.locator(`[data-testid="lane-${l}"] [data-testid="task-card"]`);
    const names = await cards.evaluateAll((els) => els.map((e) => [e.dataset.task, e.dataset.state]));
    for (const [, state] of names) assert.equal(state, l, `a card in lane ${l} says data-state=${state}`);
    lanes[l] = names.map(([n]) => n);
    if (l !== "ready") lanes[l].sort();
  }
  return lanes;
}

async function seek(page, step) {
  await page.locator('[data-testid="scrubber"]').evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, step);
  await page.waitForTimeout(50);
}

/** The number of events of the run shown ("event 1 / 57" → 57). */
async function runLength(page) {
  return Number((await page.locator(".step-count").textContent()).split("/")[1]);
}

/**
 * Wait for the run of an edit to land: the URL and localStorage follow an edit
 * at once, the run after a pause in the typing; `before` is runLength before it.
 */
async function waitForNewRun(page, before) {
  await page.waitForFunction(
    (n) => Number(document.querySelector(".step-count").textContent.split("/")[1]) !== n,
    before,
    { timeout: 5000 },
  );
}

async function consoleLines(page) {
  return page.locator('[data-testid="console-line"]').evaluateAll((els) => els.map((e) => [e.dataset.t, e.textContent]));
}

test("opens the default sample with its first task ready and a hint to press Play", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    assert.equal(await page.locator('[data-testid="samples"]').inputValue(), "burgers");
    assert.equal(await page.evaluate(() => location.hash), "#example/burgers");
    const card = page.locator('[data-testid="lane-ready"] [data-testid="task-card"]').first();
    assert.equal(await card.getAttribute("data-task"), "Task-1");
    assert.equal(await card.getAttribute("data-state"), "ready");
    assert.match(await page.locator('[data-testid="explanation"]').textContent(), /Press Play/);
    assert.equal(await page.locator('[data-testid="clock"]').textContent(), "0.000");
    // The timeline's canvas is painted, in more than one colour (states).
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="timeline"] canvas');
      if (!c || !c.width) return false;
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
      return colours.size >= 2;
    }, null, { timeout: 5000 });
  }, OPTS));

test("stepping and seeking show the lanes the core's trace says", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    const trace = cliTrace(join(ROOT, "crates/web/samples/burgers.py"));
    const n = trace.events.length;
    // Step forward event by event through the first part of the run.
    const source = readFileSync(join(ROOT, "crates/web/samples/burgers.py"), "utf8").split("\n");
    let highlighted = 0;
    for (let step = 1; step <= 14; step++) {
      assert.deepEqual(await pageLanes(page), lanesAt(trace, step), `after ${step} events (stepping)`);
      // While a task runs, the editor marks the line it runs.
      const e = trace.events[step - 1];
      if (e.kind.kind === "running" && e.line > 0) {
        const marked = page.locator('[data-testid="editor"] .cm-ls-running');
        assert.equal((await marked.innerText()).trimEnd(), source[e.line - 1].trimEnd(), `line marked after ${step} events`);
        highlighted++;
      }
      await page.click('[data-testid="step-forward"]');
    }
    assert.ok(highlighted >= 2, "some steps ran a task");
    await page.click('[data-testid="step-back"]');
    assert.deepEqual(await pageLanes(page), lanesAt(trace, 14), "after stepping back");
    for (const step of [0, 3, Math.floor(n / 2), n - 1, n]) {
      await seek(page, step);
      assert.deepEqual(await pageLanes(page), lanesAt(trace, step), `after seeking to ${step}`);
      const t = step === 0 ? 0 : trace.events[step - 1].t;
      assert.equal(await page.locator('[data-testid="clock"]').textContent(), t.toFixed(3));
    }
    // At the end, the console holds every line the program printed, with its time.
    const lines = await consoleLines(page);
    assert.deepEqual(lines.map(([, text]) => text), trace.output.map((o) => o.text));
    assert.deepEqual(lines.map(([t]) => t), trace.output.map((o) => o.t.toFixed(6)));
    await page.click('[data-testid="to-start"]');
    assert.deepEqual(await pageLanes(page), lanesAt(trace, 1));
  }, OPTS));

test("play moves the clock forward and pause stops it", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    await page.click('[data-testid="play"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]').textContent) > 0.5, null, { timeout: 8000 });
    await page.click('[data-testid="play"]');
    const a = await page.locator('[data-testid="clock"]').textContent();
    await page.waitForTimeout(400);
    assert.equal(await page.locator('[data-testid="clock"]').textContent(), a, "paused");
  }, OPTS));

test("typing in the editor re-runs the program and keeps the URL in sync", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    const before = await runLength(page);
    await page.click(READY);
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nprint('typed at the end')\n");
    await page.waitForFunction(() => location.hash.startsWith("#code/"), null, { timeout: 5000 });
    await waitForNewRun(page, before);
    await page.click('[data-testid="to-end"]');
    const lines = await consoleLines(page);
    assert.equal(lines.at(-1)[1], "typed at the end");
    const doc = decodeScenario((await page.evaluate(() => location.hash)).split("&")[0].replace("#code/", "#"));
    assert.ok(String(doc).endsWith("print('typed at the end')\n"), "the fragment is the program");
    // A compile error is shown in the banner, and the stage keeps the last good run.
    await page.click(READY);
    await page.keyboard.press("Control+End");
    await page.keyboard.type("def broken(:\n");
    const banner = page.locator('[data-testid="message"]');
    await banner.waitFor({ state: "visible", timeout: 5000 });
    assert.match(await banner.textContent(), /Line \d+, column \d+/);
  }, OPTS));

test("a copied link reproduces the identical run in a fresh page", async () => {
  let hash, end;
  await withPage(async (page) => {
    await page.waitForSelector(READY);
    await page.locator('[data-testid="samples"]').selectOption("queue");
    const before = await runLength(page);
    await page.click(READY);
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nprint('shared')\n");
    await page.waitForFunction(() => location.hash.startsWith("#code/"), null, { timeout: 5000 });
    await waitForNewRun(page, before);
    // A busy machine may still be landing the run of a text typed half way
    // (each keystroke re-runs): wait for the run of the whole text, the one
    // whose last line is the new print.
    for (let tries = 0; ; tries++) {
      hash = await page.evaluate(() => location.hash);
      await page.click('[data-testid="to-end"]');
      end = { clock: await page.locator('[data-testid="clock"]').textContent(), lines: await consoleLines(page) };
      if (end.lines.at(-1)?.[1] === "shared" && (await page.evaluate(() => location.hash)) === hash) break;
      assert.ok(tries < 50, `the typed program's run never landed: ${JSON.stringify(end.lines.at(-1))}`);
      await page.waitForTimeout(200);
    }
  }, OPTS);
  await withPage(
    async (page) => {
      await page.waitForSelector(READY);
      await page.click('[data-testid="to-end"]');
      assert.equal(await page.locator('[data-testid="clock"]').textContent(), end.clock);
      assert.deepEqual(await consoleLines(page), end.lines);
      assert.equal(await page.evaluate(() => location.hash), hash);
    },
    { ...OPTS, path: hash },
  );
});

test("samples load by name, and back/forward navigation restores the previous one", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    assert.ok((await page.locator('[data-testid="samples"] option').count()) >= 9);
    await page.locator('[data-testid="samples"]').selectOption("crawler");
    assert.equal(await page.evaluate(() => location.hash), "#example/crawler");
    assert.match(await page.locator(".about h2").textContent(), /semaphore/i);
    await page.goBack();
    await page.waitForFunction(() => location.hash === "#example/burgers");
    await page.waitForFunction(() => document.querySelector('[data-testid="samples"]').value === "burgers");
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('[data-testid="samples"]').value === "crawler");
  }, OPTS));

test("keyboard shortcuts move through the run", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("End");
    const total = await page.locator('[data-testid="scrubber"]').evaluate((e) => e.max);
    assert.equal(await page.locator('[data-testid="scrubber"]').inputValue(), total);
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.locator('[data-testid="scrubber"]').inputValue(), String(Number(total) - 1));
    await page.keyboard.press("Home");
    assert.equal(await page.locator('[data-testid="scrubber"]').inputValue(), "1");
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.querySelector('[data-testid="play"]').textContent.includes("Pause"));
  }, OPTS));

test("clicking the timeline seeks to that virtual time", () =>
  withPage(async (page) => {
    await page.waitForSelector(READY);
    const svg = page.locator('[data-testid="timeline"] svg.timeline-overlay');
    await svg.scrollIntoViewIfNeeded();
    const box = await svg.boundingBox();
    // Hovering a row explains the segment under the pointer (the first row
    // is main's task).
    await page.mouse.move(box.x + box.width / 2, box.y + 9);
    const tip = await svg.locator("title").textContent();
    assert.match(tip, /^main · Task-1: (waiting|running|ready) \d+\.\d{3}–\d+\.\d{3} s — /);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const t = Number(await page.locator('[data-testid="clock"]').textContent());
    assert.ok(Math.abs(t - 2.0) < 0.05, `clock ${t} after clicking the middle of a 4 s run`);
  }, OPTS));

test("the last program comes back after a reload without a fragment", () =>
  withPage(async (page, server) => {
    await page.waitForSelector(READY);
    await page.click(READY);
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nprint('remember me')\n");
    await page.waitForFunction(() => location.hash.startsWith("#code/"), null, { timeout: 5000 });
    await page.goto(server.url);
    await page.waitForSelector(READY);
    const doc = await page.locator(READY).textContent();
    assert.match(doc, /remember me/);
  }, OPTS));

test("samples on disk are the ones the page embeds", () => {
  const md = readFileSync(join(ROOT, "crates/web/samples/burgers.md"), "utf8");
  assert.match(md, /^# /);
});
