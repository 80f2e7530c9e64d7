// Crawls a built site in Chromium and records what a reader would hit:
// failed requests, console errors, requests to other origins, dead anchors.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Request } from "playwright-core";
import { expect } from "vitest";

export interface CrawlReport {
  pages: number;
  failedRequests: string[];
  consoleErrors: string[];
  foreignRequests: string[];
  unresolvedAnchors: string[];
}

/** How long a page may take to end its requests before the crawl moves on (and would cut them short, a failure). */
const SETTLE_MS = 5000;

/** Visits every page reachable from `start` by internal links (and checks that other linked files exist); checks each link's anchor. */
export async function crawl(context: BrowserContext, start: string): Promise<CrawlReport> {
  const root = start.replace(/[^/]*$/, "");
  const report: CrawlReport = { pages: 0, failedRequests: [], consoleErrors: [], foreignRequests: [], unresolvedAnchors: [] };
  const seen = new Set<string>([start]);
  const queue = [start];
  const idsByPage = new Map<string, Set<string>>();
  const wantedAnchors: [string, string, string][] = [];
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && report.consoleErrors.push(`${page.url()}: ${m.text()}`));
  page.on("pageerror", (e) => report.consoleErrors.push(`${page.url()}: ${e.message}`));
  page.on("requestfailed", (r) => {
    // Chromium drops a favicon fetch still under way when the crawl moves on.
    if (r.failure()?.errorText === "net::ERR_ABORTED" && r.url().endsWith("/favicon.svg")) return;
    report.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => r.status() >= 400 && report.failedRequests.push(`${r.url()} (${r.status()})`));
  page.on("request", (r) => !r.url().startsWith(root) && !r.url().startsWith("data:") && report.foreignRequests.push(r.url()));
  // Requests still under way: the crawl moves on only once each has ended, as a reader would have let it.
  const inFlight = new Set<Request>();
  page.on("request", (r) => inFlight.add(r));
  page.on("requestfinished", (r) => inFlight.delete(r));
  page.on("requestfailed", (r) => inFlight.delete(r));
  while (queue.length > 0) {
    const url = queue.shift()!;
    // The feed or a figure is no page to crawl (Chromium shows XML with a favicon fetch of its own): it only has to be there.
    if (!/(?:\.html|\/)$/.test(url)) {
      const status = url.startsWith("file:") ? (existsSync(fileURLToPath(url)) ? 200 : 404) : await page.request.get(url).then((response) => response.status());
      if (status >= 400) report.failedRequests.push(`${url} (${status})`);
      continue;
    }
    await page.goto(url);
    // A reader's page goes on to load the fonts its layout asks for; moving on
    // before they arrive would cut them short. A missing font still fails (404).
    await page.evaluate(() => {
      void document.body.offsetHeight; // a layout, which starts the font loads
      return document.fonts.ready.then(() => undefined);
    });
    // Fonts of content laid out later (content-visibility: auto) may start after that.
    for (const until = Date.now() + SETTLE_MS; inFlight.size > 0 && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 10));
    report.pages++;
    const { ids, links } = await page.evaluate(() => ({
      ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
      links: [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href),
    }));
    idsByPage.set(url, new Set(ids));
    for (const link of links) {
      if (!link.startsWith(root)) continue;
      const [target = "", hash] = link.split("#");
      if (hash) wantedAnchors.push([url, target, decodeURIComponent(hash)]);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  for (const [from, target, hash] of wantedAnchors) {
    if (!idsByPage.get(target)?.has(hash)) report.unresolvedAnchors.push(`${from} → ${target}#${hash}`);
  }
  await page.close();
  return report;
}

export function expectClean(report: CrawlReport, minimumPages: number) {
  expect(report.failedRequests).toEqual([]);
  expect(report.consoleErrors).toEqual([]);
  expect(report.foreignRequests).toEqual([]);
  expect(report.unresolvedAnchors).toEqual([]);
  expect(report.pages).toBeGreaterThanOrEqual(minimumPages);
}

