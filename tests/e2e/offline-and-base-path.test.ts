// One build, three ways to read it: at a domain root, under a sub-path, and
// from disk. Every page is crawled in real Chromium in each mode.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
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

/**
 * The 404 page, opened at `missingUrl` (as a host serves it, at any missing URL,
 * or from disk): every link, its page script (theme toggle, search) and its
 * favicon come from the site at `siteUrl`, not from the host's or the disk's root.
 */
async function expectNotFoundPageWorks(page: Page, missingUrl: string, siteUrl: string) {
  const failed: string[] = [];
  page.on("requestfailed", (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => r.status() >= 400 && r.url() !== missingUrl && failed.push(`${r.url()} (${r.status()})`));
  // Chromium logs the missing page's own 404 status as an error; nothing else may appear.
  page.on("console", (m) => m.type() === "error" && m.location().url !== missingUrl && failed.push(`console: ${m.text()} (${m.location().url})`));
  const response = await page.goto(missingUrl);
  if (missingUrl.startsWith("http")) expect(response?.status()).toBe(404);
  expect(await page.locator("h1").textContent()).toBe("Page not found");
  const links = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  expect(links.length).toBeGreaterThanOrEqual(6);
  expect(links.filter((link) => !link.startsWith(siteUrl))).toEqual([]);
  expect(await page.getByRole("link", { name: /Home/ }).evaluate((a) => (a as HTMLAnchorElement).href)).toBe(siteUrl + "index.html");
  await page.locator(".theme-toggle").click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark"); // once the page script has come
  await page.locator("#site-search-input").fill("noise objective");
  await page.waitForSelector('#site-search-results[data-query="noise objective"]');
  await page.locator(".search-result").first().click();
  await page.waitForURL(/#eq-noise-objective$/);
  expect(page.url().replace(/index\.html(?=#)/, "")).toBe(siteUrl + "papers/wuerstchen/#eq-noise-objective");
  expect(failed).toEqual([]);
}

describe("(a) served at a domain root", () => {
  it("crawls clean", async () => {
    const site = await serveStatic(inject("siteDir"));
    sites.push(site);
    const context = await browser.newContext();
    expectClean(await crawl(context, site.url + "index.html"), 10);
    await context.close();
  });

  it("serves a 404 page at a missing URL folders deep whose links, theme toggle and search work", async () => {
    const site = await serveStatic(inject("siteDir"), "/", {}, { notFoundPage: true });
    sites.push(site);
    const context = await browser.newContext({ colorScheme: "light" });
    await expectNotFoundPageWorks(await context.newPage(), site.url + "no/such/page/", site.url);
    await context.close();
  });
});

describe("(b) served under a base path", () => {
  const out = join(mkdtempSync(join(tmpdir(), "papernotes-base-")), "dist");
  let site: StaticSite;
  beforeAll(async () => {
    const build = runBuild(out, { BASE_PATH: "/notes/", SITE_URL: "https://user.github.io" });
    expect(build.status, build.stderr).toBe(0);
    site = await serveStatic(out, "/notes/", {}, { notFoundPage: true });
    sites.push(site);
  });

  it("crawls clean, with canonical URLs under the base path", async () => {
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

  it("serves a 404 page at a missing URL folders deep whose links, theme toggle and search stay under the base path", async () => {
    const context = await browser.newContext({ colorScheme: "light" });
    await expectNotFoundPageWorks(await context.newPage(), site.url + "no/such/page/", site.url);
    await context.close();
  });
});

describe("(c) opened from disk", () => {
  const fileUrl = () => pathToFileURL(join(inject("siteDir"), "index.html")).href;

  it("crawls clean: every page, stylesheet, font and anchor", async () => {
    const context = await browser.newContext();
    expectClean(await crawl(context, fileUrl()), 10);
    await context.close();
  });

  it("opens 404.html (from a file listing) with links, favicon, theme toggle and search into the site, not the disk's root", async () => {
    const context = await browser.newContext({ colorScheme: "light" });
    const notFound = fileUrl().replace(/index\.html$/, "404.html");
    expectClean(await crawl(context, notFound), 10);
    await expectNotFoundPageWorks(await context.newPage(), notFound, fileUrl().replace(/index\.html$/, ""));
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
