// How the formula list (/formulas/) is split into pages. By formulas, not by
// papers: each is several KB of KaTeX markup, and 20 papers to a page made
// pages of 160 formulas and 1.5 MB, which a phone took seconds to parse.

/** The most formulas a page of the formula list holds, unless one paper alone has more. */
export const FORMULAS_PER_PAGE = 40;

/**
 * Papers' groups of formulas, in order, put on pages of at most `limit`
 * formulas. A paper is never split across pages: one with more than `limit`
 * has a page of its own.
 */
export function formulaPages<Group extends { equations: readonly unknown[] }>(groups: readonly Group[], limit = FORMULAS_PER_PAGE): Group[][] {
  const pages: Group[][] = [];
  let onPage = 0;
  for (const group of groups) {
    const last = pages.at(-1);
    if (last && onPage + group.equations.length <= limit) {
      last.push(group);
      onPage += group.equations.length;
    } else {
      pages.push([group]);
      onPage = group.equations.length;
    }
  }
  return pages;
}
