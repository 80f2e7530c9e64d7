// Child side of SearchIndexer: builds one index from all the records and
// writes it into the folder it was given.
import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import MiniSearch from "minisearch";
import { serveChildTask } from "../lib/child-task.ts";
import type { SearchDocument } from "../lib/search-documents.ts";
import { createPagefindIndex, searchCore, writeOfflineIndex, type SearchIndexRequest } from "./search-index.ts";

serveChildTask(async ({ kind, records, dir }: SearchIndexRequest) => {
  const documents = deserialize(readFileSync(records)) as SearchDocument[];
  if (kind === "pagefind") {
    const index = await createPagefindIndex();
    await index.add(documents);
    await index.write(dir);
  } else {
    const mini = new MiniSearch<SearchDocument>(searchCore.options);
    mini.addAll(documents);
    writeOfflineIndex(dir, mini);
  }
});
