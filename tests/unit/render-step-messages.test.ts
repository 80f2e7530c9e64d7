// A problem only rendering finds (a formula KaTeX rejects after the checks let
// it through) fails the check, rather than leave an empty place on the page.
// No note known to the checks does that, so here the formula is broken on its
// way to KaTeX's step: the checks saw it whole, the real render step fails.
import { describe, expect, it, vi } from "vitest";
import type { Element, Root, Text } from "hast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { checkContent } from "../../src/lib/content-check.ts";
import { formatProblem } from "../../src/lib/content-check-results.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

vi.mock("../../src/plugins/rehype-katex-cached.ts", async (original) => {
  const module = await original<typeof import("../../src/plugins/rehype-katex-cached.ts")>();
  return {
    ...module,
    default: () => {
      const render = module.default();
      return (tree: Root, file: VFile) => {
        visit(tree, "text", (text: Text, _, parent) => {
          if ((parent as Element | undefined)?.type === "element" && text.value.includes("x_{late}")) text.value += " \\frac{";
        });
        render(tree, file);
      };
    },
  };
});

describe("the render step's messages", () => {
  it("are problems of the note, named at the line of their formula, inline or display, as the checks' are", async () => {
    const late = `${frontmatter()}\nThen $x_{late}$.\n\nAnd\n\n$$\ny = x_{late}\n$$\n`;
    const { papersDir } = writePapers({ late, fine: `${frontmatter()}\nThen $x$.\n` });
    const lineOf = (text: string) => late.split("\n").findIndex((line) => line.includes(text)) + 1;
    const result = await checkContent(papersDir, "/", { render: true });
    const problems = result.problems.map((p) => formatProblem({ ...p, file: p.file.replace(/.*\//, "") }));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(new RegExp(`^late\\.mdx:${lineOf("Then $x_{late}$")}:\\d+: Could not render math with KaTeX: .*expected '\\}'`));
    // A display is named at its opening $$, not at the note's first line.
    expect(problems[1]).toMatch(new RegExp(`^late\\.mdx:${lineOf("y = x_{late}") - 1}:\\d+: Could not render math with KaTeX: `));
  });
});
