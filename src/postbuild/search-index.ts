// Writes both search backends from one list of documents:
// - pagefind/ for the hosted site (fetch + WebAssembly; segments Chinese);
// - search/offline-index-*.js, MiniSearch indexes behind classic script tags,
//   for pages opened from disk, where fetch, modules and wasm are blocked.
// A big site's pages are split into shards, each with an index of each kind,
// so that a rebuild after an edit indexes only the shards whose records changed.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { deserialize, serialize } from "node:v8";
import MiniSearch from "minisearch";
import { escapeAttribute, escapeText } from "entities";
import * as pagefind from "pagefind";
import "../../public/scripts/search-core.js";
import { buildModule } from "../lib/build-bundle.ts";
import { startChildTask, type ChildTask } from "../lib/child-task.ts";
import { projectFilesDigest, searchRecordsInMemory, type PageSearchRecords } from "../lib/render-cache.ts";
import type { SearchDocument } from "../lib/search-documents.ts";
import { listFiles } from "./relative-urls.ts";

interface SearchCore {
  tokenize: (text: string) => string[];
  fold: (text: string) => string;
  segmented: (word: string) => boolean;
  withUmlauts: (query: string) => string;
  options: ConstructorParameters<typeof MiniSearch<SearchDocument>>[0];
}
export const searchCore = (globalThis as unknown as { PapernotesSearchCore: SearchCore }).PapernotesSearchCore;

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
  const parts = [`<html><head><title>${escapeText(documents[0]!.title)}</title></head><body><h1>${escapeText(documents[0]!.title)}</h1>`];
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
 * Where a shard's indexes go in the site. Shard 0's Pagefind index is the one
 * search.js loads; the others are merged into it (Pagefind's mergeIndex).
 */
export function shardPaths(shard: number): { pagefind: string; offline: string } {
  return { pagefind: shard === 0 ? "pagefind" : `pagefind/shard-${shard}`, offline: `search/offline-index-${shard}.js` };
}

/**
 * Up to this many shards (1,000 papers), `offlineInProcess` holds. This
 * process's own work after the check (reusing and guarding the pages) grows
 * with the site, Pagefind's with the shard: at 1,000 papers the two took about
 * as long, and on a bigger site this process would end last.
 */
const OFFLINE_IN_PROCESS_MAX_SHARDS = 8;

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
  const outputPath = join(siteDir, shardPaths(shard).pagefind);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  await index.deleteIndex(); // Pagefind's process would keep every shard's index until it ends
  for (const file of readdirSync(outputPath)) if (PAGEFIND_UI.test(file) || (shard > 0 && PRIMARY_ONLY.test(file))) rmSync(join(outputPath, file));
}

export async function closePagefind(): Promise<void> {
  await pagefind.close();
}

/** A shard's MiniSearch index, as a classic script (file:// pages cannot fetch) that files it under its shard. */
function writeOfflineShard(siteDir: string, shard: number, documents: SearchDocument[]): void {
  const mini = new MiniSearch<SearchDocument>(searchCore.options);
  mini.addAll(documents);
  const file = join(siteDir, shardPaths(shard).offline);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `(window.PapernotesOfflineIndex=window.PapernotesOfflineIndex||[])[${shard}]=${JSON.stringify(JSON.stringify(mini))};\n`);
}

/** The files every shard shares, in the site: the shard count, and MiniSearch's UMD build. */
export const SHARED_SEARCH_FILES = { shardCount: "search/shards.js", miniSearch: "vendor/minisearch.js" } as const;

/** What every shard shares (see SHARED_SEARCH_FILES); MiniSearch's UMD build defines window.MiniSearch from a classic script. */
function writeSharedFiles(siteDir: string, count: number): void {
  for (const file of Object.values(SHARED_SEARCH_FILES)) mkdirSync(dirname(join(siteDir, file)), { recursive: true });
  writeFileSync(join(siteDir, SHARED_SEARCH_FILES.shardCount), `window.PapernotesSearchShards=${count};\n`);
  const umd = join(dirname(createRequire(import.meta.url).resolve("minisearch")), "..", "umd", "index.js");
  copyFileSync(umd, join(siteDir, SHARED_SEARCH_FILES.miniSearch));
}

export interface SearchIndexRequest {
  kind: "pagefind" | "offline";
  /** Each shard to index, with the files of its records (each v8-serialized SearchDocument[]), in order. */
  shards: { shard: number; records: string[] }[];
  /** Each shard's indexes go to `${dir}/shard-N/`, laid out as in the site. */
  dir: string;
  /** Where a process claims each shard before it indexes it (see claimShard). */
  claims: string;
}

/**
 * Claims the shard for this process, among the processes of its kind that
 * were given the same shards; false if another has it. A folder per shard:
 * making one is atomic, and the two processes need no other channel.
 */
