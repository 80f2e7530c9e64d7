// Chrome prints with the web fonts the screen has loaded, and display math off
// screen is not laid out (content-visibility: auto), so its fonts never load
// until it is scrolled to. A note printed right after it was opened lost its
// big brackets and 𝔼. This appends a hidden sample of each KaTeX font that the
// note's display math uses and its inline math (always laid out) does not:
// the screen loads them with the page, a few small files.
import type { Element, ElementContent, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";
import { distinctFaces, faceKey, katexFacesOf, type KatexFace } from "../integrations/katex-assets.ts";
import { boundedMemo } from "../lib/bounded-memo.ts";
import { formulaClasses, formulaKey } from "../lib/katex-classes.ts";
import type { IndexedEquation } from "../lib/paper-index.ts";
import { renderFormulaPreview } from "./rehype-katex-source.ts";
import type { MathNodeData } from "../lib/search-documents.ts";
import type { VFile } from "vfile";

/** The faces of each distinct formula (by mode and TeX), so that a formula on many pages is read once. */
const facesOfFormulas = boundedMemo<KatexFace[]>(4096);

/** The faces of one formula's KaTeX markup; `key` names the formula (mode and TeX), `html` is asked for only the first time. */
function facesOfFormula(key: string, html: () => string): KatexFace[] {
  return facesOfFormulas(key, () => katexFacesOf(formulaClasses(key, html)));
}

/** How a preview is named in the memos: as the display formula of its TeX. */
const previewKey = (eq: IndexedEquation) => formulaKey(eq.previewTex, true);

/** The fonts of these equations' previews (the formula list's), each once. */
export function formulaPreviewFonts(equations: IndexedEquation[]): KatexFace[] {
  return distinctFaces(equations.flatMap((eq) => facesOfFormula(previewKey(eq), () => renderFormulaPreview(eq))));
}

/** The class names in these equations' previews (the formula list's). */
export function formulaPreviewClasses(equations: IndexedEquation[]): string[] {
  return equations.flatMap((eq) => [...formulaClasses(previewKey(eq), () => renderFormulaPreview(eq))]);
}

/** A hidden sample of each face (see above); the formula list has one too. */
export function fontSamples(faces: KatexFace[]): Element {
  const sample = (face: KatexFace): ElementContent => ({
    type: "element",
    tagName: "span",
    properties: { style: `font-family:${face.family}${face.weight === "bold" ? ";font-weight:bold" : ""}${face.style === "italic" ? ";font-style:italic" : ""}` },
    children: [{ type: "text", value: "(" }],
  });
  return { type: "element", tagName: "span", properties: { className: ["katex-fonts", "visually-hidden"], ariaHidden: "true" }, children: faces.map(sample) };
}

function facesOfElement(element: Element): KatexFace[] {
  const classes = new Set<string>();
  visit(element, "element", (node: Element) => {
    const names = node.properties.className;
    if (Array.isArray(names)) for (const name of names) classes.add(String(name));
  });
  return katexFacesOf(classes);
}

export default function rehypeKatexFonts() {
  return (tree: Root, file: VFile) => {
    // No formula in the note: nothing to walk for.
    if (!String(file.value).includes("$")) return;
    const inDisplays = new Map<string, KatexFace>();
    const inline = new Set<string>();
    const add = (faces: KatexFace[], display: boolean) => {
      for (const face of faces) display ? inDisplays.set(faceKey(face), face) : inline.add(faceKey(face));
    };
    visit(tree, (node) => {
      // The fast path's math: raw KaTeX HTML, with the TeX's mode kept (rehype-katex-cached).
      if (node.type === "raw") {
        const data = (node as { data?: Partial<MathNodeData> }).data;
        if (data?.tex !== undefined) add(facesOfFormula(formulaKey(data.tex, data.displayMode === true), () => (node as { value: string }).value), data.displayMode === true);
        return;
      }
      // rehype-katex's markup (MDX): a display's .katex is inside its .katex-display, which comes first.
      const names = node.type === "element" ? (node as Element).properties.className : undefined;
      if (!Array.isArray(names) || !(names.includes("katex-display") || names.includes("katex"))) return;
      add(facesOfElement(node as Element), names.includes("katex-display"));
      return SKIP;
    });
    const missing = [...inDisplays].filter(([key]) => !inline.has(key)).map(([, face]) => face);
    if (missing.length > 0) tree.children.push(fontSamples(missing));
  };
}
