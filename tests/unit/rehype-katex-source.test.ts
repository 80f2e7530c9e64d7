// Copying a selection with a display equation (KaTeX's copy-tex) gives the TeX
// in KaTeX's annotation: it must be the author's, without the \tag and
// \htmlId that number the equation, or the \href that links a reference, in
// both the fast path and the MDX path.
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import { runMdxPipeline } from "../support/mdx-pipeline.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const note = `${frontmatter()}
$$
a < b \\label{eq:first}
$$

$$
\\begin{align} e &= f \\label{eq:row-one} \\\\ g &= h \\end{align}
$$

Inline $x^2$ too, and $y = \\eqref{eq:first} + 1$, a reference in a formula, which KaTeX shows as a link.

A reference alone, $\\eqref{eq:first}$, is a link of its own, with its TeX beside it for the copy.
`;

const annotations = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);
const referenceLinks = (html: string) => html.match(/<a [^>]*class="eqref"[^>]*>/g);

describe("KaTeX's TeX annotation", () => {
  const { papersDir } = writePapers({ note });

  it("holds the author's TeX in the fast path", async () => {
    const check = await checkContent(papersDir, "/", { render: true });
    expect(annotations(paperHtml(check.rendered.get("note")!))).toEqual(["a &lt; b \\label{eq:first}", "\\begin{align} e &amp;= f \\label{eq:row-one} \\\\ g &amp;= h \\end{align}", "x^2", "y = \\eqref{eq:first} + 1"]);
    expect(referenceLinks(paperHtml(check.rendered.get("note")!))).toEqual(['<a href="#eq-first" class="eqref" data-tex="\\eqref{eq:first}">']);
  });

  it("holds the author's TeX in the MDX path", async () => {
    const check = await checkContent(papersDir, "/", { render: false });
    const html = unified().use(rehypeStringify).stringify(runMdxPipeline(papersDir, "note", note, check.index));
    expect(annotations(html)).toEqual(["a &#x3C; b \\label{eq:first}", "\\begin{align} e &#x26;= f \\label{eq:row-one} \\\\ g &#x26;= h \\end{align}", "x^2", "y = \\eqref{eq:first} + 1"]);
    expect(referenceLinks(html)).toEqual(['<a href="#eq-first" class="eqref" data-tex="\\eqref{eq:first}">']);
  });
});
