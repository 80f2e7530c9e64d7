// What a table-of-contents entry shows of a heading, in both pipelines.
import type { Element, ElementContent } from "hast";
import { hasClass } from "./hast-class.ts";

/** The heading's content (its permalink follows it, outside); the entry is itself a link, so links in it become their text. */
export function tocContent(heading: Element): ElementContent[] {
  return heading.children.flatMap((child) => (child.type === "element" && child.tagName === "a" ? child.children : [child]));
}

/** Whether it holds a rendered formula (the fast path's raw KaTeX HTML, or KaTeX's elements), which its text would garble. */
export function holdsMath(content: ElementContent[]): boolean {
  return content.some((child) => (child as { type: string }).type === "raw" || (child.type === "element" && hasClass(child, "katex")));
}
