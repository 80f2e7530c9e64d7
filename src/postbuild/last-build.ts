// A rebuild whose pages would all come out of Astro as they did last time (same
// code, settings and site-wide data; only notes changed) reuses the last
// build's pages instead of running Astro. Each file is hard-linked from the
// live site, and each changed note goes into a fresh copy of its page, in the
// old note's place. Each search shard's indexes are kept too while its records
// are the same. The output is the same, byte for byte, as a full build's.
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { deserialize, serialize } from "node:v8";
import { siteKatexRules } from "../integrations/katex-assets.ts";
import type { HandOff } from "../lib/build-handoff.ts";
import type { RenderedPaper } from "../lib/content-check.ts";
import { fileStamp, indexDigest, projectFilesDigest, withMapsAndSets } from "../lib/render-cache.ts";
import { writeWhole } from "../lib/write-whole.ts";
import { cacheDirFor, siteUrl } from "../site.config.ts";
import { scanForReuse, scanParts, type PageScan, type ScannedPart } from "./dist-guard.ts";
import { listFiles } from "./relative-urls.ts";

/** A note as the build splices it into its page (see note-bodies.ts). */
export interface NotePart extends ScannedPart {
  slug: string;
  /** Its file in the build cache, named by its digest: same file, same bytes. */
  file: string;
}

/** Where a page holds its note, in bytes. */
export interface PlacedNote {
  slug: string;
  file: string;
  start: number;
  length: number;
}

/** What a good build wrote. Paths are inside the site. */
export interface LastBuild {
  outDir: string;
  layoutDigest: string;
  /** Every file, with its size and modification time: a site changed since is not reused. */
  files: Map<string, string>;
  /** Each search shard's records (SearchIndexer.digests) and files, made anew when its records change. */
  searchShards: SearchShard[];
  /** Each page's scan, as the dist guard needs it of a page that passed (see scanForReuse). */
  scans: Map<string, PageScan>;
  notes: Map<string, PlacedNote>;
}

export interface SearchShard {
  digest: string;
  files: string[];
}

/** What pages are made of besides the notes: our code, settings, and the data the pages read. */
const LAYOUT_SOURCES = ["src", "public", "astro.config.mjs", "package.json", "package-lock.json", "tsconfig.json"];
/** Written by Astro's build itself (the KaTeX fonts, from the locked katex package). */
const GENERATED_SOURCES = ["public/vendor"];

/**
 * A digest of everything Astro makes the pages from, except the notes, which
 * are spliced in after it. Search records and warnings are left out: no page
 * shows them.
 */
export function layoutDigest(handOff: HandOff): string {
  const { result } = handOff;
  // A note's KaTeX classes matter to the other pages only through the site's rules: a formula like those before lays out nothing anew.
  const rendered = [...result.rendered.values()].map(({ builtNote: _builtNote, htmlBytes: _htmlBytes, highlightedBlocks: _highlightedBlocks, katexClasses: _katexClasses, ...paper }) => paper);
  // Not the count of formulas: no page shows it, and an inline formula added to a note would lay out every page anew.
  const data = { base: handOff.base, papersDir: handOff.papersDir, siteUrl, nodeEnv: process.env.NODE_ENV ?? "", papers: result.papers, index: indexDigest(result.index), mdxSlugs: result.mdxSlugs, rendered, katexRules: siteKatexRules(result) };
  return createHash("sha256").update(projectFilesDigest(LAYOUT_SOURCES, GENERATED_SOURCES)).update(JSON.stringify(data, withMapsAndSets)).digest("hex");
}

const recordFile = (papersDir: string) => join(cacheDirFor(papersDir), "papernotes-last-build.bin");
/** The last build's search shard digests alone: a rebuild needs them before the rest (at 10,000 papers the whole record once took 1.7 s to read). */
const shardsFile = (papersDir: string) => join(cacheDirFor(papersDir), "papernotes-last-search-shards.json");

/** The record of the last good build into `outDir`, if there is one. */
export function readLastBuild(papersDir: string, outDir: string): LastBuild | undefined {
  try {
    const last = deserialize(readFileSync(recordFile(papersDir))) as LastBuild;
    return last.outDir === outDir ? last : undefined;
  } catch {
    return undefined; // no good build yet, or an unreadable record: build in full
  }
}

/** Whether the last build's files at `paths` (default: all) are still as it wrote them (by size and time). */
export function untouchedSince(last: LastBuild, paths: Iterable<string> = last.files.keys()): boolean {
  for (const path of paths) if (fileStamp(join(last.outDir, path)) !== last.files.get(path)) return false;
  return true;
}

/** Hard-links the last build's files at `paths` (paths inside the site) into `staging`. */
export function linkFromLastBuild(last: LastBuild, staging: string, paths: string[]): void {
  for (const path of paths) {
    const to = join(staging, path);
    mkdirSync(dirname(to), { recursive: true });
    linkOrCopy(join(last.outDir, path), to);
  }
}

/**
 * The digests of the search shards of the last build into `outDir`, read
 * without the rest of its record. Only a hint: the shards are reused only
 * if readLastBuild gives the same digests.
 */
