// Where the page's wasm spends its time in Chromium: a sampling profile
// (the DevTools protocol's Profiler) of `bench_run` on each program, by
// function, with the callers of the functions named in --callers.
//
//   node bench/browser/wasm-profile.mjs [--runs N] [--top N] [--callers a,b] bench/W.py ...
//
// The page's own wasm has no function names (wasm-opt drops them), so this
// profiles a copy with them: the web crate's wasm as the last page build left
// it (target/wasm32-unknown-unknown/wasm-release/loopscope-web.wasm: run
// `cargo xtask test` or `trunk build --release` first), through wasm-bindgen
// and `wasm-opt -Oz -g` (the page's optimisation, names kept) into a
// temporary directory, loaded by a bare page. Timings with names kept are
// within a few percent of the page's; compare pages with wasm-bench.mjs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, launchBrowser, startServer } from "../../tests/browser/helpers.mjs";
import { readCommandLine } from "./args.mjs";

const USAGE = "usage: node bench/browser/wasm-profile.mjs [--runs N] [--top N] [--callers a,b] bench/W.py ...";

function parseArgs(argv) {
  const opts = { runs: 3, top: 30, callers: [], files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} wants a value`);
      return argv[++i];
    };
    const whole = () => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) throw new Error(`${a} wants a whole number of at least 1, got ${argv[i]}`);
      return v;
    };
    if (a === "--runs") opts.runs = whole();
    else if (a === "--top") opts.top = whole();
    else if (a === "--callers") opts.callers = value().split(",").filter(Boolean);
    else if (a === "-h" || a === "--help") opts.help = true;
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else opts.files.push(a);
  }
  return opts;
}

/** A copy of the page's wasm with its function names, and a bare page loading it, in `dir`. */
function buildNamed(dir) {
  const raw = join(ROOT, "target", "wasm32-unknown-unknown", "wasm-release", "loopscope-web.wasm");
  if (!existsSync(raw)) throw new Error(`${raw} is missing: build the page first (cargo xtask test, or trunk build --release)`);
  const env = { ...process.env, PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", dir, raw], { env, stdio: "inherit" });
  const wasm = join(dir, "loopscope-web_bg.wasm");
  execFileSync("wasm-opt", ["-Oz", "-g", "--converge", "--low-memory-unused", wasm, "-o", wasm], { env, stdio: "inherit" });
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><meta charset="utf-8"><script type="module">
import init, * as bindings from "./loopscope-web.js";
await init({ module_or_path: "./loopscope-web_bg.wasm" });
window.wasmBindings = bindings;
</script>`,
  );
}

/** Self time by function, and by caller for the functions whose names contain one of `callers`. */
function summarise(profile, top, callers) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const hits = new Map();
  for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  const total = profile.samples.length || 1;
  const pct = (c) => `${((100 * c) / total).toFixed(1).padStart(5)}%`;
  const name = (n) => (n ? n.callFrame.functionName || "(anonymous)" : "-").replace(/::h[0-9a-f]{16}$/, "");
  const tally = (pick) => {
    const m = new Map();
    for (const [id, c] of hits) {
      const key = pick(byId.get(id), id);
      if (key !== undefined) m.set(key, (m.get(key) ?? 0) + c);
    }
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  const lines = tally((n) => name(n)).slice(0, top).map(([f, c]) => `${pct(c)}  ${f}`);
  for (const want of callers) {
    lines.push(`callers of …${want}…:`);
    const rows = tally((n, id) => (name(n).includes(want) ? name(parent.get(id)) : undefined));
    for (const [f, c] of rows.slice(0, 8)) lines.push(`  ${pct(c)}  ${f}`);
  }
  return lines;
}

async function main() {
  const { opts, programs, exit } = readCommandLine(parseArgs, USAGE);
  if (exit !== undefined) return exit;
  const dir = mkdtempSync(join(tmpdir(), "loopscope-profile-"));
  try {
    buildNamed(dir);
    const server = await startServer(dir);
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
      await page.goto(server.url, { waitUntil: "load" });
      await page.waitForFunction(() => typeof window.wasmBindings?.bench_run === "function", null, { timeout: 30_000 });
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      for (const [name, source] of programs) {
        // One run first, so the profile is of compiled code in warm memory.
        await page.evaluate((src) => window.wasmBindings.bench_run(src), source);
        await cdp.send("Profiler.start");
        const ms = await page.evaluate(
          ([src, runs]) => {
            const t0 = performance.now();
            for (let i = 0; i < runs; i++) window.wasmBindings.bench_run(src);
            return (performance.now() - t0) / runs;
          },
          [source, opts.runs],
        );
        const { profile } = await cdp.send("Profiler.stop");
        console.log(`${name}: ${ms.toFixed(1)} ms a run (${opts.runs} runs, names kept), self time by function:`);
        for (const line of summarise(profile, opts.top, opts.callers)) console.log(`  ${line}`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

process.exitCode = await main();
