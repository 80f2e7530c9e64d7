// Heading ids: GitHub's slugger on the heading's text as shown, a formula as
// the text KaTeX shows (render.test.ts checks both pipelines and the content check).
import rehypeStringify from "rehype-stringify";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import rehypeHeadingIds from "../../src/plugins/rehype-heading-ids.ts";

function idsOf(markdown: string): string[] {
  const html = String(unified().use(remarkParse).use(remarkMath).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeHeadingIds).use(rehypeStringify, { allowDangerousHtml: true }).processSync(markdown));
  return [...html.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1]!);
}

describe("rehype-heading-ids", () => {
  it("slugs a heading without math as rehype-slug did: its text nodes, not raw HTML, each repeat numbered", () => {
    expect(idsOf("## Method\n\n## Don't stop <kbd>now</kbd>\n\n## Method\n\n### 方法 2\n")).toEqual(["method", "dont-stop-now", "method-1", "方法-2"]);
  });

  it("reads a formula as the text KaTeX shows, not its TeX's command names", () => {
    expect(idsOf("## The $\\alpha$-weighted loss\n\n## Why $\\mathcal{L}_{\\text{DPO}}$ works\n\n## $\\mathrm{KL}(p \\| q)$ vs. $D_{\\mathrm{KL}}$\n\n## Cases $\\text{if } x$\n\n## The α-weighted loss\n")).toEqual([
      "the-α-weighted-loss",
      "why-ldpo-works",
      "klpq-vs-dkl",
      "cases-if-x",
      "the-α-weighted-loss-1",
    ]);
  });

  it("gives a heading that slugs to nothing #section, not an empty id that links to the page's top, and keeps its text", () => {
    const markdown = "## ?!\n\n## Section\n\n## —\n";
    expect(idsOf(markdown)).toEqual(["section", "section-1", "section-2"]);
    const html = String(unified().use(remarkParse).use(remarkRehype).use(rehypeHeadingIds).use(rehypeStringify).processSync(markdown));
    expect(html).toContain('<h2 id="section">?!</h2>');
    expect(html).toContain('<h2 id="section-2">—</h2>');
  });

  it("reads TeX that KaTeX rejects as written (the check reports it)", () => {
    expect(idsOf("## The $\\undefinedmacro$ case\n")).toEqual(["the-undefinedmacro-case"]);
  });
});
