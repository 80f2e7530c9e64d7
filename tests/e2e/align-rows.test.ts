// Displays of several numbered rows (align), and references to them from a
// paper with a long title: they fit where they fit, land where the reader can
// see them, and never widen the page.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBuiltNotes } from "../support/built-notes.ts";
import { frontmatter } from "../support/papers.ts";
import { serveStatic } from "../support/serve.ts";

const rows = `${frontmatter({ title: '"Training-Free Preference Optimization for Layered Image Editing with Latent Fusion"' })}
$$
\\newcommand{\\KL}{D_{\\mathrm{KL}}}
$$

## Objective

$$
\\begin{align}
\\mathcal{L}_{\\text{total}} &= \\mathbb{E}_{x_0, \\epsilon, t}\\Big[\\lVert \\epsilon - \\epsilon_\\theta(\\sqrt{\\bar\\alpha_t}\\, x_0 + \\sqrt{1 - \\bar\\alpha_t}\\, \\epsilon, t) \\rVert^2\\Big] \\label{eq:first} \\\\
&\\quad + \\lambda \\sum_{t > 1} \\KL\\big(q(x_{t-1} \\mid x_t, x_0) \\,\\|\\, p_\\theta(x_{t-1} \\mid x_t)\\big) \\label{eq:second} \\\\
&\\quad - \\log p_\\theta(x_0 \\mid x_1) \\label{eq:third}
\\end{align}
$$

A first row taller than its number:

$$
\\begin{align}
\\begin{pmatrix} \\mu_t \\\\ \\sigma_t \\\\ \\lambda_t \\end{pmatrix} &= \\begin{pmatrix} \\sqrt{\\bar\\alpha_t}\\, \\mathbb{E}[x_0 \\mid x_t] \\\\ \\sqrt{1 - \\bar\\alpha_t} \\\\ \\log(\\bar\\alpha_t / (1 - \\bar\\alpha_t)) \\end{pmatrix} \\label{eq:tall} \\\\
w_t &= \\frac{1}{2} \\log \\frac{\\bar\\alpha_t}{1 - \\bar\\alpha_t} + \\lambda_{\\min} \\label{eq:after-tall}
\\end{align}
$$

A row with its own tag:

$$
\\begin{align*}
u &= v \\tag{A.1} \\label{eq:tagged} \\\\
w &= z \\label{eq:untagged}
\\end{align*}
$$
${"\nA paragraph of text that puts the equation well down the page, as in a real note.\n".repeat(12)}
The objective's second term, ${"$"}\\eqref{eq:second}${"$"}, is the one that matters.
`;
const citing = `${frontmatter({ title: '"Citing"', date: "2024-03-16" })}
The second term is ${"$"}\\eqref{rows/eq:second}${"$"}, and the first ${"$"}\\eqref{rows/eq:first}${"$"}.
`;

const site = useBuiltNotes({ rows, citing });
const page = (name: string) => site.fileUrl(`papers/${name}/index.html`);

/**
 * The number(s) shown above the equation a link landed on: CSS generated
 * content (its ::before or ::after), which no DOM property holds, read from
 * Chromium's layout (a counter's value too).
 */
async function numbersAbove(tab: Page): Promise<string> {
  await tab.evaluate(() => document.querySelector(":target")!.closest(".equation")!.setAttribute("data-landed-probe", ""));
  const cdp = await tab.context().newCDPSession(tab);
  const { documents, strings } = await cdp.send("DOMSnapshot.captureSnapshot", { computedStyles: [] });
  await cdp.detach();
  await tab.evaluate(() => document.querySelector("[data-landed-probe]")!.removeAttribute("data-landed-probe"));
  const { nodes, layout } = documents[0]!;
  const equation = nodes.attributes!.findIndex((attributes) => attributes.some((name, i) => i % 2 === 0 && strings[name] === "data-landed-probe"));
  const pseudos = new Set(nodes.parentIndex!.flatMap((parent, node) => (parent === equation && strings[nodes.nodeName![node]!]!.startsWith("::") ? [node] : [])));
  return layout.nodeIndex.flatMap((node, k) => (pseudos.has(node) && layout.text[k]! >= 0 ? [strings[layout.text[k]!]!] : [])).join("");
}

