// Displays of several numbered rows (align), and references to them from a
// paper with a long title: they fit where they fit, land where the reader can
// see them, and never widen the page.
import { describe, expect, it } from "vitest";
import { useBuiltNotes } from "../support/built-notes.ts";
import { frontmatter } from "../support/papers.ts";

const rows = `${frontmatter({ title: '"Training-Free Preference Optimization for Layered Image Editing with Latent Fusion"' })}
## Objective

$$
\\begin{align}
\\mathcal{L}_{\\text{total}} &= \\mathbb{E}_{x_0, \\epsilon, t}\\Big[\\lVert \\epsilon - \\epsilon_\\theta(\\sqrt{\\bar\\alpha_t}\\, x_0 + \\sqrt{1 - \\bar\\alpha_t}\\, \\epsilon, t) \\rVert^2\\Big] \\label{eq:first} \\\\
&\\quad + \\lambda \\sum_{t > 1} D_{\\mathrm{KL}}\\big(q(x_{t-1} \\mid x_t, x_0) \\,\\|\\, p_\\theta(x_{t-1} \\mid x_t)\\big) \\label{eq:second} \\\\
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
${"\nA paragraph of text that puts the equation well down the page, as in a real note.\n".repeat(12)}`;
const citing = `${frontmatter({ title: '"Citing"', date: "2024-03-16" })}
The second term is ${"$"}\\eqref{rows/eq:second}${"$"}, and the first ${"$"}\\eqref{rows/eq:first}${"$"}.
`;

const site = useBuiltNotes({ rows, citing });
const page = (name: string) => site.fileUrl(`papers/${name}/index.html`);

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
    }
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
