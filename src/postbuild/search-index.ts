// Writes both search backends from one list of documents:
// - pagefind/ for the hosted site (fetch + WebAssembly; segments Chinese);
// - search/offline-index.js, a MiniSearch index behind a classic script tag,
//   for pages opened from disk, where fetch, modules and wasm are blocked.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { serialize } from "node:v8";
import MiniSearch from "minisearch";
import { escapeAttribute, escapeText } from "entities";
import * as pagefind from "pagefind";
import "../../public/scripts/search-core.js";
import { runChildTask } from "../lib/child-task.ts";
import type { SearchDocument } from "../lib/search-documents.ts";

interface SearchCore {
  tokenize: (text: string) => string[];
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
 * A Pagefind index that takes records as they come and is written at the end.
 * Pages go to Pagefind's own process all at once: one at a time, the round
 * trips dominate. A page's records always come in one batch.
 */
export async function createPagefindIndex() {
  const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  const index = created.index;
  if (!index) throw new Error(`pagefind: ${created.errors.join("; ")}`);
  return {
    async add(documents: SearchDocument[]): Promise<void> {
      const pages = Map.groupBy(documents, (doc) => doc.page);
      const added = await Promise.all([...pages].map(([page, records]) => index.addHTMLFile({ url: `/${page}`, content: pagefindDocument(records) })));
      const errors = added.flatMap((response) => response.errors);
      if (errors.length) throw new Error(`pagefind: ${errors.join("; ")}`);
    },
    async write(siteDir: string): Promise<void> {
      const outputPath = join(siteDir, "pagefind");
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
      // We use Pagefind's search API with our own UI; its bundled UIs are dead weight.
      for (const file of readdirSync(outputPath)) if (/ui\.(js|css)$|highlight\.js$/.test(file)) rmSync(join(outputPath, file));
      await pagefind.close();
    },
  };
}

export function writeOfflineIndex(siteDir: string, mini: MiniSearch<SearchDocument>): void {
  mkdirSync(join(siteDir, "search"), { recursive: true });
  mkdirSync(join(siteDir, "vendor"), { recursive: true });
  const json = JSON.stringify(mini);
  // A classic script, not JSON: file:// pages cannot fetch.
  writeFileSync(join(siteDir, "search", "offline-index.js"), `window.PapernotesOfflineIndex=${JSON.stringify(json)};\n`);
  // The UMD build defines window.MiniSearch from a classic script.
  const umd = join(dirname(createRequire(import.meta.url).resolve("minisearch")), "..", "umd", "index.js");
  copyFileSync(umd, join(siteDir, "vendor", "minisearch.js"));
}

export interface SearchIndexRequest {
  kind: "pagefind" | "offline";
  /** A file of the records (v8-serialized SearchDocument[]). */
  records: string;
  /** The folder to write the index into. */
  dir: string;
}

/**
 * Both indexes, built while this process goes on (Astro lays out the pages
 * meanwhile), each as a child task (see child-task.ts), one after the other:
 * MiniSearch, then Pagefind. Each takes about 0.5 GB to index 1,000 papers; at
 * once, and with Astro, the build peaked at 2.1 GB. One after the other took
 * no longer: they only competed for the core that Astro leaves. Without Astro
 * (a rebuild of notes only), at once is about 5 s faster at 1,000 papers.
 */
export class SearchIndexer {
  private readonly batches: SearchDocument[][] = [];
  private serialized?: Buffer;
  private readonly stopping = new AbortController();
  private running?: Promise<unknown>;

  add(documents: SearchDocument[]): void {
    this.batches.push(documents);
    this.serialized = undefined;
  }

  /** A digest of the records added so far: the same records make the same indexes. */
  digest(): string {
    return createHash("sha256").update(this.records()).digest("hex");
  }

  /** The records, v8-serialized, as the children read them. */
  private records(): Buffer {
    return (this.serialized ??= serialize(this.batches.flat()));
  }

  /**
   * After the last add: resolves with the number of records once both indexes
   * are in `dir`. `atOnce` builds them side by side, for when nothing else runs.
   */
  async write(dir: string, { atOnce = false } = {}): Promise<number> {
    // Through a file: sent over IPC, 1,000 papers' records took each child 1 s or more to receive.
    mkdirSync(dir, { recursive: true });
    const records = join(dir, ".records.bin");
    writeFileSync(records, this.records());
    this.serialized = undefined; // 16 MB at 1,000 papers, not needed past this point
    const build = (kind: SearchIndexRequest["kind"]) =>
      runChildTask(new URL("./search-index-worker.ts", import.meta.url), { kind, records, dir } satisfies SearchIndexRequest, { name: `the ${kind} search index`, signal: this.stopping.signal });
    try {
      if (atOnce) {
        await (this.running = Promise.all([build("offline"), build("pagefind")]));
      } else {
        for (const kind of ["offline", "pagefind"] as const) await (this.running = build(kind));
      }
    } finally {
      rmSync(records, { force: true });
    }
    return this.batches.reduce((count, batch) => count + batch.length, 0);
  }

  /** Ends the task at work, if any; write then rejects. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running?.catch(() => {});
  }
}

/** Moves every file of `from` to the same place under `to`, then removes `from`. */
export function mergeInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory() && existsSync(target)) mergeInto(source, target);
    else renameSync(source, target);
  }
  rmSync(from, { recursive: true, force: true });
}
