// For the content check: a display with nothing to show ($$ and $$ with only
// blank lines, comments or an empty environment between) still takes an
// equation number, so the page shows a gap and its numbers skip one: (3), (5).
// A display of definitions only is gone before this (remark-math-macros).
import type { Root } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import type { MathNode } from "../lib/mdast-math.ts";
import { isUnclosedDisplay } from "./remark-katex-check.ts";
import { showsNothing } from "./remark-math-macros.ts";
import { SOURCE } from "./messages.ts";

export default function remarkEmptyDisplays() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      // A display is a block: never inside a paragraph, whose inline nodes are most of a note's tree.
      if (node.type === "paragraph") return SKIP;
      if (node.type !== "math") return;
      const math = node as MathNode;
      // Text on the opening $$ line is remark-display-opening-text's to tell, a $$ never closed remark-katex-check's.
      if (node.meta?.trim() || isUnclosedDisplay(file, math)) return;
      // The TeX as written: remark-equation-numbers has added its number to the value.
      if (!showsNothing(math.data?.originalTex ?? math.value)) return;
      const reason = "this display is empty: write its formula between the $$ lines, or remove them (as it is, the page shows a gap that takes an equation number)";
      file.message(reason, { place: node.position, source: SOURCE, ruleId: "content" });
    });
  };
}
