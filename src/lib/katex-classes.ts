// The class names in KaTeX's markup of a formula, read once per distinct
// formula: which of KaTeX's rules (katexRulesFor) and fonts (katexFacesOf) a
// page needs follows from them.

/** How the memos of formulas (rendered markup, class names, faces, checks) name one: its mode and its TeX. */
export const formulaKey = (tex: string, displayMode: boolean): string => (displayMode ? "D" : "I") + tex;

import { boundedMemo } from "./bounded-memo.ts";

const CLASS_ATTRIBUTE = /class="([^"]*)"/g;
/** As many as renderMath's memo keeps (rehype-katex-cached). */
const known = boundedMemo<ReadonlySet<string>>(4096);

/** The class names in one formula's markup; `key` names the formula (mode and TeX), `html` is asked for only the first time. */
export function formulaClasses(key: string, html: () => string): ReadonlySet<string> {
  return known(key, () => {
    const names = new Set<string>();
    for (const [, list] of html().matchAll(CLASS_ATTRIBUTE)) for (const name of list!.split(" ")) names.add(name);
    return names;
  });
}
