// Astro's MDX path: rehype-katex's markup gets what the fast path's gets as
// KaTeX renders it (rehype-katex-cached): displays their row offsets
// (src/lib/katex-row-offsets.ts), and formulas in a header, link or heading a
// label (src/lib/katex-math-label.ts). Each is done on the markup as text, by
// the functions the fast path uses.
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { SKIP, visitParents } from "unist-util-visit-parents";
import { hasClass } from "../lib/hast-class.ts";
import { NAMED_FROM_CONTENT, withMathLabel } from "../lib/katex-math-label.ts";
import { withRowOffsets } from "../lib/katex-row-offsets.ts";

function rewrite(element: Element, change: (html: string) => string): void {
  const html = toHtml(element);
  const changed = change(html);
  if (changed !== html) element.children = (fromHtml(changed, { fragment: true }).children[0] as Element).children;
}

export default function rehypeKatexMarkup() {
  return (tree: Root) => {
    visitParents(tree, "element", (element, parents) => {
      const display = hasClass(element, "katex-display");
      if (!display && !hasClass(element, "katex")) return;
      const named = parents.some((parent) => parent.type === "element" && NAMED_FROM_CONTENT.has(parent.tagName));
      if (display || named) rewrite(element, (html) => {
        const offset = display ? withRowOffsets(html) : html;
        return named ? withMathLabel(offset) : offset;
      });
      return SKIP;
    });
  };
}