export function lastSearchShardDigests(papersDir: string, outDir: string): string[] | undefined {
  try {
    const saved = JSON.parse(readFileSync(shardsFile(papersDir), "utf8")) as { outDir: string; digests: string[] };
    return saved.outDir === outDir ? saved.digests : undefined;
  } catch {
    return undefined;
  }
}

type BuiltNote = NonNullable<RenderedPaper["builtNote"]>;

/** A built note (see CheckOptions.asBuilt) as a part of its page. */
export function readNotePart(slug: string, note: BuiltNote): NotePart {
  return { slug, file: note.file, scan: note.scan, bytes: readFileSync(note.file) };
}

/** A paper's formula previews (see RenderedPaper.builtFormulas), each a part of its page with nothing to check. */
export function readFormulaParts(built: RenderedPaper["builtFormulas"]): ScannedPart[] | undefined {
  if (!built) return undefined;
  const bytes = readFileSync(built.file);
  let start = 0;
  return built.lengths.map((length) => ({ bytes: bytes.subarray(start, (start += length)), scan: { ids: new Set<string>(), urls: [], moduleScripts: [] } }));
}

/**
 * Fills `staging` with the last build's files, each changed note in its page.
 * Gives the pages whose notes changed and every file staged, by file path
 * (so the staged site need not be listed again: 0.1 s at 1,000 papers).
 * `scans` and `notes` get every page's, by file path, as a full build's
 * makeUrlsRelative would give them. Of the search shards, only those in
 * `keptShards` come (their records are the same).
 */
export function reuseLastBuild(last: LastBuild, staging: string, noteOf: (slug: string) => BuiltNote | undefined, scans: Map<string, PageScan>, notes: Map<string, PlacedNote>, { keptShards }: { keptShards: Set<number> }): { changed: Set<string>; staged: string[] } {
  const reindexed = new Set(last.searchShards.flatMap((shard, index) => (keptShards.has(index) ? [] : shard.files)));
  const folders = new Set<string>();
  const changed = new Set<string>();
  const staged: string[] = [];
  for (const path of last.files.keys()) {
    if (reindexed.has(path)) continue;
    const from = join(last.outDir, path);
    const to = join(staging, path);
    staged.push(to);
    const folder = dirname(to);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const placed = last.notes.get(path);
    const note = placed && noteOf(placed.slug);
    if (placed && !note) throw new Error(`${path} had the note "${placed.slug}", but no such note was rendered`);
    if (!placed || note!.file === placed.file) {
      linkOrCopy(from, to);
      if (placed) notes.set(to, placed);
      const scan = last.scans.get(path);
      if (scan) scans.set(to, scan);
      continue;
    }
    const part = readNotePart(placed.slug, note!);
    const page = readFileSync(from);
    const before = page.subarray(0, placed.start);
    const after = page.subarray(placed.start + placed.length);
    writeFileSync(to, Buffer.concat([before, part.bytes, after]));
    scans.set(to, scanParts([before.toString("latin1"), part, after.toString("latin1")]));
    notes.set(to, { ...placed, file: part.file, length: part.bytes.length });
    changed.add(to);
  }
  return { changed, staged };
}

/** Nothing writes to a reused file (a changed page is a new file), so the live site keeps its bytes until the swap. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to); // a file system without hard links
  }
}

/** Where the note of a page's final parts (see makeUrlsRelative's onPage) sits, if it has one. */
export function placeNote(parts: (string | ScannedPart)[]): PlacedNote | undefined {
  let start = 0;
  for (const part of parts) {
    if (typeof part === "string") start += part.length; // Latin-1: one character per byte
    else if ("file" in part) return { slug: (part as NotePart).slug, file: (part as NotePart).file, start, length: part.bytes.length };
    else start += part.bytes.length;
  }
  return undefined;
}

/** Files of the site in `siteDir` (default: all of them), by path inside it, with their stamps. */
export function stampFiles(siteDir: string, files = listFiles(siteDir, "")): Map<string, string> {
  return new Map(files.map((file) => [relative(siteDir, file), fileStamp(file)]));
}

/**
 * Describes the site in `staging`, for the next build; `outDir` is where it
 * will be. `files`: every file's stamp (see stampFiles), search indexes included.
 */
export function recordBuild(site: { staging: string; outDir: string; layoutDigest: string; files: Map<string, string>; searchShards: SearchShard[]; scans: Map<string, PageScan>; notes: Map<string, PlacedNote> }): LastBuild {
  const inSite = (file: string) => relative(site.staging, file);
  return {
    outDir: site.outDir,
    layoutDigest: site.layoutDigest,
    files: site.files,
    searchShards: site.searchShards,
    scans: new Map([...site.scans].map(([file, scan]) => [inSite(file), scanForReuse(scan)])),
    notes: new Map([...site.notes].map(([file, note]) => [inSite(file), note])),
  };
}

export function saveLastBuild(papersDir: string, last: LastBuild): void {
  const [record, shards] = [recordFile(papersDir), shardsFile(papersDir)];
  writeWhole(dirname(record), basename(record), serialize(last));
  writeWhole(dirname(shards), basename(shards), JSON.stringify({ outDir: last.outDir, digests: last.searchShards.map((shard) => shard.digest) }));
}
