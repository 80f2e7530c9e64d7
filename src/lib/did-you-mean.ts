// "Did you mean …?" for a name that is not there: a label, a paper, an anchor,
// a frontmatter key. Most such mistakes are a typo or a rename.
import { distance } from "fastest-levenshtein";

/**
 * `; did you mean <closest>?` when a candidate is close to `name` (a few edits
 * apart, or one starts with the other, as after a shortening rename); else "".
 */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const apart = candidate.startsWith(name) || name.startsWith(candidate) ? 1 : distance(name, candidate);
    if (apart < bestDistance) [best, bestDistance] = [candidate, apart];
  }
  // A third of the longer name may differ, and one character of a short one.
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.max(name.length, best.length) / 3)) ? `; did you mean ${best}?` : "";
}
