// A page with math gets only the KaTeX rules its site's markup can use.
import katex from "katex";
import { describe, expect, it } from "vitest";
import { KATEX_RULES, katexRulesFor, siteKatexRules } from "../../src/integrations/katex-assets.ts";
import { formulaClasses, formulaKey } from "../../src/lib/katex-classes.ts";
import type { RenderedPaper } from "../../src/lib/content-check.ts";

const classesOf = (tex: string, displayMode = false) => formulaClasses(formulaKey(tex, displayMode), () => katex.renderToString(tex, { displayMode }));
const rulesOf = (css: string) => css.match(/[^{}]+\{[^{}]*\}/g) ?? [];

describe("katexRulesFor", () => {
  it("reads every rule of the installed KaTeX's stylesheet", () => {
    // Were it to hold an @media or the like, every page would get all of it (katexRulesFor gives it whole).
    expect(rulesOf(KATEX_RULES).join("")).toBe(KATEX_RULES.trim());
    expect(katexRulesFor(new Set())).not.toBe(KATEX_RULES);
  });

  it("keeps the rules of the classes a formula uses, and drops those of others", () => {
    const rules = katexRulesFor(classesOf("\\frac{a}{b}"));
    expect(rules).toContain(".katex .mfrac .frac-line{");
    expect(rules).toMatch(/(^|\})\.katex\{font:/);
    expect(rules).not.toContain(".boxpad");
    expect(rules).not.toContain(".katex-display");
    expect(rulesOf(rules).length).toBeLessThan(rulesOf(KATEX_RULES).length / 2);
    expect(katexRulesFor(classesOf("\\boxed{x}", true))).toContain(".katex .boxpad{");
  });

  it("keeps a selector whose class is named only under :not()", () => {
    const rules = katexRulesFor(classesOf("\\hat{x}"));
    expect(KATEX_RULES).toContain(":not(.accent-full)");
    expect(rules).toContain(":not(.accent-full)");
  });

  it("keeps, of a rule, the selectors the classes can match", () => {
    const [full] = rulesOf(KATEX_RULES).filter((rule) => rule.startsWith(".katex .fontsize-ensurer.reset-size1.size1,"));
    expect(full).toBeDefined();
    const kept = rulesOf(katexRulesFor(new Set(["katex", "katex-sizing", "reset-size1", "size1"]))).find((rule) => rule.includes(".reset-size1.size1"));
    expect(kept).toBe(".katex .katex-sizing.reset-size1.size1{font-size:1em}");
  });
});

describe("siteKatexRules", () => {
  const paper = (katexClasses?: string[]) => ({ katexClasses }) as RenderedPaper;
  const site = (papers: RenderedPaper[], mdx: string[] = []) => ({ rendered: new Map(papers.map((p, i) => [String(i), p])), mdxSlugs: new Set(mdx) });

  it("gives the rules of every paper's classes together", () => {
    const rules = siteKatexRules(site([paper([...classesOf("\\frac{a}{b}")]), paper([...classesOf("\\boxed{x}", true)])]));
    expect(rules).toContain(".mfrac .frac-line{");
    expect(rules).toContain(".boxpad{");
  });

  it("gives all of KaTeX's rules when a paper's classes are not known: an MDX note, rendered by Astro", () => {
    expect(siteKatexRules(site([paper(["katex"]), paper()]))).toBe(KATEX_RULES);
    expect(siteKatexRules(site([paper(["katex"])], ["with-components"]))).toBe(KATEX_RULES);
  });
});
