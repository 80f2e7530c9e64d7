// Writes the site's search index, Pagefind's, from one list of documents. Pages
// opened from disk can neither fetch nor import a module, only load classic
// scripts, so each of Pagefind's files has a copy as one (see search.js).
// A big site's pages are split into shards, each an index of its own, so that
// a rebuild after an edit indexes only the shards whose records changed.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { deserialize, serialize } from "node:v8";
import { escapeAttribute, escapeText } from "entities";
import * as pagefind from "pagefind";
import { buildModule } from "../lib/build-bundle.ts";
import { shortTitle } from "../lib/format.ts";
import { startChildTask, type ChildTask } from "../lib/child-task.ts";
import { projectFilesDigest, searchRecordsInMemory, type PageSearchRecords } from "../lib/render-cache.ts";
import type { SearchDocument } from "../lib/search-documents.ts";
import { listFiles } from "./relative-urls.ts";

/** All records in one language index, so that one query searches en and zh notes alike. */
const INDEX_LANGUAGE = "zh";

/**
 * The tag that marks an equation's heading in the documents given to Pagefind;
 * sections get h2. search.js reads it back from each sub-result's anchor.
 */
export const EQUATION_HEADING_TAG = "h3";

/**
 * One small HTML document per page, for Pagefind: the title, then each record
 * as a heading with the record's anchor as its id, then its text. Pagefind
 * makes each heading a sub-result, deep-linked to its anchor. One document per
 * page, not one custom record per section and equation, halves Pagefind's
 * time and memory (1,000 papers: 12.9 s and 0.6 GB, from 21.7 s and 1.0 GB).
 */
export function pagefindDocument(documents: SearchDocument[]): string {
  const { title, short } = documents[0]!;
  // Its short name too (as an attribute: a meta's own text could hold a comma), which search.js reads to tell a query that names the paper.
  const parts = [`<html><head><title>${escapeText(title)}</title></head><body><h1 data-pagefind-meta="short[data-short]" data-short="${escapeAttribute(short)}">${escapeText(title)}</h1>`];
  // A short name the author gave ("DPO"), which the title does not hold, finds the paper as its title does (Pagefind weighs an h1 7).
  if (short !== shortTitle(title)) parts.push(`<p data-pagefind-weight="7">${escapeText(short)}</p>`);
  for (const doc of documents) {
    const tag = doc.kind === "equation" ? EQUATION_HEADING_TAG : "h2";
    // An equation's name outweighs a heading that mentions it (Pagefind's maximum weight).
    const weight = doc.kind === "equation" ? ' data-pagefind-weight="10"' : "";
    if (doc.hash) parts.push(`<${tag} id="${escapeAttribute(doc.hash)}"${weight}>${escapeText(doc.heading)}</${tag}>`);
    parts.push(`<p>${escapeText(doc.text)}</p>`);
  }
  parts.push("</body></html>");
  return parts.join("");
}

/**
 * Pages per shard. A shard of 125 pages takes Pagefind about 1.2 s, against
 * 10 s for one index of 1,000 papers, and costs a reader's query one more
 * small fetch of index chunks.
 */
const PAGES_PER_SHARD = 125;
/** So that a query never fetches from more than this many Pagefind indexes. */
const MAX_SHARDS = 16;

export function searchShardCount(pages: number): number {
  return Math.max(1, Math.min(MAX_SHARDS, Math.ceil(pages / PAGES_PER_SHARD)));
}

/** A page's shard: FNV-1a of its path, so that it keeps its shard while the count stays. */
export function searchShardOf(page: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < page.length; i++) hash = Math.imul(hash ^ page.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}

/**
 * Where a shard's index goes in the site. Shard 0's is the one search.js
 * loads; the others are merged into it (Pagefind's mergeIndex).
 */
export function shardPath(shard: number): string {
  return shard === 0 ? "pagefind" : `pagefind/shard-${shard}`;
}

/** Pagefind's files that only the primary index needs: its script, worker and WebAssembly. */
const PRIMARY_ONLY = /\.js$|^wasm\./;
/** Pagefind's bundled UIs: we use its search API with our own UI. */
const PAGEFIND_UI = /ui\.(js|css)$|highlight\.js$/;

/** A shard's Pagefind index. Its pages go to Pagefind's process all at once: one at a time, the round trips dominate. */
export async function writePagefindShard(siteDir: string, shard: number, documents: SearchDocument[]): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  const index = created.index;
  if (!index) throw new Error(`pagefind: ${created.errors.join("; ")}`);
  const pages = Map.groupBy(documents, (doc) => doc.page);
  const added = await Promise.all([...pages].map(([page, records]) => index.addHTMLFile({ url: `/${page}`, content: pagefindDocument(records) })));
  const errors = added.flatMap((response) => response.errors);
  if (errors.length) throw new Error(`pagefind: ${errors.join("; ")}`);
  const outputPath = join(siteDir, shardPath(shard));
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  await index.deleteIndex(); // Pagefind's process would keep every shard's index until it ends
  for (const file of readdirSync(outputPath)) if (PAGEFIND_UI.test(file) || (shard > 0 && PRIMARY_ONLY.test(file))) rmSync(join(outputPath, file));
  writeScriptCopies(siteDir, outputPath, shard === 0);
}

