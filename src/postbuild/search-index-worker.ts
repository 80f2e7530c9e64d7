// Child side of SearchIndexer: builds one kind of index for each shard it was
// given, from that shard's records, and writes it into the shard's folder.
import { serveChildTask } from "../lib/child-task.ts";
import { claimShard, closePagefind, readShardRecords, shardDir, writeOfflineShards, writePagefindShard, type SearchIndexRequest } from "./search-index.ts";

serveChildTask(async (request: SearchIndexRequest) => {
  if (request.kind === "offline") return writeOfflineShards(request);
  const { shards, dir, claims } = request;
  for (const { shard, records } of shards) {
    if (!claimShard(claims, "pagefind", shard)) continue; // another Pagefind process has it
    await writePagefindShard(shardDir(dir, shard), shard, readShardRecords(records));
  }
  await closePagefind();
});
