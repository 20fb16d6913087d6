// Screenshots of the built page (dist/) for docs/screenshots/: a laptop and a
// phone viewport, light and dark. Run by `cargo xtask screenshots`.
//   node tests/browser/screenshots.mjs [PATH-AND-HASH-TO-OPEN]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, withPage } from "./helpers.mjs";

const out = join(ROOT, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const path = process.argv[2] ?? "";

const viewports = {
  laptop: { width: 1366, height: 800 },
  phone: { width: 390, height: 844 },
};
for (const [name, viewport] of Object.entries(viewports)) {
  for (const colorScheme of ["light", "dark"]) {
    const file = join(out, `${name}-${colorScheme}.png`);
    await withPage(
      async (page) => {
        await page.evaluate(() => document.fonts?.ready);
        await page.waitForTimeout(300); // let leptos and CodeMirror settle
        await page.screenshot({ path: file });
      },
      { path, viewport, colorScheme },
    );
    console.log(`wrote ${file}`);
  }
}
