// trunk's post_build hook (Trunk.toml), on the staging directory before it
// becomes dist/: in release builds minify the wasm-bindgen glue
// (www/minify-glue.mjs); then in every build give the editor bundle its
// hashed name and name it in index.html (www/lazy-editor.mjs), check the
// wasm's integrity where it is fetched and say so if it fails to load
// (www/wasm-boot.mjs), and write the Content-Security-Policy into index.html
// (www/csp.mjs). One hook doing all in this order, because trunk runs the
// hooks of a stage at the same time, they all rewrite index.html, and the
// policy hashes the page's final inline scripts.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withCsp } from "./csp.mjs";
import { placeEditor } from "./lazy-editor.mjs";
import { minifyGlue } from "./minify-glue.mjs";
import { checkedBoot } from "./wasm-boot.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: run by trunk (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}
try {
  if (process.env.TRUNK_PROFILE === "release") await minifyGlue(staging);
  const htmlPath = join(staging, "index.html");
  const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
  const html = checkedBoot(placeEditor(staging, readFileSync(htmlPath, "utf8"), publicUrl));
  writeFileSync(htmlPath, withCsp(html, publicUrl));
  console.log("post-build: Content-Security-Policy written into index.html");
} catch (e) {
  console.error(`post-build: ${e.message}`);
  process.exit(1);
}
