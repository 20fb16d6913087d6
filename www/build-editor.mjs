// Bundle www/editor.js (CodeMirror 6) into one classic script that defines
// window.LoopscopeEditor: target/www/loopscope-editor.js, which index.html
// loads. Run by trunk as a pre_build hook (Trunk.toml) and by `cargo xtask`
// before trunk. The file is rewritten only when its content changes, so
// `trunk serve` does not rebuild in a loop.
//
// esbuild bundles and minifies; terser then compresses and renames once more,
// which gzips ~4 KB smaller (its names follow how often they occur). terser
// takes a few seconds, so it runs only when esbuild's output changed: that
// output is kept beside the bundle (loopscope-editor.esbuild.js) to compare.
import { build } from "esbuild";
import { minify } from "terser";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "target", "www", "loopscope-editor.js");
const stagefile = join(root, "target", "www", "loopscope-editor.esbuild.js");

const readOrNull = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
};

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
const bundled = Buffer.from(result.outputFiles[0].contents);
const oldBundled = readOrNull(stagefile);
const old = readOrNull(outfile);
if (!old || !oldBundled || !bundled.equals(oldBundled)) {
  const { code } = await minify(bundled.toString("utf8"), {
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: "some" },
  });
  const out = Buffer.from(code);
  mkdirSync(dirname(outfile), { recursive: true });
  if (!old || !out.equals(old)) writeFileSync(outfile, out);
  writeFileSync(stagefile, bundled);
  console.log(`editor bundle: ${outfile} (${(out.length / 1024).toFixed(0)} KiB)`);
}
