// The last line of defence in Astro's own pipeline: any KaTeX error text that
// reached the page (red text, which rehype-katex never reports) becomes a message.
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { hasClass } from "../lib/hast-class.ts";
import { report } from "./messages.ts";

function isErrorElement(node: Element): boolean {
  return hasClass(node, "katex-error") || (node.properties.mathcolor ?? node.properties.mathColor) === "#cc0000" || String(node.properties.style ?? "").includes("#cc0000");
}

export default function rehypeNoMathErrors() {
  return (tree: Root, file: VFile) => {
    visit(tree, "element", (node) => {
      if (!isErrorElement(node)) return;
      report(file, node, "KaTeX rendered part of a formula as error text (an unknown or disallowed command)");
      return "skip";
    });
  };
}
