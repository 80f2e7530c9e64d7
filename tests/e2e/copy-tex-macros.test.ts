// The TeX button of a formula that uses the note's macros copies their
// definitions with it, so that the copy renders where it is pasted (another
// note, Overleaf, a KaTeX site): in a .md note (the fast path) and an MDX one
// (Astro's MDX compiler), on the formula list, hosted and from disk.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
import { formatProblem } from "../../src/lib/content-check-results.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import { launchChromium } from "../support/browser.ts";
import { runBuild, type BuildRun } from "../support/build.ts";
import { frontmatter, writePapers } from "../support/papers.ts";
import { serveStatic, type StaticSite } from "../support/serve.ts";

const body = String.raw`
$$
\newcommand{\E}{\mathbb{E}}
\newcommand{\KL}{D_{\mathrm{KL}}}
\newcommand{\Ex}[1]{\E_{x}[#1]}
\newcommand{\V}{\mathbb{V}}
$$

The objective:

$$
\Ex{\log p} + \KL(p \Vert q) \label{eq:x}
$$

Its mean, $\E[x]$:

$$
\E[x] = \mu \label{eq:mean}
$$

And one without macros:

$$
a = b \label{eq:plain}
$$
`;

const NOTES = {
  "plain.md": `${frontmatter({ title: '"Plain Markdown"' })}${body}`,
  // The MDX comment makes Astro's MDX compiler render it.
  "compiled.mdx": `${frontmatter({ title: '"Compiled MDX"' })}${body}\n{/* compiled by MDX */}\n`,
};

/** What the TeX buttons copy: the definitions each formula uses (\V is used by none), a line each, then the formula as written. */
const COPIED = {
  "eq-x": String.raw`\def\E{\mathbb{E}}
\def\KL{D_{\mathrm{KL}}}
\def\Ex#1{\E_{x}[#1]}
\Ex{\log p} + \KL(p \Vert q) \label{eq:x}`,
  "eq-mean": String.raw`\def\E{\mathbb{E}}
\E[x] = \mu \label{eq:mean}`,
  // As it always was: nothing added.
  "eq-plain": String.raw`a = b \label{eq:plain}`,
};

let browser: Browser;
let siteDir: string;
let site: StaticSite;
let build: BuildRun;

beforeAll(async () => {
  const { contentDir } = writePapers(NOTES);
  siteDir = join(mkdtempSync(join(tmpdir(), "papernotes-copy-macros-")), "dist");
  build = runBuild(siteDir, { PAPERNOTES_CONTENT: contentDir, CI: "1" });
  rmSync(contentDir, { recursive: true, force: true });
  if (build.status !== 0) throw new Error(`the site did not build:\n${build.stdout}\n${build.stderr}`);
  site = await serveStatic(siteDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (siteDir) rmSync(dirname(siteDir), { recursive: true, force: true });
});

async function open(url: string): Promise<Page> {
  const context = await browser.newContext();
  if (url.startsWith("http")) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Clicks a TeX button and reads the clipboard (hosted). */
async function copiedBy(page: Page, button: string): Promise<string> {
  await page.locator(button).click();
  await expect.poll(() => page.locator(button).textContent()).toBe("Copied"); // once the page script has come
  return page.evaluate(() => navigator.clipboard.readText());
}

describe("a formula's TeX button", () => {
  it("copies the definitions of the note's macros the formula uses before it, the same from a .md note and an MDX one, and nothing more for a formula that uses none", async () => {
    expect(build.stdout).toContain("compiled.mdx uses MDX"); // the other render path indeed
    for (const slug of ["plain", "compiled"]) {
      const page = await open(`${site.url}papers/${slug}/`);
      for (const [anchor, copied] of Object.entries(COPIED)) expect(await copiedBy(page, `#${anchor} .equation-copy-tex`), `${slug} #${anchor}`).toBe(copied);
      // No bytes for a formula that uses no macro of the note.
      expect(await page.locator("#eq-plain .equation-copy-tex").getAttribute("data-macros")).toBeNull();
      await page.context().close();
    }
  });

  it("gives what, pasted into a new note between $$ lines, passes the check and renders: each formula, and two in one note", async () => {
    const page = await open(`${site.url}papers/plain/`);
    const x = await copiedBy(page, "#eq-x .equation-copy-tex");
    const mean = await copiedBy(page, "#eq-mean .equation-copy-tex");
    await page.context().close();
    const { contentDir, papersDir } = writePapers({ pasted: `${frontmatter()}\n$$\n${x}\n$$\n\nThen\n\n$$\n${mean}\n$$\n` });
    const check = await checkContent(papersDir, "/", { render: true });
    rmSync(contentDir, { recursive: true, force: true });
    // No warning either: a \def may define a name again, as a second pasted formula does.
    expect([...check.problems, ...check.warnings].map((p) => formatProblem(p))).toEqual([]);
    const html = paperHtml(check.rendered.get("pasted")!);
    expect([html.match(/class="mord mathbb">E</g)?.length, /class="mord mathrm[^"]*">KL</.test(html), html.includes('id="eq-x"'), html.includes('id="eq-mean"')]).toEqual([2, true, true, true]);
  });

  it("copies the same from the formula list", async () => {
    const page = await open(`${site.url}formulas/`);
    for (const title of ["Plain Markdown", "Compiled MDX"]) {
      const group = page.locator(".formula-group", { has: page.getByRole("link", { name: title }) });
      const buttons = group.locator(".equation-copy-tex");
      expect(await buttons.count()).toBe(3);
      for (const [n, copied] of Object.values(COPIED).entries()) {
        await buttons.nth(n).click();
        await expect.poll(() => buttons.nth(n).textContent()).toBe("Copied");
        expect(await page.evaluate(() => navigator.clipboard.readText()), `${title} (${n + 1})`).toBe(copied);
      }
      expect(await buttons.nth(2).getAttribute("data-macros")).toBeNull();
    }
    await page.context().close();
  });

  it("copies the same from disk, where the page copies through a selection", async () => {
    for (const path of ["papers/compiled/index.html", "formulas/index.html"]) {
      const page = await open(pathToFileURL(join(siteDir, path)).href);
      // Without clipboard permission (as from disk) the script falls back to a selection copy.
      await page.evaluate(() => {
        const w = window as unknown as { copied: string[] };
        w.copied = [];
        navigator.clipboard.writeText = () => Promise.reject(new Error("no clipboard permission"));
        document.addEventListener("copy", () => w.copied.push((document.activeElement as HTMLTextAreaElement).value));
      });
      const buttons = page.locator(".equation-copy-tex");
      const count = await buttons.count();
      for (let n = 0; n < count; n++) {
        await buttons.nth(n).click();
        await expect.poll(() => buttons.nth(n).textContent()).toBe("Copied");
      }
      const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
      expect(copied, path).toEqual(path.startsWith("formulas") ? [...Object.values(COPIED), ...Object.values(COPIED)] : Object.values(COPIED));
      await page.context().close();
    }
  });
});
