// Determinism across platforms (issue 6): every sample, fixture and
// conformance program gives the same run natively (x86_64, `loopscope digest`)
// and in wasm in Chromium (the probe's `trace_digest`, crates/probe built
// with the page's profile and imported into the page): the same
// `RunResult::digest`, a hash of the status, stderr and the whole trace. Each
// side runs all its programs in one go (one process, one page.evaluate).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { withPage, loadProbe, ROOT } from "./helpers.mjs";

const CONFORMANCE = join(ROOT, "..", "shared", "conformance");

/** The `.py` files of `dir`, sorted (none when it is absent). */
function programsIn(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .map((f) => join(dir, f));
}

/** Whether a program starts threads or computes: the runs the machine settings change. */
const USES_MACHINE = /to_thread|run_in_executor|Executor|cpu\(/;

/** `loopscope digest` of `files` under `flags`: a Map file → digest. */
function nativeDigests(files, flags) {
  // The newer of the two builds (`cargo xtask test` builds debug; a release
  // binary left from an older build would differ for its own reasons).
  const bin = ["release", "debug"]
    .map((p) => join(ROOT, "target", p, "loopscope"))
    .filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  assert.ok(bin, "build the CLI first (cargo build --release -p loopscope-cli)");
  const out = execFileSync(bin, ["digest", ...flags, ...files], { encoding: "utf8", maxBuffer: 64 << 20 });
  const digests = new Map();
  for (const line of out.split("\n")) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    digests.set(line.slice(tab + 1), line.slice(0, tab));
  }
  return digests;
}

/** The same in the page's wasm: one page.evaluate over all the sources. */
async function wasmDigests(page, files, { cores, gil }) {
  const sources = files.map((f) => readFileSync(f, "utf8"));
  const digests = await page.evaluate(
    ({ sources, cores, gil }) => sources.map((s) => window.probe.trace_digest(s, cores, gil)),
    { sources, cores, gil },
  );
  return new Map(files.map((f, i) => [f, digests[i]]));
}

/** Compare both sides for `files` on a machine of `cores` CPUs with the GIL on or off. */
async function compare(page, files, settings) {
  const flags = ["--cores", String(settings.cores), "--gil", settings.gil ? "on" : "off"];
  const native = nativeDigests(files, flags);
  const wasm = await wasmDigests(page, files, settings);
  const missing = files.filter((f) => !native.has(f));
  assert.deepEqual(missing.map((f) => relative(ROOT, f)), [], "loopscope digest printed no digest for these");
  for (const d of [...native.values(), ...wasm.values()]) assert.match(d, /^[0-9a-f]{16}$/);
  const differ = files.filter((f) => native.get(f) !== wasm.get(f));
  const shown = differ
    .slice(0, 10)
    .map((f) => `${relative(ROOT, f)}: native ${native.get(f)}, wasm ${wasm.get(f)}`);
  assert.deepEqual(
    shown,
    [],
    `${differ.length} of ${files.length} programs ran differently natively and in wasm ` +
      `(cores ${settings.cores}, GIL ${settings.gil ? "on" : "off"}; first 10 shown)`,
  );
  // Different programs give different runs: a digest that ignored its input
  // on both sides would pass the comparison above.
  if (files.length > 1) assert.ok(new Set(native.values()).size > files.length / 2, "digests hardly vary");
  return files.length;
}

test("every program runs the same natively and in wasm", { timeout: 120_000 }, (t) =>
  withPage(
    async (page) => {
      await loadProbe(page);
      const defaults = { cores: 4, gil: true };
      const own = [
        ...programsIn(join(ROOT, "crates", "web", "samples")),
        ...programsIn(join(ROOT, "examples")),
        ...programsIn(join(ROOT, "crates", "core", "tests", "programs")),
      ];
      const conformance = programsIn(CONFORMANCE);
      let compared = 0;
      await t.test("the samples, examples and fixtures", async () => {
        assert.ok(own.length > 100, `only ${own.length} programs found under ${ROOT}`);
        compared += await compare(page, own, defaults);
      });
      await t.test("the shared conformance programs", async (st) => {
        if (conformance.length === 0) {
          st.skip(`${CONFORMANCE} is absent or holds no .py: skipped`);
          return;
        }
        compared += await compare(page, conformance, defaults);
      });
      // The machine's settings change the runs that start threads or compute.
      const machine = [...own, ...conformance, join(ROOT, "bench", "gil.py")].filter(
        (f) => existsSync(f) && USES_MACHINE.test(readFileSync(f, "utf8")),
      );
      for (const settings of [
        { cores: 1, gil: true },
        { cores: 1, gil: false },
        { cores: 3, gil: false },
      ]) {
        await t.test(`${machine.length} programs on ${settings.cores} cores, GIL ${settings.gil ? "on" : "off"}`, async () => {
          assert.ok(machine.length >= 4, "the thread samples are among them");
          compared += await compare(page, machine, settings);
        });
      }
      t.diagnostic(`${compared} runs compared`);
    },
    { waitFor: '[data-testid="editor"]' },
  ),
);
