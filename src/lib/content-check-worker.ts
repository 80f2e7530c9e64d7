// Worker side of checkContentInParallel: keeps its papers' trees between the two steps.
import { parentPort } from "node:worker_threads";
import type { WorkerReply, WorkerRequest } from "./content-check-parallel.ts";
import { readPaper, renderPapers, type ContentProblem, type ParsedPaper } from "./content-check.ts";
import { indexPaper } from "./paper-index.ts";

let parsed: ParsedPaper[] = [];

parentPort!.on("message", async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (request.step === "read") {
      const problems: ContentProblem[] = [];
      parsed = request.paths.map((path) => readPaper(path, problems)).filter((paper) => paper !== undefined);
      reply = { step: "read", problems, papers: parsed.map(({ source, tree }) => indexPaper(source, tree)) };
    } else {
      reply = { step: "render", pass: await renderPapers(parsed, request.index, request.base, { render: request.render }) };
      parsed = [];
    }
  } catch (error) {
    reply = { step: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
