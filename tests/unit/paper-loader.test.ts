// The dev server's watch of the papers: notes saved together are checked once.
import { EventEmitter } from "node:events";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { paperLoader } from "../../src/lib/paper-loader.ts";
import { paperHtml, renderedPaper } from "../../src/lib/rendered-papers.ts";
import { cacheDirFor } from "../../src/site.config.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const slugs = ["a", "b", "c", "d", "e"];
const note = (slug: string, ref = "eq:x") => `${frontmatter({ title: `"Paper ${slug}"` })}\n$$\nx = ${slug} \\label{eq:x}\n$$\n\nSee $\\eqref{${ref}}$.\n`;
const { contentDir, papersDir } = writePapers(Object.fromEntries(slugs.map((slug) => [slug, note(slug)])));
afterAll(() => {
  for (const dir of [contentDir, cacheDirFor(papersDir)]) rmSync(dir, { recursive: true, force: true });
});

/** What load() uses of Astro's context: a store, a log and a watcher. */
function devContext() {
  const entries = new Map<string, { id: string }>();
  const log = { info: [] as string[], error: [] as string[] };
  const context = {
    store: { keys: () => entries.keys(), values: () => entries.values(), set: (entry: { id: string }) => entries.set(entry.id, entry), delete: (id: string) => entries.delete(id) },
    parseData: async ({ data }: { data: unknown }) => data,
    logger: { info: (line: string) => log.info.push(line), warn: () => {}, error: (line: string) => log.error.push(line) },
    watcher: Object.assign(new EventEmitter(), { add: () => {} }),
  };
  return { context, log };
}

/** Runs `test` on a content folder of its own, removed afterwards with its cache. */
async function withOwnPapers(notes: Record<string, string>, test: (papersDir: string) => Promise<void>): Promise<void> {
  const { contentDir: ownContent, papersDir: own } = writePapers(notes);
  try {
    await test(own);
  } finally {
    for (const dir of [ownContent, cacheDirFor(own)]) rmSync(dir, { recursive: true, force: true });
  }
}

