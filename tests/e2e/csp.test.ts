// The site under its own strict Content-Security-Policy (issue #8): every page
// carries the policy in a <meta>, and works under it, hosted and from disk,
// while a reader uses everything that runs script: theme toggle, search,
// equation previews, copy buttons. Any violation or console error fails.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { KATEX_RULES } from "../../src/integrations/katex-assets.ts";
import { sha256Source } from "../../src/lib/csp.ts";
import { scrollIntoViewSettled } from "../support/browser.ts";
import { sitePages, useSeedSite } from "../support/seed-site.ts";
import { serveStatic, type StaticSite } from "../support/serve.ts";

/** Each selector of KaTeX's rules, with its declarations. */
const katexSelectors = new Set([...KATEX_RULES.matchAll(/([^{}]+)\{([^{}]*)\}/g)].flatMap(([, selectors, body]) => selectors!.split(",").map((selector) => `${selector}{${body}}`)));
/** KaTeX's stylesheet, or the part of it that the site's formulas use (see katexRulesFor): only selectors of KaTeX's, each with its own declarations. */
const isKatexRules = (css: string) => css.startsWith(".katex{") && [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].every(([, selectors, body]) => selectors!.split(",").every((selector) => katexSelectors.has(`${selector}{${body}}`)));

const seed = useSeedSite();
const pages = sitePages(inject("siteDir"));
const fileUrl = (path: string) => pathToFileURL(join(inject("siteDir"), path)).href;
/** The home page's policy; every page must carry the same one, so that a host can also send it as a header. */
const sitePolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(readFileSync(join(inject("siteDir"), "index.html"), "utf8"))![1]!;
const servers: StaticSite[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

type Watched = { cspViolations: string[] };

/** A context that records every CSP violation (from the first byte on), console error and page error. */
async function watchedContext(origin?: string): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await seed.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  if (origin) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await context.addInitScript(() => {
    const w = window as unknown as Watched;
    w.cspViolations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => w.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "?"} (${e.sourceFile}:${e.lineNumber})`),
      true,
    );
  });
  const problems: string[] = [];
  context.on("console", (m) => m.type() === "error" && problems.push(`${m.page()?.url()}: console: ${m.text()}`));
  context.on("weberror", (e) => problems.push(`${e.page()?.url()}: ${e.error().message}`));
  return { context, problems };
}

async function violationsOf(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => (window as unknown as Watched).cspViolations);
  return found.map((v) => `${page.url()}: ${v}`);
}

/** The page's own policy and the inline code it holds, checked against each other: what is wrong. */
async function markupProblems(page: Page, path: string): Promise<string[]> {
  const markup = await page.evaluate(() => {
    const metas = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')];
    const head = [...document.head.children];
    return {
      policies: metas.map((m) => m.getAttribute("content")),
      // Only <meta charset> may come before the policy: it covers what follows it.
      beforePolicy: head.slice(0, head.indexOf(metas[0]!)).map((e) => e.outerHTML),
      inlineScripts: [...document.scripts].filter((s) => !s.src).map((s) => ({ type: s.type, text: s.textContent ?? "" })),
      styles: [...document.querySelectorAll("style")].map((style) => style.textContent ?? ""),
      root: document.documentElement.getAttribute("data-root"),
      hasMath: document.querySelector(".katex") !== null,
      handlerAttributes: [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
    };
  });
  const problems: string[] = [];
  if (markup.policies.length !== 1 || markup.policies[0] !== sitePolicy) problems.push(`${path}: policy ${JSON.stringify(markup.policies)}`);
  if (markup.beforePolicy.join() !== '<meta charset="utf-8">') problems.push(`${path}: before the policy: ${markup.beforePolicy.join(" ")}`);
  // Every <style> is allowed by its hash; the site's own, with the fonts relative to this page, and KaTeX's.
  for (const css of markup.styles) if (!sitePolicy.includes(sha256Source(css))) problems.push(`${path}: <style> ${JSON.stringify(css.slice(0, 50))}… is not in the policy`);
  const katexStyles = markup.styles.filter(isKatexRules);
  const siteStyles = markup.styles.filter((css) => !isKatexRules(css));
  const fontUrl = `url(${markup.root}vendor/katex/fonts/KaTeX_Main-Regular.woff2)`;
  if (siteStyles.length !== 1 || !siteStyles[0]!.includes(fontUrl)) problems.push(`${path}: ${siteStyles.length} site <style> elements, expected one with ${fontUrl}`);
  // KaTeX's stylesheet exactly on the pages with math.
  if ((katexStyles.length === 1) !== markup.hasMath) problems.push(`${path}: KaTeX styles ${markup.hasMath ? "missing" : "on a page without math"}`);
  for (const handler of markup.handlerAttributes) problems.push(`${path}: inline event handler ${handler}`);
  for (const script of markup.inlineScripts) {
    // JSON-LD is data: the browser never runs it, so CSP does not apply.
    if (script.type === "application/ld+json") continue;
    const hash = sha256Source(script.text);
    if (!sitePolicy.includes(hash)) problems.push(`${path}: inline script ${JSON.stringify(script.text.slice(0, 50))}… (${hash}) is not in the policy`);
  }
  return problems;
}

/** Everything on the page that runs script, as a reader would use it. */
async function exercise(page: Page, path: string, backend: "pagefind" | "pagefind-disk"): Promise<void> {
  const themeBefore = await page.evaluate(() => document.documentElement.dataset.theme ?? "");
  // The first click also brings the page script, which then replays it.
  await page.locator(".theme-toggle").click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), { message: path }).toBe(themeBefore === "dark" ? "light" : "dark");

  await page.locator("#site-search-input").focus();
  await page.locator("#site-search-input").fill("noise objective");
  await page.waitForSelector('#site-search-results[data-query="noise objective"]');
  expect(await page.locator("#site-search-results").getAttribute("data-backend"), path).toBe(backend);
  expect(await page.locator(".search-result").count(), path).toBeGreaterThan(0);
  await page.keyboard.press("Escape");

  const ref = page.locator("a.eqref").first();
  if ((await ref.count()) > 0) {
    // At the top of the screen, the equation it refers to (above it) is out of view, and so previewed.
    await scrollIntoViewSettled(ref, "start");
    await ref.hover();
    await expect.poll(() => page.locator(".equation-popover").isVisible(), { message: path }).toBe(true);
  }

  const copy = page.locator(".equation-copy-tex, .code-copy, .cite-button").first();
  if ((await copy.count()) > 0) {
    await copy.scrollIntoViewIfNeeded();
    await copy.click();
    await expect.poll(() => copy.getAttribute("class"), { message: path }).toContain("is-copied");
  }
}

/** Shows the test can fail: an injected inline script is blocked, and reported. */
async function expectInjectedScriptBlocked(page: Page): Promise<void> {
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injectedRan = true";
    document.head.appendChild(script);
  });
  expect(await page.evaluate(() => (window as unknown as { injectedRan?: boolean }).injectedRan)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as Watched).cspViolations)).toEqual([expect.stringMatching(/^script-src-elem blocked inline/)]);
}

describe("Content-Security-Policy", () => {
  /** Opens each page, checks its markup against the policy, uses it; every problem found. */
  async function everyPage(urls: [path: string, url: string][], backend: "pagefind" | "pagefind-disk", origin?: string): Promise<{ violations: string[]; problems: string[] }> {
    const { context, problems } = await watchedContext(origin);
    const violations: string[] = []; // of the policy, or in it
    for (const [path, url] of urls) {
      const page = await context.newPage();
      await page.goto(url);
      violations.push(...(await markupProblems(page, path)));
      await exercise(page, path, backend);
      violations.push(...(await violationsOf(page)));
      await page.close();
    }
    await context.close();
    return { violations, problems };
  }

  it(`holds on every page served over http (${pages.length} pages), with everything used`, { timeout: 240_000 }, async () => {
    const { violations, problems } = await everyPage(pages.map((path) => [path, seed.site.url + path]), "pagefind", new URL(seed.site.url).origin);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(15);
  });

  it("holds on every page opened from disk (file://), search included", { timeout: 240_000 }, async () => {
    // 404.html included: its inline script drops its <base> (for hosts) from disk.
    const { violations, problems } = await everyPage(pages.map((path) => [path, fileUrl(path)]), "pagefind-disk");
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(15);
  });

  it("is enforced: an injected inline script is blocked and reported, hosted and from disk", async () => {
    const { context } = await watchedContext();
    for (const url of [seed.site.url + "papers/wuerstchen/", fileUrl("papers/wuerstchen/index.html")]) {
      const page = await context.newPage();
      await page.goto(url);
      await expectInjectedScriptBlocked(page);
      await page.close();
    }
    await context.close();
  });

  it("lets Pagefind compile its WebAssembly on the main thread, when it cannot start its worker", async () => {
    const { context, problems } = await watchedContext();
    await context.addInitScript(() => {
      (window as unknown as { Worker: unknown }).Worker = function () {
        throw new Error("no workers here");
      };
    });
    const page = await context.newPage();
    await page.goto(seed.site.url + "papers/wuerstchen/");
    await page.locator("#site-search-input").fill("noise objective");
    await page.waitForSelector('#site-search-results[data-query="noise objective"]');
    expect(await page.locator(".search-result").count()).toBeGreaterThan(0);
    expect(await violationsOf(page)).toEqual([]);
    await context.close();
    // Pagefind warns on the console that it falls back; nothing else may appear.
    expect(problems).toEqual([]);
  });

  it("also holds when a host sends it as a response header (which governs Pagefind's worker too)", async () => {
    const site = await serveStatic(inject("siteDir"), "/", { "Content-Security-Policy": sitePolicy });
    servers.push(site);
    const { context, problems } = await watchedContext(new URL(site.url).origin);
    const page = await context.newPage();
    const response = await page.goto(site.url + "papers/wuerstchen/");
    expect(response?.headers()["content-security-policy"]).toBe(sitePolicy);
    await exercise(page, "papers/wuerstchen/", "pagefind");
    expect(await violationsOf(page)).toEqual([]);
    await context.close();
    expect(problems).toEqual([]);
  });
});
