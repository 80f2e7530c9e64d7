// Astro's MDX path: rehype-katex's displays get the row offsets that the fast
// path's get as KaTeX renders them (see src/lib/katex-row-offsets.ts).
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { SKIP, visit } from "unist-util-visit";
import { hasClass } from "../lib/hast-class.ts";
import { withRowOffsets } from "../lib/katex-row-offsets.ts";

export default function rehypeKatexRowOffsets() {
  return (tree: Root) => {
    visit(tree, "element", (element) => {
      if (!hasClass(element, "katex-display")) return;
      const html = toHtml(element);
      const offset = withRowOffsets(html);
      if (offset !== html) element.children = (fromHtml(offset, { fragment: true }).children[0] as Element).children;
      return SKIP;
    });
  };
}
