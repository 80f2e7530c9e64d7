// Puts before a formula's TeX the note's earlier macro definitions it uses
// (found by remark-math-macros), just before KaTeX renders it: after
// rehype-heading-ids, which reads them from data-macros itself. What it put is
// noted in file.data, for rehype-katex-source to take out of KaTeX's annotation.
import type { Root } from "hast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { isMathElement } from "../lib/hast-class.ts";

declare module "vfile" {
  interface DataMap {
    /** The definitions put before formulas' TeX, each as put. */
    mathMacroPrefixes: Set<string>;
  }
}

export default function rehypeMathMacros() {
  return (tree: Root, file: VFile) => {
    visit(tree, "element", (element) => {
      const macros = element.properties.dataMacros;
      // A TeX button's data-macros is what it copies, and stays (remark-equation-numbers).
      if (typeof macros !== "string" || !isMathElement(element)) return;
      delete element.properties.dataMacros;
      const text = element.children[0];
      if (text?.type !== "text") return;
      text.value = macros + text.value;
      (file.data.mathMacroPrefixes ??= new Set()).add(macros);
    });
  };
}
