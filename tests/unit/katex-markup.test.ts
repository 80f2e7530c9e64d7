// What both pipelines add to KaTeX's markup: a link to a row of an align lands
// with the rows above it in view (each row's anchor has the depth of its row's
// baseline in the display, --row-offset); a formula in a table header, a
// link or a heading names it (its <math> labelled, as Chromium names nothing by it).
import { toHtml } from "hast-util-to-html";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
import { withMathLabel } from "../../src/lib/katex-math-label.ts";
import { tagText } from "../../src/lib/tag-text.ts";
import { renderMath } from "../../src/lib/katex-render.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import { runMdxPipeline } from "../support/mdx-pipeline.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const note = `${frontmatter()}
$$
\\begin{align}
a &= b \\label{eq:first} \\\\
\\frac{x}{y} &= \\sum_{t>1} c_t \\label{eq:second} \\\\
e &= f \\label{eq:third}
\\end{align}
$$

$$
\\begin{align}
\\begin{pmatrix} a \\\\ b \\\\ c \\end{pmatrix} &= v \\label{eq:tall} \\\\
w &= 0 \\label{eq:after-tall}
\\end{align}
$$

$$
g = h \\label{eq:alone}
$$
`;

/** Each anchor in a column of numbers, with its offset (em). */
const rowOffsets = (html: string) => [...html.matchAll(/<span class="enclosing" id="([^"]+)" style="--row-offset:([\d.]+)em[;"]/g)].map(([, id, offset]) => [id, Number(offset)] as const);
/** Each anchor in a column of numbers, with its --row-number (null for none). */
const rowNumbers = (html: string) => [...html.matchAll(/<span class="enclosing" id="([^"]+)" style="[^"]*?(?:--row-number:(\d+))?">/g)].map(([, id, number]) => [id, number ?? null] as const);

describe("row offsets", () => {
  it("go on each row's anchor, as deep as its row in the display (a tall first row too), alike in the fast and the MDX path", async () => {
    const { papersDir } = writePapers({ rows: note });
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.problems).toEqual([]);
    const fast = rowOffsets(paperHtml(result.rendered.get("rows")!));
    expect(fast.map(([id]) => id)).toEqual(["eq-first", "eq-second", "eq-third", "eq-tall", "eq-after-tall"]);
    const [first, second, third, tall, afterTall] = fast.map(([, offset]) => offset);
    // A row of plain letters: its baseline about 1em down; the next, a row and a fraction further; the third, a sum's depth more.
    expect(first).toBeGreaterThan(0.5);
    expect(first).toBeLessThan(1.5);
    expect(second! - first!).toBeGreaterThan(1);
    expect(third! - second!).toBeGreaterThan(second! - first!);
    // A matrix of three rows puts its row's baseline (and number) deeper than a row of letters.
    expect(tall).toBeGreaterThan(first! + 0.8);
    expect(afterTall).toBeGreaterThan(tall!);
    // The single equation has no column of numbers.
    expect(rowOffsets(paperHtml(result.rendered.get("rows")!).split('id="eq-alone"')[1]!)).toEqual([]);
    expect(rowOffsets(toHtml(runMdxPipeline(papersDir, "rows", note, result.index)))).toEqual(fast);
  });
});

describe("row numbers", () => {
  it("go on each row's anchor when its number is digits, for the number shown above a display landed on at that row; not a \\tag's text, nor digits a counter would show otherwise (07 as 7); alike in both paths", async () => {
    const tagged = `${frontmatter()}
$$
\\begin{align*}
a &= b \\tag{A.1} \\label{eq:tagged} \\\\
c &= d \\label{eq:counted} \\\\
e &= f \\tag{12} \\label{eq:twelve} \\\\
g &= h \\tag{07} \\label{eq:zero-led}
\\end{align*}
$$
`;
    const { papersDir } = writePapers({ rows: note, tagged });
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.problems).toEqual([]);
    const fast = rowNumbers(paperHtml(result.rendered.get("rows")!));
    expect(fast).toEqual([["eq-first", "1"], ["eq-second", "2"], ["eq-third", "3"], ["eq-tall", "4"], ["eq-after-tall", "5"]]);
    expect(rowNumbers(toHtml(runMdxPipeline(papersDir, "rows", note, result.index)))).toEqual(fast);
    expect(rowNumbers(paperHtml(result.rendered.get("tagged")!))).toEqual([["eq-tagged", null], ["eq-counted", "1"], ["eq-twelve", "12"], ["eq-zero-led", null]]);
  });
});

