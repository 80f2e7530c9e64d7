// A query that names a paper by its short title ("LoRA") finds the paper itself
// first, not only the equations named after it, which Pagefind weighs up.
import { describe, expect, it } from "vitest";
import { useBuiltNotes } from "../support/built-notes.ts";
import { frontmatter } from "../support/papers.ts";

const lora = `${frontmatter({ title: '"LoRA: Low-Rank Adaptation of Large Language Models"' })}
Freeze the weights and learn a low-rank update.

## Method

$$
h = W_0 x + B A x \\label{eq:lora-forward}
$$

$$
\\Delta W = B A \\label{eq:lora-factor}
$$

$$
|\\Theta| = r (d + k) \\label{eq:lora-params}
$$
`;
const other = `${frontmatter({ title: '"Adapters Compared"', date: "2024-03-16" })}
LoRA and prefix tuning, side by side.
`;

const site = useBuiltNotes({ lora, other });

describe("a query that names a paper", () => {
  it("lists the paper itself first, then its equations named after it", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.fileUrl("index.html"));
    await page.keyboard.press("/");
    await page.waitForFunction(() => document.activeElement?.id === "site-search-input");
    for (const query of ["LoRA", "lora"]) {
      await page.locator("#site-search-input").fill(query);
      await page.waitForSelector(`#site-search-results[data-query="${query}"]`);
      const hrefs = await page.locator(".search-result").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.replace(/^.*papers\//, "")));
      expect(hrefs[0], query).toBe("lora/index.html");
      expect(hrefs.slice(1).some((href) => href.startsWith("lora/index.html#eq-lora-")), query).toBe(true);
    }
    await page.close();
  });
});
