// Vite's watcher (chokidar) drops a file's changes for 50 ms after it told of
// one, which may be a save's first step (the file emptied). Astro's loader of MDX
// notes and Vite read a note at the event, and kept that read until the next
// save: a note turned MDX was on no page, or showed its last text.
import { fileStamp, statStamp } from "./render-cache.ts";

/** Longer than the 50 ms in which chokidar drops a file's changes. */
const DROPPED_CHANGES_MS = 100;

/** What this needs of a chokidar watcher (Astro hands loaders Vite's, wrapped). */
export interface FileWatcher {
  on(event: "add" | "change" | "unlink", listener: (path: string, stats?: { size: number; mtimeMs: number }) => void): unknown;
  emit(event: string, ...args: unknown[]): boolean;
}

/**
 * Once no event has come for a file of `watched` for a while, announces it as
 * changed again if it is no longer as it was at its last event, to every listener.
 */
export function announceDroppedChanges(watcher: FileWatcher, watched: (path: string) => boolean): void {
  const waiting = new Map<string, NodeJS.Timeout>();
  const heard = (path: string, stats?: { size: number; mtimeMs: number }) => {
    if (!watched(path)) return;
    clearTimeout(waiting.get(path));
    // Chokidar's stats were taken before any listener read the file; our own event has none.
    const announced = stats ? statStamp(stats) : fileStamp(path);
    const timer = setTimeout(() => {
      waiting.delete(path);
      const now = fileStamp(path);
      if (now === announced || now === "") return; // a removal is not dropped: chokidar tells of it
      // "all" too, as chokidar emits it with each event (Astro listens to it).
      watcher.emit("change", path);
      watcher.emit("all", "change", path);
    }, DROPPED_CHANGES_MS);
    waiting.set(path, timer.unref());
  };
  watcher.on("change", heard);
  watcher.on("add", heard);
  watcher.on("unlink", (path) => {
    clearTimeout(waiting.get(path));
    waiting.delete(path);
  });
}
