// Worker side of SearchIndexer: records arrive in batches and go into both
// indexes at once (Pagefind indexes in its own process meanwhile); a `write`
// request writes the files and answers.
import { parentPort } from "node:worker_threads";
import MiniSearch from "minisearch";
import type { SearchDocument } from "../lib/search-documents.ts";
import { createPagefindIndex, searchCore, writeOfflineIndex, type SearchWorkerReply, type SearchWorkerRequest } from "./search-index.ts";

const pagefindIndex = createPagefindIndex();
pagefindIndex.catch(() => {}); // reported by the write request, which awaits it
const mini = new MiniSearch<SearchDocument>(searchCore.options);
const adding: Promise<void>[] = [];
let records = 0;
let failure: unknown;

parentPort!.on("message", async (request: SearchWorkerRequest) => {
  try {
    if ("add" in request) {
      // Kept for the write request to report; unhandled, it would end the thread.
      adding.push(pagefindIndex.then((index) => index.add(request.add)).catch((error: unknown) => void (failure ??= error)));
      mini.addAll(request.add);
      records += request.add.length;
      return;
    }
    await Promise.all(adding);
    if (failure) throw failure;
    // Pagefind writes in its own process while this thread writes the offline index.
    const pagefindWritten = (await pagefindIndex).write(request.write);
    await Promise.all([pagefindWritten, Promise.resolve().then(() => writeOfflineIndex(request.write, mini))]);
    parentPort!.postMessage({ written: records } satisfies SearchWorkerReply);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies SearchWorkerReply);
  }
});
