// A reader's path through the built seed site, in real Chromium over http.
import { rmSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import { scrollIntoViewSettled } from "../support/browser.ts";
import { frontmatter, writePapers } from "../support/papers.ts";
import { sitePages, useSeedSite } from "../support/seed-site.ts";

const seed = useSeedSite();
const problems: string[] = [];

async function open(path: string, options: { width?: number } = {}): Promise<Page> {
  const context = await seed.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(seed.site.url).origin });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`${path}: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`${path}: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`${path}: failed ${r.url()}`));
  await page.goto(seed.site.url + path);
  return page;
}

/** KaTeX fonts really in use: loaded FontFaces (document.fonts.check lies). */
async function loadedKatexFonts(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => [...document.fonts].filter((f) => f.family.includes("KaTeX") && f.status === "loaded").map((f) => f.family));
}

const SEEDS = [
  { slug: "wuerstchen", title: /Würstchen/, lang: "en", code: "python" },
  { slug: "designedit", title: /DesignEdit/, lang: "zh-CN", code: undefined },
  { slug: "self-rewarding-language-models", title: /Self-Rewarding/, lang: "zh-CN", code: "text" },
];

describe("home page", () => {
  it("lists the seed papers newest first with date, reading time and authors", async () => {
    const page = await open("");
    const titles = await page.locator(".paper-card-title").allTextContents();
    expect(titles.map((t) => t.trim().split(":")[0])).toEqual(["DesignEdit", "Würstchen", "Self-Rewarding Language Models"]);
    const metas = await page.locator(".paper-card .paper-meta").allTextContents();
    expect(metas[1]).toMatch(/^March 15, 2024 · \d+ min · Pablo Pernias, Dominic Rampas, Mats L\. Richter et al\.$/);
    expect(metas[0]).toMatch(/^2024年4月2日 · \d+ 分钟 · Yueru Jia、/);
    await page.context().close();
  });

  for (const seed of SEEDS) {
    it(`links to ${seed.slug}, which renders its formulas in KaTeX fonts and highlights its code`, async () => {
      const page = await open("");
      await page.getByRole("link", { name: seed.title }).first().click();
      // Hosted, the address is the page's folder (links end in index.html, for file://).
      await page.waitForURL(new RegExp(`/papers/${seed.slug}/$`));
      expect(await page.locator("html").getAttribute("lang")).toBe(seed.lang);
      expect(await page.locator(".katex").count()).toBeGreaterThan(10);
      expect(await page.locator(".katex-error, [mathcolor='#cc0000']").count()).toBe(0);
      expect(await loadedKatexFonts(page)).toContain("KaTeX_Main");
      const mathFont = await page.locator(".katex-html .mathnormal").first().evaluate((el) => getComputedStyle(el).fontFamily);
      expect(mathFont).toContain("KaTeX_Math");
      // Every display equation is numbered with real text.
      const numbers = await page.locator(".equation[data-equation]").evaluateAll((els) => els.map((e) => e.getAttribute("data-equation")));
      expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
      const languages = await page.locator("pre.astro-code").evaluateAll((els) => els.map((e) => e.getAttribute("data-language")));
      expect(languages).toEqual(seed.code ? [seed.code] : []);
      if (seed.code === "python") {
        const colors = await page.locator("pre.astro-code span[style*='--shiki-light']").evaluateAll((els) => new Set(els.map((e) => getComputedStyle(e).color)).size);
        expect(colors).toBeGreaterThan(3);
      }
      await page.context().close();
    });
  }
});

