// Search records: one per section and one per labelled equation, with
// formulas as TeX. The fast path reads them from the content pass's tree, the
// MDX path from the built page; both must give the same records.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
import { builtPaperDocuments } from "../../src/lib/search-documents.ts";
import { runMdxPipeline } from "../support/mdx-pipeline.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const note = `${frontmatter({ title: '"Noise & <Signal>"', authors: '["Ada Lovelace", "Émile Borel"]', arxiv: '"2306.00637"', venue: '"ICLR 2024"', tags: '["diffusion", "text-to-image"]' })}
Opening words with $x^2$ inline.

## Method

The model predicts $\\epsilon_\\theta$ from a noisy input, $L + \\eqref{eq:noise-objective}$:

$$
L = \\lVert \\epsilon - \\epsilon_\\theta \\rVert^2 \\label{eq:noise-objective}
$$

$$
w = \\operatorname{softmax}(z)
$$

\`\`\`python
print("code is indexed as text")
\`\`\`

## Results & discussion

Better *and* faster.[^1]

[^1]: On one GPU.
`;

describe("search records", () => {
  const { papersDir, contentDir } = writePapers({ "noise-paper": note });

  it("has one record per section and per labelled equation, formulas as TeX between dollar signs, as written", async () => {
    const { search } = await checkContent(papersDir, "/", { render: true });
    const searchDocuments = search.flatMap((page) => page.documents!);
    expect(searchDocuments.map((d) => [d.id, d.heading, d.text, d.kind])).toEqual([
      // The paper's own record: found by its authors, venue, arXiv id, summary and tags too (a tag the text never says).
      ["papers/noise-paper/#", "", "Ada Lovelace, Émile Borel · ICLR 2024 · arXiv 2306.00637 · A summary. · #diffusion #text-to-image · Opening words with $x^2$ inline.", "section"],
      // A display equation without a label is found in its section, by its TeX; an excerpt shows where each formula starts and ends.
      ["papers/noise-paper/#method", "Method", 'The model predicts $\\epsilon_\\theta$ from a noisy input, $L + \\eqref{eq:noise-objective}$ : $$w = \\operatorname{softmax}(z)$$ print("code is indexed as text")', "section"],
      // A footnote's number and its ↩ are not words of the text.
      ["papers/noise-paper/#results--discussion", "Results & discussion", "Better and faster.", "section"],
      ["papers/noise-paper/#footnote-label", "Footnotes", "On one GPU.", "section"],
      // A labelled one has a record of its own, found by its name, label and TeX.
      ["papers/noise-paper/#eq-noise-objective", "(1) noise objective", "equation 公式 noise objective eq:noise-objective L = \\lVert \\epsilon - \\epsilon_\\theta \\rVert^2", "equation"],
    ]);
    expect(new Set(searchDocuments.map((d) => d.title))).toEqual(new Set(["Noise & <Signal>"]));
    expect(new Set(searchDocuments.map((d) => d.short))).toEqual(new Set(["Noise & <Signal>"]));
    expect(new Set(searchDocuments.map((d) => d.lang))).toEqual(new Set(["en"]));
  });

  it("reads the same records from a page built by the MDX path", async () => {
    const check = await checkContent(papersDir, "/", { render: true });
    const body = runMdxPipeline(papersDir, "noise-paper", readFileSync(join(papersDir, "noise-paper.mdx"), "utf8"), check.index);
    const html = unified().use(rehypeStringify).stringify(body);
    expect(html).toContain('class="katex"'); // real KaTeX elements, not the fast path's raw HTML
    const siteDir = join(contentDir, "site");
    mkdirSync(join(siteDir, "papers", "noise-paper"), { recursive: true });
    const page = `<!doctype html><html lang="en"><body><article data-pagefind-body><header><h1>x</h1><details class="bibtex"><pre>@article{}</pre></details></header><div class="prose">${html}</div><nav>next</nav></article></body></html>`;
    writeFileSync(join(siteDir, "papers", "noise-paper", "index.html"), page);
    expect(builtPaperDocuments(siteDir, check.index, ["noise-paper"])).toEqual(check.search[0]!.documents);
  });

  it("finds a row of an align by its own TeX, not by its neighbours'", async () => {
    const rows = `${frontmatter({})}
$$
\\begin{align}
a &= \\operatorname{softmax}(z) \\label{eq:first} \\\\
b &= \\log p(x) \\label{eq:second}
\\end{align}
$$
`;
    const { papersDir } = writePapers({ rows });
    const { search } = await checkContent(papersDir, "/", { render: true });
    const equations = search.flatMap((page) => page.documents!).filter((d) => d.kind === "equation");
    expect(equations.map((d) => [d.heading, d.text])).toEqual([
      ["(1) first", "equation 公式 first eq:first \\begin{align} a &= \\operatorname{softmax}(z) \\end{align}"],
      ["(2) second", "equation 公式 second eq:second \\begin{align} b &= \\log p(x) \\end{align}"],
    ]);
  });
});
