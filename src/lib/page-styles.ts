// The site's styles are inlined in every page, not linked: a reader who follows
// a link to one formula waits for no stylesheet before the first paint
// (Lighthouse, paper page: first paint 1.7 → 1.5 s on simulated slow 4G). The
// KaTeX font URLs in them are relative, for file://, so each depth of page has
// its own text, and the site's one policy lists the hash of each.
import globalCss from "../styles/global.css?inline";
import { KATEX_FONT_DIR, katexFontFaces } from "../integrations/katex-assets.ts";
import { contentSecurityPolicy } from "./csp.ts";

/** How deep a page may be below the site root: papers/<slug>/, tags/<tag>/ and formulas/<n>/ are 2, so one to spare. */
const MAX_PAGE_DEPTH = 3;

/** The way back to the site root from a page this many folders deep: "./", "../", "../../". */
export function relativeRootAt(depth: number): string {
  return "../".repeat(depth) || "./";
}

const siteStyles = Array.from({ length: MAX_PAGE_DEPTH + 1 }, (_, depth) => globalCss + katexFontFaces(`${relativeRootAt(depth)}${KATEX_FONT_DIR}/`));

/** The site's styles for a page this many folders below the site root. */
export function siteStylesAt(depth: number): string {
  const styles = siteStyles[depth];
  if (styles === undefined) throw new Error(`a page ${depth} folders deep is deeper than src/lib/page-styles.ts allows (MAX_PAGE_DEPTH = ${MAX_PAGE_DEPTH}); raise it`);
  return styles;
}

const policies = new Map<string, string>();

/** The policy of every page: it allows the site's styles at every depth and the site's KaTeX rules (see katexRulesOf). */
export function pagePolicy(katexRules: string): string {
  let policy = policies.get(katexRules);
  if (policy === undefined) policies.set(katexRules, (policy = contentSecurityPolicy([...siteStyles, katexRules])));
  return policy;
}
