// Puts before a formula's TeX the note's earlier macro definitions it uses
// (found by remark-math-macros), just before KaTeX renders it: after rehype-slug,
// so that a heading's id is made from the formula as written.
import type { Root } from "hast";
import { visit } from "unist-util-visit";

export default function rehypeMathMacros() {
  return (tree: Root) => {
    visit(tree, "element", (element) => {
      const macros = element.properties.dataMacros;
      if (typeof macros !== "string") return;
      delete element.properties.dataMacros;
      const text = element.children[0];
      if (text?.type === "text") text.value = macros + text.value;
    });
  };
}
