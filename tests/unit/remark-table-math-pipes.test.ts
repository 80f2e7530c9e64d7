// remark-table-math-pipes: a | inside $…$ in a table row ends the cell; it is reported at its place.
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkTableMathPipes, { spansWithPipes } from "../../src/plugins/remark-table-math-pipes.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkGfm, remarkMath, remarkTableMathPipes]);

describe("remark-table-math-pipes", () => {
  it("reports math with a | in a table row, at its column", () => {
    const table = "| model | score |\n|---|---|\n| A | $|x|$ and $p(y|x)$ |\n| B | $\\lvert x \\rvert$, $p(y \\mid x)$ |\n";
    expect(messagesOf(table)).toEqual([
      "3:7: $|x|$ in a table: a | ends the cell, also inside math; write \\vert or \\mid instead (\\lvert x \\rvert for |x|)",
      expect.stringMatching(/^3:17: \$p\(y\|x\)\$ in a table/),
    ]);
  });

  it("reports a | in a code span in a table row, which ends the cell too", () => {
    expect(messagesOf("| a | b |\n|---|---|\n| `a|b` | `c\\|d` |\n")).toEqual(["3:3: `a|b` in a table: a | ends the cell, also inside code; write \\| for a | in code"]);
  });

  it("leaves alone prices in two cells, escaped dollars, $ in code, and | in math outside tables", () => {
    expect(spansWithPipes("| $5 | $10 |")).toEqual([]);
    expect(spansWithPipes("| G |$5|$10|")).toEqual([]);
    expect(spansWithPipes("| \\$5|x \\$ | 2 |")).toEqual([]);
    expect(spansWithPipes("| `$a$` | $b$ |")).toEqual([]);
    // Two formulas, the cell's | between them: the $ that closes the first does not open another.
    expect(spansWithPipes("| $a$|$b$ |")).toEqual([]);
    expect(messagesOf("The norm $|x|$ in prose.\n")).toEqual([]);
  });
});
