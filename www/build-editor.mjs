// Bundle www/editor.js (CodeMirror 6) into one classic script that defines
// window.LoopscopeEditor: target/www/loopscope-editor.js, which index.html
// loads. Run by trunk as a pre_build hook (Trunk.toml) and by `cargo xtask`
// before trunk. The file is rewritten only when its content changes, so
// `trunk serve` does not rebuild in a loop.
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "target", "www", "loopscope-editor.js");

const result = await build({
  absWorkingDir: root,
  entryPoints: ["www/editor.js"],
  bundle: true,
  format: "iife",
  minify: true,
  target: ["es2020"],
  legalComments: "eof",
  write: false,
  outfile,
  logLevel: "warning",
});
const code = result.outputFiles[0].contents;
let old = null;
try {
  old = readFileSync(outfile);
} catch {}
if (!old || !Buffer.from(code).equals(old)) {
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
  console.log(`editor bundle: ${outfile} (${(code.length / 1024).toFixed(0)} KiB)`);
}
