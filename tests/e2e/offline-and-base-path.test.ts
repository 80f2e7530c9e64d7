// One build, three ways to read it: at a domain root, under a sub-path, and
// from disk. Every page is crawled in real Chromium in each mode.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { crawl, expectClean } from "../support/crawl.ts";
import { runBuild } from "../support/build.ts";
import { serveStatic, type StaticSite } from "../support/serve.ts";

let browser: Browser;
const sites: StaticSite[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const site of sites) await site.close();
});

describe("(a) served at a domain root", () => {
  it("crawls clean", async () => {
    const site = await serveStatic(inject("siteDir"));
    sites.push(site);
    const context = await browser.newContext();
    expectClean(await crawl(context, site.url + "index.html"), 10);
    await context.close();
  });
});

describe("(b) served under a base path", () => {
  it("crawls clean, with canonical URLs under the base path", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-base-")), "dist");
    const build = runBuild(out, { BASE_PATH: "/notes/", SITE_URL: "https://user.github.io" });
    expect(build.status, build.stderr).toBe(0);
    const site = await serveStatic(out, "/notes/");
    sites.push(site);
    const context = await browser.newContext();
    expectClean(await crawl(context, site.url), 10);
    const page = await context.newPage();
    await page.goto(site.url + "papers/wuerstchen/");
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe("https://user.github.io/notes/papers/wuerstchen/");
    // On paper, the note says where it is found again; on screen it does not.
    expect(await page.locator(".print-url").isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".print-url").innerText()).toBe("https://user.github.io/notes/papers/wuerstchen/");
    await page.emulateMedia({ media: "screen" });
    // Search results lead into the sub-path, once (Pagefind's URLs carry it too).
    await page.locator("#site-search-input").fill("noise objective");
    await page.waitForSelector('#site-search-results[data-query="noise objective"]');
    await page.locator(".search-result").first().click();
    await page.waitForURL(/#eq-noise-objective$/);
    expect(new URL(page.url()).pathname).toBe("/notes/papers/wuerstchen/");
    // Links end in index.html (for file://); the address bar shows the page's folder, its query and anchor kept.
    await page.goto(site.url + "index.html?from=feed");
    await page.locator(".paper-card a", { hasText: "Würstchen" }).first().click();
    await page.waitForURL(site.url + "papers/wuerstchen/");
    await page.goto(site.url + "papers/designedit/index.html?x=1#eq-key-masked-attention");
    expect(page.url()).toBe(site.url + "papers/designedit/?x=1#eq-key-masked-attention");
    expect(await page.locator(":target").getAttribute("id")).toBe("eq-key-masked-attention");
    await page.goBack();
    expect(page.url()).toBe(site.url + "papers/wuerstchen/");
    await context.close();
    // Crawlers are told where the sitemap is, under the base path.
    expect(readFileSync(join(out, "robots.txt"), "utf8")).toBe("User-agent: *\nAllow: /\n\nSitemap: https://user.github.io/notes/sitemap-index.xml\n");
  });
});

describe("(c) opened from disk", () => {
  const fileUrl = () => pathToFileURL(join(inject("siteDir"), "index.html")).href;

  it("crawls clean: every page, stylesheet, font and anchor", async () => {
    const context = await browser.newContext();
    expectClean(await crawl(context, fileUrl()), 10);
    await context.close();
  });

  it("renders math in KaTeX's fonts and styles the page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(fileUrl().replace(/index\.html$/, "papers/wuerstchen/index.html#eq-noise-objective"));
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family));
    expect(loaded).toEqual(expect.arrayContaining(["KaTeX_Main", "KaTeX_Math"]));
    expect(await page.locator(".site-header").evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
    // Chromium marks the :target when it scrolls to it, which may come a frame after "load".
    await expect.poll(() => page.locator("#eq-noise-objective").evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    await context.close();
  });

  it("copies a formula permalink that opens the same equation from disk", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageUrl = fileUrl().replace(/index\.html$/, "papers/wuerstchen/index.html");
    await page.goto(pageUrl);
    // Without clipboard permission (as from disk) the script falls back to a selection copy.
    await page.evaluate(() => {
      const w = window as unknown as { copied: string[] };
      w.copied = [];
      navigator.clipboard.writeText = () => Promise.reject(new Error("no clipboard permission"));
      document.addEventListener("copy", () => w.copied.push((document.activeElement as HTMLTextAreaElement).value));
    });
    await page.locator("#eq-ddpm-update .equation-link").click();
    await expect.poll(() => page.locator("#eq-ddpm-update .equation-link").textContent()).toBe("Copied");
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([`${pageUrl}#eq-ddpm-update`]);
    await context.close();
  });

  it("follows a cross-paper \\eqref to the right anchor, and keeps the theme across pages", async () => {
    const context = await browser.newContext({ colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(fileUrl().replace(/index\.html$/, "papers/designedit/index.html"));
    await page.locator(".theme-toggle").click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark"); // once the page script has come
    await page.locator('a.eqref[data-preview="wuerstchen#eq-forward-diffusion"]').click();
    await page.waitForURL(/papers\/wuerstchen\/index\.html#eq-forward-diffusion$/);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    const box = (await page.locator("#eq-forward-diffusion").boundingBox())!;
    expect(box.y).toBeGreaterThan(40);
    expect(box.y).toBeLessThan(900);
    await context.close();
  });
});
