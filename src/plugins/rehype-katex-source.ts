// KaTeX keeps the TeX it rendered in its MathML annotation, which copy-tex
// copies. For a display equation that TeX has the numbers we add (`\tag{3}`,
// `\tag{\htmlId{eq-x}{3}}`, `align*` for `align`); this puts back the author's
// TeX, as the equation's TeX button has it, so that a selection pasted into a
// LaTeX file is what the author wrote.
import type { Element, ElementContent, Root } from "hast";
import { escapeText } from "entities";
import { SKIP, visit } from "unist-util-visit";
import { hasClass } from "../lib/hast-class.ts";
import { listedTex, type IndexedEquation } from "../lib/paper-index.ts";
import type { VFile } from "vfile";
import type { MathNodeData } from "../lib/search-documents.ts";
import { renderMath } from "../lib/katex-render.ts";

const TEX_ANNOTATION = /(<annotation encoding="application\/x-tex">)[^<]*(<\/annotation>)/;

export default function rehypeKatexSource() {
  return (tree: Root, file: VFile) => {
    visit(tree, "element", (node) => {
      // Equations sit at the top of the note or in lists and quotes, never in a paragraph or code.
      if (node.tagName === "p" || node.tagName === "pre") return SKIP;
      if (node.tagName !== "div" || !hasClass(node, "equation")) return;
      const source = authorTex(node);
      if (source !== undefined) for (const child of node.children) withSource(child, source);
      return SKIP;
    });
    // Inline formulas given macro definitions (rehype-math-macros), or whose references became
    // links (remark-equation-refs): their TeX as written.
    const prefixes = [...(file.data.mathMacroPrefixes ?? [])];
    const asWritten = file.data.inlineTexAsWritten ?? new Map<string, string>();
    if (prefixes.length > 0 || asWritten.size > 0) visit(tree, (node) => inlineAsWritten(node as ElementContent, prefixes, asWritten));
  };
}

function inlineAsWritten(node: ElementContent, prefixes: string[], asWritten: ReadonlyMap<string, string>): void {
  if (node.type === "raw") {
    const math = node.data as MathNodeData | undefined;
    if (!math || math.displayMode) return; // a display's annotation is its author's TeX already (withSource)
    const prefix = prefixes.find((p) => math.tex.startsWith(p));
    // `tex` stays what KaTeX rendered (its fonts are looked up by it, rehype-katex-fonts).
    const written = asWrittenOf(math.tex, prefix, asWritten) ?? (prefix ? math.tex.slice(prefix.length) : undefined);
    if (written === undefined) return;
    math.written = written;
    node.value = withTexAnnotation(node.value, written);
  } else if (node.type === "element" && node.tagName === "annotation" && node.children[0]?.type === "text") {
    const text = node.children[0];
    const prefix = prefixes.find((p) => text.value.startsWith(p));
    const written = asWrittenOf(text.value, prefix, asWritten);
    if (prefix) text.value = text.value.slice(prefix.length);
    text.value = written ?? text.value;
  }
}

/** The TeX as written of a formula KaTeX was given as `tex`: noted by the TeX with its definitions (remark-math-macros), or without (remark-equation-refs). */
function asWrittenOf(tex: string, prefix: string | undefined, asWritten: ReadonlyMap<string, string>): string | undefined {
  return asWritten.get(tex) ?? (prefix ? asWritten.get(tex.slice(prefix.length)) : undefined);
}

/** The author's TeX, from the equation's TeX button (see remark-equation-numbers). */
export function authorTex(equation: Element): string | undefined {
  let tex: string | undefined;
  visit(equation, "element", (node) => {
    if (node.tagName === "button" && hasClass(node, "equation-copy-tex") && typeof node.properties.dataTex === "string") tex = node.properties.dataTex;
  });
  return tex;
}

/** KaTeX's markup with `source` as the TeX of its annotation (a formula preview's, too). */
function withTexAnnotation(html: string, source: string): string {
  return html.replace(TEX_ANNOTATION, (_, open: string, close: string) => open + escapeText(source) + close);
}

/** An equation's preview, shown away from its note (the formula list, splices), with the author's TeX in its annotation: a row's own, for a row of an align. */
export function renderFormulaPreview(eq: Pick<IndexedEquation, "previewTex" | "tex" | "rowTex">): string {
  return withTexAnnotation(renderMath(eq.previewTex, true), listedTex(eq));
}

function withSource(node: ElementContent, source: string): void {
  // The fast path's KaTeX markup is raw HTML (see rehype-katex-cached).
  if (node.type === "raw") {
    node.value = withTexAnnotation(node.value, source);
    return;
  }
  if (node.type !== "element") return;
  if (node.tagName === "annotation" && node.properties.encoding === "application/x-tex") {
    node.children = [{ type: "text", value: source }];
    return;
  }
  for (const child of node.children) withSource(child, source);
}
