// Screenshots of the built page (dist/) for docs/screenshots/: samples at
// telling moments, on a laptop and a phone, light and dark. Run by
// `cargo xtask screenshots`; look at them before committing.
//   node tests/browser/screenshots.mjs
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, withPage } from "./helpers.mjs";

const out = join(ROOT, "docs", "screenshots");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const laptop = { width: 1366, height: 800 };
const phone = { width: 390, height: 844 };
const shots = [
  // Burgers while the kitchen cooks and the two of you keep chatting.
  { name: "burgers-laptop-light", path: "#example/burgers&step=20", viewport: laptop, colorScheme: "light" },
  // time.sleep holding the loop thread: the ticker starves.
  { name: "blocking-laptop-dark", path: "#example/blocking&step=36", viewport: laptop, colorScheme: "dark" },
  // A queue with backpressure, on a phone.
  { name: "queue-phone-light", path: "#example/queue&step=30", viewport: phone, colorScheme: "light", scrollTo: ".stage-pane" },
  { name: "burgers-phone-dark", path: "#example/burgers&step=12", viewport: phone, colorScheme: "dark" },
  // Threads: the GIL convoy (a worker holds the GIL, the loop waits for it) and 8 cashier-cooks.
  { name: "gil-convoy-laptop-light", path: "#example/gil-convoy&step=18", viewport: laptop, colorScheme: "light" },
  { name: "parallel-burgers-laptop-dark", path: "#example/parallel-burgers&step=70", viewport: laptop, colorScheme: "dark" },
  { name: "cleaning-house-phone-light", path: "#example/cleaning-house&step=60", viewport: phone, colorScheme: "light", scrollTo: ".stage-pane" },
];
for (const s of shots) {
  const file = join(out, `${s.name}.png`);
  await withPage(
    async (page) => {
      await page.waitForSelector('[data-testid="editor"] .cm-content');
      await page.evaluate(() => document.fonts?.ready);
      await page.waitForTimeout(400); // let leptos, CodeMirror and the card animations settle
      if (s.scrollTo) await page.locator(s.scrollTo).scrollIntoViewIfNeeded();
      await page.screenshot({ path: file });
    },
    { path: s.path, viewport: s.viewport, colorScheme: s.colorScheme, waitFor: '[data-testid="editor"]' },
  );
  console.log(`wrote ${file}`);
}
