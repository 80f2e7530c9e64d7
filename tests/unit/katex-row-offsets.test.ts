// A link to a row of an align lands with the rows above it in view: each row's
// anchor but the first's has its distance below the first row (--row-offset),
// in both pipelines.
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
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
g = h \\label{eq:alone}
$$
`;

/** Each anchor in the column of numbers, with its offset. */
const rowOffsets = (html: string) => [...html.matchAll(/<span class="enclosing" id="([^"]+)"(?: style="--row-offset:([\d.]+)em")?>/g)].map(([, id, offset]) => [id, offset === undefined ? 0 : Number(offset)]);

describe("row offsets", () => {
  it("go on each row's anchor but the first's, growing down the rows, alike in the fast and the MDX path", async () => {
    const { papersDir } = writePapers({ rows: note });
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.problems).toEqual([]);
    const fast = rowOffsets(paperHtml(result.rendered.get("rows")!));
    expect(fast.map(([id]) => id)).toEqual(["eq-first", "eq-second", "eq-third"]);
    const [first, second, third] = fast.map(([, offset]) => offset as number);
    expect(first).toBe(0);
    // The second row is below a row of plain letters; the third, below a fraction and a sum as well.
    expect(second).toBeGreaterThan(1);
    expect(third! - second!).toBeGreaterThan(second!);
    expect(rowOffsets(toHtml(runMdxPipeline(papersDir, "rows", note, result.index)))).toEqual(fast);
  });
});
