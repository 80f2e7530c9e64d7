// GFM column alignment as CSS. remark-rehype writes `align="right"` on <th>
// and <td>, an obsolete attribute (html-validate: no-deprecated-attr) that our
// stylesheet's `text-align: left` for table cells also overrode. A style
// attribute is valid HTML and wins over the stylesheet.
import type { Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

export default function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      // No table cell is inside a paragraph or a code block.
      if (node.tagName === "p" || node.tagName === "pre") return SKIP;
      if (node.tagName !== "th" && node.tagName !== "td") return;
      const align = node.properties.align;
      if (align === undefined || align === null) return;
      delete node.properties.align;
      const style = node.properties.style ? `;${String(node.properties.style)}` : "";
      node.properties.style = `text-align:${String(align)}${style}`;
    });
  };
}