const labelled = `${frontmatter()}
## The $\\beta$ schedule

| Model | $M_1$ | $M_2$ |
|---|---|---|
| $M_1$ vs SFT | 1 | 2 |

See [the $\\beta$ schedule](#the-β-schedule) and $x_0$ in text.
`;

describe("math labels", () => {
  it("name a formula by its symbols in a header, a link or a heading, and nowhere else, alike in the fast and the MDX path", async () => {
    const { papersDir } = writePapers({ labelled });
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.problems).toEqual([]);
    // Each formula's label, in page order.
    const labels = (html: string) => [...html.matchAll(/<math [^>]*>/g)].map(([tag]) => /aria-label="([^"]*)"/.exec(tag)?.[1] ?? null);
    const fast = paperHtml(result.rendered.get("labelled")!);
    const mdx = toHtml(runMdxPipeline(papersDir, "labelled", labelled, result.index));
    for (const html of [fast, mdx]) {
      expect(html).toMatch(/<h2 id="the-β-schedule">The <span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML" aria-label="β">/);
      expect(html.match(/<th[^>]*><span class="katex"><span class="katex-mathml"><math [^>]*aria-label="([^"]*)"/g)?.map((th) => th.match(/aria-label="([^"]*)"/)![1])).toEqual(["M 1", "M 2"]);
      expect(html).toMatch(/<a href="#the-%CE%B2-schedule">the <span class="katex"><span class="katex-mathml"><math [^>]*aria-label="β">/);
      // A table cell (read out as it is reached) and running text keep their MathML as it is.
      expect(html).toMatch(/<td><span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"><semantics><mrow><msub><mi>M<\/mi>/);
      expect(html).toMatch(/and <span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"><semantics>/);
    }
    expect(labels(fast)).toEqual(["β", "M 1", "M 2", null, "β", null]);
    expect(labels(mdx)).toEqual(labels(fast));
  });
});

describe("math labels in HTML a note writes", () => {
  it("name a formula in a <summary> or <a> of an MDX note (JSX to the MDX path)", async () => {
    const jsx = `${frontmatter()}
<details>
<summary>The $\\gamma$ schedule</summary>

Hidden $x$ text.
</details>

See <a href="#s">the $\\delta$ link</a>.

## S
`;
    const { papersDir } = writePapers({ jsx });
    const { index } = await checkContent(papersDir);
    // The tree holds JSX, which hast-util-to-html cannot write: each <math>'s label, read off the tree.
    const labels: (string | null)[] = [];
    visit(runMdxPipeline(papersDir, "jsx", jsx, index), "element", (node) => void (node.tagName === "math" && labels.push((node.properties.ariaLabel as string | undefined) ?? null)));
    expect(labels).toEqual(["γ", null, "δ"]);
  });
});

describe("withMathLabel", () => {
  it("labels with the symbols as text, quotes escaped, no invisible operator, and tagText reads the same symbols", () => {
    const html = withMathLabel(renderMath(String.raw`\text{"q" \& r} < \log x`, false));
    expect(/<math [^>]*>/.exec(html)![0]).toBe('<math xmlns="http://www.w3.org/1998/Math/MathML" aria-label="&quot;q&quot; &amp; r &lt; log x">');
    expect(tagText(String.raw`$\star$ 2`)).toBe("⋆\u00a02"); // KaTeX keeps a space in text as a no-break space
  });
});
