// Minify wasm-bindgen's JS glue (loopscope-web-*.js) with esbuild in release
// builds: trunk's own JS minifier cannot parse it and leaves it as it is
// (41 KB). Called by www/post-build.mjs (trunk's post_build hook) on the
// staging directory before it becomes dist/; the glue's integrity hash in
// index.html is updated to match.
import { transform } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Minify the glue in `staging` and update index.html's integrity hash for it. */
export async function minifyGlue(staging) {
  const htmlPath = join(staging, "index.html");
  let html = readFileSync(htmlPath, "utf8");
  const glue = readdirSync(staging).filter((f) => /^loopscope-web-.*\.js$/.test(f));
  if (glue.length !== 1) {
    throw new Error(`minify-glue: expected one loopscope-web-*.js in ${staging}, found ${glue.length}`);
  }
  const file = join(staging, glue[0]);
  const before = readFileSync(file);
  const { code } = await transform(before.toString("utf8"), {
    format: "esm",
    minify: true,
    target: "es2020",
    legalComments: "none",
  });
  const after = Buffer.from(code);
  // The glue is loaded by a modulepreload link with an integrity attribute.
  const oldHash = sri(before);
  if (html.includes(oldHash)) html = html.split(oldHash).join(sri(after));
  writeFileSync(file, after);
  writeFileSync(htmlPath, html);
  console.log(`minify-glue: ${glue[0]} ${before.length} -> ${after.length} bytes`);
}
