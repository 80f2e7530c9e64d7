// TeX where it is shown as text, as the text KaTeX shows: an author's \tag{…}
// (TeX in text mode: $\star$, \S 2) in a link's name, a title or search; a
// formula in a heading, for its id.
import { mathSymbols } from "./katex-math-label.ts";
import { renderMath } from "./katex-render.ts";

/** Whether a shown number is TeX that KaTeX has to render: "3" and "A.1" are not. */
export function tagHasTex(number: string): boolean {
  return /[$\\{}^_~]/.test(number);
}

/** "$\star$" → "⋆": the text of KaTeX's MathML for it; as written, without $, if KaTeX rejects it (reported at the equation). */
export function tagText(number: string): string {
  if (!tagHasTex(number)) return number;
  return formulaText(String.raw`\text{${number}}`)?.trim() ?? number.replace(/\$/g, "");
}

/**
 * The text of KaTeX's MathML for an inline formula, its symbols run together as
 * on screen: "α" for \alpha, "LDPO" for \mathcal{L}_{\text{DPO}}. Undefined if
 * KaTeX rejects the TeX (reported where the formula is).
 */
export function formulaText(tex: string): string | undefined {
  try {
    return mathSymbols(renderMath(tex, false)).join("");
  } catch {
    return undefined;
  }
}

/**
 * A formula in a heading, as its id reads it: the text KaTeX shows (a space where it shows one, as after \text{if});
 * else its TeX (without the macros it is given): if KaTeX rejects it, or if it shows no text, as $\quad$ does, whose
 * id would otherwise be empty (a link to it goes to the page's top).
 */
export function headingFormulaText(tex: string, macros = ""): string {
  const shown = formulaText(macros + tex);
  return (shown?.trim() ? shown : tex).replace(/\s+/g, " ");
}
