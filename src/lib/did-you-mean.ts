// "Did you mean …?" for a name that is not there: a label, a paper, an anchor,
// a frontmatter key. Most such mistakes are a typo or a rename.
import { distance } from "fastest-levenshtein";

const words = (name: string) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Every word of the shorter name is a word of the longer: a rename that added or dropped words (ddpm → ddpm-2020, eq:loss → eq:dpo-loss). */
function renamed(a: string, b: string): boolean {
  const [fewer, more] = words(a).length <= words(b).length ? [words(a), new Set(words(b))] : [words(b), new Set(words(a))];
  return fewer.length > 0 && fewer.join("").length >= 3 && fewer.every((word) => more.has(word));
}

/** Two neighbouring characters swapped (titel → title): one slip, though two edits to Levenshtein. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** One letter added, dropped, changed, or two swapped: a typo, not another word (for short names that are often near, as tags). */
export function oneSlipApart(a: string, b: string): boolean {
  return a !== b && (swapped(a, b) || distance(a, b) === 1);
}

/**
 * The candidate closest to `name`, if it is close: a few edits apart, or the
 * same words with some added or dropped (a rename), which wins over a
 * one-letter typo (ddpm, renamed ddpm-2020, is not ddim). Never `except`: a
 * note's link to another paper does not mean the note itself.
 */
export function closestName(name: string, candidates: Iterable<string>, except?: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Every name starts with "" (the id of a heading of punctuation alone), which would win as a rename.
    if (candidate === name || candidate === except || candidate === "") continue;
    // Case alone (EN for en, Eq:Loss for eq:loss) is the closest slip of all.
    if (candidate.toLowerCase() === name.toLowerCase()) return candidate;
    const edits = swapped(name, candidate) ? 1 : distance(name, candidate);
    // Below one edit, so a rename beats a typo; one that kept the start (ddpm → ddpm-2020) beats one
    // that did not (j-ddpm); within each, the closer wins.
    const tier = candidate.startsWith(name) || name.startsWith(candidate) ? 0 : renamed(name, candidate) ? 0.5 : undefined;
    const apart = tier === undefined ? edits : tier + 0.5 - 0.5 / (1 + edits);
    if (apart < bestDistance) [best, bestDistance] = [candidate, apart];
  }
  // A third of the longer name may differ, and one character of a short one.
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.max(name.length, best.length) / 3)) ? best : undefined;
}

/** `; did you mean <closest>?` (see closestName), or "". */
export function didYouMean(name: string, candidates: Iterable<string>, except?: string): string {
  const best = closestName(name, candidates, except);
  return best === undefined ? "" : `; did you mean ${best}?`;
}

/** The most names a message lists; more would bury the message. */
const LISTED = 8;

/** "; <there> a, b, c", the first few of `names` and how many more, or "" for none. */
export function namesThere(names: readonly string[], there: string): string {
  if (names.length === 0) return "";
  const more = names.length - LISTED;
  return `; ${there} ${names.slice(0, LISTED).join(", ")}${more > 0 ? `, and ${more} more` : ""}`;
}

/**
 * didYouMean, or else, for a name renamed beyond a typo (eq:forward-diffusion
 * → eq:forward-noising), the names there are (namesThere).
 */
export function didYouMeanOrWhich(name: string, candidates: Iterable<string>, there: string): string {
  const names = [...candidates].filter((candidate) => candidate !== name);
  return didYouMean(name, names) || namesThere(names, there);
}
