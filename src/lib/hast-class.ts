// Small hast helpers. hast keeps an element's classes as a className array (Shiki's strings aside, see rehype-code-blocks).
import type { Element, Parent } from "hast";

export function hasClass(node: Element, name: string): boolean {
  return Array.isArray(node.properties.className) && node.properties.className.includes(name);
}

/** The first element under `node`, depth first, that passes `test`. */
export function findElement(node: Pick<Parent, "children">, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

/** An element that rehype-katex (or rehype-katex-cached) renders: `math-display` or `math-inline`. */
export function isMathElement(node: Element): boolean {
  return hasClass(node, "math-display") || hasClass(node, "math-inline");
}
