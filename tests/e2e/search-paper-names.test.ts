// A query that names a paper by its short title ("LoRA"), or by the short name
// its author gave it ("DPO"), finds the paper itself first, not only the
// equations named after it, which Pagefind weighs up, nor the papers that
// mention it. References to the paper name it so too.
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
// Its note never says "DPO": the name is the author's short.
const dpo = `${frontmatter({ title: '"Direct Preference Optimization Your Language Model is Secretly a Reward Model"', short: '"DPO"', date: "2024-03-17" })}
The policy learns from preference pairs directly, without a reward model.

## Objective

$$
\\mathcal{L} = -\\log \\sigma\\left(\\beta \\log \\frac{\\pi(y_w)}{\\pi_{\\mathrm{ref}}(y_w)} - \\beta \\log \\frac{\\pi(y_l)}{\\pi_{\\mathrm{ref}}(y_l)}\\right) \\label{eq:preference-loss}
$$
`;
// A paper that says DPO often, in its title too, and names an equation after it: Pagefind ranks it first.
const selfRewarding = `${frontmatter({ title: '"Iterative DPO for Self-Rewarding Language Models"', date: "2024-03-18", summary: '"Iterative DPO on pairs the model judged itself."' })}
Each iteration trains with DPO on the model's own judgements; DPO again in the next; the DPO loss is that of $\\eqref{dpo/eq:preference-loss}$.

## DPO training

$$
\\mathcal{L}_{\\mathrm{DPO}} = \\mathcal{L}(M_t) \\label{eq:dpo-loss}
$$

By $\\eqref{eq:dpo-loss}$, as in $x = \\eqref{dpo/eq:preference-loss}$, DPO once more.
`;

// A short note about DPO's loss, which Pagefind ranks above the longer notes for "DPO loss".
const ipo = `${frontmatter({ title: '"IPO"', date: "2024-03-19", summary: '"DPO overfits; a squared loss fixes it."' })}
## The issue with DPO

DPO's loss $\\eqref{dpo/eq:preference-loss}$ overfits deterministic preferences.

## The IPO loss

A squared loss.
`;

const site = useBuiltNotes({ lora, other, dpo, "self-rewarding": selfRewarding, ipo });

describe("a query that names a paper", () => {
  const resultsFor = async (queries: string[]) => {
    const page = await site.browser.newPage();
    await page.goto(site.fileUrl("index.html"));
    await page.keyboard.press("/");
    await page.waitForFunction(() => document.activeElement?.id === "site-search-input");
    const results = new Map<string, string[]>();
    for (const query of queries) {
      await page.locator("#site-search-input").fill(query);
      await page.waitForSelector(`#site-search-results[data-query="${query}"]`);
      results.set(query, await page.locator(".search-result").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.replace(/^.*papers\//, ""))));
    }
    await page.close();
    return results;
  };

  it("lists the paper itself first, then its equations named after it", async () => {
    for (const [query, hrefs] of await resultsFor(["LoRA", "lora"])) {
      expect(hrefs[0], query).toBe("lora/index.html");
      expect(hrefs.slice(1).some((href) => href.startsWith("lora/index.html#eq-lora-")), query).toBe(true);
    }
  });

  it("lists the paper whose short is the query first, before papers that say it more often", async () => {
    for (const [query, hrefs] of await resultsFor(["DPO", "dpo"])) {
      expect(hrefs[0], query).toBe("dpo/index.html");
      expect(hrefs.some((href) => href.startsWith("self-rewarding/index.html")), query).toBe(true);
    }
  });

  it("lists the equations a query names first, before sections that only say its words", async () => {
    for (const [query, hrefs] of await resultsFor(["DPO loss", "dpo loss"])) expect(hrefs[0], `${query}: ${hrefs.join(" ")}`).toBe("self-rewarding/index.html#eq-dpo-loss");
  });

  it("finds an equation by the paper's short and number, as a reference shows it", async () => {
    // "DPO (1)" is in no text of the DPO note: its name is its short, as the reference to it says.
    for (const [query, hrefs] of await resultsFor(["DPO (1)", "dpo 1"])) expect(hrefs[0], query).toBe("dpo/index.html#eq-preference-loss");
  });
});

describe("a reference to another paper's equation", () => {
  it("names that paper by its short, in prose and in a formula", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.fileUrl("papers/self-rewarding/index.html"));
    const links = await page.locator('a[href*="dpo/index.html#eq-preference-loss"]').evaluateAll((links) => links.map((a) => (a.textContent ?? "").replace(/\u00a0/g, " ")));
    expect(links).toEqual(["DPO (1)", "DPO (1)"]);
    await page.close();
  });
});
