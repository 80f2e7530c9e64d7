// A page that throws as Astro renders it (an expression or a component of an
// MDX note) is told at the note's file. Astro logs the error's stack, all in
// its compiled chunks, and the page's address: neither names a file the author
// wrote, and the stack buried the one line that matters.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { displayPath } from "./content-check-results.ts";

const CAUGHT = /^Caught error rendering (\S+): ([^\n]*)/;
/** Shared by the log (which Astro loads itself) and the build's child, in one process. */
const FAILED_PAGE = Symbol.for("papernotes.failed-page");

interface FailedPage {
  page: string;
  error: string;
}

/** Notes the page that Astro's log line says failed; true if it is such a line (the build says it, at the note). */
export function noteFailedPage(message: string): boolean {
  const caught = CAUGHT.exec(message);
  if (caught) (globalThis as { [FAILED_PAGE]?: FailedPage })[FAILED_PAGE] = { page: caught[1]!, error: caught[2]! };
  return caught !== null;
}

/** A stack's frames in Astro's compiled chunks (.astro/.prerender/, node_modules/astro/) left out. */
export function withoutCompiledFrames(message: string): string {
  return message
    .split("\n")
    .filter((line) => !/^\s+at .*(?:[/\\]\.astro[/\\]\.prerender[/\\]|node_modules[/\\]astro[/\\])/.test(line))
    .join("\n");
}

/** A failed build's message, at the note of the page that failed, if a paper page did. */
export function atFailedNote(message: string, papersDir: string): string {
  const failed = (globalThis as { [FAILED_PAGE]?: FailedPage })[FAILED_PAGE];
  const slug = failed && /\/papers\/([^/]+)\/$/.exec(failed.page)?.[1];
  const note = slug && [".mdx", ".md"].map((extension) => join(papersDir, slug + extension)).find((path) => existsSync(path));
  if (!failed) return message;
  if (!note) return `page ${failed.page} failed as Astro rendered it: ${failed.error}`;
  return `${displayPath(note)}: its page failed as Astro rendered it: ${failed.error} (an expression or a component of the note threw; Astro stops at the first page that fails)`;
}