describe("a Chinese note", () => {
  it("names every control in Chinese, and marks the site's English footer and the paper's English title as English", async () => {
    const page = await open("papers/designedit/");
    const names = await page.locator("body [aria-label], body button[title]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? e.getAttribute("title")!));
    expect(names.length).toBeGreaterThan(5);
    // Names of things (TeX, BibTeX) stay as they are.
    expect(names.filter((name) => /[A-Za-z]{3,}/.test(name.replace(/\b(?:Bib)?TeX\b/g, "")))).toEqual([]);
    expect(await page.locator(".theme-toggle").getAttribute("aria-label")).toBe("切换深色主题");
    expect(await page.locator(".site-footer p").getAttribute("lang")).toBe("en");
    // The paper's English title, on a Chinese page, is read as English.
    expect(await page.locator("h1").getAttribute("lang")).toBe("en");
    await page.context().close();
  });
});

/** Selects in the page with `select`, copies with Ctrl+C, and reads the clipboard's text. */
async function copySelection(page: Page, select: () => void): Promise<string> {
  await page.evaluate(select);
  await page.keyboard.press("Control+C");
  return page.evaluate(() => navigator.clipboard.readText());
}

describe("formula links", () => {
  it("lands on the Würstchen noise objective, in view, clear of the header, and highlighted", async () => {
    const page = await open("papers/wuerstchen/#eq-noise-objective");
    const equation = page.locator("#eq-noise-objective");
    await expect.poll(() => equation.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    const box = (await equation.boundingBox())!;
    const header = (await page.locator(".site-header").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(await equation.getAttribute("data-equation")).toBe("4");
    await page.context().close();
  });

  it("lands an equation near the top of a short window, where the header scrolls away with the page and needs no room kept", async () => {
    const page = await seed.browser.newPage({ viewport: { width: 1280, height: 450 } });
    await page.goto(seed.site.url + "papers/wuerstchen/#eq-noise-objective");
    await page.evaluate(() => document.fonts.ready);
    const top = await page.locator("#eq-noise-objective").evaluate((el) => el.getBoundingClientRect().top);
    expect(await page.locator(".site-header").evaluate((el) => getComputedStyle(el).position)).toBe("absolute");
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThanOrEqual(24); // 1rem, and the number shown above a landed equation
    await page.close();
  });

  it("copies the equation's permalink, at the address the reader is on when the canonical host is elsewhere, and shows that it did", async () => {
    // Arrived from a shared link with a tracking query, which is no part of the permalink.
    const page = await open("papers/wuerstchen/?utm_source=chat");
    const link = page.locator("#eq-ddpm-update .equation-link");
    await link.focus(); // keyboard-reachable
    await page.keyboard.press("Enter");
    await expect.poll(() => link.textContent()).toMatch(/Copied/);
    // The seed site is built without SITE_URL: its canonical host, example.org, is a placeholder.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${seed.site.url}papers/wuerstchen/#eq-ddpm-update`);
    expect(new URL(page.url()).hash).toBe("#eq-ddpm-update");
    // The keyboard stays where it was, and a screen reader hears what happened.
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.locator("#page-status[role=status]").textContent()).toBe("Link copied");
    // Arrived by a link from another paper, which names index.html (for file://): the same permalink.
    await page.goto(`${seed.site.url}papers/wuerstchen/index.html`);
    await page.locator("#eq-ddpm-update .equation-link").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${seed.site.url}papers/wuerstchen/#eq-ddpm-update`);
    await page.context().close();
  });

  it("copies the canonical permalink when the page is served from the canonical host", async () => {
    const context = await seed.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(seed.site.url).origin });
    const page = await context.newPage();
    // As if built with SITE_URL set to this server: same page, canonical on this origin.
    await page.route("**/papers/wuerstchen/index.html", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replaceAll("https://example.org/", new URL(seed.site.url).origin + "/") });
    });
    await page.goto(seed.site.url + "papers/wuerstchen/index.html");
    await page.locator("#eq-ddpm-update .equation-link").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(seed.site.url).origin}/papers/wuerstchen/#eq-ddpm-update`);
    await context.close();
  });

  it("moves :target to the equation whose ¶ was clicked, without a jump or a history entry, and shows Copied under the pointer", async () => {
    const page = await open("papers/wuerstchen/#eq-noise-objective");
    const link = page.locator("#eq-ddpm-update .equation-link");
    await link.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => ({ y: scrollY, entries: history.length }));
    await page.locator("#eq-ddpm-update").hover();
    await link.click();
    await expect.poll(() => link.getAttribute("class")).toContain("is-copied");
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("eq-ddpm-update");
    expect(await page.evaluate(() => ({ y: scrollY, entries: history.length }))).toEqual(before);
    expect(new URL(page.url()).hash).toBe("#eq-ddpm-update");
    // The pointer is still on the button: its "Copied" must not be blue on blue.
    const colors = await link.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    expect(colors[0]).not.toBe(colors[1]);
    // Ctrl-click is the browser's: the permalink opens in a new tab, and nothing is copied.
    const [opened] = await Promise.all([page.context().waitForEvent("page"), page.locator("#eq-noise-objective .equation-link").click({ modifiers: ["Control"] })]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).hash).toBe("#eq-noise-objective");
    expect(await page.locator("#eq-noise-objective .equation-link").getAttribute("class")).not.toContain("is-copied");
    await page.context().close();
  });

  it("makes the address an equation's permalink when its number is clicked, the first click on the page included, without a jump or a copy", async () => {
    const page = await open("papers/wuerstchen/");
    await page.evaluate(() => navigator.clipboard.writeText("untouched"));
    const number = page.locator("#eq-ddpm-update .katex-tag");
    await number.scrollIntoViewIfNeeded();
    expect(await number.evaluate((el) => getComputedStyle(el).cursor)).toBe("pointer");
    // Where the equation is on screen: scrollY itself moves as formulas above it are first laid out (content-visibility), the screen does not.
    const place = () => page.evaluate(() => ({ top: Math.round(document.getElementById("eq-ddpm-update")!.getBoundingClientRect().top), entries: history.length }));
    // Laid out, in its fonts: a locator's click would scroll again if the number still moved, which is no jump of ours.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)))));
    const box = (await number.boundingBox())!;
    const before = await place();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // before the page script has come: held, then replayed
    await page.waitForURL(/#eq-ddpm-update$/);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("eq-ddpm-update");
    const after = await place();
    expect(after.entries).toBe(before.entries);
    expect(Math.abs(after.top - before.top), `${before.top} then ${after.top}`).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("untouched");
    await page.locator("#eq-noise-objective .katex-tag").click();
    await page.waitForURL(/#eq-noise-objective$/);
    await page.context().close();
  });

  it("opens ¶ in a new tab on a Ctrl-click that comes before the page script", async () => {
    const page = await open("papers/wuerstchen/");
    const [opened] = await Promise.all([page.context().waitForEvent("page"), page.locator("#eq-noise-objective .equation-link").click({ modifiers: ["Control"] })]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).hash).toBe("#eq-noise-objective");
    await page.context().close();
  });

  it("copies the LaTeX source of an equation", async () => {
    const page = await open("papers/wuerstchen/");
    const button = page.locator("#eq-noise-objective .equation-copy-tex");
    await button.click();
    await expect.poll(() => button.getAttribute("class")).toContain("is-copied"); // once the page script has come
    const tex = await page.evaluate(() => navigator.clipboard.readText());
    expect(tex).toContain("\\label{eq:noise-objective}");
    expect(tex).toContain("10^{-5}");
    await page.context().close();
  });

  it("copies a selection with formulas in it as their TeX, without the equation's buttons", async () => {
    const page = await open("papers/wuerstchen/");
    await page.locator("h1").click(); // the page script, and with it KaTeX's copy-tex, arrive with a first click
    await page.waitForFunction(() => [...document.scripts].some((script) => script.src.endsWith("vendor/katex/copy-tex.js")));
    await page.waitForTimeout(200);
    // From the paragraph before equation (1) to the one after it, as a reader drags.
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStartBefore(document.querySelector("#eq-vqgan")!.previousElementSibling!);
      range.setEndAfter(document.querySelector("#eq-vqgan")!.nextElementSibling!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.keyboard.press("Control+C");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("with parameters $\\Theta$ and a codebook");
    // The TeX as the author wrote it: its label, and not the \tag that numbers it on the page.
    // Each $$ on a line of its own: pasted into a note, it is a display (below).
    expect(copied).toMatch(/\n\$\$\n\\begin\{aligned\}\n[\s\S]*\\end\{aligned\}\n\\label\{eq:vqgan\}\n\$\$\nThe compression/);
    expect(copied).not.toContain("\\tag");
    expect(copied).not.toContain("¶");
    // A reference to it as written too, not its number frozen: "the reconstructions in (1)" pasted into LaTeX would stay (1).
    expect(copied).toContain("the reconstructions in $\\eqref{eq:vqgan}$ are nearly lossless");
    // Pasted into a note, as an author takes a formula from another note, it passes the check: numbered, its reference resolved.
    const { contentDir, papersDir } = writePapers({ pasted: `${frontmatter()}\n${copied}\n` });
    const check = await checkContent(papersDir, "/", { render: true });
    rmSync(contentDir, { recursive: true, force: true });
    expect([check.problems.map((p) => p.reason), check.formulas > 2, paperHtml(check.rendered.get("pasted")!)]).toEqual([[], true, expect.stringContaining('href="#eq-vqgan"')]);
    // The rich copy (for a document editor) gives the TeX too, without the buttons.
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item!.types.includes("text/html") ? (await item!.getType("text/html")).text() : "";
    });
    expect(html).toContain("$$\n\\begin{aligned}");
    // There a reference stays a link to its equation, which a document editor keeps.
    expect(html).toMatch(/the reconstructions in <a href="http[^"]+\/papers\/wuerstchen\/#eq-vqgan"[^>]*>\(1\)<\/a> are/);
    // A selection with a reference and no formula (copy-tex leaves it to the browser) gives the reference as written.
    const sentence = await copySelection(page, () => {
      const link = document.querySelector('a.eqref[href="#eq-vqgan"]')!;
      const range = document.createRange();
      range.setStart(link.previousSibling!, 0);
      range.setEnd(link.nextSibling!, " are nearly lossless".length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    expect(sentence).toMatch(/reconstructions in \$\\eqref\{eq:vqgan\}\$ are nearly lossless$/);
    expect(html).not.toMatch(/equation-tools|katex-mathml/);
    // Its links lead somewhere once pasted elsewhere: whole URLs, as the browser's own copy gives them.
    await copySelection(page, () => {
      const range = document.createRange();
      // A paragraph with a formula, so that the copy is the page's (copy-tex's), not the browser's own.
      range.selectNodeContents([...document.querySelectorAll("p")].find((p) => p.querySelector('a.eqref[href="#eq-noise-objective"]') && p.querySelector(".katex"))!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const linked = await page.evaluate(async () => (await (await navigator.clipboard.read())[0]!.getType("text/html")).text());
    expect(linked).toContain(`href="${seed.site.url}papers/wuerstchen/#eq-noise-objective"`);
    expect(linked).not.toMatch(/href="(?!https?:)/);
    // Past the note (the whole page), the browser's own copy: nothing hidden, one table of contents.
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+C");
    const page_ = await page.evaluate(() => navigator.clipboard.readText());
    expect(page_).not.toContain("@inproceedings");
    expect(page_.split("On this page").length - 1).toBe(1);
    // ...with each formula as its TeX, not its glyphs twice over (MathML and HTML).
    expect(page_).toContain("decoder $f_\\Theta^{-1}$ reconstructs");
    expect(page_).not.toMatch(/𝑋|\\tag/);
    // From the title into the note, the same.
    const fromTitle = await copySelection(page, () => {
      const range = document.createRange();
      range.setStartBefore(document.querySelector("h1")!);
      range.setEndAfter(document.querySelector("#eq-vqgan")!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    expect(fromTitle).toMatch(/^Würstchen: An Efficient Architecture[\s\S]*\n\$\$\n\\begin\{aligned\}[\s\S]*\\label\{eq:vqgan\}\n\$\$\n*$/);
    expect(fromTitle).not.toMatch(/𝑋|@inproceedings/);
    // A selection inside one display formula is that formula, as a display.
    const inside = await copySelection(page, () => {
      const html = document.querySelector("#eq-vqgan .katex-html")!;
      const range = document.createRange();
      range.setStart(html, 1);
      range.setEnd(html, 2);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    expect(inside).toMatch(/^\$\$\n\\begin\{aligned\}[\s\S]*\\label\{eq:vqgan\}\n\$\$$/);
    // The rich copy too, as text: its & is not markup.
    const insideHtml = await page.evaluate(async () => (await (await navigator.clipboard.read())[0]!.getType("text/html")).text());
    expect(insideHtml).toMatch(/\$\$\n\\begin\{aligned\}\nX_q &amp;= f_\\Theta\(X\)/);
    await page.context().close();
  });

  it("names each listed formula by its label's words, spelled as its note spells them", async () => {
    const page = await open("formulas/");
    const names = await page.locator(".formula-name").allTextContents();
    // eq:ddpm-update, eq:vqgan, eq:stage-b, eq:dpo-loss, eq:bradley-terry; eq:noise-objective as it was.
    expect(names).toEqual(expect.arrayContaining(["(6) DDPM update", "(1) VQGAN", "(2) Stage B", "(4) DPO loss", "(2) Bradley–Terry", "(4) noise objective"]));
    // Closing cuts off what is still loading (the favicon, after the page's load), which the page health test counts as failed.
    await page.waitForLoadState("networkidle");
    await page.context().close();
  });

  it("copies entries of the formula list a line each, as the TeX their authors wrote", async () => {
    const page = await open("formulas/");
    await page.locator("h1").click();
    await page.waitForFunction(() => [...document.scripts].some((script) => script.src.endsWith("vendor/katex/copy-tex.js")));
    const copied = await copySelection(page, () => {
      const range = document.createRange();
      range.selectNode(document.querySelector(".formula-item")!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    expect(copied).toMatch(/^\(1\) \S.* eq:\S+\n\$\$\n[^$]+\\label\{eq:[^}]+\}\n\$\$\n*$/);
    expect(copied).not.toContain("\\tag");
    await page.context().close();
  });

  it("copies a listed formula's TeX from the formula list, as its paper's own TeX button does, and keeps each label whole on a phone", async () => {
    const page = await open("formulas/");
    const item = page.locator(".formula-item").first();
    const button = item.locator(".equation-copy-tex");
    expect(await button.getAttribute("aria-label")).toBe("Copy TeX source of equation (1), background blend");
    await button.click();
    await expect.poll(() => button.textContent()).toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\\label\{eq:background-blend\}$/);
    await page.goto(seed.site.url + "papers/designedit/");
    expect(await page.locator("#eq-background-blend .equation-copy-tex").getAttribute("data-tex")).toBe(copied);
    // At 390 px, a label moves to the next line whole rather than breaking at its hyphen ("eq:background-" / "blend").
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(seed.site.url + "formulas/");
    const lines = await page.locator(".formula-label").evaluateAll((all) => all.map((el) => [el.textContent, el.getClientRects().length, Math.round(el.getBoundingClientRect().height)]));
    const oneLine = Math.min(...lines.map(([, , height]) => height as number));
    for (const [label, boxes, height] of lines) expect([label, boxes, height], String(label)).toEqual([label, 1, oneLine]);
    // A TeX button wrapped onto the next line starts at its left, not indented by the gap before it.
    const wrapped = await page.locator(".formula-item").evaluateAll((items) =>
      items.flatMap((item) => {
        const [label, tools] = [item.querySelector(".formula-label")!.getBoundingClientRect(), item.querySelector(".equation-tools")!.getBoundingClientRect()];
        return tools.top >= label.bottom ? [Math.round(tools.left - item.getBoundingClientRect().left)] : [];
      }),
    );
    expect(wrapped.length).toBeGreaterThan(0);
    for (const indent of wrapped) expect(indent).toBe(0);
    await page.context().close();
  });

  it("leads a link to an anchor written another way (#eq:label as in LaTeX, #(6), #4, #equation-4, a query after it) to its equation, and says when the page has none", async () => {
    const control = await open("papers/wuerstchen/#eq-noise-objective");
    const entries = await control.evaluate(() => history.length);
    await control.context().close();
    for (const [hash, landed] of [["#eq:noise-objective", "eq-noise-objective"], ["#EQ-DDPM-UPDATE", "eq-ddpm-update"], ["#(6)", "eq-ddpm-update"], ["#4", "eq-noise-objective"], ["#equation-4", "eq-noise-objective"], ["#eq-noise-objective?utm_source=chat", "eq-noise-objective"]]) {
      const page = await open("papers/wuerstchen/" + hash);
      await page.waitForURL((url) => url.hash === "#" + landed);
      expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(landed);
      expect(await page.evaluate(() => history.length)).toBe(entries); // replaced, not a new entry: Back leaves the page
      expect(await page.locator(".landing-notice").count()).toBe(0);
      await page.context().close();
    }
    const page = await open("papers/wuerstchen/#eq-noise");
    const notice = page.locator(".landing-notice");
    await expect.poll(() => notice.textContent()).toBe("This page has no #eq-noise: the label the link names may have been renamed or removed. Did you mean (4) or The A/B noise parametrization?");
    // Said through the page's status region, which was there (and empty) before: a region made with its words in is most often not read out.
    await expect.poll(() => page.locator("#page-status[role=status]").textContent()).toBe(await notice.textContent());
    await notice.locator("a").first().click();
    await page.waitForURL(/#eq-noise-objective$/);
    expect(await notice.count()).toBe(0); // gone once the reader is somewhere real
    await page.context().close();
    // A label since shortened: the anchor whose words the link holds.
    const longer = await open("papers/self-rewarding-language-models/#eq-dpo-loss-v2");
    await expect.poll(() => longer.locator(".landing-notice").textContent()).toBe("此页没有锚点 #eq-dpo-loss-v2：链接所指的标签可能已改名或删除。 是不是 (4)？");
    await longer.context().close();
    const none = await open("papers/designedit/#eq-does-not-exist");
    await expect.poll(() => none.locator(".landing-notice").textContent()).toBe("此页没有锚点 #eq-does-not-exist：链接所指的标签可能已改名或删除。");
    await none.context().close();
  });

  it("previews an equation on the same page when hovering its \\eqref, and keeps it while the pointer moves onto it (to scroll or select it)", async () => {
    const page = await open("papers/wuerstchen/");
    const ref = page.locator('a.eqref[href="#eq-noise-objective"]').first();
    // At the top of the screen: the equation, above the link, is out of view.
    await scrollIntoViewSettled(ref, "start");
    expect(await page.locator("#eq-noise-objective").evaluate((equation) => equation.getBoundingClientRect().bottom < 60)).toBe(true);
    await ref.hover();
    const popover = page.locator(".equation-popover");
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.locator(".katex").count()).toBeGreaterThan(0);
    expect(await popover.textContent()).toContain("(4)");
    // The formula, without the equation's ¶ and TeX buttons (read as part of it, and hidden tab stops).
    expect(await popover.locator("a, button").count()).toBe(0);
    const box = (await popover.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 }); // across the gap between them
    await page.waitForTimeout(500);
    expect(await popover.isVisible()).toBe(true);
    // Hidden once the pointer has left both.
    await page.mouse.move(5, 5, { steps: 4 });
    await expect.poll(() => popover.count()).toBe(0);
    await page.context().close();
  });

  it("previews a formula as wide as the page shows it: one that fits on the page is not cut off in its preview", async () => {
    // The DPO loss, with its number, fills the note's column at 1280 px; its preview was 640 px and cut it off before (4).
    for (const width of [1280, 1000, 600, 390]) {
      const page = await open("papers/self-rewarding-language-models/", { width });
      const formulaOnPage = page.locator("#eq-dpo-loss .katex-display");
      const ref = page.locator('a.eqref[href="#eq-dpo-loss"]').last();
      await scrollIntoViewSettled(ref, "start");
      await ref.hover();
      const previewed = page.locator(".equation-popover .katex-display");
      await expect.poll(() => previewed.isVisible(), { message: `${width} px` }).toBe(true);
      // Whether the formula, as wide as KaTeX drew it, fits in the width the display gives it (the page script may make an inner part the scroller).
      const measure = (display: HTMLElement) => [display.clientWidth, display.querySelector(".katex")!.scrollWidth <= display.clientWidth] as const;
      const [pageWidth, pageFits] = await formulaOnPage.evaluate(measure);
      const [previewWidth, previewFits] = await previewed.evaluate(measure);
      expect(previewWidth, `${width} px`).toBeGreaterThanOrEqual(pageWidth);
      if (pageFits) expect(previewFits, `${width} px`).toBe(true);
      if (width === 1280) expect(pageFits).toBe(true); // the case above, not only formulas too wide for both
      await page.context().close();
    }
  });

  it("marks the equation an \\eqref refers to, rather than previewing it, when the equation is in view", async () => {
    const page = await open("papers/wuerstchen/");
    const ref = page.locator('a.eqref[href="#eq-noise-objective"]').first();
    const equation = page.locator("#eq-noise-objective");
    await scrollIntoViewSettled(ref, "center");
    expect(await equation.evaluate((block) => block.getBoundingClientRect().top > 60)).toBe(true); // wholly in view, above the link
    await ref.hover();
    await expect.poll(() => equation.evaluate((block) => getComputedStyle(block).outlineStyle)).toBe("solid");
    expect(await page.locator(".equation-popover").count()).toBe(0);
    // Described by the formula alone, not by the labels of its ¶ and TeX buttons.
    const describedBy = page.locator(`#${await ref.getAttribute("aria-describedby")}`);
    expect(await describedBy.evaluate((el) => el.matches("#eq-noise-objective .katex-display"))).toBe(true);
    expect(await describedBy.textContent()).not.toContain("Copy");
    await page.mouse.move(5, 5, { steps: 4 });
    await expect.poll(() => equation.evaluate((block) => getComputedStyle(block).outlineStyle)).toBe("none");
    expect(await ref.getAttribute("aria-describedby")).toBe(null);
    // The same for a keyboard reader, from the link's focus.
    await ref.focus();
    await expect.poll(() => equation.evaluate((block) => block.classList.contains("pointed-at"))).toBe(true);
    expect(await page.locator(".equation-popover").count()).toBe(0);
    await page.context().close();
  });

  it("leaves no preview over the equation after a tap on its \\eqref (touch screen)", async () => {
    const context = await seed.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(seed.site.url + "papers/wuerstchen/");
    await page.tap("h1"); // the first touch brings the page script
    await page.waitForFunction(() => !("papernotesPending" in document));
    const ref = page.locator('a.eqref[href="#eq-noise-objective"]').first();
    await ref.scrollIntoViewIfNeeded();
    await ref.tap();
    await page.waitForURL(/#eq-noise-objective$/);
    expect(await page.locator(".equation-popover").count()).toBe(0);
    await context.close();
  });

  it("leaves no preview over the equation when the first tap on the page is on its \\eqref", async () => {
    const context = await seed.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(seed.site.url + "papers/wuerstchen/");
    const ref = page.locator('a.eqref[href="#eq-noise-objective"]').first();
    await ref.scrollIntoViewIfNeeded();
    await ref.tap(); // brings the page script, which then catches up with where the reader is
    await page.waitForURL(/#eq-noise-objective$/);
    await page.waitForFunction(() => !("papernotesPending" in document));
    await page.waitForTimeout(300);
    expect(await page.locator(".equation-popover:visible").count()).toBe(0);
    await context.close();
  });

  it("previews an equation of another paper, rendered at build time, and links to it", async () => {
    const page = await open("papers/designedit/");
    const ref = page.locator('a.eqref[data-preview="wuerstchen#eq-forward-diffusion"]');
    expect(await ref.textContent()).toBe("Würstchen\u00a0(3)");
    await ref.scrollIntoViewIfNeeded();
    await ref.hover();
    const popover = page.locator(".equation-popover");
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.textContent()).toContain("Würstchen: An Efficient Architecture");
    await ref.click();
    await page.waitForURL(/\/papers\/wuerstchen\/#eq-forward-diffusion$/);
    await page.context().close();
  });
});

describe("page health", () => {
  // Visits every page itself, so that it checks something when run alone; what the tests above met counts too.
  it("has no console errors or failed requests on any page, with its page script loaded", { timeout: 120_000 }, async () => {
    const pages = sitePages(inject("siteDir"));
    expect(pages).toContain("papers/wuerstchen/index.html");
    for (const path of pages) {
      const page = await open(path.replace(/index\.html$/, ""));
      await page.keyboard.press("Shift"); // the first key press brings the page script (where the loader is)
      await page.waitForFunction(() => !("papernotesPending" in document));
      await page.waitForLoadState("networkidle"); // closing cuts off what is still loading, which would count as failed
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});