/** What search.js calls with each file's path in the site and its bytes (base64), from the file's copy as a script. */
const FILE_CALLBACK = "PapernotesPagefindFile";

/**
 * A classic script beside each of the shard's data files (`x.pf_fragment.js`
 * for `x.pf_fragment`), for pages opened from disk; and in the primary index,
 * Pagefind's module as a classic script. About 1.3 times the bytes of the
 * files (base64), against 2 times for MiniSearch's indexes, which these replace
 * (1,000 papers: 13 MB against 27 MB).
 */
function writeScriptCopies(siteDir: string, indexDir: string, primary: boolean): void {
  for (const file of listFiles(indexDir, "")) {
    if (file.endsWith(".js")) continue;
    writeFileSync(`${file}.js`, `${FILE_CALLBACK}(${JSON.stringify(relative(siteDir, file))},"${readFileSync(file).toString("base64")}");\n`);
  }
  if (primary) writeFileSync(join(indexDir, "pagefind-classic.js"), classicPagefindScript(readFileSync(join(indexDir, "pagefind.js"), "utf8")));
}

/**
 * Pagefind's module (pagefind.js) as a classic script that defines
 * window.PapernotesPagefind, its exports, and fetches through
 * window.PapernotesPagefindFetch (search.js's, from the files' script copies).
 * Pagefind finds its folder from import.meta.url, which a classic script has
 * not: search.js gives it as the basePath option.
 */
