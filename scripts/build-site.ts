// The build, started by build.ts (see there for its arguments): check every
// paper, build into a staging folder, and only then replace the site.
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs, stripVTControlCharacters } from "node:util";
import { setFlagsFromString } from "node:v8";
import { astroBuildInChildProcess } from "../src/lib/astro-build.ts";
import { BUILD_V8_FLAGS, endChildren } from "../src/lib/child-task.ts";
import { formatProblem, warningLines } from "../src/lib/content-check-results.ts";
import { counted, grouped } from "../src/lib/format.ts";
import { checkContentInParallel } from "../src/lib/content-check-parallel.ts";
import { cacheFilesInUse, renderCacheFor } from "../src/lib/render-cache.ts";
import { guardSite, scanParts, type PageScan, type ScannedPart } from "../src/postbuild/dist-guard.ts";
import { lastSearchShardDigests, layoutDigest, linkFromLastBuild, placeNote, readFormulaParts, readLastBuild, readNotePart, recordBuild, reuseLastBuild, saveLastBuild, stampFiles, untouchedSince, type LastBuild, type PlacedNote } from "../src/postbuild/last-build.ts";
import { splitAtMarkers, type SplicedParts } from "../src/postbuild/note-bodies.ts";
import { listFiles, makeUrlsRelative } from "../src/postbuild/relative-urls.ts";
import { placeIndexes, SearchIndexer, SHARD_COUNT_FILE } from "../src/postbuild/search-index.ts";
import { outDirProblem, siteFolder, stagingFor, swapInSite } from "../src/postbuild/site-swap.ts";
import { basePath, basePathProblem, papersDir, publicDir, siteUrl, siteUrlProblem } from "../src/site.config.ts";

// Set as for the build's child processes (see BUILD_V8_FLAGS).
setFlagsFromString(BUILD_V8_FLAGS.join(" "));

const { values } = parseArgs({ options: { out: { type: "string", default: "dist" } } });
const outDir = siteFolder(values.out!);
/** The site's folder as the reader named it, for messages that add "/" (dist/, not dist//). */
const out = values.out!.replace(/(.)\/+$/, "$1");
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1) + " s";
// PAPERNOTES_VERBOSE also shows this process's memory at each step, for tuning.
const memory = () => {
  const { rss, heapUsed, external } = process.memoryUsage();
  return process.env.PAPERNOTES_VERBOSE ? ` (rss ${mb(rss)}, heap ${mb(heapUsed)}, external ${mb(external)})` : "";
};
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const step = (what: string) => console.log(`[${seconds().padStart(7)}] ${what}${memory()}`);
const PROGRESS_SECONDS = 5;
const leftAlone = () => (!existsSync(outDir) ? "nothing was written" : `${out}${statSync(outDir).isDirectory() ? "/" : ""} was left as it was`);
// What the build was given and cannot use, before it does anything.
const settingsProblems = [siteUrlProblem(), basePathProblem(), outDirProblem(values.out!, { notes: papersDir, project: process.cwd(), publicDir })].filter((problem) => problem !== undefined);
if (settingsProblems.length > 0) {
  console.error(`${settingsProblems.join("\n")}\n\nbuild failed; ${leftAlone()}.`);
  process.exit(1);
}

// The new site is made beside the old one, which stays as it was until the last step.
const staging = stagingFor(outDir);
const searchDir = `${staging}-search`;
// Ctrl-C, or a stop from outside (a CI job cancelled, timeout, docker stop): the
// child processes end, what was made so far goes, and the reader hears what is left.
let stopped = false;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(signal, async () => {
    stopped = true;
    await endChildren();
    for (const dir of [staging, searchDir]) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    console.error(`\nbuild stopped; ${leftAlone()}.`);
    process.exit(code);
  });
}