describe("a display of several numbered rows", () => {
  it("does not scroll, nor get a tab stop and its numbers above it, where it fits (KaTeX hung its column of numbers 2px past the edge)", async () => {
    const tab = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(page("rows"));
    await tab.mouse.move(10, 300); // the reader's first move brings the page script
    await tab.waitForFunction(() => !("papernotesPending" in document));
    const display = tab.locator("#eq-first").locator("xpath=ancestor::div[contains(@class, 'equation')]").locator(".katex-display");
    await display.scrollIntoViewIfNeeded();
    await tab.evaluate(() => document.fonts.ready);
    expect(await display.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await display.getAttribute("data-scroll-stop")).toBeNull();
    await tab.close();
  });

  it("lands from its start on a phone, with the rows above the one linked and the numbers above the equation in view", async () => {
    const tab = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const row of ["eq-first", "eq-second", "eq-third", "eq-tall", "eq-after-tall"]) {
      await tab.goto(`${page("rows")}#${row}`);
      await tab.evaluate(() => document.fonts.ready);
      await tab.waitForTimeout(100);
      const landed = await tab.evaluate(() => {
        const number = document.querySelector(":target")!;
        const equation = number.closest(".equation")!;
        const display = equation.querySelector(".katex-display")!;
        return {
          scrolls: display.scrollWidth > display.clientWidth,
          scrollLeft: display.scrollLeft,
          // The numbers shown above the equation (0.9rem above its top), below the fixed header.
          numbersInView: equation.getBoundingClientRect().top - 14.4 >= document.querySelector(".site-header")!.getBoundingClientRect().bottom,
          rowInView: number.getBoundingClientRect().bottom <= innerHeight,
        };
      });
      // The matrix's display fits a phone; the other scrolls, and would scroll to the number.
      expect(landed, row).toEqual({ scrolls: !row.includes("tall"), scrollLeft: 0, numbersInView: true, rowInView: true });
    }
    await tab.close();
  });
});

describe("a row's number", () => {
  it("makes the address that row's permalink when clicked, before the page script too, and marks it as the row landed on", async () => {
    const tab = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(page("rows"));
    expect(await tab.evaluate(() => [scrollY, document.getElementById("eq-second")!.getBoundingClientRect().bottom < innerHeight])).toEqual([0, true]);
    for (const [row, clickOn] of [["eq-second", "number"], ["eq-third", "parenthesis"], ["eq-first", "number"]] as const) {
      const number = tab.locator(`#${row}`);
      await number.scrollIntoViewIfNeeded();
      expect(await number.evaluate((el) => getComputedStyle(el.closest(".katex-tag")!).cursor)).toBe("pointer");
      // The number itself, or the "(" before it (outside the anchor's element).
      const box = clickOn === "number" ? (await number.boundingBox())! : await number.evaluate((el) => el.parentElement!.previousElementSibling!.getBoundingClientRect().toJSON());
      const x = box.x + box.width / 2;
      // No jump: the first click comes at the top of the page, where one was (a fragment's scroll applied after the restore).
      const scrolled = await tab.evaluate(() => scrollY);
      await tab.mouse.click(x, box.y + box.height / 2);
      await expect.poll(() => tab.url(), { message: `${row}, clicked on its ${clickOn}` }).toMatch(new RegExp(`#${row}$`));
      expect(await number.evaluate((el) => [el.matches(":target"), getComputedStyle(el).boxShadow !== "none", scrollY])).toEqual([true, true, scrolled]);
      expect(await numbersAbove(tab), row).toBe(`(${row === "eq-first" ? 1 : row === "eq-second" ? 2 : 3})`);
    }
    await tab.close();
  });
});

describe("the number shown above a display a link landed on", () => {
  it("is the landed row's alone, with scripting off and on, hosted and from disk, on a desktop and a phone (it was all the display's: \"(1, 2, 3)\")", async () => {
    const hosted = await serveStatic(site.out);
    try {
      for (const [where, url] of [["disk", page("rows")], ["hosted", `${hosted.url}papers/rows/`]] as const) {
        for (const javaScriptEnabled of [false, true]) {
          for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
            const context = await site.browser.newContext({ viewport, javaScriptEnabled });
            const tab = await context.newPage();
            const how = `${where}, scripting ${javaScriptEnabled ? "on" : "off"}, ${viewport.width} px`;
            for (const [row, shown] of [["eq-second", "(2)"], ["eq-third", "(3)"], ["eq-after-tall", "(5)"], ["eq-untagged", "(6)"], ["eq-tagged", "(A.1, 6)"]] as const) {
              await tab.goto(`${url}#${row}`);
              if (javaScriptEnabled) {
                await tab.mouse.move(10, 300); // the reader's first move brings the page script
                await tab.waitForFunction(() => !("papernotesPending" in document));
              }
              // A \tag's text is no counter's: such a row shows the display's numbers, as before.
              expect(await numbersAbove(tab), `${row}, ${how}`).toBe(shown);
              // Its ¶ and TeX buttons show, as on an equation landed on whole (they were hidden till hovered).
              await expect.poll(() => tab.locator(`.equation:has(#${row}) .equation-tools`).evaluate((tools) => getComputedStyle(tools).opacity), { message: `${row}, ${how}` }).toBe("1");
            }
            await context.close();
          }
        }
      }
    } finally {
      await hosted.close();
    }
  });
});