describe("paperLoader under the dev server", { timeout: 30_000 }, () => {
  it("checks notes saved together once, prints their problems once, and names the notes", async () => {
    const { context, log } = devContext();
    await paperLoader(papersDir, "/").load(context as never);
    expect(log.error).toEqual([]);
    // A reference replaced in every note at once (a replace in all files), by a label no note has.
    for (const slug of slugs) {
      const path = join(papersDir, `${slug}.mdx`);
      writeFileSync(path, note(slug, "eq:y"));
      context.watcher.emit("change", path);
      // Each file's event comes in a task of its own, as from the file system, a few ms apart.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await expect.poll(() => log.info.length, { timeout: 20_000 }).toBeGreaterThan(0);
    // Any check still to come would have been queued with the first.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(log.info).toEqual(["checked the papers again after a change to 5 notes: a.mdx, b.mdx, c.mdx and 2 more"]);
    expect(log.error).toHaveLength(1);
    expect(log.error[0]).toMatch(/^5 problems in the papers:/);
  });

  it("keeps each note's result between saves, in a cache of its own, and only the files the notes use", async () => {
    await withOwnPapers(Object.fromEntries(slugs.map((slug) => [slug, note(slug)])), async (own) => {
      const devCache = join(cacheDirFor(own), "papernotes-render-dev");
      const { context, log } = devContext();
      await paperLoader(own, "/").load(context as never);
      const entries = () => readdirSync(devCache).filter((name) => name.endsWith(".bin"));
      const inode = (slug: string) => statSync(join(devCache, `${slug}.bin`)).ino;
      expect(entries().sort()).toEqual(slugs.map((slug) => `${slug}.bin`));
      const [a, b] = [inode("a"), inode("b")];
      writeFileSync(join(own, "a.mdx"), `${note("a")}\nA saved sentence.\n`);
      context.watcher.emit("change", join(own, "a.mdx"));
      await expect.poll(() => log.info.length, { timeout: 20_000 }).toBe(1);
      expect(log.error).toEqual([]);
      // Only the saved note was rendered again; the search records of its last version went.
      expect([inode("a") === a, inode("b") === b]).toEqual([false, true]);
      expect(readdirSync(join(devCache, "search"))).toHaveLength(slugs.length);
      expect(existsSync(join(cacheDirFor(own), "papernotes-render"))).toBe(false);
    });
  });

  it("listens again after a full content sync took its listeners off the watcher", async () => {
    await withOwnPapers({ a: note("a") }, async (own) => {
      const { context, log } = devContext();
      const loader = paperLoader(own, "/");
      await loader.load(context as never);
      // What Astro's content layer does on a full sync (its watcher's removeAllTrackedListeners), then load() again.
      context.watcher.removeAllListeners();
      await loader.load(context as never);
      const path = join(own, "a.mdx");
      writeFileSync(path, note("a", "eq:nowhere"));
      context.watcher.emit("change", path);
      await expect.poll(() => log.info, { timeout: 20_000 }).toEqual(["checked the papers again after a change to a.mdx"]);
      expect(log.error[0]).toMatch(/eq:nowhere/);
      // Listening once: a second load() adds no second listener.
      await loader.load(context as never);
      expect(context.watcher.listenerCount("change")).toBe(2); // ours and the one for changes the watcher dropped
    });
  });

  it("keeps a note turned MDX on its page as last rendered, until Astro's store lists it as MDX", async () => {
    await withOwnPapers({ a: note("a"), b: note("b") }, async (own) => {
      const { context, log } = devContext();
      await paperLoader(own, "/").load(context as never);
      expect(paperHtml(renderedPaper(own, "/", "a"))).toContain("See ");
      writeFileSync(join(own, "a.mdx"), `${note("a")}\nexport const counts = [1, 2]\n\nCounted: {counts.length}.\n`);
      context.watcher.emit("change", join(own, "a.mdx"));
      await expect.poll(() => log.info.length, { timeout: 20_000 }).toBe(1);
      expect(log.error).toEqual([]);
      // Our store no longer lists it (Astro's MDX loader does), but a page that still asks finds its last HTML.
      expect([...context.store.keys()]).toEqual(["b"]);
      expect(paperHtml(renderedPaper(own, "/", "a"))).toContain("See ");
      // Only for one check: after the next, a note long MDX has no plain HTML.
      writeFileSync(join(own, "b.mdx"), `${note("b")}\nA saved sentence.\n`);
      context.watcher.emit("change", join(own, "b.mdx"));
      await expect.poll(() => log.info.length, { timeout: 20_000 }).toBe(2);
      expect(() => renderedPaper(own, "/", "a")).toThrow(/no rendered HTML for the paper "a"/);
    });
  });

  // Chokidar may tell of a save at its first step, the file emptied, and then drops
  // the file's changes for 50 ms: Astro's loader of MDX notes and Vite kept the empty read.
  it("tells every listener again of a note that changed after the watcher told of it", async () => {
    await withOwnPapers({ a: note("a") }, async (own) => {
      const { context, log } = devContext();
      await paperLoader(own, "/").load(context as never);
      const heard: string[] = [];
      context.watcher.on("change", (path: string) => heard.push(readFileSync(path, "utf8")));
      const path = join(own, "a.mdx");
      writeFileSync(path, "");
      context.watcher.emit("change", path, statSync(path));
      writeFileSync(path, `${note("a")}\nSaved.\n`);
      await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(2);
      expect(heard).toEqual(["", `${note("a")}\nSaved.\n`]);
      await expect.poll(() => log.info.length, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(log.error).toEqual([]);
    });
  });

  it("tells of a save once when the watcher told of it as it is", async () => {
    await withOwnPapers({ a: note("a") }, async (own) => {
      const { context, log } = devContext();
      await paperLoader(own, "/").load(context as never);
      let heard = 0;
      context.watcher.on("change", () => heard++);
      const path = join(own, "a.mdx");
      writeFileSync(path, `${note("a")}\nSaved.\n`);
      context.watcher.emit("change", path, statSync(path));
      await expect.poll(() => log.info.length, { timeout: 20_000 }).toBe(1);
      // Well past the wait for changes the watcher dropped.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(heard).toBe(1);
    });
  });
});
