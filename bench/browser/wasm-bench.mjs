// Time the wasm core inside Chromium: how long `bench_run` (the web crate's
// export: loopscope_core::run with the default settings, full trace) takes on
// each program. A benchmark, not a test: nothing is asserted.
//
//   node bench/browser/wasm-bench.mjs [--runs N] [--warmup N] bench/W.py ...
//
// prints one JSON object on stdout: {"W": [ms, ms, …], …}, keyed by each
// file's basename without .py, with N timings (default 5) after N warm-up
// runs (default 1, not reported). Progress goes to stderr. Serves the built
// page (dist/, or $LOOPSCOPE_DIST): run `cargo xtask test` or
// `trunk build --release` first.
import { launchBrowser, startServer } from "../../tests/browser/helpers.mjs";
import { readCommandLine } from "./args.mjs";

function parseArgs(argv) {
  const opts = { runs: 5, warmup: 1, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${name} wants a whole number, got ${argv[i]}`);
      return v;
    };
    if (a === "--runs") opts.runs = num("--runs");
    else if (a === "--warmup") opts.warmup = num("--warmup");
    else if (a === "-h" || a === "--help") opts.help = true;
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else opts.files.push(a);
  }
  return opts;
}

const USAGE = "usage: node bench/browser/wasm-bench.mjs [--runs N] [--warmup N] bench/W.py ...";

async function main() {
  const { opts, programs, exit } = readCommandLine(parseArgs, USAGE);
  if (exit !== undefined) return exit;
  const server = await startServer();
  const browser = await launchBrowser();
  const result = {};
  try {
    const page = await browser.context.newPage();
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    await page.goto(server.url, { waitUntil: "load" });
    await page.waitForFunction(() => typeof window.wasmBindings?.bench_run === "function", null, { timeout: 30_000 });
    for (const [name, source] of programs) {
      const times = [];
      for (let i = 0; i < opts.warmup + opts.runs; i++) {
        const [ms, events] = await page.evaluate((src) => {
          const t0 = performance.now();
          const n = window.wasmBindings.bench_run(src);
          return [performance.now() - t0, n];
        }, source);
        if (i >= opts.warmup) times.push(Math.round(ms * 1000) / 1000);
        console.error(`${name}: ${i < opts.warmup ? "warm-up" : `run ${i - opts.warmup + 1}/${opts.runs}`} ${ms.toFixed(1)} ms, ${events} events`);
      }
      result[name] = times;
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(JSON.stringify(result));
  return 0;
}

process.exitCode = await main();
