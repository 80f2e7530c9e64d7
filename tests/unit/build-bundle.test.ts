// The build runs from a bundle of its code: made once, used while no file it
// was made from changes, made again as soon as one does.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { BUILD_ENTRIES, buildModule, bundleOf, useBundle } from "../../src/lib/build-bundle.ts";

/**
 * A source file, saved a moment before the build, as an author's are: one saved
 * in the build's first millisecond counts as saved while esbuild read it, and
 * its bundle is not kept (a second bundleOf then made it again in its place).
 */
function saved(path: string, text: string, secondsAgo = 2): void {
  writeFileSync(path, text);
  const then = Date.now() / 1000 - secondsAgo;
  utimesSync(path, then, then);
}

function project(): { root: string; cacheDir: string; entries: string[] } {
  const root = mkdtempSync(join(tmpdir(), "papernotes-bundle-"));
  saved(join(root, "main.ts"), 'import { greeting } from "./greeting.ts";\nconst times: number = 2;\nconsole.log(greeting.repeat(times));\n');
  saved(join(root, "greeting.ts"), 'export const greeting: string = "hello ";\n');
  return { root, cacheDir: join(root, "cache"), entries: ["main.ts"] };
}

const run = (dir: string) => spawnSync(process.execPath, [join(dir, "main.mjs")], { encoding: "utf8" }).stdout.trim();

describe("bundleOf", { timeout: 30_000 }, () => {
  it("makes the bundle once, then reuses it while its files are unchanged", async () => {
    const options = project();
    const first = await bundleOf(options);
    expect(first.made).toBe(true);
    expect(run(first.dir)).toBe("hello hello");
    const second = await bundleOf(options);
    expect(second).toEqual({ dir: first.dir, made: false });
  });

  it("makes it again when a module it imports changes", async () => {
    const options = project();
    const first = await bundleOf(options);
    saved(join(options.root, "greeting.ts"), 'export const greeting: string = "bye ";\n', 1);
    const second = await bundleOf(options);
    expect(second.made).toBe(true);
    expect(second.dir).not.toBe(first.dir);
    expect(run(second.dir)).toBe("bye bye");
    expect(existsSync(first.dir)).toBe(true); // a build started from it may still start processes
  });

  it("rejects with esbuild's message when the code does not parse", async () => {
    const options = project();
    writeFileSync(join(options.root, "greeting.ts"), "export const greeting = ;\n");
    await expect(bundleOf(options)).rejects.toThrow(/greeting\.ts.*Unexpected ";"/s);
  });
});

describe("buildModule", () => {
  const saved = process.env.PAPERNOTES_BUILD_BUNDLE;
  afterEach(() => {
    if (saved === undefined) delete process.env.PAPERNOTES_BUILD_BUNDLE;
    else process.env.PAPERNOTES_BUILD_BUNDLE = saved;
  });

  it("gives the source module, or its bundled copy once the build runs from a bundle", () => {
    delete process.env.PAPERNOTES_BUILD_BUNDLE;
    const source = fileURLToPath(buildModule("src/postbuild/search-index-worker.ts"));
    expect(source).toBe(fileURLToPath(new URL("../../src/postbuild/search-index-worker.ts", import.meta.url)));
    expect(existsSync(source)).toBe(true);
    const entry = useBundle("/cache/bundle-1");
    expect(fileURLToPath(entry)).toBe("/cache/bundle-1/scripts/build-site.mjs");
    expect(fileURLToPath(buildModule("src/postbuild/search-index-worker.ts"))).toBe("/cache/bundle-1/src/postbuild/search-index-worker.mjs");
  });
});

describe("the build's bundle", { timeout: 60_000 }, () => {
  /** The modules a bundled file loads as it starts (its static imports, and theirs), by esbuild's comment naming each. */
  function loadedAtStart(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const [, path] of readFileSync(file, "utf8").matchAll(/^import (?:[^"']*? from )?"(\.[^"]+)";?$/gm)) loadedAtStart(join(dirname(file), path!), seen);
    return seen;
  }
  const modulesIn = (files: Set<string>) => [...files].flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((m) => m[1]!));

  // Its workers parse and render; loading the pipeline in the build's own process took 0.1-0.2 s of every build, for nothing.
  it("starts the build's own process without the Markdown pipeline, which its workers load", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const cacheDir = mkdtempSync(join(tmpdir(), "papernotes-bundle-"));
    onTestFinished(() => rmSync(cacheDir, { recursive: true, force: true }));
    const { dir } = await bundleOf({ root, cacheDir, entries: BUILD_ENTRIES });
    const main = modulesIn(loadedAtStart(join(dir, "scripts/build-site.mjs")));
    const pipeline = (module: string) => /^src\/lib\/(paper-index|paper-source|paper-pipeline)\.ts$|^node_modules\/micromark/.test(module);
    expect(main).toContain("src/lib/content-check-results.ts"); // reached through a chunk
    expect(main.filter(pipeline)).toEqual([]);
    // The names looked for are the bundle's.
    const everything = modulesIn(new Set(readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".mjs")).map((file) => join(dir, file))));
    expect(everything.filter(pipeline)).toEqual(expect.arrayContaining(["src/lib/paper-index.ts", "src/lib/paper-pipeline.ts"]));
  });
});
