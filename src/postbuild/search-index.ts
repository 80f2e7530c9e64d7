// Writes both search backends from one list of documents:
// - pagefind/ for the hosted site (fetch + WebAssembly; segments Chinese);
// - search/offline-index.js, a MiniSearch index behind a classic script tag,
//   for pages opened from disk, where fetch, modules and wasm are blocked.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import MiniSearch from "minisearch";
import * as pagefind from "pagefind";
import "../../public/scripts/search-core.js";
import type { SearchDocument } from "./search-documents.ts";

interface SearchCore {
  tokenize: (text: string) => string[];
  options: ConstructorParameters<typeof MiniSearch<SearchDocument>>[0];
}
export const searchCore = (globalThis as unknown as { PapernotesSearchCore: SearchCore }).PapernotesSearchCore;

/** All records in one language index, so that one query searches en and zh notes alike. */
const INDEX_LANGUAGE = "zh";

export async function writePagefind(siteDir: string, documents: SearchDocument[]): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  const index = created.index;
  if (!index) throw new Error(`pagefind: ${created.errors.join("; ")}`);
  // Sent all at once: one at a time, the round trips to Pagefind's service dominate.
  const added = await Promise.all(
    documents.map((doc) =>
      index.addCustomRecord({
        url: `/${doc.page}${doc.hash ? "#" + doc.hash : ""}`,
        content: `${doc.title}\n${doc.heading}\n${doc.text}`,
        language: INDEX_LANGUAGE,
        meta: { title: doc.title, heading: doc.heading, kind: doc.kind },
      }),
    ),
  );
  const errors = added.flatMap((response) => response.errors);
  if (errors.length) throw new Error(`pagefind: ${errors.join("; ")}`);
  const outputPath = join(siteDir, "pagefind");
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  // We use Pagefind's search API with our own UI; its bundled UIs are dead weight.
  for (const file of readdirSync(outputPath)) if (/ui\.(js|css)$|highlight\.js$/.test(file)) rmSync(join(outputPath, file));
  await pagefind.close();
}

export function buildMiniSearch(documents: SearchDocument[]): MiniSearch<SearchDocument> {
  const mini = new MiniSearch<SearchDocument>(searchCore.options);
  mini.addAll(documents);
  return mini;
}

export function writeOfflineIndex(siteDir: string, documents: SearchDocument[]): void {
  mkdirSync(join(siteDir, "search"), { recursive: true });
  const json = JSON.stringify(buildMiniSearch(documents));
  // A classic script, not JSON: file:// pages cannot fetch.
  writeFileSync(join(siteDir, "search", "offline-index.js"), `window.PapernotesOfflineIndex=${JSON.stringify(json)};\n`);
  // The UMD build defines window.MiniSearch from a classic script.
  const umd = join(dirname(createRequire(import.meta.url).resolve("minisearch")), "..", "umd", "index.js");
  copyFileSync(umd, join(siteDir, "vendor", "minisearch.js"));
}

/** writePagefind on a worker thread, so that it overlaps with work on this one. */
export function writePagefindInWorker(siteDir: string, documents: SearchDocument[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./pagefind-worker.ts", import.meta.url), { workerData: { siteDir, documents } });
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the Pagefind worker stopped with exit code ${code}`))));
  });
}
