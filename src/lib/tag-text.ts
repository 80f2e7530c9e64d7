// An author's \tag{…} is TeX in text mode ($\star$, \S 2): where the number is
// shown as text (a link's name, a title, search), it is the text KaTeX shows.
import { mathSymbols } from "./katex-math-label.ts";
import { renderMath } from "./katex-render.ts";

/** Whether a shown number is TeX that KaTeX has to render: "3" and "A.1" are not. */
export function tagHasTex(number: string): boolean {
  return /[$\\{}^_~]/.test(number);
}

/** "$\star$" → "⋆": the text of KaTeX's MathML for it; as written, without $, if KaTeX rejects it (reported at the equation). */
export function tagText(number: string): string {
  if (!tagHasTex(number)) return number;
  try {
    return mathSymbols(renderMath(String.raw`\text{${number}}`, false)).join("").trim();
  } catch {
    return number.replace(/\$/g, "");
  }
}
