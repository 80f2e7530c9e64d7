// The content loader for plain-Markdown notes: their HTML comes from the content
// check's own pass (one remark/rehype run, each formula rendered once), so Astro
// never turns them into JS modules. Notes that need MDX go through glob + MDX.
import { createHash } from "node:crypto";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Loader } from "astro/loaders";
import { describeProblems, handOffRenderedContent, notesTurnedMdx, PAPERS_LOADER, showContentProblems, takeRenderedContent } from "./build-handoff.ts";
import { checkContent, type ContentCheckResult } from "./content-check.ts";
import { warningLines } from "./content-check-results.ts";
import { announceDroppedChanges } from "./dropped-changes.ts";
import { counted } from "./format.ts";
import { isPaperFile } from "./paper-files.ts";
import { cacheFilesInUse, renderCacheFor } from "./render-cache.ts";

type LoaderContext = Parameters<Loader["load"]>[0];

/** The dev server's one watch of the papers: Astro runs load() again on each content sync. */
interface DevWatch {
  watcher: NonNullable<LoaderContext["watcher"]>;
  /** The latest load()'s context: its store is the one pages read. */
  context: LoaderContext;
  /** Checks run one after another, each on the files as they are then. */
  checking: Promise<void>;
  /** Notes changed since the check waiting in `checking` was queued: that one check covers them all. */
  changed: string[];
  /** Our listener of the watcher's events, once listening. */
  onChange?: (path: string) => void;
}
const DEV_WATCHES = Symbol.for("papernotes.dev-watches");
/** How long the dev server waits for another note's change before it checks: notes saved together come a few ms apart. */
const SAVES_SETTLE_MS = 100;

export function paperLoader(papersDir: string, base: string): Loader {
  const fill = async ({ store, parseData }: LoaderContext, result: ContentCheckResult) => {
    // The HTML and the Markdown stay in memory, not in Astro's data store:
    // Astro bundles the store into the build. 1,000 notes of KaTeX markup made
    // it 180 MB; their Markdown alone (11 MB) cost 3 s. Pages are rendered in
    // this same process and read what they need from the hand-off.
    const entries = [];
    for (const paper of result.rendered.values()) {
      const data = await parseData({ id: paper.slug, data: paper.frontmatter });
      // A digest of the bytes (a built note's file is named by its own): Astro's
      // generateDigest would need the HTML decoded (1.3 s at 1,000 papers).
      const note = paper.htmlBytes ?? paper.builtNote!.file;
      entries.push({ id: paper.slug, data, digest: createHash("sha256").update(note).update(JSON.stringify(paper.frontmatter)).digest("base64url") });
    }
    // The store changes at once, after every await: a page reloaded in between found
    // papers missing, and the dev server showed "Page not found" before the page.
    const ids = new Set(entries.map((entry) => entry.id));
    for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    for (const entry of entries) store.set(entry);
  };
  // `astro dev` or a bare `astro build`: the pass is done here. The dev server
  // stays up through problems: they go to the terminal and to every page
  // (Base.astro) until a save fixes them.
  const check = async (context: LoaderContext) => {
    // The dev server (it watches) shows drafts too, at their own page. It keeps each note's result,
    // so a save renders only what it changed (at 303 notes, a save showed in 2.3-2.6 s; now 0.3-0.6 s).
    const dev = context.watcher !== undefined;
    const result = await checkContent(papersDir, base, { render: true, previewDrafts: dev, cache: dev ? "dev" : undefined });
    for (const line of warningLines(result.warnings)) context.logger.warn(line);
    const problems = result.problems.length > 0 ? describeProblems(result.problems) : undefined;
    if (problems && !dev) throw new Error(problems);
    if (problems) {
      showContentProblems(papersDir, base, result.problems);
      context.logger.error(problems);
      // A change to the store reloads the pages, which then show the problems. The
      // papers stay listed (emptied, Astro warned of an empty collection and pages
      // went missing): each entry's digest changes with the problems.
      const told = createHash("sha256").update(problems).digest("base64url");
      for (const entry of [...context.store.values()]) context.store.set({ ...entry, digest: `${String(entry.digest).split(":")[0]}:${told}` });
      return;
    }
    handOffRenderedContent({ papersDir, base, result, turnedMdx: dev ? notesTurnedMdx(papersDir, base, result) : undefined });
    await fill(context, result);
    // Each save keeps the changed notes' search records and code blocks, named by digest: those of earlier saves go.
    if (dev) renderCacheFor(papersDir, "dev").removeFilesExcept(cacheFilesInUse(result.rendered.values(), result.search), result.index.keys());
  };

  /** Checks the papers again after notes change, as long as the dev server runs. */
  function listen(watch: DevWatch): void {
    const isNote = (path: string) => dirname(path) === papersDir && isPaperFile(path);
    announceDroppedChanges(watch.watcher, isNote);
    // Notes saved together (a replace in every file, a git checkout) are checked
    // once: a check each printed the same list again and delayed the page by a check each.
    const onChange = (path: string) => {
      if (!isNote(path)) return;
      const name = path.slice(papersDir.length + 1);
      const queued = watch.changed.length > 0;
      if (!watch.changed.includes(name)) watch.changed.push(name);
      if (queued) return; // the check already queued reads the files when it starts
      watch.checking = watch.checking
        .then(async () => {
          // The file system tells of each file in a task of its own, and a check holds
          // the event loop: started at once, it saw one note and left the rest to a check each.
          for (let seen = 0; seen !== watch.changed.length; ) {
            seen = watch.changed.length;
            await sleep(SAVES_SETTLE_MS);
          }
          const names = watch.changed.splice(0);
          await check(watch.context);
          watch.context.logger.info(`checked the papers again after a change to ${changedNotes(names)}`);
        })
        .catch((error: Error) => watch.context.logger.error(error.message));
    };
    watch.onChange = onChange;
    watch.watcher.on("change", onChange).on("add", onChange).on("unlink", onChange);
  }

  return {
    name: PAPERS_LOADER,
    load: async (context) => {
      // npm run build did the pass; under astro dev, the last check did, and the
      // watch below keeps it current (Astro runs load() again on each content sync).
      const handedOff = takeRenderedContent(papersDir, base);
      if (handedOff) await fill(context, handedOff);
      else await check(context);
      const { watcher } = context;
      if (!watcher) return;
      const watches = ((globalThis as Record<symbol, Map<string, DevWatch>>)[DEV_WATCHES] ??= new Map());
      const known = watches.get(papersDir);
      if (known?.watcher === watcher) {
        known.context = context;
        // A full content sync (the content configuration changed; `s` in the dev server) takes every loader's listeners off.
        if (!watcher.listeners("change").includes(known.onChange!)) listen(known);
        return;
      }
      // Any note can change another's page (its numbers, titles, previews): all are checked again.
      const watch: DevWatch = { watcher, context, checking: Promise.resolve(), changed: [] };
      watches.set(papersDir, watch);
      watcher.add(papersDir);
      listen(watch);
    },
  };
}

/** "a.mdx", or "5 notes: a.mdx, b.mdx, c.mdx and 2 more". */
function changedNotes(names: string[]): string {
  if (names.length === 1) return names[0]!;
  return `${counted(names.length, "note")}: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""}`;
}
