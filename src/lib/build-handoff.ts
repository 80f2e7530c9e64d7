// scripts/build.ts checks and renders every paper before it starts Astro in the
// same process; the content loader and the MDX pipeline pick the result up here
// instead of doing the work twice. (Astro loads our modules through Vite, as
// separate module instances, so the hand-off goes through globalThis.)
import type { ContentCheckResult } from "./content-check.ts";

const KEY = Symbol.for("papernotes.rendered-content");

interface HandOff {
  papersDir: string;
  base: string;
  result: ContentCheckResult;
}

export function handOffRenderedContent(handOff: HandOff): void {
  (globalThis as Record<symbol, unknown>)[KEY] = handOff;
}

export function takeRenderedContent(papersDir: string, base: string): ContentCheckResult | undefined {
  const handOff = (globalThis as Record<symbol, HandOff | undefined>)[KEY];
  return handOff && handOff.papersDir === papersDir && handOff.base === base ? handOff.result : undefined;
}
