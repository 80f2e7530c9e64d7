// TeX where it is shown as text, as the text KaTeX shows: an author's \tag{…}
// (TeX in text mode: $\star$, \S 2) in a link's name, a title or search; a
// formula in a heading, for its id.
import { slug } from "github-slugger";
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

/** The id of a heading whose text slugs to nothing ("## ?", an emoji alone), as GitHub would leave it: an empty id sends its links to the page's top. */
export const UNSLUGGABLE_HEADING_ID = "section";

/** A heading's text as its id is slugged from. */
export function sluggableHeadingText(text: string): string {
  return slug(text) === "" ? UNSLUGGABLE_HEADING_ID : text;
}

/**
 * A formula in a heading, as its id reads it: the text KaTeX shows (a space where it shows one, as after \text{if});
 * else its TeX (without the macros it is given): if KaTeX rejects it, or if it shows no text, as $\quad$ does, whose
 * id would otherwise be empty (a link to it goes to the page's top).
 */
export function headingFormulaText(tex: string, macros = ""): string {
  const shown = formulaText(macros + tex);
  return (shown?.trim() ? withComposedAccents(shown) : tex).replace(/\s+/g, " ");
}

/** KaTeX's spacing accents, which its MathML sets after the letter they go on, and the combining marks they are. */
const COMBINING: Record<string, string> = { "ˊ": "\u0301", "ˋ": "\u0300", "ˆ": "\u0302", "¨": "\u0308", "˜": "\u0303", "ˉ": "\u0304", "˘": "\u0306", "ˇ": "\u030c", "˙": "\u0307", "˚": "\u030a", "˝": "\u030b" };

/** KaTeX's dotless letters, which it puts under an accent, and the letters written. */
const DOTTED: Record<string, string> = { ı: "i", ȷ: "j" };

/**
 * "ö" as shown, from KaTeX's text of it, "o¨" (an accent is a letter of its own there, and an ı its i),
 * which a slug would keep as "o¨" or drop to "o": "Schrödinger" stays as the reader reads it.
 */
function withComposedAccents(text: string): string {
  return text.replace(/(\p{L})([ˊˋˆ¨˜ˉ˘ˇ˙˚˝])/gu, (_, letter: string, accent: string) => (DOTTED[letter] ?? letter) + COMBINING[accent]).normalize("NFC");
}
