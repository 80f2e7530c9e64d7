// Reading the HTML elements of an MDX note (JSX: <a href="…">, <img src="…">).
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { Node } from "unist";

/**
 * The attribute `name` of a JSX element `element` (as <a>, not a component), if
 * its value is a plain string: `href="/papers/x/"`, not `href={url}`.
 */
export function jsxStringAttribute(node: Node, element: string, name: string): (MdxJsxAttribute & { value: string }) | undefined {
  if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return undefined;
  const jsx = node as MdxJsxFlowElement | MdxJsxTextElement;
  if (jsx.name !== element) return undefined;
  const attribute = jsx.attributes.find((a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name);
  return typeof attribute?.value === "string" ? (attribute as MdxJsxAttribute & { value: string }) : undefined;
}
