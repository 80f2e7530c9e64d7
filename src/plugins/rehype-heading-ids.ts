// Heading ids, as rehype-slug makes them (GitHub's slugger on the heading's
// text), but a formula counts as the text KaTeX shows, as the reader sees it:
// "The $\alpha$-weighted loss" is #the-α-weighted-loss, as "The α-weighted
// loss" is, and $\mathcal{L}_{\text{DPO}}$ is "ldpo", not "mathcall_textdpo".
// Runs before KaTeX; the content check predicts the same ids (headingSlugs in
// paper-index.ts).
import Slugger from "github-slugger";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { toText } from "hast-util-to-text";
import { visit } from "unist-util-visit";
import { hasClass } from "../lib/hast-class.ts";
import { headingFormulaText } from "../lib/tag-text.ts";

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new Slugger();
    visit(tree, "element", (node) => {
      if (/^h[1-6]$/.test(node.tagName) && !node.properties.id) node.properties.id = slugger.slug(headingText(node));
    });
  };
}

/** The heading's text, each formula in it (before rehype-math-macros puts its definitions before it) as KaTeX shows it. */
function headingText(heading: Element): string {
  let math = false;
  visit(heading, "element", (node) => void (math ||= hasClass(node, "math-inline")));
  if (!math) return toString(heading);
  const copy = structuredClone(heading);
  visit(copy, "element", (node) => {
    if (!hasClass(node, "math-inline")) return;
    const macros = typeof node.properties.dataMacros === "string" ? node.properties.dataMacros : "";
    node.children = [{ type: "text", value: headingFormulaText(macros + toText(node, { whitespace: "pre" })) }];
  });
  return toString(copy);
}
