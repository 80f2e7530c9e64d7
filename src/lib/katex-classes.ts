// The class names in KaTeX's markup of a formula, read once per distinct
// formula: which of KaTeX's rules (katexRulesFor) and fonts (katexFacesOf) a
// page needs follows from them.

/** How the memos of formulas (rendered markup, class names, faces, checks) name one: its mode and its TeX. */
export const formulaKey = (tex: string, displayMode: boolean): string => (displayMode ? "D" : "I") + tex;

const CLASS_ATTRIBUTE = /class="([^"]*)"/g;
const known = new Map<string, ReadonlySet<string>>();
/** Bounded and emptied when full, as renderMath's memo is (rehype-katex-cached). */
const KEPT = 4096;

/** The class names in one formula's markup; `key` names the formula (mode and TeX), `html` is asked for only the first time. */
export function formulaClasses(key: string, html: () => string): ReadonlySet<string> {
  let classes = known.get(key);
  if (!classes) {
    const names = new Set<string>();
    for (const [, list] of html().matchAll(CLASS_ATTRIBUTE)) for (const name of list!.split(" ")) names.add(name);
    if (known.size >= KEPT) known.clear();
    known.set(key, (classes = names));
  }
  return classes;
}
