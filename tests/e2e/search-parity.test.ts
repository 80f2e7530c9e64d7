// Search gives the same answers hosted and from disk (where Pagefind's files
// come as scripts): ~20 fixed queries (English, mixed Chinese, formula names)
// against the 1000-paper corpus of ../shared/bench, whose index has 8 shards.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { runBuild } from "../support/build.ts";
import { serveStatic, type StaticSite } from "../support/serve.ts";

const PAPERS = 1000;
let browser: Browser;
let site: StaticSite;
let siteDir: string;
let contentDir: string;

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "papernotes-parity-"));
  contentDir = join(work, "content");
  const made = spawnSync(process.execPath, [resolve("../shared/bench/make-corpus.mjs"), "--papers", String(PAPERS), "--out", contentDir], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`make-corpus failed: ${made.stderr}`);
  siteDir = join(work, "dist");
  const build = runBuild(siteDir, { PAPERNOTES_CONTENT: contentDir });
  if (build.status !== 0) throw new Error(`the corpus did not build:\n${build.stderr}`);
  site = await serveStatic(siteDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Fixed queries, read from the deterministic corpus (seed 7): titles, mixed zh, formula names. */
function parityQueries(): { query: string; expected: string }[] {
  const read = (n: number) => {
    const slug = `paper-${String(n).padStart(5, "0")}`;
    const text = readFileSync(join(contentDir, "papers", `${slug}.mdx`), "utf8");
    return { slug, text, title: /^title: "(.*)"$/m.exec(text)![1]!, zh: /^lang: zh$/m.test(text) };
  };
  const queries: { query: string; expected: string }[] = [];
  const english = Array.from({ length: 60 }, (_, i) => read(i * 16 + 3)).filter((p) => !p.zh).slice(0, 7);
  for (const p of english) queries.push({ query: p.title, expected: p.slug });
  const chinese = Array.from({ length: 120 }, (_, i) => read(i * 8 + 5)).filter((p) => p.zh).slice(0, 7);
  const headings = ["方法", "实验", "训练细节", "背景", "概述", "局限性", "方法"];
  chinese.forEach((p, i) => queries.push({ query: `${headings[i]} ${p.title}`, expected: p.slug }));
  const formulaPapers = [11, 222, 444, 666, 777, 999].map(read);
  for (const p of formulaPapers) {
    const label = /\\label\{eq:([a-z0-9-]+)\}/.exec(p.text)![1]!;
    queries.push({ query: `${label.replace(/-/g, " ")} ${p.title}`, expected: p.slug });
  }
  return queries;
}

/** Each query's results, each as a path in the site ("papers/x/#anchor"): where its link leads, from the home page (`root`). */
async function resultsOf(page: Page, root: string, queries: string[]): Promise<string[][]> {
  await page.locator("#site-search-input").focus();
  await page.waitForFunction(() => "PapernotesSearch" in window);
  return page.evaluate(
    async ([root, qs]) => {
      const search = (window as unknown as { PapernotesSearch: { search: (q: string) => Promise<{ href: string }[]> } }).PapernotesSearch.search;
      const all: string[][] = [];
      for (const q of qs) {
        const urls = (await search(q)).map((result) => new URL(result.href, location.href).href);
        all.push(urls.map((url) => (url.startsWith(root) ? url.slice(root.length).replace(/index\.html(#|$)/, "$1") : `(outside the site) ${url}`)));
      }
      return all;
    },
    [root, queries] as const,
  );
}

describe(`search parity on the ${PAPERS}-paper corpus`, () => {
  it("gives the same results for every query, hosted and from disk, and the right page first", async () => {
    const queries = parityQueries();
    expect(queries.length).toBe(20);
    const hosted = await browser.newPage();
    await hosted.goto(site.url);
    const offline = await browser.newPage();
    const offlineRoot = pathToFileURL(siteDir).href + "/";
    await offline.goto(offlineRoot + "index.html");
    // Links into every shard's pages: those of the merged Pagefind shards once led to "./http://…" (a 404).
    const fromServer = await resultsOf(hosted, site.url, queries.map((q) => q.query));
    const fromDisk = await resultsOf(offline, offlineRoot, queries.map((q) => q.query));
    expect(fromDisk).toEqual(fromServer);
    expect(fromServer.map((results) => results[0]?.replace(/#.*$/, "") ?? "(none)")).toEqual(queries.map((q) => `papers/${q.expected}/`));
  });

  it("lists a whole page of equations numbered as asked (\"(3)\", \"equation 4\") when many papers have one, before sections that mention the number", async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.locator("#site-search-input").focus();
    await page.waitForFunction(() => "PapernotesSearch" in window);
    const headings = (query: string) =>
      page.evaluate(async (query) => {
        const search = (window as unknown as { PapernotesSearch: { search: (q: string) => Promise<{ heading: string }[]> } }).PapernotesSearch.search;
        return (await search(query)).map((result) => result.heading);
      }, query);
    // Pagefind ranks pages: a page's sections that mention a 3 took the places of other papers' (3).
    for (const [query, number] of [["(3)", "(3)"], ["equation 4", "(4)"]] as const) {
      const found = await headings(query);
      expect(found, query).toHaveLength(8);
      expect(found.filter((heading) => !heading.startsWith(`${number} `)), query).toEqual([]);
    }
    await page.close();
  });

  it("lists the papers of an author before those whose authors have the first and last name apart (\"Weizhe Song\", not \"Weizhe Jia, Pablo Song\")", async () => {
    const authorsOf = new Map<string, string[]>();
    for (const name of readdirSync(join(contentDir, "papers"))) {
      authorsOf.set(name.replace(/\.mdx?$/, ""), JSON.parse(/^authors: (.*)$/m.exec(readFileSync(join(contentDir, "papers", name), "utf8"))![1]!));
    }
    const papersOf = new Map<string, number>();
    for (const authors of authorsOf.values()) for (const author of authors) papersOf.set(author, (papersOf.get(author) ?? 0) + 1);
    const [author] = [...papersOf].sort((a, b) => b[1] - a[1])[0]!;
    const page = await browser.newPage();
    await page.goto(site.url);
    const [hrefs] = await resultsOf(page, site.url, [author]);
    const byAuthor = hrefs!.map((href) => authorsOf.get(/papers\/([^/]+)\//.exec(href)![1]!)!.includes(author));
    // Each hit of the author's papers comes before any hit of a paper by others.
    expect(byAuthor[0], author).toBe(true);
    expect(byAuthor, author).toEqual([...byAuthor].sort((a, b) => Number(b) - Number(a)));
    await page.close();
  });
});
