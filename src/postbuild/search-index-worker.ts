// Child side of SearchIndexer: builds the Pagefind index of each shard it was
// given that no other such process has claimed, from that shard's records, and
// writes it into the shard's folder.
import { serveChildTask } from "../lib/child-task.ts";
import { claimShard, closePagefind, readShardRecords, shardDir, writePagefindShard, type SearchIndexRequest } from "./search-index.ts";

serveChildTask(async ({ shards, dir, claims }: SearchIndexRequest) => {
  for (const { shard, records } of shards) {
    if (!claimShard(claims, shard)) continue; // another Pagefind process has it
    await writePagefindShard(shardDir(dir, shard), shard, readShardRecords(records));
  }
  await closePagefind();
});
