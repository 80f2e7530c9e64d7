// The built seed site (from the e2e global setup), served on 127.0.0.1, with a
// Chromium to read it: set up once per test file.
import { relative, sep } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { listFiles } from "../../src/postbuild/relative-urls.ts";
import { launchChromium } from "./browser.ts";
import { serveStatic, type StaticSite } from "./serve.ts";

export function useSeedSite(): { readonly browser: Browser; readonly site: StaticSite } {
  let browser: Browser | undefined;
  let site: StaticSite | undefined;
  beforeAll(async () => {
    site = await serveStatic(inject("siteDir"));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get site() {
      return site!;
    },
  };
}

/** Every page of a built site, as paths inside it ("papers/x/index.html"), sorted. */
export function sitePages(siteDir: string): string[] {
  return listFiles(siteDir, ".html")
    .map((path) => relative(siteDir, path).split(sep).join("/"))
    .sort();
}