describe("a row of a display of several, away from its page", () => {
  it("is an entry of its own in the formula list: that row, with its number and the note's macros, and its TeX to copy", async () => {
    const tab = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(site.fileUrl("formulas/index.html"));
    // One paper, not "1 papers".
    expect(await tab.locator(".lede").textContent()).toBe("7 labelled equations from 1 paper. Each links to its place in the note.");
    const entries = await tab.locator(".formula-item").evaluateAll((items) =>
      items.map((item) => ({
        href: item.querySelector(".formula-name")!.getAttribute("href")!.replace(/^.*#/, ""),
        numbers: [...item.querySelectorAll(".formula-math .katex-html .katex-tag")].map((tag) => tag.textContent!.replace(/\u200b/g, "")),
        text: item.querySelector(".formula-math .katex-html")!.textContent,
        errors: item.querySelectorAll(".katex-error").length,
        copied: item.querySelector(".equation-copy-tex")!.getAttribute("data-tex"),
        selected: item.querySelector(".formula-math annotation")!.textContent,
      })),
    );
    expect(entries.map((entry) => [entry.href, entry.numbers, entry.errors])).toEqual([
      ["eq-first", ["(1)"], 0],
      ["eq-second", ["(2)"], 0],
      ["eq-third", ["(3)"], 0],
      ["eq-tall", ["(4)"], 0],
      ["eq-after-tall", ["(5)"], 0],
      ["eq-tagged", ["(A.1)"], 0],
      ["eq-untagged", ["(6)"], 0],
    ]);
    const second = entries[1]!;
    // \KL, defined by the note, as D_KL; none of the rows around it.
    expect(second.text).toContain("DKL");
    expect(second.text).not.toContain("log");
    expect(second.text).not.toContain("total");
    // Its TeX as written, in its environment: a formula of its own, pasted into a note.
    const secondTex = "\\begin{align}\n&\\quad + \\lambda \\sum_{t > 1} \\KL\\big(q(x_{t-1} \\mid x_t, x_0) \\,\\|\\, p_\\theta(x_{t-1} \\mid x_t)\\big) \\label{eq:second}\n\\end{align}";
    expect([second.copied, second.selected]).toEqual([secondTex, secondTex]);
    expect(entries[5]!.copied).toBe("\\begin{align*}\nu &= v \\tag{A.1} \\label{eq:tagged}\n\\end{align*}");
    await tab.close();
  });

  it("is previewed alone where another paper refers to it", async () => {
    const tab = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(page("citing"));
    for (const [n, shown] of [[0, "(2)"], [1, "(1)"]] as const) {
      await tab.locator("a.eqref").nth(n).hover();
      const popover = tab.locator(".equation-popover");
      await expect.poll(() => popover.isVisible()).toBe(true);
      expect((await popover.locator(".katex-html .katex-tag").allTextContents()).map((text) => text.replace(/\u200b/g, ""))).toEqual([shown]);
      await tab.mouse.move(5, 800, { steps: 4 });
      await expect.poll(() => popover.count()).toBe(0);
    }
    await tab.close();
  });
});

describe("a reference to one row on its own page", () => {
  it("rings that row's number, in the preview of the display out of view and on the display in view", async () => {
    const tab = await site.browser.newPage({ viewport: { width: 1280, height: 600 } });
    await tab.goto(page("rows"));
    const ref = tab.locator('.prose a.eqref[href="#eq-second"]');
    const ringed = (where: string) => tab.locator(`${where} .katex-tag .referenced-row`).evaluateAll((rows) => rows.map((row) => row.textContent!.replace(/\u200b/g, "")));
    // Out of view: the popover's copy of the whole display, row (2) ringed.
    await ref.scrollIntoViewIfNeeded();
    await ref.hover();
    await expect.poll(() => ringed(".equation-popover")).toEqual(["2"]);
    await tab.mouse.move(5, 5, { steps: 4 });
    await expect.poll(() => tab.locator(".equation-popover").count()).toBe(0);
    // In view: the display itself is outlined, and its row (2) ringed, until the pointer leaves.
    await tab.setViewportSize({ width: 1280, height: 3000 });
    await tab.evaluate(() => scrollTo(0, 0));
    await ref.hover();
    await expect.poll(() => ringed(".prose .equation.pointed-at")).toEqual(["2"]);
    await tab.mouse.move(5, 5, { steps: 4 });
    await expect.poll(() => ringed(".prose")).toEqual([]);
    await tab.close();
  });
});

describe("a reference to an equation of a paper with a long title", () => {
  it("wraps within the title, and keeps the page as wide as a 320 px screen", async () => {
    const tab = await site.browser.newPage({ viewport: { width: 320, height: 640 } });
    await tab.goto(page("citing"));
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    const ref = tab.locator("a.eqref").first();
    // The title's last word and the number stay on one line.
    expect(await ref.textContent()).toMatch(/Training-Free .*\u00a0\(2\)$/);
    expect(await ref.evaluate((el) => el.getClientRects().length)).toBeGreaterThan(1);
    await tab.close();
  });
});
