// scripts/build-site.ts checks and renders every paper, then hands the result to the
// process that runs Astro (astro-build.ts); the content loader and the MDX
// pipeline pick it up here instead of doing the work twice. (Astro loads our
// modules through Vite, as separate module instances, so the hand-off goes
// through globalThis.)
import { relative, resolve } from "node:path";
import type { ContentCheckResult, ContentProblem, RenderedPaper } from "./content-check.ts";
import { formatProblem } from "./content-check-results.ts";
import { counted } from "./format.ts";

const KEY = Symbol.for("papernotes.rendered-content");

/** The content loader of plain-Markdown notes (paper-loader.ts): Astro labels its log lines with it. */
export const PAPERS_LOADER = "papernotes:papers";

export interface HandOff {
  papersDir: string;
  base: string;
  result: ContentCheckResult;
  /** The build script puts each note into its page after Astro (see postbuild/note-bodies.ts). */
  notesFilledAfterBuild?: boolean;
  /**
   * Under the dev server, notes just turned MDX, as last rendered plain: Astro's store lists them as plain until
   * it is written (about 0.5 s), and their pages show this meanwhile, not an error.
   */
  turnedMdx?: Map<string, RenderedPaper>;
}

/** Under the dev server, the notes of `result` that were plain at the last check and are MDX now (see HandOff.turnedMdx). */
export function notesTurnedMdx(papersDir: string, base: string, result: ContentCheckResult): Map<string, RenderedPaper> {
  const last = takeRenderedContent(papersDir, base)?.rendered;
  const turned = new Map<string, RenderedPaper>();
  for (const slug of result.mdxSlugs) {
    const plain = last?.get(slug);
    if (plain) turned.set(slug, plain);
  }
  return turned;
}

/** A note's rendered HTML, as its page asks for it: see HandOff.turnedMdx. */
export function renderedNote(papersDir: string, base: string, slug: string): RenderedPaper | undefined {
  const current = currentFor(papersDir, base);
  return current && "result" in current ? (current.result.rendered.get(slug) ?? current.turnedMdx?.get(slug)) : undefined;
}

/** Under the dev server, problems take the place of the last check's result until a save fixes them. */
interface ContentProblems {
  papersDir: string;
  base: string;
  problems: ContentProblem[];
}

export function handOffRenderedContent(handOff: HandOff): void {
  (globalThis as Record<symbol, unknown>)[KEY] = handOff;
}

/** The dev server's content problems, for every page to show (see paper-loader.ts). */
export function showContentProblems(papersDir: string, base: string, problems: ContentProblem[]): void {
  (globalThis as Record<symbol, unknown>)[KEY] = { papersDir, base, problems } satisfies ContentProblems;
}

export function takeRenderedContent(papersDir: string, base: string): ContentCheckResult | undefined {
  const current = currentFor(papersDir, base);
  return current && "result" in current ? current.result : undefined;
}

/** Whether pages should leave a marker for each note instead of its HTML. */
export function notesFilledAfterBuild(papersDir: string, base: string): boolean {
  const current = currentFor(papersDir, base);
  return current !== undefined && "result" in current && current.notesFilledAfterBuild === true;
}

export function describeProblems(problems: ContentProblem[]): string {
  return `${counted(problems.length, "problem")} in the papers:\n${problems.map(formatProblem).join("\n")}`;
}

/**
 * The dev server's content problems as an error for a page to throw. Its `loc`
 * gives Astro's overlay the first problem's place, so the code frame shows the
 * note, not the layout that threw.
 */
export function contentProblemsError(papersDir: string, base: string): Error | undefined {
  const current = currentFor(papersDir, base);
  if (!current || !("problems" in current)) return undefined;
  const [first] = current.problems;
  // Astro joins a loc outside its root (the project, where the dev server runs) onto that root, absolute or not: relative to it, a note in another folder is found too.
  const error = Object.assign(new Error(describeProblems(current.problems)), first && { loc: { file: relative(process.cwd(), resolve(first.file)), line: first.line, column: first.column } });
  // No frames: they would be of this code, which did nothing wrong; Astro then points at the note's place instead.
  error.stack = error.message;
  return error;
}

function currentFor(papersDir: string, base: string): HandOff | ContentProblems | undefined {
  const current = (globalThis as Record<symbol, HandOff | ContentProblems | undefined>)[KEY];
  return current && current.papersDir === papersDir && current.base === base ? current : undefined;
}
