// Validators over every page of the built seed site (issue #8):
// html-validate with the repository's .htmlvalidate.json, and axe-core in
// Chromium in the light and the dark theme. Links and anchors are checked by
// the crawls in seed-site.test.ts and offline-and-base-path.test.ts.
// The config lets aria-label go wherever ARIA lets an element be named (as
// html-validate's "standard" preset does): a formula's <math> in a table header
// or heading is labelled (src/lib/katex-math-label.ts), as Chromium names
// nothing by MathML; MathML's own alttext, which the recommended rules prefer, it ignores.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import type { AxeResults } from "axe-core";
import { describe, expect, inject, it } from "vitest";
import { sitePages, useSeedSite } from "../support/seed-site.ts";

const seed = useSeedSite();
const pages = sitePages(inject("siteDir"));

describe("html-validate", () => {
  it("finds no error in any page", async () => {
    // The built site lives outside the repository, so the config is passed in.
    const config = JSON.parse(readFileSync(resolve(".htmlvalidate.json"), "utf8"));
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(inject("siteDir"), page));
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${page}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(errors).toEqual([]);
  });
});

describe("axe-core", () => {
  const AXE = resolve("node_modules/axe-core/axe.min.js");

  for (const theme of ["light", "dark"] as const) {
    it(`finds no serious or critical violation on any page in the ${theme} theme`, { timeout: 180_000 }, async () => {
      // The page's theme script reads the saved choice before first paint.
      // bypassCSP: the pages' own policy would block the injected axe script (csp.test.ts checks the policy).
      const context = await seed.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: theme, bypassCSP: true });
      await context.addInitScript((t) => localStorage.setItem("papernotes-theme", t), theme);
      const page = await context.newPage();
      const violations: string[] = [];
      expect(pages.length).toBeGreaterThanOrEqual(15);
      for (const path of pages) {
        await page.goto(seed.site.url + path);
        expect(await page.evaluate(() => document.documentElement.dataset.theme), path).toBe(theme);
        // A keyboard reader's first key press loads the page script, which gives
        // each wide formula a tab stop once its fonts are in.
        await page.keyboard.press("Tab");
        await page.waitForFunction(() => !("papernotesPending" in document));
        await page.evaluate(() => document.fonts.ready.then(() => new Promise(requestAnimationFrame)));
        await page.addScriptTag({ path: AXE });
        const results = await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run());
        for (const v of results.violations) {
          if (v.impact !== "serious" && v.impact !== "critical") continue;
          const targets = v.nodes.map((n) => n.target.join(" ")).slice(0, 8);
          violations.push(`${path}: ${v.id} (${v.impact}, ${v.nodes.length} nodes): ${targets.join(" | ")}`);
        }
      }
      await context.close();
      expect(violations).toEqual([]);
    });
  }
});
