// Astro's log (its `logger` setting), written as Astro's own node logger writes
// it, with one repeat left out. Under the dev server the content check prints
// the papers' problems once a save; until a save fixes them, every page asked
// for fails with the same list, for Astro's overlay. Astro printed that list
// again, twice a request (its router and its dev handler each log a page's
// error), and for the browser's /favicon.ico too: 5 lines became 30 or more.
// Errors also lose the frames of Astro's compiled chunks, which name no file of the author's.
import { stripVTControlCharacters } from "node:util";
import type { AstroLoggerDestination, AstroLoggerMessage } from "astro";
import nodeLog, { type NodeHandlerConfig } from "astro/logger/node";
import { PAPERS_LOADER } from "../lib/build-handoff.ts";
import { noteFailedPage, withoutCompiledFrames } from "../lib/page-render-error.ts";

// Shared: Astro loads this module twice in the dev server, in Node for its own
// log and through Vite for the pages' log (see build-handoff.ts).
const PRINTED = Symbol.for("papernotes.printed-problems");

/** What the check last printed: an error a page then fails with repeats it, if it holds it all. */
function isRepeatedProblemList(event: AstroLoggerMessage, printed: string | undefined): boolean {
  return event.level === "error" && event.label !== PAPERS_LOADER && printed !== undefined && event.message.includes(printed);
}

/**
 * Astro's own report of an MDX syntax error the check printed (MDX compiles the note
 * as the page asks for it), twice a request, and its warning that the MDX notes'
 * collection is empty, which follows it: one problem was told five times.
 */
function isRepeatedMdxError(event: AstroLoggerMessage, printed: string | undefined): boolean {
  if (printed === undefined || !printed.includes("MDX syntax error: ")) return false;
  if (event.level === "warn") return /The collection "mdxPapers" does not exist or is empty/.test(stripVTControlCharacters(event.message));
  const reason = stripVTControlCharacters(event.message).split("\n")[0]!.replace(/^MDXError: /, "").trim();
  return event.level === "error" && reason !== "" && printed.includes(`MDX syntax error: ${reason}`);
}

export default function problemsLoggedOnce(config?: NodeHandlerConfig): AstroLoggerDestination {
  const print = nodeLog(config);
  const shared = globalThis as { [PRINTED]?: string };
  return {
    write(event) {
      if (event.level === "error" && event.label === PAPERS_LOADER) shared[PRINTED] = event.message;
      if (isRepeatedProblemList(event, shared[PRINTED]) || isRepeatedMdxError(event, shared[PRINTED])) return;
      if (event.level !== "error") return print.write(event);
      // A page that failed as the build rendered it: the build says so, at its note (see page-render-error.ts).
      if (event.label === "build" && noteFailedPage(event.message)) return;
      print.write({ ...event, message: withoutCompiledFrames(event.message) });
    },
    flush: () => print.flush?.(),
    close: () => print.close?.(),
  };
}
