// Search speed as a reader sees it, hosted and from disk: the first query (which
// loads the index) to its results, the bytes loaded meanwhile, and then the
// median keystroke-to-rendered-results time.
import { statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { launchChromium } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/serve.ts";

const QUERIES = ["noise objective", "attention", "融合", "DPO loss", "潜在空间", "sampling update", "layer normalization", "奖励 模型"];

export interface SearchFigures {
  medianMs: number;
  firstQueryMs: number;
  bytesBeforeFirstResult: number;
}

/** Time from the keystroke that completes a query to its results in the DOM. */
async function keystrokeToResults(page: Page, query: string): Promise<number> {
  await page.locator("#site-search-input").fill(query.slice(0, -1));
  await page.waitForTimeout(50);
  return page.evaluate(
    (q) =>
      new Promise<number>((resolve) => {
        const input = document.getElementById("site-search-input") as HTMLInputElement;
        const panel = document.getElementById("site-search-results")!;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (panel.getAttribute("data-query") === q) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }
        });
        observer.observe(panel, { attributes: true, childList: true });
        input.value = q;
        input.dispatchEvent(new Event("input"));
      }),
    query,
  );
}

async function measure(page: Page, home: string, hosted: boolean): Promise<SearchFigures> {
  await page.goto(home);
  await page.waitForLoadState("networkidle");
  let bytes = 0;
  let counting = hosted;
  page.on("response", async (response) => {
    if (counting) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
  });
  // From disk there are no responses, and search loads every file by a script tag (removed once run): their files' sizes.
  await page.evaluate(() => {
    const added: string[] = ((window as unknown as { addedScripts: string[] }).addedScripts = []);
    new MutationObserver((changes) => {
      for (const change of changes) for (const node of change.addedNodes) if (node instanceof HTMLScriptElement && node.src.startsWith("file:")) added.push(node.src);
    }).observe(document.head, { childList: true });
  });
  await page.locator("#site-search-input").focus();
  const firstQueryMs = await keystrokeToResults(page, QUERIES[0]!);
  await page.waitForTimeout(200);
  counting = false;
  if (!hosted) bytes = (await page.evaluate(() => (window as unknown as { addedScripts: string[] }).addedScripts)).reduce((sum, src) => sum + statSync(fileURLToPath(src)).size, 0);
  const times: number[] = [];
  for (const query of QUERIES) times.push(await keystrokeToResults(page, query));
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, firstQueryMs, bytesBeforeFirstResult: bytes };
}

export async function measureSearch(siteDir: string): Promise<{ hosted: SearchFigures; offline: SearchFigures }> {
  const site = await serveStatic(siteDir);
  const browser = await launchChromium();
  const hosted = await measure(await browser.newPage(), site.url, true);
  const offline = await measure(await browser.newPage(), pathToFileURL(join(siteDir, "index.html")).href, false);
  await browser.close();
  await site.close();
  return { hosted, offline };
}
