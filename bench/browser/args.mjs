// The command line shared by wasm-bench.mjs and wasm-profile.mjs: options
// (each script's own parser), then the Python programs to run.
import { readFileSync } from "node:fs";
import { basename } from "node:path";

/**
 * The options and the programs ([name, source] pairs) named on the command
 * line, or `{ exit }`: the status to end with, the usage or the error
 * already printed.
 */
export function readCommandLine(parseArgs, usage) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${usage}`);
    return { exit: 2 };
  }
  if (opts.help || opts.files.length === 0) {
    console.error(usage);
    return { exit: opts.help ? 0 : 2 };
  }
  const programs = opts.files.map((f) => [basename(f).replace(/\.py$/, ""), readFileSync(f, "utf8")]);
  return { opts, programs };
}
