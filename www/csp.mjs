// The page's Content-Security-Policy, written into index.html as a <meta> tag
// after trunk has produced its final text (run by www/post-build.mjs). Scripts
// may come only from the page's own origin, plus the inline scripts trunk
// writes into index.html, each allowed by the SHA-256 of its exact text: the
// module script that loads the wasm-bindgen glue and, under `trunk serve`, the
// autoreload script. Nothing else inline runs: no injected inline <script>,
// no onerror= attribute, no eval. (The app does inject one <script>, the
// CodeMirror bundle's, after the first render: a file of the page's own
// origin, with its subresource integrity; www/lazy-editor.mjs.)
//
// Why each source is there:
//   default-src 'self'       anything not named below: the page's own files only
//   script-src 'self'        the wasm-bindgen glue, and the CodeMirror bundle the
//                            app adds after the first render
//     'wasm-unsafe-eval'     compiling the app's WebAssembly (no JS eval)
//     'sha256-…'             trunk's inline scripts, hashed here
//   style-src 'self'         www/style.css
//     'unsafe-inline'        CodeMirror writes its theme into <style> elements it
//                            creates at run time (style-mod; their text depends on
//                            the theme and panels shown, so it cannot be hashed,
//                            and a nonce in a static page would be public)
//   style-src-attr 'none'    no style="…" attributes: the app and CodeMirror set
//                            styles through the CSSOM (element.style), which CSP
//                            does not restrict; browsers that do not know
//                            style-src-attr fall back to style-src
//   img-src 'self' data:     the favicon is a data: SVG
//   connect-src 'self'       fetching the .wasm (and trunk serve's WebSocket to the
//                            same host, which 'self' covers in CSP level 3)
//   object-src, base-uri, form-action 'none'; frame-src 'none'
// (frame-ancestors cannot be set from a <meta> tag; it needs an HTTP header.)
import { createHash } from "node:crypto";

/** The policy for a page whose inline scripts have these texts. */
export function policyFor(inlineScripts) {
  const hashes = [...new Set(inlineScripts.map(sha256))].map((h) => `'${h}'`);
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "style-src-attr 'none'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * The CSP source expression of a script's text, as the browser computes it:
 * SHA-256 of the UTF-8 text after the HTML parser's newline normalisation.
 */
function sha256(text) {
  const normalised = text.replace(/\r\n?/g, "\n");
  return `sha256-${createHash("sha256").update(normalised, "utf8").digest("base64")}`;
}

// A <script> element and its text (minified or not: attributes may be unquoted).
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(^|\s)src\s*=/i;

/**
 * `html` with trunk's autoreload script made final and the policy's <meta> tag
 * first in <head> (after the charset declaration, before any script). Throws
 * if the page already has a policy (the hook ran twice on the same file).
 */
export function withCsp(html, publicUrl = "/") {
  if (/http-equiv=["']?content-security-policy/i.test(html)) {
    throw new Error("csp: index.html already has a Content-Security-Policy");
  }
  html = finalAutoreload(html, publicUrl);
  const inline = [...html.matchAll(SCRIPT)].filter((m) => !HAS_SRC.test(m[1])).map((m) => m[2]);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(inline)}">`;
  const charset = html.match(/<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i);
  const head = html.match(/<head\b[^>]*>/i);
  const at = charset ?? head;
  if (!at) throw new Error("csp: no <meta charset> or <head> in index.html to put the policy after");
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0 && firstScript < at.index) throw new Error("csp: a script comes before <head>");
  const end = at.index + at[0].length;
  return html.slice(0, end) + meta + html.slice(end);
}

/**
 * `trunk serve` injects an autoreload script whose text it changes on every
 * request (the server's address and WebSocket path fill placeholders), which
 * would break its hash. Fill them now with what the script can compute itself:
 * trunk's own fallback for the address (`window.location.host`) and the public
 * URL as the WebSocket base (trunk's default). The server then finds nothing
 * to replace and the text the browser hashes is the text hashed here.
 */
function finalAutoreload(html, publicUrl) {
  if (!html.includes("{{__TRUNK_ADDRESS__}}")) return html;
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  return html
    .replace(/(['"`])\{\{__TRUNK_ADDRESS__\}\}\1/g, "window.location.host")
    .replaceAll("{{__TRUNK_WS_BASE__}}", base);
}
