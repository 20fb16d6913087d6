// How index.html starts the app's WebAssembly, mended after trunk has written
// it; called by www/post-build.mjs before the Content-Security-Policy hashes
// the inline script. Two things:
//
// - Integrity that is checked. trunk preloads the wasm with
//     <link rel=preload as=fetch href=…_bg.wasm integrity=sha384-…>
//   and its module script then fetches the same URL with no integrity.
//   Chromium ignores integrity on a preload of this kind (a console warning
//   on every load), so the wasm was never checked. The hash moves to the
//   fetch that counts: the script gives wasm-bindgen's init a Request with
//   that integrity, which the browser checks; the preload (same URL and mode)
//   still serves it, so the wasm is downloaded once.
// - A message when it fails. If the wasm cannot be fetched, fails its
//   integrity check or cannot be compiled, the page said nothing: the
//   "Loading loopscope…" line (index.html's .boot) now says what happened.

const LINK = /<link\b[^>]*\brel=["']?preload\b[^>]*>/gi;
const HREF = /\bhref=["']?([^"'\s>]+\.wasm)["']?/i;
const INTEGRITY = /\s+integrity=["']?(sha(?:256|384|512)-[A-Za-z0-9+/=]+)["']?/i;

/** What the .boot line says when the app's WebAssembly could not be loaded (`e` is the error). */
const FAILED =
  "'loopscope could not load its WebAssembly (' + (e && e.message || e) + '). " +
  "Reload the page to try again, in a browser with WebAssembly enabled.'";

/** `html` with the wasm checked by its integrity where it is fetched, and a message if it fails. */
export function checkedBoot(html) {
  const links = [...html.matchAll(LINK)].filter((m) => HREF.test(m[0]));
  if (links.length !== 1) {
    throw new Error(`wasm-boot: expected one preload link of a .wasm in index.html, found ${links.length}`);
  }
  const link = links[0][0];
  const href = link.match(HREF)[1];
  const integrity = link.match(INTEGRITY);
  if (!integrity) throw new Error(`wasm-boot: the preload of ${href} has no integrity attribute`);
  const call = `await init({ module_or_path: '${href}' })`;
  if (html.split(call).length !== 2) {
    throw new Error(`wasm-boot: expected index.html's module script to call ${call} once`);
  }
  const checked =
    `await init({ module_or_path: new Request('${href}', { integrity: '${integrity[1]}' }) }).catch((e) => {` +
    ` const p = document.querySelector('.boot');` +
    ` if (p) { p.textContent = ${FAILED}; p.classList.add('failed'); }` +
    ` throw e; })`;
  return html.replace(link, link.replace(integrity[0], "")).replace(call, checked);
}
