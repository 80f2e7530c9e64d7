// `npm run dev` as a writer uses it: a saved note shows in the open page, a
// new note gets its page, and a problem is shown on the page (the server stays
// up, also when it starts with one) until a save fixes it.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { frontmatter } from "../support/papers.ts";

const contentDir = mkdtempSync(join(tmpdir(), "papernotes-dev-"));
const papersDir = join(contentDir, "papers");
const note = (slug: string) => join(papersDir, `${slug}.mdx`);
const BROKEN = "Broken: $\\eqref{eq:nope}$.";
let server: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;
let log = "";

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

beforeAll(async () => {
  cpSync(resolve("content/papers"), papersDir, { recursive: true });
  // The server starts with a problem in a note.
  appendFileSync(note("wuerstchen"), `\n${BROKEN}\n`);
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  server = spawn(process.execPath, [resolve("node_modules/astro/bin/astro.mjs"), "dev", "--host", "127.0.0.1", "--port", String(port)], {
    // As from a shell: without vitest's variables (under them Vite watches no file) and NODE_ENV=test.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "NODE_ENV" && key !== "TEST")), PAPERNOTES_CONTENT: contentDir },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk) => (log += chunk));
  server.stderr!.on("data", (chunk) => (log += chunk));
  // Any answer: with the problem, the pages show it (and the home page lists no paper: 404).
  for (const started = Date.now(); (await fetch(url).then((r) => r.status, () => 0)) === 0; await new Promise((r) => setTimeout(r, 500))) {
    if (server.exitCode !== null || Date.now() - started > 120_000) throw new Error(`the dev server did not come up:\n${log}`);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
});

/**
 * A new tab for each step: a tab still open on the last step's page may be
 * reloading as the server sees a change. Right after a change, Vite sometimes
 * leaves a first load hanging, so a load gets a second try. The steps after
 * the first two are checked through the log and fetch: after a new note, or a
 * problem saved and fixed while the server ran, page loads in Chromium hung in
 * some runs (about 3 of 10; not understood yet), while the server still
 * answered fetch. The overlay itself is checked in the first step.
 */
async function open(path: string): Promise<void> {
  await page?.close();
  page = await browser.newPage();
  await page.goto(url + path, { waitUntil: "domcontentloaded", timeout: 15_000 }).catch(() => page.goto(url + path, { waitUntil: "domcontentloaded", timeout: 15_000 }));
}

const shows = (text: string) => page.getByText(text, { exact: false }).first().isVisible().catch(() => false);

describe("the dev server", () => {
  it("stays up through a problem it starts with, shows it with its place, and recovers once it is fixed", async () => {
    expect(server.exitCode).toBeNull();
    expect(log).toMatch(/wuerstchen\.mdx:\d+:\d+: \\eqref\{eq:nope\}/);
    await open("papers/designedit/");
    await expect.poll(() => shows("\\eqref{eq:nope}: no equation on this page"), { timeout: 20_000 }).toBe(true);
    // The overlay's place is the note's line, not the layout that threw.
    expect(await page.getByText(/^papers\/wuerstchen\.mdx:\d+:9$/).first().isVisible()).toBe(true);
    // The terminal names the note too, not a frame of the code that reported it.
    expect(stripVTControlCharacters(log)).toMatch(/\[ERROR\] \[papernotes:papers\] 1 problem in the papers/); // colours on under CI
    expect(log).not.toMatch(/build-handoff\.ts/);
    writeFileSync(note("wuerstchen"), readFileSync(note("wuerstchen"), "utf8").replace(BROKEN, ""));
    // The open page reloads by itself.
    await expect.poll(() => page.locator("h1").first().textContent().catch(() => null), { timeout: 30_000 }).toMatch(/^DesignEdit/);
  });

  it("shows a saved edit to a plain note in the open page", async () => {
    await open("papers/wuerstchen/");
    writeFileSync(note("wuerstchen"), readFileSync(note("wuerstchen"), "utf8").replace("## Sampling", "A sentence saved just now.\n\n## Sampling"));
    await expect.poll(() => shows("A sentence saved just now."), { timeout: 30_000 }).toBe(true);
  });

  it("reports a problem saved while it runs, with its place, stays up, and serves the page again once fixed", async () => {
    const before = log.length;
    appendFileSync(note("self-rewarding-language-models"), `\n${BROKEN}\n`);
    await expect.poll(() => log.slice(before), { timeout: 30_000 }).toMatch(/self-rewarding-language-models\.mdx:\d+:\d+: \\eqref\{eq:nope\}/);
    expect(server.exitCode).toBeNull();
    // A page of another paper, asked meanwhile, shows the problem; the terminal tells of nothing else
    // (it told of an empty collection, a missing page and an error of our code in a page that was fine).
    // (The overlay is drawn by the page's client script: fetch gets its shell, with the error's status.)
    expect(await fetch(url + "papers/wuerstchen/").then((r) => r.status)).toBe(500);
    expect(stripVTControlCharacters(log.slice(before))).not.toMatch(/does not exist or is empty|getStaticPaths|no rendered HTML|no paper index|content loader has not run/);
    // Once a save: the pages that fail with it (and the browser's /favicon.ico) do not print it again.
    expect(await fetch(url + "favicon.ico").then((r) => r.status)).toBe(404);
    await expect.poll(() => log.slice(before), { timeout: 10_000 }).toContain("/favicon.ico/");
    expect(log.slice(before).match(/self-rewarding-language-models\.mdx:\d+:\d+: \\eqref\{eq:nope\}/g)).toHaveLength(1);
    writeFileSync(note("self-rewarding-language-models"), readFileSync(note("self-rewarding-language-models"), "utf8").replace(BROKEN, "Fixed at last."));
    await expect.poll(() => fetch(url + "papers/self-rewarding-language-models/").then((r) => r.text(), () => ""), { timeout: 30_000 }).toContain("Fixed at last.");
  });

  it("serves a new note's page, with its equation numbered", async () => {
    writeFileSync(note("fresh"), `${frontmatter({ title: '"A Fresh Note"' })}\n$$\na = b \\label{eq:ab}\n$$\n\nSee $\\eqref{eq:ab}$.\n`);
    await expect.poll(() => fetch(url + "papers/fresh/").then((r) => r.status), { timeout: 30_000 }).toBe(200);
    expect(await fetch(url + "papers/fresh/").then((r) => r.text())).toMatch(/<div class="equation" id="eq-ab" data-equation="1">/);
  });

  it("shows a draft at its own page, marked as one, and in no list", async () => {
    writeFileSync(note("wip"), `${frontmatter({ title: '"A Draft In Progress"', draft: "true" })}\n$$\na = b \\label{eq:ab}\n$$\n\nSee $\\eqref{eq:ab}$.\n`);
    await expect.poll(() => fetch(url + "papers/wip/").then((r) => r.status), { timeout: 30_000 }).toBe(200);
    const html = await fetch(url + "papers/wip/").then((r) => r.text());
    expect(html).toMatch(/<p class="draft-preview" role="note"[^>]*>Draft: only the dev server shows this page/);
    expect(html).toMatch(/<div class="equation" id="eq-ab" data-equation="1">/);
    expect(await fetch(url).then((r) => r.text())).not.toContain("A Draft In Progress");
  });

  // Retried once: one of two CI runs on 2026-12-05 found the home page without the note for 10 s after its last
  // save, which 20 runs by hand, some with CPU burners, never did. A failure prints the home page's list and the dev log.
  it("serves a note that starts to use MDX while it runs, and again once it stops, listed once", { retry: 1 }, async () => {
    const before = log.length;
    writeFileSync(note("turns"), `${frontmatter({ title: '"A Note That Turns"' })}\nPlain at first.\n`);
    await expect.poll(() => fetch(url + "papers/turns/").then((r) => r.text(), () => ""), { timeout: 30_000 }).toContain("Plain at first.");
    // With the MDX notes listed once at start, it was on no page ("Page not found") until a restart.
    writeFileSync(note("turns"), `${frontmatter({ title: '"A Note That Turns"' })}\nexport const counts = [1, 2]\n\nCounted: {counts.length}.\n`);
    await expect.poll(() => fetch(url + "papers/turns/").then((r) => r.text(), () => ""), { timeout: 30_000 }).toContain("Counted: 2.");
    writeFileSync(note("turns"), `${frontmatter({ title: '"A Note That Turns"' })}\nPlain again.\n`);
    await expect.poll(() => fetch(url + "papers/turns/").then((r) => r.text(), () => ""), { timeout: 30_000 }).toContain("Plain again.");
    // Polled: the page may show the note (its MDX module, compiled again) a moment before the
    // plain notes' check has listed it, as the MDX loader has dropped it.
    let home = "";
    try {
      await expect.poll(async () => (home = await fetch(url).then(async (r) => `${r.status}\n${await r.text()}`)).split("A Note That Turns").length - 1, { timeout: 10_000 }).toBe(1);
    } catch (error) {
      const listed = [...home.matchAll(/class="paper-card-title"[^>]*>\s*<a[^>]*>([^<]*)/g)].map((m) => m[1]).join(" | ");
      throw new Error(`${(error as Error).message}\nthe home page: status ${home.split("\n")[0]}, listing ${listed}\nthe dev log since the first save:\n${stripVTControlCharacters(log.slice(before)).slice(-6000)}`);
    }
    // Each save is told once, by the check ("checked the papers again"), not also as data reloaded.
    expect(stripVTControlCharacters(log.slice(before))).not.toMatch(/Reloaded data from/);
  });

  it("tells of a frontmatter typo once, at its line, not again as Astro's schema error", async () => {
    const before = log.length;
    const text = readFileSync(note("designedit"), "utf8");
    writeFileSync(note("designedit"), text.replace(/^summary:/m, "sumary:"));
    try {
      await expect.poll(() => log.slice(before), { timeout: 30_000 }).toMatch(/checked the papers again after a change to [^\n]*designedit\.mdx/);
      expect(log.slice(before)).toMatch(/designedit\.mdx:\d+:1: unknown frontmatter key "sumary"; did you mean summary\?/);
      // Astro's loader of MDX notes told of it too ("**summary**: Required", "****: Unrecognized key").
      expect(stripVTControlCharacters(log.slice(before))).not.toMatch(/does not match collection schema/);
    } finally {
      writeFileSync(note("designedit"), text);
    }
    await expect.poll(() => fetch(url + "papers/designedit/").then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200);
  });

  it("serves a new plain .md note's page", async () => {
    writeFileSync(join(papersDir, "plain.md"), `${frontmatter({ title: '"A Plain Markdown Note"' })}\nWritten as .md, with $x^2$.\n`);
    await expect.poll(() => fetch(url + "papers/plain/").then((r) => r.status), { timeout: 30_000 }).toBe(200);
    expect(await fetch(url + "papers/plain/").then((r) => r.text())).toMatch(/Written as \.md, with <span class="math-nowrap"><span class="katex">/);
  });
});
