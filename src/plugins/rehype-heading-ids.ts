// Heading ids by rehype-slug (GitHub's slugger on the heading's text), with each
// formula in a heading read as the text KaTeX shows, as the reader sees it: "The
// $\alpha$-weighted loss" is #the-α-weighted-loss, as "The α-weighted loss" is,
// and $\mathcal{L}_{\text{DPO}}$ is "ldpo", not "mathcall_textdpo" (rehype-slug
// alone reads the TeX, which is all the math holds before KaTeX). Runs before
// KaTeX; the content check predicts the same ids (headingSlugs in paper-index.ts).
// A heading that slugs to nothing ("## ?") is #section, not id="".
import type { Element, ElementContent, Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeSlug from "rehype-slug";
import { visit } from "unist-util-visit";
import { hasClass } from "../lib/hast-class.ts";
import { headingFormulaText, sluggableHeadingText } from "../lib/tag-text.ts";

export default function rehypeHeadingIds() {
  const slug = rehypeSlug();
  return (tree: Root) => {
    // Each formula in a heading shows rehype-slug its text, then has its TeX back;
    // so does a heading whose text slugs to nothing, which shows it a word.
    const shownOtherwise: [Element, ElementContent[]][] = [];
    visit(tree, "element", (heading) => {
      if (!/^h[1-6]$/.test(heading.tagName)) return;
      const headingChildren = heading.children;
      visit(heading, "element", (node) => {
        if (!hasClass(node, "math-inline")) return;
        // Before rehype-math-macros puts its definitions before its TeX: they are on data-macros.
        const macros = typeof node.properties.dataMacros === "string" ? node.properties.dataMacros : "";
        shownOtherwise.push([node, node.children]);
        node.children = [{ type: "text", value: headingFormulaText(toText(node, { whitespace: "pre" }), macros) }];
      });
      const text = toText(heading);
      const sluggable = sluggableHeadingText(text);
      if (sluggable === text) return;
      shownOtherwise.unshift([heading, headingChildren]);
      heading.children = [{ type: "text", value: sluggable }];
    });
    slug(tree);
    for (const [node, children] of shownOtherwise) node.children = children;
  };
}
