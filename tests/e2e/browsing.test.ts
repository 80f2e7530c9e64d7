// What a reader of a paper-notes blog expects beyond the equations: tags,
// archive, table of contents, theme, code and citation copying, feeds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { contrastOf } from "../support/contrast.ts";
import { useSeedSite } from "../support/seed-site.ts";

const seed = useSeedSite();
let context: BrowserContext;

beforeAll(async () => {
  context = await seed.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(seed.site.url).origin });
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(seed.site.url + path);
  return page;
}

/** The colour of one CSS pixel of the page as drawn: [r, g, b]. Decoded in a blank page, where no policy blocks a data: image. */
async function pixelAt(page: Page, x: number, y: number): Promise<number[]> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  const blank = await seed.browser.newPage();
  const rgb = await blank.evaluate(async (base64) => {
    const image = new Image();
    image.src = "data:image/png;base64," + base64;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString("base64"));
  await blank.close();
  return rgb;
}

describe("browsing", () => {
  it("loads no script file until the reader acts, and a click made before it arrives still works", async () => {
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    // A slow network: the script arrives well after the click.
    await page.route("**/scripts/papernotes.js", (route) => new Promise((resolve) => setTimeout(() => resolve(route.continue()), 800)));
    await page.goto(seed.site.url + "papers/wuerstchen/");
    await page.waitForLoadState("networkidle");
    expect(scripts).toEqual([]);
    const button = page.locator("#eq-noise-objective .equation-copy-tex");
    await button.click();
    expect(scripts).toEqual([expect.stringMatching(/\/scripts\/papernotes\.js$/)]);
    await expect.poll(() => button.textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await button.getAttribute("data-tex"));
    await page.close();
  });

  it("gives each formula that scrolls sideways a tab stop, also those far down the page on a phone", async () => {
    const phone = await seed.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await page.goto(seed.site.url + "papers/self-rewarding-language-models/");
    await page.mouse.move(10, 300); // the reader's first move brings the page script
    await page.waitForFunction(() => !("papernotesPending" in document));
    const formula = page.locator("#eq-dpo-loss .katex-display");
    await formula.scrollIntoViewIfNeeded();
    // Laid out on the next frame (content-visibility: auto), in KaTeX's fonts once they are in.
    await expect.poll(() => formula.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect.poll(() => formula.getAttribute("tabindex")).toBe("0");
    // Named for a screen reader, which otherwise hears a nameless element.
    expect(await formula.evaluate((el) => [el.getAttribute("role"), el.getAttribute("aria-label")])).toEqual(["group", "公式 (4)，可横向滚动"]);
    // Its number, at the far end, is shown above it too, beside its tools and at least 24 px high as they are.
    const number = () => page.locator("#eq-dpo-loss").evaluate((el) => getComputedStyle(el, "::before").content);
    await expect.poll(number).toBe('"(4)" / ""');
    const tools = await page.locator("#eq-dpo-loss .equation-tools > *").all();
    expect(tools).toHaveLength(2); // ¶ and TeX
    for (const tool of tools) expect((await tool.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    // A formula that fits gets none: a tab stop on each would bury the links.
    const narrow = page.locator("#eq-implicit-reward .katex-display");
    await narrow.scrollIntoViewIfNeeded();
    expect(await narrow.evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(false);
    expect(await narrow.getAttribute("tabindex")).toBeNull();
    expect(await page.locator("#eq-implicit-reward").evaluate((el) => getComputedStyle(el, "::before").content)).toBe("none");
    // Code blocks too: a tab stop for each that scrolls, and only those (Shiki makes every block one).
    const blocks = await page.locator(".prose pre").evaluateAll((all) => all.map((el) => [el.scrollWidth > el.clientWidth + 1, el.hasAttribute("tabindex")]));
    expect(blocks.length).toBeGreaterThan(0);
    for (const [scrolls, stop] of blocks) expect(stop).toBe(scrolls);
    await phone.close();
  });

  it("names each wide formula of the formula list by its entry, so that its tab stops differ", async () => {
    const phone = await seed.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await phone.newPage();
    await page.goto(seed.site.url + "formulas/");
    await page.mouse.move(10, 300);
    await page.waitForFunction(() => !("papernotesPending" in document));
    const formulas = page.locator(".formula-math .katex-display");
    for (const formula of await formulas.all()) await formula.scrollIntoViewIfNeeded(); // laid out once near the screen
    await page.waitForTimeout(100);
    const names = await page.locator(".formula-math .katex-display[tabindex]").evaluateAll((all) => all.map((el) => el.getAttribute("aria-label")));
    expect(names.length).toBeGreaterThan(2);
    expect(names).toContain("Equation (1) background blend, scrolls sideways");
    expect(new Set(names).size).toBe(names.length);
    await phone.close();
  });

  it("marks the link to the page being read (aria-current), in the header and in a tag page's tag lists", async () => {
    const page = await open("");
    const current = async (path: string) => {
      await page.goto(seed.site.url + path);
      return page.locator('[aria-current="page"]').evaluateAll((all) => all.map((el) => el.textContent!.trim()));
    };
    expect(await current("")).toEqual(["papernotes"]);
    expect(await current("archive/")).toEqual(["Archive"]);
    expect(await current("formulas/")).toEqual(["Formulas"]);
    expect(await current("tags/")).toEqual(["Tags"]);
    // Each card's link to the tag whose page this is, and nothing in the header.
    expect(await current("tags/diffusion/")).toEqual(["#diffusion", "#diffusion"]);
    expect(await current("papers/wuerstchen/")).toEqual([]);
    await page.close();
  });

  it("writes the search box's text at 16 px at least on a phone, where iOS Safari would otherwise zoom the page as it takes focus", async () => {
    const phone = await seed.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(seed.site.url);
    expect(await phone.locator("#site-search-input").evaluate((input) => parseFloat(getComputedStyle(input).fontSize))).toBeGreaterThanOrEqual(16);
    await phone.close();
  });

  it("gives every link and button outside running text a target of 24 × 24 px at least, on a phone", async () => {
    const phone = await seed.browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const path of ["papers/wuerstchen/", "tags/diffusion/", "tags/", "formulas/"]) {
      await phone.goto(seed.site.url + path);
      const small = await phone.evaluate(() => {
        for (const contents of document.querySelectorAll(".toc-inline details")) (contents as HTMLDetailsElement).open = true;
        // Blocks off screen skip layout (content-visibility: auto): laid out, so that their buttons have a size.
        for (const block of document.querySelectorAll<HTMLElement>(".prose *")) if (getComputedStyle(block).contentVisibility === "auto") block.style.contentVisibility = "visible";
        return [...document.querySelectorAll("a[href], button, summary")]
          // A link in a sentence may be as small as its text (WCAG 2.5.8's exception); hidden ones are no target.
          .filter((el) => !el.closest("p, .katex, .skip-link, .visually-hidden") && el.checkVisibility())
          .map((el) => [el.outerHTML.slice(0, 60), el.getBoundingClientRect()] as const)
          .filter(([, box]) => box.width < 24 || box.height < 24)
          .map(([html, box]) => `${html} ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);
      });
      expect(small, path).toEqual([]);
    }
    await phone.close();
  });

  it("lists a tag's papers on its page, and every tag with its count on the index", async () => {
    const page = await open("tags/");
    const diffusion = page.locator(".tag-index li", { hasText: "#diffusion" });
    // A bare number on screen; "2 papers" to a screen reader.
    expect(await diffusion.locator(".count").evaluate((el) => el.firstChild!.textContent)).toBe("2");
    expect(await diffusion.locator(".count .visually-hidden").textContent()).toBe(" papers");
    await diffusion.locator("a").click();
    await page.waitForURL(/tags\/diffusion\/$/);
    const titles = await page.locator(".paper-card-title").allTextContents();
    expect(titles.map((t) => t.trim().split(":")[0])).toEqual(["DesignEdit", "Würstchen"]);
    await page.close();
  });

  it("shows the archive by year and month", async () => {
    const page = await open("archive/");
    expect(await page.locator(".archive-year h2").allTextContents()).toEqual(["2024 3 papers"]);
    // The count says what it counts: "2024 3" read as a month.
    expect(await page.locator(".archive-year h2 .count").evaluate((el) => (el as HTMLElement).innerText)).toBe("3 papers");
    expect(await page.locator(".archive-month h3").allTextContents()).toEqual(["April", "March", "February"]);
    // Dates as the months above them, whatever the note's language.
    expect(await page.locator(".archive-month li time").allTextContents()).toEqual(["April 2, 2024", "March 15, 2024", "February 20, 2024"]);
    // Its index, above, links to each year and month: at hundreds of papers the list is long.
    const index = page.getByRole("navigation", { name: "Years and months" });
    expect(await index.locator("a").allTextContents()).toEqual(["2024", "Apr", "Mar", "Feb"]);
    await index.getByRole("link", { name: "Feb" }).click();
    await page.waitForURL(/#y2024-m2$/);
    expect(await page.locator("#y2024-m2").evaluate((el) => el.textContent)).toBe("February");
    // On a phone the date goes over the title, which gets the whole width (beside it, 7rem at 320 px).
    await page.setViewportSize({ width: 320, height: 700 });
    const [date, title] = await Promise.all([".archive-month li time", ".archive-month li a"].map((selector) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect)));
    expect(title!.top).toBeGreaterThanOrEqual(date!.bottom - 1);
    expect(title!.left).toBe(date!.left);
    await page.close();
  });

  it("jumps to a section from the sticky table of contents, clear of the header", async () => {
    const page = await open("papers/wuerstchen/");
    const sidebar = page.locator(".toc-sidebar");
    expect(await sidebar.isVisible()).toBe(true);
    await sidebar.getByRole("link", { name: "Sampling" }).click();
    await page.waitForURL(/#sampling$/);
    const heading = (await page.locator("#sampling").boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual((await page.locator(".site-header").boundingBox())!.height);
    expect(heading.y).toBeLessThan(200);
    expect(await sidebar.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it("keeps the page where the reader was when search opens with / and takes a query, and Escape closes the list, then clears the box", async () => {
    const page = await open("papers/wuerstchen/");
    await page.evaluate(() => window.scrollTo(0, 2500));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(2000);
    await page.keyboard.press("/");
    await page.keyboard.type("noise objective");
    await page.waitForSelector('#site-search-results[data-query="noise objective"]');
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    await page.keyboard.press("Escape");
    expect(await page.locator("#site-search-results").isHidden()).toBe(true);
    expect(await page.locator("#site-search-input").inputValue()).toBe("noise objective");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search-input");
    await page.keyboard.press("Escape");
    expect(await page.locator("#site-search-input").inputValue()).toBe("");
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    // Once more, in the empty box: out of it (nothing was focused before), the page where it was.
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    await page.close();
  });

  it("goes back, on Escape in the empty search box, to the link the reader had focused before pressing /", async () => {
    const page = await open("papers/wuerstchen/");
    const pdf = page.getByRole("link", { name: "PDF" }).first();
    await page.keyboard.press("Tab"); // the skip link: the first Tab brings the page script
    await page.waitForFunction(() => !("papernotesPending" in document));
    await pdf.focus();
    await page.keyboard.press("/");
    await page.waitForFunction(() => document.activeElement?.id === "site-search-input");
    await page.keyboard.type("x");
    // The search's own keys come with its script, which focusing the box has only begun to load (slow under CI's load).
    await page.waitForFunction(() => "PapernotesSearch" in window);
    await page.keyboard.press("Escape"); // closes the list
    await page.keyboard.press("Escape"); // clears the box
    await page.keyboard.press("Escape"); // leaves it
    expect(await pdf.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it("gives the keyboard back to an \\eqref followed within the page when the reader goes Back, so that Tab goes on from it", async () => {
    const page = await open("papers/wuerstchen/");
    await page.keyboard.press("Tab"); // the skip link: the first Tab brings the page script
    await page.waitForFunction(() => !("papernotesPending" in document));
    const ref = page.locator('.prose a.eqref[href="#eq-noise-objective"]').nth(2);
    await ref.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash === "#eq-noise-objective");
    await page.goBack();
    await page.waitForFunction(() => location.hash === "");
    expect(await ref.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Tab");
    // On from the link, not from the top of the page (the skip link).
    expect(await ref.evaluate((link) => Boolean(link.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    // Followed with the mouse, Back leaves focus alone: focused, the link would open its preview unasked.
    await page.keyboard.press("Escape");
    await ref.click();
    await page.waitForFunction(() => location.hash === "#eq-noise-objective");
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.mouse.move(0, 0); // not over the link when the page scrolls back
    await page.goBack();
    await page.waitForFunction(() => location.hash === "");
    expect(await page.evaluate(() => [document.activeElement === document.body, document.querySelector(".equation-popover, .pointed-at")])).toEqual([true, null]);
    await page.close();
  });

  it("keeps the list closed after Escape when the results come later, and Escape goes on to clear the box and leave it", async () => {
    const page = await open("papers/wuerstchen/");
    await page.keyboard.press("Tab"); // the skip link: the first Tab brings the page script
    await page.waitForFunction(() => !("papernotesPending" in document));
    // A slow host: the index comes well after the reader's Escape.
    await page.route("**/pagefind/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const pdf = page.getByRole("link", { name: "PDF" }).first();
    await pdf.focus();
    await page.keyboard.press("/");
    await page.keyboard.type("diffusion");
    await page.locator("#site-search-results .search-empty").waitFor(); // "Searching…"
    await page.keyboard.press("Escape"); // closes the list
    // Once the index has come, and the typed query's results with it:
    await page.evaluate(() => (window as unknown as { PapernotesSearch: { search: (q: string) => Promise<unknown> } }).PapernotesSearch.search("diffusion"));
    await page.waitForTimeout(200);
    expect(await page.locator("#site-search-results").isHidden()).toBe(true);
    await page.keyboard.press("Escape"); // clears the box
    expect(await page.locator("#site-search-input").inputValue()).toBe("");
    await page.keyboard.press("Escape"); // leaves it
    expect(await pdf.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it("prints wide formulas, tables and code within the page, in dark ink whatever the screen's theme", async () => {
    const page = await seed.browser.newPage({ viewport: { width: 718, height: 1000 }, colorScheme: "dark" });
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    for (const slug of ["designedit", "self-rewarding-language-models", "wuerstchen"]) {
      await page.goto(`${seed.site.url}papers/${slug}/`);
      // Display math at the size of the inline math in the sentences around it (wide formulas break instead).
      const [inline, display] = await page.evaluate(() => [".prose p .katex", ".katex-display > .katex"].map((s) => [...new Set([...document.querySelectorAll(s)].map((el) => getComputedStyle(el).fontSize))]));
      expect(inline, slug).toHaveLength(1);
      expect(display, slug).toEqual(inline);
      const spilling = await page.evaluate(() => {
        const edge = document.querySelector(".prose")!.getBoundingClientRect().right + 1;
        const blocks = [...document.querySelectorAll(".prose .katex-display, .prose table, .prose pre")];
        // A formula's pieces between its breaks, and its number (KaTeX's stretchy SVGs are wider, and clipped).
        const parts = (block: Element) => [block, ...block.querySelectorAll(".katex-base, .katex-tag")];
        return blocks.filter((block) => block.scrollWidth > block.clientWidth + 1 || parts(block).some((el) => el.getBoundingClientRect().right > edge)).map((block) => block.tagName + " " + (block.textContent ?? "").slice(0, 40));
      });
      expect(spilling, slug).toEqual([]);
    }
    // Würstchen's Python, highlighted: its tokens take the light theme's colours on paper.
    const ink = await page.locator(".astro-code span[style]").first().evaluate((el) => getComputedStyle(el).color);
    const [r, g, b] = ink.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, `code ink ${ink}`).toBeLessThan(3 * 128);
    // An equation a link landed on prints as the others do, without the screen's highlight.
    await page.goto(`${seed.site.url}papers/wuerstchen/#eq-noise-objective`);
    expect(await page.locator("#eq-noise-objective").evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).boxShadow])).toEqual(["rgba(0, 0, 0, 0)", "none"]);
    // Figures are not dimmed on paper, as they are on a dark screen.
    expect(await page.locator(".prose img").first().evaluate((el) => getComputedStyle(el).filter)).toBe("none");
    await page.close();
  });

  it("loads with the page every font its display math needs, so that a page printed before it is scrolled has every glyph", async () => {
    // Chrome prints with the fonts the screen loaded; display math off screen is not laid out (content-visibility).
    const page = await seed.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${seed.site.url}papers/self-rewarding-language-models/`);
    await page.waitForLoadState("networkidle");
    const loaded = () => page.evaluate(async () => (await document.fonts.ready, [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family)));
    // The DPO loss, (4), far below the fold: its 𝔼 (AMS) and big brackets (Size1, Size2).
    expect(await page.locator("#eq-dpo-loss").evaluate((el) => el.getBoundingClientRect().top > innerHeight)).toBe(true);
    expect(await loaded()).toEqual(expect.arrayContaining(["KaTeX_AMS", "KaTeX_Size1", "KaTeX_Size2"]));
    // The formula list is all display math: it samples every font family its formulas' glyphs are set in.
    await page.goto(`${seed.site.url}formulas/`);
    const families = await page.evaluate(() => {
      const first = (el: Element) => getComputedStyle(el).fontFamily.split(",")[0]!.trim().replace(/"/g, "");
      const glyphs = [...document.querySelectorAll(".formula-math .katex-html *")].filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
      const samples = [...document.querySelectorAll(".katex-fonts > span")];
      return { used: [...new Set(glyphs.map(first))].sort(), sampled: [...new Set(samples.map(first))].sort() };
    });
    expect(families.used).toEqual(expect.arrayContaining(["KaTeX_AMS", "KaTeX_Main", "KaTeX_Math", "KaTeX_Size1"]));
    expect(families.sampled).toEqual(expect.arrayContaining(families.used));
    await page.close();
  });

  it("shows no control that needs the page script when scripting is off, and keeps the links that need none", async () => {
    const noScript = await seed.browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(seed.site.url + "papers/wuerstchen/");
    for (const control of ["#site-search-input", ".theme-toggle", ".cite-button", ".code-copy", ".equation-copy-tex"]) expect(await page.locator(control).first().isVisible(), control).toBe(false);
    for (const link of [".site-title", ".site-nav-links a", ".toc-sidebar a", ".prose a.eqref", ".bibtex summary", ".equation-link"]) expect(await page.locator(link).first().isVisible(), link).toBe(true);
    // The formula list's TeX buttons too; its permalinks need no script.
    await page.goto(seed.site.url + "formulas/");
    expect(await page.locator(".equation-copy-tex").first().isVisible()).toBe(false);
    expect(await page.locator(".formula-name").first().isVisible()).toBe(true);
    await noScript.close();
  });

  it("shows every listed formula whole on a wide screen, the list lined up with the header", async () => {
    const page = await seed.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${seed.site.url}formulas/`);
    const scrolled = await page.locator(".formula-math").evaluateAll((boxes) =>
      boxes.flatMap((box) => [box, ...box.querySelectorAll("*")].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "auto").map(() => box.closest(".formula-item")!.querySelector(".formula-name")!.textContent)),
    );
    expect(scrolled).toEqual([]);
    const left = (selector: string) => page.locator(selector).first().evaluate((el) => Math.round(el.getBoundingClientRect().left));
    expect(await left("main h1")).toBe(await left(".site-title"));
    expect(await left(".site-footer p")).toBe(await left(".site-title"));
    await page.close();
  });

  it("prints the address of the paper's arXiv page and PDF after their links in its header", async () => {
    const page = await seed.browser.newPage({ viewport: { width: 718, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    await page.goto(seed.site.url + "papers/wuerstchen/");
    const printed = await page.locator(".paper-links a").evaluateAll((links) => links.map((a) => a.textContent!.trim() + getComputedStyle(a, "::after").content));
    expect(printed).toEqual(['arXiv 2306.00637" (arxiv.org/abs/2306.00637)"', 'PDF" (arxiv.org/pdf/2306.00637)"']);
    await page.close();
  });

  it("prints a numbered code block's wrapped lines under the code, not under the line numbers", async () => {
    const page = await seed.browser.newPage({ viewport: { width: 718, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    await page.goto(seed.site.url + "papers/wuerstchen/");
    const lines = await page.locator(".prose pre.has-line-numbers").first().evaluate((pre) => {
      // The code's column: where the first line's first token starts, right of its number.
      const column = pre.querySelector(".line > span")!.getBoundingClientRect().left;
      return [...pre.querySelectorAll(".line")].map((line, i) => {
        const range = document.createRange();
        range.selectNodeContents(line);
        const rows = [...range.getClientRects()].filter((r) => r.width > 0);
        return { line: i + 1, rows: new Set(rows.map((r) => Math.round(r.top))).size, left: Math.min(...rows.map((r) => r.left)) - column };
      });
    });
    expect(lines.filter((l) => l.rows > 1).length, "some lines wrap on A4").toBeGreaterThan(0);
    expect(lines.filter((l) => l.left < -1)).toEqual([]);
    await page.close();
  });

  it("prints what a closed <details> holds, which paper cannot open, and not the screen's note about a missing anchor", async () => {
    const page = await seed.browser.newPage();
    await page.goto(`${seed.site.url}papers/wuerstchen/#eq-no-such-label`);
    await page.waitForSelector(".landing-notice");
    await page.evaluate(() => {
      const details = document.createElement("details");
      details.innerHTML = "<summary>Why</summary><p id='folded'>The explanation.</p>";
      document.querySelector(".prose")!.prepend(details);
    });
    const shown = () => page.evaluate(() => [document.getElementById("folded")!.checkVisibility(), document.querySelector(".landing-notice")!.checkVisibility()]);
    expect(await shown()).toEqual([false, true]);
    await page.emulateMedia({ media: "print" });
    expect(await shown()).toEqual([true, false]);
    await page.close();
  });

  it("prints nothing after a note's last line, which would start a blank page", async () => {
    const page = await seed.browser.newPage({ viewport: { width: 718, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    for (const slug of ["self-rewarding-language-models", "wuerstchen", "designedit"]) {
      await page.goto(`${seed.site.url}papers/${slug}/`);
      const [article, page_] = await page.evaluate(() => [document.querySelector("article.paper")!.getBoundingClientRect().bottom, document.documentElement.scrollHeight]);
      // The last paragraph's bottom margin (17 px) may reach past the article; the screen's padding (64 px) did.
      expect(page_ - article!, slug).toBeLessThan(24);
    }
    await page.close();
  });

  it("prints a heading with what follows it, and a formula (with its name), a figure or a short code block on one page", async () => {
    const page = await seed.browser.newPage({ viewport: { width: 718, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    for (const path of ["formulas/", "papers/wuerstchen/", "papers/designedit/"]) {
      await page.goto(seed.site.url + path);
      // Pages of many heights, as columns: Chromium breaks columns by the same rules as pages.
      const broken = await page.evaluate(() => {
        const main = document.querySelector("main")!;
        const found = new Set<string>();
        const column = (el: Element, end: "first" | "last") => Math.round([...el.getClientRects()].at(end === "first" ? 0 : -1)!.left);
        for (let height = 300; height <= 1100; height += 20) {
          main.style.cssText = `columns: ${main.clientWidth}px; column-gap: 0; column-fill: auto; height: ${height}px; padding: 0`;
          // Table header rows are left out: they repeat on each page.
          const whole = ".formula-item, .equation, .prose figure:not(.code-block), .prose tbody tr, .code-block:not(:has(.line:nth-child(25)))";
          for (const el of document.querySelectorAll(whole)) if (el.getClientRects().length > 1) found.add(`split: ${el.textContent!.slice(0, 30)}`);
          for (const heading of document.querySelectorAll("main :is(h2, h3)")) {
            // A note's heading is grouped with its permalink (not printed): what follows is the group's next.
            const next = (heading.closest(".heading-group") ?? heading).nextElementSibling;
            if (next && column(heading, "last") !== column(next, "first")) found.add(`alone: ${heading.textContent!.slice(0, 30)}`);
          }
        }
        return [...found];
      });
      expect(broken, path).toEqual([]);
    }
    await page.close();
  });

  it("keeps formulas whole in forced colours (High Contrast), and outlines the equation a link landed on", async () => {
    const page = await context.newPage();
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(seed.site.url + "papers/wuerstchen/#eq-forward-diffusion");
    // Chromium's backplate behind each text run hid the ᾱ stacked under a root: KaTeX keeps its own colours.
    expect(await page.locator("#eq-forward-diffusion .katex").evaluate((el) => getComputedStyle(el).forcedColorAdjust)).toBe("none");
    // The landing's background is forced away; its outline stays.
    expect(await page.locator("#eq-forward-diffusion").evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
    await page.close();
  });

  it("names the header's navigation for the site; its search placeholder reads at 4.5:1 and its edge at 3:1, in both themes", async () => {
    const page = await open("papers/wuerstchen/");
    expect(await page.locator(".site-nav").getAttribute("aria-label")).toBe("Site");
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const colors = await page.locator("#site-search-input").evaluate((el) => [getComputedStyle(el, "::placeholder").color, getComputedStyle(el).backgroundColor]);
      expect(contrastOf(colors), `${theme}: ${colors.join(" on ")}`).toBeGreaterThanOrEqual(4.5);
      // The field's edge, against the field and the page around it (WCAG 1.4.11).
      const [edge, field, around] = await page.locator("#site-search-input").evaluate((el) => [getComputedStyle(el).borderTopColor, getComputedStyle(el).backgroundColor, getComputedStyle(document.body).backgroundColor]);
      for (const next of [field!, around!]) expect(contrastOf([edge!, next]), `${theme}: edge ${edge} by ${next}`).toBeGreaterThanOrEqual(3);
    }
    await page.close();
  });

  it("shows the search shortcut / beside a mouse, until the reader types, and not on a phone", async () => {
    const page = await open("papers/wuerstchen/");
    const key = page.locator(".search-key");
    expect(await key.isVisible()).toBe(true);
    await page.keyboard.press("/");
    await expect.poll(() => key.isVisible()).toBe(false);
    await page.keyboard.type("noise");
    await page.locator("h1").click();
    expect(await page.locator("#site-search-input").inputValue()).toBe("noise");
    expect(await key.isVisible()).toBe(false); // the field holds a query
    await page.close();
    const phone = await seed.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const onPhone = await phone.newPage();
    await onPhone.goto(seed.site.url + "papers/wuerstchen/");
    expect(await onPhone.locator("#site-search-input").getAttribute("placeholder")).toBe("Search");
    expect(await onPhone.locator(".search-key").isVisible()).toBe(false);
    await phone.close();
  });

  it("lines the header up with a paper's title and its contents at desktop width, and keeps it there on every page", async () => {
    const page = await open("papers/wuerstchen/");
    const [titleLeft, headingLeft, toggleRight, tocRight] = await page.evaluate(() =>
      [".site-title", "h1", ".theme-toggle", ".toc-sidebar"].map((selector, i) => document.querySelector(selector)!.getBoundingClientRect()[i < 2 ? "left" : "right"]),
    );
    expect(titleLeft).toBe(headingLeft);
    expect(toggleRight).toBe(tocRight);
    // So does the footer's text, not a narrower column centred under the page.
    expect(await page.evaluate(() => document.querySelector(".site-footer p")!.getBoundingClientRect().left)).toBe(headingLeft);
    // The header stays put from page to page: the site's name and the theme button do not jump.
    for (const path of ["", "archive/", "tags/", "formulas/"]) {
      await page.goto(seed.site.url + path);
      expect(await page.evaluate(() => [".site-title", ".theme-toggle"].map((selector, i) => document.querySelector(selector)!.getBoundingClientRect()[i === 0 ? "left" : "right"])), path).toEqual([titleLeft, toggleRight]);
    }
    await page.close();
  });

  it("wraps a table's text cells to fit the column at desktop width, and keeps a numeric table that fits on one line a cell", async () => {
    const page = await open("papers/wuerstchen/");
    const layout = (slug: string) =>
      page.evaluate(async (slug) => {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return [...document.querySelectorAll(".prose table")].map((table) => {
          const rows = (cell: Element) => Math.round(cell.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight) - 0.6);
          return { slug, scrolls: table.scrollWidth > table.clientWidth + 1, wrapped: [...table.querySelectorAll("td, th")].filter((cell) => rows(cell) > 1).length };
        });
      }, slug);
    // Würstchen's first table (Stage, Role, Size, Works in) fits; so do its two of many numbers, their headers wrapped.
    const wuerstchen = await layout("wuerstchen");
    expect(wuerstchen.map((t) => t.scrolls)).toEqual([false, false, false]);
    expect(wuerstchen[0]!.wrapped).toBeGreaterThan(0);
    // The Self-Rewarding tables fitted before: one line a cell, as they were.
    await page.goto(seed.site.url + "papers/self-rewarding-language-models/");
    expect(await layout("self-rewarding-language-models")).toEqual(Array(3).fill({ slug: "self-rewarding-language-models", scrolls: false, wrapped: 0 }));
    await page.close();
  });

  it("dims figures in the dark theme, and lets the header scroll away on a short screen", async () => {
    const page = await open("papers/wuerstchen/");
    const figure = page.locator(".prose img").first();
    expect(await figure.evaluate((el) => getComputedStyle(el).filter)).toBe("none");
    await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
    expect(await figure.evaluate((el) => getComputedStyle(el).filter)).toBe("brightness(0.85)");
    const header = page.locator(".site-header");
    expect(await header.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
    await page.setViewportSize({ width: 640, height: 450 }); // as 1280×900 at 200 % zoom
    expect(await header.evaluate((el) => getComputedStyle(el).position)).toBe("absolute");
    // Far down the page, "/" brings the header back into view with the search box, and a query does not scroll the page.
    await page.evaluate(() => window.scrollTo(0, 2500));
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.press("/");
    await page.keyboard.type("loss");
    await page.waitForSelector('#site-search-results[data-query="loss"]');
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    const box = (await page.locator("#site-search-input").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(450);
    await page.close();
  });

  it("never starts a line with the hyphen or comma that follows a short inline formula, at any width", async () => {
    const page = await open("papers/wuerstchen/");
    // "…mix of $x_0$- and…" and "…$A \approx B \approx 0$, …": the punctuation's line against its formula's, over 300 widths.
    const lonePunctuation = await page.evaluate(() => {
      const found: string[] = [];
      const paragraph = [...document.querySelectorAll<HTMLElement>(".prose p")].find((p) => p.textContent!.includes("-prediction"))!;
      const pairs = [...paragraph.querySelectorAll(".katex")].flatMap((formula) => {
        const next = formula.nextSibling;
        const tex = formula.querySelector("annotation")!.textContent!;
        return next?.nodeType === Node.TEXT_NODE && /^[-,]/.test(next.textContent!) && (tex === "x_0" || tex.startsWith("A \\approx")) ? [{ formula, mark: next, tex }] : [];
      });
      if (pairs.length !== 2) return [`found ${pairs.length} formulas, not 2`];
      for (let width = 120; width <= 720; width += 2) {
        paragraph.style.width = `${width}px`;
        for (const { formula, mark, tex } of pairs) {
          const range = document.createRange();
          range.setStart(mark, 0);
          range.setEnd(mark, 1);
          if (range.getBoundingClientRect().top >= formula.getBoundingClientRect().bottom - 2) found.push(`${tex} at ${width}px`);
        }
      }
      return found;
    });
    expect(lonePunctuation).toEqual([]);
    await page.close();
  });

  it("shades the edge a wide formula goes on past, with covers that scroll along to hide the shade at its ends", async () => {
    const page = await open("papers/self-rewarding-language-models/");
    // On a desktop every seed formula fits its column, its number in view; on a phone some go on past it.
    for (const paper of ["wuerstchen", "designedit", "self-rewarding-language-models"]) {
      await page.goto(seed.site.url + `papers/${paper}/`);
      const wide = await page.locator(".equation .katex-display").evaluateAll((all) =>
        all.map((el) => ((el.style.contentVisibility = "visible"), el)).filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.closest(".equation")!.id),
      );
      expect(wide, paper).toEqual([]);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    const display = page.locator("#eq-pair-selection .katex-display");
    await display.scrollIntoViewIfNeeded(); // laid out (content-visibility: auto)
    expect(await display.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const layers = await display.evaluate((el) => [getComputedStyle(el).backgroundImage, getComputedStyle(el).backgroundAttachment]);
    expect(layers[0]).toMatch(/^linear-gradient.*linear-gradient.*radial-gradient.*radial-gradient/);
    expect(layers[1]).toBe("local, local, scroll, scroll");
    // So does a wide table (Würstchen's comparison, with eight columns), on a phone (its cells wrap to fit a desktop's column).
    await page.goto(seed.site.url + "papers/wuerstchen/");
    const tables = await page.locator(".prose table").evaluateAll((all) => all.map((el) => [el.scrollWidth > el.clientWidth, getComputedStyle(el).backgroundAttachment]));
    expect(tables).toContainEqual([true, "local, local, scroll, scroll"]);
    await page.setViewportSize({ width: 1280, height: 900 });
    // And code: the blocks and the BibTeX entry, on their own background (--code-bg), which the covers match.
    await page.locator(".bibtex summary").click();
    const code = await page.locator(".prose pre, .bibtex pre").evaluateAll((all) => all.map((el) => [getComputedStyle(el).backgroundAttachment, getComputedStyle(el).backgroundColor]));
    expect(code.length).toBeGreaterThan(1);
    for (const block of code) expect(block).toEqual(["local, local, scroll, scroll", "rgb(245, 243, 238)"]);
    await page.close();
  });

  it("shows the number of the equation a link landed on above it, before any script has run, where the formula ends off screen on a phone", async () => {
    const phone = await seed.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(seed.site.url + "papers/wuerstchen/#eq-ddpm-update");
    expect(await phone.evaluate(() => "papernotesPending" in document)).toBe(true); // no script file yet
    const formula = phone.locator("#eq-ddpm-update .katex-display");
    await expect.poll(() => formula.evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(true);
    // Its own number (6) is at the formula's far end, past the screen's edge.
    const tagBox = (await phone.locator("#eq-ddpm-update .katex-tag").boundingBox())!;
    expect(tagBox.x).toBeGreaterThan(390);
    const before = (selector: string) => phone.locator(selector).evaluate((el) => getComputedStyle(el, "::before").content);
    expect(await before("#eq-ddpm-update")).toBe('"(6)" / ""'); // not read out: screen readers have the formula's own
    // An equation no link landed on has none (no script has run to mark the formulas that scroll).
    expect(await before("#eq-p2-loss")).toBe("none");
    // On paper each formula shows its own number.
    await phone.emulateMedia({ media: "print" });
    expect(await before("#eq-ddpm-update")).toBe("none");
    await phone.emulateMedia({ media: "screen" });
    // It is drawn on screen, above the formula's start: hidden, that strip looks otherwise.
    const box = (await phone.locator("#eq-ddpm-update").boundingBox())!;
    const strip = { x: Math.max(0, box.x), y: box.y - 16, width: 48, height: 18 };
    const shown = await phone.screenshot({ clip: strip });
    await phone.locator("#eq-ddpm-update").evaluate((el) => el.removeAttribute("data-equation"));
    expect(shown.equals(await phone.screenshot({ clip: strip }))).toBe(false);
    await phone.close();
  });

  it("draws the gold bar of a landed equation down its whole height, over a short or a wide formula, in both themes, on desktop and phone", async () => {
    const gold = { light: [224, 177, 0], dark: [212, 167, 44] }; // --target-line
    for (const [width, height] of [[1280, 900], [390, 844]] as const) {
      for (const theme of ["light", "dark"] as const) {
        const page = await seed.browser.newPage({ viewport: { width, height }, colorScheme: theme });
        for (const [slug, id] of [["wuerstchen", "eq-noise-objective"], ["self-rewarding-language-models", "eq-dpo-loss"]]) {
          await page.goto(`${seed.site.url}papers/${slug}/#${id}`);
          const box = (await page.locator("#" + id).boundingBox())!;
          // The bar is 3 px wide; the formula's edge shade painted over all of it but its corners.
          const rgb = await pixelAt(page, box.x + 1, box.y + box.height / 2);
          rgb.forEach((c, i) => expect(Math.abs(c - gold[theme][i]!), `${width}px ${theme} ${id}: rgb(${rgb})`).toBeLessThanOrEqual(2));
        }
        await page.close();
      }
    }
  });

  it("fits the header's title, links and search box inside it on narrow phones", async () => {
    for (const width of [320, 360, 390]) {
      const phone = await seed.browser.newPage({ viewport: { width, height: 700 } });
      await phone.goto(seed.site.url + "papers/wuerstchen/");
      const box = (selector: string) => phone.locator(selector).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      const [header, title, links, search] = await Promise.all([box(".site-header"), box(".site-title"), box(".site-nav-links"), box(".site-search")]);
      expect(title.top, `${width}px`).toBeGreaterThanOrEqual(0);
      expect(links.top, `${width}px: links on the title's row`).toBeLessThan(title.bottom);
      expect(search.bottom, `${width}px`).toBeLessThanOrEqual(header.bottom);
      // The results open right under the box, as wide as it is.
      await phone.locator("#site-search-input").fill("loss");
      await phone.waitForSelector('#site-search-results[data-query="loss"]');
      const [field, results] = await Promise.all([box("#site-search-input"), box(".search-results")]);
      expect([Math.round(results.left), Math.round(results.right)], `${width}px`).toEqual([Math.round(field.left), Math.round(field.right)]);
      await phone.close();
    }
  });

  it("moves the keyboard as the eye reads a paper: its header (links, Cite, tags), then the contents beside it, then the note, on desktop and phone", async () => {
    for (const [width, height] of [[1280, 900], [390, 844]] as const) {
      const page = await seed.browser.newPage({ viewport: { width, height } });
      await page.goto(seed.site.url + "papers/wuerstchen/");
      // From "Skip to content", as a keyboard reader starts.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
      await page.keyboard.press("Enter");
      const stops: string[] = [];
      // Until the first stop in the note (or 60 stops: the test then fails below).
      while (stops.length < 60 && !stops.at(-1)?.startsWith("note:")) {
        await page.keyboard.press("Tab");
        stops.push(await page.evaluate(() => {
          const el = document.activeElement!;
          const part = el.closest(".paper-header") ? "header" : el.closest(".toc") ? "contents" : el.closest(".prose") ? "note" : "other";
          return `${part}: ${(el.textContent ?? "").trim().slice(0, 20)}`;
        }));
      }
      const where = stops.map((stop) => stop.split(":")[0]);
      const firstOf = (part: string) => where.indexOf(part);
      expect(stops[0], `${width}px`).toBe("header: arXiv 2306.00637");
      expect(where.lastIndexOf("header"), `${width}px: ${stops.join(", ")}`).toBeLessThan(firstOf("contents"));
      expect(firstOf("contents"), `${width}px: ${stops.join(", ")}`).toBeGreaterThan(0);
      expect(firstOf("note"), `${width}px: ${stops.join(", ")}`).toBeGreaterThan(firstOf("contents"));
      await page.close();
    }
  });

  it("reaches a heading's permalink with the keyboard, and shows it while it has focus", async () => {
    const page = await open("papers/wuerstchen/");
    const anchor = page.locator("#sampling + .heading-anchor");
    expect(await anchor.evaluate((el) => getComputedStyle(el).opacity)).toBe("0"); // out of a mouse reader's way
    // Tab from the heading's text goes to its permalink, the next stop.
    await page.locator("#sampling").click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.previousElementSibling?.id)).toBe("sampling");
    expect(await anchor.evaluate((el) => [el.matches(":focus"), getComputedStyle(el).opacity, el.getAttribute("aria-label"), el.getAttribute("aria-hidden")])).toEqual([true, "1", "Link to this section", null]);
    expect(await anchor.getAttribute("href")).toBe("#sampling");
    // The link is outside the heading, so the heading is named by its text alone; the link is described by the heading.
    expect(await page.getByRole("heading", { name: "Sampling", exact: true }).getAttribute("id")).toBe("sampling");
    expect(await page.getByRole("link", { name: "Link to this section", exact: true, description: "Sampling" }).count()).toBe(1);
    await page.close();
  });

  it("keeps a heading's permalink off a touch screen, which cannot show it, so that it never wraps onto a line of its own", async () => {
    const context = await seed.browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(seed.site.url + "papers/wuerstchen/");
    // Each heading is as tall as its text: no empty line under it.
    const extra = await page.evaluate(() =>
      [...document.querySelectorAll(".prose h2, .prose h3")].map((heading) => {
        const text = document.createRange();
        text.selectNodeContents(heading.firstChild!);
        const lines = [...text.getClientRects()];
        const style = getComputedStyle(heading);
        const content = heading.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return [heading.id, Math.round(content - (lines.at(-1)!.bottom - lines[0]!.top))];
      }),
    );
    expect(extra.length).toBeGreaterThan(5);
    for (const [id, px] of extra) expect(px, id as string).toBeLessThan(12);
    await context.close();
  });

  it("collapses the table of contents on phones", async () => {
    const phone = await seed.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(seed.site.url + "papers/wuerstchen/");
    expect(await phone.locator(".toc-sidebar").isVisible()).toBe(false);
    expect(await phone.locator(".toc-inline details").getAttribute("open")).toBeNull();
    await phone.locator(".toc-inline summary").click();
    expect(await phone.locator(".toc-inline a").first().isVisible()).toBe(true);
    await phone.close();
  });

  it("links previous and next papers", async () => {
    const page = await open("papers/wuerstchen/");
    expect(await page.locator(".pager-older").textContent()).toContain("Self-Rewarding Language Models");
    expect(await page.locator(".pager-newer").textContent()).toContain("DesignEdit");
    await page.close();
  });

  it("follows the system's theme until the reader picks one, the toggle's state too", async () => {
    const own = await seed.browser.newContext({ colorScheme: "light" });
    const page = await own.newPage();
    await page.goto(seed.site.url);
    // Right from the start, before the page script (which comes with the reader's first interaction).
    expect(await page.evaluate(() => "papernotesPending" in document)).toBe(true);
    expect(await page.locator(".theme-toggle").getAttribute("aria-pressed")).toBe("false");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(21, 22, 26)");
    await expect.poll(() => page.locator(".theme-toggle").getAttribute("aria-pressed")).toBe("true");
    expect(await page.evaluate(() => "papernotesPending" in document)).toBe(true);
    // And once the page script has come.
    await page.locator("h1").click();
    await page.waitForFunction(() => !("papernotesPending" in document));
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => page.locator(".theme-toggle").getAttribute("aria-pressed")).toBe("false");
    await own.close();
  });

  it("keeps the chosen theme across pages, without a flash of the other one", async () => {
    const page = await open("");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(253, 252, 250)");
    await page.locator(".theme-toggle").click();
    const dark = "rgb(21, 22, 26)";
    // The click brings the page script, which then replays it.
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
    // A toggle button: screen readers hear whether the dark theme is on.
    expect(await page.locator(".theme-toggle").getAttribute("aria-pressed")).toBe("true");
    await page.locator(".theme-toggle").click();
    expect(await page.locator(".theme-toggle").getAttribute("aria-pressed")).toBe("false");
    await page.locator(".theme-toggle").click();
    // The next page must be dark at its first paint: check before any deferred script runs.
    const next = await context.newPage();
    await next.route("**/scripts/papernotes.js", (route) => new Promise((resolve) => setTimeout(() => resolve(route.continue()), 1500)));
    await next.goto(seed.site.url + "papers/designedit/", { waitUntil: "domcontentloaded" });
    expect(await next.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
    // The toggle says so from the start too, without the page script.
    expect(await next.evaluate(() => [document.querySelector(".theme-toggle")!.getAttribute("aria-pressed"), "papernotesPending" in document])).toEqual(["true", true]);
    await page.close();
    await next.close();
  });

  it("copies code from a code block and shows its language", async () => {
    const page = await open("papers/wuerstchen/");
    const block = page.locator(".code-block").first();
    expect(await block.locator(".code-language").textContent()).toBe("python");
    await block.locator(".code-copy").click();
    await expect.poll(() => block.locator(".code-copy").textContent()).toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith("import math\nimport torch\n")).toBe(true);
    expect(copied).not.toMatch(/^\s*1\s/); // line numbers are drawn by CSS, not copied
    // A second click while it says "Copied": once both flashes (1.4 s each) are over, it says "Copy" again.
    await block.locator(".code-copy").click();
    await page.waitForTimeout(2000);
    expect(await block.locator(".code-copy").textContent()).toBe("Copy");
    await page.close();
  });

  it("copies a BibTeX citation built from the frontmatter", async () => {
    const page = await open("papers/self-rewarding-language-models/");
    const cite = page.locator(".cite-button");
    await cite.click();
    await expect.poll(() => cite.getAttribute("class")).toContain("is-copied"); // once the page script has come
    const bibtex = await page.evaluate(() => navigator.clipboard.readText());
    expect(bibtex).toMatch(/^@inproceedings\{yuan2024selfrewarding,/);
    expect(bibtex).toContain("eprint        = {2401.10020}");
    expect(bibtex).toContain("booktitle     = {ICML}");
    await page.close();
  });

  it("shows the whole BibTeX entry without scrolling, each long field wrapping under itself, and copies it as written", async () => {
    const page = await open("papers/wuerstchen/");
    await page.locator(".bibtex summary").click();
    const entry = page.locator(".bibtex pre");
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await entry.evaluate((el) => el.scrollWidth - el.clientWidth), `width ${width}`).toBeLessThanOrEqual(0);
      // The title's second line starts further in than the fields do.
      const lines = await page.locator(".bibtex-line").evaluateAll((all) => all.map((el) => el.getClientRects().length && el.getBoundingClientRect().height));
      const oneLine = Math.min(...lines);
      expect(lines.some((height) => height > oneLine * 1.5), `width ${width}`).toBe(true);
    }
    // Selected and copied by hand, it is the same text the Cite button copies: one line per field, no blank lines.
    const selected = await entry.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(selected).toBe(await page.locator(".cite-button").getAttribute("data-bibtex"));
    await page.close();
  });

  it("gives focus back to the button pressed when the copy falls back to a selection (no clipboard API: plain http, or permission refused)", async () => {
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(navigator.clipboard, "writeText", { value: () => Promise.reject(new Error("refused")) }));
    await page.goto(seed.site.url + "papers/wuerstchen/");
    const cite = page.locator(".cite-button");
    await cite.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => cite.getAttribute("class")).toContain("is-copied");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("cite-button is-copied");
    // And the next Tab goes on from there, not from the top of the page.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".paper-header") !== null)).toBe(true);
    const link = page.locator("#eq-noise-objective .equation-link");
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches("#eq-noise-objective .equation-link"))).toBe(true);
    await page.close();
  });

  it("keeps the page still while Cite says Copied (phone width, the longest line of links)", async () => {
    const page = await open("papers/wuerstchen/");
    await page.setViewportSize({ width: 390, height: 844 });
    const cite = page.locator(".cite-button");
    const tags = page.locator(".tag-list").first();
    const before = { cite: await cite.boundingBox(), tags: await tags.boundingBox() };
    await cite.click();
    await expect.poll(() => cite.textContent()).toBe("Copied");
    expect({ cite: await cite.boundingBox(), tags: await tags.boundingBox() }).toEqual(before);
    await page.close();
  });

  it("describes each paper for search engines and link previews", async () => {
    const page = await open("papers/wuerstchen/");
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toMatch(/^Würstchen runs/);
    expect(await page.locator('meta[property="og:type"]').getAttribute("content")).toBe("article");
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    // A note, dated as the note, about the paper, whose authors are the paper's.
    expect(ld["@type"]).toBe("Article");
    expect(ld.datePublished).toBe("2024-03-15");
    expect(ld.about["@type"]).toBe("ScholarlyArticle");
    expect(ld.about.author).toHaveLength(5);
    expect(ld.about.identifier).toBe("arXiv:2306.00637");
    await page.close();
  });

  it("serves an RSS feed and a sitemap that parse as XML, with absolute URLs", async () => {
    const page = await open("");
    const dir = inject("siteDir");
    for (const file of ["rss.xml", "sitemap-index.xml", "sitemap-0.xml"]) {
      const xml = readFileSync(join(dir, file), "utf8");
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        return { error: doc.querySelector("parsererror")?.textContent ?? null, links: [...doc.querySelectorAll("item > link, url > loc, sitemap > loc")].map((n) => n.textContent) };
      }, xml);
      expect(parsed.error, file).toBeNull();
      expect(parsed.links.length, file).toBeGreaterThan(0);
      for (const link of parsed.links) expect(link).toMatch(/^https:\/\/example\.org\//);
    }
    // Feed readers' checks: names as dc:creator (RSS's <author> is an e-mail address), each item's language, a self link.
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const item = [...doc.querySelectorAll("item")].find((i) => i.querySelector("title")?.textContent === "Self-Rewarding Language Models")!;
      const dc = "http://purl.org/dc/elements/1.1/";
      return {
        authors: item.querySelectorAll("author").length,
        creators: [...item.getElementsByTagNameNS(dc, "creator")].map((n) => n.textContent),
        language: item.getElementsByTagNameNS(dc, "language")[0]?.textContent,
        self: doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link")[0]?.getAttribute("href"),
      };
    }, readFileSync(join(dir, "rss.xml"), "utf8"));
    expect(feed).toMatchObject({ authors: 0, language: "zh", self: "https://example.org/rss.xml" });
    // Without SITE_URL, robots.txt names no sitemap: it would be example.org's.
    expect(readFileSync(join(dir, "robots.txt"), "utf8")).toBe("User-agent: *\nAllow: /\n");
    expect(feed.creators).toContain("Jason Weston");
    // Readers find the feed from any page.
    await page.getByRole("link", { name: "RSS" }).click();
    await page.waitForURL(/rss\.xml$/);
    await page.close();
  });

  it("shows a 404 page whose styles and links work at any missing URL", async () => {
    const page = await context.newPage();
    const notFound = readFileSync(join(inject("siteDir"), "404.html"), "utf8");
    // It has no address of its own to give a link preview or a search engine: /404/ is not a page.
    expect(notFound).toContain('<meta name="robots" content="noindex">');
    expect(notFound).not.toMatch(/rel="canonical"|property="og:url"/);
    // As static hosts do: the 404 page's HTML, served at whatever URL was missing.
    await page.route("**/no/such/paper/", (route) => route.fulfill({ status: 404, contentType: "text/html", body: notFound }));
    await page.goto(seed.site.url + "no/such/paper/");
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    expect(await page.locator(".site-header").evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
    // Every link leads where it says, from any depth: none is a fragment that <base> would send home.
    expect(await page.locator('a[href^="#"]').count()).toBe(0);
    await page.getByRole("link", { name: /Home/ }).click();
    await page.waitForURL(seed.site.url);
    expect(await page.locator(".paper-card").count()).toBe(3);
    await page.close();
  });
});
