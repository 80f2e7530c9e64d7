// Keeps a remark-math node's TeX and the hast text that rehype-katex reads in step.
import type { Parent } from "hast";
import type { Nodes } from "mdast";
import type { MacroDefinition } from "../plugins/remark-math-macros.ts";
import { findElement, isMathElement } from "./hast-class.ts";

export interface MathNode {
  type: "math" | "inlineMath";
  value: string;
  position?: Nodes["position"];
  data?: Record<string, unknown> & {
    hName?: string;
    hProperties?: Record<string, unknown>;
    hChildren?: unknown[];
    originalTex?: string;
    macros?: string;
    copyMacros?: string;
    /** A display's definitions: the note's before it, and its own (remark-math-macros' copiedMacros). */
    copyScope?: { earlier: MacroDefinition[]; own: MacroDefinition[] };
  };
}

/** The TeX KaTeX is given: the macro definitions the formula uses (remark-math-macros), then the formula. */
export function texWithMacros(node: MathNode): string {
  return (node.data?.macros ?? "") + node.value;
}

/** The element that rehype-katex will render for a math node of the given mode; rehype-math-macros puts `macros` before its TeX. */
export function mathElement(tex: string, display: boolean, macros?: string) {
  return {
    type: "element" as const,
    tagName: display ? "div" : "span",
    properties: { className: ["math", display ? "math-display" : "math-inline"], dataMacros: macros },
    children: [{ type: "text" as const, value: tex }],
  };
}

/** Sets the TeX that will be rendered, in the mdast value and in the hast text both; the TeX as written stays in data.originalTex. */
export function setMathTex(node: MathNode, tex: string): void {
  const data = (node.data ??= {});
  data.originalTex ??= node.value;
  node.value = tex;
  // hChildren are hast: remark-rehype's children for the node.
  const rendered = findElement({ children: (data.hChildren ?? []) as Parent["children"] }, isMathElement);
  if (rendered) rendered.children = [{ type: "text", value: tex }];
  else Object.assign(data, mathNodeData(tex, node.type === "math", data.hProperties));
}

/** A math node's data for remark-rehype: the element of mathElement, with these properties kept. */
export function mathNodeData(tex: string, display: boolean, properties?: Record<string, unknown>) {
  const element = mathElement(tex, display);
  return { hName: element.tagName, hProperties: { ...properties, className: element.properties.className }, hChildren: element.children };
}
