// Astro's MDX path: rehype-katex's markup gets what the fast path's gets as
// KaTeX renders it (rehype-katex-cached): displays their row offsets
// (src/lib/katex-row-offsets.ts), and formulas in a header, link or heading a
// label (src/lib/katex-math-label.ts). Each is done on the markup as text, by
// the functions the fast path uses.
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { EXIT, visit } from "unist-util-visit";
import { SKIP, visitParents } from "unist-util-visit-parents";
import { hasClass } from "../lib/hast-class.ts";
import { namedFromContent, withMathLabel } from "../lib/katex-math-label.ts";
import { withRowOffsets } from "../lib/katex-row-offsets.ts";

function rewrite(element: Element, change: (html: string) => string): void {
  const html = toHtml(element);
  const changed = change(html);
  if (changed !== html) element.children = (fromHtml(changed, { fragment: true }).children[0] as Element).children;
}

/** Whether a display has KaTeX's column of numbers for several rows (see NUMBER_COLUMN in katex-row-offsets.ts). */
function hasNumberColumn(display: Element): boolean {
  let found = false;
  visit(display, "element", (node) => {
    const first = node.children[0];
    if (hasClass(node, "katex-tag") && first?.type === "element" && hasClass(first, "vlist-t")) {
      found = true;
      return EXIT;
    }
  });
  return found;
}

export default function rehypeKatexMarkup() {
  return (tree: Root) => {
    visitParents(tree, "element", (element, parents) => {
      const display = hasClass(element, "katex-display");
      if (!display && !hasClass(element, "katex")) return;
      const named = namedFromContent(parents as never);
      // Only a display with a column of numbers has row offsets to get.
      const numbered = display && hasNumberColumn(element);
      if (numbered || named) rewrite(element, (html) => {
        const withOffsets = numbered ? withRowOffsets(html) : html;
        return named ? withMathLabel(withOffsets) : withOffsets;
      });
      return SKIP;
    });
  };
}