export function claimShard(claims: string, kind: SearchIndexRequest["kind"], shard: number): boolean {
  try {
    mkdirSync(join(claims, `${kind}-${shard}`));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** The folder of `dir` that a shard's files are written to, laid out as in the site. */
export const shardDir = (dir: string, shard: number) => join(dir, `shard-${shard}`);

/** Runs `task` once this process has nothing else to do (its event loop's next turn); rejects if it throws. */
async function inProcessWhenIdle(task: () => void): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  task();
}

/** A shard's records, from their files (see SearchIndexRequest). */
export const readShardRecords = (files: string[]): SearchDocument[] => files.flatMap((file) => deserialize(readFileSync(file)) as SearchDocument[]);

/** Builds the offline indexes of a request's shards, each that no other process has claimed. */
export function writeOfflineShards({ shards, dir, claims }: Omit<SearchIndexRequest, "kind">): void {
  for (const { shard, records } of shards) if (claimShard(claims, "offline", shard)) writeOfflineShard(shardDir(dir, shard), shard, readShardRecords(records));
}

interface Shard {
  /** By page. */
  pages: PageSearchRecords[];
  digest: string;
}

/**
 * What makes the indexes from the records: this module, the tokenizer and
 * MiniSearch's settings, and the packages (MiniSearch, Pagefind, Node's ICU).
 * A change to any makes every shard's indexes anew, even when Astro runs and
 * the last build's pages are not reused.
 */
const INDEXER_SOURCES = ["src/postbuild/search-index.ts", "public/scripts/search-core.js", "package-lock.json"];

/**
 * Both indexes of each shard, built while this process goes on (Astro lays
 * out the pages meanwhile), each kind as a child task (see child-task.ts), one
 * after the other: MiniSearch, then Pagefind. Each takes about 0.5 GB to index
 * 1,000 papers; at once, and with Astro, the build peaked at 2.1 GB. One after
 * the other took no longer: they only competed for the core that Astro leaves.
 * Without Astro (a rebuild of notes only), at once is faster.
 */
export class SearchIndexer {
  /** A digest of what indexes (default: of INDEXER_SOURCES), part of every shard's digest. */
  private readonly indexer: string;
  private readonly pages: PageSearchRecords[] = [];
  private split?: Shard[];
  private readonly stopping = new AbortController();
  private running?: Promise<unknown>;
  /** Processes started ahead of the next write (see prestart). */
  private readonly early = new Map<SearchIndexRequest["kind"], ChildTask<SearchIndexRequest, void>>();

  constructor(indexer = projectFilesDigest(INDEXER_SOURCES)) {
    this.indexer = indexer;
  }

  /**
   * Starts Pagefind's process now, for the next write: it loads its modules
   * (about 0.3 s) while this process goes on. For a rebuild after an edit,
   * whose check leaves a core free; stop ends it if no write comes. Such a
   * rebuild most likely indexes one shard, and then this process builds the
   * offline index itself (see write's `offlineInProcess`).
   */
  prestart(): void {
    if (!this.early.has("pagefind")) this.early.set("pagefind", this.child("pagefind"));
  }

  private child(kind: SearchIndexRequest["kind"]): ChildTask<SearchIndexRequest, void> {
    return startChildTask(buildModule("src/postbuild/search-index-worker.ts"), { name: `the ${kind} search index`, signal: this.stopping.signal });
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
   * into `dir` (see SearchIndexRequest), and the files they share into
   * `${dir}/shared/`. Resolves with the number of records written.
   * `atOnce` builds both kinds side by side, for when nothing else runs.
   * Once `helpWhen` resolves (a core has come free), a second Pagefind process
   * takes the shards that Pagefind has not started yet: it is the longest step.
   * `offlineInProcess` builds the offline indexes in this process, once it
   * waits, on a site of up to 8 shards: for one shard, a process of its own
   * competed with Pagefind for the two cores (rebuild after an edit at 1,000
   * papers, Pagefind's shard 1.5 s against 1.7 s).
   */
  async write(dir: string, { atOnce = false, only, helpWhen, offlineInProcess = false }: { atOnce?: boolean; only?: number[]; helpWhen?: Promise<unknown>; offlineInProcess?: boolean } = {}): Promise<number> {
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
    writeSharedFiles(join(dir, "shared"), shards.length);
    const claims = join(dir, ".claims");
    mkdirSync(claims, { recursive: true });
    const build = (kind: SearchIndexRequest["kind"]) => {
      if (kind === "offline" && offlineInProcess && shards.length <= OFFLINE_IN_PROCESS_MAX_SHARDS) return inProcessWhenIdle(() => writeOfflineShards({ shards: requests, dir, claims }));
      const task = this.early.get(kind) ?? this.child(kind);
      this.early.delete(kind);
      return task.run({ kind, shards: requests, dir, claims });
    };
    let finished = false;
    const work = (atOnce ? Promise.all([build("offline"), build("pagefind")]) : build("offline").then(() => build("pagefind"))).finally(() => (finished = true));
    // Not for one shard: there would be nothing left to share.
    const help = chosen.length > 1 ? helpWhen?.then(() => (finished ? undefined : build("pagefind"))) : undefined;
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
