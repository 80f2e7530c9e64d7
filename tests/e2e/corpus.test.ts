// The synthetic 200-paper corpus from ../shared/bench: every \eqref, cross-paper
// ones included, becomes a working link, and one build crawls clean at a domain
// root, under a base path and from disk.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMonthSpan } from "../../src/lib/format.ts";
import { FORMULAS_PER_PAGE } from "../../src/lib/formula-pages.ts";
import { listFiles } from "../../src/postbuild/relative-urls.ts";
import { searchShardOf } from "../../src/postbuild/search-index.ts";
import { launchChromium } from "../support/browser.ts";
import { runBuild } from "../support/build.ts";
import { crawl, expectClean } from "../support/crawl.ts";
import { serveStatic } from "../support/serve.ts";

const PAPERS = 200;
const MAKE_CORPUS = resolve("../shared/bench/make-corpus.mjs");
let browser: Browser;
let siteDir: string;

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "papernotes-corpus-"));
  const made = spawnSync(process.execPath, [MAKE_CORPUS, "--papers", String(PAPERS), "--out", join(work, "content")], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`make-corpus failed: ${made.stderr}`);
  siteDir = join(work, "dist");
  const build = runBuild(siteDir, { PAPERNOTES_CONTENT: join(work, "content"), BASE_PATH: "/notes/" });
  if (build.status !== 0) throw new Error(`the corpus did not build:\n${build.stderr}`);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe(`a ${PAPERS}-paper corpus`, () => {
  it("resolves every \\eqref to an equation that exists on its target page", () => {
    const pages = listFiles(join(siteDir, "papers"), ".html");
    expect(pages).toHaveLength(PAPERS);
    let refs = 0;
    let crossPaper = 0;
    for (const page of pages) {
      const html = readFileSync(page, "utf8");
      for (const [, href] of html.matchAll(/<a href="([^"]*)" class="eqref"/g)) {
        refs++;
        const [file = "", anchor] = href!.split("#");
        const target = file === "" ? html : readFileSync(resolve(page, "..", file), "utf8");
        if (file !== "") crossPaper++;
        expect(target, `${page} → ${href}`).toContain(`id="${anchor}"`);
      }
    }
    expect(refs).toBeGreaterThanOrEqual(PAPERS * 8);
    expect(crossPaper).toBe(PAPERS);
  });

  it("pages the home list, 50 papers at a time, newest first", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(siteDir, "index.html")).href);
    expect(await page.locator(".paper-card").count()).toBe(50);
    const dates = await page.locator(".paper-card time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!));
    expect([...dates].sort().reverse()).toEqual(dates);
    await page.getByRole("link", { name: /Older/ }).click();
    await page.waitForURL(/\/2\/index\.html$/);
    expect(await page.locator(".paper-card").count()).toBe(50);
    expect(await page.title()).toBe("Page 2 of 4 · papernotes");
    // Under its heading, the months of its papers, oldest first.
    const onPage = (await page.locator(".paper-card time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!))).map((day) => new Date(`${day}T00:00:00Z`));
    expect(await page.locator(".intro p").textContent()).toBe(formatMonthSpan(onPage.at(-1)!, onPage[0]!, "en"));
    expect(await page.locator(".intro p").textContent()).toMatch(/^[A-Z][a-z]+( \d{4})?\s–\s[A-Z][a-z]+ \d{4}$|^[A-Z][a-z]+ \d{4}$/);
    // Any page is a click away: the first, the last, and two either side of this one.
    const pager = page.getByRole("navigation", { name: "Pages" });
    expect(await pager.locator("ol").innerText()).toMatch(/^1\s+2\s+3\s+4$/);
    expect(await pager.locator("[aria-current=page]").textContent()).toBe("2");
    await pager.getByRole("link", { name: "Page 4 of 4" }).click();
    await page.waitForURL(/\/4\/index\.html$/);
    expect(await page.locator(".paper-card").count()).toBe(PAPERS - 150);
    await page.close();
  });

  it("pages the formula list by formulas, with page numbers above and below it, and the feed holds the newest 50 notes", async () => {
    // Every labelled equation is on one page, no page holds more than FORMULAS_PER_PAGE but for a paper alone, and no paper is split.
    const last = readdirSync(join(siteDir, "formulas")).filter((name) => /^\d+$/.test(name)).length + 1;
    expect(last).toBeGreaterThan(10);
    const lists = Array.from({ length: last }, (_, n) => readFileSync(join(siteDir, "formulas", n === 0 ? "" : String(n + 1), "index.html"), "utf8"));
    const papersOf = lists.map((html) => [...html.matchAll(/<section class="formula-group"[^>]*><h2><a href="(?:\.\.\/)*([^"]+)"/g)].map((m) => m[1]!));
    const formulasOf = lists.map((html) => html.match(/<li class="formula-item">/g)?.length ?? 0);
    for (const [n, count] of formulasOf.entries()) if (papersOf[n]!.length > 1) expect(count, `formulas/${n + 1}`).toBeLessThanOrEqual(FORMULAS_PER_PAGE);
    expect(new Set(papersOf.flat()).size).toBe(papersOf.flat().length);
    const total = Number(lists[0]!.match(/([\d,]+) labelled equations/)![1]!.replace(/,/g, ""));
    expect(formulasOf.reduce((a, b) => a + b, 0)).toBe(total);

    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(siteDir, "formulas/5/index.html")).href);
    const pagers = page.locator(".pager");
    expect(await pagers.count()).toBe(2); // above the list (a group) and below it (the landmark)
    expect(await page.getByRole("navigation", { name: "Pages" }).count()).toBe(1);
    expect((await pagers.first().locator("ol").innerText()).split(/\s+/)).toEqual(["1", "…", "3", "4", "5", "6", "7", "…", String(last)]);
    await pagers.first().getByRole("link", { name: `Page ${last} of ${last}` }).click();
    await page.waitForURL(new RegExp(`/formulas/${last}/index\\.html$`));
    expect(await page.locator("[aria-current=page]").first().textContent()).toBe(String(last));
    expect(await page.locator(".formula-item").count()).toBe(formulasOf.at(-1));
    await page.close();
    const feed = readFileSync(join(siteDir, "rss.xml"), "utf8");
    expect(feed.match(/<item>/g)).toHaveLength(50);
  });

  // Each crawl loads every page (about 250) in Chromium: over a minute on a slow machine.
  const CRAWL_TIMEOUT = 300_000;

  it("crawls clean from disk", { timeout: CRAWL_TIMEOUT }, async () => {
    const context = await browser.newContext();
    expectClean(await crawl(context, pathToFileURL(join(siteDir, "index.html")).href), PAPERS);
    await context.close();
  });

  for (const base of ["/", "/notes/"]) {
    it(`links each search hit to its page over http under ${base}, from every search shard`, async () => {
      const site = await serveStatic(siteDir, base);
      const page = await browser.newPage();
      await page.goto(site.url);
      await page.locator("#site-search-input").focus();
      await page.waitForFunction(() => "PapernotesSearch" in window);
      const hits = await page.evaluate(async (queries) => {
        const search = (window as unknown as { PapernotesSearch: { search: (q: string) => Promise<{ href: string }[]> } }).PapernotesSearch.search;
        const urls: string[] = [];
        for (const query of queries) for (const hit of await search(query)) urls.push(new URL(hit.href, location.href).href.replace(/#.*$/, ""));
        return [...new Set(urls)];
      }, ["method", "方法", "loss", "diffusion", "experiments"]);
      // Pages of more than one shard (a merged Pagefind shard's hits once linked to "./http://…").
      const shards = Number(/=(\d+);/.exec(readFileSync(join(siteDir, "search/shards.js"), "utf8"))![1]);
      expect(shards).toBeGreaterThan(1);
      const inSite = hits.map((url) => (url.startsWith(site.url) ? url.slice(site.url.length) : url));
      expect(new Set(inSite.map((path) => searchShardOf(path, shards))).size).toBeGreaterThan(1);
      const broken = [];
      for (const url of hits) if ((await fetch(url)).status !== 200) broken.push(url);
      expect(broken).toEqual([]);
      await page.close();
      await site.close();
    });

    it(`crawls clean over http under ${base}`, { timeout: CRAWL_TIMEOUT }, async () => {
      const site = await serveStatic(siteDir, base);
      const context = await browser.newContext();
      expectClean(await crawl(context, site.url + "index.html"), PAPERS);
      await context.close();
      await site.close();
    });
  }
});
