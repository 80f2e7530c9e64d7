// What a table-of-contents entry shows of a heading, in both pipelines.
import type { Element, ElementContent, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";
import { hasClass } from "./hast-class.ts";

/** Each heading with an id, in order; paragraphs and code blocks, most of a tree and never holding one, are not walked. */
export function visitHeadings(tree: Root, visitor: (heading: Element, depth: number, id: string) => void): void {
  visit(tree, "element", (node) => {
    if (node.tagName === "p" || node.tagName === "pre") return SKIP;
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (depth && typeof node.properties.id === "string") {
      visitor(node, Number(depth), node.properties.id);
      return SKIP;
    }
  });
}

/** The heading's content (its permalink follows it, outside); the entry is itself a link, so links in it become their text. */
export function tocContent(heading: Element): ElementContent[] {
  return heading.children.flatMap((child) => (child.type === "element" && child.tagName === "a" ? child.children : [child]));
}

/**
 * Whether it holds a rendered formula (the fast path's raw KaTeX HTML, or KaTeX's elements), which its text would garble;
 * at any depth: a formula touching punctuation ("$\alpha$-weighted") is in rehype-math-punctuation's span.
 */
export function holdsMath(content: ElementContent[]): boolean {
  return content.some((child) => (child as { type: string }).type === "raw" || (child.type === "element" && (hasClass(child, "katex") || holdsMath(child.children))));
}