// Progress at most every few seconds: long builds show they are alive, short ones stay quiet.
let lastReport = performance.now();
const onProgress = (papers: number, of: number, stage: "read" | "checked") => {
  if (performance.now() - lastReport < PROGRESS_SECONDS * 1000) return;
  lastReport = performance.now();
  step(`${stage} ${grouped(papers)} of ${counted(of, "paper")}`);
};
// Search indexing runs in child processes while Astro lays out the pages, or at
// once without Astro. When the check leaves a core free (after an edit, most
// likely), they start now and load their modules meanwhile.
const search = new SearchIndexer();
const check = await checkContentInParallel(papersDir, basePath, { render: true, asBuilt: true, cache: true, onProgress, onInProcess: () => search.prestart() }).catch((error: Error) => fail(`the content check: ${error.message}`));
for (const line of warningLines(check.warnings)) console.warn(`warning: ${line}`);
// Counted in the last line too: on a big site the warnings have scrolled out of view by then.
const warned = check.warnings.length > 0 ? ` (and ${counted(check.warnings.length, "warning")}, above)` : "";
if (check.problems.length > 0) {
  console.error(check.problems.map(formatProblem).join("\n"));
  console.error(`\nbuild failed: ${counted(check.problems.length, "problem")} in ${counted(new Set(check.problems.map((p) => p.file)).size, "file")}${warned}; ${leftAlone()}.`);
  process.exit(1);
}
step(`checked and rendered ${counted(check.papers, "paper")} and ${counted(check.formulas, "formula")}`);

rmSync(staging, { recursive: true, force: true });
rmSync(searchDir, { recursive: true, force: true });
// Search records stay here: Astro has no use for them.
const handOff = { papersDir, base: basePath, result: { ...check, search: [] }, notesFilledAfterBuild: true };
const hasMdx = check.mdxSlugs.size > 0;
// MDX notes (rare) are only known once built: then the index waits for them.
search.addPages(check.search);
// A shard whose records are as they were (an edit to emphasis or links, or none
// at all) keeps its indexes. Indexing is the longest step of a rebuild after an
// edit, so it starts from the last build's shard digests alone, before the layout
// digest and the last build's record are known (at 10,000 papers, 3.6 s sooner).
const shardDigests = hasMdx ? [] : search.digests();
const lastShards = hasMdx ? undefined : lastSearchShardDigests(papersDir, outDir);
const keptShards = new Set(shardDigests.flatMap((digest, shard) => (lastShards?.[shard] === digest ? [shard] : [])));
const toIndex = shardDigests.flatMap((_, shard) => (keptShards.has(shard) ? [] : [shard]));
// Resolved once Astro is done, or the last build reused: a core is free for a second Pagefind process.
let coreFreed!: () => void;
const coreFree = new Promise<void>((resolve) => (coreFreed = resolve));
let indexed: Promise<number | undefined> | undefined = hasMdx ? undefined : toIndex.length === 0 ? Promise.resolve(undefined) : search.write(searchDir, { only: toIndex, helpWhen: coreFree });
// A failure is reported after the pages are made, below; until then it must not count as unhandled.
indexed?.catch(() => {});
/** The kept shards are indexed after all: their files come only with the last build's pages. */
const indexKeptShardsToo = () => {
  if (keptShards.size === 0) return;
  const rest = [...keptShards];
  keptShards.clear();
  (indexed = indexed!.then(async (records = 0) => records + (await search.write(searchDir, { only: rest, helpWhen: coreFree })))).catch(() => {});
};
// Pages that would come out of Astro as last time (only notes changed) are taken from the last build.
const layout = layoutDigest(handOff);
const lastBuild = hasMdx ? undefined : readLastBuild(papersDir, outDir);
const keepsShards = (build: LastBuild) => [...keptShards].every((shard) => build.searchShards[shard]?.digest === lastShards![shard]);
/** Why the last build's pages cannot be reused, if they cannot: each check once (the last stats every file of the site). */
function whyNotReused(build: LastBuild): string | undefined {
  if (build.layoutDigest !== layout) return "what pages show besides the notes changed (a title, short name, date, tag, summary, equation, the count of papers, a kind of formula no note had, which needs more of KaTeX's styles, the site's address, or the site's own code)";
  if (!keepsShards(build)) return "the last build's search indexes are not this one's";
  if (!untouchedSince(build)) return `files in ${out}/ were changed since the last build`;
  return undefined;
}
const notReused = lastBuild && whyNotReused(lastBuild);
const last = lastBuild && notReused === undefined ? lastBuild : undefined;
// A rebuild after an edit that takes Astro's full time says why, which the writer would not guess (MDX notes have their note at the end).
if (notReused) step(`laying out every page anew: ${notReused}`);
// When Astro lays out the pages anew (a title, tag or equation changed), the kept
// shards' indexes still come from the last build: only their files need to be as it wrote them.
const keptSearchFiles = !last && lastBuild && keptShards.size > 0 && keepsShards(lastBuild) ? [...[...keptShards].flatMap((shard) => lastBuild.searchShards[shard]!.files), SHARD_COUNT_FILE] : [];
const searchFrom = last ?? (keptSearchFiles.length > 0 && untouchedSince(lastBuild!, keptSearchFiles) ? lastBuild : undefined);
if (!searchFrom) indexKeptShardsToo();
mkdirSync(dirname(outDir), { recursive: true });
process.env.PAPERNOTES_OUT_DIR = staging;
// Vite lets a stray BASE_URL in the environment (vitest sets one) override the
// configured base in pages; ours comes from BASE_PATH only.
delete process.env.BASE_URL;

