// What a reader's browser loads for one paper page before touching anything.
import { relative } from "node:path";
import { launchChromium } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/serve.ts";

export async function measurePage(siteDir: string, pageFile: string): Promise<{ jsBeforeInteraction: number; fonts: number; fontFormats: string[] }> {
  const site = await serveStatic(siteDir);
  const browser = await launchChromium();
  const page = await browser.newPage();
  let js = 0;
  const fonts: string[] = [];
  page.on("response", async (response) => {
    const type = response.request().resourceType();
    const size = (await response.body().catch(() => Buffer.alloc(0))).length;
    if (type === "script") js += size;
    if (type === "font") fonts.push(response.url());
  });
  await page.goto(site.url + relative(siteDir, pageFile));
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState("networkidle");
  // Inline scripts count too: they run before any interaction. JSON-LD is data, not code.
  js += await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')].reduce((n, s) => n + (s.textContent ?? "").length, 0));
  await browser.close();
  await site.close();
  return { jsBeforeInteraction: js, fonts: fonts.length, fontFormats: [...new Set(fonts.map((f) => f.split(".").pop()!))] };
}
