// The build's own code as one bundle (esbuild), kept in node_modules/.cache.
// Loaded one by one, its 900 modules (each resolved, TypeScript stripped and
// compiled) took 0.6-0.9 s of a 4-5 s rebuild after an edit, in every process
// of the build. The bundle is made again whenever a file it was made from changes.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { writeWhole } from "./write-whole.ts";

/** Left to Node: Pagefind (starts its binary from its folder), Shiki's 10 MB of grammars and themes (each loaded when needed), esbuild. */
const EXTERNAL = ["pagefind", "@shikijs/langs", "@shikijs/themes", "esbuild"];
/** Astro itself too (Vite loads our pages through it), but not its subpaths, such as the 96 modules of astro/zod. */
const astroExternal: Plugin = { name: "astro-external", setup: (build) => build.onResolve({ filter: /^astro$/ }, ({ path }) => ({ path, external: true })) };
/** Bundled CommonJS packages call require(); an ES module has none of its own. */
const REQUIRE_SHIM = "import { createRequire as __papernotesCreateRequire } from 'node:module'; const require = __papernotesCreateRequire(import.meta.url);";
/** An older bundle stays this long, for a build that started from it and still starts processes. */
const KEEP_OLD_MS = 3_600_000;

export interface BundleOptions {
  /** The project: entry paths are relative to it. */
  root: string;
  /** Where bundles are kept, one folder each. */
  cacheDir: string;
  /** Each module a process of the build starts from. */
  entries: string[];
}

interface BundleRecord {
  /** The entries, one per line: another list of entries needs another bundle. */
  key: string;
  /** The folder of the bundle, in cacheDir. */
  name: string;
  /** Every file the bundle was made from, relative to root. */
  inputs: string[];
  stamp: string;
}

/** The size and time of each input: a changed file changes the stamp. */
function stampOf(root: string, inputs: string[]): string | undefined {
  const hash = createHash("sha256");
  for (const input of inputs) {
    try {
      const { size, mtimeNs } = statSync(join(root, input), { bigint: true });
      hash.update(`${input}\0${size}\0${mtimeNs}\n`);
    } catch {
      return undefined; // a file gone: make the bundle again
    }
  }
  return hash.digest("hex").slice(0, 20);
}

/**
 * The folder of an up-to-date bundle of `entries`, made now if none is. Each
 * entry `a/b.ts` is at `a/b.mjs` in it. Builds may run at once: each makes its
 * bundle in a folder of its own, then renames it into place.
 */
export async function bundleOf({ root, cacheDir, entries }: BundleOptions): Promise<{ dir: string; made: boolean }> {
  const recordFile = join(cacheDir, "current.json");
  const key = entries.join("\n");
  try {
    const record = JSON.parse(readFileSync(recordFile, "utf8")) as BundleRecord;
    if (record.key === key && stampOf(root, record.inputs) === record.stamp && existsSync(join(cacheDir, record.name))) return { dir: join(cacheDir, record.name), made: false };
  } catch {
    // no bundle yet
  }
  const started = Date.now();
  const work = join(cacheDir, `.making-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const { build } = await import("esbuild");
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outbase: ".",
    outdir: work,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    external: EXTERNAL,
    plugins: [astroExternal],
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(metafile.inputs).filter((input) => !input.includes(":"));
  const stamp = stampOf(root, inputs);
  // A file saved while esbuild read it: this bundle may hold either version, so it is not kept.
  const changedMeanwhile = inputs.some((input) => statSync(join(root, input)).mtimeMs >= started);
  if (!stamp || changedMeanwhile) return { dir: work, made: true }; // removed with the old bundles, later
  const name = `bundle-${stamp}`;
  const dir = join(cacheDir, name);
  try {
    renameSync(work, dir);
  } catch (error) {
    if (!existsSync(dir)) throw error;
    rmSync(work, { recursive: true, force: true }); // another build made the same bundle first
  }
  writeWhole(cacheDir, basename(recordFile), JSON.stringify({ key, name, inputs, stamp } satisfies BundleRecord));
  for (const entry of readdirSync(cacheDir)) {
    const path = join(cacheDir, entry);
    if (entry !== name && entry !== `.making-${process.pid}` && /^(bundle-|\.making-)/.test(entry) && Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
  }
  return { dir, made: true };
}

/** Each module a process of the build starts from (see buildModule). */
export const BUILD_ENTRIES = ["scripts/build-site.ts", "src/lib/content-check-worker.ts", "src/postbuild/search-index-worker.ts", "src/lib/astro-build-child.ts"];

export const buildBundleCache = (root: string) => join(root, "node_modules", ".cache", "papernotes-build");

/** Set by the build's launcher to the bundle it runs from; the processes it starts inherit it. */
const BUNDLE_VARIABLE = "PAPERNOTES_BUILD_BUNDLE";

/** The rest of this process, and the processes it starts, run from the bundle in `dir`. */
export function useBundle(dir: string): URL {
  process.env[BUNDLE_VARIABLE] = dir;
  return buildModule(BUILD_ENTRIES[0]!);
}

/**
 * A module of the build, by its path in the project (`src/lib/x.ts`), to
 * start a process from: its bundled copy when the build runs from a bundle.
 */
export function buildModule(path: string): URL {
  const bundle = process.env[BUNDLE_VARIABLE];
  return bundle ? pathToFileURL(join(bundle, path.replace(/\.ts$/, ".mjs"))) : new URL(`../../${path}`, import.meta.url);
}