async function fail(message: string): Promise<never> {
  // Ctrl-C stops the build's children too, and a child's end can reach this
  // process before its own SIGINT handler has run: a turn of the event loop
  // lets the handler go first; once stopped, the build says so, not that it failed.
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (stopped) return new Promise<never>(() => {});
  await search.stop();
  for (const dir of [staging, searchDir]) rmSync(dir, { recursive: true, force: true });
  // Into a file or a CI log (NO_COLOR, see build.mjs) a tool's colour codes (Rolldown's, in a syntax error) are noise.
  console.error(`${process.env.NO_COLOR ? stripVTControlCharacters(message) : message}\n\nbuild failed; ${leftAlone()}.`);
  process.exit(1);
}

// Each page's scan for the dist guard, and where each paper page holds its note, by file.
const scans = new Map<string, PageScan>();
const notes = new Map<string, PlacedNote>();
let pages = 0;
// The staged site's files, once made: listed once for the steps that read them all (40-60 ms a listing at 1,000 papers).
let staged: string[] | undefined;
const stagedFiles = () => (staged ??= listFiles(staging, ""));
let reused = false;
// After a reuse: the pages whose notes changed; the others passed the last build's guard.
let changedPages: Set<string> | undefined;
if (last) {
  try {
    const reuse = reuseLastBuild(last, staging, (slug) => check.rendered.get(slug)?.builtNote, scans, notes, { keptShards });
    changedPages = reuse.changed;
    staged = reuse.staged;
    pages = scans.size;
    reused = true;
    const kept = keptShards.size === 0 ? "" : keptShards.size === shardDigests.length ? " and search indexes" : ` and ${keptShards.size} of ${shardDigests.length} search shards`;
    step(`reused the last build's pages${kept}, with ${counted(changedPages.size, "changed note")}`);
  } catch (error) {
    // Never a reason to fail: a full build makes every page anew.
    console.warn(`warning: the last build could not be reused (${error instanceof Error ? error.message : String(error)}); building in full`);
    rmSync(staging, { recursive: true, force: true });
    staged = undefined;
    scans.clear();
    notes.clear();
    indexKeptShardsToo();
  }
}
if (!reused) {
  try {
    // Astro's info level lists every page (a thousand lines on a big site); our steps say enough.
    await astroBuildInChildProcess({ handOff, logLevel: process.env.PAPERNOTES_VERBOSE ? "info" : "warn" });
  } catch (error) {
    await fail(error instanceof Error ? error.message : String(error));
  }
  step("Astro built the pages");
  coreFreed();
  if (searchFrom) linkFromLastBuild(searchFrom, staging, keptSearchFiles);

  if (!indexed) {
    // Loaded only here: it brings the HTML parser, which most builds never need.
    const { builtPaperDocuments } = await import("../src/lib/search-documents.ts");
    search.add(builtPaperDocuments(staging, check.index, check.mdxSlugs));
    indexed = search.write(searchDir, { helpWhen: coreFree });
  }
  // Each paper page gets its note, then one output for every host, any base path
  // and file://: relative URLs, then a guard, all while the search index is still
  // being written (no page links to it).
  const noteOf = (slug: string) => {
    const note = check.rendered.get(slug)?.builtNote;
    return note && readNotePart(slug, note);
  };
  // A page of the formula list holds the previews of about 20 papers: each paper's file is read once for it.
  const formulasOf = (): SplicedParts["formulaOf"] => {
    const read = new Map<string, ScannedPart[] | undefined>();
    return (slug, n) => {
      if (!read.has(slug)) read.set(slug, readFormulaParts(check.rendered.get(slug)?.builtFormulas));
      return read.get(slug)?.[n];
    };
  };
  const onPage = (file: string, parts: (string | ScannedPart)[]) => {
    scans.set(file, scanParts(parts));
    const note = placeNote(parts);
    if (note) notes.set(file, note);
  };
  try {
    pages = makeUrlsRelative(staging, basePath, { split: (page) => splitAtMarkers(page, { noteOf, formulaOf: formulasOf() }), onPage, files: stagedFiles() });
  } catch (error) {
    await fail(error instanceof Error ? error.message : String(error));
  }
}
coreFreed(); // after a reuse (after Astro, it already was)
const guard = guardSite(staging, scans, changedPages, stagedFiles());
step(`${reused ? "" : "made URLs relative and "}checked ${counted(pages, "page")}`);
if (guard.length > 0) {
  await fail(`${guard.map((p) => `${out}/${p.file}:${p.line}: ${p.reason}`).join("\n")}\n\nthe built site has ${counted(guard.length, "problem")}.`);
}
// The next build's record of the site's files, made while the search indexes are
// still being written (0.1 s at 1,000 papers); their files are added once placed.
const files = stampFiles(staging, stagedFiles());
const records = await indexed!.catch((error: Error) => fail(`search index: ${error.message}`));
await search.stop(); // the processes started early for a write that never came (no shard changed)
const written = records === undefined ? { shards: new Map<number, string[]>(), placed: [] } : placeIndexes(searchDir, staging);
for (const [path, stamp] of stampFiles(staging, written.placed.map((path) => join(staging, path)))) files.set(path, stamp);
const searchShards = search.digests().map((digest, shard) => ({ digest, files: written.shards.get(shard) ?? searchFrom!.searchShards[shard]!.files }));
if (records !== undefined) {
  const some = written.shards.size < searchShards.length ? ` (${written.shards.size} of ${searchShards.length} shards)` : "";
  step(`indexed ${grouped(records)} sections and equations for search${some}`);
}
const built = recordBuild({ staging, outDir, layoutDigest: layout, files, searchShards, scans, notes });

