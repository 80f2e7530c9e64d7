// The last line of defence in Astro's own pipeline: any KaTeX error text that
// reached the page (red text, which rehype-katex never reports) becomes a message.
import type { Element, Root } from "hast";
import { visitParents } from "unist-util-visit-parents";
import type { VFile } from "vfile";
import { hasClass } from "../lib/hast-class.ts";
import { report } from "./messages.ts";

function isErrorElement(node: Element): boolean {
  return hasClass(node, "katex-error") || (node.properties.mathcolor ?? node.properties.mathColor) === "#cc0000" || String(node.properties.style ?? "").includes("#cc0000");
}

export default function rehypeNoMathErrors() {
  return (tree: Root, file: VFile) => {
    // Once a formula: its error shows in KaTeX's HTML and again in its MathML.
    const reported = new Set<unknown>();
    visitParents(tree, "element", (node, parents) => {
      if (!isErrorElement(node)) return;
      // KaTeX's markup has no place in the note: its formula's element has.
      const placed = [node, ...parents.toReversed()].find((ancestor) => ancestor.position);
      if (reported.has(placed)) return "skip";
      reported.add(placed);
      report(file, placed, "KaTeX rendered part of a formula as error text (an unknown or disallowed command)");
      return "skip";
    });
  };
}
