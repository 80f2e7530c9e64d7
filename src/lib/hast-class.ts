// hast keeps an element's classes as a className array (Shiki's strings aside, see rehype-code-blocks).
import type { Element } from "hast";

export function hasClass(node: Element, name: string): boolean {
  return Array.isArray(node.properties.className) && node.properties.className.includes(name);
}
