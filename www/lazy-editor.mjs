// The CodeMirror bundle is loaded after the page's first render, by the app
// (crates/web/src/editor.rs), not by index.html. trunk copies it into the
// staging directory as it is (index.html's copy-file link); here, called by
// www/post-build.mjs, it gets a content hash in its name (so a new bundle is
// never served from a stale cache) and index.html names it, with its
// subresource integrity, in a tag the app reads:
//
//   <meta name="loopscope-editor" content="/loopscope-editor-<hash>.js" data-integrity="sha384-…">
//
// A <meta>, not a preload link: the point is that nothing fetches the bundle
// before the page has rendered. `cargo xtask size` reads the same tag to tell
// the initial download from the bundle loaded after it.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";

const BUNDLE = "loopscope-editor.js";

/**
 * Rename `staging`/loopscope-editor.js to loopscope-editor-<hash>.js and
 * return `html` with the <meta> tag naming it after <meta charset> (or <head>).
 */
export function placeEditor(staging, html, publicUrl = "/") {
  const path = join(staging, BUNDLE);
  if (!existsSync(path)) {
    throw new Error(`lazy-editor: no ${BUNDLE} in ${staging} (index.html's copy-file link copies it there)`);
  }
  if (/<meta\s[^>]*name=["']?loopscope-editor\b/i.test(html)) {
    throw new Error("lazy-editor: index.html already names the editor bundle");
  }
  const bytes = readFileSync(path);
  const name = `loopscope-editor-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.js`;
  renameSync(path, join(staging, name));
  const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  const meta = `<meta name="loopscope-editor" content="${base}${name}" data-integrity="${integrity}">`;
  const at = html.match(/<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i) ?? html.match(/<head\b[^>]*>/i);
  if (!at) throw new Error("lazy-editor: no <meta charset> or <head> in index.html to put the tag after");
  const end = at.index + at[0].length;
  console.log(`lazy-editor: ${name} (${bytes.length} bytes), loaded after the first render`);
  return html.slice(0, end) + meta + html.slice(end);
}
