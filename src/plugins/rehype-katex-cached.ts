// Renders math like rehype-katex, with the site's options and markup, for the
// fast build path: each distinct formula is rendered once per build, and its
// HTML is kept as a raw node instead of being parsed back into a tree (the
// same formulas recur across papers; parsing KaTeX's HTML back was most of the
// cost). rehype-stringify must run with allowDangerousHtml. The class names of
// the markup go on the file, for the page's KaTeX rules (see katexRulesFor).
import type { Element, ElementContent, Root } from "hast";
import { toText } from "hast-util-to-text";
import { SKIP, visitParents } from "unist-util-visit-parents";
import type { VFile } from "vfile";
import { hasClass, isMathElement } from "../lib/hast-class.ts";
import { formulaClasses, formulaKey } from "../lib/katex-classes.ts";
import { namedFromContent, withMathLabel } from "../lib/katex-math-label.ts";
import { renderMath } from "../lib/katex-render.ts";
import type { MathNodeData } from "../lib/search-documents.ts";

declare module "vfile" {
  interface DataMap {
    /** The class names in the note's KaTeX markup. */
    katexClasses: Set<string>;
  }
}

export default function rehypeKatexCached() {
  return (tree: Root, file: VFile) => {
    const classes = (file.data.katexClasses ??= new Set());
    visitParents(tree, "element", (element: Element, parents) => {
      if (!isMathElement(element)) return;
      const display = hasClass(element, "math-display");
      const parent = parents.at(-1) as Element | Root;
      const tex = toText(element, { whitespace: "pre" });
      let value: string;
      try {
        value = renderMath(tex, display);
        if (namedFromContent(parents as never)) value = withMathLabel(value);
        for (const name of formulaClasses(formulaKey(tex, display), () => value)) classes.add(name);
      } catch (error) {
        // An element made by a plugin may have no place: its nearest ancestor's names the line.
        const place = element.position ?? (parents as (Element | Root)[]).findLast((parent) => parent.position)?.position;
        file.message(`Could not render math with KaTeX: ${(error as Error).message}`, { place, source: "rehype-katex-cached" });
        value = "";
      }
      // The TeX stays on the node for the search records (see search-documents).
      const data: MathNodeData = { tex, displayMode: display };
      parent.children.splice(parent.children.indexOf(element), 1, { type: "raw", value, data } as unknown as ElementContent);
      return SKIP;
    });
  };
}
