// Worker entry for writePagefindInWorker: Pagefind's indexer is a separate process
// fed over a pipe, and this thread keeps that pipe flowing while the main thread
// is busy with the offline index and the guard.
import { workerData } from "node:worker_threads";
import { writePagefind } from "./search-index.ts";

await writePagefind(workerData.siteDir, workerData.documents);