// The top-level names the last build made, if known: others in the folder were put there by hand, and are kept.
const kept = swapInSite(outDir, lastBuild && new Set([...lastBuild.files.keys()].map((path) => path.split("/")[0]!)));
saveLastBuild(papersDir, built);
// Built notes, search records and highlighted blocks that no paper uses any more leave the cache (they were kept by digest),
// and so do the entries of notes deleted or renamed.
renderCacheFor(papersDir).removeFilesExcept(cacheFilesInUse(check.rendered.values(), check.search), check.index.keys());
// A site built for hosting with the placeholder URL would hand out dead permalinks.
const siteUrlNote = process.env.SITE_URL ? "" : `note: SITE_URL is not set, so canonical links, the feed and the sitemap point at ${siteUrl} (see "Deploying" in the README)\n`;
// Why every build of this site runs Astro in full, which the writer would not guess.
const mdxNames = [...check.mdxSlugs].map((slug) => check.index.get(slug)!.path.replace(/^.*\//, ""));
const mdxNote = hasMdx ? `note: ${mdxNames.slice(0, 3).join(", ")}${mdxNames.length > 3 ? ` and ${mdxNames.length - 3} more` : ""} ${mdxNames.length === 1 ? "uses" : "use"} MDX (imports, JSX tags or {expressions}), so every build lays out every page anew; without them a rebuild after an edit renders only the edited notes\n` : "";
const drafts = check.drafts > 0 ? `; ${counted(check.drafts, "draft")} left out` : "";
const keptNote = kept.length > 0 ? `note: kept ${kept.join(", ")} in ${out}/, which this build does not make (files every build should have go in public/)\n` : "";
// Exits once the line is out, without freeing the heap page by page: that took
// 0.1-0.2 s after this line (1,000 papers, a rebuild after an edit: 3.0 s in all).
process.stdout.write(`built ${counted(check.papers, "paper")} (${counted(pages, "page")}, ${counted(check.formulas, "formula")}${drafts}) into ${out}/ in ${seconds()}${warned}\n${keptNote}${mdxNote}${siteUrlNote}`, () => process.exit(0));
