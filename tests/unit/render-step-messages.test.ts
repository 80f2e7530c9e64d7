// A problem only rendering finds (a formula KaTeX rejects after the checks let
// it through) fails the check, rather than leave an empty place on the page.
// KaTeX's step is made to fail here on purpose: no note known to the checks does.
import { describe, expect, it, vi } from "vitest";
import type { Root } from "hast";
import type { VFile } from "vfile";
import { checkContent } from "../../src/lib/content-check.ts";
import { formatProblem } from "../../src/lib/content-check-results.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

vi.mock("../../src/plugins/rehype-katex-cached.ts", async (original) => {
  const module = await original<typeof import("../../src/plugins/rehype-katex-cached.ts")>();
  return {
    ...module,
    default: (options: object) => {
      const render = module.default(options);
      return (tree: Root, file: VFile) => {
        render(tree, file);
        if (String(file.value).includes("x_{late}")) file.message("Could not render math with KaTeX: a failure only rendering finds", { place: { line: 9, column: 1 }, source: "rehype-katex-cached" });
      };
    },
  };
});

describe("the render step's messages", () => {
  it("are problems of the note, named at their line, as the checks' are", async () => {
    const { papersDir } = writePapers({ late: `${frontmatter()}\nThen $x_{late}$.\n`, fine: `${frontmatter()}\nThen $x$.\n` });
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.problems.map((p) => formatProblem({ ...p, file: p.file.replace(/.*\//, "") }))).toEqual(["late.mdx:9:1: Could not render math with KaTeX: a failure only rendering finds"]);
  });
});
