// A query that names a paper by its short title ("LoRA") finds the paper itself
// first, not only the equations named after it, which Pagefind weighs up.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheDirFor } from "../../src/site.config.ts";
import { launchChromium } from "../support/browser.ts";
import { runBuild } from "../support/build.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const lora = `${frontmatter({ title: '"LoRA: Low-Rank Adaptation of Large Language Models"' })}
Freeze the weights and learn a low-rank update.

## Method

$$
h = W_0 x + B A x \\label{eq:lora-forward}
$$

$$
\\Delta W = B A \\label{eq:lora-factor}
$$

$$
|\\Theta| = r (d + k) \\label{eq:lora-params}
$$
`;
const other = `${frontmatter({ title: '"Adapters Compared"', date: "2024-03-16" })}
LoRA and prefix tuning, side by side.
`;

const { contentDir, papersDir } = writePapers({ lora: lora, other });
const out = mkdtempSync(join(tmpdir(), "papernotes-search-names-"));
let browser: Browser;

beforeAll(async () => {
  const run = runBuild(out, { PAPERNOTES_CONTENT: contentDir });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const dir of [contentDir, out, cacheDirFor(papersDir)]) rmSync(dir, { recursive: true, force: true });
});

describe("a query that names a paper", () => {
  it("lists the paper itself first, then its equations named after it", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    await page.keyboard.press("/");
    await page.waitForFunction(() => document.activeElement?.id === "site-search-input");
    for (const query of ["LoRA", "lora"]) {
      await page.locator("#site-search-input").fill(query);
      await page.waitForSelector(`#site-search-results[data-query="${query}"]`);
      const hrefs = await page.locator(".search-result").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.replace(/^.*papers\//, "")));
      expect(hrefs[0], query).toBe("lora/index.html");
      expect(hrefs.slice(1).some((href) => href.startsWith("lora/index.html#eq-lora-")), query).toBe(true);
    }
    await page.close();
  });
});
