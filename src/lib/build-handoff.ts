// scripts/build.ts checks and renders every paper, then hands the result to the
// process that runs Astro (astro-build.ts); the content loader and the MDX
// pipeline pick it up here instead of doing the work twice. (Astro loads our
// modules through Vite, as separate module instances, so the hand-off goes
// through globalThis.)
import type { ContentCheckResult } from "./content-check.ts";

const KEY = Symbol.for("papernotes.rendered-content");

export interface HandOff {
  papersDir: string;
  base: string;
  result: ContentCheckResult;
  /** The build script puts each note into its page after Astro (see postbuild/note-bodies.ts). */
  notesFilledAfterBuild?: boolean;
}

export function handOffRenderedContent(handOff: HandOff): void {
  (globalThis as Record<symbol, unknown>)[KEY] = handOff;
}

export function takeRenderedContent(papersDir: string, base: string): ContentCheckResult | undefined {
  return takeHandOff(papersDir, base)?.result;
}

/** Whether pages should leave a marker for each note instead of its HTML. */
export function notesFilledAfterBuild(papersDir: string, base: string): boolean {
  return takeHandOff(papersDir, base)?.notesFilledAfterBuild === true;
}

function takeHandOff(papersDir: string, base: string): HandOff | undefined {
  const handOff = (globalThis as Record<symbol, HandOff | undefined>)[KEY];
  return handOff && handOff.papersDir === papersDir && handOff.base === base ? handOff : undefined;
}
