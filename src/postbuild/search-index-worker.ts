// Child side of SearchIndexer: builds one kind of index for each shard it was
// given, from that shard's records, and writes it into the shard's folder.
import { serveChildTask } from "../lib/child-task.ts";
import { claimShard, closePagefind, readShardRecords, shardDir, writeOfflineShard, writePagefindShard, type SearchIndexRequest } from "./search-index.ts";

serveChildTask(async ({ kind, shards, dir, claims }: SearchIndexRequest) => {
  for (const { shard, records } of shards) {
    if (!claimShard(claims, kind, shard)) continue; // another process of this kind has it
    const documents = readShardRecords(records);
    if (kind === "pagefind") await writePagefindShard(shardDir(dir, shard), shard, documents);
    else writeOfflineShard(shardDir(dir, shard), shard, documents);
  }
  if (kind === "pagefind") await closePagefind();
});