export function classicPagefindScript(module: string): string {
  const exported = /export\s*\{([^}]*)\};?\s*$/.exec(module);
  if (!exported || /^\s*import[\s{*"]/m.test(module)) throw new Error("Pagefind's pagefind.js is not the module this build can make a classic script of (one that imports nothing and ends in export{…}): see classicPagefindScript in src/postbuild/search-index.ts");
  const body = module.slice(0, exported.index).replaceAll("import.meta.url", "undefined");
  return `(function (fetch) {\n"use strict";\n${body}\nwindow.PapernotesPagefind = {${exported[1]}};\n})(function (input) {\n  return window.PapernotesPagefindFetch(input);\n});\n`;
}

export async function closePagefind(): Promise<void> {
  await pagefind.close();
}

/** The file every shard shares, in the site: the shard count, as a classic script. */
export const SHARD_COUNT_FILE = "search/shards.js";

function writeShardCount(siteDir: string, count: number): void {
  mkdirSync(dirname(join(siteDir, SHARD_COUNT_FILE)), { recursive: true });
  writeFileSync(join(siteDir, SHARD_COUNT_FILE), `window.PapernotesSearchShards=${count};\n`);
}

export interface SearchIndexRequest {
  /** Each shard to index, with the files of its records (each v8-serialized SearchDocument[]), in order. */
  shards: { shard: number; records: string[] }[];
  /** Each shard's indexes go to `${dir}/shard-N/`, laid out as in the site. */
  dir: string;
  /** Where a process claims each shard before it indexes it (see claimShard). */
  claims: string;
}

/**
 * Claims the shard for this process, among the processes that were given the
 * same shards; false if another has it. A folder per shard: making one is
 * atomic, and the two processes need no other channel.
 */
export function claimShard(claims: string, shard: number): boolean {
  try {
    mkdirSync(join(claims, `shard-${shard}`));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** The folder of `dir` that a shard's files are written to, laid out as in the site. */
export const shardDir = (dir: string, shard: number) => join(dir, `shard-${shard}`);

/** A shard's records, from their files (see SearchIndexRequest). */
export const readShardRecords = (files: string[]): SearchDocument[] => files.flatMap((file) => deserialize(readFileSync(file)) as SearchDocument[]);

interface Shard {
  /** By page. */
  pages: PageSearchRecords[];
  digest: string;
}

/**
 * What makes the indexes from the records: this module and the packages
 * (Pagefind's version is in the lockfile). A change to either makes every
 * shard's index anew, even when Astro runs and the last build's pages are not
 * reused.
 */
const INDEXER_SOURCES = ["src/postbuild/search-index.ts", "package-lock.json"];

/**
 * Each shard's index, built while this process goes on (Astro lays out the
 * pages meanwhile) in a child task (see child-task.ts): Pagefind takes about
 * 0.5 GB to index 1,000 papers, which a process gives back when it ends.
 */
export class SearchIndexer {
  /** A digest of what indexes (default: of INDEXER_SOURCES), part of every shard's digest. */
  private readonly indexer: string;
  private readonly pages: PageSearchRecords[] = [];
  private split?: Shard[];
  private readonly stopping = new AbortController();
  private running?: Promise<unknown>;
  /** A process started ahead of the next write (see prestart). */
  private early?: ChildTask<SearchIndexRequest, void>;

  constructor(indexer = projectFilesDigest(INDEXER_SOURCES)) {
    this.indexer = indexer;
  }

  /**
   * Starts Pagefind's process now, for the next write: it loads its modules
   * (about 0.3 s) while this process goes on. For a rebuild after an edit,
   * whose check leaves a core free; stop ends it if no write comes.
   */
  prestart(): void {
    this.early ??= this.child();
  }

  private child(): ChildTask<SearchIndexRequest, void> {
    return startChildTask(buildModule("src/postbuild/search-index-worker.ts"), { name: "the search index", signal: this.stopping.signal });
  }

  /** Records in memory, of any pages. */
  add(documents: SearchDocument[]): void {
    for (const [page, records] of Map.groupBy(documents, (doc) => doc.page)) this.pages.push(searchRecordsInMemory(page, records));
    this.split = undefined;
  }

  /** Records by page, in memory or in files (see PageSearchRecords). */
  addPages(pages: PageSearchRecords[]): void {
    this.pages.push(...pages);
    this.split = undefined;
  }

  /** One digest per shard, of its pages' records: the same records make the same indexes. */
  digests(): string[] {
    return this.shards().map((shard) => shard.digest);
  }

  private shards(): Shard[] {
    if (this.split) return this.split;
    const count = searchShardCount(this.pages.length);
    const byShard = Map.groupBy(this.pages, (page) => searchShardOf(page.page, count));
    return (this.split = Array.from({ length: count }, (_, shard) => {
      const pages = (byShard.get(shard) ?? []).sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
      const digest = createHash("sha256").update(`${this.indexer}\n${shard}/${count}\n`);
      for (const page of pages) digest.update(`${page.page}\0${page.digest}\n`);
      return { pages, digest: digest.digest("hex") };
    }));
  }

  /**
   * After the last add: writes the indexes of the shards `only` (default: all)
   * into `dir` (see SearchIndexRequest), and the file they share into
   * `${dir}/shared/`. Resolves with the number of records written.
   * Once `helpWhen` resolves (a core has come free), a second Pagefind process
   * takes the shards that the first has not started yet: it is the longest step.
   */
  async write(dir: string, { only, helpWhen }: { only?: number[]; helpWhen?: Promise<unknown> } = {}): Promise<number> {
    const shards = this.shards();
    const chosen = only ?? shards.map((_, shard) => shard);
    // Through files: sent over IPC, 1,000 papers' records took each child 1 s or more to receive.
    mkdirSync(dir, { recursive: true });
    const written: string[] = [];
    const requests = chosen.map((shard) => ({
      shard,
      records: shards[shard]!.pages.map((page, n) => {
        if (page.file) return page.file;
        const file = join(dir, `.records-${shard}-${n}.bin`);
        writeFileSync(file, serialize(page.documents));
        written.push(file);
        return file;
      }),
    }));
    writeShardCount(join(dir, "shared"), shards.length);
    const claims = join(dir, ".claims");
    mkdirSync(claims, { recursive: true });
    const build = () => {
      const task = this.early ?? this.child();
      this.early = undefined;
      return task.run({ shards: requests, dir, claims });
    };
    let finished = false;
    const work = build().finally(() => (finished = true));
    // Not for one shard: there would be nothing left to share.
    const help = chosen.length > 1 ? helpWhen?.then(() => (finished ? undefined : build())) : undefined;
    try {
      await (this.running = Promise.all([work, help]));
    } finally {
      for (const file of written) rmSync(file, { force: true });
      rmSync(claims, { recursive: true, force: true });
    }
    return chosen.reduce((count, shard) => count + shards[shard]!.pages.reduce((sum, page) => sum + page.count, 0), 0);
  }

  /** Ends the task at work, if any (write then rejects), and the processes started early. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running?.catch(() => {});
  }
}

/**
 * Moves what `write` put in `dir` into the site in `siteDir`. Gives each
 * written shard's files, and every file placed (the files all shards share
 * too), by path in the site.
 */
export function placeIndexes(dir: string, siteDir: string): { shards: Map<number, string[]>; placed: string[] } {
  const shards = new Map<number, string[]>();
  const placed: string[] = [];
  mkdirSync(siteDir, { recursive: true });
  for (const entry of readdirSync(dir)) {
    const files = listFiles(join(dir, entry), "").map((file) => relative(join(dir, entry), file));
    const shard = /^shard-(\d+)$/.exec(entry);
    if (shard) shards.set(Number(shard[1]), files);
    placed.push(...files);
    mergeInto(join(dir, entry), siteDir);
  }
  rmSync(dir, { recursive: true, force: true });
  return { shards, placed };
}

/** Moves every file of `from` to the same place under `to`, then removes `from`. */
function mergeInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory() && existsSync(target)) mergeInto(source, target);
    else renameSync(source, target);
  }
  rmSync(from, { recursive: true, force: true });
}
