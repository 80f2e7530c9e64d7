// `\\*` ends a row where LaTeX may not break the page. KaTeX has no pages and
// no starred form: it shows the `*`. Each formula's TeX gets `\\` instead (the
// TeX as written stays in data.originalTex, for the TeX button), the same
// length, so that places KaTeX reports still point into the source.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { setMathTex, type MathNode } from "../lib/mdast-math.ts";

/** A run of backslashes, then `*` and any row spacing: the run ends in `\\` when even (an odd one ends in `\*`). */
const STARRED_BREAK = /(\\+)\*(\[[^\]]*\])?/g;

export function withoutStarredRowBreaks(tex: string): string {
  return tex.replace(STARRED_BREAK, (whole, slashes: string, space = "") => (slashes.length % 2 === 0 ? `${slashes}${space} ` : whole));
}

export default function remarkStarredRowBreaks() {
  return (tree: Root, file: VFile) => {
    // Most notes have none: no walk of their tree.
    if (!String(file.value).includes("\\*")) return;
    visit(tree, (node) => {
      if ((node.type !== "math" && node.type !== "inlineMath") || !node.value.includes("*")) return;
      const tex = withoutStarredRowBreaks(node.value);
      if (tex !== node.value) setMathTex(node as MathNode, tex);
    });
  };
}
