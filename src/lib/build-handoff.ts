// scripts/build.ts checks and renders every paper, then hands the result to the
// process that runs Astro (astro-build.ts); the content loader and the MDX
// pipeline pick it up here instead of doing the work twice. (Astro loads our
// modules through Vite, as separate module instances, so the hand-off goes
// through globalThis.)
import type { ContentCheckResult } from "./content-check.ts";

const KEY = Symbol.for("papernotes.rendered-content");
const PROBLEMS_KEY = Symbol.for("papernotes.content-problems");

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

/** The dev server's content problems (or none, once fixed), for every page to show (see paper-loader.ts). */
export function showContentProblems(papersDir: string, base: string, message: string | undefined): void {
  (globalThis as Record<symbol, unknown>)[PROBLEMS_KEY] = message === undefined ? undefined : { papersDir, base, message };
}

export function contentProblems(papersDir: string, base: string): string | undefined {
  const shown = (globalThis as Record<symbol, { papersDir: string; base: string; message: string } | undefined>)[PROBLEMS_KEY];
  return shown && shown.papersDir === papersDir && shown.base === base ? shown.message : undefined;
}
